"""`briefgen publish`: a production build, checked, then handed to the target its URL names.

Targets are found by URL scheme in one registry (habit 7, as Lektor's `builtin_publishers`):
git remotes (git+file://, git+ssh://, ssh://, git@host:org/repo.git, https:// and http://) and
folders (file:// or a plain path).
"""
from __future__ import annotations

import logging
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from briefgen.errors import PublishError
from briefgen.publish.targets import FolderTarget, GitTarget, Target, source_commit

if TYPE_CHECKING:
    from briefgen.config.schema import Config

log = logging.getLogger(__name__)


def _git(url: str, branch: str, force_push: bool) -> Target:
    return GitTarget(url, branch=branch, force_push=force_push)


def _folder_url(url: str, branch: str, force_push: bool) -> Target:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise PublishError(f"file:// URLs name a folder on this machine, not on {parts.netloc}", url)
    return FolderTarget(unquote(parts.path))


# scheme -> how to make its target; "git+X://" loses its prefix for git, which knows X:// itself.
SCHEMES: dict[str, Callable[[str, str, bool], Target]] = {
    "git+file": lambda u, b, f: _git(u[len("git+"):], b, f),
    "git+ssh": lambda u, b, f: _git(u[len("git+"):], b, f),
    "git+https": lambda u, b, f: _git(u[len("git+"):], b, f),
    "git+http": lambda u, b, f: _git(u[len("git+"):], b, f),
    "ssh": _git,
    "git": _git,
    "https": _git,
    "http": _git,
    "file": _folder_url,
}
# git's scp-like syntax: user@host:path (git@github.com:org/site.git)
SCP_LIKE = re.compile(r"^[\w.~-]+@[\w.-]+:(?!//)")


def target_for(dest: str, branch: str = "gh-pages", force_push: bool = False) -> Target:
    """The target a destination names: a git remote URL or a folder."""
    dest = dest.strip()
    if not dest:
        raise PublishError("no destination: pass --to DEST or set [publish] to in briefgen.toml")
    if SCP_LIKE.match(dest):
        return _git(dest, branch, force_push)
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://", dest)
    if scheme:
        make = SCHEMES.get(scheme.group(1).lower())
        if make is None:
            known = ", ".join(s + "://" for s in SCHEMES)
            raise PublishError(f"unknown destination scheme {scheme.group(1)}://", dest,
                               hint=f"known: {known}, git@host:path, a folder")
        return make(dest, branch, force_push)
    return FolderTarget(dest)


def commit_message(project: Path) -> str:
    source = source_commit(project)
    if source == "no git":
        return "Publish site built by briefgen\n\nSource: the project is not a git repository\n"
    return f"Publish site built by briefgen from commit {source}\n\nSource: commit {source}\n"


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}


def local_base_url(config: Config) -> bool:
    """base_url still names this machine (the default, or the preview's address)."""
    host = (urlsplit(config.base_url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.startswith("127.") or host.endswith(".localhost")


def _is_git_repository(path: Path) -> bool:
    return (path / ".git").exists() or all((path / name).exists() for name in ("HEAD", "objects", "refs"))


def _check_takeover(target: Target, force: bool) -> None:
    """A folder destination that briefgen did not make (a plain, non-empty folder, or a git repository)
    is refused unless `force`: publishing swaps it for a version link."""
    if not isinstance(target, FolderTarget) or force or target.dest.is_symlink() or not target.dest.is_dir():
        return
    if _is_git_repository(target.dest):
        raise PublishError("this is a git repository, not a folder to serve", target.dest,
                           hint=f"to publish to a branch of it use --to git+file://{target.dest.resolve()}")
    if any(target.dest.iterdir()):
        raise PublishError("refusing to take over a folder briefgen did not make", target.dest,
                           hint="choose a new or empty folder, or pass --force to keep this one beside "
                                "the link as the previous version (never deleted)")


def _check_not_own_folder(config: Config, target: Target) -> None:
    """A folder destination must not be the project, its build output or its cache: `briefgen build`
    swaps the output folder itself and would fight with the version link."""
    if not isinstance(target, FolderTarget):
        return
    dest = target.dest.resolve() if target.dest.exists() else target.dest
    root = Path(config.root).resolve()
    # A plain folder at dest is swapped away and later pruned: dest must neither hold nor sit inside
    # any of the project's own folders (`--to content` moved content/ aside, `--to ..` the whole project).
    owned = [("the build output ([paths] output)", config.path("output")),
             ("the cache ([paths] cache)", config.path("cache"))]
    owned += [(f"the {key} folder ([paths] {key})", config.path(key))
              for key in ("raw", "briefs", "templates", "static", "locales")]
    for name, folder in [("the project", root), *owned]:
        inside = folder in dest.parents and name != "the project"
        if dest == folder or inside or dest in folder.parents:
            what = f"into {name}" if dest == folder or inside else f"over a folder that holds {name}"
            raise PublishError(f"refusing to publish {what}", target.dest,
                               hint="publish to a folder outside the project, e.g. /var/www/briefs")


class _DropErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


@contextmanager
def _quiet_build_errors() -> Iterator[None]:
    """The build and ingest log each problem as it meets it; publish says them itself, once."""
    loggers = [logging.getLogger(name) for name in ("briefgen.site.build", "briefgen.pipeline")]
    drop = _DropErrors()
    for logger in loggers:
        logger.addFilter(drop)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(drop)


def _say(line: str) -> None:
    print(line, flush=True)


def _complain(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def publish(config: Config, dest: str, branch: str = "gh-pages", dry_run: bool = False,
            rollback: bool = False, force_push: bool = False, force: bool = False, *, ingest: bool = True,
            say: Callable[[str], None] = _say, complain: Callable[[str], None] = _complain) -> int:
    """Build for production, refuse on build errors or broken internal links, then deploy to `dest`.

    Returns the exit status: 0 published (or nothing to do), 1 refused (each problem said once).
    Raw files that could not be ingested and a base_url on localhost are warnings; `config.strict`
    (--strict) refuses on them too.
    """
    target = target_for(dest, branch=branch or "gh-pages", force_push=force_push)
    _check_not_own_folder(config, target)
    if rollback:
        for line in target.rollback():
            say(line)
        return 0
    _check_takeover(target, force)
    strict = config.strict
    if local_base_url(config):
        complain(f"{'error' if strict else 'warning'}: base_url is {config.base_url}: the sitemap, feeds, "
                 "canonical links and robots.txt will point to this machine (set base_url in briefgen.toml "
                 "or pass --base-url https://…)")
        if strict:
            complain(f"refusing to publish to {target}: base_url on localhost (strict mode)")
            return 1
    from briefgen.publish.production import production_build

    work = config.path("cache") / "publish"
    work.mkdir(parents=True, exist_ok=True)
    # Beside the build in the cache: same file system, so the finished copy is made of hard links.
    with tempfile.TemporaryDirectory(prefix="out-", dir=work) as tmp:
        say(f"production build for {config.base_url}")
        if dry_run and ingest:
            # Ingesting writes briefs into the project, and a dry run changes nothing.
            say("dry run: building the briefs as they are (new raw articles are not ingested)")
        # The build's own error lines are held back: each problem is said once, below.
        with _quiet_build_errors():
            built = production_build(config, Path(tmp) / "site", ingest=ingest and not dry_run)
        for warning in built.warnings:
            complain(f"{'error' if strict else 'warning'}: raw file not ingested: {warning}")
        if not built.ok or (strict and built.warnings):
            for problem in built.problems():
                complain(problem)
            more = f", {len(built.warnings)} raw files not ingested (strict mode)" if strict and built.warnings \
                else ""
            complain(f"refusing to publish to {target}: {len(built.errors)} build errors, "
                     f"{len(built.broken_links)} broken internal links{more}")
            return 1
        for line in target.publish(built.out, message=commit_message(config.root), dry_run=dry_run):
            say(line)
    return 0
