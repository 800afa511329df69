"""Build epochs, Server-Sent Events, and the script injected into previewed pages (habit 12).

Each finished build bumps the epoch; a page carries the epoch it was served at and its script
subscribes to `/__briefgen__/events`. A browser is told to reload only after a build has fully
finished (as MkDocs' `_wanted_epoch` / `_visible_epoch`); a page that connects late catches up from a
short history. Build errors are sent as an overlay naming file and line; the last good site stays
served. The script is added to HTML responses only, never written into the site.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

log = logging.getLogger(__name__)

EVENTS_PATH = "/__briefgen__/events"
HEARTBEAT = 15.0      # seconds between keep-alive comments: finds closed tabs, keeps proxies open
HISTORY = 64          # epochs remembered for late subscribers; older pages simply reload


@dataclass(frozen=True)
class Update:
    """One finished build as the browser sees it."""

    epoch: int
    action: str                        # "reload" or "css"
    css: tuple[str, ...] = ()          # URL paths of changed stylesheets (action "css")


@dataclass(frozen=True)
class Problem:
    """One build error for the overlay."""

    path: str | None
    line: int | None
    message: str

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "message": self.message}


class LiveReload:
    """Epoch counter, bounded history, current errors; SSE streams wait on one condition."""

    def __init__(self) -> None:
        # Epochs start from the clock so a page left open across a server restart never matches
        # an epoch of the new server and reloads once instead of showing a stale page.
        self.epoch = int(time.time() * 1000)
        self._history: deque[Update] = deque(maxlen=HISTORY)
        self._problems: tuple[Problem, ...] = ()
        self._problems_version = 0
        self._cond = threading.Condition()
        self._closed = False

    # -- the builder's side -------------------------------------------------------------------
    def finished(self, action: str = "reload", css: tuple[str, ...] = ()) -> int:
        """A build finished and its output is in place: tell every page."""
        with self._cond:
            self.epoch += 1
            self._history.append(Update(self.epoch, action, tuple(css)))
            self._cond.notify_all()
            return self.epoch

    def set_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        with self._cond:
            problems = tuple(problems)
            if problems != self._problems:
                self._problems = problems
                self._problems_version += 1
                self._cond.notify_all()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def close(self) -> None:
        """Server stopping: end every open stream."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    # -- a browser's side ---------------------------------------------------------------------
    def catch_up(self, since: int | None) -> Update | None:
        """What a page served at epoch `since` must do now: nothing, swap CSS, or reload."""
        with self._cond:
            if since is None or since >= self.epoch:
                return None
            missed = [u for u in self._history if u.epoch > since]
            if not missed or missed[0].epoch != since + 1 or any(u.action != "css" for u in missed):
                return Update(self.epoch, "reload")
            css = tuple(dict.fromkeys(p for u in missed for p in u.css))
            return Update(self.epoch, "css", css)

    def stream(self, since: int | None, heartbeat: float = HEARTBEAT) -> Iterator[str]:
        """SSE text for one page, until the server closes. The caller stops on a write error.

        Never yields while holding the lock: a generator parked inside `with` would block builds.
        """
        yield "retry: 1000\n\n"
        seen_problems = -1
        update = self.catch_up(since)
        if since is None:
            since = self.epoch
        while True:
            if update is not None:
                yield _event(update.action, {"epoch": update.epoch, "css": list(update.css)}, update.epoch)
                since = update.epoch
            with self._cond:
                if self._closed:
                    return
                if self.epoch == since and self._problems_version == seen_problems:
                    self._cond.wait(heartbeat)
                if self._closed:
                    return
                problems = None
                if self._problems_version != seen_problems:
                    seen_problems = self._problems_version
                    problems = [p.as_dict() for p in self._problems]
            # Errors before the reload: a page that reloads then connects sees them at once anyway.
            if problems is not None:
                yield _event("build-error", {"problems": problems}) if problems else _event("build-ok", {})
            update = self.catch_up(since)
            if update is None and problems is None:
                yield ": ping\n\n"


def _event(name: str, data: dict, event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def inject(html: bytes, epoch: int, events_url: str = EVENTS_PATH) -> bytes:
    """Insert the live-reload script before the last </body> (or at the end)."""
    script = client_script(epoch, events_url).encode("utf-8")
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + script
    at = matches[-1].start()
    return html[:at] + script + html[at:]


def client_script(epoch: int, events_url: str = EVENTS_PATH) -> str:
    # json.dumps and "<\/" keep the values from ever closing the script element.
    config = json.dumps({"epoch": epoch, "url": events_url}).replace("</", "<\\/")
    return f'<script data-briefgen-livereload>\n({_CLIENT_JS})({config});\n</script>'


# The browser's half. Reload keeps the scroll position (sessionStorage, per path); a stylesheet change
# swaps each matching <link> for a fresh one and removes the old one once the new one has loaded, so
# the page never flashes unstyled; build errors show in an overlay (a shadow root, so the site's CSS
# cannot hide or restyle it) that names file and line and goes away, with a reload, once fixed.
_CLIENT_JS = r"""
function (cfg) {
  var key = "briefgen:scroll:" + location.pathname;
  var epoch = cfg.epoch, hadError = false, host = null;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved) {
      sessionStorage.removeItem(key);
      var xy = JSON.parse(saved);
      var restore = function () { window.scrollTo(xy[0], xy[1]); };
      if (document.readyState === "complete") restore(); else addEventListener("load", restore);
    }
  } catch (e) {}
  function reload() {
    try { sessionStorage.setItem(key, JSON.stringify([scrollX, scrollY])); } catch (e) {}
    location.reload();
  }
  // The site names assets by content (style.3f2a9c1d.css): match old and new by the name without it.
  function assetKey(path) { return path.replace(/\.[0-9a-f]{8}(\.css)$/i, "$1"); }
  function swapCss(paths) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i], url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      if (paths.length) {
        var want = assetKey(url.pathname), match = null;
        for (var j = 0; j < paths.length; j++) if (assetKey(paths[j]) === want) match = paths[j];
        if (match === null) continue;
        url.pathname = match;
      }
      url.searchParams.set("_briefgen", String(epoch));
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      fresh.onload = fresh.onerror = (function (old) { return function () { old.remove(); }; })(link);
      link.after(fresh);
    }
  }
  function overlay(problems) {
    if (!host) {
      host = document.createElement("briefgen-error-overlay");
      host.attachShadow({mode: "open"});
      document.documentElement.appendChild(host);
    }
    var box = '<div style="position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.93);' +
      'color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2em;overflow:auto">' +
      '<button class="dismiss" title="Hide until the next build" style="float:right;font:16px sans-serif;' +
      'background:none;color:#fff;border:1px solid #fff8;border-radius:4px;cursor:pointer">\u00d7</button>' +
      '<h2 style="margin:0 0 1em;color:#ff8a80;font:bold 18px sans-serif">briefgen: build error</h2>';
    problems.forEach(function () {
      box += '<pre class="problem" style="white-space:pre-wrap;margin:0 0 1em"><b class="where"></b>' +
        '<span class="message"></span></pre>';
    });
    host.shadowRoot.innerHTML = box + '<p class="note" style="opacity:.7">The last good version of the site ' +
      'is still served: a brief that an edit broke keeps its last good page (one never built ' +
      'before is left out). Fix the file and this page reloads.</p></div>';
    host.shadowRoot.querySelector(".dismiss").onclick = function () { host.remove(); host = null; };
    var pres = host.shadowRoot.querySelectorAll(".problem");
    problems.forEach(function (p, i) {
      pres[i].querySelector(".where").textContent = p.path ? p.path + (p.line ? ":" + p.line : "") + ": " : "";
      pres[i].querySelector(".message").textContent = p.message;
    });
  }
  function connect() {
    var source = new EventSource(cfg.url + "?epoch=" + encodeURIComponent(epoch));
    source.addEventListener("reload", function () { source.close(); reload(); });
    source.addEventListener("css", function (e) {
      var data = JSON.parse(e.data);
      epoch = data.epoch;
      swapCss(data.css);
    });
    source.addEventListener("build-error", function (e) {
      hadError = true;
      overlay(JSON.parse(e.data).problems);
    });
    source.addEventListener("build-ok", function () {
      if (hadError) { source.close(); reload(); }
    });
    window.__briefgenLiveReload = source;
  }
  connect();
}
"""
