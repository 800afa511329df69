"""make_briefs(): ingest -> classify -> brief, for the CLI, `build` and `serve`.

Implemented by the ingest work (issue 2); this is the one entry point the other stages call.
"""
from __future__ import annotations
