#!/usr/bin/env python3
"""Writes the present groeiperspectief graph as MapBench input (JSON), from a built site's open data.

    python3 Benchmarks/real-map-graph.py _site 2026-11-22 > /tmp/real-map.json
    swift run -c release MapBench --graph /tmp/real-map.json --dot

Opgaven in force on the day are the nodes (first thema as cluster, thema order as on the site),
`afhankelijk_van` the edges, the titles of active coalities the annotation lines. The site adds the
step and status to those lines, so its boxes can be a line taller; the graph is the same.
"""
import json
import os
import sys

site, day = sys.argv[1], sys.argv[2]
data = lambda name: json.load(open(os.path.join(site, "data", name), encoding="utf-8"))
opgaven, themas, coalities = data("opgaven.json"), data("themas.json"), data("coalities.json")


def in_force(start, end):
    return (start is None or start <= day) and (end is None or end > day)


present = [o for o in opgaven if in_force(o["vanaf"], o["tot"])]
ids = {o["id"] for o in present}
lines = {}
for c in coalities:
    if in_force(c.get("start"), c.get("eind")):
        for o in c["opgaven"]:
            lines.setdefault(o, []).append(c["titel"])
nodes = [{"id": o["id"], "titel": o["titel"], "thema": (o["themas"] or [None])[0],
          "afhankelijk_van": [d for d in o["afhankelijk_van"] if d in ids],
          "coalities": sorted(lines.get(o["id"], []))} for o in present]
order = [t["id"] for t in sorted(themas, key=lambda t: (t["volgorde"] if t["volgorde"] is not None else 1e9, t["titel"]))]
json.dump({"themas": order, "nodes": nodes}, sys.stdout, ensure_ascii=False, indent=1)
