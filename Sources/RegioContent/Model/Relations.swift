/// Reverse lookups over the model, computed once per build so that no page has to scan
/// all entities (a sidebar on every page must not cost O(pages²)). Lists keep model order.
public struct Relations: Sendable {
    public private(set) var coalitiesByThema: [String: [Int]] = [:]
    public private(set) var coalitiesByOpgave: [String: [Int]] = [:]
    public private(set) var coalitiesByPartij: [String: [Int]] = [:]
    public private(set) var opgavenByThema: [String: [Int]] = [:]
    /// Opgaven that depend on the key opgave.
    public private(set) var dependents: [String: [Int]] = [:]
    public private(set) var themasByTafelLid: [String: [Int]] = [:]
    public private(set) var updatesByThema: [String: [Int]] = [:]
    public private(set) var updatesByCoalitie: [String: [Int]] = [:]
    public private(set) var updatesByGemeente: [String: [Int]] = [:]
    public private(set) var besluitenByThema: [String: [Int]] = [:]
    public private(set) var besluitenByCoalitie: [String: [Int]] = [:]
    public private(set) var besluitenByGemeente: [String: [Int]] = [:]

    public init(_ model: SiteModel) {
        for (i, c) in model.coalities.enumerated() {
            for t in Set(c.themas.map(\.value)) { coalitiesByThema[t, default: []].append(i) }
            for o in Set(c.opgaven.map(\.value)) { coalitiesByOpgave[o, default: []].append(i) }
            for p in Set(c.deelnemers.map(\.partij.value)) { coalitiesByPartij[p, default: []].append(i) }
        }
        for (i, o) in model.opgaven.enumerated() {
            for t in Set(o.themas.map(\.value)) { opgavenByThema[t, default: []].append(i) }
            for d in Set(o.afhankelijkVan.map(\.opgave.value)) { dependents[d, default: []].append(i) }
        }
        for (i, t) in model.themas.enumerated() {
            for l in Set(t.tafel.leden.map(\.partij.value)) { themasByTafelLid[l, default: []].append(i) }
        }
        for (i, u) in model.updates.enumerated() {
            for t in Set(u.themas.map(\.value)) { updatesByThema[t, default: []].append(i) }
            for c in Set(u.coalities.map(\.value)) { updatesByCoalitie[c, default: []].append(i) }
            for g in Set(u.gemeenten.map(\.value)) { updatesByGemeente[g, default: []].append(i) }
        }
        for (i, b) in model.besluiten.enumerated() {
            for t in Set(b.themas.map(\.value)) { besluitenByThema[t, default: []].append(i) }
            for c in Set(b.coalities.map(\.value)) { besluitenByCoalitie[c, default: []].append(i) }
            for g in Set(b.gemeenten.map(\.value)) { besluitenByGemeente[g, default: []].append(i) }
        }
    }
}
