"""The rows a person's data lives in, for the privacy use cases (mapper.services.privacy):
finding what is stored about one individual volunteer, and erasing it for real.

Erasing keeps the actor row as a tombstone without personal data (so that a copy elsewhere
learns of the deletion), removes its child rows and derived text analysis, takes the person off
partnerships and problem statements, and blanks the person's name, e-mail and phone wherever
other records hold them (contact fields, free texts, partnership notes, change history).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Text,
    case,
    delete,
    func,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.persistence.orm import ActorDistinctPair, ActorMerge
from mapper.persistence.repositories.analysis import ANALYSIS, INFERRED, TERMS
from mapper.persistence.store import (
    ACTOR_CHILDREN,
    ACTOR_EXAMPLES,
    ACTOR_RESOURCES,
    ACTOR_REVIEW_NOTES,
    ACTORS,
    PARTNERSHIP_FACTORS,
    PARTNERSHIP_HISTORY,
    PARTNERSHIPS,
    PROBLEM_RESOURCES,
    PROBLEMS,
    database_now,
)

MERGES: Table = ActorMerge.__table__  # type: ignore[assignment]
DISTINCT: Table = ActorDistinctPair.__table__  # type: ignore[assignment]
HISTORY_TABLE = "record_history"
"""The change history (migration 0009), when the database has it."""

ERASED_NAME = "Slettet person"
REDACTED = "[slettet]"
KEPT_ACTOR_COLUMNS = frozenset(
    {
        "pk",
        "uid",
        "name",
        "kind",
        "public",
        "active",
        "version",
        "created_at",
        "updated_at",
        "created_by",
        "updated_by",
        "deleted_at",
        "deleted_by",
    }
)
"""What an erased actor's tombstone keeps (uid and name replaced); every other column is
cleared. created_by/updated_by name the coordinators who typed the record, not the person."""

_MAIN_TABLES = (ACTORS, PROBLEMS, PARTNERSHIPS)
_SKIPPED_TEXT = frozenset(
    {
        "uid",
        "kind",
        "stage",
        "type",
        "status",
        "created_by",
        "updated_by",
        "deleted_by",
        "changed_by",
        "merged_by",
    }
)
"""Codes and the coordinators' own names: never the person's text."""


@dataclass(frozen=True)
class PersonRow:
    pk: int
    uid: str
    kind: str
    deleted: bool


@dataclass(frozen=True)
class ContactMention:
    """Another actor whose contact fields hold the person's name, e-mail or phone."""

    actor_id: str
    actor_name: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ErasedRows:
    actors: int
    partnerships: int
    problems_unlinked: tuple[str, ...]
    contact_fields_cleared: int
    texts_redacted: int
    history_rows: int


@dataclass(frozen=True)
class ReviewRow:
    """A live actor as the data review (gennemgang af data) lists it."""

    uid: str
    name: str
    kind: str
    municipality_code: str | None
    active: bool
    verified_on: dt.date | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class PersonActivityRow:
    """A live person with the dates that show activity: their record's and their
    partnerships' last changes."""

    person: ReviewRow
    partnership_changed_at: dt.datetime | None
    partnership_updated_on: dt.date | None


@dataclass(frozen=True)
class PersonalValues:
    """What a landscape export without personal data leaves out: the persons' ids, and the
    names, e-mail addresses and phone numbers of persons and contact persons."""

    persons: frozenset[str]
    names: frozenset[str]
    emails: frozenset[str]
    phones: frozenset[str]


ERASED_PREFIX = "slettet-"
"""The id of an erased person's tombstone starts with this."""


def erased_uid(uid: str) -> str:
    """The tombstone's id: the old id may spell the person's name ('esb-person-lone-…'), so it
    is replaced by a digest a copy elsewhere can compute from the id it knows."""
    return ERASED_PREFIX + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:24]


def find_person(session: Session, uid: str) -> PersonRow | None:
    """The actor row with this id, live or tombstoned."""
    row = session.execute(
        select(ACTORS.c.pk, ACTORS.c.uid, ACTORS.c.kind, ACTORS.c.deleted_at).where(
            ACTORS.c.uid.in_([uid, erased_uid(uid)])
        )
    ).first()
    if row is None:
        return None
    return PersonRow(int(row.pk), str(row.uid), str(row.kind), row.deleted_at is not None)


def merged_into(session: Session, pk: int) -> list[int]:
    """Keys of the tombstones merged into the actor (the same person, recorded twice)."""
    rows = session.execute(select(MERGES.c.merged_pk).where(MERGES.c.survivor_pk == pk))
    return sorted({int(r) for r in rows.scalars()})


def contact_mentions(
    session: Session, needles: Sequence[str], exclude: Iterable[int]
) -> list[ContactMention]:
    """Live actors (besides ``exclude``) whose contact name, e-mail or phone equals one of the
    needles, ignoring case and surrounding blanks."""
    wanted = _lowered(needles)
    if not wanted:
        return []
    columns = {
        "contact.name": ACTORS.c.contact_name,
        "contact.email": ACTORS.c.contact_email,
        "contact.phone": ACTORS.c.contact_phone,
    }
    stmt = select(ACTORS.c.uid, ACTORS.c.name, *columns.values()).where(
        ACTORS.c.deleted_at.is_(None),
        ACTORS.c.pk.not_in(list(exclude)),
        or_(*(func.lower(func.trim(c)).in_(sorted(wanted)) for c in columns.values())),
    )
    found = []
    for row in session.execute(stmt.order_by(ACTORS.c.uid)):
        values = row[2:]
        fields = tuple(
            f
            for f, v in zip(columns, values, strict=True)
            if v is not None and _lowered([v]) & wanted
        )
        found.append(ContactMention(str(row.uid), str(row.name), fields))
    return found


def owned_problem_keys(session: Session, pks: Sequence[int]) -> list[int]:
    rows = session.execute(select(PROBLEMS.c.pk).where(PROBLEMS.c.owner_pk.in_(list(pks))))
    return sorted(int(pk) for pk in rows.scalars())


def history_table(session: Session) -> Table | None:
    """The change-history table (migration 0009) as reflected, or None before it exists."""
    connection = session.connection()
    if not inspect(connection).has_table(HISTORY_TABLE):
        return None
    return Table(HISTORY_TABLE, MetaData(), autoload_with=connection)


def history_of(session: Session, uid: str) -> list[dict[str, Any]]:
    """The person's own rows of the change history, as stored (empty without the table)."""
    table = history_table(session)
    if table is None or "record_uid" not in table.c:
        return []
    stmt = select(table).where(table.c.record_uid == uid)
    if "record_type" in table.c:
        stmt = stmt.where(table.c.record_type == "actor")
    return [dict(row._mapping) for row in session.execute(stmt)]


_REVIEW_COLUMNS = (
    ACTORS.c.uid,
    ACTORS.c.name,
    ACTORS.c.kind,
    ACTORS.c.municipality_code,
    ACTORS.c.active,
    ACTORS.c.verified_on,
    ACTORS.c.updated_at,
)


def _review_row(row: Any) -> ReviewRow:
    return ReviewRow(
        str(row.uid),
        str(row.name),
        str(row.kind),
        row.municipality_code,
        bool(row.active),
        row.verified_on,
        row.updated_at,
    )


def unverified_actors(session: Session, before: dt.date) -> list[ReviewRow]:
    """Live actors never verified or last verified before ``before``: never verified first,
    then the oldest verification, then the oldest change."""
    never = case((ACTORS.c.verified_on.is_(None), 0), else_=1)
    stmt = (
        select(*_REVIEW_COLUMNS)
        .where(
            ACTORS.c.deleted_at.is_(None),
            or_(ACTORS.c.verified_on.is_(None), ACTORS.c.verified_on < before),
        )
        .order_by(never, ACTORS.c.verified_on, ACTORS.c.updated_at, ACTORS.c.uid)
    )
    return [_review_row(row) for row in session.execute(stmt)]


def person_activity(session: Session, kinds: Collection[str]) -> list[PersonActivityRow]:
    """Every live actor of the kinds (those holding personal data) with the last change of
    any partnership with them (deleted ones too: a deletion is a change)."""
    if not kinds:
        return []
    changed = (
        select(
            PARTNERSHIPS.c.actor_pk,
            func.max(PARTNERSHIPS.c.updated_at).label("changed_at"),
            func.max(PARTNERSHIPS.c.updated_on).label("updated_on"),
        )
        .group_by(PARTNERSHIPS.c.actor_pk)
        .subquery()
    )
    stmt = (
        select(*_REVIEW_COLUMNS, changed.c.changed_at, changed.c.updated_on)
        .outerjoin(changed, changed.c.actor_pk == ACTORS.c.pk)
        .where(ACTORS.c.deleted_at.is_(None), ACTORS.c.kind.in_(sorted(kinds)))
        .order_by(ACTORS.c.uid)
    )
    return [
        PersonActivityRow(_review_row(row), row.changed_at, row.updated_on)
        for row in session.execute(stmt)
    ]


def deactivated_at(session: Session, uids: Sequence[str]) -> dict[str, dt.datetime]:
    """When each actor was last marked inactive, by the change history (actors without such
    a change, or a database without the history, are left out)."""
    table = history_table(session)
    if (
        table is None
        or not uids
        or not {"record_uid", "changes", "changed_at"} <= set(table.c.keys())
    ):
        return {}
    stmt = select(table.c.record_uid, table.c.changed_at, table.c.changes).where(
        table.c.record_uid.in_(list(uids)), table.c.changes.contains('"active"')
    )
    if "record_type" in table.c:
        stmt = stmt.where(table.c.record_type == "actor")
    found: dict[str, dt.datetime] = {}
    for uid, changed_at, changes in session.execute(stmt.order_by(table.c.changed_at)):
        change = json.loads(changes or "{}").get("active")
        if isinstance(change, list) and len(change) == 2 and change[1] is False:
            found[str(uid)] = _utc(changed_at)
    return found


def _utc(value: Any) -> dt.datetime:
    """A reflected timestamp as an aware UTC datetime (SQLite keeps them as text)."""
    moment: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def personal_values(session: Session, kinds: Collection[str]) -> PersonalValues:
    """The live persons (actors of ``kinds``) and every name, e-mail and phone of persons
    and contact persons, trimmed (names and e-mails lowered, phones as their digits)."""
    persons: set[str] = set()
    names: set[str] = set()
    emails: set[str] = set()
    phones: set[str] = set()
    stmt = select(
        ACTORS.c.uid,
        ACTORS.c.kind,
        ACTORS.c.name,
        ACTORS.c.contact_name,
        ACTORS.c.contact_email,
        ACTORS.c.contact_phone,
    ).where(
        ACTORS.c.deleted_at.is_(None),
        or_(
            ACTORS.c.kind.in_(sorted(kinds)),
            ACTORS.c.contact_name.is_not(None),
            ACTORS.c.contact_email.is_not(None),
            ACTORS.c.contact_phone.is_not(None),
        ),
    )
    for row in session.execute(stmt):
        if row.kind in kinds:
            persons.add(str(row.uid))
            names.add(str(row.name))
        for value, into in (
            (row.contact_name, names),
            (row.contact_email, emails),
            (row.contact_phone, phones),
        ):
            if value and value.strip():
                into.add(value)
    return PersonalValues(
        frozenset(persons),
        frozenset(" ".join(n.split()).lower() for n in names if len(n.strip()) >= 4),
        frozenset(e.strip().lower() for e in emails),
        frozenset(d for d in map(phone_digits, phones) if len(d) >= 6),
    )


def phone_digits(phone: str) -> str:
    """A phone number as its digits without the Danish country code: '+45 29 87 65 43',
    '0045 29876543' and '29 87 65 43' are one number."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0045", "45"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 8:
            return digits[len(prefix) :]
    return digits


def secure_delete(session: Session) -> None:
    """SQLite overwrites deleted content with zeros from here on in this connection."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))


def erase(
    session: Session,
    person: PersonRow,
    needles: Sequence[str],
    author: str | None,
) -> ErasedRows:
    """Erase the person (and tombstones merged into it) within the caller's unit of work."""
    now = database_now(session)
    who = author_or_default(author)
    pks = [person.pk, *merged_into(session, person.pk)]
    uids: dict[int, str] = {
        int(pk): str(uid)
        for pk, uid in session.execute(
            select(ACTORS.c.pk, ACTORS.c.uid).where(ACTORS.c.pk.in_(pks))
        )
    }

    # Partnerships: removed (tombstones without notes, factors or history).
    partnership_pks = [
        int(pk)
        for pk in session.execute(
            select(PARTNERSHIPS.c.pk).where(PARTNERSHIPS.c.actor_pk.in_(pks))
        ).scalars()
    ]
    for table in (PARTNERSHIP_FACTORS, PARTNERSHIP_HISTORY):
        session.execute(delete(table).where(table.c.partnership_pk.in_(partnership_pks)))
    if partnership_pks:
        session.execute(
            update(PARTNERSHIPS)
            .where(PARTNERSHIPS.c.pk.in_(partnership_pks))
            .values(
                notes=None,
                effect=None,  # free text that may name the person
                evidence_level=None,
                version=PARTNERSHIPS.c.version + 1,
                updated_at=now,
                updated_by=who,
                deleted_at=func.coalesce(PARTNERSHIPS.c.deleted_at, now),
                deleted_by=func.coalesce(PARTNERSHIPS.c.deleted_by, who),
            )
        )

    # Problem statements keep their text but no longer name the person as owner.
    problem_pks = owned_problem_keys(session, pks)
    problem_ids = tuple(
        str(uid)
        for uid in session.execute(
            select(PROBLEMS.c.uid).where(PROBLEMS.c.pk.in_(problem_pks)).order_by(PROBLEMS.c.uid)
        ).scalars()
    )
    if problem_pks:
        session.execute(
            update(PROBLEMS)
            .where(PROBLEMS.c.pk.in_(problem_pks))
            .values(owner_pk=None, version=PROBLEMS.c.version + 1, updated_at=now, updated_by=who)
        )
    session.execute(
        update(ACTORS)
        .where(ACTORS.c.parent_pk.in_(pks), ACTORS.c.pk.not_in(pks))
        .values(parent_pk=None, version=ACTORS.c.version + 1, updated_at=now, updated_by=who)
    )

    # The person's own rows: children, derived analysis, merge records; the row a tombstone.
    for table in (*ACTOR_CHILDREN, ANALYSIS, TERMS, INFERRED):
        session.execute(delete(table).where(table.c.actor_pk.in_(pks)))
    session.execute(
        delete(MERGES).where(or_(MERGES.c.survivor_pk.in_(pks), MERGES.c.merged_pk.in_(pks)))
    )
    session.execute(
        delete(DISTINCT).where(or_(DISTINCT.c.first_pk.in_(pks), DISTINCT.c.second_pk.in_(pks)))
    )
    cleared = {c.name: None for c in ACTORS.columns if c.name not in KEPT_ACTOR_COLUMNS}
    for pk in pks:
        session.execute(
            update(ACTORS)
            .where(ACTORS.c.pk == pk)
            .values(
                **cleared,
                uid=erased_uid(uids[pk]),
                name=ERASED_NAME,
                public=False,
                active=False,
                version=ACTORS.c.version + 1,
                updated_at=now,
                updated_by=who,
                deleted_at=func.coalesce(ACTORS.c.deleted_at, now),
                deleted_by=func.coalesce(ACTORS.c.deleted_by, who),
            )
        )

    history_rows = _erase_history(session, [uids[pk] for pk in pks])
    contact_fields = _clear_contact_fields(session, needles, pks, now, who)
    redacted = _redact_texts(session, needles, now, who)
    _erase_sync_notes(session, [uids[pk] for pk in pks], needles)
    return ErasedRows(
        actors=len(pks),
        partnerships=len(partnership_pks),
        problems_unlinked=problem_ids,
        contact_fields_cleared=contact_fields,
        texts_redacted=redacted,
        history_rows=history_rows,
    )


def _erase_sync_notes(session: Session, uids: Sequence[str], needles: Sequence[str]) -> None:
    """An offline copy's sync bookkeeping (mapper.services.sync) names the person too: their
    base moves to the tombstone's id (so that the next sync carries the erasure to the
    server, which finds the person by the digest), their partnerships' bases go, and every
    snapshot, pending note and open conflict loses their name, e-mail and phone."""
    from mapper.persistence.repositories import sync as sync_rows

    for uid in uids:
        sync_rows.rename_base(session, "actor", uid, erased_uid(uid))
        sync_rows.drop_bases_ending(session, "partnership", f":{uid}")
    sync_rows.redact_snapshots(session, [*needles, *uids])


def _erase_history(session: Session, uids: Sequence[str]) -> int:
    """Blank the person's own history rows (keeping action and time) and move them to the
    tombstone's id; the values other records' rows hold are redacted with the other texts."""
    table = history_table(session)
    if table is None or "record_uid" not in table.c:
        return 0
    total = 0
    blank = None if "changes" not in table.c or table.c.changes.nullable else "{}"
    for uid in uids:
        where = [table.c.record_uid == uid]
        if "record_type" in table.c:
            where.append(table.c.record_type == "actor")
        values: dict[str, Any] = {"record_uid": erased_uid(uid)}
        if "changes" in table.c:
            values["changes"] = blank
        result = session.execute(update(table).where(*where).values(**values))
        total += int(getattr(result, "rowcount", 0) or 0)
        if "record_type" not in table.c:
            continue
        # A partnership's history is kept under 'problem id:actor id'.
        suffix = f":{uid}"
        found = session.execute(
            select(table.c.pk, table.c.record_uid).where(
                table.c.record_type == "partnership", table.c.record_uid.endswith(suffix)
            )
        ).all()
        for pk, record_uid in found:
            values = {"record_uid": record_uid[: -len(uid)] + erased_uid(uid)}
            if "changes" in table.c:
                values["changes"] = blank
            session.execute(update(table).where(table.c.pk == pk).values(**values))
        total += len(found)
    return total


def _clear_contact_fields(
    session: Session, needles: Sequence[str], exclude: Sequence[int], now: Any, who: str
) -> int:
    """Empty other actors' contact name, e-mail and phone where they are the person's (one
    new version per actor); returns the fields emptied."""
    wanted = _lowered(needles)
    columns = (ACTORS.c.contact_name, ACTORS.c.contact_email, ACTORS.c.contact_phone)
    found = session.execute(
        select(ACTORS.c.pk, *columns).where(
            ACTORS.c.pk.not_in(list(exclude)),
            or_(*(func.lower(func.trim(c)).in_(sorted(wanted)) for c in columns)),
        )
    ).all()
    cleared = 0
    for row in found:
        values: dict[str, Any] = {
            c.name: None
            for c, v in zip(columns, row[1:], strict=True)
            if v is not None and _lowered([v]) & wanted
        }
        if not values:
            continue
        cleared += len(values)
        session.execute(
            update(ACTORS)
            .where(ACTORS.c.pk == row.pk)
            .values(**values, version=ACTORS.c.version + 1, updated_at=now, updated_by=who)
        )
    return cleared


def _text_tables(session: Session) -> list[Table]:
    tables = [
        ACTORS,
        ACTOR_EXAMPLES,
        ACTOR_RESOURCES,
        ACTOR_REVIEW_NOTES,
        PROBLEMS,
        PROBLEM_RESOURCES,
        PARTNERSHIPS,
        PARTNERSHIP_HISTORY,
        MERGES,  # a merge's evidence may quote a shared e-mail or phone
    ]
    history = history_table(session)
    return [*tables, history] if history is not None else tables


def _text_columns(table: Table) -> list[Column[Any]]:
    return [
        c
        for c in table.columns
        if isinstance(c.type, (String, Text))
        and c.name not in _SKIPPED_TEXT
        and not (table is ACTORS and c.name == "name")
    ]


def _redact_texts(session: Session, needles: Sequence[str], now: Any, who: str) -> int:
    """Replace the needles (any case) in every free text of the landscape by '[slettet]';
    a main record whose text changed gets a new version (so the change travels), and an
    actor's derived analysis is dropped (made again from the redacted text)."""
    variants = _variants(needles)
    if not variants:
        return 0
    pattern = re.compile("|".join(re.escape(v) for v in variants), re.IGNORECASE)
    wanted = tuple(v.lower() for v in variants)
    changed = 0
    analysed: list[int] = []
    for table in _text_tables(session):
        columns = _text_columns(table)
        keys = list(table.primary_key.columns)
        if not columns or not keys:
            continue
        # Searched here rather than in SQL: SQLite's lower() knows only ASCII, and a search
        # for several needles in many long columns is several times faster in Python.
        rows = [
            row
            for row in session.execute(select(*keys, *columns)).yield_per(2000)
            if _holds(row[len(keys) :], wanted)
        ]
        for row in rows:
            key = {k.name: row._mapping[k.name] for k in keys}
            values: dict[str, Any] = {}
            for c in columns:
                old = row._mapping[c.name]
                if isinstance(old, str) and pattern.search(old):
                    values[c.name] = pattern.sub(REDACTED, old)
            if not values:
                continue
            if table in _MAIN_TABLES:
                values.update(version=table.c.version + 1, updated_at=now, updated_by=who)
            session.execute(
                update(table).where(*(table.c[k] == v for k, v in key.items())).values(**values)
            )
            changed += 1
            if table is ACTORS:
                analysed.append(int(key["pk"]))
            elif "actor_pk" in key:
                analysed.append(int(key["actor_pk"]))
    for table in (ANALYSIS, TERMS, INFERRED):
        session.execute(delete(table).where(table.c.actor_pk.in_(analysed)))
    return changed


def _holds(values: Sequence[Any], wanted: Sequence[str]) -> bool:
    """Whether any of the texts holds a needle (lowered), as a plain substring search."""
    text = "\x1f".join(v for v in values if isinstance(v, str)).lower()
    return any(w in text for w in wanted)


def _lowered(values: Iterable[str]) -> set[str]:
    """The values trimmed and lowered as Python and as SQL may lower them: SQLite's lower()
    knows only ASCII ('Østergaard' → 'Østergaard'), PostgreSQL's every letter."""
    found = set()
    for value in values:
        value = value.strip()
        if value:
            found.add(value.lower())
            found.add("".join(c.lower() if c.isascii() else c for c in value))
    return found


def _variants(needles: Sequence[str]) -> list[str]:
    """The needles as typed and as JSON escapes them (non-ASCII letters as \\u00f8), longest
    first; a phone number also as its digits. Needles under four characters are left alone:
    they would redact unrelated words."""
    found: set[str] = set()
    for needle in needles:
        needle = needle.strip()
        if len(needle) < 4:
            continue
        found.add(needle)
        found.add(json.dumps(needle)[1:-1])
        digits = re.sub(r"\D", "", needle)
        if len(digits) >= 8 and not re.search(r"[^\d\s+().-]", needle):
            found.add(digits)
    return sorted(found, key=lambda v: (-len(v), v))


def vacuum(engine: Engine) -> bool:
    """Rewrite a SQLite file without free pages and fold the write-ahead log into it (then
    truncate the log), so deleted content is gone from both files; False when another
    connection kept the log from being truncated. Other backends: nothing to do here."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("PRAGMA secure_delete=ON"))
        connection.execute(text("VACUUM"))
        busy = connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).first()
    return busy is None or int(busy[0]) == 0
