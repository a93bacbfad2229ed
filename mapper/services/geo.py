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

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.model import Location
from mapper.domain.municipality import MunicipalityCodeError, normalised_or_none
from mapper.geo import reference
from mapper.geo.layers import LAYERS, MUNICIPALITIES, POSTCODES, normalise_code, postcode_range
from mapper.geo.lookup import BoundaryIndex
from mapper.geo.model import BoundaryShape, SkippedRow
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.orm import BoundaryRecord, utcnow
from mapper.persistence.store import ACTORS, Progress

BOUNDARIES: Table = BoundaryRecord.__table__  # type: ignore[assignment]
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
    stamp: tuple[int, dt.datetime | None]
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
            replaced = _count(session, layer)
            session.execute(delete(BOUNDARIES).where(BOUNDARIES.c.layer == layer))
            for part in store.chunks(rows):
                session.execute(insert(BOUNDARIES), list(part))
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
        stmt = select(BOUNDARIES.c.layer, func.count()).group_by(BOUNDARIES.c.layer)
        with self.database.unit_of_work() as session:
            counts = {layer: int(n) for layer, n in session.execute(stmt)}
        return {layer: counts.get(layer, 0) for layer in LAYERS}

    def boundaries(self, layer: str, codes: Sequence[str] | None = None) -> list[Boundary]:
        """The areas of ``layer`` (only ``codes`` when given), ordered by code."""
        _check_layer(layer)
        columns = (
            BOUNDARIES.c.code,
            BOUNDARIES.c.name,
            BOUNDARIES.c.geometry,
            BOUNDARIES.c.point_lat,
            BOUNDARIES.c.point_lon,
            BOUNDARIES.c.parent_code,
        )
        stmt = select(*columns).where(BOUNDARIES.c.layer == layer)
        with self.database.unit_of_work() as session:
            if codes is None:
                rows = list(session.execute(stmt))
            else:
                wanted = sorted({normalise_code(c) or c for c in codes})
                rows = [
                    row
                    for part in store.chunks(wanted)
                    for row in session.execute(stmt.where(BOUNDARIES.c.code.in_(part)))
                ]
        return [
            Boundary(
                layer=layer,
                code=row.code,
                name=row.name,
                geometry=json.loads(row.geometry),
                point=None if row.point_lat is None else (row.point_lat, row.point_lon),
                parent_code=row.parent_code,
            )
            for row in sorted(rows, key=lambda r: str(r.code))
        ]

    def municipality_names(self) -> dict[str, str]:
        """Official municipality names by code: the built-in list (DAGI 2014), overridden by
        the names of an imported municipality layer."""
        names = {code: m.name for code, m in reference.municipalities().items()}
        stmt = select(BOUNDARIES.c.code, BOUNDARIES.c.name).where(
            BOUNDARIES.c.layer == MUNICIPALITIES
        )
        with self.database.unit_of_work() as session:
            names.update({code: name for code, name in session.execute(stmt) if name})
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
        if row is None or row.point_lat is None:
            return None
        return (row.point_lat, row.point_lon)

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
            if row is not None and row.point_lat is not None:
                point = (float(row.point_lat), float(row.point_lon))
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
            stmt = select(
                ACTORS.c.pk, ACTORS.c.lat, ACTORS.c.lon, ACTORS.c.municipality_code
            ).where(ACTORS.c.lat.is_not(None), ACTORS.c.lon.is_not(None))
            if only_missing:
                stmt = stmt.where(
                    or_(ACTORS.c.municipality_code.is_(None), ACTORS.c.municipality_code == "")
                )
            rows = session.execute(stmt).all()
            found = cache.index.codes_at([r.lat for r in rows], [r.lon for r in rows])
            changes = [
                {"b_pk": row.pk, "b_code": code}
                for row, code in zip(rows, found, strict=True)
                # A layer imported with another code column may hold codes that do not fit.
                if code is not None
                and code != row.municipality_code
                and len(code) <= MUNICIPALITY_CODE_LENGTH
            ]
            if changes:
                session.execute(
                    update(ACTORS)
                    .where(ACTORS.c.pk == bindparam("b_pk"))
                    .values(
                        municipality_code=bindparam("b_code"),
                        version=ACTORS.c.version + 1,
                        updated_at=store.database_now(session),
                        updated_by=author_or_default(None),
                    ),
                    changes,
                )
        return len(changes)

    # ----------------------------------------------------------------- cache

    def _layer(self, session: Session, layer: str) -> _LayerCache | None:
        """The layer's lookup index, rebuilt when the stored layer changed (also by another
        process: the stamp is its row count and latest import time)."""
        count, latest = session.execute(
            select(func.count(), func.max(BOUNDARIES.c.imported_at)).where(
                BOUNDARIES.c.layer == layer
            )
        ).one()
        stamp = (int(count), latest)
        cached = self._cache.get(layer)
        if cached is not None and cached.stamp == stamp:
            return cached
        self._cache.pop(layer, None)
        if not count:
            return None
        rows = session.execute(
            select(BOUNDARIES.c.code, BOUNDARIES.c.name, BOUNDARIES.c.geometry)
            .where(BOUNDARIES.c.layer == layer)
            .order_by(BOUNDARIES.c.code)
        ).all()
        self._cache[layer] = _LayerCache(
            stamp,
            BoundaryIndex((r.code, r.geometry) for r in rows),
            {r.code: r.name for r in rows},
        )
        return self._cache[layer]


def _postcode_area(session: Session, postcode: str | None) -> Any | None:
    """The imported postcode area holding ``postcode`` (Copenhagen's ranges included)."""
    wanted = normalise_code(postcode)
    if wanted is None:
        return None
    stmt = select(
        BOUNDARIES.c.point_lat,
        BOUNDARIES.c.point_lon,
        BOUNDARIES.c.name,
        BOUNDARIES.c.parent_code,
        BOUNDARIES.c.code,
    ).where(BOUNDARIES.c.layer == POSTCODES)
    row = session.execute(stmt.where(BOUNDARIES.c.code == wanted)).first()
    number = postcode_range(wanted)
    if row is None and number is not None and number[0] == number[1]:
        for candidate in session.execute(stmt.where(BOUNDARIES.c.code.like("%-%"))):
            covered = postcode_range(candidate.code)
            if covered and covered[0] <= number[0] <= covered[1]:
                return candidate
    return row


def _municipality_code(code: str | None) -> str | None:
    """A code from an imported layer as a municipality code, or None when it is none."""
    try:
        return normalised_or_none(code)
    except MunicipalityCodeError:
        return None


def _check_layer(layer: str) -> None:
    if layer not in LAYERS:
        raise ValueError(f"unknown boundary layer {layer!r}; use one of {', '.join(LAYERS)}")


def _count(session: Session, layer: str) -> int:
    stmt = select(func.count()).select_from(BOUNDARIES).where(BOUNDARIES.c.layer == layer)
    return int(session.execute(stmt).scalar_one())


def _row(layer: str, shape: BoundaryShape, now: dt.datetime) -> dict[str, Any]:
    min_lat, min_lon, max_lat, max_lon = shape.bbox
    return {
        "layer": layer,
        "code": shape.code,
        "name": shape.name,
        "parent_code": shape.parent_code,
        "geometry": shape.geojson,
        "point_lat": shape.point[0],
        "point_lon": shape.point[1],
        "min_lat": min_lat,
        "min_lon": min_lon,
        "max_lat": max_lat,
        "max_lon": max_lon,
        "imported_at": now,
    }


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
