import Foundation
import RegioCheck
import RegioContent
import RegioRender
import RegioSupport

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
    /// What the loader found in a content folder at the last build, if it found no problems.
    let loads = Remembered<String, IndexedContent>()
    /// The templates of a folder as the last build parsed them, if they had no problems.
    let templateSets = Remembered<String, TemplateSet>()
    /// The last successful build with these options, for a rebuild after text edits (``TextEditRebuild``).
    let lastBuild = Remembered<TextEditRebuild.OptionsKey, TextEditRebuild.Snapshot>()

    public init() {}

    /// How many HTML pages the last build rendered and how many it kept as they were.
    public var lastRender: (rendered: Int, kept: Int) { render.lastCounts }
}

/// The latest value of something a long-running process remembers, with what it is for (a
/// folder, the build options): asked for anything else, it has nothing.
final class Remembered<Key: Equatable, Value>: @unchecked Sendable {
    private let entry = Locked<(key: Key, value: Value)?>(nil)

    init() {}

    func value(for key: Key) -> Value? {
        entry.withLock { entry in entry.flatMap { $0.key == key ? $0.value : nil } }
    }

    /// What is remembered for `key`, no longer remembered: the caller holds the only copy.
    func take(for key: Key) -> Value? {
        entry.withLock { remembered in
            guard let entry = remembered, entry.key == key else { return nil }
            remembered = nil
            return entry.value
        }
    }

    /// Replaces what is remembered; nil forgets it.
    func set(_ value: Value?, for key: Key) {
        entry.withLock { $0 = value.map { (key, $0) } }
    }

    func forget() {
        entry.withLock { $0 = nil }
    }
}
