import Foundation
import RegioTemplates

/// The exact input of a page: a hash of its template context and of the templates it uses.
///
/// A page is a pure function of its context and its templates, so equal inputs give equal
/// HTML; this is the dependency test of incremental builds for pages without an input key
/// (``PageContextBuilder/inputKey(for:sources:)``): their context is built (cheap), their
/// templates run only when it changed (the expensive part). The context is a `TemplateValue`,
/// whose hash sees every field (objects independently of key order). The only lambda, `asset`,
/// hashes by name: it is a function of the asset manifest and the base path, both of which are
/// part of every page's template key.
enum ContextFingerprint {
    static func of(_ context: TemplateValue, templateKey: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(templateKey)
        hasher.combine(context)
        return hasher.finalize()
    }
}

/// The pages and files of the previous build, for the next one to compare against.
final class RenderMemo: @unchecked Sendable {
    struct PageRecord: Sendable {
        var key: Int
        var ids: Set<String>
        var links: Set<String>
        /// Link problems found on the page, valid while the site's files and anchors are unchanged.
        var problems: [OutputLinkChecker.Problem]
    }

    struct State: Sendable {
        /// The output folder these files were written to.
        var output: String
        var pages: [String: PageRecord]
        /// Every file of the output folder (site-relative path) and a hash of its bytes.
        var files: [String: Int]
        var linkTargets: OutputLinkChecker.Targets
        /// The size of each of those files: the list in the output folder's marker.
        var sizes: [String: Int] = [:]
    }

    private let lock = NSLock()
    private var state: State?
    private var counts = (rendered: 0, kept: 0)

    /// The previous build, if it wrote into `output` and that folder is still there.
    func previous(for output: URL) -> State? {
        lock.lock()
        defer { lock.unlock() }
        guard let state, state.output == output.standardizedFileURL.path,
              FileManager.default.fileExists(atPath: state.output) else { return nil }
        return state
    }

    func commit(_ new: State, rendered: Int, kept: Int) {
        lock.lock()
        state = new
        counts = (rendered, kept)
        lock.unlock()
    }

    /// Forgets everything: the next build renders and writes the whole site.
    func invalidate() {
        lock.lock()
        state = nil
        lock.unlock()
    }

    var lastCounts: (rendered: Int, kept: Int) {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    static func hash(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
