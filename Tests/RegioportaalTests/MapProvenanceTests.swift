import Foundation
@testable import RegioContent
@testable import RegioSupport
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 28: the groeiperspectief says what rests on example data or on the editors' reading, in
/// the drawing and in words, inline and in the standalone `kaart.svg`, with a legend inside.
@Suite struct MapProvenanceTests {
    /// The base site has two voorbeeld opgaven (woningvoorraad → status-inwoners, an example edge)
    /// and a voorbeeld coalitie; these add sourced opgaven with an editorial and a sourced edge,
    /// and a sourced coalitie whose outcome the sources do not give.
    static let files: [String: String] = [
        "Content/opgaven/bereikbaarheid.md": """
        ---
        titel: Bereikbaarheid
        samenvatting: Goed bereikbaar.
        themas: [wonen]
        afhankelijk_van:
          - { opgave: woningvoorraad, redactie: true }
        bron: rapport-2024
        ---
        Tekst.

        """,
        "Content/opgaven/werk.md": """
        ---
        titel: Werk
        samenvatting: Werk voor iedereen.
        themas: [wonen]
        afhankelijk_van:
          - { opgave: bereikbaarheid, bron: { document: rapport-2024, deel: hoofdstuk 2 } }
        bron: rapport-2024
        ---
        Tekst.

        """,
        "Content/coalities/werkcoalitie.md": """
        ---
        titel: Werkcoalitie
        samenvatting: Samen werken.
        themas: [wonen]
        opgaven: [werk]
        status: onbekend
        deelnemers:
          - { partij: dordrecht, variant: volledig, bron: rapport-2024 }
        bron: rapport-2024
        ---
        Tekst.

        """,
    ]

    /// The map as an XML document: the SVG must be well-formed on its own, inline too.
    func svg(in text: String) throws -> XMLDocument {
        let start = try #require(text.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let end = try #require(text.range(of: "</svg>", range: start.lowerBound..<text.endIndex))
        return try XMLDocument(xmlString: String(text[start.lowerBound..<end.upperBound]))
    }

    func elements(_ doc: XMLNode, _ xpath: String) throws -> [XMLElement] {
        try doc.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
    }

    func node(_ doc: XMLDocument, _ id: String) throws -> XMLElement {
        try #require(try elements(doc, "//*[local-name()='g'][@data-id='\(id)']").first)
    }

    func edge(_ doc: XMLDocument, from: String, to: String) throws -> XMLElement {
        try #require(try elements(doc, "//*[local-name()='path'][@data-from='\(from)'][@data-to='\(to)']").first)
    }

    // `attribute(forName:)` misses attributes of elements in a default namespace on Linux.
    /// A text element's words, its lines joined by spaces.
    func words(_ texts: [XMLElement]) -> String {
        texts.map { t in
            let lines = (t.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == "tspan" && attribute($0, "class") == nil }
            return lines.isEmpty ? t.stringValue ?? "" : lines.map { $0.stringValue ?? "" }.joined(separator: " ")
        }.joined(separator: " ")
    }

    func attribute(_ e: XMLElement, _ name: String) -> String? { e.attributes?.first { $0.name == name }?.stringValue }

    /// The marks every variant of the map carries.
    func expectMarks(_ doc: XMLDocument, _ page: String) throws {
        let example = try node(doc, "woningvoorraad")
        #expect(attribute(example, "class")?.split(separator: " ").contains("example") == true, "\(page): example opgave classed")
        let tag = try elements(example, ".//*[@class='tag']")
        #expect(tag.map { $0.stringValue ?? "" } == ["voorbeeld"], "\(page): example opgave says so in words")
        let sourced = try node(doc, "bereikbaarheid")
        #expect(attribute(sourced, "class")?.contains("example") == false, "\(page)")
        #expect(try elements(sourced, ".//*[@class='tag']").isEmpty, "\(page)")

        let editorial = try edge(doc, from: "woningvoorraad", to: "bereikbaarheid")
        #expect(attribute(editorial, "class") == "edge editorial", "\(page)")
        #expect(attribute(editorial, "stroke-dasharray") == "8 4", "\(page)")
        #expect(attribute(editorial, "marker-end")?.hasSuffix("arrow-open)") == true, "\(page)")
        let exampleEdge = try edge(doc, from: "woningvoorraad", to: "status-inwoners")
        #expect(attribute(exampleEdge, "class") == "edge example", "\(page)")
        #expect(attribute(exampleEdge, "stroke-dasharray") == "2 3", "\(page)")
        #expect(attribute(exampleEdge, "marker-end")?.hasSuffix("arrow-hollow)") == true, "\(page)")
        let sourcedEdge = try edge(doc, from: "bereikbaarheid", to: "werk")
        #expect(attribute(sourcedEdge, "class") == "edge", "\(page)")
        #expect(attribute(sourcedEdge, "stroke-dasharray") == nil, "\(page)")
        #expect(attribute(sourcedEdge, "marker-end")?.hasSuffix("arrow)") == true, "\(page)")

        let exampleLines = words(try elements(example, ".//*[@class='annotation']"))
        #expect(exampleLines.contains("Bouwcoalitie") && exampleLines.hasSuffix("(voorbeeld)"), "\(page): \(exampleLines)")
        let sourcedLines = words(try elements(try node(doc, "werk"), ".//*[@class='annotation']"))
        #expect(sourcedLines.contains("Werkcoalitie") && !sourcedLines.contains("voorbeeld"), "\(page): \(sourcedLines)")

        let legend = try #require(try elements(doc, "//*[local-name()='g'][@class='legend']").first, "\(page): legend")
        let texts = try elements(legend, ".//*[local-name()='text']")
        let legendWords = words(texts)
        for phrase in ["Legenda", "zoals een brondocument zegt", "lezing van de redactie", "voorbeeldafhankelijkheid",
                       "Voorbeeldopgave", "voorbeeld", "Coalitie die aan de opgave werkt", "‘(voorbeeld)’"] {
            #expect(legendWords.contains(phrase), "\(page): legend says \(phrase)")
        }
        for t in texts { #expect(Double(attribute(t, "font-size") ?? "0")! >= 12, "\(page): \(t.stringValue ?? "")") }
        let samples = try elements(legend, ".//*[contains(@class,'legend-sample')]").compactMap { attribute($0, "class") }
        #expect(samples.contains("legend-sample editorial") && samples.contains("legend-sample example"), "\(page): \(samples)")
        // The legend lies below every node.
        let legendTop = try texts.map { Double(attribute($0, "y") ?? "0")! }.min() ?? 0
        let nodeBottom = try elements(doc, "//*[local-name()='g'][starts-with(@class,'node')]/descendant::*[local-name()='rect']").map {
            Double(attribute($0, "y") ?? "") ?? 0 + (Double(attribute($0, "height") ?? "") ?? 0)
        }.max() ?? .infinity
        #expect(legendTop > nodeBottom, "\(page)")

        let root = try #require(doc.rootElement())
        #expect(try elements(root, "./*[local-name()='title']").first?.stringValue?.isEmpty == false, "\(page)")
        let desc = try #require(try elements(root, "./*[local-name()='desc']").first?.stringValue)
        #expect(desc.contains("waarvan 2 voorbeeld") && desc.contains("1 volgens de lezing van de redactie") && desc.contains("legenda"), "\(page): \(desc)")
    }

    @Test func standaloneFileAndInlineMapMarkProvenanceWithALegend() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        #expect(site.checkLines() == [])
        try site.build()

        let file = try svg(in: try site.read("groeiperspectief/kaart.svg"))
        try expectMarks(file, "kaart.svg")
        #expect(try file.rootElement().map { try elements($0, "./*[local-name()='desc']").first?.stringValue ?? "" }?.contains("Onder de kaart") == false,
                "the file has no text under it")
        let inline = try svg(in: try site.read("groeiperspectief/index.html"))
        try expectMarks(inline, "/groeiperspectief/")
        // The present map says a coalitie is not going on now; its own legend explains the rest.
        #expect(words(try elements(try node(inline, "werk"), ".//*[@class='annotation']")).contains("Werkcoalitie (stand onbekend)"))

        for page in ["groeiperspectief/themas/wonen/index.html", "groeiperspectief/gemeenten/sliedrecht/index.html", "groeiperspectief/2026/index.html"] {
            try expectMarks(try svg(in: try site.read(page)), "\(page)")
        }
        // Emphasis for Sliedrecht comes only from example participation, and the legend says so.
        let sliedrecht = try svg(in: try site.read("groeiperspectief/gemeenten/sliedrecht/index.html"))
        let legend = words(try elements(sliedrecht, "//*[@class='legend-text']"))
        #expect(legend.contains("Dikke rand") && legend.contains("alleen op voorbeeldgegevens over deelname"), "\(legend)")
    }
}
