"""scripts/render_dumps.py re-makes the committed old-style dumps (tests/data/dumps-oldstyle) byte for byte
from their HTML pages: the dumps the dump-path tests read are what Chromium gives for those pages."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DUMPS = ROOT / "tests" / "data" / "dumps-oldstyle"


def _script():
    spec = importlib.util.spec_from_file_location("render_dumps", ROOT / "scripts" / "render_dumps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_old_style_dumps_are_what_chromium_renders(tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("Debian chromium is not installed")
    pages = sorted((ROOT / "tests" / "data" / "html-oldstyle").glob("*.html"))
    assert _script().main([*map(str, pages), "--out", str(tmp_path), "--manifest", str(DUMPS / "pages.json")]) == 0
    dates = json.loads((DUMPS / "pages.json").read_text(encoding="utf-8"))
    for page in pages:
        made = (tmp_path / f"{page.stem}.txt").read_text(encoding="utf-8")
        assert made.startswith(f"date {dates[page.stem]['date']}\n")
        assert made == (DUMPS / f"{page.stem}.txt").read_text(encoding="utf-8"), page.name


def test_the_committed_transfer_dumps_are_what_chromium_renders(tmp_path):
    """tests/data/dumps-transfer: the case folders of tests/data/html-transfer (NAME/source.html -> NAME.txt)."""
    pytest.importorskip("playwright.sync_api")
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("Debian chromium is not installed")
    dumps = ROOT / "tests" / "data" / "dumps-transfer"
    pages = sorted((ROOT / "tests" / "data" / "html-transfer").glob("*/source.html"))
    assert pages
    assert _script().main([*map(str, pages), "--out", str(tmp_path), "--manifest", str(dumps / "pages.json")]) == 0
    for page in pages:
        name = page.parent.name
        assert (tmp_path / f"{name}.txt").read_text(encoding="utf-8") == \
            (dumps / f"{name}.txt").read_text(encoding="utf-8"), name
