import Foundation  // `capitalized` only; never on the plain render path.

/// swift-mustache's transforms (`Transform.swift`) and sequence functions (`SequenceContext.swift`),
/// one name space, checked at parse time so a typo is a compile error instead of silent output.
enum Function: String, Sendable, CaseIterable {
    // strings
    case capitalized, lowercased, uppercased
    // strings, lists, objects
    case empty, reversed, count
    // lists
    case first, last, sorted
    // objects
    case enumerated
    // ints and list positions
    case equalzero, plusone, minusone, even, odd
    // list positions only
    case index

    /// A function applied to the list position of the innermost list section (`{{index()}}`).
    func apply(to position: SequencePosition) -> TemplateValue? {
        switch self {
        case .first: return .bool(position.index == 0)
        case .last: return .bool(position.isLast)
        case .index: return .int(position.index)
        case .even: return .bool(position.index & 1 == 0)
        case .odd: return .bool(position.index & 1 == 1)
        default: return nil
        }
    }

    /// nil where swift-mustache's transform returns nil (the value then counts as missing).
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .string(let s):
            switch self {
            case .empty: return .bool(s.isEmpty)
            case .capitalized: return .string(s.capitalized)
            case .lowercased: return .string(s.lowercased())
            case .uppercased: return .string(s.uppercased())
            case .reversed: return .string(String(s.reversed()))
            default: return nil
            }
        case .list(let items):
            switch self {
            // Deviation: on an empty list swift-mustache returns a boxed `Optional.none` that
            // renders as "nil" and counts as true; here it is simply missing.
            case .first: return items.first
            case .last: return items.last
            case .reversed: return .list(items.reversed())
            case .count: return .int(items.count)
            case .empty: return .bool(items.isEmpty)
            // swift-mustache sorts only arrays of a Comparable element type; typed values make
            // that "all strings" or "all numbers of one kind".
            case .sorted: return Self.sorted(items)
            default: return nil
            }
        case .object(let fields):
            switch self {
            case .count: return .int(fields.count)
            case .empty: return .bool(fields.isEmpty)
            // swift-mustache yields (key, value) pairs, for `enumerated` in hash order; here
            // both are in key order, so output is deterministic.
            case .sorted, .enumerated:
                return .list(fields.keys.sorted().map { .object(["key": .string($0), "value": fields[$0]!]) })
            default: return nil
            }
        case .int(let n):
            switch self {
            case .equalzero: return .bool(n == 0)
            case .plusone: return .int(n &+ 1)
            case .minusone: return .int(n &- 1)
            case .even: return .bool(n & 1 == 0)
            case .odd: return .bool(n & 1 == 1)
            default: return nil
            }
        case .bool, .double, .lambda:
            return nil
        }
    }

    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
        for item in items {
            switch item {
            case .string(let s): strings.append(s)
            case .int(let n): ints.append(n)
            case .double(let d): doubles.append(d)
            default: return nil
            }
        }
        if strings.count == items.count { return .list(strings.sorted().map(TemplateValue.string)) }
        if ints.count == items.count { return .list(ints.sorted().map(TemplateValue.int)) }
        if doubles.count == items.count { return .list(doubles.sorted().map(TemplateValue.double)) }
        return nil
    }
}

/// The position inside a list section that `first()`, `last()`, `index()`, `even()`, `odd()` see.
struct SequencePosition: Sendable {
    var index: Int
    var isLast: Bool
}
