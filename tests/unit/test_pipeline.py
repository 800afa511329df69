from __future__ import annotations

import subprocess
import sys

import pytest

from briefgen.brief.frontmatter import read
from briefgen.config import load_config
from briefgen.pipeline import REPORT_NAME, make_briefs
from tests.conftest import ROOT, SAMPLES

SAMPLE = (SAMPLES / "raw" / "20min-fr-japon-etats-unis.txt").read_text(encoding="utf-8")
SLUG = "le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire"
BRIEF = f"2026/01/{SLUG}.md"
# Another article under the same headline (the same article saved twice would make one brief), on the same
# subject as the standfirst it keeps (text above an article that shares none of its words is cut).
SECOND = SAMPLE.split("AFP Agence France-Presse")[0] + "AFP Agence France-Presse\n\n" + (
    "Le Japon et les Etats-Unis ont tenu samedi au port de Yokohama une exposition consacrée à leur "
    "coopération militaire, où Tokyo et Washington présentent les missiles de leur production conjointe face "
    "à la pression chinoise, et qui attire chaque année des milliers de familles de la région du Kanto.\n\n"
    "Les organisateurs ont expliqué que les visiteurs pourront monter à bord de plusieurs navires "
    "restaurés par des bénévoles, et assister à des démonstrations de navigation à voile.\n\n"
    "La ville prévoit de prolonger l'événement d'une semaine si la météo reste favorable, selon un "
    "communiqué publié par la mairie en fin de journée.\n")
MD_BRIEF = "---\ntitle: Écrit à la main\ndate: 2026-01-10\nlang: fr\n---\n\nsamedi 10 janvier 2026\n\nTexte.\n"


@pytest.fixture
def project(make_project):
    return make_project({"briefgen.toml": 'title = "Test"\n', "content/raw/20min.txt": SAMPLE})


def run(root, paths=None, **kw):
    return make_briefs(paths, load_config(root), **kw)


def test_can_ingest_the_raw_folder_into_briefs(project):
    report = run(project)
    assert (report.written, report.unchanged, report.failed) == (1, 0, [])
    brief = read(project / "content/briefs" / BRIEF)
    assert brief.lang == "fr" and brief.source.file == "20min.txt" and brief.date.year == 2026
    assert report.briefs == [project / "content/briefs" / BRIEF]
    assert "1 written" in (project / "content/briefs" / REPORT_NAME).read_text()


def test_reingesting_unchanged_input_does_nothing(project):
    run(project)
    before = (project / "content/briefs" / BRIEF).stat().st_mtime_ns
    report = run(project)
    assert (report.written, report.unchanged) == (0, 1)
    assert (project / "content/briefs" / BRIEF).stat().st_mtime_ns == before


def test_a_changed_raw_file_updates_its_brief(project):
    run(project)
    raw = project / "content/raw/20min.txt"
    raw.write_text(SAMPLE.replace("Pete Hegseth a salué", "Pete Hegseth a vivement salué"), encoding="utf-8")
    report = run(project)
    assert report.written == 1 and "vivement salué" in (project / "content/briefs" / BRIEF).read_text()


def test_a_hand_edited_brief_is_kept_and_the_new_version_written_beside_it(project):
    run(project)
    brief = project / "content/briefs" / BRIEF
    brief.write_text(brief.read_text().replace("Tokyo et Washington se", "Tokyo et Washington (édité) se"))
    edited = brief.read_bytes()
    (project / "content/raw/20min.txt").write_text(SAMPLE + "\n", encoding="utf-8")
    report = run(project)
    assert report.kept_edited == 1 and brief.read_bytes() == edited
    assert brief.with_name(brief.name + ".new").exists()
    assert "KEPT" in (project / "content/briefs" / REPORT_NAME).read_text()
    report = run(project, force=True)
    assert report.written == 1 and b"(\xc3\xa9dit\xc3\xa9)" not in brief.read_bytes()


def test_same_input_gives_the_same_bytes(project, tmp_path):
    run(project, out=tmp_path / "a")
    run(project, out=tmp_path / "b")
    assert (tmp_path / "a" / BRIEF).read_bytes() == (tmp_path / "b" / BRIEF).read_bytes()


def test_two_inputs_with_one_slug_get_numbered_by_path_order(project):
    (project / "content/raw/zz-copy.txt").write_text(SECOND)
    report = run(project)
    assert report.written == 2
    second = read(project / "content/briefs" / BRIEF.replace(".md", "-2.md"))
    assert second.source.file == "zz-copy.txt"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("menu.txt", "date 2026-01-16\nAccueil\nSport\nMétéo\nContact\n".encode(), "no recognisable article"),
    ("future.txt", SAMPLE.replace("date 2026-01-16", "date 2036-01-16").replace("il y a 36 minutes",
                                                                                  "le 16.01.2036").encode(),
     "future"),
    ("impossible.txt", SAMPLE.replace("date 2026-01-16", "date 2026-02-30").encode(), "not a date"),
    ("bad.md", b"---\ntitle: x\n---\nno date\n", "date"),
    ("latin1.txt", SAMPLE.replace("date 2026-01-16", "date 2026-13-01").encode("cp1252", "replace"), "not a date"),
])
def test_bad_input_is_reported_and_the_rest_still_ingests(project, name, content, message):
    bad = project / "content/raw" / name
    bad.write_bytes(content)
    report = run(project)
    assert report.written == 1
    assert len(report.failed) == 1 and report.failed[0][0].endswith(name) and message in report.failed[0][1]
    assert "\n" not in report.failed[0][1]
    assert bad.read_bytes() == content      # raw files are never modified
    assert f"FAILED {bad}" in (project / "content/briefs" / REPORT_NAME).read_text()


def test_a_huge_file_is_refused(project):
    with (project / "content/raw/huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    report = run(project)
    assert report.written == 1 and "too large" in report.failed[0][1]


def test_a_markdown_brief_passes_through_validated(project):
    (project / "content/raw/mine.md").write_text(MD_BRIEF, encoding="utf-8")
    report = run(project)
    assert report.written == 2 and not report.failed
    assert (project / "content/briefs/2026/01/mine.md").read_text(encoding="utf-8") == MD_BRIEF


def test_can_ingest_given_paths_into_another_folder(project, tmp_path):
    report = run(project, [project / "content/raw/20min.txt"], out=tmp_path / "out")
    assert report.written == 1 and (tmp_path / "out" / BRIEF).exists()
    report = run(project, [tmp_path / "missing.txt"], out=tmp_path / "out")
    assert report.failed and "no such file" in report.failed[0][1]


def test_cli_ingest_exits_1_on_a_bad_file_and_names_it(project):
    (project / "content/raw/empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", "-C", str(project), "ingest"],
                          capture_output=True, text=True, cwd=ROOT,
                          env={"BRIEFGEN_NO_PROGRESS": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1, proc.stderr
    assert "empty.txt: empty file" in proc.stderr
    assert (project / "content/briefs" / BRIEF).exists()


def test_a_brief_already_in_the_briefs_folder_is_only_validated(project):
    run(project)
    brief = project / "content/briefs" / BRIEF
    before = sorted(p.name for p in brief.parent.iterdir())
    report = run(project, [brief])
    assert (report.written, report.unchanged, report.failed) == (0, 1, [])
    assert sorted(p.name for p in brief.parent.iterdir()) == before


def test_the_size_limit_comes_from_the_config(make_project):
    root = make_project({"briefgen.toml": "[ingest]\nmax_file_mb = 1\n",
                         "content/raw/big.txt": SAMPLE + "x" * (2 * 1024 * 1024)})
    report = run(root)
    assert "too large" in report.failed[0][1] and "limit 1 MB" in report.failed[0][1]


def test_a_new_briefgen_remakes_briefs_but_not_edited_ones(project, monkeypatch):
    import briefgen.pipeline as pipeline

    run(project)
    (project / "content/raw/second.txt").write_text(SECOND)
    run(project)
    edited = project / "content/briefs" / BRIEF
    edited.write_text(edited.read_text() + "\nNote.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "pipeline_version", lambda: "a-newer-briefgen")
    report = run(project)
    assert (report.written, report.unchanged, report.kept_edited) == (1, 1, 0)
    assert edited.read_text().endswith("Note.\n")
    assert run(project).unchanged == 2


PAGES = ROOT / "tests" / "data" / "samples" / "pages"
CASE = PAGES / "fr-euronewsfr-2024-04-30"   # a page dump and the saved HTML page of one article


def test_the_same_article_saved_twice_makes_one_brief_listing_every_file(make_project):
    root = make_project({"briefgen.toml": 'title = "Test"\n',
                         "content/raw/a.html": (CASE / "source.html").read_bytes(),
                         "content/raw/a.txt": (CASE / "dump.txt").read_bytes(),
                         "content/raw/copy/a.txt": (CASE / "dump.txt").read_bytes(),
                         "content/raw/other.txt": SAMPLE})
    report = run(root)
    briefs = sorted((root / "content/briefs").rglob("*.md"))
    assert len(briefs) == 2, briefs
    assert report.written == 2 and len(report.same) == 2
    (merged,) = [b for b in briefs if "japon" not in b.name]
    brief = read(merged)
    assert brief.source.files == ("a.html", "a.txt", "copy/a.txt") and brief.source.file == "a.html"
    text = (root / "content/briefs" / REPORT_NAME).read_text(encoding="utf-8")
    assert text.count("SAME ") == 2 and "content/raw/a.txt: the same article as" in text
    assert "  files: [a.html, a.txt, copy/a.txt]\n" in merged.read_text(encoding="utf-8")
    # a second run reads no copy again and changes nothing
    before = merged.read_bytes()
    again = run(root)
    assert (again.written, again.unchanged, len(again.same)) == (0, 4, 2)
    assert merged.read_bytes() == before
    # the brief of a single file is written as before: no `files` key
    assert "files:" not in next(b for b in briefs if "japon" in b.name).read_text(encoding="utf-8")


def test_a_copy_added_later_joins_the_existing_brief(make_project):
    root = make_project({"briefgen.toml": 'title = "Test"\n',
                         "content/raw/a.txt": (CASE / "dump.txt").read_bytes()})
    run(root)
    (root / "content/raw/b.html").write_bytes((CASE / "source.html").read_bytes())
    report = run(root)
    briefs = sorted((root / "content/briefs").rglob("*.md"))
    assert len(briefs) == 1 and report.written == 0 and len(report.same) == 1
    assert read(briefs[0]).source.files == ("a.txt", "b.html")


def test_files_of_kinds_not_read_are_listed_once_as_skipped(make_project):
    root = make_project({"briefgen.toml": 'title = "Test"\n', "content/raw/20min.txt": SAMPLE,
                         "content/raw/scan.pdf": b"%PDF-1.4", "content/raw/letter.docx": b"PK\x03\x04",
                         "content/raw/photo.jpg": b"\xff\xd8\xff", "content/raw/.hidden.pdf": b"x"})
    report = run(root)
    assert sorted(p.rsplit("/", 1)[1] for p in report.skipped) == ["letter.docx", "photo.jpg", "scan.pdf"]
    text = (root / "content/briefs" / REPORT_NAME).read_text(encoding="utf-8")
    skipped = [ln for ln in text.splitlines() if ln.startswith("SKIPPED")]
    assert len(skipped) == 3 and all("it reads .htm, .html, .md, .txt" in ln for ln in skipped), skipped
    assert "3 skipped (not read)" in text.splitlines()[0]


# A page with an article but no date anywhere (and, for a dump, no `date` line): dated by the raw file's
# modification day, said in the brief (`date_from: file`) and the report; strict mode refuses it as before.
NODATE_DUMP = SECOND.replace(" date 2026-01-16 DE", "DE").replace("Publié: il y a 36 minutes", "Publié") \
    .replace("Dernière mise à jour: il y a 31 minutes", "")
NODATE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour festival draws record crowds | Town Gazette</title></head>
<body><div id="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></div>
<h1>Harbour festival draws record crowds</h1>
<p>The harbour festival drew more visitors this weekend than in any year since it began, the organisers said
on Sunday evening, as families queued along the quay to board the restored sailing ships.</p>
<p>Volunteers had spent the winter repairing the three oldest boats, and the town council paid for new
moorings so that the ships could stay in the harbour for the whole of the summer season.</p>
<p>The mayor thanked the volunteers in a short speech and said the council would look at making the festival
longer next year if the weather and the visitors' numbers allowed it.</p>
<div id="footer">Town Gazette, 12 Quay Street</div>
</body></html>
"""
# 2015-02-26 23:30 UTC: the 26th in New York, the 27th in Zurich and Tokyo
STAMP = 1424993400


def _undated(make_project, name, content, toml='title = "Test"\n'):
    import os

    root = make_project({"briefgen.toml": toml, f"content/raw/{name}": content})
    os.utime(root / "content/raw" / name, (STAMP, STAMP))
    return root, root / "content/raw" / name


@pytest.mark.parametrize("name, content", [("nodate.txt", NODATE_DUMP), ("nodate.html", NODATE_HTML)])
def test_a_page_without_any_date_is_dated_by_its_file_and_says_so(make_project, name, content):
    root, raw = _undated(make_project, name, content)
    report = run(root)
    assert (report.written, report.failed) == (1, []), report.failed
    brief = read(report.briefs[0])
    assert brief.date.isoformat() == "2015-02-27T00:00:00" and brief.date_from == "file"
    assert report.briefs[0].parent == root / "content/briefs/2015/02"
    assert "\ndate: 2015-02-27\nupdated: null\ndate_from: file\n" in report.briefs[0].read_text(encoding="utf-8")
    message = "no publication date on the page; dated by the file's modification day 2015-02-27"
    assert report.warnings == [(str(raw), message)]
    text = (root / "content/briefs" / REPORT_NAME).read_text(encoding="utf-8")
    assert f"WARNING {raw}: {message}" in text and "1 dated by the file" in text
    assert raw.read_text(encoding="utf-8") == content and raw.stat().st_mtime == STAMP   # raw never modified
    again = run(root)
    assert (again.written, again.unchanged, again.warnings) == (0, 1, [])


@pytest.mark.parametrize("zone, day", [("America/New_York", "2015-02-26"), ("Asia/Tokyo", "2015-02-27")])
def test_the_file_day_is_read_in_the_configured_time_zone(make_project, zone, day):
    root, _ = _undated(make_project, "nodate.html", NODATE_HTML, f'title = "T"\ntimezone = "{zone}"\n')
    report = run(root)
    assert read(report.briefs[0]).date.date().isoformat() == day


def test_without_a_config_the_file_day_is_the_machines_local_day(tmp_path):
    import os
    from datetime import datetime

    from briefgen.ingest.pipeline import ingest_file

    raw = tmp_path / "nodate.txt"
    raw.write_text(NODATE_DUMP, encoding="utf-8")
    os.utime(raw, (STAMP, STAMP))
    article = ingest_file(raw)
    assert article.date_from == "file" and article.date.date() == datetime.fromtimestamp(STAMP).date()


@pytest.mark.parametrize("name, content, message", [
    ("nodate.txt", NODATE_DUMP, "no publication date found (add a first line `date YYYY-MM-DD`)"),
    ("nodate.html", NODATE_HTML, "no publication date found in this HTML page")])
def test_strict_mode_refuses_a_page_without_a_date_as_before(make_project, name, content, message):
    root, raw = _undated(make_project, name, content, 'title = "T"\nstrict = true\n')
    report = run(root)
    assert report.written == 0 and report.failed == [(str(raw), message)] and report.warnings == []
    assert f"FAILED {raw}: {message}" in (root / "content/briefs" / REPORT_NAME).read_text(encoding="utf-8")
    assert not list((root / "content/briefs").rglob("*.md"))


def test_strict_mode_also_refuses_an_unchanged_page_briefed_before_by_its_file_day(make_project):
    root, raw = _undated(make_project, "nodate.txt", NODATE_DUMP)
    assert run(root).written == 1
    (root / "briefgen.toml").write_text('title = "T"\nstrict = true\n', encoding="utf-8")
    report = run(root)
    assert report.unchanged == 0 and len(report.failed) == 1 and report.failed[0][0] == str(raw)
    assert "no publication date on the page" in report.failed[0][1] and "strict" in report.failed[0][1]


def test_cli_ingest_warns_about_a_page_dated_by_its_file_and_strict_fails(make_project):
    root, _ = _undated(make_project, "nodate.txt", NODATE_DUMP)
    env = {"BRIEFGEN_NO_PROGRESS": "1", "PATH": "/usr/bin:/bin", "TZ": "UTC"}
    strict = subprocess.run([sys.executable, "-m", "briefgen.cli", "-C", str(root), "ingest", "--strict"],
                            check=False, capture_output=True, text=True, cwd=ROOT, env=env)
    assert strict.returncode == 1 and "nodate.txt: no publication date found" in strict.stderr, strict.stderr
    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", "-C", str(root), "ingest"],
                          check=False, capture_output=True, text=True, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "nodate.txt: no publication date on the page; dated by the file's modification day 2015-02-27" \
        in proc.stderr
