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

Each process that rendered something new writes it as a file of its own (framed with a crc32,
written to a temporary name and renamed: a killed build leaves no half file), so render workers
never write the same file; a worker also reads the files the other worker wrote since it last looked,
so a cold build renders most cards once rather than once per worker. The build's parent folds the
files into one when there are many, leaving out the cards of briefs the site no longer has and the
`{% once %}` texts keyed by them. Not used with downloaded images (their files may change between
builds while the key stays).
"""
from __future__ import annotations

import functools
import logging
import os
import pickle
import secrets
import shutil
import struct
import zlib
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = b"BGFRAG1\n"
_FRAME = struct.Struct("<I")      # crc32 of the pickle that follows
FOLD_FILES = 16                   # more files than this in a folder: the parent folds them into one
KEEP_FOLDERS = 2                  # folders kept per tree (a preview and a build of one project alternate)
_PLAIN = (str, int, float, bool, type(None))


@functools.cache
def code_key() -> tuple:
    """What renders the texts besides the templates: briefgen's code and version, and the versions of
    the libraries that format, escape and convert (a texts folder of other versions is not read)."""
    from importlib.metadata import PackageNotFoundError, version

    from briefgen import __version__
    from briefgen.site.inputs import code_digest

    found = [__version__, code_digest()]
    for name in ("babel", "jinja2", "markupsafe", "markdown", "nh3"):
        try:
            found.append(version(name))
        except PackageNotFoundError:
            found.append(None)
    return tuple(found)


def plain(value: object) -> bool:
    """True if `value` is made of str, int, float, bool, None and tuples of them only (their exact
    types: a Markup is a str that renders differently, an object may compare by identity)."""
    kind = type(value)
    if kind is tuple:
        return all(plain(v) for v in value)
    return kind in _PLAIN


def folder_for(cache: Path, prefix: str, key: str) -> Path:
    name = prefix.strip("/") or "root"
    return cache / "fragments" / f"{name}-{key[:32]}"


class Fragments:
    """The kept texts of one tree: `get` a key's UTF-8 bytes (or None), `put` a new one; `flush`
    writes what this process added since its last flush as a new file."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder            # None: nothing is kept (see module doc)
        self.texts: dict[tuple, bytes] = {}
        self.new: dict[tuple, bytes] = {}
        self._seen: set[str] = set()    # files of the folder already read (or written) by this process
        self._looked = False
        self.active = True              # False: a small build; neither reads nor writes the folder
        loaded = _PRELOADED.get(folder) if folder is not None else None
        if loaded is not None:          # a forked render worker: what its parent read (copy-on-write)
            self._seen, self.texts = set(loaded._seen), dict(loaded.texts)
            self._looked = True

    def get(self, key: tuple) -> bytes | None:
        if not self._looked and self.active:
            self.refresh()
        return self.texts.get(key)

    def put(self, key: tuple, text: bytes) -> None:
        """Keep `text` for this process, and for later builds if the key is plain."""
        self.texts[key] = text
        if self.folder is not None and self.active and plain(key):
            self.new[key] = text

    def put_once(self, key: tuple, text: bytes) -> None:
        """A `{% once %}` text: kept for later builds only (the environment keeps its own, bounded)."""
        if self.folder is not None and self.active and plain(key):
            self.texts[key] = text
            self.new[key] = text

    def refresh(self) -> None:
        """Read the folder's files this process has not read yet (another worker's, since)."""
        self._looked = True
        if self.folder is None or not self.active:
            return
        try:
            names = sorted(n for n in os.listdir(self.folder) if n.endswith(".frag") and n not in self._seen)
        except OSError:
            return
        for name in names:
            self._seen.add(name)
            found = _read(self.folder / name)
            if found:
                found.update(self.texts)     # the same texts either way; this process's own stay
                self.texts = found

    def flush(self) -> None:
        """Write the texts added since the last flush as a file of their own."""
        if self.folder is None or not self.new or not self.active:
            return
        new, self.new = self.new, {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"{os.getpid()}-{secrets.token_hex(4)}.frag"
            _write(self.folder / name, new)
            self._seen.add(name)
        except OSError:
            log.debug("cannot keep rendered fragments in %s", self.folder, exc_info=True)

    def fold(self, live: set[str]) -> None:
        """The parent, after rendering (no worker writes any more): with more than FOLD_FILES files,
        write one file of every kept text instead, without the cards of briefs whose signature is not
        in `live` and the `{% once %}` texts keyed by such a signature."""
        if self.folder is None or not self.active:
            return
        try:
            names = [n for n in os.listdir(self.folder)]
        except OSError:
            return
        frags = [n for n in names if n.endswith(".frag")]
        if len(frags) <= FOLD_FILES:
            return
        self.refresh()
        dead = {k[1] for k in self.texts if k[0] == "card" and k[1] not in live}
        kept = {k: v for k, v in self.texts.items() if not _mentions(k, dead)} if dead else self.texts
        try:
            name = f"{os.getpid()}-{secrets.token_hex(4)}.frag"
            _write(self.folder / name, kept)
        except OSError:
            log.debug("cannot fold rendered fragments in %s", self.folder, exc_info=True)
            return
        for old in names:
            if old != name:
                try:
                    os.unlink(self.folder / old)
                except OSError:
                    pass
        self.texts = dict(kept)
        self._seen = {name}


_PRELOADED: dict[Path, Fragments] = {}    # folder -> the parent's store, while forked workers render


def preload(stores: list[Fragments]) -> None:
    """Read `stores` now, so render workers forked next start from them instead of each reading the
    files again; [] forgets them (after the workers are done)."""
    _PRELOADED.clear()
    for store in stores:
        if store.folder is not None:
            store.refresh()
            _PRELOADED[store.folder] = store


def _mentions(key: tuple, dead: set[str]) -> bool:
    for value in key:
        if type(value) is tuple:
            if _mentions(value, dead):
                return True
        elif type(value) is str and value in dead:
            return True
    return False


def _write(path: Path, texts: dict) -> None:
    data = pickle.dumps(texts, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(FORMAT + _FRAME.pack(zlib.crc32(data)) + data)
    os.replace(tmp, path)


def _read(path: Path) -> dict | None:
    """A file's texts, or None if it is damaged or of another format (then it is not used)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(FORMAT) + _FRAME.size
    if not data.startswith(FORMAT) or len(data) < head:
        return None
    (crc,) = _FRAME.unpack_from(data, len(FORMAT))
    body = memoryview(data)[head:]
    if zlib.crc32(body) != crc:
        return None
    try:
        found = pickle.loads(body)
    except Exception:  # noqa: BLE001 - a damaged cache file is not used, whatever it raises
        return None
    return found if isinstance(found, dict) else None


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
