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
// Only for loops called inside `Parallel.withSpinningHelpers` (on that thread): a spinning
// helper takes a core from whatever runs next, and OpenBLAS's own threads run next in a
// ResNet forward. With the pool serving every loop, ResNet-50 at batch 1 (BLAS and our loops
// alternating on 2 threads) fell from 13.3–15.7 to 10.1–10.8 images/s. Outside a scope, and
// when the pool is already in use (a nested loop, or another thread's scope),
// `concurrentPerform` runs the loop as before; once no scope is open the helpers sleep.
//
// Protocol, per helper: the caller stores the job, marks it posted (release) and increments
// `posted`; the helper wakes on the new count and claims the job (1 → 2, acquire), runs it and
// marks it done (release). The caller, after its own chunk, claims the job itself if the
// helper has not (so a helper that is asleep or has no core — another process runs — never
// holds the loop up), else waits for "done", yielding its core after 50 µs. A helper that has
// waited `spinLimit` without work sleeps on a condition variable, which the caller signals
// after every post (under the mutex, so no wake-up is lost).
//
// Cost: a helper spins for at most `spinLimit` after its last chunk, on a core the caller is
// not using; `pause` keeps that spin from competing for the memory system. With both cores
// taken by other processes (`yes > /dev/null` twice), the 5,000 loops of `SpinningHelperTests`
// took 3–5 s while the caller only spun waiting for its helper, and 0.04–0.11 s once it could
// claim an unstarted chunk and yield its core.

import CKernels
import Glibc
import Synchronization

/// The process's helper threads for ``Parallel/forEachChunk(count:minChunk:_:)``.
final class ChunkPool: @unchecked Sendable {
  static let shared = ChunkPool()

  /// How long an idle helper spins before it sleeps (inside a scope). The linear probe's
  /// serial stretches between loops are shorter; 100 µs and 2 ms measured no better.
  static let spinLimit: Duration = .microseconds(500)

  /// Open `Parallel.withSpinningHelpers` scopes, on any thread; helpers spin only while > 0.
  static let scopes = Atomic<Int>(0)
  /// True on a thread inside a scope: only its loops are served by the pool.
  @TaskLocal static var inScope = false
  /// True on the helper threads (test hook: where a chunk ran).
  @TaskLocal static var onHelper = false
  private let inUse = Atomic<Bool>(false)
  /// Touched only by the thread that holds `inUse`.
  private var helpers: [Helper] = []

  /// Runs `body(w)` for `w` in `0..<workers`, `w = 0` on the calling thread, the others on the
  /// helpers; returns after all of them. Returns false, having run nothing, when the calling
  /// thread is outside a scope or the pool is already running a loop.
  func run(workers: Int, _ body: (Int) -> Void) -> Bool {
    guard Self.inScope else { return false }
    guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else { return false }
    defer { inUse.store(false, ordering: .releasing) }
    while helpers.count < workers - 1 { helpers.append(Helper()) }
    withoutActuallyEscaping(body) { body in
      for h in 0..<(workers - 1) { helpers[h].post(body, index: h + 1) }
      body(0)
      for h in 0..<(workers - 1) { helpers[h].join() }
    }
    return true
  }
}

/// One helper thread and its mailbox.
private final class Helper: @unchecked Sendable {
  /// Counts posts; the helper wakes when it moves.
  private let posted = Atomic<Int>(0)
  /// The posted job's state: 1 posted, 2 claimed (by the helper or, if it has not started, by
  /// the caller), 3 done. Whoever moves it from 1 to 2 runs the job.
  private let state = Atomic<Int>(3)
  /// Written by the caller before `state` becomes 1, read by whoever claims the job; nil
  /// between loops.
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
      let helper = Unmanaged<Helper>.fromOpaque(context!).takeUnretainedValue()
      ChunkPool.$onHelper.withValue(true) { helper.loop() }
      return nil
    }, context)
    precondition(status == 0, "ChunkPool: pthread_create failed (\(status))")
    pthread_detach(thread)
  }

  /// Hands `job(index)` to the helper.
  func post(_ job: @escaping (Int) -> Void, index: Int) {
    self.job = job
    self.index = index
    state.store(1, ordering: .releasing)
    posted.add(1, ordering: .releasing)
    pthread_mutex_lock(mutex)
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
  }

  /// After the caller's own chunk: runs the job on the calling thread if the helper has not
  /// claimed it yet (asleep, or not scheduled: another process has the core), else waits for
  /// it, yielding the core after 50 µs in case the helper was preempted. Then drops the job.
  func join() {
    if state.compareExchange(expected: 1, desired: 2, ordering: .acquiring).exchanged {
      runJob()
      state.store(3, ordering: .relaxed)
    } else {
      let clock = ContinuousClock()
      let start = clock.now
      var spins = 0
      while state.load(ordering: .acquiring) != 3 {
        spins &+= 1
        if spins > 256, start.duration(to: clock.now) > .microseconds(50) {
          sched_yield()
        } else {
          ssl_cpu_relax()
        }
      }
    }
    job = nil
  }

  /// The job, called out of line so that the closure's retain and release happen before the
  /// caller learns it is done.
  @inline(never)
  private func runJob() {
    job?(index)
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
      if state.compareExchange(expected: 1, desired: 2, ordering: .acquiring).exchanged {
        runJob()
        state.store(3, ordering: .releasing)
      }
    }
  }
}
