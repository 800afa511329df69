from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest

from briefgen.brief import frontmatter as fm
from briefgen.errors import BriefError
from briefgen.model import Brief, Source
from tests.conftest import ROOT

GOOD = """---
title: "Le Japon et les Etats-Unis"
date: 2026-01-16T09:41:00+01:00
lang: fr
source: {name: "20 minutes", agency: AFP}
countries: [NO, JP]
---

vendredi 16 janvier 2026

Body.
"""


def test_can_read_front_matter_and_body():
    b = fm.load(GOOD, "x.md")
    assert b.title == "Le Japon et les Etats-Unis"
    assert b.date == datetime.fromisoformat("2026-01-16T09:41:00+01:00")
    assert b.countries == ("NO", "JP")  # YAML 1.1 would read NO as false
    assert b.source == Source(name="20 minutes", agency="AFP")
    assert b.body.startswith("vendredi 16 janvier 2026")
    assert b.slug == "x"
    assert b.body_line == 9


def test_dump_is_stable_and_round_trips():
    b = fm.load(GOOD, "x.md")
    text = fm.dump(b)
    assert fm.dump(fm.load(text, "x.md")) == text
    assert "countries: ['NO', JP]" in text


@pytest.mark.parametrize("text, line, words", [
    ("no fence\n", 1, "no front matter"),
    ("---\ntitle: x\n", 1, "not closed"),
    ("---\ntitle: [x\n---\n", 3, "not valid YAML"),
    ("---\ntitle: x\nlang: fr\ndate: yesterday\n---\n", 4, "ISO 8601"),
    ("---\ntitle: x\nlang: fr\ndate: 2026-01-01\ncountries: [Japan]\n---\n", 5, "alpha-2"),
    ("---\nlang: fr\ndate: 2026-01-01\n---\n", 1, "title: missing"),
    ("---\ntitle: x\nlang: fr\ndate: 2026-01-01\nsource: {nme: y}\n---\n", 5, "unknown field"),
])
def test_errors_name_file_and_line(text, line, words):
    with pytest.raises(BriefError) as info:
        fm.load(text, "content/briefs/bad.md")
    assert info.value.path == "content/briefs/bad.md"
    assert info.value.line == line
    assert words in str(info.value)


def test_gen_corpus_briefs_load(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(tmp_path), "--count", "200"],
                   check=True, capture_output=True)
    briefs = [fm.read(p) for p in sorted(tmp_path.rglob("*.md"))]
    assert len(briefs) == 200
    assert all(b.countries and b.regions and b.themes and b.date.tzinfo for b in briefs)
    assert all(fm.load(fm.dump(b), b.path).countries == b.countries for b in briefs)


def test_same_brief_same_bytes():
    b = Brief(title="T", slug="t", lang="en", date=datetime(2026, 1, 1), body="x", countries=("US",))
    assert fm.dump(b) == fm.dump(b)
    assert "date: 2026-01-01\n" in fm.dump(b)
