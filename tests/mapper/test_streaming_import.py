"""A document is read record by record and written in batches in one transaction: references
may point forward or at stored records, any problem anywhere stores nothing and every problem
is named, Cancel between batches rolls back, and re-importing an unchanged document writes
nothing. The reader itself gives exactly what a whole-document parser gives."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from mapper.domain.errors import Cancelled, ValidationError
from mapper.io.stream import Batch, Member, document_items, read_items
from mapper.persistence.database import Database
from mapper.persistence.store import ACTORS
from mapper.services.landscape import LandscapeService

BATCH = 3


def association(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": f"a-{i:02d}", "name": f"Forening {i}", "kind": "local_association", **fields}


def document(actors: list[dict[str, Any]], **members: Any) -> dict[str, Any]:
    return {"format": "mapper-landscape", "version": 1, "actors": actors, **members}


def write(path: Path, doc: Any, *, indent: int | None = None) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


@pytest.fixture
def small_batches(service: LandscapeService) -> LandscapeService:
    service.batch_size = BATCH
    return service


@pytest.fixture
def writes(database: Database) -> Iterator[list[str]]:
    """Every INSERT, UPDATE and DELETE sent to the database while the test runs."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    yield statements
    event.remove(database.engine, "before_cursor_execute", seen)


def parents(database: Database) -> dict[str, str | None]:
    with database.unit_of_work() as session:
        keys = {pk: uid for pk, uid in session.execute(select(ACTORS.c.pk, ACTORS.c.uid))}
        rows = session.execute(select(ACTORS.c.uid, ACTORS.c.parent_pk))
        return {uid: keys.get(parent) for uid, parent in rows}


# --------------------------------------------------------------------------- references


def test_references_point_forward_across_batches_and_collections_in_any_order(
    small_batches: LandscapeService, database: Database, tmp_path: Path
) -> None:
    # Partnerships and problems first; the first actor's parent is the last one, batches away.
    actors = [association(i) for i in range(10)]
    actors[0]["parent_id"] = "a-09"
    actors[4]["parent_id"] = "a-01"
    doc = {
        "partnerships": [{"problem_id": "p-1", "actor_id": "a-08", "stage": "proposed"}],
        "problems": [{"id": "p-1", "title": "Brobygning", "owner_id": "a-07"}],
        "actors": actors,
        "version": 1,
        "format": "mapper-landscape",
    }
    report = small_batches.import_file(write(tmp_path / "forward.json", doc))
    assert (report.actors.created, report.problems.created, report.partnerships.created) == (
        10,
        1,
        1,
    )
    linked = parents(database)
    assert linked["a-00"] == "a-09" and linked["a-04"] == "a-01" and linked["a-05"] is None
    assert small_batches.get_problem("p-1").owner_id == "a-07"


def test_references_may_point_at_records_already_stored(
    small_batches: LandscapeService, database: Database
) -> None:
    small_batches.import_document(document([association(90, name="Landsforeningen")]))
    later = document(
        [association(i, parent_id="a-90") for i in range(7)],
        problems=[{"id": "p-2", "title": "Lektiehjælp", "owner_id": "a-90"}],
    )
    small_batches.import_document(later)
    assert set(parents(database).values()) == {"a-90", None}
    assert small_batches.get_problem("p-2").owner_id == "a-90"


def test_a_changed_document_moves_and_clears_parents(
    small_batches: LandscapeService, database: Database
) -> None:
    actors = [association(i, parent_id="a-06") for i in range(6)] + [association(6)]
    small_batches.import_document(document(actors))
    actors[0] = association(0)  # no parent any more
    actors[1] = association(1, parent_id="a-05")  # another parent, in a later batch
    report = small_batches.import_document(document(actors))
    assert (report.actors.updated, report.actors.unchanged) == (2, 5)
    linked = parents(database)
    assert (linked["a-00"], linked["a-01"], linked["a-02"]) == (None, "a-05", "a-06")


# --------------------------------------------------------------------------- all or nothing


def test_a_problem_in_the_last_batch_stores_nothing_and_every_problem_is_named(
    small_batches: LandscapeService, tmp_path: Path
) -> None:
    small_batches.import_document(document([association(99)]))
    before = small_batches.export_document()
    actors = [association(i) for i in range(10)]
    actors[1]["kind"] = "forening"  # first batch, written before the last batch is read
    actors[8]["target_groups"] = ["nobody"]
    actors[9]["parent_id"] = "a-77"  # an unknown reference, known only at the end
    with pytest.raises(ValidationError) as caught:
        small_batches.import_file(write(tmp_path / "bad.json", document(actors)))
    named = {(p.record, p.field, p.code) for p in caught.value.problems}
    assert named == {
        ("actor a-01", "kind", "unknown_code"),
        ("actor a-08", "target_groups[0]", "unknown_code"),
        ("actor a-09", "parent_id", "unknown_reference"),
    }
    assert small_batches.export_document() == before


def test_a_record_without_an_id_is_named_by_its_place_in_the_whole_array(
    small_batches: LandscapeService,
) -> None:
    actors: list[Any] = [association(i) for i in range(8)]
    actors[7] = {"name": "Uden id", "kind": "local_association"}
    with pytest.raises(ValidationError) as caught:
        small_batches.import_document(document(actors))
    assert [(p.record, p.field) for p in caught.value.problems] == [("actors[7]", "id")]
    assert small_batches.counts().actors == 0


def test_the_same_id_in_two_batches_is_refused(small_batches: LandscapeService) -> None:
    actors = [association(i) for i in range(7)] + [association(2, name="Igen")]
    with pytest.raises(ValidationError) as caught:
        small_batches.import_document(document(actors))
    assert [(p.record, p.code) for p in caught.value.problems] == [("actor a-02", "duplicate_id")]
    assert small_batches.counts().actors == 0


def test_a_document_without_actors_is_refused(small_batches: LandscapeService) -> None:
    with pytest.raises(ValidationError) as caught:
        small_batches.import_document({"format": "mapper-landscape", "version": 1, "problems": []})
    assert [(p.field, p.code) for p in caught.value.problems] == [("actors", "required")]


def test_actors_that_are_not_a_list_are_refused(small_batches: LandscapeService) -> None:
    with pytest.raises(ValidationError) as caught:
        small_batches.import_document(document({"a-01": association(1)}))  # type: ignore[arg-type]
    assert [(p.field, p.code) for p in caught.value.problems] == [("actors", "wrong_type")]


def test_cancel_between_batches_rolls_everything_back(
    small_batches: LandscapeService, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if len(calls) == 3:  # after two batches of actors were written
            raise Cancelled()

    path = write(tmp_path / "many.json", document([association(i) for i in range(10)]))
    with pytest.raises(Cancelled):
        small_batches.import_file(path, progress=progress)
    assert calls == [(0, 4), (0, 4), (0, 4)]
    assert small_batches.counts().actors == 0


def test_progress_reaches_every_phase(small_batches: LandscapeService, tmp_path: Path) -> None:
    calls: list[int] = []
    path = write(tmp_path / "many.json", document([association(i) for i in range(7)]))
    small_batches.import_file(path, progress=lambda done, total: calls.append(done))
    assert calls == [0, 0, 0, 1, 2, 3, 4]  # three batches, then the phases


# --------------------------------------------------------------------------- re-import


def test_reimporting_an_unchanged_document_writes_nothing(
    small_batches: LandscapeService, writes: list[str], tmp_path: Path
) -> None:
    actors = [association(i, target_groups=["elderly_lonely"]) for i in range(8)]
    actors[3]["parent_id"] = "a-07"
    doc = document(
        actors,
        problems=[{"id": "p-1", "title": "Ensomhed", "owner_id": "a-01"}],
        partnerships=[{"problem_id": "p-1", "actor_id": "a-02", "stage": "proposed"}],
    )
    path = write(tmp_path / "same.json", doc, indent=2)
    small_batches.import_file(path)
    writes.clear()
    report = small_batches.import_file(path)
    assert not report.changed_anything
    assert report.actors.unchanged == 8
    assert writes == []


# --------------------------------------------------------------------------- the reader


def records(items: Iterator[Member | Batch]) -> dict[str, Any]:
    """The document again, from its items."""
    doc: dict[str, Any] = {}
    for item in items:
        if isinstance(item, Member):
            doc[item.key] = item.value
        else:
            doc.setdefault(item.collection, []).extend(item.records)
    return doc


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8"), max_size=12)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
documents = st.dictionaries(
    st.sampled_from(["format", "version", "actors", "problems", "partnerships", "other"]),
    st.lists(json_values, max_size=7) | json_values,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(doc=documents, indent=st.sampled_from([None, 0, 2]), size=st.integers(1, 4))
def test_the_reader_gives_what_a_whole_document_parser_gives(
    tmp_path_factory: pytest.TempPathFactory, doc: dict[str, Any], indent: int | None, size: int
) -> None:
    path = write(tmp_path_factory.mktemp("read") / "doc.json", doc, indent=indent)
    from_file = records(read_items(path, size))
    assert from_file == orjson.loads(path.read_bytes())
    assert from_file == records(document_items(doc, size))


def test_batches_carry_their_place_in_the_array(tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", document([association(i) for i in range(7)]))
    batches = [i for i in read_items(path, 3) if isinstance(i, Batch)]
    assert [(b.offset, len(b.records)) for b in batches] == [(0, 3), (3, 3), (6, 1)]


def test_an_empty_collection_is_still_present(tmp_path: Path) -> None:
    items = list(read_items(write(tmp_path / "d.json", document([])), 3))
    assert Batch("actors", 0, []) in items


def test_records_longer_than_the_read_window_are_read_whole(tmp_path: Path) -> None:
    long_text = "æøå " * 400_000  # 1.6 M characters, beyond one read of the window
    doc = document([association(1, profile={"we_are": long_text}), association(2)])
    path = write(tmp_path / "long.json", doc)
    assert records(read_items(path)) == doc


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document([association(1)])).encode())
    assert records(read_items(path))["actors"] == [association(1)]


BROKEN = {
    "cut off in a record": ('{"format": "mapper-landscape",\n "actors": [{"id": "a"', "line 2"),
    "missing comma between records": (
        '{"actors": [\n  {"id": "a"}\n  {"id": "b"}\n]}',
        "line 3, column 3",
    ),
    "comma before the first record": (
        '{\n  "format": "mapper-landscape",\n  "actors": [,]\n}',
        "line 3, column 14",
    ),
    "trailing comma": ('{"actors": [{"id": "a"},]}', "line 1, column 25"),
    "unquoted field name": ('{"format": "x", actors: []}', "line 1, column 17"),
    "text after the document": ('{"actors": []} x', "line 1, column 16"),
    "empty file": ("", "line 1, column 1"),
    "NaN": ('{"actors": [{"id": "a", "volunteers": NaN}]}', "line 1, column 13"),
    "lone surrogate": ('{"actors": [{"id": "\\ud800"}]}', "line 1, column 13"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_json_is_named_by_line_and_column(case: str, tmp_path: Path) -> None:
    text, where = BROKEN[case]
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        list(read_items(path))
    problem = caught.value.problems[0]
    assert problem.code == "not_json"
    assert problem.field.startswith(where), problem
    assert str(path) in str(caught.value)


def test_a_fault_far_into_a_long_file_is_placed_exactly(tmp_path: Path) -> None:
    lines = ['{"format": "mapper-landscape", "version": 1, "actors": [']
    lines += [json.dumps(association(i)) + "," for i in range(20_000)]
    lines += ['{"id": "x" "name": "y"}]}']
    path = tmp_path / "long.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        list(read_items(path))
    assert caught.value.problems[0].field == "line 20002, column 12"


def test_bytes_that_are_not_utf8_are_named_by_place(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"actors": [\n {"id": "a", "name": "K\xf8ge"}]}')
    with pytest.raises(ValidationError) as caught:
        list(read_items(path))
    problem = caught.value.problems[0]
    assert problem.code == "not_json" and problem.field == "line 2, column 24"
    assert "UTF-8" in problem.message


@pytest.mark.parametrize("text", ["[1, 2]", '"landscape"', "42"])
def test_a_document_that_is_not_an_object_is_refused(text: str, tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        list(read_items(path))
    assert caught.value.problems[0].code == "not_object"


def test_a_broken_file_imports_nothing(small_batches: LandscapeService, tmp_path: Path) -> None:
    small_batches.import_document(document([association(99)]))
    text = json.dumps(document([association(i) for i in range(9)]))
    path = tmp_path / "cut.json"
    path.write_text(text[:-40], encoding="utf-8")  # the last record is cut off
    with pytest.raises(ValidationError) as caught:
        small_batches.import_file(path)
    assert caught.value.problems[0].code == "not_json"
    assert small_batches.counts().actors == 1


# --------------------------------------------------------------------------- export


@pytest.fixture
def register(small_batches: LandscapeService) -> LandscapeService:
    from tests.conftest import small_landscape

    small_batches.import_document(small_landscape())
    small_batches.import_document(document([association(i, roles=["referrer"]) for i in range(8)]))
    return small_batches


def test_the_streamed_export_writes_the_bytes_of_the_whole_document(
    register: LandscapeService, tmp_path: Path
) -> None:
    from mapper.io.interchange import write_document

    whole = tmp_path / "whole.json"
    write_document(register.export_document(personal_data=True), whole)
    streamed = tmp_path / "streamed.json"
    counts = register.export_file(streamed, personal_data=True)
    assert streamed.read_bytes() == whole.read_bytes()
    assert (counts.actors, counts.problems, counts.partnerships) == (13, 1, 1)

    text = io.StringIO()
    register.export_file(text, personal_data=True)  # standard output: text, written through
    assert text.getvalue().encode("utf-8") == whole.read_bytes()

    # Without personal data (the default) the same holds.
    write_document(register.export_document(), whole)
    register.export_file(streamed)
    assert streamed.read_bytes() == whole.read_bytes()


def test_an_empty_register_exports_an_empty_document(
    small_batches: LandscapeService, tmp_path: Path
) -> None:
    target = tmp_path / "empty.json"
    small_batches.export_file(target)
    assert json.loads(target.read_text("utf-8")) == {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [],
        "problems": [],
        "partnerships": [],
    }


def test_a_cancelled_export_leaves_the_earlier_file(
    register: LandscapeService, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("earlier", encoding="utf-8")
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 4:  # between two batches of actors, half the file written
            raise Cancelled()

    with pytest.raises(Cancelled):
        register.export_file(target, progress=progress)
    assert calls == [0, 1, 1, 1]
    assert target.read_text("utf-8") == "earlier"
    assert not list(tmp_path.glob("*.partial"))  # no half-written file left


@pytest.mark.postgres
def test_batches_forward_references_and_a_quiet_reimport_on_postgresql(
    pg_database: Database, tmp_path: Path
) -> None:
    service = LandscapeService(pg_database)
    service.batch_size = BATCH
    actors = [association(i, target_groups=["elderly_lonely"]) for i in range(10)]
    actors[0]["parent_id"] = "a-09"
    doc = document(
        actors,
        problems=[{"id": "p-1", "title": "Ensomhed", "owner_id": "a-08"}],
        partnerships=[{"problem_id": "p-1", "actor_id": "a-07", "stage": "proposed"}],
    )
    path = write(tmp_path / "pg.json", doc, indent=2)
    assert service.import_file(path).actors.created == 10
    assert parents(pg_database)["a-00"] == "a-09"

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            statements.append(statement)

    event.listen(pg_database.engine, "before_cursor_execute", seen)
    try:
        assert not service.import_file(path).changed_anything
    finally:
        event.remove(pg_database.engine, "before_cursor_execute", seen)
    assert statements == []
    exported = tmp_path / "out.json"
    service.export_file(exported)
    assert json.loads(exported.read_text("utf-8")) == service.export_document()


# --------------------------------------------------------------------------- what changed


def _variant(base: dict[str, Any], change: str) -> dict[str, Any]:
    """The actor with one thing changed (or none)."""
    a = json.loads(json.dumps(base))
    edits: dict[str, Any] = {
        "nothing": lambda: None,
        "name": lambda: a.update(name=a["name"] + " II"),
        "code order": lambda: a.update(target_groups=list(reversed(a["target_groups"]))),
        "one code less": lambda: a.update(target_groups=a["target_groups"][:1]),
        "resource hours": lambda: a["resources_offered"][0].update(hours_per_month=9),
        "whole hours as float": lambda: a["resources_offered"][0].update(hours_per_month=8.0),
        "resource dropped": lambda: a.update(resources_offered=a["resources_offered"][1:]),
        "example": lambda: a["profile"].update(success_examples=["Et andet eksempel"]),
        "registry id": lambda: a.update(registry_ids={"cvr": "87654321"}),
        "registry id added": lambda: a["registry_ids"].update(foreningsportalen="F-1"),
        "sought role": lambda: a["seeking"].update(roles=["referrer"]),
        "review note": lambda: a.update(review_notes=[]),
        "parent": lambda: a.update(parent_id="a-98"),
        "no parent": lambda: a.pop("parent_id"),
        "coordinates": lambda: a["location"].update(lat=55.5),
        "verified date": lambda: a.update(verified_on="2026-05-02"),
        "not public": lambda: a.update(public=False),
        "inactive": lambda: a.update(active=False),
    }
    edits[change]()
    return a


FULL_ACTOR = association(
    1,
    parent_id="a-99",
    registry_ids={"cvr": "12345678"},
    location={"postcode": "6700", "municipality_code": "0561", "lat": 55.47, "lon": 8.45},
    service_area_km=25,
    target_groups=["elderly_lonely", "mental_illness"],
    resources_offered=[
        {"kind": "volunteer_hours", "hours_per_month": 8},
        {"kind": "premises", "description": "Et lokale"},
    ],
    roles=["referrer"],
    profile={"we_are": "En forening", "success_examples": ["Gå-klub", "Fællesspisning"]},
    seeking={"roles": ["bridge_builder"], "description": "Frivillige"},
    contact={"name": "Anne", "email": "anne@example.dk", "website": "https://example.dk"},
    verified_on="2026-05-01",
    review_notes=[{"field": "target_groups", "value": "Ældre", "reason": "unmapped_code"}],
)


@pytest.mark.parametrize(
    "change",
    [
        "nothing",
        "name",
        "code order",
        "one code less",
        "resource hours",
        "whole hours as float",
        "resource dropped",
        "example",
        "registry id",
        "registry id added",
        "sought role",
        "review note",
        "parent",
        "no parent",
        "coordinates",
        "verified date",
        "not public",
        "inactive",
    ],
)
def test_a_batch_finds_changes_as_the_stored_actor_compared_with_the_new_one_would(
    service: LandscapeService, database: Database, change: str
) -> None:
    """The re-import compares rows, not actors built from them: the same verdict as comparing
    the actor as stored (read back whole) with the actor as imported."""
    from mapper.io.interchange import actor_from_dict

    parents = [association(98), association(99)]
    service.import_document(document([*parents, FULL_ACTOR]))
    changed = _variant(FULL_ACTOR, change)
    expected = service.get_actor("a-01") != actor_from_dict(changed)
    report = service.import_document(document([*parents, changed]))
    assert report.actors.updated == int(expected)
    assert (change == "nothing" or change == "whole hours as float") == (not expected)


def test_a_record_boundary_inside_a_text_is_no_boundary(tmp_path: Path) -> None:
    # Texts that look like the end of one record and the start of the next, and records
    # whose first fields differ: the many-at-a-time decoding must not be misled by either.
    tricky = '"}, {"id": "x"}, {"id": "y", "name": "z"},{"id":'
    actors = [association(i, profile={"we_are": tricky * (i % 3)}) for i in range(200)]
    actors[50] = {"name": "Navn først", "id": "a-50", "kind": "company"}
    doc = document(actors)
    for indent in (None, 2):
        path = write(tmp_path / f"tricky-{indent}.json", doc, indent=indent)
        assert records(read_items(path, 7)) == doc
