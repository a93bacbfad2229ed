"""Importing registers kept as tables (CSV, XLSX): preview → plan → run.

A municipality's associations already live in a booking or grants system or a volunteer
centre's spreadsheet. ``preview`` shows what the file is (encoding, delimiter, worksheet,
header) and which column fills which field — the mapping saved for the same source last time,
else suggestions; ``plan`` reads every row into an actor without touching the database: values
become codes (what maps to none is kept as a review note, never dropped), postcodes place the
actor offline, duplicates within the file are merged, and each row is matched to a stored
actor by id, CVR number or as a sure duplicate; ``run`` stores the plan in one transaction and
saves the mapping. Every row is accounted for:

    read = created + updated + unchanged + merged + rejected

(``merged``: rows folded into another row of the same file; ``unchanged``: rows matched to a
stored actor they add nothing to). A stored actor keeps what it has; a row fills in what is
missing and adds codes and notes, so importing the same list again, or the same list as XLSX
and then CSV, creates and changes nothing. A row the editor would refuse (no name, a bad
e-mail, a ``javascript:`` website, an invalid CVR number, a public individual volunteer) is
rejected with its line, column and reason; a problem with the file as a whole (encoding,
damaged workbook, no header) is a ValidationError and nothing happens.
"""

from __future__ import annotations

import dataclasses
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from mapper.domain.authors import author_or_default
from mapper.domain.dedupe import DuplicatePair, Evidence, actor_cvr, find_duplicates
from mapper.domain.errors import ConflictError, InputProblem, ValidationError
from mapper.domain.ids import id_base, municipality_prefix
from mapper.domain.merge import merge_actors
from mapper.domain.model import Actor, Location, ReviewNote
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo import reference
from mapper.io import interchange
from mapper.io.bulk import collector_paused
from mapper.io.columns import (
    ColumnSuggestion,
    RowReader,
    RowRecord,
    column_config,
    mapping_problems,
    source_key,
    suggest_columns,
)
from mapper.io.files import write_output
from mapper.io.interchange import DocumentCheck
from mapper.io.tabular import Table, TableInfo, TableRow, open_table, write_rejected_csv
from mapper.persistence.database import Database
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.boundaries import name_of
from mapper.persistence.repositories.imports import ImportMappingRepository
from mapper.persistence.store import Progress
from mapper.services.actors import suggested_codes
from mapper.services.geo import GeoService, PostcodeLocation, placed_by_postcode

PREVIEW_ROWS = 50
MAPPING_VERSION = 1
PROGRESS_EVERY = 500
"""Rows between two progress calls while a file is read."""
RUN_STEPS = 3
CHECK_BATCH = 1000
"""Rows checked together by the interchange rules."""


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SourcePreview:
    """What a register file is and how its columns would be read (the wizard's first page)."""

    info: TableInfo
    """Format, encoding, delimiter, worksheets, header line and column names."""
    sample: tuple[TableRow, ...]
    """The first data rows."""
    suggestions: tuple[ColumnSuggestion, ...]
    """Per column the fields it is most like."""
    mapping: Mapping[str, str]
    """column → field: the mapping saved for this source, else the suggested one."""
    source_key: str
    saved: bool
    """The mapping is the one saved for this source by an earlier import."""
    default_kind: str | None
    """The kind saved with the mapping (for rows that give none)."""


@dataclass(frozen=True)
class RejectedRow:
    """One reason a row was not imported."""

    line: int
    column: str | None
    """The column at fault, as the file names it; None when the row as a whole is."""
    value: object
    message: str
    """What is wrong, in English (the CLI); ``code`` and ``params`` for the interface."""
    hint: str | None = None
    code: str = "invalid"
    params: Mapping[str, object] = field(default_factory=dict)
    cells: tuple[str, ...] = ()
    """The row as read (for the rejected-rows file)."""

    @property
    def reason(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def problem(self) -> InputProblem:
        """The same as an InputProblem (record 'line N', field the column)."""
        return InputProblem(
            f"line {self.line}",
            self.column or "(row)",
            self.value,
            self.message,
            self.hint,
            code=self.code,
            params=self.params,
        )


@dataclass(frozen=True)
class UnmappedValue:
    """A value kept as a review note on the actors of these lines."""

    field: str
    """The interchange field it was meant for, e.g. 'target_groups'."""
    value: str
    reason: str
    """ReviewNote reason: 'unmapped_code', 'unknown_postcode', 'invalid_value' …"""
    lines: tuple[int, ...]


@dataclass(frozen=True)
class ReviewPair:
    """Two actors that may be the same, for a person to decide (the merge view)."""

    first_id: str
    second_id: str
    score: float
    evidence: tuple[Evidence, ...]
    lines: tuple[int, ...]
    """The lines of the file behind either of them."""


@dataclass(frozen=True)
class PlannedActor:
    """What one actor of the plan will be, and from which lines."""

    actor: Actor
    lines: tuple[int, ...]
    """Every line folded into it, first line first."""
    action: str
    """'create', 'update' or 'unchanged'."""
    matched_by: str | None = None
    """How it was found among the stored actors: 'id', 'cvr' or 'duplicate'; None if new."""
    score: float | None = None
    """The duplicate score of a match by 'duplicate'."""


@dataclass(frozen=True)
class ImportOptions:
    default_kind: str | None = "local_association"
    """The kind of rows whose kind column is empty or missing (registers of associations);
    None rejects such rows. A kind that maps to no code takes it too, with a review note."""
    merge_duplicates: bool = True
    """Merge sure duplicates within the file and into stored actors (else only id and CVR
    match, and duplicates are listed for review)."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (or, from a plan, would do)."""

    source: str
    read: int
    created: int
    updated: int
    unchanged: int
    merged: int
    rejected: int
    """Rows rejected (a row may have several problems: ``rejected_rows``)."""
    rejected_rows: tuple[RejectedRow, ...]
    review_pairs: tuple[ReviewPair, ...]
    unmapped: tuple[UnmappedValue, ...]
    created_ids: tuple[str, ...]
    updated_ids: tuple[str, ...]
    stored: bool
    """False for a dry run: nothing was written."""
    suggested_ids: tuple[str, ...] = ()
    """Actors whose own words suggest codes they do not declare (see ImportPlan.suggested)."""

    @property
    def accounted(self) -> bool:
        return self.read == (
            self.created + self.updated + self.unchanged + self.merged + self.rejected
        )


@dataclass(frozen=True)
class ImportPlan:
    """Everything ``run`` will store, worked out without writing (``summary()`` shows it)."""

    info: TableInfo
    mapping: Mapping[str, str]
    source_key: str
    options: ImportOptions
    read: int
    actors: tuple[PlannedActor, ...]
    rejected: tuple[RejectedRow, ...]
    review_pairs: tuple[ReviewPair, ...]
    unmapped: tuple[UnmappedValue, ...]
    expected_versions: Mapping[str, int]
    """Stored actors' versions when planned: ``run`` refuses to overwrite a newer save."""
    suggested: tuple[str, ...] = ()
    """Actors to create or update whose own words suggest target groups, resources or roles
    they do not declare (the editor offers them; nothing is stored from them)."""

    def summary(self, *, stored: bool = False) -> ImportSummary:
        actions: dict[str, list[str]] = defaultdict(list)
        for planned in self.actors:
            actions[planned.action].append(planned.actor.id)
        return ImportSummary(
            source=self.info.name,
            read=self.read,
            created=len(actions["create"]),
            updated=len(actions["update"]),
            unchanged=len(actions["unchanged"]),
            merged=sum(len(p.lines) - 1 for p in self.actors),
            rejected=len({r.line for r in self.rejected}),
            rejected_rows=self.rejected,
            review_pairs=self.review_pairs,
            unmapped=self.unmapped,
            created_ids=tuple(actions["create"]),
            updated_ids=tuple(actions["update"]),
            stored=stored,
            suggested_ids=self.suggested,
        )


# --------------------------------------------------------------------------- the service


class RegisterImportService:
    """Import of actor registers from CSV and XLSX files (the wizard's and the CLI's API)."""

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
        """Whose import this is (created_by/updated_by); None: the OS login."""

    def open(
        self,
        path: str | Path,
        *,
        sheet: str | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
        header_line: int | None = None,
    ) -> Table:
        """The file as a table (ValidationError naming the file when it is none)."""
        return open_table(
            path, sheet=sheet, encoding=encoding, delimiter=delimiter, header_line=header_line
        )

    def preview(
        self,
        source: str | Path | Table,
        *,
        sheet: str | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
        header_line: int | None = None,
        max_rows: int = PREVIEW_ROWS,
    ) -> SourcePreview:
        """What the file is, its first rows and the mapping to use: the one saved for this
        source (the same set of column names) when there is one, else the suggested one.
        ``source`` is a path (opened with the options given) or a table already opened."""
        table = (
            source
            if isinstance(source, Table)
            else self.open(
                source, sheet=sheet, encoding=encoding, delimiter=delimiter, header_line=header_line
            )
        )
        sample: list[TableRow] = []
        if max_rows > 0:
            for row in table.rows():
                sample.append(row)
                if len(sample) >= max_rows:
                    break
        headers = table.info.headers
        suggestions = suggest_columns(headers)
        key = source_key(headers)
        saved = self.saved_mapping(key)
        default_kind = ImportOptions().default_kind
        if saved is not None:
            columns = saved.get("columns")
            mapping = {
                h: f
                for h, f in (columns.items() if isinstance(columns, dict) else ())
                if h in headers and isinstance(f, str) and f in column_config().fields
            }
            kind = saved.get("default_kind", default_kind)
            default_kind = kind if isinstance(kind, str) or kind is None else default_kind
        else:
            mapping = {s.header: s.field for s in suggestions if s.field is not None}
        return SourcePreview(
            info=table.info,
            sample=tuple(sample),
            suggestions=tuple(suggestions),
            mapping=mapping,
            source_key=key,
            saved=saved is not None,
            default_kind=default_kind,
        )

    def saved_mapping(self, key: str) -> dict[str, Any] | None:
        with self.database.unit_of_work() as session:
            return ImportMappingRepository(session).get(key)

    # ----------------------------------------------------------------- plan

    def plan(
        self,
        source: str | Path | Table,
        mapping: Mapping[str, str | None] | None = None,
        *,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        **open_options: Any,
    ) -> ImportPlan:
        """Read every row and work out what the import will store; writes nothing.

        ``mapping`` is column → field (a field of ``data/import_columns.json``; None or ''
        leaves the column out); None takes the saved or suggested one (``preview``).
        ``open_options`` (sheet, encoding, delimiter, header_line) go to ``open``.
        ``progress(done, total)`` is called while reading (total is an estimate) and may
        raise (e.g. Cancelled) to stop. Raises ValidationError when the file or the mapping
        cannot be used at all."""
        options = options or ImportOptions()
        table = source if isinstance(source, Table) else self.open(source, **open_options)
        info = table.info
        if mapping is None:
            mapping = self.preview(table, max_rows=0).mapping
        chosen = {h: f for h, f in mapping.items() if f}
        problems = mapping_problems(mapping, info.headers, info.name)
        if options.default_kind is not None and options.default_kind not in (
            self.vocabulary.codes("actor_kinds")
        ):
            nearest = self.vocabulary.nearest("actor_kinds", options.default_kind)
            problems.append(
                InputProblem(
                    info.name,
                    "default kind",
                    options.default_kind,
                    "unknown code in actor_kinds",
                    f"nearest valid code: {nearest}" if nearest else None,
                    code="unknown_code",
                    params={"facet": "actor_kinds", "nearest": nearest},
                )
            )
        if problems:
            raise ValidationError(problems, source=info.name)
        with collector_paused():
            return _Planner(self, table, chosen, options, progress).plan()

    # ----------------------------------------------------------------- run

    def run(self, plan: ImportPlan, progress: Progress | None = None) -> ImportSummary:
        """Store the plan in one transaction and save its mapping for the source.

        ``progress(step, 3)`` between the phases may raise (e.g. Cancelled): everything is
        rolled back. A stored actor changed since the plan was made, or an id taken
        meanwhile, is a ConflictError and nothing is stored (plan again)."""
        report = progress or (lambda _done, _total: None)
        writes = [p for p in plan.actors if p.action != "unchanged"]
        new_ids = [p.actor.id for p in writes if p.action == "create"]
        with collector_paused(), self.database.unit_of_work() as session:
            report(0, RUN_STEPS)
            actors = ActorRepository(session)
            taken = actors.live_keys(new_ids)
            if taken:
                uid = sorted(taken)[0]
                key = actors.live_key(uid)
                raise ConflictError("actor", uid, 0, key.version if key else 0)
            report(1, RUN_STEPS)
            actors.save(
                [p.actor for p in writes],
                expected_versions={
                    p.actor.id: plan.expected_versions[p.actor.id]
                    for p in writes
                    if p.actor.id in plan.expected_versions
                },
                author=self.author,
                recorded_as="imported",
            )
            report(2, RUN_STEPS)
            ImportMappingRepository(session).save(
                plan.source_key,
                {
                    "version": MAPPING_VERSION,
                    "columns": dict(plan.mapping),
                    "default_kind": plan.options.default_kind,
                },
                author_or_default(self.author),
            )
            report(RUN_STEPS, RUN_STEPS)
        return plan.summary(stored=True)

    def import_file(
        self,
        path: str | Path,
        mapping: Mapping[str, str | None] | None = None,
        *,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        **open_options: Any,
    ) -> ImportSummary:
        """``plan`` then ``run`` (the CLI's path)."""
        plan = self.plan(path, mapping, options=options, progress=progress, **open_options)
        return self.run(plan)


def _suggests_codes(actor: Actor, vocabulary: Vocabulary) -> bool:
    return bool(suggested_codes(actor, vocabulary))


def write_rejected_rows(
    summary: ImportSummary | ImportPlan, headers: Sequence[str], target: str | Path
) -> int:
    """Write the rejected rows (line, reason, then the row as read) as CSV that opens in
    Danish Excel: UTF-8 with BOM, ';'-separated. Returns how many rows were written."""
    rows = summary.rejected_rows if isinstance(summary, ImportSummary) else summary.rejected
    by_line: dict[int, list[RejectedRow]] = defaultdict(list)
    for rejected in rows:
        by_line[rejected.line].append(rejected)
    lines = [
        (
            line,
            problems[0].cells,
            "; ".join(f"{p.column}: {p.reason}" if p.column else p.reason for p in problems),
        )
        for line, problems in sorted(by_line.items())
    ]

    def write(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        write_rejected_csv(text, headers, lines)
        text.flush()
        text.detach()

    write_output(target, write)
    return len(lines)


# --------------------------------------------------------------------------- planning


_TEMP = "~row-"
"""Prefix of the ids rows carry while planned (never a stored id: slugs have no '~')."""


@dataclass
class _Row:
    """One row read into an actor (with a temporary id)."""

    line: int
    actor: Actor
    cells: tuple[str, ...]
    given_id: str | None
    cvr: str | None


@dataclass
class _Group:
    """Rows that are one actor, and what becomes of it."""

    rows: list[_Row]
    actor: Actor
    action: str = "create"
    existing_id: str | None = None
    """The stored actor it is (by id, CVR or as a sure duplicate)."""
    matched_by: str | None = None
    score: float | None = None

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted(r.line for r in self.rows))


@dataclass(frozen=True)
class _Match:
    """A stored actor a row is: by id, CVR number or as a sure duplicate."""

    priority: int
    """0 id, 1 cvr, 2 duplicate: the surer the lower."""
    score: float
    existing_id: str

    @property
    def how(self) -> str:
        return ("id", "cvr", "duplicate")[self.priority]

    def better_than(self, other: _Match | None) -> bool:
        return other is None or (self.priority, -self.score) < (other.priority, -other.score)


class _Planner:
    """One plan: reading rows, grouping duplicates, matching stored actors, assigning ids."""

    def __init__(
        self,
        service: RegisterImportService,
        table: Table,
        mapping: Mapping[str, str],
        options: ImportOptions,
        progress: Progress | None,
    ) -> None:
        self.service = service
        self.table = table
        self.info = table.info
        self.mapping = dict(mapping)
        self.options = options
        self.progress = progress
        self.vocabulary = service.vocabulary
        self.reader = RowReader(
            self.info.headers, self.mapping, self.vocabulary, default_kind=options.default_kind
        )
        self.geo = GeoService(service.database)
        self._places: dict[tuple[str | None, str | None], PostcodeLocation | None] = {}
        self.rejected: list[RejectedRow] = []
        self.read = 0

    # ------------------------------------------------------------- the whole plan

    def plan(self) -> ImportPlan:
        rows = self._read_rows()
        if not self.read:
            raise ValidationError(
                [
                    InputProblem(
                        self.info.name,
                        "rows",
                        None,
                        f"no rows below the header (line {self.info.header_line})",
                        "the file holds column names only",
                        code="file_problem",
                        params={"what": "no_rows"},
                    )
                ],
                source=self.info.name,
            )
        with self.service.database.unit_of_work() as session:
            repository = ActorRepository(session)
            existing = repository.all()
            versions = repository.live_versions()
            taken_ids = repository.all_ids()
            codes = {r.actor.location.municipality_code for r in rows}
            prefixes = {
                code: municipality_prefix(
                    code,
                    [
                        *(a.id for a in existing if a.location.municipality_code == code),
                        *problem_rows.uids_in_municipality(session, code),
                    ],
                    name_of(session, "municipalities", code),
                )
                for code in codes
                if code
            }
        stored = {a.id: a for a in existing}
        pairs = find_duplicates([r.actor for r in rows], existing) if rows else []
        groups, review = self._groups(rows, stored, pairs)
        for group in groups:
            self._settle(group, stored, taken_ids, prefixes)
        groups = self._validated(groups)
        final_id = {row.actor.id: g.actor.id for g in groups for row in g.rows}
        lines_of = {row.actor.id: row.line for g in groups for row in g.rows}
        actors = tuple(
            PlannedActor(g.actor, g.lines, g.action, g.matched_by, g.score)
            for g in sorted(groups, key=lambda g: g.lines[0])
        )
        return ImportPlan(
            info=self.info,
            mapping=self.mapping,
            source_key=source_key(self.info.headers),
            options=self.options,
            read=self.read,
            actors=actors,
            rejected=tuple(sorted(self.rejected, key=lambda r: (r.line, r.column or ""))),
            review_pairs=_review_pairs(review, final_id, lines_of),
            unmapped=_unmapped(actors),
            expected_versions={
                p.actor.id: versions[p.actor.id] for p in actors if p.actor.id in versions
            },
            suggested=tuple(
                p.actor.id
                for p in actors
                if p.action != "unchanged" and _suggests_codes(p.actor, self.service.vocabulary)
            ),
        )

    # ------------------------------------------------------------- reading rows

    def _read_rows(self) -> list[_Row]:
        """Every row as an actor (temporary id); rows that break a rule are rejected. Rows
        are checked in batches by the interchange rules (the editor's: schema, limits, codes,
        personal data, e-mail and website), as a streamed document is."""
        rows: list[_Row] = []
        pending: list[tuple[TableRow, RowRecord]] = []
        total = self.info.size_hint or 0
        report = self.progress
        for row in self.table.rows():
            self.read += 1
            if report is not None and self.read % PROGRESS_EVERY == 0:
                report(self.read, max(total, self.read))
            record = self._record(row)
            if record is not None:
                pending.append((row, record))
            if len(pending) >= CHECK_BATCH:
                rows += self._checked(pending)
                pending = []
        rows += self._checked(pending)
        if report is not None:
            report(self.read, self.read)
        return rows

    def _checked(
        self, pending: list[tuple[TableRow, RowRecord]], *, alone: bool = False
    ) -> list[_Row]:
        """The rows whose records pass the interchange checks; the others rejected with every
        problem, by column. A batch the checks distrust as a whole (a fault they cannot pin
        on a record) is checked again row by row, so one bad row never takes others along."""
        if not pending:
            return []
        check = DocumentCheck(self.vocabulary)
        passed = {a.id: a for a in check.actors([record.values for _, record in pending])}
        problems: dict[str, list[InputProblem]] = defaultdict(list)
        for problem in check.problems:
            problems[problem.record].append(problem)
        rows = []
        again = []
        for row, record in pending:
            uid = record.values["id"]
            actor = passed.get(uid)
            if actor is not None:
                rows.append(_Row(row.line, actor, row.cells, record.given_id, record.cvr))
            elif f"actor {uid}" in problems:
                for problem in problems[f"actor {uid}"]:
                    self._reject(row, problem)
            elif not alone:
                again.append((row, record))
            else:
                self._reject(row, _unexplained(uid), column=None)
        for one in again:
            rows += self._checked([one], alone=True)
        return rows

    def _record(self, row: TableRow) -> RowRecord | None:
        """The row as an actor record with a temporary id, placed; None when rejected."""
        read = self.reader.read(row.line, row.cells + row.overflow, ragged=row.ragged)
        if isinstance(read, list):
            for problem in read:
                self._reject(
                    row, problem, column=None if problem.field == "(row)" else problem.field
                )
            return None
        values = {**read.values, "id": f"{_TEMP}{row.line}"}
        given = values.get("location") or {}
        location, place_notes = self._placed(
            Location(
                address=given.get("address"),
                postcode=given.get("postcode"),
                city=given.get("city"),
                municipality_code=given.get("municipality_code"),
            )
        )
        placed = {
            key: value
            for key, value in (
                ("address", location.address),
                ("postcode", location.postcode),
                ("city", location.city),
                ("municipality_code", location.municipality_code),
                ("lat", location.lat),
                ("lon", location.lon),
                ("precision", location.precision),
            )
            if value is not None
        }
        if placed:
            values["location"] = placed
        notes = _unique((*read.notes, *place_notes))
        if notes:
            values["review_notes"] = [
                {"field": n.field, "value": n.value, "reason": n.reason} for n in notes
            ]
        return dataclasses.replace(read, values=values)

    def _reject(self, row: TableRow, problem: InputProblem, *, column: str | None = "") -> None:
        """The row rejected for ``problem``, named by the column its field was read from
        (``column`` when given; None: the row as a whole)."""
        self.rejected.append(
            RejectedRow(
                row.line,
                self.reader.column_for(problem.field) if column == "" else column,
                problem.value,
                problem.message,
                problem.hint,
                problem.code,
                problem.params,
                row.cells,
            )
        )

    def _placed(self, location: Location) -> tuple[Location, list[ReviewNote]]:
        """The location with a point from its postcode (or a town only one postcode has),
        else from its municipality (precision 'municipality'); an unknown postcode is noted
        for review."""
        notes: list[ReviewNote] = []
        if location.has_point:
            return location, notes
        if location.postcode or location.city:
            key = (location.postcode, None if location.postcode else location.city)
            if key not in self._places:
                self._places[key] = self.geo.place_for(*key)
            found = self._places[key]
            if found is None and location.postcode:
                notes.append(ReviewNote("location.postcode", location.postcode, "unknown_postcode"))
            location = placed_by_postcode(location, found)
            if found is not None and not location.postcode:  # a town only one postcode has
                location = replace(location, postcode=found.postcode)
        code = location.municipality_code
        if not location.has_point and code:
            known = reference.municipalities().get(code)
            if known is not None:
                location = replace(location, lat=known.lat, lon=known.lon, precision="municipality")
        return location, notes

    # ------------------------------------------------------------- duplicates and matches

    def _groups(
        self, rows: list[_Row], stored: Mapping[str, Actor], pairs: Sequence[DuplicatePair]
    ) -> tuple[list[_Group], list[DuplicatePair]]:
        """Rows folded into groups (one actor each), each matched to a stored actor where one
        is sure; the pairs left for a person to review."""
        index = {row.actor.id: i for i, row in enumerate(rows)}
        parent = list(range(len(rows)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)

        merge = self.options.merge_duplicates
        first_with: dict[tuple[str, object], int] = {}
        for i, row in enumerate(rows):
            keys: list[tuple[str, object]] = [("id", row.given_id), ("cvr", row.cvr)]
            if merge:  # the same record twice, whatever the scorer makes of its name
                keys.append(("same", replace(row.actor, id="")))
            for kind, key in keys:
                if key:
                    union(i, first_with.setdefault((kind, key), i))
        cvr_owner: dict[str, str] = {}
        alike: dict[tuple[str, str, str | None], list[Actor]] = defaultdict(list)
        for actor in stored.values():
            cvr = actor_cvr(actor)
            if cvr:
                cvr_owner.setdefault(cvr, actor.id)
            alike[_plain_key(actor)].append(actor)
        matches: list[_Match | None] = [None] * len(rows)
        for i, row in enumerate(rows):
            if row.given_id and row.given_id in stored:
                matches[i] = _Match(0, 100.0, row.given_id)
            elif row.cvr and row.cvr in cvr_owner:
                matches[i] = _Match(1, 100.0, cvr_owner[row.cvr])
            elif merge:
                content = replace(row.actor, id="")
                same = next(
                    (
                        a
                        for a in alike.get(_plain_key(row.actor), ())
                        if replace(a, id="") == content
                    ),
                    None,
                )
                if same is not None:
                    matches[i] = _Match(2, 100.0, same.id)
        review: list[DuplicatePair] = []
        for pair in pairs:
            first, second = index.get(pair.first_id), index.get(pair.second_id)
            if not (merge and pair.decision == "merge"):
                review.append(pair)
            elif first is not None and second is not None:
                union(first, second)
            else:
                row_index = first if first is not None else second
                assert row_index is not None
                other_id = pair.second_id if first is not None else pair.first_id
                found = _Match(2, pair.score, other_id)
                held = matches[row_index]
                if held is not None and held.existing_id == other_id:
                    continue
                if found.better_than(held):
                    matches[row_index] = found
                if held is not None:
                    review.append(pair)  # the row is sure of another stored actor
        # A group is the stored actor its surest row matches; groups matching one stored
        # actor are one group.
        best: dict[int, _Match] = {}
        for i, found_match in enumerate(matches):
            root = find(i)
            if found_match is not None and found_match.better_than(best.get(root)):
                best[root] = found_match
        by_existing: dict[str, int] = {}
        for root, found_match in best.items():
            union(by_existing.setdefault(found_match.existing_id, root), root)
        final: dict[int, _Match] = {}
        for root, found_match in best.items():
            top = find(root)
            if found_match.better_than(final.get(top)):
                final[top] = found_match
        members: dict[int, list[_Row]] = defaultdict(list)
        for i, row in enumerate(rows):
            members[find(i)].append(row)
        groups = []
        for root, group_rows in members.items():
            group_rows.sort(key=lambda r: r.line)
            actor = group_rows[0].actor
            for other_row in group_rows[1:]:
                actor, _ = merge_actors(actor, other_row.actor)
            group = _Group(group_rows, actor)
            matched = final.get(root)
            if matched is not None:
                group.existing_id = matched.existing_id
                group.matched_by, group.score = matched.how, matched.score
            groups.append(group)
        return groups, review

    def _settle(
        self,
        group: _Group,
        stored: Mapping[str, Actor],
        taken: set[str],
        prefixes: Mapping[str, str],
    ) -> None:
        """The group's final actor: merged into the stored one it matched (which keeps what
        it has), or new with a free readable id."""
        if group.existing_id is not None:
            existing = stored[group.existing_id]
            merged, _ = merge_actors(existing, group.actor)
            group.actor = merged
            group.action = "unchanged" if merged == existing else "update"
            return
        wanted = next((r.given_id for r in group.rows if r.given_id), None)
        if wanted is None or (wanted in taken and wanted in stored):
            code = group.actor.location.municipality_code
            prefix = prefixes.get(code, "") if code else ""
            wanted = _free_id(id_base(group.actor.name, prefix=prefix, fallback="actor"), taken)
        taken.add(wanted)
        group.actor = replace(group.actor, id=wanted)
        group.action = "create"

    def _validated(self, groups: list[_Group]) -> list[_Group]:
        """Groups whose final actor passes the checks; an actor merged from several rows or
        into a stored one is checked again, and its rows rejected when it fails."""
        again = [
            g for g in groups if g.action == "update" or (g.action == "create" and len(g.rows) > 1)
        ]
        problems: dict[str, list[InputProblem]] = defaultdict(list)
        for start in range(0, len(again), CHECK_BATCH):
            check = DocumentCheck(self.vocabulary)
            batch = again[start : start + CHECK_BATCH]
            for _ in check.actors([interchange.actor_to_dict(g.actor) for g in batch]):
                pass
            for problem in check.problems:
                problems[problem.record].append(problem)
        kept = []
        for group in groups:
            found = problems.get(f"actor {group.actor.id}")
            if not found:
                kept.append(group)
                continue
            for row in group.rows:
                for problem in found:
                    self.rejected.append(
                        RejectedRow(
                            row.line,
                            self.reader.column_for(problem.field),
                            problem.value,
                            f"merged into {group.actor.id}: {problem.message}",
                            problem.hint,
                            problem.code,
                            problem.params,
                            row.cells,
                        )
                    )
        return kept


def _free_id(base: str, taken: set[str]) -> str:
    """The rule of ``mapper.domain.ids.first_free_id`` (``base``, else ``base-2``, ``base-3``
    …) without its copy of ``taken``, which holds every stored id: a register of 50,000 rows
    would copy it 50,000 times."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _plain_key(actor: Actor) -> tuple[str, str, str | None]:
    return actor.name.casefold(), actor.kind, actor.location.postcode


def _unexplained(uid: str) -> InputProblem:
    return InputProblem(f"actor {uid}", "(record)", None, "the row cannot be read")


def _unique(notes: Iterable[ReviewNote]) -> tuple[ReviewNote, ...]:
    return tuple(dict.fromkeys(notes))


def _unmapped(actors: Sequence[PlannedActor]) -> tuple[UnmappedValue, ...]:
    """Every review note the planned actors carry from this file, by field and value."""
    lines: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for planned in actors:
        for note in planned.actor.review_notes:
            lines[(note.field, note.value, note.reason)].update(planned.lines)
    return tuple(
        UnmappedValue(f, v, r, tuple(sorted(found))) for (f, v, r), found in sorted(lines.items())
    )


def _review_pairs(
    pairs: Sequence[DuplicatePair], final_id: Mapping[str, str], lines_of: Mapping[str, int]
) -> tuple[ReviewPair, ...]:
    """Pairs for a person to decide, by the ids the actors will have; pairs that became one
    actor, or whose row was rejected, left out."""
    found: dict[tuple[str, str], ReviewPair] = {}
    for pair in pairs:
        ends = []
        lines = []
        for end in (pair.first_id, pair.second_id):
            if end.startswith(_TEMP):
                if end not in final_id:
                    break
                ends.append(final_id[end])
                lines.append(lines_of[end])
            else:
                ends.append(end)
        else:
            first, second = sorted(ends)
            if first != second and (first, second) not in found:
                found[(first, second)] = ReviewPair(
                    first, second, pair.score, pair.evidence, tuple(sorted(lines))
                )
    return tuple(sorted(found.values(), key=lambda p: (-p.score, p.first_id, p.second_id)))
