import Foundation
import RegioTemplates

/// The exact input of a page: a hash of its template context and of the templates it uses.
///
/// A page is a pure function of its context and its templates, so equal inputs give equal
/// HTML; this is the dependency test of incremental builds for pages without an input key
/// (``PageContextBuilder/inputKey(for:sources:)``): their context is built (cheap), their
/// templates run only when it changed (the expensive part). A value the hash cannot see into
/// makes the page count as changed: when unsure, render.
enum ContextFingerprint {
    static func of(_ context: [String: Any], templateKey: Int) -> Int? {
        var hasher = Hasher()
        hasher.combine(templateKey)
        guard add(context, to: &hasher) else { return nil }
        return hasher.finalize()
    }

    private static func add(_ value: Any, to hasher: inout Hasher) -> Bool {
        if let string = value as? String {
            hasher.combine(0 as UInt8)
            hasher.combine(string)
        } else if let flag = value as? Bool {
            hasher.combine(1 as UInt8)
            hasher.combine(flag)
        } else if let number = value as? Int {
            hasher.combine(2 as UInt8)
            hasher.combine(number)
        } else if let dictionary = value as? [String: Any] {
            // Key order in a dictionary is not defined: combine the entries order-independently.
            var sum = 0
            for (key, element) in dictionary {
                var entry = Hasher()
                entry.combine(key)
                guard add(element, to: &entry) else { return false }
                sum = sum &+ entry.finalize()
            }
            hasher.combine(3 as UInt8)
            hasher.combine(dictionary.count)
            hasher.combine(sum)
        } else if let array = value as? [Any] {
            hasher.combine(4 as UInt8)
            hasher.combine(array.count)
            for element in array { guard add(element, to: &hasher) else { return false } }
        } else if let number = value as? Double {
            hasher.combine(5 as UInt8)
            hasher.combine(number)
        } else if let value = value as? TemplateValue {
            // Only the `asset` lambda is given as a TemplateValue: it is a function of the asset
            // manifest and the base path, both of which are part of every page's template key.
            hasher.combine(6 as UInt8)
            hasher.combine(value)
        } else {
            return false
        }
        return true
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
