"""A faster, exact equivalent of one trafilatura step that briefgen's HTML path runs on a third of pages.

trafilatura's balanced mode measures the page's text (`html2txt`) to decide whether to retry a short
extraction; `basic_cleaning` first removes the page's asides, footers, scripts, styles, SVG and cookie
banners with one XPath whose `re:test` calls back into Python for every element: about 3 ms a page on
the sample pages, a sixth of trafilatura's fast run. `basic_cleaning` below finds the same elements in
one Python walk (libxml2 still answers the one case where the XPath's meaning rests on attribute order)
and deletes them the same way, so trafilatura's text is the same to the byte.

The replacement is installed only for the trafilatura release it was checked against, and only when that
release's XPath is the one written out here: any other version runs unchanged.
`tests/unit/ingest/test_trafilatura_speed.py` compares the two on every sample page.
"""
from __future__ import annotations

import re

CHECKED_VERSION = "2.3.1"
_COOKIE = ("cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
           "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr")
EXPECTED_XPATH = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg"
    "|.//template"
    f"|.//*[re:test(@class, '{_COOKIE}', 'i') or re:test(@id, '{_COOKIE}', 'i')]")
# lxml's EXSLT re:test compiles with re.UNICODE, and re.IGNORECASE for the 'i' flag
COOKIE = re.compile(_COOKIE, re.UNICODE | re.IGNORECASE)
CLEANED_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))


def _footer_div(el, cls: str | None, ident: str | None) -> bool:
    """`contains(@class|@id, 'footer')`: the string value of the first of the two attributes in document
    order. When only one of them holds 'footer' that order decides: libxml2 is asked."""
    if cls is None or ident is None or ("footer" in cls) == ("footer" in ident):
        value = cls if cls is not None else ident
        return value is not None and "footer" in value
    return bool(el.xpath("contains(@class|@id, 'footer')"))


def _cookie(value: str | None) -> bool:
    """`re:test(value, COOKIE, 'i')`, the regex run only where it can match: every branch of COOKIE holds
    one of the words below, so an ASCII value without any of them (in any case) cannot match."""
    if value is None:
        return False
    if value.isascii():
        low = value.lower()
        if not ("cookie" in low or "consent" in low or "borlabs" in low or "cmplz" in low or "onetrust" in low
                or "moove" in low):
            return False
    return COOKIE.search(value) is not None


def selected(tree) -> list:
    """The elements BASIC_CLEAN_XPATH selects below `tree`, in document order."""
    found = []
    for el in tree.iterdescendants():
        tag = el.tag
        if tag in CLEANED_TAGS:
            found.append(el)
            continue
        cls, ident = el.get("class"), el.get("id")
        if cls is None and ident is None or not isinstance(tag, str):
            continue
        if (tag == "div" and _footer_div(el, cls, ident)) or _cookie(cls) or _cookie(ident):
            found.append(el)
    return found


def basic_cleaning(tree):
    """trafilatura.baseline.basic_cleaning, the same elements deleted in the same (document) order."""
    from trafilatura.xml import delete_element

    for elem in selected(tree):
        delete_element(elem)
    return tree


# The two prunes trafilatura runs on every page's raw tree (trafilatura.xpaths): reader comments (with
# comment lists) and infinite-scroll containers of follow-up articles. Their re:test calls are
# case-sensitive searches.
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENTS_CLASS = "^[Cc]omment(?!ary)|(?:article|post)-comments"
EXPECTED_COMMENTS_AND_LISTS = f"""
        .//*[self::div or self::list or self::section or self::details or self::ol or self::ul][
        re:test(@id, '^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)') or
        re:test(@class, '{_COMMENTS_CLASS}')][
        not(self::ol or self::ul) or re:test(@id, '^(?:{_COMMENTS_ID})') or re:test(@class, '{_COMMENTS_CLASS}')]
        """  # noqa: E501  (trafilatura's text, verbatim)
EXPECTED_RAW_PRUNE = """
        .//*[self::div or self::section or self::aside][
        re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') or
        re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][
        not(.//h1) or re:test(@id, 'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]
        """  # noqa: E501  (trafilatura's text, verbatim)
COMMENTS_ID = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)", re.UNICODE)
COMMENTS_ID_SHORT = re.compile(f"^(?:{_COMMENTS_ID})", re.UNICODE)
COMMENTS_CLASS = re.compile(_COMMENTS_CLASS, re.UNICODE)
SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll", re.UNICODE)
MVP = re.compile("mvp-post-add-(?:box|wrap)", re.UNICODE)


def _test(rx: re.Pattern, value: str | None) -> bool:
    """EXSLT `re:test(@attr, rx)`: an absent attribute is the empty string."""
    return rx.search(value if value is not None else "") is not None


def comments_and_lists(tree) -> list:
    """REMOVE_COMMENTS_AND_LISTS_XPATH's elements below `tree`, in document order."""
    found = []
    for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        ident, cls = el.get("id"), el.get("class")
        if ident is None and cls is None:
            continue
        by_class = _test(COMMENTS_CLASS, cls)
        if not (by_class or _test(COMMENTS_ID, ident)):
            continue
        if el.tag not in ("ol", "ul") or by_class or _test(COMMENTS_ID_SHORT, ident):
            found.append(el)
    return found


def raw_prune(tree) -> list:
    """RAW_TREE_PRUNE_XPATH's first expression (infinite-scroll containers) below `tree`."""
    found = []
    for el in tree.iterdescendants("div", "section", "aside"):
        ident, cls = el.get("id"), el.get("class")
        if ident is None and cls is None:
            continue
        if not (_test(SCROLL, ident) or _test(SCROLL, cls)):
            continue
        if el.find(".//h1") is None or _test(MVP, ident) or _test(MVP, cls):
            found.append(el)
    return found


_installed: bool | None = None


def install() -> bool:
    """Use the faster step inside trafilatura (once per process); False when the installed trafilatura is
    not the release checked here."""
    global _installed
    if _installed is None:
        _installed = False
        try:
            from importlib import import_module

            trafilatura = import_module("trafilatura")
            baseline, core, external, settings = (import_module(f"trafilatura.{name}")
                                                  for name in ("baseline", "core", "external", "settings"))
        except ImportError:
            return False
        raw = getattr(core, "RAW_TREE_PRUNE_XPATH", None)
        comments = getattr(core, "REMOVE_COMMENTS_AND_LISTS_XPATH", None)
        if getattr(trafilatura, "__version__", None) == CHECKED_VERSION \
                and getattr(settings.BASIC_CLEAN_XPATH, "path", None) == EXPECTED_XPATH \
                and getattr(baseline, "basic_cleaning", None) is not None \
                and getattr(external, "basic_cleaning", None) is baseline.basic_cleaning \
                and isinstance(raw, list) and len(raw) == 2 \
                and getattr(raw[0], "path", None) == EXPECTED_RAW_PRUNE \
                and isinstance(comments, list) and len(comments) == 1 \
                and getattr(comments[0], "path", None) == EXPECTED_COMMENTS_AND_LISTS:
            baseline.basic_cleaning = basic_cleaning
            external.basic_cleaning = basic_cleaning
            # trafilatura.core's own names only: its prune_unwanted_nodes calls each expression on the tree
            core.RAW_TREE_PRUNE_XPATH = [raw_prune, raw[1]]
            core.REMOVE_COMMENTS_AND_LISTS_XPATH = [comments_and_lists]
            _installed = True
    return _installed
