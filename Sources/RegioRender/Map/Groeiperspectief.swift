import RegioContent
import RegioMap
import RegioSupport

/// Stage 5: the groeiperspectief. Opgaven are nodes, `afhankelijk_van` links are edges
/// (drawn from the condition to what depends on it), themes are clusters, and the coalities
/// working on an opgave are annotations on its node. One layout serves the whole map and its
/// per-thema and per-gemeente variants, which only change emphasis, so all versions of the
/// map look alike and a reader can compare them.
///
/// Provenance is drawn, and said in words, on the map itself (never by colour alone), and a
/// legend inside the SVG explains it, so a downloaded file explains itself:
/// - a voorbeeld opgave has the tag "voorbeeld" in a grey band at the top of its box (class `example`);
/// - a dependency from a source is a solid line with a filled arrow head; the editors' reading
///   (`redactie`) is dashed with an open arrow head (class `editorial`); an example dependency is
///   dotted with a hollow arrow head (class `example`);
/// - a coalitie line from example data ends in "(voorbeeld)"; on the present map a coalitie
///   that is not going on now says its status ("(afgerond)", "(stand onbekend)").
/// The node borders stay free for emphasis (thick), dim (grey) and nieuw (dashed, with "(nieuw)").
public struct Groeiperspectief: Sendable {
    public let graph: MapGraph
    public let layout: MapLayout
    /// The same graph laid out for a landscape A3 sheet (see `printSVG`).
    public let printLayout: MapLayout
    let day: Day

    /// Opgaven that appeared since `newSince` (drawn with a dashed border and the word "nieuw").
    public let newNodes: Set<String>
    /// Opgaven that are example data.
    public let exampleNodes: Set<String>
    /// The shared goal(s) the opgaven contribute to, drawn to stand out.
    let goalNodes: Set<String>
    /// Provenance classes of dependency edges that do not rest on a source.
    public let edgeClasses: [MapEdge: [String]]
    /// Whether any coalitie line says "(voorbeeld)", and whether any says "nieuw".
    public let hasExampleCoalities: Bool
    let hasNewCoalities: Bool

    /// The map as of `day`: only opgaven and coalities in force on that day. A previous
    /// snapshot's layout keeps persisting opgaven in the same order, so years compare by eye.
    /// `present` marks coalities that are not going on now with their status. With `gemeente`
    /// the map is that gemeente's: every coalitie line carries its variant as glyph and word
    /// (`opgaven(ofGemeente:)` gives the opgaven to emphasise).
    public init(model: SiteModel, on day: Day, newSince: Day? = nil, previous: MapLayout? = nil, present: Bool = false,
                gemeente: String? = nil) {
        self.day = day
        let opgaven = model.opgaven.filter { $0.period.contains(day) }
        let inForce = Set(opgaven.map(\.info.slug))
        var coalitiesByOpgave: [String: [(line: String, marker: String?)]] = [:]
        let steps = ContentSchema.stap.values
        var exampleLines = false, newLines = false
        var variantsUsed: Set<String> = []
        for c in model.coalities where c.isActive(on: day) {
            // The step in text, so the process is visible on the map itself.
            var line = c.titel
            if let step = c.step(on: day), let n = steps.firstIndex(of: step.stap) { line += " (stap \(n + 1)/\(steps.count))" }
            if present, !c.isCurrent, let status = ContentSchema.status.option(c.status) { line += " (\(status.label.lowercased()))" }
            let isNew = newSince.map { since in c.start.map { $0.value >= since } ?? false } ?? false
            if isNew { line += " · nieuw" }
            var marker: String?
            let lines = c.opgaven.filter { inForce.contains($0.value) }
            if let gemeente {
                let variant = c.deelnemer(gemeente)?.period(on: day)?.variant ?? Self.notInvolved
                // A no-break space keeps the dash with the word when the line wraps.
                line += " —\u{00A0}" + Self.variantWord(variant)
                marker = Self.variantGlyph(variant) + " "
                if !lines.isEmpty { variantsUsed.insert(variant) }
            }
            if c.info.voorbeeld { line += " (voorbeeld)" }
            if !lines.isEmpty {
                exampleLines = exampleLines || c.info.voorbeeld
                newLines = newLines || isNew
            }
            for o in lines { coalitiesByOpgave[o.value, default: []].append((line, marker)) }
        }
        let nodes = opgaven.map { o in
            var label = o.titel
            if let newSince, let vanaf = o.period.vanaf, vanaf >= newSince { label += " (nieuw)" }
            let annotations = (coalitiesByOpgave[o.info.slug] ?? []).sorted { $0.line < $1.line }
            // The shared goal says so in its band, with "voorbeeld" when it is one.
            let tag = [o.gedeeldDoel ? Self.goalTag : nil, o.info.voorbeeld ? Self.exampleTag : nil].compactMap { $0 }.joined(separator: " · ")
            return MapNode(id: o.info.slug, label: label, cluster: o.themas.first?.value,
                           annotations: annotations.map(\.line), tag: tag.isEmpty ? nil : tag,
                           annotationMarkers: annotations.compactMap(\.marker))
        }
        var edges: [MapEdge] = []
        var classes: [MapEdge: [String]] = [:]
        for o in opgaven {
            for d in o.afhankelijkVan where inForce.contains(d.opgave.value) {
                let edge = MapEdge(from: d.opgave.value, to: o.info.slug)
                edges.append(edge)
                // A repeated edge is drawn once, as its first statement says.
                if classes[edge] == nil, let name = Self.edgeClass(d.provenance) { classes[edge] = [name] }
            }
        }
        var titles: [String: String] = [:]
        var styles: [String: ClusterStyle] = [:]
        for t in model.themas {
            titles[t.info.slug] = t.titel
            styles[t.info.slug] = ThemaIcon.clusterStyle(t)
        }
        graph = MapGraph(nodes: nodes, edges: edges, clusterTitles: titles, clusterStyles: styles)
        edgeClasses = classes
        exampleNodes = Set(opgaven.filter(\.info.voorbeeld).map(\.info.slug))
        goalNodes = Set(opgaven.filter(\.gedeeldDoel).map(\.info.slug))
        hasExampleCoalities = exampleLines
        hasNewCoalities = newLines
        self.gemeente = gemeente.flatMap { slug in model.gemeente(slug).map { (naam: $0.naam, variants: variantsUsed) } }
        newNodes = Set(model.opgaven.filter { o in
            guard let newSince, let vanaf = o.period.vanaf else { return false }
            return o.period.contains(day) && vanaf >= newSince
        }.map(\.info.slug))
        var options = LayoutOptions()
        options.clusterOrder = model.themas.map(\.info.slug)
        options.orderHint = previous?.orderHint
        layout = LayeredLayout.layout(graph, options: options)
        // Tighter gaps and columns, in the screen map's order: the screen layout is wider and
        // taller than A3 landscape allows at 12 px ≥ 8 pt.
        var print = options
        print.rankSeparation = 28
        print.nodeSeparation = 16
        print.clusterPadding = 8
        print.margin = 8
        // Narrower boxes, a line taller: the sheet has height to spare, not width.
        print.maxLabelWidth = 170
        print.orderHint = layout.orderHint
        printLayout = LayeredLayout.layout(graph, options: print)
    }

    /// The name and the variants drawn on a gemeente's map; nil on the others.
    let gemeente: (naam: String, variants: Set<String>)?

    /// A coalitie in which the gemeente has no participation at all (not even "geen").
    static let notInvolved = "niet-betrokken"

    static func variantWord(_ variant: String) -> String {
        variant == notInvolved ? "niet betrokken" : Vocabulary.variantLabel(variant).lowercased()
    }

    static func variantGlyph(_ variant: String) -> String {
        variant == notInvolved ? "–" : Vocabulary.variantSymbol(variant)
    }

    static let exampleTag = "voorbeeld"
    static let goalTag = "gedeeld doel"

    static func edgeClass(_ provenance: Provenance) -> String? {
        switch provenance {
        case .sources: return nil
        case .editorial: return "editorial"
        case .example: return "example"
        }
    }

    /// How the portal's edge classes are drawn. Nodes keep RegioMap's emphasis, dim and new; an
    /// example opgave is marked by its tag band, not its border (the borders mean those three).
    static let edgeStyles: [String: Presentation] = [
        "editorial": Presentation(dashArray: "8 4", arrowHead: .open),
        "example": Presentation(dashArray: "2 3", arrowHead: .hollow),
    ]

    /// The shared goal: a warm fill and a double-weight border, besides the words in its band.
    static let nodeStyles: [String: Presentation] = [
        "goal": Presentation(fill: "#fff6dc", stroke: "#7a4d00", strokeWidth: 3),
    ]

    /// What the legend shows beyond the arrows and coalities, for a map variant.
    public enum Variant: Sendable {
        case whole
        /// Thick border: the opgaven of a thema or gemeente (`what` completes "Dikke rand: …");
        /// with `year`, also what is new in that year.
        case emphasis(what: String, year: Int? = nil)
        case year(Int)

        var year: Int? {
            switch self {
            case .whole: return nil
            case .emphasis(_, let year): return year
            case .year(let year): return year
            }
        }
    }

    /// SVG markup. `emphasis` names the opgaven to stress (others are dimmed); nil stresses none.
    public func svg(title: String, description: String, basePath: String, emphasis: Set<String>? = nil,
                    variant: Variant = .whole, idPrefix: String = "kaart-") -> String {
        SVGWriter.svg(layout, graph: graph, options: svgOptions(title: title, description: description, basePath: basePath,
                                                                emphasis: emphasis, variant: variant, idPrefix: idPrefix))
    }

    /// The map for paper, where it is hidden from assistive technology (the screen map and the
    /// text alternative carry it): `printLayout` without links or legend, so that on a landscape
    /// A3 sheet its 12 px texts print at 8 pt or more; and the legend as a drawing of its own, one
    /// column wide, for the page after the sheet (no room is left on it). Ids start with "druk-".
    public func printSVG(title: String, emphasis: Set<String>? = nil, variant: Variant = .whole,
                         idPrefix: String = "kaart-") -> (map: String, legend: String) {
        var options = svgOptions(title: title, description: "", basePath: "", emphasis: emphasis, variant: variant,
                                 idPrefix: "druk-" + idPrefix)
        options.href = { _ in nil }
        let legend = options.legend
        options.legend = nil
        let map = SVGWriter.svg(printLayout, graph: graph, options: options)
        options.legend = legend
        options.title = "Legenda bij de kaart: " + title
        options.idPrefix = "druk-legenda-" + idPrefix
        // An empty drawing: the legend takes its own width, narrower than an A4 page.
        let sheet = MapLayout(width: 0, height: 0, nodes: [:], edges: [])
        return (map, SVGWriter.svg(sheet, graph: MapGraph(nodes: [], edges: []), options: options))
    }

    private func svgOptions(title: String, description: String, basePath: String, emphasis: Set<String>?,
                            variant: Variant, idPrefix: String) -> SVGOptions {
        var classes: [String: [String]] = [:]
        for node in graph.nodes {
            // "goal" first: the emphasis and dim of a thema or gemeente map draw over it.
            var list: [String] = goalNodes.contains(node.id) ? ["goal"] : []
            if let emphasis { list.append(emphasis.contains(node.id) ? "emphasis" : "dim") }
            if variant.year != nil, newNodes.contains(node.id) { list.append("new") }
            if exampleNodes.contains(node.id) { list.append("example") }
            if !list.isEmpty { classes[node.id] = list }
        }
        return SVGOptions(title: title, description: description,
                          href: { SitePaths.resolve(Page.opgave($0).path, basePath: basePath) },
                          nodeClasses: classes, edgeClasses: edgeClasses,
                          styles: SVGOptions.defaultStyles.merging(Self.nodeStyles) { $1 }, edgeStyles: Self.edgeStyles,
                          legend: legend(variant), idPrefix: idPrefix,
                          // The variant signs of a gemeente map must be told apart at a glance.
                          markerFontSize: gemeente == nil ? nil : 16)
    }

    /// The legend in Dutch: always the arrow and the coalitie marker; the other signs when this map uses them.
    func legend(_ variant: Variant) -> Legend {
        var entries = [LegendEntry(.edge(classes: []), "Pijl van A naar B: B hangt af van A, zoals een brondocument zegt")]
        let used = Set(edgeClasses.values.joined())
        if used.contains("editorial") {
            entries.append(LegendEntry(.edge(classes: ["editorial"]), "Gestreept, open punt: afhankelijkheid volgens de lezing van de redactie, niet uit een bron"))
        }
        if used.contains("example") {
            entries.append(LegendEntry(.edge(classes: ["example"]), "Gestippeld, holle punt: voorbeeldafhankelijkheid, verzonnen ter illustratie"))
        }
        if !exampleNodes.isEmpty {
            entries.append(LegendEntry(.node(classes: ["example"], tag: Self.exampleTag), "Voorbeeldopgave: verzonnen ter illustratie, geen beleid"))
        }
        if !goalNodes.isEmpty {
            entries.append(LegendEntry(.node(classes: ["goal"], tag: Self.goalTag), "Gedeeld doel: waaraan de opgaven samen bijdragen"))
        }
        let kolom = graph.clusterStyles.isEmpty ? "Elke kolom is een thema." : "Elke kolom is een thema, met de kleur en het teken van het thema boven de titel."
        var notes = [kolom + " Een opgave is een link naar haar pagina op het portaal, met de bronnen."]
        if let gemeente {
            // A coalitie line says how the gemeente takes part, by glyph and word: never colour alone.
            for v in ContentSchema.deelnamevariant.options where gemeente.variants.contains(v.value) {
                entries.append(LegendEntry(.glyph(Self.variantGlyph(v.value)),
                                           "Coalitie die aan de opgave werkt, met ‘—\u{00A0}\(Self.variantWord(v.value))’: \(gemeente.naam) \(v.description.lowercasedFirst)"))
            }
            if gemeente.variants.contains(Self.notInvolved) {
                entries.append(LegendEntry(.glyph(Self.variantGlyph(Self.notInvolved)),
                                           "Coalitie die aan de opgave werkt, met ‘—\u{00A0}niet betrokken’: \(gemeente.naam) staat niet bij de deelnemers."))
            }
            if hasExampleCoalities { notes.insert("Een coalitie met ‘(voorbeeld)’ erachter rust op voorbeeldgegevens.", at: 0) }
        } else {
            entries.append(LegendEntry(.glyph("◆"), "Coalitie die aan de opgave werkt" + (hasExampleCoalities ? "; met ‘(voorbeeld)’ als het voorbeeldgegevens zijn" : "")))
        }
        if case .emphasis(let what, _) = variant {
            entries.append(LegendEntry(.node(classes: ["emphasis"], tag: nil), "Dikke rand: \(what)"))
            entries.append(LegendEntry(.node(classes: ["dim"], tag: nil), "Grijs: de andere opgaven"))
        }
        if let year = variant.year {
            if !newNodes.isEmpty {
                entries.append(LegendEntry(.node(classes: ["new"], tag: nil), "Gestreepte rand en ‘(nieuw)’: opgave nieuw in \(year)"))
            }
            if hasNewCoalities {
                entries.append(LegendEntry(.glyph("◆"), "‘· nieuw’ achter een coalitie: begonnen in \(year)"))
            }
        }
        return Legend(title: "Legenda", entries: entries, notes: notes)
    }

    /// A one-sentence description of the map, for `<desc>` and alt text; says how much of it
    /// rests on example data or the editors' reading.
    public var summary: String {
        let n = graph.nodes.count, e = graph.edges.count
        var opgaven = "\(n) regionale opgaven"
        if !exampleNodes.isEmpty { opgaven += " (waarvan \(exampleNodes.count) voorbeeld)" }
        var afhankelijkheden = "\(e) afhankelijkheden daartussen"
        let editorial = edgeClasses.values.filter { $0.contains("editorial") }.count
        let example = edgeClasses.values.filter { $0.contains("example") }.count
        let parts = [editorial > 0 ? "\(editorial) volgens de lezing van de redactie" : nil,
                     example > 0 ? "\(example) voorbeeld" : nil].compactMap { $0 }
        if !parts.isEmpty { afhankelijkheden += " (waarvan \(parts.joined(separator: " en ")))" }
        return "Kaart met \(opgaven) en \(afhankelijkheden), gegroepeerd per thema. De legenda onder aan de kaart legt de tekens uit."
    }
}

/// The opgaven a gemeente works on: those addressed by coalities active on `day` in which it
/// takes part (any variant but `geen`; see `Coalitie.countsAsParticipation`), as
/// its map emphasises them, with what that rests on: an opgave is `example` when every way the
/// gemeente reaches it is example participation or an example coalitie.
func opgaven(ofGemeente slug: String, model: SiteModel, relations: Relations, on day: Day, present: Bool) -> [String: Grounds] {
    var result: [String: Grounds] = [:]
    for i in relations.coalitiesByPartij[slug] ?? [] {
        let c = model.coalities[i]
        guard c.isActive(on: day), c.countsAsParticipation(currentOnly: present),
              let period = c.deelnemer(slug)?.period(on: day), period.variant != "geen" else { continue }
        let grounds = period.provenance.grounds | c.info.provenance.grounds
        for o in c.opgaven {
            // Sourced beats example: one sourced way in is enough.
            if let known = result[o.value] {
                result[o.value] = Grounds(example: known.example && grounds.example, editorial: known.editorial || grounds.editorial)
            } else {
                result[o.value] = grounds
            }
        }
    }
    return result
}
