"""briefgen: raw news pages in, a localised static briefing website out.

Data flows one way: ingest (raw -> Article) -> classify (Article -> Classification)
-> brief (Markdown file in content/briefs/) -> site (briefs -> pages) -> serve / publish.
"""
from __future__ import annotations

__version__ = "0.15.0"
