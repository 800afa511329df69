"""The site built from tests/fixtures/project, compared file by file with tests/golden/site/.

`pytest --update-golden` rewrites the golden files; review the diff like code. Time ("now"),
locale and time zone are pinned by the fixture's briefgen.toml, so output is byte-stable.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from tests.unit.site.conftest import BROKEN, ROOT

GOLDEN = ROOT / "tests" / "golden" / "site"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_matches_golden_files(scratch_project, build_project, update_golden):
    result = build_project(scratch_project)
    assert [(Path(e.path).relative_to(scratch_project).as_posix(), e.line) for e in result.errors] == [(BROKEN, 3)]
    built = _files(result.out)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in built.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    golden = _files(GOLDEN)
    assert sorted(built) == sorted(golden), "files differ (run pytest --update-golden and review)"
    diffs = []
    for rel in sorted(built):
        if built[rel] != golden[rel]:
            diffs.extend(difflib.unified_diff(golden[rel].decode("utf-8", "replace").splitlines(),
                                              built[rel].decode("utf-8", "replace").splitlines(),
                                              f"golden/{rel}", f"built/{rel}", lineterm=""))
    assert not diffs, "\n".join(diffs[:200])


def test_two_builds_of_the_same_input_are_byte_identical(scratch_project, build_project, tmp_path):
    first = _files(build_project(scratch_project, out=tmp_path / "a").out)
    second = _files(build_project(scratch_project, out=tmp_path / "b", clean=True).out)
    assert first == second
