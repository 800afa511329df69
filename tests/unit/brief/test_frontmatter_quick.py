"""The quick front-matter reader (frontmatter._quick_meta) reads exactly what PyYAML's BriefLoader
reads, or declines (None) and PyYAML reads the text: on every brief of the repository, on a generated
corpus, on front matters `dump` writes from random briefs, and on random hand-edited YAML lines."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.brief import frontmatter as fm
from briefgen.errors import BriefError
from briefgen.model import Brief, Image, Source
from tests.conftest import ROOT

FAILED = object()


def typed(value):
    """A value with every type spelt out: True == 1 and 1 == 1.0 in Python, not here."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def pyyaml(text: str):
    try:
        return yaml.load(text, Loader=fm.BriefLoader)
    except (yaml.YAMLError, UnicodeEncodeError):
        return FAILED


def check(text: str) -> bool:
    """The quick reader agrees with PyYAML or declines; True if it read the text."""
    quick = fm._quick_meta(text)
    if quick is None:
        return False
    expected = pyyaml(text)
    assert expected is not FAILED, f"quick read what PyYAML refuses: {text!r}"
    assert typed(quick) == typed(expected), text
    return True


def front_matter(path: Path) -> str:
    return fm.split(path.read_text(encoding="utf-8"), path)[0]


def repository_briefs() -> list[Path]:
    found = []
    for folder in ("content", "tests"):
        found += [p for p in sorted((ROOT / folder).rglob("*.md"))
                  if p.read_text(encoding="utf-8", errors="replace").startswith("---\n")]
    return found


def test_every_brief_in_the_repository_reads_the_same():
    briefs = repository_briefs()
    assert len(briefs) >= 10
    read = [p for p in briefs if check(front_matter(p))]
    # the sample content is written by briefgen: all of it takes the quick way
    assert all(p in read for p in briefs if p.is_relative_to(ROOT / "content"))
    assert len(read) >= len(briefs) // 2


def test_a_generated_corpus_reads_the_same(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(tmp_path), "--count", "400",
                    "--seed", "7"], check=True, capture_output=True)
    files = sorted(tmp_path.rglob("*.md"))
    assert len(files) == 400
    assert all(check(front_matter(p)) for p in files)
    for p in files[:50]:       # and the same briefs when written by dump
        assert check(fm.split(fm.dump(fm.read(p)))[0])


# -- briefs written by dump ----------------------------------------------------------------------

PIECES = ["a", "Z", "é", "ß", "中", "😀", " ", "  ", ":", ": ", "#", " #", "'", "''", '"', "\\", "-", "- ",
          "?", ",", ", ", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "/", ".", "~", "=", "<<",
          "0", "1", "12", "0x1", "1.5", "1e3", "1:20", ".inf", "NO", "no", "yes", "true", "True", "null", "Null",
          "\t", "\n", "\r", "\x85", "\u2028", "\x07", "\x00", "\x7f", "\ufeff", "\xa0", "\ufffe"]
texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
maybe = st.none() | texts
labels = st.lists(texts, max_size=4).map(tuple)


@st.composite
def briefs(draw) -> Brief:
    when = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=draw(st.integers(-12, 14)))))
    brief = Brief(title=draw(texts) or "t", slug="s", lang=draw(st.sampled_from(["fr", "de", "NO", "null"])),
                  date=when + timedelta(minutes=draw(st.integers(0, 10 ** 6))), body="",
                  kicker=draw(maybe), lead=draw(maybe),
                  source=Source(file=draw(maybe), url=draw(maybe), name=draw(maybe), agency=draw(maybe),
                                author=draw(maybe), files=draw(labels)),
                  image=Image(caption=draw(maybe), credit=draw(maybe), url=draw(maybe)),
                  countries=draw(labels), regions=draw(labels), themes=draw(labels),
                  key_points=draw(labels), translations=draw(labels))
    extra = draw(st.dictionaries(st.sampled_from(["custom", "note", "null", "true", "x-y"]),
                                 st.none() | texts | st.lists(texts, max_size=3) | st.booleans(), max_size=2))
    return replace(brief, extra=extra)


@settings(max_examples=300, deadline=None)
@given(briefs())
def test_front_matter_written_by_dump_reads_the_same(brief):
    check(fm.split(fm.dump(brief))[0])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\t\r\n\x85\u2028\u2029"),
                        min_size=1, max_size=20), min_size=1, max_size=5))
def test_ordinary_text_takes_the_quick_way(values):
    """Not a vacuous pass: whatever text dump writes on one line reads quickly (when dump quotes it
    with the escapes the quick reader knows), and the same as PyYAML."""
    brief = Brief(title=values[0], slug="s", lang="fr", date=datetime(2020, 1, 1), body="",
                  key_points=tuple(values), countries=("NO", "CH"))
    text = fm.split(fm.dump(brief))[0]
    quick = check(text)
    if not any(c in v for v in values for c in "\x00\x07\x1b\x7f\ufeff") and all(
            v.isprintable() for v in values):
        assert quick, text


# -- hand-edited front matter: random lines --------------------------------------------------------

KEYS = ["title", "lang", "source", "key_points", "countries", "true", "null", "x-y", "_k", "a b", "-k", "k:",
        "'k'", "1"]
SEPARATORS = [": ", ":", ":  ", ": \t", " : ", ":\t"]
VALUES = ["x", "x y", "'x'", "'x''y'", "'x' y", "'x", '"x"', '"x\\"y"', '"x\\ty"', '"\\u00e9"', '"\\ud800"',
          '"\\U0001F600"', '"\\x41"', '"\\q"', '"x" y', "[]", "[a, b]", "[a,b]", "['NO', b]", "[a, 'b''c']",
          "[a, [b]]", "[a, ]", "[ a ]", "{}", "{a: b}", "null", "~", "NO", "true", "12", "1.5", "- x", "-x",
          "x # c", "x#c", ":x", "?x", "-", "?", "--x", "-:", "-#", "x: y", "x:y", "x:", "&a x", "*a", "!!str 1", "|", ">", "'", '"', "é", "😀", ""]
INDENTS = ["", " ", "  ", "   ", "    ", "\t", "  - ", "- ", "  -", "#"]


@st.composite
def lines(draw) -> str:
    return (draw(st.sampled_from(INDENTS)) + draw(st.sampled_from(KEYS)) + draw(st.sampled_from(SEPARATORS))
            + draw(st.sampled_from(VALUES)) + draw(st.sampled_from(["", "", "", " ", " # note", "\n  x"])))


@settings(max_examples=600, deadline=None)
@given(st.lists(lines() | st.sampled_from(["", "source:", "key_points:", "  - x", "  k: v", "---", "..."]),
                min_size=1, max_size=8).map("\n".join))
@example("title: x\ntitle: y")
@example("null: x\nkey_points:\n  - a\n  - 'b'")
@example("title:  x")
@example("countries: [a,  b]")
def test_hand_edited_front_matter_reads_the_same(text):
    check(text)


# -- through load(): the same Brief or the same error ------------------------------------------------

def test_load_gives_the_same_brief_or_error_either_way(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in repository_briefs()]
    texts += ["---\ntitle: x\nlang: fr\ndate: 2026-01-01\ncountries: [Japan]\n---\n",
              "---\ntitle: x\nlang: [fr]\ndate: 2026-01-01\nsource: {nme: y}\n---\n",
              "---\ntitle: x\nlang: fr\ndate: 2026-01-01\nimage:\n  url: javascript:x\n---\n",
              "---\ntitle: ''\nlang: fr\ndate: null\nslug: A B\n---\n"]

    def outcome(text):
        try:
            return repr(fm.load(text, "content/briefs/x.md"))
        except BriefError as exc:
            return f"error {exc}"

    quick = [outcome(t) for t in texts]
    monkeypatch.setattr(fm, "_quick_meta", lambda text: None)
    assert quick == [outcome(t) for t in texts]
    assert any(o.startswith("error") for o in quick) and any(not o.startswith("error") for o in quick)


@pytest.mark.parametrize("text", ["title: x\n  more", "title: x # c", "a: [b, {c: d}]", "k: &a x\nj: *a"])
def test_what_it_does_not_know_goes_to_pyyaml(text):
    assert fm._quick_meta(text) is None


# -- split: line by line up to the fence, as the whole-text split it replaced --------------------

def split_by_lines(text: str):
    """The split before (the whole text split into lines and the body joined again)."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != fm.FENCE:
        raise BriefError("no front matter: a brief starts with a line '---'", None, 1)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (fm.FENCE, "..."):
            body = "\n".join(lines[i + 1:])
            return "\n".join(lines[1:i]), body.lstrip("\n"), i + 2 + (len(body) - len(body.lstrip("\n")))
    raise BriefError("front matter is not closed by a line '---'", None, 1)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["---", "...", "--- ", "---\t", "-- -", "\n", "\n", "\n", "a", "x: y", "\ufeff",
                                 " ", "\r", "body"]), max_size=14).map("".join))
def test_split_is_the_split_it_replaced(text):
    def outcome(fn):
        try:
            return fn(text)
        except BriefError as exc:
            return str(exc)
    assert outcome(fm.split) == outcome(split_by_lines)


def test_the_refused_characters_are_the_complement_of_the_allowed_ones():
    """`_UNQUICK_CHARS` names the characters the quick reader refuses (cheap to compile); it must match
    exactly those outside the allowed set, for every code point."""
    import re

    from briefgen.brief.frontmatter import _UNQUICK_CHARS

    allowed = re.compile("[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    text = "".join(map(chr, range(0x110000)))
    assert "".join(_UNQUICK_CHARS.findall(text)) == allowed.sub("", text)


def test_the_quick_readers_resolvers_are_the_loaders_pattern_for_pattern():
    # The quick reader types plain scalars without importing PyYAML: its copy of BriefLoader's
    # implicit resolvers must be the same table (each first character's tags, patterns and flags, in order).
    from briefgen.brief import frontmatter as fm

    def spelled(table):
        return {first: [(tag, rx.pattern, rx.flags) for tag, rx in rules] for first, rules in table.items()}

    assert spelled(fm._PLAIN_RESOLVERS) == spelled(fm.BriefLoader.yaml_implicit_resolvers)


def test_reading_a_brief_the_quick_reader_reads_imports_no_yaml():
    import subprocess
    import sys

    code = ("import sys\nfrom briefgen.brief.frontmatter import load\n"
            "b = load('---\\ntitle: T\\ndate: 2026-01-10T10:00:00+01:00\\nlang: fr\\nregions: [western-europe]\\n"
            "countries: [NO]\\n---\\n\\nBody.\\n')\n"
            "assert b.countries == ('NO',) and b.date.year == 2026\n"
            "print('yaml' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
