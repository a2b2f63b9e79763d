import RegioMap

/// Graphs shared by the tests.
enum Fixtures {
    static func graph(_ edges: [(String, String)], nodes extra: [String] = []) -> MapGraph {
        var ids: [String] = []
        for (a, b) in edges {
            if !ids.contains(a) { ids.append(a) }
            if !ids.contains(b) { ids.append(b) }
        }
        for id in extra where !ids.contains(id) { ids.append(id) }
        return MapGraph(nodes: ids.map { MapNode(id: $0, label: "Opgave \($0.uppercased())") },
                        edges: edges.map { MapEdge(from: $0.0, to: $0.1) })
    }

    static let chain = graph([("a", "b"), ("b", "c"), ("c", "d")])

    static let diamond = graph([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])

    /// a → b → c → a is a cycle; d hangs below, e → b enters it.
    static let cycle = graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "b")])

    /// Edges spanning two to four layers next to a chain.
    static let longEdges = graph([
        ("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"),
        ("a", "e"), ("a", "d"), ("b", "e"), ("f", "c"), ("f", "e"),
    ])

    /// A realistic groeiperspectief: opgaven in five themes, coalitions as annotations. Edges run from
    /// a prerequisite to the opgave that depends on it.
    static let opgaven: MapGraph = {
        let nodes = [
            MapNode(id: "woningbouw", label: "Versnellen woningbouw", cluster: "wonen", annotations: ["Woondeal Drechtsteden"]),
            MapNode(id: "betaalbaar", label: "Betaalbare huur- en koopwoningen voor starters", cluster: "wonen"),
            MapNode(id: "herstructurering", label: "Herstructurering naoorlogse wijken", cluster: "wonen",
                    annotations: ["Wijkaanpak Dordrecht-West", "Nationaal Programma Leefbaarheid en Veiligheid"]),
            MapNode(id: "arbeidsmarkt", label: "Krapte op de arbeidsmarkt aanpakken", cluster: "economie",
                    annotations: ["Leerwerkakkoord"]),
            MapNode(id: "werklocaties", label: "Ruimte voor werklocaties & bedrijventerreinen", cluster: "economie"),
            MapNode(id: "maritiem", label: "Maritieme maakindustrie versterken", cluster: "economie",
                    annotations: ["Maritiem Cluster Drechtsteden"]),
            MapNode(id: "warmtenet", label: "Regionaal warmtenet", cluster: "energie", annotations: ["Warmtebedrijf Drechtsteden"]),
            MapNode(id: "netcongestie", label: "Netcongestie oplossen", cluster: "energie"),
            MapNode(id: "isolatie", label: "Isolatie van 20.000 woningen", cluster: "energie"),
            MapNode(id: "ov", label: "Hoogwaardig openbaar vervoer (HOV)", cluster: "mobiliteit"),
            MapNode(id: "a16", label: "Doorstroming A16 en Merwedebrug", cluster: "mobiliteit",
                    annotations: ["Programma A16 \"Zuid\" & 'Noord' <2030>"]),
            MapNode(id: "schulden", label: "Schuldhulpverlening & bestaanszekerheid", cluster: "sociaal"),
            MapNode(id: "zorg", label: "Zorg dichtbij in de wijk", cluster: "sociaal", annotations: ["Gezond Drechtsteden"]),
        ]
        let edges: [(String, String)] = [
            ("netcongestie", "warmtenet"), ("netcongestie", "werklocaties"), ("netcongestie", "woningbouw"),
            ("woningbouw", "betaalbaar"), ("werklocaties", "maritiem"), ("arbeidsmarkt", "maritiem"),
            ("arbeidsmarkt", "zorg"), ("a16", "werklocaties"), ("a16", "woningbouw"), ("ov", "woningbouw"),
            ("warmtenet", "herstructurering"), ("isolatie", "herstructurering"), ("herstructurering", "zorg"),
            ("schulden", "zorg"), ("betaalbaar", "schulden"), ("arbeidsmarkt", "woningbouw"),
        ]
        return MapGraph(
            nodes: nodes, edges: edges.map { MapEdge(from: $0.0, to: $0.1) },
            clusterTitles: [
                "wonen": "Wonen", "economie": "Economie & Arbeidsmarkt", "energie": "Energietransitie",
                "mobiliteit": "Mobiliteit en Bereikbaarheid", "sociaal": "Sociaal Domein",
            ])
    }()

    static func randomDAG(nodes n: Int, seed: UInt64, clusters: Int = 0) -> MapGraph {
        RandomGraphs.layeredDAG(nodes: n, seed: seed, clusters: clusters)
    }
}
