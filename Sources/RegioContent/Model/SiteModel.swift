import RegioSupport
/// The whole portal as typed data: every entity, sorted in a fixed order, with lookups.
/// Knows nothing of HTML or files beyond the source positions it keeps for messages.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    public var gemeenten: [Gemeente]
    public var partners: [Partner]
    public var themas: [Thema]
    public var opgaven: [Opgave]
    public var coalities: [Coalitie]
    public var besluiten: [Besluit]
    public var updates: [Update]
    public var paginas: [Pagina]
    /// The source register, oldest first.
    public var bronnen: [Bron]
    /// Decisions still to come (verwacht, geagendeerd), soonest first; never among `besluiten`.
    public var verwachteBesluiten: [Besluit]
    /// The glossary, alphabetical.
    public var begrippen: [Begrip]

    public private(set) var gemeenteIndex: [String: Int] = [:]
    public private(set) var partnerIndex: [String: Int] = [:]
    public private(set) var themaIndex: [String: Int] = [:]
    public private(set) var opgaveIndex: [String: Int] = [:]
    public private(set) var coalitieIndex: [String: Int] = [:]
    public private(set) var bronIndex: [String: Int] = [:]

    public init(settings: SiteSettings, gemeenten: [Gemeente], partners: [Partner], themas: [Thema],
                opgaven: [Opgave], coalities: [Coalitie], besluiten: [Besluit], updates: [Update], paginas: [Pagina],
                bronnen: [Bron] = [], verwachteBesluiten: [Besluit] = [], begrippen: [Begrip] = []) {
        self.settings = settings
        // Explicit, total orders: the same content always yields the same pages and lists.
        self.gemeenten = gemeenten.sorted { ($0.naam, $0.info.slug) < ($1.naam, $1.info.slug) }
        self.partners = partners.sorted { ($0.naam, $0.info.slug) < ($1.naam, $1.info.slug) }
        self.themas = themas.sorted { ($0.volgorde ?? Int.max, $0.titel, $0.info.slug) < ($1.volgorde ?? Int.max, $1.titel, $1.info.slug) }
        self.opgaven = opgaven.sorted { ($0.titel, $0.info.slug) < ($1.titel, $1.info.slug) }
        self.coalities = coalities.sorted { ($0.titel, $0.info.slug) < ($1.titel, $1.info.slug) }
        // Newest first, as readers expect of decisions and news.
        self.besluiten = besluiten.sorted { ($1.datum, $0.info.slug) < ($0.datum, $1.info.slug) }
        self.updates = updates.sorted { ($1.datum, $0.info.slug) < ($0.datum, $1.info.slug) }
        self.paginas = paginas.sorted { ($0.menu ?? Int.max, $0.titel, $0.info.slug) < ($1.menu ?? Int.max, $1.titel, $1.info.slug) }
        self.bronnen = bronnen.sorted { ($0.datum, $0.info.slug) < ($1.datum, $1.info.slug) }
        self.begrippen = begrippen.sorted { ($0.titel.lowercased(), $0.info.slug) < ($1.titel.lowercased(), $1.info.slug) }
        self.verwachteBesluiten = verwachteBesluiten.sorted { ($0.datum, $0.info.slug) < ($1.datum, $1.info.slug) }
        reindex()
    }

    mutating func reindex() {
        gemeenteIndex = Self.index(gemeenten.map(\.info.slug))
        partnerIndex = Self.index(partners.map(\.info.slug))
        themaIndex = Self.index(themas.map(\.info.slug))
        opgaveIndex = Self.index(opgaven.map(\.info.slug))
        coalitieIndex = Self.index(coalities.map(\.info.slug))
        bronIndex = Self.index(bronnen.map(\.info.slug))
    }

    private static func index(_ slugs: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, slug) in slugs.enumerated() where result[slug] == nil { result[slug] = i }
        return result
    }

    public func gemeente(_ slug: String) -> Gemeente? { gemeenteIndex[slug].map { gemeenten[$0] } }
    public func partner(_ slug: String) -> Partner? { partnerIndex[slug].map { partners[$0] } }
    public func thema(_ slug: String) -> Thema? { themaIndex[slug].map { themas[$0] } }
    public func opgave(_ slug: String) -> Opgave? { opgaveIndex[slug].map { opgaven[$0] } }
    public func coalitie(_ slug: String) -> Coalitie? { coalitieIndex[slug].map { coalities[$0] } }
    public func bron(_ slug: String) -> Bron? { bronIndex[slug].map { bronnen[$0] } }

    /// "Stand van de gegevens": the editors' `peildatum`, else the latest date the content
    /// itself gives. Never the build's clock, which says nothing about the data.
    public var dataDate: Day? {
        if let peildatum = settings.peildatum { return peildatum }
        var latest: Day?
        func see(_ day: Day?) { if let day, latest.map({ day > $0 }) ?? true { latest = day } }
        bronnen.forEach { see($0.datum) }
        besluiten.forEach { see($0.datum) }
        updates.forEach { see($0.datum) }
        for c in coalities {
            see(c.start?.value)
            c.stappen.forEach { see($0.datum) }
        }
        return latest
    }

    /// The display name of a gemeente or partner.
    public func partijNaam(_ slug: String) -> String? { gemeente(slug)?.naam ?? partner(slug)?.naam }

    /// Keeps only what readers may see on `now`: no drafts (unless asked), nothing before
    /// its publishDate, nothing from its expiryDate on. Everything else follows from this,
    /// so pages, feeds, search and exports cannot disagree.
    public func published(on now: Day, includeDrafts: Bool) -> SiteModel {
        var copy = self
        copy.updates = updates.filter { Publication.isVisible($0, on: now, includeDrafts: includeDrafts) }
        return copy
    }
}

public enum Publication {
    public enum State: String, Sendable { case published, draft, future, expired }

    public static func state(of update: Update, on now: Day) -> State {
        if update.draft { return .draft }
        if let publish = update.publishDate, now < publish { return .future }
        if let expiry = update.expiryDate, now >= expiry { return .expired }
        return .published
    }

    public static func isVisible(_ update: Update, on now: Day, includeDrafts: Bool) -> Bool {
        switch state(of: update, on: now) {
        case .published: return true
        case .draft:
            guard includeDrafts else { return false }
            // A draft preview still respects the schedule.
            if let publish = update.publishDate, now < publish { return false }
            if let expiry = update.expiryDate, now >= expiry { return false }
            return true
        case .future, .expired: return false
        }
    }
}
