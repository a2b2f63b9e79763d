import Foundation
import RegioContent

/// Where a build reads and writes, and as of which day it publishes.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var publicFolder: URL
    public var output: URL
    /// The present: nothing scheduled after it is published. Injected, never read from the clock here.
    public var now: Day
    /// Overrides `base_url` of site.yml (for example for a sub-path deployment).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// A build for the preview (`serve`), not for publishing: no warning about a placeholder `base_url`.
    public var isPreview = false
    /// The language of what the tool prints (`--taal`); the content's pages are Dutch regardless.
    public var language: Language = .nl
    /// How a broken internal link counts: an error (default) or, with `--links warn`, a warning.
    public var linkSeverity: Diagnostic.Severity = .error
    /// Paths in messages are shown relative to this folder.
    public var displayBase: URL
    /// Kept by a long-running process between builds: unchanged files are not parsed again,
    /// unchanged pages not rendered again, unchanged files not written again.
    public var cache: BuildCache?
    /// With `cache`: the files (absolute paths) that changed since the previous build with that
    /// cache, as a file watcher saw them. Only those are read again; when they are only text
    /// edits, the rebuild starts from the previous build. Kept standardised, as the loader's are.
    public var changedPaths: [String]? {
        didSet { changedPaths = changedPaths?.map { URL(fileURLWithPath: $0).standardizedFileURL.path } }
    }
    /// Told when a stage starts, for progress on a terminal; nil stays quiet.
    public var progress: (@Sendable (String) -> Void)?
    /// Report what ran again and why in ``BuildReport/explanation`` (for developers;
    /// `REGIOPORTAAL_EXPLAIN=1` sets it for the command-line tool and the preview).
    public var explain = ProcessInfo.processInfo.environment["REGIOPORTAAL_EXPLAIN"] == "1"
    /// The lock of `output` when the caller holds it for longer than one build (`serve`);
    /// otherwise each build takes it itself.
    public var outputLock: OutputLock?

    public init(project: URL, now: Day, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        content = project.appendingPathComponent("Content")
        templates = project.appendingPathComponent("Templates")
        publicFolder = project.appendingPathComponent("Public")
        self.output = output ?? project.appendingPathComponent("_site")
        self.now = now
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        displayBase = project
    }

    public init(content: URL, templates: URL, publicFolder: URL, output: URL, now: Day,
                baseURL: String? = nil, includeDrafts: Bool = false, displayBase: URL) {
        self.content = content
        self.templates = templates
        self.publicFolder = publicFolder
        self.output = output
        self.now = now
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.displayBase = displayBase
    }
}

/// What a finished build reports.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// Size of the search index, so its growth with the content stays visible.
    public var searchIndexBytes: Int = 0
    /// With a ``BuildCache``: how many pages were rendered (the others were unchanged).
    public var renderedPages: Int?
    /// Pages whose file exists but which this build did not publish, and why; the preview's
    /// 404 page explains them.
    public var unpublished: [UnpublishedPage] = []
    /// With ``BuildOptions/explain``: what ran again and why, a line each.
    public var explanation: [String] = []
}

/// A page that exists in `Content/` but is left out of a build: an update that is a draft,
/// scheduled for later or expired.
public struct UnpublishedPage: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case draft
        case future(Day)
        case expired(Day)
    }

    /// The page's site path without the base path, as `/updates/nieuwe-fietsroute/`.
    public var path: String
    /// The file it is made from, as messages name it.
    public var file: String
    public var reason: Reason

    /// The updates of `model` that a build as of `now` leaves out. A draft shown in the
    /// preview may still be left out for its dates, which then are the reason.
    public static func list(_ model: SiteModel, now: Day, includeDrafts: Bool) -> [UnpublishedPage] {
        model.updates.compactMap { update in
            guard !Publication.isVisible(update, on: now, includeDrafts: includeDrafts) else { return nil }
            let reason: Reason
            if let publish = update.publishDate, now < publish {
                reason = .future(publish)
            } else if let expiry = update.expiryDate, now >= expiry {
                reason = .expired(expiry)
            } else {
                reason = .draft
            }
            return UnpublishedPage(path: Routes.page(for: .updates, slug: update.info.slug).path,
                                   file: update.info.source.displayPath, reason: reason)
        }
    }
}
