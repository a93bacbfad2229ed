"""Editing one actor's social dating profile: readable ids, loading with the version, a fully
validated save with optimistic locking, and deleting a record nothing refers to (undo of create).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from mapper.domain.actor_rules import actor_rule_problems
from mapper.domain.authors import RecordMeta
from mapper.domain.errors import (
    ConflictError,
    InputProblem,
    MapperError,
    NotFoundError,
    ValidationError,
)
from mapper.domain.ids import (
    first_free_id,
    free_id_after,
    id_base,
    municipality_prefix,
    nearest_id,
)
from mapper.domain.model import Actor
from mapper.domain.municipality import normalise_location_code, padded
from mapper.domain.parents import cycle_text, parent_cycle_problems, parent_cycles
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io import interchange
from mapper.matching.lexicon import infer_actor_codes
from mapper.persistence.database import Database
from mapper.persistence.repositories import history as history_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.boundaries import name_of
from mapper.services.geo import GeoService, placed_by_postcode


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
    cycle: tuple[str, ...] = ()
    """The ids around a cycle of parents it is in (a → b → a is ('a', 'b')), saved before
    cycles were refused: clearing the parent of its last id, its child, breaks it."""

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
        if self.cycle:
            parts.append(
                f"the parent organisations form a cycle ({cycle_text(self.cycle)}): clear the "
                f"parent of {self.cycle[-1]} first (mapper set actor {self.cycle[-1]} "
                "parent_id=null)"
            )
        return f"actor {self.actor_id!r} cannot be deleted: " + "; ".join(parts)


LIKELY_SUGGESTION = 0.5
"""Confidence from which an inferred code is suggested for a facet the profile leaves empty."""
SURE_SUGGESTION = 0.9
"""... and for a facet the profile has filled in already."""


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
        e.g. 'esb-sammen-om-sindet'; '-2', '-3' … on collision (see ``mapper.domain.ids``)."""
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            prefix = ""
            if municipality_code:
                code = padded(municipality_code)
                # The same rule as problem ids: the prefix the municipality's records share,
                # else its name from the imported boundaries, else its code.
                prefix = municipality_prefix(
                    code,
                    [
                        *actors.ids_in_municipality(code),
                        *problem_rows.uids_in_municipality(session, code),
                    ],
                    name_of(session, "municipalities", code),
                )
            base = id_base(name, prefix=prefix, fallback="actor")
            return first_free_id(base, actors.ids_starting_with(base))

    # ----------------------------------------------------------------- suggestions

    def suggested_codes(self, actor: Actor) -> list[tuple[str, str, tuple[str, ...]]]:
        """(field, code, evidence words) the actor's own texts suggest and it does not
        declare, surest first: target groups, resources offered and roles, for staff to accept
        or reject (mapper.matching.lexicon). Nothing is stored."""
        return suggested_codes(actor, self.vocabulary)

    # ----------------------------------------------------------------- reading

    def load(self, actor_id: str) -> tuple[Actor, int]:
        """The actor and the version it is stored at (pass it back to ``save``); a deleted
        actor is not found."""
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            key = actors.live_key(actor_id)
            if key is None:
                raise _not_found(actors, actor_id)
            return actors.load([key.pk])[0], key.version

    def load_meta(self, actor_id: str) -> RecordMeta:
        """The actor's version and who created and last changed it, when."""
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            meta = actors.meta(actor_id)
            if meta is None:
                raise _not_found(actors, actor_id)
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
        # The record's own rules (blank name, e-mail, website, personal data) live in
        # mapper.domain.actor_rules; the interchange validation applies them to records of a
        # valid shape, and the editor wants them beside every field at once.
        found = {(p.field, p.code) for p in problems}
        problems += [
            p for p in actor_rule_problems(actor, self.vocabulary) if (p.field, p.code) not in found
        ]
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
            actors = ActorRepository(session)
            known = tuple(actors.live_keys([actor.parent_id])) if actor.parent_id else ()
            problems = self._problems(actor, known)
            # A parent whose own parents lead back to this actor (a ↔ b, or longer) is refused.
            problems += parent_cycle_problems({actor.id: actor.parent_id}, actors.parent_ids)
            if problems:
                raise ValidationError(problems, source=label)
            stored = actors.stored_key(actor.id, lock=True)
            live = stored if stored is not None and not stored.deleted else None
            if expected_version is None and live is not None:
                free = free_id_after(actor.id, actors.ids_starting_with(actor.id))
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
                if live is None:
                    raise _not_found(actors, actor.id)
                if live.version != expected_version:
                    raise ConflictError("actor", actor.id, expected_version, live.version)
            # A tombstoned id is created afresh (revived): its old place is no point to keep.
            before = actors.stored_location(actor.id) if live is not None else None
            actor = replace(actor, location=placed_by_postcode(actor.location, found, before))
            versions = {actor.id: expected_version} if expected_version is not None else None
            actors.save([actor], expected_versions=versions, author=self.author)
            saved = actors.live_key(actor.id)
            assert saved is not None
            return saved.version

    def delete(self, actor_id: str, expected_version: int) -> None:
        """Delete the actor (e.g. undo of a create): it leaves every list, search, match, map
        and export, while its row stays as a tombstone (deleted_at/by) so that copies
        elsewhere learn of it; saving the id again revives it.

        Refused with ActorInUseError while a problem statement, a partnership or a child actor
        refers to it, and with ConflictError when it changed since ``expected_version``.
        """
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            key = actors.live_key(actor_id, lock=True)
            if key is None:
                raise _not_found(actors, actor_id)
            if key.version != expected_version:
                raise ConflictError("actor", actor_id, expected_version, key.version)
            referrers = actors.referrers(key.pk)
            if referrers:
                # A cycle saved before cycles were refused: say how to break it.
                parent = actors.parent_ids([actor_id]).get(actor_id)
                cycles = parent_cycles({actor_id: parent}, actors.parent_ids) if parent else []
                raise ActorInUseError(
                    actor_id,
                    referrers.owned_problems,
                    referrers.partnerships,
                    referrers.children,
                    cycles[0] if cycles else (),
                )
            if not actors.tombstone(key, author=self.author):
                moved = actors.stored_key(actor_id)
                raise ConflictError(
                    "actor", actor_id, expected_version, moved.version if moved else 0
                )
            history_rows.record(
                session,
                [history_rows.entry("actor", actor_id, key.version + 1, "deleted", {})],
                author=self.author,
            )


def _not_found(actors: ActorRepository, actor_id: str) -> NotFoundError:
    return NotFoundError("actor", actor_id, nearest_id(actor_id, actors.live_ids()))


def suggested_codes(actor: Actor, vocabulary: Vocabulary) -> list[tuple[str, str, tuple[str, ...]]]:
    """What ``ActorEditService.suggested_codes`` offers (also counted after a register import)."""
    inference = infer_actor_codes(actor, vocabulary)
    fields = {
        "target_groups": "target_groups",
        "resource_kinds": "resources_offered",
        "roles": "roles",
    }
    declared = {
        "target_groups": bool(actor.target_groups),
        "resource_kinds": bool(actor.resources_offered),
        "roles": bool(actor.roles),
    }
    # A sparse profile gets the likely codes; a facet already filled in only the surest
    # (a full profile is not crowded with near-misses), and never 'all citizens' beside
    # target groups of its own.
    chosen = [
        c
        for c in inference.codes
        if c.facet in fields
        and c.confidence >= (SURE_SUGGESTION if declared[c.facet] else LIKELY_SUGGESTION)
        and not (declared[c.facet] and c.code == "general_population")
    ]
    ranked = sorted(chosen, key=lambda c: -c.confidence)
    return [(fields[c.facet], c.code, c.evidence) for c in ranked]
