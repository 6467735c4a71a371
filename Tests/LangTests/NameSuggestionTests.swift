// Copyright © 2026 the ssl authors.

import Testing

@testable import Lang

@Suite struct NameSuggestionTests {
  static let datasets = ["pets", "flowers", "dtd", "caltech101", "cifar10", "cifar100"]
  static let models = ["byol", "moco-v1", "moco-v2", "deepcluster-v2", "swav", "simclr-v1"]

  @Test func typo() {
    #expect(NameSuggestion.nearest(to: "petz", among: Self.datasets) == "pets")
    #expect(NameSuggestion.nearest(to: "flowrs", among: Self.datasets) == "flowers")
  }

  @Test func punctuationAndCaseAreIgnored() {
    #expect(NameSuggestion.nearest(to: "mocov2", among: Self.models) == "moco-v2")
    #expect(NameSuggestion.nearest(to: "MoCo_V2", among: Self.models) == "moco-v2")
    #expect(NameSuggestion.nearest(to: "DeepCluster v2", among: Self.models) == "deepcluster-v2")
  }

  @Test func transpositionCostsOne() {
    #expect(NameSuggestion.optimalAlignmentDistance(Array("ab"), Array("ba")) == 1)
    #expect(NameSuggestion.nearest(to: "bylo", among: Self.models) == "byol")
    // Optimal string alignment, not full Damerau–Levenshtein: "ca" → "abc" is 3, not 2.
    #expect(NameSuggestion.optimalAlignmentDistance(Array("ca"), Array("abc")) == 3)
  }

  @Test func farNamesHaveNoSuggestion() {
    #expect(NameSuggestion.nearest(to: "xyz", among: Self.datasets) == nil)
    #expect(NameSuggestion.nearest(to: "imagenet", among: Self.datasets) == nil)
    #expect(NameSuggestion.nearest(to: "--", among: Self.datasets) == nil)
    #expect(NameSuggestion.nearest(to: "pets", among: []) == nil)
  }

  @Test func thresholdGrowsWithLength() {
    // length 4: at most 1 edit; length 9: at most 3.
    #expect(NameSuggestion.nearest(to: "pxtz", among: ["pets"]) == nil)
    #expect(NameSuggestion.nearest(to: "caltekk01", among: ["caltech101"]) == "caltech101")
    // Short names still allow one edit.
    #expect(NameSuggestion.nearest(to: "dt", among: Self.datasets) == "dtd")
  }

  @Test func tiesGoToTheFirstCandidate() {
    #expect(NameSuggestion.nearest(to: "cifar1", among: ["cifar10", "cifar100"]) == "cifar10")
    #expect(NameSuggestion.nearest(to: "cat", among: ["bat", "cab"]) == "bat")
    #expect(NameSuggestion.nearest(to: "cat", among: ["cab", "bat"]) == "cab")
  }

  @Test func exactNormalizedMatchWins() {
    #expect(NameSuggestion.nearest(to: "SwAV", among: ["swa", "swav"]) == "swav")
  }

  @Test func normalize() {
    #expect(NameSuggestion.normalize("MoCo-v2") == "mocov2")
    #expect(NameSuggestion.normalize("within-11.25") == "within1125")
    #expect(NameSuggestion.normalize("moco_v2") == "mocov2")
  }
}
