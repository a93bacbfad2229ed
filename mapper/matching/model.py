"""Values of the matching engine: settings, reasons, contributions and rankings."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from numbers import Real
from typing import TYPE_CHECKING, Any, Protocol

from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.model import Actor, Location, ProblemStatement
from mapper.domain.vocabulary import read_data_json
from mapper.geo.reference import municipality_name

if TYPE_CHECKING:
    from mapper.matching.lexicon import ActorInference

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
    sign: int = 0
    """+1 speaks for the match, -1 against it, 0 is information (or not known)."""


@dataclass(frozen=True)
class CriterionResult:
    """One criterion for one pair: a score in [0, 1], or None when it cannot be judged."""

    score: float | None
    reasons: tuple[Reason, ...] = ()
    unknown: bool = False
    """The actor's side gives no data for it ('ikke oplyst'): counted as neutral, or lower
    where the problem requires it, and it lowers the match's confidence."""


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
    unknown: bool = False
    """The actor's data for this criterion is missing (see CriterionResult.unknown)."""


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

    @property
    def reasons_for(self) -> tuple[Reason, ...]:
        """What speaks for the match, from the criteria that added most."""
        ordered = sorted(self.contributions, key=lambda c: -c.points)
        return tuple(r for c in ordered for r in c.reasons if r.sign > 0)

    @property
    def reasons_against(self) -> tuple[Reason, ...]:
        """What speaks against it, the criteria that cost most first."""
        total = sum(c.weight for c in self.contributions) or 1.0

        def lost(c: Contribution) -> float:
            # Points a criterion fell short of its maximum; a penalty loses what it subtracts.
            return 100.0 * c.weight * (1.0 - c.score) / total if c.weight else -c.points

        ordered = sorted(self.contributions, key=lambda c: -lost(c))
        return tuple(r for c in ordered for r in c.reasons if r.sign < 0)

    @property
    def not_given(self) -> tuple[Reason, ...]:
        """Criteria the actor's profile does not inform ('ikke oplyst')."""
        return tuple(r for c in self.contributions if c.unknown for r in c.reasons if not r.sign)

    @property
    def confidence(self) -> float:
        """The share of the weight judged on the actor's own data (1.0: nothing missing)."""
        total = sum(c.weight for c in self.contributions)
        unknown = sum(c.weight for c in self.contributions if c.unknown)
        return 1.0 - unknown / total if total else 1.0

    @property
    def unresolved(self) -> bool:
        """Kept although it may lack what the problem requires ('uafklaret')."""
        return any(w.code == "required_unresolved" for w in self.warnings)


@dataclass(frozen=True)
class Exclusion:
    actor_id: str
    actor_name: str
    gate: str
    reason: Reason


@dataclass(frozen=True)
class ExistingPartner:
    """A partnership already recorded on the problem, shown beside its ranking."""

    actor_id: str
    actor_name: str
    stage: str


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
    existing: tuple[ExistingPartner, ...] = ()
    """Partnerships already recorded on the problem (any stage), for the coordinator."""
    subject_title: str | None = None
    """The problem's title (or the actor's name), for headings."""


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

    def with_weights(
        self, overrides: Mapping[str, float], *, record: str = "weights"
    ) -> MatchSettings:
        """These settings with ``overrides`` in place of their weights. Every weight must be a
        finite number from 0 to MAX_WEIGHT (NaN or infinity would turn every score into NaN
        and empty every ranking); a ValidationError names each criterion and value that is
        not, as a problem of ``record`` (the problem statement whose weights they are)."""
        problems = [
            found
            for name, value in overrides.items()
            if (found := weight_problem(record, name, value)) is not None
        ]
        if problems:
            raise ValidationError(problems, source=record)
        weights = {name: float(value) for name, value in overrides.items()}
        return replace(self, weights={**self.weights, **weights})


MAX_WEIGHT = 1000.0
"""The largest weight of a criterion: far beyond any useful one (the sliders stop at 5), and
small enough that the weights' sum stays finite."""


def weight_problem(record: str, criterion: object, value: object) -> InputProblem | None:
    """What is wrong with one weight (None: it can be used)."""
    field = f"weights.{criterion}"
    if criterion not in CRITERIA:
        close = difflib.get_close_matches(str(criterion), CRITERIA, n=1)
        return InputProblem(
            record,
            field,
            value,
            f"unknown criteria: {criterion}",
            f"one of {', '.join(CRITERIA)}",
            code="unknown_field",
            params={"nearest": f"weights.{close[0]}" if close else None},
        )
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        return InputProblem(
            record,
            field,
            value,
            "a weight must be a finite number",
            f"a number from 0 to {MAX_WEIGHT:g}",
            code="not_a_number",
        )
    number = float(value)
    if number < 0 or number > MAX_WEIGHT:
        return InputProblem(
            record,
            field,
            value,
            "weights cannot be negative" if number < 0 else f"weights cannot exceed {MAX_WEIGHT:g}",
            f"a number from 0 to {MAX_WEIGHT:g}",
            code="out_of_range",
            params={"min": 0, "max": MAX_WEIGHT},
        )
    return None


@dataclass(frozen=True)
class Candidate:
    """An actor as the matcher sees it: the record plus what the register knows around it."""

    actor: Actor
    seeks: frozenset[str] = frozenset()
    """Resource kinds the actor itself seeks through its own open problem statements."""
    recent_proposals: int = 0
    """How often it was proposed as a partner within the rotation window."""
    inferred: ActorInference | None = None
    """Codes its texts speak of that it has not declared (None: not analysed, none used)."""


class TextRelevance(Protocol):
    """The text relevance of every actor for one problem (text_relevance.TextScores)."""

    @property
    def counted(self) -> bool:
        """Whether any of the problem's terms counts."""
        ...

    def known(self, actor_id: str) -> bool:
        """Whether the actor has any text at all."""
        ...

    def score(self, actor_id: str) -> float: ...

    def concepts_of(self, actor_id: str) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class FoundPlace:
    """Where a problem's postcode (or town) lies, as the geo service resolved it."""

    lat: float
    lon: float
    municipality_code: str | None
    label: str
    """What was resolved, for the reason shown, e.g. '6760 Ribe'."""


# Where a problem's point comes from (ProblemContext.located_from).
LOCATED_BY_PROBLEM = "problem"
"""Its own coordinates."""
LOCATED_BY_POSTCODE = "postcode"
"""Its postcode or town, resolved by the geo service."""
LOCATED_BY_OWNER = "owner"
"""It states no place at all: its owner's point stands in."""
PLACE_UNRESOLVED = "unresolved"
"""It states a postcode, town or address that could not be placed: distances are unknown."""
MUNICIPALITY_ONLY = "municipality"
"""It states only its municipality: distances are unknown, the municipality still counts."""


@dataclass(frozen=True)
class ProblemContext:
    """A problem statement with what matching derives from it and its owner."""

    problem: ProblemStatement
    point: tuple[float, float] | None
    municipality_code: str | None
    owner: Actor | None = None
    located_from: str | None = None
    """One of the LOCATED_BY_* / PLACE_UNRESOLVED / MUNICIPALITY_ONLY values; None when
    neither the problem nor its owner has a place."""
    place: str | None = None
    """The place the point or the failure refers to ('6760 Ribe', the owner's name …)."""
    text: TextRelevance | None = None
    """The text relevance of the actors for this problem, computed once per ranking (None:
    not computed; ranking.rank_candidates computes it over its candidates)."""

    @staticmethod
    def of(
        problem: ProblemStatement, owner: Actor | None, found: FoundPlace | None = None
    ) -> ProblemContext:
        """The problem's point: its own coordinates, else ``found`` (its postcode or town,
        resolved by the caller). Only a problem that states no place at all is measured from
        its owner; one whose place cannot be resolved has no point, so no distance limit
        applies to it (a Ribe problem is not measured from its Esbjerg owner)."""
        location: Location = problem.location
        stated = _stated_place(problem)
        point: tuple[float, float] | None = None
        municipality = problem.municipality_code or location.municipality_code
        place: str | None = None
        if location.lat is not None and location.lon is not None:
            point, located_from = (location.lat, location.lon), LOCATED_BY_PROBLEM
        elif found is not None:
            point, located_from, place = (found.lat, found.lon), LOCATED_BY_POSTCODE, found.label
            municipality = municipality or found.municipality_code
        elif stated:
            located_from, place = PLACE_UNRESOLVED, stated
        elif municipality:
            located_from, place = MUNICIPALITY_ONLY, municipality_name(municipality) or municipality
        elif owner is not None:
            own = owner.location
            if own.lat is not None and own.lon is not None:
                point, located_from, place = (own.lat, own.lon), LOCATED_BY_OWNER, owner.name
            else:
                located_from = None
            municipality = own.municipality_code
        else:
            located_from = None
        return ProblemContext(problem, point, municipality, owner, located_from, place)

    @property
    def location_note(self) -> Reason | None:
        """Says where distances are measured from, unless the problem has coordinates."""
        if self.located_from in (None, LOCATED_BY_PROBLEM):
            return None
        return Reason(f"located_{self.located_from}", {"place": self.place or ""})

    @property
    def query_text(self) -> str:
        p = self.problem
        return p.seeking.description or p.description or p.title


def _stated_place(problem: ProblemStatement) -> str | None:
    """The postcode, town or address the problem states (for the reason), or None."""
    location = problem.location
    parts = [(location.postcode or "").strip(), (location.city or "").strip()]
    text = " ".join(p for p in parts if p) or (location.address or "").strip()
    return text or None
