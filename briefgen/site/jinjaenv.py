"""The Jinja side of the template folders (briefgen.site.templates): the loader, autoescaping and
the compiled-template cache. Kept apart so that a build with nothing to render never imports Jinja."""
from __future__ import annotations

import logging
import os
import threading
import types
from pathlib import Path
from typing import ClassVar

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    Environment,
    FileSystemLoader,
    Template,
    TemplateNotFound,
    nodes,
    pass_eval_context,
    select_autoescape,
)
from jinja2.exceptions import TemplateSyntaxError
from jinja2.ext import Extension
from jinja2.runtime import Context, Macro
from jinja2.utils import _PassArg
from markupsafe import Markup

from briefgen.site import feeds
from briefgen.site.templates import THEME_PREFIX, link_error

log = logging.getLogger(__name__)


class ThemeLoader(BaseLoader):
    """Search `folders` in order; names starting with `!theme/` go to the default theme only.
    With `roots`, a template reached through a link out of them is a BuildError."""

    def __init__(self, folders: list[Path], theme: Path, roots: list[str] | None = None) -> None:
        self.loaders = [FileSystemLoader(str(f)) for f in folders]
        self.theme = FileSystemLoader(str(theme))
        self.roots = roots

    def get_source(self, environment, template):
        if template.startswith(THEME_PREFIX):
            return self._checked(self.theme.get_source(environment, template[len(THEME_PREFIX):]))
        for loader in self.loaders:
            try:
                return self._checked(loader.get_source(environment, template))
            except TemplateNotFound:
                continue
        raise TemplateNotFound(template)

    def _checked(self, found: tuple) -> tuple:
        err = link_error(found[1], self.roots)
        if err is not None:
            raise err
        return found

    def list_templates(self):
        found: set[str] = set()
        for loader in self.loaders:
            found.update(loader.list_templates())
        return sorted(found)


_ESCAPED = select_autoescape(["html", "htm", "xml"], default_for_string=True, default=False)


def _autoescape(name: str | None) -> bool:
    # Jinja asks for every context (each page): the rule is made once, not on every call
    return _ESCAPED(name)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept across builds in one process (the preview server builds on every
    change). Jinja keys each entry by template name and source checksum, so an edit recompiles."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.lock = threading.Lock()
        # Also on disk (the build cache's jinja/ folder): a command-line build is a new process, and
        # compiling the theme's templates costs it about half a second of CPU.
        self.folder: Path | None = None

    def load_bytecode(self, bucket) -> None:
        with self.lock:
            code = self.store.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / f"{bucket.key}.{COMPILED}.bc").read_bytes()
            except OSError:
                code = None
        if code is not None:
            bucket.bytecode_from_string(code)   # checks Jinja's magic and the source checksum

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        with self.lock:
            if len(self.store) > 500:   # a long preview session with many edits: start over
                self.store.clear()
            self.store[bucket.key] = code
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = self.folder / f"{bucket.key}.{os.getpid()}.{threading.get_ident()}.tmp"
                tmp.write_bytes(code)
                os.replace(tmp, self.folder / f"{bucket.key}.{COMPILED}.bc")
            except OSError:
                log.debug("cannot keep compiled template %s", bucket.name, exc_info=True)


BYTECODE = _MemoryBytecodeCache()
# Part of the compiled templates' file names: bump when an extension (OnceExtension) compiles its tag
# into other calls, so a newer briefgen never runs code compiled by an older one for the same source.
COMPILED = "3"


# What `_Context.call` handles itself: their `__call__` never carries Jinja's pass_* mark.
_PLAIN_CALLABLES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, Macro)


class _Context(Context):
    """Jinja's context with a quicker `call` for the callables templates call most (functions,
    bound methods, macros: `url()`, `_()`, `card()`, ~100 per page). Jinja's own `call` looks for
    `jinja_pass_arg` on the callable's `__call__` and then on the callable; for these types the
    `__call__` never has it, so only the second test is made. A callable that wants the whole
    context or the environment, and any other type, goes to Jinja's `call`."""

    def call(__self, __obj, /, *args, **kwargs):
        if type(__obj) in _PLAIN_CALLABLES:
            pass_arg = getattr(__obj, "jinja_pass_arg", None)
            if pass_arg is None or pass_arg is _PassArg.eval_context:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
                if pass_arg is not None:
                    args = (__self.eval_ctx, *args)
                try:
                    return __obj(*args, **kwargs)
                except StopIteration:
                    return __self.environment.undefined("value was undefined because a callable raised a"
                                                        " StopIteration exception")
        return super().call(__obj, *args, **kwargs)


# Texts a tree keeps for `{% once %}`: the chrome needs a handful; per-label parts (chips, term lists)
# have a key per label combination, ~17,000 at 10,000 briefs (29 MB a worker), more at 100,000.
ONCE_KEEP = 4096


class OnceExtension(Extension):
    """`{% once KEY, ... %}…{% endonce %}`: the enclosed part is rendered the first time this place of
    this template meets these key values in the environment (one tree of one build), and the same
    text is given back every other time. For page chrome (header, footer, the head's links) that is
    the same on thousands of pages: a theme opts in by wrapping such parts; a template without the tag
    renders everything on every page, as before. The part must show nothing but its key values and the
    tree's globals (site, theme, url(), asset(), _() …): a page variable it shows must be in the key.
    A `{% block %}` inside is refused (a child template could fill it differently on each page)."""

    tags: ClassVar[set[str]] = {"once"}

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        # once_store: the tree's fragments.Fragments (texts kept between builds), or None;
        # once_keep False: parts rendered now are not kept between builds (a card's: the card is)
        # once_raw: [template name] while that feed template renders (render.Tree.render): the kept
        # texts clean for XML of its direct parts are added as bytes, a feeds.PLACE in their place
        # (feeds.assemble); not those of a template it includes (its output may be captured)
        environment.extend(once_texts={}, once_store=None, once_keep=True, once_raw=None)

    def parse(self, parser):
        token = next(parser.stream)
        keys = []
        while parser.stream.current.type != "block_end":
            if keys:
                parser.stream.expect("comma")
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endonce",), drop_needle=True)
        for node in body:
            for block in ([node] if isinstance(node, nodes.Block) else node.find_all(nodes.Block)):
                raise TemplateSyntaxError("{% once %} cannot hold a {% block %} (a child template may fill it "
                                          "differently on each page)", block.lineno, parser.name, parser.filename)
        # where: this template and line, so two parts with the same key values never share a text
        where = nodes.Const((parser.name, token.lineno))
        # direct: inside nothing but loops and conditions, the part goes to the template's output as
        # it is (no filter, macro, call, block or set can change or capture it): see once_raw
        direct = set(getattr(parser, "_tag_stack", ["?"])) <= {"for", "if", "once"}
        args = [where, nodes.Tuple(keys, "load"), nodes.Const(direct)]
        return nodes.CallBlock(self.call_method("_once", args), [], [], body).set_lineno(token.lineno)

    @pass_eval_context
    def _once(self, eval_ctx, where, keys, direct, caller):
        texts = self.environment.once_texts
        key = (where, keys, eval_ctx.autoescape)
        try:
            found = texts.get(key)
        except TypeError:           # a key value that cannot be hashed: no reuse for it
            return caller()
        if found is None:
            store = self.environment.once_store
            kept = None if store is None else store.get(("once", key))
            if kept is not None:
                raw = self.environment.once_raw
                if raw is not None and direct and where[0] == raw[0] and kept[:1] == feeds.XML_CLEAN:
                    raw.append(kept)
                    return Markup(feeds.PLACE) if eval_ctx.autoescape else feeds.PLACE
                text = kept[1:].decode("utf-8", "surrogatepass")
                found = Markup(text) if eval_ctx.autoescape else text
            else:
                found = caller()
                if store is not None and self.environment.once_keep:
                    text = str(found)
                    flag = feeds.XML_CLEAN if feeds.clean_part(text) else feeds.XML_UNCHECKED
                    store.put_once(("once", key), flag + text.encode("utf-8", "surrogatepass"))
            if len(texts) < ONCE_KEEP:   # bounded: the chrome's few keys come first and stay kept
                texts[key] = found
        return found


class _Globals(dict):
    """The environment's globals, counting their changes (`version`), so a template can keep them
    flattened (_Template.new_context) and know when that copy is out of date."""

    version = 0

    def _changed(self) -> None:
        self.version += 1

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self._changed()

    def __delitem__(self, key) -> None:
        super().__delitem__(key)
        self._changed()

    def update(self, *args, **kwargs) -> None:
        super().update(*args, **kwargs)
        self._changed()

    def setdefault(self, key, default=None):
        self._changed()
        return super().setdefault(key, default)

    def pop(self, *args):
        self._changed()
        return super().pop(*args)

    def popitem(self):
        self._changed()
        return super().popitem()

    def clear(self) -> None:
        super().clear()
        self._changed()

    def __ior__(self, other):
        self._changed()
        return super().__ior__(other)


class _Template(Template):
    """Jinja's Template, whose `new_context` starts from a flat copy of its globals. Jinja's copies
    them from a ChainMap (the template's own globals over the environment's) for every page and again
    for the context's key set: ~0.1 ms a page with the ~31 globals a tree has. The copy is made again
    when the environment's globals change (_Globals.version); a template with globals of its own, a
    shared context or locals take Jinja's own way. Same context either way: dict(globals, **vars)."""

    _flat: tuple | None = None

    def _flat_globals(self) -> dict | None:
        """The globals as one dict, up to date; None when this template has globals of its own."""
        maps = getattr(self.globals, "maps", None)
        if maps is None or len(maps) != 2 or maps[0] or type(maps[1]) is not _Globals:
            return None
        kept = self._flat
        if kept is None or kept[0] is not maps[1] or kept[1] != maps[1].version:
            kept = self._flat = (maps[1], maps[1].version, dict(self.globals))
        return kept[2]

    def new_context(self, vars=None, shared=False, locals=None):
        flat = None if shared or locals else self._flat_globals()
        if flat is None:
            return super().new_context(vars, shared, locals)
        parent = dict(flat, **vars) if vars else dict(flat)
        return self.environment.context_class(self.environment, parent, self.name, self.blocks, globals=flat)

    def _get_default_module(self, ctx=None):
        # Jinja's: a module of its own when the importing context has globals this template lacks
        # (`ctx.globals_keys - self.globals.keys()`, slow on a ChainMap); else the cached module
        if ctx is not None and self._module is not None and not self.environment.is_async:
            flat = self._flat_globals()
            if flat is not None and ctx.globals_keys.issubset(flat):
                return self._module
        return super()._get_default_module(ctx)


def make_env(template_folders: list[Path], theme: Path, roots: list[str] | None = None) -> Environment:
    env = Environment(loader=ThemeLoader(template_folders, theme, roots), autoescape=_autoescape,
                      extensions=["jinja2.ext.i18n", OnceExtension], trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=False, bytecode_cache=BYTECODE)
    env.context_class = _Context
    env.template_class = _Template
    env.globals = _Globals(env.globals)    # before any template is loaded: their ChainMaps hold this one
    return env


def install_translations(env: Environment, translations) -> None:
    """`install_gettext_translations(translations, newstyle=True)`, with `_`, `gettext` and `ngettext`
    that need only the eval context, not the whole context: Jinja's copy the page's context
    (`Context.derived`) for each `_()` inside a block that sets a variable. Same strings; a message
    without variables is formatted once per tree and autoescape setting. `_` is `gettext` itself
    (Jinja's looks `gettext` up again at each call)."""
    env.install_gettext_translations(translations, newstyle=True)
    plain: dict[tuple[str, bool], str] = {}
    lookup = getattr(translations, "ugettext", None) or translations.gettext     # as Jinja picks them
    plural = getattr(translations, "ungettext", None) or translations.ngettext

    @pass_eval_context
    def gettext(eval_ctx, string: str, **variables) -> str:
        if not variables:
            key = (string, eval_ctx.autoescape)
            found = plain.get(key)
            if found is None:
                rv = lookup(string)
                found = plain[key] = (Markup(rv) if eval_ctx.autoescape else rv) % variables
            return found
        rv = lookup(string)
        if eval_ctx.autoescape:
            rv = Markup(rv)
        return rv % variables

    @pass_eval_context
    def ngettext(eval_ctx, singular: str, plural_: str, num: int, **variables) -> str:
        variables.setdefault("num", num)
        rv = plural(singular, plural_, num)
        if eval_ctx.autoescape:
            rv = Markup(rv)
        return rv % variables

    env.globals.update(gettext=gettext, ngettext=ngettext, _=gettext)
