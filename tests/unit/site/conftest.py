"""Fixtures for the site tests: a scratch copy of tests/fixtures/project and a build helper."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.site.build import build
from briefgen.site.swap import wait_for_removals

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "project"
BROKEN = "content/briefs/2026/01/broken-date.md"


@pytest.fixture
def scratch_project(tmp_path) -> Path:
    """A private copy of the fixture project (tests may edit its briefs)."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("site", "site.*", ".briefgen-cache"))
    (dest / "content" / "raw").mkdir(parents=True, exist_ok=True)
    return dest


@pytest.fixture
def build_project():
    """build_project(root, **overrides) -> BuildResult (no ingest; old trees removed before return)."""
    def run(root: Path, clean: bool = False, out: Path | None = None, **overrides):
        result = build(load_config(root, overrides or None), out=out, clean=clean, ingest=False)
        wait_for_removals()
        return result
    return run


def brief_text(title: str, slug: str, date: str = "2026-01-10T10:00:00+01:00", body: str = "Corps du texte.",
               regions: str = "[western-europe]", themes: str = "[economy]", extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndate: {date}\nlang: fr\nslug: {slug}\nregions: {regions}\n"
            f"themes: {themes}\n{extra}---\n\n{body}\n")
