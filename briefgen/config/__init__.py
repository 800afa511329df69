"""Configuration: every key of briefgen.toml declared once (schema.py), loaded by load.py."""
from __future__ import annotations

from briefgen.config.load import find_project, load_config
from briefgen.config.schema import Config

__all__ = ["Config", "find_project", "load_config"]
