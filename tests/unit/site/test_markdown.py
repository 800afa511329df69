from __future__ import annotations

from briefgen.site.markdown import fold, render, safe_url, words


def test_can_render_headings_lists_emphasis_and_links():
    html = render("Intro *mot*.\n\n## Sous-titre\n\n- un\n- deux\n\n[lien](https://example.org/a)")
    assert "<em>mot</em>" in html and "<h2>Sous-titre</h2>" in html and "<li>un</li>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer nofollow">lien</a>' in html


def test_sanitises_scripts_handlers_and_javascript_urls():
    html = render('<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3)) '
                  '<a href="JaVaScRiPt:alert(4)">b</a> <iframe src="https://evil"></iframe> '
                  '[c](https://e.org){: onclick="alert(5)" style="x"} <svg onload="alert(6)"></svg>')
    for bad in ("<script", "onerror", "javascript", "JaVaScRiPt", "<iframe", "onclick", "style=", "<svg", "onload",
                "<img"):
        assert bad not in html, bad


def test_a_body_h1_becomes_h2_so_the_title_stays_the_only_h1():
    assert render("# Grand titre\n\ntexte").startswith("<h2>Grand titre</h2>")


def test_safe_url_keeps_only_http_and_https():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "vbscript:x", "", None,
                'https://e.org/"onmouseover="x'):
        assert safe_url(bad) is None


def test_fold_ignores_case_and_accents_like_the_search_script():
    assert fold("Élève ÀÇÕ Straße") == "eleve aco strasse"
    assert words("<p>Déjà vu, déjà <b>VU</b> à Zürich 2026</p>", 10) == ["deja", "zurich"]


# -- the faster inline pass gives the stock converter's output -----------------------------------------

_INLINE_CASES = [
    "plain words only, nothing special at all",
    "*em* **strong** ***both*** _u_ __uu__ ___uuu___ snake_case_word 2*3*4",
    "a `code *not em*` span, ``double `tick` code``, \\*escaped\\* \\\\ backslash \\` tick",
    ("[link](https://e.org/a_b) ![img](https://e.org/i.png \"t\") [ref][r] [r] ![ir][r] <https://e.org/x>"
     "\n\n[r]: https://e.org/ref"),
    "mail <me@example.org> html <span class=\"x\">in</span> <!-- c --> &amp; &copy; &#169; &#xA9; & alone",
    "line one  \nline two with a hard break  \nthree",
    "footnote[^1] here.\n\n[^1]: The note *em*.",
    "*[HTML]: Hyper Text\n\nThe HTML spec and [a *nested [link](https://e.org)* text](https://f.org).",
    "| a | *b* |\n|---|---|\n| `c` | [d](https://e.org) |",
    "Term\n: *Definition* with [link](https://e.org)\n\n~~~\ncode *x* [y]\n~~~",
    "para {: #id .cls }\n\n- item *one*\n- item [two](https://e.org)\n\n1. first\n2. `second`",
    "<div markdown=\"1\">*inside* [x](https://e.org)</div>\n\n> quote with **bold** and <b>html</b>",
    "unclosed *star and [bracket and `tick and <angle and &amp and trailing \\",
    "émojis 🎉 and ünïcödé *ê* _à_ [ß](https://e.org/ß) «guillemets» — dash",
    "# Heading #\n\n## Second\nnot # a heading\n\n---\n\n* * *\n\n___\n\n> quote\n> more\n\nnot > quote",
    "para\n[ref]: https://e.org/r \"T\"\n[other]: <https://e.org/o> 'x'\n\n[ref] [other][] [a]: b",
    "*[ABBR]: An abbreviation\n\nThe ABBR here.\n\n[^n]: note\n    more note\n\ntext[^n]",
    "Apple\n:   A fruit\n: Second\n\nratio 3:1 and time 10:30, not a definition",
]


def _stock(text: str) -> str:
    import markdown as md

    from briefgen.site.markdown import EXTENSIONS

    return md.Markdown(extensions=EXTENSIONS, output_format="html").convert(text)


def test_the_extensions_are_the_ones_their_names_give_without_reading_the_entry_points(monkeypatch):
    """The converter is made from extension instances: the classes Python-Markdown would load for
    EXTENSIONS through the installed distributions' entry points ("extra" standing for its own
    list), in the same order, with no entry point read (~20 ms a build that renders a body)."""
    import markdown.util
    from markdown.extensions import extra

    from briefgen.site import markdown as ours

    installed = {}
    for ep in markdown.util.get_installed_extensions():
        installed.setdefault(ep.name, ep)          # the first found wins, as in build_extension
    names = [n for name in ours.EXTENSIONS for n in (extra.extensions if name == "extra" else [name])]
    assert [type(e) for e in ours._extensions()] == [installed[n].load() for n in names]

    def refuse():
        raise AssertionError("entry points read")
    monkeypatch.setattr(markdown.util, "get_installed_extensions", refuse)
    converter = ours._converter()
    for text in _INLINE_CASES:
        assert converter.reset().convert(text) == _stock_with(text, markdown.util, installed), text


def _stock_with(text, util, installed):
    """The stock converter's output, its entry points answered from `installed` (read before)."""
    import markdown as md

    from briefgen.site.markdown import EXTENSIONS

    real = util.get_installed_extensions
    util.get_installed_extensions = lambda: list(installed.values())
    try:
        return md.Markdown(extensions=EXTENSIONS, output_format="html").convert(text)
    finally:
        util.get_installed_extensions = real


def test_the_fast_inline_pass_gives_the_stock_output_on_every_inline_syntax():
    from briefgen.site.markdown import _converter, _FastInline

    fast = _converter()
    assert isinstance(fast.treeprocessors["inline"], _FastInline)
    for text in _INLINE_CASES:
        assert fast.reset().convert(text) == _stock(text), text


def test_the_fast_inline_and_block_passes_give_the_stock_output_on_random_mixes_of_markup():
    import random

    from briefgen.site.markdown import _converter

    rng = random.Random(16)
    pieces = ["word", " ", "  \n", "\n", "\n\n", "*", "**", "_", "__", "`", "``", "\\", "[", "]", "(", ")",
              "![", "<", ">", "&", ";", "#", "amp", "https://e.org/", "@", "^", ":", "{: .c}", "- ", "1. ",
              "> ", "<b>", "</b>", "<!--", "-->", "é", "[^1]", "[^1]: n", "\n# ", "## ", "#", "\n---\n", "***",
              "\n: ", "[r]: https://e.org \"t\"", "\n[r]:", "*[HTML]: x", "HTML", "    ", "\n    code", "|", "---|",
              # what the whole-text passes and the table, setext and md_in_html guards look for
              "{", "}", "{: #i }", "```", "~~~", "\n```\n", "\n~~~ {.x}\n", "&#", "&#12 ", "&#x41;", "&#169;", "\t",
              "\x02", "\x03", "\x0212\x03", "\r", "\r\n", "\n=", "\n-", "===", "\\*", "\\{", "| a |", "\n|---|",
              "<div markdown=\"1\">", "</div>", "<p>", "wzxhzdk:0", "<hr>", "<br/>", "&copy;", "<DIV>", "</DIV>",
              "\n<P>", "</P>\n", "<Hr/>"]
    fast = _converter()
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        assert fast.reset().convert(text) == _stock(text), repr(text)


def test_the_closing_brackets_table_gives_the_stock_answer_at_every_index():
    """_BracketEnds (a loop over the brackets) against Python-Markdown's own table (a loop over every
    character) on random texts of brackets, nested, unclosed and stray, at every index."""
    import random

    import markdown as md
    import pytest

    from briefgen.site.markdown import _BracketEnds, _converter

    stock = getattr(md.inlinepatterns.LinkInlineProcessor, "_findBracketEnds", None)
    if stock is None:
        pytest.skip("this Python-Markdown has no table of closing brackets")
    links = [p for p in _converter().inlinePatterns if isinstance(p, md.inlinepatterns.LinkInlineProcessor)]
    assert links and all(p._findBracketEnds is _BracketEnds for p in links)
    rng = random.Random(12)
    for _ in range(3000):
        data = "".join(rng.choice("[[]]ab ") for _ in range(rng.randint(0, 40)))
        want, found = stock(data), _BracketEnds(data)
        assert [found[i] for i in range(len(data) + 1)] == want, repr(data)


def test_pattern_starts_reads_the_literal_strings_a_match_must_begin_with():
    import re

    from briefgen.site.markdown import pattern_starts

    assert pattern_starts(re.compile(r"  \n")) == {"  \n"}
    assert pattern_starts(re.compile(r"(?<!\!)\[")) == {"["}
    assert pattern_starts(re.compile(r"\*|_")) == {"*", "_"}
    assert pattern_starts(re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)")) == {"\\", "`"}
    assert pattern_starts(re.compile(r"(&(?:\#[0-9]+|[a-z]+);)")) == {"&"}
    # nothing to tell: may start anywhere, may be empty, or case-insensitive
    for loose in (r"\w+", r"a*b", r"", r"[^x]y", r"(?i)abc", r"(a|\w)"):
        assert pattern_starts(re.compile(loose)) is None, loose


def test_words_gives_what_the_plain_rule_gives_on_random_texts():
    """words() (runs of three word characters, then first appearances) against the plain loop it
    replaced: every `\\w+` run, three characters or more, not all digits, first `limit` distinct."""
    import random
    import re

    def plain(text: str, limit: int) -> list[str]:
        seen: dict[str, None] = {}
        for w in re.findall(r"\w+", fold(re.sub(r"<[^>]+>", " ", text))):
            if len(w) >= 3 and not w.isdigit() and w not in seen:
                seen[w] = None
                if len(seen) >= limit:
                    break
        return list(seen)

    rng = random.Random(16)
    pieces = ["a", "ab", "abc", "Déjà", "vu", "e\u0301te\u0301", "_", "__x", "12", "123", "2026", "x1", "ßtraße",
              " ", "-", "'", "’", "<b>", "</b>", "<a href='x'>", "&amp;", "日本語", "ǅ", "İ", "١٢٣", "\n", ".", "ﬁne"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        limit = rng.choice([1, 2, 3, 5, 400])
        assert words(text, limit) == plain(text, limit), (text, limit)


def test_the_kept_cleaner_cleans_as_nh3_clean_with_the_same_rules():
    import nh3

    from briefgen.site.markdown import _CLEAN, clean

    cases = ['<p onclick="x">a <a href="javascript:x">b</a> <a href="https://e.org/" title=t>c</a></p>',
             "<script>alert(1)</script><!-- c --><table><tr><td colspan=2 style=x>t</td></tr></table>",
             '<time datetime="2026">x</time><ol start=3><li>i</li></ol><img src=x onerror=y><h1>h</h1>',
             "<abbr title=t>A</abbr><iframe src=x></iframe><a href='mailto:a@b.c'>m</a>&amp; &lt;b&gt;"]
    for html in cases:
        assert clean(html) == nh3.clean(html, **_CLEAN)
    assert "onclick" not in clean(cases[0]) and "javascript" not in clean(cases[0])


def test_the_guarded_passes_give_the_stock_output_on_every_brief_of_the_repository():
    """The samples, the hostile briefs and the fixtures through the fast and the stock converter."""
    from briefgen.brief import frontmatter
    from briefgen.site.markdown import _converter
    from tests.conftest import ROOT

    fast = _converter()
    bodies = [frontmatter.split(p.read_text(encoding="utf-8"))[1]
              for folder in ("content", "tests") for p in sorted((ROOT / folder).rglob("*.md"))
              if p.read_text(encoding="utf-8", errors="replace").startswith("---\n")]
    assert len(bodies) >= 10
    for body in bodies:
        assert fast.reset().convert(body) == _stock(body), body[:200]


def test_the_whole_text_passes_are_skipped_only_where_they_are_known():
    """The shortcut is in place on this Markdown (so the tests above test it) and follows a change
    of the registries: a processor registered later is run."""
    import markdown as md

    from briefgen.site.markdown import _converter

    fast = _converter()
    guarded = [type(p).__name__ for r in (fast.preprocessors, fast.treeprocessors) for p in r
               if getattr(p.run, "__qualname__", "").startswith("_skip_unless")]
    assert sorted(guarded) == ["AttrListTreeprocessor", "FencedBlockPreprocessor", "HtmlBlockPreprocessor",
                               "UnescapeTreeprocessor"]

    class Shout(md.blockprocessors.BlockProcessor):
        def test(self, parent, block):
            return block.startswith("!")

        def run(self, parent, blocks):
            from xml.etree.ElementTree import SubElement

            SubElement(parent, "h6").text = blocks.pop(0)[1:]

    assert fast.reset().convert("!loud") == "<p>!loud</p>"
    fast.parser.blockprocessors.register(Shout(fast.parser), "shout", 200)
    assert fast.parser.blockprocessors[0] is not None     # (sorts the registry)
    assert fast.reset().convert("!loud") == "<h6>loud</h6>"
    fast.parser.blockprocessors.deregister("shout")
    assert fast.reset().convert("!loud") == "<p>!loud</p>"
