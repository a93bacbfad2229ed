"""The partnership service: follow a partnership (partnerskab) from proposed match through its
stages, with its type, success factors and notes. One unit of work per call; interchange ids in,
frozen values out; every write is checked against the version the caller read.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from rapidfuzz import process
from sqlalchemy import CursorResult, Row, Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.errors import (
    ConflictError,
    InputProblem,
    NotFoundError,
    PartnershipExistsError,
    ValidationError,
)
from mapper.domain.limits import text_problems
from mapper.domain.model import StageChange
from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.orm import utcnow
from mapper.persistence.store import (
    ACTORS,
    PARTNERSHIP_FACTORS,
    PARTNERSHIP_HISTORY,
    PARTNERSHIPS,
    PROBLEMS,
)

STAGES = "partnership_stages"
TYPES = "partnership_types"
SUCCESS_FACTORS = "partnership_success_factors"
FIRST_STAGE = "proposed"


class Keep(enum.Enum):
    """Marks an argument of ``update`` that was not given: the stored value stays."""

    KEEP = "keep"


KEEP = Keep.KEEP


def partnership_label(problem_id: str, actor_id: str) -> str:
    """How errors name a partnership, the same way the importer does."""
    return f"{problem_id} ↔ {actor_id}"


@dataclass(frozen=True)
class PartnershipSummary:
    """One row of the partnership list."""

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

    @property
    def key(self) -> tuple[str, str]:
        return (self.problem_id, self.actor_id)


@dataclass(frozen=True)
class PartnershipDetail:
    """One partnership with everything stored about it; ``history`` is oldest first."""

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
    history: tuple[StageChange, ...]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def key(self) -> tuple[str, str]:
        return (self.problem_id, self.actor_id)

    @property
    def summary(self) -> PartnershipSummary:
        return PartnershipSummary(
            self.problem_id,
            self.problem_title,
            self.actor_id,
            self.actor_name,
            self.actor_kind,
            self.stage,
            self.type,
            self.updated_on,
            self.version,
            len(self.success_factors),
        )


@dataclass(frozen=True)
class _Located:
    problem_pk: int
    actor_pk: int
    row: Row[Any] | None
    """The partnership row, or None when there is none between the two."""


class PartnershipService:
    """List, propose, move through stages, edit and remove partnerships."""

    def __init__(
        self,
        database: Database,
        vocabulary: Vocabulary | None = None,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        author: str | None = None,
    ) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()
        self._clock = clock
        """Aware UTC now of stage changes and ``updated_on``; tests may pass their own."""
        self.author = author
        """Whose changes these are (created_by/updated_by/changed_by); None: the OS login."""

    # ----------------------------------------------------------------- reading

    def list_partnerships(self, *, stage: str | None = None) -> list[PartnershipSummary]:
        """Every partnership (or those at ``stage``), in the stages' workflow order, then by
        problem title and partner name."""
        if stage is not None:
            self._raise_problems(self._code_problems("partnerships", "stage", STAGES, [stage]))
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
        )
        if stage is not None:
            stmt = stmt.where(PARTNERSHIPS.c.stage == stage)
        with self.database.unit_of_work() as session:
            rows = session.execute(stmt).all()
        order = self._stage_order()
        # Sorted here, not in SQL: Danish collation is not portable across backends.
        rows = sorted(
            rows,
            key=lambda r: (
                order.get(r.stage, len(order)),
                danish_sort_key(r.title),
                danish_sort_key(r.name),
                r.problem_id,
                r.actor_id,
            ),
        )
        return [
            PartnershipSummary(
                r.problem_id,
                r.title,
                r.actor_id,
                r.name,
                r.kind,
                r.stage,
                r.type,
                r.updated_on,
                r.version,
                int(r.factors),
            )
            for r in rows
        ]

    def get(self, problem_id: str, actor_id: str) -> PartnershipDetail:
        with self.database.unit_of_work() as session:
            row = self._existing(session, problem_id, actor_id)
            return self._detail(session, int(row.pk))

    # ----------------------------------------------------------------- writing

    def propose(
        self, problem_id: str, actor_id: str, *, note: str | None = None
    ) -> PartnershipDetail:
        """Register a proposed partnership (stage 'proposed', with its first history entry)."""
        label = f"partnership {partnership_label(problem_id, actor_id)}"
        self._raise_problems(text_problems(label, "note", note) if note else [])
        now = self._clock()
        with self.database.unit_of_work() as session:
            found = self._locate(session, problem_id, actor_id)
            if found.row is not None:
                raise PartnershipExistsError(problem_id, actor_id, found.row.stage)
            columns = {
                "problem_pk": found.problem_pk,
                "actor_pk": found.actor_pk,
                "stage": FIRST_STAGE,
                "updated_on": _local_date(now),
                "version": 1,
                "created_at": store.database_now(session),
                "updated_at": store.database_now(session),
                "created_by": author_or_default(self.author),
                "updated_by": author_or_default(self.author),
            }
            try:
                pk = session.execute(
                    insert(PARTNERSHIPS).returning(PARTNERSHIPS.c.pk), [columns]
                ).scalar_one()
            except IntegrityError as exc:  # someone else proposed it a moment ago
                raise PartnershipExistsError(problem_id, actor_id, FIRST_STAGE) from exc
            self._add_history(session, pk, FIRST_STAGE, now, note, self.author)
            return self._detail(session, pk)

    def change_stage(
        self,
        problem_id: str,
        actor_id: str,
        stage: str,
        *,
        note: str | None = None,
        expected_version: int | None = None,
    ) -> PartnershipDetail:
        """Move the partnership to ``stage``; the change is appended to its history."""
        label = partnership_label(problem_id, actor_id)
        problems = self._code_problems(f"partnership {label}", "stage", STAGES, [stage])
        if note:
            problems += text_problems(f"partnership {label}", "note", note)
        self._raise_problems(problems)
        now = self._clock()
        with self.database.unit_of_work() as session:
            row = self._existing(session, problem_id, actor_id)
            pk = int(row.pk)
            self._write(
                session, row, expected_version, label, now, stage=stage, updated_on=_local_date(now)
            )
            self._add_history(session, pk, stage, now, note, self.author)
            return self._detail(session, pk)

    def update(
        self,
        problem_id: str,
        actor_id: str,
        *,
        type: str | Keep | None = KEEP,
        notes: str | Keep | None = KEEP,
        success_factors: Sequence[str] | Keep = KEEP,
        expected_version: int | None = None,
    ) -> PartnershipDetail:
        """Change the fields other than the stage; arguments not given stay as stored. Saving
        what is already stored changes nothing (not even the version)."""
        label = partnership_label(problem_id, actor_id)
        record = f"partnership {label}"
        problems: list[InputProblem] = []
        if isinstance(type, str):
            problems += self._code_problems(record, "type", TYPES, [type])
        if not isinstance(success_factors, Keep):
            problems += self._code_problems(
                record, "success_factors", SUCCESS_FACTORS, success_factors, indexed=True
            )
        if isinstance(notes, str):
            problems += text_problems(record, "notes", notes)
        self._raise_problems(problems)
        now = self._clock()
        with self.database.unit_of_work() as session:
            row = self._existing(session, problem_id, actor_id)
            pk = int(row.pk)
            current = self._detail(session, pk)
            _check_version(current.version, expected_version, label)
            values: dict[str, Any] = {}
            if not isinstance(type, Keep) and type != current.type:
                values["type"] = type
            if not isinstance(notes, Keep) and _clean(notes) != current.notes:
                values["notes"] = _clean(notes)
            factors = current.success_factors
            if not isinstance(success_factors, Keep):
                factors = tuple(dict.fromkeys(success_factors))  # once each, in the given order
            if not values and factors == current.success_factors:
                return current
            self._write(
                session, row, expected_version, label, now, updated_on=_local_date(now), **values
            )
            if factors != current.success_factors:
                session.execute(
                    delete(PARTNERSHIP_FACTORS).where(PARTNERSHIP_FACTORS.c.partnership_pk == pk)
                )
                if factors:
                    session.execute(
                        insert(PARTNERSHIP_FACTORS),
                        [
                            {"partnership_pk": pk, "position": i, "code": code}
                            for i, code in enumerate(factors)
                        ],
                    )
            return self._detail(session, pk)

    def remove(self, problem_id: str, actor_id: str, expected_version: int | None = None) -> None:
        """Delete the partnership with its history (the undo of ``propose``)."""
        label = partnership_label(problem_id, actor_id)
        with self.database.unit_of_work() as session:
            row = self._existing(session, problem_id, actor_id)
            _check_version(int(row.version), expected_version, label)
            pk = int(row.pk)
            for table in (PARTNERSHIP_FACTORS, PARTNERSHIP_HISTORY):
                session.execute(delete(table).where(table.c.partnership_pk == pk))
            result = cast(
                CursorResult[Any],
                session.execute(
                    delete(PARTNERSHIPS).where(
                        PARTNERSHIPS.c.pk == pk, PARTNERSHIPS.c.version == row.version
                    )
                ),
            )
            if result.rowcount != 1:
                raise self._conflict(session, pk, int(row.version), label)

    # ----------------------------------------------------------------- helpers

    def _stage_order(self) -> dict[str, int]:
        return {t.code: i for i, t in enumerate(self.vocabulary.terms(STAGES))}

    def _code_problems(
        self,
        record: str,
        field: str,
        facet: str,
        codes: Sequence[str],
        *,
        indexed: bool = False,
    ) -> list[InputProblem]:
        valid = self.vocabulary.codes(facet)
        problems = []
        for i, code in enumerate(codes):
            if code not in valid:
                nearest = self.vocabulary.nearest(facet, str(code))
                problems.append(
                    InputProblem(
                        record,
                        f"{field}[{i}]" if indexed else field,
                        code,
                        f"unknown code in {facet}",
                        f"nearest valid code: {nearest}" if nearest else None,
                        code="unknown_code",
                        params={"facet": facet, "nearest": nearest},
                    )
                )
        return problems

    @staticmethod
    def _raise_problems(problems: list[InputProblem]) -> None:
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _locate(session: Session, problem_id: str, actor_id: str) -> _Located:
        problem = store.problem_keys(session, [problem_id])
        if not problem:
            raise NotFoundError("problem", problem_id, _nearest_uid(session, PROBLEMS, problem_id))
        actor = store.actor_keys(session, [actor_id])
        if not actor:
            raise NotFoundError("actor", actor_id, _nearest_uid(session, ACTORS, actor_id))
        problem_pk, actor_pk = problem[problem_id], actor[actor_id]
        row = session.execute(
            select(PARTNERSHIPS).where(
                PARTNERSHIPS.c.problem_pk == problem_pk, PARTNERSHIPS.c.actor_pk == actor_pk
            )
        ).first()
        return _Located(problem_pk, actor_pk, row)

    def _existing(self, session: Session, problem_id: str, actor_id: str) -> Row[Any]:
        row = self._locate(session, problem_id, actor_id).row
        if row is None:
            raise NotFoundError("partnership", partnership_label(problem_id, actor_id))
        return row

    def _write(
        self,
        session: Session,
        row: Row[Any],
        expected_version: int | None,
        label: str,
        now: dt.datetime,
        **values: Any,
    ) -> None:
        """Update the row and its version, only if nobody changed it since it was read."""
        version = int(row.version)
        _check_version(version, expected_version, label)
        result = cast(
            CursorResult[Any],
            session.execute(
                update(PARTNERSHIPS)
                .where(PARTNERSHIPS.c.pk == row.pk, PARTNERSHIPS.c.version == version)
                .values(
                    **values,
                    version=version + 1,
                    updated_at=store.database_now(session),
                    updated_by=author_or_default(self.author),
                )
            ),
        )
        if result.rowcount != 1:  # changed between our read and our write
            raise self._conflict(session, int(row.pk), version, label)

    @staticmethod
    def _conflict(session: Session, pk: int, expected: int, label: str) -> ConflictError:
        actual = session.execute(
            select(PARTNERSHIPS.c.version).where(PARTNERSHIPS.c.pk == pk)
        ).scalar()
        return ConflictError("partnership", label, expected, int(actual or 0))

    @staticmethod
    def _add_history(
        session: Session,
        pk: int,
        stage: str,
        now: dt.datetime,
        note: str | None,
        author: str | None,
    ) -> None:
        session.execute(
            insert(PARTNERSHIP_HISTORY),
            [
                {
                    "partnership_pk": pk,
                    "stage": stage,
                    "changed_at": now,
                    "note": _clean(note),
                    "changed_by": author_or_default(author),
                }
            ],
        )

    @staticmethod
    def _detail(session: Session, pk: int) -> PartnershipDetail:
        r = session.execute(
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
            .where(PARTNERSHIPS.c.pk == pk)
        ).one()
        factors = session.execute(
            select(PARTNERSHIP_FACTORS.c.code)
            .where(PARTNERSHIP_FACTORS.c.partnership_pk == pk)
            .order_by(PARTNERSHIP_FACTORS.c.position)
        ).scalars()
        history = session.execute(
            select(
                PARTNERSHIP_HISTORY.c.stage,
                PARTNERSHIP_HISTORY.c.changed_at,
                PARTNERSHIP_HISTORY.c.note,
            )
            .where(PARTNERSHIP_HISTORY.c.partnership_pk == pk)
            .order_by(PARTNERSHIP_HISTORY.c.pk)
        )
        return PartnershipDetail(
            problem_id=r.problem_id,
            problem_title=r.problem_title,
            actor_id=r.actor_id,
            actor_name=r.actor_name,
            actor_kind=r.actor_kind,
            stage=r.stage,
            type=r.type,
            notes=r.notes,
            success_factors=tuple(factors),
            updated_on=r.updated_on,
            history=tuple(StageChange(h.stage, h.changed_at, h.note) for h in history),
            version=r.version,
            created_at=r.created_at,
            updated_at=r.updated_at,
        )


def _check_version(actual: int, expected: int | None, label: str) -> None:
    if expected is not None and expected != actual:
        raise ConflictError("partnership", label, expected, actual)


def _clean(text: str | None) -> str | None:
    """Blank text is no text."""
    if text is None:
        return None
    return text.strip() or None


def _local_date(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` where the coordinator is (the machine's time zone)."""
    return moment.astimezone().date()


def _nearest_uid(session: Session, table: Table, wanted: str) -> str | None:
    uids = session.execute(select(table.c.uid)).scalars().all()
    match = process.extractOne(wanted, uids, score_cutoff=60)
    return str(match[0]) if match else None
