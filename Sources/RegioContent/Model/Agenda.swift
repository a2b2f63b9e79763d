/// What is coming to the councils and colleges: decisions expected or on an agenda, and the
/// next steps of coalities. Derived from the model; every item carries what it rests on.
public struct AgendaItem: Sendable {
    public enum Source: Sendable, Hashable {
        case besluit(String)
        /// The next step of a coalitie.
        case coalitie(String)
    }

    public var source: Source
    public var titel: String
    public var datum: Day
    /// The date is a deadline.
    public var uiterlijk: Bool
    /// The period in words, when the sources give no exact date.
    public var periode: String?
    /// `verwacht` or `geagendeerd`.
    public var status: String
    /// `raad`, `college` or `regio`, when known.
    public var door: String?
    public var orgaan: String?
    public var waarom: String?
    /// The gemeenten it concerns; empty means all of them.
    public var gemeenten: [String]
    public var grounds: Grounds

    /// Stable across edits of the item's text and date: a calendar moves the event instead of
    /// adding a second one.
    public var uid: String {
        switch source {
        case .besluit(let slug): return "besluit-\(slug)"
        case .coalitie(let slug): return "coalitie-\(slug)-volgende-stap"
        }
    }

    /// The page with the background: the besluit's own, or the coalitie's.
    public var page: Page {
        switch source {
        case .besluit(let slug): return .besluit(slug)
        case .coalitie(let slug): return .coalitie(slug)
        }
    }

    public func concerns(_ gemeente: String) -> Bool { gemeenten.isEmpty || gemeenten.contains(gemeente) }
}

public struct Agenda: Sendable {
    /// Soonest first; items whose date has passed stay until the content says they were taken.
    public private(set) var items: [AgendaItem] = []

    public init(model: SiteModel) {
        for b in model.verwachteBesluiten {
            items.append(AgendaItem(source: .besluit(b.info.slug), titel: b.titel, datum: b.datum, uiterlijk: b.uiterlijk,
                                    periode: b.periode, status: b.status, door: b.door, orgaan: b.orgaan, waarom: b.waarom,
                                    gemeenten: b.gemeenten.map(\.value),
                                    grounds: b.info.provenance.grounds | (b.datumProvenance?.grounds ?? .sourced)))
        }
        for c in model.coalities where c.isCurrent {
            guard let next = c.volgendeStap else { continue }
            // A next step concerns the gemeenten taking part; a 'geen' participant only hears of it.
            let taking = c.deelnemers.filter { d in
                model.gemeente(d.partij.value) != nil && d.varianten.contains { $0.variant != "geen" }
            }
            items.append(AgendaItem(
                source: .coalitie(c.info.slug),
                titel: "\(c.titel): \(ContentSchema.stap.option(next.stap)?.label.lowercasedFirst ?? next.stap)",
                datum: next.datum, uiterlijk: false, periode: nil, status: "verwacht", door: nil, orgaan: nil,
                waarom: c.volgendeStapWaarom, gemeenten: taking.map(\.partij.value),
                grounds: c.info.provenance.grounds | Grounds.of(taking) { $0.grounds }))
        }
        items.sort { ($0.datum, $0.uid) < ($1.datum, $1.uid) }
    }

    public func forGemeente(_ slug: String) -> [AgendaItem] { items.filter { $0.concerns(slug) } }
}
