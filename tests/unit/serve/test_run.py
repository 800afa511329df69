"""The preview server for real: a free port, real files, raw HTTP requests, the SSE stream."""
from __future__ import annotations

import http.client
import json
import os
import queue
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from briefgen.serve.livereload import EVENTS_PATH
from briefgen.serve.run import bind, preview_base_url, resolve_request

MOUNT = "/briefs/"


class Events:
    """Reads one SSE stream in a thread; `next(name)` waits for an event of that name."""

    def __init__(self, port: int, epoch: int | None = None) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.conn.connect()
        self.sock = self.conn.sock      # http.client drops it after an HTTP/1.0 response; the stream keeps it
        self.conn.request("GET", EVENTS_PATH + (f"?epoch={epoch}" if epoch is not None else ""))
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200
        assert self.resp.getheader("Content-Type").startswith("text/event-stream")
        self.q: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = None, ""
        try:
            for raw in self.resp:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and name:
                    self.q.put((name, json.loads(data)))
                    name, data = None, ""
        except OSError:
            pass
        self.q.put(("closed", {}))

    def next(self, *names: str, timeout: float = 10.0):
        deadline = time.monotonic() + timeout
        while True:
            name, data = self.q.get(timeout=max(0.01, deadline - time.monotonic()))
            if name in names:
                return name, data

    def close(self) -> None:
        """Hang up as a closed tab does (the response object would otherwise keep the socket open)."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.conn.close()


def page_epoch(body: bytes) -> int:
    return int(re.search(rb'"epoch": (\d+)', body).group(1))


# -- paths ------------------------------------------------------------------------------------------

@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "a").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "a/index.html").write_text("a")
    (tmp_path / "secret.txt").write_text("secret")
    return root


@pytest.mark.parametrize("path", [
    "/briefs/../secret.txt", "/briefs/a/../../secret.txt", "/briefs/%2e%2e/secret.txt",
    "/briefs/%2e%2e%2fsecret.txt", "/briefs/..%2fsecret.txt", "/briefs/a%2f..%2f..%2fsecret.txt",
    "/briefs/%2E%2E/secret.txt", "/briefs//etc/passwd", "/etc/passwd", "/briefs/..\\secret.txt",
    "/briefs/%5c..%5csecret.txt", "/briefs/a%00.html", "/briefs/%ff", "/briefs/./index.html",
])
def test_resolve_refuses_paths_that_leave_the_site(site, path):
    found = resolve_request(path, str(site), MOUNT)
    assert found.file is None and found.redirect is None


def test_resolve_finds_files_indexes_and_redirects(site):
    assert resolve_request("/briefs/", str(site), MOUNT).file == str(site / "index.html")
    assert resolve_request("/briefs/a/", str(site), MOUNT).file == str(site / "a/index.html")
    assert resolve_request("/briefs/a", str(site), MOUNT).redirect == "/briefs/a/"
    assert resolve_request("/briefs", str(site), MOUNT).redirect == "/briefs/"
    assert resolve_request("/", str(site), MOUNT).redirect == "/briefs/"
    assert resolve_request("/other/", str(site), MOUNT).file is None


def test_resolve_refuses_a_symlink_out_of_the_site(site, tmp_path):
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    (site / "dir").symlink_to(tmp_path)
    assert resolve_request("/briefs/link.txt", str(site), MOUNT).file is None
    assert resolve_request("/briefs/dir/secret.txt", str(site), MOUNT).file is None


def test_preview_url_keeps_the_base_url_path():
    assert preview_base_url("https://example.org/briefs/", "127.0.0.1", 8123) == "http://127.0.0.1:8123/briefs/"
    assert preview_base_url("https://example.org", "127.0.0.1", 80) == "http://127.0.0.1:80/"
    assert preview_base_url("https://example.org/x/", "::1", 8000) == "http://[::1]:8000/x/"
    assert preview_base_url("https://example.org/", "0.0.0.0", 8000) == "http://127.0.0.1:8000/"


def test_says_when_a_port_is_taken_and_takes_the_next(caplog):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with caplog.at_level("WARNING"):
            server = bind("127.0.0.1", port)
        try:
            assert server.server_address[1] != port
            assert f"port {port} is in use" in caplog.text
        finally:
            server.server_close()


# -- the running server -----------------------------------------------------------------------------

def test_listens_on_localhost_under_the_base_url_path(running):
    assert running.build.calls[0]["base_url"] == f"http://127.0.0.1:{running.port}/briefs/"
    assert running.build.calls[0]["ingest"] is True
    resp = running.get("/briefs/")
    assert resp.status == 200 and b"<h1>Home</h1>" in resp.body
    assert running.get("/").status == 301


@pytest.mark.parametrize("path", [
    "/briefs/../briefgen.toml", "/briefs/%2e%2e/briefgen.toml", "/briefs/%2e%2e%2fbriefgen.toml",
    "/briefs/..%2f..%2fbriefgen.toml", "/briefs/static%2fstyle.css", "//etc/passwd", "/briefs//etc/passwd",
    "/etc/passwd", "/briefs/..\\..\\briefgen.toml", "/briefs/%5c%5cetc%5cpasswd", "/briefs/a%00b",
])
def test_path_traversal_gets_the_404_page(running, path):
    resp = running.get(path)
    assert resp.status == 404
    assert b"Not found here" in resp.body or resp.body == b"404 Not Found\n"
    assert b"[tool" not in resp.body and b"root:" not in resp.body


def test_a_symlink_out_of_the_built_site_is_404(running, tmp_path):
    (running.out / "leak").symlink_to(running.config.root)
    assert running.get("/briefs/leak/briefgen.toml").status == 404


def test_missing_page_serves_the_site_404_with_status_404(running):
    resp = running.get("/briefs/nope/")
    assert resp.status == 404
    assert resp.getheader("Content-Type") == "text/html; charset=utf-8"
    assert b"Not found here" in resp.body and b"data-briefgen-livereload" in resp.body


@pytest.mark.parametrize(("path", "ctype"), [
    ("/briefs/", "text/html; charset=utf-8"),
    ("/briefs/alpha/", "text/html; charset=utf-8"),
    ("/briefs/static/style.css", "text/css; charset=utf-8"),
    ("/briefs/static/app.js", "text/javascript; charset=utf-8"),
    ("/briefs/static/logo.svg", "image/svg+xml"),
    ("/briefs/static/feed.xml", "application/xml"),
    ("/briefs/static/font.woff2", "font/woff2"),
])
def test_serves_correct_content_types(running, path, ctype):
    resp = running.get(path)
    assert resp.status == 200
    assert resp.getheader("Content-Type") == ctype
    assert resp.getheader("Cache-Control") == "no-store"


def test_script_is_injected_into_html_only_and_never_written_to_disk(running):
    html = running.get("/briefs/alpha/")
    assert html.body.count(b"data-briefgen-livereload") == 1
    assert html.body.index(b"data-briefgen-livereload") < html.body.rindex(b"</body>")
    assert int(html.getheader("Content-Length")) == len(html.body)
    assert b"livereload" not in running.get("/briefs/static/style.css").body
    for f in running.out.rglob("*"):
        assert not f.is_file() or b"briefgen-livereload" not in f.read_bytes()


def test_editing_a_brief_rebuilds_without_ingest_and_tells_the_page_to_reload(running):
    epoch = page_epoch(running.get("/briefs/").body)
    events = Events(running.port, epoch)
    try:
        brief = running.config.root / "content/briefs/2026/01/alpha.md"
        brief.write_text("---\ntitle: Alpha edited\n---\n")
        name, data = events.next("reload", "css")
        assert name == "reload" and data["epoch"] > epoch
        assert b"Alpha edited" in running.get("/briefs/alpha/").body
        assert running.build.calls[-1]["ingest"] is False
    finally:
        events.close()


def test_a_raw_file_dropped_in_is_ingested_and_listed(running):
    events = Events(running.port)
    before = len(running.build.calls)
    try:
        (running.config.root / "content/raw/new-story.txt").write_text("A brand new story\n\nText.")
        events.next("reload")
        # the brief ingest writes is itself a change: a build without ingest may follow at once
        assert [c["ingest"] for c in running.build.calls[before:]][:1] == [True]
        assert b"A brand new story" in running.get("/briefs/").body
    finally:
        events.close()


def test_a_deleted_brief_disappears(running):
    events = Events(running.port)
    try:
        (running.config.root / "content/briefs/2026/01/beta.md").unlink()
        events.next("reload")
        assert b"Beta" not in running.get("/briefs/").body
        assert running.get("/briefs/beta/").status == 404
    finally:
        events.close()


def test_a_stylesheet_change_swaps_css_without_reload(running):
    events = Events(running.port)
    try:
        (running.config.root / "static/style.css").write_text("body { color: red; }\n")
        name, data = events.next("reload", "css")
        assert name == "css" and data["css"] == ["/briefs/static/style.css"]
        assert b"red" in running.get("/briefs/static/style.css").body
    finally:
        events.close()


def _stylesheet_ref(body: bytes) -> str:
    return re.search(rb'<link rel="stylesheet" href="([^"]+)"', body).group(1).decode()


def test_a_page_names_its_stylesheet_by_its_current_bytes_so_a_reload_may_keep_it(running):
    """A reload after a save fetched the stylesheet again (no-store) before the page could paint. Pages
    now name it `style.css?v=TOKEN` (the file as it is now), served with a long lifetime; a changed
    stylesheet gets a new token in the pages served after, and the old URL is no-store again."""
    ref = _stylesheet_ref(running.get("/briefs/alpha/").body)
    assert re.fullmatch(r"/briefs/static/style\.css\?v=[0-9a-f.]+", ref), ref
    assert ref == _stylesheet_ref(running.get("/briefs/").body)         # one token for every page
    kept = running.get(ref)
    assert kept.status == 200 and kept.getheader("Cache-Control") == "max-age=31536000, immutable"
    assert kept.body == running.get("/briefs/static/style.css").body
    for other in ("/briefs/static/style.css", "/briefs/static/style.css?v=0.0.0", ref + "&v=1"):
        assert running.get(other).getheader("Cache-Control") == "no-store", other
    events = Events(running.port)
    try:
        (running.config.root / "static/style.css").write_text("body { color: green; }\n")
        assert events.next("reload", "css")[0] == "css"
    finally:
        events.close()
    fresh = _stylesheet_ref(running.get("/briefs/alpha/").body)
    assert fresh != ref and fresh.startswith("/briefs/static/style.css?v=")
    assert b"green" in running.get(fresh).body
    assert running.get(fresh).getheader("Cache-Control") == "max-age=31536000, immutable"
    assert running.get(ref).getheader("Cache-Control") == "no-store"       # the old token: not to be kept


def test_version_assets_leaves_foreign_and_missing_files_alone(tmp_path):
    from briefgen.serve.run import version_assets

    site = tmp_path / "site"
    (site / "s").mkdir(parents=True)
    (site / "s/a.css").write_text("a{}")
    (site / "s/b.js").write_text("1")
    (tmp_path / "out.css").write_text("x")
    html = (b'<link rel="stylesheet" href="/p/s/a.css"><link rel="stylesheet" href="/p/s/none.css">'
            b'<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="stylesheet" href="/p/../out.css">'
            b'<script src="/p/s/b.js" defer></script><a href="/p/s/a.css">a</a><img src="/p/s/b.js">')
    out = version_assets(html, str(site), "/p/")
    assert re.search(rb'href="/p/s/a\.css\?v=[0-9a-f.]+"', out) and re.search(rb'src="/p/s/b\.js\?v=[0-9a-f.]+"', out)
    for same in (b'href="/p/s/none.css"', b'href="https://cdn.example/x.css"', b'href="/p/../out.css"',
                 b'<a href="/p/s/a.css">', b'<img src="/p/s/b.js">'):
        assert same in out, same


def test_a_broken_template_shows_an_error_keeps_the_last_site_and_recovers(running):
    template = running.config.root / "templates/page.html"
    good = template.read_text()
    events = Events(running.port)
    try:
        template.write_text("line one\n{% for x in %}\n")
        name, data = events.next("build-error", "reload")
        assert name == "build-error"
        (problem,) = data["problems"]
        assert problem["path"] == os.path.join("templates", "page.html") and problem["line"] == 2
        home = running.get("/briefs/")
        assert home.status == 200 and b"<h1>Home</h1>" in home.body      # last good site
        late = Events(running.port, page_epoch(home.body))               # a page opened meanwhile
        assert late.next("build-error")[0] == "build-error"
        late.close()
        template.write_text(good.replace("<h1>", "<h1>Fixed "))
        assert events.next("build-ok")[0] == "build-ok"
        assert events.next("reload")[0] == "reload"
        assert b"Fixed Home" in running.get("/briefs/").body
    finally:
        events.close()


def _save(path, text: str) -> None:
    """Save as editors do (a temp file renamed over the original): Path.write_text truncates first, and a
    watcher that builds in between renders an empty template, a good build whose reload this test would
    read as the fix's (seen once: the home page empty)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def test_saving_a_still_broken_file_again_sends_no_reload_until_it_is_fixed(running):
    """A reload while the site stays broken would take the reader away from the overlay (and, in a
    browser, destroy the page being read: seen under load, when one save came as two batches). The
    second broken save changes no file: no reload; the fix then sends build-ok and one reload."""
    template = running.config.root / "templates/page.html"
    good = template.read_text()
    events = Events(running.port)
    try:
        _save(template, "line one\n{% for x in %}\n")
        assert events.next("build-error", "reload")[0] == "build-error"
        builds = len(running.build.calls)
        _save(template, "line one\n{% for x in %}\n<!-- saved again -->\n")
        deadline = time.monotonic() + 20
        while len(running.build.calls) == builds and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(running.build.calls) > builds, "the second save made no build"
        _save(template, good.replace("<h1>", "<h1>Fixed "))
        assert events.next("build-ok", "reload", timeout=20)[0] == "build-ok"   # no reload before the fix
        assert events.next("reload")[0] == "reload"
        assert b"Fixed Home" in running.get("/briefs/").body
    finally:
        events.close()


def test_a_bad_config_shows_an_error_and_keeps_serving(running):
    toml = running.config.root / "briefgen.toml"
    events = Events(running.port)
    try:
        toml.write_text('title = "Test"\nbase_url = "https://example.org/briefs/"\nnope = 1\n')
        _, data = events.next("build-error")
        assert data["problems"][0]["path"] == "briefgen.toml" and "nope" in data["problems"][0]["message"]
        assert running.get("/briefs/").status == 200
        builds = len(running.build.calls)
        (running.config.root / "content/briefs/2026/01/alpha.md").write_text("---\ntitle: Meanwhile\n---\n")
        time.sleep(0.5)
        assert len(running.build.calls) == builds       # no build with a config the file no longer says
        late = Events(running.port)                      # and the overlay stays
        assert late.next("build-error", "build-ok")[0] == "build-error"
        late.close()
        toml.write_text('title = "Test"\nbase_url = "https://example.org/briefs/"\n')
        events.next("build-ok")
        events.next("reload")
        assert running.build.calls[-1]["ingest"] is True
        assert b"Meanwhile" in running.get("/briefs/").body
    finally:
        events.close()


def test_a_page_that_connects_after_a_build_catches_up(running):
    epoch = page_epoch(running.get("/briefs/").body)
    (running.config.root / "content/briefs/2026/01/alpha.md").write_text("---\ntitle: Later\n---\n")
    deadline = time.monotonic() + 10
    while page_epoch(running.get("/briefs/").body) == epoch:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    events = Events(running.port, epoch)
    try:
        assert events.next("reload", "css")[0] == "reload"
    finally:
        events.close()


def test_changes_during_a_build_make_exactly_one_more_build(running):
    root = running.config.root / "content/briefs/2026/01"
    running.build.gate = threading.Event()
    running.build.started.clear()
    before = len(running.build.calls)
    (root / "alpha.md").write_text("---\ntitle: A1\n---\n")
    assert running.build.started.wait(10)
    for i in range(30):
        (root / f"n{i}.md").write_text(f"---\ntitle: N{i}\n---\n")
    time.sleep(0.3)
    running.build.gate.set()
    deadline = time.monotonic() + 10
    while b"N29" not in running.get("/briefs/").body:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    assert len(running.build.calls) - before == 2


def test_stop_ends_cleanly_with_open_event_streams(running):
    events = Events(running.port)
    running.stop.set()
    running.thread.join(10)
    assert not running.thread.is_alive() and running.status == [0]
    assert events.next("closed", timeout=10)[0] == "closed"
    with pytest.raises(OSError):
        running.get("/briefs/")


def test_sub_path_root_serves_nothing_outside_it(running):
    assert running.get("/static/style.css").status == 404
    resp = running.get("/briefs")
    assert resp.status == 301 and resp.getheader("Location") == "/briefs/"


def test_many_requests_leave_no_threads_behind(running):
    base = threading.active_count()
    for _ in range(100):
        running.get("/briefs/alpha/")
    time.sleep(0.2)
    assert threading.active_count() <= base + 2


def test_closed_event_streams_end_their_threads(running):
    base = threading.active_count()
    for _ in range(30):
        events = Events(running.port)
        events.next("build-ok")
        events.close()
    (running.config.root / "content/briefs/2026/01/alpha.md").write_text("---\ntitle: Wake\n---\n")
    deadline = time.monotonic() + 10       # a build wakes every stream; closed ones fail to write, end
    while threading.active_count() > base + 2:
        assert time.monotonic() < deadline, threading.active_count()
        time.sleep(0.05)


def test_head_has_headers_and_no_body(running):
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    conn.request("HEAD", "/briefs/")
    resp = conn.getresponse()
    assert resp.status == 200 and int(resp.getheader("Content-Length")) > 0 and resp.read() == b""
    conn.close()


def test_the_preview_folder_is_outside_site(project):
    from briefgen.config import load_config
    from briefgen.serve.run import Preview

    config = load_config(project)
    preview = Preview(config, "127.0.0.1", 8000, lambda *a, **k: None)
    assert preview.out == config.path("cache") / "preview-site"
    assert Path(config.path("output")) not in preview.out.parents


def test_a_first_build_that_fails_serves_a_page_with_the_error_then_recovers(project, tmp_path):
    from briefgen.config import load_config
    from briefgen.serve.run import serve

    from .conftest import PAGE, FakeBuild, Running

    template = project / "templates/page.html"
    template.write_text("{% if %}\n")
    config, build = load_config(project), FakeBuild()
    ready, stop, status = threading.Event(), threading.Event(), []
    thread = threading.Thread(target=lambda: status.append(serve(
        config, port=0, ready=ready, stop=stop, build_fn=build, out=tmp_path / "out")), daemon=True)
    thread.start()
    assert ready.wait(20)
    running = Running(int(ready.url.split(":")[2].split("/")[0]), config, build, tmp_path / "out",
                      thread, stop, status)
    try:
        first = running.get("/briefs/")
        assert first.status == 503 and b"data-briefgen-livereload" in first.body
        events = Events(running.port, page_epoch(first.body))
        assert events.next("build-error")[1]["problems"][0]["line"] == 1
        template.write_text(PAGE)
        events.next("reload")
        assert running.get("/briefs/").status == 200
        events.close()
    finally:
        stop.set()
        thread.join(20)
    assert status == [0]


def test_the_preview_asks_for_stable_asset_names_when_the_site_offers_them(project):
    from dataclasses import dataclass, replace

    from briefgen.config import load_config
    from briefgen.serve.run import Preview

    @dataclass(frozen=True)
    class Site:
        per_page: int = 20
        hash_assets: bool = True

    config = replace(load_config(project), site=Site())
    preview = Preview(config, "127.0.0.1", 8000, lambda *a, **k: None)
    assert preview.build_config.site.hash_assets is False
    assert preview.config.site.hash_assets is True            # production settings untouched
    assert preview.build_config.base_url == "http://127.0.0.1:8000/briefs/"


def test_the_preview_patches_in_place_and_requests_wait_while_it_does(running):
    """The build is told to patch the private folder under the preview's site lock, and a request
    that arrives while the lock is held for writing is answered only once it is released."""
    preview_lock = running.build.options["site_lock"]
    assert running.build.options["patch_in_place"] is True
    answered = []
    with preview_lock.writing():
        thread = threading.Thread(target=lambda: answered.append(running.get("/briefs/").status), daemon=True)
        thread.start()
        thread.join(0.3)
        assert not answered, "a request was answered while the site was being patched"
    thread.join(10)
    assert answered == [200]


def test_two_previews_of_one_project_each_serve_their_own_site(make_project):
    """A second `briefgen serve` on the project must not write its port into the first's pages, and
    leaves nothing behind when it stops (the first keeps its folder for a warm restart)."""
    import urllib.request

    from briefgen.config import load_config
    from briefgen.serve.run import serve

    root = make_project({
        "briefgen.toml": 'title = "Two"\nbase_url = "https://example.org/b/"\n',
        "content/briefs/2026/01/one.md": "---\ntitle: One\ndate: 2026-01-16T09:00:00+01:00\nlang: en\n---\n\n"
                                         "Text of one.\n",
    })
    config = load_config(root)
    servers = []
    for _ in range(2):
        ready, stop = threading.Event(), threading.Event()
        thread = threading.Thread(target=serve, args=(config,), daemon=True,
                                  kwargs={"port": 0, "ready": ready, "stop": stop, "delay": 0.05})
        thread.start()
        assert ready.wait(60), "server did not start"
        servers.append((ready.url, stop, thread))
    (url_a, stop_a, thread_a), (url_b, stop_b, thread_b) = servers
    try:
        def canonical(url: str) -> str:
            with urllib.request.urlopen(url + "2026/01/one/", timeout=10) as resp:
                page = resp.read().decode("utf-8")
            return re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)

        assert canonical(url_a) == url_a + "2026/01/one/"
        assert canonical(url_b) == url_b + "2026/01/one/"
        cache = config.path("cache")
        assert (cache / "preview-site").is_dir() and len(list(cache.glob("preview-site-*"))) == 1
        stop_b.set()
        thread_b.join(20)
        assert not list(cache.glob("preview-site-*")), "the second preview's folder must go with it"
        assert canonical(url_a) == url_a + "2026/01/one/"
    finally:
        stop_a.set()
        stop_b.set()
        thread_a.join(20)
    assert (cache / "preview-site" / "index.html").is_file()


def test_the_preview_shows_a_raw_file_that_could_not_be_ingested(make_project, tmp_path):
    """For `briefgen build` such a file is a warning (the rest builds, exit 0); the preview still
    names it in its overlay, so the author sees why the article is missing."""
    from briefgen.config import load_config
    from briefgen.serve.run import Preview, _initial_batch, _real_build

    root = make_project({"briefgen.toml": 'title = "Raw"\n', "content/raw/empty.txt": ""})
    preview = Preview(load_config(root), "127.0.0.1", 8000, _real_build, tmp_path / "preview")
    preview.on_batch(_initial_batch())
    assert (tmp_path / "preview" / "index.html").is_file()
    assert [(p.path, p.message) for p in preview.livereload.problems] == [("content/raw/empty.txt", "empty file")]


def test_a_save_runs_no_collection_before_its_reload_is_sent(make_project, tmp_path):
    """The build pauses the cyclic collector; for a save (no ingest) the preview keeps it paused until
    the reload is sent, so the collection of what the build made comes after it. Enabled again after."""
    import gc

    from briefgen.config import load_config
    from briefgen.serve.run import Preview, _initial_batch, _real_build
    from briefgen.serve.watcher import Batch, ChangeKind

    brief = "content/briefs/2026/01/alpha.md"
    files = {"briefgen.toml": 'title = "Saves"\n'}
    for i in range(30):
        files[f"content/briefs/2026/01/b{i}.md"] = (f"---\ntitle: Brief {i}\ndate: 2026-01-{1 + i % 28:02d}T10:00:00+01:00\n"
                                                    f"lang: fr\nslug: b{i}\nregions: [western-europe]\nthemes: [economy]\n"
                                                    f"---\n\nBody {i}.\n")
    files[brief] = ("---\ntitle: Alpha\ndate: 2026-01-20T10:00:00+01:00\nlang: fr\nslug: alpha\n"
                    "regions: [western-europe]\n---\n\nBody.\n")
    root = make_project(files)
    preview = Preview(load_config(root), "127.0.0.1", 8000, _real_build, tmp_path / "preview")
    preview.on_batch(_initial_batch())
    starts: list[int] = []
    told: list[tuple] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            starts.append(info["generation"])

    real = preview.livereload.finished
    preview.livereload.finished = lambda *a: told.append((len(starts), gc.isenabled())) or real(*a)
    (root / brief).write_text((root / brief).read_text().replace("title: Alpha", "title: Alpha edited"))
    batch = Batch()
    batch.add(ChangeKind.BRIEF, str(root / brief))
    gc.collect()
    gc.callbacks.append(seen)
    try:
        preview.on_batch(batch)
        after = gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
        gc.enable()
    assert told == [(0, False)] and after
    assert "Alpha edited" in (tmp_path / "preview" / "2026" / "01" / "alpha" / "index.html").read_text()
