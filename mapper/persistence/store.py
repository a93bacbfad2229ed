"""Bulk reading and writing of landscape records (rows ↔ domain values).

Set-based on purpose: a whole register of 100,000 actors is read with a handful of queries and
written with batched multi-row INSERTs, in portable SQL that runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.errors import ConflictError
from mapper.domain.model import (
    Actor,
    ActorSeeking,
    Consent,
    Contact,
    Location,
    Profile,
    Resource,
    ReviewNote,
)
from mapper.persistence.orm import (
    ActorCode,
    ActorRecord,
    ActorRegistryId,
    ActorResource,
    ActorReviewNote,
    ActorSuccessExample,
    PartnershipRecord,
    PartnershipStageChange,
    PartnershipSuccessFactor,
    ProblemCode,
    ProblemRecord,
    ProblemResource,
)

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called as progress(done, total); plain callbacks keep the core free of Qt."""

CHUNK = 500  # keys per IN (...) list: far below every backend's parameter limit

ACTORS: Table = ActorRecord.__table__  # type: ignore[assignment]
ACTOR_CODES: Table = ActorCode.__table__  # type: ignore[assignment]
ACTOR_RESOURCES: Table = ActorResource.__table__  # type: ignore[assignment]
ACTOR_EXAMPLES: Table = ActorSuccessExample.__table__  # type: ignore[assignment]
ACTOR_REGISTRY: Table = ActorRegistryId.__table__  # type: ignore[assignment]
ACTOR_REVIEW_NOTES: Table = ActorReviewNote.__table__  # type: ignore[assignment]
PROBLEMS: Table = ProblemRecord.__table__  # type: ignore[assignment]
PROBLEM_CODES: Table = ProblemCode.__table__  # type: ignore[assignment]
PROBLEM_RESOURCES: Table = ProblemResource.__table__  # type: ignore[assignment]
PARTNERSHIPS: Table = PartnershipRecord.__table__  # type: ignore[assignment]
PARTNERSHIP_FACTORS: Table = PartnershipSuccessFactor.__table__  # type: ignore[assignment]
PARTNERSHIP_HISTORY: Table = PartnershipStageChange.__table__  # type: ignore[assignment]

# Facets of the code child tables and the domain attribute each one fills.
ACTOR_FACETS = {
    "target_group": "target_groups",
    "role": "roles",
    "prevention_level": "prevention_levels",
}
ACTOR_SEEKING_FACETS = {
    "sought_resource": "resources",
    "sought_role": "roles",
    "sought_target_group": "target_groups",
}
"""What the actor itself seeks (Actor.seeking)."""


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class RecordCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


# --------------------------------------------------------------------------- id maps


def actor_keys(session: Session, uids: Iterable[str] | None = None) -> dict[str, int]:
    """uid → internal key, for the given uids (or all actors)."""
    return _keys(session, ACTORS, uids)


def _versions(session: Session, table: Table, uids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """uid → (internal key, stored version)."""
    result: dict[str, tuple[int, int]] = {}
    for part in chunks(list(uids)):
        stmt = select(table.c.pk, table.c.uid, table.c.version).where(table.c.uid.in_(part))
        result.update({uid: (pk, version) for pk, uid, version in session.execute(stmt)})
    return result


def _keys(session: Session, table: Table, uids: Iterable[str] | None) -> dict[str, int]:
    """uid → key of the live (not tombstoned) records."""
    live = table.c.deleted_at.is_(None)
    if uids is None:
        stmt = select(table.c.pk, table.c.uid).where(live)
        return {uid: pk for pk, uid in session.execute(stmt)}
    result: dict[str, int] = {}
    for part in chunks(list(uids)):
        stmt = select(table.c.pk, table.c.uid).where(table.c.uid.in_(part), live)
        result.update({uid: pk for pk, uid in session.execute(stmt)})
    return result


def _uids_by_key(session: Session, table: Table, pks: Iterable[int]) -> dict[int, str]:
    result: dict[int, str] = {}
    for part in chunks(sorted(set(pks))):
        stmt = select(table.c.pk, table.c.uid).where(table.c.pk.in_(part))
        result.update({pk: uid for pk, uid in session.execute(stmt)})
    return result


# --------------------------------------------------------------------------- reading


def _rows_in(
    session: Session, table: Table, key: str, pks: Sequence[int] | None, order: Sequence[str]
) -> Iterator[Any]:
    column = table.c[key]
    ordering = [table.c[name] for name in order]
    if pks is None:
        yield from session.execute(select(table).order_by(*ordering))
        return
    for part in _key_parts(pks):
        stmt = select(table).where(_among(column, part)).order_by(*ordering)
        yield from session.execute(stmt).all()


def _key_parts(pks: Sequence[int]) -> Iterator[Sequence[int]]:
    """The keys in parts for IN lists, or whole when they are consecutive (one BETWEEN)."""
    if pks and max(pks) - min(pks) + 1 == len(pks) == len(set(pks)):
        yield pks
    else:
        yield from chunks(pks)


def _among(column: Any, keys: Sequence[int]) -> Any:
    """``column IN (keys)``, or BETWEEN when the keys are consecutive, as those of the actors of
    one import batch are: two parameters instead of hundreds to bind and expand."""
    first, last = min(keys), max(keys)
    if last - first + 1 == len(keys) == len(set(keys)):
        return column.between(first, last)
    return column.in_(keys)


def _group(rows: Iterable[Any], key: str) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _resource(row: Any) -> Resource:
    return Resource(
        kind=row.kind,
        description=row.description,
        hours_per_month=row.hours_per_month,
        amount_dkk=row.amount_dkk,
    )


def _location(row: Any) -> Location:
    return Location(
        address=row.address,
        postcode=row.postcode,
        city=row.city,
        municipality_code=row.municipality_code,
        lat=row.lat,
        lon=row.lon,
        precision=row.location_precision,
    )


def load_actors(session: Session, pks: Sequence[int] | None = None) -> list[tuple[int, Actor]]:
    """(key, actor) for the given keys (or every live actor: tombstones left out), in key
    order."""
    if pks is None:
        live = ACTORS.c.deleted_at.is_(None)
        rows = list(session.execute(select(ACTORS).where(live).order_by(ACTORS.c.pk)))
    else:
        rows = [
            r
            for part in _key_parts(sorted(pks))
            for r in session.execute(select(ACTORS).where(_among(ACTORS.c.pk, part))).all()
        ]
        rows.sort(key=lambda r: r.pk)
    keys = None if pks is None else [r.pk for r in rows]
    codes = _group(
        _rows_in(session, ACTOR_CODES, "actor_pk", keys, ("actor_pk", "facet", "position")),
        "actor_pk",
    )
    resources = _group(
        _rows_in(session, ACTOR_RESOURCES, "actor_pk", keys, ("actor_pk", "position")), "actor_pk"
    )
    examples = _group(
        _rows_in(session, ACTOR_EXAMPLES, "actor_pk", keys, ("actor_pk", "position")), "actor_pk"
    )
    registry = _group(
        _rows_in(session, ACTOR_REGISTRY, "actor_pk", keys, ("actor_pk", "scheme")), "actor_pk"
    )
    notes = _group(
        _rows_in(session, ACTOR_REVIEW_NOTES, "actor_pk", keys, ("actor_pk", "position")),
        "actor_pk",
    )
    parent_uids = _uids_by_key(session, ACTORS, [r.parent_pk for r in rows if r.parent_pk])
    result = []
    for r in rows:
        by_facet: dict[str, list[str]] = defaultdict(list)
        for c in codes.get(r.pk, ()):
            by_facet[c.facet].append(c.code)
        result.append(
            (
                r.pk,
                Actor(
                    id=r.uid,
                    name=r.name,
                    kind=r.kind,
                    parent_id=parent_uids.get(r.parent_pk) if r.parent_pk else None,
                    registry_ids=tuple((g.scheme, g.value) for g in registry.get(r.pk, ())),
                    location=_location(r),
                    service_area_km=r.service_area_km,
                    employees=r.employees,
                    volunteers=r.volunteers,
                    target_groups=tuple(by_facet["target_group"]),
                    resources_offered=tuple(_resource(x) for x in resources.get(r.pk, ())),
                    roles=tuple(by_facet["role"]),
                    prevention_levels=tuple(by_facet["prevention_level"]),
                    profile=Profile(
                        we_are=r.we_are,
                        best_at=r.best_at,
                        worst_at=r.worst_at,
                        success_examples=tuple(e.text for e in examples.get(r.pk, ())),
                        attractive_partner_because=r.attractive_partner_because,
                        role_towards_target_group=r.role_towards_target_group,
                        how_we_know_it_works=r.how_we_know_it_works,
                        evidence_level=r.evidence_level,
                    ),
                    seeking=ActorSeeking(
                        description=r.seeking_description,
                        resources=tuple(by_facet["sought_resource"]),
                        roles=tuple(by_facet["sought_role"]),
                        target_groups=tuple(by_facet["sought_target_group"]),
                    ),
                    contact=Contact(
                        name=r.contact_name,
                        email=r.contact_email,
                        phone=r.contact_phone,
                        website=r.contact_website,
                    ),
                    public=r.public,
                    consent=Consent(given_on=r.consent_given_on, purpose=r.consent_purpose),
                    verified_on=r.verified_on,
                    active=r.active,
                    review_notes=tuple(
                        ReviewNote(n.field, n.value, n.reason) for n in notes.get(r.pk, ())
                    ),
                ),
            )
        )
    return result


# --------------------------------------------------------------------------- writing


def tombstone_row(
    session: Session, table: Table, pk: int, version: int, author: str | None
) -> dt.datetime | None:
    """Mark one live record of an aggregate's root table deleted (deleted_at/by, version + 1),
    keeping the row so that a copy elsewhere learns of the deletion. Compare-and-swap on
    ``version``: the moment, or None when the row moved meanwhile (nothing changed)."""
    now = database_now(session)
    who = author_or_default(author)
    result = cast(
        "CursorResult[Any]",
        session.execute(
            update(table)
            .where(table.c.pk == pk, table.c.version == version, table.c.deleted_at.is_(None))
            .values(
                version=version + 1,
                updated_at=now,
                updated_by=who,
                deleted_at=now,
                deleted_by=who,
            )
        ),
    )
    return now if result.rowcount == 1 else None


def database_now(session: Session) -> dt.datetime:
    """Now by the database's clock (aware UTC), so that every writer of a shared server stamps
    records by one clock; PostgreSQL gives the start of the transaction."""
    if session.get_bind().dialect.name == "sqlite":
        text = session.execute(select(func.strftime("%Y-%m-%d %H:%M:%f", "now"))).scalar_one()
        return dt.datetime.fromisoformat(str(text)).replace(tzinfo=dt.UTC)
    value = session.execute(select(func.now())).scalar_one()
    assert isinstance(value, dt.datetime)
    return value.astimezone(dt.UTC)


def change_stamp(session: Session) -> tuple[object, ...]:
    """Moves whenever a record is created, changed or deleted: per table the row count, the sum
    of versions (every update adds one) and the latest update time (a new row is the newest).
    Readers cache derived data (the matching index) until it moves; unlike one shared counter
    row it makes no writer wait for another."""
    stamp: list[object] = []
    for table in (ACTORS, PROBLEMS, PARTNERSHIPS):
        count, total, latest = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(table.c.version), 0),
                func.max(table.c.updated_at),
            )
        ).one()
        stamp += [int(count), int(total), latest]
    return tuple(stamp)


def _location_columns(loc: Location) -> dict[str, Any]:
    return {
        "address": loc.address,
        "postcode": loc.postcode,
        "city": loc.city,
        "municipality_code": loc.municipality_code,
        "lat": loc.lat,
        "lon": loc.lon,
        "location_precision": loc.precision,
    }


def _actor_columns(a: Actor) -> dict[str, Any]:
    p = a.profile
    return {
        "uid": a.id,
        "name": a.name,
        "kind": a.kind,
        **_location_columns(a.location),
        "service_area_km": a.service_area_km,
        "employees": a.employees,
        "volunteers": a.volunteers,
        "public": a.public,
        "active": a.active,
        "consent_given_on": a.consent.given_on,
        "consent_purpose": a.consent.purpose,
        "verified_on": a.verified_on,
        "contact_name": a.contact.name,
        "contact_email": a.contact.email,
        "contact_phone": a.contact.phone,
        "contact_website": a.contact.website,
        "we_are": p.we_are,
        "best_at": p.best_at,
        "worst_at": p.worst_at,
        "attractive_partner_because": p.attractive_partner_because,
        "role_towards_target_group": p.role_towards_target_group,
        "how_we_know_it_works": p.how_we_know_it_works,
        "evidence_level": p.evidence_level,
        "seeking_description": a.seeking.description,
    }


def _resource_rows(key_name: str, pk: int, resources: Iterable[Resource]) -> list[dict[str, Any]]:
    return [
        {
            key_name: pk,
            "position": i,
            "kind": r.kind,
            "description": r.description,
            "hours_per_month": r.hours_per_month,
            "amount_dkk": r.amount_dkk,
        }
        for i, r in enumerate(resources)
    ]


def _code_rows(
    key_name: str, pk: int, record: Any, facets: Mapping[str, str], holder: Any = None
) -> list[dict[str, Any]]:
    source = holder if holder is not None else record
    return [
        {key_name: pk, "facet": facet, "position": i, "code": code}
        for facet, attr in facets.items()
        for i, code in enumerate(getattr(source, attr))
    ]


def _actor_children(pk: int, a: Actor) -> dict[Table, list[dict[str, Any]]]:
    return {
        ACTOR_CODES: _code_rows("actor_pk", pk, a, ACTOR_FACETS)
        + _code_rows("actor_pk", pk, a, ACTOR_SEEKING_FACETS, holder=a.seeking),
        ACTOR_RESOURCES: _resource_rows("actor_pk", pk, a.resources_offered),
        ACTOR_EXAMPLES: [
            {"actor_pk": pk, "position": i, "text": t}
            for i, t in enumerate(a.profile.success_examples)
        ],
        ACTOR_REGISTRY: [{"actor_pk": pk, "scheme": s, "value": v} for s, v in a.registry_ids],
        ACTOR_REVIEW_NOTES: [
            {"actor_pk": pk, "position": i, "field": n.field, "value": n.value, "reason": n.reason}
            for i, n in enumerate(a.review_notes)
        ],
    }


def _insert_children(
    session: Session,
    children: Iterable[dict[Table, list[dict[str, Any]]]],
) -> None:
    batches: dict[Table, list[dict[str, Any]]] = defaultdict(list)
    for child in children:
        for table, rows in child.items():
            batches[table].extend(rows)
    for table, rows in batches.items():
        bulk_insert(session, table, rows)


def driver_rows(session: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """All rows of a query as the driver's own tuples, without SQLAlchemy's per-row result
    objects and type processing: for large reads of plain columns (integers, floats, text;
    booleans come as the driver gives them, 0/1 on SQLite). The matcher's index reads
    hundreds of thousands of child rows this way in half the time."""
    connection = session.connection()
    compiled = stmt.compile(dialect=connection.dialect)
    params = compiled.construct_params()
    values: Any = (
        tuple(params[name] for name in compiled.positiontup or ())
        if compiled.positional
        else params
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), values)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows that share their keys, straight through the driver's executemany.

    The same SQL and the same type conversions (each column type's bind processor) as
    ``session.execute(insert(table), rows)``, without SQLAlchemy's per-row parameter work,
    which was a third of the time an import of 100,000 actors spent writing. Columns with
    client-side defaults that the rows leave out take the ordinary path.
    """
    if not rows:
        return
    keys = list(rows[0])
    if any(c.default is not None and c.key not in keys for c in table.c):
        session.execute(insert(table), rows)
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or ()) if compiled.positional else keys
    processors = [
        (i, processor)
        for i, key in enumerate(order)
        if (processor := table.c[key].type.dialect_impl(dialect).bind_processor(dialect))
    ]
    # One C call per row picks the values in order; the columns with a conversion (dates,
    # booleans, floats on SQLite; most child tables have none) are converted column by column.
    pick = itemgetter(*order)
    values: list[Any] = (
        [pick(row) for row in rows] if len(order) > 1 else [(row[order[0]],) for row in rows]
    )
    if processors:
        columns = list(zip(*values, strict=True))
        for i, processor in processors:
            columns[i] = _converted(columns[i], processor)
        values = list(zip(*columns, strict=True))
    parameters = (
        values if compiled.positional else [dict(zip(order, v, strict=True)) for v in values]
    )
    connection.exec_driver_sql(str(compiled), parameters)


def _converted(column: Sequence[Any], processor: Callable[[Any], Any]) -> tuple[Any, ...]:
    """The column's values as the driver takes them; a value that repeats (the stamp of an
    import, booleans, absent dates) is converted once."""
    try:
        distinct = set(column)
    except TypeError:  # values that cannot be compared by hash
        return tuple(map(processor, column))
    if len(distinct) * 4 > len(column):
        return tuple(map(processor, column))
    table = {value: processor(value) for value in distinct}
    return tuple(map(table.__getitem__, column))


def _insert_returning_keys(
    session: Session, table: Table, rows: list[dict[str, Any]]
) -> dict[str, int]:
    if not rows:
        return {}
    # Straight through the driver's executemany, then the new keys by uid (one indexed query
    # per 500): at 100,000 actors a third of the time of SQLAlchemy's INSERT … RETURNING,
    # whose per-row parameter work dominated.
    bulk_insert(session, table, rows)
    return _keys(session, table, [row["uid"] for row in rows])


def _update_rows(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    now: dt.datetime,
    kind: str,
    uids: Sequence[str],
    author: str,
) -> None:
    """Compare-and-swap UPDATE by key ('b_pk') and the version read ('b_version'); SET columns
    come from the row dicts. A row whose version moved meanwhile raises ConflictError (the
    whole unit of work is rolled back), so no save silently overwrites another."""
    if not rows:
        return
    stmt = (
        update(table)
        .where(table.c.pk == bindparam("b_pk"), table.c.version == bindparam("b_version"))
        .values(
            version=table.c.version + 1,
            updated_at=now,
            updated_by=author,
            deleted_at=None,  # saving a deleted record's id again revives it
            deleted_by=None,
        )
    )
    # Both drivers report the summed rowcount of an executemany: fewer rows than given means
    # some version moved since it was read.
    result = cast("CursorResult[Any]", session.execute(stmt, rows))
    if result.rowcount == len(rows):
        return
    now_stored = _versions(session, table, uids)
    for row, uid in zip(rows, uids, strict=True):
        actual = now_stored.get(uid, (0, 0))[1]
        if actual != row["b_version"] + 1:
            raise ConflictError(kind, uid, int(row["b_version"]), actual)
    # Another writer moved a row to exactly the version ours would have had.
    first = uids[0]
    raise ConflictError(kind, first, int(rows[0]["b_version"]), now_stored.get(first, (0, 0))[1])


def _stamp(rows: list[dict[str, Any]], now: dt.datetime, author: str) -> list[dict[str, Any]]:
    for row in rows:
        row.update(version=1, created_at=now, updated_at=now, created_by=author, updated_by=author)
    return rows


def save_actors(
    session: Session,
    actors: Sequence[Actor],
    progress: Progress | None = None,
    *,
    expected_versions: Mapping[str, int] | None = None,
    author: str | None = None,
    recorded_as: str | None = None,
) -> RecordCounts:
    """Insert new actors and update changed ones (by interchange id); unchanged ones stay as
    they are, version and timestamps included. Parents may be anywhere in ``actors``.

    Every update is a compare-and-swap on the version in ``expected_versions`` (by id), else
    on the version read here; ConflictError when another writer got there first. ``author``
    (default: the OS login) is recorded as creator or last editor. Each actor written gets a
    row in the change history (see ``record_writes``)."""
    counts, links = write_actors(
        session, actors, expected_versions=expected_versions, author=author, recorded_as=recorded_as
    )
    if progress:
        progress(len(actors), len(actors))
    link_parents(session, links)
    return counts


ParentLink = tuple[int, str | None]
"""(key of an actor written, id of its parent or None): set by ``link_parents``."""


def link_parents(session: Session, links: Sequence[ParentLink]) -> None:
    """Point written actors at their parents, which may be anywhere: written in the same unit
    of work (before or after the child) or stored earlier."""
    if not links:
        return
    parents = actor_keys(session, {parent for _, parent in links if parent})
    rows = [{"b_pk": pk, "parent_pk": parents[parent] if parent else None} for pk, parent in links]
    session.execute(update(ACTORS).where(ACTORS.c.pk == bindparam("b_pk")), rows)


def write_actors(
    session: Session,
    actors: Sequence[Actor],
    *,
    expected_versions: Mapping[str, int] | None = None,
    author: str | None = None,
    recorded_as: str | None = None,
) -> tuple[RecordCounts, list[ParentLink]]:
    """``save_actors`` but the parents: they are left to ``link_parents`` (with the links
    returned), so that a long import can write its actors batch by batch and link parents
    that come in later batches at the end."""
    now = database_now(session)
    author = author_or_default(author)
    stored = _versions(session, ACTORS, [a.id for a in actors])
    existing = {uid: pk for uid, (pk, _) in stored.items()}
    expected = {uid: version for uid, (_, version) in stored.items()}
    expected.update(expected_versions or {})
    # Saving a tombstoned id revives the row (new content, version + 1, a new creator).
    revived = _tombstoned(session, ACTORS, existing.values())
    new = [a for a in actors if a.id not in existing]
    changed = _differing(session, [a for a in actors if a.id in existing], existing, revived)
    total = len(actors)
    # The stored values of the actors about to change, for the change history's diff.
    stored_keys = [existing[a.id] for a in changed if existing[a.id] not in revived]
    before = dict(load_actors(session, stored_keys)) if stored_keys else {}

    keys = _insert_returning_keys(
        session, ACTORS, _stamp([_actor_columns(a) for a in new], now, author)
    )
    keys.update(existing)
    _update_rows(
        session,
        ACTORS,
        [{"b_pk": keys[a.id], "b_version": expected[a.id], **_actor_columns(a)} for a in changed],
        now,
        "actor",
        [a.id for a in changed],
        author,
    )
    if revived:
        session.execute(
            update(ACTORS)
            .where(ACTORS.c.pk.in_(sorted(revived)))
            .values(created_at=now, created_by=author)
        )
    record_writes(
        session,
        "actor",
        new,
        [(before.get(keys[a.id]), a, expected[a.id] + 1) for a in changed],
        now=now,
        author=author,
        recorded_as=recorded_as,
    )
    changed_keys = [keys[a.id] for a in changed]
    for table in ACTOR_CHILDREN:
        for part in chunks(changed_keys):
            session.execute(delete(table).where(table.c.actor_pk.in_(part)))
    _insert_children(session, (_actor_children(keys[a.id], a) for a in (*new, *changed)))
    # A changed actor may have lost its parent: its link is cleared.
    links = [(keys[a.id], a.parent_id) for a in (*new, *changed) if a.parent_id or a.id in existing]
    counts = RecordCounts(
        created=len(new) + len(revived),
        updated=len(changed) - len(revived),
        unchanged=total - len(new) - len(changed),
    )
    return counts, links


def record_writes(
    session: Session,
    record_type: str,
    new: Sequence[Any],
    changed: Sequence[tuple[Any, Any, int]],
    *,
    now: dt.datetime,
    author: str,
    recorded_as: str | None,
) -> None:
    """One change-history row per record written: ``new`` at version 1, ``changed`` as
    (stored record or None when it was a tombstone, new record, new version). By default
    'created' (with its filled fields), 'changed' (the fields that differ) or 'revived';
    ``recorded_as`` 'imported' marks them all imported, new ones without values (a large
    import stays fast); 'merged' marks the changed ones merged."""
    from mapper.persistence.repositories import history

    rows = [
        history.entry(
            record_type,
            history.uid_of(r),
            1,
            recorded_as or "created",
            None if recorded_as == "imported" else history.diff(None, r),
        )
        for r in new
    ]
    for old, r, version in changed:
        if old is None:
            action = "imported" if recorded_as == "imported" else "revived"
            values = None if recorded_as == "imported" else history.diff(None, r)
        else:
            action = recorded_as or "changed"
            values = history.diff(old, r)
        rows.append(history.entry(record_type, history.uid_of(r), version, action, values))
    history.record(session, rows, author=author, now=now)


ACTOR_CHILDREN = (ACTOR_CODES, ACTOR_RESOURCES, ACTOR_EXAMPLES, ACTOR_REGISTRY, ACTOR_REVIEW_NOTES)
"""The child tables of an actor (all of its lists)."""


def _differing(
    session: Session, actors: Sequence[Actor], keys: Mapping[str, int], revived: set[int]
) -> list[Actor]:
    """The stored actors among ``actors`` whose values differ from what is stored (and those
    being revived). Compared as the rows they would be written as — actor columns, parent key
    and child rows — against the rows stored, without building the stored actors: the same
    answer as ``load_actors(...) != actor`` (tests/mapper/test_streaming_import.py) for a
    third of the time a re-import of an unchanged register took."""
    if not actors:
        return []
    stored = _stored_states(session, sorted(keys[a.id] for a in actors))
    parents = actor_keys(session, {a.parent_id for a in actors if a.parent_id})
    return [
        a
        for a in actors
        if keys[a.id] in revived or stored.get(keys[a.id]) != _state(a, keys[a.id], parents)
    ]


@cache
def _compared_columns() -> tuple[str, ...]:
    return tuple(_actor_columns(Actor(id="", name="", kind="")))


@cache
def _child_columns(table: Table) -> tuple[str, ...]:
    return tuple(c.key for c in table.c if c.key != "actor_pk")


@cache
def _child_values(table: Table) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A child row's values without the actor key, in the order ``_child_columns`` names."""
    pick = itemgetter(*_child_columns(table))
    return pick if len(_child_columns(table)) > 1 else lambda row: (pick(row),)


def _state(actor: Actor, pk: int, parents: Mapping[str, int]) -> tuple[Any, ...]:
    """An actor as the rows it is written as (see ``_stored_states``)."""
    parent: object = None
    if actor.parent_id:  # a parent not stored yet is no stored key
        parent = parents.get(actor.parent_id, ("not stored", actor.parent_id))
    children = _actor_children(pk, actor)
    return (
        (*_actor_columns(actor).values(), parent),
        *(sorted(map(_child_values(table), children[table])) for table in ACTOR_CHILDREN),
    )


def _stored_states(session: Session, pks: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """key → the stored actor as rows: (its columns and parent key, then per child table its
    rows without the key, sorted); the values as the column types read them."""
    columns = [ACTORS.c[name] for name in _compared_columns()]
    rows: dict[int, tuple[Any, ...]] = {}
    for part in _key_parts(pks):
        stmt = select(ACTORS.c.pk, *columns, ACTORS.c.parent_pk).where(_among(ACTORS.c.pk, part))
        rows.update((row[0], tuple(row[1:])) for row in session.execute(stmt).all())
    children: list[dict[int, list[tuple[Any, ...]]]] = []
    for table in ACTOR_CHILDREN:
        grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        values = [table.c[key] for key in _child_columns(table)]
        for part in _key_parts(pks):
            stmt = select(table.c.actor_pk, *values).where(_among(table.c.actor_pk, part))
            for row in session.execute(stmt).all():
                grouped[row[0]].append(tuple(row[1:]))
        children.append(grouped)
    return {pk: (row, *(sorted(g.get(pk, ())) for g in children)) for pk, row in rows.items()}


def _tombstoned(session: Session, table: Table, pks: Iterable[int]) -> set[int]:
    """The keys among ``pks`` whose rows are tombstones (deleted_at set)."""
    found: set[int] = set()
    for part in chunks(sorted(set(pks))):
        stmt = select(table.c.pk).where(table.c.pk.in_(part), table.c.deleted_at.is_not(None))
        found.update(int(pk) for pk in session.execute(stmt).scalars())
    return found
