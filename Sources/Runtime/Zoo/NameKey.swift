// Copyright © 2026 the ssl authors.

/// Case- and punctuation-insensitive matching of user-typed names.
///
/// The key keeps only letters and digits, lower-cased: `MoCo-v2`, `moco_v2`, `mocov2` and
/// `moco v2` all become `mocov2`. Used by ``ModelZoo`` and ``TaskCatalog``.
package enum NameKey {
  /// The matching key of a name.
  ///
  /// - Parameter name: A user-typed or catalogue name.
  /// - Returns: The name's ASCII letters and digits, lower-cased.
  package static func of(_ name: String) -> String {
    String(name.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
  }
}
