"""Register and ranking as spreadsheets: CSV for Danish Excel (BOM, ';', decimal commas,
formula-injection safe) and XLSX read back with openpyxl; public and internal views."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.tabular import (
    csv_text,
    ranking_table,
    register_table,
    safe_text,
    write_csv,
    write_table,
    write_xlsx,
)
from mapper.domain.errors import OutputFileError
from mapper.domain.model import Actor
from mapper.matching.model import CRITERIA
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.exports.test_hsds import HOSTILE, LEFT_OUT, PUBLISHED, register


@pytest.fixture
def actors(service: LandscapeService) -> tuple[Actor, ...]:
    service.import_document(register())
    return service.export_landscape().actors


def read_csv(path: Path, delimiter: str = ";") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads æøå right
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


# --------------------------------------------------------------------------- CSV


def test_public_register_csv_for_danish_excel(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    assert write_csv(register_table(actors), target) == len(PUBLISHED)
    rows = read_csv(target)
    header, body = rows[0], rows[1:]
    assert header[:9] == [
        "ID",
        "Navn",
        "Type",
        "CVR",
        "Adresse",
        "Postnr.",
        "By",
        "Kommune",
        "Kommunekode",
    ]
    assert {"Hjemmeside", "Formål", "Målgruppe", "Ressourcer"} <= set(header)
    assert not {"Kontaktperson", "E-mail", "Telefon", "Offentlig"} & set(header)
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_id) == PUBLISHED
    sind = by_id["esb-sind"]
    assert sind["Type"] == "Frivillig organisation"  # codes as labels
    assert sind["Målgruppe"] == "Psykisk sårbare og psykisk syge; Socialt udsatte voksne"
    assert sind["Kommune"] == "Esbjerg" and sind["Kommunekode"] == "0561"
    text = target.read_text("utf-8-sig")
    for name in LEFT_OUT.values():
        assert name not in text
    assert "anne@sind.example.dk" not in text and "Anne Jensen" not in text


def test_internal_view_holds_everyone_with_contacts(actors: tuple[Actor, ...]) -> None:
    table = register_table(actors, internal=True)
    assert "Kontaktperson" in table.headers and "Samtykke givet" in table.headers
    ids = {row[0] for row in table.rows}
    assert ids == PUBLISHED | set(LEFT_OUT)
    rows = {row[0]: dict(zip(table.headers, row, strict=True)) for row in table.rows}
    assert rows["dk-sind"]["E-mail"] == "bo@sind.example.dk"
    assert rows["esb-hidden"]["Offentlig"] == "nej" and rows["esb-closed"]["Aktiv"] == "nej"
    assert rows["esb-sind"]["Samtykke givet"] == "2026-01-15"
    assert not table.left_out


def test_public_view_counts_who_was_left_out(actors: tuple[Actor, ...]) -> None:
    assert dict(register_table(actors).left_out) == {
        "personal": 1,
        "not_public": 1,
        "inactive": 1,
    }


def test_english_headers_and_comma_delimiter(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    write_csv(register_table(actors, lang="en"), target, delimiter=",")
    header, *body = read_csv(target, ",")
    assert header[:3] == ["ID", "Name", "Kind"] and "Target groups" in header
    kinds = {row[0]: row[2] for row in body}
    assert kinds["esb-klub"] == "Local association"


def test_hostile_text_survives_and_cannot_run_as_a_formula(
    actors: tuple[Actor, ...], tmp_path: Path
) -> None:
    target = tmp_path / "register.csv"
    write_csv(register_table(actors), target)
    rows = {row[0]: row for row in read_csv(target)[1:]}
    # Quotes, separators and the line break come back; the leading '<' needs no guard.
    assert rows["esb-hostile"][1] == HOSTILE


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_guarded(start: str) -> None:
    assert safe_text(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"
    assert safe_text(f"a{start}b") == f"a{start}b"


def test_formula_names_are_guarded_in_csv(service: LandscapeService, tmp_path: Path) -> None:
    doc = register()
    doc["actors"] = [
        {"id": "x-1", "name": '=HYPERLINK("http://evil","klik")', "kind": "company"},
        {"id": "x-2", "name": "@SUM(A1)", "kind": "company"},
        {"id": "x-3", "name": "-2+3", "kind": "company"},
    ]
    service.import_document(doc)
    text = csv_text(register_table(service.export_landscape().actors))
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    names = {row[0]: row[1] for row in rows[1:]}
    assert names == {
        "x-1": '\'=HYPERLINK("http://evil","klik")',
        "x-2": "'@SUM(A1)",
        "x-3": "'-2+3",
    }


def test_bad_delimiter_and_unwritable_target(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    table = register_table(actors)
    with pytest.raises(ValueError, match="delimiter"):
        csv_text(table, delimiter="\t")
    with pytest.raises(OutputFileError) as caught:
        write_csv(table, tmp_path / "missing" / "register.csv")
    assert caught.value.cause == "no_folder"
    with pytest.raises(ValueError, match=r"\.ods"):
        write_table(table, tmp_path / "register.ods")
    assert sorted(p.name for p in tmp_path.iterdir() if "register" in p.name) == []


# --------------------------------------------------------------------------- XLSX


def test_register_xlsx_reads_back(actors: tuple[Actor, ...], tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    assert write_xlsx(register_table(actors), target) == len(PUBLISHED)
    book = load_workbook(target)
    sheet = book.active
    assert sheet.title == "Register"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["ID", "Navn", "Type"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}5"
    assert sheet.column_dimensions["B"].width >= len("Sammen om Sindet Esbjerg")
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert set(rows) == PUBLISHED
    assert rows["esb-sind"]["Type"] == "Frivillig organisation"
    assert rows["esb-sind"]["Postnr."] == "6700"  # text: a leading zero would survive
    assert rows["esb-hostile"]["Navn"] == HOSTILE


def test_xlsx_text_is_never_a_formula(service: LandscapeService, tmp_path: Path) -> None:
    doc = register()
    doc["actors"] = [
        {
            "id": "x-1",
            "name": "=1+2",
            "kind": "company",
            "profile": {"we_are": "Kontrol\x07tegn og =SUM(A1)"},
            "employees": 12,
        }
    ]
    service.import_document(doc)
    target = tmp_path / "r.xlsx"
    write_xlsx(register_table(service.export_landscape().actors), target)
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert (cells["Navn"].value, cells["Navn"].data_type) == ("=1+2", "s")
    assert cells["Formål"].value == "Kontroltegn og =SUM(A1)"  # an XLSX cannot hold \x07
    assert (cells["Ansatte"].value, cells["Ansatte"].data_type) == (12, "n")


# --------------------------------------------------------------------------- rankings


@pytest.fixture
def ranking(service: LandscapeService) -> object:
    service.load_demo()
    return MatchingService(service.database).rank_actors_for_problem("aar-p-i-gang-mentorer", top=5)


def test_ranking_csv(ranking: object, tmp_path: Path) -> None:
    from mapper.matching.model import Ranking

    assert isinstance(ranking, Ranking) and ranking.matches
    target = tmp_path / "rangering.csv"
    assert write_table(ranking_table(ranking), target) == len(ranking.matches)
    header, *body = read_csv(target)
    assert header[:6] == ["Rang", "ID", "Aktør", "Type", "Score", "Afstand (km)"]
    assert header[-4:] == ["Taler for", "Taler imod", "Ikke oplyst", "Advarsler"]
    assert len(header) == 10 + len(CRITERIA)
    first = ranking.matches[0]
    assert body[0][:3] == ["1", first.actor_id, first.actor_name]
    assert body[0][4] == f"{first.score:.1f}".replace(".", ",")  # Danish decimal comma
    points = [float(v.replace(",", ".")) for v in body[0][6 : 6 + len(CRITERIA)] if v]
    assert sum(points) == pytest.approx(first.score, abs=0.1 * len(CRITERIA))
    assert body[0][-4]  # what speaks for the first, in words
    assert not any(cell.startswith(("+", "−")) for cell in body[0][-4:-1])  # columns, not signs
    against = [row[-3] for row in body if row[-3]]
    assert against, "no partner has anything against it"


def test_ranking_xlsx_in_english(ranking: object, tmp_path: Path) -> None:
    from mapper.matching.model import Ranking

    assert isinstance(ranking, Ranking)
    target = tmp_path / "ranking.xlsx"
    write_table(ranking_table(ranking, lang="en"), target)
    book = load_workbook(target)
    sheet = book.active
    assert sheet.title == "Ranking"
    assert book.properties.subject == ranking.subject_id
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Rank", "ID", "Actor", "Kind", "Score"]
    ranks = [row[0] for row in sheet.iter_rows(2, values_only=True)]
    assert ranks == list(range(1, len(ranking.matches) + 1))
    score = sheet.cell(2, 5)
    assert score.data_type == "n" and score.number_format == "0.0"
