import Foundation
import RegioContent
import RegioSupport

/// The portal's open data at `/data/`: JSON per kind of entity, CSV for the participation
/// matrix and the decisions, and a catalogue (`catalogus.json`) in the spirit of DCAT-AP-NL.
///
/// Built from the published model only, like the pages, feeds and search index: a draft, a
/// future or an expired update cannot leak through here. Dated from content, never from the
/// clock, and written with sorted keys and a fixed record order, so rebuilds are byte-identical.
///
/// Every record has `id` (the slug, stable as long as the file keeps its name) and `url` (the
/// absolute address of its page). Relations are ids, as in the content. Optional values are
/// `null` rather than missing, so every record of a file has the same keys.
///
/// CSV follows RFC 4180: UTF-8 without byte-order mark, comma-separated, a header row, lines
/// ending in CRLF, and a field quoted (with `""` for a quote) only when it holds a comma, a
/// quote or a line break. A list in one field (for example several gemeenten) is separated by
/// spaces; slugs never contain one.
package struct OpenData: Sendable {
    let model: SiteModel
    let now: Day
    let baseURL: String

    package init(model: SiteModel, now: Day) {
        self.model = model
        self.now = now
        baseURL = model.settings.baseURL
    }

    static let folder = "data/"
    static let catalogueFile = "catalogus.json"
    /// Creative Commons Zero 1.0, as data.overheid.nl names it.
    static let licence = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    static let licenceName = "CC0 1.0: publiek domein, vrij te gebruiken zonder voorwaarden"

    enum Format: String {
        case json, csv

        var label: String { rawValue.uppercased() }
        var mediaType: String { self == .json ? "application/json" : "text/csv" }
        /// The EU file-type authority DCAT-AP uses for `dct:format`.
        var fileType: String { "http://publications.europa.eu/resource/authority/file-type/\(label)" }
    }

    struct Distribution {
        var fileName: String
        var format: Format
    }

    struct Dataset {
        var id: String
        var titel: String
        var beschrijving: String
        var page: Page
        var distributions: [Distribution]
        /// The latest date in the data itself, not after the build's day; nil when it has none.
        var modified: Day?
    }

    func absolute(_ page: Page) -> String { baseURL + page.path.dropFirst() }
    func fileURL(_ fileName: String) -> String { baseURL + Self.folder + fileName }

    // MARK: Datasets

    var datasets: [Dataset] {
        let sets = [
            Dataset(id: "gemeenten", titel: "Gemeenten",
                    beschrijving: "De zeven Drechtsteden: naam, CBS-code, het aantal inwoners (alleen als een bron het noemt) en websites.",
                    page: .gemeenten, distributions: [.init(fileName: "gemeenten.json", format: .json)],
                    modified: latest(model.gemeenten.compactMap(\.inwonersPeildatum))),
            Dataset(id: "partners", titel: "Partners",
                    beschrijving: "De andere partijen in de samenwerking: overheden, bedrijfsleven, kennisinstellingen en maatschappelijke organisaties.",
                    page: .partners, distributions: [.init(fileName: "partners.json", format: .json)], modified: nil),
            Dataset(id: "themas", titel: "Thema's en bestuurlijke tafels",
                    beschrijving: "De thema's van de samenwerking, elk met zijn bestuurlijke tafel en de leden daarvan (met vanaf en tot).",
                    page: .themas, distributions: [.init(fileName: "themas.json", format: .json)],
                    modified: latest(model.themas.flatMap { $0.tafel.leden.flatMap { $0.period.dates } })),
            Dataset(id: "coalities", titel: "Coalities",
                    beschrijving: "Coalities, projecten en programma's: thema's, opgaven, status, deelnemers met hun deelnamevariant door de tijd, en de bereikte processtappen.",
                    page: .coalities, distributions: [.init(fileName: "coalities.json", format: .json)],
                    modified: latest(model.coalities.flatMap(coalitieDates))),
            Dataset(id: "deelname", titel: "Deelname aan coalities",
                    beschrijving: "De deelnamematrix als tabel: één regel per coalitie, deelnemer en periode, met de deelnamevariant (volledig, solidariteit, instap of geen) en de datums.",
                    page: .deelname, distributions: [.init(fileName: "deelname.csv", format: .csv)],
                    modified: latest(model.coalities.flatMap { $0.deelnemers.flatMap { $0.varianten.flatMap { $0.period.dates } } })),
            Dataset(id: "opgaven", titel: "Opgaven",
                    beschrijving: "De regionale opgaven met hun thema's en de opgaven waarvan ze afhangen (de pijlen van het groeiperspectief).",
                    page: .opgaven, distributions: [.init(fileName: "opgaven.json", format: .json)],
                    modified: latest(model.opgaven.flatMap { $0.period.dates })),
            Dataset(id: "besluiten", titel: "Besluiten",
                    beschrijving: "Besluiten van raden, colleges en regionale organen over de samenwerking, met datum, orgaan, kenmerk en uitkomst.",
                    page: .besluiten, distributions: [.init(fileName: "besluiten.json", format: .json), .init(fileName: "besluiten.csv", format: .csv)],
                    modified: latest(model.besluiten.map(\.datum))),
            Dataset(id: "bronnen", titel: "Bronnen",
                    beschrijving: "De documenten waarop de gegevens rusten: titel, auteur, datum, soort en kenmerk. Elk ander record noemt in bronnen de id's van de documenten waarop het rust.",
                    page: .bronnen, distributions: [.init(fileName: "bronnen.json", format: .json)],
                    modified: latest(model.bronnen.map(\.datum))),
            Dataset(id: "updates", titel: "Updates",
                    beschrijving: "De gepubliceerde berichten over de samenwerking, met de thema's, coalities en gemeenten waar ze over gaan.",
                    page: .updates(page: 1), distributions: [.init(fileName: "updates.json", format: .json)],
                    modified: latest(model.updates.map(\.datum))),
        ]
        // A dataset without dates of its own (partners) takes the latest date of the whole portal.
        let overall = latest(sets.compactMap(\.modified))
        return sets.map { set in
            var set = set
            if set.modified == nil { set.modified = overall }
            return set
        }
    }

    private func latest(_ days: [Day]) -> Day? { days.filter { $0 <= now }.max() }

    private func coalitieDates(_ c: Coalitie) -> [Day] {
        [c.start?.value, c.eind?.value].compactMap { $0 } + c.stappen.map(\.datum)
            + c.deelnemers.flatMap { $0.varianten.flatMap { $0.period.dates } }
    }

    // MARK: Files

    /// The files; with `sources` and `cache`, the records of unchanged updates are reused.
    func files(sources: SourceKeys? = nil, cache: EntryCache? = nil) -> [OutputFile] {
        var files: [OutputFile] = [
            json("gemeenten.json", gemeenten()),
            json("partners.json", partners()),
            json("themas.json", themas()),
            json("coalities.json", coalities()),
            json("opgaven.json", opgaven()),
            json("besluiten.json", besluiten()),
            updatesFile(sources: sources, cache: cache),
            json("bronnen.json", bronnen()),
            OutputFile(path: Self.folder + "deelname.csv", text: deelnameCSV()),
            OutputFile(path: Self.folder + "besluiten.csv", text: besluitenCSV()),
        ]
        files.append(json(Self.catalogueFile, catalogue()))
        return files
    }

    private func json(_ name: String, _ value: JSONValue) -> OutputFile {
        OutputFile(path: Self.folder + name, text: value.serializedInParallel())
    }

    private func sortedBySlug<T>(_ items: [T], _ info: (T) -> EntityInfo) -> [T] {
        items.sorted { info($0).slug < info($1).slug }
    }

    private func ids(_ refs: [Ref]) -> JSONValue { JSONValue.strings(refs.map(\.value)) }

    /// Where a record or relation comes from: `voorbeeld` (invented), `herkomst` (`bron`,
    /// `redactie` or `voorbeeld`) and `bronnen` (the documents, with the part when given).
    /// `grounds` adds what a relation inside the record rests on.
    func provenance(_ p: Provenance, _ grounds: Grounds? = nil) -> [String: JSONValue] {
        [
            "voorbeeld": .bool((grounds ?? p.grounds).example),
            "herkomst": .string(Self.herkomst(p)),
            "bronnen": .array(p.citations.map { .object(["document": .string($0.document), "deel": .optional($0.deel)]) }),
        ]
    }

    static func herkomst(_ p: Provenance) -> String {
        switch p {
        case .sources: return "bron"
        case .editorial: return "redactie"
        case .example: return "voorbeeld"
        }
    }

    private func with(_ fields: [String: JSONValue], _ p: Provenance, _ grounds: Grounds? = nil) -> JSONValue {
        .object(fields.merging(provenance(p, grounds)) { a, _ in a })
    }

    private func period(_ p: Period) -> [String: JSONValue] {
        ["vanaf": .optional(p.vanaf), "tot": .optional(p.tot)]
    }

    func gemeenten() -> JSONValue {
        .array(sortedBySlug(model.gemeenten, \.info).map { g in
            with([
                "id": .string(g.info.slug), "url": .string(absolute(.gemeente(g.info.slug))), "naam": .string(g.naam),
                "cbs_code": .optional(g.cbsCode), "inwoners": .optional(g.inwoners), "inwoners_peildatum": .optional(g.inwonersPeildatum),
                "website": .optional(g.website), "raad_url": .optional(g.raadURL),
            ], g.info.provenance)
        })
    }

    func partners() -> JSONValue {
        .array(sortedBySlug(model.partners, \.info).map { p in
            with([
                "id": .string(p.info.slug), "url": .string(absolute(.partners) + "#" + p.info.slug), "naam": .string(p.naam),
                "soort": .string(p.soort), "website": .optional(p.website),
            ], p.info.provenance)
        })
    }

    func themas() -> JSONValue {
        .array(sortedBySlug(model.themas, \.info).map { t in
            with([
                "id": .string(t.info.slug), "url": .string(absolute(.thema(t.info.slug))), "titel": .string(t.titel),
                "samenvatting": .string(t.samenvatting), "volgorde": .optional(t.volgorde),
                "tafel": with([
                    "naam": .string(t.tafel.naam), "soort": .string(t.tafel.soort),
                    "voorzitter": .optional(t.tafel.voorzitter), "ritme": .optional(t.tafel.ritme),
                    "leden": .array(t.tafel.leden.map { with(["partij": .string($0.partij.value)].merging(period($0.period)) { a, _ in a }, $0.provenance) }),
                ], t.tafel.provenance, t.tafel.grounds),
            ], t.info.provenance)
        })
    }

    func coalities() -> JSONValue {
        .array(sortedBySlug(model.coalities, \.info).map { c in
            with([
                "id": .string(c.info.slug), "url": .string(absolute(.coalitie(c.info.slug))), "titel": .string(c.titel),
                "samenvatting": .string(c.samenvatting), "themas": ids(c.themas), "opgaven": ids(c.opgaven),
                "status": .string(c.status), "start": .optional(c.start?.value), "eind": .optional(c.eind?.value),
                "ring": .optional(c.ring),
                "deelnemers": .array(c.deelnemers.map { d in
                    with([
                        "partij": .string(d.partij.value),
                        "varianten": .array(d.varianten.map { with(["variant": .string($0.variant)].merging(period($0.period)) { a, _ in a }, $0.provenance) }),
                    ], d.provenance, d.grounds)
                }),
                "stappen": .array(c.stappen.map { .object(["stap": .string($0.stap), "datum": .string($0.datum.description)]) }),
            ], c.info.provenance)
        })
    }

    func opgaven() -> JSONValue {
        .array(sortedBySlug(model.opgaven, \.info).map { o in
            with([
                "id": .string(o.info.slug), "url": .string(absolute(.opgave(o.info.slug))), "titel": .string(o.titel),
                "samenvatting": .string(o.samenvatting), "themas": ids(o.themas), "afhankelijk_van": ids(o.afhankelijkVan.map(\.opgave)),
                // The same edges with what each rests on: most are the editors' reading.
                "afhankelijkheden": .array(o.afhankelijkVan.map { with(["opgave": .string($0.opgave.value)], $0.provenance) }),
                "vanaf_herkomst": o.vanafProvenance.map { with([:], $0) } ?? .null,
                "tot_herkomst": o.totProvenance.map { with([:], $0) } ?? .null,
            ].merging(period(o.period)) { a, _ in a }, o.info.provenance)
        })
    }

    func besluiten() -> JSONValue {
        .array(sortedBySlug(model.besluiten, \.info).map { b in
            with([
                "id": .string(b.info.slug), "url": .string(absolute(.besluit(b.info.slug))), "titel": .string(b.titel),
                "datum": .string(b.datum.description), "orgaan": .string(b.orgaan), "kenmerk": .optional(b.kenmerk),
                "uitkomst": .string(b.uitkomst), "themas": ids(b.themas), "coalities": ids(b.coalities), "gemeenten": ids(b.gemeenten),
                "link": .optional(b.link),
            ], b.info.provenance)
        })
    }

    /// `updates.json`. A record is a function of its update's front matter and the base URL.
    package func updatesFile(sources: SourceKeys?, cache: EntryCache?) -> OutputFile {
        let (baseURL, updates) = (model.settings.baseURL, model.updates)
        // Positions are sorted, not the updates: sorting the structs copied each of them many
        // times. Slugs are ASCII (file names are checked), so their bytes sort as the strings do.
        let order = updates.indices.sorted { updates[$0].info.slug.utf8.lexicographicallyPrecedes(updates[$1].info.slug.utf8) }
        func file(_ records: [[UInt8]]) -> OutputFile {
            OutputFile(path: Self.folder + "updates.json", contents: Data(JSONValue.prettyArrayBytes(records)))
        }
        guard let sources, let cache else { return file(ConcurrentMap.map(order) { record(updates[$0]).prettyItem() }) }
        let keys = order.map { i -> (slug: String, stamp: Int?) in
            let slug = updates[i].info.slug
            return (slug, sources.updateSummaries[slug].map { own in
                var hasher = Hasher()
                hasher.combine(own)
                hasher.combine(baseURL)
                return hasher.finalize()
            })
        }
        // Looked up and stored in one go: a lock per record made the cores wait on each other.
        let known = cache.values(for: keys.map { ($0.slug, $0.stamp) })
        let records = ConcurrentMap.map(Array(order.indices)) { k in known[k] ?? record(updates[order[k]]).prettyItem() }
        cache.store(order.indices.compactMap { k in
            known[k] == nil ? keys[k].stamp.map { (keys[k].slug, $0, records[k]) } : nil
        })
        // Every update with a stamp is now in the cache: when all have one, equal counts mean it holds no other.
        if cache.count != updates.count || keys.contains(where: { $0.stamp == nil }) { cache.retain(Set(updates.map(\.info.slug))) }
        return file(records)
    }

    private func record(_ u: Update) -> JSONValue {
        with([
            "id": .string(u.info.slug), "url": .string(absolute(.update(u.info.slug))), "titel": .string(u.titel),
            "datum": .string(u.datum.description), "auteur": .string(u.auteur), "samenvatting": .string(u.samenvatting),
            "themas": ids(u.themas), "coalities": ids(u.coalities), "gemeenten": ids(u.gemeenten),
        ], u.info.provenance)
    }

    func bronnen() -> JSONValue {
        .array(sortedBySlug(model.bronnen, \.info).map { b in
            .object([
                "id": .string(b.info.slug), "url": .string(absolute(.bronnen) + "#bron-" + b.info.slug), "titel": .string(b.titel),
                "auteur": .string(b.auteur), "datum": .string(b.datum.description), "soort": .string(b.soort),
                "kenmerk": .optional(b.kenmerk), "link": .optional(b.link), "samenvatting": .string(b.samenvatting),
            ])
        })
    }

    // MARK: CSV

    static let deelnameHeader = ["coalitie", "coalitie_titel", "partij", "partij_naam", "partij_soort", "variant", "vanaf", "tot", "url",
                                 "voorbeeld", "herkomst", "bronnen"]
    static let besluitenHeader = ["id", "datum", "titel", "orgaan", "kenmerk", "uitkomst", "themas", "coalities", "gemeenten", "link", "url", "voorbeeld",
                                  "herkomst", "bronnen"]

    /// The provenance columns of a CSV row: voorbeeld, herkomst, bronnen (space-separated slugs).
    func provenanceCells(_ p: Provenance, _ grounds: Grounds) -> [String] {
        [grounds.example ? "true" : "false", Self.herkomst(p), p.citations.map(\.document).joined(separator: " ")]
    }

    func deelnameCSV() -> String {
        var rows = [Self.deelnameHeader]
        for c in sortedBySlug(model.coalities, \.info) {
            for d in c.deelnemers {
                let slug = d.partij.value
                let soort = model.gemeente(slug) != nil ? "gemeente" : model.partner(slug) != nil ? "partner" : ""
                for v in d.varianten {
                    rows.append([c.info.slug, c.titel, slug, model.partijNaam(slug) ?? "", soort, v.variant,
                                 v.period.vanaf?.description ?? "", v.period.tot?.description ?? "", absolute(.coalitie(c.info.slug))]
                                + provenanceCells(v.provenance, v.provenance.grounds | c.info.provenance.grounds))
                }
            }
        }
        return CSV.write(rows)
    }

    func besluitenCSV() -> String {
        var rows = [Self.besluitenHeader]
        for b in sortedBySlug(model.besluiten, \.info) {
            rows.append([b.info.slug, b.datum.description, b.titel, b.orgaan, b.kenmerk ?? "", b.uitkomst,
                         b.themas.map(\.value).joined(separator: " "), b.coalities.map(\.value).joined(separator: " "),
                         b.gemeenten.map(\.value).joined(separator: " "), b.link ?? "", absolute(.besluit(b.info.slug))]
                         + provenanceCells(b.info.provenance, b.info.provenance.grounds))
        }
        return CSV.write(rows)
    }

    // MARK: Catalogue

    /// A DCAT catalogue as JSON-LD: plain keys, mapped to DCAT and Dublin Core by `@context`.
    func catalogue() -> JSONValue {
        func iri(_ term: String) -> JSONValue { .object(["@id": .string(term), "@type": .string("@id")]) }
        func dutch(_ term: String) -> JSONValue { .object(["@id": .string(term), "@language": .string("nl")]) }
        let context: [String: JSONValue] = [
            "dcat": .string("http://www.w3.org/ns/dcat#"),
            "dct": .string("http://purl.org/dc/terms/"),
            "foaf": .string("http://xmlns.com/foaf/0.1/"),
            "xsd": .string("http://www.w3.org/2001/XMLSchema#"),
            "title": dutch("dct:title"),
            "description": dutch("dct:description"),
            "identifier": .string("dct:identifier"),
            "license": iri("dct:license"),
            "modified": .object(["@id": .string("dct:modified"), "@type": .string("xsd:date")]),
            "language": iri("dct:language"),
            "publisher": .string("dct:publisher"),
            "name": .string("foaf:name"),
            "homepage": iri("foaf:homepage"),
            "dataset": .string("dcat:dataset"),
            "distribution": .string("dcat:distribution"),
            "landingPage": iri("dcat:landingPage"),
            "accessURL": iri("dcat:accessURL"),
            "downloadURL": iri("dcat:downloadURL"),
            "mediaType": iri("dcat:mediaType"),
            "format": iri("dct:format"),
        ]
        let dutchLanguage = JSONValue.string("http://publications.europa.eu/resource/authority/language/NLD")
        let publisher = JSONValue.object(["@type": .string("foaf:Agent"), "name": .string(model.settings.titel), "homepage": .string(baseURL)])
        let sets = datasets
        let entries: [JSONValue] = sets.map { set in
            var entry: [String: JSONValue] = [
                "@id": .string(fileURL(Self.catalogueFile) + "#" + set.id),
                "@type": .string("dcat:Dataset"),
                "identifier": .string(set.id),
                "title": .string(set.titel),
                "description": .string(set.beschrijving),
                "license": .string(Self.licence),
                "language": dutchLanguage,
                "publisher": publisher,
                "landingPage": .string(absolute(set.page)),
                "distribution": .array(set.distributions.map { d in
                    .object([
                        "@type": .string("dcat:Distribution"),
                        "title": .string("\(set.titel) (\(d.format.label))"),
                        "format": .string(d.format.fileType),
                        "mediaType": .string("https://www.iana.org/assignments/media-types/\(d.format.mediaType)"),
                        "accessURL": .string(fileURL(d.fileName)),
                        "downloadURL": .string(fileURL(d.fileName)),
                        "license": .string(Self.licence),
                    ])
                }),
            ]
            if let modified = set.modified { entry["modified"] = .string(modified.description) }
            return .object(entry)
        }
        var catalogue: [String: JSONValue] = [
            "@context": .object(context),
            "@id": .string(fileURL(Self.catalogueFile)),
            "@type": .string("dcat:Catalog"),
            "title": .string("Open data van \(model.settings.titel)"),
            "description": .string("De gegevens van het portaal als open data: JSON per soort gegevens, CSV voor de deelnamematrix en de besluiten. Vrij te gebruiken onder CC0 1.0. Elk record en elke regel zegt waar het vandaan komt: herkomst is bron (het rust op de documenten in bronnen), redactie (de lezing van de redactie) of voorbeeld (verzonnen ter illustratie, geen feit); voorbeeld is true als er verzonnen gegevens in zitten."),
            "license": .string(Self.licence),
            "language": dutchLanguage,
            "publisher": publisher,
            "homepage": .string(absolute(.openData)),
            "dataset": .array(entries),
        ]
        if let modified = sets.compactMap(\.modified).max() { catalogue["modified"] = .string(modified.description) }
        return .object(catalogue)
    }
}

/// RFC 4180 CSV, safe to open in a spreadsheet.
package enum CSV {
    static func write(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        let value = neutralised(value)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
    /// return before one) as a formula, so a besluit titled `=HYPERLINK(…)` would become a live
    /// link or worse. As OWASP advises, such a cell gets a leading apostrophe, which
    /// spreadsheets show as text and hide; the open-data page says so.
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}

extension PageContextBuilder {
    /// The page "Open data": every dataset with its files, the catalogue and the schemas.
    func openData() -> Fields {
        let data = OpenData(model: model, now: now)
        return merge(base(.openData, titel: "Open data",
                          beschrijving: "Alle gegevens van dit portaal als open data: vrij te gebruiken, in JSON en CSV."), [
            "datasets": .objects(data.datasets.map { set -> Fields in
                [
                    "titel": .string(set.titel),
                    "beschrijving": .string(set.beschrijving),
                    "pagina_url": .string(url(set.page)),
                    "gewijzigd": .string(set.modified.map(Vocabulary.date) ?? ""),
                    // A section tag, so false (not an empty text) when there is no date.
                    "gewijzigd_iso": .string(or: set.modified?.description),
                    "bestanden": .objects(set.distributions.map { d -> Fields in
                        ["formaat": .string(d.format.label), "bestand": .string(d.fileName), "url": .string(basePath + OpenData.folder + d.fileName)]
                    }),
                ]
            }),
            "catalogus_url": .string(basePath + OpenData.folder + OpenData.catalogueFile),
            "licentie_url": .string(OpenData.licence),
            "licentie_naam": .string(OpenData.licenceName),
            "schemas": .objects(JSONSchemaWriter.titles.map { schema -> Fields in
                ["titel": .string(schema.title), "bestand": .string("\(schema.name).schema.json"),
                 "url": .string(basePath + "schemas/\(schema.name).schema.json"),
                 "map": .string(schema.name == JSONSchemaWriter.siteName ? "Content/site.yml" : "Content/\(schema.name)/")]
            }),
        ])
    }
}
