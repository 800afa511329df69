"""Fuzzing the inputs of issue 13: calendar-edge dates, YAML aliases, control and XML-illegal
characters, file names that are not UTF-8, markup quoted in article text. Same scale as the other
fuzz files (FUZZ: 250 examples, FUZZ_SLOW: 60 where each example ingests a file).

Promises: a brief's date either loads and can be shown in any time zone, or is an error naming its
line; front matter with an alias is an error before anything is expanded; whatever text reaches a
feed or the sitemap, they parse as XML; printed and reported names hold no control character and
can be written as UTF-8; plain text written into a brief's Markdown reads back as the same text.
"""
from __future__ import annotations

import os
import re
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import lxml.etree
import lxml.html
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefgen.brief import frontmatter as fm
from briefgen.brief.render_md import render_block
from briefgen.errors import BriefError, printable
from briefgen.model import Block
from briefgen.site import markdown
from briefgen.site.feeds import xml_text
from briefgen.site.i18n import localise
from tests.reliability.hostile import (
    ALIAS_VALUES,
    EDGE_DATES,
    FUZZ,
    FUZZ_SLOW,
    NASTY_CHARS,
    NASTY_FRAGMENTS,
    hostile_text,
    total,
)

ZONES = [ZoneInfo(z) for z in ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12", "Etc/GMT-14",
                               "Europe/Zurich", "America/St_Johns")]
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# -- calendar-edge dates --------------------------------------------------------------------------

offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
any_datetime = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59),
                            timezones=st.one_of(st.none(), offsets))
date_text = st.one_of(st.sampled_from(EDGE_DATES), any_datetime.map(datetime.isoformat),
                      any_datetime.map(lambda d: d.date().isoformat()))


@FUZZ
@given(date_text, st.one_of(st.none(), date_text))
@example("9999-12-31T23:59:59-12:00", None)
@example("2026-01-16", "0001-01-01T00:00:00+14:00")
def test_a_loaded_date_can_be_shown_in_every_time_zone(date, updated):
    text = f"---\ntitle: T\nlang: fr\ndate: {date}\n" + (f"updated: {updated}\n" if updated else "") + "---\n\nB\n"
    result = total(fm.load, text, "edge.md")
    if isinstance(result, BriefError):
        assert result.line in (4, 5), result          # the line of the date that is out of range
        return
    for value in (result.date, result.updated):
        if value is None:
            continue
        for zone in ZONES:
            local = localise(value, zone)            # what the site does with every brief
            local.isoformat()
            (local.astimezone(UTC) if local.tzinfo else local).date()
        if value.tzinfo:
            value.timestamp()                          # what feeds sort by


# -- YAML aliases ---------------------------------------------------------------------------------

alias_front = st.lists(st.tuples(st.sampled_from(["title", "kicker", "source", "image", "regions", "x", "a0"]),
                                 st.one_of(st.sampled_from(ALIAS_VALUES), hostile_text)), min_size=1, max_size=10)


@FUZZ
@given(alias_front)
@example([("a0", "&a [x, x, x, x, x, x, x, x, x]"), ("x", "&b [*a, *a, *a, *a, *a, *a, *a, *a, *a]"),
          ("source", "{name: [*b, *b, *b, *b, *b, *b, *b, *b, *b]}")])
def test_front_matter_with_an_alias_is_refused_before_it_expands(pairs):
    front = "\n".join(f"{k}: {v}" for k, v in pairs)
    text = f"---\ntitle: T\nlang: fr\ndate: 2026-01-16\n{front}\n---\n\nB\n"
    started = time.monotonic()
    result = total(fm.load, text, "alias.md")
    assert time.monotonic() - started < 5, "front matter took seconds: was an alias expanded?"
    if not isinstance(result, BriefError):
        for value in (result.title, result.kicker, result.source.name, *result.regions):
            assert value is None or len(value) < 10_000


def test_no_alias_ever_reaches_a_loaded_brief():
    """Control for the fuzz above: an alias that would be harmless is refused all the same."""
    with pytest.raises(BriefError, match="alias"):
        fm.load("---\ntitle: &t T\nkicker: *t\nlang: fr\ndate: 2026-01-16\n---\n", "a.md")


# -- XML-illegal and control characters ------------------------------------------------------------

xml_hostile = st.lists(st.one_of(st.characters(exclude_categories=()), st.sampled_from(NASTY_CHARS),
                                 st.sampled_from(NASTY_FRAGMENTS),
                                 st.integers(0, 0x10FFFF).map(lambda c: f"&#{c};"),
                                 st.integers(0, 0x10FFFF).map(lambda c: f"&#x{c:X};")), max_size=60).map("".join)


@FUZZ
@given(xml_hostile)
@example("T\x01\x0b\ufffe\uffff&#1;&#x1F;&#xFFFE;\ud800")
def test_any_text_escaped_into_a_feed_leaves_it_valid_xml(text):
    """A feed is autoescaped template output, then filtered whole by xml_text (render.py)."""
    doc = xml_text(f"<feed><title>{escape(text)}</title><content type=\"html\">{escape(text)}</content></feed>")
    tree = lxml.etree.fromstring(doc.encode("utf-8", "surrogatepass"))
    assert tree.tag == "feed"


@FUZZ
@given(xml_hostile)
def test_any_markdown_body_in_a_feed_leaves_it_valid_xml(text):
    body = markdown.render(text.encode("utf-8", "replace").decode("utf-8"))   # bodies are read as UTF-8
    doc = xml_text(f"<feed><content type=\"html\">{escape(body)}</content></feed>")
    lxml.etree.fromstring(doc.encode("utf-8"))


@FUZZ
@given(st.one_of(xml_hostile, hostile_text, st.binary(max_size=80).map(lambda b: os.fsdecode(b))))
@example("caf\udce9\x1b[2J\x9b\u202e.txt")
def test_printed_names_hold_no_control_character_and_encode_as_utf8(name):
    shown = printable(name)
    assert not UNSAFE.search(shown), repr(shown)
    shown.encode("utf-8")


# -- file names that are not UTF-8 -------------------------------------------------------------------

name_bytes = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")) \
    .filter(lambda b: not b.startswith((b".", b"_")))   # hidden and `_` files are not raw inputs


@FUZZ_SLOW
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@given(name_bytes)
@example(b"caf\xe9\x1b[2J.txt")
def test_ingesting_a_file_of_any_name_writes_a_utf8_report(tmp_path_factory, name):
    from briefgen.config import load_config
    from briefgen.pipeline import REPORT_NAME, make_briefs

    root = tmp_path_factory.mktemp("names")
    (root / "briefgen.toml").write_text('title = "Names"\nlocale = "fr_CH"\n', encoding="utf-8")
    raw = root / "content" / "raw"
    raw.mkdir(parents=True)
    with open(os.path.join(bytes(raw), name + b".txt"), "wb") as fh:
        fh.write(b"Titre\n\n2026-01-16\n\n" + b"Un paragraphe assez long pour faire un article lisible. " * 8)
    report = make_briefs(None, load_config(root))
    text = (root / "content" / "briefs" / REPORT_NAME).read_bytes().decode("utf-8")
    assert not UNSAFE.search(text), repr(text)
    assert report.written + len(report.failed) + report.unchanged == 1, report.summary()
    for brief in (root / "content" / "briefs").rglob("*.md"):
        assert fm.read(brief).source.file is not None


# -- markup quoted in article text -------------------------------------------------------------------

MARKUP = ["<", ">", "&", "&lt;", "&amp;", "&#60;", "&#x3c;", "*", "**", "_", "__", "`", "``", "[", "]", "(", ")",
          "!", "\\", "\\<", "\\*", "{", "}", "{: .x}", "#", "##", "1.", "2)", "-", "+", "=", "---", "***", "|", ":",
          "[^1]", "*[A]:", "<script>", "</b>", "<!--", "-->", "<https://a.example>", " ", "  ", "word", "é", "ß"]
plain_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.characters(min_codepoint=0x20, max_codepoint=0x24F)),
                      min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())


@FUZZ
@given(plain_text, st.sampled_from(["paragraph", "heading", "list"]))
@example("<script>alert(1)</script>", "paragraph")
@example("\\<b>", "paragraph")
@example("x ##", "heading")
@example("=", "paragraph")      # Python-Markdown has no escape for "=": "\\=" would show its backslash
@example("= =", "list")
@example("-=", "paragraph")
def test_plain_text_written_as_markdown_reads_back_as_the_same_text(text, kind):
    block = Block(kind, items=(text,)) if kind == "list" else Block(kind, text)
    html = markdown.render(render_block(block))
    shown = lxml.html.fragment_fromstring(html, create_parent="div").text_content() if html.strip() else ""
    assert " ".join(shown.split()) == " ".join(text.split()), (render_block(block), html)
