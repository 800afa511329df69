"""briefgen beside trafilatura's metadata and htmldate on the hand-written HTML pages of
tests/unit/ingest/test_meta_transfer.py (issue 11's title and date classes), built by the test's own
code: each test is run as pytest would run it and the pages it writes are given to the other two.

    .venv/bin/python bench/meta_transfer_baselines.py      # one line a page, then the totals
    .venv/bin/python bench/meta_transfer_baselines.py test_older_dates_s8   # another such test module

A module's date tests give their day as `want`, else the module's WANT (else 2015-02-26); a `want` that
is a string is the page's title, and a `want` of None a page that shows no date (right: no date given).
"""
import inspect
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "ingest"))
import importlib

t = importlib.import_module(sys.argv[1] if len(sys.argv) > 1 else "test_meta_transfer")
import trafilatura
from htmldate import find_date

ours = theirs = hd = n = dated = 0
pages = []
import test_meta_transfer

real_ingest = test_meta_transfer.ingest_file
def capture(p):
    pages.append(Path(p).read_text(encoding="utf-8"))
    return real_ingest(p)
# (a module may build its pages with test_meta_transfer's helpers, imported under either name)
for module in [t, *(m for k, m in list(sys.modules.items()) if k.endswith("test_meta_transfer"))]:
    if hasattr(module, "ingest_file"):
        module.ingest_file = capture
for name, fn in inspect.getmembers(t, inspect.isfunction):
    if not name.startswith("test_html"):
        continue
    marks = getattr(fn, "pytestmark", [])
    params = marks[0].args[1] if marks else [()]
    argnames = [a.strip() for a in marks[0].args[0].split(",")] if marks else []
    for vals in params:
        vals = getattr(vals, "values", vals)   # a pytest.param (a strict xfail) gives its values
        vals = vals if isinstance(vals, tuple) else (vals,)
        pages.clear()
        kw = dict(zip(argnames, vals))
        try:
            fn(Path(tempfile.mkdtemp()), **kw); ok = True
        except AssertionError:
            ok = False
        src = inspect.getsource(fn)
        for page in pages:
            n += 1
            md = trafilatura.extract_metadata(page)
            if isinstance(kw.get("want"), str) or (".title ==" in src and "want" not in kw):
                want = kw["want"] if "want" in kw else t.HEADLINE[kw.get("lang")]
                tr = md is not None and md.title == want
                h = None
            elif "want" in kw and kw["want"] is None:
                tr = md is None or md.date is None
                h = find_date(page, original_date=True) is None
            else:
                want = kw.get("want") or getattr(t, "WANT", date(2015, 2, 26))
                if "alone_is_never_moved" in name: want = date(2015, 3, 1)
                tr = md is not None and md.date == want.isoformat()
                h = find_date(page, original_date=True) == want.isoformat()
            ours += ok; theirs += tr; hd += bool(h); dated += h is not None
            print(f"{name[:60]:60} {str(vals)[:40]:40} ours {ok} traf {tr} htmldate {h}")
print(f"{n} pages: briefgen {ours}, trafilatura's metadata {theirs}; htmldate {hd} of the {dated} date pages")
