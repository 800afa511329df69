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


def test_every_problem_is_one_line_with_file_line_and_a_suggestion_for_near_misses(tmp_path):
    (tmp_path / "briefgen.toml").write_text('title = "x"\ntitl = 1\n\n[site]\nper_pag = 5\nfeed_entries = 0\n'
                                            'zzz = 1\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    lines = str(info.value).splitlines()
    path = tmp_path / "briefgen.toml"
    assert lines[:3] == [
        f"{path}:2: titl: unknown key; did you mean `title`?",
        f"{path}:5: site.per_pag: unknown key; did you mean `per_page`?",
        f"{path}:6: site.feed_entries: 0 is below the minimum 1",
    ]
    assert len(lines) == 4 and lines[3].startswith(f"{path}:7: site.zzz: unknown key (known: feed_entries, ")


def test_key_lines_follow_tables_dotted_keys_and_multiline_strings():
    from briefgen.config.load import key_lines

    text = 'description = """\nnot = a key\n"""\nsite.per_page = 3\n[classify.regions]\ndach = ["DE"]\n'
    assert key_lines(text) == {"description": 1, "site.per_page": 4, "classify.regions": 5,
                               "classify.regions.dach": 6}
