import Foundation
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
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { throw failure(path) }
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
        .error("\(path): \(String(cString: strerror(errno)))", at: nil)
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
/// only when everything was written. A failed or interrupted build leaves the previous
/// output exactly as it was; its leftovers are removed by the next run.
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    private let fs: OutputFileSystem
    private let lock = NSLock()
    private var createdFolders: Set<String> = []

    public init(output: URL, fileSystem: OutputFileSystem = LocalFileSystem()) {
        self.output = output.standardizedFileURL
        self.fs = fileSystem
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent("\(Self.prefix(for: self.output))\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))")
    }

    static func prefix(for output: URL) -> String { ".regioportaal-tmp-\(output.lastPathComponent)-" }

    /// Removes staging folders that an interrupted run left behind, then starts a new one.
    public func prepare() throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let prefix = Self.prefix(for: output)
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
        try fs.createDirectory(at: staging)
        try fs.write(Data(OutputFolder.markerText.utf8), to: staging.appendingPathComponent(OutputFolder.markerName))
    }

    /// Writes one file; `path` is relative to the site root and already checked to stay inside it.
    public func write(_ data: Data, to path: String) throws {
        let url = try destination(path)
        try ensureFolder(url.deletingLastPathComponent())
        try fs.write(data, to: url)
    }

    public func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    public func copy(_ source: URL, to path: String) throws {
        let url = try destination(path)
        try ensureFolder(url.deletingLastPathComponent())
        try fs.copyItem(at: source, to: url)
    }

    /// Replaces the output folder by the staging folder.
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            let old = output.deletingLastPathComponent().appendingPathComponent("\(Self.prefix(for: output))old-\(ProcessInfo.processInfo.processIdentifier)")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: output, to: old)
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
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
            throw Diagnostic.error("refusing to write outside the output folder: \(path)", at: nil)
        }
        return folder.appendingPathComponent(path)
    }

    private func ensureFolder(_ folder: URL) throws {
        let key = folder.path
        lock.lock()
        let known = createdFolders.contains(key)
        lock.unlock()
        guard !known else { return }
        try fs.createDirectory(at: folder)
        lock.lock()
        createdFolders.insert(key)
        lock.unlock()
    }
}
