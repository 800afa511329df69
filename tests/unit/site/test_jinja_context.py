"""briefgen's Jinja template class starts each page's context from a flat copy of its globals
(jinjaenv._Template): the same context as Jinja's own, and a global changed after a template was
loaded is seen by the next render, as with Jinja's ChainMap."""
from __future__ import annotations

import jinja2
import pytest
from jinja2 import DictLoader

from briefgen.site import jinjaenv

TEMPLATES = {
    "page.html": "{% extends 'base.html' %}{% block main %}{{ title }} {{ g1 }} {{ shown() }}"
                 "{% include 'part.html' %}{% import 'macros.html' as m %}{{ m.hello(who) }}{% endblock %}",
    "base.html": "<{{ g0 }}|{{ site.name }}>{% block main %}{% endblock %}</{{ g2 }}>",
    "part.html": "[{{ title }}:{{ g1 }}]",
    "macros.html": "{% macro hello(x) %}hello {{ x }} {{ g2 }}{% endmacro %}",
}


def _shown() -> str:
    return "fn"


def _envs():
    """briefgen's environment, and the same with Jinja's own template class and globals dict."""
    ours, stock = (jinjaenv.make_env([], jinjaenv.Path("/nonexistent")) for _ in range(2))
    stock.template_class = jinja2.Template
    stock.globals = dict(stock.globals)
    for env in (ours, stock):
        env.loader = DictLoader(TEMPLATES)
        env.bytecode_cache = None
        env.globals.update(g0="zero", g1="one", g2="two", site={"name": "S"}, shown=_shown)
    return ours, stock


def _context(env, name, vars):
    ctx = env.get_template(name).new_context(dict(vars))
    return ctx.parent, ctx.globals_keys


@pytest.mark.parametrize("vars", [{}, {"title": "T", "who": "W"}, {"g1": "page's own"}])
def test_the_context_and_the_page_are_jinjas(vars):
    ours, stock = _envs()
    assert type(ours.get_template("page.html")) is jinjaenv._Template
    assert _context(ours, "page.html", vars) == _context(stock, "page.html", vars)
    assert ours.get_template("page.html").render(vars) == stock.get_template("page.html").render(vars)


def test_a_global_changed_after_loading_is_seen_by_the_next_render():
    ours, stock = _envs()
    for env in (ours, stock):
        env.get_template("page.html").render(title="T", who="W")
    for change in (lambda g: g.update(g1="new one"), lambda g: g.__setitem__("g2", "new two"),
                   lambda g: g.pop("g0"), lambda g: g.setdefault("title", "from globals"),
                   lambda g: g.__delitem__("site") or g.__setitem__("site", {"name": "S2"})):
        for env in (ours, stock):
            change(env.globals)
        assert ours.get_template("page.html").render(who="W") == stock.get_template("page.html").render(who="W")


def test_template_globals_shared_contexts_and_locals_take_jinjas_way():
    ours, stock = _envs()
    own = {"g1": "template's own"}
    got = ours.get_template("page.html", globals=own).render(title="T", who="W")
    assert got == stock.get_template("page.html", globals=own).render(title="T", who="W")
    assert "template&#39;s own" in got
    for env in (ours, stock):
        tpl = env.get_template("part.html")
        assert tpl.new_context({"title": "x"}, shared=True).parent == {"title": "x"}
        assert tpl.new_context({"title": "x"}, locals={"l_0_y": 1}).parent["title"] == "x"


def test_an_import_into_a_context_with_more_globals_gets_a_module_of_its_own():
    """Jinja's rule for `{% import %}`: the cached module unless the importing template's context has
    globals the imported template lacks (then a fresh module that sees them)."""
    ours, stock = _envs()
    for env in (ours, stock):
        env.globals["g2"] = "env two"
    pages = []
    for env in (ours, stock):
        assert env.get_template("macros.html").module is not None   # cached, made with the env's globals
        page = env.get_template("page.html", globals={"extra": 1})
        pages.append(page.render(title="T", who="W") + env.get_template("page.html").render(title="T", who="W"))
    assert pages[0] == pages[1]
    ours, _ = _envs()       # (get_template(globals=…) gave the cached page.html globals of its own)
    ctx = ours.get_template("page.html").new_context({})
    assert ours.get_template("macros.html")._get_default_module(ctx) is ours.get_template("macros.html").module
    ctx.globals_keys = ctx.globals_keys | {"more"}
    ctx.parent["more"] = 1
    assert ours.get_template("macros.html")._get_default_module(ctx) is not ours.get_template("macros.html").module
