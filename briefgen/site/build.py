"""`build()`: briefs -> a complete static site, swapped in atomically (habit 3: read all, then write).

Phases: (1) ingest new raw articles; (2) stat every input and stop at once if nothing changed since
the last build; (3) read and render briefs (cached by content); (4) group them; (5) render every
page whose inputs changed into a fresh folder next to the output, hard-linking unchanged files
from the previous build; (6) swap the fresh folder in, so readers never see a half-built site and
an interrupted build leaves the previous one intact.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import pickle
import secrets
import shutil
import struct
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from briefgen import __version__
from briefgen.errors import BriefgenError, BuildError
from briefgen.site import inputs, killpoints, templates
from briefgen.site.inputs import code_digest, gc_paused
from briefgen.site.swap import (
    SiteLock,
    apply_patch,
    clear_stale,
    forget_journal,
    into_place,
    journal_path,
    remove_in_thread,
    remove_later,
    repair,
    swap_in,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefgen.config import Config
    from briefgen.site.workers import Pool

# Only what the no-change check needs is imported above: a build that finds nothing changed stops
# before Markdown, Jinja, Babel's formatting or the classifier are imported (a third of its time).

log = logging.getLogger(__name__)

PATCH_LIMIT = 50            # changed briefs up to which a patch_in_place build patches its output
SPARE_SHARE = 0.3           # changed files up to this share of the site: update the spare tree, not a new one
STATE_FORMAT = 5            # bump when the state's layout changes: an older state is then ignored
STATE_READS = (4, STATE_FORMAT)   # 4: the same layout without deltas (its head has no base id)
# The state file holds two pickles: these keys first (all a no-change build reads), then the rest.
STATE_HEAD = ("format", "manifest", "tree", "pages", "errors", "day_read")
MARKER = ".briefgen-site"     # marks a folder as ours, so a swap never replaces someone's folder
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


@dataclass
class BuildResult:
    errors: list[BriefgenError]
    written: int                 # files (re)written by this build
    pages: int                   # HTML pages in the site
    out: Path
    seconds: float
    changed_paths: list[str] = field(default_factory=list)   # site paths written or removed
    swapped: bool = False        # False: the previous site was kept (nothing changed, or a fatal error)
    warnings: list[BriefgenError] = field(default_factory=list)   # raw files that could not be ingested


class BuildStopped(Exception):
    """The caller's `stop` event was set: the build gave up before publishing anything (the last
    site stays as it was)."""


def _check_stop(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise BuildStopped


def build(config: Config, out: Path | None = None, clean: bool = False, ingest: bool = True, *,
          patch_in_place: bool = False, site_lock: SiteLock | None = None,
          stop: threading.Event | None = None, changed: list[str] | None = None,
          defer_state: bool = False, last: bool = False) -> BuildResult:
    """Build the site of `config` into `out` (default: [paths] output). Safe to call again and again
    in one process (the preview server does); calls for the same output folder run one at a time.

    By default every build makes a complete new tree (unchanged files hard-linked from the previous
    one) and swaps it in, so `out` is always the old or the new site, even if the process is killed.
    `patch_in_place=True` (the preview server's private folder only) instead moves a few changed
    files into `out`: much faster at 10,000 briefs, but a reader could see a mix, so the caller must
    pass `site_lock` and read under `site_lock.reading()`; a journal repairs a killed patch.

    `stop` (the preview server, stopping): once set, the build raises BuildStopped at its next
    check (between phases and between pages rendered here), before it publishes anything.
    `changed` (the preview's watcher): every brief path changed, created, deleted or renamed since
    this process's last build of this project, so the build need not look at every brief file.
    `defer_state` (the preview, with patch_in_place): a patch keeps the build state in memory and
    leaves its journal until `flush_state()` writes the state (when the preview is idle).
    `last` (the CLI): the process ends after this build, so the cyclic collector, paused for the
    build after its ingest, stays paused: enabled again, it first scans what the build made (~30,000
    objects, ~10 ms of an edit's CPU at 10,000 briefs) for memory the process's end frees anyway."""
    out = Path(out).resolve() if out else config.path("output")
    with _lock_for(out), _cache_lock(config.path("cache")):
        return _build(config, out, clean, ingest, patch_in_place, site_lock, stop, changed,
                      defer_state and patch_in_place, last)


@contextmanager
def _cache_lock(cache_dir: Path, blocking: bool = True):
    """One build at a time per cache folder, across threads and processes: a preview and a
    production build share the brief cache. `blocking=False`: yields False at once if another
    process holds it (True when held)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / "build.lock", "a+b") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: no cross-process lock; threads are still serialised per output
            yield True
            return
        try:
            fcntl.flock(fh, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _lock_for(out: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(out, threading.Lock())


def _build(config: Config, out: Path, clean: bool, ingest: bool, patch_in_place: bool = False,
           site_lock: SiteLock | None = None, stop: threading.Event | None = None,
           changed: list[str] | None = None, defer_state: bool = False, last: bool = False) -> BuildResult:
    started = time.perf_counter()
    # What the last build saw of the brief files (the preview starts from it): taken now, so a build
    # that stops anywhere before its end leaves nothing for the next to trust.
    seen = inputs.take_files(config.path("briefs"))
    _check_output(config, out)
    errors: list[BriefgenError] = []
    # Phase 1: new raw articles become briefs first. A raw file that cannot be ingested is a warning,
    # not a build error: it must not hold the rest of the site hostage (the CLI's --strict refuses).
    warnings = _ingest(config) if ingest else []
    _check_stop(stop)
    # The cyclic collector stays paused from here to the end of the build (see the Pool below): the
    # listing of 10,000 brief files, the state and what follows make ~10^5 long-lived objects and no
    # garbage cycles. Paused around the state's load alone, the collector's first runs after it
    # scanned the whole loaded state: ~20 ms of an edit's CPU at 10,000 briefs, ~50 collections.
    if last:
        gc.disable()     # for good: see build()
    with gc_paused():
        return _build_inputs(config, out, clean, ingest, patch_in_place, site_lock, stop, changed,
                             defer_state, started, seen, errors, warnings, last)


def _build_inputs(config: Config, out: Path, clean: bool, ingest: bool, patch_in_place: bool,
                  site_lock: SiteLock | None, stop: threading.Event | None, changed: list[str] | None,
                  defer_state: bool, started: float, seen: list | None, errors: list[BriefgenError],
                  warnings: list[BriefgenError], last: bool = False) -> BuildResult:
    # Phase 2: if no input changed since the last build, the site is already right.
    cache_dir = config.path("cache")
    if clean:
        _clear_cache(cache_dir)
        _PENDING.clear()
    state_file = cache_dir / f"site-{hashlib.blake2b(str(out).encode(), digest_size=8).hexdigest()}.pickle"
    head = {} if clean else _load_state(state_file, head_only=True)
    # A patch killed half way: finish it first, and distrust what the state says of the files it
    # touched (they now hold the patch's version, whatever the inputs are now).
    # (A journal while this process holds the state unsaved is its own finished patches': see flush_state.)
    pending = _PENDING.get(state_file)
    repaired = None if pending and pending[2] == _file_sig(journal_path(out)) else repair(out)
    tz = ZoneInfo(config.timezone)
    now = inputs.build_now(config.site.now, tz)
    files, patched = inputs.brief_files_since(config.path("briefs"), None if ingest or clean else changed, seen)
    folders = templates.folders(config.path("templates"))
    every_input = templates.fingerprint(folders, [config.path("static"), config.path("locales")])
    # The day counts only if a template reads it (the last build's answer for these same templates,
    # else Jinja's lexer: see templates.uses_build_day): the default theme's site built on a new day
    # with no new brief is a no-change build.
    known = head.get("day_read")
    reads_day = known[1] if isinstance(known, tuple) and known[0] == every_input else _day_read(folders)
    # The code too (not only its version): a build by changed code is not a no-change build.
    # The brief files' list (10,000 tuples) by marshal's version 2 (no back-references, so the same
    # list gives the same bytes in any process): 2 ms where pickle took 5, in every build.
    manifest = hashlib.blake2b(pickle.dumps((__version__, code_digest(), every_input, _config_key(config),
                                             now.date() if reads_day else None, str(out)))
                               + marshal.dumps(files, 2), digest_size=16).hexdigest()
    if (repaired is None and head.get("manifest") == manifest and head.get("tree") == _tree_id(out)
            and (out / MARKER).is_file() and not errors):
        _report(head.get("errors", []))
        inputs.remember_files(config.path("briefs"), files)
        # What a build killed after its exchange left beside `out` (its staging folder): the next build
        # that changes nothing removes it too (a listing of out's parent; else it stayed until a change).
        clear_stale(out)
        log.info("site up to date (%d pages)", head.get("pages", 0))
        return BuildResult(list(head.get("errors", [])), 0, head.get("pages", 0), out,
                           time.perf_counter() - started, warnings=warnings)
    with gc_paused():
        state = _load_state(state_file) if head else {}
    if repaired is not None:
        state = {} if "*" in repaired else {**state, "manifest": None,
                                             "keys": {k: v for k, v in state.get("keys", {}).items()
                                                      if k not in set(repaired)}}
    # Phase 3: read every brief; broken ones are reported with file and line and skipped.
    # Pages depend on assets only through their names (keyed in Shared): an asset edit alone must
    # not make every page's key change when names are not hashed.
    from briefgen.site.workers import Pool

    fp = templates.fingerprint(folders, [config.path("locales")], assets=False, by_content=True)
    # The cyclic collector is paused for the rest of the build: it makes ~10^5 long-lived objects
    # (state, brief cache, Items, groups, page plans) and next to no garbage cycles (Jinja's included),
    # which the collector would scan again and again for nothing: a quarter of an edit build's CPU at
    # 10,000 briefs. Worker processes run their collector as usual (workers.Pool).
    try:
        with gc_paused(), Pool(config.site.jobs or os.cpu_count() or 1) as pool:
            result = _build_changed(config, out, errors, state, state_file, manifest, files, folders, fp, now,
                                    pool, started, patch_in_place, site_lock or SiteLock(), repaired, stop,
                                    defer_state, set(changed) if patched and changed is not None else None,
                                    (every_input, reads_day), last)
    finally:
        gc.unfreeze()
    inputs.remember_files(config.path("briefs"), files)
    result.warnings = warnings
    return result


def _build_changed(config: Config, out: Path, errors: list, state: dict, state_file: Path,
                   manifest: str, files: list, folders: list[Path], fp: str, now, pool: Pool,
                   started: float, patch_in_place: bool, site_lock: SiteLock,
                   repaired: list[str] | None, stop: threading.Event | None = None,
                   defer_state: bool = False, hint: set[str] | None = None,
                   day_read: tuple = (None, True), last: bool = False) -> BuildResult:
    from briefgen.classify.regions import regions_for
    from briefgen.site import content, images, pages
    from briefgen.site.render import Shared, forget_trees_but, tree_codes, tree_for

    tz = now.tzinfo
    cache_dir = config.path("cache")
    cache = content.BriefCache(cache_dir, config.site.search_words)
    # The preview (patch_in_place) keeps the last good version of a brief an edit broke, until fixed.
    # `hint` (the preview's watcher named every brief changed since this process's last build): a
    # title or body edit swaps the new Item into the last build's Items and groups instead of making
    # and grouping all 10,000 again. Not with downloaded images (attach makes new Items each build).
    hint = hint if config.site.images != "download" else None
    items, brief_errors, touched = content.load_items(files, cache, tz, config.site.search_words, pool,
                                                      regions_of=partial(regions_for, config=config),
                                                      keep_last_good=patch_in_place, hint=hint, remember=not last)
    swaps = content.LAST_SWAPS if hint is not None else None
    items, _ = images.attach(config, items)   # [site] images = "download": fetch and keep them (issue 15)
    log.debug("%.2f s: %d briefs read, %d new, changed or removed", time.perf_counter() - started, len(items),
              touched)
    _check_stop(stop)
    # Phase 4: group them.
    groups_key = repr((__version__, code_digest(), _config_key(config)))
    collections, index, last_index, swapped = _grouped(cache_dir, items, swaps, groups_key, state.get("index"),
                                                       state.get("index_key"))
    # Phase 5: render what changed into a staging folder (everything, when there is no trusted
    # previous site); unchanged pages stay where they are.
    clear_stale(out)
    tmp = out.parent / f"{out.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    trees = _trees(state, out, _spare_dir(config, out)) if not (repaired and "*" in repaired) else {}
    previous = out if out in trees and (out / MARKER).is_file() else None
    spare = _spare_dir(config, out)
    if spare is not None and spare not in trees and spare.exists():
        remove_later(spare, config.path("cache") / "trash")   # a spare no state vouches for
    old_keys = trees[out] if previous else {}
    inputs = (__version__, code_digest(), fp, _config_key(config), now.date() if day_read[1] else None)
    # Preview only: a few changed briefs with the same templates, config and day are patched into
    # its folder (changed files staged, then moved in under the site lock).
    patch = (patch_in_place and previous is not None and state.get("inputs") == inputs
             and touched <= PATCH_LIMIT)
    dirty = None
    # A partial plan takes the sections no change touched as files of `out` with the state's keys,
    # without comparing them: only when `out` is the very tree the state's keys describe. A build
    # killed after saving its state and before its exchange left the older site at `out` (the state
    # vouches for it through the spare record's diff): then every page is planned and compared with
    # what `out` holds, else the older files stay under the new keys (a mix, and a wrong spare record
    # that poisons a later build: tests/reliability/test_kill_points.py).
    if (previous is not None and state.get("tree") == _tree_id(out) and state.get("inputs") == inputs
            and not state.get("collisions") and not repaired
            and isinstance(state.get("plan"), dict) and isinstance(state.get("index"), dict)):
        # the changes since the state's index: the swapped briefs alone when that index is the one
        # the swapped-from groups were made with
        changes = swapped if swapped is not None and state["index"] is last_index else _changes(state["index"], index)
        dirty = pages.dirty_sections(collections, changes)
    # What is loaded stays to the end of the build: forked render workers (whose collector runs) share
    # it without touching its memory pages. Unfrozen in _build.
    gc.freeze()
    try:
        shared = Shared(config, collections, folders, fp, now, tmp, previous, old_keys, patch=previous is not None,
                        dirty=dirty, old_plan=state.get("plan") if dirty is not None else None, reads_day=day_read[1])
        shared.stop = stop
        shared.keep_replays = patch_in_place
        if dirty is not None:
            shared.partial = pages.partial_sections(changes, dirty, _present(collections))
        if dirty is not None and isinstance(state.get("keys"), dict):
            shared.plan_sitemap_key = state["keys"].get("sitemap.xml")
            shared.plan_keys = state["keys"]
        codes = tree_codes(config)
        locale_trees = [tree_for(shared, code, prefix, reuse=patch_in_place) for code, prefix in codes]
        if patch_in_place:
            forget_trees_but(set(codes))
        tree_keys = [shared.global_key, *(tree.key for tree in locale_trees)]
        if state.get("tree_keys") != tree_keys:
            shared.dirty = None      # names, navigation or assets changed: every page may show them
        # A partial plan changes a few files, moved one by one into the spare or the live folder:
        # staged flat (writer.Writer.flat). A whole plan may change them all, and the staging folder
        # becomes the new tree (Writer.complete): laid out as the site from the start.
        shared.writer.flat = previous is not None and shared.dirty is not None
        render_errors = shared.render_all(locale_trees, pool)
        _check_stop(stop)      # the last chance: what follows publishes
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.debug("%.2f s: pages rendered", time.perf_counter() - started)
    all_errors = errors + brief_errors + render_errors
    _report(brief_errors + render_errors)  # ingest failures were already reported by make_briefs
    if shared.fatal:
        # A template error would break many pages: keep the previous site and say why.
        shutil.rmtree(tmp, ignore_errors=True)
        return BuildResult(all_errors, 0, state.get("pages", 0), out, time.perf_counter() - started)
    # Phase 6: publish the change at once. Three ways, all leaving `out` the old or the new site:
    # patch (the preview's folder, under its lock); bring the spare tree (the site before last,
    # kept from the previous build) up to date and exchange it with `out`, at a cost proportional
    # to the change; or complete the staging folder into a whole tree and exchange that.
    written = shared.writer.written
    new_keys = shared.keys
    # one pass, not two sets of every path (~190,000 at 100,000 briefs)
    removed = sorted([rel for rel in old_keys if rel not in new_keys])
    record = {"format": STATE_FORMAT, "manifest": manifest if not errors else None, "keys": shared.keys,
              "pages": shared.pages,
              # with the non-fatal render errors (links out, clashes): a no-change build repeats them
              "errors": brief_errors + render_errors,
              "inputs": inputs, "plan": shared.plan_record,
              "index": index, "index_key": groups_key,
              "tree_keys": tree_keys, "collisions": shared.collisions, "day_read": day_read}
    log.debug("planned %s sections", "all" if shared.dirty is None else len(shared.dirty))
    changed = sorted(set(written) | set(removed))
    if previous is not None and not changed:
        # New inputs, same output (a brief whose only change is in a broken part, say): keep both trees.
        # Unless the state's tree is not at `out` (a build killed after saving its state and before its
        # exchange; then `out` holds these keys and the other tree holds the killed build's, which the
        # state would now claim are these): `out` is recorded as the tree, and no spare is vouched for.
        same = state.get("tree") == _tree_id(out)
        record.update(tree=state.get("tree") if same else _tree_id(out), spare=state.get("spare") if same else None)
        _save_state_and_journal(state_file, record, out, defer_state)
    elif patch:
        with site_lock.writing():
            # the emptied staging folder is deleted in a thread (below), off the path to the browser
            apply_patch(tmp, out, written, removed, remove_staging=False, flat=shared.writer.flat)
        record["tree"] = _tree_id(out)
        # The preview's folder: the state is kept in memory and written once the preview is idle
        # (flush_state; a pickle of the whole state is a third of an edit's CPU at 10,000 briefs).
        # The journal stays until then: if this process dies first, the next build distrusts every
        # file the unsaved patches touched.
        _save_state_and_journal(state_file, record, out, defer_state)
    elif (spare is not None and spare in trees and not patch_in_place
          and len(changed) <= SPARE_SHARE * max(1, len(shared.keys))):
        # First: the spare is about to hold neither site; if killed, the next build distrusts it and
        # plans every page (a marker beside the state rather than a second copy of the whole state).
        _spare_busy(state_file).write_bytes(b"")
        killpoints.reached("spare-busy")
        # The two trees differ where the spare record says, and the new keys differ from the live tree's
        # only at the paths written or removed (what _spare_record relies on too): the spare is brought up
        # to date by looking at those paths alone. Not when a repaired patch took keys out of the state.
        diff = (state.get("spare") or {}).get("diff")
        near = {*written, *removed, *diff} if isinstance(diff, dict) and not repaired else None
        missing = _update_spare(spare, trees[spare], shared.keys, set(written), shared.writer.staged, out, near)
        killpoints.reached("spare-updated")
        _forget_missing(record, missing)
        record.update(tree=_tree_id(spare), spare=_spare_record(out, old_keys, shared.keys, changed))
        _save_state(state_file, record)
        killpoints.reached("spare-state-saved")
        with site_lock.writing():
            swap_in(spare, out)           # `spare` now holds the previous site: the next build's spare
        killpoints.reached("spare-swapped")
    else:
        if previous is not None:
            _forget_missing(record, shared.writer.complete(previous))
        (tmp / MARKER).write_text("built by briefgen; replaced on every build\n", encoding="utf-8")
        record["tree"] = _tree_id(tmp)
        # The tree now at `out` becomes the next build's spare; with no trusted tree there (a cold or
        # clean build) a copy of the new one made of hard links is laid out as the spare instead, so
        # the next build (a day's briefs) brings it up to date rather than laying out a whole tree.
        laid = previous is None and spare is not None and not patch_in_place
        if previous is not None and spare is not None and not patch_in_place:
            record["spare"] = _spare_record(out, old_keys, shared.keys, changed)
        elif laid:
            found = _lay_out_spare(tmp, spare, shared.keys, config.path("cache") / "trash")
            if found is not None:
                record["spare"] = found
            killpoints.reached("spare-laid")
        killpoints.reached("staged")
        _save_state(state_file, record)
        killpoints.reached("state-saved")
        with site_lock.writing():
            old = swap_in(tmp, out)
        killpoints.reached("swapped")
        if old is not None:
            _keep_as_spare(old, spare if "spare" in record and not laid else None, config.path("cache") / "trash")
        killpoints.reached("spare-kept")
        forget_journal(out)
    killpoints.reached("staging-left")
    if shared.writer.flat and tmp.exists():
        shutil.rmtree(tmp, ignore_errors=True)   # emptied by the moves (a folder, not a tree)
    elif len(written) >= 100 and tmp.exists():
        # the staging folder's empty folders (a day's briefs: ~500 of them, seconds of rmdir on a busy
        # disk): deleted like an old tree, without making the build wait
        remove_later(tmp, config.path("cache") / "trash")
    elif patch and tmp.exists():
        remove_in_thread(tmp)    # a patch's few dozen empty folders: ~0.1 s of rmdir on a busy disk
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    _GROUPS[cache_dir] = (collections, index)   # for the next build's swap (see _grouped)
    seconds = time.perf_counter() - started
    log.info("built %d pages (%d files written) in %.2f s", shared.pages, len(written), seconds)
    return BuildResult(all_errors, len(written), shared.pages, out, seconds, changed, bool(changed) or previous is None)


_GROUPS: dict[Path, tuple] = {}   # cache folder -> (Collections, state index) of this process's last build


def _record(it) -> tuple:
    return it.when, it.slug, it.url, it.regions, it.themes, it.countries


def _present(c) -> Callable[[tuple], bool] | None:
    """Is a record `(when, slug, url, regions, themes, countries)` that of a brief of these groups?
    None when two briefs share a URL (which one claims it is not for a partial plan to guess)."""
    if len(c.newer) != len(c.items):
        return None

    def present(record: tuple) -> bool:
        if record[2] not in c.newer:
            return False
        newer = c.newer[record[2]]
        it = c.older[newer.url] if newer is not None else c.items[0]
        return it is not None and _record(it) == record
    return present


def _grouped(cache_dir: Path, items: list, swaps: tuple | None, key: str = "", last_index: dict | None = None,
             index_key: str | None = None) -> tuple:
    """(collections, state index, the index it was made from or None, changed records or None).
    With `swaps` (content.LAST_SWAPS) and the last build's groups made from the items before them,
    those groups and index are updated in place; else everything is grouped, taking the groups kept in
    the cache (`_kept_groups`) for the items they were made from, and indexed again, unless `items` end
    with the very briefs of the state's index (`last_index`, made with code and config `index_key`):
    then only the newer ones are indexed, and they are the changes. `key`: what the items' groups and
    records depend on besides their files (code, config)."""
    from briefgen.site.collections import swap_items

    last = _GROUPS.pop(cache_dir, None)     # popped: a build that stops half way leaves nothing to trust
    _GROUPS.clear()
    if swaps is not None and last is not None and last[0].items is swaps[0] and swaps[1] is items:
        collections, before = last
        swap_items(collections, items, swaps[2])
        index = dict(before)
        found = []
        for old, new in swaps[2]:
            index[new.source] = (new.sig, _record(new))
            if new.sig != old.sig:
                found += [_record(new), _record(old)]
        return collections, index, before, found
    collections = _kept_groups(cache_dir, items, key)
    newer = len(items) - len(last_index) if isinstance(last_index, dict) else -1
    if newer >= 0 and index_key == key and _indexed(last_index, items[newer:]):
        # a day's briefs: the index of 100,000 briefs and its comparison with the last were ~0.3 s of CPU
        index = dict(last_index)
        found = []
        for it in items[:newer]:
            record = _record(it)
            index[it.source] = (it.sig, record)
            found.append(record)
        return collections, index, last_index, found
    # _record inline: 10,000 calls
    index = {it.source: (it.sig, (it.when, it.slug, it.url, it.regions, it.themes, it.countries)) for it in items}
    return collections, index, None, None


def _indexed(index: dict, items: list) -> bool:
    """Whether `index` holds each of `items` (whose files are distinct) by its file with its signature,
    and nothing else: with as many entries as items, the same briefs from the same files. A pass of
    dict lookups, once a build (70 ms at 100,000 briefs; a digest of their signatures and paths, as long,
    was made twice)."""
    if len(index) != len(items):
        return False
    get = index.get
    for it in items:
        old = get(it.source)
        if old is None or old[0] != it.sig:
            return False
    return True


GROUPS_SHARE = 16   # items newer than the kept groups' up to 1/16 of theirs: the kept groups stay as they are


def _groups_file(cache_dir: Path) -> Path:
    return cache_dir / "groups.marshal"


def _kept_groups(cache_dir: Path, items: list, key: str):
    """group(items), from the groups a build kept in the cache when `items` end with the very items
    those were made from (same signatures in the same order, same code and config: the same dates and
    labels), which a day's new briefs leave as they were (collections.pack). The kept groups are
    written again when they were not used, or when the items grouped anew outgrow 1/GROUPS_SHARE of
    them: a whole write costs about what grouping everything does. A cache file checked by its digest
    and content: a stale, torn or damaged one is not used."""
    from briefgen.site import collections

    path = _groups_file(cache_dir)
    kept = _read_kept_groups(path, key)
    found = None
    if kept is not None and 0 < kept["count"] <= len(items):
        n = kept["count"]
        if "\0".join([it.sig for it in items[len(items) - n:]]) == kept["sigs"]:
            try:
                found = collections.unpack(kept["groups"], items, n)
            except (KeyError, IndexError, TypeError, ValueError):
                found = None
            if found is not None and (len(items) - n) * GROUPS_SHARE <= n:
                return found
    if found is None:
        found = collections.group(items)
    data = marshal.dumps({"key": key, "count": len(items), "sigs": "\0".join([it.sig for it in items]),
                          "groups": collections.pack(found)})
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(hashlib.blake2b(data, digest_size=16).digest() + data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
    return found


def _read_kept_groups(path: Path, key: str) -> dict | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if hashlib.blake2b(data[16:], digest_size=16).digest() != data[:16]:
        return None
    try:
        kept = marshal.loads(data[16:])
    except (EOFError, ValueError, TypeError):
        return None
    if (not isinstance(kept, dict) or kept.get("key") != key or not isinstance(kept.get("count"), int)
            or not isinstance(kept.get("sigs"), str) or not isinstance(kept.get("groups"), dict)):
        return None
    return kept


def _changes(before: dict, after: dict) -> list[tuple]:
    """Old and new records of every brief added, changed or removed since the last build of this
    output (the brief cache cannot say: the preview and `briefgen build` share it). An unchanged
    brief's entry in `after` becomes the very one of `before` (the same file gives the same record
    with the same inputs, which is what lets this compare signatures only): the state's delta then
    meets the same objects instead of comparing 10,000 records field by field."""
    found = []
    for path, new in after.items():
        old = before.get(path)
        if old is None or old[0] != new[0]:
            found.append(new[1])
            if old is not None:
                found.append(old[1])
        else:
            after[path] = old      # the same key: the dict is not resized while iterated
    found.extend(before[path][1] for path in before.keys() - after.keys())
    return found


# -- the spare tree ---------------------------------------------------------------------------
# `briefgen build` never patches `out` in place: a reader (or a killed build) would see a mix. It
# keeps the site before last as a spare tree in the cache instead; the next build brings the spare
# up to date (the files that differ between it and the new site: what changed in the last two
# builds) and exchanges it with `out` in one rename. The state records which tree holds which pages
# by the folders' identities (device, inode), which renames keep: whichever of the two a killed
# build left at `out`, the next build knows exactly what it holds.

def _tree_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _spare_dir(config: Config, out: Path) -> Path | None:
    """Where the spare tree of `out` lives: the cache, if it is on the same file system as `out`
    (a rename must be able to exchange them)."""
    cache = config.path("cache")
    try:
        if os.stat(cache).st_dev != os.stat(out.parent).st_dev:
            return None
    except OSError:
        return None
    return cache / f"spare-{hashlib.blake2b(str(out).encode(), digest_size=8).hexdigest()}"


def _spare_record(live: Path, live_keys: dict, new_keys: dict, changed: list[str]) -> dict:
    """The tree now at `live` (about to become the spare), as a difference from the new keys."""
    return {"id": _tree_id(live), "diff": {p: live_keys.get(p) for p in changed if live_keys.get(p) != new_keys.get(p)}}


def _trees(state: dict, out: Path, spare: Path | None) -> dict[Path, dict]:
    """The trees the state can vouch for, by their current place: {out: keys, spare: keys}."""
    keys, found = state.get("keys"), {}
    if not isinstance(keys, dict):
        return found
    other = state.get("spare") or {}
    ids = {state.get("tree"): ("keys", None), other.get("id"): ("spare", other.get("diff"))}
    for place in (out, spare):
        if place is None:
            continue
        tid = _tree_id(place)
        if tid is None or tid not in ids or not (place / MARKER).is_file():
            continue
        which, diff = ids[tid]
        if which == "keys":
            found[place] = keys
        elif isinstance(diff, dict):
            merged = dict(keys)
            for p, k in diff.items():
                if k is None:
                    merged.pop(p, None)
                else:
                    merged[p] = k
            found[place] = merged
    return found


def _update_spare(spare: Path, spare_keys: dict, keys: dict, written: set[str], staged: Callable[[str], str],
                  live: Path, near: set[str] | None = None) -> list[str]:
    """Make the spare tree hold exactly `keys`: rendered files moved in from where `staged` says, files it
    lacks linked from the live tree, files the site no longer has deleted. Returns paths missing from
    the live tree (deleted by hand): the next build renders them. `near`: every path where the spare's
    keys and `keys` may differ (the others are not looked at: a day's briefs at 100,000 change ~5,000 of
    ~190,000 paths, and the pass over all of them and their set difference was ~0.1 s of CPU)."""
    missing = []
    if near is None:
        pairs, gone = keys.items(), spare_keys.keys() - keys.keys()
    else:
        ordered = sorted(near)
        pairs = [(rel, keys[rel]) for rel in ordered if rel in keys]
        gone = [rel for rel in ordered if rel not in keys and rel in spare_keys]
    for rel, key in pairs:
        if rel in written:
            src = staged(rel)
        elif spare_keys.get(rel) != key:
            src = os.path.join(live, rel)
        else:
            continue
        target = os.path.join(spare, rel)
        # The target's folder is made only when a move or link says it is missing: a changed page's
        # folder is there already (made first, it cost a failed mkdir and a stat a file).
        try:
            if rel in written:
                into_place(os.replace, src, target)
            else:   # the spare is nobody's site yet: no need for an atomic replace
                try:
                    os.unlink(target)
                except FileNotFoundError:
                    pass
                into_place(os.link, src, target)
        except FileNotFoundError:
            missing.append(rel)
    for rel in gone:
        target = os.path.join(spare, rel)
        try:
            os.unlink(target)
            os.removedirs(os.path.dirname(target))   # empty folders only; stops at the first non-empty
        except OSError:
            pass
    return missing


def _forget_missing(record: dict, missing: list[str]) -> None:
    if missing:
        log.warning("%d files of the previous site were missing (deleted by hand?); the next build "
                    "renders them", len(missing))
        record["keys"] = {**record["keys"], **dict.fromkeys(missing, "")}
        record["manifest"] = record["plan"] = None   # the next build plans every page


def _lay_out_spare(tree: Path, spare: Path, keys: dict, trash: Path) -> dict | None:
    """A spare tree of hard links to `tree`'s files (every path of `keys`, and the marker), laid out
    in place of any spare there; its state record (a difference from `keys`: the paths it lacks), or
    None if the file system cannot link. No file is shared in a way a later build could change: a
    build replaces or unlinks a spare's files, never writes into them. Killed before the state is
    saved, the new spare is one no state vouches for: the next build deletes it."""
    if spare.exists():
        remove_later(spare, trash)
    made, diff = set(), {}
    try:
        os.mkdir(spare)
        for rel in (*keys, MARKER):
            folder = os.path.dirname(rel)
            if folder not in made:
                os.makedirs(os.path.join(spare, folder), exist_ok=True)
                made.add(folder)
            try:
                os.link(os.path.join(tree, rel), os.path.join(spare, rel))
            except FileNotFoundError:
                diff[rel] = None
    except OSError as exc:
        log.debug("no spare tree laid out (%s): the next build makes a whole tree", exc)
        remove_later(spare, trash)
        return None
    diff.pop(MARKER, None)
    return {"id": _tree_id(spare), "diff": diff}


def _keep_as_spare(old: Path, spare: Path | None, trash: Path) -> None:
    """After a whole new tree was swapped in: the previous site becomes the spare (or is deleted)."""
    if spare is not None:
        if spare.exists():
            remove_later(spare, trash)
        killpoints.reached("spare-renaming")
        try:
            os.rename(old, spare)
            return
        except OSError:
            pass
    remove_later(old, trash)


def _report(problems: list[BriefgenError]) -> None:
    """One line per problem, naming the file and line (README: reported and skipped)."""
    for problem in problems:
        log.error("%s", problem)


def _clear_cache(cache_dir: Path) -> None:
    """Forget what the site stage cached; other users of the folder (the preview's output, the
    lock held right now) stay."""
    for name in ("briefs.pickle", "briefs.journal", "bodies", "html", "words", "search", "fragments", "theme-options",
                 "catalogs", "groups.marshal"):
        path = cache_dir / name
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    from briefgen.site import search

    search.forget_memos()
    for state in [*cache_dir.glob("site-*.pickle"), *cache_dir.glob("site-*.delta"),
                  *cache_dir.glob("site-*.spare-busy")]:
        state.unlink(missing_ok=True)


def _check_output(config: Config, out: Path) -> None:
    """Refuse outputs a swap would destroy: the project itself, a folder above it, or a folder
    that is not empty and was not built by briefgen."""
    root = config.root.resolve()
    if out == root or out in root.parents or out == Path(out.anchor):
        raise BuildError(f"refusing to build into {out}: it holds the project", hint="choose --out site")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise BuildError(f"refusing to replace {out}: it exists and was not built by briefgen",
                         hint="remove it or choose another --out")


def _ingest(config: Config) -> list[BriefgenError]:
    """Run ingest -> classify -> brief on content/raw/ (issue 2); its failures are build errors."""
    try:
        from briefgen.pipeline import make_briefs
    except ImportError:
        log.debug("no ingest pipeline yet: building the briefs as they are")
        return []
    report = make_briefs(None, config)
    found: list[BriefgenError] = []
    for failure in getattr(report, "failed", None) or []:
        if isinstance(failure, BriefgenError):
            found.append(failure)
        elif isinstance(failure, tuple) and failure:
            found.append(BuildError(str(failure[-1]), failure[0]))
        else:
            found.append(BuildError(str(failure)))
    return found


def _day_read(folders: list[Path]) -> bool:
    """Whether a template reads the build day (templates.uses_build_day; imports Jinja: only when the
    templates changed since the last build, or there is none)."""
    fp = templates.fingerprint(folders, [], by_content=True)
    return templates.uses_build_day(tuple(folders), fp)


def _config_key(config: Config) -> str:
    config = inputs.output_config(config)   # not [site] jobs: it changes no byte of the site
    return repr((config.title, config.description, config.base_url, config.locale, config.locales,
                 config.timezone, config.paths, config.site, config.classify.region_names))


# state file -> (its files' stat signature, the state they hold (or, deferred: this process's newer one),
#                base id, base file size, delta file size or -1: see _save_state)
_STATE_MEMO: dict[Path, tuple] = {}
# state file -> (output, cache folder, the patch journal as this process left it): a state newer in
# memory than on disk (the preview's; see flush_state)
_PENDING: dict[Path, tuple[Path, Path, tuple | None]] = {}


def _save_state_and_journal(state_file: Path, record: dict, out: Path, defer: bool) -> None:
    """Save the state, then forget the patch journal (the state no longer trusts what it touched);
    `defer` (the preview): keep the state in memory only, until `flush_state`."""
    if defer:
        _save_state(state_file, record, defer=True)
        _PENDING[state_file] = (out, state_file.parent, _file_sig(journal_path(out)))
        return
    _save_state(state_file, record)
    forget_journal(out)


def flush_state(wait: float | None = None) -> bool:
    """Write the states this process kept in memory (the preview calls it when idle and when it
    stops), each under its build's locks, and forget their patch journals. `wait`: give up after
    that many seconds if a build of this process holds the lock, at once if another process's does
    (the journal keeps the folder safe meanwhile). True if all were written."""
    done = True
    for state_file, (out, cache_dir, journal) in list(_PENDING.items()):
        lock = _lock_for(out)
        if not (lock.acquire() if wait is None else lock.acquire(timeout=wait) if wait > 0 else lock.acquire(False)):
            done = False
            continue
        try:
            with _cache_lock(cache_dir, blocking=wait is None) as held:
                if not held:
                    done = False
                    continue
                if _PENDING.pop(state_file, None) is None:
                    continue
                memo = _STATE_MEMO.get(state_file)
                if memo is None or memo[0] != _state_sig(state_file) or journal != _file_sig(journal_path(out)):
                    continue     # changed meanwhile (build --clean, a patch cut short): the journal stays for a repair
                _save_state(state_file, memo[1])
                forget_journal(out)
        finally:
            lock.release()
    return done


def _file_sig(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _state_sig(path: Path) -> tuple:
    """What identifies the state on disk: its base file and its delta file."""
    return _file_sig(path), _file_sig(_delta_path(path))


def _delta_path(state_file: Path) -> Path:
    return state_file.with_suffix(".delta")


def _load_state(path: Path, head_only: bool = False) -> dict:
    """The last build's state, or {} if missing, unreadable or written by another format (an old
    state after a code change once crashed a build with `too many values to unpack`). The state this
    process saved is reused while the files are unchanged (the preview builds again and again).
    `head_only`: just the STATE_HEAD keys (the base file's first, small pickle, and the deltas): all
    a no-change build needs."""
    memo = _STATE_MEMO.get(path)
    if memo is not None and memo[0] == _state_sig(path):
        return memo[1] if head_only else _distrust_busy_spare(path, memo[1])
    try:
        sig = _state_sig(path)
        with path.open("rb") as fh:
            head = pickle.load(fh)
            if not isinstance(head, dict) or head.get("format") not in STATE_READS:
                return {}
            head["format"] = STATE_FORMAT
            base = head.pop("base", None)
            if head_only:
                return _replay_deltas(path, base, head, head_only=True)[0]
            body = pickle.load(fh)
            base_size = fh.tell()
        if not isinstance(body, dict):
            return {}
        state, delta_size = _replay_deltas(path, base, {**body, **head})
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
            IndexError, KeyError):
        return {}
    _STATE_MEMO.clear()   # one entry: a long preview session must not hold old states
    _STATE_MEMO[path] = (sig, state, base, base_size, delta_size)
    return _distrust_busy_spare(path, state)


# -- the state's deltas -------------------------------------------------------------------------
# A build that changed a few pages changes a few of the state's ~30,000 keys, plan sections and index
# entries (at 10,000 briefs); pickling the whole state again was a tenth of an edit's CPU. Such a
# build appends what changed to `site-….delta` instead (one framed record: length, crc32, pickle),
# tagged with the id of the base file it applies to; once the deltas outgrow 1/DELTA_SHARE of the
# base, the next save writes the whole state again (a new base id; the old deltas no longer apply).
# A record cut short (a killed build) ends the replay there, as if that save had never happened: the
# site still is the one the records before it describe (every save precedes its swap), and the next
# save writes the whole state.
DELTA_SHARE = 8
_FRAME = struct.Struct("<II")      # a delta record's length and crc32
_ABSENT = object()


def _replay_deltas(path: Path, base: str | None, state: dict, head_only: bool = False) -> tuple[dict, int]:
    """`state` (the base file's) with the deltas of base `base` applied; and the delta file's
    length, or -1 when it holds anything else (another base's records, a torn one): not to be
    appended to."""
    try:
        data = _delta_path(path).read_bytes()
    except FileNotFoundError:
        return state, 0
    pos = 0
    while base is not None and pos + _FRAME.size <= len(data):
        length, crc = _FRAME.unpack_from(data, pos)
        chunk = data[pos + _FRAME.size:pos + _FRAME.size + length]
        if len(chunk) != length or zlib.crc32(chunk) != crc:
            break
        try:
            record = pickle.loads(chunk)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            break
        if not (isinstance(record, tuple) and len(record) == 4 and record[0] == base):
            break
        _, fields, dicts, plan = record
        if head_only:
            state.update((k, v) for k, v in fields.items() if k in STATE_HEAD)
        else:
            state.update(fields)
            for name, (changed, removed) in dicts.items():
                target = state[name]
                for key in removed:
                    del target[key]
                target.update(changed)
            for prefix, (changed, removed) in plan.items():
                target = state["plan"][prefix]
                for key in removed:
                    del target[key]
                for key, entries in changed.items():
                    if isinstance(entries, tuple):      # (position, entry) pairs of a list of the same length
                        patched = list(target[key])
                        for at, entry in entries:
                            patched[at] = entry
                        entries = patched
                    target[key] = entries
        pos += _FRAME.size + length
    return state, pos if pos == len(data) else -1


def _list_delta(old: list | None, new: list) -> list | tuple:
    """A plan section's new entries, or the (position, entry) pairs that differ from the old ones when
    there are as many (a listing of 80 pages of which one changed)."""
    if not isinstance(old, list) or len(old) != len(new):
        return new
    return tuple((at, entry) for at, (entry, was) in enumerate(zip(new, old)) if entry != was)


def _state_delta(old: dict, new: dict) -> tuple[dict, dict, dict] | None:
    """(fields, {name: (changed, removed)} for "keys" and "index", {tree prefix: (changed sections,
    removed sections)} of "plan") that make `old` into `new`; None when only a whole save will do."""
    if old.keys() != new.keys():
        return None
    fields, dicts, plan = {}, {}, {}
    for name, value in new.items():
        was = old[name]
        if was is value:
            continue
        if name in ("keys", "index") and isinstance(was, dict) and isinstance(value, dict):
            changed = {k: v for k, v in value.items() if was.get(k, _ABSENT) != v}
            removed = [k for k in was if k not in value] if len(was) + len(changed) != len(value) else []
            if changed or removed:
                dicts[name] = (changed, removed)
        elif (name == "plan" and isinstance(was, dict) and isinstance(value, dict) and was.keys() == value.keys()
              and all(isinstance(v, dict) for v in (*was.values(), *value.values()))):
            for prefix, sections in value.items():
                before = was[prefix]
                changed = {k: _list_delta(before.get(k), v) for k, v in sections.items()
                           if before.get(k, _ABSENT) is not v and before.get(k, _ABSENT) != v}
                removed = [k for k in before if k not in sections] if len(before) + len(changed) != len(sections) else []
                if changed or removed:
                    plan[prefix] = (changed, removed)
        elif was != value:
            fields[name] = value
    return fields, dicts, plan


def _distrust_busy_spare(path: Path, state: dict) -> dict:
    """A build was killed while it updated the spare tree: the spare holds neither site, and this
    build plans every page (the live tree and its keys are as the state says)."""
    if _spare_busy(path).exists():
        return {**state, "manifest": None, "plan": None, "index": None, "spare": None}
    return state


def _spare_busy(state_file: Path) -> Path:
    """Present while a build updates the spare tree: the state then cannot vouch for the spare."""
    return state_file.with_suffix(".spare-busy")


def _save_state(path: Path, state: dict, defer: bool = False) -> None:
    if defer:   # kept as this process's memo of the files as they are now (see _load_state); no delta
        _STATE_MEMO.clear()      # may be appended to them: they do not hold this state
        _STATE_MEMO[path] = (_state_sig(path), state, None, 0, -1)
        return
    _PENDING.pop(path, None)
    memo = _STATE_MEMO.get(path)
    if (memo is not None and memo[2] is not None and 0 <= memo[4] * DELTA_SHARE <= memo[3]
            and memo[0] == _state_sig(path)):
        delta = _state_delta(memo[1], state)
        if delta is not None:
            record = pickle.dumps((memo[2], *delta), protocol=pickle.HIGHEST_PROTOCOL)
            with _delta_path(path).open("ab") as fh:
                fh.write(_FRAME.pack(len(record), zlib.crc32(record)) + record)
            killpoints.reached("delta-written")
            _spare_busy(path).unlink(missing_ok=True)   # the state just saved says what the spare holds
            _STATE_MEMO.clear()
            _STATE_MEMO[path] = (_state_sig(path), state, memo[2], memo[3], memo[4] + _FRAME.size + len(record))
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    base = secrets.token_hex(8)
    with tmp.open("wb") as fh:
        head = {k: state[k] for k in STATE_HEAD if k in state}
        pickle.dump({**head, "base": base}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump({k: v for k, v in state.items() if k not in STATE_HEAD}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        size = fh.tell()
    os.replace(tmp, path)
    killpoints.reached("base-written")
    _delta_path(path).unlink(missing_ok=True)   # another base's: would be ignored, but not appended to
    _spare_busy(path).unlink(missing_ok=True)   # the state just saved says what the spare holds
    _STATE_MEMO.clear()   # one entry: a long preview session must not hold old states
    _STATE_MEMO[path] = (_state_sig(path), state, base, size, 0)
