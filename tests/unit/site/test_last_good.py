"""The preview keeps the last good version of a brief an edit broke (issue 14, item 8)."""
from __future__ import annotations

from briefgen.config import load_config
from briefgen.site.build import build

BRIEF = "---\ntitle: {title}\ndate: {date}\nlang: en\n---\n\nText of {title}.\n"


def test_the_preview_keeps_the_last_good_page_of_a_brief_an_edit_broke(make_project, tmp_path):
    """Issue 14 item 8 without a browser: a preview build (patch_in_place) reports the broken brief and
    keeps its last good page; a `briefgen build` leaves it out."""
    from briefgen.site.swap import SiteLock

    root = make_project({
        "briefgen.toml": 'title = "T"\n[site]\nnow = "2026-03-01T12:00:00+01:00"\n',
        "content/briefs/2026/02/keep.md": BRIEF.format(title="Keep me", date="2026-02-20T09:30:00+01:00"),
        "content/briefs/2026/02/other.md": BRIEF.format(title="Other", date="2026-02-21T09:30:00+01:00"),
    })
    config, preview = load_config(root), tmp_path / "preview"
    assert not build(config, out=preview, ingest=False, patch_in_place=True, site_lock=SiteLock()).errors
    brief = root / "content/briefs/2026/02/keep.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace("title: Keep me", "title: [unclosed"),
                     encoding="utf-8")
    result = build(config, out=preview, ingest=False, patch_in_place=True, site_lock=SiteLock())
    assert [e.path for e in result.errors] == [str(brief)]
    assert "Keep me" in (preview / "2026/02/keep/index.html").read_text(encoding="utf-8")
    cli = build(config, ingest=False)
    assert cli.errors and not (root / "site/2026/02/keep").exists()
