"""Save-to-browser latency of `briefgen serve`, measured in a real headless Chromium.

Used by bench/run.py only when bench/preview_latency.py (the preview server's own measurement) is
missing. It opens one brief's page, rewrites that brief's title on disk, and times until the new
title is in the open page, n times; returns the n latencies in seconds.
"""
from __future__ import annotations

import json
import logging
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def title_line(text: str) -> tuple[int, str]:
    """Index and value of the front matter's title line (gen_corpus writes it as a JSON string)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title: "):
            value = line[7:].strip()
            return i, json.loads(value) if value.startswith('"') else value
    raise ValueError("no title line")


def with_title(text: str, title: str) -> str:
    lines = text.split("\n")
    i, _ = title_line(text)
    lines[i] = "title: " + json.dumps(title, ensure_ascii=False)
    return "\n".join(lines)


def page_url(project: Path, slug: str) -> str:
    """URL path of a brief's page, found in the project's last build (site/)."""
    site = project / "site"
    for path in sorted(site.rglob(f"*{slug}*")):
        page = path / "index.html" if path.is_dir() else path
        if page.suffix == ".html" and page.is_file():
            rel = page.relative_to(site).as_posix()
            return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    raise FileNotFoundError(f"no page for {slug} under {site}")


def _wait_for_text(page, text: str, timeout: float) -> None:
    """Poll the open page; a live reload replaces the document, so evaluation errors just retry."""
    deadline = time.perf_counter() + timeout
    probe = "t => document.body !== null && document.body.innerText.includes(t)"
    while time.perf_counter() < deadline:
        try:
            if page.evaluate(probe, text):
                return
        except Exception:  # noqa: BLE001 - the document is being replaced
            pass
        time.sleep(0.005)
    raise TimeoutError(f"the page did not show {text!r} within {timeout:.0f} s")


def measure_edit_latency(project: Path, n: int = 10, timeout: float = 60.0) -> list[float]:
    from playwright.sync_api import sync_playwright

    project = Path(project).resolve()
    brief = sorted((project / "content" / "briefs").rglob("*.md"))[0]
    original = brief.read_text(encoding="utf-8")
    _, title = title_line(original)
    url = page_url(project, brief.stem)
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "briefgen"), "-q", "-C", str(project), "serve",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    latencies: list[float] = []
    try:
        wait_http(f"http://127.0.0.1:{port}/", timeout=600)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                         args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}{url}")
            _wait_for_text(page, title, timeout)
            time.sleep(1.0)  # let the live-reload connection settle before the first save
            for k in range(n):
                new_title = f"{title} (bench edit {k})"
                start = time.perf_counter()
                brief.write_text(with_title(original, new_title), encoding="utf-8")
                _wait_for_text(page, new_title, timeout)
                latencies.append(time.perf_counter() - start)
                time.sleep(0.5)  # the watcher's debounce must not merge two edits
            browser.close()
    finally:
        brief.write_text(original, encoding="utf-8")
        time.sleep(1.0)  # let the server rebuild the restored brief before it stops
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return latencies


if __name__ == "__main__":
    print(json.dumps(measure_edit_latency(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10)))
