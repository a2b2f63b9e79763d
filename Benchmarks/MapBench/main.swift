// MapBench: times RegioMap's layered layout on seeded random DAGs and, with --dot, compares it with
// Graphviz dot on the same graphs.
//
//   swift run -c release MapBench [--sizes 50,300,1000] [--seed 42] [--dot] [--runs 5] [--seeds 1] [--stats]
//                                 [--clusters 0] [--graph FILE.json]
//
// For each size it generates a seeded random DAG (seed + size), lays it out `runs` times after one
// warm-up and reports the median time of `LayeredLayout.layout` (SVG writing excluded) and the
// crossings of the drawing. --seeds K uses K graphs per size (seed + size + k·7919) and adds a total
// row; --stats prints total edge span and drawing size; --clusters K puts node i in cluster i mod K
// (cluster columns; dot gets the same clusters as `subgraph cluster_*`). --graph lays out one graph
// from a JSON file instead (`{"themas": [cluster order], "nodes": [{"id", "titel", "thema",
// "afhankelijk_van": [...], "coalities": [...]}]}`, as `real-map-graph.py` writes it from the site's
// open data), with its themas as clusters in that order. Overlaps counts pairs of boxes that overlap,
// on both sides. Without dot on PATH the dot columns are left out.
//
// Crossings of both drawings are counted by the same function, `CrossingCounter.count`: each edge's
// drawn path (ours: M/L/C segments; dot: the B-spline control points of `-Tplain`, which are
// consecutive cubic Béziers) is flattened into a polyline, Béziers into 8 pieces each, and every
// proper intersection between pieces of two different edges counts once. Intersections of two edges
// that share a node, within half a rank gap of that node, are ignored on both sides (edges meet
// there by construction). Dot is timed by wall clock around the whole `dot -Tplain` process (median of
// up to three runs), so its times include process start-up (a few milliseconds).

import Foundation
import RegioMap

// MARK: - Arguments

var sizes = [50, 300, 1000]
var seed: UInt64 = 42
var compareDot = false
var runs = 5
var seedCount = 1
var stats = false
var clusterCount = 0
var graphFile: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--sizes":
        sizes = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    case "--seed":
        seed = UInt64(arguments.next() ?? "") ?? seed
    case "--runs":
        runs = max(1, Int(arguments.next() ?? "") ?? runs)
    case "--seeds":
        seedCount = max(1, Int(arguments.next() ?? "") ?? 1)
    case "--stats":
        stats = true
    case "--clusters":
        clusterCount = max(0, Int(arguments.next() ?? "") ?? 0)
    case "--dot":
        compareDot = true
    case "--graph":
        graphFile = arguments.next()
    default:
        FileHandle.standardError.write(Data("usage: MapBench [--sizes 50,300,1000] [--seed 42] [--dot] [--runs 5] [--seeds 1] [--stats] [--clusters 0] [--graph FILE.json]\n".utf8))
        exit(2)
    }
}

// MARK: - Random graphs

func randomDAG(nodes n: Int, seed: UInt64, clusters: Int) -> MapGraph {
    RandomGraphs.layeredDAG(nodes: n, seed: seed, clusters: clusters)
}

/// A graph file in the shape of `regioportaal map`'s input, as JSON, with the cluster order.
struct GraphJSON: Decodable {
    struct Node: Decodable {
        var id: String
        var titel: String
        var thema: String?
        var afhankelijk_van: [String]?
        var coalities: [String]?
    }
    var themas: [String]?
    var nodes: [Node]

    var graph: MapGraph {
        MapGraph(nodes: nodes.map { MapNode(id: $0.id, label: $0.titel, cluster: $0.thema, annotations: $0.coalities ?? []) },
                 edges: nodes.flatMap { n in (n.afhankelijk_van ?? []).map { MapEdge(from: $0, to: n.id) } })
    }
}

/// Pairs of boxes that overlap (touching borders do not count).
func overlaps(_ rects: [Rect]) -> Int {
    var count = 0
    for i in rects.indices {
        for j in rects.indices where j > i {
            let a = rects[i], b = rects[j]
            if a.x < b.maxX - 0.5 && b.x < a.maxX - 0.5 && a.y < b.maxY - 0.5 && b.y < a.maxY - 0.5 { count += 1 }
        }
    }
    return count
}

// MARK: - Timing

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

// MARK: - Graphviz

func findDot() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = "\(dir)/dot"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// The graph for dot; nodes with a cluster go into `subgraph cluster_*` in the order the clusters
/// first appear (ours keeps clusters as columns, so dot gets the same grouping). Labels carry the
/// annotation lines too, so boxes have about the same size on both sides.
func dotSource(_ g: MapGraph) -> String {
    func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    var s = "digraph G {\n  node [shape=box, fontsize=14];\n  edge [arrowhead=none];\n"
    var clusters: [String] = []
    var members: [String: [MapNode]] = [:]
    for node in g.nodes {
        guard let c = node.cluster else {
            s += "  \(quoted(node.id)) [label=\(quoted(([node.label] + node.annotations).joined(separator: "\n")))];\n"
            continue
        }
        if members[c] == nil { clusters.append(c) }
        members[c, default: []].append(node)
    }
    for (i, c) in clusters.enumerated() {
        s += "  subgraph cluster_\(i) {\n    label=\(quoted(c));\n"
        for node in members[c]! { s += "    \(quoted(node.id)) [label=\(quoted(([node.label] + node.annotations).joined(separator: "\n")))];\n" }
        s += "  }\n"
    }
    for e in g.edges { s += "  \(quoted(e.from)) -> \(quoted(e.to));\n" }
    return s + "}\n"
}

struct DotResult {
    var milliseconds: Double
    var crossings: Int
    var overlaps: Int
}

/// Runs `dot -Tplain`, returns its wall time and the crossings of its drawing.
func runDot(_ dot: String, graph: MapGraph, file: String, runs: Int) throws -> DotResult {
    try dotSource(graph).write(toFile: file, atomically: true, encoding: .utf8)
    var times: [Double] = []
    var output = ""
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tplain", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        times.append(milliseconds(clock.now - start))
        output = String(decoding: data, as: UTF8.self)
    }
    // -Tplain: "node name x y w h ..." (centre, inches; names quoted when they need it) and
    // "edge tail head n x1 y1 ... xn yn ...".
    var rects: [String: Rect] = [:]
    var paths: [[PathSegment]] = []
    var ends: [(String, String)] = []
    for line in output.split(separator: "\n") {
        let f = line.split(separator: " ").map(String.init)
        if f.first == "node", f.count >= 6, let x = Double(f[2]), let y = Double(f[3]), let w = Double(f[4]), let h = Double(f[5]) {
            rects[f[1]] = Rect(x: (x - w / 2) * 72, y: -(y + h / 2) * 72, width: w * 72, height: h * 72)
        } else if f.first == "edge", f.count >= 4, let count = Int(f[3]), f.count >= 4 + 2 * count {
            let points = (0..<count).map { Point(x: Double(f[4 + 2 * $0])! * 72, y: -Double(f[5 + 2 * $0])! * 72) }
            var path: [PathSegment] = [.moveTo(points[0])]
            var i = 1
            while i + 2 < points.count {
                path.append(.cubicTo(points[i], points[i + 1], points[i + 2]))
                i += 3
            }
            paths.append(path)
            ends.append((f[1], f[2]))
        }
    }
    let rankGap = 0.5 * 72  // dot's default ranksep
    let crossings = CrossingCounter.count(paths: paths, endpoints: ends, nodeRects: rects, nearNode: rankGap / 2)
    return DotResult(milliseconds: median(times), crossings: crossings, overlaps: overlaps(Array(rects.values)))
}

// MARK: - Main

let dotPath = compareDot ? findDot() : nil
if compareDot && dotPath == nil {
    print("dot not found on PATH (apt-get install -y graphviz); showing our side only")
}

func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
func fmt(_ v: Double, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", v) }

var header = [pad("size", 6), pad("edges", 6), pad("layers", 6), pad("ours ms", 9)]
if dotPath != nil { header += [pad("dot ms", 9), pad("time ratio", 10)] }
header += [pad("our cross", 9), pad("our overlaps", 12)]
if dotPath != nil { header += [pad("dot cross", 9), pad("cross ratio", 11), pad("dot overlaps", 12)] }
print(header.joined(separator: " | "))

/// The graphs to run: the file's, or the seeded random graphs of each size.
var jobs: [(name: String, graphs: [MapGraph], clusterOrder: [String]?)] = []
if let graphFile {
    do {
        let decoded = try JSONDecoder().decode(GraphJSON.self, from: Data(contentsOf: URL(fileURLWithPath: graphFile)))
        jobs = [("file", [decoded.graph], decoded.themas)]
    } catch {
        FileHandle.standardError.write(Data("MapBench: cannot read \(graphFile): \(error)\n".utf8))
        exit(2)
    }
} else {
    jobs = sizes.map { n in
        ("\(n)", (0..<seedCount).map { k in randomDAG(nodes: n, seed: seed &+ UInt64(n) &+ UInt64(k) &* 7919, clusters: clusterCount) }, nil)
    }
}

for job in jobs {
    var sum = (ours: 0.0, dot: 0.0, ourCross: 0, dotCross: 0)
    var options = LayoutOptions()
    options.clusterOrder = job.clusterOrder
    for graph in job.graphs {
        var times: [Double] = []
        var layout = LayeredLayout.layout(graph, options: options)
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            layout = LayeredLayout.layout(graph, options: options)
            times.append(milliseconds(clock.now - start))
        }
        let ours = median(times)
        let crossings = layout.crossingCount()
        sum.ours += ours
        sum.ourCross += crossings
        var row = [pad(job.name == "file" ? "\(graph.nodes.count)" : job.name, 6), pad("\(graph.edges.count)", 6), pad("\(layout.layerCount)", 6), pad(fmt(ours), 9)]
        var dotCells: [String] = []
        if let dot = dotPath {
            do {
                let result = try runDot(dot, graph: graph, file: NSTemporaryDirectory() + "mapbench-\(job.name).dot", runs: min(runs, 3))
                sum.dot += result.milliseconds
                sum.dotCross += result.crossings
                row += [pad(fmt(result.milliseconds), 9), pad(fmt(ours / result.milliseconds, 3), 10)]
                dotCells = [pad("\(result.crossings)", 9), pad(ratio(crossings, result.crossings), 11), pad("\(result.overlaps)", 12)]
            } catch {
                row += [pad("error", 9), pad("-", 10)]
                dotCells = [pad("-", 9), pad("-", 11), pad("-", 12)]
            }
        }
        row += [pad("\(crossings)", 9), pad("\(overlaps(layout.nodes.values.map(\.rect)))", 12)]
        row += dotCells
        print(row.joined(separator: " | "))
        if stats {
            let span = graph.edges.reduce(0) { $0 + abs(layout.nodes[$1.to]!.layer - layout.nodes[$1.from]!.layer) }
            print("        span \(span), width \(Int(layout.width)), height \(Int(layout.height))")
        }
    }
    if job.graphs.count > 1 {
        var row = [pad("total", 6), pad("", 6), pad("", 6), pad(fmt(sum.ours), 9)]
        if dotPath != nil { row += [pad(fmt(sum.dot), 9), pad(fmt(sum.ours / sum.dot, 3), 10)] }
        row += [pad("\(sum.ourCross)", 9), pad("", 12)]
        if dotPath != nil { row += [pad("\(sum.dotCross)", 9), pad(ratio(sum.ourCross, sum.dotCross), 11), pad("", 12)] }
        print(row.joined(separator: " | "))
    }
}

func ratio(_ a: Int, _ b: Int) -> String {
    b == 0 ? (a == 0 ? "1.000" : "inf") : fmt(Double(a) / Double(b), 3)
}
