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

    public init() {}

    /// How many HTML pages the last build rendered and how many it kept as they were.
    public var lastRender: (rendered: Int, kept: Int) { render.lastCounts }
}
