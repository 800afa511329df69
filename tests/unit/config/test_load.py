from __future__ import annotations

import pytest

from briefgen.config import load_config
from briefgen.errors import ConfigError


def test_defaults_without_a_file(tmp_path):
    cfg = load_config(tmp_path)
    assert cfg.locale == "en" and cfg.path("output") == tmp_path.resolve() / "site"


def test_errors_list_every_problem_with_its_key(tmp_path):
    (tmp_path / "briefgen.toml").write_text('titl = 1\nlocale = "xx_YY"\n[site]\nper_page = 0\nfoo = 1\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    text = str(info.value)
    for key in ("titl: unknown key", "site.foo: unknown key", "site.per_page", "locale: 'xx_YY'"):
        assert key in text
    assert "briefgen.toml" in text


def test_sub_path_base_url_gets_a_trailing_slash(tmp_path):
    (tmp_path / "briefgen.toml").write_text('base_url = "https://example.org/briefs"\n')
    assert load_config(tmp_path).base_url == "https://example.org/briefs/"


def test_bad_toml_names_the_line(tmp_path):
    (tmp_path / "briefgen.toml").write_text('title = "x"\nbase_url = \n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert info.value.line == 2
