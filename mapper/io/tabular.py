"""Reading registers kept as tables: CSV (any delimiter, Danish Excel's encodings) and XLSX.

A register exported by a booking or grants system, or kept by a volunteer centre in Excel, is
read into its header and rows, each row with the line (CSV) or row (XLSX) it came from, so a
problem can be named where the user will look for it. What the file is made of is found out,
never assumed: the encoding (UTF-8, UTF-8 with BOM, Windows-1252, Latin-1; UTF-16 and UTF-32
are refused with a clear message), the delimiter (``;`` ``,`` TAB ``|``), the header row below
title and blank lines. Rows are streamed, so a 50,000-row file is never held whole.

Every problem with the file as a whole is a ValidationError naming the file and nothing else
happens; problems of single rows are the importer's business (``TableRow.overflow``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import math
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rapidfuzz import process

from mapper.domain.errors import InputProblem, ValidationError

DELIMITERS = (";", ",", "\t", "|")
"""The delimiters sniffed, in order of preference on a tie (Danish Excel writes ';')."""
HEADER_SEARCH_ROWS = 30
"""How many rows from the top may hold titles and blank lines above the header."""
SAMPLE_BYTES = 64 * 1024
"""How much of a CSV file the delimiter and header are found in."""
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE2 compound file: an old .xls workbook, or an .xlsx protected by a password."""
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
"""Bytes Windows-1252 leaves undefined: a file holding them is Latin-1 (ISO 8859-1)."""


@dataclass(frozen=True)
class TableRow:
    """One data row of a table."""

    line: int
    """Where the row starts: the line of a CSV file, the row number of a worksheet (1-based),
    as a text editor or Excel shows it."""
    cells: tuple[str, ...]
    """One text per header column (missing cells at the end are empty); surrounding spaces
    removed. Numbers and dates of a worksheet are written as text ('6700', '2024-03-01')."""
    overflow: tuple[str, ...] = ()
    """Cells beyond the header's columns (empty ones too) when the row is ragged."""
    ragged: bool = False
    """The row has more cells than the header and the other rows (a value holding the
    delimiter without quotes, a shifted row): its values cannot be assigned to columns."""

    @property
    def is_blank(self) -> bool:
        return not any(self.cells) and not any(self.overflow)


@dataclass(frozen=True)
class TableInfo:
    """What a table file turned out to be."""

    path: str
    name: str
    """The file's name, as problems name it."""
    format: str
    """'csv' or 'xlsx'."""
    headers: tuple[str, ...]
    """Column names as the header row has them (an empty one is 'column N'; a repeated one
    gets ' (2)', ' (3)' …)."""
    header_line: int
    """The line (CSV) or row (XLSX) of the header, 1-based."""
    encoding: str | None = None
    """CSV: 'utf-8', 'utf-8-sig' (with BOM), 'cp1252' or 'latin-1'."""
    delimiter: str | None = None
    sheet: str | None = None
    """XLSX: the worksheet read."""
    sheets: tuple[str, ...] = ()
    """XLSX: every worksheet of the workbook, in order."""
    size_hint: int | None = None
    """About how many lines or rows the file has (for progress), when known cheaply."""
    row_width: int = 0
    """CSV: how many cells the rows below the header usually have (some exports end every
    row with a delimiter); a row with more is ragged."""
    line_end: str = "\n"
    """CSV: what ends a line: '\n' (also '\r\n'), or '\r' alone (Excel for Mac's "CSV
    (Macintosh)")."""


class Table:
    """A table file opened for reading: its ``info`` and its data rows, streamed."""

    def __init__(self, info: TableInfo) -> None:
        self.info = info

    def rows(self) -> Iterator[TableRow]:
        """The rows below the header, blank ones left out; each call reads the file afresh.
        A cell that cannot be decoded in the chosen encoding is a ValidationError naming its
        line."""
        info = self.info
        width = len(info.headers)
        # A worksheet's empty cells carry no delimiter: only values beyond the header count.
        usual = max(width, info.row_width) if info.format == "csv" else math.inf
        raw = _csv_rows(info) if info.format == "csv" else _xlsx_rows(info)
        for line, cells in raw:
            if line <= info.header_line:
                continue
            row = _fitted(line, cells, width, usual)
            if not row.is_blank:
                yield row


def open_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_line: int | None = None,
) -> Table:
    """Open a CSV or XLSX file: its format, encoding, delimiter or worksheet, and header.

    ``encoding``, ``delimiter``, ``sheet`` and ``header_line`` override what would be found
    out. The format comes from the suffix (.csv/.txt/.tsv or .xlsx/.xlsm), else from the
    content. Raises ValidationError naming the file when it cannot be read as a table."""
    file = Path(path)
    name = file.name
    try:
        with open(file, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _file_error(name, "file", str(path), "no such file", what="not_found") from None
    except IsADirectoryError:
        raise _file_error(
            name, "file", str(path), "this is a folder, not a file", what="folder"
        ) from None
    except OSError as exc:
        raise _file_error(
            name, "file", str(path), f"cannot be read: {exc.strerror}", what="unreadable"
        ) from None
    suffix = file.suffix.casefold()
    if suffix == ".xls" or (head.startswith(_OLE_MAGIC) and suffix not in CSV_SUFFIXES):
        raise _file_error(
            name,
            "file",
            None,
            "an old Excel workbook (.xls) or one protected by a password cannot be read",
            "open it in Excel and save it as .xlsx (Excel workbook) without a password",
            what="old_excel",
        )
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and head.startswith(_ZIP_MAGIC)):
        if suffix in XLSX_SUFFIXES and not head.startswith(_ZIP_MAGIC):
            why = "the file is empty" if not head else "the file is not an Excel workbook"
            raise _file_error(
                name,
                "file",
                None,
                f"{why} (an .xlsx file is a zip archive)",
                "save it again from Excel as .xlsx, or export it as CSV",
                what="empty" if not head else "not_workbook",
            )
        return Table(_xlsx_info(file, sheet, header_line))
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
        raise _file_error(
            name,
            "file",
            None,
            "this is an Excel workbook, not a CSV text file",
            "name it .xlsx, or save it from Excel as CSV",
            what="workbook_as_csv",
        )
    return Table(_csv_info(file, encoding, delimiter, header_line))


# --------------------------------------------------------------------------- CSV


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' (a UTF-8 BOM), 'utf-8' (the whole file decodes as UTF-8), 'cp1252' or
    'latin-1'. UTF-16 and UTF-32 (by BOM, or NUL bytes between letters) are a
    ValidationError: Excel's "Unicode text" export is not supported, "CSV UTF-8" is."""
    name = path.name
    with open(path, "rb") as fh:
        head = fh.read(4096)
        for bom, label in _WIDE_BOMS:
            if head.startswith(bom):
                raise _unsupported_encoding(name, label)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.count(0) > len(head) // 4:  # every other byte NUL: UTF-16 without a BOM
            raise _unsupported_encoding(name, "UTF-16")
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        undefined = False
        is_utf8 = True
        while chunk := fh.read(1 << 20):
            if is_utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
            if not is_utf8 and not undefined:
                undefined = any(b in _CP1252_UNDEFINED for b in chunk)
        if is_utf8:
            try:
                decoder.decode(b"", final=True)
                return "utf-8"
            except UnicodeDecodeError:
                pass
    return "latin-1" if undefined else "cp1252"


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits most lines of ``sample`` into the same number (> 1) of
    cells; ';' when none does (a single column)."""
    lines = sample.splitlines()[:200]
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may end inside a line
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        widths = Counter(
            len(cells)
            for cells in csv.reader(lines, delimiter=delimiter)
            if any(c.strip() for c in cells)
        )
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda wc: (wc[1], wc[0]))
        score = (count, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_info(
    path: Path, encoding: str | None, delimiter: str | None, header_line: int | None
) -> TableInfo:
    name = path.name
    if encoding is None:
        encoding = detect_encoding(path)
    else:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise _file_error(
                name,
                "encoding",
                encoding,
                "unknown encoding",
                "utf-8, utf-8-sig, cp1252 or latin-1",
                code="not_one_of",
                params={"choices": ["utf-8", "utf-8-sig", "cp1252", "latin-1"]},
            ) from None
        if encoding.startswith(("utf-16", "utf-32")):
            raise _unsupported_encoding(name, encoding.upper())
    size = path.stat().st_size
    with open(path, "rb") as fh:
        sample_bytes = fh.read(SAMPLE_BYTES)
    sample = sample_bytes.decode(encoding, errors="replace")
    if not sample.strip():
        raise _file_error(name, "file", None, "the file is empty: no header, no rows", what="empty")
    if delimiter is None:
        delimiter = sniff_delimiter(sample)
    elif delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    if len(delimiter) != 1:
        raise _file_error(
            name,
            "delimiter",
            delimiter,
            "a delimiter is one character",
            "; , | or \\t (TAB)",
            code="not_one_of",
            params={"choices": list(DELIMITERS)},
        )
    lone_returns = sample_bytes.count(b"\r") - sample_bytes.count(b"\r\n")
    line_end = "\r" if lone_returns > sample_bytes.count(b"\n") else "\n"
    info = TableInfo(
        path=str(path),
        name=name,
        format="csv",
        headers=(),
        header_line=0,
        encoding=encoding,
        delimiter=delimiter,
        line_end=line_end,
    )
    top = []
    for line, cells in _csv_rows(info):
        top.append((line, cells))
        if len(top) >= HEADER_SEARCH_ROWS:
            break
    header_at, headers = _header(name, top, header_line)
    widths = Counter(len(cells) for line, cells in top if line > header_at and any(cells))
    row_width = max(widths.items(), key=lambda wc: (wc[1], -wc[0]))[0] if widths else 0
    lines_in_sample = max(1, sample.count("\n"))
    hint = size * lines_in_sample // max(1, len(sample_bytes))
    return TableInfo(
        path=str(path),
        name=name,
        format="csv",
        headers=headers,
        header_line=header_at,
        encoding=encoding,
        delimiter=delimiter,
        size_hint=hint,
        row_width=row_width,
        line_end=line_end,
    )


def _csv_rows(info: TableInfo) -> Iterator[tuple[int, list[str]]]:
    """(start line, cells) of every record of the file, blank lines included as []."""
    assert info.encoding is not None and info.delimiter is not None
    with open(info.path, "rb") as fh:
        reader = csv.reader(_decoded_lines(fh, info), delimiter=info.delimiter)
        end = 0
        while True:
            start = end + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _file_error(
                    info.name,
                    f"line {reader.line_num}",
                    None,
                    f"not readable as CSV: {exc}",
                    what="not_csv",
                ) from None
            end = reader.line_num
            yield start, cells


def _decoded_lines(fh: IO[bytes], info: TableInfo) -> Iterator[str]:
    """The file's lines as text, decoded one by one so that a byte the encoding cannot read
    is named by its line."""
    assert info.encoding is not None
    decode = codecs.getdecoder(info.encoding)
    for number, raw in enumerate(_binary_lines(fh, info.line_end.encode()), start=1):
        try:
            text, _ = decode(raw)
        except UnicodeDecodeError as exc:
            raise _file_error(
                info.name,
                f"line {number}",
                None,
                f"cannot be read as {info.encoding}: {exc.reason} (byte {raw[exc.start]:#04x})",
                "leave the encoding out to have it found, or give the file's own",
                what="bad_byte",
            ) from None
        yield text[1:] if number == 1 and text.startswith("\ufeff") else text


def _binary_lines(fh: IO[bytes], end: bytes) -> Iterator[bytes]:
    """The file's lines, each with its end."""
    if end == b"\n":
        yield from fh
        return
    rest = b""
    while chunk := fh.read(1 << 16):
        parts = (rest + chunk).split(end)
        rest = parts.pop()
        for part in parts:
            yield part + end
    if rest:
        yield rest


# --------------------------------------------------------------------------- XLSX


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook  # lazily: a second of start-up for every command

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        # KeyError: a zip without the workbook's parts; the others: damaged XML or archive.
        raise _file_error(
            path.name,
            "file",
            None,
            f"the Excel workbook is damaged or not a workbook ({type(exc).__name__}: {exc})",
            "open it in Excel and save it again as .xlsx, or export it as CSV",
            what="damaged_workbook",
        ) from None
    except Exception as exc:  # openpyxl raises its own kinds for many defects
        raise _file_error(
            path.name,
            "file",
            None,
            f"the Excel workbook cannot be read ({type(exc).__name__}: {exc})",
            "open it in Excel and save it again as .xlsx, or export it as CSV",
            what="damaged_workbook",
        ) from None


def _xlsx_info(path: Path, sheet: str | None, header_line: int | None) -> TableInfo:
    name = path.name
    workbook = _open_workbook(path)
    try:
        # Worksheets only: a chart sheet has no cells.
        sheets = tuple(w.title for w in workbook.worksheets)
        if sheet is None:
            if not sheets:
                raise _file_error(
                    name, "sheet", None, "the workbook has no worksheet", what="no_worksheet"
                )
            sheet = sheets[0]
        elif sheet not in sheets:
            nearest = process.extractOne(sheet, sheets)
            hint = nearest[0] if nearest else None
            raise _file_error(
                name,
                "sheet",
                sheet,
                f"the workbook has no worksheet of this name (it has: {', '.join(sheets)})",
                f"nearest: {hint}" if hint else None,
                code="not_one_of",
                params={"choices": list(sheets), "nearest": hint},
            )
        worksheet = workbook[sheet]
        size_hint = worksheet.max_row if isinstance(worksheet.max_row, int) else None
        info = TableInfo(
            path=str(path), name=name, format="xlsx", headers=(), header_line=0, sheet=sheet
        )
        top = []
        for line, cells in _worksheet_rows(info, worksheet):
            top.append((line, cells))
            if len(top) >= HEADER_SEARCH_ROWS:
                break
    finally:
        workbook.close()
    header_at, headers = _header(name, top, header_line)
    return TableInfo(
        path=str(path),
        name=name,
        format="xlsx",
        headers=headers,
        header_line=header_at,
        sheet=sheet,
        sheets=sheets,
        size_hint=size_hint,
    )


def _xlsx_rows(info: TableInfo) -> Iterator[tuple[int, list[str]]]:
    workbook = _open_workbook(Path(info.path))
    try:
        yield from _worksheet_rows(info, workbook[info.sheet])
    finally:
        workbook.close()


def _worksheet_rows(info: TableInfo, worksheet: Any) -> Iterator[tuple[int, list[str]]]:
    # Some writers record a wrong size ("A1"); reading to the real end is safe in
    # read-only mode (rows come one by one, missing ones as empty).
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield number, [cell_text(v) for v in values]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise _file_error(
            info.name,
            "file",
            None,
            f"the worksheet {info.sheet!r} is damaged ({type(exc).__name__}: {exc})",
            "open it in Excel and save it again as .xlsx, or export it as CSV",
            what="damaged_workbook",
        ) from None


def cell_text(value: object) -> str:
    """A worksheet cell as the text a person sees: whole numbers without '.0' (the postcode
    6700.0 is '6700'), dates in ISO form ('2024-03-01', with the time when it has one),
    booleans as 'true'/'false', a formula's text kept as text (never evaluated)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- header


def _header(
    name: str, top: Sequence[tuple[int, list[str]]], header_line: int | None
) -> tuple[int, tuple[str, ...]]:
    """(line, column names) of the header: the one asked for, else the first row that looks
    like one (see ``looks_like_header``)."""
    rows = [(line, [c.strip() for c in cells]) for line, cells in top]
    filled = [(line, cells) for line, cells in rows if any(cells)]
    if not filled:
        raise _file_error(name, "file", None, "the file is empty: no header, no rows", what="empty")
    if header_line is not None:
        found = next((cells for line, cells in rows if line == header_line), None)
        if found is None or not any(found):
            raise _file_error(
                name,
                f"line {header_line}",
                None,
                "this line is empty or beyond the top of the file, so it is no header",
                f"the header was looked for in the first {HEADER_SEARCH_ROWS} rows",
                what="header_line",
            )
        return header_line, _column_names(found, _data_width(rows, header_line))
    width = _usual_width([cells for _, cells in filled])
    for line, cells in filled:
        if looks_like_header(cells, width):
            return line, _column_names(cells, _data_width(rows, line))
    raise _file_error(
        name,
        "header",
        None,
        f"no header row found in the first {HEADER_SEARCH_ROWS} rows "
        "(a row of column names such as Navn, Adresse, Postnr.)",
        "add a row of column names above the data",
        what="no_header",
    )


def _usual_width(rows: Sequence[Sequence[str]]) -> int:
    """The most common number of filled-in cells up to the last one, over the rows."""
    widths = Counter(_filled_width(cells) for cells in rows)
    return max(widths.items(), key=lambda wc: (wc[1], wc[0]))[0]


def _data_width(rows: Sequence[tuple[int, list[str]]], header_line: int) -> int:
    """The usual filled width of the rows below the header (0 when there are none)."""
    widths = Counter(_filled_width(c) for line, c in rows if line > header_line and any(c))
    # On a tie the narrower: one long row is more likely ragged than the rest short.
    return max(widths.items(), key=lambda wc: (wc[1], -wc[0]))[0] if widths else 0


def _filled_width(cells: Sequence[str]) -> int:
    width = len(cells)
    while width and not cells[width - 1]:
        width -= 1
    return width


def looks_like_header(cells: Sequence[str], usual_width: int) -> bool:
    """A row of column names: at least half the table's usual width filled in (a title line
    fills one cell), most of them text rather than numbers or dates."""
    names = [c for c in cells if c]
    if not names:
        return False
    if usual_width > 1 and (len(names) < 2 or 2 * len(names) < usual_width):
        return False
    textual = sum(1 for c in names if any(ch.isalpha() for ch in c) and not _is_date(c))
    return 2 * textual > len(names)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _column_names(cells: Sequence[str], data_width: int = 0) -> tuple[str, ...]:
    """The header's names; columns the data usually fills beyond them are 'column N'."""
    width = max(_filled_width(cells), data_width)
    cells = [*cells, *([""] * (width - len(cells)))]
    names: list[str] = []
    seen: Counter[str] = Counter()
    for i, cell in enumerate(cells[:width]):
        base = " ".join(cell.split()) or f"column {i + 1}"
        seen[base.casefold()] += 1
        count = seen[base.casefold()]
        names.append(base if count == 1 else f"{base} ({count})")
    return tuple(names)


def _fitted(line: int, cells: list[str], width: int, usual: float) -> TableRow:
    """The row cut to the header's columns (missing cells empty); ragged when it has more
    cells than the rows usually have, or values beyond the header."""
    values = [" ".join(c.split()) if "\n" not in c else c.strip() for c in cells]
    if len(values) < width:
        values += [""] * (width - len(values))
    extra = tuple(values[width:])
    ragged = len(values) > usual or any(extra)
    return TableRow(line, tuple(values[:width]), extra if ragged else (), ragged)


# --------------------------------------------------------------------------- problems

FILE_PROBLEMS = frozenset(
    {
        "not_found",
        "folder",
        "unreadable",
        "old_excel",
        "not_workbook",
        "workbook_as_csv",
        "empty",
        "not_csv",
        "bad_byte",
        "damaged_workbook",
        "no_worksheet",
        "header_line",
        "no_header",
        "unsupported_encoding",
        "no_rows",
    }
)
"""What a 'file_problem' may say of a register file (its ``what`` param)."""


def _unsupported_encoding(name: str, label: str) -> ValidationError:
    return _file_error(
        name,
        "encoding",
        label,
        f"the file is {label} text, which is not supported",
        "save it as CSV UTF-8 (Excel: Gem som → CSV UTF-8), or as .xlsx",
        what="unsupported_encoding",
        params={"encoding": label},
    )


def _file_error(
    name: str,
    field: str,
    value: object,
    message: str,
    hint: str | None = None,
    *,
    what: str | None = None,
    code: str = "bad_format",
    params: dict[str, object] | None = None,
) -> ValidationError:
    """One problem of the file as a whole. ``what`` (FILE_PROBLEMS) makes it a 'file_problem'
    the interface words in its own language; the English ``message`` is for the CLI."""
    if what is not None:
        assert what in FILE_PROBLEMS, what
        code, params = "file_problem", {"what": what, **(params or {})}
    problem = InputProblem(name, field, value, message, hint, code=code, params=params or {})
    return ValidationError([problem], source=name)


def write_rejected_csv(
    target: IO[str], headers: Sequence[str], rows: Sequence[tuple[int, Sequence[str], str]]
) -> None:
    """Rows (line, cells, reason) as CSV for Danish Excel: ';'-separated, with the line and the
    reason first. The caller opens ``target`` with encoding 'utf-8-sig' and newline=''."""
    writer = csv.writer(target, delimiter=";", lineterminator="\r\n")
    writer.writerow(["line", "reason", *headers])
    for line, cells, reason in rows:
        writer.writerow([line, reason, *(_neutral(c) for c in cells)])


def _neutral(cell: str) -> str:
    """A cell Excel would run as a formula (=, @, or + and - before anything but a number
    such as a phone number) is written with a leading apostrophe, so a planted
    =HYPERLINK(…) opens as the text it is."""
    if cell[:1] in ("=", "@") or (cell[:1] in ("+", "-") and not _NUMBERLIKE.match(cell)):
        return "'" + cell
    return cell


_NUMBERLIKE = re.compile(r"^[+-][\d\s.,()]*$")
