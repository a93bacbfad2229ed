"""Consortium proposals (konsortieforslag): a few actors who together cover what a problem
statement seeks, chosen from its ranked partners by greedy set cover.

Pure: over the problem, the ranked matches and the matched actors. The sizes are data:
``consortium`` in data/matching.json.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mapper.domain.model import Actor, ProblemStatement
from mapper.matching.model import Match


@dataclass(frozen=True)
class ConsortiumMember:
    match: Match
    covers: tuple[str, ...]
    """Sought items this member is the first to cover ('resource:premises', 'role:referrer')."""
    also_offers: tuple[str, ...]


@dataclass(frozen=True)
class Consortium:
    problem_id: str
    members: tuple[ConsortiumMember, ...]
    sought: tuple[str, ...]
    uncovered: tuple[str, ...]


@dataclass(frozen=True)
class ConsortiumParams:
    min_members: int
    """A single actor that covers everything gets a backup partner up to this size."""
    max_members: int
    pool: int
    """How many of the best-ranked partners are considered."""

    @staticmethod
    def of(params: Mapping[str, Any]) -> ConsortiumParams:
        """The ``consortium`` part of the matching parameters, checked; a ValueError names the
        setting that is wrong."""
        raw = params["consortium"]
        where = "data/matching.json: consortium"
        values = {}
        for key in ("min_members", "max_members", "pool"):
            value = raw.get(key) if isinstance(raw, Mapping) else None
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{where}.{key} must be a whole number of at least 1: {value!r}")
            values[key] = value
        if values["min_members"] > values["max_members"]:
            raise ValueError(
                f"{where}.min_members ({values['min_members']}) is more than max_members "
                f"({values['max_members']})"
            )
        return ConsortiumParams(**values)


def sought_items(problem: ProblemStatement) -> list[str]:
    """What the problem seeks, as 'resource:<kind>' and 'role:<role>' items, in its order."""
    s = problem.seeking
    kinds = list(dict.fromkeys([*(r.kind for r in s.resources), *s.required_resources]))
    return [f"resource:{k}" for k in kinds] + [f"role:{r}" for r in s.roles]


def offered_items(actor: Actor) -> set[str]:
    """What an actor offers, as the same items."""
    return {f"resource:{r.kind}" for r in actor.resources_offered} | {
        f"role:{r}" for r in actor.roles
    }


def propose_consortium(
    problem: ProblemStatement,
    ranked: Sequence[Match],
    actors: Mapping[str, Actor],
    max_members: int = 4,
    min_members: int = 2,
) -> Consortium:
    """Greedy set cover: repeatedly take the ranked actor that covers most of what is still
    missing (the better ranked on ties), at most ``max_members``; while there are fewer than
    ``min_members``, add the best-ranked actors that back up most of what is covered."""
    sought = sought_items(problem)
    missing = list(sought)
    members: list[ConsortiumMember] = []
    pool = [m for m in ranked if m.actor_id in actors]
    while missing and len(members) < max_members and pool:
        # max() keeps the first of equals, i.e. the better ranked actor.
        best = max(pool, key=lambda m: len(offered_items(actors[m.actor_id]) & set(missing)))
        gained = [item for item in missing if item in offered_items(actors[best.actor_id])]
        if not gained:
            break
        members.append(
            ConsortiumMember(
                best,
                tuple(gained),
                tuple(sorted((offered_items(actors[best.actor_id]) & set(sought)) - set(gained))),
            )
        )
        missing = [item for item in missing if item not in gained]
        pool.remove(best)
    if members:
        covered = {item for m in members for item in m.covers}
        while len(members) < min(min_members, max_members) and pool:
            backup = max(pool, key=lambda m: len(offered_items(actors[m.actor_id]) & covered))
            members.append(
                ConsortiumMember(
                    backup, (), tuple(sorted(offered_items(actors[backup.actor_id]) & covered))
                )
            )
            pool.remove(backup)
    return Consortium(problem.id, tuple(members), tuple(sought), tuple(missing))
