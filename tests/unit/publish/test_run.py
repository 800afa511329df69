from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.errors import PublishError
from briefgen.publish.run import publish, target_for
from briefgen.publish.targets import FolderTarget, GitTarget
from tests.unit.publish.project import set_japan_body, write_project


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


class Said:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.err: list[str] = []

    def kw(self) -> dict:
        return {"say": self.out.append, "complain": self.err.append}


@pytest.fixture(autouse=True)
def no_git_config(monkeypatch, tmp_path):
    """Like a CI machine: no global git config, no identity in the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    monkeypatch.setattr(os, "environ", dict(env, HOME=str(tmp_path / "home"), GIT_CONFIG_NOSYSTEM="1"))


@pytest.mark.parametrize(("dest", "kind", "where"), [
    ("git+file:///srv/site.git", GitTarget, "file:///srv/site.git"),
    ("git+ssh://git@example.org/org/site.git", GitTarget, "ssh://git@example.org/org/site.git"),
    ("git@github.com:org/site.git", GitTarget, "git@github.com:org/site.git"),
    ("https://codeberg.org/org/pages.git", GitTarget, "https://codeberg.org/org/pages.git"),
    ("https://gitlab.example/org/pages", GitTarget, "https://gitlab.example/org/pages"),
    ("file:///var/www/briefs", FolderTarget, "/var/www/briefs"),
    ("/var/www/briefs", FolderTarget, "/var/www/briefs"),
])
def test_can_pick_the_target_by_url_scheme(dest, kind, where):
    target = target_for(dest)
    assert isinstance(target, kind)
    assert (target.url if kind is GitTarget else str(target.dest)) == where


def test_errors_on_an_unknown_scheme():
    with pytest.raises(PublishError, match="unknown destination scheme s3://"):
        target_for("s3://bucket/site")


def test_errors_without_a_destination(tmp_path):
    with pytest.raises(PublishError, match="no destination"):
        publish(load_config(write_project(tmp_path / "p")), "")


# --- with the real site build ------------------------------------------------------------------------

def test_can_publish_a_project_to_git_twice_with_one_commit(tmp_path):
    project = write_project(tmp_path / "p", publish='cname = "news.example.org"')
    git("init", "-q", str(project))
    git("add", ".", cwd=project)
    git("-c", "user.name=a", "-c", "user.email=a@b", "commit", "-q", "-m", "briefs", cwd=project)
    source = git("rev-parse", "HEAD", cwd=project).strip()
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote))
    said = Said()
    config = load_config(project)
    assert publish(config, f"git+file://{remote}", **said.kw()) == 0, said.err
    assert publish(config, f"git+file://{remote}", **said.kw()) == 0, said.err
    assert any(line.startswith("no change") for line in said.out)
    log = git("--git-dir", str(remote), "log", "--format=%B", "gh-pages")
    assert log.count("Publish site") == 1 and source in log
    checkout = tmp_path / "checkout"
    git("clone", "-q", "--branch", "gh-pages", str(remote), str(checkout))
    assert (checkout / "index.html").is_file() and (checkout / ".nojekyll").is_file()
    assert (checkout / "CNAME").read_text() == "news.example.org\n"
    assert "<feed" in (checkout / "feed.xml").read_text()
    assert "https://example.org/briefs/" in (checkout / "feed.xml").read_text()  # absolute URLs
    assert (checkout / "_headers").is_file() and not (checkout / ".briefgen-site").exists()
    pages = list(checkout.rglob("*.html"))
    assert len(pages) > 10 and not any("data-briefgen-livereload" in p.read_text() for p in pages)


def test_can_publish_a_project_to_a_folder_and_roll_back(tmp_path):
    project = write_project(tmp_path / "p")
    dest = tmp_path / "www" / "briefs"
    said = Said()
    assert publish(load_config(project), str(dest), **said.kw()) == 0, said.err
    first = (dest / "2026/01/japon/index.html").read_text()
    assert publish(load_config(project), str(dest), **said.kw()) == 0, said.err
    assert said.out[-1] == f"no change: {dest} already serves this site"
    set_japan_body(project, "Un texte entièrement nouveau sur la défense.")
    assert publish(load_config(project), str(dest), **said.kw()) == 0, said.err
    assert "entièrement nouveau" in (dest / "2026/01/japon/index.html").read_text()
    assert publish(load_config(project), str(dest), rollback=True, **said.kw()) == 0
    assert (dest / "2026/01/japon/index.html").read_text() == first


def test_can_dry_run_a_project_without_changing_anything(tmp_path):
    project = write_project(tmp_path / "p")
    dest = tmp_path / "www" / "briefs"
    said = Said()
    assert publish(load_config(project), str(dest), dry_run=True, **said.kw()) == 0, said.err
    assert not (tmp_path / "www").exists()  # not even the parent folder was made
    assert any("would be added: index.html" in line for line in said.out)


def test_refuses_to_publish_a_site_with_broken_internal_links(tmp_path):
    project = write_project(tmp_path / "p", body="Voir [le dossier](/briefs/dossiers/japon/) et "
                                                 "[la carte](https://example.org/briefs/carte.png).")
    dest = tmp_path / "www" / "briefs"
    said = Said()
    assert publish(load_config(project), str(dest), **said.kw()) == 1
    assert not dest.exists()
    assert "broken link: 2026/01/japon/index.html -> /briefs/dossiers/japon/" in said.err
    assert "broken link: 2026/01/japon/index.html -> https://example.org/briefs/carte.png" in said.err
    assert said.err[-1].startswith("refusing to publish")


def test_refuses_to_publish_when_the_build_has_errors(tmp_path):
    project = write_project(tmp_path / "p")
    bad = project / "content/briefs/2026/01/bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote))
    said = Said()
    assert publish(load_config(project), f"git+file://{remote}", **said.kw()) == 1
    assert any(line.startswith("build error:") and "bad.md" in line for line in said.err)
    assert git("--git-dir", str(remote), "branch", "--list") == ""


def test_can_run_from_the_command_line_and_exit_1_on_refusal(tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    project = write_project(tmp_path / "p", body="Voir [le dossier](../nulle-part/).")
    dest = tmp_path / "www" / "briefs"
    result = CliRunner().invoke(cli, ["-C", str(project), "publish", "--to", str(dest)])
    assert result.exit_code == 1
    assert "broken link: 2026/01/japon/index.html -> ../nulle-part/" in result.output
    set_japan_body(project, "Un texte sans lien.")
    result = CliRunner().invoke(cli, ["-C", str(project), "publish", "--to", str(dest), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "dry run: would replace" in result.output and not dest.exists()


def test_errors_when_the_folder_is_the_projects_own_output(tmp_path):
    project = write_project(tmp_path / "p")
    with pytest.raises(PublishError, match="refusing to publish into the build output"):
        publish(load_config(project), str(project / "site"))
    with pytest.raises(PublishError, match="refusing to publish into the project"):
        publish(load_config(project), str(project))


def test_refuses_to_take_over_a_folder_it_did_not_make_unless_forced(tmp_path):
    project = write_project(tmp_path / "p")
    dest = tmp_path / "www"
    dest.mkdir()
    (dest / "mine.txt").write_text("a user's file", encoding="utf-8")
    with pytest.raises(PublishError, match="did not make") as info:
        publish(load_config(project), str(dest), **Said().kw())
    assert "--force" in str(info.value)
    assert dest.is_dir() and not dest.is_symlink() and (dest / "mine.txt").is_file()
    assert not list(tmp_path.glob("www.v*"))
    said = Said()
    assert publish(load_config(project), str(dest), force=True, **said.kw()) == 0, said.err
    assert dest.is_symlink() and (tmp_path / "www.v1" / "mine.txt").is_file()


def test_a_path_to_a_git_repository_gets_a_git_url_hint(tmp_path):
    project = write_project(tmp_path / "p")
    remote = tmp_path / "site.git"
    git("init", "-q", "--bare", str(remote))
    with pytest.raises(PublishError, match="git repository") as info:
        publish(load_config(project), str(remote), **Said().kw())
    assert f"git+file://{remote}" in str(info.value)
    assert remote.is_dir() and not remote.is_symlink() and (remote / "HEAD").is_file()


def test_warns_when_base_url_is_still_localhost_and_strict_refuses(tmp_path):
    from dataclasses import replace

    project = write_project(tmp_path / "p", base="http://127.0.0.1:8000/")
    said = Said()
    assert publish(load_config(project), str(tmp_path / "www"), **said.kw()) == 0, said.err
    assert any(line.startswith("warning: base_url is http://127.0.0.1:8000/") for line in said.err), said.err
    strict = Said()
    assert publish(replace(load_config(project), strict=True), str(tmp_path / "www2"), **strict.kw()) == 1
    assert strict.err[-1].startswith("refusing to publish") and not (tmp_path / "www2").exists()
    public = Said()
    cfg = load_config(project, {"base_url": "https://example.org/b/"})
    assert publish(cfg, str(tmp_path / "www3"), **public.kw()) == 0
    assert not any("base_url" in line for line in public.err), public.err


def test_says_each_build_error_once_on_the_terminal(tmp_path):
    project = write_project(tmp_path / "p")
    (project / "content/briefs/2026/01/bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", "from briefgen.cli import main; main()", "publish", "--to",
                           str(tmp_path / "www")], cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "BRIEFGEN_NO_PROGRESS": "1"})
    assert proc.returncode == 1
    said = proc.stdout + proc.stderr
    assert said.count("bad.md:3:") == 1, said


def test_a_raw_file_that_cannot_be_ingested_does_not_block_publishing(tmp_path):
    from dataclasses import replace

    project = write_project(tmp_path / "p")
    (project / "content/raw").mkdir(parents=True)
    (project / "content/raw/empty.txt").write_bytes(b"")
    said = Said()
    assert publish(load_config(project), str(tmp_path / "www"), **said.kw()) == 0, said.err
    assert any(line.startswith("warning: raw file not ingested:") and "empty.txt" in line for line in said.err)
    assert (tmp_path / "www" / "index.html").is_file()
    strict = Said()
    assert publish(replace(load_config(project), strict=True), str(tmp_path / "www2"), **strict.kw()) == 1
    assert not (tmp_path / "www2").exists()


def test_commit_message_outside_git_does_not_say_no_git(tmp_path):
    from briefgen.publish.run import commit_message

    (tmp_path / "p").mkdir()
    message = commit_message(tmp_path / "p")
    assert "no git" not in message and "not a git repository" in message
