"""Epochs, catch-up decisions, the SSE text, and where the script goes."""
from __future__ import annotations

import json
import threading

from briefgen.serve.livereload import HISTORY, LiveReload, Problem, client_script, inject


def test_injects_the_script_before_the_last_closing_body_tag():
    html = b"<html><body><p>x</p><!-- </body> in a comment --></BODY ></html>"
    out = inject(html, 7)
    assert out.count(b"data-briefgen-livereload") == 1
    assert out.index(b"data-briefgen-livereload") < out.index(b"</BODY >")
    assert out.endswith(b"</BODY ></html>")


def test_appends_the_script_when_there_is_no_body_tag():
    assert inject(b"<p>fragment", 1).startswith(b"<p>fragment<script")


def test_script_values_cannot_close_the_script_element():
    script = client_script(1, "/x</script><b>")
    assert "</script><b>" not in script.split("\n", 1)[1].rsplit("\n", 1)[0]


def test_a_page_at_the_current_epoch_has_nothing_to_do():
    lr = LiveReload()
    assert lr.catch_up(lr.epoch) is None and lr.catch_up(None) is None


def test_a_page_that_missed_only_css_changes_swaps_css():
    lr = LiveReload()
    start = lr.epoch
    lr.finished("css", ("/static/a.css",))
    lr.finished("css", ("/static/b.css", "/static/a.css"))
    update = lr.catch_up(start)
    assert update.action == "css" and update.css == ("/static/a.css", "/static/b.css")


def test_a_page_that_missed_a_content_change_reloads():
    lr = LiveReload()
    start = lr.epoch
    lr.finished("css", ("/a.css",))
    lr.finished("reload")
    assert lr.catch_up(start).action == "reload"


def test_a_page_older_than_the_history_or_from_another_server_reloads():
    lr = LiveReload()
    start = lr.epoch
    for _ in range(HISTORY + 5):
        lr.finished("css", ("/a.css",))
    assert lr.catch_up(start).action == "reload"
    assert lr.catch_up(12345).action == "reload"


def test_history_is_bounded():
    lr = LiveReload()
    for _ in range(HISTORY * 10):
        lr.finished("reload")
    assert len(lr._history) == HISTORY


def _events(lines):
    out = []
    for chunk in lines:
        if chunk.startswith((":", "retry")):
            continue
        fields = dict(line.split(": ", 1) for line in chunk.strip().splitlines())
        out.append((fields["event"], json.loads(fields["data"])))
    return out


def test_stream_sends_state_then_updates_in_order_and_ends_on_close():
    lr = LiveReload()
    stream = lr.stream(lr.epoch, heartbeat=0.05)
    assert next(stream).startswith("retry")
    assert _events([next(stream)]) == [("build-ok", {})]
    lr.set_problems([Problem("templates/base.html", 3, "unexpected '}'")])
    assert _events([next(stream)]) == [("build-error", {"problems": [
        {"path": "templates/base.html", "line": 3, "message": "unexpected '}'"}]})]
    lr.set_problems([])
    epoch = lr.finished("reload")
    got = _events([next(stream), next(stream)])
    assert ("build-ok", {}) in got and ("reload", {"epoch": epoch, "css": []}) in got
    assert next(stream) == ": ping\n\n"            # heartbeat when nothing happens
    lr.close()
    assert list(stream) == []


def test_stream_wakes_a_waiting_page_when_a_build_finishes():
    lr = LiveReload()
    stream = lr.stream(lr.epoch, heartbeat=30)
    next(stream), next(stream)
    got = []
    reader = threading.Thread(target=lambda: got.append(next(stream)))
    reader.start()
    lr.finished("css", ("/s.css",))
    reader.join(5)
    assert _events(got) == [("css", {"epoch": lr.epoch, "css": ["/s.css"]})]
    lr.close()
