import Foundation

/// The stages in order: load → parse → model → validate → map → render → write. `check`
/// runs the first four; `build` runs them all. Every stage reports into one `Diagnostics`,
/// so a run prints all its problems together.
public enum Pipeline {
    /// The validated model, as loaded and as it will be published.
    public struct Checked: Sendable {
        public var files: [LoadedFile]
        public var assets: AssetManifest
        public var model: SiteModel
        public var published: SiteModel
    }

    /// Load, parse, build the model and validate it. Returns nil only when nothing usable
    /// could be read; errors in individual files are in `diagnostics`.
    public static func check(_ options: BuildOptions, diagnostics: inout Diagnostics) -> Checked? {
        var timer = StageTimer()
        let loader = ContentLoader(root: options.content, displayBase: options.displayBase)
        options.progress?("reading \(RelativePath.display(options.content, from: options.displayBase))")
        let loaded = loader.load(into: &diagnostics)
        timer.mark("  load")
        guard let settingsFile = loaded.settings else { return nil }
        let parserForSettings = ContentParser(basePath: "/")
        guard let settings = parserForSettings.parseSettings(settingsFile, baseURLOverride: options.baseURL, diagnostics: &diagnostics) else {
            return nil
        }
        let parser = ContentParser(basePath: SitePaths.basePath(of: settings.baseURL))
        options.progress?("parsing \(loaded.files.count) files")
        let parsed = parser.parse(loaded.files, cache: options.cache, diagnostics: &diagnostics)
        timer.mark("  parse (front matter, Markdown)")
        let model = ModelBuilder().build(parsed, settings: settings)
        let published = model.published(on: options.now, includeDrafts: options.includeDrafts)
        timer.mark("  model")
        let assets = AssetManifest.scan(options.publicFolder, displayBase: options.displayBase, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: Validator.validate(parsed: parsed, model: model, published: published, now: options.now,
                                                          assetPaths: assets.sitePaths.union(assets.assets.map { "/" + $0.path }),
                                                          linkSeverity: options.linkSeverity))
        timer.mark("  assets, validate")
        return Checked(files: loaded.files, assets: assets, model: model, published: published)
    }

    /// A full build. Throws ``BuildFailure`` with every diagnostic when anything is wrong;
    /// the previous output folder is then untouched.
    public static func build(_ options: BuildOptions, fileSystem: OutputFileSystem = LocalFileSystem()) throws -> BuildReport {
        let started = Date()
        var timer = StageTimer()
        var diagnostics = Diagnostics()
        let checked = check(options, diagnostics: &diagnostics)
        timer.mark("load, parse, model, validate")
        let templates = TemplateSet.load(options.templates, displayBase: options.displayBase, diagnostics: &diagnostics)
        timer.mark("templates")
        guard let checked, let templates, !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        let model = checked.published
        let assets = checked.assets
        let maps = MapArtifacts(model: model, relations: Relations(model), on: options.now,
                                basePath: SitePaths.basePath(of: model.settings.baseURL))
        timer.mark("maps")
        let site = SiteRenderer(model: model, now: options.now, templates: templates, assets: assets, maps: maps)
        options.progress?("rendering")
        let rendered = site.render(assets: assets, linkSeverity: options.linkSeverity, diagnostics: &diagnostics)
        timer.mark("render (all)")
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics.sorted) }

        let output = StagedOutput(output: options.output, fileSystem: fileSystem)
        do {
            options.progress?("writing \(rendered.count + assets.assets.count) files")
            try output.prepare()
            try ConcurrentWrite.run(rendered) { file in try output.write(file.contents, to: file.path) }
            for asset in assets.assets { try output.copy(asset.source, to: asset.outputPath) }
            try output.commit()
            timer.mark("write")
        } catch {
            output.abandon()
            let message = (error as? Diagnostic)?.message ?? error.localizedDescription
            diagnostics.error("could not write the site to \(RelativePath.display(options.output, from: options.displayBase)): \(message)",
                              at: nil, hint: "the previous site was left as it was; check free disk space and permissions")
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        let pages = rendered.filter { $0.path.hasSuffix(".html") }.count
        let searchBytes = rendered.first { $0.path == MachineOutputs.searchIndexPath }?.contents.count ?? 0
        return BuildReport(pages: pages, files: rendered.count + assets.assets.count, warnings: diagnostics.warnings,
                           seconds: Date().timeIntervalSince(started), searchIndexBytes: searchBytes)
    }
}

/// An output file ready to write.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

enum ConcurrentWrite {
    /// Writes on all cores; the first error wins and is rethrown.
    static func run(_ files: [OutputFile], _ write: @Sendable (OutputFile) throws -> Void) throws {
        let errors = ConcurrentMap.map(files) { file -> String? in
            do { try write(file); return nil } catch {
                return (error as? Diagnostic)?.message ?? "\(file.path): \(error.localizedDescription)"
            }
        }
        if let first = errors.compactMap({ $0 }).first {
            throw Diagnostic.error(first, at: nil)
        }
    }
}

/// `REGIOPORTAAL_TIMINGS=1` prints the wall time of each stage of a build to standard error,
/// for profiling; without it, marks cost nothing.
struct StageTimer {
    static let enabled = ProcessInfo.processInfo.environment["REGIOPORTAAL_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Reports the time since the previous mark (or since the timer was made).
    mutating func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("timing \(stage): \((now - last) / 1_000_000) ms\n".utf8))
        last = now
    }
}
