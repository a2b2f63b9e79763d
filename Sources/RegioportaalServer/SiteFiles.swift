import Foundation

/// Where a request for the site lands. Separate from HTTP so the rules (base path,
/// folders, redirects, containment) are tested without a server.
public enum SiteLookup: Equatable, Sendable {
    /// A regular file inside the output folder (its real path).
    case file(URL)
    /// A folder asked for without its trailing slash, or the base path without it:
    /// relative links in the page only work from the slash form.
    case redirect(String)
    case notFound
}

public enum SiteFiles {
    /// Resolves the raw (percent-encoded) request path against the output folder `root`,
    /// for a site deployed under `basePath` (`/` or `/portaal/`).
    public static func lookup(rawPath: String, basePath: String, root: URL) -> SiteLookup {
        let base = basePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? basePath
        if base != "/" {
            if rawPath == "/" || rawPath + "/" == base { return .redirect(base) }
            guard rawPath.hasPrefix(base) else { return .notFound }
        }
        let sitePath = "/" + rawPath.dropFirst(base.count)
        guard let segments = PathGuard.segments(of: sitePath),
              let realRoot = PathGuard.realPath(root.path),
              let target = PathGuard.resolve(requestPath: sitePath, root: root) else { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard segments.trailingSlash || segments.parts.isEmpty else {
                // Built from the checked segments, not the raw path: `//host` must not
                // become a protocol-relative redirect to another site.
                let encoded = segments.parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
                return .redirect(base + encoded.joined(separator: "/") + "/")
            }
            // index.html is resolved through the guard too: it could be a symlink out.
            guard let index = PathGuard.contained(target.path + "/index.html", in: realRoot),
                  isRegularFile(index) else { return .notFound }
            return .file(URL(fileURLWithPath: index))
        }
        // `/page.html/` names no file; refusing it keeps relative links from breaking silently.
        guard !segments.trailingSlash, isRegularFile(target.path) else { return .notFound }
        return .file(target)
    }

    /// The site's own 404 page, if it has one inside the output folder.
    public static func notFoundPage(root: URL) -> URL? {
        guard let realRoot = PathGuard.realPath(root.path),
              let page = PathGuard.contained(realRoot + "/404.html", in: realRoot), isRegularFile(page) else { return nil }
        return URL(fileURLWithPath: page)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}

/// Content types by file extension, for what the generator writes and `Public/` holds.
public enum MediaTypes {
    public static func contentType(forPath path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        return types[ext] ?? "application/octet-stream"
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml; charset=utf-8",
        "svg": "image/svg+xml",
        "txt": "text/plain; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
        "webmanifest": "application/manifest+json",
    ]
}
