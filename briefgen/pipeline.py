"""make_briefs(): ingest -> classify -> brief, for the CLI, `build` and `serve`.

One input at a time: a bad input is reported (one line naming the file, also in
`<briefs>/_ingest-report.txt`) and the others go on. Raw files are only read.
"""
from __future__ import annotations

import fnmatch
import gc
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, IngestError, printable
from briefgen.progress import track

if TYPE_CHECKING:
    from briefgen.brief.write import BriefWriter, WriteResult
    from briefgen.config import Config
    from briefgen.ingest.readers import RawArticle

log = logging.getLogger(__name__)

REPORT_NAME = "_ingest-report.txt"


@dataclass
class IngestReport:
    written: int = 0
    unchanged: int = 0
    kept_edited: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path, one-line message)
    briefs: list[Path] = field(default_factory=list)              # briefs written in this run
    kept: list[tuple[Path, Path]] = field(default_factory=list)   # (hand-edited brief, its .new)
    same: list[tuple[str, Path]] = field(default_factory=list)    # (raw file, brief of the same article)
    skipped: list[str] = field(default_factory=list)              # files of kinds briefgen does not read
    ignored: list[str] = field(default_factory=list)              # set aside by [ingest] ignore
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, message): briefed, but see

    def summary(self) -> str:
        extra = "".join(f", {len(found)} {what}" for found, what in (
            (self.same, "same article as another file"), (self.skipped, "skipped (not read)"),
            (self.ignored, "ignored"), (self.warnings, "dated by the file")) if found)
        return (f"ingest: {self.written} written, {self.unchanged} unchanged, "
                f"{self.kept_edited} kept (edited by hand), {len(self.failed)} failed{extra}")


def collect_inputs(paths: list[Path] | None, config: Config,
                   set_aside: IngestReport | None = None) -> tuple[list[Path], list[tuple[str, str]]]:
    """Raw files to ingest, in a stable order (path order decides slug suffixes), and missing paths.
    Files of kinds briefgen does not read and files matching [ingest] ignore go to `set_aside`."""
    from briefgen.ingest.readers import is_raw

    roots = paths if paths else [config.path("raw")]
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    aside = set_aside if set_aside is not None else IngestReport()
    for root in roots:
        root = Path(root)
        if root.is_dir():
            for p in sorted(p for p in root.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(root).parts)):
                if not is_raw(p):
                    if not p.name.startswith("_"):   # _ingest-report.txt and the like are ours
                        aside.skipped.append(str(p))
                elif _ignored(p, config):
                    aside.ignored.append(str(p))
                else:
                    found.append(p)
        elif root.exists():
            found.append(root)   # named on the command line: read whatever it is
        elif paths:
            missing.append((str(root), "no such file or folder"))
    return list(dict.fromkeys(found)), missing


def _ignored(path: Path, config: Config) -> bool:
    """[ingest] ignore: glob patterns against the path below the raw folder (or the name)."""
    patterns = getattr(getattr(config, "ingest", None), "ignore", None) or []
    if not patterns:
        return False
    try:
        rel = path.resolve().relative_to(config.path("raw")).as_posix()
    except ValueError:
        rel = path.name
    return any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(path.name, pat) for pat in patterns)


def read_kinds() -> str:
    from briefgen.ingest.readers import READERS

    return ", ".join(sorted(READERS))


def source_key(path: Path, config: Config) -> str:
    """How the state file names an input: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return text_name(resolved.relative_to(Path(config.root).resolve()).as_posix())
    except ValueError:
        return text_name(resolved.as_posix())


def text_name(name: str) -> str:
    """A file name as text that can be written as UTF-8: the bytes of a name that is not UTF-8 (which
    Python keeps as lone surrogates) become `\\xe9`, as `ls -b` shows them; other characters stay, so
    the brief names the file as it is (printing escapes the rest)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def make_briefs(paths: list[Path] | None, config: Config, out: Path | None = None,
                force: bool = False) -> IngestReport:
    from briefgen.brief.state import DurableBatch
    from briefgen.brief.write import BriefWriter

    briefs_dir = Path(out) if out is not None else config.path("briefs")
    report = IngestReport()
    inputs, missing = collect_inputs(paths, config, report)
    report.failed = list(missing)
    # briefs made durable in batches (one sync for many files), in place before the state file is saved
    writer = BriefWriter(briefs_dir, force=force, batch=DurableBatch())
    same = _Same(writer, config)
    try:
        with _survivors_frozen():
            for path in track(inputs, total=len(inputs), desc="ingest"):
                try:
                    _one(path, config, writer, report, same)
                except BriefgenError as exc:
                    report.failed.append((str(path), exc.message))
                except Exception as exc:
                    log.debug("ingest of %s failed", path, exc_info=True)
                    report.failed.append((str(path), f"internal error: {type(exc).__name__}: {exc}"))
    finally:
        # even when interrupted: briefs already written must stay known as the machine's
        writer.save()
    for path, message in report.failed:
        log.error("%s: %s", path, message)
    for path, message in report.warnings:
        log.warning("%s: %s", path, message)
    for brief, new in report.kept:
        log.warning("%s: edited by hand, kept; the new version is in %s (use --force to overwrite)",
                    brief, new.name)
    if report.skipped:
        kinds = sorted({Path(p).suffix.lower() or "(no extension)" for p in report.skipped})
        log.warning("skipped %d file(s) of kinds briefgen does not read (%s), listed in %s; read: %s",
                    len(report.skipped), ", ".join(kinds), briefs_dir / REPORT_NAME, read_kinds())
    write_report(briefs_dir, report)
    log.info(report.summary())
    return report


@contextmanager
def _survivors_frozen():
    """What survives a full collection of the cyclic garbage collector is frozen (`gc.freeze`) until the
    inputs are done: the lexicons, models, imported modules and text caches ingest loads on first use
    (~150,000 objects) are then not traversed again by each later full collection, only what came after
    them (full collections were ~0.5 s of CPU at 1,000 dumps, a few per cent). The young generations
    are collected as before, so a page's garbage cycles still go; whatever is frozen goes back to the
    oldest generation at the end. Left alone when the collector is paused or something is frozen
    already (a caller's: its unfreeze is its own)."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return

    def after(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            gc.freeze()   # (right after a full collection: no garbage is left to freeze)

    gc.callbacks.append(after)
    try:
        yield
    finally:
        gc.callbacks.remove(after)
        gc.unfreeze()


def _one(path: Path, config: Config, writer: BriefWriter, report: IngestReport, same: _Same) -> None:
    from briefgen.ingest.readers import read_raw

    raw = read_raw(path, name=text_name(path.name), max_bytes=_max_bytes(config))
    source = source_key(path, config)
    if raw.kind == "markdown" and path.resolve().is_relative_to(writer.briefs_dir.resolve()):
        from briefgen.brief.frontmatter import load

        load(raw.text, path)   # a brief already in place: validated, nothing to copy
        report.unchanged += 1
        return
    if (done := writer.unchanged(source, raw.sha256, pipeline_version())) is not None:
        if config.strict and _dated_by_file(writer, source):
            # briefed before, dated by the file: strict mode refuses it as if it were new
            report.failed.append((str(path), (f"{NO_DATE} (its brief {done.name} is dated by the file's "
                                              "modification day; strict mode)")))
            return
        report.unchanged += 1
        return
    known = same.known_copy(source, raw.sha256)
    if known is not None:   # a copy of an article already briefed, unchanged since
        report.unchanged += 1
        report.same.append((str(path), known))
        return
    if raw.kind == "markdown":
        result = _passthrough(raw, writer, source)
    else:
        result = _ingest(raw, config, writer, source, same, report)
        if isinstance(result, Path):
            report.same.append((str(path), result))
            return
    if result.status == "kept_edited":
        report.kept_edited += 1
        report.kept.append((result.path, result.new_path))
    else:
        report.written += 1
        report.briefs.append(result.path)


def _ingest(raw: RawArticle, config: Config, writer: BriefWriter, source: str,
            same: _Same, report: IngestReport | None = None) -> WriteResult | Path:
    """The input's brief, or (a Path) the brief of the same article made from another file. A brief
    dated by the raw file's modification day (the page shows no date) is a warning in the report."""
    from briefgen.brief.render_md import render
    from briefgen.brief.slug import slugify
    from briefgen.classify.pipeline import classify
    from briefgen.ingest.fingerprint import fingerprint
    from briefgen.ingest.pipeline import ingest_raw

    article = ingest_raw(raw, config)
    sketch = fingerprint(article)
    merge = getattr(getattr(config, "ingest", None), "merge_copies", True)
    owner = same.owner(sketch, source) if merge else None
    if owner is not None:
        return same.add_copy(owner, source, raw.sha256)
    labels = classify(article, config, explain=False)   # a brief keeps the labels, not their evidence
    brief = render(article, labels, slugify(article.title))
    copies = same.copies_of(source)
    if copies:
        files = (same.file_name(source), *(same.file_name(c) for c in sorted(copies)))
        brief = replace(brief, source=replace(brief.source, files=files))
    machine = {"countries": list(brief.countries), "regions": list(brief.regions),
               "themes": list(brief.themes), "key_points": list(brief.key_points),
               "version": pipeline_version(), "fingerprint": sketch}
    if copies:
        machine["copies"] = copies
    if article.date_from is not None:
        machine["date_from"] = article.date_from
    result = writer.write(brief, None, source, raw.sha256, machine)
    same.written(result.path, sketch)
    if article.date_from == "file" and report is not None:
        day = article.date.date().isoformat()
        report.warnings.append((str(raw.path), f"{NO_DATE}; dated by the file's modification day {day}"))
    return result


NO_DATE = "no publication date on the page"


def _dated_by_file(writer: BriefWriter, source: str) -> bool:
    rel = writer.by_source.get(source)
    entry = writer.state.get(rel) if rel else None
    return entry is not None and (entry.machine or {}).get("date_from") == "file" \
        and not writer.state.is_hand_edited(rel)   # a person may have set the date in the brief


class _Same:
    """The same article saved twice (.html and .txt, or two copies) makes one brief: the first input
    in path order makes it, the others are recorded in its `source.files` and in the state file
    (`copies`: raw file -> sha256, so an unchanged copy is not read again)."""

    def __init__(self, writer: BriefWriter, config: Config) -> None:
        self.writer = writer
        self.config = config
        self._index = None
        self.copy_of: dict[str, tuple[str, str]] = {}     # copy's source -> (brief rel, raw sha256)
        for rel, entry in writer.state.entries.items():
            for copy, sha in (entry.machine.get("copies") or {}).items():
                self.copy_of[copy] = (rel, sha)

    @property
    def index(self):
        if self._index is None:   # built on the first new input only: a no-change run never needs it
            from briefgen.ingest.fingerprint import Index

            self.writer.settle()
            self._index = Index()
            for rel, entry in self.writer.state.entries.items():
                if entry.machine.get("fingerprint") and (self.writer.briefs_dir / rel).is_file():
                    self._index.add(rel, entry.machine["fingerprint"])
        return self._index

    def known_copy(self, source: str, raw_sha: str) -> Path | None:
        rel, sha = self.copy_of.get(source, (None, None))
        if rel is not None:
            self.writer.settle(self.writer.briefs_dir / rel)
        if rel is None or sha != raw_sha or self.writer.force or not (self.writer.briefs_dir / rel).is_file():
            return None
        return self.writer.briefs_dir / rel

    def owner(self, sketch: str, source: str) -> str | None:
        """The brief (rel path) of the same article made from another input, if any."""
        own = self.writer.by_source.get(source)
        rel = self.index.same(sketch, exclude=own)
        if rel is None:
            return None
        entry = self.writer.state.get(rel)
        return rel if entry is not None and entry.source != source else None

    def copies_of(self, source: str) -> dict[str, str]:
        """Copies recorded for the input's brief whose raw file is still there."""
        rel = self.writer.by_source.get(source)
        entry = self.writer.state.get(rel) if rel else None
        copies = (entry.machine.get("copies") or {}) if entry else {}
        return {c: sha for c, sha in copies.items() if self._path(c).is_file()}

    def file_name(self, source: str) -> str:
        """How source.files names an input: below the raw folder when inside it."""
        try:
            return self._path(source).resolve().relative_to(self.config.path("raw")).as_posix()
        except ValueError:
            return source

    def _path(self, source: str) -> Path:
        return Path(source) if Path(source).is_absolute() else Path(self.config.root) / source

    def written(self, path: Path, sketch: str) -> None:
        self.index.add(path.relative_to(self.writer.briefs_dir).as_posix(), sketch)

    def add_copy(self, rel: str, source: str, raw_sha: str) -> Path:
        """Record `source` as a copy of the article in brief `rel`; its own old brief (made before
        the copy was recognised) goes, unless edited by hand."""
        from briefgen.brief.frontmatter import dump, load
        from briefgen.brief.state import atomic_write

        writer = self.writer
        writer.settle()   # the briefs of this run are read below: in place first
        old = writer.by_source.get(source)
        writer._retire_old(rel, source)
        if old is not None and old != rel and old not in writer.state.entries:
            self.index.remove(old)
        entry = writer.state.get(rel)
        copies = {c: s for c, s in (entry.machine.get("copies") or {}).items() if self._path(c).is_file()}
        copies[source] = raw_sha
        machine = {**entry.machine, "copies": dict(sorted(copies.items()))}
        self.copy_of[source] = (rel, raw_sha)
        path = writer.briefs_dir / rel
        if writer.state.is_hand_edited(rel):   # a person's file: only the state learns of the copy
            entry.machine = machine
            return path
        brief = load(path.read_text(encoding="utf-8"), path)
        files = (self.file_name(entry.source), *(self.file_name(c) for c in sorted(copies)))
        data = dump(replace(brief, source=replace(brief.source, files=files))).encode("utf-8")
        atomic_write(path, data)
        writer.state.record(rel, data, machine=machine)
        return path


def _passthrough(raw: RawArticle, writer: BriefWriter, source: str) -> WriteResult:
    """A Markdown brief is validated and copied as it is (its bytes are the user's)."""
    from briefgen.brief.frontmatter import load

    brief = load(raw.text, raw.path)   # the slug is the front matter's, else the file name's
    if raw.encoding != "utf-8":
        raise IngestError(f"a brief must be UTF-8 (this file looks like {raw.encoding})", raw.path)
    return writer.write(brief, raw.text.encode("utf-8"), source, raw.sha256, {"version": pipeline_version()})


def pipeline_version() -> str:
    """The briefgen release that made a brief: after an upgrade, unchanged inputs are made again
    (briefs edited by hand are still left alone). A release, not a digest of the code, so that a
    project's committed state file does not change with every development commit."""
    import briefgen

    return briefgen.__version__


def _max_bytes(config: Config) -> int:
    options = getattr(config, "ingest", None)
    return int(getattr(options, "max_file_mb", 10)) * 1024 * 1024


def write_report(briefs_dir: Path, report: IngestReport) -> None:
    """`<briefs>/_ingest-report.txt`: what the last run did, failures first (same run, same bytes)."""
    from briefgen.brief.state import atomic_write

    lines = [report.summary(), ""]
    lines += [f"FAILED {path}: {message}" for path, message in sorted(report.failed)]
    lines += [f"WARNING {path}: {message}" for path, message in sorted(report.warnings)]
    lines += [f"KEPT {b} (edited by hand; new version in {n.name})" for b, n in sorted(report.kept)]
    lines += [f"SAME {p}: the same article as {b} (one brief; every file is in its source.files)"
              for p, b in sorted(report.same)]
    lines += [f"IGNORED {p} ([ingest] ignore)" for p in sorted(report.ignored)]
    if report.skipped:
        lines += [f"SKIPPED {p}: briefgen does not read {Path(p).suffix or 'files without an extension'} "
                  f"(it reads {read_kinds()})" for p in sorted(report.skipped)]
    lines += [f"WROTE {p}" for p in sorted(report.briefs)]
    # Names as a terminal shows them: controls escaped, bytes that are not UTF-8 as \xe9.
    lines = [printable(line) for line in lines]
    atomic_write(briefs_dir / REPORT_NAME, ("\n".join(lines) + "\n").encode("utf-8"))
