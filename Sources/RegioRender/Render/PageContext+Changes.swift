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

    /// "Wat is er veranderd": the last 3, 6 and 12 months before `now`, then every year.
    func veranderingen(_ page: Page, naam: String, crumbs: [(String, Page)], events: [ChangeEvent]) -> Fields {
        // Newest first, each item made once: every period and every year is a run of this list
        // (events are in date order), and recent events show in several periods.
        let newestFirst = Array(events.reversed())
        var dates: [Day: TemplateValue] = [:]
        let items = newestFirst.map { e -> TemplateValue in
            let datum = dates[e.date] ?? date(e.date)
            dates[e.date] = datum
            return .object(eventItem(e, datum: datum))
        }
        func section(_ titel: String, id: String, _ run: Range<Int>) -> Fields {
            ["titel": .string(titel), "id": .string(id), "items": .list(Array(items[run])),
             "has_items": .bool(!run.isEmpty), "aantal": .string(Vocabulary.plural(run.count, "verandering", "veranderingen"))]
        }
        let periods = [3, 6, 12].map { months -> Fields in
            let since = now.adding(months: -months)
            return section("Afgelopen \(months) maanden", id: "maanden-\(months)", 0..<(newestFirst.firstIndex { $0.date <= since } ?? newestFirst.count))
        }
        var yearSections: [Fields] = []
        var runStart = 0
        while runStart < newestFirst.count {
            let year = newestFirst[runStart].date.year
            let runEnd = newestFirst[runStart...].firstIndex { $0.date.year != year } ?? newestFirst.count
            yearSections.append(section(String(year), id: "jaar-\(year)", runStart..<runEnd))
            runStart = runEnd
        }
        let titel = "Wat is er veranderd voor \(naam)"
        return merge(base(page, titel: titel, beschrijving: "Coalities, deelname, opgaven, besluiten en updates per periode, tot \(Vocabulary.date(now)).",
                          crumbs: crumbs), [
            "naam": .string(naam),
            "peildatum": date(now),
            "perioden": .objects(periods),
            "jaren": .objects(yearSections),
            "has_events": .bool(!events.isEmpty),
        ])
    }

    /// The search page. Without JavaScript it is an overview of every page by kind.
}
