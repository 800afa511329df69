"""`{% once %}` (jinjaenv.OnceExtension): page chrome rendered once per tree, with the same bytes as a
theme that does not opt in."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from briefgen.site.templates import make_env, theme_dir

ONCE_TAG = re.compile(r"^[ \t]*\{% (?:once\b[^%]*|endonce) %\}\n", re.MULTILINE)


def without_once(source: str) -> str:
    """The template as a theme that does not opt in would write it (the tags' lines removed)."""
    return ONCE_TAG.sub("", source)


def site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_once_renders_each_key_once_and_gives_the_same_text(tmp_path):
    calls = []

    def seen(x):
        calls.append(x)
        return x

    source = """{% macro m(v) %}{% once v %}<i>{{ seen(v) }}</i>{% endonce %}{% endmacro %}
<p>{% once flag %}{{ seen("head") }} {{ title }}{% if flag %} on{% endif %}{% endonce %}</p>
{% once %}<b>{{ seen("same") }}</b>{% endonce %}
{{ m(1) }}{{ m(2) }}{{ m(1) }}
{% autoescape false %}{% once %}{{ seen("<raw>") }}{% endonce %}{% endautoescape %}
{% once %}{{ seen("<escaped>") }}{% endonce %}
"""
    (tmp_path / "once.html").write_text(source, encoding="utf-8")
    # the same without the tags (trim_blocks drops the newline after a block tag, as after `endonce`)
    plain = re.sub(r"\{% once[^%]*%\}", "", source).replace("{% endonce %}\n", "").replace("{% endonce %}", "")
    (tmp_path / "plain.html").write_text(plain, encoding="utf-8")
    env = make_env([tmp_path])
    env.globals.update(seen=seen, title="T & co")
    pages = [{"flag": f} for f in (True, False, True, False, True)]
    once = [env.get_template("once.html").render(p) for p in pages]
    calls_once = list(calls)
    calls.clear()
    plain = [env.get_template("plain.html").render(p) for p in pages]
    assert once == plain                                  # the same bytes on every page
    assert "T &amp; co" in once[0] and "<raw>" in once[0] and "&lt;escaped&gt;" in once[0]
    # each place and key value rendered once: flag True/False, "same", m(1), m(2), raw, escaped
    assert sorted(map(str, calls_once)) == sorted(map(str, ["head", "head", "same", 1, 2, "<raw>", "<escaped>"]))
    assert len(calls) > len(calls_once)                   # without the tag: every page renders every part


def test_a_block_inside_once_is_refused(tmp_path):
    (tmp_path / "bad.html").write_text("{% once %}<p>{% block x %}{% endblock %}</p>{% endonce %}",
                                       encoding="utf-8")
    with pytest.raises(TemplateSyntaxError, match="cannot hold a"):
        make_env([tmp_path]).get_template("bad.html")


def test_the_default_theme_opts_in_and_builds_the_bytes_of_a_theme_that_does_not(scratch_project, build_project,
                                                                               tmp_path):
    """The whole fixture site (two trees, descriptions, every page kind) built by the default theme
    (chrome in {% once %}) and by a project base.html without the tags: byte for byte the same."""
    base = (theme_dir() / "base.html").read_text(encoding="utf-8")
    assert "{% once" in base
    assert build_project(scratch_project, out=tmp_path / "a").pages > 0
    (scratch_project / "templates").mkdir(exist_ok=True)
    (scratch_project / "templates" / "base.html").write_text(without_once(base), encoding="utf-8")
    build_project(scratch_project, clean=True, out=tmp_path / "b")
    a, b = site_files(tmp_path / "a"), site_files(tmp_path / "b")
    assert len(a) > 50 and a.keys() == b.keys()
    assert [p for p in a if a[p] != b[p]] == []
    # an override that extends the theme and shows the page in its head block: per page, not cached
    (scratch_project / "templates" / "base.html").write_text(
        '{% extends "!theme/base.html" %}{% block head %}<meta name="page" content="{{ page_url }}">\n'
        '{% endblock %}', encoding="utf-8")
    build_project(scratch_project, clean=True, out=tmp_path / "c")
    c = site_files(tmp_path / "c")
    shown = {p: re.search(rb'<meta name="page" content="([^"]*)">', data).group(1).decode()
             for p, data in c.items() if p.endswith("index.html") and b'<meta name="page"' in data}
    assert len(shown) > 20
    assert all(url == path.removeprefix("de/").removesuffix("index.html") for path, url in shown.items())
    assert shown["regions/index.html"] == "regions/" and 'aria-current="page"' in c["regions/index.html"].decode()
    assert c["countries/index.html"].decode().count('aria-current="page"') == 1


def test_message_extraction_reads_templates_that_use_once(tmp_path):
    """babel.cfg names the extension: without it pybabel skips a template with the tag without a word
    (base.html's "Skip to content" and the feed's messages would leave the catalog)."""
    import subprocess
    import sys

    out = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-c", "import sys; from babel.messages.frontend import main; sys.exit(main())",
                    "-q", "extract", "-F", str(theme_dir() / "babel.cfg"), "-o", str(out), "--no-location",
                    str(theme_dir())], check=True, capture_output=True)
    text = out.read_text(encoding="utf-8")
    for message in ("Skip to content", "Main", "Languages", "Atom feed", "This page has moved", "Countries"):
        assert f'msgid "{message}"' in text, message


def test_once_keeps_a_bounded_number_of_texts_and_renders_the_rest_each_time(tmp_path, monkeypatch):
    from briefgen.site import jinjaenv

    monkeypatch.setattr(jinjaenv, "ONCE_KEEP", 3)
    (tmp_path / "t.html").write_text("{% once k %}<i>{{ k }}{{ n }}</i>{% endonce %}", encoding="utf-8")
    env = make_env([tmp_path])
    template = env.get_template("t.html")
    first = [template.render(k=k, n=1) for k in range(6)]
    again = [template.render(k=k, n=2) for k in range(6)]
    assert first == [f"<i>{k}1</i>" for k in range(6)]
    assert again == ["<i>01</i>", "<i>11</i>", "<i>21</i>", "<i>32</i>", "<i>42</i>", "<i>52</i>"]   # 3 kept
    assert len(env.once_texts) == 3
