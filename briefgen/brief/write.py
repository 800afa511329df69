"""Write briefs to `<briefs>/YYYY/MM/<slug>.md`, atomically, never over a person's edits.

Policy (README "Ingest"), backed by briefgen.brief.state:
- unchanged raw input (same sha256 as last time, brief still there) -> nothing is written;
- changed raw input -> its brief is rewritten, if the brief is still as the machine wrote it;
- brief edited by hand -> kept as it is; the new version goes beside it as `<slug>.md.new` (the site
  reads only `*.md`) and is reported; `--force` overwrites it;
- two inputs whose titles give the same slug in the same month -> the later one in input-path
  order gets `-2`, `-3`…: a brief made from another input (or by hand) is never overwritten.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from briefgen.brief.frontmatter import dump
from briefgen.brief.state import DurableBatch, IngestState, atomic_write, sha256_bytes, sha256_file
from briefgen.model import Brief

log = logging.getLogger(__name__)

Status = Literal["written", "unchanged", "kept_edited"]
NEW_SUFFIX = ".new"


@dataclass(frozen=True)
class WriteResult:
    status: Status
    path: Path                    # the brief (for kept_edited: the hand-edited one, left as it was)
    new_path: Path | None = None  # where the machine's version went instead (kept_edited)


def month_dir(brief: Brief) -> str:
    return f"{brief.date.year:04d}/{brief.date.month:02d}"


class BriefWriter:
    def __init__(self, briefs_dir: Path, force: bool = False, batch: DurableBatch | None = None) -> None:
        self.briefs_dir = briefs_dir
        self.force = force
        # batch: briefs made durable together (a run of many inputs), else each at once
        self.batch = batch
        self.state = IngestState.load(briefs_dir)
        self.claimed: dict[str, str] = {}   # rel path -> source, for this run
        # source -> rel, so finding an input's brief stays O(1) on large projects
        self.by_source: dict[str, str] = {e.source: rel for rel, e in sorted(self.state.entries.items())
                                          if e.source}

    def unchanged(self, source: str, raw_sha: str, version: str | None = None) -> Path | None:
        """The brief of an input whose raw bytes did not change since it was written, if any.
        A brief made by an older briefgen (`version` differs) counts as changed, unless a person
        edited it since: a new briefgen alone never disturbs an edited brief."""
        if self.force:
            return None
        rel = self.by_source.get(source)
        entry = self.state.get(rel) if rel else None
        if entry is None:
            return None
        path = self.briefs_dir / rel
        self.settle(path)
        if entry.raw != raw_sha or not path.exists():
            return None
        if version is not None and entry.machine.get("version") != version \
                and not self.state.is_hand_edited(rel):
            return None
        self.claimed[rel] = source
        return path

    def target(self, month: str, slug: str, source: str, same=None) -> str:
        """The brief's path relative to the briefs folder: first free `<slug>[-n].md` for this input.
        `same(rel)` tells whether an unknown file there already holds exactly this input's brief."""
        n = 1
        while True:
            rel = f"{month}/{slug}{'' if n == 1 else f'-{n}'}.md"
            n += 1
            owner = self.claimed.get(rel)
            if owner is not None and owner != source:
                continue
            entry = self.state.get(rel)
            if entry is not None and entry.source == source:
                return rel
            if entry is None and same is not None and (self.briefs_dir / rel).exists() and same(rel):
                return rel  # written by a run killed before it saved the state file: ours, not a clash
            if entry is not None or (self.briefs_dir / rel).exists():
                continue   # another input's brief, or a brief written by hand
            return rel

    def write(self, brief: Brief, data: bytes | None, source: str, raw_sha: str,
              machine: dict | None = None) -> WriteResult:
        def data_at(rel: str) -> bytes:
            if data is not None:
                return data
            # a `-2` name: the slug inside must match it, or the site gets two pages at one URL
            return dump(replace(brief, slug=Path(rel).stem)).encode("utf-8")

        rel = self.target(month_dir(brief), brief.slug, source,
                          same=lambda r: sha256_file(self.briefs_dir / r) == sha256_bytes(data_at(r)))
        data = data_at(rel)
        self.claimed[rel] = source
        self._retire_old(rel, source)
        path = self.briefs_dir / rel
        self.settle(path)
        if path.exists() and self.state.is_hand_edited(rel) and not self.force \
                and sha256_file(path) != sha256_bytes(data):  # same bytes: nothing of a person's to keep
            new_path = path.with_name(path.name + NEW_SUFFIX)
            self.settle(new_path)
            if sha256_file(new_path) != sha256_bytes(data):
                self._write(new_path, data)
            return WriteResult("kept_edited", path, new_path)
        if sha256_file(path) != sha256_bytes(data):
            self._write(path, data)
        self._remove(path.with_name(path.name + NEW_SUFFIX))
        self.state.record(rel, data, raw=raw_sha, source=source, machine=machine or {})
        self.by_source[source] = rel
        return WriteResult("written", path)

    def _retire_old(self, rel: str, source: str) -> None:
        """The input's title (so its slug or month) changed: its old brief goes, unless edited by hand."""
        old_rel = self.by_source.get(source)
        if old_rel is None or old_rel == rel:
            return
        self.settle(self.briefs_dir / old_rel)
        if not self.state.is_hand_edited(old_rel):
            self._remove(self.briefs_dir / old_rel)
        self.state.forget(old_rel)
        del self.by_source[source]

    def _write(self, path: Path, data: bytes) -> None:
        if self.batch is not None:
            self.batch.write(path, data)
        else:
            atomic_write(path, data)

    def _remove(self, path: Path) -> None:
        if self.batch is not None:
            self.batch.discard(path)
        path.unlink(missing_ok=True)

    def settle(self, path: Path | None = None) -> None:
        """The briefs written so far are in place (all, or the one at `path`): before reading them."""
        if self.batch is not None:
            if path is None:
                self.batch.flush()
            else:
                self.batch.settle(path)

    def save(self) -> None:
        """Briefs in place and on disk first, then the state file that records them."""
        self.settle()
        self.state.save()
