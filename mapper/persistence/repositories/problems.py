"""The problem statement repository: all SQL about problem statements (problemstillinger), their
codes and sought resources, and their tombstones. Reads see only live records; a deleted
problem statement stays as a tombstone (deleted_at/_by) that a new one with its id revives."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Table, delete, func, select, update
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.model import ProblemStatement, Seeking
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.store import (
    ACTORS,
    PARTNERSHIPS,
    PROBLEM_CODES,
    PROBLEM_RESOURCES,
    PROBLEMS,
    RecordCounts,
    _code_rows,
    _group,
    _insert_children,
    _insert_returning_keys,
    _location,
    _location_columns,
    _resource,
    _resource_rows,
    _rows_in,
    _stamp,
    _tombstoned,
    _uids_by_key,
    _update_rows,
    _versions,
    actor_keys,
    chunks,
    database_now,
    record_writes,
    tombstone_row,
)

PROBLEM_FACETS = {
    "target_group": "target_groups",
    "required_resource": "required_resources",
    "sought_role": "roles",
    "sought_actor_kind": "actor_kinds",
    "excluded_actor_kind": "excluded_actor_kinds",
}
LIVE = PROBLEMS.c.deleted_at.is_(None)
"""Where-clause of the problem statements not deleted."""


@dataclass(frozen=True)
class StoredProblem:
    """What a write checks before it writes: key, version, status and whether it is deleted."""

    pk: int
    version: int
    status: str
    deleted: bool


@dataclass(frozen=True)
class ProblemRow:
    """One row of the problem list."""

    pk: int
    uid: str
    title: str
    owner_uid: str | None
    owner_name: str | None
    municipality_code: str | None
    status: str
    target_groups: tuple[str, ...]
    involves_statutory_task: bool


# --------------------------------------------------------------------------- keys and ids


def problem_keys(session: Session, uids: Iterable[str] | None = None) -> dict[str, int]:
    """uid → internal key of the live problem statements with these uids (or all)."""
    if uids is None:
        return {
            uid: pk
            for pk, uid in session.execute(select(PROBLEMS.c.pk, PROBLEMS.c.uid).where(LIVE))
        }
    result: dict[str, int] = {}
    for part in chunks(list(uids)):
        stmt = select(PROBLEMS.c.pk, PROBLEMS.c.uid).where(PROBLEMS.c.uid.in_(part), LIVE)
        result.update({uid: pk for pk, uid in session.execute(stmt)})
    return result


def stored_problem(session: Session, uid: str, *, lock: bool = False) -> StoredProblem | None:
    """The stored state of ``uid``, a tombstone included; ``lock`` holds the row (PostgreSQL)
    until the unit of work ends."""
    stmt = select(PROBLEMS.c.pk, PROBLEMS.c.version, PROBLEMS.c.status, PROBLEMS.c.deleted_at)
    stmt = stmt.where(PROBLEMS.c.uid == uid)
    if lock:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).one_or_none()
    if row is None:
        return None
    return StoredProblem(int(row.pk), int(row.version), str(row.status), row.deleted_at is not None)


def version_of(session: Session, uid: str) -> int:
    return int(
        session.execute(select(PROBLEMS.c.version).where(PROBLEMS.c.uid == uid)).scalar_one()
    )


def live_uids(session: Session) -> list[str]:
    """The ids of every live problem statement (to offer the nearest to a typo)."""
    return list(session.execute(select(PROBLEMS.c.uid).where(LIVE)).scalars())


def uids_starting_with(session: Session, base: str) -> set[str]:
    """Every id beginning with ``base``, tombstones included: their ids are not free for a new
    record (one would revive the tombstone)."""
    escaped = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = select(PROBLEMS.c.uid).where(PROBLEMS.c.uid.like(f"{escaped}%", escape="\\"))
    return set(session.execute(stmt).scalars())


def uids_in_municipality(session: Session, code: str) -> list[str]:
    """Ids of the live problem statements of municipality ``code`` (for its id prefix)."""
    stmt = select(PROBLEMS.c.uid).where(PROBLEMS.c.problem_municipality_code == code, LIVE)
    return list(session.execute(stmt).scalars())


def municipality_codes(session: Session) -> set[str]:
    """The municipality codes the live problem statements name or lie in."""
    codes: set[str] = set()
    for column in (PROBLEMS.c.municipality_code, PROBLEMS.c.problem_municipality_code):
        stmt = select(column).where(LIVE).distinct()
        codes.update(code for code in session.execute(stmt).scalars() if code)
    return codes


def live_partnership_count(session: Session, problem_pk: int) -> int:
    stmt = (
        select(func.count())
        .select_from(PARTNERSHIPS)
        .where(PARTNERSHIPS.c.problem_pk == problem_pk, PARTNERSHIPS.c.deleted_at.is_(None))
    )
    return int(session.execute(stmt).scalar_one())


def count_live(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(PROBLEMS).where(LIVE)).scalar_one())


# --------------------------------------------------------------------------- reading


def load_problems(
    session: Session, pks: Sequence[int] | None = None
) -> list[tuple[int, ProblemStatement]]:
    """(key, problem statement) for the given keys (or every live one), in key order."""
    if pks is None:
        rows = list(session.execute(select(PROBLEMS).where(LIVE).order_by(PROBLEMS.c.pk)))
    else:
        rows = [
            r
            for part in chunks(sorted(pks))
            for r in session.execute(select(PROBLEMS).where(PROBLEMS.c.pk.in_(part)))
        ]
        rows.sort(key=lambda r: r.pk)
    keys = None if pks is None else [r.pk for r in rows]
    codes = _group(
        _rows_in(session, PROBLEM_CODES, "problem_pk", keys, ("problem_pk", "facet", "position")),
        "problem_pk",
    )
    resources = _group(
        _rows_in(session, PROBLEM_RESOURCES, "problem_pk", keys, ("problem_pk", "position")),
        "problem_pk",
    )
    owners = _uids_by_key(session, ACTORS, [r.owner_pk for r in rows if r.owner_pk])
    result = []
    for r in rows:
        by_facet: dict[str, list[str]] = defaultdict(list)
        for c in codes.get(r.pk, ()):
            by_facet[c.facet].append(c.code)
        result.append(
            (
                r.pk,
                ProblemStatement(
                    id=r.uid,
                    title=r.title,
                    owner_id=owners.get(r.owner_pk) if r.owner_pk else None,
                    municipality_code=r.problem_municipality_code,
                    description=r.description,
                    concreteness=r.concreteness,
                    target_groups=tuple(by_facet["target_group"]),
                    prevention_level=r.prevention_level,
                    our_role=r.our_role,
                    how_we_know_it_works=r.how_we_know_it_works,
                    seeking=Seeking(
                        description=r.seeking_description,
                        resources=tuple(_resource(x) for x in resources.get(r.pk, ())),
                        required_resources=tuple(by_facet["required_resource"]),
                        roles=tuple(by_facet["sought_role"]),
                        actor_kinds=tuple(by_facet["sought_actor_kind"]),
                        must_not=r.must_not,
                        excluded_actor_kinds=tuple(by_facet["excluded_actor_kind"]),
                        max_distance_km=r.max_distance_km,
                    ),
                    partner_gets=r.partner_gets,
                    location=_location(r),
                    status=r.status,
                    involves_statutory_task=r.involves_statutory_task,
                ),
            )
        )
    return result


_OWNER = ACTORS.alias("owner")


def problem_rows(
    session: Session, *, status: str | None = None, uids: Collection[str] | None = None
) -> list[ProblemRow]:
    """The list rows of the live problem statements (at ``status``, or with these ids), by
    title then id."""
    stmt: Select[Any] = (
        select(
            PROBLEMS.c.pk,
            PROBLEMS.c.uid,
            PROBLEMS.c.title,
            _OWNER.c.uid.label("owner_uid"),
            _OWNER.c.name.label("owner_name"),
            PROBLEMS.c.problem_municipality_code,
            PROBLEMS.c.status,
            PROBLEMS.c.involves_statutory_task,
        )
        .outerjoin(_OWNER, _OWNER.c.pk == PROBLEMS.c.owner_pk)
        .where(LIVE)
        .order_by(PROBLEMS.c.title, PROBLEMS.c.uid)
    )
    if status:
        stmt = stmt.where(PROBLEMS.c.status == status)
    if uids is not None:
        stmt = stmt.where(PROBLEMS.c.uid.in_(sorted(uids)))
    rows = session.execute(stmt).all()
    groups: dict[int, list[str]] = {}
    query = (
        select(PROBLEM_CODES.c.problem_pk, PROBLEM_CODES.c.code)
        .where(PROBLEM_CODES.c.facet == "target_group")
        .order_by(PROBLEM_CODES.c.problem_pk, PROBLEM_CODES.c.position)
    )
    if uids is not None:
        query = query.where(PROBLEM_CODES.c.problem_pk.in_([r.pk for r in rows]))
    for key, code in session.execute(query):
        groups.setdefault(key, []).append(code)
    return [
        ProblemRow(
            pk=int(r.pk),
            uid=r.uid,
            title=r.title,
            owner_uid=r.owner_uid,
            owner_name=r.owner_name,
            municipality_code=r.problem_municipality_code,
            status=r.status,
            target_groups=tuple(groups.get(r.pk, ())),
            involves_statutory_task=bool(r.involves_statutory_task),
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- writing


def _problem_columns(p: ProblemStatement) -> dict[str, Any]:
    s = p.seeking
    return {
        "uid": p.id,
        "title": p.title,
        "problem_municipality_code": p.municipality_code,
        "description": p.description,
        "concreteness": p.concreteness,
        "prevention_level": p.prevention_level,
        "our_role": p.our_role,
        "how_we_know_it_works": p.how_we_know_it_works,
        "seeking_description": s.description,
        "must_not": s.must_not,
        "max_distance_km": s.max_distance_km,
        "partner_gets": p.partner_gets,
        **_location_columns(p.location),
        "status": p.status,
        "involves_statutory_task": p.involves_statutory_task,
    }


def _problem_children(pk: int, p: ProblemStatement) -> dict[Table, list[dict[str, Any]]]:
    codes = [
        {"problem_pk": pk, "facet": "target_group", "position": i, "code": c}
        for i, c in enumerate(p.target_groups)
    ]
    codes += _code_rows(
        "problem_pk",
        pk,
        p,
        {k: v for k, v in PROBLEM_FACETS.items() if k != "target_group"},
        holder=p.seeking,
    )
    return {
        PROBLEM_CODES: codes,
        PROBLEM_RESOURCES: _resource_rows("problem_pk", pk, p.seeking.resources),
    }


def save_problems(
    session: Session,
    problems: Sequence[ProblemStatement],
    *,
    expected_versions: Mapping[str, int] | None = None,
    author: str | None = None,
    recorded_as: str | None = None,
) -> RecordCounts:
    """Insert new problem statements and update changed ones by compare-and-swap on their
    version (see ``store.save_actors``). One whose id has a tombstone revives it: its new
    content, the next version, created now by ``author``; it counts as created. Each one
    written gets a change-history row (``store.record_writes``)."""
    now = database_now(session)
    author = author_or_default(author)
    stored = _versions(session, PROBLEMS, [p.id for p in problems])
    existing = {uid: pk for uid, (pk, _) in stored.items()}
    expected = {uid: version for uid, (_, version) in stored.items()}
    expected.update(expected_versions or {})
    dead = _tombstoned(session, PROBLEMS, existing.values())
    current = dict(load_problems(session, list(existing.values()))) if existing else {}
    new = [p for p in problems if p.id not in existing]
    revived = [p for p in problems if p.id in existing and existing[p.id] in dead]
    changed = [
        p
        for p in problems
        if p.id in existing and (existing[p.id] in dead or current[existing[p.id]] != p)
    ]
    owners = actor_keys(session, {p.owner_id for p in problems if p.owner_id})

    def columns(p: ProblemStatement) -> dict[str, Any]:
        return {**_problem_columns(p), "owner_pk": owners.get(p.owner_id) if p.owner_id else None}

    keys = _insert_returning_keys(session, PROBLEMS, _stamp([columns(p) for p in new], now, author))
    keys.update(existing)
    _update_rows(
        session,
        PROBLEMS,
        [{"b_pk": keys[p.id], "b_version": expected[p.id], **columns(p)} for p in changed],
        now,
        "problem",
        [p.id for p in changed],
        author,
    )
    record_writes(
        session,
        "problem",
        new,
        [
            (None if existing[p.id] in dead else current[existing[p.id]], p, expected[p.id] + 1)
            for p in changed
        ],
        now=now,
        author=author,
        recorded_as=recorded_as,
    )
    revived_keys = [keys[p.id] for p in revived]
    for part in chunks(revived_keys):
        session.execute(
            update(PROBLEMS)
            .where(PROBLEMS.c.pk.in_(part))
            .values(created_at=now, created_by=author)
        )
    changed_keys = [keys[p.id] for p in changed]
    for table in (PROBLEM_CODES, PROBLEM_RESOURCES):
        for part in chunks(changed_keys):
            session.execute(delete(table).where(table.c.problem_pk.in_(part)))
    _insert_children(session, (_problem_children(keys[p.id], p) for p in (*new, *changed)))
    created = len(new) + len(revived)
    updated = len(changed) - len(revived)
    return RecordCounts(
        created=created, updated=updated, unchanged=len(problems) - created - updated
    )


def tombstone(session: Session, pk: int, version: int, author: str | None) -> dt.datetime | None:
    """Mark the problem statement deleted (compare-and-swap on ``version``), and its live
    partnerships with it; the moment, or None when its version moved meanwhile."""
    now = tombstone_row(session, PROBLEMS, pk, version, author)
    if now is None:
        return None
    partnership_rows.tombstone_of_problem(session, pk, author)
    return now
