import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import RegioSupport
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// The open data at /data/: read back, it holds the model's entities and relations; the CSV
/// reads with a real CSV parser; nothing unpublished leaks; rebuilds are byte-identical.
@Suite struct OpenDataTests {
    static let draftSlug = "geheim-conceptbericht"
    static let futureSlug = "toekomstig-bericht"

    static let extra: [String: String] = [
        "Content/coalities/fietsroutes.md": """
        ---
        titel: Fietsroutes
        samenvatting: Doorgaande fietsroutes.
        themas: [wonen]
        status: verkenning
        deelnemers:
          - partij: dordrecht
            variant: volledig
          - partij: gorinchem
            variant: solidariteit
            vanaf: 2025-01-01
        ---
        Tekst.

        """,
        "Content/besluiten/2025-01-01-komma.md": """
        ---
        titel: 'Besluit over "fietsen", deel 2'
        datum: 2025-01-01
        orgaan: College van B&W Dordrecht
        uitkomst: Aangenomen
        themas: [wonen]
        coalities: [bouwcoalitie, fietsroutes]
        gemeenten: [dordrecht, sliedrecht]
        link: https://example.org/besluit
        ---
        Tekst.

        """,
        "Content/updates/tweede.md": "---\ntitel: Tweede\ndatum: 2026-03-05\nauteur: R\nsamenvatting: S\nthemas: [wonen]\n---\nTekst.\n",
        // Dated after every published update, so a leak would also show in the catalogue.
        "Content/updates/\(draftSlug).md": "---\ntitel: Geheim conceptbericht\ndatum: 2026-11-20\nauteur: R\nsamenvatting: Nog geheim.\ngemeenten: [sliedrecht]\ndraft: true\n---\nTekst.\n",
        "Content/updates/\(futureSlug).md": "---\ntitel: Toekomstig bericht\ndatum: 2026-11-21\nauteur: R\nsamenvatting: Nog niet.\ncoalities: [bouwcoalitie]\npublishDate: 2027-01-01\n---\nTekst.\n",
    ]

    func builtSite(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> TestSite {
        let site = try TestSite(Self.extra)
        try site.build(configure)
        return site
    }

    func json(_ site: TestSite, _ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: site.output.appendingPathComponent("data/\(name)"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "\(name) is not a list of records")
    }

    func published(_ site: TestSite) throws -> SiteModel {
        var diagnostics = Diagnostics()
        return try #require(Pipeline.check(site.options, diagnostics: &diagnostics)).published
    }

    func byID(_ records: [[String: Any]]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as! String, $0) })
    }

    static func period(_ value: Any?) -> String {
        let p = value as? [String: Any] ?? [:]
        return "\(p["vanaf"] as? String ?? "-")..\(p["tot"] as? String ?? "-")"
    }

    static func period(_ p: Period) -> String { "\(p.vanaf?.description ?? "-")..\(p.tot?.description ?? "-")" }

    @Test func jsonExportsReadBackAsTheModel() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let model = try published(site)
        let files = try site.snapshot()

        let gemeenten = byID(try json(site, "gemeenten.json"))
        #expect(Set(gemeenten.keys) == Set(model.gemeenten.map(\.info.slug)))
        #expect(gemeenten["sliedrecht"]?["cbs_code"] as? String == "GM0610")
        #expect(gemeenten["dordrecht"]?["cbs_code"] is NSNull)
        #expect(gemeenten["dordrecht"]?["url"] as? String == "https://portaal.test/gemeenten/dordrecht/")

        let partners = byID(try json(site, "partners.json"))
        #expect(Set(partners.keys) == ["gorinchem"])
        #expect(partners["gorinchem"]?["soort"] as? String == "overheid")
        #expect(partners["gorinchem"]?["url"] as? String == "https://portaal.test/partners/#gorinchem")

        let themas = byID(try json(site, "themas.json"))
        for thema in model.themas {
            let tafel = try #require(themas[thema.info.slug]?["tafel"] as? [String: Any])
            #expect(tafel["naam"] as? String == thema.tafel.naam)
            let leden = (tafel["leden"] as? [[String: Any]] ?? []).map { "\($0["partij"]!) \(Self.period($0))" }
            #expect(leden == thema.tafel.leden.map { "\($0.partij.value) \(Self.period($0.period))" })
        }

        let coalities = byID(try json(site, "coalities.json"))
        #expect(Set(coalities.keys) == Set(model.coalities.map(\.info.slug)))
        for c in model.coalities {
            let record = try #require(coalities[c.info.slug])
            #expect(record["themas"] as? [String] == c.themas.map(\.value))
            #expect(record["opgaven"] as? [String] == c.opgaven.map(\.value))
            #expect(record["status"] as? String == c.status)
            let deelnemers = (record["deelnemers"] as? [[String: Any]] ?? []).map { d in
                "\(d["partij"]!): " + (d["varianten"] as? [[String: Any]] ?? []).map { "\($0["variant"]!) \(Self.period($0))" }.joined(separator: ", ")
            }
            #expect(deelnemers == c.deelnemers.map { d in
                "\(d.partij.value): " + d.varianten.map { "\($0.variant) \(Self.period($0.period))" }.joined(separator: ", ")
            })
            let stappen = (record["stappen"] as? [[String: Any]] ?? []).map { "\($0["stap"]!) \($0["datum"]!)" }
            #expect(stappen == c.stappen.map { "\($0.stap) \($0.datum)" })
        }
        #expect(coalities["bouwcoalitie"]?["start"] as? String == "2024-01-01")

        let opgaven = byID(try json(site, "opgaven.json"))
        for o in model.opgaven {
            #expect(opgaven[o.info.slug]?["afhankelijk_van"] as? [String] == o.afhankelijkVan.map(\.opgave.value))
            #expect(opgaven[o.info.slug]?["themas"] as? [String] == o.themas.map(\.value))
        }
        #expect(opgaven["status-inwoners"]?["afhankelijk_van"] as? [String] == ["woningvoorraad"])

        let besluiten = byID(try json(site, "besluiten.json"))
        for b in model.besluiten {
            let record = try #require(besluiten[b.info.slug])
            #expect(record["datum"] as? String == b.datum.description)
            #expect(record["gemeenten"] as? [String] == b.gemeenten.map(\.value))
            #expect(record["coalities"] as? [String] == b.coalities.map(\.value))
            #expect(record["themas"] as? [String] == b.themas.map(\.value))
        }

        let updates = byID(try json(site, "updates.json"))
        #expect(Set(updates.keys) == Set(model.updates.map(\.info.slug)))
        #expect(Set(updates.keys) == ["eerste-update", "tweede"])
        #expect(updates["eerste-update"]?["coalities"] as? [String] == ["bouwcoalitie"])

        // Every record's url is a page the build wrote.
        for name in ["gemeenten", "themas", "coalities", "opgaven", "besluiten", "updates"] {
            for record in try json(site, "\(name).json") {
                let url = try #require(record["url"] as? String)
                #expect(url.hasPrefix("https://portaal.test/"))
                #expect(files[String(url.dropFirst("https://portaal.test/".count)) + "index.html"] != nil, "no page for \(url)")
            }
        }
    }

    @Test func csvIsReadByPythonsCsvModule() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let deelname = site.output.appendingPathComponent("data/deelname.csv")
        let besluiten = site.output.appendingPathComponent("data/besluiten.csv")
        let script = """
        import csv, json, sys
        paths = json.load(open(sys.argv[1], encoding="utf-8"))
        tables = {}
        for name, path in paths.items():
            with open(path, newline="", encoding="utf-8") as f:
                tables[name] = list(csv.reader(f, strict=True))
        json.dump(tables, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: ["deelname": deelname.path, "besluiten": besluiten.path])
        let tables = try JSONDecoder().decode([String: [[String]]].self, from: try Python.run(script, input: input))

        let matrix = try #require(tables["deelname"])
        #expect(matrix.first == ["coalitie", "coalitie_titel", "partij", "partij_naam", "partij_soort", "variant", "vanaf", "tot", "url", "voorbeeld", "herkomst", "bronnen"])
        #expect(matrix.contains(["bouwcoalitie", "Bouwcoalitie", "sliedrecht", "Sliedrecht", "gemeente", "instap", "2025-03-01", "2026-01-01",
                                 "https://portaal.test/coalities/bouwcoalitie/", "true", "voorbeeld", ""]))
        #expect(matrix.contains(["fietsroutes", "Fietsroutes", "gorinchem", "Gemeente Gorinchem", "partner", "solidariteit", "2025-01-01", "",
                                 "https://portaal.test/coalities/fietsroutes/", "true", "voorbeeld", ""]))
        // One row per coalitie, participant and period: bouwcoalitie 1 + 3, fietsroutes 2.
        #expect(matrix.count == 1 + 4 + 2)

        let decisions = try #require(tables["besluiten"])
        #expect(decisions.first == ["id", "datum", "titel", "orgaan", "kenmerk", "uitkomst", "themas", "coalities", "gemeenten", "link", "url", "voorbeeld", "herkomst", "bronnen"])
        #expect(decisions.contains(["2025-01-01-komma", "2025-01-01", "Besluit over \"fietsen\", deel 2", "College van B&W Dordrecht", "",
                                    "Aangenomen", "wonen", "bouwcoalitie fietsroutes", "dordrecht sliedrecht", "https://example.org/besluit",
                                    "https://portaal.test/besluiten/2025-01-01-komma/", "true", "voorbeeld", ""]))
        #expect(decisions.count == 3)
        // RFC 4180 line ends.
        let raw = try String(contentsOf: besluiten, encoding: .utf8)
        #expect(raw.hasPrefix("id,datum,titel,orgaan,kenmerk,uitkomst,themas,coalities,gemeenten,link,url,voorbeeld,herkomst,bronnen\r\n"))
        #expect(raw.contains("\"Besluit over \"\"fietsen\"\", deel 2\""))
    }

    @Test func draftAndFutureUpdatesAreAbsentFromEveryExport() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let files = try site.snapshot()
        let exports = files.filter { $0.key.hasPrefix("data/") || $0.key.hasPrefix("schemas/") || $0.key == "open-data/index.html" }
        #expect(exports.count == 11 + 11 + 1)
        for (path, data) in exports {
            let text = String(decoding: data, as: UTF8.self)
            for leak in [Self.draftSlug, "Geheim conceptbericht", Self.futureSlug, "Toekomstig bericht", "2026-11-20", "2026-11-21"] {
                #expect(!text.contains(leak), "\(path) contains \(leak)")
            }
        }
        // The catalogue dates the updates by the newest published one.
        let catalogue = try #require(try JSONSerialization.jsonObject(with: files["data/catalogus.json"]!) as? [String: Any])
        let datasets = try #require(catalogue["dataset"] as? [[String: Any]])
        #expect(datasets.first { $0["identifier"] as? String == "updates" }?["modified"] as? String == "2026-03-05")

        // A preview with drafts shows the draft in the exports as on the pages; never the future one.
        try site.build { $0.includeDrafts = true }
        let preview = String(decoding: try Data(contentsOf: site.output.appendingPathComponent("data/updates.json")), as: UTF8.self)
        #expect(preview.contains(Self.draftSlug))
        #expect(!preview.contains(Self.futureSlug))
    }

    @Test func catalogueDescribesEveryDataset() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let files = try site.snapshot()
        let catalogue = try #require(try JSONSerialization.jsonObject(with: files["data/catalogus.json"]!) as? [String: Any])
        #expect(catalogue["@type"] as? String == "dcat:Catalog")
        #expect(catalogue["license"] as? String == "http://creativecommons.org/publicdomain/zero/1.0/deed.nl")
        let datasets = try #require(catalogue["dataset"] as? [[String: Any]])
        #expect(datasets.compactMap { $0["identifier"] as? String } == ["gemeenten", "partners", "themas", "coalities", "deelname", "opgaven", "besluiten", "bronnen", "updates"])
        var described = Set<String>()
        for dataset in datasets {
            #expect((dataset["title"] as? String)?.isEmpty == false)
            #expect((dataset["description"] as? String)?.isEmpty == false)
            #expect(dataset["license"] as? String == OpenData.licence)
            #expect((dataset["modified"] as? String).flatMap(Day.init) != nil, "\(dataset["identifier"] ?? "")")
            for distribution in dataset["distribution"] as? [[String: Any]] ?? [] {
                let url = try #require(distribution["downloadURL"] as? String)
                let path = String(url.dropFirst("https://portaal.test/".count))
                #expect(files[path] != nil, "\(url) is not in the build")
                described.insert(path)
                #expect(["http://publications.europa.eu/resource/authority/file-type/JSON",
                         "http://publications.europa.eu/resource/authority/file-type/CSV"].contains(distribution["format"] as? String ?? ""))
            }
        }
        #expect(described == Set(files.keys.filter { $0.hasPrefix("data/") && $0 != "data/catalogus.json" }))
        // The latest date in the data itself, not the build's clock.
        #expect(datasets.first { $0["identifier"] as? String == "besluiten" }?["modified"] as? String == "2025-01-01")
        #expect(datasets.first { $0["identifier"] as? String == "coalities" }?["modified"] as? String == "2026-01-01")
    }

    @Test func exportsAreByteIdenticalAndFollowTheBaseURL() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        func exports() throws -> [String: Data] { try site.snapshot().filter { $0.key.hasPrefix("data/") || $0.key.hasPrefix("schemas/") } }
        let first = try exports()
        try site.build()
        #expect(try exports() == first)

        try site.build { $0.baseURL = "https://example.org/portaal/" }
        for name in ["gemeenten", "coalities", "updates"] {
            for record in try json(site, "\(name).json") {
                #expect((record["url"] as? String)?.hasPrefix("https://example.org/portaal/") == true)
            }
        }
        #expect(try site.read("data/catalogus.json").contains("\"downloadURL\" : \"https://example.org/portaal/data/deelname.csv\""))
        #expect(try site.read("schemas/updates.schema.json").contains("\"$id\" : \"https://example.org/portaal/schemas/updates.schema.json\""))
        let page = try site.read("open-data/index.html")
        #expect(page.contains("href=\"/portaal/data/catalogus.json\""))
        #expect(page.contains("href=\"/portaal/schemas/coalities.schema.json\""))
    }

    @Test func openDataPageLinksEveryFileAndSchema() throws {
        let site = try builtSite()
        defer { site.cleanUp() }
        let page = try site.read("open-data/index.html")
        #expect(page.contains("<h1>Open data</h1>"))
        for file in ["gemeenten.json", "partners.json", "themas.json", "coalities.json", "deelname.csv", "opgaven.json",
                     "besluiten.json", "besluiten.csv", "updates.json", "catalogus.json"] {
            #expect(page.contains("href=\"/data/\(file)\""), "no link to \(file)")
        }
        for kind in ContentKind.allCases.map(\.rawValue) + ["site"] {
            #expect(page.contains("href=\"/schemas/\(kind).schema.json\""), "no link to the \(kind) schema")
        }
        #expect(page.contains("<time datetime=\"2025-01-01\">1 januari 2025</time>"))
        #expect(try site.read("sitemap.xml").contains("<loc>https://portaal.test/open-data/</loc>"))
    }
}

/// Every string of the search index and the open data goes through `JSONText`: it must write
/// what JSONEncoder writes (with unescaped slashes), plus markup escapes when asked.
@Suite struct JSONTextTests {
    @Test func stringsAreWrittenAsJSONEncoderWritesThem() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        let samples = ["", "gewoon", controls, "\"citaat\" en \\pad\\", "a/b </script> & <b>", "één, 🚲, \u{7F}", "x\n\ny\t"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for sample in samples {
            var plain: [UInt8] = [], safe: [UInt8] = []
            JSONText.appendString(sample, to: &plain, escapingMarkup: false)
            JSONText.appendString(sample, to: &safe)
            let expected = try #require(String(data: try encoder.encode(sample), encoding: .utf8))
            #expect(String(decoding: plain, as: UTF8.self) == expected, "\(sample.debugDescription)")
            let markupFree = expected.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026")
            #expect(String(decoding: safe, as: UTF8.self) == markupFree, "\(sample.debugDescription)")
            #expect(try JSONDecoder().decode(String.self, from: Data(safe)) == sample)
        }
    }
}
