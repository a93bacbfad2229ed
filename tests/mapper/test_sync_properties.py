"""Sync by property (hypothesis): whatever both sides edit, a sync ends with both sides equal
on every record without conflict, leaves both sides of a conflicting record untouched, and
after deciding every conflict either way converges with each field holding one side's value.
The server here is a second SQLite file: sync treats any database as the server."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.io import interchange
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.sync import SyncService
from tests.conftest import ESBJERG

IDS = [f"esb-a{i}" for i in range(4)]
NAMES = ["Aktør A", "Aktør B", "Gå-klubben", "Æblehaven"]
edits = st.lists(
    st.tuples(
        st.sampled_from(["local", "server"]),
        st.sampled_from(IDS),
        st.sampled_from(["name", "volunteers", "city"]),
        st.integers(0, 3),
    ),
    max_size=8,
)


def start(folder: Path) -> tuple[Database, Database]:
    server = open_database(str(folder / "server.sqlite"))
    LandscapeService(server).import_document(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {"id": i, "name": f"Aktør {i}", "kind": "local_association", "location": ESBJERG}
                for i in IDS
            ],
        }
    )
    SyncService.checkout(server.url, folder / "copy.sqlite", "0561")
    return server, open_database(str(folder / "copy.sqlite"))


def apply(database: Database, actor_id: str, field: str, value: int) -> None:
    service = ActorEditService(database)
    actor, version = service.load(actor_id)
    if field == "name":
        actor = replace(actor, name=NAMES[value])
    elif field == "volunteers":
        actor = replace(actor, volunteers=value)
    else:
        actor = replace(actor, location=replace(actor.location, city=f"By {value}"))
    service.save(actor, expected_version=version)


def records(database: Database) -> dict[str, dict[str, Any]]:
    return {
        a.id: interchange.actor_to_dict(a)
        for a in LandscapeService(database).export_landscape().actors
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits, st.sampled_from(["local", "server"]))
def test_sync_converges_and_never_overwrites_a_conflict(
    steps: list[tuple[str, str, str, int]], decide: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        server, copy = start(Path(folder))
        try:
            for side, actor_id, field, value in steps:
                apply(copy if side == "local" else server, actor_id, field, value)
            before_local, before_server = records(copy), records(server)
            report = SyncService(copy).sync()
            in_conflict = {c.record_id for c in report.conflicts}
            after_local, after_server = records(copy), records(server)
            for actor_id in IDS:
                if actor_id in in_conflict:
                    assert after_local[actor_id] == before_local[actor_id]
                    assert after_server[actor_id] == before_server[actor_id]
                else:
                    assert after_local[actor_id] == after_server[actor_id]
            for c in report.conflicts:
                SyncService(copy).resolve(c.record_id, c.field, decide)  # type: ignore[arg-type]
            final = SyncService(copy).sync()
            assert final.conflicts == ()
            assert records(copy) == records(server)
            for actor_id, record in records(copy).items():
                for key in ("name", "volunteers"):
                    assert record.get(key) in (
                        before_local[actor_id].get(key),
                        before_server[actor_id].get(key),
                    )
            assert SyncService(copy).sync().moved == ()
        finally:
            copy.close()
            server.close()
