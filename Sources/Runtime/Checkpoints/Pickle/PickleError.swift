// Copyright © 2026 the ssl authors.

/// Why the restricted unpickler stopped. Offsets are byte positions in the pickle stream.
public enum PickleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A limit of ``CheckpointLimits`` that a pickle may not exceed.
  public enum Limit: String, Sendable {
    /// Values on the stack.
    case stackDepth = "stack depth"
    /// Entries in the memo.
    case memoEntries = "memo entries"
    /// Objects built in total.
    case objects = "objects"
    /// Containers nested inside each other.
    case nesting = "nesting depth"
  }

  // MARK: - Stream

  /// The stream ended inside an opcode's argument or before `STOP`.
  case truncated(offset: Int)
  /// A byte that is no pickle opcode.
  case unknownOpcode(UInt8, offset: Int)
  /// An opcode this machine refuses (`INST`, `OBJ`, `EXT*`, out-of-band buffers).
  case unsupportedOpcode(PickleOpcode, offset: Int)
  /// A `PROTO` above 5.
  case unsupportedProtocol(Int)
  /// A malformed argument: a text integer that does not parse, invalid UTF-8, and so on.
  case invalidArgument(PickleOpcode, offset: Int, reason: String)

  // MARK: - Machine state

  /// An opcode needed more values than the stack (or the current mark) holds.
  case stackUnderflow(PickleOpcode, offset: Int)
  /// An opcode needed a `MARK` and none was set.
  case markMissing(PickleOpcode, offset: Int)
  /// `GET` of a memo slot that was never `PUT`.
  case memoMissing(index: Int, offset: Int)
  /// An opcode applied to a value of the wrong kind (`APPEND` to a dict, …).
  case wrongType(PickleOpcode, offset: Int, expected: String, found: String)
  /// A limit was exceeded; nothing larger was allocated.
  case limitExceeded(Limit, limit: Int)
  /// A container contains itself, so it has no finite value.
  case recursiveStructure

  // MARK: - Globals and calls

  /// A global outside the whitelist; it is never imported or called.
  case forbiddenGlobal(module: String, name: String)
  /// A whitelisted global used as a function that it is not (a storage type called, …).
  case notCallable(String)
  /// A whitelisted function called with arguments it does not accept.
  case invalidCall(String, reason: String)
  /// A persistent id that is not torch's `('storage', type, key, location, size)`.
  case invalidPersistentID(String)

  /// One line for the user.
  public var description: String {
    switch self {
    case .truncated(let offset): return "pickle truncated at byte \(offset)"
    case .unknownOpcode(let byte, let offset):
      return "unknown pickle opcode 0x\(String(byte, radix: 16)) at byte \(offset)"
    case .unsupportedOpcode(let op, let offset):
      return "pickle opcode \(op) at byte \(offset) is not allowed"
    case .unsupportedProtocol(let p): return "pickle protocol \(p) is not supported"
    case .invalidArgument(let op, let offset, let reason):
      return "pickle \(op) at byte \(offset): \(reason)"
    case .stackUnderflow(let op, let offset):
      return "pickle stack underflow at \(op), byte \(offset)"
    case .markMissing(let op, let offset): return "pickle \(op) at byte \(offset) without MARK"
    case .memoMissing(let index, let offset): return "pickle memo \(index) unset at byte \(offset)"
    case .wrongType(let op, let offset, let expected, let found):
      return "pickle \(op) at byte \(offset) expected \(expected), found \(found)"
    case .limitExceeded(let what, let limit):
      return "pickle exceeds the \(what.rawValue) limit (\(limit))"
    case .recursiveStructure: return "pickle holds a container that contains itself"
    case .forbiddenGlobal(let module, let name):
      return "pickle refers to \(module).\(name), which is not on the whitelist; it was not run"
    case .notCallable(let name): return "pickle calls \(name), which is not callable"
    case .invalidCall(let name, let reason): return "pickle call to \(name): \(reason)"
    case .invalidPersistentID(let what):
      return "pickle persistent id \(what) is not a torch storage"
    }
  }
}
