"""The form framework's promises (ui/forms), kept by both real editors on a real SQLite file:
clicks never scroll, messages never shift the field being typed in, undo speaks in names,
creating is undoable, numbers are Danish, dirty means 'differs from what is saved', Ctrl+S,
the first field, conflicts, the place from a postcode and what an actor seeks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mapper.domain.errors import NotFoundError
from mapper.domain.model import Actor, ActorSeeking, ProblemStatement, Resource
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService
from tests.conftest import small_landscape
from ui.actor_editor import ActorEditor
from ui.error_text import describe_problem
from ui.forms.record_form import RecordForm
from ui.forms.resource_table import COL_DKK, COL_HOURS
from ui.problem_editor import ProblemEditor
from ui.widgets.code_picker import CodePicker
from ui.widgets.conflict_dialog import ConflictDialog, ConflictRow

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"
TIMEOUT = 2000
KINDS = ("actor", "problem")


@dataclass
class Form:
    """One editor as the tests drive it, with the names its fields have."""

    editor: RecordForm[Any]
    service: ActorEditService | ProblemEditService
    name_key: str
    """'name' or 'title'."""
    resources_key: str
    stored_id: str
    stored_name: str

    def resources(self) -> tuple[Resource, ...]:
        """The resources the form holds (offered by an actor, sought by a problem)."""
        return resources_of(self.editor.current_record())

    def stored_resources(self) -> tuple[Resource, ...]:
        return resources_of(self.service.load(self.stored_id)[0])


def resources_of(record: Actor | ProblemStatement) -> tuple[Resource, ...]:
    if isinstance(record, Actor):
        return record.resources_offered
    return record.seeking.resources


@pytest.fixture
def landscape(database: Database, service: LandscapeService) -> Database:
    service.import_document(small_landscape())
    return database


@pytest.fixture
def make_form(
    qtbot: QtBot, landscape: Database, service: LandscapeService
) -> Callable[[str], Form]:
    """Builds a shown, active editor ('actor' or 'problem'); build it after installing a
    translation so its captions are in that language."""

    def make(kind: str) -> Form:
        form: Form
        if kind == "actor":
            actors = ActorEditService(landscape)
            actor_editor = ActorEditor(actors, actors.vocabulary, "da")
            form = Form(
                actor_editor,
                actors,
                "name",
                "resources_offered",
                "esb-sind",
                "Sammen om Sindet Esbjerg",
            )
        else:
            problems = ProblemEditService(landscape)
            problem_editor = ProblemEditor(
                problems,
                problems.vocabulary,
                "da",
                owners=lambda: [(a.id, a.name) for a in service.list_actors()],
            )
            form = Form(
                problem_editor,
                problems,
                "title",
                "seeking.resources",
                "esb-p-bro",
                "Brobygning til fællesskaber",
            )
        editor = form.editor
        qtbot.addWidget(editor)
        editor.resize(900, 800)
        with qtbot.waitExposed(editor):
            editor.show()
        with qtbot.waitActive(editor):
            editor.activateWindow()
        return form

    return make


@pytest.fixture
def actor_form(make_form: Callable[[str], Form]) -> Form:
    return make_form("actor")


@pytest.fixture
def danish_numbers() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


class DanishTranslator(QTranslator):
    """The compiled Danish translation and the pending_*.tsv lines not yet merged into it."""

    def __init__(self) -> None:
        super().__init__()
        self.compiled = QTranslator()
        assert self.compiled.load(str(I18N / "mapper_da.qm"))
        self.pending: dict[str, str] = {}
        for path in sorted(I18N.glob("pending_*.tsv")):
            for line in path.read_text("utf-8").splitlines():
                parts = line.split("\t")  # English, Danish; or context, English, Danish
                if len(parts) in (2, 3):
                    self.pending[parts[-2]] = parts[-1]

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = self.compiled.translate(context, source, disambiguation, n)
        return found or self.pending.get(source) or None

    def isEmpty(self) -> bool:  # Qt override
        return False


@pytest.fixture
def danish(qapp: QApplication, danish_numbers: None) -> Iterator[DanishTranslator]:
    translator = DanishTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def settle() -> None:
    """Deliver pending layout requests (nested layouts post them to their parents)."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents()


def y_in_form(editor: RecordForm[Any], widget: QWidget) -> int:
    return widget.mapTo(editor.scroll_area.widget(), QPoint(0, 0)).y()


def tick(qtbot: QtBot, picker: CodePicker, search: str) -> None:
    """Tick a term by keyboard: filter, Return into the list, Space."""
    picker.filter_edit.clear()
    qtbot.keyClicks(picker.filter_edit, search)
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    picker.filter_edit.clear()


def edit_cell(qtbot: QtBot, form: Form, row: int, column: int, text: str) -> None:
    """Type into a resource cell as a user does: F2, text, Return."""
    table = form.editor.resource_table  # type: ignore[attr-defined]
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    qtbot.keyClicks(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=TIMEOUT)


def check_indicator(view: QListWidget, row: int) -> QPoint:
    """The centre of a list item's check box, where the style draws it."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(view.item(row))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    assert rect.isValid()
    return rect.center()


# --------------------------------------------------------------------------- never moving


def test_ticking_a_code_in_the_middle_of_the_form_does_not_scroll(
    qtbot: QtBot, actor_form: Form
) -> None:
    editor = actor_form.editor
    editor.load(actor_form.stored_id)
    picker = editor.findChild(CodePicker, "seeking.target_groups")
    assert picker is not None
    bar = editor.scroll_area.verticalScrollBar()
    viewport = editor.scroll_area.viewport()
    middle = y_in_form(editor, picker) + picker.height() // 2 - viewport.height() // 2
    assert 0 < middle < bar.maximum()  # the form is long enough to be scrolled there
    bar.setValue(middle)
    top = picker.mapTo(viewport, QPoint(0, 0)).y()
    assert top > 0 and top + picker.height() < viewport.height()  # mid-view

    row = 2
    code = picker.list.item(row).data(Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(
        picker.list.viewport(), Qt.MouseButton.LeftButton, pos=check_indicator(picker.list, row)
    )
    assert picker.codes() == (code,)
    assert editor.values()["seeking.target_groups"] == (code,)
    assert bar.value() == middle
    qtbot.mouseClick(
        picker.list.viewport(), Qt.MouseButton.LeftButton, pos=check_indicator(picker.list, row)
    )
    assert picker.codes() == ()
    assert bar.value() == middle


@pytest.mark.parametrize("kind", ["actor", "problem"])
def test_the_wheel_scrolls_the_form_past_lists_and_numbers_without_changing_them(
    qtbot: QtBot, make_form: Callable[[str], Form], kind: str
) -> None:
    """Scrolling with the wheel over a combo box or a spin box the user has not clicked
    scrolls the form; it must not pick another value on the way. (An ignored wheel event is
    what Qt hands on to the scroll area; a synthetic one is not handed on, so the test checks
    that the field leaves it.)"""
    form = make_form(kind)
    editor = form.editor
    editor.load(form.stored_id)
    choices = [w for w in editor.inputs.values() if isinstance(w, (QComboBox, QSpinBox))]
    assert choices
    before = editor.values()

    def wheel(widget: QWidget) -> QWheelEvent:
        event = QWheelEvent(
            QPointF(widget.rect().center()),
            QPointF(widget.mapToGlobal(widget.rect().center())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)
        return event

    for widget in choices:
        assert not widget.hasFocus()
        assert not wheel(widget).isAccepted(), widget.objectName()
    assert editor.values() == before
    assert not editor.is_dirty()
    # Once the user has put the cursor in it, the wheel is the field's own.
    combo = next(w for w in choices if isinstance(w, QComboBox) and w.count() > 2)
    combo.setFocus()
    settle()
    assert wheel(combo).isAccepted()
    assert editor.values() != before


def test_a_message_waits_until_the_field_is_left(qtbot: QtBot, actor_form: Form) -> None:
    editor = actor_form.editor
    editor.load(actor_form.stored_id)
    email, phone = editor.inputs["contact.email"], editor.inputs["contact.phone"]
    assert isinstance(email, QLineEdit)
    editor.scroll_area.ensureWidgetVisible(email)
    email.setFocus()
    assert email.hasFocus()
    settle()
    before = y_in_form(editor, phone)

    email.selectAll()
    qtbot.keyClicks(email, "anne(at)example")
    settle()
    assert email.property("invalid") is True  # the border shows at once
    assert not editor.save_button.isEnabled()
    assert editor.errors["contact.email"].isHidden()
    assert editor.field_error("contact.email") == ""
    assert y_in_form(editor, phone) == before  # nothing moved under the typist

    phone.setFocus()
    settle()
    message = editor.field_error("contact.email")
    assert message and "E-mail" in message and "anne(at)example" in message
    assert editor.errors["contact.email"].isVisible()
    assert y_in_form(editor, phone) > before  # the line appeared (and settle() lays it out)


# --------------------------------------------------------------------------- undo


def test_undo_texts_name_the_record_and_field_never_an_id(
    qtbot: QtBot, make_form: Callable[[str], Form]
) -> None:
    actor = make_form("actor")
    editor = actor.editor
    editor.load("esb-sind")
    qtbot.keyClicks(editor.inputs["name"], " Vest")
    editor.inputs["volunteers"].selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.inputs["volunteers"], "41")
    texts = [editor.undo_stack.text(i) for i in range(editor.undo_stack.count())]
    assert texts == [
        "Change Name of Sammen om Sindet Esbjerg",
        "Change Volunteers of Sammen om Sindet Esbjerg Vest",
    ]
    assert editor.undo_stack.undoText() == texts[-1]

    problem = make_form("problem")
    problem_editor = problem.editor
    assert isinstance(problem_editor, ProblemEditor)
    problem_editor.load("esb-p-bro")
    qtbot.keyClicks(problem_editor.inputs["seeking.must_not"], " eller medicin")
    problem_editor.save()
    assert problem_editor.change_status("matched")
    texts = [problem_editor.undo_stack.text(i) for i in range(problem_editor.undo_stack.count())]
    assert texts == [
        "Change The partner must not … of Brobygning til fællesskaber",
        "Move Brobygning til fællesskaber to Matched",
    ]
    for text in texts:
        assert "esb-" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_creating_a_record_is_undoable(
    qtbot: QtBot, make_form: Callable[[str], Form], kind: str
) -> None:
    form = make_form(kind)
    editor = form.editor
    qtbot.keyClicks(editor.inputs[form.name_key], "Fællesspisning i Ribe")
    if kind == "actor":
        combo = editor.inputs["kind"]
        combo.setCurrentIndex(combo.findData("local_association"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT) as blocker:
        assert editor.save()
    (record_id,) = blocker.args
    assert editor.current_id() == record_id
    assert form.service.load(record_id)[1] == 1
    assert editor.undo_stack.undoText() == "Create Fællesspisning i Ribe"

    with qtbot.waitSignal(editor.deleted, timeout=TIMEOUT) as blocker:
        editor.undo_stack.undo()
    assert blocker.args == [record_id]
    with pytest.raises(NotFoundError):
        form.service.load(record_id)
    assert editor.current_id() is None
    assert editor.is_dirty()  # the input is kept, as an unsaved new record
    assert editor.inputs[form.name_key].text() == "Fællesspisning i Ribe"  # type: ignore[attr-defined]

    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT) as blocker:
        editor.undo_stack.redo()
    assert blocker.args == [record_id]
    stored, _version = form.service.load(record_id)
    assert stored.id == record_id
    assert editor.current_id() == record_id
    assert not editor.is_dirty()


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("kind", KINDS)
def test_danish_numbers_in_the_resource_table(
    qtbot: QtBot, make_form: Callable[[str], Form], danish_numbers: None, kind: str
) -> None:
    form = make_form(kind)
    editor = form.editor
    editor.load(form.stored_id)
    before = len(form.stored_resources())
    qtbot.mouseClick(editor.add_resource_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # keep the first kind
    edit_cell(qtbot, form, before, COL_DKK, "250.000")
    edit_cell(qtbot, form, before, COL_HOURS, "2,5")
    added = form.resources()[before]
    assert (added.amount_dkk, added.hours_per_month) == (250000.0, 2.5)
    assert editor.save()
    stored = form.stored_resources()[before]
    assert (stored.amount_dkk, stored.hours_per_month) == (250000.0, 2.5)
    # Read back as a Danish user wrote it.
    editor.load(form.stored_id)
    table = editor.resource_table  # type: ignore[attr-defined]
    assert table.item(before, COL_DKK).text() == "250.000"
    assert table.item(before, COL_HOURS).text() == "2,5"


# --------------------------------------------------------------------------- dirty, saving


@pytest.mark.parametrize("kind", KINDS)
def test_dirty_means_different_from_what_is_saved(
    qtbot: QtBot, make_form: Callable[[str], Form], kind: str
) -> None:
    form = make_form(kind)
    editor = form.editor
    editor.load(form.stored_id)
    name = editor.inputs[form.name_key]
    name.setFocus()
    with qtbot.waitSignal(editor.dirty_changed, timeout=TIMEOUT) as blocker:
        qtbot.keyClicks(name, " og mere")
    assert blocker.args == [True]
    assert editor.header_label.text() == f"{form.stored_name} og mere *"
    assert editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.dirty_changed, timeout=TIMEOUT) as blocker:
        editor.undo_stack.undo()
    assert blocker.args == [False]
    assert editor.header_label.text() == form.stored_name
    assert not editor.save_button.isEnabled()

    # Typing and deleting it again is clean as well, and leaves nothing to undo.
    qtbot.keyClicks(name, "xy")
    assert editor.is_dirty()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert not editor.is_dirty()
    assert editor.header_label.text() == form.stored_name
    assert not editor.undo_stack.canUndo()


@pytest.mark.parametrize("kind", KINDS)
def test_ctrl_s_saves(qtbot: QtBot, make_form: Callable[[str], Form], kind: str) -> None:
    form = make_form(kind)
    editor = form.editor
    editor.load(form.stored_id)
    name = editor.inputs[form.name_key]
    name.setFocus()
    qtbot.keyClicks(name, " 2")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [form.stored_id]
    stored, version = form.service.load(form.stored_id)
    assert getattr(stored, form.name_key) == f"{form.stored_name} 2"
    assert version == 2
    assert not editor.is_dirty()


@pytest.mark.parametrize(("kind", "caption"), [("actor", "Navn *"), ("problem", "Titel *")])
def test_focus_first_field_puts_the_cursor_in_the_name(
    make_form: Callable[[str], Form], danish: DanishTranslator, kind: str, caption: str
) -> None:
    form = make_form(kind)
    editor = form.editor
    editor.load(form.stored_id)
    last = list(editor.inputs.values())[-1]
    editor.scroll_area.ensureWidgetVisible(last)
    last.setFocus()
    assert editor.scroll_area.verticalScrollBar().value() > 0

    editor.focus_first_field()
    first = editor.inputs[form.name_key]
    assert QApplication.focusWidget() is first
    assert editor.captions[form.name_key].buddy() is first
    assert editor.captions[form.name_key].text() == caption
    assert editor.scroll_area.verticalScrollBar().value() == 0


# --------------------------------------------------------------------------- errors in Danish


def test_an_error_names_the_field_in_danish(
    qtbot: QtBot, make_form: Callable[[str], Form], danish: DanishTranslator, qapp: QApplication
) -> None:
    form = make_form("actor")
    editor = form.editor
    editor.load(form.stored_id)
    website = editor.inputs["contact.website"]
    assert isinstance(website, QLineEdit)
    website.setFocus()
    qtbot.keyClicks(website, "www.example.dk")
    editor.inputs["contact.phone"].setFocus()
    message = editor.field_error("contact.website")
    assert message.startswith("Websted")  # the field, by its Danish caption

    problems = [
        p for p in form.service.check(editor.current_record()) if p.field == "contact.website"
    ]
    assert len(problems) == 1
    assert message == describe_problem(problems[0], "Websted")
    qapp.removeTranslator(danish)
    try:
        english = describe_problem(problems[0], "Websted")
    finally:
        qapp.installTranslator(danish)
    assert message != english  # the sentence itself is Danish, not only the field's name


# --------------------------------------------------------------------------- conflicts


def colleague_of(form: Form, author: str) -> ActorEditService | ProblemEditService:
    """Someone else at another desk: the same database, their own service and name."""
    kind = type(form.service)
    return kind(form.service.database, author=author)


def test_changes_to_other_fields_merge_and_save_without_asking(
    qtbot: QtBot, actor_form: Form
) -> None:
    editor = actor_form.editor
    edits = actor_form.service
    editor.load("esb-sind")
    worst_at = editor.inputs["profile.worst_at"]
    worst_at.setFocus()
    qtbot.keyClicks(worst_at, "Regnskab")
    # A colleague saves the same actor meanwhile: a field of the form and one it does not show.
    birte = colleague_of(actor_form, "Birte")
    assert isinstance(birte, ActorEditService)
    theirs, version = birte.load("esb-sind")
    birte.save(replace(theirs, volunteers=60, service_area_km=40), expected_version=version)

    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT) as blocker:
        assert editor.save()
    assert blocker.args == ["esb-sind"]
    assert editor.last_message is None  # nothing to ask
    assert editor.message_label.text() == "Saved. Merged with changes by Birte (Volunteers)."
    stored, stored_version = edits.load("esb-sind")
    assert stored.profile.worst_at == "Regnskab"  # mine
    assert stored.volunteers == 60  # theirs, and now in the form too
    assert stored.service_area_km == 40  # theirs: the form does not show it
    assert stored_version == editor.current_version() == version + 2
    assert editor.inputs["volunteers"].value() == 60  # type: ignore[attr-defined]
    assert not editor.is_dirty()

    # The undo history stays the user's own: undo takes back the typing, not her number.
    editor.undo()
    assert editor.values()["profile.worst_at"] == ""
    assert editor.values()["volunteers"] == 60
    assert editor.is_dirty()


@pytest.mark.parametrize("kind", KINDS)
def test_a_field_both_changed_is_chosen_in_the_conflict_view(
    qtbot: QtBot, make_form: Callable[[str], Form], danish: DanishTranslator, kind: str
) -> None:
    form = make_form(kind)
    editor = form.editor
    key = form.name_key
    other = {"actor": "volunteers", "problem": "description"}[kind]
    their_other = {"actor": 60, "problem": "Kollegaens tekst"}[kind]
    mine_only, my_text = {
        "actor": ("contact.phone", "75 12 34 56"),
        "problem": ("partner_gets", "Sparring og lokaler"),
    }[kind]
    editor.load(form.stored_id)
    name = editor.inputs[key]
    assert isinstance(name, QLineEdit)
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Mit navn")
    was = editor.display_text(mine_only, editor.values()[mine_only])
    editor.inputs[mine_only].setFocus()
    editor.inputs[mine_only].selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.inputs[mine_only], my_text)
    birte = colleague_of(form, "Birte")
    theirs, version = birte.load(form.stored_id)
    birte.save(  # type: ignore[call-overload]
        replace(theirs, **{key: "Deres navn", other: their_other}), expected_version=version
    )

    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.save()
    assert editor.message_label.text() == (
        "Ikke gemt: en anden har ændret posten. Det, du har skrevet, er her stadig."
    )
    dialog = editor.last_message
    assert isinstance(dialog, ConflictDialog)
    assert dialog.isVisible() and dialog.isModal()  # modal to its window only: opened
    assert dialog.windowTitle() == "Gemt af en anden"
    assert dialog.intro.text() == (
        "Birte gemte posten, mens du redigerede den. Felter, som kun én af jer har ændret, er "
        "flettet. Hvor I begge har ændret et felt, vælger du, hvilken version der skal gælde."
    )
    title = editor.captions[key].text().removesuffix(" *")
    other_title = editor.captions[other].text()
    before = editor.display_text(other, editor.values()[other])
    assert dialog.rows == tuple(
        sorted(
            (
                ConflictRow(key, title, form.stored_name, "Mit navn", "Deres navn", True),
                ConflictRow(other, other_title, before, before, str(their_other), False),
                ConflictRow(mine_only, editor.captions[mine_only].text(), was, my_text, was, False),
            ),
            key=lambda row: list(editor.bindings).index(row.key),  # in the form's order
        )
    )
    assert dialog.notes[other].text() == "flettet automatisk"
    assert dialog.results[mine_only].text() == my_text
    assert name.text() == "Mit navn"  # nothing is taken into the form until the user decides

    qtbot.mouseClick(dialog.theirs_buttons[key], Qt.MouseButton.LeftButton, pos=QPoint(12, 8))
    assert dialog.results[key].text() == "Deres navn"
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [form.stored_id]
    assert not dialog.isVisible()
    stored, stored_version = form.service.load(form.stored_id)
    values = editor.values_of(stored)
    assert (values[key], values[other], values[mine_only]) == ("Deres navn", their_other, my_text)
    assert stored_version == editor.current_version() == version + 2
    assert editor.values() == values  # the form shows what is stored
    assert name.text() == "Deres navn"
    assert not editor.is_dirty()
    assert editor.message_label.text() == (
        f"Gemt. Flettet med ændringer fra Birte ({title}, {other_title})."
    )


def test_the_conflict_view_shows_values_as_the_form_does(
    qtbot: QtBot, make_form: Callable[[str], Form], danish: DanishTranslator
) -> None:
    form = make_form("actor")
    editor = form.editor
    editor.load("esb-sind")
    editor.push_field("kind", "local_association")
    editor.push_field("target_groups", ("youth_vulnerable",))
    editor.push_field("public", False)
    birte = colleague_of(form, "Birte")
    theirs, version = birte.load("esb-sind")
    birte.save(
        replace(theirs, kind="volunteer_centre", target_groups=(), public=True, active=False),
        expected_version=version,
    )
    assert not editor.save()
    dialog = editor.last_message
    assert isinstance(dialog, ConflictDialog)
    shown = {r.key: (r.base, r.mine, r.theirs, r.collides) for r in dialog.rows}
    assert shown == {
        "kind": ("Frivillig organisation", "Lokal forening", "Frivilligcenter", True),
        "target_groups": (
            "Psykisk sårbare og psykisk syge, Socialt udsatte voksne",
            "Udsatte unge",
            "—",
            True,
        ),
        "public": ("Ja", "Nej", "Ja", False),  # only mine: merged
        "active": ("Ja", "Ja", "Nej", False),  # only theirs: merged
    }
    assert dialog.results["public"].text() == "Nej"
    assert dialog.results["active"].text() == "Nej"
    dialog.reject()


# --------------------------------------------------------------------------- the actor's place


def test_a_postcode_fills_town_and_municipality_in_one_step(qtbot: QtBot, actor_form: Form) -> None:
    editor = actor_form.editor
    assert isinstance(editor, ActorEditor)
    place = editor.place_label
    assert place.text() == "Not on the map — give a postcode."
    postcode = editor.inputs["location.postcode"]
    postcode.setFocus()
    qtbot.keyClicks(postcode, "6760")
    assert editor.inputs["location.city"].text() == "Ribe"  # type: ignore[attr-defined]
    assert editor.values()["location.municipality_code"] == "0561"
    assert editor.inputs["location.municipality_code"].currentText() == "Esbjerg (0561)"  # type: ignore[attr-defined]
    assert place.text() == "On the map by postcode: 6760 Ribe, Esbjerg municipality."
    assert editor.undo_stack.count() == 1
    assert editor.undo_stack.undoText() == "Change Postcode of New actor"

    editor.undo_stack.undo()
    values = editor.values()
    assert (values["location.postcode"], values["location.city"]) == ("", "")
    assert values["location.municipality_code"] is None
    assert place.text() == "Not on the map — give a postcode."

    # A town typed by hand is kept; the municipality alone is known then.
    qtbot.keyClicks(editor.inputs["location.city"], "Gredstedbro")
    combo = editor.inputs["location.municipality_code"]
    combo.setCurrentIndex(combo.findData("0561"))  # type: ignore[attr-defined]
    assert place.text() == "Not on the map — give a postcode (municipality Esbjerg is known)."
    postcode.setFocus()
    qtbot.keyClicks(postcode, "6760")
    assert editor.inputs["location.city"].text() == "Gredstedbro"  # type: ignore[attr-defined]


def test_the_place_line_of_a_stored_actor(actor_form: Form) -> None:
    editor = actor_form.editor
    assert isinstance(editor, ActorEditor)
    editor.load("esb-sind")  # with coordinates
    assert editor.place_label.text() == "On the map at the coordinates given."
    editor.load("esb-vol-1")  # a postcode only
    assert (
        editor.place_label.text() == "On the map by postcode: 6700 Esbjerg, Esbjerg municipality."
    )


def test_after_saving_a_postcode_the_form_shows_the_point_it_gave(
    qtbot: QtBot, actor_form: Form
) -> None:
    """The service places the actor from its postcode; the form then shows that point and
    still says where it came from (not 'coordinates given')."""
    editor = actor_form.editor
    assert isinstance(editor, ActorEditor)
    editor.load(actor_form.stored_id)
    for key in ("location.lat", "location.lon", "location.city"):
        editor.inputs[key].clear()
    editor.inputs["location.postcode"].setText("6760")
    assert editor.save()
    stored = actor_form.service.load(actor_form.stored_id)[0]
    assert stored.location.precision == "postcode"
    assert stored.location.lat is not None
    assert editor.inputs["location.lat"].text() != ""  # the form holds what was stored
    assert not editor.is_dirty()
    assert editor.place_label.text().startswith("On the map by postcode: 6760 Ribe")


# --------------------------------------------------------------------------- 'Vi søger'


def test_what_an_actor_seeks_is_saved_and_loaded(
    qtbot: QtBot, make_form: Callable[[str], Form]
) -> None:
    form = make_form("actor")
    editor = form.editor
    editor.load("esb-patriciahuset")
    description = editor.inputs["seeking.description"]
    description.setFocus()
    qtbot.keyClicks(description, "Frivillige brobyggere til vores værested.")
    pickers = {
        key: editor.findChild(CodePicker, key)
        for key in ("seeking.resources", "seeking.roles", "seeking.target_groups")
    }
    tick(qtbot, pickers["seeking.resources"], "premises")
    tick(qtbot, pickers["seeking.resources"], "volunteer hours")
    tick(qtbot, pickers["seeking.roles"], "bridge builder")
    tick(qtbot, pickers["seeking.target_groups"], "lonely older")
    assert editor.save()

    stored = form.service.load("esb-patriciahuset")[0]
    assert stored.seeking == ActorSeeking(
        description="Frivillige brobyggere til vores værested.",
        resources=("premises", "volunteer_hours"),
        roles=("bridge_builder",),
        target_groups=("elderly_lonely",),
    )
    again = make_form("actor").editor
    again.load("esb-patriciahuset")
    assert again.inputs["seeking.description"].toPlainText() == (  # type: ignore[attr-defined]
        "Frivillige brobyggere til vores værested."
    )
    for key, picker in pickers.items():
        shown = again.findChild(CodePicker, key)
        assert shown is not None and picker is not None
        assert shown.codes() == picker.codes()
    assert again.current_record() == stored
    assert not again.is_dirty()
