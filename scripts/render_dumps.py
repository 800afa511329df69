#!/usr/bin/env python3
"""Render saved HTML pages to page dumps made as ../shared/samples/pages/*/dump.txt are made.

Exactly as samples/build_pages.py's Renderer: Debian Chromium driven by playwright (executable_path, no
browser download), JavaScript off, every request aborted (no network, so no external CSS or images),
viewport 1280x900, `document.body.innerText` of the page once loaded; CRLF/CR turned into LF, trailing
newlines stripped, one final newline; a `date YYYY-MM-DD` line first when the page's date is known.

    python scripts/render_dumps.py tests/data/html-oldstyle/*.html --out tests/data/dumps-oldstyle \
        --manifest tests/data/dumps-oldstyle/pages.json

Each NAME.html becomes OUT/NAME.txt, and so does a case folder's NAME/source.html (tests/data/html-transfer):

    python scripts/render_dumps.py tests/data/html-transfer/*/source.html --out tests/data/dumps-transfer \
        --manifest tests/data/dumps-transfer/pages.json

The date comes from --manifest (JSON: {"NAME": {"date": "YYYY-MM-DD",
...}}), written by hand: the page's author knows when the page says it was published. A page not in the
manifest or with no date gets no date line, and so does a page whose entry says `"date_line": false`: its
date is still the reference the tests check, but the dump path must read it from the page's own text (a
dump saved without the line, as some real dumps are).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import os
import shutil
import sys
from pathlib import Path

log = logging.getLogger("render_dumps")


class Renderer:
    """document.body.innerText of stored HTML in Chromium: no JavaScript, no network, 1280x900."""

    def __init__(self, executable: str, timeout_ms: int) -> None:
        from playwright.sync_api import sync_playwright

        self.timeout_ms = timeout_ms
        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])

    def text(self, html: str) -> str:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        context = self._browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        try:
            context.route("**/*", lambda route: route.abort())
            page = context.new_page()
            try:
                page.set_content(html, wait_until="load", timeout=self.timeout_ms)
            except PlaywrightTimeout:
                log.warning("load event timed out; text taken as rendered so far")
            text = page.evaluate("document.body ? document.body.innerText : ''")
        finally:
            context.close()
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def close(self) -> None:
        self._browser.close()
        self._pw.stop()


def dump_text(date: str | None, inner_text: str) -> str:
    head = f"date {date}\n" if date else ""
    return head + inner_text.rstrip("\n") + "\n"


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def page_text(data: bytes) -> str:
    """The page as text: UTF-8, else the charset its <meta> declares (a windows-1251 or ISO-8859-1 page, read
    as a browser reads it). UTF-8 first, as briefgen's reader does: the committed pages that declare
    ISO-8859-1 but are saved as UTF-8 render as before."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        m = _CHARSET.search(data[:2048])
        if not m:
            raise
        return data.decode(m.group(1).decode("ascii"), errors="replace")


def case_name(path: Path) -> str:
    """NAME of NAME.html, or of a case folder NAME/source.html (the sample pages' layout)."""
    return path.parent.name if path.name == "source.html" else path.stem


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", type=Path, help="saved HTML files")
    parser.add_argument("--out", type=Path, required=True, help="folder for NAME.txt dumps")
    parser.add_argument("--manifest", type=Path, help="JSON with each page's date")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--timeout", type=int, default=60, help="seconds allowed per page load")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    manifest = json.loads(args.manifest.read_text(encoding="utf-8")) if args.manifest else {}
    args.out.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(args.chromium, args.timeout * 1000)
    try:
        for path in args.pages:
            html = page_text(path.read_bytes())
            name = case_name(path)
            entry = manifest.get(name) or {}
            date = entry.get("date") if entry.get("date_line", True) else None
            out = args.out / f"{name}.txt"
            # temp file + rename: a test or a watcher never reads a half-written dump
            tmp = out.with_name(out.name + ".tmp")
            tmp.write_text(dump_text(date, renderer.text(html)), encoding="utf-8", newline="\n")
            os.replace(tmp, out)
            log.info("%s -> %s%s", path, out, "" if date else " (no date line)")
    finally:
        renderer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
