import Foundation

/// Decides whether a build may write `--output`. A build replaces its output folder whole,
/// so a mistaken option (`--output .`, `--output Content`, a file's name) would otherwise
/// destroy what it names. The folder is replaced only when it is missing, empty, or carries
/// the marker every build writes; anything else is refused before anything is touched.
public enum OutputFolder {
    /// Written at the root of every build; its presence is what makes a folder replaceable.
    public static let markerName = ".regioportaal-build"
    static let markerText = "This folder was written by `regioportaal build`. The next build replaces it whole.\n"

    /// Why `options.output` may not be written, or nil when it may.
    public static func refusal(for options: BuildOptions) -> Diagnostic? {
        let output = options.output.standardizedFileURL
        let shown = RelativePath.display(output, from: options.displayBase)
        func refuse(_ why: String, _ hint: String) -> Diagnostic {
            .error("refusing to write the site into \(shown): \(why)", at: nil, hint: hint)
        }
        let anotherFolder = "pass --output with a folder of its own, such as _site"
        let kind = FileKind(path: output.path)
        if kind == .symbolicLink {
            return refuse("it is a symbolic link", "pass the folder it points to, or remove the link; builds never follow it")
        }
        // Compared as real paths, so `./Content/..` or a linked parent cannot slip past.
        let target = realPath(output)
        let protected: [(String, URL)] = [("the content folder", options.content), ("the templates folder", options.templates),
                                          ("the public folder", options.publicFolder), ("the project folder", options.displayBase)]
        let real = protected.map { realPath($0.1.standardizedFileURL) }
        if let same = real.firstIndex(of: target) { return refuse("it is \(protected[same].0)", anotherFolder) }
        for ((name, folder), real) in zip(protected, real) {
            if real.hasPrefix(target == "/" ? "/" : target + "/") {
                return refuse("it contains \(name) (\(RelativePath.display(folder, from: options.displayBase)))", anotherFolder)
            }
            if name != "the project folder", target.hasPrefix(real + "/") {
                return refuse("it lies inside \(name)", anotherFolder)
            }
        }
        switch kind {
        case .missing:
            return nil
        case .directory:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if names.isEmpty || FileKind(path: output.appendingPathComponent(markerName).path) == .regular { return nil }
            return refuse("the folder exists and was not made by regioportaal (it has no \(markerName) file)",
                          "builds replace their output folder whole; move this folder's contents away, or \(anotherFolder)")
        case .regular, .special, .symbolicLink:
            return refuse("it is \(kind == .regular ? "a file" : kind.refusal), not a folder", anotherFolder)
        }
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
}
