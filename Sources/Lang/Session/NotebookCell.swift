// Copyright © 2026 the ssl authors.

/// One recorded step of a session, for `report`: the statement as written, what it printed,
/// and the figures it wrote.
public struct NotebookCell: Sendable, Equatable {
  /// The statement text, with the comment lines written just before it.
  public var source: String
  /// What the statement printed on standard output.
  public var stdout: String
  /// What it printed on standard error (diagnostics, progress summaries), colour removed.
  public var stderr: String
  /// Paths of the figures it wrote, as the command printed them.
  public var figures: [String]

  /// Creates a cell.
  public init(source: String, stdout: String = "", stderr: String = "", figures: [String] = []) {
    self.source = source
    self.stdout = stdout
    self.stderr = stderr
    self.figures = figures
  }
}
