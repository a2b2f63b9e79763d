import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches folders by polling: every `interval` it takes a ``Snapshot`` and compares it
/// with the previous one.
///
/// Polling instead of inotify/FSEvents: a few hundred `lstat` calls every 250 ms cost
/// nothing, work the same on every platform and file system (including network and
/// container mounts where events are lost), and cannot overflow an event queue.
public struct FileWatcher: Sendable {
    public var roots: [URL]
    /// Entries at or below these paths are not watched (the output folder, if it lies inside a root).
    public var excluded: [String]
    public var interval: Duration
    public var quietPeriod: Duration
    public var maximumDelay: Duration

    /// The defaults keep edit-to-reload well under a second: a change is seen within
    /// `interval`, confirmed after `quietPeriod`, and then the build runs.
    public init(roots: [URL], excluding excluded: [URL] = [], interval: Duration = .milliseconds(200),
                quietPeriod: Duration = .milliseconds(60), maximumDelay: Duration = .seconds(2)) {
        self.roots = roots.map(\.standardizedFileURL)
        self.excluded = excluded.map(\.standardizedFileURL.path)
        self.interval = interval
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Polls until the task is cancelled, calling `onChange` (awaited: never two at once)
    /// with everything that changed since the last call, once the changes have settled.
    /// The snapshot is taken before `onChange` runs, so edits made during a rebuild
    /// trigger another one. `since` is the state the caller last built from (default: now).
    public func run(since: Snapshot? = nil, onChange: @Sendable (ChangeSet) async -> Void) async throws {
        let clock = ContinuousClock()
        var debouncer = Debouncer<ContinuousClock.Instant>(quietPeriod: quietPeriod, maximumDelay: maximumDelay)
        var previous = since ?? scan()
        var pending = ChangeSet()
        while true {
            try await Task.sleep(for: debouncer.nextPoll(interval: interval, now: clock.now))
            let current = scan()
            let changes = ChangeDetector.changes(from: previous, to: current)
            previous = current
            pending.merge(changes)
            if debouncer.observe(changed: !changes.isEmpty, at: clock.now) {
                let batch = pending
                pending = ChangeSet()
                // A burst that cancels itself out (a temp file created and removed) needs no build.
                if !batch.isEmpty { await onChange(batch) }
            }
        }
    }

    /// The current state of all roots. Names starting with `.` are skipped, as the content
    /// loader and asset scanner skip them: editor swap files and `.DS_Store` must not
    /// trigger rebuilds. Symbolic links are stamped, not followed (the loader refuses them).
    public func scan() -> Snapshot {
        var entries: [String: FileStamp] = [:]
        for root in roots { walk(root.path, into: &entries) }
        return Snapshot(entries)
    }

    private func walk(_ folder: String, into entries: inout [String: FileStamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
            guard let stamp = Self.stamp(path) else { continue }
            entries[path] = stamp
            if stamp.kind == .directory { walk(path, into: &entries) }
        }
    }

    /// `lstat` of one path; nil when it vanished between listing and stamping.
    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind: FileStamp.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        return FileStamp(kind: kind, size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }
}
