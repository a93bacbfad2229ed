"""The SQL of the landscape overview (mapper.services.overview): counts, coverage of target
groups by area, offered resources, profile completeness, verification and the partnership
funnel, each one aggregate query over the live records, without loading any actor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, and_, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from mapper.persistence.repositories.actors import LIVE, filled_parts
from mapper.persistence.store import (
    ACTOR_CODES,
    ACTOR_RESOURCES,
    ACTORS,
    PARTNERSHIP_FACTORS,
    PARTNERSHIPS,
    PROBLEMS,
)

AreaLevel = Literal["municipality", "postcode"]

AREA_COLUMNS = {"municipality": ACTORS.c.municipality_code, "postcode": ACTORS.c.postcode}
"""The actor column that names an actor's area at each level."""

_PARTNERSHIP_SHOWN = (
    PARTNERSHIPS.c.deleted_at.is_(None),
    PROBLEMS.c.deleted_at.is_(None),
    ACTORS.c.deleted_at.is_(None),
)
"""A partnership counts while it, its problem statement and its actor are all live."""


@dataclass(frozen=True)
class ResourceTotal:
    kind: str
    actors: int
    hours_per_month: float
    amount_dkk: float


@dataclass(frozen=True)
class BehindRow:
    uid: str
    name: str
    kind: str
    municipality_code: str | None
    city: str | None


@dataclass(frozen=True)
class PartnershipCounts:
    by_stage: dict[str, int]
    by_type: dict[str | None, int]
    """None: partnerships without a type."""
    success_factors: dict[str, int]
    with_effect: int = 0
    """Partnerships with their effect documented (how we know it works)."""
    by_evidence: dict[str, int] = field(default_factory=dict)
    """Evidence level → partnerships at that step (those without one left out)."""


def _in_scope(municipality_code: str | None) -> list[ColumnElement[bool]]:
    """Live actors, in the municipality when one is given."""
    where = [LIVE]
    if municipality_code is not None:
        where.append(ACTORS.c.municipality_code == municipality_code)
    return where


def _has_area(level: AreaLevel) -> ColumnElement[bool]:
    column = AREA_COLUMNS[level]
    return and_(column.is_not(None), column != "")


def count_by_kind(session: Session, municipality_code: str | None) -> dict[str, int]:
    """Actor kind → live actors of that kind."""
    stmt = (
        select(ACTORS.c.kind, func.count())
        .where(*_in_scope(municipality_code))
        .group_by(ACTORS.c.kind)
    )
    return {str(kind): int(n) for kind, n in session.execute(stmt)}


def count_by_area(
    session: Session, municipality_code: str | None, level: AreaLevel
) -> dict[str, int]:
    """Area code → live actors in it (actors without an area at this level left out)."""
    column = AREA_COLUMNS[level]
    stmt = (
        select(column, func.count())
        .where(*_in_scope(municipality_code), _has_area(level))
        .group_by(column)
    )
    return {str(area): int(n) for area, n in session.execute(stmt)}


def count_coverage(
    session: Session, municipality_code: str | None, level: AreaLevel
) -> dict[tuple[str, str], int]:
    """(target group, area) → live actors with an area at this level working with it."""
    column = AREA_COLUMNS[level]
    stmt = (
        select(ACTOR_CODES.c.code, column, func.count(distinct(ACTORS.c.pk)))
        .select_from(ACTORS)
        .join(ACTOR_CODES, ACTOR_CODES.c.actor_pk == ACTORS.c.pk)
        .where(
            *_in_scope(municipality_code),
            _has_area(level),
            ACTOR_CODES.c.facet == "target_group",
        )
        .group_by(ACTOR_CODES.c.code, column)
    )
    return {(str(group), str(area)): int(n) for group, area, n in session.execute(stmt)}


def resource_totals(session: Session, municipality_code: str | None) -> list[ResourceTotal]:
    """Per offered resource kind: the live actors offering it, their hours per month and
    amounts in kroner summed."""
    stmt = (
        select(
            ACTOR_RESOURCES.c.kind,
            func.count(distinct(ACTOR_RESOURCES.c.actor_pk)),
            func.coalesce(func.sum(ACTOR_RESOURCES.c.hours_per_month), 0.0),
            func.coalesce(func.sum(ACTOR_RESOURCES.c.amount_dkk), 0.0),
        )
        .select_from(ACTORS)
        .join(ACTOR_RESOURCES, ACTOR_RESOURCES.c.actor_pk == ACTORS.c.pk)
        .where(*_in_scope(municipality_code))
        .group_by(ACTOR_RESOURCES.c.kind)
    )
    return [
        ResourceTotal(str(kind), int(n), float(hours), float(amount))
        for kind, n, hours, amount in session.execute(stmt)
    ]


def completeness_groups(
    session: Session, municipality_code: str | None
) -> list[tuple[frozenset[str], int]]:
    """The live actors grouped by which parts of their profile are filled in (the paths of
    mapper.domain.completeness.PARTS), with how many have each combination."""
    parts = filled_parts()
    flags = (
        select(*(condition.label(f"part_{i}") for i, condition in enumerate(parts.values())))
        .where(*_in_scope(municipality_code))
        .subquery()
    )
    columns = list(flags.c)
    stmt = select(*columns, func.count()).group_by(*columns)
    paths = list(parts)
    return [
        (
            frozenset(path for path, flag in zip(paths, row[:-1], strict=True) if flag),
            int(row[-1]),
        )
        for row in session.execute(stmt)
    ]


def count_unverified(session: Session, municipality_code: str | None, before: dt.date) -> int:
    """Live actors never verified or last verified before ``before``."""
    stmt = (
        select(func.count())
        .select_from(ACTORS)
        .where(
            *_in_scope(municipality_code),
            or_(ACTORS.c.verified_on.is_(None), ACTORS.c.verified_on < before),
        )
    )
    return int(session.execute(stmt).scalar_one())


def count_problems(session: Session, municipality_code: str | None) -> int:
    """Live problem statements (of the municipality when one is given)."""
    stmt = select(func.count()).select_from(PROBLEMS).where(PROBLEMS.c.deleted_at.is_(None))
    if municipality_code is not None:
        stmt = stmt.where(PROBLEMS.c.problem_municipality_code == municipality_code)
    return int(session.execute(stmt).scalar_one())


_Query = TypeVar("_Query", bound="Select[Any]")


def _partnerships(stmt: _Query, municipality_code: str | None) -> _Query:
    stmt = (
        stmt.join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
        .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
        .where(*_PARTNERSHIP_SHOWN)
    )
    if municipality_code is not None:
        stmt = stmt.where(PROBLEMS.c.problem_municipality_code == municipality_code)
    return stmt


def partnership_counts(session: Session, municipality_code: str | None) -> PartnershipCounts:
    """Live partnerships (on the municipality's problem statements when one is given) by
    stage, by type, how many name each success factor, how many have their effect documented
    and how many are at each step of the evidence ladder."""
    by_stage = _partnerships(
        select(PARTNERSHIPS.c.stage, func.count()).select_from(PARTNERSHIPS), municipality_code
    ).group_by(PARTNERSHIPS.c.stage)
    by_type = _partnerships(
        select(PARTNERSHIPS.c.type, func.count()).select_from(PARTNERSHIPS), municipality_code
    ).group_by(PARTNERSHIPS.c.type)
    factors = _partnerships(
        select(PARTNERSHIP_FACTORS.c.code, func.count(distinct(PARTNERSHIPS.c.pk)))
        .select_from(PARTNERSHIP_FACTORS)
        .join(PARTNERSHIPS, PARTNERSHIPS.c.pk == PARTNERSHIP_FACTORS.c.partnership_pk),
        municipality_code,
    ).group_by(PARTNERSHIP_FACTORS.c.code)
    with_effect = _partnerships(
        select(func.count()).select_from(PARTNERSHIPS), municipality_code
    ).where(PARTNERSHIPS.c.effect.is_not(None), PARTNERSHIPS.c.effect != "")
    by_evidence = (
        _partnerships(
            select(PARTNERSHIPS.c.evidence_level, func.count()).select_from(PARTNERSHIPS),
            municipality_code,
        )
        .where(PARTNERSHIPS.c.evidence_level.is_not(None))
        .group_by(PARTNERSHIPS.c.evidence_level)
    )
    return PartnershipCounts(
        by_stage={str(stage): int(n) for stage, n in session.execute(by_stage)},
        by_type={
            (None if kind is None else str(kind)): int(n) for kind, n in session.execute(by_type)
        },
        success_factors={str(code): int(n) for code, n in session.execute(factors)},
        with_effect=int(session.execute(with_effect).scalar_one()),
        by_evidence={str(level): int(n) for level, n in session.execute(by_evidence)},
    )


def actors_behind(
    session: Session,
    *,
    municipality_code: str | None,
    level: AreaLevel,
    area: str | None,
    target_group: str | None,
    kind: str | None,
    left_out_kinds: Collection[str],
) -> list[BehindRow]:
    """The live actors that pass every filter given, none of ``left_out_kinds``, by name
    then id."""
    stmt = select(
        ACTORS.c.uid, ACTORS.c.name, ACTORS.c.kind, ACTORS.c.municipality_code, ACTORS.c.city
    ).where(*_in_scope(municipality_code))
    if left_out_kinds:
        stmt = stmt.where(ACTORS.c.kind.not_in(sorted(left_out_kinds)))
    if kind is not None:
        stmt = stmt.where(ACTORS.c.kind == kind)
    if area is not None:
        stmt = stmt.where(AREA_COLUMNS[level] == area)
    if target_group is not None:
        stmt = stmt.where(
            exists().where(
                ACTOR_CODES.c.actor_pk == ACTORS.c.pk,
                ACTOR_CODES.c.facet == "target_group",
                ACTOR_CODES.c.code == target_group,
            )
        )
    stmt = stmt.order_by(ACTORS.c.name, ACTORS.c.uid)
    return [
        BehindRow(r.uid, r.name, r.kind, r.municipality_code, r.city) for r in session.execute(stmt)
    ]
