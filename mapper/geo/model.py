"""What reading a boundary file yields: shapes ready to store, and the rows left out."""

from __future__ import annotations

from dataclasses import dataclass

# Why a row of the file was not stored (SkippedRow.reason); the CLI and UI word them.
SKIP_NO_CODE = "no_code"
SKIP_CODE_TOO_LONG = "code_too_long"
SKIP_EMPTY = "empty_geometry"
SKIP_NOT_POLYGONAL = "not_polygonal"
SKIP_VANISHED = "vanished_when_simplified"


@dataclass(frozen=True)
class BoundaryShape:
    """One area as it is stored: a dissolved, simplified 2D shape in WGS84."""

    code: str
    name: str
    parent_code: str | None
    geojson: str
    """GeoJSON geometry (Polygon or MultiPolygon), longitude/latitude."""
    point: tuple[float, float]
    """(lat, lon) of a point guaranteed to lie inside the shape."""
    bbox: tuple[float, float, float, float]
    """(min_lat, min_lon, max_lat, max_lon)"""


@dataclass(frozen=True)
class SkippedRow:
    """A row of the file that was not stored, and why (one of the SKIP_* codes)."""

    row: int
    """1-based position of the feature in the file."""
    code: str | None
    reason: str
    detail: str | None = None
    """The geometry type of a non-polygonal row, the code that was too long …"""


@dataclass(frozen=True)
class BoundaryFile:
    """What was read from a boundary file, ready to store."""

    layer: str
    file: str
    features_read: int
    shapes: tuple[BoundaryShape, ...]
    """Sorted by code, one per code."""
    source_crs: str | None
    """'EPSG:25832', 'OGC:CRS84' …; None when the file named none and lon/lat was assumed."""
    code_field: str
    name_field: str | None
    parent_field: str | None
    skipped: tuple[SkippedRow, ...]
