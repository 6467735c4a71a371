// Copyright © 2026 the ssl authors.

import Foundation
import Kernels

/// `fetch <model>`: downloads a zoo model's published weights into the per-user cache.
///
/// The file keeps its published name (`moco_v2_800ep_pretrain.pth.tar`) inside
/// ``CheckpointLoader/cacheFolder``, which is where ``CheckpointLoader/locate(_:from:)`` looks
/// after `from=` and `$SSL_MODELS`. An interrupted fetch resumes; a finished one records its
/// SHA-256 next to the file (`<file>.sha256`) and, with its size, in the cache's
/// ``FetchManifest``, and is not downloaded again.
public struct ModelFetcher: Sendable {
  /// Decides where the cache is.
  public var loader: CheckpointLoader
  /// Moves the bytes.
  public var downloader: Downloader

  /// Creates a fetcher.
  ///
  /// - Parameters:
  ///   - loader: Supplies the cache folder (from its environment).
  ///   - downloader: The HTTP client.
  public init(loader: CheckpointLoader = CheckpointLoader(), downloader: Downloader = Downloader())
  {
    self.loader = loader
    self.downloader = downloader
  }

  /// Where `fetch` saves `model`.
  ///
  /// - Throws: ``DownloadError/noDownload(model:reason:)`` for models without a file URL.
  public func destination(for model: ZooModel) throws(DownloadError) -> URL {
    guard let name = model.downloadFileName, model.fetchCommand != nil else {
      let reason =
        model.isManualDownload
        ? "its TensorFlow checkpoint must be converted by hand (see protocols.md §1.1)"
        : "no published weights"
      throw .noDownload(model: model.id, reason: reason)
    }
    return loader.cacheFolder.appendingPathComponent(name)
  }

  /// The URL actually requested: Dropbox shared links get `dl=1` so they serve the file.
  ///
  /// - Parameter model: A fetchable model.
  public func requestURL(for model: ZooModel) throws(DownloadError) -> URL {
    guard var text = model.url else {
      throw .noDownload(model: model.id, reason: "no published weights")
    }
    if text.contains("dropbox.com") && !text.contains("dl=1") {
      text += text.contains("?") ? "&dl=1" : "?dl=1"
    }
    guard let url = URL(string: text) else {
      throw .noDownload(model: model.id, reason: "malformed URL \(text)")
    }
    return url
  }

  /// Downloads `model` unless the cache already holds it.
  ///
  /// - Parameters:
  ///   - model: The zoo model.
  ///   - cancellation: Polled while downloading.
  ///   - progress: Progress reports.
  /// - Returns: The file and its SHA-256 (read from the `.sha256` record when already present).
  /// - Throws: ``DownloadError``.
  public func fetch(
    _ model: ZooModel, cancellation: CancellationFlag? = nil,
    progress: @escaping @Sendable (DownloadProgress) -> Void = { _ in }
  ) throws(DownloadError) -> DownloadResult {
    let destination = try destination(for: model)
    let manager = FileManager.default
    if manager.fileExists(atPath: destination.path),
      let record = try? String(contentsOfFile: destination.path + ".sha256", encoding: .utf8),
      let digest = record.split(separator: " ").first, digest.count == 64
    {
      let size = (try? manager.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
      let result = DownloadResult(
        file: destination.path, bytes: Int64(size), sha256: String(digest),
        resumedFrom: Int64(size))
      if FetchManifest.read(in: loader.cacheFolder).files[destination.lastPathComponent] == nil {
        recordInManifest(result, for: model)
      }
      return result
    }
    let result = try downloader.download(
      from: try requestURL(for: model), to: destination, cancellation: cancellation,
      progress: progress)
    recordInManifest(result, for: model)
    return result
  }

  /// Adds a finished download to the cache's ``FetchManifest`` (size, SHA-256, URL), which
  /// later loads check the file against. A manifest that cannot be written only loses that
  /// check, so the download still succeeds.
  private func recordInManifest(_ result: DownloadResult, for model: ZooModel) {
    var manifest = FetchManifest.read(in: loader.cacheFolder)
    manifest.record(
      file: URL(fileURLWithPath: result.file), model: model.id, url: model.url ?? "",
      bytes: result.bytes, sha256: result.sha256)
    try? manifest.write(in: loader.cacheFolder)
  }
}
