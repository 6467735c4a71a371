// Copyright © 2026 the ssl authors.
//
// ssl-fuzz: one binary for every fuzz target (`FuzzTarget`), chosen by `SSL_FUZZ_TARGET`.
//
// Built plainly (`swift build --product ssl-fuzz`) it replays files:
//     ssl-fuzz <target> <file or folder>...
//     ssl-fuzz --seeds <target>        (the target's seed files)
// printing one line per input (accepted / rejected, with the typed error) — how a crash file
// libFuzzer saved is looked at after a fix.
//
// Built for fuzzing (`scripts/fuzz`, which passes `-sanitize=fuzzer -DSSL_LIBFUZZER`), main
// hands control to libFuzzer's driver; every libFuzzer flag works:
//     SSL_FUZZ_TARGET=pickle ssl-fuzz corpus/ -max_total_time=600
// libFuzzer's own `main` is never linked in: SwiftPM renames this file's entry point and the
// linker only takes archive members it needs, so the driver is reached through
// `LLVMFuzzerRunDriver`.

import Foundation
import FuzzTargets

/// The target named by `SSL_FUZZ_TARGET` (fuzzing) — checked once, before the first input.
nonisolated(unsafe) var selected: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let target = selected else { return 0 }
  let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
  _ = target.run(data)
  return 0
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("ssl-fuzz: " + message + "\n").utf8))
  exit(64)
}

let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

#if SSL_LIBFUZZER
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  let name = ProcessInfo.processInfo.environment["SSL_FUZZ_TARGET"] ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    fail("set SSL_FUZZ_TARGET to one of: \(names) (got '\(name)')")
  }
  if ProcessInfo.processInfo.environment["SSL_FUZZ_LIST_SEEDS"] != nil {
    target.seedFiles(root: FileManager.default.currentDirectoryPath).forEach { print($0) }
    exit(0)
  }
  selected = target
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
#else
  let arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.count == 2, arguments[0] == "--seeds", let target = FuzzTarget(rawValue: arguments[1]) {
    target.seedFiles(root: FileManager.default.currentDirectoryPath).forEach { print($0) }
    exit(0)
  }
  guard let first = arguments.first, let target = FuzzTarget(rawValue: first) else {
    fail("usage: ssl-fuzz <target> <file or folder>...; targets: \(names)")
  }
  var files: [String] = []
  for path in arguments.dropFirst() {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      fail("\(path): no such file or folder")
    }
    if isFolder.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files += names.sorted().map { path + "/" + $0 }.filter { file in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
          && !isFolder.boolValue
      }
    } else {
      files.append(path)
    }
  }
  var accepted = 0
  for file in files {
    guard let data = FileManager.default.contents(atPath: file) else { fail("\(file): unreadable") }
    let outcome = target.run(data)
    switch outcome {
    case .accepted(let summary): print("\(file): accepted — \(summary)")
    case .rejected(let error): print("\(file): rejected — \(error)")
    }
    if outcome.isAccepted { accepted += 1 }
  }
  print("\(files.count) inputs, \(accepted) accepted, \(files.count - accepted) rejected, 0 crashes")
#endif
