"""Errors a user meets, through the real CLI in a subprocess.

Promise: every error message names the file (and the line where there is one) and says what is wrong
or what to do; a bad brief is skipped while the rest builds; only `briefgen --debug` prints a
traceback, for user errors and for bugs alike.
"""
from __future__ import annotations

import re
import sys

import pytest

from tests.reliability.conftest import SAMPLES, cli_env, needs, run_cli

GOOD = ("---\ntitle: Un bon article\ndate: 2026-01-16T09:41:00+01:00\nlang: fr\ncountries: [FR]\n"
        "---\n\nvendredi 16 janvier 2026\n\nGOODBODY texte.\n")
# Words that show a message points at a fix: an example, the expected form, the allowed values...
GUIDANCE = re.compile(r"e\.g\.|expected|must|known:|allowed|needs|run with|use |such as|not valid|"
                      r"is not a|not UTF-8|missing|unknown|rename|remove|choose|one of|minimum|starts with|closed by", re.IGNORECASE)


def _project(make_project, **files):
    base = {"briefgen.toml": 'title = "Errors"\nlocale = "fr_CH"\n',
            "content/briefs/2026/01/good.md": GOOD}
    base.update({k.replace("__", "/"): v for k, v in files.items()})
    return make_project(base)


def _error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if re.search(r"error|warning|:\d+:", ln, re.IGNORECASE)]


@pytest.mark.parametrize("toml, line, words", [
    ('title = "unterminated\n', 1, "TOML"),
    ('title = "ok"\nlocale = "xx_YY_ZZ"\n', None, "locale"),
    ('title = "ok"\n[paths]\nraww = "in"\n', None, "paths.raww"),
    ('title = "ok"\n[site]\nper_page = 0\n', None, "site.per_page"),
    (b'title = "\xff\xfe"\n', None, "UTF-8"),
])
def test_config_errors_name_the_file_and_line_without_traceback(make_project, toml, line, words):
    needs("briefgen.site.build")
    root = _project(make_project, **{"briefgen.toml": toml})
    proc = run_cli("build", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    where = f"briefgen.toml:{line}:" if line else "briefgen.toml"
    assert where in proc.stderr and words in proc.stderr, proc.stderr
    assert GUIDANCE.search(proc.stderr), proc.stderr
    debug = run_cli("--debug", "build", cwd=root)
    assert debug.returncode == 1 and "Traceback" in debug.stderr and where in debug.stderr


@pytest.mark.parametrize("text, line, words", [
    (GOOD.replace("2026-01-16T09:41:00+01:00", "le 16 janvier"), 3, "date"),
    (GOOD.replace("title: Un bon article\n", ""), 1, "title"),
    (GOOD.replace("lang: fr", "lang: français"), 4, "lang"),
    (GOOD.replace("countries: [FR]", "countries: [FR, France]"), 5, "countries"),
    (GOOD.replace("title: Un bon article", "title: [unclosed"), 3, "YAML"),
    ("no front matter at all\n", 1, "front matter"),
    (GOOD.replace("---\n\nvendredi", "\nvendredi"), 1, "front matter"),
])
def test_a_broken_brief_is_reported_with_file_and_line_and_the_rest_builds(make_project, text, line, words):
    needs("briefgen.site.build")
    root = _project(make_project, content__briefs__2026__01__broken_one_md=text)
    (root / "content/briefs/2026/01/broken_one_md").rename(root / "content/briefs/2026/01/broken-one.md")
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, "a build with a bad brief must not report success"
    lines = [ln for ln in proc.stderr.splitlines() if "broken-one.md" in ln]
    assert any(f"broken-one.md:{line}:" in ln and words in ln for ln in lines), proc.stderr
    assert all(GUIDANCE.search(ln) for ln in lines), lines
    built = "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
    assert "GOODBODY" in built, "the good brief must still be built"


def test_a_brief_that_is_not_utf8_is_named(make_project):
    needs("briefgen.site.build")
    root = _project(make_project)
    (root / "content/briefs/2026/01/latin1.md").write_bytes(GOOD.replace("bon", "b\xe9").encode("latin-1"))
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert re.search(r"latin1\.md(:\d+)?: .*UTF-8", proc.stderr), proc.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02" * 100, "\u202e\u0301".encode() * 50,
                                     b"<html><body></body></html>"])
def test_a_raw_file_that_cannot_be_ingested_is_named_and_the_rest_builds(make_project, content):
    needs("briefgen.pipeline")
    root = _project(make_project)
    (root / "content/raw").mkdir(parents=True, exist_ok=True)
    (root / "content/raw/empty-or-garbage.html").write_bytes(content)
    proc = run_cli("build", cwd=root)
    assert "Traceback" not in proc.stderr
    assert "empty-or-garbage.html" in proc.stderr, proc.stderr
    assert (root / "content/raw/empty-or-garbage.html").read_bytes() == content, "raw input modified"
    built = "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
    assert "GOODBODY" in built


def test_a_bug_prints_one_line_and_only_debug_shows_the_traceback(make_project):
    """An unexpected exception (a bug, not a user error) is one line pointing to --debug."""
    needs("briefgen.site.build")
    import subprocess

    root = _project(make_project)
    boom = ("import briefgen.site.build as b\n"
            "def build(*a, **k):\n    raise ZeroDivisionError('boom in build')\n"
            "b.build = build\nfrom briefgen.cli import main\nmain()\n")
    for debug in (False, True):
        args = [sys.executable, "-c", boom, *(["--debug"] if debug else []), "build"]
        proc = subprocess.run(args, cwd=root, env=cli_env(), capture_output=True, text=True, timeout=120,
                              check=False)
        assert proc.returncode != 0
        assert "boom in build" in proc.stderr
        assert ("Traceback" in proc.stderr) is debug, proc.stderr
        if not debug:
            assert "--debug" in proc.stderr and len(proc.stderr.strip().splitlines()) <= 3, proc.stderr


def test_warnings_and_progress_never_print_tracebacks(make_project):
    needs("briefgen.site.build")
    root = _project(make_project)
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


@pytest.mark.parametrize("template, line", [
    ('{% extends "base.html" %}\n{% block content %}\n{{ brief.title }\n{% endblock %}\n', 3),
    ('{% extends "base.html" %}\n{% block content %}\n{% for x in %}\n{% endblock %}\n', 3),
    ('{% extends "nowhere.html" %}\n', 1),
])
def test_a_broken_template_names_the_template_and_line_and_keeps_the_site(make_project, template, line):
    needs("briefgen.site.build")
    root = _project(make_project)
    run_cli("build", "--no-ingest", cwd=root, check=True)
    before = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "brief.html").write_text(template, encoding="utf-8")
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert re.search(rf"brief\.html:{line}: ", proc.stderr) or (line == 1 and "nowhere.html" in proc.stderr), \
        proc.stderr
    after = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before, "a template error must keep the previous site"


def test_a_bug_on_one_raw_file_is_one_line_and_debug_adds_its_traceback(make_project):
    """A bug while ingesting one page: that page is reported in one line, the others are ingested."""
    needs("briefgen.pipeline")
    import subprocess

    root = _project(make_project)
    sample = min((SAMPLES / "pages").glob("fr-*/dump.txt")).read_text(encoding="utf-8")
    (root / "content/raw").mkdir(parents=True, exist_ok=True)
    (root / "content/raw/boom.txt").write_text(sample, encoding="utf-8")
    (root / "content/raw/fine.txt").write_text(sample.replace("\n", "\n\n", 1), encoding="utf-8")
    boom = ("import briefgen.ingest.pipeline as p\nreal = p.ingest_raw\n"
            "def ingest_raw(raw, config=None):\n"
            "    if raw.name == 'boom.txt':\n        raise KeyError('boom in ingest')\n"
            "    return real(raw, config)\n"
            "p.ingest_raw = ingest_raw\nfrom briefgen.cli import main\nmain()\n")
    for debug in (False, True):
        args = [sys.executable, "-c", boom, *(["--debug"] if debug else []), "ingest", "--force"]
        proc = subprocess.run(args, cwd=root, env=cli_env(), capture_output=True, text=True, timeout=120,
                              check=False)
        assert proc.returncode == 1, proc.stderr
        assert re.search(r"boom\.txt: .*boom in ingest", proc.stderr), proc.stderr
        assert ("Traceback" in proc.stderr) is debug, proc.stderr
    assert [p.name for p in (root / "content/briefs").rglob("*.md") if "fine" in p.read_text("utf-8")]
