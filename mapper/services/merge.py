"""Duplicate actors in the register: the candidate pairs, merging two into one and deciding
that two are not the same (the use cases behind ``mapper dedupe``, ``mapper merge`` and the
merge view).

A merge is one transaction: the survivor is saved with the fields chosen (compare-and-swap on
its version), everything that referred to the other actor refers to the survivor (problem
statements it owns, partnerships, child actors), the other actor becomes a tombstone, and the
merge is written into the history (actor_merges) with its field choices, score and evidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from mapper.domain.changes import Changes
from mapper.domain.dedupe import DuplicatePair, Evidence, actor_cvr, find_all_duplicates, score_pair
from mapper.domain.errors import ConflictError, InputProblem, NotFoundError, ValidationError
from mapper.domain.ids import nearest_id
from mapper.domain.merge import filled_fields, merge_actors
from mapper.domain.model import Actor
from mapper.domain.parents import parent_cycle_problems
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io.bulk import collector_paused
from mapper.persistence.database import Database
from mapper.persistence.repositories import history as history_rows
from mapper.persistence.repositories.actors import ActorRepository, StoredKey
from mapper.persistence.repositories.merges import MergeRecord, MergeRepository, MovedReferences
from mapper.services.actors import ActorEditService
from mapper.services.geo import GeoService, placed_by_postcode

STAGES = "partnership_stages"
DECLINED = "declined"
"""A declined partnership is the least advanced: an active one of the other actor wins."""


@dataclass(frozen=True)
class MergeResult:
    """What a merge did."""

    survivor_id: str
    merged_id: str
    version: int
    """The survivor's new version."""
    fields: Mapping[str, str]
    """Each field the two differed in: 'survivor' or 'merged' (where the value came from)."""
    moved: MovedReferences
    changes: Changes
    """Every record the merge touched, for the views to refresh."""


@dataclass(frozen=True)
class MergePreview:
    """Two actors as the merge view shows them, and what merging them would give."""

    survivor: Actor
    survivor_version: int
    other: Actor
    other_version: int
    merged: Actor
    fields: Mapping[str, str]
    score: float | None
    """None when their valid CVR numbers differ: they are never merged."""
    evidence: tuple[Evidence, ...]


class MergeService:
    """Finds duplicate actors and merges them, or records that they are different."""

    def __init__(
        self,
        database: Database,
        author: str | None = None,
        *,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.database = database
        self.author = author
        """Whose merges these are (merged_by, updated_by); None: the OS login."""
        self.vocabulary = vocabulary or load_vocabulary()

    # ----------------------------------------------------------------- reading

    def candidates(self, *, min_score: float | None = None) -> list[DuplicatePair]:
        """Every pair of live actors in the register that may be one actor (score from
        ``min_score``, default the review threshold), best first; never a pair decided to be
        different."""
        with collector_paused(), self.database.unit_of_work() as session:
            actors = ActorRepository(session).all()
            distinct = MergeRepository(session).distinct_pairs()
            return find_all_duplicates(actors, distinct=distinct, min_score=min_score)

    def names(self, actor_ids: Collection[str]) -> dict[str, str]:
        """id → name of the live actors among ``actor_ids`` (to show pairs by name)."""
        with self.database.unit_of_work() as session:
            rows = ActorRepository(session).summaries(ids=set(actor_ids))
        return {row.uid: row.name for row in rows}

    def suggested_survivor(self, first_id: str, second_id: str) -> tuple[str, str]:
        """(survivor, other) as the merge view proposes them: the actor that more problem
        statements, partnerships and branches refer to, else the fuller record, else
        ``first_id``. The person merging may choose otherwise."""
        _check_two(first_id, second_id)
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            keys = [_live(actors, first_id), _live(actors, second_id)]
            records = [actors.load([key.pk])[0] for key in keys]
            weights = []
            for key, actor in zip(keys, records, strict=True):
                refs = actors.referrers(key.pk)
                used = len(refs.owned_problems) + len(refs.partnerships) + len(refs.children)
                weights.append((used, filled_fields(actor)))
        if weights[1] > weights[0]:
            return second_id, first_id
        return first_id, second_id

    def preview(
        self, survivor_id: str, other_id: str, choices: Mapping[str, str] | None = None
    ) -> MergePreview:
        """Both actors with their versions, their score and evidence, and the merged actor
        ``merge`` would save with these choices (nothing is stored)."""
        _check_two(survivor_id, other_id)
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            survivor_key = _live(actors, survivor_id)
            other_key = _live(actors, other_id)
            survivor, other = actors.load([survivor_key.pk])[0], actors.load([other_key.pk])[0]
        merged, fields = merge_actors(survivor, other, choices)
        scored = score_pair(survivor, other)
        return MergePreview(
            survivor=survivor,
            survivor_version=survivor_key.version,
            other=other,
            other_version=other_key.version,
            merged=merged,
            fields=fields,
            score=scored[0] if scored else None,
            evidence=scored[1] if scored else (),
        )

    def history(self, actor_id: str) -> list[MergeRecord]:
        """The actors merged into this one, oldest first."""
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            key = _live(actors, actor_id)
            return MergeRepository(session).history(key.pk)

    # ----------------------------------------------------------------- writing

    def merge(
        self,
        survivor_id: str,
        other_id: str,
        choices: Mapping[str, str] | None = None,
        expected_versions: Mapping[str, int] | None = None,
    ) -> MergeResult:
        """Merge ``other_id`` into ``survivor_id`` in one transaction (see the module).

        ``choices`` take fields from one side (``mapper.domain.merge.merge_actors``); by default
        every non-empty field is kept, the survivor's where both have one. ``expected_versions``
        (id → version read) makes a change by someone else meanwhile a ConflictError; without
        it the versions read at the start of the merge are expected. Two different valid CVR
        numbers, a merged actor that breaks the editor's rules or a bad choice are a
        ValidationError. Nothing is stored when anything is refused."""
        _check_two(survivor_id, other_id)
        geo = GeoService(self.database)
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            # Both rows locked in key order, so two merges never wait for each other in turn.
            keys = {survivor_id: _live(actors, survivor_id), other_id: _live(actors, other_id)}
            for actor_id, _ in sorted(keys.items(), key=lambda item: item[1].pk):
                locked = actors.stored_key(actor_id, lock=True)
                assert locked is not None
                keys[actor_id] = locked
            for actor_id, key in keys.items():
                expected = (expected_versions or {}).get(actor_id, key.version)
                if key.version != expected:
                    raise ConflictError("actor", actor_id, expected, key.version)
            survivor_key, other_key = keys[survivor_id], keys[other_id]
            survivor = actors.load([survivor_key.pk])[0]
            other = actors.load([other_key.pk])[0]
            _check_cvr(survivor, other)
            merged, fields = merge_actors(survivor, other, choices)
            merged = self._placed(merged, geo, actors)
            self._check(merged)
            actors.save(
                [merged],
                expected_versions={survivor_id: survivor_key.version},
                author=self.author,
                recorded_as="merged",
            )
            merges = MergeRepository(session)
            moved = merges.move_references(
                survivor_key.pk,
                other_key.pk,
                stage_rank=self._stage_rank(),
                evidence_rank=self._evidence_rank(),
                author=self.author,
            )
            # The other's children now hang under the survivor: one of them may be among the
            # survivor's own parents (a cycle); refused, and the whole merge with it.
            cycles = parent_cycle_problems(
                {survivor_id: merged.parent_id, **dict.fromkeys(moved.children, survivor_id)},
                actors.parent_ids,
            )
            if cycles:
                raise ValidationError(cycles, source=f"merge into actor {survivor_id}")
            if not actors.tombstone(other_key, author=self.author):  # pragma: no cover - locked
                raise ConflictError("actor", other_id, other_key.version, other_key.version + 1)
            history_rows.record(
                session,
                [
                    history_rows.entry(
                        "actor",
                        other_id,
                        other_key.version + 1,
                        "merged",
                        {"merged_into": [None, survivor_id]},
                    )
                ],
                author=self.author,
            )
            scored = score_pair(survivor, other)
            merges.record(
                survivor_key.pk,
                other_key.pk,
                fields,
                score=scored[0] if scored else None,
                evidence=scored[1] if scored else (),
                author=self.author,
            )
            saved = actors.stored_key(survivor_id)
            assert saved is not None
            if saved.version == survivor_key.version:  # the survivor kept every value
                history_rows.record(
                    session,
                    [
                        history_rows.entry(
                            "actor",
                            survivor_id,
                            saved.version,
                            "merged",
                            {"merged_from": [None, other_id]},
                        )
                    ],
                    author=self.author,
                )
        touched = {survivor_id, other_id, *moved.children}
        partnerships = {(p, a) for p in (*moved.partnerships, *moved.joined) for a in touched}
        changes = (
            Changes.of_actors(touched)
            | Changes.of_problems(moved.problems)
            | Changes.of_partnerships(partnerships)
        )
        return MergeResult(survivor_id, other_id, saved.version, fields, moved, changes)

    def mark_distinct(self, first_id: str, second_id: str) -> Changes:
        """Record that the two actors are different associations: never proposed as a pair
        again. Recording it twice changes nothing."""
        _check_two(first_id, second_id)
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            first, second = _live(actors, first_id), _live(actors, second_id)
            added = MergeRepository(session).mark_distinct(first.pk, second.pk, author=self.author)
        return Changes.of_actors([first_id, second_id]) if added else Changes()

    # ----------------------------------------------------------------- helpers

    def _stage_rank(self) -> dict[str, int]:
        """Partnership stages from least to most advanced ('declined' least of all)."""
        order = [t.code for t in self.vocabulary.terms(STAGES) if t.code != DECLINED]
        return {DECLINED: -1, **{code: i for i, code in enumerate(order)}}

    def _evidence_rank(self) -> dict[str, int]:
        """Evidence-ladder steps by their rank in the vocabulary (1 is the strongest)."""
        return {t.code: i for i, t in enumerate(self.vocabulary.terms("evidence_levels"), 1)}

    def _placed(self, merged: Actor, geo: GeoService, actors: ActorRepository) -> Actor:
        """The merged actor placed by its postcode when it has no point of its own, as the
        editor's save places it."""
        location = merged.location
        if not location.postcode or (location.has_point and location.precision != "postcode"):
            return merged
        found = geo.place_for(location.postcode)
        before = actors.stored_location(merged.id)
        return dataclasses.replace(merged, location=placed_by_postcode(location, found, before))

    def _check(self, merged: Actor) -> None:
        """The merged actor must pass what the editor checks (codes, formats, personal data)."""
        problems = ActorEditService(self.database, self.vocabulary).check(merged)
        if problems:
            raise ValidationError(problems, source=f"merge into actor {merged.id}")


def _check_two(first_id: str, second_id: str) -> None:
    if first_id == second_id:
        raise ValidationError(
            [
                InputProblem(
                    first_id,
                    "id",
                    second_id,
                    "an actor cannot be merged with itself",
                    code="invalid",
                )
            ],
            source="merge",
        )


def _check_cvr(survivor: Actor, other: Actor) -> None:
    mine, theirs = actor_cvr(survivor), actor_cvr(other)
    if mine and theirs and mine != theirs:
        raise ValidationError(
            [
                InputProblem(
                    other.id,
                    "registry_ids.cvr",
                    theirs,
                    f"another CVR number than {survivor.id}'s ({mine}): two legal entities "
                    "are never merged",
                    "correct the CVR number first if one of them is wrong",
                    code="invalid",
                )
            ],
            source="merge",
        )


def _live(actors: ActorRepository, actor_id: str) -> StoredKey:
    key = actors.live_key(actor_id)
    if key is None:
        raise NotFoundError("actor", actor_id, nearest_id(actor_id, actors.live_ids()))
    return key
