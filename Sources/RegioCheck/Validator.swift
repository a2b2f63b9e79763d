import Foundation
import RegioContent
import RegioMarkdown
import RegioSupport

/// Stage 4: the rules that need the whole model: references, cycles, dates in order, alt
/// text, heading order, internal links, and warnings for what is allowed but suspicious.
public struct Validator {
    let files: [LoadedFile]
    let records: [Record?]
    let parsed: [ParsedFile]
    let kinds: [ContentKind]
    let model: SiteModel
    /// The model as it will be published; links may only point at its pages.
    let published: SiteModel
    let assetPaths: Set<String>
    let linkSeverity: Diagnostic.Severity
    let now: Day
    var diagnostics = Diagnostics()
    private var slugs: [ContentKind: Set<String>] = [:]
    /// What the bodies' links were checked against; set by `run`.
    private(set) var known: KnownTargets?

    /// The timeline of the published model (it decides which pages exist), when the caller already has it.
    private(set) var timeline: Timeline?
    /// Results of earlier builds of a long-running process, for bodies that did not change.
    var bodyCache: BodyCheckCache?

    public init(parsed: [ParsedFile], model: SiteModel, published: SiteModel, now: Day, assetPaths: Set<String> = [],
                linkSeverity: Diagnostic.Severity = .error, timeline: Timeline? = nil) {
        self.now = now
        self.timeline = timeline
        self.assetPaths = assetPaths
        self.linkSeverity = linkSeverity
        self.parsed = parsed
        self.files = parsed.map(\.file)
        self.records = parsed.map(\.record)
        self.kinds = parsed.map(\.file.kind)
        self.model = model
        self.published = published
        for file in files { slugs[file.kind, default: []].insert(file.slug) }
    }

    public static func validate(parsed: [ParsedFile], model: SiteModel, published: SiteModel, now: Day, assetPaths: Set<String> = [],
                                linkSeverity: Diagnostic.Severity = .error, timeline: Timeline? = nil) -> [Diagnostic] {
        validate(parsed: parsed, model: model, published: published, now: now, assetPaths: assetPaths, linkSeverity: linkSeverity,
                 timeline: { timeline }, bodyCache: nil).diagnostics.sorted
    }

    /// Also returns what the bodies' links were checked against, for checking an edited body
    /// later. `timeline` is asked for only once the model's rules are checked, so the
    /// caller can make the timeline meanwhile.
    package static func validate(parsed: [ParsedFile], model: SiteModel, published: SiteModel, now: Day, assetPaths: Set<String>,
                         linkSeverity: Diagnostic.Severity, timeline: () -> Timeline?, bodyCache: BodyCheckCache?)
        -> (diagnostics: Diagnostics, known: KnownTargets) {
        var validator = Validator(parsed: parsed, model: model, published: published, now: now, assetPaths: assetPaths,
                                  linkSeverity: linkSeverity)
        validator.bodyCache = bodyCache
        validator.run(timeline: timeline)
        return (validator.diagnostics, validator.known!)
    }

    mutating func run(timeline made: () -> Timeline? = { nil }) {
        var timer = StageTimer()
        checkUniqueSlugs()
        checkReferences()
        checkProvenance()
        checkContactSources()
        timer.mark("    validate: slugs, references")
        checkCycles()
        checkDates()
        checkCoalitions()
        timer.mark("    validate: cycles, dates, coalities")
        if timeline == nil { timeline = made() }
        checkBodies()
        timer.mark("    validate: Markdown bodies (headings, links, images)")
    }

    // MARK: Slugs

    private mutating func checkUniqueSlugs() {
        var seen: [String: LoadedFile] = [:]
        for file in files {
            // Gemeenten and partners share one namespace: both are referred to as a partij.
            let namespace = file.kind == .partners ? ContentKind.gemeenten.rawValue : file.kind.rawValue
            let key = namespace + "/" + file.slug
            if let first = seen[key] {
                diagnostics.error(.duplicateSlug, file.slug, first.source.displayPath, at: file.source.location(line: 1, column: 1))
            } else {
                seen[key] = file
            }
            if file.kind == .paginas, Routes.reserved.contains(file.slug) {
                diagnostics.error(.reservedSlug, file.slug, at: file.source.location(line: 1, column: 1))
            }
        }
    }

    // MARK: References

    private func exists(_ slug: String, _ target: ReferenceTarget) -> Bool {
        target.kinds.contains { slugs[$0]?.contains(slug) == true }
    }

    private mutating func check(_ ref: Ref, _ target: ReferenceTarget) {
        guard !exists(ref.value, target) else { return }
        let candidates = target.kinds.flatMap { slugs[$0] ?? [] }.sorted()
        let hint = Suggest.didYouMean(ref.value, in: candidates)
            ?? Hint.knownNames("\(candidates.prefix(12).joined(separator: ", "))\(candidates.count > 12 ? ", …" : "")")
        diagnostics.error(.unknownReference, target.noun, ref.value, at: ref.location, hint: hint)
    }

    private mutating func checkDuplicates(_ refs: [Ref], what: Text) {
        var seen = Set<String>()
        for ref in refs where !seen.insert(ref.value).inserted {
            diagnostics.error(.listedTwice, what, ref.value, at: ref.location)
        }
    }

    /// Driven by the schema: every field declared as a reference is checked, in every
    /// record, even one whose entity could not be built because of another error.
    private mutating func checkReferences() {
        for (record, kind) in zip(records, kinds) {
            guard let record, let spec = ContentSchema.specs[kind] else { continue }
            checkReferences(in: record, spec: spec)
        }
        for thema in model.themas { checkDuplicates(thema.tafel.leden.map(\.partij), what: Phrase.tafelMember()) }
        for opgave in model.opgaven { checkDuplicates(opgave.afhankelijkVan.map(\.opgave), what: Phrase.dependency()) }
        for coalitie in model.coalities { checkDuplicates(coalitie.deelnemers.map(\.partij), what: Phrase.participant()) }
    }

    private mutating func checkReferences(in record: Record, spec: ObjectSpec) {
        for field in spec.fields {
            guard let value = record[field.name] else { continue }
            checkReferences(in: value, type: field.type)
        }
    }

    private mutating func checkReferences(in value: Located<FieldValue>, type: FieldType) {
        switch (value.value, type) {
        case (.reference(let slug), .reference(let target)), (.reference(let slug), .valueOrObject(.reference(let target), _)):
            check(Ref(slug, value.location), target)
        case (.list(let items), .list(let element, _)), (.list(let items), .oneOrMore(let element)):
            for item in items { checkReferences(in: item, type: element) }
        case (.record(let record), .object(let spec)), (.record(let record), .valueOrObject(_, let spec)):
            checkReferences(in: record, spec: spec)
        default:
            break
        }
    }

    // MARK: Provenance

    /// Every entity, and every disputed relation of an entity that is not example data,
    /// states exactly one of `bron`, `voorbeeld: true` or `redactie: true`. Checked on the
    /// records, since the model has already settled a missing statement as example data.
    private mutating func checkProvenance() {
        for (index, record) in records.enumerated() {
            guard let record, kinds[index] != .bronnen else { continue }
            let entity = stated(record)
            if entity.isEmpty {
                diagnostics.error(.noProvenance, at: files[index].source.location(line: 1, column: 1))
                continue
            }
            if record.bool("voorbeeld") { continue }
            switch kinds[index] {
            case .themas:
                guard let tafel = record.record("tafel") else { break }
                let composition = !stated(tafel).isEmpty
                for item in tafel.list("leden") where !composition {
                    if case .record(let lid) = item.value, !stated(lid).isEmpty { continue }
                    relationError(Phrase.relTafel(), at: item.location,
                                  example: "zet bij tafel: bron: …, of geef dit lid een eigen bron: { partij: …, bron: … }")
                }
            case .coalities:
                for deelnemer in record.records("deelnemers") where stated(deelnemer).isEmpty {
                    let periods = deelnemer.records("varianten")
                    if !periods.isEmpty, periods.allSatisfy({ !stated($0).isEmpty }) { continue }
                    relationError(Phrase.relDeelname(), at: deelnemer.location,
                                  example: "{ partij: …, variant: …, bron: { document: …, deel: … } }")
                }
            case .opgaven:
                for item in record.list("afhankelijk_van") {
                    if case .record(let edge) = item.value, !stated(edge).isEmpty { continue }
                    relationError(Phrase.relDependency(), at: item.location,
                                  example: "- { opgave: …, bron: { document: …, deel: … } }, of - { opgave: …, redactie: true } als het de lezing van de redactie is")
                }
                for key in ["vanaf", "tot"] {
                    guard let field = record[key] else { continue }
                    if case .record(let dated) = field.value, !stated(dated).isEmpty { continue }
                    relationError(Phrase.relDate(key), at: field.location,
                                  example: "\(key): { datum: JJJJ-MM-DD, bron: … }, of met redactie: true als de datum de lezing van de redactie is")
                }
            default:
                break
            }
        }
    }

    /// The contact block of site.yml cites documents that are in the register.
    private mutating func checkContactSources() {
        guard let contact = published.settings.contact, let location = contact.location else { return }
        for citation in contact.provenance?.citations ?? [] {
            check(Ref(citation.document, location), .kind(.bronnen))
        }
    }

    /// Which of the three provenance keys a mapping states; reports a mapping that states more than one.
    private mutating func stated(_ record: Record) -> [String] {
        let given = ContentSchema.provenanceKeys.filter { key in
            key == "bron" ? !record.list(key).isEmpty : record.bool(key)
        }
        if given.count > 1, let second = record[given[1]] {
            diagnostics.error(.twoProvenances, Text.joined(given.map { Text(verbatim: $0) }, separator: Phrase.and()), at: second.location)
        }
        return given
    }

    private mutating func relationError(_ what: Text, at location: SourceLocation, example: String) {
        diagnostics.error(.relationWithoutProvenance, what, example, at: location)
    }

    // MARK: Cycles

    /// Depth-first search over `afhankelijk_van`; each cycle is reported once, at the edge
    /// that closes it, with the whole path.
    private mutating func checkCycles() {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var reported = Set<String>()
        for start in model.opgaven {
            guard marks[start.info.slug] == nil else { continue }
            // Iterative DFS: stack of (opgave, next dependency index).
            var stack: [(Opgave, Int)] = [(start, 0)]
            marks[start.info.slug] = .visiting
            while !stack.isEmpty {
                let (opgave, index) = stack[stack.count - 1]
                guard index < opgave.afhankelijkVan.count else {
                    marks[opgave.info.slug] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].1 += 1
                let ref = opgave.afhankelijkVan[index].opgave
                guard let next = model.opgave(ref.value) else { continue }
                switch marks[next.info.slug] {
                case .visiting?:
                    let slugsOnStack = stack.map(\.0.info.slug)
                    let cycle = Array(slugsOnStack[slugsOnStack.firstIndex(of: next.info.slug)!...]) + [next.info.slug]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        diagnostics.error(.dependencyCycle, cycle.joined(separator: " → "), at: ref.location)
                    }
                case .done?:
                    break
                case nil:
                    marks[next.info.slug] = .visiting
                    stack.append((next, 0))
                }
            }
        }
    }

    // MARK: Dates

    private mutating func checkDates() {
        for opgave in model.opgaven {
            if let vanaf = opgave.period.vanaf, let tot = opgave.period.tot, tot <= vanaf {
                diagnostics.error(.endNotAfterStart, "\(tot)", "\(vanaf)", at: opgave.totLocation)
            }
        }
        for coalitie in model.coalities {
            if let start = coalitie.start, let eind = coalitie.eind, eind.value < start.value {
                diagnostics.error(.endBeforeStart, "\(eind.value)", "\(start.value)", at: eind.location)
            }
            for deelnemer in coalitie.deelnemers { checkVariantPeriods(deelnemer) }
            checkSteps(coalitie)
        }
        for thema in model.themas {
            for lid in thema.tafel.leden {
                if let vanaf = lid.period.vanaf, let tot = lid.period.tot, tot <= vanaf {
                    diagnostics.error(.endNotAfterStart, "\(tot)", "\(vanaf)", at: lid.partij.location)
                }
            }
        }
        for update in model.updates {
            if let publish = update.publishDate, let expiry = update.expiryDate, expiry <= publish {
                diagnostics.error(.expiryNotAfterPublish, "\(expiry)", "\(publish)", at: update.info.source.location(of: "expiryDate"))
            }
        }
    }

    private mutating func checkVariantPeriods(_ deelnemer: Deelnemer) {
        var previous: VariantPeriod?
        for period in deelnemer.varianten {
            if let vanaf = period.period.vanaf, let tot = period.period.tot, tot <= vanaf {
                diagnostics.error(.endNotAfterStart, "\(tot)", "\(vanaf)", at: period.location)
            }
            if let previous {
                guard let start = period.period.vanaf else {
                    diagnostics.error(.variantWithoutStart, at: period.location)
                    continue
                }
                if let previousStart = previous.period.vanaf, start <= previousStart {
                    diagnostics.error(.variantsOutOfOrder, "\(start)", "\(previousStart)", at: period.location)
                } else if let previousEnd = previous.period.tot, start < previousEnd {
                    diagnostics.error(.variantOverlap, "\(previousEnd)", "\(start)", at: period.location)
                }
            }
            previous = period
        }
    }

    private mutating func checkSteps(_ coalitie: Coalitie) {
        let order = ContentSchema.stap.values
        var previous: ProcessStep?
        for step in coalitie.stappen {
            if let previous {
                let a = order.firstIndex(of: previous.stap)!, b = order.firstIndex(of: step.stap)!
                if b <= a {
                    diagnostics.error(.stepBackwards, step.stap, previous.stap, order.joined(separator: " → "), at: step.location)
                } else if step.datum < previous.datum {
                    diagnostics.error(.stepDatedBefore, step.stap, "\(step.datum)", "\(previous.datum)", at: step.location)
                }
            }
            previous = step
        }
    }

    // MARK: Coalitions

    private mutating func checkCoalitions() {
        for coalitie in model.coalities {
            let anyFull = coalitie.deelnemers.contains { $0.varianten.contains { $0.variant == "volledig" } }
            if !anyFull, !coalitie.deelnemers.isEmpty {
                diagnostics.warning(.noFullParticipant, coalitie.info.slug, at: coalitie.info.source.location(of: "deelnemers"))
            }
        }
    }

    // MARK: Markdown bodies

    private mutating func checkBodies() {
        var known = KnownTargets(published, now: now, timeline: timeline)
        known.assets = assetPaths
        self.known = known
        let linkSeverity = self.linkSeverity
        // A body's findings depend on its text and on what links can point at: an unchanged
        // body is not checked again while the targets, the base URL and the link severity stay.
        let cache = bodyCache
        var context = Hasher()
        context.combine(known.fingerprint)
        context.combine(published.settings.baseURL)
        context.combine(linkSeverity)
        let contextKey = context.finalize()
        let infos = allInfos()
        // Each body is checked on its own, so on all cores; the diagnostics keep file order.
        let found = ConcurrentMap.map(infos) { [known] file -> Diagnostics in
            let check = { Self.checkBody(file, known: known, linkSeverity: linkSeverity) }
            guard let cache else { return check() }
            var stamp = Hasher()
            stamp.combine(contextKey)
            stamp.combine(file.source.contentHash)
            return cache.value(for: file.source.path, stamp: stamp.finalize(), orMake: check)
        }
        cache?.retain(Set(infos.map(\.source.path)))
        for list in found { diagnostics.append(contentsOf: list) }
    }

    /// The findings in one Markdown body: heading levels, alt text, link targets. Past
    /// ``Diagnostics/perFile`` findings the rest are only counted, before any location (with
    /// its excerpt) is made: one line of thousands of broken links stays cheap.
    package static func checkBody(_ file: EntityInfo, known: KnownTargets, linkSeverity: Diagnostic.Severity) -> Diagnostics {
        var diagnostics = Diagnostics()
        let body = file.body
        let path = file.source.displayPath
        func report(_ severity: Diagnostic.Severity, _ message: @autoclosure () -> Message, line: Int, column: Int) {
            guard diagnostics.accepts(file: path) else { return diagnostics.omit(severity, in: path) }
            diagnostics.append(Diagnostic(severity, message(), at: file.source.location(line: line, column: column)))
        }
        var level = 1
        for heading in body.headings {
            if heading.level == 1 {
                report(.error, MessageCode.headingLevelOne(), line: heading.line, column: heading.column)
            } else if heading.level > level + 1 {
                report(.error, MessageCode.headingJump(level, heading.level, String(repeating: "#", count: level + 1)),
                       line: heading.line, column: heading.column)
            }
            level = max(heading.level, 1)
        }
        // Anchors of the page the body appears on, for links within it (`#kop`).
        var ownAnchors: Set<String>?
        for link in body.links {
            if link.isImage, link.text.trimmingCharacters(in: .whitespaces).isEmpty {
                report(.error, MessageCode.imageWithoutAlt(Excerpt.quoted(link.destination)), line: link.line, column: link.column)
            }
            if link.destination.utf8.first == UInt8(ascii: "#") {
                if ownAnchors == nil { ownAnchors = known.anchors(onPageOf: file) }
                let fragment = String(link.destination.dropFirst())
                if !fragment.isEmpty, !ownAnchors!.contains(fragment) {
                    report(linkSeverity, MessageCode.missingOwnAnchor(Excerpt.quoted(fragment),
                                                                      hint: Suggest.closest(to: fragment, in: ownAnchors!).map { Hint.didYouMeanAnchor($0) }),
                           line: link.line, column: link.column)
                }
                continue
            }
            if let problem = known.problem(with: link.destination, isImage: link.isImage) {
                report(problem.unsafe ? .error : linkSeverity, problem.message, line: link.line, column: link.column)
            }
        }
        return diagnostics
    }

    /// Every body to check: those of the model's entities, and those of Markdown files whose
    /// front matter has errors (so no entity), so that all mistakes of a file come in one run.
    private func allInfos() -> [EntityInfo] {
        let built = model.gemeenten.map(\.info) + model.partners.map(\.info) + model.themas.map(\.info) + model.opgaven.map(\.info)
            + model.coalities.map(\.info) + model.besluiten.map(\.info) + model.verwachteBesluiten.map(\.info)
            + model.updates.map(\.info) + model.paginas.map(\.info)
        let paths = Set(built.map(\.source.path))
        let unbuilt = parsed.filter { $0.file.isMarkdown && $0.file.kind != .bronnen && !paths.contains($0.file.source.path) }
        return built + unbuilt.map(ModelBuilder.info)
    }
}

/// The site paths and heading anchors that content links may point at.
package struct KnownTargets: Sendable {
    private var anchors: [String: Set<String>] = [:]
    /// Static files from `Public/`, added by the build when it knows them.
    var assets: Set<String> = []

    init(_ model: SiteModel, now: Day, timeline: Timeline? = nil) {
        let pages = Routes.pages(model, now: now, timeline: timeline ?? Timeline(model: model, relations: Relations(model), now: now))
        for page in pages { anchors[page.path] = PageAnchors.common }
        func add(_ info: EntityInfo) {
            let path = Routes.page(for: info.kind, slug: info.slug).path
            anchors[path, default: PageAnchors.common].formUnion(info.body.headings.map(\.id))
        }
        model.themas.forEach { add($0.info) }
        model.coalities.forEach { add($0.info) }
        model.gemeenten.forEach { add($0.info) }
        model.opgaven.forEach { add($0.info) }
        model.updates.forEach { add($0.info) }
        model.besluiten.forEach { add($0.info) }
        model.verwachteBesluiten.forEach { add($0.info) }
        model.paginas.forEach { add($0.info) }
        for partner in model.partners { anchors["/partners/", default: []].insert(partner.info.slug) }
    }

    /// The ids on the page that shows `info`'s body: its own headings, the layout's ids and,
    /// when the page is published, the rest of that page's anchors.
    func anchors(onPageOf info: EntityInfo) -> Set<String> {
        let path = info.kind == .partners ? "/partners/" : Routes.page(for: info.kind, slug: info.slug).path
        return (anchors[path] ?? []).union(PageAnchors.common).union(info.body.headings.map(\.id))
    }

    /// A hash of every target, for telling whether earlier findings still hold.
    var fingerprint: Int {
        var hasher = Hasher()
        hasher.combine(anchors)
        hasher.combine(assets)
        return hasher.finalize()
    }

    struct Problem {
        var message: Message
        /// Unsafe links are always errors, whatever `--links` says.
        var unsafe = false
    }

    func problem(with destination: String, isImage: Bool) -> Problem? {
        if destination.isEmpty {
            return Problem(message: MessageCode.linkWithoutDestination(isImage ? Phrase.image() : Phrase.link()))
        }
        // Site paths, most links of the portal, cannot carry a scheme: straight to the path checks.
        if destination.utf8.first == UInt8(ascii: "/"), !destination.hasPrefix("//") { return sitePathProblem(destination, isImage: isImage) }
        let lower = destination.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("data:") || lower.hasPrefix("file:") {
            return Problem(message: MessageCode.unsafeLink(Excerpt.quoted(destination)), unsafe: true)
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return nil
        }
        if destination.hasPrefix("#") { return nil }
        if isImage {
            let name = destination.split(separator: "/").last.map(String.init) ?? destination
            return Problem(message: MessageCode.imageNotAbsolute(Excerpt.quoted(destination), Excerpt.quoted(name)))
        }
        return Problem(message: MessageCode.relativeLink(Excerpt.quoted(destination)))
    }

    private func sitePathProblem(_ destination: String, isImage: Bool) -> Problem? {
        let (path, fragment) = SitePaths.splitLink(destination)
        if path.split(separator: "/").contains("..")
            || (path.utf8.contains(UInt8(ascii: "%")) && (path.contains("%2e") || path.contains("%2E"))) {
            return Problem(message: MessageCode.linkLeavesFolder(Excerpt.quoted(destination)), unsafe: true)
        }
        if assets.contains(path) { return nil }
        if isImage { return missingImage(path) }
        var candidate = path
        if let pageAnchors = anchors[candidate] ?? { () -> Set<String>? in
            // Accept /themas/wonen as /themas/wonen/ (servers redirect).
            candidate = path + "/"
            return anchors[candidate]
        }() {
            if let fragment, !fragment.isEmpty, !pageAnchors.contains(fragment) {
                return Problem(message: MessageCode.missingAnchor(Excerpt.quoted(fragment), Excerpt.quoted(candidate),
                                                                  hint: Suggest.didYouMean(fragment, in: pageAnchors)))
            }
            if candidate != path {
                return Problem(message: MessageCode.linkWithoutSlash(Excerpt.quoted(destination),
                                                                     Excerpt.quoted(candidate + (fragment.map { "#" + $0 } ?? ""))))
            }
            return nil
        }
        return Problem(message: MessageCode.brokenLink(Excerpt.quoted(path), hint: Suggest.didYouMean(path, in: anchors.keys)))
    }
}

extension KnownTargets {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    /// An image whose file is not in `Public/`: where images go, and up to three images that
    /// are there with a name like the one written.
    func missingImage(_ path: String) -> Problem {
        let similar = Self.similarImages(to: path, in: assets)
        return Problem(message: MessageCode.missingImage(Excerpt.quoted(path),
                                                         hint: similar.isEmpty ? nil : Hint.similarImages(similar.joined(separator: ", "))))
    }

    /// The images among `assets` whose file name is closest to that of `path`: the same name
    /// with another extension or folder first, then names that contain each other, then by
    /// edit distance (bounded, as ``Suggest`` is).
    static func similarImages(to path: String, in assets: Set<String>, count: Int = 3) -> [String] {
        func split(_ path: Substring) -> (stem: String, ext: String) {
            let name = path.split(separator: "/").last ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (String(name).lowercased(), "") }
            return (String(name[..<dot]).lowercased(), String(name[name.index(after: dot)...]).lowercased())
        }
        let wanted = split(Substring(path)).stem
        let a = Array(wanted.unicodeScalars.prefix(Suggest.maxLength + 1))
        guard !a.isEmpty, a.count <= Suggest.maxLength else { return [] }
        var scored: [(score: Int, path: String)] = []
        for asset in assets {
            let (stem, ext) = split(Substring(asset))
            guard imageExtensions.contains(ext), stem.unicodeScalars.count <= Suggest.maxLength else { continue }
            let score: Int
            if stem == wanted {
                score = 0
            } else if min(stem.count, wanted.count) >= 3, stem.contains(wanted) || wanted.contains(stem) {
                score = 1
            } else {
                let b = Array(stem.unicodeScalars)
                let limit = max(2, max(a.count, b.count) / 3)
                guard let d = Suggest.distance(a, b, limit: limit) else { continue }
                score = 1 + d
            }
            scored.append((score, asset))
        }
        return scored.sorted { ($0.score, $0.path) < ($1.score, $1.path) }.prefix(count).map(\.path)
    }
}

/// Findings of the body checks per file (by path), kept between the builds of a long-running
/// process, stamped with the file's content and with what its links can point at (targets,
/// base URL, link severity).
package typealias BodyCheckCache = KeyedCache<String, Int, Diagnostics>
