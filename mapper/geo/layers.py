"""The boundary layers the application knows and how their codes look."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MUNICIPALITIES, REGIONS, POSTCODES = "municipalities", "regions", "postcodes"


@dataclass(frozen=True)
class LayerSpec:
    """How to read one layer: the columns tried (in order, case-insensitively) for the code,
    name and enclosing area, and how much to simplify the shapes for display."""

    name: str
    code_fields: tuple[str, ...]
    name_fields: tuple[str, ...]
    parent_fields: tuple[str, ...]
    simplify_m: float
    """Douglas-Peucker tolerance in metres (EPSG:25832); borders move by at most this much."""


LAYERS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in (
        LayerSpec(
            MUNICIPALITIES,
            code_fields=("kommunekode", "KOMKODE", "komkode", "code"),
            name_fields=("navn", "KOMNAVN", "name"),
            parent_fields=("regionskode", "REGIONKODE"),
            simplify_m=50.0,
        ),
        LayerSpec(
            REGIONS,
            code_fields=("regionskode", "REGIONKODE", "code"),
            name_fields=("navn", "REGIONNAVN", "name"),
            parent_fields=(),
            simplify_m=100.0,
        ),
        LayerSpec(
            POSTCODES,
            code_fields=("postnr", "POSTNR_TXT", "postnummer", "postcode", "code"),
            name_fields=("navn", "POSTBYNAVN", "name"),
            parent_fields=("kommunekode", "KOMKODE"),
            simplify_m=50.0,
        ),
    )
}

CODE_WIDTH = 4
"""Danish municipality, region and postcode numbers are four digits ('101' → '0101')."""

_NUMBER = re.compile(r"\d+")
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")


def normalise_code(value: Any) -> str | None:
    """A code as text: numbers zero-padded to four digits, ranges ('1000-1499') padded on both
    sides, anything else stripped. None for missing values."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:  # NaN: a missing value in a numeric column
            return None
        if value.is_integer():
            value = int(value)
    text = str(value).strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return text.zfill(CODE_WIDTH)
    if match := _RANGE.fullmatch(text):
        return f"{match[1].zfill(CODE_WIDTH)}-{match[2].zfill(CODE_WIDTH)}"
    return text


def postcode_range(code: str) -> tuple[int, int] | None:
    """The numbers a postcode area covers: '6700' → (6700, 6700); Copenhagen's '1000-1499' →
    (1000, 1499); None when the code is not a number or a range of numbers."""
    if _NUMBER.fullmatch(code):
        return int(code), int(code)
    if match := _RANGE.fullmatch(code):
        low, high = int(match[1]), int(match[2])
        return (low, high) if low <= high else (high, low)
    return None
