"""The partnership repository: all SQL about partnerships (partnerskaber), their success factors
and stage history, and their tombstones. Reads see only live partnerships between live problem
statements and live actors; proposing a removed pair again revives its tombstone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import CursorResult, Select, delete, func, insert, select, update
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.model import Partnership, StageChange
from mapper.persistence.store import (
    ACTORS,
    PARTNERSHIP_FACTORS,
    PARTNERSHIP_HISTORY,
    PARTNERSHIPS,
    PROBLEMS,
    RecordCounts,
    _group,
    _rows_in,
    _stamp,
    _uids_by_key,
    actor_keys,
    chunks,
    database_now,
    tombstone_row,
)

LIVE = PARTNERSHIPS.c.deleted_at.is_(None)
"""Where-clause of the partnerships not removed."""
_SHOWN = (LIVE, PROBLEMS.c.deleted_at.is_(None), ACTORS.c.deleted_at.is_(None))
"""A partnership is shown while it, its problem statement and its actor are all live."""


@dataclass(frozen=True)
class StoredPartnership:
    """What a write checks before it writes."""

    pk: int
    stage: str
    version: int
    deleted: bool


@dataclass(frozen=True)
class PartnershipRow:
    """One partnership as stored, with the names its list shows; ``history`` oldest first."""

    problem_id: str
    problem_title: str
    actor_id: str
    actor_name: str
    actor_kind: str
    stage: str
    type: str | None
    notes: str | None
    success_factors: tuple[str, ...]
    updated_on: dt.date | None
    effect: str | None
    evidence_level: str | None
    history: tuple[StageChange, ...]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class SummaryRow:
    """One row of the partnership list (no history)."""

    problem_id: str
    problem_title: str
    actor_id: str
    actor_name: str
    actor_kind: str
    stage: str
    type: str | None
    updated_on: dt.date | None
    version: int
    success_factor_count: int


# --------------------------------------------------------------------------- reading


def find(session: Session, problem_pk: int, actor_pk: int) -> StoredPartnership | None:
    """The partnership between the two, a tombstone included."""
    row = session.execute(
        select(
            PARTNERSHIPS.c.pk,
            PARTNERSHIPS.c.stage,
            PARTNERSHIPS.c.version,
            PARTNERSHIPS.c.deleted_at,
        ).where(PARTNERSHIPS.c.problem_pk == problem_pk, PARTNERSHIPS.c.actor_pk == actor_pk)
    ).first()
    if row is None:
        return None
    return StoredPartnership(
        int(row.pk), str(row.stage), int(row.version), row.deleted_at is not None
    )


def version_of(session: Session, pk: int) -> int:
    """The stored version (0 when the row is gone)."""
    value = session.execute(select(PARTNERSHIPS.c.version).where(PARTNERSHIPS.c.pk == pk)).scalar()
    return int(value or 0)


def summary_rows(session: Session, *, stage: str | None = None) -> list[SummaryRow]:
    """Every shown partnership (or those at ``stage``), unsorted."""
    factor_count = (
        select(func.count())
        .where(PARTNERSHIP_FACTORS.c.partnership_pk == PARTNERSHIPS.c.pk)
        .scalar_subquery()
    )
    stmt = (
        select(
            PROBLEMS.c.uid.label("problem_id"),
            PROBLEMS.c.title,
            ACTORS.c.uid.label("actor_id"),
            ACTORS.c.name,
            ACTORS.c.kind,
            PARTNERSHIPS.c.stage,
            PARTNERSHIPS.c.type,
            PARTNERSHIPS.c.updated_on,
            PARTNERSHIPS.c.version,
            factor_count.label("factors"),
        )
        .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
        .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
        .where(*_SHOWN)
    )
    if stage is not None:
        stmt = stmt.where(PARTNERSHIPS.c.stage == stage)
    return [
        SummaryRow(
            r.problem_id,
            r.title,
            r.actor_id,
            r.name,
            r.kind,
            r.stage,
            r.type,
            r.updated_on,
            int(r.version),
            int(r.factors),
        )
        for r in session.execute(stmt)
    ]


def _named() -> Select[Any]:
    """Partnerships with the ids and names of their problem statement and actor."""
    return (
        select(
            PARTNERSHIPS,
            PROBLEMS.c.uid.label("problem_id"),
            PROBLEMS.c.title.label("problem_title"),
            ACTORS.c.uid.label("actor_id"),
            ACTORS.c.name.label("actor_name"),
            ACTORS.c.kind.label("actor_kind"),
        )
        .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
        .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
    )


def _row(r: Any, factors: Sequence[Any], history: Sequence[Any]) -> PartnershipRow:
    return PartnershipRow(
        problem_id=r.problem_id,
        problem_title=r.problem_title,
        actor_id=r.actor_id,
        actor_name=r.actor_name,
        actor_kind=r.actor_kind,
        stage=r.stage,
        type=r.type,
        notes=r.notes,
        success_factors=tuple(str(f.code) for f in factors),
        updated_on=r.updated_on,
        effect=r.effect,
        evidence_level=r.evidence_level,
        history=tuple(StageChange(h.stage, h.changed_at, h.note) for h in history),
        version=int(r.version),
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def row(session: Session, pk: int) -> PartnershipRow:
    """The partnership with key ``pk`` with its success factors and history."""
    r = session.execute(_named().where(PARTNERSHIPS.c.pk == pk)).one()
    factors, history = _children(session, [pk])
    return _row(r, factors.get(pk, ()), history.get(pk, ()))


def detail_rows(session: Session, keys: Sequence[tuple[str, str]]) -> list[PartnershipRow]:
    """The shown partnerships among ``keys`` ((problem id, actor id) pairs) with their success
    factors and history, as ``row`` gives one, in few queries; in the order of ``keys``, those
    not shown left out."""
    wanted = set(keys)
    if not wanted:
        return []
    found: dict[tuple[str, str], Any] = {}
    for part in chunks(sorted({problem for problem, _ in wanted})):
        stmt = _named().where(*_SHOWN, PROBLEMS.c.uid.in_(list(part)))
        for r in session.execute(stmt):
            if (r.problem_id, r.actor_id) in wanted:
                found[(r.problem_id, r.actor_id)] = r
    factors, history = _children(session, sorted(int(r.pk) for r in found.values()))
    return [
        _row(r, factors.get(r.pk, ()), history.get(r.pk, ()))
        for r in (found.get(key) for key in dict.fromkeys(keys))
        if r is not None
    ]


def _children(session: Session, pks: Sequence[int]) -> tuple[dict[int, list[Any]], ...]:
    """The success factors (in their order) and stage changes (oldest first) of these
    partnerships, each grouped by partnership key."""
    factors = _group(
        _rows_in(
            session, PARTNERSHIP_FACTORS, "partnership_pk", pks, ("partnership_pk", "position")
        ),
        "partnership_pk",
    )
    history = _group(
        _rows_in(session, PARTNERSHIP_HISTORY, "partnership_pk", pks, ("partnership_pk", "pk")),
        "partnership_pk",
    )
    return factors, history


def load_partnerships(session: Session) -> list[tuple[int, Partnership]]:
    """(key, partnership) of every shown partnership, in key order (export, import)."""
    rows = list(
        session.execute(
            select(PARTNERSHIPS)
            .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
            .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
            .where(*_SHOWN)
            .order_by(PARTNERSHIPS.c.pk)
        )
    )
    factors, history = _children(session, [r.pk for r in rows])
    problems = _uids_by_key(session, PROBLEMS, [r.problem_pk for r in rows])
    actors = _uids_by_key(session, ACTORS, [r.actor_pk for r in rows])
    return [
        (
            r.pk,
            Partnership(
                problem_id=problems[r.problem_pk],
                actor_id=actors[r.actor_pk],
                stage=r.stage,
                type=r.type,
                notes=r.notes,
                success_factors=tuple(f.code for f in factors.get(r.pk, ())),
                updated_on=r.updated_on,
                effect=r.effect,
                evidence_level=r.evidence_level,
                history=tuple(
                    StageChange(h.stage, h.changed_at, h.note) for h in history.get(r.pk, ())
                ),
            ),
        )
        for r in rows
    ]


def count_live(session: Session) -> int:
    stmt = (
        select(func.count())
        .select_from(PARTNERSHIPS)
        .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
        .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
        .where(*_SHOWN)
    )
    return int(session.execute(stmt).scalar_one())


# --------------------------------------------------------------------------- writing


def insert_new(
    session: Session,
    problem_pk: int,
    actor_pk: int,
    *,
    stage: str,
    updated_on: dt.date,
    author: str | None,
) -> int:
    """A new partnership at ``stage``, version 1; its key. IntegrityError when the pair exists."""
    now = database_now(session)
    who = author_or_default(author)
    columns = {
        "problem_pk": problem_pk,
        "actor_pk": actor_pk,
        "stage": stage,
        "updated_on": updated_on,
    }
    return int(
        session.execute(
            insert(PARTNERSHIPS).returning(PARTNERSHIPS.c.pk), _stamp([columns], now, who)
        ).scalar_one()
    )


def revive(
    session: Session,
    stored: StoredPartnership,
    *,
    stage: str,
    updated_on: dt.date,
    author: str | None,
) -> bool:
    """Bring a tombstone back as a new partnership at ``stage`` (no type, notes, effect,
    factors or history; next version; created now by ``author``). False when its version
    moved."""
    now = database_now(session)
    who = author_or_default(author)
    result = cast(
        "CursorResult[Any]",
        session.execute(
            update(PARTNERSHIPS)
            .where(PARTNERSHIPS.c.pk == stored.pk, PARTNERSHIPS.c.version == stored.version)
            .values(
                stage=stage,
                type=None,
                notes=None,
                effect=None,
                evidence_level=None,
                updated_on=updated_on,
                version=stored.version + 1,
                created_at=now,
                created_by=who,
                updated_at=now,
                updated_by=who,
                deleted_at=None,
                deleted_by=None,
            )
        ),
    )
    if result.rowcount != 1:
        return False
    _forget_children(session, [stored.pk])
    return True


def write(session: Session, pk: int, version: int, author: str | None, **values: Any) -> bool:
    """Compare-and-swap update of a live partnership: the values, the next version, now by
    ``author``. False when its version moved since ``version`` was read."""
    result = cast(
        "CursorResult[Any]",
        session.execute(
            update(PARTNERSHIPS)
            .where(PARTNERSHIPS.c.pk == pk, PARTNERSHIPS.c.version == version, LIVE)
            .values(
                **values,
                version=version + 1,
                updated_at=database_now(session),
                updated_by=author_or_default(author),
            )
        ),
    )
    return result.rowcount == 1


def replace_factors(session: Session, pk: int, factors: Sequence[str]) -> None:
    session.execute(delete(PARTNERSHIP_FACTORS).where(PARTNERSHIP_FACTORS.c.partnership_pk == pk))
    if factors:
        session.execute(
            insert(PARTNERSHIP_FACTORS),
            [{"partnership_pk": pk, "position": i, "code": c} for i, c in enumerate(factors)],
        )


def add_history(
    session: Session,
    pk: int,
    stage: str,
    note: str | None,
    author: str | None,
    at: dt.datetime | None = None,
) -> None:
    """Append a stage change, stamped ``at`` (default: now by the database clock) by
    ``author``."""
    session.execute(
        insert(PARTNERSHIP_HISTORY),
        [
            {
                "partnership_pk": pk,
                "stage": stage,
                "changed_at": at or database_now(session),
                "note": note,
                "changed_by": author_or_default(author),
            }
        ],
    )


def _reached_on(day: dt.date | None, now: dt.datetime) -> dt.datetime:
    """When an imported partnership reached its stage: noon UTC of ``day`` if that is before
    ``now``'s day, else ``now``."""
    if day is None or day >= now.date():
        return now
    return dt.datetime.combine(day, dt.time(12), tzinfo=now.tzinfo or dt.UTC)


def _forget_children(session: Session, pks: Sequence[int]) -> None:
    """A removed partnership keeps no factors or history: a proposal taken back does not count
    against the actor in fair rotation, and a revived one starts afresh."""
    if not pks:
        return
    for table in (PARTNERSHIP_FACTORS, PARTNERSHIP_HISTORY):
        session.execute(delete(table).where(table.c.partnership_pk.in_(list(pks))))


def tombstone(session: Session, pk: int, version: int, author: str | None) -> bool:
    """Mark the partnership removed (compare-and-swap on ``version``); False when its version
    moved meanwhile."""
    if tombstone_row(session, PARTNERSHIPS, pk, version, author) is None:
        return False
    _forget_children(session, [pk])
    return True


def tombstone_of_problem(session: Session, problem_pk: int, author: str | None) -> list[int]:
    """Mark every live partnership of a deleted problem statement removed; their keys."""
    pks = [
        int(pk)
        for pk in session.execute(
            select(PARTNERSHIPS.c.pk).where(PARTNERSHIPS.c.problem_pk == problem_pk, LIVE)
        ).scalars()
    ]
    if not pks:
        return []
    now = database_now(session)
    who = author_or_default(author)
    session.execute(
        update(PARTNERSHIPS)
        .where(PARTNERSHIPS.c.pk.in_(pks))
        .values(
            version=PARTNERSHIPS.c.version + 1,
            updated_at=now,
            updated_by=who,
            deleted_at=now,
            deleted_by=who,
        )
    )
    return pks


def save_partnerships(
    session: Session,
    partnerships: Sequence[Partnership],
    note: str | None = None,
    *,
    author: str | None = None,
) -> RecordCounts:
    """Insert or update partnerships by (problem id, actor id); a new stage is added to the
    stage history. ``history`` on the values is ignored: history is only ever appended. A pair
    with a tombstone revives it (counted as created). A new partnership's first stage change
    is dated by its ``updated_on`` (noon UTC) when that lies in the past: the register says
    when it reached the stage, the import day does not."""
    from mapper.persistence.repositories.problems import problem_keys

    now = database_now(session)
    who = author_or_default(author)
    problems = problem_keys(session, {p.problem_id for p in partnerships})
    actors = actor_keys(session, {p.actor_id for p in partnerships})
    current = {
        (p.problem_id, p.actor_id): (pk, replace(p, history=()))
        for pk, p in load_partnerships(session)
    }
    created = updated = 0
    # (key, stored values or None when new or revived, new values): for the change history.
    written: list[tuple[int, Partnership | None, Partnership]] = []
    for p in partnerships:
        value = replace(p, history=())
        columns = {
            "problem_pk": problems[p.problem_id],
            "actor_pk": actors[p.actor_id],
            "stage": p.stage,
            "type": p.type,
            "notes": p.notes,
            "updated_on": p.updated_on,
            "effect": p.effect,
            "evidence_level": p.evidence_level,
        }
        old = current.get((p.problem_id, p.actor_id))
        stage_changed = True
        stamp = now
        if old is None:
            stamp = _reached_on(p.updated_on, now)
            dead = find(session, problems[p.problem_id], actors[p.actor_id])
            if dead is None:
                pk = session.execute(
                    insert(PARTNERSHIPS).returning(PARTNERSHIPS.c.pk),
                    _stamp([columns], now, who),
                ).scalar_one()
            else:
                pk = dead.pk
                _forget_children(session, [pk])
                session.execute(
                    update(PARTNERSHIPS)
                    .where(PARTNERSHIPS.c.pk == pk)
                    .values(
                        **columns,
                        version=PARTNERSHIPS.c.version + 1,
                        created_at=now,
                        created_by=who,
                        updated_at=now,
                        updated_by=who,
                        deleted_at=None,
                        deleted_by=None,
                    )
                )
            created += 1
        elif old[1] != value:
            pk = old[0]
            stage_changed = old[1].stage != p.stage
            session.execute(
                update(PARTNERSHIPS)
                .where(PARTNERSHIPS.c.pk == pk)
                .values(
                    **columns, version=PARTNERSHIPS.c.version + 1, updated_at=now, updated_by=who
                )
            )
            session.execute(
                delete(PARTNERSHIP_FACTORS).where(PARTNERSHIP_FACTORS.c.partnership_pk == pk)
            )
            updated += 1
        else:
            continue
        written.append((pk, old[1] if old is not None else None, value))
        if stage_changed:
            add_history(session, pk, p.stage, note, author, stamp)
        if p.success_factors:
            session.execute(
                insert(PARTNERSHIP_FACTORS),
                [
                    {"partnership_pk": pk, "position": i, "code": c}
                    for i, c in enumerate(p.success_factors)
                ],
            )
    _record_imported(session, written, now, who)
    return RecordCounts(
        created=created, updated=updated, unchanged=len(partnerships) - created - updated
    )


def _record_imported(
    session: Session,
    written: Sequence[tuple[int, Partnership | None, Partnership]],
    now: dt.datetime,
    author: str,
) -> None:
    """One 'imported' change-history row per partnership written (see store.record_writes)."""
    from mapper.persistence.repositories import history

    if not written:
        return
    stmt = select(PARTNERSHIPS.c.pk, PARTNERSHIPS.c.version).where(
        PARTNERSHIPS.c.pk.in_([pk for pk, _, _ in written])
    )
    versions = {int(pk): int(version) for pk, version in session.execute(stmt)}
    rows = [
        history.entry(
            "partnership",
            history.uid_of(new),
            int(versions[pk]),
            "imported",
            history.diff(old, new) if old is not None else None,
        )
        for pk, old, new in written
    ]
    history.record(session, rows, author=author, now=now)
