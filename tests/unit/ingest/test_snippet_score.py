"""How the snippet measure derives its snippets from a page (briefgen.ingest.snippet_score)."""
from __future__ import annotations

import json

from briefgen.ingest.snippet_score import check, derive, sentences

EXPECTED = """Die Regierung hat am Dienstag ein neues Gesetz beschlossen. Es soll im Herbst gelten.

Der Minister sagte, das Gesetz sei lange vorbereitet worden. Die Opposition kritisierte den Entwurf scharf.

Kritiker verweisen auf die hohen Kosten für die Länder. Eine Einigung steht noch aus und ist nicht in Sicht."""

DUMP = """date 2024-05-03
Startseite Politik Wirtschaft Sport
Politik
Neues Gesetz beschlossen: Was sich jetzt ändert
Von Anna Beispiel
03.05.2024, 10:12 Uhr
Die Regierung hat am Dienstag ein neues Gesetz beschlossen. Es soll im Herbst gelten.
Der Minister im Bundestag in Berlin am Dienstag. Foto: Max Muster/dpa
Lesen Sie auch: Warum die Kommunen mehr Geld vom Bund fordern
Der Minister sagte, das Gesetz sei lange vorbereitet worden. Die Opposition kritisierte den Entwurf scharf.
Foto: Max Muster/dpa
Kritiker verweisen auf die hohen Kosten für die Länder. Eine Einigung steht noch aus und ist nicht in Sicht.
Mehr zum Thema
Kommunen fordern mehr Geld vom Bund
Newsletter abonnieren und nichts verpassen
"""


def _page(tmp_path):
    case = tmp_path / "de-beispiel-2024-05-03"
    case.mkdir()
    (case / "expected.txt").write_text(EXPECTED, encoding="utf-8")
    (case / "dump.txt").write_text(DUMP, encoding="utf-8")
    (case / "meta.json").write_text(json.dumps({"title": "Neues Gesetz beschlossen: Was sich jetzt ändert"}),
                                    encoding="utf-8")
    return derive(case)


def test_must_contain_is_first_and_last_sentence_of_first_middle_last_paragraph(tmp_path):
    s = _page(tmp_path)
    assert s.must == ["Die Regierung hat am Dienstag ein neues Gesetz beschlossen.", "Es soll im Herbst gelten.",
                      "Der Minister sagte, das Gesetz sei lange vorbereitet worden.",
                      "Die Opposition kritisierte den Entwurf scharf.",
                      "Kritiker verweisen auf die hohen Kosten für die Länder.",
                      "Eine Einigung steht noch aus und ist nicht in Sicht."]


def test_must_not_contain_is_furniture_and_fields_are_left_out_with_a_reason(tmp_path):
    s = _page(tmp_path)
    assert s.must_not == ["Lesen Sie auch: Warum die Kommunen mehr Geld vom Bund fordern",
                          "Foto: Max Muster/dpa", "Mehr zum Thema", "Kommunen fordern mehr Geld vom Bund",
                          "Newsletter abonnieren und nichts verpassen"]
    reasons = {line: why for why, line in s.excluded}
    assert reasons["Neues Gesetz beschlossen: Was sich jetzt ändert"] == "title"
    assert reasons["Von Anna Beispiel"] == "header"
    assert reasons["Startseite Politik Wirtschaft Sport"] == "kicker"    # 3 lines above the headline
    assert reasons["Der Minister im Bundestag in Berlin am Dienstag. Foto: Max Muster/dpa"] == "caption"


def test_a_page_passes_only_with_every_must_and_no_must_not(tmp_path):
    s = _page(tmp_path)
    assert check(EXPECTED, s).ok
    assert not check(EXPECTED + "\n\nFoto: Max Muster/dpa", s).ok
    cut = EXPECTED.rsplit("Eine Einigung", 1)[0]
    v = check(cut, s)
    assert not v.ok and v.missing == ("Eine Einigung steht noch aus und ist nicht in Sicht.",)
    # quotation marks, dashes and spacing do not matter
    assert check(EXPECTED.replace(",", " ,").replace(".", " ."), s).ok


def test_a_dateline_is_not_part_of_the_first_sentence():
    assert sentences("Berlin. Die Füchse stehen im Pokal-Viertelfinale.") == [
        "Die Füchse stehen im Pokal-Viertelfinale."]
    assert sentences("PARIS (AFP) - Le gouvernement a présenté mardi son projet de loi.")[0] == \
        "Le gouvernement a présenté mardi son projet de loi."


def test_the_track_picks_a_few_snippets_as_a_judge_would(tmp_path):
    from briefgen.ingest.snippet_score import track, track_check

    s = _page(tmp_path)
    t = track(tmp_path / "de-beispiel-2024-05-03", s)
    # the lead's first sentence and the last paragraph's
    assert t.must == ["Die Regierung hat am Dienstag ein neues Gesetz beschlossen.",
                      "Kritiker verweisen auf die hohen Kosten für die Länder."]
    # furniture-like lines nearest the article: two inside it, the two nearest below
    assert t.must_not == ["Lesen Sie auch: Warum die Kommunen mehr Geld vom Bund fordern", "Foto: Max Muster/dpa",
                          "Mehr zum Thema", "Kommunen fordern mehr Geld vom Bund"]
    good = EXPECTED
    assert track_check(good, t).ok and track_check(good, t).right == 4 + 2
    bad = EXPECTED.replace("Kritiker verweisen", "Sie verweisen") + "\nMehr zum Thema"
    v = track_check(bad, t)
    assert not v.ok and v.right == 4 and v.missing and v.present == ("Mehr zum Thema",)


def test_the_track_leaves_sentences_out_of_its_must_not_lines(tmp_path):
    from briefgen.ingest.snippet_score import _furniture_like

    assert _furniture_like("Newsletter abonnieren und nichts verpassen")
    assert _furniture_like("© 2024 Beispiel Verlag. Alle Rechte vorbehalten.")
    assert not _furniture_like("Der Minister sagte, das Gesetz sei lange vorbereitet worden.")
    assert not _furniture_like("Mehr")   # under three tokens
