"""Headline candidates of a page dump (glued kickers, widget text, breadcrumbs) and the fallback title."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.ingest import linemodel, meta
from briefgen.ingest.clean import Line, clean_dump
from briefgen.ingest.pipeline import _title_from_body
from briefgen.model import Block

P1 = ("The city council voted on Tuesday to extend the night bus network to the northern districts, "
      "after two years of complaints from residents who work late shifts.")
P2 = ("The first new lines will run from March, and the council expects about four thousand passengers "
      "a night once all of them are in service.")
BODY = "\n\n".join([P1, P2, P1.replace("Tuesday", "Wednesday"), P2.replace("March", "April"),
                    P1.replace("council", "assembly")])


def _cuts(page: str) -> dict[str, tuple[str, int]]:
    cands, cuts = meta.title_candidates(clean_dump(page))
    return {ln.text: cut for ln, cut in zip(cands, cuts)}


def test_a_kicker_or_widget_glued_at_a_separator_gives_a_candidate_without_it():
    got = _cuts("Menu\n\nShare this Story : Night buses will reach the northern districts\n\n" + BODY)
    assert got["Night buses will reach the northern districts"] == ("Share this Story", 1)
    assert got["Share this Story : Night buses will reach the northern districts"] == ("", 0)


def test_a_part_the_page_shows_as_a_line_of_its_own_is_cut_off():
    page = "Home\n\nNews\n\nHome Night buses will reach the northern districts\n\n" + BODY
    assert _cuts(page)["Night buses will reach the northern districts"] == ("Home", 2)


def test_a_rest_the_page_shows_as_a_line_of_its_own_is_a_candidate():
    page = ("Night buses will reach the northern districts\n\n" + "\n".join(f"Section {n}" for n in range(60))
            + "\n\nNight buses will reach the northern districts Back to video\n\n" + BODY)
    assert _cuts(page)["Night buses will reach the northern districts"] == ("Back to video", 3)


def test_a_breadcrumb_trail_copied_without_spaces_is_cut_at_its_last_glue():
    got = _cuts("Menu\n\nHomeLocalTransportNight buses: the northern districts join the network\n\n" + BODY)
    assert got["Night buses: the northern districts join the network"] == ("HomeLocalTransport", 4)


def test_the_shipped_headline_ranker_has_the_features_meta_computes():
    data = json.loads(linemodel.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["title_features"] == list(meta.TITLE_FEATURES)
    assert len(data["title"]["weights"]) == len(meta.TITLE_FEATURES)


def test_a_headline_picked_without_its_kicker_gives_the_kicker():
    """Whatever the ranker picks on this page, a cut-off prefix becomes the kicker."""
    page = "Menu\n\nTransport: Night buses will reach the northern districts\nBy Ann Writer\n\n" + BODY
    h = meta.find_header(clean_dump(page))
    if h.title == "Night buses will reach the northern districts":
        assert h.kicker == "Transport"
    else:
        assert h.title == "Transport: Night buses will reach the northern districts"


@pytest.mark.parametrize("text, most", [
    ("東京都は13日、新型コロナウイルスの感染者が新たに500人確認されたと発表した。都内の感染者は累計で10万人を超えた。", 30),
    ("北京市政府周二宣布，将在今年年底前新建二十座公园，并改造城区内的老旧小区和街道。", 30),
    ("กรุงเทพมหานครประกาศมาตรการใหม่เพื่อควบคุมการแพร่ระบาดของโรคในช่วงเทศกาลสงกรานต์ปีนี้", 60),
])
def test_a_fallback_title_in_a_script_without_spaces_is_a_few_words_long(text, most):
    title = _title_from_body([Block("paragraph", text, ())])
    assert title.endswith("…") and 10 <= len(title) <= most
    assert text.startswith(title[:-1])


def test_a_fallback_title_has_twelve_words_of_a_spaced_script():
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "thirteen", "fourteen"]
    assert _title_from_body([Block("paragraph", " ".join(words) + ".", ())]) == " ".join(words[:12]) + "…"
    short = " ".join(words[:12]) + "."
    assert _title_from_body([Block("paragraph", short, ())]) == short


def test_a_title_takes_the_form_with_more_colons_the_page_shows_elsewhere():
    page = ("Protests of 2022: Report: activist was killed - the court denies it\n\nMenu\n\n"
            "Protests of 2022 Report: activist was killed - the court denies it\n\n" + BODY)
    h = meta.Header(title="Protests of 2022 Report: activist was killed - the court denies it")
    meta._punctuated_title(clean_dump(page), h)
    assert h.title == "Protests of 2022: Report: activist was killed - the court denies it"
    assert h.kicker == "Protests of 2022"


def test_single_words_are_no_candidates_but_a_short_cjk_headline_is():
    page = "Home\n\nPolitik\n\n震度5弱\n\nNight buses will reach the northern districts\n\n" + BODY
    texts = {ln.text for ln in meta.title_candidates(clean_dump(page))[0]}
    assert "Home" not in texts and "Politik" not in texts
    assert "震度5弱" in texts and "Night buses will reach the northern districts" in texts


def test_a_paragraph_at_the_top_of_the_text_is_no_headline_candidate():
    """A line of the text with 25 tokens or more, or of several sentences, stays in the body (the line model
    may put a page's header inside the text: its first paragraph is then no headline)."""
    lead = "Kiel (dpo) - The harbour is in danger! A study warns that the bay will silt up within ten years."
    page = "Menu\n\nNight buses will reach the northern districts\n\n" + lead + "\n\n" + BODY
    c = clean_dump(page)
    texts = {ln.text for ln in meta.title_candidates(c)[0]}
    assert lead not in texts and P1 not in texts and P2 not in texts
    assert meta._paragraph_inside(lead) and meta._paragraph_inside(P1)
    assert not meta._paragraph_inside("Night buses will reach the northern districts")
    assert not meta._paragraph_inside("Bekiffte Geografen warnen: Ostsee in Wahrheit riesiges Krokodil!")


def test_interface_words_come_from_a_data_file_with_provenance_in_many_languages():
    path = Path(meta.__file__).parent / "data" / "ui_words.toml"
    assert "Provenance" in path.read_text(encoding="utf-8")
    words = meta.ui_words()
    for w in ("share", "skip", "teilen", "partager", "condividi", "compartir", "compartilhar", "поделиться"):
        assert w in words
    assert not {"les", "mer", "del", "et"} & words   # function or content words of another language


@pytest.mark.parametrize("text, furniture", [
    ("Share on Facebook", True), ("Get our app", True), ("Skip to content", True), ("Read more", True),
    ("Auf Facebook teilen", True), ("Facebook shares fall after earnings miss", False),
    ("Night buses will reach the northern districts", False),
])
def test_an_interface_line_is_furniture_a_headline_with_such_a_word_is_not(text, furniture):
    assert meta._furniture(Line(0, text, text.lower(), len(text.split())), meta.ui_words()) is furniture


# Robustness: sample pages (in the repository) whose headline the shipped ranker finds, degraded by hand
# the way unseen sites fail: "Skip to content" first, share and app buttons around the headline, a photo
# caption between the headline and the text. The headline must stay. (These pages were in the shipped
# model's fit; the leave-publisher-out figures on all 255 pages are in tests/data/dump_model_lopo.json.)
SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples" / "pages"
ROBUST_CASES = ["en-theguardian-2024-02-24", "en-techcrunch-2024-05-17", "en-voiceofamerica-2024-04-28",
                "de-derstandard-2024-05-03", "fr-lefigaro-2024-04-29", "it-ilgiornale-2025-02-04"]


def _degraded(case: str, caption: bool) -> tuple[str, str]:
    from briefgen.ingest.score import same_title

    raw = (SAMPLES / case / "dump.txt").read_text(encoding="utf-8")
    title = json.loads((SAMPLES / case / "meta.json").read_text(encoding="utf-8"))["title"]
    head, rest = raw.split("\n", 1) if raw.startswith("date ") else ("", raw)
    lines = rest.split("\n")
    k = next(n for n, ln in enumerate(lines) if ln.strip() and same_title(ln.strip(), title))
    if caption:   # above the text's first paragraph
        at = next(n for n, ln in enumerate(lines) if n > k and len(ln.split()) >= 20 and ln.rstrip().endswith("."))
        lines[at:at] = ["A woman walks past the building in the city centre on Tuesday. (Photo: Jane Doe/Agency)", ""]
    lines = ["Skip to content"] + lines[:k] + ["Share on Facebook", "Get our app"] + [lines[k]] \
        + ["Share on Facebook", "Share on X", "Get our app"] + lines[k + 1:]
    return "\n".join([head] + lines if head else lines), title


@pytest.mark.parametrize("case", [c for c in ROBUST_CASES if (SAMPLES / c).is_dir()])
@pytest.mark.parametrize("caption", [False, True])
def test_widget_lines_and_a_caption_around_the_headline_leave_it_the_title(case, caption, tmp_path):
    from briefgen.ingest.pipeline import ingest_file
    from briefgen.ingest.score import same_title

    plain_title = ingest_file(SAMPLES / case / "dump.txt").title
    text, title = _degraded(case, caption)
    assert same_title(plain_title, title), "the shipped ranker gets this page's headline undegraded"
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    assert same_title(ingest_file(tmp_path / "dump.txt").title, title)


@pytest.mark.parametrize("text, cut", [
    ("ZprávyČeskoVláda podá demisi, oznámil premiér", "ZprávyČesko"),   # beyond Latin-1
    ("B2BRoky v důchodu tráví Češi po doktorech", "B2B"),                # an acronym glued to the headline
    ("HomeSportBerlin-Marathon: the northern districts run", "HomeSport"),
])
def test_a_trail_glued_in_any_cased_script_is_cut_at_its_last_glue(text, cut):
    got = _cuts("Menu\n\n" + text + "\n\n" + BODY)
    assert got[text[len(cut):]] == (cut, 4)


def test_a_word_in_plain_or_title_case_has_no_glue():
    assert meta._glue_points("Ein ganz normaler Titel über DIE LINKE") == []


@pytest.mark.parametrize("text, nav", [
    ("← Feeding a rye starter through a cold week", True), ("Hot cross buns, the slow way →", True),
    ("« Runner beans, at last", True), ("Lifting the onions »", True), ("Next page ›", True),
    ("« Le gouvernement tiendra » : la Première ministre répond", False), ("Night buses saved", False),
    ("Ticket prices rise by 5% -> 7%", False)])
def test_a_link_to_the_previous_or_next_post_is_told_by_its_arrow(text, nav):
    assert meta._nav_arrow(text) is nav


def test_links_to_the_previous_and_next_posts_around_a_blog_post_leave_it_the_title():
    page = ("Allotment Diaries\n\nNotes from plot 14, in rain and shine\n\n« Runner beans along the fence at last\n"
            "The onions are lifted and dried in the shed »\n\nNight buses will reach the northern districts\n"
            "March 3, 2011 by Margaret\n\n" + BODY)
    assert meta.find_header(clean_dump(page)).title == "Night buses will reach the northern districts"


SIDEBAR = ("Weather\n\nRiverton today: rain in the morning, sunny spells in the afternoon and a fresh wind from "
           "the west, with a top temperature of eleven degrees.\n\nOur poll\n\nShould the market move back to "
           "the square next summer? Tell us what you think and vote in this week's poll on our website.\n\n"
           "Most read\nLibrary hours change from Monday\nNew coach for the rowing club\nFerry fares to rise\n"
           "Advertise with us\n\nReach more than twenty thousand readers every week: call our advertising team "
           "for our rates, our deadlines and the sizes of the boxes we print.\n\n")


def test_a_story_after_a_sidebar_box_of_prose_keeps_its_headline(monkeypatch):
    """The text is taken to start in the sidebar's boxes; the headline with a date below it and the
    story's paragraphs below that is a candidate all the same."""
    from briefgen.ingest import linemodel

    page = SIDEBAR + "Night buses will reach the northern districts\n\nFriday, 21 September 2007\n\n" + BODY
    assert meta.find_header(clean_dump(page)).title == "Night buses will reach the northern districts"
    # (the line model cuts these boxes off, as they share no words with the story: without that step)
    monkeypatch.setattr(linemodel, "_cut_foreign", lambda kept, texts: kept)
    c = clean_dump(page)
    assert [ln.text for ln in meta._story_heads(c)] == ["Night buses will reach the northern districts"]
    assert meta.find_header(c).title == "Night buses will reach the northern districts"


def test_no_headline_is_looked_for_past_the_story_s_first_paragraphs():
    """A subhead with a date line below it after the first paragraphs (the story started above it), or a
    line with no date or byline below it: no candidate."""
    c = clean_dump("Night buses will reach the northern districts\n\n" + P1 + "\n\n" + P2 + "\n\nWhat comes next\n\n"
                   "Friday, 21 September 2007\n\n" + BODY)
    assert meta._story_heads(c) == []
    c = clean_dump(SIDEBAR + "Night buses will reach the northern districts\n\n" + BODY)
    assert meta._story_heads(c) == []


def test_a_blog_s_name_and_tagline_at_the_top_of_the_page_are_not_its_post_s_title():
    """Blogger's layout: the blog's name and tagline first, the day's date over the post title, the text
    right below it (the tagline has the date line right below it, as a headline has)."""
    page = ("Allotment Diaries\n\nNotes from plot fourteen in rain and shine\n\nSaturday, March 5, 2011\n"
            "Night buses will reach the northern districts\n" + BODY + "\nPosted by Margaret at 10:42 AM 3 comments")
    assert meta.find_header(clean_dump(page)).title == "Night buses will reach the northern districts"


SHED = "The Shed Workshop\n\nOld things, mended slowly\n\n"


def test_the_page_top_is_read_above_the_text_s_first_paragraph():
    """The line model may start a small blog's text at its tagline of running words or at the post's
    title: the lines above the text's first paragraph are the page's top all the same."""
    c = clean_dump(SHED + "Night buses will reach the northern districts\n\nTuesday, March 9, 2010\n\n" + BODY)
    solid = [ln for ln in c.lines if ln.kind != "blank"]
    k = meta._first_paragraph(solid, 0)
    assert solid[k].text == P1
    assert meta._first_paragraph(solid, k) == k
    assert meta._first_paragraph([ln for ln in solid if ln.text != P1 and ln.text != P2][:3], 0) == 0


OLDSTYLE = Path(__file__).resolve().parents[2] / "data" / "dumps-oldstyle"


@pytest.mark.parametrize("name", ["fr-blog-commentaires"])
def test_a_small_blog_s_name_and_running_tagline_are_not_its_post_s_title(name, monkeypatch):
    """The blog's name, a tagline of running words that the line model takes as the text's start, the
    post's title with its date below it, the text (hand-written old-style pages)."""
    want = json.loads((OLDSTYLE / "pages.json").read_text(encoding="utf-8"))[name]["title"]
    text = meta.split_prefix((OLDSTYLE / f"{name}.txt").read_text(encoding="utf-8"))[2]
    c = clean_dump(text)
    assert meta.find_header(c).title == want
    assert meta._first_paragraph([ln for ln in c.lines if ln.kind != "blank"], 0) > meta.PAGE_TOP
    # (with the page's top read above the region's first line, as before, the name or tagline was taken)
    monkeypatch.setattr(meta, "_first_paragraph", lambda solid, start_k: start_k)
    assert meta.find_header(c).title != want


TRANSFER = Path(__file__).resolve().parents[2] / "data" / "titles-transfer"


def _transfer(name: str):
    want = json.loads((TRANSFER / "pages.json").read_text(encoding="utf-8"))[name]["title"]
    return clean_dump(meta.split_prefix((TRANSFER / f"{name}.txt").read_text(encoding="utf-8"))[2]), want


def test_a_table_row_s_cells_are_kept_apart_for_the_headline():
    """Chromium puts a tab between a table row's cells, which the cleaning makes a space: the headline's
    own cell is taken when the rest of the row is short cells (a menu's last link, a cell of tools)."""
    from briefgen.ingest.clean import tab_cells

    assert tab_cells("Home\nContact Us\tCanal towpath to reopen\n") == {
        "Contact Us Canal towpath to reopen": ("Contact Us", "Canal towpath to reopen")}
    assert tab_cells("no tab here\n") == {} and tab_cells("\tone cell only\n") == {}
    assert meta._headline_cell(("Volunteers rebuild the playground", "PDF", "Print", "E-mail")) \
        == "Volunteers rebuild the playground"
    assert meta._headline_cell(("2002", "Vladimír Špidla", "30")) is None   # a data table's row
    assert meta._headline_cell(("Berlin has a new mayor since Monday", "The vote was a close one this time")) is None
    c, want = _transfer("forum-news-tools")
    assert meta.find_header(c).title == want
    c.cells.clear()   # (seen failing without the cells: the tools' cell was part of the title)
    assert meta.find_header(c).title != want


@pytest.mark.parametrize("text, never", [
    ("The fire chief asked for the move after the beach was damaged.", True),
    ("Share this:", True), ("Get our app", True), ("Skip to content", True), ("Share on Facebook", True),
    ("« Slug pellets and the hedgehog question", True),
    ("Fireworks show moved to the fairgrounds", False), ("Talks with the U.S.", False),
    ("Exclusive: Hospital trust admits delays", False), ("Who is he?...", False),
])
def test_a_sentence_a_label_a_post_link_or_an_interface_line_is_never_picked(text, never):
    ln = Line(0, text, text.lower(), len(text.split()))
    assert meta._never_headline(ln, meta.ui_words()) is never


def test_a_sentence_of_a_short_story_is_not_its_headline(monkeypatch):
    """Short paragraphs of one sentence each below the headline: the ranker scores one of them above the
    headline, which is passed over as it ends in a full stop."""
    c, want = _transfer("welcome-box-first")
    assert meta.find_header(c).title == want
    monkeypatch.setattr(meta, "_never_headline", lambda ln, ui: False)
    assert meta.find_header(c).title.endswith(".")


def test_a_blog_post_s_title_under_its_day_after_a_sidebar_is_a_candidate():
    """Blogger with its sidebar first: the text is taken to start at the "About me" prose; the post's
    title with the day's date right above it and the post's paragraphs right below is a candidate."""
    c, want = _transfer("blogger-about-first")
    assert [ln.text for ln in meta._story_heads(c)] == [want]
    assert meta.find_header(c).title == want


@pytest.mark.parametrize("text, never", [
    ("how one town undid a century of straightening", True), ("14:05 - Prefeitura anuncia mutirão", True),
    ("Rabu, 15 Maret 2017 10:25 WIB", True), ("Le match reprend à 20h30", True),
    ("iPhone sales fall for a third quarter", False), ("Score 3:2 after extra time", False),
    ("Bitcoin at 1.50 euros", False),
])
def test_a_line_opening_with_a_lower_case_word_or_holding_a_time_of_day_is_never_picked(text, never):
    ln = Line(0, text, text.lower(), len(text.split()))
    assert meta._never_headline(ln, meta.ui_words()) is never



@pytest.mark.parametrize("name", ["ru-main-news-list", "es-blog-fecha"])
def test_a_neighbour_that_uses_the_article_s_words_replaces_a_pick_that_does_not(name):
    """A list of other headlines right above the headline (Russian regional news) and a blog's tagline
    over the day's date and the post title (Spanish Blogger): when the ranker scores the other line a little
    higher, the headline, a few lines away, uses the article's words and the other line does not."""
    c, want = _transfer(name)
    assert meta.find_header(c).title == want
    # (the ranker took the other line before its topic_share feature, session 10; the rule still gives way
    # when it is scored higher)
    assert _swapped_to(c, want) == want


@pytest.mark.parametrize("name", ["titlecase-nav", "de-drucken-versenden"])
def test_another_story_s_headline_right_above_gives_way_to_the_headline(name):
    """A teaser (another story's headline, set apart by blank lines) right above the headline: when the
    ranker takes the teaser, the headline uses the text's words, the teaser none of them."""
    teaser = "Two hikers rescued from Eagle Peak after snowstorm"
    want = json.loads((TRANSFER / "pages.json").read_text(encoding="utf-8"))[name]["title"]
    text = (TRANSFER / f"{name}.txt").read_text(encoding="utf-8").replace(want, f"\n{teaser}\n\n{want}", 1)
    c = clean_dump(meta.split_prefix(text)[2])
    assert meta.find_header(c).title == want
    assert _swapped_to(c, want, teaser) == want


def _swapped_to(c, want: str, other: str | None = None) -> str:
    """What `_on_topic_neighbour` gives when the ranker scores `other` (default: the best candidate that
    is not the headline) one point above the headline."""
    cands, cuts = meta.title_candidates(c)
    w = linemodel.model().title["weights"]
    scores = [sum(a * b for a, b in zip(w, row)) for row in meta.title_features(c, cands, cuts)]
    head = next(k for k, ln in enumerate(cands) if ln.text == want and not cuts[k][0])
    best = max((k for k, ln in enumerate(cands) if ln.text != want and (other is None or ln.text == other)),
               key=scores.__getitem__)
    scores[best] = scores[head] + 1.0
    alt = meta._on_topic_neighbour(c, cands, scores, best, meta.ui_words())
    return cands[best if alt is None else alt].text


def test_the_share_of_a_line_s_words_the_article_uses_leaves_out_stop_words():
    c = clean_dump("Night buses to run to the northern districts\n\n" + BODY)
    on, off, empty = meta._topic_shares(c, ["Night buses to the northern districts from March",
                                            "Storm closes the coastal road for a week", "The of and"])
    assert on >= meta.SWAP_HIGH and off < meta.SWAP_LOW and empty == 0.0


DUMPS_TRANSFER = Path(__file__).resolve().parents[2] / "data" / "dumps-transfer"


@pytest.mark.parametrize("name", ["movabletype-pre-poem-2006", "blogspot-newer-older-2009"])
def test_a_blog_s_tagline_at_the_page_top_gives_way_to_the_post_title_above_the_text(name, monkeypatch):
    """Hand-written blogs (Blogger 2009 and 2012, Movable Type 2006): the blog's name and tagline first, the
    day's date over the post title, the post's text right below. The ranker scores the tagline a little
    higher (it has the date right below it, as a news headline has its dateline); the post title stands
    right above the text's first paragraph and uses as many of the article's words."""
    want = json.loads((DUMPS_TRANSFER / "pages.json").read_text(encoding="utf-8"))[name]["title"]
    c = clean_dump(meta.split_prefix((DUMPS_TRANSFER / f"{name}.txt").read_text(encoding="utf-8"))[2])
    assert meta.find_header(c).title == want
    monkeypatch.setattr(meta, "_below_page_top", lambda *a: None)
    assert meta.find_header(c).title != want


@pytest.mark.parametrize("name", ["font-center-2002", "howto-numbered-steps-2015"])
def test_a_headline_at_the_page_top_keeps_its_place_over_a_byline_or_rating_above_the_text(name):
    """A small paper's headline under its tagline, with the byline and date between it and the text; a
    how-to's title with the author and a rating line below it: the line right above the text uses fewer of
    the article's words, so the headline stays."""
    want = json.loads((DUMPS_TRANSFER / "pages.json").read_text(encoding="utf-8"))[name]["title"]
    c = clean_dump(meta.split_prefix((DUMPS_TRANSFER / f"{name}.txt").read_text(encoding="utf-8"))[2])
    cands, cuts = meta.title_candidates(c)
    rows = meta.title_features(c, cands, cuts)
    best = next(k for k, ln in enumerate(cands) if ln.text == want and not cuts[k][0])
    assert rows[best][meta.TITLE_FEATURES.index("page_top")] == 1.0
    assert meta._below_page_top(c, cands, cuts, rows, [0.0] * len(cands), best, meta.ui_words()) is None
    assert meta.find_header(c).title == want


def test_a_short_story_s_headline_uses_its_words_though_they_are_the_text_s_commonest():
    """`body_overlap` leaves out the text's 30 commonest tokens (stop words in any language, without a
    list): in a short story those are its own topic's words, the headline's among them. `topic_share` leaves
    out the lexicons' stop words instead."""
    body = ("The library will open on Sundays from September, the council said.\n\n"
            "Sunday opening at the library was the most requested change in the survey.\n\n"
            "Volunteers will staff the library on Sundays; the cafe stays closed.")
    c = clean_dump("Fenton Gazette\n\nLibrary to open on Sundays\n\n" + body)
    cands, cuts = meta.title_candidates(c)
    rows = meta.title_features(c, cands, cuts)
    head = next(k for k, ln in enumerate(cands) if ln.text == "Library to open on Sundays")
    names = meta.TITLE_FEATURES
    assert rows[head][names.index("body_overlap")] == 0.0
    assert rows[head][names.index("topic_share")] == 1.0


def test_a_line_inside_a_menu_is_never_picked():
    """A region menu of short lines (two above and two below the line): passed over at the pick, whatever
    the ranker says (a region's name uses the article's words)."""
    menu = "Africa\nAsia\nLatin America\nMiddle East & North Africa\nSections\nMoney\nPolitics\n\n"
    c = clean_dump("Rest of the World\n\n" + menu + "Features\n\nNight buses will reach the northern districts\n\n"
                   + BODY)
    inside = meta._in_menus(c)
    assert {ln.text for ln in c.lines if ln.i in inside} == {"Middle East & North Africa"}
    assert meta.find_header(c).title == "Night buses will reach the northern districts"


def test_a_list_of_other_stories_under_a_related_marker_is_passed_over():
    """A "Related" box of three other headlines right under the headline (hand-written 2018 county paper):
    its last headline has the byline right below it. The lines listed under the marker are passed over; a
    line that can be no headline ("More videos »") ends such a list, so the headline right after it stays."""
    c, want = _transfer("related-under-title")
    listed = {ln.text for ln in c.lines if ln.i in meta._listed_after_marker(c)}
    assert len(listed) == 3 and want not in listed
    assert meta.find_header(c).title == want
    page = ("Video\n\nUp next\nStorm Team 7 forecast for the weekend\nHarvest festival draws record crowd\n"
            "Fire chief asks for a new tanker truck\nMore videos »\nNight buses will reach the northern districts\n"
            "By Dana Pruitt, Reporter\n\n" + BODY)
    c = clean_dump(page)
    assert {ln.text for ln in c.lines if ln.i in meta._listed_after_marker(c)} == {
        "Storm Team 7 forecast for the weekend", "Harvest festival draws record crowd",
        "Fire chief asks for a new tanker truck"}
    assert meta.find_header(c).title == "Night buses will reach the northern districts"


MOST_READ = ["Storm Team 7 forecast for the weekend", "Harvest festival draws record crowd",
             "Fire chief asks for a new tanker truck", "School board delays vote on the new gym",
             "Library opens its doors on Sundays again"]


@pytest.mark.parametrize("numbered", [False, True])
def test_a_box_of_other_stories_far_above_the_headline_gives_way_to_it(numbered):
    """A "Most read" box of five other headlines (numbered or not) above the headline: when the ranker takes
    the box's first headline, more than SWAP_REACH lines above the headline, the headline (between it and
    the text, using the text's words) is taken instead."""
    box = "".join(f"{n}\n{t}\n\n" if numbered else f"{t}\n\n" for n, t in enumerate(MOST_READ, 1))
    want = "Night buses will reach the northern districts"
    c = clean_dump(f"Menu\n\nMost read\n\n{box}{want}\nBy Ann Writer\n\n" + BODY)
    assert _swapped_to(c, want, MOST_READ[0]) == want


def test_a_line_inside_the_text_far_below_the_pick_does_not_replace_it():
    """A columnist's headline whose words the text does not use (a column's title) stays when a headline-
    like line inside the text further down uses them: only lines above the text's first line are searched
    beyond SWAP_REACH (the text's own subheads and first lines are no other story's)."""
    want = "Notes from the lighthouse keeper"
    sub = "Night buses reach the northern districts"
    page = (f"Menu\n\nColumns\n\n{want}\nBy Ann Writer\nColumnist\n12 March 2024\n5 min read\n4 comments\n\n"
            f"{P1}\n\n{sub}\n\n" + BODY)
    c = clean_dump(page)
    cands, _ = meta.title_candidates(c)
    at = {ln.text: ln for ln in cands}
    assert sub in at and at[sub].i >= c.start, "the test needs the subhead inside the text, a candidate"
    assert meta._topic_shares(c, [want])[0] < meta.SWAP_LOW
    assert _swapped_to(c, sub, want) == want


def _swapped(rule, c, pick: str, other: str) -> str:
    """What a pick rule (`meta._headline_over_dek`, `meta._headline_under_kicker`) gives when the ranker takes
    `pick` and scores the line `other` one point lower (within DEK_GAP and KICKER_GAP)."""
    cands, cuts = meta.title_candidates(c)
    w = linemodel.model().title["weights"]
    scores = [sum(a * b for a, b in zip(w, row)) for row in meta.title_features(c, cands, cuts)]
    best = next(k for k, ln in enumerate(cands) if ln.text == pick and not cuts[k][0])
    near = next(k for k, ln in enumerate(cands) if ln.text == other and not cuts[k][0])
    scores[best] = max(scores) + 1.0
    scores[near] = scores[best] - 1.0
    alt = rule(c, cands, cuts, scores, best, meta.ui_words(), set())
    return cands[best if alt is None else alt].text


def _over_dek(c, pick: str, above: str) -> str:
    return _swapped(meta._headline_over_dek, c, pick, above)


def test_a_dek_taken_gives_way_to_the_headline_right_above_it():
    """Headline, then a longer dek without a full stop, then the byline: when the ranker takes the dek, the
    shorter line right above it that uses the article's words is the headline."""
    want = "The night bus network will run to the northern districts from March"
    dek = "The council extends the night bus network to the northern districts after two years of complaints"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\n\n{dek}\n\nBy Ann Writer\n\n" + BODY)
    assert _over_dek(c, dek, want) == want


def test_a_dek_under_share_buttons_gives_way_to_the_headline_above_them():
    """A site sets its share buttons between the headline and the dek: the headline is read past them."""
    want = "The night bus network will run to the northern districts from March"
    dek = "The council extends the night bus network to the northern districts after two years of complaints"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\nShare on Facebook\nShare on WhatsApp\nCopy link\n{dek}\n\n"
                   "By Ann Writer\n\n" + BODY)
    assert _over_dek(c, dek, want) == want


def test_a_long_kicker_over_the_headline_is_not_taken_for_it():
    """A kicker of up to DEK_KICKER words on the story's topic over a longer headline ("Alors que la Chine
    augmente la pression" over its headline, tests/data's README sample) stands as a headline over its dek
    does: the rule leaves the headline."""
    kicker = "After two years of complaints from residents"
    want = "The council will extend the night bus network to the northern districts"
    c = clean_dump(f"Menu\n\nTransport\n\n{kicker}\n{want}\n\nBy Ann Writer\n\n" + BODY)
    assert meta._topic_shares(c, [kicker])[0] >= meta.SWAP_HIGH, "the test needs an on-topic kicker"
    assert _over_dek(c, want, kicker) == want


def _under_kicker(c, pick: str, below: str) -> str:
    return _swapped(meta._headline_under_kicker, c, pick, below)


def test_a_long_kicker_taken_gives_way_to_the_headline_right_under_it():
    """A kicker of up to DEK_KICKER words set tight over a longer headline on the article's topic: when the
    ranker takes the kicker, the headline under it is the title (share buttons between are read past)."""
    kicker = "After two years of complaints from residents"
    want = "The council will extend the night bus network to the northern districts"
    c = clean_dump(f"Menu\n\nTransport\n\n{kicker}\n{want}\n\nBy Ann Writer\n\n" + BODY)
    assert _under_kicker(c, kicker, want) == want
    c = clean_dump(f"Menu\n\nTransport\n\n{kicker}\nShare on Facebook\n{want}\n\nBy Ann Writer\n\n" + BODY)
    assert _under_kicker(c, kicker, want) == want


def test_a_short_headline_keeps_its_dek_set_a_blank_line_below():
    """A short headline over a longer dek without a full stop, a blank line between (as a site sets a dek
    under its headline): the headline stays; so does a headline over another story's longer headline."""
    want = "Night buses for the northern districts"
    dek = "The council extends the night bus network to the northern districts after complaints"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\n\n{dek}\n\nBy Ann Writer\n\n" + BODY)
    assert _under_kicker(c, want, dek) == want
    other = "Two hikers rescued from Eagle Peak after a long night in the snowstorm"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\n{other}\n\nBy Ann Writer\n\n" + BODY)
    assert meta._topic_shares(c, [other])[0] < meta.SWAP_HIGH, "the test needs an off-topic line"
    assert _under_kicker(c, want, other) == want


def test_another_story_s_headline_right_above_a_headline_does_not_replace_it():
    """A teaser right above a (longer) headline uses none of the article's words: it never replaces it."""
    teaser = "Two hikers rescued from Eagle Peak after a long night in the snowstorm"
    want = "Night buses will reach the northern districts from March next year, the council says"
    c = clean_dump(f"Menu\n\n{teaser}\n\n{want}\n\nBy Ann Writer\n\n" + BODY)
    assert _over_dek(c, want, teaser) == want


def test_a_headline_s_first_words_shown_again_as_a_line_do_not_shorten_it():
    """A list of other stories (or a player) shows the headline's first words as a line of its own: the
    headline keeps the words that go on with its sentence, lower-case or after a comma; a widget's label
    after a headline ("Back to video") is still cut off."""
    want = "Night buses will reach the northern districts from March, the council says"
    short = "Night buses will reach the northern districts"
    page = (f"Menu\n\n{want}\n\nBy Ann Writer\n\n" + BODY + f"\n\nMost read\n\n{short}\n\nTwo hikers rescued from "
            "Eagle Peak\n\nMarket hall reopens after repairs")
    c = clean_dump(page)
    assert meta.pick_title(c)[0].text == want
    assert "Night buses will reach the northern districts from March" not in _cuts(page)
    assert _cuts(f"Menu\n\n{short} Back to video\n\nBy Ann Writer\n\n" + BODY + f"\n\nMost read\n\n{short}")[short] \
        == ("Back to video", 3)


def test_a_short_title_above_the_text_gives_way_to_the_whole_headline():
    """An audio player under the headline shows its first words as its own title: the whole headline, which
    goes on after a comma, is taken."""
    want = "Night buses will reach the northern districts, and the council says more will follow"
    short = "Night buses will reach the northern districts"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\n\nListen 7:48\n\n{short}\n\nBy Ann Writer\n\n" + BODY)
    cands, cuts = meta.title_candidates(c)
    best = next(k for k, ln in enumerate(cands) if ln.text == short and not cuts[k][0])
    alt = meta._whole_headline(c, cands, cuts, best, meta.ui_words())
    assert alt is not None and cands[alt].text == want


CAPTION = "Passengers wait for the last night bus at the central station in Riverton"


def test_a_photo_caption_with_its_credit_above_the_headline_is_passed_over():
    """A feature layout sets its lead photo, caption and credit right above the headline: the caption, a line
    on the story's topic, is passed over at the pick; a headline with its own photo's credit under it (then
    the text, or the headline again as the photo's caption) is not."""
    want = "Night buses will reach the northern districts"
    c = clean_dump(f"Menu\n\nTransport\n\n{CAPTION}\nPhoto: Jane Doe/Reuters\n\n{want}\n\nBy Ann Writer\n\n" + BODY)
    at = {ln.text: ln.i for ln in c.lines}
    assert meta._captioned(c) == {at[CAPTION]}
    assert meta.pick_title(c)[0].text == want
    for after in (P1, want):
        c = clean_dump(f"Menu\n\nTransport\n\n{want}\n\n(Photo: AP)\n\n{after}\n\nBy Ann Writer\n\n" + BODY)
        assert not meta._captioned(c)


@pytest.mark.parametrize("text, never", [
    ("Sign up for our daily newsletter and get the top stories in your inbox", True),
    ("Folgen Sie uns auf Facebook und Twitter für aktuelle Nachrichten aus der Region", True),
    ("Download our free app to get breaking news alerts on your phone", True),
    ("Harbour Road cycle lane: have your say by 27 March", False),    # the call after the headline's topic
    ("Council to sign up new bus operators for the night network", False),
])
def test_a_long_call_to_action_is_never_picked(text, never):
    assert meta._never_headline(Line(0, text, text.lower(), len(text.split())), meta.ui_words()) is never


CARDS = [("Harvest festival draws record crowd", "The town's harvest festival drew more visitors than ever this "
          "weekend, the organisers said on Monday."),
         ("Fire chief asks for a new tanker truck", "The fire brigade's old tanker has broken down twice this year, "
          "and its chief wants the county to replace it.")]


def _cards(last: str) -> str:
    return "Menu\n\nTop stories\n\n" + "".join(f"{h}\n{s}\n12 March 2024\n\n" for h, s in CARDS) + last


def test_teaser_cards_above_the_headline_are_passed_over():
    """Two or more cards in a row above the text, each a headline, its summary sentence and a date (a "Top
    stories" strip): their headlines are passed over at the pick; the run's last card is the story's own
    header (headline, dek, date) unless a headline on the article's topic follows it before the text."""
    want = "Night buses will reach the northern districts"
    c = clean_dump(_cards(f"{want}\n\nBy Ann Writer\n\n") + BODY)
    at = {ln.text: ln.i for ln in c.lines}
    assert meta._teaser_cards(c, meta.ui_words()) == {at[h] for h, _ in CARDS}
    assert meta.pick_title(c)[0].text == want
    dek = "The council extends the night bus network to the northern districts after two years of complaints."
    c = clean_dump(_cards(f"{want}\n{dek}\n12 March 2024\n\n") + BODY)
    at = {ln.text: ln.i for ln in c.lines}
    assert meta._teaser_cards(c, meta.ui_words()) == {at[h] for h, _ in CARDS}
    assert meta.pick_title(c)[0].text == want


def test_a_dek_taken_gives_way_to_the_headline_above_a_short_label_between_them():
    """A site may print a place or section label between the headline and its dek ("Los Gallardos"): the
    headline is read past it; a longer line between them (another story's teaser) stops the rule."""
    want = "The night bus network will run to the northern districts from March"
    dek = "The council extends the night bus network to the northern districts after two years of complaints"
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\nRiverton North\n{dek}\n\nBy Ann Writer\n\n" + BODY)
    assert _over_dek(c, dek, want) == want
    c = clean_dump(f"Menu\n\nTransport\n\n{want}\nHarvest festival draws record crowd\n{dek}\n\nBy Ann Writer\n\n"
                   + BODY)
    assert _over_dek(c, dek, want) == dek


@pytest.mark.parametrize("text, furniture", [
    ("Sign up for our daily newsletter and get the top stories in your inbox", True),
    ("Laden Sie jetzt unsere kostenlose App herunter und verpassen Sie keine Eilmeldung mehr", True),
    ("The council extends the night bus network to the northern districts after two years", False),
])
def test_a_long_call_to_action_is_read_past_around_a_headline(text, furniture):
    """A call to action under the headline (between it and its byline or dek) is furniture for the lines
    around a candidate, as share buttons are."""
    ln = Line(3, text, text.lower(), len(text.split()))
    assert meta._furniture(ln, meta.ui_words()) is furniture
    assert (meta._not_furniture([ln], meta.ui_words()) == []) is furniture
