"""Values of the matching engine: settings, reasons, contributions and rankings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from mapper.domain.model import Actor, Location, ProblemStatement
from mapper.domain.vocabulary import read_data_json

CRITERIA = (
    "target_group",
    "resources",
    "roles",
    "actor_kind",
    "prevention",
    "capacity",
    "geography",
    "text",
    "reciprocity",
    "effect",
)
GATES = ("owner", "inactive", "excluded_kind", "missing_required", "too_far", "statutory")


@dataclass(frozen=True)
class Reason:
    """A structured reason; ``mapper.matching.reasons`` renders it in Danish or English."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CriterionResult:
    """One criterion for one pair: a score in [0, 1], or None when it cannot be judged."""

    score: float | None
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Contribution:
    criterion: str
    score: float
    """The criterion's score in [0, 1]; the neutral score when it could not be judged."""
    weight: float
    points: float
    """What it adds to the total (0-100 scale); all points of a match sum to its score."""
    neutral: bool
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Match:
    actor_id: str
    actor_name: str
    actor_kind: str
    score: float
    contributions: tuple[Contribution, ...]
    distance_km: float | None = None
    warnings: tuple[Reason, ...] = ()
    rank: int = 0
    problem_id: str | None = None
    """Set when problems are ranked for an actor (reverse matching)."""
    problem_title: str | None = None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons of the criteria that added most, strongest first."""
        ordered = sorted(self.contributions, key=lambda c: -c.points)
        return tuple(r for c in ordered if not c.neutral for r in c.reasons)


@dataclass(frozen=True)
class Exclusion:
    actor_id: str
    actor_name: str
    gate: str
    reason: Reason


@dataclass(frozen=True)
class Ranking:
    """Actors ranked for one problem (or problems for one actor: then ``subject`` is the actor)."""

    subject_id: str
    matches: tuple[Match, ...]
    excluded: Mapping[str, int]
    """How many actors each hard gate excluded."""
    excluded_examples: tuple[Exclusion, ...]
    weights: Mapping[str, float]
    considered: int
    notes: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class MatchSettings:
    """Weights and parameters (defaults from data/matching.json)."""

    weights: Mapping[str, float]
    params: Mapping[str, Any]
    rotation: bool = False

    @staticmethod
    @cache
    def defaults() -> MatchSettings:
        raw = read_data_json("matching.json")
        params = {k: v for k, v in raw.items() if k not in ("about", "weights")}
        return MatchSettings(weights=dict(raw["weights"]), params=params)

    def with_weights(self, overrides: Mapping[str, float]) -> MatchSettings:
        unknown = set(overrides) - set(CRITERIA)
        if unknown:
            raise ValueError(f"unknown criteria: {', '.join(sorted(unknown))}")
        if any(w < 0 for w in overrides.values()):
            raise ValueError("weights cannot be negative")
        return replace(self, weights={**self.weights, **overrides})


@dataclass(frozen=True)
class Candidate:
    """An actor as the matcher sees it: the record plus what the register knows around it."""

    actor: Actor
    seeks: frozenset[str] = frozenset()
    """Resource kinds the actor itself seeks through its own open problem statements."""
    recent_proposals: int = 0
    """How often it was proposed as a partner within the rotation window."""


@dataclass(frozen=True)
class ProblemContext:
    """A problem statement with what matching derives from it and its owner."""

    problem: ProblemStatement
    point: tuple[float, float] | None
    municipality_code: str | None
    owner: Actor | None = None

    @staticmethod
    def of(problem: ProblemStatement, owner: Actor | None) -> ProblemContext:
        location: Location = problem.location
        if not location.has_point and owner is not None:
            location = owner.location
        point = (location.lat, location.lon) if location.has_point else None
        municipality = (
            problem.municipality_code
            or problem.location.municipality_code
            or (owner.location.municipality_code if owner else None)
        )
        return ProblemContext(problem, point, municipality, owner)  # type: ignore[arg-type]

    @property
    def query_text(self) -> str:
        p = self.problem
        return p.seeking.description or p.description or p.title
