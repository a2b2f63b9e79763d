import RegioContent
import RegioTemplates

/// How provenance reaches the templates: the marks every item carries, the "Bron:" line of
/// an entity page, the source register page, and the page-wide notices, which are derived
/// from the marks actually on the page rather than declared by each page.
extension PageContextBuilder {
    /// `voorbeeld` and `redactie` flags for an item, list or count derived from `grounds`.
    func marks(_ grounds: Grounds) -> Fields {
        ["voorbeeld": .bool(grounds.example), "redactie": .bool(grounds.editorial)]
    }

    /// Where an entity's data comes from, for the line under its text (`partials/bron`).
    func herkomst(_ provenance: Provenance) -> Fields {
        let citations = provenance.citations.map { citation -> Fields in
            let bron = model.bron(citation.document)
            return [
                "titel": .string(bron?.titel ?? citation.document),
                "url": .string(url(.bronnen) + "#bron-" + citation.document),
                "datum": date(or: bron?.datum),
                "deel": .string(or: citation.deel),
            ]
        }
        return ["herkomst": .object(merge(marks(provenance.grounds), [
            "bronnen": .objects(citations), "has_bronnen": .bool(!citations.isEmpty),
        ]))]
    }

    /// A date with what it rests on ("op de agenda sinds"), or false.
    func datedFact(_ day: Day?, _ provenance: Provenance?) -> TemplateValue {
        guard let day else { return false }
        guard case .object(var fields) = date(day) else { return date(day) }
        fields.merge(marks(provenance?.grounds ?? .sourced)) { _, new in new }
        return .object(fields)
    }

    /// The source register: each document, and every page that rests on it.
    func bronnen() -> Fields {
        var users: [String: [(titel: String, page: Page)]] = [:]
        func note(_ info: EntityInfo, _ titel: String, _ page: Page, _ extra: [Provenance] = []) {
            var seen = Set<String>()
            for citation in ([info.provenance] + extra).flatMap(\.citations) where seen.insert(citation.document).inserted {
                users[citation.document, default: []].append((titel, page))
            }
        }
        for t in model.themas { note(t.info, "Thema: \(t.titel)", .thema(t.info.slug), [t.tafel.provenance] + t.tafel.leden.map(\.provenance)) }
        for o in model.opgaven {
            note(o.info, "Opgave: \(o.titel)", .opgave(o.info.slug),
                 o.afhankelijkVan.map(\.provenance) + [o.vanafProvenance, o.totProvenance].compactMap { $0 })
        }
        for c in model.coalities {
            note(c.info, "Coalitie: \(c.titel)", .coalitie(c.info.slug), c.deelnemers.flatMap { [$0.provenance] + $0.varianten.map(\.provenance) })
        }
        for g in model.gemeenten { note(g.info, "Gemeente: \(g.naam)", .gemeente(g.info.slug)) }
        for p in model.partners { note(p.info, "Partner: \(p.naam)", .partners) }
        for b in model.besluiten { note(b.info, "Besluit: \(b.titel)", .besluit(b.info.slug)) }
        for u in model.updates { note(u.info, "Update: \(u.titel)", .update(u.info.slug)) }
        for p in model.paginas { note(p.info, p.titel, .pagina(p.info.slug)) }
        // The footer's contact block is on every page; the register names it with the home page.
        for document in Set(model.settings.contact?.provenance?.citations.map(\.document) ?? []) {
            users[document, default: []].append(("Contactgegevens onderaan elke pagina", .home))
        }
        let documents = model.bronnen.map { b -> Fields in
            let pages = users[b.info.slug] ?? []
            return [
                "slug": .string(b.info.slug), "titel": .string(b.titel), "auteur": .string(b.auteur), "datum": date(b.datum),
                "soort": .string(ContentSchema.bronSoort.option(b.soort)?.label ?? b.soort),
                "kenmerk": .string(or: b.kenmerk), "link": .string(or: b.link), "samenvatting": .string(b.samenvatting),
                "body_html": .string(b.info.body.html),
                "paginas": .objects(pages.map { ["titel": .string($0.titel), "url": .string(url($0.page))] }),
                "aantal_paginas": .string(Vocabulary.plural(pages.count, "pagina", "pagina's")),
            ]
        }
        return merge(base(.bronnen, titel: "Bronnen", beschrijving: "De documenten waarop de gegevens van dit portaal rusten, en wat op elk document rust."), [
            "bronnen": .objects(documents),
            "has_bronnen": .bool(!documents.isEmpty),
        ])
    }

    /// The glossary: every term with its abbreviation and explanation.
    func begrippenPage() -> Fields {
        merge(base(.begrippen, titel: "Begrippen", beschrijving: "Wat de woorden en afkortingen op dit portaal betekenen."), [
            "begrippen": .objects(model.begrippen.map { b -> Fields in
                merge(merge([
                    "slug": .string(b.info.slug), "titel": .string(b.titel), "afkorting": .string(or: b.afkorting),
                    "uitleg": .string(b.uitleg), "body_html": .string(b.info.body.html),
                ], herkomst(b.info.provenance)), marks(b.info.provenance.grounds))
            }),
            "has_begrippen": .bool(!model.begrippen.isEmpty),
        ])
    }

    /// Sets `page.voorbeeld` and `page.redactie` when anything on the page carries that mark,
    /// so that every page showing a mark also shows what it means, whoever wrote the page.
    static func markPage(_ fields: inout Fields) {
        var found = Grounds()
        for (key, value) in fields where key != "page" { scan(value, &found) }
        guard found.example || found.editorial, case .object(var page)? = fields["page"] else { return }
        if found.example { page["voorbeeld"] = true }
        if found.editorial { page["redactie"] = true }
        fields["page"] = .object(page)
    }

    private static func scan(_ value: TemplateValue, _ found: inout Grounds) {
        switch value {
        case .object(let object):
            if case .bool(true)? = object["voorbeeld"] { found.example = true }
            if case .bool(true)? = object["redactie"] { found.editorial = true }
            for (_, child) in object where !(found.example && found.editorial) { scan(child, &found) }
        case .list(let items):
            for item in items where !(found.example && found.editorial) { scan(item, &found) }
        default:
            break
        }
    }
}
