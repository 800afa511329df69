"""A world map of the news as inline SVG, built at build time (no script): each country shaded by
its number of briefs, linking to its page, with a localised name and count as its accessible name.

Shapes are Natural Earth 1:110m (public domain), projected and simplified once by
scripts/build_world_map.py into data/world-110m.json (provenance inside the file).
"""
from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "world-110m.json"
STEPS = 4          # shades besides "no brief"


@lru_cache(maxsize=1)
def shapes() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def shade(n: int, most: int) -> int:
    """1..STEPS by the share of the busiest country, which gets the darkest shade."""
    if n <= 0 or most <= 0:
        return 0
    return max(1, min(STEPS, math.ceil(STEPS * n / most)))


def legend(most: int) -> list[tuple[int, str]]:
    """(shade, "from–to" briefs) for the legend, lightest first."""
    if most <= 0:
        return []
    ranges: dict[int, list[int]] = {}
    for n in range(1, most + 1):
        ranges.setdefault(shade(n, most), []).append(n)
    return [(s, f"{v[0]}" if v[0] == v[-1] else f"{v[0]}–{v[-1]}") for s, v in sorted(ranges.items())]


@lru_cache(maxsize=1)
def base_svg() -> str:
    """Every country in one path (id "land"): a static file each map draws under its shaded
    countries with <use>, so a page inlines only the countries it links (a few KB, not 46)."""
    data = shapes()
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {data["width"]} {data["height"]}">'
            f'<path id="land" vector-effect="non-scaling-stroke" d="{"".join(data["countries"].values())}"/></svg>\n')


def render(counts: dict[str, int], name, href, label, title: str, map_id: str = "map", base: str = "") -> Markup:
    """The map as an <svg>: `counts` by upper-case ISO code; `name(code)`, `href(code)` and
    `label(name, n)` localise it. Every country is drawn grey from `base` (the URL of `base_svg()`'s
    file; inline when empty), the countries with briefs on top, each a link."""
    data = shapes()
    most = max(counts.values(), default=0)
    linked = []
    for code, d in data["countries"].items():
        n = counts.get(code, 0)
        if n and code:
            text = escape(label(name(code), n))
            linked.append(f'<a href="{escape(href(code))}" class="n{shade(n, most)}" aria-label="{text}">'
                          f'<title>{text}</title><path d="{d}"/></a>')
    land = (f'<use href="{escape(base)}#land" aria-hidden="true"/>' if base else
            f'<path aria-hidden="true" d="{"".join(data["countries"].values())}"/>')
    svg = (f'<svg viewBox="0 0 {data["width"]} {data["height"]}" aria-labelledby="{map_id}-title" role="group" '
           f'focusable="false"><title id="{map_id}-title">{escape(title)}</title>{land}{"".join(linked)}</svg>')
    return Markup(svg)
