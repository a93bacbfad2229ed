"""The problem statement editor on a real SQLite file holding the small Esbjerg landscape:
typing a problem by keyboard and mouse, undo/redo, leaving with unsaved changes, the status
workflow, inline validation and errors from the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mapper.domain.errors import NotFoundError
from mapper.domain.model import Location, ProblemStatement, Resource, Seeking
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService
from tests.conftest import small_landscape
from ui.forms.resource_table import COL_DESCRIPTION, COL_DKK, COL_HOURS
from ui.problem_editor import ProblemEditor

TIMEOUT = 5000


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ProblemEditService:
    service.import_document(small_landscape())
    return ProblemEditService(database)


@pytest.fixture
def make_editor(
    qtbot: QtBot, edits: ProblemEditService, service: LandscapeService
) -> Callable[[], ProblemEditor]:
    def make() -> ProblemEditor:
        editor = ProblemEditor(
            edits,
            service.vocabulary,
            "en",
            owners=lambda: [(a.id, a.name) for a in service.list_actors()],
        )
        qtbot.addWidget(editor)

        def unexpected() -> str:
            raise AssertionError("the editor asked about unsaved changes")

        editor.confirm = unexpected  # type: ignore[assignment]
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        return editor

    return make


@pytest.fixture
def editor(make_editor: Callable[[], ProblemEditor]) -> ProblemEditor:
    return make_editor()


def close_message(editor: ProblemEditor) -> str:
    """The open message's text; closes it (a visible box would leak out of the test)."""
    box = editor.last_message
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def tick(qtbot: QtBot, editor: ProblemEditor, field: str, *searches: str) -> None:
    """Tick terms of a multi-select by keyboard: filter, Return into the list, Space."""
    checklist = editor.field_widget(field).parentWidget()
    for search in searches:
        filter_edit = checklist.filter_edit
        filter_edit.clear()
        qtbot.keyClicks(filter_edit, search)
        qtbot.keyClick(filter_edit, Qt.Key.Key_Return)
        qtbot.keyClick(checklist.list, Qt.Key.Key_Space)
    checklist.filter_edit.clear()


def edit_cell(qtbot: QtBot, editor: ProblemEditor, row: int, column: int, text: str) -> None:
    """Type into a cell of the resource table the way a user does: F2, text, Return."""
    table = editor.resource_table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell_editor = QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit)
    cell_editor.selectAll()
    qtbot.keyClicks(cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    # The view commits what was typed through a queued call.
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=TIMEOUT)


def choose_kind(qtbot: QtBot, editor: ProblemEditor, row: int, label: str) -> None:
    """Pick a resource kind in the cell's combo box (open already after "Add resource", else
    opened with F2) and confirm with Return."""
    table = editor.resource_table
    if not isinstance(QApplication.focusWidget(), QComboBox):
        table.setFocus()
        table.setCurrentCell(row, 0)
        qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(label))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 0).text() == label, timeout=TIMEOUT)


def append(qtbot: QtBot, edit: QPlainTextEdit, text: str) -> None:
    """Click into a text box, go to its end and type."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def save_by_keyboard(qtbot: QtBot, editor: ProblemEditor) -> list[object]:
    with qtbot.waitSignal(editor.problem_saved, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return blocker.args


# --------------------------------------------------------------------------- writing


def test_a_problem_written_by_keyboard_and_mouse_reads_back_with_every_field(
    qtbot: QtBot,
    editor: ProblemEditor,
    edits: ProblemEditService,
    make_editor: Callable[[], ProblemEditor],
) -> None:
    qtbot.keyClicks(editor.title_edit, "Gå-klub for beboere")
    owner = editor.owner_combo
    owner.setFocus()
    owner.setCurrentIndex(owner.findData("esb-patriciahuset"))
    qtbot.keyClicks(editor.municipality_edit, "0561")
    qtbot.keyClicks(editor.description_edit, "Beboerne kommer for sjældent ud.")
    qtbot.keyClick(editor.concreteness_combo, Qt.Key.Key_Down)  # the first: concrete
    tick(qtbot, editor, "target_groups", "mental illness", "socially vulnerable")
    editor.prevention_combo.setFocus()
    qtbot.keyClick(editor.prevention_combo, Qt.Key.Key_End)  # the last: rehabilitation
    qtbot.keyClicks(editor.our_role_edit, "Vi stiller lokaler til rådighed.")
    qtbot.keyClicks(editor.evidence_edit, "Vi tæller deltagere.")
    qtbot.mouseClick(editor.statutory_check, Qt.MouseButton.LeftButton)

    qtbot.keyClicks(editor.seeking_edit, "kan gå ture med beboerne")
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)
    choose_kind(qtbot, editor, 0, "Volunteers and volunteer hours")
    edit_cell(qtbot, editor, 0, COL_DESCRIPTION, "Gåvenner")
    edit_cell(qtbot, editor, 0, COL_HOURS, "16")
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)
    choose_kind(qtbot, editor, 1, "Funding")
    edit_cell(qtbot, editor, 1, COL_DKK, "250.000")
    tick(qtbot, editor, "seeking.required_resources", "volunteer hours")
    tick(qtbot, editor, "seeking.roles", "bridge builder", "provides volunteers")
    tick(qtbot, editor, "seeking.actor_kinds", "voluntary organisation", "local association")
    qtbot.keyClicks(editor.must_not_edit, "give medicin")
    tick(qtbot, editor, "seeking.excluded_actor_kinds", "company")
    qtbot.keyClicks(editor.max_distance_edit, "15")
    qtbot.keyClicks(editor.partner_gets_edit, "Lokaler og kaffe")
    for field, text in (
        ("location.address", "Kirkegade 1"),
        ("location.postcode", "6700"),
        ("location.city", "Esbjerg"),
        ("location.lat", "55,47"),
        ("location.lon", "8.45"),
    ):
        qtbot.keyClicks(editor.field_widget(field), text)
    assert editor.is_dirty() and editor.is_valid()

    assert save_by_keyboard(qtbot, editor) == ["esb-p-gaa-klub-for-beboere"]
    expected = ProblemStatement(
        id="esb-p-gaa-klub-for-beboere",
        title="Gå-klub for beboere",
        owner_id="esb-patriciahuset",
        municipality_code="0561",
        description="Beboerne kommer for sjældent ud.",
        concreteness="concrete",
        target_groups=("mental_illness", "socially_vulnerable_adults"),
        prevention_level="rehabilitation",
        our_role="Vi stiller lokaler til rådighed.",
        how_we_know_it_works="Vi tæller deltagere.",
        seeking=Seeking(
            description="kan gå ture med beboerne",
            resources=(
                Resource("volunteer_hours", "Gåvenner", 16.0),
                Resource("funding", amount_dkk=250000.0),
            ),
            required_resources=("volunteer_hours",),
            roles=("bridge_builder", "volunteer_provider"),
            actor_kinds=("voluntary_organisation", "local_association"),
            must_not="give medicin",
            excluded_actor_kinds=("company",),
            max_distance_km=15.0,
        ),
        partner_gets="Lokaler og kaffe",
        location=Location(
            address="Kirkegade 1",
            postcode="6700",
            city="Esbjerg",
            lat=55.47,
            lon=8.45,
            precision="manual",
        ),
        status="draft",
        involves_statutory_task=True,
    )
    assert edits.load(expected.id) == (expected, 1)
    assert not editor.is_dirty()
    assert editor.header_label.text() == "Gå-klub for beboere"

    again = make_editor()
    assert again.load_problem(expected.id)
    assert again.field_widget("seeking.resources").item(1, COL_DKK).text() == "250000"
    assert again.lat_edit.text() == "55.47"
    assert again.target_groups.value() == expected.target_groups
    assert not again.is_dirty()
    # Saving what was loaded stores the same record without a new version.
    assert not again.save_button.isEnabled()
    assert again.save()
    assert edits.load(expected.id) == (expected, 1)


def test_every_input_has_an_accessible_name_and_tab_follows_the_form(
    editor: ProblemEditor,
) -> None:
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox, QListWidget, QTableWidget)
    inputs = [w for w in editor.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(inputs) > 25
    unnamed = [
        w.objectName() or type(w).__name__
        for w in inputs
        if not w.accessibleName() and not isinstance(w.parentWidget(), QComboBox)
    ]
    assert unnamed == []
    order = []
    widget: QWidget = editor.title_edit
    for _ in range(12):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or widget.focusProxy():
            widget = widget.nextInFocusChain()
    assert order == [
        "title",
        "owner",
        "municipalityCode",
        "description",
        "concreteness",
        "targetGroupsFilter",
        "targetGroupsList",
        "preventionLevel",
        "ourRole",
        "howWeKnowItWorks",
        "statutoryTask",
        "seekingDescription",
    ]


def test_the_resource_table_checks_its_cells_and_rows_can_be_removed(
    qtbot: QtBot, editor: ProblemEditor
) -> None:
    qtbot.keyClicks(editor.title_edit, "Lektiehjælp")
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # leave the kind open
    assert editor.field_error("seeking.resources") == "Resource 1: choose a kind."
    assert not editor.save_button.isEnabled()
    choose_kind(qtbot, editor, 0, "Mentors and role models")
    edit_cell(qtbot, editor, 0, COL_HOURS, "-3")
    assert editor.field_error("seeking.resources") == (
        "Resource 1: hours per month must be 0 or more."
    )
    assert editor.resource_table.property("invalid")
    edit_cell(qtbot, editor, 0, COL_HOURS, "3,5")
    assert editor.field_error("seeking.resources") == ""
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.remove_resource_button, Qt.MouseButton.LeftButton)
    assert editor.resource_table.rowCount() == 0
    assert not editor.remove_resource_button.isEnabled()
    editor.undo_stack.undo()
    assert editor.resource_table.rowCount() == 1
    assert editor.resource_table.item(0, COL_HOURS).text() == "3,5"


# --------------------------------------------------------------------------- undo and redo


def test_typing_is_one_undo_step_per_field_and_undo_redo_restore_the_form(
    qtbot: QtBot, editor: ProblemEditor
) -> None:
    assert editor.load_problem("esb-p-bro")
    original = editor.title_edit.text()
    qtbot.keyClicks(editor.title_edit, " og fællesskab")
    assert editor.undo_stack.count() == 1  # fourteen letters, one command
    append(qtbot, editor.must_not_edit, " eller medicin")
    tick(qtbot, editor, "seeking.roles", "referrer")
    assert editor.undo_stack.count() == 3
    assert editor.roles.value() == ("bridge_builder", "referrer")

    editor.undo_stack.undo()
    assert editor.roles.value() == ("bridge_builder",)
    # Ctrl+Z in a text field goes to the editor's stack, not to the field's own history.
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.must_not_edit.toPlainText() == "overtage myndighedsopgaver"
    editor.undo_stack.undo()
    assert editor.title_edit.text() == original
    assert not editor.is_dirty()

    editor.undo_stack.redo()
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert editor.title_edit.text() == original + " og fællesskab"
    assert editor.must_not_edit.toPlainText() == "overtage myndighedsopgaver eller medicin"
    assert editor.roles.value() == ("bridge_builder", "referrer")
    assert editor.is_dirty()


def test_leaving_a_field_starts_a_new_undo_step(qtbot: QtBot, editor: ProblemEditor) -> None:
    qtbot.keyClicks(editor.title_edit, "Brobygning")
    editor.municipality_edit.setFocus()
    editor.title_edit.setFocus()
    qtbot.keyClicks(editor.title_edit, " i Esbjerg")
    assert editor.undo_stack.count() == 2
    editor.undo_stack.undo()
    assert editor.title_edit.text() == "Brobygning"


def test_undoing_the_creation_deletes_the_record_and_redo_stores_it_again(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService
) -> None:
    qtbot.keyClicks(editor.title_edit, "Fællesspisning")
    assert save_by_keyboard(qtbot, editor) == ["p-faellesspisning"]
    with qtbot.waitSignal(editor.problem_deleted, timeout=TIMEOUT) as blocker:
        editor.undo_stack.undo()
    assert blocker.args == ["p-faellesspisning"]
    assert editor.current_problem_id() is None
    assert editor.title_edit.text() == "Fællesspisning"
    assert editor.is_dirty()
    with pytest.raises(NotFoundError):
        edits.load("p-faellesspisning")
    with qtbot.waitSignal(editor.problem_saved, timeout=TIMEOUT) as blocker:
        editor.undo_stack.redo()
    assert blocker.args == ["p-faellesspisning"]
    assert edits.load("p-faellesspisning")[0].title == "Fællesspisning"
    assert not editor.is_dirty()


# --------------------------------------------------------------------------- unsaved changes


def test_dirty_marker_and_leaving_with_save_discard_or_cancel(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService
) -> None:
    assert editor.load_problem("esb-p-bro")
    assert editor.maybe_leave()  # nothing unsaved: no question asked
    with qtbot.waitSignal(editor.dirty_changed, timeout=TIMEOUT) as blocker:
        append(qtbot, editor.partner_gets_edit, " og kaffe")
    assert blocker.args == [True]
    assert editor.header_label.text().endswith(" *")

    asked: list[str] = []

    def answer(choice: str) -> Callable[[], str]:
        def confirm() -> str:
            asked.append(choice)
            return choice

        return confirm

    editor.confirm = answer("cancel")  # type: ignore[assignment]
    assert not editor.maybe_leave()
    assert editor.is_dirty()

    editor.confirm = answer("discard")  # type: ignore[assignment]
    with qtbot.waitSignal(editor.dirty_changed, timeout=TIMEOUT) as blocker:
        assert editor.maybe_leave()
    assert blocker.args == [False]
    assert editor.partner_gets_edit.toPlainText() == "Lokaler og faglig sparring"

    append(qtbot, editor.partner_gets_edit, " og kaffe")
    editor.confirm = answer("save")  # type: ignore[assignment]
    with qtbot.waitSignal(editor.problem_saved, timeout=TIMEOUT) as blocker:
        assert editor.maybe_leave()
    assert blocker.args == ["esb-p-bro"]
    assert edits.load("esb-p-bro")[0].partner_gets == "Lokaler og faglig sparring og kaffe"
    assert asked == ["cancel", "discard", "save"]


# --------------------------------------------------------------------------- status workflow


def shown_moves(editor: ProblemEditor) -> list[str]:
    return [s for s, button in editor.status_buttons.items() if not button.isHidden()]


def test_status_buttons_move_the_workflow_and_undo_moves_it_back(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService
) -> None:
    assert editor.load_problem("esb-p-bro")
    assert editor.status_label.text() == "Status: Seeking partners"
    assert shown_moves(editor) == ["open_for_input", "matched", "closed"]
    assert "help define the problem" in editor.status_buttons["open_for_input"].toolTip()

    with qtbot.waitSignal(editor.status_changed, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(editor.status_buttons["matched"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["esb-p-bro", "matched"]
    assert shown_moves(editor) == ["seeking", "closed"]
    qtbot.mouseClick(editor.status_buttons["closed"], Qt.MouseButton.LeftButton)
    assert edits.load("esb-p-bro")[0].status == "closed"
    assert shown_moves(editor) == ["draft", "matched"]
    assert editor.status_buttons["draft"].text() == "Reopen as draft"

    with qtbot.waitSignal(editor.status_changed, timeout=TIMEOUT) as blocker:
        editor.undo_stack.undo()
    assert blocker.args == ["esb-p-bro", "matched"]
    editor.undo_stack.undo()
    assert edits.load("esb-p-bro")[0].status == "seeking"
    assert editor.status_label.text() == "Status: Seeking partners"
    editor.undo_stack.redo()
    assert edits.load("esb-p-bro")[0].status == "matched"
    assert not editor.is_dirty()  # a move is stored at once; the form has nothing unsaved


def test_a_new_problem_has_no_moves_and_no_partner_search_until_saved(
    qtbot: QtBot, editor: ProblemEditor
) -> None:
    assert shown_moves(editor) == []
    assert not editor.status_hint.isHidden()
    assert not editor.match_button.isEnabled()
    qtbot.keyClicks(editor.title_edit, "Besøgsvenner")
    save_by_keyboard(qtbot, editor)
    assert shown_moves(editor) == ["open_for_input", "closed"]
    with qtbot.waitSignal(editor.match_requested, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(editor.match_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["p-besoegsvenner"]


# --------------------------------------------------------------------------- errors


def test_an_invalid_latitude_blocks_saving(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService
) -> None:
    assert editor.load_problem("esb-p-bro")
    editor.lat_edit.clear()
    qtbot.keyClicks(editor.lat_edit, "95")
    assert editor.field_error("location.lat") == "Latitude must be a number between -90 and 90."
    assert editor.lat_edit.property("invalid")
    assert not editor.save_button.isEnabled()
    with qtbot.assertNotEmitted(editor.problem_saved):
        assert not editor.save()
    editor.lat_edit.clear()
    assert editor.field_error("location.lat") == "Give both latitude and longitude, or neither."
    qtbot.keyClicks(editor.lat_edit, "55.5")
    assert editor.is_valid() and editor.save_button.isEnabled()
    assert not editor.lat_edit.property("invalid")
    assert edits.load("esb-p-bro")[0].location.lat == 55.4765


def test_a_conflict_keeps_the_typed_text_and_can_overwrite(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService, database: Database
) -> None:
    assert editor.load_problem("esb-p-bro")
    colleague = ProblemEditService(database)
    problem, version = colleague.load("esb-p-bro")
    colleague.save(replace(problem, description="Kollegaens tekst"), expected_version=version)
    colleague.set_status("esb-p-bro", "matched", expected_version=version + 1)

    append(qtbot, editor.must_not_edit, " eller medicin")
    with qtbot.assertNotEmitted(editor.problem_saved):
        assert not editor.save()
    box = editor.last_message
    assert box is not None and box.isVisible()
    assert "Someone else changed" in box.text()
    assert editor.must_not_edit.toPlainText() == "overtage myndighedsopgaver eller medicin"
    assert editor.is_dirty()

    overwrite = next(b for b in box.buttons() if b.objectName() == "overwrite")
    with qtbot.waitSignal(editor.problem_saved, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(overwrite, Qt.MouseButton.LeftButton)
    assert blocker.args == ["esb-p-bro"]
    stored, stored_version = edits.load("esb-p-bro")
    assert stored.seeking.must_not == "overtage myndighedsopgaver eller medicin"
    assert stored.description == "Beboere skal ud i lokalsamfundet."  # mine, as chosen
    assert stored.status == "matched"  # the colleague's move stays
    assert stored_version == editor.current_version() == version + 3
    assert not box.isVisible()


def test_a_refused_owner_is_shown_at_the_field_with_the_nearest_id(
    qtbot: QtBot, editor: ProblemEditor, edits: ProblemEditService
) -> None:
    before = edits.load("esb-p-bro")
    assert editor.load_problem("esb-p-bro")
    editor.owner_combo.setFocus()
    editor.owner_combo.lineEdit().clear()
    qtbot.keyClicks(editor.owner_combo.lineEdit(), "esb-patricia")
    qtbot.keyClick(editor.owner_combo.lineEdit(), Qt.Key.Key_Escape)  # close the suggestions
    assert not editor.save()
    assert "nearest id: esb-patriciahuset" in editor.field_error("owner_id")
    assert editor.owner_combo.property("invalid")
    assert "Owner" in close_message(editor)
    assert editor.owner_combo.currentText() == "esb-patricia"
    assert edits.load("esb-p-bro") == before


def test_a_problem_that_cannot_be_opened_is_reported(editor: ProblemEditor) -> None:
    assert not editor.load_problem("esb-p-bru")
    assert "esb-p-bro" in close_message(editor)
    assert editor.current_problem_id() is None
