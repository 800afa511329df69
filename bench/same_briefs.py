#!/usr/bin/env python3
"""Does a change leave every written brief byte-identical? (The check behind every speed change.)

    python bench/same_briefs.py                  # main (git) against the working tree
    python bench/same_briefs.py --base COMMIT    # any commit against the working tree
    python bench/same_briefs.py --base COMMIT --new COMMIT2
    python bench/same_briefs.py --base-tree DIR  # a checkout (a worktree) instead of a commit

Ingests, with each of the two checkouts, every page dump (`dump.txt`) and every saved page
(`source.html`) of `shared/samples/pages` and `shared/samples/pages-world` (found beside the
repository or through BRIEFGEN_SHARED), plus `tests/data/dumps-oldstyle/*.txt` and
`tests/data/html-oldstyle/*.html` of the working tree (the same inputs for both): the whole path of
`briefgen ingest` (read, clean, metadata, furniture, classifier, fingerprint, brief written), one
`make_briefs` call per set and kind, copies kept apart (`merge_copies = false`). Then compares, per
input file: the brief's file name and bytes (front matter and body), what the state file keeps for it
(labels, fingerprint) and the failure message of an input that gives no brief. Every difference is
printed with the page's name; exit status 1 when there is one.

A commit is taken with `git archive` into a temporary folder (no worktree is made); each checkout
runs in its own process with `python -P` and `PYTHONPATH` on that checkout, so the same virtualenv
(the same libraries) runs both codes. About 1 minute of CPU per checkout.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE_NAME = ".briefgen-state.json"
REPORT_NAME = "_ingest-report.txt"


def shared_samples() -> Path | None:
    for base in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared"):
        if base and (Path(base) / "samples" / "pages").is_dir():
            return Path(base) / "samples"
    return None


def input_sets() -> dict[str, list[tuple[str, Path]]]:
    """(set name and kind) -> [(page name, file)]: the same list for both checkouts."""
    sets: dict[str, list[tuple[str, Path]]] = {}
    samples = shared_samples()
    if samples is None:
        sys.exit("shared/samples not found (set BRIEFGEN_SHARED to the folder holding samples/)")
    for corpus in ("pages", "pages-world"):
        pages = sorted(p for p in (samples / corpus).iterdir() if p.is_dir())
        for kind, name in (("dump", "dump.txt"), ("html", "source.html")):
            sets[f"{corpus}-{kind}"] = [(p.name, p / name) for p in pages if (p / name).is_file()]
    data = ROOT / "tests" / "data"
    sets["dumps-oldstyle"] = [(p.stem, p) for p in sorted((data / "dumps-oldstyle").glob("*.txt"))]
    sets["html-oldstyle"] = [(p.stem, p) for p in sorted((data / "html-oldstyle").glob("*.html"))]
    return sets


def write(out: Path) -> None:
    """Run inside one checkout (PYTHONPATH on it): ingest every set into out/<set>/."""
    from dataclasses import replace

    import briefgen
    from briefgen.config import load_config
    from briefgen.pipeline import make_briefs

    print(f"briefgen from {Path(briefgen.__file__).parent}", file=sys.stderr)
    for name, files in input_sets().items():
        project = out / name
        raw = project / "content" / "raw"
        raw.mkdir(parents=True)
        paths = []
        for page, src in files:
            dst = raw / f"{page}{src.suffix}"
            shutil.copyfile(src, dst)
            paths.append(dst)
        config = load_config(project)
        config = replace(config, ingest=replace(config.ingest, merge_copies=False))
        make_briefs(paths, config, out=project / "content" / "briefs")


def collect(project: Path) -> dict[str, tuple]:
    """page file name -> (brief rel path, brief bytes, state's machine data) or ("FAILED", message)."""
    briefs = project / "content" / "briefs"
    state = json.loads((briefs / STATE_NAME).read_text(encoding="utf-8")) if (briefs / STATE_NAME).is_file() \
        else {"briefs": {}}
    found: dict[str, tuple] = {}
    for rel, entry in state["briefs"].items():
        page = Path(entry["source"]).name
        found[page] = (rel, (briefs / rel).read_bytes(), json.dumps(entry.get("machine"), sort_keys=True))
    report = (briefs / REPORT_NAME).read_text(encoding="utf-8") if (briefs / REPORT_NAME).is_file() else ""
    for line in report.splitlines():
        if line.startswith("FAILED "):
            path, _, message = line[len("FAILED "):].partition(": ")
            found[Path(path).name] = ("FAILED", message)
    return found


def first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for n, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"line {n}:\n      - {x[:160]!r}\n      + {y[:160]!r}"
    return f"lengths {len(la)} and {len(lb)} lines"


def compare(base: Path, new: Path) -> int:
    differences = total = 0
    for name in input_sets():
        old, now = collect(base / name), collect(new / name)
        for page in sorted(set(old) | set(now)):
            total += 1
            a, b = old.get(page), now.get(page)
            if a == b:
                continue
            differences += 1
            if a is None or b is None or a[0] == "FAILED" or b[0] == "FAILED":
                print(f"{name}/{page}: {a[0] if a else None}: {a[-1] if a else ''!s:.120} -> "
                      f"{b[0] if b else None}: {b[-1] if b else ''!s:.120}")
            elif a[0] != b[0]:
                print(f"{name}/{page}: brief {a[0]} -> {b[0]}")
            elif a[1] != b[1]:
                print(f"{name}/{page}: brief {a[0]} differs at {first_difference(a[1], b[1])}")
            else:
                print(f"{name}/{page}: state's machine data differs: {a[2][:200]} -> {b[2][:200]}")
    print(f"{total} inputs, {differences} differ")
    return 1 if differences else 0


def checkout(commit: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run_in(tree: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(tree), "BRIEFGEN_SHARED": str(shared_samples().parent)}
    subprocess.run([sys.executable, "-P", str(Path(__file__).resolve()), "--write", str(out)],
                   cwd=tree, env=env, check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="commit to compare against (default main)")
    ap.add_argument("--base-tree", type=Path, help="a checkout to compare against instead of --base")
    ap.add_argument("--new", help="a commit instead of the working tree")
    ap.add_argument("--keep", type=Path, help="write the briefs here (kept) instead of a temporary folder")
    ap.add_argument("--write", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write:
        write(args.write)
        return 0
    work = Path(tempfile.mkdtemp(prefix="same-briefs-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        base_tree = args.base_tree.resolve() if args.base_tree else checkout(args.base, work / "base-tree")
        new_tree = checkout(args.new, work / "new-tree") if args.new else ROOT
        run_in(base_tree, work / "base")
        run_in(new_tree, work / "new")
        return compare(work / "base", work / "new")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
