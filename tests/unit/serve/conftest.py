"""A small real build for the preview's tests: briefs + one Jinja template -> pages, swapped in atomically.

The server and watcher are tested against this stand-in so their tests do not depend on the whole
site engine (its own tests cover it); it follows the same contract as briefgen.site.build.build:
`build(config, out=, clean=, ingest=) -> result` with `errors` (BriefgenError with path and line),
`out` and `changed_paths`, and it swaps the output folder in only when the build succeeded.
"""
from __future__ import annotations

import http.client
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pytest

from briefgen.config import load_config
from briefgen.errors import BuildError

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="stylesheet" href="{{ base }}static/style.css"></head>
<body><h1>{{ title }}</h1>{% for b in briefs %}<p class="brief">{{ b }}</p>{% endfor %}</body></html>
"""


@dataclass
class FakeResult:
    out: Path
    errors: list = field(default_factory=list)
    changed_paths: list = field(default_factory=list)


class FakeBuild:
    """Counts calls, records their `ingest` flags, and can be slowed down or gated for tests."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.delay = 0.0
        self.gate: threading.Event | None = None
        self.started = threading.Event()

    def __call__(self, config, out=None, clean=False, ingest=True, **options):
        self.options = options
        self.started.set()
        self.calls.append({"ingest": ingest, "base_url": config.base_url})
        if self.gate is not None:
            self.gate.wait(10)
        if self.delay:
            threading.Event().wait(self.delay)
        return fake_build(config, out=out, ingest=ingest)


def fake_build(config, out=None, ingest=True):
    out = Path(out or config.path("output"))
    briefs_dir, raw_dir = config.path("briefs"), config.path("raw")
    if ingest and raw_dir.is_dir():
        for raw in sorted(raw_dir.glob("*.txt")):
            title = raw.read_text(encoding="utf-8").strip().splitlines()[0]
            target = briefs_dir / f"{raw.stem}.md"
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(f"---\ntitle: {title}\n---\n", encoding="utf-8")
    template_path = config.path("templates") / "page.html"
    source = template_path.read_text(encoding="utf-8") if template_path.exists() else PAGE
    try:
        template = jinja2.Environment(autoescape=True).from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        return FakeResult(out, [BuildError(exc.message or "syntax error", template_path, exc.lineno)])
    base = "/" + config.base_url.split("/", 3)[3]
    pages: dict[str, str] = {}
    titles = []
    for md in sorted(briefs_dir.rglob("*.md")) if briefs_dir.is_dir() else []:
        title = next((line[7:] for line in md.read_text(encoding="utf-8").splitlines()
                      if line.startswith("title: ")), md.stem)
        titles.append(title)
        pages[f"{md.stem}/index.html"] = template.render(title=title, briefs=[], base=base)
    pages["index.html"] = template.render(title="Home", briefs=titles, base=base)
    pages["404.html"] = template.render(title="Not found here", briefs=[], base=base)
    files = {rel: text.encode() for rel, text in pages.items()}
    static = config.path("static")
    for f in sorted(static.rglob("*")) if static.is_dir() else []:
        if f.is_file():
            files["static/" + f.relative_to(static).as_posix()] = f.read_bytes()
    return _swap_in(out, files)


def _swap_in(out: Path, files: dict[str, bytes]) -> FakeResult:
    changed = [rel for rel, data in files.items()
               if not (out / rel).is_file() or (out / rel).read_bytes() != data]
    if out.is_dir():
        changed += [p.relative_to(out).as_posix() for p in out.rglob("*")
                    if p.is_file() and p.relative_to(out).as_posix() not in files]
    tmp = out.with_name(out.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    for rel, data in files.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_bytes(data)
    old = out.with_name(out.name + ".old")
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return FakeResult(out, [], [out / rel for rel in changed])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def project(make_project):
    return make_project({
        "briefgen.toml": 'title = "Test"\nbase_url = "https://example.org/briefs/"\n',
        "content/briefs/2026/01/alpha.md": "---\ntitle: Alpha\n---\n",
        "content/briefs/2026/01/beta.md": "---\ntitle: Beta\n---\n",
        "content/raw/.keep": "",
        "static/style.css": "body { color: black; }\n",
        "static/app.js": "console.log(1);\n",
        "static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "static/feed.xml": "<feed/>",
        "static/font.woff2": b"wOF2",
        "templates/page.html": PAGE,
    })


@dataclass
class Running:
    port: int
    config: object
    build: FakeBuild
    out: Path
    thread: threading.Thread
    stop: threading.Event
    status: list

    def get(self, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
        """A raw request: http.client sends the path exactly as given (no normalising)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        resp.body = resp.read()
        conn.close()
        return resp


@pytest.fixture
def running(project, tmp_path):
    """`serve()` in a thread on a free port, with the stand-in build; stopped after the test."""
    from briefgen.serve.run import serve

    config = load_config(project)
    build = FakeBuild()
    ready, stop, status = threading.Event(), threading.Event(), []
    out = tmp_path / "preview-site"
    thread = threading.Thread(target=lambda: status.append(serve(
        config, port=0, ready=ready, stop=stop, build_fn=build, out=out, delay=0.05)), daemon=True)
    thread.start()
    assert ready.wait(20), "server did not start"
    port = int(ready.url.split(":")[2].split("/")[0])
    yield Running(port, config, build, out, thread, stop, status)
    stop.set()
    thread.join(20)
