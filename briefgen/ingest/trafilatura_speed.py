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
# RAW_TREE_PRUNE_XPATH's second expression: no callback, but libxml2 gathers every element of the page before
# testing each (about 0.9 ms a page); the walk below visits only the three tags (about 0.3 ms).
EXPECTED_ELEMENTOR = ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]"
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


def elementor_share(tree) -> list:
    """RAW_TREE_PRUNE_XPATH's second expression (Elementor share buttons) below `tree`, in document order:
    XPath's contains() of an absent attribute is contains("", …), false."""
    return [el for el in tree.iterdescendants("div", "section", "aside")
            if "elementor-share-buttons" in (el.get("class") or "")]


# OVERALL_DISCARD_XPATH (trafilatura.xpaths), run on each candidate subtree of the article: its token
# alternations are built from trafilatura's own token lists, and the XPath text is checked to be the one
# written from them below before anything is replaced.
EXPECTED_DISCARD_1 = """
        .//*[@class='comments-title' or
        starts-with(@id|@class, 'reply-') or
        re:test(@id|@style, 'hidden') or
        contains(@style, 'display:none') or contains(@style, 'display: none') or
        re:test(@id, 'reader-comments|akismet') or
        re:test(@class, '^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|noprint|notloaded') or @aria-hidden='true']
        """  # noqa: E501  (trafilatura's text, verbatim)
DISCARD_ID_1 = re.compile("reader-comments|akismet", re.UNICODE)
DISCARD_CLASS_1 = re.compile("^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-"
                             "|hide-print| hidden| hide|noprint|notloaded", re.UNICODE)
DISCARD_TAGS_0 = ("div", "item", "list", "p", "section", "span")


def _discard_0_text(x) -> tuple[str, str, str]:
    """(XPath text, id alternation, class alternation) of OVERALL_DISCARD_XPATH[0] from trafilatura.xpaths'
    tokens, as that module writes them."""
    ids = x._alt(x._OVERALL_DISCARD_BOTH_TOKENS + x._OVERALL_DISCARD_ID_TOKENS)
    classes = x._alt(x._OVERALL_DISCARD_BOTH_TOKENS + x._OVERALL_DISCARD_CLASS_TOKENS)
    text = f"""
        .//*[self::div or self::item or self::list or self::p or self::section or self::span][
        @data-lp-replacement-content or
        contains(translate(@role, 'N', 'n'), 'nav') or
        contains(@data-component, 'MostPopularStories') or
        re:test(@id|@class, '{x._alt(x._CONSENT_ID_CLASS_TOKENS)}') or
        re:test(@id, '{ids}') or
        re:test(@class, '{classes}')]
        """
    return text, ids, classes


_DISCARD_0: tuple[re.Pattern, re.Pattern] | None = None


def _first_of(el, a: str, b: str, va: str | None, vb: str | None, test, xpath: str) -> bool:
    """`f(@a|@b)`: f of the first of the two attributes in document order; when only one of them passes,
    that order decides and libxml2 is asked."""
    if va is None or vb is None or test(va) == test(vb):
        value = va if va is not None else vb
        return value is not None and test(value)
    return bool(el.xpath(xpath, namespaces={"re": "http://exslt.org/regular-expressions"}))


def discard_0(tree) -> list:
    """OVERALL_DISCARD_XPATH[0]'s elements below `tree`, in document order."""
    ids, classes = _DISCARD_0
    found = []
    for el in tree.iterdescendants(*DISCARD_TAGS_0):
        attrib = el.attrib
        if not attrib:
            continue
        ident, cls = attrib.get("id"), attrib.get("class")
        if "data-lp-replacement-content" in attrib or "nav" in attrib.get("role", "").replace("N", "n") \
                or "MostPopularStories" in attrib.get("data-component", "") \
                or _first_of(el, "id", "class", ident, cls, lambda v: "cookie" in v,
                             "re:test(@id|@class, 'cookie')") \
                or (ident is not None and ids.search(ident) is not None) \
                or (cls is not None and classes.search(cls) is not None):
            found.append(el)
    return found


def discard_1(tree) -> list:
    """OVERALL_DISCARD_XPATH[1]'s elements below `tree`, in document order."""
    found = []
    for el in tree.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        attrib = el.attrib
        if not attrib:
            continue
        ident, cls, style = attrib.get("id"), attrib.get("class"), attrib.get("style")
        if cls == "comments-title" or attrib.get("aria-hidden") == "true" \
                or (style is not None and ("display:none" in style or "display: none" in style)) \
                or (ident is not None and DISCARD_ID_1.search(ident) is not None) \
                or (cls is not None and DISCARD_CLASS_1.search(cls) is not None) \
                or ((ident is not None or cls is not None)
                    and _first_of(el, "id", "class", ident, cls, lambda v: v.startswith("reply-"),
                                  "starts-with(@id|@class, 'reply-')")) \
                or ((ident is not None or style is not None)
                    and _first_of(el, "id", "style", ident, style, lambda v: "hidden" in v,
                                  "re:test(@id|@style, 'hidden')")):
            found.append(el)
    return found


def _body_0_text(x) -> tuple[str, str, str]:
    """(XPath text, id alternation, class alternation) of BODY_XPATH[0] from trafilatura.xpaths' tokens."""
    ids, classes = x._alt(x._ARTICLE_CONTENT_ID_TOKENS), x._alt(x._ARTICLE_CONTENT_CLASS_TOKENS)
    text = f"""
        .//*[self::article or self::div or self::main or self::section][
        @class='post' or @class='entry' or
        @itemprop='articleBody' or @id='articleContent' or
        re:test(@id, '{ids}') or
        re:test(@class, '{classes}')
        ][1]
        """
    return text, ids, classes


_BODY_0: tuple[re.Pattern, re.Pattern] | None = None


def body_0(tree) -> list:
    """The first element in document order of BODY_XPATH[0] below `tree` (the XPath gives every element
    that is the first such child of its parent; trafilatura takes the first of them, this one), or []."""
    ids, classes = _BODY_0
    for el in tree.iterdescendants("article", "div", "main", "section"):
        attrib = el.attrib
        if not attrib:
            continue
        ident, cls = attrib.get("id"), attrib.get("class")
        if cls == "post" or cls == "entry" or attrib.get("itemprop") == "articleBody" \
                or ident == "articleContent" \
                or (ident is not None and ids.search(ident) is not None) \
                or (cls is not None and classes.search(cls) is not None):
            return [el]
    return []


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
                and getattr(raw[1], "path", None) == EXPECTED_ELEMENTOR \
                and isinstance(comments, list) and len(comments) == 1 \
                and getattr(comments[0], "path", None) == EXPECTED_COMMENTS_AND_LISTS:
            baseline.basic_cleaning = basic_cleaning
            external.basic_cleaning = basic_cleaning
            # trafilatura.core's own names only: its prune_unwanted_nodes calls each expression on the tree
            core.RAW_TREE_PRUNE_XPATH = [raw_prune, elementor_share]
            core.REMOVE_COMMENTS_AND_LISTS_XPATH = [comments_and_lists]
            _installed = True
            _install_discard()
            _install_body()
            _install_json_author()
            _install_meta_json()
            _install_author()
    return _installed


def _install_discard() -> None:
    global _DISCARD_0
    from importlib import import_module

    try:
        xpaths = import_module("trafilatura.xpaths")
        main_extractor = import_module("trafilatura.main_extractor")
        text, ids, classes = _discard_0_text(xpaths)
    except (ImportError, AttributeError, ValueError):
        return
    found = getattr(main_extractor, "OVERALL_DISCARD_XPATH", None)
    if isinstance(found, list) and len(found) == 2 and getattr(found[0], "path", None) == text \
            and getattr(found[1], "path", None) == EXPECTED_DISCARD_1:
        _DISCARD_0 = (re.compile(ids, re.UNICODE), re.compile(classes, re.UNICODE))
        main_extractor.OVERALL_DISCARD_XPATH = [discard_0, discard_1]


def _install_body() -> None:
    """BODY_XPATH[0] in trafilatura.main_extractor, whose `_extract` takes only the first element it gives."""
    global _BODY_0
    from importlib import import_module

    try:
        xpaths = import_module("trafilatura.xpaths")
        main_extractor = import_module("trafilatura.main_extractor")
        text, ids, classes = _body_0_text(xpaths)
    except (ImportError, AttributeError, ValueError):
        return
    found = getattr(main_extractor, "BODY_XPATH", None)
    if isinstance(found, list) and len(found) == 5 and getattr(found[0], "path", None) == text:
        _BODY_0 = (re.compile(ids, re.UNICODE), re.compile(classes, re.UNICODE))
        main_extractor.BODY_XPATH = [body_0, *found[1:]]


# trafilatura.json_metadata.extract_json_author as released in 2.3.1 (its crude author search in JSON-LD that
# json.loads refused): each author found is cut out by re.sub(count=1), which searches the text again for
# the match just found. On a page whose JSON-LD lists hundreds of authors (a 1.3 MB sample page: 429, in
# 840 KB of JSON) that was ~1.5 s of CPU, half of it the repeated search.
EXPECTED_JSON_AUTHOR = '''def extract_json_author(elemtext: str, regular_expression: Pattern[str]) -> str | None:
    """Crudely extract author names from JSON-LD data"""
    authors = None
    mymatch = regular_expression.search(elemtext)
    while mymatch:
        # first matching group (JSON_AUTHOR_1 has two)
        name = next(filter(None, mymatch.groups()), None)
        if not name or " " not in name:
            break
        authors = normalize_authors(authors, name)
        elemtext = regular_expression.sub(r"", elemtext, count=1)
        mymatch = regular_expression.search(elemtext)
    return authors or None
'''
_JSON_METADATA = None


def extract_json_author(elemtext: str, regular_expression: re.Pattern[str]) -> str | None:
    """trafilatura's extract_json_author (EXPECTED_JSON_AUTHOR), the match cut out by slicing: re.sub with
    count=1 removes the leftmost match, which is the one search() just gave, so the text is the same."""
    normalize_authors = _JSON_METADATA.normalize_authors
    authors = None
    mymatch = regular_expression.search(elemtext)
    while mymatch:
        name = next(filter(None, mymatch.groups()), None)
        if not name or " " not in name:
            break
        authors = normalize_authors(authors, name)
        elemtext = elemtext[:mymatch.start()] + elemtext[mymatch.end():]
        mymatch = regular_expression.search(elemtext)
    return authors or None


def _install_json_author() -> None:
    global _JSON_METADATA
    import inspect
    from importlib import import_module

    try:
        module = import_module("trafilatura.json_metadata")
        text = inspect.getsource(module.extract_json_author)
    except (ImportError, AttributeError, OSError, TypeError):
        return
    if text == EXPECTED_JSON_AUTHOR and callable(getattr(module, "normalize_authors", None)):
        _JSON_METADATA = module
        module.extract_json_author = extract_json_author   # (extract_json_parse_error looks it up there)


# trafilatura.metadata.extract_meta_json and trafilatura.json_metadata.normalize_json as released in 2.3.1:
# every JSON-LD script of the page is minified by `JSON_MINIFY.sub(r"\1", text)` (a Python template expansion
# for each whitespace character and each string of the JSON) and, when it holds a backslash, its surrogates
# dropped by a generator over every one of its characters: ~0.7 ms a page on the sample pages, the JSON of
# 140 of their 489 scripts holding a backslash. The forms below give the same text with C-level steps.
EXPECTED_META_JSON = '''def extract_meta_json(tree: HtmlElement, metadata: Document) -> Document:
    """Parse and extract metadata from JSON-LD data"""
    for elem in tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]'):
        if not elem.text:
            continue
        element_text = normalize_json(JSON_MINIFY.sub(r"\\1", elem.text))
        try:
            # strict=False: trim() handles \\n\\r\\t, but strict JSON rejects the full 0x00-0x1F
            # range; rarer control chars (from encoding issues) would otherwise raise here
            schema = json.loads(element_text, strict=False)
            metadata = extract_json(schema, metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(element_text, metadata)
    return metadata
'''
EXPECTED_NORMALIZE_JSON = '''def normalize_json(string: str) -> str:
    "Normalize unicode strings and trim the output"
    if "\\\\" in string:
        string = string.replace("\\\\n", "").replace("\\\\r", "").replace("\\\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = "".join(c for c in string if ord(c) < 0xD800 or ord(c) > 0xDFFF)
        string = unescape(string)
    return trim(HTML_STRIP_TAGS.sub("", string))
'''
EXPECTED_JSON_MINIFY = r'("(?:\\.|[^"\\])*")|\s'
# JSON_MINIFY's first branch alone: JSON_MINIFY's matches of it are the same (the second branch, one
# whitespace character, never starts a string), and what lies between them loses its whitespace
JSON_STRING = re.compile(r'("(?:\\.|[^"\\])*")')
SURROGATE = re.compile("[\ud800-\udfff]")
_META_JSON = None   # (trafilatura.metadata, trafilatura.json_metadata) once checked
_LD_SCRIPTS = None


def minify_json(text: str) -> str:
    """`JSON_MINIFY.sub(r"\\1", text)`: the JSON strings kept, the whitespace between them removed (`\\s` is
    what `str.split()` splits on)."""
    parts = JSON_STRING.split(text)
    parts[::2] = ["".join(part.split()) for part in parts[::2]]
    return "".join(parts)


def normalize_json(string: str) -> str:
    """trafilatura's normalize_json (EXPECTED_NORMALIZE_JSON), the surrogates dropped by one regex sub."""
    _, jm = _META_JSON
    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = jm.JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = SURROGATE.sub("", string)
        string = jm.unescape(string)
    return jm.trim(jm.HTML_STRIP_TAGS.sub("", string))


def extract_meta_json(tree, metadata):
    """trafilatura's extract_meta_json (EXPECTED_META_JSON) with minify_json and normalize_json above."""
    md, jm = _META_JSON
    for elem in _LD_SCRIPTS(tree):
        if not elem.text:
            continue
        element_text = normalize_json(minify_json(elem.text))
        try:
            schema = md.json.loads(element_text, strict=False)
            metadata = md.extract_json(schema, metadata)
        except md.json.JSONDecodeError:
            metadata = md.extract_json_parse_error(element_text, metadata)
    return metadata


def _install_meta_json() -> None:
    global _META_JSON, _LD_SCRIPTS
    import inspect
    from importlib import import_module

    try:
        md, jm = import_module("trafilatura.metadata"), import_module("trafilatura.json_metadata")
        texts = inspect.getsource(md.extract_meta_json), inspect.getsource(jm.normalize_json)
        from lxml import etree
    except (ImportError, AttributeError, OSError, TypeError):
        return
    if texts == (EXPECTED_META_JSON, EXPECTED_NORMALIZE_JSON) \
            and getattr(getattr(md, "JSON_MINIFY", None), "pattern", None) == EXPECTED_JSON_MINIFY \
            and md.normalize_json is jm.normalize_json and md.extract_json_parse_error is jm.extract_json_parse_error:
        _META_JSON = md, jm
        _LD_SCRIPTS = etree.XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
        # (json_metadata's own functions look normalize_json up there; metadata imported it by name)
        jm.normalize_json = md.normalize_json = normalize_json
        md.extract_meta_json = extract_meta_json


# trafilatura.metadata.extract_author, run on a page whose metas and JSON-LD name no author (a copy of the
# whole tree, pruned by AUTHOR_DISCARD_XPATHS, then AUTHOR_XPATHS tried in turn): each of these XPaths
# gathers every element of the page and calls back into Python's `re` for most of them, 3-5 ms a page.
# The walks below visit the elements in document order and test the same attributes; an XPath `//…` is
# read from the root of the element's document, `.//…` below the element. trafilatura's texts, verbatim:
EXPECTED_AUTHOR = (
    ("\n        //*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong][\n"
     "        @rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or\n"
     "        @data-testid='AuthorCard' or @data-testid='AuthorURL' or\n"
     "        re:test(@class, 'author-?name|AuthorName|authorName')]|//author\n        "),
    ("\n        //*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][\n"
     "        @class='byline' or @class='username' or @class='byl' or @class='BBL' or\n"
     "        contains(@itemprop, 'author') or\n"
     "        re:test(@id, 'author|zuozhe|bianji|xiaobian') or\n"
     "        re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]\n"
     "        "),
    ("\n        //*[\n"
     "        contains(@data-component, 'Byline') or contains(@itemprop, 'author') or\n"
     "        re:test(@id, '[Aa]uthor') or\n"
     "        re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]\n        "),
)
EXPECTED_AUTHOR_DISCARD = (
    ("\n        .//*[self::a or self::div or self::section or self::span][\n"
     "        @id='comments' or @class='comments' or @class='title' or @class='date' or\n"
     "        re:test(@id, '^comments|comment-?list|ProductReviews') or\n"
     "        re:test(@class, '^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
     "article-(?:share|support)|print|category|meta-date|meta-reviewer') or\n"
     "        contains(@data-component, 'Figure')]\n        "),
    "//time|//figure",
)
# (none of these patterns matches an empty text: an absent attribute, which re:test reads as "", never
# matches, and is skipped without a search)
AUTHOR_0_CLASS = re.compile("author-?name|AuthorName|authorName", re.UNICODE)
AUTHOR_1_ID = re.compile("author|zuozhe|bianji|xiaobian", re.UNICODE)
AUTHOR_1_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name",
                            re.UNICODE)
AUTHOR_2_ID = re.compile("[Aa]uthor", re.UNICODE)
AUTHOR_2_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline", re.UNICODE)
DISCARD_AUTHOR_ID = re.compile("^comments|comment-?list|ProductReviews", re.UNICODE)
DISCARD_AUTHOR_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                                  "article-(?:share|support)|print|category|meta-date|meta-reviewer", re.UNICODE)


def _document_root(tree):
    return tree.getroottree().getroot()


def _rel_me(el) -> bool:
    """XPath `rel='me'`: a child element <rel> whose string value is "me"."""
    return any(r.xpath("string()") == "me" for r in el.iterchildren("rel"))


def author_0(tree) -> list:
    """AUTHOR_XPATHS[0]'s elements (document order)."""
    found = []
    root = _document_root(tree)
    rels = next(root.iter("rel"), None) is not None   # (a page without <rel> elements: no child to read)
    for el in root.iter("a", "address", "div", "link", "p", "span", "strong", "author"):
        if el.tag == "author":
            found.append(el)
            continue
        get = el.get
        cls = get("class")
        if get("rel") == "author" or get("id") == "author" or cls == "author" \
                or get("itemprop") == "author name" or get("data-testid") in ("AuthorCard", "AuthorURL") \
                or (cls is not None and AUTHOR_0_CLASS.search(cls)) or (rels and _rel_me(el)):
            found.append(el)
    return found


def author_1(tree) -> list:
    """AUTHOR_XPATHS[1]'s elements (document order)."""
    found = []
    for el in _document_root(tree).iter("a", "div", "h3", "h4", "p", "span"):
        get = el.get
        cls, ident, prop = get("class"), get("id"), get("itemprop")
        if cls is None and ident is None and prop is None:
            continue
        if cls in ("byline", "username", "byl", "BBL") or (prop is not None and "author" in prop) \
                or (ident is not None and AUTHOR_1_ID.search(ident)) \
                or (cls is not None and AUTHOR_1_CLASS.search(cls)):
            found.append(el)
    return found


def author_2(tree) -> list:
    """AUTHOR_XPATHS[2]'s elements: any element (document order)."""
    from lxml.etree import Element

    found = []
    for el in _document_root(tree).iter(Element):
        get = el.get
        cls, ident = get("class"), get("id")
        if (cls is not None and AUTHOR_2_CLASS.search(cls)) or (ident is not None and AUTHOR_2_ID.search(ident)):
            found.append(el)
            continue
        comp, prop = get("data-component"), get("itemprop")
        if (comp is not None and "Byline" in comp) or (prop is not None and "author" in prop):
            found.append(el)
    return found


def discard_author_0(tree) -> list:
    """AUTHOR_DISCARD_XPATHS[0]'s elements below `tree` (document order)."""
    found = []
    for el in tree.iterdescendants("a", "div", "section", "span"):
        get = el.get
        cls, ident = get("class"), get("id")
        if ident == "comments" or cls in ("comments", "title", "date") \
                or (ident is not None and DISCARD_AUTHOR_ID.search(ident)) \
                or (cls is not None and DISCARD_AUTHOR_CLASS.search(cls)):
            found.append(el)
            continue
        comp = get("data-component")
        if comp is not None and "Figure" in comp:
            found.append(el)
    return found


def _install_author() -> None:
    """trafilatura.metadata's AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS[0] as the walks above, when its texts
    are the ones checked (extract_author calls each expression on a tree and reads the list it gives)."""
    from importlib import import_module

    try:
        metadata = import_module("trafilatura.metadata")
    except ImportError:
        return
    authors, discard = getattr(metadata, "AUTHOR_XPATHS", None), getattr(metadata, "AUTHOR_DISCARD_XPATHS", None)
    if isinstance(authors, list) and isinstance(discard, list) \
            and tuple(getattr(x, "path", None) for x in authors) == EXPECTED_AUTHOR \
            and tuple(getattr(x, "path", None) for x in discard) == EXPECTED_AUTHOR_DISCARD:
        metadata.AUTHOR_XPATHS = [author_0, author_1, author_2]
        metadata.AUTHOR_DISCARD_XPATHS = [discard_author_0, discard[1]]
