"""Read and write brief files: YAML front matter between `---` lines, then a Markdown body.

This module is the only code that knows the on-disk brief format (README, "The brief format").
YAML is read with YAML 1.2 booleans (only true/false): country codes are written unquoted and
`NO` (Norway) must stay a string, which PyYAML's YAML 1.1 rules would turn into False. Dates
stay strings in YAML and are parsed here, so every date goes through one parser.
"""
from __future__ import annotations

import re
from dataclasses import fields
from datetime import date as date_type
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError
from briefgen.model import Brief, Image, Source

# PyYAML is imported on first use (`_yaml()`): a build reads the briefs that changed through the quick
# reader below, which needs only the loader's implicit resolvers (copied in _PLAIN_RESOLVERS), so a
# title edit's process does not pay ~20 ms of PyYAML imports. `BriefLoader`, `BriefDumper` and `yaml`
# are still this module's attributes (made on first access).
_YAML: tuple | None = None


def _yaml() -> tuple:
    """(the yaml module, BriefLoader, BriefDumper), made once."""
    global _YAML
    if _YAML is None:
        import yaml

        try:  # the C scanner is ~10x faster; the resolvers below are Python either way
            base_loader: type = yaml.CSafeLoader
            base_dumper: type = yaml.CSafeDumper
        except AttributeError:  # pragma: no cover - PyYAML built without libyaml
            base_loader, base_dumper = yaml.SafeLoader, yaml.SafeDumper

        class BriefLoader(base_loader):  # type: ignore[misc, valid-type]
            yaml_implicit_resolvers = _without(yaml.SafeLoader, "tag:yaml.org,2002:bool",
                                               "tag:yaml.org,2002:timestamp")

        BriefLoader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

        class BriefDumper(base_dumper):  # type: ignore[misc, valid-type]
            """Still quotes strings that YAML 1.1 readers would misread (NO, yes), for other tools;
            dates are written bare, as a person would type them."""

            yaml_implicit_resolvers = _without(yaml.SafeDumper, "tag:yaml.org,2002:timestamp")

        BriefLoader.__qualname__, BriefDumper.__qualname__ = "BriefLoader", "BriefDumper"
        _YAML = (yaml, BriefLoader, BriefDumper)
    return _YAML


def __getattr__(name: str) -> Any:
    if name in ("yaml", "BriefLoader", "BriefDumper"):
        return _yaml()[("yaml", "BriefLoader", "BriefDumper").index(name)]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _without(cls: type, *tags: str) -> dict:
    """A copy of a loader's implicit resolvers without the given tags."""
    table: dict = {}
    for first, resolvers in cls.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in resolvers if tag not in tags]
        if kept:
            table[first] = kept
    return table


def _resolvers(*rules: tuple[str, str, int, str | list[str]]) -> dict[str, list]:
    """An implicit-resolver table as PyYAML's add_implicit_resolver builds it: (tag, pattern, flags,
    first characters) in order."""
    table: dict[str, list] = {}
    for tag, pattern, flags, firsts in rules:
        regexp = re.compile(pattern, flags)
        for first in firsts:
            table.setdefault(first, []).append((f"tag:yaml.org,2002:{tag}", regexp))
    return table


# BriefLoader's implicit resolvers (PyYAML 6's SafeLoader's, spelled as in its resolver.py, without
# `timestamp`, with `bool` as true/false only), for the quick reader's plain scalars; equal to
# BriefLoader's, pattern for pattern (tests/unit/brief/test_frontmatter_quick.py).
_PLAIN_RESOLVERS = _resolvers(
    ("float", r'''^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$''', re.VERBOSE, "-+0123456789."),
    ("int", r'''^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$''', re.VERBOSE, "-+0123456789"),
    ("merge", r"^(?:<<)$", 0, "<"),
    ("null", r'''^(?: ~
                    |null|Null|NULL
                    | )$''', re.VERBOSE, ["~", "n", "N", ""]),
    ("value", r"^(?:=)$", 0, "="),
    ("yaml", r"^(?:!|&|\*)$", 0, "!&*"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", 0, "tTfF"),
)


FENCE = "---"
# Order of keys when writing: what a person reads first comes first.
KEY_ORDER = ("title", "kicker", "lead", "date", "updated", "date_from", "lang", "translations", "source",
             "image", "slug", "countries", "regions", "themes", "key_points")
LIST_KEYS = ("translations", "countries", "regions", "themes", "key_points")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")
# A date must stay a date in every time zone (offsets are under a day): a day is kept free at each
# end of the calendar, so moving a brief's date to the site's zone can never overflow.
FIRST_DATE = datetime(1, 1, 2)
LAST_DATE = datetime(9999, 12, 30, 23, 59, 59)


def split(text: str, path: str | Path | None = None) -> tuple[str, str, int]:
    """Return (front matter YAML, body, 1-based line where the body starts)."""
    text = text.removeprefix("\ufeff")
    # Line by line up to the closing fence (not the body's lines: splitting and joining a whole
    # body was a tenth of reading a brief).
    end = text.find("\n")
    if (text if end < 0 else text[:end]).rstrip() != FENCE:
        raise BriefError("no front matter: a brief starts with a line '---'", path, 1)
    yaml_start, i = end + 1, 1
    while end >= 0:
        start = end + 1
        end = text.find("\n", start)
        if (text[start:] if end < 0 else text[start:end]).rstrip() in (FENCE, "..."):
            body = "" if end < 0 else text[end + 1:]
            stripped = body.lstrip("\n")
            return text[yaml_start:start - 1], stripped, i + 2 + (len(body) - len(stripped))
        i += 1
    raise BriefError("front matter is not closed by a line '---'", path, 1)


def parse_date(value: Any, key: str = "date", path: str | Path | None = None,
               line: int | None = None) -> datetime | None:
    """ISO 8601 date or date-time (with or without offset) -> datetime; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date_type):
        return datetime(value.year, value.month, value.day)
    try:
        text = str(value).strip()
        if len(text) == 10:
            d = date_type.fromisoformat(text)
            when = datetime(d.year, d.month, d.day)
        else:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BriefError(f"{key}: {value!r} is not an ISO 8601 date (e.g. 2026-01-16T09:41:00+01:00)",
                         path, line) from None
    return _in_range(when, key, path, line)


def _in_range(when: datetime, key: str, path: str | Path | None, line: int | None) -> datetime:
    offset = when.utcoffset() or timedelta(0)
    naive = when.replace(tzinfo=None)
    # Compared without converting (converting is what overflows): the UTC value, kept a day inside.
    if not FIRST_DATE + offset <= naive <= LAST_DATE + offset:
        raise BriefError(f"{key}: {when.isoformat()} is too close to the end of the calendar (must lie "
                         f"between {FIRST_DATE.date()} and {LAST_DATE.date()}, so that every time zone "
                         "can show it)", path, line)
    return when


def _line_of(key: str, yaml_text: str) -> int:
    """1-based line of a top-level key in the file (front matter starts on line 2)."""
    m = re.search(rf"^{re.escape(key)}\s*:", yaml_text, re.M)
    return yaml_text.count("\n", 0, m.start()) + 2 if m else 1


def _str_or_none(meta: dict, key: str, problems: list, yaml_text: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        problems.append((f"{key}: expected text, got a {type(value).__name__}", _line_of(key, yaml_text)))
        return None
    return str(value)


def _str_list(meta: dict, key: str, problems: list, yaml_text: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None for v in value):
        problems.append((f"{key}: expected a list of text values", _line_of(key, yaml_text)))
        return ()
    return tuple(str(v) for v in value)


# image.url reaches an <img src>: an absolute http(s) URL with no space, quote or angle bracket.
_IMAGE_URL_RE = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


_FIELDS: dict[type, tuple[set[str], set[str]]] = {}   # Source, Image -> (field names, list fields: source.files)


def _sub(meta: dict, key: str, cls: type, problems: list, yaml_text: str):
    value = meta.get(key) or {}
    if not isinstance(value, dict):
        problems.append((f"{key}: expected a mapping", _line_of(key, yaml_text)))
        return cls()
    names, lists = _FIELDS.get(cls) or _FIELDS.setdefault(
        cls, ({f.name for f in fields(cls)}, {f.name for f in fields(cls) if isinstance(f.default, tuple)}))
    unknown = sorted(map(str, set(value) - names))  # keys may be numbers: YAML allows any
    if unknown:
        problems.append((f"{key}: unknown field(s) {', '.join(map(str, unknown))} "
                         f"(allowed: {', '.join(sorted(names))})", _line_of(key, yaml_text)))
    return cls(**{k: (_str_list(value, k, problems, yaml_text) if k in lists else
                      None if value.get(k) is None else str(value[k])) for k in names})


def _refuse_aliases(yaml_text: str, path: str | Path | None) -> None:
    """YAML aliases (`*a`) are refused before anything is built from the front matter: nested nine
    deep, a 519-byte brief expands to billions of values (gigabytes, then MemoryError). A person
    writing a brief never needs them; `*` is rare in front matter, so the scan seldom runs."""
    if "*" not in yaml_text:
        return
    yaml, loader, _ = _yaml()
    for token in yaml.scan(yaml_text, Loader=loader):
        if isinstance(token, yaml.AliasToken):
            raise BriefError(f"front matter uses a YAML alias (*{token.value}): aliases are not allowed in a "
                             "brief (write the value out)", path, token.start_mark.line + 2)


# -- a fast reader for the front matter briefgen itself writes -----------------------------------------
# Parsing the YAML is half the cost of reading a brief (~0.13 of 0.23 ms, libyaml's scanner plus
# PyYAML's Python composer and constructor), a tenth of a cold build's body work. `dump` writes a
# small subset of YAML: top-level `key: value` lines, `key:` with two-space indented `k: v` lines
# (source, image) or `- item` lines (key_points), values that are plain, single- or double-quoted
# scalars or one-line flow lists of them (and one-line flow mappings, as hand-written and generated
# briefs have them: `source: {name: "Le Bulletin", agency: AFP}`). `_quick_meta` reads exactly that subset, line by line, and
# answers None on anything else (comments, blank lines, tabs, anchors, multi-line scalars, numbers,
# unusual escapes...), for which PyYAML reads the text as before. Plain scalars are typed by the
# loader's own implicit resolvers (null and booleans read here, any other tag goes to PyYAML).
# Proven equal to PyYAML on every brief of the samples and the generated corpus and on generated
# front matters (tests/unit/brief/test_frontmatter_quick.py).

class _NotQuick(Exception):
    """The text is outside the subset `_quick_meta` reads: PyYAML reads it."""


# Characters the subset allows: printable, without tab, carriage return, YAML's other line breaks
# (NEL, U+2028, U+2029) and the byte order mark, each of which the YAML scanner treats specially.
# Spelled as the characters it refuses (the complement of [\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff
# \ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff], the same set: tests/unit/brief/test_frontmatter_quick.py):
# a negated class of such ranges took ~7 ms of CPU to compile in every process that reads a brief.
_UNQUICK_CHARS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_QUICK_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?")
# A plain scalar here starts with none of these (YAML's indicators, and a space: the scanner skips it);
# in a flow list it holds none of _FLOW_UNSAFE either
_INDICATORS = frozenset(" -?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}#:?'\"]")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "/": "/", "0": "\0", " ": " "}
_ESCAPE_CODES = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile(r"[0-9A-Fa-f]+")
_NULL_TAG, _BOOL_TAG = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"


def _plain(text: str) -> Any:
    """A plain scalar typed as the loader's implicit resolvers type it (BaseResolver.resolve)."""
    resolvers = _PLAIN_RESOLVERS
    for tag, regexp in resolvers.get(text[0] if text else "", []) + resolvers.get(None, []):
        if regexp.match(text):
            if tag == _NULL_TAG:
                return None
            if tag == _BOOL_TAG:
                return text.lower() == "true"
            raise _NotQuick
    return text


def _double_quoted(text: str) -> str:
    """A one-line double-quoted scalar (text includes both quotes) with the common escapes."""
    out, i, end = [], 1, len(text) - 1
    if end < 1 or text[end] != '"':
        raise _NotQuick
    while i < end:
        j = min((k for k in (text.find('"', i, end), text.find("\\", i, end)) if k >= 0), default=end)
        out.append(text[i:j])
        if j == end:
            break
        if text[j] == '"':
            raise _NotQuick             # a quote ends the scalar before the end of the line
        code = text[j + 1] if j + 1 < end else ""
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            i = j + 2
        elif code in _ESCAPE_CODES:
            digits = text[j + 2:j + 2 + _ESCAPE_CODES[code]]
            if len(digits) != _ESCAPE_CODES[code] or not _HEX.fullmatch(digits):
                raise _NotQuick
            value = int(digits, 16)
            if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                raise _NotQuick
            out.append(chr(value))
            i = j + 2 + len(digits)
        else:
            raise _NotQuick
    return "".join(out)


def _single_quoted(text: str) -> str:
    inner = text[1:-1]
    if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
        raise _NotQuick
    return inner.replace("''", "'")


def _flow_scalar(inner: str, i: int) -> tuple[Any, int]:
    """The scalar starting at inner[i] inside a flow collection, and where it ends: quoted, or plain
    up to the next ", " (a plain one holds no flow indicator, quote, colon or #)."""
    first = inner[i:i + 1]
    if first == "'":
        j = i + 1
        while True:            # the closing quote: one not doubled
            j = inner.find("'", j)
            if j < 0:
                raise _NotQuick
            if inner[j + 1:j + 2] != "'":
                return _single_quoted(inner[i:j + 1]), j + 1
            j += 2
    if first == '"':
        j = i + 1
        while True:            # the closing quote: one not escaped
            j = min((k for k in (inner.find('"', j), inner.find("\\", j)) if k >= 0), default=-1)
            if j < 0:
                raise _NotQuick
            if inner[j] == '"':
                return _double_quoted(inner[i:j + 1]), j + 1
            j += 2
    j = inner.find(", ", i)
    j = len(inner) if j < 0 else j
    item = inner[i:j]
    if not item or item[0] in _INDICATORS or item[-1] == " " or _FLOW_UNSAFE.search(item):
        raise _NotQuick
    return _plain(item), j


def _flow(text: str) -> list | dict:
    """A one-line flow list `[a, 'b']` or mapping `{k: v, k: "w"}` of scalars, items separated by ", "."""
    mapping = text[0] == "{"
    if text[-1] != ("}" if mapping else "]"):
        raise _NotQuick
    inner = text[1:-1]
    found: dict | list = {} if mapping else []
    i, n = 0, len(inner)
    while n:
        if mapping:
            m = _QUICK_KEY.match(inner, i)
            if m is None or inner[m.end(1):m.end(1) + 2] != ": ":
                raise _NotQuick
            key = _plain(m[1])
            value, i = _flow_scalar(inner, m.end(1) + 2)
            found[key] = value
        else:
            value, i = _flow_scalar(inner, i)
            found.append(value)
        if i == n:
            break
        if inner[i:i + 2] != ", " or i + 2 >= n:
            raise _NotQuick
        i += 2
    return found


def _quick_value(text: str) -> Any:
    first = text[0]
    if first == "'":
        return _single_quoted(text)
    if first == '"':
        return _double_quoted(text)
    if first in "[{":
        return _flow(text)
    if ((first in _INDICATORS and not (first in "-?:" and text[1:2] not in ("", " ")))
            or text[-1] in " :" or ": " in text or " #" in text):
        raise _NotQuick     # (`-x`, `?x`, `:x` are plain scalars in a block, as `dump` writes them)
    return _plain(text)


def _quick_meta(yaml_text: str) -> dict | None:
    """The front matter as PyYAML's BriefLoader reads it, if it lies in the subset `dump` writes;
    else None (see above)."""
    if not yaml_text or _UNQUICK_CHARS.search(yaml_text):
        return None
    try:
        lines = yaml_text.split("\n")
        meta: dict = {}
        i, n = 0, len(lines)
        while i < n:
            m = _QUICK_KEY.fullmatch(lines[i])
            if m is None:
                return None
            key, rest = _plain(m[1]), m[2]
            i += 1
            if rest is not None:
                if not rest:
                    return None
                meta[key] = _quick_value(rest)
                continue
            j = i
            while j < n and lines[j][:1] == " ":
                j += 1
            block = lines[i:j]
            i = j
            if not block:
                meta[key] = None
            elif all(line[:4] == "  - " for line in block):
                meta[key] = [_quick_value(line[4:]) for line in block]
            else:
                value: dict = {}
                for line in block:
                    m = _QUICK_KEY.fullmatch(line, 2)
                    if line[:2] != "  " or m is None or not m[2]:
                        return None
                    value[_plain(m[1])] = _quick_value(m[2])
                meta[key] = value
        return meta
    except (_NotQuick, IndexError):
        return None


def _yaml_meta(yaml_text: str, path: str | Path | None) -> Any:
    """The front matter as PyYAML reads it (what the quick reader leaves to it)."""
    yaml, loader, _ = _yaml()
    try:
        _refuse_aliases(yaml_text, path)
        return yaml.load(yaml_text, Loader=loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        if mark is None and isinstance(getattr(exc, "position", None), int):  # ReaderError: a control char
            line = yaml_text.count("\n", 0, exc.position) + 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BriefError(f"front matter is not valid YAML: {problem}", path, line) from None
    except UnicodeEncodeError as exc:  # a lone surrogate (only reachable through load(), not read())
        line = yaml_text.count("\n", 0, exc.start) + 2
        raise BriefError("front matter holds a character that is not valid Unicode (lone surrogate)",
                         path, line) from None


def load(text: str, path: str | Path | None = None) -> Brief:
    """Parse and validate one brief; raises BriefError naming the file and line."""
    yaml_text, body, body_line = split(text, path)
    meta = _quick_meta(yaml_text)
    if meta is None:
        meta = _yaml_meta(yaml_text, path)
    if not isinstance(meta, dict):
        raise BriefError("front matter must be a mapping of keys to values", path, 2)
    meta = {str(k): v for k, v in meta.items()}
    problems: list[tuple[str, int]] = []
    title = _str_or_none(meta, "title", problems, yaml_text)
    if not title or not title.strip():
        problems.append(("title: missing (every brief needs a title)", _line_of("title", yaml_text)))
    lang = _str_or_none(meta, "lang", problems, yaml_text) or ""
    if not _LANG_RE.fullmatch(lang):
        problems.append((f"lang: {lang!r} is not a language code such as fr, de, it, en",
                         _line_of("lang", yaml_text)))
    try:
        date = parse_date(meta.get("date"), "date", path)   # the line is looked up only for an error
        if date is None:
            problems.append(("date: missing (ISO 8601, e.g. 2026-01-16T09:41:00+01:00)",
                             _line_of("date", yaml_text)))
    except BriefError as exc:
        problems.append((exc.message, _line_of("date", yaml_text)))
        date = None
    try:
        updated = parse_date(meta.get("updated"), "updated", path)
    except BriefError as exc:
        problems.append((exc.message, _line_of("updated", yaml_text)))
        updated = None
    date_from = _str_or_none(meta, "date_from", problems, yaml_text)
    slug = _str_or_none(meta, "slug", problems, yaml_text)
    as_path = path if path is None or isinstance(path, Path) else Path(path)
    if slug is None and as_path is not None:
        slug = as_path.stem
    if slug is not None and not _SLUG_RE.fullmatch(slug):
        problems.append((f"slug: {slug!r} must be lowercase letters, digits and hyphens",
                         _line_of("slug", yaml_text)))
    countries = _str_list(meta, "countries", problems, yaml_text)
    bad = [c for c in countries if not _COUNTRY_RE.fullmatch(c)]
    if bad:
        problems.append((f"countries: {', '.join(bad)} not ISO 3166-1 alpha-2 codes (e.g. FR, JP)",
                         _line_of("countries", yaml_text)))
    lists = {k: _str_list(meta, k, problems, yaml_text) for k in LIST_KEYS if k != "countries"}
    source = _sub(meta, "source", Source, problems, yaml_text)
    image = _sub(meta, "image", Image, problems, yaml_text)
    if image.url is not None and not _IMAGE_URL_RE.fullmatch(image.url):
        problems.append((f"image: url {image.url!r} is not an absolute http(s) URL", _line_of("image", yaml_text)))
    if problems:
        msg, line = problems[0]
        more = "".join(f"; line {ln}: {m}" for m, ln in problems[1:])
        raise BriefError(msg + more, path, line)
    extra = {k: v for k, v in meta.items() if k not in KEY_ORDER}
    return Brief(title=title.strip(), slug=slug or "", lang=lang, date=date, body=body,
                 kicker=_str_or_none(meta, "kicker", problems, yaml_text),
                 lead=_str_or_none(meta, "lead", problems, yaml_text), updated=updated,
                 source=source, image=image, countries=countries, extra=extra,
                 path=as_path, body_line=body_line, date_from=date_from, **lists)


def read(path: str | Path) -> Brief:
    """Read a brief file (UTF-8); errors name the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot read: {exc.strerror}", p) from None
    return from_bytes(data, p)


def from_bytes(data: bytes, path: str | Path) -> Brief:
    """A brief from the bytes of its file `path` (read once by a caller that also hashes them), as
    `read` would have it: UTF-8, line ends as text mode reads them (\r\n and \r become \n)."""
    p = Path(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BriefError(f"not UTF-8 text (byte {exc.start})", p) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return load(text, p)


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None and value.hour == value.minute == value.second == 0:
        return value.date().isoformat()
    return value.isoformat()


def to_mapping(brief: Brief) -> dict[str, Any]:
    """Front matter as an ordered mapping (what `dump` writes)."""
    data: dict[str, Any] = {
        "title": brief.title, "kicker": brief.kicker, "lead": brief.lead,
        "date": _iso(brief.date), "updated": _iso(brief.updated),
        # date_from was added later: only when the date is not the page's (`file`), so others keep their bytes
        **({"date_from": brief.date_from} if brief.date_from is not None else {}),
        "lang": brief.lang,
        "translations": list(brief.translations),
        # source.files only when the article was saved more than once: other briefs keep their bytes
        "source": {f.name: (list(v) if isinstance(v, tuple) else v) for f in fields(Source)
                   if (v := getattr(brief.source, f.name)) != ()},
        # image.url was added later: left out when empty, so briefs without one keep their bytes
        "image": {f.name: getattr(brief.image, f.name) for f in fields(Image)
                  if f.name != "url" or brief.image.url is not None},
        "slug": brief.slug, "countries": list(brief.countries), "regions": list(brief.regions),
        "themes": list(brief.themes), "key_points": list(brief.key_points),
    }
    data.update(brief.extra)
    return data


def _dump_value(value: Any) -> str:
    key = _memo_key(value)
    text = _DUMPED.get(key) if key is not None else None
    if text is None:
        yaml, _, dumper = _yaml()
        text = yaml.dump(value, Dumper=dumper, allow_unicode=True, width=1 << 30,
                         default_flow_style=True, sort_keys=False).removesuffix("\n...\n").rstrip("\n")
        if key is not None and len(_DUMPED) < 4096:
            _DUMPED[key] = text
    return text


# A value's YAML depends on the value alone. The short ones (nulls, empty lists, languages, country,
# region and theme codes, agencies) repeat from brief to brief and are dumped once: a yaml.dump is
# ~15 microseconds and a brief has 21 values.
_DUMPED: dict[Any, str] = {}


def _memo_key(value: Any) -> Any:
    if value is None:
        return (None,)
    if type(value) is str:
        return value if len(value) <= 40 else None
    if type(value) is list and len(value) <= 8 and all(type(v) is str and len(v) <= 40 for v in value):
        return ("list", *value)
    return None


def dump(brief: Brief) -> str:
    """Serialise a brief: same Brief, same bytes. Lists of codes on one line, mappings indented."""
    out = [FENCE]
    for key, value in to_mapping(brief).items():
        if isinstance(value, dict):
            out.append(f"{key}:")
            out.extend(f"  {k}: {_dump_value(v)}" for k, v in value.items())
        elif key == "key_points" and value:
            out.append(f"{key}:")
            out.extend(f"  - {_dump_value(v)}" for v in value)
        else:
            out.append(f"{key}: {_dump_value(value)}")
    out.append(FENCE)
    return "\n".join(out) + "\n\n" + brief.body.strip("\n") + "\n"


def _dump_field(key: str, value: Any) -> list[str]:
    """One top-level key as dump() writes it."""
    if key == "key_points" and value:
        return [f"{key}:"] + [f"  - {_dump_value(v)}" for v in value]
    return [f"{key}: {_dump_value(value)}"]


def set_fields(text: str, values: dict[str, Any], path: str | Path | None = None) -> str:
    """The brief's text with only the given top-level keys replaced (or added at the end of the front
    matter), everything else byte for byte as it was: a hand-written brief keeps its own keys, order,
    comments and layout, and gets no empty blocks it never had (`kicker: null`, `source:`)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    split(text, path)       # raises the usual error when there is no closed front matter
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "..."))
    head, rest = lines[1:end], lines[end:]
    out: list[str] = []
    pending = dict(values)
    i = 0
    while i < len(head):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", head[i])
        key = m.group(1) if m else None
        if key in pending:
            j = i + 1
            # The key's block: indented lines and block-sequence items ("- x") at column 0.
            while j < len(head) and (head[j][:1] in (" ", "\t", "-") or not head[j].strip()):
                j += 1
            out.extend(_dump_field(key, pending.pop(key)))
            i = j
            continue
        out.append(head[i])
        i += 1
    for key, value in pending.items():
        out.extend(_dump_field(key, value))
    return "\n".join([lines[0], *out, *rest])
