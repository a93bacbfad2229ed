"""The boundary layers (municipalities, regions, postcode areas) as stored rows, and the one
write that follows from them: giving actors the municipality code of the area holding them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from mapper.geo.layers import POSTCODES, postcode_range
from mapper.persistence.orm import BoundaryRecord
from mapper.persistence.store import ACTORS, chunks, database_now

BOUNDARIES: Table = BoundaryRecord.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class BoundaryRow:
    """One stored area of a layer, geometry as GeoJSON text (WGS84)."""

    layer: str
    code: str
    name: str
    parent_code: str | None
    geometry: str
    point_lat: float | None
    point_lon: float | None

    @property
    def point(self) -> tuple[float, float] | None:
        """(lat, lon) of a point inside the area, when stored."""
        if self.point_lat is None or self.point_lon is None:
            return None
        return (float(self.point_lat), float(self.point_lon))


@dataclass(frozen=True)
class NewBoundary(BoundaryRow):
    """A row to store: the area with its bounding box and import time."""

    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float
    imported_at: dt.datetime


@dataclass(frozen=True)
class LayerStamp:
    """Moves when a layer is imported again (also by another process)."""

    count: int
    latest: dt.datetime | None


@dataclass(frozen=True)
class PlacedActor:
    """An actor with a point: what assigning municipalities needs."""

    pk: int
    lat: float
    lon: float
    municipality_code: str | None


def _row(row: Any) -> BoundaryRow:
    """A result row of ``_COLUMNS`` as a typed value."""
    return BoundaryRow(
        layer=row.layer,
        code=row.code,
        name=row.name,
        parent_code=row.parent_code,
        geometry=row.geometry,
        point_lat=row.point_lat,
        point_lon=row.point_lon,
    )


_COLUMNS = (
    BOUNDARIES.c.layer,
    BOUNDARIES.c.code,
    BOUNDARIES.c.name,
    BOUNDARIES.c.parent_code,
    BOUNDARIES.c.geometry,
    BOUNDARIES.c.point_lat,
    BOUNDARIES.c.point_lon,
)


def replace_layer(session: Session, layer: str, rows: Sequence[NewBoundary]) -> int:
    """Replace every area of ``layer`` with ``rows``; returns how many areas it held before."""
    before = layer_stamp(session, layer).count
    session.execute(delete(BOUNDARIES).where(BOUNDARIES.c.layer == layer))
    values = [
        {
            "layer": layer,
            "code": r.code,
            "name": r.name,
            "parent_code": r.parent_code,
            "geometry": r.geometry,
            "point_lat": r.point_lat,
            "point_lon": r.point_lon,
            "min_lat": r.min_lat,
            "min_lon": r.min_lon,
            "max_lat": r.max_lat,
            "max_lon": r.max_lon,
            "imported_at": r.imported_at,
        }
        for r in rows
    ]
    for part in chunks(values):
        session.execute(insert(BOUNDARIES), list(part))
    return before


def layer_counts(session: Session) -> dict[str, int]:
    """How many areas each stored layer holds (layers never imported are absent)."""
    stmt = select(BOUNDARIES.c.layer, func.count()).group_by(BOUNDARIES.c.layer)
    return {str(layer): int(n) for layer, n in session.execute(stmt)}


def layer_stamp(session: Session, layer: str) -> LayerStamp:
    count, latest = session.execute(
        select(func.count(), func.max(BOUNDARIES.c.imported_at)).where(BOUNDARIES.c.layer == layer)
    ).one()
    return LayerStamp(int(count), latest)


def boundaries(
    session: Session, layer: str, codes: Iterable[str] | None = None
) -> list[BoundaryRow]:
    """The areas of ``layer`` (only ``codes`` when given), ordered by code."""
    stmt = select(*_COLUMNS).where(BOUNDARIES.c.layer == layer)
    if codes is None:
        rows = [_row(r) for r in session.execute(stmt.order_by(BOUNDARIES.c.code))]
    else:
        rows = [
            _row(r)
            for part in chunks(sorted(set(codes)))
            for r in session.execute(stmt.where(BOUNDARIES.c.code.in_(part)))
        ]
    return sorted(rows, key=lambda r: r.code)


def names(session: Session, layer: str) -> dict[str, str]:
    """code → name of every area of ``layer``."""
    stmt = select(BOUNDARIES.c.code, BOUNDARIES.c.name).where(BOUNDARIES.c.layer == layer)
    return {str(code): str(name) for code, name in session.execute(stmt)}


def name_of(session: Session, layer: str, code: str) -> str | None:
    """The stored name of one area, or None."""
    stmt = select(BOUNDARIES.c.name).where(BOUNDARIES.c.layer == layer, BOUNDARIES.c.code == code)
    name = session.execute(stmt).scalar_one_or_none()
    return None if name is None else str(name)


def postcode_area(session: Session, postcode: str) -> BoundaryRow | None:
    """The imported postcode area with this (normalised) code; else, for a single number,
    the range area covering it (Copenhagen's '1000-1499' holds '1050')."""
    stmt = select(*_COLUMNS).where(BOUNDARIES.c.layer == POSTCODES)
    row = session.execute(stmt.where(BOUNDARIES.c.code == postcode)).first()
    if row is not None:
        return _row(row)
    number = postcode_range(postcode)
    if number is not None and number[0] == number[1]:
        for candidate in session.execute(stmt.where(BOUNDARIES.c.code.like("%-%"))):
            covered = postcode_range(candidate.code)
            if covered and covered[0] <= number[0] <= covered[1]:
                return _row(candidate)
    return None


def placed_actors(session: Session, *, only_missing: bool) -> list[PlacedActor]:
    """Live actors with a point; only those without a municipality code when ``only_missing``."""
    stmt = select(ACTORS.c.pk, ACTORS.c.lat, ACTORS.c.lon, ACTORS.c.municipality_code).where(
        ACTORS.c.lat.is_not(None), ACTORS.c.lon.is_not(None), ACTORS.c.deleted_at.is_(None)
    )
    if only_missing:
        stmt = stmt.where(
            or_(ACTORS.c.municipality_code.is_(None), ACTORS.c.municipality_code == "")
        )
    return [
        PlacedActor(int(r.pk), float(r.lat), float(r.lon), r.municipality_code)
        for r in session.execute(stmt)
    ]


def set_municipality_codes(session: Session, codes: dict[int, str], author: str) -> None:
    """Give each actor (by key) its municipality code; a change like any other (version + 1,
    updated at and by)."""
    if not codes:
        return
    session.execute(
        update(ACTORS)
        .where(ACTORS.c.pk == bindparam("b_pk"))
        .values(
            municipality_code=bindparam("b_code"),
            version=ACTORS.c.version + 1,
            updated_at=database_now(session),
            updated_by=author,
        ),
        [{"b_pk": pk, "b_code": code} for pk, code in codes.items()],
    )
