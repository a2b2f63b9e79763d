import ArgumentParser
import Foundation
import RegioContent
import RegioRender
import RegioSupport
import Regioportaal

/// `regioportaal schema`: writes the JSON Schemas of the content into `schemas/`, for editors
/// (VS Code's YAML extension reads them through .vscode/settings.json and the
/// `# yaml-language-server: $schema=…` line of new files). The build publishes the same
/// schemas at /schemas/.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schemas of the content (one per content folder, and site.yml) into schemas/.",
        discussion: "Run it again after adding a gemeente or partner: their slugs are listed in the schemas."
    )

    @Option(help: "Folder with the Markdown and YAML content.")
    var content = "Content"

    @Option(help: "Folder the schemas are written to.")
    var output = "schemas"

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml in the schema ids.")
    var baseURL: String?

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
        let contentFolder = resolve(content)
        let project = contentFolder.deletingLastPathComponent()
        let options = BuildOptions(content: contentFolder, templates: project.appendingPathComponent("Templates"),
                                   publicFolder: project.appendingPathComponent("Public"), output: resolve("_site"),
                                   now: try today(nil), baseURL: baseURL, displayBase: cwd)
        let folder = resolve(output)
        if let refusal = WriteGuard.schemaOutput(folder, content: contentFolder, project: project, displayBase: cwd) {
            report([refusal], format: .human)
            throw ExitCode(1)
        }
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(options, diagnostics: &diagnostics) else {
            report(diagnostics.sorted, format: .human)
            throw ExitCode(1)
        }
        let documents = JSONSchemaWriter(model: checked.model).documents()
        do {
            try WriteGuard.makeFolder(folder, displayBase: cwd)
            for document in documents {
                try WriteGuard.write(Data(document.text.utf8), to: folder.appendingPathComponent(document.fileName), displayBase: cwd)
            }
        } catch let failure as Diagnostic {
            report([failure], format: .human)
            throw ExitCode(1)
        }
        let shown = RelativePath.display(folder, from: cwd)
        FileHandle.standardError.write(Data("wrote \(documents.count) schemas into \(shown)\n".utf8))
        let errors = diagnostics.errors.count
        if errors > 0 {
            // The schemas only need the slugs and names; a mistake elsewhere should not block them.
            FileHandle.standardError.write(Data("note: the content has \(Phrase.count(errors: errors, warnings: diagnostics.warnings.count).en); run regioportaal check\n".utf8))
        }
    }
}
