"""Derive ``europe-110m.json``, the country outlines of the case-study map, from the npm package world-atlas.

Usage (from the repository root)::

    cd /tmp && npm pack world-atlas@2.0.2          # world-atlas-2.0.2.tgz: Natural Earth as TopoJSON, ISC
    .venv/bin/python -m cowork_book.sphinxext.data.derive_map /tmp/world-atlas-2.0.2.tgz

Reads ``countries-110m.json`` from the package (a tarball or an unpacked ``package/`` folder), decodes its
TopoJSON arcs, clips every country to the map window, projects it (equirectangular, longitudes scaled by the
cosine of the window's middle latitude), simplifies it (Douglas-Peucker, in map units) and writes one SVG path
per country in whole map units. The book's build only reads the result
(:mod:`cowork_book.sphinxext.figures`); nothing is fetched when the book is built. Standard library only.
"""

import argparse
import hashlib
import io
import json
import math
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "europe-110m.json"
WINDOW = {"lon_min": -11.0, "lon_max": 33.0, "lat_min": 35.0, "lat_max": 63.0}
WIDTH = 560  # map units (the SVG viewBox width); the height follows from the window
TOLERANCE = 0.7  # map units: detail finer than this is dropped
MIN_AREA = 6.0  # map units squared: smaller islands are dropped
# ISO 3166-1 numeric (the ids of world-atlas) -> alpha-2 (the case studies' country codes), for the window
ISO_ALPHA2 = {
    "008": "AL", "012": "DZ", "040": "AT", "056": "BE", "070": "BA", "100": "BG", "112": "BY", "191": "HR",
    "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "246": "FI", "250": "FR", "276": "DE", "300": "GR",
    "348": "HU", "372": "IE", "380": "IT", "422": "LB", "428": "LV", "440": "LT", "442": "LU", "498": "MD",
    "499": "ME", "504": "MA", "528": "NL", "578": "NO", "616": "PL", "620": "PT", "642": "RO", "643": "RU",
    "688": "RS", "703": "SK", "705": "SI", "724": "ES", "752": "SE", "756": "CH", "760": "SY", "788": "TN",
    "792": "TR", "804": "UA", "807": "MK", "826": "GB",
}  # fmt: skip


def read_package(path):
    """``(package.json, countries-110m.json, sha256 of the tarball or None)`` from a tarball or a folder."""
    path = Path(path)
    if path.is_dir():
        folder = path / "package" if (path / "package").is_dir() else path
        return (
            json.loads((folder / "package.json").read_text(encoding="utf-8")),
            json.loads((folder / "countries-110m.json").read_text(encoding="utf-8")),
            None,
        )
    data = path.read_bytes()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        package = json.load(tar.extractfile("package/package.json"))
        topology = json.load(tar.extractfile("package/countries-110m.json"))
    return package, topology, hashlib.sha256(data).hexdigest()


def decode_arcs(topology):
    """Every arc as a list of ``(lon, lat)``: delta-decoded and de-quantized."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """A closed ring from its arc indexes (a negative index ``~i`` is arc ``i`` reversed)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def project(lon, lat, window=WINDOW, width=WIDTH):
    """``(x, y)`` in map units: equirectangular, x scaled by cos(middle latitude), y down.

    Also used by :mod:`cowork_book.sphinxext.figures` (with the window stored in the derived file) to place the cases.
    """
    middle = math.radians((window["lat_min"] + window["lat_max"]) / 2)
    k = width / ((window["lon_max"] - window["lon_min"]) * math.cos(middle))
    return (lon - window["lon_min"]) * math.cos(middle) * k, (window["lat_max"] - lat) * k


def clip(points, width, height):
    """Sutherland-Hodgman: the ring clipped to the rectangle ``0..width`` x ``0..height``."""
    edges = [
        (lambda p: p[0] >= 0, lambda a, b: _cross_x(a, b, 0)),
        (lambda p: p[0] <= width, lambda a, b: _cross_x(a, b, width)),
        (lambda p: p[1] >= 0, lambda a, b: _cross_y(a, b, 0)),
        (lambda p: p[1] <= height, lambda a, b: _cross_y(a, b, height)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def simplify(points, tolerance):
    """Douglas-Peucker on an open polyline (iterative)."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        best, farthest = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > best:
                best, farthest = distance, i
        if farthest is not None and best > tolerance:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return [points[i] for i in sorted(keep)]


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def path_data(rings):
    """Rings of whole map units as compact SVG path data (relative moves and lines)."""
    out = []
    cursor = (0, 0)
    for ring in rings:
        x0, y0 = ring[0]
        parts = [f"{'M' if not out else 'm'}{_pair(x0 - cursor[0], y0 - cursor[1])}"]
        previous = ring[0]
        for x, y in ring[1:]:
            parts.append(_pair(x - previous[0], y - previous[1]))
            previous = (x, y)
        out.append(parts[0] + ("l" + " ".join(parts[1:]) if len(parts) > 1 else "") + "z")
        cursor = ring[0]  # after "z" the current point is the ring's start
    return "".join(out)


def _pair(dx, dy):
    return f"{dx}{dy}" if dy < 0 else f"{dx} {dy}"


def derive(package, topology, sha256):
    arcs = decode_arcs(topology)
    width = WIDTH
    height = round(project(WINDOW["lon_min"], WINDOW["lat_min"])[1])
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
        rings = []
        for polygon in polygons:
            for ring in polygon:
                projected = [project(lon, lat) for lon, lat in ring_points(ring, arcs)]
                clipped = clip(projected[:-1], width, height)
                if len(clipped) < 3 or area(clipped) < MIN_AREA:
                    continue
                simple = simplify([*clipped, clipped[0]], TOLERANCE)[:-1]
                whole = []
                for x, y in simple:
                    point = (round(x), round(y))
                    if not whole or point != whole[-1]:
                        whole.append(point)
                if len(whole) > 1 and whole[0] == whole[-1]:
                    whole.pop()
                if len(whole) >= 3:
                    rings.append(whole)
        if rings:
            ident = geometry.get("id")
            countries.append({"id": ident, "a2": ISO_ALPHA2.get(ident), "d": path_data(rings)})
    countries.sort(key=lambda c: (c["id"] is None, c["id"] or "", c["d"]))
    return {
        "source": {
            "package": package["name"],
            "version": package["version"],
            "licence": package["license"],
            "file": "countries-110m.json",
            "data": "Natural Earth 1:110m admin 0 countries (public domain), as TopoJSON",
            "tarball_sha256": sha256,
        },
        "projection": {**WINDOW, "width": width, "height": height},
        "countries": countries,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", help="world-atlas-<version>.tgz from 'npm pack world-atlas@2', or its folder")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    result = derive(*read_package(args.package))
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(result['countries'])} countries, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
