"""`mapper sync` driven as a script would: checkout, a sync listing what moved, exit 3 with
every conflict listed (lines and JSON), --resolve, and clear messages for wrong use."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def rename(database: Database, actor_id: str, name: str) -> None:
    service = ActorEditService(database, author="Anna")
    actor, version = service.load(actor_id)
    service.save(replace(actor, name=name), expected_version=version)


@pytest.fixture
def server(pg_database: Database) -> Database:
    LandscapeService(pg_database).import_document(small_landscape())
    return pg_database


@pytest.fixture
def copy(server: Database, tmp_path: Path) -> str:
    path = tmp_path / "offline.sqlite"
    code, out, err = run(
        "sync", "checkout", "--from", server.url, "--municipality", "561", str(path)
    )
    assert (code, out) == (0, "")
    assert "checked out 4 actors, 1 problems, 1 partnerships" in err
    assert str(path) in err
    return str(path)


def test_a_sync_lists_what_moved(server: Database, copy: str) -> None:
    local = open_database(copy)
    try:
        rename(local, "esb-sind", "Sammen om Sindet Vest")
    finally:
        local.close()
    rename(server, "esb-patriciahuset", "Patriciahuset Esbjerg")
    code, out, _err = run("--db", copy, "sync")
    assert code == 0
    assert "1 sendt, 1 hentet, 0 konflikter" in out
    assert "→ server  aktør esb-sind: ændret (name)" in out
    assert "← server  aktør esb-patriciahuset: ændret (name)" in out
    code, out, _err = run("--db", copy, "sync", "--json")
    assert code == 0 and json.loads(out)["moved"] == []


def test_conflicts_exit_3_are_listed_and_resolved(server: Database, copy: str) -> None:
    local = open_database(copy)
    try:
        rename(local, "esb-sind", "Lokalt navn")
    finally:
        local.close()
    rename(server, "esb-sind", "Servernavn")
    code, out, _err = run("--db", copy, "sync")
    assert code == 3
    assert "aktør esb-sind  felt name: lokalt »Lokalt navn«, på serveren »Servernavn«" in out
    assert "mapper sync --resolve esb-sind name --keep local|server" in out
    code, out, _err = run("--db", copy, "sync", "--json")
    assert code == 3
    assert json.loads(out)["conflicts"] == [
        {
            "record_type": "actor",
            "id": "esb-sind",
            "field": "name",
            "base": "Sammen om Sindet Esbjerg",
            "local": "Lokalt navn",
            "server": "Servernavn",
            "resolution": None,
        }
    ]
    code, out, err = run("--db", copy, "sync", "--resolve", "esb-sind", "name", "--keep", "server")
    assert code == 0, out + err
    assert "esb-sind name: serverens værdi beholdes (»Servernavn«)" in err
    assert "← server  aktør esb-sind: flettet (name)" in out
    assert LandscapeService(open_database(copy)).get_actor("esb-sind").name == "Servernavn"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("sync", "--keep", "local"), "--keep goes with --resolve ID FIELD"),
        (("sync", "--resolve", "esb-sind", "name"), "needs --keep local or --keep server"),
        (("sync", "--resolve", "esb-sind", "name", "--keep", "mine"), "invalid choice: 'mine'"),
        (("sync", "checkout", "x.sqlite"), "the following arguments are required: --from"),
    ],
)
def test_wrong_use_is_explained(argv: tuple[str, ...], message: str, tmp_path: Path) -> None:
    code, out, err = run("--db", str(tmp_path / "any.sqlite"), *argv)
    assert code == 2 and out == ""
    assert message in err


def test_a_file_that_is_no_copy_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    code, _out, err = run("--db", str(path), "sync")
    assert code == 2
    assert "is not an offline copy" in err and "sync checkout" in err


def test_resolving_nothing_open_names_the_field(server: Database, copy: str) -> None:
    code, _out, err = run("--db", copy, "sync", "--resolve", "esb-sind", "name", "--keep", "local")
    assert code == 2
    assert "no open conflict on field 'name' of 'esb-sind'; none is open" in err


def test_checkout_over_an_existing_file_is_refused(server: Database, copy: str) -> None:
    before = Path(copy).read_bytes()
    code, _out, err = run("sync", "checkout", "--from", server.url, copy)
    assert code == 2 and "exists already" in err
    assert Path(copy).read_bytes() == before


def test_an_unreachable_server_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"
    code, _out, err = run("sync", "checkout", "--from", url, str(path))
    assert code == 2
    assert "127.0.0.1:1" in err
    assert not path.exists()
