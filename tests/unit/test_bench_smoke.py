"""Smoke tests of the benchmark harness (bench/): it starts, and the adapters convert briefs faithfully.

The benchmark itself is not part of the suite; these need neither Pelican nor Hugo.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.brief.frontmatter import read

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import hugo_adapter  # noqa: E402
import measure  # noqa: E402
import pelican_adapter  # noqa: E402
import workers  # noqa: E402

NORWAY_BRIEF = """---
title: "Oslo et Stockholm relancent le dialogue"
lead: "Une phrase."
date: 2025-03-04T10:00:00+01:00
lang: fr
countries: [NO, SE]
regions: [northern-europe]
themes: [diplomacy, energy]
---

mardi 4 mars 2025

Un paragraphe.
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Five generated briefs plus one naming Norway (NO, which YAML 1.1 reads as false)."""
    folder = tmp_path / "corpus"
    subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), str(folder), "--count", "5"],
                   check=True, capture_output=True)
    (folder / "2025" / "03").mkdir(parents=True, exist_ok=True)
    (folder / "2025" / "03" / "oslo-et-stockholm.md").write_text(NORWAY_BRIEF, encoding="utf-8")
    return folder


def _pelican_meta(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_can_show_help_of_the_benchmark():
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--help"], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--sizes" in done.stdout and "--skip-pelican" in done.stdout


def test_the_preview_bench_measures_the_briefgen_pythonpath_names(tmp_path):
    """bench/preview_latency.py used to put its own checkout first on sys.path, so PYTHONPATH could not
    choose the code measured (another commit's frozen copy): its entries must stay ahead of it."""
    other = tmp_path / "other"
    (other / "briefgen").mkdir(parents=True)
    (other / "briefgen" / "__init__.py").write_text("MARK = 'other'\n", encoding="utf-8")
    probe = ("import runpy, sys; runpy.run_path(sys.argv[1], run_name='probe'); import briefgen; "
             "print(getattr(briefgen, 'MARK', briefgen.__file__))")
    script = str(BENCH / "preview_latency.py")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    chosen = subprocess.run([sys.executable, "-c", probe, script], capture_output=True, text=True, check=True,
                            env={**env, "PYTHONPATH": str(other)}, timeout=120, cwd=tmp_path)
    assert chosen.stdout.strip() == "other"
    default = subprocess.run([sys.executable, "-c", probe, script], capture_output=True, text=True, check=True,
                             env=env, timeout=120, cwd=tmp_path)
    assert Path(default.stdout.strip()).resolve() == ROOT / "briefgen" / "__init__.py"


def test_can_convert_briefs_to_a_pelican_project(corpus, tmp_path):
    project = tmp_path / "pelican"
    assert pelican_adapter.convert(corpus, project) == 6
    assert "DEFAULT_PAGINATION = 20" in (project / "pelicanconf.py").read_text()
    for source in corpus.rglob("*.md"):
        brief = read(source)
        meta = _pelican_meta(project / "content" / source.relative_to(corpus))
        assert meta["Title"] == brief.title
        assert meta["Category"] == brief.regions[0]
        assert meta["Tags"].split(", ") == list(brief.themes)
        assert meta["Slug"] == brief.slug and meta["Lang"] == brief.lang


def test_can_convert_briefs_to_a_hugo_site_with_both_taxonomies(corpus, tmp_path):
    site = tmp_path / "hugo"
    assert hugo_adapter.convert(corpus, site) == 6
    config = (site / "config.toml").read_text()
    assert 'region = "regions"' in config and 'theme = "themes"' in config
    assert (site / "layouts" / "_default" / "list.html").is_file()
    for source in corpus.rglob("*.md"):
        brief = read(source)
        text = (site / "content" / "briefs" / source.relative_to(corpus)).read_text(encoding="utf-8")
        front, end = json.JSONDecoder().raw_decode(text)
        body = text[end:]
        assert front["regions"] == list(brief.regions) and front["themes"] == list(brief.themes)
        assert front["title"] == brief.title and front["slug"] == brief.slug
        assert body.strip() == brief.body.strip()
    norway = (site / "content" / "briefs" / "2025" / "03" / "oslo-et-stockholm.md").read_text()
    assert json.JSONDecoder().raw_decode(norway)[0]["countries"] == ["NO", "SE"]


def test_can_measure_the_peak_memory_of_a_child_process():
    touch_150_mb = "x = bytearray(150 * 2**20); x[::4096] = b'1' * len(x[::4096])"
    sample = measure.run([sys.executable, "-c", touch_150_mb])
    assert sample.status == 0
    assert sample.peak_mb >= 150
    assert sample.wall > 0 and sample.cpu > 0


def test_can_make_unique_ingest_inputs_from_the_samples(tmp_path):
    paths = workers.make_inputs("dump", 60, tmp_path)
    assert len({p.name for p in paths}) == 60
    assert len({p.read_bytes() for p in paths}) == 60


def test_distinct_ingest_inputs_cycle_over_every_page_and_empty_the_text_caches(tmp_path):
    sources = workers.distinct_sources("dump")
    assert len(sources) == len(set(sources)) and len({p.read_bytes() for p in sources}) == len(sources)
    assert any("dumps-oldstyle" in str(p) for p in sources)
    passes = workers.make_distinct_inputs("dump", len(sources) + 3, tmp_path)
    assert [len(p) for p in passes] == [len(sources), 3]
    paths = [p for round_ in passes for p in round_]
    assert paths == sorted(paths) and len({p.read_bytes() for p in paths}) == len(paths)
    # the caches a copy of a page would find its lines in are the ones the distinct bench empties
    from briefgen.ingest import clean, linemodel

    clean.classify_line("Home")
    linemodel.shape("Home")
    clears = workers.text_caches()
    for clear in clears:
        clear()
    assert clean.classify_line.cache_info().currsize == 0 and linemodel.shape.cache_info().currsize == 0
    assert len(clears) >= 5


def test_the_line_speed_bench_times_each_fast_form_against_its_plain_form():
    done = subprocess.run([sys.executable, str(BENCH / "line_speed.py"), "--limit", "200", "--rounds", "1"],
                          capture_output=True, text=True, check=True, timeout=300)
    out = done.stdout.splitlines()
    assert out[0].startswith("200 distinct lines of ")
    rows = {ln[:26].strip(): ln[26:].split("->") for ln in out[1:]}
    assert set(rows) == {"shape", "classify_line + shape", "key_of", "media line", "prompts (search)"}
    assert all(float(a) > 0 and float(b) > 0 for a, b in rows.values())
