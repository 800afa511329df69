"""Fixtures for publish tests: a small built site written by hand (what a site build produces)."""
from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{root}assets/style.3f2a9c1be0.css">
<link rel="alternate" type="application/atom+xml" href="{root}feed.xml">
</head>
<body>
  <nav><a href="{root}">Home</a> <a href="{root}briefs/first/">First</a>
    <a href="{root}briefs/second/">Second</a></nav>
  <main><h1>{title}</h1>
    <p>{body}</p>
    <img src="{root}assets/logo.png" alt="">
  </main>
</body></html>
"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Briefing</title><id>{base}</id>
  <link rel="self" href="{base}feed.xml"/><link href="{base}"/>
  <updated>2026-01-16T09:41:00+01:00</updated>
  <entry><title>First</title><id>{base}briefs/first/</id><link href="{base}briefs/first/"/>
    <updated>2026-01-16T09:41:00+01:00</updated></entry>
</feed>
"""

SITEMAP = """<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}</loc></url><url><loc>{base}briefs/first/</loc></url><url><loc>{base}briefs/second/</loc></url>
</urlset>
"""

CSS = "/* theme */\nbody {\n  margin: 0 auto;\n  max-width: 40rem;\n}\n\nh1 {\n  font-size: 2rem;\n}\n" * 20


def write_site(out: Path, base: str = "http://127.0.0.1:8000/", body: str = "Tokyo and Washington agree.",
               extra: dict[str, str] | None = None) -> Path:
    """A site as the build lays it out: pages, a feed, a sitemap, a hashed stylesheet, an image."""
    from urllib.parse import urlsplit

    root = urlsplit(base).path
    files = {
        "index.html": PAGE.format(title="Briefing", root=root, body=body),
        "briefs/first/index.html": PAGE.format(title="First", root=root, body=body),
        "briefs/second/index.html": PAGE.format(title="Second", root=root, body="A second brief. " * 40),
        "feed.xml": FEED.format(base=base),
        "sitemap.xml": SITEMAP.format(base=base),
        "assets/style.3f2a9c1be0.css": CSS,
        **(extra or {}),
    }
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (out / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return out


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(tmp_path / "built")
