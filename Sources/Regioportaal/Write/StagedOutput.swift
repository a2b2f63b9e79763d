import Foundation

/// The file operations the write stage needs; tests inject failures through it.
public protocol OutputFileSystem: Sendable {
    func createDirectory(at url: URL) throws
    func write(_ data: Data, to url: URL) throws
    func copyItem(at source: URL, to destination: URL) throws
}

public struct LocalFileSystem: OutputFileSystem {
    public init() {}

    public func createDirectory(at url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func write(_ data: Data, to url: URL) throws {
        try data.write(to: url)
    }

    public func copyItem(at source: URL, to destination: URL) throws {
        try FileManager.default.copyItem(at: source, to: destination)
    }
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

    private func destination(_ path: String) throws -> URL {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic.error("refusing to write outside the output folder: \(path)", at: nil)
        }
        return staging.appendingPathComponent(path)
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
