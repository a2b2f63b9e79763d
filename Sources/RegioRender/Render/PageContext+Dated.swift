import RegioContent
import RegioMarkdown
import RegioSupport
import RegioTemplates

// The dated pages: updates and their list pages, besluiten, the agenda, search.
extension PageContextBuilder {
    func updates(page n: Int) -> Fields {
        let perPage = model.settings.updatesPerPagina
        let total = Routes.updatePageCount(model)
        let items = model.updates.dropFirst((n - 1) * perPage).prefix(perPage).map(updateItem)
        let titel = n == 1 ? "Updates" : "Updates, pagina \(n) van \(total)"
        return merge(base(.updates(page: n), titel: titel, beschrijving: "Nieuws over de regionale samenwerking in de Drechtsteden."), [
            "updates": .objects(items),
            "paginering": [
                "huidig": .int(n), "totaal": .int(total), "meer_dan_een": .bool(total > 1),
                "vorige": n > 1 ? .string(url(.updates(page: n - 1))) : false,
                "volgende": n < total ? .string(url(.updates(page: n + 1))) : false,
                "paginas": .objects(Self.pageWindow(current: n, total: total).map { number -> Fields in
                    guard let number else { return ["weggelaten": true, "huidig": false] }
                    return ["nummer": .int(number), "url": .string(url(.updates(page: number))), "huidig": .bool(number == n), "weggelaten": false]
                }),
            ],
        ])
    }

    /// The page numbers a pagination bar shows: the first and last page and two on either side
    /// of the current one; nil marks a gap. Linking every page from every page made the list
    /// pages of a large site quadratic (1,000 pages × 1,000 links).
    static func pageWindow(current: Int, total: Int, radius: Int = 2) -> [Int?] {
        var shown = Set([1, total])
        for n in max(1, current - radius)...min(total, current + radius) { shown.insert(n) }
        var window: [Int?] = []
        for n in shown.sorted() {
            if let last = window.last ?? nil, n > last + 1 {
                // A gap of exactly one page shows that page instead of an ellipsis.
                window.append(n == last + 2 ? last + 1 : nil)
            }
            window.append(n)
        }
        return window
    }

    func update(_ u: Update) -> Fields {
        merge(base(.update(u.info.slug), titel: u.titel, beschrijving: u.samenvatting, crumbs: [("Updates", .updates(page: 1))]), [
            "update": .object(merge(merge(updateItem(u), body(u.info)), [
                "auteur": .string(u.auteur),
                "coalities": coalitieRefs(u.coalities),
                "gemeenten": gemeenteRefs(u.gemeenten),
            ])),
        ])
    }

    func besluiten() -> Fields {
        var years: [Int: [Fields]] = [:]
        for b in model.besluiten { years[b.datum.year, default: []].append(besluitItem(b)) }
        return merge(base(.besluiten, titel: "Besluiten", beschrijving: "Tijdlijn van de besluiten over de regionale samenwerking."), [
            "jaren": .objects(years.keys.sorted(by: >).map { ["jaar": .int($0), "besluiten": .objects(years[$0]!)] }),
        ])
    }

    func besluit(_ b: Besluit) -> Fields {
        let wanneer = Vocabulary.when(b.datum, uiterlijk: b.uiterlijk, periode: b.periode)
        return merge(base(.besluit(b.info.slug), titel: b.titel, beschrijving: "\(b.orgaan), \(wanneer): \(b.uitkomst)",
                          crumbs: b.isTaken ? [("Besluiten", .besluiten)] : [("Agenda", .agenda)]), [
            "besluit": .object(merge(merge(besluitItem(b), body(b.info)), [
                "themas": themaRefs(b.themas), "coalities": coalitieRefs(b.coalities), "gemeenten": gemeenteRefs(b.gemeenten),
                "link": .string(b.link ?? ""), "has_link": .bool(b.link != nil),
                "status": ["code": .string(b.status), "label": .string(ContentSchema.besluitStatus.option(b.status)?.label ?? b.status)],
                "is_verwacht": .bool(!b.isTaken), "wanneer": .string(wanneer),
                "door": .string(or: b.door.flatMap { ContentSchema.besluitDoor.option($0)?.label }),
                "waarom": .string(or: b.waarom),
                "agenda_url": .string(url(.agenda)),
            ])),
        ])
    }

    // MARK: Agenda

    /// One item of what is coming: when, who decides, for whom, why, and what it rests on.
    func agendaItem(_ item: AgendaItem) -> Fields {
        let names = item.gemeenten.compactMap { model.gemeente($0)?.naam }
        return merge([
            "titel": .string(item.titel), "url": .string(url(item.page)), "datum": date(item.datum),
            "wanneer": .string(Vocabulary.when(item.datum, uiterlijk: item.uiterlijk, periode: item.periode)),
            "status": .string(ContentSchema.besluitStatus.option(item.status)?.label ?? item.status),
            "is_geagendeerd": .bool(item.status == "geagendeerd"),
            "door": .string(or: item.door.flatMap { ContentSchema.besluitDoor.option($0)?.label }),
            "orgaan": .string(or: item.orgaan), "waarom": .string(or: item.waarom),
            "voor": .string(names.isEmpty ? "alle gemeenten" : names.joined(separator: ", ")),
            // A date that has passed without the content saying it was taken: said as it is.
            "is_verstreken": .bool(item.datum < now),
        ], marks(item.grounds))
    }

    func agendaPage() -> Fields {
        merge(base(.agenda, titel: "Agenda", beschrijving: "Welke besluiten er naar de gemeenteraden en colleges komen, en wanneer."), [
            "komt_eraan": .objects(agenda.items.map(agendaItem)),
            "has_komt_eraan": .bool(!agenda.items.isEmpty),
            "ics_url": .string(SitePaths.resolve(AgendaCalendar.regionPath, basePath: basePath)),
            "ics_gemeenten": .objects(model.gemeenten.map {
                ["naam": .string($0.naam), "url": .string(SitePaths.resolve(AgendaCalendar.path(gemeente: $0.info.slug), basePath: basePath))]
            }),
        ])
    }

    /// How many updates and besluiten the search page lists for readers without JavaScript.
    static let searchOverviewLimit = 100

    func zoeken() -> Fields {
        // A long kind (updates, besluiten) shows its first ones and links to its own list,
        // so the page stays small with ten thousand updates.
        func group(_ titel: String, _ items: [(String, Page)], list: Page? = nil) -> Fields {
            let shown = list == nil ? items.count : min(items.count, Self.searchOverviewLimit)
            let rest: TemplateValue = shown == items.count ? false : .object([
                "aantal": .int(items.count), "getoond": .int(shown), "wat": .string(titel.lowercased()),
                "url": .string(list.map(url) ?? ""),
            ])
            return ["titel": .string(titel), "paginas": .objects(items.prefix(shown).map { ref($0.0, $0.1) }), "meer": rest]
        }
        return merge(base(.zoeken, titel: "Zoeken", beschrijving: "Zoek in thema's, gemeenten, coalities, opgaven, besluiten, updates en pagina's."), [
            // The parts of the search index, separated by spaces.
            "index_urls": .string(MachineOutputs.searchIndexPaths(count: MachineOutputs.searchRecordCount(model))
                .map { basePath + $0 }.joined(separator: " ")),
            "zoeken_limiet": .int(Self.searchOverviewLimit),
            "overzicht": .objects([
                group("Thema's", model.themas.map { ($0.titel, .thema($0.info.slug)) }),
                group("Gemeenten", model.gemeenten.map { ($0.naam, .gemeente($0.info.slug)) }),
                group("Coalities", model.coalities.map { ($0.titel, .coalitie($0.info.slug)) }),
                group("Opgaven", model.opgaven.map { ($0.titel, .opgave($0.info.slug)) }),
                group("Besluiten", model.besluiten.map { ($0.titel, .besluit($0.info.slug)) }, list: .besluiten),
                group("Updates", model.updates.map { ($0.titel, .update($0.info.slug)) }, list: .updates(page: 1)),
                group("Pagina's", model.paginas.map { ($0.titel, .pagina($0.info.slug)) }),
            ]),
        ])
    }
}
