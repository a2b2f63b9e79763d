import RegioContent
import RegioMap

/// The drawing of each `ContentSchema.themaIcoon` value: a stroked path in a 16 × 16 box and a
/// colour, the same on the map (cluster band and icon) and on the thema's pages. Every colour has
/// at least 4.5:1 contrast on white and on the map's column fill (#eef2f7). The thema's title
/// always stands next to the sign: colour and icon help recognise a thema, they do not name it.
enum ThemaIcon {
    static let drawings: [String: (colour: String, path: String)] = [
        "woning": ("#9a3412", "M2 8 L8 2.5 L14 8 M3.5 6.8 V13.5 H12.5 V6.8 M6.5 13.5 V10 H9.5 V13.5"),
        "weg": ("#1d4ed8", "M4.5 14 L7 2 M11.5 14 L9 2 M8 4 V5.5 M8 8 V9.5 M8 12 V13.5"),
        "groei": ("#166534", "M2 14 H14 M4 13.5 V10 M7.5 13.5 V7 M11 13.5 V4 M9.5 3 L12.5 1.5"),
        "energie": ("#854d0e", "M9.5 1.5 L4 9 H8 L6.5 14.5 L12 7 H8 Z"),
        "onderwijs": ("#6b21a8", "M1.5 6 L8 3 L14.5 6 L8 9 Z M4.5 7.5 V11 C6 12.5 10 12.5 11.5 11 V7.5 M14.5 6 V10"),
        "mensen": ("#9d174d", "M5.5 6.5 A2 2 0 1 0 5.5 2.5 A2 2 0 1 0 5.5 6.5 M1.5 13.5 C1.5 8.5 9.5 8.5 9.5 13.5 M11 6.5 A1.8 1.8 0 1 0 11 2.9 A1.8 1.8 0 1 0 11 6.5 M11.5 9 C13.5 9 14.5 11 14.5 13.5"),
        "gebouw": ("#334155", "M3 14.5 V2.5 H13 V14.5 M1.5 14.5 H14.5 M5.5 5 H7 M9 5 H10.5 M5.5 8 H7 M9 8 H10.5 M7 14.5 V11 H9 V14.5"),
        "samen": ("#0f766e", "M6 4.5 A3.5 3.5 0 1 0 6 11.5 A3.5 3.5 0 1 0 6 4.5 M10 4.5 A3.5 3.5 0 1 0 10 11.5 A3.5 3.5 0 1 0 10 4.5"),
    ]

    /// The map's style of a thema's column, when the thema has a sign.
    static func clusterStyle(_ t: Thema) -> ClusterStyle? {
        t.icoon.flatMap { drawings[$0] }.map { ClusterStyle(colour: $0.colour, icon: $0.path) }
    }

    /// Inline SVG for a page, hidden from assistive technology (the title next to it is the name).
    static func html(_ t: Thema, size: Int = 28) -> String? {
        guard let d = t.icoon.flatMap({ drawings[$0] }) else { return nil }
        return "<svg class=\"thema-icoon\" viewBox=\"0 0 16 16\" width=\"\(size)\" height=\"\(size)\" aria-hidden=\"true\">"
            + "<path d=\"\(d.path)\" fill=\"none\" stroke=\"\(d.colour)\" stroke-width=\"1.6\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>"
    }
}
