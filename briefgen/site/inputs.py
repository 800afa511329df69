"""What a build looks at before it knows whether anything changed: the brief files and "now".

Kept free of heavy imports (Markdown, Jinja, Babel's formatting, the classifier): a build that finds
nothing changed stops after these and never imports the rest.
"""
from __future__ import annotations

import bisect
import gc
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from briefgen.errors import BuildError


def brief_files(folder: Path) -> list[tuple[str, int, int]]:
    """(path, mtime_ns, size) of every *.md below `folder`, sorted; hidden and editor files skipped."""
    found: list[tuple[str, int, int]] = []
    stack = [str(folder)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.name.startswith((".", "#", "~")):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(".md") and entry.is_file():
                st = entry.stat()
                found.append((entry.path, st.st_mtime_ns, st.st_size))
    found.sort()
    return found


@lru_cache(maxsize=4)
def code_digest(package: str | None = None) -> str:
    """A digest of the Python code of briefgen itself (each module's path in the package and its
    bytes): a build by changed code is not a no-change build, even without a version bump. By
    content, not mtimes: another copy or checkout of the same code (the bench's frozen copies) gives
    the same digest. About 2 ms (70 modules, 0.8 MB); once per process."""
    root = package or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    h = hashlib.blake2b(digest_size=16)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                try:
                    with open(path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    data = b"unreadable"
                h.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape") + b"\0")
                h.update(hashlib.blake2b(data, digest_size=16).digest())
    return h.hexdigest()


# Keys of [site] that change how a build runs, never a byte of what it writes: left out of every key
# (pages', the no-change manifest's, the plan's inputs), so changing them renders nothing again.
RUN_ONLY_SITE_KEYS = {"jobs": 0}


def output_config(config):
    """`config` with the keys that cannot change the site's bytes set to their defaults: what the
    build's keys hold (repr of it). `[site] jobs` (worker processes) was part of every page's key, so
    changing it rendered the whole site again."""
    from dataclasses import replace

    site = config.site
    if all(getattr(site, k) == v for k, v in RUN_ONLY_SITE_KEYS.items()):
        return config
    return replace(config, site=replace(site, **RUN_ONLY_SITE_KEYS))


_FILES: dict[str, list[tuple[str, int, int]]] = {}   # briefs folder -> its files after this process's last build


def take_files(folder: Path) -> list[tuple[str, int, int]] | None:
    """What the last finished build saw, taken away (a build that does not finish must not leave it
    for the next one, which would miss this one's changes)."""
    found = _FILES.pop(str(folder), None)
    _FILES.clear()   # one project per process
    return found


def brief_files_since(folder: Path, changed: list[str] | None,
                      before: list[tuple[str, int, int]] | None) -> tuple[list[tuple[str, int, int]], bool]:
    """`brief_files(folder)`, from what this process's last build saw plus the paths a watcher saw
    change since (`changed`: every path changed, created, deleted or renamed in the folder since that
    build), so the preview does not stat 10,000 files on every save. A full look when `changed` is
    None, when there is nothing remembered (a build that did not finish forgets it: `remember_files`
    only after one that did), or when a path is not plainly a file under `folder` (a folder renamed,
    another spelling of the path, a linked folder). `before`: take_files() at the build's start.
    Returns the files and whether they come from `before` and `changed` (False: a full look)."""
    files = _patched(str(folder), before, changed) if changed is not None and before is not None else None
    return (brief_files(folder), False) if files is None else (files, True)


def remember_files(folder: Path, files: list[tuple[str, int, int]]) -> None:
    """What a finished build saw: the next one may start from it (brief_files_since)."""
    _FILES.clear()
    _FILES[str(folder)] = list(files)


def _patched(root: str, before: list[tuple[str, int, int]], changed: list[str]) -> list | None:
    """`before` updated for `changed`; None when only a full look can tell."""
    files = list(before)
    for path in dict.fromkeys(changed):
        if not path.startswith(root + os.sep):
            return None
        parts = path[len(root) + 1:].split(os.sep)
        if "" in parts or "." in parts or ".." in parts:
            return None
        at = bisect.bisect_left(files, (path,))
        if at < len(files) and files[at][0] == path:
            del files[at]
        if any(p.startswith((".", "#", "~")) for p in parts):
            continue          # brief_files skips these (and whatever is below a hidden folder)
        folder = root
        for part in parts[:-1]:   # brief_files walks real folders only, never a linked one
            folder = os.path.join(folder, part)
            if os.path.islink(folder) or not os.path.isdir(folder):
                return None       # a folder gone, made or linked: a full look
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.lexists(path):
                return None       # a broken link: as brief_files sees it
            continue              # deleted
        except OSError:
            return None
        if stat.S_ISDIR(st.st_mode):
            return None           # a folder: its files are not named here
        if path.endswith(".md") and stat.S_ISREG(st.st_mode):
            files.insert(at, (path, st.st_mtime_ns, st.st_size))
    return files


def build_now(pinned: str, tz: ZoneInfo) -> datetime:
    """'Now' for relative dates: config site.now, else $SOURCE_DATE_EPOCH, else the clock."""
    if pinned:
        try:
            value = datetime.fromisoformat(pinned)
        except ValueError:
            raise BuildError(f"site.now: {pinned!r} is not an ISO 8601 date-time") from None
        return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).astimezone(tz)
        except ValueError:
            raise BuildError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a number of seconds") from None
    return datetime.now(tz)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a build loads or derives long-lived data (the state,
    the brief cache, Items, groups): ~10^5 objects and no garbage cycles, which the collector would
    otherwise scan again and again for nothing (a fifth of an edit build's CPU at 10,000 briefs).
    Not around anything that forks workers: they would inherit the pause."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
