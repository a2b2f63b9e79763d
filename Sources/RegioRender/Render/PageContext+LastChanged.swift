import RegioContent
import RegioTemplates

// "Laatst gewijzigd" under a page: the latest date of the facts the page itself shows, up to
// `now`. Never the clock and never a file's time: the same content gives the same date. A page
// without dated facts of its own (the lists of everything, the agenda, the home page) has none.
extension PageContextBuilder {
    /// A dated fact and whether it is example data.
    private typealias Dated = (day: Day, example: Bool)

    /// The date, marked `voorbeeld` when only example data has that latest date; false when none.
    func lastChangedValue(_ page: Page) -> TemplateValue {
        let dated = lastChangedFacts(page).filter { $0.day <= now }
        guard let latest = dated.map(\.day).max(), case .object(var fields) = date(latest) else { return false }
        fields["voorbeeld"] = .bool(dated.allSatisfy { $0.day != latest || $0.example })
        fields["redactie"] = false
        return .object(fields)
    }

    private func lastChangedFacts(_ page: Page) -> [Dated] {
        switch page {
        case .update(let s):
            return updateIndex[s].map { [fact(model.updates[$0])] } ?? []
        case .besluit(let s):
            // An expected besluit's date is still to come: it has not changed yet.
            return besluitIndex[s].map { [fact(model.besluiten[$0])] } ?? []
        case .updates(let n):
            let perPage = model.settings.updatesPerPagina
            return model.updates.dropFirst((n - 1) * perPage).prefix(perPage).map(fact)
        case .besluiten:
            return model.besluiten.map(fact)
        case .coalitie(let s):
            guard let c = model.coalitie(s) else { return [] }
            return coalitieFacts(c) + (relations.updatesByCoalitie[s] ?? []).map { fact(model.updates[$0]) }
                + (relations.besluitenByCoalitie[s] ?? []).map { fact(model.besluiten[$0]) }
        case .opgave(let s):
            guard let o = model.opgave(s) else { return [] }
            return o.period.dates.map { ($0, o.info.voorbeeld) }
                + (relations.coalitiesByOpgave[s] ?? []).flatMap { coalitieFacts(model.coalities[$0]) }
        case .gemeente(let s), .veranderingenGemeente(let s):
            // The same events as its change page: coalities, deelname, opgaven, besluiten, updates.
            let g = model.gemeente(s)
            return timeline.concerning(gemeente: s).map(fact) + [g?.inwonersPeildatum].compactMap { $0 }.map { ($0, g?.info.voorbeeld ?? false) }
        case .thema(let s), .veranderingenThema(let s):
            return timeline.concerning(thema: s).map(fact)
        case .veranderingenGemeenteJaar(let s, let year):
            return timeline.concerning(gemeente: s).filter { $0.date.year == year }.map(fact)
        case .veranderingenThemaJaar(let s, let year):
            return timeline.concerning(thema: s).filter { $0.date.year == year }.map(fact)
        case .pagina(let s):
            guard let p = paginaIndex[s].map({ model.paginas[$0] }), let day = p.bijgewerkt else { return [] }
            return [(day, p.info.voorbeeld)]
        default:
            return []
        }
    }

    private func fact(_ u: Update) -> Dated { (u.datum, u.info.voorbeeld) }
    private func fact(_ b: Besluit) -> Dated { (b.datum, b.info.voorbeeld) }
    private func fact(_ e: ChangeEvent) -> Dated { (e.date, e.voorbeeld) }

    /// A coalitie's own dated facts: start, end, steps and every participant's variant periods.
    private func coalitieFacts(_ c: Coalitie) -> [Dated] {
        var facts = ([c.start?.value, c.eind?.value].compactMap { $0 } + c.stappen.map(\.datum)).map { ($0, c.info.voorbeeld) }
        for d in c.deelnemers {
            for v in d.varianten {
                facts += v.period.dates.map { ($0, c.info.voorbeeld || v.provenance.isExample) }
            }
        }
        return facts
    }
}
