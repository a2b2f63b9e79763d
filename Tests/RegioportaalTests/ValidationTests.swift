import Foundation
@testable import RegioContent
@testable import Regioportaal
import RegioportaalTestSupport
import Testing

/// Every error kind a communications officer can make, with its exact place and message.
@Suite struct ValidationTests {
    func lines(_ files: [String: String], removing: [String] = []) throws -> [String] {
        let site = try TestSite(files, removing: removing, withTemplates: false)
        defer { site.cleanUp() }
        return site.checkLines()
    }

    @Test func theBaseSiteIsClean() throws {
        #expect(try lines([:]) == [])
    }

    @Test func unknownReferenceSuggestsTheClosestSlug() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited("partij: sliedrecht", "partij: sliedrech"),
                       to: "Content/coalities/bouwcoalitie.md")
        let diagnostics = site.check()
        #expect(diagnostics.count == 1)
        let d = try #require(diagnostics.first)
        #expect(d.message == "er is geen partij (gemeente of partner) met de naam \"sliedrech\"")
        #expect(d.hint == "bedoelt u \"sliedrecht\"?")
        #expect(d.location?.file == "Content/coalities/bouwcoalitie.md")
        #expect(d.location?.line == 11)
        #expect(d.location?.column == 13)
        #expect(d.location?.excerpt == "  - partij: sliedrech")
    }

    @Test func invalidEnumValueListsTheAllowedOnes() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited("status: lopend", "status: bezig"),
                       to: "Content/coalities/bouwcoalitie.md")
        let d = try #require(site.check().first)
        #expect(site.checkLines() == ["Content/coalities/bouwcoalitie.md:6:9: error: \"bezig\" is geen geldige status"])
        #expect(d.hint == "mogelijke waarden: \"verkenning\", \"lopend\", \"afgerond\", \"vervallen\", \"onbekend\"")
    }

    @Test func misspeltVariantGetsASuggestion() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited("variant: volledig\n  - partij", "variant: voledig\n  - partij"),
                       to: "Content/coalities/bouwcoalitie.md")
        let d = try #require(site.check().first)
        #expect(d.message == "\"voledig\" is geen geldige deelnamevariant")
        #expect(d.hint?.hasPrefix("bedoelt u \"volledig\"? mogelijke waarden: \"volledig\", \"solidariteit\", \"instap\", \"geen\"") == true)
        #expect(d.location?.line == 10)
        #expect(d.location?.column == 14)
    }

    @Test func malformedAndImpossibleDates() throws {
        let result = try lines([
            "Content/updates/eerste-update.md": "---\ntitel: Een\ndatum: 2024-02-30\nauteur: R\nsamenvatting: S\n---\nTekst.\n",
            "Content/updates/tweede.md": "---\ntitel: Twee\ndatum: 29 mei 2024\nauteur: R\nsamenvatting: S\n---\nTekst.\n",
        ])
        #expect(result == [
            "Content/updates/eerste-update.md:3:8: error: \"2024-02-30\" is geen datum die bestaat",
            "Content/updates/tweede.md:3:8: error: \"29 mei 2024\" is geen datum",
        ])
    }

    @Test func missingRequiredFieldPointsAtTheMapping() throws {
        let result = try lines(["Content/updates/eerste-update.md": "---\ntitel: Een\ndatum: 2024-02-03\nauteur: R\n---\nTekst.\n"])
        #expect(result == ["Content/updates/eerste-update.md:2:1: error: de sleutel \"samenvatting\" ontbreekt; die is verplicht"])
    }

    @Test func unknownKeySuggestsTheRightOne() throws {
        let site = try TestSite(["Content/paginas/over.md": "---\ntitel: Over\nsamenvating: Wie\n---\nTekst.\n"], withTemplates: false)
        defer { site.cleanUp() }
        let diagnostics = site.check()
        #expect(site.checkLines() == [
            "Content/paginas/over.md:2:1: error: de sleutel \"samenvatting\" ontbreekt; die is verplicht",
            "Content/paginas/over.md:3:1: error: onbekende sleutel \"samenvating\"",
        ])
        #expect(diagnostics[1].hint == "bedoelt u \"samenvatting\"?")
    }

    @Test func wrongTypeIsNamed() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: [Over, deze]\nsamenvatting: Wie\n---\nTekst.\n"])
        #expect(result == ["Content/paginas/over.md:2:8: error: bij \"titel\" hoort een tekst, gevonden: een lijst"])
    }

    @Test func duplicateSlugsAcrossGemeentenAndPartners() throws {
        let result = try lines(["Content/partners/dordrecht.yml": "naam: Dordrecht BV\nsoort: bedrijfsleven\n"])
        #expect(result == ["Content/partners/dordrecht.yml:1:1: error: de naam \"dordrecht\" wordt al gebruikt door Content/gemeenten/dordrecht.md"])
    }

    @Test func duplicateSlugWithinAKind() throws {
        let result = try lines(["Content/partners/gorinchem.md": "---\nnaam: Gorinchem\nsoort: overheid\n---\nTekst.\n"])
        #expect(result == ["Content/partners/gorinchem.yml:1:1: error: de naam \"gorinchem\" wordt al gebruikt door Content/partners/gorinchem.md"])
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: \"niet afgesloten\n---\nTekst.\n"])
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("Content/paginas/over.md:5:1: error: de gegevens (YAML) zijn niet goed opgeschreven: de gegevens houden onverwacht op"))
    }

    @Test func duplicateKeysAreReported() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\ntitel: Nog eens\n---\nTekst.\n"])
        #expect(result == ["Content/paginas/over.md:2:1: error: de sleutel \"titel\" staat er twee keer"])
    }

    @Test func dependencyCycleIsReportedWithItsPath() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/opgaven/woningvoorraad.md"]!.edited("themas: [wonen]", "themas: [wonen]\nafhankelijk_van: [status-inwoners]"),
                       to: "Content/opgaven/woningvoorraad.md")
        let lines = site.checkLines()
        #expect(lines == ["Content/opgaven/woningvoorraad.md:5:19: error: de opgaven hangen in een kring van elkaar af: status-inwoners → woningvoorraad → status-inwoners"])
    }

    @Test func imageWithoutAltText() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\nTekst.\n\nEen kaart: ![](/kaart.png)\n"])
        #expect(result.contains("Content/paginas/over.md:8:12: error: afbeelding zonder beschrijving (alt-tekst)"))
    }

    @Test func endDateBeforeStartDate() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited("start: 2024-01-01", "start: 2024-01-01\neind: 2023-12-31"),
                       to: "Content/coalities/bouwcoalitie.md")
        #expect(site.checkLines() == ["Content/coalities/bouwcoalitie.md:8:7: error: de einddatum 2023-12-31 ligt voor de begindatum 2024-01-01"])
    }

    @Test func overlappingVariantPeriodsAndBackwardSteps() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        let text = try TestSite.base["Content/coalities/bouwcoalitie.md"]!
            .edited("{ variant: geen, vanaf: 2024-01-01 }", "{ variant: geen, vanaf: 2024-01-01, tot: 2025-06-01 }")
            .edited("{ stap: coalitie, datum: 2024-06-01 }", "{ stap: coalitie, datum: 2024-06-01 }\n  - { stap: projecten, datum: 2024-07-01 }")
        try site.write(text, to: "Content/coalities/bouwcoalitie.md")
        #expect(site.checkLines() == [
            "Content/coalities/bouwcoalitie.md:14:9: error: deze variant overlapt de vorige (die loopt tot 2025-06-01)",
            "Content/coalities/bouwcoalitie.md:19:5: error: stap \"projecten\" komt na \"coalitie\"; stappen gaan alleen vooruit",
        ])
    }

    @Test func brokenInternalLinkAndAnchor() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\nZie [wonen](/themas/wone/) en [tafel](/themas/wonen/#tafels).\n"])
        #expect(result == [
            "Content/paginas/over.md:6:5: error: link naar een pagina die niet bestaat: /themas/wone/",
            "Content/paginas/over.md:6:31: error: link naar een anker \"#tafels\" dat niet op /themas/wonen/ staat",
        ])
    }

    @Test func linkToAnUnpublishedUpdateIsBroken() throws {
        let result = try lines([
            "Content/updates/later.md": "---\ntitel: Later\ndatum: 2027-01-01\nauteur: R\nsamenvatting: S\npublishDate: 2027-01-15\n---\nTekst.\n",
            "Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\nZie [later](/updates/later/).\n",
        ])
        #expect(result == ["Content/paginas/over.md:6:5: error: link naar een pagina die niet bestaat: /updates/later/"])
    }

    @Test func headingLevelsMustNotSkip() throws {
        let result = try lines(["Content/paginas/over.md": "---\ntitel: Over\nsamenvatting: Wie\n---\n# Titel\n\n## Een\n\n#### Drie\n"])
        #expect(result == [
            "Content/paginas/over.md:6:1: error: een kop van niveau 1 (#) in de tekst",
            "Content/paginas/over.md:10:1: error: de koppen springen van niveau 2 naar 4",
        ])
    }

    @Test func coalitionWithoutFullParticipantIsAWarning() throws {
        let site = try TestSite(withTemplates: false)
        defer { site.cleanUp() }
        try site.write(TestSite.base["Content/coalities/bouwcoalitie.md"]!.edited("volledig", "solidariteit"),
                       to: "Content/coalities/bouwcoalitie.md")
        let diagnostics = site.check()
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].message == "coalitie \"bouwcoalitie\" heeft geen deelnemer met variant \"volledig\"")
    }

    @Test func allErrorsOfARunAreReportedTogether() throws {
        let result = try lines([
            "Content/paginas/over.md": "---\ntitel: Over\n---\nTekst.\n",
            "Content/updates/eerste-update.md": "---\ntitel: Een\ndatum: 2024-13-01\nauteur: R\nsamenvatting: S\ngemeenten: [zwijndrecht]\n---\n",
            "Content/gemeenten/Alblas Serdam.md": "---\nnaam: Alblasserdam\n---\n",
        ])
        #expect(result == [
            "Content/gemeenten/Alblas Serdam.md:1:1: error: de bestandsnaam \"Alblas Serdam.md\" mag alleen kleine letters, cijfers en streepjes bevatten",
            "Content/paginas/over.md:2:1: error: de sleutel \"samenvatting\" ontbreekt; die is verplicht",
            // Month 13: read as day and month swapped (2024-01-13).
            "Content/updates/eerste-update.md:3:8: error: \"2024-13-01\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag)",
            "Content/updates/eerste-update.md:6:13: error: er is geen gemeente met de naam \"zwijndrecht\"",
        ])
    }

    @Test func frontMatterProblems() throws {
        let result = try lines([
            "Content/paginas/over.md": "titel: Over\n",
            "Content/paginas/leeg.md": "",
            "Content/paginas/open.md": "---\ntitel: Open\nsamenvatting: nooit dicht\n",
        ])
        #expect(result == [
            "Content/paginas/leeg.md:1:1: error: het bestand begint niet met front matter (de gegevens tussen twee regels ---)",
            "Content/paginas/open.md:1:1: error: de front matter wordt niet afgesloten met een regel ---",
            "Content/paginas/over.md:1:1: error: het bestand begint niet met front matter (de gegevens tussen twee regels ---)",
        ])
    }

    @Test func aliasesAreRefused() throws {
        let bomb = "---\ntitel: &a Over\nsamenvatting: *a\n---\nTekst.\n"
        let result = try lines(["Content/paginas/over.md": bomb])
        #expect(result == ["Content/paginas/over.md:2:8: error: verwijzingen met & en * zijn in de gegevens niet toegestaan"])
    }

    @Test func pathTraversalInReferencesIsRejected() throws {
        let result = try lines(["Content/updates/eerste-update.md": "---\ntitel: Een\ndatum: 2024-01-02\nauteur: R\nsamenvatting: S\ngemeenten: [../../etc/passwd]\n---\n"])
        #expect(result == ["Content/updates/eerste-update.md:6:13: error: \"../../etc/passwd\" is geen geldige naam van een gemeente"])
    }
}

@Suite struct DiagnosticFormatTests {
    let diagnostic = Diagnostic.error(.unknownReference, "gemeente", "sliedrech",
                                      at: SourceLocation(file: "Content/a,b.md", line: 3, column: 14, excerpt: "gemeenten: [sliedrech]"),
                                      hint: Hint.didYouMean("sliedrecht"))

    @Test func humanFormatShowsCodeExcerptCaretAndHint() {
        #expect(DiagnosticFormatter.human(diagnostic) == """
        Content/a,b.md:3:14: fout RP0403: er is geen gemeente met de naam "sliedrech"
          3 | gemeenten: [sliedrech]
            |              ^
          tip: bedoelt u "sliedrecht"?

        """)
        #expect(DiagnosticFormatter.human(diagnostic, language: .en) == """
        Content/a,b.md:3:14: error RP0403: unknown gemeente "sliedrech"
          3 | gemeenten: [sliedrech]
            |              ^
          hint: did you mean "sliedrecht"?

        """)
    }

    @Test func githubFormatCarriesTheCodeAndEscapesProperties() {
        #expect(DiagnosticFormatter.github(diagnostic)
            == "::error file=Content/a%2Cb.md,line=3,col=14,title=RP0403::er is geen gemeente met de naam \"sliedrech\"%0Abedoelt u \"sliedrecht\"?\n")
        #expect(DiagnosticFormatter.github(diagnostic, language: .en)
            == "::error file=Content/a%2Cb.md,line=3,col=14,title=RP0403::unknown gemeente \"sliedrech\"%0Adid you mean \"sliedrecht\"?\n")
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let json = DiagnosticFormatter.json([diagnostic])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        #expect(parsed.count == 1)
        #expect(parsed[0]["file"] as? String == "Content/a,b.md")
        #expect(parsed[0]["line"] as? Int == 3)
        #expect(parsed[0]["column"] as? Int == 14)
        #expect(parsed[0]["severity"] as? String == "error")
        #expect(parsed[0]["code"] as? String == "RP0403")
        #expect(parsed[0]["message"] as? String == "er is geen gemeente met de naam \"sliedrech\"")
        let english = try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter.json([diagnostic], language: .en).utf8)) as! [[String: Any]]
        #expect(english[0]["message"] as? String == "unknown gemeente \"sliedrech\"")
        #expect(english[0]["code"] as? String == "RP0403")
    }
}
