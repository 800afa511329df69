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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
