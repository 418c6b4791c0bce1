#!/usr/bin/env python3
"""Extracts the sea limits the maritime measures need from Natural Earth.

Reads ne_10m_geography_marine_polys.geojson (Aegean Sea, Sea of Crete,
Black Sea, Sea of Azov, Sea of Marmara) and ne_10m_admin_0_disputed_areas.geojson
(Crimea) from ../shared/geodata (or --geodata DIR) and writes
data/maritime/sea-limits-10m.json: a GeoJSON FeatureCollection with one
feature per limit, property "name", coordinates rounded to 1e-6 degrees.
Natural Earth is in the public domain. Standard library only.

    python3 tools/make-sea-limits.py [--geodata ../shared/geodata] [--out data/maritime]
"""
import argparse
import hashlib
import json
import os
import sys

SEAS = ["Aegean Sea", "Sea of Crete", "Black Sea", "Sea of Azov", "Sea of Marmara"]
DISPUTED = ["Crimea"]


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 6), round(coords[1], 6)]
    return [rounded(c) for c in coords]


def pick(path, key, names):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    found = {}
    for feature in data["features"]:
        name = feature["properties"].get(key)
        if name in names and name not in found:
            geometry = feature["geometry"]
            found[name] = {"type": "Feature", "properties": {"name": name},
                           "geometry": {"type": geometry["type"],
                                        "coordinates": rounded(geometry["coordinates"])}}
    missing = [n for n in names if n not in found]
    if missing:
        sys.exit(f"{path}: not found: {', '.join(missing)}")
    return [found[n] for n in names]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geodata", default=os.path.join(here, "..", "..", "shared", "geodata"))
    parser.add_argument("--out", default=os.path.join(here, "..", "data", "maritime"))
    args = parser.parse_args()
    marine = os.path.join(args.geodata, "ne_10m_geography_marine_polys.geojson")
    disputed = os.path.join(args.geodata, "ne_10m_admin_0_disputed_areas.geojson")
    features = pick(marine, "name", SEAS) + pick(disputed, "NAME", DISPUTED)
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:10m (public domain): marine polygons and disputed areas",
        "inputs": {os.path.basename(marine): sha256(marine), os.path.basename(disputed): sha256(disputed)},
        "features": features,
    }
    os.makedirs(args.out, exist_ok=True)
    out = os.path.join(args.out, "sea-limits-10m.json")
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    os.replace(out + ".tmp", out)
    print(f"{out}: {len(features)} features, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
