from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from briefgen.errors import PublishError
from briefgen.publish.targets import FolderTarget, GitTarget, tree_digest
from tests.unit.publish.conftest import write_site

MESSAGE = "Publish site built by briefgen from commit abc123\n"
NO_IDENTITY = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def remote(tmp_path) -> Path:
    path = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(path))
    return path


@pytest.fixture(autouse=True)
def no_git_config(monkeypatch, tmp_path):
    """Like a CI machine: no global git config, no identity in the environment."""
    monkeypatch.setattr(os, "environ", dict(NO_IDENTITY, HOME=str(tmp_path / "home"),
                                            GIT_CONFIG_NOSYSTEM="1"))


def commits(remote: Path, branch: str = "gh-pages") -> list[str]:
    return git("--git-dir", str(remote), "log", "--format=%H %s", branch).splitlines()


def run(gen) -> list[str]:
    return list(gen)


# --- git ---------------------------------------------------------------------------------------------

def test_can_publish_to_a_bare_repository_twice_with_one_commit(remote, site, tmp_path):
    target = GitTarget(f"file://{remote}", branch="gh-pages")
    lines = run(target.publish(site, message=MESSAGE))
    assert any(line.startswith("pushed") for line in lines)
    assert len(commits(remote)) == 1
    again = run(target.publish(site, message=MESSAGE))
    assert any(line.startswith("no change") for line in again)
    assert len(commits(remote)) == 1
    checkout = tmp_path / "checkout"
    git("clone", "-q", "--branch", "gh-pages", str(remote), str(checkout))
    assert tree_digest(site) == {k: v for k, v in tree_digest(checkout).items() if not k.startswith(".git/")}
    log = git("log", "--format=%an <%ae>%n%B", cwd=checkout)
    assert "briefgen <briefgen@localhost>" in log and "abc123" in log


def test_can_keep_history_and_record_removals(remote, site, tmp_path):
    target = GitTarget(f"file://{remote}")
    run(target.publish(site, message="one"))
    (site / "briefs" / "second" / "index.html").unlink()
    (site / "new.html").write_text("<p>new</p>")
    run(target.publish(site, message="two"))
    assert [c.split(" ", 1)[1] for c in commits(remote)] == ["two", "one"]
    files = git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "new.html" in files and "briefs/second/index.html" not in files


def test_can_create_the_branch_as_an_orphan_beside_others(remote, site, tmp_path):
    work = tmp_path / "src"
    git("init", "-q", "-b", "main", str(work))
    (work / "README").write_text("source")
    git("add", "README", cwd=work)
    git("-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "-m", "source", cwd=work)
    git("push", "-q", str(remote), "main", cwd=work)
    run(GitTarget(f"file://{remote}", branch="pages").publish(site, message=MESSAGE))
    assert len(commits(remote, "pages")) == 1  # no parent: the source history is not in it
    assert "README" not in git("--git-dir", str(remote), "ls-tree", "--name-only", "pages")


def test_can_dry_run_without_committing(remote, site):
    target = GitTarget(f"file://{remote}")
    run(target.publish(site, message="one"))
    (site / "index.html").write_text("<p>changed</p>")
    lines = run(target.publish(site, message="two", dry_run=True))
    assert lines[-1] == "  would be changed: index.html" or "  would be changed: index.html" in lines
    assert any("dry run" in line for line in lines)
    assert len(commits(remote)) == 1


def test_errors_when_the_branch_moved_and_force_push_was_not_asked(remote, site, tmp_path, monkeypatch):
    target = GitTarget(f"file://{remote}")
    run(target.publish(site, message="one"))
    (site / "index.html").write_text("<p>mine</p>")
    # Someone else pushes between our fetch and our push.
    real_push = GitTarget._push
    raced: list[bool] = []

    def racing_push(self, repo, head, tip):
        if not raced:
            raced.append(True)
            other = write_site(tmp_path / "other", body="theirs")
            run(GitTarget(self.url).publish(other, message="theirs"))
        yield from real_push(self, repo, head, tip)

    monkeypatch.setattr(GitTarget, "_push", racing_push)
    with pytest.raises(PublishError, match="moved on the remote"):
        run(target.publish(site, message="mine"))
    assert commits(remote)[0].endswith("theirs")
    forced = GitTarget(f"file://{remote}", force_push=True)
    assert any("forced" in line for line in run(forced.publish(site, message="mine")))
    assert commits(remote)[0].endswith("mine")


def test_errors_when_the_remote_does_not_exist(site, tmp_path):
    with pytest.raises(PublishError, match="git ls-remote failed"):
        run(GitTarget(f"file://{tmp_path}/nowhere.git").publish(site, message=MESSAGE))


# --- folder ------------------------------------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path beside and under a folder with its inode and mtime: any touch shows."""
    out = {}
    for p in [folder.parent, *folder.parent.rglob("*")]:
        st = p.lstat()
        out[str(p)] = (st.st_ino, st.st_mtime_ns)
    return out


def test_can_publish_to_a_folder_by_symlink_swap(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    assert dest.is_symlink() and os.readlink(dest) == "briefs.v1"
    assert tree_digest(dest) == tree_digest(site)
    (site / "index.html").write_text("<p>v2</p>")
    lines = run(FolderTarget(dest).publish(site))
    assert os.readlink(dest) == "briefs.v2" and (dest / "index.html").read_text() == "<p>v2</p>"
    assert (tmp_path / "www" / "briefs.v1").is_dir()  # kept for rollback
    assert any("previous: briefs.v1" in line for line in lines)
    assert not list((tmp_path / "www").glob("*.new-*")) and not list((tmp_path / "www").glob(".*link*"))


def test_can_publish_twice_without_touching_a_file(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    before = snapshot(dest)
    lines = run(FolderTarget(dest).publish(site))
    assert lines == [f"no change: {dest} already serves this site"]
    assert snapshot(dest) == before


def test_can_roll_back_to_the_previous_version(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    old = tree_digest(dest)
    (site / "index.html").write_text("<p>v2</p>")
    run(FolderTarget(dest).publish(site))
    lines = run(FolderTarget(dest).rollback())
    assert tree_digest(dest) == old and os.readlink(dest) == "briefs.v1"
    assert "rolled back to briefs.v1" in lines[0]
    with pytest.raises(PublishError, match="no previous version"):
        run(FolderTarget(dest).rollback())


def test_can_keep_only_current_and_previous_versions(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    for n in range(4):
        (site / "index.html").write_text(f"<p>v{n}</p>")
        run(FolderTarget(dest).publish(site))
    assert sorted(p.name for p in (tmp_path / "www").iterdir() if not p.name.startswith(".")) == \
        ["briefs", "briefs.v3", "briefs.v4"]


def test_can_clean_up_after_an_interrupted_publish(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    half = tmp_path / "www" / "briefs.new-abcd1234"
    (half / "briefs").mkdir(parents=True)  # a copy cut short
    (site / "index.html").write_text("<p>v2</p>")
    lines = run(FolderTarget(dest).publish(site))
    assert "removed briefs.new-abcd1234, left by an interrupted publish" in lines
    assert not half.exists() and os.readlink(dest) == "briefs.v2"


def test_cleans_up_after_an_interrupted_publish_even_when_the_site_did_not_change(site, tmp_path):
    # a publish killed while it copied the very site dest already serves: the next one is a no-change
    # publish, and it still removes the half copy (CI once found one left after such a run)
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    half = tmp_path / "www" / "briefs.new-abcd1234"
    (half / "briefs").mkdir(parents=True)
    lines = run(FolderTarget(dest).publish(site))
    assert "removed briefs.new-abcd1234, left by an interrupted publish" in lines
    assert lines[-1].startswith("no change") and not half.exists() and os.readlink(dest) == "briefs.v1"
    # a dry run touches nothing, leftovers included
    (half / "briefs").mkdir(parents=True)
    run(FolderTarget(dest).publish(site, dry_run=True))
    assert half.exists()

def test_can_dry_run_a_folder_without_changing_it(site, tmp_path):
    dest = tmp_path / "www" / "briefs"
    run(FolderTarget(dest).publish(site))
    (site / "index.html").write_text("<p>v2</p>")
    (site / "briefs" / "second" / "index.html").unlink()
    (site / "added.html").write_text("new")
    before = snapshot(dest)
    lines = run(FolderTarget(dest).publish(site, dry_run=True))
    assert snapshot(dest) == before
    assert "  would be added: added.html" in lines
    assert "  would be changed: index.html" in lines
    assert "  would be removed: briefs/second/index.html" in lines
    assert "1 added, 1 changed, 1 removed" in lines[0]


def test_can_take_over_a_plain_folder_and_keep_it_as_previous(site, tmp_path):
    dest = write_site(tmp_path / "www" / "briefs", body="published by hand")
    old = tree_digest(dest)
    run(FolderTarget(dest).publish(site))
    assert dest.is_symlink() and tree_digest(dest) == tree_digest(site)
    run(FolderTarget(dest).rollback())
    assert tree_digest(dest) == old


def test_errors_when_rolling_back_a_folder_never_published(tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(PublishError, match="nothing to roll back"):
        run(FolderTarget(tmp_path / "plain").rollback())


def test_errors_when_rolling_back_a_git_target(remote):
    with pytest.raises(PublishError, match="rollback is for folder"):
        run(GitTarget(f"file://{remote}").rollback())


def test_never_deletes_a_plain_folder_it_took_over(site, tmp_path):
    """A folder that was at the destination before briefgen (perhaps a user's own files) is kept
    beside it for good, however many publishes follow."""
    dest = write_site(tmp_path / "www" / "briefs", body="published by hand")
    (dest / "notes.txt").write_text("mine", encoding="utf-8")
    old = tree_digest(dest)
    target = FolderTarget(dest)
    run(target.publish(site))
    for n in range(3):
        (site / "index.html").write_text(f"<!doctype html><title>v{n}</title>", encoding="utf-8")
        run(target.publish(site))
    kept = [v for v in target.versions().values() if tree_digest(v) == old]
    assert len(kept) == 1, "the folder that was there before briefgen was pruned"
    assert tree_digest(dest) == tree_digest(site)
