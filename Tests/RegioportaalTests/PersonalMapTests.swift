import Foundation
import RegioContent
@testable import Regioportaal
@testable import RegioRender
import RegioportaalTestSupport
import Testing

/// Issue 32: a gemeente's own groeiperspectief, now and per year.
@Suite struct PersonalMapTests {
    /// A second coalitie on "status-inwoners" in which Sliedrecht has "geen" and Dordrecht takes part.
    static let files: [String: String] = [
        "Content/coalities/fietscoalitie.md": """
        ---
        titel: Fietscoalitie
        samenvatting: Samen fietsen.
        themas: [wonen]
        opgaven: [status-inwoners]
        status: lopend
        start: 2024-01-01
        deelnemers:
          - { partij: dordrecht, variant: volledig, redactie: true }
          - { partij: sliedrecht, variant: geen, redactie: true }
        redactie: true
        ---
        Tekst.

        """,
    ]

    /// The node group of one opgave in an SVG: its class list and its markup up to the next node.
    func node(_ id: String, in html: String) throws -> (classes: String, markup: String) {
        let marker = try #require(html.range(of: "data-id=\"\(id)\""))
        let open = try #require(html[..<marker.lowerBound].range(of: "<g class=\"", options: .backwards))
        let classes = String(html[open.upperBound..<marker.lowerBound].prefix { $0 != "\"" })
        let end = html[marker.upperBound...].range(of: "</g>")?.lowerBound ?? html.endIndex
        return (classes, String(html[marker.upperBound..<end]))
    }

    /// The text of markup, tags removed and white space (also no-break) collapsed.
    func words(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "[\\s\u{00A0}]+", with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    @Test func eachCoalitieSaysHowTheGemeenteTakesPartAndGeenDoesNotHighlight() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        try site.build()
        let sliedrecht = try site.read("groeiperspectief/gemeenten/sliedrecht/index.html")
        let woning = try node("woningvoorraad", in: sliedrecht)
        #expect(woning.classes.hasPrefix("node emphasis"))
        // Glyph (hidden from screen readers, the word says it) and word, on the coalitie's own line.
        #expect(woning.markup.contains("<tspan class=\"marker\" aria-hidden=\"true\" fill=\"#1d3557\" font-size=\"16\">●\u{00A0}</tspan>Bouwcoalitie (stap"))
        #expect(words(woning.markup).contains("— volledig (voorbeeld)"))
        // The only way Sliedrecht reaches "status-inwoners" is a coalitie with geen deelname: not highlighted.
        let status = try node("status-inwoners", in: sliedrecht)
        #expect(status.classes.hasPrefix("node dim"))
        #expect(status.markup.contains("○\u{00A0}</tspan>Fietscoalitie —\u{00A0}geen deelname"))
        // The legend explains the glyphs the map uses, in words.
        let text = words(sliedrecht)
        #expect(text.contains("Coalitie die aan de opgave werkt, met ‘— geen deelname’: Sliedrecht doet niet mee en wordt op de hoogte gehouden."))
        #expect(text.contains("Coalitie die aan de opgave werkt, met ‘— volledig’: Sliedrecht doet volledig mee"))
        #expect(!text.contains("‘— instap’"))
        // The text alternative says it too.
        #expect(sliedrecht.contains("<a href=\"/coalities/fietscoalitie/\">Fietscoalitie</a> (Sliedrecht: geen deelname)"))
        #expect(sliedrecht.contains("Sliedrecht werkt via 1 coalitie mee aan 1 van de 2 opgaven."))

        // Dordrecht takes part in both: both highlighted, with its own variants.
        let dordrecht = try site.read("groeiperspectief/gemeenten/dordrecht/index.html")
        #expect(try node("status-inwoners", in: dordrecht).classes.hasPrefix("node emphasis"))
        #expect(try node("status-inwoners", in: dordrecht).markup.contains("●\u{00A0}</tspan>Fietscoalitie —\u{00A0}volledig"))
        // The regional map keeps the plain coalitie marker and no variant.
        let regional = try site.read("groeiperspectief/index.html")
        #expect(try node("status-inwoners", in: regional).markup.contains("◆\u{00A0}</tspan>Fietscoalitie</text>"))
    }

    @Test func aGemeenteMapHasAYearMapOfItsOwnAndItsYearLinksKeepTheGemeente() throws {
        let site = try TestSite(LivingGroeiperspectiefTests.dated)
        defer { site.cleanUp() }
        try site.build()
        // 2024: Sliedrecht has geen in the bouwcoalitie; 2025 instap; now volledig.
        let y2024 = try site.read("groeiperspectief/gemeenten/sliedrecht/2024/index.html")
        #expect(try node("woningvoorraad", in: y2024).classes.hasPrefix("node dim"))
        #expect(words(try node("woningvoorraad", in: y2024).markup).contains("— geen deelname"))
        #expect(y2024.contains("Sliedrecht werkte via geen coalitie mee aan de opgaven op deze kaart."))
        let y2025 = try site.read("groeiperspectief/gemeenten/sliedrecht/2025/index.html")
        #expect(try node("woningvoorraad", in: y2025).classes.hasPrefix("node emphasis"))
        #expect(try node("woningvoorraad", in: y2025).markup.contains("◔\u{00A0}</tspan>"))
        #expect(words(try node("woningvoorraad", in: y2025).markup).contains("— instap"))
        #expect(y2025.contains("<title id=\"kaart-2025-title\">Groeiperspectief 2025, gemeente Sliedrecht</title>"))
        // New in 2025 and not Sliedrecht's: both encodings at once, each its own (dashed border, grey fill).
        #expect(try node("status-inwoners", in: y2025).classes == "node dim new example")
        #expect(words(y2025).contains("Gestreepte rand en ‘(nieuw)’: opgave nieuw in 2025"))
        #expect(words(y2025).contains("Grijs: de andere opgaven"))
        // The year links stay on Sliedrecht's map.
        #expect(y2025.contains("href=\"/groeiperspectief/gemeenten/sliedrecht/2024/\" rel=\"prev\""))
        #expect(y2025.contains("href=\"/groeiperspectief/gemeenten/sliedrecht/2026/\" rel=\"next\""))
        let present = try site.read("groeiperspectief/gemeenten/sliedrecht/index.html")
        #expect(present.contains("href=\"/groeiperspectief/gemeenten/sliedrecht/2025/\""))
        #expect(!present.contains("href=\"/groeiperspectief/2025/\""))
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("/groeiperspectief/gemeenten/dordrecht/2024/</loc>"))
    }

    /// A year map counts a coalitie that has finished since (its work took place), not one whose
    /// outcome is unknown.
    @Test func aYearMapCountsFinishedCoalitiesButNotUnknownOnes() throws {
        func site(status: String) throws -> TestSite {
            let fiets = try Self.files["Content/coalities/fietscoalitie.md"]!
                .edited("status: lopend\n", "status: \(status)\n")
                .edited("{ partij: sliedrecht, variant: geen, redactie: true }", "{ partij: sliedrecht, variant: volledig, redactie: true }")
            return try TestSite(["Content/coalities/fietscoalitie.md": fiets])
        }
        for (status, counted) in [("afgerond", true), ("onbekend", false)] {
            let s = try site(status: status)
            defer { s.cleanUp() }
            try s.build()
            let y2025 = try s.read("groeiperspectief/gemeenten/sliedrecht/2025/index.html")
            #expect(try node("status-inwoners", in: y2025).classes.hasPrefix(counted ? "node emphasis" : "node dim"), "\(status)")
            // The present map counts neither: only coalities going on now.
            #expect(try node("status-inwoners", in: try s.read("groeiperspectief/gemeenten/sliedrecht/index.html")).classes.hasPrefix("node dim"), "\(status)")
        }
    }
}

/// Issue 32: a thema's colour and sign, the same on its map column and its page; the shared goal stands out.
@Suite struct ThemaSignTests {
    @Test func everySignHasADrawing() {
        for value in ContentSchema.themaIcoon.values { #expect(ThemaIcon.drawings[value] != nil, "\(value)") }
        #expect(Set(ThemaIcon.drawings.keys) == Set(ContentSchema.themaIcoon.values))
    }

    @Test func aThemaSignIsSharedByTheMapAndThePageAndTheSharedGoalIsMarkedInWords() throws {
        let site = try TestSite([
            "Content/themas/wonen.md": try TestSite.base["Content/themas/wonen.md"]!.edited("titel: Wonen\n", "titel: Wonen\nicoon: woning\n"),
            "Content/opgaven/status-inwoners.md": try TestSite.base["Content/opgaven/status-inwoners.md"]!.edited("voorbeeld: true\n", "gedeeld_doel: true\nvoorbeeld: true\n"),
        ])
        defer { site.cleanUp() }
        try site.build()
        let (colour, path) = try #require(ThemaIcon.drawings["woning"])
        let page = try site.read("themas/wonen/index.html")
        #expect(page.contains("<h1 class=\"thema-kop thema-kleur--woning\"><svg class=\"thema-icoon\" viewBox=\"0 0 16 16\" width=\"28\" height=\"28\" aria-hidden=\"true\"><path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\""))
        #expect(page.contains("</svg>Wonen</h1>"))
        let map = try site.read("groeiperspectief/index.html")
        let column = try #require(map.range(of: "<g class=\"cluster\" data-cluster=\"wonen\">"))
        let markup = map[column.upperBound...].prefix { $0 != "\n" }
        #expect(markup.contains("<rect class=\"cluster-band\"") && markup.contains("fill=\"\(colour)\""))
        #expect(markup.contains("<path class=\"cluster-icon\" aria-hidden=\"true\"") && markup.contains("d=\"\(path)\""))
        // The title still names the column.
        #expect(markup.contains(">Wonen</tspan>"))
        // The shared goal: its band says so, a legend entry explains it.
        #expect(map.contains("<g class=\"node goal example\" data-id=\"status-inwoners\""))
        #expect(map.contains(">gedeeld doel · voorbeeld</text>"))
        #expect(map.contains("Gedeeld doel: waaraan de opgaven</tspan> <tspan"))
    }
}
