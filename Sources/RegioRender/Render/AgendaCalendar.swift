import RegioContent
import RegioSupport

/// The agenda as iCalendar (RFC 5545) files a raadslid can subscribe to: one for the region,
/// one per gemeente. Events are whole days; their UID stays when the item's date or text
/// changes, so a calendar moves the event instead of adding another. DTSTAMP is the data date,
/// never the clock, so rebuilds are byte-identical.
struct AgendaCalendar: Sendable {
    let model: SiteModel
    let agenda: Agenda

    static let regionPath = "/agenda/regio.ics"
    static func path(gemeente slug: String) -> String { "/agenda/gemeenten/\(slug).ics" }

    func files() -> [OutputFile] {
        var files = [OutputFile(path: String(Self.regionPath.dropFirst()),
                                text: ics(name: "\(model.settings.titel): agenda van de regio", items: agenda.items))]
        for g in model.gemeenten {
            files.append(OutputFile(path: String(Self.path(gemeente: g.info.slug).dropFirst()),
                                    text: ics(name: "\(model.settings.titel): agenda voor \(g.naam)", items: agenda.forGemeente(g.info.slug))))
        }
        return files
    }

    func ics(name: String, items: [AgendaItem]) -> String {
        let baseURL = model.settings.baseURL
        let host = baseURL.split(separator: "/").dropFirst().first.map(String.init) ?? "regioportaal"
        let stamp = (model.dataDate ?? Day(year: 2000, month: 1, day: 1)!).compact + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Regioportaal//Agenda//NL", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.text(name)]
        for item in items {
            var description: [String] = []
            if let orgaan = item.orgaan { description.append("Wie beslist: \(orgaan).") }
            if let periode = item.periode { description.append("Wanneer: \(periode).") }
            if item.uiterlijk { description.append("Uiterlijk op deze datum.") }
            if let waarom = item.waarom { description.append(waarom) }
            if item.grounds.example { description.append("Voorbeeldgegevens: verzonnen ter illustratie, geen feit.") }
            if item.grounds.editorial { description.append("De datum of het onderwerp is de lezing van de redactie.") }
            let prefix = item.grounds.example ? "[Voorbeeld] " : ""
            let verb = item.status == "geagendeerd" ? "Geagendeerd" : "Verwacht"
            let summary: String = Self.text(prefix + verb + ": " + item.titel)
            let link: String = baseURL + String(item.page.path.dropFirst())
            let status: String = item.status == "geagendeerd" ? "CONFIRMED" : "TENTATIVE"
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + item.uid + "@" + host)
            lines.append("DTSTAMP:" + stamp)
            lines.append("DTSTART;VALUE=DATE:" + item.datum.compact)
            lines.append("DTEND;VALUE=DATE:" + item.datum.adding(days: 1).compact)
            lines.append("SUMMARY:" + summary)
            lines.append("DESCRIPTION:" + Self.text(description.joined(separator: " ")))
            lines.append("URL:" + link)
            lines.append("STATUS:" + status)
            lines.append("TRANSP:TRANSPARENT")
            if item.grounds.example { lines.append("CATEGORIES:VOORBEELD") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11); a
    /// table on the shared escaping loop, like HTML, XML and JSON.
    static func text(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        Escaping.append(value, to: &out, where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) { bytes, i, out in
            switch bytes[i] {
            case 0x0A, 0x0D:
                out.append(contentsOf: [0x5C, 0x6E])  // \n
                // CR LF is one line break.
                return bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            default:
                out.append(contentsOf: [0x5C, bytes[i]])
                return 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", count = 0, limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                out += "\r\n "
                count = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
