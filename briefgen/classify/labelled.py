"""The hand-labelled sample pages: where they are, and one record per article.

Two label files share one annotation guide (README of each folder): `tests/data/samples/pages/labels.jsonl`
(49 pages, in the repository) and `samples/pages-world/labels.jsonl` (206 pages in 23 languages), which
lives beside the repository in `shared/` (`ROOT.parent / "shared"`, or the folder named by
$BRIEFGEN_SHARED). Used by the theme model's fit script and the quality gates; never at run time.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Labelled:
    case: str
    lang: str
    title: str
    text: str
    countries: tuple[str, ...]
    mentioned: tuple[str, ...]
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    corpus: str
    url: str | None = None          # the page's address (meta.json), as ingest gives it to the classifier

    @property
    def publisher(self) -> str:
        """The case id minus its language and snapshot date: 'de-derstandard-2024-05-03' -> 'derstandard'.
        Folds are grouped by it, so a page is scored by a model that never saw its publisher."""
        return self.case.split("-", 1)[1].rsplit("-", 3)[0]


def shared_dir() -> Path | None:
    """The shared samples folder: $BRIEFGEN_SHARED, else the `shared/` folder beside the repository."""
    for candidate in (os.environ.get("BRIEFGEN_SHARED"), ROOT.parent / "shared"):
        if candidate and (Path(candidate) / "samples").is_dir():
            return Path(candidate)
    return None


def corpus_dirs() -> dict[str, Path | None]:
    """name -> folder holding labels.jsonl (None when it is not on this machine)."""
    shared = shared_dir()
    pages = ROOT / "tests" / "data" / "samples" / "pages"
    world = shared / "samples" / "pages-world" if shared else None
    return {"pages": pages if (pages / "labels.jsonl").is_file() else None,
            "pages-world": world if world and (world / "labels.jsonl").is_file() else None}


def load(name: str, folder: Path) -> list[Labelled]:
    out = []
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        case = folder / label["case"]
        meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        title = meta["title"]
        out.append(Labelled(label["case"], label["lang"], title.strip(),
                            (case / "expected.txt").read_text(encoding="utf-8"),
                            tuple(label["countries"]), tuple(label["countries_mentioned"]),
                            tuple(label["regions"]), tuple(label["themes"]), name, meta.get("url")))
    return out


def load_all() -> list[Labelled]:
    """Every labelled article of the corpora present here."""
    out: list[Labelled] = []
    for name, folder in corpus_dirs().items():
        if folder is not None:
            out.extend(load(name, folder))
    return out
