#!/usr/bin/env python3
"""Convert a gen_corpus corpus into a Hugo site (taxonomies: regions and themes).

    python bench/hugo_adapter.py CORPUS SITE

SITE gets config.toml, minimal layouts (home, brief page, paginated listings of 20, taxonomy
indexes) and content/briefs/YYYY/MM/<slug>.md. Front matter is written as JSON, which Hugo reads
natively, so no YAML 1.1 reader can turn the country code NO into false. Hugo's built-in RSS and
sitemap stay on, as briefgen writes feeds and a sitemap. No theme download, no network.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import one_line, write_converted  # noqa: E402

log = logging.getLogger(__name__)

CONFIG = '''\
# Written by bench/hugo_adapter.py: a minimal site comparable to a briefgen site.
baseURL = "http://127.0.0.1:1313/"
languageCode = "fr"
title = "Briefing benchmark"
paginate = 20
rssLimit = 50
enableRobotsTXT = false
disableKinds = []

[taxonomies]
region = "regions"
theme = "themes"
'''

LAYOUTS = {
    "_default/baseof.html": '''\
<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/regions/" | relURL }}">regions</a>
<a href="{{ "/themes/" | relURL }}">themes</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
''',
    "_default/single.html": '''\
{{ define "main" }}<article lang="{{ .Params.brieflang }}">
{{ with .Params.kicker }}<p class="kicker">{{ . }}</p>{{ end }}
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
<ul class="labels">{{ range .GetTerms "regions" }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "themes" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
</article>{{ end }}
''',
    "_default/list.html": '''\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ol>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.lead }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
''',
    "_default/terms.html": '''\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
''',
    "index.html": '''\
{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ol>{{ range first 12 (where .Site.RegularPages.ByDate.Reverse "Section" "briefs") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.lead }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ol>{{ end }}
''',
}


def page_text(brief) -> str:
    """One brief as a Hugo content file with JSON front matter."""
    front = {
        "title": one_line(brief.title),
        "date": brief.date.isoformat(),
        "slug": brief.slug,
        "kicker": one_line(brief.kicker) or None,
        "lead": one_line(brief.lead) or None,
        "brieflang": brief.lang,
        "countries": list(brief.countries),
        "regions": list(brief.regions),
        "themes": list(brief.themes),
    }
    front = {k: v for k, v in front.items() if v is not None}
    return json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + brief.body.strip("\n") + "\n"


def write_skeleton(site: Path) -> None:
    (site / "config.toml").parent.mkdir(parents=True, exist_ok=True)
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    for rel, text in LAYOUTS.items():
        target = site / "layouts" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def convert(corpus: Path, site: Path) -> int:
    """Write the Hugo site; returns the number of pages written."""
    write_skeleton(site)
    return write_converted(corpus, site / "content" / "briefs", page_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder written by gen_corpus.py")
    parser.add_argument("site", type=Path, help="Hugo site folder to write")
    args = parser.parse_args(argv)
    print(f"wrote {convert(args.corpus, args.site)} pages to {args.site}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
