#!/usr/bin/env python3
"""briefgen benchmark: ingest, classify, build, preview, and the same corpus built by Pelican and Hugo.

    .venv/bin/python bench/run.py [--sizes 1000,10000,100000] [--runs 3] [--skip-pelican] [--skip-hugo]
                                  [--out bench/out]

Prints one Markdown table (median of the runs, min–max, peak memory, load average) and writes it to
OUT/results.md with every sample in OUT/results.json. Every measurement runs in a fresh process.
Corpora come from bench/gen_corpus.py and are generated once per size under OUT, then reused.
Not part of the test suite: a full run takes about half an hour on 2 cores.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import measure  # noqa: E402
from preview_fallback import page_url, title_line, with_title  # noqa: E402

log = logging.getLogger("bench")

PYTHON = ROOT / ".venv" / "bin" / "python"
PELICAN = BENCH / ".venv-pelican" / "bin" / "pelican"
LARGE = 50_000          # from this size on, full builds run --large-runs times (default once)
ALL_GROUPS = ("ingest", "classify", "build", "pelican", "hugo", "preview")
WORKFLOWS = ("cold", "nochange", "edit", "add", "template")   # the briefgen build rows, in the order they run


class Code:
    """The briefgen code being measured: by default a frozen copy of the committed HEAD, so that
    commits landing during a long run cannot change the code between (or inside) measurements."""

    root: Path = ROOT
    env: dict | None = None
    label = "the working tree"

    @classmethod
    def snapshot(cls, out: Path) -> str:
        sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        folder = out / f"code-{sha}"
        if not (folder / "briefgen" / "__init__.py").is_file():
            folder.mkdir(parents=True, exist_ok=True)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True,
                                     check=True)
            subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        # Byte-compiled once, as `pip install` does: with PYTHONDONTWRITEBYTECODE set (as on the CI
        # machine) every measured process would otherwise compile briefgen's modules from source
        # (~0.15 s of CPU a process), which no installed copy pays.
        subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(folder / "briefgen")], check=False,
                       stdout=subprocess.DEVNULL)
        # PYTHONPATH wins over the editable install's finder, so the copy's package is the one imported.
        cls.root, cls.env = folder, {**os.environ, "PYTHONPATH": str(folder)}
        cls.label = f"commit {sha} (frozen copy)"
        return sha

    @classmethod
    def briefgen(cls) -> list[str]:
        # -P: no current folder first on sys.path, so the frozen copy on PYTHONPATH is what runs
        return [str(PYTHON), "-P", "-m", "briefgen.cli"]

    @classmethod
    def worker(cls, *args: str) -> list[str]:
        return [str(PYTHON), str(cls.root / "bench" / "workers.py"), *args]


# ---------------------------------------------------------------- results

@dataclass
class Row:
    """One line of the table: one measurement at one size, over several runs."""

    what: str
    size: int | None
    unit: str                                   # "s" (lower is better) or "/s" (higher is better)
    samples: list[measure.Sample] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    compare: str = ""                           # ratios / per-brief cost, filled in at the end
    target: str = ""
    met: str = ""
    started: str = field(default_factory=lambda: time.strftime("%H:%M", time.gmtime()))  # UTC

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def peak(self) -> float | None:
        return max((s.peak_mb for s in self.samples), default=None)

    def to_dict(self) -> dict:
        return {"what": self.what, "size": self.size, "unit": self.unit, "values": self.values,
                "median": self.median, "peak_mb": self.peak, "errors": self.errors, "notes": self.notes,
                "compare": self.compare, "target": self.target, "met": self.met, "started": self.started,
                "samples": [s.to_dict() for s in self.samples]}

    @classmethod
    def from_dict(cls, d: dict) -> Row:
        return cls(d["what"], d["size"], d["unit"], [measure.Sample(**s) for s in d["samples"]], d["values"],
                   d["errors"], d["notes"], started=d.get("started", "?"))


class Results:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def row(self, what: str, size: int | None, unit: str = "s") -> Row:
        r = Row(what, size, unit)
        self.rows.append(r)
        return r

    def get(self, what: str, size: int | None) -> Row | None:
        return next((r for r in self.rows if r.what == what and r.size == size), None)

    def merge(self, previous: Path) -> None:
        """Keep the rows of an earlier run that this run did not measure (e.g. a 100k run made
        separately), so that one table holds them all; each row says when it ran."""
        if not previous.is_file():
            return
        for d in json.loads(previous.read_text()):
            if self.get(d["what"], d["size"]) is None:
                self.rows.append(Row.from_dict(d))
        order = [r.what for r in self.rows if r.size is None or r.what.startswith(("ingest", "classify"))]
        per_size = ["briefgen build: cold", "briefgen build: no change", "briefgen build: one brief edited",
                    "briefgen build: 100 new briefs added", "briefgen build: 1000 new briefs added",
                    "briefgen build: template edited", "Hugo: cold", "Pelican: cold", "Pelican: cached",
                    "preview: save → page in browser"]

        def key(r: Row) -> tuple:
            if r.what in per_size:
                return (1, r.size, per_size.index(r.what))
            return (0, order.index(r.what) if r.what in order else 99, 0)
        self.rows.sort(key=key)


def record(row: Row, sample: measure.Sample, value: float | None = None) -> bool:
    """Add one run to a row; a failed run is kept as an error, not as a figure."""
    row.samples.append(sample)
    if sample.status != 0:
        reason = "timed out" if sample.status == -999 else f"exit {sample.status}"
        last = sample.stderr_tail.splitlines()[-1] if sample.stderr_tail else ""
        row.errors.append(f"{reason}: {last}"[:200])
        log.warning("  %s %s failed: %s", row.what, row.size or "", row.errors[-1])
        return False
    row.values.append(sample.wall if value is None else value)
    shown = f"{row.values[-1]:.3f} {row.unit}"
    log.info("  %-28s %8s  %s  peak %.0f MB  load %.2f", row.what, row.size or "", shown, sample.peak_mb,
             sample.load)
    return True


# ---------------------------------------------------------------- corpora and projects

def file_sha(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def fresh(folder: Path, stamp: dict) -> bool:
    """True when folder was made from the same inputs (its stamp matches); else empties it."""
    marker = folder / ".bench-stamp.json"
    if marker.is_file() and json.loads(marker.read_text()) == stamp:
        return True
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return False


def stamp(folder: Path, data: dict) -> None:
    (folder / ".bench-stamp.json").write_text(json.dumps(data))


def briefgen_project(out: Path, size: int, seed: int) -> Path:
    """OUT/<size>/briefgen: briefgen.toml and content/briefs from gen_corpus (made once)."""
    project = out / str(size) / "briefgen"
    want = {"size": size, "seed": seed, "generator": file_sha(BENCH / "gen_corpus.py")}
    if not fresh(project, want):
        log.info("generating %d briefs (once) in %s", size, project)
        subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), str(project / "content" / "briefs"),
                        "--count", str(size), "--seed", str(seed)], check=True)
        (project / "briefgen.toml").write_text('title = "Briefing benchmark"\n', encoding="utf-8")
        stamp(project, want)
    return project


def tool_project(out: Path, size: int, tool: str, corpus_project: Path) -> Path:
    """OUT/<size>/<tool>: the corpus converted by bench/<tool>_adapter.py (made once)."""
    adapter = BENCH / f"{tool}_adapter.py"
    folder = out / str(size) / tool
    want = {"corpus": json.loads((corpus_project / ".bench-stamp.json").read_text()),
            "adapter": file_sha(adapter, BENCH / "corpus.py")}
    if not fresh(folder, want):
        log.info("converting the %d-brief corpus for %s (once)", size, tool)
        subprocess.run([str(PYTHON), str(adapter), str(corpus_project / "content" / "briefs"), str(folder)],
                       check=True)
        stamp(folder, want)
    return folder


def reset(*paths: Path) -> None:
    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


def warm(folder: Path) -> None:
    """Read every source file once, untimed: "cold" means an empty build cache, not a cold disk.
    On this virtual disk an uncached read costs ~0.3 ms a file, which would blur every comparison."""
    for p in folder.rglob("*"):
        if p.is_file():
            p.read_bytes()


# ---------------------------------------------------------------- ingest, classify

def bench_ingest(res: Results, args) -> None:
    for kind, label in (("dump", "ingest: page dumps"), ("html", "ingest: HTML pages")):
        row = res.row(f"{label} (1 core)", args.ingest_count if kind == "dump" else args.html_count, "/s")
        for _ in range(args.runs):
            count = args.ingest_count if kind == "dump" else args.html_count
            s = measure.run(Code.worker("ingest", kind, str(count), str(args.out / "ingest" / kind)),
                            timeout=args.timeout, env=Code.env)
            if record(row, s, s.data.get("per_second")):
                row.notes = [f"{s.data.get('written')} briefs written, failed: {s.data.get('failed')}; "
                             f"{s.data.get('per_cpu_second', 0):,.0f} per CPU-second"]


def bench_classify(res: Results, args) -> None:
    project = briefgen_project(args.out, args.classify_count, args.seed)
    row = res.row("classify (1 core)", args.classify_count, "/s")
    for _ in range(args.runs):
        briefs = str(project / "content" / "briefs")
        s = measure.run(Code.worker("classify", briefs, str(args.classify_count)), timeout=args.timeout,
                        env=Code.env)
        if record(row, s, s.data.get("per_second")):
            row.notes = [f"{s.data.get('seconds', 0):.2f} s for {s.data.get('briefs')} briefs, "
                         f"{s.data.get('with_themes')} given a theme; "
                         f"{s.data.get('per_cpu_second', 0):,.0f} per CPU-second"]


# ---------------------------------------------------------------- briefgen builds

def build_cmd(project: Path, clean: bool = False) -> list[str]:
    return [*Code.briefgen(), "-q", "-C", str(project), "build", "--no-ingest",
            *(["--clean"] if clean else [])]


def theme_base_template() -> Path | None:
    """The default theme's base.html (the template every page extends), wherever the site put it."""
    for root in (Code.root / "templates", Code.root / "briefgen"):
        found = sorted(root.rglob("base.html"), key=lambda p: len(p.parts))
        if found:
            return found[0]
    return None


def prepare_template_override(project: Path) -> Path | None:
    """Copy the theme's base.html into the project's templates/ unchanged (so output is the same)."""
    base = theme_base_template()
    if base is None:
        return None
    override = project / "templates" / base.name
    override.parent.mkdir(parents=True, exist_ok=True)
    if not override.is_file() or override.read_bytes() != base.read_bytes():
        shutil.copyfile(base, override)
    return override


def shows(project: Path, slug: str, text: str) -> bool:
    """Does the built page of a brief contain text? (an edit that does not reach the page is no edit)"""
    try:
        rel = page_url(project, slug).lstrip("/")
    except FileNotFoundError:
        return False
    page = project / "site" / (rel + "index.html" if rel.endswith("/") or not rel else rel)
    return page.is_file() and text in page.read_text(encoding="utf-8", errors="replace")


def bench_briefgen(res: Results, args, size: int, project: Path) -> None:
    runs = args.runs if size < LARGE else args.large_runs
    override = prepare_template_override(project)
    cache, site = project / ".briefgen-cache", project / "site"

    cold = res.row("briefgen build: cold", size)
    for _ in range(runs):
        reset(cache, site)
        warm(project / "content")
        record(cold, measure.run(build_cmd(project, clean=True), timeout=args.timeout, env=Code.env))
    if not (site / "index.html").is_file():
        cold.notes.append("no site/index.html after the cold build")
        return
    cold.notes.append(f"{sum(1 for _ in site.rglob('*.html'))} HTML files, "
                      f"{sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 2**20:.0f} MB")

    if "nochange" in args.workflows:
        nochange = res.row("briefgen build: no change", size)
        for _ in range(args.runs):
            record(nochange, measure.run(build_cmd(project), timeout=args.timeout, env=Code.env))
    if "edit" in args.workflows:
        bench_brief_edit(res, args, size, project)
    if "add" in args.workflows:
        bench_add(res, args, size, project)
    if "template" not in args.workflows:
        return

    tpl = res.row("briefgen build: template edited", size)
    if override is None:
        tpl.errors.append("the default theme has no base.html to edit")
        return
    original = override.read_text(encoding="utf-8")
    try:
        for k in range(runs):
            marker = f"<!-- bench template edit {k} -->"
            override.write_text(original + f"\n{marker}\n", encoding="utf-8")
            if record(tpl, measure.run(build_cmd(project), timeout=args.timeout, env=Code.env)):
                home = (site / "index.html").read_text(encoding="utf-8", errors="replace")
                tpl.notes = [] if marker in home else ["the edit did not reach index.html"]
        if size <= args.compare_max:
            same_as_clean(tpl, args, project, "after the template edits")
    finally:
        override.write_text(original, encoding="utf-8")
        subprocess.run(build_cmd(project), capture_output=True, check=False, env=Code.env)


def site_manifest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def same_as_clean(row: Row, args, project: Path, when: str) -> None:
    """Build the project's inputs from scratch in another folder (untimed) and compare the two sites
    byte for byte: speed work must not change what an incremental build writes."""
    twin = args.out / "clean-check"
    reset(twin)
    twin.mkdir(parents=True)
    for name in ("content", "templates", "static", "locales"):
        if (project / name).is_dir():
            shutil.copytree(project / name, twin / name)
    shutil.copy(project / "briefgen.toml", twin / "briefgen.toml")
    subprocess.run(build_cmd(twin, clean=True), capture_output=True, check=False, env=Code.env)
    got, want = site_manifest(project / "site"), site_manifest(twin / "site")
    differ = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
    row.notes.append(f"{when}: site/ byte-identical to a clean build ({len(got)} files)" if not differ and got
                     else f"{when}: {len(differ)} files differ from a clean build, e.g. {differ[:3]}")
    reset(twin)


def new_briefs(project: Path, batch: int, count: int) -> list[tuple[Path, str]]:
    """`count` new briefs dated after the whole corpus (a day's briefs), made from existing ones with
    a new title and file name; returns (file, title marker)."""
    briefs = sorted((project / "content" / "briefs").rglob("*.md"))
    folder = project / "content" / "briefs" / "bench-added"
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i, src in enumerate(briefs[batch * count:(batch + 1) * count]):
        text = src.read_text(encoding="utf-8")
        _, title = title_line(text)
        marker = f"(bench new {batch}-{i})"
        text = with_title(text, f"{title} {marker}")
        # 30 s apart from 08:00: 1,000 briefs end at 16:19:30 (the hour once ran past 23 at 1,000)
        minutes, seconds = divmod(i * 30, 60)
        when = f"2026-02-{batch + 1:02d}T{8 + minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}+01:00"
        text = "\n".join(f"date: {when}" if ln.startswith("date:") else ln for ln in text.split("\n"))
        text = "\n".join(ln for ln in text.split("\n") if not ln.startswith(("slug:", "updated:")))
        path = folder / f"bench-new-{batch}-{i}.md"
        path.write_text(text, encoding="utf-8")
        made.append((path, marker))
    return made


def bench_add(res: Results, args, size: int, project: Path) -> None:
    """A day's new briefs (100; 1,000 at 100,000 briefs): checks every new brief has its page and the
    newest reached the site's feed."""
    count = 1000 if size >= LARGE else 100
    row = res.row(f"briefgen build: {count} new briefs added", size)
    added: list[Path] = []
    try:
        for k in range(args.runs):
            made = new_briefs(project, k, count)
            added += [p for p, _ in made]
            if record(row, measure.run(build_cmd(project), timeout=args.timeout, env=Code.env)):
                site = project / "site"
                pages = sum(1 for p in (site / "2026" / "02").rglob("bench-new-*/index.html")) \
                    if (site / "2026" / "02").is_dir() else 0
                feed = (site / "feed.xml").read_text(encoding="utf-8", errors="replace")
                ok = pages == len(added) and made[-1][1] in feed
                row.notes = [] if ok else [f"check failed: {pages} of {len(added)} new pages, "
                                           f"newest in feed.xml: {made[-1][1] in feed}"]
        if size <= args.compare_max:
            same_as_clean(row, args, project, "after the additions")
    finally:
        for path in added:
            path.unlink(missing_ok=True)
        subprocess.run(build_cmd(project), capture_output=True, check=False, env=Code.env)


def bench_brief_edit(res: Results, args, size: int, project: Path) -> None:
    row = res.row("briefgen build: one brief edited", size)
    briefs = sorted((project / "content" / "briefs").rglob("*.md"))
    brief = briefs[len(briefs) // 2]
    original = brief.read_text(encoding="utf-8")
    _, title = title_line(original)
    try:
        for k in range(args.runs):
            marker = f"(bench edit {k})"
            brief.write_text(with_title(original, f"{title} {marker}"), encoding="utf-8")
            if record(row, measure.run(build_cmd(project), timeout=args.timeout, env=Code.env)):
                row.notes = [] if shows(project, brief.stem, marker) else ["the edit did not reach the page"]
    finally:
        brief.write_text(original, encoding="utf-8")
        subprocess.run(build_cmd(project), capture_output=True, check=False, env=Code.env)


def bench_startup(res: Results, args) -> None:
    """The floor under any CLI rebuild: a Python process that imports the build code."""
    row = res.row("python start + import briefgen.site.build", None)
    for _ in range(args.runs):
        imports = "import briefgen.cli, briefgen.site.build"
        record(row, measure.run([str(PYTHON), "-P", "-c", imports], env=Code.env))


# ---------------------------------------------------------------- Pelican, Hugo, preview

def bench_pelican(res: Results, args, size: int, folder: Path) -> None:
    cold, cached = res.row("Pelican: cold", size), res.row("Pelican: cached", size)
    if not PELICAN.is_file():
        cold.errors.append("not installed (python -m venv bench/.venv-pelican && "
                           "bench/.venv-pelican/bin/pip install pelican markdown)")
        return
    cmd = [str(PELICAN), "-q", "-s", "pelicanconf.py"]
    runs = args.runs if size < LARGE else args.large_runs
    for _ in range(runs):
        reset(folder / "output", folder / "cache")
        warm(folder / "content")
        record(cold, measure.run(cmd, cwd=folder, timeout=args.timeout))
    for _ in range(runs):
        record(cached, measure.run(cmd, cwd=folder, timeout=args.timeout))


def bench_hugo(res: Results, args, size: int, folder: Path) -> None:
    row = res.row("Hugo: cold", size)
    hugo = shutil.which("hugo")
    if hugo is None:
        row.errors.append("not installed (apt-get install -y hugo)")
        return
    runs = args.runs if size < LARGE else args.large_runs
    for _ in range(runs):
        reset(folder / "public", folder / "resources", folder / ".hugo-cache")
        warm(folder / "content")
        record(row, measure.run([hugo, "--quiet", "--source", str(folder), "--cacheDir",
                                 str(folder / ".hugo-cache")], timeout=args.timeout))


def bench_preview(res: Results, args, size: int, project: Path) -> None:
    row = res.row("preview: save → page in browser", size)
    s = measure.run(Code.worker("preview", str(project), str(args.preview_edits)), timeout=args.timeout,
                    env=Code.env)
    if s.status == 0 and s.data.get("median") is not None:
        row.samples.append(s)
        row.values = list(s.data.get("all") or [s.data["median"]])
        row.notes.append(f"{len(row.values)} edits, measured by {s.data.get('by')}; "
                         "peak MB includes Chromium")
        if s.data.get("rebuild_median") is not None:
            row.notes.append(f"the server's own rebuild: median {s.data['rebuild_median']:.3f} s")
        log.info("  preview %d: median %.3f s", size, row.median)
    else:
        record(row, s)


# ---------------------------------------------------------------- table

TARGETS = {  # (what, size) -> (description, check(row, results) -> bool | None); aims of issue 16
    ("ingest: page dumps (1 core)", None): ("≥ 100 /s", lambda r, _: r.median >= 100),
    ("classify (1 core)", None): ("10k in < 10 s (≥ 1000 /s)", lambda r, _: r.median >= 1000),
    ("briefgen build: cold", 10000): ("≤ 2.5× Hugo, ≤ 0.3× Pelican", lambda r, res: _cold_10k_ok(r, res)),
    ("briefgen build: no change", 10000): ("≤ 0.3 s", lambda r, _: r.median <= 0.3),
    ("briefgen build: 100 new briefs added", 10000): ("≤ 1 s, ≤ 0.16× Hugo cold",
                                                     lambda r, res: _add_10k_ok(r, res)),
    ("briefgen build: one brief edited", 10000): ("≤ 0.4 s", lambda r, _: r.median <= 0.4),
    ("briefgen build: template edited", 10000): ("≤ 2× Hugo cold",
                                                 lambda r, res: _vs_hugo(r, res, 2.0)),
    ("preview: save → page in browser", 1000): ("≤ 0.25 s", lambda r, _: r.median <= 0.25),
    ("preview: save → page in browser", 10000): ("≤ 0.25 s", lambda r, _: r.median <= 0.25),
    ("briefgen build: cold", 100000): ("≤ 200 s, ≤ 3 GB", lambda r, res: r.median <= 200 and r.peak <= 3072),
    ("briefgen build: no change", 100000): ("≤ 1 s", lambda r, _: r.median <= 1),
    ("briefgen build: 1000 new briefs added", 100000): ("≤ 5 s", lambda r, _: r.median <= 5),
    ("preview: save → page in browser", 100000): ("≤ 0.4 s", lambda r, _: r.median <= 0.4),
}


def _vs_hugo(row: Row, res: Results, most: float) -> bool | None:
    ratio = _ratio(row, res.get("Hugo: cold", row.size))
    return None if ratio is None else ratio <= most


def _add_10k_ok(row: Row, res: Results) -> bool:
    hugo = _vs_hugo(row, res, 0.16)
    return row.median <= 1 and hugo is not False


def _ratio(row: Row | None, other: Row | None) -> float | None:
    if row is None or other is None or row.median is None or other.median is None:
        return None
    return row.median / other.median


def _cold_10k_ok(row: Row, res: Results) -> bool | None:
    hugo, pelican = _ratio(row, res.get("Hugo: cold", 10000)), _ratio(row, res.get("Pelican: cold", 10000))
    checks = ([hugo <= 2.5] if hugo else []) + ([pelican <= 0.3] if pelican else [])
    return all(checks)


def _per_brief(res: Results, size: int) -> float | None:
    r = res.get("briefgen build: cold", size)
    return r.median / size if r and r.median else None


def _cold_100k_ok(row: Row, res: Results) -> bool:
    linear = True
    if _per_brief(res, 10000):
        linear = _per_brief(res, 100000) <= 1.2 * _per_brief(res, 10000)
    return row.median <= 90 and row.peak <= 3072 and linear


def annotate(res: Results) -> None:
    """Ratios vs Hugo and Pelican, per-brief cost, targets."""
    for row in res.rows:
        parts = []
        if row.what == "briefgen build: cold" and row.median:
            parts.append(f"{row.median / row.size * 1000:.2f} ms/brief")
            for tool in ("Hugo: cold", "Pelican: cold"):
                ratio = _ratio(row, res.get(tool, row.size))
                parts += [f"{ratio:.2f}× {tool.split(':')[0]}"] if ratio else []
        elif row.what.startswith("briefgen build") and row.median and row.size:
            ratio = _ratio(row, res.get("Pelican: cached", row.size))
            parts += [f"{ratio:.2f}× Pelican cached"] if ratio and row.what.endswith("no change") else []
            hugo = _ratio(row, res.get("Hugo: cold", row.size))
            parts += [f"{hugo:.3f}× Hugo cold"] if hugo else []
            parts.append(f"{row.median / row.size * 1e6:.0f} µs/brief")
        elif row.what.startswith(("Hugo", "Pelican")) and row.median and row.size:
            parts.append(f"{row.median / row.size * 1000:.2f} ms/brief")
        row.compare = ", ".join(parts)
        key = (row.what, row.size) if (row.what, row.size) in TARGETS else (row.what, None)
        if key in TARGETS and row.median is not None:
            row.target = TARGETS[key][0]
            ok = TARGETS[key][1](row, res)
            row.met = "–" if ok is None else "yes" if ok else "NO"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "/s":
        return f"{value:,.0f} /s"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def table(res: Results) -> str:
    head = ("| measurement | briefs | median | min–max | CPU s | peak MB | load (1 min), UTC | compared "
            "| target | met |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
    lines = [head]
    for r in res.rows:
        loads = [s.load for s in r.samples]
        load = f"{min(loads):.2f}–{max(loads):.2f} at {r.started}" if loads else "–"
        if r.values:
            spread = f"{fmt(min(r.values), r.unit)} – {fmt(max(r.values), r.unit)} (n={len(r.values)})"
        else:
            spread = "; ".join(r.errors) or "not run"
        peak = f"{r.peak:.0f}" if r.peak else "–"
        ok = [smp.cpu for smp in r.samples if smp.status == 0 and not r.what.startswith("preview")]
        cpu = f"{statistics.median(ok):.2f}" if ok and r.unit == "s" else "–"
        compared = "; ".join(x for x in [r.compare, *r.notes, *(r.errors if r.values else [])] if x)
        size = f"{r.size:,}" if r.size else ""
        lines.append(f"| {r.what} | {size} | {fmt(r.median, r.unit)} | {spread} | {cpu} | {peak} | {load} | "
                     f"{compared} | {r.target} | {r.met} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.splitlines()
    commit = Code.label
    hugo, pelican = ["not installed"], "not installed"
    if shutil.which("hugo"):
        version = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
        hugo = version.stdout.split()[:2]
    if PELICAN.is_file():
        pelican = subprocess.run([str(PELICAN), "--version"], capture_output=True, text=True,
                                 check=False).stdout.strip()
    return "\n".join([
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; briefgen measured: {commit}",
        f"- CPU: {cpu}, nproc = {os.cpu_count()}; memory: {mem[1].split()[1] if len(mem) > 1 else '?'} total",
        f"- Python {platform.python_version()}; Hugo {' '.join(hugo)}; Pelican {pelican}",
        f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ])


# ---------------------------------------------------------------- main

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="briefgen benchmark (prints one table; see bench/README.md).")
    p.add_argument("--sizes", default="1000,10000,100000",
                   help="corpus sizes for the builds (comma-separated)")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement (median, min–max)")
    p.add_argument("--large-runs", type=int, default=1,
                   help=f"runs of full builds at {LARGE:,} briefs and more (default 1: they take minutes)")
    p.add_argument("--skip-pelican", action="store_true", help="do not build the corpus with Pelican")
    p.add_argument("--skip-hugo", action="store_true", help="do not build the corpus with Hugo")
    p.add_argument("--pelican-max", type=int, default=10000,
                   help="largest size Pelican builds (100k takes it many minutes; default 10000)")
    p.add_argument("--only", default=",".join(ALL_GROUPS), help=f"groups to run, from {','.join(ALL_GROUPS)}")
    p.add_argument("--ingest-count", type=int, default=1000, help="page dumps per ingest run (default 1000)")
    p.add_argument("--html-count", type=int, default=1000, help="HTML pages per ingest run (default 1000)")
    p.add_argument("--working-tree", action="store_true",
                   help="measure the working tree as it is, not a frozen copy of the committed HEAD")
    p.add_argument("--classify-count", type=int, default=10000,
                   help="briefs per classify run (default 10000)")
    p.add_argument("--preview-sizes", default="1000,10000", help="sizes for the preview latency")
    p.add_argument("--preview-edits", type=int, default=10, help="edits per preview measurement")
    p.add_argument("--seed", type=int, default=1, help="gen_corpus seed")
    p.add_argument("--compare-max", type=int, default=10000,
                   help="largest size whose incremental sites are compared byte for byte with a clean build")
    p.add_argument("--timeout", type=float, default=1800, help="seconds before one run is killed")
    p.add_argument("--out", type=Path, default=BENCH / "out", help="where corpora, sites and results go")
    p.add_argument("--workflows", default=",".join(WORKFLOWS),
                   help=f"briefgen build rows to measure, from {','.join(WORKFLOWS)} (the cold build always runs: "
                        "the others start from its site)")
    p.add_argument("--merge", action="store_true",
                   help="also show rows of the previous OUT/results.json that this run did not measure")
    args = p.parse_args(argv)
    args.sizes = [int(x) for x in args.sizes.split(",") if x]
    args.preview_sizes = {int(x) for x in args.preview_sizes.split(",") if x}
    args.only = set(args.only.split(","))
    args.workflows = set(args.workflows.split(",")) | {"cold"}
    args.out = args.out.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    os.environ["BRIEFGEN_NO_PROGRESS"] = "1"
    args.out.mkdir(parents=True, exist_ok=True)
    res = Results()
    if not args.working_tree:
        log.info("measuring commit %s (a frozen copy under %s)", Code.snapshot(args.out), args.out)
    if "ingest" in args.only:
        bench_ingest(res, args)
    if "classify" in args.only:
        bench_classify(res, args)
    if "build" in args.only:
        bench_startup(res, args)
    for size in args.sizes:
        log.info("== %d briefs", size)
        project = briefgen_project(args.out, size, args.seed)
        if "build" in args.only:
            bench_briefgen(res, args, size, project)
        if "hugo" in args.only and not args.skip_hugo:
            bench_hugo(res, args, size, tool_project(args.out, size, "hugo", project))
        if "pelican" in args.only and not args.skip_pelican and size <= args.pelican_max:
            bench_pelican(res, args, size, tool_project(args.out, size, "pelican", project))
        if "preview" in args.only and size in args.preview_sizes:
            bench_preview(res, args, size, project)
    if args.merge:
        res.merge(args.out / "results.json")
    annotate(res)
    report = f"{table(res)}\n\n{machine()}\n\nCommand: `.venv/bin/python bench/run.py " \
             f"{' '.join(sys.argv[1:] if argv is None else argv)}`\n"
    (args.out / "results.md").write_text(report, encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps([r.to_dict() for r in res.rows], indent=1))
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
