"""Reading boundary files: formats, reprojection, Z, dissolving, simplification, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas
import pytest
import shapely
from shapely.geometry import Point, shape

from mapper.domain.errors import GeoImportError
from mapper.geo.boundaries import read_boundaries
from mapper.geo.model import SKIP_EMPTY, SKIP_NO_CODE, SKIP_NOT_POLYGONAL
from tests.mapper.geo import shapes
from tests.mapper.geo.shapes import IN_FREDERIKSBERG, IN_KOBENHAVN, municipalities, write

FORMATS = ["kommuner.geojson", "kommuner.json", "kommuner.gpkg", "kommuner.shp", "kommuner.zip"]


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_reads_to_dissolved_2d_wgs84_shapes(tmp_path: Path, name: str) -> None:
    read = read_boundaries(write(municipalities(), tmp_path / name), "municipalities")

    assert read.features_read == 3
    assert [s.code for s in read.shapes] == ["0101", "0147"]
    assert [s.name for s in read.shapes] == ["København", "Frederiksberg"]
    assert [s.parent_code for s in read.shapes] == ["1084", "1084"]
    assert read.source_crs == "EPSG:25832"
    assert (read.code_field, read.name_field, read.parent_field) == (
        "KOMKODE",
        "KOMNAVN",
        "REGIONKODE",
    )
    assert read.skipped == ()
    for s in read.shapes:
        geometry = shapely.from_geojson(s.geojson)
        assert not geometry.has_z
        assert geometry.is_valid
        min_lat, min_lon, max_lat, max_lon = s.bbox
        assert 54.5 < min_lat < max_lat < 58 and 8 < min_lon < max_lon < 15.5
        assert geometry.contains(Point(s.point[1], s.point[0]))
    # København's two rows became one polygon; Frederiksberg keeps its two parts.
    assert json.loads(read.shapes[0].geojson)["type"] == "Polygon"
    assert json.loads(read.shapes[1].geojson)["type"] == "MultiPolygon"
    kobenhavn = shape(json.loads(read.shapes[0].geojson))
    assert kobenhavn.contains(Point(IN_KOBENHAVN[1], IN_KOBENHAVN[0]))
    assert not kobenhavn.contains(Point(IN_FREDERIKSBERG[1], IN_FREDERIKSBERG[0]))


def test_numeric_codes_become_zero_padded_text(tmp_path: Path) -> None:
    path = write(municipalities(codes_as_numbers=True), tmp_path / "k.shp")
    assert [s.code for s in read_boundaries(path, "municipalities").shapes] == ["0101", "0147"]


def test_shapes_are_simplified_in_metres_but_keep_their_extent(tmp_path: Path) -> None:
    # A 2 km square with a 10 m notch: the notch is below the 50 m tolerance and goes.
    x, y = shapes.X0, shapes.Y0
    ring = [(x, y), (x + 1000, y), (x + 1000, y + 10), (x + 1010, y + 10), (x + 1010, y)]
    ring += [(x + 2000, y), (x + 2000, y + 2000), (x, y + 2000)]
    frame = geopandas.GeoDataFrame(
        {"kommunekode": ["101"]}, geometry=[shapely.Polygon(ring)], crs="EPSG:25832"
    )
    read = read_boundaries(write(frame, tmp_path / "notch.geojson"), "municipalities")
    geometry = shapely.from_geojson(read.shapes[0].geojson)
    assert len(geometry.exterior.coords) == 5
    assert read.shapes[0].name == "0101"  # no name column: the code stands in


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_a_file_without_crs_in_lon_lat_is_taken_as_wgs84(tmp_path: Path) -> None:
    frame = municipalities().to_crs(4326).set_crs(None, allow_override=True)
    read = read_boundaries(write(frame, tmp_path / "k.shp"), "municipalities")
    assert read.source_crs is None
    assert [s.code for s in read.shapes] == ["0101", "0147"]


def test_a_file_without_crs_in_metres_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = write(municipalities(), tmp_path / "k.shp")
    path.with_suffix(".prj").unlink()
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities")
    assert caught.value.file == str(path)
    assert caught.value.field == "crs"
    assert "not longitude/latitude" in str(caught.value)


def test_a_missing_code_column_lists_the_columns_and_the_nearest(tmp_path: Path) -> None:
    frame = municipalities().rename(columns={"KOMKODE": "kommune_kode"})
    path = write(frame, tmp_path / "k.geojson")
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities")
    error = caught.value
    assert (error.file, error.field) == (str(path), "code")
    assert "kommunekode" in error.message
    assert error.hint is not None
    assert "kommune_kode, KOMNAVN, REGIONKODE" in error.hint
    assert "nearest: 'kommune_kode'" in error.hint
    assert "nothing was imported" in str(error)


def test_code_and_name_columns_can_be_named(tmp_path: Path) -> None:
    frame = municipalities().rename(columns={"KOMKODE": "nr", "KOMNAVN": "titel"})
    path = write(frame, tmp_path / "k.gpkg")
    read = read_boundaries(path, "municipalities", code_field="nr", name_field="titel")
    assert [(s.code, s.name) for s in read.shapes] == [
        ("0101", "København"),
        ("0147", "Frederiksberg"),
    ]
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities", code_field="nr", name_field="navn")
    assert caught.value.field == "navn"


def test_rows_without_code_or_geometry_are_skipped_with_reasons(tmp_path: Path) -> None:
    frame = geopandas.GeoDataFrame(
        {"postnr": ["2000", None, "2100", "2200"]},
        geometry=[
            shapes.square(shapes.X0, shapes.Y0, 500, 500),
            shapes.square(shapes.X0 + 600, shapes.Y0, 500, 500),
            None,
            Point(shapes.X0, shapes.Y0),
        ],
        crs="EPSG:25832",
    )
    read = read_boundaries(write(frame, tmp_path / "p.gpkg"), "postcodes")
    assert [s.code for s in read.shapes] == ["2000"]
    assert [(s.row, s.code, s.reason) for s in read.skipped] == [
        (2, None, SKIP_NO_CODE),
        (3, "2100", SKIP_EMPTY),
        (4, "2200", SKIP_NOT_POLYGONAL),
    ]


def test_a_file_of_points_has_no_polygons(tmp_path: Path) -> None:
    path = write(shapes.points(), tmp_path / "points.geojson")
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities")
    assert caught.value.field == "geometry"
    assert "no polygon geometries" in str(caught.value) and "Point" in str(caught.value)


def test_a_geopackage_with_several_layers_uses_the_polygon_layer(tmp_path: Path) -> None:
    path = tmp_path / "both.gpkg"
    shapes.points().to_file(path, layer="punkter", engine="pyogrio")
    municipalities().to_file(path, layer="kommuner", engine="pyogrio")
    assert len(read_boundaries(path, "municipalities").shapes) == 2


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.geojson", None, "no such file"),
        ("corrupt.geojson", b'{"type": "FeatureCollection", "features": [', "cannot read"),
        ("corrupt.gpkg", b"not a database at all", "cannot read"),
        ("corrupt.zip", b"PK but not really", "not a readable zip file"),
        ("notes.txt", b"hello", "unsupported file type '.txt'"),
        ("empty.geojson", b'{"type": "FeatureCollection", "features": []}', "no features"),
    ],
)
def test_unreadable_files_are_errors_naming_the_file(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GeoImportError) as caught:
        read_boundaries(path, "municipalities")
    assert caught.value.file == str(path)
    assert expected in str(caught.value)


def test_progress_is_reported_once_per_shape(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    read_boundaries(
        write(municipalities(), tmp_path / "k.geojson"),
        "municipalities",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(1, 2), (2, 2)]


def test_an_unknown_layer_is_an_error() -> None:
    with pytest.raises(GeoImportError) as caught:
        read_boundaries("k.geojson", "parishes")
    assert caught.value.field == "layer"
