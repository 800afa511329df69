"""Convert Natural Earth's 1:110m country shapes (npm `world-atlas` 2.0.2, TopoJSON) ONCE into the
compact, projected package data file briefgen/site/data/world-110m.json that the site's SVG map uses.

    npm install --no-save world-atlas@2.0.2
    .venv/bin/python scripts/build_world_map.py [node_modules/world-atlas/countries-110m.json]

Shapes: Natural Earth Admin 0 countries 1:110m, version 4.1.0, public domain
(https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in TopoJSON by world-atlas
(ISC licence, https://github.com/topojson/world-atlas). What this script does: decodes the TopoJSON
arcs, drops Antarctica, projects every point with the Equal Earth projection (Šavrič, Patterson and
Jenny 2018), rounds it to whole units of a 2000-unit-wide view box, drops points that round onto
the previous one and rings that collapse, and writes one SVG path per ISO 3166-1 alpha-2 code
(numeric ids mapped through CLDR's territory aliases, shipped with babel). Rings crossing the
antimeridian are moved east of it (the view box clips what passes 180°).
"""
from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path

from babel.core import get_global

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
OUT = ROOT / "briefgen" / "site" / "data" / "world-110m.json"
WIDTH = 2000
# Shapes without a numeric ISO code in Natural Earth, by their name in the file.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "", "Somaliland": ""}
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2, t6 = theta * theta, theta ** 6
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part[1:] if points else part)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def main(source: Path = SOURCE) -> None:
    topo = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    aliases = get_global("territory_aliases")
    xmax = equal_earth(180, 0)[0]
    scale = WIDTH / (2 * xmax)
    shapes: dict[str, list[list[tuple[int, int]]]] = {}
    for geo in topo["objects"]["countries"]["geometries"]:
        name = geo.get("properties", {}).get("name", "")
        code = BY_NAME.get(name) if name in BY_NAME else (aliases.get(geo.get("id", ""), [""]) or [""])[0]
        if code == "AQ":
            continue
        for polygon in polygons(geo):
            for indexes in polygon:
                points = ring(arcs, indexes)
                # A ring crossing the antimeridian (Fiji, Chukotka) would draw a line across the
                # world: its western points move east of 180° and the view box clips them.
                if any(lon > 170 for lon, _ in points) and any(lon < -170 for lon, _ in points):
                    points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
                projected = []
                for lon, lat in points:
                    x, y = equal_earth(lon, lat)
                    p = (round((x + xmax) * scale), round(y * scale))
                    if not projected or p != projected[-1]:
                        projected.append(p)
                if len(projected) >= 4:
                    shapes.setdefault(code or "", []).append(projected)
    top = min(y for rings in shapes.values() for r in rings for _, y in r)
    bottom = max(y for rings in shapes.values() for r in rings for _, y in r)
    paths = {}
    for code, rings in sorted(shapes.items()):
        parts = []
        for r in rings:
            x0, y0 = r[0]
            d = [f"M{x0},{y0 - top}l"]
            steps = []
            for (xa, ya), (xb, yb) in itertools.pairwise(r):
                steps.append(f"{xb - xa},{yb - ya}")
            d.append(" ".join(steps).replace(" -", "-"))
            parts.append("".join(d) + "z")
        paths[code] = "".join(parts)
    data = {"_provenance": __doc__.split("\n\n")[2].replace("\n", " ").strip(),
            "_source": f"{source.name} from npm world-atlas 2.0.2 (Natural Earth 4.1.0, 1:110m)",
            "width": WIDTH, "height": bottom - top, "countries": paths}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(paths)} shapes, {OUT.stat().st_size // 1024} KB, "
          f"view box {WIDTH}x{bottom - top}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
