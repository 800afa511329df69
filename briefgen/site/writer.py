"""Write output files into the build folder: each path once (habit 10), never outside the folder."""
from __future__ import annotations

import logging
import os
import posixpath
import shutil
from pathlib import Path

from briefgen.errors import BuildError

log = logging.getLogger(__name__)


class Writer:
    """Writes into `root` (a fresh folder); `reuse` hard-links an unchanged file from the last build."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.owners: dict[str, str] = {}     # output path -> what produced it, for collision messages
        self.written: list[str] = []          # paths (re)rendered in this build
        self.reused: list[str] = []
        self._dirs: set[str] = set()

    def target(self, rel: str) -> Path:
        """The file for a site path; rejects absolute paths and any `..` that would leave the folder."""
        norm = posixpath.normpath(rel.replace("\\", "/"))
        if rel.startswith("/") or norm.startswith("../") or norm in ("..", ".", "") or "\x00" in rel:
            raise BuildError(f"refusing to write outside the site folder: {rel!r}")
        return self.root / norm

    def claim(self, rel: str, owner: str) -> Path:
        norm = posixpath.normpath(rel)
        if norm in self.owners:
            raise BuildError(f"two pages want the same path {norm}: {self.owners[norm]} and {owner}",
                             hint="give one of them another slug")
        path = self.target(norm)
        self.owners[norm] = owner
        parent = posixpath.dirname(norm)
        if parent not in self._dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        return path

    def write(self, rel: str, data: str | bytes, owner: str = "") -> None:
        path = self.claim(rel, owner or rel)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.written.append(posixpath.normpath(rel))

    def reuse(self, rel: str, previous: Path, owner: str = "") -> bool:
        """Hard-link the previous build's file (no bytes copied); False if it is gone."""
        src = previous / posixpath.normpath(rel)
        path = self.claim(rel, owner or rel)
        try:
            os.link(src, path)
        except FileNotFoundError:
            del self.owners[posixpath.normpath(rel)]
            return False
        except OSError:  # another file system, or links not supported: copy instead
            try:
                shutil.copy2(src, path)
            except FileNotFoundError:
                del self.owners[posixpath.normpath(rel)]
                return False
        self.reused.append(posixpath.normpath(rel))
        return True
