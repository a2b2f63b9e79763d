import Foundation
import RegioContent
import RegioportaalTestSupport
import Testing

/// The message catalogue (issue 33): stable codes, both languages, and the Dutch text and code
/// of representative mistakes, end to end.
@Suite struct MessageCatalogueTests {
    /// Every code ever given, with its name, in order. A code is never renumbered or reused:
    /// add new ones at the end of their stage; a message that goes away keeps its line here
    /// (and its case) so that the number is not given out again.
    static let assigned = [
        "RP0101 contentFolderMissing", "RP0102 unknownContentFolder", "RP0103 unexpectedContentFile",
        "RP0104 siteSettingsMissing", "RP0105 nestedFolder", "RP0106 unsupportedFile", "RP0107 tooManyFiles",
        "RP0108 fileNameNotSlug", "RP0109 symbolicLinkInContent", "RP0110 cannotReadFile",
        "RP0111 notARegularFile", "RP0112 specialFileInContent", "RP0113 fileTooLarge", "RP0114 wrongEncoding",
        "RP0115 nulByte", "RP0116 invalidUTF8", "RP0117 cannotReadFolder", "RP0118 fileNameNotUTF8",
        "RP0130 symbolicLinkInPublic", "RP0131 specialFileInPublic", "RP0132 cannotReadPublicFile",
        "RP0201 noFrontMatter", "RP0202 frontMatterNotClosed", "RP0203 frontMatterEndsInText",
        "RP0204 frontMatterEndsEarly", "RP0205 yamlUnreadable", "RP0206 yamlAlias", "RP0207 yamlTooManyValues",
        "RP0208 yamlTooDeep", "RP0209 yamlKeyNotWord", "RP0210 yamlSyntax", "RP0211 duplicateKey",
        "RP0212 frontMatterEmpty", "RP0213 notAMapping", "RP0301 unknownKey", "RP0302 keyWithoutValue",
        "RP0303 missingKey", "RP0304 oneOfRequired", "RP0305 onlyOneOf", "RP0306 notAList",
        "RP0307 tooFewItems", "RP0308 notAMappingValue", "RP0309 wrongType", "RP0310 emptyText",
        "RP0311 implausibleYear", "RP0312 dateNotISO", "RP0313 dateDoesNotExist", "RP0314 notADate",
        "RP0315 numberOutOfRange", "RP0316 notANumber", "RP0317 notABoolean", "RP0318 notHTTPS",
        "RP0319 invalidSlug", "RP0320 invalidChoice", "RP0321 baseURLOption", "RP0322 baseURLSetting",
        "RP0323 placeholderBaseURL", "RP0324 implausibleNow", "RP0401 duplicateSlug", "RP0402 reservedSlug",
        "RP0403 unknownReference", "RP0404 listedTwice", "RP0405 noProvenance", "RP0406 twoProvenances",
        "RP0407 relationWithoutProvenance", "RP0408 dependencyCycle", "RP0409 endNotAfterStart",
        "RP0410 endBeforeStart", "RP0411 expiryNotAfterPublish", "RP0412 imageWithoutAlt",
        "RP0413 variantWithoutStart", "RP0414 variantsOutOfOrder", "RP0415 variantOverlap",
        "RP0416 stepBackwards", "RP0417 stepDatedBefore", "RP0418 noFullParticipant", "RP0419 headingLevelOne",
        "RP0420 headingJump", "RP0421 missingOwnAnchor", "RP0422 linkWithoutDestination", "RP0423 unsafeLink",
        "RP0424 imageNotAbsolute", "RP0425 relativeLink", "RP0426 linkLeavesFolder", "RP0427 missingAnchor",
        "RP0428 linkWithoutSlash", "RP0429 brokenLink", "RP0430 missingImage", "RP0450 outputLinkOutsideSite",
        "RP0451 outputBrokenLink", "RP0452 outputMissingAnchor", "RP0501 templatesFolderMissing",
        "RP0502 templateNotUTF8", "RP0503 templateTooLarge", "RP0504 templateNotAFile",
        "RP0505 cannotReadTemplate", "RP0506 templateSyntax", "RP0507 missingPartial",
        "RP0508 unknownFunction", "RP0509 templateIncludesItself", "RP0510 templateMissing",
        "RP0511 templatesTooDeep", "RP0512 nameNotInData", "RP0601 refuseMapOutput",
        "RP0602 refuseSchemaOutput", "RP0603 contentFolderRefused", "RP0604 cannotWrite",
        "RP0605 cannotMakeFolder", "RP0606 cannotMakeParent", "RP0607 cannotMakeLock", "RP0608 cannotLock",
        "RP0609 outputBusy", "RP0610 lockKeepsChanging", "RP0611 refuseOutput", "RP0612 notWrittenByBuild",
        "RP0613 outputFileProblem", "RP0614 incompleteSite", "RP0615 cannotRename", "RP0616 outsideOutput",
        "RP0617 siteNotWritten", "RP0701 previewBuildFailed", "RP0702 portInUse", "RP0801 unknownLanguage",
        "RP0802 titleInvisibleCharacter", "RP0803 titleTooLong", "RP0804 titleWithoutName",
        "RP0805 fileExists", "RP0806 duplicateNodeID", "RP0807 unknownNode", "RP0808 summaryOmitted", "RP0809 nowNotADate"
    ]

    @Test func everyCodeIsListedOnceAndNeverRenumbered() {
        let codes = MessageCode.allCases.map { "\($0.rawValue) \($0)" }
        #expect(codes == Self.assigned)
        let numbers = Self.assigned.map { $0.prefix(6) }
        #expect(Set(numbers).count == numbers.count, "a code is listed twice")
        for number in numbers {
            #expect(number.wholeMatch(of: /RP0[1-8][0-9][0-9]/) != nil, "\(number)")
        }
    }

    /// The same placeholders in both languages: a Dutch text never drops a value the English has.
    private func expectBothLanguages(_ nl: String, _ en: String, _ what: String) {
        #expect(!nl.isEmpty && !en.isEmpty, "\(what)")
        #expect(placeholders(nl) == placeholders(en), "\(what): \(nl) / \(en)")
    }

    private func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[1-9]\}/).map { String(text[$0.range]) })
    }

    @Test func everyMessageHintAndPhraseHasBothLanguages() {
        for code in MessageCode.allCases {
            let texts = code.catalogueTexts
            expectBothLanguages(texts.message.nl, texts.message.en, code.rawValue)
            if let hint = texts.hint {
                #expect(!hint.nl.isEmpty && !hint.en.isEmpty, "\(code.rawValue) hint")
            }
        }
        for hint in Hint.allCases { expectBothLanguages(hint.catalogueTexts.nl, hint.catalogueTexts.en, "hint \(hint)") }
        for phrase in Phrase.allCases { expectBothLanguages(phrase.catalogueTexts.nl, phrase.catalogueTexts.en, "phrase \(phrase)") }
        // Editors read Dutch: the Dutch texts differ from the English ones except for pure
        // placeholders and names.
        let dutchDiffers = MessageCode.allCases.filter { $0.catalogueTexts.message.nl != $0.catalogueTexts.message.en }
        #expect(dutchDiffers.count >= MessageCode.allCases.count - 4)
    }

    static let update = "Content/updates/eerste-update.md"

    static func update(_ front: String, body: String = "Tekst.\n") -> String {
        "---\ntitel: Een\n\(front)\nauteur: R\nsamenvatting: S\nredactie: true\n---\n\(body)"
    }

    /// One representative mistake of each kind editors make, as `check` reports it.
    @Test func representativeMistakesHaveTheirDutchTextAndCode() throws {
        let site = try TestSite([
            Self.update: Self.update("datum: 31-01-2026\ndraft: nee\nthemas: [wonenn]",
                                     body: "![](/img/kaart.svg)\n\n![Kaart](/img/kaartje.png)\n\nZie [wonen](/themas/wone/).\n"),
            "Public/img/kaart.svg": "<svg/>",
            "Public/img/kaartje.jpg": "x",
            "Content/partners/dordrecht.yml": "naam: Dordrecht\nredactie: true\n",
        ])
        defer { site.cleanUp() }
        let found = site.check().map { d in
            "\(d.location.map { "\($0.file):\($0.line)" } ?? "-") \(d.code.rawValue) \(d.message)" + (d.hint.map { " | \($0)" } ?? "")
        }
        let expected = [
            "Content/partners/dordrecht.yml:1 RP0401 de naam \"dordrecht\" wordt al gebruikt door Content/gemeenten/dordrecht.md"
                + " | geef een van de bestanden een andere naam; gemeenten en partners mogen ook niet dezelfde naam hebben",
            "\(Self.update):3 RP0312 \"31-01-2026\" is niet geschreven als JJJJ-MM-DD (jaar-maand-dag) | schrijf datums als JJJJ-MM-DD, dus 2026-01-31",
            "\(Self.update):4 RP0317 bij \"draft\" hoort true of false, gevonden: \"nee\" | schrijf true of false; voor \"nee\" schrijft u false",
            "\(Self.update):5 RP0403 er is geen thema met de naam \"wonenn\" | bedoelt u \"wonen\"?",
            "\(Self.update):10 RP0412 afbeelding zonder beschrijving (alt-tekst) | beschrijf de afbeelding tussen de haken: ![Kaart van de Drechtsteden](/img/kaart.svg)",
            "\(Self.update):12 RP0430 afbeelding niet gevonden: /img/kaartje.png staat niet in Public/"
                + " | zet de afbeelding in de map Public/img/ en schrijf het adres als /img/naam.jpg; bestanden die er wel zijn en erop lijken: /img/kaartje.jpg, /img/kaart.svg",
            "\(Self.update):14 RP0429 link naar een pagina die niet bestaat: /themas/wone/ | bedoelt u \"/themas/wonen/\"?",
        ]
        for line in expected { #expect(found.contains(line), "\(line)\n\(found.joined(separator: "\n"))") }
    }

    @Test func aTemplateErrorHasItsDutchTextAndCode() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let footer = site.root.appendingPathComponent("Templates/partials/footer.mustache")
        let text = try String(contentsOf: footer, encoding: .utf8)
        try (text + "{{#open}}\n").write(to: footer, atomically: true, encoding: .utf8)
        let failure = try #require(throws: BuildFailure.self) { try site.build() }
        let d = try #require(failure.diagnostics.first)
        #expect(d.code == .templateSyntax)
        #expect(d.message == "de template is niet goed opgebouwd: een sectie wordt niet gesloten: {{#open}} heeft geen {{/open}}")
        #expect(d.message(in: .en) == "template syntax error: a section is not closed: {{#open}} has no {{/open}}")
        #expect(d.hint == "kijk na of elke {{#sectie}} een bijpassende {{/sectie}} heeft en elke tag sluit met }}")
    }

    @Test func theLanguageIsNlUnlessTaalOrTheEnvironmentSaysEn() throws {
        #expect(try Language.choose(option: nil, environment: [:]).get() == .nl)
        #expect(try Language.choose(option: "EN", environment: [:]).get() == .en)
        #expect(try Language.choose(option: nil, environment: [Language.environmentKey: "en"]).get() == .en)
        #expect(try Language.choose(option: "nl", environment: [Language.environmentKey: "en"]).get() == .nl)
        for (option, environment) in [("fr", [String: String]()), (nil, [Language.environmentKey: "english"])] as [(String?, [String: String])] {
            guard case .failure(let refusal) = Language.choose(option: option, environment: environment) else {
                Issue.record("\(String(describing: option)) \(environment) was accepted")
                continue
            }
            #expect(refusal.code == .unknownLanguage)
            #expect(refusal.message.hasSuffix("is geen taal die regioportaal kent"))
            #expect(refusal.hint == "kies nl (Nederlands, de standaard) of en (Engels, voor ontwikkelaars)")
        }
    }
}

/// `--taal`, the environment and the machine formats through the command line itself.
@Suite(.serialized) struct CommandLineLanguageTests {
    static let files = [MessageCatalogueTests.update: MessageCatalogueTests.update("datum: 2026-01-31", body: "![](/img/x.png)\n")]

    @Test func checkSpeaksDutchByDefaultAndEnglishOnRequest() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let dutch = try Binary.start(["check", "--now", "2026-11-22"], in: site.root).waitForOutput()
        #expect(dutch.status == 1)
        #expect(dutch.stderr.contains("\(MessageCatalogueTests.update):8:1: fout RP0412: afbeelding zonder beschrijving (alt-tekst)"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("  tip: beschrijf de afbeelding"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("controle: 2 fouten, 0 waarschuwingen"), "\(dutch.stderr)")
        for run in [try Binary.start(["check", "--now", "2026-11-22", "--taal", "en"], in: site.root),
                    try Binary.start(["check", "--now", "2026-11-22"], in: site.root, environment: ["REGIOPORTAAL_TAAL": "en"])] {
            let english = run.waitForOutput()
            #expect(english.status == 1)
            #expect(english.stderr.contains("\(MessageCatalogueTests.update):8:1: error RP0412: image without alt text"), "\(english.stderr)")
            #expect(english.stderr.contains("check: 2 errors, 0 warnings"), "\(english.stderr)")
        }
    }

    @Test func aWrongLanguageIsRefused() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        for (arguments, environment) in [(["check", "--taal", "fr"], [String: String]()), (["build"], ["REGIOPORTAAL_TAAL": "frans"]),
                                         (["new", "update", "Titel", "--taal", "de"], [:])] {
            let run = try Binary.start(arguments, in: site.root, environment: environment).waitForOutput()
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.contains("is geen taal die regioportaal kent"), "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aRefusedOutputFolderIsExplainedInEitherLanguage() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let dutch = try Binary.run(["build", "--output", "Content"], in: site.root)
        #expect(dutch.status == 1)
        #expect(dutch.stderr.contains("fout RP0611: schrijft de site niet in Content: het is de inhoudsmap"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("  tip: geef --output een eigen map, bijvoorbeeld _site"), "\(dutch.stderr)")
        let english = try Binary.run(["build", "--output", "Content", "--taal", "en"], in: site.root)
        #expect(english.status == 1)
        #expect(english.stderr.contains("error RP0611: not writing the site into Content: it is the content folder"), "\(english.stderr)")
        #expect(english.stderr.contains("  hint: pass --output a folder of its own, for example _site"), "\(english.stderr)")
    }

    @Test func theMachineFormatsCarryTheCode() throws {
        let site = try TestSite(Self.files)
        defer { site.cleanUp() }
        let github = try Binary.start(["check", "--now", "2026-11-22", "--format", "github"], in: site.root).waitForOutput()
        #expect(github.stdout.contains("::error file=\(MessageCatalogueTests.update),line=8,col=1,title=RP0412::afbeelding zonder beschrijving (alt-tekst)%0A"),
                "\(github.stdout)")
        let json = try Binary.start(["check", "--now", "2026-11-22", "--format", "json", "--taal", "en"], in: site.root).waitForOutput()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let image = try #require(parsed.first { $0["code"] as? String == "RP0412" })
        #expect(image["message"] as? String == "image without alt text")
        #expect(image["line"] as? Int == 8)
        #expect(parsed.allSatisfy { ($0["code"] as? String)?.hasPrefix("RP") == true })
    }
}
