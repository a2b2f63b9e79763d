import Foundation
import Testing
@testable import RegioportaalServer

@Suite struct ChangeDetectorTests {
    let file = FileStamp(kind: .file, size: 10, modified: 1_000, inode: 7)
    let folder = FileStamp(kind: .directory, modified: 1_000, inode: 3)

    @Test func identicalSnapshotsHaveNoChanges() {
        let snapshot = Snapshot(["/c/a.md": file, "/c/x": folder])
        #expect(ChangeDetector.changes(from: snapshot, to: snapshot).isEmpty)
        #expect(ChangeDetector.changes(from: Snapshot(), to: Snapshot()).isEmpty)
    }

    @Test func addedRemovedAndModifiedAreReportedSorted() {
        var edited = file
        edited.modified += 1
        let old = Snapshot(["/c/a.md": file, "/c/b.md": file, "/c/gone.md": file])
        let new = Snapshot(["/c/a.md": file, "/c/b.md": edited, "/c/z.md": file, "/c/new.md": file])
        let changes = ChangeDetector.changes(from: old, to: new)
        #expect(changes == ChangeSet(added: ["/c/new.md", "/c/z.md"], removed: ["/c/gone.md"], modified: ["/c/b.md"]))
        #expect(changes.count == 4)
        #expect(changes.paths == ["/c/b.md", "/c/gone.md", "/c/new.md", "/c/z.md"])
    }

    @Test func sizeOrInodeAloneIsAChange() {
        var resized = file
        resized.size = 11
        var replaced = file
        replaced.inode = 8   // saved by rename in the same clock tick
        #expect(ChangeDetector.changes(from: Snapshot(["/a": file]), to: Snapshot(["/a": resized])).modified == ["/a"])
        #expect(ChangeDetector.changes(from: Snapshot(["/a": file]), to: Snapshot(["/a": replaced])).modified == ["/a"])
    }

    @Test func aFoldersOwnTimestampIsNoChangeButItsKindIs() {
        var touched = folder
        touched.modified += 5
        #expect(ChangeDetector.changes(from: Snapshot(["/c/x": folder]), to: Snapshot(["/c/x": touched])).isEmpty)
        let link = FileStamp(kind: .symlink, size: 4, modified: 1, inode: 9)
        #expect(ChangeDetector.changes(from: Snapshot(["/c/x": folder]), to: Snapshot(["/c/x": link])).modified == ["/c/x"])
    }

    @Test func mergingFoldsAburstIntoOneChangeSet() {
        var set = ChangeSet(added: ["/tmp1"], modified: ["/a"])
        set.merge(ChangeSet(removed: ["/tmp1", "/b"], modified: ["/c"]))
        #expect(set == ChangeSet(added: [], removed: ["/b"], modified: ["/a", "/c"]))
        set.merge(ChangeSet(added: ["/b"]))
        #expect(set == ChangeSet(added: [], removed: [], modified: ["/a", "/b", "/c"]))
        var temp = ChangeSet(added: ["/x~"])
        temp.merge(ChangeSet(removed: ["/x~"]))
        #expect(temp.isEmpty)
    }
}

@Suite struct DebouncerTests {
    let t0 = ContinuousClock.now
    func at(_ ms: Int) -> ContinuousClock.Instant { t0.advanced(by: .milliseconds(ms)) }

    @Test func rebuildsOnceTheTreeIsQuiet() {
        var d = Debouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maximumDelay: .seconds(2))
        // (changed, at ms) → rebuild?  (`#expect` cannot call a mutating method itself.)
        let polls: [(Bool, Int, Bool)] = [
            (false, 0, false),
            (true, 250, false),
            (false, 300, false),   // quiet for only 50 ms
            (false, 350, true),    // quiet for 100 ms
            (false, 600, false),   // nothing new: no second build
        ]
        for (changed, ms, expected) in polls {
            let rebuild = d.observe(changed: changed, at: at(ms))
            #expect(rebuild == expected, "at \(ms) ms")
            if ms == 250 { #expect(d.isPending) }
        }
        #expect(!d.isPending)
    }

    @Test func aBurstOfChangesGivesOneRebuild() {
        var d = Debouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maximumDelay: .seconds(2))
        var builds = 0
        for ms in stride(from: 0, through: 500, by: 50) where d.observe(changed: true, at: at(ms)) { builds += 1 }
        #expect(builds == 0)
        if d.observe(changed: false, at: at(600)) { builds += 1 }
        #expect(builds == 1)
    }

    @Test func aFileThatNeverSettlesIsBuiltAfterTheMaximumDelay() {
        var d = Debouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maximumDelay: .seconds(1))
        var firstBuild: Int?
        for ms in stride(from: 0, through: 3000, by: 50) where d.observe(changed: true, at: at(ms)) {
            firstBuild = firstBuild ?? ms
        }
        #expect(firstBuild == 1000)
    }

    @Test func pollsSoonerWhileAChangeSettles() {
        var d = Debouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(100), maximumDelay: .seconds(2))
        #expect(d.nextPoll(interval: .milliseconds(250), now: at(0)) == .milliseconds(250))
        _ = d.observe(changed: true, at: at(0))
        #expect(d.nextPoll(interval: .milliseconds(250), now: at(0)) == .milliseconds(100))
        #expect(d.nextPoll(interval: .milliseconds(250), now: at(40)) == .milliseconds(60))
        #expect(d.nextPoll(interval: .milliseconds(250), now: at(500)) == .milliseconds(1))
    }
}

@Suite struct FileWatcherScanTests {
    @Test func scanSeesEditsAndNewFoldersButNotHiddenOrExcludedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Content/updates"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Content/_site"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("Content/updates/a.md"))
        let watcher = FileWatcher(roots: [root.appendingPathComponent("Content")], excluding: [root.appendingPathComponent("Content/_site")])
        let before = watcher.scan()
        #expect(before.entries.keys.sorted().map { $0.replacingOccurrences(of: root.path, with: "") } == ["/Content/updates", "/Content/updates/a.md"])

        try Data("a longer text".utf8).write(to: root.appendingPathComponent("Content/updates/a.md"))
        try Data("swap".utf8).write(to: root.appendingPathComponent("Content/updates/.a.md.swp"))
        try Data("x".utf8).write(to: root.appendingPathComponent("Content/_site/index.html"))
        try fm.createDirectory(at: root.appendingPathComponent("Content/nieuw"), withIntermediateDirectories: true)
        let changes = ChangeDetector.changes(from: before, to: watcher.scan())
        #expect(changes.added == [root.path + "/Content/nieuw"])
        #expect(changes.modified == [root.path + "/Content/updates/a.md"])
        #expect(changes.removed.isEmpty)
    }
}
