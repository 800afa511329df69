"""Raw readers, registered by file extension (habit 7), and the checks every raw file goes through.

Raw files are only ever read: never modified, moved or deleted. A file over the size limit is
refused from its size alone, before reading it; binary files and undecodable text are refused
with one line naming the file.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from briefgen.errors import IngestError
from briefgen.model import RawArticle, RawKind

log = logging.getLogger(__name__)

# Extension -> kind of raw article. Anything else in content/raw/ is ignored (notes, images).
READERS: dict[str, RawKind] = {".txt": "dump", ".html": "html", ".htm": "html", ".md": "markdown"}
MAX_BYTES = 10 * 1024 * 1024   # a saved news page is well under 5 MB; bigger is not an article
SNIFF = 8192                    # bytes looked at to tell binary from text
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def kind_of(path: Path) -> RawKind | None:
    return READERS.get(path.suffix.lower())


def is_raw(path: Path) -> bool:
    return kind_of(path) is not None and not path.name.startswith((".", "_"))


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): UTF-8 first, then charset-normalizer's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not text in a known encoding", path)
    log.debug("%s: decoded as %s", path, best.encoding)
    return str(best), best.encoding


def read_raw(path: Path, name: str | None = None, max_bytes: int = MAX_BYTES) -> RawArticle:
    kind = kind_of(path)
    if kind is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'} "
                          f"(expected {', '.join(sorted(READERS))})", path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)", path)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path) from None
    if not data.strip():
        raise IngestError("empty file", path)
    if b"\x00" in data[:SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary file, not a text page dump or HTML page", path)
    text, encoding = decode(data, path)
    if len(_CONTROL.findall(text, 0, SNIFF)) > 0.1 * min(len(text), SNIFF):
        raise IngestError("binary file, not a text page dump or HTML page", path)
    return RawArticle(path=path, name=name or path.name, kind=kind, text=text, sha256=hashlib.sha256(data).hexdigest(),
                      encoding=encoding)
