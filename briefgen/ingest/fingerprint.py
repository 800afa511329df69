"""Tell the same article saved twice (as .html and .txt, or two copies) from two articles.

An exact hash of the text cannot: the page dump and the HTML page of one article clean to slightly
different texts (a caption kept here, a teaser there). So an article's fingerprint is a bottom-k
sketch of its word 4-grams (casefolded, NFKC): the k smallest 32-bit hashes. Two sketches estimate
the Jaccard similarity of the two texts' 4-gram sets (Broder's min-hash). On the 49 sample pages
(dump vs HTML of the same article, `python -m briefgen.ingest.fingerprint`), the same article
scores 0.66–1.00 (median 0.97) and two different articles at most 0.00: SAME_ABOVE sits between.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.model import Article

K = 32              # hashes kept per article: 256 hex characters in the state file
SHINGLE = 4         # words per shingle
SAME_ABOVE = 0.5    # estimated Jaccard similarity from which two texts are one article
_WORD = re.compile(r"\w+")


def fingerprint(article: Article) -> str:
    """The article's sketch as hex text (k hashes of 8 hex digits, ascending)."""
    text = unicodedata.normalize("NFKC", " ".join([article.title or "", article.lead or "",
                                                   article.body_text])).casefold()
    words = _WORD.findall(text)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = sorted({int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "big")
                     for s in shingles})[:K]
    return "".join(f"{h:08x}" for h in hashes)


def hashes(sketch: str) -> list[int]:
    return [int(sketch[i:i + 8], 16) for i in range(0, len(sketch) - 7, 8)]


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches (0 to 1)."""
    ha, hb = set(hashes(a)), set(hashes(b))
    union = sorted(ha | hb)[:K]
    return sum(1 for h in union if h in ha and h in hb) / len(union) if union else 0.0


class Index:
    """Sketches of the briefs already made, looked up through their hashes (an inverted index)."""

    def __init__(self) -> None:
        self.sketches: dict[str, str] = {}          # key (brief path) -> sketch
        self.by_hash: dict[int, set[str]] = {}

    def add(self, key: str, sketch: str) -> None:
        self.remove(key)
        self.sketches[key] = sketch
        for h in hashes(sketch):
            self.by_hash.setdefault(h, set()).add(key)

    def remove(self, key: str) -> None:
        old = self.sketches.pop(key, None)
        for h in hashes(old or ""):
            self.by_hash.get(h, set()).discard(key)

    def same(self, sketch: str, exclude: str | None = None) -> str | None:
        """The key of an article the sketch is the same as (the most similar), or None."""
        candidates = set().union(*(self.by_hash.get(h, set()) for h in hashes(sketch))) - {exclude}
        scored = sorted(((similarity(sketch, self.sketches[k]), k) for k in candidates), reverse=True)
        return scored[0][1] if scored and scored[0][0] >= SAME_ABOVE else None


def _measure() -> None:
    """Same article (page dump vs HTML page) and different articles, over the sample pages."""
    from pathlib import Path

    from briefgen.ingest.pipeline import ingest_raw
    from briefgen.ingest.readers import read_raw

    pages = Path(__file__).resolve().parents[2] / "tests" / "data" / "samples" / "pages"
    sketches = {}
    for case in sorted(p for p in pages.iterdir() if (p / "dump.txt").is_file() and (p / "source.html").is_file()):
        sketches[case.name] = [fingerprint(ingest_raw(read_raw(case / name))) for name in ("dump.txt", "source.html")]
    same = sorted(similarity(a, b) for a, b in sketches.values())
    names = list(sketches)
    other = max(similarity(x, y) for i, n in enumerate(names) for m in names[i + 1:]
                for x in sketches[n] for y in sketches[m])
    print(f"{len(same)} articles: same article (dump vs HTML) min {same[0]:.2f}, median {same[len(same) // 2]:.2f}; "
          f"two different articles max {other:.2f}; threshold {SAME_ABOVE}")


if __name__ == "__main__":
    _measure()
