"""Fuzzing the code that reads what a person or the web hands us, before any stage runs:
the front matter reader, slugify, the config loader and the ingest state file.

Promise: arbitrary text, bytes and Unicode never crash them: each returns a result or raises a
BriefgenError subclass naming the file.
"""
from __future__ import annotations

import time
from dataclasses import replace

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefgen.brief import frontmatter as fm
from briefgen.brief import slug as slugmod
from briefgen.brief.state import STATE_NAME, IngestState
from briefgen.config import load_config
from briefgen.errors import BriefError, ConfigError
from tests.reliability.hostile import BIG_LINE, FUZZ, FUZZ_SLOW, hostile_bytes, hostile_text, total

KEYS = list(fm.KEY_ORDER) + ["extra", "1", "null", "? [a]", "<<", "*x"]
YAML_VALUES = ["", "null", "~", "[", "]", "{", "{a: 1}", "[NO, YES, 'x']", "&x [1]", "*x", "!!binary aGk=",
               "!!set {a}", "!!python/object:os.system x", "|\n  block", ">-\n  folded", "2026-01-16",
               "2026-01-16T09:41:00+01:00", "2026-13-45", "1e999", "-.inf", "0x1F", "'unterminated",
               '"\\ud800"', '"\\x00"', "{1: a, b: c}", "[[[]]]", "{fr: 1, 2: x}"]
field_value = st.one_of(st.sampled_from(YAML_VALUES), hostile_text)
brief_shaped = st.builds(
    lambda pairs, body, fence: fence + "\n" + "\n".join(f"{k}: {v}" for k, v in pairs) + "\n---\n" + body,
    st.lists(st.tuples(st.sampled_from(KEYS), field_value), max_size=12), hostile_text,
    st.sampled_from(["---", "---\r", "\ufeff---", "--- ", "--"]))
VALID = ("---\ntitle: Hostile\nlang: fr\ndate: 2026-01-16T09:41:00+01:00\nslug: hostile\n"
         "countries: [NO, CH]\n---\n\nBody.\n")


@FUZZ
@given(hostile_text)
@example("---\ntitle: a\ud800b\nlang: fr\ndate: 2026-01-01\n---\n")           # lone surrogate in YAML
@example("---\ntitle: a\nlang: fr\ndate: 2026-01-01\nsource: {1: a, b: c}\n---\n")  # mixed key types
def test_front_matter_reader_never_crashes_on_any_text(text):
    total(fm.load, text, "hostile.md")


@FUZZ
@given(brief_shaped)
def test_front_matter_reader_never_crashes_on_brief_shaped_text(text):
    result = total(fm.load, text, "hostile.md")
    if isinstance(result, BriefError):
        assert result.path == "hostile.md" and result.line is not None and result.line >= 1


@FUZZ
@given(hostile_bytes)
def test_reading_a_brief_file_of_any_bytes_never_crashes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("b") / "x.md"
    path.write_bytes(data)
    result = total(fm.read, path)
    if isinstance(result, BriefError):
        assert str(path) in str(result)


@FUZZ
@given(title=hostile_text, kicker=hostile_text, body=hostile_text, key_point=hostile_text)
def test_a_loaded_brief_dumps_and_reloads_to_the_same_brief(title, kicker, body, key_point):
    """Whatever survives load() must survive dump() -> load() unchanged: ingest writes briefs with
    dump(), so text that does not round-trip would be silently altered on disk."""
    base = fm.load(VALID, "hostile.md")
    if "\ud800" <= max(title + kicker + key_point, default="a"):  # surrogates can't be written as UTF-8
        title, kicker, key_point = (s.encode("utf-8", "replace").decode() for s in (title, kicker, key_point))
    try:
        brief = replace(base, title=title.strip() or "t", kicker=kicker or None,
                        key_points=(key_point,) if key_point else (),
                        body=body.encode("utf-8", "replace").decode())
        text = fm.dump(brief)
    except BriefError:
        return
    again = total(fm.load, text, "hostile.md")
    if isinstance(again, BriefError):
        pytest.fail(f"dump() wrote a brief that load() rejects: {again}\n{text!r}")
    assert again.title == brief.title.strip()
    assert again.kicker == brief.kicker
    assert again.key_points == brief.key_points
    assert again.body.strip("\n") == brief.body.strip("\n")
    assert fm.dump(again) == text


@pytest.mark.parametrize("where", ["title", "body"])
def test_front_matter_reader_handles_a_10_mb_line(where):
    text = VALID.replace("title: Hostile", f"title: '{BIG_LINE}'") if where == "title" else VALID + BIG_LINE
    start = time.monotonic()
    result = total(fm.load, text, "big.md")
    assert time.monotonic() - start < 20
    if where == "body":
        assert not isinstance(result, BriefError) and result.body.endswith(BIG_LINE)


@pytest.mark.parametrize("value", ["abc\\n", "fr\\n", "../x", "/etc/passwd", "a/b", "con\\u0000", "x" * 200])
def test_front_matter_rejects_slugs_that_are_not_one_plain_name(value):
    text = VALID.replace("slug: hostile", f'slug: "{value}"')
    with pytest.raises(BriefError, match="slug"):
        fm.load(text, "hostile.md")


def test_front_matter_rejects_a_language_or_country_with_a_trailing_newline():
    with pytest.raises(BriefError, match="lang"):
        fm.load(VALID.replace("lang: fr", 'lang: "fr\\n"'), "hostile.md")
    with pytest.raises(BriefError, match="countries"):
        fm.load(VALID.replace("[NO, CH]", '[NO, "CH\\n"]'), "hostile.md")


@FUZZ
@given(hostile_text)
@example("../../etc/passwd")
@example("CON")
@example(".git")
@example("\ud800")
@example("")
def test_slugify_always_gives_one_safe_file_name(text):
    s = slugmod.slugify(text)
    assert s == slugmod.slugify(text)
    assert fm._SLUG_RE.fullmatch(s), s
    assert ".." not in s and "/" not in s and "\\" not in s
    assert s not in slugmod._RESERVED
    assert len(s) <= slugmod.MAX_LEN + len("-brief")


def test_slugify_keeps_long_titles_within_file_name_limits():
    s = slugmod.slugify("Très long titre " * 500)
    assert len(s.encode()) <= 100


@FUZZ_SLOW
@given(hostile_bytes)
@example(b'title = "x"\n[paths]\noutput = "\x00"\n')
@example(b"locales = [1, {a = 1}]\n")
@example(b"[site]\nper_page = 1e999\n")
@example(b"timezone = \"../../../etc/passwd\"\n")
def test_config_loader_never_crashes_on_any_bytes(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("cfg")
    (root / "briefgen.toml").write_bytes(data)
    result = total(load_config, root)
    if isinstance(result, ConfigError):
        assert "briefgen.toml" in str(result)


@FUZZ_SLOW
@given(st.dictionaries(st.sampled_from(["title", "locale", "locales", "timezone", "base_url", "paths", "site",
                                        "serve", "bogus"]),
                       st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text),
                                    lambda c: st.lists(c, max_size=3) | st.dictionaries(hostile_text, c, max_size=3),
                                    max_leaves=6), max_size=5))
def test_config_loader_never_crashes_on_any_values(tmp_path_factory, overrides):
    root = tmp_path_factory.mktemp("cfg")
    total(load_config, root, overrides)


@FUZZ
@given(hostile_bytes | st.sampled_from([b"[]", b"null", b"1", b'"x"', b'{"briefs": []}', b'{"briefs": {"a": 1}}',
                                        b'{"briefs": {"a": {"raw": 1, "zzz": 2}}}', b'{"briefs": null}']))
def test_state_file_of_any_bytes_loads_as_empty_or_valid(tmp_path_factory, data):
    """The state file is a cache: damaged, it must count as absent (README), never crash a build."""
    folder = tmp_path_factory.mktemp("briefs")
    (folder / STATE_NAME).write_bytes(data)
    state = IngestState.load(folder)
    assert isinstance(state.entries, dict)
    state.save()
    assert IngestState.load(folder).entries.keys() == state.entries.keys()


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\ud800"])
def test_front_matter_error_for_a_bad_character_names_its_line(bad):
    text = VALID.replace("lang: fr", f"lang: fr\nkicker: a{bad}b")
    with pytest.raises(BriefError) as info:
        fm.load(text, "hostile.md")
    assert info.value.line == 4 and str(info.value).startswith("hostile.md:4: ")  # the kicker line
