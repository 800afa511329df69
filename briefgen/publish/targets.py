"""Where a production build goes: one class per kind of destination, each `publish()` yielding
progress lines (as Lektor's publishers do), so the CLI prints them and tests read them.

GitTarget: the site alone, committed on a branch of a git remote with git itself.
FolderTarget: a folder on this machine (or a mounted one), swapped in atomically by rename.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import glob
import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import PublishError

log = logging.getLogger(__name__)

SHOW_AT_MOST = 50  # files listed per kind of change; the counts are always exact


@dataclass(frozen=True)
class Changes:
    """How a new site differs from the one published: paths relative to the site root."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"

    def lines(self, verb: str = "") -> Iterator[str]:
        """'  added: x', ... one per file, at most SHOW_AT_MOST of each kind."""
        for kind, paths in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            for path in paths[:SHOW_AT_MOST]:
                yield f"  {verb}{kind}: {path}"
            if len(paths) > SHOW_AT_MOST:
                yield f"  … and {len(paths) - SHOW_AT_MOST} more {kind}"


def tree_digest(root: Path) -> dict[str, bytes]:
    """Relative path -> content hash of every file under `root` (symlinks followed)."""
    digest = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h = hashlib.blake2b(digest_size=16)
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        digest[path.relative_to(root).as_posix()] = h.digest()
    return digest


def compare_trees(old: dict[str, bytes], new: dict[str, bytes]) -> Changes:
    return Changes(added=tuple(sorted(set(new) - set(old))),
                   changed=tuple(sorted(p for p in set(old) & set(new) if old[p] != new[p])),
                   removed=tuple(sorted(set(old) - set(new))))


class Target:
    """A destination. `publish()` and `rollback()` are generators of progress lines."""

    #: what `str(target)` names in messages
    label: str = ""

    def publish(self, site: Path, *, message: str, dry_run: bool = False) -> Iterator[str]:
        raise NotImplementedError

    def rollback(self) -> Iterator[str]:
        raise PublishError(f"{self.label}: --rollback is for folder destinations; with git, revert the "
                           "last commit of the branch and push it")

    def __str__(self) -> str:
        return self.label


# --- git ---------------------------------------------------------------------------------------------

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known hash of the empty tree
IDENTITY = {"GIT_AUTHOR_NAME": "briefgen", "GIT_AUTHOR_EMAIL": "briefgen@localhost",
            "GIT_COMMITTER_NAME": "briefgen", "GIT_COMMITTER_EMAIL": "briefgen@localhost"}
# Settings of the user's git that must not change what is published or block a commit.
GIT_OPTIONS = ("-c", "core.autocrlf=false", "-c", "core.safecrlf=false", "-c", "core.excludesFile=",
               "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", "-c", "core.quotePath=false")


def _git_env() -> dict[str, str]:
    """The caller's environment plus an identity, so a machine without git config can commit.

    A name or e-mail already set in the environment or in git config wins over the default."""
    env = dict(os.environ)
    configured = {conf: subprocess.run(["git", "config", "--get", conf], check=False, capture_output=True,
                                       env=env).returncode == 0 for conf in ("user.name", "user.email")}
    for key, value in IDENTITY.items():
        if key not in env and not configured["user.email" if key.endswith("EMAIL") else "user.name"]:
            env[key] = value
    env["LC_ALL"] = "C"  # English messages: a refused push is recognised by its words
    if not sys.stdin.isatty():
        env["GIT_TERMINAL_PROMPT"] = "0"  # fail at once instead of waiting for a password nobody types
    return env


def source_commit(project: Path) -> str:
    """The project's `git rev-parse HEAD` (with "+dirty" for uncommitted changes), else "no git"."""
    run = subprocess.run(["git", "-C", str(project), "rev-parse", "HEAD"], check=False, capture_output=True,
                         text=True)
    if run.returncode != 0:
        return "no git"
    dirty = subprocess.run(["git", "-C", str(project), "status", "--porcelain", "--untracked-files=no"],
                           check=False, capture_output=True, text=True).stdout.strip()
    return run.stdout.strip() + ("+dirty" if dirty else "")


class GitTarget(Target):
    """The site committed alone on `branch` of a remote, on top of the branch's history.

    A temporary repository fetches the branch tip (depth 1: only its tree is needed), takes the built
    site as its work tree, stages everything (`add -A` also records removals) and commits only when the
    tree differs from the tip. The push is a fast-forward; when someone pushed in between it is
    refused, and only `force_push` overwrites.
    """

    def __init__(self, url: str, branch: str = "gh-pages", force_push: bool = False) -> None:
        if not branch or branch.startswith("-") or " " in branch:
            raise PublishError(f"not a usable branch name: {branch!r}")
        self.url = url
        self.branch = branch
        self.force_push = force_push
        self.label = f"{url} (branch {branch})"
        self._env = _git_env()

    def _git(self, repo: Path, *args: str, work_tree: Path | None = None) -> str:
        cmd = ["git", *GIT_OPTIONS, f"--git-dir={repo}"]
        if work_tree is not None:
            cmd.append(f"--work-tree={work_tree}")
        run = subprocess.run([*cmd, *args], check=False, capture_output=True, text=True, env=self._env,
                             cwd=work_tree)
        if run.returncode != 0:
            said = (run.stderr or run.stdout).strip().splitlines()
            detail = [ln for ln in said if not ln.startswith("hint:")]
            raise PublishError(f"git {args[0]} failed: {' / '.join(detail[-3:]) or 'no output'}", self.url)
        return run.stdout

    def _remote_tip(self, repo: Path) -> str | None:
        out = self._git(repo, "ls-remote", "--heads", self.url, f"refs/heads/{self.branch}")
        return out.split()[0] if out.strip() else None

    def _changes(self, repo: Path, base: str) -> Changes:
        out = self._git(repo, "diff-index", "--cached", "--name-status", "--no-renames", "-z", base)
        fields = out.split("\0")
        kinds: dict[str, list[str]] = {"A": [], "M": [], "D": []}
        for status, path in zip(fields[0::2], fields[1::2]):
            kinds.setdefault(status[:1], []).append(path)
        # A type change (file <-> symlink) counts as changed.
        return Changes(tuple(sorted(kinds["A"])), tuple(sorted(kinds["M"] + kinds.get("T", []))),
                       tuple(sorted(kinds["D"])))

    def publish(self, site: Path, *, message: str, dry_run: bool = False) -> Iterator[str]:
        with tempfile.TemporaryDirectory(prefix="briefgen-git-") as tmp:
            repo = Path(tmp) / "repo.git"
            subprocess.run(["git", "init", "-q", "--bare", str(repo)], check=True, env=self._env,
                           capture_output=True)
            self._git(repo, "config", "core.bare", "false")  # the built site is its work tree
            tip = self._remote_tip(repo)
            self._git(repo, "symbolic-ref", "HEAD", f"refs/heads/{self.branch}")
            if tip:
                yield f"fetching {self.branch} from {self.url}"
                self._git(repo, "fetch", "-q", "--depth=1", "--no-tags", "--update-head-ok", self.url,
                          f"+refs/heads/{self.branch}:refs/heads/{self.branch}")
                self._git(repo, "read-tree", tip)
            else:
                yield f"branch {self.branch} does not exist on {self.url}: it will be created (orphan)"
            self._git(repo, "add", "-A", "-f", ".", work_tree=site)
            changes = self._changes(repo, tip or EMPTY_TREE)
            if not changes:
                yield f"no change: {self.branch} at {tip[:12] if tip else '(empty)'} already has this site"
                return
            if dry_run:
                yield f"dry run: would commit to {self.branch} ({changes.summary()}); nothing pushed"
                yield from changes.lines("would be ")
                return
            self._git(repo, "commit", "-q", "--no-verify", "-m", message, work_tree=site)
            head = self._git(repo, "rev-parse", "HEAD").strip()
            yield f"committed {head[:12]} on {self.branch}: {changes.summary()}"
            yield from self._push(repo, head, tip)

    def _push(self, repo: Path, head: str, tip: str | None) -> Iterator[str]:
        args = ["push", "-q", self.url, f"{head}:refs/heads/{self.branch}"]
        if self.force_push:
            args.insert(1, "--force")
        try:
            self._git(repo, *args)
        except PublishError as exc:
            if not self.force_push and re.search(r"non-fast-forward|fetch first|rejected", exc.message):
                raise PublishError(f"{self.branch} moved on the remote while publishing "
                                   f"(it was at {tip[:12] if tip else 'nothing'})", self.url,
                                   hint="publish again to build on it, or pass --force-push to "
                                        "overwrite it") from None
            raise
        yield f"pushed {head[:12]} to {self.url} {self.branch}" + (" (forced)" if self.force_push else "")


# --- folder ------------------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2  # linux/fs.h


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if done != 0:
        log.debug("renameat2(RENAME_EXCHANGE) failed: %s", os.strerror(ctypes.get_errno()))
    return done == 0


class FolderTarget(Target):
    """A folder served by a web server, replaced old-or-new, never half.

    `dest` is a symbolic link to a versioned folder beside it: `<dest>.v1`, `<dest>.v2`, … A new site
    is copied into `<dest>.new-XXXX` in the same parent (same file system, so renames are atomic),
    renamed to the next `<dest>.vN` once complete, and a new symlink is renamed over `dest`: rename()
    replaces a link in one step, so a server resolving `dest` per request (nginx `root`/`alias`) sees
    the old tree or the new one. The previous version is kept for `rollback()`; older ones are removed.
    A `dest` that is a plain folder (published by other means) is exchanged with the link in one step
    (renameat2) and kept as the previous version.
    """

    def __init__(self, path: str | Path) -> None:
        self.dest = Path(os.path.abspath(os.path.expanduser(str(path))))
        self.label = str(self.dest)
        self.parent = self.dest.parent
        self._pattern = re.compile(re.escape(self.dest.name) + r"\.v(\d+)$")

    def versions(self) -> dict[int, Path]:
        """Number -> folder of every complete version beside dest."""
        if not self.parent.is_dir():
            return {}
        found = {}
        for entry in self.parent.iterdir():
            match = self._pattern.match(entry.name)
            if match and entry.is_dir() and not entry.is_symlink():
                found[int(match.group(1))] = entry
        return dict(sorted(found.items()))

    def current(self) -> Path | None:
        """The folder dest serves now (None before the first publish)."""
        return self.dest.resolve() if self.dest.is_dir() else None

    def _current_number(self) -> int | None:
        if not self.dest.is_symlink():
            return None
        match = self._pattern.match(Path(os.readlink(self.dest)).name)
        return int(match.group(1)) if match else None

    def publish(self, site: Path, *, message: str = "", dry_run: bool = False) -> Iterator[str]:
        if self.dest.exists() and not self.dest.is_dir():
            raise PublishError("exists and is not a folder", self.dest)
        current = self.current()
        changes = compare_trees(tree_digest(current) if current else {}, tree_digest(site))
        if not changes:
            if not dry_run:   # a publish killed after its copy began may have left one: it goes all the same
                with self._lock():
                    yield from self._remove_stale()
            yield f"no change: {self.dest} already serves this site"
            return
        if dry_run:
            yield f"dry run: would replace {self.dest} ({changes.summary()}); nothing changed"
            yield from changes.lines("would be ")
            return
        self.parent.mkdir(parents=True, exist_ok=True)
        with self._lock():
            yield from self._remove_stale()
            last = max(self.versions(), default=0)
            # A plain folder at dest (published by other means) is kept as the version before the new one.
            plain = self.dest.is_dir() and not self.dest.is_symlink()
            version = self._lay_out(site, last + 2 if plain else last + 1)
            yield f"laid out {version.name} beside {self.dest.name}: {changes.summary()}"
            if plain:
                previous = self._swap_plain(version, self.parent / f"{self.dest.name}.v{last + 1}")
            else:
                previous = self.current()
                self._point_to(version)
            was = f" (previous: {previous.name})" if previous else ""
            yield f"{self.dest} now serves {version.name}{was}"
            yield from self._prune(keep={version, previous})

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """One publish at a time per destination (version numbers, pruning); waits for the other one."""
        with open(self.parent / f".{self.dest.name}.lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _remove_stale(self) -> Iterator[str]:
        """Half-copied `<dest>.new-*` and `.<dest>.link-*` left by an interrupted publish (under the lock,
        nothing else is writing them)."""
        for entry in self.parent.glob(f"{glob.escape(self.dest.name)}.new-*"):
            shutil.rmtree(entry, ignore_errors=True)
            yield f"removed {entry.name}, left by an interrupted publish"
        for entry in self.parent.glob(f".{glob.escape(self.dest.name)}.link-*"):
            if entry.is_symlink():
                entry.unlink()

    def _lay_out(self, site: Path, number: int) -> Path:
        """Copy the site next to dest, then give it its version number once it is complete."""
        staging = Path(tempfile.mkdtemp(prefix=f"{self.dest.name}.new-", dir=self.parent))
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)  # mkdtemp's 0700 would hide the site from the web server
            shutil.copytree(site, staging, dirs_exist_ok=True, symlinks=False)
            version = self.parent / f"{self.dest.name}.v{number}"
            os.rename(staging, version)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return version

    def _new_link(self, version: Path) -> Path:
        link = self.parent / f".{self.dest.name}.link-{os.getpid()}-{version.name}"
        if link.is_symlink():
            link.unlink()
        os.symlink(version.name, link)  # relative: the pair can be moved or mounted elsewhere
        return link

    def _point_to(self, version: Path) -> None:
        """rename() of a new link over dest: one step, so every request sees old or new."""
        os.replace(self._new_link(version), self.dest)

    def _kept_marker(self, version: Path) -> Path:
        return self.parent / f".{version.name}.not-briefgen"

    def _swap_plain(self, version: Path, kept: Path) -> Path:
        """Exchange a plain folder at dest with the link in one step, then file it as `kept`.
        That folder was not made by briefgen (it may be a user's files): a marker beside it keeps
        `_prune` from ever deleting it, whatever it holds."""
        self._kept_marker(kept).write_text(f"{self.dest} was a plain folder before briefgen published there; "
                                           f"{kept.name} is never deleted by briefgen.\n", encoding="utf-8")
        link = self._new_link(version)
        if exchange(link, self.dest):
            os.rename(link, kept)
        else:
            log.warning("%s: no atomic exchange here; the folder is missing for an instant", self.dest)
            os.rename(self.dest, kept)
            os.replace(link, self.dest)
        return kept

    def _prune(self, keep: set[Path | None]) -> Iterator[str]:
        for folder in self.versions().values():
            if folder in keep:
                continue
            if self._kept_marker(folder).exists():
                yield f"kept {folder.name}: it was at {self.dest.name} before briefgen; remove it yourself"
            else:
                shutil.rmtree(folder, ignore_errors=True)
                yield f"removed old version {folder.name}"

    def rollback(self) -> Iterator[str]:
        number = self._current_number()
        if number is None:
            raise PublishError("nothing to roll back: not published by briefgen (no version link)", self.dest)
        older = [n for n in self.versions() if n < number]
        if not older:
            raise PublishError(f"no previous version kept before {self.dest.name}.v{number}", self.dest)
        previous = self.versions()[older[-1]]
        self._point_to(previous)
        yield f"{self.dest} rolled back to {previous.name} (from {self.dest.name}.v{number})"
