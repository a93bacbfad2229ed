"""Evaluate the matcher, and a naive baseline, on the three evaluation sets: top-1, top-3, MRR.

    .venv/bin/python bench/evaluate_matching.py              # the table
    .venv/bin/python bench/evaluate_matching.py --cases      # and every case
    .venv/bin/python bench/evaluate_matching.py --json       # machine-readable
    .venv/bin/python bench/evaluate_matching.py --no-inference   # when the matcher offers it
    .venv/bin/python bench/evaluate_matching.py --set full --without-gates   # scores only

The sets (tests/evaluation/):
- **full**: 18 real partnerships with full dating profiles among distractors (landscape.json,
  expected.json);
- **sparse**: 26 cases in four municipalities where most actors have only a name, a kind, a
  place and one purpose sentence, and the true partner says it in other words (sparse/);
- **coordinator**: the demo landscape's 14 problems with the top 3 a coordinator would pick
  (coordinator/coordinator.json). Agreement is the share of the coordinator's top 3 found in
  the matcher's top 3; "top-1 agreement" how often both put the same actor first.

Each set is imported into a fresh SQLite file and every problem ranked against all actors. The
**naive baseline** ranks the same actors by "same municipality as the problem" (1 point) plus
the share of the problem's words found in the actor's texts (0-1), with no codes at all.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import math
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVALUATION = ROOT / "tests" / "evaluation"
SETS = ("full", "sparse", "coordinator")
INFERENCE_UNAVAILABLE = "inference: not available"


@dataclass(frozen=True)
class CaseResult:
    problem_id: str
    expected: str
    rank: int | None
    top3: tuple[str, ...]


@dataclass(frozen=True)
class EvaluationSet:
    name: str
    document: dict[str, Any]
    expected: dict[str, list[str]]
    """Problem id → the expected actor ids: one for full and sparse, the coordinator's 3."""


# ----------------------------------------------------------------- the sets


def evaluation_document(*, without_gates: bool = False) -> dict[str, Any]:
    """The full evaluation landscape; ``without_gates`` drops required resources, distance limits
    and excluded kinds, so the scored criteria alone must find the partner (a harder test)."""
    doc: dict[str, Any] = json.loads((EVALUATION / "landscape.json").read_text("utf-8"))
    if without_gates:
        for problem in doc["problems"]:
            seeking = problem.get("seeking", {})
            for key in ("required_resources", "max_distance_km", "excluded_actor_kinds"):
                seeking.pop(key, None)
    return doc


def _read(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def load_set(name: str, *, without_gates: bool = False) -> EvaluationSet:
    """One evaluation set by name (full, sparse or coordinator)."""
    if name == "full":
        cases = _read(EVALUATION / "expected.json")["cases"]
        expected = {c["problem_id"]: [c["expected_actor_id"]] for c in cases}
        return EvaluationSet(name, evaluation_document(without_gates=without_gates), expected)
    if name == "sparse":
        cases = _read(EVALUATION / "sparse" / "expected.json")["cases"]
        expected = {c["problem_id"]: [c["expected_actor_id"]] for c in cases}
        return EvaluationSet(name, _read(EVALUATION / "sparse" / "landscape.json"), expected)
    if name == "coordinator":
        picks = _read(EVALUATION / "coordinator" / "coordinator.json")["problems"]
        expected = {p["problem_id"]: [t["actor_id"] for t in p["top3"]] for p in picks}
        return EvaluationSet(name, _read(ROOT / "data" / "demo_landscape.json"), expected)
    raise ValueError(f"unknown evaluation set: {name}")


# ----------------------------------------------------------------- the matcher


def inference_switch() -> str | None:
    """How the matcher lets inference be switched off, if it does: the keyword of
    ``rank_actors_for_problem``, a field of MatchSettings or a key of its params
    (data/matching.json); None when it does not."""
    from mapper.matching.model import MatchSettings
    from mapper.services.matching import MatchingService

    parameters = inspect.signature(MatchingService.rank_actors_for_problem).parameters
    for name in ("inference", "use_inference"):
        if name in parameters:
            return f"argument:{name}"
    fields = {f.name for f in dataclasses.fields(MatchSettings)}
    params = MatchSettings.defaults().params
    for name in ("inference", "use_inference"):
        if name in fields:
            return f"setting:{name}"
        if name in params:
            return f"param:{name}"
    return None


def matcher_rankings(
    db_path: str, evaluation: EvaluationSet, *, inference: bool = True
) -> dict[str, list[str]]:
    """Problem id → every actor id the matcher ranks for it, best first (empty when the
    matcher refuses the problem)."""
    from mapper.domain.errors import MapperError
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService
    from mapper.services.matching import MatchingService

    switch = inference_switch() if not inference else None
    if not inference and switch is None:
        raise RuntimeError(INFERENCE_UNAVAILABLE)
    database = open_database(db_path)
    try:
        LandscapeService(database).import_document(evaluation.document)
        service = MatchingService(database)
        rank: Callable[..., Any] = service.rank_actors_for_problem
        kwargs: dict[str, Any] = {}
        if switch and switch.startswith("argument:"):
            kwargs[switch.split(":", 1)[1]] = False
        elif switch and switch.startswith("setting:"):
            field = switch.split(":", 1)[1]
            settings_for = service.settings_for

            def without_inference(*args: Any, **kw: Any) -> Any:
                changes: dict[str, Any] = {field: False}
                return dataclasses.replace(settings_for(*args, **kw), **changes)

            service.settings_for = without_inference  # type: ignore[method-assign]
        elif switch and switch.startswith("param:"):
            key = switch.split(":", 1)[1]
            settings_for_params = service.settings_for

            def without_inference_param(*args: Any, **kw: Any) -> Any:
                settings = settings_for_params(*args, **kw)
                return dataclasses.replace(settings, params={**settings.params, key: False})

            service.settings_for = without_inference_param  # type: ignore[method-assign]
        rankings: dict[str, list[str]] = {}
        for problem_id in evaluation.expected:
            try:
                ranking = rank(problem_id, top=10_000, **kwargs)
            except MapperError:
                rankings[problem_id] = []
                continue
            rankings[problem_id] = [m.actor_id for m in ranking.matches]
        return rankings
    finally:
        database.close()


def evaluate(db_path: str, *, without_gates: bool = False) -> list[CaseResult]:
    """The full set with the matcher, one result per case (kept for tests/…/test_evaluation)."""
    evaluation = load_set("full", without_gates=without_gates)
    return case_results(evaluation, matcher_rankings(db_path, evaluation))


# ----------------------------------------------------------------- the naive baseline

_WORD = re.compile(r"[a-zæøåéü0-9]+")


def _stopwords() -> frozenset[str]:
    path = ROOT / "data" / "stopwords_da.txt"
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    return frozenset(w.lower() for line in lines if not line.startswith("#") for w in line.split())


def _words(texts: Iterable[Any], stop: frozenset[str]) -> set[str]:
    words: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            words.update(w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in stop)
    return words


def _texts(record: Mapping[str, Any]) -> list[Any]:
    """Every free text of an actor or problem: name/title, descriptions, profile texts."""
    out: list[Any] = [record.get("name"), record.get("title"), record.get("description")]
    for key in ("our_role", "how_we_know_it_works", "partner_gets"):
        out.append(record.get(key))
    seeking = record.get("seeking") or {}
    out += [seeking.get("description"), seeking.get("must_not")]
    for resource in [*record.get("resources_offered", []), *seeking.get("resources", [])]:
        out.append(resource.get("description") if isinstance(resource, Mapping) else None)
    for value in (record.get("profile") or {}).values():
        out += value if isinstance(value, list) else [value]
    return out


def _municipality(record: Mapping[str, Any]) -> str | None:
    code = record.get("municipality_code") or (record.get("location") or {}).get(
        "municipality_code"
    )
    return code if isinstance(code, str) else None


def baseline_rankings(evaluation: EvaluationSet) -> dict[str, list[str]]:
    """Same municipality (1) + share of the problem's words in the actor's texts (0-1); ties
    in document order. Every actor but the problem's owner is ranked."""
    stop = _stopwords()
    actors = evaluation.document["actors"]
    actor_words = {a["id"]: _words(_texts(a), stop) for a in actors}
    problems = {p["id"]: p for p in evaluation.document["problems"]}
    rankings = {}
    for problem_id in evaluation.expected:
        problem = problems[problem_id]
        words = _words(_texts(problem), stop)
        muni = _municipality(problem)
        scored = []
        for order, actor in enumerate(actors):
            if actor["id"] == problem.get("owner_id"):
                continue
            overlap = len(words & actor_words[actor["id"]]) / len(words) if words else 0.0
            same = 1.0 if muni and _municipality(actor) == muni else 0.0
            scored.append((-(same + overlap), order, actor["id"]))
        rankings[problem_id] = [actor_id for _, _, actor_id in sorted(scored)]
    return rankings


# ----------------------------------------------------------------- figures


def case_results(
    evaluation: EvaluationSet, rankings: Mapping[str, Sequence[str]]
) -> list[CaseResult]:
    results = []
    for problem_id, expected in evaluation.expected.items():
        ids = list(rankings.get(problem_id, []))
        target = expected[0]
        rank = ids.index(target) + 1 if target in ids else None
        results.append(CaseResult(problem_id, target, rank, tuple(ids[:3])))
    return results


def summary(results: list[CaseResult]) -> dict[str, float]:
    n = len(results)
    return {
        "cases": n,
        "top1": sum(1 for r in results if r.rank == 1) / n,
        "top3": sum(1 for r in results if r.rank is not None and r.rank <= 3) / n,
        "mrr": sum(1 / r.rank for r in results if r.rank) / n,
    }


def figures(evaluation: EvaluationSet, rankings: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """top-1, top-3 and MRR of the (first) expected actor; for the coordinator set also the
    agreement (share of its top 3 in the ranking's top 3) and top-1 agreement."""
    result = summary(case_results(evaluation, rankings))
    if evaluation.name == "coordinator":
        shares = [
            len(set(picks) & set(list(rankings.get(pid, []))[:3])) / len(picks)
            for pid, picks in evaluation.expected.items()
        ]
        result["agreement"] = sum(shares) / len(shares)
        result["top1_agreement"] = result["top1"]
    return result


def run(
    names: Sequence[str], *, inference: bool = True, without_gates: bool = False
) -> dict[str, Any]:
    """Figures (and per-case results) of the matcher and the baseline on the named sets;
    ``without_gates`` as in ``evaluation_document`` (the full set only)."""
    out: dict[str, Any] = {"sets": {}}
    for name in names:
        evaluation = load_set(name, without_gates=without_gates)
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            matcher = matcher_rankings(f"{tmp}/{name}.sqlite", evaluation, inference=inference)
        seconds = time.perf_counter() - started
        baseline = baseline_rankings(evaluation)
        out["sets"][name] = {
            "cases": len(evaluation.expected),
            "matcher": figures(evaluation, matcher),
            "baseline": figures(evaluation, baseline),
            "seconds": round(seconds, 2),
            "per_case": [
                {
                    "problem_id": pid,
                    "expected": expected,
                    "matcher_top3": list(matcher.get(pid, []))[:3],
                    "matcher_rank": _rank_of(expected[0], matcher.get(pid, [])),
                    "baseline_top3": baseline[pid][:3],
                    "baseline_rank": _rank_of(expected[0], baseline[pid]),
                }
                for pid, expected in evaluation.expected.items()
            ],
        }
    return out


def _rank_of(actor_id: str, ids: Sequence[str]) -> int | None:
    return list(ids).index(actor_id) + 1 if actor_id in ids else None


def _pct(value: float) -> str:
    return f"{value:.0%}" if math.isfinite(value) else "-"


def table(report: Mapping[str, Any]) -> str:
    lines = [
        "| set | cases | ranker | top-1 | top-3 | MRR | coordinator agreement |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for name, data in report["sets"].items():
        for ranker in ("matcher", "baseline"):
            f = data[ranker]
            agreement = _pct(f["agreement"]) if "agreement" in f else ""
            lines.append(
                f"| {name} | {data['cases']} | {ranker} | {_pct(f['top1'])} | "
                f"{_pct(f['top3'])} | {f['mrr']:.2f} | {agreement} |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cases", action="store_true", help="print every case")
    parser.add_argument(
        "--no-inference", action="store_true", help="rank without codes inferred from text"
    )
    parser.add_argument("--set", choices=SETS, action="append", help="only these sets")
    parser.add_argument(
        "--without-gates",
        action="store_true",
        help="full set: drop required resources, distance limits and excluded kinds",
    )
    args = parser.parse_args(argv)
    switch = inference_switch()
    inference = not (args.no_inference and switch is not None)
    report = run(args.set or SETS, inference=inference, without_gates=args.without_gates)
    report["inference"] = "not available" if switch is None else ("on" if inference else "off")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print("inference: " + report["inference"])
    if args.cases:
        for name, data in report["sets"].items():
            print(f"\n## {name}")
            for case in data["per_case"]:
                rank = case["matcher_rank"]
                mark = "✓" if rank == 1 else ("~" if rank and rank <= 3 else "✗")
                print(
                    f"{mark} {case['problem_id']:<38} expected {case['expected'][0]:<32} "
                    f"rank {rank} (baseline {case['baseline_rank']})  "
                    f"top 3: {', '.join(case['matcher_top3'])}"
                )
        print()
    print(table(report))
    seconds = sum(d["seconds"] for d in report["sets"].values())
    print(f"\n(matcher time incl. import: {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
