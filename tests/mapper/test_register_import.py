"""Importing a municipality's register from CSV or Excel: every row accounted for, values to
codes (what does not map kept for review), places found offline, duplicates merged within the
file and into stored actors, one transaction, the mapping remembered per source."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import text

from mapper.domain.errors import Cancelled, ConflictError, ValidationError
from mapper.domain.model import ReviewNote
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.register_import import (
    ImportOptions,
    ImportSummary,
    RegisterImportService,
    write_rejected_rows,
)
from tests.conftest import DatabaseFactory

CVR_HAVNEN = "29400008"

TITLE = (
    "Foreningsoversigt – Esbjerg Kommune;;;;;;;;;;\r\n"
    "Udtræk 1. marts 2024;;;;;;;;;;\r\n"
    ";;;;;;;;;;\r\n"
)
HEADER = [
    "Foreningsnavn",
    "Type",
    "Adresse",
    "Postnr.",
    "By",
    "CVR-nr.",
    "E-mail",
    "Hjemmeside",
    "Målgrupper",
    "Antal frivillige",
    "Bemærkninger",
]
REGISTER = [
    # line 5
    [
        "Gjesing IF",
        "Idrætsforening",
        "Gjesingvej 1",
        "6700",
        "Esbjerg",
        "",
        "info@gjesing-if.dk",
        "www.gjesing-if.dk",
        "Børn og unge",
        "35",
        "",
    ],
    # line 6: the same club spelled another way (merged into line 5)
    [
        "Gjesing Idrætsforening",
        "idrætsforening",
        "Gjesingvej 1",
        "6700",
        "Esbjerg",
        "",
        "info@gjesing-if.dk",
        "",
        "Ensomme ældre",
        "",
        "Også seniorfodbold",
    ],
    # line 7
    [
        "Havnens Venner",
        "Frivillig organisation",
        "",
        "6760",
        "Ribe",
        f"DK {CVR_HAVNEN}",
        "",
        "",
        "Ensomme ældre, pårørende",
        "ca. 20",
        "",
    ],
    # line 8: unknown postcode, kind that maps to no code
    ["Fjernklubben", "Forsamlingshus", "", "9999", "", "", "", "", "", "mange om sommeren", ""],
    # line 9: rejected (invalid CVR)
    ["Sydvest Spejd", "spejdergruppe", "", "6700", "", "12345678", "", "", "", "", ""],
    # line 10: rejected (javascript: website)
    ["Klik Her", "forening", "", "6700", "", "", "", "javascript:alert(1)", "", "", ""],
]


def write_register(
    path: Path,
    rows: list[list[str]] = REGISTER,
    *,
    header: list[str] = HEADER,
    encoding: str = "cp1252",
    title: str = TITLE,
) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes((title + out.getvalue()).encode(encoding))
    return path


def write_workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Foreninger"
    sheet.append(["Foreningsoversigt – Esbjerg Kommune"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        # Excel keeps numbers as numbers: postcodes and counts come back as 6700.0.
        sheet.append([float(c) if c.isdigit() and len(c) <= 4 else c for c in row])
    book.save(path)
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    name = "database" if request.param == "sqlite" else "pg_database"
    database: Database = request.getfixturevalue(name)
    return database


def snapshot(database: Database) -> tuple[dict[str, Any], list[Any]]:
    """Everything stored: the landscape and the saved mappings."""
    with database.engine.connect() as conn:
        mappings = list(conn.execute(text("SELECT source_key, mapping FROM import_mappings")))
    return LandscapeService(database).export_document(), mappings


def accounted(summary: ImportSummary) -> ImportSummary:
    assert summary.accounted, summary
    return summary


# --------------------------------------------------------------------------- the main story


def test_a_danish_excel_export_is_imported_with_every_row_accounted_for(
    db: Database, tmp_path: Path
) -> None:
    service = RegisterImportService(db, author="Karen Kirk")
    summary = accounted(service.import_file(write_register(tmp_path / "foreninger.csv")))
    assert (summary.read, summary.created, summary.merged, summary.rejected) == (6, 3, 1, 2)
    assert (summary.updated, summary.unchanged, summary.stored) == (0, 0, True)
    assert [(r.line, r.column, r.code) for r in summary.rejected_rows] == [
        (9, "CVR-nr.", "bad_format"),
        (10, "Hjemmeside", "not_website"),
    ]
    landscape = LandscapeService(db)
    by_name = {a.name: landscape.get_actor(a.id) for a in landscape.list_actors()}
    assert set(by_name) == {"Gjesing IF", "Havnens Venner", "Fjernklubben"}

    club = by_name["Gjesing IF"]
    assert club.id == "0561-gjesing-if"  # the municipality's code: no other ids to follow
    assert club.kind == "local_association"
    assert club.target_groups == ("elderly_lonely",)  # from line 6, merged in
    assert club.volunteers == 35
    assert club.contact.website == "https://www.gjesing-if.dk"
    assert club.location.precision == "postcode"
    assert (club.location.municipality_code, club.location.lat) == ("0561", 55.47385)
    assert set(club.review_notes) == {
        ReviewNote("target_groups", "Børn og unge", "unmapped_code"),
        ReviewNote("notes", "Også seniorfodbold", "source_note"),
    }

    friends = by_name["Havnens Venner"]
    assert friends.registry_ids == (("cvr", CVR_HAVNEN),)
    assert friends.kind == "voluntary_organisation"
    assert friends.target_groups == ("elderly_lonely", "relatives")
    assert friends.volunteers == 20  # "ca. 20"
    assert (friends.location.city, friends.location.lat) == ("Ribe", 55.31886)

    far = by_name["Fjernklubben"]
    assert far.kind == "local_association"  # the default kind; what it said is kept
    assert set(far.review_notes) == {
        ReviewNote("kind", "Forsamlingshus", "unmapped_code"),
        ReviewNote("location.postcode", "9999", "unknown_postcode"),
        ReviewNote("volunteers", "mange om sommeren", "invalid_value"),
    }
    assert not far.location.has_point
    assert ("location.postcode", "9999", "unknown_postcode", (8,)) in [
        (u.field, u.value, u.reason, u.lines) for u in summary.unmapped
    ]
    meta = ActorEditService(db).load_meta(club.id)
    assert meta.created_by == "Karen Kirk"


def test_importing_the_same_file_again_creates_and_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    service = RegisterImportService(db)
    path = write_register(tmp_path / "foreninger.csv")
    service.import_file(path)
    before = snapshot(db)
    again = accounted(service.import_file(path))
    assert (again.created, again.updated, again.unchanged, again.merged, again.rejected) == (
        0,
        0,
        3,
        1,
        2,
    )
    assert snapshot(db)[0] == before[0]


def test_the_same_list_as_xlsx_then_csv_creates_nothing_the_second_time(
    db: Database, tmp_path: Path
) -> None:
    rows = REGISTER[:4]
    service = RegisterImportService(db)
    first = accounted(service.import_file(write_workbook(tmp_path / "foreninger.xlsx", rows)))
    assert (first.created, first.merged) == (3, 1)
    stored = snapshot(db)[0]
    second = accounted(service.import_file(write_register(tmp_path / "foreninger.csv", rows)))
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    assert snapshot(db)[0] == stored


def test_a_plan_writes_nothing_and_shows_what_the_run_will_do(
    database: Database, tmp_path: Path
) -> None:
    service = RegisterImportService(database)
    before = snapshot(database)
    plan = service.plan(write_register(tmp_path / "foreninger.csv"))
    assert snapshot(database) == before
    assert [(p.action, p.lines) for p in plan.actors] == [
        ("create", (5, 6)),
        ("create", (7,)),
        ("create", (8,)),
    ]
    assert plan.summary().stored is False
    assert service.run(plan) == plan.summary(stored=True)


# --------------------------------------------------------------------------- stored actors


def stored_landscape(database: Database) -> None:
    LandscapeService(database).import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": "esb-havnens-venner",
                    "name": "Havnens Venner",
                    "kind": "voluntary_organisation",
                    "registry_ids": {"cvr": CVR_HAVNEN},
                    "contact": {"email": "kontakt@havnensvenner.dk"},
                    "target_groups": ["elderly_lonely"],
                    "location": {"postcode": "6760", "city": "Ribe", "municipality_code": "0561"},
                },
                {
                    "id": "esb-gjesing-if",
                    "name": "Gjesing IF",
                    "kind": "local_association",
                    "location": {
                        "address": "Gjesingvej 1",
                        "postcode": "6700",
                        "city": "Esbjerg",
                        "municipality_code": "0561",
                    },
                    "volunteers": 30,
                },
                {
                    "id": "esb-spejd",
                    "name": "1. Esbjerg Spejdergruppe",
                    "kind": "local_association",
                    "location": {"postcode": "6700", "municipality_code": "0561"},
                },
            ],
        }
    )


def test_rows_find_stored_actors_by_id_cvr_or_as_sure_duplicates(
    db: Database, tmp_path: Path
) -> None:
    stored_landscape(db)
    path = write_register(
        tmp_path / "r.csv",
        [
            ["esb-spejd", "Spejderne", "", "", "", "Udsatte børn"],
            ["", "Havnens Venner Ribe", CVR_HAVNEN, "ny@havnensvenner.dk", "6760", "Pårørende"],
            ["", "Gjesing Idrætsforening", "", "", "6700", "Ensomme ældre"],
            ["", "Ny Forening", "", "", "6705", ""],
        ],
        header=["Id", "Navn", "CVR", "E-mail", "Postnr.", "Målgruppe"],
        title="",
    )
    service = RegisterImportService(db)
    plan = service.plan(path)
    assert [(p.actor.id, p.action, p.matched_by) for p in plan.actors] == [
        ("esb-spejd", "update", "id"),
        ("esb-havnens-venner", "update", "cvr"),
        ("esb-gjesing-if", "update", "duplicate"),
        ("esb-ny-forening", "create", None),  # the prefix its neighbours share
    ]
    accounted(service.run(plan))
    landscape = LandscapeService(db)
    friends = landscape.get_actor("esb-havnens-venner")
    # The stored actor keeps what it has and gains what it lacked.
    assert friends.name == "Havnens Venner"
    assert friends.contact.email == "kontakt@havnensvenner.dk"
    assert friends.target_groups == ("elderly_lonely", "relatives")
    assert landscape.get_actor("esb-spejd").name == "1. Esbjerg Spejdergruppe"
    assert landscape.get_actor("esb-gjesing-if").volunteers == 30
    assert landscape.counts().actors == 4


def test_near_names_are_listed_for_review_not_merged(database: Database, tmp_path: Path) -> None:
    stored_landscape(database)
    path = write_register(
        tmp_path / "r.csv",
        [["Gjesing Idrætsklub Senior", "6700"], ["Havnens Venner", "6700"]],
        header=["Navn", "Postnr."],
        title="",
    )
    plan = RegisterImportService(database).plan(path)
    created = [p.actor.id for p in plan.actors if p.action == "create"]
    assert created  # a near name is a new actor …
    pairs = {(p.first_id, p.second_id): p for p in plan.review_pairs}
    assert pairs  # … and the pair is listed with its evidence for a person to decide
    for pair in pairs.values():
        assert pair.lines and pair.evidence
        assert {pair.first_id, pair.second_id} & set(created)


def test_options_without_merging_match_by_id_and_cvr_only(
    database: Database, tmp_path: Path
) -> None:
    stored_landscape(database)
    path = write_register(
        tmp_path / "r.csv",
        [["Gjesing IF", "6700"], ["Gjesing IF", "6700"]],
        header=["Navn", "Postnr."],
        title="",
    )
    plan = RegisterImportService(database).plan(path, options=ImportOptions(merge_duplicates=False))
    assert [p.action for p in plan.actors] == ["create", "create"]
    assert len({p.actor.id for p in plan.actors}) == 2
    assert plan.review_pairs


# --------------------------------------------------------------------------- values and places


def test_places_are_found_offline_with_their_precision(database: Database, tmp_path: Path) -> None:
    path = write_register(
        tmp_path / "r.csv",
        [
            ["Postnummerklubben", "6760", "", ""],
            ["Byklubben", "", "Ribe", ""],
            ["Kommuneklubben", "", "", "Aarhus Kommune"],
            ["Kodeklubben", "", "", "561"],
            ["Postnr og by", "", "", ""],
        ],
        header=["Navn", "Postnr.", "By", "Kommune"],
        title="",
    )
    service = RegisterImportService(database)
    accounted(service.import_file(path))
    landscape = LandscapeService(database)
    places = {a.name: landscape.get_actor(a.id).location for a in landscape.list_actors()}
    assert (places["Postnummerklubben"].precision, places["Postnummerklubben"].city) == (
        "postcode",
        "Ribe",
    )
    assert (places["Byklubben"].postcode, places["Byklubben"].precision) == ("6760", "postcode")
    assert (places["Kommuneklubben"].municipality_code, places["Kommuneklubben"].precision) == (
        "0751",
        "municipality",
    )
    assert places["Kodeklubben"].municipality_code == "0561"
    assert not places["Postnr og by"].has_point


def test_a_postcode_and_town_column_is_split(database: Database, tmp_path: Path) -> None:
    path = write_register(
        tmp_path / "r.csv",
        [["Ribe Roklub", "6760 Ribe"], ["Aarhus Roklub", "DK-8000 Aarhus C"]],
        header=["Navn", "Postnr. og by"],
        title="",
    )
    RegisterImportService(database).import_file(path)
    landscape = LandscapeService(database)
    places = {a.name: landscape.get_actor(a.id).location for a in landscape.list_actors()}
    assert (places["Ribe Roklub"].postcode, places["Ribe Roklub"].city) == ("6760", "Ribe")
    assert places["Aarhus Roklub"].municipality_code == "0751"


def test_without_a_default_kind_a_row_needs_one(database: Database, tmp_path: Path) -> None:
    path = write_register(
        tmp_path / "r.csv",
        [["A", "forening"], ["B", ""], ["C", "Forsamlingshus"]],
        header=["Navn", "Type"],
        title="",
    )
    summary = accounted(
        RegisterImportService(database).import_file(path, options=ImportOptions(default_kind=None))
    )
    assert [(r.line, r.column, r.code) for r in summary.rejected_rows] == [
        (3, "Type", "required"),
        (4, "Type", "unknown_code"),
    ]
    with pytest.raises(ValidationError) as caught:
        RegisterImportService(database).plan(path, options=ImportOptions(default_kind="klub"))
    assert caught.value.problems[0].params["nearest"] == "local_association"


# --------------------------------------------------------------------------- the mapping


def test_the_mapping_is_saved_per_source_and_used_next_time(
    database: Database, tmp_path: Path
) -> None:
    header = ["Foreningsnavn", "Postnr.", "Stiftet", "Mailadr"]
    rows = [["Gjesing IF", "6700", "1978", "info@gjesing-if.dk"]]
    service = RegisterImportService(database)
    first = service.preview(write_register(tmp_path / "a.csv", rows, header=header, title=""))
    assert first.saved is False
    assert first.mapping == {"Foreningsnavn": "name", "Postnr.": "postcode"}
    mapping = {**first.mapping, "Mailadr": "email", "Stiftet": "notes"}
    service.import_file(tmp_path / "a.csv", mapping)
    # The next export of the same system, as a workbook with the columns moved.
    moved = [header[3], header[0], header[2], header[1]]
    workbook = write_workbook(tmp_path / "b.xlsx", [[r[3], r[0], r[2], r[1]] for r in rows], moved)
    again = service.preview(workbook)
    assert (again.saved, dict(again.mapping)) == (True, mapping)
    assert again.source_key == first.source_key
    summary = accounted(service.import_file(workbook))
    assert (summary.created, summary.unchanged) == (0, 1)


def test_a_bad_mapping_is_refused_before_anything_is_read(
    database: Database, tmp_path: Path
) -> None:
    path = write_register(tmp_path / "r.csv")
    with pytest.raises(ValidationError) as caught:
        RegisterImportService(database).plan(path, {"Foreningsnavm": "name", "Type": "knd"})
    found = {(p.field, p.code) for p in caught.value.problems}
    assert found == {
        ("Foreningsnavm", "unknown_field"),
        ("Type", "not_one_of"),
        ("name", "required"),
    }


# --------------------------------------------------------------------------- all or nothing


def test_a_cancelled_run_leaves_the_database_as_it_was(db: Database, tmp_path: Path) -> None:
    stored_landscape(db)
    service = RegisterImportService(db)
    plan = service.plan(write_register(tmp_path / "foreninger.csv"))
    before = snapshot(db)

    def cancel(done: int, total: int) -> None:
        if done == 2:  # after the actors were written, before the mapping
            raise Cancelled()

    with pytest.raises(Cancelled):
        service.run(plan, progress=cancel)
    assert snapshot(db) == before


def test_a_cancelled_plan_stops_reading(database: Database, tmp_path: Path) -> None:
    rows = [[f"Forening {i}", "forening", "", "6700"] + [""] * 7 for i in range(1200)]
    path = write_register(tmp_path / "stor.csv", rows)
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        seen.append((done, total))
        raise Cancelled()

    with pytest.raises(Cancelled):
        RegisterImportService(database).plan(path, progress=cancel)
    assert seen == [(500, seen[0][1])] and seen[0][1] >= 1000


def test_a_stored_actor_changed_after_planning_is_a_conflict(
    database: Database, tmp_path: Path
) -> None:
    stored_landscape(database)
    service = RegisterImportService(database)
    path = write_register(
        tmp_path / "r.csv",
        [["Havnens Venner", CVR_HAVNEN, "Pårørende"], ["Ny Forening", "", ""]],
        header=["Navn", "CVR", "Målgruppe"],
        title="",
    )
    plan = service.plan(path)
    editor = ActorEditService(database)
    actor, version = editor.load("esb-havnens-venner")
    editor.save(actor.__class__(**{**actor.__dict__, "volunteers": 9}), expected_version=version)
    before = snapshot(database)
    with pytest.raises(ConflictError) as caught:
        service.run(plan)
    assert caught.value.record_id == "esb-havnens-venner"
    assert snapshot(database) == before


def test_an_id_taken_after_planning_is_a_conflict(database: Database, tmp_path: Path) -> None:
    service = RegisterImportService(database)
    path = write_register(
        tmp_path / "r.csv", [["Ny Forening", "6700"]], header=["Navn", "Postnr."], title=""
    )
    plan = service.plan(path)
    (planned,) = plan.actors
    LandscapeService(database).import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [{"id": planned.actor.id, "name": "Meanwhile", "kind": "company"}],
        }
    )
    with pytest.raises(ConflictError):
        service.run(plan)
    assert LandscapeService(database).get_actor(planned.actor.id).name == "Meanwhile"


# --------------------------------------------------------------------------- rejected rows


def test_rejected_rows_are_written_for_danish_excel(database: Database, tmp_path: Path) -> None:
    service = RegisterImportService(database)
    path = write_register(tmp_path / "foreninger.csv")
    plan = service.plan(path)
    out = tmp_path / "afviste.csv"
    assert write_rejected_rows(plan, plan.info.headers, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "line;reason;" + ";".join(HEADER)
    assert lines[1].startswith("9;CVR-nr.: not a valid CVR number")
    assert lines[2].startswith("10;Hjemmeside: a website address starts with http")
    assert ";javascript:alert(1);" in lines[2]


# --------------------------------------------------------------------------- any register


_WORDS = ["Gjesing", "Havnens", "Venner", "IF", "Spejd", "Ældre", "Café", "Kvaglund", "Ribe", "Æ"]
_CELLS = {
    "Navn": st.lists(st.sampled_from(_WORDS), min_size=0, max_size=3).map(" ".join),
    "Type": st.sampled_from(["", "forening", "Idrætsforening", "Fond", "Forsamlingshus", "NGO"]),
    "Postnr.": st.sampled_from(["", "6700", "6760", "8000", "9999", "67OO", "DK-6705"]),
    "CVR": st.sampled_from(["", CVR_HAVNEN, "29400016", "12345678", "DK 29 40 00 24"]),
    "Målgrupper": st.sampled_from(
        ["", "Ensomme ældre", "Børn og unge", "ensomhed; pårørende", '=HYPERLINK("x")']
    ),
    "Frivillige": st.sampled_from(["", "12", "ca. 20", "mange", "-3"]),
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries(_CELLS), min_size=1, max_size=12))
def test_any_register_is_accounted_for_and_a_second_import_adds_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    database_factory: DatabaseFactory,
    rows: list[dict[str, str]],
) -> None:
    folder = tmp_path_factory.mktemp("register")
    path = write_register(
        folder / "r.csv", [[r[c] for c in _CELLS] for r in rows], header=list(_CELLS), title=""
    )
    url = database_factory.url("db", folder)
    database = open_database(url)
    try:
        service = RegisterImportService(database)
        filled = [r for r in rows if any(r.values())]  # blank lines are no rows
        if not filled:
            with pytest.raises(ValidationError):
                service.import_file(path)
            return
        first = accounted(service.import_file(path))
        assert first.read == len(filled)
        stored = snapshot(database)[0]
        assert len(stored["actors"]) == first.created
        second = accounted(service.import_file(path))
        assert (second.created, second.updated) == (0, 0)
        assert second.rejected == first.rejected
        assert snapshot(database)[0] == stored
    finally:
        database.close()
        database_factory.drop(url)


def test_a_row_beyond_the_limits_takes_no_other_row_along(
    database: Database, tmp_path: Path
) -> None:
    """A NUL character or an over-long name rejects its own row only (the checks run in
    batches, and distrust a batch with a fault they cannot pin on one record)."""
    path = write_register(
        tmp_path / "r.csv",
        [["Gjes\x00ing", "6700"], ["Ribe Roklub", "6760"], ["x" * 501, "6700"], ["Ok", "6700"]],
        header=["Navn", "Postnr."],
        title="",
        encoding="utf-8",
    )
    summary = accounted(RegisterImportService(database).import_file(path))
    assert [(r.line, r.column, r.code) for r in summary.rejected_rows] == [
        (2, "Navn", "nul_character"),
        (4, "Navn", "too_long"),
    ]
    assert summary.created == 2


def test_actors_whose_words_suggest_codes_are_named_and_nothing_is_stored_from_them(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "formaal.csv"
    path.write_text(
        "Navn;Postnr.;Formål;Målgrupper\r\n"
        "Sorgnetværket;6700;Foreningens formål er at samle børn, der har mistet en forælder;\r\n"
        "Skakklubben;6700;;\r\n"
        "Kodet Forening;6700;;Udsatte børn\r\n",
        encoding="utf-8",
    )
    service = RegisterImportService(database)
    summary = service.import_file(path)
    ids = {name: actor_id for actor_id, name in _names(database).items()}
    assert ids["Sorgnetværket"] in summary.suggested_ids
    assert ids["Skakklubben"] in summary.suggested_ids  # a club offers activities, a community
    assert ids["Kodet Forening"] not in summary.suggested_ids  # nothing in its words
    stored, _ = ActorEditService(database).load(ids["Sorgnetværket"])
    assert stored.target_groups == ()  # suggestions are offered, never stored


def _names(database: Database) -> dict[str, str]:
    doc = LandscapeService(database).export_document()
    return {a["id"]: a["name"] for a in doc["actors"]}
