"""One lazily started pool of worker processes per build, shared by body rendering and page rendering.

spawn, not fork: the preview server calls build() from a thread, and forking a threaded process
can deadlock on locks other threads hold. Starting workers costs about a second, so small builds
(an edit, a no-change rebuild) never start them.
"""
from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Self

log = logging.getLogger(__name__)


class Pool:
    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn, tasks: list) -> list:
        """fn over tasks on the workers; in this process if workers cannot start (a calling script
        without an `if __name__ == "__main__"` guard cannot be re-imported by spawn)."""
        if self.jobs > 1:
            try:
                if self._pool is None:
                    self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=get_context("spawn"))
                return list(self._pool.map(fn, tasks))
            except (BrokenProcessPool, OSError) as exc:
                log.warning("worker processes failed (%s); going on in this process", exc)
                self.close()
                self.jobs = 1
        return [fn(task) for task in tasks]

    def close(self) -> None:
        if self._pool is not None:
            try:
                self._pool.shutdown(wait=True, cancel_futures=True)
            except Exception:
                log.debug("pool shutdown failed", exc_info=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
