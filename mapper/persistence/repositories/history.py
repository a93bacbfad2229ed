"""The change history (historik) as stored: one row per change of an actor, problem statement or
partnership, with the changed fields as ``{interchange field path: [old, new]}``; written by
the saves and deletes, read one record at a time, and blanked for privacy (``erase_values``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from mapper.domain.model import Actor, Partnership, ProblemStatement
from mapper.persistence.orm import RecordHistoryEntry

HISTORY: Table = RecordHistoryEntry.__table__  # type: ignore[assignment]

RECORD_TYPES = ("actor", "problem", "partnership")
ACTIONS = ("created", "changed", "deleted", "revived", "merged", "imported")

Changes = dict[str, list[Any]]
"""field path → [old, new], values as JSON."""

_SKIPPED = frozenset({"id", "history"})
"""Fields no change is recorded for: the id names the record; a partnership's stage history
is a history of its own."""


@dataclass(frozen=True)
class HistoryRow:
    """One stored change."""

    record_type: str
    record_uid: str
    version: int
    changed_at: dt.datetime
    changed_by: str | None
    action: str
    changes: Changes | None
    """None when no values are kept (an imported new record, or values erased)."""


def partnership_uid(problem_id: str, actor_id: str) -> str:
    """How the history names a partnership (it has no id of its own)."""
    return f"{problem_id}:{actor_id}"


# --------------------------------------------------------------------------- diffs


def json_value(value: Any) -> Any:
    """A field's value as the history stores it (JSON: lists, objects, ISO dates)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [json_value(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def field_values(record: Actor | ProblemStatement | Partnership) -> dict[str, Any]:
    """The record's fields by interchange path (``profile.we_are``; nested records flattened,
    lists whole), values as JSON."""
    values: dict[str, Any] = {}

    def walk(obj: Any, prefix: str) -> None:
        for f in dataclasses.fields(obj):
            if not prefix and f.name in _SKIPPED:
                continue
            value = getattr(obj, f.name)
            path = f"{prefix}{f.name}"
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                walk(value, f"{path}.")
            else:
                values[path] = json_value(value)

    walk(record, "")
    return values


def diff(
    before: Actor | ProblemStatement | Partnership | None,
    after: Actor | ProblemStatement | Partnership | None,
) -> Changes:
    """{path: [old, new]} of the fields that differ. A new record (``before`` None) gives its
    filled fields only; a deleted one (``after`` None) nothing but what it held."""
    old = field_values(before) if before is not None else {}
    new = field_values(after) if after is not None else {}
    if before is None or after is None:
        return {
            path: [old.get(path), new.get(path)]
            for path, value in (new or old).items()
            if value not in _EMPTY
        }
    return {
        path: [old.get(path), new.get(path)]
        for path in dict.fromkeys([*old, *new])
        if old.get(path) != new.get(path)
    }


_EMPTY: tuple[Any, ...] = (None, "", [])


def uid_of(record: Actor | ProblemStatement | Partnership) -> str:
    """The id the history names the record by."""
    if isinstance(record, Partnership):
        return partnership_uid(record.problem_id, record.actor_id)
    return record.id


# --------------------------------------------------------------------------- writing


def entry(
    record_type: str,
    uid: str,
    version: int,
    action: str,
    changes: Mapping[str, Sequence[Any]] | None,
) -> dict[str, Any]:
    """One row to ``record``: which record, the version the change gave it, what was done."""
    assert record_type in RECORD_TYPES and action in ACTIONS, (record_type, action)
    return {
        "record_type": record_type,
        "record_uid": uid,
        "version": version,
        "action": action,
        "changes": None if changes is None else json.dumps(changes, ensure_ascii=False),
    }


def record(
    session: Session,
    rows: Iterable[dict[str, Any]],
    *,
    author: str | None,
    now: dt.datetime | None = None,
) -> None:
    """Store history rows made by ``entry``, stamped ``now`` (default: the database clock)
    and by ``author`` (default: the OS login); one executemany for any number."""
    # Imported here: the store records its saves through this module.
    from mapper.domain.authors import author_or_default
    from mapper.persistence.store import bulk_insert, database_now

    batch = list(rows)
    if not batch:
        return
    moment = now if now is not None else database_now(session)
    who = author_or_default(author)
    for row in batch:
        row["changed_at"] = moment
        row["changed_by"] = who
    bulk_insert(session, HISTORY, batch)


# --------------------------------------------------------------------------- reading


def entries(session: Session, record_type: str, uid: str) -> list[HistoryRow]:
    """The record's changes, newest first."""
    stmt = (
        select(HISTORY)
        .where(HISTORY.c.record_type == record_type, HISTORY.c.record_uid == uid)
        .order_by(HISTORY.c.pk.desc())
    )
    return [
        HistoryRow(
            record_type=r.record_type,
            record_uid=r.record_uid,
            version=int(r.version),
            changed_at=r.changed_at,
            changed_by=r.changed_by,
            action=r.action,
            changes=json.loads(r.changes) if r.changes else None,
        )
        for r in session.execute(stmt)
    ]


def erase_values(session: Session, record_type: str, uid: str) -> int:
    """Blank the values of the record's history (for the erasure of a person's data): what
    was done, when and by whom stays. The number of rows blanked."""
    result = session.execute(
        update(HISTORY)
        .where(
            HISTORY.c.record_type == record_type,
            HISTORY.c.record_uid == uid,
            HISTORY.c.changes.is_not(None),
        )
        .values(changes=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _id_tables() -> dict[str, Table]:
    from mapper.persistence.store import ACTORS, PROBLEMS

    return {"actor": ACTORS, "problem": PROBLEMS}


def exists(session: Session, record_type: str, uid: str) -> bool:
    """Whether the record is stored, tombstones included (a record from before the history
    was kept has none)."""
    if record_type == "partnership":
        from mapper.persistence.store import ACTORS, PARTNERSHIPS, PROBLEMS

        # Ids may hold ':' themselves: every split of 'problem:actor' is tried.
        pairs = [(uid[:i], uid[i + 1 :]) for i, c in enumerate(uid) if c == ":"]
        for problem_id, actor_id in pairs:
            stmt = (
                select(PARTNERSHIPS.c.pk)
                .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
                .join(ACTORS, ACTORS.c.pk == PARTNERSHIPS.c.actor_pk)
                .where(PROBLEMS.c.uid == problem_id, ACTORS.c.uid == actor_id)
            )
            if session.execute(stmt).first() is not None:
                return True
        return False
    table = _id_tables()[record_type]
    return session.execute(select(table.c.pk).where(table.c.uid == uid)).first() is not None


def nearest_uid(session: Session, record_type: str, uid: str) -> str | None:
    """The stored id nearest to ``uid`` (for 'did you mean'), or None."""
    from mapper.domain.ids import nearest_id

    if record_type == "partnership":
        ids = session.execute(
            select(HISTORY.c.record_uid).where(HISTORY.c.record_type == record_type).distinct()
        ).scalars()
    else:
        ids = session.execute(select(_id_tables()[record_type].c.uid)).scalars()
    return nearest_id(uid, list(ids))
