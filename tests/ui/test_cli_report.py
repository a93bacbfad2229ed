"""`mapper report`: the committee report as an HTML file and a PDF, from the command line, with
a clear message and exit 2 for a municipality or a period it cannot report on."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exports.partner_map import network_links
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase, small_landscape
from ui.cli import main
from ui.report_pdf import count_pages


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(make_database: MakeDatabase) -> str:
    path = make_database("report")
    database = open_database(path)
    try:
        LandscapeService(database).import_document(small_landscape())
    finally:
        database.close()
    return path


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(path)], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        assert found is not None
        return int(found.group(1))
    return count_pages(path.read_bytes())


def test_html_report_of_a_municipality(db: str, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    code, out, err = run("--db", db, "report", "--municipality", "561", str(target))
    assert (code, out) == (0, "")
    assert "committee report for 0561 Esbjerg: 1 partnerships listed" in err
    page = target.read_text("utf-8")
    assert '<html lang="da">' in page and "Esbjerg Kommune" in page
    assert network_links(page) == []
    assert "Mette Frivillig" not in page and "Anne Jensen" not in page


def test_english_and_a_period(db: str, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = run(
        "--db", db, "report", "--municipality", "0561", str(target), "--lang", "en",
        "--from", "2026-05-01", "--to", "2026-12-31",
    )  # fmt: skip
    assert code == 0, err
    assert "0 partnerships listed" in err
    page = target.read_text("utf-8")
    assert '<html lang="en">' in page
    assert "1 May 2026 – 31 December 2026" in page
    assert "No partnerships in the period." in page


def test_pdf_has_a4_pages(db: str, tmp_path: Path, qapp: Any) -> None:
    html_file, pdf_file = tmp_path / "rapport.html", tmp_path / "rapport.pdf"
    code, _, err = run(
        "--db", db, "report", "--municipality", "0561", str(html_file), "--pdf", str(pdf_file)
    )
    assert code == 0, err
    data = pdf_file.read_bytes()
    assert data.startswith(b"%PDF")
    pages = pdf_pages(pdf_file)
    assert pages >= 3
    assert f"PDF with {pages} pages" in err
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf_file)], capture_output=True, text=True).stdout
        assert "(A4)" in info and "594.96 x 841.92 pts" in info  # portrait
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


def test_pdf_into_a_missing_folder_is_refused(db: str, tmp_path: Path, qapp: Any) -> None:
    code, _, err = run(
        "--db", db, "report", "--municipality", "0561", str(tmp_path / "r.html"),
        "--pdf", str(tmp_path / "nowhere" / "r.pdf"),
    )  # fmt: skip
    assert code == 2
    assert f"mapper report: the folder {tmp_path / 'nowhere'} does not exist" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--municipality", "0101"],
            "mapper report: no actor or problem statement lies in municipality 0101; "
            "the register's municipalities: 0561 Esbjerg",
        ),
        (["--municipality", "9999"], "argument --municipality"),
        (["--municipality", "0561", "--from", "2026-02-30"], "'2026-02-30' is no date"),
        (["--municipality", "0561", "--to", "i går"], "write it as YYYY-MM-DD"),
        (
            ["--municipality", "0561", "--from", "2026-06-01", "--to", "2026-05-31"],
            "the period ends (2026-05-31) before it starts (2026-06-01)",
        ),
        ([], "the following arguments are required: --municipality"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    db: str, tmp_path: Path, argv: list[str], message: str
) -> None:
    target = tmp_path / "r.html"
    code, out, err = run("--db", db, "report", str(target), *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert not target.exists()


def test_unwritable_file_exits_2_and_names_it(db: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.html"
    code, _, err = run("--db", db, "report", "--municipality", "0561", str(target))
    assert code == 2
    assert str(target) in err
