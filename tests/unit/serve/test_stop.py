"""Stopping the preview (Ctrl-C) while it rebuilds: the build in progress gives up at its next check
instead of running to its end (a whole re-render once kept `serve` alive past Ctrl-C on a loaded
machine), and the last site stays as it was."""
from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

from briefgen.config import load_config
from briefgen.site import build as build_mod
from briefgen.site.build import BuildStopped, build

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "project"
# Each brief page spins in this loop before rendering: a re-render of the site takes many seconds.
SLOW = "{% for i in range(3000000) %}{% endfor %}"


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_asked_to_stop_gives_up_before_publishing(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = load_config(project)
    build(config, ingest=False)
    before = _files(project / "site")
    stop = threading.Event()
    stop.set()
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "brief.html").write_text('{% extends "!theme/brief.html" %}', encoding="utf-8")
    try:
        build(config, ingest=False, stop=stop)
    except BuildStopped:
        pass
    else:
        raise AssertionError("the build did not stop")
    assert _files(project / "site") == before
    assert not list(project.glob("site.tmp-*")), "the stopped build left its staging folder"


def test_stopping_the_preview_stops_the_rebuild_in_progress(tmp_path):
    from briefgen.serve.run import serve

    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "content" / "raw").mkdir(parents=True, exist_ok=True)
    config = load_config(project)
    outcomes: list[object] = []
    started = threading.Semaphore(0)

    def recorded_build(cfg, **kwargs):
        started.release()
        try:
            result = build_mod.build(cfg, **kwargs)
        except BaseException as exc:
            outcomes.append(exc)
            raise
        outcomes.append(result)
        return result

    out = tmp_path / "preview-site"
    ready, stop = threading.Event(), threading.Event()
    server = threading.Thread(target=serve, args=(config,), daemon=True,
                              kwargs={"port": 0, "ready": ready, "stop": stop, "build_fn": recorded_build,
                                      "out": out, "delay": 0.05})
    server.start()
    assert ready.wait(120), "the preview did not start"
    assert started.acquire(timeout=1)               # the first build, done
    before = _files(out)
    (project / "templates").mkdir(exist_ok=True)
    theme_brief = (ROOT / "templates" / "brief.html").read_text(encoding="utf-8")
    (project / "templates" / "brief.html").write_text(SLOW + theme_brief, encoding="utf-8")
    assert started.acquire(timeout=60), "no rebuild after the template change"
    stop.set()                                      # Ctrl-C while the slow re-render runs
    server.join(120)
    assert not server.is_alive()
    assert isinstance(outcomes[-1], BuildStopped), outcomes[-1]
    assert _files(out) == before                    # the last site, untouched
    assert not list(tmp_path.glob("preview-site.tmp-*"))
