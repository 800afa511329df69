from __future__ import annotations

from briefgen.site.markdown import fold, render, safe_url, words


def test_can_render_headings_lists_emphasis_and_links():
    html = render("Intro *mot*.\n\n## Sous-titre\n\n- un\n- deux\n\n[lien](https://example.org/a)")
    assert "<em>mot</em>" in html and "<h2>Sous-titre</h2>" in html and "<li>un</li>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer nofollow">lien</a>' in html


def test_sanitises_scripts_handlers_and_javascript_urls():
    html = render('<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3)) '
                  '<a href="JaVaScRiPt:alert(4)">b</a> <iframe src="https://evil"></iframe> '
                  '[c](https://e.org){: onclick="alert(5)" style="x"} <svg onload="alert(6)"></svg>')
    for bad in ("<script", "onerror", "javascript", "JaVaScRiPt", "<iframe", "onclick", "style=", "<svg", "onload",
                "<img"):
        assert bad not in html, bad


def test_a_body_h1_becomes_h2_so_the_title_stays_the_only_h1():
    assert render("# Grand titre\n\ntexte").startswith("<h2>Grand titre</h2>")


def test_safe_url_keeps_only_http_and_https():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "vbscript:x", "", None,
                'https://e.org/"onmouseover="x'):
        assert safe_url(bad) is None


def test_fold_ignores_case_and_accents_like_the_search_script():
    assert fold("Élève ÀÇÕ Straße") == "eleve aco strasse"
    assert words("<p>Déjà vu, déjà <b>VU</b> à Zürich 2026</p>", 10) == ["deja", "zurich"]
