import Foundation
import RegioContent
import RegioRender
import RegioSupport

/// Stage 7 for rebuilds of a long-running process: updates the output folder in place,
/// writing only files whose bytes changed and removing files the site no longer has.
/// Each file is written beside its destination and renamed over it, so a page being served
/// is always either the old or the new version, never half of one. Used only after a
/// successful build; a failure here makes the next build a full, staged one.
struct IncrementalOutput {
    let output: URL
    let fileSystem: OutputFileSystem

    /// Brings the output folder from `state` (each file's hash and size, as the previous build
    /// left it) to `files` and `assets`, and `state` with it. `kept` files are unchanged and
    /// not looked at; files of the previous build that are in neither are removed.
    func update(files: [OutputFile], assets: [AssetManifest.Asset], kept: [String], state: inout RenderMemo.State) throws {
        let all = files + (try Self.read(assets))
        let previous = state.files
        try write(all, state: &state)
        let present = Set(kept).union(all.map(\.path))
        for path in previous.keys.sorted() where !present.contains(path) {
            try remove(path)
            state.files[path] = nil
            state.sizes[path] = nil
        }
        try writeMarker(state.sizes)
    }

    /// Writes each file whose bytes differ from its hash in `state`, records its new hash and
    /// size, and updates the marker's list.
    func replace(_ files: [OutputFile], state: inout RenderMemo.State) throws {
        try write(files, state: &state)
        try writeMarker(state.sizes)
    }

    private func write(_ files: [OutputFile], state: inout RenderMemo.State) throws {
        let changed = zip(files, Self.hashes(files)).filter { state.files[$0.0.path] != $0.1 }
        // A path the previous build did not write may hold someone else's file: refused
        // before anything is written.
        for (file, _) in changed where state.files[file.path] == nil {
            let url = try destination(file.path)
            if FileKind(path: url.path) != .missing {
                let shown = RelativePath.display(url, from: output.deletingLastPathComponent())
                throw Diagnostic.error(.notWrittenByBuild, shown, at: nil)
            }
        }
        var sizes = state.sizes
        for (file, _) in changed { sizes[file.path] = file.contents.count }
        // While files are replaced the marker lists both sizes, so that a rebuild that stops
        // halfway leaves a folder the next build still recognises as its own.
        if sizes != state.sizes {
            try replace(OutputFile(path: OutputFolder.markerName, text: OutputFolder.Manifest.text(sizes, alsoAllowing: state.sizes.mapValues { [$0] })))
        }
        for (file, hash) in changed {
            try replace(file)
            state.files[file.path] = hash
            state.sizes[file.path] = file.contents.count
        }
    }

    private func writeMarker(_ sizes: [String: Int]) throws {
        try replace(OutputFile(path: OutputFolder.markerName, text: OutputFolder.Manifest.text(sizes)))
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

    static let temporarySuffix = ".regioportaal-tmp"

    /// Whether `name` is the temporary name a file gets while it is replaced.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(temporarySuffix) && name.count > temporarySuffix.count + 1
    }

    private func replace(_ file: OutputFile) throws {
        let url = try destination(file.path)
        try fileSystem.createDirectory(at: url.deletingLastPathComponent())
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(Self.temporarySuffix)")
        try fileSystem.write(file.contents, to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let message = SystemError.describe(errno)
            unlink(temporary.path)
            throw Diagnostic.error(.outputFileProblem, file.path, message, at: nil)
        }
    }

    /// Removes a file and then every folder above it that became empty (up to the output).
    private func remove(_ path: String) throws {
        var url = try destination(path)
        guard unlink(url.path) == 0 || errno == ENOENT else {
            throw Diagnostic.error(.outputFileProblem, path, SystemError.describe(errno), at: nil)
        }
        let root = output.standardizedFileURL.path
        while true {
            url = url.deletingLastPathComponent()
            guard url.standardizedFileURL.path.count > root.count, rmdir(url.path) == 0 else { break }
        }
    }
}
