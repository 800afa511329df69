"""Furniture inside or right below the article's text, dropped after either path has chosen the text.

A reader sees every such line, and one of them fails a page of the snippet measure
(briefgen/ingest/snippet_score.py). Each class is read from data/furniture.toml, in many languages:

- related: a paragraph opened by a label for another article ("Lesen Sie auch: …", "À lire aussi : …",
  "Leggi anche: …", "READ MORE: …", "Baca juga: …"), or the label alone ("LESEN SIE AUCH");
- credit: a short paragraph opened by a credit label ("Foto: Name/dpa", "Image Credits: X",
  "Bildrechte: MDR/Name", "© Name/AFP") or shaped as "Name Name/AGENCY";
- promo: a short paragraph that promotes the site's newsletter, app, subscription or donations and speaks
  to the reader ("Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen Newsletter
  richtig", "Support independent journalism: donate now") or opens with a command ("Sign up to our daily
  newsletter …", "Подписывайтесь на наш канал …"), or a short "… Newsletter" heading;
- counter: a gallery's counter, alone or opening a caption ("3/50", "Bild 3 von 12 …");
- share: a short line (8 words or fewer, no sentence end) two thirds made of interface words
  (data/ui_words.toml) and numbers: share buttons, a comment count ("Share on Facebook", "12 Kommentare");
- contributors, disclaimer, embed: "Reporting by …", "first appeared on …", "externer Inhalt" (see the
  data file);
- bio: the author's note as the last paragraph ("Jane Doe is a correspondent for …", "Korrespondent Max
  Muster ist bei … zuständig"): a name (after at most a role word), a verb within 3 words, a role word;
  a last paragraph about a journalist that opens with the name and "is a reporter" goes too (a limit);
- teaser tail: three or more headline-shaped paragraphs (15 words or fewer, no sentence end) at the very
  end of the text, after running text: a list of links to other articles.

Nothing is dropped when the article would be left with less than half its words.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from briefgen.ingest.patterns import TERMINAL, TOKEN

DATA = Path(__file__).parent / "data" / "furniture.toml"
CREDIT_WORDS = 8
PROMO_WORDS = 40
CTA_WORDS = 25
NOTE_WORDS = 60
TAIL_WORDS = 15
TAIL_MIN = 3

_LEAD_MARKS = re.compile(r"^[\s>»►▶•·*■□▪|+–—-]+")
_SEP = r"(?:\s*[:»|]|\s+[-–—]\s|\s*$)"
_INNER_WORD = re.compile(r"(?<![.!?:\"„“«»]\s)(?<!^)\b\w+")
_AGENCY_CREDIT = re.compile(r"^[^\s/]+(?: [^\s/]+){0,3} ?/ ?[A-Z][A-Za-z.]*[A-Z.](?:\s*/\s*\S+)?$")


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _opening(phrases: list[str]) -> re.Pattern:
    """'Reporting by X' (a phrase ending in by/par/de/di goes on with a name) or 'Mitarbeit: X'."""
    by = [p for p in phrases if p.rsplit(" ", 1)[-1] in ("by", "par", "de", "di")]
    label = [p for p in phrases if p not in by]
    return re.compile(rf"^(?:(?:{_alternation(by)})\s|(?:{_alternation(label)})\s*:)")


def _first_words(phrases: list[str]) -> frozenset[str]:
    """The longest word token of each phrase (the rarest, as a rule: "commission" of "we may earn a
    commission", not "we"): a paragraph holding none of them cannot hold a phrase, and a set lookup is far
    cheaper than a search with an alternation of many phrases."""
    return frozenset(max(TOKEN.findall(p), key=len) for p in phrases if TOKEN.findall(p))


@lru_cache(maxsize=1)
def _more() -> dict:
    d = _data()

    def anywhere(phrases: list[str]) -> tuple[frozenset[str], re.Pattern]:
        return _first_words(phrases), re.compile(rf"(?<!\w)(?:{_alternation(phrases)})(?!\w)")

    c = d["counter"]
    return {"counter": re.compile(rf"^(?:(?:{_alternation(c['before'])})\s*\d{{1,3}}\s*"
                                  rf"(?:{_alternation(c['between'])})|(?P<n>\d{{1,3}})\s*/)\s*(?P<m>\d{{1,3}})(?!\w)"),
            "cta": anywhere(d["cta"]["phrases"]), "statement_before": frozenset(d["cta"]["statement_before"]),
            "opening": _opening(d["contributors"]["opening"]),
            "closing": tuple(d["contributors"]["closing"]),
            "disclaimer": anywhere(d["disclaimer"]["phrases"]), "embed": anywhere(d["embed"]["phrases"]),
            "promo": anywhere(d["promo"]["phrases"]),
            "imperative": re.compile(rf"^(?:{_alternation(d['promo']['imperative'])})(?!\w)")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str], frozenset[str]]:
    d = _data()
    related = re.compile(rf"^(?:{_alternation(d['related']['phrases'])}){_SEP}")
    credit = re.compile(rf"^(?:©|\(c\)|(?:{_alternation(d['credit']['phrases'])})\s*[:©/]|copyright\b)")
    return related, credit, frozenset(d["reader"]["words"]), frozenset(d["reader_polite"]["words"])


def _words(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _holds(gate: tuple[frozenset[str], re.Pattern], words: set[str], low: str) -> bool:
    first, pattern = gate
    return not first.isdisjoint(words) and pattern.search(low) is not None


def _calls(more: dict, words: set[str], low: str) -> bool:
    """The paragraph holds a call to action's phrase (data [cta]) that does not follow a word of
    [cta] statement_before: a statement about someone who logs in is no call to the reader."""
    first, pattern = more["cta"]
    if first.isdisjoint(words):
        return False
    for m in pattern.finditer(low):
        before = TOKEN.findall(low[max(0, m.start() - 24):m.start()])
        if not before or before[-1] not in more["statement_before"] \
                or not low[:m.start()].rstrip().endswith(before[-1]):
            return True
    return False


def is_counter(text: str) -> bool:
    """A gallery's counter, alone or opening a caption ("3/50", "Bild 3 von 12 …"; not "3/4 der …")."""
    low = text.strip().lower()
    m = _more()["counter"].match(low) if low[:1].isdigit() or low[:1] in "bfpisgdzrф" else None
    return m is not None and (m["n"] is None or 5 <= int(m["m"]) >= int(m["n"]) > 0)


@lru_cache(maxsize=1)
def _promo_words() -> frozenset[str]:
    more = _more()
    return more["cta"][0] | more["promo"][0]


def may_promote(text: str, tokens: tuple[str, ...] | None = None) -> bool:
    """False when the text holds no word that opens kind's test for a call to action or a promotion (each
    phrase's longest word): then kind(text) is not "promo". A cheap first test for a caller that asks it of
    many lines (the headline ranker reads every line around its candidates). `tokens`: the text's lowercased
    tokens (TOKEN.findall(text.lower()), as the line model's cached `shape` has them) when the caller has them."""
    return not _promo_words().isdisjoint(TOKEN.findall(text.lower()) if tokens is None else tokens)


def may_credit(text: str) -> bool:
    """False when kind(text) cannot be "credit": a credit holds a label's ":", "/" or "©", an agency's "/",
    "(c)" or "copyright". A cheap first test for a caller that asks it of many lines."""
    if ":" in text or "/" in text or "©" in text:
        return True
    low = text.lower()
    return "(c)" in low or "copyright" in low


def kind(text: str) -> str | None:
    """The class of furniture a paragraph is ('related', 'credit', 'counter', 'share', 'promo',
    'contributors', 'disclaimer', 'embed'), else None."""
    related, credit, reader, polite = _patterns()
    low = text.strip().lower()
    marks = _LEAD_MARKS.match(low)   # (anchored: a sub would try every position of the paragraph)
    if marks:
        low = low[marks.end():]
    if not low:
        return None
    if related.match(low):
        return "related"
    if len(low.split(None, NOTE_WORDS)) > NOTE_WORDS:
        return None          # more than NOTE_WORDS words (a token count is never below the split's)
    words = TOKEN.findall(low)
    n = len(words)
    if n > NOTE_WORDS:
        return None
    if n <= CREDIT_WORDS and (credit.match(low) or _AGENCY_CREDIT.match(text.strip())):
        return "credit"
    more = _more()
    m = more["counter"].match(low) if low[:1].isdigit() or low[:1] in "bfpisgdzrф" else None
    if m and n <= PROMO_WORDS and (m["n"] is None or 5 <= int(m["m"]) >= int(m["n"]) > 0):
        return "counter"     # "3/50", not a fraction "3/4 der Befragten"
    if n <= CREDIT_WORDS and not TERMINAL.search(low) and _interface(words):
        return "share"
    seen = set(words)
    if n <= CTA_WORDS and _calls(more, seen, low) and not _first_person(seen, text):
        return "promo"
    if more["opening"].match(low) or low.rstrip(" .!)").endswith(more["closing"]):
        return "contributors"
    if _holds(more["disclaimer"], seen, low):
        return "disclaimer"
    if _holds(more["embed"], seen, low):
        return "embed"
    if n <= PROMO_WORDS and _holds(more["promo"], seen, low):
        inner = _INNER_WORD.findall(text)       # words not opening a sentence, as written
        if not reader.isdisjoint(seen) or not polite.isdisjoint(inner) or (n <= 6 and "newsletter" in seen) \
                or more["imperative"].match(low):
            return "promo"
    return None


_CAPITAL_I = re.compile(r"(?<!\w)I(?!\w)")


def _first_person(words: set[str], text: str) -> bool:
    """The paragraph speaks in the first person singular (data [author]): the author's own words."""
    return not frozenset(_data()["author"]["words"]).isdisjoint(words) or _CAPITAL_I.search(text) is not None


@lru_cache(maxsize=1)
def _ui_words() -> frozenset[str]:
    from briefgen.ingest.meta import ui_words  # (meta imports the line model: loaded when first used)

    return ui_words()


def _interface(words: list[str]) -> bool:
    """Two or more words and two thirds of them interface words (data/ui_words.toml) or numbers: a row of
    share buttons, a comment count ("Share on Facebook", "12 Kommentare", "Artikel teilen")."""
    ui = _ui_words()
    hits = sum(w in ui or w.isdigit() for w in words)
    return sum(w in ui for w in words) >= 2 and hits >= 2 / 3 * len(words) if words else False


def _headline_shaped(text: str) -> bool:
    return 0 < len(_words(text)) <= TAIL_WORDS and not TERMINAL.search(text.strip())


_ARTICLES = frozenset(("the", "a", "an", "this", "der", "die", "das", "ein", "eine", "le", "la", "les", "un",
                       "une", "il", "lo", "gli", "el", "los", "las", "o", "os", "as", "de", "en"))
_NAME = re.compile(r"^(?:\w+ ){0,2}?(?:[A-Z][\w'’.-]+ ){1,4}")


def is_bio(text: str, before: str = "") -> bool:
    """An author's note: a name (after at most two words: a role) and, within the next 3 words, a verb
    of data [bio]; a role word anywhere; 60 words or fewer. Not when the text `before` it (the article)
    names the same person: a note introduces its author, whom the piece itself does not name, while a
    last paragraph about a person the story is about ("Evan Gershkovich is a reporter who was held …")
    follows paragraphs that name them."""
    d = _data()["bio"]
    words = TOKEN.findall(text.lower())
    if not 5 <= len(words) <= NOTE_WORDS or set(d["roles"]).isdisjoint(words):
        return False
    m = _NAME.match(text.strip())
    if not m or not _ARTICLES.isdisjoint(m.group(0).lower().split()):
        return False
    after = TOKEN.findall(text.strip()[m.end():].lower())[:3]
    if set(d["verbs"]).isdisjoint(after):
        return False
    surname = m.group(0).split()[-1].strip(".'’-")
    return not (before and len(surname) > 1
                and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", before) is not None)


def clean_blocks(blocks: tuple) -> tuple:
    """The article's blocks without furniture paragraphs (list blocks are kept as they are)."""
    keep = [b for b in blocks if b.kind == "list" or kind(b.text) is None]
    while len(keep) > 2 and keep[-1].kind == "paragraph":
        # an author's note below the piece, with its heading ("About Jane Doe", which names her as the piece
        # does not: it is no part of the text is_bio reads before the note)
        start = len(keep) - 2 if keep[-2].kind == "heading" else len(keep) - 1
        if not is_bio(keep[-1].text, "\n".join(b.text for b in keep[:start])):
            break
        del keep[start:]
    # a list of other articles' headlines at the very end, after running text
    n = 0
    while n < len(keep) and keep[len(keep) - 1 - n].kind != "list" and _headline_shaped(keep[-1 - n].text):
        n += 1
    if n >= TAIL_MIN and any(b.kind != "list" and TERMINAL.search(b.text.strip()) for b in keep[:-n]):
        keep = keep[:-n]
    if len(keep) == len(blocks):
        return blocks
    total = sum(len(_words(b.text)) for b in blocks)
    if sum(len(_words(b.text)) for b in keep) < total / 2:
        return blocks
    return tuple(keep)


def clean(article):
    """The Article with furniture paragraphs dropped from its blocks (the same object when none is)."""
    blocks = clean_blocks(article.blocks)
    return article if blocks == article.blocks else replace(article, blocks=blocks)
