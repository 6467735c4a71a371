// Copyright © 2026 the ssl authors.
//
// Reference values: Fixtures/corr_reference.json from scripts/fixtures/make_corr_reference.py
// (scipy 1.17 pearsonr, confidence_interval(), spearmanr; numpy mean for the averages).

import Runtime
import TestSupport
import Testing

@Suite struct TransferCorrelationTests {
  /// The 14 paper models in the CSV's order.
  let models = ResultsTable.reference.models

  func request(
    _ target: CorrelationRequest.Target, protocols: [String]? = nil, metrics: [String]? = nil,
    excluded: [String] = []
  ) -> CorrelationRequest {
    CorrelationRequest(
      target: target, protocols: protocols, metrics: metrics, models: models,
      excluded: excluded)
  }

  /// Every transfer column of every group agrees with scipy to 1e-6 (relative, with a 1e-12
  /// floor for p-values near zero).
  @Test func everyColumnMatchesScipy() throws {
    let fixture = try CorrReferenceFixture.load()
    #expect(fixture.models == models)
    var checked = 0
    for protocols in [["linear"], ["finetune"]] {
      let analysis = try TransferCorrelation.analyze(
        request(.group("manyshot"), protocols: protocols), table: .reference)
      checked += try compare(analysis.rows, fixture)
    }
    for group in ["fewshot", "cdfsl", "detection", "dense"] {
      let analysis = try TransferCorrelation.analyze(request(.group(group)), table: .reference)
      checked += try compare(analysis.rows, fixture)
    }
    #expect(checked == fixture.columns.count)
  }

  private func compare(_ rows: [TaskCorrelation], _ fixture: CorrReferenceFixture) throws -> Int {
    for row in rows {
      let expected = try #require(
        fixture.columns.first {
          $0.task == row.column.task && $0.protocol == row.column.protocol
            && $0.metric == row.column.metric && $0.group == row.column.group
        }, "no fixture entry for \(row.column)")
      #expect(row.transform.rawValue == expected.transform, "\(row.column)")
      check(row, expected.stats, "\(row.column)")
    }
    return rows.count
  }

  private func check(_ row: TaskCorrelation, _ e: CorrReferenceFixture.Stats, _ label: String) {
    #expect(row.n == e.n, "\(label)")
    let actual = [
      row.pearson.r, row.pearson.pValue, row.pearson.ci95.lowerBound, row.pearson.ci95.upperBound,
      row.spearman.rho, row.spearman.pValue,
    ]
    assertClose(
      actual, [e.r, e.p, e.ciLow, e.ciHigh, e.rho, e.rhoP], rtol: 1e-6, atol: 1e-12,
      "\(label)")
  }

  /// The average transfer log-odds of each Figure 1 panel, and their correlations.
  @Test func averagesMatchNumpyAndScipy() throws {
    let fixture = try CorrReferenceFixture.load()
    for expected in fixture.averages {
      let analysis = try TransferCorrelation.analyze(
        request(.group(expected.group), protocols: expected.protocols), table: .reference)
      let average = try #require(analysis.average)
      #expect(analysis.rows.count == expected.columns)
      #expect(analysis.averageColumns.count == expected.averagedColumns)
      assertClose(analysis.averagePoints.map(\.y), expected.values, rtol: 1e-9, atol: 1e-12)
      assertClose(analysis.averagePoints.map(\.x), fixture.x, rtol: 1e-12)
      check(average, expected.stats, "average \(expected.group)")
    }
  }

  /// The spec's published checks: Pets linear r = 0.978, ISIC r = 0.050 (rounded).
  @Test func specChecks() throws {
    let pets = try TransferCorrelation.analyze(
      request(.task("pets"), protocols: ["linear"]), table: .reference)
    #expect(pets.rows.count == 1)
    #expect((pets.rows[0].pearson.r * 1000).rounded() / 1000 == 0.978)
    let isic = try TransferCorrelation.analyze(request(.task("ISIC")), table: .reference)
    #expect((isic.rows[0].pearson.r * 1000).rounded() / 1000 == 0.050)
  }

  @Test func manyshotDefaultsToLinear() throws {
    let analysis = try TransferCorrelation.analyze(request(.group("many-shot")), table: .reference)
    #expect(analysis.rows.count == 11)
    #expect(analysis.rows.allSatisfy { $0.column.protocol == "linear" })
    #expect(analysis.rows.first?.column.task == "Aircraft")
    #expect(analysis.rows.last?.column.task == "VOC2007")
    #expect(analysis.average?.column.protocol == "linear")
    #expect(analysis.target == "group manyshot (linear)")
  }

  @Test func taskTargetSpansGroupsInCSVOrder() throws {
    let analysis = try TransferCorrelation.analyze(request(.task("pets")), table: .reference)
    #expect(analysis.rows.map(\.column.protocol) == ["linear", "finetune", "fewshot-5way-20shot"])
    #expect(analysis.averageColumns.count == 3)
  }

  /// Angle errors are negated, reported per column, and left out of the dense average.
  @Test func negatedColumnsAreNotAveraged() throws {
    let analysis = try TransferCorrelation.analyze(request(.group("dense")), table: .reference)
    let negated = analysis.rows.filter { $0.transform == .negated }.map(\.column.metric)
    #expect(negated == ["mean-angle-error", "median-angle-error"])
    #expect(analysis.averageColumns.count == 5)
    let errors = try TransferCorrelation.analyze(
      request(.group("dense"), metrics: ["mean-angle-error"]), table: .reference)
    #expect(errors.average == nil)
    #expect(errors.averagePoints.isEmpty)
    let point = try #require(errors.pointsByColumn[errors.rows[0].column]?.first)
    #expect(point.model == "InsDis")
    #expect(point.y < 0)
  }

  @Test func exclusionsMatchAliases() throws {
    let analysis = try TransferCorrelation.analyze(
      request(.task("ISIC"), excluded: ["swav", "Supervised"]), table: .reference)
    #expect(analysis.models.count == 12)
    #expect(!analysis.models.contains("SwAV"))
    #expect(analysis.rows[0].n == 12)
  }

  // MARK: - Errors

  @Test func tooFewModels() {
    let request = CorrelationRequest(
      target: .group("cdfsl"), models: ["BYOL", "SwAV", "PIRL"], excluded: ["pirl"])
    #expect(throws: AnalysisError.tooFewModels(count: 2, needed: 3)) {
      try TransferCorrelation.analyze(request, table: .reference)
    }
  }

  @Test func missingValuesListEveryGap() {
    var table = ResultsTable.reference
    table.rows.removeAll {
      $0.model == "SwAV" && $0.task == "Pets" && $0.protocol == "finetune"
        || $0.model == "BYOL" && $0.task == "Food" && $0.protocol == "finetune"
    }
    let request = request(.group("manyshot"), protocols: ["finetune"])
    let pets = ColumnKey(
      task: "Pets", protocol: "finetune", metric: "mean-per-class",
      group: "manyshot")
    let food = ColumnKey(task: "Food", protocol: "finetune", metric: "top1", group: "manyshot")
    let expected = AnalysisError.missingValues([
      MissingValue(model: "BYOL", column: food), MissingValue(model: "SwAV", column: pets),
    ])
    #expect(throws: expected) { try TransferCorrelation.analyze(request, table: table) }
    #expect(expected.description.contains("SwAV lacks Pets finetune mean-per-class"))
  }

  /// A model outside the zoo with no ImageNet row lacks the x value.
  @Test func unknownModelLacksImagenet() {
    let request = CorrelationRequest(
      target: .task("ISIC"), models: ["BYOL", "SwAV", "PIRL", "Mystery"])
    #expect(
      throws: AnalysisError.missingValues([
        MissingValue(model: "Mystery", column: .imagenetTop1),
        MissingValue(
          model: "Mystery",
          column: ColumnKey(
            task: "ISIC", protocol: "fewshot-5way-20shot", metric: "top1", group: "cdfsl")),
      ])
    ) { try TransferCorrelation.analyze(request, table: .reference) }
  }

  @Test func noMatchingColumns() {
    let request = request(.group("fewshot"), protocols: ["linear"])
    let expected = AnalysisError.noMatchingColumns(
      target: "group fewshot", protocols: ["linear"], metrics: nil)
    #expect(throws: expected) { try TransferCorrelation.analyze(request, table: .reference) }
  }

  @Test func logitOfHundredPercentIsNotFinite() {
    var table = ResultsTable.reference
    let index = table.rows.firstIndex { $0.model == "BYOL" && $0.task == "ISIC" }
    table.rows[index ?? 0].value = 100
    let column = ColumnKey(
      task: "ISIC", protocol: "fewshot-5way-20shot", metric: "top1", group: "cdfsl")
    #expect(throws: AnalysisError.nonFiniteTransform(model: "BYOL", column: column, value: 100)) {
      try TransferCorrelation.analyze(request(.task("isic")), table: table)
    }
  }

  @Test func constantColumnIsReported() {
    var table = ResultsTable.reference
    for i in table.rows.indices where table.rows[i].task == "ChestX" { table.rows[i].value = 30 }
    let column = ColumnKey(
      task: "ChestX", protocol: "fewshot-5way-20shot", metric: "top1", group: "cdfsl")
    #expect(throws: AnalysisError.constantColumn(column: column)) {
      try TransferCorrelation.analyze(request(.task("chestx")), table: table)
    }
  }
}
