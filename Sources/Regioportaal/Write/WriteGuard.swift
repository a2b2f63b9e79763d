import Foundation
import RegioContent
import RegioSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ownership rules of `build` for the other commands that write (`map`, `schema`, `new`):
/// each writes only where a mistaken option cannot overwrite the project's own files, and
/// only over what that command wrote before.
public enum WriteGuard {
    /// `map --output`: one SVG file. Refused: the input file itself, anything in the content,
    /// templates or public folder of `project` (site.yml included) or the project folder, a
    /// folder, a link, a special file, and an existing file that is not a map made by `map`.
    public static func mapOutput(_ output: URL, input: URL, project: URL, displayBase: URL) -> Diagnostic? {
        let output = output.standardizedFileURL
        func refuse(_ why: Text) -> Diagnostic {
            .error(.refuseMapOutput, RelativePath.display(output, from: displayBase), why, at: nil)
        }
        let kind = FileKind(path: output.path)
        if kind == .symbolicLink { return refuse(Phrase.wLink()) }
        if OutputFolder.realPath(output) == OutputFolder.realPath(input) { return refuse(Phrase.wInput()) }
        if let (why, _) = ProtectedFolders.conflict(output, projectFolders(project), displayBase: displayBase) { return refuse(why) }
        switch kind {
        case .missing: return nil
        case .directory: return refuse(Phrase.wIsFolder())
        case .regular: return isMap(output) ? nil : refuse(Phrase.wNotMap())
        case .special, .symbolicLink: return refuse(Phrase.itIs(OutputFolder.describe(kind)))
        }
    }

    /// `schema --output`: a folder holding only JSON Schemas. Refused: the content, templates,
    /// public or project folder or a folder inside the first three, a link, a file, and an
    /// existing folder with anything but `*.schema.json` files in it.
    public static func schemaOutput(_ folder: URL, content: URL, project: URL, displayBase: URL) -> Diagnostic? {
        let folder = folder.standardizedFileURL
        let shown = RelativePath.display(folder, from: displayBase)
        func refuse(_ why: Text) -> Diagnostic {
            .error(.refuseSchemaOutput, shown, why, at: nil)
        }
        let kind = FileKind(path: folder.path)
        if kind == .symbolicLink { return refuse(Phrase.wLink()) }
        var protected = projectFolders(project)
        protected.insert((Phrase.wContent(), content), at: 0)
        if let (why, _) = ProtectedFolders.conflict(folder, protected, displayBase: displayBase) { return refuse(why) }
        switch kind {
        case .missing: return nil
        case .directory: break
        case .regular, .special, .symbolicLink: return refuse(Phrase.wNotFolder(OutputFolder.describe(kind)))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        if let foreign = names.first(where: { !$0.hasSuffix(".schema.json") || FileKind(path: folder.appendingPathComponent($0).path) != .regular }) {
            return refuse(Phrase.wNotSchema(foreign))
        }
        return nil
    }

    /// `new --content`: an existing content folder (with site.yml), so that a typo does not
    /// start a new tree beside the real one.
    public static func contentFolder(_ content: URL, displayBase: URL) -> Diagnostic? {
        let shown = RelativePath.display(content, from: displayBase)
        switch FileKind(path: content.standardizedFileURL.path) {
        case .directory: break
        case .missing: return .error(.contentFolderRefused, Phrase.contentMissing(shown), at: nil)
        case .symbolicLink: return .error(.contentFolderRefused, Phrase.contentLink(shown), at: nil)
        default: return .error(.contentFolderRefused, Phrase.contentNotFolder(shown), at: nil)
        }
        guard FileKind(path: content.appendingPathComponent("site.yml").path) == .regular else {
            return .error(.contentFolderRefused, Phrase.contentNoSite(shown), at: nil)
        }
        return nil
    }

    /// Writes `data` to `url` through a temporary file beside it, so that a failure leaves the
    /// previous file; the error says why in words.
    public static func write(_ data: Data, to url: URL, displayBase: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).regioportaal-tmp")
        do {
            try LocalFileSystem().write(data, to: temporary)
        } catch {
            unlink(temporary.path)
            throw Diagnostic.error(.cannotWrite, RelativePath.display(url, from: displayBase), reason(error), at: nil)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw Diagnostic.error(.cannotWrite, RelativePath.display(url, from: displayBase), SystemError.describe(code), at: nil)
        }
    }

    /// Makes `folder` (and the folders above it), with the reason in words when that fails.
    public static func makeFolder(_ folder: URL, displayBase: URL) throws {
        do { try LocalFileSystem().createDirectory(at: folder) } catch {
            throw Diagnostic.error(.cannotMakeFolder, RelativePath.display(folder, from: displayBase), SystemError.describe(errno), at: nil)
        }
    }

    private static func reason(_ error: Error) -> Text {
        guard let diagnostic = error as? Diagnostic, diagnostic.message.contains(": ") else { return Text(verbatim: error.localizedDescription) }
        func tail(_ text: String) -> String { text.range(of: ": ", options: .backwards).map { String(text[$0.upperBound...]) } ?? text }
        return Text(verbatim: tail(diagnostic.message)).withEnglish(tail(diagnostic.message(in: .en)))
    }

    private static func projectFolders(_ project: URL) -> [(Text, URL)] {
        [(Phrase.wContent(), project.appendingPathComponent("Content")), (Phrase.wTemplates(), project.appendingPathComponent("Templates")),
         (Phrase.wPublic(), project.appendingPathComponent("Public")), (Phrase.wProject(), project)]
    }

    /// Whether `url` starts like the SVG that `map` writes (its root element, with its role).
    static func isMap(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let start = String(decoding: (try? handle.read(upToCount: 1024)) ?? Data(), as: UTF8.self)
        return start.hasPrefix("<svg ") && start.contains("role=\"graphics-document\"")
    }
}
