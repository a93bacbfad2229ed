"""The evaluation set (tests/evaluation/): real partnerships from the seeds among plausible
distractors. The partner a coordinator would pick must be in the top 3 for at least 90 %, and
the fast matcher must rank exactly like the per-actor reference."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import MakeDatabase

ROOT = Path(__file__).resolve().parents[3]


def bench_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


evaluate_matching = bench_module("evaluate_matching")
reference_matcher = bench_module("reference_matcher")


def test_evaluation_set_is_large_enough() -> None:
    cases = json.loads((ROOT / "tests/evaluation/expected.json").read_text("utf-8"))["cases"]
    assert len(cases) >= 12


@pytest.mark.parametrize("without_gates", [False, True], ids=["as-written", "scores-only"])
def test_expected_partner_is_in_the_top_3_for_at_least_90_percent(
    make_database: MakeDatabase, without_gates: bool
) -> None:
    results = evaluate_matching.evaluate(make_database("eval"), without_gates=without_gates)
    summary = evaluate_matching.summary(results)
    misses = [(r.problem_id, r.expected, r.rank) for r in results if not r.rank or r.rank > 3]
    assert summary["top3"] >= 0.9, misses


def test_fast_and_reference_rank_the_evaluation_set_identically(
    make_database: MakeDatabase,
) -> None:
    database = open_database(make_database("identity"))
    try:
        LandscapeService(database).import_document(
            evaluate_matching.evaluation_document(without_gates=True)
        )
        service = MatchingService(database)
        for summary in LandscapeService(database).list_problems():
            fast = service.rank_actors_for_problem(summary.id, top=1000)
            slow = reference_matcher.rank_reference(database, summary.id, top=None)
            assert [m.actor_id for m in fast.matches] == [m.actor_id for m in slow.matches]
            assert [m.score for m in fast.matches] == pytest.approx(
                [m.score for m in slow.matches], abs=1e-9
            )
            assert dict(fast.excluded) == dict(slow.excluded)
    finally:
        database.close()
