"""Consortium proposals (konsortieforslag): a few actors who together cover what a problem
statement seeks, chosen from its ranked partners by greedy set cover.

Pure: over the problem, the ranked matches and the matched actors. The sizes are data:
``consortium`` in data/matching.json.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    problem_title: str = ""


@dataclass(frozen=True)
class ConsortiumParams:
    min_members: int
    """A single actor that covers everything gets a backup partner up to this size."""
    max_members: int
    pool: int
    """How many of the best-ranked partners are considered."""
    local_margin: float = 10.0
    """Between actors that cover equally much, one in the problem's own municipality is
    preferred when its score is at most this many points below the better ranked."""

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
        margin = raw.get("local_margin_points", 10.0) if isinstance(raw, Mapping) else None
        if not isinstance(margin, (int, float)) or isinstance(margin, bool) or margin < 0:
            raise ValueError(
                f"{where}.local_margin_points must be a number of at least 0: {margin!r}"
            )
        if values["min_members"] > values["max_members"]:
            raise ValueError(
                f"{where}.min_members ({values['min_members']}) is more than max_members "
                f"({values['max_members']})"
            )
        return ConsortiumParams(**values, local_margin=float(margin))


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


def _pick(
    pool: Sequence[Match],
    gain: Callable[[Match], int],
    actors: Mapping[str, Actor],
    municipality: str | None,
    margin: float,
) -> Match:
    """The actor that gains most; of equals the better ranked, unless one in the problem's
    own municipality scores within ``margin`` points of it."""
    most = max(gain(m) for m in pool)
    tied = [m for m in pool if gain(m) == most]
    first = tied[0]
    if municipality is not None:
        for m in tied:
            local = actors[m.actor_id].location.municipality_code == municipality
            if local and m.score >= first.score - margin:
                return m
    return first


def propose_consortium(
    problem: ProblemStatement,
    ranked: Sequence[Match],
    actors: Mapping[str, Actor],
    max_members: int = 4,
    min_members: int = 2,
    municipality: str | None = None,
    local_margin: float = 10.0,
) -> Consortium:
    """Greedy set cover: repeatedly take the ranked actor that covers most of what is still
    missing (the better ranked on ties, or one in the problem's ``municipality`` scoring
    within ``local_margin`` points of it), at most ``max_members``; while there are fewer than
    ``min_members``, add the best-ranked actors that back up most of what is covered."""
    sought = sought_items(problem)
    missing = list(sought)
    members: list[ConsortiumMember] = []
    pool = [m for m in ranked if m.actor_id in actors]
    while missing and len(members) < max_members and pool:
        still = set(missing)
        best = _pick(
            pool,
            lambda m, still=still: len(offered_items(actors[m.actor_id]) & still),  # type: ignore[misc]
            actors,
            municipality,
            local_margin,
        )
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
            backup = _pick(
                pool,
                lambda m: len(offered_items(actors[m.actor_id]) & covered),
                actors,
                municipality,
                local_margin,
            )
            members.append(
                ConsortiumMember(
                    backup, (), tuple(sorted(offered_items(actors[backup.actor_id]) & covered))
                )
            )
            pool.remove(backup)
    return Consortium(problem.id, tuple(members), tuple(sought), tuple(missing), problem.title)
