"""Editing one actor's social dating profile: readable ids, loading with the version, a fully
validated save with optimistic locking, and deleting a record nothing refers to (undo of create).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rapidfuzz import process
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mapper.domain.authors import RecordMeta
from mapper.domain.errors import (
    ConflictError,
    InputProblem,
    MapperError,
    NotFoundError,
    ValidationError,
)
from mapper.domain.model import Actor, Location
from mapper.domain.municipality import normalise_location_code, padded
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io import interchange
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories.records import record_meta
from mapper.persistence.store import ACTORS, PARTNERSHIPS, PROBLEMS
from mapper.services.geo import GeoService, placed_by_postcode

# Deliberately loose: one '@', something on both sides and a dot in the domain. Mail servers
# are the real judge; this catches the typing slips an editor should point at.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
WEBSITE = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
# Danish letters are spelled out (ø → oe) as the ids of the demo landscape do; the rest is
# left to Unicode decomposition (é → e). Apostrophes join ("Søren's" → "soerens").
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "'": None, "’": None})
MAX_SLUG = 60


@dataclass
class ActorInUseError(MapperError):
    """The actor cannot be deleted: other records refer to it."""

    code: ClassVar[str] = "actor_in_use"

    actor_id: str
    owned_problems: tuple[str, ...] = ()
    """Problem statements whose owner it is."""
    partnerships: tuple[str, ...] = ()
    """Problem statements it is in a partnership on."""
    children: tuple[str, ...] = ()
    """Actors whose parent it is."""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.owned_problems:
            parts.append(f"it owns problem statements {', '.join(self.owned_problems)}")
        if self.partnerships:
            parts.append(f"it is a partner on {', '.join(self.partnerships)}")
        if self.children:
            parts.append(f"it is the parent of {', '.join(self.children)}")
        return f"actor {self.actor_id!r} cannot be deleted: " + "; ".join(parts)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-', e.g. 'Sammen om Sindet' → 'sammen-om-sindet'."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATION))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:MAX_SLUG].rstrip("-")


class ActorEditService:
    """Create, change and delete single actors (the dating-profile editor's use cases)."""

    def __init__(
        self,
        database: Database,
        vocabulary: Vocabulary | None = None,
        *,
        author: str | None = None,
    ) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()
        self.author = author
        """Whose changes these are (recorded as created_by/updated_by); None: the OS login."""

    # ----------------------------------------------------------------- ids

    def new_actor_id(self, name: str, municipality_code: str | None = None) -> str:
        """A readable id not yet in use: the municipality's usual prefix and the name's slug,
        e.g. 'esb-sammen-om-sindet'; '-2', '-3' … on collision."""
        with self.database.unit_of_work() as session:
            prefix = (
                _municipality_prefix(session, padded(municipality_code))
                if municipality_code
                else ""
            )
            base = "-".join(p for p in (prefix, slugify(name) or "actor") if p)
            taken = set(
                session.execute(select(ACTORS.c.uid).where(ACTORS.c.uid.like(f"{base}%")))
                .scalars()
                .all()
            )
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    # ----------------------------------------------------------------- reading

    def load(self, actor_id: str) -> tuple[Actor, int]:
        """The actor and the version it is stored at (pass it back to ``save``)."""
        with self.database.unit_of_work() as session:
            row = _key_and_version(session, actor_id)
            if row is None:
                raise NotFoundError("actor", actor_id, _nearest_id(session, actor_id))
            pk, version = row
            return store.load_actors(session, [pk])[0][1], version

    def load_meta(self, actor_id: str) -> RecordMeta:
        """The actor's version and who created and last changed it, when."""
        with self.database.unit_of_work() as session:
            meta = record_meta(session, ACTORS, actor_id)
            if meta is None:
                raise NotFoundError("actor", actor_id, _nearest_id(session, actor_id))
            return meta

    # ----------------------------------------------------------------- validation

    def check(self, actor: Actor) -> list[InputProblem]:
        """Every problem of the actor that can be found without the database (the parent is
        taken to exist); an empty list means the record may be saved as far as its fields go."""
        known = (actor.parent_id,) if actor.parent_id else ()
        return self._problems(actor, known)

    def _problems(self, actor: Actor, known_actor_ids: tuple[str, ...]) -> list[InputProblem]:
        # "561" is Esbjerg's "0561"; a code that is no municipality's is reported with a hint.
        location, code_problem = normalise_location_code(actor.location, f"actor {actor.id}")
        actor = replace(actor, location=location)
        doc: dict[str, Any] = {
            "format": interchange.FORMAT,
            "version": interchange.VERSION,
            "actors": [interchange.actor_to_dict(actor)],
        }
        # The interchange rules (schema, codes, coordinates, references) stay in one place.
        problems = interchange.validate_document(
            doc, self.vocabulary, known_actor_ids=known_actor_ids
        )
        if code_problem is not None:
            problems.insert(0, code_problem)
        label = f"actor {actor.id}"
        if actor.name and not actor.name.strip():
            problems.append(
                InputProblem(label, "name", actor.name, "the name is blank", code="blank")
            )
        contact = actor.contact
        if contact.email and not EMAIL.match(contact.email.strip()):
            problems.append(
                InputProblem(
                    label,
                    "contact.email",
                    contact.email,
                    "not an e-mail address",
                    "e.g. name@example.dk",
                    code="not_email",
                    params={"example": "name@example.dk"},
                )
            )
        if contact.website and not WEBSITE.match(contact.website.strip()):
            problems.append(
                InputProblem(
                    label,
                    "contact.website",
                    contact.website,
                    "a website address starts with http:// or https://",
                    "e.g. https://www.example.dk",
                    code="not_website",
                    params={"example": "https://www.example.dk"},
                )
            )
        if self.vocabulary.holds_personal_data(actor.kind):
            problems += _personal_data_problems(actor, label)
        return problems

    # ----------------------------------------------------------------- writing

    def save(self, actor: Actor, *, expected_version: int | None) -> int:
        """Validate and store the actor in one transaction; returns its new version.

        ``expected_version`` None creates the actor (its id must be free); otherwise the stored
        version must still be the one the caller read (else ConflictError). A refused save
        changes nothing.

        The municipality code is stored in four digits ('561' → '0561'). An actor without a
        point is placed by its postcode (precision 'postcode'), filling an empty town and
        municipality from it; see ``mapper.services.geo.placed_by_postcode``.
        """
        label = f"actor {actor.id}"
        location, code_problem = normalise_location_code(actor.location, label)
        if code_problem is None:  # else _problems reports it below
            actor = replace(actor, location=location)
        found = None
        # Without a point any precision is stale: the postcode places it. A point typed or
        # geocoded elsewhere stays where it is.
        loc = actor.location
        if loc.postcode and (not loc.has_point or loc.precision in (None, "postcode")):
            found = GeoService(self.database).place_for(actor.location.postcode)
        with self.database.unit_of_work() as session:
            known = tuple(store.actor_keys(session, [actor.parent_id])) if actor.parent_id else ()
            problems = self._problems(actor, known)
            if problems:
                raise ValidationError(problems, source=label)
            row = _key_and_version(session, actor.id, lock=True)
            if expected_version is None and row is not None:
                free = self._free_id(session, actor.id)
                raise ValidationError(
                    [
                        InputProblem(
                            label,
                            "id",
                            actor.id,
                            "another actor already has this id",
                            f"a free id: {free}",
                            code="duplicate_id",
                            params={"kind": "actor", "free": free},
                        )
                    ],
                    source=label,
                )
            if expected_version is not None:
                if row is None:
                    raise NotFoundError("actor", actor.id, _nearest_id(session, actor.id))
                if row[1] != expected_version:
                    raise ConflictError("actor", actor.id, expected_version, row[1])
            before = _stored_location(session, actor.id) if row is not None else None
            actor = replace(actor, location=placed_by_postcode(actor.location, found, before))
            versions = {actor.id: expected_version} if expected_version is not None else None
            store.save_actors(session, [actor], expected_versions=versions, author=self.author)
            stored = _key_and_version(session, actor.id)
            assert stored is not None
            return stored[1]

    def delete(self, actor_id: str, expected_version: int) -> None:
        """Erase the actor and its codes, resources and examples (e.g. undo of a create).

        Refused with ActorInUseError while a problem statement, a partnership or a child actor
        refers to it, and with ConflictError when it changed since ``expected_version``.
        """
        with self.database.unit_of_work() as session:
            row = _key_and_version(session, actor_id, lock=True)
            if row is None:
                raise NotFoundError("actor", actor_id, _nearest_id(session, actor_id))
            pk, version = row
            if version != expected_version:
                raise ConflictError("actor", actor_id, expected_version, version)
            owned = _uids(session, select(PROBLEMS.c.uid).where(PROBLEMS.c.owner_pk == pk))
            partnered = _uids(
                session,
                select(PROBLEMS.c.uid)
                .join(PARTNERSHIPS, PARTNERSHIPS.c.problem_pk == PROBLEMS.c.pk)
                .where(PARTNERSHIPS.c.actor_pk == pk),
            )
            children = _uids(session, select(ACTORS.c.uid).where(ACTORS.c.parent_pk == pk))
            if owned or partnered or children:
                raise ActorInUseError(actor_id, owned, partnered, children)
            # Child rows go with it through ON DELETE CASCADE.
            session.execute(delete(ACTORS).where(ACTORS.c.pk == pk))

    def _free_id(self, session: Session, taken_id: str) -> str:
        taken = set(
            session.execute(select(ACTORS.c.uid).where(ACTORS.c.uid.like(f"{taken_id}%")))
            .scalars()
            .all()
        )
        number = 2
        while f"{taken_id}-{number}" in taken:
            number += 1
        return f"{taken_id}-{number}"


def _personal_data_problems(actor: Actor, label: str) -> list[InputProblem]:
    """An individual volunteer is a person (GDPR): kept only with consent and a purpose."""
    problems = []
    if actor.consent.given_on is None:
        problems.append(
            InputProblem(
                label,
                "consent.given_on",
                None,
                "an individual volunteer is kept only with consent: the date of consent is missing",
                "the date the person agreed to be registered",
                code="consent_required",
            )
        )
    if not (actor.consent.purpose or "").strip():
        problems.append(
            InputProblem(
                label,
                "consent.purpose",
                actor.consent.purpose,
                "an individual volunteer is kept only for a stated purpose: the purpose is missing",
                "e.g. 'Matchning til frivillige opgaver i kommunen'",
                code="purpose_required",
            )
        )
    # A public volunteer is refused by the interchange rules (and the database's CHECK).
    return problems


def _key_and_version(
    session: Session, actor_id: str, *, lock: bool = False
) -> tuple[int, int] | None:
    stmt = select(ACTORS.c.pk, ACTORS.c.version).where(ACTORS.c.uid == actor_id)
    if lock:
        # PostgreSQL holds the row until commit, so no other save slips in after the version
        # check; SQLite ignores FOR UPDATE and serialises writers itself.
        stmt = stmt.with_for_update()
    row = session.execute(stmt).first()
    return (int(row.pk), int(row.version)) if row else None


def _stored_location(session: Session, actor_id: str) -> Location | None:
    row = session.execute(
        select(
            ACTORS.c.postcode,
            ACTORS.c.city,
            ACTORS.c.municipality_code,
            ACTORS.c.lat,
            ACTORS.c.lon,
            ACTORS.c.location_precision,
        ).where(ACTORS.c.uid == actor_id)
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


def _uids(session: Session, stmt: Any) -> tuple[str, ...]:
    return tuple(sorted(set(session.execute(stmt).scalars().all())))


def _nearest_id(session: Session, actor_id: str) -> str | None:
    uids = session.execute(select(ACTORS.c.uid)).scalars().all()
    match = process.extractOne(actor_id, uids, score_cutoff=60)
    return str(match[0]) if match else None


def _municipality_prefix(session: Session, municipality_code: str) -> str:
    """The id prefix the municipality's actors already share (e.g. 'esb' for 0561), else the
    municipality code itself."""
    uids = (
        session.execute(select(ACTORS.c.uid).where(ACTORS.c.municipality_code == municipality_code))
        .scalars()
        .all()
    )
    prefixes: Counter[str] = Counter(
        head
        for head, sep, _ in (uid.partition("-") for uid in uids)
        if sep and head.isalpha() and len(head) <= 5
    )
    if prefixes:
        prefix, count = prefixes.most_common(1)[0]
        if 2 * count >= len(uids):  # a convention, not one actor's first word
            return prefix
    return slugify(municipality_code)
