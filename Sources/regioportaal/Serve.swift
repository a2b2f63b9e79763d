import ArgumentParser
import Foundation
import Regioportaal
import RegioportaalServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toont de site op deze computer (127.0.0.1) en bouwt opnieuw zodra u een bestand opslaat.",
        discussion: "Open het adres dat de preview noemt in de browser. Concepten staan erin, met het label concept. Een fout in een bestand ziet u meteen op de pagina, met de plek en een tip."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "Poort op 127.0.0.1 (standaard 8000).")
    var port = 8000

    func run() async throws {
        // The preview shows what the editor is writing: drafts too, with their "concept" label.
        let options = try project.buildOptions(defaultOutput: "_preview", preview: true)
        do {
            try await PreviewServer(options: options, port: port).run()
        } catch let error as PreviewServerError {
            // Stops with exit 1: a refused output is never served.
            if let refusal = error.diagnostic { report([refusal], format: .human, language: options.language) } else { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
