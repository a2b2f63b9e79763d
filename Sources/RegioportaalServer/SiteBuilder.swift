import Foundation
import RegioContent
import RegioSupport
import Regioportaal

/// What one build attempt produced.
public enum BuildOutcome: Sendable {
    case built(BuildReport)
    case failed([Diagnostic])
}

/// What the server needs to know about the site between builds.
public struct SiteStatus: Sendable, Equatable {
    /// Changes with every successful build and with every server start: a page that sees
    /// a different version after reconnecting knows it is stale and reloads.
    public var version: String
    /// The path the site is served under (`/` or for example `/portaal/`), from
    /// `--base-url` or the `base_url` of site.yml.
    public var basePath: String
    /// The diagnostics of the latest build when it failed; nil while the site is good.
    public var failure: [Diagnostic]?
}

/// Runs the pipeline and keeps the status of the latest build. Builds are serialised by
/// the caller (the watcher awaits each one), and the pipeline itself swaps the output in
/// atomically, so a failed build leaves the last good site being served.
final class SiteBuilder: Sendable {
    let options: BuildOptions
    private let serverID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private let state: Locked<(status: SiteStatus, successes: Int, unpublished: [String: UnpublishedPage])>

    init(options: BuildOptions) {
        var options = options
        // Rebuilds parse only the files that changed, render only the pages whose input
        // changed and write only the files that changed; the result equals a clean build.
        if options.cache == nil { options.cache = BuildCache() }
        self.options = options
        state = Locked((SiteStatus(version: "\(serverID)-0", basePath: Self.basePath(options), failure: nil), 0, [:]))
    }

    var current: SiteStatus { state.current.status }

    /// The page of the last good build that `path` (a request path, base path included) would
    /// be, had it been published.
    func unpublished(at path: String) -> UnpublishedPage? {
        let current = state.current
        let base = current.status.basePath
        guard path.hasPrefix(base) else { return nil }
        var sitePath = "/" + path.dropFirst(base.count)
        if sitePath.hasSuffix("/index.html") { sitePath.removeLast("index.html".count) }
        if !sitePath.hasSuffix("/") { sitePath += "/" }
        return current.unpublished[sitePath]
    }

    /// Builds once (after `changes`, when the watcher knows them), off the cooperative thread pool: the pipeline is synchronous and uses
    /// every core, and must not starve the server's request handling.
    ///
    /// Returns nil when the task is cancelled (shutdown): the caller stops waiting at once
    /// instead of holding up Ctrl-C for a whole build. The abandoned build finishes or dies
    /// with the process; either way its staging folder never replaced the output, and the
    /// next run removes it.
    func build(changes: ChangeSet? = nil) async -> BuildOutcome? {
        var changed = self.options
        // What the watcher saw lets a text edit skip reading and checking the whole site.
        changed.changedPaths = changes?.paths
        let options = changed
        let waiting = Locked<CheckedContinuation<BuildOutcome?, Never>?>(nil)
        let finished: BuildOutcome? = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting.withLock { $0 = continuation }
                if Task.isCancelled {
                    waiting.withLock { $0.take() }?.resume(returning: nil)
                    return
                }
                DispatchQueue.global(qos: .userInitiated).async {
                    let outcome: BuildOutcome
                    do {
                        outcome = .built(try Pipeline.build(options))
                    } catch let failure as BuildFailure {
                        outcome = .failed(failure.diagnostics)
                    } catch {
                        outcome = .failed([.error(.previewBuildFailed, "\(error)", at: nil)])
                    }
                    waiting.withLock { $0.take() }?.resume(returning: outcome)
                }
            }
        } onCancel: {
            waiting.withLock { $0.take() }?.resume(returning: nil)
        }
        guard let outcome = finished else { return nil }
        let basePath = Self.basePath(options)
        state.withLock { state in
            switch outcome {
            case .built(let report):
                state.successes += 1
                state.unpublished = Dictionary(report.unpublished.map { ($0.path, $0) }) { first, _ in first }
                state.status = SiteStatus(version: "\(serverID)-\(state.successes)", basePath: basePath, failure: nil)
            case .failed(let diagnostics):
                state.status.failure = diagnostics
            }
        }
        return outcome
    }

    /// The deployment path of the site: `--base-url` wins, else `base_url` of site.yml,
    /// read with the generator's own settings parser; `/` when neither can be read.
    static func basePath(_ options: BuildOptions) -> String {
        let file = options.content.appendingPathComponent("site.yml")
        var baseURL = options.baseURL
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            var ignored = Diagnostics()
            let source = SourceFile(url: file, displayPath: "site.yml", text: text)
            baseURL = ContentParser(basePath: "/").parseSettings(source, baseURLOverride: options.baseURL, diagnostics: &ignored)?.baseURL ?? baseURL
        }
        return SitePaths.basePath(of: baseURL ?? "/")
    }
}

/// The one line the terminal shows per build. `changes` is nil for the first build.
public enum BuildSummary {
    /// With `REGIOPORTAAL_EXPLAIN=1`: what the build ran again and why, a line each.
    public static func explanation(_ outcome: BuildOutcome) -> [String] {
        guard case .built(let report) = outcome else { return [] }
        return report.explanation.map { "  explain " + $0 }
    }

    public static func line(_ outcome: BuildOutcome, changes: ChangeSet?, displayBase: URL, language: Language = .nl) -> String {
        var cause = Text(verbatim: "")
        if let changes, !changes.isEmpty {
            let first = RelativePath.display(URL(fileURLWithPath: changes.paths[0]), from: displayBase)
            cause = changes.count == 1 ? Phrase.afterChange(first) : Phrase.afterChanges(changes.count, first)
        }
        switch outcome {
        case .built(let report):
            let ms = Int((report.seconds * 1000).rounded())
            let warnings = report.warnings.count
            let partial = report.renderedPages.flatMap { $0 < report.pages ? Phrase.renderedAgain($0) : nil } ?? Text(verbatim: "")
            let counted = Text.joined([Text(verbatim: "\(warnings) "), Phrase.plural(warnings, .warning1, .warningN)], separator: Text(verbatim: ""))
            return (changes == nil ? Phrase.previewBuilt : Phrase.previewRebuilt)(report.pages, ms, partial, cause, counted)[language]
        case .failed(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            var line = Phrase.previewFailed(cause, "\(errors.count) \(Phrase.plural(errors.count, .error1, .errorN)[language])")[language]
            if let first = errors.first {
                let place = first.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
                line += Phrase.firstError(place + first.message(in: language).split(whereSeparator: \.isNewline).joined(separator: " "))[language]
            }
            return line + Phrase.stillServing()[language]
        }
    }
}
