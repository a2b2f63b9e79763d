import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file below `folder` with its bytes (links not followed, folders left out).
func files(in folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        if FileKind(path: folder.appendingPathComponent(path).path) == .regular {
            result[path] = try? Data(contentsOf: folder.appendingPathComponent(path))
        }
    }
    return result
}

/// A build replaces only what a previous build wrote, and says which file is in the way.
@Suite struct OutputOwnershipTests {
    func refusal(_ site: TestSite, output: URL? = nil) throws -> Diagnostic {
        let failure = try #require(throws: BuildFailure.self) { try site.build { $0.output = output ?? site.output } }
        #expect(failure.diagnostics.count == 1)
        return try #require(failure.diagnostics.first)
    }

    @Test func theMarkerListsEveryFileWithItsSize() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        guard case .files(let listed) = OutputFolder.Manifest.read(site.output) else {
            Issue.record("no list of files in the marker")
            return
        }
        var written = try site.snapshot()
        written[OutputFolder.markerName] = nil
        #expect(listed == written.mapValues { [$0.count] })
    }

    @Test func aForeignFileIsRefusedByNameAndKept() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write("portaal.example.nl\n", to: "_site/CNAME")
        let before = try site.snapshot()
        let d = try refusal(site)
        #expect(d.message == "schrijft de site niet in _site: _site/CNAME is niet door een eerdere build geschreven")
        #expect(d.hint?.contains("in Public/") == true)
        #expect(try site.snapshot() == before)
        // Deeper down, and a folder of its own, the same.
        try site.remove("_site/CNAME")
        try site.write("verslag\n", to: "_site/themas/wonen/verslag.txt")
        #expect(try refusal(site).message.hasSuffix(": _site/themas/wonen/verslag.txt is niet door een eerdere build geschreven"))
        try site.remove("_site/themas/wonen/verslag.txt")
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("rapporten"), withIntermediateDirectories: true)
        #expect(try refusal(site).message.hasSuffix(": _site/rapporten is niet door een eerdere build geschreven"))
    }

    @Test func aFileChangedByHandIsRefused() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write(try site.read("over/index.html") + "<!-- met de hand -->", to: "_site/over/index.html")
        #expect(try refusal(site).message == "schrijft de site niet in _site: _site/over/index.html is veranderd na de vorige build")
    }

    @Test func aDeployWorktreeIsNeverReplaced() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write("[core]\n", to: "_site/.git/config")
        let d = try refusal(site)
        #expect(d.message == "schrijft de site niet in _site: het is een git-werkmap (er staat .git in); een build vervangt die nooit")
        #expect(try site.read(".git/config") == "[core]\n")
        // Also without our marker: a worktree with a copied site in it.
        try site.remove("_site/\(OutputFolder.markerName)")
        #expect(try refusal(site).message.contains("git-werkmap"))
    }

    @Test func aCopiedMarkerDoesNotLetABuildDeleteAnotherSite() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        try site.write("beheer:$apr1$geheim\n", to: "www/.htpasswd")
        try site.write("<p>Een andere site</p>\n", to: "www/andere-site/index.html")
        // `cp -a _site/. www/`
        for name in try FileManager.default.contentsOfDirectory(atPath: site.output.path) {
            try FileManager.default.copyItem(at: site.output.appendingPathComponent(name), to: site.root.appendingPathComponent("www/\(name)"))
        }
        let www = site.root.appendingPathComponent("www")
        let before = files(in: www)
        #expect(try refusal(site, output: www).message == "schrijft de site niet in www: www/.htpasswd is niet door een eerdere build geschreven")
        #expect(files(in: www) == before)
    }

    @Test func aMarkerOfAnOlderVersionIsRefusedOnce() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("This folder was written by `regioportaal build`. The next build replaces it whole.\n", to: "_site/.regioportaal-build")
        try site.write("<p>oud</p>\n", to: "_site/index.html")
        #expect(try refusal(site).message.contains("gemaakt door een oudere versie van regioportaal"))
        #expect(try site.read("index.html") == "<p>oud</p>\n")
    }

    @Test func filesFromPublicArePublishedAndReplacedByTheNextBuild() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("portaal.example.nl\n", to: "Public/CNAME")
        try site.build()
        try site.write("nieuw.example.nl\n", to: "Public/CNAME")
        try site.build()
        #expect(try site.read("CNAME") == "nieuw.example.nl\n")
    }

    @Test func aPreviewFolderStaysOwnedAcrossRebuildsInPlace() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()
        try site.build { $0.cache = cache }
        try site.write("---\ntitel: Nieuw\nsamenvatting: S\n---\nTekst.\n", to: "Content/paginas/nieuw.md")
        try site.write("---\ntitel: Over deze site\nsamenvatting: Wie maakt dit.\nmenu: 1\n---\nDe redactie, nu langer.\n", to: "Content/paginas/over.md")
        try site.build { $0.cache = cache; $0.changedPaths = ["nieuw", "over"].map { site.root.appendingPathComponent("Content/paginas/\($0).md").path } }
        let inPlace = try site.snapshot()
        // A plain build (another process) finds only its own files and writes the same bytes.
        try site.build()
        #expect(try site.snapshot() == inPlace)
    }

    @Test func aRebuildInPlaceDoesNotOverwriteAForeignFile() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = BuildCache()
        try site.build { $0.cache = cache }
        try site.write("van iemand anders\n", to: "_site/nieuw/index.html")
        try site.write("---\ntitel: Nieuw\nsamenvatting: S\n---\nTekst.\n", to: "Content/paginas/nieuw.md")
        let failure = try #require(throws: BuildFailure.self) {
            try site.build { $0.cache = cache; $0.changedPaths = [site.root.appendingPathComponent("Content/paginas/nieuw.md").path] }
        }
        #expect(failure.diagnostics.contains { $0.message.contains(": _site/nieuw/index.html is niet door een eerdere build geschreven") })
        #expect(try site.read("nieuw/index.html") == "van iemand anders\n")
        // The next (full) build refuses the folder, naming the file.
        let again = try #require(throws: BuildFailure.self) { try site.build { $0.cache = cache } }
        #expect(again.diagnostics.first?.message.hasSuffix(": _site/nieuw is niet door een eerdere build geschreven") == true, "\(again.diagnostics)")
    }

    @Test func aLongOutputNameBuilds() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // 250 bytes: the folder fits in the 255-byte limit; the staging and lock names beside it must too.
        let output = site.root.appendingPathComponent(String(repeating: "lang-", count: 50))
        try site.build { $0.output = output }
        try site.build { $0.output = output }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).allSatisfy { !$0.hasPrefix(".regioportaal") })
    }
}

/// One writer per output folder; staging folders of others are never touched; a swap publishes
/// only a complete site.
@Suite struct OutputLockTests {
    @Test func aSecondWriterIsRefusedWhileTheLockIsHeldAndWritesAfterwards() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let lock = try OutputLock.acquire(site.output, displayBase: site.root)
        let failure = try #require(throws: BuildFailure.self) { try site.build() }
        let d = try #require(failure.diagnostics.first)
        #expect(d.message == "een andere regioportaal (proces \(getpid())) schrijft al naar _site")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        lock.release()
        try site.build()
        #expect(try site.read("index.html").contains("Testportaal"))
        // The lock file is gone with its holder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).allSatisfy { !$0.hasPrefix(".regioportaal-lock") })
    }

    @Test func outputsWhoseNamesShareAPrefixHaveTheirOwnLocks() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let lock = try OutputLock.acquire(site.root.appendingPathComponent("site"), displayBase: site.root)
        defer { lock.release() }
        try site.build { $0.output = site.root.appendingPathComponent("site-drafts"); $0.includeDrafts = true }
        try site.build { $0.output = site.root.appendingPathComponent("sit") }
        #expect(throws: BuildFailure.self) { try site.build { $0.output = site.root.appendingPathComponent("site") } }
    }

    @Test func onlyExactlyNamedLeftoversOfGoneProcessesAreRemoved() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let gone: Int32 = 2_147_483_000 // beyond the largest process id
        let names = [
            "removed": [".regioportaal-tmp-\(gone)-1-site", ".regioportaal-tmp-\(gone)-1796611120773-site", ".regioportaal-old-\(gone)-site"],
            "kept": [".regioportaal-tmp-\(gone)-1-site-drafts", ".regioportaal-old-\(gone)-site-drafts", ".regioportaal-tmp-\(gone)-1-sit",
                     ".regioportaal-tmp-1-1-site", // process 1 is alive
                     ".regioportaal-tmp-\(gone)-1-2-site", ".regioportaal-tmp-site-\(gone)-1", ".regioportaal-tmp-\(gone)-x-site"],
        ]
        for name in names.values.joined() { try site.write("half\n", to: "\(name)/index.html") }
        try site.build { $0.output = site.root.appendingPathComponent("site") }
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.path))
        for name in names["removed"]! { #expect(!left.contains(name), "\(name)") }
        for name in names["kept"]! { #expect(left.contains(name), "\(name)") }
    }

    /// Writes every file but drops the bytes of one, as another process removing it would.
    final class LosingFileSystem: OutputFileSystem, @unchecked Sendable {
        func createDirectory(at url: URL) throws { try LocalFileSystem().createDirectory(at: url) }
        func write(_ data: Data, to url: URL) throws {
            try LocalFileSystem().write(data, to: url)
            if url.path.hasSuffix("/over/index.html") { unlink(url.path) }
        }
        func copyItem(at source: URL, to destination: URL) throws { try LocalFileSystem().copyItem(at: source, to: destination) }
    }

    @Test func anIncompleteStagedSiteIsNeverSwappedIn() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try site.snapshot()
        let failure = try #require(throws: BuildFailure.self) { try site.build(fileSystem: LosingFileSystem()) }
        let d = try #require(failure.diagnostics.first)
        #expect(d.message.hasPrefix("kon de site niet schrijven in _site: de nieuwe site is onvolledig: over/index.html ontbreekt"))
        #expect(try site.snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).allSatisfy { !$0.hasPrefix(".regioportaal") })
    }

    @Test func aSwapInsideAMountPointReplacesOnlyTheBuildsEntries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("regioportaal-volume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("volume")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        func build(_ files: [String: String]) throws {
            let staged = StagedOutput(output: output, displayBase: root, inside: true)
            try staged.prepare()
            #expect(staged.staging.deletingLastPathComponent().path == output.path)
            for (path, text) in files { try staged.write(text, to: path) }
            try staged.commit()
        }
        try build(["index.html": "een", "oud/index.html": "oud", "css/site.css": "body{}"])
        try build(["index.html": "twee", "nieuw/index.html": "nieuw", "css/site.css": "body{margin:0}"])
        var expected = ["index.html": "twee", "nieuw/index.html": "nieuw", "css/site.css": "body{margin:0}"]
        let written = files(in: output)
        guard case .files(let listed) = OutputFolder.Manifest.read(output) else { Issue.record("no list"); return }
        #expect(listed == expected.mapValues { [$0.utf8.count] })
        expected[OutputFolder.markerName] = String(decoding: written[OutputFolder.markerName] ?? Data(), as: UTF8.self)
        #expect(written.mapValues { String(decoding: $0, as: UTF8.self) } == expected)
        // Something else in the volume: refused before the swap, and kept.
        try Data("x".utf8).write(to: output.appendingPathComponent("CNAME"))
        #expect(throws: OutputFolder.Refusal.self) { try build(["index.html": "drie"]) }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "twee")
        #expect(try String(contentsOf: output.appendingPathComponent("CNAME"), encoding: .utf8) == "x")
    }
}
