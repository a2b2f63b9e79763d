import Foundation
import RegioContent
import RegioSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations the write stage needs; tests inject failures through it.
public protocol OutputFileSystem: Sendable {
    func createDirectory(at url: URL) throws
    func write(_ data: Data, to url: URL) throws
    func copyItem(at source: URL, to destination: URL) throws
}

public struct LocalFileSystem: OutputFileSystem {
    public init() {}

    /// mkdir(2), making missing parents first. FileManager checked every component of the
    /// path for each of the thousands of page folders of a large site.
    public func createDirectory(at url: URL) throws {
        try Self.makeDirectory(url.path)
    }

    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o777) == 0 { return }
        switch errno {
        case EEXIST:
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                errno = ENOTDIR
                throw failure(path)
            }
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw failure(path) }
            try makeDirectory(parent)
            if mkdir(path, 0o777) != 0 && errno != EEXIST { throw failure(path) }
        default:
            throw failure(path)
        }
    }

    /// Plain open/write/close. `Data.write(to:)` also calls fsync for every file, which made
    /// writing a large site several times slower; the staged folder and the swap already keep a
    /// failed or interrupted build from touching the live site.
    public func write(_ data: Data, to url: URL) throws {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Self.failure(path) }
        var written = 0
        let failed: Diagnostic? = data.withUnsafeBytes { buffer -> Diagnostic? in
            while written < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return Self.failure(path)
                }
                written += n
            }
            return nil
        }
        if let failed {
            close(fd)
            throw failed
        }
        guard close(fd) == 0 else { throw Self.failure(path) }
    }

    private static func failure(_ path: String) -> Diagnostic {
        .error(.outputFileProblem, path, SystemError.describe(errno), at: nil)
    }

    public func copyItem(at source: URL, to destination: URL) throws {
        try FileManager.default.copyItem(at: source, to: destination)
    }
}

/// write(2), named apart from `OutputFileSystem.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}

/// Stage 7: writes the site into a fresh folder beside the output folder and swaps it in
/// only when everything was written and is still there. A failed or interrupted build leaves
/// the previous output exactly as it was; its leftovers are removed by the next run.
///
/// The caller holds the ``OutputLock`` of the output folder from before ``prepare()`` until
/// after ``commit()`` or ``abandon()``: that is what makes removing leftovers safe.
///
/// A mount point (a container volume) cannot be renamed: there the staging folder is made
/// inside it, and the swap moves the previous build's entries out of the way and the new ones
/// in, one rename each, putting them back when one fails.
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    /// Whether the staging folder lies inside the output folder (a mount point).
    let inside: Bool
    private let displayBase: URL
    private let fs: OutputFileSystem
    private let createdFolders = Locked<Set<String>>([])
    /// Every file written, with its size: checked before the swap, and the marker's list.
    private let written = Locked<[String: Int]>([:])

    public init(output: URL, fileSystem: OutputFileSystem = LocalFileSystem(), displayBase: URL? = nil, inside: Bool? = nil) {
        self.output = output.standardizedFileURL
        self.fs = fileSystem
        self.displayBase = displayBase ?? self.output.deletingLastPathComponent()
        self.inside = inside ?? OutputNames.isMountPoint(self.output)
        staging = OutputNames.staging(for: self.output, inside: self.inside)
    }

    /// Removes the staging folders of runs that are gone (named exactly after this output),
    /// then starts a new one.
    public func prepare() throws {
        try fs.createDirectory(at: output.deletingLastPathComponent())
        removeLeftovers(in: output.deletingLastPathComponent(), key: OutputNames.key(output))
        if FileKind(path: output.path) == .directory { removeLeftovers(in: output, key: nil) }
        try fs.createDirectory(at: staging)
    }

    private func removeLeftovers(in folder: URL, key: String?) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let pid = OutputNames.leftoverProcess(name, key: key), OutputNames.isGone(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Writes one file; `path` is relative to the site root and already checked to stay inside it.
    public func write(_ data: Data, to path: String) throws {
        let url = try destination(path)
        try ensureFolder(url.deletingLastPathComponent())
        try fs.write(data, to: url)
        record(path, size: data.count)
    }

    public func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    public func copy(_ source: URL, to path: String) throws {
        let url = try destination(path)
        try ensureFolder(url.deletingLastPathComponent())
        var status = stat()
        guard stat(source.path, &status) == 0 else { throw Self.failure(source.path) }
        try fs.copyItem(at: source, to: url)
        record(path, size: Int(status.st_size))
    }

    private func record(_ path: String, size: Int) {
        written.withLock { $0[path] = size }
    }

    /// The files written so far, with their sizes.
    var files: [String: Int] {
        written.current
    }

    /// Checks that every file written is still in the staging folder with its size, writes the
    /// marker with their list, and replaces the output folder's previous build by it.
    public func commit() throws {
        let files = self.files
        if let missing = files.keys.sorted().first(where: { !Self.has(staging.appendingPathComponent($0), size: files[$0]!) }) {
            throw Diagnostic.error(.incompleteSite, missing, RelativePath.display(staging, from: displayBase), at: nil)
        }
        try fs.write(Data(OutputFolder.Manifest.text(files).utf8), to: staging.appendingPathComponent(OutputFolder.markerName))
        // Only now, after everything else: nothing may be put there between this and the swap
        // by another regioportaal (the lock), and what someone else put there meanwhile counts.
        if let refusal = OutputFolder.ownershipRefusal(output, displayBase: displayBase) { throw OutputFolder.Refusal(diagnostic: refusal) }
        if inside {
            try swapInside(files)
        } else if FileKind(path: output.path) == .directory {
            let old = OutputNames.old(for: output, inside: false)
            try? FileManager.default.removeItem(at: old)
            try move(output, to: old)
            do {
                try move(staging, to: output)
            } catch {
                try? move(old, to: output)
                throw error
            }
            try? FileManager.default.removeItem(at: old)
        } else {
            try move(staging, to: output)
        }
    }

    /// The swap inside a mount point. The marker first lists the files of both builds, so an
    /// interruption leaves a folder the next build recognises as its own.
    private func swapInside(_ files: [String: Int]) throws {
        var previous: [String: Set<Int>] = [:]
        if case .files(let owned) = OutputFolder.Manifest.read(output) { previous = owned }
        let union = staging.appendingPathComponent(OutputFolder.markerName + ".beide")
        try fs.write(Data(OutputFolder.Manifest.text(files, alsoAllowing: previous).utf8), to: union)
        try move(union, to: output.appendingPathComponent(OutputFolder.markerName))
        let old = OutputNames.old(for: output, inside: true)
        try? FileManager.default.removeItem(at: old)
        try fs.createDirectory(at: old)
        let ours = Set(previous.keys.map { String($0.prefix { $0 != "/" }) })
        var moved: [String] = [], placed: [String] = []
        do {
            for name in try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() where ours.contains(name) {
                try move(output.appendingPathComponent(name), to: old.appendingPathComponent(name))
                moved.append(name)
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted() where name != OutputFolder.markerName {
                try move(staging.appendingPathComponent(name), to: output.appendingPathComponent(name))
                placed.append(name)
            }
            try move(staging.appendingPathComponent(OutputFolder.markerName), to: output.appendingPathComponent(OutputFolder.markerName))
        } catch {
            for name in placed.reversed() { try? move(output.appendingPathComponent(name), to: staging.appendingPathComponent(name)) }
            for name in moved.reversed() { try? move(old.appendingPathComponent(name), to: output.appendingPathComponent(name)) }
            try? FileManager.default.removeItem(at: old)
            throw error
        }
        try? FileManager.default.removeItem(at: old)
        try? FileManager.default.removeItem(at: staging)
    }

    /// rename(2), with the reason in words when it fails.
    private func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            let reason = errno
            throw Diagnostic.error(.cannotRename, RelativePath.display(source, from: displayBase), RelativePath.display(destination, from: displayBase), SystemError.describe(reason), at: nil)
        }
    }

    private static func has(_ url: URL, size: Int) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) == size
    }

    private static func failure(_ path: String) -> Diagnostic {
        .error(.outputFileProblem, path, SystemError.describe(errno), at: nil)
    }

    /// Drops the staging folder after a failure.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func destination(_ path: String) throws -> URL { try Self.destination(path, in: staging) }

    /// `path` (site-relative) inside `folder`; a path that could leave the folder is refused.
    static func destination(_ path: String, in folder: URL) throws -> URL {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic.error(.outsideOutput, path, at: nil)
        }
        return folder.appendingPathComponent(path)
    }

    private func ensureFolder(_ folder: URL) throws {
        let key = folder.path
        guard !createdFolders.withLock({ $0.contains(key) }) else { return }
        try fs.createDirectory(at: folder)
        createdFolders.withLock { _ = $0.insert(key) }
    }
}
