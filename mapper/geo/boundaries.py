"""Reading boundary files (GeoJSON, GeoPackage, Shapefile) into simplified 2D WGS84 shapes.

Any CRS is reprojected, Z is dropped, invalid shapes are repaired, rows sharing a code are
dissolved into one (Multi)Polygon, and shapes are simplified in metres (EPSG:25832) for display.
Everything that is wrong with a file raises GeoImportError naming the file and the field.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import geopandas
import numpy as np
import pandas
import pyogrio
import pyogrio.errors
import shapely
from pyproj import CRS, Transformer
from rapidfuzz import fuzz, process, utils

from mapper.domain.errors import GeoImportError
from mapper.domain.limits import TEXT_LIMITS
from mapper.geo.layers import LAYERS, normalise_code
from mapper.geo.model import (
    SKIP_CODE_TOO_LONG,
    SKIP_EMPTY,
    SKIP_NO_CODE,
    SKIP_NOT_POLYGONAL,
    SKIP_VANISHED,
    BoundaryFile,
    BoundaryShape,
    SkippedRow,
)

Progress = Callable[[int, int], None]
"""Called as progress(done, total) once per shape; plain callbacks keep the core free of Qt."""

SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
FORMATS_HINT = (
    "GeoJSON (.geojson, .json), GeoPackage (.gpkg) or Shapefile (.shp, or a .zip holding one)"
)
WGS84 = CRS.from_epsg(4326)
METRIC = CRS.from_epsg(25832)
"""ETRS89 / UTM zone 32N, Denmark's standard projection: simplification tolerances are metres."""
GRID = 1e-6
"""Stored coordinates are rounded to 1e-6 degrees (about 0.1 m): smaller text, same shapes."""
MAX_CODE = TEXT_LIMITS["boundary"]["code"]
MAX_NAME = TEXT_LIMITS["boundary"]["name"]
"""Longer names are cut (a name is a label); a row with a longer code is skipped."""


def read_boundaries(
    path: str | Path,
    layer: str,
    *,
    code_field: str | None = None,
    name_field: str | None = None,
    progress: Progress | None = None,
) -> BoundaryFile:
    """Read one boundary layer from ``path``; raise GeoImportError on anything unusable."""
    file = str(path)
    spec = LAYERS.get(layer)
    if spec is None:
        raise GeoImportError(
            file,
            "layer",
            f"unknown layer {layer!r}",
            f"use {', '.join(LAYERS)}",
            cause="unknown_layer",
            cause_params={"layer": layer, "layers": tuple(LAYERS)},
        )
    frame = _read_frame(Path(path), file)
    if frame.empty:
        raise GeoImportError(file, None, "the file holds no features", cause="no_features")
    columns = [str(c) for c in frame.columns if c != frame.geometry.name]
    code_col = _column(file, columns, code_field, spec.code_fields, "code")
    name_col = (
        _column(file, columns, name_field, (), "name")
        if name_field is not None
        else _find(columns, spec.name_fields)
    )
    parent_col = _find(columns, spec.parent_fields)

    codes = [normalise_code(v) for v in _values(frame, code_col)]
    names = _values(frame, name_col) if name_col else [None] * len(frame)
    parents = _values(frame, parent_col) if parent_col else [None] * len(frame)
    kept, skipped = _usable_rows(file, code_col, frame.geometry.to_numpy(), codes)
    crs_name, to_metric = _projection(file, frame, [g for _, g in kept])
    groups = _groups_in_metres(file, kept, codes, crs_name, to_metric, skipped)
    to_wgs84 = _transformation(Transformer.from_crs(METRIC, WGS84, always_xy=True))
    shapes: list[BoundaryShape] = []
    for done, code in enumerate(sorted(groups), start=1):
        rows = [row for row, _ in groups[code]]
        shape = _display_shape(
            [g for _, g in groups[code]], spec.simplify_m, to_wgs84, code, _first(names, rows)
        )
        if shape is None:
            skipped.append(SkippedRow(rows[0] + 1, code, SKIP_VANISHED))
        else:
            parent = normalise_code(_first(parents, rows))
            shapes.append(replace(shape, parent_code=parent[:MAX_CODE] if parent else None))
        if progress:
            progress(done, len(groups))
    return BoundaryFile(
        layer=layer,
        file=file,
        features_read=len(frame),
        shapes=tuple(shapes),
        source_crs=crs_name,
        code_field=code_col,
        name_field=name_col,
        parent_field=parent_col,
        skipped=tuple(sorted(skipped, key=lambda s: s.row)),
    )


# --------------------------------------------------------------------------- the file


def _read_frame(source: Path, file: str) -> Any:
    if not source.exists():
        raise GeoImportError(file, None, "no such file", cause="no_such_file")
    if source.is_dir():
        raise GeoImportError(
            file, None, "is a folder, not a file", f"give a {FORMATS_HINT} file", cause="is_folder"
        )
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise GeoImportError(
            file,
            None,
            f"unsupported file type {suffix or '(none)'!r}",
            f"use {FORMATS_HINT}",
            cause="unsupported_type",
            cause_params={"suffix": suffix},
        )
    target = _shapefile_in_zip(source, file) if suffix == ".zip" else str(source)
    try:
        frame = geopandas.read_file(target, engine="pyogrio", layer=_polygon_layer(target))
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise GeoImportError(
            file, None, f"cannot read the file: {_reason(exc)}", cause="unreadable"
        ) from exc
    if not isinstance(frame, geopandas.GeoDataFrame) or frame.active_geometry_name is None:
        raise GeoImportError(
            file, "geometry", "no polygon geometries: the file has no shapes", cause="no_shapes"
        )
    return frame


def _shapefile_in_zip(source: Path, file: str) -> str:
    try:
        with zipfile.ZipFile(source) as archive:
            names = [
                n
                for n in archive.namelist()
                if n.lower().endswith(".shp") and not n.startswith("__MACOSX/")
            ]
    except (zipfile.BadZipFile, OSError) as exc:
        raise GeoImportError(
            file, None, f"not a readable zip file ({exc})", cause="bad_zip"
        ) from exc
    if not names:
        raise GeoImportError(
            file, None, "the zip file holds no shapefile (.shp)", cause="zip_without_shapefile"
        )
    if len(names) > 1:
        raise GeoImportError(
            file,
            None,
            "the zip file holds several shapefiles",
            f"unpack it and import one of {', '.join(sorted(names))}",
            cause="zip_with_several_shapefiles",
            cause_params={"names": tuple(sorted(names))},
        )
    return f"/vsizip/{source.resolve()}/{names[0]}"


def _polygon_layer(target: str) -> str | None:
    """The first polygon layer of a multi-layer source (GeoPackage); None for the only one."""
    layers = pyogrio.list_layers(target)
    if len(layers) <= 1:
        return None
    for name, geometry_type in layers:
        if geometry_type and "polygon" in str(geometry_type).lower():
            return str(name)
    return None


def _reason(exc: Exception) -> str:
    # GDAL appends advice on driver prefixes that means nothing to our users.
    return str(exc).split("; It might help", 1)[0].strip() or type(exc).__name__


def _values(frame: Any, column: str) -> list[Any]:
    # A NUL character is never meant in a code or name, and PostgreSQL stores no text with one.
    return [
        None if pandas.isna(v) else v.replace("\x00", "") if isinstance(v, str) else v
        for v in frame[column].tolist()
    ]


def _first(values: Sequence[Any], rows: Sequence[int]) -> Any:
    """The first non-empty value among ``rows`` (dissolved rows share one name and parent)."""
    for row in rows:
        value = values[row]
        if value is not None and str(value).strip():
            return value
    return None


# --------------------------------------------------------------------------- columns


def _find(columns: Sequence[str], candidates: Sequence[str]) -> str | None:
    folded: dict[str, str] = {}
    for column in columns:
        folded.setdefault(column.casefold(), column)
    for candidate in candidates:
        if candidate.casefold() in folded:
            return folded[candidate.casefold()]
    return None


def _column(
    file: str, columns: Sequence[str], given: str | None, candidates: Sequence[str], what: str
) -> str:
    wanted = (given,) if given is not None else tuple(candidates)
    found = _find(columns, wanted)
    if found is not None:
        return found
    hint = f"columns in the file: {', '.join(columns) if columns else '(none)'}"
    nearest = _nearest(columns, wanted)
    if nearest is not None:
        hint += f"; nearest: {nearest!r}"
    if given is not None:
        raise GeoImportError(
            file,
            given,
            f"no such {what} column",
            hint,
            cause="no_such_column",
            cause_params={
                "column": given,
                "what": what,
                "columns": tuple(columns),
                "nearest": nearest,
            },
        )
    raise GeoImportError(
        file,
        what,
        f"no {what} column (looked for {', '.join(candidates)})",
        hint,
        cause="no_column",
        cause_params={
            "what": what,
            "candidates": tuple(candidates),
            "columns": tuple(columns),
            "nearest": nearest,
        },
    )


def _nearest(columns: Sequence[str], wanted: Sequence[str]) -> str | None:
    best: tuple[str, float] | None = None
    for name in wanted:
        match = process.extractOne(
            name, columns, scorer=fuzz.WRatio, processor=utils.default_process
        )
        if match is not None and match[1] >= 50 and (best is None or match[1] > best[1]):
            best = (match[0], match[1])
    return best[0] if best else None


# --------------------------------------------------------------------------- geometry


def _usable_rows(
    file: str, code_col: str, geometries: Any, codes: Sequence[str | None]
) -> tuple[list[tuple[int, Any]], list[SkippedRow]]:
    """(row, polygonal geometry) of every row that can be stored, and the rows that cannot."""
    kept: list[tuple[int, Any]] = []
    skipped: list[SkippedRow] = []
    types: set[str] = set()
    for row, (geometry, code) in enumerate(zip(geometries, codes, strict=True)):
        if geometry is None or geometry.is_empty:
            skipped.append(SkippedRow(row + 1, code, SKIP_EMPTY))
            continue
        types.add(geometry.geom_type)
        polygonal = _polygonal(geometry)
        if polygonal is None:
            skipped.append(SkippedRow(row + 1, code, SKIP_NOT_POLYGONAL, geometry.geom_type))
        elif code is None:
            skipped.append(SkippedRow(row + 1, None, SKIP_NO_CODE))
        elif len(code) > MAX_CODE:
            skipped.append(SkippedRow(row + 1, code[:MAX_CODE] + "…", SKIP_CODE_TOO_LONG, code))
        else:
            kept.append((row, polygonal))
    if kept:
        return kept, skipped
    if not any(_polygonal(g) is not None for g in geometries if g is not None and not g.is_empty):
        found = ", ".join(sorted(types)) if types else "only empty geometries"
        raise GeoImportError(
            file,
            "geometry",
            "no polygon geometries",
            f"found: {found}",
            cause="no_polygons",
            cause_params={"found": tuple(sorted(types))},
        )
    raise GeoImportError(
        file,
        code_col,
        "no row with a polygon has a code",
        cause="no_coded_polygon",
        cause_params={"column": code_col},
    )


def _polygonal(geometry: Any) -> Any | None:
    """The polygons of a geometry (a collection may hold some), or None when it has none."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        p
        for p in shapely.get_parts(geometry)
        if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty
    ]
    if not parts:
        return None
    return shapely.union_all(parts)


def _projection(file: str, frame: Any, geometries: Sequence[Any]) -> tuple[str | None, Any]:
    """The source CRS's short name (None when assumed lon/lat) and a transformer to METRIC."""
    crs = frame.crs
    if crs is None:
        min_x, min_y, max_x, max_y = shapely.total_bounds(np.array(geometries, dtype=object))
        if not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
            raise GeoImportError(
                file,
                "crs",
                "the file names no coordinate reference system and its coordinates are not "
                "longitude/latitude",
                "keep the .prj file beside a shapefile, or save the file with its CRS "
                "(e.g. EPSG:25832)",
                cause="unknown_crs",
            )
        return None, Transformer.from_crs(WGS84, METRIC, always_xy=True)
    authority = crs.to_authority()
    name = f"{authority[0]}:{authority[1]}" if authority else str(crs.name)
    return name, Transformer.from_crs(crs, METRIC, always_xy=True)


def _transformation(transformer: Any) -> Callable[[Any], Any]:
    def transform(xy: Any) -> Any:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack((x, y))

    return transform


def _groups_in_metres(
    file: str,
    kept: Sequence[tuple[int, Any]],
    codes: Sequence[str | None],
    crs_name: str | None,
    to_metric: Any,
    skipped: list[SkippedRow],
) -> dict[str, list[tuple[int, Any]]]:
    """The rows' shapes in 2D, repaired and in EPSG:25832, grouped by code as (row, shape)."""
    metric = shapely.transform(
        shapely.make_valid(shapely.force_2d(np.array([g for _, g in kept], dtype=object))),
        _transformation(to_metric),
    )
    if not np.isfinite(shapely.bounds(metric)).all():
        raise GeoImportError(
            file,
            "geometry",
            f"some coordinates cannot be converted from {crs_name or 'lon/lat'}",
            cause="unconvertible_coordinates",
            cause_params={"crs": crs_name},
        )
    groups: dict[str, list[tuple[int, Any]]] = {}
    for (row, _), repaired in zip(kept, metric, strict=True):
        polygonal = _polygonal(repaired)  # repairing may leave only lines of a collapsed ring
        if polygonal is None:
            skipped.append(SkippedRow(row + 1, codes[row], SKIP_EMPTY, "degenerate polygon"))
        else:
            groups.setdefault(str(codes[row]), []).append((row, polygonal))
    return groups


def _display_shape(
    parts: Sequence[Any],
    tolerance_m: float,
    to_wgs84: Callable[[Any], Any],
    code: str,
    name: Any,
) -> BoundaryShape | None:
    """The dissolved, simplified shape in WGS84 (without parent); None if nothing is left."""
    merged = parts[0] if len(parts) == 1 else shapely.union_all(parts)
    simplified = shapely.simplify(merged, tolerance_m, preserve_topology=True)
    geometry = _polygonal(shapely.set_precision(shapely.transform(simplified, to_wgs84), GRID))
    if geometry is None or geometry.is_empty:
        return None
    point = geometry.representative_point()
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    return BoundaryShape(
        code=code,
        name=str(name).strip()[:MAX_NAME] if name is not None else code,
        parent_code=None,
        geojson=shapely.to_geojson(geometry),
        point=(float(point.y), float(point.x)),
        bbox=(float(min_lat), float(min_lon), float(max_lat), float(max_lon)),
    )
