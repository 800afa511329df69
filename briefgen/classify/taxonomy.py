"""The theme taxonomy after a site's `[classify.themes]` changes, and theme names (for the site).

Kept apart from themes.py (scoring) so that a site build names its themes without importing the
classifier's lexicons, tables and patterns; themes.py imports these back.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.classify.data import load_toml
from briefgen.errors import ConfigError

if TYPE_CHECKING:
    from briefgen.config import Config


def _changes(config: Config | None) -> dict:
    return dict(config.classify.themes) if config is not None else {}


def _key(config: Config | None) -> str:
    """A hashable fingerprint of the theme changes, for the caches."""
    changes = _changes(config)
    # Most sites change nothing: skip json.dumps (called for every article), same key as it gives.
    return json.dumps(changes, sort_keys=True, ensure_ascii=False, default=str) if changes else "{}"


_CHANGE_KEYS = {"label", "terms", "drop", "rename"}


def _check(changes: dict) -> None:
    """Every problem in [classify.themes] at once, as a ConfigError naming the keys."""
    problems = []
    for tid, change in changes.items():
        where = f"classify.themes.{tid}"
        if not isinstance(change, dict):
            problems.append(f"{where}: expected a table (label, terms, drop, rename)")
            continue
        problems += [f"{where}.{k}: unknown key (known: {', '.join(sorted(_CHANGE_KEYS))})"
                     for k in sorted(set(change) - _CHANGE_KEYS)]
        terms = change.get("terms", {})
        if not isinstance(terms, dict) or not all(
                isinstance(v, list) and all(isinstance(t, str) for t in v) for v in terms.values()):
            problems.append(f'{where}.terms: expected lists of words per language, e.g. {{ fr = ["pétanque"] }}')
        if "rename" in change and not (isinstance(change["rename"], str) and change["rename"].strip()):
            problems.append(f"{where}.rename: expected a theme id")
        if "drop" in change and not isinstance(change["drop"], bool):
            problems.append(f"{where}.drop: expected true or false")
        if "label" in change and not isinstance(change["label"], (str, dict)):
            problems.append(f"{where}.label: expected text or a table of text per language")
    if problems:
        raise ConfigError("; ".join(problems))


@lru_cache(maxsize=16)
def _taxonomy(changes_key: str) -> tuple[tuple[str, str], ...]:
    """(source id, final id) pairs in order: defaults minus dropped, renamed, plus new ones."""
    changes = json.loads(changes_key)
    _check(changes)
    out = []
    for tid in load_toml("themes/labels.toml"):
        change = changes.get(tid, {})
        if change.get("drop"):
            continue
        out.append((tid, str(change.get("rename") or tid)))
    known = {src for src, _ in out} | set(load_toml("themes/labels.toml"))
    out.extend((tid, str(c.get("rename") or tid)) for tid, c in changes.items()
               if tid not in known and not c.get("drop"))
    return tuple(out)


def renames(config: Config | None = None) -> dict[str, str]:
    """Default theme id -> the id the site gives it (only those it renames)."""
    return {src: final for src, final in _taxonomy(_key(config)) if src != final}


def theme_ids(config: Config | None = None) -> list[str]:
    """Theme ids in taxonomy order, after the site's changes."""
    return [final for _, final in _taxonomy(_key(config))]


def theme_name(theme_id: str, locale: str = "en", config: Config | None = None) -> str:
    """Display name of a theme in a locale (site label, then default label, then English, then the id)."""
    return _theme_name(theme_id, locale.replace("-", "_"), _key(config))


@lru_cache(maxsize=1024)
def _theme_name(theme_id: str, locale: str, changes_key: str) -> str:
    changes = json.loads(changes_key)
    labels = load_toml("themes/labels.toml")
    source = next((src for src, final in _taxonomy(changes_key) if final == theme_id), theme_id)
    for table in (changes.get(source, {}).get("label") or {}, changes.get(theme_id, {}).get("label") or {},
                  labels.get(source, {})):
        if isinstance(table, str):
            return table
        for key in (locale, locale.split("_")[0], "en"):
            if table.get(key):
                return str(table[key])
    return theme_id.replace("-", " ").capitalize()
