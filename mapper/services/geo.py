"""The geo service: boundary layers (municipalities, regions, postcodes) stored in the database
so the application works offline, and which area holds a point.

Each public method is one unit of work; values in and frozen values out. The point-in-polygon
index of a layer is built once per service and reused until that layer is imported again.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.model import Location
from mapper.domain.municipality import MunicipalityCodeError, normalised_or_none
from mapper.geo import reference
from mapper.geo.layers import LAYERS, MUNICIPALITIES, normalise_code
from mapper.geo.lookup import BoundaryIndex
from mapper.geo.model import BoundaryShape, SkippedRow
from mapper.persistence.database import Database
from mapper.persistence.orm import utcnow
from mapper.persistence.repositories import boundaries as repository
from mapper.persistence.repositories.boundaries import BoundaryRow, LayerStamp, NewBoundary
from mapper.persistence.store import Progress

MUNICIPALITY_CODE_LENGTH = 4
"""actors.municipality_code holds four characters (DAGI kommunekode)."""


@dataclass(frozen=True)
class GeoImportReport:
    """What importing a boundary file did."""

    layer: str
    file: str
    features_read: int
    shapes_stored: int
    codes: tuple[str, ...]
    source_crs: str | None
    """None when the file named no CRS and its coordinates were taken as longitude/latitude."""
    skipped: tuple[SkippedRow, ...]
    elapsed_seconds: float
    code_field: str
    name_field: str | None
    parent_field: str | None
    replaced: int
    """How many shapes the layer held before (all of them were replaced)."""


@dataclass(frozen=True)
class Boundary:
    """One stored area of a layer: a municipality (kommune), region or postcode area."""

    layer: str
    code: str
    name: str
    geometry: dict[str, Any]
    """GeoJSON geometry, longitude/latitude (WGS84), simplified for display."""
    point: tuple[float, float] | None
    """(lat, lon) of a point inside the area."""
    parent_code: str | None


@dataclass(frozen=True)
class Place:
    """The area of one layer that holds a point."""

    layer: str
    code: str
    name: str


@dataclass(frozen=True)
class PostcodeLocation:
    """Where an actor or problem with this postcode is placed on the map."""

    postcode: str
    lat: float
    lon: float
    city: str | None
    """The postcode's town (postdistrikt), e.g. 'Ribe'."""
    municipality_code: str | None
    source: str
    """'imported' (the imported postcode layer) or 'built-in' (the 2014 reference list)."""
    precision: str = "postcode"


@dataclass(frozen=True)
class _LayerCache:
    stamp: LayerStamp
    index: BoundaryIndex
    names: dict[str, str]


class GeoService:
    """Import of boundary layers and point lookups in them."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._cache: dict[str, _LayerCache] = {}

    # ----------------------------------------------------------------- import

    def import_file(
        self,
        path: str | Path,
        layer: str,
        *,
        code_field: str | None = None,
        name_field: str | None = None,
        progress: Progress | None = None,
    ) -> GeoImportReport:
        """Read a GeoJSON, GeoPackage or Shapefile and replace ``layer`` with its shapes, in one
        transaction. Raises GeoImportError (naming file and field); then nothing is stored."""
        # geopandas and GDAL take half a second to import; only an import needs them.
        from mapper.geo.boundaries import read_boundaries

        started = time.perf_counter()
        read = read_boundaries(
            path, layer, code_field=code_field, name_field=name_field, progress=progress
        )
        now = utcnow()
        rows = [_row(layer, shape, now) for shape in read.shapes]
        with self.database.unit_of_work() as session:
            replaced = repository.replace_layer(session, layer, rows)
        self._cache.pop(layer, None)
        return GeoImportReport(
            layer=layer,
            file=read.file,
            features_read=read.features_read,
            shapes_stored=len(rows),
            codes=tuple(shape.code for shape in read.shapes),
            source_crs=read.source_crs,
            skipped=read.skipped,
            elapsed_seconds=time.perf_counter() - started,
            code_field=read.code_field,
            name_field=read.name_field,
            parent_field=read.parent_field,
            replaced=replaced,
        )

    # ----------------------------------------------------------------- reading

    def layers(self) -> dict[str, int]:
        """How many shapes each layer holds (0 when it was never imported)."""
        with self.database.unit_of_work() as session:
            counts = repository.layer_counts(session)
        return {layer: counts.get(layer, 0) for layer in LAYERS}

    def boundaries(self, layer: str, codes: Sequence[str] | None = None) -> list[Boundary]:
        """The areas of ``layer`` (only ``codes`` when given), ordered by code."""
        _check_layer(layer)
        wanted = None if codes is None else {normalise_code(c) or c for c in codes}
        with self.database.unit_of_work() as session:
            rows = repository.boundaries(session, layer, wanted)
        return [
            Boundary(
                layer=layer,
                code=row.code,
                name=row.name,
                geometry=json.loads(row.geometry),
                point=row.point,
                parent_code=row.parent_code,
            )
            for row in rows
        ]

    def municipality_names(self) -> dict[str, str]:
        """Official municipality names by code: the built-in list (DAGI 2014), overridden by
        the names of an imported municipality layer."""
        names = {code: m.name for code, m in reference.municipalities().items()}
        with self.database.unit_of_work() as session:
            stored = repository.names(session, MUNICIPALITIES)
        names.update({code: name for code, name in stored.items() if name})
        return names

    def municipality_of(self, lat: float, lon: float) -> str | None:
        """The code of the municipality holding (lat, lon); None outside every one, or when no
        municipalities have been imported."""
        with self.database.unit_of_work() as session:
            cache = self._layer(session, MUNICIPALITIES)
        return cache.index.code_at(lat, lon) if cache else None

    def locate(self, lat: float, lon: float) -> dict[str, Place | None]:
        """For every imported layer, the area holding (lat, lon), or None."""
        with self.database.unit_of_work() as session:
            caches = {layer: self._layer(session, layer) for layer in LAYERS}
        found: dict[str, Place | None] = {}
        for layer, cache in caches.items():
            if cache is not None:
                code = cache.index.code_at(lat, lon)
                found[layer] = Place(layer, code, cache.names[code]) if code else None
        return found

    def postcode_point(self, postcode: str) -> tuple[float, float] | None:
        """(lat, lon) of a point inside the postcode's area in the imported postcode layer.
        Copenhagen's areas are ranges such as '1000-1499', so '1050' resolves to that area's
        point. None when no postcode layer holds it (see ``place_for`` for the built-in list)."""
        with self.database.unit_of_work() as session:
            row = _postcode_area(session, postcode)
        return None if row is None else row.point

    def place_for(self, postcode: str | None, city: str | None = None) -> PostcodeLocation | None:
        """Where a postcode lies (a point inside its area, its town and municipality): from the
        imported postcode layer when it holds the postcode, else from the built-in postcode list
        (DAGI 2014). Without a postcode, a town name that only one postcode has ('Ribe') is
        used. None when neither resolves.

        Street addresses are not geocoded: there is no offline address register, so the point
        is the postcode area's (precision 'postcode')."""
        wanted = normalise_code(postcode)
        if wanted is None:
            towns = reference.postcodes_of_town(city)
            if len(towns) != 1:
                return None
            wanted = towns[0].postcode
        with self.database.unit_of_work() as session:
            row = _postcode_area(session, wanted)
            point = None if row is None else row.point
            if row is not None and point is not None:
                cache = self._layer(session, MUNICIPALITIES)
                municipality = _municipality_code(row.parent_code) or (
                    _municipality_code(cache.index.code_at(*point)) if cache else None
                )
                built_in = reference.postcode_place(wanted)
                if municipality is None and built_in is not None:
                    municipality = built_in.municipality_code
                return PostcodeLocation(
                    wanted, point[0], point[1], row.name or None, municipality, "imported"
                )
        found = reference.postcode_place(wanted)
        if found is None:
            return None
        return PostcodeLocation(
            wanted, found.lat, found.lon, found.name, found.municipality_code, "built-in"
        )

    # ----------------------------------------------------------------- changing actors

    def assign_municipalities(self, *, only_missing: bool = True) -> int:
        """Give actors with a point the code of the municipality holding it; by default only
        those without a municipality code. Returns how many actors changed."""
        with self.database.unit_of_work() as session:
            cache = self._layer(session, MUNICIPALITIES)
            if cache is None:
                return 0
            rows = repository.placed_actors(session, only_missing=only_missing)
            found = cache.index.codes_at([r.lat for r in rows], [r.lon for r in rows])
            changes = {
                row.pk: code
                for row, code in zip(rows, found, strict=True)
                # A layer imported with another code column may hold codes that do not fit.
                if code is not None
                and code != row.municipality_code
                and len(code) <= MUNICIPALITY_CODE_LENGTH
            }
            repository.set_municipality_codes(session, changes, author_or_default(None))
        return len(changes)

    # ----------------------------------------------------------------- cache

    def _layer(self, session: Session, layer: str) -> _LayerCache | None:
        """The layer's lookup index, rebuilt when the stored layer changed (also by another
        process: the stamp is its row count and latest import time)."""
        stamp = repository.layer_stamp(session, layer)
        cached = self._cache.get(layer)
        if cached is not None and cached.stamp == stamp:
            return cached
        self._cache.pop(layer, None)
        if not stamp.count:
            return None
        rows = repository.boundaries(session, layer)
        self._cache[layer] = _LayerCache(
            stamp,
            BoundaryIndex((r.code, r.geometry) for r in rows),
            {r.code: r.name for r in rows},
        )
        return self._cache[layer]


def _postcode_area(session: Session, postcode: str | None) -> BoundaryRow | None:
    """The imported postcode area holding ``postcode`` (Copenhagen's ranges included)."""
    wanted = normalise_code(postcode)
    return None if wanted is None else repository.postcode_area(session, wanted)


def _municipality_code(code: str | None) -> str | None:
    """A code from an imported layer as a municipality code, or None when it is none."""
    try:
        return normalised_or_none(code)
    except MunicipalityCodeError:
        return None


def _check_layer(layer: str) -> None:
    if layer not in LAYERS:
        raise ValueError(f"unknown boundary layer {layer!r}; use one of {', '.join(LAYERS)}")


def _row(layer: str, shape: BoundaryShape, now: dt.datetime) -> NewBoundary:
    min_lat, min_lon, max_lat, max_lon = shape.bbox
    return NewBoundary(
        layer=layer,
        code=shape.code,
        name=shape.name,
        parent_code=shape.parent_code,
        geometry=shape.geojson,
        point_lat=shape.point[0],
        point_lon=shape.point[1],
        min_lat=min_lat,
        min_lon=min_lon,
        max_lat=max_lat,
        max_lon=max_lon,
        imported_at=now,
    )


def placed_by_postcode(
    location: Location, found: PostcodeLocation | None, before: Location | None = None
) -> Location:
    """The location with a point from its postcode, when it has no point of its own.

    ``found`` is where the postcode lies (``GeoService.place_for``); ``before`` the location as
    stored. A point that came from the postcode (precision 'postcode') follows a changed
    postcode, and so do a town and municipality left as they were; a point typed or geocoded
    elsewhere is never moved. An empty town or municipality is filled from the postcode."""
    derived = location.precision == "postcode" and location.has_point
    moved = (
        before is not None
        and derived
        and before.postcode != location.postcode
        and (before.lat, before.lon) == (location.lat, location.lon)
    )
    if location.has_point and not moved:
        return location
    if found is None:
        # The old postcode's point would put the record in the wrong town.
        return replace(location, lat=None, lon=None, precision=None) if moved else location
    stale = before if moved else None  # what the old postcode filled in may follow it
    city = location.city
    if not (city or "").strip() or (stale is not None and city == stale.city):
        city = found.city or city
    code = location.municipality_code
    if not code or (stale is not None and code == stale.municipality_code):
        code = found.municipality_code or code
    return replace(
        location,
        lat=found.lat,
        lon=found.lon,
        precision=found.precision,
        city=city,
        municipality_code=code,
    )
