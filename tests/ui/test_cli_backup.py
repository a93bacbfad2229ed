"""`mapper backup` and `mapper restore`, driven as a user would: files, Danish messages, exit
codes, and the question before a restore; and the backup the window makes at start."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mapper.persistence.database import head_revision
from tests.conftest import small_landscape
from tests.fixtures.databases.make import fixture_path
from ui import app as app_module
from ui import operations
from ui.app import build_main_window, install_translator
from ui.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


class Terminal(io.StringIO):
    """Standard input that is a terminal, with the user's answer typed in."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "landscape.sqlite"
    document = tmp_path / "landscape.json"
    document.write_text(json.dumps(small_landscape(), ensure_ascii=False), encoding="utf-8")
    code, _, err = run("--db", str(path), "import", str(document))
    assert code == 0, err
    return path


def actor_names(db: Path) -> set[str]:
    code, out, err = run("--db", str(db), "actors", "--json")
    assert code == 0, err
    return {actor["name"] for actor in json.loads(out)}


def rename_bank(db: Path, name: str) -> None:
    code, _, err = run("--db", str(db), "set", "actor", "esb-bank", f"name={name}")
    assert code == 0, err


def test_help_lists_backup_and_restore(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run("--help")
    out = capsys.readouterr().out
    assert "backup" in out and "restore" in out


def test_backup_into_the_folder_prints_the_file_and_rotates(db: Path, tmp_path: Path) -> None:
    made = []
    for _ in range(3):
        code, out, err = run("--db", str(db), "backup", "--keep", "2")
        assert code == 0, err
        assert err.startswith("Sikkerhedskopi gemt: ")
        made.append(Path(out.strip()))
    assert all(p.parent == tmp_path / "backups" for p in made)
    assert all(re.fullmatch(r"landscape-\d{8}-\d{6}(-\d+)?\.sqlite", p.name) for p in made)
    assert "1 ældre sikkerhedskopi slettet (de nyeste 2 er beholdt)" in err
    assert sorted((tmp_path / "backups").iterdir()) == sorted(made[1:])


def test_backup_to_a_file_and_never_over_one(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "mandag.sqlite"
    code, out, err = run("--db", str(db), "backup", str(target))
    assert (code, out.strip()) == (0, str(target)), err
    code, _, err = run("--db", str(db), "backup", str(target))
    assert code == 2
    assert err == (
        f"mapper: {target} findes allerede og blev ikke overskrevet "
        "(brug --overwrite for at erstatte den)\n"
    )
    assert run("--db", str(db), "backup", str(target), "--overwrite")[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["backup", "x.sqlite", "--keep", "3"], "--keep gælder kun sikkerhedskopier i mappen"),
        (["backup", "--keep", "0"], "--keep skal være mindst 1"),
        (["backup", "--keep", "mange"], "invalid int value"),
    ],
)
def test_bad_backup_options_exit_2(db: Path, argv: list[str], message: str) -> None:
    code, _, err = run("--db", str(db), *argv)
    assert code == 2
    assert message in err


def test_backup_into_a_folder_that_does_not_exist_names_the_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "ingen-mappe" / "kopi.sqlite"
    code, _, err = run("--db", str(db), "backup", str(target))
    assert code == 2
    assert err == f"mapper: kopien {target} kunne ikke skrives; intet blev ændret\n"
    assert not target.parent.exists()


def test_backup_of_a_database_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run("--db", str(tmp_path / "ingen.sqlite"), "backup")
    assert code == 2
    assert "der er ingen database her" in err and "ingen.sqlite" in err


def test_backup_of_postgresql_without_client_tools_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    url = "postgresql+psycopg://someone:secret@127.0.0.1:5432/landscape"
    code, _, err = run("--db", url, "backup", str(tmp_path / "l.dump"))
    assert code == 2
    assert "pg_dump findes ikke" in err and "apt-get install postgresql-client" in err
    assert "secret" not in err


def test_restore_on_a_terminal_asks_and_keeps_the_replaced_database(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "mandag.sqlite"
    assert run("--db", str(db), "backup", str(saved))[0] == 0
    rename_bank(db, "Vestbanken Nord A/S")
    monkeypatch.setattr("sys.stdin", Terminal("j\n"))
    code, _, err = run("--db", str(db), "restore", str(saved))
    assert code == 0, err
    assert err.startswith(f"Erstat {db} med {saved}? [j/N] Databasen er gendannet fra {saved}")
    kept = next(tmp_path.glob("landscape.sqlite.replaced-*"))
    assert f"Den tidligere database er gemt som {kept}" in err
    assert "Vestbanken A/S" in actor_names(db)
    assert "Vestbanken Nord A/S" in actor_names(kept)


@pytest.mark.parametrize("answer", ["\n", "n\n", "nej\n", ""])
def test_restore_answered_no_changes_nothing(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    saved = tmp_path / "mandag.sqlite"
    assert run("--db", str(db), "backup", str(saved))[0] == 0
    rename_bank(db, "Vestbanken Nord A/S")
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, _, err = run("--db", str(db), "restore", str(saved))
    assert code == 0
    assert err.endswith("Gendannelse afbrudt; intet blev ændret\n")
    assert "Vestbanken Nord A/S" in actor_names(db)
    assert list(tmp_path.glob("*.replaced-*")) == []


def test_restore_without_a_terminal_needs_yes(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "mandag.sqlite"
    assert run("--db", str(db), "backup", str(saved))[0] == 0
    rename_bank(db, "Vestbanken Nord A/S")
    monkeypatch.setattr("sys.stdin", io.StringIO("j\n"))  # a pipe, not a terminal
    code, _, err = run("--db", str(db), "restore", str(saved))
    assert code == 2
    assert "bekræft med --yes" in err and "Intet blev ændret" in err
    assert "Vestbanken Nord A/S" in actor_names(db)
    code, _, err = run("--db", str(db), "restore", str(saved), "--yes")
    assert code == 0, err
    assert "Vestbanken A/S" in actor_names(db)


def test_restore_refuses_a_file_that_is_not_a_database(db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "noter.txt"
    notes.write_text("ikke en database")
    code, _, err = run("--db", str(db), "restore", str(notes), "--yes")
    assert code == 2
    assert err == f"mapper: {notes} er ikke en database (ikke en SQLite-fil); intet blev ændret\n"


def test_restore_refuses_a_newer_schema_naming_both_versions(db: Path, tmp_path: Path) -> None:
    newer = tmp_path / "fremtid.sqlite"
    assert run("--db", str(db), "backup", str(newer))[0] == 0
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    code, _, err = run("--db", str(db), "restore", str(newer), "--yes")
    assert code == 2
    assert err == (
        f"mapper: {newer} er lavet af en nyere udgave af programmet (skemaversion 9999; "
        f"denne udgave kender op til {head_revision()}); intet blev ændret\n"
    )


def test_restore_of_an_older_backup_says_it_will_be_upgraded(db: Path, tmp_path: Path) -> None:
    code, _, err = run("--db", str(db), "restore", str(fixture_path("0001")), "--yes")
    assert code == 0, err
    assert f"Kopien har skemaversion 0001; den opgraderes til {head_revision()}" in err
    assert actor_names(db)  # opened, and so upgraded


def test_restore_of_a_missing_file(db: Path, tmp_path: Path) -> None:
    code, _, err = run("--db", str(db), "restore", str(tmp_path / "væk.sqlite"), "--yes")
    assert code == 2
    assert "væk.sqlite findes ikke eller kan ikke læses" in err


# --------------------------------------------------------------------------- the window's start


def test_the_window_makes_the_days_backup_in_the_background(
    qapp: QApplication, qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    QSettings().setValue("backups/keep", 2)
    translator = install_translator(qapp, "da")
    try:
        window = build_main_window(str(db), lang="da")
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.actor_model.rowCount() == 5, timeout=10000)
        app_module.start_automatic_backup(window)
        qtbot.waitUntil(
            lambda: window.statusBar().currentMessage().startswith("Sikkerhedskopi gemt: "),
            timeout=10000,
        )
        made = list((tmp_path / "backups").iterdir())
        assert [p.name for p in made] == [window.statusBar().currentMessage().split(": ")[1]]
        window.statusBar().clearMessage()
        app_module.start_automatic_backup(window)  # the same day: none more
        qtbot.waitUntil(lambda: operations.running() == 0, timeout=10000)
        assert list((tmp_path / "backups").iterdir()) == made
        assert window.statusBar().currentMessage() == ""
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_a_failing_backup_at_start_is_a_status_message_not_an_error(
    qapp: QApplication, qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    (tmp_path / "backups").write_text("a file where the folder should be")
    window = build_main_window(str(db), lang="en")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.actor_model.rowCount() == 5, timeout=10000)
    app_module.start_automatic_backup(window)
    qtbot.waitUntil(
        lambda: "automatic backup" in window.statusBar().currentMessage(), timeout=10000
    )
    assert str(tmp_path / "backups") in window.statusBar().currentMessage()
