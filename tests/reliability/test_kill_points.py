"""A build killed (SIGKILL) exactly at each point where it publishes, then the next builds.

The random kills of test_interrupted.py land where the build spends its time (rendering); the
windows between saving the state, exchanging the trees and keeping the spare are milliseconds wide
and are hit only now and then under load (session 8: one failure in ~15 loaded runs). Here the
build kills itself at a named point (`briefgen.site.killpoints`, BRIEFGEN_TEST_KILL_AT, test-only),
in a real `briefgen build` process. Then site/ must be the old or the new complete site, and each
of the next builds (the same content again, a third version, the old one, the new one: several,
because what a killed build leaves in the state can poison a later build rather than the next)
must equal a clean build of its content byte for byte, with no litter beside site/.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import CLI, cli_env, gen_corpus, manifest, needs, set_version

pytestmark = pytest.mark.slow
CONFIG = 'title = "Kill points"\nlocale = "fr_CH"\n[site]\nnow = "2026-02-01T00:00:00+01:00"\n'
COUNT = 40


def _versions(briefs: Path) -> dict[str, dict[str, bytes]]:
    """A: the corpus; B and C: three briefs retitled each (small: the spare tree's path); D: every
    brief retitled (a large change: a whole new tree while a spare exists)."""
    a = {p.relative_to(briefs).as_posix(): p.read_bytes() for p in sorted(briefs.rglob("*.md"))}

    def retitled(keys, words):
        out = dict(a)
        for rel in keys:
            brief = fm.load(a[rel].decode("utf-8"), rel)
            out[rel] = fm.dump(replace(brief, title=f"{words} {brief.title}")).encode("utf-8")
        return out

    keys = sorted(a)
    return {"A": a, "B": retitled(keys[:3], "Bis :"), "C": retitled(keys[10:13], "Ter :"),
            "D": retitled(keys, "Quater :")}


def _killed_build(root: Path, kill_at: str) -> bool:
    """`briefgen build` in a real process armed to kill itself at `kill_at`; True if it did."""
    env = cli_env(BRIEFGEN_TEST_KILL_AT=kill_at)
    proc = subprocess.Popen([*CLI, "build", "--no-ingest"], cwd=root, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    _, err = proc.communicate(timeout=300)
    try:
        os.killpg(proc.pid, signal.SIGKILL)   # render workers a killed build left behind
    except ProcessLookupError:
        pass
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(f"briefgen build exited {proc.returncode}\n{err.decode()[-3000:]}")
    return proc.returncode != 0


def _build(root: Path, clean: bool = False) -> None:
    """A build that is not killed, in this process (no interpreter start and imports each time: the
    state, the trees and the brief cache are on disk, as a new process finds them)."""
    from briefgen.config import load_config
    from briefgen.site.build import build
    from briefgen.site.swap import wait_for_removals

    build(load_config(root), clean=clean, ingest=False)
    wait_for_removals()


def _wait_removals(root: Path) -> None:
    """The detached `rm -rf` of old trees runs after the build exits: wait for the trash to empty."""
    import time

    deadline = time.monotonic() + 60
    trash = root / ".briefgen-cache" / "trash"
    while trash.exists() and any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)


def _differ(got: dict, want: dict) -> str:
    bad = sorted(k for k in got.keys() | want.keys() if got.get(k) != want.get(k))
    return f"{len(bad)} files differ: {bad[:40]}"


@pytest.fixture(scope="module")
def clean_sites(tmp_path_factory):
    """The corpus, its versions and the clean build of each version (manifests)."""
    needs("briefgen.site.build")
    base = tmp_path_factory.mktemp("kill-points")
    briefs = base / "corpus"
    gen_corpus(briefs, COUNT)
    versions = _versions(briefs)
    twin = base / "twin"
    (twin / "content" / "raw").mkdir(parents=True)
    (twin / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    sites = {}
    for name, files in versions.items():
        set_version(twin / "content" / "briefs", files)
        _build(twin, clean=True)
        sites[name] = manifest(twin / "site")
    assert len({tuple(sorted(s.items())) for s in sites.values()}) == 4
    return versions, sites


# (point, builds run before the kill is armed). The builds: 0 cold A (a whole tree, and a spare of
# hard links to it laid out), 1 B, 2 A and 3 C (the spare tree brought up to date), 4 D (a large
# change: a whole new tree while a spare exists), 5 A.
ORDER = ["A", "B", "A", "C", "D", "A"]
POINTS = [
    ("spare-laid", 0), ("staged", 0), ("state-saved", 0), ("swapped", 0), ("base-written", 0),
    ("spare-busy", 1), ("spare-updated", 1), ("spare-state-saved", 1), ("spare-swapped", 1), ("delta-written", 1),
    ("spare-state-saved", 2), ("spare-state-saved", 3),
    ("staged", 4), ("state-saved", 4), ("swapped", 4), ("spare-renaming", 4), ("spare-kept", 4),
    ("base-written", 1), ("staging-left", 1),
]


# The points where the saved state is ahead of site/ (it describes the new tree, site/ still holds the
# old one), also followed by the old content first: a build then finds nothing to change in site/.
BACK = [("state-saved", 4), ("spare-state-saved", 1), ("spare-state-saved", 3), ("delta-written", 1),
        ("base-written", 1)]
CASES = [(p, n, "again") for p, n in POINTS] + [(p, n, "back") for p, n in BACK]


@pytest.mark.parametrize(("point", "armed_from", "then"), CASES, ids=[f"{p}-{n}-{t}" for p, n, t in CASES])
def test_a_build_killed_at_a_publishing_point_leaves_a_whole_site_and_the_next_builds_are_exact(
        clean_sites, tmp_path, point, armed_from, then):
    versions, sites = clean_sites
    root = tmp_path / "project"
    (root / "content" / "raw").mkdir(parents=True)
    (root / "briefgen.toml").write_text(CONFIG, encoding="utf-8")
    briefs = root / "content" / "briefs"
    killed_at = None
    for step, name in enumerate(ORDER):
        set_version(briefs, versions[name])
        if step >= armed_from and _killed_build(root, point):
            killed_at = step
            break
        if step < armed_from:
            _build(root)
        assert manifest(root / "site") == sites[name], f"build {step} ({name}): " + _differ(
            manifest(root / "site"), sites[name])
    assert killed_at is not None, f"no build reached {point!r}"
    old, new = ORDER[killed_at - 1] if killed_at else None, ORDER[killed_at]
    got = manifest(root / "site")
    assert got in (sites[old] if old else {}, sites[new]), \
        f"killed at {point} in build {killed_at} ({old} -> {new}): site/ is neither: " + _differ(got, sites[new])
    third = next(v for v in "ABC" if v not in (old, new))
    for step, name in enumerate([new, third, old or "A"] if then == "again" else [old, third, new]):
        set_version(briefs, versions[name])
        _build(root)
        _wait_removals(root)
        assert not [p.name for p in root.iterdir() if re.match(r"site\.(tmp|old)-", p.name)], \
            f"killed at {point} in build {killed_at}; then build {step + 1} ({name}) left litter beside site/"
        got = manifest(root / "site")
        assert got == sites[name], f"killed at {point} in build {killed_at} ({old} -> {new}); then build " \
            f"{step + 1} ({name}): " + _differ(got, sites[name])
    _wait_removals(root)
    assert not [p.name for p in root.iterdir() if re.match(r"site\.(tmp|old)-", p.name)]
    shutil.rmtree(root, ignore_errors=True)
