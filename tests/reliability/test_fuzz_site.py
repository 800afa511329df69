"""Fuzzing the site's last line of defence: the Markdown renderer + sanitiser and the URL filter.

Promise: whatever Markdown a brief holds (raw HTML, link tricks, attribute lists, entity-encoded
schemes, broken nesting), the HTML that reaches a page has no live payload; a source URL is kept only
when it is a plain http(s) URL.
"""
from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.reliability.hostile import FUZZ, hostile_text
from tests.reliability.test_hostile_content import _url_problem, live_markup_problems

markdown = pytest.importorskip("briefgen.site.markdown")

PAYLOADS = [
    "<script>alert('PWN1')</script>",
    "<img src=x onerror=alert('PWN2')>",
    "<svg onload=alert('PWN3')>",
    '<a href="javascript:alert(\'PWN4\')">x</a>',
    "[x](javascript:alert('PWN5'))",
    "[x](&#106;avascript:alert('PWN6'))",
    "[x]: javascript:alert('PWN7')",
    "<javascript:alert('PWN8')>",
    '![i](x" onerror="alert(\'PWN9\'))',
    '{: onclick="alert(\'PWN10\')" }',
    "{: href=javascript:alert('PWN11') }",
    '<iframe srcdoc="<script>alert(\'PWN12\')</script>">',
    "<style>*{x:expression(alert('PWN13'))}</style>",
    '<div style="background:url(javascript:alert(\'PWN14\'))">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('PWN15')>",
    "<!--<img src=x onerror=alert('PWN16')>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(\'PWN17\')>">',
    '<base href="javascript:alert(\'PWN18\')//">',
    '<form action="javascript:alert(\'PWN19\')"><button>x</button></form>',
    '<object data="data:text/html,<script>alert(\'PWN20\')</script>">',
    "<details open ontoggle=alert('PWN21')>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnUFdOJyk8L3NjcmlwdD4=">PWN22</a>',
]
SYNTAX = ["\n\n", "\n", "# ", "## ", "- ", "1. ", "> ", "    ", "```\n", "`", "*", "_", "[", "]", "(", ")", "![",
          "{: ", " }", "<div markdown=\"1\">", "</div>", "| a | b |\n|---|---|\n", ": ", "[^1]", "[^1]: ", "***",
          "<", ">", "&", "&#x3C;", "\"", "'", "&colon;", "java\tscript:", "\x00"]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
hostile_markdown = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.sampled_from(SYNTAX), hostile_text),
                            max_size=30).map("".join).map(
    # Bodies come from files read as strict UTF-8 (frontmatter.read), so they never hold lone surrogates.
    lambda t: t.encode("utf-8", "replace").decode("utf-8"))


@FUZZ
@given(hostile_markdown)
@example("{: onclick=\"alert('PWN')\" }\n# t {: onclick=\"alert('PWN')\" }")
@example("[x](javascript:alert('PWN'))\n[y][r]\n\n[r]: javascript:alert('PWN')")
def test_rendered_markdown_never_holds_a_live_payload(text):
    html = markdown.render(text)
    if html.strip():
        # lxml refuses control characters; a browser keeps them as text: U+FFFD keeps the structure.
        root = lxml.html.fragment_fromstring(CONTROL.sub("\ufffd", html), create_parent="div")
        problems = live_markup_problems(root, "body")
        assert not problems, (problems, html[:500])


@FUZZ
@given(st.one_of(hostile_text, st.builds(lambda a, b, c: a + b + c,
                                         st.sampled_from(["", " ", "\x00", "\x01", "\t", "\u200b", "\ufeff"]),
                                         st.sampled_from(["javascript:", "JaVaScRiPt:", "java\nscript:", "data:",
                                                          "vbscript:", "http:", "https:", "//", "HTTPS://"]),
                                         hostile_text)))
@example("\x01javascript:alert(1)")
@example("https://example.org/a\"onmouseover=alert(1)")
def test_a_source_url_is_kept_only_when_plain_http(value):
    kept = markdown.safe_url(value)
    if kept is not None:
        assert _url_problem(kept) is None, kept
        # As a browser reads an href: leading and trailing C0 controls and spaces are ignored.
        assert kept.strip("".join(map(chr, range(33)))).lower().startswith(("http:", "https:")), kept
        assert not any(c in kept for c in "\"'<> \n\r\t"), kept
