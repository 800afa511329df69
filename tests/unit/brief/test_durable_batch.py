"""Briefs written in a batch: in place only once on disk, all of them after the flush, nothing half-written
and no temporary file left behind when the sync fails."""
import pytest

from briefgen.brief import state
from briefgen.brief.state import DurableBatch


def test_files_appear_at_the_flush_with_their_bytes(tmp_path):
    batch = DurableBatch(limit=10)
    old = tmp_path / "2026" / "01" / "a.md"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old")
    batch.write(old, b"new a")
    batch.write(tmp_path / "2026" / "02" / "b.md", b"b")
    assert old.read_bytes() == b"old" and not (tmp_path / "2026" / "02" / "b.md").exists()
    batch.flush()
    assert old.read_bytes() == b"new a" and (tmp_path / "2026" / "02" / "b.md").read_bytes() == b"b"
    assert not list(tmp_path.rglob("*.tmp")) and not batch.pending


def test_a_full_batch_is_flushed_and_a_rewrite_keeps_the_last_bytes(tmp_path):
    batch = DurableBatch(limit=3)
    batch.write(tmp_path / "a.md", b"1")
    batch.write(tmp_path / "a.md", b"2")          # the same file again: one pending write, the last
    batch.write(tmp_path / "b.md", b"b")
    assert len(batch.pending) == 2 and len(list(tmp_path.glob(".*.tmp"))) == 2
    batch.write(tmp_path / "c.md", b"c")          # the third pending file: flushed
    assert not batch.pending and (tmp_path / "a.md").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "c.md"]


def test_settle_and_discard(tmp_path):
    batch = DurableBatch()
    batch.write(tmp_path / "a.md", b"a")
    batch.write(tmp_path / "b.md", b"b")
    batch.discard(tmp_path / "b.md")
    batch.settle(tmp_path / "x.md")               # not pending: nothing happens
    assert not (tmp_path / "a.md").exists()
    batch.settle(tmp_path / "a.md")
    assert (tmp_path / "a.md").read_bytes() == b"a" and not (tmp_path / "b.md").exists()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("syncfs", ["libc", "none"])
def test_without_syncfs_every_file_is_synced(tmp_path, monkeypatch, syncfs):
    synced = []
    real = state._fsync_path
    monkeypatch.setattr(state, "_fsync_path", lambda p, strict=False: (synced.append(str(p)), real(p, strict)))
    if syncfs == "none":
        monkeypatch.setattr(state, "_syncfs", lambda: None)
    batch = DurableBatch()
    for name in ("a.md", "b.md"):
        batch.write(tmp_path / name, name.encode())
    batch.flush()
    files = [p for p in synced if p.endswith(".tmp")]
    assert len(files) == (2 if syncfs == "none" or state._syncfs() is None else 0)
    assert str(tmp_path) in synced                # the folder, after the renames
    assert (tmp_path / "b.md").read_bytes() == b"b.md"


def test_a_failed_sync_renames_nothing_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_bytes(b"old")
    batch = DurableBatch()
    batch.write(tmp_path / "a.md", b"new")
    batch.write(tmp_path / "b.md", b"b")

    def broken(paths):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(state, "_sync_files", broken)
    with pytest.raises(OSError):
        batch.flush()
    assert (tmp_path / "a.md").read_bytes() == b"old" and not (tmp_path / "b.md").exists()
    assert not list(tmp_path.glob(".*.tmp")) and not batch.pending


def test_an_ingest_run_leaves_every_brief_in_place_and_no_temporary_file(tmp_path):
    from dataclasses import replace

    from briefgen.brief.write import BriefWriter
    from tests.unit.brief.test_write import BRIEF

    writer = BriefWriter(tmp_path, batch=DurableBatch(limit=4))
    paths = [writer.write(replace(BRIEF, title=f"Titre {i}", slug=f"titre-{i}"), None, f"raw/{i}.txt", f"s{i}").path
             for i in range(10)]
    writer.save()
    assert all(p.is_file() and b"Titre" in p.read_bytes() for p in paths)
    assert not list(tmp_path.rglob("*.tmp"))
    again = BriefWriter(tmp_path, batch=DurableBatch())
    assert again.unchanged("raw/3.txt", "s3") == paths[3]


def test_written_files_get_the_mode_the_umask_gives_not_mkstemps_0600(tmp_path):
    """A brief, report or state file is read by others (a web server, a colleague, git): mkstemp's
    owner-only mode must not stick to it."""
    import os
    import stat

    from briefgen.brief.state import FILE_MODE, atomic_write

    umask = os.umask(0o022)
    os.umask(umask)
    assert FILE_MODE == 0o666 & ~umask
    batch = DurableBatch(limit=2)
    for name in ("a.md", "b.md", "c.md"):
        batch.write(tmp_path / name, b"x")
    batch.flush()
    atomic_write(tmp_path / "state.json", b"{}")
    for name in ("a.md", "b.md", "c.md", "state.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == FILE_MODE, name


def test_a_killed_batchs_old_temporary_files_are_removed_by_the_next_batch_and_nothing_else(tmp_path):
    import os
    import time

    stale = tmp_path / ".a.md.k3j_x9.tmp"              # left by a batch killed before its flush
    fresh = tmp_path / ".b.md.q8w_z1.tmp"              # another run's, still being written
    mine = tmp_path / "notes.tmp"                      # not a name briefgen gives
    for f in (stale, fresh, mine):
        f.write_bytes(b"x")
    old = time.time() - 2 * DurableBatch.STALE_TEMP
    os.utime(stale, (old, old))
    os.utime(mine, (old, old))
    batch = DurableBatch()
    batch.write(tmp_path / "c.md", b"c")
    batch.flush()
    assert not stale.exists() and fresh.exists() and mine.exists()
    assert (tmp_path / "c.md").read_bytes() == b"c"
