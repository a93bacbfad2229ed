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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

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
        """(lat, lon) of a point inside the postcode's area. Copenhagen's areas are ranges such
        as '1000-1499', so '1050' resolves to that area's point."""
        wanted = normalise_code(postcode)
        if wanted is None:
            return None
        stmt = select(BOUNDARIES.c.point_lat, BOUNDARIES.c.point_lon).where(
            BOUNDARIES.c.layer == POSTCODES
        )
        with self.database.unit_of_work() as session:
            row = session.execute(stmt.where(BOUNDARIES.c.code == wanted)).first()
            number = postcode_range(wanted)
            if row is None and number is not None and number[0] == number[1]:
                ranges = session.execute(
                    stmt.add_columns(BOUNDARIES.c.code).where(BOUNDARIES.c.code.like("%-%"))
                )
                for candidate in ranges:
                    covered = postcode_range(candidate.code)
                    if covered and covered[0] <= number[0] <= covered[1]:
                        row = candidate
                        break
        if row is None or row.point_lat is None:
            return None
        return (row.point_lat, row.point_lon)

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
                        updated_at=utcnow(),
                    ),
                    changes,
                )
                store.bump_revision(session)
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
