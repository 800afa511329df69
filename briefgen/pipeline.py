"""make_briefs(): ingest -> classify -> brief, for the CLI, `build` and `serve`.

One input at a time: a bad input is reported (one line naming the file, also in
`<briefs>/_ingest-report.txt`) and the others go on. Raw files are only read.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, IngestError
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

    def summary(self) -> str:
        return (f"ingest: {self.written} written, {self.unchanged} unchanged, "
                f"{self.kept_edited} kept (edited by hand), {len(self.failed)} failed")


def collect_inputs(paths: list[Path] | None, config: Config) -> tuple[list[Path], list[tuple[str, str]]]:
    """Raw files to ingest, in a stable order (path order decides slug suffixes), and missing paths."""
    from briefgen.ingest.readers import is_raw

    roots = paths if paths else [config.path("raw")]
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for root in roots:
        root = Path(root)
        if root.is_dir():
            found += sorted(p for p in root.rglob("*") if p.is_file() and is_raw(p)
                            and not any(part.startswith(".") for part in p.relative_to(root).parts))
        elif root.exists():
            found.append(root)
        elif paths:
            missing.append((str(root), "no such file or folder"))
    return list(dict.fromkeys(found)), missing


def source_key(path: Path, config: Config) -> str:
    """How the state file names an input: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path(config.root).resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def make_briefs(paths: list[Path] | None, config: Config, out: Path | None = None,
                force: bool = False) -> IngestReport:
    from briefgen.brief.write import BriefWriter

    briefs_dir = Path(out) if out is not None else config.path("briefs")
    inputs, missing = collect_inputs(paths, config)
    report = IngestReport(failed=list(missing))
    writer = BriefWriter(briefs_dir, force=force)
    try:
        for path in track(inputs, total=len(inputs), desc="ingest"):
            try:
                _one(path, config, writer, report)
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
    for brief, new in report.kept:
        log.warning("%s: edited by hand, kept; the new version is in %s (use --force to overwrite)",
                    brief, new.name)
    write_report(briefs_dir, report)
    log.info(report.summary())
    return report


def _one(path: Path, config: Config, writer: BriefWriter, report: IngestReport) -> None:
    from briefgen.ingest.readers import read_raw

    raw = read_raw(path, name=path.name, max_bytes=_max_bytes(config))
    source = source_key(path, config)
    if raw.kind == "markdown" and path.resolve().is_relative_to(writer.briefs_dir.resolve()):
        from briefgen.brief.frontmatter import load

        load(raw.text, path)   # a brief already in place: validated, nothing to copy
        report.unchanged += 1
        return
    if writer.unchanged(source, raw.sha256, pipeline_version()) is not None:
        report.unchanged += 1
        return
    result = _passthrough(raw, writer, source) if raw.kind == "markdown" else \
        _ingest(raw, config, writer, source)
    if result.status == "kept_edited":
        report.kept_edited += 1
        report.kept.append((result.path, result.new_path))
    else:
        report.written += 1
        report.briefs.append(result.path)


def _ingest(raw: RawArticle, config: Config, writer: BriefWriter, source: str) -> WriteResult:
    from briefgen.brief.render_md import render
    from briefgen.brief.slug import slugify
    from briefgen.classify.pipeline import classify
    from briefgen.ingest.pipeline import ingest_raw

    article = ingest_raw(raw, config)
    labels = classify(article, config)
    brief = render(article, labels, slugify(article.title))
    machine = {"countries": list(brief.countries), "regions": list(brief.regions),
               "themes": list(brief.themes), "key_points": list(brief.key_points),
               "version": pipeline_version()}
    return writer.write(brief, None, source, raw.sha256, machine)


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
    lines += [f"KEPT {b} (edited by hand; new version in {n.name})" for b, n in sorted(report.kept)]
    lines += [f"WROTE {p}" for p in sorted(report.briefs)]
    atomic_write(briefs_dir / REPORT_NAME, ("\n".join(lines) + "\n").encode("utf-8"))
