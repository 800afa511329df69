"""The built site in a real browser (headless Debian Chromium via Playwright), served over HTTP
under its base_url's sub-path: listings, search, and a hostile brief whose HTML must never run."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.site.build import build
from briefgen.site.swap import wait_for_removals
from tests.browser.conftest import serve_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "project"
TITLE = "Le Japon et les Etats-Unis vont renforcer leur coopération militaire"
JAPAN = "2026/01/le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire/"
TIMEOUT = 20_000

XSS = """---
title: "Alerte <script>window.__xss = 1</script><img src=x onerror=\\"window.__xss = 2\\">"
kicker: "<svg onload=\\"window.__xss = 3\\">"
lead: "javascript:window.__xss = 4 <iframe src=javascript:window.__xss=5></iframe>"
date: 2026-01-17T10:00:00+01:00
lang: fr
source:
  url: "javascript:window.__xss = 6"
  name: "<b onmouseover=\\"window.__xss = 7\\">Source</b>"
image:
  caption: "<img src=x onerror=\\"window.__xss = 8\\">"
regions: [western-europe]
themes: [politics]
key_points:
  - "<script>window.__xss = 9</script> zanzibarien"
slug: alerte-xss
---

Texte zanzibarien <script>window.__xss = 10</script> et <img src=x onerror="window.__xss = 11">.

[clique](javascript:window.__xss=12) <a href="javascript:window.__xss=13">ici</a> <svg><script>window.__xss=14</script></svg>

<iframe srcdoc="<script>parent.__xss=15</script>"></iframe> <form action="javascript:window.__xss=16"><button>go</button></form>

[style](https://example.org){: onclick="window.__xss=17" style="background:url(javascript:window.__xss=18)"}
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The fixture project plus the hostile brief, built and served at http://127.0.0.1:PORT/briefs/."""
    root = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(FIXTURE, root)
    (root / "content/briefs/2026/01/alerte-xss.md").write_text(XSS, encoding="utf-8")
    result = build(load_config(root), ingest=False)
    wait_for_removals()
    with serve_site(result.out, root.parent / "www") as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def test_home_page_leads_to_the_sample_brief(served, page):
    page.goto(served)
    page.locator("main a[rel=prev]").first.click()      # yesterday's edition
    page.wait_for_url(served + "editions/2026-01-17/")
    page.locator("main a[rel=prev]").first.click()
    page.wait_for_url(served + "editions/2026-01-16/")
    assert page.locator("main a", has_text=TITLE).count() >= 1
    page.locator("main a", has_text=TITLE).first.click()
    page.wait_for_url(served + JAPAN)
    assert page.locator("h1").inner_text() == TITLE


def test_region_page_lists_the_sample_brief(served, page):
    page.goto(served + "regions/eastern-asia/")
    assert page.locator("h1").inner_text() == "Asie de l’Est"
    assert page.locator("main article a", has_text=TITLE).count() == 1


def test_search_finds_a_brief_from_a_word_of_its_body_without_accents(served, page):
    page.goto(served)
    page.fill("#site-search", "ELARGIS okinawa")     # body has "élargis" and "Okinawa"
    page.press("#site-search", "Enter")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li a").all_inner_texts() == [TITLE]
    page.fill("#site-search", "zzzznothing")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 0")
    assert page.locator("#search-status").inner_text() == "Aucune brève ne contient ces mots."


def test_skip_link_is_the_first_focus_and_targets_main(served, page):
    page.goto(served)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"


def _assert_nothing_ran(page) -> None:
    assert page.dialogs == []
    assert page.evaluate("window.__xss") is None and page.evaluate("window.parent.__xss") is None
    injected = page.evaluate("""() => Array.from(document.querySelectorAll(
        'main script, main iframe, main svg:not(figure.world-map > svg), main img, main form:not([role=search]), '
        + '[onerror], [onload], [onclick], [onmouseover]'
    )).map(e => e.outerHTML)""")
    assert injected == []
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href').trim())")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    scripts = page.evaluate("Array.from(document.scripts).map(s => s.src)")
    assert all(s.startswith(page.url.split('/briefs/')[0] + "/briefs/static/") for s in scripts)


def test_hostile_brief_runs_nothing_on_any_page_that_shows_it(served, page):
    for url in ("2026/01/alerte-xss/", "", "regions/western-europe/", "themes/politics/",
                "editions/2026-01-17/", "search/?q=zanzibarien"):
        page.goto(served + url)
        if "search" in url:
            page.wait_for_selector("#search-results li")
            assert page.locator("#search-results li a").first.inner_text().startswith("Alerte <script>")
        for link in page.locator("main a").all()[:3]:
            link.hover()
        _assert_nothing_ran(page)
    page.goto(served + "2026/01/alerte-xss/")
    assert "<script>window.__xss = 1</script>" in page.locator("h1").inner_text()   # shown as text
