// Copyright © 2026 the ssl authors.

/// One tensor's header entry in a safetensors file, checked against the file's size.
public struct SafeTensorsEntry: Hashable, Sendable {
  /// The tensor's name, for example `layer1.0.conv1.weight`.
  public let name: String
  /// The stored element type.
  public let dtype: SafeTensorsDType
  /// The dimensions; `[]` for a scalar.
  public let shape: [Int]
  /// The byte range within the data section (after the header), `data_offsets` in the file.
  public let byteRange: Range<Int>

  /// The number of elements.
  public var count: Int { shape.reduce(1, *) }
}
