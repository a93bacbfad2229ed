"""De-duplication quality on the labelled messy association lists (tests/fixtures/registers).

A quality floor, not a timing: precision and recall of the pairs find_all_duplicates proposes
(scores from REVIEW up) against the labelled truth, the way bench/evaluate_dedupe.py reports
them for the README.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tests.fixtures.registers import make

ROOT = Path(__file__).resolve().parents[2]
REGISTERS = ROOT / "tests" / "fixtures" / "registers"
sys.path.insert(0, str(ROOT / "bench"))

import evaluate_dedupe  # noqa: E402


def test_precision_and_recall_on_the_labelled_lists() -> None:
    quality, _, _ = evaluate_dedupe.evaluate(REGISTERS)
    assert quality.rows > 300
    assert quality.true_pairs > 400
    assert quality.precision >= 0.95, quality
    assert quality.recall >= 0.90, quality
    # What is merged without asking is right.
    assert quality.merge_precision >= 0.99, quality


def test_near_names_of_different_associations_are_never_merged() -> None:
    _, pairs, _ = evaluate_dedupe.evaluate(REGISTERS)
    _, truth = evaluate_dedupe.labelled_actors(REGISTERS)
    labels = json.loads((REGISTERS / "labels.json").read_text("utf-8"))
    traps = {key for key, e in labels["entities"].items() if e["near_name_trap"]}
    assert len(traps) >= 20
    for pair in pairs:
        entities = {truth[pair.first_id], truth[pair.second_id]}
        if len(entities) == 2 and entities <= traps:
            pytest.fail(f"two near-name associations proposed as one: {pair}")


def test_the_files_are_as_messy_as_labelled() -> None:
    labels = json.loads((REGISTERS / "labels.json").read_text("utf-8"))
    files = labels["files"]
    assert set(files) == {
        "conventus.csv",
        "foreningsportalen.csv",
        "frivilligcenter.xlsx",
        "frivilligcenter.csv",
        "tilskud.tsv",
    }
    conventus = (REGISTERS / "conventus.csv").read_bytes()
    assert conventus.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert conventus.decode("utf-8-sig").splitlines()[0].startswith("Medlemsforeninger")
    portal = (REGISTERS / "foreningsportalen.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        portal.decode("utf-8")  # Windows-1252: æ ø å as single bytes
    assert "Ældre Sagen" in portal.decode("cp1252")
    assert "\t" in (REGISTERS / "tilskud.tsv").read_text("utf-8").splitlines()[1]
    problems = {row.get("problem") for _, row in make.rows_of(labels)} - {None}
    assert {"missing_name", "bad_postcode", "invalid_cvr", "bad_email", "blank"} <= problems
    # Every row is labelled, with its physical line.
    for file, spec in files.items():
        lines = [row["line"] for row in spec["rows"]]
        assert lines == sorted(set(lines)), file
        assert lines[0] > spec["header_line"], file


def test_the_xlsx_and_its_csv_hold_the_same_rows() -> None:
    from openpyxl import load_workbook

    book = load_workbook(REGISTERS / "frivilligcenter.xlsx", read_only=True)
    try:
        assert book.sheetnames == ["Foreninger", "Noter"]
        sheet_rows = [
            ["" if v is None else str(v) for v in row]
            for row in book["Foreninger"].iter_rows(min_row=3, values_only=True)
        ]
    finally:
        book.close()
    text = (REGISTERS / "frivilligcenter.csv").read_text("utf-8")
    csv_rows = list(csv.reader(io.StringIO(text, newline="")))
    assert sheet_rows == csv_rows


def test_make_writes_the_same_files_again(tmp_path: Path) -> None:
    labels = make.write(tmp_path)
    assert labels == json.loads((REGISTERS / "labels.json").read_text("utf-8"))
    for name in labels["files"]:
        if not name.endswith(".xlsx"):
            assert (tmp_path / name).read_bytes() == (REGISTERS / name).read_bytes(), name
