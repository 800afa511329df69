"""Publishing to a folder a real nginx serves under a sub-path: every link works over HTTP, and a
publish while pages are being requested never yields a failed or partial response."""
from __future__ import annotations

import http.client
import threading
import time

import pytest

from briefgen.publish.targets import FolderTarget
from tests.unit.publish.conftest import write_site
from tests.unit.publish.nginx import NGINX, Nginx, crawl, fetch

pytestmark = [pytest.mark.nginx,
              pytest.mark.skipif(NGINX is None, reason="nginx binary not found (apt-get install nginx-light)")]


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
        conn.close()


def test_can_serve_a_folder_publish_through_nginx_without_a_failed_request(served, tmp_path):
    server, dest = served
    base = server.url
    for line in FolderTarget(dest).publish(write_site(tmp_path / "v1", base=base, body="first version")):
        print(line)
    seen, failed = crawl(base)
    assert failed == []
    assert len(seen) >= 6
    pages = [u[len(f"http://127.0.0.1:{server.port}"):] for u, s in seen.items()]
    hammer = Hammer(server.port, pages)
    hammer.start()
    try:
        time.sleep(0.3)
        for n in range(2, 6):
            site = write_site(tmp_path / f"v{n}", base=base, body=f"version {n}")
            list(FolderTarget(dest).publish(site))
            time.sleep(0.1)
    finally:
        hammer.stopping.set()
        hammer.join(10)
    assert hammer.failures == []
    assert hammer.requests > 50
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    assert b"version 5" in fetch(conn, "/briefs/")[2]
