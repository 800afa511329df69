"""Hostile content through ingest and build, then read back as a browser would.

Promise: no payload from a raw page, a dump or a brief runs in a reader's browser, and none survives
as live markup in any page of the built site; text that looks like Jinja (`{{ 7*7 }}`) reaches the
page literally, never evaluated. The corpus is tests/data/hostile/ (see its README).
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import HOSTILE, needs, run_cli, serve_folder

MARK = "PWN"
JS_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
# Elements that must never carry content-borne markup: they run, load or submit things.
ACTIVE_TAGS = {"iframe", "object", "embed", "base", "form", "frame", "frameset", "applet", "svg", "math",
               "style", "template", "noscript", "input", "button", "textarea", "select", "animate", "set",
               "portal", "video", "audio", "source", "track"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "codebase",
             "cite", "srcset", "ping", "manifest", "lowsrc", "dynsrc", "icon"}
ATOM = "{http://www.w3.org/2005/Atom}"
SAFE_DATA = re.compile(r"^data:(?:,|image/(?:png|jpeg|gif|webp|avif)[;,])")


def _url_problem(value: str) -> str | None:
    flat = re.sub(r"[\x00-\x20]", "", value).lower()  # browsers ignore these inside a scheme
    if flat.startswith(("javascript:", "vbscript:", "livescript:")):
        return "script URL"
    if flat.startswith("data:") and not SAFE_DATA.match(flat):
        return "data: URL that can hold a document"
    return None


def live_markup_problems(root, where: str) -> list[str]:
    """Every place in a parsed HTML tree where a payload could run."""
    found: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions are inert
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        if tag == "script":
            kind = (el.get("type") or "").strip().lower()
            if kind in JS_SCRIPT_TYPES and MARK in (el.text or ""):
                found.append(f"{where}: <script> holding a payload: {(el.text or '')[:80]!r}")
            elif "json" in kind:
                try:
                    json.loads(el.text or "null")
                except ValueError:
                    found.append(f"{where}: JSON script broken open: {(el.text or '')[:80]!r}")
        if tag in ACTIVE_TAGS and MARK in lxml.html.tostring(el, encoding="unicode"):
            found.append(f"{where}: live <{tag}> from content")
        refresh = tag == "meta" and "refresh" in (el.get("http-equiv") or "").lower()
        if refresh and (MARK in (el.get("content") or "") or "javascript" in (el.get("content") or "").lower()):
            found.append(f"{where}: meta refresh from content")
        for name, value in el.attrib.items():
            name = name.lower().rsplit("}", 1)[-1]
            if name.startswith("on") and MARK in value:
                found.append(f"{where}: <{tag} {name}=…> event handler from content")
            elif name in URL_ATTRS and (problem := _url_problem(value)):
                found.append(f"{where}: <{tag} {name}={value[:60]!r}>: {problem}")
            elif name == "srcdoc":
                found.append(f"{where}: <{tag} srcdoc>")
            elif name == "style" and (MARK in value or re.search(r"expression\(|javascript:", value, re.IGNORECASE)):
                found.append(f"{where}: <{tag} style={value[:60]!r}>")
    return found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The hostile corpus ingested and built by the real CLI, once for this module."""
    needs("briefgen.site.build")
    root = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(HOSTILE / "raw", root / "content" / "raw")
    shutil.copytree(HOSTILE / "briefs", root / "content" / "briefs")
    (root / "briefgen.toml").write_text('title = "Hostile"\nlocale = "fr_CH"\n', encoding="utf-8")
    raw_before = {p.name: p.read_bytes() for p in (root / "content" / "raw").iterdir()}
    proc = run_cli("--project", str(root), "build", cwd=root)
    return root, root / "site", proc, raw_before


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_of_the_hostile_corpus_succeeds_and_keeps_raw_files(hostile_site):
    root, site, proc, raw_before = hostile_site
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert {p.name: p.read_bytes() for p in (root / "content" / "raw").iterdir()} == raw_before
    assert _pages(site), "the build wrote no page"


def test_ingest_turns_each_hostile_raw_page_into_a_valid_brief(hostile_site):
    root, _, _, _ = hostile_site
    briefs = [fm.read(p) for p in sorted((root / "content" / "briefs").rglob("*.md"))]
    made = {b.source.file for b in briefs}
    assert {"hostile-dump-fr.txt", "hostile-page-en.html"} <= made, made
    for b in briefs:  # a brief's slug is its file and URL name: no payload may reach it
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", b.slug), b.slug


def test_no_payload_survives_as_live_markup_in_any_page(hostile_site):
    _, site, _, _ = hostile_site
    problems: list[str] = []
    for page in _pages(site):
        root = lxml.html.document_fromstring(page.read_bytes())
        problems += live_markup_problems(root, page.relative_to(site).as_posix())
    assert not problems, "\n".join(problems[:40])


def test_no_payload_survives_in_feeds_or_xml(hostile_site):
    _, site, _, _ = hostile_site
    problems: list[str] = []
    for doc in sorted(site.rglob("*.xml")):
        tree = lxml.etree.parse(str(doc))  # raises if content broke the XML open
        for el in tree.iter():
            # Atom text constructs are plain text unless type="html"; RSS descriptions are HTML.
            kind = el.get("type") or ("text" if str(el.tag).startswith(ATOM) else "html")
            if isinstance(el.tag, str) and el.text and "<" in el.text and kind == "html":
                fragment = lxml.html.fragment_fromstring(el.text, create_parent="div")
                problems += live_markup_problems(fragment, f"{doc.relative_to(site)} <{el.tag}>")
    assert not problems, "\n".join(problems[:40])


def test_jinja_looking_text_stays_literal(hostile_site):
    _, site, _, _ = hostile_site
    texts = {p.relative_to(site).as_posix(): lxml.html.document_fromstring(p.read_bytes()).text_content()
             for p in _pages(site)}
    with_title = [k for k, t in texts.items() if "JINJAMARK" in t]
    assert with_title, "the jinja-literal brief is on no page"
    for key in with_title:
        assert "{{ 7*7 }} JINJAMARK" in texts[key], key
        assert "49 JINJAMARK" not in texts[key], key
    body_pages = [k for k, t in texts.items() if "BODYMARK" in t]
    assert body_pages, "the jinja-literal brief's body is on no page"
    for key in body_pages:
        assert "{{ 7*7 }} BODYMARK" in texts[key] and "49 BODYMARK" not in texts[key], key
        for literal in ("{% raw %}aussi{% endraw %}", "{# ceci #}", "{% for x in range(3) %}boucle{% endfor %}"):
            assert literal in texts[key], (key, literal)
        assert "boucleboucle" not in texts[key]
    assert not any("Titre piégé 49" in t for t in texts.values())


def test_detector_sees_payloads_in_an_unsanitised_page(tmp_path):
    """The checks above can fail: on the raw hostile page itself they find live payloads."""
    root = lxml.html.document_fromstring((HOSTILE / "raw" / "hostile-page-en.html").read_bytes())
    assert len(live_markup_problems(root, "raw")) >= 8


def _visit_all(browser, base_url: str, paths: list[str]) -> list[str]:
    fired: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda d: (fired.append(f"{page.url}: {d.type} {d.message!r}"), d.dismiss()))
    for rel in paths:
        page.goto(base_url + rel, wait_until="load", timeout=15000)
        page.wait_for_timeout(150)  # let onerror/onload/animation handlers run
        if page.evaluate("() => Boolean(window.__pwned || window.__pwned_by_page)"):
            fired.append(f"{rel}: window.__pwned set")
        page.mouse.move(200, 200)  # hover handlers (onmouseover) on what lies under the pointer
    page.close()
    return fired


@pytest.mark.browser
def test_no_payload_runs_in_a_real_browser(hostile_site, chromium):
    _, site, _, _ = hostile_site
    paths = [p.relative_to(site).as_posix() for p in _pages(site)]
    with serve_folder(site) as url:
        fired = _visit_all(chromium, url, paths)
    assert not fired, "\n".join(fired[:20])


@pytest.mark.browser
def test_browser_detector_sees_a_payload_run(tmp_path, chromium):
    """Control: the same visit on the raw hostile page does catch dialogs, so silence above means safe."""
    shutil.copy(HOSTILE / "raw" / "hostile-page-en.html", tmp_path / "raw.html")
    with serve_folder(tmp_path) as url:
        fired = _visit_all(chromium, url, ["raw.html"])
    assert fired


@pytest.mark.browser
def test_search_shows_hostile_titles_as_text(hostile_site, chromium):
    """The search page builds results from the JSON index: hostile titles must come out as text."""
    _, site, _, _ = hostile_site
    search = sorted(site.rglob("search/index.html")) or sorted(site.rglob("search.html"))
    if not search:
        pytest.skip("this theme has no search page")
    rel = search[0].relative_to(site).as_posix()
    fired: list[str] = []
    with serve_folder(site) as url:
        page = chromium.new_page()
        page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
        for query in ("alert", "PWN", "piégé", "script", "7"):
            page.goto(f"{url}{rel}?q={query}", wait_until="load")
            page.wait_for_timeout(300)
        page.goto(f"{url}{rel}?q=Titre%20pi%C3%A9g%C3%A9", wait_until="load")
        page.wait_for_function("() => document.body.innerText.includes('HOSTILEFM')", timeout=5000)
        shown = page.inner_text("body")
        live = page.evaluate("() => document.querySelectorAll('main script, main img, main svg, [onerror]').length")
        page.close()
    assert not fired, fired
    assert "<script>alert('PWN-fm-title')</script>" in shown
    assert live == 0
