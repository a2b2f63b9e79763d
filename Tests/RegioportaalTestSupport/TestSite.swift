import Foundation
import RegioContent
import RegioSupport
@testable import Regioportaal

/// A whole site declared inline as path → text, written to a temporary folder: the way
/// Hugo's integration tests declare theirs. Starts from a small valid site; tests add or
/// replace files to provoke exactly one problem.
package struct TestSite {
    package let root: URL
    package var now = Day("2026-11-22")!

    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static let base: [String: String] = [
        "Content/site.yml": """
        titel: Testportaal
        beschrijving: Een klein portaal voor tests.
        base_url: https://portaal.test/
        updates_per_pagina: 2

        """,
        // The source register: what the sourced entities below rest on.
        "Content/bronnen/rapport-2024.yml": """
        titel: Rapport over de samenwerking
        auteur: Adviesbureau
        datum: 2024-05-29
        soort: rapport
        samenvatting: Een advies over de samenwerking.

        """,
        "Content/gemeenten/sliedrecht.md": "---\nnaam: Sliedrecht\ncbs_code: GM0610\nbron: rapport-2024\n---\nSliedrecht doet mee.\n",
        "Content/gemeenten/dordrecht.md": "---\nnaam: Dordrecht\nbron: { document: rapport-2024, deel: hoofdstuk 1 }\n---\nDordrecht is de centrumstad.\n",
        "Content/partners/gorinchem.yml": "naam: Gemeente Gorinchem\nsoort: overheid\nbron: rapport-2024\n",
        "Content/themas/wonen.md": """
        ---
        titel: Wonen
        samenvatting: Genoeg woningen voor iedereen.
        tafel:
          naam: Bouwtafel
          leden: [sliedrecht, dordrecht]
          bron: rapport-2024
        bron: rapport-2024
        ---
        ## Ambitie

        Meer woningen.

        """,
        "Content/opgaven/woningvoorraad.md": """
        ---
        titel: Woningvoorraad
        samenvatting: Woningen voor alle groepen.
        themas: [wonen]
        voorbeeld: true
        ---
        Tekst.

        """,
        "Content/opgaven/status-inwoners.md": """
        ---
        titel: Sociaal-economische status
        samenvatting: De hoofdopgave.
        themas: [wonen]
        afhankelijk_van: [woningvoorraad]
        voorbeeld: true
        ---
        Tekst.

        """,
        "Content/coalities/bouwcoalitie.md": """
        ---
        titel: Bouwcoalitie
        samenvatting: Samen bouwen.
        themas: [wonen]
        opgaven: [woningvoorraad]
        status: lopend
        start: 2024-01-01
        deelnemers:
          - partij: dordrecht
            variant: volledig
          - partij: sliedrecht
            varianten:
              - { variant: geen, vanaf: 2024-01-01 }
              - { variant: instap, vanaf: 2025-03-01 }
              - { variant: volledig, vanaf: 2026-01-01 }
        stappen:
          - { stap: ambitie, datum: 2024-01-15 }
          - { stap: coalitie, datum: 2024-06-01 }
        voorbeeld: true
        ---
        ## Doel

        Bouwen.

        """,
        "Content/besluiten/2024-05-29-besluit.md": """
        ---
        titel: Besluit over de samenwerking
        datum: 2024-05-29
        orgaan: Gemeenteraad Dordrecht
        kenmerk: RIS 123
        uitkomst: Aangenomen
        gemeenten: [dordrecht]
        bron: { document: rapport-2024, deel: bijlage }
        ---
        Het besluit.

        """,
        "Content/updates/eerste-update.md": """
        ---
        titel: Eerste update
        datum: 2026-01-10
        auteur: Redactie
        samenvatting: Het begin.
        gemeenten: [sliedrecht]
        coalities: [bouwcoalitie]
        redactie: true
        ---
        Zie [de bouwtafel](/themas/wonen/#ambitie).

        """,
        "Content/paginas/over.md": "---\ntitel: Over deze site\nsamenvatting: Wie maakt dit.\nmenu: 1\nredactie: true\n---\nDe redactie.\n",
        // Pages the templates link to by name.
        "Content/paginas/deelnamevarianten.md": "---\ntitel: Deelnamevarianten\nsamenvatting: Hoe gemeenten meedoen.\nredactie: true\n---\nVier varianten.\n",
        "Content/paginas/groeiperspectief-uitleg.md": "---\ntitel: Over het groeiperspectief\nsamenvatting: Hoe de kaart werkt.\nredactie: true\n---\nUitleg.\n",
        "Content/paginas/ringen.md": "---\ntitel: Ringen\nsamenvatting: De indeling van 2013.\nredactie: true\n---\nVier ringen.\n",
    ]

    /// Whether fixture files that state no provenance get `redactie: true`; see ``statingProvenance(_:path:)``.
    package var fillsInProvenance = true

    package init(_ files: [String: String] = [:], removing: [String] = [], withTemplates: Bool = true, fillsInProvenance: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("regioportaal-test-\(UUID().uuidString)")
        self.fillsInProvenance = fillsInProvenance
        var all = Self.base
        for path in removing { all.removeValue(forKey: path) }
        all.merge(files) { _, new in new }
        for (path, text) in all { try write(text, to: path) }
        if withTemplates {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Public"), to: root.appendingPathComponent("Public"))
        }
    }

    package func write(_ text: String, to path: String) throws {
        let text = fillsInProvenance ? Self.statingProvenance(text, path: path) : text
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A content fixture that states none of `bron`, `voorbeeld: true` or `redactie: true`
    /// gets `voorbeeld: true` (test data is invented) as the last line of its front matter (a
    /// data file: as its last line), so tests of other rules need not repeat it; its relations
    /// then count as example data too. Body lines move down by one. The provenance tests turn
    /// this off and write exactly what they mean.
    package static func statingProvenance(_ text: String, path: String) -> String {
        guard path.hasPrefix("Content/"), !path.hasPrefix("Content/bronnen/"), path != "Content/site.yml",
              !text.contains("bron:"), !text.contains("voorbeeld: true"), !text.contains("redactie:") else { return text }
        if path.hasSuffix(".yml") { return text.hasSuffix("\n") ? text + "voorbeeld: true\n" : text }
        guard text.hasPrefix("---\n"), let close = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
            return text
        }
        return text.replacingCharacters(in: close, with: "\nvoorbeeld: true\n---")
    }

    package func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    package var options: BuildOptions { BuildOptions(project: root, now: now) }
    package var output: URL { root.appendingPathComponent("_site") }

    /// Runs the checking stages and returns every diagnostic, sorted.
    package func check(baseURL: String? = nil) -> [Diagnostic] {
        var options = self.options
        options.baseURL = baseURL
        var diagnostics = Diagnostics()
        _ = Pipeline.check(options, diagnostics: &diagnostics)
        return diagnostics.sorted
    }

    /// Human-readable `file:line:col: severity: message` lines, for exact assertions.
    package func checkLines() -> [String] {
        check().map { d in
            let l = d.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            return "\(l)\(d.severity.rawValue): \(d.message)"
        }
    }

    @discardableResult
    package func build(_ configure: (inout BuildOptions) -> Void = { _ in }, fileSystem: OutputFileSystem = LocalFileSystem()) throws -> BuildReport {
        var options = self.options
        configure(&options)
        return try Pipeline.build(options, fileSystem: fileSystem)
    }

    package func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file of the output folder with its bytes.
    package func snapshot() throws -> [String: Data] {
        try Self.snapshot(of: output)
    }

    /// Every file of `folder` (site-relative path) with its bytes.
    package static func snapshot(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            result[RelativePath.display(url, from: folder)] = try Data(contentsOf: url)
        }
        return result
    }

    package func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

/// A fixture edit whose text was not there: the test would silently test the unedited fixture.
package struct MissingFixtureText: Error, CustomStringConvertible {
    package var text: String
    package var fixture: String
    package var description: String { "the fixture edit's text \"\(text)\" is not in the fixture:\n\(fixture)" }
}

extension String {
    /// This text with every `old` replaced by `new`; throws (failing the test) when `old` is
    /// not there, so a fixture that drifts cannot turn an edit into no edit.
    package func edited(_ old: String, _ new: String) throws -> String {
        guard contains(old) else { throw MissingFixtureText(text: old, fixture: self) }
        return replacingOccurrences(of: old, with: new)
    }
}
