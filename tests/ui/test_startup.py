"""`mapper --help` answers at once: the command line loads the heavy libraries (maps, geometry,
data frames, migrations, SQL, schema validation) only in the commands that use them. A
behaviour test, not a timed one: each case runs in a fresh interpreter and reports which of
those libraries got imported (bench/bench_startup.py measures the time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "folium",
    "branca",
    "geopandas",
    "pandas",
    "numpy",
    "shapely",
    "pyproj",
    "alembic",
    "sqlalchemy",
    "jsonschema",
    "jsonschema_rs",
    "openpyxl",
    "PySide6",
)

PROBE = """
import contextlib, io, json, sys
from ui.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        code = main(sys.argv[1:], stdout=out, stderr=err)
    except SystemExit as exc:  # argparse's --help
        code = exc.code
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
print(json.dumps({"code": code, "heavy": heavy, "out": out.getvalue() + err.getvalue()}))
"""


def run_cli(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{PROBE}", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        (),
        ("import", "--help"),
        ("export", "map", "--help"),
        ("match", "--help"),
        ("geo", "import", "--help"),
        ("set", "--help"),
        ("dedupe", "--help"),
        ("export", "hsds", "--help"),
        ("no-such-command",),
    ],
    ids=lambda args: " ".join(args) or "(nothing)",
)
def test_help_and_mistakes_load_no_heavy_library(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result["heavy"] == [], f"mapper {' '.join(args)} imported {result['heavy']}"
    assert result["code"] in (0, 2)
    assert "usage: mapper" in str(result["out"]) or "mapper:" in str(result["out"])


def test_a_command_still_loads_what_it_needs(tmp_path: Path) -> None:
    # The lazy imports are real imports: a command that reads the database gets SQLAlchemy.
    result = run_cli("--db", str(tmp_path / "s.sqlite"), "actors", "--json")
    assert result["code"] == 0
    assert "sqlalchemy" in result["heavy"]  # type: ignore[operator]
    assert "folium" not in result["heavy"]  # type: ignore[operator]
