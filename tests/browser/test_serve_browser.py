"""`briefgen serve` in a subprocess on a scratch project, driven by headless Debian Chromium.

One server and one browser for the module (startup is most of the cost); each test opens its own page
and leaves the project as it found it, except for the raw file it ingests.
"""
from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefgen.brief.state import atomic_write

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
RAW_SAMPLE = ROOT / "tests/data/samples/raw/20min-fr-japon-etats-unis.txt"
RAW_TITLE = "Le Japon et les Etats-Unis vont renforcer leur coopération militaire"
TIMEOUT = 20_000     # ms: generous for a loaded 2-core machine; the tests finish far sooner

BRIEF = """---
title: {title}
lead: {lead}
date: 2025-{month:02}-10T09:00:00+01:00
lang: en
---

Monday 10 {month_name} 2025

{body}
"""


def _brief(title: str, month: int, paragraphs: int = 3) -> str:
    body = "\n\n".join(f"Paragraph {i} of {title}. " + "Filler words to make the page long. " * 30
                       for i in range(paragraphs))
    return BRIEF.format(title=title, lead=f"Lead of {title}.", month=month,
                        month_name=["January", "February", "March"][month - 1], body=body)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("serve-browser")
    files = {
        # front = "latest": the home page lists every recent brief (an edition front shows one day)
        "briefgen.toml": 'title = "Preview test"\nbase_url = "https://example.org/briefing/"\n'
                         '[site]\nfront = "latest"\n',
        "content/briefs/2025/01/first-brief.md": _brief("First brief", 1, paragraphs=12),
        "content/briefs/2025/02/second-brief.md": _brief("Second brief", 2),
        "static/style.css": "body { background-color: rgb(255, 255, 255); }\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "content/raw").mkdir(parents=True)
    return root


STOP_GUARD = 90     # seconds: see `server`


@contextlib.contextmanager
def _ctrl_c_reaches_children():
    """A terminal's Ctrl-C, whoever runs the tests: a job started in the background by a non-interactive
    shell (`cmd &`, nohup, some CI runners) starts with SIGINT ignored, its children inherit that, and a
    Python started so installs no KeyboardInterrupt handler: `serve` then never saw the test's Ctrl-C and
    the stop guard failed (seen in two of three runs so started, none in a terminal). A Python handler
    here is reset to the default in the child at exec, where Python installs its own."""
    if signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(project):
    """`python -m briefgen.cli serve` on a free port; yields the preview URL; Ctrl-C at the end."""
    env = dict(os.environ, BRIEFGEN_NO_PROGRESS="1", PYTHONUNBUFFERED="1")
    with _ctrl_c_reaches_children():
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefgen.cli", "-C", str(project), "serve", "--port", str(_free_port())],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    found = threading.Event()

    def pump() -> None:
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("serving http"):
                found.set()

    threading.Thread(target=pump, daemon=True).start()
    if not found.wait(60):
        proc.kill()
        pytest.fail("serve did not start:\n" + "".join(lines))
    url = re.search(r"serving (\S+)", "".join(lines)).group(1)
    yield url
    proc.send_signal(signal.SIGINT)                   # Ctrl-C
    # A guard against a hang, not a timing test: by design the server stops within about 15 s at worst
    # (the watcher's thread, a build in progress and the state's write each get up to 5 s), which a
    # loaded 2-core machine (load 12+, Chromium and pytest beside it) once stretched past a 15 s guard.
    try:
        status = proc.wait(STOP_GUARD)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"serve did not stop on Ctrl-C within {STOP_GUARD} s:\n" + "".join(lines))
    assert any(line.strip() == "stopping" or line.rstrip().endswith(" stopping") for line in lines), "".join(lines)
    assert status == 0, "".join(lines)
    assert "Traceback" not in "".join(lines), "".join(lines)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 800, "height": 400})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    yield pg
    context.close()


def _find_brief_url(project: Path, server: str, slug: str) -> str:
    out = project / ".briefgen-cache/preview-site"
    (hit,) = [p for p in out.rglob("index.html") if p.parent.name == slug and "editions" not in p.parts]
    return server + hit.parent.relative_to(out).as_posix() + "/"


def _save(path: Path, text: str) -> None:
    """An edit as editors' tools save: a temporary file renamed over the old one. A plain write_text is
    seen by the watcher as truncate-then-write, and a rebuild may read the empty or half-written file."""
    atomic_write(path, text.encode("utf-8"))


def _wait_connected(page) -> None:
    page.wait_for_function("window.__briefgenLiveReload && window.__briefgenLiveReload.readyState === 1")


def test_editing_a_brief_title_updates_the_open_page_keeping_scroll(server, project, page):
    brief = project / "content/briefs/2025/01/first-brief.md"
    original = brief.read_text(encoding="utf-8")
    page.goto(_find_brief_url(project, server, "first-brief"))
    _wait_connected(page)
    page.evaluate("window.scrollTo(0, 600); window.__marker = 1")
    y = page.evaluate("scrollY")
    assert y > 500
    try:
        _save(brief, original.replace("title: First brief", "title: First brief, edited"))
        page.wait_for_function("document.querySelector('h1').textContent.includes('First brief, edited')")
        assert page.evaluate("window.__marker") is None             # a real reload
        page.wait_for_function(f"Math.abs(scrollY - {y}) < 5")      # at the same place
    finally:
        _save(brief, original)


def test_a_raw_dump_dropped_in_appears_on_the_home_page(server, project, page):
    page.goto(server)
    _wait_connected(page)
    assert RAW_TITLE not in page.content()
    shutil.copy(RAW_SAMPLE, project / "content/raw" / RAW_SAMPLE.name)
    page.get_by_text(RAW_TITLE).first.wait_for(timeout=TIMEOUT * 2)  # ingest + classify + build


def test_a_deleted_brief_disappears_from_the_open_home_page(server, project, page):
    brief = project / "content/briefs/2025/02/second-brief.md"
    original = brief.read_text(encoding="utf-8")
    page.goto(server)
    _wait_connected(page)
    assert page.get_by_text("Second brief").count() > 0
    try:
        brief.unlink()
        page.wait_for_function("!document.body.innerText.includes('Second brief')")
        assert page.request.get(_find_brief_url(project, server, "first-brief")).status == 200
    finally:
        _save(brief, original)
    page.get_by_text("Second brief").first.wait_for()


def test_a_stylesheet_change_applies_without_a_reload(server, project, page):
    css = project / "static/style.css"
    original = css.read_text()
    page.goto(server)
    _wait_connected(page)
    page.evaluate("window.__marker = 'still here'")
    try:
        _save(css, "body { background-color: rgb(1, 2, 3); }\n")
        page.wait_for_function("getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'")
        assert page.evaluate("window.__marker") == "still here"
        assert page.evaluate("document.querySelectorAll('link[rel=stylesheet]').length") == 1
    finally:
        _save(css, original)


def test_a_broken_template_shows_the_overlay_and_fixing_it_recovers(server, project, page):
    template = project / "templates/base.html"
    template.parent.mkdir(exist_ok=True)
    page.goto(server)
    _wait_connected(page)
    try:
        _save(template, "<!doctype html>\n<title>x</title>\n{% if %}\n")
        overlay = page.locator("briefgen-error-overlay")
        overlay.locator(".where").first.wait_for()
        text = " ".join(overlay.locator(".problem").all_inner_texts())   # inside its shadow root
        assert re.search(r"templates/base\.html:\d+: ", text), text
        assert "Preview test" in page.locator("main h1").inner_text()       # last good page still there
        assert page.request.get(server).status == 200                      # and still served
        late = page.context.new_page()                                     # a page opened meanwhile
        late.goto(server)
        late.locator("briefgen-error-overlay .problem").first.wait_for()
        late.locator("briefgen-error-overlay .dismiss").click()           # can be put aside
        late.wait_for_function("!document.querySelector('briefgen-error-overlay')")
        late.close()
        page.evaluate("window.__marker = 1")
    finally:
        template.unlink()
    page.wait_for_function("!window.__marker && document.readyState === 'complete'")   # reloaded
    assert page.locator("briefgen-error-overlay").count() == 0
    assert "Preview test" in page.locator("main h1").inner_text()


def test_a_missing_page_gets_the_site_404_page(server, page):
    response = page.goto(server + "no/such/page/")
    assert response.status == 404
    assert "<main" in page.content()          # the site's own 404.html, not a bare error


@pytest.mark.parametrize("path", ["%2e%2e/%2e%2e/briefgen.toml", "%2e%2e%2f%2e%2e%2fbriefgen.toml",
                                  "..%5cbriefgen.toml", "static%2f..%2f..%2fbriefgen.toml"])
def test_path_traversal_requests_get_404(server, page, path):
    response = page.request.get(server + path)
    assert response.status == 404
    assert "title =" not in response.text()


def test_raw_dot_dot_path_is_404(server):
    host, port = re.match(r"http://([^:/]+):(\d+)/", server).groups()
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", "/briefing/../../briefgen.toml")   # sent as is, no normalising
    resp = conn.getresponse()
    assert resp.status == 404 and b"title =" not in resp.read()
    conn.close()


def test_a_broken_brief_keeps_its_last_good_page_under_the_overlay(server, project, page):
    """Issue 14: the overlay says the last good version is still served: the open page of the brief an
    edit broke must stay that brief's page (not "Page not found"), also on a reload, until it is fixed."""
    brief = project / "content/briefs/2025/02/second-brief.md"
    good = brief.read_text(encoding="utf-8")
    url = _find_brief_url(project, server, "second-brief")
    page.goto(url)
    _wait_connected(page)
    try:
        _save(brief, good.replace("title: Second brief", "title: [unclosed"))
        overlay = page.locator("briefgen-error-overlay")
        overlay.locator(".where").first.wait_for()
        text = " ".join(overlay.locator(".problem").all_inner_texts())
        assert "second-brief.md:" in text, text
        assert "Second brief" in page.locator("main h1").inner_text()      # the page behind the overlay
        assert page.request.get(url).status == 200                          # and what a reload gets
        late = page.context.new_page()
        late.goto(url)
        late.locator("briefgen-error-overlay .problem").first.wait_for()
        assert "Second brief" in late.locator("main h1").inner_text()
        assert "Page not found" not in late.content()
        note = late.locator("briefgen-error-overlay .note").inner_text()
        assert "last good page" in note, note
        late.close()
        page.evaluate("window.__marker = 1")
    finally:
        _save(brief, good.replace("Paragraph 0 of Second brief.", "Paragraph 0, fixed, of Second brief."))
    page.wait_for_function("!window.__marker && document.readyState === 'complete'")   # reloaded
    assert page.locator("briefgen-error-overlay").count() == 0
    assert "fixed" in page.locator("main").inner_text()
