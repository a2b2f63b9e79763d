import ArgumentParser
import Foundation
import RegioContent
import RegioRender
import Regioportaal

@main
struct RegioportaalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regioportaal",
        abstract: "Bouwt het Regioportaal Drechtsteden: een statische site uit Content/, Templates/ en Public/.",
        discussion: "Meldingen zijn in het Nederlands; --taal en (of REGIOPORTAAL_TAAL=en) geeft ze in het Engels, voor ontwikkelaars.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, List.self, MapCommand.self, StabilityCommand.self, SchemaCommand.self],
        defaultSubcommand: nil
    )
}

/// `--taal nl|en`, else `REGIOPORTAAL_TAAL`, else Dutch; anything else is refused.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("taal"), help: ArgumentHelp("Taal van de meldingen: nl (standaard) of en (Engels, voor ontwikkelaars). Ook via REGIOPORTAAL_TAAL.", valueName: "nl|en"))
    var taal: String?

    func validate() throws { _ = try language() }

    func language() throws -> Language {
        switch Language.choose(option: taal, environment: ProcessInfo.processInfo.environment) {
        case .success(let language): return language
        case .failure(let refused): throw ValidationError("\(refused.message) [\(refused.code.rawValue)]; \(refused.hint ?? "")")
        }
    }
}

/// Options every command that reads the project shares.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map met de inhoud (Markdown en YAML).", valueName: "map"))
    var content = "Content"

    @Option(help: ArgumentHelp("Map met de templates (Mustache).", valueName: "map"))
    var templates = "Templates"

    @Option(name: .customLong("public"), help: ArgumentHelp("Map met bestanden die zo worden meegekopieerd (afbeeldingen, css).", valueName: "map"))
    var publicFolder = "Public"

    @Option(help: ArgumentHelp("Map waarin de site komt (standaard _site; bij serve _preview). Die moet leeg zijn, niet bestaan of een eerdere build zijn: een build vervangt alleen wat hij zelf schreef en weigert als er iets anders staat.", valueName: "map"))
    var output: String?

    @Option(help: ArgumentHelp("De datum van vandaag voor de build, als JJJJ-MM-DD: wat daarna gepland staat, wordt niet gepubliceerd (standaard: vandaag).", valueName: "JJJJ-MM-DD"))
    var now: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Vervangt base_url uit site.yml, bijvoorbeeld https://example.org/portaal/.", valueName: "adres"))
    var baseURL: String?

    @Flag(inversion: .prefixedNo, help: "Concepten (draft: true) meenemen (standaard alleen in serve, de preview; build en check laten ze weg).")
    var drafts: Bool?

    @Option(help: "Hoe kapotte interne links tellen: error (fout, standaard) of warn (waarschuwing).")
    var links: LinkPolicy = .error

    @OptionGroup var taal: LanguageOption

    enum LinkPolicy: String, ExpressibleByArgument, CaseIterable { case error, warn }

    func validate() throws {
        if let baseURL, let problem = WebAddress.baseProblem(baseURL) {
            throw ValidationError(refusal(Diagnostic(.error, MessageCode.baseURLOption(problem, baseURL), at: nil)))
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
        options.language = try taal.language()
        options.linkSeverity = links == .warn ? .warning : .error
        return options
    }
}

/// A refused option as one line for ArgumentParser: message, code and hint, in the language
/// asked for (Dutch when the language option itself is what is wrong).
func refusal(_ d: Diagnostic) -> String {
    let language = (try? LanguageOption.parse([]).language()) ?? .nl
    return "\(d.message(in: language)) [\(d.code.rawValue)]" + (d.hint(in: language).map { "; \($0)" } ?? "")
}

/// Parses `--now`, or reads the clock once, here at the edge of the program.
func today(_ text: String?) throws -> Day {
    if let text {
        guard let day = Day(text) else { throw ValidationError(refusal(.error(.nowNotADate, text, at: nil))) }
        guard day.isPlausible else {
            throw ValidationError(refusal(.error(.implausibleNow, text, Day.plausibleYears.lowerBound, Day.plausibleYears.upperBound, at: nil,
                                                 hint: Day.suggestedYear(for: day.year).map { Hint.didYouMean("\($0)\(text.dropFirst(4))") })))
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
func report(_ diagnostics: [Diagnostic], format: DiagnosticFormat, language: Language = .nl) {
    guard !diagnostics.isEmpty || format == .json else { return }
    let text = DiagnosticFormatter.format(diagnostics, as: format, language: language)
    if format == .human {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A line of the command's own, on standard error.
func say(_ text: Text, _ language: Language) {
    FileHandle.standardError.write(Data((text[language] + "\n").utf8))
}

let formatHelp = ArgumentHelp("Hoe meldingen worden getoond: human (voor mensen), github (meldingen in GitHub Actions) of json. Elke melding heeft een vaste code (RP0412) voor scripts.")

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleert de inhoud en schrijft de site.",
        discussion: "De site wordt in één keer vervangen: als de build mislukt, blijft de vorige site zoals hij was. Alle fouten van een run komen samen, met bestand, regel en kolom."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: formatHelp)
    var format: DiagnosticFormat = .human

    func run() throws {
        var options = try project.buildOptions()
        // Progress only for a person at a terminal; CI logs stay one line per build.
        if isatty(STDERR_FILENO) == 1 {
            options.progress = { stage in FileHandle.standardError.write(Data("\r\u{1B}[K\(stage)…".utf8)) }
        }
        defer { if options.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        let language = options.language
        do {
            let result = try Pipeline.build(options)
            report(result.warnings, format: format, language: language)
            for line in result.explanation { FileHandle.standardError.write(Data("explain \(line)\n".utf8)) }
            let ms = Int((result.seconds * 1000).rounded())
            let perPage = result.pages > 0 ? result.searchIndexBytes / result.pages : 0
            say(Phrase.buildDone(result.pages, result.files, project.outputPath(), ms, result.searchIndexBytes / 1024, perPage,
                                 Phrase.count(errors: 0, warnings: result.warnings.count)), language)
        } catch let failure as BuildFailure {
            report(failure.diagnostics, format: format, language: language)
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            say(Phrase.buildFailed(Phrase.count(errors: errors, warnings: failure.diagnostics.count - errors), project.outputPath()), language)
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleert de inhoud zonder iets te schrijven.",
        discussion: "Elke fout noemt het bestand, de regel en de kolom, laat de regel zien en geeft een tip. De opdracht eindigt met code 1 als er fouten zijn, zodat CI stopt."
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: formatHelp)
    var format: DiagnosticFormat = .human

    func run() throws {
        let options = try project.buildOptions()
        var diagnostics = Diagnostics()
        _ = Pipeline.check(options, diagnostics: &diagnostics)
        _ = TemplateSet.load(options.templates, displayBase: options.displayBase, diagnostics: &diagnostics)
        report(diagnostics.sorted, format: format, language: options.language)
        let errors = diagnostics.errors.count
        if format == .human {
            say(Phrase.checkSummary(Phrase.count(errors: errors, warnings: diagnostics.warnings.count)), options.language)
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
