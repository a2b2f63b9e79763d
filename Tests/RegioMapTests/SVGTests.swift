import Foundation
import XCTest

@testable import RegioMap

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects elements with their attributes and the order of the root's children.
private final class Collector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var depth: Int
        var text = ""
    }
    var elements: [Element] = []
    private var stack: [Int] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, depth: stack.count))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for i in stack { elements[i].text += string }
    }
}

final class SVGTests: XCTestCase {
    private func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> [Collector.Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
        return collector.elements
    }

    private func points(_ d: String) -> [Point] {
        let tokens = d.split(separator: " ")
        var numbers: [Double] = []
        for t in tokens {
            if let v = Double(t) {
                numbers.append(v)
            } else {
                XCTAssertTrue(["M", "L", "C"].contains(t), "only absolute M, L, C commands: \(t)")
            }
        }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { Point(x: numbers[$0], y: numbers[$0 + 1]) }
    }

    func testMarkupContract() {
        let graph = Fixtures.opgaven
        let layout = LayeredLayout.layout(graph)
        let options = SVGOptions(
            title: "Groeiperspectief 2025", description: "Afhankelijkheden tussen opgaven & coalities",
            href: { $0 == "zorg" ? nil : "/opgaven/\($0)/" },
            nodeClasses: ["woningbouw": ["emphasis"], "ov": ["dim", "new"]], idPrefix: "gp-")
        let svg = SVGWriter.svg(layout, graph: graph, options: options)
        let elements = parse(svg)

        let root = elements[0]
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(root.attributes["role"], "graphics-document")
        XCTAssertEqual(root.attributes["aria-labelledby"], "gp-title gp-desc")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 \(SVGWriter.num(layout.width)) \(SVGWriter.num(layout.height))")
        XCTAssertNotNil(root.attributes["width"])
        let children = elements.filter { $0.depth == 1 }
        XCTAssertEqual(children[0].name, "title")
        XCTAssertEqual(children[0].attributes["id"], "gp-title")
        XCTAssertEqual(children[0].text, "Groeiperspectief 2025")
        XCTAssertEqual(children[1].name, "desc")
        XCTAssertEqual(children[1].text, "Afhankelijkheden tussen opgaven & coalities")
        let marker = elements.first { $0.name == "marker" }
        XCTAssertEqual(marker?.attributes["id"], "gp-arrow")

        // Clusters first, then edges, then nodes.
        let kinds = children.compactMap { $0.attributes["class"]?.split(separator: " ").first.map(String.init) }
        let firstEdge = kinds.firstIndex(of: "edge")!
        XCTAssertEqual(kinds.lastIndex(of: "cluster")! < firstEdge, true)
        XCTAssertEqual(kinds.lastIndex(of: "edge")! < kinds.firstIndex(of: "node")!, true)
        XCTAssertEqual(children.filter { $0.attributes["class"] == "cluster" }.count, 5)

        // Nodes: data-id, link, rect, label and marked annotations.
        var rects: [String: Rect] = [:]
        var currentNode: String?
        for e in elements {
            if e.name == "g", let cls = e.attributes["class"], cls.hasPrefix("node") {
                currentNode = e.attributes["data-id"]
                XCTAssertNotNil(currentNode)
            } else if e.name == "g" {
                currentNode = nil
            }
            if e.name == "rect", let id = currentNode {
                rects[id] = Rect(x: Double(e.attributes["x"]!)!, y: Double(e.attributes["y"]!)!,
                                 width: Double(e.attributes["width"]!)!, height: Double(e.attributes["height"]!)!)
            }
        }
        XCTAssertEqual(Set(rects.keys), Set(graph.nodes.map(\.id)))
        let links = elements.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        XCTAssertEqual(links.count, graph.nodes.count - 1)
        XCTAssertTrue(links.contains("/opgaven/woningbouw/"))
        XCTAssertTrue(svg.contains("class=\"node emphasis\" data-id=\"woningbouw\" data-cluster=\"wonen\""))
        XCTAssertTrue(svg.contains("class=\"node dim new\" data-id=\"ov\" data-cluster=\"mobiliteit\""))
        XCTAssertTrue(svg.contains("<tspan class=\"marker\" aria-hidden=\"true\" fill=\"#1d3557\">◆\u{00A0}</tspan>Leerwerkakkoord"))
        // Escaping of text from content.
        XCTAssertTrue(svg.contains("Programma A16 &quot;Zuid&quot; &amp;"))
        XCTAssertTrue(svg.contains("&#39;Noord&#39; &lt;2030&gt;"))
        XCTAssertTrue(svg.contains("Ruimte voor werklocaties &amp;"))
        let labelText = elements.filter { $0.attributes["class"] == "label" }.map(\.text).joined(separator: "|")
        XCTAssertTrue(labelText.contains("Versnellen woningbouw"))

        // Edges: original direction, paths start and end on the drawn boxes (within rounding).
        let paths = elements.filter { $0.name == "path" && $0.attributes["class"] == "edge" }
        XCTAssertEqual(paths.count, graph.edges.count)
        for p in paths {
            let from = p.attributes["data-from"]!
            let to = p.attributes["data-to"]!
            XCTAssertTrue(graph.edges.contains(MapEdge(from: from, to: to)))
            XCTAssertEqual(p.attributes["marker-end"], "url(#gp-arrow)")
            let d = p.attributes["d"]!
            XCTAssertTrue(d.hasPrefix("M "))
            let pts = points(d)
            XCTAssertTrue(rects[from]!.isOnBorder(pts.first!), "\(from)→\(to) starts on border")
            XCTAssertTrue(rects[to]!.isOnBorder(pts.last!), "\(from)→\(to) ends on border")
        }
    }

    /// Edge classes reach the markup with their presentation; only the arrow heads in use are defined.
    func testEdgeClassesAndPresentation() {
        let graph = Fixtures.diamond
        let layout = LayeredLayout.layout(graph)
        let options = SVGOptions(edgeClasses: [MapEdge(from: "a", to: "b"): ["editorial"], MapEdge(from: "b", to: "d"): ["guess", "unstyled"]],
                                 edgeStyles: ["editorial": Presentation(dashArray: "8 4", arrowHead: .open),
                                              "guess": Presentation(stroke: "#000000", strokeWidth: 2, arrowHead: .hollow)],
                                 idPrefix: "m-")
        let svg = SVGWriter.svg(layout, graph: graph, options: options)
        let paths = parse(svg).filter { $0.name == "path" && ($0.attributes["class"] ?? "").hasPrefix("edge") }
        func edge(_ from: String, _ to: String) -> [String: String] {
            paths.first { $0.attributes["data-from"] == from && $0.attributes["data-to"] == to }?.attributes ?? [:]
        }
        XCTAssertEqual(edge("a", "b")["class"], "edge editorial")
        XCTAssertEqual(edge("a", "b")["stroke-dasharray"], "8 4")
        XCTAssertEqual(edge("a", "b")["marker-end"], "url(#m-arrow-open)")
        XCTAssertEqual(edge("b", "d")["class"], "edge guess unstyled")
        XCTAssertEqual(edge("b", "d")["stroke"], "#000000")
        XCTAssertEqual(edge("b", "d")["stroke-width"], "2")
        XCTAssertNil(edge("b", "d")["stroke-dasharray"])
        XCTAssertEqual(edge("b", "d")["marker-end"], "url(#m-arrow-hollow)")
        XCTAssertEqual(edge("a", "c")["class"], "edge")
        XCTAssertNil(edge("a", "c")["stroke-dasharray"])
        XCTAssertEqual(edge("a", "c")["marker-end"], "url(#m-arrow)")
        let markers = parse(svg).filter { $0.name == "marker" }.compactMap { $0.attributes["id"] }
        XCTAssertEqual(markers, ["m-arrow", "m-arrow-open", "m-arrow-hollow"])
        let plain = SVGWriter.svg(layout, graph: graph, options: SVGOptions(idPrefix: "m-"))
        XCTAssertEqual(parse(plain).filter { $0.name == "marker" }.compactMap { $0.attributes["id"] }, ["m-arrow"])
        // Node classes are styled from their own table: an edge style of the same name does not reach a node.
        let shared = SVGWriter.svg(layout, graph: graph, options: SVGOptions(nodeClasses: ["a": ["editorial"]], edgeClasses: options.edgeClasses,
                                                                                  edgeStyles: options.edgeStyles))
        let rectOfA = parse(shared).drop { !($0.name == "g" && $0.attributes["data-id"] == "a") }.first { $0.name == "rect" }
        XCTAssertNil(rectOfA?.attributes["stroke-dasharray"])
    }

    /// A tag sits in a band at the top of its own box, above the label, and the layout stays valid.
    func testNodeTag() {
        var graph = Fixtures.opgaven
        graph.nodes[0].tag = "voorbeeld"
        graph.nodes[3].tag = "een langere markering"
        let layout = LayeredLayout.layout(graph)
        XCTAssertEqual(Invariants.violations(graph, layout), [])
        let plain = LayeredLayout.layout(Fixtures.opgaven)
        for index in [0, 3] {
            let node = layout.nodes[graph.nodes[index].id]!
            let tag = node.texts.first!
            XCTAssertEqual(tag.kind, .tag)
            XCTAssertEqual(tag.text, graph.nodes[index].tag)
            XCTAssertGreaterThan(node.tagBandHeight, 0)
            XCTAssertLessThanOrEqual(tag.bounds.maxY, node.rect.y + node.tagBandHeight)
            let label = node.texts.first { $0.kind == .label }!
            XCTAssertGreaterThanOrEqual(label.bounds.y, node.rect.y + node.tagBandHeight, "label below the band")
            XCTAssertEqual(node.rect.height, plain.nodes[node.id]!.rect.height + node.tagBandHeight, accuracy: 1)
        }
        XCTAssertGreaterThanOrEqual(layout.nodes["arbeidsmarkt"]!.rect.width, TextMetrics.width("een langere markering", fontSize: 12, bold: true))
        XCTAssertEqual(layout.nodes["betaalbaar"]!.tagBandHeight, 0)
        let svg = SVGWriter.svg(layout, graph: graph, options: SVGOptions())
        let elements = parse(svg)
        let tags = elements.filter { $0.attributes["class"] == "tag" }
        XCTAssertEqual(tags.map(\.text).sorted(), ["een langere markering", "voorbeeld"])
        XCTAssertEqual(elements.filter { $0.attributes["class"] == "tag-band" }.count, 2)
    }

    /// A label wrapped over several lines reads as the real title to a screen reader: the
    /// words at the line breaks are not glued together.
    func testWrappedLabelsKeepTheirSpaces() {
        let title = "Bereikbaarheid via alle vervoerswijzen van de regio Drechtsteden"
        let graph = MapGraph(nodes: [MapNode(id: "a", label: title)], edges: [])
        let layout = LayeredLayout.layout(graph)
        let label = parse(SVGWriter.svg(layout, graph: graph, options: SVGOptions())).first { $0.attributes["class"] == "label" }!
        XCTAssertGreaterThan(layout.nodes["a"]!.texts.filter { $0.kind == .label }.count, 1, "the label wraps")
        XCTAssertEqual(label.text, title)
    }

    /// The legend lies below the graph, draws its samples like what they explain, and its text is
    /// at least 12 px at the drawing's natural size; the drawing grows to hold it.
    func testLegend() {
        let graph = Fixtures.opgaven
        let layout = LayeredLayout.layout(graph)
        let legend = Legend(title: "Legenda", entries: [
            LegendEntry(.edge(classes: []), "Pijl: hangt af van"),
            LegendEntry(.edge(classes: ["editorial"]), "Gestreept: lezing van de redactie, met een tekst die over meer dan een regel loopt"),
            LegendEntry(.node(classes: ["new"], tag: "voorbeeld"), "Voorbeeld & nieuw"),
            LegendEntry(.glyph("◆"), "Coalitie"),
        ], notes: ["Een noot onder de legenda."])
        let options = SVGOptions(title: "t", edgeStyles: ["editorial": Presentation(dashArray: "8 4", arrowHead: .open)], legend: legend)
        let svg = SVGWriter.svg(layout, graph: graph, options: options)
        let elements = parse(svg)
        let root = elements[0]
        let height = Double(root.attributes["height"]!)!
        XCTAssertGreaterThan(height, layout.height)
        XCTAssertGreaterThanOrEqual(Double(root.attributes["width"]!)!, layout.width)
        XCTAssertEqual(root.attributes["viewBox"], "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
        // After the nodes, one group.
        let children = elements.filter { $0.depth == 1 }
        XCTAssertEqual(children.last?.attributes["class"], "legend")
        let inLegend = elements.drop { $0.attributes["class"] != "legend" }.dropFirst()
        let texts = inLegend.filter { $0.name == "text" }
        XCTAssertEqual(texts.first?.text, "Legenda")
        let all = texts.map(\.text).joined(separator: " ")
        for phrase in ["Pijl: hangt af van", "lezing van de redactie", "Voorbeeld & nieuw", "Coalitie", "Een noot onder de legenda.", "voorbeeld"] {
            XCTAssertTrue(all.contains(phrase), phrase)
        }
        for t in texts { XCTAssertGreaterThanOrEqual(Double(t.attributes["font-size"]!)!, 12, t.text) }
        // Nothing of the legend over the graph: every y in it lies below the layout.
        let graphBottom = layout.nodes.values.map(\.rect.maxY).max()!
        for e in inLegend {
            for key in ["y", "y1", "y2"] { if let y = e.attributes[key].flatMap(Double.init) { XCTAssertGreaterThan(y, graphBottom, e.name) } }
            if let d = e.attributes["d"], !d.contains("A") {  // samples and the rule: M/L only
                let ys = d.split(separator: " ").compactMap { Double($0) }.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                for y in ys { XCTAssertGreaterThanOrEqual(y, layout.height - 0.1) }
            }
            if let y = e.attributes["y"].flatMap(Double.init) { XCTAssertLessThan(y, height) }
        }
        // Samples: the edge drawn like an editorial edge, the node like a new node with its tag.
        let samples = inLegend.filter { ($0.attributes["class"] ?? "").hasPrefix("legend-sample") }
        XCTAssertEqual(samples.first { $0.attributes["class"] == "legend-sample editorial" }?.attributes["marker-end"], "url(#regiomap-arrow-open)")
        XCTAssertEqual(samples.first { $0.attributes["class"] == "legend-sample editorial" }?.attributes["stroke-dasharray"], "8 4")
        XCTAssertEqual(inLegend.first { $0.name == "rect" }?.attributes["stroke-dasharray"], "6 3")
        XCTAssertTrue(svg.contains("<marker id=\"regiomap-arrow-open\""), "markers used only by the legend are defined")
        XCTAssertEqual(SVGWriter.svg(layout, graph: graph, options: options), svg, "deterministic")
        // A narrow drawing grows to hold at least one column of the legend.
        let tiny = MapGraph(nodes: [MapNode(id: "a", label: "A")], edges: [])
        let small = SVGWriter.svg(LayeredLayout.layout(tiny), graph: tiny, options: SVGOptions(legend: legend))
        XCTAssertGreaterThan(Double(parse(small)[0].attributes["width"]!)!, LayeredLayout.layout(tiny).width)
    }

    func testNumberFormatting() {
        XCTAssertEqual(SVGWriter.num(0), "0")
        XCTAssertEqual(SVGWriter.num(-0.04), "0")
        XCTAssertEqual(SVGWriter.num(12), "12")
        XCTAssertEqual(SVGWriter.num(12.25), "12.3")
        XCTAssertEqual(SVGWriter.num(-3.14), "-3.1")
        XCTAssertEqual(SVGWriter.num(1234567.89), "1234567.9")
        XCTAssertEqual(SVGWriter.num(.nan), "0")
    }

    func testEscaping() {
        XCTAssertEqual(SVGWriter.text("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        XCTAssertEqual(SVGWriter.text("x\u{0}y\u{7}z"), "xyz", "characters XML forbids are dropped")
        let graph = MapGraph(nodes: [MapNode(id: "a&b\"", label: "<script>alert('x')</script>", cluster: "t<1>",
                                             annotations: ["C&A"])],
                             edges: [], clusterTitles: ["t<1>": "Thema <1> & \"2\""])
        let svg = SVGWriter.svg(LayeredLayout.layout(graph), graph: graph,
                                options: SVGOptions(title: "<b>", href: { _ in "/x?a=1&b=2" }, idPrefix: "p\"q"))
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("href=\"/x?a=1&amp;b=2\""))
        _ = parse(svg)
    }

    func testDeterministicBytes() {
        let graph = Fixtures.randomDAG(nodes: 100, seed: 7, clusters: 3)
        let a = SVGWriter.svg(LayeredLayout.layout(graph), graph: graph, options: SVGOptions(title: "x"))
        let b = SVGWriter.svg(LayeredLayout.layout(graph), graph: graph, options: SVGOptions(title: "x"))
        XCTAssertEqual(a, b)
        XCTAssertFalse(a.contains("e+"), "no exponent notation")
        XCTAssertFalse(a.contains("style="), "presentation attributes only")
    }

    /// Writes the fixture drawings to $REGIOMAP_SVG_DIR for a visual check (skipped otherwise).
    func testWriteSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["REGIOMAP_SVG_DIR"] else { throw XCTSkip("REGIOMAP_SVG_DIR not set") }
        let samples: [(String, MapGraph)] = [
            ("opgaven", Fixtures.opgaven), ("cycle", Fixtures.cycle), ("long", Fixtures.longEdges),
            ("random100", Fixtures.randomDAG(nodes: 100, seed: 7)),
            ("clustered100", Fixtures.randomDAG(nodes: 100, seed: 11, clusters: 5)),
        ]
        for (name, graph) in samples {
            let svg = SVGWriter.svg(LayeredLayout.layout(graph), graph: graph,
                                    options: SVGOptions(title: name, href: { "/opgaven/\($0)/" }, nodeClasses: ["woningbouw": ["emphasis"]]))
            try svg.write(toFile: "\(dir)/\(name).svg", atomically: true, encoding: .utf8)
        }
    }
}
