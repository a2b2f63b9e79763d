import RegioContent
import RegioSupport
import RegioTemplates

/// Hashes of the files the site is made from, for ``PageContextBuilder/inputKey(for:sources:)``.
package struct SourceKeys: Sendable {
    /// Everything except the updates and besluiten: site settings, the day, and every
    /// gemeente, partner, thema, opgave, coalitie and pagina file without its Markdown body
    /// (a body shows only on its own page, which is compared by its context).
    let rest: Int
    /// Per slug: the whole file (for what shows its body: its own page, its search record).
    private(set) var updates: [String: Int]
    private(set) var besluiten: [String: Int]
    /// Per update slug: the file without its body (for lists and open data, which show none).
    private(set) var updateSummaries: [String: Int]

    package init(model: SiteModel, now: Day) {
        var hasher = Hasher()
        hasher.combine(model.settings.titel)
        hasher.combine(model.settings.beschrijving)
        hasher.combine(model.settings.baseURL)
        hasher.combine(model.settings.updatesPerPagina)
        hasher.combine(model.settings.uitgever)
        hasher.combine(model.settings.testversie)
        hasher.combine(model.settings.veranderingenPerPagina)
        hasher.combine(model.settings.contact)
        hasher.combine(now.description)
        // Every page's footer shows the data date, which the newest update or besluit may set.
        hasher.combine(model.dataDate)
        let infos = model.gemeenten.map(\.info) + model.partners.map(\.info) + model.themas.map(\.info)
            + model.opgaven.map(\.info) + model.coalities.map(\.info) + model.paginas.map(\.info) + model.bronnen.map(\.info)
            // Every body marks the first use of a term, so every page reads the glossary.
            + model.begrippen.map(\.info)
        for info in infos {
            hasher.combine(info.kind)
            hasher.combine(info.slug)
            hasher.combine(info.frontMatterHash)
        }
        rest = hasher.finalize()
        func keys(_ infos: [EntityInfo]) -> [String: Int] {
            var result: [String: Int] = [:]
            result.reserveCapacity(infos.count)
            for info in infos { result[info.slug] = Self.key(info) }
            return result
        }
        updates = keys(model.updates.map(\.info))
        besluiten = keys(model.besluiten.map(\.info))
        var summaries: [String: Int] = [:]
        summaries.reserveCapacity(model.updates.count)
        for u in model.updates { summaries[u.info.slug] = Self.summary(u.info) }
        updateSummaries = summaries
    }

    private static func summary(_ info: EntityInfo) -> Int {
        var hasher = Hasher()
        hasher.combine(info.slug)
        hasher.combine(info.frontMatterHash)
        return hasher.finalize()
    }

    private static func key(_ info: EntityInfo) -> Int {
        var hasher = Hasher()
        hasher.combine(info.slug)
        hasher.combine(info.source.contentHash)
        return hasher.finalize()
    }

    /// After an update or besluit file changed in place (same slug, still published).
    package mutating func replace(_ info: EntityInfo) {
        switch info.kind {
        case .updates where updates[info.slug] != nil:
            updates[info.slug] = Self.key(info)
            updateSummaries[info.slug] = Self.summary(info)
        case .besluiten where besluiten[info.slug] != nil: besluiten[info.slug] = Self.key(info)
        default: break
        }
    }
}

extension PageContextBuilder {
    /// For the page kinds whose context is known to read nothing but its own file, the other
    /// content (``SourceKeys/rest``) and, for change pages, its events: a hash of those inputs,
    /// found without building the context. Equal keys mean equal contexts, so an incremental
    /// build skips such a page without building its context at all (with 10,000 updates that
    /// was most of a rebuild). Every other page returns nil and is compared by its context.
    ///
    /// Keep this in step with the context functions above: an update or besluit page shows
    /// its own fields and the names of what it refers to (thema's, coalities, gemeenten, all in
    /// `rest`); a list of updates shows its slice of them; a coalitie page shows its own file,
    /// the updates and besluiten about it and names from `rest`; a change page shows its events
    /// and names from `rest`; the maps, the participation tables and the lists of coalities,
    /// opgaven, thema's and gemeenten show nothing but `rest` (no body, no update); the search
    /// page names every update and besluit. The incremental build tests compare every rebuild
    /// with a clean build.
    func inputKey(for page: Page, sources: SourceKeys) -> Int? {
        var hasher = Hasher()
        hasher.combine(page)
        hasher.combine(sources.rest)
        switch page {
        case .update(let slug):
            guard let own = sources.updates[slug] else { return nil }
            hasher.combine(own)
        case .besluit(let slug):
            guard let own = sources.besluiten[slug] else { return nil }
            hasher.combine(own)
        case .updates(let n):
            // A list page shows its slice of updates (fields and names from `rest`) and the page numbers.
            let perPage = model.settings.updatesPerPagina
            hasher.combine(Routes.updatePageCount(model))
            for i in model.updates.indices.dropFirst((n - 1) * perPage).prefix(perPage) {
                guard let summary = sources.updateSummaries[model.updates[i].info.slug] else { return nil }
                hasher.combine(summary)
            }
        case .coalitie(let slug):
            // Its own file (the body shows), the updates and besluiten it lists, names from `rest`.
            guard let c = model.coalitie(slug) else { return nil }
            hasher.combine(c.info.source.contentHash)
            for i in relations.updatesByCoalitie[slug] ?? [] {
                guard let summary = sources.updateSummaries[model.updates[i].info.slug] else { return nil }
                hasher.combine(summary)
            }
            for i in relations.besluitenByCoalitie[slug] ?? [] {
                guard let own = sources.besluiten[model.besluiten[i].info.slug] else { return nil }
                hasher.combine(own)
            }
        case .groeiperspectief, .groeiperspectiefJaar, .kaartThema, .kaartGemeente, .kaartGemeenteJaar, .deelname, .deelnameJaar,
             .coalities, .opgaven, .themas, .gemeenten, .notFound:
            // Drawn from `rest` alone (the maps too), plus the years that get a snapshot, which
            // the first dated event decides.
            hasher.combine(years)
            hasher.combine(mapYears)
        case .zoeken:
            // Names every update and besluit: hashing their keys is far cheaper than hashing the context.
            for u in model.updates {
                guard let summary = sources.updateSummaries[u.info.slug] else { return nil }
                hasher.combine(summary)
            }
            for b in model.besluiten {
                guard let own = sources.besluiten[b.info.slug] else { return nil }
                hasher.combine(own)
            }
        case .veranderingenGemeente(let slug):
            hasher.combine(timeline.fingerprint(gemeente: slug))
        case .veranderingenThema(let slug):
            hasher.combine(timeline.fingerprint(thema: slug))
        case .veranderingenGemeenteJaar(let slug, let year):
            hasher.combine(timeline.fingerprint(gemeente: slug, year: year))
        case .veranderingenThemaJaar(let slug, let year):
            hasher.combine(timeline.fingerprint(thema: slug, year: year))
        default:
            return nil
        }
        return hasher.finalize()
    }
}
