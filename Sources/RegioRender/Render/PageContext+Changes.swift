import RegioContent
import RegioMarkdown
import RegioSupport
import RegioTemplates

// The change pages of a gemeente or a thema.
extension PageContextBuilder {
    func eventItem(_ e: ChangeEvent, datum: TemplateValue) -> Fields {
        let steps = ContentSchema.stap.values
        let tekst: String
        switch e.kind {
        case .coalitieGestart: tekst = "Coalitie gestart"
        case .coalitieBeeindigd: tekst = "Coalitie beëindigd"
        case .stapBereikt(let stap):
            tekst = "Stap \((steps.firstIndex(of: stap) ?? 0) + 1) van \(steps.count) bereikt: \(Vocabulary.stapLabel(stap).lowercasedFirst)"
        case .variantGewijzigd(let partij, let from, let to):
            let naam = model.partijNaam(partij) ?? partij
            if let from {
                tekst = "\(naam): deelname van \(Vocabulary.variantLabel(from).lowercasedFirst) naar \(Vocabulary.variantLabel(to).lowercasedFirst)"
            } else {
                tekst = "\(naam) doet mee als \(Vocabulary.variantLabel(to).lowercasedFirst)"
            }
        case .opgaveNieuw: tekst = "Nieuwe opgave op de agenda"
        case .opgaveBeeindigd: tekst = "Opgave van de agenda"
        case .besluit: tekst = "Besluit genomen"
        case .update: tekst = "Update gepubliceerd"
        }
        var soort = "overig"
        switch e.kind {
        case .coalitieGestart, .coalitieBeeindigd, .stapBereikt: soort = "coalitie"
        case .variantGewijzigd: soort = "deelname"
        case .opgaveNieuw, .opgaveBeeindigd: soort = "opgave"
        case .besluit: soort = "besluit"
        case .update: soort = "update"
        }
        return ["datum": datum, "tekst": .string(tekst), "titel": .string(e.titel), "url": .string(url(e.page)),
                "soort": .string(soort), "voorbeeld": .bool(e.voorbeeld)]
    }

    /// "Wat is er veranderd": the last 3, 6 and 12 months before `now`, then every year. A long
    /// one (more than `veranderingen_per_pagina` events) keeps the periods and links to a page
    /// per year (`year` set), so no page grows with the whole history.
    func veranderingen(_ page: Page, naam: String, crumbs: [(String, Page)], events: [ChangeEvent],
                       splitYears: [Int], yearPage: (Int) -> Page, year: Int? = nil) -> Fields {
        // Newest first, each item made once: every period and every year is a run of this list
        // (events are in date order), and recent events show in several periods.
        let newestFirst = Array(events.reversed())
        var dates: [Day: TemplateValue] = [:]
        func item(_ e: ChangeEvent) -> TemplateValue {
            let datum = dates[e.date] ?? date(e.date)
            dates[e.date] = datum
            return .object(eventItem(e, datum: datum))
        }
        func section(_ titel: String, id: String, _ run: ArraySlice<ChangeEvent>) -> Fields {
            ["titel": .string(titel), "id": .string(id), "items": .list(run.map(item)),
             "has_items": .bool(!run.isEmpty), "aantal": .string(Vocabulary.plural(run.count, "verandering", "veranderingen"))]
        }
        // The runs of each year, newest first.
        var yearRuns: [(year: Int, run: ArraySlice<ChangeEvent>)] = []
        var runStart = 0
        while runStart < newestFirst.count {
            let y = newestFirst[runStart].date.year
            let runEnd = newestFirst[runStart...].firstIndex { $0.date.year != y } ?? newestFirst.count
            yearRuns.append((y, newestFirst[runStart..<runEnd]))
            runStart = runEnd
        }
        let perioden = year != nil ? [] : [3, 6, 12].map { months -> Fields in
            let since = now.adding(months: -months)
            return section("Afgelopen \(months) maanden", id: "maanden-\(months)", newestFirst.prefix { $0.date > since })
        }
        let split = !splitYears.isEmpty
        let jaren = yearRuns.filter { !split || $0.year == year }.map { section(String($0.year), id: "jaar-\($0.year)", $0.run) }
        // A split page's years: on the main page with their counts, on a year page to go to
        // another (without counts: a year page's input is its own year's events).
        var perJaar: TemplateValue = false
        if split {
            let counts = Dictionary(uniqueKeysWithValues: yearRuns.map { ($0.year, $0.run.count) })
            func link(_ y: Int) -> Fields { ["jaar": .int(y), "url": .string(url(yearPage(y)))] }
            let position = year.flatMap { splitYears.firstIndex(of: $0) }
            perJaar = .object([
                "items": .objects(splitYears.map { y in
                    merge(link(y), ["huidig": .bool(y == year),
                                    "aantal": year != nil ? false : .string(Vocabulary.plural(counts[y] ?? 0, "verandering", "veranderingen"))])
                }),
                // Years are newest first: the previous year is the next in the list.
                "vorige": .object(or: position.flatMap { $0 + 1 < splitYears.count ? link(splitYears[$0 + 1]) : nil }),
                "volgende": .object(or: position.flatMap { $0 > 0 ? link(splitYears[$0 - 1]) : nil }),
            ])
        }
        var titel = "Wat is er veranderd voor \(naam)"
        var beschrijving = "Coalities, deelname, opgaven, besluiten en updates per periode, tot \(Vocabulary.date(now))."
        var trail = crumbs
        if let year {
            trail.append(("Wat is er veranderd", mainPage(of: page)))
            titel += " in \(year)"
            beschrijving = "Coalities, deelname, opgaven, besluiten en updates in \(year)."
        }
        let shown = year.map { y in events.contains { $0.date.year == y } } ?? !events.isEmpty
        return merge(base(page, titel: titel, beschrijving: beschrijving, crumbs: trail), [
            "naam": .string(naam),
            "peildatum": date(now),
            "perioden": .objects(perioden),
            "jaren": .objects(jaren),
            "per_jaar": perJaar,
            "is_jaarpagina": .bool(year != nil),
            "has_events": .bool(shown),
        ])
    }

    /// The change page a year page belongs to.
    private func mainPage(of page: Page) -> Page {
        switch page {
        case .veranderingenGemeenteJaar(let s, _): return .veranderingenGemeente(s)
        case .veranderingenThemaJaar(let s, _): return .veranderingenThema(s)
        default: return page
        }
    }

    /// The search page. Without JavaScript it is an overview of every page by kind.
}
