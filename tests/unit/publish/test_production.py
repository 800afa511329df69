from __future__ import annotations

import gzip

from briefgen.publish.linkcheck import find_broken_links
from briefgen.publish.production import LONG_CACHE, SHORT_CACHE, finish_site, headers_text, is_hashed_asset


def _rules(text: str) -> dict[str, str]:
    """path -> Cache-Control of a _headers file."""
    rules, path = {}, None
    for line in text.splitlines():
        if line.startswith("/"):
            path = line.strip()
        elif line.strip().startswith("Cache-Control:"):
            rules[path] = line.split(":", 1)[1].strip()
    return rules


def test_can_tell_content_hashed_assets_from_plain_files():
    assert is_hashed_asset("assets/style.3f2a9c1be0.css")
    assert is_hashed_asset("app-5d41402abc4b2a76.js")
    assert not is_hashed_asset("assets/logo.png")
    assert not is_hashed_asset("2026/01/20260116.css")  # digits alone read as a date, not a hash
    assert not is_hashed_asset("briefs/deadbeefcafe.html")  # pages are never immutable


def test_can_give_hashed_assets_a_long_cache_and_pages_a_short_one():
    rules = _rules(headers_text(["index.html", "feed.xml", "briefs/a/index.html", "briefs/b/index.html",
                                 "assets/style.3f2a9c1be0.css", "assets/app.5d41402abc.js",
                                 "img/logo.png", "index.html.gz"]))
    assert rules == {"/index.html": SHORT_CACHE, "/": SHORT_CACHE, "/feed.xml": SHORT_CACHE,
                     "/assets/*": LONG_CACHE, "/briefs/*": SHORT_CACHE, "/img/*": SHORT_CACHE}


def test_can_split_a_mixed_folder_into_rules_that_never_overlap():
    rules = _rules(headers_text(["index.html", "static/style.3f2a9c1be0.css", "static/logo.png",
                                 "static/fonts/a.woff2"]))
    assert rules["/static/style.3f2a9c1be0.css"] == LONG_CACHE
    assert rules["/static/logo.png"] == SHORT_CACHE
    assert rules["/static/fonts/*"] == SHORT_CACHE
    assert "/static/*" not in rules


def test_can_add_host_files(site):
    written = finish_site(site, minify=False, gz=False, cname="news.example.org")
    assert (site / ".nojekyll").read_bytes() == b""
    assert (site / "CNAME").read_text() == "news.example.org\n"
    assert _rules((site / "_headers").read_text())["/assets/style.3f2a9c1be0.css"] == LONG_CACHE
    assert set(written) == {".nojekyll", "CNAME", "_headers"}


def test_can_leave_cname_out_when_not_set(site):
    finish_site(site, minify=False, gz=False, cname="")
    assert not (site / "CNAME").exists()


def test_can_minify_html_and_css_without_breaking_links(site):
    before = {p: (site / p).stat().st_size for p in ("index.html", "assets/style.3f2a9c1be0.css")}
    written = finish_site(site, minify=True, gz=False)
    assert {"index.html", "assets/style.3f2a9c1be0.css"} <= set(written)
    for rel, size in before.items():
        assert (site / rel).stat().st_size < size
    html = (site / "index.html").read_text()
    assert "\n  " not in html and "</html>" in html and "Tokyo and Washington agree." in html
    assert find_broken_links(site, "http://127.0.0.1:8000/") == []


def test_can_write_gzip_copies_that_are_byte_stable(site, tmp_path):
    finish_site(site, minify=False, gz=True)
    packed = site / "assets" / "style.3f2a9c1be0.css.gz"
    assert gzip.decompress(packed.read_bytes()) == (site / "assets/style.3f2a9c1be0.css").read_bytes()
    assert not (site / "assets" / "logo.png.gz").exists()  # images are compressed already
    first = packed.read_bytes()
    packed.unlink()
    finish_site(site, minify=False, gz=True)
    assert packed.read_bytes() == first  # mtime 0: the same site gives the same bytes


def test_errors_when_cname_is_not_a_domain(site):
    import pytest

    from briefgen.errors import PublishError

    with pytest.raises(PublishError, match="not a domain name"):
        finish_site(site, minify=False, gz=False, cname="https://news.example.org/")


def test_can_write_an_international_cname_as_punycode(site):
    finish_site(site, minify=False, gz=False, cname="nachrichten.bücher.example")
    assert (site / "CNAME").read_text() == "nachrichten.xn--bcher-kva.example\n"
