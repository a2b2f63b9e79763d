import Foundation
import Testing
@testable import Regioportaal

/// Builds that reuse parsed files must always equal clean builds, through edits, renames
/// and deletions.
@Suite struct IncrementalBuildTests {
    @Test func cachedBuildsEqualCleanBuildsThroughASequenceOfChanges() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let cache = ParseCache()
        let clean = site.root.appendingPathComponent("_clean")

        func compare(_ step: String) throws {
            try site.build { $0.cache = cache }
            try site.build { $0.output = clean }
            let cached = try site.snapshot()
            var reference: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: clean, includingPropertiesForKeys: [.isRegularFileKey])!
            for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                reference[RelativePath.display(url, from: clean)] = try Data(contentsOf: url)
            }
            #expect(cached.keys.sorted() == reference.keys.sorted(), "\(step)")
            for (path, data) in reference { #expect(cached[path] == data, "\(step): \(path) differs") }
        }

        try compare("first build")
        #expect(cache.misses > 0)

        cache.resetCounters()
        try site.write(TestSite.base["Content/updates/eerste-update.md"]!.replacingOccurrences(of: "Het begin.", with: "Een nieuw begin."),
                       to: "Content/updates/eerste-update.md")
        try compare("edit one update")
        #expect(cache.misses == 1, "only the edited file is parsed again")
        #expect(try site.read("updates/eerste-update/index.html").contains("Een nieuw begin."))

        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/updates/eerste-update.md"),
                                         to: site.root.appendingPathComponent("Content/updates/hernoemd.md"))
        try compare("rename an update")
        #expect(try site.snapshot()["updates/eerste-update/index.html"] == nil)

        try site.remove("Content/besluiten/2024-05-29-besluit.md")
        try compare("delete a decision")

        try site.write("---\ntitel: Nieuw\ndatum: 2026-05-01\nauteur: R\nsamenvatting: S\nthemas: [wonen]\n---\nTekst.\n", to: "Content/updates/nieuw.md")
        try compare("add an update")
    }
}
