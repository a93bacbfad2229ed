"""Text relevance alone: the BM25F model (mapper/matching/text_relevance.py) against today's
text criterion (rapidfuzz token-set ratio over normalised words, as criteria.text_fit does).

Every problem of the full set (tests/evaluation/landscape.json + expected.json) and the
sparse set (tests/evaluation/sparse/) ranks all active actors but its owner by text alone — no
codes, no place, no other gate — and the expected partner's rank gives top-1, top-3 and MRR.
A second line per model ranks only the actors of the problem's municipality (text within the
place), which shows what text adds once geography has done its part. "bm25f-words" is the
same model without the lexicon's concepts (words and compound parts only), to show what the
concepts add.

    .venv/bin/python bench/evaluate_text_relevance.py            # the table
    .venv/bin/python bench/evaluate_text_relevance.py --cases    # and every case
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from mapper.domain.model import Actor, ProblemStatement  # noqa: E402
from mapper.domain.text import normalise_danish  # noqa: E402
from mapper.domain.vocabulary import load_vocabulary  # noqa: E402
from mapper.io.interchange import parse_document  # noqa: E402
from mapper.matching.text_relevance import TextIndex  # noqa: E402

EVALUATION = ROOT / "tests" / "evaluation"

Scorer = Callable[[ProblemStatement, Sequence[Actor]], dict[str, float]]


def load(name: str) -> tuple[list[Actor], list[ProblemStatement], dict[str, str]]:
    folder = EVALUATION if name == "full" else EVALUATION / "sparse"
    doc = json.loads((folder / "landscape.json").read_text("utf-8"))
    cases = json.loads((folder / "expected.json").read_text("utf-8"))["cases"]
    landscape = parse_document(doc, source=name)
    expected = {c["problem_id"]: c["expected_actor_id"] for c in cases}
    return list(landscape.actors), list(landscape.problems), expected


def _profile_text(actor: Actor) -> str:
    try:  # today's criterion, read-only, when it imports
        from mapper.matching.criteria import profile_text

        return profile_text(actor)
    except Exception:  # criteria.py may be mid-edit by another helper
        p = actor.profile
        parts = [
            p.we_are,
            p.best_at,
            p.role_towards_target_group,
            p.attractive_partner_because,
            *p.success_examples,
            *(r.description for r in actor.resources_offered),
        ]
        return " ".join(x for x in parts if x)


def rapidfuzz_scorer() -> Scorer:
    """Today's text criterion: token-set ratio of the normalised query text and profile text."""

    def score(problem: ProblemStatement, actors: Sequence[Actor]) -> dict[str, float]:
        query = normalise_danish(
            problem.seeking.description or problem.description or problem.title
        )
        out = {}
        for actor in actors:
            text = normalise_danish(_profile_text(actor))
            out[actor.id] = fuzz.token_set_ratio(query, text) / 100.0 if query and text else 0.0
        return out

    return score


def bm25_scorer(actors: Sequence[Actor], *, concepts: bool = True) -> Scorer:
    index = TextIndex.build(actors, load_vocabulary(), concepts=concepts)

    def score(problem: ProblemStatement, _: Sequence[Actor]) -> dict[str, float]:
        return {a: m.score for a, m in index.scores(problem).items()}

    return score


def rank(
    scorer: Scorer,
    actors: Sequence[Actor],
    problem: ProblemStatement,
    *,
    local_only: bool,
) -> list[str]:
    pool = [
        a
        for a in actors
        if a.id != problem.owner_id
        and a.active
        and (
            not local_only
            or not problem.municipality_code
            or a.location.municipality_code == problem.municipality_code
        )
    ]
    scores = scorer(problem, pool)
    order = {a.id: i for i, a in enumerate(pool)}
    return sorted(order, key=lambda a: (-scores.get(a, 0.0), order[a]))


def figures(ranks: Mapping[str, int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "top1": sum(1 for r in ranks.values() if r == 1) / n,
        "top3": sum(1 for r in ranks.values() if r is not None and r <= 3) / n,
        "mrr": sum(1.0 / r for r in ranks.values() if r) / n,
    }


def evaluate(show_cases: bool = False) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for set_name in ("full", "sparse"):
        actors, problems, expected = load(set_name)
        by_id = {p.id: p for p in problems}
        started = time.perf_counter()
        models: dict[str, Scorer] = {
            "bm25f": bm25_scorer(actors),
            "bm25f-words": bm25_scorer(actors, concepts=False),
            "rapidfuzz": rapidfuzz_scorer(),
        }
        build_ms = (time.perf_counter() - started) * 1000
        for model, scorer in models.items():
            for local_only in (False, True):
                ranks: dict[str, int | None] = {}
                for problem_id, actor_id in expected.items():
                    order = rank(scorer, actors, by_id[problem_id], local_only=local_only)
                    ranks[problem_id] = order.index(actor_id) + 1 if actor_id in order else None
                    if show_cases:
                        print(
                            f"  {set_name:6} {model:9} {'local' if local_only else 'all':5} "
                            f"{problem_id:40} rank {ranks[problem_id]}  top3 {order[:3]}"
                        )
                row = {
                    "set": set_name,
                    "model": model,
                    "pool": "same municipality" if local_only else "all actors",
                    "cases": len(expected),
                    **figures(ranks),
                }
                rows.append(row)
        if show_cases:
            print(f"  ({set_name}: index built in {build_ms:.0f} ms)")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", action="store_true", help="print every case")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    rows = evaluate(args.cases)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'set':7}{'model':13}{'pool':19}{'cases':>6}{'top-1':>8}{'top-3':>8}{'MRR':>7}")
    for r in rows:
        print(
            f"{r['set']:7}{r['model']:13}{r['pool']:19}{r['cases']:>6}"
            f"{r['top1']:>8.0%}{r['top3']:>8.0%}{r['mrr']:>7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
