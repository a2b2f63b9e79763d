import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a request path onto a file inside the served folder, or refuses it.
///
/// Two independent walls, because either alone has been bypassed in real servers:
/// 1. the raw path is decoded exactly once, segment by segment, and anything that could
///    climb or hide a separator (`..`, `%2e%2e`, `%2f`, `%5c`, double encoding, NUL) is refused;
/// 2. the result is resolved with `realpath(3)` (all symbolic links followed) and must lie
///    inside the real path of the root. This is what stops a symlink in the output that
///    points elsewhere — Hummingbird's `FileMiddleware` would follow it.
public enum PathGuard {
    /// A request path split into decoded, safe segments.
    public struct Segments: Equatable, Sendable {
        public var parts: [String]
        /// The raw path ended in `/`: the client asked for a folder.
        public var trailingSlash: Bool
    }

    /// Decodes the raw (still percent-encoded) path of a request target.
    /// Returns nil when the path is malformed or could name anything outside its root.
    public static func segments(of rawPath: String) -> Segments? {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\") else { return nil }
        var parts: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            // `removingPercentEncoding` is nil for bad escapes and for invalid UTF-8
            // (which also rules out overlong encodings such as %c0%ae).
            guard let part = String(raw).removingPercentEncoding, isSafe(part) else { return nil }
            parts.append(part)
        }
        return Segments(parts: parts, trailingSlash: rawPath.hasSuffix("/"))
    }

    /// The real location of `requestPath` (raw, percent-encoded) inside `root`, or nil when
    /// the path is refused, does not exist, or resolves outside the real root.
    public static func resolve(requestPath: String, root: URL) -> URL? {
        guard let segments = segments(of: requestPath), let realRoot = realPath(root.path) else { return nil }
        let candidate = segments.parts.reduce(realRoot) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
        return contained(candidate, in: realRoot).map { URL(fileURLWithPath: $0) }
    }

    /// The real path of `path` when it lies inside (or is) `realRoot`; nil otherwise.
    /// `realRoot` must itself be a real path (see ``realPath(_:)``).
    public static func contained(_ path: String, in realRoot: String) -> String? {
        guard let real = realPath(path) else { return nil }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        return real == realRoot || real.hasPrefix(prefix) ? real : nil
    }

    /// `realpath(3)`: absolute, no `.`/`..`, every symbolic link resolved; nil if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// One decoded segment is safe when it cannot climb, cannot contain a separator, and
    /// carries no `%` (a `%` left after one decoding is double encoding) or control character.
    static func isSafe(_ part: String) -> Bool {
        guard !part.isEmpty, part != ".", part != ".." else { return false }
        return !part.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar == "%" || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }
}
