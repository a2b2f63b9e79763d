import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

@Suite struct FrontMatterTests {
    @Test func positionsPointIntoTheWholeFile() throws {
        let file = SourceFile(url: URL(fileURLWithPath: "/x/a.md"), displayPath: "a.md",
                              text: "---\ntitel: Over\nleden:\n  - dordrecht\n---\n## Kop\n")
        var diagnostics = Diagnostics()
        let split = try #require(FrontMatter.split(file, diagnostics: &diagnostics))
        #expect(split.yaml == "titel: Over\nleden:\n  - dordrecht\n")
        #expect(split.body == "## Kop\n")
        #expect(split.bodyLineOffset == 5)
        let yaml = try #require(YAMLReader(file: file, lineOffset: split.yamlLineOffset).read(split.yaml, diagnostics: &diagnostics))
        guard case .mapping(let pairs, _) = yaml else { Issue.record("expected a mapping"); return }
        #expect(pairs.map(\.key) == ["titel", "leden"])
        #expect(pairs[0].keyLocation.line == 2)
        #expect(pairs[0].value.location.line == 2)
        #expect(pairs[0].value.location.column == 8)
        guard case .sequence(let items, _) = pairs[1].value else { Issue.record("expected a list"); return }
        #expect(items[0].location.line == 4)
        #expect(items[0].location.column == 5)
        #expect(items[0].location.excerpt == "  - dordrecht")
        #expect(!diagnostics.hasErrors)
    }

    @Test func crlfAndByteOrderMarkAreNormalised() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let text = "\u{FEFF}---\r\ntitel: Over\r\nsamenvatting: Wie\r\nmenu: x\r\nredactie: true\r\n---\r\nTekst.\r\n"
        try site.write(text, to: "Content/paginas/over.md")
        #expect(site.checkLines() == ["Content/paginas/over.md:4:7: error: bij \"menu\" hoort een heel getal, gevonden: \"x\""])
    }

    @Test func invalidUTF8IsAnErrorWithPosition() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        var bytes = Data("---\ntitel: Ov".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data("er\n---\n".utf8))
        try bytes.write(to: site.root.appendingPathComponent("Content/paginas/over.md"))
        #expect(site.checkLines() == ["Content/paginas/over.md:2:10: error: het bestand is geen geldige UTF-8-tekst"])
    }
}

@Suite struct BuildTests {
    @Test func buildWritesEveryPage() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let report = try site.build()
        #expect(report.warnings.isEmpty)
        let files = try site.snapshot()
        for path in ["index.html", "404.html", "themas/wonen/index.html", "coalities/bouwcoalitie/index.html",
                     "gemeenten/sliedrecht/index.html", "opgaven/woningvoorraad/index.html", "updates/index.html",
                     "updates/eerste-update/index.html", "besluiten/2024-05-29-besluit/index.html", "over/index.html",
                     "deelname/index.html", "groeiperspectief/index.html", "partners/index.html"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        #expect(files.keys.contains { $0.hasPrefix("css/site.") && $0.hasSuffix(".css") })
    }

    @Test func gemeentePageListsEachCoalitionWithItsVariant() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("gemeenten/sliedrecht/index.html")
        // On 2026-11-22 Sliedrecht takes part fully (since 2026-01-01).
        #expect(html.contains("id=\"variant-volledig\"><span class=\"variant variant-volledig\"><span class=\"variant-symbol\" aria-hidden=\"true\">●</span> <span class=\"variant-label\">Volledig</span></span>"))
        #expect(html.contains("<a href=\"/coalities/bouwcoalitie/\">Bouwcoalitie</a>"))
        #expect(html.contains("<a href=\"/themas/wonen/\">Bouwtafel</a>"))
        #expect(html.contains("<a href=\"/updates/eerste-update/\">Eerste update</a>"))
    }

    @Test func variantFollowsTheInjectedDate() throws {
        var site = try TestSite()
        defer { site.cleanUp() }
        site.now = Day("2025-06-01")!
        try site.build()
        let html = try site.read("gemeenten/sliedrecht/index.html")
        #expect(html.contains("id=\"variant-instap\""))
        #expect(!html.contains("id=\"variant-volledig\""))
    }

    @Test func participationMatrixHasRowAndColumnHeaders() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("deelname/index.html")
        #expect(html.contains("<th scope=\"col\"><a href=\"/gemeenten/dordrecht/\">Dordrecht</a></th>"))
        #expect(html.contains("<th scope=\"col\"><a href=\"/gemeenten/sliedrecht/\">Sliedrecht</a></th>"))
        #expect(html.contains("<th scope=\"row\"><a href=\"/coalities/bouwcoalitie/\">Bouwcoalitie</a>"))
        #expect(html.contains(">Deelname aan coalities binnen het thema Wonen</caption>"))
    }

    @Test func everyPageHasTheRequiredHead() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"), "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#inhoud\">"), "\(path)")
            #expect(html.contains("<main id=\"inhoud\""), "\(path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://portaal.test/"), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have exactly one h1")
            #expect(html.contains("Content-Security-Policy"), "\(path)")
        }
    }

    @Test func subPathDeploymentPrefixesEveryInternalLink() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build { $0.baseURL = "https://example.org/portaal/" }
        let html = try site.read("updates/eerste-update/index.html")
        #expect(html.contains("href=\"/portaal/themas/wonen/#ambitie\""))
        #expect(html.contains("href=\"/portaal/css/site."))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/portaal/updates/eerste-update/\">"))
        #expect(!html.contains("href=\"/themas/"))
    }

    @Test func scheduledAndDraftUpdatesAreLeftOut() throws {
        let site = try TestSite([
            "Content/updates/concept.md": "---\ntitel: Concept\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\ndraft: true\n---\n",
            "Content/updates/later.md": "---\ntitel: Later\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\npublishDate: 2027-01-01\n---\n",
            "Content/updates/verlopen.md": "---\ntitel: Verlopen\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\nexpiryDate: 2026-06-01\n---\n",
        ])
        defer { site.cleanUp() }
        try site.build()
        let files = try site.snapshot()
        #expect(files["updates/concept/index.html"] == nil)
        #expect(files["updates/later/index.html"] == nil)
        #expect(files["updates/verlopen/index.html"] == nil)
        try site.build { $0.includeDrafts = true }
        #expect(try site.snapshot()["updates/concept/index.html"] != nil)
    }

    @Test func markdownCannotInjectScript() throws {
        let site = try TestSite([
            "Content/paginas/over.md": """
            ---
            titel: "<script>alert('t')</script>"
            samenvatting: "\\" onmouseover=\\"alert(1)"
            ---
            <script>alert(2)</script>

            Tekst <b onclick="alert(4)">x</b> ![foto](/x.png" onerror="alert(5))

            """,
        ])
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("over/index.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("\" onmouseover"))
        #expect(!html.contains("onerror=\""))
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
    }

    @Test func scriptLinksAreAContentError() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\n[klik](javascript:alert(3))\n"])
        defer { site.cleanUp() }
        #expect(site.checkLines() == ["Content/paginas/over.md:6:1: error: onveilige link \"javascript:alert(3)\""])
    }
}

@Suite struct AtomicOutputTests {
    @Test func brokenContentLeavesThePreviousSiteByteIdentical() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try site.snapshot()
        try site.write("---\ntitel: Kapot\nsamenvatting: [\n---\n", to: "Content/paginas/over.md")
        #expect(throws: BuildFailure.self) { try site.build() }
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".regioportaal-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aWriteFailureLeavesThePreviousSiteAndNoStagingFolder() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let before = try site.snapshot()
        let failing = FailingFileSystem(failAfter: 5)
        do {
            try site.build(fileSystem: failing)
            Issue.record("the build should have failed")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.first?.message.contains("kon de site niet schrijven") == true)
            #expect(failure.diagnostics.first?.message.contains("No space left on device") == true)
        }
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".regioportaal-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func anUnwritableOutputFolderIsAClearErrorAndNothingIsLost() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // A regular file where the output folder's parent should be: nothing can be created there.
        let blocker = site.root.appendingPathComponent("blokkade")
        try Data("geen map".utf8).write(to: blocker)
        do {
            try site.build { $0.output = blocker.appendingPathComponent("_site") }
            Issue.record("the build should have failed")
        } catch let failure as BuildFailure {
            let d = try #require(failure.diagnostics.first)
            #expect(d.message == "kan de map boven blokkade/_site niet maken: een deel van het pad is een bestand, geen map")
            #expect(d.hint == "geef met --output een map op een plek waar u mag schrijven")
        }
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "geen map")
    }

    @Test func leftoversOfAnInterruptedBuildAreRemovedByTheNextRun() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        // Named after this output and a process that cannot exist (beyond the largest process id).
        let stale = site.root.appendingPathComponent(".regioportaal-tmp-2147483000-1-_site")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stale.appendingPathComponent("index.html"))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        let first = try site.snapshot()
        try site.build()
        #expect(try site.snapshot() == first)
    }
}

/// Fails every write after the first `failAfter`, as a full disk would.
final class FailingFileSystem: OutputFileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    init(failAfter: Int) { remaining = failAfter }

    private func tick() throws {
        lock.lock()
        defer { lock.unlock() }
        remaining -= 1
        if remaining < 0 { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSLocalizedDescriptionKey: "No space left on device"]) }
    }

    func createDirectory(at url: URL) throws { try LocalFileSystem().createDirectory(at: url) }
    func write(_ data: Data, to url: URL) throws { try tick(); try LocalFileSystem().write(data, to: url) }
    func copyItem(at source: URL, to destination: URL) throws { try tick(); try LocalFileSystem().copyItem(at: source, to: destination) }
}
