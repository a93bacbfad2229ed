"""Reads and writes of offline sync: a checked-out copy's origin, the per-record base both
sides last agreed on, the open conflicts; and, on either side, the versions of records by
interchange id and the records of one municipality (the checkout's scope)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from mapper.domain.three_way import Side
from mapper.persistence.orm import (
    SyncBase,
    SyncConflict,
    SyncOrigin,
    SyncPending,
    SyncReceipt,
)
from mapper.persistence.repositories.history import partnership_uid
from mapper.persistence.store import ACTORS, PARTNERSHIPS, PROBLEMS, chunks

ORIGIN: Table = SyncOrigin.__table__  # type: ignore[assignment]
BASE: Table = SyncBase.__table__  # type: ignore[assignment]
CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]
PENDING: Table = SyncPending.__table__  # type: ignore[assignment]
RECEIPTS: Table = SyncReceipt.__table__  # type: ignore[assignment]

RECORD_TYPES = ("actor", "problem", "partnership")
"""In the order records are written: what a record refers to comes before it."""


@dataclass(frozen=True)
class Origin:
    server_url: str
    municipality_code: str | None
    checked_out_at: dt.datetime
    checked_out_by: str | None
    last_sync_at: dt.datetime | None
    copy_id: str


@dataclass(frozen=True)
class Base:
    server_version: int
    local_version: int
    snapshot: dict[str, Any]


@dataclass(frozen=True)
class Stored:
    """A record's key, version and whether it is a tombstone, on one side."""

    pk: int
    version: int
    deleted: bool


@dataclass(frozen=True)
class ConflictRow:
    record_type: str
    record_uid: str
    field: str
    base: Any
    local: Any
    server: Any
    found_at: dt.datetime
    resolution: Side | None


# --------------------------------------------------------------------------- origin


def origin(session: Session) -> Origin | None:
    row = session.execute(select(ORIGIN).order_by(ORIGIN.c.pk).limit(1)).first()
    if row is None:
        return None
    return Origin(
        row.server_url, row.municipality_code, row.checked_out_at, row.checked_out_by,
        row.last_sync_at, row.copy_id,
    )  # fmt: skip


def set_origin(
    session: Session, server_url: str, municipality_code: str | None, by: str, now: dt.datetime
) -> None:
    session.execute(delete(ORIGIN))
    session.execute(
        insert(ORIGIN).values(
            pk=1,
            server_url=server_url,
            municipality_code=municipality_code,
            checked_out_at=now,
            checked_out_by=by,
            last_sync_at=now,
            copy_id=str(uuid.uuid4()),
        )
    )


def mark_synced(session: Session, now: dt.datetime) -> None:
    session.execute(update(ORIGIN).values(last_sync_at=now))


# --------------------------------------------------------------------------- base


def bases(session: Session, record_type: str) -> dict[str, Base]:
    stmt = select(BASE.c.record_uid, BASE.c.server_version, BASE.c.local_version, BASE.c.snapshot)
    return {
        uid: Base(int(server), int(local), json.loads(snapshot))
        for uid, server, local, snapshot in session.execute(
            stmt.where(BASE.c.record_type == record_type)
        )
    }


def put_bases(session: Session, record_type: str, rows: Mapping[str, Base]) -> None:
    """Replace the bases of these records."""
    drop_bases(session, record_type, list(rows))
    if rows:
        session.execute(
            insert(BASE),
            [
                {
                    "record_type": record_type,
                    "record_uid": uid,
                    "server_version": b.server_version,
                    "local_version": b.local_version,
                    "snapshot": json.dumps(b.snapshot, ensure_ascii=False, sort_keys=True),
                }
                for uid, b in rows.items()
            ],
        )


def drop_bases(session: Session, record_type: str, uids: Sequence[str]) -> None:
    for part in chunks(sorted(uids)):
        session.execute(
            delete(BASE).where(BASE.c.record_type == record_type, BASE.c.record_uid.in_(part))
        )


def note_pending(session: Session, push_id: str, records: Mapping[str, Mapping[str, Any]]) -> None:
    """Note what is about to be sent to the server: {record type: {uid: note}}, a note being
    any JSON value (the service notes the record sent and the copy's record then)."""
    session.execute(delete(PENDING))
    values = [
        {
            "record_type": record_type,
            "record_uid": uid,
            "push_id": push_id,
            "snapshot": json.dumps(record, ensure_ascii=False, sort_keys=True),
        }
        for record_type, by_uid in records.items()
        for uid, record in by_uid.items()
    ]
    for part in chunks(values):
        session.execute(insert(PENDING), list(part))


def pending(session: Session) -> dict[tuple[str, str], tuple[str, Any]]:
    """{(record type, uid): (push id, note)} of what a sync cut off may have sent."""
    stmt = select(
        PENDING.c.record_type, PENDING.c.record_uid, PENDING.c.push_id, PENDING.c.snapshot
    )
    return {
        (t, uid): (push, json.loads(snapshot)) for t, uid, push, snapshot in session.execute(stmt)
    }


def write_receipts(
    session: Session, copy_id: str, push_id: str, versions: Mapping[str, Mapping[str, int]]
) -> None:
    """On the server: the versions this push gave the records (replacing the copy's older
    receipts), in the push's own transaction."""
    session.execute(delete(RECEIPTS).where(RECEIPTS.c.copy_id == copy_id))
    values = [
        {
            "copy_id": copy_id,
            "record_type": t,
            "record_uid": uid,
            "push_id": push_id,
            "server_version": version,
        }
        for t, by_uid in versions.items()
        for uid, version in by_uid.items()
    ]
    for part in chunks(values):
        session.execute(insert(RECEIPTS), list(part))


def receipts(session: Session, copy_id: str) -> dict[tuple[str, str], tuple[str, int]]:
    """On the server: {(record type, uid): (push id, version)} of the copy's last push."""
    stmt = select(
        RECEIPTS.c.record_type, RECEIPTS.c.record_uid, RECEIPTS.c.push_id, RECEIPTS.c.server_version
    ).where(RECEIPTS.c.copy_id == copy_id)
    return {(t, uid): (push, int(version)) for t, uid, push, version in session.execute(stmt)}


def clear_pending(session: Session) -> None:
    session.execute(delete(PENDING))


def rename_base(session: Session, record_type: str, uid: str, new_uid: str) -> None:
    session.execute(
        update(BASE)
        .where(BASE.c.record_type == record_type, BASE.c.record_uid == uid)
        .values(record_uid=new_uid)
    )


def drop_bases_ending(session: Session, record_type: str, suffix: str) -> None:
    session.execute(
        delete(BASE).where(BASE.c.record_type == record_type, BASE.c.record_uid.endswith(suffix))
    )


def snapshots_holding(session: Session, needles: Iterable[str]) -> list[tuple[str, str, str]]:
    """(record type, uid, snapshot text) of the bases whose snapshot holds any needle (a
    person's name, e-mail or phone): erasure redacts them too."""
    words = [n for n in needles if n]
    if not words:
        return []
    stmt = select(BASE.c.record_type, BASE.c.record_uid, BASE.c.snapshot).where(
        or_(*(BASE.c.snapshot.ilike(f"%{w}%") for w in words))
    )
    return [(t, u, s) for t, u, s in session.execute(stmt)]


def redact_snapshots(session: Session, needles: Iterable[str], redacted: str = "[slettet]") -> int:
    """Replace the needles (any case) in every base snapshot's texts by ``redacted``, as
    erasing a person does in the live records; how many snapshots changed."""
    words = sorted({n for n in needles if n}, key=len, reverse=True)
    if not words:
        return 0
    # What a cut-off sync had noted as sent, and open conflicts' values, may name the person
    # too: the pending notes are dropped (the next sync then merges as usual), conflicts that
    # name the person are dropped (the next sync finds them again, redacted).
    session.execute(delete(PENDING))
    for column in (CONFLICTS.c.base_value, CONFLICTS.c.local_value, CONFLICTS.c.server_value):
        session.execute(delete(CONFLICTS).where(or_(*(column.ilike(f"%{w}%") for w in words))))
    changed = 0
    for record_type, uid, text in snapshots_holding(session, words):
        record = json.loads(text)
        cleaned = _redact(record, words, redacted)
        if cleaned != record:
            session.execute(
                update(BASE)
                .where(BASE.c.record_type == record_type, BASE.c.record_uid == uid)
                .values(snapshot=json.dumps(cleaned, ensure_ascii=False, sort_keys=True))
            )
            changed += 1
    return changed


def _redact(value: Any, words: Sequence[str], redacted: str) -> Any:
    if isinstance(value, str):
        for word in words:
            value = re.sub(re.escape(word), redacted, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, list):
        return [_redact(v, words, redacted) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, words, redacted) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- conflicts


def conflicts(session: Session) -> list[ConflictRow]:
    stmt = select(CONFLICTS).order_by(
        CONFLICTS.c.record_type, CONFLICTS.c.record_uid, CONFLICTS.c.field
    )
    return [_conflict_row(r) for r in session.execute(stmt)]


def _conflict_row(r: Any) -> ConflictRow:
    return ConflictRow(
        r.record_type,
        r.record_uid,
        r.field,
        _loads(r.base_value),
        _loads(r.local_value),
        _loads(r.server_value),
        r.found_at,
        r.resolution,
    )


def replace_conflicts(
    session: Session,
    record_type: str,
    uid: str,
    found: Sequence[tuple[str, Any, Any, Any]],
    now: dt.datetime,
) -> None:
    """The record's open conflicts become ``found`` (field, base, local, server); decisions
    on fields whose two values are unchanged are kept, the rest are dropped."""
    old = {c.field: c for c in conflicts_of(session, record_type, uid)}
    clear_conflicts(session, record_type, [uid])
    rows = []
    for field, base, local, server in found:
        same = field in old and old[field].local == local and old[field].server == server
        rows.append(
            {
                "record_type": record_type,
                "record_uid": uid,
                "field": field,
                "base_value": _dumps(base),
                "local_value": _dumps(local),
                "server_value": _dumps(server),
                "found_at": old[field].found_at if same else now,
                "resolution": old[field].resolution if same else None,
            }
        )
    if rows:
        session.execute(insert(CONFLICTS), rows)


def conflicts_of(session: Session, record_type: str, uid: str) -> list[ConflictRow]:
    stmt = select(CONFLICTS).where(
        CONFLICTS.c.record_type == record_type, CONFLICTS.c.record_uid == uid
    )
    return [_conflict_row(r) for r in session.execute(stmt)]


def clear_conflicts(session: Session, record_type: str, uids: Sequence[str]) -> None:
    for part in chunks(sorted(uids)):
        session.execute(
            delete(CONFLICTS).where(
                CONFLICTS.c.record_type == record_type, CONFLICTS.c.record_uid.in_(part)
            )
        )


def decide(session: Session, record_type: str, uid: str, field: str, side: Side) -> bool:
    """Record the user's decision on an open conflict; False when there is no such one."""
    result = session.execute(
        update(CONFLICTS)
        .where(
            CONFLICTS.c.record_type == record_type,
            CONFLICTS.c.record_uid == uid,
            CONFLICTS.c.field == field,
        )
        .values(resolution=side)
    )
    return bool(getattr(result, "rowcount", 0))


def decisions(session: Session) -> dict[tuple[str, str], dict[str, ConflictRow]]:
    """{(record type, uid): {field: conflict}} of the decided conflicts: a decision holds
    only while both values are still those the user decided between."""
    found: dict[tuple[str, str], dict[str, ConflictRow]] = {}
    for row in session.execute(select(CONFLICTS).where(CONFLICTS.c.resolution.is_not(None))):
        conflict = _conflict_row(row)
        found.setdefault((conflict.record_type, conflict.record_uid), {})[conflict.field] = conflict
    return found


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


# --------------------------------------------------------------------------- either side


def stored(
    session: Session, record_type: str, uids: Iterable[str] | None = None
) -> dict[str, Stored]:
    """Key, version and tombstone flag of the records by interchange id (all of them, or
    those among ``uids``; tombstones included)."""
    if record_type == "partnership":
        return _stored_partnerships(session, None if uids is None else set(uids))
    table = ACTORS if record_type == "actor" else PROBLEMS
    stmt = select(table.c.uid, table.c.pk, table.c.version, table.c.deleted_at)
    found: dict[str, Stored] = {}
    if uids is None:
        rows: Iterable[Any] = session.execute(stmt)
    else:
        rows = (
            r
            for part in chunks(sorted(set(uids)))
            for r in session.execute(stmt.where(table.c.uid.in_(part)))
        )
    for uid, pk, version, deleted_at in rows:
        found[uid] = Stored(int(pk), int(version), deleted_at is not None)
    return found


def _stored_partnerships(session: Session, uids: set[str] | None) -> dict[str, Stored]:
    problem = PROBLEMS.alias("p")
    actor = ACTORS.alias("a")
    stmt = (
        select(
            problem.c.uid,
            actor.c.uid,
            PARTNERSHIPS.c.pk,
            PARTNERSHIPS.c.version,
            PARTNERSHIPS.c.deleted_at,
            problem.c.deleted_at,
            actor.c.deleted_at,
        )
        .join(problem, problem.c.pk == PARTNERSHIPS.c.problem_pk)
        .join(actor, actor.c.pk == PARTNERSHIPS.c.actor_pk)
    )
    found: dict[str, Stored] = {}
    for problem_uid, actor_uid, pk, version, gone, problem_gone, actor_gone in session.execute(
        stmt
    ):
        uid = partnership_uid(problem_uid, actor_uid)
        if uids is None or uid in uids:
            dead = gone is not None or problem_gone is not None or actor_gone is not None
            found[uid] = Stored(int(pk), int(version), dead)
    return found


def scope(session: Session, municipality_code: str | None) -> dict[str, set[str]]:
    """The live records a checkout of the municipality holds (every live one for None): its
    actors and problem statements, the partnerships of either, and what those refer to
    (problem owners, partners, parents up the chain), so that the copy is whole."""
    live_actors = ACTORS.c.deleted_at.is_(None)
    live_problems = PROBLEMS.c.deleted_at.is_(None)
    actor_rows = {
        uid: (pk, parent)
        for uid, pk, parent in session.execute(
            select(ACTORS.c.uid, ACTORS.c.pk, ACTORS.c.parent_pk).where(live_actors)
        )
    }
    problem_rows = {
        uid: (pk, owner)
        for uid, pk, owner in session.execute(
            select(PROBLEMS.c.uid, PROBLEMS.c.pk, PROBLEMS.c.owner_pk).where(live_problems)
        )
    }
    uid_of_actor = {pk: uid for uid, (pk, _) in actor_rows.items()}
    uid_of_problem = {pk: uid for uid, (pk, _) in problem_rows.items()}
    if municipality_code is None:
        actors, problems = set(actor_rows), set(problem_rows)
    else:
        actors = set(
            session.execute(
                select(ACTORS.c.uid).where(
                    live_actors, ACTORS.c.municipality_code == municipality_code
                )
            ).scalars()
        )
        problems = set(
            session.execute(
                select(PROBLEMS.c.uid).where(
                    live_problems, PROBLEMS.c.municipality_code == municipality_code
                )
            ).scalars()
        )
        problems |= {
            uid for uid, (_, owner) in problem_rows.items() if uid_of_actor.get(owner) in actors
        }
    pairs = [
        (uid_of_problem.get(problem_pk), uid_of_actor.get(actor_pk))
        for problem_pk, actor_pk in session.execute(
            select(PARTNERSHIPS.c.problem_pk, PARTNERSHIPS.c.actor_pk).where(
                PARTNERSHIPS.c.deleted_at.is_(None)
            )
        )
    ]
    partnerships = set()
    for problem, actor in pairs:
        if problem is None or actor is None:
            continue
        if problem in problems or actor in actors:
            partnerships.add(partnership_uid(problem, actor))
            problems.add(problem)
            actors.add(actor)
    for problem in problems:
        owner = uid_of_actor.get(problem_rows[problem][1])
        if owner:
            actors.add(owner)
    # Parents up the chain (a cycle stored before cycles were refused ends the walk).
    todo = list(actors)
    while todo:
        parent = uid_of_actor.get(actor_rows[todo.pop()][1])
        if parent and parent not in actors:
            actors.add(parent)
            todo.append(parent)
    return {"actor": actors, "problem": problems, "partnership": partnerships}
