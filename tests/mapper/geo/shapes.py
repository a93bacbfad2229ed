"""Tiny boundary files built by the tests themselves: two neighbouring municipalities in
Copenhagen, drawn in EPSG:25832 with Z coordinates, and their region and postcodes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import geopandas
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point, Polygon

# South-west corner of København's test square, in metres (EPSG:25832): about 55.67 N, 12.55 E.
X0, Y0 = Transformer.from_crs(4326, 25832, always_xy=True).transform(12.55, 55.67)
SIDE = 2000.0


def square(x: float, y: float, width: float, height: float, z: float | None = 10.0) -> Polygon:
    corners = [(x, y), (x + width, y), (x + width, y + height), (x, y + height)]
    return Polygon([(*c, z) for c in corners] if z is not None else corners)


def lat_lon(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) of a point given in metres from the south-west corner."""
    lon, lat = Transformer.from_crs(25832, 4326, always_xy=True).transform(X0 + x, Y0 + y)
    return lat, lon


# Points (lat, lon) inside each test municipality, and outside both.
IN_KOBENHAVN = lat_lon(500, 1000)
IN_FREDERIKSBERG = lat_lon(3000, 1000)
OUTSIDE = lat_lon(10_000, 10_000)


def municipalities(*, codes_as_numbers: bool = False) -> Any:
    """København split into two rows (west and east half), Frederiksberg as a MultiPolygon."""
    west = square(X0, Y0, SIDE / 2, SIDE)
    east = square(X0 + SIDE / 2, Y0, SIDE / 2, SIDE)
    frederiksberg = MultiPolygon(
        [square(X0 + SIDE, Y0, SIDE, SIDE), square(X0 + SIDE, Y0 + 3 * SIDE, 100, 100)]
    )
    codes: list[Any] = [101, 101, 147] if codes_as_numbers else ["101", "0101", "0147"]
    return geopandas.GeoDataFrame(
        {
            "KOMKODE": codes,
            "KOMNAVN": ["København", "København", "Frederiksberg"],
            "REGIONKODE": ["1084", "1084", "1084"],
        },
        geometry=[west, east, frederiksberg],
        crs="EPSG:25832",
    )


def regions() -> Any:
    return geopandas.GeoDataFrame(
        {"regionskode": ["1084"], "navn": ["Region Hovedstaden"]},
        geometry=[square(X0, Y0, 2 * SIDE, SIDE)],
        crs="EPSG:25832",
    )


def postcodes() -> Any:
    """Copenhagen's range '1000-1499' over København, '2000' over Frederiksberg."""
    return geopandas.GeoDataFrame(
        {
            "postnr": ["1000-1499", "2000"],
            "navn": ["København K", "Frederiksberg"],
            "kommunekode": ["101", "147"],
        },
        geometry=[square(X0, Y0, SIDE, SIDE), square(X0 + SIDE, Y0, SIDE, SIDE)],
        crs="EPSG:25832",
    )


def points() -> Any:
    return geopandas.GeoDataFrame(
        {"kommunekode": ["0101"]}, geometry=[Point(X0, Y0)], crs="EPSG:25832"
    )


def write(frame: Any, path: Path) -> Path:
    """``frame`` as GeoJSON, GeoPackage or Shapefile (by suffix); '.zip' zips a shapefile."""
    if path.suffix == ".zip":
        folder = path.parent / f"{path.stem}-shp"
        folder.mkdir()
        write(frame, folder / f"{path.stem}.shp")
        with zipfile.ZipFile(path, "w") as archive:
            for part in sorted(folder.iterdir()):
                archive.write(part, f"{path.stem}/{part.name}")
        return path
    frame.to_file(path, engine="pyogrio")
    return path
