import Foundation
@testable import RegioContent
@testable import Regioportaal
@testable import RegioRender
import RegioportaalTestSupport
import Testing

/// Issue 31: with 10,000 updates no page may grow past 1 MB. A change page with more events
/// than `veranderingen_per_pagina` keeps its recent periods and gets a page per year; the search
/// page lists the newest updates and besluiten and links to their own lists. Tested on a small
/// site with a small threshold (the figures at scale are in the README).
@Suite struct ScaleTests {
    /// Sliedrecht gets eight events over five years (2021, 2022, 2024, 2025, 2026): more than
    /// the threshold of 5. Dordrecht gets four (all in 2024): one page, as before.
    static let files: [String: String] = {
        var files = TestSite.base
        files["Content/site.yml"]! += "veranderingen_per_pagina: 5\n"
        for (slug, datum) in [("oud-nieuws", "2021-03-04"), ("nieuws-2022", "2022-07-08")] {
            files["Content/updates/\(slug).md"] = """
            ---
            titel: Bericht van \(datum)
            datum: \(datum)
            auteur: Redactie
            samenvatting: Iets over Sliedrecht.
            gemeenten: [sliedrecht]
            redactie: true
            ---
            Tekst.

            """
        }
        return files
    }()

    @Test func aLongChangePageIsSplitPerYearWithNavigationBothWays() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        try site.build()
        let main = try site.read("gemeenten/sliedrecht/veranderingen/index.html")
        // The recent periods stay; the years are links to their own pages, newest first, with counts.
        #expect(main.contains("id=\"maanden-12\""))
        #expect(!main.contains("id=\"jaar-2024\""))
        #expect(!main.contains("Bericht van 2021-03-04"))
        let years = [2026, 2025, 2024, 2022, 2021]
        var last = main.startIndex
        for year in years {
            let link = try #require(main.range(of: "<li><a href=\"/gemeenten/sliedrecht/veranderingen/\(year)/\">\(year)</a>",
                                               range: last..<main.endIndex), "year \(year) in order")
            last = link.upperBound
        }
        #expect(main.contains("<a href=\"#per-jaar\">Per jaar</a>"))
        #expect(main.contains("/veranderingen/2021/\">2021</a> <span class=\"meta\">(1 verandering)</span>"))

        // A year page: its own events only, its own canonical address, the way back and to the other years.
        let y2021 = try site.read("gemeenten/sliedrecht/veranderingen/2021/index.html")
        #expect(y2021.contains("<h1>Wat is er veranderd voor Sliedrecht in 2021</h1>"))
        #expect(y2021.contains("Bericht van 2021-03-04"))
        #expect(!y2021.contains("Bericht van 2022-07-08") && !y2021.contains("Eerste update"))
        #expect(y2021.contains("<link rel=\"canonical\" href=\"https://portaal.test/gemeenten/sliedrecht/veranderingen/2021/\">"))
        #expect(y2021.contains("<a href=\"/gemeenten/sliedrecht/veranderingen/\">Wat is er veranderd</a>"))
        #expect(y2021.contains("<span aria-current=\"page\">2021</span>"))
        #expect(y2021.contains("<a href=\"/gemeenten/sliedrecht/veranderingen/2022/\" rel=\"next\">2022 →</a>"))
        #expect(!y2021.contains("rel=\"prev\""))
        let y2024 = try site.read("gemeenten/sliedrecht/veranderingen/2024/index.html")
        #expect(y2024.contains("rel=\"prev\">← 2022</a>") && y2024.contains("rel=\"next\">2025 →</a>"))
        // Headings in order: h1, then h2s, no h3 without its h2.
        let levels = y2024.matches(of: /<h([1-6])[ >]/).map { Int($0.output.1)! }
        #expect(levels.first == 1 && zip(levels, levels.dropFirst()).allSatisfy { $1 <= $0 + 1 })
        // "Laatst gewijzigd": the year's latest event, not the build's day.
        #expect(y2024.contains("Laatst gewijzigd: <time datetime=\"2024-06-01\">"))

        // In the sitemap, and no year pages for a change page that fits on one page.
        let sitemap = try site.read("sitemap.xml")
        for year in years { #expect(sitemap.contains("<loc>https://portaal.test/gemeenten/sliedrecht/veranderingen/\(year)/</loc>")) }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("gemeenten/dordrecht/veranderingen/2024").path))
        let dordrecht = try site.read("gemeenten/dordrecht/veranderingen/index.html")
        #expect(dordrecht.contains("id=\"jaar-2024\"") && !dordrecht.contains("Per jaar"))
        // A content link to a year page is a known target.
        #expect(site.check().filter { $0.severity == .error }.isEmpty)
    }

    @Test func aContentLinkToAYearPageIsCheckedLikeAnyOther() throws {
        var files = Self.files
        files["Content/paginas/over.md"] = "---\ntitel: Over\nsamenvatting: Wie.\nmenu: 1\nredactie: true\n---\n"
            + "[2021](/gemeenten/sliedrecht/veranderingen/2021/) en [2023](/gemeenten/sliedrecht/veranderingen/2023/).\n"
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let errors = site.check().filter { $0.severity == .error }
        // 2023 has no event, so no page: only that link is broken.
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("/gemeenten/sliedrecht/veranderingen/2023/") == true)
    }

    @Test func theSearchPageListsTheNewestUpdatesAndLinksToTheRest() throws {
        var files = TestSite.base
        for i in 1...(PageContextBuilder.searchOverviewLimit + 3) {
            files["Content/updates/u\(i).md"] = "---\ntitel: Bericht \(i)\ndatum: 2025-01-01\nauteur: R\nsamenvatting: S.\nredactie: true\n---\nT.\n"
        }
        let site = try TestSite(files)
        defer { site.cleanUp() }
        try site.build()
        let zoeken = try site.read("zoeken/index.html")
        let limit = PageContextBuilder.searchOverviewLimit
        #expect(zoeken.contains("Hier staan de nieuwste \(limit) van de \(limit + 4). <a href=\"/updates/\">Alle updates</a> staan in hun eigen overzicht."))
        #expect(zoeken.matches(of: /<li><a href="\/updates\/[^"]+\/">/).count == limit)
        // Kinds that are short are listed whole, without the note.
        #expect(!zoeken.contains("Alle besluiten</a>"))
    }
}
