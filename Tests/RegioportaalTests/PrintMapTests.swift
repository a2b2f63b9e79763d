import Foundation
import RegioContent
@testable import Regioportaal
@testable import RegioRender
import RegioportaalTestSupport
import Testing

/// Issue 32: the groeiperspectief map in print, on its own landscape A3 sheet, text at 8 pt or more.
@Suite struct PrintMapTests {
    /// The room print.css gives the map, in CSS px: the named page `map` less its margins, and the
    /// map's max-height (which leaves room for the caption).
    static func sheet() throws -> (width: Double, height: Double) {
        let css = try String(contentsOf: TestSite.repository.appendingPathComponent("Public/css/print.css"), encoding: .utf8)
        func mm(_ pattern: String) throws -> Double {
            let match = try #require(css.firstMatch(of: try Regex(pattern)), "print.css: \(pattern)")
            let value = match.output[1].substring.map(String.init) ?? ""
            return try #require(Double(value), "print.css: \(pattern)")
        }
        #expect(css.contains("size: A3 landscape"))
        let margin = try mm(#"@page map \{[^}]*margin: ([0-9.]+)mm"#)
        let maxHeight = try mm(#"\.map-figure svg \{[^}]*max-height: ([0-9.]+)mm"#)
        let px = 96 / 25.4
        return ((420 - 2 * margin) * px, maxHeight * px)
    }

    /// Width, height and smallest font size of the first SVG in `markup`.
    func geometry(_ markup: String) throws -> (width: Double, height: Double, smallestFont: Double) {
        let box = try #require(markup.firstMatch(of: #/viewBox="0 0 ([0-9.]+) ([0-9.]+)"/#))
        let sizes = markup.matches(of: #/font-size="([0-9.]+)"/#).compactMap { Double($0.output.1) }
        return (try #require(Double(box.output.1)), try #require(Double(box.output.2)), try #require(sizes.min()))
    }

    /// The printed size in pt of the smallest text of an SVG scaled to fit `sheet`.
    func smallestPoint(_ svg: String, sheet: (width: Double, height: Double)) throws -> Double {
        let g = try geometry(svg)
        let scale = min(1, sheet.width / g.width, sheet.height / g.height)
        return g.smallestFont * scale * 0.75
    }

    @Test func thePrintMapIsHiddenFromAssistiveTechnologyHasNoLinksAndItsLegendFollows() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.build()
        for path in ["groeiperspectief/index.html", "groeiperspectief/gemeenten/sliedrecht/index.html"] {
            let html = try site.read(path)
            let figure = try #require(html.firstMatch(of: #/<figure class="map-figure">(.*?)</figure>/#.dotMatchesNewlines()), "\(path)").output.1
            // The screen map first, unchanged in its scroll region, with links and its own legend.
            let screen = try #require(figure.firstMatch(of: #/<div class="map-scroll"[^>]*>(.*?)</div>/#.dotMatchesNewlines())).output.1
            #expect(screen.contains("id=\"kaart-title\"") && screen.contains("<a href=") && screen.contains("<g class=\"legend\">"))
            // Then the print map: hidden from assistive technology, no links, no legend, ids of its own.
            let print = try #require(figure.firstMatch(of: #/<div class="map-print" aria-hidden="true">(<svg.*?</svg>)/#.dotMatchesNewlines()), "\(path)").output.1
            #expect(!print.contains("<a ") && !print.contains("class=\"legend\""))
            #expect(print.contains("<g class=\"node"))
            let ids = print.matches(of: #/ id="([^"]*)"/#).map { String($0.output.1) }
            #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("druk-") }, "\(ids)")
            // The legend after the figure, also hidden, drawn like the screen map's.
            let after = try #require(html.range(of: "</figure>")).upperBound
            let legend = try #require(html[after...].firstMatch(of: #/<div class="map-print-legend" aria-hidden="true">(<svg.*?</svg>)/#.dotMatchesNewlines()), "\(path)").output.1
            #expect(legend.contains("<g class=\"legend\">") && !legend.contains("<g class=\"node"))
            // No id twice on the page.
            let all = html.matches(of: #/ id="([^"]*)"/#).map { String($0.output.1) }
            #expect(Set(all).count == all.count)
        }
        // The screen hides both; print shows them instead of the screen map.
        let siteCSS = try String(contentsOf: TestSite.repository.appendingPathComponent("Public/css/site.css"), encoding: .utf8)
        #expect(siteCSS.contains(".map-print, .map-print-legend, .map-print-note { display: none; }"))
    }

    /// On the shipped content, every map page's print map fits the sheet with its 12 px texts at
    /// 8 pt or more, and its legend does on an A4 portrait page (178 mm wide within print.css's margins);
    /// the screen map would not (which is why the print map exists).
    @Test func everyShippedMapPrintsAtEightPointOrMore() throws {
        var diagnostics = Diagnostics()
        let now = Day("2026-11-22")!
        let checked = try #require(Pipeline.check(BuildOptions(project: TestSite.repository, now: now), diagnostics: &diagnostics))
        let maps = MapArtifacts(model: checked.published, relations: checked.relations, on: now, basePath: "/")
        let sheet = try Self.sheet()
        let a4 = (width: (210 - 2 * 16) * 96 / 25.4, height: (297 - 18 - 20) * 96 / 25.4)
        let pages = 1 + maps.themas.count + maps.years.count + maps.gemeenten.count + maps.gemeenteYears.values.map(\.count).reduce(0, +)
        #expect(maps.prints.count == pages)
        for (page, print) in maps.prints {
            #expect(try smallestPoint(print.map, sheet: sheet) >= 8, "\(page)")
            #expect(try smallestPoint(print.legend, sheet: a4) >= 8, "\(page)")
        }
        #expect(try smallestPoint(maps.full, sheet: sheet) < 8)
    }
}
