import Foundation

/// A text file the build read, kept so that any later stage can point into it.
public final class SourceFile: Sendable {
    /// Path as shown in messages, relative to the working directory when possible
    /// (`Content/coalities/regio-deal.md`).
    public let displayPath: String
    public let url: URL
    /// `url.path`, made once: caches of the preview look files up by it many times per rebuild,
    /// and asking a URL for its path is slow.
    public let path: String
    public let text: String
    /// A hash of `text` (within this process), made once: rebuilds compare files by it.
    public let contentHash: Int
    /// Byte offsets in `text.utf8` at which each line starts.
    private let lineStarts: [String.UTF8View.Index]
    /// Lines (1-based) longer than ``Excerpt/longLine`` bytes that are not plain ASCII, with the
    /// index of every ``Excerpt/stride``-th character: a location far into such a line is found
    /// without walking the line from its start each time.
    private let checkpoints: [Int: [String.Index]]

    public convenience init(url: URL, displayPath: String, text: String) {
        self.init(url: url, path: url.path, displayPath: displayPath, text: text)
    }

    /// For a caller that knows `url.path` already.
    init(url: URL, path: String, displayPath: String, text: String) {
        self.url = url
        self.path = path
        self.displayPath = displayPath
        self.text = text
        var hasher = Hasher()
        hasher.combine(text)
        contentHash = hasher.finalize()
        var starts = [text.utf8.startIndex]
        var index = text.utf8.startIndex
        var longUnicodeLines: [Int] = []
        var lineIsASCII = true
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            index = text.utf8.index(after: index)
            if byte >= 0x80 { lineIsASCII = false }
            if byte == UInt8(ascii: "\n") {
                if !lineIsASCII, text.utf8.distance(from: starts[starts.count - 1], to: index) > Excerpt.longLine {
                    longUnicodeLines.append(starts.count)
                }
                lineIsASCII = true
                starts.append(index)
            }
        }
        if !lineIsASCII, text.utf8.distance(from: starts[starts.count - 1], to: text.utf8.endIndex) > Excerpt.longLine {
            longUnicodeLines.append(starts.count)
        }
        lineStarts = starts
        var checkpoints: [Int: [String.Index]] = [:]
        for line in longUnicodeLines {
            let end = line < starts.count ? starts[line] : text.endIndex
            var marks: [String.Index] = []
            var i = starts[line - 1], n = 0
            while i < end {
                if n % Excerpt.stride == 0 { marks.append(i) }
                i = text.index(after: i)
                n += 1
            }
            checkpoints[line] = marks
        }
        self.checkpoints = checkpoints
    }

    public var lineCount: Int { lineStarts.count }

    /// A hash of the lines before the 1-based `line` (all of the text when it has fewer lines).
    public func hash(ofLinesBefore line: Int) -> Int {
        let end = line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : text.utf8.endIndex
        var hasher = Hasher()
        let prefix = text.utf8[..<end]
        if prefix.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.combine(String(prefix))
        }
        return hasher.finalize()
    }

    /// The text of a 1-based line without its line break, or nil when out of range.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : text.utf8.endIndex
        let utf8 = text.utf8
        while end > start {
            let previous = utf8.index(before: end)
            let byte = utf8[previous]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { break }
            end = previous
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// A location in this file, with the line as excerpt; a long line is clipped around the
    /// column, in time and memory independent of the line's length.
    public func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 1, line <= lineStarts.count else {
            return SourceLocation(file: displayPath, line: line, column: column)
        }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? text.utf8.index(before: lineStarts[line]) : text.utf8.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == UInt8(ascii: "\r") { end = text.utf8.index(before: end) }
        guard text.utf8.distance(from: start, to: end) > Excerpt.longLine else {
            return SourceLocation(file: displayPath, line: line, column: column, excerpt: String(text[start..<end]))
        }
        // The column's character: by byte offset on an ASCII line, else from the nearest checkpoint.
        let target = max(0, column - 1)
        var caret: String.Index
        if let marks = checkpoints[line] {
            let k = min(target / Excerpt.stride, marks.count - 1)
            caret = marks[k]
            var n = k * Excerpt.stride
            while n < target, caret < end { caret = text.index(after: caret); n += 1 }
        } else {
            caret = text.utf8.index(start, offsetBy: min(target, text.utf8.distance(from: start, to: end)))
        }
        var from = caret, to = caret
        var before = 0, after = 0
        while before < Excerpt.context, from > start { from = text.index(before: from); before += 1 }
        while after < Excerpt.context, to < end { to = text.index(after: to); after += 1 }
        let excerpt = (from > start ? "…" : "") + String(text[from..<to]) + (to < end ? "…" : "")
        return SourceLocation(file: displayPath, line: line, column: column, excerpt: excerpt,
                              excerptColumn: before + 1 + (from > start ? 1 : 0))
    }

    /// The location of the first line that contains `needle`, for stages that only know
    /// which value was wrong, not where (for example a template file).
    public func location(of needle: String) -> SourceLocation {
        var number = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: needle) {
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                return location(line: number, column: column)
            }
            number += 1
        }
        return location(line: 1, column: 1)
    }
}

/// How much of a source line a diagnostic shows, and how much of a value its message quotes.
public enum Excerpt {
    /// Lines up to this many bytes are shown whole.
    public static let longLine = 160
    /// Characters shown on each side of the column of a longer line.
    public static let context = 60
    /// Distance between the checkpoints kept for long lines that are not ASCII.
    static let stride = 1024
    /// Characters of a value quoted in a message.
    public static let maxQuoted = 80

    /// `value`, or its first characters followed by "…" when it is longer than `limit`
    /// (whole characters, so never half a UTF-8 sequence).
    public static func quoted(_ value: String, limit: Int = maxQuoted) -> String {
        guard value.utf8.count > limit else { return value }
        var end = value.startIndex
        var n = 0
        while n < limit, end < value.endIndex { end = value.index(after: end); n += 1 }
        return end < value.endIndex ? String(value[..<end]) + "…" : value
    }
}
