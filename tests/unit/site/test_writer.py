from __future__ import annotations

import os
import threading
import time

import pytest

from briefgen.errors import BuildError
from briefgen.site.swap import SiteLock, apply_patch, clear_stale, exchange, journal_path, repair, swap_in
from briefgen.site.writer import Writer


def test_refuses_to_write_one_path_twice(tmp_path):
    w = Writer(tmp_path / "out")
    w.write("a/index.html", "one", owner="brief a")
    with pytest.raises(BuildError, match="brief a"):
        w.write("a/./index.html", "two", owner="brief b")
    assert (tmp_path / "out" / "a" / "index.html").read_text() == "one"


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "a/../../x", "..", "a\x00b"])
def test_refuses_paths_outside_the_output(tmp_path, bad):
    with pytest.raises(BuildError, match="outside"):
        Writer(tmp_path / "out").write(bad, "x")


def test_links_unchanged_files_from_the_previous_build(tmp_path):
    (tmp_path / "old" / "a").mkdir(parents=True)
    (tmp_path / "old" / "a" / "index.html").write_text("same")
    w = Writer(tmp_path / "new")
    w.claim("a/index.html", "x")
    assert w.link("a/index.html", tmp_path / "old")
    assert os.path.samefile(tmp_path / "new/a/index.html", tmp_path / "old/a/index.html")
    w.claim("gone.html", "y")
    assert not w.link("gone.html", tmp_path / "old")


def test_swap_exchanges_folders_atomically(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "v").write_text("1")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "v").write_text("2")
    old = swap_in(tmp_path / "new", tmp_path / "site")
    assert (tmp_path / "site" / "v").read_text() == "2" and (old / "v").read_text() == "1"
    assert exchange(tmp_path / "site", old) in (True, False)


def test_patch_moves_staged_files_in_and_removes_deleted_ones(tmp_path):
    live, staging = tmp_path / "site", tmp_path / "site.tmp-1-ab"
    (live / "old").mkdir(parents=True)
    (live / "old" / "index.html").write_text("old")
    (live / "keep.html").write_text("keep")
    (staging / "new").mkdir(parents=True)
    (staging / "new" / "index.html").write_text("new")
    apply_patch(staging, live, ["new/index.html"], ["old/index.html"])
    assert (live / "new" / "index.html").read_text() == "new" and (live / "keep.html").read_text() == "keep"
    assert not (live / "old").exists() and not staging.exists()


def test_clears_temporary_trees_of_dead_builds_only(tmp_path):
    dead = tmp_path / "site.tmp-999999999-abcd"
    mine = tmp_path / f"site.tmp-{os.getpid()}-abcd"
    dead.mkdir()
    mine.mkdir()
    clear_stale(tmp_path / "site")
    assert not dead.exists() and mine.exists()


def test_repair_finishes_a_patch_killed_half_way_from_its_journal(tmp_path, monkeypatch):
    from briefgen.site import swap

    live, staging = tmp_path / "site", tmp_path / "site.tmp-1-ab"
    (live / "a").mkdir(parents=True)
    (live / "a" / "index.html").write_text("old a")
    (live / "b.html").write_text("old b")
    (live / "gone.html").write_text("gone")
    (staging / "a").mkdir(parents=True)
    (staging / "a" / "index.html").write_text("new a")
    (staging / "b.html").write_text("new b")
    def killed(staging, out, written, removed, *rest, **kwargs):
        os.replace(staging / written[0], out / written[0])   # one move, then death
        raise SystemExit

    monkeypatch.setattr(swap, "_move_in", killed)
    with pytest.raises(SystemExit):
        apply_patch(staging, live, ["a/index.html", "b.html"], ["gone.html"])
    monkeypatch.undo()
    assert (live / "b.html").read_text() == "old b"      # the mix a reader must never be shown
    assert sorted(repair(live)) == ["a/index.html", "b.html", "gone.html"]
    assert (live / "a/index.html").read_text() == "new a" and (live / "b.html").read_text() == "new b"
    assert not (live / "gone.html").exists() and not staging.exists()
    assert repair(live) is not None          # idempotent until the caller forgets the journal
    journal_path(live).unlink()
    assert repair(live) is None


def test_site_lock_keeps_readers_out_while_a_patch_is_written():
    lock, events = SiteLock(), []
    entered = threading.Event()

    def reader():
        entered.set()
        with lock.reading():
            events.append("read")

    with lock.writing():
        thread = threading.Thread(target=reader)
        thread.start()
        entered.wait(5)
        time.sleep(0.05)
        events.append("patched")
    thread.join(5)
    assert events == ["patched", "read"]
    with lock.reading(), lock.reading():   # readers share it
        pass


def test_an_old_tree_leaves_the_site_folder_at_once_and_is_deleted_in_the_background(tmp_path):
    from briefgen.site.swap import remove_later, wait_for_removals

    old = tmp_path / "site.tmp-1-ab"
    (old / "a" / "b").mkdir(parents=True)
    (old / "a" / "b" / "index.html").write_text("old")
    remove_later(old, tmp_path / "cache" / "trash")
    assert not old.exists()          # out of the user's sight before anything is deleted
    wait_for_removals()
    assert list((tmp_path / "cache" / "trash").iterdir()) == []


def test_the_writer_normalises_paths_as_normpath_does():
    """`_norm` skips posixpath.normpath for paths it would return unchanged: every string of up to five
    pieces (empty, `.`, `..` parts, doubled, leading and trailing slashes, backslashes) must come out
    as normpath gives it."""
    import itertools
    import posixpath

    from briefgen.site.writer import _norm

    pieces = ["a", ".", "/", "..", "b.c", "x/", "\\", ".d"]
    for k in range(1, 6):
        for parts in itertools.product(pieces, repeat=k):
            rel = "".join(parts)
            assert _norm(rel) == posixpath.normpath(rel), rel
    assert _norm("") == "."


def test_flat_staging_names_one_file_per_path_and_lays_them_out_when_completed(tmp_path):
    from briefgen.site.writer import flat_name

    long = "regions/" + "x" * 240 + "/index.html"
    paths = ["a/b/index.html", "a%2Fb/index.html", "a/b%2Findex.html", "feed.xml", long]
    names = [flat_name(p) for p in paths]
    assert len(set(names)) == len(names) and not any("/" in n for n in names)
    assert len(flat_name(long).encode()) < 255 and flat_name(long).startswith("%h")
    (tmp_path / "old" / "k").mkdir(parents=True)
    (tmp_path / "old" / "k" / "index.html").write_text("kept")
    w = Writer(tmp_path / "new", patch=True)
    w.flat = True
    for i, p in enumerate(paths):
        w.write(p, f"text {i}")
    w.claim("k/index.html", "kept page")
    assert w.link("k/index.html", tmp_path / "old")
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == sorted(names)   # no folder made
    assert (tmp_path / "new" / flat_name("a/b/index.html")).read_text() == "text 0"
    assert w.staged("a/b/index.html") == str(tmp_path / "new" / flat_name("a/b/index.html"))
    assert w.complete(tmp_path / "old") == []
    for i, p in enumerate(paths):
        assert (tmp_path / "new" / p).read_text() == f"text {i}"
    assert (tmp_path / "new" / "k" / "index.html").read_text() == "kept"
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["a", "a%2Fb", "feed.xml", "k", "regions"]


def test_repair_finishes_a_flat_patch_and_makes_missing_folders(tmp_path, monkeypatch):
    from briefgen.site import swap
    from briefgen.site.writer import flat_name

    live, staging = tmp_path / "site", tmp_path / "site.tmp-1-ab"
    (live / "a").mkdir(parents=True)
    (live / "a" / "index.html").write_text("old a")
    staging.mkdir()
    (staging / flat_name("a/index.html")).write_text("new a")
    (staging / flat_name("n/e/w/index.html")).write_text("new page")

    def killed(staging, out, written, removed, *rest, **kwargs):
        raise SystemExit

    monkeypatch.setattr(swap, "_move_in", killed)
    with pytest.raises(SystemExit):
        apply_patch(staging, live, ["a/index.html", "n/e/w/index.html"], [], flat=True)
    monkeypatch.undo()
    assert (live / "a/index.html").read_text() == "old a"
    assert sorted(repair(live)) == ["a/index.html", "n/e/w/index.html"]
    assert (live / "a/index.html").read_text() == "new a" and (live / "n/e/w/index.html").read_text() == "new page"
    assert not staging.exists()
