"""Editing problem statements (problemstillinger): create, change and delete them, and move them
through their life draft → open for input → seeking → matched → closed. One unit of work per
call; every change is checked against the version the caller read (optimistic locking)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy.orm import Session

from mapper.domain.authors import RecordMeta
from mapper.domain.errors import ConflictError, InputProblem, NotFoundError, ValidationError
from mapper.domain.ids import (
    first_free_id,
    free_id_after,
    id_base,
    municipality_prefix,
    nearest_id,
    slugify,
)
from mapper.domain.model import PROBLEM_STATUSES, ProblemStatement
from mapper.domain.municipality import (
    MunicipalityCodeError,
    normalise_location_code,
    normalised_or_none,
    padded,
)
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io import interchange
from mapper.persistence.database import Database
from mapper.persistence.repositories import history as history_rows
from mapper.persistence.repositories import problems as rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.boundaries import name_of
from mapper.persistence.repositories.records import record_meta
from mapper.persistence.store import PROBLEMS

__all__ = ["ProblemEditService", "allowed_statuses", "slugify"]


def allowed_statuses(current: str) -> tuple[str, ...]:
    """Where a problem may move from ``current``, in workflow order: one step forward or back,
    closed from any state, and a closed problem reopens as a draft."""
    if current not in PROBLEM_STATUSES:
        return ()
    i = PROBLEM_STATUSES.index(current)
    allowed = {PROBLEM_STATUSES[j] for j in (i - 1, i + 1) if 0 <= j < len(PROBLEM_STATUSES)}
    allowed.add("closed")
    if current == "closed":
        allowed.add("draft")
    allowed.discard(current)
    return tuple(s for s in PROBLEM_STATUSES if s in allowed)


class ProblemEditService:
    """Create, change, delete and move problem statements, one at a time (the editor's API)."""

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

    def new_problem_id(self, title: str, municipality_code: str | None = None) -> str:
        """A readable id not yet in use, e.g. 'esb-p-brobygning' (numbered on collision).

        The prefix follows the ids already used in the municipality ('esb-…'), else its name
        from the imported boundaries, else its code."""
        with self.database.unit_of_work() as session:
            prefix = ""
            if municipality_code:
                code = padded(municipality_code)
                prefix = municipality_prefix(
                    code,
                    [
                        *rows.uids_in_municipality(session, code),
                        *ActorRepository(session).ids_in_municipality(code),
                    ],
                    name_of(session, "municipalities", code),
                )
            base = id_base(title, prefix=prefix, marker="p", fallback="problem")
            return first_free_id(base, rows.uids_starting_with(session, base))

    # ----------------------------------------------------------------- reading

    def load(self, problem_id: str) -> tuple[ProblemStatement, int]:
        """The problem statement and the version to hand back when changing it."""
        with self.database.unit_of_work() as session:
            stored = _live(session, problem_id)
            return rows.load_problems(session, [stored.pk])[0][1], stored.version

    def load_meta(self, problem_id: str) -> RecordMeta:
        """The problem statement's version and who created and last changed it, when."""
        with self.database.unit_of_work() as session:
            meta = record_meta(session, PROBLEMS, problem_id)
            if meta is None or rows.problem_keys(session, [problem_id]) == {}:
                raise _not_found(session, problem_id)
            return meta

    def allowed_statuses(self, current: str) -> tuple[str, ...]:
        return allowed_statuses(current)

    def check(self, problem: ProblemStatement) -> list[InputProblem]:
        """Everything wrong with a problem statement as an editor holds it; writes nothing."""
        with self.database.unit_of_work() as session:
            return self._checked(session, problem)[1]

    # ----------------------------------------------------------------- writing

    def save(self, problem: ProblemStatement, *, expected_version: int | None) -> int:
        """Create (``expected_version`` None) or update a problem statement; the new version.
        Creating one whose id belongs to a deleted one revives it with the new content.

        Validated like an imported document (schema, codes, coordinates, the owner must exist);
        a status change must be an allowed move. Raises ValidationError, ConflictError when the
        record changed since ``expected_version`` was read, NotFoundError when it is gone."""
        label = f"problem {problem.id}"
        with self.database.unit_of_work() as session:
            stored = rows.stored_problem(session, problem.id, lock=True)
            if expected_version is None:
                if stored is not None and not stored.deleted:
                    free = free_id_after(problem.id, rows.uids_starting_with(session, problem.id))
                    raise ValidationError(
                        [
                            InputProblem(
                                label,
                                "id",
                                problem.id,
                                "a problem statement with this id already exists",
                                f"free id: {free}",
                                code="duplicate_id",
                                params={"kind": "problem", "free": free},
                            )
                        ]
                    )
            else:
                if stored is None or stored.deleted:
                    raise _not_found(session, problem.id)
                _check_version(problem.id, stored, expected_version)
                if problem.status != stored.status:
                    _check_move(problem.id, stored.status, problem.status)
            problem, problems = self._checked(session, problem)
            if problems:
                raise ValidationError(problems)
            versions = {problem.id: expected_version} if expected_version is not None else None
            if stored is not None and stored.deleted:  # revived: on the tombstone's version
                versions = {problem.id: stored.version}
            rows.save_problems(session, [problem], expected_versions=versions, author=self.author)
            return rows.version_of(session, problem.id)

    def set_status(
        self, problem_id: str, status: str, *, expected_version: int, revert: bool = False
    ) -> int:
        """Move a problem along its workflow; the new version.

        ``revert`` undoes a move made here before: going back from where that move led is
        allowed even where the workflow would not allow it as a move of its own (e.g. from
        closed back to seeking)."""
        with self.database.unit_of_work() as session:
            stored = _live(session, problem_id, lock=True)
            _check_version(problem_id, stored, expected_version)
            if not (revert and stored.status in allowed_statuses(status)):
                _check_move(problem_id, stored.status, status)
            problem = rows.load_problems(session, [stored.pk])[0][1]
            rows.save_problems(
                session,
                [replace(problem, status=status)],
                expected_versions={problem_id: expected_version},
                author=self.author,
            )
            return rows.version_of(session, problem_id)

    def delete(self, problem_id: str, expected_version: int) -> None:
        """Delete a problem statement (to undo its creation): it stays as a tombstone, with
        its codes, which saving a problem under its id revives. Refused while live
        partnerships refer to it, which keep its history."""
        label = f"problem {problem_id}"
        with self.database.unit_of_work() as session:
            stored = _live(session, problem_id, lock=True)
            _check_version(problem_id, stored, expected_version)
            count = rows.live_partnership_count(session, stored.pk)
            if count:
                raise ValidationError(
                    [
                        InputProblem(
                            label,
                            "partnerships",
                            count,
                            f"{count} partnership(s) refer to this problem statement, "
                            "so it cannot be deleted",
                            "close it instead",
                            code="in_use",
                            params={"kind": "partnership", "count": count},
                        )
                    ]
                )
            if rows.tombstone(session, stored.pk, stored.version, self.author) is None:
                raise ConflictError(
                    "problem", problem_id, expected_version, rows.version_of(session, problem_id)
                )
            history_rows.record(
                session,
                [history_rows.entry("problem", problem_id, stored.version + 1, "deleted", {})],
                author=self.author,
            )

    # ----------------------------------------------------------------- validation

    def _checked(
        self, session: Session, problem: ProblemStatement
    ) -> tuple[ProblemStatement, list[InputProblem]]:
        """The problem with its municipality codes in four digits ('561' → '0561'), and
        everything wrong with it."""
        label = f"problem {problem.id}"
        found: list[InputProblem] = []
        try:
            code = normalised_or_none(problem.municipality_code)
        except MunicipalityCodeError as exc:
            found.append(exc.problem(label, "municipality_code"))
            code = None
        location, location_problem = normalise_location_code(problem.location, label)
        if location_problem is not None:
            found.append(location_problem)
        normalised = replace(problem, municipality_code=code, location=location)
        return normalised, found + self._problems(session, normalised)

    def _problems(self, session: Session, problem: ProblemStatement) -> list[InputProblem]:
        label = f"problem {problem.id}"
        infinite = [
            InputProblem(label, field, value, "not a finite number", code="not_a_number")
            for field, value in _numbers(problem)
            if value is not None and not math.isfinite(value)
        ]
        if infinite:  # JSON has no NaN: the schema check would only confuse
            return infinite
        owner = problem.owner_id
        known: Iterable[str] = ()
        if owner is not None:
            # Only when the owner is unknown do all ids matter: for the nearest-id hint.
            actors = ActorRepository(session)
            known = [owner] if actors.live_keys([owner]) else actors.live_ids()
        doc = {
            "format": interchange.FORMAT,
            "version": interchange.VERSION,
            "actors": [],
            "problems": [interchange.problem_to_dict(problem)],
        }
        problems = interchange.validate_document(doc, self.vocabulary, known_actor_ids=known)
        if problem.title and not problem.title.strip():
            problems.append(
                InputProblem(
                    label,
                    "title",
                    problem.title,
                    "the title is blank",
                    "a short name",
                    code="blank",
                )
            )
        return problems


def _numbers(problem: ProblemStatement) -> list[tuple[str, float | None]]:
    numbers = [
        ("location.lat", problem.location.lat),
        ("location.lon", problem.location.lon),
        ("seeking.max_distance_km", problem.seeking.max_distance_km),
    ]
    for i, r in enumerate(problem.seeking.resources):
        numbers.append((f"seeking.resources[{i}].hours_per_month", r.hours_per_month))
        numbers.append((f"seeking.resources[{i}].amount_dkk", r.amount_dkk))
    return numbers


def _live(session: Session, problem_id: str, *, lock: bool = False) -> rows.StoredProblem:
    """The live problem statement ``problem_id``; NotFoundError when missing or deleted."""
    stored = rows.stored_problem(session, problem_id, lock=lock)
    if stored is None or stored.deleted:
        raise _not_found(session, problem_id)
    return stored


def _check_version(problem_id: str, stored: rows.StoredProblem, expected: int) -> None:
    if stored.version != expected:
        raise ConflictError("problem", problem_id, expected, stored.version)


def _check_move(problem_id: str, current: str, status: str) -> None:
    allowed = allowed_statuses(current)
    if status in allowed:
        return
    message = (
        f"not a status (one of {', '.join(PROBLEM_STATUSES)})"
        if status not in PROBLEM_STATUSES
        else f"a problem cannot move from {current} to {status}"
    )
    raise ValidationError(
        [
            InputProblem(
                f"problem {problem_id}",
                "status",
                status,
                message,
                f"allowed next statuses: {', '.join(allowed)}",
                code="unknown_status" if status not in PROBLEM_STATUSES else "status_move",
                params={"current": current, "allowed": tuple(allowed)},
            )
        ]
    )


def _not_found(session: Session, problem_id: str) -> NotFoundError:
    return NotFoundError("problem", problem_id, nearest_id(problem_id, rows.live_uids(session)))
