import Foundation

/// A seeded random number generator (SplitMix64): the same seed gives the same site and the
/// same edits on every machine, so a failure names a seed that reproduces it.
package struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A valid site generated from a seed, held as entities so that edits keep it valid: 3
/// gemeenten, 4 thema's with tafels, 6 opgaven that depend on earlier ones, 5 coalities with
/// deelnemers and varianten, 40 updates, 6 besluiten (one expected), 3 pagina's and 1 bron,
/// each with provenance. ``files`` writes it out as `Content/` path → text; ``edit(_:)``
/// changes one thing at random, as an editor would.
package struct GeneratedSite {
    package struct Gemeente { var slug, naam, body: String; var bron: Bool }
    package struct Thema { var slug, titel, samenvatting, tafel, body: String; var leden: [String]; var volgorde: Int? }
    package struct Opgave { var slug, titel, samenvatting, body: String; var themas, afhankelijk: [String] }
    package struct Deelnemer { var partij: String; var varianten: [(variant: String, vanaf: String?)] }
    package struct Coalitie {
        var slug, titel, samenvatting, status, start, body: String
        var themas, opgaven: [String]
        var deelnemers: [Deelnemer]
    }
    package struct Besluit {
        var slug, titel, datum, orgaan, uitkomst, body: String
        var verwacht: Bool
        var gemeenten, themas, coalities: [String]
        var deel: String?
    }
    package struct Update {
        var slug, titel, datum, auteur, samenvatting, body: String
        var themas, gemeenten, coalities: [String]
        var draft: Bool
        var deel: String?
    }
    package struct Pagina { var slug, titel, samenvatting, body: String; var menu: Int? }

    package var random: SeededRandom
    package var titel = "Gegenereerd portaal"
    package var perPagina = 4
    package var peildatum: String? = "2026-06-30"
    /// Low, so that some change pages are split per year and edits move them across the line.
    package var veranderingenPerPagina = 12
    package var bronTitel = "Rapport over de samenwerking"
    package var gemeenten: [Gemeente] = []
    package var themas: [Thema] = []
    package var opgaven: [Opgave] = []
    package var coalities: [Coalitie] = []
    package var besluiten: [Besluit] = []
    package var updates: [Update] = []
    package var paginas: [Pagina] = []
    /// Numbers new slugs and edited words, so that every edit changes something.
    private var counter = 0

    static let variants = ["volledig", "solidariteit", "instap", "geen"]
    static let statuses = ["verkenning", "lopend", "afgerond", "vervallen", "onbekend"]
    static let words = ["samen", "regio", "woningen", "energie", "werk", "zorg", "bereikbaarheid", "raad", "plan", "afspraak"]

    package init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        gemeenten = [("dordrecht", "Dordrecht"), ("sliedrecht", "Sliedrecht"), ("zwijndrecht", "Zwijndrecht")].enumerated().map { i, g in
            Gemeente(slug: g.0, naam: g.1, body: "\(g.1) doet mee.\n", bron: i == 0)
        }
        for (i, name) in ["wonen", "energie", "economie", "zorg"].enumerated() {
            themas.append(Thema(slug: name, titel: name.capitalized, samenvatting: "Over \(name).", tafel: "Tafel \(name)",
                                body: "## Ambitie\n\n\(sentence()).\n", leden: pick(gemeenten.map(\.slug), 1...3), volgorde: i % 2 == 0 ? i : nil))
        }
        for i in 0..<6 {
            let earlier = opgaven.map(\.slug)
            opgaven.append(Opgave(slug: "opgave-\(i + 1)", titel: "Opgave \(i + 1)", samenvatting: sentence() + ".", body: sentence() + ".\n",
                                  themas: pick(themas.map(\.slug), 1...2), afhankelijk: earlier.isEmpty ? [] : pick(earlier, 0...2)))
        }
        for i in 0..<5 {
            coalities.append(Coalitie(slug: "coalitie-\(i + 1)", titel: "Coalitie \(i + 1)", samenvatting: sentence() + ".",
                                      status: Self.statuses[i % Self.statuses.count], start: "202\(3 + i % 3)-0\(1 + i)-01", body: "## Doel\n\n\(sentence()).\n",
                                      themas: pick(themas.map(\.slug), 1...2), opgaven: pick(opgaven.map(\.slug), 0...2),
                                      deelnemers: pick(gemeenten.map(\.slug), 1...3).map { deelnemer($0) }))
        }
        for i in 0..<40 { updates.append(newUpdate(number: i + 1)) }
        for i in 0..<5 { besluiten.append(newBesluit(number: i + 1)) }
        besluiten.append(Besluit(slug: "2027-03-01-verwacht", titel: "Verwacht besluit", datum: "2027-03-01", orgaan: "De gemeenteraden",
                                 uitkomst: "Vaststellen van de kaders", body: "Komt eraan.\n", verwacht: true, gemeenten: [], themas: ["wonen"],
                                 coalities: [], deel: "bijlage"))
        paginas = [
            Pagina(slug: "deelnamevarianten", titel: "Deelnamevarianten", samenvatting: "Hoe gemeenten meedoen.", body: "Vier varianten.\n", menu: 1),
            Pagina(slug: "groeiperspectief-uitleg", titel: "Over het groeiperspectief", samenvatting: "Hoe de kaart werkt.", body: "Uitleg.\n", menu: nil),
            Pagina(slug: "ringen", titel: "Ringen", samenvatting: "De indeling van 2013.", body: "Vier ringen.\n", menu: 2),
        ]
    }

    // MARK: Random parts

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func one<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    private mutating func pick(_ items: [String], _ count: ClosedRange<Int>) -> [String] {
        Array(items.shuffled(using: &random).prefix(int(count.lowerBound...min(count.upperBound, items.count)))).sorted()
    }
    private mutating func sentence() -> String {
        (0..<int(3...7)).map { _ in one(Self.words) }.joined(separator: " ").capitalizedFirst
    }
    private mutating func date(_ years: ClosedRange<Int> = 2023...2026) -> String {
        String(format: "%04d-%02d-%02d", int(years), int(1...10), int(1...28))
    }
    private mutating func next() -> Int { counter += 1; return counter }

    private mutating func deelnemer(_ partij: String) -> Deelnemer {
        if chance(0.5) { return Deelnemer(partij: partij, varianten: [(one(Self.variants), nil)]) }
        let first = int(2023...2024)
        return Deelnemer(partij: partij, varianten: [(one(Self.variants), "\(first)-01-01"), (one(Self.variants), "\(first + 1)-03-01")])
    }

    private mutating func newUpdate(number: Int) -> Update {
        Update(slug: "update-\(number)", titel: "Update \(number), \(sentence())", datum: date(), auteur: one(["Redactie", "Communicatie"]),
               samenvatting: sentence() + ".", body: body(),
               themas: pick(themas.map(\.slug), 0...2), gemeenten: pick(gemeenten.map(\.slug), 0...2), coalities: pick(coalities.map(\.slug), 0...1),
               draft: chance(0.05), deel: chance(0.2) ? "p. \(number)" : nil)
    }

    private mutating func newBesluit(number: Int) -> Besluit {
        let datum = date(2023...2026)
        return Besluit(slug: "\(datum)-besluit-\(number)", titel: "Besluit \(number)", datum: datum, orgaan: "Gemeenteraad Dordrecht",
                       uitkomst: "Aangenomen", body: sentence() + ".\n", verwacht: false, gemeenten: pick(gemeenten.map(\.slug), 0...2),
                       themas: pick(themas.map(\.slug), 0...1), coalities: pick(coalities.map(\.slug), 0...1), deel: chance(0.5) ? "bijlage \(number)" : nil)
    }

    /// Markdown with emphasis, sometimes a heading and a link to a thema (which is never renamed).
    private mutating func body() -> String {
        var text = "\(sentence()) met *\(one(Self.words))*.\n"
        if chance(0.3) { text += "\n## \(one(Self.words).capitalizedFirst)\n\nMeer.\n" }
        if chance(0.3) { text += "\nZie [het thema](/themas/\(one(themas.map(\.slug)))/).\n" }
        return text
    }

    // MARK: Files

    private static func list(_ slugs: [String]) -> String { "[" + slugs.joined(separator: ", ") + "]" }
    private static func bron(_ deel: String?) -> String { deel.map { "bron: { document: rapport, deel: \"\($0)\" }" } ?? "voorbeeld: true" }

    /// The whole of `Content/`, path → text.
    package var files: [String: String] {
        var files: [String: String] = [:]
        files["Content/site.yml"] = "titel: \(titel)\nbeschrijving: Een gegenereerd portaal.\nbase_url: https://portaal.test/\nupdates_per_pagina: \(perPagina)\n"
            + (peildatum.map { "peildatum: \($0)\n" } ?? "") + "veranderingen_per_pagina: \(veranderingenPerPagina)\n"
        files["Content/bronnen/rapport.yml"] = "titel: \(bronTitel)\nauteur: Adviesbureau\ndatum: 2024-05-29\nsoort: rapport\nsamenvatting: Een advies.\n"
        for g in gemeenten {
            files["Content/gemeenten/\(g.slug).md"] = "---\nnaam: \(g.naam)\n\(g.bron ? "bron: rapport" : "voorbeeld: true")\n---\n\(g.body)"
        }
        for t in themas {
            files["Content/themas/\(t.slug).md"] = "---\ntitel: \(t.titel)\nsamenvatting: \(t.samenvatting)\n" + (t.volgorde.map { "volgorde: \($0)\n" } ?? "")
                + "tafel:\n  naam: \(t.tafel)\n  leden: \(Self.list(t.leden))\nvoorbeeld: true\n---\n\(t.body)"
        }
        for o in opgaven {
            files["Content/opgaven/\(o.slug).md"] = "---\ntitel: \(o.titel)\nsamenvatting: \(o.samenvatting)\nthemas: \(Self.list(o.themas))\n"
                + (o.afhankelijk.isEmpty ? "" : "afhankelijk_van: \(Self.list(o.afhankelijk))\n") + "voorbeeld: true\n---\n\(o.body)"
        }
        for c in coalities {
            var text = "---\ntitel: \(c.titel)\nsamenvatting: \(c.samenvatting)\nthemas: \(Self.list(c.themas))\n"
            if !c.opgaven.isEmpty { text += "opgaven: \(Self.list(c.opgaven))\n" }
            text += "status: \(c.status)\nstart: \(c.start)\ndeelnemers:\n"
            for d in c.deelnemers {
                text += "  - partij: \(d.partij)\n"
                if d.varianten.count == 1, d.varianten[0].vanaf == nil {
                    text += "    variant: \(d.varianten[0].variant)\n"
                } else {
                    text += "    varianten:\n" + d.varianten.map { "      - { variant: \($0.variant), vanaf: \($0.vanaf!) }\n" }.joined()
                }
            }
            files["Content/coalities/\(c.slug).md"] = text + "voorbeeld: true\n---\n\(c.body)"
        }
        for b in besluiten {
            var text = "---\ntitel: \(b.titel)\n"
            text += b.verwacht ? "datum: { datum: \(b.datum), redactie: true }\nstatus: verwacht\nperiode: voorjaar\n" : "datum: \(b.datum)\n"
            text += "orgaan: \(b.orgaan)\nuitkomst: \(b.uitkomst)\n"
            for (key, slugs) in [("gemeenten", b.gemeenten), ("themas", b.themas), ("coalities", b.coalities)] where !slugs.isEmpty {
                text += "\(key): \(Self.list(slugs))\n"
            }
            files["Content/besluiten/\(b.slug).md"] = text + Self.bron(b.deel) + "\n---\n\(b.body)"
        }
        for u in updates {
            var text = "---\ntitel: \(u.titel)\ndatum: \(u.datum)\nauteur: \(u.auteur)\nsamenvatting: \(u.samenvatting)\n"
            for (key, slugs) in [("themas", u.themas), ("gemeenten", u.gemeenten), ("coalities", u.coalities)] where !slugs.isEmpty {
                text += "\(key): \(Self.list(slugs))\n"
            }
            if u.draft { text += "draft: true\n" }
            files["Content/updates/\(u.slug).md"] = text + Self.bron(u.deel) + "\n---\n\(u.body)"
        }
        for p in paginas {
            files["Content/paginas/\(p.slug).md"] = "---\ntitel: \(p.titel)\nsamenvatting: \(p.samenvatting)\n" + (p.menu.map { "menu: \($0)\n" } ?? "")
                + "redactie: true\n---\n\(p.body)"
        }
        return files
    }

    // MARK: Edits

    /// Changes one thing of the content at random, keeping it valid, and says what.
    package mutating func edit() -> String {
        let n = next()
        switch int(0...29) {
        case 0...5:
            let i = int(0...updates.count - 1)
            updates[i].body = chance(0.7) ? updates[i].body + "Nog een zin \(n).\n" : body()
            return "body of update \(updates[i].slug)"
        case 6:
            let i = int(0...updates.count - 1)
            updates[i].titel = "Update \(n), \(sentence())"
            return "titel of update \(updates[i].slug)"
        case 7:
            let i = int(0...updates.count - 1)
            if chance(0.5) { updates[i].samenvatting = sentence() + " \(n)." } else { updates[i].auteur = "Auteur \(n)" }
            return "samenvatting or auteur of update \(updates[i].slug)"
        case 8:
            let i = int(0...updates.count - 1)
            updates[i].datum = date()
            return "datum of update \(updates[i].slug)"
        case 9:
            let i = int(0...updates.count - 1)
            switch int(0...2) {
            case 0: updates[i].themas = pick(themas.map(\.slug), 0...2)
            case 1: updates[i].gemeenten = pick(gemeenten.map(\.slug), 0...2)
            default: updates[i].coalities = pick(coalities.map(\.slug), 0...2)
            }
            return "references of update \(updates[i].slug)"
        case 10:
            let i = int(0...updates.count - 1)
            if chance(0.5) { updates[i].draft.toggle() } else { updates[i].deel = updates[i].deel == nil ? "p. \(n)" : nil }
            return "draft or voorbeeld/bron of update \(updates[i].slug)"
        case 11:
            let i = int(0...besluiten.count - 1)
            switch int(0...3) {
            case 0: besluiten[i].titel = "Besluit \(n)"
            case 1: besluiten[i].body += "Toelichting \(n).\n"
            case 2: besluiten[i].gemeenten = pick(gemeenten.map(\.slug), 0...2)
            default: besluiten[i].deel = besluiten[i].deel == nil ? "bijlage \(n)" : nil
            }
            return "besluit \(besluiten[i].slug)"
        case 12:
            guard let i = besluiten.firstIndex(where: \.verwacht) else { return edit() }
            if chance(0.5) { besluiten[i].datum = "2027-0\(int(1...9))-15" } else { besluiten[i].uitkomst = "Vaststellen \(n)" }
            return "the expected besluit's datum or uitkomst"
        case 13:
            let i = int(0...themas.count - 1)
            switch int(0...4) {
            case 0: themas[i].titel = "Thema \(n)"
            case 1: themas[i].samenvatting = sentence() + "."
            case 2: themas[i].leden = pick(gemeenten.map(\.slug), 1...3)
            case 3: themas[i].volgorde = chance(0.5) ? int(0...5) : nil
            default: themas[i].body += "Meer \(n).\n"
            }
            return "thema \(themas[i].slug) (titel, samenvatting, tafel leden, volgorde or body)"
        case 14:
            let i = int(0...opgaven.count - 1)
            switch int(0...2) {
            case 0: opgaven[i].titel = "Opgave \(n)"
            // Only earlier opgaven: the dependencies stay free of cycles.
            case 1: opgaven[i].afhankelijk = i == 0 ? [] : pick(opgaven[..<i].map(\.slug), 0...2)
            default: opgaven[i].themas = pick(themas.map(\.slug), 1...2)
            }
            return "opgave \(opgaven[i].slug) (titel, afhankelijk_van or themas)"
        case 15...16:
            let i = int(0...coalities.count - 1)
            switch int(0...4) {
            case 0: coalities[i].titel = "Coalitie \(n)"
            case 1: coalities[i].status = one(Self.statuses)
            case 2:
                let d = int(0...coalities[i].deelnemers.count - 1)
                coalities[i].deelnemers[d] = deelnemer(coalities[i].deelnemers[d].partij)
            case 3: coalities[i].deelnemers = pick(gemeenten.map(\.slug), 1...3).map { deelnemer($0) }
            default: coalities[i].body += "Aanpak \(n).\n"
            }
            return "coalitie \(coalities[i].slug) (titel, status, a deelnemer's variant, deelnemers or body)"
        case 17:
            let i = int(0...gemeenten.count - 1)
            if chance(0.5) { gemeenten[i].naam += " \(n)" } else { gemeenten[i].body += "Nieuws \(n).\n" }
            return "gemeente \(gemeenten[i].slug)"
        case 18:
            let i = int(0...paginas.count - 1)
            switch int(0...2) {
            case 0: paginas[i].titel += " \(n)"
            case 1: paginas[i].menu = chance(0.5) ? int(1...3) : nil
            default: paginas[i].body += "Extra \(n).\n"
            }
            return "pagina \(paginas[i].slug)"
        case 19:
            bronTitel = "Rapport \(n)"
            return "titel of the bron"
        case 20:
            switch int(0...3) {
            case 0: titel = "Portaal \(n)"
            case 1: perPagina = int(2...6)
            case 2: veranderingenPerPagina = int(5...40)
            default: peildatum = chance(0.7) ? date(2025...2026) : nil
            }
            return "site.yml (titel, updates_per_pagina, veranderingen_per_pagina or peildatum)"
        case 21...22:
            if chance(0.5) {
                let i = int(0...updates.count - 1)
                let old = updates[i].slug
                updates[i].slug = "update-hernoemd-\(n)"
                return "rename update \(old) to \(updates[i].slug)"
            }
            let i = int(0...besluiten.count - 1)
            guard !besluiten[i].verwacht else { return edit() }
            let old = besluiten[i].slug
            besluiten[i].slug = "\(besluiten[i].datum)-hernoemd-\(n)"
            return "rename besluit \(old) to \(besluiten[i].slug)"
        case 23...24:
            if chance(0.7), updates.count > 10 {
                return "delete update \(updates.remove(at: int(0...updates.count - 1)).slug)"
            }
            guard let i = besluiten.indices.filter({ !besluiten[$0].verwacht }).randomElement(using: &random), besluiten.count > 2 else { return edit() }
            return "delete besluit \(besluiten.remove(at: i).slug)"
        default:
            if chance(0.7) {
                var u = newUpdate(number: 1000 + n)
                u.slug = "update-nieuw-\(n)"
                updates.append(u)
                return "add update \(u.slug)"
            }
            var b = newBesluit(number: 1000 + n)
            b.slug = "\(b.datum)-nieuw-\(n)"
            besluiten.append(b)
            return "add besluit \(b.slug)"
        }
    }

    /// A broken version of one file, as an editor might save it, and what is wrong with it.
    package mutating func breakage(of files: [String: String]) -> (path: String, text: String, what: String) {
        let path = one(files.keys.filter { $0.hasPrefix("Content/updates/") }.sorted())
        let text = files[path]!
        switch int(0...2) {
        case 0: return (path, text.replacingOccurrences(of: "titel:", with: "titl:"), "an unknown key (titl)")
        case 1: return (path, text.replacingOccurrences(of: "---\n", with: "---\nthemas: [bestaat-niet]\n", options: [], range: text.startIndex..<text.index(text.startIndex, offsetBy: 4)),
                        "a reference to a thema that does not exist")
        default: return (path, text.replacingOccurrences(of: "datum: ", with: "datum: [2025-"), "broken YAML")
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
