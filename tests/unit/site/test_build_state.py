"""The build state and the no-change check (issue 16): a build with nothing to do reads a small part
of the state and imports no renderer; a torn, foreign or older state makes a full plan, never a
wrong site."""
from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.site import build as build_mod
from tests.unit.site.test_build import JAPAN, JAPAN_MD

ROOT = Path(__file__).resolve().parents[3]


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != build_mod.MARKER}


def _state_file(project: Path) -> Path:
    (found,) = load_config(project).path("cache").glob("site-*.pickle")
    return found


def _retitle(project: Path, title: str) -> None:
    path = project / JAPAN_MD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {title} ", 1), encoding="utf-8")


def test_a_no_change_build_imports_no_renderer(scratch_project, build_project):
    """Markdown, Jinja, Babel's formatting and the classifier are imported only once something must
    be rendered: a no-change build in a fresh process never loads them."""
    build_project(scratch_project)
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site.build import build\n"
            f"r = build(load_config(Path({str(scratch_project)!r})), ingest=False)\n"
            "heavy = [m for m in ('jinja2', 'markdown', 'babel.dates', 'briefgen.classify.lexicon',"
            " 'briefgen.site.render', 'multiprocessing', 'urllib.request', 'ctypes.util') if m in sys.modules]\n"
            "print(r.written, r.swapped, heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "0 False []"


def test_a_title_edit_imports_no_markdown(scratch_project, build_project):
    """A brief whose body did not change keeps its rendered body: a title edit in a fresh process
    renders its pages without importing Python-Markdown or nh3 (fold and safe_url live in text.py), nor
    importlib.metadata (the kept texts' folder, named by library versions, is looked up only by builds that
    keep texts)."""
    build_project(scratch_project)
    _retitle(scratch_project, "Retitled")
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site.build import build\n"
            f"r = build(load_config(Path({str(scratch_project)!r})), ingest=False)\n"
            "heavy = [m for m in ('markdown', 'nh3', 'briefgen.site.markdown', 'importlib.metadata')"
            " if m in sys.modules]\n"
            "print(r.written > 0, r.swapped, heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "True True []"
    assert "Retitled" in (scratch_project / "site" / JAPAN).read_text(encoding="utf-8")


def test_a_title_edit_imports_no_pytz(scratch_project, build_project):
    """babel.dates is imported with pytz hidden (see i18n): a rendering build in a fresh process
    does not import pytz (~12 ms), nor babel's catalog reader and writer (~6 ms: only an edited .po
    newer than its .mo needs them)."""
    build_project(scratch_project)
    _retitle(scratch_project, "Retitled")
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site.build import build\n"
            f"r = build(load_config(Path({str(scratch_project)!r})), ingest=False)\n"
            "print(r.written > 0, 'babel.dates' in sys.modules, 'pytz' in sys.modules, 'babel.messages' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "True True False False"


def test_a_title_edit_names_regions_and_themes_without_the_classifier(scratch_project, build_project):
    """The trees' region and theme names come from classify/taxonomy.py and classify/data.py: a
    rendering build in a fresh process imports neither the classifier's text tools (lexicon.py: its
    folding table and token patterns, ~9 ms of CPU) nor theme scoring (~3 ms)."""
    build_project(scratch_project)
    _retitle(scratch_project, "Retitled")
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site.build import build\n"
            f"r = build(load_config(Path({str(scratch_project)!r})), ingest=False)\n"
            "print(r.written > 0, 'briefgen.classify.taxonomy' in sys.modules,"
            " [m for m in ('briefgen.classify.lexicon', 'briefgen.classify.themes') if m in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.strip() == "True True []"


@pytest.mark.parametrize("last", [True, False])
def test_the_collector_does_not_run_during_a_build_after_its_ingest(scratch_project, build_project, last):
    """The cyclic collector is paused from the brief files' listing to the build's end (it scanned the
    loaded state again and again for no garbage); `last` (the command line, whose process ends after
    the build) leaves it paused, so it never scans what the build made. Otherwise it runs again after."""
    import gc

    build_project(scratch_project)
    _retitle(scratch_project, "Retitled")
    config = load_config(scratch_project)
    starts: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            starts.append(info["generation"])

    gc.collect()
    gc.callbacks.append(seen)
    try:
        result = build_mod.build(config, ingest=False, last=last)
        paused = not gc.isenabled()
        during = list(starts)
    finally:
        gc.callbacks.remove(seen)
        gc.enable()
    assert result.written > 0 and result.swapped
    assert "Retitled" in (scratch_project / "site" / JAPAN).read_text(encoding="utf-8")
    assert paused is last
    if last:
        assert during == []


def test_the_state_file_leads_with_what_a_no_change_build_reads(scratch_project, build_project):
    build_project(scratch_project)
    with _state_file(scratch_project).open("rb") as fh:
        head = pickle.load(fh)
        body = pickle.load(fh)
    assert set(head) <= {*build_mod.STATE_HEAD, "base"} and head["format"] == build_mod.STATE_FORMAT
    assert "keys" in body and "plan" in body and "index" in body


def test_a_torn_state_makes_a_full_plan_and_the_clean_site(scratch_project, build_project, tmp_path):
    """A state whose second half is cut off (a disk full, a copy gone wrong): the head alone still
    says whether nothing changed; an edit then plans every page and gives the clean build's bytes."""
    build_project(scratch_project)
    state = _state_file(scratch_project)
    data = state.read_bytes()
    with state.open("rb") as fh:
        pickle.load(fh)
        head_end = fh.tell()
    state.write_bytes(data[:head_end + (len(data) - head_end) // 2])
    _retitle(scratch_project, "Torn")
    result = build_project(scratch_project)
    assert result.swapped and JAPAN in result.changed_paths
    assert "Torn" in (result.out / JAPAN).read_text(encoding="utf-8")
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(result.out) == _site(clean.out)


def test_a_state_of_another_format_is_ignored(scratch_project, build_project, tmp_path):
    """The previous layout (one pickle, format 3) or anything else: a full plan, the same site."""
    first = build_project(scratch_project)
    state = _state_file(scratch_project)
    with state.open("rb") as fh:
        old = {**pickle.load(fh), **pickle.load(fh), "format": min(build_mod.STATE_READS) - 1}
    state.write_bytes(pickle.dumps(old))
    again = build_project(scratch_project)
    assert again.swapped and again.pages == first.pages
    state.write_bytes(b"not a pickle at all")
    _retitle(scratch_project, "Garbage")
    third = build_project(scratch_project)
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert third.swapped and _site(third.out) == _site(clean.out)


# -- the brief cache: a compact entry per brief, the Brief itself loaded only when a page shows it ---

def _many_briefs(project: Path, count: int = 40) -> None:
    from tests.unit.site.conftest import brief_text

    folder = project / "content" / "briefs" / "2025" / "12"
    for i in range(count):
        region = ("western-europe", "eastern-asia", "northern-europe")[i % 3]
        (folder / f"many-{i}.md").write_text(
            brief_text(f"Brève numéro {i}", f"many-{i}", date=f"2025-12-{1 + i % 28:02d}T{8 + i % 10:02d}:00:00+01:00",
                       regions=f"[{region}]", themes="[economy]", body=f"Texte de la brève {i}."), encoding="utf-8")


def _clean_twin(project: Path, tmp_path: Path, build_project) -> dict[str, str]:
    import shutil

    twin = tmp_path / "twin"
    shutil.copytree(project, twin, ignore=shutil.ignore_patterns("site", "site.*", ".briefgen-cache"))
    return _site(build_project(twin, clean=True).out)


def _state_as_read_afresh(project: Path) -> dict:
    build_mod._STATE_MEMO.clear()
    return build_mod._load_state(_state_file(project))


def test_small_changes_append_deltas_that_a_fresh_process_reads_back(scratch_project, build_project, tmp_path,
                                                                     monkeypatch):
    """An edit, a new brief, a deleted one: each build appends what changed in the state to its delta
    file and leaves the base file as it was; base + deltas read afresh are the state the build kept;
    every site is the clean build's; a no-change build reads its head through the deltas."""
    from tests.unit.site.conftest import brief_text

    monkeypatch.setattr(build_mod, "DELTA_SHARE", 0.1)   # a small site: an edit's delta is a fair share of it
    _many_briefs(scratch_project, 12)
    build_project(scratch_project)
    _retitle(scratch_project, "Zéro")
    build_project(scratch_project)      # the first with a spare tree: the state's fields settle
    state = _state_file(scratch_project)
    delta = build_mod._delta_path(state)
    base = state.read_bytes()
    added = scratch_project / "content" / "briefs" / "2025" / "12" / "added.md"
    steps = [lambda: _retitle(scratch_project, "Un"),
             lambda: added.write_text(brief_text("Ajoutée", "added", date="2025-12-30T10:00:00+01:00"),
                                      encoding="utf-8"),
             lambda: (scratch_project / "content" / "briefs" / "2025" / "12" / "many-3.md").unlink(),
             added.unlink]
    sizes = []
    for i, step in enumerate(steps):
        step()
        result = build_project(scratch_project)
        assert result.swapped and result.written
        kept = build_mod._STATE_MEMO[state][1]
        assert state.read_bytes() == base, "a small change rewrote the whole state"
        sizes.append(delta.stat().st_size)
        fresh = _state_as_read_afresh(scratch_project)     # the next build diffs against this one
        for key in ("keys", "plan", "index", "manifest", "tree", "spare", "pages", "inputs", "tree_keys"):
            assert fresh[key] == kept[key], key
        assert _site(result.out) == _clean_twin(scratch_project, tmp_path / f"step{i}", build_project)
    assert sizes == sorted(set(sizes))
    build_mod._STATE_MEMO.clear()
    again = build_project(scratch_project)
    assert not again.swapped and again.written == 0


@pytest.mark.parametrize("torn", [False, True], ids=["after-the-delta", "half-way-through-it"])
def test_a_build_killed_around_its_delta_leaves_a_state_the_next_build_can_trust(scratch_project, build_project,
                                                                                 tmp_path, torn, monkeypatch):
    """A build killed after appending its delta but before its swap, or half way through the append
    (its record cut short, the spare still marked busy, as such a kill leaves them): the next build
    gives the clean build's bytes."""
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 0.1)
    _many_briefs(scratch_project, 12)
    for title in (None, "Un", "Deux"):
        if title:
            _retitle(scratch_project, title)
        build_project(scratch_project)
    state = _state_file(scratch_project)
    delta = build_mod._delta_path(state)
    before = delta.stat().st_size
    _retitle(scratch_project, "Trois")
    code = ("import os\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
            "from briefgen.site import build as b\n"
            "b.DELTA_SHARE = 0.1\n"
            "b.swap_in = lambda *a: os._exit(9)\n"
            f"b.build(load_config(Path({str(scratch_project)!r})), ingest=False)\n")
    run = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 9 and delta.stat().st_size > before
    if torn:
        data = delta.read_bytes()
        delta.write_bytes(data[:before + (len(data) - before) // 2])
        build_mod._spare_busy(state).write_bytes(b"")
    result = build_project(scratch_project)
    assert "Trois" in (result.out / JAPAN).read_text(encoding="utf-8")
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path, build_project)
    again = build_project(scratch_project)
    assert not again.swapped


def _delta_records(state: Path) -> int:
    """How many records the state's delta file holds (0: none, the base alone)."""
    path = build_mod._delta_path(state)
    data = path.read_bytes() if path.exists() else b""
    pos = count = 0
    while pos + build_mod._FRAME.size <= len(data):
        pos += build_mod._FRAME.size + build_mod._FRAME.unpack_from(data, pos)[0]
        count += 1
    return count


def test_deltas_past_their_share_are_folded_into_a_new_base(scratch_project, build_project, monkeypatch, tmp_path):
    _many_briefs(scratch_project, 12)
    build_project(scratch_project)
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 10**6)    # the first delta is already too much
    state = _state_file(scratch_project)
    for title in ("Un", "Deux", "Trois"):
        _retitle(scratch_project, title)
        build_project(scratch_project)
        assert _delta_records(state) <= 1       # a base after each delta
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 0.1)
    _retitle(scratch_project, "Quatre")
    build_project(scratch_project)
    assert build_mod._delta_path(state).exists()
    # a delta of another base (left by a build killed between the new base and removing the old
    # deltas) is ignored, and the next save writes a whole base again
    stale = build_mod._delta_path(state).read_bytes()
    _retitle(scratch_project, "Cinq")
    build_mod._STATE_MEMO.clear()
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 10**6)
    build_project(scratch_project)
    build_mod._delta_path(state).write_bytes(stale)
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 0.1)
    assert _state_as_read_afresh(scratch_project)["manifest"] is not None
    _retitle(scratch_project, "Six")
    result = build_project(scratch_project)
    assert not build_mod._delta_path(state).exists()
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_an_edit_keeps_the_search_documents_of_the_briefs_it_did_not_change(scratch_project, build_project,
                                                                            monkeypatch, tmp_path):
    """The month's search shard of an edit: the other briefs' documents come from the last rendering's
    memo (the packs were read for ~400 of them at 10,000 briefs); a damaged memo is not used."""
    from briefgen.site import search

    _many_briefs(scratch_project, 12)
    build_project(scratch_project)
    _retitle(scratch_project, "Un")
    build_project(scratch_project)             # the first incremental rendering of the month: its memo
    made = []
    real = search.document
    monkeypatch.setattr(search, "document", lambda it: made.append(it.url) or real(it))
    _retitle(scratch_project, "Deux")
    result = build_project(scratch_project)
    assert made == [JAPAN.removesuffix("index.html")]
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path / "a", build_project)
    memos = list((load_config(scratch_project).path("cache") / "search").glob("*.pickle"))
    assert memos
    for memo in memos:
        data = bytearray(memo.read_bytes())
        data[-3] ^= 0xFF
        memo.write_bytes(bytes(data))
    search.forget_memos()       # as a new process: the memo this one holds in memory would serve first
    made.clear()
    _retitle(scratch_project, "Trois")
    result = build_project(scratch_project)
    assert len(made) > 1 and "Trois" in (result.out / "search" / "2026-01.json").read_text(encoding="utf-8")
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path / "b", build_project)


def test_the_preview_keeps_its_search_memo_in_memory_and_a_memo_left_behind_only_costs_documents(
        scratch_project, build_project, monkeypatch, tmp_path):
    """The preview (patch_in_place builds) holds the month's search memo in memory and does not
    rewrite its file for each save; a later build that reads the file left behind makes the
    documents that changed since, and its site equals a clean build."""
    from briefgen.site import search
    from briefgen.site.swap import SiteLock

    _many_briefs(scratch_project, 12)
    config = load_config(scratch_project)
    out = config.path("cache") / "preview-site"
    lock = SiteLock()

    def preview() -> None:
        build_mod.build(config, out=out, ingest=False, patch_in_place=True, site_lock=lock,
                        changed=[str(scratch_project / JAPAN_MD)], defer_state=True)

    build_project(scratch_project)
    _retitle(scratch_project, "Un")
    build_project(scratch_project)             # the first incremental rendering of the month: its memo
    (memo,) = (config.path("cache") / "search").glob("2026-01.pickle")
    before = memo.read_bytes()
    search.forget_memos()
    preview()                                  # the preview's own folder, built whole
    _retitle(scratch_project, "Zéro")
    preview()                                  # reads the memo file
    made = []
    real = search.document
    monkeypatch.setattr(search, "document", lambda it: made.append(it.url) or real(it))
    for word in ("Deux", "Trois"):
        _retitle(scratch_project, word)
        preview()
        assert made == [JAPAN.removesuffix("index.html")]     # the others from the memo held in memory
        assert word in (out / "search" / "2026-01.json").read_text(encoding="utf-8")
        made.clear()
    assert memo.read_bytes() == before
    build_mod.flush_state()
    search.forget_memos()                      # a new process: the file left behind
    result = build_project(scratch_project)
    assert "Trois" in (result.out / "search" / "2026-01.json").read_text(encoding="utf-8")
    assert _site(result.out) == _clean_twin(scratch_project, tmp_path / "a", build_project)


def test_the_build_day_is_read_by_names_not_by_text(tmp_path):
    from briefgen.site import templates

    def reads(source: str) -> bool:
        folder = tmp_path / f"t{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        (folder / "page.html").write_text(source, encoding="utf-8")
        return templates.uses_build_day((folder,), source)

    assert not reads("{# reldate #}<script src=\"{{ asset('reldate.js') }}\"></script> build_day in the text")
    assert reads("{{ it.brief.date | reldate }}")
    assert reads("{% if build_day %}today{% endif %}")
    assert reads("{% filter reldate %}{{ d }}{% endfilter %}")
    assert not templates.uses_build_day((templates.theme_dir(),), "the default theme")


def test_a_new_day_renders_only_what_changed_unless_a_template_reads_the_day(scratch_project, build_project,
                                                                             monkeypatch, tmp_path):
    """The default theme writes relative dates in the reader's browser: a build on the next day with
    no new brief is a no-change build, and a day's new brief renders what shows it (the day was part
    of every page's key: the first build of each day rendered the whole site again). A theme that
    shows `build_day` keys its pages by the day, as before. Each site is the clean build's of that day."""
    from tests.unit.site.conftest import brief_text

    config = scratch_project / "briefgen.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('now = "2026-01-19T08:00:00+01:00"\n', ""),
                      encoding="utf-8")
    day = 1768820400                                           # 2026-01-19 12:00 CET
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(day))
    first = build_project(scratch_project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(day + 86400))
    same = build_project(scratch_project)
    assert not same.swapped and same.written == 0
    (scratch_project / "content" / "briefs" / "2026" / "01" / "added.md").write_text(
        brief_text("Ajoutée le lendemain", "added", date="2026-01-20T10:00:00+01:00"), encoding="utf-8")
    added = build_project(scratch_project)
    assert 0 < added.written < first.written / 3
    assert _site(added.out) == _clean_twin(scratch_project, tmp_path / "a", build_project)
    templates = scratch_project / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "base.html").write_text((ROOT / "templates" / "base.html").read_text(encoding="utf-8")
                                         .replace("</body>", "<!-- built {{ build_day }} --></body>"), encoding="utf-8")
    shown = build_project(scratch_project)
    assert "<!-- built 2026-01-20 -->" in (shown.out / JAPAN).read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(day + 2 * 86400))
    next_day = build_project(scratch_project)
    assert next_day.written >= shown.pages and "<!-- built 2026-01-21 -->" in (next_day.out / JAPAN).read_text(
        encoding="utf-8")
    assert _site(next_day.out) == _clean_twin(scratch_project, tmp_path / "b", build_project)


def test_an_edit_loads_only_the_briefs_its_pages_show(scratch_project, build_project, monkeypatch):
    from briefgen.site import content

    _many_briefs(scratch_project)
    few = {"site": {"feed_entries": 3}}   # feed.xml lists the newest 50: in this small project, every brief
    build_project(scratch_project, **few)
    content._MEMO.clear()     # as a new process: nothing kept in memory from the first build
    content._ITEMS.clear()
    loaded = []
    real = content.Item._load_brief
    monkeypatch.setattr(content.Item, "_load_brief", lambda self: loaded.append(self.source) or real(self))
    _retitle(scratch_project, "Seul")
    result = build_project(scratch_project, **few)
    assert JAPAN in result.changed_paths
    total = len(list((scratch_project / "content" / "briefs").rglob("*.md")))
    assert 0 < len(set(loaded)) < total / 2, (len(set(loaded)), total)


def test_a_lost_or_torn_cache_pack_is_read_again_and_the_site_is_the_clean_one(scratch_project, build_project,
                                                                               tmp_path):
    """A pack file gone: its briefs are read and rendered again. A pack with garbage where a brief
    was pickled: that brief is read from its file. Either way, the clean build's bytes."""
    _many_briefs(scratch_project)
    build_project(scratch_project)
    packs = sorted((load_config(scratch_project).path("cache") / "bodies").glob("*.pack"))
    assert packs
    for pack in packs:   # garbage over every byte: the bodies' and the briefs'
        pack.write_bytes(b"\0" * pack.stat().st_size)
    _retitle(scratch_project, "Abîmé")
    torn = build_project(scratch_project)
    assert not [e for e in torn.errors if "broken-date" not in str(e)]
    assert "Abîmé" in (torn.out / JAPAN).read_text(encoding="utf-8")
    for pack in (load_config(scratch_project).path("cache") / "bodies").glob("*.pack"):
        pack.unlink()
    (scratch_project / "content" / "briefs" / "2025" / "12" / "many-3.md").unlink()
    lost = build_project(scratch_project)
    assert lost.swapped and not [e for e in lost.errors if "broken-date" not in str(e)]
    assert _site(lost.out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_a_brief_cache_of_another_format_is_read_again(scratch_project, build_project, tmp_path, monkeypatch):
    from briefgen.site import content

    _many_briefs(scratch_project, 10)
    build_project(scratch_project)
    monkeypatch.setattr(content, "CACHE_FORMAT", content.CACHE_FORMAT + 1)
    content._MEMO.clear()
    content._ITEMS.clear()
    _retitle(scratch_project, "Format")
    again = build_project(scratch_project)
    entries = content.BriefCache(load_config(scratch_project).path("cache"), 400).entries
    assert len(entries) == len(list((scratch_project / "content" / "briefs").rglob("*.md"))) - 1   # the broken one
    assert _site(again.out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_changed_briefgen_code_is_not_a_no_change_build(scratch_project, build_project, monkeypatch):
    """The no-change check keys on briefgen's own code, not only its version: a change to a module
    without a version bump makes a build plan every page again (and leaves the site as a clean one)."""
    from briefgen.site import inputs

    build_project(scratch_project)
    assert build_project(scratch_project).swapped is False          # nothing changed: nothing done
    before = _site(scratch_project / "site")
    monkeypatch.setattr(build_mod, "code_digest", lambda: "another version of the code")
    planned = []
    real = build_mod._build_changed
    monkeypatch.setattr(build_mod, "_build_changed", lambda *a, **k: planned.append(1) or real(*a, **k))
    build_project(scratch_project)
    assert planned, "a build by changed code stopped at the no-change check"
    assert _site(scratch_project / "site") == before
    # the digest follows the modules' bytes, not their mtimes or the folder they sit in
    pkg = Path(inputs.__file__).resolve().parents[1]
    assert inputs.code_digest(str(pkg)) == inputs.code_digest()


def test_the_code_digest_follows_module_bytes_not_places_or_times(tmp_path):
    from briefgen.site import inputs

    a, b = tmp_path / "a" / "briefgen", tmp_path / "b" / "briefgen"
    for folder in (a, b):
        (folder / "site").mkdir(parents=True)
        (folder / "__init__.py").write_text("x = 1\n")
        (folder / "site" / "m.py").write_text("y = 2\n")
        (folder / "site" / "data.bin").write_bytes(os.urandom(8))   # not code: not in the digest
    os.utime(b / "site" / "m.py", (1, 1))
    assert inputs.code_digest(str(a)) == inputs.code_digest(str(b))
    (b / "site" / "m.py").write_text("y = 3\n")
    assert inputs.code_digest.__wrapped__(str(a)) != inputs.code_digest.__wrapped__(str(b))


def test_the_watchers_paths_give_the_files_a_full_look_gives(tmp_path):
    """The preview's builds start from the last build's list of brief files plus the paths its
    watcher saw change; anything it cannot be sure of (a folder made or renamed, a path outside)
    falls back to a full look. Either way: the list brief_files would give."""
    from briefgen.site import inputs

    briefs = tmp_path / "briefs"
    (briefs / "2026" / "01").mkdir(parents=True)
    for name in ("a.md", "b.md", ".hidden.md", "notes.txt"):
        (briefs / "2026" / "01" / name).write_text(name, encoding="utf-8")
    inputs.remember_files(briefs, inputs.brief_files(briefs))
    a, b, c = (str(briefs / "2026" / "01" / n) for n in ("a.md", "b.md", "c.md"))
    (briefs / "2026" / "01" / "a.md").write_text("longer text", encoding="utf-8")
    (briefs / "2026" / "01" / "b.md").unlink()
    (briefs / "2026" / "01" / "c.md").write_text("new", encoding="utf-8")
    (briefs / "2026" / "01" / ".#c.md").write_text("lock", encoding="utf-8")
    changed = [a, b, c, str(briefs / "2026" / "01" / ".#c.md")]
    looked = []
    real = inputs.brief_files
    inputs.brief_files = lambda folder: looked.append(folder) or real(folder)
    try:
        assert inputs.brief_files_since(briefs, changed, inputs.take_files(briefs)) == (real(briefs), True)
        assert not looked, "a full look although every change was named"
        inputs.remember_files(briefs, real(briefs))
        (briefs / "2026" / "02").mkdir()
        (briefs / "2026" / "02" / "d.md").write_text("d", encoding="utf-8")
        # a new folder: a full look, whatever the watcher named
        new_folder = [str(briefs / "2026" / "02")]
        assert inputs.brief_files_since(briefs, new_folder, inputs.take_files(briefs)) == (real(briefs), False)
        assert looked
        looked.clear()
        # nothing remembered (the last build did not finish): a full look
        assert inputs.take_files(briefs) is None
        assert inputs.brief_files_since(briefs, [c], None) == (real(briefs), False)
        assert looked
    finally:
        inputs.brief_files = real


def _preview_build(project: Path, out: Path, changed=None):
    return build_mod.build(load_config(project), out=out, ingest=False, patch_in_place=True, defer_state=True,
                           changed=changed)


def test_a_preview_keeps_its_state_in_memory_until_idle_and_the_site_is_the_clean_one(
        scratch_project, build_project, tmp_path):
    """The preview's patches keep the build state in memory (a pickle of the whole state per save
    was a third of an edit's CPU at 10,000 briefs) and write it when idle (flush_state); its journal
    stays until then. The site is the clean build's, before and after."""
    from briefgen.site.swap import journal_path

    out = tmp_path / "preview-site"
    _preview_build(scratch_project, out)
    build_mod.flush_state()
    state = next(p for p in load_config(scratch_project).path("cache").glob("site-*.pickle")
                 if pickle.load(p.open("rb"))["manifest"] is not None)
    on_disk = state.read_bytes()
    for title in ("First", "Second"):
        _retitle(scratch_project, title)
        result = _preview_build(scratch_project, out, changed=[str(scratch_project / JAPAN_MD)])
        assert JAPAN in result.changed_paths and title in (out / JAPAN).read_text(encoding="utf-8")
        assert state.read_bytes() == on_disk and journal_path(out).is_file()
    assert build_mod.flush_state()
    assert state.read_bytes() != on_disk and not journal_path(out).exists()
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(out) == _site(clean.out)


def test_a_preview_killed_before_writing_its_state_is_repaired_by_the_next_build(scratch_project, build_project,
                                                                                 tmp_path):
    """A preview process that dies with its state unsaved: the journal names every file its patches
    touched, so the next build distrusts them all and gives the clean build's bytes."""
    out = tmp_path / "preview-site"
    code = (
        "import os, sys\nfrom pathlib import Path\nfrom briefgen.config import load_config\n"
        "from briefgen.site.build import build\n"
        f"project, out, brief = Path({str(scratch_project)!r}), Path({str(out)!r}), Path({str(scratch_project / JAPAN_MD)!r})\n"
        "def go(): build(load_config(project), out=out, ingest=False, patch_in_place=True, defer_state=True,"
        " changed=[str(brief)])\n"
        "build(load_config(project), out=out, ingest=False, patch_in_place=True)\n"
        "for title in ('Unsaved one', 'Unsaved two'):\n"
        "    text = brief.read_text(encoding='utf-8')\n"
        "    brief.write_text(text.replace('\\ntitle: ', f'\\ntitle: {title} ', 1), encoding='utf-8')\n"
        "    go()\n"
        "os._exit(0)   # killed: the state of the two patches was never written\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Unsaved two" in (out / JAPAN).read_text(encoding="utf-8")
    # Put the brief back as it was before the kill: only a distrusting build undoes the patches.
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("Unsaved two Unsaved one ", ""), encoding="utf-8")
    build_mod.build(load_config(scratch_project), out=out, ingest=False, patch_in_place=True)
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(out) == _site(clean.out)
    assert "Unsaved" not in (out / JAPAN).read_text(encoding="utf-8")


def test_a_title_edit_reuses_the_rendered_body_and_a_body_edit_renders_it(scratch_project, build_project,
                                                                         monkeypatch, tmp_path):
    """The body blob (search words and HTML) comes from the body, the date and the language: an edit
    that leaves them as they were takes the previous blob instead of running Markdown again."""
    from briefgen.site import content

    build_project(scratch_project)
    rendered = []
    real = content._body_text
    monkeypatch.setattr(content, "_body_text", lambda brief, words: rendered.append(brief.title) or real(brief, words))
    _retitle(scratch_project, "Reused")
    result = build_project(scratch_project)
    assert "Reused" in (result.out / JAPAN).read_text(encoding="utf-8") and rendered == []
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    result = build_project(scratch_project)
    assert len(rendered) == 1 and "A new closing paragraph." in (result.out / JAPAN).read_text(encoding="utf-8")
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(result.out) == _site(clean.out)


def test_preview_edits_swapped_into_the_last_groups_give_the_clean_site(scratch_project, build_project, tmp_path):
    """The preview's usual save (a title or a body edited, the watcher naming the file) swaps the
    new Item into the last build's Items and groups; anything else (a new brief, a date or a label
    changed) groups everything again. Each step gives the clean build's bytes."""
    from briefgen.site import content

    out = tmp_path / "preview-site"
    path = scratch_project / JAPAN_MD
    _preview_build(scratch_project, out)
    steps = [
        ("title", lambda t: t.replace("\ntitle: ", "\ntitle: Swapped ", 1), True),
        ("body", lambda t: t + "\nOne more paragraph.\n", True),
        ("theme", lambda t: t.replace("themes: [", "themes: [health, ", 1), False),
        ("title again", lambda t: t.replace("\ntitle: ", "\ntitle: Again ", 1), True),
        ("date", lambda t: t.replace("date: 2026-01-", "date: 2025-12-", 1), False),
    ]
    for name, edit, swapped in steps:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        result = _preview_build(scratch_project, out, changed=[str(path)])
        assert (content.LAST_SWAPS is not None) == swapped, name
        assert result.changed_paths, name
        clean = build_project(scratch_project, clean=True, out=tmp_path / f"clean-{name.replace(' ', '-')}")
        assert _site(out) == _site(clean.out), name
    build_mod.flush_state()


def test_the_preview_replays_its_last_plan_by_sums_and_each_site_is_the_clean_one(scratch_project, build_project,
                                                                                   tmp_path):
    """Each preview build after the first takes the sections no change touched from the sums its last
    build kept of that very plan (render._REPLAYS: owners, keys, sitemap entries, pages), not entry by
    entry, and its sorted sitemap when the entries planned again are those taken away. Edits, a new brief and its deletion: each site equals a clean build of the same content
    (built afterwards, in folders of their own, so the preview's memos stay as a preview has them)."""
    import shutil

    from briefgen.site import render

    out = tmp_path / "preview-site"
    path = scratch_project / JAPAN_MD
    twin = path.with_name("okinawa-twin.md")
    other = next(p for p in sorted((scratch_project / "content" / "briefs").rglob("*.md"))
                 if p not in (path, twin) and "\ndate: 20" in p.read_text(encoding="utf-8"))
    _preview_build(scratch_project, out)
    replays, real_replay = [], render.Tree._replay

    def replay(tree, record):
        memo = render._REPLAYS.get(tree.prefix)
        replays.append(memo is not None and memo[0] is tree.s.old_plan.get(tree.prefix))
        return real_replay(tree, record)

    def retitle(where, text):
        return lambda: where.write_text(where.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {text} ", 1),
                                        encoding="utf-8")

    steps = [
        ("title", path, retitle(path, "Replayed")),
        ("body", path, lambda: path.write_text(path.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")),
        ("theme", path, lambda: path.write_text(path.read_text(encoding="utf-8").replace("themes: [", "themes: [health, ", 1),
                                                encoding="utf-8")),
        ("added", twin, lambda: twin.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Twin ", 1)
                                                .replace("\nslug: ", "\nslug: twin-", 1), encoding="utf-8")),
        ("other", other, retitle(other, "Autre")),
        ("date", path, lambda: path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-01-", "date: 2025-12-", 1),
                                               encoding="utf-8")),
        ("deleted", twin, twin.unlink),
    ]
    sites = []
    render.Tree._replay = replay
    try:
        for name, where, change in steps:
            change()
            replays.clear()
            result = _preview_build(scratch_project, out, changed=[str(where)])
            # a new theme changes every page's navigation: a full plan (no replay), whose sums are kept
            assert result.changed_paths and (replays or name == "theme") and all(replays), (name, replays)
            # the sitemap's sort and digest are the last build's when no URL or day came or went
            same = {tree.sitemap_same for tree in render._TREES.values()}
            assert same == {name in ("title", "body", "other")}, (name, same)
            sites.append(_site(out))
            shutil.copytree(scratch_project, tmp_path / f"twin-{name}",
                            ignore=shutil.ignore_patterns("site", "site.*", ".briefgen-cache"))
    finally:
        render.Tree._replay = real_replay
    build_mod.flush_state()
    for (name, _, _), site in zip(steps, sites):
        assert site == _site(build_project(tmp_path / f"twin-{name}", clean=True).out), name


def test_the_preview_keeps_its_trees_while_their_key_holds(scratch_project, build_project, tmp_path):
    """The preview's next build reuses the last one's trees (Jinja environment, rendered cards,
    `{% once %}` texts) while templates, config, day, assets and names are the same; a template edit
    makes new ones. Each site is the clean build's."""
    from briefgen.site import render

    out = tmp_path / "preview-site"
    # A tree an earlier preview left for a UI language this site does not have (the config dropped it;
    # here also any earlier test's) is let go, not kept for the rest of the session.
    render._TREES[("xx", "xx/")] = object()
    _preview_build(scratch_project, out)
    first = dict(render._TREES)
    assert len(first) == 2                      # the site's locale and its German tree
    for title in ("Un", "Deux"):
        _retitle(scratch_project, title)
        _preview_build(scratch_project, out, changed=[str(scratch_project / JAPAN_MD)])
        assert all(render._TREES[k] is tree for k, tree in first.items())
        assert title in (out / JAPAN).read_text(encoding="utf-8")
        clean = build_project(scratch_project, clean=True, out=tmp_path / f"clean-{title}")
        assert _site(out) == _site(clean.out)
    templates = scratch_project / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "base.html").write_text((ROOT / "templates" / "base.html").read_text(encoding="utf-8")
                                         + "<!-- edited in the preview -->\n", encoding="utf-8")
    _preview_build(scratch_project, out)
    assert all(render._TREES[k] is not tree for k, tree in first.items())
    assert "<!-- edited in the preview -->" in (out / "index.html").read_text(encoding="utf-8")
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean-template")
    assert _site(out) == _site(clean.out)
    build_mod.flush_state()


def test_a_preview_edit_that_fixes_a_broken_brief_clears_its_error(scratch_project, build_project, tmp_path):
    """A brief an edit broke keeps its last good page and is reported; the edit that fixes it must
    clear the report (the short way once kept the last build's problems as they were)."""
    out = tmp_path / "preview-site"
    path = scratch_project / JAPAN_MD
    good = path.read_text(encoding="utf-8")
    first = _preview_build(scratch_project, out)
    before = {str(e) for e in first.errors}
    path.write_text(good.replace("\ntitle: ", "\ntitle: [unclosed ", 1), encoding="utf-8")
    broken = _preview_build(scratch_project, out, changed=[str(path)])
    assert any(JAPAN_MD.rsplit("/", 1)[1] in str(e) for e in broken.errors)
    path.write_text(good.replace("\ntitle: ", "\ntitle: Fixed ", 1), encoding="utf-8")
    fixed = _preview_build(scratch_project, out, changed=[str(path)])
    assert {str(e) for e in fixed.errors} == before
    assert "Fixed" in (out / JAPAN).read_text(encoding="utf-8")
    clean = build_project(scratch_project, clean=True, out=tmp_path / "clean")
    assert _site(out) == _site(clean.out)
    build_mod.flush_state()


def test_changing_jobs_renders_nothing_again(scratch_project, build_project, tmp_path):
    """`[site] jobs` says how many worker processes render, not what they write: it is no part of a
    page's key, the no-change manifest or the plan's inputs (it once was, through repr(config), and
    changing it rendered the whole site again). A key that does change pages still re-renders them."""
    toml = scratch_project / "briefgen.toml"
    table = toml.read_text(encoding="utf-8")
    assert table.rstrip().splitlines()[-1].startswith("now = ")     # the [site] table comes last

    def site_keys(extra: str) -> None:
        toml.write_text(table + extra, encoding="utf-8")

    first = build_project(scratch_project)
    assert first.written > 20
    for jobs in (3, 1, 0):
        site_keys(f"jobs = {jobs}\n")
        again = build_project(scratch_project)
        assert again.written == 0 and not again.changed_paths, jobs
    _retitle(scratch_project, "Jobs")
    site_keys("jobs = 2\n")
    edited = build_project(scratch_project)
    assert 0 < edited.written < first.written / 2
    assert _site(edited.out) == _clean_twin(scratch_project, tmp_path, build_project)
    toml.write_text(table.replace("per_page = 2", "per_page = 3") + "jobs = 2\n", encoding="utf-8")
    assert build_project(scratch_project).written > edited.written   # a key that changes output still counts


def test_an_edit_keeps_the_sitemap_key_only_while_its_entries_stay(scratch_project, build_project, tmp_path,
                                                                   monkeypatch):
    """`briefgen build` after a title edit: the sitemap entries it planned again (URL, last change) are
    those it took away from the last plan, so it keeps the last build's sitemap key without sorting and
    digesting every entry again. A changed `updated` (the entry's last change) is a new sitemap; each
    site equals a clean build."""
    from briefgen.site import pages as pages_mod

    digested = []
    digest = pages_mod.digest
    monkeypatch.setattr(pages_mod, "digest", lambda *parts: digested.append(parts[0]) or digest(*parts))
    build_project(scratch_project)
    sitemap = (scratch_project / "site/sitemap.xml").read_bytes()
    build_mod._STATE_MEMO.clear()          # as a fresh process: the state read from its files
    digested.clear()
    _retitle(scratch_project, "Plan")
    edited = build_project(scratch_project)
    assert 0 < edited.written and "sitemap.xml" not in edited.changed_paths
    assert "sitemap" not in digested                              # the last key, not a new digest
    assert _site(edited.out) == _clean_twin(scratch_project, tmp_path, build_project)
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("updated: 2026-01-16T09:46:00+01:00",
                                                             "updated: 2026-01-18T09:46:00+01:00"), encoding="utf-8")
    build_mod._STATE_MEMO.clear()
    digested.clear()
    moved = build_project(scratch_project)
    assert "sitemap.xml" in moved.changed_paths and "sitemap" in digested
    assert (moved.out / "sitemap.xml").read_bytes() != sitemap
    import shutil

    shutil.rmtree(tmp_path / "twin")
    assert _site(moved.out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_an_edit_digests_the_search_key_of_its_own_month_only(scratch_project, build_project, tmp_path,
                                                             monkeypatch):
    """`search/YYYY-MM.json`'s key is a digest of the month's brief signatures: a partial plan takes the
    last key of every month whose section no change touched, and digests the changed months' again (an
    edit: its month; a brief moved to another month: both). Each site equals a clean build (a stale key
    would keep the month's old shard)."""
    import shutil

    from briefgen.site import pages as pages_mod

    _many_briefs(scratch_project, 6)      # December 2025 beside the fixture's January 2026
    digested = []
    digest = pages_mod.digest
    monkeypatch.setattr(pages_mod, "digest", lambda *parts: digested.append(parts) or digest(*parts))
    build_project(scratch_project)
    assert len([p for p in digested if p[0] == "search"]) >= 2
    build_mod._STATE_MEMO.clear()          # as a fresh process: the state read from its files
    digested.clear()
    _retitle(scratch_project, "Recherche")
    edited = build_project(scratch_project)
    assert len([p for p in digested if p[0] == "search"]) == 1
    assert "search/2026-01.json" in edited.changed_paths and "search/2025-12.json" not in edited.changed_paths
    assert _site(edited.out) == _clean_twin(scratch_project, tmp_path / "a", build_project)
    path = scratch_project / JAPAN_MD          # moved to December: both months' shards change
    text = path.read_text(encoding="utf-8")
    moved_text = text.replace("date: 2026-01-", "date: 2025-12-", 1)
    assert moved_text != text
    path.write_text(moved_text, encoding="utf-8")
    build_mod._STATE_MEMO.clear()
    digested.clear()
    moved = build_project(scratch_project)
    assert len([p for p in digested if p[0] == "search"]) == 2
    assert {"search/2026-01.json", "search/2025-12.json"} <= set(moved.changed_paths)
    shutil.rmtree(tmp_path / "a")
    assert _site(moved.out) == _clean_twin(scratch_project, tmp_path / "b", build_project)


def test_an_edit_keeps_the_state_index_entries_of_the_briefs_it_did_not_change(scratch_project, build_project,
                                                                              monkeypatch):
    """`_changes` compares signatures only; an unchanged brief's index entry becomes the state's own, so
    the delta of a fresh process's edit compares the same objects and holds the edited brief alone (it
    compared 10,000 records field by field: ~15 ms of an edit's CPU at 10,000 briefs)."""
    import pickle
    import zlib

    before = {"a": ("s1", ("r1",)), "b": ("s2", ("r2",)), "gone": ("s4", ("r4",))}
    after = {"a": ("s1", ("r1",)), "b": ("s3", ("r3",)), "new": ("s5", ("r5",))}
    assert sorted(build_mod._changes(before, after)) == [("r2",), ("r3",), ("r4",), ("r5",)]
    assert after["a"] is before["a"] and after["b"] == ("s3", ("r3",)) and list(after) == ["a", "b", "new"]

    _many_briefs(scratch_project, 6)
    build_project(scratch_project)
    _retitle(scratch_project, "Un")
    build_project(scratch_project)
    delta = build_mod._delta_path(_state_file(scratch_project))
    size = delta.stat().st_size if delta.exists() else 0
    build_mod._STATE_MEMO.clear()          # as a fresh process: the state read from its files
    monkeypatch.setattr(build_mod, "DELTA_SHARE", 0.1)    # a delta, whatever the last save wrote
    _retitle(scratch_project, "Deux")
    build_project(scratch_project)
    data = delta.read_bytes()[size:]
    length, crc = build_mod._FRAME.unpack_from(data, 0)
    record = pickle.loads(data[build_mod._FRAME.size:build_mod._FRAME.size + length])
    assert zlib.crc32(data[build_mod._FRAME.size:build_mod._FRAME.size + length]) == crc
    changed, removed = record[2]["index"]
    assert list(changed) == [str(scratch_project / JAPAN_MD)] and not removed


def _spy_page_keys(monkeypatch) -> list[str]:
    """The output path of every page the build keys (render.Tree.page_key), in order, from now on."""
    from briefgen.site import render

    keyed, real_key = [], render.Tree.page_key

    def page_key(tree, page):
        keyed.append(page.output)
        return real_key(tree, page)

    monkeypatch.setattr(render.Tree, "page_key", page_key)
    return keyed


def test_a_text_edit_plans_only_the_listing_pages_that_show_the_brief(scratch_project, build_project, tmp_path,
                                                                      monkeypatch):
    """A brief whose text alone changed (same date, URL and labels) keeps every listing's items, pages,
    counts and redirects: a partial plan keys only the listing pages that show it and takes the rest
    from the last plan (pages.partial_sections). The state it saves (keys, plan) is the one a plan of
    the whole sections gives, and the site is the clean build's."""
    from briefgen.site import pages as pages_mod

    path = scratch_project / JAPAN_MD
    original = path.read_text(encoding="utf-8")
    build_project(scratch_project)
    keyed = _spy_page_keys(monkeypatch)
    found = []
    for whole in (False, True):
        if whole:
            monkeypatch.setattr(pages_mod, "partial_sections", lambda *args: {})
        _retitle(scratch_project, "Retitled")
        keyed.clear()
        build_project(scratch_project)
        state = _state_as_read_afresh(scratch_project)
        found.append((list(keyed), state["keys"], state["plan"], _site(scratch_project / "site")))
        path.write_text(original, encoding="utf-8")
        build_project(scratch_project)
    (part, keys, plan, site), (every, whole_keys, whole_plan, whole_site) = found
    assert len(part) < len(every) and [p for p in every if "/page/" in p]
    assert not [p for p in part if "/page/" in p]      # the redirects of former page URLs: as they were
    assert keys == whole_keys and plan == whole_plan and site == whole_site
    _retitle(scratch_project, "Retitled")
    assert site == _clean_twin(scratch_project, tmp_path, build_project)


def test_added_briefs_plan_only_the_listing_pages_they_change(scratch_project, build_project, tmp_path,
                                                              monkeypatch):
    """Briefs added to a listing (none removed or moved) change its latest page, the archive pages
    from the first one holding an added brief, and the one that was the newest (its link to a newer
    page): a partial plan keys those and the redirects, and takes the older archive pages from the
    last plan (pages.Added). Newest briefs (a day's), one in the middle, one older than all: the
    state saved (keys, plan) and the site are those of a plan of the whole sections, and of a clean
    build. The listing's redirects of former page URLs are the last plan's: only one it did not have
    (briefs dated before the URL change, growing past a page) is keyed."""
    from briefgen.site import pages as pages_mod
    from tests.unit.site.conftest import brief_text

    folder = scratch_project / "content" / "briefs" / "2025" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(9):       # western-europe and economy: 11 briefs, 4 archive pages of 2
        (folder / f"old-{i}.md").write_text(brief_text(f"Ancien {i}", f"old-{i}", f"2025-11-{10 + i}T10:00:00+01:00"),
                                            encoding="utf-8")
    build_project(scratch_project)
    keyed = _spy_page_keys(monkeypatch)
    real_partial = pages_mod.partial_sections
    cases = {"newest": ["2026-01-18T20:00:00+01:00", "2026-01-18T21:00:00+01:00"],
             "middle": ["2025-11-14T12:00:00+01:00"], "oldest": ["2025-10-01T09:00:00+01:00"]}
    for case, dates in cases.items():
        found = []
        for whole in (False, True):
            monkeypatch.setattr(pages_mod, "partial_sections", (lambda *args: {}) if whole else real_partial)
            made = [folder / f"new-{case}-{i}.md" for i in range(len(dates))]
            for path, date in zip(made, dates):
                path.write_text(brief_text(f"Nouveau {path.stem}", path.stem, date), encoding="utf-8")
            before = set(_state_as_read_afresh(scratch_project)["keys"])
            keyed.clear()
            build_project(scratch_project)
            state = _state_as_read_afresh(scratch_project)
            found.append((list(keyed), state["keys"], state["plan"], _site(scratch_project / "site"), before))
            for path in made:
                path.unlink()
            build_project(scratch_project)
        (part, keys, plan, site, before), (every, whole_keys, whole_plan, whole_site, _) = found
        assert keys == whole_keys and plan == whole_plan and site == whole_site, case
        redirects = [p for p in every if "/page/" in p]
        assert [p for p in redirects if p in before], case
        assert [p for p in part if "/page/" in p] == [p for p in redirects if p not in before], case
        oldest_page = "regions/western-europe/archive/1/index.html"
        assert oldest_page in every and (oldest_page in part) == (case == "oldest"), case
        assert len(part) < len(every) or case == "oldest", case
    for path, date in zip([folder / "new-0.md", folder / "new-1.md"], cases["newest"]):
        path.write_text(brief_text(f"Nouveau {path.stem}", path.stem, date), encoding="utf-8")
    assert _site(build_project(scratch_project).out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_the_preview_plans_added_briefs_in_part_and_gives_the_clean_site(scratch_project, build_project, tmp_path,
                                                                          monkeypatch):
    """The preview (patches in place, replays its last plan from memory) with briefs added to a listing of
    archive pages, newest and in the middle, then removed: the older archive pages are taken from the
    last plan (not keyed) and each site is the clean build's."""
    from tests.unit.site.conftest import brief_text

    folder = scratch_project / "content" / "briefs" / "2025" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(9):
        (folder / f"old-{i}.md").write_text(brief_text(f"Ancien {i}", f"old-{i}", f"2025-11-{10 + i}T10:00:00+01:00"),
                                            encoding="utf-8")
    out = tmp_path / "preview-site"
    _preview_build(scratch_project, out)
    keyed = _spy_page_keys(monkeypatch)
    for n, date in enumerate(["2026-01-18T20:00:00+01:00", "2025-11-14T12:00:00+01:00", None]):
        if date is None:
            changed = [folder / "new-0.md", folder / "new-1.md"]
            for path in changed:
                path.unlink()
        else:
            changed = [folder / f"new-{n}.md"]
            changed[0].write_text(brief_text(f"Nouveau {n}", f"new-{n}", date), encoding="utf-8")
        keyed.clear()
        _preview_build(scratch_project, out, changed=[str(path) for path in changed])
        if n == 0:
            assert "regions/western-europe/index.html" in keyed
            assert "regions/western-europe/archive/1/index.html" not in keyed
        clean = build_project(scratch_project, clean=True, out=tmp_path / f"clean-{n}")
        assert _site(out) == _site(clean.out), n


def test_spawned_render_workers_render_the_parents_partial_plan(scratch_project, build_project, tmp_path,
                                                                 monkeypatch):
    """Render workers that are spawned (no fork: another platform, or a process running threads) plan
    the pages again from the briefs; they take each tree's partial sections from the parent, so their
    page lists are the parent's (the pages of a listing a day's briefs were added to, not all of them)
    and the site is the clean build's."""
    from briefgen.site import render
    from briefgen.site.workers import Pool
    from tests.unit.site.conftest import brief_text

    folder = scratch_project / "content" / "briefs" / "2025" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(9):
        (folder / f"old-{i}.md").write_text(brief_text(f"Ancien {i}", f"old-{i}", f"2025-11-{10 + i}T10:00:00+01:00"),
                                            encoding="utf-8")
    toml = scratch_project / "briefgen.toml"      # two workers (a key that changes no output)
    toml.write_text(toml.read_text(encoding="utf-8") + "jobs = 2\n", encoding="utf-8")
    build_project(scratch_project)
    monkeypatch.setattr(render, "PARALLEL_PAGES", 5)
    monkeypatch.setattr(render, "PARALLEL_CPU", 0)
    monkeypatch.setattr(Pool, "forks", lambda self: False)
    mapped = []
    original_map = Pool.map
    monkeypatch.setattr(Pool, "map", lambda self, fn, tasks: mapped.append(fn.__name__) or original_map(self, fn, tasks))
    for i, date in enumerate(["2026-01-18T20:00:00+01:00", "2026-01-18T21:00:00+01:00"]):
        (folder / f"new-{i}.md").write_text(brief_text(f"Nouveau {i}", f"new-{i}", date), encoding="utf-8")
    out = build_project(scratch_project).out
    assert "render_chunk" in mapped
    assert _site(out) == _clean_twin(scratch_project, tmp_path, build_project)


def test_partial_sections_take_additions_apart_from_moves():
    from datetime import datetime, timezone

    from briefgen.site.pages import Added, partial_sections

    when = datetime(2026, 1, 5, tzinfo=timezone.utc)
    new = (when, "a", "2026/01/a/", ("eastern-asia",), ("defence",), ("JP",))
    moved_old = (when, "b", "2026/01/b/", ("eastern-asia",), ("economy",), ("CN",))
    moved_new = (when, "b", "2026/01/b/", ("eastern-asia",), ("health",), ("CN",))
    edited = (when, "c", "2026/01/c/", ("eastern-asia",), ("trade",), ("JP",))
    dirty = {("region", "eastern-asia"), ("theme", "defence"), ("theme", "economy"), ("theme", "health"),
             ("theme", "trade"), ("country", "JP"), ("country", "CN"), ("month", (2026, 1)),
             ("region_theme", ("eastern-asia", "defence")), ("region_theme", ("eastern-asia", "trade"))}
    present = {new, moved_new, edited}.__contains__
    found = partial_sections([new, moved_new, moved_old, edited, edited], dirty, present)
    assert found == {("theme", "defence"): {"2026/01/a/"}, ("region_theme", ("eastern-asia", "defence")): {"2026/01/a/"},
                     ("theme", "trade"): {"2026/01/c/"}, ("region_theme", ("eastern-asia", "trade")): {"2026/01/c/"}}
    assert isinstance(found[("theme", "defence")], Added) and not isinstance(found[("theme", "trade")], Added)
    # an addition and an edit in one listing (JP): planned whole; without `present`, no addition
    assert partial_sections([new], dirty) == {}


def test_partial_sections_are_listings_whose_every_change_is_a_text_edit():
    from datetime import datetime, timezone

    from briefgen.site.pages import partial_sections

    when = datetime(2026, 1, 5, tzinfo=timezone.utc)
    edited = (when, "a", "2026/01/a/", ("eastern-asia",), ("defence",), ("JP",))
    moved_old = (when, "b", "2026/01/b/", ("eastern-asia",), ("economy",), ("CN",))
    moved_new = (when, "b", "2026/01/b/", ("eastern-asia",), ("health",), ("CN",))
    dirty = {("region", "eastern-asia"), ("theme", "defence"), ("theme", "economy"), ("theme", "health"),
             ("country", "JP"), ("country", "CN"), ("month", (2026, 1)), ("region_theme", ("eastern-asia", "defence")),
             ("brief", "2026/01/a/"), ("edition", when.date())}
    found = partial_sections([edited, edited, moved_new, moved_old], dirty)
    assert found == {("theme", "defence"): {"2026/01/a/"}, ("country", "JP"): {"2026/01/a/"},
                     ("region_theme", ("eastern-asia", "defence")): {"2026/01/a/"}}


def test_added_briefs_take_the_kept_groups_and_the_states_index_and_give_the_clean_site(
        scratch_project, build_project, tmp_path, monkeypatch):
    """A day's briefs (issue 16, 100,000 briefs): a build whose briefs end with the very briefs of the
    last build (same files, signatures and order) groups only the new ones (the others' groups are kept
    in the cache, collections.pack) and indexes only them (their records are the changes): no pass over
    every brief. A brief edited, moved to another folder, or a damaged groups file: everything grouped
    and compared again. Every site is the clean build's."""
    from briefgen.site import collections as collections_mod
    from tests.unit.site.conftest import brief_text

    folder = scratch_project / "content" / "briefs" / "2026" / "01"
    build_project(scratch_project)
    grouped, compared = [], []
    real_group, real_changes = collections_mod.group, build_mod._changes
    monkeypatch.setattr(collections_mod, "group", lambda items: grouped.append(len(items)) or real_group(items))
    monkeypatch.setattr(build_mod, "_changes", lambda *args: compared.append(1) or real_changes(*args))
    everything = len(_state_as_read_afresh(scratch_project)["index"])
    monkeypatch.setattr(build_mod, "GROUPS_SHARE", 0.5)    # a small site: kept while the new are up to twice as many

    def day(n: int, name: str) -> None:      # n briefs dated after every other
        for i in range(n):
            (folder / f"{name}-{i}.md").write_text(
                brief_text(f"Nouveau {name} {i}", f"{name}-{i}", f"2026-01-2{len(seen)}T1{i}:00:00+01:00"),
                encoding="utf-8")
        grouped.clear()
        compared.clear()
        site = _site(build_project(scratch_project).out)
        seen.append((list(grouped), bool(compared)))
        assert site == _clean_twin(scratch_project, tmp_path / name, build_project)

    seen: list = []
    day(1, "first")
    day(2, "second")                             # the kept groups are still those of the first build
    moved = folder / "first-0.md"
    (scratch_project / "content" / "briefs" / "elsewhere").mkdir()
    moved.rename(scratch_project / "content" / "briefs" / "elsewhere" / moved.name)
    day(1, "third")      # same bytes and name, another file: same groups, but the index is compared again
    build_mod._groups_file(load_config(scratch_project).path("cache")).write_bytes(b"\0" * 40)
    day(2, "fourth")                             # a damaged groups file: not used, written again
    day(1, "fifth")
    assert seen == [([1], False), ([3], False), ([4], True), ([everything + 6], False), ([1], False)], seen
