"""Exporting a partner map from the application, with the privacy preview."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mapper.domain.vocabulary import read_data_json
from tests.conftest import MakeDatabase
from ui.app import build_main_window


def test_export_dialog_previews_privacy_and_writes_the_map(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_main_window(str(tmp_path / "x.sqlite"), demo_if_empty=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.actor_model.rowCount() > 0, timeout=10_000)
    doc = read_data_json("demo_landscape.json")
    volunteers = [a["name"] for a in doc["actors"] if a["kind"] == "volunteer_person"]

    dialog = window.open_export_map()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20_000)
    names = {dialog.names.item(i).text() for i in range(dialog.names.count())}
    assert names and not names & set(volunteers)
    assert f"{len(volunteers)} " in dialog.summary.text()

    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as blocker:
        dialog.set_scope("municipality", "0561")
    assert 0 < blocker.args[0] < len(names)

    target = tmp_path / "esbjerg.html"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as written:
        dialog.export_button.click()
    assert written.args == [str(target)]
    page = target.read_text("utf-8")
    assert "Sammen om Sindet Esbjerg" in page
    assert not any(name in page for name in volunteers)
    dialog.close()


def test_export_dialog_remembers_the_last_folder_and_title(
    qtbot: QtBot, tmp_path: Path, make_database: MakeDatabase
) -> None:
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService
    from mapper.services.maps import MapService
    from ui.export_map_dialog import ExportMapDialog

    db = open_database(make_database("r"))
    LandscapeService(db).load_demo()
    maps, vocabulary = MapService(db), LandscapeService(db).vocabulary
    first = ExportMapDialog(maps, vocabulary)
    qtbot.addWidget(first)
    qtbot.waitUntil(first.export_button.isEnabled, timeout=20_000)
    folder = tmp_path / "hjemmeside"
    folder.mkdir()
    first.path_edit.setText(str(folder / "esbjerg.html"))
    first.title_edit.setText("Partnere i Esbjerg")
    with qtbot.waitSignal(first.exported, timeout=20_000):
        first.export_button.click()
    first.close()

    second = ExportMapDialog(maps, vocabulary)
    qtbot.addWidget(second)
    assert second.path_edit.text() == str(folder / "partnerkort.html")
    assert second.title_edit.text() == "Partnere i Esbjerg"
    qtbot.waitUntil(second.export_button.isEnabled, timeout=20_000)
    second.close()
    db.close()
