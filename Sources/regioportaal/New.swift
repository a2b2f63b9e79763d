import ArgumentParser
import Foundation
import RegioContent
import RegioSupport
import Regioportaal

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maakt een nieuw bestand met de juiste gegevens bovenaan (front matter).",
        discussion: "Voorbeeld: regioportaal new update \"Nieuwe energietafel gestart\". Een update en een besluit krijgen de datum voor de naam; de namen van thema's, gemeenten en coalities die er zijn, staan als commentaar in het bestand."
    )

    @Argument(help: "Wat u maakt: \(Scaffold.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Scaffold.Kind

    @Argument(help: "De titel; daar wordt de bestandsnaam van gemaakt.")
    var title: String

    @Option(help: ArgumentHelp("Map met de inhoud.", valueName: "map"))
    var content = "Content"

    @Option(help: ArgumentHelp("De datum in het bestand, als JJJJ-MM-DD (standaard: vandaag).", valueName: "JJJJ-MM-DD"))
    var now: String?

    @OptionGroup var taal: LanguageOption

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        let language = try taal.language()
        do {
            if let refusal = WriteGuard.contentFolder(root, displayBase: cwd) { throw refusal }
            let file = try Scaffold.create(kind, title: title, on: try today(now), in: root)
            print(RelativePath.display(file, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        } catch let diagnostic as Diagnostic {
            report([diagnostic], format: .human, language: language)
            throw ExitCode(1)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Toont de updates die niet gepubliceerd zijn: concepten (drafts), nog niet (future: publishDate na --now) of niet meer (expired).")

    @Argument(help: "drafts (concepten), future (nog niet) of expired (niet meer)")
    var which: Which

    @OptionGroup var project: ProjectOptions

    enum Which: String, ExpressibleByArgument, CaseIterable {
        case drafts, future, expired
    }

    func run() throws {
        let options = try project.buildOptions()
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(options, diagnostics: &diagnostics) else {
            report(diagnostics.sorted, format: .human, language: options.language)
            throw ExitCode(1)
        }
        let wanted: Publication.State = which == .drafts ? .draft : which == .future ? .future : .expired
        for update in checked.model.updates where Publication.state(of: update, on: options.now) == wanted {
            var line = "\(update.info.source.displayPath)\t\(update.datum)\t\(update.titel)"
            if let publish = update.publishDate { line += "\tpublishDate \(publish)" }
            if let expiry = update.expiryDate { line += "\texpiryDate \(expiry)" }
            print(line)
        }
    }
}
