#!/usr/bin/python3
# make-land-clip.py: regional clip of OpenStreetMap-derived land at 100 m
# resolution, for measuring (territorial-sea belts, coastline lengths).
#
# Reads package/map.geo.json straight out of the npm tarball of
# @geo-maps/countries-land-100m@0.6.0 (project simonepri/geo-maps, built
# from OpenStreetMap; data (c) OpenStreetMap contributors, ODbL 1.0), keeps
# the countries around the Aegean, the Eastern Mediterranean and the Black
# Sea, clips them to two boxes and writes an SBM1 file (the basemap format
# of src/geo/straits-basemap.c) plus a README.md to the output folder.
#
# Obtaining the input:  npm pack @geo-maps/countries-land-100m@0.6.0
#   (or https://registry.npmjs.org/@geo-maps/countries-land-100m/-/countries-land-100m-0.6.0.tgz)
#
# Usage:
#   /usr/bin/python3 tools/make-land-clip.py \
#       --input ../shared/geodata/geo-maps-countries-land-100m-0.6.0.tgz \
#       --out data/maritime
#   /usr/bin/python3 tools/make-land-clip.py --verify data/maritime/land-100m.sbm
#
# Needs Debian's python3-shapely (1.8 or 2.x, GEOS >= 3.8 for make_valid);
# python3-pyproj is optional (only for the area sanity check in the README).
#
# Nothing is simplified and no polygon is dropped for being small.  The
# source polygons are not all valid (self-touching and self-crossing rings,
# holes outside their shell), so each country is first cut to a generous
# rectangle with GEOS's rectangle clipping (which does not need valid input),
# repaired with make_valid(), and then intersected exactly with the clip
# region.  The output is deterministic for a given input and GEOS version.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import hashlib
import json
import math
import os
import struct
import sys
import tarfile

MEMBER = "package/map.geo.json"

# A3 -> English name (Natural Earth NAME, as in data/basemap)
COUNTRIES = [
    ("GRC", "Greece"),
    ("TUR", "Turkey"),
    ("CYP", "Cyprus"),
    ("BGR", "Bulgaria"),
    ("ROU", "Romania"),
    ("UKR", "Ukraine"),
    ("RUS", "Russia"),
    ("GEO", "Georgia"),
]
# Northern Cyprus has no ISO code; these are the codes it might carry.
NORTH_CYPRUS_CODES = ("CYN", "NCY", "XNC", "-99")

# (name, lon_min, lat_min, lon_max, lat_max)
BOXES = [
    ("Aegean / Eastern Mediterranean", 19.0, 33.0, 36.5, 42.2),
    ("Black Sea / Sea of Azov", 26.5, 40.0, 42.5, 47.9),
]
PRECLIP_MARGIN = 1.0  # degrees around the union's bounding box

ARC_COAST = 2
RING_EXTERIOR = 1
HEADER = struct.Struct("<4s7I")
FEATURE = struct.Struct("<BBHIIIIffI")
SCALE = 1e6


def align4(n):
    return (n + 3) & ~3


# --------------------------------------------------------------- building

def polygonal_parts(geom):
    """The polygons of any geometry (GeometryCollections included)."""
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(polygonal_parts(g))
        return out
    return []


def round_ring(coords):
    """Rounds a ring to integer 1e-6 degrees, drops repeated points and
    closes it. Returns None when fewer than 4 points or no area remain."""
    pts = []
    for c in coords:
        p = (round(c[0] * SCALE), round(c[1] * SCALE))
        if not pts or p != pts[-1]:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) < 3:
        return None
    area2 = 0
    for i in range(len(pts)):
        x0, y0 = pts[i - 1]
        x1, y1 = pts[i]
        area2 += x0 * y1 - x1 * y0
    if area2 == 0:
        return None
    pts.append(pts[0])
    return pts


def signed_area2(pts):
    a = 0
    for i in range(len(pts) - 1):
        a += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1]
    return a


def orient(pts, ccw):
    """Exterior rings counter-clockwise, holes clockwise (lon east, lat
    north)."""
    if (signed_area2(pts) > 0) != ccw:
        pts = pts[::-1]
    return pts


def clip_country(geojson_geom, clip, preclip):
    from shapely.geometry import Polygon, MultiPolygon
    from shapely.ops import clip_by_rect
    from shapely.validation import make_valid

    if geojson_geom["type"] == "Polygon":
        polys = [geojson_geom["coordinates"]]
    elif geojson_geom["type"] == "MultiPolygon":
        polys = geojson_geom["coordinates"]
    else:
        raise SystemExit("unexpected geometry type " + geojson_geom["type"])
    x0, y0, x1, y1 = preclip
    parts = []
    for rings in polys:
        ext = rings[0]
        xs = [c[0] for c in ext]
        ys = [c[1] for c in ext]
        if max(xs) < x0 or min(xs) > x1 or max(ys) < y0 or min(ys) > y1:
            continue
        p = Polygon(ext, rings[1:])
        if not (min(xs) >= x0 and max(xs) <= x1 and min(ys) >= y0 and max(ys) <= y1):
            # Rectangle clipping works on invalid input too; the margin
            # keeps its closing edges well outside the real clip region.
            p = clip_by_rect(p, x0, y0, x1, y1)
        parts.extend(polygonal_parts(p))
    if not parts:
        return []
    fixed = make_valid(MultiPolygon(parts))
    fixed = MultiPolygon(polygonal_parts(fixed))
    return polygonal_parts(fixed.intersection(clip))


def build(args):
    from shapely.geometry import Polygon, box
    from shapely.ops import unary_union

    # The boxes overlap, so their union is one polygon (a MultiPolygon of
    # the two would be invalid).
    clip = unary_union([box(b[1], b[2], b[3], b[4]) for b in BOXES])
    ux0 = min(b[1] for b in BOXES) - PRECLIP_MARGIN
    uy0 = min(b[2] for b in BOXES) - PRECLIP_MARGIN
    ux1 = max(b[3] for b in BOXES) + PRECLIP_MARGIN
    uy1 = max(b[4] for b in BOXES) + PRECLIP_MARGIN

    with open(args.input, "rb") as f:
        input_sha = hashlib.sha256(f.read()).hexdigest()
    with tarfile.open(args.input, "r:gz") as tar:
        pkg = json.load(tar.extractfile("package/package.json"))
        data = json.load(tar.extractfile(MEMBER))

    by_code = {}
    for feat in data["features"]:
        code = feat["properties"].get("A3")
        by_code.setdefault(code, []).append(feat)
    wanted = [c for c, _ in COUNTRIES]
    for c in wanted:
        if c not in by_code:
            raise SystemExit("country %s missing from the input" % c)
        if len(by_code[c]) != 1:
            raise SystemExit("country %s appears %d times" % (c, len(by_code[c])))
    countries = list(COUNTRIES)
    ncy = [c for c in NORTH_CYPRUS_CODES if c in by_code]
    for c in ncy:
        countries.append((c, "N. Cyprus"))
    north_cyprus_note = (
        "present as its own feature (%s)" % ", ".join(ncy) if ncy else
        "not a feature of its own: the whole island's land is in CYP")

    out_features = []
    for code, name in countries:
        polys = clip_country(by_code[code][0]["geometry"], clip,
                             (ux0, uy0, ux1, uy1))
        rings_out = []   # (points, is_exterior)
        kept = []        # rounded shapely polygons, for labels and stats
        for p in polys:
            ext = round_ring(p.exterior.coords)
            if ext is None:
                continue
            ext = orient(ext, True)
            holes = []
            for h in p.interiors:
                r = round_ring(h.coords)
                if r is not None:
                    holes.append(orient(r, False))
            kept.append((ext, holes))
        # Deterministic order: largest first, ties by lower-left corner.
        def key(item):
            ext, holes = item
            a = abs(signed_area2(ext)) - sum(abs(signed_area2(h)) for h in holes)
            return (-a, min(ext), len(ext))
        kept.sort(key=key)
        shp = []
        for ext, holes in kept:
            rings_out.append((ext, True))
            for h in holes:
                rings_out.append((h, False))
            shp.append(Polygon([(x / SCALE, y / SCALE) for x, y in ext],
                               [[(x / SCALE, y / SCALE) for x, y in h] for h in holes]))
        if shp:
            rp = shp[0].representative_point()
            label = (rp.x, rp.y)
        else:
            label = (0.0, 0.0)
        out_features.append({
            "code": code, "name": name, "rings": rings_out,
            "polygons": shp, "label": label,
        })

    blob = encode(out_features)
    os.makedirs(args.out, exist_ok=True)
    sbm_path = os.path.join(args.out, "land-100m.sbm")
    with open(sbm_path, "wb") as f:
        f.write(blob)
    sha = hashlib.sha256(blob).hexdigest()

    stats = statistics(out_features)
    readme = make_readme(pkg, input_sha, os.path.basename(args.input),
                         out_features, stats, sha, len(blob), north_cyprus_note)
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme)

    print("wrote %s: %d bytes, sha256 %s" % (sbm_path, len(blob), sha))
    print("northern Cyprus:", north_cyprus_note)
    for ft, st in zip(out_features, stats["per"]):
        print("  %-4s %-10s polygons %6d  holes %5d  points %9d  bytes %10d"
              % (ft["code"], ft["name"], st["polygons"], st["holes"],
                 st["points"], st["bytes"]))
    for line in stats["extra"]:
        print("  " + line)


def encode(features):
    points = []
    arc_starts = [0]
    ring_flags = []
    feats = []
    strings = bytearray(b"\0")

    def add_string(s):
        off = len(strings)
        strings.extend(s.encode("utf-8") + b"\0")
        return off

    for ft in features:
        first = len(ring_flags)
        for pts, is_ext in ft["rings"]:
            assert len(pts) >= 4 and pts[0] == pts[-1]
            points.extend(pts)
            arc_starts.append(len(points))
            ring_flags.append(RING_EXTERIOR if is_ext else 0)
        name_off = add_string(ft["name"])
        code_off = add_string(ft["code"])
        feats.append((0, 0, 0, name_off, code_off, first,
                      len(ring_flags) - first, ft["label"][0], ft["label"][1], 0))

    n_points = len(points)
    n_arcs = len(ring_flags)
    n_rings = n_arcs
    n_refs = n_arcs
    out = bytearray()

    def pad():
        out.extend(b"\0" * (align4(len(out)) - len(out)))

    out += HEADER.pack(b"SBM1", 1, n_points, n_arcs, n_refs, n_rings,
                       len(feats), len(strings))
    out += struct.pack("<%di" % (2 * n_points), *[v for p in points for v in p])
    out += struct.pack("<%df" % n_points, *([math.inf] * n_points))
    out += struct.pack("<%dI" % (n_arcs + 1), *arc_starts)
    out += bytes([ARC_COAST] * n_arcs)
    pad()
    out += struct.pack("<%di" % n_refs, *range(n_refs))
    out += struct.pack("<%dI" % (n_rings + 1), *range(n_rings + 1))
    out += bytes(ring_flags)
    pad()
    for f in feats:
        out += FEATURE.pack(*f)
    out += strings
    pad()
    return bytes(out)


# -------------------------------------------------------------- statistics

def statistics(features):
    per = []
    extra = []
    aegean = BOXES[0]
    for ft in features:
        n_poly = sum(1 for _, e in ft["rings"] if e)
        n_holes = sum(1 for _, e in ft["rings"] if not e)
        n_pts = sum(len(p) for p, _ in ft["rings"])
        n_in_aegean = 0
        for p in ft["polygons"]:
            rp = p.representative_point()
            if aegean[1] <= rp.x <= aegean[3] and aegean[2] <= rp.y <= aegean[4]:
                n_in_aegean += 1
        n_invalid = sum(1 for p in ft["polygons"] if not p.is_valid)
        per.append({
            "polygons": n_poly, "holes": n_holes, "points": n_pts,
            "aegean": n_in_aegean, "invalid": n_invalid,
            # 12 bytes a point (8 coordinates + 4 importance) plus ring overhead
            "bytes": n_pts * 12 + len(ft["rings"]) * 14,
        })
    overlaps = []
    try:
        import pyproj
        from shapely.geometry import MultiPolygon
        from shapely.ops import transform
        laea = pyproj.Transformer.from_crs(
            "EPSG:4326", "+proj=laea +lat_0=40 +lon_0=30 +ellps=WGS84 +units=m",
            always_xy=True)
        for ft, st in zip(features, per):
            a = sum(transform(laea.transform, p).area for p in ft["polygons"])
            st["area_km2"] = a / 1e6
        # Land claimed by two countries at once
        multi = [MultiPolygon(ft["polygons"]) for ft in features]
        for i in range(len(features)):
            for j in range(i + 1, len(features)):
                if not multi[i].intersects(multi[j]):
                    continue
                inter = polygonal_parts(multi[i].intersection(multi[j]))
                km2 = sum(transform(laea.transform, p).area for p in inter) / 1e6
                if km2 >= 1:
                    # the bounding box of the largest overlapping piece
                    b = max(inter, key=lambda p: p.area).bounds
                    overlaps.append((features[i]["code"], features[j]["code"], km2, b))
    except ImportError:
        extra.append("pyproj not available: no areas")
    for a, b, km2, bb in overlaps:
        extra.append("overlap %s/%s: %.0f km2, largest piece in lon %.2f..%.2f lat %.2f..%.2f"
                     % (a, b, km2, bb[0], bb[2], bb[1], bb[3]))
    for ft, st in zip(features, per):
        if st["invalid"]:
            extra.append("%s: %d polygons invalid after rounding" % (ft["code"], st["invalid"]))
    return {"per": per, "extra": extra, "overlaps": overlaps}


def make_readme(pkg, input_sha, input_name, features, stats, sha, size, ncy_note):
    boxes = "\n".join(
        "- %s: lon %.1f..%.1f, lat %.1f..%.1f" % (b[0], b[1], b[3], b[2], b[4])
        for b in BOXES)
    have_area = "area_km2" in stats["per"][0]
    overlap_text = ""
    if stats["overlaps"]:
        overlap_text = "\nLand in two features at once (total km², bounding box of the largest piece):\n\n" + "\n".join(
            "- %s and %s: %s km², lon %.2f..%.2f, lat %.2f..%.2f"
            % (a, b, format(round(km2), ","), bb[0], bb[2], bb[1], bb[3])
            for a, b, km2, bb in stats["overlaps"]) + "\n"
    rows = []
    tot = {"polygons": 0, "holes": 0, "points": 0}
    for ft, st in zip(features, stats["per"]):
        for k in tot:
            tot[k] += st[k]
        rows.append("| %s | %s | %d | %d | %d | %d |%s" % (
            ft["code"], ft["name"], st["polygons"], st["aegean"], st["holes"],
            st["points"], (" %s |" % format(round(st["area_km2"]), ",")) if have_area else ""))
    head = "| code | name | polygons | of them in the Aegean box | holes | points |%s\n" % (
        " area in the clip, km² |" if have_area else "")
    head += "| --- | --- | ---: | ---: | ---: | ---: |%s\n" % (" ---: |" if have_area else "")
    return f"""# Maritime measuring data

`land-100m.sbm` is OpenStreetMap-derived land of the countries around the
Aegean, the Eastern Mediterranean and the Black Sea at 100 m resolution,
clipped to the region. It is for measuring (territorial-sea belts, coastline
lengths) with GEOS, not for drawing the overview maps (those use
`data/basemap/`).

## Source and licence

- npm package `{pkg['name']}@{pkg['version']}` (project simonepri/geo-maps,
  <https://github.com/simonepri/geo-maps>), member `{MEMBER}`: one
  MultiPolygon of land per country, property `A3` (ISO 3166-1 alpha-3),
  coordinates rounded to 0.0001° by the package.
- Input file read: `{input_name}`, SHA-256 `{input_sha}`.
  Obtain it with `npm pack {pkg['name']}@{pkg['version']}`.
- Data © OpenStreetMap contributors, licensed under the Open Database
  Licence 1.0 (ODbL 1.0, <https://opendatacommons.org/licenses/odbl/1.0/>).
  Credit line: **© OpenStreetMap contributors**. `land-100m.sbm` is a
  derived database under the same licence. The package's own code and
  packaging are MIT (© 2017 Simone Primarosa).

## What was done

Countries kept: {", ".join(f"{c} ({n})" for c, n in ((f['code'], f['name']) for f in features))}.
Northern Cyprus: {ncy_note}.

Clip region, the union of two boxes (WGS84 degrees):

{boxes}

Each country's polygons were cut to the union's bounding box plus
{PRECLIP_MARGIN:g}° with GEOS rectangle clipping, repaired with `make_valid` (the
source has self-intersecting rings and holes outside their shells), and
intersected with the clip region. Nothing was simplified and no polygon was
dropped for its size; only rings that have fewer than 4 points or no area
once rounded to 1e-6° are left out.

Polygon edges along a land border or along a box edge are part of the rings
too: they are not coastline.

## Format

SBM1, as read by `src/geo/straits-basemap.c`: one feature per country on
layer 0 (code = A3, name = English name, label point = a representative point
of its largest polygon, population 0), every ring its own arc (arc flag 2,
coast) and its own ring (ring k uses arc k), exterior rings (flag bit 0,
counter-clockwise) each followed by their holes (clockwise); a country's
polygons are ordered largest first. Coordinates are int32 1e-6 degrees; the
importance of every point is +inf (never dropped by simplification).

## Counts

{head}{chr(10).join(rows)}
| total | | {tot['polygons']} | | {tot['holes']} | {tot['points']} |{" |" if have_area else ""}

"In the Aegean box" counts polygons whose representative point lies in the
first box; that box also holds western Anatolia with its Black Sea coast west
of 36.5° E, so for Turkey it is not the same as "in the Aegean Sea". Holes
are inland water (lakes, reservoirs, lagoons cut off from the sea). Areas
are of the clipped land without the holes, in a Lambert azimuthal equal-area
projection (lat 40°, lon 30°, WGS84 ellipsoid).
{overlap_text}
## Things to know before measuring

- The package's "100 m" is the simplification error, not the vertex spacing:
  the source's median edge is about 800 m and its smallest island is about
  0.017 km², so rocks and the smallest islets are absent. Coastline lengths
  measured on it are shorter than official figures measured at finer scales.
- Rings include land borders, lake shores (holes) and the straight edges of
  the clip boxes (the arc flag says "coast" for all of them); leave those
  out when measuring coastline or drawing baselines.
- Crimea is in both Ukraine's mainland polygon and a separate Russian polygon
  covering the same land (the package was built in December 2017); see the
  overlap above.
- Northern Cyprus is part of CYP. The UK Sovereign Base Areas of Akrotiri and
  Dhekelia are in no feature at all: Cyprus's land stops at their borders.
- Abkhazia is part of GEO; Transnistria is inland (MDA, not kept).
- Repairing self-intersecting source rings leaves a few sliver polygons of a
  few m² (bow-tie lobes); they are kept like any other polygon.
- Coasts of countries not kept lie inside the boxes too: Albania and
  Montenegro (Ionian/Adriatic), Syria, Lebanon and northern Israel (Levant).

`land-100m.sbm`: {size} bytes, SHA-256 `{sha}`.

## Rebuilding

    apt-get install python3-shapely python3-pyproj
    /usr/bin/python3 tools/make-land-clip.py \\
        --input ../shared/geodata/{input_name} --out data/maritime
    /usr/bin/python3 tools/make-land-clip.py --verify data/maritime/land-100m.sbm

The output is byte-for-byte the same for the same input and GEOS version.
"""


# --------------------------------------------------------------- verifying

def verify(path):
    with open(path, "rb") as f:
        data = f.read()
    errors = []

    def fail(msg):
        errors.append(msg)

    if len(data) < HEADER.size:
        raise SystemExit("too short for a header")
    magic, version, n_points, n_arcs, n_refs, n_rings, n_features, strings_size = \
        HEADER.unpack_from(data, 0)
    if magic != b"SBM1" or version != 1:
        raise SystemExit("not an SBM1 file of version 1")

    off = HEADER.size
    sections = {}
    for name, size in (("points", n_points * 8), ("importance", n_points * 4),
                       ("arc_starts", (n_arcs + 1) * 4), ("arc_flags", n_arcs),
                       ("refs", n_refs * 4), ("ring_starts", (n_rings + 1) * 4),
                       ("ring_flags", n_rings), ("features", n_features * FEATURE.size),
                       ("strings", strings_size)):
        if off % 4:
            fail("section %s not aligned" % name)
        if off + size > len(data):
            raise SystemExit("section %s runs past the end" % name)
        sections[name] = (off, size)
        end = align4(off + size)
        if any(data[off + size:end]):
            fail("non-zero padding after %s" % name)
        off = end
    if off != len(data):
        fail("file is %d bytes, sections end at %d" % (len(data), off))

    def arr(name, fmt, n):
        o, _ = sections[name]
        return struct.unpack_from("<%d%s" % (n, fmt), data, o)

    pts = arr("points", "i", 2 * n_points)
    imp = arr("importance", "f", n_points)
    arc_starts = arr("arc_starts", "I", n_arcs + 1)
    arc_flags = data[sections["arc_flags"][0]:sections["arc_flags"][0] + n_arcs]
    refs = arr("refs", "i", n_refs)
    ring_starts = arr("ring_starts", "I", n_rings + 1)
    ring_flags = data[sections["ring_flags"][0]:sections["ring_flags"][0] + n_rings]
    so = sections["strings"][0]
    strings = data[so:so + strings_size]

    if not all(math.isinf(v) and v > 0 for v in imp):
        fail("importance is not +inf everywhere")
    if arc_starts[0] != 0 or arc_starts[-1] != n_points:
        fail("arcs do not cover the points")
    for i in range(n_arcs):
        if arc_starts[i] + 2 > arc_starts[i + 1]:
            fail("arc %d has fewer than two points" % i)
    if any(f != ARC_COAST for f in arc_flags):
        fail("an arc flag is not 2 (coast)")
    for i, r in enumerate(refs):
        a = r if r >= 0 else ~r
        if a >= n_arcs:
            fail("ref %d points to missing arc %d" % (i, a))
    if ring_starts[0] != 0 or ring_starts[-1] != n_refs:
        fail("rings do not cover the refs")
    for i in range(n_rings):
        if ring_starts[i] > ring_starts[i + 1]:
            fail("ring offsets go backwards at %d" % i)
    if any(f & ~RING_EXTERIOR for f in ring_flags):
        fail("unknown ring flag bits")
    if not strings or strings[0] != 0 or strings[-1] != 0:
        fail("string table must start with the empty string and end with NUL")

    def ring_points(k):
        out = []
        for r in refs[ring_starts[k]:ring_starts[k + 1]]:
            a = r if r >= 0 else ~r
            seg = [(pts[2 * j], pts[2 * j + 1]) for j in range(arc_starts[a], arc_starts[a + 1])]
            if r < 0:
                seg.reverse()
            if out and seg and out[-1] == seg[0]:
                seg = seg[1:]
            out.extend(seg)
        return out

    def string_at(o):
        if o >= strings_size:
            fail("string offset %d out of range" % o)
            return "?"
        e = strings.index(b"\0", o)
        return strings[o:e].decode("utf-8")

    next_ring = 0
    tot_pts = 0
    print("%s: %d bytes, sha256 %s" % (path, len(data), hashlib.sha256(data).hexdigest()))
    print("points %d, arcs %d, refs %d, rings %d, features %d, strings %d bytes"
          % (n_points, n_arcs, n_refs, n_rings, n_features, strings_size))
    fo = sections["features"][0]
    for i in range(n_features):
        (layer, flags, rank, name_o, code_o, first, nr, lon, lat, pop) = \
            FEATURE.unpack_from(data, fo + i * FEATURE.size)
        name, code = string_at(name_o), string_at(code_o)
        if layer != 0:
            fail("feature %d layer %d" % (i, layer))
        if first != next_ring:
            fail("feature %d starts at ring %d, expected %d" % (i, first, next_ring))
        if first + nr > n_rings:
            fail("feature %d refers to missing rings" % i)
            continue
        next_ring = first + nr
        if nr and not ring_flags[first] & RING_EXTERIOR:
            fail("feature %d does not start with an exterior ring" % i)
        n_ext = n_hole = n_pt = 0
        for k in range(first, first + nr):
            rp = ring_points(k)
            if len(rp) < 4:
                fail("ring %d has %d points" % (k, len(rp)))
            elif rp[0] != rp[-1]:
                fail("ring %d is not closed" % k)
            ext = ring_flags[k] & RING_EXTERIOR
            a = sum(rp[j][0] * rp[j + 1][1] - rp[j + 1][0] * rp[j][1] for j in range(len(rp) - 1))
            if a == 0:
                fail("ring %d has no area" % k)
            elif (a > 0) != bool(ext):
                fail("ring %d is wound the wrong way" % k)
            if ext:
                n_ext += 1
            else:
                n_hole += 1
            n_pt += len(rp)
        tot_pts += n_pt
        print("  %-4s %-10s polygons %6d  holes %5d  points %9d  label %.4f %.4f"
              % (code, name, n_ext, n_hole, n_pt, lon, lat))
    if next_ring != n_rings:
        fail("features cover %d of %d rings" % (next_ring, n_rings))
    if tot_pts != n_points:
        fail("rings use %d points, file has %d" % (tot_pts, n_points))
    if errors:
        for e in errors[:50]:
            print("ERROR:", e)
        print("%d error(s)" % len(errors))
        return 1
    print("OK")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--input", help="geo-maps-countries-land-100m-0.6.0.tgz")
    ap.add_argument("--out", help="output folder (data/maritime)")
    ap.add_argument("--verify", metavar="FILE", help="check an SBM1 file and print counts")
    args = ap.parse_args()
    if args.verify:
        return verify(args.verify)
    if not args.input or not args.out:
        ap.error("--input and --out are needed (or --verify FILE)")
    build(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
