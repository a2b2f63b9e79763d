/// Escaping written once: the byte loop that HTML (templates), XML (feeds, sitemap) and JSON
/// (search index, open data, schemas) share, each with its own table of replacements.
/// On UTF-8 bytes, and runs of bytes that need nothing are copied whole: every title,
/// summary and body of the site goes through here.
package enum Escaping {
    /// Appends `text` to `out`; where `isSpecial` holds, `escape` appends the replacement of
    /// the bytes starting at the given index and returns how many bytes it consumed (at least 1).
    @inlinable
    package static func append(_ text: String, to out: inout [UInt8], where isSpecial: (UInt8) -> Bool,
                               escape: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Int) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                guard isSpecial(bytes[i]) else {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                i += escape(bytes, i, &out)
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }
}

/// HTML text and attribute values: exactly `< > & " '` replaced, as swift-mustache's HTML
/// content type does.
package enum HTML {
    @inlinable
    package static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        Escaping.append(text, to: &out, where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) { bytes, i, out in
            let entity: StaticString
            switch bytes[i] {
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x26: entity = "&amp;"
            case 0x22: entity = "&quot;"
            default: entity = "&#39;"
            }
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            return 1
        }
    }
}

/// XML 1.0 text and attribute values (feeds, sitemap).
package enum XML {
    @inlinable
    package static func escape(_ s: String) -> String {
        // Most text needs nothing: no markup characters and no control characters (valid UTF-8
        // above 0x7F is all allowed except U+FFFE and U+FFFF, which start with 0xEF).
        guard s.utf8.contains(where: isSpecial) else { return s }
        // On the UTF-8 bytes: a feed carries whole bodies of HTML, and appending scalar by
        // scalar to a String made the feeds a tenth of a rebuild in the preview.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + s.utf8.count / 8)
        Escaping.append(s, to: &out, where: isSpecial) { bytes, i, out in
            let byte = bytes[i]
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&apos;".utf8
            // Characters XML 1.0 does not allow are dropped rather than breaking the feed:
            // controls below U+0020, and U+FFFE and U+FFFF (EF BF BE and EF BF BF).
            case ..<0x20: break
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                return 3
            default: out.append(byte)
            }
            return 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Tab, line feed and carriage return are the controls XML allows.
    @inlinable
    package static func isSpecial(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
            || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
    }
}

/// JSON strings written from UTF-8 bytes, as JSONEncoder writes them (quote, backslash and control
/// characters escaped, slashes not); with `escapingMarkup`, also `<`, `>` and `&` as `\u003c`,
/// `\u003e` and `\u0026`, so that no markup can appear in the file.
package enum JSONText {
    @inlinable
    package static func appendString(_ string: String, to json: inout [UInt8], escapingMarkup: Bool = true) {
        json.append(UInt8(ascii: "\""))
        Escaping.append(string, to: &json, where: { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (escapingMarkup && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
        }) { bytes, i, json in
            let byte = bytes[i]
            json.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): json.append(byte)
            case 0x0A: json.append(UInt8(ascii: "n"))
            case 0x0D: json.append(UInt8(ascii: "r"))
            case 0x09: json.append(UInt8(ascii: "t"))
            case 0x08: json.append(UInt8(ascii: "b"))
            case 0x0C: json.append(UInt8(ascii: "f"))
            default:
                // \u00XX in lowercase hexadecimal, as JSONEncoder writes it.
                func digit(_ n: UInt8) -> UInt8 { n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10 }
                json.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digit(byte >> 4), digit(byte & 0x0F)])
            }
            return 1
        }
        json.append(UInt8(ascii: "\""))
    }
}
