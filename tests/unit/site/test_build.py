"""build(): errors per brief, atomic swap, incremental rebuilds, output safety, options."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.errors import BuildError, ConfigError
from briefgen.site import fragments, render
from briefgen.site.build import build
from briefgen.site.scaffold import init_project
from briefgen.site.swap import swap_in as _real_swap_in
from briefgen.site.writer import flat_name
from tests.unit.site.conftest import brief_text

JAPAN = "2026/01/le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire/index.html"
JAPAN_MD = "content/briefs/2026/01/le-japon-et-les-etats-unis-vont-renforcer-leur-cooperation-militaire.md"


def test_can_build_pages_of_every_kind(scratch_project, build_project):
    result = build_project(scratch_project)
    site = result.out
    for rel in ("index.html", JAPAN, "regions/eastern-asia/index.html", "regions/eastern-asia/defence/index.html",
                "themes/defence/index.html", "2026/01/index.html", "2026/01/page/2/index.html",
                "editions/2026-01-16/index.html", "archives/index.html", "feed.xml",
                "regions/eastern-asia/feed.xml", "themes/defence/feed.xml", "sitemap.xml", "robots.txt", "404.html",
                "search/index.html", "search.json", "de/index.html", "de/" + JAPAN):
        assert (site / rel).is_file(), rel
    assert result.pages == len([p for p in site.rglob("*.html")])
    assert result.swapped


def test_reports_a_broken_brief_with_file_and_line_and_builds_the_rest(scratch_project, build_project):
    result = build_project(scratch_project)
    assert len(result.errors) == 1
    err = result.errors[0]
    assert err.path.endswith("broken-date.md") and err.line == 3 and "ISO 8601" in err.message
    assert "Une brève cassée" not in (result.out / "index.html").read_text(encoding="utf-8")


def test_brief_page_shows_localised_dates_sources_and_links(scratch_project, build_project):
    page = (build_project(scratch_project).out / JAPAN).read_text(encoding="utf-8")
    # One date, one format; relative dates are the browser's (static/reldate.js), never frozen here.
    assert "16 janvier 2026, 09:41" in page and "il y a" not in page and "data-rel" in page
    assert page.count("16 janvier 2026") == 1 and "vendredi 16 janvier" not in page
    assert "Mis à jour <time datetime=\"2026-01-16T09:46:00+01:00\">09:46</time>" in page
    assert 'href="/briefs/regions/eastern-asia/"' in page and "Asie de l’Est" in page
    assert 'href="/briefs/themes/defence/"' in page
    assert "keystone-sda.ch" in page and "AFP" in page and "Okinawa" in page
    assert 'href="https://www.20min.ch/fr/story/japon-etats-unis"' in page
    assert 'hreflang="de-CH"' in page
    german = (build_project(scratch_project).out / "de" / JAPAN).read_text(encoding="utf-8")
    assert "vor 3 Tagen" not in german and "16. Januar 2026" in german and "Ostasien" in german


def test_full_text_false_shows_only_lead_key_points_and_source(scratch_project, build_project):
    cfg = (scratch_project / "briefgen.toml").read_text(encoding="utf-8")
    (scratch_project / "briefgen.toml").write_text(cfg + "full_text = false\n", encoding="utf-8")
    page = (build_project(scratch_project).out / JAPAN).read_text(encoding="utf-8")
    assert "Okinawa" not in page and "sud-ouest de l'archipel" not in page
    assert "la production conjointe de missiles" in page   # lead
    assert "L&#39;accord vise aussi" in page                # key point
    assert "https://www.20min.ch/fr/story/japon-etats-unis" in page


def test_no_change_rebuild_writes_nothing(scratch_project, build_project):
    build_project(scratch_project)
    again = build_project(scratch_project)
    assert again.written == 0 and not again.swapped and again.pages > 0
    assert len(again.errors) == 1   # the broken brief is still reported


def test_editing_one_brief_rewrites_only_the_pages_that_show_it(scratch_project, build_project):
    first = build_project(scratch_project)
    untouched = first.out / "regions/northern-europe/index.html"
    inode = untouched.stat().st_ino
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("Okinawa, un poste", "Okinawa, une base"),
                    encoding="utf-8")
    second = build_project(scratch_project)
    assert JAPAN in second.changed_paths and "de/" + JAPAN in second.changed_paths
    assert "regions/northern-europe/index.html" not in second.changed_paths
    assert 0 < second.written < first.written / 2
    assert "Okinawa, une base" in (second.out / JAPAN).read_text(encoding="utf-8")
    assert untouched.stat().st_ino == inode   # reused, not rewritten
    assert second.pages == first.pages


def test_a_small_rebuild_swaps_in_a_new_tree_and_never_touches_the_live_one(scratch_project, build_project):
    """README guarantee: `briefgen build` always builds a complete tree and swaps it in; a reader holding
    the old folder keeps seeing the old site whole (no in-place patch, whatever the change's size)."""
    first = build_project(scratch_project)
    before = os.stat(first.out).st_ino
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("Okinawa, un poste", "Okinawa, une base"),
                    encoding="utf-8")
    second = build_project(scratch_project)
    assert second.swapped and os.stat(second.out).st_ino != before   # a new folder took its place
    assert "Okinawa, une base" in (second.out / JAPAN).read_text(encoding="utf-8")


def test_a_preview_build_patches_its_folder_under_the_site_lock(scratch_project, tmp_path):
    from briefgen.site.swap import SiteLock

    config = load_config(scratch_project)
    out = tmp_path / "preview-site"
    build(config, out=out, ingest=False, patch_in_place=True)
    before = os.stat(out).st_ino
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("Okinawa, un poste", "Okinawa, une base"),
                    encoding="utf-8")
    lock, held = SiteLock(), []
    real_writing = lock.writing

    def writing():
        held.append(True)
        return real_writing()

    lock.writing = writing
    result = build(config, out=out, ingest=False, patch_in_place=True, site_lock=lock)
    assert held and os.stat(out).st_ino == before            # patched in place, while holding the lock
    assert "Okinawa, une base" in (out / JAPAN).read_text(encoding="utf-8")
    assert JAPAN in result.changed_paths and not (tmp_path / "preview-site.patch-journal").exists()


def test_a_patch_stages_its_files_flat_and_leaves_nothing_behind(scratch_project, tmp_path, monkeypatch):
    """An incremental build stages each changed file straight in its staging folder (no folder per
    page made and removed again: ~0.1 s of a day's build in the kernel at 10,000 briefs), so the
    emptied staging folder is one folder, removed before the build returns (no thread: it took ~0.1 s
    of rmdir on a busy disk when it held a tree of empty folders)."""
    from briefgen.site import build as build_mod

    config = load_config(scratch_project)
    out = tmp_path / "preview-site"
    build(config, out=out, ingest=False, patch_in_place=True)
    staged, real_patch = [], build_mod.apply_patch
    handed = []

    def apply_patch(staging, *args, **kwargs):
        staged.append(sorted((p.relative_to(staging).as_posix(), p.is_file()) for p in staging.rglob("*")))
        real_patch(staging, *args, **kwargs)

    monkeypatch.setattr(build_mod, "apply_patch", apply_patch)
    monkeypatch.setattr(build_mod, "remove_in_thread", handed.append)
    path = scratch_project / JAPAN_MD
    path.write_text(path.read_text(encoding="utf-8").replace("Okinawa, un poste", "Okinawa, une base"),
                    encoding="utf-8")
    result = build(config, out=out, ingest=False, patch_in_place=True)
    assert JAPAN in result.changed_paths and "Okinawa, une base" in (out / JAPAN).read_text(encoding="utf-8")
    assert len(staged) == 1 and staged[0] and all(is_file and "/" not in name for name, is_file in staged[0])
    assert flat_name(JAPAN) in [name for name, _ in staged[0]]
    assert handed == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("preview-site.")]


def test_an_old_build_state_is_ignored_not_a_crash(scratch_project, build_project):
    first = build_project(scratch_project)
    cache = load_config(scratch_project).path("cache")
    for state in cache.glob("site-*.pickle"):
        state.write_bytes(pickle.dumps({"manifest": "x", "keys": {"index.html": ("old", "tuple")}}))
    again = build_project(scratch_project)
    assert again.swapped and again.pages == first.pages


def test_a_stylesheet_edit_with_unhashed_assets_rewrites_only_the_stylesheet(scratch_project, tmp_path):
    """The preview's path ([site] hash_assets = false, patched in place): one file, no page."""
    config = load_config(scratch_project, {"site": {"hash_assets": False}})
    out = tmp_path / "preview-site"
    (scratch_project / "templates" / "static").mkdir(parents=True)
    css = scratch_project / "templates" / "static" / "style.css"
    css.write_text("body{color:red}\n", encoding="utf-8")
    first = build(config, out=out, ingest=False, patch_in_place=True)
    assert '/static/style.css"' in (out / "index.html").read_text(encoding="utf-8")
    css.write_text("body{color:blue}\n", encoding="utf-8")
    second = build(config, out=out, ingest=False, patch_in_place=True)
    assert second.changed_paths == ["static/style.css"] and second.written == 1
    assert (out / "static" / "style.css").read_text(encoding="utf-8") == "body{color:blue}\n"
    assert second.pages == first.pages


def test_css_only_change_lists_only_assets_and_pages_that_link_them(scratch_project, build_project):
    build_project(scratch_project)
    (scratch_project / "templates" / "static").mkdir(parents=True)
    (scratch_project / "templates" / "static" / "style.css").write_text("body{color:red}\n", encoding="utf-8")
    result = build_project(scratch_project)
    assert any(p.startswith("static/style.") and p.endswith(".css") for p in result.changed_paths)
    css = [p for p in (result.out / "static").iterdir() if p.name.startswith("style.")]
    assert [p.read_text() for p in css] == ["body{color:red}\n"]


def test_interrupted_build_leaves_the_previous_site_intact(scratch_project, build_project, monkeypatch):
    first = build_project(scratch_project)
    before = sorted(p.relative_to(first.out) for p in first.out.rglob("*"))
    (scratch_project / JAPAN_MD).write_text(brief_text("Autre", "autre"), encoding="utf-8")

    def boom(self, page):
        raise KeyboardInterrupt
    monkeypatch.setattr(render.Tree, "render", boom)
    with pytest.raises(KeyboardInterrupt):
        build_project(scratch_project)
    assert sorted(p.relative_to(first.out) for p in first.out.rglob("*")) == before
    assert not [p for p in first.out.parent.iterdir() if ".tmp-" in p.name]


def test_template_error_keeps_the_previous_site_and_names_the_template(scratch_project, build_project):
    first = build_project(scratch_project)
    home = (first.out / "index.html").read_bytes()
    (scratch_project / "templates").mkdir(exist_ok=True)
    (scratch_project / "templates" / "home.html").write_text("{% extends 'base.html' %}{% block main %}{% if %}"
                                                               "{% endblock %}", encoding="utf-8")
    second = build_project(scratch_project)
    assert not second.swapped
    assert any("home.html" in str(e) and e.line == 1 for e in second.errors)
    assert (first.out / "index.html").read_bytes() == home


def test_errors_when_two_briefs_share_a_slug(scratch_project, build_project):
    for name in ("a", "b"):
        (scratch_project / f"content/briefs/2026/01/{name}.md").write_text(
            brief_text(f"Titre {name}", "meme-slug"), encoding="utf-8")
    result = build_project(scratch_project)
    clashes = [str(e) for e in result.errors if "two pages" in str(e)]
    assert len(clashes) == 1 and "meme-slug" in clashes[0]
    assert "01/a.md" in clashes[0] and "01/b.md" in clashes[0]


def test_refuses_to_replace_a_folder_briefgen_did_not_build(scratch_project, build_project, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BuildError, match="not built by briefgen"):
        build_project(scratch_project, out=precious)
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(BuildError, match="holds the project"):
        build_project(scratch_project, out=scratch_project)


def test_errors_on_unknown_site_key(scratch_project):
    cfg = (scratch_project / "briefgen.toml").read_text(encoding="utf-8")
    (scratch_project / "briefgen.toml").write_text(cfg + "colour = 'red'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="site.colour: unknown key"):
        load_config(scratch_project)


def test_source_date_epoch_pins_relative_dates(scratch_project, build_project, monkeypatch):
    cfg = (scratch_project / "briefgen.toml").read_text(encoding="utf-8")
    (scratch_project / "briefgen.toml").write_text(cfg.replace('now = "2026-01-19T08:00:00+01:00"\n', ""),
                                                    encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768820400")   # 2026-01-19 12:00 CET
    page = (build_project(scratch_project).out / JAPAN).read_text(encoding="utf-8")
    # Issue 14 item 11: no relative date is frozen into the HTML, so a build a year later gives the
    # same brief page; the reader's browser writes "il y a 3 jours" (tests/browser).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1768820400 + 365 * 86400))
    later = (build_project(scratch_project, clean=True).out / JAPAN).read_text(encoding="utf-8")
    assert later == page and "il y a" not in page


def test_init_scaffolds_a_project_that_builds_at_once(tmp_path, build_project):
    root = init_project(tmp_path / "new")
    result = build_project(root)
    assert not result.errors
    assert "Welcome to your briefing" in (result.out / "index.html").read_text(encoding="utf-8")
    with pytest.raises(BuildError):
        init_project(root)


def test_build_can_be_called_repeatedly_from_threads(scratch_project):
    import threading

    from briefgen.site.build import build
    from briefgen.site.swap import wait_for_removals
    cfg = load_config(scratch_project)
    results = []
    threads = [threading.Thread(target=lambda: results.append(build(cfg, ingest=False))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_for_removals()
    assert len(results) == 3 and all(r.pages == results[0].pages for r in results)
    assert sum(1 for r in results if r.swapped) == 1
    assert (scratch_project / "site" / "index.html").is_file()
    assert not [p for p in scratch_project.iterdir() if p.name.startswith("site.")]


def test_output_paths_stay_inside_the_site(scratch_project, build_project):
    result = build_project(scratch_project)
    root = os.path.realpath(result.out)
    for p in result.out.rglob("*"):
        assert os.path.realpath(p).startswith(root)
    assert Path(result.out).name == "site"


def test_deleting_a_brief_removes_its_page_and_every_link_to_it(scratch_project, build_project):
    from tests.unit.site.crawl import Site

    build_project(scratch_project)
    (scratch_project / JAPAN_MD).unlink()
    result = build_project(scratch_project)
    assert JAPAN in result.changed_paths and not (result.out / JAPAN).exists()
    assert not (result.out / "regions/eastern-asia").exists()   # its only brief is gone
    assert Site(result.out, "https://example.org/briefs/").crawl() == []


def test_adding_many_briefs_builds_a_fresh_tree_and_swaps_it_in(scratch_project, build_project):
    first = build_project(scratch_project)
    marker_inode = (first.out / ".briefgen-site").stat().st_ino
    for i in range(60):   # more than PATCH_LIMIT: a full build into a new folder
        (scratch_project / f"content/briefs/2026/01/b{i}.md").write_text(brief_text(f"Brève {i}", f"b{i}"),
                                                                          encoding="utf-8")
    second = build_project(scratch_project)
    assert second.swapped and (second.out / "2026/01/b59/index.html").is_file()
    assert (second.out / ".briefgen-site").stat().st_ino != marker_inode


def test_region_or_theme_that_is_not_a_slug_is_reported_and_left_out(scratch_project, build_project):
    (scratch_project / "content/briefs/2026/01/odd.md").write_text(
        brief_text("Étrange", "odd", regions="['../../etc', western-europe]", themes="['<b>x</b>', economy]"),
        encoding="utf-8")
    result = build_project(scratch_project)
    assert any(e.path.endswith("odd.md") and "'../../etc'" in e.message for e in result.errors)
    assert (result.out / "2026/01/odd/index.html").is_file()
    assert not list(result.out.parent.glob("etc*")) and not (result.out / "etc").exists()


def test_project_template_extends_the_default_theme_in_a_real_build(scratch_project, build_project):
    (scratch_project / "templates").mkdir(exist_ok=True)
    (scratch_project / "templates" / "base.html").write_text(
        '{% extends "!theme/base.html" %}{% block head %}<meta name="x-project" content="ok">{{ super() }}'
        '{% endblock %}', encoding="utf-8")
    page = (build_project(scratch_project).out / JAPAN).read_text(encoding="utf-8")
    assert '<meta name="x-project" content="ok">' in page and "Okinawa" in page and "Aller au contenu" in page


def test_feeds_carry_no_body_when_full_text_is_off(scratch_project, build_project):
    import xml.etree.ElementTree as ET

    cfg = (scratch_project / "briefgen.toml").read_text(encoding="utf-8")
    (scratch_project / "briefgen.toml").write_text(cfg + "full_text = false\n", encoding="utf-8")
    feed = ET.parse(build_project(scratch_project).out / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert entries and all(e.find(f"{atom}content") is None for e in entries)
    assert all(e.find(f"{atom}link").get("href").startswith("https://example.org/briefs/") for e in entries)


def test_each_brief_card_is_rendered_once_per_tree_and_heading(scratch_project, build_project, monkeypatch):
    """Listings (home, regions, themes, months, editions) reuse a brief's card instead of running
    the macro again on every listing it appears in."""
    calls, trees = [], set()
    original = render.Tree.card

    def spy(self, it, heading="h3", primary=None):
        calls.append((id(self), it.url, heading, primary))
        trees.add(self)
        return original(self, it, heading, primary)

    monkeypatch.setattr(render.Tree, "card", spy)
    monkeypatch.setattr(render, "PARALLEL_PAGES", 10 ** 9)   # all pages in this process
    put, puts = fragments.Fragments.put, []       # each card rendered (not taken from a store)
    monkeypatch.setattr(fragments.Fragments, "put", lambda self, k, t: puts.append((id(self), k)) or put(self, k, t))
    result = build_project(scratch_project)
    assert not any("template" in str(e) for e in result.errors)
    rendered = len({(store, k) for store, k in puts if k[0] == "card"})
    assert rendered == len(set(calls)) and len(calls) > 2 * rendered   # each card reused on several listings
    home = (result.out / "editions/2026-01-16/index.html").read_text(encoding="utf-8")
    assert '<article class="card' in home and "Japon" in home


def test_a_project_brief_card_override_shows_on_every_listing(scratch_project, build_project):
    theme = (Path(render.__file__).resolve().parents[2] / "templates" / "macros.html").read_text(encoding="utf-8")
    (scratch_project / "templates").mkdir(exist_ok=True)
    (scratch_project / "templates" / "macros.html").write_text(
        theme.replace('<article class="card', '<article data-project="card" class="card'), encoding="utf-8")
    out = build_project(scratch_project).out
    for page in ("index.html", "regions/eastern-asia/index.html", "2026/01/index.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert 'data-project="card"' in text and '<article class="card' not in text, page


def test_rebuilds_after_a_cold_build_stay_incremental_on_the_large_corpus_paths(scratch_project, build_project,
                                                                                 monkeypatch):
    """What a 100,000-brief build does (bodies and pages rendered in worker processes, the brief
    cache compacted), here with the thresholds lowered: the next builds must reuse every page."""
    from briefgen.site import content
    for i in range(12):
        (scratch_project / f"content/briefs/2026/01/b{i}.md").write_text(
            brief_text(f"Brève {i}", f"b{i}", date=f"2026-01-{i + 1:02d}T10:00:00+01:00"), encoding="utf-8")
    monkeypatch.setattr(content, "PARALLEL_FROM", 2)
    monkeypatch.setattr(render, "PARALLEL_PAGES", 5)
    monkeypatch.setattr(render, "PARALLEL_CPU", 0)
    monkeypatch.setattr(content.BriefCache, "COMPACT_AFTER", 3)
    from briefgen.site.workers import Pool
    mapped = []
    original_map = Pool.map
    monkeypatch.setattr(Pool, "map", lambda self, fn, tasks: mapped.append(fn.__name__) or original_map(self, fn, tasks))
    cold = build_project(scratch_project, clean=True, site={"jobs": 2})
    # render workers are forked from the loaded process when it runs no other thread, else spawned
    assert cold.written > 20 and mapped in (["_process_many", "render_chunk"], ["_process_many", "render_forked"])
    content._MEMO.clear()   # a new process: nothing remembered from the cold build
    assert build_project(scratch_project, site={"jobs": 2}).written == 0
    for i in range(5):      # more changes than COMPACT_AFTER: the cache index is rewritten
        path = scratch_project / f"content/briefs/2026/01/b{i}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(f"Brève {i}", f"Brève {i} bis"), encoding="utf-8")
    content._MEMO.clear()
    edited = build_project(scratch_project, site={"jobs": 2})
    assert 0 < edited.written < cold.written / 2
    assert "Brève 0 bis" in (edited.out / "2026/01/b0/index.html").read_text(encoding="utf-8")
    content._MEMO.clear()
    assert build_project(scratch_project, site={"jobs": 2}).written == 0


def test_forked_render_workers_render_the_parents_plan_without_planning_again(scratch_project, build_project,
                                                                            monkeypatch, tmp_path):
    """Forked render workers take the parent's planned trees (copy-on-write) instead of planning every
    page again: that cost each worker CPU and, at 100,000 briefs, most of its own memory. The site is
    the one a build without workers makes."""
    import threading

    from briefgen.site import pages
    if threading.active_count() != 1:
        pytest.skip("render workers are spawned, not forked, in a process running other threads")
    for i in range(12):
        (scratch_project / f"content/briefs/2026/01/b{i}.md").write_text(
            brief_text(f"Brève {i}", f"b{i}", date=f"2026-01-{i + 1:02d}T10:00:00+01:00"), encoding="utf-8")
    monkeypatch.setattr(render, "PARALLEL_PAGES", 5)
    monkeypatch.setattr(render, "PARALLEL_CPU", 0)
    planners = tmp_path / "planners"
    planners.mkdir()
    original = pages.all_pages

    def all_pages(*args, **kwargs):
        (planners / str(os.getpid())).touch()
        return original(*args, **kwargs)

    monkeypatch.setattr(pages, "all_pages", all_pages)
    from briefgen.site.workers import Pool
    mapped = []
    original_map = Pool.map
    monkeypatch.setattr(Pool, "map", lambda self, fn, tasks: mapped.append(fn.__name__) or original_map(self, fn, tasks))
    forked = build_project(scratch_project, clean=True, site={"jobs": 2})
    assert "render_forked" in mapped and forked.written > 20
    assert [p.name for p in planners.iterdir()] == [str(os.getpid())]
    alone = build_project(scratch_project, out=tmp_path / "alone", clean=True, site={"jobs": 1})
    files = sorted(str(p.relative_to(forked.out)) for p in forked.out.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(alone.out)) for p in alone.out.rglob("*") if p.is_file())
    assert all((forked.out / f).read_bytes() == (alone.out / f).read_bytes() for f in files)


def test_touching_templates_without_changing_them_rerenders_no_page(scratch_project, build_project):
    """Page keys hash template bytes, not paths and mtimes: another checkout or install of the same
    theme (or a `touch`) must not re-render every page, as it once did at 100,000 briefs."""
    (scratch_project / "templates").mkdir(exist_ok=True)
    (scratch_project / "templates" / "footer-note.html").write_text("<p>note</p>", encoding="utf-8")
    build_project(scratch_project)
    os.utime(scratch_project / "templates" / "footer-note.html", ns=(10**18, 10**18))
    again = build_project(scratch_project)
    assert again.written == 0 and not again.changed_paths


def test_a_worker_keeps_its_trees_across_chunks_of_one_build_and_reports_each_chunk_once(scratch_project, tmp_path):
    from zoneinfo import ZoneInfo

    from briefgen.site import content, templates
    from briefgen.site.i18n import build_now
    config = load_config(scratch_project)
    tz = ZoneInfo(config.timezone)
    cache = content.BriefCache(tmp_path / "cache", 0)
    items, _, _ = content.load_items(content.brief_files(config.path("briefs")), cache, tz, 0)
    folders = templates.folders(config.path("templates"))
    out = tmp_path / "out"
    task = (config, items, folders, "fp", build_now("", tz), str(out))
    first = render.render_chunk((*task, [(0, 0), (0, 1)], None))[0]
    trees = render._WORKER_TREES[str(out)][1]
    second = render.render_chunk((*task, [(0, 2)], None))[0]
    assert render._WORKER_TREES[str(out)][1] is trees
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    assert all((out / path).is_file() for path in first + second)


def _retitle_japan(root: Path, words: str) -> None:
    path = root / JAPAN_MD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", f"title: {words} ", 1), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_later_rebuilds_bring_the_spare_tree_up_to_date_instead_of_laying_out_a_new_one(
        scratch_project, build_project, monkeypatch, tmp_path):
    """The site before last is kept as a spare: an edit moves the changed files into it and
    exchanges it with site/ (no tree of hard links and folders per build), and the result is the
    clean build's, byte for byte."""
    from briefgen.site import build as build_mod
    from briefgen.site.writer import Writer
    monkeypatch.setattr(build_mod, "SPARE_SHARE", 1.0)   # a small site: any edit is a large share of it
    first = build_project(scratch_project)
    cold = os.stat(first.out).st_ino
    _retitle_japan(scratch_project, "Un")
    build_project(scratch_project)          # no spare yet: a whole tree; the cold one becomes the spare
    completed = []
    monkeypatch.setattr(Writer, "complete", lambda self, previous: completed.append(previous) or [])
    _retitle_japan(scratch_project, "Deux")
    third = build_project(scratch_project)
    assert os.stat(third.out).st_ino == cold and not completed and third.swapped
    assert "Deux Un " in (third.out / JAPAN).read_text(encoding="utf-8")
    clean = build_project(scratch_project, out=tmp_path / "clean", clean=True)
    assert _files(third.out) == _files(clean.out)


def test_a_cold_build_lays_out_the_spare_so_the_next_build_lays_out_no_whole_tree(
        scratch_project, build_project, monkeypatch, tmp_path):
    """Issue 16: the first build after a cold one used to lay out a whole tree of hard links (~20,000
    folders at 10,000 briefs, 10 s of system time at 100,000). The cold build now leaves a spare made
    of links to its own files; the next build brings that up to date and exchanges it."""
    from briefgen.site import build as build_mod
    from briefgen.site.writer import Writer
    monkeypatch.setattr(build_mod, "SPARE_SHARE", 1.0)   # a small site: any edit is a large share of it
    first = build_project(scratch_project, clean=True)
    spare = build_mod._spare_dir(load_config(scratch_project), first.out)
    site, kept = _files(first.out), _files(spare)
    assert kept == site
    for rel in site:     # links, not copies
        assert os.stat(spare / rel).st_ino == os.stat(first.out / rel).st_ino, rel
    laid, cold = os.stat(spare).st_ino, os.stat(first.out).st_ino
    completed = []
    monkeypatch.setattr(Writer, "complete", lambda self, previous: completed.append(previous) or [])
    _retitle_japan(scratch_project, "Un")
    second = build_project(scratch_project)
    assert not completed and second.swapped
    assert os.stat(second.out).st_ino == laid and os.stat(spare).st_ino == cold
    assert "Un " in (second.out / JAPAN).read_text(encoding="utf-8")
    after_second, second_brief = _files(second.out), (scratch_project / JAPAN_MD).read_bytes()
    _retitle_japan(scratch_project, "Deux")
    third = build_project(scratch_project)
    assert not completed and os.stat(third.out).st_ino == cold
    assert _files(third.out) == _files(build_project(scratch_project, out=tmp_path / "clean", clean=True).out)
    (scratch_project / JAPAN_MD).write_bytes(second_brief)   # (a clean build forgets every state of the cache)
    assert _files(build_project(scratch_project, out=tmp_path / "clean", clean=True).out) == after_second


def test_briefs_dated_after_the_url_change_add_no_redirect_pages_and_every_former_one_stays(
        scratch_project, build_project, tmp_path):
    """Listings' former offset pages (page/N/) redirect to the listing. Those URLs existed only for
    briefs dated before the release that replaced them (collections.OFFSET_PAGES_UNTIL): a day's new
    briefs used to add redirects for page/N/ URLs that never existed (436 files in a day of 1,000 briefs
    at 100,000); now they add none, and every former one stays."""
    first = build_project(scratch_project)
    former = {rel: data for rel, data in _files(first.out).items() if "/page/" in rel}
    assert "2026/01/page/2/index.html" in former
    for i in range(7):
        (scratch_project / f"content/briefs/2027/01/later-{i}.md").parent.mkdir(parents=True, exist_ok=True)
        (scratch_project / f"content/briefs/2027/01/later-{i}.md").write_text(
            brief_text(f"Plus tard {i}", f"later-{i}", date=f"2027-01-{10 + i:02d}T10:00:00+01:00"), encoding="utf-8")
    second = build_project(scratch_project)
    site = _files(second.out)
    assert {rel: data for rel, data in site.items() if "/page/" in rel} == former
    assert "Plus tard 6" in site["themes/economy/index.html"].decode("utf-8")
    assert "themes/economy/archive/1/index.html" in site
    assert site == _files(build_project(scratch_project, out=tmp_path / "clean", clean=True).out)


def test_the_spare_is_brought_up_to_date_by_looking_at_the_paths_that_may_differ_alone(tmp_path):
    """A day's briefs at 100,000 change ~5,000 of ~190,000 paths: the spare's update looks at the paths
    written or removed and those where the spare record says the trees differ, not at every path."""
    from briefgen.site import build as build_mod

    live, spare, staging = (tmp_path / name for name in ("live", "spare", "staging"))
    for folder in (live, spare, staging):
        (folder / "p").mkdir(parents=True)
    for rel, text in {"p/a.html": "a new", "p/b.html": "b", "p/c.html": "c new"}.items():
        (live / rel).write_text(text, encoding="utf-8")
    for rel, text in {"p/a.html": "a old", "p/b.html": "b", "p/c.html": "c old", "p/d.html": "d"}.items():
        (spare / rel).write_text(text, encoding="utf-8")
    (staging / "a").write_text("a newest", encoding="utf-8")

    class EveryPath(dict):
        def items(self):
            raise AssertionError("looked at every path")

        keys = __iter__ = items

    keys = EveryPath({"p/a.html": "a2", "p/b.html": "b", "p/c.html": "c2"})
    spare_keys = EveryPath({"p/a.html": "a1", "p/b.html": "b", "p/c.html": "c1", "p/d.html": "d"})
    missing = build_mod._update_spare(spare, spare_keys, keys, {"p/a.html"}, lambda rel: str(staging / "a"),
                                      live, {"p/a.html", "p/c.html", "p/d.html"})
    assert missing == []
    assert (spare / "p/a.html").read_text(encoding="utf-8") == "a newest"        # moved in from staging
    assert (spare / "p/c.html").stat().st_ino == (live / "p/c.html").stat().st_ino   # linked from live
    assert not (spare / "p/d.html").exists()                                      # gone from the site
    assert (spare / "p/b.html").read_text(encoding="utf-8") == "b"


@pytest.mark.parametrize("where", ["updating the spare", "exchanging"])
def test_a_build_killed_while_using_the_spare_leaves_the_old_site_and_the_next_build_is_exact(
        scratch_project, build_project, monkeypatch, tmp_path, where):
    from briefgen.site import build as build_mod
    monkeypatch.setattr(build_mod, "SPARE_SHARE", 1.0)
    build_project(scratch_project)
    _retitle_japan(scratch_project, "Un")
    before = _files(build_project(scratch_project).out)
    _retitle_japan(scratch_project, "Deux")
    if where == "updating the spare":
        real = build_mod._update_spare

        def killed(spare, spare_keys, keys, written, staging, live, near=None):
            half = dict(list(keys.items())[: len(keys) // 2])
            real(spare, spare_keys, half, written & set(half), staging, live, near)
            raise SystemExit("killed")
        monkeypatch.setattr(build_mod, "_update_spare", killed)
    else:
        monkeypatch.setattr(build_mod, "swap_in", lambda new, out: (_ for _ in ()).throw(SystemExit("killed")))
        real = None
    with pytest.raises(SystemExit):
        build_project(scratch_project)
    monkeypatch.setattr(build_mod, "_update_spare", real if where == "updating the spare" else build_mod._update_spare)
    monkeypatch.setattr(build_mod, "swap_in", build_mod.swap_in if where != "exchanging" else _real_swap_in)
    out = scratch_project / "site"
    assert _files(out) == before                     # readers still see the previous site, whole
    again = build_project(scratch_project)
    assert "Deux Un " in (again.out / JAPAN).read_text(encoding="utf-8")
    assert _files(again.out) == _files(build_project(scratch_project, out=tmp_path / "clean", clean=True).out)


def test_a_build_by_another_copy_of_briefgen_after_a_cold_build_renders_nothing(scratch_project, build_project,
                                                                                tmp_path, monkeypatch):
    """The cause of the 100,000-brief bench's first rebuild re-rendering everything (296 s): its cold
    build and its rebuild ran two copies of briefgen (the working tree and a frozen copy: same bytes,
    other paths and mtimes). Page keys hash what templates and catalogs say, not where they are."""
    import shutil

    from briefgen.site import templates
    build_project(scratch_project, clean=True)
    copy = tmp_path / "other-install" / "templates"
    shutil.copytree(templates.theme_dir(), copy)
    for path in copy.rglob("*"):
        os.utime(path, ns=(10**18, 10**18))
    monkeypatch.setattr(templates, "theme_dir", lambda: copy)
    again = build_project(scratch_project)
    assert again.written == 0 and not again.changed_paths


def test_an_edit_plans_only_the_sections_that_show_the_brief(scratch_project, build_project, monkeypatch):
    """The reverse index (brief -> sections it shows on): an edit re-plans its page, its neighbours,
    its listings and the global pages, and takes every other page's key from the last build."""
    first = build_project(scratch_project)
    planned = []
    real = render.Tree.page_key
    monkeypatch.setattr(render.Tree, "page_key",
                        lambda self, page: planned.append(self.prefix + page.output) or real(self, page))
    _retitle_japan(scratch_project, "Un")
    second = build_project(scratch_project)
    assert JAPAN in planned and "regions/eastern-asia/index.html" in planned
    for unrelated in ("regions/northern-europe/index.html", "themes/energy/index.html", "regions/southern-asia/index.html",
                      "countries/in/index.html", "2025/12/index.html"):
        assert not [p for p in planned if p.startswith(unrelated)], unrelated
    assert second.pages == first.pages and JAPAN in second.changed_paths
