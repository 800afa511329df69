"""Clean a page dump: find the article among menus, teasers and footers, and split it into blocks.

1. Each line gets a kind from one small `handle_<kind>` (noise, credit, meta, agency, boilerplate,
   teaser marker, end marker, text) and text lines a shape (sentence or headline-like).
2. The main region is the run of lines with the highest score (maximum-sum subarray): running
   sentences score their word count, short headline-like lines and boilerplate score below zero, so
   menus and link lists fall outside and short teaser blocks inside are crossed.
3. Inside it, one walk drops teaser blocks (a marker and its headline lines, or two headline lines
   or more in a row), captions and credits, keeps single headline lines as subheads, and cuts at the
   first end-of-article marker.
No rule knows any page: only line shape, position, repetition and the lexicons of lang/*.toml.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from briefgen.ingest import dates, furniture, linemodel
from briefgen.ingest.patterns import (
    AGENCY_LINE,
    NOISE_LINE,
    TERMINAL,
    TOKEN,
    WORD,
    credit_at_end,
    ends_sentence,
    has_fold,
    key_of,
    lexicon,
    matches,
    social_count,
    strip_screen_reader,
)
from briefgen.model import Block

log = logging.getLogger(__name__)

# Line kinds, and the score each adds to a region (text lines score by shape, see _score).
PENALTY = {"noise": -2, "credit": -3, "meta": -3, "agency": -2, "boiler": -4, "teaser": -8, "end": -25,
           "caption": -1, "repeat": -3}
LIST_ITEM = re.compile(r"^\s*(?:[•·▪◦*–-]|\d{1,2}[.)])\s+(?=\S)")
CREDIT_START = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
COMMENTS = re.compile(r"\b(?:commentaires?|kommentare?|comments?|commenti|réactions?|leserbriefe)\b", re.IGNORECASE)
COMMENT_COUNT = re.compile(r"^\d+\s+(?:commentaires?|kommentare?|comments?|commenti|réactions?|reactions?)$")
DURATION = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")   # "01:48 min": a video player's label
COPYRIGHT_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
SLASH_CREDIT = re.compile(r"^[\w.&'’ -]{2,40}(?:\s?/\s?[\w.&'’ -]{2,40}){1,3}$")
MEDIA_LINE = re.compile(r"\|\s*(?:mehr|more|plus|audio|video|galerie|bilder|podcast)\s*$|\b\d{1,2}:\d{2}\s*min\b"
                        r"|\b(?:video|audio) (?:starten|abspielen|abbrechen)\b"
                        # reading time: "Lesezeit: 3 Min.", "3 minuti di lettura", "5 min read"
                        r"|^(?:lesezeit|lesedauer|temps de lecture|tempo di lettura|reading time)\b"
                        r"|^\d+\s*(?:min\.?|minuten|minuti|minutes?)\s*(?:de lecture|di lettura|read|lesezeit)\b"
                        r"|^\d+ (?:of|von|sur|di) \d+\b"
                        r"|\s[–-]\s*(?:video|vidéo|audio|podcast|galerie|gallery|fotostrecke|bildergalerie)\s*$",
                        re.IGNORECASE)
# MEDIA_LINE's alternatives apart, for media_line(): each searched only where the line holds a character or
# word every match of it needs; those that open with "^" as one pattern tried at the start only.
_MEDIA_BAR = re.compile(r"\|\s*(?:mehr|more|plus|audio|video|galerie|bilder|podcast)\s*$", re.IGNORECASE)
_MEDIA_MIN = re.compile(r"\b\d{1,2}:\d{2}\s*min\b", re.IGNORECASE)
_MEDIA_PLAYER = re.compile(r"\b(?:video|audio) (?:starten|abspielen|abbrechen)\b", re.IGNORECASE)
_MEDIA_START = re.compile(r"(?:lesezeit|lesedauer|temps de lecture|tempo di lettura|reading time)\b"
                          r"|\d+\s*(?:min\.?|minuten|minuti|minutes?)\s*(?:de lecture|di lettura|read|lesezeit)\b"
                          r"|\d+ (?:of|von|sur|di) \d+\b", re.IGNORECASE)
_MEDIA_DASH = re.compile(r"\s[–-]\s*(?:video|vidéo|audio|podcast|galerie|gallery|fotostrecke|bildergalerie)\s*$",
                         re.IGNORECASE)


def media_line(text: str) -> bool:
    """bool(MEDIA_LINE.search(text)), faster (tests/unit/ingest/test_fast_paths.py): a line's first sight
    tried every alternative at every character."""
    if "|" in text and _MEDIA_BAR.search(text) or ":" in text and _MEDIA_MIN.search(text) \
            or _MEDIA_START.match(text) or ("-" in text or "–" in text) and _MEDIA_DASH.search(text):
        return True
    if " " not in text:
        return False
    low = text.lower()
    return ("video " in low or "audio " in low or has_fold(text)) \
        and _MEDIA_PLAYER.search(text) is not None


@dataclass
class Line:
    i: int
    text: str
    key: str
    words: int
    kind: str = "text"
    sentence: bool = False
    rule: int = 0   # the hand rules' vote (lexicon-based, see rule_votes): 0 outside, 1 dropped, 2 kept


@dataclass
class Cleaned:
    lines: list[Line]
    start: int                      # main region [start, end)
    end: int
    blocks: list[Block]
    images: list[tuple[str | None, str | None]] = field(default_factory=list)   # (caption, credit)
    lead_index: int | None = None   # index of the line taken as lead, when the region opens with one
    logits: dict[int, float] = field(default_factory=dict)   # the line model's log-odds, by line index
    cells: dict[str, tuple[str, ...]] = field(default_factory=dict)   # see tab_cells


def tab_cells(text: str) -> dict[str, tuple[str, ...]]:
    """The cells of the dump's lines that hold several: Chromium's innerText puts a tab between the cells
    of a table row, which `tidy` makes a space. By the line's tidied text, for the headline ranker: an old
    layout table sets the headline's cell beside a menu's last link or a cell of tools ("Title\tPDF\tPrint").
    The line model's input is not changed."""
    if "\t" not in text:
        return {}
    out = {}
    for raw in text.split("\n"):
        if "\t" in raw:
            cells = tuple(c for c in (tidy(x).strip() for x in raw.split("\t")) if c)
            if len(cells) >= 2:
                out[" ".join(cells)] = cells
    return out


def tidy(text: str) -> str:
    """Unicode NFC, no control characters or odd spaces; typographic quotes are kept."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    for odd in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, " ")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


# A run of spaces, tabs and odd spaces becomes one space: the same text as
# re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", text) (tests/unit/ingest/test_fast_paths.py). The odd ones become
# spaces by str.replace, then runs of spaces are collapsed by a pattern that opens with a literal space,
# which re finds by a fast search instead of trying a character class at every position (0.30 -> 0.12 ms
# a dump over the 255 sample dumps).
_ODD_SPACES = ("\t", "\u00a0", "\u2009", "\u202f")
_SPACE_RUN = re.compile(" {2,}")


# A copied page puts each link on its own line: ", opens new tab" or "by the Netherlands…" continue the
# line above. These open a line only when it continues one (no paragraph starts with them).
JOINS_TIGHT = re.compile(r"^[,;)\]]")   # (not ":" — ":Title" under a kicker — nor "»", which opens German quotes)
ENDS_PARAGRAPH = re.compile(r"[.!?…:]['’\"”»)\]]*$")
CONTINUATION_WORDS = 5   # a shorter lowercase line is a menu item or a date ("vor 3 Stunden")


def rejoin(text: str) -> str:
    """Re-join the pieces of a paragraph that the page's links broke apart: a line opening with a
    comma or a closing bracket, a lowercase line of running text after a line with no final
    punctuation, and a line that closes a bracket the line above left open."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and out:   # (a blank line, or the first, joins nothing: the line above is not looked at)
            prev = out[-1].rstrip()
            if prev:
                if JOINS_TIGHT.match(line):
                    out[-1] = prev + line
                    continue
                if _continues(prev, line) or (")" in line and _closes_bracket(prev, line)):
                    out[-1] = prev + " " + line
                    continue
        out.append(raw)
    return "\n".join(out)


def _closes_bracket(prev: str, line: str) -> bool:
    """A bracket left open above and closed here: a link inside brackets, "(Source: <link>)"."""
    return prev.count("(") > prev.count(")") and line.count(")") > line.count("(")


def _continues(prev: str, line: str) -> bool:
    if not line[0].islower() or ENDS_PARAGRAPH.search(prev):
        return False
    _, kind, words, _ = classify_line(line)
    return kind == "text" and words >= CONTINUATION_WORDS


# --- 1. one small handler per kind of line --------------------------------------------------------

def handle_noise(line: Line) -> str | None:
    return "noise" if NOISE_LINE.match(line.text.strip()) else None


_DIGIT = re.compile(r"\d")
_CREDIT_LABEL = re.compile(r"^\s*[(\[]?[\w ]+\s*[:|©]")   # "Foto: ", "(Bild | ", "Photo ©"


def _credit_head(key: str) -> str:
    """A credit's label: the key up to its first colon or bar, without the spaces before it. The same text
    as re.split(r"\\s*[:|]\\s*", key, maxsplit=1)[0] (the leftmost match opens the spaces before the first
    colon or bar; str.rstrip strips what `\\s` matches), without a regex (~1 µs) on every line holding a
    colon or a bracket."""
    cut = key.find(":")
    bar = key.find("|")
    if bar >= 0 and (cut < 0 or bar < cut):
        cut = bar
    return key if cut < 0 else key[:cut].rstrip()


def handle_credit(line: Line) -> str | None:
    text = line.text
    # every credit form has one of these characters; most lines have none (five substring tests: a third
    # of a microsecond less than a set's isdisjoint over the line's characters)
    if not (":" in text or "|" in text or "©" in text or "/" in text or "(" in text):
        return None
    if CREDIT_START.match(text) and COPYRIGHT_YEAR.search(text):
        return "boiler"   # "© The Financial Times Ltd. 2024": the page's copyright, not a photo's
    if _credit_head(line.key) in lexicon().credit and _CREDIT_LABEL.match(text) or CREDIT_START.match(text):
        return "caption" if line.words > 10 else "credit"   # "Legende: <the caption itself>"
    if line.words <= 6 and "/" in line.text and SLASH_CREDIT.match(line.text.strip()):
        return "credit"  # "APA/AFP/Mandel Ngan", "IMAGO/ZUMA Press"
    if line.words > 3 and credit_at_end(line.text):
        return "caption"  # a caption that carries its own credit
    return None


def handle_meta(line: Line) -> str | None:
    if line.words > 16:
        return None
    lex = lexicon()
    if not _DIGIT.search(line.text):
        return _author_line(line, lex)
    if matches(line.key, lex.dated, extra_words=16) and (_has_date(line.text) or dates.TIME.search(line.text)):
        return "meta"   # "Publié le …", "Aggiornato alle 02:50"
    if (line.words <= 10 or dates.has_day(line.text)) and _has_date(line.text):
        return "meta"
    return _author_line(line, lex)


def _author_line(line: Line, lex) -> str | None:
    first = line.key.split(" ", 1)[0] if line.key else ""
    if (first in lex.author or line.key.startswith(("autor", "autorin"))) and line.words <= 12 \
            and (line.words <= 4 or not line.text.rstrip().endswith(".")) and _names_follow(line.text):
        return "meta"
    return None


def handle_agency(line: Line) -> str | None:
    return "agency" if line.words <= 8 and AGENCY_LINE.match(line.text.strip()) else None


def handle_boiler(line: Line) -> str | None:
    lex = lexicon()
    if matches(line.key, lex.drop, extra_words=2):
        return "boiler"
    if line.words <= 80:
        # a short line needs one prompt word, a long one three (an article may be about newsletters)
        hits = lex.prompt_count(line.text) if line.words > 30 else 3 * lex.has_prompt(line.text)
        if hits < 3 and lex.is_consent(line.key):
            hits += 1 if line.words > 30 else 3     # a consent notice's phrase (data/consent.toml) is one
        if hits >= 3:
            return "boiler"   # cookie, consent, newsletter and subscription prompts
    if media_line(line.text):
        return "boiler"   # "… | mehr", "02:57 Min.", player buttons
    if line.words <= 12 and not ends_sentence(line.text) and \
            social_count(line.text) * 3 >= line.words:
        return "boiler"   # share buttons
    return None


def handle_teaser(line: Line) -> str | None:
    if line.words <= 8 and matches(line.key, lexicon().teaser, extra_words=2):
        return "teaser"
    if line.words <= 25 and not ends_sentence(line.text) and matches(line.key, lexicon().teaser, 25):
        return "boiler"   # "À lire aussi <headline>" on one line: a single teaser link
    return None


def handle_end(line: Line) -> str | None:
    if line.words <= 10 and matches(line.key, lexicon().end, extra_words=3):
        return "end"
    return "end" if COMMENT_COUNT.match(line.key) else None   # "81 commentaires": the comments start


HANDLERS = (handle_noise, handle_teaser, handle_end, handle_credit, handle_agency, handle_meta, handle_boiler)


def _has_date(text: str) -> bool:
    if not _DIGIT.search(text):
        return False   # every date form we read has a digit; most lines have none
    try:
        return dates.parse(text, ref=dates.date(2000, 1, 1)) is not None
    except dates.DateError:
        return True   # a date, even if impossible: meta.py reports it


def _names_follow(text: str) -> bool:
    rest = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
    rest = rest.lstrip(":").strip()
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit())


@lru_cache(maxsize=1 << 16)
def is_prose(text: str) -> bool:
    """Running text is full of function words; a menu flattened into one line is not."""
    toks = WORD.findall(text.lower())
    if len(toks) < 8:
        return True
    return linemodel.stop_hits(toks) / len(toks) >= 0.15   # (the line model's stop-word share)


def is_sentence(text: str, words: int, prose: bool | None = None) -> bool:
    """Running text, not a headline: ends like a sentence and is long enough, or is simply long.
    `prose`: is_prose(text.rstrip()) when the caller knows it."""
    stripped = text.rstrip()
    if not (is_prose(stripped) if prose is None else prose):
        return False
    if words >= 25:
        return True
    if stripped.endswith("?"):
        return words >= 12
    return words >= 6 and ends_sentence(stripped)


@lru_cache(maxsize=1 << 16)
def classify_line(text: str) -> tuple[str, str, int, bool]:
    """(key, kind, words, sentence) of one stripped line. Pure, so cached: menus and footers repeat
    within a page and across a site's pages."""
    if not text:
        return "", "blank", 0, False
    # The line model reads every line's shape (cached by text): its tokens are the line's words (`\w+` of
    # its lower case, as WORD of the line) and its stop-word share is is_prose's, unless the line holds a
    # character of the unspaced scripts (a token each) or İ (two characters in lower case): then counted
    # again (tests/unit/ingest/test_fast_paths.py). The shape's share of unspaced characters is above 0 exactly
    # where the line holds one (has_unspaced; the line is not empty): read instead of searching the line again
    toks, feats = linemodel.shape(text)
    same = "İ" not in text and not feats[linemodel.UNSPACED_RATIO]
    words = len(toks) if same else len(WORD.findall(text))
    line = Line(0, text, key_of(text), words)
    for handle in HANDLERS:   # the first handler that names a kind (a loop: no generator to resume)
        kind = handle(line)
        if kind:
            return line.key, kind, words, False
    prose = (words < 8 or feats[linemodel.STOP_RATIO] >= 0.15) if same and text == text.rstrip() else None
    return line.key, "text", words, is_sentence(text, words, prose)


def tag(text: str) -> list[Line]:
    lines: list[Line] = []
    for i, raw in enumerate(text.split("\n")):
        t = raw.strip()
        key, kind, words, sentence = classify_line(t)
        lines.append(Line(i, t, key, words, kind, sentence))
    _mark_repeats(lines)
    return lines


def _mark_repeats(lines: list[Line]) -> None:
    """A short line seen three times or more is site furniture (menus are repeated in header/footer)."""
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.kind == "text" and not ln.sentence:
            counts[ln.key] = counts.get(ln.key, 0) + 1
    for ln in lines:
        if ln.kind == "text" and not ln.sentence and counts.get(ln.key, 0) >= 2:
            # twice: a teaser or the title shown again (meta.py may still take it as the title)
            ln.kind = "boiler" if counts[ln.key] >= 3 and ln.words <= 4 else "repeat"


# --- 2. the main region ----------------------------------------------------------------------------

def _score(line: Line) -> float:
    if line.kind == "blank":
        return 0.0
    if line.kind != "text":
        return PENALTY.get(line.kind, -3)
    if line.sentence:
        return float(min(line.words, 80))
    return -2.0 if line.words >= 2 else -4.0


def main_region(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the maximum-sum run of line scores (Kadane)."""
    return linemodel._kadane([_score(line) for line in lines])


# --- 3. blocks inside the region ------------------------------------------------------------------

def _next_text(lines: list[Line], i: int, end: int) -> Line | None:
    for j in range(i, end):
        if lines[j].kind == "text":
            return lines[j]
    return None


def _headline_run(lines: list[Line], i: int, end: int) -> int:
    """Index after a run of headline-like text lines starting at i (blank and noise lines inside)."""
    j = i
    while j < end and (lines[j].kind in ("blank", "noise", "boiler", "meta", "repeat")
                       or (lines[j].kind == "text" and not lines[j].sentence)):
        j += 1
    return j


def body_blocks(lines: list[Line], start: int, end: int) -> tuple[list[Block], list[tuple]]:
    blocks: list[Block] = []
    images: list[tuple[str | None, str | None]] = []
    total = sum(ln.words for ln in lines[start:end] if ln.sentence)
    i = start
    while i < end:
        line = lines[i]
        if line.kind == "end" and _is_past_middle(blocks, total) and \
                (COMMENTS.search(line.text) or not _text_follows(lines, i + 1, end)):
            break   # (readers' comments are running text too: they always end the article)
        if line.kind == "teaser":
            i = handle_teaser_block(lines, i + 1, end)
            continue
        if line.kind == "credit":
            images.append(handle_caption(blocks, lines, i))
            i += 1
            continue
        if line.kind != "text":
            i += 1
            continue
        if LIST_ITEM.match(line.text):
            i = handle_list(lines, i, end, blocks)
            continue
        if line.sentence:
            if not handle_card(lines, i, start, end):
                blocks.append(Block("paragraph", line.text))
            i += 1
            continue
        i = handle_headlines(lines, i, end, blocks)
    while blocks and blocks[-1].kind == "heading":
        blocks.pop()   # a heading with nothing after it was a teaser title
    return blocks, images


def _text_follows(lines: list[Line], i: int, end: int) -> bool:
    """Running text right after an end marker: the marker was a widget inside the article."""
    words = 0
    for ln in lines[i:min(end, i + 10)]:
        if ln.kind in ("end", "teaser"):
            break
        words += ln.words if ln.sentence else 0
    return words >= 80


def _is_past_middle(blocks: list[Block], total: int) -> bool:
    """An end marker ends the article only once most of its text is behind: the same words
    ("Comments", "Newsletter") also label widgets in the middle of a page."""
    done = sum(len(WORD.findall(b.text)) for b in blocks if b.kind == "paragraph")
    return done >= 0.5 * total


CARD_SUMMARY_WORDS = 35
CAPTION_WORDS = 60           # a caption is a sentence or two; longer is article text
TEASER_SENTENCE_WORDS = 20   # under a teaser marker, a line this short is a link, even with a "?"


def _prev_headlines(lines: list[Line], i: int, start: int) -> int:
    """How many headline-like text lines stand right before line i (inside the region)."""
    n, heads, j = 0, 0, i - 1
    while j >= start and (lines[j].kind in ("blank", "noise", "boiler", "meta", "repeat")
                          or (lines[j].kind == "text" and not lines[j].sentence)):
        n += lines[j].kind in ("text", "meta")
        heads += lines[j].kind == "text"
        j -= 1
    return n if heads else 0


def handle_card(lines: list[Line], i: int, start: int, end: int, min_heads: int = 2) -> bool:
    """A teaser card: a kicker and a headline (two headline-like lines or more; one under a teaser
    marker), one short summary sentence, then another card or the end. True when line i is such a
    summary (to be dropped)."""
    if lines[i].words > CARD_SUMMARY_WORDS or _prev_headlines(lines, i, start) < min_heads:
        return False
    nxt = _next_text(lines, i + 1, end)
    return nxt is None or not nxt.sentence


def handle_teaser_block(lines: list[Line], i: int, end: int) -> int:
    """Skip the headline lines (and card summaries) under a 'Read more' marker; the body goes on after."""
    j = _headline_run(lines, i, end)
    while j < end and lines[j].kind == "text" and lines[j].sentence and \
            (lines[j].words < TEASER_SENTENCE_WORDS or handle_card(lines, j, i, end, min_heads=1)):
        j = _headline_run(lines, j + 1, end)
    return j


def handle_caption(blocks: list[Block], lines: list[Line], i: int) -> tuple[str | None, str | None]:
    """A credit line ends an image caption: the paragraph just before it was the caption."""
    credit = re.sub(r"^\s*[\w ]+?\s*[:|]\s*", "", lines[i].text, count=1) if ":" in lines[i].text[:20] \
        else lines[i].text
    caption = None
    prev = next((ln for ln in reversed(lines[:i]) if ln.kind != "blank"), None)
    if prev is not None and prev.words > CAPTION_WORDS:
        return None, credit.strip() or None   # a paragraph, not a caption: the credit stands alone
    if prev is not None and prev.kind == "text" and blocks and blocks[-1].text == prev.text:
        caption = blocks.pop().text
    elif prev is not None and prev.kind == "text" and prev.words >= 3:
        caption = prev.text
    return caption, credit.strip() or None


def handle_list(lines: list[Line], i: int, end: int, blocks: list[Block]) -> int:
    items = []
    while i < end and lines[i].kind in ("text", "blank") and (lines[i].kind == "blank"
                                                               or LIST_ITEM.match(lines[i].text)):
        if lines[i].kind == "text":
            items.append(LIST_ITEM.sub("", lines[i].text).strip())
        i += 1
    blocks.append(Block("list", items=tuple(items)))
    return i


def handle_headlines(lines: list[Line], i: int, end: int, blocks: list[Block]) -> int:
    """One headline-like line before running text is a subhead; two or more in a row are teasers."""
    j = _headline_run(lines, i, end)
    run = [ln for ln in lines[i:j] if ln.kind == "text"]
    following = _next_text(lines, j, end)
    before = next((ln for ln in reversed(lines[:i]) if ln.kind != "blank"), None)
    after_media = before is not None and before.kind in ("noise", "boiler") and DURATION.search(before.text)
    if len(run) == 1 and following is not None and following.sentence and 2 <= run[0].words <= 20 \
            and (not blocks or blocks[-1].kind != "heading") and not after_media:
        blocks.append(Block("heading", run[0].text.rstrip(" :")))
    return j


def handle_pre_byline(lines: list[Line], start: int, end: int) -> None:
    """A byline or date line near the top starts the text: the sentences above it, after the first
    (the lead), are photo captions or gallery legends."""
    total = sum(ln.words for ln in lines[start:end] if ln.sentence)
    seen, last_meta = 0, None
    for ln in lines[start:end]:
        if ln.sentence:
            seen += ln.words
        if seen > 0.25 * total:
            break
        if ln.kind in ("meta", "agency") and "@" not in ln.text and not ln.text.startswith(("—", "–", "-")) \
                and not MEDIA_LINE.search(ln.text):
            last_meta = ln.i   # (an embedded post's signature or a video's date is not a byline)
    if last_meta is None:
        return
    above = [ln for ln in lines[start:last_meta] if ln.sentence]
    for ln in above[1:]:
        ln.kind, ln.sentence = "caption", False


def handle_card_lists(lines: list[Line], start: int, end: int) -> None:
    """Teaser cards without a marker: headline, short summary, headline, short summary… Three pairs
    in a row (two when they close the region) are a list of links, not subheads with paragraphs."""
    text = [ln for ln in lines[start:end] if ln.kind == "text"]
    pairs: list[tuple[Line, Line]] = []

    def flush(at_end: bool) -> None:
        if (len(pairs) >= 3 or (at_end and len(pairs) >= 2)) and not _own_items(pairs):
            for head, summary in pairs:
                head.kind = summary.kind = "boiler"
                summary.sentence = False
        pairs.clear()

    k = 0
    while k < len(text) - 1:
        head, summary = text[k], text[k + 1]
        # (a head with a link, a handle or a hashtag is an embedded post's caption or a tweet, not a card's
        # headline: the paragraphs after an embed are the article's)
        if not head.sentence and 3 <= head.words <= 25 and summary.sentence and summary.words <= 50 \
                and not linemodel.linkish(head.text):
            pairs.append((head, summary))
            k += 2
        else:
            flush(False)
            k += 1
    flush(True)


_NUMBER = linemodel.NUMBERED


def _own_items(pairs: list[tuple[Line, Line]]) -> bool:
    """The heads are numbered in sequence (1., 2., 3. ...): a list article's items, a how-to's steps. A box
    of links to other stories numbers its headlines only when ranked ("Most read", under its marker: not a
    card of this kind). (Every head a question, an interview's: tried, see README.)"""
    nums = [m and int(m.group(1)) for m in (_NUMBER.match(h.text) for h, _ in pairs)]
    return all(nums) and all(b == a + 1 for a, b in pairwise(nums))


def prepare(text: str) -> list[Line]:
    """The dump's lines, re-joined, tagged with their kinds and the hand rules' votes (the model's input)."""
    lines = tag(strip_screen_reader(rejoin(tidy(text))))
    rule_votes(lines)
    return lines


def rule_votes(lines: list[Line]) -> None:
    """The hand rules' opinion, one feature among others: the maximum-sum region of line scores and the
    walk inside it (teaser blocks, captions, card lists, end markers). Written for fr/de/it/en pages;
    the model learns how far to trust it (on a page in another language it is weak, not required)."""
    start, end = main_region(lines)
    handle_pre_byline(lines, start, end)
    handle_card_lists(lines, start, end)
    blocks, _ = body_blocks(lines, start, end)
    kept = {b.text for b in blocks} | {item for b in blocks for item in b.items}
    for ln in lines[start:end]:
        if ln.kind != "blank":
            text = LIST_ITEM.sub("", ln.text).strip()
            ln.rule = 2 if ln.text in kept or text in kept or ln.text.rstrip(" :") in kept else 1


def clean_dump(text: str) -> Cleaned:
    lines = prepare(text)
    keep, logits = linemodel.model().decode(lines)
    start, end = (keep[0], keep[-1] + 1) if keep else (0, 0)
    return Cleaned(lines, start, end, article_blocks(lines, keep), logits=logits, cells=tab_cells(text))


HEADING_TOKENS = 20   # a kept line this short without a sentence end, before text, is a subhead


def article_blocks(lines: list[Line], keep: list[int]) -> list[Block]:
    """Blocks of the kept lines: runs of list items are a list, a short line without a sentence end
    followed by text a subhead, every other line a paragraph."""
    blocks: list[Block] = []
    kept = set(keep)
    k = 0
    while k < len(keep):
        line = lines[keep[k]]
        # a numbered line alone between paragraphs is a numbered subhead ("3. The canal towpath walk" over
        # its paragraph in a list article) or a paragraph opening with a number ("1. FC Köln …"): its
        # number stays (a one-item list would drop it)
        lone = _NUMBER.match(line.text) is not None and not (k + 1 < len(keep) and
                                                              LIST_ITEM.match(lines[keep[k + 1]].text))
        if LIST_ITEM.match(line.text) and not lone:
            items = []
            while k < len(keep) and LIST_ITEM.match(lines[keep[k]].text):
                items.append(LIST_ITEM.sub("", lines[keep[k]].text).strip())
                k += 1
            blocks.append(Block("list", items=tuple(items)))
            continue
        nxt = lines[keep[k + 1]] if k + 1 < len(keep) else None
        if nxt is not None and _is_subhead(line) and not _is_subhead(nxt) and \
                (not blocks or blocks[-1].kind != "heading"):
            # A heading of four words or fewer that the page shows twice is a widget label ("Ajouter à
            # vos sélections" after each teaser), not a subhead: of the 3,931 such lines in the 255
            # sample dumps, 2 are article text (one page's table of contents repeats its subheads).
            # Longer repeated headings stay: a live blog lists its entries' headings above them.
            if not _after_dropped_headline(lines, line, kept) and not (line.kind == "repeat"
                                                                        and line.words <= 4):
                blocks.append(Block("heading", line.text.rstrip(" :")))
        else:
            blocks.append(Block("paragraph", line.text))
        k += 1
    return blocks


def _after_dropped_headline(lines: list[Line], line: Line, kept: set[int]) -> bool:
    """A short line right under another short text line that the model dropped: the second line of a
    teaser card (kicker and headline, headline and dek), not a subhead, which stands alone."""
    prev = next((ln for ln in reversed(lines[:line.i]) if ln.kind != "blank"), None)
    # (a line the furniture filter knows is no card's headline: "Story continues below", "RELATED: <a link>"
    # between a paragraph and the subhead under it)
    return prev is not None and prev.i not in kept and prev.kind in ("text", "repeat") and _is_subhead(prev) \
        and furniture.kind(prev.text) is None


def _is_subhead(line: Line) -> bool:
    return not TERMINAL.search(line.text) and len(TOKEN.findall(line.text)) <= HEADING_TOKENS
