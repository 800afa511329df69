"""The Jinja side of the template folders (briefgen.site.templates): the loader, autoescaping and
the compiled-template cache. Kept apart so that a build with nothing to render never imports Jinja."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    Environment,
    FileSystemLoader,
    TemplateNotFound,
    select_autoescape,
)

from briefgen.site.templates import THEME_PREFIX, link_error

log = logging.getLogger(__name__)


class ThemeLoader(BaseLoader):
    """Search `folders` in order; names starting with `!theme/` go to the default theme only.
    With `roots`, a template reached through a link out of them is a BuildError."""

    def __init__(self, folders: list[Path], theme: Path, roots: list[str] | None = None) -> None:
        self.loaders = [FileSystemLoader(str(f)) for f in folders]
        self.theme = FileSystemLoader(str(theme))
        self.roots = roots

    def get_source(self, environment, template):
        if template.startswith(THEME_PREFIX):
            return self._checked(self.theme.get_source(environment, template[len(THEME_PREFIX):]))
        for loader in self.loaders:
            try:
                return self._checked(loader.get_source(environment, template))
            except TemplateNotFound:
                continue
        raise TemplateNotFound(template)

    def _checked(self, found: tuple) -> tuple:
        err = link_error(found[1], self.roots)
        if err is not None:
            raise err
        return found

    def list_templates(self):
        found: set[str] = set()
        for loader in self.loaders:
            found.update(loader.list_templates())
        return sorted(found)


def _autoescape(name: str | None) -> bool:
    return select_autoescape(["html", "htm", "xml"], default_for_string=True, default=False)(name)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept across builds in one process (the preview server builds on every
    change). Jinja keys each entry by template name and source checksum, so an edit recompiles."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.lock = threading.Lock()
        # Also on disk (the build cache's jinja/ folder): a command-line build is a new process, and
        # compiling the theme's templates costs it about half a second of CPU.
        self.folder: Path | None = None

    def load_bytecode(self, bucket) -> None:
        with self.lock:
            code = self.store.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / f"{bucket.key}.bc").read_bytes()
            except OSError:
                code = None
        if code is not None:
            bucket.bytecode_from_string(code)   # checks Jinja's magic and the source checksum

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        with self.lock:
            if len(self.store) > 500:   # a long preview session with many edits: start over
                self.store.clear()
            self.store[bucket.key] = code
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = self.folder / f"{bucket.key}.{os.getpid()}.{threading.get_ident()}.tmp"
                tmp.write_bytes(code)
                os.replace(tmp, self.folder / f"{bucket.key}.bc")
            except OSError:
                log.debug("cannot keep compiled template %s", bucket.name, exc_info=True)


BYTECODE = _MemoryBytecodeCache()


def make_env(template_folders: list[Path], theme: Path, roots: list[str] | None = None) -> Environment:
    return Environment(loader=ThemeLoader(template_folders, theme, roots), autoescape=_autoescape,
                       extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, auto_reload=False, bytecode_cache=BYTECODE)
