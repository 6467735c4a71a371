// Copyright © 2026 the ssl authors.

import Runtime
import Testing

@Suite struct TaskCatalogTests {
  @Test func catalogMatchesTheReferenceTable() {
    var tasks: [String] = []
    var groups: [String] = []
    for column in ResultsTable.reference.columns {
      if !tasks.contains(column.task) { tasks.append(column.task) }
      if !groups.contains(column.group) { groups.append(column.group) }
    }
    #expect(TaskCatalog.tasks == tasks)
    // The reference table's groups, then the measured-only analysis groups.
    #expect(TaskCatalog.groups == groups + ["calibration", "invariance", "attention"])
  }

  @Test(arguments: [
    ("voc07", "VOC2007"), ("VOC2007", "VOC2007"), ("caltech", "Caltech101"),
    ("cifar-10", "CIFAR10"), ("cifar_100", "CIFAR100"), ("nyu", "NYUv2-normals"),
    ("normals", "NYUv2-normals"), ("ade", "ADE20K"), ("voc-det", "VOC-detection"),
    ("pets", "Pets"), ("imagenet", "ImageNet"), ("isic", "ISIC"), ("chestx", "ChestX"),
  ])
  func resolvesTask(name: String, task: String) {
    #expect(TaskCatalog.resolveTask(name) == task)
  }

  @Test func resolvesGroups() {
    #expect(TaskCatalog.resolveGroup("many-shot") == "manyshot")
    #expect(TaskCatalog.resolveGroup("CD-FSL") == "cdfsl")
    #expect(TaskCatalog.resolveGroup("Few_Shot") == "fewshot")
    #expect(TaskCatalog.resolveGroup("pets") == nil)
    #expect(TaskCatalog.resolveTask("manyshot") == nil)
  }

  /// Task and group names never collide, except `imagenet`, which names both the task and
  /// its one-column group.
  @Test func namesAreUnambiguous() {
    #expect(TaskCatalog.resolveGroup("ImageNet") == "imagenet")
    for name in TaskCatalog.allNames where TaskCatalog.resolveTask(name) != "ImageNet" {
      let both = TaskCatalog.resolveTask(name) != nil && TaskCatalog.resolveGroup(name) != nil
      #expect(!both, "\(name) is both a task and a group")
    }
  }
}
