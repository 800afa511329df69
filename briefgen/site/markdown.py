"""Brief bodies: Markdown -> HTML, then sanitised, because the text was copied from the web.

Python-Markdown passes raw HTML through and `attr_list` can add any attribute, so its output is
cleaned by nh3 (an allow-list: no script, no event handlers, no javascript: URLs) before it is
marked safe for the templates.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from functools import partial

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


def _extensions() -> list:
    """EXTENSIONS as the instances Python-Markdown would make of them, in the order it would call
    them ("extra" is these seven, in its own list's order). Named by strings, each is looked up
    among the entry points of every installed distribution first: reading them all costs ~20 ms
    (and imports importlib.metadata) in every build that renders a new body (test_markdown checks
    these are the classes the entry points name)."""
    from markdown.extensions.abbr import AbbrExtension
    from markdown.extensions.attr_list import AttrListExtension
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.md_in_html import MarkdownInHtmlExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    return [FencedCodeExtension(), FootnoteExtension(), AttrListExtension(), DefListExtension(), TableExtension(),
            AbbrExtension(), MarkdownInHtmlExtension(), SaneListExtension()]


def _converter() -> md.Markdown:
    converter = md.Markdown(extensions=_extensions(), output_format="html")
    _speed_up_inline(converter)
    _guard_block_tests(converter)
    _guard_passes(converter)
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
        self._strings = tuple(frozenset().union(*(n for n in self._needs if n is not None)))
        self._todo: dict[frozenset, tuple[int, ...]] = {}    # strings present -> the patterns to try
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # The stock loop (markdown.treeprocessors.InlineProcessor.__handleInline), plus the skip.
        # `present` is read before any pattern replaces a match by a placeholder (which holds none of
        # the strings): it can only name too many, so a skipped pattern could never have matched.
        # The stock loop goes on to the next pattern with start 0 when one does not match, and tries
        # the same one again from where the match left off when it does; skipped patterns are those
        # the stock loop would try and find no match for.
        if not isinstance(data, md.util.AtomicString):
            patterns = self._patterns
            present = frozenset([s for s in self._strings if s in data])
            todo = self._todo.get(present)
            if todo is None:
                todo = self._todo[present] = tuple(i for i, need in enumerate(self._needs)
                                                   if need is None or not need.isdisjoint(present))
            apply = self._InlineProcessor__applyPattern
            for index in todo:
                if index < patternIndex:
                    continue
                start = 0
                matched = True
                while matched:
                    data, matched, start = apply(patterns[index], data, index, start)
        return data


def _speed_up_inline(converter: md.Markdown) -> None:
    """Put `_FastInline` in place of the stock inline pass, where this Markdown has one like it, and
    `_BracketEnds` in place of the link patterns' table of closing brackets."""
    stock = md.treeprocessors.InlineProcessor
    if not (hasattr(stock, "_InlineProcessor__applyPattern") and hasattr(stock, "_InlineProcessor__handleInline")):
        return
    found = [item for item in converter.treeprocessors._priority if item.name == "inline"]
    if found and type(converter.treeprocessors["inline"]) is stock:
        converter.treeprocessors.register(_FastInline(converter), "inline", found[0].priority)
    link = getattr(md.inlinepatterns, "LinkInlineProcessor", None)
    if link is not None and callable(getattr(link, "_findBracketEnds", None)):
        for pattern in converter.inlinePatterns:
            if isinstance(pattern, link):
                pattern._findBracketEnds = _BracketEnds


# -- the link patterns' closing brackets, with the same answers ------------------------------------
# Python-Markdown (3.8 on) finds, for every index of a paragraph's text with a link, the index just
# past the `]` that closes a bracket opened before it (LinkInlineProcessor._findBracketEnds), in a
# Python loop over every character: a fifth of a body's rendering at ~4,400 characters. Indexes
# between two brackets have the same answer (the depth changes only at a bracket), so the table is
# made per run of text between brackets, in a loop over the brackets alone, and looked up by bisect.
# Tested against the stock table (test_markdown.py).

_BRACKETS = re.compile(r"[\[\]]")


class _BracketEnds:
    """`_findBracketEnds(data)`'s list, as a sequence: `ends[index]` is the index just past the `]`
    that brings the bracket depth below the depth before `index`, or None."""

    __slots__ = ("at", "ends")

    def __init__(self, data: str) -> None:
        at = [m.start() for m in _BRACKETS.finditer(data)]
        # run j: the indexes after j brackets, at[j - 1] + 1 to at[j] (the bracket itself, whose
        # depth before it is the run's); its answer is the first later run start of lower depth
        ends: list[int | None] = [None] * (len(at) + 1)
        stack: list[tuple[int, int]] = []
        depth = 0
        for j in range(len(at) + 1):
            start = at[j - 1] + 1 if j else 0
            while stack and depth < stack[-1][1]:
                ends[stack.pop()[0]] = start
            stack.append((j, depth))
            if j < len(at):
                depth += 1 if data[at[j]] == "[" else -1
        self.at, self.ends = at, ends

    def __getitem__(self, index: int) -> int | None:
        return self.ends[bisect.bisect_left(self.at, index)]


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
    if str(day.year) not in line:
        # babel writes the year of a full date in ASCII digits in every language: no babel call
        # (~0.45 ms a new brief, with each language's data to load, most briefs having no date line)
        return body
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
    # a table's header and separator rows need a `|` (its end-border regex, pinned here, is one of them)
    "TableProcessor": ("markdown.extensions.tables", "RE_END_BORDER", r"(?<!\\)(?:\\\\)*\|$", 0, ("|",), "test"),
    "SetextHeaderProcessor": ("markdown.blockprocessors", "RE", r"^.*?\n(?:=+|-+)[ ]*(\n|$)", re.MULTILINE,
                              ("\n=", "\n-"), "test"),
    # md_in_html: its test is always yes, its run takes only a block opening with a stashed placeholder
    "MarkdownInHtmlProcessor": ("markdown.extensions.md_in_html", "util.HTML_PLACEHOLDER_RE",
                                "\u0002wzxhzdk:([0-9]+)\u0003", 0, ("\u0002",), "run"),
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
        regex = getattr(md.util, attr[5:], None) if attr.startswith("util.") else getattr(processor, attr, None)
        if (cls is not stock or not isinstance(regex, re.Pattern) or regex.pattern != pattern
                or regex.flags & ~re.UNICODE != flags or (where == "run" and "test" in vars(processor))):
            continue
        if where == "test":
            processor.test = _needs_then(needs, processor.test)
        else:
            processor.test = _needs_only(needs)


def _needs_then(needs: tuple[str, ...], test):
    if len(needs) == 1:     # (a generator per block and processor cost more than the test it spares)
        need = needs[0]
        return lambda parent, block: need in block and test(parent, block)
    first, second, *more = needs
    if not more:
        return lambda parent, block: (first in block or second in block) and test(parent, block)
    return lambda parent, block: any(s in block for s in needs) and test(parent, block)


def _needs_only(needs: tuple[str, ...]):
    if len(needs) == 1:
        need = needs[0]
        return lambda parent, block: need in block
    return lambda parent, block: any(s in block for s in needs)


# -- passes over the whole text or tree: the same shortcut ---------------------------------------------
# Four passes run on every body and change nothing unless the text holds certain characters; each is
# skipped when the body (as the parser reads it: after NormalizeWhitespace) holds none of them:
# - fenced code: its regex needs a fence, ``` or ~~~;
# - the raw-HTML extractor (md_in_html's or the stock one) gives its input back unless there is a tag
#   (`<`) or a character reference (`&#`, which it rewrites when the `;` is missing);
# - attr_list: every one of its regexes needs a `{`;
# - unescape: it restores `\` escapes, which the escape pattern turned into STX+digits+ETX (NormalizeWhitespace
#   removes any STX/ETX of the text itself).
# Only on the exact classes, by name and module, with the regexes read here; the parser's list of block
# processors is kept between blocks (the registry made a new list for every block), and whether a tag
# is block level is looked up in a set. Tested against the stock converter (test_markdown.py).
_PASS_GUARDS = {
    # class name: (module, regex attribute, regex as read, the strings one of which a change needs)
    "FencedBlockPreprocessor": ("markdown.extensions.fenced_code", "FENCED_BLOCK_RE", None, ("```", "~~~")),
    "HtmlBlockPreprocessor": (None, None, None, ("<", "&#")),
    "AttrListTreeprocessor": ("markdown.extensions.attr_list", "BASE_RE", r"\{\:?[ ]*([^\}\n ][^\n]*)\}", ("{",)),
    "UnescapeTreeprocessor": ("markdown.treeprocessors", "RE", "\u0002(\\d+)\u0003", ("\\",)),
}


class _Text(md.preprocessors.Preprocessor):
    """Keeps the text as the later passes see it (right after NormalizeWhitespace) for their guards."""

    def run(self, lines: list[str]) -> list[str]:
        self.md._briefgen_text = "\n".join(lines)
        self.md._briefgen_blocks = frozenset(self.md.block_level_elements)
        return lines


def _guard_passes(converter: md.Markdown) -> None:
    import importlib

    order = {item.name: item.priority for item in converter.preprocessors._priority}
    if type(converter) is not md.Markdown or order.get("normalize_whitespace") != 30 or not (
            type(converter.preprocessors["normalize_whitespace"]) is md.preprocessors.NormalizeWhitespace):
        return
    if any(p > 30 or 29 > p > 25 for p in order.values() if p != 30):
        return
    converter.preprocessors.register(_Text(converter), "briefgen_text", 27)
    extractors = {"markdown.preprocessors", "markdown.extensions.md_in_html"}
    for registry in (converter.preprocessors, converter.treeprocessors):
        for item in list(registry._priority):
            processor = registry[item.name]
            cls = type(processor)
            spec = _PASS_GUARDS.get(cls.__name__)
            if spec is None or (registry is converter.preprocessors and item.priority >= 27):
                continue
            module, attr, pattern, needs = spec
            if module is None:
                if cls.__module__ not in extractors:
                    continue
            else:
                try:
                    stock = getattr(importlib.import_module(module), cls.__name__)
                except (ImportError, AttributeError):
                    continue
                regex = getattr(cls, attr, None)
                text = regex.pattern if isinstance(regex, re.Pattern) else regex
                if cls is not stock or (pattern is not None and text != pattern) or text is None:
                    continue
            if cls.__module__ in extractors and getattr(importlib.import_module(cls.__module__), cls.__name__) is not cls:
                continue
            processor.run = _skip_unless(converter, needs, processor.run, registry is converter.preprocessors)
    if type(converter.parser.blockprocessors) is md.util.Registry:
        converter.parser.blockprocessors.__class__ = _KeptOrder
    if type(converter).is_block_level is md.Markdown.is_block_level:
        converter.is_block_level = partial(_is_block_level, converter)


def _skip_unless(converter: md.Markdown, needs: tuple[str, ...], run, gives_lines: bool):
    def guarded(arg):
        text = converter._briefgen_text
        if any(s in text for s in needs):
            return run(arg)
        return arg if gives_lines else None
    return guarded


def _is_block_level(converter: md.Markdown, tag) -> bool:
    # Markdown.is_block_level, with the list (read when the text was) as a set
    blocks = converter.__dict__.get("_briefgen_blocks")
    if blocks is None:
        return md.Markdown.is_block_level(converter, tag)
    return isinstance(tag, str) and tag.lower().rstrip("/") in blocks


class _KeptOrder(md.util.Registry):
    """A registry whose list of items is made once, not on every iteration (until it changes)."""

    def __iter__(self):
        kept = self.__dict__.get("_kept")
        if kept is None or not self._is_sorted:
            self._sort()
            kept = self._kept = [self._data[k] for k, _ in self._priority]
        return iter(kept)

    def register(self, *args, **kwargs) -> None:
        self._kept = None
        super().register(*args, **kwargs)

    def deregister(self, *args, **kwargs) -> None:
        self._kept = None
        super().deregister(*args, **kwargs)

    def __delitem__(self, *args) -> None:
        self._kept = None
        super().__delitem__(*args)
