"""Dump the classifier's output on every labelled page, or compare it with an earlier dump.

    .venv/bin/python bench/classify_dump.py OUT.json               # write
    .venv/bin/python bench/classify_dump.py OUT.json --check REF   # write, then compare with REF (exit 1)

For speed work: an optimisation must not change a label. Each article of both label files (pages-world
when shared/ is present) is classified as the quality gates feed it (headline from meta.json, reference
text, the page's address), once with explain on and once as bench/classify_speed.py runs it (no address,
explain off); countries, regions, themes, key points, mentions and the explain evidence (for themes only
the score: its words come in set order) are written.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen.classify.labelled import load_all
from briefgen.classify.pipeline import classify_text


def _record(got, explain: bool) -> dict:
    out = {"countries": list(got.countries), "regions": list(got.regions), "themes": list(got.themes),
           "key_points": list(got.key_points), "mentions": dict(sorted(got.mentions.items()))}
    if explain:
        # A theme's evidence words are summed and ranked in set order, which varies between processes
        # (hash seed): only its score is compared.
        out["explain"] = {k: list(v[:1] if k.startswith("theme:") else v) for k, v in sorted(got.explain.items())}
    return out


def dump() -> dict:
    out = {}
    for it in load_all():
        gate = classify_text(it.title, None, it.text, it.lang, None, explain=True, source_url=it.url)
        bench = classify_text(it.title, None, it.text, it.lang, None, explain=False)
        out[f"{it.corpus}/{it.case}"] = {"gate": _record(gate, True), "bench": _record(bench, False)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="dump the classifier's output on the labelled pages")
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", type=Path, help="an earlier dump to compare with")
    args = parser.parse_args()
    data = dump()
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(data)} articles -> {args.out}")
    if args.check:
        ref = json.loads(args.check.read_text(encoding="utf-8"))
        diff = sorted(k for k in ref.keys() | data.keys() if ref.get(k) != data.get(k))
        for key in diff[:20]:
            for mode in ("gate", "bench"):
                a, b = (ref.get(key) or {}).get(mode) or {}, (data.get(key) or {}).get(mode) or {}
                for field in sorted(a.keys() | b.keys()):
                    if a.get(field) != b.get(field):
                        print(f"{key} [{mode}] {field}: {a.get(field)!r} -> {b.get(field)!r}"[:400])
        print(f"{len(diff)} of {len(ref)} articles differ from {args.check}")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
