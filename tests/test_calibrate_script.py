"""scripts/calibrate.py: the fit behind src/sitrep/data/confidence.json, on synthetic judged items."""

from __future__ import annotations

import random
import sys

import numpy as np
import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def calibrate():
    sys.path.insert(0, str(ROOT / "scripts"))
    import calibrate

    return calibrate


def synthetic(n: int, seed: int = 7) -> list[tuple[dict[str, float], bool]]:
    """Items whose rightness follows `signal` (P = 0.1 or 0.9); `noise` carries nothing."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        signal = float(rnd.random() < 0.5)
        ok = rnd.random() < (0.9 if signal else 0.1)
        out.append(({"signal": signal, "noise": rnd.random()}, ok))
    return out


def test_logistic_finds_the_informative_feature(calibrate):
    data = synthetic(400)
    x = np.array([[f["signal"], f["noise"]] for f, _ in data])
    y = np.array([ok for _, ok in data], dtype=float)
    w, _ = calibrate.fit_logistic(x, y, l2=1.0)
    assert w[0] > 2.0 and abs(w[1]) < 1.0


def test_isotonic_table_is_monotone_with_large_enough_steps(calibrate):
    rnd = random.Random(3)
    scores = np.array([rnd.random() for _ in range(300)])
    y = np.array([rnd.random() < s for s in scores], dtype=float)
    bounds, values = calibrate.isotonic(scores, y, min_block=20, prior=4.0)
    assert bounds[0] == 0.0 and bounds == sorted(bounds)
    assert values == sorted(values) and all(0 < v < 1 for v in values)
    assert len(values) <= 300 // 20


def test_prior_keeps_a_small_perfect_step_below_one(calibrate):
    scores = np.array([0.1] * 10 + [0.9] * 10)
    y = np.array([0.0] * 10 + [1.0] * 10)
    _, values = calibrate.isotonic(scores, y, min_block=5, prior=4.0)
    assert values[-1] < 0.95 and values[0] > 0.05


def test_fitted_section_reads_back_as_the_stage_uses_it(calibrate):
    from sitrep.stages.confidence import Calibration

    data = synthetic(300)
    folds = [i % 10 for i in range(len(data))]
    cal = Calibration.from_json(calibrate.fit_section(data, 3.0, 10, 4.0, folds, 10))
    high = [ok for f, ok in data if cal(f) >= 0.8]
    low = [ok for f, ok in data if cal(f) < 0.5]
    assert high and sum(high) / len(high) >= 0.8
    assert low and sum(low) / len(low) <= 0.3


def test_forward_selection_keeps_the_signal_and_drops_the_noise(calibrate):
    data = synthetic(300)
    labels = [({"id": f"doc{i % 30}"}, {}, ok) for i, (_, ok) in enumerate(data)]
    folds = calibrate.folds(labels, 5)
    assert len(set(folds)) > 1 and all(folds[i] == folds[i + 30] for i in range(len(data) - 30))
    assert calibrate.select_features(data, folds, 5, 3.0, 10, 4.0) == ["signal"]


def test_excluded_features_are_named_per_section(calibrate):
    assert calibrate.excluded("events:cue,doc,places:resolver", "events") == {"cue", "doc"}
    assert calibrate.excluded("events:cue,doc,places:resolver", "places") == {"doc", "resolver"}
    data = [({"cue": 1.0, "actor": 0.0}, True)]
    assert calibrate.drop(data, {"cue"}) == [({"actor": 0.0}, True)]
    assert "events:cue" in calibrate.EXCLUDE
