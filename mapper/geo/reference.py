"""Built-in Danish reference data: official municipality names and points, postcode points and
simplified municipality boundaries, so a fresh install names municipalities, places postcodes
and draws Denmark without any import.

The data is a DAGI extract dated 2014-02-13 (CC BY 4.0), shipped in ``data/`` (package
``mapper_data``, built by ``scripts/build_reference_geo.py``). An imported boundary layer
(``mapper.services.geo``) takes precedence wherever both exist. Everything here is read once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from mapper.domain.vocabulary import read_data_json
from mapper.geo.layers import normalise_code, postcode_range

ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"
"""Shown wherever the built-in shapes are displayed (CC BY 4.0)."""
EXTRACT_DATE = "2014-02-13"

_MUNICIPALITIES = "dk_municipalities.json"
_POSTCODES = "dk_postcodes.json"
_BOUNDARIES = "dk_municipality_boundaries.geojson"


@dataclass(frozen=True)
class Municipality:
    """A Danish municipality (kommune) as the reference list has it."""

    code: str
    """Four digits, e.g. '0561'."""
    name: str
    """The official name, e.g. 'Esbjerg' (without 'Kommune')."""
    region_code: str
    lat: float
    lon: float
    """A point inside the municipality."""


@dataclass(frozen=True)
class PostcodePlace:
    """Where a postcode lies: its town, municipality and a point inside its area."""

    postcode: str
    """The postcode asked for, four digits ('1050')."""
    area: str
    """The postcode area holding it: the same code, or a Copenhagen range ('1000-1499')."""
    name: str
    """The postcode's town (postdistrikt), e.g. 'Ribe'."""
    municipality_code: str
    """The municipality holding most of the area."""
    lat: float
    lon: float


@dataclass(frozen=True)
class ReferenceBoundary:
    """One simplified municipality shape (GeoJSON geometry, longitude/latitude)."""

    code: str
    name: str
    region_code: str
    geometry: Mapping[str, Any]


def _rows(name: str) -> list[dict[str, Any]]:
    document = read_data_json(name)
    fields = document["fields"]
    return [dict(zip(fields, row, strict=True)) for row in document["rows"]]


@cache
def municipalities() -> Mapping[str, Municipality]:
    """Every municipality by its four-digit code, in code order."""
    found = {row["code"]: Municipality(**row) for row in _rows(_MUNICIPALITIES)}
    return MappingProxyType(found)


def municipality_name(code: str | None) -> str | None:
    """The official name of a municipality ('561' or '0561' → 'Esbjerg'), None if unknown."""
    wanted = normalise_code(code)
    found = municipalities().get(wanted) if wanted else None
    return found.name if found else None


@cache
def _postcodes() -> tuple[dict[str, dict[str, Any]], tuple[tuple[int, int, str], ...]]:
    """Postcode areas by code, and the ranges (low, high, area code) among them."""
    by_code = {row["postcode"]: row for row in _rows(_POSTCODES)}
    ranges = []
    for code in by_code:
        covered = postcode_range(code)
        if covered is not None and covered[0] != covered[1]:
            ranges.append((covered[0], covered[1], code))
    return by_code, tuple(ranges)


def postcode_place(postcode: str | None) -> PostcodePlace | None:
    """The town, municipality and point of a postcode ('6760' → Ribe, 0561). Copenhagen's
    areas are ranges, so '1050' gives the area '1000-1499'. None for an unknown postcode."""
    wanted = normalise_code(postcode)
    if wanted is None:
        return None
    by_code, ranges = _postcodes()
    row = by_code.get(wanted)
    if row is None:
        covered = postcode_range(wanted)
        if covered is None or covered[0] != covered[1]:
            return None
        area = next((c for low, high, c in ranges if low <= covered[0] <= high), None)
        if area is None:
            return None
        row = by_code[area]
    return PostcodePlace(
        postcode=wanted,
        area=row["postcode"],
        name=row["name"],
        municipality_code=row["municipality_code"],
        lat=row["lat"],
        lon=row["lon"],
    )


def postcode_places() -> tuple[PostcodePlace, ...]:
    """Every postcode area of the reference list, in its order (a Copenhagen range once,
    named by its area code, e.g. '1000-1499')."""
    by_code, _ = _postcodes()
    return tuple(
        PostcodePlace(
            postcode=code,
            area=code,
            name=row["name"],
            municipality_code=row["municipality_code"],
            lat=row["lat"],
            lon=row["lon"],
        )
        for code, row in by_code.items()
    )


def postcodes_of_town(town: str | None) -> tuple[PostcodePlace, ...]:
    """The postcodes whose town is ``town`` (case and spacing ignored), e.g. 'ribe' → 6760."""
    wanted = " ".join((town or "").split()).casefold()
    if not wanted:
        return ()
    by_code, _ = _postcodes()
    found = [code for code, row in by_code.items() if row["name"].casefold() == wanted]
    places = (postcode_place(code.partition("-")[0]) for code in sorted(found))
    return tuple(p for p in places if p is not None)


@cache
def municipality_boundaries() -> tuple[ReferenceBoundary, ...]:
    """The simplified shapes of every municipality, in code order."""
    text = resources.files("mapper_data").joinpath(_BOUNDARIES).read_text(encoding="utf-8")
    document = json.loads(text)
    return tuple(
        ReferenceBoundary(
            code=feature["properties"]["code"],
            name=feature["properties"]["name"],
            region_code=feature["properties"]["region_code"],
            geometry=feature["geometry"],
        )
        for feature in document["features"]
    )
