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


def test_reads_a_utf8_page_with_a_few_stray_bytes_as_utf8(tmp_path):
    # A page saved from the web: UTF-8, with one Latin-1 byte from an ad or an old template. Strict UTF-8
    # refused it, and the whole page was then read as a single-byte encoding (or refused).
    p = tmp_path / "a.html"
    text = "<p>Le ministre a déclaré vendredi qu’il était « très inquiet ».</p>\n"
    p.write_bytes(text.encode("utf-8") * 3 + b"<p>\xa9 Caf\xe9 de la Gare</p>\n")
    raw = read_raw(p)
    assert raw.encoding == "utf-8"
    assert raw.text == text * 3 + "<p>© Café de la Gare</p>\n"


def test_an_ascii_page_with_one_stray_byte_is_read(tmp_path):
    p = tmp_path / "a.html"
    p.write_bytes(b"<html><body><p>The council met on Tuesday.</p><p>Caf\xe9 owners object.</p></body></html>")
    assert "Café owners" in read_raw(p).text


def test_a_charset_declared_after_a_long_inline_script_is_read(tmp_path):
    # charset-normalizer looks for a declaration in the first bytes only; a page's inline script can run
    # to 20 KB before it, and the page was read as Windows-1250 ("Íîâîńňč")
    p = tmp_path / "a.html"
    script = "<script>var config = {" + ", ".join(f'"k{i}": {i}' for i in range(1500)) + "};</script>"
    page = (f'<html><head>{script}<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "</head><body><p>Новости: мэр открыл мост.</p></body></html>")
    p.write_bytes(page.encode("cp1251"))
    raw = read_raw(p)
    assert raw.text == page and raw.encoding == "cp1251"


def test_a_page_in_utf8_with_a_wrong_declaration_stays_utf8(tmp_path):
    p = tmp_path / "a.html"
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Straße, Größe, Übung.</p></body></html>'
    p.write_bytes(page.encode("utf-8"))
    assert read_raw(p).text == page


def test_an_undeclared_page_in_a_western_language_is_read_as_windows_1252(tmp_path):
    # no charset declared, the <html> names Spanish: charset-normalizer read it as Central European
    # (cp1250: "mañana" as "mańana"); 95 of the 200 Western sample pages re-encoded so were misread
    p = tmp_path / "a.html"
    text = ("El alcalde inauguró el nuevo puente el sábado por la mañana. Los niños y sus familias cruzaron el "
            "río a pie, y la señora García dijo que la obra había tardado años.")
    page = f'<html lang="es"><head><title>Puente</title></head><body>{f"<p>{text}</p>" * 3}</body></html>'
    p.write_bytes(page.encode("cp1252"))
    raw = read_raw(p)
    assert raw.text == page and raw.encoding == "cp1252"


def test_an_undeclared_turkish_page_is_read_as_windows_1254(tmp_path):
    p = tmp_path / "a.html"
    # (read as Windows-1252 or 1250 before: "ş" as "þ" or "ţ", "ı" as "ý")
    text = ("Şirketin açıkladığı verilere göre ihracat geçen yıla göre yüzde on iki arttı, işsizlik ise düştü. "
            "İstanbul’da yağmur nedeniyle trafik durma noktasına geldi; sürücüler saatlerce yolda kaldı.")
    page = f'<html lang="tr"><head><title>Köprü</title></head><body>{f"<p>{text}</p>" * 3}</body></html>'
    p.write_bytes(page.encode("cp1254"))
    raw = read_raw(p)
    assert raw.text == page and raw.encoding == "cp1254"
