"""`briefgen classify [--json] [--explain] [--write] PATH...`: label briefs or raw articles.

Briefs (.md) are read with briefgen.brief.frontmatter and classified from title, kicker, lead and body
(the opening date line left out); raw articles go through ingest first. `--write` re-classifies briefs
in place after a taxonomy change: a label field still holding what the machine last wrote (recorded in
the briefs' state file) or empty gets the new value; a field a person changed is kept.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefgen.classify.pipeline import classify, classify_text
from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    from briefgen.brief.state import IngestState
    from briefgen.config import Config
    from briefgen.model import Brief, Classification

log = logging.getLogger(__name__)

LABEL_FIELDS = ("countries", "regions", "themes", "key_points")
RAW_SUFFIXES = (".txt", ".html", ".htm")
_DATE_LINE = re.compile(r"\b(?:1[89]|2[01])\d\d$")


def run(paths: list[Path], config: Config, as_json: bool = False, explain: bool = False,
        write: bool = False, out: TextIO | None = None) -> int:
    """Classify every file under `paths`; print one report per file. Returns 1 if any file failed."""
    out = out or sys.stdout
    status = 0
    states: dict[Path, IngestState] = {}
    for path, root in _expand(paths):
        try:
            brief, labels = _classify_path(path, config, explain)
            changed = _write_back(path, root, brief, labels, config, states) if write and brief else None
        except BriefgenError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        if write and brief is None:
            log.warning("%s: not a brief, nothing written (--write applies to .md briefs)", path)
        print(_render(path, labels, as_json, explain, changed), file=out)
    for state in states.values():
        state.save()
    return status


# ---- input ----------------------------------------------------------------------------------------------

def _visible(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts if path != root else (path.name,)
    return not any(p.startswith(("_", ".")) for p in parts)


def _expand(paths: list[Path]):
    """(file, folder it was found under) for every file; folders recurse into briefs (.md), or raw
    articles when a folder has no briefs. Names starting with '_' or '.' are skipped."""
    for path in paths:
        if not path.is_dir():
            yield path, path.parent
            continue
        found = sorted(p for p in path.rglob("*.md") if p.is_file() and _visible(p, path))
        if not found:
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in RAW_SUFFIXES and p.is_file()
                           and _visible(p, path))
        for p in found:
            yield p, path


def _is_date_line(line: str, brief: Brief) -> bool:
    """The opening line the brief writer puts first ("vendredi 16 janvier 2026", "Freitag, 16. Januar
    2026"), or any short line ending in a year when a person wrote it differently."""
    from briefgen.brief.render_md import date_line

    try:
        if line == date_line(brief.date, brief.lang):
            return True
    except Exception as exc:  # noqa: BLE001 - an odd lang code must not stop classification
        log.debug("no date line for lang %r: %s", brief.lang, exc)
    return len(line) <= 60 and len(line.split()) <= 6 and bool(_DATE_LINE.search(line))


def brief_text(brief: Brief) -> str:
    """The body of a brief without its opening date line, as plain text (Markdown escapes undone:
    key points are copied from it and must read as the article's own sentences)."""
    from briefgen.brief.render_md import unescape

    body = brief.body.lstrip()
    first, _, rest = body.partition("\n\n")
    return unescape(rest if "\n" not in first.strip() and _is_date_line(first.strip(), brief) else body)


def classify_brief(brief: Brief, config: Config, explain: bool = True) -> Classification:
    return classify_text(brief.title, brief.lead, brief_text(brief), brief.lang, config, kicker=brief.kicker,
                         explain=explain, source_url=brief.source.url)


def _classify_path(path: Path, config: Config, explain: bool) -> tuple[Brief | None, Classification]:
    if path.suffix.lower() == ".md":
        from briefgen.brief.frontmatter import read

        brief = read(path)
        return brief, classify_brief(brief, config, explain)
    from briefgen.ingest.pipeline import ingest_file  # lazily: classify does not depend on ingest

    return None, classify(ingest_file(path, config), config, explain)


# ---- --write ----------------------------------------------------------------------------------------------

def _briefs_dir(path: Path, root: Path, config: Config) -> Path:
    """The folder whose state file records this brief: the project's briefs folder when the brief is
    inside it, else the folder given on the command line."""
    resolved = path.resolve()
    configured = config.path("briefs")
    return configured if resolved.is_relative_to(configured) else root.resolve()


def merge_labels(current: dict, machine: dict | None, new: dict) -> tuple[dict, list[str]]:
    """Per label field: the new value if the field is empty or still what the machine wrote, else the
    person's value. Returns (values to write, fields that a person's edit kept)."""
    values, kept = {}, []
    for name in LABEL_FIELDS:
        now = list(current.get(name) or [])
        if not now or (machine is not None and name in machine and list(machine[name]) == now):
            values[name] = list(new[name])
        else:
            values[name] = now
            if now != list(new[name]):
                kept.append(name)
    return values, kept


def _write_back(path: Path, root: Path, brief: Brief, labels: Classification, config: Config,
                states: dict) -> dict:
    from briefgen.brief.frontmatter import set_fields
    from briefgen.brief.state import IngestState, atomic_write

    briefs_dir = _briefs_dir(path, root, config)
    state = states.get(briefs_dir) or states.setdefault(briefs_dir, IngestState.load(briefs_dir))
    rel = path.resolve().relative_to(briefs_dir).as_posix()
    entry = state.get(rel)
    edited_before = state.is_hand_edited(rel)
    current = {name: list(getattr(brief, name)) for name in LABEL_FIELDS}
    new = {name: list(getattr(labels, name)) for name in LABEL_FIELDS}
    values, kept = merge_labels(current, entry.machine if entry else None, new)
    written = [n for n in LABEL_FIELDS if values[n] != current[n]]
    machine = dict(entry.machine) if entry else {}
    machine.update(new)
    if written:
        # Only the label fields that change are rewritten; the rest of the file stays as it was.
        data = set_fields(path.read_text(encoding="utf-8"), {n: values[n] for n in written}, path).encode("utf-8")
        mode = path.stat().st_mode & 0o777
        atomic_write(path, data)
        path.chmod(mode)  # the temporary file was private; the brief keeps its permissions
        old_file = entry.file if entry else None
        state.record(rel, data, machine=machine)
        if edited_before:
            # A person had edited this file (other fields too, maybe): keep it counted as hand-edited.
            state.entries[rel].file = old_file
    elif entry is not None:
        entry.machine = machine
    return {"written": written, "kept": kept}


# ---- output -------------------------------------------------------------------------------------------------

def _render(path: Path, labels: Classification, as_json: bool, explain: bool, changed: dict | None) -> str:
    if as_json:
        record = {"path": str(path), "countries": list(labels.countries), "mentions": labels.mentions,
                  "regions": list(labels.regions), "themes": list(labels.themes),
                  "key_points": list(labels.key_points)}
        if explain:
            record["explain"] = labels.explain
        if changed is not None:
            record.update(changed)
        return json.dumps(record, ensure_ascii=False)
    mentions = ", ".join(f"{c} {n}" for c, n in sorted(labels.mentions.items(), key=lambda kv: -kv[1]))
    lines = [str(path),
             f"  countries: {' '.join(labels.countries) or '-'}" + (f"   (named: {mentions})" if mentions else ""),
             f"  regions:   {', '.join(labels.regions) or '-'}",
             f"  themes:    {', '.join(labels.themes) or '-'}"]
    if labels.key_points:
        lines.append("  key points:")
        lines.extend(f"    - {p}" for p in labels.key_points)
    if explain:
        lines.append("  why:")
        lines.extend(f"    {label}: {'; '.join(ev)}" for label, ev in labels.explain.items())
    if changed is not None:
        lines.append(f"  written: {', '.join(changed['written']) or 'nothing (up to date)'}")
        if changed["kept"]:
            lines.append(f"  kept (edited by hand): {', '.join(changed['kept'])}")
    return "\n".join(lines)
