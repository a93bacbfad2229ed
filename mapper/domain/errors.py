"""Typed errors of the domain core; the CLI and UI turn them into sentences.

The core speaks in codes: every error class has a stable ``code`` and its dataclass fields as
``params``; an InputProblem carries a ``code`` from PROBLEM_CODES with its ``params``. The
English ``message`` texts are for the CLI and logs; the UI renders the codes in its language
(ui/error_text.py), as matching's Reasons are rendered from data/reasons.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from dataclasses import field as _field
from types import MappingProxyType
from typing import ClassVar, Final

PROBLEM_CODES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # code: the names of its params (a param may be absent or None when not known)
        "invalid": (),  # anything without a code of its own: only the message says what
        "required": (),  # a field that must be filled in is missing or empty
        "blank": (),  # text that is only spaces
        "unknown_code": ("facet", "nearest"),  # not a code of the vocabulary's facet
        "not_one_of": ("choices", "nearest"),  # not one of a fixed list of values
        "wrong_value": ("expected",),  # must be exactly ``expected``
        "wrong_type": ("expected",),  # JSON type expected: string, number, integer, array …
        "out_of_range": ("min", "max"),  # a number below min or above max
        "too_long": ("limit", "length"),  # text of ``length`` characters, more than ``limit``
        "too_large": ("limit",),  # a number larger than the field can hold (mapper.domain.limits)
        "nul_character": (),  # a text holding a NUL character (\x00), which no database stores
        "too_short": ("min",),  # text shorter than min characters
        "too_many": ("max",),  # a list of more than max items
        "too_few": ("min",),  # a list of fewer than min items
        "duplicate_items": (),  # a list that names the same item twice
        "bad_format": ("format",),  # not a valid email, uri, date, date-time, pattern …
        "unknown_field": ("nearest",),  # a field the format does not have
        "not_a_number": (),  # not a (finite) number
        "not_email": ("example",),  # not an e-mail address
        "not_website": ("example",),  # a website address must start with http(s)://
        "both_or_neither": ("missing",),  # a coordinate needs both lat and lon
        "consent_required": (),  # an individual volunteer needs the date of consent
        "purpose_required": (),  # an individual volunteer needs a stated purpose
        "volunteer_public": (),  # an individual volunteer cannot be public
        "duplicate_id": ("kind", "free"),  # the id is taken; ``free`` is one that is not
        "unknown_reference": ("kind", "nearest"),  # no ``kind`` record with this id
        "own_parent": (),  # an actor cannot be its own parent
        "parent_cycle": ("cycle",),  # parents lead back to the actor: ids around the cycle
        "duplicate_partnership": (),  # the same partnership twice in one document
        "in_use": ("kind", "count"),  # ``count`` ``kind`` records refer to it
        "unknown_status": ("allowed",),  # not a status of the workflow
        "status_move": ("current", "allowed"),  # a move the workflow does not allow
        "not_json": ("line", "column"),  # a document that is not JSON
        "not_object": (),  # a document that is not a JSON object
        "municipality_code": ("nearest",),  # not the code of a Danish municipality
        "file_problem": ("what", "encoding"),  # a register file as a whole (tabular.FILE_PROBLEMS)
        "ragged_row": ("columns",),  # a row with more values than the header has columns
    }
)
"""Every code an InputProblem may carry, with the names of its params."""

GEO_IMPORT_CAUSES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "unreadable": (),  # the file cannot be read (``message`` has the driver's words)
        "unknown_layer": ("layer", "layers"),
        "no_such_file": (),
        "is_folder": (),
        "unsupported_type": ("suffix",),
        "no_features": (),
        "no_shapes": (),  # the file has no geometry at all
        "bad_zip": (),
        "zip_without_shapefile": (),
        "zip_with_several_shapefiles": ("names",),
        "no_such_column": ("column", "what", "columns", "nearest"),
        "no_column": ("what", "candidates", "columns", "nearest"),
        "no_polygons": ("found",),
        "no_coded_polygon": ("column",),
        "unknown_crs": (),
        "unconvertible_coordinates": ("crs",),
    }
)
"""Every ``cause`` of a GeoImportError, with the names of its ``cause_params``."""

DATABASE_CAUSES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "unusable": (),  # anything else (``reason`` has the driver's words)
        "not_a_url": (),
        "cannot_create_folder": ("folder",),
        "no_driver": (),
        "foreign_tables": (),  # it holds tables this application did not create
        "unreachable": (),  # the server or file cannot be opened
        "not_a_database": (),  # the file is not a SQLite database (a text file, a picture …)
        "newer_schema": ("found", "supported"),  # made by a newer release; never touched
        "locked": ("holder",),  # another program holds the lock (``holder``: its name, or None)
        "read_only": (),  # opened read-only (file, folder or medium): changes cannot be saved
        "read_only_old": ("found", "supported"),  # read-only and too old to be upgraded
        "disk_full": (),  # the disk (or the database's size limit) is full; nothing was saved
        "backup_failed": ("backup",),  # the copy before an upgrade failed; nothing was changed
        # A shared server's database of an older schema: upgraded only on purpose
        # (``mapper init --upgrade``), never by whoever happens to open it first.
        "upgrade_needed": ("found", "supported"),
    }
)
"""Every ``cause`` of a DatabaseError, with the names of its ``cause_params``."""

OUTPUT_FILE_CAUSES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "unwritable": (),  # anything else (``reason`` has the system's words)
        "disk_full": (),  # no space left; the previous file is intact
        "permission": (),  # not allowed to write the file or its folder
        "read_only": (),  # the file system is mounted read-only
        "no_folder": ("folder",),  # the folder does not exist
        "is_folder": (),  # the name is a folder
    }
)
"""Every ``cause`` of an OutputFileError, with the names of its ``cause_params``."""


class MapperError(Exception):
    """Base of every error the core raises on purpose.

    ``code`` names the kind of error (stable, for the UI to render); ``params`` are its
    fields."""

    code: ClassVar[str] = "error"

    @property
    def params(self) -> dict[str, object]:
        if not is_dataclass(self):
            return {}
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with one field of one record (not a problem statement)."""

    record: str
    """The record's interchange id, or a position such as 'actors[3]' when it has none."""
    field: str
    """Dotted path of the field, e.g. 'target_groups[1]' or 'location.lat'."""
    value: object
    message: str
    """What is wrong, in English, for the CLI and logs; the UI renders ``code`` instead."""
    hint: str | None = None
    """The nearest valid code, or what a valid value looks like."""
    code: str = _field(default="invalid", kw_only=True)
    """What is wrong, one of PROBLEM_CODES."""
    params: Mapping[str, object] = _field(default_factory=dict, kw_only=True, hash=False)
    """The code's parameters (see PROBLEM_CODES), e.g. {"facet": ..., "nearest": ...}."""

    def __str__(self) -> str:
        shown = "" if self.value is None else f" = {self.value!r}"
        text = f"{self.record}: {self.field}{shown}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class ValidationError(MapperError):
    """Input was rejected; nothing was stored. Carries every problem found."""

    code: ClassVar[str] = "validation"

    problems: list[InputProblem] = _field(default_factory=list)
    source: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} found; nothing was stored"]
        lines += [f"  - {p}" for p in self.problems[:50]]
        if count > 50:
            lines.append(f"  … and {count - 50} more")
        return "\n".join(lines)


@dataclass
class NotFoundError(MapperError):
    """A record asked for by its interchange id does not exist."""

    code: ClassVar[str] = "not_found"

    kind: str
    record_id: str
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"no {self.kind} with id {self.record_id!r}"
        if self.hint:
            text += f" (did you mean {self.hint!r}?)"
        return text


@dataclass
class DatabaseError(MapperError):
    """The database cannot be opened or is in a state we cannot work with."""

    code: ClassVar[str] = "database"

    url: str
    reason: str
    """Why, in English (often the driver's own words), for the CLI and logs."""
    cause: str = _field(default="unusable", kw_only=True)
    """Why, one of DATABASE_CAUSES."""
    cause_params: Mapping[str, object] = _field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"cannot use database {self.url}: {self.reason}"


@dataclass
class OutputFileError(MapperError):
    """An output file (export, map) could not be written; an earlier file of that name is as
    it was and no half-written file is left behind."""

    code: ClassVar[str] = "output_file"

    path: str
    reason: str
    """Why, in English (often the system's own words), for the CLI and logs."""
    cause: str = _field(default="unwritable", kw_only=True)
    """Why, one of OUTPUT_FILE_CAUSES."""
    cause_params: Mapping[str, object] = _field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


@dataclass
class ConflictError(MapperError):
    """Someone else changed the record since it was read (optimistic locking)."""

    code: ClassVar[str] = "conflict"

    kind: str
    record_id: str
    expected_version: int
    actual_version: int

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"{self.kind} {self.record_id!r} was changed by someone else "
            f"(version {self.actual_version}, you edited version {self.expected_version})"
        )


@dataclass
class NothingToMatchError(MapperError):
    """A problem statement says nothing a partner could be matched on."""

    code: ClassVar[str] = "nothing_to_match"

    problem_id: str
    missing: tuple[str, ...]

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"problem {self.problem_id!r} has nothing to match on: fill in at least one of "
            f"{', '.join(self.missing)}"
        )


@dataclass
class GeoImportError(MapperError):
    """A boundary file (GeoJSON, GeoPackage, Shapefile) could not be imported; nothing was
    stored and the layer imported before stays as it was."""

    code: ClassVar[str] = "geo_import"

    file: str
    field: str | None
    """The column (or 'geometry', 'crs', 'layer') at fault; None when the file as a whole is."""
    message: str
    """What is wrong, in English, for the CLI and logs; the UI renders ``cause`` instead."""
    hint: str | None = None
    """The columns the file has and the nearest one, or what a valid value looks like."""
    cause: str = _field(default="unreadable", kw_only=True)
    """What is wrong, one of GEO_IMPORT_CAUSES."""
    cause_params: Mapping[str, object] = _field(default_factory=dict, kw_only=True)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}: " if self.field else f"{self.file}: "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text + "; nothing was imported"


@dataclass
class PartnershipExistsError(MapperError):
    """A partnership between this problem statement and this actor is already registered."""

    code: ClassVar[str] = "partnership_exists"

    problem_id: str
    actor_id: str
    stage: str

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"problem {self.problem_id!r} and actor {self.actor_id!r} are already in a "
            f"partnership (stage {self.stage})"
        )


class Cancelled(MapperError):
    """The user stopped a long operation; what it had done was rolled back."""

    code: ClassVar[str] = "cancelled"
