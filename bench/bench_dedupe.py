"""De-duplication speed: N new records against N existing actors (find_duplicates).

The existing actors are a synthetic landscape (bench/synth.py); the new records are another
synthetic landscape of the same size in which every fifth record is an existing actor written
differently (case, "Foreningen" in front, a letter dropped, "Kbh." for København, another
e-mail), as a second export of the same register would have it.

    .venv/bin/python bench/bench_dedupe.py 50000
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import generate_landscape

from mapper.domain.dedupe import find_duplicates
from mapper.domain.model import Actor
from mapper.io.bulk import collector_paused
from mapper.io.interchange import actor_from_dict


def respelled(rng: random.Random, actor: Actor, new_id: str) -> Actor:
    """The same actor as another system exports it."""
    name = actor.name
    change = rng.randrange(4)
    if change == 0:
        name = name.upper()
    elif change == 1:
        name = f"Foreningen {name}"
    elif change == 2 and len(name) > 6:
        at = rng.randrange(1, len(name) - 1)
        name = name[:at] + name[at + 1 :]
    else:
        name = name.replace("København", "Kbh.")
    return dataclasses.replace(actor, id=new_id, name=name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    existing = [
        actor_from_dict(a)
        for a in generate_landscape(args.size, seed=args.seed, n_problems=0)["actors"]
    ]
    fresh = [
        dataclasses.replace(actor_from_dict(a), id=f"new-{i}")
        for i, a in enumerate(
            generate_landscape(args.size, seed=args.seed + 1, n_problems=0)["actors"]
        )
    ]
    planted = set()
    for i in range(0, len(fresh), 5):
        original = rng.choice(existing)
        fresh[i] = respelled(rng, original, f"new-{i}")
        planted.add((min(original.id, f"new-{i}"), max(original.id, f"new-{i}")))
    gc.collect()
    started = time.perf_counter()
    with collector_paused():  # as the services call it
        pairs = find_duplicates(fresh, existing)
    elapsed = time.perf_counter() - started
    merges = sum(p.decision == "merge" for p in pairs)
    found = planted & {(p.first_id, p.second_id) for p in pairs}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"find_duplicates: {len(fresh):,} new × {len(existing):,} existing in {elapsed:.2f} s; "
        f"{len(pairs):,} pairs ({merges:,} merge, {len(pairs) - merges:,} review); "
        f"peak RSS {peak:.0f} MB (whole process); {len(found):,} of the {len(planted):,} "
        "re-spelt existing actors found"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
