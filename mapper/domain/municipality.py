"""Municipality codes (kommunekoder): one normaliser for every way a code comes in (editor,
import, CLI), so "561" and "0561" are the same municipality (Esbjerg) everywhere.

A code is four digits ("0561"); one to three digits are zero-padded, surrounding spaces are
dropped. Anything else, and a code no Danish municipality has, is refused with the nearest
known code and its official name as a hint.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rapidfuzz import fuzz, process, utils

from mapper.domain.errors import InputProblem, MapperError
from mapper.domain.model import Location
from mapper.geo.reference import municipalities

WIDTH = 4


@dataclass
class MunicipalityCodeError(MapperError, ValueError):
    """A text that is not the code of a Danish municipality."""

    code: ClassVar[str] = "municipality_code"

    value: str
    message: str
    hint: str | None = None
    """The nearest known code with its name, e.g. "0561 (Esbjerg)"."""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.value!r}: {self.message}"
        return f"{text} (nearest known code: {self.hint})" if self.hint else text

    def problem(self, record: str, field: str) -> InputProblem:
        """The same, as a problem of one record's field."""
        return InputProblem(
            record,
            field,
            self.value,
            self.message,
            f"nearest known code: {self.hint}" if self.hint else None,
            code="municipality_code",
            params={"nearest": self.hint},
        )


def padded(text: str) -> str:
    """Zero-padded to four digits when ``text`` is one to three digits, else only stripped;
    no check that the municipality exists (for data already validated)."""
    stripped = text.strip()
    if stripped.isascii() and stripped.isdigit() and len(stripped) < WIDTH:
        return stripped.zfill(WIDTH)
    return stripped


def normalise_municipality_code(text: str) -> str:
    """The four-digit code of a Danish municipality: '561' → '0561', ' 0561 ' → '0561'.

    Raises MunicipalityCodeError for text that is not one to four digits, or that is no
    municipality's code; its hint names the nearest known code and name."""
    stripped = text.strip()
    if not stripped:
        raise MunicipalityCodeError(text, "a municipality code is four digits, e.g. 0561")
    if not (stripped.isascii() and stripped.isdigit()):
        raise MunicipalityCodeError(
            text, "a municipality code is four digits, e.g. 0561", _nearest_by_name(stripped)
        )
    if len(stripped) > WIDTH:
        raise MunicipalityCodeError(
            text, "a municipality code has at most four digits", _nearest_by_number(stripped)
        )
    code = stripped.zfill(WIDTH)
    if code not in municipalities():
        raise MunicipalityCodeError(
            text, "no Danish municipality has this code", _nearest_by_number(code)
        )
    return code


def municipality_code_problem(value: str | None, record: str, field: str) -> InputProblem | None:
    """None when ``value`` is empty or a valid code (in any accepted spelling), else the
    problem to report for the record's field."""
    if value is None or not value.strip():
        return None
    try:
        normalise_municipality_code(value)
    except MunicipalityCodeError as exc:
        return exc.problem(record, field)
    return None


def normalised_or_none(value: str | None) -> str | None:
    """The four-digit code, None for an empty value; raises MunicipalityCodeError like
    ``normalise_municipality_code``."""
    if value is None or not value.strip():
        return None
    return normalise_municipality_code(value)


def _label(code: str) -> str:
    return f"{code} ({municipalities()[code].name})"


def _nearest_by_number(digits: str) -> str | None:
    known = list(municipalities())
    if not known:
        return None
    number = int(digits)
    # The closest number; on a tie the lower code.
    return _label(min(known, key=lambda c: (abs(int(c) - number), c)))


def _nearest_by_name(text: str) -> str | None:
    """The municipality whose name is most like ``text`` (someone typed 'Esbjerg')."""
    names = {code: m.name for code, m in municipalities().items()}
    match = process.extractOne(
        text, names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=80
    )
    return _label(str(match[2])) if match else None


def normalise_location_code(
    location: Location, record: str, field: str = "location.municipality_code"
) -> tuple[Location, InputProblem | None]:
    """The location with its municipality code in four digits, and None; or, for a code that
    cannot be normalised, the location without it and the problem naming record and field."""
    code = location.municipality_code
    try:
        normalised = normalised_or_none(code)
    except MunicipalityCodeError as exc:
        return replace(location, municipality_code=None), exc.problem(record, field)
    return replace(location, municipality_code=normalised), None
