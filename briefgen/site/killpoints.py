"""Test-only fault injection: the process SIGKILLs itself at a named point of a build.

`BRIEFGEN_TEST_KILL_AT=<point>` in the environment (read once, at import) makes `reached(point)` kill
the process the first time the build gets there, exactly as `kill -9` would: no `finally`, no atexit,
no flushing. tests/reliability/test_kill_points.py places a kill at each point where a build
publishes (state saved, trees exchanged, spare kept) and checks that the next builds are exact.
Never set outside tests; unset, `reached` is one comparison with None.
"""
from __future__ import annotations

import os
import signal

ENV = "BRIEFGEN_TEST_KILL_AT"
_AT = os.environ.get(ENV) or None


def reached(point: str) -> None:
    if _AT is not None and _AT == point:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        os._exit(137)   # not reached where SIGKILL exists
