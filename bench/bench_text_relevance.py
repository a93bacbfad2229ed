"""Speed and memory of the text-relevance index (mapper/matching/text_relevance.py).

N synthetic actors with full dating profiles (bench/synth.py) are parsed into domain actors
(not timed), the BM25F index is built once (timed: build time and resident memory it adds),
and the synthetic problems are scored against every actor (per-query time, median and 95th
percentile), once over all actors (scores only; a match is made when read) and once over a
candidate subset of 5,000 (``actor_ids``) reading every candidate's match, as the ranking
would after its gates.

    .venv/bin/python bench/bench_text_relevance.py 100000
    .venv/bin/python bench/bench_text_relevance.py 100000 --queries 100 --json
    .venv/bin/python bench/bench_text_relevance.py 100000 --sparse   # one purpose sentence each

The machine is shared: figures taken while other work runs are noisy (say so when you quote
them).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synth import generate_landscape  # noqa: E402

from mapper.domain.model import Actor, Profile  # noqa: E402
from mapper.domain.vocabulary import load_vocabulary  # noqa: E402
from mapper.io.interchange import parse_document  # noqa: E402
from mapper.matching.text_relevance import TextIndex  # noqa: E402


def _resident_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sparse(actor: Actor) -> Actor:
    """The actor as an association list gives it: name, kind, place and one purpose sentence."""
    purpose = (actor.profile.we_are or "").split(". ")[0]
    return Actor(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        location=actor.location,
        profile=Profile(we_are=purpose or None),
    )


def run(n_actors: int, queries: int, seed: int, *, sparse: bool = False) -> dict[str, Any]:
    vocabulary = load_vocabulary()
    started = time.perf_counter()
    doc = generate_landscape(n_actors, seed=seed, n_problems=max(queries, 8))
    landscape = parse_document(doc, vocabulary=vocabulary)
    actors = [_sparse(a) for a in landscape.actors] if sparse else list(landscape.actors)
    problems = list(landscape.problems)[:queries]
    del doc, landscape
    gc.collect()
    prepared_s = time.perf_counter() - started
    before_mb = _resident_mb()
    peak_before_mb = _peak_mb()
    started = time.perf_counter()
    index = TextIndex.build(actors, vocabulary)
    build_s = time.perf_counter() - started
    gc.collect()
    index_mb = _resident_mb() - before_mb
    # Warm one query (first-time caches), then time the rest.
    index.scores(problems[0])
    all_ms: list[float] = []
    subset_ms: list[float] = []
    hits: list[int] = []
    subset = [a.id for a in actors[:: max(1, len(actors) // 5000)]]
    for problem in problems:
        t = time.perf_counter()
        result = index.scores(problem)
        all_ms.append((time.perf_counter() - t) * 1000)
        hits.append(len(result))
        t = time.perf_counter()
        limited = index.scores(problem, actor_ids=subset)
        read = [limited.get(a) for a in subset]  # what a ranking reads: every candidate's match
        subset_ms.append((time.perf_counter() - t) * 1000)
        assert len(read) == len(subset)

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, round(0.95 * len(values)) - 1)]

    return {
        "actors": len(actors),
        "profiles": "sparse" if sparse else "full",
        "queries": len(problems),
        "prepare_s": round(prepared_s, 2),
        "build_s": round(build_s, 2),
        "index_resident_mb": round(index_mb, 1),
        "query_all_median_ms": round(statistics.median(all_ms), 1),
        "query_all_p95_ms": round(p95(all_ms), 1),
        "query_subset_median_ms": round(statistics.median(subset_ms), 1),
        "subset_size": len(subset),
        "actors_scored_median": statistics.median(hits),
        "peak_rss_before_build_mb": round(peak_before_mb, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("actors", nargs="?", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--sparse", action="store_true", help="keep only name, kind, place and one sentence"
    )
    args = parser.parse_args(argv)
    figures = run(args.actors, args.queries, args.seed, sparse=args.sparse)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:26} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
