"""Progress bars on a terminal, silence in CI and pipes (tqdm does the drawing)."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def enabled() -> bool:
    """A bar only helps a person watching a terminal; CI logs and pipes get none."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("BRIEFGEN_NO_PROGRESS")


def track(items: Iterable[T], total: int | None = None, desc: str = "") -> Iterator[T]:
    if not enabled():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, unit="file", leave=False, dynamic_ncols=True)
