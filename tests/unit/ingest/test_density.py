"""The density container (briefgen/ingest/density.py): the part of a page whose blocks hold most prose, found
without reading a class name, an id or an HTML5 tag."""
from __future__ import annotations

from briefgen.ingest.density import best_container
from briefgen.ingest.html import _body, _parse

PROSE = ("The council agreed on Tuesday to keep the night buses running through the winter, after a petition "
         "signed by more than four thousand residents asked it to reverse last month's decision.")


def _page(story: str, around: str = "") -> str:
    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(12))
    teasers = "".join(f"<p><a href='/t{n}'>A teaser headline about another story number {n}</a></p>"
                      for n in range(8))
    return (f"<html><body><div><ul>{menu}</ul></div><div><div><h1>Night buses</h1>{story}</div>"
            f"<div>{teasers}</div></div>{around}</body></html>")


def _container_text(page: str) -> str:
    doc = _parse(page)
    box = best_container(_body(doc))
    return " ".join(box.element.text_content().split()) if box else ""


def test_the_story_s_block_is_the_container_not_the_menu_or_the_teasers():
    story = "<div>" + "".join(f"<p>{PROSE} ({n})</p>" for n in range(4)) + "</div>"
    text = _container_text(_page(story))
    assert text.startswith(PROSE) and "(3)" in text
    assert "Section 3" not in text and "teaser headline" not in text


def test_paragraphs_each_wrapped_in_divs_of_their_own_are_found_together():
    story = "<div>" + "".join(f"<div><div><p>{PROSE} ({n})</p></div></div>" for n in range(4)) + "</div>"
    text = _container_text(_page(story))
    assert "(0)" in text and "(3)" in text and "teaser headline" not in text


def test_a_subhead_and_a_short_line_between_paragraphs_are_inside():
    story = (f"<div><p>{PROSE} (0)</p><h2>What happens next</h2><p>{PROSE} (1)</p><div><a href='/x'>Read "
             f"more</a></div><p>{PROSE} (2)</p></div>")
    text = _container_text(_page(story))
    assert "What happens next" in text and "(2)" in text


def test_text_and_br_lines_directly_in_a_cell_are_prose():
    story = "<table><tr><td>" + "<br><br>".join(f"{PROSE} ({n})" for n in range(4)) + "</td></tr></table>"
    text = _container_text(_page(story))
    assert "(0)" in text and "(3)" in text and "Section 1" not in text


def test_a_page_with_no_prose_has_no_container():
    assert best_container(_body(_parse("<html><body><ul><li><a href='/'>Home</a></li></ul></body></html>"))) \
        is None


def test_the_trafilatura_text_after_the_container_goes_and_a_standfirst_before_it_stays():
    from briefgen.ingest.html import _inside_container
    from briefgen.model import Block

    standfirst = "Residents had asked the council to think again about the cuts, and it has listened to them."
    footer = ("We use cookies to give you the best experience on our website, to show you personalised "
              "content and to measure how the site is used.")
    story = "".join(f"<p>{PROSE} ({n})</p>" for n in range(4))
    teasers = "".join(f"<p><a href='/t{n}'>A teaser headline about another story number {n}</a></p>"
                      for n in range(8))
    page = (f"<html><body><div><p>Home | News | Sport</p><h1>Night buses</h1><p>{standfirst}</p></div>"
            f"<div>{story}</div><div>{teasers}</div><div><p>{footer}</p></div></body></html>")
    blocks = [Block("paragraph", t) for t in
              ["Home | News | Sport", standfirst, *(f"{PROSE} ({n})" for n in range(4)), footer]]
    kept = [b.text for b in _inside_container(blocks, _parse(page))]
    assert kept == [standfirst, *(f"{PROSE} ({n})" for n in range(4))]


def test_the_container_is_looked_for_only_when_trafilatura_s_text_may_run_past_the_article():
    """_doubtful: the container step runs when trafilatura's first paragraph or last block is not in the
    page's main run of paragraphs (the <p>s under the element, or the wrappers' element, holding most of
    them); a text that starts and ends there has nothing outside the article to cut."""
    from briefgen.ingest.html import _doubtful
    from briefgen.model import Block

    footer = ("We use cookies to give you the best experience on our website, to show you personalised "
              "content and to measure how the site is used.")
    for story in ("<div>" + "".join(f"<p>{PROSE} ({n})</p>" for n in range(4)) + "</div>",
                  "<div>" + "".join(f"<div><p>{PROSE} ({n})</p></div>" for n in range(4)) + "</div>"):
        doc = _parse(_page(story, f"<div><p>{footer}</p></div>"))
        article = [Block("heading", "Night buses"), *(Block("paragraph", f"{PROSE} ({n})") for n in range(4))]
        assert not _doubtful(article, doc)
        assert _doubtful([*article, Block("paragraph", footer)], doc)
        assert _doubtful([Block("paragraph", "Home | News | Sport"), *article[1:]], doc)
        # a standfirst of prose before the run is kept by the container step too: no need to look
        standfirst = Block("paragraph", "Residents had asked the council to think again about the cuts, and "
                                        "it has listened to them.")
        assert not _doubtful([standfirst, *article], doc)
    # teasers and a subscription box beside the story's <div>: their <p>s under the same grandparent (the
    # <body>) do not make the whole page one run
    teasers = "".join(f"<p>A teaser about another story number {n}, with a summary line.</p>"
                      for n in range(3))
    doc = _parse("<html><body><div>" + "".join(f"<p>{PROSE} ({n})</p>" for n in range(4))
                 + f"</div><div>{teasers}</div><div><p>Subscribe for a year and save a third.</p></div>"
                 + "</body></html>")
    article = [Block("paragraph", f"{PROSE} ({n})") for n in range(4)]
    assert _doubtful([*article, Block("paragraph", "A teaser about another story number 2, with a summary "
                                                   "line.")], doc)
    # paragraphs three levels from their common element: not a run the gate can vouch for
    story = "<div>" + "".join(f"<div><div><p>{PROSE} ({n})</p></div></div>" for n in range(4)) + "</div>"
    article = [Block("paragraph", f"{PROSE} ({n})") for n in range(4)]
    assert _doubtful(article, _parse(_page(story)))


def test_a_cookie_notice_of_several_paragraphs_is_no_prose_for_the_container():
    # a page without scripts and styles shows its cookie notice as paragraphs, often more than the
    # article's; a block whose text names cookies counts as junk (not a script's document.cookie)
    notice = "".join(f"<p>These cookies ({n}) are set by us and by third parties to measure how visitors "
                     f"use the site, to remember the choices you make and to show you advertising that suits "
                     f"you.</p>" for n in range(6))
    story = ("<div><script>if (document.cookie) {}</script>"
             + "".join(f"<p>{PROSE} ({n})</p>" for n in range(3)) + "</div>")
    text = _container_text(_page(story, f"<div><div><h2>Privacy settings</h2>{notice}</div></div>"))
    assert "(2)" in text and "These cookies" not in text



def test_a_cookie_notice_with_more_paragraph_text_than_the_story_makes_the_text_doubtful():
    # the <p>s of a long cookie notice outweigh a short story's: the main run is then the notice's, and the
    # story's first paragraph, prose, looks like a standfirst above it; a kept block naming cookies is
    # reason enough to look for the container
    from briefgen.ingest.html import _doubtful
    from briefgen.model import Block

    notice = [f"Our website uses cookies ({n}) so that we can remember your preferences, keep you signed in "
              f"and understand how you use our site and the sites of our partners." for n in range(3)]
    page = ("<html><body><div>" + "".join(f"<p>{PROSE} ({n})</p>" for n in range(2)) + "</div><div>"
            + "".join(f"<p>{p}</p>" for p in notice) + "</div></body></html>")
    blocks = [Block("paragraph", t) for t in [*(f"{PROSE} ({n})" for n in range(2)), *notice]]
    assert _doubtful(blocks, _parse(page))
