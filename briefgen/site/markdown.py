"""Brief bodies: Markdown -> HTML, then sanitised, because the text was copied from the web.

Python-Markdown passes raw HTML through and `attr_list` can add any attribute, so its output is
cleaned by nh3 (an allow-list: no script, no event handlers, no javascript: URLs) before it is
marked safe for the templates.
"""
from __future__ import annotations

import functools
import logging
import re

import markdown as md
import nh3

from briefgen.site.text import fold, safe_url  # noqa: F401 - their home is text.py; re-exported

log = logging.getLogger(__name__)

EXTENSIONS = ["extra", "sane_lists"]
# The tags a news body needs; headings start at h2 because the page's h1 is the title.
ALLOWED_TAGS = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em",
                "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "q", "cite", "abbr", "code",
                "pre", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "dl", "dt",
                "dd", "figure", "figcaption", "del", "ins", "span", "div", "time"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope", "colspan",
                      "rowspan"}, "td": {"colspan", "rowspan"}, "time": {"datetime"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_H1 = re.compile(r"<(/?)h1([ >])")


def _converter() -> md.Markdown:
    converter = md.Markdown(extensions=EXTENSIONS, output_format="html")
    _speed_up_inline(converter)
    _guard_block_tests(converter)
    return converter


# -- a faster inline pass, with the same output ------------------------------------------------------
# Python-Markdown's inline pass tries each of its ~16 inline patterns on every piece of text, one
# regex search and a few Python calls each, even on the many paragraphs that hold no `*`, `[`, `<`,
# `&`, backtick or backslash at all: a third of a body's rendering time. Each pattern's regex can
# only match where one of a few literal strings starts (`[` for a link, `  \n` for a line break),
# read from the regex itself; a pattern none of whose strings occurs in the text cannot match it and
# is skipped, which is what the stock loop would conclude after its search. Patterns whose regex
# gives no such strings are always tried. Tested against the stock converter (test_markdown.py).

def _starts(items: list, prefix: str = "") -> set[str] | None:
    """The literal strings one of which every match of the parsed regex `items` begins with, or
    None if that cannot be told (a match may start with anything, or be empty)."""
    from re import _constants as c

    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is c.LITERAL:
            prefix += chr(av)
            continue
        if prefix:
            return {prefix}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):          # zero width: the match starts after it
            continue
        if op is c.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE:
                return None
            return _starts(list(sub.data) + rest)
        if op is c.ATOMIC_GROUP:
            return _starts(list(av.data) + rest)
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                starts = _starts(list(alternative.data) + rest)
                if starts is None:
                    return None
                found |= starts
            return found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, sub = av
            return _starts(list(sub.data)) if low >= 1 else None
        if op is c.IN and av and all(kind is c.LITERAL for kind, _ in av):
            return {chr(code) for _, code in av}
        return None
    return {prefix} if prefix else None


@functools.lru_cache(maxsize=256)
def pattern_starts(regex: re.Pattern) -> frozenset[str] | None:
    if regex.flags & re.IGNORECASE:
        return None
    try:
        from re import _parser

        parsed = _parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - another Python's regex internals: no shortcut, same output
        return None
    found = _starts(list(parsed.data))
    return None if found is None else frozenset(found)


class _FastInline(md.treeprocessors.InlineProcessor):
    """The stock inline pass, skipping the patterns that cannot match a text (see above)."""

    def run(self, tree, ancestors=None):
        self._patterns = list(self.inlinePatterns)
        self._needs = [pattern_starts(p.getCompiledRegExp()) for p in self._patterns]
        self._strings = frozenset().union(*(n for n in self._needs if n is not None))
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # The stock loop (markdown.treeprocessors.InlineProcessor.__handleInline), plus the skip.
        # `present` is read before any pattern replaces a match by a placeholder (which holds none of
        # the strings): it can only name too many, so a skipped pattern could never have matched.
        if not isinstance(data, md.util.AtomicString):
            start = 0
            patterns, needs = self._patterns, self._needs
            present = {s for s in self._strings if s in data}
            count = len(patterns)
            apply = self._InlineProcessor__applyPattern
            while patternIndex < count:
                need = needs[patternIndex]
                if need is not None and need.isdisjoint(present):
                    patternIndex += 1
                    start = 0
                    continue
                data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
                if not matched:
                    patternIndex += 1
        return data


def _speed_up_inline(converter: md.Markdown) -> None:
    """Put `_FastInline` in place of the stock inline pass, where this Markdown has one like it."""
    stock = md.treeprocessors.InlineProcessor
    if not (hasattr(stock, "_InlineProcessor__applyPattern") and hasattr(stock, "_InlineProcessor__handleInline")):
        return
    found = [item for item in converter.treeprocessors._priority if item.name == "inline"]
    if found and type(converter.treeprocessors["inline"]) is stock:
        converter.treeprocessors.register(_FastInline(converter), "inline", found[0].priority)


_MD = None


def render(text: str) -> str:
    """Markdown body -> sanitised HTML (one converter per process, reset between documents)."""
    global _MD
    if _MD is None:
        _MD = _converter()
    html = _MD.reset().convert(text)
    # A stray `# heading` in a body would compete with the page title for h1.
    html = _H1.sub(r"<\1h2\2", html)
    return clean(html)


def drop_date_line(body: str, when, lang: str) -> str:
    """The body without its opening date line ("vendredi 16 janvier 2026", as ingest writes it):
    the page shows the date once, in its header, in the site's format. Only a first paragraph that
    is exactly the brief's date written out by babel in the brief's language (or in English) goes."""
    stripped = body.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    line = first.strip().casefold()
    if not line or (rest and rest.strip() and not rest.startswith("\n") and sep):
        return body   # not a paragraph of its own
    day = when.date() if hasattr(when, "date") else when
    return rest.lstrip("\n") if line in _written_dates(day, lang) else body


@functools.lru_cache(maxsize=8192)
def _written_dates(day, lang: str) -> frozenset[str]:
    """`day` written out in full by babel in `lang` and in English, case-folded (a few hundred days
    and languages in an archive: babel's formatting, once each rather than once per brief)."""
    from babel.dates import format_date

    written = set()
    for locale in dict.fromkeys((lang or "en", "en")):
        try:
            written.add(format_date(day, "full", locale=locale.replace("-", "_")).casefold())
        except Exception:  # noqa: BLE001, S112 - an unknown language tag: only English is tried
            continue
    return frozenset(written)


_CLEAN = {"tags": ALLOWED_TAGS, "attributes": ALLOWED_ATTRIBUTES, "url_schemes": URL_SCHEMES,
          "link_rel": "noopener noreferrer nofollow", "strip_comments": True}


@functools.lru_cache(maxsize=1)
def _cleaner():
    """nh3's Cleaner holds the allow-lists built once (nh3.clean converts them on every call: a third
    of its time); the same rules, the same output. Older nh3 has no Cleaner: nh3.clean then."""
    cleaner = getattr(nh3, "Cleaner", None)
    return cleaner(**_CLEAN).clean if cleaner is not None else functools.partial(nh3.clean, **_CLEAN)


def clean(html: str) -> str:
    """Allow-list sanitising: nothing that runs survives, links get rel=noopener."""
    return _cleaner()(html)


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)


_WORD3 = re.compile(r"\w{3,}", re.UNICODE)   # the runs of `\w+` three long or more, without the shorter ones


def words(html_or_text: str, limit: int) -> list[str]:
    """Distinct folded words of at least three letters, not all digits, in order of first appearance."""
    found = [w for w in dict.fromkeys(_WORD3.findall(fold(_TAG.sub(" ", html_or_text)))) if not w.isdigit()]
    return found[:limit]


# -- block processors: the same shortcut -------------------------------------------------------------
# Each block (paragraph) is offered to every block processor in turn; seven of them search the whole
# block with a regex that cannot match without a certain character or pair (`#` for a heading, `>`
# for a quote, `]:` for a link reference...). Their test is answered "no" at once when the block has
# none, as the search would. The three whose test is always "yes" and whose run searches, then puts
# the block back and returns False when nothing matched, are answered "no" the same way: the parser
# then offers the block to the next processor, as it does after such a run. Only where the class, its
# test and run, and its regex are exactly those read here (a Markdown upgrade changing one: no shortcut).
_BLOCK_GUARDS = {
    # class name: (module, regex attribute, regex as read, flags, the strings one of which it needs,
    #              "test": the test searches | "run": the run searches and the test is always yes)
    "BlockQuoteProcessor": ("markdown.blockprocessors", "RE", r"(^|\n)[ ]{0,3}>[ ]?(.*)", 0, (">",), "test"),
    "HashHeaderProcessor": ("markdown.blockprocessors", "RE",
                            r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)", 0,
                            ("#",), "test"),
    "HRProcessor": ("markdown.blockprocessors", "SEARCH_RE",
                    (r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))"
                    r"(?P=atomicgroup)[ ]*$"), re.MULTILINE, ("-", "_", "*"), "test"),
    "DefListProcessor": ("markdown.extensions.def_list", "RE", r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)", 0, (":",),
                         "test"),
    "ReferenceProcessor": ("markdown.blockprocessors", "RE",
                           (r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?"
                           r"""((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$"""), re.MULTILINE, ("]:",), "run"),
    "FootnoteBlockProcessor": ("markdown.extensions.footnotes", "RE", r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$",
                               re.MULTILINE, ("[^",), "run"),
    "AbbrBlockprocessor": ("markdown.extensions.abbr", "RE",
                           r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", re.MULTILINE, ("*[",), "run"),
}


def _guard_block_tests(converter: md.Markdown) -> None:
    import importlib

    for processor in converter.parser.blockprocessors:
        cls = type(processor)
        spec = _BLOCK_GUARDS.get(cls.__name__)
        if spec is None:
            continue
        module, attr, pattern, flags, needs, where = spec
        try:
            stock = getattr(importlib.import_module(module), cls.__name__)
        except (ImportError, AttributeError):
            continue
        regex = getattr(processor, attr, None)
        if (cls is not stock or not isinstance(regex, re.Pattern) or regex.pattern != pattern
                or regex.flags & ~re.UNICODE != flags or (where == "run" and "test" in vars(processor))):
            continue
        if where == "test":
            processor.test = _needs_then(needs, processor.test)
        else:
            processor.test = _needs_only(needs)


def _needs_then(needs: tuple[str, ...], test):
    return lambda parent, block: any(s in block for s in needs) and test(parent, block)


def _needs_only(needs: tuple[str, ...]):
    return lambda parent, block: any(s in block for s in needs)
