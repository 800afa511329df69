"""Read every brief (through briefgen.brief.frontmatter, the only reader), render its body once.

Each brief becomes an `Item`: the Brief without its body, a content signature, its page URL and its
local date. Bodies are rendered to sanitised HTML and kept in the content-keyed cache, so an
unchanged brief is neither parsed nor rendered again; a broken brief becomes an error with its file
and line and is skipped. Large batches of changed briefs are parsed and rendered on every core.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import os
import pickle
import re
import secrets
import zlib
from dataclasses import replace
from datetime import date, datetime, timezone
from operator import attrgetter
from pathlib import Path
from zoneinfo import ZoneInfo

from briefgen.brief import frontmatter
from briefgen.errors import BriefgenError, BuildError
from briefgen.model import Brief
from briefgen.site.i18n import localise
from briefgen.site.inputs import brief_files, gc_paused  # noqa: F401 - brief_files: its home before inputs.py
from briefgen.site.workers import Pool

log = logging.getLogger(__name__)

# Bump when rendering of bodies or search words changes: old cache entries are then ignored.
RENDER_VERSION = "5"
# Bump when the layout of a cache entry changes: an older cache is then discarded, not misread (an
# entry of another shape once crashed builds with `too many values to unpack`).
CACHE_FORMAT = 3
# (mtime, size, sig, pack, offset, length, brief offset, brief length, slug, date, updated,
#  (regions, themes, countries) as checked, label errors, (crc32 of the body, of the brief[, digest of
#  what the body blob is made from: see _source_digest])): all a build
# needs of a brief that it does not render; the Brief itself is pickled in the pack after the body and
# loaded only when a page shows it (checked against its crc32: a damaged pack is read from the file again).
ENTRY_FIELDS = 14
PARALLEL_FROM = 200   # below this many changed briefs, worker start-up costs more than it saves


class Item:
    """One brief as the site sees it: its signature, URL, local date and labels. `brief` (the Brief
    without its body) is loaded from the brief cache's pack only when something reads it, so a build
    that renders a few pages does not unpickle 10,000 briefs; HTML and words load lazily too."""

    __slots__ = (
        "_brief",
        "_check",
        "_html",
        "_ref",
        "_stamp",
        "body",
        "countries",
        "regions",
        "sig",
        "slug",
        "source",
        "themes",
        "url",
        "when",
    )

    def __init__(self, brief: Brief | None = None, sig: str = "", url: str = "", when: datetime | None = None,
                 source: str = "", body: tuple[str, int, int] = ("", 0, 0), *,
                 ref: tuple[str, int, int] | None = None, labels: tuple | None = None,
                 check: tuple[int, int, int] | None = None, stamp=None) -> None:
        self._brief = brief
        self._stamp = stamp           # the brief's `updated or date` from its cache entry (see `stamp`)
        self.sig = sig                # hash of the file's bytes: the brief's identity for caching
        self.url = url                # page path below the site root, "2026/01/<slug>/"
        self.when = when              # date in the site's time zone
        self.source = source          # the brief file, for messages
        self.body = body              # (pack file, offset, length): words line + body HTML
        self._html: str | None = None
        self._ref = ref               # (pack file, offset, length) of the pickled Brief
        self._check = check           # (crc32 of the body blob, of the pickled Brief, search_words)
        if labels is None:
            labels = (brief.slug, brief.regions, brief.themes, brief.countries)
        self.slug, self.regions, self.themes, self.countries = labels

    def __getstate__(self):
        return {k: getattr(self, k) for k in self.__slots__}

    def __setstate__(self, state) -> None:
        for k, v in state.items():
            setattr(self, k, v)

    def __repr__(self) -> str:
        return f"Item({self.url!r}, sig={self.sig!r})"

    def with_sig(self, sig: str) -> Item:
        twin = Item.__new__(Item)
        twin.__setstate__({**self.__getstate__(), "sig": sig})
        return twin

    @property
    def brief(self) -> Brief:
        brief = self._brief
        if brief is None:
            brief = self._brief = self._load_brief()
        return brief

    def _load_brief(self) -> Brief:
        brief = None
        if self._ref is not None:
            pack, offset, length = self._ref
            try:
                with open(pack, "rb") as fh:
                    fh.seek(offset)
                    data = fh.read(length)
                if self._check is not None and zlib.crc32(data) != self._check[1]:
                    raise ValueError("damaged")
                brief = pickle.loads(data)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
                    IndexError):
                brief = None
            if not isinstance(brief, Brief):
                log.warning("%s: brief cache entry unreadable; read from the file again", self.source)
                brief = None
        if brief is None:    # read the file itself (unchanged since: its mtime and size were checked)
            brief = replace(frontmatter.read(self.source), body="", path=None)
        return _with_labels(brief, self.regions, self.themes, self.countries)

    @property
    def stamp(self):
        """When the brief was last updated (`updated`, else `date`) as the file gives it (a feed's
        <updated>): from the cache entry, without loading the brief."""
        if self._stamp is None:
            self._stamp = self.brief.updated or self.brief.date
        return self._stamp

    @property
    def day(self) -> date:
        return self.when.date()

    def _body(self) -> str:
        pack, offset, length = self.body
        try:
            with open(pack, "rb") as fh:
                fh.seek(offset)
                data = fh.read(length)
        except FileNotFoundError:
            if self._check is None:
                raise BuildError("build cache entry missing (run `briefgen build --clean`)", pack) from None
            data = None
        if self._check is not None and (data is None or zlib.crc32(data) != self._check[0]):
            log.warning("%s: brief cache entry damaged; its body is rendered from the file again "
                        "(`briefgen build --clean` repairs the cache)", self.source)
            return _body_text(frontmatter.read(self.source), self._check[2])
        return data.decode("utf-8")

    @property
    def html(self) -> str:
        # Not kept on the Item: a cold build reads each body once (its page; a feed reads it again),
        # and keeping them made each render worker hold its half of the bodies (~500 MB at 100,000).
        if self._html is not None:
            return self._html
        return self._body().partition("\n")[2]

    @property
    def words(self) -> list[str]:
        """Folded body words for the search index."""
        return self._body().partition("\n")[0].split()


def _with_labels(brief: Brief, regions: tuple, themes: tuple, countries: tuple) -> Brief:
    """The brief with the labels the build files it under (checked, regions from its countries)."""
    if (brief.regions, brief.themes, brief.countries) == (regions, themes, countries):
        return brief
    return replace(brief, regions=regions, themes=themes, countries=countries)


def _source_digest(brief: Brief) -> str:
    """What a body blob is made from (see _body_text; the cache's stamp holds the rest: render
    version and search words): an edit that leaves it as it was (a title, a label) reuses the blob."""
    made_from = f"{brief.date.isoformat() if brief.date else ''}\0{brief.lang}\0{brief.body}"
    return hashlib.blake2b(made_from.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _reused_blob(reuse: tuple | None, digest: str) -> bytes | None:
    """The body blob of the brief's previous cache entry, if it was made from the same source."""
    if reuse is None or reuse[0] != digest:
        return None
    _, pack, offset, length, crc = reuse
    try:
        with open(pack, "rb") as fh:
            fh.seek(offset)
            data = fh.read(length)
    except OSError:
        return None
    return data if len(data) == length and zlib.crc32(data) == crc else None


def _process(path: str, search_words: int, pack, pack_name: str, reuse: tuple | None = None) -> tuple | BriefgenError:
    """Parse and render one brief; append its search words and body HTML to the open pack file.

    Bodies go into one pack per batch rather than one file each: creating 10,000 small files
    costs seconds on a busy disk. `reuse`: (source digest, pack, offset, length, crc32) of the
    brief's previous body blob: taken as it is when the body, date and language did not change
    (a title edited: no Markdown to import and run)."""
    try:
        data = Path(path).read_bytes()
        # The file name is part of the identity: a slug (so the URL every listing and neighbour links
        # to) may come from it, and a renamed file must re-render the pages that link to it. Only the
        # name: the signature shows in the output (search shard versions), which must not depend on
        # where the project lives.
        identity = Path(path).name.encode("utf-8", "surrogateescape") + b"\0" + data
        sig = hashlib.blake2b(identity, digest_size=16).hexdigest()
        brief = frontmatter.from_bytes(data, path)   # the bytes just hashed: the file is read once
    except BriefgenError as exc:
        return exc
    except OSError as exc:
        return BuildError(f"cannot read: {exc.strerror}", path)
    digest = _source_digest(brief)
    blob = _reused_blob(reuse, digest)
    if blob is None:
        try:
            blob = _body_text(brief, search_words).encode("utf-8")
        except Exception as exc:  # noqa: BLE001 - Markdown extensions may raise anything on odd input
            return BuildError(f"cannot render the Markdown body: {exc}", path, brief.body_line)
    # no body (it lives in the pack) and no Path (slow to unpickle 10,000 times)
    brief = replace(brief, body="", path=None)
    label_errors: list[BriefgenError] = []
    checked = _checked_labels(brief, path, label_errors)
    offset = pack.tell()
    pack.write(blob)
    pickled = pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL)
    pack.write(pickled)
    return (sig, pack_name, offset, len(blob), offset + len(blob), len(pickled), brief.slug, brief.date,
            brief.updated, (checked.regions, checked.themes, checked.countries), label_errors,
            (zlib.crc32(blob), zlib.crc32(pickled), digest), brief)


def _body_text(brief: Brief, search_words: int) -> str:
    """What a pack keeps of a brief's body: its folded search words, a newline, its HTML."""
    from briefgen.site import markdown  # here: a build whose bodies are all cached never imports Markdown

    html = markdown.render(markdown.drop_date_line(brief.body, brief.date, brief.lang))
    found = markdown.words(html, search_words) if search_words else []
    return " ".join(found) + "\n" + html


def _process_many(args: tuple) -> list:
    """One batch (in a worker or in this process): one new pack file for all its bodies."""
    paths, search_words, cache_dir, reuse = args
    folder = os.path.join(cache_dir, "bodies")
    os.makedirs(folder, exist_ok=True)
    name = f"{secrets.token_hex(8)}.pack"
    with open(os.path.join(folder, name), "wb") as pack:
        return [_process(p, search_words, pack, name, reuse.get(p)) for p in paths]


_MEMO: dict[str, tuple] = {}   # cache folder -> (stamp, files' signature, entries, journal length)
_ITEMS: dict[str, dict] = {}   # cache folder -> brief path -> (cache entry, tz, Item, label errors)
# cache folder -> (items, errors, tz, search words, number of files) as load_items last returned them
# (see _swap_items)
_LAST: dict[str, tuple] = {}
# (items before, items now, [(old Item, new Item)]) when load_items took the short way; else None
LAST_SWAPS: tuple | None = None


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
        self.stamp = (CACHE_FORMAT, RENDER_VERSION, search_words)
        self.entries: dict[str, tuple] = {}
        self.changes: dict[str, tuple | None] = {}
        self.journal_len = 0
        self.stale = True      # the index on disk is not ours: the next save rewrites it
        self.sharing: Sharing | None = None
        if self._recall():
            return
        try:
            with self.index_file.open("rb") as fh:
                stamp, entries = pickle.load(fh)
            if stamp == self.stamp and isinstance(entries, dict):
                self.entries = entries
                self.stale = False
                self._replay()
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                ImportError, IndexError):
            self.entries = {}

    def _files_sig(self) -> tuple:
        """What identifies the files on disk: another process's save changes it."""
        sig = []
        for path in (self.index_file, self.journal_file):
            try:
                st = os.stat(path)
                sig.append((st.st_ino, st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                sig.append(None)
        return tuple(sig)

    def _recall(self) -> bool:
        """Reuse the entries this process saved last (the preview builds again and again: unpickling
        10,000 entries costs about a second); only if no one changed the files since."""
        memo = _MEMO.get(str(self.folder))
        if memo is None or memo[0] != self.stamp or memo[1] != self._files_sig():
            return False
        self.entries, self.journal_len, self.stale = dict(memo[2]), memo[3], False
        return True

    def _remember(self) -> None:
        _MEMO.clear()   # one cache folder per process in practice: never hold two
        _MEMO[str(self.folder)] = (self.stamp, self._files_sig(), dict(self.entries), self.journal_len)

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
        except (pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            self.entries, self.journal_len = {}, 0   # a torn journal: start over, it is only a cache
            self.stale = True

    def get(self, path: str, mtime: int, size: int):
        hit = self.entries.get(path)
        return hit if hit and len(hit) == ENTRY_FIELDS and hit[0] == mtime and hit[1] == size else None

    def put(self, path: str, mtime: int, size: int, *fields) -> None:
        entry = (mtime, size, *fields)
        if len(entry) == ENTRY_FIELDS:   # equal labels and zones as one object (a cold build: 10,000 puts)
            if self.sharing is None:
                self.sharing = Sharing()
            entry = _shared_entry(entry, self.sharing)
        self.entries[path] = entry
        self.changes[path] = entry

    def drop_missing_packs(self) -> int:
        """Forget entries whose pack file is gone (deleted by hand, a half-copied cache): their briefs
        are read and rendered again, instead of a page failing later. One listing of the folder."""
        try:
            present = set(os.listdir(self.folder / "bodies"))
        except OSError:
            present = set()
        gone = [path for path, entry in self.entries.items() if len(entry) == ENTRY_FIELDS and entry[3] not in present]
        for path in gone:
            del self.entries[path]
            self.changes[path] = None
        if gone:
            log.warning("%d brief cache entries had lost their pack file: read again", len(gone))
        return len(gone)

    def collect_packs(self) -> None:
        """Delete pack files no entry points to any more (call under the build lock)."""
        used = {entry[3] for entry in self.entries.values() if len(entry) == ENTRY_FIELDS}
        folder = self.folder / "bodies"
        if not folder.is_dir():
            return
        for pack in folder.iterdir():
            if pack.suffix == ".pack" and pack.name not in used:
                pack.unlink(missing_ok=True)

    def save(self, keep: set[str] | None, remember: bool = True) -> int:
        """Write the changes; return how many briefs were removed since the last build (`keep`: the
        briefs there are; None: none was removed). `remember=False`: this process reads the entries no
        more (see load_items)."""
        gone = set(self.entries) - keep if keep is not None else ()
        for path in gone:
            del self.entries[path]
            self.changes[path] = None
        if not self.changes:
            if not self.stale and remember:
                self._remember()
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self.stale and self.journal_len + len(self.changes) < self.COMPACT_AFTER:
            with self.journal_file.open("ab") as fh:
                for path, entry in self.changes.items():
                    pickle.dump((path, entry), fh, protocol=pickle.HIGHEST_PROTOCOL)
            self.journal_len += len(self.changes)
        else:
            self.entries = shared_parts(self.entries)
            tmp = self.index_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump((self.stamp, self.entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.index_file)
            self.journal_file.unlink(missing_ok=True)
            self.journal_len = 0
            self.stale = False
        self.changes = {}
        if remember:
            self._remember()
        else:
            _MEMO.clear()
        return len(gone)


class Sharing:
    """Equal immutable values as one object each: pickle writes an object it has written before as
    a reference, which loads much faster than a new object (the brief cache's entries: 32 -> 22 ms
    at 10,000 briefs). Label names and tuples of them are shared by equality (exact for strings and
    tuples of strings); fixed-offset zones by their repr (zones that compare equal but print
    differently, a named one and an unnamed one, stay apart)."""

    def __init__(self) -> None:
        self.names: dict = {}
        self.zones: dict = {}

    def part(self, values: tuple) -> tuple:
        names = self.names
        found = names.get(values)
        if found is None:
            made = tuple(names.setdefault(v, v) for v in values)
            found = names[values] = values if all(a is b for a, b in zip(made, values)) else made
        return found

    def labels(self, labels: tuple) -> tuple:
        """(regions, themes, countries) or any tuple of tuples of names."""
        names = self.names
        found = names.get(labels)
        if found is None:
            made = tuple(self.part(p) for p in labels)
            found = names[labels] = labels if all(a is b for a, b in zip(made, labels)) else made
        return found

    def zone(self, day):
        if isinstance(day, datetime) and type(day.tzinfo) is timezone:
            zone = self.zones.setdefault(repr(day.tzinfo), day.tzinfo)
            if zone is not day.tzinfo:
                return day.replace(tzinfo=zone)
        return day


def shared_parts(entries: dict[str, tuple]) -> dict[str, tuple]:
    """`entries` with equal labels and equal fixed-offset zones of their dates as one object each
    (Sharing): every build that loads the entries gains, and so does the build state, whose index
    records hold the Items' label tuples. The same values."""
    sharing = Sharing()
    return {path: _shared_entry(entry, sharing) if len(entry) == ENTRY_FIELDS else entry
            for path, entry in entries.items()}


def _shared_entry(entry: tuple, sharing: Sharing) -> tuple:
    if not (isinstance(entry[11], tuple) and len(entry[11]) == 3 and all(type(p) is tuple for p in entry[11])):
        return entry
    labels = sharing.labels(entry[11])
    day, updated = sharing.zone(entry[9]), sharing.zone(entry[10])
    if labels is not entry[11] or day is not entry[9] or updated is not entry[10]:
        return (*entry[:9], day, updated, labels, *entry[12:])
    return entry


def _reusable(cache: BriefCache, paths: list[str]) -> dict[str, tuple]:
    """path -> (source digest, pack, offset, length, crc32) of the previous body blob of each changed
    brief that has one (entries written before the digest was kept have none)."""
    found = {}
    packs = os.path.join(str(cache.folder), "bodies")
    for path in paths:
        entry = cache.entries.get(path)
        if entry is not None and len(entry) == ENTRY_FIELDS and len(entry[13]) > 2:
            found[path] = (entry[13][2], os.path.join(packs, entry[3]), entry[4], entry[5], entry[13][0])
    return found


def _render_changed(paths: list[str], search_words: int, cache_dir: str, pool: Pool | None,
                    reuse: dict[str, tuple] | None = None) -> list:
    reuse = reuse or {}
    if pool is None or len(paths) < PARALLEL_FROM or pool.jobs == 1:
        return _process_many((paths, search_words, cache_dir, reuse))
    chunks = [paths[i::pool.jobs * 4] for i in range(pool.jobs * 4)]
    results: dict[str, object] = {}
    tasks = [(c, search_words, cache_dir, {p: reuse[p] for p in c if p in reuse}) for c in chunks]
    for chunk, done in zip(chunks, pool.map(_process_many, tasks)):
        results.update(zip(chunk, done))
    return [results[p] for p in paths]


def _make_item(path: str, entry: tuple, packs: str, tz: ZoneInfo, search_words: int, regions_of,
               errors: list, brief: Brief | None) -> Item | None:
    """The Item of a cache entry (load_items does the same inline), or None if its date cannot be shown."""
    (_, _, sig, pack, offset, length, boffset, blength, slug, day, updated, labels, _, crcs) = entry
    regions, themes, countries = labels
    if countries and not regions and regions_of is not None:
        regions = tuple(regions_of(countries))
    when = _local_date(day, updated, tz, path, errors)
    if when is None:
        return None
    pack = os.path.join(packs, pack)
    item = Item(None, sig, f"{when.year:04d}/{when.month:02d}/{slug}/", when, path,
                (pack, offset, length), ref=(pack, boffset, blength), labels=(slug, regions, themes, countries),
                check=(crcs[0], crcs[1], search_words), stamp=updated or day)
    if brief is not None:   # just read: no need to load it again
        item._brief = _with_labels(brief, regions, themes, countries)
    return item


def _swap_items(changed: set[str], files: list, cache: BriefCache, tz: ZoneInfo, search_words: int,
                regions_of) -> tuple | None:
    """The short way for the preview's usual save: every changed path is a brief this process's
    last build listed without a problem, and it still is, with the same date, slug and labels (a
    title or body edited). Its new Item takes the old one's place; the order, the groups and the
    errors stay as they were. None: take the long way (a brief added, removed, moved in time or
    relabelled, or with a problem). Changes the cache only as the long way would."""
    global LAST_SWAPS
    cache_dir = str(cache.folder)
    last, memo = _LAST.get(cache_dir), _ITEMS.get(cache_dir)
    # The same files as then (each changed one still there; a broken brief is read again by the long
    # way each build, with the same error as long as it does not change, so its error is kept).
    if last is None or memo is None or last[2] != tz or last[3] != search_words or last[4] != len(files):
        return None
    # A problem reported last time about a changed brief (a broken edit whose last good version was
    # kept) must go or stay by what the brief is now: the long way reads it again.
    if any(str(getattr(e, "path", "")) in changed for e in last[1]):
        return None
    todo = []
    if cache.stale:
        return None           # the cache is not the one this process saved (another build, --clean)
    for path in changed:
        at = bisect.bisect_left(files, (path,))
        hit = memo.get(path)
        if (hit is None or hit[3] or at == len(files) or files[at][0] != path
                or cache.entries.get(path) is not hit[0]):
            return None
        if cache.get(path, files[at][1], files[at][2]) is None:
            todo.append(files[at])
    if not todo:
        return None
    paths = [p for p, _, _ in todo]
    results = _render_changed(paths, search_words, cache_dir, None, _reusable(cache, paths))
    packs = os.path.join(cache_dir, "bodies")
    swaps, kept = [], {}
    for (path, mtime, size), result in zip(todo, results):
        if isinstance(result, BriefgenError):
            return None
        cache.put(path, mtime, size, *result[:-1])    # as the long way would: it then finds it cached
        entry = cache.entries[path]
        errors: list = []
        item = _make_item(path, entry, packs, tz, search_words, regions_of, errors, result[-1])
        old = memo[path][2]
        if (item is None or errors or entry[12] or (item.when, item.slug, item.url, item.regions, item.themes,
                                                     item.countries) != (old.when, old.slug, old.url, old.regions,
                                                                         old.themes, old.countries)):
            return None
        swaps.append((old, item))
        kept[path] = (entry, tz, item, [])
    items = list(last[0])
    for old, new in swaps:
        items[items.index(old)] = new
    memo.update(kept)
    cache.save(None)
    cache.collect_packs()
    LAST_SWAPS = (last[0], items, swaps)
    _LAST[cache_dir] = (items, last[1], tz, search_words, len(files))
    return items, list(last[1]), len(todo)


def load_items(files: list[tuple[str, int, int]], cache: BriefCache, tz: ZoneInfo, search_words: int,
               pool: Pool | None = None, regions_of=None, keep_last_good: bool = False,
               hint: set[str] | None = None, remember: bool = True) -> tuple[list[Item], list[BriefgenError], int]:
    """Items for every readable brief (newest first), errors for the rest, and how many briefs were
    new, changed or removed since the last build. regions_of(countries) -> region slugs files a brief that
    has countries but no regions (a hand-written one) under its countries' regions. `keep_last_good`
    (the preview): a brief whose edit broke it is reported and keeps its last good version from the
    cache, so its open page does not turn into "Page not found" while the author fixes it.
    `hint` (the preview): every brief path changed since this process's last call; when they allow
    it, that call's Items are reused with the changed ones swapped in (LAST_SWAPS says which).
    `remember=False` (a process's last build): nothing is kept for a next call in this process (a memo
    of every Item and of the cache's entries: ~10 ms of CPU at 10,000 briefs that only the preview uses)."""
    global LAST_SWAPS
    LAST_SWAPS = None
    if hint is not None:
        found = _swap_items(hint, files, cache, tz, search_words, regions_of)
        if found is not None:
            return found
    cache.drop_missing_packs()
    entries = cache.entries   # cache.get inlined: 10,000 calls
    changed = [p for p, m, s in files
               if (e := entries.get(p)) is None or e[0] != m or e[1] != s or len(e) != ENTRY_FIELDS]
    cache_dir = str(cache.folder)
    reuse = _reusable(cache, changed)
    fresh = dict(zip(changed, _render_changed(changed, search_words, cache_dir, pool, reuse))) if changed else {}
    items: list[Item] = []
    errors: list[BriefgenError] = []
    packs = os.path.join(cache_dir, "bodies")
    # The Items of this process's last build, reused when their cache entry is the very same object
    # (the preview builds again and again).
    pack_paths: dict[str, str] = {}   # pack name -> its path: one string per pack, not one per brief
    entries = cache.entries
    present = 0         # files that have a cache entry: all of the entries, when no brief was removed
    new = object.__new__
    with gc_paused():   # 10,000 Items and no garbage
        memo, kept = _ITEMS.get(cache_dir, {}), {}
        for path, mtime, size in files:
            brief = None
            if path in fresh:
                result = fresh[path]
                if isinstance(result, BriefgenError):
                    errors.append(result)
                    if not (keep_last_good and len(entries.get(path) or ()) == ENTRY_FIELDS):
                        present += path in entries
                        continue
                else:
                    brief = result[-1]
                    cache.put(path, mtime, size, *result[:-1])
            entry = entries[path]
            present += 1
            hit = memo.get(path)
            if hit is not None and hit[0] is entry and hit[1] == tz:
                item, label_errors = hit[2], hit[3]
            else:   # as _make_item does, inline: 10,000 calls
                (_, _, sig, pack, offset, length, boffset, blength, slug, day, updated, labels, label_errors,
                 crcs) = entry
                regions, themes, countries = labels
                if countries and not regions and regions_of is not None:
                    regions = tuple(regions_of(countries))
                try:    # _local_date's usual case inline (an aware date, no `updated`): 10,000 calls
                    when = (day.astimezone(tz) if updated is None and day.tzinfo is not None
                            else _local_date(day, updated, tz, path, errors))
                except (OverflowError, ValueError):
                    when = _local_date(day, updated, tz, path, errors)    # says why
                if when is None:
                    continue
                pack = pack_paths.get(pack) or pack_paths.setdefault(pack, os.path.join(packs, pack))
                # Item(None, sig, url, when, path, (pack, offset, length), ref=…, labels=…, check=…,
                # stamp=…), its slots set here: a third of the call's cost (10,000 calls; test_content)
                item = new(Item)
                item._brief = item._html = None
                item._stamp = updated or day
                item.sig = sig
                item.url = f"{when.year:04d}/{when.month:02d}/{slug}/"
                item.when = when
                item.source = path
                item.body = (pack, offset, length)
                item._ref = (pack, boffset, blength)
                item._check = (crcs[0], crcs[1], search_words)
                item.slug, item.regions, item.themes, item.countries = slug, regions, themes, countries
                if brief is not None:   # just read: no need to load it again
                    item._brief = _with_labels(brief, regions, themes, countries)
            if remember:
                kept[path] = (entry, tz, item, label_errors)
            if label_errors:
                errors.extend(label_errors)
            items.append(item)
    _ITEMS.clear()   # one project per process in practice: never hold two
    if remember:
        _ITEMS[cache_dir] = kept
    # every entry is a file's (and the files' paths are distinct): none removed, no sets of 10,000 paths
    removed = cache.save(None if present == len(entries) else {p for p, _, _ in files}, remember=remember)
    if changed or removed:
        cache.collect_packs()
    # newest first; the slug breaks ties so the order never depends on the file system
    items.sort(key=_SLUG)
    items.sort(key=_WHEN, reverse=True)
    _LAST.clear()
    if remember:
        _LAST[cache_dir] = (items, list(errors), tz, search_words, len(files))
    return items, errors, len(changed) + removed


_SLUG, _WHEN = attrgetter("slug"), attrgetter("when")
_LABEL = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")   # always fullmatch: `$` lets a trailing newline through
# Each region x theme pair is a page: one brief with 300 of each once made 90,613 pages (1.5 GB).
MAX_LABELS = 12
MAX_COUNTRIES = 30     # each country has pages and a feed too (an EU summit names 27)


def _checked_labels(brief: Brief, path: str, errors: list[BriefgenError]) -> Brief:
    """Regions and themes become URL folders: anything but a slug is reported and left out, and a
    brief keeps at most MAX_LABELS of each and MAX_COUNTRIES countries (the first ones)."""
    bad = [v for v in (*brief.regions, *brief.themes) if not _LABEL.fullmatch(v)]
    if bad:
        errors.append(BuildError(f"regions/themes: {', '.join(map(repr, bad[:10]))}"
                                 f"{f' and {len(bad) - 10} more' if len(bad) > 10 else ''} not slugs "
                                 "(lowercase letters, digits, hyphens); left out", path))
        brief = replace(brief, regions=tuple(r for r in brief.regions if _LABEL.fullmatch(r)),
                        themes=tuple(t for t in brief.themes if _LABEL.fullmatch(t)))
    for key, cap in (("countries", MAX_COUNTRIES), ("regions", MAX_LABELS), ("themes", MAX_LABELS)):
        labels = tuple(dict.fromkeys(getattr(brief, key)))
        if len(labels) > cap:
            errors.append(BuildError(f"{key}: {len(labels)} labels, at most {cap} per brief (each country, "
                                     f"region and theme makes pages); the first {cap} kept", path,
                                     _key_line(path, key)))
            brief = replace(brief, **{key: labels[:cap]})
    return brief


def _local_date(day: datetime, updated: datetime | None, tz: ZoneInfo, path: str,
                errors: list[BriefgenError]) -> datetime | None:
    """The brief's date in the site's time zone; None (and an error) when a date cannot be moved to
    it. The front matter reader refuses such dates already: this guards briefs cached before it did."""
    for key, value in (("updated", updated), ("date", day)):
        try:
            when = localise(value, tz) if value is not None else None
        except (OverflowError, ValueError):
            errors.append(BuildError(f"{key}: {value.isoformat()} cannot be shown in the site's time zone "
                                     f"{tz.key} (too close to the end of the calendar)", path,
                                     _key_line(path, key)))
            return None
    return when


def _key_line(path: str, key: str) -> int | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, 1):
                if line.startswith(f"{key}:"):
                    return number
    except OSError:
        pass
    return None


def page_url(brief: Brief, when: datetime) -> str:
    return f"{when.year:04d}/{when.month:02d}/{brief.slug}/"
