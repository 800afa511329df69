"""The build state and the no-change check (issue 16): a build with nothing to do reads a small part
of the state and imports no renderer; a torn, foreign or older state makes a full plan, never a
wrong site."""
from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

from briefgen.config import load_config
from briefgen.site import build as build_mod
from tests.unit.site.test_build import JAPAN, JAPAN_MD

ROOT = Path(__file__).resolve().parents[3]


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != build_mod.MARKER}


def _state_file(project: Path) -> Path:
    (found,) = load_config(project).path("cache").glob("site-*.pickle")
    return found


def _retitle(project: Path, title: str) -> None:
    path = project / JAPAN_MD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {title} ", 1), encoding="utf-8")


def test_a_no_change_build_imports_no_renderer(scratch_project, build_project):
    """Markdown, Jinja, Babel's formatting and the classifier are imported only once something must
    be rendered: a no-change build in a fresh process never loads them."""
    build_project(scratch_project)
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site.build import build\n"
            f"r = build(load_config(Path({str(scratch_project)!r})), ingest=False)\n"
            "heavy = [m for m in ('jinja2', 'markdown', 'babel.dates', 'briefgen.classify.lexicon',"
            " 'briefgen.site.render') if m in sys.modules]\n"
            "print(r.written, r.swapped, heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "0 False []"


def test_the_state_file_leads_with_what_a_no_change_build_reads(scratch_project, build_project):
    build_project(scratch_project)
    with _state_file(scratch_project).open("rb") as fh:
        head = pickle.load(fh)
        body = pickle.load(fh)
    assert set(head) <= set(build_mod.STATE_HEAD) and head["format"] == build_mod.STATE_FORMAT
    assert "keys" in body and "plan" in body and "index" in body


def test_a_torn_state_makes_a_full_plan_and_the_clean_site(scratch_project, build_project, tmp_path):
    """A state whose second half is cut off (a disk full, a copy gone wrong): the head alone still
    says whether nothing changed; an edit then plans every page and gives the clean build's bytes."""
    build_project(scratch_project)
    state = _state_file(scratch_project)
    data = state.read_bytes()
    with state.open("rb") as fh:
        pickle.load(fh)
        head_end = fh.tell()
    state.write_bytes(data[:head_end + (len(data) - head_end) // 2])
    _retitle(scratch_project, "Torn")
    result = build_project(scratch_project)
    assert result.swapped and JAPAN in result.changed_paths
    assert "Torn" in (result.out / JAPAN).read_text(encoding="utf-8")
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(result.out) == _site(clean.out)


def test_a_state_of_another_format_is_ignored(scratch_project, build_project, tmp_path):
    """The previous layout (one pickle, format 3) or anything else: a full plan, the same site."""
    first = build_project(scratch_project)
    state = _state_file(scratch_project)
    with state.open("rb") as fh:
        old = {**pickle.load(fh), **pickle.load(fh), "format": build_mod.STATE_FORMAT - 1}
    state.write_bytes(pickle.dumps(old))
    again = build_project(scratch_project)
    assert again.swapped and again.pages == first.pages
    state.write_bytes(b"not a pickle at all")
    _retitle(scratch_project, "Garbage")
    third = build_project(scratch_project)
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert third.swapped and _site(third.out) == _site(clean.out)
