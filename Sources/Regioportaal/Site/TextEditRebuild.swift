import Foundation
import RegioCheck
import RegioContent
import RegioRender
import RegioSupport

/// The most common changes in the preview, made fast: the Markdown text of content files
/// edited while their front matter stays as it was, and an update's title, author or summary
/// edited while it keeps its place.
///
/// Front matter is what ties a file to the rest of the site (titles in lists, dates in the
/// timeline, references in relations and change pages); the Markdown body appears only on
/// the file's own page, in its search index record and, for an update, in the feeds that
/// carry it (``SourceKeys`` leaves bodies out of what other pages are keyed on). So when only
/// bodies changed, the model, relations, timeline, maps and every other page of the last
/// build still hold, and the rebuild is: read the changed files,
/// parse and check their bodies, render their pages, replace their search records and feed
/// entries, and write what changed.
///
/// An update whose date, publication, references and `voorbeeld` stay (``keepsItsPlace(_:_:)``)
/// is listed in the same places, in the same order, with the same events: the relations, the
/// set of pages and the validation still hold, and the timeline only renames its event. Its
/// title may show on any page, so every page is keyed as in the full pipeline and the changed
/// ones are rendered; the search record, the feeds and `updates.json` are replaced.
///
/// Anything outside these cases returns nil and the caller runs the full pipeline (which has
/// its own caches): other front matter, another kind of file, a new or removed file, a
/// heading anchor that changed (links elsewhere may point at it), or any diagnostic at all,
/// so every problem is reported by the full pipeline exactly as a clean build reports it.
/// The incremental build tests compare the result with a clean build.
enum TextEditRebuild {
    /// What the last successful build of a long-running process knew, for the next one (its
    /// files are the remembered load, ``BuildCache/loads``).
    struct Snapshot: Sendable {
        var model: SiteModel
        var published: SiteModel
        var relations: Relations
        var timeline: Timeline
        var assets: AssetManifest
        var known: KnownTargets
        var templates: TemplateSet
        var maps: MapArtifacts
        var sources: SourceKeys
        var searchEntries: [MachineOutputs.SearchEntry]
        var feeds: [MachineOutputs.Feed]
        var warnings: [Diagnostic]
        var pages: Int
        var fileCount: Int
    }

    /// The options a snapshot is valid for; any difference means a full build.
    struct OptionsKey: Hashable, Sendable {
        var content, templates, publicFolder, output: String
        var now: Day
        var baseURL: String?
        var includeDrafts: Bool
        var linkSeverity: Diagnostic.Severity

        init(_ options: BuildOptions) {
            content = options.content.standardizedFileURL.path
            templates = options.templates.standardizedFileURL.path
            publicFolder = options.publicFolder.standardizedFileURL.path
            output = options.output.standardizedFileURL.path
            now = options.now
            baseURL = options.baseURL
            includeDrafts = options.includeDrafts
            linkSeverity = options.linkSeverity
        }
    }

    /// Every kind whose body shows on a page of its own (a partner's has none).
    static let kinds: Set<ContentKind> = [.gemeenten, .themas, .opgaven, .coalities, .besluiten, .updates, .paginas]

    /// Rebuilds after `changed` (standardised absolute paths) from `last`, a build with the
    /// same options, or returns nil when the change needs the full pipeline. Nothing is written
    /// before every check has passed.
    static func rebuild(_ options: BuildOptions, changed: [String], last: consuming Snapshot, cache: BuildCache,
                        fileSystem: OutputFileSystem, whyNot: inout String) -> BuildReport? {
        // Records why this change needs the full pipeline (``BuildOptions/explain`` prints it).
        func giveUp(_ reason: String) -> BuildReport? {
            whyNot = reason
            return nil
        }
        let started = Date()
        var timer = StageTimer()
        let root = options.content.standardizedFileURL.path
        guard !changed.isEmpty, var loaded = cache.loads.value(for: root),
              var state = cache.render.previous(for: options.output) else { return giveUp("no previous build in this output folder") }
        // `last` is moved, not copied (the caller took it from the cache): the arrays this
        // edit changes (10,000 updates, every change event) are then changed in place.
        var next = last
        let loader = ContentLoader(root: options.content, displayBase: options.displayBase)
        let parser = ContentParser(basePath: SitePaths.basePath(of: next.published.settings.baseURL))
        var edited: [(slug: String, kind: ContentKind)] = []
        var frontMatterEdited = false
        var parsedFiles: [(LoadedFile, ParsedFile)] = []
        for path in Set(changed).sorted() {
            guard let index = loaded.positions[path] else {
                return giveUp("\(RelativePath.display(URL(fileURLWithPath: path), from: options.displayBase)) is not a content file of the last build (new, renamed, a template, an asset or site.yml)")
            }
            let old = loaded.content.files[index]
            guard old.isMarkdown, kinds.contains(old.kind) else {
                return giveUp("\(old.source.displayPath) is a file of \(old.kind.rawValue), whose text shows on no page of its own")
            }
            guard !next.warnings.contains(where: { $0.location?.file == old.source.displayPath }) else {
                return giveUp("\(old.source.displayPath) had a warning, which only the full pipeline reports")
            }
            guard let source = loader.reread(old.source) else { return giveUp("\(old.source.displayPath) could not be read again") }
            var problems = Diagnostics()
            let file = LoadedFile(source: source, kind: old.kind, slug: old.slug, isMarkdown: true)
            let sameFront = sameFrontMatter(old.source, source)
            // Of the front matter, only an update's is handled here (and only when it keeps its place: below).
            guard sameFront || old.kind == .updates else { return giveUp("the front matter of \(old.source.displayPath) changed") }
            let parsed = parser.parse(file, diagnostics: &problems)
            guard problems.all.isEmpty, parsed.record != nil,
                  var info = next.model.info(kind: old.kind, slug: old.slug), info.source === old.source,
                  Set(parsed.body.headings.map(\.id)) == Set(info.body.headings.map(\.id)) else {
                return giveUp("\(old.source.displayPath) has a problem, or a heading anchor other pages may link to changed")
            }
            info.source = source
            info.body = parsed.body
            guard Validator.checkBody(info, known: next.known, linkSeverity: options.linkSeverity).count == 0 else {
                return giveUp("the text of \(old.source.displayPath) has a problem, which the full pipeline reports")
            }
            if sameFront {
                next.model.replaceInfo(info)
                next.published.replaceInfo(info)
            } else {
                guard let update = ModelBuilder().build([parsed], settings: next.model.settings).updates.first,
                      let position = next.model.updates.firstIndex(where: { $0.info.slug == old.slug }),
                      keepsItsPlace(next.model.updates[position], update) else {
                    return giveUp("\(old.source.displayPath) changed its date, publication, provenance or what it is about: its place in lists changes")
                }
                next.model.updates[position] = update
                if let shown = next.published.updates.firstIndex(where: { $0.info.slug == old.slug }) {
                    next.published.updates[shown] = update
                    next.timeline.retitle(.update(old.slug), titel: update.titel)
                }
                info = update.info
                frontMatterEdited = true
            }
            loaded.content.files[index] = file
            parsedFiles.append((file, parsed))
            next.sources.replace(info)
            edited.append((old.slug, old.kind))
        }
        timer.mark("  text edit: read, parse, check \(edited.count) file(s)")

        let site = SiteRenderer(model: next.published, now: options.now, templates: next.templates, assets: next.assets,
                                maps: next.maps, relations: next.relations, timeline: next.timeline)
        var files: [OutputFile] = []
        var reasons: [String: [String]] = [:]
        if frontMatterEdited {
            // The open data lists every update with its title and summary: made meanwhile.
            let (published, now, sources, openDataCache) = (next.published, options.now, next.sources, cache.openData)
            let updatesFile = Deferred { OpenData(model: published, now: now).updatesFile(sources: sources, cache: openDataCache) }
            // Any page may name the update: every page is keyed as in the full pipeline, and
            // those whose key changed are rendered, with their links checked against the files
            // of the last build (which are the files of this one).
            var problems = Diagnostics()
            let output = site.render(assets: next.assets, linkSeverity: options.linkSeverity, previous: state, remember: true,
                                     sources: next.sources, searchCache: cache.search, openDataCache: cache.openData, sink: nil, machineOutputs: false,
                                     explain: options.explain, diagnostics: &problems)
            reasons = output.reasons
            guard problems.all.isEmpty, output.linkTargets == state.linkTargets else {
                return giveUp("a page rendered again has a problem, or the site's link targets changed")
            }
            state.pages = output.records
            files = output.files + [updatesFile.value]
            timer.mark("  front matter edit: key every page, render \(output.files.count), updates.json")
        } else {
            // A text edit: the pages of the edited files, if they are published.
            let templateKeys = site.templateKeys(assets: next.assets)
            let checker = OutputLinkChecker(basePath: site.contexts.basePath, templates: next.templates, severity: options.linkSeverity)
            for (slug, kind) in edited {
                let page = Routes.page(for: kind, slug: slug)
                guard next.published.info(kind: kind, slug: slug) != nil else { continue }
                let template = site.contexts.template(for: page)
                let context = site.contexts.context(for: page)
                // Keyed as the full pipeline keys it: by its source files where it can, else by its context.
                guard let record = state.pages[page.outputFile], record.problems.isEmpty,
                      let key = site.sourceKey(for: page, sources: next.sources, templateKeys: templateKeys)
                          ?? site.contextKey(for: page, context: context, templateKeys: templateKeys),
                      let result = site.templates.render(context, template: template),
                      result.problems.isEmpty else { return giveUp("\(page.outputFile) had a problem last time, or its template reports one") }
                let scan = OutputLinkChecker.scan(result.bytes)
                // Other pages may link to this one's ids; and its own links must all resolve.
                guard scan.ids == record.ids, !scan.links.contains(where: {
                    checker.problem($0, from: page.outputFile, targets: state.linkTargets) != nil
                }) else { return giveUp("\(page.outputFile) changed its ids, or links to something that does not exist") }
                state.pages[page.outputFile] = RenderMemo.PageRecord(key: key, templateKey: templateKeys[template] ?? 0, ids: scan.ids,
                                                                     links: scan.links, problems: [])
                reasons["\(template): its text changed", default: []].append(page.path)
                files.append(OutputFile(path: page.outputFile, contents: Data(result.bytes)))
            }
            timer.mark("  text edit: render \(files.count) page(s)")
        }

        // Their search records and the feeds that carry them.
        let machine = MachineOutputs(model: next.published, relations: next.relations)
        let basePath = site.contexts.basePath
        var editedUpdates = Set<Int>()
        var changedParts = Set<Int>()
        for (slug, kind) in edited {
            let path = Routes.page(for: kind, slug: slug).path
            guard let position = next.searchEntries.firstIndex(where: { $0.path == path }),
                  let entry = machine.searchEntry(kind: kind, slug: slug, basePath: basePath) else { continue }
            if next.searchEntries[position].json != entry {
                changedParts.insert(position / MachineOutputs.searchIndexPartSize)
                next.searchEntries[position].json = entry
            }
            if kind == .updates, let u = next.published.updates.firstIndex(where: { $0.info.slug == slug }) { editedUpdates.insert(u) }
        }
        files += changedParts.sorted().map { MachineOutputs.searchIndexPart($0, of: next.searchEntries) }
        for feed in next.feeds where feed.updates.prefix(MachineOutputs.feedLength).contains(where: editedUpdates.contains) {
            files.append(OutputFile(path: String(feed.path.dropFirst()), text: machine.atom(feed)))
        }
        timer.mark("  edit: search index, feeds")

        do {
            try IncrementalOutput(output: options.output, fileSystem: fileSystem).replace(files, state: &state)
        } catch {
            // The folder may be partly updated: the full pipeline that runs next writes all of it.
            cache.render.invalidate()
            cache.lastBuild.forget()
            return giveUp("writing failed, so the whole output is written again")
        }
        timer.mark("  edit: write")
        let rendered = files.count { $0.path.hasSuffix(".html") }
        cache.render.commit(state, rendered: rendered, kept: next.pages - rendered)
        cache.lastBuild.set(next, for: OptionsKey(options))
        // The next full build starts from these files too, and finds them parsed (stored only
        // now: a parse of a rebuild that gave up would hold a file the full build reads again).
        cache.loads.set(loaded, for: root)
        for (file, parsed) in parsedFiles { cache.parse.store(file, basePath: parser.basePath, result: (parsed, Diagnostics())) }
        var report = BuildReport(pages: next.pages, files: next.fileCount, warnings: next.warnings,
                                 seconds: Date().timeIntervalSince(started), searchIndexBytes: MachineOutputs.searchIndexSize(next.searchEntries),
                                 renderedPages: rendered,
                                 unpublished: UnpublishedPage.list(next.model, now: options.now, includeDrafts: options.includeDrafts))
        if options.explain {
            var explanation = Explanation()
            explanation.changed(changed, displayBase: options.displayBase)
            explanation.route(frontMatterEdited ? "an update's title, author or summary: the last build's model, checks and relations kept; every page keyed"
                              : "text below the front matter: only the edited files' own pages, search records and feed entries")
            explanation.parsed(again: parsedFiles.count, of: loaded.content.files.count)
            explanation.rendered(reasons, pages: next.pages, previousBuild: true)
            report.explanation = explanation.lines
        }
        return report
    }

    /// Whether an update keeps its place in the site: what lists it, the order it is listed in,
    /// when it shows and the events it makes (all but its title, author, summary and text).
    /// Then the relations, the timeline's order, the set of pages and the validation of the
    /// last build still hold.
    static func keepsItsPlace(_ a: Update, _ b: Update) -> Bool {
        a.datum == b.datum && a.draft == b.draft && a.publishDate == b.publishDate && a.expiryDate == b.expiryDate
            && a.info.provenance == b.info.provenance && a.themas.map(\.value) == b.themas.map(\.value)
            && a.coalities.map(\.value) == b.coalities.map(\.value) && a.gemeenten.map(\.value) == b.gemeenten.map(\.value)
    }

    /// Whether two versions of a Markdown file have the same front matter, byte for byte.
    static func sameFrontMatter(_ a: SourceFile, _ b: SourceFile) -> Bool {
        var ignored = Diagnostics()
        guard let x = FrontMatter.split(a, diagnostics: &ignored), let y = FrontMatter.split(b, diagnostics: &ignored) else { return false }
        return x.yaml == y.yaml && x.yamlLineOffset == y.yamlLineOffset && x.bodyLineOffset == y.bodyLineOffset
    }
}

extension SiteModel {
    /// The shared fields of the entity of `kind` and `slug`.
    func info(kind: ContentKind, slug: String) -> EntityInfo? {
        switch kind {
        case .gemeenten: return gemeente(slug)?.info
        case .partners: return partner(slug)?.info
        case .themas: return thema(slug)?.info
        case .opgaven: return opgave(slug)?.info
        case .coalities: return coalitie(slug)?.info
        case .besluiten: return besluiten.first { $0.info.slug == slug }?.info
        case .updates: return updates.first { $0.info.slug == slug }?.info
        case .paginas: return paginas.first { $0.info.slug == slug }?.info
        case .bronnen: return bron(slug)?.info
        case .begrippen: return begrippen.first { $0.info.slug == slug }?.info
        }
    }

    /// Replaces the shared fields of the entity with `info`'s kind and slug, if present.
    mutating func replaceInfo(_ info: EntityInfo) {
        func replace<T>(_ list: inout [T], _ path: WritableKeyPath<T, EntityInfo>) {
            if let i = list.firstIndex(where: { $0[keyPath: path].slug == info.slug }) { list[i][keyPath: path] = info }
        }
        switch info.kind {
        case .gemeenten: replace(&gemeenten, \.info)
        case .partners: replace(&partners, \.info)
        case .themas: replace(&themas, \.info)
        case .opgaven: replace(&opgaven, \.info)
        case .coalities: replace(&coalities, \.info)
        case .besluiten: replace(&besluiten, \.info)
        case .updates: replace(&updates, \.info)
        case .paginas: replace(&paginas, \.info)
        case .bronnen: replace(&bronnen, \.info)
        case .begrippen: replace(&begrippen, \.info)
        }
    }
}
