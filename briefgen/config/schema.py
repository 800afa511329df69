"""Every key of briefgen.toml, declared once: type, default and a docstring-like `doc`.

Sections are frozen dataclasses; `load.py` walks them to validate a file, so adding a key here is
all it takes (unknown keys are errors, as in MkDocs' config and Zola's deny_unknown_fields).
Paths are relative to the project root (the folder holding briefgen.toml).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def opt(default, doc: str, choices: tuple | None = None, minimum: float | None = None):
    """A documented option; mutable defaults are copied per instance."""
    meta = {"doc": doc, "choices": choices, "minimum": minimum}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Paths:
    raw: str = opt("content/raw", "Folder of raw articles (page dumps .txt, pages .html/.htm, briefs .md).")
    briefs: str = opt("content/briefs", "Folder of briefs, one Markdown file per article (YYYY/MM/<slug>.md).")
    templates: str = opt("templates", "The project's own templates; each overrides the default theme's.")
    static: str = opt("static", "The project's own static files, copied to the site (override theme assets).")
    locales: str = opt("locales", "The project's own gettext catalogs (<lang>/LC_MESSAGES/messages.po).")
    output: str = opt("site", "Where `briefgen build` writes the site (replaced atomically).")
    cache: str = opt(".briefgen-cache", "Build cache (content-keyed); safe to delete.")


@dataclass(frozen=True)
class SiteOptions:
    per_page: int = opt(20, "Briefs per page on region, theme and archive listings.", minimum=1)
    home_latest: int = opt(12, "Briefs in the home page's 'latest' list (front = \"latest\").", minimum=1)
    feed_entries: int = opt(50, "Entries per Atom feed.", minimum=1)
    full_text: bool = opt(True, "Brief pages show the full cleaned text; false shows only lead, key points "
                                "and the source link (public sites may not republish agency copy).")
    minify: bool = opt(False, "Minify HTML and CSS in production builds (publish).")
    gzip: bool = opt(False, "Write precompressed .gz copies in production builds (publish).")
    jobs: int = opt(0, "Worker processes for large full builds (0: one per core).", minimum=0)
    now: str = opt("", "Pin 'now' (the build day; the default theme's relative dates are the reader's browser's, "
                       "a project's templates may use `reldate`) as an ISO 8601 date-time, for byte-reproducible "
                       "builds; empty: $SOURCE_DATE_EPOCH if set, else the build's clock.")
    search_words: int = opt(400, "Distinct body words per brief in the search index (0: titles, leads and "
                                 "key points only).", minimum=0)
    front: str = opt("edition", "Home page: \"edition\" (today's edition: a dated masthead, each brief once, "
                                "grouped) or \"latest\" (the latest briefs and a section per region, for sites "
                                "that do not publish daily).", choices=("edition", "latest"))
    front_group: str = opt("region", "Group the edition's briefs by their first region or their first theme.",
                           choices=("region", "theme"))
    map_days: int = opt(7, "The archives page's world map counts the briefs of the last N days (0: no map there).",
                        minimum=0)
    images: str = opt("link", "Brief images: \"link\" shows the publisher's URL (no referrer sent); \"download\" "
                              "keeps a resized copy in the site at build time (cached), so the site does not "
                              "hotlink.", choices=("link", "download"))
    image_max_kb: int = opt(5000, "Images larger than this (KB) are not downloaded.", minimum=1)
    hash_assets: bool = opt(True, "Put a content hash in asset names (style.3f2a9c1d.css) so browsers may cache "
                                  "them forever; the preview turns it off, so a stylesheet edit rewrites one file.")


@dataclass(frozen=True)
class IngestOptions:
    max_file_mb: int = opt(10, "Raw files larger than this (MB) are refused unread: a news page is far smaller.",
                           minimum=1)
    merge_copies: bool = opt(True, "The same article saved twice (.html and .txt, or two copies) makes one brief "
                                   "listing every file in source.files; false: one brief per raw file.")
    ignore: list = opt([], "Raw files set aside: glob patterns relative to the raw folder (\"drafts/*\", "
                           "\"*.broken.txt\"); matching files are neither ingested nor reported as failures.")


@dataclass(frozen=True)
class ClassifyOptions:
    country_threshold: float = opt(0.0, "Minimum salience score for a country to be kept (0: built-in, 1.2: "
                                        "about two mentions in the body or one in the headline).", minimum=0)
    theme_threshold: float = opt(0.0, "Minimum score for a theme to be kept (0: built-in, 3.0: one strong "
                                      "word of its lexicon).", minimum=0)
    max_themes: int = opt(3, "At most this many themes per brief.", minimum=1)
    key_points: int = opt(3, "Key points extracted per brief (2 to 4 reads best).", minimum=0)
    region_mode: str = opt("complement", "How [classify.regions] combine with UN M.49 sub-regions.",
                           choices=("complement", "replace"))
    regions: dict = opt({}, "The site's own regions: slug = [country codes], e.g. dach = [\"DE\", \"AT\", \"CH\"].")
    region_names: dict = opt({}, "Display names of the site's own regions: slug = {fr = \"…\", de = \"…\"}.")
    themes: dict = opt({}, "Theme changes: id = {label = {fr = …}, terms = {fr = [\"…\"]}, drop = true, "
                           "rename = \"new-id\"}.")


@dataclass(frozen=True)
class ServeOptions:
    host: str = opt("127.0.0.1", "Address the preview server listens on (only this machine by default).")
    port: int = opt(8000, "Port of the preview server (the next free one is taken if busy).", minimum=0)


@dataclass(frozen=True)
class PublishOptions:
    to: str = opt("", "Default destination: a git remote URL (git+file://, git+ssh://, git@host:org/repo.git, "
                      "https://) or a folder (a path or file://); see README \"Publishing\".")
    branch: str = opt("gh-pages", "Branch that receives the site when publishing to git (Codeberg: pages).")
    cname: str = opt("", "Custom domain written to CNAME (GitHub/Codeberg Pages); empty: no CNAME file.")


@dataclass(frozen=True)
class Config:
    title: str = opt("Briefing", "Site title.")
    description: str = opt("", "One line under the title and in feeds.")
    base_url: str = opt("http://127.0.0.1:8000/", "Public URL of the site, sub-path allowed "
                                                  "(https://example.org/briefs/).")
    locale: str = opt("en", "Site locale for UI strings and dates (fr_CH, de_CH, it_CH, en, any babel locale).")
    locales: list = opt([], "More UI languages to build, each in its own tree (/fr/, /de/).")
    timezone: str = opt("Europe/Zurich", "Time zone for dates without one and for daily editions.")
    strict: bool = opt(False, "Turn warnings into failures, for CI: a raw file that cannot be ingested fails "
                              "`build` and `publish`, and so does a page that shows no publication date "
                              "(else dated by its file) and publishing with base_url on localhost "
                              "(same as --strict).")
    paths: Paths = field(default_factory=Paths, metadata={"doc": "Folders (relative to the project)."})
    site: SiteOptions = field(default_factory=SiteOptions, metadata={"doc": "Site rendering."})
    ingest: IngestOptions = field(default_factory=IngestOptions, metadata={"doc": "Raw article ingest."})
    classify: ClassifyOptions = field(default_factory=ClassifyOptions, metadata={"doc": "Classifier."})
    serve: ServeOptions = field(default_factory=ServeOptions, metadata={"doc": "Preview server."})
    publish: PublishOptions = field(default_factory=PublishOptions, metadata={"doc": "Deployment."})
    root: Path = field(default=Path("."), metadata={"internal": True})  # project folder, set by load
    source: Path | None = field(default=None, metadata={"internal": True})  # briefgen.toml, if any

    def path(self, name: str) -> Path:
        """Absolute path of one of [paths] (raw, briefs, templates, static, locales, output, cache)."""
        return (self.root / getattr(self.paths, name)).resolve()
