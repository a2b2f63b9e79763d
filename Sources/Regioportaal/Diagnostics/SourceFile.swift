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
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            index = text.utf8.index(after: index)
            if byte == UInt8(ascii: "\n") { starts.append(index) }
        }
        lineStarts = starts
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

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column, excerpt: self.line(line))
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
