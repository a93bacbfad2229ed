"""The partnership service: follow a partnership (partnerskab) from proposed match through its
stages, with its type, success factors, notes and documented effect. One unit of work per call;
interchange ids in, frozen values out; every write is checked against the version the caller
read.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mapper.domain.errors import (
    ConflictError,
    InputProblem,
    NotFoundError,
    PartnershipExistsError,
    ValidationError,
)
from mapper.domain.ids import nearest_id
from mapper.domain.limits import text_problems
from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.persistence.database import Database
from mapper.persistence.orm import utcnow
from mapper.persistence.repositories import history as history_rows
from mapper.persistence.repositories import partnerships as rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository

STAGES = "partnership_stages"
TYPES = "partnership_types"
SUCCESS_FACTORS = "partnership_success_factors"
EVIDENCE_LEVELS = "evidence_levels"
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
class PartnershipDetail(rows.PartnershipRow):
    """One partnership with everything stored about it; ``history`` is oldest first."""

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
    stored: rows.StoredPartnership | None
    """The partnership between the two (perhaps a tombstone), or None when there never was."""

    @property
    def live(self) -> rows.StoredPartnership | None:
        return None if self.stored is None or self.stored.deleted else self.stored


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
        """Aware UTC now whose local day is ``updated_on``; tests may pass their own. Stage
        changes and record timestamps are stamped by the database clock."""
        self.author = author
        """Whose changes these are (created_by/updated_by/changed_by); None: the OS login."""

    # ----------------------------------------------------------------- reading

    def list_partnerships(self, *, stage: str | None = None) -> list[PartnershipSummary]:
        """Every partnership (or those at ``stage``), in the stages' workflow order, then by
        problem title and partner name."""
        if stage is not None:
            self._raise_problems(self._code_problems("partnerships", "stage", STAGES, [stage]))
        with self.database.unit_of_work() as session:
            found = rows.summary_rows(session, stage=stage)
        order = self._stage_order()
        # Sorted here, not in SQL: Danish collation is not portable across backends.
        found = sorted(
            found,
            key=lambda r: (
                order.get(r.stage, len(order)),
                danish_sort_key(r.problem_title),
                danish_sort_key(r.actor_name),
                r.problem_id,
                r.actor_id,
            ),
        )
        return [
            PartnershipSummary(
                r.problem_id,
                r.problem_title,
                r.actor_id,
                r.actor_name,
                r.actor_kind,
                r.stage,
                r.type,
                r.updated_on,
                r.version,
                r.success_factor_count,
            )
            for r in found
        ]

    def get(self, problem_id: str, actor_id: str) -> PartnershipDetail:
        with self.database.unit_of_work() as session:
            stored = self._existing(session, problem_id, actor_id)
            return self._detail(session, stored.pk)

    def details(self, keys: Sequence[tuple[str, str]]) -> list[PartnershipDetail]:
        """The partnerships with these (problem id, actor id) keys, everything stored about
        each as ``get`` gives it, in one unit of work and few queries (a report of thousands);
        in the order of ``keys``, a key with no partnership (any more) left out."""
        with self.database.unit_of_work() as session:
            found = rows.detail_rows(session, keys)
        return [PartnershipDetail(**{f.name: getattr(r, f.name) for f in fields(r)}) for r in found]

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
            if found.live is not None:
                raise PartnershipExistsError(problem_id, actor_id, found.live.stage)
            if found.stored is not None:  # removed before: proposing again revives it
                if not rows.revive(
                    session,
                    found.stored,
                    stage=FIRST_STAGE,
                    updated_on=_local_date(now),
                    author=self.author,
                ):
                    raise PartnershipExistsError(problem_id, actor_id, FIRST_STAGE)
                pk = found.stored.pk
            else:
                try:
                    pk = rows.insert_new(
                        session,
                        found.problem_pk,
                        found.actor_pk,
                        stage=FIRST_STAGE,
                        updated_on=_local_date(now),
                        author=self.author,
                    )
                except IntegrityError as exc:  # someone else proposed it a moment ago
                    raise PartnershipExistsError(problem_id, actor_id, FIRST_STAGE) from exc
            rows.add_history(session, pk, FIRST_STAGE, _clean(note), self.author)
            detail = self._detail(session, pk)
            self._record(
                session,
                detail,
                "revived" if found.stored is not None else "created",
                {"stage": [None, FIRST_STAGE]},
            )
            return detail

    def change_stage(
        self,
        problem_id: str,
        actor_id: str,
        stage: str,
        *,
        note: str | None = None,
        expected_version: int,
    ) -> PartnershipDetail:
        """Move the partnership to ``stage``; the change is appended to its history (stamped
        by the database clock and the author). ConflictError unless the stored version is
        ``expected_version``."""
        label = partnership_label(problem_id, actor_id)
        problems = self._code_problems(f"partnership {label}", "stage", STAGES, [stage])
        if note:
            problems += text_problems(f"partnership {label}", "note", note)
        self._raise_problems(problems)
        now = self._clock()
        with self.database.unit_of_work() as session:
            stored = self._existing(session, problem_id, actor_id)
            self._write(
                session, stored, expected_version, label, stage=stage, updated_on=_local_date(now)
            )
            rows.add_history(session, stored.pk, stage, _clean(note), self.author)
            detail = self._detail(session, stored.pk)
            self._record(session, detail, "changed", {"stage": [stored.stage, stage]})
            return detail

    def update(
        self,
        problem_id: str,
        actor_id: str,
        *,
        type: str | Keep | None = KEEP,
        notes: str | Keep | None = KEEP,
        success_factors: Sequence[str] | Keep = KEEP,
        effect: str | Keep | None = KEEP,
        evidence_level: str | Keep | None = KEEP,
        expected_version: int,
    ) -> PartnershipDetail:
        """Change the fields other than the stage; arguments not given stay as stored. Saving
        what is already stored changes nothing (not even the version). ``effect`` is how we
        know it works, ``evidence_level`` its step on the evidence ladder (a code of
        ``evidence_levels``). ConflictError unless the stored version is
        ``expected_version``."""
        label = partnership_label(problem_id, actor_id)
        record = f"partnership {label}"
        problems: list[InputProblem] = []
        if isinstance(type, str):
            problems += self._code_problems(record, "type", TYPES, [type])
        if not isinstance(success_factors, Keep):
            problems += self._code_problems(
                record, "success_factors", SUCCESS_FACTORS, success_factors, indexed=True
            )
        if isinstance(evidence_level, str):
            problems += self._code_problems(
                record, "evidence_level", EVIDENCE_LEVELS, [evidence_level]
            )
        if isinstance(notes, str):
            problems += text_problems(record, "notes", notes)
        if isinstance(effect, str):
            problems += text_problems(record, "effect", effect)
        self._raise_problems(problems)
        now = self._clock()
        with self.database.unit_of_work() as session:
            stored = self._existing(session, problem_id, actor_id)
            pk = stored.pk
            current = self._detail(session, pk)
            _check_version(current.version, expected_version, label)
            values: dict[str, Any] = {}
            if not isinstance(type, Keep) and type != current.type:
                values["type"] = type
            if not isinstance(notes, Keep) and _clean(notes) != current.notes:
                values["notes"] = _clean(notes)
            if not isinstance(effect, Keep) and _clean(effect) != current.effect:
                values["effect"] = _clean(effect)
            if not isinstance(evidence_level, Keep) and evidence_level != current.evidence_level:
                values["evidence_level"] = evidence_level
            factors = current.success_factors
            if not isinstance(success_factors, Keep):
                factors = tuple(dict.fromkeys(success_factors))  # once each, in the given order
            if not values and factors == current.success_factors:
                return current
            self._write(
                session, stored, expected_version, label, updated_on=_local_date(now), **values
            )
            if factors != current.success_factors:
                rows.replace_factors(session, pk, factors)
            detail = self._detail(session, pk)
            changes = {
                name: [getattr(current, name), getattr(detail, name)]
                for name in EDITABLE
                if getattr(current, name) != getattr(detail, name)
            }
            self._record(session, detail, "changed", changes)
            return detail

    def remove(self, problem_id: str, actor_id: str, *, expected_version: int) -> None:
        """Remove the partnership (the undo of ``propose``): it stays as a tombstone without
        factors or history, which proposing the pair again revives. ConflictError unless the
        stored version is ``expected_version``."""
        label = partnership_label(problem_id, actor_id)
        with self.database.unit_of_work() as session:
            stored = self._existing(session, problem_id, actor_id)
            _check_version(stored.version, expected_version, label)
            if not rows.tombstone(session, stored.pk, stored.version, self.author):
                raise self._conflict(session, stored.pk, stored.version, label)
            history_rows.record(
                session,
                [
                    history_rows.entry(
                        "partnership",
                        history_rows.partnership_uid(problem_id, actor_id),
                        stored.version + 1,
                        "deleted",
                        {},
                    )
                ],
                author=self.author,
            )

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
        problem = problem_rows.problem_keys(session, [problem_id])
        if not problem:
            nearest = nearest_id(problem_id, problem_rows.live_uids(session))
            raise NotFoundError("problem", problem_id, nearest)
        actors = ActorRepository(session)
        actor = actors.live_keys([actor_id])
        if not actor:
            raise NotFoundError("actor", actor_id, nearest_id(actor_id, actors.live_ids()))
        problem_pk, actor_pk = problem[problem_id], actor[actor_id]
        return _Located(problem_pk, actor_pk, rows.find(session, problem_pk, actor_pk))

    def _existing(self, session: Session, problem_id: str, actor_id: str) -> rows.StoredPartnership:
        stored = self._locate(session, problem_id, actor_id).live
        if stored is None:
            raise NotFoundError("partnership", partnership_label(problem_id, actor_id))
        return stored

    def _write(
        self,
        session: Session,
        stored: rows.StoredPartnership,
        expected_version: int,
        label: str,
        **values: Any,
    ) -> None:
        """Update the row and its version, only if nobody changed it since it was read."""
        _check_version(stored.version, expected_version, label)
        if not rows.write(session, stored.pk, stored.version, self.author, **values):
            raise self._conflict(session, stored.pk, stored.version, label)

    def _record(
        self, session: Session, detail: PartnershipDetail, action: str, changes: dict[str, Any]
    ) -> None:
        """One change-history row for the partnership as it now is."""
        values = {
            name: [history_rows.json_value(a), history_rows.json_value(b)]
            for name, (a, b) in changes.items()
        }
        uid = history_rows.partnership_uid(detail.problem_id, detail.actor_id)
        entry = history_rows.entry("partnership", uid, detail.version, action, values)
        history_rows.record(session, [entry], author=self.author)

    @staticmethod
    def _conflict(session: Session, pk: int, expected: int, label: str) -> ConflictError:
        return ConflictError("partnership", label, expected, rows.version_of(session, pk))

    @staticmethod
    def _detail(session: Session, pk: int) -> PartnershipDetail:
        r = rows.row(session, pk)
        return PartnershipDetail(**{f.name: getattr(r, f.name) for f in fields(r)})


EDITABLE = ("type", "notes", "success_factors", "effect", "evidence_level")
"""The fields ``update`` changes, in the order the change history lists them."""


def _check_version(actual: int, expected: int, label: str) -> None:
    if expected != actual:
        raise ConflictError("partnership", label, expected, actual)


def _clean(text: str | None) -> str | None:
    """Blank text is no text."""
    if text is None:
        return None
    return text.strip() or None


def _local_date(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` where the coordinator is (the machine's time zone)."""
    return moment.astimezone().date()
