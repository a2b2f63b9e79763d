import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import RegioSupport
import RegioportaalTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Regioportaal

/// Reads an XML document with libxml2's parser (well-formedness) and collects element texts.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String: [String]] = [:]
    private var current = ""
    private var stack: [String] = []

    static func parse(_ text: String) throws -> XMLCollector {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        stack.append(name)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[stack.joined(separator: "/"), default: []].append(current)
        stack.removeLast()
        current = ""
    }
}

@Suite struct PublishingTests {
    func builtSite(_ files: [String: String] = [:], configure: (inout BuildOptions) -> Void = { _ in }) throws -> TestSite {
        let site = try TestSite(files)
        try site.build(configure)
        return site
    }

    static let scheduled: [String: String] = [
        "Content/updates/concept.md": "---\ntitel: Concept\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\ngemeenten: [sliedrecht]\ndraft: true\n---\n",
        "Content/updates/later.md": "---\ntitel: Later\ndatum: 2026-02-01\nauteur: R\nsamenvatting: S\ngemeenten: [sliedrecht]\npublishDate: 2027-01-01\n---\n",
        "Content/updates/tweede.md": "---\ntitel: Tweede & laatste\ndatum: 2026-03-05\nauteur: R\nsamenvatting: Over <wonen>.\nthemas: [wonen]\ngemeenten: [dordrecht]\nredactie: true\n---\nMet *nadruk*.\n",
    ]

    @Test func xmlEscapingWritesEntitiesAndDropsWhatXMLForbids() {
        #expect(XML.escape("Wonen & werken") == "Wonen &amp; werken")
        #expect(XML.escape(#"<p class="a">'x'</p>"#) == "&lt;p class=&quot;a&quot;&gt;&apos;x&apos;&lt;/p&gt;")
        // Tab, newline and CR stay; other controls and U+FFFE / U+FFFF are dropped.
        #expect(XML.escape("a\tb\nc\rd\u{01}e\u{1F}f") == "a\tb\nc\rdef")
        #expect(XML.escape("x\u{FFFE}y\u{FFFF}z<") == "xyz&lt;")
        // Other characters that start with the byte EF are kept whole.
        #expect(XML.escape("\u{FFFD}\u{F000}\u{FEFF}é — ü <") == "\u{FFFD}\u{F000}\u{FEFF}é — ü &lt;")
        #expect(XML.escape("geen tekens") == "geen tekens")
    }

    @Test func atomFeedsAreWellFormedWithStableIdsAndContentDates() throws {
        let site = try builtSite(Self.scheduled)
        defer { site.cleanUp() }
        let feed = try XMLCollector.parse(try site.read("feeds/updates.xml"))
        #expect(feed.texts["feed/title"] == ["Testportaal: alle updates"])
        #expect(feed.texts["feed/updated"] == ["2026-03-05T00:00:00Z"])
        #expect(feed.texts["feed/entry/title"] == ["Tweede & laatste", "Eerste update"])
        #expect(feed.texts["feed/entry/id"] == ["tag:portaal.test,2026-03-05:updates/tweede", "tag:portaal.test,2026-01-10:updates/eerste-update"])
        #expect(feed.texts["feed/entry/summary"]?.first == "Over <wonen>.")
        let links = feed.elements.filter { $0.name == "link" }.compactMap { $0.attributes["href"] }
        #expect(links.contains("https://portaal.test/updates/tweede/"))
        #expect(links.allSatisfy { $0.hasPrefix("https://portaal.test/") })
    }

    @Test func feedsPerThemaAndGemeente() throws {
        let site = try builtSite(Self.scheduled)
        defer { site.cleanUp() }
        let wonen = try XMLCollector.parse(try site.read("feeds/themas/wonen.xml"))
        #expect(wonen.texts["feed/entry/title"] == ["Tweede & laatste"])
        // Sliedrecht is named by the first update and takes part in its coalition; the draft
        // and the scheduled update name it too but are not published.
        let sliedrecht = try XMLCollector.parse(try site.read("feeds/gemeenten/sliedrecht.xml"))
        #expect(sliedrecht.texts["feed/entry/title"] == ["Eerste update"])
        let html = try site.read("gemeenten/sliedrecht/index.html")
        #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Updates voor Sliedrecht\" href=\"/feeds/gemeenten/sliedrecht.xml\">"))
    }

    @Test func feedsDoNotChangeWithTheClock() throws {
        var site = try TestSite(Self.scheduled)
        defer { site.cleanUp() }
        try site.build()
        let first = try site.read("feeds/updates.xml")
        site.now = Day("2026-12-24")!
        try site.build()
        #expect(try site.read("feeds/updates.xml") == first)
    }

    @Test func sitemapAndRobots() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let sitemap = try XMLCollector.parse(try site.read("sitemap.xml"))
        let locations = sitemap.texts["urlset/url/loc"] ?? []
        #expect(locations.contains("https://portaal.test/"))
        #expect(locations.contains("https://portaal.test/gemeenten/sliedrecht/"))
        #expect(!locations.contains { $0.contains("404") })
        #expect(try site.read("robots.txt").contains("Sitemap: https://portaal.test/sitemap.xml"))
        #expect(try site.read("404.html").contains("Pagina niet gevonden"))
    }

    @Test func subPathDeploymentAppliesToFeedsSitemapAndSearch() throws {
        let site = try builtSite { $0.baseURL = "https://example.org/portaal/" }
        defer { site.cleanUp() }
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/portaal/themas/wonen/</loc>"))
        #expect(try site.read("feeds/updates.xml").contains("href=\"https://example.org/portaal/updates/eerste-update/\""))
        #expect(try site.read("index.html").contains("href=\"/portaal/feeds/updates.xml\""))
        #expect(try site.read("zoeken/index.html").contains("data-index=\"/portaal/zoeken/index-1.json\""))
    }

    @Test func searchIndexFoldsCaseAndDiacritics() throws {
        let site = try builtSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\nRegionale Coördinatie van ÉÉN tafel.\n"])
        defer { site.cleanUp() }
        // The search page names the parts of the index; a small site has one.
        #expect(try site.read("zoeken/index.html").contains("data-index=\"/zoeken/index-1.json\""))
        let data = try Data(contentsOf: site.output.appendingPathComponent("zoeken/index-1.json"))
        let entries = try JSONSerialization.jsonObject(with: data) as! [[String: String]]
        let over = try #require(entries.first { $0["u"] == "/over/" })
        #expect(over["t"]?.contains("regionale coordinatie van een tafel") == true)
        #expect(over["k"] == "Pagina")
        #expect(over["titel"] == "Over")
        #expect(entries.count == 12)
        #expect(!entries.contains { $0["u"] == "/updates/concept/" })
        // The search page counts the records from the model to name the parts.
        var diagnostics = Diagnostics()
        let published = try #require(Pipeline.check(site.options, diagnostics: &diagnostics)).published
        #expect(MachineOutputs.searchRecordCount(published) == entries.count)
    }

    @Test func searchIndexIsSplitIntoPartsOfAThousandRecords() throws {
        func entry(_ n: Int) -> MachineOutputs.SearchEntry { .init(path: "/\(n)/", json: Array("{\"n\":\(n),\"é\":\"ü\"}".utf8)) }
        func text(_ file: OutputFile) -> String { String(decoding: file.contents, as: UTF8.self) }
        #expect(MachineOutputs.searchIndexFiles([]).map(\.path) == ["zoeken/index-1.json"])
        #expect(text(MachineOutputs.searchIndexFiles([])[0]) == "[]")
        #expect(text(MachineOutputs.searchIndexFiles([entry(1)])[0]) == "[{\"n\":1,\"é\":\"ü\"}]")

        let files = MachineOutputs.searchIndexFiles((0..<2_001).map(entry))
        #expect(files.map(\.path) == ["zoeken/index-1.json", "zoeken/index-2.json", "zoeken/index-3.json"])
        #expect(MachineOutputs.searchIndexPaths(count: 2_001) == files.map(\.path))
        let parts = try files.map { try #require(JSONSerialization.jsonObject(with: $0.contents) as? [[String: Any]]) }
        #expect(parts.map(\.count) == [1_000, 1_000, 1])
        #expect(parts.joined().map { $0["n"] as? Int } == (0..<2_001).map { $0 })
        #expect(MachineOutputs.searchIndexPaths(count: 2_000).count == 2)
        for entries in [[], (0..<2_001).map(entry)] {
            #expect(MachineOutputs.searchIndexSize(entries) == MachineOutputs.searchIndexFiles(entries).reduce(0) { $0 + $1.contents.count })
        }
    }

    @Test func brokenLinkInATemplateIsAnErrorAtTheTemplate() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try (text.edited("</footer>", "<a href=\"{{site.base_path}}bestaat-niet/\">x</a>\n</footer>")).write(to: footer, atomically: true, encoding: .utf8)
        do {
            try site.build()
            Issue.record("expected a broken link error")
        } catch let failure as BuildFailure {
            let d = try #require(failure.diagnostics.first)
            #expect(failure.diagnostics.count == 1)
            #expect(d.message.hasPrefix("kapotte link /bestaat-niet/ (op "))
            #expect(d.location?.file.hasSuffix("Templates/partials/footer.mustache") == true)
            #expect(d.location?.excerpt?.contains("bestaat-niet/") == true)
        }
        let report = try site.build { $0.linkSeverity = .warning }
        #expect(report.warnings.count == 1)
    }

    @Test func buildsAreByteIdenticalWhateverTheFileOrder() throws {
        let a = try TestSite(Self.scheduled)
        defer { a.cleanUp() }
        try a.build()
        // The same files written in the opposite order, so directory listings differ.
        let b = try TestSite(withTemplates: true)
        defer { b.cleanUp() }
        try FileManager.default.removeItem(at: b.root.appendingPathComponent("Content"))
        var all = TestSite.base
        all.merge(Self.scheduled) { _, new in new }
        for (path, text) in all.sorted(by: { $0.key > $1.key }) { try b.write(text, to: path) }
        try b.build()
        let first = try a.snapshot(), second = try b.snapshot()
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs") }
    }

    @Test func assetsAreFingerprintedAndReferenced() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let css = try #require(try site.snapshot().keys.first { $0.hasPrefix("css/site.") })
        #expect(css.range(of: #"^css/site\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil)
        #expect(try site.read("index.html").contains("href=\"/\(css)\""))
    }
}
