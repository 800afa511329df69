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
import re
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
RENDER_VERSION = "3"
PARALLEL_FROM = 200   # below this many changed briefs, worker start-up costs more than it saves


@dataclass
class Item:
    """One brief as the site sees it. `body` is dropped from `brief`; HTML and words load lazily."""

    brief: Brief
    sig: str                  # hash of the file's bytes: the brief's identity for caching
    url: str                  # page path below the site root, "2026/01/<slug>/"
    when: datetime            # date in the site's time zone
    body_file: str = ""       # cache file: search words on the first line, the body HTML after it
    _html: str | None = None

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def html(self) -> str:
        if self._html is None:
            self._html = _read(self.body_file).partition("\n")[2]
        return self._html

    @property
    def words(self) -> list[str]:
        """Folded body words for the search index."""
        with open(self.body_file, encoding="utf-8") as fh:
            return fh.readline().split()


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise BuildError("build cache entry missing (run `briefgen build --clean`)", path) from None


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


def body_file(cache_dir: str, sig: str) -> str:
    return os.path.join(cache_dir, "bodies", sig[:2], f"{sig}.txt")


def _process(path: str, search_words: int, cache_dir: str) -> tuple[str, Brief] | BriefgenError:
    """Parse and render one brief, store its body HTML and search words in the cache (runs in a
    worker for big batches, so the file writes are spread over the cores too)."""
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
    found = markdown.words(html, search_words) if search_words else []
    target = body_file(cache_dir, sig)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tmp = f"{target}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(" ".join(found) + "\n" + html)
    os.replace(tmp, target)
    # no body (it lives in the cache file) and no Path (slow to unpickle 10,000 times)
    return sig, replace(brief, body="", path=None)


def _process_many(args: tuple[list[str], int, str]) -> list:
    paths, search_words, cache_dir = args
    return [_process(p, search_words, cache_dir) for p in paths]


class BriefCache:
    """What was learnt from each brief file, keyed by path and checked against (mtime, size).

    `briefs.pickle` holds the entries, `briefs.journal` the changes since (appended, so editing one
    brief does not rewrite 10,000 entries); rendered bodies and search words live in one file per
    content signature, read only when a page or a search shard needs them."""

    COMPACT_AFTER = 2000   # journal records before the entries are rewritten in one file

    def __init__(self, folder: Path, search_words: int) -> None:
        self.folder = folder
        self.index_file = folder / "briefs.pickle"
        self.journal_file = folder / "briefs.journal"
        self.stamp = (RENDER_VERSION, search_words)
        self.entries: dict[str, tuple] = {}
        self.changes: dict[str, tuple | None] = {}
        self.journal_len = 0
        try:
            with self.index_file.open("rb") as fh:
                stamp, entries = pickle.load(fh)
            if stamp == self.stamp:
                self.entries = entries
                self._replay()
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            self.entries = {}

    def _replay(self) -> None:
        try:
            with self.journal_file.open("rb") as fh:
                while True:
                    try:
                        path, entry = pickle.load(fh)
                    except EOFError:
                        break
                    self.journal_len += 1
                    if entry is None:
                        self.entries.pop(path, None)
                    else:
                        self.entries[path] = entry
        except FileNotFoundError:
            pass
        except (pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            self.entries, self.journal_len = {}, 0   # a torn journal: start over, it is only a cache

    def get(self, path: str, mtime: int, size: int):
        hit = self.entries.get(path)
        return hit if hit and hit[0] == mtime and hit[1] == size else None

    def put(self, path: str, mtime: int, size: int, sig: str, brief: Brief) -> None:
        entry = (mtime, size, sig, brief)
        self.entries[path] = entry
        self.changes[path] = entry

    def save(self, keep: set[str]) -> int:
        """Write the changes; return how many briefs were removed since the last build."""
        gone = set(self.entries) - keep
        for path in gone:
            del self.entries[path]
            self.changes[path] = None
        if not self.changes:
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.index_file.is_file() and self.journal_len + len(self.changes) < self.COMPACT_AFTER:
            with self.journal_file.open("ab") as fh:
                for path, entry in self.changes.items():
                    pickle.dump((path, entry), fh, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            tmp = self.index_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump((self.stamp, self.entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.index_file)
            self.journal_file.unlink(missing_ok=True)
            self.journal_len = 0
        self.changes = {}
        return len(gone)


def _render_changed(paths: list[str], search_words: int, cache_dir: str, pool: Pool | None) -> list:
    if pool is None or len(paths) < PARALLEL_FROM or pool.jobs == 1:
        return [_process(p, search_words, cache_dir) for p in paths]
    chunks = [paths[i::pool.jobs * 4] for i in range(pool.jobs * 4)]
    results: dict[str, object] = {}
    tasks = [(c, search_words, cache_dir) for c in chunks]
    for chunk, done in zip(chunks, pool.map(_process_many, tasks)):
        results.update(zip(chunk, done))
    return [results[p] for p in paths]


_LABEL = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


def _checked_labels(brief: Brief, path: str, errors: list[BriefgenError]) -> Brief:
    """Regions and themes become URL folders: anything but a slug is reported and left out."""
    bad = [v for v in (*brief.regions, *brief.themes) if not _LABEL.match(v)]
    if not bad:
        return brief
    errors.append(BuildError(f"regions/themes: {', '.join(map(repr, bad))} not slugs (lowercase letters, digits, "
                             "hyphens); left out", path))
    return replace(brief, regions=tuple(r for r in brief.regions if _LABEL.match(r)),
                   themes=tuple(t for t in brief.themes if _LABEL.match(t)))


def page_url(brief: Brief, when: datetime) -> str:
    return f"{when.year:04d}/{when.month:02d}/{brief.slug}/"


def load_items(files: list[tuple[str, int, int]], cache: BriefCache, tz: ZoneInfo, search_words: int,
               pool: Pool | None = None) -> tuple[list[Item], list[BriefgenError], int]:
    """Items for every readable brief (newest first), errors for the rest, and how many briefs were
    new, changed or removed since the last build."""
    changed = [p for p, m, s in files if cache.get(p, m, s) is None]
    cache_dir = str(cache.folder)
    fresh = dict(zip(changed, _render_changed(changed, search_words, cache_dir, pool))) if changed else {}
    items: list[Item] = []
    errors: list[BriefgenError] = []
    for path, mtime, size in files:
        if path in fresh:
            result = fresh[path]
            if isinstance(result, BriefgenError):
                errors.append(result)
                continue
            sig, brief = result
            cache.put(path, mtime, size, sig, brief)
        _, _, sig, brief = cache.entries[path]
        brief = _checked_labels(brief, path, errors)
        when = localise(brief.date, tz)
        items.append(Item(brief=brief, sig=sig, url=page_url(brief, when), when=when,
                          body_file=body_file(cache_dir, sig)))
    removed = cache.save({p for p, _, _ in files})
    # newest first; the slug breaks ties so the order never depends on the file system
    items.sort(key=lambda it: it.brief.slug)
    items.sort(key=lambda it: it.when, reverse=True)
    return items, errors, len(changed) + removed
