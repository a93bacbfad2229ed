"""The dating-profile editor against a real SQLite file: typing, saving, undo, validation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.model import Actor, Consent, Contact, Location, Profile, Resource
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from tests.conftest import small_landscape
from ui.actor_editor import ActorEditor
from ui.error_text import describe_problem
from ui.forms.fields import OptionalDateEdit
from ui.forms.resource_table import COL_DESCRIPTION, COL_HOURS, COL_KIND
from ui.widgets.code_picker import CodePicker

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def danish_numbers() -> Iterator[None]:
    """Numbers as a Danish user types them ("12,5"), as the window sets them."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ActorEditService:
    service.import_document(small_landscape())
    return ActorEditService(database)


@pytest.fixture
def editor(qtbot: QtBot, edits: ActorEditService) -> ActorEditor:
    widget = ActorEditor(edits, edits.vocabulary, "da")
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace a field's text by typing, as a user who selected it all first would."""
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    if isinstance(line, QLineEdit):
        line.selectAll()
    qtbot.keyClicks(widget, text)


def choose(qtbot: QtBot, editor: ActorEditor, field: str, code: str) -> None:
    """Pick a combo entry by keyboard: type the start of its label."""
    combo = editor.inputs[field]
    label = combo.itemText(combo.findData(code))
    qtbot.keyClicks(combo, label[:6])
    assert combo.currentData() == code


def service_problem(editor: ActorEditor, edits: ActorEditService, field: str) -> str:
    """What the field's error line must say: the service's problem with the field, rendered
    in the interface language and named by the field's title."""
    problems = [p for p in edits.check(editor.current_actor()) if p.field == field]
    assert problems, f"the service finds nothing wrong with {field}"
    return describe_problem(problems[0], editor.inputs[field].accessibleName())


# --------------------------------------------------------------------------- create and load


def test_an_association_typed_in_and_saved_with_the_mouse_is_stored(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    inputs = editor.inputs
    qtbot.keyClicks(inputs["name"], "Mentorforeningen Vest")
    choose(qtbot, editor, "kind", "local_association")
    assert editor.sector_label.text() == "Sector: Tredje sektor (civilsamfundet)"
    qtbot.keyClicks(inputs["profile.we_are"], "Voksne mentorer for unge.")
    type_into(qtbot, inputs["volunteers"], "12")
    picker = editor.findChild(CodePicker, "target_groups")
    qtbot.keyClicks(picker.filter_edit, "kriminalitet")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)
    table = editor.resource_table
    table.item(0, COL_KIND).setData(Qt.ItemDataRole.EditRole, "mentoring")
    table.item(0, COL_DESCRIPTION).setText("Faste mentorer")
    qtbot.keyClicks(inputs["profile.success_examples[0]"], "Mentor på skolen")
    qtbot.keyClicks(inputs["profile.success_examples[1]"], "Fodbold om fredagen")
    choose(qtbot, editor, "profile.evidence_level", "case_study")
    qtbot.keyClicks(inputs["location.city"], "Esbjerg")
    # The municipality is chosen by its official name; its four-digit code is stored.
    choose(qtbot, editor, "location.municipality_code", "0561")
    assert inputs["location.municipality_code"].currentText() == "Esbjerg (0561)"
    qtbot.keyClicks(inputs["location.lat"], "55,47")
    qtbot.keyClicks(inputs["location.lon"], "8.45")
    qtbot.keyClicks(inputs["contact.email"], "ole@example.dk")
    qtbot.keyClicks(inputs["contact.website"], "https://mentor.example.dk")
    check = editor.public_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert editor.is_dirty() and editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.actor_saved, timeout=1000) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["esb-mentorforeningen-vest"]
    stored, version = edits.load("esb-mentorforeningen-vest")
    assert version == 1
    assert stored == Actor(
        id="esb-mentorforeningen-vest",
        name="Mentorforeningen Vest",
        kind="local_association",
        location=Location(city="Esbjerg", municipality_code="0561", lat=55.47, lon=8.45),
        volunteers=12,
        target_groups=("youth_crime",),
        resources_offered=(Resource("mentoring", "Faste mentorer"),),
        profile=Profile(
            we_are="Voksne mentorer for unge.",
            success_examples=("Mentor på skolen", "Fodbold om fredagen"),
            evidence_level="case_study",
        ),
        contact=Contact(email="ole@example.dk", website="https://mentor.example.dk"),
        public=False,
    )
    assert editor.current_actor_id() == "esb-mentorforeningen-vest"
    assert not editor.is_dirty() and not editor.save_button.isEnabled()
    assert editor.header_label.text() == "Mentorforeningen Vest"


def test_a_loaded_actor_shows_what_is_stored_and_is_not_dirty(
    editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    stored, version = edits.load("esb-sind")
    assert editor.current_actor() == stored
    assert editor.current_version() == version
    assert editor.inputs["name"].text() == "Sammen om Sindet Esbjerg"
    assert editor.findChild(CodePicker, "roles").codes() == ("bridge_builder", "volunteer_provider")
    assert editor.resource_table.rowCount() == 2
    assert not editor.is_dirty() and not editor.save_button.isEnabled()
    assert editor.header_label.text() == "Sammen om Sindet Esbjerg"


def test_every_input_has_an_accessible_name_and_tab_follows_the_form(
    editor: ActorEditor,
) -> None:
    for field, widget in editor.inputs.items():
        assert widget.accessibleName(), field
    # Walking the focus chain from the top meets the inputs in the order of the form.
    order = list(editor.inputs.values())
    seen: list[QWidget] = []
    widget = editor.example_button.nextInFocusChain()
    while widget is not editor.save_button and len(seen) < 500:
        if widget in order and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == order


def test_the_worked_example_unfolds_and_folds(qtbot: QtBot, editor: ActorEditor) -> None:
    assert not editor.example_view.isVisible()
    qtbot.mouseClick(editor.example_button, Qt.MouseButton.LeftButton)
    assert editor.example_view.isVisible()
    text = editor.example_view.toPlainText()
    assert "Patriciahuset" in text and "17 staff" in text and "bridge builder" in text
    qtbot.mouseClick(editor.example_button, Qt.MouseButton.LeftButton)
    assert not editor.example_view.isVisible()


# --------------------------------------------------------------------------- undo and dirty


def test_edits_undo_and_redo_field_by_field(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    stored = edits.load("esb-sind")[0]
    qtbot.keyClicks(editor.inputs["name"], " Vest")
    type_into(qtbot, editor.inputs["volunteers"], "55")
    picker = editor.findChild(CodePicker, "prevention_levels")
    qtbot.keyClicks(picker.filter_edit, "tidlig")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    changed = editor.current_actor()
    assert changed.name == "Sammen om Sindet Esbjerg Vest"
    assert changed.volunteers == 55
    assert changed.prevention_levels == ("rehabilitation", "early")
    # Typing in one field is one step: three edits, three commands.
    assert editor.undo_stack.count() == 3

    for _ in range(3):
        editor.undo_stack.undo()
    assert editor.current_actor() == stored
    assert editor.inputs["name"].text() == stored.name
    assert editor.inputs["volunteers"].value() == 40
    assert picker.codes() == ("rehabilitation",)
    assert not editor.is_dirty()
    for _ in range(3):
        editor.undo_stack.redo()
    assert editor.current_actor() == changed
    assert editor.inputs["name"].text() == "Sammen om Sindet Esbjerg Vest"


def test_typing_does_not_merge_across_a_save(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    editor.inputs["profile.best_at"].moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.inputs["profile.best_at"], " Og")
    assert editor.save()
    qtbot.keyClicks(editor.inputs["profile.best_at"], " mere")
    assert editor.undo_stack.count() == 2
    editor.undo_stack.undo()
    assert editor.inputs["profile.best_at"].toPlainText().endswith(" Og")
    assert not editor.is_dirty()  # back at what was saved
    assert edits.load("esb-sind")[0].profile.best_at == "At bygge bro til foreningslivet. Og"


def test_resources_are_added_edited_and_removed_undoably(qtbot: QtBot, editor: ActorEditor) -> None:
    editor.load_actor("esb-bank")
    table = editor.resource_table
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # keep the first kind
    # A Danish decimal comma typed into the hours cell: F2, text, Return.
    table.setCurrentCell(1, COL_HOURS)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "12,5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(1, COL_HOURS).text() == "12,5", timeout=1000)
    assert editor.current_actor().resources_offered[1].hours_per_month == 12.5
    table.setCurrentCell(0, COL_KIND)
    qtbot.mouseClick(editor.remove_resource_button, Qt.MouseButton.LeftButton)
    kinds = [r.kind for r in editor.current_actor().resources_offered]
    assert kinds == [editor._vocabulary.terms("resource_kinds")[0].code]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert table.rowCount() == 2
    assert editor.current_actor().resources_offered[0] == Resource("staff_hours", None, 20.0)


def test_the_dirty_indicator_and_leaving_with_each_choice(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    asked: list[Button] = []

    def answer(choice: Button) -> None:
        def confirm() -> Button:
            asked.append(choice)
            return choice

        editor.confirm = confirm

    answer(Button.Save)
    assert editor.maybe_leave() and asked == []  # nothing to ask about
    with qtbot.waitSignal(editor.dirty_changed, timeout=1000) as blocker:
        qtbot.keyClicks(editor.inputs["contact.phone"], "75 12 34 56")
    assert blocker.args == [True]
    assert editor.is_dirty()
    assert editor.header_label.text() == "Sammen om Sindet Esbjerg *"

    answer(Button.Cancel)
    assert not editor.maybe_leave() and editor.is_dirty()
    answer(Button.Discard)
    with qtbot.waitSignal(editor.dirty_changed, timeout=1000) as blocker:
        assert editor.maybe_leave()
    assert blocker.args == [False]
    # Discarding puts the stored record back into the form and stores nothing.
    assert editor.inputs["contact.phone"].text() == ""
    assert editor.header_label.text() == "Sammen om Sindet Esbjerg"
    assert edits.load("esb-sind")[0].contact.phone is None

    qtbot.keyClicks(editor.inputs["contact.phone"], "75 12 34 56")
    answer(Button.Save)
    with qtbot.waitSignal(editor.dirty_changed, timeout=1000) as blocker:
        assert editor.maybe_leave()
    assert blocker.args == [False]
    assert edits.load("esb-sind")[0].contact.phone == "75 12 34 56"
    assert editor.header_label.text() == "Sammen om Sindet Esbjerg"
    assert asked == [Button.Cancel, Button.Discard, Button.Save]


# --------------------------------------------------------------------------- volunteers


def test_an_individual_volunteer_is_never_public_and_needs_consent(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    qtbot.keyClicks(editor.inputs["name"], "Jens Hansen")
    assert editor.public_check.isChecked() and editor.public_check.isEnabled()
    choose(qtbot, editor, "kind", "volunteer_person")
    assert not editor.public_check.isChecked() and not editor.public_check.isEnabled()
    assert editor.volunteer_note.isVisible()
    assert editor.public_guidance.text() == "Individual volunteers are never shown on public maps."
    assert editor.captions["consent.given_on"].text() == "Consent given on *"
    assert editor.captions["consent.purpose"].text() == "Purpose of the consent *"
    assert not editor.save_button.isEnabled()
    # Ctrl+S (or save()) on the incomplete form says what is missing, next to the fields.
    assert not editor.save()
    assert editor.errors["consent.given_on"].isVisible()
    assert editor.errors["consent.purpose"].isVisible()
    assert editor.message_label.text() == "Not saved: correct the fields marked in red."

    consent_date = editor.findChild(OptionalDateEdit, "consent.given_on")
    assert consent_date is not None
    qtbot.mouseClick(consent_date.today_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.inputs["consent.purpose"], "Matchning til frivillige opgaver")
    assert editor.save_button.isEnabled()
    assert editor.save()
    stored = edits.load(editor.current_actor_id())[0]
    assert stored.public is False
    assert stored.consent == Consent(dt.date.today(), "Matchning til frivillige opgaver")


def test_undoing_the_volunteer_kind_gives_public_back(qtbot: QtBot, editor: ActorEditor) -> None:
    editor.load_actor("esb-bank")
    choose(qtbot, editor, "kind", "volunteer_person")
    assert not editor.public_check.isChecked()
    editor.undo_stack.undo()  # kind and public went together
    assert editor.inputs["kind"].currentData() == "company"
    assert editor.public_check.isChecked() and editor.public_check.isEnabled()
    assert not editor.volunteer_note.isVisible()
    assert not editor.is_dirty()


def test_a_public_volunteer_can_no_longer_be_imported(
    editor: ActorEditor, edits: ActorEditService, service: LandscapeService
) -> None:
    # Older releases imported it; migration 0006 made such volunteers private, and the
    # database refuses a public one (CHECK), so the import says so instead.
    doc = small_landscape()
    volunteer = next(a for a in doc["actors"] if a["id"] == "esb-vol-1")
    volunteer["public"] = True
    with pytest.raises(ValidationError) as caught:
        service.import_document(doc)
    assert [p.code for p in caught.value.problems] == ["volunteer_public"]
    volunteer["public"] = False
    service.import_document(doc)
    editor.load_actor("esb-vol-1")
    assert not editor.public_check.isChecked()
    assert edits.load("esb-vol-1")[0].public is False


# --------------------------------------------------------------------------- validation


def test_a_bad_email_is_marked_as_you_type_and_blocks_saving(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    before = edits.load("esb-sind")
    email = editor.inputs["contact.email"]
    type_into(qtbot, email, "anne(at)example")
    message = editor.errors["contact.email"].text()
    assert message == service_problem(editor, edits, "contact.email")
    assert "E-mail" in message and "anne(at)example" in message
    assert editor.errors["contact.email"].isVisible()
    assert email.property("invalid") is True
    assert not editor.save_button.isEnabled()
    assert not editor.save()
    assert edits.load("esb-sind") == before
    assert editor.inputs["contact.email"].text() == "anne(at)example"

    assert email.hasFocus()  # the refused save put the cursor where the problem is
    type_into(qtbot, email, "anne.jensen@example.dk")
    assert email.property("invalid") is False  # the border follows every keystroke
    assert editor.save_button.isEnabled()
    editor.inputs["contact.phone"].setFocus()  # the message line waits until the field is left
    assert not editor.errors["contact.email"].isVisible()


@pytest.mark.parametrize(
    ("field", "text", "title"),
    [
        ("contact.website", "www.example.dk", "Website"),
        ("location.lat", "95", "Latitude"),
        ("location.lon", "200", "Longitude"),
    ],
)
def test_the_services_rules_show_next_to_the_field(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService, field: str, text: str, title: str
) -> None:
    editor.load_actor("esb-sind")
    type_into(qtbot, editor.inputs[field], text)
    message = editor.errors[field].text()
    assert message == service_problem(editor, edits, field)
    assert title in message
    assert editor.errors[field].isVisible()
    assert not editor.save_button.isEnabled()


def test_a_coordinate_that_is_no_number_is_kept_and_pointed_at(
    qtbot: QtBot, editor: ActorEditor
) -> None:
    editor.load_actor("esb-sind")
    type_into(qtbot, editor.inputs["location.lat"], "fem")
    assert editor.errors["location.lat"].text() == (
        "Not a number: use decimal degrees such as 55,4765."
    )
    assert editor.inputs["location.lat"].text() == "fem"
    assert not editor.save_button.isEnabled()


def test_the_municipality_is_a_choice_of_official_names(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    combo = editor.inputs["location.municipality_code"]
    assert isinstance(combo, QComboBox) and not combo.isEditable()
    assert combo.currentText() == "Esbjerg (0561)"
    assert combo.itemText(0) == "Not stated" and combo.itemData(0) is None
    codes = [combo.itemData(i) for i in range(1, combo.count())]
    assert len(codes) == len(set(codes)) >= 98
    assert all(len(code) == 4 and code.isdigit() for code in codes)
    choose(qtbot, editor, "location.municipality_code", "0101")
    assert combo.currentText() == "København (0101)"
    assert editor.save()
    assert edits.load("esb-sind")[0].location.municipality_code == "0101"
    # A code no municipality has (from an old record) is shown, not lost, and refused at the
    # field naming the nearest code.
    editor.push_field("location.municipality_code", "9999")
    assert combo.currentText() == "9999"
    message = editor.errors["location.municipality_code"].text()
    assert message == service_problem(editor, edits, "location.municipality_code")
    assert "Municipality" in message and "9999" in message and "0860" in message
    assert not editor.save_button.isEnabled()


def test_coordinates_come_in_pairs(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-patriciahuset")
    editor.inputs["location.lon"].clear()
    message = editor.errors["location.lon"].text()
    assert message == service_problem(editor, edits, "location.lon")
    assert "longitude" in message.lower()
    assert not editor.save_button.isEnabled()
    editor.inputs["location.lat"].clear()
    assert not editor.errors["location.lon"].isVisible()
    assert editor.save_button.isEnabled()


def test_a_new_form_does_not_scold_before_it_is_touched(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    assert not any(label.isVisible() for label in editor.errors.values())
    assert not editor.save_button.isEnabled()
    assert editor.save_button.toolTip() == "Fill in the fields marked * to save."
    qtbot.keyClicks(editor.inputs["name"], "X")
    qtbot.keyClick(editor.inputs["name"], Qt.Key.Key_Backspace)
    # Touched and empty again: now the required name is asked for.
    assert editor.errors["name"].text() == service_problem(editor, edits, "name")
    assert "Name" in editor.errors["name"].text()
    assert editor.save_button.toolTip() == "Save the dating profile (Ctrl+S)"


def test_problems_found_on_save_are_shown_by_their_fields(
    editor: ActorEditor, edits: ActorEditService, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.load_actor("esb-sind")
    editor.inputs["contact.name"].setText("Anne J.")

    label = "actor esb-sind"
    unknown = InputProblem(
        label,
        "target_groups[0]",
        "x",
        "unknown",
        code="unknown_code",
        params={"facet": "target_groups", "nearest": "mental_illness"},
    )
    no_parent = InputProblem(
        label,
        "parent_id",
        "dk",
        "no actor",
        "nearest id: dk-sind",
        code="unknown_reference",
        params={"kind": "actor", "nearest": "dk-sind"},
    )

    def refuse(actor: Actor, *, expected_version: int | None) -> int:
        raise ValidationError([unknown, no_parent])

    monkeypatch.setattr(edits, "save", refuse)
    assert not editor.save()
    # Beside its field, named by the part of it that is wrong.
    assert editor.errors["target_groups"].text() == describe_problem(unknown)
    assert "Target groups (no. 1)" in editor.errors["target_groups"].text()
    # A field the form does not show: in the message line, naming the nearest id.
    assert editor.message_label.text() == describe_problem(no_parent)
    assert "dk-sind" in editor.message_label.text()
    assert editor.inputs["contact.name"].text() == "Anne J."


def test_a_save_meeting_a_change_of_another_field_merges_it(
    qtbot: QtBot, editor: ActorEditor, edits: ActorEditService
) -> None:
    editor.load_actor("esb-sind")
    theirs, version = edits.load("esb-sind")
    qtbot.keyClicks(editor.inputs["profile.worst_at"], "Økonomi og regnskab")
    # Someone else saves the same record first, changing another field.
    edits.save(replace(theirs, volunteers=60), expected_version=version)

    with qtbot.waitSignal(editor.actor_saved, timeout=1000) as blocker:
        qtbot.keyClick(editor.save_button, Qt.Key.Key_Space)
    assert blocker.args == ["esb-sind"]
    assert editor.last_message is None  # nothing collided: nothing to ask
    assert editor.message_label.text().startswith("Saved. Merged with changes by ")
    assert editor.message_label.text().endswith(" (Volunteers).")
    stored, stored_version = edits.load("esb-sind")
    assert stored.profile.worst_at == "Økonomi og regnskab"  # mine
    assert stored.volunteers == 60  # theirs
    assert stored_version == editor.current_version() == version + 2
    assert not editor.is_dirty()


def test_ctrl_s_saves(qtbot: QtBot, editor: ActorEditor, edits: ActorEditService) -> None:
    editor.load_actor("esb-sind")
    assert editor.isActiveWindow()  # the fixture waited for it
    phone = editor.inputs["contact.phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "75 00 00 00")
    with qtbot.waitSignal(editor.actor_saved, timeout=1000) as blocker:
        qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["esb-sind"]
    assert edits.load("esb-sind")[0].contact.phone == "75 00 00 00"


# --------------------------------------------------------------------------- the code picker


def test_the_code_picker_filters_and_toggles_by_keyboard(
    qtbot: QtBot, edits: ActorEditService
) -> None:
    picker = CodePicker(edits.vocabulary, "roles", "da", "Roller")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.filter_edit, "bro")
    shown = [
        picker.list.item(r).text()
        for r in range(picker.list.count())
        if not picker.list.item(r).isHidden()
    ]
    assert shown == ["Brobygger"]
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.codes_changed, timeout=1000) as blocker:
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert blocker.args == [("bridge_builder",)]
    # Typing in the list narrows the filter again; English labels match too.
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, "funder")
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.codes() == ("bridge_builder", "funder")
    assert picker.summary.text() == "Chosen: Brobygger, Finansierer eller sponsor"
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.codes() == ("bridge_builder",)
    qtbot.keyClicks(picker.list, "x")
    assert picker.filter_edit.text() == "funderx"

    with qtbot.assertNotEmitted(picker.codes_changed):
        picker.set_codes(["bridge_builder"])
    picker.set_codes(["referrer", "legacy_code"])
    assert picker.codes() == ("referrer", "legacy_code")
    assert picker.filter_edit.accessibleName() == "Filter Roller"
    assert picker.list.accessibleName() == "Roller"


def test_saving_without_a_kind_says_the_kind_is_required(qtbot: QtBot, editor: ActorEditor) -> None:
    editor.new_actor()
    type_into(qtbot, editor.inputs["name"], "Uden type")
    assert not editor.save()
    message = editor.errors["kind"].text()
    # The editor speaks the installed language (English here, "skal udfyldes" in Danish).
    assert message == "Type must be filled in.", message
