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


def test_sigterm_stops_the_preview_like_ctrl_c_and_writes_its_state(tmp_path):
    """`kill PID` (SIGTERM, what service managers and container runtimes send) once ended `serve` at once:
    the build state the preview keeps in memory after an edit was lost (the next start distrusted every
    file the patches had touched). Now it stops as on Ctrl-C: status 0, state written, journal gone, port
    and preview folder released."""
    import fcntl
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    from briefgen.site.swap import journal_path

    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    brief = project / "content/briefs/2026/01/norway-boosts-arctic-patrols.md"
    original = brief.read_text(encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, BRIEFGEN_NO_PROGRESS="1", PYTHONUNBUFFERED="1", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "briefgen.cli", "-C", str(project), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT)
    lines: list[str] = []
    ready = threading.Semaphore(0)

    def pump() -> None:
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("serving http") or "changed: ready in" in line:
                ready.release()

    threading.Thread(target=pump, daemon=True).start()
    out = project / ".briefgen-cache" / "preview-site"
    state_file = project / ".briefgen-cache" / (
        f"site-{hashlib.blake2b(str(out.resolve()).encode(), digest_size=8).hexdigest()}.pickle")
    try:
        assert ready.acquire(timeout=120), "serve did not start:\n" + "".join(lines)
        # An edit the preview patches in and whose state it keeps in memory (written when idle, 2 s
        # after the build): the journal says so. Edit again if the idle write came first.
        for attempt in range(5):
            brief.write_text(original.replace("title:", f"title: Edit {attempt} -", 1), encoding="utf-8")
            assert ready.acquire(timeout=60), "no rebuild after the edit:\n" + "".join(lines)
            if journal_path(out).exists():
                break
        assert journal_path(out).exists(), "the edit's state was written before the test could stop serve"
        saved = os.stat(state_file).st_mtime_ns
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(90)      # a guard against a hang, not a timing (see test_serve_browser)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    time.sleep(0.2)         # the pump's last lines
    text = "".join(lines)
    assert status == 0, text
    assert any(line.rstrip().endswith("stopping") for line in lines), text
    assert "Traceback" not in text, text
    assert not journal_path(out).exists(), "the state kept in memory was not written"
    assert os.stat(state_file).st_mtime_ns != saved, "the state file was not written"
    state = build_mod._load_state(state_file)
    assert state.get("tree") == build_mod._tree_id(out), "the state on disk does not describe the preview folder"
    with socket.socket() as s:          # the port is free again
        s.bind(("127.0.0.1", port))
    with open(project / ".briefgen-cache" / ".preview-site.lock", "a+b") as fh:   # and the preview folder
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
