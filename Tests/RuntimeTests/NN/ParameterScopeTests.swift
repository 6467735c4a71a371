// Copyright © 2026 the ssl authors.

import Testing

@testable import Runtime

@Suite struct ParameterScopeTests {
  @Test func prefixesNamesAndRecordsUse() throws {
    var dict = StateDict()
    dict["layer1.0.conv1.weight"] = Tensor(zeros: [2, 2])
    dict["extra"] = Tensor(zeros: [1])
    let root = ParameterScope(dict)
    let scope = root.child("layer1").child("0").child("conv1")
    #expect(scope.path("weight") == "layer1.0.conv1.weight")
    _ = try scope.tensor("weight", shape: [2, 2])
    #expect(root.unusedNames == ["extra"])
  }

  @Test func errorsNameThePathAndBothShapes() {
    var dict = StateDict()
    dict["layer3.1.bn2.running_var"] = Tensor(zeros: [512])
    let scope = ParameterScope(dict).child("layer3").child("1").child("bn2")
    #expect(throws: ParameterError.missingTensor(path: "layer3.1.bn2.weight")) {
      try scope.tensor("weight", shape: [256])
    }
    do {
      _ = try scope.tensor("running_var", shape: [256])
      Issue.record("expected a shape mismatch")
    } catch {
      #expect(error.description == "layer3.1.bn2.running_var: expected [256], found [512]")
    }
  }
}
