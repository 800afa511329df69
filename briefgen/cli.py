"""The `briefgen` command: parse options, load config, call one function per command.

The logic lives in the packages (habit 1: a thin CLI). Errors that are the user's to fix
(BriefgenError) print as one line naming the file; `--debug` adds the traceback.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from briefgen import __version__
from briefgen.errors import BriefgenError, ConfigError, TerminalFormatter

log = logging.getLogger("briefgen")


class Context:
    def __init__(self, project: Path | None, debug: bool) -> None:
        self.project = project
        self.debug = debug

    def config(self, project_needed: bool = True, **overrides):
        """The project's config. Commands that write into a project need one: outside any (no
        briefgen.toml here or above) they stop before creating anything."""
        from briefgen.config import find_project, load_config
        from briefgen.config.load import CONFIG_NAME

        root = self.project or find_project()
        if project_needed and not (root / CONFIG_NAME).is_file():
            where = f"in {root}" if self.project else f"in {root} or any folder above it"
            raise ConfigError(f"not a briefgen project: no {CONFIG_NAME} {where}",
                              hint="run `briefgen init DIR` to make one, or pass -C PROJECT")
        return load_config(root, {k: v for k, v in overrides.items() if v is not None} or None)


def _echo_err(text: str) -> None:
    """A line on stderr as click writes it (styles stripped when it is not a terminal): click is
    imported only here on the plain build's path, where this is an error's rare line."""
    import click

    click.echo(text, err=True)


def _setup_logging(debug: bool, quiet: bool) -> None:
    level = logging.DEBUG if debug else logging.ERROR if quiet else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(TerminalFormatter("%(message)s"))   # file names printed with controls escaped
    logging.basicConfig(level=level, handlers=[handler])


def _run(ctx: Context, fn, *args, **kwargs) -> int:
    """Call a command's function; turn user errors into one line and an exit status."""
    try:
        status = fn(*args, **kwargs)
    except BriefgenError as exc:
        if ctx.debug:
            traceback.print_exc()
        for line in str(exc).splitlines() or [""]:   # several config problems: one line each
            _echo_err(f"error: {line}")
        return 1
    except KeyboardInterrupt:
        _echo_err("interrupted")
        return 130
    except Exception:  # a bug: keep the traceback for --debug, say how to get it otherwise
        if ctx.debug:
            raise
        exc_type, exc, _ = sys.exc_info()
        _echo_err(f"internal error: {exc_type.__name__}: {exc} (run with --debug for the traceback)")
        return 2
    return int(status or 0)


STRICT_HELP = ("Fail on warnings (a raw file that cannot be ingested, a page that shows no publication date; "
               "publish: base_url on localhost).")
BASE_URL_HELP = "Public URL of the site for this run (overrides base_url in briefgen.toml)."


def _warn_raw_failures(warnings: list, config, strict: bool) -> None:
    """Raw files that could not be ingested: the rest was built; say how to set them aside."""
    if not warnings:
        return
    what = f"{len(warnings)} raw file{'s' if len(warnings) != 1 else ''} could not be ingested (above, and in " \
           f"{Path(config.paths.briefs) / '_ingest-report.txt'})"
    if strict:
        _echo_err(f"error: {what}; strict mode fails the build")
    else:
        _echo_err(f"warning: {what}; the rest was built. Fix or remove them, set them aside with "
                  "[ingest] ignore in briefgen.toml, or use --strict to make this fail")


def _build(ctx: Context, out: Path | None, clean: bool, no_ingest: bool, strict: bool | None,
           base_url: str | None) -> int:
    """`briefgen build` (by click's command, or main's plain build)."""
    from briefgen.site.build import build as build_site

    cfg = ctx.config(strict=strict, base_url=base_url)
    result = build_site(cfg, out=out, clean=clean, ingest=not no_ingest, last=_MAIN)
    global _QUICK_EXIT
    _QUICK_EXIT = True
    warnings = getattr(result, "warnings", [])
    _warn_raw_failures(warnings, cfg, cfg.strict)
    return 1 if result.errors or (cfg.strict and warnings) else 0


# `briefgen [-q|--quiet] [--debug] [-C|--project DIR] build [options]` as main() reads it without click
# (whose import is ~23 ms of the ~0.4 s a one-title edit costs at 10,000 briefs): option -> (parameter,
# takes a value). Anything else (help, version, another command, a value that looks like an option, an
# option given twice, `--`) goes to click, which parses it as it always did.
_PLAIN_GROUP = {"-q": ("quiet", False), "--quiet": ("quiet", False), "--debug": ("debug", False),
                "-C": ("project", True), "--project": ("project", True)}
_PLAIN_BUILD = {"--out": ("out", True), "--clean": ("clean", False), "--no-ingest": ("no_ingest", False),
                "--strict": ("strict", False), "--base-url": ("base_url", True)}


def _plain_build(argv: list[str]) -> dict | None:
    """The group's and `build`'s parameters of `argv`, as click would give them, or None when
    click must read it."""
    found: dict = {}
    options, command = _PLAIN_GROUP, False
    args = iter(argv)
    for arg in args:
        if arg == "build" and not command:
            options, command = _PLAIN_BUILD, True
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = options.get(name)
        if spec is None:
            return None
        param, takes = spec
        if param in found or (eq and not takes):
            return None
        if takes and not eq:
            value = next(args, None)
            if value is None:
                return None
        if takes and (not value or value.startswith("-")):
            return None
        found[param] = value if takes else True
    if not command or "_BRIEFGEN_COMPLETE" in os.environ:    # (click's shell completion)
        return None
    for param in ("project", "out"):
        if param in found:
            found[param] = Path(found[param])
            if found[param].exists() and not found[param].is_dir():
                return None     # click's message for a folder option naming a file
    return found


def _cli():
    """The click command group (imported and made only when `main` cannot take the plain build
    itself, or a caller asks for `cli`)."""
    global _CLI
    if _CLI is None:
        _CLI = _make_cli()
    return _CLI


_CLI = None


def __getattr__(name: str):
    # `from briefgen.cli import cli` (tests, callers): the click group, made on first use
    if name == "cli":
        return _cli()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _make_cli():
    import click

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, prog_name="briefgen")
    @click.option("-C", "--project", type=click.Path(file_okay=False, path_type=Path),
                  help="Project folder (holding briefgen.toml); default: nearest above the current folder.")
    @click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
    @click.option("-q", "--quiet", is_flag=True, help="Only errors.")
    @click.pass_context
    def cli(click_ctx: click.Context, project: Path | None, debug: bool, quiet: bool) -> None:
        """briefgen: news pages in, a localised static briefing site out."""
        _setup_logging(debug, quiet)
        click_ctx.obj = Context(project, debug)

    @cli.command()
    @click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
    @click.option("--out", type=click.Path(file_okay=False, path_type=Path),
                  help="Folder for the briefs (default: the project's content/briefs).")
    @click.option("--force", is_flag=True, help="Re-ingest unchanged inputs and overwrite hand-edited briefs.")
    @click.option("--strict", is_flag=True, default=None,
                  help="A page that shows no publication date fails instead of being dated by its file.")
    @click.pass_obj
    def ingest(ctx: Context, paths: tuple[Path, ...], out: Path | None, force: bool, strict: bool | None) -> None:
        """Clean raw articles (page dumps .txt, HTML pages, briefs .md) into briefs.

        With no PATH: the project's content/raw/ into content/briefs/YYYY/MM/<slug>.md.
        Unchanged inputs are skipped; a brief edited by hand is never overwritten (see README).
        """
        def go() -> int:
            from briefgen.pipeline import make_briefs

            # Files named on the command line into --out need no project (the defaults apply).
            report = make_briefs(list(paths) or None, ctx.config(project_needed=not (paths and out), strict=strict),
                                 out=out, force=force)
            return 1 if report.failed else 0

        sys.exit(_run(ctx, go))

    @cli.command()
    @click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
    @click.option("--explain", is_flag=True, help="Show the words and places that decided each label.")
    @click.option("--write", is_flag=True, help="Write the labels into the given briefs (re-classify).")
    @click.pass_obj
    def classify(ctx: Context, paths: tuple[Path, ...], as_json: bool, explain: bool, write: bool) -> None:
        """Print countries, regions, themes and key points of briefs or raw articles."""
        def go() -> int:
            from briefgen.classify.command import run

            return run(list(paths), ctx.config(project_needed=False), as_json=as_json, explain=explain,
                       write=write)

        sys.exit(_run(ctx, go))

    @cli.command()
    @click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: site/).")
    @click.option("--clean", is_flag=True, help="Start from an empty cache.")
    @click.option("--no-ingest", is_flag=True, help="Do not ingest content/raw/ first.")
    @click.option("--strict", is_flag=True, default=None, help=STRICT_HELP)
    @click.option("--base-url", help=BASE_URL_HELP)
    @click.pass_obj
    def build(ctx: Context, out: Path | None, clean: bool, no_ingest: bool, strict: bool | None,
              base_url: str | None) -> None:
        """Ingest new raw articles, then render every brief into the site.

        Exit status: 0 built (raw files that could not be ingested are warnings, unless --strict),
        1 a brief or template has an error (the rest of the site is still built) or a strict warning."""
        sys.exit(_run(ctx, _build, ctx, out, clean, no_ingest, strict, base_url))

    @cli.command()
    @click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
    @click.pass_obj
    def init(ctx: Context, directory: Path) -> None:
        """Scaffold a new briefing project in DIRECTORY that builds at once."""
        def go() -> int:
            from briefgen.site.scaffold import init_project

            init_project(directory)
            click.echo(f"created {directory}: cd {directory} && briefgen build")
            return 0

        sys.exit(_run(ctx, go))

    @cli.command()
    @click.option("--host", help="Address to listen on (default 127.0.0.1: this machine only).")
    @click.option("--port", type=int, help="Port (default 8000; the next free one if taken).")
    @click.option("--poll", is_flag=True, help="Poll for changes (network and container mounts).")
    @click.pass_obj
    def serve(ctx: Context, host: str | None, port: int | None, poll: bool) -> None:
        """Preview server: rebuild on every change and live-reload the browser."""
        def go() -> int:
            from briefgen.serve.run import serve as run_server

            cfg = ctx.config()
            status = run_server(cfg, host=host or cfg.serve.host, port=cfg.serve.port if port is None else port,
                                poll=poll)
            global _QUICK_EXIT
            _QUICK_EXIT = True    # a stopped preview: the threads left are daemons (requests, a build giving up)
            return status

        sys.exit(_run(ctx, go))

    @cli.command()
    @click.option("--to", "dest", help="Git remote URL (git+file://, git@host:org/repo.git, https://) or a folder.")
    @click.option("--branch", help="Branch for git destinations (default gh-pages).")
    @click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
    @click.option("--rollback", is_flag=True, help="Folder destinations: swap the previous version back in.")
    @click.option("--force-push", is_flag=True, help="Git destinations: allow a force push.")
    @click.option("--force", is_flag=True, help="Folder destinations: take over an existing folder briefgen did not "
                                                "make (it is kept beside, never deleted).")
    @click.option("--strict", is_flag=True, default=None, help=STRICT_HELP)
    @click.option("--base-url", help=BASE_URL_HELP)
    @click.pass_obj
    def publish(ctx: Context, dest: str | None, branch: str | None, dry_run: bool, rollback: bool,
                force_push: bool, force: bool, strict: bool | None, base_url: str | None) -> None:
        """Production build, deployed to a git branch or a folder."""
        def go() -> int:
            from briefgen.publish.run import publish as run_publish

            cfg = ctx.config(strict=strict, base_url=base_url)
            return run_publish(cfg, dest or cfg.publish.to, branch=branch or cfg.publish.branch,
                               dry_run=dry_run, rollback=rollback, force_push=force_push, force=force)

        sys.exit(_run(ctx, go))

    return cli


_QUICK_EXIT = False   # set by `build`: its process ends holding ~10^5 objects (state, brief cache, Items)
_MAIN = False         # this process is the `briefgen` command (main()), not a caller of `cli` (tests)


def _only_daemons_left() -> bool:
    """No thread but this one and daemons: nothing the interpreter's exit would wait for."""
    main_thread = threading.main_thread()
    return all(t.daemon for t in threading.enumerate() if t is not main_thread)


def main() -> None:
    global _MAIN
    _MAIN = True
    try:
        plain = _plain_build(sys.argv[1:])
        if plain is None:
            _cli()(prog_name="briefgen")
        else:
            _setup_logging(plain.get("debug", False), plain.get("quiet", False))
            ctx = Context(plain.get("project"), plain.get("debug", False))
            sys.exit(_run(ctx, _build, ctx, plain.get("out"), plain.get("clean", False),
                          plain.get("no_ingest", False), plain.get("strict"), plain.get("base_url")))
    except SystemExit as exc:
        if _QUICK_EXIT and _only_daemons_left():
            _exit_now(exc.code)
        raise


def _exit_now(code) -> None:
    """End the process without the interpreter's teardown, which frees every object one by one (0.3 s
    of CPU after an edit build at 10,000 briefs, as much as the build's own bookkeeping): atexit
    handlers still run (a build waits there for old trees' removal), logs and streams are flushed.
    Only when every other thread is a daemon: a stopped preview's request threads, or its build in
    progress giving up (cut short, it leaves the last site intact: atomic swap or patch journal)."""
    import atexit

    atexit._run_exitfuncs()
    logging.shutdown()
    if isinstance(code, str):   # sys.exit("message"): printed, status 1, as the interpreter does
        print(code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


if __name__ == "__main__":
    main()
