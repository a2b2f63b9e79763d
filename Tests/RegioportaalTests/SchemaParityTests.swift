import Foundation
@testable import RegioContent
@testable import RegioRender
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Runs Python scripts for checks that need an independent, real implementation: JSON Schema
/// validation (the `jsonschema` package) and CSV reading (the `csv` module). A missing Python
/// or package is a test failure with instructions, never a silent skip: `scripts/test.sh`
/// installs `jsonschema`, so CI always has it.
enum Python {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` with `python3`, passing `input` as a file named by `sys.argv[1]`.
    /// Returns standard output.
    static func run(_ script: String, input: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regioportaal-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("script.py")
        let inputFile = folder.appendingPathComponent("input")
        let outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        try Data(script.utf8).write(to: scriptFile)
        try input.write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, inputFile.path]
        // Files, not pipes: a large output cannot fill a pipe buffer and stall the process.
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start python3 (\(error)); install Python 3, then run ./scripts/test.sh")
        }
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0: return try Data(contentsOf: outputFile)
        case 127: throw Failure(description: "python3 was not found; install Python 3, then run ./scripts/test.sh")
        case 3: throw Failure(description: "the Python package jsonschema is missing: run ./scripts/test.sh (it installs it) or python3 -m pip install 'jsonschema>=4.18'")
        default: throw Failure(description: "python3 failed with status \(process.terminationStatus):\n\(errors)")
        }
    }
}

/// A real JSON Schema validator (Python's `jsonschema`, draft 2020-12 with format checks).
enum JSONSchemaValidator {
    struct Job {
        var id: String
        var schema: JSONValue
        var instance: JSONValue
    }

    static let script = """
    import json, sys
    try:
        from jsonschema import Draft202012Validator, FormatChecker
        from jsonschema.exceptions import SchemaError
    except ImportError:
        sys.stderr.write("the Python package jsonschema is not installed\\n")
        sys.exit(3)
    results = {}
    with open(sys.argv[1], encoding="utf-8") as jobs:
        for line in jobs:
            job = json.loads(line)
            try:
                Draft202012Validator.check_schema(job["schema"])
            except SchemaError as error:
                results[job["id"]] = ["invalid schema: " + error.message]
                continue
            validator = Draft202012Validator(job["schema"], format_checker=FormatChecker())
            results[job["id"]] = sorted("/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message
                                        for error in validator.iter_errors(job["instance"]))
    json.dump(results, sys.stdout)
    """

    /// Validates every job in one Python process. Returns the errors per job id (empty: valid).
    static func validate(_ jobs: [Job]) throws -> [String: [String]] {
        let lines = jobs.map { JSONValue.object(["id": .string($0.id), "schema": $0.schema, "instance": $0.instance]).serialized(compact: true) }
        let output = try Python.run(script, input: Data(lines.joined().utf8))
        return try JSONDecoder().decode([String: [String]].self, from: output)
    }
}

/// Front matter and YAML data files as the JSON an editor's YAML 1.2 reader sees, built from
/// the project's own YAML reader (no aliases are expanded: they are refused).
enum FrontMatterJSON {
    static func of(_ file: SourceFile, isMarkdown: Bool) -> JSONValue? {
        var diagnostics = Diagnostics()
        var yaml = file.text
        var offset = 0
        if isMarkdown {
            guard let split = FrontMatter.split(file, diagnostics: &diagnostics) else { return nil }
            yaml = split.yaml
            offset = split.yamlLineOffset
        }
        return YAMLReader(file: file, lineOffset: offset).read(yaml, diagnostics: &diagnostics).map(json)
    }

    static func of(path: String, in root: URL) throws -> JSONValue? {
        let url = root.appendingPathComponent(path)
        let file = SourceFile(url: url, displayPath: path, text: try String(contentsOf: url, encoding: .utf8))
        return of(file, isMarkdown: url.pathExtension == "md")
    }

    /// The YAML 1.2 core schema: unquoted true/false, integers and floats are typed; every
    /// quoted or block scalar is a string. (`YAMLReader` already turned null forms into `.null`.)
    static func json(_ value: YAMLValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .sequence(let items, _): return .array(items.map(json))
        case .mapping(let pairs, _):
            return .object(Dictionary(pairs.map { ($0.key, json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        case .scalar(let text, _, let quoted):
            if quoted { return .string(text) }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            if text.wholeMatch(of: /[-+]?[0-9]+/) != nil { return Int(text).map(JSONValue.int) ?? Double(text).map(JSONValue.double) ?? .string(text) }
            if text.wholeMatch(of: /0o[0-7]+/) != nil { return .int(Int(text.dropFirst(2), radix: 8)!) }
            if text.wholeMatch(of: /0x[0-9a-fA-F]+/) != nil { return .int(Int(text.dropFirst(2), radix: 16)!) }
            if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let d = Double(text) { return .double(d) }
            return .string(text)
        }
    }
}

/// The JSON Schemas and `regioportaal check` must agree: every invalid fixture that a schema
/// can express is rejected by both, every shipped content file passes both, and what a schema
/// cannot express is listed in its description (and shown here to pass the schema).
@Suite struct SchemaParityTests {
    struct Fixture {
        /// What is wrong, and the ValidationTests case it repeats, if any.
        var name: String
        var files: [String: String]
        /// The file to validate against its schema.
        var path: String
        var removing: [String] = []
    }

    static func replacing(_ path: String, _ old: String, _ new: String) -> [String: String] {
        let text = TestSite.base[path]!
        precondition(text.contains(old), "fixture replacement not found: \(old)")
        return [path: text.replacingOccurrences(of: old, with: new)]
    }

    static let coalitie = "Content/coalities/bouwcoalitie.md"
    static let update = "Content/updates/eerste-update.md"
    static let pagina = "Content/paginas/over.md"
    static let thema = "Content/themas/wonen.md"
    static let opgave = "Content/opgaven/woningvoorraad.md"
    static let partner = "Content/partners/gorinchem.yml"
    static let gemeente = "Content/gemeenten/dordrecht.md"
    static let site = "Content/site.yml"

    /// Rules a schema can express: both validators must reject these.
    static let expressible: [Fixture] = [
        // The schema-expressible cases of ValidationTests, repeated.
        Fixture(name: "unknown partij (unknownReferenceSuggestsTheClosestSlug)",
                files: replacing(coalitie, "partij: sliedrecht", "partij: sliedrech"), path: coalitie),
        Fixture(name: "invalid status (invalidEnumValueListsTheAllowedOnes)",
                files: replacing(coalitie, "status: lopend", "status: bezig"), path: coalitie),
        Fixture(name: "misspelt variant (misspeltVariantGetsASuggestion)",
                files: replacing(coalitie, "variant: volledig\n  - partij", "variant: voledig\n  - partij"), path: coalitie),
        Fixture(name: "impossible date (malformedAndImpossibleDates)",
                files: [update: "---\ntitel: Een\ndatum: 2024-02-30\nauteur: R\nsamenvatting: S\n---\nTekst.\n"], path: update),
        Fixture(name: "malformed date (malformedAndImpossibleDates)",
                files: ["Content/updates/tweede.md": "---\ntitel: Twee\ndatum: 29 mei 2024\nauteur: R\nsamenvatting: S\n---\nTekst.\n"],
                path: "Content/updates/tweede.md"),
        Fixture(name: "missing required key (missingRequiredFieldPointsAtTheMapping)",
                files: [update: "---\ntitel: Een\ndatum: 2024-02-03\nauteur: R\n---\nTekst.\n"], path: update),
        Fixture(name: "unknown key (unknownKeySuggestsTheRightOne)",
                files: [pagina: "---\ntitel: Over\nsamenvating: Wie\n---\nTekst.\n"], path: pagina),
        Fixture(name: "wrong type (wrongTypeIsNamed)",
                files: [pagina: "---\ntitel: [Over, deze]\nsamenvatting: Wie\n---\nTekst.\n"], path: pagina),
        Fixture(name: "month 13 and unknown gemeente (allErrorsOfARunAreReportedTogether)",
                files: [update: "---\ntitel: Een\ndatum: 2024-13-01\nauteur: R\nsamenvatting: S\ngemeenten: [zwijndrecht]\n---\n"], path: update),
        Fixture(name: "page without samenvatting (allErrorsOfARunAreReportedTogether)",
                files: [pagina: "---\ntitel: Over\n---\nTekst.\n"], path: pagina),
        Fixture(name: "path traversal in a reference (pathTraversalInReferencesIsRejected)",
                files: [update: "---\ntitel: Een\ndatum: 2024-01-02\nauteur: R\nsamenvatting: S\ngemeenten: [../../etc/passwd]\n---\n"], path: update),
        // More of what staff get wrong.
        Fixture(name: "variant and varianten both given",
                files: replacing(coalitie, "variant: volledig\n  - partij", "variant: volledig\n    varianten: [{ variant: geen }]\n  - partij"), path: coalitie),
        Fixture(name: "neither variant nor varianten",
                files: replacing(coalitie, "  - partij: dordrecht\n    variant: volledig\n", "  - partij: dordrecht\n"), path: coalitie),
        Fixture(name: "thema slug with a capital",
                files: replacing(opgave, "themas: [wonen]", "themas: [Wonen]"), path: opgave),
        Fixture(name: "opgave without a thema (minItems)",
                files: replacing(opgave, "themas: [wonen]", "themas: []"), path: opgave),
        Fixture(name: "coalitie without deelnemers (minItems)",
                files: [coalitie: "---\ntitel: C\nsamenvatting: S\nthemas: [wonen]\nstatus: lopend\ndeelnemers: []\n---\n"], path: coalitie),
        Fixture(name: "quoted number of inhabitants",
                files: [gemeente: "---\nnaam: Dordrecht\ninwoners: \"1200\"\n---\nTekst.\n"], path: gemeente),
        Fixture(name: "negative menu position",
                files: [pagina: "---\ntitel: Over\nsamenvatting: Wie\nmenu: -1\n---\nTekst.\n"], path: pagina),
        Fixture(name: "draft: ja",
                files: [update: "---\ntitel: Een\ndatum: 2024-01-02\nauteur: R\nsamenvatting: S\ndraft: ja\n---\n"], path: update),
        Fixture(name: "website without https://",
                files: [gemeente: "---\nnaam: Dordrecht\nwebsite: www.dordrecht.nl\n---\nTekst.\n"], path: gemeente),
        Fixture(name: "empty title",
                files: [pagina: "---\ntitel: \"\"\nsamenvatting: Wie\n---\nTekst.\n"], path: pagina),
        Fixture(name: "required key without a value",
                files: [pagina: "---\ntitel:\nsamenvatting: Wie\n---\nTekst.\n"], path: pagina),
        Fixture(name: "invalid soort in a data file",
                files: [partner: "naam: Gemeente Gorinchem\nsoort: gemeente\n"], path: partner),
        Fixture(name: "unknown key in a data file",
                files: [partner: "naam: Gemeente Gorinchem\nsoort: overheid\nadres: Gorinchem\n"], path: partner),
        Fixture(name: "unknown key inside tafel",
                files: replacing(thema, "  naam: Bouwtafel\n", "  naam: Bouwtafel\n  voorzittter: Iemand\n"), path: thema),
        Fixture(name: "tafel member without partij",
                files: replacing(thema, "leden: [sliedrecht, dordrecht]", "leden: [sliedrecht, { vanaf: 2024-01-01 }]"), path: thema),
        Fixture(name: "tafel missing",
                files: [thema: "---\ntitel: Wonen\nsamenvatting: S\n---\nTekst.\n"], path: thema),
        Fixture(name: "invalid stap",
                files: replacing(coalitie, "stap: ambitie", "stap: besluit"), path: coalitie),
        Fixture(name: "status as a list",
                files: replacing(coalitie, "status: lopend", "status: [lopend]"), path: coalitie),
        Fixture(name: "samenvatting as a mapping",
                files: [pagina: "---\ntitel: Over\nsamenvatting: { kort: Wie }\n---\nTekst.\n"], path: pagina),
        Fixture(name: "site.yml without base_url",
                files: [site: "titel: T\nbeschrijving: B\n"], path: site),
        Fixture(name: "site.yml with zero updates per page",
                files: [site: "titel: T\nbeschrijving: B\nbase_url: https://portaal.test/\nupdates_per_pagina: 0\n"], path: site),
    ]

    /// Rules no JSON Schema can express: the check rejects these, the schema accepts them,
    /// and the schema's description names the rule (the quoted words).
    static let inexpressible: [(Fixture, String)] = [
        (Fixture(name: "dependency cycle (dependencyCycleIsReportedWithItsPath)",
                 files: replacing(opgave, "themas: [wonen]", "themas: [wonen]\nafhankelijk_van: [status-inwoners]"), path: opgave), "geen kring"),
        (Fixture(name: "end before start (endDateBeforeStartDate)",
                 files: replacing(coalitie, "start: 2024-01-01", "start: 2024-01-01\neind: 2023-12-31"), path: coalitie), "eind ligt niet voor start"),
        (Fixture(name: "overlapping variant periods (overlappingVariantPeriodsAndBackwardSteps)",
                 files: replacing(coalitie, "{ variant: geen, vanaf: 2024-01-01 }", "{ variant: geen, vanaf: 2024-01-01, tot: 2025-06-01 }"), path: coalitie),
         "overlappen niet"),
        (Fixture(name: "steps backwards (overlappingVariantPeriodsAndBackwardSteps)",
                 files: replacing(coalitie, "{ stap: coalitie, datum: 2024-06-01 }", "{ stap: coalitie, datum: 2024-06-01 }\n  - { stap: projecten, datum: 2024-07-01 }"), path: coalitie),
         "procesvolgorde"),
        (Fixture(name: "unknown thema (a well-formed slug of no file)",
                 files: replacing(opgave, "themas: [wonen]", "themas: [wone]"), path: opgave), "alleen voorbeelden"),
        (Fixture(name: "partner with a gemeente's slug (duplicateSlugsAcrossGemeentenAndPartners)",
                 files: ["Content/partners/dordrecht.yml": "naam: Dordrecht BV\nsoort: bedrijfsleven\n"], path: "Content/partners/dordrecht.yml"),
         "niet dezelfde slug"),
        (Fixture(name: "expiryDate before publishDate",
                 files: [update: "---\ntitel: Een\ndatum: 2024-01-02\nauteur: R\nsamenvatting: S\npublishDate: 2024-02-01\nexpiryDate: 2024-01-15\n---\n"], path: update),
         "expiryDate ligt na publishDate"),
        (Fixture(name: "reserved page slug", files: ["Content/paginas/open-data.md": "---\ntitel: Open\nsamenvatting: S\n---\nTekst.\n"],
                 path: "Content/paginas/open-data.md"), "geen naam die de site zelf gebruikt"),
        (Fixture(name: "image without alt text (imageWithoutAltText)",
                 files: [pagina: "---\ntitel: Over\nsamenvatting: Wie\n---\nTekst.\n\nEen kaart: ![](/kaart.png)\n"], path: pagina), "alt-tekst"),
    ]

    /// The schema a content file follows, generated from that site's own model.
    static func schema(for path: String, writer: JSONSchemaWriter) -> JSONValue {
        if path == site { return writer.siteDocument().json }
        let kind = ContentKind(rawValue: path.split(separator: "/")[1].description)!
        return writer.document(for: kind).json
    }

    static func writer(for site: TestSite) -> JSONSchemaWriter {
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(site.options, diagnostics: &diagnostics) else {
            return JSONSchemaWriter(baseURL: "https://portaal.test/")
        }
        return JSONSchemaWriter(model: checked.model)
    }

    static func description(_ schema: JSONValue) -> String {
        if case .object(let root) = schema, case .string(let text)? = root["description"] { return text }
        return ""
    }

    // MARK: Tests

    @Test func invalidFixturesAreRejectedByBothValidators() throws {
        var jobs: [JSONSchemaValidator.Job] = []
        for fixture in Self.expressible {
            let site = try TestSite(fixture.files, removing: fixture.removing, withTemplates: false)
            defer { site.cleanUp() }
            let errors = site.check().filter { $0.severity == .error && $0.location?.file == fixture.path }
            #expect(!errors.isEmpty, "regioportaal check accepts \(fixture.name)")
            let instance = try #require(try FrontMatterJSON.of(path: fixture.path, in: site.root), "\(fixture.name): no YAML")
            jobs.append(.init(id: fixture.name, schema: Self.schema(for: fixture.path, writer: Self.writer(for: site)), instance: instance))
        }
        let results = try JSONSchemaValidator.validate(jobs)
        for fixture in Self.expressible {
            let errors = try #require(results[fixture.name])
            #expect(!errors.isEmpty, "the JSON Schema accepts \(fixture.name)")
            #expect(!errors.contains { $0.hasPrefix("invalid schema") }, "\(errors)")
        }
    }

    @Test func whatASchemaCannotExpressIsListedInItsDescription() throws {
        var jobs: [JSONSchemaValidator.Job] = []
        for (fixture, words) in Self.inexpressible {
            let site = try TestSite(fixture.files, withTemplates: false)
            defer { site.cleanUp() }
            let errors = site.check().filter { $0.severity == .error && $0.location?.file == fixture.path }
            #expect(!errors.isEmpty, "regioportaal check accepts \(fixture.name)")
            let schema = Self.schema(for: fixture.path, writer: Self.writer(for: site))
            #expect(Self.description(schema).contains(words), "the schema of \(fixture.path) does not mention \"\(words)\"")
            let instance = try #require(try FrontMatterJSON.of(path: fixture.path, in: site.root))
            jobs.append(.init(id: fixture.name, schema: schema, instance: instance))
        }
        let results = try JSONSchemaValidator.validate(jobs)
        for (fixture, _) in Self.inexpressible {
            #expect(results[fixture.name] == [], "\(fixture.name): \(results[fixture.name] ?? [])")
        }
    }

    @Test func shippedContentPassesBothValidators() throws {
        let repository = TestSite.repository
        var diagnostics = Diagnostics()
        let checked = try #require(Pipeline.check(BuildOptions(project: repository, now: Day("2026-11-22")!), diagnostics: &diagnostics))
        #expect(diagnostics.errors.isEmpty, "regioportaal check: \(diagnostics.errors.map(\.message))")
        let writer = JSONSchemaWriter(model: checked.model)
        var jobs: [JSONSchemaValidator.Job] = []
        for file in checked.files {
            let instance = try #require(FrontMatterJSON.of(file.source, isMarkdown: file.isMarkdown), "\(file.source.displayPath)")
            jobs.append(.init(id: file.source.displayPath, schema: writer.document(for: file.kind).json, instance: instance))
        }
        jobs.append(.init(id: Self.site, schema: writer.siteDocument().json,
                          instance: try #require(try FrontMatterJSON.of(path: Self.site, in: repository))))
        #expect(jobs.count > 60)
        let results = try JSONSchemaValidator.validate(jobs)
        for job in jobs {
            #expect(results[job.id] == [], "\(job.id): \(results[job.id] ?? ["no result"])")
        }
    }

    @Test func theTestSiteAndNewFilesGetTheSameVerdictFromBoth() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        for kind in Scaffold.Kind.allCases {
            _ = try Scaffold.create(kind, title: "Nieuw \(kind.rawValue)", on: Day("2026-11-22")!, in: site.root.appendingPathComponent("Content"))
        }
        let errorFiles = Set(site.check().filter { $0.severity == .error }.compactMap(\.location?.file))
        let writer = Self.writer(for: site)
        let paths = Array(TestSite.base.keys) + Scaffold.Kind.allCases.map {
            "Content/\($0.folder.rawValue)/\($0.isDated ? "2026-11-22-" : "")nieuw-\($0.rawValue).md"
        }
        let jobs = try paths.map { path in
            JSONSchemaValidator.Job(id: path, schema: Self.schema(for: path, writer: writer),
                                    instance: try #require(try FrontMatterJSON.of(path: path, in: site.root)))
        }
        let results = try JSONSchemaValidator.validate(jobs)
        for path in paths {
            let schemaAccepts = results[path] == []
            #expect(schemaAccepts == !errorFiles.contains(path), "\(path): check \(errorFiles.contains(path) ? "rejects" : "accepts"), schema: \(results[path] ?? [])")
        }
        // The scaffolds that staff must still fill in are rejected by both: the empty orgaan of
        // a besluit, the empty deelnemers of a coalitie.
        #expect(errorFiles.contains("Content/besluiten/2026-11-22-nieuw-besluit.md"))
        #expect(!errorFiles.contains("Content/updates/2026-11-22-nieuw-update.md"))
    }

    @Test func newFilesNameTheirSchemaWithoutMovingPositions() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let file = try Scaffold.create(.update, title: "Nieuw bericht", on: Day("2026-11-22")!, in: site.root.appendingPathComponent("Content"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/updates.schema.json\ntitel: \"Nieuw bericht\"\n"))
        #expect(site.check().isEmpty)
        try site.write(text.edited("datum: 2026-11-22", "datum: morgen"), to: "Content/updates/2026-11-22-nieuw-bericht.md")
        #expect(site.checkLines() == ["Content/updates/2026-11-22-nieuw-bericht.md:4:8: error: \"morgen\" is geen datum"])
        // In the repository the comment points at the committed schema.
        let repository = TestSite.repository
        let path = Scaffold.relativePath(from: repository.appendingPathComponent("Content/coalities"),
                                         to: repository.appendingPathComponent("schemas/coalities.schema.json"))
        #expect(path == "../../schemas/coalities.schema.json")
        #expect(FileManager.default.fileExists(atPath: repository.appendingPathComponent("Content/coalities").appendingPathComponent(path).standardizedFileURL.path))
    }

    @Test func schemasAreDeterministicAndDescribeChoicesInDutch() throws {
        let repository = TestSite.repository
        var diagnostics = Diagnostics()
        let checked = try #require(Pipeline.check(BuildOptions(project: repository, now: Day("2026-11-22")!), diagnostics: &diagnostics))
        let first = JSONSchemaWriter(model: checked.model).documents().map(\.text)
        let second = JSONSchemaWriter(model: checked.model).documents().map(\.text)
        #expect(first == second)
        let coalities = JSONSchemaWriter(model: checked.model).document(for: .coalities).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(coalities.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["$id"] as? String == "https://regioportaal.example.nl/schemas/coalities.schema.json")
        #expect(object["additionalProperties"] as? Bool == false)
        let properties = try #require(object["properties"] as? [String: Any])
        let deelnemers = try #require(properties["deelnemers"] as? [String: Any])
        let item = try #require(deelnemers["items"] as? [String: Any])
        let variant = try #require((item["properties"] as? [String: Any])?["variant"] as? [String: Any])
        #expect((variant["enum"] as? [Any])?.count == 5, "four variants and null (left empty)")
        let descriptions = try #require(variant["enumDescriptions"] as? [String])
        #expect(descriptions.first == "Volledig: Doet volledig mee: draagt bij, beslist mee en heeft er zelf belang bij.")
        #expect(item["oneOf"] != nil)
        let partij = try #require((item["properties"] as? [String: Any])?["partij"] as? [String: Any])
        #expect((partij["enum"] as? [String])?.contains("dordrecht") == true)
        #expect((partij["enum"] as? [String])?.contains("rom-d") == true)
        let opgaven = try #require(properties["opgaven"] as? [String: Any])
        let opgaveItem = try #require(opgaven["items"] as? [String: Any])
        #expect(opgaveItem["pattern"] as? String == JSONSchemaWriter.slugPattern)
        #expect((opgaveItem["examples"] as? [String])?.contains("woningaanbod") == true)
    }

    /// The committed `schemas/` must describe the same rules as the generator. The slug lists
    /// (enum of gemeenten and partijen, examples) follow the content and are left out of the
    /// comparison, so adding a coalitie never breaks CI; `regioportaal schema` refreshes them.
    @Test func committedSchemasMatchTheGenerator() throws {
        let repository = TestSite.repository
        var diagnostics = Diagnostics()
        let checked = try #require(Pipeline.check(BuildOptions(project: repository, now: Day("2026-11-22")!), diagnostics: &diagnostics))
        for document in JSONSchemaWriter(model: checked.model).documents() {
            let url = repository.appendingPathComponent("schemas").appendingPathComponent(document.fileName)
            let committed = try? Data(contentsOf: url)
            #expect(committed != nil, "schemas/\(document.fileName) is missing: run regioportaal schema")
            guard let committed else { continue }
            let generated = try JSONSerialization.jsonObject(with: Data(document.text.utf8))
            let stored = try JSONSerialization.jsonObject(with: committed)
            #expect(try Self.canonical(Self.withoutSlugLists(stored)) == (try Self.canonical(Self.withoutSlugLists(generated))),
                    "schemas/\(document.fileName) is out of date: run regioportaal schema (or swift run regioportaal schema)")
        }
    }

    static func canonical(_ value: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }

    /// Drops `examples`, and the `enum` and `enumDescriptions` of references (a choice also has
    /// `markdownEnumDescriptions`; a reference does not).
    static func withoutSlugLists(_ value: Any) -> Any {
        if let array = value as? [Any] { return array.map(withoutSlugLists) }
        guard var object = value as? [String: Any] else { return value }
        object["examples"] = nil
        if object["enum"] != nil, object["markdownEnumDescriptions"] == nil {
            object["enum"] = nil
            object["enumDescriptions"] = nil
        }
        return object.mapValues(withoutSlugLists)
    }
}
