import Foundation

/// Stage 7 for rebuilds of a long-running process: updates the output folder in place,
/// writing only files whose bytes changed and removing files the site no longer has.
/// Each file is written beside its destination and renamed over it, so a page being served
/// is always either the old or the new version, never half of one. Used only after a
/// successful build; a failure here makes the next build a full, staged one.
struct IncrementalOutput {
    let output: URL
    let fileSystem: OutputFileSystem

    /// `previous` maps each file of the output folder to a hash of its bytes; returns the
    /// same map for the new site. `kept` files are unchanged and not looked at.
    func update(files: [OutputFile], assets: [AssetManifest.Asset], kept: [String], previous: [String: Int]) throws -> [String: Int] {
        let all = files + (try Self.read(assets))
        var next = previous
        try replace(all, hashes: &next)
        let present = Set(kept).union(all.map(\.path))
        for path in previous.keys.sorted() where !present.contains(path) {
            try remove(path)
            next[path] = nil
        }
        return next
    }

    /// Writes each file whose bytes differ from its hash in `hashes`, and records its new hash.
    func replace(_ files: [OutputFile], hashes: inout [String: Int]) throws {
        for (file, hash) in zip(files, Self.hashes(files)) where hashes[file.path] != hash {
            try replace(file)
            hashes[file.path] = hash
        }
    }

    /// The assets' bytes under their output paths.
    static func read(_ assets: [AssetManifest.Asset]) throws -> [OutputFile] {
        try assets.map { OutputFile(path: $0.outputPath, contents: try Data(contentsOf: $0.source)) }
    }

    /// A hash of each file's bytes, made on all cores; what rebuilds compare files by.
    static func hashes(_ files: [OutputFile]) -> [Int] {
        ConcurrentMap.map(files) { RenderMemo.hash($0.contents) }
    }

    private func destination(_ path: String) throws -> URL { try StagedOutput.destination(path, in: output) }

    private func replace(_ file: OutputFile) throws {
        let url = try destination(file.path)
        try fileSystem.createDirectory(at: url.deletingLastPathComponent())
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).regioportaal-tmp")
        try fileSystem.write(file.contents, to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Diagnostic.error("\(file.path): \(message)", at: nil)
        }
    }

    /// Removes a file and then every folder above it that became empty (up to the output).
    private func remove(_ path: String) throws {
        var url = try destination(path)
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw Diagnostic.error("\(path): \(String(cString: strerror(errno)))", at: nil)
        }
        let root = output.standardizedFileURL.path
        while true {
            url = url.deletingLastPathComponent()
            guard url.standardizedFileURL.path.count > root.count, rmdir(url.path) == 0 else { break }
        }
    }
}
