"""Rendered cards and `{% once %}` texts kept between builds (briefgen.site.fragments): a build reuses
what an earlier process rendered, and every site equals a clean build of the same content after an
addition, an edit, a deletion, a template change, a config change and a UI-language change."""
from __future__ import annotations

import ast
import hashlib
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefgen.config import load_config
from briefgen.site import build as build_mod
from briefgen.site import fragments, render
from tests.unit.site.conftest import brief_text
from tests.unit.site.test_build import JAPAN_MD


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != build_mod.MARKER}


def _clean_twin(project: Path, tmp_path: Path, build_project) -> dict[str, str]:
    twin = tmp_path / f"twin-{len(list(tmp_path.glob('twin-*')))}"
    shutil.copytree(project, twin, ignore=shutil.ignore_patterns("site", "site.*", ".briefgen-cache"))
    return _site(build_project(twin, clean=True).out)


def _folders(project: Path) -> list[Path]:
    root = load_config(project).path("cache") / "fragments"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def _kept(project: Path) -> dict:
    found = {}
    for folder in _folders(project):
        for file in sorted(folder.glob("*.frag")):
            found.update(fragments._read(file) or {})
    return found


@pytest.fixture(autouse=True)
def every_build_keeps_texts(monkeypatch):
    """The fixture site's builds render fewer pages than a build must to read and write kept texts."""
    monkeypatch.setattr(render, "FRAGMENTS_FROM", 0)


@pytest.fixture
def puts(monkeypatch):
    """Keys of every text rendered (not taken from a store) from now on."""
    seen: list[tuple] = []
    put, put_once = fragments.Fragments.put, fragments.Fragments.put_once
    monkeypatch.setattr(fragments.Fragments, "put", lambda self, k, t: seen.append(k) or put(self, k, t))
    monkeypatch.setattr(fragments.Fragments, "put_once", lambda self, k, t: seen.append(k) or put_once(self, k, t))
    return seen


def _new_brief(project: Path, n: int, day: str = "2026-01-20") -> str:
    slug = f"nouvelle-breve-{n}"
    (project / f"content/briefs/2026/01/{slug}.md").write_text(
        brief_text(f"Nouvelle brève {n}", slug, date=f"{day}T09:00:00+01:00", regions="[northern-europe]",
                   themes="[defence]", extra="countries: [NO]\n"), encoding="utf-8")
    return f"2026/01/{slug}/"   # labels the site has: a new region or theme changes every page (and the key)


def test_cards_and_feed_entries_are_kept_for_the_next_process(scratch_project, build_project, tmp_path, puts):
    """A build in a new process (here: new trees, as every `briefgen build` makes) renders the cards and
    feed entries of the new brief only; the others come from the cache; the site is the clean one."""
    build_project(scratch_project)
    kept = _kept(scratch_project)
    cards = [k for k in kept if k[0] == "card"]
    entries = [k for k in kept if k[0] == "once" and k[1][0][0] == "feed.xml"]
    assert cards and entries and len(_folders(scratch_project)) == 2     # the fr_CH tree and the /de/ one
    # a card's own chips are not kept (the card is); the chrome is
    assert not any(k[0] == "once" and k[1][0][0] == "macros.html" for k in kept)
    assert any(k[0] == "once" and k[1][0][0] == "base.html" for k in kept)
    puts.clear()
    url = _new_brief(scratch_project, 1)
    result = build_project(scratch_project)
    assert not result.errors or all("broken" in str(e) for e in result.errors)
    assert {k[2] for k in puts if k[0] == "card"} == {url}
    assert {k[1][1][1] for k in puts if k[0] == "once" and k[1][0][0] == "feed.xml"} == {url}
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_edits_deletions_and_additions_give_the_clean_site(scratch_project, build_project, tmp_path, puts):
    build_project(scratch_project)
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Édité ", 1), encoding="utf-8")
    puts.clear()
    out = build_project(scratch_project).out
    assert "Édité" in (out / "feed.xml").read_text(encoding="utf-8")
    assert [k for k in puts if k[0] == "card"]                      # the edited brief's cards: new signature
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)
    path.unlink()
    _new_brief(scratch_project, 2, day="2026-01-16")
    out = build_project(scratch_project).out
    assert "Édité" not in (out / "feed.xml").read_text(encoding="utf-8")
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


@pytest.mark.parametrize("change", ["template", "config", "ui-language"])
def test_a_template_config_or_language_change_reads_other_texts_and_drops_the_old(scratch_project, build_project,
                                                                                 tmp_path, change, monkeypatch):
    monkeypatch.setattr(fragments, "KEEP_FOLDERS", 1)
    build_project(scratch_project)
    before = set(_folders(scratch_project))
    toml = scratch_project / "briefgen.toml"
    if change == "template":
        theme = (Path(render.__file__).resolve().parents[2] / "templates" / "macros.html").read_text(encoding="utf-8")
        (scratch_project / "templates").mkdir(exist_ok=True)
        (scratch_project / "templates" / "macros.html").write_text(
            theme.replace('<article class="card', '<article data-changed="1" class="card'), encoding="utf-8")
    elif change == "config":
        toml.write_text(toml.read_text(encoding="utf-8").replace('title = "', 'title = "Autre ', 1), encoding="utf-8")
    else:
        toml.write_text(toml.read_text(encoding="utf-8").replace('locales = ["de_CH"]', 'locales = ["it"]'),
                        encoding="utf-8")
    out = build_project(scratch_project).out
    after = set(_folders(scratch_project))
    assert len(after) == 2 and not after & before       # one per tree (fr_CH, and de_CH or it)
    if change == "template":
        assert 'data-changed="1"' in (out / "regions/eastern-asia/index.html").read_text(encoding="utf-8")
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_a_damaged_or_foreign_texts_file_is_not_used(scratch_project, build_project, tmp_path, puts):
    build_project(scratch_project)
    for folder in _folders(scratch_project):
        for i, file in enumerate(sorted(folder.glob("*.frag"))):
            data = bytearray(file.read_bytes())
            if i % 2 == 0:
                data[len(fragments.FORMAT) + fragments._HEAD.size + 3] ^= 0xFF   # the index's crc32 fails
            else:
                data[:len(fragments.FORMAT)] = b"OTHER\n\n\n"
            file.write_bytes(bytes(data))
    puts.clear()
    _new_brief(scratch_project, 3)
    out = build_project(scratch_project).out
    assert len({k[2] for k in puts if k[0] == "card"}) > 1        # all rendered again
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_a_damaged_text_is_not_used_and_the_others_are(scratch_project, build_project, tmp_path):
    """Each text has its own crc32: a flipped byte costs that text, not the file."""
    build_project(scratch_project)
    for folder in _folders(scratch_project):
        for file in sorted(folder.glob("*.frag")):
            pack = fragments._Pack.open(file)
            records = sorted(pack.records(), key=lambda r: r[2])
            pack.mm.close()
            _, kb, _, end = next(r for r in records if r[1].startswith(b"('card', "))
            data = bytearray(file.read_bytes())
            data[end - 2] ^= 0xFF                                        # inside that card's text
            file.write_bytes(bytes(data))
            store = fragments.Fragments(folder)
            keys = [ast.literal_eval(r[1].decode()) for r in records]
            assert store.get(ast.literal_eval(kb.decode())) is None
            assert sum(store.get(k) is not None for k in keys) == len(records) - 1
            assert len(fragments._read(file)) == len(records) - 1
    _new_brief(scratch_project, 4)
    out = build_project(scratch_project).out
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_many_files_are_folded_without_the_briefs_the_site_no_longer_has(scratch_project, build_project, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(fragments, "FOLD_FILES", 2)
    build_project(scratch_project)
    urls = [_new_brief(scratch_project, n) for n in range(4)]
    build_project(scratch_project)
    (scratch_project / f"content/briefs/{urls[0]}"[:-1]).with_suffix(".md").unlink()
    _new_brief(scratch_project, 5)
    build_project(scratch_project)
    _new_brief(scratch_project, 6)
    out = build_project(scratch_project).out
    kept = _kept(scratch_project)
    assert all(len(list(f.glob("*.frag"))) <= 3 for f in _folders(scratch_project))
    assert not any(urls[0] in repr(k) for k in kept)                 # the deleted brief's card and entry
    assert any(urls[1] in repr(k) for k in kept if k[0] == "card")
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_workers_share_what_they_render_and_the_next_build_reads_it(scratch_project, build_project, tmp_path,
                                                                    monkeypatch):
    """With workers (thresholds lowered): each writes its own files; the next build in this process reads
    them all and renders nothing the workers rendered; both sites are the clean ones."""
    for n in range(12):
        _new_brief(scratch_project, 10 + n, day=f"2026-01-{n + 1:02d}")
    monkeypatch.setattr(render, "PARALLEL_PAGES", 5)
    monkeypatch.setattr(render, "PARALLEL_CPU", 0)
    toml = scratch_project / "briefgen.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "jobs = 2\n", encoding="utf-8")   # the [site] table
    build_project(scratch_project)
    files = [f for folder in _folders(scratch_project) for f in folder.glob("*.frag")]
    assert len({f.name.split("-")[0] for f in files}) >= 2          # written by more than one process
    seen = []
    put = fragments.Fragments.put
    monkeypatch.setattr(fragments.Fragments, "put", lambda self, k, t: seen.append(k) or put(self, k, t))
    monkeypatch.setattr(render, "PARALLEL_PAGES", 10 ** 9)
    url = _new_brief(scratch_project, 30)
    out = build_project(scratch_project).out
    assert {k[2] for k in seen if k[0] == "card"} == {url}
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_only_keys_of_plain_values_are_kept(tmp_path):
    store = fragments.Fragments(tmp_path / "f")
    from markupsafe import Markup

    store.put(("card", "sig", "u", ("a",), (), "h3", None), b"plain")
    store.put(("card", "sig", "u", ("a",), (), Markup("h3"), None), b"markup")     # a str that renders otherwise
    store.put(("card", "sig", "u", ("a",), (), object(), None), b"object")
    store.put_once(("once", (("x.html", 3), (1.5, True, None), True)), b"once")
    store.put_once(("once", (("x.html", 4), (frozenset(),), True)), b"not kept")
    store.flush()
    again = fragments.Fragments(tmp_path / "f")
    assert sorted(again.get(k) or b"" for k in [
        ("card", "sig", "u", ("a",), (), "h3", None), ("once", (("x.html", 3), (1.5, True, None), True)),
        ("once", (("x.html", 4), (frozenset(),), True))]) == [b"", b"once", b"plain"]
    assert len(again.texts) == 0 and len(fragments._read(next((tmp_path / "f").glob("*.frag")))) == 2
    assert fragments.Fragments(None).get(("card",)) is None


def test_a_build_of_few_pages_neither_reads_nor_writes_kept_texts(scratch_project, build_project, tmp_path,
                                                                  monkeypatch):
    """An edit renders ~15 pages: its cards cost less than reading every kept text."""
    build_project(scratch_project)
    files = {f: f.stat().st_mtime_ns for folder in _folders(scratch_project) for f in folder.glob("*.frag")}
    monkeypatch.setattr(render, "FRAGMENTS_FROM", 10 ** 6)
    read = []
    refresh = fragments.Fragments.refresh
    monkeypatch.setattr(fragments.Fragments, "refresh", lambda self: read.append(self.active) or refresh(self))
    _new_brief(scratch_project, 40)
    out = build_project(scratch_project).out
    assert not any(read)
    assert {f: f.stat().st_mtime_ns for folder in _folders(scratch_project) for f in folder.glob("*.frag")} == files
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_a_build_looks_up_the_texts_it_needs_and_reads_no_other(scratch_project, build_project, tmp_path,
                                                               monkeypatch):
    """Kept files are opened (their index), not read: only the texts of the pages rendered are looked
    up; nothing goes through every record unless the files are folded."""
    build_project(scratch_project)
    kept = _kept(scratch_project)
    walked, found = [], []
    records, find = fragments._Pack.records, fragments._Pack.find
    monkeypatch.setattr(fragments._Pack, "records", lambda self: walked.append(self) or records(self))
    monkeypatch.setattr(fragments._Pack, "find", lambda self, h, kb: found.append(kb) or find(self, h, kb))
    url = _new_brief(scratch_project, 50)
    out = build_project(scratch_project).out
    assert not walked
    assert set(found) & {fragments._key_bytes(k) for k in kept}    # kept texts looked up one by one
    assert (out / url / "index.html").is_file()
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_a_feed_takes_each_entry_s_updated_from_the_cache_entry(scratch_project, build_project, tmp_path):
    """A feed's <updated> is the newest entry's `updated or date`: read from the brief cache's entries
    (Item.stamp), not by loading ~50 briefs a feed; the same values as the briefs give."""
    from briefgen.site import content

    (scratch_project / "content/briefs/2026/01/mise-a-jour.md").write_text(
        brief_text("Mise à jour", "mise-a-jour", date="2026-01-21T09:00:00+01:00",
                   extra="updated: 2026-01-22T18:30:00+01:00\n"), encoding="utf-8")
    (scratch_project / "content/briefs/2026/01/jour-seul.md").write_text(
        brief_text("Jour seul", "jour-seul", date="2026-01-05"), encoding="utf-8")
    out = build_project(scratch_project).out
    content._ITEMS.clear()
    content._MEMO.clear()
    config = load_config(scratch_project)
    cache = content.BriefCache(config.path("cache"), config.site.search_words)
    files = [(p, e[0], e[1]) for p, e in sorted(cache.entries.items())]
    items, _, _ = content.load_items(files, cache, ZoneInfo(config.timezone), config.site.search_words)
    assert len(items) > 5
    stamps = [it.stamp for it in items]
    assert all(it._brief is None for it in items)                     # nothing loaded for them
    assert stamps == [it.brief.updated or it.brief.date for it in items]
    assert "<updated>2026-01-22T18:30:00+01:00</updated>" in (out / "feed.xml").read_text(encoding="utf-8")
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def _card(n: int) -> tuple:
    return ("card", f"{n:032x}", f"2026/01/b{n}/", ("europe",), ("CH",), "h3", None)


def test_folding_leaves_the_largest_file_while_the_others_are_small(tmp_path, monkeypatch):
    """A day's build at 100,000 briefs folds the last days' files, not ~0.5 GB of texts; once the small
    files reach half the largest, everything is folded into one file (dead texts dropped)."""
    monkeypatch.setattr(fragments, "FOLD_FILES", 2)
    folder = tmp_path / "f"
    store = fragments.Fragments(folder)
    for n in range(200):
        store.put(_card(n), b"x" * 200)
    store.flush()
    (first,) = folder.glob("*.frag")
    made = first.stat().st_mtime_ns
    live = {f"{n:032x}" for n in range(1000)}
    for n in range(200, 203):
        store = fragments.Fragments(folder)
        store.put(_card(n), b"y" * 200)
        store.flush()
    store.fold(live - {f"{201:032x}"})
    files = sorted(folder.glob("*.frag"))
    assert len(files) == 2 and first in files and first.stat().st_mtime_ns == made
    sigs = {k[1] for f in files for k in fragments._read(f)}
    assert f"{201:032x}" not in sigs and {f"{0:032x}", f"{200:032x}", f"{202:032x}"} <= sigs
    assert fragments.Fragments(folder).get(_card(202)) == b"y" * 200
    for day in range(3):
        store = fragments.Fragments(folder)
        for n in range(300 + 40 * day, 340 + 40 * day):
            store.put(_card(n), b"z" * 200)
        store.flush()
    store.fold(live - {f"{0:032x}"})
    (only,) = folder.glob("*.frag")
    kept = fragments._read(only)
    assert len(kept) == 199 + 2 + 120 and _card(0) not in kept and kept[_card(1)] == b"x" * 200


def test_keys_whose_hashes_collide_each_get_their_own_text(tmp_path, monkeypatch):
    """The index holds 64-bit hashes; the record's own key decides (here every key hashes alike)."""
    monkeypatch.setattr(fragments, "_hash", lambda kb: 7)
    store = fragments.Fragments(tmp_path / "f")
    for n in range(50):
        store.put(_card(n), f"text {n}".encode())
    store.flush()
    again = fragments.Fragments(tmp_path / "f")
    assert [again.get(_card(n)) for n in range(50)] == [f"text {n}".encode() for n in range(50)]
    assert again.get(_card(50)) is None


def test_feeds_take_kept_entries_clean_for_xml_as_bytes_and_give_the_clean_site(scratch_project, build_project,
                                                                               tmp_path, monkeypatch):
    """A build whose feeds list kept entries puts their bytes in without decoding and checking them
    again (feeds.assemble); an entry with a character XML forbids is kept unchecked and goes through
    the check, and a title holding the placeholder character makes its feed render as text: every
    site is the clean build's."""
    from briefgen.site import feeds

    build_project(scratch_project)
    used = []
    assemble = feeds.assemble
    monkeypatch.setattr(feeds, "assemble", lambda text, parts: used.append(len(parts)) or assemble(text, parts))
    (scratch_project / "content/briefs/2026/01/controle.md").write_text(
        brief_text("Contrôle", "controle", date="2026-01-17T09:00:00+01:00", body="Un \x01 et &#1; ici."),
        encoding="utf-8")
    out = build_project(scratch_project).out
    assert used and max(used) > 0
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)
    used.clear()
    _new_brief(scratch_project, 3)
    out = build_project(scratch_project).out
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert used and max(used) > 0 and "Contr\u00f4le" in feed and "\x01" not in feed
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)
    used.clear()
    (scratch_project / "content/briefs/2026/01/place.md").write_text(
        brief_text(f"Titre {feeds.PLACE} privé", "place", date="2026-01-17T10:00:00+01:00"), encoding="utf-8")
    out = build_project(scratch_project).out
    assert f"Titre {feeds.PLACE} privé" in (out / "feed.xml").read_text(encoding="utf-8")
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_the_texts_folder_key_names_the_libraries_without_importlib_metadata(tmp_path, monkeypatch):
    """code_key reads each library's __version__, or digests its package's files when it has none
    (MarkupSafe 3): importing importlib.metadata was ~25 ms of every build that keeps texts."""
    import subprocess
    import sys

    script = ("import sys\nfrom briefgen.site import fragments\nkey = fragments.code_key()\n"
              "print('importlib.metadata' in sys.modules, len(key), all(key))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.stdout.split() == ["False", "7", "True"], proc.stderr
    # a library without a __version__ string: its files' digest, which follows their bytes
    package = tmp_path / "fakelib_s13"
    package.mkdir()
    (package / "__init__.py").write_text("X = 1\n")
    (package / "_native.py").write_text("Y = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = fragments._library_version("fakelib_s13")
    (package / "_native.py").write_text("Y = 2\n")
    assert first.startswith("files:") and fragments._library_version("fakelib_s13") != first
    assert fragments._library_version("no_such_library_s13") is None
    import jinja2
    assert fragments._library_version("jinja2") == jinja2.__version__
