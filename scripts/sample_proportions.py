#!/usr/bin/env python3
"""Real proportions of the sample pages, for writing transfer pages that look like them (issue 11).

    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --transfer   # medians per transfer batch
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --lines      # the dumps line by line, per language
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --lines DATA         # and per transfer batch
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --lines DATA NAME ...   # pages beside the samples
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --inside     # furniture runs inside the article
    BRIEFGEN_SHARED=../shared python scripts/sample_proportions.py --inside DATA [NAME ...]   # and transfer pages'

`--inside` counts the runs of other lines that stand between the article's lines (`inside_runs`: a run is the
non-empty lines between two article lines; a line is the article's when it holds a reference paragraph's first 60
normalised characters or, at four words or more, is part of the reference text): per run its kind (the kind most of
its lines match, "unmatched" when none does), its words and lines, where it stands (the share of the article's words
above it) and how much of the article follows it (what a cleaner that stops at the run loses). With DATA, the same
rows per transfer batch (DATA holding html-transfer/ and dumps-transfer/ as tests/data does), or per named page.

`--lines` measures the dumps line by line (`line_shape`): how often an article paragraph is followed by another line
with no blank line between, the share of one-word lines, where the headline stands (non-empty lines and words above
it, lines between it and the article's first line, how often it is printed), the share of lines printed more than
once in the dump, the other words before / between / after the article, and the article's share of the dump's
words; medians per language (the samples' meta.json `lang`). With DATA and names (a folder holding html-transfer/
and dumps-transfer/ as tests/data does, e.g. pages being written outside the repository), each page's row is
printed under the samples' row of its language (of all samples when its language has fewer than five); with DATA
alone, the medians of each batch of batches.json before the samples' rows.

`--transfer [DATA]` sets the medians of each batch of hand-written transfer pages (DATA: a folder holding
html-transfer/ and dumps-transfer/ as tests/data does, the default) beside the samples' medians: how far the
pages written for the transfer measure are from real proportions. It reads the pages' files only (no briefgen).

Over samples/pages and samples/pages-world (source.html, dump.txt, expected.txt): the article's length in words,
the dump's other words per article word, where they sit (before the article's first line, between its lines,
after its last), how many pages carry each kind of furniture and where, and the article's paragraph shapes.
The furniture kinds are read from the dump's lines by the patterns below (en/de/fr/it/es/pt/ru/cs/id words):
a rough count, meant for proportions, not for cleaning; a line of the reference is never counted as furniture.
A reference paragraph is found in the dump by its first 60 normalised characters.
"""
from __future__ import annotations

import os
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

WORD = re.compile(r"\w+")

# What a line of furniture says, by kind. A long line is prose, not a label: kinds that name a label or a box's
# call are only counted on lines of at most 60 words, and cookie text only on lines of 12 words or more.
KINDS = {
    "comments": r"^(reply|report|antworten|répondre|rispondi|responder|ответить|odpovědět|balas|melden"
                r"|\d+ (comments?|kommentare?|commentaires?|commenti|comentários?|коммент\w*|komentář\w*))$"
                r"|^(comments?|kommentare|commentaires|commenti|comentários|комментарии|diskuse|discussion"
                r"|leave a (comment|reply)|post a comment|join the (conversation|discussion))\b",
    "cookie / consent": r"\bcookie|consent|einwilligung|datenschutzeinstellungen|privacy settings|gdpr\b",
    "newsletter / sign-up": r"newsletter|sign up|subscribe to our|inscrivez|iscriviti|e-mail address",
    "related / teasers": r"^(related|read more|read also|more from|more on|more stories|recommended|you may also like"
                         r"|most (read|popular|viewed)|trending|top stories|lesen sie (auch|mehr)|mehr zum thema"
                         r"|auch interessant|meistgelesen|à lire aussi|lire aussi|sur le même sujet|les plus lus"
                         r"|leggi anche|i più letti|leia (também|mais)|mais lidas|lee también|читайте также"
                         r"|baca juga|související|nejčtenější)\b",
    "gallery": r"^\d+\s*/\s*\d+$|^\d+ of \d+$|\b(gallery|galerie|galleria|bildergalerie|fotostrecke|diaporama"
               r"|fotogaleria|photos)\b",
    "video / audio player": r"\b(video|vidéo|play|watch|abspielen|wiedergabe|anhören|listen)\b|^\d{1,2}:\d\d$",
    "embeds (social)": r"pic\.twitter|twitter\.com|instagram|view this post|\(@\w+\)|tiktok|embed|youtube",
    "ticker / live": r"^(breaking|live|ticker|eilmeldung|liveticker|en direct|in diretta|ao vivo|latest news|just in)\b",
    "tags / topics": r"^(tags?|topics?|themen|schlagwörter|mots[- ]clés|thèmes|argomenti|temas|tópicos|теги|témata"
                     r"|more about)\s*:?",
    "paywall / account": r"subscri|abonn|abbonat|assinante|assine|paywall|premium|registrieren|sign in to|log in to"
                         r"|pour lire la suite|continue reading",
    "product / price": r"\b(buy|kaufen|shop|amazon|€\s?\d|\$\s?\d|£\s?\d|preis|prix|angebot)\b",
    "'Advertisement' label": r"^(advertisement|anzeige|werbung|publicité|pubblicità|publicidade|publicidad|реклама"
                             r"|reklama|iklan|advertising|ad|sponsored|gesponsert|sponsorisé)$",
    "author bio": r"\b(is a (reporter|journalist|writer|correspondent|editor)|ist (redakteur|redakteurin|korrespondent)"
                  r"|est (journaliste|rédact)|è (giornalista|inviat)|follow (him|her) on|about the author"
                  r"|über den autor|zur person)\b",
    "share buttons": r"^(share|teilen|partager|condividi|compartilhar|compartir|поделиться|sdílet|bagikan|tweet"
                     r"|facebook|twitter|whatsapp|e-?mail|print|drucken|imprimer|stampa|linkedin|copy link)$",
    "caption / credit": r"(foto|photo|bild|image|picture|credit|quelle)\s*:|\(photo|/ ?(dpa|afp|reuters|ap|getty"
                        r"|imago)\b|getty images|©",
}
KINDS = {k: re.compile(v, re.I) for k, v in KINDS.items()}
LABEL_KINDS = {"newsletter / sign-up", "paywall / account", "product / price", "author bio", "embeds (social)",
               "video / audio player"}


def words(text: str) -> int:
    return len(WORD.findall(text))


def norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def article_lines(dump_file: Path, ref_file: Path) -> tuple[list[str], str, list[str], list[str], set[int]]:
    """A dump's lines (without the render script's `date` line), its reference text and paragraphs, the lines
    normalised, and the article's lines: those that hold a reference paragraph's first 60 normalised
    characters (the first such line for each paragraph)."""
    dump = dump_file.read_text(encoding="utf-8").splitlines()
    if dump and dump[0].startswith("date "):
        dump = dump[1:]
    ref = ref_file.read_text(encoding="utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", ref) if p.strip()]
    lines = [norm(line) for line in dump]
    hit = set()
    for p in paras:
        key = norm(p)[:60]
        if len(key) >= 8:
            hit.update(next(([i] for i, line in enumerate(lines) if key in line), []))
    return dump, ref, paras, lines, hit


def one_page(case: Path, dump_file: Path | None = None, ref_file: Path | None = None) -> dict:
    """A sample case folder (dump.txt, expected.txt), or a transfer page's dump and reference files."""
    dump, ref, paras, lines, hit = article_lines(dump_file or case / "dump.txt", ref_file or case / "expected.txt")
    first, last = (min(hit), max(hit)) if hit else (None, None)
    where_words = {"before": 0, "inside": 0, "after": 0}
    furniture = defaultdict(set)
    inside_lines = []
    for i, line in enumerate(dump):
        text = line.strip()
        if not text or i in hit or first is None:
            continue
        where = "before" if i < first else "after" if i > last else "inside"
        where_words[where] += words(text)
        if where == "inside":
            inside_lines.append(text)
        for kind, rx in KINDS.items():
            if kind == "cookie / consent" and words(text) < 12 or kind in LABEL_KINDS and words(text) > 60:
                continue
            if rx.search(text):
                furniture[kind].add(where)
    # a paragraph of one sentence: one end mark (closing quotes count as the end)
    one_sentence = sum(1 for p in paras if len(re.findall(r"[.!?…](?:[\"”»’)]*)(?:\s|$)", p)) <= 1 and words(p) >= 6)
    subheads = sum(1 for p in paras if words(p) < 12 and not re.search(r"[.!?:;…\"”»)]$", p))
    thread = sum(bool(re.fullmatch(r"\s*(reply|report|antworten|répondre|rispondi|responder|melden|like)\s*", line,
                                   re.I)) for line in dump) >= 3
    cookie_prose = any(re.search("cookie", line, re.I) and words(line) > 25 for line in dump)
    # how much of the article the dump holds at all (bag of words): a page whose text a script shows or inserts
    # has a dump without it, and no cleaning of the dump can give it back
    want = Counter(WORD.findall(ref.lower()))
    have = Counter(WORD.findall("\n".join(dump).lower()))
    held = sum((want & have).values()) / max(sum(want.values()), 1)
    return {"held": held, "thread": thread, "cookie_prose": cookie_prose, "article": words(ref), "dump": sum(words(line) for line in dump), "found": first is not None,
            "where": where_words, "furniture": furniture, "paras": len(paras), "one_sentence": one_sentence,
            "subheads": subheads, "inside_lines": inside_lines}


HEAD_FIELDS = ("nobreak", "one_word", "head_lines", "head_words", "head_gap", "head_times", "repeated", "before",
               "inside", "after", "share")


def line_shape(dump_file: Path, ref_file: Path, title: str | None) -> dict:
    """A dump measured line by line against its reference and headline (see --lines). The article's lines are the
    dump lines that hold a reference paragraph's first 60 normalised characters, as in one_page."""
    raw, ref, paras, lines, hit = article_lines(dump_file, ref_file)
    filled = [i for i, line in enumerate(lines) if line]
    row: dict = {f: None for f in HEAD_FIELDS}
    if not filled:
        return row
    # an article line followed directly by another non-empty line: paragraphs the page separates by one break
    # (a <div> per paragraph, single <br>s), which a reader of blank-line paragraphs runs together
    follow = [i for i in sorted(hit) if i + 1 < len(lines)]
    row["nobreak"] = sum(bool(lines[i + 1]) for i in follow) / len(follow) if follow else None
    row["one_word"] = sum(len(lines[i].split()) == 1 for i in filled) / len(filled)
    seen = Counter(lines[i] for i in filled)
    row["repeated"] = sum(seen[lines[i]] > 1 for i in filled) / len(filled)
    key = norm(title or "")
    heads = [i for i in filled if key and (lines[i] == key or key in lines[i] and len(lines[i].split())
                                           <= len(key.split()) + 3)]
    row["head_times"] = len(heads)
    first = min(hit) if hit else None
    if heads:
        h = next((i for i in heads if first is None or i <= first), heads[0])
        row["head_lines"] = sum(1 for i in filled if i < h)
        row["head_words"] = sum(words(raw[i]) for i in filled if i < h)
        row["head_gap"] = sum(1 for i in filled if first is not None and h < i < first) if first is not None \
            and h <= first else None
    if first is not None:
        last = max(hit)
        for name, span in (("before", range(0, first)), ("inside", range(first, last + 1)),
                           ("after", range(last + 1, len(raw)))):
            row[name] = sum(words(raw[i]) for i in span if i not in hit)
    total = sum(words(raw[i]) for i in filled)
    row["share"] = min(words(ref) / total, 1.0) if total else None
    return row


LINE_HEAD = ("| pages | n | article lines without a blank line after | one-word lines | lines above the headline "
             "| words above it | lines between it and the article | headline printed | lines repeated | other words "
             "before | between | after | article share of dump words |")


def line_row(label: str, rows: list[dict]) -> str:
    def med(field, digits):
        v = [r[field] for r in rows if r[field] is not None]
        return f"{statistics.median(v):.{digits}f}" if v else "—"
    return (f"| {label} | {len(rows)} | " + " | ".join(med(f, 2 if f in ("nobreak", "one_word", "repeated", "share")
                                                              else 0) for f in HEAD_FIELDS) + " |")


def sample_lines(root: Path) -> dict[str, list[dict]]:
    """line_shape of every sample page, by language."""
    import json
    by = defaultdict(list)
    for d in ("pages", "pages-world"):
        for c in sorted((root / d).iterdir()):
            if (c / "dump.txt").is_file():
                meta = json.loads((c / "meta.json").read_text(encoding="utf-8"))
                by[meta.get("lang", "?")].append(line_shape(c / "dump.txt", c / "expected.txt", meta.get("title")))
    return by


def lines_report(root: Path, data: Path | None, names: list[str]) -> None:
    by = sample_lines(root)
    every = [r for rows in by.values() for r in rows]
    print(LINE_HEAD + "\n| " + " | ".join(["---"] + ["---:"] * 12) + " |")
    if data is not None and not names:   # medians per transfer batch
        import json
        pages = json.loads((data / "dumps-transfer" / "pages.json").read_text(encoding="utf-8"))
        for batch, ns in json.loads((data / "html-transfer" / "batches.json").read_text(encoding="utf-8")).items():
            print(line_row(batch, [line_shape(data / "dumps-transfer" / f"{n}.txt", data / "html-transfer" / n /
                                              "expected.txt", pages[n].get("title")) for n in ns]))
        data = None
    if not names:
        print(line_row("samples, all", every))
        for lang, rows in sorted(by.items(), key=lambda kv: -len(kv[1])):
            if len(rows) >= 3:
                print(line_row(f"samples, {lang}", rows))
        for label, rows in (("all", every), ("en", by["en"])):
            print(f"\n{label}: p10 / p25 / median / p75 / p90")
            for f in HEAD_FIELDS:
                v = [r[f] for r in rows if r[f] is not None]
                print(f"  {f}: {quantiles(v, 2)} (of {len(v)})")
            print(f"  pages with an article line followed directly by another line: "
                  f"{sum(bool(r['nobreak']) for r in rows)}; headline not printed as a line: "
                  f"{sum(not r['head_times'] for r in rows)}")
        return
    import json
    pages = json.loads((data / "dumps-transfer" / "pages.json").read_text(encoding="utf-8"))
    for n in names:
        lang = pages[n].get("lang", "?")
        ref = by[lang] if len(by.get(lang, [])) >= 5 else every
        print(line_row(f"samples, {lang if ref is not every else 'all'}", ref))
        print(line_row(n, [line_shape(data / "dumps-transfer" / f"{n}.txt", data / "html-transfer" / n / "expected.txt",
                                      pages[n].get("title"))]))


def inside_runs(dump_file: Path, ref_file: Path) -> list[dict]:
    """The runs of other lines between a dump's article lines (see --inside): kind, words, lines, pos, after."""
    dump, ref, paras, lines, hit = article_lines(dump_file, ref_file)
    if not hit:
        return []
    whole = norm(ref)
    art = set(hit) | {i for i, line in enumerate(lines) if len(line.split()) >= 4 and line in whole}
    first, last = min(hit), max(hit)
    total = sum(words(dump[i]) for i in art if first <= i <= last) or 1
    runs, run, above = [], [], 0
    for i in range(first, last + 1):
        if i in art:
            if run:
                runs.append({"lines": run, "pos": above / total})
                run = []
            above += words(dump[i])
        elif lines[i]:
            run.append(dump[i].strip())
    return [{"kind": run_kind(r["lines"]), "words": sum(words(t) for t in r["lines"]), "lines": len(r["lines"]),
             "pos": r["pos"], "after": 1 - r["pos"]} for r in runs]


def run_kind(lines: list[str]) -> str:
    """A run's kind: the KINDS pattern most of its lines match (each line its first match), else "unmatched"."""
    kinds = Counter()
    for text in lines:
        for kind, rx in KINDS.items():
            if kind == "cookie / consent" and words(text) < 12 or kind in LABEL_KINDS and words(text) > 60:
                continue
            if rx.search(text):
                kinds[kind] += 1
                break
    return max(KINDS, key=lambda k: (kinds[k], -list(KINDS).index(k))) if kinds else "unmatched"


def inside_report(root: Path, data: Path | None, names: list[str]) -> None:
    cases = [c for d in ("pages", "pages-world") for c in sorted((root / d).iterdir()) if (c / "dump.txt").is_file()]
    per_page = [inside_runs(c / "dump.txt", c / "expected.txt") for c in cases]
    runs = [r for rs in per_page for r in rs]
    def q(v, digits=0):
        return quantiles(v, digits) if v else "—"
    print(f"{len(cases)} sample dumps: {sum(bool(rs) for rs in per_page)} have other lines between the article's "
          f"lines, {len(runs)} runs (per such page: {q([len(rs) for rs in per_page if rs])}); words per run "
          f"{q([r['words'] for r in runs])}, lines per run {q([r['lines'] for r in runs])} (p10 / p25 / median / "
          f"p75 / p90)")
    print("\n| run's kind | runs | pages | words per run (p25 / median / p75) | lines (median) | where, share of the "
          "article above it (p25 / median / p75) | runs with half the article or more after them |\n"
          "| --- | ---: | ---: | --- | ---: | --- | ---: |")
    for kind in list(KINDS) + ["unmatched"]:
        rs = [r for r in runs if r["kind"] == kind]
        if not rs:
            continue
        w = sorted(r["words"] for r in rs)
        p = sorted(r["pos"] for r in rs)
        def at(v, f):
            return v[int(f * (len(v) - 1))]
        print(f"| {kind} | {len(rs)} | {sum(any(r['kind'] == kind for r in pr) for pr in per_page)} | "
              f"{at(w, .25)} / {at(w, .5)} / {at(w, .75)} | {statistics.median(r['lines'] for r in rs):.0f} | "
              f"{at(p, .25):.2f} / {at(p, .5):.2f} / {at(p, .75):.2f} | {sum(r['after'] >= 0.5 for r in rs)} |")
    bins = [(0, 4), (4, 11), (11, 26), (26, 61), (61, 10 ** 9)]
    print("\nruns by words: " + ", ".join(f"{lo}-{hi - 1 if hi < 10 ** 9 else ''}: "
                                          f"{sum(lo <= r['words'] < hi for r in runs)}" for lo, hi in bins))
    thirds = [sum(a <= r["pos"] < b for r in runs) for a, b in ((0, 1 / 3), (1 / 3, 2 / 3), (2 / 3, 1.01))]
    print(f"runs by where they stand in the article (share of its words above): first third {thirds[0]}, middle "
          f"{thirds[1]}, last third {thirds[2]}; words of other lines between the article's lines per page "
          f"{q([sum(r['words'] for r in rs) for rs in per_page])}")
    if data is None:
        return
    import json
    groups = json.loads((data / "html-transfer" / "batches.json").read_text(encoding="utf-8"))
    if names:
        groups = {n: [n] for n in names}
    print("\n| pages | n | pages with runs | runs per page (median) | words per run (median) | words between per page "
          "(median) | kinds |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    def row(label, pr):
        rs = [r for x in pr for r in x]
        kinds = Counter(r["kind"] for r in rs)
        med = statistics.median
        return (f"| {label} | {len(pr)} | {sum(bool(x) for x in pr)} | {med([len(x) for x in pr]):.0f} | "
                f"{med([r['words'] for r in rs]) if rs else 0:.0f} | {med([sum(r['words'] for r in x) for x in pr]):.0f}"
                f" | {', '.join(f'{k} {n}' for k, n in kinds.most_common(4))} |")
    for label, ns in groups.items():
        print(row(label, [inside_runs(data / "dumps-transfer" / f"{n}.txt", data / "html-transfer" / n / "expected.txt")
                          for n in ns]))
    print(row("samples", per_page))


def quantiles(values: list[float], digits: int = 0) -> str:
    v = sorted(values)
    return " / ".join(f"{v[int(q * (len(v) - 1))]:.{digits}f}" for q in (0.1, 0.25, 0.5, 0.75, 0.9))


def medians(label: str, rows: list[dict]) -> str:
    found = [r for r in rows if r["found"]]
    def med(values):
        return statistics.median(values) if values else 0
    return (f"| {label} | {len(rows)} | {med([r['article'] for r in rows]):.0f} | "
            f"{med([(r['dump'] - r['article']) / max(r['article'], 1) for r in rows]):.2f} | "
            + " | ".join(f"{med([r['where'][w] for r in found]):.0f}" for w in ("before", "inside", "after"))
            + f" | {med([len(r['inside_lines']) for r in found]):.0f} | "
            f"{med([r['one_sentence'] / max(r['paras'], 1) for r in rows]):.2f} | "
            f"{sum(r['held'] < 0.5 for r in rows)} |")


def transfer(data: Path, samples: list[dict]) -> None:
    """Medians per transfer batch (batches.json's order) beside the samples' medians."""
    import json
    groups = json.loads((data / "html-transfer" / "batches.json").read_text(encoding="utf-8"))
    print("| pages | n | article words | other dump words per article word | before | between | after "
          "| other lines between | one-sentence share | dumps holding under half the article |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for batch, names in groups.items():
        print(medians(batch, [one_page(data, data / "dumps-transfer" / f"{n}.txt",
                                       data / "html-transfer" / n / "expected.txt") for n in names]))
    print(medians("samples", samples))


def main() -> None:
    root = Path(os.environ.get("BRIEFGEN_SHARED", "../shared")) / "samples"
    cases = [c for d in ("pages", "pages-world") for c in sorted((root / d).iterdir()) if (c / "dump.txt").is_file()]
    if "--inside" in sys.argv:
        rest = sys.argv[sys.argv.index("--inside") + 1:]
        inside_report(root, Path(rest[0]) if rest else None, rest[1:])
        return
    if "--lines" in sys.argv:
        rest = sys.argv[sys.argv.index("--lines") + 1:]
        lines_report(root, Path(rest[0]) if rest else None, rest[1:])
        return
    rows = [one_page(c) for c in cases]
    if "--transfer" in sys.argv:
        i = sys.argv.index("--transfer")
        given = sys.argv[i + 1] if len(sys.argv) > i + 1 else None
        transfer(Path(given) if given else Path(__file__).resolve().parents[1] / "tests" / "data", rows)
        return
    found = [r for r in rows if r["found"]]
    print(f"{len(rows)} pages ({len(found)} with the article found in the dump)\n")
    print("| measure | p10 / p25 / median / p75 / p90 |\n| --- | --- |")
    print(f"| article words | {quantiles([r['article'] for r in rows])} |")
    print(f"| dump words | {quantiles([r['dump'] for r in rows])} |")
    print(f"| other dump words per article word | {quantiles([(r['dump'] - r['article']) / max(r['article'], 1) for r in rows], 2)} |")
    for where in ("before", "inside", "after"):
        print(f"| other words {where} the article | {quantiles([r['where'][where] for r in found])} |")
    print(f"| paragraphs | {quantiles([r['paras'] for r in rows])} |")
    print(f"| words per paragraph | {quantiles([r['article'] / max(r['paras'], 1) for r in rows])} |")
    print(f"| share of one-sentence paragraphs | {quantiles([r['one_sentence'] / max(r['paras'], 1) for r in rows], 2)} |")
    bins = [(0, 300), (300, 600), (600, 900), (900, 1500), (1500, 10 ** 9)]
    print("\narticle words: " + ", ".join(f"{lo}-{hi if hi < 10 ** 9 else ''}: {sum(lo <= r['article'] < hi for r in rows)}"
                                          for lo, hi in bins))
    print(f"pages with subheads: {sum(r['subheads'] > 0 for r in rows)}; with other lines between the article's "
          f"first and last line: {sum(bool(r['inside_lines']) for r in found)}")
    print(f"dumps holding under half of the article's words: {sum(r['held'] < 0.5 for r in rows)}, under 90 %: "
          f"{sum(r['held'] < 0.9 for r in rows)}, none of them: {sum(r['held'] < 0.01 for r in rows)}")
    print(f"comment threads (3 or more 'Reply' / 'Report' lines): {sum(r['thread'] for r in rows)}; cookie prose "
          f"(a line of over 25 words naming cookies): {sum(r['cookie_prose'] for r in rows)}")
    print("\n| furniture (dump lines) | pages | before | inside | after |\n| --- | ---: | ---: | ---: | ---: |")
    for kind in KINDS:
        have = [r["furniture"].get(kind, set()) for r in rows]
        print(f"| {kind} | {sum(bool(h) for h in have)} | " + " | ".join(str(sum(w in h for h in have))
                                                                      for w in ("before", "inside", "after")) + " |")
    sizes = defaultdict(int)
    for r in found:
        for text in r["inside_lines"]:
            n = words(text)
            sizes["1-3" if n <= 3 else "4-10" if n <= 10 else "11-25" if n <= 25 else "26+"] += 1
    print("\nother lines between the article's lines, by words: " + ", ".join(f"{k}: {sizes[k]}" for k in ("1-3", "4-10", "11-25", "26+")))


if __name__ == "__main__":
    main()
