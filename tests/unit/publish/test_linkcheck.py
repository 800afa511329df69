from __future__ import annotations

from briefgen.publish.linkcheck import find_broken_links
from tests.unit.publish.conftest import write_site

BASE = "https://example.org/briefs/"


def test_can_pass_a_site_whose_links_all_resolve(tmp_path):
    site = write_site(tmp_path / "s", base=BASE)
    assert find_broken_links(site, BASE) == []


def test_can_find_a_missing_page_and_a_missing_asset(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={
        "about/index.html": '<a href="../briefs/third/">x</a> <img src="/briefs/assets/gone.png">'
                            ' <a href="../briefs/first/#top">ok</a>',
    })
    assert find_broken_links(site, BASE) == [
        ("about/index.html", "../briefs/third/"),
        ("about/index.html", "/briefs/assets/gone.png"),
    ]


def test_errors_when_a_root_relative_link_leaves_the_base_path(tmp_path):
    # Works in a preview served at /, breaks under /briefs/ in production.
    site = write_site(tmp_path / "s", base=BASE,
                      extra={"x.html": '<link href="/assets/style.3f2a9c1be0.css">'})
    assert find_broken_links(site, BASE) == [("x.html", "/assets/style.3f2a9c1be0.css")]


def test_can_check_feed_and_sitemap_urls_against_base_url(tmp_path):
    site = write_site(tmp_path / "s", base=BASE)
    (site / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/briefs/nope/'
        '</loc></url><url><loc>https://other.example/x</loc></url></urlset>', encoding="utf-8")
    assert find_broken_links(site, BASE) == [("sitemap.xml", "https://example.org/briefs/nope/")]


def test_can_check_css_urls_and_srcset(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={
        "assets/extra.css": "@import 'style.3f2a9c1be0.css'; .a{background:url(\"missing.svg\")}",
        "p.html": '<img srcset="assets/logo.png 1x, assets/logo@2x.png 2x">',
    })
    assert find_broken_links(site, BASE) == [("assets/extra.css", "missing.svg"),
                                             ("p.html", "assets/logo@2x.png")]


def test_can_ignore_external_fragment_and_mail_links(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={
        "p.html": '<a href="https://other.example/x">a</a><a href="#f">b</a><a href="mailto:a@b.c">c</a>'
                  '<a href="javascript:void(0)">d</a><img src="data:image/png;base64,AAAA">'})
    assert find_broken_links(site, BASE) == []


def test_errors_when_a_link_climbs_out_of_the_site(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={"p.html": '<a href="../../../etc/passwd">x</a>'})
    (tmp_path / "etc").mkdir()
    assert find_broken_links(site, BASE) == [("p.html", "../../../etc/passwd")]


def test_can_accept_a_folder_link_without_trailing_slash(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={"p.html": '<a href="briefs/first">x</a>'})
    assert find_broken_links(site, BASE) == []


def test_can_read_xhtml_pages_and_empty_files(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={
        "x.html": '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                  '<body><a href="gone/">x</a></body></html>',
        "empty.html": "<!-- nothing -->",
        "blank.html": ""})
    assert find_broken_links(site, BASE) == [("x.html", "gone/")]


def test_can_follow_base_href_and_meta_refresh(tmp_path):
    site = write_site(tmp_path / "s", base=BASE, extra={
        "old/index.html": '<meta http-equiv="refresh" content="0; url=../briefs/first/">',
        "deep/p.html": '<base href="https://example.org/briefs/briefs/">'
                       '<a href="first/">a</a><a href="third/">b</a>'})
    assert find_broken_links(site, BASE) == [("deep/p.html", "third/")]
