from __future__ import annotations

import re

from briefgen.config import load_config
from briefgen.site.build import build

BRIEF = "---\ntitle: {title}\ndate: {date}\nlang: en\n---\n\nText of {title}.\n"


def test_the_feed_updated_counts_briefs_whose_date_has_no_offset(make_project):
    root = make_project({
        "briefgen.toml": 'title = "T"\ntimezone = "Europe/Zurich"\n[site]\nnow = "2026-03-01T12:00:00+01:00"\n',
        "content/briefs/2025/06/old.md": BRIEF.format(title="Old", date="2025-06-01T08:00:00+02:00"),
        "content/briefs/2026/02/new.md": BRIEF.format(title="New", date="2026-02-20T09:30:00"),
        "content/briefs/2026/01/bare.md": BRIEF.format(title="Bare", date="2026-01-10"),
    })
    result = build(load_config(root), ingest=False)
    assert not result.errors, result.errors
    feed = (root / "site/feed.xml").read_text(encoding="utf-8")
    top = re.search(r"<updated>([^<]+)</updated>", feed).group(1)
    assert top == "2026-02-20T09:30:00+01:00", feed[:800]

