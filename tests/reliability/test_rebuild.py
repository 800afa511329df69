"""Incremental builds: whatever changed, the next build equals a clean build of the same briefs.

Promise: the build cache never leaves a stale page: editing, renaming, adding or deleting briefs
and rebuilding gives, byte for byte, the site a `--clean` build gives.
"""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

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


SEQUENCE_CONFIG = CONFIG + "per_page = 3\n"


def _add_new(briefs: Path, n: int, when: str, tag: str) -> None:
    """n briefs made from existing ones, with new slugs and the date `when` (a day's new briefs)."""
    for i, path in enumerate(sorted(briefs.rglob("*.md"))[:n]):
        brief = fm.read(path)
        new = replace(brief, title=f"{tag} {i} {brief.title}", slug=f"{tag}-{i}",
                      date=brief.date.fromisoformat(when))
        (path.parent / f"{tag}-{i}.md").write_text(fm.dump(new), encoding="utf-8")


def _template(root: Path) -> None:
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "base.html").write_text('{% extends "!theme/base.html" %}\n'
                                      '{% block title %}[T] {{ super() }}{% endblock %}\n', encoding="utf-8")


def _config(root: Path) -> None:
    toml = root / "briefgen.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("per_page = 3", "per_page = 4")
                    .replace('title = "Rebuild"', 'title = "Rebuild 2"'), encoding="utf-8")


def _clean_site(root: Path, where: Path) -> dict[str, str]:
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(root / "content", where / "content")
    shutil.copy(root / "briefgen.toml", where / "briefgen.toml")
    if (root / "templates").is_dir():
        shutil.copytree(root / "templates", where / "templates")
    run_cli("build", "--no-ingest", "--clean", cwd=where, check=True)
    return manifest(where / "site")


def test_each_workflow_in_turn_gives_the_clean_build_byte_for_byte(corpus_project, tmp_path):
    """The archive workflows one after another (so later builds take the spare-tree path, archive
    pages close and open, redirects appear): after each, site/ equals a clean build of the same
    inputs, every file byte for byte."""
    needs("briefgen.site.build")
    root = corpus_project(60)
    (root / "briefgen.toml").write_text(SEQUENCE_CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    run_cli("build", "--no-ingest", cwd=root, check=True)
    steps = [("edit a title", lambda: _retitle(briefs, 11)),
             ("add a day's briefs", lambda: _add_new(briefs, 7, "2026-01-31T09:00:00+01:00", "jour")),
             ("edit another title", lambda: _retitle(briefs, 40)),
             ("delete a brief", lambda: _delete(briefs, 3)),
             ("add a back-dated brief", lambda: _add_new(briefs, 1, "2024-03-01T09:00:00+01:00", "ancien")),
             ("add the next day's briefs", lambda: _add_new(briefs, 4, "2026-01-31T18:00:00+01:00", "soir")),
             ("change a template", lambda: _template(root)),
             ("change config keys", lambda: _config(root))]
    inodes = []
    for i, (what, change) in enumerate(steps):
        change()
        run_cli("build", "--no-ingest", cwd=root, check=True)
        inodes.append((root / "site").stat().st_ino)
        got, want = manifest(root / "site"), _clean_site(root, tmp_path / f"clean-{i}")
        stale = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
        assert not stale, f"after {what!r}: {len(stale)} files differ from a clean build: {stale[:8]}"
    assert any("/archive/" in k for k in got) and any("/page/" in k for k in got)
    # Two trees take turns at site/ (the spare brought up to date), rather than a new tree per build.
    assert len(set(inodes)) < len(inodes), inodes
