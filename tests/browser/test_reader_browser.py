"""The site as a reader meets it (issue 15, issue 14 items 10, 11, 13), in headless Debian Chromium:
every page kind at 1280 and 390 px, light and dark, has the header and its search box and no
horizontal overflow; axe-core (node_modules/axe-core, installed by scripts/setup.sh --test) finds no
serious or critical violation; relative dates are the reader's; search finds a word after a hyphen."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.site.build import build
from briefgen.site.swap import wait_for_removals
from tests.browser.conftest import serve_folder, serve_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "project"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT = 20_000
JAPAN = "2026/01/le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire/"
PUTIN = """---
title: Russlands Wirtschaft in der späten Putin-Ära
kicker: Analyse
lead: Die Sanktionen wirken langsamer als erwartet.
date: 2026-01-10T07:00:00+01:00
lang: de
countries: [RU]
regions: [eastern-europe]
themes: [economy]
slug: russlands-wirtschaft
---

Die Wirtschaft wächst kaum.
"""
# One page of every kind (the fr tree at the root; de under /de/ has the same kinds).
PAGE_KINDS = {"edition front": "", "brief": JAPAN, "region": "regions/eastern-asia/",
              "region x theme": "regions/eastern-asia/defence/", "theme": "themes/defence/",
              "country": "countries/jp/", "month": "2026/01/", "edition": "editions/2026-01-16/",
              "regions": "regions/", "themes": "themes/", "countries": "countries/", "archives": "archives/",
              "search": "search/?q=japon", "not found": "404.html", "de brief": "de/" + JAPAN}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("reader") / "project"
    shutil.copytree(FIXTURE, root)
    (root / "content/briefs/2026/01/russlands-wirtschaft.md").write_text(PUTIN, encoding="utf-8")
    result = build(load_config(root), ingest=False)
    wait_for_removals()
    with serve_site(result.out, root.parent / "www") as base:
        yield base


def _page(browser, width=1280, scheme="light"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  locale="fr-CH", timezone_id="Europe/Zurich")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    return context, page


OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_kind_has_the_header_with_search_and_no_horizontal_overflow(served, browser, width, scheme):
    context, page = _page(browser, width, scheme)
    try:
        problems = []
        for kind, url in PAGE_KINDS.items():
            page.goto(served + url)
            if page.evaluate(OVERFLOW) > 0:
                wide = page.evaluate("""() => Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
                problems.append(f"{kind}: {page.evaluate(OVERFLOW)} px too wide ({wide})")
            if not page.locator("header.site-header").is_visible():
                problems.append(f"{kind}: no header")
            if page.locator("input[type=search]").count() != 1 or not page.locator("#site-search").is_visible():
                problems.append(f"{kind}: not exactly one visible search box")
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation_on_any_page_kind(served, browser, scheme):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (bash scripts/setup.sh --test)")
    context, page = _page(browser, 1280, scheme)
    try:
        found = {}
        for kind, url in PAGE_KINDS.items():
            page.goto(served + url)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            assert result["testEngine"]["name"] == "axe-core" and result["passes"] is not None
            bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
            if bad:
                found[kind] = bad
        assert not found, found
    finally:
        context.close()


def test_relative_dates_are_computed_by_the_browser_on_the_day_it_reads(served, browser):
    """Issue 14 item 11: "il y a 3 jours" on 19 January, "il y a 10 mois" (not "1 an") in December."""
    context, page = _page(browser)
    try:
        page.clock.set_fixed_time("2026-01-19T10:00:00+01:00")
        page.goto(served + JAPAN)
        meta = page.locator("article.brief header .meta").inner_text()
        assert "16 janvier 2026, 09:41" in meta and "(il y a 3 jours)" in meta
        assert meta.count("16 janvier 2026") == 1          # item 12: one date, one format
        page.clock.set_fixed_time("2026-12-06T10:00:00+01:00")
        page.goto(served + JAPAN)
        meta = page.locator("article.brief header .meta").inner_text()
        assert "(il y a 10 mois)" in meta and "an" not in meta.split("(")[-1]
        page.goto(served + "editions/2026-01-16/")
        assert "il y a 10 mois" in page.locator("main .card .meta").first.inner_text()
    finally:
        context.close()


def test_without_javascript_the_absolute_date_stays(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served + JAPAN)
        meta = page.locator("article.brief header .meta").inner_text()
        assert "16 janvier 2026, 09:41" in meta and "il y a" not in meta
    finally:
        context.close()


def test_search_finds_a_word_after_a_hyphen_and_shows_the_sites_date_format(served, browser):
    """Issue 14 item 13: "Ära" in "Putin-Ära"; dates as the site writes them; one search box."""
    context, page = _page(browser)
    try:
        page.goto(served + "themes/economy/")
        page.fill("#site-search", "Ära")          # item 10: the theme page has the header's search box
        page.press("#site-search", "Enter")
        page.wait_for_selector("#search-results li")
        assert page.locator("#search-results li a").all_inner_texts() == [
            "Russlands Wirtschaft in der späten Putin-Ära"]
        when = page.locator("#search-results li time").inner_text().strip()
        assert when == "10 janv. 2026", when
        assert page.locator("input[type=search]").count() == 1 and page.locator("form[role=search]").count() == 1
        page.fill("#site-search", "putin ara")
        page.wait_for_selector("#search-results li")
        assert page.locator("#search-results li").count() == 1
    finally:
        context.close()


def test_chips_and_country_links_land_on_country_pages(served, browser):
    context, page = _page(browser, 390)
    try:
        page.goto(served + "editions/2026-01-16/")
        page.locator("a.chip-country", has_text="Japon").first.click()
        page.wait_for_url(served + "countries/jp/")
        assert page.locator("h1").inner_text() == "Japon"
        assert page.locator("main article a", has_text="Le Japon et les Etats-Unis").count() == 1
    finally:
        context.close()


def test_the_brief_image_loads_lazily_without_a_referrer_and_shows_its_credit(served, browser):
    context, page = _page(browser)
    try:
        page.goto(served + JAPAN)
        img = page.locator("figure.lead-image img")
        assert img.get_attribute("referrerpolicy") == "no-referrer" and img.get_attribute("loading") == "lazy"
        box = img.bounding_box()
        assert box and box["width"] > 300 and 0.6 < box["height"] / box["width"] < 0.7   # sized 3:2 before loading
        assert "keystone-sda.ch" in page.locator("figure.lead-image figcaption .credit").inner_text()
    finally:
        context.close()


def test_the_maps_countries_link_to_their_country_pages(served, browser):
    context, page = _page(browser, 1280, "dark")
    try:
        page.goto(served + "editions/2026-01-16/")
        china = page.locator(".world-map svg a[href$='countries/cn/']")
        assert china.get_attribute("aria-label") == "Chine: 1 brève"
        china.click()
        page.wait_for_url(served + "countries/cn/")
        assert page.locator("h1").inner_text() == "Chine"
        page.goto(served + "archives/")
        assert page.locator(".world-map svg a").count() >= 5
        size = page.evaluate("document.querySelector('.world-map svg').outerHTML.length")
        assert size < 150_000
    finally:
        context.close()


def test_an_image_kept_by_the_site_loads_from_the_site_itself(tmp_path, browser):
    """images = "download": the picture comes from a local HTTP server at build time, then from the
    site only (the image server is stopped before the page is opened)."""
    from PIL import Image

    pictures = tmp_path / "pictures"
    pictures.mkdir()
    Image.new("RGB", (1000, 700), (20, 90, 160)).save(pictures / "photo.jpg")
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    brief = root / "content/briefs" / (JAPAN.rstrip("/") + ".md")
    # The image server stops before the page is opened: the picture can only come from the site.
    with serve_folder(pictures) as source:
        brief.write_text(brief.read_text(encoding="utf-8").replace(
            "https://images.example.org/hegseth-koizumi.jpg", source + "photo.jpg"), encoding="utf-8")
        result = build(load_config(root, {"site": {"images": "download"}}), ingest=False)
    wait_for_removals()
    with serve_site(result.out, tmp_path / "www") as base:
        context, page = _page(browser, 390, "dark")
        try:
            page.goto(base + JAPAN)
            img = page.locator("figure.lead-image img")
            img.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('figure.lead-image img').complete")
            assert page.evaluate("document.querySelector('figure.lead-image img').naturalWidth") == 1000
            assert img.get_attribute("src").startswith("/briefs/images/")
            assert page.locator("figure.lead-image .credit").is_visible()
            page.goto(base + "editions/2026-01-16/")
            thumb = page.locator("img.thumb").first
            thumb.scroll_into_view_if_needed()
            page.wait_for_function("Array.from(document.querySelectorAll('img.thumb')).every(i => i.complete)")
            assert page.evaluate("document.querySelector('img.thumb').naturalWidth") == 320
            assert page.evaluate(OVERFLOW) <= 0
        finally:
            context.close()
