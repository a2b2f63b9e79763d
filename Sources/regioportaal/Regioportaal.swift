import ArgumentParser
import Foundation
import RegioContent
import RegioRender
import Regioportaal

@main
struct RegioportaalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regioportaal",
        abstract: "Builds the Regioportaal Drechtsteden: a static site from Content/, Templates/ and Public/.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, List.self, MapCommand.self, StabilityCommand.self, SchemaCommand.self],
        defaultSubcommand: nil
    )
}

/// Options every command that reads the project shares.
struct ProjectOptions: ParsableArguments {
    @Option(help: "Folder with the Markdown and YAML content.")
    var content = "Content"

    @Option(help: "Folder with the Mustache templates.")
    var templates = "Templates"

    @Option(name: .customLong("public"), help: "Folder with static files copied as they are.")
    var publicFolder = "Public"

    @Option(help: "Folder the site is written to (default: _site; for serve: _preview). It must be missing, empty or an earlier build: a build replaces the files it wrote before and refuses when it finds anything else.")
    var output: String?

    @Option(help: "The present, as YYYY-MM-DD: nothing scheduled after it is published (default: today).")
    var now: String?

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml, e.g. https://example.org/portaal/.")
    var baseURL: String?

    @Flag(inversion: .prefixedNo, help: "Include draft updates (default: only in serve, the preview; build and check leave them out).")
    var drafts: Bool?

    @Option(help: "How broken internal links count: error (default) or warn.")
    var links: LinkPolicy = .error

    enum LinkPolicy: String, ExpressibleByArgument, CaseIterable { case error, warn }

    func validate() throws {
        if let baseURL, let problem = WebAddress.baseProblem(baseURL) {
            throw ValidationError("--base-url \(problem), \(WebAddress.isValid(baseURL) ? "gevonden" : "found") \"\(baseURL)\"")
        }
    }

    /// `--output`, or the folder of the command: the preview has its own, so that it never
    /// writes (drafts) into the folder a deploy build makes.
    func outputPath(default folder: String = "_site") -> String { output ?? folder }

    func buildOptions(defaultOutput: String = "_site", preview: Bool = false) throws -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL }
        var options = BuildOptions(content: resolve(content), templates: resolve(templates), publicFolder: resolve(publicFolder),
                                   output: resolve(outputPath(default: defaultOutput)), now: try today(now), baseURL: baseURL,
                                   includeDrafts: drafts ?? preview, displayBase: cwd)
        options.isPreview = preview
        options.linkSeverity = links == .warn ? .warning : .error
        return options
    }
}

/// Parses `--now`, or reads the clock once, here at the edge of the program.
func today(_ text: String?) throws -> Day {
    if let text {
        guard let day = Day(text) else { throw ValidationError("--now must be a date written YYYY-MM-DD, got \"\(text)\"") }
        guard day.isPlausible else {
            let hint = Day.suggestedYear(for: day.year).map { " Bedoelt u \($0)\(text.dropFirst(4))?" } ?? ""
            throw ValidationError("--now \(text) kan niet kloppen: het jaar moet van \(Day.plausibleYears.lowerBound) tot en met \(Day.plausibleYears.upperBound) lopen.\(hint)")
        }
        return day
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints diagnostics to standard error (human) or standard output (machine formats).
func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
    guard !diagnostics.isEmpty || format == .json else { return }
    let text = DiagnosticFormatter.format(diagnostics, as: format)
    if format == .human {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

func summary(errors: Int, warnings: Int) -> String {
    "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and write the site (atomically: a failed build leaves the previous site untouched).")

    @OptionGroup var project: ProjectOptions

    @Option(help: "How to print problems: human, github (Actions annotations) or json.")
    var format: DiagnosticFormat = .human

    func run() throws {
        var options = try project.buildOptions()
        // Progress only for a person at a terminal; CI logs stay one line per build.
        if isatty(STDERR_FILENO) == 1 {
            options.progress = { stage in FileHandle.standardError.write(Data("\r\u{1B}[K\(stage)…".utf8)) }
        }
        defer { if options.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        do {
            let result = try Pipeline.build(options)
            report(result.warnings, format: format)
            for line in result.explanation { FileHandle.standardError.write(Data("explain \(line)\n".utf8)) }
            let ms = Int((result.seconds * 1000).rounded())
            let perPage = result.pages > 0 ? result.searchIndexBytes / result.pages : 0
            FileHandle.standardError.write(Data("built \(result.pages) pages (\(result.files) files) into \(project.outputPath()) in \(ms) ms, search index \(result.searchIndexBytes / 1024) KiB (\(perPage) bytes per page), \(summary(errors: 0, warnings: result.warnings.count))\n".utf8))
        } catch let failure as BuildFailure {
            report(failure.diagnostics, format: format)
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed: \(summary(errors: errors, warnings: failure.diagnostics.count - errors)); \(project.outputPath()) was left unchanged\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content without writing anything.")

    @OptionGroup var project: ProjectOptions

    @Option(help: "How to print problems: human, github (Actions annotations) or json.")
    var format: DiagnosticFormat = .human

    func run() throws {
        let options = try project.buildOptions()
        var diagnostics = Diagnostics()
        _ = Pipeline.check(options, diagnostics: &diagnostics)
        _ = TemplateSet.load(options.templates, displayBase: options.displayBase, diagnostics: &diagnostics)
        report(diagnostics.sorted, format: format)
        let errors = diagnostics.errors.count
        if format == .human {
            FileHandle.standardError.write(Data("check: \(summary(errors: errors, warnings: diagnostics.warnings.count))\n".utf8))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
