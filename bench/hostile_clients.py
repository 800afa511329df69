"""The preview server under the attack of issue 13, item 9: N loopback clients each try to send a
6 MB request head and never finish. Prints the server's resident memory before, at the peak while
the clients hold their connections, and after they leave, and how much of the heads it accepted.

    .venv/bin/python bench/hostile_clients.py --clients 50

Runs `briefgen serve` on a scratch copy of tests/fixtures/project in a subprocess (Linux: /proc).
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def attack(port: int, head_mb: int, sent: list[int], hold: threading.Event) -> None:
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.settimeout(30)     # a server busy with 50 clients is slow, not closed
    total = 0
    try:
        sock.sendall(b"GET / HTTP/1.0\r\n")
        line = b"X-Pad: " + b"a" * 60000 + b"\r\n"
        while total < head_mb * 1024 * 1024:
            sock.sendall(line)
            total += len(line)
    except OSError:
        pass
    sent.append(total)
    hold.wait(30)
    sock.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--head-mb", type=int, default=6)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT / "tests" / "fixtures" / "project", project)
        port = free_port()
        env = {**os.environ, "BRIEFGEN_NO_PROGRESS": "1", "PYTHONPATH": str(ROOT)}
        server = subprocess.Popen([sys.executable, "-c", "from briefgen.cli import main; main()", "--project",
                                   str(project), "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            for _ in range(600):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            time.sleep(1)
            before = rss_mb(server.pid)
            sent: list[int] = []
            hold = threading.Event()
            threads = [threading.Thread(target=attack, args=(port, args.head_mb, sent, hold), daemon=True)
                       for _ in range(args.clients)]
            for t in threads:
                t.start()
            peak = before
            while len(sent) < args.clients:
                peak = max(peak, rss_mb(server.pid))
                time.sleep(0.1)
            peak = max(peak, rss_mb(server.pid))
            hold.set()
            for t in threads:
                t.join()
            time.sleep(1)
            after = rss_mb(server.pid)
            print(f"{args.clients} clients x {args.head_mb} MB heads: server RSS {before:.0f} MB before, "
                  f"{peak:.0f} MB at the peak, {after:.0f} MB after; the clients got "
                  f"{sum(sent) / 2**20:.1f} MB in before being cut off (median {sorted(sent)[len(sent) // 2] / 1024:.0f} KB)")
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
