import Foundation
import RegioContent
import RegioMap

/// A stand-alone graph file for `regioportaal map`, in the shape of the opgaven data:
///
/// ```yaml
/// nodes:
///   - id: status-inwoners
///     titel: Sociaal-economische status van inwoners
///     thema: economie            # optional cluster
///     afhankelijk_van: [werk, woningen]
///     coalities: [Regio Deal]    # optional annotations
/// ```
public enum GraphFile {
    static let nodeSpec = ObjectSpec([
        FieldSpec("id", .text, required: true, "Unieke id van de knoop."),
        FieldSpec("titel", .text, required: true, "Label van de knoop."),
        FieldSpec("thema", .text, "Cluster (thema) van de knoop."),
        FieldSpec("afhankelijk_van", .list(.text, minItems: 0), "Ids waarvan deze knoop afhangt."),
        FieldSpec("coalities", .list(.text, minItems: 0), "Tekstregels die bij de knoop worden getoond."),
    ])

    static let spec = ObjectSpec([
        FieldSpec("nodes", .list(.object(nodeSpec), minItems: 1), required: true, "De knopen van de graaf."),
    ])

    public static func read(_ url: URL, displayBase: URL, diagnostics: inout Diagnostics) -> MapGraph? {
        let loader = ContentLoader(root: url.deletingLastPathComponent(), displayBase: displayBase)
        guard let file = loader.read(url, diagnostics: &diagnostics),
              let yaml = YAMLReader(file: file, lineOffset: 0).read(file.text, diagnostics: &diagnostics),
              let record = RecordDecoder(file: file).decode(yaml, as: spec, diagnostics: &diagnostics) else { return nil }
        var nodes: [MapNode] = []
        var edges: [MapEdge] = []
        var seen: [String: SourceLocation] = [:]
        var pending: [(Located<FieldValue>, String)] = []
        for node in record.records("nodes") {
            guard let id = node.text("id"), let titel = node.text("titel") else { continue }
            if seen[id] != nil {
                diagnostics.error(.duplicateNodeID, id, at: node["id"]?.location)
                continue
            }
            seen[id] = node.location
            let texts = { (key: String) in node.list(key).compactMap { item -> String? in
                if case .text(let t) = item.value { return t }
                return nil
            } }
            nodes.append(MapNode(id: id, label: titel, cluster: node.text("thema"), annotations: texts("coalities")))
            for item in node.list("afhankelijk_van") {
                guard case .text(let target) = item.value else { continue }
                pending.append((item, id))
                edges.append(MapEdge(from: target, to: id))
            }
        }
        for (item, _) in pending {
            guard case .text(let target) = item.value, seen[target] == nil else { continue }
            diagnostics.error(.unknownNode, target, at: item.location, hint: Suggest.didYouMean(target, in: seen.keys))
        }
        return diagnostics.hasErrors ? nil : MapGraph(nodes: nodes, edges: edges)
    }
}
