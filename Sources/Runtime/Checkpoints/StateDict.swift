// Copyright © 2026 the ssl authors.

/// Named tensors in insertion order: what a checkpoint reader produces and a model consumes.
///
/// Names are PyTorch's dotted parameter paths, for example `layer3.1.bn2.running_var`.
/// Models receive a `StateDict` and never see file formats (house rules §35).
public struct StateDict: Sendable {
  private var order: [String] = []
  private var tensors: [String: Tensor] = [:]

  /// Creates an empty state dict.
  public init() {}

  /// The tensor names in the order they were first inserted.
  public var names: [String] { order }

  /// The number of tensors.
  public var count: Int { order.count }

  /// The tensor called `name`, or `nil`.
  ///
  /// Setting a new name appends it to ``names``; setting an existing name replaces the
  /// tensor in place; setting `nil` removes the name.
  public subscript(name: String) -> Tensor? {
    get { tensors[name] }
    set {
      if let newValue {
        if tensors.updateValue(newValue, forKey: name) == nil { order.append(name) }
      } else if tensors.removeValue(forKey: name) != nil {
        order.removeAll { $0 == name }
      }
    }
  }
}
