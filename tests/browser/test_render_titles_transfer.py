"""scripts/render_dumps.py re-makes the committed dumps of tests/data/titles-transfer byte for byte from their
HTML pages: the dumps the title tests read are what Chromium gives for those pages."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "titles-transfer"


def test_the_committed_transfer_dumps_are_what_chromium_renders(tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        pytest.skip("Debian chromium is not installed")
    spec = importlib.util.spec_from_file_location("render_dumps", ROOT / "scripts" / "render_dumps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages = sorted(PAGES.glob("*.html"))
    assert module.main([*map(str, pages), "--out", str(tmp_path), "--manifest", str(PAGES / "pages.json")]) == 0
    for page in pages:
        made = (tmp_path / f"{page.stem}.txt").read_text(encoding="utf-8")
        assert made == (PAGES / f"{page.stem}.txt").read_text(encoding="utf-8"), page.name
