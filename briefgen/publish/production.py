"""The production build: `briefgen.site.build.build()` into a temporary folder, then the files a host
needs that a preview does not.

What the site build already guarantees (and a preview shares): absolute URLs from base_url in feeds,
sitemap and canonical links; content-hashed asset names; no live-reload script (the preview server
injects it only while serving). What is added here:

- `_headers` (Netlify, Cloudflare Pages and compatible hosts): a year-long immutable cache for
  content-hashed assets, a short revalidated cache for everything else (HTML, feeds, images);
- `[site] minify`: HTML and CSS minified (minify-html, rcssmin);
- `[site] gzip`: a `.gz` copy beside each text file, for servers that send precompressed files
  (nginx `gzip_static on`), written with mtime 0 so the same site always gives the same bytes;
- `.nojekyll` (GitHub Pages would otherwise drop files starting with `_`) and `CNAME` (`[publish] cname`).

Every step is deterministic: the same briefs give the same bytes, which is what lets a second publish
with no change make no commit and touch no file.
"""
from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import PublishError
from briefgen.publish.linkcheck import find_broken_links

if TYPE_CHECKING:
    from briefgen.config.schema import Config

log = logging.getLogger(__name__)

# "style.3f2a9c1b.css", "app-5d41402abc4b2a76.js": a name part of 8+ hex digits with at least one letter
# (a run of digits alone is more likely a date than a hash). HTML is never content-hashed.
HASHED_NAME = re.compile(r"[.\-_](?=[0-9]*[a-f])[0-9a-f]{8,64}\.[A-Za-z0-9]+$")
NEVER_HASHED = {".html", ".htm", ".xml", ".txt", ".json"}
# Compressible text types; images and fonts (woff2) are compressed already.
GZIP_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest",
                 ".map", ".atom", ".rss", ".ico"}
GZIP_MIN_BYTES = 256  # below this the .gz copy saves nothing worth a second file
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=300, must-revalidate"
HOST_FILES = {"_headers", ".nojekyll", "CNAME"}


@dataclass(frozen=True)
class ProductionBuild:
    """What a production build produced, and why it must not be published (if it must not)."""

    out: Path
    errors: tuple[str, ...] = ()
    broken_links: tuple[tuple[str, str], ...] = ()
    added: tuple[str, ...] = field(default=())  # host files this step wrote
    warnings: tuple[str, ...] = ()  # raw files that could not be ingested (the rest was built)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.broken_links

    def problems(self) -> list[str]:
        """One line per reason to refuse publishing."""
        lines = [f"build error: {e}" for e in self.errors]
        lines += [f"broken link: {page} -> {href}" for page, href in self.broken_links]
        return lines


def is_hashed_asset(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return Path(name).suffix.lower() not in NEVER_HASHED and bool(HASHED_NAME.search(name))


def _site_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# --- _headers ---------------------------------------------------------------------------------------

def _rule(path: str, cache: str) -> str:
    return f"{path}\n  Cache-Control: {cache}\n  X-Content-Type-Options: nosniff\n"


def _header_rules(files: list[str], prefix: str = "") -> list[str]:
    """Rules that never overlap: hosts merge the values of overlapping rules ("max-age=300, max-age=…"),
    so a folder whose files all share one policy gets one `/folder/*` rule, and a mixed folder gets a
    rule per file plus its subfolders in turn."""
    here = [f for f in files if "/" not in f]
    subdirs = sorted({f.split("/", 1)[0] for f in files if "/" in f})
    rules = []
    for name in here:
        rules.append(_rule(f"/{prefix}{name}", LONG_CACHE if is_hashed_asset(name) else SHORT_CACHE))
        if name == "index.html":
            rules.append(_rule(f"/{prefix}", SHORT_CACHE))
    for sub in subdirs:
        inner = [f.split("/", 1)[1] for f in files if f.startswith(sub + "/")]
        kinds = {is_hashed_asset(f) for f in inner}
        if len(kinds) == 1:
            rules.append(_rule(f"/{prefix}{sub}/*", LONG_CACHE if kinds == {True} else SHORT_CACHE))
        else:
            rules.extend(_header_rules(inner, f"{prefix}{sub}/"))
    return rules


def headers_text(files: list[str]) -> str:
    """The `_headers` file for a site holding `files` (paths relative to the site root).

    Paths are relative to the published folder's root, which is how Netlify and Cloudflare Pages
    read them; `.gz` copies and host files are left out (servers answer them under the original URL).
    """
    listed = [f for f in files if not f.endswith(".gz") and f not in HOST_FILES]
    head = "# Written by briefgen publish: long cache for content-hashed assets, short for the rest.\n"
    return head + "\n".join(_header_rules(listed))


# --- minify and gzip ----------------------------------------------------------------------------------

def minify_file(path: Path) -> bool:
    """Minify one HTML or CSS file in place; True when it got smaller."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".css"):
        return False
    text = path.read_text(encoding="utf-8")
    if suffix in (".html", ".htm"):
        import minify_html

        # Closing tags and <html>/<head> kept: some crawlers and feed readers are strict; JS left as is
        # (a preview-free build has little of it and a JS minifier is the likeliest to break code).
        small = minify_html.minify(text, keep_closing_tags=True, keep_html_and_head_opening_tags=True,
                                   minify_css=True, minify_js=False, keep_comments=False)
    elif suffix == ".css":
        import rcssmin

        small = rcssmin.cssmin(text)
    if len(small) >= len(text):
        return False
    _replace(path, small.encode("utf-8"))
    return True


def _replace(path: Path, data: bytes) -> None:
    """Write a new file over `path` (never into its inode: it may be hard-linked to the build cache)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def gzip_file(path: Path) -> bool:
    """Write `<file>.gz` beside a text file when it is worth it; mtime 0 keeps the bytes stable."""
    if path.suffix.lower() not in GZIP_SUFFIXES:
        return False
    data = path.read_bytes()
    if len(data) < GZIP_MIN_BYTES:
        return False
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    if len(packed) >= len(data):
        return False
    path.with_name(path.name + ".gz").write_bytes(packed)
    return True


# --- the whole post-processing step -----------------------------------------------------------------

def _cname_line(cname: str) -> bytes:
    """`news.example.org\n`; a name with spaces or a scheme is a config mistake, said as such."""
    name = cname.strip().rstrip(".")
    if not re.fullmatch(r"[^\s/:@]+(\.[^\s/:@]+)+", name):
        raise PublishError(f"[publish] cname: {cname!r} is not a domain name (e.g. news.example.org)")
    try:
        return name.encode("idna") + b"\n"
    except UnicodeError:
        raise PublishError(f"[publish] cname: {cname!r} is not a valid domain name") from None


def finish_site(site: Path, *, minify: bool, gz: bool, cname: str = "") -> list[str]:
    """Add host files (and optional minified/precompressed copies) to a built site; the files written."""
    written: list[str] = []
    files = _site_files(site)
    if minify:
        written += [f for f in files if minify_file(site / f)]
    if not (site / ".nojekyll").is_file():
        _replace(site / ".nojekyll", b"")
        written.append(".nojekyll")
    if cname.strip():
        _replace(site / "CNAME", _cname_line(cname))
        written.append("CNAME")
    if (site / "_headers").is_file():
        log.info("the site has its own _headers (from static/): kept, none generated")
    else:
        _replace(site / "_headers", headers_text(files).encode("utf-8"))
        written.append("_headers")
    if gz:
        written += [f + ".gz" for f in files if gzip_file(site / f)]
    return written


def _link_tree(src: Path, dst: Path) -> None:
    """A copy of the build that costs no space: hard links, or plain copies across file systems."""
    def link(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)

    shutil.copytree(src, dst, copy_function=link)


def production_build(config: Config, out: Path, ingest: bool = True) -> ProductionBuild:
    """Build the site for production, finish a copy of it in `out` (must not exist), check its links.

    The build itself goes to a fixed folder in the project's cache, so the next publish re-renders
    only what changed (the site build hard-links unchanged pages); `out` takes hard links to it and
    every post-processing step writes new files, never into a linked one.
    """
    from briefgen.site.build import MARKER, build

    stage = config.path("cache") / "publish" / "site"
    stage.parent.mkdir(parents=True, exist_ok=True)
    result = build(config, out=stage, ingest=ingest)
    errors = tuple(str(e) for e in (getattr(result, "errors", None) or ()))
    warnings = tuple(str(e) for e in (getattr(result, "warnings", None) or ()))
    if errors or not stage.is_dir():
        # A failed build may have kept the previous one in `stage`: never finish or check that.
        return ProductionBuild(out=out, errors=errors or ("the build produced no site",), warnings=warnings)
    _link_tree(stage, out)
    (out / MARKER).unlink(missing_ok=True)  # the build's "this folder is mine" mark means nothing on a host
    added = finish_site(out, minify=config.site.minify, gz=config.site.gzip, cname=config.publish.cname)
    broken = tuple(find_broken_links(out, config.base_url))
    log.debug("production build in %s: %d errors, %d broken links", out, len(errors), len(broken))
    return ProductionBuild(out=out, errors=errors, broken_links=broken, added=tuple(added), warnings=warnings)
