"""The default theme as a reader gets it: bytes per page kind, Lighthouse scores, screenshots.

    .venv/bin/python bench/reader_site.py bytes                 # HTML + CSS + JS per page kind
    .venv/bin/python bench/reader_site.py lighthouse            # needs `npm install --no-save lighthouse@12.2.3`
    .venv/bin/python bench/reader_site.py screenshots           # docs/screenshots/*.png (scripts/screenshots.sh)

The site is the repository's own sample project (content/briefs/, briefgen.toml) with its briefs
re-dated onto three consecutive days (content and everything else unchanged), so that the front
page shows an edition of several briefs as a daily site would; it is built into a temporary folder
and served over HTTP by Python's http.server under base_url's path.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.dates import format_date

from briefgen.config import load_config
from briefgen.site.build import build
from briefgen.site.swap import wait_for_removals

SHOTS = ROOT / "docs" / "screenshots"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
FIRST_DAY = datetime(2026, 1, 14)
DATE = re.compile(r"(?m)^date: (\S+)$")


def demo_project(tmp: Path) -> Path:
    """The sample project with its briefs spread over three days, newest first by file order."""
    project = tmp / "demo"
    project.mkdir()
    shutil.copy(ROOT / "briefgen.toml", project / "briefgen.toml")
    files = sorted((ROOT / "content" / "briefs").rglob("*.md"))
    for i, src in enumerate(files):
        text = src.read_text(encoding="utf-8")
        old = DATE.search(text)
        day = FIRST_DAY + timedelta(days=i % 3)
        if old:
            when = datetime.fromisoformat(old.group(1).strip("'\""))
            new = day.replace(hour=when.hour or 8, minute=when.minute)
            text = text.replace(old.group(0), f"date: {new.isoformat()}+01:00", 1)
            lang = re.search(r"(?m)^lang: (\S+)$", text)
            for code in {lang.group(1) if lang else "en", "en"}:
                try:
                    text = text.replace(format_date(when.date(), "full", locale=code),
                                        format_date(new.date(), "full", locale=code), 1)
                except Exception:  # noqa: BLE001, S112 - an unusual language tag
                    continue
            text = re.sub(r"(?m)^updated: \S+\n", "", text, count=1)
        dest = project / "content" / "briefs" / f"{day:%Y/%m}" / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    return project


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[str, ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def built_site(tmp: Path) -> Path:
    project = demo_project(tmp)
    result = build(load_config(project, {"site": {"now": "2026-01-17T08:00:00+01:00"}}), ingest=False)
    wait_for_removals()
    if result.errors:
        print("\n".join(map(str, result.errors)), file=sys.stderr)
    return result.out


def page_kinds(site: Path) -> dict[str, str]:
    """One URL path per page kind, found in the built site."""
    brief = next(p for p in sorted(site.glob("20[0-9][0-9]/[0-9][0-9]/*/index.html")))
    region = min(site.glob("regions/*/index.html"))
    theme = min(site.glob("themes/*/index.html"))
    country = min(site.glob("countries/*/index.html"))
    month = max(site.glob("20[0-9][0-9]/[0-9][0-9]/index.html"))
    edition = min(site.glob("editions/*/index.html"))
    rel = {k: p.parent.relative_to(site).as_posix() + "/" for k, p in
           {"brief": brief, "region": region, "theme": theme, "country": country, "month": month,
            "edition": edition}.items()}
    return {"front (edition)": "", **rel, "archives": "archives/", "search": "search/?q=ukraine"}


def page_bytes(site: Path, path: str) -> tuple[int, int]:
    """(raw, gzip) bytes of a page's HTML plus the CSS and JS it loads; images not counted."""
    html = (site / path.split("?")[0] / "index.html").read_bytes()
    total, zipped = len(html), len(gzip.compress(html, 9))
    for ref in re.findall(rb'(?:href|src)="/(static/[^"]+\.(?:css|js))"', html):
        data = (site / ref.decode()).read_bytes()
        total, zipped = total + len(data), zipped + len(gzip.compress(data, 9))
    return total, zipped


def cmd_bytes(site: Path) -> None:
    print("| page kind | HTML + CSS + JS | gzip |\n| --- | ---: | ---: |")
    for kind, path in page_kinds(site).items():
        raw, zipped = page_bytes(site, path)
        print(f"| {kind} | {raw / 1024:.1f} KB | {zipped / 1024:.1f} KB |")


def cmd_lighthouse(site: Path, tmp: Path) -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is not installed: npm install --no-save lighthouse@12.2.3")
    base, server = serve(site)
    kinds = page_kinds(site)
    print("| page | performance | accessibility | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: |")
    try:
        for kind in ("front (edition)", "brief", "region"):
            out = tmp / "lh.json"
            subprocess.run([str(LIGHTHOUSE), base + kinds[kind], "--output=json", f"--output-path={out}",
                            "--quiet", "--only-categories=performance,accessibility,best-practices,seo",
                            f"--chrome-path={shutil.which('chromium')}",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                           check=True, timeout=300)
            cats = json.loads(out.read_text(encoding="utf-8"))["categories"]
            print(f"| {kind} | " + " | ".join(str(round(cats[c]["score"] * 100)) for c in
                                               ("performance", "accessibility", "best-practices", "seo")) + " |")
    finally:
        server.shutdown()


def cmd_screenshots(site: Path, tmp: Path) -> None:
    from PIL import Image
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shots = {"front (edition)": "front", "brief": "brief", "region": "region", "country": "country",
             "archives": "archives", "search": "search"}
    kinds = page_kinds(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            for width, height, scheme in ((1280, 900, "light"), (390, 844, "dark")):
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                              device_scale_factor=1, locale="fr-CH", timezone_id="Europe/Zurich")
                context.clock.set_fixed_time("2026-01-17T08:00:00+01:00") if hasattr(context, "clock") else None
                page = context.new_page()
                for kind, name in shots.items():
                    page.goto(base + kinds[kind])
                    if kind == "search":
                        page.wait_for_selector("#search-results li")
                    out = SHOTS / f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(out))
                    with Image.open(out) as img:   # 256 colours: a small PNG, sharp text
                        img.convert("RGB").quantize(256).save(out, optimize=True)
                    print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")
                context.close()
            browser.close()
    finally:
        server.shutdown()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("bytes", "lighthouse", "screenshots"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        site = built_site(tmp)
        {"bytes": lambda: cmd_bytes(site), "lighthouse": lambda: cmd_lighthouse(site, tmp),
         "screenshots": lambda: cmd_screenshots(site, tmp)}[args.what]()


if __name__ == "__main__":
    main()
