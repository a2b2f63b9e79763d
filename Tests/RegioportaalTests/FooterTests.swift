import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Issue 31, what government sites have: "Laatst gewijzigd" under a page from the content's own
/// dates, and a contact block in the footer from site.yml that shows only what is set.
@Suite struct FooterTests {
    static func lastChanged(_ html: String) -> String? {
        html.firstMatch(of: /Laatst gewijzigd: <time datetime="([0-9-]+)">[^<]*<\/time>( <a class="label-voorbeeld")?/)
            .map { String($0.output.1) + ($0.output.2 == nil ? "" : " voorbeeld") }
    }

    @Test func lastChangedIsTheLatestDateAPageShowsNeverTheBuildDay() throws {
        var files = TestSite.base
        files["Content/paginas/over.md"] = try files["Content/paginas/over.md"]!.edited("menu: 1\n", "menu: 1\nbijgewerkt: 2025-02-03\n")
        files["Content/paginas/later.md"] = "---\ntitel: Later\nsamenvatting: Nog niet.\nbijgewerkt: 2027-01-01\nredactie: true\n---\nTekst.\n"
        var site = try TestSite(files)
        defer { site.cleanUp() }
        for now in ["2026-11-22", "2026-12-31"] {
            site.now = Day(now)!
            try site.build()
            // Its own date; a besluit's; a coalitie's latest (the update about it, 10 January 2026).
            #expect(Self.lastChanged(try site.read("updates/eerste-update/index.html")) == "2026-01-10")
            #expect(Self.lastChanged(try site.read("besluiten/2024-05-29-besluit/index.html")) == "2024-05-29")
            #expect(Self.lastChanged(try site.read("coalities/bouwcoalitie/index.html")) == "2026-01-10")
            // A gemeente: the latest event that concerns it (its change page says the same).
            #expect(Self.lastChanged(try site.read("gemeenten/dordrecht/index.html")) == "2026-01-10")
            #expect(Self.lastChanged(try site.read("gemeenten/dordrecht/veranderingen/index.html")) == "2026-01-10")
            // An opgave whose latest date is the (example) coalitie's variant change: marked as example data.
            #expect(Self.lastChanged(try site.read("opgaven/woningvoorraad/index.html")) == "2026-01-01 voorbeeld")
            // A pagina: its bijgewerkt; a date still to come, or none, shows nothing.
            #expect(Self.lastChanged(try site.read("over/index.html")) == "2025-02-03")
            #expect(Self.lastChanged(try site.read("later/index.html")) == nil)
            #expect(Self.lastChanged(try site.read("ringen/index.html")) == nil)
            // Pages without dated facts of their own invent none.
            for page in ["index.html", "agenda/index.html", "themas/index.html", "zoeken/index.html"] {
                #expect(Self.lastChanged(try site.read(page)) == nil, "\(page)")
            }
        }
        // The day the pagina's date comes, it shows.
        site.now = Day("2027-01-02")!
        try site.build()
        #expect(Self.lastChanged(try site.read("later/index.html")) == "2027-01-01")
    }

    @Test func theContactBlockShowsOnlyWhatSiteYmlSets() throws {
        let site = try TestSite([:])
        defer { site.cleanUp() }
        try site.build()
        #expect(!(try site.read("index.html")).contains("footer-contact"))

        var files = TestSite.base
        files["Content/site.yml"]! += "contact:\n  email: redactie@portaal.test\n  telefoon: 078 123 45 67\n  voorbeeld: true\n"
        let withContact = try TestSite(files)
        defer { withContact.cleanUp() }
        #expect(withContact.check().filter { $0.severity == .error }.isEmpty)
        try withContact.build()
        let home = try withContact.read("index.html")
        #expect(home.contains("<h2 id=\"footer-contact-titel\">Contact</h2>"))
        #expect(home.contains("<p>E-mail: <a href=\"mailto:redactie@portaal.test\">redactie@portaal.test</a></p>"))
        #expect(home.contains("<p>Telefoon: <a href=\"tel:0781234567\">078 123 45 67</a></p>"))
        #expect(!home.contains("Adres:"))
        // Invented contact details say so, like every other example fact.
        #expect(home.contains("<span class=\"bron-kop\">Bron:</span> geen; dit zijn <a href=\"/bronnen/#voorbeeld\">voorbeeldgegevens</a>."))
    }

    @Test func aContactBlockStatesWhereItComesFromAndCitesKnownDocuments() throws {
        var files = TestSite.base
        files["Content/site.yml"]! += "contact:\n  adres: Postbus 1, 1000 AA Ergens\n"
        let unstated = try TestSite(files)
        defer { unstated.cleanUp() }
        let lines = unstated.checkLines()
        #expect(lines.contains { $0.hasPrefix("Content/site.yml:6:") && $0.contains("bij contact staat niet waar het vandaan komt") }, "\(lines)")

        files["Content/site.yml"] = TestSite.base["Content/site.yml"]! + "contact:\n  adres: Postbus 1, 1000 AA Ergens\n  bron: { document: rapport-2042, deel: briefhoofd }\n"
        let unknown = try TestSite(files)
        defer { unknown.cleanUp() }
        #expect(unknown.checkLines().contains { $0.hasPrefix("Content/site.yml:6:") && $0.contains("rapport-2042") })

        files["Content/site.yml"] = TestSite.base["Content/site.yml"]! + "contact:\n  adres: Postbus 1, 1000 AA Ergens\n  bron: { document: rapport-2024, deel: briefhoofd }\n"
        let sourced = try TestSite(files)
        defer { sourced.cleanUp() }
        try sourced.build()
        let home = try sourced.read("index.html")
        #expect(home.contains("<p>Adres: Postbus 1, 1000 AA Ergens</p>"))
        #expect(home.contains("<a href=\"/bronnen/#bron-rapport-2024\">Rapport over de samenwerking</a> (briefhoofd), 29 mei 2024"))
        // The source register names it among what rests on the document.
        #expect(try sourced.read("bronnen/index.html").contains("<a href=\"/\">Contactgegevens onderaan elke pagina</a>"))
    }

    @Test func printedLinksCarryTheSitesAddress() throws {
        var files = TestSite.base
        files["Content/site.yml"] = try files["Content/site.yml"]!.edited("base_url: https://portaal.test/", "base_url: https://portaal.test/sub/")
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.build()
        // Hrefs carry the base path; the print rule adds scheme and host, and every page links it.
        #expect(try site.read("css/print-adressen.css").contains("a[href^=\"/\"]::after { content: \" (https://portaal.test\" attr(href) \")\"; }"))
        #expect(try site.read("index.html").contains("<link rel=\"stylesheet\" href=\"/sub/css/print-adressen.css\" media=\"print\">"))
        // On paper the page's address and dates come first (the footer is not printed, so no last page holds only a footer).
        let update = try site.read("updates/eerste-update/index.html")
        let meta = try #require(update.range(of: "<p>Deze pagina staat op https://portaal.test/sub/updates/eerste-update/ · Laatst gewijzigd: 10 januari 2026 · Stand van de gegevens: "))
        #expect(meta.lowerBound < (update.range(of: "<main")?.lowerBound ?? update.startIndex))
    }
}
