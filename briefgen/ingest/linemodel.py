"""A learned line classifier for page dumps: which lines are the article.

Every non-blank line of a dump gets general features that hold in any language and on any site: its
length (tokens; a character is a token in Chinese, Japanese and Thai), its shape (sentence end in any
script, first character, digits, capitals, link and separator marks), how much of it is made of the
page's own frequent words (function words are the most frequent words of any page's prose, so no
stop-word list is needed), repetition within the page, whether the copy set it apart as a paragraph
(blank lines around: browsers copy `<p>` with a blank line, menu items without), position, distance to
the longest prose run, and the same for its neighbours. The kinds that the lexicons of lang/*.toml give
(clean.py's handlers) are features too, never required: a page in a language without a lexicon simply
has them all off.

Two logistic stages: the second sees the first stage's log-odds of the neighbouring lines (a line amid
article lines is article). Decoding: the maximum-sum run of log-odds is the article region; inside it,
lines the model rejects (a teaser card, an ad label) are dropped and the text goes on.

Weights live in data/dump_model.json, fitted by scripts/fit_dump_model.py (leave-publisher-out figures in
README "Cleaning quality"). Inference is plain Python: a dot product per line.
"""
from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from contextlib import contextmanager
from functools import cache, lru_cache
from heapq import nlargest
from itertools import chain, islice, pairwise
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from briefgen.ingest import furniture
from briefgen.ingest.patterns import (
    TERMINAL,
    TOKEN,
    UNSPACED,
    WORD,
    cp1252_bytes,
    cp1252_text,
    ends_terminal,
    lexicon,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

MODEL_PATH = Path(__file__).parent / "data" / "dump_model.json"
FUNCTION_WORDS_PATH = Path(__file__).parent / "data" / "function_words.toml"

KINDS = ("noise", "credit", "caption", "meta", "agency", "boiler", "teaser", "end", "repeat")
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪◦*–-]|\d{1,2}[.)])\s+(?=\S)")
_INNER_END = re.compile(r"[.!?。！？।؟](?:\s+\S|[^\s.!?。！？।؟\d])")
_LINKISH = re.compile(r"https?://|www\.|\S@\S|#\w|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|›»/·•>]\s|\s[|]|[|]\s")
_UNSPACED = re.compile(f"[{UNSPACED}]")
_UNSPACED_RUN = re.compile(f"[{UNSPACED}]{{2,}}")
_KANA = re.compile("[\u3040-\u309f]")   # hiragana
_HANGUL = re.compile("[\uac00-\ud7a3]{2}")
_VIETNAMESE = re.compile("[ơưƠƯ\u1ea0-\u1ef9]")   # letters only Vietnamese writes (ạ ả ấ ầ ẩ ẫ ậ ắ … ỹ)
_NEEDS_UNITS = re.compile(f"[{UNSPACED}\uac00-\ud7a3ơưƠƯ\u1ea0-\u1ef9]")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
_OPENERS = "\"'«»“„‘‚「『(–—-"
TOP_WORDS = 40          # the page's most frequent tokens stand in for its function words
FILLER_TOKENS, FILLER_REPEATS = 6, 3   # a line this short seen this often is page furniture (not modelled)
FILLER_LOGIT = -8.0                    # the log-odds reported for such a line (the headline ranker reads them)
FLAGGED, FLAGGED_KEEP = frozenset(("noise", "credit", "caption", "meta", "agency", "boiler", "teaser", "end")), 0.5
FALLBACK_TOKENS, FALLBACK_OFFSET = 60, 0.9   # a shorter article run is looked for again, with a lower bar
TRAILING_SHARE = 0.2    # kept text after a rejected end marker ("8 Comments") that is this small a share is cut
BRIDGE_SLACK = 0.05   # of the rejected block's tokens, lines the bar would keep there that do not block the join
BRIDGE_GAIN = 60.0      # a run above the article region worth this much joins it across a rejected block
SUBHEAD_TOKENS, SUBHEAD_KEEP = 12, -1.0   # a short unsure line between two kept paragraphs: a subhead
PROSE_TOKENS = 6        # a line this long with a sentence end counts as prose for the prose run
TAIL_SURE, TAIL_DROP = 3.0, 1.5   # below the last sure line, kept lines after a dropped one are cut
END_TOKENS, END_KEEP = 4, 1.0     # a doubted short line without a sentence mark does not end the article
FAR_LINES, FAR_SHARE = 12, 0.2    # a small block below this many dropped lines in a row is not the article
FOREIGN_SHARE, FOREIGN_ABS, FOREIGN_STEMS = 0.2, 3, 8   # kept text above the article sharing fewer of its words
BELOW_FOREIGN = 3   # below it, the article this many times the text's content words
HEAD_LINES, HEAD_TOKENS, HEAD_STEMS = 4, 20, 2   # the article's headline: close above it, short, using its words
PULL_MIN, PULL_TOKENS, PULL_LINES = 5, 25, 6     # a pull quote: a short sentence the text near it repeats
LAST_KEEP, LAST_TOKENS, LAST_STEMS = -1.0, 8, 3   # a doubted last paragraph right below the article
LIVE_ENTRIES = 3    # lines under a stamp above the tail cut: a live blog's entries, the tail more of them
STAMP_CHARS = 80    # a dropped line this short (characters) with a digit: a comment's stamp, for the tail cut
FOOTER_SHARE = 0.1   # a footer block over the copyright line shares at most this of its words with the article
FOOTER_LINES = 4    # a dropped copyright line of the page's this far below the article starts its footer
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
BOX_TOKENS, BOX_SURE = 25, 2.0   # a teaser box's lines under its marker: short and doubted
BOX_LINKS = 2   # dropped headlines under a teaser marker: the box was a list of links, the kept lines below stay
TRUNCATED = ("...", "…")   # the end of a line cut off: a teaser's lede
GALLERY_KEEP, GALLERY_GAP = -3.0, 3   # the article's opening above a gallery: doubted lines, a few tools between
GALLERY_COUNTERS = 3   # slide counters ("4/50", "Photo 4 of 50") in the dropped lines below the article: a gallery
# An interview's question or answer label opening a line ("Q: …", "A. …", "F: …", "Frage: …", "R : …")
NUMBERED = re.compile(r"^\s*(\d{1,2})[.):]\s")   # an item's number opening its head ("2. Name"; clean reads it too)
_QA = re.compile(r"^(?:(?P<q>Q|F|D|P|В|Question|Frage|Domanda|Pregunta|Pergunta|Вопрос)"
                 r"|(?P<a>A|R|О|Answer|Antwort|Réponse|Risposta|Respuesta|Resposta|Ответ))\s?[:.]\s+\S")


def _byte_classes() -> bytes | None:
    """Per byte of a cp1252-encoded line, the class of its character for shape()'s counts: "U" upper, "l"
    lower, "d" digit (str.isupper/islower/isdigit), "w" another word character (a token's, `\\w`), " " the
    rest. None (no fast path) if a counted character were no word character, a character or its lower
    case one of the unspaced scripts' (cp1252 holds none: ASCII, the Latin-1 letters, typographic marks), or
    a lower case more than one character or of the other kind (word or not)."""
    out = bytearray(b" " * 256)
    for byte in range(256):
        try:
            ch = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue   # (never in an encoded line)
        word = bool(WORD.fullmatch(ch))
        cls = "U" if ch.isupper() else "l" if ch.islower() else "d" if ch.isdigit() else "w" if word else " "
        if (cls != " ") != word or _UNSPACED.search(ch + ch.lower()) or len(ch.lower()) != 1 \
                or bool(WORD.fullmatch(ch.lower())) != word:
            return None   # (the tokens are split from the line's bytes, then lowercased: see _WORD_BYTES)
        out[byte] = ord(cls)
    return bytes(out)


_BYTE_CLASS = _byte_classes()
# Per byte of a cp1252-encoded line: itself where its character is a word character (`\w`), else a space
_WORD_BYTES = bytes(byte if cls != 32 else 32 for byte, cls in enumerate(_BYTE_CLASS)) if _BYTE_CLASS else None
_SEPARATOR_CHAR = re.compile("[|›»/·•>]")   # a _SEPARATORS match holds one of these
# _LINKISH's alternatives one by one, each searched only when the line holds a character it needs; the
# dotted ones as one pattern opening with the dot (the engine skips ahead to dots: "www." is a dot after www)
_LINK_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_LINK_AT = re.compile(r"\S@\S")
_LINK_TAG = re.compile(r"#\w")
_LINK_DOT = re.compile(r"\.(?:(?:com|org|net|html?)\b|(?<=www\.))", re.IGNORECASE)


def linkish(text: str) -> bool:
    """bool(_LINKISH.search(text)), faster."""
    return ("." in text and _LINK_DOT.search(text) is not None) or ("://" in text and _LINK_SCHEME.search(text)
            is not None) or ("@" in text and _LINK_AT.search(text) is not None) or \
        ("#" in text and _LINK_TAG.search(text) is not None)


@lru_cache(maxsize=1 << 16)
def shape(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """(lowercased tokens, features of the line alone). Pure, so cached across pages of one site.

    The same values as shape_plain, faster on a line's first sight. A line that cp1252 can encode (ASCII,
    the Latin-1 letters, typographic marks: most lines of most European pages) has its character counts
    from one translation of its bytes to their classes (_byte_classes; a token opens with a capital where a
    capital follows a non-word character) and its tokens by `\\w+` (the same as TOKEN without unspaced
    scripts). A pattern is searched only when the line holds a character every match of it needs (a
    separator; ":" "." "@" "#" for a link; "©", "(" or the letters "opyr" for a copyright: no character
    folds to o, p, y or r but its own capital)."""
    low = text.lower()
    chars = len(text)
    try:
        encoded = cp1252_bytes(text) if _BYTE_CLASS else None
    except UnicodeEncodeError:
        encoded = None
    if encoded is not None:
        cls = encoded.translate(_BYTE_CLASS)
        # `\w+` of the lowercased line: its other characters made spaces, then split (lowercasing maps no
        # cp1252 character to several nor a word character to another kind)
        toks = tuple(cp1252_text(encoded.translate(_WORD_BYTES)).lower().split())
        upper, lower, digits = cls.count(b"U"), cls.count(b"l"), cls.count(b"d")
        capitalised = cls.count(b" U") + cls.startswith(b"U")
        unspaced = 0
        in_tokens = chars - cls.count(b" ")   # (the tokens' characters: the line's word characters)
        # cp1252 holds none of the CJK and Arabic commas nor the CJK and Devanagari sentence ends
        commas = text.count(",")
        inner = "." in text or "!" in text or "?" in text   # (_INNER_END opens with one)
    else:
        toks = tuple(TOKEN.findall(low))
        # the counts from one translation of the line's characters to their classes (_CharClasses): a
        # token of TOKEN opens with a capital where a capital of a run follows no character of a run
        cls = text.translate(_CHAR_CLASS)
        upper = cls.count("U") + cls.count("V") + cls.count("u")
        lower = cls.count("l") + cls.count("v") + cls.count("m")
        digits = cls.count("d") + cls.count("D") + cls.count("e")
        unspaced = cls.count("V") + cls.count("v") + cls.count("D") + cls.count("c")
        capitalised = cls.startswith("U") + cls.count("V") + sum(map(cls.count, _CAPITAL_OPENS))
        in_tokens = sum(map(len, toks))
        commas = text.count(",") + text.count("、") + text.count("，") + text.count("،")
        inner = True
    n = len(toks)
    first = text[:1]
    separators = len(_SEPARATORS.findall(text)) if _SEPARATOR_CHAR.search(text) is not None else 0
    copyright_ = ("©" in text or "(" in text or "opyr" in low) and _COPYRIGHT.search(text) is not None
    # (a test's 1.0 or 0.0 by a conditional expression: float(test) is a call, a dozen of them a line)
    feats = (
        math.log1p(n), math.log1p(chars),
        1.0 if n >= 8 else 0.0, 1.0 if n >= 20 else 0.0, 1.0 if n >= 40 else 0.0,
        1.0 if ends_terminal(text) else 0.0, 1.0 if text.endswith(":") else 0.0,
        1.0 if text.endswith((",", ";", "-", "–")) else 0.0,
        min(len(_INNER_END.findall(text)), 4) / 4 if inner else 0.0,
        1.0 if first.isupper() else 0.0, 1.0 if first.islower() else 0.0, 1.0 if first.isdigit() else 0.0,
        1.0 if first in _OPENERS else 0.0,
        digits / chars if chars else 0.0,
        upper / (upper + lower) if upper + lower else 0.0,
        1.0 if linkish(text) else 0.0,
        # separators between short items ("Home | News › Sport"); one " / " in a paragraph is no menu
        min(3 * separators / n, 1.0) if n else 0.0,
        1.0 if _LIST_ITEM.match(text) else 0.0, 1.0 if copyright_ else 0.0,
        stop_hits(toks) / n if n else 0.0,
        unspaced / chars if chars else 0.0,
        min(in_tokens / n, 12) / 12 if n else 0.0,
        1.0 if text.endswith("?") else 0.0,
        capitalised / n if n else 0.0,
        min(commas / n, 0.5) if n else 0.0,
    )
    return toks, feats


class _CharClasses(dict):
    """Code point -> its character's class for shape() (a str.translate table for the lines cp1252 cannot
    encode), found on a character's first sight: a character of a run of TOKEN (`\\w`, not of the unspaced
    scripts) "U" upper, "l" lower, "d" digit, "w" other; of the unspaced scripts (a token each) "V", "v",
    "D", "c"; any other "u", "m", "e", " " (str.isupper, islower, isdigit; no character is two of them).
    Counting classes replaces three passes of str methods and a second tokenisation (21 -> 16-18 µs a line
    of Cyrillic or Greek; tests/unit/ingest/test_fast_paths.py: shape against shape_plain)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kind = 0 if ch.isupper() else 1 if ch.islower() else 2 if ch.isdigit() else 3
        group = "VvDc" if _UNSPACED.fullmatch(ch) else "Uldw" if WORD.fullmatch(ch) else "ume "
        self[code] = group[kind]
        return group[kind]


_CHAR_CLASS = _CharClasses()
_CAPITAL_OPENS = tuple(f"{c}U" for c in "VvDcume ")   # a run's capital after a class that ends a run


def shape_plain(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """shape() as first written, one regex or character count per feature: the reference the fast form is
    tested against (tests/unit/ingest/test_fast_paths.py). A change of features goes into both."""
    toks = tuple(TOKEN.findall(text.lower()))
    n, chars = len(toks), len(text)
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    capitalised = sum(1 for t in TOKEN.findall(text) if t[0].isupper())   # "World Business Travel Culture"
    first = text[:1]
    stop = _lexicon_stopwords()
    others = _function_words()
    unspaced = len(_UNSPACED.findall(text))
    feats = (
        math.log1p(n), math.log1p(chars), float(n >= 8), float(n >= 20), float(n >= 40),
        float(bool(TERMINAL.search(text))), float(text.endswith(":")), float(text.endswith((",", ";", "-", "–"))),
        min(len(_INNER_END.findall(text)), 4) / 4,
        float(first.isupper()), float(first.islower()), float(first.isdigit()), float(first in _OPENERS),
        sum(map(str.isdigit, text)) / chars if chars else 0.0,
        upper / (upper + lower) if upper + lower else 0.0,
        float(bool(_LINKISH.search(text))),
        # separators between short items ("Home | News › Sport"); one " / " in a paragraph is no menu
        min(3 * len(_SEPARATORS.findall(text)) / n, 1.0) if n else 0.0,
        float(bool(_LIST_ITEM.match(text))), float(bool(_COPYRIGHT.search(text))),
        max([sum(t in stop for t in toks)] + [sum(t in words for t in toks) for words in others.values()]) / n
        if n else 0.0,
        unspaced / chars if chars else 0.0,
        min(sum(map(len, toks)) / n, 12) / 12 if n else 0.0,
        float(text.endswith("?")),
        capitalised / n if n else 0.0,
        min((text.count(",") + text.count("、") + text.count("，") + text.count("،")) / n, 0.5) if n else 0.0,
    )
    return toks, feats


LOCAL = ("log_tokens", "log_chars", "tokens_8", "tokens_20", "tokens_40", "terminal", "ends_colon", "ends_comma",
         "inner_ends", "first_upper", "first_lower", "first_digit", "first_opener", "digit_ratio", "upper_ratio",
         "linkish", "separators", "list_item", "copyright", "lexicon_stop_ratio", "unspaced_ratio", "token_len",
         "question", "capitalised_ratio", "comma_ratio")


STOP_RATIO = LOCAL.index("lexicon_stop_ratio")   # (clean.classify_line reads it as is_prose's share)
UNSPACED_RATIO = LOCAL.index("unspaced_ratio")   # (above 0 exactly where has_unspaced: clean.classify_line)


def has_unspaced(text: str) -> bool:
    """The line holds a character of the scripts written without spaces (a token each)."""
    return _UNSPACED.search(text) is not None


def most_common_set(counts: Counter, n: int) -> set:
    """{t for t, _ in counts.most_common(n)}, faster. most_common(n) is sorted(items, by count,
    reverse=True)[:n], which keeps the counter's order among equal counts: so the set is every token counted
    more than the n-th largest count c, and the first tokens (in the counter's order) counted exactly c
    until there are n. c comes from nlargest over the bare counts (no key function, no tuples) and the
    tokens from one pass over the few counted c or more: about a fifth of sorting the items on a page of
    ~4,000 distinct tokens (tests/unit/ingest/test_fast_paths.py: the same set as most_common)."""
    if n <= 0:
        return set()
    if len(counts) <= n:
        return set(counts)
    c = nlargest(n, counts.values())[-1]
    top = [t for t, k in counts.items() if k >= c]
    if len(top) == n:
        return set(top)
    above = {t for t in top if counts[t] > c}
    above.update(islice((t for t in top if counts[t] == c), n - len(above)))
    return above


@cache
def _lexicon_stopwords() -> frozenset[str]:
    return frozenset().union(*lexicon().stopwords.values())


@cache
def _function_words() -> dict[str, frozenset[str]]:
    """data/function_words.toml: the function words of ~30 languages that have no lexicon, by language."""
    import tomllib

    data = tomllib.loads(FUNCTION_WORDS_PATH.read_text(encoding="utf-8"))
    return {code: frozenset(d["words"]) for code, d in data.items()}


@cache
def _function_index() -> dict[str, tuple[int, ...]]:
    """Each function word of data/function_words.toml: the languages (by index) that list it."""
    index: dict[str, list[int]] = {}
    for n, words in enumerate(_function_words().values()):
        for w in words:
            index.setdefault(w, []).append(n)
    return {w: tuple(langs) for w, langs in index.items()}


def stop_hits(toks: Sequence[str]) -> int:
    """How many of the tokens are function words of one language: the lexicons' stop words (their union,
    as the model was first fitted) or, when more, those of one language of data/function_words.toml. A
    paragraph of Russian, Indonesian or Portuguese has as many as one of English (before, none: every such
    paragraph read as a menu line); a line of one of the lexicons' languages counts as before unless another
    language's list holds more of its words (a menu's "no", "van"). The line model's stop-word share and
    clean.is_prose count these."""
    stop, index = _lexicon_stopwords(), _function_index()
    best = sum(map(stop.__contains__, toks))
    # one language's list can beat the lexicons only where more of the words are listed at all: counted
    # first (no list of languages is built for the nine lines in ten where they are not)
    if sum(map(index.__contains__, toks)) > best:
        counts = Counter(chain.from_iterable(filter(None, map(index.get, toks))))
        best = max(best, max(counts.values()))
    return best


def _kadane(scores: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run."""
    best, span, run, at = 0.0, (0, 0), 0.0, 0
    for k, s in enumerate(scores):
        if run <= 0:
            run, at = s, k
        else:
            run += s
        if run > best:
            best, span = run, (at, k + 1)
    return span


def _region_features(scores: Sequence[float], m: int) -> list[tuple[float, float, float]]:
    """Per line: inside the maximum-sum run, log distance above it, log distance below it."""
    a, b = _kadane(scores)
    out = []
    for k in range(m):
        if a <= k < b:
            out.append((1.0, 0.0, 0.0))
        elif k < a:
            out.append((0.0, math.log1p(a - k) / 4, 0.0))
        else:
            out.append((0.0, 0.0, math.log1p(k - b + 1) / 4))
    return out


CONTEXT = ("log_tokens", "terminal", "sentence", "headline", "blank_before", "doc_top_ratio", "credit", "marker",
           "other_kind")
PAGE = ("doc_top_ratio", "log_repeats", "blank_before", "blank_after", "position", "token_position",
        "prose_inside", "prose_above", "prose_below", "near_prose_3", "near_prose_8", "after_end_marker",
        "sentence", "headline", "rule_dropped", "rule_kept") + tuple(f"kind_{k}" for k in KINDS)


_NO_KIND = (0.0,) * len(KINDS)
_ONE_HOT = {kind: tuple(float(kind == other) for other in KINDS) for kind in KINDS}


def feature_names() -> list[str]:
    names = list(LOCAL) + list(PAGE)
    for off in (-2, -1, 1, 2):
        names += [f"{c}@{off:+d}" for c in CONTEXT]
    return names


def page_features(lines: Sequence[Any]) -> tuple[list[int], list[list[float]]]:
    """(indices of the non-blank lines, one feature vector per non-blank line). `lines` are clean.Line
    records (text, key, kind, sentence), blank lines included (they tell paragraphs apart)."""
    idx, rest = page_rest(lines)
    return idx, [list(shape(lines[i].text)[1] + r) for i, r in zip(idx, rest)]


def page_rest(lines: Sequence[Any]) -> tuple[list[int], list[tuple[float, ...]]]:
    """page_features without each line's own shape (the first len(LOCAL) features, cached by text)."""
    idx, page, ctx = _page_parts(lines)
    return idx, [tuple(row) for row in _rows(page, ctx).tolist()]


def _rows(page: np.ndarray, ctx: np.ndarray) -> np.ndarray:
    """Each line's PAGE features and the CONTEXT features of the lines 2 and 1 above and 1 and 2 below."""
    m = len(page)
    padded = np.zeros((m + 4, len(CONTEXT)))
    padded[2:m + 2] = ctx
    return np.hstack([page, padded[:m], padded[1:m + 1], padded[3:m + 3], padded[4:]])


_KIND_INDEX = {kind: n for n, kind in enumerate(KINDS)}
_CREDITS = [_KIND_INDEX[k] for k in ("credit", "caption")]       # one-hot columns summed: 0.0 or 1.0
_MARKERS = [_KIND_INDEX[k] for k in ("teaser", "end")]
_OTHER_KINDS = [_KIND_INDEX[k] for k in ("noise", "meta", "agency", "boiler", "repeat")]
_KIND_COLUMNS = np.arange(len(KINDS))


def _page_parts(lines: Sequence[Any]) -> tuple[list[int], np.ndarray, np.ndarray]:
    """(indices of the non-blank lines, their PAGE features, their CONTEXT features) as (m, len(PAGE)) and
    (m, len(CONTEXT)) arrays: page_rest's rows before the neighbours' CONTEXT features are laid side by
    side. Column by column with numpy; each value is computed by the same float operations as one line at
    a time would (logarithms by `math`, divisions of the same two numbers), so the features are the same
    to the last bit."""
    sel = [ln for ln in lines if ln.kind != "blank"]
    keys = Counter([ln.key for ln in sel])
    shapes = [shape(ln.text) for ln in sel]
    # a short line seen three times or more (a widget label between every paragraph, "Article content";
    # a menu shown in header and footer) is never article text on the sample pages: the model reads the
    # page as if it were a blank line, so it neither breaks the article's run nor colours its neighbours
    fill = [len(s[0]) <= FILLER_TOKENS and keys[ln.key] >= FILLER_REPEATS for ln, s in zip(sel, shapes)]
    if True in fill:
        sel = [ln for ln, f in zip(sel, fill) if not f]
        shapes = [s for s, f in zip(shapes, fill) if not f]
    idx = [ln.i for ln in sel]
    m = len(idx)
    if not m:
        return idx, np.zeros((0, len(PAGE))), np.zeros((0, len(CONTEXT)))
    toks = [s[0] for s in shapes]
    # the page's own function words: most frequent tokens of its longer lines
    freq = Counter(chain.from_iterable([t for t in toks if len(t) >= PROSE_TOKENS]))   # (the same order)
    top = most_common_set(freq, TOP_WORDS)
    logs = {c: math.log(c) for c in set(keys.values())}
    counts = [len(t) for t in toks]
    ntoks = np.array(counts)
    total = sum(counts) or 1
    log_tokens, terminal = np.array([s[1][0] for s in shapes]), np.array([s[1][5] for s in shapes])
    prose = ((ntoks >= 25) | ((ntoks >= PROSE_TOKENS) & (terminal > 0))).astype(float)
    region = _region_array(np.where(prose > 0, ntoks, -2.0).tolist(), m)
    near = np.concatenate(([0.0], np.cumsum(prose)))   # prefix sums of prose: prose lines within 3 and 8
    k = np.arange(m)
    near3 = (near[np.minimum(m, k + 4)] - near[np.maximum(0, k - 3)]) / 7
    near8 = (near[np.minimum(m, k + 9)] - near[np.maximum(0, k - 8)]) / 17
    in_top = top.__contains__
    hits = np.array([sum(map(in_top, t)) for t in toks])
    top_ratio = np.where(ntoks > 0, hits / np.maximum(ntoks, 1), 0.0)
    at = np.array(idx)
    blank = np.array([ln.kind == "blank" for ln in lines])
    last = len(lines) - 1
    blank_before = ((at == 0) | blank[np.maximum(at - 1, 0)]).astype(float)
    blank_after = ((at >= last) | blank[np.minimum(at + 1, last)]).astype(float)
    # each line's kind, sentence flag and rule vote in one pass: (text?, sentence?, rule, kind index)
    kind_index = _KIND_INDEX.get
    info = np.array([(ln.kind == "text", bool(ln.sentence), ln.rule, kind_index(ln.kind, -1)) for ln in sel])
    text, said, rule, kind_at = info[:, 0] == 1, info[:, 1] == 1, info[:, 2], info[:, 3]
    sentence, headline = (text & said).astype(float), (text & ~said).astype(float)
    one_hot = (kind_at[:, None] == _KIND_COLUMNS).astype(float)
    # an end marker, or a teaser marker below the prose run ("comments", "most read"): the lines after it
    ends = (kind_at == _KIND_INDEX["end"]) | ((kind_at == _KIND_INDEX["teaser"]) & (region[:, 0] == 0.0)
                                              & (region[:, 2] > 0))
    seen_end = np.concatenate(([False], np.logical_or.accumulate(ends)[:-1])).astype(float)
    cum = np.concatenate(([0], np.cumsum(ntoks)[:-1]))
    page = np.column_stack([top_ratio, [logs[keys[ln.key]] for ln in sel], blank_before, blank_after, k / m,
                            cum / total, region, near3, near8, seen_end, sentence, headline,
                            (rule == 1).astype(float), (rule == 2).astype(float), one_hot])
    ctx = np.column_stack([log_tokens, terminal, sentence, headline, blank_before, top_ratio,
                           one_hot[:, _CREDITS].sum(axis=1), one_hot[:, _MARKERS].sum(axis=1),
                           one_hot[:, _OTHER_KINDS].sum(axis=1)])
    return idx, page, ctx


_LOG_DISTANCES = np.zeros(0)


def _log_distances(n: int) -> np.ndarray:
    """math.log1p(d) / 4 for d in range(n) or more (grown as pages need)."""
    global _LOG_DISTANCES
    if len(_LOG_DISTANCES) < n:
        _LOG_DISTANCES = np.array([math.log1p(d) / 4 for d in range(max(n, 2 * len(_LOG_DISTANCES), 256))])
    return _LOG_DISTANCES


def _region_array(scores: Sequence[float], m: int) -> np.ndarray:
    """_region_features as an (m, 3) array (the same values: the logarithms by math.log1p)."""
    a, b = _kadane(scores)
    k = np.arange(m)
    dist = _log_distances(max(a, m - b) + 1)
    return np.column_stack([((a <= k) & (k < b)).astype(float), np.where(k < a, dist[np.maximum(a - k, 0)], 0.0),
                            np.where(k >= b, dist[np.clip(k - b + 1, 0, len(dist) - 1)], 0.0)])


def stack_features(logits: Sequence[float]) -> list[list[float]]:
    """Second-stage features from the first stage's log-odds: the line's own, its neighbours' (means
    over 1, 3 and 8 lines each side) and where it stands to the maximum-sum run of log-odds."""
    m = len(logits)
    clip = [max(-8.0, min(8.0, x)) for x in logits]
    region = _region_features(clip, m)
    pre = [0.0]
    for x in clip:
        pre.append(pre[-1] + x)
    out = []
    for k in range(m):
        row = [clip[k] / 8]
        for w in (1, 3, 8):
            lo, hi = max(0, k - w), min(m, k + 1 + w)
            row.append((pre[k] - pre[lo]) / (k - lo) / 8 if k > lo else 0.0)
            row.append((pre[hi] - pre[k + 1]) / (hi - k - 1) / 8 if hi > k + 1 else 0.0)
        row.extend(region[k])
        out.append(row)
    return out


def _stack_array(logits: np.ndarray) -> np.ndarray:
    """stack_features over an array of log-odds, as an (m, len(STACK)) array (the same values)."""
    m = len(logits)
    clip = np.clip(logits, -8.0, 8.0)
    pre = np.concatenate(([0.0], np.cumsum(clip)))
    k = np.arange(m)
    cols = [clip / 8]
    for w in (1, 3, 8):
        lo, hi = np.maximum(0, k - w), np.minimum(m, k + 1 + w)
        above, below = k - lo, hi - k - 1
        cols.append(np.where(above > 0, (pre[k] - pre[lo]) / np.maximum(above, 1) / 8, 0.0))
        cols.append(np.where(below > 0, (pre[hi] - pre[k + 1]) / np.maximum(below, 1) / 8, 0.0))
    return np.hstack([np.column_stack(cols), _region_array(clip.tolist(), m)])


STACK = ("logit", "above_1", "below_1", "above_3", "below_3", "above_8", "below_8",
         "region_inside", "region_above", "region_below")




def running_dots(rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """[[sum(map(mul, w, row)) for w in weights] for row in rows] as an array, the same floats to the bit
    where sum adds floats one after the other (Python 3.11: SUM_IN_ORDER): the products added from the
    first on (np.cumsum runs along the row; np.dot and np.sum add in pairs), and `+ 0.0` for sum's start at
    0: a sum of zeros is 0.0, never -0.0."""
    return np.cumsum(rows[:, None, :] * weights, axis=2)[:, :, -1] + 0.0


# Python 3.12's sum() adds floats with a compensation (Neumaier's): there the dot products stay sum()'s
SUM_IN_ORDER = sys.version_info < (3, 12)


class Model:
    """Two logistic stages and the decoding thresholds, as fitted by scripts/fit_dump_model.py."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.w1, self.b1 = data["stage1"]["weights"], data["stage1"]["bias"]
        self.w2, self.b2 = data["stage2"]["weights"], data["stage2"]["bias"]
        self.keep = data["decode"]["keep"]          # log-odds a line inside the region needs to stay
        self.offset = data["decode"]["offset"]      # added to 2p - 1 before the maximum-sum run
        self.title = data.get("title")              # headline ranker: {"weights", "bias"} (meta.py)
        n, own = len(self.w1), len(LOCAL)
        self.w1l, self.w1r = self.w1[:own], self.w1[own:]
        self.w2l, self.w2r, self.w2b = self.w2[:own], self.w2[own:n], self.w2[n:]
        self._w1r, self._w2r, self._w2b = np.array(self.w1r), np.array(self.w2r), np.array(self.w2b)
        self._wl = np.array([self.w1l, self.w2l])   # (see _locals)
        self._cache: dict[str, tuple[float, float]] = {}

    def _local(self, text: str) -> tuple[float, float]:
        """The two stages' dot products with a line's own shape, cached by text (menus repeat)."""
        got = self._cache.get(text)
        if got is None:
            local = shape(text)[1]
            got = sum(map(mul, self.w1l, local)), sum(map(mul, self.w2l, local))
            if len(self._cache) > 1 << 16:
                self._cache.clear()
            self._cache[text] = got
        return got

    def _locals(self, texts: list[str]) -> np.ndarray:
        """[self._local(t) for t in texts] as an (n, 2) array, the lines not cached yet in one numpy pass:
        each product as Python multiplies it, added one after the other as sum(map(mul, ...)) adds them
        (a running sum, np.cumsum along the row: no pairwise summation; sum starts from 0, so a sum of zeros
        is 0.0, never -0.0: `+ 0.0`), the same values to the bit (tests/unit/ingest/test_fast_paths.py):
        ~0.27 -> ~0.20 ms a page (the 309 distinct dumps, their text caches emptied)."""
        cache = self._cache
        new = [t for t in dict.fromkeys(texts) if t not in cache]
        if new:
            if len(cache) + len(new) > 1 << 16:
                cache.clear()
            if SUM_IN_ORDER:
                n = self._wl.shape[1]
                rows = np.fromiter(chain.from_iterable(shape(t)[1] for t in new), float, len(new) * n)
                cache.update(zip(new, map(tuple, running_dots(rows.reshape(len(new), n), self._wl).tolist())))
            else:
                for t in new:
                    self._local(t)
        got = np.fromiter(chain.from_iterable(map(cache.__getitem__, texts)), float, 2 * len(texts))
        return got.reshape(-1, 2)

    def page_logits(self, lines: Sequence[Any]) -> tuple[list[int], list[float]]:
        """(indices of the non-blank lines, their log-odds): logits(page_features(lines)), faster: the
        rows are laid out as arrays and the dot products and stacking features computed by numpy (the
        same features and weights; only the order of the additions inside a dot product differs)."""
        idx, _, second = self._stages(lines)
        return idx, second

    def _stages(self, lines: Sequence[Any]) -> tuple[list[int], list[float], list[float]]:
        """(indices of the non-blank lines, first-stage log-odds, second-stage log-odds)."""
        idx, page, ctx = _page_parts(lines)
        if not idx:
            return idx, [], []
        locs = self._locals([lines[i].text for i in idx])
        rows = _rows(page, ctx)
        first = self.b1 + locs[:, 0] + rows @ self._w1r
        second = self.b2 + locs[:, 1] + rows @ self._w2r + _stack_array(first) @ self._w2b
        return idx, first.tolist(), second.tolist()

    def logits(self, feats: Sequence[Sequence[float]]) -> list[float]:
        w1, b1, b2 = self.w1, self.b1, self.b2
        w2a, w2b = self.w2[:len(w1)], self.w2[len(w1):]
        first = [b1 + sum(map(mul, w1, row)) for row in feats]
        return [b2 + sum(map(mul, w2a, row)) + sum(map(mul, w2b, st))
                for row, st in zip(feats, stack_features(first))]

    def article_lines(self, lines: Sequence[Any]) -> list[int]:
        """Indices (into `lines`) of the lines taken as article text, in order."""
        return self.decode(lines)[0]

    def decode(self, lines: Sequence[Any]) -> tuple[list[int], dict[int, float]]:
        """(indices of the article lines, log-odds of every non-blank line by index)."""
        idx, first, scores = self._stages(lines)
        logits = dict.fromkeys((ln.i for ln in lines if ln.kind != "blank"), FILLER_LOGIT)   # (furniture)
        if not idx:
            return [], logits
        logits.update(zip(idx, scores))
        # a line adds its tokens times (p - (1 - p)): the expected right tokens minus the expected wrong
        # ones, so the run with the highest sum is the best article region in expectation; a short
        # widget line amid paragraphs costs little, a menu of many lines costs a lot
        probs = [1 / (1 + math.exp(-max(-30.0, min(30.0, s)))) for s in scores]
        sizes = [max(1, len(shape(lines[i].text)[0])) for i in idx]
        # a line a lexicon marks as furniture (a widget, a teaser marker, a credit) stays only when the
        # model leans clearly to article text, not when it is merely unsure
        flagged = [lines[i].kind in FLAGGED for i in idx]
        offset, keep = self.offset, self.keep
        ends = [lines[i].kind == "end" for i in idx]
        texts = [lines[i].text for i in idx]
        # a line the page repeats FILLER_REPEATS times or more, whatever its length, is one box shown again
        # and again (an embed's placeholder under every item of a list, "This advertisement has not loaded
        # yet …" between paragraphs): where the model drops it below the article's start, it costs the
        # region nothing, as a short repeated line (a filler) does, so the article goes on past it; only a
        # box that stands once cuts the run. (Above the start it still costs: the run is not stretched up
        # over a video player's repeated notices to a headline line, which the title would then miss.)
        keys = Counter(lines[i].key for i in idx)
        again = [keys[lines[i].key] >= FILLER_REPEATS for i in idx]
        while True:
            gains = [(2 * p - 1 + offset) * n for p, n in zip(probs, sizes)]
            a, b = _kadane(gains)
            if True in again:
                gains = [0.0 if r and p < 0.5 and k >= a else g
                         for k, (g, p, r) in enumerate(zip(gains, probs, again))]
                a, b = _kadane(gains)
            bars = [FLAGGED_KEEP if f else keep for f in flagged]
            # the article's opening cut off by a block the model rejects line by line (a photo gallery, a
            # video player, a box of teaser cards between the lead and the rest): the second stage reads a
            # paragraph with only rejected lines below it as a teaser, so the run above is measured by the
            # first stage's odds (the line and its page, not its neighbours' odds). It joins the region
            # when it is worth BRIDGE_GAIN tokens and every line between would be dropped anyway, no end
            # marker among them ("Most read" closes an article, "Related" boxes sit inside them); its
            # lines then stay by the better of their two odds
            have = scores
            firsts = [(2 / (1 + math.exp(-max(-30.0, min(30.0, x)))) - 1 + offset) * n for x, n in zip(first[:a], sizes)]
            a2, b2 = _kadane(firsts)
            # (a doubted line inside the block, kept by the bar by a hair, does not block the join when such
            # lines hold at most BRIDGE_SLACK of the block's tokens: "Enjoy additional articles per month."
            # at -0.49 amid a paywall's notices; it stays out)
            over = [k for k in range(b2, a) if scores[k] >= bars[k]]
            if b2 > a2 and sum(firsts[a2:b2]) >= BRIDGE_GAIN and not any(ends[b2:a]) and \
                    sum(sizes[k] for k in over) <= BRIDGE_SLACK * sum(sizes[b2:a]):
                have = scores[:a2] + [max(s, f) for s, f in zip(scores[a2:b2], first[a2:b2])] + scores[b2:]
                for k in over:
                    have[k] = bars[k] - 1.0
                a = a2
            kept = _cut_trailing([k for k in range(a, b) if have[k] >= bars[k]], sizes, ends)
            kept = _keep_subheads(kept, have, sizes, flagged, texts)
            kept = _cut_unsure_tail(kept, have, texts)
            kept = _cut_short_end(kept, have, sizes, texts)
            kept = _cut_far_tail(kept, sizes)
            if sum(sizes[k] for k in kept) >= FALLBACK_TOKENS or offset >= FALLBACK_OFFSET:
                # (after the check: a short item below a long cookie notice is no reason to lower the bar)
                kept = _cut_above_headline(_cut_consent(_cut_foreign(kept, texts), texts), sizes, texts)
                kept = _keep_last(kept, have, sizes, texts, [lines[i].kind in ("caption", "credit") for i in idx])
                kept = _cut_truncated(_cut_below_copyright(kept, sizes, texts), sizes, texts)
                # (a sign-up or subscription prompt marks a box that asks for the reader's address, not a list
                # of other stories: the lines under its button are the article's again)
                kept = _cut_marked_box(kept, have, sizes, [lines[i].kind == "teaser" and not lexicon().has_prompt(
                    lines[i].text) for i in idx], texts)
                kept = _cut_linked_cards(kept, have, sizes, texts, [lines[i].kind == "repeat" for i in idx])
                counters, players = _media(texts)
                if counters or players:
                    kept = _join_past_gallery(kept, have, bars, sizes, texts, ends, counters | players)
                if counters or players:
                    kept = _join_before_gallery(kept, have, sizes, texts, ends, counters | players)
                kept = _keep_interview(kept, have, sizes, texts)
                metas = [lines[i].kind == "meta" for i in idx]
                kept = _cut_next_article(kept, sizes, texts, metas)
                kept = _cut_author_note(kept, sizes, texts, metas)
                kept = _cut_read_more(kept, sizes, texts)
                return [idx[k] for k in _drop_credited(_drop_pull_quotes(kept, texts), texts)], logits
            # a page whose best run is too short for an article (the model unsure of every line: a layout
            # or a language it has not seen): the article is then the page's best run relative to the
            # rest, so the bar is lowered step by step (never to lines the model is sure are furniture)
            offset = min(FALLBACK_OFFSET, offset + 0.1)
            keep = min(keep, math.log((1 - offset) / (1 + offset)))


def _cut_unsure_tail(kept: list[int], scores: list[float], texts: list[str]) -> list[int]:
    """`kept` without the lines below the article's last sure line that a dropped line cuts off from it:
    a reader's comment is an unsure paragraph between a name line and a date line below the article, and
    the region reaches over such a thread because every comment adds a little. Sure is log-odds at least
    TAIL_SURE or, on a page the model is unsure of throughout, at least the median kept line's less
    TAIL_DROP (a weak article is not cut). The unsure lines right below the sure ones (the article's own
    last paragraphs, no dropped line between) stay."""
    if not kept:
        return kept
    # a reader's comment sits right below its header's stamp (a date, a time): a thread longer than the
    # article would set the page's level by its comments, so such lines do not count for it
    have = set(kept)
    own = [k for k in kept if not _stamped(k, have, texts)] or kept
    level = sorted(scores[k] for k in own)[len(own) // 2]
    bar = min(TAIL_SURE, level - TAIL_DROP)
    last = next((k for k in reversed(kept) if scores[k] >= bar), None)
    if last is None or last == kept[-1]:
        return kept
    have = set(kept)
    end = last + 1
    while end in have:
        end += 1
    # A comment's header carries its stamp (a date, a time, a count of posts), a box of teaser cards a
    # headline over each summary; a box set inside the article (a newsletter sign-up between its last two
    # paragraphs) has neither: the text after it stays.
    after = next((k for k in kept if k >= end), None)
    if after is None:
        return kept
    # a live blog's entries each stand under their time, from the top of the page on: when the text above
    # the cut already holds LIVE_ENTRIES or more lines under a stamp (a third of its lines or more), the
    # entries below are more of it, not readers' comments under an article
    above = [k for k in kept if k < end]
    stamped = sum(_stamped(k, have, texts) for k in above)
    if stamped >= LIVE_ENTRIES and 3 * stamped >= len(above):
        return kept
    heads = _numbered_on(kept[0], end, kept[-1], texts)
    if heads:
        return sorted(have.union(heads))   # (the heads too: the items' own titles, short, the model drops them)
    if not any(_stamp_digits(texts[k]) for k in range(end, after)) \
            and not _teaser_cards([k for k in kept if k >= end], texts):
        return kept
    return [k for k in kept if k < end]


# a price: a currency sign or code right before or after the amount ("£19.50", "RM4.5", "19,90 €", "US$ 5")
_PRICE = re.compile(r"[$£€¥₹₩₽]\s?\d|\d\s?[$£€¥₹₩₽]|\b(?:rm|rs|r\$|us\$|chf|eur|usd|gbp|kr|zł|kč)\.?\s?\d"
                    r"|\d\s?(?:eur|usd|gbp|chf|kr|zł|kč|euro|euros|dollars?)\b", re.IGNORECASE)


def _stamp_digits(text: str) -> bool:
    """A dropped line's digits may be a comment's stamp (a date, a time, a count of posts), unless the line
    holds a price: a box of products between the article's paragraphs ("Harbour Flask 750ml – £19.50", "Buy
    now") is no comment's header, and the article goes on below it."""
    return any(ch.isdigit() for ch in text) and not _PRICE.search(text)


def _numbered_on(start: int, end: int, stop: int, texts: list[str]) -> list[int]:
    """The item heads numbered in sequence (1., 2., 3. ...) between `start` and `stop`, when they start above
    `end` and go on below it, else []: a list article's or how-to's items (a digit in each head, and the
    price or rating lines an item carries, looked like comments' stamps to the tail cut). Readers' comments,
    or a ranked box ("Most read" 1-5) below the article, start their numbering below it."""
    nums = [(k, int(m.group(1))) for k in range(start, stop + 1) if (m := NUMBERED.match(texts[k]))]
    if len(nums) >= 3 and nums[0][1] == 1 and nums[0][0] < end <= nums[-1][0] \
            and all(b == a + 1 for (_, a), (_, b) in pairwise(nums)):
        return [k for k, _ in nums]
    return []


def _stamped(k: int, kept: set[int], texts: list[str]) -> bool:
    """Kept line k stands right under a dropped short line with a digit: a comment's or an entry's stamp."""
    return k > 0 and k - 1 not in kept and len(texts[k - 1]) <= STAMP_CHARS \
        and any(ch.isdigit() for ch in texts[k - 1])


def _teaser_cards(tail: list[int], texts: list[str]) -> bool:
    """The first of these kept lines is a teaser card's summary (a sentence right under a dropped line that
    is its headline: short, no sentence mark, using its content words), and a card stands right above or
    below it too, kept or not: a box of links to other stories. One such pair alone is an article's
    subhead over its paragraph."""
    def card(k: int) -> bool:
        return 1 <= k < len(texts) and bool(TERMINAL.search(texts[k])) \
            and _headline_of(k - 1, _stems([texts[k]]), texts)

    return bool(tail) and card(tail[0]) and (card(tail[0] - 2) or card(tail[0] + 2))


def _drop_pull_quotes(kept: list[int], texts: list[str]) -> list[int]:
    """`kept` without the short lines (PULL_TOKENS tokens or fewer, PULL_MIN or more) whose tokens all but
    one stand in a longer kept line within PULL_LINES lines, and which end like a sentence: a magazine's
    pull quote repeats a sentence of the text, in the same or fewer words. A line that opens the longer
    one below it (a standfirst the first paragraph repeats and goes on from) stays, and so does a subhead;
    a paragraph repeated word for word close below itself goes (a pull quote as long as a paragraph)."""
    if len(kept) < 2:
        return kept
    toks = [shape(texts[k])[0] for k in kept]
    # the same paragraph again, word for word, close below it: a pull quote set as one (alone: a run of
    # repeated paragraphs is the page's text shown twice, left as it is)
    again = {a for a, k in enumerate(kept) if len(toks[a]) >= PULL_MIN and any(
        toks[b] == toks[a] and k - kept[b] <= PULL_LINES for b in range(max(0, a - PULL_LINES), a))}
    drop = {kept[a] for a in again if a - 1 not in again and a + 1 not in again}
    for a, k in enumerate(kept):
        own = toks[a]
        if a in again:
            continue
        if not PULL_MIN <= len(own) <= PULL_TOKENS or not TERMINAL.search(texts[k]):
            continue
        words = set(own)
        for b in range(max(0, a - PULL_LINES), min(len(kept), a + PULL_LINES + 1)):   # (kept ascends)
            j = kept[b]
            if b != a and abs(j - k) <= PULL_LINES and j not in drop and len(toks[b]) > len(own) \
                    and len(words.intersection(toks[b])) >= len(words) - 1 \
                    and (toks[b][:len(own)] != own or j < k):
                drop.add(k)
                break
    return [k for k in kept if k not in drop] if drop else kept


# a caption's photographer after its last sentence, without the colon or sign the lexicon's credits have:
# "… in January. (Photo by Chris Vann)", "… encore couverte de papier. Photo CdP"
PHOTOGRAPHER = re.compile(r"\((?:Photo|Foto|Bild|Image|Picture)s?\s+(?:by|von|de|di|par)\s+[^()]{2,60}\)\s*$"
                          r"|[.!?»”]\s+(?:Photo|Foto|Bild|Picture)s?\s+(?:by\s+)?"
                          r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}$"
                          # an English newspaper's own credit: "(Submitted photo)", "(Sentinel file photo)", "(AP
                          # Photo)", "… model. Courier photo by Jim Ostrander", "… Staff photo by Ann Lee"
                          r"|\([A-Z][\w.'’&-]*(?:\s[\w.'’&-]+){0,2}\s[Pp]hoto(?:graph)?s?\)\s*$"
                          r"|[.!?»”]\s+[A-Z][\w.'’&-]*(?:\s[\w.'’&-]+)?\s[Pp]hoto(?:graph)?s?\s+by\s+"
                          r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}$")
_PHOTOGRAPHER_WORDS = ("Photo", "Foto", "Bild", "Picture", "photo")


def _drop_credited(kept: list[int], texts: list[str]) -> list[int]:
    """`kept` without the lines of four words or more that end with a photographer's credit (PHOTOGRAPHER): a
    photo's caption, which the model read as a short paragraph."""
    drop = {k for k in kept if any(w in texts[k] for w in _PHOTOGRAPHER_WORDS)
            and len(texts[k].split()) > 3 and PHOTOGRAPHER.search(texts[k])}
    return [k for k in kept if k not in drop] if drop else kept


def _stems(texts: list[str]) -> set[str]:
    """The content words of some lines, cut to five letters (inflections: "cookie"/"cookies", "Bauzeit"/
    "Bauzeiten"): tokens of four letters or more that no lexicon lists as a function word. Where words are
    not told apart by spaces or are short syllables, units of the script's own size instead (_line_stems):
    pairs of characters (Chinese, Japanese, Thai), a word's first two syllables (Korean), pairs of
    neighbouring syllables (Vietnamese); without them such a text shared next to nothing with its own
    article and a gap after its first paragraph cut the opening."""
    return set().union(*map(_line_stems, texts))


@lru_cache(maxsize=1 << 16)
def _line_stems(text: str) -> frozenset[str]:
    stop = _lexicon_stopwords()
    toks = shape(text)[0]
    stems = {t[:5] for t in toks if len(t) >= 4 and t.isalpha() and t not in stop}
    if not _NEEDS_UNITS.search(text):
        return frozenset(stems)
    # scripts without spaces (Chinese, Japanese, Thai): pairs of neighbouring characters, the length of
    # most of their words (two kana in a row are mostly endings and particles: left out)
    for run in _UNSPACED_RUN.findall(text):
        stems.update(run[n:n + 2] for n in range(len(run) - 1)
                     if not (_KANA.match(run[n]) and _KANA.match(run[n + 1])))
    # Korean writes a particle or an ending onto its word: the word's first two syllables stand for it
    stems.update(t[:2] for t in toks if _HANGUL.match(t))
    # Vietnamese writes every syllable apart and most of its words are two syllables: pairs of neighbours
    if len(_VIETNAMESE.findall(text)) >= 2:
        stems.update(f"{a} {b}" for a, b in pairwise(toks) if a.isalpha() and b.isalpha())
    return frozenset(stems)


def _cut_foreign(kept: list[int], texts: list[str]) -> list[int]:
    """`kept` without what lies above (or below) the article, set apart from it by dropped lines, when that
    text as a whole hardly uses the article's content words (FOREIGN_SHARE of its own or fewer): a cookie
    notice, a sidebar's "About me", weather or poll box, an advertising note; a site's legal notice. An
    article's parts share its subject's words (a standfirst, a lead set apart by a photo); text about
    something else is about the site or another story. The article is the longest block of consecutive
    kept lines, or a block at least half as long under its headline (a short line close above whose words
    the block uses: a box's one-word heading is none); its headline, when kept, counts on neither side."""
    if len(kept) < 2:
        return kept
    blocks = _blocks(kept)
    if len(blocks) < 2:
        return kept
    stems = [_stems([texts[k] for k in b]) for b in blocks]
    main = _main_block(blocks, stems, texts)
    head = {k for k in kept if k < blocks[main][0] and _headline_of(k, stems[main], texts)}
    for j in range(main - 1, -1, -1):
        inside = _stems([texts[k] for k in kept if k > blocks[j][-1] and k not in head])
        out = _stems([texts[k] for k in kept if k <= blocks[j][-1] and k not in head])
        shared = len(out & inside)
        # chance alone makes two unrelated texts share a word or two; an article's parts share many
        if len(out) >= FOREIGN_STEMS and shared <= min(FOREIGN_ABS, FOREIGN_SHARE * min(len(out), len(inside))):
            if _lesser(kept, blocks[j][-1] + 1, texts):
                kept = [k for k in kept if k > blocks[j][-1]]
            break   # (else the text above is the larger part, the article's: nothing above it goes)
    # and below it, under an article BELOW_FOREIGN times its size or more (a short article's paragraphs share
    # few words by chance): a site's legal notice, an editor's note, a sidebar's or another story's text
    for j in range(main + 1, len(blocks)):
        inside = _stems([texts[k] for k in kept if k < blocks[j][0] and k not in head])
        out = _stems([texts[k] for k in kept if k >= blocks[j][0]])
        shared = len(out & inside)
        if FOREIGN_STEMS <= len(out) <= len(inside) / BELOW_FOREIGN and \
                shared <= min(FOREIGN_ABS, FOREIGN_SHARE * len(out)) and TERMINAL.search(texts[blocks[j][0]]) \
                and not _quote_goes_on(texts[blocks[j - 1][-1]], texts[blocks[j][0]]):
            # (prose: a table's rows of place names share no words either)
            kept = [k for k in kept if k < blocks[j][0]]
            break
        # the page's footer: the last block, set apart by FOOTER_LINES dropped lines or more, right over the
        # page's copyright line ("© 2017 <company>"), sharing a tenth of its words or fewer (any size)
        if j == len(blocks) - 1 and blocks[j][0] - blocks[j - 1][-1] > FOOTER_LINES + 1 \
                and len(out) >= FOREIGN_STEMS and shared <= FOOTER_SHARE * len(out) \
                and any(_COPYRIGHT.search(texts[k]) and _YEAR.search(texts[k])
                        for k in range(blocks[j][-1] + 1, min(len(texts), blocks[j][-1] + 3))):
            kept = [k for k in kept if k < blocks[j][0]]
            break
    # its headline, kept on its own above a dropped byline or date line, is no paragraph of it (the title
    # is read from the lines above the text); a line under another such line is the standfirst
    if len(kept) > 1 and kept[0] in head and kept[1] != kept[0] + 1 \
            and not any(_headline_of(k, stems[main], texts) for k in range(max(0, kept[0] - 2), kept[0])):
        kept = kept[1:]
    return kept


def _lesser(kept: list[int], at: int, texts: list[str]) -> bool:
    """The kept lines above position `at` hold no more tokens than those from it on. A cut of what stands
    above the article's block takes a box, never the larger part of the text: an article split into blocks
    by an advertisement or a photo (whose parts share few words in a language that builds long words, such
    as Zulu) lost its whole text to the author's note below it, taken for the article under its name line."""
    above = sum(len(shape(texts[k])[0]) for k in kept if k < at)
    return above <= sum(len(shape(texts[k])[0]) for k in kept if k >= at)


def _quote_goes_on(last: str, first: str) -> bool:
    """A quotation left open at the end of the line above a gap goes on in the paragraph below it, which
    opens with a quotation mark: the convention of a quote over several paragraphs (no closing mark until
    its end) in English, German and French news writing. Text after a box set inside a quote is the
    article's, however few words it shares with the rest."""
    if first[:1] not in "\"“„«":
        return False
    if last.count('"') % 2:
        return True
    if "„" in last:   # (German: „ opens, “ closes)
        return last.count("„") > last.count("“")
    return last.count("“") > last.count("”") or last.count("«") > last.count("»")


def _cut_above_headline(kept: list[int], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` without the lines above the article's headline (a short line among the HEAD_LINES above the
    article's block whose words the block uses) when they are less than half the text below it: a blog's
    sidebar profile, a "This week's paper" box or another story's summary shown before the post. A page
    shows its headline over its article; what stands above it belongs to the page around it."""
    if len(kept) < 2:
        return kept
    blocks = _blocks(kept)
    if len(blocks) < 2:
        return kept
    stems = [_stems([texts[k] for k in b]) for b in blocks]
    main = _main_block(blocks, stems, texts)
    first = blocks[main][0]
    head = next((k for k in range(first - 1, max(-1, first - HEAD_LINES - 1), -1)
                 if _headline_of(k, stems[main], texts)), None)
    if head is None or head in kept or not kept[0] < head:
        return kept
    if head - max(k for k in kept if k < head) <= FAR_LINES and \
            _stems([texts[k] for k in kept if k < head]) & _stems([texts[k] for k in kept if k > head]):
        return kept   # (close above it, text about something else: a box, not the article's standfirst)
    above = sum(sizes[k] for k in kept if k < head)
    if 2 * above < sum(sizes[k] for k in kept if k >= head):
        return [k for k in kept if k >= head]
    return kept


_NAME = re.compile(r"\b(?=([^\W\d_]{2,}(?:[-'][^\W\d_]+)?\s[^\W\d_]{2,})\b)")   # (overlapping pairs)
NOTE_LINES, NOTE_TOKENS = 2, 60   # an author's note: at most this many of the last kept lines, this long each


def _names(text: str) -> set[str]:
    """Two capitalised words in a row ("Clara Novak"): a person's name as a byline writes it."""
    return {m for m in (x.group(1) for x in _NAME.finditer(text))
            if all(w[0].isupper() and w[1:].islower() for w in m.split())}


HEADER_LINES = 8   # the article's own byline or date line stands this close above its first kept line


def _cut_next_article(kept: list[int], sizes: list[int], texts: list[str], metas: list[bool]) -> list[int]:
    """`kept` without what lies below a second article header between its lines: a short line without a
    sentence mark (a headline) right over a byline or date line printed as the article's own are above its
    first line ("By Staff report" as "By Chris Haddad, Sentinel staff", "Published 8:10 AM ET Wed, March 7"
    as "Published 11:42 PM ET Tue, March 6"). A site prints every story's header alike, so a page that loads
    the next stories below the first (an endless scroll) shows the same header over each, and the text under
    it is another story. Only a smaller part is cut (a live blog's entries under their own bylines outweigh
    its first one), and only under a whole header alike the article's own, of two lines or more (its byline
    and its date): a reader's comment's name and date line, or a teaser box's headline over its author's
    name ("Von Birgitta Stauber") inside the article, are no story's header."""
    if len(kept) < 2:
        return kept
    own = [_header_words(texts[k]) for k in range(max(0, kept[0] - HEADER_LINES), kept[0]) if metas[k]]
    if len(own) < 2:
        return kept
    total = sum(sizes[k] for k in kept)
    above = 0
    for n in range(1, len(kept)):
        above += sizes[kept[n - 1]]
        if 2 * above < total:
            continue
        for h in range(kept[n - 1] + 1, kept[n] - 1):
            if metas[h] or not metas[h + 1] or sizes[h] > HEAD_TOKENS or texts[h].rstrip()[-1:] in SENTENCE_MARKS:
                continue
            m = h + 1
            while m < kept[n] and metas[m]:
                m += 1
            other = [_header_words(texts[j]) for j in range(h + 1, m)]
            if all(any(_alike(o, x) for x in other) for o in own):
                return kept[:n]
    return kept


def _header_words(text: str) -> tuple[str, ...]:
    """A byline's or date line's words without its digits (a name, "by", "published", a month)."""
    return tuple(t for t in shape(text)[0] if not any(ch.isdigit() for ch in t))


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two header lines printed alike: the same first word, or two words in common."""
    return bool(a) and bool(b) and (a[0] == b[0] or len(set(a) & set(b)) >= 2)


def _cut_author_note(kept: list[int], sizes: list[int], texts: list[str], metas: list[bool]) -> list[int]:
    """`kept` without its last lines (NOTE_LINES at most, each NOTE_TOKENS tokens or fewer, much shorter than
    the text above) from the first of them that names the author of a byline above the article ("Words by
    Clare Whitfield" ... "About Clare Whitfield" / "Clare Whitfield is a writer and photographer based in
    Leek."): the author's note or bio box under an article, which its text does not name."""
    if len(kept) < 3:
        return kept
    names = set().union(*(_names(texts[k]) for k in range(kept[len(kept) // 2]) if metas[k]))
    if not names:
        return kept
    cut = None
    for n in range(len(kept) - 1, max(0, len(kept) - 1 - NOTE_LINES), -1):
        k = kept[n]
        if sizes[k] > NOTE_TOKENS:
            break
        if any(name in texts[k] for name in names):
            cut = n
    if cut is None or 3 * sum(sizes[k] for k in kept[cut:]) > sum(sizes[k] for k in kept[:cut]) \
            or any(name in texts[k] for name in names for k in kept[:cut]):
        return kept   # (a name the article's text uses is someone it is about)
    return kept[:cut]


# a paragraph's sentence followed by its writer's initials or an agency's short name, as the last paragraph of
# a news story often is ("… ist 2017 verstorben. (nz)", "… on Tuesday. (AP)")
_SIGNED = re.compile(r"[.!?…][\"'»«”“’]*\s*\([^()\s]{1,12}\)\s*$")


def _keep_last(kept: list[int], scores: list[float], sizes: list[int], texts: list[str],
               credits: list[bool]) -> list[int]:
    """`kept` with the line right below its last one (no dropped line between but a photo's caption or
    credit) when the model only doubts it (log-odds LAST_KEEP or more), it is a sentence of LAST_TOKENS
    tokens or more and uses LAST_STEMS of the article's content words: the article's last paragraph,
    doubted because the page's furniture follows it (the paragraphs after a "Most popular" box set inside
    the article). A photo stands between two of the article's paragraphs as often as anywhere, so its
    caption does not part the last paragraph from the article; nor does its writer's sign-off after the
    last sentence ("(nz)") make it no sentence."""
    if not kept:
        return kept
    k = kept[-1] + 1
    if k < len(texts) and credits[k]:
        k += 1
    if k < len(texts) and scores[k] >= LAST_KEEP and sizes[k] >= LAST_TOKENS \
            and (TERMINAL.search(texts[k]) or _SIGNED.search(texts[k])) \
            and len(_stems([texts[k]]) & _stems([texts[j] for j in kept])) >= LAST_STEMS:
        return kept + [k]
    return kept


def _blocks(kept: list[int]) -> list[list[int]]:
    """`kept` in blocks of consecutive lines (a dropped line between two kept ones starts a new block)."""
    blocks, cur = [], [kept[0]]
    for k in kept[1:]:
        if k == cur[-1] + 1:
            cur.append(k)
        else:
            blocks.append(cur)
            cur = [k]
    blocks.append(cur)
    return blocks


def _main_block(blocks: list[list[int]], stems: list[set[str]], texts: list[str]) -> int:
    """The article's block: the longest, or one at least half as long under its headline."""
    sizes = [sum(len(shape(texts[k])[0]) for k in b) for b in blocks]
    main = sizes.index(max(sizes))
    if not _headed(blocks[main][0], stems[main], texts):
        main = next((j for j, b in enumerate(blocks) if 2 * sizes[j] >= sizes[main]
                     and _headed(b[0], stems[j], texts)), main)
    return main


def _is_consent(text: str) -> bool:
    """A line holds a phrase of data/consent.toml (a site speaking of its cookies, asking consent)."""
    return lexicon().is_consent(text.lower())


def _cut_consent(kept: list[int], texts: list[str]) -> list[int]:
    """`kept` without the lines of a cookie or privacy notice (data/consent.toml), and without the block of
    kept lines such a line stands in unless it is the article's: the notice's other paragraphs ("We also
    share information about your use of our site ...") go with it."""
    hits = {k for k in kept if _is_consent(texts[k])}
    # a kept line right under or over a dropped line of the notice stands in it too (the model dropped
    # one of the notice's paragraphs and kept the next: "We also share information …")
    have = set(kept)
    near = {k for k in kept if (k > 0 and k - 1 not in have and _is_consent(texts[k - 1]))
            or (k + 1 < len(texts) and k + 1 not in have and _is_consent(texts[k + 1]))}
    if not hits and not near:
        return kept
    blocks = _blocks(kept)
    main = _main_block(blocks, [_stems([texts[k] for k in b]) for b in blocks], texts) if len(blocks) > 1 else 0
    for j, b in enumerate(blocks):
        if j != main and (hits | near).intersection(b):
            hits.update(b)
    return [k for k in kept if k not in hits]


def _headed(first: int, stems: set[str], texts: list[str]) -> bool:
    """A line among the HEAD_LINES lines above `first` is the headline of a block with these `stems`."""
    return any(_headline_of(k, stems, texts) for k in range(max(0, first - HEAD_LINES), first))


def _headline_of(k: int, stems: set[str], texts: list[str]) -> bool:
    """Line k is short, ends without a sentence mark, and HEAD_STEMS of its content words or more, at least
    half of them, are in `stems`."""
    if len(shape(texts[k])[0]) > HEAD_TOKENS or texts[k].rstrip()[-1:] in ".!?。！？":
        return False
    own = _stems([texts[k]])
    hit = len(own & stems)
    return hit >= HEAD_STEMS and 2 * hit >= len(own)


def _cut_short_end(kept: list[int], scores: list[float], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` without the short lines at its end (END_TOKENS tokens or fewer, no sentence mark at the end)
    that the model does not clearly keep (log-odds under END_KEEP): a "« Back to news" link or a widget
    label right below the last paragraph; an article does not end on such a line."""
    while len(kept) > 1 and sizes[kept[-1]] <= END_TOKENS and scores[kept[-1]] < END_KEEP \
            and texts[kept[-1]].rstrip()[-1:] not in SENTENCE_MARKS:
        kept = kept[:-1]
    return kept


def _cut_far_tail(kept: list[int], sizes: list[int]) -> list[int]:
    """`kept` without a block below FAR_LINES dropped lines in a row that holds at most FAR_SHARE of the
    kept tokens: the run reached over a footer's menus to a few paragraphs of prose (a legal notice, a
    site's blurb); a gallery or a teaser box inside an article is shorter, or has more article below it."""
    total = sum(sizes[k] for k in kept)
    for j in range(1, len(kept)):
        if kept[j] - kept[j - 1] > FAR_LINES and sum(sizes[k] for k in kept[j:]) <= FAR_SHARE * total:
            return kept[:j]
    return kept


def _keep_subheads(kept: list[int], scores: list[float], sizes: list[int], flagged: list[bool],
                   texts: list[str]) -> list[int]:
    """`kept` with the short lines that sit between two kept lines, end without a sentence mark and
    that the model only doubts (log-odds >= SUBHEAD_KEEP, no lexicon kind): a subhead inside the
    article reads like a widget label line by line, and its bar moved with every refit ("Versagen vor
    Ort" kept at -0.50, "Landesregierung unter Druck" dropped at -0.66 on the same page)."""
    have = set(kept)

    def above(k: int) -> int:
        # the paragraph above, or above a one-line link to another story right over the subhead ("RELATED:
        # Millersport hires first paid firefighters", which the furniture filter drops too): a site sets such
        # links between a paragraph and the next subhead
        if k - 1 in have or k < 2 or k - 2 not in have or furniture.kind(texts[k - 1]) != "related":
            return k - 1
        return k - 2

    extra = [k for k in range(1, len(texts) - 1)
             if k not in have and above(k) in have and k + 1 in have and not flagged[k]
             and min(sizes[above(k)], sizes[k + 1]) > SUBHEAD_TOKENS   # between paragraphs, not short lines
             and sizes[k] <= SUBHEAD_TOKENS and scores[k] >= SUBHEAD_KEEP
             and texts[k].rstrip()[-1:] not in SENTENCE_MARKS and any(c.isalpha() for c in texts[k])
             and not _interface(texts[k])]
    return sorted(have.union(extra)) if extra else kept


def _cut_marked_box(kept: list[int], scores: list[float], sizes: list[int], marker: list[bool],
                    texts: list[str]) -> list[int]:
    """`kept` without the short lines (BOX_TOKENS tokens or fewer) the model only doubts (log-odds under
    BOX_SURE) right below a dropped teaser marker ("Related stories", "Lesen Sie auch") between two kept
    lines, up to the article's next long or sure line: the box's headlines and summaries, which read like
    short paragraphs. A box at the article's end (no article line below it) is the tail cut's. When the
    lines dropped under the marker are already BOX_LINKS headlines or more (short, no sentence mark: a list
    of links to other stories), the box's kept lines are more of those links: the cut takes only lines of
    their shape and ends at the first that ends a sentence with a full stop, the article's next paragraph
    (in a language whose paragraphs are few tokens long, they are all short)."""
    drop: list[int] = []
    for n in range(1, len(kept)):
        marks = [k for k in range(kept[n - 1] + 1, kept[n]) if marker[k]]
        if not marks:
            continue
        links = range(marks[-1] + 1, kept[n])
        listed = len(links) >= BOX_LINKS and all(_link_shaped(k, sizes, texts) for k in links)
        j = n
        while j < len(kept) and sizes[kept[j]] <= BOX_TOKENS and scores[kept[j]] < BOX_SURE \
                and (not listed or _link_shaped(kept[j], sizes, texts)):
            j += 1
        if n < j < len(kept):
            drop.extend(kept[n:j])
    return [k for k in kept if k not in set(drop)] if drop else kept


_CLOSERS = "\"'»«”“’)]」』）"


def _link_shaped(k: int, sizes: list[int], texts: list[str]) -> bool:
    """A line shaped like a link to another story: short (HEAD_TOKENS tokens or fewer) and not ended by a
    full stop (a headline may end in "?" or "!", a teaser's cut-off lede in "…")."""
    return sizes[k] <= HEAD_TOKENS and texts[k].rstrip().rstrip(_CLOSERS)[-1:] not in ".。．।"


def _cut_linked_cards(kept: list[int], scores: list[float], sizes: list[int], texts: list[str],
                      repeats: list[bool]) -> list[int]:
    """`kept` without the short doubted lines (BOX_TOKENS tokens or fewer, log-odds under BOX_SURE) that
    stand right under a dropped headline the page shows elsewhere too, when two or more do: a box of teaser
    cards whose headlines another box of the page links as well ("Terkini" at the top, "Berita Lainnya"
    under the article), each over a one-sentence summary that reads like a short paragraph. Only below the
    article's last long line: a live blog's entries stand under headlines its "Key events" list repeats, and
    a buyer's guide's items under a repeated "Buy" button, with long paragraphs between and after them."""
    last = max((n for n, k in enumerate(kept) if sizes[k] > BOX_TOKENS), default=0)
    cards = [k for n, k in enumerate(kept) if n > last and k - 1 != kept[n - 1] and repeats[k - 1]
             and sizes[k] <= BOX_TOKENS and scores[k] < BOX_SURE and sizes[k - 1] <= HEAD_TOKENS
             and texts[k - 1].rstrip()[-1:] not in SENTENCE_MARKS]
    if len(cards) < 2:
        return kept
    drop = set(cards)
    return [k for k in kept if k not in drop]


def _cut_truncated(kept: list[int], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` without a run of two or more lines in a row that end cut off ("… to add two bus routes for
    students in the northern townships..."), with what follows it and a heading right above it, when the
    text above it is the longer: the ledes of a list of other stories below the article; an article's
    paragraph does not end with an ellipsis twice in a row."""
    cut = [texts[k].rstrip().endswith(TRUNCATED) for k in kept]
    for j in range(1, len(kept)):
        if cut[j] and cut[j - 1] and kept[j] == kept[j - 1] + 1:
            start = j - 1
            if 2 * sum(sizes[k] for k in kept[:start]) < sum(sizes[k] for k in kept):
                return kept
            if start > 0 and kept[start - 1] == kept[start] - 1 and sizes[kept[start - 1]] <= SUBHEAD_TOKENS \
                    and texts[kept[start - 1]].rstrip()[-1:] not in SENTENCE_MARKS:
                start -= 1
            return kept[:start]
    return kept


def _cut_below_copyright(kept: list[int], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` without what lies below a dropped copyright line of the page's (the sign or the word, and a
    year: "© 1996–2016 <company>. All rights reserved.") under FOOTER_LINES dropped lines or more, when the
    kept text below is less than half of that above: the footer's legal text ("The information on this
    website … does not constitute an offer"); the article's own photo credit ("© dpa") stands by its
    caption inside the text, and a gallery with more article below it does not qualify."""
    if len(kept) < 2:
        return kept
    for n in range(1, len(kept)):
        a, b = kept[n - 1], kept[n]
        if b - a > FOOTER_LINES + 1 and 2 * sum(sizes[k] for k in kept[n:]) < sum(sizes[k] for k in kept[:n]) \
                and any(_COPYRIGHT.search(texts[k]) and _YEAR.search(texts[k])
                        for k in range(a + FOOTER_LINES + 1, b)):
            return kept[:n]
    return kept


# what a slide counter's line may look like ("4/50", "Photo 4 of 50", "Bild 4 von 50"): a page with fewer
# such lines has no gallery, and its lines are not read one by one
_COUNTERISH = re.compile(r"[^\d]{0,12}\d{1,3} ?[^\s\d]{1,3} ?\d{1,3}(?!\d)")
_COUNTER_FIRST = frozenset("0123456789BFPISGDZRФbfpisgdzrф")   # (furniture.is_counter's first letters)
_TIME_CODE = re.compile(r"(?<![\d:])\d{1,2}:\d\d(?![\d:])")   # a video's position or length ("02:14")
# a reader's comment's or a post's stamp beside its time ("March 3, 2012 at 1:10 pm", "15.05.2023 13:52 Uhr")
_STAMPISH = re.compile(r"\b(?:19|20)\d\d\b|\d[.:]?\s?[ap]\.?m\b|\buhr\b|\d{1,2}[./]\d{1,2}[./]", re.IGNORECASE)
PLAYER_CHARS = 80   # a player's line ("Play 00:00 / 02:14 CC Fullscreen", a next video's title and length)


def _media(texts: list[str]) -> tuple[set[int], set[int]]:
    """(the lines that are a gallery's slide counters, data/furniture.toml; the short lines that show a
    video player's time code, "00:00 / 02:14", "Up next … 01:45"), each when there are GALLERY_COUNTERS or
    more, else empty."""
    match, clock = _COUNTERISH.match, _TIME_CODE.search
    found = [k for k, t in enumerate(texts)
             if len(t) <= PLAYER_CHARS and (t[:1] in _COUNTER_FIRST or t[-1:].isdigit())]
    counted = [k for k in found if len(texts[k]) <= 40 and texts[k][:1] in _COUNTER_FIRST and match(texts[k])]
    counters: set[int] = set()
    if len(counted) >= GALLERY_COUNTERS:
        from briefgen.ingest.furniture import is_counter  # (the counter's words live in data/furniture.toml)

        counters = {k for k in counted if is_counter(texts[k])}
    players = {k for k in found if clock(texts[k]) and not _STAMPISH.search(texts[k])}
    return (counters if len(counters) >= GALLERY_COUNTERS else set(),
            players if len(players) >= GALLERY_COUNTERS else set())


def _join_past_gallery(kept: list[int], scores: list[float], bars: list[float], sizes: list[int],
                       texts: list[str], ends: list[bool], counter: set[int]) -> list[int]:
    """`kept` with the run of lines the model keeps (log-odds at their bar) right below a photo gallery or a
    video player that follows the article: GALLERY_COUNTERS slide counters or player time codes or more
    ("4/50", "Photo 4 of 50", "Play 00:00 / 02:14", "Up next … 01:45"; a line with a year, a date or "pm",
    a comment's stamp, is no player's) among the dropped
    lines between, no end marker, the run within 2 * GALLERY_GAP lines of the last counter (the last slide's
    caption, credit and tools between), each of its lines using two of the article's content words and
    all of them LAST_STEMS. A gallery of
    fifty captioned slides between an article's paragraphs is longer than any region reaches across, so the
    paragraphs after it were lost (an article's opening above a gallery is the region's bridge)."""
    if not kept:
        return kept
    k, counters, last = kept[-1] + 1, 0, 0
    # a slide's caption the model would keep (prose under a counter) is still the gallery's while another
    # counter follows within GALLERY_GAP lines: the run looked for is the text after the last slide
    while k < len(texts) and (scores[k] < bars[k] or any(j in counter for j in range(k + 1, k + 1 + GALLERY_GAP))):
        if ends[k]:
            return kept
        if k in counter:
            counters, last = counters + 1, k
        k += 1
    if counters < GALLERY_COUNTERS or k - last > 2 * GALLERY_GAP:
        return kept
    run, stems = [], _stems([texts[j] for j in kept])
    while k < len(texts) and scores[k] >= bars[k] and len(_stems([texts[k]]) & stems) >= 2:
        run.append(k)
        k += 1
    if run and len(_stems([texts[j] for j in run]) & stems) >= LAST_STEMS:
        return kept + run
    return kept


def _join_before_gallery(kept: list[int], scores: list[float], sizes: list[int], texts: list[str],
                         ends: list[bool], counter: set[int]) -> list[int]:
    """`kept` with the article's opening above a photo gallery (or video player) that the article region
    starts below: the
    run of lines the model only doubts (log-odds GALLERY_KEEP or more) above the gallery's first slide
    counter (GALLERY_COUNTERS counters or more between it and the article; at most GALLERY_GAP short lines,
    the gallery's tools or label, between the run and the counter), using LAST_STEMS of the article's
    content words, no end marker anywhere between. The gallery's many dropped lines make the lines above
    it look like a teaser over a rejected block."""
    if not kept or kept[0] < 2 * GALLERY_COUNTERS:
        return kept
    counters = sorted(k for k in counter if k < kept[0])
    top = next((c for c in counters if sum(c <= k for k in counters) >= GALLERY_COUNTERS
                and not any(ends[k] for k in range(c, kept[0]))), None)
    if top is None:
        return kept
    k = top - 1
    while k >= 0 and top - k <= GALLERY_GAP and scores[k] < GALLERY_KEEP and not ends[k] \
            and not TERMINAL.search(texts[k]):
        k -= 1
    run, stems = [], _stems([texts[j] for j in kept])
    while k >= 0 and scores[k] >= GALLERY_KEEP and not ends[k] and len(_stems([texts[k]]) & stems) >= 2:
        run.append(k)
        k -= 1
    if sum(sizes[j] for j in run) >= PROSE_TOKENS * 3 and len(_stems([texts[j] for j in run]) & stems) >= LAST_STEMS:
        return sorted(run) + kept
    return kept


# A line that is only a "read more" link (a teaser's summary stands right above it), in many languages:
# general knowledge of how sites label the link to the rest of a story, not any page's lines
READ_MORE = frozenset((
    "read more", "continue reading", "keep reading", "read the full story", "full story", "read on",
    "weiterlesen", "mehr lesen", "lesen sie mehr", "lire la suite", "la suite", "lire plus",
    "continua a leggere", "leggi tutto", "leggi di più", "leer más", "seguir leyendo", "leia mais",
    "continuar lendo", "lees meer", "verder lezen", "läs mer", "les mer", "læs mere", "lue lisää",
    "czytaj więcej", "czytaj dalej", "číst dál", "čtěte dále", "подробнее", "читать далее",
    "читать полностью", "devamını oku", "selengkapnya", "baca selengkapnya", "lanjut baca",
    "baca lebih lanjut", "tovább", "citește mai mult", "citeste mai mult", "περισσότερα"))
_READ_MORE_MARKS = " \t»«›‹→←>.…:|[]()-–—+"


def _cut_read_more(kept: list[int], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` without its first block of kept lines when a dropped "Read more" line (READ_MORE) follows it
    right below, it holds less than half the kept text and shares at most a third of its content words with
    the rest, and the article's headline stands between the link and the text: another story's teaser above
    the article, its summary over its link ("… Selengkapnya"; in a language without a lexicon its function
    words count as content words, so a teaser shares a few).
    (Inside or below an article the same words label a box of links to other stories: "READ MORE" over
    their headlines, below paragraphs of the same story; and "More" is a menu's last item.)"""
    if len(kept) < 2:
        return kept
    b = _blocks(kept)[0]
    r = b[-1] + 1
    if r <= kept[-1] and sizes[r] <= 4 and texts[r].strip(_READ_MORE_MARKS).lower() in READ_MORE \
            and 2 * sum(sizes[k] for k in b) < sum(sizes[k] for k in kept) \
            and sum(sizes[k] for k in b) < FALLBACK_TOKENS:
        # (a teaser's summary is a line or two: a block as long as an article is the article's first part,
        # over a "Read more" box set inside it, whose teaser below the link shares its own headline's words)
        rest = _stems([texts[k] for k in kept[len(b):]])
        if 3 * len((own := _stems([texts[k] for k in b])) & rest) <= len(own) \
                and any(_headline_of(k, rest, texts) for k in range(r + 1, kept[len(b)])):
            return kept[len(b):]
    return kept


def _qa(text: str) -> str | None:
    """'q' for a line opened by an interview's question label, 'a' for an answer's, else None."""
    m = _QA.match(text) if text[:1].isupper() else None
    return None if m is None else ("q" if m["q"] else "a")


def _keep_interview(kept: list[int], scores: list[float], sizes: list[int], texts: list[str]) -> list[int]:
    """`kept` with the rest of an interview set as labelled lines ("Q: …" / "A: …"; two questions and two
    answers kept at least): the labelled lines between its first and last kept ones, and those that follow
    its last one, each within three lines of the one before, with only sentences (an answer's further
    paragraphs) between; after the last answer, its further paragraphs that the model only doubts (log-odds
    LAST_KEEP or more). A short answer ("A: Yes.") or a question read as a teaser card's headline over its
    answer made the model cut the interview there. Without labels, a short line asking a question over a
    sentence is a question and that sentence its answer (an interview's or a FAQ's questions set as bold
    lines): the same with two such pairs kept."""
    labels = [k for k in kept if _QA.match(texts[k])]
    labelled = len(labels) >= 4

    def line(k: int) -> str | None:
        if labelled:
            return _qa(texts[k])
        return "q" if _asks(k, sizes, texts) else "a" if k > 0 and _asks(k - 1, sizes, texts) else None

    if not labelled:
        labels = [k for k in kept if line(k)]
        if len(labels) < 4:
            return kept
    if sum(line(k) == "q" for k in labels) < 2 or sum(line(k) == "a" for k in labels) < 2:
        return kept
    add, last, k = [], labels[-1], labels[-1] + 1
    while k < len(texts) and k - last <= 3:
        if line(k):
            add.extend(range(last + 1, k + 1))
            last = k
        elif not (TERMINAL.search(texts[k]) and sizes[k] >= PROSE_TOKENS):
            break
        k += 1
    k = last + 1
    while line(last) == "a" and k < len(texts) and not line(k) and scores[k] >= LAST_KEEP \
            and TERMINAL.search(texts[k]) and sizes[k] >= PROSE_TOKENS:
        add.append(k)
        k += 1
    have = set(kept)
    inside = [k for k in range(labels[0], labels[-1]) if k not in have and
              (line(k) or (TERMINAL.search(texts[k]) and sizes[k] >= PROSE_TOKENS))]
    if not labelled:   # (a line the model rejects outright, an advertiser's note between, stays out)
        add = [k for k in add if scores[k] >= GALLERY_KEEP]
        inside = [k for k in inside if scores[k] >= GALLERY_KEEP]
    return sorted(have.union(add, inside)) if add or inside else kept


_QUESTION_MARKS = ("?", "？", "؟")


def _asks(k: int, sizes: list[int], texts: list[str]) -> bool:
    """Line k is a short question (HEAD_TOKENS tokens or fewer, one sentence) over a sentence that asks none:
    an unlabelled interview's or FAQ's question over its answer."""
    text = texts[k].rstrip()
    if not text.endswith(_QUESTION_MARKS) or sizes[k] > HEAD_TOKENS or k + 1 >= len(texts):
        return False
    nxt = texts[k + 1].rstrip()
    return not nxt.endswith(_QUESTION_MARKS) and TERMINAL.search(nxt) is not None \
        and _INNER_END.search(text) is None


def _interface(text: str) -> bool:
    """A line with a word of interface text ("Click here to get the app", "Up next", "More science"):
    a button or a teaser box's label between paragraphs, not a subhead."""
    from briefgen.ingest.meta import ui_words   # (meta reads the model's odds: imported when used)

    return not ui_words().isdisjoint(shape(text)[0])   # the tokens the headline ranker matches them by


SENTENCE_MARKS = frozenset(".!?…:;,。！？")


def _cut_trailing(kept: list[int], sizes: list[int], ends: list[bool]) -> list[int]:
    """`kept` without what follows a dropped end marker ("8 Comments", "Most read") when that is at most
    TRAILING_SHARE of the kept tokens: a reader's comment or a teaser the region reached past the marker.
    A marker with more article text after it (a "Trending" box amid the article) is passed over."""
    if len(kept) < 2:
        return kept
    total = sum(sizes[k] for k in kept)
    after, cut, at = 0, None, len(kept) - 1
    for k in range(kept[-1], kept[0] - 1, -1):
        if at >= 0 and kept[at] == k:
            after += sizes[k]
            at -= 1
        elif ends[k] and after <= TRAILING_SHARE * total:
            cut = k
    return kept if cut is None else [k for k in kept if k < cut]


@cache
def _shipped() -> Model:
    return Model(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


_ACTIVE: list[Model] = []   # a model set by use() (the fitting script's cross-validation)


def model() -> Model:
    return _ACTIVE[-1] if _ACTIVE else _shipped()


@contextmanager
def use(m: Model) -> Iterator[Model]:
    """Clean with another model for a while (scripts/fit_dump_model.py scores each fold's model)."""
    _ACTIVE.append(m)
    try:
        yield m
    finally:
        _ACTIVE.pop()
