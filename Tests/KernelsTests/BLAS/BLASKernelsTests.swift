// Copyright © 2026 the ssl authors.

import Foundation
import Kernels
import Testing

@Suite struct BLASKernelsTests {
  /// The rule: only AMD family 19h (Zen 4 is the one with AVX-512) leaves Intel's AVX-512 sets.
  @Test func preferredKernelSet() {
    let cases: [(String, Int, String, String?)] = [
      ("AuthenticAMD", 0x19, "Cooperlake", "Haswell"),
      ("AuthenticAMD", 0x19, "SkylakeX", "Haswell"),
      ("AuthenticAMD", 0x19, "sapphirerapids", "Haswell"),
      ("AuthenticAMD", 0x19, "Zen", nil),  // Zen 3: OpenBLAS already runs AVX2 kernels
      ("AuthenticAMD", 0x19, "Haswell", nil),
      ("AuthenticAMD", 0x1A, "Cooperlake", nil),  // Zen 5: full-width AVX-512
      ("AuthenticAMD", 0x17, "Zen", nil),
      ("GenuineIntel", 6, "Cooperlake", nil),
      ("GenuineIntel", 6, "SkylakeX", nil),
    ]
    for (vendor, family, current, expected) in cases {
      #expect(
        BLASKernels.preferred(vendor: vendor, family: family, current: current) == expected,
        "\(vendor) family \(family) running \(current)")
    }
  }

  /// `/proc/cpuinfo` is an independent source for the CPUID vendor and family.
  @Test func cpuIdentityMatchesProcCpuinfo() throws {
    guard let cpu = BLASKernels.cpu,
      let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
    else { return }
    func field(_ name: String) -> String? {
      text.split(separator: "\n").first { $0.hasPrefix(name) }?
        .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
    }
    #expect(field("vendor_id") == cpu.vendor)
    #expect(field("cpu family").flatMap { Int($0) } == cpu.family)
  }

  /// What runs now is OpenBLAS's load-time choice, replaced where the rule says so, and the
  /// override leaves no OPENBLAS_CORETYPE behind for child processes.
  @Test func runningKernelSetFollowsTheRule() throws {
    let loaded = BLASKernels.chosenAtLoad
    #expect(!loaded.isEmpty)
    guard let cpu = BLASKernels.cpu else { return }
    if loaded != BLASKernels.current {
      #expect(getenv("OPENBLAS_CORETYPE") == nil)
      #expect(
        BLASKernels.current
          == BLASKernels.preferred(vendor: cpu.vendor, family: cpu.family, current: loaded))
    } else if getenv("OPENBLAS_CORETYPE") == nil {
      // Unchanged is right only where the rule keeps OpenBLAS's choice (or the build cannot
      // switch: then its config lacks DYNAMIC_ARCH).
      let preferred = BLASKernels.preferred(vendor: cpu.vendor, family: cpu.family, current: loaded)
      #expect(preferred == nil || !BLASKernels.openBLASConfig.contains("DYNAMIC_ARCH"))
    }
  }
}
