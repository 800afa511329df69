"""The headline ranker holds still (scripts/fit_dump_model.py, session 15): a refit keeps the ranker the committed
report lists for the same training pages while its objective on the new training rows is within TITLE_HOLD of the
new optimum (`fit_title_groups(held=...)`), and refits when the rows moved further; `Rankers` reads the committed
rankers only for the same features. Needs the `fit` extra (numpy, scipy, scikit-learn)."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")
pytest.importorskip("sklearn")


@pytest.fixture(scope="module")
def fit_script():
    spec = importlib.util.spec_from_file_location("fit_dump_model_hold", ROOT / "scripts" / "fit_dump_model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _groups(seed: int, n: int = 200, noise: float = 1.0) -> list[tuple[list[list[float]], list[int]]]:
    """n pages of 5 candidates with 4 features each; the title is the candidate a fixed linear score (plus noise)
    ranks first."""
    rng = np.random.default_rng(seed)
    true = np.array([1.5, -1.0, 0.5, 0.0])
    out = []
    for _ in range(n):
        X = rng.normal(size=(5, 4))
        y = [0] * 5
        y[int(np.argmax(X @ true + noise * rng.normal(size=5)))] = 1
        out.append((X.tolist(), y))
    return out


def test_a_refit_on_slightly_changed_rows_keeps_the_ranker_it_replaces(fit_script):
    groups = _groups(1)
    before = fit_script.fit_title_groups(groups)["weights"]
    moved = [(list(map(list, r)), list(y)) for r, y in groups]
    for r, _ in moved[:2]:   # two pages' rows change a little, as a body-cleaning change moves them
        r[0] = [x + 0.3 for x in r[0]]
    fresh = fit_script.fit_title_groups(moved)["weights"]
    assert fresh != before, "the test needs rows whose optimum moves"
    got = fit_script.fit_title_groups(moved, held=before)
    assert got["held"] and 0.0 <= got["excess"] <= fit_script.TITLE_HOLD
    assert got["weights"] == before


def test_a_refit_on_rows_that_moved_far_refits(fit_script):
    groups = _groups(1)
    before = fit_script.fit_title_groups(groups)["weights"]
    other = _groups(2)
    for r, y in other[:100]:   # half the titles are now the candidate the old ranker puts last
        y[:] = [0] * 5
        y[int(np.argmin(np.array(r) @ np.array(before)))] = 1
    got = fit_script.fit_title_groups(other, held=before)
    assert not got["held"] and got["excess"] > fit_script.TITLE_HOLD
    assert got["weights"] == fit_script.fit_title_groups(other)["weights"]


def test_committed_rankers_are_held_only_for_the_same_features(fit_script):
    code = fit_script.Rankers().code
    report = {"ranker": {"features": code, "fits": {"abc": {"weights": [1.0, 2.0]}}}}
    assert fit_script.Rankers(report).held("abc") == [1.0, 2.0]
    assert fit_script.Rankers(report).held("other pages") is None
    report["ranker"]["features"] = "another feature list"
    assert fit_script.Rankers(report).held("abc") is None
    assert fit_script.Rankers(None).held("abc") is None
