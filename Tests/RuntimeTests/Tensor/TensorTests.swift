// Copyright © 2026 the ssl authors.

import Testing

@testable import Runtime

@Suite struct TensorTests {
  @Test func storesShapeAndRowMajorScalars() {
    let t = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(t.shape == [2, 3])
    #expect(t.strides == [3, 1])
    #expect(t.count == 6)
    #expect(t.rank == 2)
    #expect(t.isContiguous)
    #expect(t.scalars == [1, 2, 3, 4, 5, 6])
  }

  @Test func scalarAndEmptyShapes() {
    #expect(Tensor(shape: [], scalars: [7]).scalars == [7])
    #expect(Tensor(shape: [0, 4], scalars: []).count == 0)
    #expect(Tensor(zeros: [2, 2]).scalars == [0, 0, 0, 0])
  }

  @Test func validatingInitThrowsTypedErrors() {
    #expect(throws: TensorError.elementCountMismatch(shape: [2, 2], count: 3)) {
      try Tensor(validatingShape: [2, 2], scalars: [1, 2, 3])
    }
    #expect(throws: TensorError.invalidShape([-1], reason: "negative dimension")) {
      try Tensor(validatingShape: [-1], scalars: [])
    }
  }

  @Test func copiesAreIndependentAfterAWrite() {
    let a = Tensor(shape: [3], scalars: [1, 2, 3])
    var b = a
    #expect(a.storage === b.storage)  // shared until written
    b.withMutableBuffer { $0[0] = 9 }
    #expect(a.scalars == [1, 2, 3])
    #expect(b.scalars == [9, 2, 3])
    #expect(a.storage !== b.storage)
  }

  @Test func uniqueTensorIsWrittenInPlace() {
    var a = Tensor(shape: [2], scalars: [1, 2])
    let before = ObjectIdentifier(a.storage)
    a.withMutableBuffer { $0[1] = 5 }
    #expect(ObjectIdentifier(a.storage) == before)
    #expect(a.scalars == [1, 5])
  }

  @Test func errorDescriptionsNameTheOperation() {
    let error = TensorError.shapeMismatch(op: "linear", lhs: [2, 3], rhs: [4, 5])
    #expect(error.description == "linear: shape mismatch [2, 3] vs [4, 5]")
  }
}

@Suite struct StateDictTests {
  @Test func keepsInsertionOrderAndReplacesInPlace() {
    var dict = StateDict()
    dict["b"] = Tensor(shape: [1], scalars: [1])
    dict["a"] = Tensor(shape: [1], scalars: [2])
    dict["b"] = Tensor(shape: [1], scalars: [3])
    #expect(dict.names == ["b", "a"])
    #expect(dict.count == 2)
    #expect(dict["b"]?.scalars == [3])
    dict["b"] = nil
    #expect(dict.names == ["a"])
    #expect(dict["missing"] == nil)
  }
}
