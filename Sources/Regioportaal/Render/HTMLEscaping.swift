import Mustache

/// HTML escaping for template output: the same five characters and entities as
/// swift-mustache's own HTML content type (`< > & " '`), done on UTF-8 bytes. The library's
/// version looks every Character up in a dictionary, which made escaping an eighth of the
/// build time of a large site.
struct FastHTMLContentType: MustacheContentType {
    /// The name the content type is registered under.
    static let name = "REGIOPORTAAL_HTML"
    /// Put in front of every template, so that rendering switches to this escaper from the
    /// first token on (swift-mustache resets the content type at each partial and parent).
    /// On a line of its own, which Mustache drops as a standalone tag: the template's own
    /// first line keeps its standalone tags, and only line numbers move (by one).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type once per process, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
