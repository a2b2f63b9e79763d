import ArgumentParser
import Foundation
import RegioContent
import RegioSupport
import Regioportaal

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new content file with correct front matter.",
        discussion: "Example: regioportaal new update \"Nieuwe energietafel gestart\""
    )

    @Argument(help: "What to create: \(Scaffold.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Scaffold.Kind

    @Argument(help: "The title; the file name (slug) is made from it.")
    var title: String

    @Option(help: "Folder with the content.")
    var content = "Content"

    @Option(help: "The date to put in the file, YYYY-MM-DD (default: today).")
    var now: String?

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        do {
            if let refusal = WriteGuard.contentFolder(root, displayBase: cwd) { throw refusal }
            let file = try Scaffold.create(kind, title: title, on: try today(now), in: root)
            print(RelativePath.display(file, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        } catch let diagnostic as Diagnostic {
            report([diagnostic], format: .human)
            throw ExitCode(1)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List updates that are not published: drafts, future (publishDate after --now) or expired.")

    @Argument(help: "drafts, future or expired")
    var which: Which

    @OptionGroup var project: ProjectOptions

    enum Which: String, ExpressibleByArgument, CaseIterable {
        case drafts, future, expired
    }

    func run() throws {
        let options = try project.buildOptions()
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(options, diagnostics: &diagnostics) else {
            report(diagnostics.sorted, format: .human)
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
