import RegioContent
/// What the watcher knows about one entry of a watched folder.
///
/// Size and modification time (nanoseconds) catch edits; the inode number catches editors
/// that save by writing a new file and renaming it over the old one within the same tick.
public struct FileStamp: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case file, directory, symlink, other }

    public var kind: Kind
    public var size: Int64
    public var modified: Int64
    public var inode: UInt64

    public init(kind: Kind, size: Int64 = 0, modified: Int64 = 0, inode: UInt64 = 0) {
        self.kind = kind
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}

/// The state of the watched folders at one moment: path → stamp. Folders are included
/// (with their own stamp) because an added empty folder can already break a build.
public struct Snapshot: Equatable, Sendable {
    public var entries: [String: FileStamp]
    public init(_ entries: [String: FileStamp] = [:]) { self.entries = entries }
}

/// The difference between two snapshots, each list sorted for stable output.
public struct ChangeSet: Equatable, Sendable {
    public var added: [String] = []
    public var removed: [String] = []
    public var modified: [String] = []

    public init(added: [String] = [], removed: [String] = [], modified: [String] = []) {
        self.added = added
        self.removed = removed
        self.modified = modified
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
    public var count: Int { added.count + removed.count + modified.count }
    public var paths: [String] { (added + removed + modified).sorted() }

    /// Folds a later change set into this one, so a debounced rebuild can report everything
    /// that happened while it waited (a file added then removed cancels out).
    public mutating func merge(_ later: ChangeSet) {
        var added = Set(self.added), removed = Set(self.removed), modified = Set(self.modified)
        for path in later.added {
            if removed.remove(path) != nil { modified.insert(path) } else { added.insert(path) }
        }
        for path in later.removed {
            if added.remove(path) == nil { removed.insert(path) }
            modified.remove(path)
        }
        for path in later.modified where !added.contains(path) { modified.insert(path) }
        self = ChangeSet(added: added.sorted(), removed: removed.sorted(), modified: modified.sorted())
    }
}

/// Compares snapshots. Pure, so the rebuild trigger is tested without touching the clock
/// or the file system.
public enum ChangeDetector {
    public static func changes(from old: Snapshot, to new: Snapshot) -> ChangeSet {
        var result = ChangeSet()
        for (path, stamp) in new.entries {
            guard let before = old.entries[path] else { result.added.append(path); continue }
            // A folder's own mtime moves whenever an entry in it changes; those entries are
            // reported themselves, so only a change of kind counts for a folder.
            if stamp.kind == .directory && before.kind == .directory { continue }
            if before != stamp { result.modified.append(path) }
        }
        for path in old.entries.keys where new.entries[path] == nil {
            result.removed.append(path)
        }
        result.added.sort()
        result.removed.sort()
        result.modified.sort()
        return result
    }
}
