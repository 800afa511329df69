#!/usr/bin/env python3
"""Alternated pairs of incremental `briefgen build`s between two frozen copies of the code, each on
its own copy of a built project (kept texts and the state are keyed by the code: build each copy's
project with its own code first). CPU of the whole child from wait4 (user + system, children
included), the change checked on the site after every timed build:

    .venv/bin/python bench/incr_ab.py edit|nochange|add ROUNDS N CODE_A PROJECT_A CODE_B PROJECT_B
        [--brief REL] [--count 100] [--instructions]

edit: N builds per side and round, each after a new title of one brief (the title checked on its
page); the title is restored and built again (untimed) at the end of the side's turn. nochange: N
builds with nothing changed. add: N times COUNT new briefs (bench/run.py new_briefs, a different day
each time), built (timed; the newest checked in feed.xml), removed and built again (untimed).
--instructions: the timed builds run under valgrind's cachegrind and their instructions are counted
(G; ~20 times slower, but the load does not move the count: session 13 saw ±10 % between rounds in CPU,
±0.1 % in instructions between consecutive edits, +0.1-0.2 G for a build that writes the whole state
rather than a delta, and a few % from the project's history: alternate many rounds). Frozen copies: `git archive REV |
tar -x -C DIR`, then `python -m compileall -q DIR/briefgen` (a copy without bytecode compiles every
module on every run when PYTHONDONTWRITEBYTECODE is set)."""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

DEFAULT_BRIEF = "content/briefs/2025/01/beijing-durcit-le-ton-sur-la-liberte-de-la-presse-2.md"


def retitled(text: str, marker: str) -> str:
    """The brief with `marker` put before its title (inside the quotes of a quoted one, as a person
    editing it would: an unquoted title holding quotes would send the front matter to PyYAML)."""
    if '\ntitle: "' in text:
        return text.replace('\ntitle: "', f'\ntitle: "{marker} ', 1)
    return text.replace("\ntitle: ", f"\ntitle: {marker} ", 1)


INSTRUCTIONS = False    # --instructions: count the timed builds' instructions instead (see main)
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def build(code: str, project: Path, timed: bool = True) -> float:
    env = {**os.environ, "PYTHONPATH": code, "BRIEFGEN_NO_PROGRESS": "1"}
    cmd = [sys.executable, "-P", "-m", "briefgen.cli", "-q", "-C", str(project), "build", "--no-ingest"]
    if INSTRUCTIONS and timed:
        env["PYTHONHASHSEED"] = "0"
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd]
    p = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE if INSTRUCTIONS and timed else subprocess.DEVNULL)
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr is not None else ""
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise SystemExit(f"build failed ({status}): {code} {project}")
    if INSTRUCTIONS and timed:
        return int(_REFS.search(err).group(1).replace(",", "")) / 1e9
    return usage.ru_utime + usage.ru_stime


def page_of(project: Path, rel: str) -> Path:
    """The brief's page (its slug is its file name in the generated corpus)."""
    found = list((project / "site").glob(f"*/*/{Path(rel).stem}/index.html"))
    if len(found) != 1:
        raise SystemExit(f"no single page for {rel}: {found}")
    return found[0]


def one_side(what: str, n: int, code: str, project: Path, rel: str, count: int, day: int) -> list[float]:
    spent = []
    if what == "edit":
        brief = project / rel
        original = brief.read_text(encoding="utf-8")
        page = page_of(project, rel)
        try:
            for k in range(n):
                marker = f"AB{k}-{time.time():.0f}"
                brief.write_text(retitled(original, marker), encoding="utf-8")
                spent.append(build(code, project))
                if marker not in page.read_text(encoding="utf-8"):
                    raise SystemExit(f"the edit is not on {page}")
        finally:
            brief.write_text(original, encoding="utf-8")
            build(code, project, timed=False)
    elif what == "nochange":
        spent = [build(code, project) for _ in range(n)]
    else:
        import run
        for k in range(n):
            made = run.new_briefs(project, (day + k) % 28, count)
            try:
                spent.append(build(code, project))
                feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
                if made[-1][1] not in feed:
                    raise SystemExit("the newest brief is not in feed.xml")
            finally:
                for path, _ in made:
                    path.unlink()
            build(code, project, timed=False)
    return spent


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["edit", "nochange", "add"])
    p.add_argument("rounds", type=int)
    p.add_argument("n", type=int)
    p.add_argument("sides", nargs=4, help="CODE_A PROJECT_A CODE_B PROJECT_B")
    p.add_argument("--brief", default=DEFAULT_BRIEF)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--instructions", action="store_true",
                   help="count the timed builds' instructions (G, valgrind's cachegrind, PYTHONHASHSEED=0) "
                        "instead of their CPU: the load does not move them; set [site] jobs = 1 in both "
                        "projects (under valgrind the render probe would send pages to workers, not counted)")
    args = p.parse_args()
    global INSTRUCTIONS
    INSTRUCTIONS = args.instructions
    unit = "G instructions" if INSTRUCTIONS else "s CPU"
    sides = [(args.sides[0], Path(args.sides[1]).resolve()), (args.sides[2], Path(args.sides[3]).resolve())]
    results: list[list[float]] = [[], []]
    for r in range(args.rounds):
        for i, (code, project) in enumerate(sides):
            spent = one_side(args.what, args.n, code, project, args.brief, args.count, r * args.n)
            results[i] += spent
            print(f"{time.strftime('%H:%M:%S', time.gmtime())} round {r} side {'AB'[i]} {args.what}: "
                  f"{' '.join(f'{c:.4f}' if INSTRUCTIONS else f'{c:.3f}' for c in spent)} {unit}, load {os.getloadavg()[0]:.1f}",
                  flush=True)
    for i, (code, _) in enumerate(sides):
        print(f"side {'AB'[i]} {code}: median {statistics.median(results[i]):.4f} {unit} of {len(results[i])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
