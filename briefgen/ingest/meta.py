"""Metadata of a cleaned dump: title, kicker, lead, dates, agency, author, image, languages.

The header is read backwards from the start of the main text: the title is the last headline-like
line that is followed by a lead (or by the text), the kicker the short line just above it, the lead
the sentence just below it. Dates, bylines and credits are the meta lines around that spot.
"""
from __future__ import annotations

import hashlib
import io
import logging
import math
import os
import re
import shutil
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from itertools import islice
from operator import mul
from pathlib import Path

from briefgen.ingest import dates
from briefgen.ingest.clean import Cleaned, Line, is_prose
from briefgen.ingest.linemodel import PHOTOGRAPHER, _lexicon_stopwords, most_common_set, shape
from briefgen.ingest.patterns import (
    AGENCIES,
    DATE_LINE,
    INLINE_CREDIT,
    LANGS,
    SWITCHER_CODE,
    SWITCHER_LANGS,
    TRAILING_CREDIT,
    UNSPACED,
    WORD,
    credit_at_end,
    key_of,
    lexicon,
    matches,
)

log = logging.getLogger(__name__)

HEADER_WINDOW = 60     # lines above the main text searched for title, kicker and lead
META_WINDOW = 20       # lines into the main text still searched for dates and bylines
GLUED = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]\w*[a-zà-ÿ][A-ZÀ-Ý]")   # "AccueilActualitéSociété": a breadcrumb
CREDIT_LABEL = re.compile(r"\b(?:Foto|Fotos|Photo|Bild|Image|Crédit|Credit)\s?:\s?\S", re.IGNORECASE)  # "… Foto: dpa"
KICKER_WORDS = 4       # a line this short over another headline is its kicker, not the title over a dek
DEK_WORDS = 10         # a dek (subtitle without a full stop) is longer than its headline
SITE_SUFFIX = re.compile(r"\s[|]\s[^|:]{2,40}$")   # " | tagesschau.de": a document title's site name
BREADCRUMB = re.compile(r"\s[»›>/]\s")      # "Home » Politik » …", "Accueil > Monde > …"
_PAREN = re.compile(r"\(([^()]{2,40})\)")
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_DIGIT = re.compile(r"\d")


@dataclass
class Header:
    title: str | None = None
    kicker: str | None = None
    lead: str | None = None
    lead_in_body: bool = False    # the lead is the main text's first paragraph (to remove from body)
    title_in_body: bool = False   # the title is the main text's first paragraph (to remove from body)


def split_prefix(text: str) -> tuple[date | None, tuple[str, ...], str]:
    """The dump's `date YYYY-MM-DD` line and the language switcher codes right after it.
    Returns (date or None, languages offered, the text with those lines blanked)."""
    lines = text.split("\n")
    ref: date | None = None
    codes: list[str] = []
    for i, line in enumerate(lines[:8]):
        words = line.split()
        if not words:
            continue
        m = DATE_LINE.match(line) if ref is None and not codes else None
        if m:
            ref = dates.parse_date_line(m.group(1))
            words = m.group(2).replace("|", " ").split()
        elif not all(SWITCHER_CODE.match(w) or w in "|/" for w in words):
            break
        found = [SWITCHER_LANGS[w] for w in words if w in SWITCHER_LANGS]
        if len(found) != len([w for w in words if w not in "|/"]):
            break
        codes.extend(found)
        lines[i] = ""
    return ref, tuple(sorted(set(codes))), "\n".join(lines)


DETECT_CHARS = 1000     # the first characters of title, lead and body are enough to tell the language
DETECT_MIN_LETTERS = 40  # fewer letters than this: the lexicons' stop words decide, else the default
# py3langid labels that are not what a brief's `lang` should say: "zxx" is "no language", "nb" is
# written "no" (Bokmål, as pages declare it).
LANG_ALIASES = {"nb": "no"}


@cache
def lang_detector():
    """py3langid's naive Bayes model over byte n-grams (97 languages, 4.5 MB), loaded once per process.

    py3langid ships it LZMA-compressed and unpacks it on every load (about 0.8 s of CPU, most of a
    process's cost in language detection); the unpacked file is kept in the user's cache folder and
    mapped from there (about 0.02 s; read whole, 0.25 s): the same arrays, so the same model
    (tests/unit/ingest/test_fast_paths.py).
    Any trouble with the cache (another py3langid, a read-only home) and the shipped file is read."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        return _cached_detector(MODEL_DIR / MODEL_FILE, LanguageIdentifier)
    except Exception as exc:   # noqa: BLE001 - a cache only: the shipped model still works
        log.debug("language model cache not used: %s", exc)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _langid_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefgen"


def _cached_detector(model: Path, identifier: type):
    import lzma

    import numpy as np
    from py3langid import modelio

    if not model.name.endswith(".npz.xz") or not hasattr(modelio, "_to_array"):
        raise RuntimeError(f"unknown py3langid model layout: {model.name}")
    # Named by what the model is, not where it lies: every virtualenv with the same py3langid shares
    # one 68 MB file (the install's mtime made one per virtualenv), and a new model replaces the old.
    with model.open("rb") as fh:
        head = hashlib.sha256(fh.read(1 << 16)).hexdigest()[:16]
    unpacked = _langid_cache_dir() / f"langid-{model.stat().st_size}-{head}.npz"
    if not unpacked.is_file():
        unpacked.parent.mkdir(parents=True, exist_ok=True)
        tmp = unpacked.with_name(f"{unpacked.name}.{os.getpid()}.tmp")
        try:
            with lzma.open(model) as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst, length=1 << 20)
            os.replace(tmp, unpacked)
        finally:
            tmp.unlink(missing_ok=True)
        for old in unpacked.parent.glob("langid-*.npz"):
            if old != unpacked:
                old.unlink(missing_ok=True)
    # as py3langid.modelio.load_model, from the unpacked file
    try:
        data = _mapped_npz(unpacked)
        # the two big tables stay in the mapped file: a run reads the pages it visits, not 68 MB
        # (0.25 s of CPU a process before); the transitions are indexed like py3langid's array
        nextmove = data["nextmove"]
        return identifier(data["ptc"], np.array(data["pc"]), data["classes"].tolist(),
                          memoryview(nextmove).cast("B").cast(nextmove.dtype.char), data["out_feat"].tolist(),
                          norm_probs=True, tk_row=modelio._to_array(data["nextmove_row"]))
    except Exception as exc:   # noqa: BLE001 - another numpy's layout? read as a whole below
        log.debug("language model not mapped: %s", exc)
    try:
        with np.load(unpacked, allow_pickle=False) as data:
            return identifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                              modelio._to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                              tk_row=modelio._to_array(data["nextmove_row"]))
    except Exception:
        unpacked.unlink(missing_ok=True)   # broken (a full disk?): unpacked again next time
        raise


def _mapped_npz(path: Path) -> dict:
    """The arrays of an uncompressed .npz (as numpy.savez writes it) as read-only arrays over one
    memory map of the file: no copy, only the pages used are ever read. Anything else (a compressed
    member, an object array) raises."""
    import mmap
    import struct
    import zipfile

    import numpy as np
    from numpy.lib import format as npformat

    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    arrays = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.compress_type != zipfile.ZIP_STORED or not info.filename.endswith(".npy"):
                raise ValueError(f"{path}: {info.filename} is not a stored .npy")
            # the member's data follow its local header (30 bytes, then its name and extra field)
            name_len, extra_len = struct.unpack_from("<HH", mapped, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            fh = io.BytesIO(mapped[start:start + 1024])
            read_header = {(1, 0): npformat.read_array_header_1_0,
                           (2, 0): npformat.read_array_header_2_0}[npformat.read_magic(fh)]
            shape, fortran, dtype = read_header(fh)
            if dtype.hasobject or fortran:
                raise ValueError(f"{path}: {info.filename} is not a plain array")
            count = math.prod(shape)
            if fh.tell() + count * dtype.itemsize != info.file_size:
                raise ValueError(f"{path}: {info.filename} has a size its header does not give")
            arrays[info.filename[:-4]] = np.frombuffer(mapped, dtype, count, start + fh.tell()).reshape(shape)
    return arrays


def _stopword_lang(text: str) -> tuple[str | None, int]:
    """The lexicon language whose stop words cover most of the text's words, and how many they cover."""
    toks = WORD.findall(text.lower())
    if not toks:
        return None, 0
    seen = Counter(toks)
    have = seen.keys()   # (summed over the words the text has: the same counts, no lookup of absent ones)
    counts = {code: sum([seen[w] for w in have & words]) for code, words in lexicon().stopwords.items()}
    best = max(sorted(counts), key=lambda c: counts[c])
    return (best, counts[best]) if counts[best] else (None, 0)


# A text where one lexicon language's stop words are a quarter of the words, six times as many as any
# other lexicon language's, is that language: py3langid is not asked (it costs about a millisecond).
# On the 255 sample reference texts this holds for 156 of the 199 in fr/de/it/en and none of the
# others (Spanish comes closest: French stop words 32 % of its words, 2.4 times the next).
LEXICON_SURE_SHARE = 0.25
LEXICON_SURE_RATIO = 6
LEXICON_SURE_WORDS = 60


def _lexicon_sure(sample: str) -> str | None:
    toks = WORD.findall(sample.lower())
    if len(toks) < LEXICON_SURE_WORDS:
        return None
    seen = Counter(toks)
    have = seen.keys()   # (summed over the words the text has: the same counts, no lookup of absent ones)
    counts = sorted(((sum([seen[w] for w in have & words]), code) for code, words in lexicon().stopwords.items()),
                    reverse=True)
    (best, code), (second, _) = counts[0], counts[1]
    return code if best >= LEXICON_SURE_SHARE * len(toks) and best >= LEXICON_SURE_RATIO * max(second, 1) else None


def _enough_letters(sample: str) -> bool:
    """At least DETECT_MIN_LETTERS letters; a CJK character carries about as much as a short word: it
    counts three. Stops counting once there are enough (most texts: within their first line)."""
    total = 0
    for ch in sample:
        if ch.isalpha():
            total += 1 if ch < "\u2e80" else 3
            if total >= DETECT_MIN_LETTERS:
                return True
    return False


def detect_lang(text: str, default: str = "en") -> str:
    """The article's language (ISO 639-1 where there is one) from its text, in any of the 97 languages
    of py3langid; a text too short to tell goes by the lexicons' stop words, else `default`."""
    sample = text[:DETECT_CHARS]
    if not _enough_letters(sample[:1000]):
        return _stopword_lang(sample)[0] or default
    sure = _lexicon_sure(sample)
    if sure is not None:
        return sure
    code, _ = lang_detector().classify(sample)
    if code == "zxx":
        return _stopword_lang(sample)[0] or default
    return LANG_ALIASES.get(code, code)


def _lead_like(line: Line) -> bool:
    return line.sentence or (line.words >= 15 and is_prose(line.text))


def _headline_like(line: Line) -> bool:
    return not line.sentence and 2 <= line.words <= 40 and not line.text.endswith((",", ":"))


def _is_caption(lines: list[Line], i: int) -> bool:
    nxt = next((ln for ln in lines[i + 1:i + 3] if ln.kind != "blank"), None)
    return nxt is not None and nxt.kind == "credit"


def _title_score(cand: list[Line], j: int, first_text: Line | None) -> float:
    """How much line j looks like the title: a headline of a few words, shown twice (page top and
    article), followed by a longer standfirst or the text itself, close to where the text starts."""
    line = cand[j]
    nxt = cand[j + 1] if j + 1 < len(cand) else first_text
    score = min(line.words, 14) - 0.15 * ((first_text.i if first_text else line.i) - line.i)
    if nxt is not None and (_lead_like(nxt) or nxt.words > line.words):
        score += 8
    if line.kind == "repeat" and line.words >= 6:
        score += 4
    if line.words > 18:
        score -= 0.5 * (line.words - 18)   # titles are rarely longer
    if line.words <= 3:
        score -= 12
    if line.text.endswith((".", ")", "—", "–", "-")):
        score -= 6   # a caption, a sentence or a dateline, not a headline
    label = line.text.split(":", 1)[0].lower() if ":" in line.text[:20] else ""
    if label and (label in lexicon().drop or label in lexicon().dated):
        score -= 15  # "Anzeige: …", "Publié: …": a labelled ad or date line
    if line.text[:1].islower():
        score -= 10  # headlines start with a capital (or a quote or digit): this is UI text
    if line.words > 22:
        score -= 10  # a standfirst without its full stop, not a headline
    if GLUED.search(line.text) or (line.words >= 10 and not is_prose(line.text)):
        score -= 20  # breadcrumbs and flattened menus
    return score


def _title_index(cand: list[Line], first_text: Line | None = None) -> int | None:
    heads = [j for j in range(len(cand)) if _headline_like(cand[j])]
    if not heads:
        return None
    return max(reversed(heads), key=lambda j: _title_score(cand, j, first_text))


def find_header(c: Cleaned) -> Header:
    lo = max(0, c.start - HEADER_WINDOW)
    h = Header()
    title_line = lead_line = None
    bylined = _byline_title(c)
    if bylined is not None:
        title_line, lead_line = bylined
    else:
        cand = [ln for ln in c.lines[lo:c.start]
                if ln.kind in ("text", "repeat") and not _is_caption(c.lines, ln.i)]
        cand = cand[-12:]
        first_text = next((ln for ln in c.lines[c.start:c.end] if ln.kind == "text"), None)
        j = _title_index(cand, first_text)
        if j is not None:
            title_line = cand[j]
            nxt = cand[j + 1] if j + 1 < len(cand) else None
            lead_line = nxt if nxt is not None and _lead_like(nxt) else None
    picked, cut = pick_title(c, bylined) or (None, "")
    if picked is not None and picked is not title_line:
        title_line, lead_line = picked, _lead_below(c, picked)
    if title_line is not None:
        h.title = title_line.text
        h.title_in_body = title_line.i >= c.start and not cut
        if lead_line is not None:
            h.lead, h.lead_in_body = lead_line.text, lead_line.i >= c.start
        whole = c.lines[title_line.i].text
        if cut and whole.startswith(cut) and not whole.endswith(cut):
            h.kicker = cut    # "Kicker: Title" on one line
        else:
            h.kicker = _kicker(c, title_line)
        if not cut:
            _punctuated_title(c, h)
        site_less = _past_site(h.title)
        if site_less != h.title:   # a document title "Kicker: Title | site": the kicker as the page shows it
            h.title, h.kicker = site_less, _colon_kicker(c, site_less) or h.kicker
        h.title = _past_breadcrumb(h.title)
        if h.title == whole and whole in c.cells:
            h.title = _headline_cell(c.cells[whole]) or h.title
    if h.lead is not None and (_credit_like(Line(0, h.lead, "", 0)) or PHOTOGRAPHER.search(h.lead)):
        h.lead, h.lead_in_body = None, False   # a photo caption with its credit, not a standfirst
    if h.lead is None and title_line is not None:
        shown = _standfirst_after(c, title_line)
        if shown is not None:
            h.lead, h.lead_in_body = shown.text, shown.i >= c.start
    if h.lead is None:
        h.lead = _lead_from_body(c, skip=1 if h.title_in_body else 0)
        h.lead_in_body = h.lead is not None
    return h


def _headline_cell(cells: tuple[str, ...]) -> str | None:
    """The headline's own cell of a table row taken as the headline (an old layout table sets it beside a
    menu's last link or a cell of tools: "Contact Us\tHeadline", "Headline\tPDF\tPrint\tE-mail"): its longest
    cell, when that has 3 words or more and every other cell at most CUT_WORDS."""
    n = [len(WORD.findall(x)) for x in cells]
    k = max(range(len(cells)), key=n.__getitem__)
    if n[k] >= 3 and all(m <= CUT_WORDS for j, m in enumerate(n) if j != k):
        return cells[k]
    return None


def _lead_below(c: Cleaned, title: Line) -> Line | None:
    """The standfirst right below a headline above the text (bylines and dates may stand between)."""
    for ln in c.lines[title.i + 1:c.start]:
        if ln.kind in ("blank", "meta", "noise", "credit"):
            continue
        return ln if ln.kind == "text" and _lead_like(ln) and not _is_caption(c.lines, ln.i) else None
    return None


# --- the headline: a learned ranking of the lines above the text ----------------------------------

TITLE_REACH = 30    # non-blank lines above the article's first line that may be its headline
TITLE_INSIDE = 4    # and lines at its top (the model may have kept the headline as text)
BODY_TOKENS = 1500   # the text's first tokens tell what it is about
CUT_WORDS = 6       # a part cut off a candidate (a kicker, a section, widget text) has at most this many words
# "Kicker: Title", "Section | Title", "Kicker - Title", "Title – Site": a separator with spaces around it
# (a colon: a space after it)
_SPLIT = re.compile(r"\s+[|/–—-]\s+|\s*:\s+|\s+:\s*")
TITLE_FEATURES = ("log_tokens", "tokens_3", "tokens_25", "terminal", "ends_colon", "first_upper", "first_lower",
                  "linkish", "separators", "digit_ratio", "log_distance", "inside", "log_repeats", "hand_score",
                  "headline_like", "bylined", "bylined_sentence", "body_overlap_top", "body_overlap", "logit", "kind_text",
                  "kind_repeat", "kind_meta", "kind_boiler", "kind_marker", "kind_caption", "next_meta",
                  "next_lead_like", "next_body", "prev_short", "headline_rank", "last_headline", "position", "blank_before",
                  "credit_like", "has_time", "ends_bracket", "prose", "same_as_body",
                  "next_headline", "prev_headline", "meta_below", "meta_near", "upper_ratio", "capitalised",
                  "part_of_other", "has_part_other", "cut_separator", "cut_line", "cut_rest_line", "cut_glued",
                  "cut_log_tokens", "cut_upper", "ui_share", "ui_first", "ui_or_common", "inner_ends", "nav_arrow", "body_hits",
                  "has_date", "page_top", "topic_share")
_PAGE_TOP = TITLE_FEATURES.index("page_top")
INSIDE_TOKENS = 25   # a line inside the text this long (or of several sentences) is a paragraph, not its headline


@cache
def ui_words() -> frozenset[str]:
    """Words of interface text in many languages (data/ui_words.toml: buttons, links, prompts, networks)."""
    import tomllib

    data = tomllib.loads((Path(__file__).parent / "data" / "ui_words.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for part in data.values() for w in part["words"])


def _furniture(ln: Line, ui: frozenset[str]) -> bool:
    """An interface line: one the lexicons call boilerplate, a photo caption or credit, a short one (8
    words or fewer) half of whose tokens are interface words ("Share on Facebook", "Get our app"), or a
    longer call to action (`_call_to_action`: "Sign up for our daily newsletter and get …")."""
    if ln.kind in ("boiler", "noise"):
        return True
    if ln.kind == "blank":
        return False
    if ln.words > 8:
        return _call_to_action(ln.text)
    return _ui_share(ln.text, ui) >= 0.5


def _not_furniture(lines: list[Line], ui: frozenset[str]) -> list[Line]:
    """[ln for ln in lines if not _furniture(ln, ui)], one loop without a call per line (the headline
    ranker asks it of every line of the page)."""
    out = []
    for ln in lines:
        kind = ln.kind
        if kind == "boiler" or kind == "noise":
            continue
        if kind != "blank" and ln.words <= 8:
            toks = shape(ln.text)[0]
            if toks and sum(map(ui.__contains__, toks)) / len(toks) >= 0.5:
                continue
        elif kind != "blank" and _call_to_action(ln.text):
            continue
        out.append(ln)
    return out


def _ui_share(text: str, ui: frozenset[str]) -> float:
    toks = shape(text)[0]
    return sum(map(ui.__contains__, toks)) / len(toks) if toks else 0.0


_ARROW_OPEN, _ARROW_CLOSE = "←«‹<⇐◄◀", "→»›>⇒►▶"


def _nav_arrow(text: str) -> bool:
    """A link to the previous or next post or page: the line opens with an arrow or guillemet pointing
    back ("← Older post", "« Title") or ends with one pointing on ("Title »", "Next →"), none closing it
    (French quotes "« Titre »" are a quotation, not a link)."""
    t = text.strip()
    if not t:
        return False
    if t[0] in _ARROW_OPEN and not any(ch in t for ch in _ARROW_CLOSE):
        return True
    return t[-1] in _ARROW_CLOSE and not any(ch in t for ch in _ARROW_OPEN)


def _paragraph_inside(text: str) -> bool:
    """A line of the text that is a paragraph: 25 tokens or more (a Chinese, Japanese or Thai character a
    third of one), or several sentences ending in a full stop: never the headline (no sample page's is)."""
    toks, local = shape(text)
    n = sum(1 / 3 if len(t) == 1 and UNSPACED_CHAR.match(t) else 1 for t in toks)
    return n >= INSIDE_TOKENS or (local[8] > 0 and local[5] > 0)


UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
_YEARISH = re.compile(r"(?<!\d)\d{4}(?!\d)|\d[./-]\d{1,2}[./-]\d\d")


def _has_date(text: str) -> bool:
    """A full date in the line (a photo caption's "on November 19, 2024", a teaser's dateline): rare in a
    headline. A year or a numeric date first (most lines have none: dates.has_day is slower)."""
    return bool(_YEARISH.search(text)) and dates.has_day(text)
def _glue_points(text: str) -> list[int]:
    """Where the copy glued two words of a trail in the candidate's first words: a lower-case letter then a
    capital ("HomeSportBerlin-Marathon", "DomovZprávyČesko"), or an acronym then a capitalised word
    ("B2BRoky"), in any cased script. Only mixed-case words are read (a plain word has none)."""
    out, at = [], 0
    for word in text[:160].split(" ")[:CUT_WORDS + 1]:
        if not (word.istitle() or word.islower() or word.isupper()):
            for j in range(1, len(word)):
                a, b = word[j - 1], word[j]
                if b.isupper() and (a.islower() or (a.isupper() and j + 1 < len(word) and word[j + 1].islower()
                                                    and j >= 2 and not word[j - 2].islower())):
                    out.append(at + j)
        at += len(word) + 1
    return out




def _cuts(text: str, short: set[str], starts: set[str], lines: set[str]) -> list[tuple[str, str, int]]:
    """The candidate without a short part at its start or end: (rest, part cut, how): 1 for a cut at a
    separator ("Kicker: Title", "Title | Section"), 2 for a part that the page shows as a line of its own
    ("Home" glued to the headline by the copy), 3 for a rest that the page shows as a line of its own
    ("Title Back to video"), 4 for a cut where the copy glued two words ("SportBerlin-Marathon: …")."""
    out = []
    for m in _SPLIT.finditer(text):
        head, tail = text[:m.start()].strip(), text[m.end():].strip()
        hw, tw = len(WORD.findall(head)), len(WORD.findall(tail))
        if 1 <= hw <= CUT_WORDS and tw >= 3:
            out.append((tail, head, 1))
        if 1 <= tw <= CUT_WORDS and hw >= 3:
            out.append((head, tail, 1))
    n = text.count(" ") + 1
    if n >= 4:
        reach = min(CUT_WORDS, n - 3)
        fronts, backs = [text.find(" ")], [text.rfind(" ")]
        for _ in range(reach - 1):
            fronts.append(text.find(" ", fronts[-1] + 1))
            backs.append(text.rfind(" ", 0, backs[-1]))
        first = text[:fronts[0]].lower() in starts
        for at in fronts:
            head, tail = text[:at], text[at + 1:]
            if first and head.lower().rstrip(" :|-–") in short:
                out.append((tail, head, 2))
            elif tail in lines:
                out.append((tail, head, 3))
        for at in backs:
            head, tail = text[:at], text[at + 1:]
            if tail.lower().lstrip(" :|-–") in short:
                out.append((head, tail, 2))
            elif head in lines and not _goes_on(tail):   # not a headline shortened elsewhere
                out.append((head, tail, 3))
    glued = [at for at in _glue_points(text) if len(WORD.findall(text[:at])) <= CUT_WORDS]
    if glued and len(WORD.findall(text[glued[-1]:])) >= 3:   # the last glue of the trail: the headline's start
        out.append((text[glued[-1]:], text[:glued[-1]], 4))
    return out


def _goes_on(rest: str) -> bool:
    """The words after a line's start go on with its sentence (a comma, or a word in lower case: "… racionar
    água pela primeira vez em 30 anos", "… Keep Dying, And Why She Keeps Going"): the start is that line's
    headline shortened (a list of other stories or a player shows a headline's first words), not the
    headline with a widget's label after it ("Title Back to video")."""
    rest = rest.lstrip()
    return rest[:1] in (",", ";") or (rest[:1].islower() and _ui_share(rest, ui_words()) < 0.5)


def _full_stop(text: str) -> bool:
    """The line ends in a full stop after a lower-case letter or a digit (not an abbreviation "U.S.", not
    "…"): a sentence, never a headline (no sample page's headline ends so)."""
    return (len(text) >= 2 and text[-1] == "." and (text[-2].islower() or text[-2].isdigit())) \
        or text.endswith("。")


def _never_headline(ln: Line, ui: frozenset[str]) -> bool:
    """A candidate no headline of the 255 sample pages is like: a sentence ending in a full stop, a label
    ending in a colon or comma ("Share this:"), a line opening with a lower-case word (a part cut off a
    sentence; "iPhone" is not one), a time of day ("14:05 - …", "10:25 WIB": a ticker or date line), a link
    to another post ("« Older post"), an interface line (8 words or fewer, half of them interface words:
    "Skip to content", "Share on Facebook", "Get our app"). The ranker is fitted on every candidate; these
    are passed over when it picks, so that on the sample pages and their degraded copies a pick can only
    change from wrong to right."""
    text = ln.text
    return _full_stop(text) or text.endswith((":", ",")) or text.split(" ", 1)[0].islower() \
        or _nav_arrow(text) or (ln.words <= 8 and _ui_share(text, ui) >= 0.5) or bool(_TIME_OF_DAY.search(text)) \
        or _call_to_action(text)


def _call_to_action(text: str) -> bool:
    """A promotion of the site that speaks to the reader (furniture.kind's "promo": "Sign up for our daily
    newsletter and get …", "Folgen Sie uns auf Facebook …"), longer than the 8 words under which the
    interface-word share tells it. Not a line with a separator: a headline may announce a call after its
    topic ("Harbour Road cycle lane: have your say by 27 March"). The ranker asks it of every long line of
    the page: the first test reads the tokens the line model's `shape` has cached for the line, and only a
    line holding a promotion's word goes on to furniture.kind."""
    from briefgen.ingest import furniture

    return furniture.may_promote(text, shape(text)[0]) and _promotes(text)


@lru_cache(maxsize=1 << 12)
def _promotes(text: str) -> bool:
    from briefgen.ingest import furniture

    return not _SPLIT.search(text) and furniture.kind(text) == "promo"


_TIME_OF_DAY = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:h][0-5]\d(?![\d:])")   # 14:05, 20h30


def title_candidates(c: Cleaned) -> tuple[list[Line], list[tuple[str, int]]]:
    """The lines that may be the headline (the non-blank lines above the text and the first of it) and the
    same lines without a kicker, section or widget text glued to them (each such part a candidate of its
    own, on the line it comes from); with each candidate the part cut off and how ('' and 0 for a line)."""
    above = [ln for ln in c.lines[:c.start] if ln.kind != "blank"][-TITLE_REACH:]
    inside = [ln for ln in c.lines[c.start:c.end] if ln.kind != "blank"][:TITLE_INSIDE]
    from briefgen.ingest.linemodel import shape

    # a single word ("Home", "Share", "Politik") is never a headline (none of the sample pages' 255 is): not
    # scored; a Chinese or Japanese headline has a token per character
    lines = [ln for ln in above if 0 < ln.words <= 60 and len(shape(ln.text)[0]) >= 2]
    lines += [ln for ln in inside if len(shape(ln.text)[0]) >= 2 and not _paragraph_inside(ln.text)]
    lines += _story_heads(c)
    short = {ln.key for ln in c.lines if 0 < ln.words <= CUT_WORDS}
    starts = {t.split(" ", 1)[0] for t in short}
    texts = {ln.text for ln in c.lines if ln.words >= 3}
    cands, cuts = list(lines), [("", 0)] * len(lines)
    seen = {ln.text for ln in lines}
    for ln in lines:
        if ln.words < 4 or ln.kind not in ("text", "repeat"):
            continue
        for rest, cut, how in _cuts(ln.text, short, starts, texts):
            if rest not in seen:
                seen.add(rest)
                cands.append(replace(ln, text=rest, key=key_of(rest), words=len(WORD.findall(rest))))
                cuts.append((cut, how))
    return cands, cuts


PAGE_TOP = 2       # the first non-blank lines of a dump: a site's name and tagline, seldom the headline
STORY_REACH = 40   # non-blank lines into the text searched for a story's own headline


def _story_heads(c: Cleaned) -> list[Line]:
    """Headlines further into the text than TITLE_INSIDE, when the text seems to start in a box above the
    story (a sidebar's "About me", a cookie notice): a headline-like line with a date or byline right below
    it and two paragraphs below that, no two paragraphs in a row above it (so the story starts there)."""
    region: list[Line] = []
    para: list[bool] = []   # a paragraph the lexicons call boilerplate (a cookie notice) is no story's
    for ln in c.lines[c.start:c.end]:
        if ln.kind == "blank":
            continue
        region.append(ln)
        para.append(ln.kind in ("text", "repeat") and _paragraph_inside(ln.text))
        if len(para) >= 2 and para[-2] and para[-1] or len(region) >= STORY_REACH:
            break
    if len(para) < 2 or not (para[-2] and para[-1]) or len(region) - 2 <= TITLE_INSIDE:
        return []   # no story, or it starts right at the text's start
    run = len(region) - 2   # the text's first two paragraphs in a row
    out = []
    for j in range(TITLE_INSIDE, run):
        ln = region[j]
        if ln.kind not in ("text", "repeat") or para[j] or not _headline_like(ln):
            continue
        m = j + 1
        while m < run and region[m].kind in ("meta", "agency"):
            m += 1
        # a date or byline, then the story's paragraphs; or right below a date line (a blog's day)
        if m == run and (m > j + 1 or region[j - 1].kind == "meta"):
            out.append(ln)
    return out


TOP_REACH = 8      # solid lines from the text's start searched for its first paragraph


def _first_paragraph(solid: list[Line], start_k: int) -> int:
    """Index in `solid` of the text's first paragraph (a line of 25 tokens or several sentences) within
    TOP_REACH lines of its start `start_k`, else start_k. The line model may start a small blog's text at
    its tagline ("Old things, mended slowly") or at the post's title; the lines above the first paragraph
    are then the page's top (its name, tagline, title and date)."""
    for j in range(start_k, min(len(solid), start_k + TOP_REACH)):
        if solid[j].kind in ("text", "repeat") and _paragraph_inside(solid[j].text):
            return j
    return start_k


def _parts(cands: list[Line]) -> tuple[set[int], set[int]]:
    """Candidates that another, longer candidate ends or starts with (a headline the copy glued to a
    breadcrumb or kicker; a part cut off a line is in its line), and those longer ones."""
    by_last: dict[str, list[int]] = {}
    for k, ln in enumerate(cands):
        words = ln.text.split()
        if words:
            by_last.setdefault(words[-1], []).append(k)
            by_last.setdefault("^" + words[0], []).append(k)
    part, whole = set(), set()
    for group in by_last.values():
        if len(group) < 2:
            continue
        for a in group:
            ta = cands[a].text
            for b in group:
                tb = cands[b].text
                if len(tb) > len(ta) + 1 and (tb.endswith(ta) or tb.startswith(ta)) \
                        and cands[a].words >= 3:
                    part.add(a)
                    whole.add(b)
    return part, whole


def title_features(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]] | None = None,
                   bylined: tuple | None | bool = False) -> list[list[float]]:
    """One row of TITLE_FEATURES per candidate: shape, distance to the text, repetition, the share of its
    words that the article uses (a headline names what the text is about), the line model's opinion, the
    lines around it (a byline or date below, a short kicker above, a dek below), whether it is part of a
    longer candidate (a headline the copy glued to a kicker or breadcrumb) and what was cut off it. A part
    cut off a line shares that line's surroundings."""
    from briefgen.ingest.linemodel import shape

    cuts = cuts or [("", 0)] * len(cands)
    lines = c.lines
    body: list[str] = []
    for b in c.blocks:   # the text's first words are enough to tell what it is about
        for part in (b.items if b.kind == "list" else (b.text,)):
            body += shape(part)[0]
        if len(body) >= BODY_TOKENS:
            break
    texts = {b.text for b in c.blocks}
    counts = Counter(body)
    top_body = set(body[:150])
    common = most_common_set(counts, 30)
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    keys = Counter(ln.key for ln in nonblank)
    ui = ui_words()
    stop = _lexicon_stopwords()
    # the lines around a candidate are read past interface lines (share buttons, "Skip to content", an
    # app prompt): a headline keeps its byline and standfirst below whatever widgets a site puts between
    solid = _not_furniture(nonblank, ui)
    solid_i = [ln.i for ln in solid]
    start_k = bisect_left(solid_i, c.start)
    top_k = _first_paragraph(solid, start_k)
    own = [ln is lines[ln.i] for ln in cands]
    heads = [ln for ln, o in zip(cands, own) if o and ln.i < c.start and _headline_like(ln)]
    head_is = [ln.i for ln in heads]
    bylined = _byline_title(c) if bylined is False else bylined   # (find_header has it already)
    by_line = bylined[0] if bylined else None
    first_text = next((ln for ln in lines[c.start:c.end] if ln.kind == "text"), None)
    hand = {heads[j].i: _title_score(heads, j, first_text) / 10 for j in range(len(heads))}
    part, whole = _parts(cands)
    around: dict[int, list[float]] = {}
    n_solid = len(solid) or 1
    rows = []
    for n, ln in enumerate(cands):
        toks, local = shape(ln.text)
        ctx = around.get(ln.i)
        if ctx is None:   # the line's surroundings, shared by the parts cut off it
            k = bisect_left(solid_i, ln.i)
            after = k + 1 if k < len(solid) and solid_i[k] == ln.i else k
            nxt = solid[after] if after < len(solid) else None
            prev = solid[k - 1] if k > 0 else None
            below = 0.0   # a byline or date within four lines below: 1 right below, 1/2 one line further...
            for gap, x in enumerate(solid[after:after + 4], 1):
                if x is by_line and x is not ln:
                    break   # the byline belongs to the headline right above it (past a teaser above that)
                if x.kind in ("meta", "agency"):
                    below = 1 / gap
                    break
            ctx = around[ln.i] = [
                math.log1p(abs(start_k - k)), float(ln.i >= c.start),
                max(-8.0, min(8.0, c.logits.get(ln.i, -8.0))) / 8,
                float(ln.kind == "text"), float(ln.kind == "repeat"), float(ln.kind in ("meta", "agency")),
                float(ln.kind in ("boiler", "noise")), float(ln.kind in ("teaser", "end")),
                float(ln.kind in ("credit", "caption")),
                float(nxt is not None and nxt.kind in ("meta", "agency")),
                float(nxt is not None and nxt.kind == "text" and _lead_like(nxt)),
                float(nxt is not None and nxt.i >= c.start),
                float(prev is not None and prev.kind == "text" and prev.words <= 4),
                k / n_solid, float(ln.i == 0 or lines[ln.i - 1].kind == "blank" or _furniture(lines[ln.i - 1], ui)),
                float(nxt is not None and nxt.i < c.start and nxt.kind in ("text", "repeat") and nxt.words >= 3
                      and _headline_like(nxt)),
                float(prev is not None and prev.kind in ("text", "repeat") and prev.words >= 5
                      and _headline_like(prev)),
                float(below > 0), below,
                # a site's name and tagline stand at the top of a page with more lines above its text's
                # first paragraph
                float(k < PAGE_TOP and top_k > PAGE_TOP),
            ]
        content = [t for t in toks if t not in common and (len(t) > 2 or not t.isascii())]
        m = len(content) or 1
        # the same share with the lexicons' stop words left out instead of the text's commonest tokens: in a
        # short text those are its topic's own words, the headline's among them (a small blog's post)
        topical = [t for t in toks if t not in stop and (len(t) > 2 or not t.isascii())]
        n_ui = sum(t in ui for t in toks)
        n_toks = len(toks) or 1
        cut, how = cuts[n]
        headline = _headline_like(ln)
        rows.append([
            local[0], float(len(toks) <= 3), float(len(toks) > 25), local[5], local[6], local[9], local[10],
            local[15], local[16], local[13], ctx[0], ctx[1],
            math.log(keys[ln.key] or 1), hand.get(ln.i, -2.0) if own[n] else -2.0, float(headline),
            float(own[n] and ln is by_line), float(own[n] and ln is by_line and not headline),
            sum(t in top_body for t in content) / m, sum(t in counts for t in content) / m, *ctx[2:13],
            math.log1p(len(head_is) - bisect_right(head_is, ln.i)) if headline and ln.i < c.start else 3.0,
            float(headline and ln.i < c.start and bisect_right(head_is, ln.i) == len(head_is)),
            ctx[13], ctx[14],
            float(_credit_like(ln)), float(bool(_CLOCK.search(ln.text))), float(ln.text.endswith((")", "]"))),
            float(is_prose(ln.text)), float(ln.text in texts), ctx[15], ctx[16], ctx[17], ctx[18], local[14], local[23],
            float(n in part), float(n in whole), float(how == 1), float(how == 2), float(how == 3), float(how == 4),
            math.log1p(len(WORD.findall(cut))), float(bool(cut) and cut.upper() == cut),
            n_ui / n_toks, float(bool(toks) and toks[0] in ui),
            (n_ui + sum(t in common for t in toks)) / n_toks if n_ui else 0.0, local[8],
            float(_nav_arrow(lines[ln.i].text)), math.log1p(sum(t in counts for t in content)),
            float(_has_date(ln.text)), ctx[19],
            sum(t in counts for t in topical) / len(topical) if topical else 0.0,
        ])
    return rows


def pick_title(c: Cleaned, bylined: tuple | None | bool = False) -> tuple[Line, str] | None:
    """The candidate the headline ranker (weights in data/dump_model.json) scores highest, and the part cut
    off its line ('' for a whole line)."""
    from briefgen.ingest.linemodel import model

    weights = model().title
    cands, cuts = title_candidates(c)
    if not weights or not cands:
        return None
    w, b = weights["weights"], weights["bias"]
    rows = title_features(c, cands, cuts, bylined)
    scores = [b + sum(map(mul, w, row)) for row in rows]
    ui = ui_words()   # the best candidate that can be a headline (the ranker learnt on all of them)
    aside = _in_menus(c) | _listed_after_marker(c) | _captioned(c, max(ln.i for ln in cands) + 1) \
        | _teaser_cards(c, ui)
    best = max(range(len(cands)), key=lambda k: (not _never_headline(cands[k], ui) and cands[k].i not in aside,
                                                 scores[k]))
    alt = _on_topic_neighbour(c, cands, scores, best, ui)
    if alt is not None:
        best = alt
    alt = _below_page_top(c, cands, cuts, rows, scores, best, ui)
    if alt is not None:
        best = alt
    alt = _headline_under_kicker(c, cands, cuts, scores, best, ui, aside)
    if alt is not None:
        best = alt
    alt = _headline_over_dek(c, cands, cuts, scores, best, ui, aside)
    if alt is not None:
        best = alt
    alt = _whole_headline(c, cands, cuts, best, ui)
    if alt is not None:
        best = alt
    return cands[best], cuts[best][0]


DEK_GAP = 3.0     # the headline's score at most this far below its dek's
# a line of at most this many words over a longer one may be its kicker: left alone (the longest kicker right
# above a headline on the 255 sample pages has 7 words, tests/data's README sample's 7; a headline over its dek
# has 9 or more on the pages the rule fixes)
DEK_KICKER = 8


def _headline_over_dek(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]], scores: list[float], best: int,
                       ui: frozenset[str], aside: set[int]) -> int | None:
    """The candidate to take instead of the ranker's pick `best`, or None: a page prints its headline over its
    dek (a longer line, headline-like, no full stop), and the ranker, which scores both high, may take the dek
    when something around them changes. When the solid line right above the pick (past interface lines, and
    past a label of KICKER_WORDS words or fewer between the two: a place, a section) is a whole-line candidate
    that can be a headline, is longer than a kicker can be (DEK_KICKER words: a long kicker, "Alors que la
    Chine augmente la pression", stands over its headline as a headline over its dek) and shorter than the
    pick, is scored at most DEK_GAP below it and uses SWAP_HIGH of its content words from the article or more
    (another story's headline uses few), that line is the headline."""
    if cuts[best][0]:
        return None
    pick = cands[best]
    # past interface lines: a site may set share buttons between its headline and dek
    lines = (ln for ln in reversed(c.lines[:pick.i]) if ln.kind != "blank" and not _furniture(ln, ui))
    above = next(lines, None)
    # past a short label between the headline and its dek (a place or section: "Los Gallardos")
    if above is not None and above.words <= KICKER_WORDS:
        above = next(lines, None)
    if above is None or above.i in aside or not DEK_KICKER < above.words < pick.words:
        return None
    return _taken_instead(c, cands, cuts, scores, best, ui, above, DEK_GAP)


KICKER_GAP = 3.0   # the headline's score at most this far below its kicker's


def _headline_under_kicker(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]], scores: list[float],
                           best: int, ui: frozenset[str], aside: set[int]) -> int | None:
    """The candidate to take instead of the ranker's pick `best`, or None: the counterpart of
    `_headline_over_dek`. A line of DEK_KICKER words or fewer set right over a longer headline-like line is
    that line's kicker (an overline naming the story's topic: "Krieg in der Ukraine", "The battle over the
    debt ceiling"), as a line of more words over a longer one is a headline over its dek. The ranker learnt
    that the upper of two such lines is more often the headline (most of the sample pages that have two
    print a headline over its dek) and takes a long kicker. When the line right below a whole-line pick of
    DEK_KICKER words or fewer, with no blank line between (past interface lines; a kicker stands tight over
    its headline: the short line right above a sample page's headline has no blank line under it on 173 of
    188 pages, while a dek is set a blank line below its headline on 11 of 39), is a whole-line candidate
    that can be a headline, has more words than the pick and does not repeat it, is scored at most
    KICKER_GAP below it and uses SWAP_HIGH of its content words from the article or more (another story's
    headline uses few), that line is the headline."""
    if cuts[best][0]:
        return None
    pick = cands[best]
    if pick.words > DEK_KICKER:
        return None
    below = None
    for ln in c.lines[pick.i + 1:]:
        if ln.kind == "blank":
            return None
        if not _furniture(ln, ui):
            below = ln
            break
    if below is None or below.i in aside or below.words <= pick.words or pick.text in below.text:
        return None
    return _taken_instead(c, cands, cuts, scores, best, ui, below, KICKER_GAP)


def _taken_instead(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]], scores: list[float], best: int,
                   ui: frozenset[str], line: Line, gap: float) -> int | None:
    """The index of `line` among the candidates when it may replace the ranker's pick `best` (for
    `_headline_over_dek` and `_headline_under_kicker`): a whole-line candidate scored at most `gap` below the
    pick, that can be a headline and uses SWAP_HIGH of its content words from the article or more; else None."""
    for k, ln in enumerate(cands):
        if ln is line and not cuts[k][0] and scores[k] >= scores[best] - gap and _headline_like(ln) \
                and not _never_headline(ln, ui):
            return k if _topic_shares(c, [ln.text])[0] >= SWAP_HIGH else None
    return None


def _whole_headline(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]], best: int,
                    ui: frozenset[str]) -> int | None:
    """The candidate to take instead of the pick `best`, or None: a whole line above the text (a candidate,
    headline-like) that starts with the pick's words and goes on after a comma or semicolon ("A Beekeeper On
    Why The Hives Keep Dying, And Why She Keeps Going") is the headline the pick shortens at a clause (an
    audio player's or a list's short title). Not after a word in lower case as `_goes_on` reads it: a
    reference may keep a headline's shorter form ("… Klare Ansage" where the page also prints "… Klare
    Ansage von Profis", `de-berlinermorgenpost-2025-09-09`)."""
    pick = cands[best].text.rstrip(" .,;:")
    for k, ln in enumerate(cands):
        if k != best and not cuts[k][0] and ln.i < c.start and ln.text.startswith(pick) \
                and ln.text[len(pick):len(pick) + 1] in (",", ";") and _headline_like(ln) \
                and not _never_headline(ln, ui):
            return k
    return None


def _captioned(c: Cleaned, upto: int | None = None) -> set[int]:
    """Photo captions above a headline: a line, a credit line right under it ("Photo: Jane Doe/Reuters",
    "(Photo: AP)", "Jane Doe/AFP", as furniture.kind reads a credit), then another headline-like line. A site
    may set its lead photo and caption right above the headline, and a caption is a line on the story's
    topic that the ranker can take for a headline over its dek. A headline with its photo's credit under
    it has the text there, or itself again (the photo's caption is the headline). Passed over at the pick,
    as `_in_menus`; with `upto` (the last candidate's index + 1), only the lines above it are read."""
    from briefgen.ingest import furniture

    upto = len(c.lines) if upto is None else upto
    solid = [ln for ln in c.lines[:upto] if ln.kind != "blank"]
    solid += islice((ln for ln in c.lines[upto:] if ln.kind != "blank"), 2)   # the credit and line under the last
    # furniture.kind calls no line of more than CREDIT_WORDS tokens a credit (a line has at least as many tokens
    # as words) nor one without a credit's marks: the two gates save most of its calls
    return {a.i for a, b, h in zip(solid, solid[1:], solid[2:])
            if a.kind in ("text", "repeat", "caption") and h.key != a.key and _headline_like(h)
            and (h.kind in ("text", "repeat") or h.kind == "meta" and not _has_date(h.text))   # ("Von …": a byline?)
            and (b.kind == "credit" or b.words <= furniture.CREDIT_WORDS and furniture.may_credit(b.text)
                 and furniture.kind(b.text) == "credit")
            and not _paragraph_inside(h.text)}


CARD_LINES = 3   # a teaser card: its headline, then within this many solid lines a summary sentence and a date


def _teaser_cards(c: Cleaned, ui: frozenset[str]) -> set[int]:
    """Headlines of teaser cards above the text: two or more cards in a row, each a headline-like line, a
    sentence (its summary) and a date line (a "Top stories" strip set before the article; a story's own
    header has the same shape, once). The run's last card is the story's own header unless another
    headline-like line follows it before the text. Passed over at the pick, as `_in_menus`."""
    if not _card_shape_above(c):
        return set()
    # the solid lines (not blank, not furniture) up to the text's end, read only as far as asked: the cards
    # stand above the text, the headline after them before its first paragraph
    rest = (ln for ln in c.lines[:c.end] if ln.kind != "blank" and not _furniture(ln, ui))
    solid: list[Line] = []

    def need(n: int) -> None:
        while len(solid) < n:
            ln = next(rest, None)
            if ln is None:
                return
            solid.append(ln)

    cards: list[int] = []   # positions in `solid` of each card's headline
    j = 0
    while True:
        need(j + 1)
        if j >= len(solid) or solid[j].i >= c.start:
            break
        ln = solid[j]
        if ln.kind in ("text", "repeat") and _headline_like(ln) and not _never_headline(ln, ui):
            need(j + 1 + CARD_LINES)
            body = solid[j + 1:j + 1 + CARD_LINES]
            summary = next((m for m, x in enumerate(body) if x.sentence or _full_stop(x.text)), None)
            date_at = next((m for m, x in enumerate(body) if x.kind == "meta"), None)
            if summary is not None and date_at is not None and summary < date_at \
                    and all(not _headline_like(x) or x.sentence or x.kind != "text" for x in body[:date_at]):
                cards.append(j)
                j += date_at + 2
                continue
        j += 1
    out: set[int] = set()
    run: list[int] = []
    for k, at in enumerate(cards + [None]):
        if at is not None and run and at - run[-1] <= CARD_LINES + 1:
            run.append(at)
            continue
        if len(run) >= 2:
            last = run[-1]
            end = last + 1   # the last card's date line
            while True:
                need(end + 1)
                if end >= len(solid) or solid[end].kind == "meta":
                    break
                end += 1
            after = None   # a headline between the run and the text's first paragraph
            m = end + 1
            while True:
                need(m + 1)
                if m >= len(solid):
                    break
                x = solid[m]
                m += 1
                if x.kind in ("text", "repeat") and _paragraph_inside(x.text):
                    break
                if x.kind in ("text", "repeat") and _headline_like(x) and not _never_headline(x, ui):
                    after = x
                    break
            # the last card is another story's when the headline after it is the article's (its words)
            other = after is not None and _off_topic(c, solid[last].text, after.text)
            out.update(solid[m].i for m in (run if other else run[:-1]))
        run = [at] if at is not None else []
    return out


def _card_shape_above(c: Cleaned) -> bool:
    """Whether the lines above the text hold, in this order, a headline-like line, a sentence, a date line
    and another headline-like line: the least that a run of two cards needs (the first card whole, the second
    one's headline above the text). Most pages have no such run, and this one pass over the lines is much
    cheaper than `_teaser_cards`' reading of every line."""
    step = 0
    for ln in c.lines[:c.start]:
        if step in (0, 3):
            if ln.kind in ("text", "repeat") and _headline_like(ln):
                if step == 3:
                    return True
                step = 1
        elif step == 1:
            if ln.kind != "blank" and (ln.sentence or _full_stop(ln.text)):
                step = 2
        elif ln.kind == "meta":
            step = 3
    return False


MENU_WORDS = 3   # a menu's items: lines of at most this many words


def _in_menus(c: Cleaned) -> set[int]:
    """Lines inside a menu: the two non-blank lines before and the two after are text of MENU_WORDS words or
    fewer (a list of sections or regions; a headline's kicker, byline and date are not such a run: the
    byline and date are meta lines). Passed over at the pick, as the lines `_never_headline` tells (on the
    255 sample pages, leave-publisher-out, no pick changes from right to wrong; of their degraded copies,
    one `menu` copy, whose 30 inserted menu lines end right above a short headline)."""
    solid = [ln for ln in c.lines if ln.kind != "blank"]
    short = [ln.kind == "text" and ln.words <= MENU_WORDS for ln in solid]
    return {solid[k].i for k in range(2, len(solid) - 2)
            if short[k - 2] and short[k - 1] and short[k + 1] and short[k + 2]}


LISTED = 3   # headline-like lines in a row under a teaser marker: a list of other stories


def _listed_after_marker(c: Cleaned) -> set[int]:
    """Lines of a list of other stories' headlines: LISTED or more headline-like lines in a row (no blank
    line between) right under a line the line model marks as a teaser marker ("Related", "Read more", "More
    from …"). A "Related" box right under the headline puts its last headline over the byline, where the
    ranker looks for the headline. A line that can be no headline ("More videos »") ends the list. Passed over
    at the pick, as `_in_menus`."""
    ui = ui_words()
    out: set[int] = set()
    run: list[int] | None = None
    for ln in c.lines:
        if ln.kind == "teaser":
            run = []
            continue
        if run is not None and ln.kind in ("text", "repeat") and _headline_like(ln) and not _never_headline(ln, ui):
            run.append(ln.i)
            continue
        if run is not None and len(run) >= LISTED:
            out.update(run)
        run = None
    if run is not None and len(run) >= LISTED:
        out.update(run)
    return out


# A blog's name and tagline stand at the top of its pages, the post's title right above the post's text (in
# Blogger under the day's date, which the tagline then has right below it as a headline has its dateline).
# The ranker, which learnt from big publishers' pages, may take the tagline: at the pick, a candidate among
# the page's first lines gives way to the line right above the text's first paragraph.
TOP_GAP = 3.0    # that line's score at most this far below the pick's


def _below_page_top(c: Cleaned, cands: list[Line], cuts: list[tuple[str, int]], rows: list[list[float]],
                    scores: list[float], best: int, ui: frozenset[str]) -> int | None:
    """The candidate to take instead of the ranker's pick `best`, or None: when the pick stands among the
    page's first lines above the text (the `page_top` feature), the whole line right above the text's first
    paragraph, when it can be a headline, is scored at most TOP_GAP below the pick and the article uses as
    large a share of its words (a byline, a rating or a menu line there uses fewer)."""
    if not rows[best][_PAGE_TOP]:
        return None
    solid = _not_furniture([ln for ln in c.lines if ln.kind != "blank"], ui)
    top_k = _first_paragraph(solid, bisect_left([ln.i for ln in solid], c.start))
    if top_k == 0:
        return None
    above = solid[top_k - 1]
    for k, ln in enumerate(cands):
        if ln is above and not cuts[k][0] and ln.kind in ("text", "repeat") and scores[k] >= scores[best] - TOP_GAP \
                and _headline_like(ln) and not _never_headline(ln, ui):
            shares = _topic_shares(c, [cands[best].text, ln.text])
            return k if shares[1] >= shares[0] else None
    return None


# Another story's headline right above or below the headline (a teaser, a "Related" or "Top news" list):
# the ranker, which learnt "kicker over headline" and "headline over dek" from the samples, may take it.
# Its words are not the article's; the headline's are. At the pick, a candidate that uses few of the
# article's words gives way to a neighbour the ranker scores nearly as high that uses most of them.
SWAP_REACH = 3     # non-blank lines between the pick and the neighbour
SWAP_GAP = 3.0     # the neighbour's score at most this far below the pick's
SWAP_LOW = 0.25    # share of the pick's content words that the text uses, below which it may give way
SWAP_HIGH = 0.6    # ... to a neighbour whose share is at least this
SWAP_MARGIN = 0.3  # ... and this much more than the pick's


def _topic_shares(c: Cleaned, texts: list[str]) -> list[float]:
    """For each text, the share of its content words (not a stop word of any lexicon's language; longer
    than two letters or in a non-Latin script) that the article's first BODY_TOKENS tokens use. Stop words
    rather than the text's commonest tokens: in a short text those are its first paragraph's words, and
    in a long one its topic's (the headline's own words)."""
    body: set[str] = set()
    n = 0
    for b in c.blocks:
        for part in (b.items if b.kind == "list" else (b.text,)):
            toks = shape(part)[0]
            body.update(toks)
            n += len(toks)
        if n >= BODY_TOKENS:
            break
    stop = _lexicon_stopwords()
    out = []
    for text in texts:
        content = [t for t in shape(text)[0] if t not in stop and (len(t) > 2 or not t.isascii())]
        out.append(sum(t in body for t in content) / len(content) if content else 0.0)
    return out


def _off_topic(c: Cleaned, text: str, than: str) -> bool:
    """`than` uses SWAP_HIGH of its content words from the article or more, and SWAP_MARGIN more than
    `text` does: `text` is another story's headline, `than` the article's."""
    a, b = _topic_shares(c, [text, than])
    return b >= SWAP_HIGH and b - a >= SWAP_MARGIN


def _on_topic_neighbour(c: Cleaned, cands: list[Line], scores: list[float], best: int,
                        ui: frozenset[str]) -> int | None:
    """The candidate to take instead of the ranker's pick `best`, or None: a headline-like line within
    SWAP_REACH non-blank lines of it, scored at most SWAP_GAP below it, that can be a headline and uses
    SWAP_HIGH of its content words from the article when the pick uses under SWAP_LOW."""
    solid = [ln.i for ln in c.lines if ln.kind != "blank"]
    at = bisect_left(solid, cands[best].i)
    # within SWAP_REACH lines either way, or anywhere between the pick and the text's first line: a box of
    # other stories ("Most read", a ticker) stands above the headline, seldom between it and its text
    near = [k for k in range(len(cands)) if k != best and scores[k] >= scores[best] - SWAP_GAP
            and cands[k].text != cands[best].text
            and (abs(bisect_left(solid, cands[k].i) - at) <= SWAP_REACH or cands[best].i < cands[k].i < c.start)
            and _headline_like(cands[k]) and not _never_headline(cands[k], ui)]
    if not near:
        return None
    shares = _topic_shares(c, [cands[best].text] + [cands[k].text for k in near])
    if shares[0] >= SWAP_LOW:
        return None
    good = [k for k, s in zip(near, shares[1:]) if s >= SWAP_HIGH and s - shares[0] >= SWAP_MARGIN]
    return max(good, key=scores.__getitem__) if good else None


STANDFIRST_WORDS = 60    # a standfirst is a sentence or two
STANDFIRST_REACH = 12    # non-blank lines after the title searched (bylines, dates, photo, tools)


def _standfirst_after(c: Cleaned, title: Line) -> Line | None:
    """The first running text below the title, past bylines, dates, photo and tool lines, when it
    is short and the page sets it apart: header lines (a byline, a caption, a subhead) follow it, or
    the paragraph after it is longer."""
    seen = 0
    for ln in c.lines[title.i + 1:c.end]:
        if ln.kind == "blank":
            continue
        seen += 1
        if seen > STANDFIRST_REACH or ln.kind in ("end", "teaser"):
            return None
        if ln.kind == "text" and _lead_like(ln) and not _credit_like(ln) and not _is_caption(c.lines, ln.i) \
                and not PHOTOGRAPHER.search(ln.text):
            return ln if ln.words <= STANDFIRST_WORDS and _set_apart(c, ln) else None
    return None


def _set_apart(c: Cleaned, ln: Line) -> bool:
    nxt = next((x for x in c.lines[ln.i + 1:c.end] if x.kind != "blank"), None)
    return nxt is not None and (not nxt.sentence or ln.words < nxt.words)


def _past_site(title: str) -> str:
    """'Headline | site.de' (a document title copied into the page): the headline. A headline itself rarely
    holds ' | ' (1 of the 255 sample pages' references, in its middle)."""
    rest = SITE_SUFFIX.sub("", title).strip()
    return rest if rest != title and len(WORD.findall(rest)) >= 3 else title


def _colon_kicker(c: Cleaned, title: str) -> str | None:
    """The part before the colon of "Kicker: Title" when the page also shows the words without it
    ("Kicker Title", the kicker and headline in separate spans copied as one line)."""
    head, _, rest = title.partition(":")
    flat = " ".join(WORD.findall(title))
    if not rest.strip() or len(head.split()) > 6:
        return None
    for ln in c.lines:
        if ln.kind != "blank" and ":" not in ln.text and " ".join(WORD.findall(ln.text)) == flat:
            return head.strip()
    return None


def _past_breadcrumb(title: str) -> str:
    """'You are here: Home » Section » Headline' (a breadcrumb trail ending in the headline): the headline."""
    parts = BREADCRUMB.split(title)
    return parts[-1].strip() if len(parts) >= 3 and len(parts[-1].split()) >= 2 else title


def _kicker(c: Cleaned, title: Line) -> str | None:
    """The short line right above the title (no other line between): an overline, not a menu item."""
    prev = next((ln for ln in reversed(c.lines[max(0, title.i - 3):title.i]) if ln.kind != "blank"), None)
    if prev is None or prev.kind != "text" or prev.sentence or prev.words > 12 or GLUED.search(prev.text):
        return None
    return prev.text.rstrip(" –-:") or None


def _punctuated_title(c: Cleaned, h: Header) -> None:
    """A kicker and a title copied as one line ("Kicker Title"): the page shows the same words elsewhere
    as "Kicker: Title" (its document title, a share line). That form is the headline, its prefix the kicker."""
    words = WORD.findall(h.title or "")
    if not words:
        return
    flat, colons, last = " ".join(words), (h.title or "").count(":"), words[-1]
    for ln in c.lines:
        if ln.kind == "blank" or last not in ln.text or ln.text.count(":") <= colons:
            continue
        text = SITE_SUFFIX.sub("", ln.text).strip()   # "Kicker: Title | site.de", the document title
        head, _, rest = text.partition(":")
        if " ".join(WORD.findall(text)) == flat and rest.strip() and len(head.split()) <= 6:
            h.title, h.kicker = text, head.strip()
            return


def _is_byline(ln: Line) -> bool:
    lex = lexicon()
    return ln.kind == "meta" and ln.words <= 12 and not ln.text.rstrip().endswith(".") and \
        (matches(ln.key, lex.author, extra_words=10) or ln.key.startswith(("autor ", "autorin ")))


def _byline_title(c: Cleaned) -> tuple[Line, Line | None] | None:
    """(headline, standfirst or None) right above the article's byline: a page prints its own headline
    (and standfirst or dek) over "By X" / "von X" / "par X" / "di X". The byline is the last one before
    the main text, else the first inside it (teasers below carry bylines too). Date lines, photo
    credits and captions may stand between."""
    lo = max(0, c.start - HEADER_WINDOW)
    hi = min(len(c.lines), c.start + META_WINDOW)
    bylines = [ln for ln in c.lines[lo:hi] if _is_byline(ln)]
    before = [ln for ln in bylines if ln.i <= c.start]
    by = before[-1] if before else (bylines[0] if bylines else None)
    if by is None:
        return None
    above = [ln for ln in reversed(c.lines[lo:by.i])
             if ln.kind not in ("blank", "meta", "noise", "credit", "caption") and not _credit_like(ln)][:2]
    if len(above) == 2 and (_lead_like(above[0]) or (_byline_headline(above[0]) and above[0].words >= DEK_WORDS)) \
            and _byline_headline(above[1]) and KICKER_WORDS < above[1].words < above[0].words:
        # headline and standfirst (or dek); a line that repeats the headline after a kicker is no dek
        return above[1], None if above[1].text in above[0].text else above[0]
    if above and _byline_headline(above[0]):
        below = next((ln for ln in c.lines[by.i + 1:c.start] if ln.kind not in ("blank", "meta", "noise")), None)
        return above[0], below if below is not None and _lead_like(below) else None
    return None


def _credit_like(ln: Line) -> bool:
    return _credit_like_text(ln.text)


@lru_cache(maxsize=1 << 14)
def _credit_like_text(text: str) -> bool:
    return "©" in text or "@" in text or bool(lexicon().rights.search(text)) \
        or credit_at_end(text) \
        or bool(CREDIT_LABEL.search(text))


def _byline_headline(ln: Line) -> bool:
    return ln.kind in ("text", "repeat") and 3 <= ln.words <= 40 \
        and not ln.text.endswith((",", ":", ".", ")", "-", "–", "—")) \
        and (ln.text[:1].isupper() or not ln.text[:1].isalpha()) and not GLUED.search(ln.text) \
        and is_prose(ln.text)


def _lead_from_body(c: Cleaned, skip: int = 0) -> str | None:
    """The main text's first paragraph is a lead when meta lines (date, byline, credit) follow it."""
    if len(c.blocks) <= skip or c.blocks[skip].kind != "paragraph":
        return None
    texts = [ln for ln in c.lines[c.start:c.end] if ln.kind == "text" and ln.sentence][skip:]
    first = texts[0] if texts else None
    if first is None or first.text != c.blocks[skip].text:
        return None
    after = [ln for ln in c.lines[first.i + 1:first.i + 8] if ln.kind != "blank"]
    if after and after[0].kind in ("meta", "credit", "agency", "noise", "boiler") or \
            (len(after) > 1 and after[0].kind == "text" and after[1].kind == "credit"):
        return first.text
    return None


def _meta_lines(c: Cleaned) -> list[Line]:
    lo = max(0, c.start - HEADER_WINDOW)
    hi = min(len(c.lines), c.start + META_WINDOW)
    return [ln for ln in c.lines[lo:hi] if ln.kind in ("meta", "agency", "text", "credit")]


def _too_late(found: datetime, ref: date | None) -> bool:
    try:
        dates.check(found, ref)
    except dates.DateError:
        return True
    return False


DATE_LINE_WORDS = 8      # a line of at most this many words around a date is a date line, not a caption
SLOW_CANDIDATES = 4      # short lines per page that dateparser may read when the regexes found no date


DATE_LINE_OTHER = 4      # ... or one with at most this many other words ("April 26, 2024 at 11:24 a.m. EDT")


def _bare_date(text: str) -> bool:
    """A date line with a slashed date ("03/02/2011", "03/02/2011 10:15", "Posted 11/14/2019 by admin"):
    the cleaner reads its slashes as a credit's ("APA/AFP/Name"); a credit has no full date."""
    return dates.other_words(text) <= DATE_LINE_OTHER and dates.has_day(text)


def _utc(d: datetime) -> bool:
    return d.tzinfo is not None and d.utcoffset() == timedelta(0)


def _date_line_like(ln: Line) -> bool:
    """A line that is a date line rather than a sentence or caption holding a date: short, or little
    but the date, its time and zone (words with a digit, month names and words of one or two letters
    aside)."""
    return ln.words <= DATE_LINE_WORDS or dates.other_words(ln.text) <= DATE_LINE_OTHER


YEARLESS_OTHER = 1   # other words of a date line without a year the cleaner left as text ("Mon 3 Mar 10:15")


def _yearless_line(ln: Line) -> bool:
    """A short line of text that is a date without its year and little else ("Mon 3 Mar 10:15", "Posted
    on 3 March by admin"): the cleaner reads no date in it, so it is left as text. Read only against the
    dump's `date` line, which gives the year."""
    return ln.kind == "text" and ln.words <= DATE_LINE_WORDS and _DIGIT.search(ln.text) is not None and \
        (dates.other_words(ln.text) <= YEARLESS_OTHER or dates.date_label(ln.text) == "published") and \
        not dates.has_day(ln.text)


def find_dates(c: Cleaned, ref: date | None, lang: str | None = None,
               title: str | None = None) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from the meta lines near the top; DateError for impossible dates.

    Numeric dates are read in the page's own order when another date on it settles it, else by the
    dump's day and the locale of `lang` (dates.parse). The `date` line's day is the publication day (a
    date printed on it gives the time) unless the page's header date is more than LINE_SLACK days
    before it (an older page copied later): then the first labelled one ("Publié …") or the first date
    line of its own; a date inside a longer line (a photo legend "Archive (16.08.2024): …") counts only
    when there is no `date` line to fall back on. In a language without a lexicon, short
    lines the regexes cannot read go to dateparser ("2 часа назад"). An impossible date ("31.02.2024")
    is an error when it stands on a date line of its own and the page has no other date; inside a longer
    line, or beside a real date, it is ignored."""
    lex = lexicon()
    lines = _meta_lines(c)
    # (a slashed "Published on 11/06/2009" is a credit to the cleaner: its order counts too)
    order = dates.page_order((ln.text for ln in lines if ln.kind in ("meta", "credit")), lang)
    found_pub: list[tuple[datetime, bool, Line]] = []
    updated = None
    impossible: dates.DateError | None = None
    for ln in lines:
        yearless = ln.kind == "meta" or (ref is not None and _yearless_line(ln))
        if not yearless and not (ln.kind == "credit" and _bare_date(ln.text)):
            # ("03/02/2011" alone reads as a credit "APA/AFP/Name" to the cleaner: a date here); a date line
            # with a two-digit year ("2/26/15", "26.02.15, 10:30 Uhr"), which the cleaner does not read
            # ("Do 25.04.24 | 14:07 Uhr | Von Eva Muster": its byline part set apart by a bar is no caption's words)
            text = _without_byline_parts(ln.text)
            full = dates.with_full_year(text, ref) if len(WORD.findall(text)) <= DATE_LINE_WORDS else None
            if full is None or dates.other_words(full) > DATE_LINE_OTHER:
                continue
            ln = replace(ln, text=full)
        label = dates.date_label(ln.text)   # data/date_labels.toml: labels of languages the lexicons lack
        if label == "member" or _nav_arrow(ln.text):
            continue   # a poster's "Joined: …", "Mitglied seit …"; a link to another post ("« Older post (…)")
        is_update = matches(ln.key, lex.updated, extra_words=16) or label == "updated"
        prefixed = is_update or matches(ln.key, lex.published, extra_words=12) or label == "published"
        try:
            found = dates.parse(ln.text, ref, slow=prefixed and ln.kind == "meta", lang=lang, order=order,
                                yearless=yearless)
        except dates.DateError as exc:
            if prefixed or _date_line_like(ln):
                impossible = impossible or exc
            continue   # a stray impossible date in a longer line (a score, a code) is no date
        if found is None:
            continue
        if not prefixed and _too_late(found, ref):
            continue   # "available until…", an event date: not when the page was published
        if is_update:
            updated = updated or found
        else:
            found_pub.append((found, prefixed, ln))
    if not found_pub and ref is not None and lang and lang not in LANGS:
        found_pub = _slow_dates(lines, ref, lang)
    if ref is not None:   # a date below paragraphs of the text belongs to an embedded teaser
        found_pub = [f for f in found_pub if _in_header(c, f[2]) or abs((f[0].date() - ref).days) <= 1]
    found_pub = _outside_lists(c, found_pub, ref)
    if ref is not None and title and not any(abs((f[0].date() - ref).days) <= 1 for f in found_pub):
        # none on the `date` line's day: a date printed above the headline inside a phrase ("Sitzung vom 8. Mai
        # 2012", "Meeting of May 8, 2012": an event's, not the page's) is no word against the `date` line
        head = next((ln.i for ln in c.lines[:c.start + 1] if ln.text == title), None)
        if head is not None:
            found_pub = [f for f in found_pub if f[1] or f[2].i > head or not _event_date(f[2].text, lang)]
    published = _choose(found_pub, ref, c.start)
    if ref is None and not any(f[2].i <= c.start for f in found_pub):
        # no `date` line and no full date above the text: a date without its year above it ("Mon 3 Mar
        # 10:15") before one inside or below it (a comment's, a teaser's), which gives it its year
        published = _yearless_by_other_dates(c, lines, lang, order) or published
    if published is None and updated is None:   # a press release or wire story: "SALEM, Ore., April 12, 2016 –"
        first = [ln for ln in c.lines[c.start:c.start + DATELINE_LINES] if ln.kind == "text"][:2]   # a dek first
        published = next((d for ln in first if (d := dates.dateline(ln.text, lang, order)) is not None), None)
    if published is None and updated is None and ref is None:
        published = _date_anywhere(c, lang, order)
    elif (ref is None and found_pub or ref is not None and updated is None) \
            and not any(prefixed or _date_line_like(ln) for _, prefixed, ln in found_pub):
        # the dates by the header, if any, all stand inside longer lines (photo captions: "Tanks at the front near
        # Bakhmut, April 24, 2023"): a date line labelled as the publication's anywhere on the page ("Datum
        # 28.04.2023" in a box below the text, "Publisert: 05.08.24 kl. 14:47") is the page's word on its date;
        # beside a `date` line only when it is days before it (a page saved later), as a header date would be
        labelled = _date_anywhere(c, lang, order, labelled=True)
        if labelled is not None and (ref is None or (ref - labelled.date()).days > LINE_SLACK):
            published = labelled
    if ref is None and published is not None and found_pub and \
            not any(prefixed or ln.i <= c.start for _, prefixed, ln in found_pub):
        # no `date` line and only unlabelled dates below the headline (readers' comments' stamps, a teaser's): a
        # line above them that labels its date as the publication ("This entry was posted on …", the post's
        # footer over its comments) is the post's own
        first = min(ln.i for _, _, ln in found_pub)
        labelled = _date_anywhere(c, lang, order, labelled=True, line=True)
        if labelled is not None and labelled[1].i < first:
            published = labelled[0]
    if published is None and updated is not None and (ref is None or (ref - updated.date()).days > LINE_SLACK):
        # only a last update ("Stand: …") and no `date` line, or one days after it (a page saved later):
        # the article is from that day at the latest, and the update's day is the page's own word
        published, updated = updated, None
    if ref is not None and published is not None and (ref - published.date()).days <= LINE_SLACK:
        # the `date` line is the publication day as the collector knows it: a date printed near it (a
        # dateline's, an update's, dateparser's) gives at most its time on that day, never another day
        published = _on_line_day(published, ref)
    if impossible is not None and published is None and updated is None and ref is None:
        raise impossible   # the page's only date line is impossible: reported, not replaced
    if ref is not None:
        dates.check(datetime(ref.year, ref.month, ref.day), None)
        # with a `date` line, a printed date after its day (a labelled "Published"/"Updated" one: an update
        # made after the article's day, a misread) or before the web is no reason to refuse the page: the
        # date line stands (an impossible date line of the page's own, likewise)
        published, updated = (None if d is None or _too_late(d, ref) else d for d in (published, updated))
    for d in (published, updated):
        if d is not None:
            dates.check(d, ref)
    return published, updated


PART_MARK = re.compile(r"\s+[|·•]\s+")   # the marks that set a date line's parts apart


def _without_byline_parts(text: str) -> str:
    """A date line without the parts set apart by a bar that are a byline ("Von Eva Muster", "By Ann Carter":
    the lexicons' author words), so that its date, time and zone are all that is counted."""
    parts = PART_MARK.split(text)
    if len(parts) < 2:
        return text
    author = lexicon().author
    kept = [p for p in parts if not matches(key_of(p), author, extra_words=4)]
    return " | ".join(kept) if kept and len(kept) < len(parts) else text


def _event_date(text: str, lang: str | None) -> bool:
    """A date that a phrase names: words before it that end without a mark ("Sitzung vom 8. Mai 2012",
    "Concert on 8 May 2012"), other than a weekday's name ("TORSDAG 8 JANUARI 2026"); a kicker's or a
    weekday's mark ("Politik, 8. Mai 2012", "Wed, Oct 16, 2024", "Politik | 08.05.2012") or a date that
    opens its line is a date line's."""
    try:
        span = dates._find_day_span(text, None, lang)
    except dates.DateError:
        return False
    before = text[:span[0]].strip() if span else ""
    if not before or not before[-1].isalpha():
        return False
    words = set(re.findall(r"[^\W\d_]+", before.casefold()))
    return not words <= _weekdays(lang)


@cache
def _weekdays(lang: str | None) -> frozenset[str]:
    """The weekday names of a language (CLDR, wide and abbreviated, casefolded), with English's."""
    from babel import Locale, UnknownLocaleError

    out: set[str] = set()
    for code in {"en", lang or "en"}:
        try:
            days = Locale.parse(code).days
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in days.get(context, {}).get(width, {}).values():
                    out.update(re.findall(r"[^\W\d_]+", name.casefold()))
    return frozenset(out)


ANYWHERE_WORDS = 25   # a line longer than this is running text, whatever date it holds


def _date_anywhere(c: Cleaned, lang: str | None, order: str | None, labelled: bool = False,
                   line: bool = False) -> datetime | tuple[datetime, Line] | None:
    """No `date` line and no date by the header: a date line anywhere on the page, the nearest to the
    text's start (an old blog prints "This entry was posted on Thursday, March 3rd, 2011 at 10:15 pm and
    is filed under News." below its post): a line the cleaner reads as a date line, one labelled as the
    publication ("posted on"), or little but a date; none of a dated list (comments, recent posts), no
    member's or update's date, or None: a page that gives its brief rather than none. `labelled`: only a
    line labelled as the publication's; `line`: (the date, its line)."""
    found = []
    for ln in c.lines:
        if ln.kind not in ("meta", "text", "credit"):
            continue
        if ln.words > ANYWHERE_WORDS:
            # the footer's first sentence ("This entry was posted on Thursday, June 14th, 2012 at 8:15 pm and is
            # filed under News.") followed by another ("You can follow any responses …"): that sentence alone
            head = _dated_sentence(ln.text)
            if head is None:
                continue
            ln = replace(ln, text=head)
        if not dates.has_day(ln.text):
            # a labelled date line with a two-digit year ("Publisert: 05.08.24 kl. 14:47" below the text)
            full = dates.with_full_year(ln.text) if _DIGIT.search(ln.text) \
                and dates.date_label(ln.text) == "published" else None
            if full is None:
                continue
            ln = replace(ln, text=full)
        label = dates.date_label(ln.text) or _label_after(ln.text)
        if labelled and label != "published":
            continue
        if label in ("member", "updated") or not (ln.kind == "meta" or label == "published" or dates.other_words(
                ln.text) <= DATE_LINE_OTHER or dates.counts_comments(ln.text)):   # a post's footer counts its comments
            continue
        try:
            d = dates.parse(ln.text, None, lang=lang, order=order)
        except dates.DateError:
            continue
        if d is not None and not _too_late(d, None):
            found.append((d, label == "published", ln))
    found = _outside_lists(c, found, None)
    best = min(found, key=lambda f: abs(f[2].i - c.start)) if found else None
    if best is None:
        return None
    return (best[0], best[2]) if line else best[0]


# a sentence ends after a word (not after a day's number: "14. Juni 2012") and the next begins with a capital
SENTENCE_END = re.compile(r"(?<=[^\W\d_][.!?])\s+(?=[A-ZÀ-ÖØ-Þ])")


def _dated_sentence(text: str) -> str | None:
    """The first sentence of a longer line when it holds a date under a publication label and is short
    enough for a date line anywhere, else None."""
    head = SENTENCE_END.split(text, maxsplit=1)[0]
    if head == text or len(WORD.findall(head)) > ANYWHERE_WORDS or not dates.has_day(head):
        return None
    return head if (dates.date_label(head) or _label_after(head)) == "published" else None


def _label_after(text: str) -> str | None:
    """The label of a date that follows it ("Dieser Eintrag wurde am 3. März 2011 veröffentlicht")."""
    try:
        span = dates._find_day_span(text)
    except dates.DateError:
        return None
    return dates.date_label(text[span[2]:]) if span else None


def _yearless(text: str) -> bool:
    """A text with a date printed without its year ("26. April", "Mon 3 Mar 10:15")."""
    return dates.yearless_date(text, YEARLESS_PROBE, after=True) is not None


YEARLESS_PROBE = date(2000, 6, 15)   # any day: is there a date without its year at all


def _yearless_by_other_dates(c: Cleaned, lines: list[Line], lang: str | None, order: str | None) -> datetime | None:
    """Without a `date` line: the first date above the text printed without its year, in the year that puts it
    nearest the page's nearest full date (a comment's, a teaser's, a caption's), not after it when it
    stands below ("30 Dec" above a comment of "Jan 2, 2012" is 2011's), or None."""
    ln = next((ln for ln in lines if (ln.kind == "meta" or _yearless_line(ln)) and ln.i <= c.start
               and dates.date_label(ln.text) not in ("member", "updated")
               and dates.yearless_date(ln.text, YEARLESS_PROBE, lang, after=True) is not None), None)
    if ln is None:
        return None
    for other in sorted((x for x in c.lines if x is not ln and _DIGIT.search(x.text)), key=lambda x: abs(x.i - ln.i)):
        try:
            found = dates.parse(other.text, None, lang=lang, order=order)
        except dates.DateError:
            continue
        if found is not None:   # a date below it (a comment's) is later: the year not after it
            return dates.yearless_date(ln.text, found.date(), lang, after=other.i < ln.i)
    return None


HEADER_PARAGRAPHS = 2    # a date line after more running paragraphs of the text than this is not the header's


def _in_header(c: Cleaned, ln: Line) -> bool:
    if ln.i <= c.start:
        return True
    return sum(1 for x in c.lines[c.start:ln.i] if x.kind == "text" and x.sentence) <= HEADER_PARAGRAPHS


def _choose(found: list[tuple[datetime, bool, Line]], ref: date | None, start: int = 0) -> datetime | None:
    """The publication date among the dates near the header. With a `date` line (the publication day as
    the collector knows it): the first on its day; else, with one a day off or a few days before it, the
    `date` line's day; else (a page copied long after it appeared), and
    without a `date` line, the page's header date: one above the text before one inside it, then a
    labelled date, a date line of its own, a date in a longer line, and the nearest to the text's start
    (teaser dates stand further up or down). A relative date ("vor 2 Std.") counts from the `date`
    line's day, so it comes only without an absolute one."""
    if not found:
        return None
    absolute = [f for f in found if dates.has_day(f[2].text) or _yearless(f[2].text)]
    if absolute and len(absolute) < len(found):
        # "vor 2 Std." counts from the `date` line's day: the page's own date comes first (a day and month
        # without the year too: "26. April" beside "vor 14 Minuten" on a page saved months later)
        found = absolute
    if ref is not None:
        same = next((d for d, _, _ in found if d.date() == ref), None)
        if same is not None:
            return same
        # The `date` line is the publication day as the collector knows it: a date printed a day off it
        # (labelled or not: an edition, broadcast or teaser date, a local day against a UTC one, "1 day
        # ago" counted from the line) or a few days before it does not move the day.
        near = next((d for d, _, _ in found if abs((d.date() - ref).days) <= 1), None)
        if near is not None:
            return _on_line_day(near, ref)
        # Only a header date of the page's own (teasers' and comments' are gone: _in_header, _outside_lists)
        # printed more than a few days before it: the line was written when an older page was copied, and
        # the page's date is the article's.
        found = [f for f in found if (ref - f[0].date()).days > LINE_SLACK]
        if not found:
            return datetime(ref.year, ref.month, ref.day)

    def rank(f: tuple[datetime, bool, Line]) -> tuple[int, int]:
        _, prefixed, ln = f
        return ln.i > start, (0 if prefixed else 1 if _date_line_like(ln) else 2), abs(ln.i - start)
    best, prefixed, ln = min(found, key=rank)
    if not prefixed:
        # of two dates printed together, the earlier is the publication date unless a label says otherwise
        # (an update under a label no lexicon knows: "12.03.2024 | 13.03.2024, 10:00")
        pair = [d for d, _, x in found if abs(x.i - ln.i) <= DATE_PAIR_LINES and (x.i > start) == (ln.i > start)
                and _date_line_like(x) and d.replace(tzinfo=None) < best.replace(tzinfo=None)]
        if pair:
            return min(pair, key=lambda d: d.replace(tzinfo=None))
    return best


LIST_REACH = 4        # lines between the dates of a dated list (dates.listed)
LIST_BREAK_WORDS = 12  # a sentence this long between two dates is running text: they are no one list


def _outside_lists(c: Cleaned, found: list[tuple[datetime, bool, Line]], ref: date | None) -> list[tuple[datetime, bool, Line]]:
    """The dates that are not items of a dated list: a sidebar's recent posts, teaser cards, readers'
    comments (dates.listed: the headline and running text break a list): none of them is the article's
    day, so a page whose only dates they are has no date of its own (the `date` line's day, or an
    error asking for one). A date on the `date` line's day stays."""
    if len(found) < 3:
        return found
    lo, hi = min(f[2].i for f in found), max(f[2].i for f in found)
    breaks = [c.start] + [ln.i for ln in c.lines[lo:hi] if ln.kind == "text" and ln.sentence and ln.words >= LIST_BREAK_WORDS]
    # a date line that counts the post's comments is the post's own, never an item of their list
    items = dates.listed([(f[2].i, f[0].date()) for f in found if not dates.counts_comments(f[2].text)],
                         LIST_REACH, breaks)
    return [f for f in found if (ref is not None and f[0].date() == ref) or f[2].i not in items]


LINE_SLACK = 3   # days: a printed date this near before the dump's `date` line gives no other day than the line's


def _on_line_day(d: datetime, ref: date) -> datetime:
    """The `date` line's day: with the time and zone of a date printed on that day, else the day alone (a
    time printed on another day is another moment: "2024/12/04 00:05" JST under `date 2024-12-03` is the
    3rd in UTC, and 00:05 on the 3rd would be a day off)."""
    return d if d.date() == ref else datetime(ref.year, ref.month, ref.day)


DATELINE_LINES = 4    # lines from the text's start searched for its first paragraph's dateline
DATE_PAIR_LINES = 2   # lines apart: a date and its update printed together


def _slow_dates(lines: list[Line], ref: date, lang: str) -> list[tuple[datetime, bool, Line]]:
    out = []
    tried = 0
    for ln in lines:
        if ln.kind not in ("meta", "text") or ln.words > DATE_LINE_WORDS or not _DIGIT.search(ln.text):
            continue
        tried += 1
        found = dates.parse_any(ln.text, ref, lang)
        if found is not None and not _too_late(found, ref):
            out.append((found, False, ln))
            break
        if tried >= SLOW_CANDIDATES:
            break
    return out


def find_agency(c: Cleaned) -> str | None:
    texts = [ln.text for ln in _meta_lines(c) if ln.kind in ("agency", "meta")
             or (ln.kind == "text" and ln.i < c.start and not ln.sentence and ln.words <= 6)]
    paras = [b.text for b in c.blocks if b.kind == "paragraph"]
    if paras:
        texts += _PAREN.findall(paras[0][:200]) + _PAREN.findall(paras[-1][-60:])
    texts += [ln.text for ln in c.lines[c.end:c.end + 5] if ln.kind == "agency"]
    for text in texts:
        for name, rx in AGENCIES:
            if rx.search(text):
                return name
    return None


def find_author(c: Cleaned) -> str | None:
    lex = lexicon()
    for ln in _meta_lines(c):
        if ln.kind != "meta" or ln.words > 14:
            continue
        first = ln.key.split(" ", 1)[0]
        if first in lex.author or first in ("autor", "autorin"):
            name = re.sub(r"^\s*\S+\s*:?\s*", "", ln.text).strip()
            return name or None
    return None


def _credit_text(text: str) -> str | None:
    return re.sub(r"^\s*[\w ]{1,20}?\s*[:|]\s*", "", text, count=1).strip() or None


def find_image(c: Cleaned) -> tuple[str | None, str | None]:
    lo = max(0, c.start - HEADER_WINDOW)
    for ln in c.lines[lo:c.end]:
        if ln.kind == "caption":
            m = TRAILING_CREDIT.search(ln.text) or INLINE_CREDIT.search(ln.text)
            if m is None:   # "Legende: <caption>", or a caption whose credit is the next line
                nxt = next((n for n in c.lines[ln.i + 1:ln.i + 3] if n.kind != "blank"), None)
                credit = _credit_text(nxt.text) if nxt is not None and nxt.kind == "credit" else None
                return re.sub(r"^\s*\w+\s*:\s*", "", ln.text).strip() or None, credit
            credit = re.sub(r"^[.!?»”)\s(]+|\)$", "", m.group(0)).strip()
            credit = re.sub(r"^\w+\s*:\s*", "", credit) if ":" in credit[:12] else credit
            return ln.text[:m.start()].strip() + ln.text[m.start():m.start() + 1].strip(" (") or None, credit
        if ln.kind != "credit":
            continue
        credit = _credit_text(ln.text)
        prev = next((p for p in reversed(c.lines[lo:ln.i]) if p.kind != "blank"), None)
        caption = prev.text if prev is not None and prev.kind == "text" and 5 <= prev.words <= 45 else None
        return caption, credit
    return None, None


def is_boilerplate_line(text: str) -> bool:
    """For other extractors (HTML): a line the lexicons say is not article text."""
    lex = lexicon()
    key = key_of(text)
    return matches(key, lex.drop, 2) or matches(key, lex.teaser, 2) or matches(key, lex.end, 3)
