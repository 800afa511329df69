"""Read every brief (through briefgen.brief.frontmatter, the only reader), render its body once.

Each brief becomes an `Item`: the Brief without its body, a content signature, its page URL and its
local date. Bodies are rendered to sanitised HTML and kept in the content-keyed cache, so an
unchanged brief is neither parsed nor rendered again; a broken brief becomes an error with its file
and line and is skipped. Large batches of changed briefs are parsed and rendered on every core.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from briefgen.brief import frontmatter
from briefgen.errors import BriefgenError, BuildError
from briefgen.model import Brief
from briefgen.site import markdown
from briefgen.site.i18n import localise
from briefgen.site.workers import Pool

log = logging.getLogger(__name__)

# Bump when rendering of bodies or search words changes: old cache entries are then ignored.
RENDER_VERSION = "1"
PARALLEL_FROM = 200   # below this many changed briefs, worker start-up costs more than it saves


@dataclass
class Item:
    """One brief as the site sees it. `body` is dropped from `brief`; the HTML is loaded lazily."""

    brief: Brief
    sig: str                  # hash of the file's bytes: the brief's identity for caching
    url: str                  # page path below the site root, "2026/01/<slug>/"
    when: datetime            # date in the site's time zone
    words: tuple[str, ...]    # folded body words for the search index
    html_file: Path | None = None
    _html: str | None = None

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def html(self) -> str:
        if self._html is None:
            self._html = self.html_file.read_text(encoding="utf-8") if self.html_file else ""
        return self._html


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


def _process(path: str, search_words: int) -> tuple[str, Brief, str, tuple[str, ...]] | BriefgenError:
    """Parse and render one brief (runs in a worker for big batches)."""
    try:
        data = Path(path).read_bytes()
        # The file name is part of the identity: a slug (so the URL every listing and neighbour links
        # to) may come from it, and a renamed file must re-render the pages that link to it. Only the
        # name: the signature shows in the output (search shard versions), which must not depend on
        # where the project lives.
        identity = Path(path).name.encode("utf-8", "surrogateescape") + b"\0" + data
        sig = hashlib.blake2b(identity, digest_size=16).hexdigest()
        brief = frontmatter.read(path)
    except BriefgenError as exc:
        return exc
    except OSError as exc:
        return BuildError(f"cannot read: {exc.strerror}", path)
    try:
        html = markdown.render(brief.body)
    except Exception as exc:  # noqa: BLE001 - Markdown extensions may raise anything on odd input
        return BuildError(f"cannot render the Markdown body: {exc}", path, brief.body_line)
    found = tuple(markdown.words(html, search_words)) if search_words else ()
    return sig, replace(brief, body=""), html, found


def _process_many(args: tuple[list[str], int]) -> list:
    paths, search_words = args
    return [_process(p, search_words) for p in paths]


class BriefCache:
    """`.briefgen-cache/briefs.pickle` (metadata by path) + `html/<sig>.html` (rendered bodies)."""

    def __init__(self, folder: Path, search_words: int) -> None:
        self.folder = folder
        self.html_dir = folder / "html"
        self.index_file = folder / "briefs.pickle"
        self.stamp = (RENDER_VERSION, search_words)
        self.entries: dict[str, tuple] = {}
        self.dirty = False
        try:
            with self.index_file.open("rb") as fh:
                stamp, entries = pickle.load(fh)
            if stamp == self.stamp:
                self.entries = entries
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            self.entries = {}

    def html_path(self, sig: str) -> Path:
        return self.html_dir / sig[:2] / f"{sig}.html"

    def get(self, path: str, mtime: int, size: int):
        hit = self.entries.get(path)
        if hit and hit[0] == mtime and hit[1] == size and self.html_path(hit[2]).is_file():
            return hit
        return None

    def put(self, path: str, mtime: int, size: int, sig: str, brief: Brief, html: str,
            found: tuple[str, ...]) -> None:
        target = self.html_path(sig)
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(html, encoding="utf-8")
            os.replace(tmp, target)
        self.entries[path] = (mtime, size, sig, brief, found)
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        if set(self.entries) - keep:
            self.entries = {k: v for k, v in self.entries.items() if k in keep}
            self.dirty = True
        if not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.index_file.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((self.stamp, self.entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.index_file)
        self.dirty = False


def _render_changed(paths: list[str], search_words: int, pool: Pool | None) -> list:
    if pool is None or len(paths) < PARALLEL_FROM or pool.jobs == 1:
        return [_process(p, search_words) for p in paths]
    chunks = [paths[i::pool.jobs * 4] for i in range(pool.jobs * 4)]
    results: dict[str, object] = {}
    for chunk, done in zip(chunks, pool.map(_process_many, [(c, search_words) for c in chunks])):
        results.update(zip(chunk, done))
    return [results[p] for p in paths]


def page_url(brief: Brief, when: datetime) -> str:
    return f"{when.year:04d}/{when.month:02d}/{brief.slug}/"


def load_items(files: list[tuple[str, int, int]], cache: BriefCache, tz: ZoneInfo, search_words: int,
               pool: Pool | None = None) -> tuple[list[Item], list[BriefgenError], int]:
    """Items for every readable brief (newest first), errors for the rest, and how many were parsed."""
    changed = [p for p, m, s in files if cache.get(p, m, s) is None]
    fresh = dict(zip(changed, _render_changed(changed, search_words, pool))) if changed else {}
    items: list[Item] = []
    errors: list[BriefgenError] = []
    for path, mtime, size in files:
        if path in fresh:
            result = fresh[path]
            if isinstance(result, BriefgenError):
                errors.append(result)
                continue
            sig, brief, html, found = result
            cache.put(path, mtime, size, sig, brief, html, found)
        _, _, sig, brief, found = cache.entries[path]
        when = localise(brief.date, tz)
        items.append(Item(brief=brief, sig=sig, url=page_url(brief, when), when=when, words=found,
                          html_file=cache.html_path(sig)))
    cache.save({p for p, _, _ in files})
    items.sort(key=lambda it: (-it.when.timestamp(), it.brief.slug))
    return items, errors, len(changed)
