"""A hand-written brief with countries but no regions is filed under its countries' regions at build time."""
from __future__ import annotations


def test_a_brief_with_countries_and_no_regions_is_listed_under_their_regions(scratch_project, build_project):
    (scratch_project / "content/briefs/2026/01/hand.md").write_text(
        "---\ntitle: Une brève écrite à la main\ndate: 2026-01-12T10:00:00+01:00\nlang: fr\n"
        "countries: [KE, BR]\n---\n\nCorps du texte.\n", encoding="utf-8")
    result = build_project(scratch_project)
    for slug in ("eastern-africa", "south-america"):
        page = (result.out / "regions" / slug / "index.html").read_text(encoding="utf-8")
        assert "Une brève écrite à la main" in page, slug
    assert "Afrique de l’Est" in (result.out / "regions/index.html").read_text(encoding="utf-8")
    # the file itself is not touched: filing happens at build time
    assert "regions" not in (scratch_project / "content/briefs/2026/01/hand.md").read_text(encoding="utf-8")
