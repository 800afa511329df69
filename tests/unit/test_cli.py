"""What a new user meets on the command line (issue 14), through the real CLI in a subprocess."""
from __future__ import annotations

import pytest

from tests.reliability.conftest import run_cli

GOOD = ("---\ntitle: A good brief\ndate: 2026-01-16T09:41:00+01:00\nlang: en\n---\n\n"
        "Friday, 16 January 2026\n\nGOODBODY text.\n")


@pytest.fixture
def project(make_project):
    return make_project({"briefgen.toml": 'title = "T"\n', "content/briefs/2026/01/good.md": GOOD})


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("args", [("build",), ("serve", "--port", "0"), ("publish", "--to", "out"), ("ingest",)])
def test_project_commands_outside_a_project_stop_and_create_nothing(tmp_path, args):
    empty = tmp_path / "nowhere"
    empty.mkdir()
    proc = run_cli(*args, cwd=empty, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "not a briefgen project" in proc.stderr and "briefgen init" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _tree(empty) == [], "nothing may be created outside a project"


def test_commands_find_the_project_above_the_current_folder(project):
    sub = project / "content" / "briefs"
    proc = run_cli("build", "--no-ingest", cwd=sub)
    assert proc.returncode == 0, proc.stderr
    assert (project / "site" / "index.html").is_file()


def test_init_says_created_once(tmp_path):
    proc = run_cli("init", "mine", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    said = proc.stdout + proc.stderr
    assert said.count("created") == 1, said


def test_a_no_change_build_says_the_site_is_up_to_date(project):
    first = run_cli("build", cwd=project)
    assert first.returncode == 0 and "built " in first.stderr, first.stderr
    again = run_cli("build", cwd=project)
    assert again.returncode == 0, again.stderr
    pages = first.stderr.split("built ")[1].split()[0]
    assert f"site up to date ({pages} pages)" in again.stderr, again.stderr


def test_a_bad_raw_file_is_a_warning_the_rest_builds_and_strict_fails(project):
    (project / "content/raw").mkdir(parents=True)
    (project / "content/raw/empty.txt").write_bytes(b"")
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "empty.txt: empty file" in proc.stderr and "warning: 1 raw file could not be ingested" in proc.stderr
    assert "GOODBODY" in (project / "site/2026/01/good/index.html").read_text(encoding="utf-8")
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.returncode == 1 and "strict" in strict.stderr, strict.stderr
    (project / "briefgen.toml").write_text('title = "T"\nstrict = true\n', encoding="utf-8")
    assert run_cli("build", cwd=project).returncode == 1


def test_the_ignore_list_sets_a_raw_file_aside(project):
    (project / "content/raw/drafts").mkdir(parents=True)
    (project / "content/raw/drafts/empty.txt").write_bytes(b"")
    (project / "briefgen.toml").write_text('title = "T"\nstrict = true\n[ingest]\nignore = ["drafts/*"]\n',
                                           encoding="utf-8")
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "empty.txt" not in proc.stderr and "warning" not in proc.stderr, proc.stderr
    report = (project / "content/briefs/_ingest-report.txt").read_text(encoding="utf-8")
    assert "IGNORED" in report and "drafts/empty.txt" in report
    assert (project / "content/raw/drafts/empty.txt").exists()


def test_base_url_can_be_given_on_the_build_command_line(project):
    proc = run_cli("build", "--base-url", "https://news.example.org/b/", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "https://news.example.org/b/2026/01/good/" in (project / "site/sitemap.xml").read_text(encoding="utf-8")


def test_config_errors_print_one_per_line_with_the_line_number(project):
    (project / "briefgen.toml").write_text('title = "T"\n[site]\nper_pag = 3\nfeed_entries = 0\n', encoding="utf-8")
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2, proc.stderr
    assert errors[0].endswith("briefgen.toml:3: site.per_pag: unknown key; did you mean `per_page`?")
    assert "briefgen.toml:4: site.feed_entries" in errors[1]


def test_a_page_without_a_date_builds_with_a_warning_and_strict_fails(project):
    """A raw page with an article but no date: briefed, dated by its file, said on the terminal; --strict
    refuses it (also once briefed: the brief says date_from: file)."""
    import os

    from tests.unit.test_pipeline import NODATE_HTML, STAMP

    raw = project / "content/raw/nodate.html"
    raw.parent.mkdir(parents=True)
    raw.write_text(NODATE_HTML, encoding="utf-8")
    os.utime(raw, (STAMP, STAMP))
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "nodate.html: no publication date on the page; dated by the file's modification day 2015-02-27" \
        in proc.stderr, proc.stderr
    strict = run_cli("build", "--strict", cwd=project)
    assert strict.returncode == 1 and "nodate.html" in strict.stderr and "strict" in strict.stderr, strict.stderr


# `briefgen … build` is read by main() without importing click (~23 ms of a one-title edit's ~0.4 s
# at 10,000 briefs): it must give the build what click's parser gives it, and leave everything else
# to click.
PLAIN = [
    ["build"],
    ["-q", "-C", "proj", "build", "--no-ingest"],
    ["--quiet", "--project=proj", "build", "--clean", "--strict"],
    ["--debug", "build", "--out", "out", "--base-url", "https://example.org/x/"],
    ["build", "--out=out", "--base-url=https://example.org/"],
]
NOT_PLAIN = [
    [], ["--help"], ["build", "--help"], ["--version"], ["ingest"], ["serve", "--port", "0"],
    ["build", "-q"], ["-qC", "proj", "build"], ["-C", "proj", "-C", "other", "build"], ["-C", "build"],
    ["build", "--out"], ["build", "--out", "--clean"], ["build", "--clean=yes"], ["build", "--", "x"],
    ["build", "build"], ["build", "--out="],
]


def _clicks(argv):
    """What click's parser hands the group and `build` for `argv`."""
    import click

    from briefgen.cli import cli
    at = argv.index("build")
    with cli.make_context("briefgen", [*argv[:at], "build"], resilient_parsing=True) as ctx:
        with cli.get_command(ctx, "build").make_context("build", argv[at + 1:], parent=ctx) as bctx:
            assert isinstance(bctx, click.Context)
            return {**ctx.params, **bctx.params}


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_main_reads_a_plain_build_as_click_does(argv):
    from briefgen.cli import _plain_build

    got = _plain_build(argv)
    assert got is not None
    want = _clicks(argv)
    defaults = {"project": None, "debug": False, "quiet": False, "out": None, "clean": False, "no_ingest": False,
                "strict": None, "base_url": None}
    assert {**defaults, **got} == want


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=lambda a: " ".join(a) or "(none)")
def test_main_leaves_everything_else_to_click(argv):
    from briefgen.cli import _plain_build

    assert _plain_build(argv) is None


def test_a_build_from_the_command_line_does_not_import_click(project, tmp_path):
    import subprocess
    import sys

    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('click' in sys.modules, file=sys.stderr))\n"
              "from briefgen.cli import main\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", script, "-q", "-C", str(project), "build", "--no-ingest"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "False", proc.stderr
    assert (project / "site" / "index.html").is_file()
    # the same process ending through click (a folder option naming a file) still says what click says
    bad = subprocess.run([sys.executable, "-c", "from briefgen.cli import main\nmain()\n", "-C",
                          str(project / "briefgen.toml"), "build"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "is a file" in bad.stderr, bad.stderr
