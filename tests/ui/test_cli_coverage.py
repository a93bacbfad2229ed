"""`mapper export coverage`, driven as a user would: the file, the message, the exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from exports.partner_map import network_links
from tests.conftest import DatabaseFactory
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(database_factory: DatabaseFactory) -> str:
    path = database_factory.url("coverage-cli")
    code, _, err = run("--db", path, "demo")
    assert code == 0, err
    return path


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("export", "coverage", "--help")
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for option in ("--target-group", "--municipality", "--level", "--lang"):
        assert option in out


def test_export_coverage_of_one_target_group(db: str, tmp_path: Path) -> None:
    target = tmp_path / "dækning.html"
    code, out, err = run(
        "--db", db, "export", "coverage", str(target), "--target-group", "mental_illness"
    )
    assert code == 0, err
    assert out == ""
    assert "coverage map of 99 municipality areas" in err
    assert "67 actors placed by their point and 0 by their code" in err
    page = target.read_text("utf-8")
    assert "<title>Dækning: Psykisk sårbare og psykisk syge</title>" in page
    assert "Hvid plet" in page
    assert network_links(page) == []


def test_english_to_standard_output_with_a_title(db: str) -> None:
    code, out, err = run(
        "--db", db, "export", "coverage", "-", "--lang", "en", "--title", "Kort & godt"
    )
    assert code == 0, err
    assert "<title>Kort &amp; godt</title>" in out
    assert "White spot" in out and "Legend" in out
    assert "-> -" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--target-group", "mental_ilness"],
            "target_group = 'mental_ilness': is not a target group of the vocabulary "
            "(did you mean 'mental_illness'?)",
        ),
        (["--municipality", "0561"], "no postcode areas are stored: import them first"),
        (["--level", "postcode"], "mapper geo import FILE --layer postcodes"),
        (["--municipality", "9999"], "no Danish municipality has this code"),
        (["--level", "region"], "invalid choice: 'region'"),
    ],
)
def test_bad_input_exits_2_saying_why(
    db: str, tmp_path: Path, argv: list[str], message: str
) -> None:
    target = tmp_path / "x.html"
    code, _, err = run("--db", db, "export", "coverage", str(target), *argv)
    assert code == 2
    assert message in err
    assert not target.exists()
