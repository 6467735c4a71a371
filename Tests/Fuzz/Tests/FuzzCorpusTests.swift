// Copyright © 2026 the ssl authors.
//
// The fuzz targets in the ordinary test run: every seed of every target (the committed
// fixtures each names, plus Tests/Fuzz/Corpus/<target>, where inputs that once crashed a
// reader are kept) goes through the harness, and known inputs must be accepted or refused for
// the right reason. A reader that crashes on any of them takes this test down with it.

import Foundation
import FuzzTargets
import Testing

@Suite struct FuzzCorpusTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  func outcome(_ target: FuzzTarget, _ relative: String) throws -> FuzzOutcome {
    let data = try #require(FileManager.default.contents(atPath: Self.root + "/" + relative))
    return target.run(data)
  }

  @Test(arguments: FuzzTarget.allCases)
  func everySeedRuns(_ target: FuzzTarget) throws {
    let seeds = target.seedFiles(root: Self.root)
    #expect(seeds.count >= 2, "\(target): \(seeds.count) seeds")
    var accepted = 0
    for seed in seeds {
      let data = try #require(FileManager.default.contents(atPath: seed))
      if target.run(data).isAccepted { accepted += 1 }
    }
    // Each target's seeds include well-formed files written by PyTorch, numpy, scipy, Pillow
    // or the golden scripts; a reader that refuses all of them is broken, not safe.
    #expect(accepted >= 1, "\(target): no seed accepted")
  }

  @Test func wellFormedFilesAreAccepted() throws {
    let fixtures = "Tests/RuntimeTests/Fixtures"
    let zip = try outcome(.checkpoint, "\(fixtures)/net_zip.pth")
    #expect(zip == .accepted("torch zip: 85 tensors, 85 matched, network built"))
    let cifar = try outcome(.cifar, "\(fixtures)/ds_trees/cifar10/cifar-10-batches-py/test_batch")
    #expect(cifar.isAccepted)
    let webp = try outcome(.image, "Tests/Fuzz/Corpus/image/extended_9x5.webp")
    #expect(webp == .accepted("9×5"))
    let script = try outcome(.lang, "examples/quickstart.ssl")
    #expect(script.isAccepted)
  }

  @Test func hostileFilesAreRefusedForTheRightReason() throws {
    let fixtures = "Tests/RuntimeTests/Fixtures"
    let system = try outcome(.pickle, "\(fixtures)/pickle_os_system.pkl")
    #expect(system == .rejected("pickle refers to posix.system, which is not on the whitelist; it was not run"))
    guard case .rejected(let bomb) = try outcome(.checkpoint, "\(fixtures)/pth_zip_bomb.pth") else {
      Issue.record("zip bomb accepted")
      return
    }
    #expect(bomb.contains("outputLimitExceeded"))
    for name in ["png_bomb", "gif_bomb", "bmp_bomb"] {
      guard case .rejected(let message) = try outcome(.image, "Tests/Fuzz/Corpus/image/\(name)") else {
        Issue.record("\(name) accepted")
        continue
      }
      #expect(message.contains("declares 60000 × 60000 pixels"), "\(name): \(message)")
    }
  }

  /// Pickles that would run a command if anything in them were executed: the marker file must
  /// never appear, and each is refused naming the global.
  @Test func noPickleRunsItsPayload() throws {
    let marker = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-fuzz-pwned-\(getpid())").path
    try? FileManager.default.removeItem(atPath: marker)
    let payloads: [(module: String, name: String)] = [
      ("os", "system"), ("posix", "system"), ("subprocess", "call"), ("builtins", "eval"),
      ("builtins", "exec"), ("__builtin__", "eval"), ("nt", "system"),
    ]
    for (module, name) in payloads {
      let argument = name.hasPrefix("e") ? "__import__('os').system('touch \(marker)')" : "touch \(marker)"
      // Protocol 0: GLOBAL module name, MARK, STRING argument, TUPLE, REDUCE, STOP.
      let program = "c\(module)\n\(name)\n(S'\(argument)'\ntR."
      for target in [FuzzTarget.pickle, .checkpoint] {
        let result = target.run(Data(program.utf8))
        guard case .rejected(let message) = result else {
          Issue.record("\(module).\(name) accepted by \(target)")
          continue
        }
        #expect(message.contains("\(module).\(name)") && message.contains("not run"), "\(message)")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: marker))
  }
}
