"""Reading registers as tables: Danish Excel's CSV (encodings, delimiters, title lines) and XLSX
(worksheets, numbers and dates as a person sees them), rows streamed with their line."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from mapper.domain.errors import ValidationError
from mapper.io.tabular import cell_text, open_table, sniff_delimiter, write_rejected_csv

HEADER = ["Foreningsnavn", "Type", "Postnr.", "By"]
ROWS = [
    ["Gjesing IF", "Idrætsforening", "6700", "Esbjerg"],
    ["Kvaglund Lektiecafé", "forening", "6705", "Esbjerg Ø"],
    ["Ældre Sagen Ribe", "Frivillig organisation", "6760", "Ribe"],
]


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    above: str = "",
) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((above + out.getvalue()).encode(encoding))
    return path


def cells(path: Path, **options: object) -> list[tuple[int, tuple[str, ...]]]:
    return [(r.line, r.cells) for r in open_table(path, **options).rows()]  # type: ignore[arg-type]


def refused(path: Path, **options: object) -> tuple[str, str, str]:
    with pytest.raises(ValidationError) as caught:
        open_table(path, **options)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert caught.value.source == path.name
    return problem.record, problem.field, problem.message


# --------------------------------------------------------------------------- CSV encodings


@pytest.mark.parametrize(
    ("encoding", "written", "found"),
    [
        ("utf-8", "utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig", "utf-8-sig"),
        ("cp1252", "cp1252", "cp1252"),
        ("latin-1 with a byte cp1252 leaves undefined", "latin-1", "latin-1"),
    ],
)
def test_the_encoding_is_found_and_danish_letters_survive(
    tmp_path: Path, encoding: str, written: str, found: str
) -> None:
    rows = [HEADER, *ROWS]
    if found == "latin-1":
        rows = [*rows, ["Forening \x81", "forening", "6700", "Esbjerg"]]
    path = write_csv(tmp_path / "r.csv", rows, encoding=written)
    table = open_table(path)
    assert table.info.encoding == found
    assert [r.cells for r in table.rows()][:3] == [tuple(r) for r in ROWS]


@pytest.mark.parametrize(
    ("codec", "bom", "label"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
        ("utf-16-le", b"", "UTF-16"),  # Excel's "Unicode text" without a BOM
    ],
)
def test_wide_encodings_are_refused_naming_the_file(
    tmp_path: Path, codec: str, bom: bytes, label: str
) -> None:
    path = tmp_path / "foreninger.csv"
    path.write_bytes(bom + "Navn;By\r\nGjesing IF;Esbjerg\r\n".encode(codec))
    record, field, message = refused(path)
    assert (record, field) == ("foreninger.csv", "encoding")
    assert f"{label} text, which is not supported" in message


def test_an_encoding_given_that_does_not_fit_names_the_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS], encoding="cp1252")
    with pytest.raises(ValidationError) as caught:
        list(open_table(path, encoding="utf-8").rows())
    (problem,) = caught.value.problems
    assert problem.field == "line 2"
    assert "cannot be read as utf-8" in problem.message


def test_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    assert refused(path, encoding="klingon")[1] == "encoding"


# --------------------------------------------------------------------------- delimiters


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [HEADER, *ROWS, ["Sydvest, Spejd; og | Co", "spejdergruppe", "6700", "Esbjerg"]]
    path = write_csv(tmp_path / "r.csv", rows, delimiter=delimiter)
    table = open_table(path)
    assert table.info.delimiter == delimiter
    assert table.info.headers == tuple(HEADER)
    assert [r.cells[0] for r in table.rows()][-1] == "Sydvest, Spejd; og | Co"


def test_a_single_column_is_a_table_too() -> None:
    assert sniff_delimiter("Navn\r\nGjesing IF\r\nKvaglund\r\n") == ";"


def test_a_delimiter_given_wins(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS], delimiter=",")
    assert open_table(path, delimiter="\\t").info.headers == (",".join(HEADER),)
    assert refused(path, delimiter=";;")[1] == "delimiter"


# --------------------------------------------------------------------------- the header


def test_title_and_blank_lines_above_the_header_are_skipped(tmp_path: Path) -> None:
    above = "Foreningsliste, Esbjerg Kommune;;;\r\nUdtrukket 2024-03-01;;;\r\n;;;\r\n\r\n"
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS], above=above)
    table = open_table(path)
    assert (table.info.header_line, table.info.headers) == (5, tuple(HEADER))
    assert [line for line, _ in cells(path)] == [6, 7, 8]


def test_a_header_line_can_be_given(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["Navn", "Postnr."], ["Kolonne", "Anden"], *ROWS])
    table = open_table(path, header_line=2)
    assert table.info.headers == ("Kolonne", "Anden", "column 3", "column 4")
    assert refused(path, header_line=99)[1] == "line 99"


def test_no_header_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["6700", "6705"], ["1", "2"]])
    assert refused(path)[1] == "header"


def test_empty_files_are_refused(tmp_path: Path) -> None:
    for content in (b"", b"\r\n \r\n;;;\r\n"):
        path = tmp_path / "tom.csv"
        path.write_bytes(content)
        assert "the file is empty" in refused(path)[2]


def test_repeated_and_empty_header_names_stay_apart(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["Navn", "Målgruppe", "", "Målgruppe", "By"], ROWS[0]])
    assert open_table(path).info.headers == (
        "Navn",
        "Målgruppe",
        "column 3",
        "Målgruppe (2)",
        "By",
    )


# --------------------------------------------------------------------------- rows


def test_lines_count_as_in_an_editor_with_quoted_line_breaks_and_blank_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'Navn;Formål\r\nGjesing IF;"Fodbold\r\nog håndbold"\r\n\r\nKvaglund;Lektier\r\n',
        encoding="utf-8",
    )
    assert cells(path) == [
        (2, ("Gjesing IF", "Fodbold\r\nog håndbold")),
        (5, ("Kvaglund", "Lektier")),
    ]


def test_short_rows_are_filled_and_long_ones_are_ragged(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "Navn;Type;Postnr.\r\nA;forening;6700\r\nB;forening\r\nC;forening;Vej 1; st.;6700\r\n",
        encoding="utf-8",
    )
    rows = list(open_table(path).rows())
    assert [(r.line, r.cells, r.ragged) for r in rows[:2]] == [
        (2, ("A", "forening", "6700"), False),
        (3, ("B", "forening", ""), False),
    ]
    assert (rows[2].ragged, rows[2].overflow) == (True, ("st.", "6700"))


def test_exports_ending_every_row_with_a_delimiter_are_not_ragged(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Navn;Postnr.;\r\nA;6700;\r\nB;6705;\r\nC;6710;;\r\n", encoding="utf-8")
    rows = list(open_table(path).rows())
    assert [r.ragged for r in rows] == [False, False, True]


def test_rows_are_streamed(tmp_path: Path) -> None:
    """A 50,000-row register is read a row at a time: memory stays far below the file."""
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([*HEADER, "Formål"])
        for i in range(50_000):
            writer.writerow([f"Forening {i}", "forening", "6700", "Esbjerg", "x" * 200])
    table = open_table(path)
    tracemalloc.start()
    count = sum(1 for _ in table.rows())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 50_000
    assert peak < path.stat().st_size / 10, (peak, path.stat().st_size)


@settings(max_examples=60, deadline=None)
@given(
    data=st.lists(
        st.lists(
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
            ).filter(lambda s: s.strip() == s and "  " not in s),
            min_size=3,
            max_size=3,
        ),
        min_size=1,
        max_size=6,
    ),
    delimiter=st.sampled_from([";", ",", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_any_cells_written_by_a_csv_writer_read_back(
    tmp_path_factory: pytest.TempPathFactory, data: list[list[str]], delimiter: str, encoding: str
) -> None:
    path = tmp_path_factory.mktemp("csv") / "r.csv"
    write_csv(path, [["Navn", "Type", "By"], *data], delimiter=delimiter, encoding=encoding)
    table = open_table(path, delimiter=delimiter)
    assert table.info.headers == ("Navn", "Type", "By")
    read = [r.cells for r in table.rows()]
    assert read == [tuple(" ".join(c.split()) if "\n" not in c else c for c in r) for r in data]


# --------------------------------------------------------------------------- XLSX


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(row=r, column=c, value=value)  # type: ignore[arg-type]
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"
    book.save(path)
    return path


def test_a_worksheet_reads_as_a_person_sees_it(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "Foreninger": [
                ["Foreningsliste 2024"],
                [],
                ["Navn", "Postnr.", "CVR", "Stiftet", "Aktiv", "Andel", "Link"],
                [
                    "Gjesing IF",
                    6700.0,
                    12345674,
                    dt.datetime(1978, 3, 1),
                    True,
                    0.25,
                    '=HYPERLINK("http://evil.example","Klik")',
                ],
                [],
                ["Kvaglund", 6705, None, dt.date(2001, 1, 2), False, 1.5, None],
            ],
            "Noter": [["Hej"]],
        },
    )
    table = open_table(path)
    info = table.info
    assert (info.format, info.sheet, info.sheets, info.header_line) == (
        "xlsx",
        "Foreninger",
        ("Foreninger", "Noter"),
        3,
    )
    assert cells(path) == [
        (
            4,
            (
                "Gjesing IF",
                "6700",
                "12345674",
                "1978-03-01",
                "true",
                "0.25",
                '=HYPERLINK("http://evil.example","Klik")',
            ),
        ),
        (6, ("Kvaglund", "6705", "", "2001-01-02", "false", "1.5", "")),
    ]


def test_another_worksheet_can_be_chosen_and_an_unknown_one_names_the_nearest(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {"Forside": [["Læs mig"]], "Foreninger": [["Navn", "By"], ["Gjesing IF", "Esbjerg"]]},
    )
    assert cells(path, sheet="Foreninger") == [(2, ("Gjesing IF", "Esbjerg"))]
    with pytest.raises(ValidationError) as caught:
        open_table(path, sheet="Foreningr")
    (problem,) = caught.value.problems
    assert (problem.field, problem.params["nearest"]) == ("sheet", "Foreninger")


def test_a_value_beyond_the_header_makes_a_worksheet_row_ragged(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", {"Ark": [["Navn", "By"], ["A", "B", "C"], ["D", "E"]]})
    assert [r.ragged for r in open_table(path).rows()] == [True, False]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (6700.0, "6700"),
        (6700, "6700"),
        (2.5, "2.5"),
        (1e20, "1e+20"),
        (True, "true"),
        (dt.datetime(2024, 3, 1, 0, 0), "2024-03-01"),
        (dt.datetime(2024, 3, 1, 14, 30), "2024-03-01 14:30:00"),
        (dt.date(2024, 3, 1), "2024-03-01"),
        (dt.time(9, 15), "09:15:00"),
        ("  Gjesing IF ", "Gjesing IF"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


# --------------------------------------------------------------------------- not tables


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("tom.xlsx", b"", "the file is empty"),
        ("tekst.xlsx", b"Navn;By\r\nA;B\r\n", "not an Excel workbook"),
        ("gammel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel"),
        ("kode.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "password"),
        ("omdoebt.csv", b"PK\x03\x04" + bytes(100), "an Excel workbook, not a CSV"),
        ("halv.xlsx", b"PK\x03\x04" + bytes(100), "damaged"),
    ],
)
def test_files_that_are_no_tables_are_refused_by_name(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    record, _, message = refused(path)
    assert record == name
    assert says in message


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    assert refused(tmp_path / "ingen.csv")[2] == "no such file"
    folder = tmp_path / "mappe.csv"
    folder.mkdir()
    assert "folder" in refused(folder)[2]


# --------------------------------------------------------------------------- rejected rows


def test_rejected_rows_are_written_for_excel_with_formulas_neutralised() -> None:
    out = io.StringIO()
    write_rejected_csv(
        out,
        ["Navn", "Telefon"],
        [
            (4, ['=HYPERLINK("http://evil")', "+45 75 12 34 56"], "name: x"),
            (7, ["@SUM(1)", "-cmd"], "y"),
        ],
    )
    assert out.getvalue().splitlines() == [
        "line;reason;Navn;Telefon",
        '4;name: x;"\'=HYPERLINK(""http://evil"")";+45 75 12 34 56',
        "7;y;'@SUM(1);'-cmd",
    ]


def test_a_chart_sheet_first_is_passed_over(tmp_path: Path) -> None:
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = "Foreninger"
    data.append(["Navn", "Antal"])
    data.append(["Gjesing IF", 35])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=2))
    book.create_chartsheet("Diagram", 0).add_chart(chart)
    path = tmp_path / "r.xlsx"
    book.save(path)
    table = open_table(path)
    assert (table.info.sheet, table.info.sheets) == ("Foreninger", ("Foreninger",))
    assert refused(path, sheet="Diagram")[1] == "sheet"


def test_lines_ended_by_a_carriage_return_alone_are_read(tmp_path: Path) -> None:
    """Excel for Mac's "CSV (Macintosh)" ends lines with CR only."""
    path = tmp_path / "mac.csv"
    path.write_bytes('Navn;By\r"Gjesing\nIF";Esbjerg\rÆble;Ribe\r'.encode("cp1252"))
    table = open_table(path)
    assert (table.info.line_end, table.info.encoding) == ("\r", "cp1252")
    assert [(r.line, r.cells) for r in table.rows()] == [
        (2, ("Gjesing\nIF", "Esbjerg")),
        (3, ("Æble", "Ribe")),
    ]
