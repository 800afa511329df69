"""Hostile input shared by the reliability tests: Hypothesis strategies and a few fixed nasties.

Why a module and not fixtures: strategies are values that `@given` needs at import time.
"""
from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError

# Characters that break naive text code: bidi overrides and marks, combining marks, emoji with
# joiners, NUL and other C0/C1 controls, lone surrogates, BOM, Unicode line separators, dotted I.
NASTY_CHARS = ["\u202e", "\u202d", "\u200f", "\u061c", "\u0301", "\u0336", "\u0000", "\x1b", "\x7f",
               "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\ud800", "\udfff", "\U0001f600",
               "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\u0130", "\u00df", "\r", "\r\n", "\t",
               "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\U000e0001",
               # case-folding traps: long s and Kelvin sign match 's'/'k' under re.I; ligature; Arabic digits
               "\u017f", "\u212a", "\ufb01", "\u0660\u0661",
               # characters XML 1.0 forbids (issue 13): C0 controls, U+FFFF; terminal escapes; a byte of a
               # file name that is not UTF-8, as Python keeps it (surrogateescape)
               "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\uffff", "\x9b", "\x1b[2J", "\x1b]0;t\x07", "\udce9"]
# Markup-looking fragments, so fuzzed text also reaches the code paths that parse structure.
NASTY_FRAGMENTS = ["---", "...", "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "]]>", "{{ 7*7 }}",
                   "{% raw %}", "&amp;", "&#0;", "&#xD800;", "\n\n", ": ", "- ", "[x](javascript:alert(1))",
                   "date ", "2026-01-16", "16.01.2026", "16 janvier 2026", "<html>", "</p>", "<meta charset=",
                   "*a", "&a ", "!!binary", "? ", "|\n", "'", '"', "\\", "%YAML 1.1\n", "\u00a0",
                   "&#1;", "&#x1F;", "&#xFFFF;", "\\<", "\\*", "`", "_", "[^1]", "{: .x}"]
# Dates at the edges of the calendar (issue 13): converted to a time zone they would leave it.
EDGE_DATES = ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "9999-12-31", "0001-01-01",
              "9999-12-31T23:59:59", "0001-01-01T00:00:00", "9999-12-30T23:59:59-23:59", "0001-01-02T00:00:00+23:59",
              "9999-12-31T12:00:00Z", "0001-01-01T12:00:00Z", "9999-12-30", "0001-01-02"]
# YAML anchors and aliases (issue 13): nested, an alias bomb expands a few hundred bytes to gigabytes.
ALIAS_VALUES = ["&a x", "*a", "&a [1, 2]", "[*a, *a, *a]", "&b [*a, *a]", "{k: *a}", "&a {x: 1}", "<<: *a",
                "!!python/name:os.system", "&a &b x"]

# Any code point, surrogates included (Hypothesis leaves category Cs out unless told).
any_char = st.characters(exclude_categories=())
hostile_text = st.lists(st.one_of(any_char, st.sampled_from(NASTY_CHARS), st.sampled_from(NASTY_FRAGMENTS)),
                        max_size=60).map("".join)
hostile_bytes = st.one_of(
    st.binary(max_size=400),
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda t: t.encode("utf-16", "surrogatepass")),
    hostile_text.map(lambda t: t.encode("latin-1", "replace")),
)

# Bounded so the whole fuzz file stays in seconds on 2 shared cores; deadline off because a
# shared CI machine has noisy timing, and time limits are asserted separately where they matter.
FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BIG_LINE = ("Zürich \u202e\u0301 \U0001f600 " * (10 * 1024 * 1024 // 16))[: 10 * 1024 * 1024]  # 10 MB


def total(fn, *args, **kwargs):
    """Call fn; a result or a BriefgenError (the user-facing error tree) are both fine, anything
    else is a crash and propagates so Hypothesis shrinks it. Returns the result or the error."""
    try:
        return fn(*args, **kwargs)
    except BriefgenError as exc:
        assert str(exc), "an error must say something"
        return exc
