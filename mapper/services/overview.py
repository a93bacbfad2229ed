"""The landscape overview (overblik): counts, coverage of target groups by area with the white
spots, offered resources, profile completeness and stale records, and the partnership funnel;
the figures behind the Overblik tab, `mapper stats` and the committee report.

Only organisations' figures name records: individual volunteers are counted, never listed
(privacy by design); ``actors_behind`` leaves them out of any list it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import get_args

from mapper.domain.completeness import completeness_of
from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.municipality import normalise_municipality_code
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo.reference import municipality_name, postcode_place
from mapper.persistence.database import Database
from mapper.persistence.repositories import overview as rows
from mapper.persistence.repositories.overview import AreaLevel as AreaLevel
from mapper.services.privacy import (
    MONTHS_MAX,
    MONTHS_MIN,
    PrivacyService,
    months_before,
    person_kinds,
)

AREA_LEVELS: tuple[str, ...] = get_args(AreaLevel)


WHITE_SPOT_RATIO = 0.34
"""A cell with fewer actors than this share of the expected number is a white spot."""


def is_white_spot(actors: int, expected: float, ratio: float = WHITE_SPOT_RATIO) -> bool:
    """A white spot: at least one actor is expected, and fewer than ``ratio`` of that are
    there (none, or clearly too few). A small area where less than one actor of a rare target
    group is expected is no gap."""
    return expected >= 1 and actors < ratio * expected


@dataclass(frozen=True)
class Count:
    """A code (actor kind, sector, municipality code, postcode …) and how many."""

    code: str
    count: int


@dataclass(frozen=True)
class CoverageCell:
    """Actors working with one target group in one area."""

    target_group: str
    area: str
    """A municipality code (four digits) or a postcode."""
    actors: int
    expected: float
    """How many the area would have if the target group's actors were spread over the areas
    in proportion to the areas' size (all actors in the area relative to all actors)."""
    white_spot: bool
    """No actor, or clearly fewer than expected (see ``OverviewService.white_spot_ratio``)."""


@dataclass(frozen=True)
class Coverage:
    level: AreaLevel
    areas: tuple[str, ...]
    """Area codes, most actors first."""
    area_names: Mapping[str, str]
    target_groups: tuple[str, ...]
    cells: tuple[CoverageCell, ...]
    unplaced: int = 0
    """Actors in scope without an area at this level (counted nowhere in the matrix)."""

    def cell(self, target_group: str, area: str) -> CoverageCell | None:
        for c in self.cells:
            if c.target_group == target_group and c.area == area:
                return c
        return None


@dataclass(frozen=True)
class ResourceSum:
    """An offered resource kind summed over the actors that offer it."""

    kind: str
    actors: int
    hours_per_month: float
    amount_dkk: float


@dataclass(frozen=True)
class Completeness:
    """Profile completeness (mapper.domain.completeness) in bands, and records not verified."""

    bands: tuple[Count, ...]
    """'0-24', '25-49', '50-74', '75-99', '100' (per cent filled) and how many actors."""
    average: float
    """Mean completeness, 0-1."""
    not_verified: int
    """Actors whose verified_on is missing or older than ``stale_months``."""
    stale_months: int


@dataclass(frozen=True)
class Funnel:
    """Partnerships by stage (in workflow order), by type and success factor, and what they
    achieved: how many have their effect documented and at which step of the evidence
    ladder."""

    by_stage: tuple[Count, ...]
    by_type: tuple[Count, ...]
    success_factors: tuple[Count, ...]
    with_effect: int = 0
    """Partnerships whose effect is documented (sådan ved vi, at det virker)."""
    by_evidence: tuple[Count, ...] = ()
    """Partnerships by step of the evidence ladder, in the vocabulary's order."""


@dataclass(frozen=True)
class Overview:
    """Every figure of the overview, for one municipality (None: the whole landscape)."""

    municipality_code: str | None
    generated_at: dt.datetime
    actors: int
    persons: int
    """Individual volunteers among ``actors`` (counted, never listed)."""
    problems: int
    partnerships: int
    by_kind: tuple[Count, ...]
    by_sector: tuple[Count, ...]
    by_area: tuple[Count, ...]
    coverage: Coverage
    resources: tuple[ResourceSum, ...]
    completeness: Completeness
    funnel: Funnel
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ActorRow:
    """An actor behind a figure (never an individual volunteer)."""

    actor_id: str
    name: str
    kind: str
    municipality_code: str | None
    city: str | None


COMPLETENESS_BANDS: tuple[tuple[str, int], ...] = (
    ("0-24", 0),
    ("25-49", 25),
    ("50-74", 50),
    ("75-99", 75),
    ("100", 100),
)
"""The completeness bands and the lowest per cent (as the register rounds it) of each."""


def area_level(municipality_code: str | None, level: AreaLevel) -> AreaLevel:
    """The level areas are counted at: one chosen municipality is always broken down by its
    postcodes (a single column compares nothing)."""
    return "postcode" if municipality_code is not None else level


class OverviewService:
    """The figures of the overview, each an aggregate in the database (no actor is loaded)."""

    white_spot_ratio = WHITE_SPOT_RATIO
    """A cell with fewer actors than this share of ``expected`` (expected ≥ 1) is a white
    spot; with expected below one, even an empty cell is no gap (the area is too small to
    expect an actor of the group)."""

    def __init__(self, database: Database, vocabulary: Vocabulary | None = None) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()

    def overview(
        self,
        municipality_code: str | None = None,
        *,
        level: AreaLevel = "municipality",
        stale_months: int | None = None,
        today: dt.date | None = None,
    ) -> Overview:
        """Every figure for the live records of one municipality (None: the whole landscape).
        Not verified: ``verified_on`` missing or more than ``stale_months`` (default: the
        data review's setting) before ``today``."""
        code = _municipality(municipality_code)
        level = area_level(code, checked_level(level))
        months = self._stale_months(stale_months)
        before = months_before(today or dt.date.today(), months)
        with self.database.unit_of_work() as session:
            kinds = rows.count_by_kind(session, code)
            areas = rows.count_by_area(session, code, level)
            cells = rows.count_coverage(session, code, level)
            resources = rows.resource_totals(session, code)
            groups = rows.completeness_groups(session, code)
            unverified = rows.count_unverified(session, code, before)
            problems = rows.count_problems(session, code)
            funnel = rows.partnership_counts(session, code)
        actors = sum(kinds.values())
        sectors: dict[str, int] = {}
        for kind, n in kinds.items():
            sector = self.vocabulary.sector_of(kind) or UNKNOWN
            sectors[sector] = sectors.get(sector, 0) + n
        return Overview(
            municipality_code=code,
            generated_at=dt.datetime.now(dt.UTC),
            actors=actors,
            persons=sum(n for k, n in kinds.items() if self.vocabulary.holds_personal_data(k)),
            problems=problems,
            partnerships=sum(funnel.by_stage.values()),
            by_kind=_most_first(kinds),
            by_sector=_most_first(sectors),
            by_area=_most_first(areas),
            coverage=self._coverage(level, areas, cells, unplaced=actors - sum(areas.values())),
            resources=tuple(
                ResourceSum(r.kind, r.actors, r.hours_per_month, r.amount_dkk)
                for r in sorted(resources, key=lambda r: (-r.actors, r.kind))
            ),
            completeness=_completeness(groups, actors, unverified, months),
            funnel=self._funnel(funnel),
        )

    def actors_behind(
        self,
        *,
        target_group: str | None = None,
        area: str | None = None,
        level: AreaLevel = "municipality",
        kind: str | None = None,
        municipality_code: str | None = None,
    ) -> list[ActorRow]:
        """The organisations behind a cell or count of the overview, by name: live actors
        that pass every filter given; never individual volunteers. ``area`` is read at the
        level the overview counted at (a chosen municipality's areas are postcodes)."""
        code = _municipality(municipality_code)
        persons = person_kinds(self.vocabulary)
        with self.database.unit_of_work() as session:
            found = rows.actors_behind(
                session,
                municipality_code=code,
                level=area_level(code, checked_level(level)),
                area=area,
                target_group=target_group,
                kind=kind,
                left_out_kinds=persons,
            )
        return [ActorRow(r.uid, r.name, r.kind, r.municipality_code, r.city) for r in found]

    # ----------------------------------------------------------------- parts

    def _stale_months(self, months: int | None) -> int:
        if months is None:
            return PrivacyService(self.database, self.vocabulary).settings().verify_months
        if isinstance(months, bool) or not MONTHS_MIN <= months <= MONTHS_MAX:
            raise ValidationError(
                [
                    InputProblem(
                        "overview",
                        "stale_months",
                        months,
                        f"must be a whole number of months from {MONTHS_MIN} to {MONTHS_MAX}",
                        code="out_of_range",
                        params={"min": MONTHS_MIN, "max": MONTHS_MAX},
                    )
                ],
                source="overview",
            )
        return months

    def _coverage(
        self,
        level: AreaLevel,
        areas: Mapping[str, int],
        cells: Mapping[tuple[str, str], int],
        *,
        unplaced: int,
    ) -> Coverage:
        order = _most_first(areas)
        placed = sum(areas.values())
        totals: dict[str, int] = {}
        for (group, _), n in cells.items():
            totals[group] = totals.get(group, 0) + n
        known = [t.code for t in self.vocabulary.terms("target_groups") if t.code in totals]
        groups = (*known, *sorted(set(totals) - set(known)))
        found = []
        for group in groups:
            for area in order:
                actors = cells.get((group, area.code), 0)
                expected = totals[group] * area.count / placed
                found.append(
                    CoverageCell(
                        target_group=group,
                        area=area.code,
                        actors=actors,
                        expected=expected,
                        white_spot=is_white_spot(actors, expected, self.white_spot_ratio),
                    )
                )
        return Coverage(
            level=level,
            areas=tuple(a.code for a in order),
            area_names={a.code: _area_name(level, a.code) for a in order},
            target_groups=groups,
            cells=tuple(found),
            unplaced=unplaced,
        )

    def _funnel(self, counts: rows.PartnershipCounts) -> Funnel:
        return Funnel(
            by_stage=_in_order(self.vocabulary, "partnership_stages", counts.by_stage),
            by_type=_in_order(
                self.vocabulary,
                "partnership_types",
                {k: n for k, n in counts.by_type.items() if k is not None},
            ),
            success_factors=_in_order(
                self.vocabulary, "partnership_success_factors", counts.success_factors
            ),
            with_effect=counts.with_effect,
            by_evidence=_in_order(self.vocabulary, "evidence_levels", counts.by_evidence),
        )


UNKNOWN = "unknown"
"""The sector of an actor kind the vocabulary does not know."""


def _municipality(code: str | None) -> str | None:
    return None if code is None else normalise_municipality_code(code)


def checked_level(level: str, record: str = "overview") -> AreaLevel:
    """``level`` as an AreaLevel; ValidationError naming ``record`` for any other text."""
    if level not in AREA_LEVELS:
        raise ValidationError(
            [
                InputProblem(
                    record,
                    "level",
                    level,
                    f"must be one of {', '.join(AREA_LEVELS)}",
                    code="not_one_of",
                    params={"choices": AREA_LEVELS, "nearest": None},
                )
            ],
            source=record,
        )
    return "postcode" if level == "postcode" else "municipality"


def _most_first(counts: Mapping[str, int]) -> tuple[Count, ...]:
    return tuple(Count(code, n) for code, n in sorted(counts.items(), key=lambda c: (-c[1], c[0])))


def _in_order(vocabulary: Vocabulary, facet: str, counts: Mapping[str, int]) -> tuple[Count, ...]:
    """Every code of the facet in the vocabulary's order (zeros too: a funnel shows its empty
    stages), then codes the vocabulary does not know."""
    known = [t.code for t in vocabulary.terms(facet)]
    others = sorted(set(counts) - set(known))
    return tuple(Count(code, counts.get(code, 0)) for code in (*known, *others))


def _area_name(level: AreaLevel, code: str) -> str:
    if level == "municipality":
        return municipality_name(code) or code
    place = postcode_place(code)
    return place.name if place else code


def _band(percent: int) -> str:
    return next(name for name, low in reversed(COMPLETENESS_BANDS) if percent >= low)


def _completeness(
    groups: list[tuple[frozenset[str], int]], actors: int, unverified: int, months: int
) -> Completeness:
    bands = dict.fromkeys((name for name, _ in COMPLETENESS_BANDS), 0)
    total = 0.0
    for filled, n in groups:
        # The register's Udfyldt column: completeness_of(filled).percent, per actor.
        measured = completeness_of(filled)
        bands[_band(measured.percent)] += n
        total += measured.share * n
    return Completeness(
        bands=tuple(Count(name, n) for name, n in bands.items()),
        average=total / actors if actors else 0.0,
        not_verified=unverified,
        stale_months=months,
    )
