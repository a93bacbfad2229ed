"""Field declarations: what a record form shows, in order. Each declaration builds its input
and the one binding (get, put, change signal) the form works through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.model import ReviewNote
from mapper.domain.vocabulary import Vocabulary
from ui.forms.resource_table import ResourceTable
from ui.text_pieces import review_note_text
from ui.widgets.code_picker import CodePicker


class _WheelWhenFocused:
    """Leaves the mouse wheel to the scrolling form unless the input has the focus: a user
    scrolling past a list, a number or a date must not change it."""

    def _init_focus(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class FormComboBox(_WheelWhenFocused, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_focus()


class FormSpinBox(_WheelWhenFocused, QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_focus()


class FormDateEdit(_WheelWhenFocused, QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_focus()


NO_DATE = QDate(1900, 1, 1)
"""The minimum of an optional date edit, shown as its 'no date' text."""
UNKNOWN_COUNT = -1
"""The minimum of a count spin box, shown as 'not stated'."""
Items = Sequence[tuple[str, str]] | Callable[[], Sequence[tuple[str, str]]]


@dataclass
class Binding:
    """One field of a form: where it is shown, how to read and write it, where it errs."""

    widget: QWidget
    """What the form lays out (a composite for pickers, tables and dates)."""
    input: QWidget
    """What gets the focus, the label's buddy and the accessible name."""
    get: Callable[[], Any]
    put: Callable[[Any], None]
    connect: Callable[[Callable[[], None]], object]
    """Connects a callback to 'the user changed this' (whatever it returns is ignored)."""
    border: QWidget | None = None
    """The widget marked invalid (the input itself unless a composite)."""
    focus_chain: list[QWidget] = field(default_factory=list)
    """The widgets Tab visits, in order (the input alone unless a composite)."""


@dataclass(frozen=True)
class FieldSpec:
    """A declared field: its key in the form's values, caption and guidance line."""

    key: str
    title: str
    guidance: str = ""
    required: bool = False
    mergeable: bool = False
    """Consecutive edits form one undo step (typing, stepping through a list)."""

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:  # pragma: no cover
        raise NotImplementedError


@dataclass(frozen=True)
class Line(FieldSpec):
    """One line of text."""

    placeholder: str = ""
    max_length: int = 0
    mergeable: bool = True

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        edit = QLineEdit()
        edit.setObjectName(self.key)
        edit.setPlaceholderText(self.placeholder)
        if self.max_length:
            edit.setMaxLength(self.max_length)

        def put(value: Any) -> None:
            edit.setText("" if value is None else str(value))

        return Binding(edit, edit, edit.text, put, lambda f: edit.textChanged.connect(f))


@dataclass(frozen=True)
class Text(FieldSpec):
    """A few lines of free text; Tab leaves the field."""

    lines: int = 3
    mergeable: bool = True

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        edit = QPlainTextEdit()
        edit.setObjectName(self.key)
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)  # the form's undo stack holds every edit
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * self.lines + 16)

        def put(value: Any) -> None:
            edit.setPlainText("" if value is None else str(value))

        return Binding(edit, edit, edit.toPlainText, put, lambda f: edit.textChanged.connect(f))


@dataclass(frozen=True)
class Choice(FieldSpec):
    """One code from a list (a vocabulary facet, or items given); None is the empty entry."""

    facet: str = ""
    items: Items = ()
    empty: str = ""
    mergeable: bool = True

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        combo = FormComboBox()
        combo.setObjectName(self.key)
        combo.addItem(self.empty, None)
        items = self.items() if callable(self.items) else self.items
        if self.facet:
            items = [(t.code, t.label(lang)) for t in vocabulary.terms(self.facet)]
        for code, label in items:
            combo.addItem(label, code)

        def put(value: Any) -> None:
            if value is None:
                combo.setCurrentIndex(0)
                return
            index = combo.findData(value)
            if index < 0:  # a code the list lacks: show it rather than lose it
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

        return Binding(
            combo, combo, combo.currentData, put, lambda f: combo.currentIndexChanged.connect(f)
        )


@dataclass(frozen=True)
class Codes(FieldSpec):
    """Several codes of a vocabulary facet, ticked in a filterable list."""

    facet: str = ""

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        picker = CodePicker(vocabulary, self.facet, lang, self.title)
        picker.setObjectName(self.key)
        picker.set_title(self.title)
        return Binding(
            picker,
            picker.filter_edit,
            picker.codes,
            picker.set_codes,
            lambda f: picker.codes_changed.connect(f),
            border=picker.list,
            focus_chain=[picker.filter_edit, picker.list],
        )


@dataclass(frozen=True)
class Count(FieldSpec):
    """A whole number that may be unknown (employees, volunteers)."""

    not_stated: str = ""
    mergeable: bool = True

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        spin = FormSpinBox()
        spin.setObjectName(self.key)
        spin.setRange(UNKNOWN_COUNT, 1_000_000)
        spin.setSpecialValueText(self.not_stated)
        spin.setValue(UNKNOWN_COUNT)
        spin.setGroupSeparatorShown(True)

        def get() -> int | None:
            return None if spin.value() == UNKNOWN_COUNT else spin.value()

        def put(value: Any) -> None:
            spin.setValue(UNKNOWN_COUNT if value is None else int(value))

        return Binding(spin, spin, get, put, lambda f: spin.valueChanged.connect(f))


@dataclass(frozen=True)
class Check(FieldSpec):
    """Yes or no."""

    text: str = ""

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        check = QCheckBox(self.text or self.title)
        check.setObjectName(self.key)

        def put(value: Any) -> None:
            check.setChecked(bool(value))

        return Binding(check, check, check.isChecked, put, lambda f: check.toggled.connect(f))


class OptionalDateEdit(QWidget):
    """A date edit with a 'no date' state (its minimum, shown as text) and Today/Clear."""

    value_changed = Signal(object)
    """The date (datetime.date) or None."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = FormDateEdit()
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(empty_text)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(NO_DATE)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.clicked.connect(lambda: self.set_value(dt.date.today()))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit, 1)
        layout.addWidget(self.today_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.date_edit)

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)
        self.date_edit.setAccessibleName(name)
        self.today_button.setAccessibleName(self.tr("%1: today").replace("%1", name))
        self.clear_button.setAccessibleName(self.tr("%1: clear").replace("%1", name))

    def value(self) -> dt.date | None:
        date = self.date_edit.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.date_edit.setDate(
            NO_DATE if value is None else QDate(value.year, value.month, value.day)
        )

    def _date_changed(self, date: QDate) -> None:
        # Stepping up from 'no date' would give 2 January 1900: start from today instead.
        if date != NO_DATE and date.year() == NO_DATE.year():
            self.date_edit.setDate(QDate.currentDate())
            return
        self.value_changed.emit(self.value())


@dataclass(frozen=True)
class Date(FieldSpec):
    """A date that may be absent."""

    empty: str = ""

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        date = OptionalDateEdit(self.empty)
        date.setObjectName(self.key)
        date.set_accessible_name(self.title)
        return Binding(
            date,
            date.date_edit,
            date.value,
            date.set_value,
            lambda f: date.value_changed.connect(f),
            focus_chain=[date.date_edit, date.today_button, date.clear_button],
        )


@dataclass(frozen=True)
class Resources(FieldSpec):
    """Resources as rows of kind, what, hours per month and DKK."""

    facet: str = "resource_kinds"

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        terms = [(t.code, t.label(lang)) for t in vocabulary.terms(self.facet)]
        table = ResourceTable(terms)
        table.setObjectName(self.key)
        table.table.setObjectName(f"{self.key}Table")
        return Binding(
            table,
            table.table,
            table.value,
            table.set_value,
            lambda f: table.changed.connect(f),
            focus_chain=[table.table, table.add_button, table.remove_button],
        )


class ReviewNoteList(QWidget):
    """Values an import kept for review: shown one per line; 'Resolved' drops the chosen ones
    (an undoable edit of the form like any other)."""

    changed = Signal()

    def __init__(self, empty_text: str, resolve_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes: tuple[ReviewNote, ...] = ()
        self._empty_text = empty_text
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5 + 12)
        self.resolve_button = QPushButton(resolve_text)
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.list.itemSelectionChanged.connect(
            lambda: self.resolve_button.setEnabled(bool(self.list.selectedItems()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignRight)

    def value(self) -> tuple[ReviewNote, ...]:
        return self._notes

    def set_value(self, notes: Any) -> None:
        self._notes = tuple(notes or ())
        self.list.clear()
        for i, note in enumerate(self._notes):
            item = QListWidgetItem(review_note_text(note.field, note.value, note.reason))
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.list.addItem(item)
        if not self._notes:
            empty = QListWidgetItem(self._empty_text)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.resolve_button.setEnabled(False)

    def resolve_selected(self) -> None:
        chosen = {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}
        if chosen:
            self.set_value(n for i, n in enumerate(self._notes) if i not in chosen)
            self.changed.emit()


@dataclass(frozen=True)
class ReviewNotes(FieldSpec):
    """Values an import could not place (unknown codes, postcodes), kept on the record."""

    empty: str = ""
    resolve: str = ""

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        notes = ReviewNoteList(self.empty, self.resolve)
        notes.setObjectName(self.key)
        notes.list.setObjectName(f"{self.key}List")
        return Binding(
            notes,
            notes.list,
            notes.value,
            notes.set_value,
            lambda f: notes.changed.connect(f),
            focus_chain=[notes.list, notes.resolve_button],
        )


@dataclass(frozen=True)
class Section:
    """A titled group of fields."""

    title: str
    fields: tuple[FieldSpec, ...]
    name: str = ""
    note: str = ""
    """A line of explanation under the title."""


def focus_order(bindings: Sequence[Binding]) -> list[QWidget]:
    chain: list[QWidget] = []
    for binding in bindings:
        chain.extend(binding.focus_chain or [binding.input])
    return chain
