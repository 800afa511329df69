"""Write output files into the build folder: each path once (habit 10), never outside the folder."""
from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import shutil
from pathlib import Path

from briefgen.errors import BuildError

log = logging.getLogger(__name__)


def _norm(rel: str) -> str:
    """posixpath.normpath(rel), without the call for a path it would return unchanged (no empty, `.`
    or `..` part, no doubled, leading or trailing slash): a build claims ~19,000 paths at 10,000 briefs."""
    if not rel or rel[0] in "./" or rel[-1] == "/" or "//" in rel or "/." in rel:
        return posixpath.normpath(rel)
    return rel


def flat_name(rel: str) -> str:
    """The file name a site path is staged under in a flat staging folder: the path with `%` and `/`
    quoted (one name per path, and a quoted name never holds `%h`), or, past 200 bytes (a name may
    have 255), `%h` and a digest of the path."""
    name = rel.replace("%", "%25").replace("/", "%2F")
    if len(name.encode("utf-8", "surrogatepass")) > 200:
        return "%h" + hashlib.blake2b(rel.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
    return name


def staged_file(staging: str | Path, rel: str, flat: bool) -> str:
    """Where a site path's new file waits in a staging folder (flat, or laid out as in the site)."""
    return os.path.join(staging, flat_name(rel) if flat else rel)


class Writer:
    """Writes into `root` (a fresh folder); `link` hard-links an unchanged file from the last build."""

    def __init__(self, root: Path, patch: bool = False) -> None:
        self.root = root.resolve()
        self._root = str(self.root)
        # patch: `root` only stages changed files for the live site; unchanged ones stay where they are
        self.patch = patch
        # flat (set by the build for an incremental build's staging folder, which a build moves file by
        # file into a tree and never publishes as it is): each file straight in `root` under its
        # flat_name, instead of a folder per page made and removed again (~500 of each for a day's
        # briefs at 10,000: ~0.1 s of the build's CPU in the kernel). `complete` lays them out.
        self.flat = False
        self.owners: dict[str, str] = {}     # output path -> what produced it, for collision messages
        self.written: list[str] = []          # paths (re)rendered in this build
        self.reused: list[str] = []
        self._dirs: set[str] = set()

    def target(self, rel: str) -> str:
        """The file for a site path; rejects absolute paths and any `..` that would leave the folder."""
        norm = posixpath.normpath(rel.replace("\\", "/"))
        if rel.startswith("/") or norm.startswith("../") or norm in ("..", ".", "") or "\x00" in rel:
            raise BuildError(f"refusing to write outside the site folder: {rel!r}")
        return os.path.join(self._root, norm)

    def claim(self, rel: str, owner: str) -> None:
        """Reserve a path for one producer; a second claim is an error naming both."""
        norm = _norm(rel)
        if norm in self.owners:
            raise BuildError(f"two pages want the same path {norm}: {self.owners[norm]} and {owner}",
                             owner if owner != norm else None, hint="give one of them another slug")
        if rel.startswith("/") or norm.startswith("../") or norm in ("..", ".", "") or "\x00" in rel:
            raise BuildError(f"refusing to write outside the site folder: {rel!r}")
        self.owners[norm] = owner

    def _mkdir(self, parent: str) -> None:
        """Create a folder of the site once (os.mkdir on strings: pathlib costs more than the call)."""
        if parent in self._dirs:
            return
        if parent:
            self._mkdir(posixpath.dirname(parent))
            try:
                os.mkdir(os.path.join(self._root, parent))
            except FileExistsError:
                pass
        else:
            os.makedirs(self._root, exist_ok=True)
        self._dirs.add(parent)

    def put(self, rel: str, data: str | bytes) -> None:
        """Write a path claimed before (possibly by another process: workers only `put`)."""
        norm = _norm(rel)
        path = self.target(norm)
        if self.flat:
            self._mkdir("")
            path = os.path.join(self._root, flat_name(norm))
        else:
            self._mkdir(posixpath.dirname(norm))
        with open(path, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        self.written.append(norm)

    def write(self, rel: str, data: str | bytes, owner: str = "") -> None:
        self.claim(rel, owner or rel)
        self.put(rel, data)

    def link(self, rel: str, previous: Path) -> bool:
        """Hard-link a claimed path to the previous build's file (no bytes copied); False if gone."""
        norm = _norm(rel)
        if self.patch:
            self.reused.append(norm)
            return True
        src, path = os.path.join(previous, norm), self.target(norm)
        self._mkdir(posixpath.dirname(norm))
        try:
            os.link(src, path)
        except FileNotFoundError:
            return False
        except OSError:  # another file system, or links not supported: copy instead
            try:
                shutil.copy2(src, path)
            except FileNotFoundError:
                return False
        self.reused.append(norm)
        return True

    def staged(self, rel: str) -> str:
        """The file `put` wrote for a site path."""
        return staged_file(self._root, rel, self.flat)

    def complete(self, previous: Path) -> list[str]:
        """Staging mode only: hard-link every reused file from `previous` so `root` is a whole site.
        Returns the reused paths missing from `previous` (deleted by hand)."""
        missing = []
        self.patch = False
        if self.flat:     # laid out as the site first
            for norm in self.written:
                self._mkdir(posixpath.dirname(norm))
                os.replace(os.path.join(self._root, flat_name(norm)), os.path.join(self._root, norm))
            self.flat = False
        for norm in self.reused:
            src, path = os.path.join(previous, norm), self.target(norm)
            self._mkdir(posixpath.dirname(norm))
            try:
                os.link(src, path)
            except FileNotFoundError:
                missing.append(norm)
            except OSError:  # another file system, or links not supported: copy instead
                try:
                    shutil.copy2(src, path)
                except FileNotFoundError:
                    missing.append(norm)
        return missing
