// Copyright © 2026 the ssl authors.

import Runtime
import Testing

@Suite struct ResultsTableTests {
  let table = ResultsTable.reference

  @Test func referenceShape() {
    #expect(table.rows.count == 700)
    #expect(table.models.count == 14)
    #expect(table.columns.count == 50)
    #expect(table.columns.first == .imagenetTop1)
    #expect(table.models.first == "InsDis")
    #expect(table.models.last == "Supervised")
  }

  @Test func provenanceFollowsPaperTables() {
    let tables = Dictionary(grouping: table.rows, by: \.group).mapValues {
      Set($0.map(\.provenance))
    }
    #expect(tables["imagenet"] == [.reference(table: 1)])
    #expect(tables["manyshot"] == [.reference(table: 1)])
    #expect(tables["fewshot"] == [.reference(table: 2)])
    #expect(tables["cdfsl"] == [.reference(table: 3)])
    #expect(tables["detection"] == [.reference(table: 4)])
    #expect(tables["dense"] == [.reference(table: 5)])
    #expect(
      Provenance.reference(table: 3).description == "reference (Ericsson et al. 2021, Table 3)")
  }

  @Test func lookups() {
    #expect(table.imagenetTop1(model: "BYOL") == 74.3)
    #expect(table.rows(model: "SwAV").count == 50)
    #expect(table.rows(group: "cdfsl").count == 56)
    #expect(table.rows(task: "Pets").count == 42)
    let pets = ColumnKey(
      task: "Pets", protocol: "linear", metric: "mean-per-class",
      group: "manyshot")
    #expect(table.value(model: "InsDis", column: pets) == 68.78)
    #expect(table.value(model: "Nobody", column: pets) == nil)
    #expect(pets.description == "Pets linear mean-per-class")
  }

  @Test func laterRowsOverride() {
    var copy = table
    copy.append(contentsOf: [
      ResultRow(
        model: "BYOL", task: "ImageNet", group: "imagenet", protocol: "linear", metric: "top1",
        value: 70, better: .higher, provenance: .measured(description: "test run"))
    ])
    #expect(copy.imagenetTop1(model: "BYOL") == 70)
    #expect(
      copy.row(model: "BYOL", column: .imagenetTop1)?.provenance.description
        == "measured (test run)")
  }

  @Test func fewShotRowsCarryIntervals() {
    let fewshot = table.rows(group: "fewshot") + table.rows(group: "cdfsl")
    #expect(fewshot.allSatisfy { $0.ci95 != nil })
    #expect(table.rows(group: "manyshot").allSatisfy { $0.ci95 == nil })
  }

  @Test func metricScalesAndDirections() {
    #expect(MetricScale(metric: "mean-iou") == .fraction)
    #expect(MetricScale(metric: "median-angle-error") == .degrees)
    #expect(MetricScale(metric: "AP50") == .percent)
    #expect(MetricScale(metric: "within-11.25") == .percent)
    let lower = Set(table.rows.filter { $0.better == .lower }.map(\.metric))
    #expect(lower == ["mean-angle-error", "median-angle-error"])
    let iou = table.rows.filter { $0.metric == "mean-iou" }.map(\.value)
    #expect(iou.allSatisfy { $0 > 0 && $0 < 1 })
  }
}
