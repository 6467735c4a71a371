// Copyright © 2026 the ssl authors.

import Runtime

/// `fetch <model>…`: downloads zoo weights into the per-user cache, resuming a partial file,
/// and records the SHA-256.
enum FetchCommand {
  static var command: Command<BenchState> {
    Command(
      name: "fetch", summary: "download a zoo model's published weights into the cache folder",
      usage: "fetch <model>...", example: "fetch byol; load byol",
      run: { state, invocation, out throws(RuntimeError) in
        let names = try ArgumentReader.names(invocation.arguments, for: "fetch")
        guard !names.isEmpty else {
          throw RuntimeError("'fetch' needs a model name", at: invocation.span)
        }
        var models: [(ZooModel, SourceSpan)] = []
        for (name, span) in names {
          for zoo in try ModelCommands.resolveModels(name, span: span) { models.append((zoo, span)) }
        }
        let fetcher = ModelFetcher()
        for (zoo, span) in models {
          do throws(DownloadError) {
            let result = try fetcher.fetch(zoo, cancellation: CancellationFlag.shared) { p in
              let total = p.totalBytes.map { Int($0 / 1_000_000) } ?? 0
              out.progress("downloaded", done: Int(p.bytes / 1_000_000), total: total, unit: "MB")
            }
            let resumed = result.resumedFrom > 0 ? ", resumed at \(result.resumedFrom / 1_000_000) MB" : ""
            out.line(
              "\(zoo.displayName): \(result.file) (\(result.bytes / 1_000_000) MB\(resumed)), sha256 \(result.sha256)")
          } catch {
            throw RuntimeError("cannot fetch \(zoo.displayName): \(error)", at: span)
          }
        }
      })
  }
}
