import Foundation

/// Site-absolute paths under a deployment path (`/` or `/portaal/`).
public enum SitePaths {
    /// Prefixes a site-absolute path (`/themas/wonen/`) with the deployment path; anything
    /// else (external, relative, fragment-only) is left alone.
    public static func resolve(_ destination: String, basePath: String) -> String {
        guard destination.hasPrefix("/"), !destination.hasPrefix("//") else { return destination }
        return basePath + destination.dropFirst()
    }

    /// A link split at its first `#` into the part before it (without a `?query`) and the
    /// fragment, if any. Searched as UTF-8 bytes: Character search breaks graphemes and was
    /// the main cost of the link checks.
    public static func splitLink(_ link: String) -> (path: String, fragment: String?) {
        var path = link
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<query]) }
        return (path, fragment)
    }

    /// The path part of a base URL, always starting and ending with `/`.
    public static func basePath(of baseURL: String) -> String {
        guard let url = URL(string: baseURL) else { return "/" }
        var path = url.path
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        if !path.hasPrefix("/") { path = "/" + path }
        return path
    }
}

/// File paths as messages show them: relative to the project folder when inside it.
public enum RelativePath {
    /// `url` relative to `base` when inside it, else the absolute path.
    public static func display(_ url: URL, from base: URL) -> String {
        let path = url.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
