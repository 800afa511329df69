"""Load: thousands of raw files in one build, and a storm of file changes under `briefgen serve`.

Promise: 10,000 raw page dumps are ingested and built in one go (CI runs BRIEFGEN_LOAD_RAW, default
2,000, to stay within its time; the 10,000 figure is measured and reported in the README); under
1,000 file changes in a few seconds the preview server settles on exactly the site a fresh build
makes, and its memory returns near its level.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import CLI, SAMPLES, cli_env, gen_corpus, manifest, needs, run_cli

pytestmark = pytest.mark.slow
CONFIG = 'title = "Load"\nlocale = "fr_CH"\n[site]\nnow = "2026-02-01T00:00:00+01:00"\n'
# The corpus repeats the 49 sample articles under new titles: each copy must make its own brief.
CONFIG += "[ingest]\nmerge_copies = false\n"
RAW_COUNT = int(os.environ.get("BRIEFGEN_LOAD_RAW", "2000"))


def make_raw_corpus(raw: Path, count: int) -> None:
    """`count` dumps from the sample pages, each title made unique (so each makes its own brief)."""
    cases = sorted((SAMPLES / "pages").glob("*/dump.txt"))
    texts = [(p.read_text(encoding="utf-8"), json.loads((p.parent / "meta.json").read_text("utf-8"))["title"])
             for p in cases]
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text, title = texts[i % len(texts)]
        (raw / f"{i:05d}.txt").write_text(text.replace(title, f"{title} — dossier {i}"), encoding="utf-8")


def test_thousands_of_raw_files_ingest_and_build_in_one_go(tmp_path, record_property):
    needs("briefgen.pipeline")
    needs("briefgen.site.build")
    root = tmp_path / "project"
    make_raw_corpus(root / "content" / "raw", RAW_COUNT)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    raw_before = manifest(root / "content" / "raw")
    start = time.monotonic()
    proc = run_cli("build", cwd=root, timeout=1500)
    seconds = time.monotonic() - start
    record_property("raw_files", RAW_COUNT)
    record_property("ingest_and_build_seconds", round(seconds, 1))
    print(f"\n{RAW_COUNT} raw dumps ingested and built in {seconds:.1f} s")
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-2000:]
    briefs = sorted((root / "content" / "briefs").rglob("*.md"))
    failed = len(re.findall(r"\.txt: ", proc.stderr))
    assert len(briefs) + failed == RAW_COUNT and failed <= RAW_COUNT * 0.1, proc.stderr[-2000:]
    assert len({(p.parent, p.stem) for p in briefs}) == len(briefs)
    pages = [p for p in (root / "site").rglob("index.html")]
    assert len(pages) >= len(briefs), "every brief has its page"
    assert manifest(root / "content" / "raw") == raw_before
    # Nothing changed: the second build is fast (no re-ingest, no re-render).
    start = time.monotonic()
    run_cli("build", cwd=root, timeout=600, check=True)
    again = time.monotonic() - start
    record_property("no_change_rebuild_seconds", round(again, 1))
    assert again < max(10.0, seconds / 5)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (build workers), in kB."""
    total = 0
    for status in [f"/proc/{pid}/status"] + [f"/proc/{c}/status" for c in _children(pid)]:
        try:
            text = Path(status).read_text()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) if "VmRSS" in text else 0
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _settled(folder: Path, expected: dict[str, str], timeout: float) -> dict[str, str]:
    """Poll the preview's site until it equals `expected` (or the timeout); return the last seen."""
    deadline = time.monotonic() + timeout
    seen: dict[str, str] = {}
    while time.monotonic() < deadline:
        try:
            seen = manifest(folder)
        except OSError:  # swapped away mid-read
            time.sleep(0.2)
            continue
        if seen == expected:
            return seen
        time.sleep(0.5)
    return seen


def test_serve_settles_on_the_right_site_after_a_storm_of_changes(tmp_path, record_property):
    build_mod = needs("briefgen.site.build")
    serve_run = needs("briefgen.serve.run")
    from briefgen.config import load_config

    root = tmp_path / "project"
    briefs = root / "content" / "briefs"
    gen_corpus(briefs, 300)
    (root / "content" / "raw").mkdir(parents=True)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen([*CLI, "serve", "--port", str(port)], cwd=root, env=cli_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    preview = root / ".briefgen-cache" / "preview-site"
    try:
        # The preview builds with its own settings (its URL, unhashed asset names): take them from it.
        preview_config = serve_run.Preview(load_config(root), "127.0.0.1", port, lambda *a, **k: None).build_config

        def expected() -> dict[str, str]:
            out = tmp_path / f"expected-{time.monotonic_ns()}"
            build_mod.build(preview_config, out=out, ingest=False)
            return manifest(out)

        first = expected()
        assert _settled(preview, first, 120) == first, "the first preview build differs from a fresh build"
        time.sleep(1.0)
        baseline = _rss_kb(proc.pid)
        # The storm: 1,000 writes (edits, new briefs, deletions) in a few seconds.
        files = sorted(briefs.rglob("*.md"))
        rng = random.Random(3)
        start = time.monotonic()
        for i in range(1000):
            kind = i % 10
            if kind < 8:
                path = rng.choice(files)
                brief = fm.read(path)
                title = re.sub(r" ·\d+$", "", brief.title) + f" ·{i}"
                path.write_text(fm.dump(replace(brief, title=title)), encoding="utf-8")
            elif kind == 8:
                src = rng.choice(files)
                new = src.with_name(f"storm-{i}.md")
                new.write_text(re.sub(r"^slug: .*$", f"slug: storm-{i}", src.read_text("utf-8"), 1, re.MULTILINE), "utf-8")
            else:
                victims = [p for p in briefs.rglob("storm-*.md")]
                if victims:
                    rng.choice(victims).unlink()
        storm_end = time.monotonic()
        storm = storm_end - start
        for path in briefs.rglob("*.md"):
            fm.read(path)  # the final content is valid: the settled site must hold all of it
        final = expected()
        got = _settled(preview, final, 180)
        settle = time.monotonic() - storm_end
        assert got == final, f"the preview did not settle on the final site: {len(set(got.items()) ^ set(final.items()))} differences"
        time.sleep(2.0)
        after = _rss_kb(proc.pid)
        record_property("storm_seconds", round(storm, 2))
        record_property("settle_seconds", round(settle, 1))
        record_property("rss_kb_before_after", f"{baseline} {after}")
        print(f"\n1000 changes in {storm:.1f} s; settled {settle:.1f} s later; RSS {baseline} kB -> {after} kB")
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        assert after <= baseline * 1.5 + 50_000, f"memory grew from {baseline} kB to {after} kB"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
