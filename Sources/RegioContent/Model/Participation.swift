/// How a gemeente or partner takes part in the coalities on a day: per variant, in the
/// schema's order, and apart from that the coalities it does not take part in ("geen").
/// Only coalities that are going on count: a 2013 proposal of unknown outcome, or a finished
/// or lapsed coalitie, is not participation today.
public struct Participation: Sendable {
    public struct Mix: Sendable {
        /// volledig, solidariteit and instap, each with the indices of its coalities; only
        /// variants that occur.
        public var taking: [(variant: String, coalities: [Int])]
        /// Coalities in which the partij has the variant `geen`.
        public var notTaking: [Int]
    }

    let model: SiteModel
    let relations: Relations

    public init(model: SiteModel, relations: Relations) {
        self.model = model
        self.relations = relations
    }

    /// The mix, grounded on every participation (and coalitie) it counts. A snapshot of a past
    /// year passes `currentOnly: false` (see `Coalitie.countsAsParticipation`).
    public func of(_ partij: String, on day: Day, currentOnly: Bool = true) -> Grounded<Mix> {
        var byVariant: [String: [Int]] = [:]
        var grounds = Grounds.sourced
        for i in relations.coalitiesByPartij[partij] ?? [] {
            let c = model.coalities[i]
            guard c.countsAsParticipation(currentOnly: currentOnly), c.isActive(on: day),
                  let d = c.deelnemer(partij), let period = d.period(on: day) else { continue }
            byVariant[period.variant, default: []].append(i)
            grounds |= period.provenance.grounds | c.info.provenance.grounds
        }
        let taking = ContentSchema.deelnamevariant.values.filter { $0 != "geen" }.compactMap { v in
            byVariant[v].map { (variant: v, coalities: $0) }
        }
        return Grounded(Mix(taking: taking, notTaking: byVariant["geen"] ?? []), grounds)
    }
}
