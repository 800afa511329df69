"""Write what ingest makes of every page dump, or compare it with an earlier run.

    .venv/bin/python bench/ingest_dump.py OUT.json               # write
    .venv/bin/python bench/ingest_dump.py OUT.json --check REF   # write, then compare with REF (exit 1)

For speed work on the dump path: an optimisation must not change what a page gives. Every `dump.txt` of
tests/data/samples/pages and of pages-world (from $BRIEFGEN_SHARED or ../shared, when present) goes
through `ingest_file`; the Article's title, kicker, lead, dates, language, blocks (kind, text, items),
translations, caption, credit, agency and author are written, or the error a page gives.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.errors import IngestError
from briefgen.ingest.pipeline import ingest_file


def dumps() -> list[Path]:
    paths = sorted((ROOT / "tests" / "data" / "samples" / "pages").glob("*/dump.txt"))
    for shared in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared"):
        world = Path(shared) / "samples" / "pages-world" if shared else None
        if world is not None and world.is_dir():
            return paths + sorted(world.glob("*/dump.txt"))
    return paths


def record(path: Path) -> dict:
    try:
        a = ingest_file(path)
    except IngestError as exc:
        return {"error": str(exc)}
    return {"title": a.title, "kicker": a.kicker, "lead": a.lead, "date": str(a.date), "updated": str(a.updated),
            "lang": a.lang, "blocks": [[b.kind, b.text, list(b.items)] for b in a.blocks],
            "translations": list(a.translations), "caption": a.image.caption, "credit": a.image.credit,
            "agency": a.source.agency, "author": a.source.author}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--check", type=Path, help="an earlier output to compare with")
    args = ap.parse_args()
    got = {f"{p.parent.parent.name}/{p.parent.name}": record(p) for p in dumps()}
    args.out.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(got)} dumps written to {args.out}")
    if args.check is None:
        return 0
    ref = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in ref.keys() | got.keys() if ref.get(k) != got.get(k))
    for k in changed:
        print(f"changed: {k}")
    print(f"{len(changed)} of {len(got)} dumps differ from {args.check}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
