"""The lead image of an HTML page: its absolute URL (og:image, else the article's first figure), with
caption and credit, kept in the Article and written to the brief as image.url."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from briefgen.brief import frontmatter
from briefgen.errors import BriefError
from briefgen.ingest.html import _parse, lead_image
from briefgen.ingest.pipeline import ingest_file
from briefgen.model import Brief, Image

BODY = "".join(f"<p>Die Regierung hat am Dienstag neue Massnahmen beschlossen, Absatz {n}, die sie lange "
               "diskutiert hatte und die nun in Kraft treten sollen.</p>" for n in range(4))


def page(head: str = "", article_start: str = "", body_start: str = "") -> str:
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neue Massnahmen</title>{head}'
            '<meta property="article:published_time" content="2026-01-16T09:41:00+01:00"></head><body>'
            f'{body_start}<article><h1>Neue Massnahmen</h1>{article_start}{BODY}</article></body></html>')


def image_of(html: str, url: str | None = None) -> str | None:
    return lead_image(_parse(html), url)


def test_og_image_is_the_lead_image():
    got = image_of(page('<meta property="og:image" content="https://cdn.example.org/a.jpg">'))
    assert got == "https://cdn.example.org/a.jpg"


def test_twitter_image_is_used_without_og_image():
    got = image_of(page('<meta name="twitter:image" content="https://cdn.example.org/t.jpg">'))
    assert got == "https://cdn.example.org/t.jpg"


def test_a_relative_og_image_is_resolved_against_the_page_url():
    html = page('<meta property="og:url" content="https://news.example.org/politik/a.html">'
                '<meta property="og:image" content="../img/a.jpg">')
    assert image_of(html) == "https://news.example.org/img/a.jpg"


def test_base_href_resolves_relative_images():
    html = page('<base href="https://static.example.net/site/">', '<figure><img src="pics/b.png"></figure>')
    assert image_of(html, "https://news.example.org/a.html") == "https://static.example.net/site/pics/b.png"


def test_without_og_image_the_article_s_first_figure_is_taken_not_a_teaser_s():
    html = page(article_start='<figure><img data-src="/img/lead.jpg" src="data:image/gif;base64,R0lG">'
                              '<figcaption>Der Minister. Foto: dpa</figcaption></figure>',
                body_start='<div class="teaser"><figure><img src="/img/teaser.jpg"></figure></div>')
    assert image_of(html, "https://news.example.org/a/b.html") == "https://news.example.org/img/lead.jpg"


def test_srcset_gives_its_first_url():
    srcset = "//cdn.example.org/s.jpg 320w, //cdn.example.org/l.jpg 1024w"
    html = page(article_start=f'<figure><img srcset="{srcset}"></figure>')
    assert image_of(html, "https://news.example.org/a") == "https://cdn.example.org/s.jpg"


@pytest.mark.parametrize("src", ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=",
                                 "ftp://x.org/a.jpg", "https://x.org/a b.jpg", 'https://x.org/a".jpg'])
def test_only_http_urls_are_kept(src):
    html = page(f'<meta property="og:image" content=\'{src}\'>')
    assert image_of(html, "https://news.example.org/") is None


def test_a_relative_image_without_any_page_url_is_not_kept():
    assert image_of(page('<meta property="og:image" content="/img/a.jpg">')) is None


def test_the_image_url_caption_and_credit_reach_the_article_and_the_brief(tmp_path):
    from briefgen.brief.render_md import render
    from briefgen.model import Classification

    p = tmp_path / "page.html"
    p.write_text(page('<meta property="og:url" content="https://news.example.org/a.html">'
                      '<meta property="og:image" content="/img/lead.jpg">',
                      "<figure><img src='/img/lead.jpg'><figcaption>Der Minister in Bern. Foto: Keystone"
                      "</figcaption></figure>"), encoding="utf-8")
    article = ingest_file(p)
    assert article.image == Image(caption="Der Minister in Bern.", credit="Keystone",
                                  url="https://news.example.org/img/lead.jpg")
    brief = render(article, Classification(), slug="neue-massnahmen")
    text = frontmatter.dump(brief)
    assert "  url: https://news.example.org/img/lead.jpg\n" in text
    assert text.index("  credit: Keystone") < text.index("  url: https://news.example.org/img")  # added last
    assert frontmatter.load(text).image == article.image


def test_a_brief_without_image_url_keeps_its_bytes():
    b = Brief(title="T", slug="t", lang="de", date=datetime(2026, 1, 1, tzinfo=timezone.utc), body="x")
    text = frontmatter.dump(b)
    assert "image:\n  caption: null\n  credit: null\nslug: t\n" in text   # no url line when there is none
    assert frontmatter.load(text).image == Image()


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "/relative.jpg", "https://x.org/a b.jpg"])
def test_a_hand_written_image_url_must_be_absolute_http(bad):
    b = Brief(title="T", slug="t", lang="de", date=datetime(2026, 1, 1, tzinfo=timezone.utc), body="x",
              image=Image(url=bad))
    with pytest.raises(BriefError, match="image: url"):
        frontmatter.load(frontmatter.dump(b))
