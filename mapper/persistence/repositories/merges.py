"""Merges of duplicate actors and "not the same" decisions, as stored: every reference moved
from the merged actor to the survivor, the merge history (actor_merges) and the pairs a person
decided are different associations (actor_distinct_pairs). All SQL of a merge lives here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, delete, exists, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from mapper.domain.authors import author_or_default
from mapper.domain.dedupe import Evidence
from mapper.persistence.orm import ActorDistinctPair, ActorMerge
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.store import (
    ACTORS,
    PARTNERSHIP_FACTORS,
    PARTNERSHIP_HISTORY,
    PARTNERSHIPS,
    PROBLEMS,
    database_now,
)

MERGES: Table = ActorMerge.__table__  # type: ignore[assignment]
DISTINCT: Table = ActorDistinctPair.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class MovedReferences:
    """What pointed at the merged actor and points at the survivor now (ids)."""

    problems: tuple[str, ...] = ()
    """Problem statements it owned."""
    children: tuple[str, ...] = ()
    """Actors whose parent it was."""
    partnerships: tuple[str, ...] = ()
    """Problem statements of its partnerships (moved to the survivor)."""
    joined: tuple[str, ...] = ()
    """Problem statements both were partners on: one partnership is kept, with the more
    advanced stage, both histories and both sets of success factors."""


@dataclass(frozen=True)
class MergeRecord:
    """One merge as the history shows it."""

    survivor_id: str
    merged_id: str
    merged_name: str
    fields: Mapping[str, str]
    score: float | None
    evidence: tuple[Evidence, ...]
    merged_at: dt.datetime
    merged_by: str


@dataclass(frozen=True)
class _Partnership:
    pk: int
    problem_pk: int
    problem_id: str
    stage: str
    type: str | None
    notes: str | None
    updated_on: dt.date | None
    version: int
    deleted: bool
    effect: str | None = None
    evidence_level: str | None = None


@dataclass(frozen=True)
class _Ranks:
    stage: Mapping[str, int]
    """Stage code → how advanced (higher is further)."""
    evidence: Mapping[str, int]
    """Evidence-ladder code → its rank (1 is the strongest evidence)."""


class MergeRepository:
    """Reads and writes of merges within the caller's unit of work (``session``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # ----------------------------------------------------------------- distinct pairs

    def distinct_pairs(self) -> set[tuple[str, str]]:
        """(id, id) of every pair of live actors decided to be different, smaller id first."""
        first, second = aliased(ACTORS), aliased(ACTORS)
        stmt = (
            select(first.c.uid, second.c.uid)
            .select_from(DISTINCT)
            .join(first, first.c.pk == DISTINCT.c.first_pk)
            .join(second, second.c.pk == DISTINCT.c.second_pk)
            .where(first.c.deleted_at.is_(None), second.c.deleted_at.is_(None))
        )
        return {(min(a, b), max(a, b)) for a, b in self.session.execute(stmt)}

    def is_distinct(self, a_pk: int, b_pk: int) -> bool:
        low, high = min(a_pk, b_pk), max(a_pk, b_pk)
        stmt = select(exists().where(DISTINCT.c.first_pk == low, DISTINCT.c.second_pk == high))
        return bool(self.session.execute(stmt).scalar())

    def mark_distinct(self, a_pk: int, b_pk: int, *, author: str | None = None) -> bool:
        """Record that the two are different associations; False when already recorded."""
        if self.is_distinct(a_pk, b_pk):
            return False
        self.session.execute(
            insert(DISTINCT),
            [
                {
                    "first_pk": min(a_pk, b_pk),
                    "second_pk": max(a_pk, b_pk),
                    "decided_at": database_now(self.session),
                    "decided_by": author_or_default(author),
                }
            ],
        )
        return True

    # ----------------------------------------------------------------- merging

    def move_references(
        self,
        survivor_pk: int,
        merged_pk: int,
        *,
        stage_rank: Mapping[str, int],
        evidence_rank: Mapping[str, int] | None = None,
        author: str | None = None,
    ) -> MovedReferences:
        """Point everything that refers to the merged actor at the survivor: the problem
        statements it owns, its child actors, its live partnerships (joined with the survivor's
        on the same problem statement: the more advanced stage by ``stage_rank``, both
        histories in time order, both success factors, both effects and the stronger step of
        the evidence ladder by ``evidence_rank``, 1 strongest) and its "not the same"
        decisions."""
        now = database_now(self.session)
        who = author_or_default(author)
        problems = self._uids(
            PROBLEMS,
            and_(PROBLEMS.c.owner_pk == merged_pk, PROBLEMS.c.deleted_at.is_(None)),
        )
        self.session.execute(
            update(PROBLEMS)
            .where(PROBLEMS.c.owner_pk == merged_pk)
            .values(
                owner_pk=survivor_pk,
                version=PROBLEMS.c.version + 1,
                updated_at=now,
                updated_by=who,
            )
        )
        child_rows = and_(ACTORS.c.parent_pk == merged_pk, ACTORS.c.pk != survivor_pk)
        children = self._uids(ACTORS, and_(child_rows, ACTORS.c.deleted_at.is_(None)))
        self.session.execute(
            update(ACTORS)
            .where(child_rows)
            .values(
                parent_pk=survivor_pk,
                version=ACTORS.c.version + 1,
                updated_at=now,
                updated_by=who,
            )
        )
        ranks = _Ranks(stage_rank, evidence_rank or {})
        moved, joined = self._move_partnerships(survivor_pk, merged_pk, ranks, author, now)
        self._move_distinct(survivor_pk, merged_pk)
        return MovedReferences(problems, children, moved, joined)

    def _move_partnerships(
        self,
        survivor_pk: int,
        merged_pk: int,
        ranks: _Ranks,
        author: str | None,
        now: dt.datetime,
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        theirs = self._partnerships(merged_pk, live_only=True)
        mine = {p.problem_pk: p for p in self._partnerships(survivor_pk, live_only=False)}
        moved: list[str] = []
        joined: list[str] = []
        who = author_or_default(author)
        for other in theirs:
            kept = mine.get(other.problem_pk)
            if kept is None:
                self.session.execute(
                    update(PARTNERSHIPS)
                    .where(PARTNERSHIPS.c.pk == other.pk)
                    .values(
                        actor_pk=survivor_pk,
                        version=PARTNERSHIPS.c.version + 1,
                        updated_at=now,
                        updated_by=who,
                    )
                )
                moved.append(other.problem_id)
            else:
                self._join(kept, other, ranks, author)
                joined.append(other.problem_id)
        return tuple(sorted(moved)), tuple(sorted(joined))

    def _join(
        self,
        kept: _Partnership,
        other: _Partnership,
        ranks: _Ranks,
        author: str | None,
    ) -> None:
        """One partnership of the two on the same problem statement: the survivor's row (a
        tombstone revived) with the more advanced stage, both notes and effects, the stronger
        evidence step, both histories in time order and both success factors; the merged
        actor's row becomes a tombstone."""
        if kept.deleted:
            stored = partnership_rows.StoredPartnership(kept.pk, kept.stage, kept.version, True)
            revived_on = other.updated_on or database_now(self.session).date()
            if not partnership_rows.revive(
                self.session, stored, stage=other.stage, updated_on=revived_on, author=author
            ):
                raise RuntimeError("partnership changed during the merge")  # pragma: no cover
            kept = _Partnership(
                kept.pk,
                kept.problem_pk,
                kept.problem_id,
                other.stage,
                None,
                None,
                None,
                kept.version + 1,
                False,
            )
        stage_rank, evidence_rank = ranks.stage, ranks.evidence
        ahead = stage_rank.get(other.stage, -1) > stage_rank.get(kept.stage, -1)
        leading, trailing = (other, kept) if ahead else (kept, other)
        notes = [n.strip() for n in (kept.notes, other.notes) if n and n.strip()]
        effects = [e.strip() for e in (kept.effect, other.effect) if e and e.strip()]
        # The stronger step of the evidence ladder (rank 1 is the strongest).
        levels = [v for v in (kept.evidence_level, other.evidence_level) if v]
        evidence = min(levels, key=lambda v: evidence_rank.get(v, len(evidence_rank)), default=None)
        dates = [d for d in (kept.updated_on, other.updated_on) if d is not None]
        history = self._history([kept.pk, other.pk])
        factors = self._factors([kept.pk, other.pk])
        # The merged actor's row goes first (its history and factors are copied above).
        if not partnership_rows.tombstone(self.session, other.pk, other.version, author):
            raise RuntimeError("partnership changed during the merge")  # pragma: no cover
        values: dict[str, Any] = {
            "stage": leading.stage,
            "type": leading.type or trailing.type,
            "notes": "\n\n".join(dict.fromkeys(notes)) or None,
            "effect": "\n\n".join(dict.fromkeys(effects)) or None,
            "evidence_level": evidence,
            "updated_on": max(dates) if dates else None,
        }
        if not partnership_rows.write(self.session, kept.pk, kept.version, author, **values):
            raise RuntimeError("partnership changed during the merge")  # pragma: no cover
        partnership_rows.replace_factors(self.session, kept.pk, factors)
        self.session.execute(
            delete(PARTNERSHIP_HISTORY).where(PARTNERSHIP_HISTORY.c.partnership_pk == kept.pk)
        )
        if history:
            self.session.execute(
                insert(PARTNERSHIP_HISTORY),
                [{**row, "partnership_pk": kept.pk} for row in history],
            )

    def _history(self, pks: Sequence[int]) -> list[dict[str, Any]]:
        """The stage changes of these partnerships, oldest first."""
        rows = self.session.execute(
            select(
                PARTNERSHIP_HISTORY.c.stage,
                PARTNERSHIP_HISTORY.c.changed_at,
                PARTNERSHIP_HISTORY.c.note,
                PARTNERSHIP_HISTORY.c.changed_by,
            )
            .where(PARTNERSHIP_HISTORY.c.partnership_pk.in_(list(pks)))
            .order_by(PARTNERSHIP_HISTORY.c.changed_at, PARTNERSHIP_HISTORY.c.pk)
        )
        return [dict(r._mapping) for r in rows]

    def _factors(self, pks: Sequence[int]) -> list[str]:
        found: list[str] = []
        for pk in pks:
            codes = self.session.execute(
                select(PARTNERSHIP_FACTORS.c.code)
                .where(PARTNERSHIP_FACTORS.c.partnership_pk == pk)
                .order_by(PARTNERSHIP_FACTORS.c.position)
            ).scalars()
            found += [str(c) for c in codes if c not in found]
        return found

    def _partnerships(self, actor_pk: int, *, live_only: bool) -> list[_Partnership]:
        stmt = (
            select(
                PARTNERSHIPS.c.pk,
                PARTNERSHIPS.c.problem_pk,
                PROBLEMS.c.uid,
                PARTNERSHIPS.c.stage,
                PARTNERSHIPS.c.type,
                PARTNERSHIPS.c.notes,
                PARTNERSHIPS.c.updated_on,
                PARTNERSHIPS.c.version,
                PARTNERSHIPS.c.deleted_at,
                PARTNERSHIPS.c.effect,
                PARTNERSHIPS.c.evidence_level,
            )
            .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
            .where(PARTNERSHIPS.c.actor_pk == actor_pk)
            .order_by(PARTNERSHIPS.c.pk)
        )
        if live_only:
            stmt = stmt.where(PARTNERSHIPS.c.deleted_at.is_(None))
        return [
            _Partnership(
                int(r.pk),
                int(r.problem_pk),
                str(r.uid),
                str(r.stage),
                r.type,
                r.notes,
                r.updated_on,
                int(r.version),
                r.deleted_at is not None,
                r.effect,
                r.evidence_level,
            )
            for r in self.session.execute(stmt)
        ]

    def _move_distinct(self, survivor_pk: int, merged_pk: int) -> None:
        """The merged actor's "not the same" decisions hold for the survivor too."""
        rows = self.session.execute(
            select(DISTINCT).where(
                or_(DISTINCT.c.first_pk == merged_pk, DISTINCT.c.second_pk == merged_pk)
            )
        ).all()
        for row in rows:
            other = row.second_pk if row.first_pk == merged_pk else row.first_pk
            if other == survivor_pk or self.is_distinct(survivor_pk, other):
                continue
            self.session.execute(
                insert(DISTINCT),
                [
                    {
                        "first_pk": min(survivor_pk, other),
                        "second_pk": max(survivor_pk, other),
                        "decided_at": row.decided_at,
                        "decided_by": row.decided_by,
                    }
                ],
            )

    def record(
        self,
        survivor_pk: int,
        merged_pk: int,
        fields: Mapping[str, str],
        *,
        score: float | None,
        evidence: Sequence[Evidence],
        author: str | None = None,
    ) -> None:
        """Write the merge into the history (actor_merges)."""
        self.session.execute(
            insert(MERGES),
            [
                {
                    "survivor_pk": survivor_pk,
                    "merged_pk": merged_pk,
                    "fields": json.dumps(dict(sorted(fields.items())), ensure_ascii=False),
                    "score": score,
                    "evidence": json.dumps(
                        [
                            {"field": e.field, "agrees": e.agrees, "detail": e.detail}
                            for e in evidence
                        ],
                        ensure_ascii=False,
                    ),
                    "merged_at": database_now(self.session),
                    "merged_by": author_or_default(author),
                }
            ],
        )

    def history(self, survivor_pk: int) -> list[MergeRecord]:
        """The merges into the actor with key ``survivor_pk``, oldest first."""
        survivor, merged = aliased(ACTORS), aliased(ACTORS)
        stmt = (
            select(
                survivor.c.uid.label("survivor_id"),
                merged.c.uid.label("merged_id"),
                merged.c.name.label("merged_name"),
                MERGES.c.fields,
                MERGES.c.score,
                MERGES.c.evidence,
                MERGES.c.merged_at,
                MERGES.c.merged_by,
            )
            .join(survivor, survivor.c.pk == MERGES.c.survivor_pk)
            .join(merged, merged.c.pk == MERGES.c.merged_pk)
            .where(MERGES.c.survivor_pk == survivor_pk)
            .order_by(MERGES.c.pk)
        )
        return [
            MergeRecord(
                survivor_id=r.survivor_id,
                merged_id=r.merged_id,
                merged_name=r.merged_name,
                fields=json.loads(r.fields),
                score=r.score,
                evidence=tuple(
                    Evidence(e["field"], bool(e["agrees"]), e["detail"])
                    for e in json.loads(r.evidence or "[]")
                ),
                merged_at=r.merged_at,
                merged_by=r.merged_by,
            )
            for r in self.session.execute(stmt)
        ]

    def _uids(self, table: Table, condition: Any) -> tuple[str, ...]:
        stmt = select(table.c.uid).where(condition)
        return tuple(sorted(str(u) for u in self.session.execute(stmt).scalars()))
