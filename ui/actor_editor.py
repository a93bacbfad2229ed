"""The social dating profile editor (social datingprofil): one actor, in the order of
Arbejdsspørgsmål 5, with inline validation, undo/redo and an explicit save."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import ConflictError, InputProblem, MapperError, ValidationError
from mapper.domain.model import (
    LOCATION_PRECISIONS,
    Actor,
    Consent,
    Contact,
    Location,
    Profile,
    Resource,
)
from mapper.domain.vocabulary import Vocabulary
from mapper.services.actors import ActorEditService
from ui.actor_commands import SetFieldCommand
from ui.widgets.code_picker import CodePicker

Index = QModelIndex | QPersistentModelIndex

EXAMPLES = 3
"""The dating profile asks for 1-3 successful projects."""
NO_DATE = QDate(1900, 1, 1)
"""The minimum of an optional date edit, shown as its 'no date' text."""
UNKNOWN_COUNT = -1
"""The minimum of a count spin box, shown as 'not stated'."""
ERROR_COLOUR = "#b3261e"
STYLE = f"""
QLabel#guidance {{ color: palette(mid); }}
QLabel#fieldError {{ color: {ERROR_COLOUR}; }}
QLabel#volunteerNote {{ border-left: 3px solid {ERROR_COLOUR}; padding-left: 6px; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QSpinBox[invalid="true"], QDateEdit[invalid="true"], QListWidget[invalid="true"],
QTableWidget[invalid="true"], QCheckBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR};
}}
"""
# Fields that are empty on a new record until the user gets to them: not shown as errors
# before they were touched (or a save was tried); Save stays disabled meanwhile.
QUIET_UNTIL_TOUCHED = frozenset({"name", "kind", "consent.given_on", "consent.purpose"})
TYPED_FIELDS = (
    "name",
    "profile.we_are",
    "profile.role_towards_target_group",
    "profile.best_at",
    "profile.worst_at",
    *(f"profile.success_examples[{i}]" for i in range(EXAMPLES)),
    "profile.attractive_partner_because",
    "profile.how_we_know_it_works",
    "location.address",
    "location.postcode",
    "location.city",
    "location.municipality_code",
    "location.lat",
    "location.lon",
    "contact.name",
    "contact.email",
    "contact.phone",
    "contact.website",
    "consent.purpose",
)
# Fields whose consecutive edits are one undo step: typing, and stepping through a combo box.
MERGEABLE = frozenset(
    {*TYPED_FIELDS, "kind", "employees", "volunteers", "profile.evidence_level"}
    | {"location.precision"}
)


# --------------------------------------------------------------------------- form values


def form_values(actor: Actor | None) -> dict[str, Any]:
    """The editor's field values for an actor (None: a new, empty one). Texts are strings,
    coordinates stay text until saved, absent numbers and dates are None."""
    a = actor or Actor(id="", name="", kind="")
    p, loc, c = a.profile, a.location, a.contact
    examples = [*p.success_examples, *([""] * EXAMPLES)][:EXAMPLES]
    return {
        "name": a.name,
        "kind": a.kind or None,
        "profile.we_are": p.we_are or "",
        "employees": a.employees,
        "volunteers": a.volunteers,
        "resources_offered": a.resources_offered,
        "target_groups": a.target_groups,
        "profile.role_towards_target_group": p.role_towards_target_group or "",
        "roles": a.roles,
        "prevention_levels": a.prevention_levels,
        "profile.best_at": p.best_at or "",
        "profile.worst_at": p.worst_at or "",
        **{f"profile.success_examples[{i}]": text for i, text in enumerate(examples)},
        "profile.attractive_partner_because": p.attractive_partner_because or "",
        "profile.how_we_know_it_works": p.how_we_know_it_works or "",
        "profile.evidence_level": p.evidence_level,
        "location.address": loc.address or "",
        "location.postcode": loc.postcode or "",
        "location.city": loc.city or "",
        "location.municipality_code": loc.municipality_code or "",
        "location.lat": "" if loc.lat is None else repr(loc.lat),
        "location.lon": "" if loc.lon is None else repr(loc.lon),
        "location.precision": loc.precision,
        "contact.name": c.name or "",
        "contact.email": c.email or "",
        "contact.phone": c.phone or "",
        "contact.website": c.website or "",
        "public": a.public,
        "active": a.active,
        "consent.given_on": a.consent.given_on,
        "consent.purpose": a.consent.purpose or "",
        "verified_on": a.verified_on,
    }


def parse_coordinate(text: str) -> float | None:
    """Decimal degrees as typed, with a Danish decimal comma; '' is None, else ValueError."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def actor_from_values(
    values: dict[str, Any], base: Actor | None, actor_id: str
) -> tuple[Actor, set[str]]:
    """The actor the form describes, and the fields whose text is not a number. Fields the form
    does not show (parent, registry ids, service area) are kept from ``base``."""

    def text(field: str) -> str | None:
        return str(values[field]).strip() or None

    coordinates: dict[str, float | None] = {}
    unparsable = set()
    for field in ("location.lat", "location.lon"):
        try:
            coordinates[field] = parse_coordinate(values[field])
        except ValueError:
            coordinates[field], unparsable = None, unparsable | {field}
    examples = (text(f"profile.success_examples[{i}]") for i in range(EXAMPLES))
    actor = replace(
        base or Actor(id=actor_id, name="", kind=""),
        id=actor_id,
        name=str(values["name"]).strip(),
        kind=values["kind"] or "",
        employees=values["employees"],
        volunteers=values["volunteers"],
        target_groups=tuple(values["target_groups"]),
        resources_offered=tuple(values["resources_offered"]),
        roles=tuple(values["roles"]),
        prevention_levels=tuple(values["prevention_levels"]),
        profile=Profile(
            we_are=text("profile.we_are"),
            best_at=text("profile.best_at"),
            worst_at=text("profile.worst_at"),
            success_examples=tuple(e for e in examples if e),
            attractive_partner_because=text("profile.attractive_partner_because"),
            role_towards_target_group=text("profile.role_towards_target_group"),
            how_we_know_it_works=text("profile.how_we_know_it_works"),
            evidence_level=values["profile.evidence_level"],
        ),
        location=Location(
            address=text("location.address"),
            postcode=text("location.postcode"),
            city=text("location.city"),
            municipality_code=text("location.municipality_code"),
            lat=coordinates["location.lat"],
            lon=coordinates["location.lon"],
            precision=values["location.precision"],
        ),
        contact=Contact(
            name=text("contact.name"),
            email=text("contact.email"),
            phone=text("contact.phone"),
            website=text("contact.website"),
        ),
        public=bool(values["public"]),
        active=bool(values["active"]),
        consent=Consent(given_on=values["consent.given_on"], purpose=text("consent.purpose")),
        verified_on=values["verified_on"],
    )
    return actor, unparsable


def widget_field(problem_field: str) -> str:
    """The editor field an InputProblem's field path belongs to, e.g. 'target_groups[1]' →
    'target_groups', 'resources_offered[0].kind' → 'resources_offered'."""
    if problem_field.startswith("profile.success_examples["):
        return problem_field
    return re.sub(r"\[\d+\].*$", "", problem_field)


# --------------------------------------------------------------------------- small widgets


class OptionalDateEdit(QWidget):
    """A date edit with a 'no date' state (its minimum, shown as text) and Today/Clear."""

    value_changed = Signal(object)
    """The date (datetime.date) or None."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit()
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
        return None if date == NO_DATE else date.toPython()  # type: ignore[no-any-return]

    def set_value(self, value: dt.date | None) -> None:
        self.date_edit.setDate(NO_DATE if value is None else QDate(value))

    def _date_changed(self, date: QDate) -> None:
        # Stepping up from 'no date' would give 2 January 1900: start from today instead.
        if date != NO_DATE and date.year() == NO_DATE.year():
            self.date_edit.setDate(QDate.currentDate())
            return
        self.value_changed.emit(self.value())


class ResourceKindDelegate(QStyledItemDelegate):
    """Shows a resource kind's label and edits it with a combo box of the vocabulary."""

    def __init__(self, terms: Sequence[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._terms = list(terms)
        self._labels = dict(terms)

    def displayText(self, value: Any, locale: QLocale) -> str:
        return self._labels.get(str(value), str(value))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code, label in self._terms:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data())))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class NumberDelegate(QStyledItemDelegate):
    """An optional non-negative number (hours, DKK), typed with a decimal comma or point."""

    def displayText(self, value: Any, locale: QLocale) -> str:
        if value is None or value == "":
            return ""
        return locale.toString(float(value), "g", 12)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\s*\d{0,12}([.,]\d{0,2})?\s*$"))
        )
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(self.displayText(index.data(), QLocale()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip().replace(",", ".")
        model.setData(index, float(text) if text.strip(".") else None)


@dataclass
class _Binding:
    """One field of the form: its input, how to read and write it, where its error shows."""

    input: QWidget
    get: Callable[[], Any]
    put: Callable[[Any], None]
    error: QLabel
    title: str
    label: QLabel | None = None
    border: QWidget | None = None
    """The widget that gets the red border (the input itself unless it is a composite)."""


# --------------------------------------------------------------------------- the editor


class ActorEditor(QWidget):
    """Edits one actor's social dating profile (social datingprofil).

    Each field edit is a QUndoCommand on ``undo_stack``; the editor is dirty while the stack is
    not clean, and saving marks it clean. Saving goes through ``ActorEditService`` and keeps the
    user's input when it is refused.
    """

    actor_saved = Signal(str)
    """The id of the actor just saved."""
    dirty_changed = Signal(bool)

    COL_KIND, COL_DESCRIPTION, COL_HOURS, COL_DKK = range(4)

    def __init__(
        self,
        service: ActorEditService,
        vocabulary: Vocabulary,
        lang: str = "da",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ActorEditor")
        self._service = service
        self._vocabulary = vocabulary
        self._lang = lang
        self._actor_id: str | None = None
        self._version: int | None = None
        self._base: Actor | None = None
        self._values: dict[str, Any] = form_values(None)
        self._applying = False
        self._touched: set[str] = set()
        self._show_all = False
        self._messages: dict[str, str] = {}
        self._message_is_error = False
        self._bindings: dict[str, _Binding] = {}
        self.inputs: dict[str, QWidget] = {}
        """Field path → its input widget (for focus, tests and accessibility checks)."""
        self.errors: dict[str, QLabel] = {}
        self.confirm: Callable[[], QMessageBox.StandardButton] = self._ask_save_changes
        """Asks whether to save before leaving; replaceable (tests inject a choice)."""

        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.setStyleSheet(STYLE)

        self._build()
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Save),
            self,
            self.save,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.new_actor()

    # ----------------------------------------------------------------- public API

    def new_actor(self) -> None:
        """Start an empty profile (no id until it is first saved)."""
        self._start(None, None)

    def load_actor(self, actor_id: str) -> None:
        """Show the stored actor (NotFoundError if there is none). Call ``maybe_leave`` first
        if the current edits matter."""
        actor, version = self._service.load(actor_id)
        self._start(actor, version)
        if self._personal_kind() and self._values["public"]:
            # Stored before the rule held: offer the fix as an undoable, unsaved change.
            self._push("public", False)

    def current_actor_id(self) -> str | None:
        return self._actor_id

    def current_version(self) -> int | None:
        """The stored version the editor works on (None for an unsaved new actor)."""
        return self._version

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def is_valid(self) -> bool:
        return not self._messages

    def current_actor(self) -> Actor:
        """The actor as the form describes it now (unparsable coordinates left out)."""
        return self._form_actor()[0]

    def save(self) -> bool:
        """Validate and store the profile; True when saved. A refused save keeps the input and
        shows why next to the fields."""
        self._show_all = True
        self._revalidate()
        if not self.is_valid():
            self._show_message(self._summary_text(), error=True)
            self._focus_first_error()
            return False
        if not self.is_dirty() and self._version is not None:
            return True
        actor = self._form_actor()[0]
        if self._actor_id is None:
            actor = replace(
                actor,
                id=self._service.new_actor_id(actor.name, actor.location.municipality_code),
            )
        try:
            version = self._service.save(actor, expected_version=self._version)
        except ValidationError as error:
            self._show_problems(error.problems)
            return False
        except ConflictError as error:
            self._show_message(
                self.tr(
                    "Someone else saved this actor while you were editing it (their version %1, "
                    "yours %2). Your changes are still here: copy what you need and reload the "
                    "actor to see theirs."
                )
                .replace("%1", str(error.actual_version))
                .replace("%2", str(error.expected_version)),
                error=True,
            )
            return False
        except MapperError as error:
            self._show_message(str(error), error=True)
            return False
        self._actor_id, self._version, self._base = actor.id, version, actor
        self.undo_stack.setClean()
        self._update_header()
        self._update_save_button()
        self._show_message(self.tr("Saved."))
        self.actor_saved.emit(actor.id)
        return True

    def maybe_leave(self) -> bool:
        """True when the editor may be left: nothing unsaved, the user saved, or discarded."""
        if not self.is_dirty():
            return True
        choice = self.confirm()
        if choice == QMessageBox.StandardButton.Save:
            return self.save()
        return choice == QMessageBox.StandardButton.Discard

    def apply_field(self, field: str, value: Any) -> None:
        """Put a value into a field and its widget (called by the undo commands)."""
        self._values[field] = value
        binding = self._bindings[field]
        if binding.get() != value:
            self._applying = True
            try:
                binding.put(value)
            finally:
                self._applying = False
            self.scroll_area.ensureWidgetVisible(binding.input)
        if field == "kind":
            self._kind_changed()
        if field in ("name", "kind"):
            self._update_header()
        self._revalidate()

    # ----------------------------------------------------------------- building the form

    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setObjectName("editorHeader")
        font = self.header_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header_label.setFont(font)
        self.header_label.setAccessibleName(self.tr("Social dating profile"))

        self.example_button = QToolButton()
        self.example_button.setObjectName("exampleButton")
        self.example_button.setText(self.tr("Example: Patriciahuset"))
        self.example_button.setCheckable(True)
        self.example_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.example_button.setArrowType(Qt.ArrowType.RightArrow)
        self.example_button.setAccessibleName(self.tr("Show the worked example Patriciahuset"))
        self.example_button.toggled.connect(self._toggle_example)
        self.example_view = QTextBrowser()
        self.example_view.setObjectName("exampleView")
        self.example_view.setAccessibleName(self.tr("Worked example: Patriciahuset"))
        self.example_view.setHtml(self._example_html())
        self.example_view.setMinimumHeight(260)
        self.example_view.setVisible(False)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.example_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.example_view)
        column.addWidget(self._profile_group())
        column.addWidget(self._location_group())
        column.addWidget(self._contact_group())
        column.addWidget(self._status_group())
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        self.message_label = QLabel()
        self.message_label.setObjectName("editorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Editor messages"))
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the dating profile (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save the dating profile"))
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        self._set_tab_order()

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _add(
        self,
        form: QFormLayout,
        field: str,
        title: str,
        guidance: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        *,
        focus: QWidget | None = None,
        border: QWidget | None = None,
    ) -> QLabel:
        """One row: a label, the input, its error line and its guidance line."""
        label = self._field_widgets(field, title, guidance, widget, get, put, focus, border)
        form.addRow(label, self._cell(field, widget, guidance))
        return label

    def _field_widgets(
        self,
        field: str,
        title: str,
        guidance: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        focus: QWidget | None = None,
        border: QWidget | None = None,
    ) -> QLabel:
        target = focus or widget
        label = QLabel(title)
        label.setBuddy(target)
        target.setAccessibleName(title)
        widget.setAccessibleName(title)
        target.setAccessibleDescription(guidance)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setAccessibleName(self.tr("Problem with %1").replace("%1", title))
        self._bindings[field] = _Binding(target, get, put, error, title, label, border)
        self.inputs[field] = target
        self.errors[field] = error
        return label

    def _cell(self, field: str, widget: QWidget, guidance: str) -> QWidget:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self.errors[field])
        box.addWidget(self._guidance(guidance))
        return cell

    @staticmethod
    def _guidance(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("guidance")
        label.setWordWrap(True)
        return label

    def _line_edit(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self._edited(field))
        return edit

    def _text_edit(self, field: str, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(field)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(lambda: self._edited(field))
        return edit

    def _add_line(self, form: QFormLayout, field: str, title: str, guidance: str) -> QLineEdit:
        edit = self._line_edit(field)
        self._add(form, field, title, guidance, edit, edit.text, edit.setText)
        return edit

    def _add_text(self, form: QFormLayout, field: str, title: str, guidance: str) -> None:
        edit = self._text_edit(field)
        self._add(form, field, title, guidance, edit, edit.toPlainText, edit.setPlainText)

    def _combo(self, field: str, empty: str, items: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(field)
        combo.addItem(empty, None)
        for code, label in items:
            combo.addItem(label, code)
        combo.currentIndexChanged.connect(lambda _i: self._edited(field))
        return combo

    @staticmethod
    def _put_combo(combo: QComboBox, value: str | None) -> None:
        if value is None:
            combo.setCurrentIndex(0)
            return
        index = combo.findData(value)
        if index < 0:  # a code the vocabulary lacks: show it rather than lose it
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _add_combo(
        self,
        form: QFormLayout,
        field: str,
        title: str,
        guidance: str,
        empty: str,
        items: Sequence[tuple[str, str]],
    ) -> QComboBox:
        combo = self._combo(field, empty, items)
        put = lambda v: self._put_combo(combo, v)  # noqa: E731
        self._add(form, field, title, guidance, combo, combo.currentData, put)
        return combo

    def _terms(self, facet: str) -> list[tuple[str, str]]:
        return [(t.code, t.label(self._lang)) for t in self._vocabulary.terms(facet)]

    def _add_picker(
        self, form: QFormLayout, field: str, facet: str, title: str, guidance: str
    ) -> CodePicker:
        picker = CodePicker(self._vocabulary, facet, self._lang, title)
        picker.setObjectName(field)
        picker.codes_changed.connect(lambda _c: self._edited(field))
        get, put = picker.codes, picker.set_codes
        self._add(
            form,
            field,
            title,
            guidance,
            picker,
            get,
            put,
            focus=picker.filter_edit,
            border=picker.list,
        )
        picker.set_title(title)  # its own names for the filter line and the list
        return picker

    def _count_spin(self, field: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(field)
        spin.setRange(UNKNOWN_COUNT, 1_000_000)
        spin.setSpecialValueText(self.tr("Not stated"))
        spin.setValue(UNKNOWN_COUNT)
        spin.valueChanged.connect(lambda _v: self._edited(field))
        return spin

    @staticmethod
    def _spin_value(spin: QSpinBox) -> int | None:
        return None if spin.value() == UNKNOWN_COUNT else spin.value()

    def _profile_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Social dating profile"))
        self._add_line(
            form, "name", self.tr("Name"), self.tr("The name the actor is known by locally.")
        )
        self._add_combo(
            form,
            "kind",
            self.tr("Type"),
            self.tr(
                "Which kind of actor: an individual volunteer, an association, a company, a "
                "public institution …"
            ),
            self.tr("Choose a type…"),
            self._terms("actor_kinds"),
        )
        for field in ("name", "kind"):  # required: marked as the consent fields are for people
            label = self._bindings[field].label
            assert label is not None
            label.setText(label.text() + " *")
        self.sector_label = QLabel()
        self.sector_label.setObjectName("sectorLabel")
        form.addRow("", self.sector_label)
        self.volunteer_note = QLabel(
            self.tr(
                "An individual volunteer is a person: under the GDPR the record is kept only "
                "with the person's consent and a stated purpose, and it never appears on "
                "public maps."
            )
        )
        self.volunteer_note.setObjectName("volunteerNote")
        self.volunteer_note.setWordWrap(True)
        self.volunteer_note.setVisible(False)
        form.addRow("", self.volunteer_note)
        self._add_text(
            form,
            "profile.we_are",
            self.tr("We are …"),
            self.tr("Who are you, and what do you do? A few sentences."),
        )
        form.addRow(self.tr("Size"), self._size_cell())
        form.addRow(self.tr("Resources and competences"), self._resources_cell())
        self._add_picker(
            form,
            "target_groups",
            "target_groups",
            self.tr("Target groups"),
            self.tr("Which target groups you need a collaboration with."),
        )
        self._add_text(
            form,
            "profile.role_towards_target_group",
            self.tr("Our role towards the target group"),
            self.tr(
                "What you do for these target groups, e.g. run a service, advise, bring people "
                "together."
            ),
        )
        self._add_picker(
            form,
            "roles",
            "roles",
            self.tr("Roles"),
            self.tr(
                "Which roles you can take in a partnership, e.g. bridge builder, service "
                "provider, commissioner."
            ),
        )
        self._add_picker(
            form,
            "prevention_levels",
            "prevention_levels",
            self.tr("Prevention level"),
            self.tr(
                "Where your effort sits: before the problem arises, early, treatment or "
                "rehabilitation."
            ),
        )
        self._add_text(
            form,
            "profile.best_at",
            self.tr("We are best at …"),
            self.tr("What a partner can count on you for."),
        )
        self._add_text(
            form,
            "profile.worst_at",
            self.tr("We are worst at …"),
            self.tr("Where you fall short: it tells a partner what you need from them."),
        )
        form.addRow(self.tr("1-3 examples of successful projects"), self._examples_cell())
        self._add_text(
            form,
            "profile.attractive_partner_because",
            self.tr("What makes you an attractive partner?"),
            self.tr("What you bring that makes you worth collaborating with."),
        )
        self._add_text(
            form,
            "profile.how_we_know_it_works",
            self.tr("This is how we know our effort works"),
            self.tr("How you document the value you create or measure the effect of your effort."),
        )
        self._add_combo(
            form,
            "profile.evidence_level",
            self.tr("Evidence level"),
            self.tr(
                "How strong that documentation is, from case studies (low) to systematic "
                "reviews (high)."
            ),
            self.tr("Not stated"),
            self._terms("evidence_levels"),
        )
        return group

    def _size_cell(self) -> QWidget:
        guidance = self.tr("The number of employees and volunteers in your organisation or unit.")
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        for field, title in (
            ("employees", self.tr("Employees")),
            ("volunteers", self.tr("Volunteers")),
        ):
            spin = self._count_spin(field)
            label = self._field_widgets(
                field,
                title,
                guidance,
                spin,
                lambda s=spin: self._spin_value(s),
                lambda v, s=spin: s.setValue(UNKNOWN_COUNT if v is None else v),
            )
            row.addWidget(label)
            row.addWidget(spin, 1)
        box.addLayout(row)
        box.addWidget(self.errors["employees"])
        box.addWidget(self.errors["volunteers"])
        box.addWidget(self._guidance(guidance))
        return cell

    def _examples_cell(self) -> QWidget:
        guidance = self.tr(
            "1-3 examples of successful projects or efforts. What made them successful?"
        )
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for i in range(EXAMPLES):
            field = f"profile.success_examples[{i}]"
            edit = self._line_edit(field, self.tr("What was it, and what made it successful?"))
            title = self.tr("Example %1").replace("%1", str(i + 1))
            self._field_widgets(field, title, guidance, edit, edit.text, edit.setText)
            box.addWidget(edit)
            box.addWidget(self.errors[field])
        box.addWidget(self._guidance(guidance))
        return cell

    def _resources_cell(self) -> QWidget:
        field = "resources_offered"
        self.resource_table = table = QTableWidget(0, 4)
        table.setObjectName(field)
        table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Description"), self.tr("Hours/month"), self.tr("DKK")]
        )
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(
            self.COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        table.setColumnWidth(self.COL_KIND, 230)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the table (arrows move between cells), so the form stays one tab chain.
        table.setTabKeyNavigation(False)
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 4 + 30)
        table.setItemDelegateForColumn(
            self.COL_KIND, ResourceKindDelegate(self._terms("resource_kinds"), table)
        )
        numbers = NumberDelegate(table)
        table.setItemDelegateForColumn(self.COL_HOURS, numbers)
        table.setItemDelegateForColumn(self.COL_DKK, numbers)
        table.itemChanged.connect(lambda _item: self._edited(field))

        self.add_resource_button = QPushButton(self.tr("Add resource"))
        self.add_resource_button.setAccessibleName(self.tr("Add a resource"))
        self.add_resource_button.clicked.connect(self._add_resource)
        self.remove_resource_button = QPushButton(self.tr("Remove resource"))
        self.remove_resource_button.setAccessibleName(self.tr("Remove the selected resource"))
        self.remove_resource_button.clicked.connect(self._remove_resource)
        title = self.tr("Resources and competences")
        guidance = self.tr(
            "Which resources (e.g. funding, staff or volunteer hours) and competences you can "
            "offer in a collaboration or partnership."
        )
        self._field_widgets(
            field, title, guidance, table, self._table_resources, self._fill_resources
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_resource_button)
        buttons.addWidget(self.remove_resource_button)
        buttons.addStretch(1)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(table)
        box.addLayout(buttons)
        box.addWidget(self.errors[field])
        box.addWidget(self._guidance(guidance))
        return cell

    def _location_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Location"))
        self._add_line(form, "location.address", self.tr("Address"), self.tr("Street and number."))
        self._add_line(
            form, "location.postcode", self.tr("Postcode"), self.tr("Four digits, e.g. 6700.")
        )
        self._add_line(form, "location.city", self.tr("City"), self.tr("The town or city."))
        self._add_line(
            form,
            "location.municipality_code",
            self.tr("Municipality code"),
            self.tr("Three or four digits, e.g. 0561 for Esbjerg."),
        )
        coordinates = self.tr(
            "Decimal degrees, e.g. 55.4765 and 8.4594; give both latitude and longitude, or "
            "neither."
        )
        self._add_line(form, "location.lat", self.tr("Latitude"), coordinates)
        self._add_line(form, "location.lon", self.tr("Longitude"), coordinates)
        precisions = {
            "address": self.tr("Address"),
            "postcode": self.tr("Postcode"),
            "municipality": self.tr("Municipality"),
            "manual": self.tr("Placed by hand"),
        }
        self._add_combo(
            form,
            "location.precision",
            self.tr("Precision"),
            self.tr("How exact the point on the map is."),
            self.tr("Not stated"),
            [(code, precisions.get(code, code)) for code in LOCATION_PRECISIONS],
        )
        return group

    def _contact_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Contact"))
        self._add_line(
            form,
            "contact.name",
            self.tr("Contact person"),
            self.tr(
                "A contact person is personal data: shown on public maps only when the actor "
                "agreed."
            ),
        )
        self._add_line(
            form, "contact.email", self.tr("E-mail"), self.tr("For example name@example.dk.")
        )
        self._add_line(form, "contact.phone", self.tr("Phone"), self.tr("For example 75 12 34 56."))
        self._add_line(
            form,
            "contact.website",
            self.tr("Website"),
            self.tr("Starts with https://, e.g. https://www.example.dk."),
        )
        return group

    def _status_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Publishing and consent"))
        self.public_check = QCheckBox(self.tr("Public"))
        self.public_check.setObjectName("public")
        self.public_check.toggled.connect(lambda _c: self._edited("public"))
        self.public_guidance = self._add_check(
            form,
            "public",
            self.public_check,
            self.tr("Public"),
            self.tr("Public actors may appear on exported partner maps."),
        )
        self.active_check = QCheckBox(self.tr("Active"))
        self.active_check.setObjectName("active")
        self.active_check.toggled.connect(lambda _c: self._edited("active"))
        self._add_check(
            form,
            "active",
            self.active_check,
            self.tr("Active"),
            self.tr("Inactive actors are kept in the register but not proposed as partners."),
        )

        self.consent_date = OptionalDateEdit(self.tr("No consent"))
        self.consent_date.setObjectName("consent.given_on")
        self.consent_date.value_changed.connect(lambda _v: self._edited("consent.given_on"))
        self.consent_date_label = self._add(
            form,
            "consent.given_on",
            self.tr("Consent given on"),
            self.tr("The date the person or organisation agreed to be registered."),
            self.consent_date,
            self.consent_date.value,
            self.consent_date.set_value,
            focus=self.consent_date.date_edit,
        )
        self.consent_date.set_accessible_name(self.tr("Consent given on"))
        purpose = self._line_edit("consent.purpose")
        self.consent_purpose_label = self._add(
            form,
            "consent.purpose",
            self.tr("Purpose of the consent"),
            self.tr(
                "What the data is kept for, e.g. matching with volunteer tasks in the municipality."
            ),
            purpose,
            purpose.text,
            purpose.setText,
        )
        self.verified_date = OptionalDateEdit(self.tr("Not verified"))
        self.verified_date.setObjectName("verified_on")
        self.verified_date.value_changed.connect(lambda _v: self._edited("verified_on"))
        self._add(
            form,
            "verified_on",
            self.tr("Verified on"),
            self.tr("When the record was last checked with the actor."),
            self.verified_date,
            self.verified_date.value,
            self.verified_date.set_value,
            focus=self.verified_date.date_edit,
        )
        self.verified_date.set_accessible_name(self.tr("Verified on"))
        return group

    def _add_check(
        self, form: QFormLayout, field: str, check: QCheckBox, title: str, guidance: str
    ) -> QLabel:
        """A checkbox row; returns its guidance label (the public flag rewords it)."""
        self._field_widgets(field, title, guidance, check, check.isChecked, check.setChecked)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(check)
        box.addWidget(self.errors[field])
        note = self._guidance(guidance)
        box.addWidget(note)
        form.addRow("", cell)
        return note

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.example_button]
        for field, binding in self._bindings.items():
            chain.append(binding.input)
            if isinstance(binding.input.parentWidget(), CodePicker):
                chain.append(binding.border or binding.input)
            if field == "resources_offered":
                chain += [self.add_resource_button, self.remove_resource_button]
            if field in ("consent.given_on", "verified_on"):
                date = self.consent_date if field == "consent.given_on" else self.verified_date
                chain += [date.today_button, date.clear_button]
        chain.append(self.save_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------- the example

    def _toggle_example(self, shown: bool) -> None:
        self.example_view.setVisible(shown)
        self.example_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _example_html(self) -> str:
        """A short summary of the worked example in Arbejdsspørgsmål 5 (Patriciahuset)."""
        rows = [
            (
                self.tr("We are"),
                self.tr(
                    "One of the municipality's socio-psychiatric services, with 17 staff, most "
                    "with a background in social education. We offer a place of development and "
                    "learning for citizens aged 18-60 with a mental illness."
                ),
            ),
            (
                self.tr("We seek a partner for"),
                self.tr(
                    "An open café that builds bridges to the municipality's other services and "
                    "to activities in the local community: volunteers who help users without a "
                    "network get going with something out in the world, so that in time they "
                    "can use the ordinary services instead of the institutions."
                ),
            ),
            (
                self.tr("We are good at"),
                self.tr(
                    "Making the target group stronger: skilled professional staff help the "
                    "users develop within the walls of the house."
                ),
            ),
            (
                self.tr("We are less good at"),
                self.tr(
                    "We lack bridge builders who can create contact with the world outside: "
                    "internships, self-help groups, evening classes and so on."
                ),
            ),
            (
                self.tr("Our role in the project"),
                self.tr(
                    "To provide the premises and sparring with our professional staff whenever "
                    "it is needed."
                ),
            ),
            (
                self.tr("How we know it works"),
                self.tr(
                    "When the users are attached to offers outside the house: we know it works "
                    "when we have made ourselves superfluous."
                ),
            ),
            (
                self.tr("We seek someone who"),
                self.tr(
                    "Can provide volunteers to link the users to the local community, for "
                    "example a voluntary organisation working with mentally vulnerable people."
                ),
            ),
            (
                self.tr("As a partner you get"),
                self.tr(
                    "Access to the target group, a say in the café project, good surroundings "
                    "and professional sparring."
                ),
            ),
        ]
        body = "".join(
            f"<p><b>{html.escape(title)}:</b> {html.escape(text)}</p>" for title, text in rows
        )
        intro = self.tr(
            "From the guide to future welfare alliances, working question 5. The first half "
            "describes the actor (this form); the half that seeks a partner becomes a problem "
            "statement."
        )
        heading = self.tr("Dating profile: Patriciahuset in Esbjerg seeks a bridge builder")
        return f"<h3>{html.escape(heading)}</h3><p><i>{html.escape(intro)}</i></p>{body}"

    # ----------------------------------------------------------------- editing

    def _start(self, actor: Actor | None, version: int | None) -> None:
        self._actor_id = actor.id if actor else None
        self._version = version
        self._base = actor
        self._values = form_values(actor)
        self._touched = set()
        self._show_all = actor is not None
        self._applying = True
        try:
            for field, binding in self._bindings.items():
                binding.put(self._values[field])
        finally:
            self._applying = False
        self.undo_stack.clear()
        self._show_message("")
        self._kind_changed()
        self._update_header()
        self._revalidate()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _edited(self, field: str) -> None:
        """A widget changed under the user's hands: record it as an undoable command."""
        if self._applying:
            return
        new = self._bindings[field].get()
        if new == self._values[field]:
            return
        self._touched.add(field)
        if not self._message_is_error:
            self.message_label.clear()  # 'Saved.' is stale once the form changes again
        follows: list[tuple[str, object, object]] = []
        personal = field == "kind" and self._vocabulary.holds_personal_data(new or "")
        if personal and self._values["public"]:
            # Choosing 'individual volunteer' takes the record off public maps, in one step.
            follows.append(("public", True, False))
        self._push(field, new, follows)

    def _push(
        self, field: str, new: Any, follows: Sequence[tuple[str, object, object]] = ()
    ) -> None:
        self.undo_stack.push(
            SetFieldCommand(
                self,
                field,
                self._values[field],
                new,
                self._command_text(field),
                mergeable=field in MERGEABLE,
                follows=follows,
            )
        )

    def _command_text(self, field: str) -> str:
        return self.tr("Change %1").replace("%1", self._bindings[field].title)

    def _personal_kind(self) -> bool:
        return self._vocabulary.holds_personal_data(self._values["kind"] or "")

    def _kind_changed(self) -> None:
        kind = self._values["kind"]
        sector = self._vocabulary.sector_of(kind) if kind else None
        self.sector_label.setText(
            self.tr("Sector: %1").replace(
                "%1", self._vocabulary.label("sectors", sector, self._lang)
            )
            if sector
            else ""
        )
        personal = self._personal_kind()
        self.volunteer_note.setVisible(personal)
        self.public_check.setEnabled(not personal)
        self.public_guidance.setText(
            self.tr("Individual volunteers are never shown on public maps.")
            if personal
            else self.tr("Public actors may appear on exported partner maps.")
        )
        required = " *" if personal else ""
        self.consent_date_label.setText(self.tr("Consent given on") + required)
        self.consent_purpose_label.setText(self.tr("Purpose of the consent") + required)

    def _clean_changed(self, clean: bool) -> None:
        self._update_header()
        self._update_save_button()
        self.dirty_changed.emit(not clean)

    def _update_header(self) -> None:
        name = str(self._values["name"]).strip() or (
            self.tr("New actor") if self._actor_id is None else self._actor_id
        )
        text = self.tr("Social dating profile: %1").replace("%1", name)
        self.header_label.setText(text + (" *" if self.is_dirty() else ""))

    # ----------------------------------------------------------------- the table

    def _table_resources(self) -> tuple[Resource, ...]:
        table = self.resource_table
        resources = []
        for row in range(table.rowCount()):
            cells = [table.item(row, col) for col in range(4)]
            kind, description, hours, dkk = (
                c.data(Qt.ItemDataRole.EditRole) if c else None for c in cells
            )
            resources.append(
                Resource(
                    kind=str(kind or ""),
                    description=str(description or "").strip() or None,
                    hours_per_month=None if hours in (None, "") else float(hours),
                    amount_dkk=None if dkk in (None, "") else float(dkk),
                )
            )
        return tuple(resources)

    def _fill_resources(self, resources: tuple[Resource, ...]) -> None:
        table = self.resource_table
        current = table.currentIndex()
        table.setRowCount(0)
        table.setRowCount(len(resources))
        for row, r in enumerate(resources):
            for col, value in enumerate((r.kind, r.description, r.hours_per_month, r.amount_dkk)):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, value)
                table.setItem(row, col, item)
        if current.isValid() and len(resources):
            table.setCurrentCell(min(current.row(), len(resources) - 1), current.column())

    def _add_resource(self) -> None:
        first_kind = self._vocabulary.terms("resource_kinds")[0].code
        resources = (*self._values["resources_offered"], Resource(kind=first_kind))
        self._touched.add("resources_offered")
        self._push("resources_offered", resources)
        row = len(resources) - 1
        self.resource_table.setCurrentCell(row, self.COL_KIND)
        self.resource_table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resource_table.editItem(self.resource_table.item(row, self.COL_KIND))

    def _remove_resource(self) -> None:
        row = self.resource_table.currentRow()
        resources = self._values["resources_offered"]
        if not 0 <= row < len(resources):
            return
        self._push("resources_offered", (*resources[:row], *resources[row + 1 :]))

    # ----------------------------------------------------------------- validation

    def _form_actor(self) -> tuple[Actor, set[str]]:
        return actor_from_values(self._values, self._base, self._actor_id or "new-actor")

    def _revalidate(self) -> None:
        actor, unparsable = self._form_actor()
        messages = {
            field: self.tr("Not a number: use decimal degrees such as 55.4765.")
            for field in unparsable
        }
        for problem in self._service.check(actor):
            field = widget_field(problem.field)
            if field in unparsable:
                continue  # the form left the value out: its own message says why
            messages.setdefault(field if field in self._bindings else "", self._sentence(problem))
        self._messages = messages
        self._render_messages()

    def _show_problems(self, problems: Sequence[InputProblem]) -> None:
        """Problems the service found on save: next to their fields, the rest at the bottom."""
        for problem in problems:
            field = widget_field(problem.field)
            self._messages[field if field in self._bindings else ""] = self._sentence(problem)
        self._render_messages()
        self._show_message(self._messages.get("") or self._summary_text(), error=True)
        self._focus_first_error()

    def _render_messages(self) -> None:
        quiet = set()
        for field, binding in self._bindings.items():
            message = self._messages.get(field)
            if message and not self._shows(field):
                quiet.add(field)
                message = None
            binding.error.setText(message or "")
            binding.error.setVisible(bool(message))
            binding.input.setAccessibleDescription(message or "")
            target = binding.border or binding.input
            if bool(target.property("invalid")) != bool(message):
                target.setProperty("invalid", bool(message))
                target.style().unpolish(target)
                target.style().polish(target)
        self._update_save_button()
        if quiet and len(quiet) == len(self._messages):
            self.save_button.setToolTip(self.tr("Fill in the fields marked * to save."))
        else:
            self.save_button.setToolTip(self.tr("Save the dating profile (Ctrl+S)"))

    def _shows(self, field: str) -> bool:
        if self._show_all or field in self._touched or field not in QUIET_UNTIL_TOUCHED:
            return True
        return bool(self._values[field])  # quiet only while still empty

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self.is_valid() and (self.is_dirty() or self._version is None))

    def _summary_text(self) -> str:
        if not self._messages:
            return ""
        if set(self._messages) <= QUIET_UNTIL_TOUCHED and not self._show_all:
            return self.tr("Fill in the fields marked * to save.")
        return self.tr("Not saved: correct the fields marked in red.")

    def _focus_first_error(self) -> None:
        for field, binding in self._bindings.items():
            if field in self._messages:
                self.scroll_area.ensureWidgetVisible(binding.input)
                binding.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self._message_is_error = error
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")

    def _sentence(self, problem: InputProblem) -> str:
        """A core problem in the user's words (the core's own text for rare ones)."""
        field = widget_field(problem.field)
        if problem.field == "location.lat":
            if problem.value is None:
                return self.tr("Give both latitude and longitude, or neither.")
            return self.tr("Latitude must be between -90 and 90.")
        if problem.field == "location.lon":
            if problem.value is None:
                return self.tr("Give both latitude and longitude, or neither.")
            return self.tr("Longitude must be between -180 and 180.")
        known = {
            "name": self.tr("Enter the actor's name."),
            "kind": self.tr("Choose a type."),
            "contact.email": self.tr("Not an e-mail address (e.g. name@example.dk)."),
            "contact.website": self.tr(
                "A website address starts with http:// or https:// (e.g. https://www.example.dk)."
            ),
            "location.municipality_code": self.tr(
                "A municipality code has three or four digits, e.g. 0561."
            ),
            "consent.given_on": self.tr(
                "Required for an individual volunteer: the date the person gave consent."
            ),
            "consent.purpose": self.tr(
                "Required for an individual volunteer: what the data is kept for."
            ),
            "public": self.tr("Individual volunteers are never shown on public maps."),
            "id": self.tr("Another actor already has this id."),
        }
        if field in known and not (field == "kind" and problem.value):
            return known[field]
        if problem.hint and problem.hint.startswith("nearest valid code: "):
            return (
                self.tr("Unknown code %1 (did you mean %2?)")
                .replace("%1", str(problem.value))
                .replace("%2", problem.hint.removeprefix("nearest valid code: "))
            )
        return str(problem.message) + (f" ({problem.hint})" if problem.hint else "")

    # ----------------------------------------------------------------- leaving

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save changes?"),
            self.tr("Save changes?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        name = str(self._values["name"]).strip() or self.tr("New actor")
        box.setInformativeText(
            self.tr("The dating profile of %1 has changes that are not saved.").replace("%1", name)
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())
