"""Helpers for the reliability tests: run the real CLI in a subprocess, hash a folder, serve a
folder over loopback HTTP, make large projects, and a headless Chromium."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

HOSTILE = DATA / "hostile"
SAMPLES = DATA / "samples"
CLI = [sys.executable, "-c", "from briefgen.cli import main; main()"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env.update(BRIEFGEN_NO_PROGRESS="1", TZ="UTC", PYTHONPATH=str(ROOT), **extra)
    return env


def run_cli(*args: str, cwd: Path, timeout: float = 300, check: bool = False) -> subprocess.CompletedProcess:
    """`briefgen ARGS` in a subprocess, as a user runs it; stdout/stderr captured as text."""
    proc = subprocess.run([*CLI, *args], cwd=cwd, env=cli_env(), capture_output=True, text=True, check=False,
                          timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"briefgen {' '.join(args)} exited {proc.returncode}\n{proc.stderr[-3000:]}")
    return proc


def start_cli(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], cwd=cwd, env=cli_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def manifest(folder: Path) -> dict[str, str]:
    """file (relative, POSIX) -> sha256 of its bytes, for every file under folder."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def set_version(briefs: Path, version: dict[str, bytes]) -> None:
    """Make the briefs folder hold exactly `version` (relative path -> bytes)."""
    for path in list(briefs.rglob("*.md")):
        if path.relative_to(briefs).as_posix() not in version:
            path.unlink()
    for rel, data in version.items():
        path = briefs / rel
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def needs(module: str):
    """Skip while another engineer's stage has not landed yet (reported, never silently passed)."""
    return pytest.importorskip(module, reason=f"{module} has not landed yet")


def gen_corpus(out: Path, count: int, seed: int = 7) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(out), "--count", str(count),
                    "--seed", str(seed)], check=True, capture_output=True)


@pytest.fixture
def corpus_project(tmp_path):
    """A project folder with `count` generated briefs in content/briefs and nothing in content/raw."""
    def make(count: int, name: str = "project") -> Path:
        root = tmp_path / name
        (root / "content" / "raw").mkdir(parents=True)
        gen_corpus(root / "content" / "briefs", count)
        (root / "briefgen.toml").write_text('title = "Reliability"\nlocale = "fr_CH"\n', encoding="utf-8")
        return root
    return make


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A plain static server for `folder` on 127.0.0.1 (free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Module scope, as in tests/browser: Playwright's sync API runs an event loop while it is open, and a
# session-wide one made every browser test started after it fail ("Sync API inside the asyncio loop").
@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium driven by Playwright; never downloads a browser."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("chromium is not installed (scripts/setup.sh --test installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
