"""The actor aggregate as stored: the actor row and its child rows (codes, resources, success
examples, registry ids, what it seeks), read and written only here.

Tombstoned actors (deleted_at set) are invisible to every read but ``stored_key``, which the
save uses to revive a deleted id; they keep their uid, so ids are never reused silently.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, Table, exists, func, select
from sqlalchemy.orm import Session

from mapper.domain.authors import RecordMeta
from mapper.domain.model import Actor, Location
from mapper.persistence import store
from mapper.persistence.repositories.records import record_meta
from mapper.persistence.store import (
    ACTOR_CODES,
    ACTOR_EXAMPLES,
    ACTOR_RESOURCES,
    ACTOR_REVIEW_NOTES,
    ACTORS,
    PARTNERSHIPS,
    PROBLEMS,
    RecordCounts,
)

LIVE: ColumnElement[bool] = ACTORS.c.deleted_at.is_(None)
"""The condition every read of actors carries: not tombstoned."""


@dataclass(frozen=True)
class StoredKey:
    """An actor row's internal key and version; ``deleted`` for a tombstone."""

    pk: int
    version: int
    deleted: bool = False


@dataclass(frozen=True)
class ActorSummaryRow:
    """One row of the actor register as stored (what lists and tables show)."""

    uid: str
    name: str
    kind: str
    municipality_code: str | None
    city: str | None
    target_groups: tuple[str, ...]
    active: bool
    public: bool
    resources: tuple[str, ...]
    """Kinds of resource offered, first mention first."""
    has_place: bool
    to_review: int = 0
    """Values an import kept on the actor for review (ReviewNote)."""
    filled: frozenset[str] = frozenset()
    """The parts of its profile that are filled in (paths of mapper.domain.completeness)."""


@dataclass(frozen=True)
class Referrers:
    """Live records that refer to an actor (deleting it would orphan them)."""

    owned_problems: tuple[str, ...]
    partnerships: tuple[str, ...]
    """Problem statements the actor is in a partnership on."""
    children: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.owned_problems or self.partnerships or self.children)


class ActorRepository:
    """Reads and writes of actors within the caller's unit of work (``session``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # ----------------------------------------------------------------- keys and ids

    def stored_key(self, uid: str, *, lock: bool = False) -> StoredKey | None:
        """Key and version of the row with this id, tombstoned or not (None: never stored).
        ``lock`` holds the row until commit on PostgreSQL, so no other save slips in after
        the version check; SQLite ignores FOR UPDATE and serialises writers itself."""
        stmt = select(ACTORS.c.pk, ACTORS.c.version, ACTORS.c.deleted_at).where(ACTORS.c.uid == uid)
        if lock:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        if row is None:
            return None
        return StoredKey(int(row.pk), int(row.version), row.deleted_at is not None)

    def live_key(self, uid: str, *, lock: bool = False) -> StoredKey | None:
        """Key and version of the live actor with this id (None: missing or deleted)."""
        key = self.stored_key(uid, lock=lock)
        return key if key is not None and not key.deleted else None

    def live_keys(self, uids: Collection[str]) -> dict[str, int]:
        """uid → internal key of the live actors among ``uids``."""
        return store.actor_keys(self.session, uids)

    def parent_ids(self, uids: Collection[str]) -> dict[str, str]:
        """uid → its parent's uid, for the live actors among ``uids`` that have a parent."""
        parent = ACTORS.alias("parent")
        found: dict[str, str] = {}
        for part in store.chunks(sorted(uids)):
            stmt = (
                select(ACTORS.c.uid, parent.c.uid)
                .join(parent, parent.c.pk == ACTORS.c.parent_pk)
                .where(ACTORS.c.uid.in_(part), LIVE)
            )
            found.update({str(child): str(of) for child, of in self.session.execute(stmt)})
        return found

    def live_ids(self) -> list[str]:
        """Every live actor's id (the candidates for the nearest id to a typo)."""
        return list(self.session.execute(select(ACTORS.c.uid).where(LIVE)).scalars())

    def ids_starting_with(self, base: str) -> set[str]:
        """Ids in use that start with ``base``, tombstones included: a proposed new id never
        takes a deleted record's identity."""
        escaped = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = select(ACTORS.c.uid).where(ACTORS.c.uid.like(f"{escaped}%", escape="\\"))
        return set(self.session.execute(stmt).scalars())

    def live_versions(self) -> dict[str, int]:
        """id → stored version of every live actor (what a batch of compare-and-swap saves
        planned from ``all()`` expects)."""
        stmt = select(ACTORS.c.uid, ACTORS.c.version).where(LIVE)
        return {str(uid): int(version) for uid, version in self.session.execute(stmt)}

    def all_ids(self) -> set[str]:
        """Every id in use, tombstones included (a batch of new ids never takes a deleted
        record's identity; see ``ids_starting_with`` for one)."""
        return set(self.session.execute(select(ACTORS.c.uid)).scalars())

    def ids_in_municipality(self, municipality_code: str) -> list[str]:
        """Ids of the live actors in a municipality (for its id prefix convention)."""
        stmt = select(ACTORS.c.uid).where(ACTORS.c.municipality_code == municipality_code, LIVE)
        return list(self.session.execute(stmt).scalars())

    # ----------------------------------------------------------------- reading

    def load(self, pks: Sequence[int]) -> list[Actor]:
        """The actors with these keys, in key order."""
        return [actor for _, actor in store.load_actors(self.session, pks)]

    def get(self, uid: str) -> Actor | None:
        """The live actor with this id, or None."""
        key = self.live_key(uid)
        return self.load([key.pk])[0] if key else None

    def all(self) -> list[Actor]:
        """Every live actor, in the order they were stored."""
        return [actor for _, actor in store.load_actors(self.session)]

    def batches(self, size: int) -> Iterator[list[Actor]]:
        """Every live actor, in the order they were stored, ``size`` at a time (an export
        holds one batch, not the register)."""
        stmt = select(ACTORS.c.pk).where(LIVE).order_by(ACTORS.c.pk)
        keys = list(self.session.execute(stmt).scalars())
        for part in store.chunks(keys, size):
            yield self.load(part)

    def meta(self, uid: str) -> RecordMeta | None:
        """Version and who created and last changed the live actor, or None."""
        if self.live_key(uid) is None:
            return None
        return record_meta(self.session, ACTORS, uid)

    def stored_location(self, uid: str) -> Location | None:
        """Where the stored actor is (to keep a point typed earlier), or None."""
        row = self.session.execute(
            select(
                ACTORS.c.postcode,
                ACTORS.c.city,
                ACTORS.c.municipality_code,
                ACTORS.c.lat,
                ACTORS.c.lon,
                ACTORS.c.location_precision,
            ).where(ACTORS.c.uid == uid, LIVE)
        ).first()
        if row is None:
            return None
        return Location(
            postcode=row.postcode,
            city=row.city,
            municipality_code=row.municipality_code,
            lat=row.lat,
            lon=row.lon,
            precision=row.location_precision,
        )

    def count(self) -> int:
        stmt = select(func.count()).select_from(ACTORS).where(LIVE)
        return int(self.session.execute(stmt).scalar_one())

    def municipality_codes(self) -> set[str]:
        """Codes of the municipalities live actors lie in."""
        stmt = select(ACTORS.c.municipality_code).where(LIVE).distinct()
        return {code for code in self.session.execute(stmt).scalars() if code}

    def summaries(
        self,
        *,
        ids: Collection[str] | None = None,
        kind: str | None = None,
        target_group: str | None = None,
        municipality_code: str | None = None,
        include_inactive: bool = True,
    ) -> list[ActorSummaryRow]:
        """Register rows of the live actors that pass every filter given, by name then id;
        ``ids`` limits them to those ids (ids not stored are left out)."""
        stmt = _SUMMARY_COLUMNS.where(LIVE)
        if ids is not None:
            if not ids:
                return []
            stmt = stmt.where(ACTORS.c.uid.in_(sorted(ids)))
        if kind:
            stmt = stmt.where(ACTORS.c.kind == kind)
        if municipality_code:
            stmt = stmt.where(ACTORS.c.municipality_code == municipality_code)
        if not include_inactive:
            stmt = stmt.where(ACTORS.c.active.is_(True))
        if target_group:
            stmt = stmt.where(
                exists().where(
                    ACTOR_CODES.c.actor_pk == ACTORS.c.pk,
                    ACTOR_CODES.c.facet == "target_group",
                    ACTOR_CODES.c.code == target_group,
                )
            )
        rows = self.session.execute(stmt).all()
        # For a few ids, their children only; for the register, all (one query each).
        keys = [int(r.pk) for r in rows] if ids is not None else None
        groups = self._target_groups(keys)
        offered = self._offered_kinds(keys)
        review = self._review_counts(keys)
        coded = self._coded_parts(keys)
        return [
            ActorSummaryRow(
                uid=r.uid,
                name=r.name,
                kind=r.kind,
                municipality_code=r.municipality_code,
                city=r.city,
                target_groups=tuple(groups.get(r.pk, ())),
                active=bool(r.active),
                public=bool(r.public),
                resources=tuple(offered.get(r.pk, ())),
                has_place=r.lat is not None and r.lon is not None,
                to_review=review.get(r.pk, 0),
                filled=frozenset(
                    [
                        *(
                            path
                            for path, flag in zip(_TEXT_PARTS, r[-len(_TEXT_PARTS) :], strict=True)
                            if flag
                        ),
                        *coded.get(r.pk, ()),
                        *(("target_groups",) if r.pk in groups else ()),
                        *(("resources_offered",) if r.pk in offered else ()),
                    ]
                ),
            )
            for r in rows
        ]

    def _coded_parts(self, keys: Sequence[int] | None) -> dict[int, set[str]]:
        """Per actor, which of roles, prevention levels and success examples it has."""
        codes = (
            select(ACTOR_CODES.c.actor_pk, ACTOR_CODES.c.facet)
            .where(ACTOR_CODES.c.facet.in_(list(_CODED_PARTS)))
            .distinct()
        )
        examples = select(ACTOR_EXAMPLES.c.actor_pk).distinct()
        parts: dict[int, set[str]] = {}
        for part in _parts(keys):
            query = codes if part is None else codes.where(ACTOR_CODES.c.actor_pk.in_(part))
            for key, facet in self.session.execute(query):
                parts.setdefault(int(key), set()).add(_CODED_PARTS[facet])
            query = (
                examples if part is None else examples.where(ACTOR_EXAMPLES.c.actor_pk.in_(part))
            )
            for (key,) in self.session.execute(query):
                parts.setdefault(int(key), set()).add("profile.success_examples")
        return parts

    def _review_counts(self, keys: Sequence[int] | None) -> dict[int, int]:
        stmt = select(ACTOR_REVIEW_NOTES.c.actor_pk, func.count()).group_by(
            ACTOR_REVIEW_NOTES.c.actor_pk
        )
        counts: dict[int, int] = {}
        for part in _parts(keys):
            query = stmt if part is None else stmt.where(ACTOR_REVIEW_NOTES.c.actor_pk.in_(part))
            counts.update((int(key), int(n)) for key, n in self.session.execute(query))
        return counts

    def _target_groups(self, keys: Sequence[int] | None) -> dict[int, list[str]]:
        stmt = (
            select(ACTOR_CODES.c.actor_pk, ACTOR_CODES.c.code)
            .where(ACTOR_CODES.c.facet == "target_group")
            .order_by(ACTOR_CODES.c.actor_pk, ACTOR_CODES.c.position)
        )
        grouped: dict[int, list[str]] = {}
        for part in _parts(keys):
            query = stmt if part is None else stmt.where(ACTOR_CODES.c.actor_pk.in_(part))
            for key, code in self.session.execute(query):
                grouped.setdefault(int(key), []).append(str(code))
        return grouped

    def _offered_kinds(self, keys: Sequence[int] | None) -> dict[int, list[str]]:
        stmt = select(ACTOR_RESOURCES.c.actor_pk, ACTOR_RESOURCES.c.kind).order_by(
            ACTOR_RESOURCES.c.actor_pk, ACTOR_RESOURCES.c.position
        )
        offered: dict[int, list[str]] = {}
        for part in _parts(keys):
            query = stmt if part is None else stmt.where(ACTOR_RESOURCES.c.actor_pk.in_(part))
            for key, kind in self.session.execute(query):
                kinds = offered.setdefault(int(key), [])
                if kind not in kinds:
                    kinds.append(str(kind))
        return offered

    def referrers(self, pk: int) -> Referrers:
        """The live problem statements and actors that refer to the actor with key ``pk``."""
        return Referrers(
            owned_problems=self._uids(
                select(PROBLEMS.c.uid).where(
                    PROBLEMS.c.owner_pk == pk, PROBLEMS.c.deleted_at.is_(None)
                )
            ),
            partnerships=self._uids(
                select(PROBLEMS.c.uid)
                .join(PARTNERSHIPS, PARTNERSHIPS.c.problem_pk == PROBLEMS.c.pk)
                .where(PARTNERSHIPS.c.actor_pk == pk, PARTNERSHIPS.c.deleted_at.is_(None))
            ),
            children=self._uids(select(ACTORS.c.uid).where(ACTORS.c.parent_pk == pk, LIVE)),
        )

    def _uids(self, stmt: Select[tuple[str]]) -> tuple[str, ...]:
        return tuple(sorted(set(self.session.execute(stmt).scalars())))

    # ----------------------------------------------------------------- writing

    def save(
        self,
        actors: Sequence[Actor],
        *,
        expected_versions: Mapping[str, int] | None = None,
        author: str | None = None,
        recorded_as: str | None = None,
    ) -> RecordCounts:
        """Insert, update (compare-and-swap on the version) or revive (a tombstoned id) the
        actors; see ``store.save_actors`` (``recorded_as``: ``store.record_writes``)."""
        return store.save_actors(
            self.session,
            actors,
            expected_versions=expected_versions,
            author=author,
            recorded_as=recorded_as,
        )

    def save_batch(
        self, actors: Sequence[Actor], *, author: str | None = None
    ) -> tuple[RecordCounts, list[store.ParentLink]]:
        """``save`` of one batch of a long import, parents left out: pass the links of every
        batch to ``link_parents`` at the end (a parent may come in a later batch). Recorded in
        the change history as imported."""
        return store.write_actors(self.session, actors, author=author, recorded_as="imported")

    def link_parents(self, links: Sequence[store.ParentLink]) -> None:
        store.link_parents(self.session, links)

    def tombstone(self, key: StoredKey, *, author: str | None = None) -> bool:
        """Mark the actor deleted (deleted_at/by, version + 1), keeping its row and child rows
        so that a copy elsewhere learns of the deletion. Compare-and-swap on ``key.version``:
        False when the row moved meanwhile (nothing changed)."""
        return store.tombstone_row(self.session, ACTORS, key.pk, key.version, author) is not None


_TEXT_PARTS = {
    "location.postcode": ACTORS.c.postcode,
    "profile.we_are": ACTORS.c.we_are,
    "profile.role_towards_target_group": ACTORS.c.role_towards_target_group,
    "profile.best_at": ACTORS.c.best_at,
    "profile.how_we_know_it_works": ACTORS.c.how_we_know_it_works,
    "profile.worst_at": ACTORS.c.worst_at,
    "profile.attractive_partner_because": ACTORS.c.attractive_partner_because,
    "contact.email": ACTORS.c.contact_email,
}
"""The text parts of mapper.domain.completeness.PARTS and their columns (filled: not blank)."""
_CODED_PARTS = {"role": "roles", "prevention_level": "prevention_levels"}
"""Facets of actor_codes that are parts of PARTS (filled: at least one code), and their path."""


def _text_filled(column: ColumnElement[str | None]) -> ColumnElement[int]:
    """The length of the text without surrounding blanks, 0 when missing (filled: not 0)."""
    return func.coalesce(func.length(func.trim(column)), 0)


def filled_parts() -> dict[str, ColumnElement[bool]]:
    """Per part of mapper.domain.completeness.PARTS, whether the actor row (ACTORS) has it
    filled in, as a correlated SQL condition: the same tests the register's ``filled`` makes
    (``summaries``), so an aggregate over them agrees with its Udfyldt column."""

    def has(table: Table, *where: ColumnElement[bool]) -> ColumnElement[bool]:
        return exists().where(table.c.actor_pk == ACTORS.c.pk, *where)

    return {
        "target_groups": has(ACTOR_CODES, ACTOR_CODES.c.facet == "target_group"),
        "resources_offered": has(ACTOR_RESOURCES),
        **{path: _text_filled(column) > 0 for path, column in _TEXT_PARTS.items()},
        **{
            path: has(ACTOR_CODES, ACTOR_CODES.c.facet == facet)
            for facet, path in _CODED_PARTS.items()
        },
        "profile.success_examples": has(ACTOR_EXAMPLES),
    }


_SUMMARY_COLUMNS = select(
    ACTORS.c.pk,
    ACTORS.c.uid,
    ACTORS.c.name,
    ACTORS.c.kind,
    ACTORS.c.municipality_code,
    ACTORS.c.city,
    ACTORS.c.active,
    ACTORS.c.public,
    ACTORS.c.lat,
    ACTORS.c.lon,
    *(_text_filled(column).label(f"filled_{i}") for i, column in enumerate(_TEXT_PARTS.values())),
).order_by(ACTORS.c.name, ACTORS.c.uid)


def _parts(keys: Sequence[int] | None) -> list[Sequence[int] | None]:
    return [None] if keys is None else list(store.chunks(keys))
