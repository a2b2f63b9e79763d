/// A calendar date without time or zone (`2024-05-29`): what content dates mean.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// nil for an impossible date such as 2024-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Years a content date or `--now` may have. A date outside is a typo (`0013` for `2013`),
    /// and would make a snapshot page for every year in between.
    public static let plausibleYears = 1900...2200

    public var isPlausible: Bool { Self.plausibleYears.contains(year) }

    /// A plausible year this implausible one was probably meant to be: `0013` → 2013 (the
    /// century left out), `2206` → 2026 (two digits swapped).
    public static func suggestedYear(for year: Int) -> Int? {
        guard !plausibleYears.contains(year), (0...9999).contains(year) else { return nil }
        if year < plausibleYears.lowerBound {
            let guess = 2000 + year % 100
            return plausibleYears.contains(guess) ? guess : nil
        }
        var digits = Array(String(year))
        for i in 1..<digits.count - 1 {
            digits.swapAt(i, i + 1)
            if let guess = Int(String(digits)), plausibleYears.contains(guess), guess <= 2100 { return guess }
            digits.swapAt(i, i + 1)
        }
        return nil
    }

    /// Whether `text` has the shape of a date even if the date is impossible.
    static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The date an editor probably meant by a date written otherwise than `YYYY-MM-DD`: the
    /// Dutch way round (`31-01-2026`, `31-1-2026`, `31/01/2026`), with day and month swapped
    /// (`2026-31-01`) or without zeros (`2026-1-31`). Nil for anything else. `01-02-2026` is
    /// read the Dutch way, as 1 February: that is how editors here write dates.
    public static func meant(by text: String) -> Day? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let found: Day?
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            found = Day(year: c, month: b, day: a)
        } else if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            found = b > 12 ? Day(year: a, month: c, day: b) : Day(year: a, month: b, day: c)
        } else {
            found = nil
        }
        // Only a different spelling: a valid `YYYY-MM-DD` needs no correction.
        guard let found, found.description != text else { return nil }
        return found
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2024-05-29`
    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                    "augustus", "september", "oktober", "november", "december"]

    /// `29 mei 2024`, as pages and messages for readers write a date.
    public var inWords: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// RFC 3339 midnight UTC, for feeds and sitemaps.
    public var rfc3339: String { description + "T00:00:00Z" }
    /// `20240529`, as iCalendar writes dates.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day `months` earlier or later, clamped to the month's last day.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
