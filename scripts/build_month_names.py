"""Write briefgen/ingest/lang/months.json: month names of many languages from CLDR (through babel).

    .venv/bin/python scripts/build_month_names.py

For every language that the language detector knows and babel has a locale for: the wide and
abbreviated month names, in their format (genitive: "мая", "stycznia") and stand-alone forms,
lowercased, without a final dot. A name made of several words, or shorter than three letters, is left
out (dates like "tháng 10" or "1月" are read by their numeric form). Output is sorted: same babel, same
bytes. The file is data for briefgen.ingest.dates; the lexicons' own month names (lang/*.toml) come on
top of it.
"""
from __future__ import annotations

import json
from pathlib import Path

from babel import Locale, UnknownLocaleError

OUT = Path(__file__).resolve().parent.parent / "briefgen" / "ingest" / "lang" / "months.json"


def detector_languages() -> list[str]:
    from briefgen.ingest.meta import lang_detector

    return sorted(c for c in lang_detector().labels if c.isalpha())


def month_names(code: str) -> dict[str, int]:
    try:
        loc = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in loc.months.get(context, {}).get(width, {}).items():
                name = name.lower().strip().rstrip(".")
                if len(name) >= 3 and " " not in name and not any(ch.isdigit() for ch in name):
                    names.setdefault(name, month)
    return names


def main() -> None:
    table = {code: dict(sorted(names.items())) for code in detector_languages()
             if (names := month_names(code))}
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} languages, {sum(len(v) for v in table.values())} names")


if __name__ == "__main__":
    main()
