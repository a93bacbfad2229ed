"""What matching reads from the database: the register as plain columns for the actor index,
profile texts on demand, and the live (not deleted) actors and problem statements it ranks.

Every read here leaves tombstoned records (deleted_at set) out: a deleted actor is never a
candidate, a deleted problem never a context, an owner or partnership of theirs never counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, Table, and_, func, select, true
from sqlalchemy.orm import Session

from mapper.matching.analysis import DECLARED_FACETS
from mapper.matching.index import RegisterColumns, rotation_since
from mapper.matching.model import MatchSettings
from mapper.persistence.repositories import analysis
from mapper.persistence.store import (
    ACTOR_CODES,
    ACTOR_RESOURCES,
    ACTORS,
    PARTNERSHIP_HISTORY,
    PARTNERSHIPS,
    PROBLEM_CODES,
    PROBLEM_RESOURCES,
    PROBLEMS,
    change_stamp,
    chunks,
    driver_rows,
)

T = TypeVar("T")

__all__ = [
    "actor_uids",
    "change_stamp",
    "least_confidence",
    "live_actor_keys",
    "live_problem_keys",
    "open_problem_keys",
    "problem_uids",
    "proposal_counts",
    "register_columns",
]


def _deleted_actors() -> Select[Any]:
    """Keys of tombstoned actors (a subquery, nearly always empty)."""
    return select(ACTORS.c.pk).where(ACTORS.c.deleted_at.is_not(None))


class _Rows(Generic[T]):
    """The rows of one query, read (whole) each time they are iterated: the index reads the
    large child tables one after another, so only one of them is held in memory at a time."""

    def __init__(self, session: Session, stmt: Select[Any]) -> None:
        self._session, self._stmt = session, stmt

    def __iter__(self) -> Iterator[T]:
        return iter(driver_rows(self._session, self._stmt))  # type: ignore[arg-type]


def register_columns(
    session: Session, settings: MatchSettings, now: dt.datetime | None = None
) -> RegisterColumns:
    """The live register for ``build_index``, read with a handful of queries (fetched whole:
    row-by-row iteration costs more than the queries themselves)."""
    rows = driver_rows(
        session,
        select(
            ACTORS.c.pk,
            ACTORS.c.uid,
            ACTORS.c.name,
            ACTORS.c.kind,
            ACTORS.c.active,
            ACTORS.c.lat,
            ACTORS.c.lon,
            ACTORS.c.municipality_code,
            ACTORS.c.service_area_km,
            ACTORS.c.employees,
            ACTORS.c.volunteers,
            ACTORS.c.evidence_level,
            # Only whether it is there: the long texts are read on demand (profile_text_parts).
            func.coalesce(func.length(ACTORS.c.how_we_know_it_works), 0),
            # What its texts give (mapper.persistence.repositories.analysis), when analysed.
            *analysis.analysis_columns(),
        )
        .outerjoin(analysis.ANALYSIS, analysis.ANALYSIS.c.actor_pk == ACTORS.c.pk)
        .where(ACTORS.c.deleted_at.is_(None))
        .order_by(ACTORS.c.pk),
    )
    width = 13 + len(analysis.analysis_columns())
    columns: list[list[Any]] = (
        [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]
    )
    del rows
    # Child rows of tombstoned actors are left out; without any tombstone (the usual case) the
    # condition is dropped, which spares a scan of the actors per child table.
    tombstones = session.execute(_deleted_actors().limit(1)).first() is not None

    def of_live_actor(key: ColumnElement[int]) -> ColumnElement[bool]:
        return ~key.in_(_deleted_actors()) if tombstones else true()

    codes: _Rows[tuple[int, str, str]] = _Rows(
        session,
        select(ACTOR_CODES.c.actor_pk, ACTOR_CODES.c.facet, ACTOR_CODES.c.code).where(
            of_live_actor(ACTOR_CODES.c.actor_pk)
        ),
    )
    resources: _Rows[tuple[int, str, float | None, float | None]] = _Rows(
        session,
        select(
            ACTOR_RESOURCES.c.actor_pk,
            ACTOR_RESOURCES.c.kind,
            ACTOR_RESOURCES.c.hours_per_month,
            ACTOR_RESOURCES.c.amount_dkk,
        ).where(of_live_actor(ACTOR_RESOURCES.c.actor_pk)),
    )
    open_statuses = settings.params["open_problem_statuses"]
    owned = and_(
        PROBLEMS.c.owner_pk.is_not(None),
        PROBLEMS.c.status.in_(open_statuses),
        PROBLEMS.c.deleted_at.is_(None),
        of_live_actor(PROBLEMS.c.owner_pk),
    )
    sought: list[tuple[int, str]] = list(
        session.execute(
            select(PROBLEMS.c.owner_pk, PROBLEM_RESOURCES.c.kind)
            .join(PROBLEM_RESOURCES, PROBLEM_RESOURCES.c.problem_pk == PROBLEMS.c.pk)
            .where(owned)
        )
        .tuples()
        .all()
    )
    sought += (
        session.execute(
            select(PROBLEMS.c.owner_pk, PROBLEM_CODES.c.code)
            .join(PROBLEM_CODES, PROBLEM_CODES.c.problem_pk == PROBLEMS.c.pk)
            .where(owned, PROBLEM_CODES.c.facet == "required_resource")
        )
        .tuples()
        .all()
    )
    return RegisterColumns(
        pks=columns[0],
        uids=columns[1],
        names=columns[2],
        kinds=columns[3],
        active=columns[4],
        lats=columns[5],
        lons=columns[6],
        municipalities=columns[7],
        service_areas=columns[8],
        employees=columns[9],
        volunteers=columns[10],
        evidence_levels=columns[11],
        has_how=[bool(h) for h in columns[12]],
        codes=codes,
        resources=resources,
        sought=sought,
        recent=proposal_counts(session, rotation_since(settings, now)),
        has_text=[bool(flag) for flag in columns[13]],
        inferred_bits={facet: columns[14 + 2 * i] for i, facet in enumerate(analysis.BIT_COLUMNS)},
        inferred_confidence={
            facet: columns[15 + 2 * i] for i, facet in enumerate(analysis.BIT_COLUMNS)
        },
        # Every actor analysed (the usual case: the service refreshes first): its declared
        # codes as stored bits, and the code table is not read at all.
        declared_bits=(
            {facet: columns[21 + i] for i, facet in enumerate(DECLARED_FACETS)}
            if all(version >= 0 for version in columns[20])
            else None
        ),
    )


def least_confidence() -> float:
    """The least confidence of an inferred code the matcher uses (the defaults': the index is
    shared by every ranking, whatever its settings)."""
    inference = MatchSettings.defaults().params.get("inference") or {}
    return float(inference.get("min_confidence", 0.0))


def proposal_counts(session: Session, since: dt.datetime) -> dict[int, int]:
    """Live actor key → how often a live partnership of it was proposed since ``since``."""
    stmt = (
        select(PARTNERSHIPS.c.actor_pk, func.count())
        .join(PARTNERSHIP_HISTORY, PARTNERSHIP_HISTORY.c.partnership_pk == PARTNERSHIPS.c.pk)
        .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
        .where(
            PARTNERSHIP_HISTORY.c.stage == "proposed",
            PARTNERSHIP_HISTORY.c.changed_at >= since,
            PARTNERSHIPS.c.deleted_at.is_(None),
            ACTORS.c.deleted_at.is_(None),
        )
        .group_by(PARTNERSHIPS.c.actor_pk)
    )
    return {int(pk): int(count) for pk, count in session.execute(stmt)}


def _live_keys(session: Session, table: Table, uids: Iterable[str] | None) -> dict[str, int]:
    live = table.c.deleted_at.is_(None)
    if uids is None:
        stmt = select(table.c.pk, table.c.uid).where(live)
        return {str(uid): int(pk) for pk, uid in session.execute(stmt)}
    result: dict[str, int] = {}
    for part in chunks(list(uids)):
        stmt = select(table.c.pk, table.c.uid).where(live, table.c.uid.in_(part))
        result.update({str(uid): int(pk) for pk, uid in session.execute(stmt)})
    return result


def live_actor_keys(session: Session, uids: Iterable[str] | None = None) -> dict[str, int]:
    """uid → key of the live actors among ``uids`` (all live actors when None)."""
    return _live_keys(session, ACTORS, uids)


def live_problem_keys(session: Session, uids: Iterable[str] | None = None) -> dict[str, int]:
    """uid → key of the live problem statements among ``uids`` (all when None)."""
    return _live_keys(session, PROBLEMS, uids)


def open_problem_keys(
    session: Session, statuses: Collection[str], owner_pk: int | None = None
) -> list[int]:
    """Keys of the live problem statements with an open status (of one owner when given)."""
    stmt = select(PROBLEMS.c.pk).where(
        PROBLEMS.c.status.in_(list(statuses)), PROBLEMS.c.deleted_at.is_(None)
    )
    if owner_pk is not None:
        stmt = stmt.where(PROBLEMS.c.owner_pk == owner_pk)
    return [int(pk) for pk in session.execute(stmt.order_by(PROBLEMS.c.pk)).scalars()]


def actor_uids(session: Session) -> list[str]:
    """Ids of every live actor (for 'did you mean …?')."""
    return list(live_actor_keys(session))


def problem_uids(session: Session) -> list[str]:
    """Ids of every live problem statement (for 'did you mean …?')."""
    return list(live_problem_keys(session))
