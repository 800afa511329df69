"""Shared fixtures: where the sample data lives, and small projects written inline."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = DATA / "samples"

# Tests never draw progress bars and never depend on the machine's locale or time zone.
os.environ.setdefault("BRIEFGEN_NO_PROGRESS", "1")
os.environ["TZ"] = "UTC"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def make_project(tmp_path):
    """make_project(files={"briefgen.toml": "...", "content/briefs/x.md": "..."}) -> project root."""
    def make(files: dict[str, str | bytes] | None = None, root: Path | None = None) -> Path:
        base = root or tmp_path / "project"
        base.mkdir(parents=True, exist_ok=True)
        for rel, content in (files or {}).items():
            p = base / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        return base
    return make
