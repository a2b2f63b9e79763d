import RegioContent

// "Laatst gewijzigd" under a page: the latest date of the facts the page itself shows, up to
// `now`. Never the clock and never a file's time: the same content gives the same date. A page
// without dated facts of its own (the lists of everything, the agenda, the home page) has none.
extension PageContextBuilder {
    func lastChanged(_ page: Page) -> Day? {
        var days: [Day] = []
        switch page {
        case .update(let s):
            days = updateIndex[s].map { [model.updates[$0].datum] } ?? []
        case .besluit(let s):
            // An expected besluit's date is still to come: it has not changed yet.
            days = besluitIndex[s].map { [model.besluiten[$0].datum] } ?? []
        case .updates(let n):
            let perPage = model.settings.updatesPerPagina
            days = model.updates.dropFirst((n - 1) * perPage).prefix(perPage).map(\.datum)
        case .besluiten:
            days = model.besluiten.map(\.datum)
        case .coalitie(let s):
            guard let c = model.coalitie(s) else { return nil }
            days = coalitieDays(c)
            days += (relations.updatesByCoalitie[s] ?? []).map { model.updates[$0].datum }
            days += (relations.besluitenByCoalitie[s] ?? []).map { model.besluiten[$0].datum }
        case .opgave(let s):
            guard let o = model.opgave(s) else { return nil }
            days = [o.period.vanaf, o.period.tot].compactMap { $0 }
            for i in relations.coalitiesByOpgave[s] ?? [] { days += coalitieDays(model.coalities[i]) }
        case .gemeente(let s), .veranderingenGemeente(let s):
            // The same events as its change page: coalities, deelname, opgaven, besluiten, updates.
            days = timeline.concerning(gemeente: s).map(\.date) + [model.gemeente(s)?.inwonersPeildatum].compactMap { $0 }
        case .thema(let s), .veranderingenThema(let s):
            days = timeline.concerning(thema: s).map(\.date)
        case .veranderingenGemeenteJaar(let s, let year):
            days = timeline.concerning(gemeente: s).map(\.date).filter { $0.year == year }
        case .veranderingenThemaJaar(let s, let year):
            days = timeline.concerning(thema: s).map(\.date).filter { $0.year == year }
        case .pagina(let s):
            days = paginaIndex[s].flatMap { model.paginas[$0].bijgewerkt }.map { [$0] } ?? []
        default:
            return nil
        }
        return days.filter { $0 <= now }.max()
    }

    /// The dates of a coalitie's own facts: start, end, steps and every participant's variant periods.
    private func coalitieDays(_ c: Coalitie) -> [Day] {
        var days = [c.start?.value, c.eind?.value].compactMap { $0 } + c.stappen.map(\.datum)
        for d in c.deelnemers { for v in d.varianten { days += [v.period.vanaf, v.period.tot].compactMap { $0 } } }
        return days
    }
}
