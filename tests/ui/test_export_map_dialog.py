"""Exporting a partner map from the application, with the privacy preview."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mapper.domain.vocabulary import read_data_json
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
