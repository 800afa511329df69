"""Brief images kept by the site itself (`[site] images = "download"`), so a published site does
not hotlink a publisher's pictures.

At build time each brief's `image.url` is fetched once (http(s) only, a size limit, JPEG, PNG,
WebP or GIF by both the Content-Type and the decoded data), re-encoded by Pillow as a 1200-px-wide
JPEG and a 320x213 thumbnail (3:2, centre crop), and cached in `.briefgen-cache/images/` under a hash
of its URL: later builds reuse it without a request. A failed download is remembered for a day and
the brief then shows no image (a caption is never shown alone). With the default `images = "link"`
pages show the publisher's URL with `referrerpolicy="no-referrer"`.
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.site.text import safe_url

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.site.content import Item

log = logging.getLogger(__name__)

SIZES = {"full": (1200, None), "thumb": (320, 213)}    # width, height (None: keep the aspect ratio)
TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}
MAX_PIXELS = 40_000_000        # a decompression bomb is refused before it is decoded
RETRY_AFTER = 86_400           # seconds before a failed URL is tried again
TIMEOUT = 15
THREADS = 6
FORMAT = 1                     # bump when the files' layout changes


def url_key(url: str) -> str:
    return hashlib.blake2b(url.encode("utf-8"), digest_size=10).hexdigest()


class ImageStore:
    """What the cache knows of each image URL: its files (name, width, height) per size, or an error."""

    def __init__(self, cache_dir: Path, max_kb: int = 5000) -> None:
        self.folder = cache_dir / "images"
        self.index_file = self.folder / "index.json"
        self.max_bytes = max_kb * 1024
        self.index: dict[str, dict] = {}
        try:
            data = json.loads(self.index_file.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self.index = data.get("images", {})
        except (OSError, ValueError, AttributeError):
            self.index = {}

    # -- reading ----------------------------------------------------------------------------------
    def get(self, brief, kind: str) -> tuple[str, int, int] | None:
        """(site path, width, height) of a brief's image in size `kind`, or None."""
        url = safe_url(getattr(brief.image, "url", None))
        entry = self.index.get(url) if url else None
        found = (entry or {}).get("files", {}).get(kind)
        return (f"images/{found[0]}", found[1], found[2]) if found else None

    def state(self, url: str | None) -> str:
        """What pages showing this image depend on: its files, or that there are none."""
        entry = self.index.get(url or "") or {}
        return repr(sorted(entry.get("files", {}).items()))

    def files(self) -> dict[str, Path]:
        """Site path -> cached file, for every image the cache holds."""
        out = {}
        for entry in self.index.values():
            for name, _w, _h in entry.get("files", {}).values():
                out[f"images/{name}"] = self.folder / name
        return out

    # -- fetching ---------------------------------------------------------------------------------
    def fetch_all(self, urls: list[str]) -> int:
        """Download the URLs the cache does not know yet (or that failed over a day ago)."""
        now = time.time()
        todo = [u for u in dict.fromkeys(urls)
                if u not in self.index or ("error" in self.index[u] and now - self.index[u].get("at", 0) > RETRY_AFTER)]
        if not todo:
            return 0
        # imported here: ~5 ms a build that downloads nothing (every build of most sites) skips
        from concurrent.futures import ThreadPoolExecutor

        self.folder.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(THREADS) as pool:
            for url, entry in zip(todo, pool.map(self._fetch_one, todo), strict=True):
                self.index[url] = entry
                if "error" in entry:
                    log.warning("image not kept: %s: %s", url, entry["error"])
        tmp = self.index_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": FORMAT, "images": self.index}, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.index_file)
        return len(todo)

    def _fetch_one(self, url: str) -> dict:
        try:
            data, ctype = self._download(url)
            return {"files": self._resize(url, data, ctype)}
        except Exception as exc:  # noqa: BLE001 - network and imaging errors of every kind
            return {"error": str(exc) or exc.__class__.__name__, "at": time.time()}

    def _download(self, url: str) -> tuple[bytes, str]:
        import urllib.request  # only when an image is fetched: a build imports it otherwise for nothing

        request = urllib.request.Request(url, headers={"User-Agent": "briefgen (static site build)",
                                                       "Accept": ", ".join(TYPES)})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as resp:
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype not in TYPES:
                raise ValueError(f"not an image type briefgen keeps ({ctype or 'no Content-Type'})")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise ValueError(f"larger than {self.max_bytes // 1024} KB ({int(length) // 1024} KB)")
            data = resp.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise ValueError(f"larger than {self.max_bytes // 1024} KB")
        return data, ctype

    def _resize(self, url: str, data: bytes, ctype: str) -> dict:
        from PIL import Image, ImageOps

        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != TYPES[ctype] and probe.format not in TYPES.values():
                raise ValueError(f"the data is not {ctype}")
            if probe.width * probe.height > MAX_PIXELS:
                raise ValueError("too many pixels")
            probe.load()
            img = ImageOps.exif_transpose(probe)
            if img.mode in ("RGBA", "LA", "P"):
                img = img.convert("RGBA")
                flat = Image.new("RGB", img.size, (255, 255, 255))
                flat.paste(img, mask=img.getchannel("A"))
                img = flat
            else:
                img = img.convert("RGB")
        key = url_key(url)
        files = {}
        for kind, (width, height) in SIZES.items():
            if height is None:
                out = img.copy()
                out.thumbnail((width, width * 4))
            else:
                out = ImageOps.fit(img, (width, height), Image.LANCZOS)
            buf = io.BytesIO()
            out.save(buf, "JPEG", quality=80, optimize=True, progressive=True)
            name = f"{key}-{kind}-{hashlib.blake2b(buf.getvalue(), digest_size=4).hexdigest()}.jpg"
            (self.folder / name).write_bytes(buf.getvalue())
            files[kind] = [name, out.width, out.height]
        return files


def attach(config: Config, items: list[Item]) -> tuple[list[Item], ImageStore | None]:
    """Download missing images (images = "download") and fold each brief's image state into its
    signature, so exactly the pages that show a newly kept image are rendered again."""
    if config.site.images != "download":
        return items, None
    store = ImageStore(config.path("cache"), config.site.image_max_kb)
    urls = [u for u in (safe_url(getattr(it.brief.image, "url", None)) for it in items) if u]
    fetched = store.fetch_all(urls)
    if fetched:
        log.info("images: %d fetched", fetched)
    out = []
    for it in items:
        url = safe_url(getattr(it.brief.image, "url", None))
        out.append(it.with_sig(hashlib.blake2b(f"{it.sig}\0{store.state(url)}".encode(), digest_size=16)
                               .hexdigest()) if url else it)
    return out, store
