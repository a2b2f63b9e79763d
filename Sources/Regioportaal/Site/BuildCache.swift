import Foundation

/// What a long-running process (the preview server) keeps between builds, one cache per stage,
/// so that a rebuild reads and parses only the files that changed, checks only the bodies that
/// changed and renders only the pages whose input changed. A build with a cache always
/// produces the same files as a clean build.
public final class BuildCache: Sendable {
    let files = FileCache()
    public let parse = ParseCache()
    let bodies = BodyCheckCache()
    let render = RenderMemo()
    let search = EntryCache()
    let openData = EntryCache()
    let maps = MapsCache()
    private let lock = NSLock()
    private let last = Slot<TextEditRebuild.Snapshot>()
    private let loaded = Slot<(root: String, content: LoadedContent)>()
    private let templates = Slot<(root: String, set: TemplateSet)>()

    /// The last successful build, for a rebuild after text edits (``TextEditRebuild``).
    var lastBuild: TextEditRebuild.Snapshot? {
        get { lock.withLock { last.value } }
        set { lock.withLock { last.value = newValue } }
    }

    func forgetLastBuild() { lastBuild = nil }

    /// What the loader found in `root` at the last build, if it found no problems.
    func lastLoad(of root: String) -> LoadedContent? {
        lock.withLock { loaded.value.flatMap { $0.root == root ? $0.content : nil } }
    }

    func rememberLoad(_ content: LoadedContent?, of root: String) {
        lock.withLock { loaded.value = content.map { (root, $0) } }
    }

    /// The templates of `root` as the last build parsed them, if they had no problems.
    func lastTemplates(of root: String) -> TemplateSet? {
        lock.withLock { templates.value.flatMap { $0.root == root ? $0.set : nil } }
    }

    func rememberTemplates(_ set: TemplateSet?, of root: String) {
        lock.withLock { templates.value = set.map { (root, $0) } }
    }

    public init() {}

    /// How many HTML pages the last build rendered and how many it kept as they were.
    public var lastRender: (rendered: Int, kept: Int) { render.lastCounts }
}
