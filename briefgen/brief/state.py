"""What the machine last wrote into each brief, so a person's edits are never overwritten silently.

The state file `<briefs>/.briefgen-state.json` maps a brief's path (relative to the briefs folder) to:
  raw:      sha256 of the raw input it was made from (unchanged input -> nothing to do)
  file:     sha256 of the brief file as the machine wrote it (differs -> a person edited it)
  machine:  the field values the machine wrote (countries, themes, key_points, ...): on re-ingest or
            re-classify, a field whose value still equals the machine's may be replaced; a field a
            person changed is kept.
It is a cache of facts about files, never the only copy of anything: deleting it makes briefgen treat
every existing brief as hand-made (kept as it is) until re-ingested with --force.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_NAME = ".briefgen-state.json"

# mkstemp creates files readable by their owner only (0600): a brief, a report or a state file gets
# the mode any file the user creates gets (0666 less the umask, read once here, at import, while no
# other thread can change it), so a web server or a colleague reads them as they read the rest.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


def _temp_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path` (same folder: the rename stays atomic), with FILE_MODE."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:    # a filesystem without modes: keep what mkstemp gave
        pass
    return fd, tmp


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    try:
        return sha256_bytes(path.read_bytes())
    except OSError:
        return None


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class DurableBatch:
    """Atomic writes made durable together: what `atomic_write` gives each file (readers see the old or
    the new bytes, never half, even after a power cut), for a run that writes many files.

    `atomic_write` syncs every file to disk before renaming it over the old one: a brief's fsync costs
    about 0.2 ms of CPU and 4 ms of waiting (more than ingesting it, at 1,000 files). Here each file is
    written to its temporary name at once, and every `limit` files (and on `flush`) the batch is made
    durable in one step: one syncfs() of the filesystem (Linux; an fsync per file elsewhere), then the
    renames, then an fsync of each folder touched, so the renames are on disk before the caller records
    them (the state file is saved after the flush). The guarantee is the same as atomic_write's, and
    stronger for the renames: a crash or a kill before a flush leaves the old files (and temporary
    files, `.<name>.*.tmp`, that no reader opens), never a renamed file whose bytes are not on disk.
    Such leftovers are removed by the next batch that writes into their folder (`STALE_TEMP` old).
    Until the flush, the new bytes are not at `path`: `settle(path)` flushes when a reader needs them."""

    STALE_TEMP = 3600   # seconds: a running batch flushes every few seconds, so older ones are leftovers

    def __init__(self, limit: int = 64) -> None:
        self.limit = limit
        self.pending: dict[Path, str] = {}    # final path -> its temporary file, in write order
        self.swept: set[Path] = set()

    def write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.parent not in self.swept:
            self.swept.add(path.parent)
            _remove_stale_temps(path.parent, self.STALE_TEMP)
        fd, tmp = _temp_file(path)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.discard(path)
        self.pending[path] = tmp
        if len(self.pending) >= self.limit:
            self.flush()

    def settle(self, path: Path) -> None:
        """The bytes last written for `path` are at `path` (flushes the batch when they are pending)."""
        if path in self.pending:
            self.flush()

    def discard(self, path: Path) -> None:
        """Forget a pending write (the file is being removed)."""
        tmp = self.pending.pop(path, None)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)

    def flush(self) -> None:
        items = list(self.pending.items())
        self.pending.clear()
        if not items:
            return
        renamed = 0
        try:
            _sync_files([tmp for _, tmp in items])
            for path, tmp in items:
                os.replace(tmp, path)
                renamed += 1
        finally:
            for _, tmp in items[renamed:]:   # not renamed (an error): no temporary file left behind
                Path(tmp).unlink(missing_ok=True)
        for folder in dict.fromkeys(path.parent for path, _ in items):
            _fsync_path(folder)


def _remove_stale_temps(folder: Path, age: float) -> None:
    """Temporary files of a killed batch (`.<name>.<random>.tmp`, as `_temp_file` names them) older
    than `age` seconds: never read, they would only pile up. A younger one may be another run's."""
    import time

    limit = time.time() - age
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if not (name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3):
                    continue
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                    Path(entry.path).unlink(missing_ok=True)
    except OSError:   # only tidying: the batch goes on
        pass


def _sync_files(paths: list[str]) -> None:
    """Every file's bytes on disk: one syncfs() per filesystem where there is one, else an fsync each."""
    syncfs = _syncfs()
    if syncfs is not None:
        devices: dict[int, str] = {}
        for p in paths:
            devices.setdefault(os.stat(p).st_dev, p)
        if all(_syncfs_ok(syncfs, p) for p in devices.values()):
            return
    for p in paths:
        _fsync_path(p, strict=True)


def _syncfs_ok(syncfs, path: str) -> bool:
    fd = os.open(path, os.O_RDONLY)
    try:
        return syncfs(fd) == 0
    finally:
        os.close(fd)


def _fsync_path(path: str | Path, strict: bool = False) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if strict:
            raise
        return
    try:
        os.fsync(fd)
    except OSError:
        if strict:    # (a folder cannot be fsynced on some systems: its renames are then the OS's affair)
            raise
    finally:
        os.close(fd)


_SYNCFS: list = []


def _syncfs():
    """libc's syncfs (Linux), or None."""
    if not _SYNCFS:
        try:
            import ctypes

            fn = ctypes.CDLL(None, use_errno=True).syncfs
            fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        except (OSError, AttributeError):
            fn = None
        _SYNCFS.append(fn)
    return _SYNCFS[0]


@dataclass
class Entry:
    raw: str | None = None
    file: str | None = None
    source: str | None = None                 # raw input path, relative to the project when possible
    machine: dict[str, Any] = field(default_factory=dict)


class IngestState:
    def __init__(self, briefs_dir: Path, entries: dict[str, Entry] | None = None) -> None:
        self.briefs_dir = briefs_dir
        self.entries: dict[str, Entry] = entries or {}

    @classmethod
    def load(cls, briefs_dir: Path) -> IngestState:
        path = briefs_dir / STATE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {k: Entry(**v) for k, v in data.get("briefs", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError):  # AttributeError: JSON not an object
            entries = {}  # missing or damaged: every brief counts as hand-made, nothing is lost
        return cls(briefs_dir, entries)

    def save(self) -> None:
        data = {"version": 1, "briefs": {k: vars(v) for k, v in sorted(self.entries.items())}}
        atomic_write(self.briefs_dir / STATE_NAME,
                     json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))

    def get(self, rel: str) -> Entry | None:
        return self.entries.get(rel)

    def by_raw(self, source: str) -> tuple[str, Entry] | None:
        """The brief made from a given raw input, if any."""
        for rel, entry in self.entries.items():
            if entry.source == source:
                return rel, entry
        return None

    def is_hand_edited(self, rel: str) -> bool:
        """True when the file differs from what the machine last wrote (or was never written by it)."""
        entry = self.entries.get(rel)
        current = sha256_file(self.briefs_dir / rel)
        return current is not None and (entry is None or entry.file != current)

    def record(self, rel: str, file_bytes: bytes, *, raw: str | None = None, source: str | None = None,
               machine: dict[str, Any] | None = None) -> None:
        old = self.entries.get(rel) or Entry()
        self.entries[rel] = Entry(raw=raw if raw is not None else old.raw, file=sha256_bytes(file_bytes),
                                  source=source if source is not None else old.source,
                                  machine=machine if machine is not None else old.machine)

    def forget(self, rel: str) -> None:
        self.entries.pop(rel, None)
