"""Rendered cards and `{% once %}` texts of one tree, kept between builds in the cache.

A day's new briefs re-render the latest page of every listing they join, and those pages show mostly
older briefs' cards; the feeds they join show mostly older briefs' entries. Rendered once per tree in
a process (render.Tree.card, jinjaenv.OnceExtension), they were rendered again by every new process
(a `briefgen build`) and by each of its render workers. The store keeps them in
`.briefgen-cache/fragments/<tree>-<key>/`, one folder per tree and key: the key covers everything a
card or a `{% once %}` part may show besides its own key values (the tree's key: templates, locales,
config, assets, region and theme names, the build day when a template reads it; and briefgen's code
and the versions of the libraries that format it), so a template, config or UI-language change reads
another (empty) folder and the old one is removed. A card is keyed by its brief's signature (the
file's bytes and name), URL and labels, its heading and group; a `{% once %}` text by its place in
its template and its key values, as in one build (the `{% once %}` contract: the part shows only its
key values and what is the same on every page of the tree). Only keys of plain values (str, int,
float, bool, None and tuples of them) are kept: anything else may compare differently in another
process.

Each process that rendered something new writes it as a file of its own (an index of its keys' hashes,
then the records, each with a crc32; written to a temporary name and renamed: a killed build leaves no
half file), so render workers never write the same file; a worker also opens the files the other
worker wrote since it last looked, so a cold build renders most cards once rather than once per
worker. Files are mapped, not read: a build looks up the keys of the pages it renders (a day's briefs
at 100,000 need a few thousand of ~500,000 texts), and forked workers share the mapped pages. The
build's parent folds the files into one when there are many, leaving out the cards of briefs the site
no longer has and the `{% once %}` texts keyed by them. Not used with downloaded images (their files
may change between builds while the key stays).
"""
from __future__ import annotations

import ast
import bisect
import functools
import hashlib
import logging
import mmap
import os
import re
import secrets
import shutil
import struct
import sys
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = b"BGFRAG2" + sys.byteorder[0].encode()   # the index holds native integers
_HEAD = struct.Struct("<IQ")      # crc32 of the index, number of records
_REC = struct.Struct("<III")      # a record's key length, text length, crc32 of key and text
FOLD_FILES = 16                   # more files than this in a folder: the parent folds them into one
KEEP_FOLDERS = 2                  # folders kept per tree (a preview and a build of one project alternate)
_PLAIN = (str, int, float, bool, type(None))


@functools.cache
def code_key() -> tuple:
    """What renders the texts besides the templates: briefgen's code and version, and the versions of
    the libraries that format, escape and convert (a texts folder of other versions is not read)."""
    from briefgen import __version__
    from briefgen.site.inputs import code_digest

    return (__version__, code_digest(), *(_library_version(name) for name in ("babel", "jinja2", "markupsafe",
                                                                                "markdown", "nh3")))


def _library_version(name: str) -> str | None:
    """The library's own `__version__` string; for one that has none (MarkupSafe 3 answers it only
    through a deprecated lookup in importlib.metadata), a digest of its package folder's files.
    importlib.metadata is not imported: ~25 ms of CPU (email, zipfile, csv) in every build that
    keeps texts (a day's briefs), besides reading every installed distribution's metadata."""
    import importlib

    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    found = vars(module).get("__version__")
    if isinstance(found, str):
        return found
    folder = os.path.dirname(getattr(module, "__file__", None) or "")
    h = hashlib.blake2b(digest_size=16)
    try:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_file():
                with open(entry.path, "rb") as fh:
                    h.update(entry.name.encode("utf-8", "surrogateescape") + b"\0" + fh.read())
    except OSError:
        return None
    return "files:" + h.hexdigest()


def plain(value: object) -> bool:
    """True if `value` is made of str, int, float, bool, None and tuples of them only (their exact
    types: a Markup is a str that renders differently, an object may compare by identity)."""
    kind = type(value)
    if kind is not tuple:
        return kind in _PLAIN
    for item in value:          # a loop, not all(...): ~10,000 keys a build
        kind = type(item)
        if kind is tuple:
            if not plain(item):
                return False
        elif kind not in _PLAIN:
            return False
    return True


def folder_for(cache: Path, prefix: str, key: str) -> Path:
    name = prefix.strip("/") or "root"
    return cache / "fragments" / f"{name}-{key[:32]}"


class Fragments:
    """The kept texts of one tree: `get` a key's UTF-8 bytes (or None), `put` a new one; `flush`
    writes what this process added since its last flush as a new file.

    The folder's files are opened, not read: a file is an index (the sorted 64-bit hashes of its
    keys and where each record starts) and the records after it, mapped into memory; `get` hashes
    the key, looks it up in each file's index and reads that one record (its key checked, its crc32
    checked). A build reads the texts of the pages it renders, not every text kept (~0.5 GB at
    100,000 briefs), and forked render workers share the mapped pages instead of each holding a copy."""

    def __init__(self, folder: Path | None | Callable[[], Path | None]) -> None:
        # None: nothing is kept (see module doc). A function: the folder, looked up when first needed
        # (its name imports the libraries that format and reads their versions: a small build, which
        # neither reads nor writes kept texts, never needs it).
        self._folder = folder
        self.texts: dict[tuple, bytes] = {}   # rendered by this process and not yet written, or not plain
        self.new: dict[tuple, bytes] = {}
        self._seen: set[str] = set()    # files of the folder already opened (or written) by this process
        self._packs: list[_Pack] = []
        self._where: dict[tuple, tuple] = {}   # key -> (pack, start, end) of its text, once found
        self._hashed: dict[tuple, tuple[bytes, int]] = {}   # key -> (key bytes, hash) of a miss, until flushed
        self._looked = False
        self.active = True              # False: a small build; neither reads nor writes the folder

    @property
    def folder(self) -> Path | None:
        if callable(self._folder):
            self._folder = self._folder()
        return self._folder

    def get(self, key: tuple) -> bytes | None:
        if not self._looked and self.active:
            self.refresh()
        found = self.texts.get(key)
        if found is not None or not self._packs:
            return found
        where = self._where.get(key)
        if where is None:
            if not plain(key):
                return None
            kh = self._hashed.get(key)
            if kh is None:
                kb = _key_bytes(key)
                kh = self._hashed[key] = kb, _hash(kb)
            kb, h = kh
            for pack in self._packs:
                where = pack.find(h, kb)
                if where is not None:
                    self._where[key] = where
                    del self._hashed[key]
                    break
            else:
                return None   # rendered next, most likely: flush writes it under this hash
        mm, start, end = where
        return mm[start:end]

    def put(self, key: tuple, text: bytes) -> None:
        """Keep `text` for this process, and for later builds if the key is plain."""
        self.texts[key] = text
        if self.active and self.folder is not None and plain(key):
            self.new[key] = text

    def put_once(self, key: tuple, text: bytes) -> None:
        """A `{% once %}` text: kept for later builds only (the environment keeps its own, bounded)."""
        if self.active and self.folder is not None and plain(key):
            self.texts[key] = text
            self.new[key] = text

    def refresh(self) -> None:
        """Open the folder's files this process has not opened yet (another worker's, since)."""
        self._looked = True
        if not self.active or self.folder is None:
            return
        try:
            names = sorted(n for n in os.listdir(self.folder) if n.endswith(".frag") and n not in self._seen)
        except OSError:
            return
        for name in names:
            self._seen.add(name)
            pack = _Pack.open(self.folder / name)
            if pack is not None:
                self._packs.append(pack)
        self._packs.sort(key=_larger_first)

    def flush(self) -> None:
        """Write the texts added since the last flush as a file of their own; they are read from it
        from now on (this process does not keep a second copy)."""
        if not self.new or not self.active or self.folder is None:
            return
        new, self.new = self.new, {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"{os.getpid()}-{secrets.token_hex(4)}.frag"
            path = self.folder / name
            hashed, self._hashed = self._hashed, {}
            _write(path, [(*(hashed.get(k) or _hashed_key(k)), v) for k, v in new.items()])
            self._seen.add(name)
        except OSError:
            log.debug("cannot keep rendered fragments in %s", self.folder, exc_info=True)
            return
        pack = _Pack.open(path)
        if pack is not None:
            self._packs.append(pack)
            self._packs.sort(key=_larger_first)
            for key in new:
                if self.texts.get(key) is new[key]:
                    del self.texts[key]

    def fold(self, live: set[str]) -> None:
        """The parent, after rendering (no worker writes any more): with more than FOLD_FILES files,
        write their kept texts as one file instead, without the cards of briefs whose signature is not
        in `live` and the `{% once %}` texts keyed by such a signature. The largest file stays as it
        is while the others together are less than half its size: a day's build at 100,000 briefs
        then rewrites the last days' texts, not ~0.5 GB."""
        if not self.active or self.folder is None:
            return
        try:
            if sum(n.endswith(".frag") for n in os.listdir(self.folder)) <= FOLD_FILES:
                return
        except OSError:
            return
        self.refresh()
        self.flush()
        biggest = max(self._packs, key=lambda p: len(p.mm), default=None)
        rest = sum(len(p.mm) for p in self._packs if p is not biggest)
        keep = biggest if biggest is not None and 2 * rest < len(biggest.mm) else None
        records: dict[bytes, tuple] = {}       # key bytes -> (hash, pack, record start, record end)
        for pack in self._packs:
            if pack is not keep:
                for h, kb, at, end in pack.records():
                    records.setdefault(kb, (h, pack, at, end))
        # compared as bytes, as the keys are kept: decoding ~50,000 keys' ~430,000 strings was a
        # second of CPU at 10,000 briefs, in the first fold after a cold build (the signatures are hex)
        alive = {sig.encode("utf-8", "surrogatepass") for sig in live}
        dead = {sig for kb in records if (sig := _card_sig(kb)) is not None and sig not in alive}
        if dead:
            records = {kb: r for kb, r in records.items() if dead.isdisjoint(_QUOTED.findall(kb))}
        try:
            names = os.listdir(self.folder)
            name = f"{os.getpid()}-{secrets.token_hex(4)}.frag"
            _write_records(self.folder / name, records)
        except OSError:
            log.debug("cannot fold rendered fragments in %s", self.folder, exc_info=True)
            return
        for old in names:
            if old != name and (keep is None or old != keep.name):
                try:
                    os.unlink(self.folder / old)
                except OSError:
                    pass
        pack = _Pack.open(self.folder / name)
        self._packs = [p for p in (keep, pack) if p is not None]
        self._where = {}
        self._seen = {p.name for p in self._packs}


_QUOTED = re.compile(rb"'([^'\\]*)'")   # the plain strings of a key's repr (a signature is one)


def _card_sig(kb: bytes) -> bytes | None:
    """The brief signature (as the key's bytes spell it) of a card's key bytes (("card", sig, ...)),
    or None for another text. A key is left out of a fold when one of its plain strings (read from
    its repr by _QUOTED) is such a signature of a brief the site no longer has; a false match only
    costs a render later."""
    if not kb.startswith(b"('card', '"):
        return None
    return kb[10:kb.find(b"'", 10)]


def _key_bytes(key: tuple) -> bytes:
    """A plain key as bytes: its repr (one spelling per value for str, int, float, bool, None and
    tuples; True and 1 differ, as they should for texts)."""
    return repr(key).encode("utf-8", "surrogatepass")


def _hash(kb: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(kb, digest_size=8).digest(), "little")


def _larger_first(pack: _Pack) -> int:
    """The files' order of lookup: the largest first (after a fold, the texts of all but the last days),
    so a kept text is found in the first file looked in, mostly."""
    return -len(pack.mm)


def _hashed_key(key: tuple) -> tuple[bytes, int]:
    kb = _key_bytes(key)
    return kb, _hash(kb)


class _Pack:
    """One file of kept texts, mapped: FORMAT, _HEAD (crc32 of the index, record count), the index
    (the records' key hashes, sorted, then where each record starts, both arrays of native 64-bit
    integers), then the records: _REC (key length, text length, crc32 of key and text), key, text."""

    __slots__ = ("hashes", "mm", "name", "starts")

    def __init__(self, mm: mmap.mmap, hashes: array, starts: array, name: str) -> None:
        self.mm, self.hashes, self.starts, self.name = mm, hashes, starts, name

    @staticmethod
    def open(path: Path) -> _Pack | None:
        """The file mapped, or None if it is damaged (its index), of another format, or unreadable."""
        try:
            with open(path, "rb") as fh:
                mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        head = len(FORMAT) + _HEAD.size
        if len(mm) < head or mm[:len(FORMAT)] != FORMAT:
            mm.close()
            return None
        crc, count = _HEAD.unpack_from(mm, len(FORMAT))
        end = head + 16 * count
        if end > len(mm) or zlib.crc32(memoryview(mm)[head:end]) != crc:
            mm.close()
            return None
        hashes, starts = array("Q"), array("Q")
        hashes.frombytes(mm[head:head + 8 * count])
        starts.frombytes(mm[head + 8 * count:end])
        return _Pack(mm, hashes, starts, path.name)

    def find(self, h: int, kb: bytes) -> tuple | None:
        """(map, start, end) of the text kept under key bytes `kb` (hash `h`), or None."""
        hashes, mm = self.hashes, self.mm
        i = bisect.bisect_left(hashes, h)
        while i < len(hashes) and hashes[i] == h:
            found = self._record(self.starts[i])
            if found is not None and found[0] == kb:
                return mm, found[1], found[2]
            i += 1
        return None

    def _record(self, at: int) -> tuple | None:
        """(key bytes, text start, text end) of the record at `at`, or None if it is damaged."""
        mm = self.mm
        try:
            klen, tlen, crc = _REC.unpack_from(mm, at)
        except struct.error:
            return None
        start = at + _REC.size
        end = start + klen + tlen
        if end > len(mm) or zlib.crc32(memoryview(mm)[start:end]) != crc:
            return None
        return mm[start:start + klen], start + klen, end

    def records(self):
        """(hash, key bytes, record start, record end) of every sound record."""
        for h, at in zip(self.hashes, self.starts):
            found = self._record(at)
            if found is not None:
                yield h, found[0], at, found[2]


def _write_parts(path: Path, parts: list[tuple]) -> None:
    """Write a file of records; `parts`: (hash, record length, record bytes or (map, start, end))."""
    parts.sort(key=lambda p: p[0])
    head = len(FORMAT) + _HEAD.size
    hashes, starts = array("Q"), array("Q")
    at = head + 16 * len(parts)
    for h, length, _ in parts:
        hashes.append(h)
        starts.append(at)
        at += length
    index = hashes.tobytes() + starts.tobytes()
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(FORMAT + _HEAD.pack(zlib.crc32(index), len(parts)) + index)
        for _, _, body in parts:
            fh.write(body if type(body) is bytes else body[0][body[1]:body[2]])
    os.replace(tmp, path)


def _write(path: Path, texts: list[tuple[bytes, int, bytes]]) -> None:
    """Write (key bytes, its hash, text) as a file of records."""
    parts = []
    for kb, h, text in texts:
        record = _REC.pack(len(kb), len(text), zlib.crc32(text, zlib.crc32(kb))) + kb + text
        parts.append((h, len(record), record))
    _write_parts(path, parts)


def _write_records(path: Path, records: dict[bytes, tuple]) -> None:
    """Write records copied as they are from mapped files: key bytes -> (hash, pack, start, end)."""
    _write_parts(path, [(h, end - at, (pack.mm, at, end)) for h, pack, at, end in records.values()])


def _read(path: Path) -> dict | None:
    """Every sound text of a file by its key (for tests and inspection), or None if the file is
    damaged or of another format."""
    pack = _Pack.open(path)
    if pack is None:
        return None
    return {ast.literal_eval(kb.decode("utf-8", "surrogatepass")): pack.mm[at:end][_REC.size + len(kb):]
            for _, kb, at, end in pack.records()}


def forget_others(folders: list[Path]) -> None:
    """Mark `folders` (this build's, one per tree) as used now; remove the folders of trees the site
    no longer has, and per tree the oldest other folders beyond KEEP_FOLDERS (their key no longer
    matches: a template, config or code change)."""
    if not folders:
        return
    parent = folders[0].parent
    trees = {f.name.rsplit("-", 1)[0]: f for f in folders}
    try:
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            os.utime(folder)
        others = [p for p in parent.iterdir() if p.is_dir() and p not in folders]
    except OSError:
        return
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    left = dict.fromkeys(trees, KEEP_FOLDERS - 1)
    for old in others:
        tree = old.name.rsplit("-", 1)[0]
        if left.get(tree, 0) > 0:
            left[tree] -= 1
        else:
            shutil.rmtree(old, ignore_errors=True)
