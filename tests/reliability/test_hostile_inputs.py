"""One hostile or unlucky input never stops the site, and no output breaks (issue 13, items 1-8).

Each test drives the real CLI in a subprocess on a small project: the bad brief or raw file is named
with its line, every other brief is built, and the exit status says something failed.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from briefgen.brief import frontmatter as fm
from briefgen.brief.render_md import render_block
from briefgen.errors import BriefError
from briefgen.model import Block
from briefgen.site import markdown
from tests.reliability.conftest import SAMPLES, needs, run_cli

GOOD = ("---\ntitle: Un bon article\ndate: 2026-01-16T09:41:00+01:00\nlang: fr\ncountries: [FR]\n"
        "regions: [western-europe]\nthemes: [politics]\n---\n\nGOODBODY texte.\n")
XML_ILLEGAL = "".join(map(chr, [*range(1, 9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF]))


def _project(make_project, *, toml: str = "", **briefs: str) -> Path:
    files = {"briefgen.toml": 'title = "Hardening"\nlocale = "fr_CH"\n' + toml,
             "content/briefs/2026/01/good.md": GOOD}
    files.update({f"content/briefs/2026/01/{name.replace('_', '-')}.md": text for name, text in briefs.items()})
    return make_project(files)


def _built_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))


def _assert_named_and_rest_built(proc, root: Path, name: str, line: int | None, words: str) -> None:
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1, f"a build with a bad brief must not report success\n{proc.stderr[-2000:]}"
    where = f"{name}:{line}: " if line else f"{name}"
    assert any(where in ln and words in ln for ln in proc.stderr.splitlines()), proc.stderr[-3000:]
    assert "GOODBODY" in _built_text(root), "the good brief must still be built"


# -- 1. dates at the edge of the calendar ------------------------------------------------------------

@pytest.mark.parametrize("key, value, zone", [
    ("date", "9999-12-31T23:59:59-12:00", "Europe/Zurich"),
    ("date", "0001-01-01T00:00:00+14:00", "Europe/Zurich"),
    ("updated", "9999-12-31T23:59:59-12:00", "Europe/Zurich"),
    ("updated", "0001-01-01T00:00:00+14:00", "America/New_York"),
    ("date", "9999-12-31", "Pacific/Kiritimati"),
    ("date", "0001-01-01T00:00:00", "Pacific/Pago_Pago"),
])
def test_a_date_at_the_edge_of_the_calendar_is_an_error_for_that_brief(make_project, key, value, zone):
    needs("briefgen.site.build")
    bad = GOOD.replace("GOODBODY", "EDGE")
    bad = bad.replace("date: 2026-01-16T09:41:00+01:00", f"date: {value}") if key == "date" else \
        bad.replace("lang: fr", f"lang: fr\nupdated: {value}")
    root = _project(make_project, toml=f'timezone = "{zone}"\n', edge=bad)
    proc = run_cli("build", "--no-ingest", cwd=root)
    _assert_named_and_rest_built(proc, root, "edge.md", 3 if key == "date" else 5, key)


def test_the_site_time_zone_never_overflows_a_cached_brief(make_project, tmp_path):
    """Second line of defence: an edge date already in the brief cache (read by an older briefgen)
    is still an error for that brief, not an OverflowError for the site."""
    needs("briefgen.site.build")
    from datetime import datetime, timedelta, timezone
    from zoneinfo import ZoneInfo

    from briefgen.site import content

    root = _project(make_project)
    path = root / "content/briefs/2026/01/good.md"
    brief = fm.read(path)
    edge = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(-timedelta(hours=12)))
    cache = content.BriefCache(tmp_path / "cache", 50)
    st = path.stat()
    files = [(str(path), st.st_mtime_ns, st.st_size)]
    items, errors, _ = content.load_items(files, cache, ZoneInfo("Europe/Zurich"), 50)
    assert len(items) == 1 and errors == []
    # The cache entry as an older briefgen could have left it: the brief's date swapped for the edge
    # date, whatever the entry's layout (its mtime and size still match the file, so it is used).
    entry = cache.entries[str(path)]
    assert brief.date in entry
    cache.put(str(path), *(edge if field == brief.date else field for field in entry))
    content._ITEMS.clear()     # no Item remembered from the first load
    items, errors, _ = content.load_items(files, cache, ZoneInfo("Europe/Zurich"), 50)
    assert items == [] and len(errors) == 1 and "good.md" in str(errors[0]) and "date" in str(errors[0])


# -- 2. YAML aliases ------------------------------------------------------------------------------

def _alias_bomb(depth: int, key: str = "source") -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
              f"*a{i - 1}, *a{i - 1}]" for i in range(1, depth)]
    front = "\n".join(lines)
    return (f"---\ntitle: Bombe\ndate: 2026-01-16\nlang: fr\n{front}\n{key}:\n  name: *a{depth - 1}\n---\n\n"
            "Corps.\n")


@pytest.mark.parametrize("depth", [2, 4])
def test_front_matter_refuses_yaml_aliases(depth):
    started = time.monotonic()
    with pytest.raises(BriefError) as err:
        fm.load(_alias_bomb(depth), "bomb.md")
    assert "alias" in err.value.message and err.value.line == 6, err.value   # line of the first alias
    assert time.monotonic() - started < 30


def test_front_matter_refuses_an_alias_to_a_plain_value():
    with pytest.raises(BriefError) as err:
        fm.load("---\ntitle: &t Titre\nkicker: *t\ndate: 2026-01-16\nlang: fr\n---\n\nCorps.\n", "x.md")
    assert err.value.line == 3 and "alias" in err.value.message


@pytest.mark.parametrize("key", ["source", "image"])
def test_a_nine_deep_alias_bomb_is_one_error_and_the_rest_builds(make_project, key):
    needs("briefgen.site.build")
    root = _project(make_project, bomb=_alias_bomb(9, key))
    assert len(_alias_bomb(9, key).encode()) < 1024
    proc = run_cli("build", "--no-ingest", cwd=root, timeout=120)
    _assert_named_and_rest_built(proc, root, "bomb.md", 6, "alias")
    cache = root / ".briefgen-cache"
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    assert size < 5_000_000, f"the cache grew to {size} bytes"


# -- 3 and 7. raw file names: not UTF-8, or holding terminal escapes ------------------------------

def _sample_dump() -> bytes:
    return min((SAMPLES / "pages").glob("fr-*/dump.txt")).read_bytes()


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_raw_file_name_that_is_not_utf8_is_ingested_and_reported(make_project):
    needs("briefgen.pipeline")
    root = _project(make_project)
    raw = root / "content" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with open(bytes(raw) + b"/caf\xe9-d\xfcmp.txt", "wb") as fh:
        fh.write(_sample_dump())
    for attempt in range(2):   # the second build must not fail the same way
        proc = run_cli("build", cwd=root)
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-3000:]
        assert proc.returncode == 0, (attempt, proc.stderr[-3000:])
        report = (root / "content/briefs/_ingest-report.txt").read_bytes().decode("utf-8")   # UTF-8, readable
        assert report.startswith("ingest: 1 written" if attempt == 0 else "ingest: 0 written, 1 unchanged"), report
    briefs = [fm.read(p) for p in (root / "content/briefs").rglob("*.md")]
    assert len(briefs) == 2, [b.slug for b in briefs]
    assert "caf\\xe9-d\\xfcmp.txt" in {b.source.file for b in briefs}
    assert "GOODBODY" in _built_text(root)


ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[31m\x9b\r"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse some of these names")
def test_file_names_with_terminal_escapes_are_printed_escaped(make_project):
    needs("briefgen.pipeline")
    root = _project(make_project)
    raw = root / "content" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / f"evil{ESCAPES}.html").write_bytes(b"<html><body></body></html>")     # fails: named
    (raw / f"fine{ESCAPES}.txt").write_bytes(_sample_dump())                       # ingested: listed
    (root / f"content/briefs/2026/01/bad{ESCAPES}.md").write_text("no front matter\n", encoding="utf-8")
    proc = run_cli("build", cwd=root)
    assert proc.returncode == 1
    out = proc.stderr + proc.stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out), repr(out[-2000:])
    assert "evil\\x1b[2J" in out and "bad\\x1b[2J" in out, out[-2000:]
    report = (root / "content/briefs/_ingest-report.txt").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", report), repr(report)
    assert "evil\\x1b[2J" in report, report
    made = [p for p in (root / "content/briefs").rglob("*.md") if not p.name.startswith("bad")]
    # The brief names its source as it is (YAML writes the controls as escapes, never raw).
    assert f"fine{ESCAPES}.txt" in {fm.read(p).source.file for p in made}
    assert not any(re.search(r"[\x1b\x07\x9b]", p.read_text(encoding="utf-8")) for p in made)


def test_terminal_safe_names_escape_controls_and_undecodable_bytes():
    from briefgen.errors import BriefgenError, printable

    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert printable("a\x1b[2Jb\x07\x9b\u202ec") == "a\\x1b[2Jb\\x07\\x9b\\u202ec"
    assert printable("Zürich — ok.md") == "Zürich — ok.md"
    assert str(BriefgenError("bad", "x\x1b[2J.md", 3)) == "x\\x1b[2J.md:3: bad"


# -- 4. a cap on labels per brief ---------------------------------------------------------------------

def test_a_brief_with_hundreds_of_labels_is_capped_with_an_error(make_project):
    needs("briefgen.site.build")
    regions = ", ".join(f"r{i:03d}" for i in range(300))
    themes = ", ".join(f"t{i:03d}" for i in range(300))
    countries = ", ".join(f"{a}{b}" for a in "ABCDEFGHIJKLM" for b in "ABCDEFGHIJKLMNOPQRSTUVW")
    many = GOOD.replace("GOODBODY", "MANY").replace("regions: [western-europe]", f"regions: [{regions}]") \
        .replace("themes: [politics]", f"themes: [{themes}]").replace("countries: [FR]", f"countries: [{countries}]")
    root = _project(make_project, many=many)
    proc = run_cli("build", "--no-ingest", cwd=root)
    _assert_named_and_rest_built(proc, root, "many.md", None, "at most")
    for key, line in (("countries", 5), ("regions", 6), ("themes", 7)):
        assert f"many.md:{line}: {key}: " in proc.stderr, proc.stderr[-3000:]
    assert "MANY" in _built_text(root), "the brief is still published, with its first labels"
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
    assert pages < 2000, f"{pages} pages from one brief"


# -- 5. XML-illegal characters ----------------------------------------------------------------------

def _every_xml_file_parses(site: Path) -> list[Path]:
    docs = sorted(site.rglob("*.xml"))
    assert docs
    for doc in docs:
        lxml.etree.parse(str(doc))   # raises on any character XML 1.0 forbids
    return docs


@pytest.mark.parametrize("how", ["raw", "reference"])
def test_xml_illegal_characters_never_reach_a_feed_or_the_sitemap(make_project, how):
    needs("briefgen.site.build")
    chars = XML_ILLEGAL if how == "raw" else "".join(f"&#{ord(c)};&#x{ord(c):x};" for c in XML_ILLEGAL)
    yaml_chars = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in XML_ILLEGAL)
    quoted = f'"T{yaml_chars}"' if how == "raw" else f"'T{chars}'"
    bad = (f"---\ntitle: {quoted}\nlead: {quoted}\ndate: 2026-01-17T09:00:00+01:00\nlang: fr\n"
           f"source:\n  author: {quoted}\nregions: [western-europe]\nthemes: [politics]\n---\n\n"
           f"CTRLBODY {chars} fin.\n")
    root = _project(make_project, toml='[site]\nfull_text = true\n', ctrl=bad)
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    docs = _every_xml_file_parses(root / "site")
    feed = (root / "site/feed.xml").read_text(encoding="utf-8")
    assert "CTRLBODY" in feed and "<title>T" in feed
    assert any("sitemap" in d.name for d in docs)


def test_xml_illegal_characters_are_stripped_by_the_xml_filter():
    from briefgen.site.feeds import xml_text

    assert xml_text("a" + XML_ILLEGAL + "b\t\n\r\u00e9\U0001f600") == "ab\t\n\r\u00e9\U0001f600"
    assert xml_text("x&#1;y&#x1F;z&#xfffe;&#65;&#0;") == "xyz&#65;"


# -- 6. labels with a trailing newline ------------------------------------------------------------

def test_labels_with_a_trailing_newline_are_not_slugs(make_project):
    needs("briefgen.site.build")
    bad = GOOD.replace("GOODBODY", "NEWLINE").replace("regions: [western-europe]",
                                                     'regions: ["western-europe\\n"]') \
        .replace("themes: [politics]", 'themes: ["technology\\n"]')
    root = _project(make_project, newline=bad)
    proc = run_cli("build", "--no-ingest", cwd=root)
    _assert_named_and_rest_built(proc, root, "newline.md", None, "not slugs")
    site = root / "site"
    assert not [p for p in site.rglob("*") if "\n" in p.name]
    assert "\n</loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not re.search(r"<loc>[^<]*\s[^<]*</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))


# -- 8. markup-like article text stays text in the brief's Markdown -------------------------------

QUOTED = ["Use the <script>alert(1)</script> tag", "a <b>bold</b> word & <!-- note -->",
          "*stars* and _under_ and **both**", "[link](javascript:alert(1)) ![img](x.png)",
          "C:\\Users\\x and a \\<tag> already escaped", "&lt; is an entity, &amp; too, &#60; and &#x3c;",
          "`code` and ``more``", "{: .class} and {braces}", "# not a heading", "1. not a list",
          "- not a list", "--- not a rule", "> not a quote", "<https://example.org> autolink",
          "a_b_c snake_case *", "trailing hashes ##", "| a | b |", "[^1] footnote", "*[HTML]: abbr"]


@pytest.mark.parametrize("text", QUOTED)
def test_markup_like_text_reads_back_as_the_same_text(text):
    for block in (Block("paragraph", text), Block("heading", text), Block("list", items=(text,))):
        html = markdown.render(render_block(block))
        shown = lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip()
        assert shown == text, (block.kind, render_block(block), html)
        assert "<script" not in html and "<b>" not in html


def test_markup_quoted_in_an_html_page_reaches_the_brief_as_text(make_project):
    """trafilatura writes `\\<` for a quoted `<`, which Python-Markdown does not read as an escape."""
    needs("briefgen.pipeline")
    root = _project(make_project)
    prose = ("<p>The city council met on Tuesday to discuss the new budget for schools, roads and the "
             "harbour, and the debate went on well into the evening as members argued over each line.</p>")
    quote = "<p>The manual says to write &lt;b&gt;bold&lt;/b&gt; and &lt;script&gt; QUOTEDMARK with *care*.</p>"
    html = ("<!doctype html><html lang=en><head><meta charset=utf-8><title>Council argues over budget</title>"
            '<meta property="article:published_time" content="2026-01-16T09:00:00+00:00"></head><body>'
            f"<article><h1>Council argues over budget</h1>{prose * 3}{quote}{prose * 2}</article></body></html>")
    (root / "content/raw").mkdir(parents=True, exist_ok=True)
    (root / "content/raw/quoted.html").write_text(html, encoding="utf-8")
    proc = run_cli("ingest", cwd=root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    bodies = [fm.read(p).body for p in (root / "content/briefs").rglob("*.md")]
    body = next((b for b in bodies if "QUOTEDMARK" in b), None)
    if body is None:
        pytest.skip("the sample page kept none of the inserted paragraphs")
    shown = lxml.html.fragment_fromstring(markdown.render(body), create_parent="div").text_content()
    assert "write <b>bold</b> and <script> QUOTEDMARK with *care*" in shown, body
    assert "\\<" not in body


def test_markup_quoted_in_a_page_dump_reaches_the_brief_as_text(make_project):
    """The dump path: text lines are plain text, escaped when written into the brief."""
    needs("briefgen.pipeline")
    root = _project(make_project)
    lines = _sample_dump().decode("utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " Le code <b>gras</b> et <script>x</script> QUOTEDDUMP avec *soin* et [lien](x)."
    (root / "content/raw").mkdir(parents=True, exist_ok=True)
    (root / "content/raw/quoted.txt").write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("ingest", cwd=root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    body = next(b for b in (fm.read(p).body for p in (root / "content/briefs").rglob("*.md")) if "QUOTEDDUMP" in b)
    shown = lxml.html.fragment_fromstring(markdown.render(body), create_parent="div").text_content()
    assert "Le code <b>gras</b> et <script>x</script> QUOTEDDUMP avec *soin* et [lien](x)." in shown, body
