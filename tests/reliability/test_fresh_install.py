"""A user's install: a new virtualenv made by Python 3.11 with its bundled pip (23.2, never upgraded),
`pip install .` from this repository, then the installed `briefgen` command ingests an HTML page.

Every import of the HTML path must come from a declared dependency (lxml_html_clean is imported by
lxml.html.clean and readability/trafilatura; newer lxml no longer bundles it). Needs PyPI (CI has it);
takes a minute or two.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


def _python311() -> str | None:
    if sys.version_info[:2] == (3, 11):
        base = getattr(sys, "_base_executable", None) or sys.executable
        return base
    return shutil.which("python3.11")


def test_a_fresh_virtualenv_with_bundled_pip_installs_briefgen_and_ingests_html(tmp_path):
    python = _python311()
    if python is None:
        pytest.skip("no Python 3.11 interpreter on this machine")
    venv = tmp_path / "v"
    subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300)
    pip_version = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True,
                                 text=True, check=True).stdout
    assert pip_version.startswith("pip 23."), f"expected Python 3.11's bundled pip 23.x, got {pip_version}"
    src = tmp_path / "src"   # what `pip install .` reads from a clone, without the developer's .venv
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("briefgen", "templates"):
        shutil.copytree(ROOT / name, src / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "tests" / "data" / "samples" / "pages" / "en-apnews-2024-09-03",
                    tmp_path / "raw")
    install = subprocess.run([venv / "bin" / "pip", "install", "-q", str(src)], capture_output=True,
                             text=True, timeout=1200)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    freeze = subprocess.run([venv / "bin" / "pip", "freeze"], capture_output=True, text=True).stdout.lower()
    assert "lxml_html_clean" in freeze.replace("-", "_")
    out = tmp_path / "briefs"
    page = tmp_path / "raw" / "source.html"
    run = subprocess.run([venv / "bin" / "briefgen", "ingest", str(page), "--out", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    briefs = [p for p in out.rglob("*.md")]
    assert len(briefs) == 1, (run.stdout, run.stderr, list(out.rglob("*")))
    text = briefs[0].read_text(encoding="utf-8")
    assert "title: The presidential campaigns brace for" in text and "lang: en" in text
    assert "Election Day" in text.split("---", 2)[2]
    # a page laid out in a table goes to readability-lxml: it must be installed and importable too
    table = tmp_path / "table-layout.html"
    shutil.copy2(ROOT / "tests" / "data" / "html-oldstyle" / "table-layout.html", table)
    run = subprocess.run([venv / "bin" / "briefgen", "ingest", str(table), "--out", str(tmp_path / "b2")],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    [brief] = list((tmp_path / "b2").rglob("*.md"))
    assert "The county board voted 4-1" in brief.read_text(encoding="utf-8")


def test_the_html_path_imports_only_declared_dependencies():
    """Quick check without the network: every distribution the HTML path imports is declared."""
    import tomllib

    declared = {d.split(">")[0].split("=")[0].split("[")[0].strip().lower().replace("_", "-")
                for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    assert {"trafilatura", "lxml", "lxml-html-clean", "readability-lxml"} <= declared
    assert not any("lxml[" in d for d in (ROOT / "pyproject.toml").read_text().split())
    assert Path(ROOT / "pyproject.toml").is_file() and SAMPLES.is_dir()
