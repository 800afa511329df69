#!/usr/bin/env python3
"""Convert a gen_corpus corpus into a Pelican project (category = first region, tags = themes).

    python bench/pelican_adapter.py CORPUS PROJECT

PROJECT gets pelicanconf.py and content/YYYY/MM/<slug>.md with Pelican's "Key: value" metadata.
The settings mirror what briefgen builds (paginated listings of 20, Atom feeds, one page per brief)
with the built-in "simple" theme, and turn Pelican's content cache on so a second build is "cached".
No plugin, no network.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import one_line, write_converted  # noqa: E402

log = logging.getLogger(__name__)

PELICANCONF = '''\
# Written by bench/pelican_adapter.py: a minimal project comparable to a briefgen site.
AUTHOR = "bench"
SITENAME = "Briefing benchmark"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
ARTICLE_PATHS = ["."]
TIMEZONE = "Europe/Zurich"
DEFAULT_LANG = "fr"
THEME = "simple"
DEFAULT_PAGINATION = 20
# One Atom feed for everything and one per category, as briefgen writes one per region.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# "cached build": Pelican re-reads only changed sources when its content cache is loaded.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
'''


def article_text(brief) -> str:
    """One brief as a Pelican Markdown source."""
    meta = {
        "Title": one_line(brief.title),
        "Date": brief.date.isoformat(),
        "Category": brief.regions[0] if brief.regions else "world",
        "Tags": ", ".join(brief.themes),
        "Slug": brief.slug,
        "Lang": brief.lang,
        "Summary": one_line(brief.lead),
    }
    head = "\n".join(f"{key}: {value}" for key, value in meta.items() if value)
    return head + "\n\n" + brief.body.strip("\n") + "\n"


def convert(corpus: Path, project: Path) -> int:
    """Write the Pelican project; returns the number of articles written."""
    content = project / "content"
    content.mkdir(parents=True, exist_ok=True)
    (project / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    return write_converted(corpus, content, article_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder written by gen_corpus.py")
    parser.add_argument("project", type=Path, help="Pelican project folder to write")
    args = parser.parse_args(argv)
    print(f"wrote {convert(args.corpus, args.project)} articles to {args.project}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
