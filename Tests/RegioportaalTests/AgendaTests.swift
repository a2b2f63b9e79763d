import Foundation
@testable import RegioContent
@testable import Regioportaal
@testable import RegioRender
import RegioportaalTestSupport
import Testing

/// Issue 31: what is coming to the councils — expected and agenda'd decisions and the next
/// steps of coalities — on /agenda/, on the gemeente pages and the home page, and as
/// iCalendar files that a real parser (Python's icalendar) reads.
@Suite struct AgendaTests {
    /// On the base site's day (2026-11-22): one decision expected of all councils, one
    /// agenda'd for Dordrecht's council only, one taken; the (example) bouwcoalitie expects its
    /// next step, which concerns the gemeenten that take part in it.
    static let files: [String: String] = [
        "Content/besluiten/2027-03-01-kaders.md": """
        ---
        titel: Nieuwe financiële kaders
        datum: { datum: 2027-03-01, redactie: true }
        status: verwacht
        periode: voorjaar 2027
        door: raad
        orgaan: De gemeenteraden
        uitkomst: Vaststellen van de kaders
        waarom: De raad beslist over het geld; met een komma, en een puntkomma; erin.
        bron: rapport-2024
        ---
        Tekst.

        """,
        "Content/besluiten/2027-01-15-sok.md": """
        ---
        titel: Samenwerkingsovereenkomst
        datum: 2027-01-15
        status: geagendeerd
        door: raad
        orgaan: Gemeenteraad Dordrecht
        uitkomst: Een nieuwe overeenkomst
        gemeenten: [dordrecht]
        bron: rapport-2024
        ---
        Tekst.

        """,
        "Content/coalities/bouwcoalitie.md": try! TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited(
            "voorbeeld: true", "volgende_stap: { stap: afspraken, datum: 2027-02-01, waarom: Afspraken over geld. }\nvoorbeeld: true"),
    ]

    @Test func expectedDecisionsAreOnTheAgendaAndNeverAmongTheDecisionsTaken() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        #expect(site.check().filter { $0.severity == .error }.isEmpty)
        try site.build()
        let agenda = try site.read("agenda/index.html")
        // Soonest first, with when, who and for whom.
        let sok = try #require(agenda.range(of: ">Samenwerkingsovereenkomst</a>"))
        let stap = try #require(agenda.range(of: ">Bouwcoalitie: afspraken maken</a>"))
        let kaders = try #require(agenda.range(of: ">Nieuwe financiële kaders</a>"))
        #expect(sok.lowerBound < stap.lowerBound && stap.lowerBound < kaders.lowerBound)
        #expect(agenda.contains("<strong>Geagendeerd</strong> · Gemeenteraad Dordrecht (Gemeenteraad) · voor Dordrecht"))
        #expect(agenda.contains("voorjaar 2027"))
        // The expected date is the editors' reading, and the next step rests on example data: both marked.
        #expect(agenda.contains(">Nieuwe financiële kaders</a> <a class=\"label-redactie\""))
        #expect(agenda.contains(">Bouwcoalitie: afspraken maken</a> <a class=\"label-voorbeeld\""))

        // Not a decision taken: not on /besluiten/, not in the change pages, not in the feeds.
        let besluiten = try site.read("besluiten/index.html")
        #expect(!besluiten.contains("Nieuwe financiële kaders") && !besluiten.contains("Samenwerkingsovereenkomst"))
        #expect(!(try site.read("gemeenten/dordrecht/veranderingen/index.html")).contains("Samenwerkingsovereenkomst"))
        // Its own page says it is still to come.
        let page = try site.read("besluiten/2027-03-01-kaders/index.html")
        #expect(page.contains("<strong class=\"status\">Verwacht</strong> Dit besluit is nog niet genomen."))
    }

    @Test func theGemeentePageAndHomeSayWhatIsComing() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        try site.build()
        let dordrecht = try site.read("gemeenten/dordrecht/index.html")
        let block = try #require(dordrecht.range(of: "Komt eraan voor Dordrecht"))
        // Near the top: before the coalities and the text.
        #expect(block.lowerBound < (try #require(dordrecht.range(of: "Coalities waar Dordrecht aan deelneemt"))).lowerBound)
        for item in [">Samenwerkingsovereenkomst</a>", ">Bouwcoalitie: afspraken maken</a>", ">Nieuwe financiële kaders</a>"] {
            #expect(dordrecht.contains(item))
        }
        #expect(dordrecht.contains("href=\"/agenda/gemeenten/dordrecht.ics\""))
        // Sliedrecht sits in the bouwcoalitie too, but the SOK is Dordrecht's alone.
        let sliedrecht = try site.read("gemeenten/sliedrecht/index.html")
        #expect(!sliedrecht.contains(">Samenwerkingsovereenkomst</a>"))
        #expect(sliedrecht.contains(">Nieuwe financiële kaders</a>"))
        let home = try site.read("index.html")
        #expect(home.contains("<h2 id=\"komt-eraan-titel\">Komt eraan</h2>"))
    }

    @Test func calendarsAreReadByARealParserWithStableUIDs() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        try site.build()
        let script = """
        import json, sys
        from icalendar import Calendar
        paths = json.load(open(sys.argv[1]))
        out = {}
        for name, path in paths.items():
            cal = Calendar.from_ical(open(path, 'rb').read())
            out[name] = [{"uid": str(e.get("uid")), "summary": str(e.get("summary")), "start": e.decoded("dtstart").isoformat(),
                          "end": e.decoded("dtend").isoformat(), "status": str(e.get("status")), "url": str(e.get("url")),
                          "description": str(e.get("description")), "categories": [str(c) for c in e.get("categories").cats] if e.get("categories") else []}
                         for e in cal.walk("VEVENT")]
        json.dump(out, sys.stdout)
        """
        let paths = ["regio": "agenda/regio.ics", "dordrecht": "agenda/gemeenten/dordrecht.ics", "sliedrecht": "agenda/gemeenten/sliedrecht.ics"]
            .mapValues { site.output.appendingPathComponent($0).path }
        func parse() throws -> [String: [[String: Any]]] {
            let data = try Python.run(script, input: try JSONSerialization.data(withJSONObject: paths))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
        }
        let calendars = try parse()
        let regio = try #require(calendars["regio"])
        #expect(regio.map { $0["uid"] as? String } == [
            "besluit-2027-01-15-sok@portaal.test", "coalitie-bouwcoalitie-volgende-stap@portaal.test", "besluit-2027-03-01-kaders@portaal.test",
        ])
        let kaders = try #require(regio.last)
        #expect(kaders["start"] as? String == "2027-03-01" && kaders["end"] as? String == "2027-03-02")
        #expect(kaders["status"] as? String == "TENTATIVE")
        #expect(kaders["url"] as? String == "https://portaal.test/besluiten/2027-03-01-kaders/")
        // Commas and semicolons survive escaping; the editors' reading is said.
        #expect((kaders["description"] as? String)?.contains("met een komma, en een puntkomma; erin.") == true)
        #expect((kaders["description"] as? String)?.contains("lezing van de redactie") == true)
        #expect(regio.first?["status"] as? String == "CONFIRMED")
        // Example data is labelled in the calendar too.
        let stap = try #require(regio.first { ($0["uid"] as? String)?.hasPrefix("coalitie-") == true })
        #expect((stap["summary"] as? String)?.hasPrefix("[Voorbeeld] ") == true)
        #expect(stap["categories"] as? [String] == ["VOORBEELD"])
        // Per gemeente: only what concerns it.
        #expect(calendars["sliedrecht"]?.contains { $0["uid"] as? String == "besluit-2027-01-15-sok@portaal.test" } == false)
        #expect(calendars["dordrecht"]?.count == 3)

        // Moving the decision moves the event: same UID, new date, no second event.
        try site.write(Self.files["Content/besluiten/2027-03-01-kaders.md"]!.edited("2027-03-01, redactie", "2027-04-01, redactie"),
                       to: "Content/besluiten/2027-03-01-kaders.md")
        try site.build()
        let moved = try #require(try parse()["regio"])
        #expect(moved.filter { ($0["uid"] as? String) == "besluit-2027-03-01-kaders@portaal.test" }.map { $0["start"] as? String } == ["2027-04-01"])
        #expect(moved.count == 3)
    }

    @Test func textValuesAreEscapedAsRFC5545Says() {
        #expect(AgendaCalendar.text("a\r\nb\nc;d,e\\f é") == "a\\nb\\nc\\;d\\,e\\\\f é")
    }

    @Test func longLinesAreFoldedWithoutSplittingACharacter() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = AgendaCalendar.fold(line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}
