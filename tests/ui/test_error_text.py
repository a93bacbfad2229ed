"""The core's errors in the interface language: every code has a sentence, in English and in
Danish, and no English message from the core reaches a Danish window."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

import mapper
from mapper.domain.errors import (
    DATABASE_CAUSES,
    GEO_IMPORT_CAUSES,
    OUTPUT_FILE_CAUSES,
    PROBLEM_CODES,
    Cancelled,
    ConflictError,
    DatabaseError,
    GeoImportError,
    InputProblem,
    MapperError,
    NotFoundError,
    NothingToMatchError,
    OutputFileError,
    PartnershipExistsError,
    ValidationError,
)
from tests.ui.danish import RecordingDanish, danish
from ui.error_text import (
    ERROR_TEXTS,
    GEO_TEXTS,
    PROBLEM_TEXTS,
    describe_error,
    describe_problem,
)
from ui.text_pieces import field_title_of, record_title

OUR_CONTEXTS = ("ErrorText", "LocaleFormat")

# Parameters as the raising sites give them, one example per code.
PROBLEM_EXAMPLES: dict[str, tuple[str, object, dict[str, object]]] = {
    "invalid": ("name", "x", {}),
    "required": ("name", None, {}),
    "blank": ("name", "  ", {}),
    "unknown_code": ("kind", "foreningg", {"facet": "actor_kinds", "nearest": "local_association"}),
    "not_one_of": ("location.precision", "adress", {"choices": ["address"], "nearest": "address"}),
    "wrong_value": ("format", "x", {"expected": "mapper-landscape"}),
    "wrong_type": ("volunteers", "many", {"expected": ["integer", "null"]}),
    "out_of_range": ("location.lat", 91.5, {"min": -90, "max": 90}),
    "too_long": ("name", "x" * 300, {"limit": 200, "length": 300}),
    "too_large": ("employees", 2**31, {"limit": 2**31 - 1}),
    "nul_character": ("profile.we_are", "a\x00b", {}),
    "too_short": ("name", "", {"min": 1}),
    "too_many": ("profile.success_examples", ["a", "b", "c", "d"], {"max": 3}),
    "file_problem": ("encoding", "UTF-16", {"what": "unsupported_encoding", "encoding": "UTF-16"}),
    "ragged_row": ("(row)", "a | b | c", {"columns": 2}),
    "too_few": ("target_groups", [], {"min": 1}),
    "duplicate_items": ("target_groups", ["a", "a"], {}),
    "bad_format": ("verified_on", "31/12", {"format": "date"}),
    "unknown_field": ("seeking.rolez", None, {"nearest": "roles"}),
    "not_a_number": ("location.lat", "nan", {}),
    "not_email": ("contact.email", "info(at)x.dk", {"example": "name@example.dk"}),
    "not_website": ("contact.website", "www.x.dk", {"example": "https://www.example.dk"}),
    "both_or_neither": ("location.lon", None, {"missing": "lon"}),
    "consent_required": ("consent.given_on", None, {}),
    "purpose_required": ("consent.purpose", None, {}),
    "volunteer_public": ("public", True, {}),
    "duplicate_id": ("id", "foreningen", {"kind": "actor", "free": "foreningen-2"}),
    "unknown_reference": ("owner_id", "foreningn", {"kind": "actor", "nearest": "foreningen"}),
    "own_parent": ("parent_id", "a", {}),
    "parent_cycle": ("parent_id", "b", {"cycle": ["a", "b"]}),
    "duplicate_partnership": ("problem_id/actor_id", ["p", "a"], {}),
    "in_use": ("partnerships", 2, {"kind": "partnership", "count": 2}),
    "unknown_status": ("status", "done", {"allowed": ["closed"]}),
    "status_move": ("status", "draft", {"current": "closed", "allowed": ["seeking"]}),
    "not_json": ("line 3, column 4", None, {"line": 3, "column": 4}),
    "not_object": ("(top level)", "list", {}),
    "municipality_code": ("location.municipality_code", "9999", {"nearest": "0999 (X)"}),
}
GEO_EXAMPLES: dict[str, dict[str, object]] = {
    "unreadable": {},
    "unknown_layer": {"layer": "kommuner", "layers": ("municipalities", "regions")},
    "no_such_file": {},
    "is_folder": {},
    "unsupported_type": {"suffix": ".kml"},
    "no_features": {},
    "no_shapes": {},
    "bad_zip": {},
    "zip_without_shapefile": {},
    "zip_with_several_shapefiles": {"names": ("a.shp", "b.shp")},
    "no_such_column": {
        "column": "kommunekod",
        "what": "code",
        "columns": ("kommunekode", "navn"),
        "nearest": "kommunekode",
    },
    "no_column": {"what": "code", "candidates": ("kode",), "columns": ("x",), "nearest": None},
    "no_polygons": {"found": ("Point",)},
    "no_coded_polygon": {"column": "kode"},
    "unknown_crs": {},
    "unconvertible_coordinates": {"crs": "EPSG:9999"},
}
DATABASE_EXAMPLES: dict[str, dict[str, object]] = {
    "unusable": {},
    "not_a_url": {},
    "cannot_create_folder": {"folder": "/x/y"},
    "no_driver": {},
    "foreign_tables": {},
    "unreachable": {},
    "not_a_database": {},
    "newer_schema": {"found": "9999", "supported": "0006"},
    "locked": {"holder": "python3 (pid 4242)"},
    "read_only": {},
    "read_only_old": {"found": "0003", "supported": "0006"},
    "disk_full": {},
    "backup_failed": {"backup": "/x/landscape.sqlite.bak-0003-20261201T155500"},
    "upgrade_needed": {"found": "0008", "supported": "0009"},
}
OUTPUT_FILE_EXAMPLES: dict[str, dict[str, object]] = {
    "unwritable": {},
    "disk_full": {},
    "permission": {},
    "read_only": {},
    "no_folder": {"folder": "/x"},
    "is_folder": {},
}


def problem(code: str) -> InputProblem:
    field, value, params = PROBLEM_EXAMPLES[code]
    return InputProblem("actor a", field, value, "ENGLISH MESSAGE", code=code, params=params)


def error_examples() -> list[MapperError]:
    from mapper.domain.municipality import MunicipalityCodeError
    from mapper.services.actors import ActorInUseError
    from mapper.services.backups import BackupError
    from mapper.services.privacy import NotAPersonError
    from mapper.services.sync import SyncError

    return [
        *(
            SyncError(c, "ENGLISH DETAIL")
            for c in ("not_checkout", "target_exists", "no_conflict", "ambiguous", "busy")
        ),
        BackupError("/data/backups/landscape.sqlite", "exists", failure="target_exists"),
        NotAPersonError("esb-roklub", "local_association"),
        ValidationError([problem("required"), problem("not_email")], source="actor a"),
        NotFoundError("actor", "foreningn", "foreningen"),
        NotFoundError("partnership", "p ↔ a"),
        ConflictError("problem", "p-1", 2, 3),
        *(
            DatabaseError("sqlite:///x.sqlite", "ENGLISH REASON", cause=c, cause_params=p)
            for c, p in DATABASE_EXAMPLES.items()
        ),
        NothingToMatchError("p-1", ("target_groups", "seeking.roles")),
        *(
            GeoImportError("/data/k.geojson", None, "ENGLISH MESSAGE", cause=c, cause_params=p)
            for c, p in GEO_EXAMPLES.items()
        ),
        PartnershipExistsError("p-1", "a-1", "agreed"),
        ActorInUseError("a-1", ("p-1",), ("p-2",), ("a-2",)),
        Cancelled(),
        MunicipalityCodeError("9999", "ENGLISH MESSAGE", "0999 (X)"),
        *(
            OutputFileError("/x/out.json", "ENGLISH REASON", cause=c, cause_params=p)
            for c, p in OUTPUT_FILE_EXAMPLES.items()
        ),
    ]


def all_error_classes() -> set[type[MapperError]]:
    root = Path(mapper.__file__).parent
    for module in pkgutil.walk_packages([str(root)], "mapper."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found: set[type[MapperError]] = set()
    todo = [MapperError]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


@pytest.fixture
def danish_ui(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish(*OUR_CONTEXTS) as translator:
        yield translator


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(locale)


# --------------------------------------------------------------------------- coverage


def test_every_problem_code_has_a_sentence_and_an_example() -> None:
    assert set(PROBLEM_TEXTS) == set(PROBLEM_CODES)
    assert set(PROBLEM_EXAMPLES) == set(PROBLEM_CODES)


def test_every_cause_has_a_sentence_and_an_example() -> None:
    assert set(GEO_TEXTS) == set(GEO_IMPORT_CAUSES) == set(GEO_EXAMPLES)
    assert set(DATABASE_EXAMPLES) == set(DATABASE_CAUSES)
    sentences = {
        describe_error(DatabaseError("db", "x", cause=cause, cause_params=params))
        for cause, params in DATABASE_EXAMPLES.items()
    }
    assert len(sentences) == len(DATABASE_CAUSES)  # each cause has its own sentence
    assert set(OUTPUT_FILE_EXAMPLES) == set(OUTPUT_FILE_CAUSES)
    sentences = {
        describe_error(OutputFileError("/x/out.json", "x", cause=cause, cause_params=params))
        for cause, params in OUTPUT_FILE_EXAMPLES.items()
    }
    assert len(sentences) == len(OUTPUT_FILE_CAUSES)


def test_every_error_class_has_a_sentence_and_an_example() -> None:
    codes = {cls.code for cls in all_error_classes()}
    assert codes <= set(ERROR_TEXTS)
    assert {e.code for e in error_examples()} == codes


def test_every_sentence_is_danish_in_the_danish_window(danish_ui: RecordingDanish) -> None:
    texts = [describe_problem(problem(code)) for code in PROBLEM_CODES]
    texts += [describe_error(error) for error in error_examples()]
    texts += [describe_problem(problem("wrong_type"), "Frivillige")]
    assert danish_ui.missing == set()
    for text in texts:
        assert text
        assert "ENGLISH" not in text


# --------------------------------------------------------------------------- English


def test_a_problem_names_the_field_by_the_forms_title_or_its_own(english: None) -> None:
    assert describe_problem(problem("required"), "Name of the association") == (
        "Name of the association must be filled in."
    )
    assert describe_problem(problem("required")) == "Name must be filled in."


def test_an_unknown_code_names_the_nearest_choice_by_its_label(english: None) -> None:
    assert describe_problem(problem("unknown_code")) == (
        'Kind of actor: "foreningg" is not one of the choices. Did you mean "Local association"?'
    )


def test_numbers_in_sentences_follow_the_locale(english: None) -> None:
    assert describe_problem(problem("out_of_range")) == "Latitude must be between -90 and 90."
    tiny = InputProblem(
        "a", "seeking.max_distance_km", 0, "", code="out_of_range", params={"min": 0.5}
    )
    assert describe_problem(tiny) == "Maximum distance (km) must be at least 0.5."


def test_a_code_the_ui_does_not_know_still_names_field_and_value(english: None) -> None:
    strange = InputProblem("a", "contact.phone", "12", "ENGLISH MESSAGE", code="newfangled")
    assert describe_problem(strange) == 'Phone: the value "12" is not valid.'
    assert describe_problem(InputProblem("a", "x.y", None, "ENGLISH", code="z")) == (
        "x.y is not valid."
    )


def test_a_validation_error_is_summed_up_with_its_first_problems(english: None) -> None:
    one = ValidationError([problem("required")])
    assert describe_error(one) == "Nothing was saved. Name must be filled in."
    many = ValidationError(
        [
            problem("required"),
            InputProblem("problem p", "title", "", "", code="required"),
            problem("blank"),
            problem("not_a_number"),
            problem("own_parent"),
        ]
    )
    assert describe_error(many).splitlines() == [
        "Nothing was saved; 5 problems:",
        "• Actor a: Name must be filled in.",
        "• Problem statement p: Title must be filled in.",
        "• Actor a: Name cannot be only spaces.",
        "… and 2 more.",
    ]


def test_errors_read_as_sentences(english: None) -> None:
    assert describe_error(NotFoundError("actor", "foreningn", "foreningen")) == (
        'There is no actor with the id "foreningn". Did you mean "foreningen"?'
    )
    assert describe_error(ConflictError("partnership", "p ↔ a", 1, 2)) == (
        'Someone else changed the partnership "p ↔ a" while you edited it.'
    )
    assert describe_error(PartnershipExistsError("p-1", "a-1", "agreed")) == (
        'The problem statement "p-1" and the actor "a-1" are already partners '
        "(stage: Agreement made)."
    )
    assert describe_error(Cancelled()) == "Stopped; nothing was changed."
    geo = GeoImportError(
        "/data/k.geojson",
        "kommunekod",
        "ENGLISH",
        cause="no_such_column",
        cause_params=GEO_EXAMPLES["no_such_column"],
    )
    assert describe_error(geo) == (
        'The file k.geojson has no column "kommunekod". Its columns are: kommunekode, navn. '
        'Did you mean "kommunekode"? Nothing was imported.'
    )
    assert describe_error(NothingToMatchError("p", ("target_groups", "seeking.roles"))) == (
        "The problem statement says nothing a partner could be matched on: "
        "fill in at least one of Target groups, Roles sought."
    )


def test_errors_that_are_not_ours_do_not_show_their_english_text(english: None) -> None:
    assert describe_error(KeyError("secret internals")) == (
        "An unexpected error occurred (KeyError)."
    )
    missing = FileNotFoundError(2, "No such file or directory", "/tmp/x/land.json")
    assert describe_error(missing) == "The file land.json cannot be read or written."


def test_paths_and_records_get_titles(english: None) -> None:
    assert field_title_of("target_groups[1]") == "Target groups (no. 2)"
    assert field_title_of("seeking.resources[0].amount_dkk") == "Amount (DKK) (no. 1)"
    assert field_title_of("registry_ids.cvr") == "registry_ids.cvr"
    assert record_title("actors[3]") == "Actor no. 4"
    assert record_title("partnership p ↔ a") == "Partnership p ↔ a"


# --------------------------------------------------------------------------- Danish


def test_danish_sentences_use_danish_labels_and_numbers(danish_ui: RecordingDanish) -> None:
    assert describe_problem(problem("unknown_code")) == (
        "Aktørtype: »foreningg« er ikke et af valgene. Mente du »Lokal forening«?"
    )
    half = InputProblem(
        "a", "seeking.max_distance_km", 0, "", code="out_of_range", params={"min": 0.5}
    )
    assert describe_problem(half) == "Største afstand (km) skal være mindst 0,5."
    assert describe_error(Cancelled()) == "Afbrudt; intet blev ændret."
    assert QCoreApplication.translate("ErrorText", "LANGUAGE_CODE") == "da"
