"""Run one command in a fresh process and measure it: wall time, CPU time, peak memory, load.

Peak memory is taken two ways and the larger is kept: the child's own `ru_maxrss` from `wait4`
(the largest single process, as `/usr/bin/time -v` reports it) and the sum of the resident sizes of
the whole process tree, sampled every 50 ms from /proc, because a build that forks workers uses
the sum, not the largest one. Shared copy-on-write pages are counted once per process, so the sum is
an upper bound.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Sample:
    """One measured run."""

    wall: float                      # seconds, parent's clock around the child's whole life
    cpu: float                       # user + system seconds of the child and its waited-for children
    peak_mb: float                   # max(ru_maxrss, sampled tree RSS sum), MiB
    load: float                      # 1-minute load average when the run started
    status: int                      # exit status (negative: killed by signal; -999: timed out)
    stdout: str = ""
    stderr_tail: str = ""
    data: dict = field(default_factory=dict)   # what a worker printed as JSON on its last line

    def to_dict(self) -> dict:
        out = asdict(self)
        out.pop("stdout")
        return out


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # Field 4 (ppid) follows the command name, which is in parentheses and may hold spaces.
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants."""
    kids, total, todo = _children_map(), 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * PAGE
        except OSError:
            continue
        todo.extend(kids.get(p, ()))
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop_event.wait(self.every)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def _last_json(stdout: str) -> dict:
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                return {}
    return {}


def run(cmd: list[str], cwd: Path | None = None, timeout: float = 3600, env: dict | None = None) -> Sample:
    """Run cmd to completion in a new process group and measure it."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    sampler = _Sampler(proc.pid)
    sampler.start()
    out_chunks: dict[str, str] = {}
    readers = [threading.Thread(target=lambda n=n, s=s: out_chunks.__setitem__(n, s.read()), daemon=True)
               for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    killed: list[bool] = []

    def kill() -> None:
        killed.append(True)
        os.killpg(proc.pid, 9)

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    timer.cancel()
    timed_out = bool(killed)
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampled = sampler.stop()
    stdout, stderr = out_chunks.get("out", ""), out_chunks.get("err", "")
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                  peak_mb=max(usage.ru_maxrss * 1024, sampled) / 2**20, load=load,
                  status=-999 if timed_out else proc.returncode, stdout=stdout,
                  stderr_tail="\n".join(stderr.strip().splitlines()[-5:]), data=_last_json(stdout))
