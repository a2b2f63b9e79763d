import ArgumentParser
import Foundation
import RegioContent
import RegioMap
import RegioRender
import Regioportaal

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Lay out any graph file (in the shape of the opgaven data) as an SVG map.",
        discussion: "The graph file lists nodes with id, titel, optional thema (cluster), afhankelijk_van and coalities."
    )

    @Option(help: "The graph file (YAML).")
    var input: String

    @Option(help: "Where to write the SVG.")
    var output: String

    @Option(help: "Title of the map (for screen readers).")
    var title = "Afhankelijkheden"

    @Flag(help: "Print the number of edge crossings and the layout time.")
    var stats = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let inputFile = URL(fileURLWithPath: input, relativeTo: cwd).standardizedFileURL
        let outputFile = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        if let refusal = WriteGuard.mapOutput(outputFile, input: inputFile, project: cwd, displayBase: cwd) {
            report([refusal], format: .human)
            throw ExitCode(1)
        }
        var diagnostics = Diagnostics()
        guard let graph = GraphFile.read(inputFile, displayBase: cwd, diagnostics: &diagnostics) else {
            report(diagnostics.sorted, format: .human)
            throw ExitCode(1)
        }
        let started = ContinuousClock.now
        let layout = LayeredLayout.layout(graph)
        let elapsed = ContinuousClock.now - started
        let svg = SVGWriter.svg(layout, graph: graph, options: SVGOptions(title: title, description: "\(graph.nodes.count) knopen en \(graph.edges.count) pijlen."))
        do {
            try WriteGuard.write(Data(svg.utf8), to: outputFile, displayBase: cwd)
        } catch let failure as Diagnostic {
            report([failure], format: .human)
            throw ExitCode(1)
        }
        if stats {
            print("nodes \(graph.nodes.count), edges \(graph.edges.count), crossings \(layout.crossingCount()), layout \(elapsed)")
        }
    }
}

struct StabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stability",
        abstract: "Measure how well the year snapshots of the groeiperspectief stay put (for the benchmark results)."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "Instead of the content, measure a seeded random graph of this many nodes that grows each year.")
    var synthetic: Int?

    @Option(help: "Years for --synthetic.")
    var years = 6

    func run() throws {
        if let synthetic {
            print(SnapshotStability(syntheticNodes: synthetic, years: years).table, terminator: "")
            return
        }
        let options = try project.buildOptions()
        var diagnostics = Diagnostics()
        guard let checked = Pipeline.check(options, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            report(diagnostics.sorted, format: .human)
            throw ExitCode(1)
        }
        print(SnapshotStability(model: checked.published, now: options.now).table, terminator: "")
    }
}
