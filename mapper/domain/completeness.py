"""How complete an actor's dating profile is, and what to fill in next.

Matching reads some parts of a profile far more than others: target groups and resources carry
most of the default weight (data/matching.json), then the place, the purpose text and the roles.
A profile's completeness is the weighted share of those parts that are filled in, and the part
to fill in next is the heaviest one missing. Staff see it in the editor and can list the
incomplete profiles in the register.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from mapper.domain.model import Actor

PARTS: Final[tuple[tuple[str, float], ...]] = (
    ("target_groups", 3.0),
    ("resources_offered", 3.0),
    ("location.postcode", 2.0),
    ("profile.we_are", 2.0),
    ("roles", 1.5),
    ("prevention_levels", 1.0),
    ("profile.role_towards_target_group", 1.0),
    ("profile.best_at", 1.0),
    ("profile.how_we_know_it_works", 0.5),
    ("profile.worst_at", 0.5),
    ("profile.success_examples", 0.5),
    ("profile.attractive_partner_because", 0.5),
    ("contact.email", 0.5),
)
"""(interchange path, weight), heaviest first: what matching and coordinators need most."""


@dataclass(frozen=True)
class Completeness:
    share: float
    """0-1: the weighted share of PARTS filled in."""
    missing: tuple[str, ...]
    """Paths of the parts not filled in, heaviest first (the first is 'fill this in next')."""

    @property
    def percent(self) -> int:
        return round(self.share * 100)


def _value(actor: Actor, path: str) -> Any:
    value: Any = actor
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (tuple, list)):
        return bool(value)
    return True


def completeness(actor: Actor) -> Completeness:
    return completeness_of(path for path, _ in PARTS if _filled(_value(actor, path)))


def completeness_of(filled: Iterable[str]) -> Completeness:
    """The completeness of a profile whose filled-in parts (PARTS paths) are these (the
    register computes them in SQL, without loading every actor)."""
    done = set(filled)
    total = sum(weight for _, weight in PARTS)
    share = sum(weight for path, weight in PARTS if path in done) / total
    return Completeness(share, tuple(path for path, _ in PARTS if path not in done))
