// Copyright © 2026 the ssl authors.

import Kernels
import Synchronization
import Testing

@Suite struct ParallelTests {
  /// The chunks cover 0..<count exactly once, for counts around the worker count.
  @Test(arguments: [0, 1, 2, 3, 7, 64, 1_001])
  func chunksCoverRangeOnce(count: Int) {
    // Chunks are disjoint by contract, so plain increments suffice; an overlap would show as 2.
    var hits = [Int](repeating: 0, count: count)
    let chunks = Atomic<Int>(0)
    hits.withUnsafeMutableBufferPointer { hits in
      let box = UnsafeSendableBuffer(hits)
      Parallel.forEachChunk(count: count, minChunk: 1) { range in
        chunks.add(1, ordering: .relaxed)
        for i in range { box.buffer[i] += 1 }
      }
    }
    #expect(hits.allSatisfy { $0 == 1 })
    #expect(chunks.load(ordering: .relaxed) <= max(1, BLASThreads.current))
  }

  /// A loop smaller than `minChunk` runs inline as one chunk.
  @Test func smallLoopRunsInline() {
    let calls = Atomic<Int>(0)
    Parallel.forEachChunk(count: 10, minChunk: 100) { range in
      #expect(range == 0..<10)
      calls.add(1, ordering: .relaxed)
    }
    #expect(calls.load(ordering: .relaxed) == 1)
  }
}

private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
