import Foundation
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Issue 31: the gemeente page a raadslid reads before a meeting.
@Suite struct GemeentePageTests {
    @Test func theGemeentePageOpensWithTheShortAnswerAndAContentsList() throws {
        let site = try TestSite(AgendaTests.files)
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("gemeenten/sliedrecht/index.html")
        let kort = try #require(html.range(of: "<h2 id=\"kort-titel\">In het kort</h2>"))
        // In het kort comes before everything else on the page.
        #expect(kort.lowerBound < (try #require(html.range(of: "Komt eraan voor Sliedrecht"))).lowerBound)
        #expect(html.contains("<dt>Deelname</dt><dd>Doet mee aan 1 coalitie: 1 volledig"))
        #expect(html.contains("<a href=\"#komt-eraan-titel\">2 punten op de agenda, het eerste: Bouwcoalitie: afspraken maken</a>"))
        #expect(html.contains("<dt>Aan tafel</dt><dd><a href=\"#tafels-titel\">Bouwtafel</a>"))
        for anchor in ["komt-eraan-titel", "coalities-titel", "tafels-titel", "besluiten-titel", "updates-titel", "over-titel"] {
            #expect(html.contains("<li><a href=\"#\(anchor)\">"), "the contents list links #\(anchor)")
            #expect(html.contains("id=\"\(anchor)\""))
        }
        // Since when, and the variant before.
        #expect(html.contains("Sinds <time datetime=\"2026-01-01\">1 januari 2026</time>, daarvoor instap"))
        // An update says why it is here.
        #expect(html.contains("· noemt Sliedrecht"))
        // Facts such as the CBS code come last, under "Over Sliedrecht".
        let over = try #require(html.range(of: "id=\"over-titel\""))
        #expect(over.lowerBound < (try #require(html.range(of: "<dt>CBS-code</dt>"))).lowerBound)
    }

    @Test func theGemeenteMapSaysItInWordsAndAnEmptyThemaMapSaysWhy() throws {
        let site = try TestSite(["Content/themas/bestuur.md": "---\ntitel: Bestuur\nsamenvatting: S\ntafel:\n  naam: Regiekamer\n  soort: regiekamer\n---\nTekst.\n"])
        defer { site.cleanUp() }
        try site.build()
        let map = try site.read("groeiperspectief/gemeenten/sliedrecht/index.html")
        #expect(map.contains("<p class=\"map-summary\"><strong>Sliedrecht werkt via 1 coalitie mee aan 1 van de 2 opgaven.</strong> <a class=\"label-voorbeeld\""))
        let empty = try site.read("groeiperspectief/themas/bestuur/index.html")
        #expect(empty.contains("Bij het thema Bestuur hoort geen van de opgaven op deze kaart; daarom zijn ze allemaal grijs."))
    }

    @Test func updatesSayWhyTheyAreThereAndAreAHandful() throws {
        var files = AgendaTests.files
        for n in 1...7 {
            files["Content/updates/bericht-\(n).md"] = "---\ntitel: Bericht \(n)\ndatum: 2026-02-0\(n)\nauteur: R\nsamenvatting: S\ncoalities: [bouwcoalitie]\n---\nTekst.\n"
        }
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.build()
        let dordrecht = try site.read("gemeenten/dordrecht/index.html")
        let updates = try #require(dordrecht.range(of: "<h2 id=\"updates-titel\">Updates</h2>"))
        let section = String(dordrecht[updates.upperBound...].prefix(6_000))
        #expect(section.components(separatedBy: "· via coalitie Bouwcoalitie").count - 1 == 5)
        #expect(section.contains("Dit zijn de vijf nieuwste van 8 updates."))
    }
}

/// Issue 31: what government sites have — a search field in every header, a phase banner while
/// the portal is a test version, a favicon.
@Suite struct SiteFrameTests {
    @Test func everyPageHasASearchFieldAFaviconAndThePhaseBannerWhenSet() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        #expect(!(try site.read("index.html")).contains("class=\"phase-banner\""))
        try site.write(TestSite.base["Content/site.yml"]! + "testversie: true\n", to: "Content/site.yml")
        try site.build()
        for page in ["index.html", "gemeenten/dordrecht/index.html", "agenda/index.html", "bronnen/index.html"] {
            let html = try site.read(page)
            #expect(html.contains("<form class=\"header-search-form\" role=\"search\" action=\"/zoeken/\" method=\"get\">"), "\(page)")
            #expect(html.contains("<input id=\"kop-zoekterm\" name=\"q\" type=\"search\""), "\(page)")
            #expect(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), "\(page)")
            #expect(html.contains("<strong class=\"phase-tag\">Testversie</strong>"), "\(page)")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("favicon.svg").path))
    }
}

/// Issue 31: the glossary, and the first use of a term on a page linked to it.
@Suite struct GlossaryTests {
    @Test func theFirstUseOfATermLinksToItsExplanation() throws {
        let site = try TestSite([
            "Content/begrippen/sok.yml": "titel: Samenwerkingsovereenkomst\nafkorting: SOK\nuitleg: \"De overeenkomst: afspraken <en> regels.\"\nredactie: true\n",
            "Content/begrippen/regiekamer.yml": "titel: regiekamer\nuitleg: Het overleg over de samenwerking als geheel.\nredactie: true\n",
            "Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: S\nmenu: 1\nredactie: true\n---\n## De SOK\n\nDe SOK en de regiekamer. Nogmaals de SOK, [een link over SOK](/begrippen/), `SOK` en SOKKEN.\n",
        ])
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("over/index.html")
        let sok = "<a class=\"begrip\" href=\"/begrippen/#begrip-sok\"><abbr title=\"Samenwerkingsovereenkomst: De overeenkomst: afspraken &lt;en&gt; regels.\">SOK</abbr></a>"
        // Once: not in the heading, not again, not inside a link or code, not inside another word.
        #expect(html.components(separatedBy: sok).count == 2)
        #expect(html.contains("<p>De \(sok) en de <a class=\"begrip\" href=\"/begrippen/#begrip-regiekamer\" title=\"Het overleg over de samenwerking als geheel.\">regiekamer</a>. Nogmaals de SOK,"))
        let heading = try #require(html.range(of: "<h2 id=\"de-sok\">"))
        #expect(!html[heading.upperBound...].prefix { $0 != "/" }.contains("begrip"), "no link inside the heading")
        #expect(html.contains("<code>SOK</code> en SOKKEN"))
        let begrippen = try site.read("begrippen/index.html")
        #expect(begrippen.contains("<dt id=\"begrip-sok\">Samenwerkingsovereenkomst (SOK)"))
        #expect(begrippen.contains("<dt id=\"begrip-regiekamer\">regiekamer"))
    }
}
