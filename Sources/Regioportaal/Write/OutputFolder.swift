import Foundation
import RegioContent
import RegioSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether a build may write `--output`. A build replaces what it wrote before, so a
/// mistaken option (`--output .`, `--output Content`, a file's name) would otherwise destroy
/// what it names. The folder is written only when it is missing, empty, or holds nothing but
/// the files the previous build listed in its marker; anything else is refused, naming the
/// first file that is in the way, before anything is touched.
public enum OutputFolder {
    /// Written at the root of every build, listing every file it wrote with its size: the
    /// next build replaces exactly those and refuses when it finds anything else.
    public static let markerName = ".regioportaal-build"
    static let markerText = """
        Deze map is gemaakt door regioportaal. De volgende build vervangt alleen de bestanden
        hieronder (met hun grootte in bytes); staat er iets anders in de map, dan weigert hij.

        """
    static let manifestLine = "regioportaal-manifest 1"

    /// Why `options.output` may not be written, or nil when it may: the folders it must not
    /// be, and whether it holds anything the previous build did not write.
    public static func refusal(for options: BuildOptions) -> Diagnostic? {
        pathRefusal(for: options) ?? ownershipRefusal(options.output, displayBase: options.displayBase)
    }

    /// The checks of the path alone: cheap, made before anything (even the lock) is written.
    static func pathRefusal(for options: BuildOptions) -> Diagnostic? {
        let output = options.output.standardizedFileURL
        let anotherFolder = Phrase.wAnotherFolder()
        let kind = FileKind(path: output.path)
        if kind == .symbolicLink {
            return refuse(output, options.displayBase, Phrase.wLink(), Phrase.wLinkHint())
        }
        let protected: [(Text, URL)] = [(Phrase.wContent(), options.content), (Phrase.wTemplates(), options.templates),
                                        (Phrase.wPublic(), options.publicFolder), (Phrase.wProject(), options.displayBase)]
        if let (why, _) = ProtectedFolders.conflict(output, protected, displayBase: options.displayBase) {
            return refuse(output, options.displayBase, why, anotherFolder)
        }
        switch kind {
        case .missing, .directory:
            return nil
        case .regular, .special, .symbolicLink:
            return refuse(output, options.displayBase, Phrase.wNotFolder(describe(kind)), anotherFolder)
        }
    }

    /// Why the folder `output` may not be replaced: it holds something the previous build
    /// did not write (or changed since). Nil when it is missing, empty or only ours. Without
    /// `walk`, only its root is looked at (the marker, `.git`): a build does that at its start
    /// and walks the whole folder once, just before the swap.
    static func ownershipRefusal(_ output: URL, displayBase: URL, walk: Bool = true) -> Diagnostic? {
        let output = output.standardizedFileURL
        guard FileKind(path: output.path) == .directory else { return nil }
        let mountPoint = OutputNames.isMountPoint(output)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter {
            // An ext4 volume's own folder, and our leftovers of an interrupted swap inside a volume.
            !(mountPoint && $0 == "lost+found") && ($0 == markerName || !OutputNames.isOwnEntryInside($0))
        }
        if names.isEmpty { return nil }
        func refuseHere(_ why: Text, _ hint: Text) -> Diagnostic { refuse(output, displayBase, why, hint) }
        if names.contains(".git") { return refuseHere(Phrase.wGit(), Phrase.wGitHint()) }
        switch Manifest.read(output) {
        case .missing:
            return refuseHere(Phrase.wForeignFolder(markerName), Phrase.wMoveAway())
        case .olderVersion:
            return refuseHere(Phrase.wOlder(), Phrase.wOlderHint())
        case .unreadable:
            return refuseHere(Phrase.wBroken(markerName), Phrase.wBrokenHint())
        case .files(let owned):
            guard walk, let foreign = Manifest.firstForeign(in: output, owned: owned, mountPoint: mountPoint) else { return nil }
            let shown = RelativePath.display(output.appendingPathComponent(foreign.path), from: displayBase)
            if foreign.changed {
                return refuseHere(Phrase.wChanged(shown), Phrase.wChangedHint(shown))
            }
            return refuseHere(Phrase.wForeign(shown), Phrase.wForeignHint(shown))
        }
    }

    /// A refusal found while writing: reported as it is, not as a failure to write.
    struct Refusal: Error {
        var diagnostic: Diagnostic
    }

    /// What a path that is not a folder is, in words.
    static func describe(_ kind: FileKind) -> Text {
        switch kind {
        case .regular: return Phrase.kFile()
        case .symbolicLink: return Phrase.kLink()
        case .special(let what): return what
        case .directory: return Phrase.kFolder()
        case .missing: return Phrase.kMissing()
        }
    }

    private static func refuse(_ output: URL, _ displayBase: URL, _ why: Text, _ hint: Text) -> Diagnostic {
        .error(.refuseOutput, RelativePath.display(output, from: displayBase), why, at: nil, hint: hint)
    }

    /// `url` with every symbolic link resolved, also when its last parts do not exist yet.
    static func realPath(_ url: URL) -> String {
        var missing: [String] = []
        var existing = url.standardizedFileURL
        while existing.path != "/" {
            if let resolved = realpath(existing.path, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return missing.reversed().reduce(base) { ($0 == "/" ? "" : $0) + "/" + $1 }
            }
            missing.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
        return "/" + missing.reversed().joined(separator: "/")
    }

    /// The list of files in the marker.
    enum Manifest {
        case missing, olderVersion, unreadable
        /// Site-relative path → its size(s): the marker written during an interrupted swap
        /// inside a mount point lists a file with its old and its new size.
        case files([String: Set<Int>])

        /// The marker's text for `files` (path → size), in a stable order: builds stay byte-identical.
        static func text(_ files: [String: Int], alsoAllowing other: [String: Set<Int>] = [:]) -> String {
            // The preview writes this list of every file (11,000 with 10,000 updates) twice per
            // rebuild: paths are sorted by their bytes with memcmp (String's `<` took 10 ms, its
            // UTF-8 view's generic comparison 40) and the text is made as bytes.
            var entries = files.map { (Array(escape($0.key).utf8), $0.value) }
            for (path, sizes) in other {
                for size in sizes where files[path] != size { entries.append((Array(escape(path).utf8), size)) }
            }
            entries.sort { a, b in
                let order = a.0.withUnsafeBufferPointer { x in
                    b.0.withUnsafeBufferPointer { y in
                        guard let p = x.baseAddress, let q = y.baseAddress else { return 0 }
                        return Int(memcmp(p, q, min(x.count, y.count)))
                    }
                }
                if order != 0 { return order < 0 }
                return a.0.count != b.0.count ? a.0.count < b.0.count : a.1 < b.1
            }
            var bytes = Array((markerText + manifestLine + "\n").utf8)
            bytes.reserveCapacity(bytes.count + entries.count * 48)
            for (path, size) in entries {
                bytes.append(contentsOf: String(size).utf8)
                bytes.append(UInt8(ascii: "\t"))
                bytes.append(contentsOf: path)
                bytes.append(UInt8(ascii: "\n"))
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Tabs, line breaks and % in a path, which the marker's lines cannot hold as they are.
        static func escape(_ path: String) -> String {
            // Most paths are plain ASCII without those: seen from the bytes alone.
            if !path.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 < 0x20 || $0 >= 0x80 }) { return path }
            func special(_ scalar: Unicode.Scalar) -> Bool { scalar == "%" || scalar == "\t" || Character(scalar).isNewline }
            guard path.unicodeScalars.contains(where: special) else { return path }
            var out = ""
            for scalar in path.unicodeScalars {
                if special(scalar) {
                    for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        static func unescape(_ text: Substring) -> String {
            guard text.contains("%") else { return String(text) }
            return String(text).removingPercentEncoding ?? String(text)
        }

        static func read(_ output: URL) -> Manifest {
            let url = output.appendingPathComponent(markerName)
            switch FileKind(path: url.path) {
            case .missing: return .missing
            case .regular: break
            default: return .unreadable
            }
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return .unreadable }
            guard let start = text.range(of: "\n" + manifestLine + "\n") else { return .olderVersion }
            var files: [String: Set<Int>] = [:]
            for line in text[start.upperBound...].split(separator: "\n") {
                guard let tab = line.firstIndex(of: "\t"), let size = Int(line[..<tab]), size >= 0 else { return .unreadable }
                files[unescape(line[line.index(after: tab)...]), default: []].insert(size)
            }
            return .files(files)
        }

        /// The first entry of `output` (in sorted order, depth first) that is not one of the
        /// `owned` files or a folder holding some: `changed` when it is listed with another size.
        /// Foreign folders are named, not entered; symbolic links and special files are never ours.
        static func firstForeign(in output: URL, owned: [String: Set<Int>], mountPoint: Bool) -> (path: String, changed: Bool)? {
            var folders: Set<String> = [""]
            for path in owned.keys {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    guard folders.insert(String(folder)).inserted else { break }
                }
            }
            // readdir(3) and fstatat(2) on the folder's descriptor: a site has a folder per page,
            // and FileManager's listing made this walk cost a tenth of a whole build.
            func walk(_ relative: String, _ folder: Int32) -> (path: String, changed: Bool)? {
                guard let stream = fdopendir(folder) else {
                    close(folder)
                    return (relative, false)
                }
                defer { closedir(stream) }
                var names: [String] = []
                while let entry = readdir(stream) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if name != ".", name != ".." { names.append(name) }
                }
                for name in names.sorted() {
                    if relative.isEmpty, name == markerName || OutputNames.isOwnEntryInside(name) || (mountPoint && name == "lost+found") { continue }
                    let path = relative.isEmpty ? name : relative + "/" + name
                    var status = stat()
                    guard fstatat(dirfd(stream), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return (path, false) }
                    switch status.st_mode & S_IFMT {
                    case S_IFDIR:
                        guard folders.contains(path) else { return (path, false) }
                        let child = openat(dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                        guard child >= 0 else { return (path, false) }
                        if let found = walk(path, child) { return found }
                    case S_IFREG:
                        // A file a rebuild in place was writing when it was interrupted: the
                        // next full build, which removes the old folder, removes it too.
                        if IncrementalOutput.isTemporary(name) { continue }
                        guard let sizes = owned[path] else { return (path, false) }
                        if !sizes.contains(Int(status.st_size)) { return (path, true) }
                    default:
                        return (path, false)
                    }
                }
                return nil
            }
            let root = open(output.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard root >= 0 else { return ("", false) }
            return walk("", root)
        }
    }
}

/// Folders a command that writes must not write into, contain or be.
enum ProtectedFolders {
    /// Why `target` conflicts with one of `protected` (name, folder), compared as real paths so
    /// that `./Content/..` or a linked parent cannot slip past; the last one named may contain
    /// the target (the project folder), the others may not.
    static func conflict(_ target: URL, _ protected: [(Text, URL)], displayBase: URL) -> (Text, URL)? {
        let real = OutputFolder.realPath(target)
        let folders = protected.map { OutputFolder.realPath($0.1.standardizedFileURL) }
        if let same = folders.firstIndex(of: real) { return (Phrase.itIs(protected[same].0), protected[same].1) }
        for (index, ((name, folder), path)) in zip(protected, folders).enumerated() {
            if path.hasPrefix(real == "/" ? "/" : real + "/") {
                return (Phrase.wContains(name, RelativePath.display(folder, from: displayBase)), folder)
            }
            if index < protected.count - 1, real.hasPrefix(path + "/") {
                return (Phrase.wLiesIn(name), folder)
            }
        }
        return nil
    }
}
