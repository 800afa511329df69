"""Incremental builds: whatever changed, the next build equals a clean build of the same briefs.

Promise: the build cache never leaves a stale page: editing, renaming, adding or deleting briefs
and rebuilding gives, byte for byte, the site a `--clean` build gives.
"""
from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import manifest, needs, run_cli

CONFIG = 'title = "Rebuild"\nlocale = "fr_CH"\n[site]\nnow = "2026-02-01T00:00:00+01:00"\n'


def _rename(briefs, i):
    path = sorted(briefs.rglob("*.md"))[i]
    path.rename(path.with_name(path.stem + "-renomme.md"))


def _retitle(briefs, i):
    path = sorted(briefs.rglob("*.md"))[i]
    brief = fm.read(path)
    path.write_text(fm.dump(replace(brief, title="Nouveau titre " + brief.title)), encoding="utf-8")


def _redate(briefs, i):
    path = sorted(briefs.rglob("*.md"))[i]
    brief = fm.read(path)
    path.write_text(fm.dump(replace(brief, date=brief.date.replace(year=2023))), encoding="utf-8")


def _delete(briefs, i):
    sorted(briefs.rglob("*.md"))[i].unlink()


def _twin(briefs, i):
    """A second brief with the same title and date as another (ties in every sort order)."""
    path = sorted(briefs.rglob("*.md"))[i]
    shutil.copy(path, path.with_name("jumeau.md"))


@pytest.mark.parametrize("change", [_rename, _retitle, _redate, _delete, _twin])
def test_an_incremental_build_equals_a_clean_build(corpus_project, tmp_path, change):
    needs("briefgen.site.build")
    root = corpus_project(60)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    run_cli("build", "--no-ingest", cwd=root, check=True)
    for i in (7, 30, 52):
        change(root / "content" / "briefs", i)
    run_cli("build", "--no-ingest", cwd=root, check=True)
    clean = tmp_path / "clean"
    shutil.copytree(root / "content", clean / "content")
    shutil.copy(root / "briefgen.toml", clean / "briefgen.toml")
    run_cli("build", "--no-ingest", "--clean", cwd=clean, check=True)
    got, want = manifest(root / "site"), manifest(clean / "site")
    stale = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
    assert not stale, f"{len(stale)} pages differ from a clean build: {stale[:8]}"
