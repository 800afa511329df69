"""A real nginx for tests, started with its own config in a temporary folder, and a small HTTP crawler."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from briefgen.publish.linkcheck import is_checked, links_in

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)

CONF = """
{user}
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    {types}
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        # The published folder is a symlink swapped by rename(); nginx resolves it on every request.
        location {prefix} {{ alias {root}/; }}
    }}
}}
"""
TYPES = "types { text/html html; text/css css; application/xml xml; application/javascript js; " \
        "image/png png; image/svg+xml svg; application/json json; text/plain txt; }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """nginx serving `root` at http://127.0.0.1:<port><prefix>; stop() at teardown."""

    def __init__(self, tmp: Path, root: Path, prefix: str = "/briefs/") -> None:
        self.tmp, self.port, self.prefix = tmp, free_port(), prefix
        tmp.mkdir(parents=True, exist_ok=True)
        mime = Path("/etc/nginx/mime.types")
        conf = CONF.format(user="user root;" if os.geteuid() == 0 else "", tmp=tmp, port=self.port,
                           prefix=prefix, root=root, types=f"include {mime};" if mime.is_file() else TYPES)
        (tmp / "nginx.conf").write_text(conf)
        self.proc = subprocess.Popen([NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"),
                                      "-c", str(tmp / "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode(errors='replace')}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start listening within 10 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, str, bytes]:
    """GET on a kept-alive connection; raises on a body shorter than Content-Length (a partial file)."""
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()  # http.client raises IncompleteRead when the body is cut short
    length = resp.getheader("Content-Length")
    if length is not None and int(length) != len(body):
        raise AssertionError(f"{path}: {len(body)} bytes of {length}")
    return resp.status, resp.getheader("Content-Type", ""), body


def _kind(path: str, content_type: str) -> str:
    """A file name whose suffix tells links_in how to read a response."""
    for mime, name in (("html", "page.html"), ("css", "style.css"), ("xml", "feed.xml")):
        if mime in content_type:
            return name
    return path.rsplit("/", 1)[-1]


def crawl(start: str) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Follow every link under `start` over HTTP: ({url: status}, [(page, href, status) that failed])."""
    host = urlsplit(start)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    seen: dict[str, int] = {}
    failed: list[tuple[str, str, int]] = []
    queue = deque([(start, "(start)", start)])
    while queue:
        url, page, href = queue.popleft()
        if url in seen:
            if seen[url] != 200:
                failed.append((page, href, seen[url]))
            continue
        status, ctype, body = fetch(conn, urlsplit(url).path or "/")
        seen[url] = status
        if status != 200:
            failed.append((page, href, status))
            continue
        urls, base = links_in(_kind(urlsplit(url).path, ctype), body)
        for link in urls:
            if not is_checked(link):
                continue
            target = urldefrag(urljoin(urljoin(url, base) if base else url, link)).url.split("?", 1)[0]
            if target.startswith(start):
                queue.append((target, url, link))
    conn.close()
    return seen, failed
