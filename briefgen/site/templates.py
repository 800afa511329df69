"""The Jinja environment: an ordered list of template folders, autoescape on (habit 8).

The project's `templates/` comes first and the default theme last, so a project overrides any
single template or asset by giving a file the same name. `{% extends "!theme/base.html" %}` reaches
the default theme's own file, so an override can extend the template it replaces (Pelican's
`!simple/`). `theme.yml` holds the theme's defaults; a project's `templates/theme.yml` overrides keys.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from functools import lru_cache
from pathlib import Path

from briefgen.errors import BuildError

log = logging.getLogger(__name__)

THEME_PREFIX = "!theme/"
STATIC = "static"
IGNORED = (".", "#", "~")


@lru_cache(maxsize=1)
def theme_dir() -> Path:
    """The default theme: shipped as the `briefgen.theme` package data, or the repository's
    `templates/` when running from a checkout (editable install)."""
    spec = importlib.util.find_spec("briefgen.theme") if _has_theme_package() else None
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            if (Path(loc) / "base.html").is_file():
                return Path(loc)
    return Path(__file__).resolve().parent.parent.parent / "templates"


def _has_theme_package() -> bool:
    try:
        return importlib.util.find_spec("briefgen.theme") is not None
    except (ImportError, ValueError):
        return False


def allowed_roots(config) -> list[str]:
    """Where the files behind templates and static files may really live: the project, the default
    theme, and a folder that `[paths]` places outside the project on purpose. A symbolic link that
    leads anywhere else (`static/passwd.txt -> /etc/passwd`) is refused, as the preview server
    refuses links out of the site."""
    root = os.path.realpath(config.root)
    roots = [root, os.path.realpath(theme_dir())]
    for name in ("templates", "static"):
        plain = os.path.normpath(os.path.join(root, getattr(config.paths, name)))
        if not _inside(plain, root):
            roots.append(os.path.realpath(plain))
    return roots


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def link_error(path: str | Path, roots: list[str] | None) -> BuildError | None:
    """An error if `path` is (or goes through) a symbolic link that leaves `roots`."""
    if roots is None:
        return None
    real = os.path.realpath(path)
    if any(_inside(real, r) for r in roots):
        return None
    return BuildError(f"a symbolic link to {real}, outside the project: refused (copy the file into the "
                      "project if it belongs in the site)", path)


def folders(project_templates: Path) -> list[Path]:
    """Template folders in priority order, duplicates removed (a project may *be* the theme)."""
    ordered = [project_templates, theme_dir()]
    unique: dict[Path, None] = {}
    for folder in ordered:
        if folder.is_dir():
            unique.setdefault(folder.resolve(), None)
    return list(unique)


def keep_compiled_templates(folder: Path | None) -> None:
    """Keep compiled templates in `folder` too (the build cache), for the next process."""
    from briefgen.site import jinjaenv

    jinjaenv.BYTECODE.folder = folder


def make_env(template_folders: list[Path], roots: list[str] | None = None):
    """The Jinja environment over `template_folders` (Jinja is imported only here: a build with nothing
    to render, the no-change build, never imports it)."""
    from briefgen.site import jinjaenv

    return jinjaenv.make_env(template_folders, theme_dir(), roots)


def install_translations(env, translations) -> None:
    """The template's `_`, `gettext` and `ngettext` from `translations` (see jinjaenv)."""
    from briefgen.site import jinjaenv

    jinjaenv.install_translations(env, translations)


def theme_options(template_folders: list[Path], cache: Path | None = None) -> dict:
    """theme.yml of every folder, the project's keys over the theme's defaults. `cache` (the build
    cache folder): each file's options are kept there by a digest of its bytes, so a build reads them
    without importing PyYAML (~20 ms of imports; the default theme has a theme.yml)."""
    merged: dict = {}
    for folder in reversed(template_folders):
        path = folder / "theme.yml"
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
        merged.update(_theme_file(path, raw, cache))
    return merged


_THEME_FILES: dict[str, bytes] = {}   # digest of a theme.yml's bytes -> its options, pickled (this process)


def _theme_file(path: Path, raw: bytes, cache: Path | None) -> dict:
    """The options of one theme.yml (`raw`: its bytes), each call a new dict of new values."""
    import pickle

    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    kept = cache / "theme-options" / f"{digest}.pickle" if cache is not None else None
    pickled = _THEME_FILES.get(digest)
    if pickled is None and kept is not None:
        try:
            pickled = kept.read_bytes()
            if not isinstance(pickle.loads(pickled), dict):
                pickled = None
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
                IndexError):
            pickled = None
    if pickled is None:
        pickled = pickle.dumps(_parse_theme_file(path, raw), protocol=pickle.HIGHEST_PROTOCOL)
        if kept is not None:
            keep_cached(kept, pickled)
    _THEME_FILES[digest] = pickled
    return pickle.loads(pickled)


def keep_cached(path: Path, data: bytes) -> None:
    """Write a cache file by a temporary name renamed over it (a reader sees old or new bytes, never half);
    no fsync and no error: a lost or unwritable cache file only costs a later build the work again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def _parse_theme_file(path: Path, raw: bytes) -> dict:
    import yaml

    try:
        data = yaml.safe_load(raw.decode("utf-8")) or {}
    except UnicodeDecodeError as exc:
        raise BuildError(f"not UTF-8: {exc}", path, None) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path,
                         mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise BuildError("theme.yml must be a mapping of keys to values", path, 1)
    return data


def static_files(template_folders: list[Path], project_static: Path, roots: list[str] | None = None,
                 refused: list[BuildError] | None = None) -> dict[str, Path]:
    """Site-relative asset name -> file. The project's `static/` wins over templates' `static/`,
    and the project's templates over the theme's. With `roots`, a file or folder linking out of them
    is left out and reported in `refused`."""
    found: dict[str, Path] = {}
    sources = [f / STATIC for f in reversed(template_folders)] + [project_static]
    for base in sources:
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(IGNORED))
            # os.walk does not enter a linked folder: named here, so a link out is reported too
            links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
            for name in sorted(filenames) + links:
                if name.startswith(IGNORED) or name.endswith("~"):
                    continue
                path = Path(dirpath) / name
                err = link_error(path, roots)
                if err is None and name not in links and not path.is_file():
                    err = BuildError("a broken symbolic link (nothing at the other end): left out", path)
                if err is not None:
                    if refused is not None:
                        refused.append(err)
                    continue
                if name not in links:
                    found[path.relative_to(base).as_posix()] = path
    return found


def hashed_name(name: str, data: bytes) -> str:
    """style.css -> style.3f2a9c1d.css: the name changes with the content, so it can be cached forever."""
    digest = hashlib.blake2b(data, digest_size=4).hexdigest()
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{digest}.{ext}" if dot and "/" not in ext else f"{name}.{digest}"


DAY_NAMES = frozenset({"build_day", "reldate"})   # what a template reads the build day through


@lru_cache(maxsize=4)
def uses_build_day(template_folders: tuple[Path, ...], fingerprint: str) -> bool:
    """Whether a template reads the day of the build (the `build_day` global, the `reldate` filter):
    only then does a page depend on the day it is built, and only then is the day part of the pages'
    keys (the default theme writes relative dates in the reader's browser, from the ISO date: without
    this, the first build of each day keyed every page anew and re-rendered the whole site).
    Read with Jinja's own lexer, so the names in text, comments and strings (`reldate.js`) do not
    count; a file it cannot read or lex counts as reading the day. `fingerprint` (of the folders'
    contents) keys the memo."""
    from jinja2 import Environment
    from jinja2.exceptions import TemplateSyntaxError

    env = Environment()
    for base in template_folders:
        for dirpath, dirnames, filenames in os.walk(base):
            if dirpath == str(base):
                dirnames[:] = [d for d in dirnames if d not in (STATIC, "locales")]
            for name in filenames:
                if name.startswith(IGNORED):
                    continue
                try:
                    with open(os.path.join(dirpath, name), encoding="utf-8") as fh:
                        source = fh.read()
                    if any(kind == "name" and value in DAY_NAMES for _, kind, value in env.lex(source)):
                        return True
                except (OSError, UnicodeDecodeError, TemplateSyntaxError):
                    return True
    return False


def fingerprint(template_folders: list[Path], extra: list[Path], assets: bool = True, by_content: bool = False) -> str:
    """A hash of every template, asset and catalog file (name, size, mtime): what output depends on
    besides the briefs and the config. `assets=False` leaves out the templates' `static/` folders
    (pages depend on assets only through their names, which the build keys separately).

    `by_content=True` hashes each file's bytes and its name relative to its folder's rank instead
    of its absolute path and mtime: for page keys, which must not change when identical templates
    are touched or reached through another path (another install or checkout of briefgen). A
    100,000-brief rebuild once re-rendered every page because the state came from a copy of
    briefgen in another folder, with byte-identical templates."""
    h = hashlib.blake2b(digest_size=16)
    for rank, base in enumerate([*template_folders, *extra]):
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            if not assets and dirpath == str(base) and STATIC in dirnames:
                dirnames.remove(STATIC)
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    if by_content:
                        with open(path, "rb") as fh:
                            data = hashlib.blake2b(fh.read(), digest_size=16).hexdigest()
                        h.update(f"{rank}\0{os.path.relpath(path, base)}\0{data}\n".encode())
                    else:
                        st = os.stat(path)
                        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
                except OSError:    # a broken link or an unreadable file: reported where it is used
                    h.update(f"{rank}\0{os.path.relpath(path, base)}\0unreadable\n".encode())
    return h.hexdigest()
