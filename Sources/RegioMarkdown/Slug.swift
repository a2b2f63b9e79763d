/// Slugs and anchors for Dutch text: diacritics folded (`coördinatie` → `coordinatie`),
/// lowercase ASCII letters and digits, words joined by hyphens.
public enum Slug {
    /// A slug for file names and URLs, e.g. `"Wonen & bouwen"` → `"wonen-bouwen"`.
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
            if isAlphanumeric {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// An id for a heading; same rules as ``make(_:)``, and never starting with a digit
    /// so it is also a valid CSS selector.
    public static func anchor(_ text: String) -> String {
        let slug = make(text)
        if let first = slug.unicodeScalars.first, (0x30...0x39).contains(first.value) {
            return "h-" + slug
        }
        return slug
    }

    /// Lowercases and strips diacritics, and spells out the ligatures Dutch text meets.
    public static func fold(_ text: String) -> String { fold(text, collapsingWhitespace: false) }

    /// ``fold(_:)`` with every run of whitespace made one space and none at either end:
    /// the form in which text is searched.
    public static func foldCollapsingWhitespace(_ text: String) -> String { fold(text, collapsingWhitespace: true) }

    /// ASCII, nearly all of Dutch text, is handled byte by byte; other scalars go through the
    /// full Unicode lowercase mapping first (`É` → `é` → `e`). Unicode properties are slow to
    /// look up, so they are looked up only for non-ASCII scalars.
    private static func fold(_ text: String, collapsingWhitespace collapse: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar, isWhitespace: Bool) {
            if collapse && isWhitespace {
                pendingSpace = !bytes.isEmpty
                return
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let isWhitespace = byte == 0x20 || (0x09...0x0D).contains(byte)
                append((0x41...0x5A).contains(byte) ? Unicode.Scalar(byte + 0x20) : scalar, isWhitespace: isWhitespace)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let base = latinBase[lower.value] {
                    for letter in base.unicodeScalars { append(letter, isWhitespace: false) }
                } else if lower.isASCII || !lower.isCombiningMark {
                    append(lower, isWhitespace: lower.properties.isWhitespace)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    var isCombiningMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Base letters for the Latin-1 Supplement and Latin Extended-A letters with diacritics.
private let latinBase: [UInt32: String] = {
    let table: [(String, String)] = [
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"),
        ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöōŏőø", "o"), ("ŕŗř", "r"),
        ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ]
    var result: [UInt32: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ĳ": "ij"].reduce(into: [:]) {
        $0[$1.key.unicodeScalars.first!.value] = $1.value
    }
    for (letters, base) in table {
        for scalar in letters.unicodeScalars { result[scalar.value] = base }
    }
    return result
}()
