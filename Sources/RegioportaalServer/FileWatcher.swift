import Foundation
import RegioContent
import Regioportaal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches folders by polling: every `interval` it takes a ``Snapshot`` and compares it
/// with the previous one.
///
/// The snapshot is what decides, so the result is the same on every platform and file
/// system. Where the kernel reports changes (``ChangeEvents``, Linux), a poll re-stamps only
/// the paths it named, which keeps a site of 10,000 files as cheap to watch as a small one,
/// and the whole tree is walked only now and then (for mounts that report nothing); elsewhere,
/// and whenever events were lost, every poll walks the whole tree.
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
        // Events count from here; the first poll walks the tree to see what changed before.
        let events = ChangeEvents.start(folders: roots.map(\.path) + folders(in: previous))
        var walkDue = clock.now
        let interval = events == nil ? self.interval : min(self.interval, .milliseconds(50))
        while true {
            try await Task.sleep(for: debouncer.nextPoll(interval: interval, now: clock.now))
            var changes = ChangeSet()
            if let events, clock.now < walkDue, case .paths(let paths) = events.drain() {
                if !paths.isEmpty {
                    let current = restamp(paths, in: previous, events: events)
                    changes = ChangeDetector.changes(from: previous, to: current)
                    previous = current
                }
            } else {
                let started = clock.now
                let current = scan()
                // Some network and container mounts report no events: a walk now and then still
                // sees their changes, at most 2 % of the time (every 2 s, or 5 s at 10,000 files).
                walkDue = clock.now + max(.seconds(2), (clock.now - started) * 50)
                if let events { for folder in folders(in: current) { events.watch(folder) } }
                changes = ChangeDetector.changes(from: previous, to: current)
                previous = current
            }
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

    /// `snapshot` with `paths` stamped again, as a full ``scan()`` would find them when no other
    /// path changed. A folder among them is listed again with everything below it (it may have
    /// been created, moved in or replaced) and watched.
    func restamp(_ paths: Set<String>, in snapshot: Snapshot, events: ChangeEvents?) -> Snapshot {
        var entries = snapshot.entries
        let rootPaths = Set(roots.map(\.path))
        for path in paths.sorted() {
            let name = path.split(separator: "/").last ?? ""
            guard !IgnoredNames.contains(String(name)), !isExcluded(path) else { continue }
            let before = entries[path]
            let stamp = rootPaths.contains(path) ? FileStamp(kind: .directory) : Self.stamp(path)
            if before?.kind == .directory || stamp?.kind == .directory {
                entries = entries.filter { !$0.key.hasPrefix(path + "/") }
            }
            if !rootPaths.contains(path) { entries[path] = stamp }
            guard stamp?.kind == .directory else { continue }
            var below: [String: FileStamp] = [:]
            walk(path, into: &below)
            entries.merge(below) { _, new in new }
            events?.watch(path)
            for folder in folders(in: Snapshot(below)) { events?.watch(folder) }
        }
        return Snapshot(entries)
    }

    private func folders(in snapshot: Snapshot) -> [String] {
        snapshot.entries.compactMap { $0.value.kind == .directory ? $0.key : nil }.sorted()
    }

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    private func walk(_ folder: String, into entries: inout [String: FileStamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !IgnoredNames.contains(name) {
            let path = folder + "/" + name
            if isExcluded(path) { continue }
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
