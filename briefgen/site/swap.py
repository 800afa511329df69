"""Replace the output folder by a freshly built one in one step, or patch a few files into it.

On Linux `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically: at every instant the output
path holds a complete site. Elsewhere two renames leave a moment without the folder, but never a
half-written one. Old trees are deleted in a background thread so the build returns at once.

Patching (moving a few staged files into the live folder) is NOT atomic as a whole, so only the
preview server's private output uses it: the server holds a `SiteLock` for writing while a patch is
applied (no request is answered from a half-patched folder), and a journal written before the first
move lets the next build finish a patch that a killed process left half done.
"""
from __future__ import annotations

import atexit
import contextlib
import errno
import json
import logging
import os
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.site.writer import staged_file

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable

log = logging.getLogger(__name__)

AT_FDCWD = -100
RENAME_EXCHANGE = 2
_pending: list[threading.Thread] = []
_pending_procs: list[subprocess.Popen] = []


def _renameat2():
    import ctypes

    for name in (None, "c"):   # the process's own symbols first: ctypes.util runs `ldconfig` to find libc
        try:
            if name is None:
                libc = ctypes.CDLL(None, use_errno=True)
            else:
                import ctypes.util

                libc = ctypes.CDLL(ctypes.util.find_library(name) or None, use_errno=True)
            fn = libc.renameat2
        except (OSError, AttributeError):
            continue
        fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
        fn.restype = ctypes.c_int
        return fn
    return None


_RENAMEAT2: list = []   # looked up at the first exchange: a build that swaps nothing never loads ctypes


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the system cannot (then the caller renames)."""
    if not _RENAMEAT2:
        _RENAMEAT2.append(_renameat2())
    renameat2 = _RENAMEAT2[0]
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(new: Path, out: Path) -> Path | None:
    """Put `new` at `out`; return where the previous tree now is (to delete), or None."""
    if not out.exists():
        os.rename(new, out)
        return None
    if exchange(new, out):
        return new
    old = out.parent / f"{out.name}.old-{os.getpid()}-{new.name.rsplit('-', 1)[-1]}"
    os.rename(out, old)
    os.rename(new, out)
    return old


def remove_later(path: Path, trash: Path | None = None) -> None:
    """Delete an old tree (it can hold 25,000 files and folders: seconds on a busy disk) without
    making anyone wait: moved into `trash` (a folder on the same disk, out of the user's sight) and
    deleted there by a detached `rm -rf`, so `briefgen build` exits at once; in a thread when there
    is no `rm` (Windows) or the move fails (another file system)."""
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            moved = trash / f"{path.name}-{os.getpid()}-{threading.get_ident()}"
            os.rename(path, moved)
            path = moved
        except OSError:
            pass
    rm = shutil.which("rm") if os.name == "posix" else None
    if rm is not None:
        import subprocess

        # Everything in the trash: also what an earlier deletion, killed, left behind.
        targets = [str(p) for p in trash.iterdir()] if trash is not None and path.parent == trash else [str(path)]
        try:
            proc = subprocess.Popen([rm, "-rf", "--", *targets], stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:
            pass
        else:
            _pending_procs.append(proc)
            _pending_procs[:] = [p for p in _pending_procs if p.poll() is None]
            return
    remove_in_thread(path)


def remove_in_thread(path: Path) -> None:
    """Delete a tree in a thread of this process (the preview's emptied staging folder after each
    patch: its few dozen empty folders took 0.1 s of rmdir on a busy disk, a third of an edit's wall
    time from save to browser, for 3 ms of CPU)."""
    thread = threading.Thread(target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True},
                              name="briefgen-remove-old-site", daemon=True)
    thread.start()
    _pending.append(thread)
    _pending[:] = [t for t in _pending if t.is_alive()]


def wait_for_removals() -> None:
    """Wait until every old tree this process handed over is gone (tests, benchmarks)."""
    _join_threads()
    for proc in list(_pending_procs):  # noqa: PERF101 - a copy: a build may add to it meanwhile
        proc.wait()


def _join_threads() -> None:
    for thread in list(_pending):  # noqa: PERF101 - a copy: another build may add to it meanwhile
        thread.join()


# The removal threads are daemons (a preview server must not wait for them), and the interpreter
# kills daemons at exit: without this, every `briefgen build` left its previous site behind as
# `site.tmp-PID-*`, half deleted. (A detached `rm` outlives this process: nothing to wait for.)
atexit.register(_join_threads)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clear_stale(out: Path) -> None:
    """Remove `<out>.tmp-PID-*` / `<out>.old-PID-*` left by builds whose process died."""
    if not out.parent.is_dir():
        return
    for entry in out.parent.iterdir():
        name = entry.name
        for tag in (".tmp-", ".old-"):
            if name.startswith(out.name + tag) and entry.is_dir():
                pid = name[len(out.name + tag):].split("-", 1)[0]
                if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                    shutil.rmtree(entry, ignore_errors=True)


class SiteLock:
    """A readers-writer lock over one output folder: requests read, a patch or swap writes.

    Writers are preferred (a waiting writer stops new readers), so a busy preview cannot starve a
    rebuild; readers hold it only while resolving and reading one file."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting_writers = 0

    @contextlib.contextmanager
    def reading(self):
        with self._cond:
            while self._writing or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextlib.contextmanager
    def writing(self):
        with self._cond:
            self._waiting_writers += 1
            try:
                while self._writing or self._readers:
                    self._cond.wait()
            finally:
                self._waiting_writers -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


def into_place(move: Callable[[str, str], None], src: str, target: str) -> None:
    """move(src, target) (os.replace, os.link), making target's folders if they are missing: tried
    first, as the folder of a changed page is there already (makedirs first cost a failed mkdir and a
    stat a file). FileNotFoundError if `src` is missing."""
    try:
        move(src, target)
    except FileNotFoundError:
        if not os.path.lexists(src):
            raise
        os.makedirs(os.path.dirname(target), exist_ok=True)
        move(src, target)


def journal_path(out: Path) -> Path:
    return out.parent / f"{out.name}.patch-journal"


def apply_patch(staging: Path, out: Path, written: list[str], removed: list[str],
                remove_staging: bool = True, flat: bool = False) -> None:
    """Move staged files into the live site (each os.replace is atomic), delete removed ones.
    `remove_staging=False`: the emptied staging folder is left for the caller to delete (later).
    `flat`: the staged files are named by writer.flat_name, not laid out as in the site.

    The journal is written (atomically, by rename) before the first move; the caller deletes it with
    `forget_journal` once the build's state is saved. If this process dies in between, `repair`
    finishes the patch. A process kill cannot lose it (no fsync: the preview's folder is a cache, and
    after a power cut `build --clean` rebuilds it)."""
    journal = journal_path(out)
    tmp = journal.with_name(journal.name + f".{os.getpid()}.tmp")
    # A journal not yet forgotten (the preview saves its state later: build.flush_state) names files
    # earlier patches touched since the state on disk: they stay named, so a repair distrusts them too.
    before = _read_journal(journal)
    named_written = list(dict.fromkeys([*before.get("written", []), *written]))
    named_removed = list(dict.fromkeys([*before.get("removed", []), *removed]))
    tmp.write_text(json.dumps({"staging": str(staging), "written": named_written, "removed": named_removed,
                               "flat": flat}), encoding="utf-8")
    os.replace(tmp, journal)
    _move_in(staging, out, written, removed, remove_staging, flat=flat)


def _read_journal(journal: Path) -> dict:
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {k: [str(p) for p in record.get(k) or [] if isinstance(p, str)] for k in ("written", "removed")}


def repair(out: Path) -> list[str] | None:
    """Finish a patch a killed process left half applied; return the paths it touched (their cached
    keys are no longer to be trusted; ["*"]: none are), or None when there was nothing to repair.
    Idempotent: a repair killed half way is finished by the next one."""
    journal = journal_path(out)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        staging, written, removed = Path(record["staging"]), list(record["written"]), list(record["removed"])
        flat = record.get("flat") is True     # absent: a journal of a version that staged as in the site
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # An unreadable journal: the folder cannot be trusted; the caller builds a fresh tree.
        log.warning("%s: unreadable patch journal; rebuilding the whole site", journal)
        return ["*"]
    log.warning("finishing a patch of %s that was interrupted (%d files)", out, len(written))
    if staging.parent != out.parent or not staging.name.startswith(out.name + ".tmp-"):
        log.warning("%s: the journal names a foreign staging folder; rebuilding the whole site", journal)
        return ["*"]
    _move_in(staging, out, [rel for rel in written if os.path.isfile(staged_file(staging, rel, flat))], removed,
             flat=flat)
    return written + removed


def forget_journal(out: Path) -> None:
    """Call once the repair's effects are recorded (the build state saved)."""
    journal_path(out).unlink(missing_ok=True)


def _move_in(staging: Path, out: Path, written: list[str], removed: list[str],
             remove_staging: bool = True, flat: bool = False) -> None:
    for rel in written:
        into_place(os.replace, staged_file(staging, rel, flat), os.path.join(out, rel))
    for rel in removed:
        target = os.path.join(out, rel)
        try:
            os.unlink(target)
            os.removedirs(os.path.dirname(target))   # empty folders only; stops at the first non-empty
        except OSError:
            pass
    if remove_staging:
        shutil.rmtree(staging, ignore_errors=True)
