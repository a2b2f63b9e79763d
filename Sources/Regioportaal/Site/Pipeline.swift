import Foundation
import RegioCheck
import RegioContent
import RegioRender
import RegioSupport

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
        /// Of the published model; the validation needs them, and so do the map and the pages.
        public var relations: Relations
        public var timeline: Timeline
        /// What links in Markdown may point at.
        var known: KnownTargets
    }

    /// Load, parse, build the model and validate it. Returns nil only when nothing usable
    /// could be read; errors in individual files are in `diagnostics`.
    public static func check(_ options: BuildOptions, diagnostics: inout Diagnostics) -> Checked? {
        // The present bounds the snapshot years; an implausible one is a typo, never obeyed.
        guard options.now.isPlausible else {
            diagnostics.error(.implausibleNow, "\(options.now)", Day.plausibleYears.lowerBound, Day.plausibleYears.upperBound,
                              at: nil, hint: Day.suggestedYear(for: options.now.year).map { Hint.didYouMeanYear($0) } ?? Hint.giveDate())
            return nil
        }
        var timer = StageTimer()
        var loader = ContentLoader(root: options.content, displayBase: options.displayBase)
        loader.cache = options.cache?.files
        options.progress?(Phrase.stepReading(RelativePath.display(options.content, from: options.displayBase))[options.language])
        // After a watcher's changes, only the changed files are read again (when that suffices).
        let root = options.content.standardizedFileURL.path
        let loaded: LoadedContent
        if let cache = options.cache, let changed = options.changedPaths, let previous = cache.loads.value(for: root),
           let reloaded = loader.reload(previous, changed: changed) {
            loaded = reloaded.content
            cache.loads.set(reloaded, for: root)
        } else {
            let before = diagnostics.count
            loaded = loader.load(into: &diagnostics)
            // A listing with problems is not reused: the next build lists again and reports them.
            options.cache?.loads.set(diagnostics.count == before ? IndexedContent(loaded) : nil, for: root)
            options.cache?.files.retain(Set(loaded.files.map(\.source.path) + [loaded.settings?.path].compactMap { $0 }))
        }
        timer.mark("  load")
        guard let settingsFile = loaded.settings else { return nil }
        let parserForSettings = ContentParser(basePath: "/")
        guard let settings = parserForSettings.parseSettings(settingsFile, baseURLOverride: options.baseURL, diagnostics: &diagnostics) else {
            return nil
        }
        if !options.isPreview, let location = settings.baseURLLocation, WebAddress.isPlaceholder(settings.baseURL) {
            diagnostics.warning(.placeholderBaseURL, Excerpt.quoted(settings.baseURL), at: location)
        }
        let parser = ContentParser(basePath: SitePaths.basePath(of: settings.baseURL))
        options.progress?(Phrase.stepParsing(loaded.files.count)[options.language])
        let parsed = parser.parse(loaded.files, cache: options.cache?.parse, diagnostics: &diagnostics)
        timer.mark("  parse (front matter, Markdown)")
        let model = ModelBuilder().build(parsed, settings: settings)
        let published = model.published(on: options.now, includeDrafts: options.includeDrafts)
        timer.mark("  model")
        // The relations and the timeline are made while the model's rules are checked; only the
        // check of the bodies' links waits for them (for the years that have snapshot pages).
        let now = options.now
        let derived = Deferred { () -> (Relations, Timeline) in
            let relations = Relations(published)
            return (relations, Timeline(model: published, relations: relations, now: now))
        }
        let assets = AssetManifest.scan(options.publicFolder, displayBase: options.displayBase, diagnostics: &diagnostics)
        timer.mark("  assets")
        let validated = Validator.validate(parsed: parsed, model: model, published: published, now: now,
                                           assetPaths: assets.sitePaths.union(assets.assets.map { "/" + $0.path }),
                                           linkSeverity: options.linkSeverity, timeline: { derived.value.1 },
                                           bodyCache: options.cache?.bodies)
        diagnostics.append(contentsOf: validated.diagnostics)
        let (relations, timeline) = derived.value
        timer.mark("  validate (relations, timeline meanwhile)")
        return Checked(files: loaded.files, assets: assets, model: model, published: published, relations: relations, timeline: timeline,
                       known: validated.known)
    }

    /// A full build. Throws ``BuildFailure`` with every diagnostic when anything is wrong;
    /// the previous output folder is then untouched.
    public static func build(_ options: BuildOptions, fileSystem: OutputFileSystem = LocalFileSystem()) throws -> BuildReport {
        if let refusal = OutputFolder.pathRefusal(for: options) { throw BuildFailure(diagnostics: [refusal]) }
        // One writer per output folder for the whole build; `serve` holds it for its whole life.
        var lock: OutputLock?
        if options.outputLock?.covers(options.output) != true {
            do { lock = try OutputLock.acquire(options.output, displayBase: options.displayBase) } catch let refusal as Diagnostic {
                throw BuildFailure(diagnostics: [refusal])
            }
        }
        defer { lock?.release() }
        // A rebuild in place touches only files it wrote itself; a full build replaces the
        // previous one, and may only when nothing else is in the folder (the whole folder is
        // looked at just before the swap).
        if options.cache?.render.previous(for: options.output) == nil,
           let refusal = OutputFolder.ownershipRefusal(options.output, displayBase: options.displayBase, walk: false) {
            throw BuildFailure(diagnostics: [refusal])
        }
        var explanation = Explanation()
        var whyNot = "no earlier successful build with these options in this process"
        if options.changedPaths == nil { whyNot = "the watcher did not say what changed" }
        if options.cache == nil { whyNot = "a build without a cache (not the preview)" }
        if let cache = options.cache, let changed = options.changedPaths,
           let last = cache.lastBuild.take(for: TextEditRebuild.OptionsKey(options)),
           let report = TextEditRebuild.rebuild(options, changed: changed, last: last, cache: cache, fileSystem: fileSystem, whyNot: &whyNot) {
            return report
        }
        if options.explain {
            explanation.changed(options.changedPaths, displayBase: options.displayBase)
            explanation.route("the full pipeline: " + whyNot)
        }
        let parsedBefore = options.cache?.parse.misses ?? 0
        // Kept again only when this build succeeds.
        options.cache?.lastBuild.forget()
        let started = Date()
        var timer = StageTimer()
        var diagnostics = Diagnostics()
        // The templates are read and compiled while the content is checked.
        let templateJob = Deferred { () -> (TemplateSet?, Diagnostics) in
            var found = Diagnostics()
            return (loadTemplates(options, diagnostics: &found), found)
        }
        let checked = check(options, diagnostics: &diagnostics)
        timer.mark("load, parse, model, validate")
        if options.explain, let checked {
            let again = options.cache.map { $0.parse.misses - parsedBefore } ?? checked.files.count
            explanation.parsed(again: again, of: checked.files.count)
        }
        let (templates, templateDiagnostics) = templateJob.value
        diagnostics.append(contentsOf: templateDiagnostics)
        timer.mark("templates (the rest)")
        guard let checked, let templates, !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }
        let model = checked.published
        let assets = checked.assets
        let (relations, timeline) = (checked.relations, checked.timeline)
        let mapYears = Routes.mapYears(model, now: options.now, snapshotYears: timeline.snapshotYears(now: options.now))
        // What the files of the site hash to: lets a rebuild skip work whose inputs are unchanged.
        let sources = options.cache.map { _ in SourceKeys(model: model, now: options.now) }
        timer.mark("relations, timeline, source keys")
        let maps = MapArtifacts.make(model: model, relations: relations, on: options.now, basePath: SitePaths.basePath(of: model.settings.baseURL),
                                     mapYears: mapYears, sources: sources, cache: options.cache?.maps)
        timer.mark("maps")
        let site = SiteRenderer(model: model, now: options.now, templates: templates, assets: assets, maps: maps,
                                relations: relations, timeline: timeline)
        options.progress?(Phrase.stepRendering()[options.language])
        let memo = options.cache?.render
        let previous = memo?.previous(for: options.output)
        let inPlace = previous != nil
        let writeFailure = { (error: Error, diagnostics: Diagnostics) -> BuildFailure in
            memo?.invalidate()
            return Self.writeFailure(error, options: options, inPlace: inPlace, diagnostics: diagnostics)
        }
        // A full build streams pages into a fresh staging folder while rendering and swaps it in
        // at the end; a rebuild with the previous output in place (the preview) compares and
        // replaces single files afterwards.
        let staged = previous == nil ? StagedOutput(output: options.output, fileSystem: fileSystem, displayBase: options.displayBase) : nil
        let firstWriteError = FirstError()
        var sink: (@Sendable (OutputFile) -> Void)?
        if let staged {
            do {
                try staged.prepare()
            } catch {
                throw writeFailure(error, diagnostics)
            }
            sink = { file in
                guard !firstWriteError.isSet else { return }
                do { try staged.write(file.contents, to: file.path) } catch { firstWriteError.record(error) }
            }
        }
        let output = site.render(assets: assets, linkSeverity: options.linkSeverity, previous: previous, remember: memo != nil,
                                 sources: sources, searchCache: options.cache?.search, openDataCache: options.cache?.openData, sink: sink,
                                 explain: options.explain, diagnostics: &diagnostics)
        let rendered = output.files
        timer.mark("render (all)")
        if let error = firstWriteError.value {
            staged?.abandon()
            throw writeFailure(error, diagnostics)
        }
        guard !diagnostics.hasErrors else {
            staged?.abandon()
            throw BuildFailure(diagnostics: diagnostics.sorted)
        }

        var state = RenderMemo.State(output: options.output.standardizedFileURL.path, pages: output.records, files: [:],
                                     linkTargets: output.linkTargets)
        do {
            if let staged {
                do {
                    options.progress?(Phrase.stepWriting(rendered.count + assets.assets.count)[options.language])
                    try ConcurrentWrite.run(rendered) { file in try staged.write(file.contents, to: file.path) }
                    for asset in assets.assets { try staged.copy(asset.source, to: asset.outputPath) }
                    try staged.commit()
                } catch let refusal as OutputFolder.Refusal {
                    staged.abandon()
                    throw BuildFailure(diagnostics: diagnostics.sorted + [refusal.diagnostic])
                } catch {
                    staged.abandon()
                    throw error
                }
                if memo != nil {
                    // Assets that cannot be read back are left out: the next rebuild writes them again.
                    let written = rendered + ((try? IncrementalOutput.read(assets.assets)) ?? [])
                    for page in output.streamed { state.files[page.path] = page.hash }
                    for (file, hash) in zip(written, IncrementalOutput.hashes(written)) { state.files[file.path] = hash }
                    state.sizes = staged.files
                }
            } else if let previous {
                options.progress?(Phrase.stepUpdating(RelativePath.display(options.output, from: options.displayBase))[options.language])
                let updater = IncrementalOutput(output: options.output, fileSystem: fileSystem)
                state.files = previous.files
                state.sizes = previous.sizes
                try updater.update(files: rendered, assets: assets.assets, kept: output.keptPages, state: &state)
            }
            timer.mark("write")
        } catch let refusal as BuildFailure {
            memo?.invalidate()
            throw refusal
        } catch {
            throw writeFailure(error, diagnostics)
        }
        let renderedPages = rendered.filter { $0.path.hasSuffix(".html") }.count + output.streamed.count
        memo?.commit(state, rendered: renderedPages, kept: output.keptPages.count)
        let pages = renderedPages + output.keptPages.count
        let searchBytes = rendered.reduce(0) { $0 + (MachineOutputs.isSearchIndexPart($1.path) ? $1.contents.count : 0) }
        let files = rendered.count + output.streamed.count + output.keptPages.count + assets.assets.count
        if let cache = options.cache, let sources, let searchEntries = output.searchEntries {
            cache.lastBuild.set(TextEditRebuild.Snapshot(
                model: checked.model, published: model, relations: relations, timeline: timeline, assets: assets, known: checked.known,
                templates: templates, maps: maps, sources: sources, searchEntries: searchEntries,
                feeds: MachineOutputs(model: model, relations: relations).feeds, warnings: diagnostics.warnings, pages: pages,
                fileCount: files), for: TextEditRebuild.OptionsKey(options))
        }
        var report = BuildReport(pages: pages, files: files, warnings: diagnostics.warnings,
                                 seconds: Date().timeIntervalSince(started), searchIndexBytes: searchBytes,
                                 renderedPages: memo == nil ? nil : renderedPages,
                                 unpublished: UnpublishedPage.list(checked.model, now: options.now, includeDrafts: options.includeDrafts))
        if options.explain {
            explanation.rendered(output.reasons, pages: pages, previousBuild: previous != nil)
            report.explanation = explanation.lines
        }
        return report
    }
}

extension Pipeline {
    /// The templates, parsed again only when the watcher saw a change in their folder (or
    /// does not say what changed).
    static func loadTemplates(_ options: BuildOptions, diagnostics: inout Diagnostics) -> TemplateSet? {
        let root = options.templates.standardizedFileURL.path
        if let cache = options.cache, let changed = options.changedPaths, let previous = cache.templateSets.value(for: root),
           !changed.contains(where: { $0.hasPrefix(root + "/") }) {
            return previous
        }
        let before = diagnostics.count
        let templates = TemplateSet.load(options.templates, displayBase: options.displayBase, diagnostics: &diagnostics)
        // Templates with problems are not kept: the next build parses them again and reports them.
        options.cache?.templateSets.set(diagnostics.count == before ? templates : nil, for: root)
        return templates
    }

    /// The report of a build that could not write its output, after all other diagnostics.
    static func writeFailure(_ error: Error, options: BuildOptions, inPlace: Bool, diagnostics: Diagnostics) -> BuildFailure {
        var diagnostics = diagnostics
        let message = (error as? Diagnostic)?.content.text ?? Text(verbatim: error.localizedDescription)
        diagnostics.error(.siteNotWritten, RelativePath.display(options.output, from: options.displayBase), message,
                          at: nil, hint: inPlace ? Hint.partlyUpdated() : Hint.previousKept())
        return BuildFailure(diagnostics: diagnostics.sorted)
    }
}

/// The first error of work done on several threads; later ones are dropped.
final class FirstError: @unchecked Sendable {
    private let error = Locked<Error?>(nil)

    var isSet: Bool { value != nil }

    var value: Error? { error.current }

    func record(_ error: Error) {
        self.error.withLock { if $0 == nil { $0 = error } }
    }
}

enum ConcurrentWrite {
    /// Writes on all cores; the first error wins and is rethrown.
    static func run(_ files: [OutputFile], _ write: @Sendable (OutputFile) throws -> Void) throws {
        let errors = ConcurrentMap.map(files) { file -> Diagnostic? in
            do { try write(file); return nil } catch {
                return (error as? Diagnostic) ?? .error(.outputFileProblem, file.path, error.localizedDescription, at: nil)
            }
        }
        if let first = errors.compactMap({ $0 }).first { throw first }
    }
}
