"""Which countries an article is about: find every mention, weigh it, keep the salient ones.

Evidence, per language, built once and cached:
  - CLDR territory names through babel (any locale babel knows), with German case endings;
  - data/demonyms.csv: names CLDR lacks ("USA", "Burma", "Türkiye") and demonyms/adjectives, inflected
    by data/lexicon.toml rules ("nippo-américaine", "der Vereinigten Staaten", "giapponesi");
  - data/places.csv: capitals and seats of power as metonyms ("Tokyo", "Kreml", "Maison-Blanche"), bodies
    tied to one country, big cities and provinces;
  - data/lexicon.toml: stop phrases ("New Jersey", "Guinea pig"), first names ("Jordan Bardella"),
    context rules (Georgia the US state), languages ("auf Deutsch").
A country is kept when its weighed mentions (title and lead weigh more, later paragraphs less) pass a
threshold, so a country named once in passing is left out.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections import defaultdict
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from briefgen.classify.lexicon import (
    TOKEN_RE,
    PhraseIndex,
    Tokens,
    fold,
    inflect,
    lang_of,
    load_rows,
    load_toml,
    norm,
    split_forms,
)

log = logging.getLogger(__name__)

# CLDR codes that are not countries (EU, UN, pseudo-regions) or not ISO 3166-1 (AC, CP, DG, EA, IC, TA).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA",
                            "AQ"})
_DEMONYM_COLUMNS = {"en": 2, "fr": 3, "de": 4, "it": 5}
_AND = {"en": "and", "fr": "et", "de": "und", "it": "e", "es": "y", "pt": "e", "nl": "en"}

# Case rules: a name must be written with a capital (turkey the bird, chad, china the porcelain);
# an all-capitals alias only in capitals ("US" but not "us", "EAU" but not "eau").
CASE_ANY, CASE_CAP, CASE_UPPER = 0, 1, 2


@dataclass(frozen=True)
class Entry:
    code: str          # ISO alpha-2, or "" for a stop phrase
    kind: str          # name, alias, demonym, prefix, capital, seat, org, city, region, stop
    case: int
    form: str          # as written in the data, for --explain
    caps: tuple[int, ...] = ()   # CASE_CAP: which words must be capitalised ("La Réunion", not "la réunion")


@dataclass
class CountryResult:
    countries: tuple[str, ...]
    scores: dict[str, float]
    mentions: dict[str, int]
    evidence: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CountryLexicon:
    lang: str
    index: PhraseIndex
    person_names: frozenset[str]
    language_preps: frozenset[str]
    contexts: tuple[tuple[frozenset[str], str, tuple[str, ...]], ...]   # (forms, becomes, near phrases)
    context_codes: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    states: dict[tuple[str, ...], str] = field(default_factory=dict)    # US state / CA province -> code
    between: frozenset[str] = frozenset()
    state_firsts: frozenset[str] = frozenset()
    language_after: frozenset[str] = frozenset()    # "French language", "French-speaking", "französische Sprache"
    language_before: frozenset[str] = frozenset()   # "de langue française", "in lingua italiana"
    name_particles: frozenset[str] = frozenset()    # "Chad le Clos": a person
    water_before: frozenset[tuple[str, ...]] = frozenset()   # "Gulf of Mexico": a sea, not the country
    water_after: frozenset[str] = frozenset()       # "South China Sea"


def _name_case(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return CASE_UPPER
    return CASE_CAP if form[:1].isupper() else CASE_ANY


def _cldr_names(lang: str) -> dict[str, str]:
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        log.debug("babel has no locale %r; country names from data files only", lang)
        return {}
    return {code: name for code, name in territories.items()
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


def _name_variants(name: str, lang: str) -> list[str]:
    """CLDR writes 'Bosnia & Herzegovina', 'Myanmar (Burma)', 'Congo - Kinshasa', 'St. Kitts': spell them
    as articles do."""
    name = name.replace("&", f" {_AND.get(lang, 'and')} ").replace("St.", "Saint")
    out = [name]
    if "(" in name:
        head, _, rest = name.partition("(")
        out = [head.strip(), rest.rstrip(")").strip()]
    if " - " in name:
        out = [name.replace(" - ", "-")]
    return [v for v in out if v]


def _german_forms(name: str) -> list[str]:
    """'Vereinigte Staaten' -> '... Vereinigten Staaten'; 'Deutschland' -> 'Deutschlands'."""
    rules = load_toml("lexicon.toml")["name_inflection"]["de"]["rules"]
    words = name.split()
    if len(words) > 4:
        return [name]
    variants = [[]]
    for w in words:
        variants = [v + [f] for v in variants for f in dict.fromkeys(inflect(w, rules))]
    return [" ".join(v) for v in variants]


def _add(index_map: dict, form: str, entry: Entry) -> None:
    key = tuple(norm(form).split())
    if key:
        if entry.case == CASE_CAP:
            words = TOKEN_RE.findall(fold(form))
            caps = tuple(j for j, w in enumerate(words) if w[:1].isupper()) if len(words) == len(key) else (0,)
            entry = Entry(entry.code, entry.kind, entry.case, entry.form, caps or (0,))
        index_map.setdefault(key, []).append(entry)


def _collect(lang: str) -> dict[tuple[str, ...], list[Entry]]:
    data = load_toml("lexicon.toml")
    found: dict[tuple[str, ...], list[Entry]] = {}
    for code, name in _cldr_names(lang).items():
        for variant in _name_variants(name, lang):
            forms = _german_forms(variant) if lang == "de" else [variant]
            for form in forms:
                _add(found, form, Entry(code, "name", _name_case(form), variant))
    column = _DEMONYM_COLUMNS.get(lang)
    rules = data["inflection"].get(lang, {}).get("rules", [["", [""]]])
    for row in load_rows("demonyms.csv"):
        code = row[0]
        for alias in split_forms(row[1]):
            case = _name_case(alias)
            # German inflects names CLDR lacks too ("Amerikas", "Großbritanniens", "Palästinas").
            forms = _german_forms(alias) if lang == "de" and case == CASE_CAP else [alias]
            for form in forms:
                _add(found, form, Entry(code, "alias", case, alias))
        if column is None or column >= len(row):
            continue
        for base in split_forms(row[column]):
            case = CASE_CAP if lang == "en" or (lang == "de" and base[:1].isupper()) else CASE_ANY
            for form in dict.fromkeys(inflect(base, rules)):
                _add(found, form, Entry(code, "demonym", case, base))
    for row in load_rows("places.csv"):
        code, kind, langs, names = row[0], row[1], row[2], row[3]
        if langs != "*" and lang not in langs.split("|"):
            continue
        for name in split_forms(names):
            _add(found, name, Entry(code, kind, _name_case(name) or CASE_CAP, name))
    for row in load_rows("leaders.csv"):
        for name in split_forms(row[1]):
            _add(found, name, Entry(row[0], "leader", CASE_CAP, name))
    for code, prefixes in data["prefixes"].items():
        for p in prefixes:
            _add(found, p, Entry(code, "prefix", CASE_ANY, p))
    for code, phrases in data["stop"].items():
        code = "" if code.startswith("-") else code
        for p in phrases:
            _add(found, p, Entry(code, "stop", CASE_ANY, p))
    return found


def _resolve(key: tuple[str, ...], entries: list[Entry]) -> list[Entry]:
    """One phrase, one meaning: stops win, then aliases/places pin a form; a form two countries share
    in the same role (a demonym, a name) is ambiguous and dropped."""
    stops = [e for e in entries if e.kind == "stop"]
    if stops:
        return stops[:1]
    codes = {e.code for e in entries}
    if len(codes) == 1:
        # Keep one entry per case rule: 'US' (capitals only) and 'Us' must not both match. The strictest
        # rule is tried first, so a form that is both a name and a demonym ("Ucraina"/"ucraina") counts
        # as the name when capitalised.
        kept = {e.case: e for e in reversed(entries)}
        return [kept[c] for c in sorted(kept, reverse=True)]
    pinned = [e for e in entries if e.kind not in ("name", "demonym")]
    if len({e.code for e in pinned}) == 1:
        return pinned[:1]
    log.debug("ambiguous country form %r (%s): left out", " ".join(key), ", ".join(sorted(codes)))
    return []


@lru_cache(maxsize=32)
def lexicon(lang: str) -> CountryLexicon:
    """The compiled country lexicon of one language (cached: built once per process, and kept on disk)."""
    lang = lang_of(lang)
    try:
        path = _cache_path(lang)
    except Exception as exc:   # noqa: BLE001 - a cache only: the lexicon is built as before
        log.debug("country lexicon cache not used: %s", exc)
        return _build(lang)
    try:
        return _from_plain(marshal.loads(path.read_bytes()), lang)
    except FileNotFoundError:
        pass
    except Exception as exc:   # noqa: BLE001 - a broken file (a full disk?): built and written again
        log.debug("country lexicon cache %s not read: %s", path, exc)
    built = _build(lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(_plain(built)))
        os.replace(tmp, path)
        for stale in path.parent.glob(f"countries-{lang}-*.marshal"):   # an older briefgen's: never read again
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:     # a read-only home: built again next time
        log.debug("country lexicon cache %s not written: %s", path, exc)
    return built


# The compiled lexicons are kept in the user's cache folder ($XDG_CACHE_HOME/briefgen, else
# ~/.cache/briefgen), one marshal file per language: building one takes 0.03-0.1 s of CPU (most of the
# fixed cost of classifying a few articles), reading it back about a tenth of that. The file's name
# carries a digest of everything the lexicon is built from (this module's and lexicon.py's code, the
# data files, babel's version): any change gives a new file, so a stale lexicon is never read. marshal
# holds plain data only (no code runs when it is read); a file that does not read back is rebuilt.
_CACHE_FORMAT = 3


def _cache_path(lang: str) -> Path:
    import babel

    if not (lang.isascii() and lang.isalpha() and len(lang) <= 8):
        raise ValueError(f"no cache file for language {lang!r}")
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{lang}|{babel.__version__}|{sys.version_info[:2]}".encode())
    digest.update(_sources_digest())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefgen" / f"countries-{lang}-{digest.hexdigest()[:20]}.marshal"


@lru_cache(maxsize=1)
def _sources_digest() -> bytes:
    """The digest of this module's and lexicon.py's code and of the data files (read once a process: the
    same for every language)."""
    from briefgen.classify import lexicon as lexicon_module

    digest = hashlib.sha256()
    sources = [Path(__file__), Path(lexicon_module.__file__)]
    data = Path(lexicon_module.__file__).parent / "data"
    for path in sources + sorted(p for p in data.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _plain(lex: CountryLexicon) -> tuple:
    """The lexicon as plain tuples, dicts and sets (what marshal writes)."""
    ix = lex.index
    singles, pairs = ix.entries() if isinstance(ix, _StoredIndex) else (ix.singles, ix.pairs)
    return (_CACHE_FORMAT, lex.lang,
            {w: [astuple(e) for e in v] for w, v in singles.items()},
            {k: [(phrase, astuple(e)) for phrase, e in v] for k, v in pairs.items()},
            ix.firsts, ix.pair_only, ix.pair_only_words, lex.person_names, lex.language_preps, lex.contexts,
            lex.context_codes, lex.stopwords, lex.states, lex.between, lex.state_firsts, lex.language_after,
            lex.language_before, lex.name_particles, lex.water_before, lex.water_after)


class _StoredIndex(PhraseIndex):
    """A PhraseIndex read back from the cache file: its payloads stay the plain tuples marshal gave, and a
    phrase's Entry objects are made the first time an article holds it (an article meets a few dozen of a
    lexicon's ~3,000 entries; making them all took about half of reading a language's lexicon back)."""

    def __init__(self, singles: dict, pairs: dict) -> None:
        super().__init__()
        self.singles, self.pairs = singles, pairs
        self._made: dict[tuple, Entry] = {}

    def candidates(self, toks: Tokens, i: int) -> list[tuple[int, Entry]]:
        made = self._made
        out = []
        for k, t in super().candidates(toks, i):
            e = made.get(t)
            if e is None:
                e = made[t] = Entry(*t)
            out.append((k, e))
        return out

    def entries(self) -> tuple[dict, dict]:
        """(singles, pairs) with Entry payloads, as a built index holds them."""
        made = self._made

        def entry(t: tuple) -> Entry:
            e = made.get(t)
            if e is None:
                e = made[t] = Entry(*t)
            return e

        return ({w: [entry(t) for t in v] for w, v in self.singles.items()},
                {k: [(phrase, entry(t)) for phrase, t in v] for k, v in self.pairs.items()})


def _from_plain(data: tuple, lang: str) -> CountryLexicon:
    (fmt, lex_lang, singles, pairs, firsts, pair_only, pair_only_words, person_names, language_preps, contexts,
     context_codes, stopwords, states, between, state_firsts, language_after, language_before, name_particles,
     water_before, water_after) = data
    if fmt != _CACHE_FORMAT or lex_lang != lang:
        raise ValueError("another format or language")
    index = _StoredIndex(singles, pairs)
    index.firsts, index.pair_only, index.pair_only_words = firsts, pair_only, pair_only_words
    return CountryLexicon(lex_lang, index, person_names, language_preps, contexts, context_codes, stopwords,
                          states, between, state_firsts, language_after, language_before, name_particles,
                          water_before, water_after)


def _build(lang: str) -> CountryLexicon:
    data = load_toml("lexicon.toml")
    index = PhraseIndex()
    for key, entries in _collect(lang).items():
        for entry in _resolve(key, entries):
            index.add(key, entry)
    contexts = tuple((frozenset(norm(f) for f in c["forms"]), c["becomes"], tuple(norm(n) for n in c["near"]))
                     for c in data.get("context", []))
    na = data["north_america"]
    states = {tuple(norm(n).split()): code for code in ("US", "CA") for n in na[code]}
    return CountryLexicon(lang, index.freeze(),
                          frozenset(norm(n) for n in data["person_names"].get(lang, []) + data["person_names"]["all"]),
                          frozenset(data["language_use"].get(lang, [])), contexts,
                          frozenset(c["code"] for c in data.get("context", [])),
                          frozenset(norm(w) for w in load_toml("sentences.toml")["stopwords"].get(lang, [])),
                          states, frozenset(na["between"]), frozenset(k[0] for k in states),
                          frozenset(norm(w) for w in data["language_words"].get(lang, {}).get("after", [])),
                          frozenset(norm(w) for w in data["language_words"].get(lang, {}).get("before", [])),
                          frozenset(norm(w) for w in data["name_particles"]["all"]),
                          frozenset(tuple(norm(w).split()) for w in data["water"]["before"].get(lang, [])),
                          frozenset(norm(w) for w in data["water"]["after"].get(lang, [])))


# ---- finding mentions ---------------------------------------------------------------------------------

def _is_person(toks: Tokens, i: int, k: int, lex: CountryLexicon) -> bool:
    """'Jordan Bardella', 'Michael Jordan': a capitalised word right before or after makes it a name."""
    nxt = i + k
    if nxt < len(toks) and toks.adjacent(nxt - 1, nxt) and toks.is_cap(nxt) and not toks.is_upper(nxt):
        return True
    # "Chad le Clos", "Kenya van der Berg": one or two lower-case name particles between the first name and
    # a capitalised surname.
    j = nxt
    while j < len(toks) and j - nxt < 2 and toks.low[j] in lex.name_particles and not toks.is_cap(j):
        j += 1
    if j > nxt and j < len(toks) and toks.is_cap(j) and all(toks.adjacent(x - 1, x) for x in range(nxt, j + 1)):
        return True
    prev = i - 1
    if prev < 0 or not toks.adjacent(prev, i) or not toks.is_cap(prev) or toks.is_upper(prev):
        return False
    # "Michael Jordan" but not "In Jordan" / "After Jordan": a sentence-initial word must look like a name.
    return not toks.starts_sentence(prev) or (len(toks.low[prev]) > 3 and toks.low[prev] not in lex.stopwords)


def _is_surname(toks: Tokens, i: int, lex: CountryLexicon) -> bool:
    """'Francesca Albanese', 'Dawn French': a capitalised demonym right after a first name. Not in German,
    where every noun is capitalised ('Millionen Deutsche')."""
    if lex.lang == "de" or i == 0 or not toks.is_cap(i):
        return False
    prev = i - 1
    # Cheap tests first: token offsets (for adjacency and sentence starts) are cut only if needed.
    return (toks.is_cap(prev) and not toks.is_upper(prev) and toks.low[prev] not in lex.stopwords
            and toks.adjacent(prev, i) and not toks.starts_sentence(prev))


def _is_language(toks: Tokens, i: int, k: int, lex: CountryLexicon) -> bool:
    """'auf Deutsch', 'in English.', 'en anglais,', 'French-speaking', 'de langue française': the language, not
    the country."""
    if (i + k < len(toks) and toks.low[i + k] in lex.language_after) or (i > 0 and toks.low[i - 1] in lex.language_before):
        return True
    if lex.lang == "de" and k == 1 and toks.is_cap(i) and toks.low[i].endswith("sch"):
        # German writes adjectives in lower case: a capitalised bare "Spanisch" is the language.
        return not toks.starts_sentence(i) or (i > 0 and toks.low[i - 1] in lex.language_preps)
    if i == 0 or toks.low[i - 1] not in lex.language_preps:
        return False
    after = toks.char_after(i + k - 1)
    return not after or not after.isalpha()


_PLACE_KINDS = frozenset({"name", "alias", "capital", "city", "region", "seat"})
_COUNTRY_KINDS = frozenset({"name", "alias", "demonym"})   # the country itself, not one of its cities


def _is_water(toks: Tokens, i: int, k: int, lex: CountryLexicon) -> bool:
    """'Gulf of Mexico', 'South China Sea', 'mer de Chine', 'Mar Cinese': a sea named after the country."""
    low, end = toks.low, i + k
    if end < len(low) and low[end] in lex.water_after and toks.adjacent(end - 1, end):
        return True
    return bool(lex.water_before) and (tuple(low[max(0, i - 2):i]) in lex.water_before
                                       or (i > 0 and (low[i - 1],) in lex.water_before))


def _north_american(toks: Tokens, end: int, lex: CountryLexicon) -> str | None:
    """'Paris, Texas', 'Vienna (Virginia)', 'Paris im US-Bundesstaat Texas': the US or Canada when a state
    or province follows the place (after a comma, a bracket or a few linking words), else None."""
    low, n = toks.low, len(toks)
    j = end
    while j < n and j - end < 4 and low[j] in lex.between:
        j += 1
    # Cheap test first: most places are followed by no state at all (separators are cut only if needed).
    if j >= n or low[j] not in lex.state_firsts:
        return None
    if any(c in toks.sep(i) for i in range(end, j + 1) for c in ".;:!?") or (
            j == end and not any(c in toks.sep(j) for c in ",(")):
        return None
    for k in (3, 2, 1):
        code = lex.states.get(tuple(toks.low[j:j + k]))
        if code and (k > 1 or toks.is_cap(j)):
            # Two-letter postal codes only in capitals ("Paris, TX"), never the word "in" or "me".
            if len(toks.low[j]) == 2 and not toks.is_upper(j):
                continue
            return code
    return None


class _LazyDoc:
    """The whole article as one padded string of words, built only if a context rule needs it."""

    def __init__(self, fields: list[tuple[str, Tokens]]) -> None:
        self.fields = fields
        self.text: str | None = None

    def __str__(self) -> str:
        if self.text is None:
            self.text = f" {' '.join(' '.join(t.low) for _, t in self.fields)} "
        return self.text


def _context_code(toks: Tokens, i: int, k: int, entry: Entry, lex: CountryLexicon, doc: object) -> str:
    """The code after context rules: "Georgia" in a story that also names Atlanta is the US state."""
    if not lex.contexts or entry.code not in lex.context_codes:
        return entry.code
    form = " ".join(toks.low[i:i + k])
    for forms, becomes, near in lex.contexts:
        if form in forms:
            text = str(doc) if doc is not None else f" {' '.join(toks.low)} "
            if any(f" {n} " in text for n in near):
                return becomes
    return entry.code


def find_mentions(toks: Tokens, lex: CountryLexicon, doc: object = None,
                  firsts: frozenset[str] | None = None,
                  placed: dict[tuple[str, ...], str] | None = None) -> list[tuple[int, int, Entry, str]]:
    """Every country mention in a text: (token index, length, entry, code after context rules).

    doc: the whole article's words (str() of it: joined by spaces, padded), for context rules; default:
    this text only. firsts: the phrase openers worth looking for (PhraseIndex.live_firsts of the article).
    placed: place names the article has already put in a US state or Canadian province ("London,
    Ontario") -> that country, shared by the article's fields in reading order: a later bare "London"
    is the same town."""
    out: list[tuple[int, int, Entry, str]] = []
    starts = lex.index.starts(toks, firsts)
    if not starts:
        return out
    raw: list[str] | None = None              # tokens as written: cut only once a phrase is present
    free = 0                                   # first token not consumed by an earlier match
    for i in starts:
        if i < free:
            continue
        for k, entry in lex.index.candidates(toks, i):
            if raw is None:
                raw = toks.raw
            if entry.case == CASE_CAP:
                caps = entry.caps
                # Most forms have one capital to check: no generator for them.
                if not (raw[i + caps[0]][:1].isupper() if len(caps) == 1
                        else all(raw[i + j][:1].isupper() for j in caps)):
                    continue
            elif entry.case == CASE_UPPER and not all(raw[j].isupper() for j in range(i, i + k)):
                continue
            if entry.kind == "prefix" and not toks.hyphen_after(i + k - 1):
                continue
            free = i + k
            if entry.kind == "stop":
                if entry.code:
                    out.append((i, k, entry, entry.code))
                break
            if k == 1 and toks.low[i] in lex.person_names and _is_person(toks, i, k, lex):
                break
            if entry.kind in _COUNTRY_KINDS and _is_water(toks, i, k, lex):
                break
            if entry.kind == "demonym" and (_is_language(toks, i, k, lex) or _is_surname(toks, i, lex)):
                break
            code = _context_code(toks, i, k, entry, lex, doc)
            if code and code not in ("US", "CA") and entry.kind in _PLACE_KINDS:
                american = _north_american(toks, i + k, lex)
                if placed is not None:
                    form = tuple(toks.low[i:i + k])
                    if american:
                        placed[form] = american
                    else:
                        american = placed.get(form)
                code = american or code
            if code:                            # "" : the context says it is no country at all
                out.append((i, k, entry, code))
            break
    return out


# ---- salience -----------------------------------------------------------------------------------------

def _settings() -> dict:
    return load_toml("lexicon.toml")


def publisher_country(url: str | None) -> str | None:
    """The country of a publisher's country-code domain ('https://www.srf.ch/…' -> 'CH'), if it has one."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    data = load_toml("lexicon.toml")["publisher"]
    if len(tld) != 2 or not tld.isalpha() or tld in data["generic_tlds"]:
        return None
    return data["tld_codes"].get(tld, tld.upper())


class _FieldWeights:
    """Weight of one mention in each field: headline and lead most; body paragraphs decaying from the
    first to the last, and damped as the body grows (long texts repeat names more). Worked out only for
    the fields that hold a mention (most paragraphs hold none)."""

    __slots__ = ("field_w", "length_factor", "paragraphs", "tail")

    def __init__(self, fields: list[tuple[str, Tokens]], cfg: dict) -> None:
        self.field_w, sal = cfg["field_weight"], cfg["salience"]
        body = [t.low for f, t in fields if f == "body"]
        body_words = sum(map(len, body))
        self.paragraphs = len(body)
        self.length_factor = min(1.0, (sal["body_words"] / body_words) ** 0.5) if body_words else 1.0
        self.tail = 1.0 - sal["tail_weight"]

    def weight(self, fname: str, para_no: int) -> float:
        """fname's weight; para_no: the paragraph's index among the body paragraphs."""
        if fname != "body":
            return self.field_w.get(fname, 1.0)
        position = para_no / max(1, self.paragraphs - 1)
        base = self.field_w["first_paragraph"] if para_no == 0 else self.field_w["body"]
        return base * self.length_factor * (1.0 - self.tail * position)


def score_fields(fields: list[tuple[str, Tokens]], lex: CountryLexicon,
                 min_score: float | None = None, explain: bool = True, source_url: str | None = None,
                 words: set[str] | None = None) -> CountryResult:
    """Weigh the mentions of each field ("title", "kicker", "lead", "body") and keep the salient countries.

    Body paragraphs are given one by one (field "body"), in order: later ones weigh less."""
    cfg = _settings()
    kind_w, sal = cfg["kind_weight"], cfg["salience"]
    scores: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    first_seen: dict[str, int] = {}
    evidence: dict[str, list[str]] = defaultdict(list)
    doc = _LazyDoc(fields)
    # words: every distinct word of the article, when the caller has them (pipeline: from its counts).
    firsts = lex.index.live_firsts(words if words is not None else set().union(*(t.low for _, t in fields)))
    weights = _FieldWeights(fields, cfg)
    placed: dict[tuple[str, ...], str] = {}
    headed: set[str] = set()                   # countries named in the headline, kicker or lead
    by_person: dict[str, int] = defaultdict(int)   # mentions that are a leader's name, not a place
    para_no = -1
    for order, (fname, toks) in enumerate(fields):
        if fname == "body":
            para_no += 1
        if firsts.isdisjoint(toks.low):
            continue
        mentions = find_mentions(toks, lex, doc, firsts, placed)
        w_field = weights.weight(fname, para_no) if mentions else 0.0
        last_end, last_code = -9, None
        for i, k, entry, code in mentions:
            scores[code] += kind_w.get(entry.kind, 0.8) * w_field
            # "China's Xi Jinping", "Russian President Vladimir Putin": a leader named right after their
            # country is one reference to it, not a second.
            if not (entry.kind == "leader" and code == last_code and i - last_end <= 3):
                counts[code] += 1
                if entry.kind == "leader":
                    by_person[code] += 1
            last_end, last_code = i + k, code
            first_seen.setdefault(code, order * 10_000 + i)
            if fname != "body":
                headed.add(code)
            if explain and len(evidence[code]) < 12:
                evidence[code].append(f"{' '.join(toks.raw[i:i + k])} ({entry.kind}, {fname})")
    result = _select(scores, counts, first_seen, evidence, sal, min_score, headed)
    if by_person:
        # A leader's name weighs for the country's salience ("Scholz reist nach Peking"), but a person is no
        # place: `mentions` counts the places (and bodies) named, as a toponym annotator would.
        result.mentions = {c: n - by_person[c] for c, n in result.mentions.items() if n > by_person[c]}
    # A story that makes no country salient is, on a national site, most likely a domestic one.
    home = publisher_country(source_url) if not result.countries else None
    if home:
        result.countries = (home,)
        result.evidence[home] = [f"publisher's domain ({source_url})"]
    return result


def _select(scores, counts, first_seen, evidence, sal, min_score, headed=frozenset()) -> CountryResult:
    threshold = min_score if min_score else sal["min_score"]
    top = max(scores.values(), default=0.0)
    ranked = sorted(scores, key=lambda c: (-round(scores[c], 6), first_seen[c]))
    # A country named once is kept only when it leads or stands in the headline, kicker or lead: one
    # mention in the first paragraph (a comparison, a passing "in Russia") is not what the story is about.
    kept = [c for c in ranked if scores[c] >= threshold and scores[c] >= sal["min_share"] * top
            and (counts[c] >= 2 or c == ranked[0] or c in headed)]
    if not kept and ranked and top >= sal["fallback_score"]:
        # Nothing salient, but one country clearly ahead (a domestic story naming a city or two): keep it.
        runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
        if top >= sal["fallback_lead"] * runner_up:
            kept = ranked[:1]
    return CountryResult(tuple(kept[:sal["max_countries"]]), {c: round(scores[c], 3) for c in ranked},
                         {c: counts[c] for c in sorted(counts)}, {c: evidence[c] for c in ranked})


# ---- the baseline: a plain gazetteer ---------------------------------------------------------------------

@lru_cache(maxsize=32)
def gazetteer(lang: str) -> PhraseIndex:
    """CLDR country names of one language and nothing else: no demonyms, places, rules or weights. The
    baseline the quality gates compare the classifier with."""
    index = PhraseIndex()
    for code, name in _cldr_names(lang_of(lang)).items():
        for variant in _name_variants(name, lang):
            index.add(tuple(norm(variant).split()), code)
    return index.freeze()


def gazetteer_countries(texts: list[str], lang: str) -> tuple[tuple[str, ...], dict[str, int]]:
    """(countries "about": named at least twice, or the most named; every country named -> count)."""
    index = gazetteer(lang)
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        toks = Tokens(text)
        free = 0
        for i in index.starts(toks):
            if i < free:
                continue
            for k, code in index.candidates(toks, i)[:1]:
                counts[code] += 1
                free = i + k
    top = max(counts.values(), default=0)
    about = tuple(sorted((c for c, n in counts.items() if n >= 2 or n == top), key=lambda c: -counts[c]))
    return about, dict(counts)


@lru_cache(maxsize=4096)
def country_name(code: str, locale: str = "en") -> str:
    """Display name of a country in a locale, from CLDR ('JP', 'fr' -> 'Japon'); the code if unknown."""
    for loc in (locale.replace("-", "_"), lang_of(locale), "en"):
        try:
            name = Locale.parse(loc).territories.get(code.upper())
        except (UnknownLocaleError, ValueError):
            continue
        if name:
            return name
    return code
