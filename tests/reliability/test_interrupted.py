"""Interrupted work: builds, ingests and publishes killed with SIGKILL at random moments.

Promise: a killed `briefgen build` leaves either the previous or the new complete site/, never a
mix, and the next build is exactly right; a killed `briefgen ingest` leaves no partial brief, loses
and changes no raw file, and a re-run neither loses nor duplicates briefs; a killed `briefgen publish`
to a folder leaves the destination serving the old or the new site.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import SAMPLES, manifest, needs, run_cli, set_version, start_cli

pytestmark = pytest.mark.slow
CONFIG = 'title = "Reliability"\nlocale = "fr_CH"\n[site]\nnow = "2026-02-01T00:00:00+01:00"\n'
# The corpus repeats the 49 sample articles under new titles: each copy must make its own brief.
CONFIG += "[ingest]\nmerge_copies = false\n"
KILLS = 5


def _rng(default: int) -> random.Random:
    """The kills' delays: fixed by default (the same moments each run); BRIEFGEN_TEST_KILL_SEED=N moves
    them (to stress the tests: a loop over seeds lands kills in other moments of the build)."""
    seed = os.environ.get("BRIEFGEN_TEST_KILL_SEED")
    return random.Random(default if not seed else f"{seed}-{default}")


def _kill_after(proc, delay: float) -> bool:
    """SIGKILL the process group after `delay` s; True if it was still running (really interrupted)."""
    try:
        proc.wait(timeout=delay)
        return False
    except Exception:  # noqa: BLE001 - TimeoutExpired: still running, as wanted
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return True


def _kill_when(proc, ready, timeout: float = 120) -> bool:
    """SIGKILL the process group as soon as `ready()` is true; True if it was still running then."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.005)
    return False


def _timed(*args: str, cwd: Path) -> float:
    start = time.monotonic()
    run_cli(*args, cwd=cwd, check=True)
    return time.monotonic() - start


def _two_versions(briefs: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Version A: the corpus; version B: 25 briefs retitled, 10 removed, 10 added."""
    a = {p.relative_to(briefs).as_posix(): p.read_bytes() for p in sorted(briefs.rglob("*.md"))}
    b = dict(a)
    keys = sorted(a)
    for rel in keys[:25]:
        brief = fm.load(a[rel].decode("utf-8"), rel)
        b[rel] = fm.dump(replace(brief, title="Mis à jour : " + brief.title)).encode("utf-8")
    for rel in keys[25:35]:
        del b[rel]
    for i, rel in enumerate(keys[35:45]):
        new = re.sub(r"[^/]+\.md$", f"ajout-{i}.md", rel)
        b[new] = re.sub(rb"\nslug: [^\n]*", f"\nslug: ajout-{i}".encode(), a[rel], count=1)
    return a, b


def test_a_killed_build_leaves_the_old_or_the_new_site(corpus_project, tmp_path):
    needs("briefgen.site.build")
    root = corpus_project(300)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    a, b = _two_versions(briefs)
    # The two complete sites, built by uninterrupted runs in a copy of the project.
    twin = tmp_path / "twin"
    shutil.copytree(root, twin)
    _timed("build", "--no-ingest", cwd=twin)
    site_a = manifest(twin / "site")
    set_version(twin / "content" / "briefs", b)
    durations = {"incremental": _timed("build", "--no-ingest", cwd=twin)}   # a fresh tree, links reused
    site_b = manifest(twin / "site")
    durations["clean"] = _timed("build", "--no-ingest", "--clean", cwd=twin)  # a fresh tree, swapped in
    assert manifest(twin / "site") == site_b
    assert site_a != site_b and len(site_a) > 300
    run_cli("build", "--no-ingest", cwd=root, check=True)
    assert manifest(root / "site") == site_a
    rng = _rng(7)
    interrupted = 0
    for i in range(KILLS):
        now_a = manifest(root / "site") == site_a
        set_version(briefs, b if now_a else a)
        # Clean builds here; the incremental path is killed at random in the next test.
        proc = start_cli("build", "--no-ingest", "--clean", cwd=root)
        delay = None
        if not interrupted:  # once for sure while the new tree is being rendered, whatever the speed
            interrupted += _kill_when(proc, lambda: any(p.name.startswith("site.tmp-") for p in root.iterdir()))
        else:
            delay = rng.uniform(0.3, durations["clean"])
            interrupted += _kill_after(proc, delay)
        got = manifest(root / "site")
        when = f"{delay:.2f} s after the start" if delay is not None else "as its new tree appeared"
        assert got in (site_a, site_b), _diff(got, site_a, site_b, f" (kill {i}, {when}; a clean build takes "
                                                                   f"{durations['clean']:.2f} s)")
    assert interrupted >= 2, f"the kills came too late to interrupt anything ({durations})"
    # The next build after all those kills is exactly right: no poisoned cache, no litter.
    set_version(briefs, b)
    run_cli("build", "--no-ingest", cwd=root, check=True)
    assert manifest(root / "site") == site_b
    assert not [p.name for p in root.iterdir() if re.match(r"site\.(tmp|old)-", p.name)]


def _diff(got, a, b, when: str = "") -> str:
    """Which files make `got` neither site: every path that differs from the nearer one (and `when`:
    the kill's delay, so a failure under load can be placed in the build's run)."""
    near, name = (a, "old") if len(set(got.items()) ^ set(a.items())) < len(set(got.items()) ^ set(b.items())) \
        else (b, "new")
    bad = sorted(k for k in got.keys() | near.keys() if got.get(k) != near.get(k))
    return (f"site/ is a mix of old and new{when}; it differs from the {name} complete site in {len(bad)} files: "
            f"{bad[:60]}")


def _raw_corpus(raw: Path, count: int) -> None:
    """`count` page dumps made from the samples, with varied titles so each makes its own brief."""
    dumps = sorted((SAMPLES / "pages").glob("*/dump.txt"))
    for i in range(count):
        src = dumps[i % len(dumps)]
        text = src.read_text(encoding="utf-8")
        title = __import__("json").loads((src.parent / "meta.json").read_text("utf-8"))["title"]
        text = text.replace(title, f"{title} (édition {i})")
        (raw / f"{i:05d}-{src.parent.name}.txt").write_text(text, encoding="utf-8")


def test_a_killed_ingest_leaves_whole_briefs_and_every_raw_file(tmp_path):
    needs("briefgen.pipeline")
    root = tmp_path / "project"
    raw = root / "content" / "raw"
    raw.mkdir(parents=True)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    _raw_corpus(raw, 200)
    raw_before = manifest(raw)
    twin = tmp_path / "twin"
    shutil.copytree(root, twin)
    _timed("ingest", cwd=twin)  # warm-up: byte-compiled modules, disk cache
    shutil.rmtree(twin / "content" / "briefs")
    full = _timed("ingest", cwd=twin)
    briefs = root / "content" / "briefs"
    rng = _rng(11)
    interrupted = 0
    for i in range(KILLS):
        proc = start_cli("ingest", cwd=root)
        if i == 0:  # once for sure mid-way, whatever the machine's speed: when 40 briefs are out
            interrupted += _kill_when(proc, lambda: sum(1 for _ in briefs.rglob("*.md")) >= 40)
        else:       # then at random moments (timing on a shared machine is noisy: kills may come late)
            interrupted += _kill_after(proc, rng.uniform(full * 0.15, full * 0.7))
        assert manifest(raw) == raw_before, "a raw file was changed, moved or lost"
        for path in briefs.rglob("*.md"):
            fm.read(path)  # raises on a partial brief
    assert interrupted >= 2, f"the kills came too late to interrupt anything ({full:.1f} s)"
    proc = run_cli("ingest", cwd=root)
    assert "Traceback" not in proc.stderr
    made = sorted(briefs.rglob("*.md"))
    sources = [fm.read(p).source.file for p in made]
    failed = len(re.findall(r"^.*\.txt: ", proc.stderr, re.MULTILINE))
    assert len(set(sources)) + failed >= len(raw_before), "a raw file was lost"
    assert len(sources) == len(set(sources)), f"re-running after kills duplicated briefs: {len(sources)} " \
        f"briefs for {len(set(sources))} inputs"
    assert manifest(raw) == raw_before


def test_a_killed_publish_leaves_the_folder_serving_old_or_new(corpus_project, tmp_path):
    needs("briefgen.publish.run")
    root = corpus_project(120)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    a, b = _two_versions(briefs)
    dest = tmp_path / "www" / "site"
    start = time.monotonic()
    run_cli("publish", "--to", str(dest), cwd=root, check=True)
    full = time.monotonic() - start
    site_a = manifest(dest.resolve())
    set_version(briefs, b)
    twin_dest = tmp_path / "twin-www" / "site"
    run_cli("publish", "--to", str(twin_dest), cwd=root, check=True)
    site_b = manifest(twin_dest.resolve())
    assert site_a != site_b
    rng = _rng(5)
    for _ in range(KILLS):
        serving_a = manifest(dest.resolve()) == site_a
        set_version(briefs, b if serving_a else a)
        proc = start_cli("publish", "--to", str(dest), cwd=root)
        _kill_after(proc, rng.uniform(0.1, full * 1.2))
        assert manifest(dest.resolve()) in (site_a, site_b)
    set_version(briefs, b)
    run_cli("publish", "--to", str(dest), cwd=root, check=True)
    assert manifest(dest.resolve()) == site_b
    assert not list(dest.parent.glob("site.new-*")), "an interrupted publish left a half copy behind"


def test_a_build_killed_while_patching_the_live_site_leaves_no_mix(corpus_project, tmp_path):
    """`briefgen build` never patches site/ in place: a small rebuild, killed at random moments
    through its whole run (and at the moment it swaps), leaves the old or the new complete site."""
    needs("briefgen.site.build")
    root = corpus_project(80)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    a, b = _two_versions(briefs)
    small_b = {k: v for k, v in b.items() if k in a}   # a few retitled: once a patch build
    twin = tmp_path / "twin"
    shutil.copytree(root, twin)
    _timed("build", "--no-ingest", cwd=twin)
    site_a = manifest(twin / "site")
    set_version(twin / "content" / "briefs", small_b)
    small = _timed("build", "--no-ingest", cwd=twin)
    site_b = manifest(twin / "site")
    assert site_b != site_a
    run_cli("build", "--no-ingest", cwd=root, check=True)
    rng = _rng(3)
    interrupted = 0
    kills = []
    i = 0
    # KILLS kills, and more (up to 3 × KILLS) until two really interrupted a build: `small` is one timing
    # taken on a machine whose load can change in seconds. A build that finishes before its kill shows
    # how long a build takes now, and the later delays are drawn within that.
    while i < KILLS or (interrupted < 2 and i < 3 * KILLS):
        now_a = manifest(root / "site") == site_a
        set_version(briefs, small_b if now_a else a)
        start = time.monotonic()
        proc = start_cli("build", "--no-ingest", cwd=root)   # incremental: the small-rebuild path
        delay = rng.uniform(0.2, max(small, 0.3))
        killed = _kill_after(proc, delay)
        if not killed:
            small = min(small, time.monotonic() - start)
        interrupted += killed
        kills.append(f"{'A->B' if now_a else 'B->A'} {'killed' if killed else 'finished before'} at {delay:.2f} s")
        got = manifest(root / "site")
        assert got in (site_a, site_b), _diff(got, site_a, site_b, f" after kill {i} ({kills}; seed "
                                                                   f"{os.environ.get('BRIEFGEN_TEST_KILL_SEED') or 'default'}; the small "
                                                                   f"rebuild takes {small:.2f} s)")
        i += 1
    assert interrupted >= 2, f"the kills came too late to interrupt anything ({small:.2f} s)"
    set_version(briefs, small_b)
    run_cli("build", "--no-ingest", cwd=root, check=True)
    got = manifest(root / "site")
    assert got == site_b, _diff(got, site_a, site_b, f" in the build after the kills ({kills}; seed "
                                                f"{os.environ.get('BRIEFGEN_TEST_KILL_SEED') or 'default'})")
    assert not [p.name for p in root.iterdir() if re.match(r"site\.(tmp|old)-", p.name)]


def test_the_build_after_a_kill_mid_patch_repairs_the_site(corpus_project, tmp_path, monkeypatch):
    """The preview's private folder is patched in place: stop the patch half way (a kill in its
    millisecond window), then check the next build finishes it from the journal, exactly."""
    build_mod = needs("briefgen.site.build")
    swap = needs("briefgen.site.swap")
    from briefgen.config import load_config

    root = corpus_project(80)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    a, b = _two_versions(briefs)
    config = load_config(root)
    preview = tmp_path / "preview-site"
    build_mod.build(config, out=preview, ingest=False, patch_in_place=True)
    set_version(briefs, {k: v for k, v in b.items() if k in a})
    real = swap._move_in

    def killed_half_way(staging, out, written, removed, *rest, **kwargs):
        real(staging, out, written[: len(written) // 2], [], **kwargs)
        raise SystemExit("killed")

    monkeypatch.setattr(swap, "_move_in", killed_half_way)
    with pytest.raises(SystemExit):
        build_mod.build(config, out=preview, ingest=False, patch_in_place=True)
    monkeypatch.undo()
    assert swap.journal_path(preview).is_file()
    # Even with the inputs put back as they were, the next build must not trust the half patch.
    set_version(briefs, a)
    build_mod.build(config, out=preview, ingest=False, patch_in_place=True)
    assert not swap.journal_path(preview).exists()
    twin = tmp_path / "twin"
    shutil.copytree(root / "content", twin / "content")
    shutil.copy(root / "briefgen.toml", twin / "briefgen.toml")
    run_cli("build", "--no-ingest", "--clean", cwd=twin, check=True)
    assert manifest(preview) == manifest(twin / "site")
