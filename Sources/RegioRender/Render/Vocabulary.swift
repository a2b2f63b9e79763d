import RegioContent
/// The Dutch words the portal shows for model values. Templates get these already
/// translated, so staff never see a raw enum value on a page.
enum Vocabulary {
    static let months = Day.monthNames

    /// `29 mei 2024`
    static func date(_ day: Day) -> String { day.inWords }

    /// When something expected comes: the period in words when there is one, else the date,
    /// as a deadline when it is one ("uiterlijk 1 juli 2025").
    static func when(_ day: Day, uiterlijk: Bool, periode: String?) -> String {
        periode ?? (uiterlijk ? "uiterlijk " : "") + date(day)
    }

    /// `mei 2024`
    static func month(_ day: Day) -> String { "\(months[day.month - 1]) \(day.year)" }

    /// A marker per variant, so the variant is never told by colour alone.
    static func variantSymbol(_ variant: String) -> String {
        switch variant {
        case "volledig": return "●"
        case "solidariteit": return "◑"
        case "instap": return "◔"
        default: return "○"
        }
    }

    static func variantLabel(_ variant: String) -> String {
        ContentSchema.deelnamevariant.option(variant)?.label ?? variant
    }

    static func statusLabel(_ status: String) -> String { ContentSchema.status.option(status)?.label ?? status }
    static func ringLabel(_ ring: String) -> String { ContentSchema.ring.option(ring)?.label ?? ring }
    static func stapLabel(_ stap: String) -> String { ContentSchema.stap.option(stap)?.label ?? stap }
    static func soortLabel(_ soort: String) -> String { ContentSchema.soort.option(soort)?.label ?? soort }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
