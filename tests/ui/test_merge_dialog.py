"""The merge view and the "Possible duplicates" list with real widgets: Esbjerg Roklub came into
the register twice; the coordinator compares the two, picks values, merges them or says they
are not the same, and the register in the window follows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QRadioButton
from pytestqt.qtbot import QtBot

from mapper.domain.dedupe import Evidence
from mapper.domain.vocabulary import load_vocabulary
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.merge import MergeResult, MergeService
from tests.conftest import MakeDatabase
from tests.ui.danish import danish
from ui.app import build_context
from ui.duplicates_dialog import DuplicatesDialog, open_duplicates_dialog
from ui.main_window import MainWindow
from ui.merge_dialog import MergeDialog, evidence_text

ESBJERG = {"postcode": "6700", "city": "Esbjerg", "municipality_code": "0561"}
SURVIVOR, OTHER = "esb-roklub", "imp-roklub"
WAIT = 10_000


def register() -> dict[str, Any]:
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            {
                "id": SURVIVOR,
                "name": "Esbjerg Roklub",
                "kind": "local_association",
                "location": ESBJERG,
                "target_groups": ["youth_vulnerable"],
                "profile": {"we_are": "En roklub ved havnen"},
            },
            {
                "id": OTHER,
                "name": "Esbjerg Roklubben",
                "kind": "voluntary_organisation",
                "location": {**ESBJERG, "address": "Havnevej 3"},
                "target_groups": ["elderly_lonely"],
                "contact": {"email": "info@roklub.dk"},
            },
            {
                "id": "esb-sind",
                "name": "Sammen om Sindet Esbjerg",
                "kind": "voluntary_organisation",
                "location": ESBJERG,
            },
            {
                "id": "esb-sind-2",
                "name": "Sammen om Sindet",
                "kind": "voluntary_organisation",
                "location": {"postcode": "6705", "municipality_code": "0561"},
            },
        ],
    }


@pytest.fixture
def database(make_database: MakeDatabase) -> Iterator[Database]:
    db = open_database(make_database("register"))
    LandscapeService(db).import_document(register())
    yield db
    db.close()


@pytest.fixture
def merges(database: Database) -> MergeService:
    return MergeService(database, "Karen")


def merge_dialog(qtbot: QtBot, merges: MergeService, **kwargs: Any) -> MergeDialog:
    dialog = MergeDialog(merges, SURVIVOR, OTHER, load_vocabulary(), **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.show()
    return dialog


def radio(dialog: MergeDialog, side: str, path: str) -> QRadioButton:
    button = dialog.findChild(QRadioButton, f"{side}:{path}")
    assert button is not None, f"no choice {side}:{path}"
    return button


def click(qtbot: QtBot, button: QRadioButton) -> None:
    """A click on the round mark of a choice (a radio button takes clicks on its mark and
    its text only)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def test_shows_both_actors_the_score_and_the_evidence(qtbot: QtBot, merges: MergeService) -> None:
    dialog = merge_dialog(qtbot, merges, decision="merge")
    assert "very likely the same actor" in dialog.score.text()
    evidence = [dialog.evidence.item(i).text() for i in range(dialog.evidence.count())]
    assert evidence[0].startswith("✓ Name: score ")
    assert "✓ Postcode: 6700" in evidence
    assert dialog.survivor_box.currentData() == SURVIVOR
    # Differing fields have a choice, the default keeping every non-empty value.
    assert radio(dialog, "survivor", "name").isChecked()
    assert radio(dialog, "other", "location.address").isChecked()
    assert radio(dialog, "other", "contact.email").isChecked()
    assert radio(dialog, "both", "target_groups").isChecked()
    assert radio(dialog, "survivor", "kind").text() == "Local association"
    assert radio(dialog, "other", "location.address").text() == "Havnevej 3"
    # Equal fields are shown without a choice.
    assert dialog.findChild(QRadioButton, "survivor:location.postcode") is None
    assert dialog.choices() == {
        "name": "survivor",
        "kind": "survivor",
        "location.address": "other",
        "contact.email": "other",
        "profile.we_are": "survivor",
    }


def test_merging_with_chosen_values(qtbot: QtBot, merges: MergeService, database: Database) -> None:
    dialog = merge_dialog(qtbot, merges)
    click(qtbot, radio(dialog, "other", "name"))
    dialog.choose("target_groups", "survivor")
    with qtbot.waitSignal(dialog.merged, timeout=WAIT) as merged:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    result = merged.args[0]
    assert isinstance(result, MergeResult)
    assert (result.survivor_id, result.merged_id) == (SURVIVOR, OTHER)
    assert dialog.result() == QDialog.DialogCode.Accepted
    actor, _ = ActorEditService(database).load(SURVIVOR)
    assert actor.name == "Esbjerg Roklubben"
    assert actor.target_groups == ("youth_vulnerable",)
    assert actor.location.address == "Havnevej 3"
    assert SURVIVOR in result.changes.actors and OTHER in result.changes.actors


def test_the_keyboard_chooses_and_merges(qtbot: QtBot, merges: MergeService) -> None:
    dialog = merge_dialog(qtbot, merges)
    first = radio(dialog, "survivor", "name")
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)  # arrows move within a field's choices
    assert radio(dialog, "other", "name").isChecked()
    assert dialog.choices()["name"] == "other"
    with qtbot.waitSignal(dialog.merged, timeout=WAIT) as merged:
        qtbot.keyClick(radio(dialog, "other", "name"), Qt.Key.Key_Return)  # Enter merges
    assert merged.args[0].fields["name"] == "merged"


def test_escape_cancels_and_stores_nothing(
    qtbot: QtBot, merges: MergeService, database: Database
) -> None:
    dialog = merge_dialog(qtbot, merges)
    with qtbot.assertNotEmitted(dialog.merged):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert ActorEditService(database).load(OTHER)[1] == 1


def test_not_the_same_is_recorded(qtbot: QtBot, merges: MergeService) -> None:
    dialog = merge_dialog(qtbot, merges)
    with qtbot.waitSignal(dialog.marked_distinct, timeout=WAIT) as decided:
        qtbot.mouseClick(dialog.distinct_button, Qt.MouseButton.LeftButton)
    assert decided.args[0].actors == {SURVIVOR, OTHER}
    assert all({p.first_id, p.second_id} != {SURVIVOR, OTHER} for p in merges.candidates())


def test_keeping_the_others_id_swaps_the_sides(qtbot: QtBot, merges: MergeService) -> None:
    dialog = merge_dialog(qtbot, merges)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.survivor_box.activated.emit(1)
    assert (dialog.survivor_id, dialog.other_id) == (OTHER, SURVIVOR)
    assert radio(dialog, "survivor", "name").text() == "Esbjerg Roklubben"
    assert dialog.survivor_box.currentData() == OTHER


def test_a_change_meanwhile_is_shown_and_the_actors_are_read_again(
    qtbot: QtBot, merges: MergeService, database: Database
) -> None:
    dialog = merge_dialog(qtbot, merges)
    editor = ActorEditService(database)
    actor, version = editor.load(OTHER)
    editor.save(dataclasses.replace(actor, name="Roklubben Esbjerg"), expected_version=version)
    with (
        qtbot.waitSignal(dialog.loaded, timeout=WAIT),
        qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed,
    ):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "shown again" in failed.args[0]
    assert dialog.error.isVisible()
    assert radio(dialog, "other", "name").text() == "Roklubben Esbjerg"
    assert editor.load(OTHER)[1] == 2  # nothing merged


def test_two_cvr_numbers_cannot_be_merged_but_can_be_told_apart(
    qtbot: QtBot, merges: MergeService, database: Database
) -> None:
    editor = ActorEditService(database)
    for actor_id, cvr in ((SURVIVOR, "61126228"), (OTHER, "10000009")):
        actor, version = editor.load(actor_id)
        editor.save(
            dataclasses.replace(actor, registry_ids=(("cvr", cvr),)), expected_version=version
        )
    dialog = merge_dialog(qtbot, merges)
    assert "two legal entities are never merged" in dialog.score.text()
    assert not dialog.merge_button.isEnabled()
    assert dialog.distinct_button.isEnabled()


def test_a_refused_merge_is_named_and_the_dialog_stays_open(
    qtbot: QtBot, merges: MergeService, database: Database
) -> None:
    dialog = merge_dialog(qtbot, merges)
    editor = ActorEditService(database)
    actor, version = editor.load(OTHER)
    editor.save(
        dataclasses.replace(actor, registry_ids=(("cvr", "10000009"),)), expected_version=version
    )
    survivor, version = editor.load(SURVIVOR)
    editor.save(
        dataclasses.replace(survivor, registry_ids=(("cvr", "61126228"),)),
        expected_version=version,
    )
    # Both changed since the view read them: the versions it sends are old.
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert failed.args[0]
    assert dialog.isVisible() and dialog.error.isVisible()


def test_the_dialog_speaks_danish(qtbot: QtBot, merges: MergeService) -> None:
    with danish("MergeDialog") as translator:
        dialog = merge_dialog(qtbot, merges, decision="review")
        assert dialog.merge_button.text() == "&Flet"
        assert dialog.distinct_button.text() == "&Ikke den samme"
        assert dialog.windowTitle() == "Flet aktører"
        assert "måske den samme aktør" in dialog.score.text()
        assert dialog.evidence.item(0).text().startswith("✓ Navn: score ")
    assert translator.missing == set()


@pytest.mark.parametrize(
    ("evidence", "text"),
    [
        (Evidence("name", True, "name score 93"), "✓ Name: score 93"),
        (
            Evidence("name", False, "name score 40 (numbers 1 ≠ 2)"),
            "✗ Name: score 40 (other numbers: 1 ≠ 2)",
        ),
        (
            Evidence("name", False, "name score 50 (place ribe ≠ town tjaereborg)"),
            "✗ Name: score 50 (the name's place ribe ≠ the town tjaereborg)",
        ),
        (Evidence("postcode", False, "postcode 6700 ≠ 6705"), "✗ Postcode: 6700 ≠ 6705"),
        (Evidence("cvr", True, "cvr 61126228"), "✓ CVR number: 61126228"),
        (Evidence("email", True, "email info@roklub.dk"), "✓ E-mail: info@roklub.dk"),
    ],
)
def test_evidence_in_words(evidence: Evidence, text: str) -> None:
    assert evidence_text(evidence) == text


# --------------------------------------------------------------------------- the list


def test_the_list_shows_pairs_best_first_and_opens_the_merge_view(
    qtbot: QtBot, merges: MergeService
) -> None:
    dialog = DuplicatesDialog(merges, load_vocabulary())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT) as loaded:
        dialog.show()
    assert loaded.args == [2]
    first = dialog.selected_row()
    assert first is not None
    assert (first.pair.first_id, first.pair.second_id) == (SURVIVOR, OTHER)
    assert "2 pairs may be the same actor (1 very likely)" in dialog.summary.text()
    with (
        qtbot.waitSignal(dialog.changes_made, timeout=WAIT) as changed,
        qtbot.waitSignal(dialog.loaded, timeout=WAIT) as reloaded,
    ):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter opens the pair
        view = dialog.merge_dialog
        assert view is not None
        qtbot.waitUntil(lambda: view.merge_button.isEnabled(), timeout=WAIT)
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert OTHER in changed.args[0].actors
    assert reloaded.args == [1]


def test_an_empty_register_has_no_duplicates(qtbot: QtBot, make_database: MakeDatabase) -> None:
    database = open_database(make_database("empty"))
    dialog = DuplicatesDialog(MergeService(database), load_vocabulary())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT) as loaded:
        dialog.show()
    assert loaded.args == [0]
    assert dialog.summary.text() == "No possible duplicates in the register."
    assert not dialog.open_button.isEnabled()
    assert dialog.open_selected() is None
    database.close()


def test_the_window_menu_opens_the_list_and_a_merge_refreshes_the_register(
    qtbot: QtBot, database: Database
) -> None:
    window = MainWindow(build_context(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.actor_model.total() == 4, timeout=WAIT)
    action = window.commands.duplicates_action
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit")
    assert action in edit_menu.menu().actions()
    action.trigger()
    dialog = window.findChild(DuplicatesDialog)
    assert dialog is not None
    try:
        qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=WAIT)
        # The view proposes the record in use (else the fuller one) as the survivor.
        kept, gone = window.context.merges.suggested_survivor(SURVIVOR, OTHER)
        view = dialog.open_selected()
        assert view is not None
        qtbot.waitUntil(lambda: view.merge_button.isEnabled(), timeout=WAIT)
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.actor_model.row_of(gone) is None, timeout=WAIT)
        assert window.actor_model.row_of(kept) is not None
    finally:
        dialog.close()


def test_open_duplicates_dialog_announces_changes(qtbot: QtBot, database: Database) -> None:
    window = MainWindow(build_context(database))
    qtbot.addWidget(window)
    announced: list[Any] = []
    dialog = open_duplicates_dialog(window, announced.append)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=WAIT)
    view = dialog.open_selected()
    assert view is not None
    qtbot.waitUntil(lambda: view.distinct_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(view.distinct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(announced), timeout=WAIT)
    assert announced[0].actors == {SURVIVOR, OTHER}
    dialog.close()
