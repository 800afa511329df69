"""The default theme ships in the installed package: every file of templates/ matches a
package-data pattern of briefgen.theme (checked by `pip install .` in a throwaway venv too)."""
from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from briefgen.site.templates import theme_dir
from tests.unit.site.conftest import ROOT


def test_every_theme_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"][
        "briefgen.theme"]
    theme = ROOT / "templates"
    files = [p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file()]
    missing = [f for f in files if not any(fnmatch(f, pat) for pat in patterns)]
    assert files and missing == []


def test_theme_is_found_through_the_package():
    assert (theme_dir() / "base.html").is_file()
    assert (ROOT / "briefgen" / "theme").resolve() == (ROOT / "templates").resolve()
