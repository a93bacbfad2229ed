"""The register and a ranking as spreadsheets: CSV that opens in Danish Excel, and XLSX.

- **CSV**: UTF-8 with a byte-order mark (so Excel reads æøå), ``;`` between cells by default
  (Danish Excel's list separator) and then decimal commas; ``,`` on request, with decimal
  points. Text that Excel would run as a formula (starting with = + - @, a tab or a carriage
  return) is written with a leading ``'`` (OWASP's advice against CSV injection).
- **XLSX** (openpyxl, write-only): a bold, frozen header row with a filter, column widths from
  the content; text is always a text cell, never a formula; numbers are numbers.

Codes are written as their labels in the chosen language, headers in Danish (or English).

The register's **public view** (the default) holds only what a public export may show
(``public_view_reason``: no individual volunteers, nothing not public or inactive) and no
contact persons; the **internal view** holds every actor with contact details and the
publishing and consent fields, for the coordinator's own use only.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mapper.domain.model import Actor
from mapper.domain.text import danish_sort_key
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo.reference import municipality_name
from mapper.io.files import write_output
from mapper.matching.model import CRITERIA, Ranking
from mapper.matching.reasons import criterion_label, render
from mapper.services.maps import publishable

Cell = str | int | float | None

DELIMITERS = (";", ",")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula in a text cell."""
LIST_SEPARATOR = "; "
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters an XLSX file cannot hold (openpyxl refuses them)."""


def public_view_reason(actor: Actor, vocabulary: Vocabulary) -> str | None:
    """None when the actor may appear in a public export (register, HSDS), else why not:
    the partner map's rule (``mapper.services.maps.publishable``) without its need for a point
    on the map."""
    reason = publishable(actor, vocabulary)
    return None if reason == "no_location" else reason


def contact_agreed(actor: Actor) -> bool:
    """A public export may name the actor's contact person (name, e-mail, phone) only with its
    consent, as on the partner map (``mapper.services.maps.map_actor``)."""
    return actor.public and actor.consent.given_on is not None


@dataclass(frozen=True)
class Table:
    """A sheet: its name, headers and rows of plain values (text, numbers or None)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    decimals: Mapping[int, int] = field(default_factory=dict)
    """Column index → decimals shown for numbers (XLSX number format, CSV text)."""
    left_out: Mapping[str, int] = field(default_factory=dict)
    """Actors left out of a public view, by reason (personal, not_public, inactive)."""
    properties: Mapping[str, str] = field(default_factory=dict)
    """Document properties (XLSX): title, subject."""


# --------------------------------------------------------------------------- the register

_YES = {"da": ("ja", "nej"), "en": ("yes", "no")}


@dataclass(frozen=True)
class _Column:
    da: str
    en: str
    value: Callable[[Actor, Vocabulary, str], Cell]
    internal: bool = False


def _labels(facet: str, codes: Iterable[str], vocab: Vocabulary, lang: str) -> str:
    return LIST_SEPARATOR.join(vocab.label(facet, code, lang) for code in dict.fromkeys(codes))


def _yes(value: bool, lang: str) -> str:
    return _YES[lang][0 if value else 1]


_REGISTER: tuple[_Column, ...] = (
    # The Danish headers are the ones registers use, so the importer maps them back unaided.
    _Column("ID", "ID", lambda a, v, lang: a.id),
    _Column("Navn", "Name", lambda a, v, lang: a.name),
    _Column("Type", "Kind", lambda a, v, lang: v.label("actor_kinds", a.kind, lang)),
    _Column("CVR", "CVR", lambda a, v, lang: dict(a.registry_ids).get("cvr")),
    _Column("Adresse", "Address", lambda a, v, lang: a.location.address),
    _Column("Postnr.", "Postcode", lambda a, v, lang: a.location.postcode),
    _Column("By", "City", lambda a, v, lang: a.location.city),
    _Column(
        "Kommune",
        "Municipality",
        lambda a, v, lang: municipality_name(a.location.municipality_code),
    ),
    _Column("Kommunekode", "Municipality code", lambda a, v, lang: a.location.municipality_code),
    _Column("Hjemmeside", "Website", lambda a, v, lang: a.contact.website),
    _Column("Formål", "Purpose", lambda a, v, lang: a.profile.we_are),
    _Column(
        "Målgruppe",
        "Target groups",
        lambda a, v, lang: _labels("target_groups", a.target_groups, v, lang),
    ),
    _Column(
        "Ressourcer",
        "Resources",
        lambda a, v, lang: _labels(
            "resource_kinds", (r.kind for r in a.resources_offered), v, lang
        ),
    ),
    _Column("Roller", "Roles", lambda a, v, lang: _labels("roles", a.roles, v, lang)),
    _Column("Ansatte", "Employees", lambda a, v, lang: a.employees),
    _Column("Frivillige", "Volunteers", lambda a, v, lang: a.volunteers),
    _Column("Kontaktperson", "Contact person", lambda a, v, lang: a.contact.name, True),
    _Column("E-mail", "E-mail", lambda a, v, lang: a.contact.email, True),
    _Column("Telefon", "Phone", lambda a, v, lang: a.contact.phone, True),
    _Column("Offentlig", "Public", lambda a, v, lang: _yes(a.public, lang), True),
    _Column("Aktiv", "Active", lambda a, v, lang: _yes(a.active, lang), True),
    _Column(
        "Samtykke givet",
        "Consent given",
        lambda a, v, lang: a.consent.given_on.isoformat() if a.consent.given_on else None,
        True,
    ),
    _Column("Samtykkets formål", "Consent purpose", lambda a, v, lang: a.consent.purpose, True),
    _Column(
        "Sidst bekræftet",
        "Verified on",
        lambda a, v, lang: a.verified_on.isoformat() if a.verified_on else None,
        True,
    ),
)


def register_table(
    actors: Iterable[Actor],
    *,
    lang: str = "da",
    internal: bool = False,
    vocabulary: Vocabulary | None = None,
) -> Table:
    """The register as a table, sorted by name (Danish order). The public view leaves out
    what a public export may not show and has no contact columns; ``internal`` holds all."""
    vocab = vocabulary or load_vocabulary()
    lang = "en" if lang == "en" else "da"
    columns = [c for c in _REGISTER if internal or not c.internal]
    left_out: dict[str, int] = {}
    chosen = []
    for actor in actors:
        reason = None if internal else public_view_reason(actor, vocab)
        if reason:
            left_out[reason] = left_out.get(reason, 0) + 1
        else:
            chosen.append(actor)
    chosen.sort(key=lambda a: (danish_sort_key(a.name), a.id))
    rows = [[c.value(a, vocab, lang) for c in columns] for a in chosen]
    title = {"da": "Register", "en": "Register"}[lang]
    if internal:
        title = {"da": "Register (internt)", "en": "Register (internal)"}[lang]
    return Table(
        title=title,
        headers=[c.en if lang == "en" else c.da for c in columns],
        rows=rows,
        left_out=left_out,
        properties={"title": title},
    )


# --------------------------------------------------------------------------- a ranking


def ranking_table(
    ranking: Ranking,
    *,
    lang: str = "da",
    title: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> Table:
    """Ranked partners for one problem statement: rank, actor, score, distance, each
    criterion's points, what speaks for and against, what the profile does not say, and the
    warnings, in words."""
    vocab = vocabulary or load_vocabulary()
    lang = "en" if lang == "en" else "da"
    da = lang == "da"
    headers = [
        "Rang" if da else "Rank",
        "ID",
        "Aktør" if da else "Actor",
        "Type" if da else "Kind",
        "Score",
        "Afstand (km)" if da else "Distance (km)",
        *(criterion_label(c, lang) for c in CRITERIA),
        "Taler for" if da else "For",
        "Taler imod" if da else "Against",
        "Ikke oplyst" if da else "Not given",
        "Advarsler" if da else "Warnings",
    ]
    rows: list[list[Cell]] = []
    for match in ranking.matches:
        points = {c.criterion: c.points for c in match.contributions}
        rows.append(
            [
                match.rank,
                match.actor_id,
                match.actor_name,
                vocab.label("actor_kinds", match.actor_kind, lang),
                round(match.score, 1),
                None if match.distance_km is None else round(match.distance_km, 1),
                *(round(points[c], 1) if c in points else None for c in CRITERIA),
                LIST_SEPARATOR.join(render(r, lang, vocab) for r in match.reasons_for),
                LIST_SEPARATOR.join(render(r, lang, vocab) for r in match.reasons_against),
                LIST_SEPARATOR.join(render(r, lang, vocab) for r in match.not_given),
                LIST_SEPARATOR.join(render(w, lang, vocab) for w in match.warnings),
            ]
        )
    decimals = {i: 1 for i in range(4, 6 + len(CRITERIA))}
    name = "Rangering" if da else "Ranking"
    return Table(
        title=name,
        headers=headers,
        rows=rows,
        decimals=decimals,
        properties={
            "title": title or f"{name}: {ranking.subject_id}",
            "subject": ranking.subject_id,
        },
    )


# --------------------------------------------------------------------------- CSV


def safe_text(text: str) -> str:
    """Text a spreadsheet will show as text: a leading ' where it could start a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Cell, decimals: int | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.{decimals}f}" if decimals is not None else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    return safe_text(value)


def csv_text(table: Table, *, delimiter: str = ";") -> str:
    """The table as CSV text (no byte-order mark; ``write_csv`` adds it)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"the delimiter must be one of {' '.join(DELIMITERS)}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in table.headers])
    comma = delimiter == ";"
    for row in table.rows:
        writer.writerow([_csv_cell(v, table.decimals.get(i), comma) for i, v in enumerate(row)])
    return buffer.getvalue()


def write_csv(table: Table, target: str | Path | IO[str], *, delimiter: str = ";") -> int:
    """Write the table as CSV for Excel (UTF-8 with BOM); returns the rows written. A file is
    replaced only once complete; a text stream gets the same text."""
    text = csv_text(table, delimiter=delimiter)
    if isinstance(target, (str, Path)):
        data = text.encode("utf-8-sig")
        write_output(target, lambda stream: stream.write(data))
    else:
        target.write("\ufeff" + text)
    return len(table.rows)


# --------------------------------------------------------------------------- XLSX


def _width(table: Table, column: int) -> float:
    longest = len(str(table.headers[column]))
    for row in table.rows[:2000]:
        value = row[column]
        if value is not None:
            longest = max(longest, len(str(value)))
    return float(min(max(longest + 2, 8), 60))


def write_xlsx(table: Table, target: str | Path) -> int:
    """Write the table as an Excel workbook (one sheet); returns the rows written."""
    from openpyxl import Workbook  # only when a workbook is written: openpyxl is not small
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for key, value in table.properties.items():
        setattr(book.properties, key, value)
    sheet = book.create_sheet(table.title[:31])
    for i in range(len(table.headers)):
        sheet.column_dimensions[get_column_letter(i + 1)].width = _width(table, i)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: Cell, decimals: int | None = None) -> Any:
        if isinstance(value, str):
            item = WriteOnlyCell(sheet, value=_ILLEGAL_XML.sub("", value))
            item.data_type = "s"  # text stays text: never a formula
            return item
        item = WriteOnlyCell(sheet, value=value)
        if isinstance(value, float) and decimals is not None:
            item.number_format = "0." + "0" * decimals if decimals else "0"
        return item

    header = []
    for text in table.headers:
        item = cell(text)
        item.font = bold
        header.append(item)
    sheet.append(header)
    for row in table.rows:
        sheet.append([cell(v, table.decimals.get(i)) for i, v in enumerate(row)])
    last = get_column_letter(max(len(table.headers), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    write_output(target, book.save)
    return len(table.rows)


def write_table(table: Table, target: str | Path, *, delimiter: str = ";") -> int:
    """CSV or XLSX by the file's suffix (.csv, .xlsx)."""
    suffix = Path(target).suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(table, target)
    if suffix == ".csv":
        return write_csv(table, target, delimiter=delimiter)
    raise ValueError(f"unknown spreadsheet type {suffix or '(none)'!r}: use .csv or .xlsx")
