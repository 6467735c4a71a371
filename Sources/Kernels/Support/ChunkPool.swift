// Copyright © 2026 the ssl authors.
//
// ChunkPool.swift — the helper threads behind `Parallel.forEachChunk`: each waits for its next
// chunk by spinning for a short while before it sleeps, so that a run of short parallel loops
// (a linear probe's L-BFGS step: ~50 loops of 30–1000 µs with serial work between them) finds
// its helpers awake.
//
// Why not only `DispatchQueue.concurrentPerform`: its pool threads sleep as soon as a loop ends,
// and waking one costs tens of µs on this VM. Measured (two chunks of a 55 µs loop, one per
// core, 1000 loops back to back): 105–140 µs per loop through `concurrentPerform` — no faster
// than running both chunks on the calling thread — against 49–50 µs with a spinning helper.
//
// Only inside `Parallel.withSpinningHelpers`: a spinning helper takes a core from whatever
// runs next, and OpenBLAS's own threads run next in a ResNet forward. With the pool serving
// every loop, ResNet-50 at batch 1 (BLAS and our loops alternating on 2 threads) fell from
// 13.3–15.7 to 10.1–10.8 images/s. Outside a scope, and when the pool is already in use (a
// nested loop, or one from another thread), `concurrentPerform` runs the loop as before; at
// the end of the last scope the helpers go to sleep.
//
// Protocol, per helper: the caller stores the job, then increments `posted` (release); the
// helper sees the new count (acquire), runs its chunk, then stores the count in `finished`
// (release), on which the caller spins (acquire) before it drops the job. A helper that has
// waited `spinLimit` without work sleeps on a condition variable, which the caller signals
// after every post (under the mutex, so no wake-up is lost).
//
// Cost: a helper spins for at most `spinLimit` after its last chunk, on a core the caller is
// not using; `pause` keeps that spin from competing for the memory system.

import CKernels
import Glibc
import Synchronization

/// The process's helper threads for ``Parallel/forEachChunk(count:minChunk:_:)``.
final class ChunkPool: @unchecked Sendable {
  static let shared = ChunkPool()

  /// How long an idle helper spins before it sleeps (inside a scope). The linear probe's
  /// serial stretches between loops are shorter; 100 µs and 2 ms measured no better.
  static let spinLimit: Duration = .microseconds(500)

  /// Open `Parallel.withSpinningHelpers` scopes; the pool serves loops only while > 0.
  static let scopes = Atomic<Int>(0)
  /// Loops the helpers have run (test hook: which path a loop took).
  static let loopsServed = Atomic<Int>(0)
  private let inUse = Atomic<Bool>(false)
  /// Touched only by the thread that holds `inUse`.
  private var helpers: [Helper] = []

  /// Runs `body(w)` for `w` in `0..<workers`, `w = 0` on the calling thread, the others on the
  /// helpers; returns after all of them. Returns false, having run nothing, outside a scope or
  /// when the pool is already running a loop.
  func run(workers: Int, _ body: (Int) -> Void) -> Bool {
    guard Self.scopes.load(ordering: .relaxed) > 0 else { return false }
    guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else { return false }
    defer { inUse.store(false, ordering: .releasing) }
    while helpers.count < workers - 1 { helpers.append(Helper()) }
    withoutActuallyEscaping(body) { body in
      for h in 0..<(workers - 1) { helpers[h].post(body, index: h + 1) }
      body(0)
      for h in 0..<(workers - 1) { helpers[h].join() }
    }
    Self.loopsServed.add(1, ordering: .relaxed)
    return true
  }
}

/// One helper thread and its mailbox.
private final class Helper: @unchecked Sendable {
  private let posted = Atomic<Int>(0)
  private let finished = Atomic<Int>(0)
  /// Written by the caller before `posted` moves, read by the helper after; nil between loops.
  private var job: ((Int) -> Void)?
  private var index = 0
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>

  init() {
    mutex = .allocate(capacity: 1)
    condition = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(self).toOpaque()
    let status = pthread_create(&thread, nil, { context in
      Unmanaged<Helper>.fromOpaque(context!).takeUnretainedValue().loop()
      return nil
    }, context)
    precondition(status == 0, "ChunkPool: pthread_create failed (\(status))")
    pthread_detach(thread)
  }

  /// Hands `job(index)` to the helper.
  func post(_ job: @escaping (Int) -> Void, index: Int) {
    self.job = job
    self.index = index
    posted.add(1, ordering: .releasing)
    pthread_mutex_lock(mutex)
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Waits until the posted job has run, then drops it.
  func join() {
    let target = posted.load(ordering: .relaxed)
    while finished.load(ordering: .acquiring) != target { ssl_cpu_relax() }
    job = nil
  }

  private func loop() {
    let clock = ContinuousClock()
    var seen = 0
    while true {
      let idleSince = clock.now
      var spins = 0
      while posted.load(ordering: .acquiring) == seen {
        spins &+= 1
        if spins & 255 == 0,
          ChunkPool.scopes.load(ordering: .relaxed) == 0
            || idleSince.duration(to: clock.now) > ChunkPool.spinLimit
        {
          pthread_mutex_lock(mutex)
          while posted.load(ordering: .acquiring) == seen {
            pthread_cond_wait(condition, mutex)
          }
          pthread_mutex_unlock(mutex)
          break
        }
        ssl_cpu_relax()
      }
      seen = posted.load(ordering: .acquiring)
      job?(index)
      finished.store(seen, ordering: .releasing)
    }
  }
}
