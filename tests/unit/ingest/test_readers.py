from __future__ import annotations

import pytest

from briefgen.errors import IngestError
from briefgen.ingest.readers import is_raw, kind_of, read_raw


def test_can_pick_a_reader_by_extension(tmp_path):
    assert kind_of(tmp_path / "a.txt") == "dump"
    assert kind_of(tmp_path / "a.HTML") == "html"
    assert kind_of(tmp_path / "a.htm") == "html"
    assert kind_of(tmp_path / "a.md") == "markdown"
    assert kind_of(tmp_path / "a.pdf") is None
    assert not is_raw(tmp_path / "_ingest-report.txt")


def test_can_read_utf8_and_hash_the_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Élan «citation»\n", encoding="utf-8")
    raw = read_raw(p)
    assert raw.text == "Élan «citation»\n" and raw.encoding == "utf-8" and len(raw.sha256) == 64


def test_can_detect_a_legacy_encoding(tmp_path):
    p = tmp_path / "a.txt"
    text = "Le ministre a déclaré vendredi qu'il était très inquiet de la sécurité à l'école. " * 5
    p.write_bytes(text.encode("cp1252"))
    raw = read_raw(p)
    assert "déclaré" in raw.text and raw.encoding != "utf-8"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
])
def test_errors_when_file_is_not_an_article(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(IngestError, match=message) as info:
        read_raw(p)
    assert "bad.txt" in str(info.value)


def test_errors_on_a_huge_file_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:   # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(IngestError, match="too large"):
        read_raw(p)


def test_never_modifies_the_raw_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"date 2026-01-16\nHello\r\n")
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    read_raw(p)
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before
