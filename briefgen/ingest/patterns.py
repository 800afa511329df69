"""Heuristics as data: regexes grouped by concept, and the per-language lexicons of lang/<code>.toml.

Every language's markers apply to every page (pages mix languages in menus and widgets, and the
lexicons are small); the language itself is decided from the text by stop-word coverage.
"""
from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass
from encodings.cp1252 import decoding_table as _CP1252_DECODING
from encodings.cp1252 import encoding_table as _CP1252_ENCODING
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).parent / "lang"
DATA_DIR = Path(__file__).parent / "data"
LANGS = ("fr", "de", "it", "en")

# --- line shape --------------------------------------------------------------------------------
# A sentence ends with a full stop, question or exclamation mark, ellipsis or colon, possibly followed
# by closing quotes or brackets: the main signal telling running text from headlines and links.
SENTENCE_END = re.compile(r"[.!?…:;][\"'»«”“’)\]]*\s*$")
WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai): each character is
# a token, since `\w+` would make a whole sentence one token. Hangul is written with spaces: words as usual.
UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
TOKEN = re.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+")
# Sentence ends in any script: Latin/Cyrillic/Greek . ! ? …, CJK 。！？, Devanagari ।, Arabic ؟ ۔,
# Armenian ։, Ethiopic ።, then closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…。！？।॥؟۔։።][\"'»«”“’)\]」』）]*\s*$")


# SENTENCE_END's and TERMINAL's marks and closers, for ends_sentence and ends_terminal.
_SENTENCE_MARKS, _SENTENCE_CLOSERS = ".!?\u2026:;", "\"'»«\u201d\u201c\u2019)]"
_TERMINAL_MARKS = ".!?\u2026\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4\u0589\u1362"
_TERMINAL_CLOSERS = _SENTENCE_CLOSERS + "\u300d\u300f\uff09"


def ends_sentence(text: str) -> bool:
    """bool(SENTENCE_END.search(text)), faster: a mark, then closers only, then white space only, end the
    text. str.rstrip() strips what `\\s` matches (str.isspace), and no mark is a closer, so the mark must
    stand right before the text's last run of closers. The regex is tried at every position of a line
    (~1 microsecond a line); the two strips and one character's look take a quarter of that."""
    end = text.rstrip().rstrip(_SENTENCE_CLOSERS)
    return bool(end) and end[-1] in _SENTENCE_MARKS


def ends_terminal(text: str) -> bool:
    """bool(TERMINAL.search(text)), faster (as ends_sentence)."""
    end = text.rstrip().rstrip(_TERMINAL_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL_MARKS


_charmap_encode, _charmap_decode = codecs.charmap_encode, codecs.charmap_decode


def cp1252_bytes(text: str) -> bytes:
    """text.encode("cp1252"), faster: the codec is a Python method around `codecs.charmap_encode` (~2 µs a
    line at this machine's load, most of it the call); an ASCII text goes through the interpreter's own
    ASCII encoder (the same bytes), any other straight through the codec's table. The same bytes, and a
    UnicodeEncodeError for the same texts."""
    return text.encode("ascii") if text.isascii() else _charmap_encode(text, "strict", _CP1252_ENCODING)[0]


def cp1252_text(data: bytes) -> str:
    """data.decode("cp1252"), faster (as cp1252_bytes)."""
    return data.decode("ascii") if data.isascii() else _charmap_decode(data, "strict", _CP1252_DECODING)[0]


# Lines that carry no text of their own: counters ("1/2"), separators, durations, file names, urls.
NOISE_LINE = re.compile(
    r"^(?:\W*|\d+|\d+\s*/\s*\d+|\d{1,2}:\d{2}(?::\d{2})?(?:\s*min)?|[^/\\]{1,80}\.(?:png|jpe?g|gif|webp|svg|avif|mp4)"
    r"|https?://\S+|www\.\S+)$", re.IGNORECASE)
# "Photograph: Eva Manez/Reuters" at the end of a caption line.
INLINE_CREDIT = re.compile(r"(?:^|[.!?]\s+)(?:Photo(?:graph)?|Foto|Bild|Image|Credit|Crédit|Picture)s?\s*[:©]\s*"
                           r"[^.]{2,80}$", re.IGNORECASE)
# Share widgets: short lines naming social networks ("Auf Facebook teilen Facebook", "Whatsapp").
SOCIAL_NAMES = ("facebook", "twitter", "whatsapp", "linkedin", "telegram", "bluesky", "threads", "flipboard",
                "messenger", "pinterest", "reddit", "xing", "instagram", "tiktok", "youtube", "mastodon",
                "e-?mail", "x")


def by_first_letter(alternatives: list[str] | tuple[str, ...]) -> str:
    """"|".join(alternatives) with the alternatives that open with one letter under one branch, in their
    order: "f(?:acebook|lipboard)|t(?:witter|elegram)|…". Python's engine tries an alternation's branches
    one by one at every place it is asked (a failed branch costs a comparison of its first letter), so a
    line's search tries a branch per first letter instead of every alternative (the prompts' search 2.8 ->
    2.0 µs a line). The matches are the same: two alternatives opening with different ASCII lowercase
    letters never match at one place, case-insensitive alike (no character is taken for two of them), and
    those opening with one letter keep their order. Only when every alternative opens with such a letter,
    not made optional or repeated, and holds no `|` outside brackets; else the plain join."""
    def plain_letter_first(alt: str) -> bool:
        if not ("a" <= alt[:1] <= "z") or alt[1:2] in ("?", "*", "+", "{"):
            return False
        depth, i = 0, 0
        while i < len(alt):
            ch = alt[i]
            if ch == "\\":
                i += 1
            elif ch == "[":   # a class: "|" and brackets inside it are characters
                i += 1 + (alt[i + 1:i + 2] == "^")
                i += alt[i:i + 1] == "]"
                while i < len(alt) and alt[i] != "]":
                    i += 2 if alt[i] == "\\" else 1
            elif ch in "()":
                depth += 1 if ch == "(" else -1
            elif ch == "|" and depth == 0:
                return False
            i += 1
        return True

    if not all(map(plain_letter_first, alternatives)):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" if len(rest) > 1 else c + rest[0]
                    for c, rest in groups.items())


SOCIAL = re.compile(rf"\b(?:{by_first_letter(SOCIAL_NAMES)})\b", re.IGNORECASE)
# A caption line ending in its credit: "… en cours. MIGUEL MEDINA / AFP", "… (Photo: Keystone)".
PHOTO_AGENCIES = r"(?:AFP|AP|Reuters|dpa|EPA|Keystone(?:-SDA)?|Getty Images|IMAGO|imago|picture[- ]alliance|Shutterstock|ANSA|SIPA|Sipa|Abaca|Bloomberg|Xinhua|APA|KEYSTONE|REUTERS|EPA-EFE|AP Photo)"
TRAILING_CREDIT = re.compile(r"(?:[.!?»”)]\s+|^)[\w.'’ -]{2,40}\s?/\s?" + PHOTO_AGENCIES + r"(?:\s?/\s?[\w.'’ -]{2,30})?\s*\)?$"
                             r"|\((?:Photo|Foto|Bild|Image)s?\s*:[^()]{2,60}\)\s*$"
                             r"|[.!?»”]\s+©\s?[^.©]{2,60}$", re.IGNORECASE)

def credit_at_end(text: str) -> bool:
    """bool(INLINE_CREDIT.search(text) or TRAILING_CREDIT.search(text)), faster: each pattern is searched only
    when the line holds the characters every match of it needs, which most lines lack. INLINE_CREDIT: a colon
    or ©. TRAILING_CREDIT: a slash (before its agency), a © (after a sentence's end) or, for "(Photo: …)",
    a colon and a closing bracket that ends the line (`\\)\\s*$`: str.rstrip strips what `\\s` matches). A
    caption with a colon or a bracket but none of these took ~5 µs of searches."""
    return ((":" in text or "©" in text) and INLINE_CREDIT.search(text) is not None) or \
        (("/" in text or "©" in text or (":" in text and text.rstrip().endswith(")")))
         and TRAILING_CREDIT.search(text) is not None)


# Language switcher: a line of two-letter language codes ("DE", "FR", "DE | FR | IT").
SWITCHER_CODE = re.compile(r"^[A-Z]{2}$")
SWITCHER_LANGS = {"DE": "de", "FR": "fr", "IT": "it", "EN": "en", "RM": "rm", "ES": "es", "PT": "pt"}
# The dump's first line: "date 2026-01-16", possibly indented and followed by switcher codes.
DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*(.*)$", re.IGNORECASE)

# --- agencies ----------------------------------------------------------------------------------
# Canonical name -> patterns seen in bylines and credits ("AFP Agence France-Presse", "(dpa)").
AGENCIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx)) for name, rx in (
        ("Keystone-SDA", r"\bKeystone[- ]?SDA\b|\bSDA\b"),
        ("Keystone-ATS", r"\bKeystone[- ]?ATS\b"),
        ("ATS", r"\bATS\b"),
        ("AFP", r"\bAFP\b|Agence France[- ]Presse"),
        ("Reuters", r"\bReuters\b"),
        ("dpa", r"\bdpa\b|Deutsche Presse-Agentur"),
        ("AP", r"\bAP\b|Associated Press"),
        ("ANSA", r"\bANSA\b"),
        ("APA", r"\bAPA\b"),
        ("KNA", r"\bKNA\b"),
        ("epd", r"\bepd\b"),
        ("Bloomberg", r"\bBloomberg\b"),
        ("EFE", r"\bEFE\b"),
        ("Adnkronos", r"\bAdnkronos\b"),
    ))
# A line that is only an agency credit: "AFP Agence France-Presse", "(dpa)", "red, ORF.at/Agenturen".
AGENCY_LINE = re.compile(r"^\(?(?:AFP|dpa|Reuters|AP|ANSA|APA|SDA|ATS|Keystone-SDA|Keystone-ATS|KNA|epd|EFE)"
                         r"(?:[ /,]+[\w/ .-]{0,40})?\)?$|^(?:red|ag|sda|jm|dpa)[, /]+.*agenturen.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Phrases of every language, lowercased, grouped by what they mark."""

    teaser: frozenset[str]
    end: frozenset[str]
    drop: frozenset[str]
    credit: frozenset[str]
    author: frozenset[str]
    published: frozenset[str]
    updated: frozenset[str]
    dated: frozenset[str]          # published | updated: labels of date lines
    prompts: re.Pattern[str]
    months: dict[str, int]
    relative: dict[str, str]
    stopwords: dict[str, frozenset[str]]
    screen_reader: re.Pattern[str] = re.compile(r"(?!)")   # see screen_reader_rx()
    screen_reader_hint: re.Pattern[str] = re.compile("")   # matches wherever screen_reader can (a fast test)
    rights: re.Pattern[str] = re.compile(r"(?!)")   # "All rights reserved": a credit or copyright line
    consent: re.Pattern[str] = re.compile(r"(?!)")  # data/consent.toml: a site asking consent for its cookies
    consent_keys: tuple[str, ...] = ()              # a line holding none of these holds no consent phrase
    prompts_low: re.Pattern[str] | None = None      # prompts case-sensitive, for lowercased lines (has_prompt)
    prompt_texts: tuple[str, ...] = ()              # the prompts' alternatives (regex texts), sorted:
                                                    # `prompts` is their alternation (by_first_letter)

    def is_consent(self, low: str) -> bool:
        """A line (lowercased) holds a phrase of data/consent.toml."""
        # (map over the keys' substring test: no generator frame to resume per key)
        return any(map(low.__contains__, self.consent_keys)) and self.consent.search(low) is not None

    def has_prompt(self, text: str) -> bool:
        """bool(self.prompts.search(text)), faster: see prompt_count."""
        if self.prompts_low is None or has_fold(text):
            return self.prompts.search(text) is not None
        return self.prompts_low.search(text.lower()) is not None

    def prompt_count(self, text: str) -> int:
        """len(self.prompts.findall(text)), faster: the same pattern searched case-sensitively in the line's
        lower case (a case-insensitive search tests each letter's case variants at every word start). It
        finds the same matches at the same places on a line without FOLDS: every other character's
        lower case is one character, a word character exactly when it is one, and equal to a lowercase
        letter of the pattern exactly when the case-insensitive search takes it for that letter (checked
        over every code point against the pattern's letters; tests/unit/ingest/test_fast_paths.py)."""
        if self.prompts_low is None or has_fold(text):
            return len(self.prompts.findall(text))
        return len(self.prompts_low.findall(text.lower()))


# The characters that Python's case-insensitive matching takes for a letter of another lower case (İ and ı
# for i, ſ for s), or whose lower case is two characters (İ): found by trying every code point against the
# letters of the lexicons' patterns. On a line holding none, a case-insensitive pattern of lowercase
# letters matches where the same pattern, case-sensitive, matches the line's str.lower().
FOLDS = ("İ", "ı", "ſ")


def has_fold(text: str) -> bool:
    """any(f in text for f in FOLDS), faster: three substring tests instead of a generator (0.7 -> 0.05 µs a
    line; every new line of a page asks it up to three times). A test checks it names the same FOLDS."""
    return "İ" in text or "ı" in text or "ſ" in text


# SOCIAL case-sensitive, for lowercased lines (social_count): its pattern holds no capital
_SOCIAL_LOW = re.compile(SOCIAL.pattern) if SOCIAL.pattern == SOCIAL.pattern.lower() else None


def social_count(text: str) -> int:
    """len(SOCIAL.findall(text)), faster: the same pattern case-sensitive on the line's lower case, exact on a
    line without FOLDS as Lexicon.prompt_count is (SOCIAL's letters are among the prompts' letters, which
    tests/unit/ingest/test_fast_paths.py checks over every code point): 5.3 -> 2.0 µs a line of 12 words or
    fewer (22,605 distinct lines of the distinct dumps)."""
    if _SOCIAL_LOW is None or has_fold(text):
        return len(SOCIAL.findall(text))
    return len(_SOCIAL_LOW.findall(text.lower()))


def _read(code: str) -> dict:
    with open(LANG_DIR / f"{code}.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def lexicon() -> Lexicon:
    data = {code: _read(code) for code in LANGS}

    def union(key: str) -> frozenset[str]:
        return frozenset(p.lower() for d in data.values() for p in d.get(key, ()))

    months: dict[str, int] = {}
    relative: dict[str, str] = {}
    for d in data.values():
        months.update(d.get("months", {}))
        relative.update(d.get("relative", {}))
    # "Read also" labels live in data/furniture.toml [related] (~20 languages; the furniture filter reads
    # them after either path): its phrases of two words or more are teaser markers here too, unless a
    # lexicon reads the phrase as an end marker ("das könnte sie auch interessieren"). One-word labels
    # ("more", "listen") would open headlines ("More than 300 …") within the 25-word teaser line rule.
    with open(DATA_DIR / "furniture.toml", "rb") as fh:
        related = frozenset(p.lower() for p in tomllib.load(fh)["related"]["phrases"] if len(p.split()) >= 2)
    # Cookie and consent phrases live in data/consent.toml (20 languages): linemodel drops their lines, and
    # clean.handle_boiler counts a match as a prompt, so the line features see consent notices beyond the
    # four lexicons. Only a line holding one of its keys is searched (most lines hold none).
    with open(DATA_DIR / "consent.toml", "rb") as fh:
        consent_data = tomllib.load(fh)
    consent = re.compile("|".join(f"(?:{p})" for ps in consent_data["phrases"].values() for p in ps), re.IGNORECASE)
    prompt_texts = tuple(sorted(union("prompts")))
    prompts = re.compile(r"\b" + _first_letters(union("prompts")) + r"(?:" + by_first_letter(prompt_texts)
                         + r")\b", re.IGNORECASE)
    hidden = union("screen_reader")
    # A screen-reader phrase standing alone on a line is dropped like any boilerplate line.
    drop = union("drop") | frozenset(key_of(p) for p in hidden)
    # the same pattern for lowercased lines (Lexicon.prompt_count), when it holds no capital (`\W`, `\S`)
    prompts_low = re.compile(prompts.pattern) if prompts.pattern == prompts.pattern.lower() else None
    return Lexicon(prompts=prompts, prompts_low=prompts_low, prompt_texts=prompt_texts,
                   consent=consent, consent_keys=tuple(consent_data["keys"]), teaser=union("teaser") | (related - union("end")), end=union("end"), drop=drop,
                   credit=union("credit"),
                   author=union("author"), published=union("published"), updated=union("updated"),
                   dated=union("published") | union("updated"),
                   months=months, relative=relative,
                   stopwords={c: frozenset(d["stopwords"]) for c, d in data.items()},
                   screen_reader=screen_reader_rx(hidden), screen_reader_hint=screen_reader_rx(hidden, hint=True),
                   rights=re.compile(r"\b(?:" + "|".join(sorted(union("rights"))) + r")\b", re.IGNORECASE))


def _first_letters(alternatives: frozenset[str]) -> str:
    """A lookahead for the letters the alternatives (regex texts) open with, when each opens with a
    letter (a literal): `(?=[abc])`, else nothing. Before a long alternation it lets the engine test one
    character at each word start instead of every alternative (half the time of the prompts' search on
    the sample dumps' lines); it holds wherever an alternative matches, case-insensitive alike."""
    firsts = {a[0] for a in alternatives if a}
    if not firsts or not all(ch.isalpha() for ch in firsts):
        return ""
    return f"(?=[{''.join(sorted(firsts))}])"


def screen_reader_rx(phrases: frozenset[str], hint: bool = False) -> re.Pattern[str]:
    """Link text meant for screen readers only (", opens new tab", "(s'ouvre dans un nouvel onglet)").

    Only where such text stands as an aside: after a comma or dash, or alone in brackets, and followed by
    punctuation, a space or the end; "the report opens in a new window of opportunity" is left alone.
    hint: the same asides without the spaces before them, as a pattern that opens with its first
    character's class (the regex engine then skips ahead to those characters): it finds an aside
    wherever the full pattern does, several times faster, and most pages have none."""
    alts = "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+")
                    for p in sorted(phrases, key=len, reverse=True))
    if hint:
        # Before the alternation, a lookahead for the phrases' first letters (after the spaces): at the
        # hundred-odd commas and brackets of a page, one character is tested instead of every phrase (a
        # third of a millisecond a dump). It holds wherever a phrase follows: no phrase opens with a space.
        firsts = {ch for p in phrases if p for ch in (p[0], "’" if p[0] == "'" else p[0])}
        ahead = rf"(?=[ \t]*[{re.escape(''.join(sorted(firsts)))}])" if firsts and not any(
            ch.isspace() for ch in firsts) else ""
        return re.compile(rf"[,–—\-(\[]{ahead}(?:(?<=[,–—-])[ \t]*(?:{alts})(?=[\s.,;:!?)\]]|$)"
                          rf"|(?<=[(\[])[ \t]*(?:{alts})[ \t]*[)\]])", re.IGNORECASE)
    return re.compile(rf"[ \t]*(?:[,–—-][ \t]*(?:{alts})(?=[\s.,;:!?)\]]|$)|[(\[][ \t]*(?:{alts})[ \t]*[)\]])",
                      re.IGNORECASE)


def strip_screen_reader(text: str) -> str:
    """Text without the screen-reader asides of links (lexicon `screen_reader` of every language)."""
    lex = lexicon()
    return lex.screen_reader.sub("", text) if lex.screen_reader_hint.search(text) else text


_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


def key_of(line: str) -> str:
    """A line as lexicons see it: lowercased, whitespace collapsed, punctuation trimmed at both ends.
    (`[\\W_]` is a character str.isalnum() denies: a key that opens and ends with one it allows has nothing
    to trim, and most keys do.)"""
    key = line.lower()
    if not (key.isprintable() and "  " not in key):   # (every space but " " is unprintable)
        key = " ".join(key.split())
    return key if key and key[0].isalnum() and key[-1].isalnum() else _trimmed(key)


def _trimmed(key: str) -> str:
    """_TRIM.sub("", key), faster: the key from its first to its last character str.isalnum() allows
    ("" if none). The pattern's `[\\W_]+$` is tried at every non-word character of the line (a paragraph
    ends with a full stop, so most keys come here): ~9 microseconds a line, most of key_of's time."""
    start, end = 0, len(key)
    while start < end and not key[start].isalnum():
        start += 1
    while end > start and not key[end - 1].isalnum():
        end -= 1
    return key[start:end]


@cache
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split()[0] for p in phrases if p.split())


def matches(line_key: str, phrases: frozenset[str], extra_words: int = 3) -> bool:
    """True when the line is one of the phrases, or starts with one and is only a few words longer."""
    if not line_key:
        return False
    if line_key in phrases:
        return True
    # only the first word first: most lines open with none of the phrases' first words, and splitting a
    # paragraph's key whole cost ~2 µs (maxsplit 1 gives the same first word and fails the same way)
    if line_key.split(None, 1)[0] not in _first_words(phrases):
        return False
    words = line_key.split()
    for n in range(min(len(words) - 1, 7), 0, -1):
        if " ".join(words[:n]) in phrases and len(words) - n <= extra_words:
            return True
    return False
