"""Input that can never hurt, at the command line (issue 12): weights, review and consortium
sizes, parent organisations and `mapper set` values end in exit 0 and a consistent database,
or exit 2 and a clear message naming the record, field and value. Never a traceback, never an
empty ranking from weights no ranking can use."""

from __future__ import annotations

import io
import json
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mapper.matching.model import CRITERIA, MAX_WEIGHT
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.cli import main
from ui.cli_matching import WeightError, parse_weights

PROBLEM = "esb-p-bro"
PROPERTIES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-bad-input") / "small.sqlite"
    database = open_database(str(path))
    try:
        LandscapeService(database).import_document(small_landscape())
    finally:
        database.close()
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> str:
    """A copy of the small landscape: an association in Esbjerg (esb-sind) under its national
    body (dk-sind), a unit seeking volunteers for esb-p-bro, a bank, a volunteer."""
    path = tmp_path / "small.sqlite"
    shutil.copy(template, path)
    return str(path)


def stored_weights(db: str) -> dict[str, float]:
    code, out, err = run("--db", db, "weights", PROBLEM, "--json")
    assert code == 0, err
    return dict(json.loads(out))


# --------------------------------------------------------------------------- weights


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("inf", "skal være et endeligt tal fra 0 til 1000, ikke 'inf'"),
        ("nan", "skal være et endeligt tal fra 0 til 1000, ikke 'nan'"),
        ("-Infinity", "skal være et endeligt tal fra 0 til 1000, ikke '-Infinity'"),
        ("1e400", "skal være et endeligt tal fra 0 til 1000, ikke '1e400'"),
        ("-1", "kan ikke være negativ: -1"),
        ("1001", "kan højst være 1000, ikke 1001"),
        ("much", "skal være et tal fra 0 til 1000, ikke 'much' (f.eks. text=2)"),
        ("", "skal være et tal fra 0 til 1000, ikke '' (f.eks. text=2)"),
    ],
)
def test_weights_that_no_ranking_can_use_are_refused_and_not_stored(
    db: str, value: str, words: str
) -> None:
    before = stored_weights(db)
    code, out, err = run("--db", db, "weights", PROBLEM, f"text={value}")
    assert code == 2, (out, err)
    assert err == f"mapper: vægten for text {words}\n"
    assert stored_weights(db) == before
    code, out, err = run("--db", db, "match", PROBLEM, "--weight", f"text={value}")
    assert code == 2 and err == f"mapper: vægten for text {words}\n"


def test_the_largest_and_smallest_weights_rank(db: str) -> None:
    code, _, err = run("--db", db, "weights", PROBLEM, "text=1000", "geography=0")
    assert code == 0, err
    code, out, err = run("--db", db, "match", PROBLEM, "--json")
    assert code == 0, err
    ranking = json.loads(out)
    assert ranking["weights"]["text"] == MAX_WEIGHT and ranking["results"]
    assert all(math.isfinite(r["score"]) for r in ranking["results"])


def test_a_weight_stored_by_an_older_release_is_named_and_reset(db: str) -> None:
    assert run("--db", db, "weights", PROBLEM, "text=2")[0] == 0
    database = open_database(db)
    try:
        with database.engine.begin() as conn:
            conn.execute(text("UPDATE problem_match_weights SET weight = :w"), {"w": math.inf})
    finally:
        database.close()
    code, out, err = run("--db", db, "match", PROBLEM)
    assert code == 2, (out, err)
    assert f"problem {PROBLEM}: weights.text = inf: a weight must be a finite number" in err
    assert "Traceback" not in err
    code, _, err = run("--db", db, "weights", PROBLEM, "--reset")
    assert code == 0, err
    assert run("--db", db, "match", PROBLEM)[0] == 0


@PROPERTIES
@given(st.lists(st.sampled_from(CRITERIA) | st.text(max_size=10), max_size=3), st.data())
def test_any_weight_text_parses_to_usable_weights_or_a_danish_error(
    names: list[str], data: st.DataObject
) -> None:
    values = [
        data.draw(st.text(max_size=10) | st.floats().map(repr) | st.integers().map(str))
        for _ in names
    ]
    items = [f"{n}={v}" for n, v in zip(names, values, strict=True)]
    try:
        weights = parse_weights(items)
    except WeightError as exc:
        message = str(exc)
        assert message.startswith(("ukendt kriterium", "vægten for "))
        assert any(repr(n.strip()) in message or n.strip() in message for n in names)
    else:
        assert set(weights) <= set(CRITERIA)
        assert all(math.isfinite(w) and 0 <= w <= MAX_WEIGHT for w in weights.values())


# --------------------------------------------------------------------------- review, consortium


@pytest.mark.parametrize(
    "argv",
    [
        ("review", PROBLEM, "--per-group", "-1"),
        ("review", PROBLEM, "--per-group", "0"),
        ("review", PROBLEM, "--per-group", "10001"),
        ("consortium", PROBLEM, "--max-members", "0"),
        ("consortium", PROBLEM, "--pool", "-3"),
    ],
)
def test_review_and_consortium_sizes_out_of_range_exit_2(db: str, argv: tuple[str, ...]) -> None:
    code, out, err = run("--db", db, *argv)
    assert code == 2, (out, err)
    option, value = argv[2], argv[3]
    assert err == f"mapper: {option} skal være et helt tal fra 1 til 10.000, ikke {value}\n"


def test_review_and_consortium_sizes_in_range_work(db: str) -> None:
    code, out, err = run("--db", db, "review", PROBLEM, "--per-group", "1", "--json")
    assert code == 0, err
    assert all(len(g["results"]) <= 1 for g in json.loads(out)["groups"])
    code, out, err = run(
        "--db", db, "consortium", PROBLEM, "--max-members", "1", "--pool", "2", "--json"
    )
    assert code == 0, err
    assert len(json.loads(out)["members"]) <= 1


# --------------------------------------------------------------------------- parent cycles


def test_set_refuses_parents_that_go_round_naming_the_actors(db: str) -> None:
    # esb-sind's parent is dk-sind.
    code, out, err = run("--db", db, "set", "actor", "dk-sind", "parent_id=esb-sind")
    assert code == 2, (out, err)
    assert "dk-sind → esb-sind → dk-sind" in err
    code, out, err = run("--db", db, "set", "actor", "esb-bank", "parent_id=esb-bank")
    assert code == 2 and "an actor cannot be its own parent" in err
    assert run("--db", db, "set", "actor", "esb-bank", "parent_id=esb-sind")[0] == 0
    code, out, err = run("--db", db, "set", "actor", "dk-sind", "parent_id=esb-bank")
    assert code == 2 and "dk-sind → esb-bank → esb-sind → dk-sind" in err
    assert json.loads(run("--db", db, "show", "actor", "dk-sind")[1]).get("parent_id") is None


def test_an_imported_cycle_is_refused_and_nothing_is_stored(db: str, tmp_path: Path) -> None:
    doc = small_landscape()
    doc["actors"][1]["parent_id"] = "esb-bank"
    doc["actors"][3]["parent_id"] = "esb-sind"  # esb-sind → dk-sind → esb-bank → esb-sind
    doc["actors"][3]["name"] = "Vestbanken (ny)"
    path = tmp_path / "cycle.json"
    path.write_text(json.dumps(doc), "utf-8")
    code, out, err = run("--db", db, "import", str(path))
    assert code == 2, (out, err)
    assert "esb-sind → dk-sind → esb-bank → esb-sind" in err
    assert json.loads(run("--db", db, "show", "actor", "esb-bank")[1])["name"] == "Vestbanken A/S"


# --------------------------------------------------------------------------- mapper set

ACTOR = "esb-sind"
FIELDS: dict[str, st.SearchStrategy[object]] = {
    # What each field plausibly holds, at its edges; any JSON-ish value besides (``typed``).
    "name": st.text(max_size=20),
    "volunteers": st.integers(min_value=-5, max_value=2**63),
    "service_area_km": st.floats(min_value=-1, max_value=1e6) | st.integers(-1, 10**6),
    "public": st.booleans(),
    "active": st.booleans(),
    "location.postcode": st.from_regex(r"[0-9]{3,5}", fullmatch=True),
    "location.lat": st.floats(min_value=-100, max_value=100),
    "target_groups": st.lists(st.sampled_from(["mental_illness", "elderly", "x"]), max_size=3),
    "parent_id": st.sampled_from(["dk-sind", "esb-sind", "esb-bank", "nobody"]) | st.none(),
    "profile.we_are": st.text(max_size=30) | st.none(),
    "contact.email": st.sampled_from(["a@b.dk", "a@", "ikke en adresse"]) | st.none(),
}
json_ish = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | st.sampled_from(["mental_illness", "dk-sind", "esb-sind", "6700", "0561", "a@b.dk"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=4,
)
typed = (
    json_ish.map(lambda v: json.dumps(v, ensure_ascii=False))
    | st.text(max_size=12)
    | (st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "[", "{}", "null", "  "]))
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(sorted(FIELDS)), st.data())
def test_set_stores_any_value_readably_or_refuses_it_naming_the_field(
    db: str, field: str, data: st.DataObject
) -> None:
    value = data.draw(FIELDS[field].map(lambda v: json.dumps(v, ensure_ascii=False)) | typed)
    before = run("--db", db, "show", "actor", ACTOR)[1]
    code, out, err = run("--db", db, "set", "actor", ACTOR, f"{field}={value}")
    assert code in (0, 2), (code, out, err)
    event(f"{field}: {'stored' if code == 0 else 'refused'}")
    if code == 2:
        assert field in err, err
        assert "Traceback" not in err
        assert run("--db", db, "show", "actor", ACTOR)[1] == before  # nothing stored
        return
    shown_code, shown, shown_err = run("--db", db, "show", "actor", ACTOR)
    assert shown_code == 0, shown_err
    record = json.loads(shown)
    assert record["id"] == ACTOR
    # Stored as it reads back: setting it again changes nothing.
    again = run("--db", db, "set", "actor", ACTOR, f"{field}={value}")
    assert again[0] == 0 and "unchanged" in again[2], again
    assert run("--db", db, "show", "actor", ACTOR)[1] == shown
