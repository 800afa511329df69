"""`briefgen serve`: build into a preview folder, serve it, rebuild on every change, live-reload.

The preview builds into `<cache>/preview-site/` (never into site/, so a production build and the
preview never step on each other), with `base_url`'s host and port replaced by the server's own and
its path kept, and serves it under that same path (as MkDocs derives its mount path from site_url).
Requests are normalised and kept inside the built site; anything else is the site's 404 page.
"""
from __future__ import annotations

import errno
import logging
import mimetypes
import os
import re
import select
import signal
import socket
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import fields, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from briefgen.errors import BriefgenError
from briefgen.serve import guard
from briefgen.serve.livereload import EVENTS_PATH, LiveReload, Problem, inject
from briefgen.serve.watcher import Batch, ChangeKind, Rebuilder, Watcher
from briefgen.site.build import BuildStopped
from briefgen.site.inputs import gc_paused
from briefgen.site.swap import SiteLock

if TYPE_CHECKING:
    from briefgen.config.schema import Config

log = logging.getLogger(__name__)

PORT_TRIES = 50            # ports tried after a busy one before giving up
SWAP_GRACE = 2.0           # seconds a request waits for the site folder during an atomic swap
SETTLED_DELAY = 0.008      # quiet period after a save whose files were all closed or renamed into place
_STYLE_ONLY = {ChangeKind.STYLESHEET}
_NEEDS_INGEST = {ChangeKind.RAW, ChangeKind.CONFIG}

# Content types that mimetypes gets wrong or leaves out on some systems (it reads /etc/mime.types).
_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
    ".xml": "application/xml", ".atom": "application/atom+xml", ".rss": "application/rss+xml",
    ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".webmanifest": "application/manifest+json", ".pdf": "application/pdf", ".gz": "application/gzip",
}
# Encoded slash, backslash or NUL: a path that means something else once decoded is refused outright.
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|00)", re.IGNORECASE)
# A page's own stylesheets and scripts (root-relative URLs): served to it as `…/style.css?v=TOKEN`, a
# token of the file as it is now, so the browser may keep them (see `version_assets`).
_ASSET_REF = re.compile(rb'(<(?:link|script)\b[^>]*?\b(?:href|src)=")(/[^"?#<>\s]*\.(?:css|js))(")', re.IGNORECASE)
KEEP_ASSET = "max-age=31536000, immutable"

BuildFn = Callable[..., object]


def content_type(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def preview_base_url(base_url: str, host: str, port: int) -> str:
    """base_url with the preview's own address and the production path (`/briefs/` stays)."""
    path = urlsplit(base_url).path or "/"
    if not path.endswith("/"):
        path += "/"
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}{path}"


# -- requests ---------------------------------------------------------------------------------------

class Resolved:
    """Where a request path leads: a file, a redirect, or nothing (404)."""

    def __init__(self, file: str | None = None, redirect: str | None = None) -> None:
        self.file = file
        self.redirect = redirect
        self.missing = False        # True: `file` is the site's 404 page standing in


def resolve_request(raw_path: str, site_root: str, mount: str) -> Resolved:
    """Map a request path (still percent-encoded) to a file inside `site_root`, or nothing.

    Refused (404): encoded slashes/backslashes/NUL, backslashes, `..` or `.` segments (decoded),
    absolute paths after the mount, and anything whose real path (symlinks followed) leaves the site.
    """
    if "\\" in raw_path or _ENCODED_SEPARATOR.search(raw_path):
        return Resolved()
    path = unquote(raw_path, errors="strict") if _is_utf8_quoted(raw_path) else None
    if path is None or "\x00" in path or "\\" in path:
        return Resolved()
    if mount != "/" and path == mount.rstrip("/"):
        return Resolved(redirect=mount)
    if not path.startswith(mount):
        return Resolved(redirect=mount) if path == "/" else Resolved()
    rel = path[len(mount):]
    parts = rel.split("/")
    if rel.startswith("/") or any(p in (".", "..") for p in parts):
        return Resolved()
    root = os.path.realpath(site_root)
    real = os.path.realpath(os.path.join(root, *[p for p in parts if p]))
    if real != root and not real.startswith(root + os.sep):
        return Resolved()          # a symlink pointing out of the site
    if os.path.isdir(real):
        if not path.endswith("/"):
            return Resolved(redirect=raw_path + "/")
        real = os.path.realpath(os.path.join(real, "index.html"))
        if not real.startswith(root + os.sep):
            return Resolved()      # an index.html that is a symlink out of the site
    return Resolved(file=real) if os.path.isfile(real) else Resolved()


def _is_utf8_quoted(raw: str) -> bool:
    try:
        unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


class _Server(guard.LimitedServer, ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False      # never keep a list of finished threads: memory stays flat
    preview: Preview

    def handle_error(self, request, client_address) -> None:
        log.debug("request from %s failed", client_address, exc_info=True)  # noqa: LOG014 - called in except


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "briefgen-preview"
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.rfile = guard.HeadReader(self.connection)   # size and time limits on the head

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        preview = self.server.preview
        self.rfile.done()
        if guard.body_too_large(self.headers):
            return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"413 a preview request has no body\n",
                              "text/plain; charset=utf-8", head)
        if not guard.host_allowed(self.headers.get("Host"), preview.host):
            return self._send(HTTPStatus.FORBIDDEN, b"403 this preview answers only to the names it is bound "
                              b"to and localhost (briefgen serve --host NAME)\n", "text/plain; charset=utf-8", head)
        url = urlsplit(self.path)
        if url.path == EVENTS_PATH and not head:
            if not self.server.enter_stream():
                return self._send(HTTPStatus.SERVICE_UNAVAILABLE, b"503 too many live-reload streams\n",
                                  "text/plain; charset=utf-8", head)
            try:
                return self._events(url.query)
            finally:
                self.server.leave_stream()
        site = preview.wait_for_site()
        if site is None:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, _NO_SITE, "text/html; charset=utf-8", head)
        # Under the site lock: a patch moving files into the folder waits for this read and no read
        # starts while it runs, so every answer comes from the old or the new site, never a mix.
        keep = False
        with preview.site_lock.reading():
            found, body = _read(url.path, site, preview.mount)
            if body is not None and not found.redirect:
                if content_type(found.file).startswith("text/html"):
                    body = version_assets(body, site, preview.mount)
                else:
                    keep = _kept_asset(found.file, url.query)
        if found.redirect:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", guard.location(found.redirect, url.query))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if body is None:     # no 404.html, or swapped away between resolve and open
            return self._send(HTTPStatus.NOT_FOUND, b"404 Not Found\n", "text/plain; charset=utf-8", head)
        status = HTTPStatus.NOT_FOUND if found.missing else HTTPStatus.OK
        return self._send(status, body, content_type(found.file), head, keep=keep and not found.missing)

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, head: bool, keep: bool = False) -> None:
        if ctype.startswith("text/html"):
            body = inject(body, self.server.preview.livereload.epoch)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        # A preview must never show a stale copy: no-store, but for a stylesheet or script asked for by
        # the token of its current bytes (a changed file gets another URL in the pages served after).
        self.send_header("Cache-Control", KEEP_ASSET if keep else "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self, query: str) -> None:
        since = self.headers.get("Last-Event-ID") or (parse_qs(query).get("epoch") or [None])[0]
        try:
            since_epoch = int(since) if since is not None else None
        except ValueError:
            since_epoch = None
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        try:
            for chunk in self.server.preview.livereload.stream(since_epoch):
                if _peer_closed(self.connection):
                    return
                self.wfile.write(chunk.encode("utf-8"))
                self.wfile.flush()
        except OSError:     # the tab was closed: end this thread
            return


def _read(raw_path: str, site: str, mount: str) -> tuple[Resolved, bytes | None]:
    """Resolve a request and read its file (or the site's 404 page)."""
    found = resolve_request(raw_path, site, mount)
    if found.redirect:
        return found, None
    if found.file is None:
        found.missing, found.file = True, os.path.join(site, "404.html")
    try:
        with open(found.file, "rb") as fh:
            return found, fh.read()
    except OSError:
        return found, None


def asset_token(path: str) -> str | None:
    """A token of the file as it is now: a build that changes it moves a new file in (another inode),
    a hand edit changes its time or size."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino:x}.{st.st_mtime_ns:x}.{st.st_size:x}"


def version_assets(html: bytes, site: str, mount: str) -> bytes:
    """The page with each of its own stylesheets and scripts named `PATH?v=TOKEN` (asset_token), so that
    a reload after a save fetches the page alone: the stylesheet, asked for again on every reload when
    it was served no-store, held up the page's first paint. Files outside the site or missing: as they were."""
    tokens: dict[bytes, bytes | None] = {}

    def versioned(m: re.Match) -> bytes:
        ref = m.group(2)
        if ref not in tokens:
            found = resolve_request(ref.decode("utf-8", "replace"), site, mount)
            token = asset_token(found.file) if found.file else None
            tokens[ref] = token.encode() if token else None
        token = tokens[ref]
        return m.group(0) if token is None else m.group(1) + ref + b"?v=" + token + m.group(3)

    return _ASSET_REF.sub(versioned, html)


def _kept_asset(path: str, query: str) -> bool:
    """Whether a stylesheet or script was asked for by its current token (the browser may keep it)."""
    if not path.endswith((".css", ".js")) or "v=" not in query:
        return False
    wanted = parse_qs(query).get("v")
    return bool(wanted) and len(wanted) == 1 and wanted[0] == asset_token(path)


def _peer_closed(sock: socket.socket) -> bool:
    """An event-stream client never sends after its request: readable means it hung up. (A write to
    a closed peer succeeds once, so without this a closed tab's thread would live one more heartbeat.)"""
    try:
        return _readable_now(sock) and sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


def _readable_now(sock: socket.socket) -> bool:
    # poll, not select: select() cannot watch a descriptor numbered past FD_SETSIZE (1024) and
    # raises, which a busy preview with many tabs and files open reaches; Windows has no poll, and
    # its select has no such numbering limit.
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return bool(poller.poll(0))
    readable, _, _ = select.select([sock], [], [], 0)
    return bool(readable)


_NO_SITE = (b"<!doctype html><meta charset=utf-8><title>briefgen preview</title>"
            b"<p>No site built yet: see the error below or the terminal.</p><body></body>")


# -- builds -----------------------------------------------------------------------------------------

class Preview:
    """The preview's state: current config, where the site is, what each change rebuilds."""

    def __init__(self, config: Config, host: str, port: int, build_fn: BuildFn, out: Path | None = None,
                 livereload: LiveReload | None = None) -> None:
        self.host, self.port = host, port
        self.build_fn = build_fn
        self.out = Path(out) if out else config.path("cache") / "preview-site"
        self.livereload = livereload or LiveReload()
        self.site_lock = SiteLock()   # requests read under it; a build patching `out` writes
        self.watcher: Watcher | None = None
        self.last_build_seconds: float | None = None
        self.stopping = threading.Event()   # set when the server stops: a build in progress gives up
        # Brief paths changed since the last finished build, for the next one (build(changed=...));
        # None: not all are known (a folder, a burst, another kind of change, a build that failed).
        self._changed: list[str] | None = None
        self._config_broken = False
        self._set_config(config)

    def _set_config(self, config: Config) -> None:
        self.config = config
        self.build_config = replace(config, base_url=preview_base_url(config.base_url, self.host, self.port))
        if "hash_assets" in {f.name for f in fields(config.site)}:
            # Content-hashed asset names put every CSS hash in every page, so a stylesheet edit would
            # re-render the whole site; the preview serves with no-store and busts caches itself.
            self.build_config = replace(self.build_config, site=replace(config.site, hash_assets=False))
        self.mount = urlsplit(self.build_config.base_url).path
        self.url = self.build_config.base_url

    def wait_for_site(self) -> str | None:
        """The site folder, waiting out an atomic swap (old renamed away, new not yet in)."""
        deadline = time.monotonic() + SWAP_GRACE
        while not self.out.is_dir():
            if time.monotonic() > deadline or self.last_build_seconds is None:
                return None
            time.sleep(0.01)
        return str(self.out)

    def on_batch(self, batch: Batch) -> None:
        """Rebuild what `batch` touches, then tell the browsers (only once the build has finished)."""
        paths = batch.brief_paths()
        self._changed = None if paths is None or self._changed is None else [*self._changed, *paths]
        # A broken briefgen.toml blocks builds until it is fixed: the overlay stays, the last good site
        # stays served (a build with the old config would show a site the file no longer describes).
        if (ChangeKind.CONFIG in batch.kinds or self._config_broken) and not self._reload_config():
            return
        ingest = bool(batch.kinds & _NEEDS_INGEST)
        # A save without ingest: the cyclic collector, paused by the build, stays paused until the
        # browsers are told (enabled at the build's end, its first run scanned what the build made,
        # ~4 ms of a save's ~50 ms of CPU at 10,000 briefs, before the reload went out). An ingest
        # runs with it as a build does.
        with nullcontext() if ingest else gc_paused():
            self._build_and_tell(batch, ingest)

    def _build_and_tell(self, batch: Batch, ingest: bool) -> None:
        result = self._build(ingest, self._reason(batch), list(dict.fromkeys(self._changed)) if self._changed else None)
        if result is None:
            return
        self._changed = []     # every change so far is in the site
        # Raw files that could not be ingested are warnings for `build`; the preview shows them too.
        problems = [self._problem(e) for e in [*(getattr(result, "errors", ()) or ()),
                                               *(getattr(result, "warnings", ()) or ())]]
        had_problems = bool(self.livereload.problems)
        self.livereload.set_problems(problems)
        changed = self._changed_urls(result)
        if changed is not None and not changed and (problems or not had_problems):
            # Saved without a change: nothing to show. Also while the site stays broken (a second
            # save of a broken brief, or one save seen as two batches under load): the overlay is
            # updated by its own event, and a reload would take the reader away from what it shows.
            # Only the save that fixes the last problem reloads (with build-ok), changed or not.
            return
        if batch.kinds <= _STYLE_ONLY and not had_problems:
            # Stylesheets only: pages re-rendered just to point at the new (hashed) CSS names need
            # no reload; the browser swaps each <link> for the new file and keeps its state.
            css = [u for u in changed or [] if u.endswith(".css") and self._exists(u)]
            if css or changed is None:
                self.livereload.finished("css", tuple(css))
                return
        self.livereload.finished("reload")

    def _reason(self, batch: Batch) -> str:
        """ "content/briefs/x.md changed: " for the terminal, so one sees which save did what."""
        shown = [p for p in batch.paths if not p.startswith("<")]
        if not shown:
            return ""
        first = os.path.relpath(shown[0], self.config.root) if os.path.isabs(shown[0]) else shown[0]
        others = len(shown) - 1             # the batch keeps at most Batch.SAMPLE paths
        more = "" if not others else f" and {others}{'+' if len(batch.paths) >= Batch.SAMPLE else ''} more"
        return f"{first}{more} changed: "

    def flush(self, wait: float | None = None) -> None:
        """Write the build state the real build keeps in memory while the preview is busy."""
        from briefgen.site.build import flush_state

        flush_state(wait)

    def _exists(self, url_path: str) -> bool:
        return (self.out / url_path[len(self.mount):]).is_file()

    def _reload_config(self) -> bool:
        from briefgen.config import load_config

        try:
            config = load_config(self.config.root)
        except BriefgenError as exc:
            log.error("%s", exc)
            self._config_broken = True
            self.livereload.set_problems([self._problem(exc)])
            return False
        self._config_broken = False
        if replace(config, base_url="") != replace(self.config, base_url=""):
            log.info("configuration changed: rebuilding everything")
        self._set_config(config)
        if self.watcher is not None:
            self.watcher.refresh(config)
        return True

    def _build(self, ingest: bool, reason: str = "", changed: list[str] | None = None):
        started = time.perf_counter()
        try:
            # The preview's folder is private: patching it in place (under the site lock, with a
            # journal) makes an edit at 10,000 briefs cost milliseconds instead of a fresh tree.
            result = self.build_fn(self.build_config, out=self.out, clean=False, ingest=ingest,
                                   patch_in_place=True, site_lock=self.site_lock, stop=self.stopping,
                                   changed=changed, defer_state=True)
        except BriefgenError as exc:
            log.error("%s", exc)
            self.livereload.set_problems([self._problem(exc)])
            return None
        except BuildStopped:
            log.info("the build in progress was stopped; the last site stays")
            return None
        except Exception as exc:  # a bug in a build must not stop the preview
            log.exception("build failed")
            self.livereload.set_problems([Problem(None, None, f"internal error: {type(exc).__name__}: {exc}")])
            return None
        self.last_build_seconds = time.perf_counter() - started
        errors = getattr(result, "errors", ()) or ()
        log.info("%sready in %.0f ms%s", reason, self.last_build_seconds * 1000,
                 f", {len(errors)} error(s)" if errors else "")
        for err in errors:
            log.error("%s", err)
        return result

    def _changed_urls(self, result) -> list[str] | None:
        """URL paths of the output files the build changed; None when the build does not say."""
        changed = getattr(result, "changed_paths", None)
        if changed is None:
            return None
        urls = []
        for p in changed:
            p = Path(p)
            rel = p.relative_to(self.out) if p.is_absolute() and self.out in p.parents else p
            urls.append(self.mount + rel.as_posix())
        return urls

    def _problem(self, exc: BaseException) -> Problem:
        path = getattr(exc, "path", None)
        if path:
            try:
                path = os.path.relpath(path, self.config.root)
            except ValueError:
                pass
        return Problem(path, getattr(exc, "line", None), getattr(exc, "message", None) or str(exc))


def _real_build(config: Config, **kwargs):
    from briefgen.site.build import build

    return build(config, **kwargs)


# -- the server -------------------------------------------------------------------------------------

def bind(host: str, port: int, tries: int = PORT_TRIES) -> _Server:
    """Listen on host:port; if the port is taken, say so and take the next free one."""
    cls = _Server6 if ":" in host else _Server
    for candidate in range(port, port + tries) if port else [0]:
        try:
            return cls((host, candidate), _Handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            log.warning("port %d is in use; trying %d", candidate, candidate + 1)
    raise BriefgenError(f"no free port between {port} and {port + tries - 1} on {host}",
                        hint="pass --port")


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000, poll: bool = False,
          ready: threading.Event | None = None, stop: threading.Event | None = None, *,
          build_fn: BuildFn | None = None, out: Path | None = None, delay: float = 0.03) -> int:
    """Build, serve and live-reload until Ctrl-C (or `stop` is set). Returns the exit status.

    `ready` is set once the first build is served, with `ready.url` the preview's address.
    `build_fn(config, out=, clean=, ingest=)` defaults to briefgen.site.build.build; `out` to
    `<cache>/preview-site` (another server of the project already on it: `preview-site-<port>`, see
    PreviewFolder); `delay` is the debounce quiet period in seconds.
    """
    httpd = bind(host, port)
    claim = None if out is not None else PreviewFolder.claim(config.path("cache"), httpd.server_address[1])
    preview = Preview(config, host, httpd.server_address[1], build_fn or _real_build,
                      out if claim is None else claim.out)
    httpd.preview = preview
    http_thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                   name="briefgen-http", daemon=True)
    rebuilder = Rebuilder(preview.on_batch, delay=delay, on_idle=preview.flush, settled_delay=SETTLED_DELAY)
    watcher = Watcher(config, rebuilder.notify, poll=poll)
    restore = _stop_on_sigterm()
    try:
        http_thread.start()
        # Watch before the first build so nothing saved during it is lost; the rebuilder starts after
        # it and turns whatever piled up into one more build.
        preview.watcher = watcher.start()
        log.info("building the preview for %s …", preview.url)
        preview.on_batch(_initial_batch())
        rebuilder.start()
        log.info("serving %s (%s; Ctrl-C to stop)", preview.url, "polling" if poll else "watching")
        if ready is not None:
            ready.url = preview.url     # type: ignore[attr-defined] - callers on port 0 need the port
            ready.set()
        waiter = stop or threading.Event()
        while not waiter.wait(0.5):    # a timed wait, so Ctrl-C reaches the main thread
            pass
    except KeyboardInterrupt:      # Ctrl-C, or SIGTERM (`kill`, a service manager): see _stop_on_sigterm
        log.info("stopping")
    finally:
        # A build in progress gives up at its next check (between phases and pages; never while it
        # publishes): Ctrl-C once waited for a whole rebuild, more than 15 s on a loaded machine.
        preview.stopping.set()
        watcher.stop()
        rebuilder.stop(timeout=5)       # a build cut short leaves the last site intact (atomic swap)
        # The build state kept in memory, so a restart is incremental; not while a build still runs
        # (it holds the lock; the patch journal keeps the folder safe until the next start).
        preview.flush(wait=0 if rebuilder.running() else 5)
        preview.livereload.close()
        if http_thread.is_alive():
            httpd.shutdown()
        httpd.server_close()
        if claim is not None:
            claim.release()
        restore()
    return 0


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread where Ctrl-C's KeyboardInterrupt would be."""


def _stop_on_sigterm() -> Callable[[], None]:
    """Make SIGTERM stop the preview the way Ctrl-C does: the build in progress gives up, the build state
    kept in memory is written (a restart is then incremental, not a distrusting repair), the port and the
    preview folder are released. Without it a plain `kill` ended the process at once. Only from the main
    thread (the only one Python delivers signals to), and not when SIGTERM is ignored or already handled
    by the program that called serve(). A second SIGTERM during the stop is ignored: the stop is bounded
    (about 15 s at worst; SIGKILL remains). Returns what puts the previous handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    try:
        if signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
            return lambda: None
    except (AttributeError, ValueError):   # a platform without SIGTERM
        return lambda: None
    stopping = []

    def on_term(signum, frame) -> None:
        if not stopping:
            stopping.append(signum)
            raise _Terminated

    signal.signal(signal.SIGTERM, on_term)

    def restore() -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    return restore


class PreviewFolder:
    """Each running preview builds into a folder of its own. The first takes `<cache>/preview-site`
    (kept between runs, so a restart is incremental) and holds a lock on it; a second `briefgen serve`
    on the same project finds it locked and takes `<cache>/preview-site-<port>`, removed when it stops.
    (Sharing one folder, the second's builds wrote its own port into the first's canonical and feed
    URLs, and its last build stayed there after it stopped.)"""

    def __init__(self, out: Path, lock, temporary: bool) -> None:
        self.out, self._lock, self.temporary = out, lock, temporary

    @classmethod
    def claim(cls, cache: Path, port: int) -> PreviewFolder:
        cache.mkdir(parents=True, exist_ok=True)
        for out, temporary in ((cache / "preview-site", False), (cache / f"preview-site-{port}", True),
                               (cache / f"preview-site-{port}-{os.getpid()}", True)):
            lock = _try_lock(cache / f".{out.name}.lock")
            if lock is not None:
                return cls(out, lock, temporary)
        raise BriefgenError("every preview folder is in use", cache)

    def release(self) -> None:
        if self.temporary:
            import hashlib
            import shutil

            shutil.rmtree(self.out, ignore_errors=True)
            # the build's state and journal for this folder (named as briefgen.site.build names them)
            key = hashlib.blake2b(str(self.out.resolve()).encode(), digest_size=8).hexdigest()
            for suffix in ("pickle", "delta"):
                (self.out.parent / f"site-{key}.{suffix}").unlink(missing_ok=True)
            for left in self.out.parent.glob(f"{self.out.name}.*"):
                shutil.rmtree(left, ignore_errors=True) if left.is_dir() else left.unlink(missing_ok=True)
        lock_path = Path(self._lock.name)
        self._lock.close()
        if self.temporary:
            lock_path.unlink(missing_ok=True)


def _try_lock(path: Path):
    """An open file holding an exclusive lock on `path`, or None when another process holds it."""
    fh = open(path, "a+b")  # noqa: SIM115 - held for the server's lifetime
    try:
        import fcntl
    except ImportError:   # no flock (Windows): one preview per project is the user's to keep
        return fh
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        return None
    return fh


def _initial_batch() -> Batch:
    batch = Batch()
    batch.add(ChangeKind.RAW, "<start>")    # like `briefgen build`: ingest new raw files, then render
    return batch
