"""`briefgen classify`: JSON and human output, --explain, and --write keeping a person's edits."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from briefgen.brief.frontmatter import dump, read
from briefgen.brief.state import IngestState
from briefgen.classify.command import brief_text, merge_labels, run
from briefgen.cli import cli
from briefgen.config import load_config

BRIEF = """---
title: Le Japon et les Etats-Unis renforcent leur coopération militaire
lead: Tokyo et Washington vont produire ensemble des missiles.
date: 2026-01-16T09:41:00+01:00
lang: fr
countries: [{countries}]
themes: [{themes}]
---

vendredi 16 janvier 2026

Tokyo et Washington se sont mis d'accord vendredi pour renforcer leur production conjointe de missiles. \
La Chine accentue sa pression militaire sur le Japon.

Les tensions sont vives entre le Japon et la Chine depuis que Tokyo a dit pouvoir intervenir si Pékin \
attaquait Taïwan. L'armée américaine surveille le détroit de Taïwan.
"""


def brief(countries: str = "", themes: str = "") -> str:
    return BRIEF.format(countries=countries, themes=themes)


@pytest.fixture
def project(make_project):
    return make_project({
        "briefgen.toml": 'title = "Test"\n',
        "content/briefs/2026/01/japon.md": brief(),
        "content/briefs/2026/01/_draft.md": "not a brief",
        "content/briefs/.hidden/x.md": "not a brief either",
    })


def run_json(paths, config, **kw) -> list[dict]:
    out = io.StringIO()
    assert run(paths, config, as_json=True, out=out, **kw) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_prints_one_json_object_per_brief_and_skips_hidden_names(project):
    config = load_config(project)
    records = run_json([project / "content/briefs"], config)
    assert len(records) == 1
    rec = records[0]
    assert rec["path"].endswith("japon.md")
    assert sorted(rec["countries"]) == ["CN", "JP", "TW", "US"]
    assert rec["mentions"]["JP"] >= 3 and rec["regions"] == ["eastern-asia", "northern-america"]
    # military cooperation between two states: defence and diplomacy, either first
    assert set(rec["themes"][:2]) == {"defence", "diplomacy"} and rec["key_points"]


def test_explain_shows_the_words_that_decided(project):
    out = io.StringIO()
    run([project / "content/briefs/2026/01/japon.md"], load_config(project), explain=True, out=out)
    text = out.getvalue()
    assert "country:JP" in text and "Tokyo (capital" in text and "theme:defence" in text


def test_brief_text_leaves_out_the_date_line():
    assert not brief_text(read_brief(brief())).startswith("vendredi")
    german = brief().replace("lang: fr", "lang: de").replace("vendredi 16 janvier 2026", "Freitag, 16. Januar 2026")
    assert brief_text(read_brief(german)).startswith("Tokyo")
    no_date = brief().replace("vendredi 16 janvier 2026\n\n", "")
    assert brief_text(read_brief(no_date)).startswith("Tokyo")


def read_brief(text: str):
    from briefgen.brief.frontmatter import load

    return load(text, "x.md")


def test_merge_keeps_fields_a_person_changed():
    current = {"countries": ["FR"], "regions": [], "themes": ["sport"], "key_points": ["a"]}
    machine = {"countries": ["DE"], "regions": [], "themes": ["sport"], "key_points": ["a"]}
    new = {"countries": ["JP"], "regions": ["eastern-asia"], "themes": ["defence"], "key_points": ["b"]}
    values, kept = merge_labels(current, machine, new)
    assert values == {"countries": ["FR"], "regions": ["eastern-asia"], "themes": ["defence"], "key_points": ["b"]}
    assert kept == ["countries"]


def test_write_updates_machine_fields_and_keeps_edited_ones(project):
    briefs = project / "content/briefs"
    path = briefs / "2026/01/japon.md"
    # The machine once wrote themes [sport] and countries [JP]; a person then changed countries to [FR].
    path.write_text(dump(read_brief(brief("FR", "sport"))), encoding="utf-8")
    state = IngestState(briefs)
    state.record("2026/01/japon.md", path.read_bytes(),
                 machine={"countries": ["JP"], "regions": [], "themes": ["sport"], "key_points": []})
    state.save()
    config = load_config(project)
    first = run_json([briefs], config, write=True)
    assert first[0]["kept"] == ["countries"] and "themes" in first[0]["written"]
    written = read(path)
    assert written.countries == ("FR",)                      # the person's value
    assert set(written.themes[:2]) == {"defence", "diplomacy"}   # re-classified
    assert written.regions == ("eastern-asia", "northern-america") and written.key_points
    entry = IngestState.load(briefs).get("2026/01/japon.md")
    assert entry.machine["themes"] == list(written.themes) and sorted(entry.machine["countries"]) == [
        "CN", "JP", "TW", "US"]
    # Nothing changed since: a second run writes nothing.
    before = path.read_bytes()
    assert run_json([briefs], config, write=True)[0]["written"] == []
    assert path.read_bytes() == before


def test_write_without_state_fills_only_empty_fields(project):
    path = project / "content/briefs/2026/01/japon.md"
    path.write_text(brief("", "culture"), encoding="utf-8")
    run_json([path], load_config(project), write=True)
    written = read(path)
    assert written.themes == ("culture",) and "JP" in written.countries


def test_reports_a_broken_brief_and_goes_on(project, capsys):
    (project / "content/briefs/2026/01/broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    out = io.StringIO()
    assert run([project / "content/briefs"], load_config(project), as_json=True, out=out) == 1
    assert len(out.getvalue().splitlines()) == 1
    assert "broken.md" in capsys.readouterr().err


def test_classifies_a_raw_article_through_ingest(project):
    pytest.importorskip("briefgen.ingest.pipeline")
    from tests.conftest import SAMPLES

    records = run_json([SAMPLES / "raw" / "20min-fr-japon-etats-unis.txt"], load_config(project))
    assert sorted(records[0]["countries"]) == ["CN", "JP", "TW", "US"]


def test_cli_command_prints_human_readable_labels(project):
    result = CliRunner().invoke(cli, ["-C", str(project), "classify", str(project / "content/briefs")])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.strip().startswith("countries:"))
    assert sorted(line.split("(")[0].split()[1:]) == ["CN", "JP", "TW", "US"]
    assert "regions:   eastern-asia, northern-america" in result.output


def test_write_adds_only_the_fields_it_sets_to_a_hand_written_brief(project):
    path = project / "content/briefs/2026/01/japon.md"
    hand = ("---\n# written by hand\ntitle: Le Japon et les Etats-Unis renforcent leur coopération militaire\n"
            "date: 2026-01-16\nlang: fr\ncountries: [JP, US]\nthemes:\n- defence\n---\n\n"
            + BRIEF.split("---\n\n", 1)[1])
    path.write_text(hand, encoding="utf-8")
    run_json([path], load_config(project), write=True)
    text = path.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    assert front.startswith("---\n# written by hand\ntitle: Le Japon")       # kept byte for byte
    assert "countries: [JP, US]\nthemes:\n- defence\n" in front             # a person's labels kept
    assert "regions: [eastern-asia, northern-america]" in front and "key_points:\n  - " in front
    assert "kicker" not in front and "source" not in front and "image" not in front and "null" not in front
    assert text.endswith(hand.split("---\n\n", 1)[1])                        # body untouched
    assert read(path).key_points
