"""Render the planned pages of every locale tree, reusing files whose key did not change.

`Shared` holds what every tree uses (briefs, assets, the writer); a `Tree` is one UI language: the
site's locale at the root, each of `locales` under /<lang>/, with hreflang links between them.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from babel import UnknownLocaleError
from jinja2 import TemplateError, TemplateNotFound, TemplateRuntimeError, TemplateSyntaxError
from markupsafe import Markup

from briefgen.errors import BriefgenError, BuildError
from briefgen.site import feeds, fragments, images, pages, search, sitemap, templates, worldmap
from briefgen.site.i18n import Dates, Names, html_lang, load_translations, parse_locale, ui_lang
from briefgen.site.inputs import output_config
from briefgen.site.text import safe_url
from briefgen.site.workers import Pool
from briefgen.site.writer import Writer

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.site.collections import Collections
    from briefgen.site.pages import Page

log = logging.getLogger(__name__)

PARALLEL_PAGES = 400   # below this many pages to render, starting workers costs more than it saves
# Render workers are started only when the pages left to render are measured to cost at least this
# much CPU (seconds; spawned workers, which import and unpickle everything: three times as much).
# Two workers cost ~0.3 s of CPU more than one process (starting, planning the pages again, first
# renders of what is not kept yet): below a few seconds of work they cost more CPU than they save time.
PARALLEL_CPU = 2.0
FRAGMENTS_FROM = 100   # pages and feeds to render from which the kept texts are read (see render_all)
PROBE_CPU = 0.2        # CPU seconds of pages rendered here first, to measure what the rest will cost
WARM_UP = 16           # pages rendered before the measure starts (templates loaded and compiled)
_KEYS: dict[tuple, str] = {}   # page key parts -> digest, from this process's last build (see page_key)


def tree_codes(config: Config) -> list[tuple[str, str]]:
    """(locale, path prefix): the site's locale at the root, each extra UI language under /<lang>/."""
    trees = [(config.locale, "")]
    seen = {ui_lang(config.locale)}
    for code in config.locales:
        lang = ui_lang(code)
        if lang not in seen:
            seen.add(lang)
            trees.append((code, f"{lang}/"))
    return trees


class Shared:
    def __init__(self, config: Config, collections: Collections, folders: list[Path], fingerprint: str,
                 now: datetime, tmp: Path, previous: Path | None, old_keys: dict[str, str],
                 patch: bool = False, dirty: set[tuple] | None = None, old_plan: dict | None = None,
                 reads_day: bool | None = None) -> None:
        self.config = config
        templates.keep_compiled_templates(config.path("cache") / "jinja")
        # Partial planning: only the sections in `dirty` are planned; the others are taken as they
        # were from `old_plan` (the last build's {tree prefix: {section: [(output, key, sitemap entry,
        # owner, is a page)]}}). None: plan everything.
        self.dirty = dirty
        self.old_plan = old_plan or {}
        # Sections of `dirty` planned in part (pages.partial_sections: a brief's text edited): only
        # their pages that list one of these URLs; the others as the last plan had them.
        self.partial: dict[tuple, set[str]] = {}
        # A spawned render worker has no last plan: it takes each tree's partial sections as the
        # parent planned them ({tree prefix: sections}), so its page lists are the parent's.
        self.partial_of: dict[str, dict] | None = None
        self.plan_record: dict[str, dict[tuple, list]] = {}
        self.collisions = False
        self.c = collections
        self.folders = folders
        self.now = now
        self.writer = Writer(tmp, patch=patch)
        self.previous = previous
        self.old_keys = old_keys
        self.keys: dict[str, str] = {}
        self.pages = 0
        self.base_url = config.base_url
        self.base_path = urlsplit(config.base_url).path or "/"
        self.trees = tree_codes(config)
        self.assets = self._assets()
        # The day of the build, if a template reads it (templates.uses_build_day; `reads_day`: the
        # build's answer); else None, so a build on another day keys (and renders) only what changed.
        if reads_day is None:
            reads_day = templates.uses_build_day(tuple(folders), fingerprint)
        self.reads_day = reads_day
        self.day = now.date() if reads_day else None
        self.global_key = pages.digest(fingerprint, repr(output_config(config)), self.day, self.assets,
                                       list(collections.by_region), list(collections.by_theme))
        self.fingerprint = fingerprint
        self.errors: list[BriefgenError] = []
        self._seen_errors: set[str] = set()
        self.fatal = False
        self.stop = None          # a threading.Event: set, the pages rendered here stop (build.BuildStopped)
        # The preview (builds again and again in one process): keep each tree's plan sums for the next
        # build's replay (Tree._replay).
        self.keep_replays = False
        # The sitemap key of the build that made `old_plan` (build.py sets it): a partial plan whose
        # sitemap entries are that build's keeps it.
        self.plan_sitemap_key: str | None = None
        # ... and all the keys that build planned (its state's, not those of whichever tree is live:
        # a build killed before its swap left the older site there): see plan_search.
        self.plan_keys: dict[str, str] | None = None
        self.new_keys: dict[tuple, str] = {}
        # Kept copies of brief images (read from the cache; build.py downloaded them already).
        self.images = (images.ImageStore(config.path("cache"), config.site.image_max_kb)
                       if config.site.images == "download" else None)
        for err in self.refused_links:   # a link out of the project: that file is left out, the rest builds
            self.add_error(err, fatal=False)

    # -- assets -------------------------------------------------------------------------------
    def _assets(self) -> dict[str, str]:
        """Asset name -> hashed site path; the files are written by `write_assets`."""
        self.refused_links: list[BuildError] = []
        found = templates.static_files(self.folders, self.config.path("static"),
                                       templates.allowed_roots(self.config), self.refused_links)
        self._asset_files = {}
        names = {}
        hash_names = self.config.site.hash_assets
        for name, path in found.items():
            data = path.read_bytes()
            # Unhashed names (the preview): pages do not change when an asset does, so a stylesheet
            # edit rewrites that one file.
            hashed = "static/" + (templates.hashed_name(name, data) if hash_names else name)
            names[name] = hashed
            self._asset_files[hashed] = data
        return names

    def write_assets(self) -> None:
        for hashed, data in sorted(self._asset_files.items()):
            key = pages.digest("asset", hashed, hashlib.blake2b(data, digest_size=16).hexdigest())
            self.emit(hashed, key, lambda data=data: data)

    @functools.cached_property
    def map_base(self) -> str:
        """Site path of the map's shared background (all countries), named by its content."""
        data = worldmap.base_svg().encode("utf-8")
        name = templates.hashed_name("world-map.svg", data) if self.config.site.hash_assets else "world-map.svg"
        return "static/" + name

    def write_map_base(self) -> None:
        self.emit(self.map_base, pages.digest("map-base", self.map_base), lambda: worldmap.base_svg().encode("utf-8"))

    def write_images(self) -> None:
        """The kept brief images that some brief still shows (images = "download")."""
        if self.images is None:
            return
        shown = {found[0] for it in self.c.items for kind in images.SIZES
                 if (found := self.images.get(it.brief, kind))}
        for path, file in sorted(self.images.files().items()):
            if path in shown and file.is_file():
                self.emit(path, pages.digest("image", path), file.read_bytes)

    # -- output -------------------------------------------------------------------------------
    def plan(self, output: str, key: str, owner: str = "") -> bool:
        """Claim `output`; True if it must be rendered, False if the last build's file was linked."""
        self.writer.claim(output, owner or output)
        self.keys[output] = key
        if self.previous is not None and self.old_keys.get(output) == key:
            return not self.writer.link(output, self.previous)
        return True

    def emit(self, output: str, key: str, produce) -> None:
        if self.plan(output, key):
            self.writer.put(output, produce())

    def add_error(self, err: BriefgenError, fatal: bool = True) -> None:
        """Record a problem once. Fatal ones (templates) keep the previous site in place; a slug
        collision only loses the second page, like a broken brief."""
        self.fatal = self.fatal or fatal
        if str(err) not in self._seen_errors:
            self._seen_errors.add(str(err))
            self.errors.append(err)

    def render_all(self, trees: list[Tree], pool: Pool | None = None) -> list[BriefgenError]:
        todo = [task for ti, tree in enumerate(trees) for task in tree.plan_pages(ti)]
        # Feeds (the main tree's; full text, ~130 at 10,000 briefs) are rendered with the pages, on
        # the workers: task (FEED, i) is the main tree's i-th feed.
        todo += [(FEED, fi) for fi in trees[0].plan_feeds()]
        # Search shards too (one per month, ~1 s of CPU at 10,000 briefs that the parent spent alone
        # after the pages): task (SEARCH, i) is the i-th month's shard.
        todo += [(SEARCH, si) for si in self.plan_search()]
        # Kept texts (fragments): read for a build of many pages, where they spare most card and feed
        # entry renders; a few pages (an edit: ~15) render their cards faster than ~50 MB of kept texts
        # at 10,000 briefs are read, and neither read nor write them.
        use = len(todo) >= FRAGMENTS_FROM
        for tree in trees:
            tree.fragments.active = use
        if use:   # the folders of this build's keys stay; those of other keys and of trees the site lost go
            fragments.forget_others([tree.fragments.folder for tree in trees if tree.fragments.folder is not None])
        _KEYS.clear()             # only the last build's keys: memory stays flat in a long preview
        _KEYS.update(self.new_keys)
        self.new_keys = {}
        rest = self._render_here(trees, todo, pool)
        for tree in trees:
            tree.fragments.flush()
        if rest:
            if pool.forks():      # forked workers start from the kept texts opened here
                for tree in trees:
                    tree.fragments.refresh()
            self._render_in_workers(rest, pool, trees)
        if any(tree.fragments.active for tree in trees):     # (a fold needs them; an edit keeps none)
            live = {it.sig for it in self.c.items}
            for tree in trees:
                tree.fragments.fold(live)
        self.write_assets()
        self.write_images()
        self.write_map_base()
        # sorted: a partial plan meets the pages in another order than a full one; same bytes either way
        global _SITEMAP
        place = (self.base_url, tuple(tree.prefix for tree in trees))
        memo, _SITEMAP = _SITEMAP, None
        urls: list | None = None
        if (self.keep_replays and memo is not None and memo[0] == place
                and all(tree.sitemap_same for tree in trees)):
            key, urls = memo[1], memo[2]      # the preview: entries taken away = entries planned again
        elif (not self.keep_replays and self.dirty is not None and self.plan_sitemap_key
              and all(tree.sitemap_same for tree in trees)):
            # briefgen build, the same: the key of the build whose plan this one replayed, made from
            # those very entries (sorting and digesting ~15,000 entries: ~20 ms of an edit at 10,000)
            key = self.plan_sitemap_key
        else:
            urls = sorted(u for tree in trees for u in tree.sitemap_urls)
            key = pages.digest("sitemap", urls)
        if self.keep_replays:
            _SITEMAP = (place, key, urls)
        self.emit("sitemap.xml", key,
                  lambda: sitemap.sitemap(urls if urls is not None else sorted(u for t in trees for u in t.sitemap_urls)))
        self.emit("robots.txt", pages.digest("robots", self.base_url),
                  lambda: sitemap.robots(self.base_url + "sitemap.xml"))
        return self.errors

    def _render_here(self, trees: list[Tree], todo: list[tuple[int, int]], pool: Pool | None) -> list:
        """Render tasks in this process; return those left for the workers (or []). With workers to
        hand and enough tasks, the first PROBE_CPU seconds of them (every 16th task first, so each kind
        of page is met) measure what the rest would cost here: the rest goes to the workers if that is
        at least PARALLEL_CPU (a day's briefs whose cards are kept stay here; a cold build does not)."""
        import time

        probe = pool is not None and pool.jobs > 1 and len(todo) >= PARALLEL_PAGES
        limit = PARALLEL_CPU * (1 if pool is None or pool.forks() else 3)
        if probe and limit <= 0:
            return todo
        if probe:
            todo = [task for i in range(16) for task in todo[i::16]]
            for tree in trees:      # read before timing: a one-off cost, as are the first pages below
                tree.fragments.refresh()
        start, first = time.process_time(), WARM_UP
        for done, (ti, pi) in enumerate(todo):
            if self.stop is not None and self.stop.is_set():
                from briefgen.site.build import BuildStopped

                raise BuildStopped
            if probe and done == first:
                start = time.process_time()   # the templates are loaded and compiled now
            elif probe and done > first and (spent := time.process_time() - start) >= PROBE_CPU:
                probe = False
                left = len(todo) - done
                if left >= PARALLEL_PAGES / 4 and spent / (done - first) * left >= limit:
                    log.debug("%d pages rendered in %.2f s of CPU; %d left for the workers", done, spent, left)
                    return todo[done:]
                log.debug("%d pages rendered in %.2f s of CPU; the %d left stay here", done, spent, left)
            render_task(trees, ti, pi)
        return []

    def plan_search(self) -> list[int]:
        """Claim the search index and its shards; return the shards to render (`write_search_shard`)."""
        versions, todo = {}, []
        # A partial plan (the same inputs as the last build): a month none of whose briefs changed
        # (its section is not dirty) has the same briefs, so its shard's key is the one the last plan
        # gave it; no digest of every month's signatures for one edit.
        dirty, old = ((self.dirty, self.plan_keys) if self.dirty is not None and self.plan_keys is not None
                      else ((), {}))
        # the month listings' groups are the shards (newest month first): no pass over every brief
        for si, ((year, mon), items) in enumerate(self.c.by_month.items()):
            month = f"{year:04d}-{mon:02d}"
            output = f"search/{month}.json"
            key = old.get(output) if ("month", (year, mon)) not in dirty else None
            if not key:
                key = pages.digest("search", self.config.site.search_words, [it.sig for it in items])
            versions[month] = key
            if self.plan(output, key):
                todo.append(si)
        self.emit("search.json", pages.digest("search-index", versions), lambda: search.manifest(versions))
        return todo

    @functools.cached_property
    def _months(self) -> list[tuple]:
        return list(self.c.by_month.items())

    def write_search_shard(self, si: int) -> None:
        (year, mon), items = self._months[si]
        memo = stamp = None
        if self.dirty is not None:   # an incremental build: unchanged briefs keep their documents
            from briefgen.site.content import RENDER_VERSION

            memo = str(self.config.path("cache") / "search" / f"{year:04d}-{mon:02d}.pickle")
            stamp = (RENDER_VERSION, self.config.site.search_words)
        self.writer.put(f"search/{year:04d}-{mon:02d}.json",
                        search.shard(items, memo, stamp, write=not self.keep_replays))

    def _render_in_workers(self, todo: list[tuple[int, int]], pool: Pool, trees: list[Tree]) -> None:
        """Each worker rebuilds the same page plan from the same items and renders its share."""
        # Interleaved chunks (every n-th task: brief pages, listings and feeds in each), several per
        # worker, handed out as workers finish: the two cores stay busy to the end.
        n = pool.jobs * 4
        chunks = [chunk for chunk in (todo[i::n] for i in range(n)) if chunk]
        global _FORK_SOURCE
        pool.close()   # workers forked from here on share the loaded briefs (copy-on-write)
        log.debug("rendering %d pages in %d %s workers", len(todo), pool.jobs, "forked" if pool.forks() else "spawned")
        if pool.forks():
            # Forked workers render with this process's Shared and trees, planned already: their page
            # lists (~190,000 pages at 100,000 briefs), Jinja environments and compiled templates, and
            # the kept texts opened here. Planning again in each worker cost its CPU, and its own copy
            # of the plan was most of a worker's memory. Frozen first: what planning made here is
            # left alone by the workers' collectors, so its memory pages stay shared.
            _FORK_SOURCE = (str(self.writer.root), self, trees)
            gc.freeze()
            try:
                results = pool.map(render_forked, chunks)
            finally:
                _FORK_SOURCE = None
        else:
            results = pool.map(render_chunk, [(self.config, self.c.items, self.folders, self.fingerprint, self.now,
                                               str(self.writer.root), chunk, self.dirty, self.reads_day,
                                               self.writer.flat, {tree.prefix: tree._partial for tree in trees})
                                              for chunk in chunks])
        for written, errors in results:
            self.writer.written.extend(written)
            self.fatal = self.fatal or bool(errors)
            for message, path, line, hint in errors:
                self.add_error(BuildError(message, path, line, hint))

    @staticmethod
    def template_error(exc: Exception, page: Page) -> BuildError:
        if isinstance(exc, TemplateSyntaxError):
            return BuildError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno)
        if isinstance(exc, TemplateNotFound):
            return BuildError(f"template not found: {exc.name}", None, hint=f"needed by {page.template}")
        return BuildError(f"cannot render with {page.template}: {exc}")


def render_chunk(task: tuple) -> tuple[list[str], list[tuple]]:
    """Worker: render the pages (tree index, page index) of one chunk straight into the build folder."""
    from briefgen.site.collections import group

    config, items, folders, fingerprint, now, tmp, chunk, dirty, *rest = task
    reads_day = rest[0] if rest else None     # None: the worker reads the templates itself

    def make() -> Shared:
        shared = Shared(config, group(items), folders, fingerprint, now, Path(tmp), None, {}, dirty=dirty,
                        reads_day=reads_day)
        shared.writer.flat = len(rest) > 1 and rest[1]    # staged as the parent's writer stages
        shared.partial_of = rest[2] if len(rest) > 2 else None
        return shared
    return _render_in_worker(tmp, chunk, make)


FEED = -1     # a render task's tree index that means "the main tree's feed number pi"
SEARCH = -2   # ... "search shard number pi" (Shared.plan_search)


def render_task(trees: list[Tree], ti: int, pi: int) -> None:
    if ti == FEED:
        trees[0].render_feed_to_file(pi)
    elif ti == SEARCH:
        trees[0].s.write_search_shard(pi)
    else:
        trees[ti].render_to_file(pi)


_WORKER_TREES: dict[str, tuple] = {}   # build folder -> (Shared, trees) in a worker process
_FORK_SOURCE: tuple | None = None       # what forked render workers render from (set while they run)


def render_forked(chunk: list[tuple[int, int]]) -> tuple[list[str], list[tuple]]:
    """Forked worker: like render_chunk, with the parent's Shared and trees (planned, loaded) rather
    than a pickled copy of the briefs planned again."""
    tmp, shared, trees = _FORK_SOURCE
    return _render_in_worker(tmp, chunk, lambda: (shared, trees))


def _render_in_worker(tmp: str, chunk, make_shared) -> tuple[list[str], list[tuple]]:
    # A worker gets several chunks of one build (same folder, same inputs): it keeps the trees of
    # the first, so their card cache and Jinja environments serve the next ones too.
    memo = _WORKER_TREES.get(tmp)
    if memo is None:
        made = make_shared()
        memo = made if isinstance(made, tuple) else (made, [Tree(made, code, prefix)
                                                             for code, prefix in tree_codes(made.config)])
        _WORKER_TREES.clear()   # only the current build's: a pool lives for one build
        _WORKER_TREES[tmp] = memo
    else:
        for tree in memo[1]:      # what the other workers kept since this one last looked
            tree.fragments.refresh()
    shared, trees = memo
    written, errors = len(shared.writer.written), len(shared.errors)
    for ti, pi in chunk:
        render_task(trees, ti, pi)
    for tree in trees:
        tree.fragments.flush()
    return shared.writer.written[written:], [(e.message, e.path, e.line, e.hint) for e in shared.errors[errors:]]


_TREES: dict[tuple[str, str], Tree] = {}   # (locale, prefix) -> the last preview build's tree (see tree_for)
# tree prefix -> the last preview build's plan of that tree and its sums (see Tree._replay)
_REPLAYS: dict[str, tuple] = {}
# the last preview build's (base URL and tree prefixes, sitemap key, sorted sitemap entries): the next
# build's when every tree replayed by sums and planned again exactly the entries it took away
_SITEMAP: tuple | None = None


def tree_for(shared: Shared, code: str, prefix: str, reuse: bool = False) -> Tree:
    """The tree of one UI language for this build. `reuse` (the preview, which builds again and again
    in one process): the last build's tree when its key is this build's (same templates, locales,
    config, day, assets, region and theme names), with its Jinja environment, rendered cards and
    `{% once %}` texts: those depend only on their keys and the tree's globals, which that key covers
    (not with downloaded images, whose files may change between builds)."""
    old = _TREES.pop((code, prefix), None) if reuse else None
    if old is not None and shared.images is None and old.key == old.key_for(shared):
        old.rebind(shared)
        tree = old
    else:
        tree = Tree(shared, code, prefix)
    if reuse:
        _TREES[(code, prefix)] = tree
    return tree


def forget_trees_but(keep: set[tuple[str, str]]) -> None:
    """Let go of the preview's trees of UI languages this build no longer has (the config dropped
    them), so a long preview session holds only the current site's."""
    for key in [key for key in _TREES if key not in keep]:
        del _TREES[key]


class Tree:
    """One UI language of the site."""

    def __init__(self, shared: Shared, code: str, prefix: str) -> None:
        self.s = shared
        self.code = code
        self.prefix = prefix
        cfg = shared.config
        try:
            self.locale = parse_locale(code)
        except (UnknownLocaleError, ValueError) as exc:
            raise BuildError(f"locale: {code!r}: {exc}") from None
        self.translations = load_translations([cfg.path("locales"), *[f / "locales" for f in shared.folders]],
                                              code, cfg.path("cache"))
        self.env = templates.make_env(shared.folders, templates.allowed_roots(cfg))
        templates.install_translations(self.env, self.translations)
        self.dates = Dates(code, shared.now.tzinfo, shared.now.date(), self.translations.gettext)
        self.names = Names(code, cfg)
        self.key = self.key_for(shared)
        self.rebind(shared)
        # A brief's card is the same on every listing of this tree (home, regions, themes, months,
        # editions: ~9 per brief): rendered once, joined as Markup afterwards. Keyed by what the card
        # shows; the tree's globals (locale, build day, URLs, names) are fixed for its lifetime.
        # Kept between builds too (fragments.Fragments: the cache's fragments/ folder of this tree's key).
        self.fragments = fragments.Fragments(functools.partial(self._fragments_folder, shared))
        self.env.once_store = self.fragments
        self._country_names: dict = {}   # babel's territory lookup is slow; a map asks for ~150 names
        self._card_macro = None
        self._globals()

    def _fragments_folder(self, shared: Shared) -> Path | None:
        """Where this tree's rendered cards and `{% once %}` texts are kept between builds: a folder
        named by the tree's key and the code and libraries that render (fragments module doc); None
        with downloaded images, whose files may change while the key stays."""
        if shared.images is not None:
            return None
        key = pages.digest(self.key, fragments.code_key())
        return fragments.folder_for(shared.config.path("cache"), self.prefix, key)

    def key_for(self, shared: Shared) -> str:
        # Region and theme names come from the classifier's data, not from templates: a changed
        # label must re-render the pages that show it.
        return pages.digest(shared.global_key, self.code, self.prefix, [self.names.region(r) for r in shared.c.by_region],
                            [self.names.theme(t) for t in shared.c.by_theme])

    def rebind(self, shared: Shared) -> None:
        """Serve the build of `shared` (whose key is this tree's): its pages, feeds and sitemap."""
        self.s = shared
        self.sitemap_urls: list[tuple[str, str | None]] = []
        self.sitemap_same = False     # replayed by sums, and planned again the sitemap entries it took away
        self._sitemap_taken: list | None = None
        self._pages: list[Page] | None = None
        self._partial: dict[tuple, set[str]] = {}
        self._redirects_kept: dict[tuple, set[str]] = {}   # see plan_pages
        self._feeds: list[Page] | None = None
        self._raw_templates: dict[str, bool] = {}   # feed template -> may it take kept bytes (_raw_ok)

    def _globals(self) -> None:
        s, cfg = self.s, self.s.config
        env = self.env
        env.globals.update(
            site={"title": cfg.title, "description": cfg.description, "base_url": s.base_url,
                  "locale": self.code, "lang": html_lang(self.code), "full_text": cfg.site.full_text,
                  "images": cfg.site.images,
                  "timezone": cfg.timezone},
            theme=templates.theme_options(s.folders, cfg.path("cache")), url=self.url, abs_url=self.abs_url, asset=self.asset,
            region_name=self.names.region, theme_name=self.names.theme, country_name=self.country_name,
            nav_regions=list(s.c.by_region), nav_themes=list(s.c.by_theme), alternates=self.alternates,
            language_links=self.language_links, card=self.card, image_file=self.image_file,
            world_map=self.world_map, map_legend=lambda counts: worldmap.legend(max(counts.values(), default=0)),
            base_path=s.base_path, tree_prefix=self.prefix, build_day=s.now.date(), month_name=self.dates.month)
        env.filters.update(date=self.dates.date, datetime=self.dates.datetime, clock=self.dates.clock, reldate=self.dates.relative,
                           isodate=self.dates.iso, month_name=self.dates.month, safe_url=safe_url,
                           html=Markup)

    def card(self, it, heading: str = "h3", primary: str | None = None) -> Markup:
        """`brief_card` of macros.html (a project's override included), rendered once per brief,
        heading, group (`primary`: the region it is listed under, left out of its chips) and tree.
        Its output depends only on the brief's fields, its URL and the tree."""
        key = ("card", it.sig, it.url, tuple(it.regions), tuple(it.countries), heading, primary)
        kept = self.fragments.get(key)
        if kept is not None:
            return Markup(kept.decode("utf-8", "surrogatepass"))
        if self._card_macro is None:
            macro = getattr(self.env.get_template("macros.html").module, "brief_card", None)
            if macro is None:
                raise TemplateRuntimeError("macros.html does not define brief_card (used by card())")
            self._card_macro = macro
        # The card's own `{% once %}` parts (its chips) are not kept between builds: the card is.
        self.env.once_keep = False
        try:
            found = Markup(self._card_macro(it, heading, primary))
        finally:
            self.env.once_keep = True
        # Kept as UTF-8: a card with a dash or a curly quote is two bytes a character as a str, and a
        # render worker keeps the cards of most briefs (~400 MB a worker at 100,000 briefs as str).
        self.fragments.put(key, str(found).encode("utf-8", "surrogatepass"))
        return found

    # -- URL helpers for templates --------------------------------------------------------------
    def url(self, path: str = "", tree: bool = True) -> str:
        """Root-relative URL of a site path, under base_url's sub-path and this tree's prefix."""
        return self.s.base_path + (self.prefix if tree else "") + path

    def abs_url(self, path: str = "", tree: bool = True) -> str:
        return self.s.base_url + (self.prefix if tree else "") + path

    def asset(self, name: str) -> str:
        hashed = self.s.assets.get(name)
        if hashed is None:
            raise BuildError(f"asset not found: {name} (looked in templates/static/ and static/)")
        return self.s.base_path + hashed

    def image_file(self, it, kind: str = "full"):
        """The site's own copy of a brief's image ({url, width, height}), or None: hotlinked."""
        images = getattr(self.s, "images", None)
        found = images.get(it.brief, kind) if images is not None else None
        if found is None:
            return None
        return {"url": self.s.base_path + found[0], "width": found[1], "height": found[2]}

    def world_map(self, counts: dict[str, int], title: str, map_id: str = "map") -> Markup:
        """The SVG map of `counts` (briefs by country code), names and counts in this tree's language."""
        def label(name: str, n: int) -> str:
            return f"{name}: " + self.translations.ngettext("%(num)s brief", "%(num)s briefs", n) % {"num": n}

        return worldmap.render(counts, self.country_name, lambda code: self.url(f"countries/{code.lower()}/"),
                               label, title, map_id, self.s.base_path + self.s.map_base)

    def country_name(self, code: str) -> str:
        found = self._country_names.get(code)
        if found is None:
            found = self._country_names[code] = self.locale.territories.get(str(code).upper(), str(code))
        return found

    def alternates(self, path: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) of this page in every tree, for <link rel=alternate>."""
        if len(self.s.trees) < 2:
            return []
        return [(html_lang(code), self.s.base_url + prefix + path) for code, prefix in self.s.trees]

    def language_links(self, path: str) -> list[tuple[str, str, str, bool]]:
        """(hreflang, language name in that language, root-relative URL, is this tree) per tree."""
        if len(self.s.trees) < 2:
            return []
        links = []
        for code, prefix in self.s.trees:
            loc = parse_locale(code)
            name = (loc.get_display_name(loc) or code).split(" (")[0]
            links.append((html_lang(code), name[:1].upper() + name[1:], self.s.base_path + prefix + path,
                          prefix == self.prefix))
        return links

    # -- rendering ------------------------------------------------------------------------------
    def page_list(self) -> list[Page]:
        if self._pages is None:
            cfg = self.s.config.site
            dirty = self.s.dirty
            want = None if dirty is None else dirty.__contains__
            old = self.s.old_plan.get(self.prefix, {})
            # planned in part only where the last plan has the section's other pages
            if self.s.partial_of is not None:
                self._partial = self.s.partial_of.get(self.prefix, {})
            else:
                self._partial = {} if dirty is None else {sec: urls for sec, urls in self.s.partial.items()
                                                          if sec in dirty and sec in old}
            self._pages = list(pages.all_pages(self.s.c, cfg.per_page, cfg.home_latest, cfg.front, cfg.front_group,
                                               cfg.map_days, want, dirty, self._partial))
        return self._pages

    def plan_pages(self, index: int) -> list[tuple[int, int]]:
        """Claim every page of this tree, link the unchanged ones; return the ones to render."""
        todo = []
        record = self.s.plan_record.setdefault(self.prefix, {})
        kept = self._replay(record) if self.s.dirty is not None else ({}, {}, {}, 0)
        planned = set()
        self._redirects_kept = {}
        redirects_before: dict[tuple, set[str]] = {}
        for pi, page in enumerate(self.page_list()):
            output = self.prefix + page.output
            if page.template == "redirect.html" and isinstance(self._partial.get(page.section), pages.Added):
                # Briefs added to a listing: its redirect pages are the last plan's (a redirect's key is
                # its listing's URL), taken as they were by _complete_section; only one the listing did
                # not have is planned (~3,400 of the ~4,000 pages a day's 100 briefs planned at 10,000)
                before = redirects_before.get(page.section)
                if before is None:
                    before = redirects_before[page.section] = {
                        e[0] for e in self.s.old_plan[self.prefix][page.section] if e[2] is None}
                if output in before and output not in self.s.writer.owners:
                    self._redirects_kept.setdefault(page.section, set()).add(output)
                    continue
            try:
                must = self.s.plan(output, self.page_key(page), page.owner)
            except BuildError as exc:
                self.s.collisions = True
                if not self.prefix:   # every tree has the same pages: report a clash once
                    self.s.add_error(exc, fatal=False)
                continue
            if must:
                todo.append((index, pi))
            is_page = output.endswith(".html")
            self.s.pages += is_page
            entry = None
            if page.template not in ("404.html", "search.html", "redirect.html"):
                entry = (self.abs_url(page.url), self._lastmod(page))
                self.sitemap_urls.append(entry)
            record.setdefault(page.section, []).append((output, self.s.keys[output], entry, page.owner, is_page))
            planned.add(page.section)
        for section in self._partial:
            self._complete_section(record, section)
            planned.add(section)
        if self.s.keep_replays:
            _REPLAYS.pop(self.prefix, None)
            if kept is not None:
                self._remember_plan(record, planned, kept)
        elif self._sitemap_taken is not None:
            # a partial plan (briefgen build): the sitemap entries it planned again are the ones it
            # took away from the last plan (a title or body edit), so the sitemap is the last one
            added = [e[2] for sec in planned for e in record[sec] if e[2] is not None]
            self.sitemap_same = sorted(self._sitemap_taken) == sorted(added)
        return todo

    def _complete_section(self, record: dict, section: tuple) -> None:
        """A section planned in part: its other pages taken as the last plan has them (files, keys,
        sitemap entries), in the order a whole plan of it would give them."""
        s = self.s
        now = record.get(section, [])
        planned = {e[0]: e for e in now}
        if isinstance(self._partial[section], pages.Added):
            # Briefs added: planned are the latest page, the newest archive pages and the redirects
            # (pages._listing's order); the older archive pages go between them, newest first as
            # the last plan has them (a redirect page has no sitemap entry).
            # The redirects plan_pages left to the last plan (page/2/ … as before) go before any it
            # planned (page/N/ past them, a listing whose briefs dated before the URL change grew past
            # a page), as a whole plan orders them.
            old = s.old_plan[self.prefix][section]
            taken = [self._take(e) for e in old if e[0] not in planned and e[2] is not None]
            same = self._redirects_kept.get(section)
            if same:
                taken += [self._take(e) for e in old if e[0] in same]
            at = next((i for i, e in enumerate(now) if e[2] is None), len(now))
            record[section] = [*now[:at], *taken, *now[at:]]
            return
        entries = []
        for e in s.old_plan[self.prefix][section]:
            found = planned.pop(e[0], None)
            entries.append(found if found is not None else self._take(e))
        entries.extend(planned.values())    # none: the section's pages are the last plan's
        record[section] = entries

    def _take(self, e: tuple) -> tuple:
        """A page of the last plan, as it was: its file reused, its key and sitemap entry kept."""
        s = self.s
        output, key, entry, owner, is_page = e
        s.writer.owners[output] = owner or output
        s.writer.reused.append(output)
        s.keys[output] = key
        if entry is not None:
            self.sitemap_urls.append(entry)
        s.pages += is_page
        return e

    def _replay(self, record: dict) -> tuple | None:
        """Take the sections nobody changed as the last build planned them: same files, keys,
        sitemap entries (a partial plan; see Shared.dirty). Returns the sums of what it took (files'
        owners and keys, sitemap entries, pages) when the preview keeps them, else None.

        The preview's next build starts from the sums its last build kept of the very plan it
        replays (_REPLAYS): it takes away the sections to plan again and adds the rest in a few
        whole-dict steps, instead of going through the ~19,000 entries of 10,000 briefs (a quarter
        of an edit's CPU)."""
        s, writer = self.s, self.s.writer
        sections = s.old_plan.get(self.prefix, {})
        memo = _REPLAYS.pop(self.prefix, None)
        if memo is not None and memo[0] is sections and memo[1] == len(sections):
            _, _, redo, owners, keys, sitemap, pages = memo   # popped: changed in place, kept again after
            excluded = [sec for sec in (*redo, *s.dirty) if sec in sections]
            record.update(sections)
            taken = self._sitemap_taken = []
            for sec in dict.fromkeys(excluded):
                del record[sec]
                for output, _, entry, _, is_page in sections[sec]:
                    del owners[output], keys[output]
                    if entry is not None:
                        del sitemap[entry]
                        taken.append(entry)
                    pages -= is_page
            writer.owners.update(owners)
            writer.reused.extend(owners)
            s.keys.update(keys)
            s.pages += pages
            self.sitemap_urls.extend(sitemap)
            return owners, keys, sitemap, pages
        kept, taken = [], []
        for section, entries in self.s.old_plan.get(self.prefix, {}).items():
            if section[0] == "global" or section in s.dirty:     # planned again (or gone)
                taken.extend([e[2] for e in entries if e[2] is not None])
                continue
            record[section] = entries
            kept.extend(entries)
        self._sitemap_taken = taken
        # whole-list operations: ~19,000 entries at 10,000 briefs, one statement each was most of a
        # preview edit's planning
        writer.owners.update({e[0]: e[3] or e[0] for e in kept})
        writer.reused.extend([e[0] for e in kept])
        s.keys.update({e[0]: e[1] for e in kept})
        s.pages += sum([e[4] for e in kept])
        self.sitemap_urls.extend([e[2] for e in kept if e[2] is not None])
        if not s.keep_replays:
            return None
        sitemap = dict.fromkeys([e[2] for e in kept if e[2] is not None])
        if len(sitemap) != len(self.sitemap_urls):
            return None           # an entry twice: sums by dict would lose it
        return ({e[0]: e[3] or e[0] for e in kept}, {e[0]: e[1] for e in kept}, sitemap, sum([e[4] for e in kept]))

    def _remember_plan(self, record: dict, planned: set, kept: tuple) -> None:
        """Keep this build's plan of the tree and its sums for the next build's replay: the sums of
        the sections replayed (`kept`, this build's own copies) plus those of the sections planned."""
        owners, keys, sitemap, pages = kept
        added = []
        for sec in planned:
            for output, key, entry, owner, is_page in record[sec]:
                owners[output] = owner or output
                keys[output] = key
                if entry is not None:
                    if entry in sitemap:
                        return        # an entry twice: sums by dict would lose it
                    sitemap[entry] = None
                    added.append(entry)
                pages += is_page
        taken = self._sitemap_taken
        self.sitemap_same = taken is not None and len(taken) == len(added) and set(taken) == set(added)
        redo = [sec for sec in planned if sec[0] == "global"]   # planned again by every build
        _REPLAYS[self.prefix] = (record, len(record), redo, owners, keys, sitemap, pages)

    def page_key(self, page: Page) -> str:
        # Hashing the parts as a tuple costs a microsecond; repr + blake2b fifteen. The preview plans
        # 15,000 pages per edit at 10,000 briefs, almost all with the parts of its last build.
        parts = (self.key, page.output, page.template, page.key)
        try:
            key = _KEYS.get(parts)
        except TypeError:          # something unhashable in a key: no memo for it
            return pages.digest(*parts)
        if key is None:
            key = pages.digest(*parts)
        self.s.new_keys[parts] = key
        return key

    def _lastmod(self, page: Page) -> str | None:
        if page.template == "brief.html":
            b = page.context()["brief"]
            return (b.updated or b.date).date().isoformat()
        return None

    def render_to_file(self, pi: int) -> None:
        self._put(self.page_list()[pi])

    def feed_list(self) -> list[Page]:
        if self._feeds is None:
            cfg = self.s.config.site
            self._feeds = list(feeds.feed_pages(self.s.c, cfg.feed_entries, cfg.full_text))
        return self._feeds

    def plan_feeds(self) -> list[int]:
        """Claim every feed; return the ones to render (the others are linked from the last build)."""
        todo = []
        for fi, page in enumerate(self.feed_list()):
            try:
                if self.s.plan(self.prefix + page.output, self.page_key(page)):
                    todo.append(fi)
            except BuildError as exc:
                self.s.add_error(exc)
        return todo

    def render_feed_to_file(self, fi: int) -> None:
        self._put(self.feed_list()[fi])

    def _put(self, page: Page) -> None:
        try:
            self.s.writer.put(self.prefix + page.output, self.render(page))
        except TemplateError as exc:
            self.s.add_error(self.s.template_error(exc, page))
        except BuildError as exc:
            self.s.add_error(exc)

    def render(self, page: Page) -> str | bytes:
        ctx = page.context()
        # A page variable named like a global hides it in every template of the page: a `theme`
        # (theme id) once hid the `theme` options, and theme pages lost their search box.
        hidden = ctx.keys() & self.env.globals.keys()
        if hidden:
            raise BuildError(f"page {page.output}: context hides template globals {sorted(hidden)}")
        ctx.update(page_url=page.url, page_template=page.template)
        template = self.env.get_template(page.template)
        if not page.output.endswith(".xml"):
            return template.render(ctx)
        # kept entries clean for XML: their bytes as they are (not in a recursive loop, whose
        # output a template may capture and change)
        raw = self.env.once_raw = [page.template] if self._raw_ok(page.template) else None
        try:
            text = template.render(ctx)
        finally:
            self.env.once_raw = None
        found = feeds.assemble(text, raw[1:]) if raw and len(raw) > 1 else None
        if found is None and raw and len(raw) > 1:
            text = template.render(ctx)  # a PLACE of the feed's own: every entry as text
        return found if found is not None else feeds.xml_bytes(text)

    def _raw_ok(self, name: str) -> bool:
        found = self._raw_templates.get(name)
        if found is None:
            try:
                found = "recursive" not in self.env.loader.get_source(self.env, name)[0]
            except TemplateError:
                found = False
            self._raw_templates[name] = found
        return found
