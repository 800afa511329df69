"""Issue 15 and issue 14 items 10-13: the edition front page, country pages, the header on every
page kind, one date on a brief page, chips, images (hotlinked without a referrer)."""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from briefgen.model import Brief
from briefgen.site.collections import edition_groups, edition_summary, group
from briefgen.site.content import Item
from briefgen.site.markdown import drop_date_line

TZ = ZoneInfo("Europe/Zurich")
JAPAN = "2026/01/le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire/index.html"

# One page of every kind the fixture site has (each tree: fr at the root, de under /de/).
PAGE_KINDS = ["index.html", JAPAN, "regions/index.html", "regions/eastern-asia/index.html",
              "regions/eastern-asia/defence/index.html", "themes/index.html", "themes/defence/index.html",
              "countries/index.html", "countries/jp/index.html", "2026/01/index.html", "archives/index.html",
              "editions/2026-01-16/index.html", "search/index.html", "404.html"]


def _item(slug, day, regions=(), countries=(), themes=(), key_points=()):
    when = datetime(2026, 1, day, 12, tzinfo=TZ)
    b = Brief(title=slug, slug=slug, lang="fr", date=when, body="", regions=tuple(regions),
              countries=tuple(countries), themes=tuple(themes), key_points=tuple(key_points))
    return Item(brief=b, sig=slug, url=f"2026/01/{slug}/", when=when)


def test_edition_lists_each_brief_once_under_its_first_region_biggest_group_first():
    items = [_item("wide", 5, ["eastern-asia", "northern-america", "western-europe"], ["JP", "US", "FR"]),
             _item("small", 5, ["western-europe"], ["FR"]),
             _item("other", 5, ["western-europe"], ["DE"], key_points=["x"]),
             _item("none", 5)]
    groups = edition_groups(items)
    assert [(g, [it.brief.slug for it in m]) for g, m in groups] == [
        ("western-europe", ["other", "small"]), ("eastern-asia", ["wide"]), (None, ["none"])]
    assert sum(len(m) for _, m in groups) == len(items)           # each brief once
    by_theme = edition_groups([_item("a", 5, themes=["economy", "energy"]), _item("b", 5, themes=["energy"])],
                              "theme")
    assert [g for g, _ in by_theme] == ["economy", "energy"]
    summary = edition_summary(items, groups)
    assert summary["total"] == 4 and summary["groups"] == [("western-europe", 2), ("eastern-asia", 1)]


def test_countries_are_grouped_by_upper_case_code():
    c = group([_item("a", 2, countries=["JP", "US"]), _item("b", 1, countries=["JP"])])
    assert {k: [it.brief.slug for it in v] for k, v in c.by_country.items()} == {"JP": ["a", "b"], "US": ["a"]}


def test_the_body_loses_only_an_opening_line_that_is_the_brief_date():
    when = datetime(2026, 1, 16, 9, 41)
    assert drop_date_line("vendredi 16 janvier 2026\n\nTexte.", when, "fr") == "Texte."
    assert drop_date_line("Friday, January 16, 2026\n\nText.", when, "de") == "Text."
    assert drop_date_line("samedi 17 janvier 2026\n\nTexte.", when, "fr").startswith("samedi")
    assert drop_date_line("vendredi 16 janvier 2026 a commencé\n\nTexte.", when, "fr").startswith("vendredi")


def test_an_opening_paragraph_without_the_year_is_kept_without_asking_babel(monkeypatch):
    """A date line holds its year in digits in every language babel writes: a first paragraph
    without it (most bodies) is kept without formatting the date in the brief's language (loading
    that language's data: the first brief of each language of a day's briefs paid it)."""
    from briefgen.site import markdown

    def refuse(day, lang):
        raise AssertionError("babel asked")

    monkeypatch.setattr(markdown, "_written_dates", refuse)
    when = datetime(2026, 1, 16, 9, 41)
    assert drop_date_line("Le conseil a voté 15 millions.\n\nTexte.", when, "it").startswith("Le conseil")
    assert drop_date_line("vendredi 16 janvier\n\nTexte.", when, "fr").startswith("vendredi")
    with pytest.raises(AssertionError):
        drop_date_line("vendredi 16 janvier 2026\n\nTexte.", when, "fr")


def test_every_page_kind_carries_the_header_with_its_search_box(scratch_project, build_project):
    """Issue 14 item 10: theme pages lost the search box (a page variable hid `theme`)."""
    out = build_project(scratch_project).out
    for prefix in ("", "de/"):
        for rel in PAGE_KINDS:
            html = (out / prefix / rel).read_text(encoding="utf-8")
            assert '<header class="site-header">' in html, prefix + rel
            assert html.count('role="search"') == 1 and html.count('type="search"') == 1, prefix + rel


def test_a_page_variable_that_hides_a_template_global_is_a_build_error(scratch_project, build_project,
                                                                         monkeypatch):
    from briefgen.site import pages

    original = pages.plain_pages

    def shadowing():
        for page in original():
            if page.template == "search.html":
                page.context = lambda: {"theme": "economy"}
            yield page

    monkeypatch.setattr(pages, "plain_pages", shadowing)
    result = build_project(scratch_project)
    assert any("hides template globals ['theme']" in str(e) for e in result.errors)


def test_the_front_page_is_the_newest_edition_with_each_brief_once(scratch_project, build_project):
    out = build_project(scratch_project).out
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-01-18">dimanche, 18 janvier 2026</time>' in home
    assert "Dans cette édition\u00a0:" in home and "2 brèves" in home
    assert 'href="/briefs/editions/2026-01-16/"' in home and 'href="/briefs/archives/"' in home
    for title in ("Norway boosts Arctic patrols", "Berlin und Paris einigen sich auf Energiepakt"):
        assert home.count(f">{title}</a>") == 1
    assert "Le Japon" not in home                         # an older day's brief
    german = (out / "de" / "index.html").read_text(encoding="utf-8")
    assert "Sonntag, 18. Januar 2026" in german


def test_the_latest_front_keeps_the_old_home(scratch_project, build_project):
    cfg = (scratch_project / "briefgen.toml").read_text(encoding="utf-8")
    (scratch_project / "briefgen.toml").write_text(cfg + 'front = "latest"\n', encoding="utf-8")
    home = (build_project(scratch_project).out / "index.html").read_text(encoding="utf-8")
    assert 'id="latest"' in home and "Le Japon" in home


def test_a_brief_in_several_regions_shows_its_other_regions_and_countries_as_chips(scratch_project,
                                                                                   build_project):
    out = build_project(scratch_project).out
    edition = (out / "editions/2026-01-16/index.html").read_text(encoding="utf-8")
    assert edition.count(">Le Japon et les Etats-Unis vont renforcer leur coopération militaire</a>") == 1
    chips = re.findall(r'class="chip[^"]*" href="([^"]+)"', edition)
    assert "/briefs/regions/northern-america/" in chips and "/briefs/regions/eastern-asia/" not in chips
    assert "/briefs/countries/jp/" in chips


def test_country_pages_list_their_briefs_with_a_feed(scratch_project, build_project):
    out = build_project(scratch_project).out
    page = (out / "countries/jp/index.html").read_text(encoding="utf-8")
    assert "<h1>Japon</h1>" in page and "Le Japon et les Etats-Unis" in page
    assert 'href="/briefs/countries/jp/feed.xml"' in page
    feed = (out / "countries/jp/feed.xml").read_text(encoding="utf-8")
    assert "<title>Revue de presse – Japon</title>" in feed and "le-japon-et-les-etats-unis" in feed
    index = (out / "countries/index.html").read_text(encoding="utf-8")
    assert 'href="/briefs/countries/jp/"' in index and 'href="/briefs/countries/no/"' in index


def test_brief_image_is_lazy_sized_without_referrer_and_credited(scratch_project, build_project):
    out = build_project(scratch_project).out
    page = (out / JAPAN).read_text(encoding="utf-8")
    img = re.search(r'<figure class="lead-image">\s*<img ([^>]+)>', page).group(1)
    assert 'src="https://images.example.org/hegseth-koizumi.jpg"' in img
    assert 'loading="lazy"' in img and 'referrerpolicy="no-referrer"' in img
    assert re.search(r'width="\d+" height="\d+"', img) and 'alt=""' in img   # the caption says it
    assert re.search(r"<span class=\"credit\">Photo\W+keystone-sda.ch</span>", page)
    edition = (out / "editions/2026-01-16/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img class="thumb" src="https://images.example.org/hegseth-koizumi.jpg"[^>]*'
                     r'loading="lazy"[^>]*referrerpolicy="no-referrer"', edition)


def test_a_caption_without_an_image_is_not_shown_alone(scratch_project, build_project):
    path = scratch_project / "content/briefs/2026/01" / (JAPAN.split("/")[2] + ".md")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  url: https://images.example.org/hegseth-koizumi.jpg\n", ""), encoding="utf-8")
    page = (build_project(scratch_project).out / JAPAN).read_text(encoding="utf-8")
    assert "Le secrétaire américain" not in page and "<figure" not in page


def test_an_image_url_that_is_not_http_is_never_used(scratch_project, build_project):
    path = scratch_project / "content/briefs/2026/01" / (JAPAN.split("/")[2] + ".md")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "https://images.example.org/hegseth-koizumi.jpg", "javascript:alert(1)"), encoding="utf-8")
    result = build_project(scratch_project)
    assert any("not an absolute http(s) URL" in str(e) for e in result.errors)   # the brief is refused
    for html in (p.read_text(encoding="utf-8") for p in result.out.rglob("*.html")):
        assert "javascript:" not in html


# -- images kept by the site (images = "download"), served by a real local HTTP server -------------

class _Images:
    """A local HTTP server: /photo.png (a real PNG), /big.jpg (over the limit), /page.html (not an image)."""

    def __init__(self, tmp_path):
        import functools
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        from PIL import Image

        root = tmp_path / "www"
        root.mkdir()
        Image.new("RGBA", (900, 600), (200, 30, 30, 255)).save(root / "photo.png")
        Image.effect_noise((1600, 1600), 90).convert("RGB").save(root / "big.jpg", quality=100)
        (root / "page.html").write_text("<p>not an image</p>", encoding="utf-8")
        self.requests = []
        outer = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                outer.requests.append(self.path)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _with_image(project, url):
    path = project / "content/briefs/2026/01" / (JAPAN.split("/")[2] + ".md")
    text = re.sub(r"(?m)^  url: \S*images\S*$|^  url: http://127\S*$", f"  url: {url}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def test_downloaded_images_are_resized_cached_and_served_by_the_site(scratch_project, build_project, tmp_path):
    from PIL import Image

    server = _Images(tmp_path)
    try:
        _with_image(scratch_project, server.base + "photo.png")
        out = build_project(scratch_project, site={"images": "download"}).out
        page = (out / JAPAN).read_text(encoding="utf-8")
        src = re.search(r'<figure class="lead-image">\s*<img src="/briefs/(images/[^"]+)"', page).group(1)
        assert 'width="900" height="600"' in page and server.base not in page
        with Image.open(out / src) as full:
            assert full.format == "JPEG" and full.size == (900, 600)
        edition = (out / "editions/2026-01-16/index.html").read_text(encoding="utf-8")
        thumb = re.search(r'<img class="thumb" src="/briefs/(images/[^"]+)"', edition).group(1)
        with Image.open(out / thumb) as small:
            assert small.size == (320, 213)
        assert server.requests == ["/photo.png"]
        (scratch_project / "content/briefs/2026/01/norway-boosts-arctic-patrols.md").touch()
        again = build_project(scratch_project, site={"images": "download"}, clean=True)
        assert server.requests == ["/photo.png"] and (again.out / src).is_file()   # from the cache
    finally:
        server.close()


def test_an_image_over_the_limit_or_not_an_image_is_not_kept_nor_hotlinked(scratch_project, build_project,
                                                                           tmp_path, caplog):
    server = _Images(tmp_path)
    try:
        for name, why in (("big.jpg", "larger than 100 KB"), ("page.html", "not an image type")):
            _with_image(scratch_project, server.base + name)
            out = build_project(scratch_project, site={"images": "download", "image_max_kb": 100}).out
            page = (out / JAPAN).read_text(encoding="utf-8")
            assert "<img" not in page and "Le secrétaire américain" not in page
            assert why in caplog.text
            assert not (out / "images").exists()
    finally:
        server.close()


# -- the world map ---------------------------------------------------------------------------------

def test_map_data_is_small_projected_and_says_where_it_comes_from():
    from briefgen.site import worldmap

    data = worldmap.shapes()
    assert "Natural Earth" in data["_provenance"] and "public domain" in data["_provenance"]
    assert {"FR", "JP", "US", "CN", "BR", "ZA", "AU", "CH", "NO"} <= set(data["countries"])
    assert "AQ" not in data["countries"] and worldmap.DATA.stat().st_size < 150_000
    assert data["width"] == 2000 and 700 < data["height"] < 1000


def test_map_links_each_country_with_briefs_to_its_page_with_a_localised_name():
    from briefgen.site import worldmap

    svg = str(worldmap.render({"JP": 3, "CH": 1}, {"JP": "Japon", "CH": "Suisse"}.get,
                              lambda c: f"/countries/{c.lower()}/", lambda n, k: f"{n} : {k} brèves", "Carte"))
    links = re.findall(r'<a href="([^"]+)" class="n(\d)" aria-label="([^"]+)">', svg)
    assert links == [("/countries/ch/", "2", "Suisse : 1 brèves"), ("/countries/jp/", "4", "Japon : 3 brèves")]
    assert len(svg.encode()) < 150_000 and "<script" not in svg and 'role="group"' in svg
    assert [worldmap.shade(n, 8) for n in (1, 2, 3, 4, 8)] == [1, 1, 2, 2, 4]
    assert worldmap.legend(2) == [(2, "1"), (4, "2")]


def test_editions_and_the_archives_show_the_map_of_their_days(scratch_project, build_project):
    out = build_project(scratch_project).out
    edition = (out / "editions/2026-01-16/index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'<a href="/briefs/countries/(\w\w)/" class="n\d"', edition))
    assert linked == {"cn", "jp", "tw", "us"}
    # every country comes from one shared file; a page inlines only the countries it links
    base = re.search(r'<use href="/briefs/(static/world-map\.\w+\.svg)#land"', edition).group(1)
    assert 'id="land"' in (out / base).read_text(encoding="utf-8") and len(edition.encode()) < 30_000
    home = (out / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<a href="/briefs/countries/(\w\w)/" class="n\d"', home)) == {"no", "de", "fr"}
    archives = (out / "archives/index.html").read_text(encoding="utf-8")
    assert "ces 7 derniers jours" in archives
    assert {"jp", "no", "de"} <= set(re.findall(r'<a href="/briefs/countries/(\w\w)/" class="n\d"', archives))
    assert "ch" not in re.findall(r'<a href="/briefs/countries/(\w\w)/" class="n\d"', archives)  # December


def test_a_new_brief_re_renders_its_edition_its_countries_and_the_maps_not_the_whole_site(scratch_project,
                                                                                        build_project):
    from tests.unit.site.conftest import brief_text

    first = build_project(scratch_project)
    (scratch_project / "content/briefs/2026/01/neu.md").write_text(
        brief_text("Nouvelle brève", "neu", date="2026-01-18T18:00:00+01:00", regions="[northern-europe]",
                   themes="[defence]", extra="countries: [NO]\n"), encoding="utf-8")
    second = build_project(scratch_project)
    changed = set(second.changed_paths)
    for rel in ("2026/01/neu/index.html", "index.html", "editions/2026-01-18/index.html", "countries/no/index.html",
                "countries/no/feed.xml", "regions/northern-europe/index.html", "themes/defence/index.html",
                "archives/index.html", "de/index.html"):
        assert rel in changed, rel
    for rel in ("countries/jp/index.html", "regions/eastern-asia/index.html", "editions/2026-01-16/index.html",
                "2025/12/la-suisse-signe-un-accord-commercial-avec-l-inde/index.html", "countries/ch/index.html"):
        assert rel not in changed, rel
    assert second.written < first.written / 2
