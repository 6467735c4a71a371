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

  @Test func chunksRunOnHelpersAndCoverTheRangeEveryLoop() {
    let before = BLASThreads.current
    defer { BLASThreads.set(before) }
    BLASThreads.set(2)
    let count = 1_001
    var hits = [Int](repeating: 0, count: count)
    var threads = [UInt](repeating: 0, count: 2)
    let caller = Self.threadID()
    let served = Parallel.loopsOnSpinningHelpers
    Parallel.withSpinningHelpers {
      hits.withUnsafeMutableBufferPointer { hits in
        threads.withUnsafeMutableBufferPointer { threads in
          let (box, ids) = (UnsafeSendableBuffer(hits), UnsafeSendableBuffer(threads))
          for loop in 0..<5_000 {
            Parallel.forEachChunk(count: count, minChunk: 1) { range in
              ids.buffer[range.lowerBound == 0 ? 0 : 1] = Self.threadID()
              for i in range { box.buffer[i] += 1 }
            }
            // Every item of this loop is visible here, on the calling thread.
            if box.buffer[0] != loop + 1 || box.buffer[count - 1] != loop + 1 { break }
          }
        }
      }
    }
    #expect(hits.allSatisfy { $0 == 5_000 })
    #expect(threads[0] == caller, "the first chunk runs on the calling thread")
    #expect(threads[1] != caller && threads[1] != 0, "the second chunk runs on a helper")
    #expect(Parallel.loopsOnSpinningHelpers - served == 5_000)
    // Outside a scope, loops go to `concurrentPerform` again.
    let after = Parallel.loopsOnSpinningHelpers
    hits.withUnsafeMutableBufferPointer { hits in
      let box = UnsafeSendableBuffer(hits)
      Parallel.forEachChunk(count: count, minChunk: 1) { range in
        for i in range { box.buffer[i] -= 1 }
      }
    }
    #expect(hits.allSatisfy { $0 == 4_999 })
    #expect(Parallel.loopsOnSpinningHelpers == after)
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
        // One scope is still open: the helpers serve this loop too.
        let served = Parallel.loopsOnSpinningHelpers
        Parallel.forEachChunk(count: outer * inner, minChunk: 1) { range in
          for i in range { box.buffer[i] += 10 }
        }
        #expect(Parallel.loopsOnSpinningHelpers == served + 1)
      }
    }
    #expect(hits.allSatisfy { $0 == 11 })
  }
}

private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
