"""Evaluate the matcher on the evaluation set in tests/evaluation/: top-1, top-3, MRR.

    .venv/bin/python bench/evaluate_matching.py

Imports the evaluation landscape into a fresh SQLite file, ranks every case's problem and
reports where the partner a coordinator would pick lands.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVALUATION = ROOT / "tests" / "evaluation"


@dataclass(frozen=True)
class CaseResult:
    problem_id: str
    expected: str
    rank: int | None
    top3: tuple[str, ...]


def evaluation_document(*, without_gates: bool = False) -> dict[str, Any]:
    """The evaluation landscape; ``without_gates`` drops required resources, distance limits
    and excluded kinds, so the scored criteria alone must find the partner (a harder test)."""
    doc: dict[str, Any] = json.loads((EVALUATION / "landscape.json").read_text("utf-8"))
    if without_gates:
        for problem in doc["problems"]:
            seeking = problem.get("seeking", {})
            for key in ("required_resources", "max_distance_km", "excluded_actor_kinds"):
                seeking.pop(key, None)
    return doc


def evaluate(db_path: str, *, without_gates: bool = False) -> list[CaseResult]:
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService
    from mapper.services.matching import MatchingService

    database = open_database(db_path)
    try:
        LandscapeService(database).import_document(evaluation_document(without_gates=without_gates))
        service = MatchingService(database)
        cases = json.loads((EVALUATION / "expected.json").read_text("utf-8"))["cases"]
        results = []
        for case in cases:
            ranking = service.rank_actors_for_problem(case["problem_id"], top=1000)
            ids = [m.actor_id for m in ranking.matches]
            rank = (
                ids.index(case["expected_actor_id"]) + 1
                if case["expected_actor_id"] in ids
                else None
            )
            results.append(
                CaseResult(case["problem_id"], case["expected_actor_id"], rank, tuple(ids[:3]))
            )
        return results
    finally:
        database.close()


def summary(results: list[CaseResult]) -> dict[str, float]:
    n = len(results)
    return {
        "cases": n,
        "top1": sum(1 for r in results if r.rank == 1) / n,
        "top3": sum(1 for r in results if r.rank is not None and r.rank <= 3) / n,
        "mrr": sum(1 / r.rank for r in results if r.rank) / n,
    }


def main() -> None:
    for without_gates in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            results = evaluate(f"{tmp}/evaluation.sqlite", without_gates=without_gates)
        title = (
            "scored criteria only (required resources, distance limits and excluded kinds removed)"
            if without_gates
            else "as written (hard gates and scores)"
        )
        print(f"\n## {title}")
        for r in results:
            mark = "✓" if r.rank == 1 else ("~" if r.rank and r.rank <= 3 else "✗")
            print(
                f"{mark} {r.problem_id:<42} expected {r.expected:<34} rank {r.rank}  "
                f"top 3: {', '.join(r.top3)}"
            )
        s = summary(results)
        print(
            f"{s['cases']:.0f} cases: top-1 {s['top1']:.0%}, top-3 {s['top3']:.0%}, "
            f"MRR {s['mrr']:.3f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
