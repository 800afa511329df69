"""Atom 1.0 feeds: the whole site, every region and every theme (absolute URLs throughout)."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from briefgen.site.pages import Page

if TYPE_CHECKING:
    from briefgen.site.collections import Collections
    from briefgen.site.content import Item

log = logging.getLogger(__name__)

# Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates),
# raw or as numeric character references: one of them in a title makes the whole feed unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# The references _CHAR_REF finds minus those that are legal whatever their value: decimal, 100 to 9999
# without a leading zero (&#39; and &#34; from autoescaping, in every feed). The rest go to _legal_ref.
_MAYBE_ILLEGAL_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|(0[0-9]{0,9}|[1-9]|[12][0-9]|3[01]|[0-9]{5,10}));")


def _legal_ref(m: re.Match) -> str:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    legal = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF
    return m.group(0) if legal else ""


def xml_text(text: str) -> str:
    """An XML document (or text bound for one) without the characters XML 1.0 forbids. Applied to
    whole rendered feeds and the sitemap, so no field or template can let one through."""
    if "&#" in text:
        text = _MAYBE_ILLEGAL_REF.sub(_legal_ref, text)
    return _XML_ILLEGAL.sub("", text)


# C0 controls XML 1.0 forbids, as UTF-8 bytes (in UTF-8 these byte values are never part of another character)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def xml_bytes(text: str) -> bytes:
    """`xml_text(text).encode("utf-8")`, quicker on the usual text (a feed of 50 full-text entries is
    ~300 KB): the pattern over every character with the surrogate range costs ~10 ms there. Text that
    encodes (no lone surrogate) and holds no U+FFFE/U+FFFF needs only its C0 controls dropped, which
    is done on the UTF-8 bytes; anything else takes xml_text."""
    if "&#" in text:
        text = _MAYBE_ILLEGAL_REF.sub(_legal_ref, text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:          # a lone surrogate
        return _XML_ILLEGAL.sub("", text).encode("utf-8")
    if "\ufffe" in text or "\uffff" in text:
        return _XML_ILLEGAL.sub("", text).encode("utf-8")
    return data.translate(None, _CONTROL_BYTES)


# Kept `{% once %}` texts (a feed's entries) start with a flag byte: XML_CLEAN if the text may stand in
# an XML document as it is whatever surrounds it (`clean_part`), so a feed puts its bytes in without
# decoding, checking and encoding ~300 KB again (`assemble`: ~0.8 ms of ~1.7 a feed of 50 entries).
XML_CLEAN, XML_UNCHECKED = b"+", b"-"
PLACE = "\ue000"     # where such a part goes in a rendered feed (a private-use character: legal in XML)
_PLACE_BYTES = PLACE.encode("utf-8")
_REF_END = re.compile(r"&(?:#[xX]?[0-9a-fA-F]*)?\Z")     # the start of a reference another part may end
_REF_GOES_ON = tuple("#xX0123456789abcdefABCDEF;")        # ... or the end of one another part starts


def clean_part(text: str) -> bool:
    """True if `xml_text` leaves `text` as it is in any document: no character XML forbids, no
    reference it would drop, and no start or end of a reference that the text around could complete."""
    return (not _XML_ILLEGAL.search(text) and not ("&#" in text and _MAYBE_ILLEGAL_REF.search(text))
            and not _REF_END.search(text) and not text.startswith(_REF_GOES_ON))


def assemble(text: str, parts: list[bytes]) -> bytes | None:
    """`xml_bytes` of `text` with its PLACE characters replaced, in order, by the texts whose kept bytes
    (after their XML_CLEAN flag) are `parts`: the same bytes, since such a text is what xml_text leaves
    and no reference runs across its ends. None if `text` holds another PLACE (a brief's own)."""
    if text.count(PLACE) != len(parts):
        return None
    pieces = xml_bytes(text).split(_PLACE_BYTES)
    out = [pieces[0]]
    for part, piece in zip(parts, pieces[1:]):
        out += (memoryview(part)[1:], piece)
    return b"".join(out)


def _timestamp(value, tz) -> float:
    if not isinstance(value, datetime):   # a bare date: its midnight
        value = datetime.combine(value, datetime.min.time())
    return (value if value.tzinfo else value.replace(tzinfo=tz)).timestamp()


def _feed(output: str, page_url: str, kind: str, name: str | None, items: list[Item], full_text: bool) -> Page:
    def context() -> dict:
        # A date without an offset is in the site's time zone (it.when's), as everywhere else: ingest
        # writes such dates itself, and ranking them as "0" made <updated> older than the newest entry.
        # it.stamp: from the brief cache's entry (loading ~50 briefs a feed cost ~0.3 s at 10,000 briefs)
        updated = max(((it.stamp, it.when.tzinfo) for it in items), default=(None, None),
                      key=lambda pair: _timestamp(*pair))[0]
        # page_url is set by the renderer to the feed's own URL; section_url is the HTML page it mirrors.
        return {"kind": kind, "name": name, "items": items, "section_url": page_url, "feed_updated": updated,
                "full_text": full_text}

    return Page(output, output, "feed.xml", ("feed", kind, name, tuple(it.sig for it in items)), context)


def feed_pages(c: Collections, entries: int, full_text: bool) -> Iterator[Page]:
    """feed.xml, regions/<slug>/feed.xml, themes/<id>/feed.xml, countries/<code>/feed.xml, each with the newest `entries` briefs."""
    yield _feed("feed.xml", "", "site", None, c.items[:entries], full_text)
    for region, items in c.by_region.items():
        yield _feed(f"regions/{region}/feed.xml", f"regions/{region}/", "region", region, items[:entries],
                    full_text)
    for theme, items in c.by_theme.items():
        yield _feed(f"themes/{theme}/feed.xml", f"themes/{theme}/", "theme", theme, items[:entries], full_text)
    for code, items in c.by_country.items():
        yield _feed(f"countries/{code.lower()}/feed.xml", f"countries/{code.lower()}/", "country", code,
                    items[:entries], full_text)
