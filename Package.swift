// swift-tools-version:6.0
// ssl — measuring how pre-trained vision backbones transfer.
//
// Imports run one way: repl → Lang → Runtime → Kernels (see README.md, "Module map").
// Each C library is a system-library target nested in the one module that uses it.

import PackageDescription

let package = Package(
  name: "ssl",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ssl", targets: ["repl"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // MARK: - C libraries (found through pkg-config)
    .systemLibrary(
      name: "CBLAS", path: "Sources/Kernels/System/CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CGD", path: "Sources/Runtime/System/CGD", pkgConfig: "gdlib",
      providers: [.apt(["libgd-dev"])]),
    .systemLibrary(
      name: "CEditLine", path: "Sources/repl/System/CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),

    // The C half of Kernels: micro-kernels that need run-time CPU dispatch (AVX2 + FMA), which
    // Swift cannot express. Optimised in every configuration so debug test runs stay usable.
    .target(
      name: "CKernels", path: "Sources/Kernels/System/CKernels",
      cSettings: [.unsafeFlags(["-O2"])],
      // glibc's vector math library (part of libc6): the AVX2 `exp` of vexp.c.
      linkerSettings: [.linkedLibrary("mvec", .when(platforms: [.linux]))]),

    // MARK: - Modules
    .target(
      name: "Kernels", dependencies: ["CBLAS", "CKernels"],
      exclude: ["System", "README.md"]),
    .target(
      name: "Runtime",
      dependencies: ["Kernels", "CGD", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["System", "README.md"]),
    .target(
      name: "Lang", dependencies: ["Runtime"],
      exclude: ["README.md"]),
    .executableTarget(
      name: "repl",
      dependencies: [
        "Lang", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["System", "README.md"]),

    // MARK: - Tests
    .target(name: "TestSupport", dependencies: ["Runtime", "Kernels"], path: "Tests/TestSupport"),
    // Fuzz targets (Tests/Fuzz/README.md): the readers' harnesses, and one driver binary that
    // replays files or, built by scripts/fuzz with -sanitize=fuzzer, runs libFuzzer.
    .target(name: "FuzzTargets", dependencies: ["Lang", "Runtime"], path: "Tests/Fuzz/Targets"),
    .executableTarget(name: "ssl-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Driver"),
    .testTarget(name: "KernelsTests", dependencies: ["Kernels", "TestSupport"]),
    .testTarget(
      name: "RuntimeTests",
      dependencies: ["Runtime", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(
      name: "LangTests", dependencies: ["Lang", "Runtime", "TestSupport"],
      exclude: ["Golden", "Snapshots", "Fixtures"]),
    .testTarget(
      name: "replTests", dependencies: ["repl", "Lang", "Runtime", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "FuzzTests", dependencies: ["FuzzTargets", "Runtime"], path: "Tests/Fuzz/Tests"),
  ]
)
