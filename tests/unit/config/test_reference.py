"""The README's configuration reference is generated from schema.py and must equal it."""
from __future__ import annotations

import typing
from dataclasses import fields, is_dataclass

from briefgen.config.reference import readme_section, reference
from briefgen.config.schema import Config
from tests.conftest import ROOT


def test_the_readme_holds_the_generated_config_reference():
    section = readme_section((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section is not None, "README.md lacks the config reference markers"
    assert section == reference(), "README config reference is stale: run python -m briefgen.config.reference --write"


def test_the_reference_names_every_key_with_its_default():
    text = reference()
    hints = typing.get_type_hints(Config)
    for f in fields(Config):
        if f.metadata.get("internal"):
            continue
        if is_dataclass(hints[f.name]):
            assert f"**`[{f.name}]`**" in text and f"\n[{f.name}]\n" in text
            for sub in fields(hints[f.name]):
                assert f"| `{sub.name}` |" in text, f"{f.name}.{sub.name} missing"
        else:
            assert f"| `{f.name}` |" in text
    assert "| `per_page` | integer, ≥ 1 | `20` |" in text
    assert 'region_mode = "complement"' in text


def test_the_generated_example_is_valid_config(tmp_path):
    from briefgen.config import load_config

    example = reference().split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "briefgen.toml").write_text(example, encoding="utf-8")
    assert load_config(tmp_path).site.per_page == 20


def test_the_init_config_points_to_a_section_the_readme_has():
    from briefgen.site.scaffold import CONFIG

    assert '"Configuration reference"' in CONFIG
    assert "\n## Configuration reference\n" in (ROOT / "README.md").read_text(encoding="utf-8")
