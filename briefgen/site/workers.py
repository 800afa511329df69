"""One lazily started pool of worker processes per build, shared by body rendering and page rendering.

Workers are forked when that is safe (Linux, and this process runs no other thread: `briefgen build`
from the command line), so they start at once and share what the build loaded (copy-on-write)
instead of each unpickling its own copy; the page renderer closes the pool after loading so the
render workers are forked from the loaded process. Otherwise (the preview server calls build()
from a thread, and forking a threaded process can deadlock on locks other threads hold) they are
spawned. Starting workers costs up to a second, so small builds never start them.
"""
from __future__ import annotations

import gc
import logging
import sys
import threading
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# concurrent.futures.process and multiprocessing are imported when workers start: a build that
# renders a few pages (an edit) never starts any, and their import is ~0.03 s of its CPU.

log = logging.getLogger(__name__)


class Pool:
    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn, tasks: list) -> list:
        """fn over tasks on the workers; in this process if workers cannot start (a calling script
        without an `if __name__ == "__main__"` guard cannot be re-imported by spawn)."""
        if self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool
            from multiprocessing import get_context

            try:
                if self._pool is None:
                    # initializer: a worker forked while the build pauses the collector runs its own
                    self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=gc.enable,
                                                     mp_context=get_context("fork" if self.forks() else "spawn"))
                return list(self._pool.map(fn, tasks))
            except (BrokenProcessPool, OSError) as exc:
                log.warning("worker processes failed (%s); going on in this process", exc)
                self.close()
                self.jobs = 1
        return [fn(task) for task in tasks]

    def forks(self) -> bool:
        """Would the next workers be forked from this process as it is now?"""
        if self._pool is not None:
            return self._pool._mp_context.get_start_method() == "fork"
        return sys.platform.startswith("linux") and threading.active_count() == 1

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
