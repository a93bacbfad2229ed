"""The fast paths of bulk imports: rows written straight through the driver store exactly what
the ordinary SQLAlchemy path stores (SQLite and PostgreSQL), and the garbage collector pause
around bulk work always ends."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, insert, select
from sqlalchemy.exc import IntegrityError

from mapper.io.bulk import collector_paused
from mapper.persistence.database import Database
from mapper.persistence.orm import UTCDateTime
from mapper.persistence.store import bulk_insert
from mapper.services.landscape import LandscapeService


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database(request: pytest.FixtureRequest) -> Database:
    name = "database" if request.param == "sqlite" else "pg_database"
    db: Database = request.getfixturevalue(name)
    return db


def _probe_tables(db: Database) -> tuple[Table, Table]:
    metadata = MetaData()
    tables = tuple(
        Table(
            name,
            metadata,
            Column("k", Integer, primary_key=True, autoincrement=False),
            Column("at", UTCDateTime),
            Column("label", String(20)),
            Column("body", Text),
            Column("hours", Float),
            Column("tag", String(10), default="standard"),
        )
        for name in ("probe_ordinary", "probe_bulk")
    )
    metadata.create_all(db.engine)
    return tables[0], tables[1]


ROWS: list[dict[str, Any]] = [
    {
        "k": 1,
        "at": dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC),
        "label": "æøå",
        "body": "linje 1\nlinje 2 'citat' \"dobbelt\" %s %(x)s ?",
        "hours": 2.5,
        "tag": "a",
    },
    {
        "k": 2,
        "at": dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "label": None,
        "body": None,
        "hours": None,
        "tag": "b",
    },
    {"k": 3, "at": None, "label": "", "body": "", "hours": 0.0, "tag": "c"},
]


def _stored(db: Database, table: Table) -> list[tuple[Any, ...]]:
    with db.unit_of_work() as session:
        return [tuple(row) for row in session.execute(select(table).order_by(table.c.k))]


def _raw(db: Database, table: Table) -> list[tuple[Any, ...]]:
    """The values as the driver holds them, before any SQLAlchemy result processing (which
    would read '12:00+02:00' and '10:00' as the same time)."""
    with db.unit_of_work() as session:
        sql = f"SELECT * FROM {table.name} ORDER BY k"
        return [tuple(row) for row in session.connection().exec_driver_sql(sql)]


def test_bulk_insert_stores_what_the_ordinary_insert_stores(any_database: Database) -> None:
    ordinary, bulk = _probe_tables(any_database)
    with any_database.unit_of_work() as session:
        session.execute(insert(ordinary), [dict(r) for r in ROWS])
        bulk_insert(session, bulk, [dict(r) for r in ROWS])
    expected = _stored(any_database, ordinary)
    assert _stored(any_database, bulk) == expected
    assert _raw(any_database, bulk) == _raw(any_database, ordinary)
    # Timestamps come back as aware UTC whichever offset they were given with.
    assert expected[1][1] == dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)


def test_bulk_insert_fills_defaults_of_columns_the_rows_leave_out(any_database: Database) -> None:
    _, bulk = _probe_tables(any_database)
    with any_database.unit_of_work() as session:
        bulk_insert(session, bulk, [{"k": 1, "label": "x"}, {"k": 2, "label": "y"}])
    assert [(row[0], row[5]) for row in _stored(any_database, bulk)] == [
        (1, "standard"),
        (2, "standard"),
    ]


def test_bulk_insert_of_nothing_writes_nothing(any_database: Database) -> None:
    _, bulk = _probe_tables(any_database)
    with any_database.unit_of_work() as session:
        bulk_insert(session, bulk, [])
    assert _stored(any_database, bulk) == []


def test_a_failed_bulk_insert_rolls_back_the_whole_unit_of_work(any_database: Database) -> None:
    _, bulk = _probe_tables(any_database)
    with any_database.unit_of_work() as session:
        bulk_insert(session, bulk, [{"k": 1, "label": "kept"}])
    with pytest.raises(IntegrityError), any_database.unit_of_work() as session:
        bulk_insert(session, bulk, [{"k": 2, "label": "new"}, {"k": 1, "label": "dup key"}])
    assert [(row[0], row[2]) for row in _stored(any_database, bulk)] == [(1, "kept")]


def test_an_import_round_trips_on_the_fast_paths(
    any_database: Database, landscape_doc: dict[str, Any]
) -> None:
    service = LandscapeService(any_database)
    report = service.import_document(landscape_doc)
    assert report.actors.created == len(landscape_doc["actors"])
    exported = service.export_document(personal_data=True)
    assert {a["id"] for a in exported["actors"]} == {a["id"] for a in landscape_doc["actors"]}
    again = service.import_document(exported)
    assert again.actors.created == 0 and again.actors.updated == 0


# ------------------------------------------------------------------ the collector pause


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_runs_again_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause ended the outer one"
    assert gc.isenabled()


def test_the_collector_runs_again_after_an_error(collector_on: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_overlapping_pauses_in_two_threads_end_with_the_last(collector_on: None) -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first thread has left; this pause still holds

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]
    assert gc.isenabled()
