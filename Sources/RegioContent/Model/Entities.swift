import RegioMarkdown

/// A reference to another entity by slug, with where it was written.
public typealias Ref = Located<String>

/// A period in which something holds; open ends are nil. `tot` is exclusive.
public struct Period: Sendable, Hashable {
    public var vanaf: Day?
    public var tot: Day?

    public static let always = Period(vanaf: nil, tot: nil)

    /// The dates it has: its start and its end, when given.
    public var dates: [Day] { [vanaf, tot].compactMap { $0 } }

    public func contains(_ day: Day) -> Bool {
        if let vanaf, day < vanaf { return false }
        if let tot, day >= tot { return false }
        return true
    }
}

/// What every entity shares: its slug, its file, and where its data comes from.
public struct EntityInfo: Sendable {
    public var slug: String
    public var kind: ContentKind
    public var source: SourceFile
    public var provenance: Provenance
    /// The rendered Markdown body; empty for data files.
    public var body: RenderedMarkdown
    /// Line offset of the body in the file (for positions of links and images).
    public var bodyLineOffset: Int
    /// A hash of the file without its Markdown body: of everything other pages can show of it.
    public var frontMatterHash: Int

    public var location: SourceLocation { source.location(line: 1, column: 1) }

    /// Invented for illustration (`voorbeeld: true`).
    public var voorbeeld: Bool { provenance.isExample }
}

public struct SiteSettings: Sendable {
    public var titel: String
    public var beschrijving: String
    public var baseURL: String
    public var updatesPerPagina: Int
    /// The date up to which the editors checked the content against its sources.
    public var peildatum: Day?
    /// Who publishes the portal, in the editors' words.
    public var uitgever: String?
    /// The portal is a test version: every page says so.
    public var testversie: Bool = false
    /// A change page with more events than this gets a page per year (`veranderingen_per_pagina`).
    public var veranderingenPerPagina: Int = 1_000
    /// The contact block of the footer; nil when site.yml gives none.
    public var contact: Contact?
    /// Where `base_url` is written in site.yml; nil when `--base-url` gave the address.
    public var baseURLLocation: SourceLocation?
}

/// Who readers can write to or call, from site.yml. Only what is set is shown.
public struct Contact: Sendable, Hashable {
    public var naam: String?
    public var adres: String?
    public var email: String?
    public var telefoon: String?
    /// Nil when none is stated: the validator refuses that.
    public var provenance: Provenance?
    public var location: SourceLocation?

    public init(naam: String? = nil, adres: String? = nil, email: String? = nil, telefoon: String? = nil,
                provenance: Provenance? = nil, location: SourceLocation? = nil) {
        self.naam = naam
        self.adres = adres
        self.email = email
        self.telefoon = telefoon
        self.provenance = provenance
        self.location = location
    }
}

public struct Gemeente: Sendable {
    public var info: EntityInfo
    public var naam: String
    public var cbsCode: String?
    public var inwoners: Int?
    public var inwonersPeildatum: Day?
    public var website: String?
    public var raadURL: String?
}

public struct Partner: Sendable {
    public var info: EntityInfo
    public var naam: String
    public var soort: String
    public var website: String?
}

public struct TafelLid: Sendable {
    public var partij: Ref
    public var period: Period
    /// The lid's own, or else the tafel's.
    public var provenance: Provenance
}

public struct Tafel: Sendable {
    public var naam: String
    /// `tafel`, `regiekamer` or `overleg` (``ContentSchema/tafelSoort``).
    public var soort: String
    public var voorzitter: String?
    public var ritme: String?
    public var leden: [TafelLid]
    /// As stated for the composition as a whole; each lid inherits it unless it states its own.
    public var provenance: Provenance

    /// What the list of members rests on.
    public var grounds: Grounds { leden.isEmpty ? provenance.grounds : Grounds.of(leden) { $0.provenance.grounds } }
    /// Some of the membership is invented.
    public var voorbeeld: Bool { grounds.example }
}

/// An `afhankelijk_van` edge: the opgave depended on, and where that reading comes from.
public struct Dependency: Sendable {
    public var opgave: Ref
    public var provenance: Provenance
}

public struct Thema: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var samenvatting: String
    public var volgorde: Int?
    public var tafel: Tafel
    /// A value of `ContentSchema.themaIcoon`, when the thema has a sign.
    public var icoon: String? = nil
}

public struct Opgave: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var samenvatting: String
    public var themas: [Ref]
    public var afhankelijkVan: [Dependency]
    public var period: Period
    public var vanafLocation: SourceLocation?
    public var totLocation: SourceLocation?
    /// Of the date since which the opgave is on the agenda ("op de agenda sinds").
    public var vanafProvenance: Provenance?
    public var totProvenance: Provenance?
    /// The goal the opgaven contribute to together (such as brede welvaart).
    public var gedeeldDoel = false
}

/// One period of a participant's variant.
public struct VariantPeriod: Sendable, Hashable {
    public var variant: String
    public var period: Period
    public var location: SourceLocation
    /// The period's own, or else its participant's.
    public var provenance: Provenance
}

public struct Deelnemer: Sendable {
    public var partij: Ref
    /// In date order; a single entry when the variant never changes.
    public var varianten: [VariantPeriod]
    public var location: SourceLocation
    /// As stated for the participant; each period inherits it unless it states its own.
    public var provenance: Provenance

    /// What this participation, through all its periods, rests on.
    public var grounds: Grounds { varianten.isEmpty ? provenance.grounds : Grounds.of(varianten) { $0.provenance.grounds } }

    /// The period in force on `day`, nil when the participant is not (yet) involved.
    public func period(on day: Day) -> VariantPeriod? {
        varianten.last { $0.period.contains(day) }
    }

    /// The variant in force on `day`, nil when the participant is not (yet) involved.
    public func variant(on day: Day) -> String? { period(on: day)?.variant }
}

public struct ProcessStep: Sendable {
    public var stap: String
    public var datum: Day
    public var location: SourceLocation
}

public struct Coalitie: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var samenvatting: String
    public var themas: [Ref]
    public var opgaven: [Ref]
    public var status: String
    public var start: Located<Day>?
    public var eind: Located<Day>?
    public var ring: String?
    public var deelnemers: [Deelnemer]
    public var stappen: [ProcessStep]
    /// The step expected next, with its date.
    public var volgendeStap: ProcessStep?
    public var volgendeStapWaarom: String?

    /// The participation of `partij`, if it is named among the deelnemers.
    public func deelnemer(_ partij: String) -> Deelnemer? { deelnemers.first { $0.partij.value == partij } }

    /// Going on (or being explored) now, by its status: not finished, lapsed or of unknown outcome.
    public var isCurrent: Bool { ContentSchema.currentStatuses.contains(status) }

    /// Whether taking part in it counts as taking part: now only while it goes on; in a snapshot
    /// of a past year (`currentOnly: false`) also when it has finished since (the work took
    /// place), never when it lapsed or its outcome is unknown.
    public func countsAsParticipation(currentOnly: Bool) -> Bool { isCurrent || (!currentOnly && status == "afgerond") }

    public var period: Period { Period(vanaf: start?.value, tot: eind?.value.adding(days: 1)) }

    /// Started (or undated) and not yet ended on `day`.
    public func isActive(on day: Day) -> Bool {
        if let start = start?.value, day < start { return false }
        if let eind = eind?.value, day > eind { return false }
        return true
    }

    /// The last process step reached on `day`.
    public func step(on day: Day) -> ProcessStep? { stappen.last { $0.datum <= day } }
}

public struct Besluit: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var datum: Day
    /// The date's own provenance, when it differs from the besluit's (an expected date the
    /// sources do not give is the editors' reading).
    public var datumProvenance: Provenance?
    /// `genomen`, `geagendeerd` or `verwacht` (``ContentSchema/besluitStatus``).
    public var status: String
    /// The date is a deadline ("uiterlijk").
    public var uiterlijk: Bool
    /// The expected period in words, shown instead of the exact date.
    public var periode: String?
    /// `raad`, `college` or `regio`.
    public var door: String?
    public var waarom: String?
    public var orgaan: String
    public var kenmerk: String?
    public var uitkomst: String
    public var themas: [Ref]
    public var coalities: [Ref]
    public var gemeenten: [Ref]
    public var link: String?

    /// Taken, not expected: only these are decisions on lists, timelines and change pages.
    public var isTaken: Bool { status == "genomen" }
}

public struct Update: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var datum: Day
    public var auteur: String
    public var samenvatting: String
    public var themas: [Ref]
    public var coalities: [Ref]
    public var gemeenten: [Ref]
    public var draft: Bool
    public var publishDate: Day?
    public var expiryDate: Day?
}

public struct Pagina: Sendable {
    public var info: EntityInfo
    public var titel: String
    public var samenvatting: String
    public var menu: Int?
    /// When the editors last changed the text in substance (`bijgewerkt`).
    public var bijgewerkt: Day?
}
