// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif


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

/// `withSpinningHelpers`: the same chunks, the second on a helper thread, over thousands of
/// loops in a row (each loop's writes are seen by the caller when it returns), nested loops and
/// nested scopes; serialized, since it sets the thread count.
@Suite(.serialized) struct SpinningHelperTests {
  static func threadID() -> UInt { UInt(bitPattern: Int(bitPattern: pthread_self())) }

  /// Runs `loops` two-chunk loops over `count` items; returns, per chunk index, how many loops
  /// ran that chunk on the calling thread and on a pool helper.
  static func loops(
    _ loops: Int, over hits: inout [Int]
  ) -> (onCaller: [Int], onHelper: [Int]) {
    let count = hits.count
    let caller = threadID()
    var onCaller = [0, 0]
    var onHelper = [0, 0]
    hits.withUnsafeMutableBufferPointer { hits in
      var seen = [(UInt, Bool)](repeating: (0, false), count: 2)
      seen.withUnsafeMutableBufferPointer { seen in
        let (box, where_) = (UnsafeSendableBuffer(hits), UnsafeSendableBuffer(seen))
        for _ in 0..<loops {
          let before = box.buffer[0]
          Parallel.forEachChunk(count: count, minChunk: 1) { range in
            where_.buffer[range.lowerBound == 0 ? 0 : 1] = (
              threadID(), Parallel.isSpinningHelperThread
            )
            for i in range { box.buffer[i] += 1 }
          }
          // Every item of this loop is visible here, on the calling thread.
          if box.buffer[0] != before + 1 || box.buffer[count - 1] != before + 1 { break }
          for chunk in 0..<2 {
            if where_.buffer[chunk].0 == caller { onCaller[chunk] += 1 }
            if where_.buffer[chunk].1 { onHelper[chunk] += 1 }
          }
        }
      }
    }
    return (onCaller, onHelper)
  }

  @Test func chunksRunOnHelpersOnlyInsideAScope() {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(2)
    var hits = [Int](repeating: 0, count: 1_001)
    let inside = Parallel.withSpinningHelpers { Self.loops(5_000, over: &hits) }
    #expect(hits.allSatisfy { $0 == 5_000 })
    #expect(inside.onCaller[0] == 5_000, "the first chunk always runs on the calling thread")
    // The second runs on the helper unless the caller finds it unclaimed (helper not awake).
    #expect(inside.onHelper[1] > 0, "the helper ran second chunks")
    #expect(inside.onHelper[1] + inside.onCaller[1] == 5_000)
    // Outside a scope the loops go to `concurrentPerform` again: no chunk on a pool helper.
    let outside = Self.loops(200, over: &hits)
    #expect(hits.allSatisfy { $0 == 5_200 })
    #expect(outside.onHelper == [0, 0])
  }

  @Test func nestedLoopsAndScopesStillCoverEveryItem() {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(2)
    let outer = 8, inner = 300
    var hits = [Int](repeating: 0, count: outer * inner)
    hits.withUnsafeMutableBufferPointer { hits in
      let box = UnsafeSendableBuffer(hits)
      Parallel.withSpinningHelpers {
        Parallel.withSpinningHelpers {
          // The pool is busy with the outer loop, so the inner ones take the fallback path.
          Parallel.forEachChunk(count: outer, minChunk: 1) { rows in
            for row in rows {
              Parallel.forEachChunk(count: inner, minChunk: 1) { columns in
                for column in columns { box.buffer[row * inner + column] += 1 }
              }
            }
          }
        }
        // One scope is still open: the pool serves this loop too.
        Parallel.forEachChunk(count: outer * inner, minChunk: 1) { range in
          for i in range { box.buffer[i] += 10 }
        }
      }
    }
    #expect(hits.allSatisfy { $0 == 11 })
  }
}

private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
