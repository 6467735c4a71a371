// Copyright © 2026 the ssl authors.
//
// Reads Fixtures/corr_reference.json, written by scripts/fixtures/make_corr_reference.py
// (scipy.stats.pearsonr / spearmanr / t, scipy.special.betainc / gammaln, numpy.polyfit).

import Foundation

/// The decoded scipy reference for the correlation, regression and special-function tests.
struct CorrReferenceFixture: Decodable {
  struct Stats: Decodable {
    var n: Int
    var r: Double
    var p: Double
    var ciLow: Double
    var ciHigh: Double
    var rho: Double
    var rhoP: Double
  }

  struct Column: Decodable {
    var group: String
    var task: String
    var `protocol`: String
    var metric: String
    var transform: String
    var stats: Stats

    enum CodingKeys: String, CodingKey { case group, task, `protocol`, metric, transform }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      group = try c.decode(String.self, forKey: .group)
      task = try c.decode(String.self, forKey: .task)
      `protocol` = try c.decode(String.self, forKey: .protocol)
      metric = try c.decode(String.self, forKey: .metric)
      transform = try c.decode(String.self, forKey: .transform)
      stats = try Stats(from: decoder)
    }
  }

  struct Average: Decodable {
    var group: String
    var protocols: [String]?
    var columns: Int
    var averagedColumns: Int
    var values: [Double]
    var stats: Stats

    enum CodingKeys: String, CodingKey { case group, protocols, columns, averagedColumns, values }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      group = try c.decode(String.self, forKey: .group)
      protocols = try c.decodeIfPresent([String].self, forKey: .protocols)
      columns = try c.decode(Int.self, forKey: .columns)
      averagedColumns = try c.decode(Int.self, forKey: .averagedColumns)
      values = try c.decode([Double].self, forKey: .values)
      stats = try Stats(from: decoder)
    }
  }

  struct BandPoint: Decodable {
    var x: Double
    var level: Double
    var low: Double
    var high: Double
  }

  struct Fit: Decodable {
    var x: [Double]
    var y: [Double]
    var slope: Double
    var intercept: Double
    var residualStandardError: Double
    var band: [BandPoint]
  }

  struct BetaValue: Decodable {
    var x: Double
    var a: Double
    var b: Double
    var value: Double
  }

  struct GammaValue: Decodable {
    var x: Double
    var value: Double
  }

  struct TCDFValue: Decodable {
    var t: Double
    var df: Double
    var value: Double
  }

  struct TQuantileValue: Decodable {
    var p: Double
    var df: Double
    var value: Double
  }

  struct Special: Decodable {
    var betainc: [BetaValue]
    var gammaln: [GammaValue]
    var tCdf: [TCDFValue]
    var tPpf: [TQuantileValue]
  }

  var format: String
  var version: Int
  var models: [String]
  var x: [Double]
  var columns: [Column]
  var averages: [Average]
  var linearFit: Fit
  var special: Special

  /// `Tests/RuntimeTests/Fixtures/corr_reference.json`, found from this file's path.
  static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Analysis/
    .deletingLastPathComponent()  // RuntimeTests/
    .appendingPathComponent("Fixtures/corr_reference.json")

  /// Loads and decodes the fixture, checking its format tag and version.
  static func load() throws -> CorrReferenceFixture {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let fixture = try decoder.decode(Self.self, from: Data(contentsOf: url))
    guard fixture.format == "ssl-corr-reference", fixture.version == 1 else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return fixture
  }
}
