"""Which file changed, what it rebuilds, and when to rebuild (habit 11).

`change_kind(path, config)` is pure: it maps one path to a `ChangeKind` from the project's folders
alone, so it is tested without a file system (as Zola's `detect_change_kind`). `Debouncer` turns a burst
of events (an editor's save-by-rename, a `git checkout` of 500 files) into one batch, and `Watcher`
wires both to a watchdog observer (inotify, or polling with `--poll` for network and container mounts).
"""
from __future__ import annotations

import enum
import logging
import os
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.config.schema import Config

log = logging.getLogger(__name__)

CONFIG_NAME = "briefgen.toml"


class ChangeKind(enum.Enum):
    """What a changed file is, which decides what a rebuild has to do."""

    RAW = "raw"                # content/raw/: ingest, then build
    BRIEF = "brief"            # content/briefs/*.md: incremental build, no ingest
    TEMPLATE = "template"      # templates/: re-render
    STATIC = "static"          # static/ (not CSS): copy, reload
    STYLESHEET = "stylesheet"  # *.css in static/ or templates/: copy, swap <link> without reload
    CATALOG = "catalog"        # locales/*.po|.mo: re-render with new UI strings
    CONFIG = "config"          # briefgen.toml: reload config, rebuild everything
    IGNORED = "ignored"


# Editors' and tools' scratch files: saving through them must not trigger a build of a half-written
# file. Vim (.swp/.swx/.swo, backup `~`, the `4913` probe it writes to test a folder), Emacs (`.#lock`,
# `#autosave#`), JetBrains and many tools (`___jb_tmp___`, `.tmp`), browsers' partial downloads.
_TEMP_SUFFIXES = (".swp", ".swx", ".swo", ".swn", "~", ".tmp", ".temp", ".part", ".crdownload",
                  ".kate-swp", "___jb_tmp___", "___jb_old___", ".orig", ".rej", ".bak")
_TEMP_NAMES = frozenset({"4913", ".DS_Store", "Thumbs.db", "desktop.ini"})
# Folders no change under which matters: version control and tool caches.
_IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".idea", ".vscode", "node_modules",
                           ".pytest_cache", ".mypy_cache", ".ruff_cache"})

_CATALOG_SUFFIXES = (".po", ".mo", ".pot")
_RAW_SUFFIXES = (".txt", ".html", ".htm", ".md", ".xhtml")


def is_temp_file(name: str) -> bool:
    """True for an editor's swap, backup or lock file (by name alone)."""
    if name in _TEMP_NAMES or name.startswith((".#", ".~")) or (name.startswith("#") and name.endswith("#")):
        return True
    if name.startswith(".") and name.endswith((".swp", ".swx", ".swo")):
        return True
    return name.lower().endswith(_TEMP_SUFFIXES)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _abs(path: str | os.PathLike[str], root: Path) -> Path:
    # normpath, not resolve(): the file may be gone (deleted, renamed) and symlinked folders inside
    # the project should keep the kind of the folder they appear in.
    p = Path(path)
    return Path(os.path.normpath(p if p.is_absolute() else root / p))


def _folders(config: Config) -> dict[str, Path]:
    root = Path(os.path.normpath(config.root.absolute()))
    return {name: Path(os.path.normpath(root / getattr(config.paths, name)))
            for name in ("raw", "briefs", "templates", "static", "locales", "output", "cache")} | {"root": root}


def change_kind(path: str | os.PathLike[str], config: Config, is_directory: bool = False) -> ChangeKind:
    """Map one changed path to the kind of rebuild it needs. Pure: looks at the path only.

    A directory counts only where a whole folder of content can come or go (briefs, raw, templates);
    a folder's own "modified" events carry no information and are dropped by the caller.
    """
    folders = _folders(config)
    p = _abs(path, folders["root"])
    parts = set(p.relative_to(folders["root"]).parts) if _inside(p, folders["root"]) else set()
    if is_temp_file(p.name) or parts & _IGNORED_DIRS:
        return ChangeKind.IGNORED
    # Output and cache first: they may sit inside a watched folder, and the build writes there.
    if _inside(p, folders["output"]) or _inside(p, folders["cache"]):
        return ChangeKind.IGNORED
    if p == folders["root"] / CONFIG_NAME:
        return ChangeKind.CONFIG
    return _kind_in_area(p, folders, is_directory)


def _kind_in_area(p: Path, folders: dict[str, Path], is_directory: bool) -> ChangeKind:
    name = p.name.lower()
    hidden = p.name.startswith(".")
    # Briefs before raw: a project could keep briefs inside the raw folder's parent, never the reverse.
    if _inside(p, folders["briefs"]):
        return ChangeKind.BRIEF if is_directory or (name.endswith(".md") and not hidden) else ChangeKind.IGNORED
    if _inside(p, folders["raw"]):
        return ChangeKind.RAW if is_directory or (name.endswith(_RAW_SUFFIXES) and not hidden) \
            else ChangeKind.IGNORED
    if _inside(p, folders["locales"]):
        return ChangeKind.CATALOG if is_directory or name.endswith(_CATALOG_SUFFIXES) else ChangeKind.IGNORED
    for area, kind in (("static", ChangeKind.STATIC), ("templates", ChangeKind.TEMPLATE)):
        if _inside(p, folders[area]):
            if hidden:
                return ChangeKind.IGNORED
            return ChangeKind.STYLESHEET if name.endswith(".css") and not is_directory else kind
    return ChangeKind.IGNORED


@dataclass
class Batch:
    """What changed since the last build: the kinds, how many events, a few paths for the log."""

    kinds: set[ChangeKind] = field(default_factory=set)
    count: int = 0
    paths: list[str] = field(default_factory=list)   # at most SAMPLE, so memory stays flat
    overflow: bool = False      # more than SAMPLE distinct paths: `paths` does not name them all

    SAMPLE = 20

    def add(self, kind: ChangeKind, path: str) -> None:
        self.kinds.add(kind)
        self.count += 1
        if path not in self.paths:
            if len(self.paths) < self.SAMPLE:
                self.paths.append(path)
            else:
                self.overflow = True

    def brief_paths(self) -> list[str] | None:
        """Every path changed, if the batch is only briefs and names them all (else None)."""
        if self.kinds != {ChangeKind.BRIEF} or self.overflow:
            return None
        return list(self.paths)

    def __bool__(self) -> bool:
        return bool(self.kinds)


class Debouncer:
    """Collects changes until `delay` seconds pass without a new one (or `max_wait` after the first).

    The quiet period merges the rename-and-write dance of an editor save into one build. A burst (a
    `git checkout`, a sync, a copy of many files: `burst_count` events or more) waits for a longer
    quiet period, `burst_delay`, since such tools pause now and then mid-way; a single save stays fast.
    A few changes whose every path was last seen finished (`settled`: closed after writing, or renamed
    into place) wait only `settled_delay` (default: `delay`): nothing is left half written, and the
    quiet period was a tenth of the preview's save -> browser at 10,000 briefs.
    `max_wait` bounds the wait when changes never stop. Not thread-safe by itself: the owner holds a
    lock. `clock` is injectable for tests.
    """

    def __init__(self, delay: float = 0.03, max_wait: float = 2.0, burst_delay: float = 0.25,
                 burst_count: int = 20, clock: Callable[[], float] = time.monotonic,
                 settled_delay: float | None = None) -> None:
        self.delay = delay
        self.max_wait = max_wait
        self.burst_delay = max(delay, burst_delay)
        self.burst_count = burst_count
        self.settled_delay = delay if settled_delay is None else min(delay, settled_delay)
        self.clock = clock
        self._batch = Batch()
        self._first = 0.0
        self._last = 0.0
        self._unsettled: set[str] = set()   # paths whose last event leaves them maybe half written
        self._unsettled_overflow = False

    def add(self, kind: ChangeKind, path: str, settled: bool = False) -> None:
        now = self.clock()
        if not self._batch:
            self._first = now
        self._last = now
        self._batch.add(kind, path)
        if settled:
            self._unsettled.discard(path)
        elif len(self._unsettled) < Batch.SAMPLE:
            self._unsettled.add(path)
        else:
            self._unsettled_overflow = True    # bounded memory; counts as unsettled until taken

    def wait_time(self) -> float | None:
        """Seconds until the batch is due (0: due now); None when nothing is pending."""
        if not self._batch:
            return None
        now = self.clock()
        if self._batch.count >= self.burst_count:
            quiet = self.burst_delay
        elif self._unsettled or self._unsettled_overflow:
            quiet = self.delay
        else:
            quiet = self.settled_delay
        due = min(self._last + quiet, self._first + self.max_wait)
        return max(0.0, due - now)

    def take(self) -> Batch:
        batch, self._batch = self._batch, Batch()
        self._unsettled, self._unsettled_overflow = set(), False
        return batch


class Rebuilder:
    """One worker thread: waits for a debounced batch, runs `on_batch`, repeats.

    Changes that arrive during a build wait for it to finish and then make exactly one more build
    (coalescing), so a browser is never told to reload before a build has fully finished.
    `on_idle` runs once `idle_delay` seconds after a build when no change came meanwhile (the
    preview writes its build state then, off the path from a save to the browser).
    """

    def __init__(self, on_batch: Callable[[Batch], None], delay: float = 0.03, max_wait: float = 2.0,
                 burst_delay: float = 0.25, on_idle: Callable[[], None] | None = None,
                 idle_delay: float = 2.0, settled_delay: float | None = None) -> None:
        self.on_batch = on_batch
        self.on_idle = on_idle
        self.idle_delay = idle_delay
        self._idle_due: float | None = None
        self._debouncer = Debouncer(delay, max_wait, burst_delay, settled_delay=settled_delay)
        self._cond = threading.Condition()
        self._stopping = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="briefgen-rebuild", daemon=True)

    def start(self) -> Rebuilder:
        self._thread.start()
        return self

    def notify(self, kind: ChangeKind, path: str, settled: bool = False) -> None:
        """One changed path; `settled`: its writer is done with it (closed after writing, or renamed
        into place), so a short quiet period will do (Debouncer)."""
        if kind is ChangeKind.IGNORED:
            return
        with self._cond:
            self._debouncer.add(kind, path, settled)
            self._cond.notify_all()

    def idle(self) -> bool:
        """True when nothing is pending and no build runs (tests and benchmarks wait on this)."""
        with self._cond:
            return not self._busy and self._debouncer.wait_time() is None

    def running(self) -> bool:
        """True while the rebuild thread is alive (after stop(): a build that did not end in time)."""
        return self._thread.is_alive()

    def stop(self, timeout: float = 30.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _next_batch(self) -> Batch | None:
        with self._cond:
            while not self._stopping:
                wait = self._debouncer.wait_time()
                if wait == 0.0:
                    self._busy = True
                    return self._debouncer.take()
                if wait is None and self._idle_due is not None:
                    wait = self._idle_due - time.monotonic()
                    if wait <= 0:
                        self._idle_due = None
                        self._busy = True
                        return _IDLE
                self._cond.wait(wait)
            return None

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            if batch is _IDLE:
                try:
                    if self.on_idle is not None:
                        self.on_idle()
                except Exception:   # never kill the rebuilder
                    log.exception("idle task failed")
                finally:
                    with self._cond:
                        self._busy = False
                continue
            try:
                log.debug("rebuild: %d change(s), %s: %s", batch.count,
                          "/".join(sorted(k.value for k in batch.kinds)), ", ".join(batch.paths[:3]))
                self.on_batch(batch)
            except Exception:  # a bug in one build must not kill the preview
                log.exception("rebuild failed")
            finally:
                with self._cond:
                    self._busy = False
                    if self.on_idle is not None:
                        self._idle_due = time.monotonic() + self.idle_delay


_IDLE = Batch()   # what _next_batch returns when it is time for on_idle


# watchdog's recursive inotify watch warns when a folder created during its initial walk is added twice
# (e.g. `mkdir -p locales/fr/LC_MESSAGES` just as the new area is scheduled); the second add replaces
# the first and nothing is lost, so the warning is only noise in the terminal.
warnings.filterwarnings("ignore", message=r"Callback with id .* already exists", category=RuntimeWarning)

# Events worth a look: content changes, not opens, reads or attribute touches.
_KEEP_EVENTS = ("created", "modified", "deleted", "moved", "closed")


class Watcher:
    """Watches the project's folders and feeds `(kind, path, settled)` to a callback (`settled`: the
    file was closed after writing or renamed into place, so its writer is done with it).

    Watches each area (raw, briefs, templates, static, locales) recursively and the project folder
    itself non-recursively (briefgen.toml, and folders created later), never site/ or the cache, so
    a build's thousands of writes cost nothing. `refresh()` re-plans after a config change.
    """

    def __init__(self, config: Config, callback: Callable[[ChangeKind, str, bool], None], poll: bool = False,
                 poll_interval: float = 0.5) -> None:
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        self.config = config
        self.callback = callback
        self._observer = PollingObserver(timeout=poll_interval) if poll else Observer()
        self._handler = _Handler(self)
        self._watches: dict[tuple[str, bool], object] = {}
        self._lock = threading.Lock()

    def start(self) -> Watcher:
        self.refresh()
        self._observer.start()
        return self

    def stop(self) -> None:
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(5)

    def plan(self) -> set[tuple[str, bool]]:
        """(folder, recursive) pairs to watch: each existing area; for a missing one, its nearest
        existing parent (non-recursive) so that creating it is seen."""
        folders = _folders(self.config)
        wanted = {(str(folders["root"]), False)}
        for name in ("raw", "briefs", "templates", "static", "locales"):
            folder = folders[name]
            if folder.is_dir():
                wanted.add((str(folder), True))
                continue
            parent = next((p for p in folder.parents if p.is_dir()), None)
            if parent is not None:
                wanted.add((str(parent), False))
        return wanted

    def refresh(self, config: Config | None = None) -> None:
        with self._lock:
            if config is not None:
                self.config = config
            wanted = self.plan()
            for key in set(self._watches) - wanted:
                self._observer.unschedule(self._watches.pop(key))
            for key in wanted - set(self._watches):
                path, recursive = key
                try:
                    self._watches[key] = self._observer.schedule(self._handler, path, recursive=recursive)
                except OSError as exc:  # vanished between plan and schedule, or inotify limit
                    log.warning("cannot watch %s: %s", path, exc)

    def dispatch(self, event) -> None:
        if event.event_type not in _KEEP_EVENTS:
            return
        is_dir = bool(event.is_directory)
        if is_dir and event.event_type in ("modified", "closed"):
            return  # a folder's mtime changes with each file in it: the file's own event says it all
        # closed after writing (inotify's IN_CLOSE_WRITE): the writer is done with the file
        paths = [(event.src_path, event.event_type == "closed")]
        if getattr(event, "dest_path", ""):
            # a rename is a deletion here and a creation there, of a file already whole
            paths.append((event.dest_path, True))
        for raw_path, settled in paths:
            path = os.fsdecode(raw_path)
            kind = change_kind(path, self.config, is_directory=is_dir)
            if kind is not ChangeKind.IGNORED:
                self.callback(kind, path, settled)
        if is_dir and event.event_type in ("created", "moved", "deleted"):
            self._maybe_refresh()

    def _maybe_refresh(self) -> None:
        # An area folder created or removed after start: re-plan so its files are seen.
        if self.plan() != set(self._watches):
            self.refresh()


class _Handler:
    """watchdog calls `dispatch(event)` on its handler; keep it a thin adapter."""

    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def dispatch(self, event) -> None:
        try:
            self._watcher.dispatch(event)
        except Exception:  # an exception here would kill the observer thread
            log.exception("watch event %r", event)
