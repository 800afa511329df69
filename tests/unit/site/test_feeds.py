from __future__ import annotations

import re

from briefgen.config import load_config
from briefgen.site.build import build

BRIEF = "---\ntitle: {title}\ndate: {date}\nlang: en\n---\n\nText of {title}.\n"


def test_the_feed_updated_counts_briefs_whose_date_has_no_offset(make_project):
    root = make_project({
        "briefgen.toml": 'title = "T"\ntimezone = "Europe/Zurich"\n[site]\nnow = "2026-03-01T12:00:00+01:00"\n',
        "content/briefs/2025/06/old.md": BRIEF.format(title="Old", date="2025-06-01T08:00:00+02:00"),
        "content/briefs/2026/02/new.md": BRIEF.format(title="New", date="2026-02-20T09:30:00"),
        "content/briefs/2026/01/bare.md": BRIEF.format(title="Bare", date="2026-01-10"),
    })
    result = build(load_config(root), ingest=False)
    assert not result.errors, result.errors
    feed = (root / "site/feed.xml").read_text(encoding="utf-8")
    top = re.search(r"<updated>([^<]+)</updated>", feed).group(1)
    assert top == "2026-02-20T09:30:00+01:00", feed[:800]



def test_xml_text_looks_only_at_references_that_may_be_illegal_and_drops_the_same_ones():
    """The quick pattern skips references legal whatever their digits (&#39;): the result is the
    plain rule's, on numbers of every length, leading zeros, hex and broken references."""
    import random

    from briefgen.site import feeds

    def plain(text: str) -> str:
        return feeds._XML_ILLEGAL.sub("", feeds._CHAR_REF.sub(feeds._legal_ref, text))

    rng = random.Random(7)
    for _ in range(20000):
        kind = rng.choice("dnx")
        if kind == "d":
            body = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 12)))
        elif kind == "n":
            body = str(rng.choice([0, 8, 9, 10, 13, 31, 32, 39, 55295, 55296, 57343, 57344, 65533, 65534, 1114111,
                                   1114112, rng.randint(0, 2_000_000)]))
        else:
            body = rng.choice("xX") + "".join(rng.choice("0123456789abcdefABCDEFg") for _ in range(rng.randint(0, 10)))
        text = rng.choice(["", "a", "&", "&#"]) + "&#" + body + rng.choice([";", ";;", "", ";x"])
        assert feeds.xml_text(text) == plain(text), text
    assert feeds.xml_text("a&#39;b&#1;c&#x0;d&#0039;e&#65535;") == "a&#39;bcd&#0039;e"


def test_xml_bytes_are_the_utf8_of_xml_text():
    """The quick way (controls dropped from the UTF-8 bytes) gives xml_text's text, encoded, on text
    with every kind of forbidden character, references, and none."""
    import random

    from briefgen.site import feeds

    rng = random.Random(11)
    pieces = ["a", "é", "€", "\U0001f600", "\t", "\n", "\r", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e",
              "\x1f", " ", "\x7f", "\x85", "\ufffe", "\uffff", "\ud800", "\udfff", "\ufffd", "&#39;", "&#1;",
              "&#x1F;", "&#65;", "&#xfffe;", "&#", "<b>", "&amp;"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert feeds.xml_bytes(text) == feeds.xml_text(text).encode("utf-8"), repr(text)
    assert feeds.xml_bytes("x\x01y") == b"xy"


def test_kept_parts_clean_for_xml_go_into_a_feed_as_the_whole_text_would():
    """assemble (a feed with its kept entries' bytes put in as they are) gives xml_bytes of the whole
    text, on random texts around random parts: forbidden characters, references cut at every place,
    ampersands and digits on either side of a part, PLACE characters of a brief's own (no assembly)."""
    import random

    from briefgen.site import feeds

    rng = random.Random(16)
    pieces = ["a", "é", "\U0001f600", "\n", "\x01", "\ufffe", "\ud800", "&", "#", "&#", "1", "39", ";", "x", "F",
              "&#39;", "&#1;", "&#x1F;", "<entry>", "</entry>", feeds.PLACE]
    assembled = 0
    for _ in range(8000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 5))]
        parts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(len(texts) - 1)]
        whole, marked, raw = texts[0], texts[0], []
        for part, text in zip(parts, texts[1:]):
            whole += part + text
            if feeds.clean_part(part):
                marked += feeds.PLACE + text
                raw.append(feeds.XML_CLEAN + part.encode("utf-8"))
            else:
                marked += part + text
        found = feeds.assemble(marked, raw)
        if found is None:
            assert marked.count(feeds.PLACE) != len(raw), repr(marked)
        else:
            assert found == feeds.xml_bytes(whole), (repr(marked), raw)
            assembled += bool(raw)
    assert assembled > 1000
    assert not feeds.clean_part("a&#1;b") and not feeds.clean_part("a&#") and not feeds.clean_part("39;b")
    assert feeds.clean_part("\n<entry>&#39;é</entry>\n")
