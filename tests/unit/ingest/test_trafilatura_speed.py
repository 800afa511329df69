"""briefgen.ingest.trafilatura_speed: the Python walks select exactly the elements of trafilatura's XPaths
(on every development page, the hand-written old-style pages and pages made to hit the corner cases), and
trafilatura's text is the same with them as without."""
from __future__ import annotations

import json
import subprocess
import sys
from copy import deepcopy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.ingest import trafilatura_speed as S
from briefgen.ingest.html import _parse
from briefgen.ingest.readers import read_raw

trafilatura = pytest.importorskip("trafilatura")
if getattr(trafilatura, "__version__", None) != S.CHECKED_VERSION:
    pytest.skip(f"trafilatura {trafilatura.__version__} runs unchanged (checked: {S.CHECKED_VERSION})",
                allow_module_level=True)

from trafilatura.settings import BASIC_CLEAN_XPATH  # noqa: E402
from trafilatura.xpaths import (  # noqa: E402
    AUTHOR_DISCARD_XPATHS,
    AUTHOR_XPATHS,
    BODY_XPATH,
    OVERALL_DISCARD_XPATH,
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
)

S.install()   # (OVERALL_DISCARD_XPATH's walks need the regexes install() builds from its tokens)

DATA = Path(__file__).resolve().parents[2] / "data"
PAGES = sorted((DATA / "samples" / "pages").glob("*/source.html")) \
    + sorted((DATA / "html-oldstyle").glob("*.html"))

CORNERS = """<html><head><style>p{}</style><script>x=1</script></head><body>
<div class="site-footer" id="main">a</div><div id="main" class="site-footer">b</div>
<div id="footer-2" class="content">c</div><div class="content" id="footer-2">d</div>
<div class="" id="footer">e</div><div id="" class="footer">f</div><div class="Footer">g</div>
<aside>h</aside><footer>i</footer><template>j</template><svg><path d="M0"/></svg><fencedframe/>
<p class="COOKIE-BANNER">k</p><span id="coo\u212aie_notice">l</span><div class="x cookiebot">m</div>
<section id="onetrust-banner-sdk">n</section><div class="notice--cookie">o</div>
<div class="cookie">p</div>
<div class="Comments">q</div><div class="commentary">r</div><div id="comment-12">s</div>
<div id="disqus_thread">t</div><section class="post-comments">u</section><details id="comol">v</details>
<ol id="comments"><li>w</li></ol><ul class="comment-list"><li>x</li></ul><ul id="dsq-comments"><li>y</li></ul>
<ol id="disqus_thread"><li>z</li></ol><div class=" comment">aa</div>
<div class="infinite-scroll"><h1>Story</h1></div><div id="infinitescroll">bb</div>
<section class="mvp-post-add-box"><h1>Next</h1></section><aside id="mvp-post-add-wrap">cc</aside>
<div class="mvp-post-add-boxes"><p>dd</p></div>
<div data-lp-replacement-content="">ee</div><span role="Navigation">ff</span>
<p data-component="MostPopularStories">gg</p>
<div class="cookie-box" id="main">hh</div><div id="main" class="cookie-box">ii</div>
<item class="sidebar">jj</item>
<list id="related-links">kk</list><section class="comments-title">ll</section>
<b class="reply-x" id="y">mm</b>
<b id="y" class="reply-x">nn</b><i id="hidden-x" style="color:red">oo</i>
<i style="color:red" id="hidden-x">pp</i>
<section><p>x</p><div id="x"><div class="article-body">uu</div></div><div class="post">vv</div></section>
<div class="elementor-share-buttons--view">ww</div><section class="a elementor-share-buttons">xx</section>
<aside class="elementor-share-buttons">yy</aside><p class="elementor-share-buttons">zz</p>
<div id="elementor-share-buttons">ab</div><div class="Elementor-share-buttons">ac</div>
<u style="display: none">qq</u><u id="akismet-1">rr</u><u class="a hidden">ss</u><u aria-hidden="true">tt</u>
</body></html>"""


AUTHOR_CORNERS = """<html><body><p>x<rel>m<b>e</b></rel></p><span><rel>me</rel><rel>you</rel></span>
<div><rel> me</rel></div><a rel="author">a1</a><div id="author">a2</div><p class="author">a3</p>
<link itemprop="author name"/><strong data-testid="AuthorCard">a4</strong><span data-testid="AuthorURL">a5</span>
<address class="the-authorname">a6</address><b class="author-name">a7</b><author>a8</author><h2 id="author">a9</h2>
<h3 class="byline">b1</h3><h4 class="BBL">b2</h4><span itemprop="co-author">b3</span><div id="zuozhe-x">b4</div>
<p class="posted-by">b5</p><div class="Byline">b6</div><em data-component="TheByline">c1</em>
<i itemprop="author">c2</i><u id="Author-box">c3</u><b class="screenname">c4</b><b class="writer-x">c5</b>
<section id="comments">d1</section><a class="comments">d2</a><div class="title">d3</div><span class="date">d4</span>
<div id="commentlist">d5</div><div id="x-ProductReviews">d6</div><span class="Comments-x">d7</span>
<div class="x comments">d8</div><a class="print-me">d9</a><div data-component="Figure">e1</div>
<p class="comments">e2</p><div class=" comments">e3</div><time>e4</time><figure>e5</figure>
</body></html>"""


def _trees():
    yield "corners", _parse(CORNERS)
    yield "author corners", _parse(AUTHOR_CORNERS)
    for path in PAGES:
        yield path.name, _parse(read_raw(path).text)


@pytest.mark.parametrize("name, tree", list(_trees()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_walks_select_what_the_xpaths_select(name, tree):
    for root in (tree, tree.find(".//body")):
        assert S.selected(root) == BASIC_CLEAN_XPATH(root)
        assert S.raw_prune(root) == RAW_TREE_PRUNE_XPATH[0](root)
        assert S.elementor_share(root) == RAW_TREE_PRUNE_XPATH[1](root)
        assert S.comments_and_lists(root) == REMOVE_COMMENTS_AND_LISTS_XPATH[0](root)
        assert S.discard_0(root) == OVERALL_DISCARD_XPATH[0](root)
        assert S.discard_1(root) == OVERALL_DISCARD_XPATH[1](root)
        assert S.body_0(root) == BODY_XPATH[0](root)[:1]   # trafilatura takes the first
    # extract_author reads a copy of the page (a document of its own)
    for root in (tree, tree.find(".//body"), deepcopy(tree)):
        for walk, xpath in zip((S.author_0, S.author_1, S.author_2), AUTHOR_XPATHS, strict=True):
            assert walk(root) == xpath(root)
        assert S.discard_author_0(root) == AUTHOR_DISCARD_XPATHS[0](root)


def test_the_corner_page_hits_every_branch():
    tree = _parse(CORNERS)
    texts = {el.text_content() for el in S.selected(tree)}
    assert {"a", "c", "h", "i", "k", "l", "m", "n", "o"} <= texts
    assert not {"e", "f", "g"} & texts   # the first of class and id decides: "" before "footer"
    assert {el.text_content() for el in S.comments_and_lists(tree)} >= {"q", "s", "t", "u", "v", "w", "x"}
    assert {el.text_content() for el in S.raw_prune(tree)} == {"bb", "Next", "cc", "dd"}
    assert [el.text_content() for el in S.elementor_share(tree)] == ["ww", "xx", "yy"]
    assert {el.text_content() for el in S.discard_0(tree)} >= {"ee", "ff", "gg", "hh", "jj", "kk"}
    assert {el.text_content() for el in S.discard_1(tree)} >= {"ll", "mm", "oo", "qq", "rr", "ss", "tt"}
    # of id and class (or id and style) the first in the source decides
    assert not {"ii"} & {el.text_content() for el in S.discard_0(tree)}
    assert [el.text_content() for el in S.body_0(tree)] == ["uu"]
    assert not {"nn", "pp"} & {el.text_content() for el in S.discard_1(tree)}


def test_the_author_corner_page_hits_every_branch():
    tree = _parse(AUTHOR_CORNERS)
    texts = [[el.text_content() for el in walk(tree)] for walk in (S.author_0, S.author_1, S.author_2)]
    assert texts[0] == ["xme", "meyou", "a1", "a2", "a3", "", "a4", "a5", "a6", "a8"]
    assert texts[1] == ["a2", "a3", "b1", "b2", "b3", "b4", "b5"]
    assert texts[2] == ["a2", "a3", "", "a6", "a7", "a9", "b1", "b3", "b6", "c1", "c2", "c3", "c4", "c5"]
    discarded = [el.text_content() for el in S.discard_author_0(tree)]
    assert discarded == ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d9", "e1"]   # (not " comments")
    for pattern in (S.AUTHOR_0_CLASS, S.AUTHOR_1_ID, S.AUTHOR_1_CLASS, S.AUTHOR_2_ID, S.AUTHOR_2_CLASS,
                    S.DISCARD_AUTHOR_ID, S.DISCARD_AUTHOR_CLASS):
        assert pattern.search("") is None   # (an absent attribute is skipped without a search)


def test_it_is_installed_for_the_checked_release():
    from importlib import import_module

    assert S.install()
    baseline, core = import_module("trafilatura.baseline"), import_module("trafilatura.core")
    main_extractor = import_module("trafilatura.main_extractor")
    assert baseline.basic_cleaning is S.basic_cleaning
    assert core.RAW_TREE_PRUNE_XPATH == [S.raw_prune, S.elementor_share]
    assert main_extractor.OVERALL_DISCARD_XPATH == [S.discard_0, S.discard_1]
    assert main_extractor.BODY_XPATH[0] is S.body_0
    metadata = import_module("trafilatura.metadata")
    assert metadata.AUTHOR_XPATHS == [S.author_0, S.author_1, S.author_2]
    assert metadata.AUTHOR_DISCARD_XPATHS[0] is S.discard_author_0


_TEXTS = """
import json, sys
from pathlib import Path
from briefgen.ingest import html as H, trafilatura_speed as S
from briefgen.ingest.readers import read_raw
if sys.argv[1] == "stock":
    S._installed = False
out = []
for p in sys.argv[2:]:
    doc = H._parse(read_raw(Path(p)).text)
    out.append([H._trafilatura(doc, H.Options(), fast) for fast in (True, False)])
print(json.dumps(out))
"""


def test_trafilatura_gives_the_same_text_with_the_faster_steps():
    paths = [str(p) for p in PAGES[::4]]

    def texts(mode):
        done = subprocess.run([sys.executable, "-c", _TEXTS, mode, *paths], capture_output=True, text=True,
                              check=True, cwd=Path(__file__).resolve().parents[3])
        return json.loads(done.stdout)

    assert texts("fast") == texts("stock")


def _pages() -> list[Path]:
    """PAGES, and the shared sample pages beside the repository or under BRIEFGEN_SHARED when found."""
    import os

    for base in (os.environ.get("BRIEFGEN_SHARED"), Path(__file__).resolve().parents[3].parent / "shared"):
        if base and (Path(base) / "samples" / "pages").is_dir():
            shared = Path(base) / "samples"
            return PAGES + sorted((shared / "pages").glob("*/source.html")) \
                + sorted((shared / "pages-world").glob("*/source.html"))
    return PAGES


_JSON_PIECES = st.sampled_from(['"author":', '"author" :', '{"@type":"Person",', '"Person"', '"person"', '"name":',
                                '"names":', '"nam":', '\\\\"name\\\\": \\\\"', ' "Ann Lee"', '"Bo Li"', '"Cy"', '"Dee Dee Ray"',
                                '}', ']', '[', '{', ',', ' ', '"x"', 'a b', '\\\\', '"'])


def _plain_json_author():
    from trafilatura import json_metadata

    from briefgen.ingest.trafilatura_speed import EXPECTED_JSON_AUTHOR

    namespace = dict(vars(json_metadata))
    exec(EXPECTED_JSON_AUTHOR, namespace)   # noqa: S102  trafilatura's own text (install() checks it is the released one)
    return namespace["extract_json_author"]


@settings(max_examples=400, deadline=None)
@given(st.lists(_JSON_PIECES, max_size=30).map("".join))
def test_json_author_without_the_second_search_is_trafilaturas(text):
    from trafilatura import json_metadata as jm

    from briefgen.ingest.trafilatura_speed import extract_json_author, install

    if not install() or jm.extract_json_author is not extract_json_author:
        pytest.skip("another trafilatura release: its own extract_json_author runs")
    plain = _plain_json_author()
    for rx in (jm.JSON_AUTHOR_1, jm.JSON_AUTHOR_2):
        assert extract_json_author(text, rx) == plain(text, rx)


def test_json_author_without_the_second_search_is_trafilaturas_on_the_sample_pages():
    import lxml.html
    from trafilatura import json_metadata as jm
    from trafilatura.metadata import JSON_MINIFY

    from briefgen.ingest.trafilatura_speed import extract_json_author, install

    if not install() or jm.extract_json_author is not extract_json_author:
        pytest.skip("another trafilatura release: its own extract_json_author runs")
    plain = _plain_json_author()
    found = 0
    for page in _pages():
        for script in lxml.html.document_fromstring(page.read_bytes()).iter("script"):
            if "json" in (script.get("type") or "") and script.text and '"author"' in script.text:
                text = jm.JSON_AUTHOR_REMOVE.sub("", jm.normalize_json(JSON_MINIFY.sub(r"\1", script.text)))
                if len(text) > 200_000:
                    text = text[:200_000]   # (trafilatura's own form takes seconds on the largest)
                for rx in (jm.JSON_AUTHOR_1, jm.JSON_AUTHOR_2):
                    got = extract_json_author(text, rx)
                    assert got == plain(text, rx), page
                    found += got is not None
    assert found >= 20


def _plain_meta_json():
    """trafilatura's extract_meta_json and normalize_json as released (their checked texts), run in a copy of
    their modules' names: what ran before install()."""
    from trafilatura import json_metadata, metadata

    from briefgen.ingest.trafilatura_speed import EXPECTED_META_JSON, EXPECTED_NORMALIZE_JSON

    jm = dict(vars(json_metadata))
    exec(EXPECTED_NORMALIZE_JSON, jm)   # noqa: S102  trafilatura's own text (install() checks it)
    md = dict(vars(metadata), normalize_json=jm["normalize_json"])
    exec(EXPECTED_META_JSON, md)   # noqa: S102
    return md["extract_meta_json"], jm["normalize_json"]


# every character class the two steps treat apart: quotes, backslashes and escapes, ASCII and Unicode
# whitespace (\s is str.isspace's set), surrogates, tags, entities, letters
_JSON_CHARS = st.sampled_from(['"', '\\', '\\"', '\\n', '\\t', '\\r', '\\u00e9', '\\ud83d', '\\ude00', '\\uZZ',
                               ' ', '\n', '\t', '\x1c', '\x85', '\xa0', '\u2028', '\u3000', '\ud800', '\udfff',
                               '<b>', '</b>', '<!-- x -->', '&amp;', '&eacute;', 'a', 'é', '{', '}', ':', ','])


@settings(max_examples=600, deadline=None)
@given(st.lists(_JSON_CHARS, max_size=40).map("".join))
def test_json_minified_and_normalised_as_trafilatura_does(text):
    from trafilatura.metadata import JSON_MINIFY

    if S._META_JSON is None:
        pytest.skip("another trafilatura release: its own extract_meta_json runs")
    _, plain_normalize = _plain_meta_json()
    assert S.minify_json(text) == JSON_MINIFY.sub(r"\1", text)
    assert S.normalize_json(text) == plain_normalize(text)


def _fields_of(doc) -> dict:
    """A Document's metadata fields (not its body trees, new elements in each Document)."""
    return {name: getattr(doc, name, None) for name in doc.__slots__ if name not in ("body", "commentsbody")}


def test_meta_json_is_trafilaturas_on_the_sample_pages():
    """The metadata extract_meta_json gives on every sample page, and on a page made for the corners (JSON
    that json.loads refuses, escapes, surrogates, a settings script), is the same as the released form's."""
    from trafilatura import metadata
    from trafilatura.settings import Document

    if S._META_JSON is None or metadata.extract_meta_json is not S.extract_meta_json:
        pytest.skip("another trafilatura release: its own extract_meta_json runs")
    plain, _ = _plain_meta_json()
    corner = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A \\u00e9 \\ud83d'
              '\\ude00 &amp; <b>b</b>",\n "author": {"@type": "Person", "name": "Ann  Lee"}}</script>'
              '<script type="application/ld+json">{"@type":"NewsArticle", "headline": "Broken \\"x\\" ,, }'
              '</script><script type="application/settings+json">{"publisher": {"name": "Town\\tGazette"}}'
              '</script></head><body><p>x</p></body></html>')
    pages = _pages()
    trees = [_parse(read_raw(p).text) for p in pages] + [_parse(corner)]
    fields = 0
    for tree in trees:
        if tree is None:
            continue
        got, want = (_fields_of(f(tree, Document())) for f in (S.extract_meta_json, plain))
        assert got == want
        fields += sum(v is not None for v in got.values())
    # the JSON-LD of the pages gives titles, authors, site names, types: 194 fields from tests/data's pages
    # alone (a clone without ../shared), far more with the 255 shared sample pages
    assert fields >= (300 if len(pages) > len(PAGES) else 150)
