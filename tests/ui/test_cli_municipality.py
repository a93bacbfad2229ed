"""--municipality on the command line: '561' is Esbjerg ('0561'); unknown codes exit 2 naming
the nearest; a municipality map is titled with the official name and drawn with its shape."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path, make_database: MakeDatabase) -> str:
    db = make_database("cli")
    doc = tmp_path / "landscape.json"
    doc.write_text(json.dumps(small_landscape(), ensure_ascii=False), encoding="utf-8")
    assert run("--db", db, "import", str(doc))[0] == 0
    return db


def test_a_three_digit_code_lists_the_municipality(db: str) -> None:
    code, out, _ = run("--db", db, "actors", "--municipality", "561", "--json")
    assert code == 0
    assert {a["id"] for a in json.loads(out)} == {"esb-sind", "esb-patriciahuset", "esb-vol-1"}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("actors", "--municipality", "0562"), "0561 (Esbjerg)"),
        (("export", "map", "-", "--municipality", "Esbjerg"), "0561 (Esbjerg)"),
        (("export", "geojson", "-", "--municipality", "05610"), "at most four digits"),
    ],
)
def test_an_unknown_code_exits_2_naming_the_nearest(
    db: str, argv: tuple[str, ...], expected: str
) -> None:
    code, out, err = run("--db", db, *argv)
    assert code == 2
    assert "--municipality" in err and expected in err
    assert out == ""


def test_a_municipality_map_has_its_official_name_and_its_built_in_shape(
    db: str, tmp_path: Path
) -> None:
    page = tmp_path / "esbjerg.html"
    code, _, err = run("--db", db, "export", "map", str(page), "--municipality", "561")
    assert code == 0, err
    assert "and 1 boundary shapes" in err
    html = page.read_text(encoding="utf-8")
    assert "Partnerkort: Esbjerg Kommune" in html
    assert "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI" in html


def test_a_fresh_install_draws_all_of_denmark(db: str, tmp_path: Path) -> None:
    page = tmp_path / "all.html"
    code, _, err = run("--db", db, "export", "map", str(page))
    assert code == 0, err
    assert "and 99 boundary shapes" in err
    code, _, err = run("--db", db, "export", "map", str(page), "--no-boundaries")
    assert code == 0 and "and 0 boundary shapes" in err
