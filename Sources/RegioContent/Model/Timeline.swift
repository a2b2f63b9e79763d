/// What changed in the cooperation, as dated events derived from the model: coalities that
/// started, ended or reached a step, variant changes per participant, opgaven that appeared
/// or left the agenda, decisions and updates. Each event knows which gemeenten and thema's it
/// concerns, so "what changed for my municipality" is a filter, not a separate data set.
public struct ChangeEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case coalitieGestart, coalitieBeeindigd
        case stapBereikt(String)
        /// A participant's variant changed; `from` is nil when it first joined.
        case variantGewijzigd(partij: String, from: String?, to: String)
        case opgaveNieuw, opgaveBeeindigd
        case besluit, update
    }

    public var date: Day
    public var kind: Kind
    /// The entity the event is about.
    public var page: Page
    public var titel: String
    public var gemeenten: Set<String>
    public var themas: Set<String>
    public var voorbeeld: Bool
}

public struct Timeline: Sendable {
    /// All events up to and including `now`, oldest first, in a fixed order.
    public private(set) var events: [ChangeEvent]
    /// A hash of each event, made once, for ``fingerprint(gemeente:)`` and ``fingerprint(thema:)``.
    private var eventHashes: [Int]
    /// The positions of the events that concern each gemeente and thema: every change page is
    /// keyed on every rebuild, and scanning all events for each of them was a tenth of a
    /// preview title edit.
    private let byGemeente: [String: [Int]]
    private let byThema: [String: [Int]]
    /// A change page with more events than this gets a page per year.
    public let perPage: Int

    public init(model: SiteModel, relations: Relations, now: Day) {
        perPage = model.settings.veranderingenPerPagina
        var events: [ChangeEvent] = []
        let gemeenten = Set(model.gemeenten.map(\.info.slug))
        for c in model.coalities {
            let themas = Set(c.themas.map(\.value))
            // Gemeenten involved at some time; an event concerns those involved on its date.
            func involved(on day: Day) -> Set<String> {
                Set(c.deelnemers.filter { gemeenten.contains($0.partij.value) && $0.variant(on: day) != nil }.map(\.partij.value))
            }
            // Who an event concerns comes from the participation on its date: invented
            // participation makes the event example data on the change pages it reaches.
            func example(on day: Day) -> Bool {
                c.info.voorbeeld || c.deelnemers.contains { $0.period(on: day)?.provenance.isExample == true }
            }
            let page = Page.coalitie(c.info.slug)
            if let start = c.start?.value {
                events.append(ChangeEvent(date: start, kind: .coalitieGestart, page: page, titel: c.titel,
                                          gemeenten: involved(on: start), themas: themas, voorbeeld: example(on: start)))
            }
            if let eind = c.eind?.value {
                events.append(ChangeEvent(date: eind, kind: .coalitieBeeindigd, page: page, titel: c.titel,
                                          gemeenten: involved(on: eind), themas: themas, voorbeeld: example(on: eind)))
            }
            for step in c.stappen {
                events.append(ChangeEvent(date: step.datum, kind: .stapBereikt(step.stap), page: page, titel: c.titel,
                                          gemeenten: involved(on: step.datum), themas: themas, voorbeeld: example(on: step.datum)))
            }
            for d in c.deelnemers {
                for (i, period) in d.varianten.enumerated() {
                    guard let vanaf = period.period.vanaf else { continue }
                    let from = i > 0 ? d.varianten[i - 1].variant : nil
                    // Joining at the coalition's start is told by "gestart"; an unchanged variant is no news.
                    if from == nil && vanaf == c.start?.value { continue }
                    if from == period.variant { continue }
                    events.append(ChangeEvent(date: vanaf, kind: .variantGewijzigd(partij: d.partij.value, from: from, to: period.variant),
                                              page: page, titel: c.titel,
                                              gemeenten: gemeenten.contains(d.partij.value) ? [d.partij.value] : [],
                                              themas: themas, voorbeeld: c.info.voorbeeld || period.provenance.isExample))
                }
            }
        }
        for o in model.opgaven {
            let themas = Set(o.themas.map(\.value))
            let concerned = Set(model.gemeenten.map(\.info.slug).filter { g in
                (relations.coalitiesByOpgave[o.info.slug] ?? []).contains { i in
                    model.coalities[i].deelnemers.contains { $0.partij.value == g }
                }
            })
            if let vanaf = o.period.vanaf {
                events.append(ChangeEvent(date: vanaf, kind: .opgaveNieuw, page: .opgave(o.info.slug), titel: o.titel,
                                          gemeenten: concerned, themas: themas, voorbeeld: o.info.voorbeeld))
            }
            if let tot = o.period.tot {
                events.append(ChangeEvent(date: tot, kind: .opgaveBeeindigd, page: .opgave(o.info.slug), titel: o.titel,
                                          gemeenten: concerned, themas: themas, voorbeeld: o.info.voorbeeld))
            }
        }
        // A besluit or an update concerns what it names, and the gemeenten and thema's of the
        // coalities it names.
        func reach(gemeenten named: [Ref], themas namedThemas: [Ref], coalities: [Ref]) -> (gemeenten: Set<String>, themas: Set<String>) {
            var concerned = Set(named.map(\.value))
            var themas = Set(namedThemas.map(\.value))
            for ref in coalities {
                guard let c = model.coalitie(ref.value) else { continue }
                concerned.formUnion(c.deelnemers.map(\.partij.value).filter(gemeenten.contains))
                themas.formUnion(c.themas.map(\.value))
            }
            return (concerned, themas)
        }
        for b in model.besluiten {
            let (concerned, themas) = reach(gemeenten: b.gemeenten, themas: b.themas, coalities: b.coalities)
            events.append(ChangeEvent(date: b.datum, kind: .besluit, page: .besluit(b.info.slug), titel: b.titel,
                                      gemeenten: concerned, themas: themas, voorbeeld: b.info.voorbeeld))
        }
        for u in model.updates {
            let (concerned, themas) = reach(gemeenten: u.gemeenten, themas: u.themas, coalities: u.coalities)
            events.append(ChangeEvent(date: u.datum, kind: .update, page: .update(u.info.slug), titel: u.titel,
                                      gemeenten: concerned, themas: themas, voorbeeld: u.info.voorbeeld))
        }
        // Sort keys are made once per event: building the page path inside the comparison
        // made this sort (run several times per build) a noticeable part of a large build.
        let kept = events.filter { $0.date <= now }
        let keys = kept.map { ($0.date, $0.kind.order, $0.page.path, $0.kind.detail) }
        self.events = kept.indices.sorted { keys[$0] < keys[$1] }.map { kept[$0] }
        eventHashes = self.events.map(\.hashValue)
        var byGemeente: [String: [Int]] = [:], byThema: [String: [Int]] = [:]
        for (i, event) in self.events.enumerated() {
            for g in event.gemeenten { byGemeente[g, default: []].append(i) }
            for t in event.themas { byThema[t, default: []].append(i) }
        }
        self.byGemeente = byGemeente
        self.byThema = byThema
    }

    /// After the title of what `page` shows changed and nothing else that events are made
    /// of (date, references, `voorbeeld`): the same events, in the same order, renamed.
    package mutating func retitle(_ page: Page, titel: String) {
        for i in events.indices where events[i].page == page && events[i].titel != titel {
            events[i].titel = titel
            eventHashes[i] = events[i].hashValue
        }
    }

    /// A hash of the events that concern a gemeente, in order: equal for equal selections.
    public func fingerprint(gemeente slug: String) -> Int { fingerprint(of: byGemeente[slug] ?? []) }

    /// A hash of the events that concern a thema, in order.
    public func fingerprint(thema slug: String) -> Int { fingerprint(of: byThema[slug] ?? []) }

    private func fingerprint(of positions: [Int]) -> Int {
        var hasher = Hasher()
        for i in positions { hasher.combine(eventHashes[i]) }
        return hasher.finalize()
    }

    public func concerning(gemeente slug: String) -> [ChangeEvent] { (byGemeente[slug] ?? []).map { events[$0] } }
    public func concerning(thema slug: String) -> [ChangeEvent] { (byThema[slug] ?? []).map { events[$0] } }

    /// The years, newest first, that get a change page of their own: every year with an event
    /// when the gemeente's change page would list more than ``perPage`` events, else none.
    public func splitYears(gemeente slug: String) -> [Int] { splitYears(of: byGemeente[slug] ?? []) }
    public func splitYears(thema slug: String) -> [Int] { splitYears(of: byThema[slug] ?? []) }

    /// A hash of the events of one year that concern a gemeente, and of the years that have a
    /// page (a year page links to the others): the input of that year's page.
    public func fingerprint(gemeente slug: String, year: Int) -> Int { fingerprint(of: byGemeente[slug] ?? [], year: year) }
    public func fingerprint(thema slug: String, year: Int) -> Int { fingerprint(of: byThema[slug] ?? [], year: year) }

    private func splitYears(of positions: [Int]) -> [Int] {
        guard positions.count > perPage else { return [] }
        var years: [Int] = []
        // Positions are in date order: a year is new when it differs from the last one seen.
        for i in positions.reversed() where events[i].date.year != years.last { years.append(events[i].date.year) }
        return years
    }

    private func fingerprint(of positions: [Int], year: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(splitYears(of: positions))
        for i in positions where events[i].date.year == year { hasher.combine(eventHashes[i]) }
        return hasher.finalize()
    }

    /// The first year anything is dated, for the year-by-year snapshots.
    public var firstYear: Int? { events.first?.date.year }

    /// The years that get a snapshot page: from the first event to `now`.
    public func snapshotYears(now: Day) -> [Int] { Snapshots.years(from: firstYear, now: now) }
}

extension ChangeEvent.Kind {
    var order: Int {
        switch self {
        case .opgaveNieuw: return 0
        case .coalitieGestart: return 1
        case .variantGewijzigd: return 2
        case .stapBereikt: return 3
        case .besluit: return 4
        case .update: return 5
        case .coalitieBeeindigd: return 6
        case .opgaveBeeindigd: return 7
        }
    }

    var detail: String {
        switch self {
        case .stapBereikt(let s): return s
        case .variantGewijzigd(let p, let f, let t): return "\(p)|\(f ?? "")|\(t)"
        default: return ""
        }
    }
}

/// Which dates a snapshot represents: the last day of each past year, and `now` for the current one.
public enum Snapshots {
    /// Most years that get a snapshot: the latest ones. Content dates are plausible years
    /// (``Day/plausibleYears``), and this bounds the pages and maps of even the widest span.
    public static let maxYears = 100

    public static func years(from first: Int?, now: Day) -> [Int] {
        guard let first, first <= now.year else { return [] }
        return Array(max(first, now.year - maxYears + 1)...now.year)
    }

    public static func day(for year: Int, now: Day) -> Day {
        year >= now.year ? now : Day(year: year, month: 12, day: 31)!
    }
}
