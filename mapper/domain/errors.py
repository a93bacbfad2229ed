"""Typed errors of the domain core; the CLI and UI turn them into sentences."""

from __future__ import annotations

from dataclasses import dataclass, field


class MapperError(Exception):
    """Base of every error the core raises on purpose."""


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with one field of one record (not a problem statement)."""

    record: str
    """The record's interchange id, or a position such as 'actors[3]' when it has none."""
    field: str
    """Dotted path of the field, e.g. 'target_groups[1]' or 'location.lat'."""
    value: object
    message: str
    hint: str | None = None
    """The nearest valid code, or what a valid value looks like."""

    def __str__(self) -> str:
        shown = "" if self.value is None else f" = {self.value!r}"
        text = f"{self.record}: {self.field}{shown}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class ValidationError(MapperError):
    """Input was rejected; nothing was stored. Carries every problem found."""

    problems: list[InputProblem] = field(default_factory=list)
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

    url: str
    reason: str

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"cannot use database {self.url}: {self.reason}"


@dataclass
class ConflictError(MapperError):
    """Someone else changed the record since it was read (optimistic locking)."""

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

    file: str
    field: str | None
    """The column (or 'geometry', 'crs', 'layer') at fault; None when the file as a whole is."""
    message: str
    hint: str | None = None
    """The columns the file has and the nearest one, or what a valid value looks like."""

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
