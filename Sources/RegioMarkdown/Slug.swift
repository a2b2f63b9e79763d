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
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // ASCII, nearly all of Dutch text, is lowercased in place; the rest goes through
            // the full Unicode lowercase mapping first (`É` → `é` → `e`).
            if scalar.isASCII {
                let value = scalar.value
                result.append((0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : scalar)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.isASCII {
                    result.append(lower)
                } else if let base = latinBase[lower.value] {
                    result.append(contentsOf: base.unicodeScalars)
                } else if !lower.isCombiningMark {
                    result.append(lower)
                }
            }
        }
        return String(result)
    }

    /// ``fold(_:)`` with every run of whitespace made one space and none at either end:
    /// the form in which text is searched.
    public static func foldCollapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
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
