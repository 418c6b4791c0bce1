#!/usr/bin/env python3
# straits --export-graph on the bundled dataset, read back by others' tools:
# the GEXF validated against the GEXF 1.3 schema (tests/data/gexf-1.3, the
# specification's own XSD) with xmllint and read with networkx; the JSON
# Graph Format checked against the v2 schema's rules. Counts, directions,
# places and dates compared with the dataset as Python reads it. Then an
# actor named with markup, and the refusals. Needs xmllint (libxml2-utils)
# and networkx (python3-networkx): scripts/setup --test installs them.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

straits = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
xsd = os.path.join(here, "data", "gexf-1.3", "gexf.xsd")
bundled = os.path.join(os.environ["STRAITS_DATA_DIR"], "datasets", "turkey-european-security.json")
work = tempfile.mkdtemp()
n = 0
failures = 0


def report(ok, what, detail=""):
    global n, failures
    n += 1
    if not ok:
        failures += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, what), flush=True)
    if not ok and detail:
        print("# " + detail.replace("\n", "\n# "), flush=True)


def run(*args):
    return subprocess.run([straits, *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))


def export(path, dataset=None):
    args = ["--export-graph=" + path] + (["--dataset=" + dataset] if dataset else [])
    p = run(*args)
    report(p.returncode == 0 and os.path.getsize(path) > 0, "exported " + os.path.basename(path), p.stderr)


def validate(path):
    p = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
    report(p.returncode == 0, os.path.basename(path) + " validates against the GEXF 1.3 XSD", p.stderr)


def read_networkx(path):
    """The GEXF as networkx reads it. Debian 12's networkx (2.8) knows GEXF
    up to 1.2draft, whose elements are those Straits writes: read it there
    under the 1.2draft namespace."""
    import networkx as nx
    try:
        return nx.read_gexf(path, version="1.3")
    except nx.NetworkXError as e:
        if "Unknown GEXF version" not in str(e):
            raise
    text = open(path, encoding="utf-8").read().replace('xmlns="http://gexf.net/1.3"',
                                                      'xmlns="http://www.gexf.net/1.2draft"')
    older = os.path.join(work, "as-1.2draft.gexf")
    open(older, "w", encoding="utf-8").write(text)
    return nx.read_gexf(older, version="1.2draft")


def span(rel):
    """The relation's first and last days as the map draws it."""
    def first(d):
        return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d

    def last(d):
        import calendar
        if len(d) == 4:
            return d + "-12-31"
        if len(d) == 7:
            y, m = map(int, d.split("-"))
            return "%s-%02d" % (d, calendar.monthrange(y, m)[1])
        return d
    start, end, attested = rel.get("start"), rel.get("end"), rel.get("attested")
    a = start if start not in (None, "unknown") else attested if start == "unknown" else None
    b = end if end not in (None, "unknown") else (attested or a) if end == "unknown" else None
    if end == "unknown" and b is None:
        return None, None
    return (first(a) if a else None), (last(b) if b else None)


data = json.load(open(bundled, encoding="utf-8"))
roles = {t["id"]: bool(t.get("roles")) for t in data["vocabulary"]["relation_types"]}
actors = {a["id"]: a for a in data["actors"]}
relations = {r["id"]: r for r in data["relations"]}


def directed(r):
    return roles[r["type"]] and r.get("direction", "forward") != "mutual"


# GEXF ----------------------------------------------------------------------
gexf = os.path.join(work, "bundled.gexf")
export(gexf)
validate(gexf)

ns = {"g": "http://gexf.net/1.3"}
root = ET.parse(gexf).getroot()
graph = root.find("g:graph", ns)
report(graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
       and graph.get("defaultedgetype") == "directed", "a dynamic, directed graph with dates")
edges = {e.get("id"): e for e in graph.iter("{http://gexf.net/1.3}edge")}
wrong = []
for rid, r in relations.items():
    e = edges.get(rid)
    start, end = span(r)
    expected_type = None if directed(r) else "mutual"
    if e is None or e.get("source") != r["from"] or e.get("target") != r["to"] \
            or e.get("type") != expected_type or e.get("start") != start or e.get("end") != end:
        wrong.append("%s: %s" % (rid, None if e is None else dict(e.attrib)))
report(not wrong and len(edges) == len(relations),
       "every relation is an edge with its ends, direction and dates (%d)" % len(relations), "\n".join(wrong[:5]))

try:
    G = read_networkx(gexf)
except ImportError:
    report(False, "networkx reads the GEXF", "python3-networkx is missing: scripts/setup --test installs it")
else:
    ids = {d["id"] for _, _, d in G.edges(data=True)}
    n_mutual = sum(1 for r in relations.values() if not directed(r))
    report(G.number_of_nodes() == len(actors), "networkx: %d nodes, one per actor" % len(actors),
           "read %d" % G.number_of_nodes())
    report(ids == set(relations) and G.number_of_edges() == len(relations) + n_mutual,
           "networkx: every relation, mutual ones both ways (%d + %d)" % (len(relations), n_mutual),
           "read %d edges, %d ids" % (G.number_of_edges(), len(ids)))
    placed = [a for a in actors.values() if "location" in a]
    report(placed and all(abs(G.nodes[a["id"]]["longitude"] - a["location"][0]) < 1e-9
                          and abs(G.nodes[a["id"]]["latitude"] - a["location"][1]) < 1e-9 for a in placed)
           and all("latitude" not in G.nodes[a] for a in actors if "location" not in actors[a]),
           "networkx: latitude and longitude of the %d actors the dataset places, and only those" % len(placed))
    report(all(G.nodes[a]["label"] == actors[a]["name"] and G.nodes[a]["kind"] == actors[a]["kind"]
               for a in actors), "networkx: every actor's name and kind")
    e = next(d for u, v, d in G.edges(data=True) if d["id"] == "rel-pol-tur-tb2")
    report(e["type"] == "procurement" and e["start"] == "2021-01-01" and abs(e["weight"] - 0.8) < 1e-9,
           "networkx: rel-pol-tur-tb2 is a procurement since 2021-01-01, weight 0.8", repr(e))

# JSON Graph Format ----------------------------------------------------------
jgf = os.path.join(work, "bundled.json")
export(jgf)
doc = json.load(open(jgf, encoding="utf-8"))
g = doc.get("graph", {})
problems = []
# The v2 schema (jsongraphformat.info/v2.0/json-graph-schema.json), by hand.
if set(doc) != {"graph"}:
    problems.append("top level: %s" % list(doc))
if not set(g) <= {"id", "label", "directed", "type", "metadata", "nodes", "edges"}:
    problems.append("graph: %s" % list(g))
for key, node in g.get("nodes", {}).items():
    if not set(node) <= {"label", "metadata"} or not isinstance(node.get("label", ""), str):
        problems.append("node %s: %s" % (key, node))
for edge in g.get("edges", []):
    if not set(edge) <= {"id", "source", "target", "relation", "directed", "label", "metadata"} \
            or not {"source", "target"} <= set(edge) or not isinstance(edge.get("directed", True), bool):
        problems.append("edge: %s" % edge)
report(not problems, "the JSON follows the JSON Graph Format v2 schema", "\n".join(problems[:5]))
report(g.get("directed") is True and set(g["nodes"]) == set(actors) and len(g["edges"]) == len(relations),
       "JSON: a directed graph, one node per actor, one edge per relation")
report(all(e["directed"] == directed(relations[e["id"]]) and e["source"] == relations[e["id"]]["from"]
           and e["relation"] == relations[e["id"]]["type"] for e in g["edges"]),
       "JSON: every edge's ends, type and direction")
report(all(g["nodes"][a["id"]]["metadata"].get("latitude") == a["location"][1] for a in actors.values()
           if "location" in a), "JSON: the places of actors the dataset places")

# Markup in names stays text -------------------------------------------------
odd = dict(data)
odd["actors"] = data["actors"] + [{"id": "odd", "kind": "other", "name": "A <b>bold</b> & \"quoted\" 'name'"}]
odd_path = os.path.join(work, "odd.json")
json.dump(odd, open(odd_path, "w", encoding="utf-8"), ensure_ascii=False)
odd_gexf = os.path.join(work, "odd.gexf")
export(odd_gexf, odd_path)
validate(odd_gexf)
node = next(x for x in ET.parse(odd_gexf).getroot().iter("{http://gexf.net/1.3}node") if x.get("id") == "odd")
report(node.get("label") == odd["actors"][-1]["name"], "a name with markup reads back as written", node.get("label"))

# Refusals: a message naming the file, exit 1, no file, the old one kept ------
p = run("--export-graph=" + os.path.join(work, "graph.graphml"))
report(p.returncode == 1 and "graph.graphml" in p.stderr and ".gexf" in p.stderr
       and not os.path.exists(os.path.join(work, "graph.graphml")), "an unknown extension is refused", p.stderr)
p = run("--export-graph=" + os.path.join(work, "no-such-folder", "g.gexf"))
report(p.returncode == 1 and "no-such-folder" in p.stderr, "an unwritable place is refused", p.stderr)
before = open(gexf, "rb").read()
p = run("--export-graph=" + gexf, "--dataset=" + os.path.join(work, "missing.json"))
report(p.returncode == 1 and "missing.json" in p.stderr and open(gexf, "rb").read() == before,
       "a missing dataset is refused and the old export kept", p.stderr)
report(not [f for f in os.listdir(work) if re.match(r"\..*\.gexf\.", f)], "no temporary file left behind")

shutil.rmtree(work)
print("1..%d" % n)
sys.exit(1 if failures else 0)
