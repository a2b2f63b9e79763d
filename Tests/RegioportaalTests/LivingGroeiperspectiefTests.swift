import Foundation
@testable import RegioContent
import RegioMap
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// The portal through time: snapshots per year, change pages, and a layout that stays put.
@Suite struct LivingGroeiperspectiefTests {
    /// The base site lets Sliedrecht go from geen (2024) to instap (2025-03-01) to volledig (2026-01-01).
    static let dated: [String: String] = [
        "Content/opgaven/woningvoorraad.md": "---\ntitel: Woningvoorraad\nsamenvatting: Woningen.\nthemas: [wonen]\nvanaf: 2024-02-01\n---\nTekst.\n",
        "Content/opgaven/status-inwoners.md": "---\ntitel: Status\nsamenvatting: Hoofdopgave.\nthemas: [wonen]\nafhankelijk_van: [woningvoorraad]\nvanaf: 2025-05-01\n---\nTekst.\n",
    ]

    func variants(in html: String, row coalitie: String) -> [String] {
        guard let start = html.range(of: "<th scope=\"row\"><a href=\"/coalities/\(coalitie)/\">"),
              let end = html[start.upperBound...].range(of: "</tr>") else { return [] }
        let row = html[start.upperBound..<end.lowerBound]
        return row.components(separatedBy: "data-variant=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The node ids of the screen map (the print map after it repeats them, see `PrintMapTests`).
    func nodeIDs(in html: String) -> [String] {
        let screen = html.components(separatedBy: "<div class=\"map-print\"")[0]
        return screen.components(separatedBy: "<g class=\"node").dropFirst().compactMap { chunk in
            guard let r = chunk.range(of: "data-id=\"") else { return nil }
            return String(chunk[r.upperBound...].prefix { $0 != "\"" })
        }.sorted()
    }

    @Test func matrixSnapshotsFollowTheVariantThroughTheYears() throws {
        let site = try TestSite(Self.dated)
        defer { site.cleanUp() }
        try site.build()
        // Columns: Dordrecht, Sliedrecht (sorted by name).
        #expect(variants(in: try site.read("deelname/2024/index.html"), row: "bouwcoalitie") == ["volledig", "geen"])
        #expect(variants(in: try site.read("deelname/2025/index.html"), row: "bouwcoalitie") == ["volledig", "instap"])
        #expect(variants(in: try site.read("deelname/2026/index.html"), row: "bouwcoalitie") == ["volledig", "volledig"])
        #expect(variants(in: try site.read("deelname/index.html"), row: "bouwcoalitie") == ["volledig", "volledig"])
        let nav = try site.read("deelname/2025/index.html")
        #expect(nav.contains("<span aria-current=\"page\">2025</span>"))
        #expect(nav.contains("href=\"/deelname/2024/\" rel=\"prev\""))
        #expect(nav.contains("href=\"/deelname/2026/\" rel=\"next\""))
    }

    @Test func changePagesTellTheVariantChanges() throws {
        let site = try TestSite(Self.dated)
        defer { site.cleanUp() }
        try site.build()
        let html = try site.read("gemeenten/sliedrecht/veranderingen/index.html")
        #expect(html.contains("Sliedrecht: deelname van geen deelname naar instap: <a href=\"/coalities/bouwcoalitie/\">Bouwcoalitie</a>"))
        #expect(html.contains("Sliedrecht: deelname van instap naar volledig: <a href=\"/coalities/bouwcoalitie/\">Bouwcoalitie</a>"))
        // 2026-01-01 is within the last 12 months before 2026-11-22, 2025-03-01 is not.
        let lastYear = try #require(html.range(of: "id=\"maanden-12\"")).upperBound
        let firstYearSection = try #require(html.range(of: "id=\"jaar-2026\"")).lowerBound
        let window = String(html[lastYear..<firstYearSection])
        #expect(window.contains("van instap naar volledig"))
        #expect(!window.contains("van geen deelname naar instap"))
        #expect(html.contains("id=\"jaar-2025\""))
        // Dordrecht took part from the start: no variant change is news for it.
        #expect(!(try site.read("gemeenten/dordrecht/veranderingen/index.html")).contains("deelname van"))
    }

    @Test func mapSnapshotsShowTheOpgavenOfTheirYear() throws {
        let site = try TestSite(Self.dated)
        defer { site.cleanUp() }
        try site.build()
        #expect(nodeIDs(in: try site.read("groeiperspectief/2024/index.html")) == ["woningvoorraad"])
        let y2025 = try site.read("groeiperspectief/2025/index.html")
        #expect(nodeIDs(in: y2025) == ["status-inwoners", "woningvoorraad"])
        #expect(y2025.contains("<g class=\"node new example\" data-id=\"status-inwoners\""))
        #expect(nodeIDs(in: try site.read("groeiperspectief/2026/index.html")) == ["status-inwoners", "woningvoorraad"])
    }

    @Test func nothingAfterNowIsShownAsCurrent() throws {
        var site = try TestSite(Self.dated)
        defer { site.cleanUp() }
        site.now = Day("2024-12-01")!
        try site.build()
        let files = try site.snapshot()
        #expect(files["groeiperspectief/2025/index.html"] == nil)
        #expect(nodeIDs(in: try site.read("groeiperspectief/index.html")) == ["woningvoorraad"])
        #expect(variants(in: try site.read("deelname/index.html"), row: "bouwcoalitie") == ["volledig", "geen"])
    }
}

@Suite struct StableLayoutTests {
    func graph(_ extra: Bool) -> MapGraph {
        var nodes = (0..<8).map { MapNode(id: "n\($0)", label: "Opgave \($0)", cluster: $0 < 4 ? "a" : "b") }
        var edges = [MapEdge(from: "n0", to: "n2"), MapEdge(from: "n1", to: "n2"), MapEdge(from: "n2", to: "n5"),
                     MapEdge(from: "n3", to: "n5"), MapEdge(from: "n4", to: "n6"), MapEdge(from: "n6", to: "n7"), MapEdge(from: "n1", to: "n7")]
        if extra {
            nodes.append(MapNode(id: "x", label: "Nieuwe opgave", cluster: "a"))
            edges.append(MapEdge(from: "x", to: "n5"))
        }
        return MapGraph(nodes: nodes, edges: edges)
    }

    func layers(_ layout: MapLayout, ignoring: Set<String> = []) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        for node in layout.orderedNodes where !ignoring.contains(node.id) { result[node.layer, default: []].append(node.id) }
        return result
    }

    @Test func anUnchangedGraphKeepsAnIdenticalLayout() {
        let first = LayeredLayout.layout(graph(false))
        var options = LayoutOptions()
        options.orderHint = first.orderHint
        let second = LayeredLayout.layout(graph(false), options: options)
        #expect(second.nodes == first.nodes)
        #expect(second.edges == first.edges)
    }

    @Test func addingOneOpgaveKeepsTheOrderOfTheOthers() {
        let first = LayeredLayout.layout(graph(false))
        var options = LayoutOptions()
        options.orderHint = first.orderHint
        let second = LayeredLayout.layout(graph(true), options: options)
        #expect(layers(second, ignoring: ["x"]) == layers(first))
    }
}
