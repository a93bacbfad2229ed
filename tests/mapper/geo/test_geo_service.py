"""The geo service on a real SQLite file (and once on PostgreSQL): boundary layers stored for
offline use, replaced whole on re-import, and point lookups for actors and postcodes."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shapely
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from mapper.domain.errors import GeoImportError
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories.boundaries import BOUNDARIES, NewBoundary
from mapper.services import geo as geo_service
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from tests.mapper.geo import shapes
from tests.mapper.geo.shapes import IN_FREDERIKSBERG, IN_KOBENHAVN, OUTSIDE, write

SHARED_GEO = Path(__file__).resolve().parents[3] / ".." / "shared" / "geo"
ESBJERG = (55.4765, 8.4594)


@pytest.fixture
def geo(database: Database) -> GeoService:
    return GeoService(database)


@pytest.fixture
def copenhagen(geo: GeoService, tmp_path: Path) -> GeoService:
    """Two municipalities, their region and two postcode areas, imported as a user would."""
    geo.import_file(write(shapes.municipalities(), tmp_path / "kommuner.shp"), "municipalities")
    geo.import_file(write(shapes.regions(), tmp_path / "regioner.gpkg"), "regions")
    geo.import_file(write(shapes.postcodes(), tmp_path / "postnumre.geojson"), "postcodes")
    return geo


def test_an_import_reports_what_it_read_and_stores_the_layer(
    geo: GeoService, tmp_path: Path
) -> None:
    path = write(shapes.municipalities(), tmp_path / "kommuner.gpkg")
    calls: list[tuple[int, int]] = []

    report = geo.import_file(path, "municipalities", progress=lambda *a: calls.append(a))

    assert report.layer == "municipalities" and report.file == str(path)
    assert (report.features_read, report.shapes_stored) == (3, 2)
    assert report.codes == ("0101", "0147")
    assert report.source_crs == "EPSG:25832"
    assert report.skipped == () and report.replaced == 0
    assert 0 < report.elapsed_seconds < 10
    assert calls[-1] == (2, 2)
    assert geo.layers() == {"municipalities": 2, "regions": 0, "postcodes": 0}

    kobenhavn, frederiksberg = geo.boundaries("municipalities")
    assert (kobenhavn.layer, kobenhavn.code, kobenhavn.name) == (
        "municipalities",
        "0101",
        "København",
    )
    assert kobenhavn.parent_code == "1084"
    assert kobenhavn.geometry["type"] == "Polygon"
    assert frederiksberg.geometry["type"] == "MultiPolygon"
    assert kobenhavn.point is not None
    lat, lon = kobenhavn.point
    assert 55.6 < lat < 55.8 and 12.4 < lon < 12.7
    assert [b.code for b in geo.boundaries("municipalities", ["147"])] == ["0147"]


def test_the_stored_row_holds_a_bbox_and_a_utc_import_time(
    geo: GeoService, database: Database, tmp_path: Path
) -> None:
    geo.import_file(write(shapes.regions(), tmp_path / "r.geojson"), "regions")
    with database.unit_of_work() as session:
        row = session.execute(select(BOUNDARIES)).one()
    assert row.min_lat < row.point_lat < row.max_lat
    assert row.min_lon < row.point_lon < row.max_lon
    assert row.imported_at.tzinfo is not None


def test_reimporting_a_layer_replaces_it_entirely(copenhagen: GeoService, tmp_path: Path) -> None:
    only_frederiksberg = shapes.municipalities().iloc[[2]]
    report = copenhagen.import_file(
        write(only_frederiksberg, tmp_path / "again.geojson"), "municipalities"
    )
    assert report.replaced == 2 and report.shapes_stored == 1
    assert [b.code for b in copenhagen.boundaries("municipalities")] == ["0147"]
    assert copenhagen.layers() == {"municipalities": 1, "regions": 1, "postcodes": 2}
    # The cached lookup index follows the new layer.
    assert copenhagen.municipality_of(*IN_KOBENHAVN) is None


@pytest.mark.parametrize(
    ("frame", "name", "field"),
    [
        (None, "broken.geojson", None),
        (shapes.municipalities().rename(columns={"KOMKODE": "nr"}), "k.geojson", "code"),
        (shapes.points(), "points.gpkg", "geometry"),
    ],
)
def test_a_failed_import_leaves_the_previous_layer_untouched(
    copenhagen: GeoService, tmp_path: Path, frame: Any, name: str, field: str | None
) -> None:
    before = copenhagen.boundaries("municipalities")
    path = tmp_path / name
    if frame is None:
        path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feat')
    else:
        write(frame, path)

    with pytest.raises(GeoImportError) as caught:
        copenhagen.import_file(path, "municipalities")

    assert caught.value.file == str(path) and caught.value.field == field
    assert copenhagen.boundaries("municipalities") == before
    assert copenhagen.municipality_of(*IN_KOBENHAVN) == "0101"


def test_a_database_error_while_writing_rolls_the_whole_layer_back(
    copenhagen: GeoService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = copenhagen.boundaries("municipalities")
    real_row = geo_service._row

    def second_row_breaks(layer: str, shape: Any, now: Any) -> NewBoundary:
        row = real_row(layer, shape, now)
        return replace(row, name=None) if shape.code == "0147" else row

    monkeypatch.setattr(geo_service, "_row", second_row_breaks)
    with pytest.raises(IntegrityError):
        copenhagen.import_file(
            write(shapes.municipalities(), tmp_path / "k.geojson"), "municipalities"
        )
    assert copenhagen.boundaries("municipalities") == before


def test_a_point_gets_its_municipality(copenhagen: GeoService, database: Database) -> None:
    assert copenhagen.municipality_of(*IN_KOBENHAVN) == "0101"
    assert copenhagen.municipality_of(*IN_FREDERIKSBERG) == "0147"
    assert copenhagen.municipality_of(*OUTSIDE) is None
    # A new service on the same database sees the same layer.
    assert GeoService(database).municipality_of(*IN_FREDERIKSBERG) == "0147"


def test_municipality_of_without_any_layer_is_none(geo: GeoService) -> None:
    assert geo.municipality_of(*IN_KOBENHAVN) is None
    assert geo.locate(*IN_KOBENHAVN) == {}


def test_locate_names_the_area_of_every_imported_layer(copenhagen: GeoService) -> None:
    places = copenhagen.locate(*IN_FREDERIKSBERG)
    assert {layer: (p.code, p.name) if p else None for layer, p in places.items()} == {
        "municipalities": ("0147", "Frederiksberg"),
        "regions": ("1084", "Region Hovedstaden"),
        "postcodes": ("2000", "Frederiksberg"),
    }
    assert all(place is None for place in copenhagen.locate(*OUTSIDE).values())


def test_a_postcode_inside_a_copenhagen_range_resolves(copenhagen: GeoService) -> None:
    kobenhavn_k = copenhagen.postcode_point("1000-1499")
    assert kobenhavn_k is not None
    for postcode in ("1000", "1050", "1499", " 1050 "):
        assert copenhagen.postcode_point(postcode) == kobenhavn_k
    frederiksberg = copenhagen.postcode_point("2000")
    assert frederiksberg is not None
    assert copenhagen.municipality_of(*frederiksberg) == "0147"
    assert copenhagen.postcode_point("1500") is None
    assert copenhagen.postcode_point("Esbjerg") is None
    (parent,) = {b.parent_code for b in copenhagen.boundaries("postcodes", ["2000"])}
    assert parent == "0147"


def actor(uid: str, lat_lon: tuple[float, float] | None, code: str | None) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if lat_lon:
        location.update(lat=lat_lon[0], lon=lat_lon[1])
    if code:
        location["municipality_code"] = code
    return {"id": uid, "name": uid, "kind": "local_association", "location": location}


def test_actors_without_a_municipality_get_it_from_their_point(
    copenhagen: GeoService, service: LandscapeService, database: Database
) -> None:
    service.import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                actor("kbh", IN_KOBENHAVN, None),
                actor("frb-wrong", IN_FREDERIKSBERG, "0101"),
                actor("at-sea", OUTSIDE, None),
                actor("no-point", None, None),
            ],
        }
    )
    with database.unit_of_work() as session:
        revision = store.change_stamp(session)

    def codes() -> dict[str, str | None]:
        return {a.id: a.municipality_code for a in service.list_actors()}

    assert copenhagen.assign_municipalities() == 1
    assert codes() == {"kbh": "0101", "frb-wrong": "0101", "at-sea": None, "no-point": None}
    with database.unit_of_work() as session:
        rows = session.execute(select(store.ACTORS.c.uid, store.ACTORS.c.version))
        versions = {uid: version for uid, version in rows}
        assert versions == {"kbh": 2, "frb-wrong": 1, "at-sea": 1, "no-point": 1}
        assert store.change_stamp(session) != revision
        revision = store.change_stamp(session)

    assert copenhagen.assign_municipalities() == 0  # nothing left to do: no new revision
    with database.unit_of_work() as session:
        assert store.change_stamp(session) == revision

    assert copenhagen.assign_municipalities(only_missing=False) == 1
    assert codes()["frb-wrong"] == "0147"


def test_a_deleted_actor_gets_no_municipality(
    copenhagen: GeoService, service: LandscapeService, database: Database
) -> None:
    service.import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [actor("kbh", IN_KOBENHAVN, None), actor("gone", IN_FREDERIKSBERG, None)],
        }
    )
    with database.unit_of_work() as session:
        session.execute(
            update(store.ACTORS)
            .where(store.ACTORS.c.uid == "gone")
            .values(deleted_at=func.current_timestamp(), version=store.ACTORS.c.version + 1)
        )
    assert copenhagen.assign_municipalities() == 1
    with database.unit_of_work() as session:
        rows = session.execute(select(store.ACTORS.c.uid, store.ACTORS.c.municipality_code))
        assert {uid: code for uid, code in rows} == {"kbh": "0101", "gone": None}


def test_assigning_without_municipalities_changes_nothing(
    geo: GeoService, service: LandscapeService
) -> None:
    service.import_document(
        {"format": "mapper-landscape", "version": 1, "actors": [actor("a", IN_KOBENHAVN, None)]}
    )
    assert geo.assign_municipalities() == 0


def test_an_unknown_layer_is_refused(geo: GeoService) -> None:
    with pytest.raises(ValueError, match="parishes"):
        geo.boundaries("parishes")


@pytest.mark.postgres
def test_boundaries_round_trip_on_postgresql(pg_database: Database, tmp_path: Path) -> None:
    geo = GeoService(pg_database)
    geo.import_file(write(shapes.municipalities(), tmp_path / "k.geojson"), "municipalities")
    geo.import_file(write(shapes.postcodes(), tmp_path / "p.geojson"), "postcodes")
    report = geo.import_file(write(shapes.municipalities(), tmp_path / "k.shp"), "municipalities")
    assert report.replaced == 2
    assert geo.layers() == {"municipalities": 2, "regions": 0, "postcodes": 2}
    assert geo.municipality_of(*IN_FREDERIKSBERG) == "0147"
    assert geo.postcode_point("1050") == geo.postcode_point("1000-1499") is not None
    shape = shapely.geometry.shape(geo.boundaries("municipalities", ["0101"])[0].geometry)
    assert shape.contains(shapely.Point(IN_KOBENHAVN[1], IN_KOBENHAVN[0]))


def test_the_real_dagi_municipalities(geo: GeoService) -> None:
    path = SHARED_GEO / "kommuner.geojson"
    if not path.is_file():
        pytest.skip(f"the shared DAGI extract is not here: {SHARED_GEO.resolve()}")
    started = time.perf_counter()
    report = geo.import_file(path, "municipalities")
    assert report.shapes_stored == 99 and report.skipped == ()
    assert report.codes[0] == "0101" and "0411" in report.codes
    assert geo.municipality_of(*ESBJERG) == "0561"
    assert time.perf_counter() - started < 10
