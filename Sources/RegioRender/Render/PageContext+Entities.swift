import RegioContent
import RegioMarkdown
import RegioSupport
import RegioTemplates

// The pages of one entity and the lists of them: home, thema's, coalities, gemeenten, opgaven, partners, free pages.
extension PageContextBuilder {
    func home() -> Fields {
        merge(base(.home, titel: model.settings.titel, beschrijving: model.settings.beschrijving), [
            "updates": .objects(model.updates.prefix(5).map(updateItem)),
            "besluiten": .objects(model.besluiten.prefix(5).map(besluitItem)),
            "komt_eraan": .objects(agenda.items.prefix(3).map(agendaItem)), "has_komt_eraan": .bool(!agenda.items.isEmpty),
            "agenda_url": .string(url(.agenda)),
            "themas": .objects(model.themas.map(themaItem)),
            "gemeenten": .objects(model.gemeenten.map(gemeenteItem)),
            "kaart_url": maps.file.isEmpty ? false : .string(basePath + "groeiperspectief/kaart.svg"),
            "kaart_alt": .string(maps.summary),
            "aantal_coalities": .int(model.coalities.count),
            "aantal_opgaven": .int(model.opgaven.count),
        ])
    }

    func themas() -> Fields {
        merge(base(.themas, titel: "Thema's", beschrijving: "De onderwerpen waarop de Drechtsteden samenwerken.", crumbs: []),
              ["themas": .objects(model.themas.map(themaItem))])
    }

    func thema(_ t: Thema) -> Fields {
        let slug = t.info.slug
        let leden = t.tafel.leden.filter { $0.period.contains(now) }.map { merge(partij($0.partij.value), marks($0.provenance.grounds)) }
        return merge(base(.thema(slug), titel: t.titel, beschrijving: t.samenvatting, crumbs: [("Thema's", .themas)]), [
            "thema": .object(merge(merge(themaItem(t), body(t.info)), [
                "tafel": [
                    "naam": .string(t.tafel.naam), "voorzitter": .string(t.tafel.voorzitter ?? ""), "has_voorzitter": .bool(t.tafel.voorzitter != nil),
                    "ritme": .string(t.tafel.ritme ?? ""), "has_ritme": .bool(t.tafel.ritme != nil), "leden": .objects(leden),
                    "has_leden": .bool(!leden.isEmpty), "voorbeeld": .bool(t.tafel.grounds.example),
                    "redactie": .bool(t.tafel.grounds.editorial),
                    "soort": ["code": .string(t.tafel.soort), "label": .string(ContentSchema.tafelSoort.option(t.tafel.soort)?.label ?? t.tafel.soort),
                              "is_tafel": .bool(t.tafel.soort == "tafel")],
                ],
                "opgaven": .objects((relations.opgavenByThema[slug] ?? []).map { opgaveItem(model.opgaven[$0]) }),
                "coalities": .objects((relations.coalitiesByThema[slug] ?? []).map { i -> Fields in
                    let c = model.coalities[i]
                    return merge(coalitieItem(c), ["deelnemers": deelnemerRows(c)])
                }),
                "updates": updateItems((relations.updatesByThema[slug] ?? []).prefix(10)),
                "besluiten": besluitItems(relations.besluitenByThema[slug] ?? []),
                "map_url": .string(or: maps.themaURL(slug, basePath: basePath)),
                "veranderingen_url": .string(url(.veranderingenThema(slug))),
            ])),
        ])
    }

    func coalities() -> Fields {
        merge(base(.coalities, titel: "Coalities", beschrijving: "Projecten en programma's van de partijen die eraan meedoen."),
              ["coalities": .objects(model.coalities.map(coalitieItem)),
               "per_status": .objects(ContentSchema.status.options.map { option -> Fields in
                   let items = model.coalities.filter { $0.status == option.value }.map(coalitieItem)
                   return ["label": .string(option.label), "code": .string(option.value), "coalities": .objects(items), "has_coalities": .bool(!items.isEmpty)]
               })])
    }

    func coalitie(_ c: Coalitie) -> Fields {
        let slug = c.info.slug
        let undecided = model.gemeenten.filter { g in
            !c.deelnemers.contains { $0.partij.value == g.info.slug && $0.variant(on: now) != nil }
        }.map { ref($0.naam, .gemeente($0.info.slug)) }
        let reached = c.stappen.filter { $0.datum <= now }
        let steps = ContentSchema.stap.options.enumerated().map { (i, option) -> Fields in
            let done = reached.first { $0.stap == option.value }
            return ["nummer": .int(i + 1), "label": .string(option.label), "bereikt": .bool(done != nil),
                    "datum": date(or: done?.datum),
                    "huidig": .bool(reached.last?.stap == option.value)]
        }
        return merge(base(.coalitie(slug), titel: c.titel, beschrijving: c.samenvatting, crumbs: [("Coalities", .coalities)]), [
            "coalitie": .object(merge(merge(coalitieItem(c), body(c.info)), [
                "start": date(or: c.start?.value),
                "eind": date(or: c.eind?.value),
                "ring": .object(or: c.ring.map { ["code": .string($0), "label": .string(Vocabulary.ringLabel($0))] }),
                "deelnemers": deelnemerRows(c),
                // "Kleur bekennen": the gemeenten of which no variant is known for this coalitie.
                "geen_keuze": .objects(undecided), "has_geen_keuze": .bool(!undecided.isEmpty && c.isCurrent),
                "opgaven": opgaveRefs(c.opgaven),
                "stappen": .objects(steps),
                "has_stappen": .bool(!c.stappen.isEmpty),
                "updates": updateItems(relations.updatesByCoalitie[slug] ?? []),
                "besluiten": besluitItems(relations.besluitenByCoalitie[slug] ?? []),
            ])),
        ])
    }

    func gemeenten() -> Fields {
        merge(base(.gemeenten, titel: "Gemeenten", beschrijving: "De zeven gemeenten van de Drechtsteden en wat de regio voor elk van hen doet."),
              ["gemeenten": .objects(model.gemeenten.map(gemeenteItem))])
    }

    func gemeente(_ g: Gemeente) -> Fields {
        let slug = g.info.slug
        let coalitionIndices = relations.coalitiesByPartij[slug] ?? []
        let mix = Participation(model: model, relations: relations).of(slug, on: now)
        let komtEraan = agenda.forGemeente(slug)
        /// A coalitie as this gemeente takes part in it: marked by what that participation rests on.
        func item(_ i: Int) -> Fields {
            let c = model.coalities[i]
            let d = c.deelnemer(slug)
            let current = d?.period(on: now)
            // Since when this variant holds, and what it was before: what a raadslid asks first.
            let previous = d.flatMap { d -> VariantPeriod? in
                guard let current, let index = d.varianten.firstIndex(of: current), index > 0 else { return nil }
                return d.varianten[index - 1]
            }
            return merge(coalitieItem(c), merge([
                "sinds": date(or: current?.period.vanaf ?? c.start?.value),
                "vorige": .string(or: previous.map { Vocabulary.variantLabel($0.variant).lowercasedFirst }),
            ], marks((current?.provenance.grounds ?? .sourced) | c.info.provenance.grounds)))
        }
        let groups = mix.value.taking.map { entry -> Fields in
            ["variant": .object(variant(entry.variant)), "beschrijving": .string(ContentSchema.deelnamevariant.option(entry.variant)?.description ?? ""),
             "coalities": .objects(entry.coalities.map(item))]
        }
        let notTaking = mix.value.notTaking.map(item)
        let aanTafel = (relations.themasByTafelLid[slug] ?? []).map { model.themas[$0] }
            .filter { t in t.tafel.leden.contains { $0.partij.value == slug && $0.period.contains(now) } }
        let tafels = aanTafel.map { t -> Fields in
            let lid = t.tafel.leden.first { $0.partij.value == slug && $0.period.contains(now) }
            return merge(["naam": .string(t.tafel.naam), "thema": .string(t.titel), "url": .string(url(.thema(t.info.slug))),
                          "soort": .string(ContentSchema.tafelSoort.option(t.tafel.soort)?.label ?? t.tafel.soort)],
                         marks(lid?.provenance.grounds ?? .sourced))
        }
        let viaCoalities = coalitionIndices.flatMap { relations.updatesByCoalitie[model.coalities[$0].info.slug] ?? [] }
        let updateIndices = sorted((relations.updatesByGemeente[slug] ?? []) + viaCoalities)
        /// An update with the reason it is on this page.
        func updateWithReason(_ i: Int) -> Fields {
            let u = model.updates[i]
            let reden: String
            if u.gemeenten.contains(where: { $0.value == slug }) {
                reden = "noemt \(g.naam)"
            } else if let c = u.coalities.lazy.compactMap({ self.model.coalitie($0.value) }).first(where: { c in c.deelnemers.contains { $0.partij.value == slug } }) {
                reden = "via coalitie \(c.titel)"
            } else {
                reden = ""
            }
            return merge(updateItem(u), ["reden": .string(or: reden.isEmpty ? nil : reden)])
        }
        let since = now.adding(months: -12)
        let recent = timeline.concerning(gemeente: slug).filter { $0.date > since && $0.date <= now }
        let besluitViaCoalities = coalitionIndices.flatMap { relations.besluitenByCoalitie[model.coalities[$0].info.slug] ?? [] }
        let besluitIndices = sorted((relations.besluitenByGemeente[slug] ?? []) + besluitViaCoalities)
        return merge(base(.gemeente(slug), titel: g.naam, beschrijving: "Wat de regionale samenwerking doet voor \(g.naam): tafels, coalities, besluiten en nieuws.",
                          crumbs: [("Gemeenten", .gemeenten)]), [
            "gemeente": .object(merge(merge(gemeenteItem(g), body(g.info)), [
                "komt_eraan": .objects(komtEraan.prefix(5).map(agendaItem)), "has_komt_eraan": .bool(!komtEraan.isEmpty),
                "meer_agenda": .bool(komtEraan.count > 5), "agenda_url": .string(url(.agenda)),
                "ics_url": .string(SitePaths.resolve(AgendaCalendar.path(gemeente: slug), basePath: basePath)),
                "cbs_code": .string(g.cbsCode ?? ""), "has_cbs_code": .bool(g.cbsCode != nil),
                "inwoners": .string(g.inwoners.map(Self.formatNumber) ?? ""), "has_inwoners": .bool(g.inwoners != nil),
                "website": .string(g.website ?? ""), "has_website": .bool(g.website != nil),
                "raad_url": .string(g.raadURL ?? ""), "has_raad_url": .bool(g.raadURL != nil),
                "varianten": .objects(groups), "has_coalities": .bool(!groups.isEmpty),
                "niet_deelname": .objects(notTaking), "has_niet_deelname": .bool(!notTaking.isEmpty),
                "tafels": .objects(tafels), "has_tafels": .bool(!tafels.isEmpty),
                "updates": .objects(updateIndices.prefix(5).map(updateWithReason)),
                "meer_updates": .bool(updateIndices.count > 5), "aantal_updates": .int(updateIndices.count),
                "kort": .object(merge([
                    "veranderd": .string(recent.isEmpty ? "Geen veranderingen in de laatste twaalf maanden"
                        : "\(Vocabulary.plural(recent.count, "verandering", "veranderingen")) in de laatste twaalf maanden"),
                    "komt": .string(komtEraan.isEmpty ? "Niets op de agenda"
                        : "\(Vocabulary.plural(komtEraan.count, "punt", "punten")) op de agenda, het eerste: \(komtEraan[0].titel)"),
                    "tafels": .string(aanTafel.isEmpty ? "Geen" : aanTafel.map(\.tafel.naam).joined(separator: ", ")),
                ], marks(Grounds(example: recent.contains { $0.voorbeeld })))),
                "besluiten": besluitItems(besluitIndices),
                "map_url": .string(or: maps.gemeenteURL(slug, basePath: basePath)),
                "feed_url": .string(SitePaths.resolve(MachineOutputs.feedPath(gemeente: slug), basePath: basePath)),
                "veranderingen_url": .string(url(.veranderingenGemeente(slug))),
            ])),
        ])
    }

    static func formatNumber(_ n: Int) -> String {
        // Dutch thousands separator.
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }

    func opgaven() -> Fields {
        merge(base(.opgaven, titel: "Opgaven", beschrijving: "De regionale opgaven en hoe ze van elkaar afhangen.",
                   crumbs: [("Groeiperspectief", .groeiperspectief)]),
              ["opgaven": .objects(model.opgaven.map(opgaveItem))])
    }

    func opgave(_ o: Opgave) -> Fields {
        let slug = o.info.slug
        return merge(base(.opgave(slug), titel: o.titel, beschrijving: o.samenvatting,
                          crumbs: [("Groeiperspectief", .groeiperspectief), ("Opgaven", .opgaven)]), [
            "opgave": .object(merge(merge(opgaveItem(o), body(o.info)), [
                "themas": themaRefs(o.themas),
                "afhankelijk_van": dependencies(o),
                "voorwaarde_voor": .objects((relations.dependents[slug] ?? []).map { i -> Fields in
                    let dependent = model.opgaven[i]
                    let edge = dependent.afhankelijkVan.first { $0.opgave.value == slug }
                    return merge(opgaveItem(dependent), marks(edge?.provenance.grounds ?? .sourced))
                }),
                "coalities": coalitieItems(relations.coalitiesByOpgave[slug] ?? []),
                "vanaf": datedFact(o.period.vanaf, o.vanafProvenance),
            ])),
        ])
    }

    func partners() -> Fields {
        merge(base(.partners, titel: "Partners", beschrijving: "Overheden, bedrijven, kennisinstellingen en maatschappelijke organisaties waarmee de Drechtsteden samenwerken."), [
            "soorten": .objects(ContentSchema.soort.options.compactMap { option -> Fields? in
                let items = model.partners.filter { $0.soort == option.value }
                guard !items.isEmpty else { return nil }
                return ["label": .string(option.label), "partners": .objects(items.map { p -> Fields in
                    ["naam": .string(p.naam), "slug": .string(p.info.slug), "website": .string(p.website ?? ""), "has_website": .bool(p.website != nil),
                     "body_html": .string(p.info.body.html),
                     "coalities": .objects((relations.coalitiesByPartij[p.info.slug] ?? []).map { i -> Fields in
                         let c = model.coalities[i]
                         let d = c.deelnemer(p.info.slug)
                         return merge(coalitieItem(c), marks((d?.grounds ?? .sourced) | c.info.provenance.grounds))
                     })].merging(marks(p.info.provenance.grounds)) { a, _ in a }
                })]
            }),
        ])
    }

    func pagina(_ p: Pagina) -> Fields {
        merge(base(.pagina(p.info.slug), titel: p.titel, beschrijving: p.samenvatting),
              ["pagina": .object(merge(["titel": .string(p.titel), "samenvatting": .string(p.samenvatting)], body(p.info)))])
    }
}
