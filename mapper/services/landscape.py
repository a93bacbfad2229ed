"""The landscape service: the one API the CLI and the UI use to read and change the register.

Each public method is one unit of work (one transaction); values in and frozen values out.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mapper.domain.completeness import completeness_of
from mapper.domain.errors import InputProblem, NotFoundError, ValidationError
from mapper.domain.ids import nearest_id
from mapper.domain.model import Actor, Landscape, Partnership, ProblemStatement
from mapper.domain.municipality import padded
from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.io import stream
from mapper.io.bulk import collector_paused
from mapper.io.files import write_output
from mapper.persistence.database import Database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository, ActorSummaryRow
from mapper.persistence.store import ParentLink, Progress, RecordCounts
from mapper.services.privacy import PersonalDataFilter, personal_data_filter

IMPORT_STEPS = 4
EXPORT_STEPS = 4


@dataclass(frozen=True)
class ImportReport:
    """What an import did, per record type."""

    actors: RecordCounts
    problems: RecordCounts
    partnerships: RecordCounts

    @property
    def changed_anything(self) -> bool:
        return any(c.created or c.updated for c in (self.actors, self.problems, self.partnerships))


@dataclass(frozen=True)
class ActorSummary:
    """One row of the actor register (what lists and tables show)."""

    id: str
    name: str
    kind: str
    municipality_code: str | None
    city: str | None
    target_groups: tuple[str, ...]
    active: bool
    public: bool
    resources: tuple[str, ...] = ()
    """Kinds of resource offered."""
    has_place: bool = False
    """The actor has a point (lat/lon) and so appears on maps; without one the register says
    "ikke på kortet — angiv postnummer"."""
    to_review: int = 0
    """Values an import kept on the actor for review (its editor lists them)."""
    completeness: int = 0
    """How complete its dating profile is, in percent (mapper.domain.completeness)."""


@dataclass(frozen=True)
class ProblemSummary:
    id: str
    title: str
    owner_id: str | None
    owner_name: str | None
    municipality_code: str | None
    status: str
    target_groups: tuple[str, ...]
    involves_statutory_task: bool


@dataclass(frozen=True)
class LandscapeCounts:
    actors: int
    problems: int
    partnerships: int


class LandscapeService:
    """Register, import and export of actors, problem statements and partnerships."""

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
        """Whose imports these are (recorded as created_by/updated_by); None: the OS login."""
        self.batch_size = stream.BATCH
        """Records checked and written at a time by an import."""

    # ----------------------------------------------------------------- import / export

    def import_document(
        self,
        doc: Mapping[str, Any],
        *,
        source: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import an interchange document in one transaction, idempotent by id.

        Any problem raises ValidationError naming every problem found, and nothing is stored.
        ``progress(step, 4)`` is called at the start (0), between batches of actors (with the
        current step) and between the phases: records read, checked and written (1), parents
        linked (2), problem statements written (3), partnerships written (4). It may raise
        (e.g. Cancelled) to stop the import, which then rolls back.
        """
        if not isinstance(doc, Mapping):
            raise ValidationError(
                [
                    InputProblem(
                        "document",
                        "(top level)",
                        type(doc).__name__,
                        "expected a JSON object",
                        code="not_object",
                    )
                ],
                source=source,
            )
        return self._import(stream.document_items(doc, self.batch_size), source, progress)

    def import_file(self, path: str | Path, progress: Progress | None = None) -> ImportReport:
        """Import a document file read record by record (mapper.io.stream): memory stays
        bounded whatever its size. Otherwise as ``import_document``."""
        return self._import(stream.read_items(path, self.batch_size), str(path), progress)

    def _import(
        self, items: Iterable[stream.Item], source: str | None, progress: Progress | None
    ) -> ImportReport:
        """Check and write batch by batch in one transaction. References may point forward
        or at stored records: parents are linked, and problem statements and partnerships
        (few beside the actors) written, once every record is read and checked. After the
        first problem nothing more is written, but reading and checking go on so that every
        problem is named; then the transaction rolls back."""
        # The validators (jsonschema, jsonschema-rs) load when a document comes, not when the
        # register is listed: `mapper actors` and the window start without them.
        from mapper.io import interchange

        report = progress or (lambda _done, _total: None)
        check = interchange.DocumentCheck(self.vocabulary)
        actor_counts = RecordCounts()
        links: list[ParentLink] = []
        problems: list[ProblemStatement] = []
        partnerships: list[Partnership] = []
        with collector_paused(), self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            report(0, IMPORT_STEPS)
            batches = 0
            for item in items:
                if isinstance(item, stream.Member):
                    check.member(item.key, item.value)
                    continue
                if item.collection == "actors":
                    if batches:
                        report(0, IMPORT_STEPS)  # between batches, so that Cancel is heard
                    batches += 1
                    batch = list(check.actors(item.records, item.offset))
                    if not check.problems:
                        counts, batch_links = actors.save_batch(batch, author=self.author)
                        actor_counts = _added(actor_counts, counts)
                        links += batch_links
                elif item.collection == "problems":
                    problems += check.problem_statements(item.records, item.offset)
                else:
                    partnerships += check.partnerships(item.records, item.offset)
            found = check.finish(
                actors.live_keys(check.referenced_elsewhere("actor")),
                problem_rows.problem_keys(session, check.referenced_elsewhere("problem")),
                actors.parent_ids,  # parents that lead back to an actor are refused
            )
            if found:
                raise ValidationError(found, source=source)
            report(1, IMPORT_STEPS)
            actors.link_parents(links)
            report(2, IMPORT_STEPS)
            problem_counts = problem_rows.save_problems(
                session, problems, author=self.author, recorded_as="imported"
            )
            report(3, IMPORT_STEPS)
            partnership_counts = partnership_rows.save_partnerships(
                session,
                partnerships,
                note=f"import {source}" if source else "import",
                author=self.author,
            )
            report(IMPORT_STEPS, IMPORT_STEPS)
        return ImportReport(actor_counts, problem_counts, partnership_counts)

    def load_demo(self) -> ImportReport:
        """Import the demo landscape shipped in ``data/`` (idempotent)."""
        return self.import_document(read_data_json("demo_landscape.json"), source="demo landscape")

    def export_landscape(self, progress: Progress | None = None) -> Landscape:
        """The whole landscape; ``progress(step, 4)`` between phases may raise to stop."""
        report = progress or (lambda _done, _total: None)
        with collector_paused(), self.database.unit_of_work() as session:
            report(0, EXPORT_STEPS)
            actors = tuple(ActorRepository(session).all())
            report(1, EXPORT_STEPS)
            problems = tuple(p for _, p in problem_rows.load_problems(session))
            partnerships = tuple(p for _, p in partnership_rows.load_partnerships(session))
            report(2, EXPORT_STEPS)
        return Landscape(actors=actors, problems=problems, partnerships=partnerships)

    def export_document(
        self, progress: Progress | None = None, *, personal_data: bool = False
    ) -> dict[str, Any]:
        """The landscape as an interchange document: without personal data (see
        ``mapper.services.privacy.PersonalDataFilter``) unless ``personal_data``; the caller
        logs an export with personal data (``log_personal_export``)."""
        from mapper.io import interchange

        with collector_paused():
            document = interchange.landscape_to_document(self.export_landscape(progress))
        if personal_data:
            return document
        with self.database.unit_of_work() as session:
            kept = personal_data_filter(session, self.vocabulary)
        return {
            **document,
            "actors": _kept(document["actors"], kept.actor),
            "problems": [kept.problem(p) for p in document["problems"]],
            "partnerships": _kept(document["partnerships"], kept.partnership),
        }

    def export_file(
        self,
        target: str | Path | IO[str],
        progress: Progress | None = None,
        *,
        personal_data: bool = False,
    ) -> LandscapeCounts:
        """Write the landscape, the actors read and written a batch at a time, so memory stays
        bounded; the bytes are those of ``interchange.write_document(export_document())`` with
        the same ``personal_data`` (default: left out; the caller logs an export with it). A
        file is replaced only when the document is complete, so a cancelled export leaves any
        earlier file as it was. ``progress(step, 4)`` at the start (0), once problem
        statements and partnerships (few beside the actors) are read (1), between batches of
        actors (1), after the actors (2), when all is written (3) and at the end (4); it may
        raise to stop. The counts are of the records written."""
        from mapper.io import interchange

        report = progress or (lambda _done, _total: None)
        written = [0]

        def actors(
            repository: ActorRepository, kept: PersonalDataFilter | None
        ) -> Iterator[dict[str, Any]]:
            for batch in repository.batches(self.batch_size):
                if written[0]:
                    report(1, EXPORT_STEPS)
                records = [interchange.actor_to_dict(a) for a in batch]
                if kept is not None:
                    records = _kept(records, kept.actor)
                yield from records
                written[0] += len(records)
            report(2, EXPORT_STEPS)

        def write(emit: Callable[[bytes], object]) -> LandscapeCounts:
            with collector_paused(), self.database.unit_of_work() as session:
                report(0, EXPORT_STEPS)
                kept = None if personal_data else personal_data_filter(session, self.vocabulary)
                problems = [
                    interchange.problem_to_dict(p) for _, p in problem_rows.load_problems(session)
                ]
                partnerships = [
                    interchange.partnership_to_dict(p)
                    for _, p in partnership_rows.load_partnerships(session)
                ]
                if kept is not None:
                    problems = [kept.problem(p) for p in problems]
                    partnerships = _kept(partnerships, kept.partnership)
                report(1, EXPORT_STEPS)
                stream.write_document(
                    emit,
                    {"format": interchange.FORMAT, "version": interchange.VERSION},
                    {
                        "actors": actors(ActorRepository(session), kept),
                        "problems": problems,
                        "partnerships": partnerships,
                    },
                )
                report(3, EXPORT_STEPS)
            return LandscapeCounts(written[0], len(problems), len(partnerships))

        counts: list[LandscapeCounts] = []
        if isinstance(target, (str, Path)):
            write_output(target, lambda out: counts.append(write(out.write)))
        else:
            counts.append(write(lambda data: target.write(data.decode("utf-8"))))
        report(EXPORT_STEPS, EXPORT_STEPS)
        return counts[0]

    # ----------------------------------------------------------------- reading

    def counts(self) -> LandscapeCounts:
        with self.database.unit_of_work() as session:
            return LandscapeCounts(
                ActorRepository(session).count(),
                problem_rows.count_live(session),
                partnership_rows.count_live(session),
            )

    def list_actors(
        self,
        *,
        kind: str | None = None,
        target_group: str | None = None,
        municipality_code: str | None = None,
        include_inactive: bool = True,
    ) -> list[ActorSummary]:
        with self.database.unit_of_work() as session:
            rows = ActorRepository(session).summaries(
                kind=kind,
                target_group=target_group,
                municipality_code=padded(municipality_code) if municipality_code else None,
                include_inactive=include_inactive,
            )
        return [_actor_summary(r) for r in rows]

    def actor_summaries(self, ids: Collection[str]) -> list[ActorSummary]:
        """The register rows of these actors (ids not stored are left out): what a view needs
        to update the rows a change touched without reading the whole register."""
        if not ids:
            return []
        with self.database.unit_of_work() as session:
            rows = ActorRepository(session).summaries(ids=ids)
        return [_actor_summary(r) for r in rows]

    def municipalities(self) -> list[tuple[str, str]]:
        """(code, official name) of every municipality an actor or problem statement of the
        register lies in, by code: e.g. ('0561', 'Esbjerg'), not the town of its first actor.
        Names come from an imported municipality layer, else the built-in list; a code neither
        knows is named by itself."""
        with self.database.unit_of_work() as session:
            actor_codes = ActorRepository(session).municipality_codes()
            codes = actor_codes | problem_rows.municipality_codes(session)
        # Lazily: the geo service loads shapely, which listing the register does not need.
        from mapper.services.geo import GeoService

        names = GeoService(self.database).municipality_names()
        return [(code, names.get(code, code)) for code in sorted(codes)]

    def list_problems(self, *, status: str | None = None) -> list[ProblemSummary]:
        with self.database.unit_of_work() as session:
            return _problem_summaries(problem_rows.problem_rows(session, status=status))

    def problem_summaries(self, ids: Collection[str]) -> list[ProblemSummary]:
        """The list rows of these problem statements (ids not stored are left out)."""
        if not ids:
            return []
        with self.database.unit_of_work() as session:
            return _problem_summaries(problem_rows.problem_rows(session, uids=ids))

    def get_actor(self, actor_id: str) -> Actor:
        with self.database.unit_of_work() as session:
            actors = ActorRepository(session)
            actor = actors.get(actor_id)
            if actor is None:
                raise NotFoundError("actor", actor_id, nearest_id(actor_id, actors.live_ids()))
            return actor

    def get_problem(self, problem_id: str) -> ProblemStatement:
        with self.database.unit_of_work() as session:
            keys = problem_rows.problem_keys(session, [problem_id])
            if not keys:
                nearest = nearest_id(problem_id, problem_rows.live_uids(session))
                raise NotFoundError("problem", problem_id, nearest)
            return problem_rows.load_problems(session, list(keys.values()))[0][1]


def _kept(
    records: Iterable[dict[str, Any]], keep: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> list[dict[str, Any]]:
    """The records ``keep`` keeps, as it keeps them."""
    return [r for r in map(keep, records) if r is not None]


def _problem_summaries(rows: Sequence[problem_rows.ProblemRow]) -> list[ProblemSummary]:
    return [
        ProblemSummary(
            r.uid,
            r.title,
            r.owner_uid,
            r.owner_name,
            r.municipality_code,
            r.status,
            r.target_groups,
            r.involves_statutory_task,
        )
        for r in rows
    ]


def _added(a: RecordCounts, b: RecordCounts) -> RecordCounts:
    return RecordCounts(a.created + b.created, a.updated + b.updated, a.unchanged + b.unchanged)


def _actor_summary(row: ActorSummaryRow) -> ActorSummary:
    return ActorSummary(
        row.uid,
        row.name,
        row.kind,
        row.municipality_code,
        row.city,
        row.target_groups,
        row.active,
        row.public,
        row.resources,
        row.has_place,
        row.to_review,
        completeness_of(row.filled).percent,
    )
