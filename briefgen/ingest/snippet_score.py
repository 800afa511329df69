"""Per-page snippet accuracy: "must contain / must not contain", all or nothing per page.

Bag-of-words F1 barely notices one kept "Lesen Sie auch: <teaser>" line, a photo credit or a lost last
paragraph; a reader notices each. This measure fails the whole page for any of them. The snippets of a
sample page are derived from its expected.txt and dump.txt, automatically and deterministically:

must contain
    the first and the last sentence of the first, a middle and the last paragraph of expected.txt
    (paragraphs of 6 tokens or more: a "(dpa)" line is no paragraph here; a sentence of fewer than 5
    tokens is joined to its neighbour; a dateline, "Berlin." or "PARIS (AFP) -", is not part of the first
    sentence, since a cleaner may set it apart), each kept only when the dump holds it (a few pages
    differ from their reference by a joined word or a quotation mark; 5 pages' dumps hold none).
must not contain
    every dump line of 3 tokens or more that expected.txt does not hold, except the ambiguous ones, left
    out with a reason (`Snippets.excluded`):
    - `title`: the headline (meta.json), a line it contains, or a line holding it with a few words more;
    - `kicker`: a line of 10 tokens or fewer among the 3 lines above a headline line;
    - `header`: a line between the last headline line above the text and the text's first line (the
      standfirst, bylines, dates and captions a reference may or may not hold);
    - `date`: a line of 15 tokens or fewer with a date or a time (digits, or a month name of months.json);
    - `byline`: a line of 12 tokens or fewer opening with "by", "von", "par", "di" and the like and a
      capitalised word;
    - `caption`: between the text's first and last line, a line of 6 tokens or more that holds a credit
      word ("Foto", "Photo", "Bild", "©", an agency), or that stands next to a short credit line;
    - `repeats`: a line of 5 tokens or more with a third or more of its token trigrams in the article (a
      pull quote, a teaser of the article itself, a paragraph the dump joined with furniture);
    - `list`: between the text's first and last line, a line opening with a list mark ("–", "•", "1.");
    - `inside`: between them, a line of 12 tokens or more ending a sentence whose nearest lines above and
      below are the article's (a paragraph or caption the reference left out).
    Lines of 3 tokens or more: in Chinese, Japanese, Korean and Thai a character is half a word.
    Short credit lines ("Foto: Name/dpa") are not excluded: a kept credit fails a page.

A text passes when its token sequence (lowercased word tokens, briefgen.ingest.patterns.TOKEN) holds
every must-contain snippet and no must-not-contain line. Quotation marks, dashes and spacing are thus
ignored on both sides.

    python -m tests.quality.snippet_eval          # per language, dumps and HTML, with trafilatura/readability
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from briefgen.ingest.patterns import TERMINAL as _TERMINAL
from briefgen.ingest.patterns import TOKEN

MIN_LINE = 3          # tokens of a must-not-contain line
MIN_PARAGRAPH = 6     # tokens of a paragraph that gives must-contain sentences
MIN_SENTENCE = 5      # a shorter sentence is joined to its neighbour


def toks(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def joined(text: str) -> str:
    """The token sequence as one string with a space at both ends (substring = token subsequence)."""
    return " " + " ".join(toks(text)) + " "


# "BEIRUT, March 7 (Reuters) - ", "ROM (dpa) – ", "PARIS — ": a dateline before the first sentence.
_DATELINE = re.compile(r"^(?:[^.!?\n]{0,60}?\([^)\n]{1,20}\)|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ /.,'-]{1,40})\s*[-–—]\s+")
_SPLIT = re.compile(r"[.!?…]+[\"'»”“’)\]]*\s+")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph: split after . ! ? … when the next word opens with a capital or a digit
    (after any opening quote); a piece under MIN_SENTENCE tokens is joined to the one before (or after)."""
    parts: list[str] = []
    start = 0
    for m in _SPLIT.finditer(paragraph):
        rest = paragraph[m.end():].lstrip("\"'«„“‘([")
        if rest[:1].isupper() or rest[:1].isdigit():
            parts.append(paragraph[start:m.end()].strip())
            start = m.end()
    parts.append(paragraph[start:].strip())
    parts = [p for p in parts if p]
    if len(parts) > 1 and len(toks(parts[0])) < MIN_SENTENCE:
        parts = parts[1:]       # a dateline ("Berlin.") that a cleaner may set apart or drop
    if parts:
        parts[0] = _DATELINE.sub("", parts[0], count=1) or parts[0]
    out: list[str] = []
    for p in parts:
        if out and len(toks(out[-1])) < MIN_SENTENCE:
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    if len(out) > 1 and len(toks(out[-1])) < MIN_SENTENCE:
        last = out.pop()
        out[-1] = out[-1] + " " + last
    return out


# --- ambiguous fields ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    data = json.loads((Path(__file__).parent / "lang" / "months.json").read_text(encoding="utf-8"))
    return frozenset(w for table in data.values() for w in table if len(w) >= 3)


_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[:h.]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LIST = re.compile(r"^\s*(?:[-–—•*·▪►>]|\d{1,2}[.)])\s")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_BYLINE = re.compile(r"^\s*(by|von|par|di|de|da|door|av|af|por|od|z|от|oleh|tekst|text|texte|testo|"
                     r"autor|autorin|author|auteur|autore)\s*:?\s+\S", re.IGNORECASE)
_CREDIT = re.compile(r"(?i)(?:\b(?:foto|fotos|photo|photos|bild|bilder|image|credit|crédit|crédits|quelle|"
                     r"getty|imago|keystone|dpa|afp|reuters|ansa|epa|ap|istock|shutterstock|picture[ -]alliance|"
                     r"lapresse|belga|apa|sda|kna|epd|courtesy|handout|symbolbild|archivbild|pa|ddp)\b|©|\(c\))")


def _is_date(line: str, words: list[str]) -> bool:
    if "©" in line or len(words) > 15:
        return False
    return (bool(_DATE.search(line)) or len(words) <= 6 and bool(_YEAR.search(line))
            or any(w in _month_words() for w in words) and any(w.isdigit() for w in words))


def _size(line: str, words: list[str]) -> int:
    """Words of a line; in scripts written without spaces (a token is a character) two characters."""
    cjk = len(_UNSPACED.findall(line))
    return len(words) - cjk + cjk // 2 if cjk else len(words)


def _is_byline(line: str, words: list[str]) -> bool:
    m = _BYLINE.match(line)
    if not m or len(words) > 12:
        return False
    rest = line[m.end() - 1:]
    return rest[:1].isupper()


def _is_credit(line: str) -> bool:
    return bool(_CREDIT.search(line))


@dataclass
class Snippets:
    case: str
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)   # (reason, line)
    dropped_must: list[str] = field(default_factory=list)           # sentences the dump does not hold
    where: dict[str, str] = field(default_factory=dict)             # must-not line -> above/inside/below


def _paragraphs(expected: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", expected) if p.strip()]


def derive(case: Path) -> Snippets:
    """The snippets of one sample page folder (expected.txt, dump.txt, meta.json)."""
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    dump = (case / "dump.txt").read_text(encoding="utf-8")
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    out = Snippets(case.name)
    exp_joined = joined(expected)
    dump_joined = joined(dump)

    paras = [p for p in _paragraphs(expected) if len(toks(p)) >= MIN_PARAGRAPH]
    if paras:
        chosen = [paras[0], paras[len(paras) // 2], paras[-1]]
        for p in dict.fromkeys(chosen):
            ss = sentences(p)
            for s in dict.fromkeys([ss[0], ss[-1]]):
                if joined(s) in dump_joined:
                    out.must.append(s)
                else:
                    out.dropped_must.append(s)

    lines = [ln.strip() for ln in dump.split("\n")]
    if lines and lines[0].startswith("date "):
        lines[0] = ""
    words = [toks(ln) for ln in lines]
    in_exp = [bool(w) and joined(ln) in exp_joined for ln, w in zip(lines, words)]
    body = [i for i, w in enumerate(words) if in_exp[i] and len(w) >= 5]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)

    title = joined(meta.get("title") or "")
    title_set = set(toks(meta.get("title") or ""))

    def is_title(i: int) -> bool:
        j, w = joined(lines[i]), words[i]
        if len(title) <= 2 or not w:
            return False
        if title in j and len(w) <= len(title_set) + 8:
            return True
        if j in title and len(w) >= 3:
            return True
        return len(w) <= len(title_set) + 8 and sum(t in title_set for t in w) >= 0.8 * len(w)

    titles = [i for i in range(len(lines)) if is_title(i)]
    head_start = max((i for i in titles if i < first), default=None)
    kickers = {k for i in titles for k in range(max(0, i - 3), i)}
    exp_tri = _trigrams(toks(expected))

    def _sandwiched(i: int) -> bool:
        """The nearest non-blank lines above and below are the article's (a paragraph or caption the
        reference left out, not a box of furniture)."""
        up = next((k for k in range(i - 1, -1, -1) if words[k]), None)
        down = next((k for k in range(i + 1, len(lines)) if words[k]), None)
        return up is not None and down is not None and in_exp[up] and in_exp[down]

    seen: set[str] = set()
    for i, (line, w) in enumerate(zip(lines, words)):
        if _size(line, w) < MIN_LINE or in_exp[i]:
            continue
        reason = None
        if i in titles:
            reason = "title"
        elif i in kickers and len(w) <= 10:
            reason = "kicker"
        elif head_start is not None and head_start < i < first:
            reason = "header"
        elif _is_date(line, w):
            reason = "date"
        elif _is_byline(line, w):
            reason = "byline"
        elif first < i < last and len(w) >= 6 and (
                _is_credit(line) or any(_short_credit(lines[k], words[k]) for k in (i - 1, i + 1)
                                        if 0 <= k < len(lines))):
            reason = "caption"
        elif len(w) >= 5 and _share(_trigrams(w), exp_tri) >= 1 / 3:
            reason = "repeats"
        elif first < i < last and _LIST.match(line):
            reason = "list"
        elif first < i < last and len(w) >= 12 and _TERMINAL.search(line) and _sandwiched(i):
            reason = "inside"
        if reason:
            out.excluded.append((reason, line))
        elif joined(line) not in seen:
            seen.add(joined(line))
            out.must_not.append(line)
            out.where[line] = "above" if i < first else "inside" if i < last else "below"
    return out


def _short_credit(line: str, w: list[str]) -> bool:
    return 0 < len(w) <= 6 and _is_credit(line)


def _trigrams(w: list[str]) -> set[tuple[str, str, str]]:
    return {tuple(w[k:k + 3]) for k in range(len(w) - 2)}


def _share(tri: set, ref: set) -> float:
    return sum(t in ref for t in tri) / len(tri) if tri else 0.0


@dataclass(frozen=True)
class Verdict:
    ok: bool
    missing: tuple[str, ...]     # must-contain snippets not found
    present: tuple[str, ...]     # must-not-contain lines found


def check(text: str, snip: Snippets) -> Verdict:
    got = joined(text)
    missing = tuple(s for s in snip.must if joined(s) not in got)
    present = tuple(s for s in snip.must_not if joined(s) in got)
    return Verdict(not missing and not present, missing, present)


@cache
def derive_cached(case: Path) -> Snippets:
    return derive(case)


def accuracy(verdicts: dict[str, Verdict]) -> dict[str, tuple[int, int, float]]:
    """Per language (case id prefix) and 'all': (pages passed, pages, share)."""
    groups: dict[str, list[bool]] = {}
    for case, v in verdicts.items():
        groups.setdefault(case.split("-", 1)[0], []).append(v.ok)
        groups.setdefault("all", []).append(v.ok)
    return {k: (sum(v), len(v), sum(v) / len(v)) for k, v in groups.items()}


# --- the track: a few snippets per page, as a judge picks them ---------------------------------------------
#
# The measure above fails a page for any of its dump's lines; a snippet track (issue 11's held-out German,
# French and Italian pages) gives each page a few snippets picked by hand: sentences a brief must hold and
# a few lines of furniture it must not. `track` picks such snippets from the same derivation, by rules
# that read no briefgen model or lexicon (so the judge is not briefgen's own classifier):
#
# must contain (2 a page at most)
#     the first sentence of the article's first paragraph (the lead) and of its last paragraph
#     (paragraphs of MIN_PARAGRAPH tokens or more), each only when the dump holds it;
# must not contain (TRACK_NOT a page at most)
#     must-not lines (above: the ambiguous fields left out) that look like furniture: 3 to TRACK_SHORT
#     tokens without a sentence end, or any line with a copyright sign; the ones nearest the article
#     are picked (the two nearest above its first line, the two nearest below its last, and up to two
#     inside it), since a line far from the text is one no cleaner keeps.
#
# Scored per snippet (right: a must-contain snippet found, a must-not line absent) and per page (all of
# its snippets right).

TRACK_SHORT = 15      # tokens of a furniture-like line at most
TRACK_NOT = 6         # must-not lines a page at most
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”“’)\]]*\s*$")


@dataclass
class Track:
    case: str
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)


def _furniture_like(line: str) -> bool:
    n = _size(line, toks(line))
    return "©" in line or (MIN_LINE <= n <= TRACK_SHORT and not _SENTENCE_END.search(line))


def track(case: Path, snip: Snippets | None = None) -> Track:
    """The track snippets of one sample page folder (see above)."""
    snip = snip or derive_cached(case)
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    dump_joined = joined((case / "dump.txt").read_text(encoding="utf-8"))
    out = Track(case.name)
    paras = [p for p in _paragraphs(expected) if len(toks(p)) >= MIN_PARAGRAPH]
    for p in dict.fromkeys(paras[:1] + paras[-1:]):
        first = sentences(p)[0]
        if joined(first) in dump_joined:
            out.must.append(first)
    lines = [s for s in snip.must_not if _furniture_like(s)]
    above = [s for s in lines if snip.where[s] == "above"][-2:]
    below = [s for s in lines if snip.where[s] == "below"][:2]
    inside = [s for s in lines if snip.where[s] == "inside"][:2]
    out.must_not = (above + inside + below)[:TRACK_NOT]
    return out


@dataclass(frozen=True)
class TrackVerdict:
    right: int        # snippets right
    total: int
    missing: tuple[str, ...]
    present: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.right == self.total


def track_check(text: str, t: Track) -> TrackVerdict:
    got = joined(text)
    missing = tuple(s for s in t.must if joined(s) not in got)
    present = tuple(s for s in t.must_not if joined(s) in got)
    total = len(t.must) + len(t.must_not)
    return TrackVerdict(total - len(missing) - len(present), total, missing, present)


def track_accuracy(verdicts: dict[str, TrackVerdict]) -> dict[str, tuple[float, int, int]]:
    """Per language (case id prefix) and 'all': (share of snippets right, pages all right, pages)."""
    groups: dict[str, list[TrackVerdict]] = {}
    for case, v in verdicts.items():
        groups.setdefault(case.split("-", 1)[0], []).append(v)
        groups.setdefault("all", []).append(v)
    return {k: (sum(v.right for v in vs) / max(1, sum(v.total for v in vs)), sum(v.ok for v in vs), len(vs))
            for k, vs in groups.items()}
