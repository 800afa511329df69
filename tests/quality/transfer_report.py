"""The hand-written transfer pages, scored per batch on both ingest paths: one command for the honest transfer
figures (issue 11). Each batch of pages (tests/data/html-transfer/batches.json: who wrote it, when) was
written with its references, dates and headlines before briefgen was run on it, so a batch's figure on the
code of its day is its first run, and the same command on a later main shows what changed.

    .venv/bin/python -m tests.quality.transfer_report                    # every batch, the code of this tree
    .venv/bin/python -m tests.quality.transfer_report --batch s10-A      # one batch (repeatable)
    .venv/bin/python -m tests.quality.transfer_report --names a b c      # named cases
    .venv/bin/python -m tests.quality.transfer_report --base eea3fc7     # briefgen as of a commit, same pages
    .venv/bin/python -m tests.quality.transfer_report -v                 # also one line per case
    .venv/bin/python -m tests.quality.transfer_report --markups "as written,old,brbr"   # and <br><br> markup
    .venv/bin/python -m tests.quality.transfer_report --data DIR         # pages kept outside the repository

Per batch: page dumps (tests/data/dumps-transfer: cases right, mean F1, title and date right), the HTML path
as written and as older markup (html_eval.old_markup) for briefgen, plain trafilatura and readability-lxml
(cases right, mean F1; the extractors run as tests/quality/html_eval.py runs them), and the HTML title and date of
briefgen and of trafilatura's metadata (`extract_metadata`, defaults, the page as briefgen's reader decodes it);
with -v, for each wrong HTML title, what briefgen took and where it came from (title_source: og:title, the JSON-LD
headline, an `<h1>`, `<title>`, whole or a part of one, else the page's text). A case is right when recall and precision both reach 0.97, the transfer tests' measure
(tests/unit/ingest/test_html_transfer.py, test_dumps_transfer.py); a title is right by score.same_title, a
date when the day is the page's printed day (tests/data/dumps-transfer/pages.json). A page that fails or is
refused scores zero and is counted under "no brief" (the issue's "pages that give no brief", dumps and HTML).

--base REV extracts `git archive REV` into a temporary folder (whole, as the frozen copies of the bench) and
runs this file there as a child process with that folder first on PYTHONPATH: briefgen is REV's, the pages,
references and this scorer are this tree's, so new pages are scored on old code. The child prints JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
RIGHT = 0.97
EXTRACTORS = ("briefgen", "trafilatura", "readability-lxml")
MARKUPS = ("as written", "old")   # --markups may add "brbr" (html_eval.brbr_markup: <p>s as text and <br><br>)


def data_dir(given: str | None = None) -> Path:
    return Path(given) if given else ROOT / "tests" / "data"


def batches(data: Path) -> dict[str, list[str]]:
    """Batch name -> case names, in batches.json's order; a case in no batch goes to 'other'."""
    pages = data / "html-transfer"
    listed = json.loads((pages / "batches.json").read_text(encoding="utf-8"))
    known = {n for names in listed.values() for n in names}
    other = sorted(p.parent.name for p in pages.glob("*/source.html") if p.parent.name not in known)
    return listed | ({"other": other} if other else {})


# --- scoring one case (runs on whichever briefgen is first on sys.path) ----------------------------------

def _html_eval():
    """tests/quality/html_eval.py: from this file's folder, so that a child run on an old tree still uses
    this tree's extractor code (only briefgen comes from the old tree)."""
    sys.path.insert(0, str(HERE.parent))
    try:
        import html_eval
    finally:
        sys.path.pop(0)
    return html_eval


def _article_or_none(call):
    from briefgen.errors import BriefgenError, UndatedError

    try:
        return call(), True
    except UndatedError as exc:   # briefed by its file day: the text counts, the date does not
        return exc.article, False
    except BriefgenError:
        return None, False
    except Exception:  # noqa: BLE001 - a crash is a page with nothing given
        return None, False


def score_case(data: Path, name: str, info: dict, markups: tuple[str, ...] = MARKUPS) -> dict:
    from dataclasses import replace

    from briefgen.ingest.pipeline import ingest_file, ingest_raw
    from briefgen.ingest.readers import read_raw
    from briefgen.ingest.score import article_text, same_title, score

    he = _html_eval()
    expected = (data / "html-transfer" / name / "expected.txt").read_text(encoding="utf-8")
    source = data / "html-transfer" / name / "source.html"

    def judged(article, dated: bool) -> dict:
        if article is None:
            return {"p": 0.0, "r": 0.0, "f1": 0.0, "title": False, "date": False, "got_title": None, "none": True}
        s = score(article_text(article), expected)
        day = article.date.date().isoformat() if dated and article.date else None
        return {"p": s.precision, "r": s.recall, "f1": s.f1, "title": bool(same_title(article.title, info["title"])),
                "date": day == info["date"], "got_title": article.title, "none": False}

    out: dict = {"lang": info.get("lang"), "held": dump_holds(data, name)}
    md = _trafilatura_metadata(read_raw(source).text)
    out["trafilatura meta"] = {"title": bool(md and same_title(md.title, info["title"])),
                               "date": bool(md and md.date and md.date[:10] == info["date"]),
                               "got_title": md.title if md else None, "got_date": md.date if md else None}
    dump = data / "dumps-transfer" / f"{name}.txt"
    out["dump"] = judged(*_article_or_none(lambda: ingest_file(dump)))
    forms = getattr(he, "MARKUPS", {"old": he.old_markup})
    for markup in markups:
        def raw(markup: str = markup):
            r = read_raw(source)
            return r if markup == "as written" else replace(r, text=forms[markup](r.text))

        out[f"briefgen/{markup}"] = judged(*_article_or_none(lambda raw=raw: ingest_raw(raw())))
        he.VARIANT["name"] = "real" if markup == "as written" else markup
        for extractor, fn in (("trafilatura", he.trafilatura_text), ("readability-lxml", he.readability_text)):
            try:
                text = fn(source) or ""
            except Exception:  # noqa: BLE001
                text = ""
            s = score(text, expected)
            out[f"{extractor}/{markup}"] = {"p": s.precision, "r": s.recall, "f1": s.f1}
        he.VARIANT["name"] = "real"
    return out


def dump_holds(data: Path, name: str) -> float:
    """How much of the reference's words the page's dump holds at all (scripts/sample_proportions.py's bag of words,
    no briefgen): under HELD the dump is text-less (a body a script shows or inserts), a class no cleaning can
    score on, so the table gives the dump F1 of the two classes apart."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from sample_proportions import one_page
    finally:
        sys.path.pop(0)
    return one_page(data, data / "dumps-transfer" / f"{name}.txt",
                    data / "html-transfer" / name / "expected.txt")["held"]


HELD = 0.5


def _trafilatura_metadata(page: str):
    """trafilatura's metadata (title, date) with its defaults, as meta_score and meta_versus run it; None when it
    fails. Here rather than imported: a --base child imports briefgen from an older tree."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(page)
    except Exception:  # noqa: BLE001 - a failure is no metadata
        return None


def score_all(data: Path, names: list[str], markups: tuple[str, ...] = MARKUPS) -> dict[str, dict]:
    pages = json.loads((data / "dumps-transfer" / "pages.json").read_text(encoding="utf-8"))
    return {n: score_case(data, n, pages[n], markups) for n in names}


# --- a frozen copy of another commit ---------------------------------------------------------------------

def score_at(rev: str, data: Path, names: list[str], markups: tuple[str, ...] = MARKUPS) -> dict[str, dict]:
    """score_all with briefgen as of `rev` (git archive into a temporary folder, this file run there)."""
    with tempfile.TemporaryDirectory(prefix="transfer-base-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = dict(os.environ, PYTHONPATH=tmp + os.pathsep + os.environ.get("PYTHONPATH", ""))
        got = subprocess.run([sys.executable, str(HERE), "--child", "--data", str(data),
                              "--markups", ",".join(markups), "--names", *names],
                             cwd=tmp, env=env, check=True, capture_output=True, text=True)
    return json.loads(got.stdout)


# --- report ----------------------------------------------------------------------------------------------

def _right(c: dict) -> bool:
    return c["r"] >= RIGHT and c["p"] >= RIGHT


def _no_brief(cases: list[dict], key: str) -> int:
    """Pages refused (no brief) or failed on a path: the issue's "pages that give no brief" (held-out: 11 dumps,
    3 HTML pages of 150)."""
    return sum(bool(c[key].get("none")) for c in cases)


def _by_class(cases: list[dict]) -> str:
    """Mean dump F1 of the pages whose dump holds at least HELD of the article's words, and of the rest."""
    def mean(group):
        return f"{sum(c['dump']['f1'] for c in group) / len(group):.3f} ({len(group)})" if group else "— (0)"
    holds = [c for c in cases if c.get("held", 1.0) >= HELD]
    return f"{mean(holds)} / {mean([c for c in cases if c.get('held', 1.0) < HELD])}"


def table(results: dict[str, dict], groups: dict[str, list[str]], markups: tuple[str, ...] = MARKUPS) -> str:
    head = ("| batch | pages | dump right | dump F1 | dump F1: holds the article (n) / text-less (n) | dump no brief "
            "| dump title | dump date | "
            + " | ".join(f"{e} {m}: right (F1)" for e in EXTRACTORS for m in markups)
            + " | HTML no brief: as written / old | HTML title: briefgen / trafilatura | HTML date: briefgen / trafilatura |")
    rows = [head, "| " + " | ".join(["---"] + ["---:"] * (head.count("|") - 2)) + " |"]
    for batch, names in groups.items():
        names = [n for n in names if n in results]
        if not names:
            continue
        cs = [results[n] for n in names]
        k = len(cs)
        cells = [batch, str(k), str(sum(_right(c["dump"]) for c in cs)), f"{sum(c['dump']['f1'] for c in cs) / k:.3f}",
                 _by_class(cs), str(_no_brief(cs, "dump")), str(sum(c["dump"]["title"] for c in cs)),
                 str(sum(c["dump"]["date"] for c in cs))]
        for e in EXTRACTORS:
            for m in markups:
                got = [c[f"{e}/{m}"] for c in cs]
                cells.append(f"{sum(map(_right, got))} ({sum(g['f1'] for g in got) / k:.3f})")
        cells.append(f"{_no_brief(cs, 'briefgen/as written')} / {_no_brief(cs, 'briefgen/old')}")
        theirs = [c.get("trafilatura meta", {}) for c in cs]
        cells += [f'{sum(c["briefgen/as written"]["title"] for c in cs)} / {sum(bool(t.get("title")) for t in theirs)}',
                  f'{sum(c["briefgen/as written"]["date"] for c in cs)} / {sum(bool(t.get("date")) for t in theirs)}']
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


TITLE_TAG_TEXT = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
LD_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"')


def title_source(title: str | None, page: str) -> str:
    """Where a title comes from on the page: the form it equals (og:title, which meta_versus.page_forms reads with
    twitter:title, the JSON-LD headline, an `<h1>`, `<title>`), or 'part of' the form it is one end of ("Headline
    | Site" cut), else 'page text' (a heading or a line the page prints)."""
    import html

    from briefgen.ingest.score import same_title

    sys.path.insert(0, str(HERE.parent))
    try:
        from meta_versus import page_forms
    finally:
        sys.path.pop(0)
    if not title:
        return "none"
    og, h1s = page_forms(page)
    ld = LD_HEADLINE.search(page)
    tt = TITLE_TAG_TEXT.search(page)
    forms = [("og:title", og), ("JSON-LD", json.loads(f'"{ld.group(1)}"') if ld else None)] \
        + [("<h1>", h) for h in h1s] + [("<title>", " ".join(html.unescape(tt.group(1)).split()) if tt else None)]
    for name, form in forms:
        if form and same_title(title, form):
            return name
    key = "".join(re.findall(r"\w", title.casefold()))
    for name, form in forms:
        k = "".join(re.findall(r"\w", (form or "").casefold()))
        if key and k and key != k and (k.startswith(key) or k.endswith(key)):
            return f"part of {name}"
    return "page text"


def per_case(results: dict[str, dict], data: Path | None = None) -> str:
    from briefgen.ingest.readers import read_raw

    lines = []
    for n, c in results.items():
        d, h, o = c["dump"], c["briefgen/as written"], c["briefgen/old"]
        t = c.get("trafilatura meta", {})
        page = (data / "html-transfer" / n / "source.html") if data else None
        source = f" [{title_source(h['got_title'], read_raw(page).text)}]" \
            if page is not None and not h["title"] else ""
        lines.append(f"{n:34} dump{'' if c.get('held', 1.0) >= HELD else ' (text-less)'} {'OK ' if _right(d) else 'no '}P {d['p']:.3f} R {d['r']:.3f} "
                     f"title {'ok' if d['title'] else 'NO'} date {'ok' if d['date'] else 'NO'} | "
                     f"html {'OK ' if _right(h) else 'no '}P {h['p']:.3f} R {h['r']:.3f} "
                     f"old {'OK ' if _right(o) else 'no '}P {o['p']:.3f} R {o['r']:.3f} "
                     f"title {'ok' if h['title'] else 'NO'} date {'ok' if h['date'] else 'NO'}"
                     + ("" if d["title"] else f" | dump title {d['got_title']!r}")
                     + ("" if h["title"] else f" | html title {h['got_title']!r}{source}")
                     + (f" | trafilatura title {'ok' if t.get('title') else repr(t.get('got_title'))}"
                        f" date {'ok' if t.get('date') else t.get('got_date')}" if t and not (h["title"] and h["date"]
                                                                                          and t["title"] and t["date"])
                        else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch", action="append", help="a batch of batches.json (repeatable); default: all")
    ap.add_argument("--names", nargs="+", help="these cases only")
    ap.add_argument("--base", help="score briefgen as of this commit (a frozen copy), same pages")
    ap.add_argument("--data", help="a folder holding html-transfer/ and dumps-transfer/ as tests/data does "
                                   "(default: this tree's tests/data)")
    ap.add_argument("--markups", default=",".join(MARKUPS),
                    help="HTML forms scored: 'as written', old, brbr (comma-separated; default: as written,old)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print the per-case results as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per case")
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    markups = tuple(m.strip() for m in args.markups.split(",") if m.strip())
    groups = batches(data)
    if args.names:
        names = list(args.names)
        groups = {b: [n for n in ns if n in names] for b, ns in groups.items()}
    else:
        if args.batch:
            groups = {b: groups[b] for b in args.batch}
        names = [n for ns in groups.values() for n in ns]
    if args.child:
        print(json.dumps(score_all(data, names, markups)))
        return
    results = score_at(args.base, data, names, markups) if args.base else score_all(data, names, markups)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return
    print(f"briefgen as of {args.base or 'this tree'}; pages of {data}")
    if len(groups) > 1:
        groups = groups | {"all": names}
    print(table(results, groups, markups))
    if args.verbose:
        print(per_case(results, data))


if __name__ == "__main__":
    main()
