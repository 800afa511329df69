"""Symbolic links in the project's `static/` or templates that point outside the project are refused
when building (and so when publishing, which builds): named as an error, never copied into the site
(issue 13, item 12). Links that stay inside the project work as before.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import needs, run_cli

GOOD = ("---\ntitle: Un bon article\ndate: 2026-01-16T09:41:00+01:00\nlang: fr\ncountries: [FR]\n"
        "---\n\nGOODBODY texte.\n")
SECRET = "SECRETMARK root:x:0:0\n"


@pytest.fixture
def linked(make_project, tmp_path):
    root = make_project({"briefgen.toml": 'title = "Links"\nlocale = "fr_CH"\n',
                         "content/briefs/2026/01/good.md": GOOD, "content/logo.txt": "INSIDEMARK\n",
                         "static/plain.txt": "PLAINMARK\n"})
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "dir" / "secret.css").write_text("/* " + SECRET + " */", encoding="utf-8")
    (outside / "brief.html").write_text("{% extends \"!theme/brief.html\" %}{% block content %}" + SECRET
                                        + "{% endblock %}", encoding="utf-8")
    return root, outside


def _site_bytes(site: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file())


def _asset(site: Path, stem: str) -> str:
    """A static file's text, under its plain or content-hashed name (logo.txt, logo.3f2a9c1d.txt)."""
    found = sorted((site / "static").glob(f"{stem}.*txt"))
    assert found, sorted(p.name for p in (site / "static").iterdir())
    return found[0].read_text(encoding="utf-8")


def _build(root: Path):
    needs("briefgen.site.build")
    return run_cli("build", "--no-ingest", cwd=root)


def test_a_static_file_linking_out_of_the_project_is_refused(linked):
    root, outside = linked
    (root / "static" / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "static" / "styles").symlink_to(outside / "dir", target_is_directory=True)
    (root / "static" / "logo.txt").symlink_to(root / "content" / "logo.txt")   # stays inside: fine
    proc = _build(root)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert any("passwd.txt" in ln and "outside the project" in ln for ln in proc.stderr.splitlines()), proc.stderr
    site = root / "site"
    assert b"SECRETMARK" not in _site_bytes(site)
    assert not list((site / "static").glob("passwd*"))
    assert _asset(site, "logo") == "INSIDEMARK\n"
    assert _asset(site, "plain") == "PLAINMARK\n"
    assert "GOODBODY" in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    again = _build(root)                       # a rebuild with nothing changed still says so
    assert again.returncode == 1 and "passwd.txt" in again.stderr, again.stderr[-2000:]


def test_a_static_folder_that_is_a_link_out_of_the_project_is_refused(linked):
    root, outside = linked
    (root / "static" / "plain.txt").unlink()
    (root / "static").rmdir()
    (root / "static").symlink_to(outside, target_is_directory=True)
    proc = _build(root)
    assert proc.returncode == 1 and "outside the project" in proc.stderr, proc.stderr[-3000:]
    assert b"SECRETMARK" not in _site_bytes(root / "site")


def test_a_template_linking_out_of_the_project_is_refused(linked):
    root, outside = linked
    (root / "templates").mkdir()
    (root / "templates" / "brief.html").symlink_to(outside / "brief.html")
    proc = _build(root)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert any("brief.html" in ln and "outside the project" in ln for ln in proc.stderr.splitlines()), proc.stderr
    assert b"SECRETMARK" not in _site_bytes(root / "site")


def test_a_theme_asset_linking_out_of_the_project_is_refused(linked):
    root, outside = linked
    (root / "templates" / "static").mkdir(parents=True)
    (root / "templates" / "static" / "extra.css").symlink_to(outside / "dir" / "secret.css")
    proc = _build(root)
    assert proc.returncode == 1 and "extra.css" in proc.stderr, proc.stderr[-3000:]
    assert b"SECRETMARK" not in _site_bytes(root / "site")


def test_a_folder_configured_outside_the_project_on_purpose_is_used(linked, tmp_path):
    """Not a link: `[paths] static = "../shared-static"` is the user's choice and is published."""
    root, _ = linked
    shared = tmp_path / "shared-static"
    shared.mkdir()
    (shared / "shared.txt").write_text("SHAREDMARK\n", encoding="utf-8")
    (root / "briefgen.toml").write_text('title = "Links"\nlocale = "fr_CH"\n[paths]\nstatic = "../shared-static"\n',
                                        encoding="utf-8")
    proc = _build(root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _asset(root / "site", "shared") == "SHAREDMARK\n"


def test_a_broken_link_in_static_is_named_and_the_rest_builds(linked):
    root, outside = linked
    (root / "static" / "gone.txt").symlink_to(root / "content" / "nowhere.txt")
    proc = _build(root)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1 and "gone.txt" in proc.stderr, proc.stderr[-3000:]
    assert _asset(root / "site", "plain") == "PLAINMARK\n"
