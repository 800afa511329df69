"""Publishing to a folder a real nginx serves under a sub-path: every link works over HTTP, and a
publish while pages are being requested never yields a failed or partial response."""
from __future__ import annotations

import http.client
import threading
import time

import pytest

from briefgen.config import load_config
from briefgen.publish.linkcheck import find_broken_links
from briefgen.publish.run import publish
from briefgen.publish.targets import FolderTarget
from tests.unit.publish.conftest import write_site
from tests.unit.publish.nginx import NGINX, Nginx, crawl, fetch
from tests.unit.publish.project import set_japan_body, write_project

pytestmark = [pytest.mark.nginx,
              pytest.mark.skipif(NGINX is None,
                                 reason="nginx binary not found (apt-get install nginx-light)")]


@pytest.fixture
def served(tmp_path):
    dest = tmp_path / "www" / "briefs"
    dest.parent.mkdir()
    server = Nginx(tmp_path / "nginx", dest)
    yield server, dest
    server.stop()


class Hammer(threading.Thread):
    """Requests the given paths round and round until stopped; records every failure."""

    def __init__(self, port: int, paths: list[str]) -> None:
        super().__init__(daemon=True)
        self.port, self.paths = port, paths
        self.stopping = threading.Event()
        self.requests = 0
        self.during = 0  # requests answered while publish_all() ran
        self.publishing = threading.Event()
        self.failures: list[str] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        while not self.stopping.is_set():
            for path in self.paths:
                try:
                    status, _, body = fetch(conn, path)
                    if status != 200 or (path.endswith("/") and not body.rstrip().endswith(b"</html>")):
                        self.failures.append(f"{path}: {status}, {len(body)} bytes")
                except Exception as exc:  # noqa: BLE001 - every kind of failure counts
                    self.failures.append(f"{path}: {exc!r}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                self.requests += 1
                self.during += self.publishing.is_set()
        conn.close()


def _paths(server: Nginx, urls) -> list[str]:
    return [u[len(f"http://127.0.0.1:{server.port}"):] for u in urls]


def _hammered(server: Nginx, paths: list[str], publish_all) -> Hammer:
    """Run `publish_all()` while a thread requests `paths` without pause; the thread, stopped."""
    hammer = Hammer(server.port, paths)
    hammer.start()
    try:
        time.sleep(0.2)
        hammer.publishing.set()
        publish_all()
        hammer.publishing.clear()
        time.sleep(0.2)
    finally:
        hammer.stopping.set()
        hammer.join(10)
    return hammer


def test_can_publish_a_project_under_a_sub_path_served_by_nginx(served, tmp_path):
    server, dest = served
    project = write_project(tmp_path / "p", base=server.url, site="minify = true\ngzip = true")
    said: list[str] = []
    assert publish(load_config(project), str(dest), say=said.append, complain=said.append) == 0, said
    assert find_broken_links(dest, server.url) == []
    seen, failed = crawl(server.url)
    assert failed == []
    kinds = {u.rsplit(".", 1)[-1] if "." in u.rsplit("/", 1)[-1] else "page" for u in seen}
    assert {"page", "xml", "css"} <= kinds  # pages, feeds and sitemap, stylesheet all crawled
    assert len([u for u in seen if u.endswith("/")]) >= 10

    def publish_changed() -> None:
        set_japan_body(project, "Un texte entièrement nouveau sur la défense du Japon.")
        assert publish(load_config(project), str(dest), say=said.append, complain=said.append) == 0, said

    hammer = _hammered(server, _paths(server, seen), publish_changed)
    assert hammer.failures == []
    assert hammer.during > len(seen)  # pages were requested all through the publish, not only around it
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    assert "entièrement nouveau".encode() in fetch(conn, "/briefs/2026/01/japon/")[2]


def test_can_swap_folders_under_nginx_many_times_without_a_failed_request(served, tmp_path):
    server, dest = served
    base = server.url
    for line in FolderTarget(dest).publish(write_site(tmp_path / "v1", base=base, body="first version")):
        print(line)
    seen, failed = crawl(base)
    assert failed == []
    assert len(seen) >= 6

    def publish_four() -> None:
        for n in range(2, 6):
            list(FolderTarget(dest).publish(write_site(tmp_path / f"v{n}", base=base, body=f"version {n}")))
            time.sleep(0.1)

    hammer = _hammered(server, _paths(server, seen), publish_four)
    assert hammer.failures == []
    assert hammer.during > 50
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    assert b"version 5" in fetch(conn, "/briefs/")[2]
