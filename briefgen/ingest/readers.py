"""Raw readers, registered by file extension (habit 7), and the checks every raw file goes through.

Raw files are only ever read: never modified, moved or deleted. A file over the size limit is
refused from its size alone, before reading it; binary files and undecodable text are refused
with one line naming the file.
"""
from __future__ import annotations

import codecs
import hashlib
import logging
import re
from pathlib import Path

from briefgen.errors import IngestError
from briefgen.model import RawArticle, RawKind

log = logging.getLogger(__name__)

# Extension -> kind of raw article. Anything else in content/raw/ is ignored (notes, images).
READERS: dict[str, RawKind] = {".txt": "dump", ".html": "html", ".htm": "html", ".md": "markdown"}
MAX_BYTES = 10 * 1024 * 1024   # a saved news page is well under 5 MB; bigger is not an article
SNIFF = 8192                    # bytes looked at to tell binary from text
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def kind_of(path: Path) -> RawKind | None:
    return READERS.get(path.suffix.lower())


def is_raw(path: Path) -> bool:
    return kind_of(path) is not None and not path.name.startswith((".", "_"))


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): UTF-8 first; then UTF-8 with a few stray bytes (below); then the charset an HTML
    page declares, when its bytes decode by it; then charset-normalizer's best guess; then Windows-1252.

    A page saved from the web is often UTF-8 with a few bytes of another encoding (an ad, a comment or an
    old template's "é" in Latin-1): strict UTF-8 refuses it, and charset-normalizer then reads the whole
    page as a wrong single-byte encoding (every accented letter garbled) or gives up, so the page gave no
    brief. Such bytes are read as Windows-1252, as browsers read an undeclared Latin page, and the rest
    stays UTF-8. Text that is not UTF-8 at all seldom holds a valid multi-byte sequence ("Ã©" in
    Windows-1252 is mojibake already), so more valid sequences than stray bytes tell the two apart."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = len(_HIGH.findall(data))
    if _mostly_utf8(data, high):
        return data.decode("utf-8", errors=_AS_CP1252), "utf-8"
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if legacy := LEGACY_CODE_PAGES.get(_declared_lang(data) or ""):
        # an undeclared page in a language one Windows code page writes: charset-normalizer reads most such
        # pages as Central European (cp1250: "à" as "ŕ", "ñ" as "ń", Turkish "ş" as "ţ") or Baltic (cp775:
        # every umlaut garbled)
        try:
            return data.decode(legacy), legacy
        except UnicodeDecodeError:
            pass
    if high <= FEW_HIGH_BYTES:
        # an English page's stray "é" or curly quote: too little for a guess (charset-normalizer reads
        # "Caf\xe9" as Mac Central European), and browsers read undeclared Latin pages as Windows-1252
        return data.decode("cp1252", errors=_AS_CP1252), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        log.debug("%s: decoded as %s", path, best.encoding)
        return str(best), best.encoding
    # (a binary file decodes too, and read_raw refuses it by its control characters)
    return data.decode("cp1252", errors=_AS_CP1252), "cp1252"


# A valid UTF-8 sequence of two to four bytes (lead byte, then continuation bytes).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">, or an XML
# declaration's encoding: the first one in the page's head (browsers look at the first KB first, and change
# to a charset met later in the head; a page's inline scripts can run to 100 KB before it)
_CHARSET = re.compile(rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding)\s*=\s*["']?\s*([\w.:-]{2,40})""",
                      re.IGNORECASE)
CHARSET_BYTES = 256 * 1024
FEW_HIGH_BYTES = 8   # bytes above ASCII, none in a UTF-8 sequence: a stray letter or quote, not a language


# The Windows code page of a language, where its letters sit in the same places in the ISO code page that
# older pages also used (Windows-1252 and Latin-1, 1254 and Latin-5, 1257 and Latin-7); not for Central
# European, Cyrillic or Greek, whose ISO and KOI8 pages put letters elsewhere (charset-normalizer decides)
LEGACY_CODE_PAGES = {lang: "cp1252" for lang in (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "nb", "nn", "da", "fi", "is", "ca", "eu", "gl", "ga",
    "af", "id", "ms", "sw", "zu", "xh", "lb", "fo", "oc")} | {"tr": "cp1254", "lt": "cp1257", "lv": "cp1257"}
_LANG = re.compile(rb"""<html\b[^>]{0,500}?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})\b""", re.IGNORECASE)


def _declared_lang(data: bytes) -> str | None:
    """The language an HTML page names on its <html> element ("en", "de" of "de-AT"), lowercased."""
    m = _LANG.search(data, 0, CHARSET_BYTES)
    return m.group(1).decode("ascii").lower() if m else None


def _mostly_utf8(data: bytes, high: int) -> bool:
    """More valid UTF-8 multi-byte sequences than bytes outside them above ASCII (of `high` in all)."""
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = high - sum(len(s) for s in sequences)
    return len(sequences) > stray


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page or XML declaration names, when Python knows it (None for UTF-8 and UTF-16,
    which the bytes themselves already settled)."""
    m = _CHARSET.search(data, 0, CHARSET_BYTES)
    if m is None:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"   # (browsers read both as Windows-1252: curly quotes sit in its 0x80-0x9f)
    return None if name.startswith(("utf-8", "utf-16", "utf-32")) else name


def _as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    """A codec error handler: the undecodable byte read as Windows-1252 (Latin-1 where it has no letter)."""
    byte = exc.object[exc.start:exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), exc.start + 1


_AS_CP1252 = "briefgen-cp1252"
codecs.register_error(_AS_CP1252, _as_cp1252)


def read_raw(path: Path, name: str | None = None, max_bytes: int = MAX_BYTES) -> RawArticle:
    kind = kind_of(path)
    if kind is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'} "
                          f"(expected {', '.join(sorted(READERS))})", path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)", path)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path) from None
    if not data.strip():
        raise IngestError("empty file", path)
    if b"\x00" in data[:SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary file, not a text page dump or HTML page", path)
    text, encoding = decode(data, path)
    if len(_CONTROL.findall(text, 0, SNIFF)) > 0.1 * min(len(text), SNIFF):
        raise IngestError("binary file, not a text page dump or HTML page", path)
    return RawArticle(path=path, name=name or path.name, kind=kind, text=text, sha256=hashlib.sha256(data).hexdigest(),
                      encoding=encoding)
