#!/usr/bin/env python3
"""How well page dumps' text survives an interruption in the middle of the article (issue 11): hand-made
copies of the sample pages, each cleaned by the line model of the fold that left its publisher out.

    BRIEFGEN_SHARED=../shared python scripts/dump_interruptions.py [--cache DIR] [--json FILE]

Every page of the 255 (`fit_dump_model.corpus()`) that shows four or more of its reference paragraphs (eight
words or more) as lines of its dump gets one copy per kind below, the box set right before the middle one of
those paragraphs, as sites set them inside a story: an advertisement label, a "Related" box of three other
pages' headlines, a "Read more" teaser (another page's headline and first sentence), a newsletter sign-up, a
product list with prices, an embedded post. The other pages are of another publisher, in the same language
where there is one. Each copy goes through the whole dump ingest (`ingest_raw`) with its fold's line model
(fit_dump_model's folds and fitting; the shipped headline ranker) and is scored like the leave-publisher-out
table (`score.score` of lead + body against expected.txt); `none` is the same pages as they are. The fold
models depend only on the line features, so `--cache` keeps them (keyed by the feature code, the fitting
code and the data files; the decoding steps may change without a refit). Deterministic.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import fit_dump_model as F  # noqa: E402

from briefgen.ingest import clean, linemodel  # noqa: E402
from briefgen.ingest.pipeline import ingest_raw  # noqa: E402
from briefgen.ingest.score import article_text, score  # noqa: E402
from briefgen.model import RawArticle  # noqa: E402

RELATED = {"de": "Mehr zum Thema", "fr": "À lire aussi", "it": "Leggi anche", "es": "Te puede interesar",
           "pt": "Leia também"}
AD = {"de": "Anzeige", "fr": "Publicité", "it": "Pubblicità", "es": "Publicidad", "pt": "Publicidade",
      "cs": "Reklama", "pl": "Reklama"}
KINDS = ("ad", "related", "teaser", "newsletter", "products", "embed")


def _sentence(page: F.Page, words: int) -> str:
    paras = [x for x in page.expected.split("\n") if len(x.split()) >= 20]
    return " ".join(paras[0].split()[:words]).rstrip(",;:.") + "." if paras else page.title + "."


def copies(page: F.Page, pages: list[F.Page]) -> dict[str, str]:
    """The page's dump text with each kind of box before its middle reference paragraph, and `none`."""
    lines = page.text.split("\n")
    found: list[int] = []
    for para in (x.strip() for x in page.expected.split("\n") if len(x.split()) >= 8):
        j = next((j for j in range(found[-1] + 1 if found else 0, len(lines)) if lines[j].strip() == para), None)
        if j is not None:
            found.append(j)
    if len(found) < 4:
        return {}
    at = found[len(found) // 2]
    others = [q for q in pages if q.lang == page.lang and q.publisher != page.publisher] \
        or [q for q in pages if q.publisher != page.publisher]
    h = sum(map(ord, page.name))
    o = [others[(h + n * 7) % len(others)] for n in range(3)]
    boxes = {
        "ad": [AD.get(page.lang, "Advertisement")],
        "related": [RELATED.get(page.lang, "Related"), o[0].title, o[1].title, o[2].title],
        "teaser": ["Read more", o[0].title, _sentence(o[0], 22)],
        "newsletter": ["Sign up to our daily newsletter",
                       "The biggest stories of the day, sent to your inbox every morning.", "Email address",
                       "Sign up", "By signing up you agree to our privacy policy. You can unsubscribe at any time."],
        "products": ["Shop the story", "Northfield Trail Boot – £89.99", "Buy now", "Kestrel Lite Jacket – £129.00",
                     "Buy now", "Harbour Flask 750ml – £19.50", "Buy now"],
        "embed": [_sentence(o[1], 18) + " pic.twitter.com/a1B2c3D4", "— Jane Doe (@janedoe) March 3, 2017"],
    }
    return {k: "\n".join(lines[:at] + [""] + box + [""] + lines[at:]) for k, box in boxes.items()} | {"none": page.text}


def fold_models(pages: list[F.Page], cache: Path | None) -> list[dict]:
    """The FOLDS line models of fit_dump_model's folds, from `cache` when the features are unchanged."""
    h = hashlib.sha256()
    for fn in (linemodel.shape, linemodel.shape_plain, linemodel._page_parts, linemodel.stop_hits,
               F.labels, F._fit, F._stack, F.fit_lines, F.Page, clean.prepare, clean.rule_votes):
        h.update(inspect.getsource(fn).encode())
    h.update(repr(linemodel.feature_names()).encode())
    for f in sorted((ROOT / "briefgen" / "ingest").rglob("*")):
        if f.suffix == ".toml" or f.name in ("clean.py", "furniture.py", "patterns.py"):
            h.update(f.read_bytes())
    h.update(json.dumps([F.C, sorted(p.name for p in pages)]).encode())
    path = cache / f"folds-{h.hexdigest()[:16]}.pkl" if cache else None
    if path and path.is_file():
        return pickle.loads(path.read_bytes())
    where = F.folds(pages)
    models = [F.fit_lines([p for p in pages if where[p.publisher] != f]) for f in range(F.FOLDS)]
    if path:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(models))
        tmp.replace(path)
    return models


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefgen-dump-interruptions")
    ap.add_argument("--json", type=Path, help="per-page (P, R, F1) by kind, written here")
    args = ap.parse_args()
    pages = [F.Page(c) for c in F.corpus()]
    where = F.folds(pages)
    models = fold_models(pages, args.cache)
    shipped = json.loads(linemodel.MODEL_PATH.read_text(encoding="utf-8"))
    res: dict[str, dict[str, tuple[float, float, float]]] = {k: {} for k in (*KINDS, "none")}
    for p in pages:
        texts = copies(p, pages)
        if not texts:
            continue
        raw = (p.case / "dump.txt").read_text(encoding="utf-8")
        prefix = raw[: len(raw) - len(p.text)]   # (the dump's date line and the like, as written)
        model = dict(models[where[p.publisher]]) | {"title": shipped["title"],
                                                    "title_features": shipped.get("title_features")}
        with linemodel.use(linemodel.Model(model)):
            for kind, text in texts.items():
                try:
                    a = ingest_raw(RawArticle(path=p.case / "dump.txt", name="dump.txt", kind="dump",
                                              text=prefix + text, sha256=""))
                    s = score(article_text(a), p.expected)
                    res[kind][p.name] = (s.precision, s.recall, s.f1)
                except Exception:   # (no brief: scores zero, as in the leave-publisher-out table)
                    res[kind][p.name] = (0.0, 0.0, 0.0)
    print("| copy | pages | P | R | F1 |\n| --- | ---: | ---: | ---: | ---: |")
    for kind, got in res.items():
        n = len(got)
        print(f"| {kind} | {n} | " + " | ".join(f"{sum(v[i] for v in got.values()) / n:.4f}" for i in range(3)) + " |")
    if args.json:
        tmp = args.json.with_suffix(".tmp")
        tmp.write_text(json.dumps(res, indent=0), encoding="utf-8")
        tmp.replace(args.json)


if __name__ == "__main__":
    main()
