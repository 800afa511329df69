"""A small briefing project written inline, for publish tests that run the real site build."""
from __future__ import annotations

from pathlib import Path

CONFIG = """title = "Test Briefing"
base_url = "{base}"
locale = "fr_CH"
[site]
now = "2026-02-01T12:00:00+01:00"
{site}
[publish]
{publish}
"""

JAPAN = """---
title: Le Japon et les Etats-Unis vont renforcer leur coopération militaire
lead: Tokyo et Washington vont renforcer la production conjointe de missiles.
date: 2026-01-16T09:41:00+01:00
lang: fr
countries: [JP, US]
regions: [eastern-asia, northern-america]
themes: [defence, diplomacy]
key_points:
  - Tokyo et Washington se sont mis d'accord vendredi.
---

vendredi 16 janvier 2026

{body}

## Okinawa

Un poste avancé clé des Etats-Unis.
"""

SWISS = """---
title: La Suisse et l'Allemagne signent un accord
date: 2026-01-17T10:00:00+01:00
lang: fr
countries: [CH, DE]
regions: [western-europe]
themes: [economy]
---

samedi 17 janvier 2026

Berne et Berlin ont signé un accord sur le transport ferroviaire.
"""

JAPAN_BODY = "Tokyo et Washington se sont mis d'accord vendredi pour renforcer leur coopération."


def write_project(root: Path, base: str = "https://example.org/briefs/", body: str = JAPAN_BODY,
                  site: str = "", publish: str = "") -> Path:
    files = {
        "briefgen.toml": CONFIG.format(base=base, site=site, publish=publish),
        "content/briefs/2026/01/japon.md": JAPAN.format(body=body),
        "content/briefs/2026/01/suisse.md": SWISS,
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def set_japan_body(root: Path, body: str) -> None:
    (root / "content/briefs/2026/01/japon.md").write_text(JAPAN.format(body=body), encoding="utf-8")
