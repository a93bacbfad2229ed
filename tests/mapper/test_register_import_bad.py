"""Every bad register in tests/fixtures/bad_registers ends in a clear report and a database that
is unchanged (the file refused) or fully updated with the good rows (bad rows rejected by line
and column) — never half."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from mapper.domain.errors import ValidationError
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.register_import import RegisterImportService
from tests.conftest import small_landscape
from tests.fixtures.bad_registers import make

FIXTURES = Path(make.__file__).parent

REFUSED = {
    # file: (field named, words of the message)
    "utf16.csv": ("encoding", "UTF-16 text, which is not supported"),
    "utf32.csv": ("encoding", "UTF-32 text, which is not supported"),
    "empty.csv": ("file", "the file is empty"),
    "blank.csv": ("file", "the file is empty"),
    "header_only.csv": ("rows", "no rows below the header"),
    "no_header.csv": ("header", "no header row found"),
    "empty.xlsx": ("file", "the file is empty"),
    "corrupt.xlsx": ("file", "damaged"),
    "not_zip.xlsx": ("file", "not an Excel workbook"),
    "encrypted.xlsx": ("file", "protected by a password"),
    "zip_not_workbook.xlsx": ("file", "damaged or not a workbook"),
}
REJECTED = {
    # file: (line, column, problem code)
    "ragged.csv": (3, None, "ragged_row"),
    "missing_name.csv": (3, "Foreningsnavn", "required"),
    "invalid_cvr.csv": (3, "CVR-nr.", "bad_format"),
    "javascript_website.csv": (3, "Hjemmeside", "not_website"),
    "bad_email.csv": (3, "E-mail", "not_email"),
    "volunteer_public.csv": (2, "Offentlig", "volunteer_public"),
}
IMPORTED = ("unknown_postcode.csv", "formula_injection.csv", "formula_injection.xlsx")


def test_every_fixture_is_covered_and_up_to_date(tmp_path: Path) -> None:
    assert set(make.CASES) == set(REFUSED) | set(REJECTED) | set(IMPORTED)
    for path in make.build(tmp_path):
        if not path.read_bytes().startswith(b"PK"):  # a zip holds the time it was made
            assert path.read_bytes() == (FIXTURES / path.name).read_bytes(), path.name


@pytest.fixture
def stored(database: Database) -> Database:
    LandscapeService(database).import_document(small_landscape())
    return database


def snapshot(database: Database) -> tuple[dict[str, Any], list[Any]]:
    with database.engine.connect() as conn:
        mappings = list(conn.execute(text("SELECT source_key FROM import_mappings")))
    return LandscapeService(database).export_document(), mappings


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_that_is_no_register_is_refused_and_nothing_changes(
    stored: Database, name: str
) -> None:
    before = snapshot(stored)
    service = RegisterImportService(stored)
    with pytest.raises(ValidationError) as caught:
        service.import_file(FIXTURES / name)
    (problem,) = caught.value.problems
    field, words = REFUSED[name]
    assert (problem.record, problem.field) == (name, field)
    assert words in problem.message
    assert name in str(caught.value)
    assert snapshot(stored) == before
    if not name.startswith(("empty", "blank", "header_only")):
        with pytest.raises(ValidationError):
            service.preview(FIXTURES / name)


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_a_bad_row_is_rejected_by_line_and_column_and_the_good_rows_are_imported(
    stored: Database, name: str
) -> None:
    before = LandscapeService(stored).counts().actors
    summary = RegisterImportService(stored).import_file(FIXTURES / name)
    assert summary.accounted
    line, column, code = REJECTED[name]
    assert (line, column, code) in [(r.line, r.column, r.code) for r in summary.rejected_rows]
    assert summary.rejected == 1
    landscape = LandscapeService(stored)
    names = {a.name for a in landscape.list_actors()}
    bad_names = {r.cells[0] for r in summary.rejected_rows}
    assert not (names & bad_names - {""})
    if name == "volunteer_public.csv":
        assert landscape.counts().actors == before  # its only row was the volunteer
    else:
        assert "Gjesing IF" in names
        assert landscape.counts().actors == before + 1


def test_an_unknown_postcode_is_imported_and_reported(stored: Database) -> None:
    summary = RegisterImportService(stored).import_file(FIXTURES / "unknown_postcode.csv")
    assert (summary.created, summary.rejected) == (2, 0)
    assert ("location.postcode", "9999", "unknown_postcode", (3,)) in [
        (u.field, u.value, u.reason, u.lines) for u in summary.unmapped
    ]


@pytest.mark.parametrize("name", ["formula_injection.csv", "formula_injection.xlsx"])
def test_formula_cells_are_kept_as_the_text_they_are(stored: Database, name: str) -> None:
    summary = RegisterImportService(stored).import_file(FIXTURES / name)
    assert summary.rejected == 0
    landscape = LandscapeService(stored)
    names = {a.name for a in landscape.list_actors()}
    assert '=HYPERLINK("http://evil.example","Klik")' in names
