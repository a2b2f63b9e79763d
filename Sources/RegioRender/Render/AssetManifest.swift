import Foundation
import RegioContent
import RegioSupport

/// The static files of `Public/` and the names they are published under. Stylesheets and
/// scripts get a content hash in their name (`css/site.3f2a9c1d.css`) so browsers may cache
/// them forever; templates refer to them through `{{#asset}}css/site.css{{/asset}}`.
public struct AssetManifest: Sendable {
    public struct Asset: Sendable {
        public var source: URL
        /// Path relative to `Public/`, with `/` separators.
        public var path: String
        /// Path the file is published under.
        public var outputPath: String
    }

    public private(set) var assets: [Asset] = []
    private var byPath: [String: Int] = [:]

    public init() {}

    public static func scan(_ root: URL, displayBase: URL, diagnostics: inout Diagnostics) -> AssetManifest {
        var manifest = AssetManifest()
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path) else { return manifest }
        var stack = [(root, "")]
        while let (folder, prefix) = stack.popLast() {
            let entries = (try? fm.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
                let name = entry.lastPathComponent
                if name.hasPrefix(".") { continue }
                let relative = prefix + name
                let location = SourceLocation(file: RelativePath.display(entry, from: displayBase), line: 1, column: 1)
                switch FileKind(path: entry.path) {
                case .symbolicLink:
                    diagnostics.error(.symbolicLinkInPublic, at: location)
                case .special(let what):
                    // Copying or hashing a named pipe would wait for a writer forever.
                    diagnostics.error(.specialFileInPublic, what, at: location)
                case .directory:
                    stack.append((entry, relative + "/"))
                case .regular:
                    manifest.add(source: entry, path: relative, diagnostics: &diagnostics, at: location)
                case .missing:
                    break
                }
            }
        }
        manifest.assets.sort { $0.path < $1.path }
        manifest.byPath = Dictionary(uniqueKeysWithValues: manifest.assets.enumerated().map { ($1.path, $0) })
        return manifest
    }

    private mutating func add(source: URL, path: String, diagnostics: inout Diagnostics, at location: SourceLocation) {
        var output = path
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "css" || ext == "js" {
            switch FileKind.readRegularFile(source.path) {
            case .success(let data):
                let stem = String(path.dropLast(ext.count + 1))
                output = "\(stem).\(Fingerprint.hex(data)).\(ext)"
            case .failure(let refusal):
                diagnostics.error(.cannotReadPublicFile, refusal.text, at: location)
                return
            }
        }
        assets.append(Asset(source: source, path: path, outputPath: output))
    }

    public func asset(_ path: String) -> Asset? { byPath[path].map { assets[$0] } }

    /// The published URL of a `Public/` file, or the path unchanged (and unresolvable,
    /// so link checking reports it) when there is no such file.
    public func url(for path: String, basePath: String) -> String {
        let clean = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return basePath + (asset(clean)?.outputPath ?? clean)
    }

    /// Site paths of every published asset, for link validation.
    public var sitePaths: Set<String> { Set(assets.map { "/" + $0.outputPath }) }
}

/// A short, stable content hash (FNV-1a, 64 bit): enough to bust caches, no crypto needed.
public enum Fingerprint {
    public static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let s = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(10))
    }
}

