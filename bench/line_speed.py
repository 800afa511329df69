#!/usr/bin/env python3
"""A dump line's first sight, fast forms against the plain forms they replaced (session 9), CPU per line.

    python bench/line_speed.py            # every distinct line of the distinct dumps (bench/workers.py)
    python bench/line_speed.py --limit 200 --rounds 1    # a quick look (the smoke test)

Each line of every distinct dump (workers.distinct_sources: shared samples/pages and pages-world when
found, tests/data/dumps-oldstyle), stripped, once: the line model's `shape` against `shape_plain`, the
line's kind and sentence flag (`classify_line` with its shape, as the dump path calls them) against the
plain `classify_line` of before (its own word count, key and is_prose, then the plain shape; its handlers
are today's), `key_of`, and `handle_boiler`'s media and prompt tests. Rounds alternate the two forms; the best of five is given, in
microseconds a line, one core. The caches are bypassed (`__wrapped__`): a first sight each time.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from workers import distinct_sources, pin_one_core


def lines() -> list[str]:
    from briefgen.ingest.clean import tidy

    seen = {ln.strip() for p in distinct_sources("dump") for ln in tidy(p.read_text("utf-8", "replace")).split("\n")}
    return sorted(t for t in seen if t)


def plain_classify_line(text: str):
    from briefgen.ingest import clean
    from briefgen.ingest.patterns import WORD

    key = re.sub(r"^[\W_]+|[\W_]+$", "", " ".join(text.lower().split()))
    line = clean.Line(0, text, key, len(WORD.findall(text)))
    kind = next((k for h in clean.HANDLERS if (k := h(line))), "text")
    return key, kind, line.words, kind == "text" and clean.is_sentence(text, line.words)


def main(argv: list[str]) -> int:
    import argparse

    from briefgen.ingest import clean, linemodel
    from briefgen.ingest.patterns import key_of, lexicon

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only this many lines (0: all)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    texts = lines()[:args.limit or None]
    lex = lexicon()
    pairs = {
        "shape": (linemodel.shape_plain, linemodel.shape.__wrapped__),
        "classify_line + shape": (lambda t: (plain_classify_line(t), linemodel.shape_plain(t)),
                                  clean.classify_line.__wrapped__),   # (it computes the shape, cached)
        "key_of": (lambda t: re.sub(r"^[\W_]+|[\W_]+$", "", " ".join(t.lower().split())), key_of),
        "media line": (lambda t: bool(clean.MEDIA_LINE.search(t)), clean.media_line),
        "prompts (search)": (lambda t: bool(lex.prompts.search(t)), lex.has_prompt),
    }
    pin_one_core()
    linemodel.shape.cache_clear()
    print(f"{len(texts)} distinct lines of {len(distinct_sources('dump'))} dumps; us a line, best of {args.rounds} "
          "(plain -> fast)")
    for name, (plain, fast) in pairs.items():
        best = [float("inf"), float("inf")]
        for _ in range(args.rounds):
            for n, f in enumerate((plain, fast)):
                linemodel.shape.cache_clear()   # (classify_line's fast form computes the shape: each round anew)
                clean.is_prose.cache_clear()
                start = time.process_time()
                for t in texts:
                    f(t)
                best[n] = min(best[n], time.process_time() - start)
        print(f"  {name:24s} {1e6 * best[0] / len(texts):6.1f} -> {1e6 * best[1] / len(texts):6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
