import Foundation
import RegioMarkdown
import RegioSupport

/// The kinds of content, each in its own folder of `Content/`.
public enum ContentKind: String, Sendable, CaseIterable, Codable, Comparable {
    case gemeenten, partners, themas, opgaven, coalities, besluiten, updates, paginas, bronnen, begrippen

    public static func < (a: ContentKind, b: ContentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether files of this kind may be plain YAML (no prose).
    var allowsDataFiles: Bool { self == .partners || self == .bronnen || self == .begrippen }
}

/// A content file as read from disk: decoded, normalised text plus what its place says.
public struct LoadedFile: Sendable {
    public var source: SourceFile
    public var kind: ContentKind
    public var slug: String
    public var isMarkdown: Bool

    package init(source: SourceFile, kind: ContentKind, slug: String, isMarkdown: Bool) {
        (self.source, self.kind, self.slug, self.isMarkdown) = (source, kind, slug, isMarkdown)
    }
}

/// What the load stage found: the site settings file and every content file.
public struct LoadedContent: Sendable {
    public var settings: SourceFile?
    public var files: [LoadedFile]
}

/// A load with each file's position by path, kept by a long-running process to find the
/// files a watcher reports without listing folders. Files are only ever replaced in place,
/// so the positions stay valid.
package struct IndexedContent: Sendable {
    package var content: LoadedContent
    package let positions: [String: Int]

    package init(_ content: LoadedContent) {
        self.content = content
        var positions: [String: Int] = [:]
        positions.reserveCapacity(content.files.count)
        // File URLs are made from the standardised root, so these paths are standardised too.
        for (i, file) in content.files.enumerated() { positions[file.source.path] = i }
        self.positions = positions
    }
}

/// What identifies the version of a file on disk without reading it: device, inode, size,
/// modification and change time. The change time cannot be set by programs, so an edit that
/// restores the old size and modification time is still seen. The display path is part of it
/// because messages show it.
package struct FileStamp: Equatable {
    var device: UInt64, inode: UInt64, size: Int64
    var modified: timespec, changed: timespec
    var displayPath: String

    init(_ status: stat, displayPath: String) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = status.st_mtim
        changed = status.st_ctim
        self.displayPath = displayPath
    }

    package static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
            && a.displayPath == b.displayPath
    }
}

/// Files read by earlier builds of a long-running process, by absolute path.
package typealias FileCache = KeyedCache<String, FileStamp, SourceFile>

/// Limits that keep a hostile or broken file from exhausting memory.
public enum ContentLimits {
    /// Largest content file read, in bytes.
    public static let maxFileBytes = 2 * 1024 * 1024
    /// Most files read from `Content/`.
    public static let maxFiles = 200_000
}

/// Stage 1: walks `Content/`, reads and decodes each file. Never follows a symbolic link,
/// so no content path can lead outside the folder (and a link loop cannot hang the walk).
public struct ContentLoader: Sendable {
    public var root: URL
    public var displayBase: URL
    /// Files read by earlier builds of a long-running process.
    package var cache: FileCache?

    public init(root: URL, displayBase: URL? = nil) {
        self.root = root.standardizedFileURL
        self.displayBase = (displayBase ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    public func load(into diagnostics: inout Diagnostics) -> LoadedContent {
        var content = LoadedContent(settings: nil, files: [])
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error(.contentFolderMissing, display(root), at: nil)
            return content
        }
        for entry in sortedEntries(of: root, diagnostics: &diagnostics) {
            let name = entry.lastPathComponent
            if IgnoredNames.contains(name) { continue }
            guard let type = fileType(entry, diagnostics: &diagnostics) else { continue }
            if type == .directory {
                guard let kind = ContentKind(rawValue: name) else {
                    diagnostics.error(.unknownContentFolder, name, at: location(entry),
                                      hint: Suggest.didYouMean(name, in: ContentKind.allCases.map(\.rawValue))
                                        ?? Hint.knownFolders(ContentKind.allCases.map(\.rawValue).joined(separator: ", ")))
                    continue
                }
                loadKind(kind, folder: entry, into: &content, diagnostics: &diagnostics)
            } else if name == "site.yml" {
                content.settings = read(entry, diagnostics: &diagnostics)
            } else {
                diagnostics.error(.unexpectedContentFile, name, ContentKind.allCases.map(\.rawValue).joined(separator: ", "), at: location(entry))
            }
        }
        if content.settings == nil {
            diagnostics.error(.siteSettingsMissing, display(root.appendingPathComponent("site.yml")), at: nil)
        }
        return content
    }

    /// `previous` (what this loader found last time, without problems) with the files in
    /// `changed` (standardised absolute paths, as a file watcher reports them) read again,
    /// without listing any folder. Nil when that is not enough: a path is new, gone or a
    /// folder, or a file cannot be read cleanly; then `load` lists everything and reports
    /// what it finds.
    package func reload(_ previous: IndexedContent, changed: [String]) -> IndexedContent? {
        var next = previous
        let rootPath = root.path + "/"
        for path in Set(changed) where path.hasPrefix(rootPath) {
            if let settings = previous.content.settings, path == settings.path {
                guard let source = reread(settings) else { return nil }
                next.content.settings = source
            } else if let i = previous.positions[path], let source = reread(previous.content.files[i].source) {
                next.content.files[i].source = source
            } else {
                return nil
            }
        }
        return next
    }

    /// A file read again under the name it had; nil when reading it gives any problem (the
    /// full load then reports it).
    package func reread(_ file: SourceFile) -> SourceFile? {
        var problems = Diagnostics()
        guard let source = read(file.url, displayPath: file.displayPath, diagnostics: &problems), problems.all.isEmpty else { return nil }
        return source
    }

    private func loadKind(_ kind: ContentKind, folder: URL, into content: inout LoadedContent, diagnostics: inout Diagnostics) {
        // Names are checked in order on one thread (cheap, and the messages keep their order);
        // the files themselves are read on all cores.
        var candidates: [(url: URL, slug: String, isMarkdown: Bool)] = []
        for entry in sortedEntries(of: folder, diagnostics: &diagnostics) {
            let name = entry.lastPathComponent
            if IgnoredNames.contains(name) { continue }
            let ext = entry.pathExtension.lowercased()
            let isMarkdown = ext == "md"
            // Folders, links and unsupported names are classified by `fileType`, which costs a
            // system call: only entries whose name does not already settle it get one.
            if !isMarkdown && !(ext == "yml" || ext == "yaml") || !SlugRules.isValid(String(name.dropLast(ext.count + 1))) {
                guard let type = fileType(entry, diagnostics: &diagnostics) else { continue }
                guard type == .file else {
                    diagnostics.error(.nestedFolder, kind.rawValue, name, at: location(entry))
                    continue
                }
            }
            guard isMarkdown || ((ext == "yml" || ext == "yaml") && kind.allowsDataFiles) else {
                diagnostics.error(.unsupportedFile, name, kind.rawValue, at: location(entry),
                                  hint: kind.allowsDataFiles ? Hint.useMdOrYml() : Hint.useMd())
                continue
            }
            guard content.files.count + candidates.count < ContentLimits.maxFiles else {
                diagnostics.error(.tooManyFiles, ContentLimits.maxFiles, at: location(entry))
                break
            }
            candidates.append((entry, String(name.dropLast(ext.count + 1)), isMarkdown))
        }
        let folderDisplay = display(folder)
        let results = ConcurrentMap.map(candidates) { candidate -> (SourceFile?, Diagnostics) in
            var local = Diagnostics()
            let source = read(candidate.url, displayPath: folderDisplay + "/" + candidate.url.lastPathComponent, diagnostics: &local)
            return (source, local)
        }
        for (candidate, (source, found)) in zip(candidates, results) {
            diagnostics.append(contentsOf: found)
            guard let source else { continue }
            if !SlugRules.isValid(candidate.slug) {
                let name = candidate.url.lastPathComponent, ext = candidate.url.pathExtension
                diagnostics.error(.fileNameNotSlug, name, "\(SlugRules.suggestion(for: candidate.slug)).\(ext)", at: source.location(line: 1, column: 1))
                continue
            }
            content.files.append(LoadedFile(source: source, kind: kind, slug: candidate.slug, isMarkdown: candidate.isMarkdown))
        }
    }

    /// Reads a file, enforcing the size limit and UTF-8. A byte-order mark is dropped and
    /// CRLF line ends become LF, so positions in messages match what an editor shows.
    package func read(_ url: URL, diagnostics: inout Diagnostics) -> SourceFile? {
        read(url, displayPath: display(url), diagnostics: &diagnostics)
    }

    /// One open, fstat and read per file. `O_NOFOLLOW` makes a symbolic link fail to open
    /// instead of being followed, so a link can never lead the build out of the folder;
    /// `O_NONBLOCK` makes a named pipe open at once (to be refused by fstat) instead of
    /// waiting for a writer forever. Regular files ignore it.
    func read(_ url: URL, displayPath path: String, diagnostics: inout Diagnostics) -> SourceFile? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let filePath = url.path
        var stamp: FileStamp?
        if let cache {
            var status = stat()
            if lstat(filePath, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                stamp = FileStamp(status, displayPath: path)
                if let known = cache.value(for: filePath, stamp: stamp!) { return known }
            }
        }
        let descriptor = open(filePath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                diagnostics.error(.symbolicLinkInContent, at: start)
            } else {
                diagnostics.error(.cannotReadFile, String(cString: strerror(errno)), at: start)
            }
            return nil
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            diagnostics.error(.cannotReadFile, String(cString: strerror(errno)), at: start)
            return nil
        }
        let kind = FileKind(mode: status.st_mode)
        guard kind == .regular else {
            diagnostics.error(.notARegularFile, kind.refusal, at: start)
            return nil
        }
        let size = Int(status.st_size)
        guard size <= ContentLimits.maxFileBytes else {
            diagnostics.error(.fileTooLarge, ContentLimits.maxFileBytes, at: start)
            return nil
        }
        // Read to the end, not just the size fstat gave: a file that grows meanwhile (an editor
        // still saving) is read whole, up to one byte past the limit, and then judged by that.
        var data = Data(count: size + 1)
        var filled = 0
        var failed = false
        while !failed {
            if filled == data.count {
                guard data.count <= ContentLimits.maxFileBytes else { break }
                data.count = min(data.count * 2, ContentLimits.maxFileBytes + 1)
            }
            let n = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if n < 0 { if errno != EINTR { failed = true }; continue }
            if n == 0 { break }
            filled += n
        }
        guard !failed else {
            diagnostics.error(.cannotReadFile, String(cString: strerror(errno)), at: start)
            return nil
        }
        guard filled <= ContentLimits.maxFileBytes else {
            diagnostics.error(.fileTooLarge, ContentLimits.maxFileBytes, at: start)
            return nil
        }
        data.count = filled
        if let encoding = TextDecoding.wideEncoding(of: data) {
            diagnostics.error(.wrongEncoding, encoding, at: start)
            return nil
        }
        if let nul = TextDecoding.firstNUL(in: data) {
            let (line, column) = TextDecoding.position(of: nul, in: data)
            diagnostics.error(.nulByte, at: SourceLocation(file: path, line: line, column: column))
            return nil
        }
        guard let decoded = TextDecoding.decode(data) else {
            let (line, column) = TextDecoding.firstInvalidUTF8(in: data)
            diagnostics.error(.invalidUTF8, at: SourceLocation(file: path, line: line, column: column))
            return nil
        }
        let source = SourceFile(url: url, path: filePath, displayPath: path, text: decoded)
        if let stamp { cache?.store(source, for: filePath, stamp: stamp) }
        return source
    }

    private enum EntryType { case file, directory }

    /// nil, reported, for a symbolic link or anything that is neither file nor folder.
    private func fileType(_ url: URL, diagnostics: inout Diagnostics) -> EntryType? {
        switch FileKind(path: url.path) {
        case .regular: return .file
        case .directory: return .directory
        case .symbolicLink:
            diagnostics.error(.symbolicLinkInContent, at: location(url))
        case .special(let what):
            diagnostics.error(.specialFileInContent, what, at: location(url))
        case .missing:
            break // removed while the folder was read: the next build sees the folder as it is then
        }
        return nil
    }

    /// Directory entries sorted by name, so every later stage sees the same order whatever
    /// the file system returns.
    private func sortedEntries(of folder: URL, diagnostics: inout Diagnostics) -> [URL] {
        do {
            // Names are sorted as strings before they become URLs: comparing `lastPathComponent`
            // inside the sort recomputed it O(n log n) times.
            let listing = try DirectoryListing.read(folder.path)
            for bytes in listing.invalid { diagnostics.append(DirectoryListing.refusal(bytes, in: display(folder))) }
            return listing.names.map { folder.appendingPathComponent($0, isDirectory: false) }
        } catch {
            diagnostics.error(.cannotReadFolder, error.reason, at: location(folder))
            return []
        }
    }

    private func location(_ url: URL) -> SourceLocation {
        SourceLocation(file: display(url), line: 1, column: 1)
    }

    func display(_ url: URL) -> String {
        RelativePath.display(url, from: displayBase)
    }
}

/// Slugs are the ids of entities and the last part of their URLs.
public enum SlugRules {
    public static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= 120 else { return false }
        var previousHyphen = true
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return !previousHyphen
    }

    public static func suggestion(for text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "naam" : slug
    }
}

package enum TextDecoding {
    /// Through the bytes' contiguous storage: Data's own element-wise access costs an
    /// exclusivity check per byte, which made these scans a tenth of a 10,000-file build.
    package static func decode(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) else { return nil }
            let hasCR = raw.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), raw.count) != nil } ?? false
            return hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        }
    }

    /// "UTF-16" or "UTF-32" when the bytes are text in one of those (by its byte-order mark, or
    /// without one by the zero bytes that ASCII text has in them), else nil. Such a file is full
    /// of NUL bytes as UTF-8, and "a NUL byte" would not tell anyone what to do.
    static func wideEncoding(of data: Data) -> String? {
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        guard head.count == 4 else { return nil }
        if (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) || (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            return "UTF-16"
        }
        return nil
    }

    /// The index of the first NUL byte.
    package static func firstNUL(in data: Data) -> Data.Index? {
        data.withUnsafeBytes { raw -> Data.Index? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return data.startIndex + (UnsafeRawPointer(found) - base)
        }
    }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    static func position(of offset: Data.Index, in data: Data) -> (Int, Int) {
        var line = 1, lineStart = data.startIndex
        for index in data.startIndex..<offset where data[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: data[lineStart..<offset], as: UTF8.self).count + 1)
    }

    /// The 1-based line and column of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        var line = 1, lineStart = data.startIndex
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > data.endIndex || String(validating: data[index..<end], as: UTF8.self) == nil {
                let column = (String(decoding: data[lineStart..<index], as: UTF8.self).count) + 1
                return (line, column)
            }
            if byte == 0x0A { line += 1; lineStart = end }
            index = end
        }
        return (line, 1)
    }
}
