"""Replace the output folder by a freshly built one in one step, or patch a few files into it.

On Linux `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically: at every instant the output
path holds a complete site. Elsewhere two renames leave a moment without the folder, but never a
half-written one. Old trees are deleted in a background thread so the build returns at once.
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import errno
import logging
import os
import shutil
import threading
from pathlib import Path

log = logging.getLogger(__name__)

AT_FDCWD = -100
RENAME_EXCHANGE = 2
_pending: list[threading.Thread] = []


def _renameat2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the system cannot (then the caller renames)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
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


def remove_later(path: Path) -> None:
    """Delete an old tree in the background (it can hold thousands of files)."""
    thread = threading.Thread(target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True},
                              name="briefgen-remove-old-site", daemon=True)
    thread.start()
    _pending.append(thread)
    _pending[:] = [t for t in _pending if t.is_alive()]


def wait_for_removals() -> None:
    for thread in list(_pending):  # noqa: PERF101 - a copy: another build may add to it meanwhile
        thread.join()


# The removal threads are daemons (a preview server must not wait for them), and the interpreter
# kills daemons at exit: without this, every `briefgen build` left its previous site behind as
# `site.tmp-PID-*`, half deleted.
atexit.register(wait_for_removals)


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


def apply_patch(staging: Path, out: Path, written: list[str], removed: list[str]) -> None:
    """Move staged files into the live site (each os.replace is atomic), delete removed ones."""
    made: set[str] = set()
    for rel in written:
        target = os.path.join(out, rel)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.replace(os.path.join(staging, rel), target)
    for rel in removed:
        target = os.path.join(out, rel)
        try:
            os.unlink(target)
            os.removedirs(os.path.dirname(target))   # empty folders only; stops at the first non-empty
        except OSError:
            pass
    shutil.rmtree(staging, ignore_errors=True)
