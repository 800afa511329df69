"""Limits that keep the preview server alive against hostile or broken clients (README, "Preview").

The preview listens on loopback, but any web page open in the same browser can make requests to it,
and any local program can open sockets. Each connection holds a thread, so without limits 50 clients
sending 6 MB heads and never finishing held 230 MB, and idle ones held a thread forever. Here:

- a request head (request line and headers) is read within HEAD_TIMEOUT seconds and MAX_HEAD_BYTES,
  with at most IDLE_TIMEOUT seconds of silence (and of a client not reading what it is sent);
- the preview answers GET and HEAD only: a declared body over MAX_BODY_BYTES is refused (413);
- at most MAX_CONNECTIONS connections at once, of which MAX_STREAMS live-reload streams; the next
  one is told 503 and closed at once, without a thread;
- a `Host` that is not one of the server's names is refused (403), so a page on another site cannot
  read the preview through DNS rebinding, unless the user bound it to every interface on purpose.

Limits are read at each connection (tests shrink them).
"""
from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import threading
import time
from urllib.parse import quote

log = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024       # request line + headers (nginx allows 1 KB + 4 x 8 KB by default)
MAX_BODY_BYTES = 64 * 1024       # never read: the preview has nothing to post to
HEAD_TIMEOUT = 15.0              # seconds for a whole request head, however it trickles in
IDLE_TIMEOUT = 30.0              # seconds of silence on a socket, reading or writing
MAX_CONNECTIONS = 128            # threads at once, live-reload streams included
MAX_STREAMS = 64                 # live-reload streams (one per open tab)

_BUSY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
         b"Retry-After: 1\r\nConnection: close\r\nContent-Length: 31\r\n\r\nbriefgen preview: too many open\n")
LOCAL_NAMES = ("localhost",)
ANY_ADDRESS = ("", "0.0.0.0", "::")


class HeadTooLarge(http.client.HTTPException):
    """Raised while reading headers: http.server answers it with 431."""


class HeadReader:
    """The request's input, read straight from the socket with a byte budget and one deadline for
    the whole head: every recv waits at most until that deadline, so a client trickling a byte at a
    time is cut off as surely as a silent one. Only the head is ever read (the preview takes no body)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""
        self.used = 0
        self.deadline = time.monotonic() + HEAD_TIMEOUT
        self.limit = MAX_HEAD_BYTES

    def readline(self, size: int = -1) -> bytes:
        size = self.limit + 1 if size is None or size < 0 else size
        while b"\n" not in self.buffer[:size] and len(self.buffer) < size:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("request head not sent in time")
            if self.used + len(self.buffer) > self.limit:
                raise HeadTooLarge("request head too large")
            self.sock.settimeout(min(IDLE_TIMEOUT, left))
            chunk = self.sock.recv(16384)
            if not chunk:
                break
            self.buffer += chunk
        end = self.buffer.find(b"\n", 0, size)
        end = min(size, len(self.buffer)) if end < 0 else end + 1
        line, self.buffer = self.buffer[:end], self.buffer[end:]
        self.used += len(line)
        if self.used > self.limit:
            raise HeadTooLarge("request head too large")
        return line

    def done(self) -> None:
        """Head read: from now on only the idle timeout applies (a large file may take a while)."""
        self.sock.settimeout(IDLE_TIMEOUT)

    def close(self) -> None:
        self.buffer = b""


class LimitedServer:
    """Mixin for the preview's ThreadingHTTPServer: a cap on connections and on event streams."""

    def __init__(self, *args, **kwargs) -> None:
        self._slots_lock = threading.Lock()
        self._open = 0
        self._streams = 0
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address) -> None:
        with self._slots_lock:
            full = self._open >= MAX_CONNECTIONS
            if not full:
                self._open += 1
        if full:
            _refuse(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._leave()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._leave()

    def _leave(self) -> None:
        with self._slots_lock:
            self._open -= 1

    def enter_stream(self) -> bool:
        with self._slots_lock:
            if self._streams >= MAX_STREAMS:
                return False
            self._streams += 1
            return True

    def leave_stream(self) -> None:
        with self._slots_lock:
            self._streams -= 1


def _refuse(request: socket.socket) -> None:
    """Tell the client why, without waiting on it (a full send buffer is its loss)."""
    try:
        request.setblocking(False)
        request.send(_BUSY)
    except OSError:
        pass


def body_too_large(headers) -> bool:
    if headers.get("Transfer-Encoding"):
        return True
    try:
        return int(headers.get("Content-Length") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True


def _host_name(header: str) -> str | None:
    header = header.strip().lower()
    if header.startswith("["):
        end = header.find("]")
        rest = header[end + 1:]
        if end < 0 or (rest and not (rest.startswith(":") and rest[1:].isdigit())):
            return None
        return header[1:end]
    name, _, port = header.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".")


def host_allowed(header: str | None, bound: str) -> bool:
    """Whether a request's `Host` names this server. No header (an HTTP/1.0 tool, not a browser) is
    fine; an IP address cannot be rebound; `localhost` and the bound name always pass; a server bound
    to every interface (`--host 0.0.0.0`) was exposed on purpose and answers any name."""
    if header is None:
        return True
    if bound in ANY_ADDRESS:
        return True
    name = _host_name(header)
    if not name or any(c in name for c in " /\\@?#"):
        return False
    if name in LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    return name == bound.strip("[]").lower().rstrip(".")


_URL_SAFE = "/%:@!$&()*+,;=-._~"
_QUERY_SAFE = "/%:@!$&()*+,;=-._~?"


def location(path: str, query: str) -> str:
    """A redirect's `Location`: the request's path and query, percent-encoded so no byte a client
    sent (quotes, `<`, controls, Latin-1 bytes as http.server decodes them) reaches the header raw."""
    def encode(text: str, safe: str) -> str:
        try:
            data = text.encode("latin-1")     # http.server decoded the request line as Latin-1
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        return quote(data, safe=safe)
    return encode(path, _URL_SAFE) + (f"?{encode(query, _QUERY_SAFE)}" if query else "")
