import Foundation
import RegioSupport
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
package final class RenderMemo: @unchecked Sendable {
    package struct PageRecord: Sendable {
        var key: Int
        /// The part of `key` that the page's templates, the assets and the base path make: tells
        /// a page rendered again for its templates from one rendered again for its data.
        var templateKey: Int
        package var ids: Set<String>
        var links: Set<String>
        /// Link problems found on the page, valid while the site's files and anchors are unchanged.
        package var problems: [OutputLinkChecker.Problem]

        package init(key: Int, templateKey: Int, ids: Set<String>, links: Set<String>, problems: [OutputLinkChecker.Problem]) {
            (self.key, self.templateKey, self.ids, self.links, self.problems) = (key, templateKey, ids, links, problems)
        }
    }

    package struct State: Sendable {
        /// The output folder these files were written to.
        var output: String
        package var pages: [String: PageRecord]
        /// Every file of the output folder (site-relative path) and a hash of its bytes.
        package var files: [String: Int]
        package var linkTargets: OutputLinkChecker.Targets
        /// The size of each of those files: the list in the output folder's marker.
        package var sizes: [String: Int] = [:]

        package init(output: String, pages: [String: PageRecord], files: [String: Int],
                     linkTargets: OutputLinkChecker.Targets, sizes: [String: Int] = [:]) {
            (self.output, self.pages, self.files, self.linkTargets, self.sizes) = (output, pages, files, linkTargets, sizes)
        }
    }

    package init() {}

    private let memo = Locked((state: State?.none, counts: (rendered: 0, kept: 0)))

    /// The previous build, if it wrote into `output` and that folder is still there.
    package func previous(for output: URL) -> State? {
        guard let state = memo.current.state, state.output == output.standardizedFileURL.path,
              FileManager.default.fileExists(atPath: state.output) else { return nil }
        return state
    }

    package func commit(_ new: State, rendered: Int, kept: Int) {
        memo.withLock { $0 = (new, (rendered, kept)) }
    }

    /// Forgets everything: the next build renders and writes the whole site.
    package func invalidate() {
        memo.withLock { $0.state = nil }
    }

    package var lastCounts: (rendered: Int, kept: Int) {
        memo.current.counts
    }

    package static func hash(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}
