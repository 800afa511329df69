"""Crawl whole built sites: the repository's sample, the fixture project and 1,000 generated briefs
under a sub-path base_url. No broken internal link or asset, every feed parses, every page is
well-formed."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys

import pytest

from briefgen.config import load_config
from briefgen.site.build import build
from briefgen.site.swap import wait_for_removals
from tests.unit.site.conftest import FIXTURE, ROOT
from tests.unit.site.crawl import Site, check_html


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    """1,000 briefs from bench/gen_corpus.py, built once for the session under a sub-path."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(root / "content" / "briefs"),
                    "--count", "1000"], check=True, capture_output=True)
    (root / "briefgen.toml").write_text(
        'title = "Corpus"\nbase_url = "https://example.org/deep/sub/"\nlocale = "de_CH"\n'
        '[site]\nnow = "2026-01-01T12:00:00+01:00"\n', encoding="utf-8")
    result = build(load_config(root), ingest=False)
    wait_for_removals()
    return result


def test_generated_corpus_builds_without_errors(corpus_site):
    assert corpus_site.errors == []
    assert corpus_site.pages > 1000   # 1,000 briefs plus listings


def test_generated_corpus_has_no_broken_link_and_well_formed_pages(corpus_site):
    problems = Site(corpus_site.out, "https://example.org/deep/sub/").crawl()
    assert problems == [], "\n".join(problems[:50])


def test_fixture_project_has_no_broken_link_under_its_sub_path(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    result = build(load_config(root), ingest=False)
    wait_for_removals()
    problems = Site(result.out, "https://example.org/briefs/").crawl()
    assert problems == [], "\n".join(problems[:50])


def test_repository_sample_builds_and_crawls_clean(tmp_path):
    """The repository is a project too (briefgen.toml at its root); built here without ingest
    into a scratch folder, so the working tree is not touched."""
    cfg = load_config(ROOT)
    cfg = dataclasses.replace(cfg, paths=dataclasses.replace(cfg.paths, cache=str(tmp_path / "cache")))
    result = build(cfg, out=tmp_path / "site", ingest=False)
    wait_for_removals()
    assert [e for e in result.errors] == []
    assert (result.out / "index.html").is_file()
    problems = Site(result.out, cfg.base_url).crawl()
    assert problems == [], "\n".join(problems[:50])


def test_checker_finds_unbalanced_tags_and_missing_doctype():
    problems, links = check_html("<html><head></head><body><main><h1>x</h1><p><a href='/a'>a</p></main></body>")
    assert any("closes" in p for p in problems) and any("doctype" in p for p in problems)
    assert links == ["/a"]
