"""Text tools and data loading shared by the classifiers.

Matching is done on tokens, never on raw strings: each text is folded once (accents dropped, case kept),
cut into letter tokens, and phrases are looked up in a dict keyed by their first token. One dict lookup
per token keeps classification near a millisecond per article, whatever the size of the lexicons.
"""
from __future__ import annotations

import csv
import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

_SPECIAL = {"ß": "ss", "ẞ": "SS", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d",
            "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-",
            "\u00ad": ""}


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics -> their base letter, keeping case ("É" -> "E", "ü" -> "u")."""
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    table.update({ord(k): v for k, v in _SPECIAL.items()})
    return table


_FOLD = _fold_table()
TOKEN_RE = re.compile(r"[^\W\d_]+")
_ENDS_SENTENCE = frozenset(".!?:;«»\"“”„()[]\n")


def fold(text: str) -> str:
    """Accents dropped, case kept: "Élysée" -> "Elysee". Same length rules for every caller."""
    return text.translate(_FOLD)


def norm(text: str) -> str:
    """A phrase as the lookup key: folded, lowercased, one space between letter tokens."""
    return " ".join(TOKEN_RE.findall(fold(text).lower()))


@dataclass(frozen=True)
class Tokens:
    """A text cut into letter tokens once; everything else looks them up by index."""

    text: str                      # folded text
    low: tuple[str, ...]           # lowercased tokens
    raw: tuple[str, ...]           # tokens as written (folded)
    spans: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.low)

    def is_cap(self, i: int) -> bool:
        return self.raw[i][:1].isupper()

    def is_upper(self, i: int) -> bool:
        return self.raw[i].isupper()

    def hyphen_after(self, i: int) -> bool:
        end = self.spans[i][1]
        return self.text[end:end + 1] == "-"

    def char_after(self, i: int) -> str:
        """First character after token i that is not a space ("" at the end)."""
        rest = self.text[self.spans[i][1]:self.spans[i][1] + 8].lstrip(" ")
        return rest[:1]

    def starts_sentence(self, i: int) -> bool:
        """True when token i opens the text or follows sentence punctuation."""
        before = self.text[:self.spans[i][0]].rstrip(" \t'")
        return not before or before[-1] in _ENDS_SENTENCE

    def adjacent(self, i: int, j: int) -> bool:
        """Tokens i < j are separated by spaces only (same phrase, no punctuation between)."""
        return self.text[self.spans[i][1]:self.spans[j][0]].strip(" ") == ""


def tokenize(text: str) -> Tokens:
    folded = fold(text)
    raw, low, spans = [], [], []
    for m in TOKEN_RE.finditer(folded):
        word = m.group()
        raw.append(word)
        low.append(word.lower())
        spans.append(m.span())
    return Tokens(folded, tuple(low), tuple(raw), tuple(spans))


class PhraseIndex:
    """Phrases (tuples of lowercased tokens) -> payload, looked up longest first at each token."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}

    def add(self, phrase: tuple[str, ...], payload: Any) -> None:
        if phrase:
            self._by_first.setdefault(phrase[0], []).append((phrase, payload))

    def freeze(self) -> PhraseIndex:
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        return self

    def candidates(self, toks: Tokens, i: int):
        """Yield (length, payload) of phrases starting at token i, longest first."""
        entries = self._by_first.get(toks.low[i])
        if not entries:
            return
        low, n = toks.low, len(toks.low)
        for phrase, payload in entries:
            k = len(phrase)
            if i + k <= n and (k == 1 or low[i:i + k] == phrase):
                yield k, payload

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())


# ---- data files -------------------------------------------------------------------------------------

def _data(name: str):
    return resources.files("briefgen.classify").joinpath("data", *name.split("/"))


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    with _data(name).open("rb") as fh:
        return tomllib.load(fh)


def has_data(name: str) -> bool:
    return _data(name).is_file()


@lru_cache(maxsize=None)
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a `;`-separated data file, comment lines (#) and blank lines left out."""
    with _data(name).open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(tuple(cell.strip() for cell in row) for row in csv.reader(lines, delimiter=";"))


def split_forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def inflect(base: str, rules: list) -> list[str]:
    """Forms of one base word by the first rule whose ending matches ([ending, [replacements]])."""
    for ending, replacements in rules:
        if base.endswith(ending):
            stem = base[:len(base) - len(ending)] if ending else base
            return [stem + r for r in replacements]
    return [base]


def lang_of(code: str | None) -> str:
    """'fr_CH' -> 'fr'; empty -> 'en'."""
    return (code or "en").replace("-", "_").split("_")[0].lower() or "en"
