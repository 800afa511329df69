from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from briefgen.brief.write import BriefWriter
from briefgen.model import Brief

BRIEF = Brief(title="Titre", slug="titre", lang="fr", date=datetime(2026, 1, 16), body="vendredi\n\nTexte.\n")


def test_writes_into_year_and_month_folders(tmp_path):
    w = BriefWriter(tmp_path)
    result = w.write(BRIEF, None, "raw/a.txt", "sha-a")
    assert result.status == "written" and result.path == tmp_path / "2026/01/titre.md"
    w.save()
    assert BriefWriter(tmp_path).unchanged("raw/a.txt", "sha-a") == result.path
    assert BriefWriter(tmp_path).unchanged("raw/a.txt", "sha-b") is None


def test_never_overwrites_another_inputs_brief(tmp_path):
    w = BriefWriter(tmp_path)
    a = w.write(BRIEF, None, "raw/a.txt", "sha-a")
    b = w.write(replace(BRIEF, body="autre\n"), None, "raw/b.txt", "sha-b")
    c = w.write(replace(BRIEF, body="encore\n"), None, "raw/c.txt", "sha-c")
    assert [a.path.name, b.path.name, c.path.name] == ["titre.md", "titre-2.md", "titre-3.md"]
    w.save()
    w2 = BriefWriter(tmp_path)    # next run: each input finds its own brief again
    assert w2.write(replace(BRIEF, body="autre v2\n"), None, "raw/b.txt", "sha-b2").path.name == "titre-2.md"


def test_keeps_a_hand_edited_brief_and_writes_the_new_version_beside_it(tmp_path):
    w = BriefWriter(tmp_path)
    path = w.write(BRIEF, None, "raw/a.txt", "sha-a").path
    w.save()
    path.write_text(path.read_text() + "\nAjout à la main.\n", encoding="utf-8")
    edited = path.read_bytes()
    result = BriefWriter(tmp_path).write(replace(BRIEF, body="nouveau\n"), None, "raw/a.txt", "sha-a2")
    assert result.status == "kept_edited" and path.read_bytes() == edited
    assert result.new_path == path.with_name("titre.md.new") and b"nouveau" in result.new_path.read_bytes()


def test_force_overwrites_a_hand_edited_brief(tmp_path):
    w = BriefWriter(tmp_path)
    path = w.write(BRIEF, None, "raw/a.txt", "sha-a").path
    w.save()
    path.write_text("edited", encoding="utf-8")
    result = BriefWriter(tmp_path, force=True).write(replace(BRIEF, body="nouveau\n"), None, "raw/a.txt", "x")
    assert result.status == "written" and b"nouveau" in path.read_bytes()


def test_never_overwrites_a_brief_written_by_hand(tmp_path):
    mine = tmp_path / "2026/01/titre.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("mine", encoding="utf-8")
    result = BriefWriter(tmp_path).write(BRIEF, None, "raw/a.txt", "sha-a")
    assert result.path.name == "titre-2.md" and mine.read_text() == "mine"


def test_a_changed_title_moves_the_brief(tmp_path):
    w = BriefWriter(tmp_path)
    old = w.write(BRIEF, None, "raw/a.txt", "sha-a").path
    new = w.write(replace(BRIEF, title="Autre", slug="autre"), None, "raw/a.txt", "sha-b").path
    assert not old.exists() and new.exists()


def test_takes_back_its_own_brief_when_the_state_file_is_lost(tmp_path):
    w = BriefWriter(tmp_path)
    path = w.write(BRIEF, None, "raw/a.txt", "sha-a").path
    w.save()
    (tmp_path / ".briefgen-state.json").unlink()
    result = BriefWriter(tmp_path).write(BRIEF, None, "raw/a.txt", "sha-a")
    assert result.path == path and sorted(p.name for p in path.parent.iterdir()) == ["titre.md"]
