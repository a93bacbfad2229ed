"""Register columns → actor fields (Danish and English header names, similarity suggestions) and
register values → vocabulary codes (labels, Danish synonyms, typing slips, several per cell)."""

from __future__ import annotations

import pytest

from mapper.domain.model import ReviewNote
from mapper.domain.vocabulary import load_vocabulary
from mapper.io.columns import (
    CodeMapper,
    RowReader,
    RowRecord,
    column_config,
    fold_header,
    mapping_problems,
    municipality_code,
    source_key,
    suggest_columns,
    suggest_mapping,
    website,
    whole_number,
    yes_or_no,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Navn", "name"),
        ("Forening", "name"),
        ("Foreningsnavn", "name"),
        ("Type", "kind"),
        ("Organisationstype", "kind"),
        ("Adresse", "address"),
        ("Postnr.", "postcode"),
        ("Post nr", "postcode"),
        ("POSTNUMMER", "postcode"),
        ("By", "city"),
        ("Postnr. og by", "postcode_city"),
        ("Kommune", "municipality"),
        ("CVR", "cvr"),
        ("CVR-nr.", "cvr"),
        ("E-mail", "email"),
        ("Mail", "email"),
        ("Telefon", "phone"),
        ("Tlf.", "phone"),
        ("Hjemmeside", "website"),
        ("Web", "website"),
        ("Formål", "purpose"),
        ("Målgruppe", "target_groups"),
        ("Målgrupper", "target_groups"),
        ("Ressourcer", "resources"),
        ("Roller", "roles"),
        ("Kontaktperson", "contact_name"),
        ("Kontaktpersonens navn", "contact_name"),
        ("Antal frivillige", "volunteers"),
        ("Antal ansatte", "employees"),
        ("Bemærkninger", "notes"),
        ("Organisation name", "name"),
        ("Website", "website"),
        ("Target groups", "target_groups"),
        ("Postal code", "postcode"),
        ("Hjemmesidee", "website"),  # a typing slip
        ("Postnumer", "postcode"),
    ],
)
def test_register_headers_map_to_fields(header: str, field: str) -> None:
    assert suggest_mapping([header]) == {header: field}


def test_an_unknown_header_is_not_mapped_but_gets_candidates() -> None:
    (suggestion,) = suggest_columns(["Mailadr"])
    assert suggestion.field is None
    assert suggestion.candidates[0][0] == "email"
    assert suggest_columns(["Stiftet år"])[0].field is None


def test_a_one_value_field_goes_to_the_most_like_header_and_lists_take_several() -> None:
    mapping = suggest_mapping(
        ["Foreningsnavn", "Navn på forening", "Målgruppe", "Målgruppe (2)", "Bemærkning", "Noter"]
    )
    assert mapping["Foreningsnavn"] == "name"
    assert "Navn på forening" not in mapping
    assert (mapping["Målgruppe"], mapping["Målgruppe (2)"]) == ("target_groups", "target_groups")
    assert (mapping["Bemærkning"], mapping["Noter"]) == ("notes", "notes")


def test_the_source_key_is_the_set_of_header_names() -> None:
    key = source_key(["Navn", "Postnr.", "By"])
    assert key == source_key(["By", "navn", "Postnr"])
    assert key != source_key(["Navn", "Postnr.", "By", "CVR"])
    assert len(key) <= 200


def test_fold_header() -> None:
    assert fold_header(" CVR-nr. ") == "cvr nr"
    assert fold_header("Målgruppe(r)") == "maalgruppe r"


def test_mapping_problems_name_the_column_and_the_nearest() -> None:
    headers = ["Foreningsnavn", "Postnr.", "Postnummer"]
    problems = mapping_problems(
        {"Foreningsnavm": "name", "Postnr.": "postcode", "Postnummer": "postcode"},
        headers,
        "r.csv",
    )
    found = {(p.field, p.code, p.params.get("nearest")) for p in problems}
    assert ("Foreningsnavm", "unknown_field", "Foreningsnavn") in found
    assert ("Postnummer", "duplicate_items", None) in found
    assert ("name", "required", None) in found  # the misspelt column gave no name
    bad, no_name = mapping_problems({"Foreningsnavn": "navn"}, headers, "r.csv")
    assert (bad.code, bad.params["nearest"]) == ("not_one_of", "name")
    assert no_name.code == "required"
    assert mapping_problems({"Foreningsnavn": "name", "Postnr.": None}, headers, "r.csv") == []


def test_every_field_names_a_known_type_and_facet() -> None:
    vocabulary = load_vocabulary()
    for field in column_config().fields.values():
        if field.type in ("code", "codes"):
            assert field.facet is not None
            assert vocabulary.codes(field.facet)


# --------------------------------------------------------------------------- values → codes


@pytest.fixture(scope="module")
def codes() -> CodeMapper:
    return CodeMapper(load_vocabulary())


@pytest.mark.parametrize(
    ("facet", "text", "code"),
    [
        ("actor_kinds", "Idrætsforening", "local_association"),
        ("actor_kinds", "IDRÆTSFORENING", "local_association"),
        ("actor_kinds", "Idraetsforening", "local_association"),
        ("actor_kinds", "Idrætsforning", "local_association"),  # a typing slip
        ("actor_kinds", "Lokal forening", "local_association"),
        ("actor_kinds", "local_association", "local_association"),
        ("actor_kinds", "Patientforening", "user_organisation"),
        ("actor_kinds", "Frivilligcenter", "volunteer_centre"),
        ("actor_kinds", "Social enterprise", "social_enterprise"),
        ("target_groups", "Ensomme ældre", "elderly_lonely"),
        ("target_groups", "Psykisk sårbare og psykisk syge", "mental_illness"),
        ("resource_kinds", "Lokaler", "premises"),
        ("roles", "Brobygger", "bridge_builder"),
    ],
)
def test_values_map_to_codes(codes: CodeMapper, facet: str, text: str, code: str) -> None:
    assert codes.code(facet, text) == code


@pytest.mark.parametrize(
    ("facet", "text", "found", "unmapped"),
    [
        ("target_groups", "Ensomme ældre; flygtninge", ["elderly_lonely", "refugees_migrants"], []),
        ("target_groups", "Ældre, demens og pårørende", ["elderly_frail", "relatives"], []),
        ("target_groups", "Hjemløse / misbrugere", ["homeless", "substance_abuse"], []),
        ("target_groups", "Psykisk sårbare og psykisk syge", ["mental_illness"], []),
        ("target_groups", "Børn og unge", [], ["Børn og unge"]),  # kept whole, not in pieces
        ("target_groups", "Hjemløse, Børn og unge", ["homeless"], ["Børn og unge"]),
        ("target_groups", "Ensomme ældre og kattevenner", ["elderly_lonely"], ["kattevenner"]),
        ("target_groups", "ensomhed, Ensomme ældre", ["elderly_lonely"], []),  # once
        (
            "resource_kinds",
            "Lokaler\nFrivillige • Kurser",
            ["premises", "volunteer_hours", "training"],
            [],
        ),
        ("roles", "", [], []),
    ],
)
def test_cells_with_several_values(
    codes: CodeMapper, facet: str, text: str, found: list[str], unmapped: list[str]
) -> None:
    assert codes.codes(facet, text) == (found, unmapped)


def test_near_but_different_words_are_not_taken(codes: CodeMapper) -> None:
    assert codes.code("target_groups", "Børn") is None
    assert codes.code("actor_kinds", "Forsamlingshus") is None
    assert codes.code("target_groups", '=HYPERLINK("x")') is None


# --------------------------------------------------------------------------- rows → records


HEADERS = ["Navn", "Type", "Postnr. og by", "Kommune", "CVR", "Hjemmeside", "Frivillige", "Aktiv"]


def reader(default_kind: str | None = "local_association") -> RowReader:
    return RowReader(
        HEADERS, suggest_mapping(HEADERS), load_vocabulary(), default_kind=default_kind
    )


def test_a_row_becomes_an_actor_record_and_what_fits_no_field_a_note() -> None:
    read = reader().read(
        4,
        [
            "Gjesing IF",
            "Forsamlingshus",
            "6700 Esbjerg",
            "Esbjerg Kommune",
            "DK 29 40 00 08",
            "www.gjesing-if.dk",
            "ca. 20 om sommeren",
            "ja",
        ],
    )
    assert isinstance(read, RowRecord)
    assert read.values == {
        "name": "Gjesing IF",
        "kind": "local_association",
        "location": {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"},
        "registry_ids": {"cvr": "29400008"},
        "contact": {"website": "https://www.gjesing-if.dk"},
        "active": True,
    }
    assert read.cvr == "29400008"
    assert read.notes == (
        ReviewNote("kind", "Forsamlingshus", "unmapped_code"),
        ReviewNote("volunteers", "ca. 20 om sommeren", "invalid_value"),
    )


@pytest.mark.parametrize(
    ("cells", "column", "code"),
    [
        (["", "forening"], "Navn", "required"),
        (["A", "", "", "", "12345678"], "CVR", "bad_format"),
        (["A", "", "", "", "", "", "", "måske"], "Aktiv", "not_one_of"),
    ],
)
def test_a_row_that_cannot_be_an_actor_names_line_and_column(
    cells: list[str], column: str, code: str
) -> None:
    (problem,) = reader().read(9, cells)  # type: ignore[misc]
    assert (problem.record, problem.field, problem.code) == ("line 9", column, code)


def test_without_a_default_kind_the_kind_is_required_with_the_nearest() -> None:
    (missing,) = reader(None).read(2, ["A"])  # type: ignore[misc]
    assert (missing.field, missing.code) == ("Type", "required")
    (unknown,) = reader(None).read(3, ["A", "Forsamlingshus"])  # type: ignore[misc]
    assert (unknown.field, unknown.value, unknown.code) == (
        "Type",
        "Forsamlingshus",
        "unknown_code",
    )
    assert "nearest" in unknown.params


def test_a_ragged_row_is_one_problem_of_the_whole_row() -> None:
    (problem,) = reader().read(5, ["A", "B", "C"], ragged=True)  # type: ignore[misc]
    assert (problem.field, problem.code, problem.params) == ("(row)", "ragged_row", {"columns": 8})


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("20", 20),
        ("1.200", 1200),
        ("1 200", 1200),
        ("ca. 20", 20),
        ("Ca 20", 20),
        ("20-30", None),
        ("tyve", None),
        ("2,5", None),
    ],
)
def test_whole_numbers(text: str, number: int | None) -> None:
    assert whole_number(text) == number


@pytest.mark.parametrize(
    ("text", "flag"),
    [("Ja", True), ("x", True), ("SAND", True), ("nej", False), ("0", False), ("måske", None)],
)
def test_yes_or_no(text: str, flag: bool | None) -> None:
    assert yes_or_no(text) == flag


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("561", "0561"),
        ("0751", "0751"),
        ("Esbjerg", "0561"),
        ("Esbjerg Kommune", "0561"),
        ("Københavns Kommune", "0101"),
        ("Kommune Aarhus", "0751"),
        ("9999", None),
        ("Atlantis", None),
    ],
)
def test_municipality_codes_from_codes_and_names(text: str, code: str | None) -> None:
    assert municipality_code(text) == code


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("www.gjesing-if.dk", "https://www.gjesing-if.dk"),
        ("gjesing-if.dk/om", "https://gjesing-if.dk/om"),
        ("http://x.dk", "http://x.dk"),
        ("javascript:alert(1)", "javascript:alert(1)"),  # refused later by the editor's rule
        ("ikke en side", "ikke en side"),
    ],
)
def test_websites(text: str, url: str) -> None:
    assert website(text) == url
