import RegioContent
/// The Dutch words the portal shows for model values. Templates get these already
/// translated, so staff never see a raw enum value on a page.
enum Vocabulary {
    static let months = Day.monthNames

    /// `29 mei 2024`
    static func date(_ day: Day) -> String { day.inWords }

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
