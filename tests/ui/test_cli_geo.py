"""The geo commands of the CLI: import, layers, assign-municipalities, locate, postcode."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import MakeDatabase
from tests.mapper.geo import shapes
from tests.mapper.geo.shapes import IN_FREDERIKSBERG, IN_KOBENHAVN, OUTSIDE, write
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    return make_database("geo")


@pytest.fixture
def imported(db: str, tmp_path: Path) -> str:
    for frame, name, layer in (
        (shapes.municipalities(), "kommuner.shp", "municipalities"),
        (shapes.regions(), "regioner.geojson", "regions"),
        (shapes.postcodes(), "postnumre.gpkg", "postcodes"),
    ):
        code, _, err = run(
            "--db", db, "geo", "import", str(write(frame, tmp_path / name)), "--layer", layer
        )
        assert code == 0, err
    return db


def test_import_reports_counts_crs_columns_and_skipped_rows(db: str, tmp_path: Path) -> None:
    frame = shapes.municipalities()
    frame.loc[1, "KOMKODE"] = None
    path = write(frame, tmp_path / "kommuner.geojson")

    code, out, err = run("--db", db, "geo", "import", str(path), "--layer", "municipalities")

    assert code == 0 and out == ""
    assert f"imported municipalities from {path}: 2 shapes from 3 features" in err
    assert "(CRS EPSG:25832)" in err
    assert "columns: code KOMKODE, name KOMNAVN, parent REGIONKODE" in err
    assert "skipped 1 row:\n    row 2: no code" in err

    code, _, err = run("--db", db, "geo", "import", str(path), "--layer", "municipalities")
    assert code == 0 and "replaced the 2 shapes imported before" in err


def test_layers_lists_counts(imported: str) -> None:
    code, out, _ = run("--db", imported, "geo", "layers", "--json")
    assert code == 0
    assert json.loads(out) == {"municipalities": 2, "regions": 1, "postcodes": 2}
    code, out, _ = run("--db", imported, "geo", "layers")
    assert out.splitlines()[0].split() == ["municipalities", "2"]


def test_locate_names_municipality_region_and_postcode(imported: str) -> None:
    lat, lon = (str(v) for v in IN_FREDERIKSBERG)
    code, out, _ = run("--db", imported, "geo", "locate", lat, lon, "--json")
    assert code == 0
    assert json.loads(out) == {
        "lat": IN_FREDERIKSBERG[0],
        "lon": IN_FREDERIKSBERG[1],
        "municipalities": {"code": "0147", "name": "Frederiksberg"},
        "regions": {"code": "1084", "name": "Region Hovedstaden"},
        "postcodes": {"code": "2000", "name": "Frederiksberg"},
    }
    code, out, _ = run("--db", imported, "geo", "locate", *(str(v) for v in OUTSIDE))
    assert code == 0 and out.splitlines()[0].split() == ["municipalities", "-"]
    code, _, err = run("--db", imported, "geo", "locate", "95", "8")
    assert code == 2 and "not a latitude and longitude" in err


def test_postcode_gives_a_point_also_inside_a_range(imported: str) -> None:
    code, out, _ = run("--db", imported, "geo", "postcode", "1050", "--json")
    assert code == 0
    point = json.loads(out)
    code, out, _ = run("--db", imported, "geo", "locate", str(point["lat"]), str(point["lon"]))
    assert "1000-1499" in out and "0101" in out
    code, out, _ = run("--db", imported, "geo", "postcode", "1050")
    assert code == 0 and len(out.split()) == 2
    code, _, err = run("--db", imported, "geo", "postcode", "0000")
    assert code == 2 and "postcode '0000' is neither in the imported postcodes" in err


def test_postcode_answers_from_the_built_in_list_without_any_import(db: str) -> None:
    code, out, _ = run("--db", db, "geo", "postcode", "6760", "--json")
    assert code == 0
    ribe = json.loads(out)
    assert (ribe["city"], ribe["municipality_code"], ribe["source"]) == ("Ribe", "0561", "built-in")
    assert (ribe["lat"], ribe["lon"]) == pytest.approx((55.32, 8.78), abs=0.05)


def test_assign_municipalities_counts_the_actors_that_got_one(
    imported: str, tmp_path: Path
) -> None:
    document = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": "kbh",
                "name": "Foreningen i København",
                "kind": "local_association",
                "location": {"lat": IN_KOBENHAVN[0], "lon": IN_KOBENHAVN[1]},
            }
        ],
    }
    (tmp_path / "doc.json").write_text(json.dumps(document))
    assert run("--db", imported, "import", str(tmp_path / "doc.json"))[0] == 0

    code, _, err = run("--db", imported, "geo", "assign-municipalities")
    assert code == 0 and "1 actor got a municipality" in err
    code, _, err = run("--db", imported, "geo", "assign-municipalities", "--all")
    assert code == 0 and "0 actors got a municipality" in err
    actors = json.loads(run("--db", imported, "actors", "--json")[1])
    assert actors[0]["municipality_code"] == "0101"


def test_commands_needing_a_layer_say_how_to_import_one(db: str) -> None:
    for argv in (
        ("assign-municipalities",),
        ("locate", "55.5", "8.5"),
    ):
        code, _, err = run("--db", db, "geo", *argv)
        assert code == 2, argv
        assert "imported yet" in err and "mapper geo import FILE --layer" in err


def test_bad_input_exits_2_naming_file_and_field(db: str, tmp_path: Path) -> None:
    path = write(shapes.municipalities(), tmp_path / "k.geojson")
    code, _, err = run(
        "--db",
        db,
        "geo",
        "import",
        str(path),
        "--layer",
        "municipalities",
        "--code-field",
        "KOMKOD",
    )
    assert code == 2
    assert f"mapper: {path}: KOMKOD: no such code column" in err
    assert "nearest: 'KOMKODE'" in err and "nothing was imported" in err
    assert "--code-field COLUMN" in err

    missing = tmp_path / "missing.shp"
    code, _, err = run("--db", db, "geo", "import", str(missing), "--layer", "regions")
    assert code == 2 and f"{missing}: no such file" in err

    code, _, err = run("--db", db, "geo", "import", str(path), "--layer", "parishes")
    assert code == 2 and "invalid choice: 'parishes'" in err
    assert json.loads(run("--db", db, "geo", "layers", "--json")[1])["municipalities"] == 0


def test_importing_municipalities_assigns_them_to_actors_without_one(tmp_path: Path) -> None:
    path = write(shapes.municipalities(), tmp_path / "kommuner.geojson")
    db = str(tmp_path / "assign.sqlite")
    lat, lon = IN_KOBENHAVN
    doc = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": "a",
                "name": "Uden kommune",
                "kind": "company",
                "location": {"lat": lat, "lon": lon},
            }
        ],
    }
    doc_path = tmp_path / "doc.json"
    doc_path.write_text(json.dumps(doc), encoding="utf-8")
    assert (
        main(["--db", db, "import", str(doc_path)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    )
    err = io.StringIO()
    assert (
        main(
            ["--db", db, "geo", "import", str(path), "--layer", "municipalities"],
            stdout=io.StringIO(),
            stderr=err,
        )
        == 0
    )
    assert "1 actors without a municipality got one" in err.getvalue()
