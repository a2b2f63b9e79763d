import ArgumentParser
import Foundation
import Regioportaal
import RegioportaalServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on 127.0.0.1, and rebuild and reload open pages when files change."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "Port on 127.0.0.1.")
    var port = 8000

    func run() async throws {
        // The preview shows what the editor is writing: drafts too, with their "concept" label.
        let options = try project.buildOptions(defaultOutput: "_preview", preview: true)
        do {
            try await PreviewServer(options: options, port: port).run()
        } catch let error as PreviewServerError {
            // Stops with exit 1: a refused output is never served.
            if let refusal = error.diagnostic { report([refusal], format: .human) } else { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
