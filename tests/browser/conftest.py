"""What the browser tests share: Debian chromium driven by playwright (nothing downloads a browser),
and folders served by a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The closed network refuses Chromium's background connections: turn them off rather than wait on them.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.skip("Debian chromium is not installed")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=ARGS)
        yield b
        b.close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP; yields its address, `http://127.0.0.1:PORT/`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_site(out: Path, www: Path) -> Iterator[str]:
    """A built site published under /briefs/ of a new folder `www` (so that links and assets are tested
    below a path, as on most static hosts); yields `http://127.0.0.1:PORT/briefs/`."""
    www.mkdir()
    (www / "briefs").symlink_to(out, target_is_directory=True)
    with serve_folder(www) as base:
        yield base + "briefs/"
