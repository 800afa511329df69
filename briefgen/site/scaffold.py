"""`briefgen init DIR`: a new project that builds at once (config, folders, one sample brief)."""
from __future__ import annotations

import logging
from pathlib import Path

from briefgen.errors import BuildError

log = logging.getLogger(__name__)

CONFIG = """\
# briefgen project: every key is documented in the README, section "Configuration reference".
title = "My briefing"
description = "The world's news, region by region."
base_url = "http://127.0.0.1:8000/"   # the public URL once published; a sub-path is fine
locale = "en"                         # UI strings and dates: fr_CH, de_CH, it_CH, en, ...
locales = []                          # more UI languages, each built under /<lang>/
timezone = "Europe/Zurich"

[site]
per_page = 20
full_text = true
"""

SAMPLE = """\
---
title: Welcome to your briefing
kicker: Getting started
lead: Put raw articles (page dumps .txt or saved .html pages) in content/raw/ and run briefgen build.
date: 2026-01-16T09:00:00+01:00
lang: en
source:
  name: briefgen
regions: [western-europe]
themes: [technology]
key_points:
  - Every brief is a Markdown file with YAML front matter in content/briefs/.
  - Templates in templates/ override the default theme, file by file.
---

Friday, 16 January 2026

This sample brief shows how a brief looks. Edit it, delete it, or let `briefgen build` turn the raw
articles of `content/raw/` into briefs like it.

## Next steps

- `briefgen serve` previews the site and reloads on every change.
- `briefgen publish --to DEST` deploys it.
"""

GITIGNORE = "/site/\n/site.*/\n.briefgen-cache/\n"

FILES = {
    "briefgen.toml": CONFIG,
    "content/briefs/2026/01/welcome-to-your-briefing.md": SAMPLE,
    "content/raw/.keep": "",
    "templates/.keep": "",
    "static/.keep": "",
    ".gitignore": GITIGNORE,
}


def init_project(directory: Path) -> Path:
    """Create the project; refuses a folder that already holds a briefgen.toml."""
    root = Path(directory)
    if (root / "briefgen.toml").exists():
        raise BuildError("a briefgen project already exists here", root / "briefgen.toml")
    if root.exists() and not root.is_dir():
        raise BuildError("exists and is not a folder", root)
    for rel, text in FILES.items():
        path = root / rel
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root   # the CLI says "created …" (once)
