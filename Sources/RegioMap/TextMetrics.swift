import Foundation

/// Text width estimates and word wrapping. There is no font engine on a static-site build machine,
/// so widths come from a table of Helvetica/Arial advance widths (the SVG asks for those fonts first),
/// padded a little because browsers may fall back to a somewhat wider sans-serif.
enum TextMetrics {
    /// Extra room over the table widths, for fallback fonts (Liberation Sans matches, DejaVu is wider).
    static let safety = 1.06

    /// Helvetica advance widths in 1/1000 em for ASCII 32...126.
    private static let ascii: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space ... /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 ... ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ ... O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P ... _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` ... o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p ... ~
    ]

    /// Widths of common non-ASCII characters that do not decompose to an ASCII letter.
    private static let special: [Character: UInt16] = [
        "\u{2018}": 222, "\u{2019}": 222, "\u{201C}": 333, "\u{201D}": 333, "\u{201E}": 333,
        "\u{2013}": 556, "\u{2014}": 1000, "\u{2026}": 1000, "\u{20AC}": 556, "\u{00A0}": 278,
        "\u{00DF}": 611, "\u{00E6}": 889, "\u{00C6}": 1000, "\u{00F8}": 611, "\u{00D8}": 778,
        "\u{0133}": 444, "\u{0132}": 778, "\u{00B7}": 278, "\u{2022}": 350, "\u{00B0}": 400,
        "\u{200B}": 0, "\u{25C6}": 800, "\u{25CF}": 800, "\u{25A0}": 800, "\u{25B2}": 800, "\u{2192}": 1000,
    ]

    /// Advance width of one character in em.
    static func em(_ c: Character) -> Double {
        if let a = c.asciiValue {
            return a >= 32 && a <= 126 ? Double(ascii[Int(a) - 32]) / 1000 : 0
        }
        if let w = special[c] { return Double(w) / 1000 }
        // Accented Latin letters take the width of their base letter.
        if let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first,
            base.isASCII, base.value >= 32, base.value <= 126
        {
            return Double(ascii[Int(base.value) - 32]) / 1000
        }
        guard let scalar = c.unicodeScalars.first else { return 0 }
        if scalar.properties.isEmojiPresentation { return 1.0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60:
            return 1.0  // East Asian wide
        default:
            return 0.6
        }
    }

    /// Estimated width of `text` at `fontSize`; bold Helvetica is up to about 10% wider.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var total = 0.0
        for c in text { total += em(c) }
        return total * fontSize * safety * (bold ? 1.1 : 1)
    }

    /// Greedy word wrap to `maxWidth`. A word longer than the line is broken after a hyphen when it
    /// has one, otherwise it gets a line of its own (its box grows instead of cutting the word).
    static func wrap(_ text: String, fontSize: Double, maxWidth: Double, bold: Bool = false) -> [String] {
        // A no-break space joins two words into one that never wraps.
        let words = text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{00A0}" }).flatMap { word -> [String] in
            let w = String(word)
            guard width(w, fontSize: fontSize, bold: bold) > maxWidth, w.contains("-") else { return [w] }
            return splitAfterHyphens(w, fontSize: fontSize * (bold ? 1.1 : 1), maxWidth: maxWidth)
        }
        var lines: [String] = []
        var current = ""
        let space = width(" ", fontSize: fontSize, bold: bold)
        var currentWidth = 0.0
        for word in words {
            let w = width(word, fontSize: fontSize, bold: bold)
            if current.isEmpty {
                current = word
                currentWidth = w
            } else if currentWidth + space + w <= maxWidth, !current.hasSuffix("-\u{200B}") {
                current += " " + word
                currentWidth += space + w
            } else {
                lines.append(current)
                current = word
                currentWidth = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        // Pieces of a hyphen-split word are glued without a space when they share a line.
        return lines.map { $0.contains("\u{200B}") ? $0.replacingOccurrences(of: "\u{200B}", with: "") : $0 }
    }

    /// Splits "aaa-bbb-ccc" into pieces that fit, each but the last ending in "-" plus a marker that
    /// `wrap` uses to glue pieces back when they end up on one line.
    private static func splitAfterHyphens(_ word: String, fontSize: Double, maxWidth: Double) -> [String] {
        var parts: [String] = []
        var piece = ""
        for c in word {
            piece.append(c)
            if c == "-" {
                parts.append(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { parts.append(piece) }
        // Merge consecutive parts while they fit, so "a-b-c" only breaks where needed.
        var merged: [String] = []
        for part in parts {
            if let last = merged.last, width(last + part, fontSize: fontSize) <= maxWidth {
                merged[merged.count - 1] = last + part
            } else {
                merged.append(part)
            }
        }
        return merged.enumerated().map { i, p in i < merged.count - 1 && p.hasSuffix("-") ? p + "\u{200B}" : p }
    }
}
