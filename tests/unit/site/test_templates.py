from __future__ import annotations

import pytest
from jinja2 import TemplateNotFound

from briefgen.site.templates import folders, hashed_name, make_env, static_files, theme_dir, theme_options


def test_project_template_overrides_the_theme_and_can_extend_it(tmp_path):
    (tmp_path / "base.html").write_text('{% extends "!theme/base.html" %}{% block head %}<meta name="x">'
                                        '{% endblock %}', encoding="utf-8")
    env = make_env(folders(tmp_path))
    source, filename, _ = env.loader.get_source(env, "base.html")
    assert filename.startswith(str(tmp_path)) and "!theme/base.html" in source
    theme_source, theme_file, _ = env.loader.get_source(env, "!theme/base.html")
    assert theme_file.startswith((str(theme_dir().resolve()), str(theme_dir())))
    assert "<!doctype html>" in theme_source
    with pytest.raises(TemplateNotFound):
        env.loader.get_source(env, "!theme/nothing.html")


def test_autoescape_is_on_for_html_and_xml_templates(tmp_path):
    (tmp_path / "t.html").write_text("{{ v }}", encoding="utf-8")
    (tmp_path / "t.xml").write_text("{{ v }}", encoding="utf-8")
    (tmp_path / "t.txt").write_text("{{ v }}", encoding="utf-8")
    env = make_env(folders(tmp_path))
    assert env.get_template("t.html").render(v="<b>") == "&lt;b&gt;"
    assert env.get_template("t.xml").render(v="<b>") == "&lt;b&gt;"
    assert env.get_template("t.txt").render(v="<b>") == "<b>"


def test_theme_yml_of_the_project_overrides_single_keys(tmp_path):
    (tmp_path / "theme.yml").write_text("show_search: false\n", encoding="utf-8")
    opts = theme_options(folders(tmp_path))
    assert opts["show_search"] is False and opts["home_regions"] is True


def test_project_static_files_win_and_names_carry_the_content_hash(tmp_path):
    (tmp_path / "tpl" / "static").mkdir(parents=True)
    (tmp_path / "tpl" / "static" / "style.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    found = static_files(folders(tmp_path / "tpl"), tmp_path / "static")
    assert found["style.css"] == tmp_path / "tpl" / "static" / "style.css"
    assert "search.js" in found and "logo.svg" in found
    assert hashed_name("style.css", b"a{}") != hashed_name("style.css", b"b{}")
    assert hashed_name("style.css", b"a{}").startswith("style.") and hashed_name("x.css", b"").endswith(".css")


def test_content_fingerprint_ignores_where_identical_templates_live_and_their_mtimes(tmp_path):
    import os
    import shutil

    from briefgen.site.templates import fingerprint, theme_dir
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(theme_dir(), a)
    shutil.copytree(theme_dir(), b)
    for path in b.rglob("*"):
        os.utime(path, ns=(1, 1))
    assert fingerprint([a], [], by_content=True) == fingerprint([b], [], by_content=True)
    assert fingerprint([a], []) != fingerprint([b], [])          # the cheap stat check still sees them
    (b / "base.html").write_text((b / "base.html").read_text(encoding="utf-8") + "<!-- x -->", encoding="utf-8")
    assert fingerprint([a], [], by_content=True) != fingerprint([b], [], by_content=True)


def test_quicker_gettext_and_calls_render_what_jinjas_own_render(tmp_path):
    """install_translations and the quicker Context.call: the same text as Jinja's stock i18n and
    call, with translations, plurals, variables holding HTML, autoescape switched off, calls from
    blocks and loops that set variables, macros, and callables that want the context."""
    from babel.support import Translations
    from jinja2 import Environment, pass_context, pass_environment

    from briefgen.site.i18n import load_translations
    from briefgen.site.templates import install_translations

    source = """{% macro m(x) %}<b>{{ x }}</b>{{ _("Search") }}{% endmacro %}
{% block main %}{% set v = "<i>" %}{{ _("Search") }} {{ _("By %(author)s", author=v) }}
{{ ngettext("%(num)s brief", "%(num)s briefs", 1) }} {{ ngettext("%(num)s brief", "%(num)s briefs", n) }}
{% for i in [1, 2] %}{% set w = i %}{{ _("Archives") }}{{ m(w) }}{{ ctx_fn() }}{{ env_fn() }}{{ plain(w) }}{% endfor %}
{% trans %}Search{% endtrans %} {% trans count=n %}{{ count }} brief{% pluralize %}{{ count }} briefs{% endtrans %}
{% autoescape false %}{{ _("By %(author)s", author=v) }} {{ gettext("Search") }}{% endautoescape %}
{{ _("By %(author)s", author=v) }}{% endblock %}"""
    (tmp_path / "page.html").write_text(source, encoding="utf-8")
    found = load_translations([theme_dir() / "locales"], "fr")
    assert isinstance(found, Translations) and found.gettext("Search") != "Search"   # really translated

    @pass_context
    def ctx_fn(ctx):
        return ctx.resolve("n")

    @pass_environment
    def env_fn(env):
        return type(env).__name__

    def render(env) -> str:
        env.globals.update(ctx_fn=ctx_fn, env_fn=env_fn, plain=lambda x: x * 2)
        return env.get_template("page.html").render(n=3)

    stock = Environment(loader=make_env([tmp_path]).loader, autoescape=True, extensions=["jinja2.ext.i18n"],
                        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    stock.install_gettext_translations(found, newstyle=True)
    quick = make_env([tmp_path])
    quick.autoescape = True
    install_translations(quick, found)
    assert quick.context_class is not stock.context_class
    assert render(quick) == render(stock)
    assert "&lt;i&gt;" in render(quick) and "<i>" in render(quick)   # escaped, and not where autoescape is off


def test_theme_options_are_kept_by_the_files_bytes_and_read_again_without_pyyaml(tmp_path):
    import subprocess
    import sys

    from briefgen.site import templates

    project, cache = tmp_path / "tpl", tmp_path / "cache"
    project.mkdir()
    templates._THEME_FILES.clear()
    (project / "theme.yml").write_text("show_search: false\nextra: [a, b]\n", encoding="utf-8")
    first = theme_options(folders(project), cache)
    assert first["show_search"] is False and first["extra"] == ["a", "b"] and first["home_regions"] is True
    assert first == theme_options(folders(project))            # as without the cache
    first["extra"].append("c")                                   # each call gets its own values
    assert theme_options(folders(project), cache)["extra"] == ["a", "b"]
    assert len(list((cache / "theme-options").glob("*.pickle"))) == 2   # the project's file and the theme's
    # a new process reads them from the cache, without importing PyYAML
    code = ("import sys\nfrom pathlib import Path\nfrom briefgen.site.templates import folders, theme_options\n"
            f"o = theme_options(folders(Path({str(project)!r})), Path({str(cache)!r}))\n"
            "assert o['show_search'] is False and o['extra'] == ['a', 'b']\nprint('yaml' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    # a changed file is read again (a new digest), and a broken one is still an error with its file
    (project / "theme.yml").write_text("show_search: true\n", encoding="utf-8")
    templates._THEME_FILES.clear()
    assert theme_options(folders(project), cache)["show_search"] is True
    (project / "theme.yml").write_text("show_search: [\n", encoding="utf-8")
    try:
        theme_options(folders(project), cache)
    except templates.BuildError as exc:
        assert "not valid YAML" in str(exc) and "theme.yml" in str(exc)
    else:
        raise AssertionError("a broken theme.yml must be an error")


def test_a_clean_build_forgets_the_kept_theme_options(tmp_path):
    from briefgen.site.build import _clear_cache

    cache = tmp_path / "cache"
    (cache / "theme-options").mkdir(parents=True)
    (cache / "theme-options" / "x.pickle").write_bytes(b"")   # as a build keeps a theme.yml's options
    (cache / "catalogs").mkdir(parents=True)
    (cache / "catalogs" / "x.mo").write_bytes(b"")            # as a build keeps a compiled .po
    _clear_cache(cache)
    assert not (cache / "theme-options").exists() and not (cache / "catalogs").exists()
