"""Read a gen_corpus corpus (briefs under YYYY/MM/) for the Pelican and Hugo adapters.

Briefs are read with briefgen's own front-matter reader, so the adapters see exactly what briefgen
sees (YAML 1.2 booleans: the country code NO stays Norway).
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the adapters run as scripts from any folder
    sys.path.insert(0, str(ROOT))

from briefgen.brief.frontmatter import read  # noqa: E402
from briefgen.model import Brief  # noqa: E402


def brief_files(corpus: Path) -> list[Path]:
    """Every brief of a corpus, in a stable order."""
    return sorted(corpus.rglob("*.md"))


def iter_briefs(corpus: Path) -> Iterator[tuple[Path, Brief]]:
    """(path relative to the corpus, brief) for each brief; unreadable ones are logged and skipped."""
    for path in brief_files(corpus):
        try:
            yield path.relative_to(corpus), read(path)
        except Exception as exc:  # noqa: BLE001 - a bad brief must not stop the conversion
            log.warning("%s: skipped: %s", path, exc)


def write_converted(corpus: Path, dest: Path, render: Callable[[Brief], str]) -> int:
    """Write every brief of a corpus below `dest` at its relative path, as `render` makes it
    (the Pelican and Hugo adapters differ only in that function); returns the count."""
    count = 0
    for rel, brief in iter_briefs(corpus):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(brief), encoding="utf-8")
        count += 1
    return count


def one_line(text: str | None) -> str:
    """Metadata values of other tools are single lines."""
    return " ".join((text or "").split())
