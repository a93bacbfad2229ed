"""The problem statement editor (problemstilling): the problem, the partner sought, the place and
the status workflow, with guidance under every field, inline validation, undo/redo and an
explicit save through ``ProblemEditService``."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import ConflictError, InputProblem, MapperError, ValidationError
from mapper.domain.model import PROBLEM_STATUSES, ProblemStatement, Resource, Seeking
from mapper.domain.vocabulary import Vocabulary
from mapper.services.problems import ProblemEditService
from ui.models.problem_table import status_label
from ui.problem_commands import ChangeStatusCommand, CreateProblemCommand, SetProblemFieldCommand

CODE_ROLE = Qt.ItemDataRole.UserRole
INVALID_COLOUR = "#c62828"
INVALID_CELL = QColor("#fde2e2")
LeaveChoice = Literal["save", "discard", "cancel"]

# The resource table's columns.
COL_KIND, COL_DESCRIPTION, COL_HOURS, COL_DKK = range(4)
ResourceRow = tuple[str | None, str, str, str]
"""(kind code, description, hours per month, DKK) as typed."""

_DANISH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$")
_MUNICIPALITY_CODE = re.compile(r"^[0-9]{3,4}$")
COORDINATES = {"location.lat", "location.lon"}
"""Judged together: typing one shows what is wrong with the other."""


def parse_number(text: str, *, thousands: bool = False) -> float | None:
    """A number as typed: '' → None; '55,47' and '55.47' → 55.47; with ``thousands`` the
    Danish '250.000' → 250000. Raises ValueError for anything else."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if thousands and _DANISH_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def format_number(value: float | None) -> str:
    """The shortest text that reads back as the same number (40.0 → '40')."""
    if value is None:
        return ""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A red border (and the property tests and style sheets can see)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    name = widget.metaObject().className()
    widget.setStyleSheet(f"{name} {{ border: 2px solid {INVALID_COLOUR}; }}" if invalid else "")


class _CodeChecklist(QWidget):
    """A filter line over a checkable list of codes: the editor's multi-select.

    The value keeps the order in which codes were ticked, so a loaded record reads back as it
    was stored."""

    changed = Signal()

    def __init__(
        self, terms: Sequence[tuple[str, str]], placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(150)
        for code, label in terms:
            item = QListWidgetItem(label)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._checked: list[str] = []
        self.list.itemChanged.connect(self._item_changed)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._enter_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)

    def value(self) -> tuple[str, ...]:
        return tuple(self._checked)

    def set_value(self, codes: Sequence[str]) -> None:
        self._checked = list(codes)
        with QSignalBlocker(self.list):
            for row in range(self.list.count()):
                item = self.list.item(row)
                checked = item.data(CODE_ROLE) in self._checked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def visible_items(self) -> list[QListWidgetItem]:
        return [
            self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()
        ]

    def _item_changed(self, item: QListWidgetItem) -> None:
        code = item.data(CODE_ROLE)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and code not in self._checked:
            self._checked.append(code)
        elif not checked and code in self._checked:
            self._checked.remove(code)
        else:
            return
        self.changed.emit()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            found = needle in item.text().casefold() or needle in str(item.data(CODE_ROLE))
            item.setHidden(bool(needle) and not found)

    def _enter_list(self) -> None:
        visible = self.visible_items()
        if visible:
            self.list.setCurrentItem(visible[0])
            self.list.setFocus()


class _ResourceKindDelegate(QStyledItemDelegate):
    """Chooses a resource kind from the vocabulary in a combo box; the cell keeps the code."""

    def __init__(
        self, kinds: Sequence[tuple[str, str]], accessible_name: str, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._kinds = kinds
        self._accessible_name = accessible_name

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self._accessible_name)
        for code, label in self._kinds:
            combo.addItem(label, code)
        combo.activated.connect(lambda _row: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(CODE_ROLE)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


@dataclass
class _Field:
    """One edited field: how to read and write its widget, and where its errors show."""

    name: str
    """The field's path in the record, as the service names it ('seeking.roles')."""
    label: str
    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    error: QLabel
    mergeable: bool


class ProblemEditor(QWidget):
    """Writes one problem statement: the problem, the partner sought, where, and its status.

    The main window calls ``maybe_leave()`` before ``load_problem``/``new_problem`` replace
    what is in the form. Service calls are quick single-record reads and writes and run on the
    GUI thread so that undo commands see their result at once.
    """

    problem_saved = Signal(str)
    """The problem's id, after each successful save (also when undo/redo re-creates it)."""
    problem_deleted = Signal(str)
    """The problem's id, after undoing its creation deleted it."""
    status_changed = Signal(str, str)
    """(problem id, new status) after each move along the workflow, undo and redo included."""
    dirty_changed = Signal(bool)
    match_requested = Signal(str)
    """The problem's id: the user wants to see partners for it."""

    def __init__(
        self,
        service: ProblemEditService,
        vocabulary: Vocabulary,
        lang: str = "da",
        owners: Callable[[], list[tuple[str, str]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProblemEditor")
        self._service = service
        self._vocabulary = vocabulary
        self._lang = lang
        self._owners = owners
        self.confirm: Callable[[], LeaveChoice] = self._ask_leave
        """Asks Save/Discard/Cancel when leaving unsaved changes; replaceable (tests)."""
        self.last_message: QMessageBox | None = None
        """The message box shown last (opened with open(), never exec())."""

        self.undo_stack = QUndoStack(self)
        self._fields: dict[str, _Field] = {}
        self._focus_chain: list[QWidget] = []
        self._base = ProblemStatement(id="", title="")
        self._problem_id: str | None = None
        self._deleted_id: str | None = None
        self._version: int | None = None
        self._values: dict[str, Any] = {}
        self._saved_values: dict[str, Any] | None = None
        self._touched: set[str] = set()
        self._server_errors: dict[str, str] = {}
        self._show_all_errors = False
        self._applying = False
        self._typing_group = 0
        self._was_dirty = False
        self._owner_ids: dict[str, str] = {}

        self._build()
        self.new_problem()

    # ----------------------------------------------------------------- public API

    def new_problem(self) -> None:
        """Start a new, unsaved problem statement (a draft) in the form."""
        self._start(ProblemStatement(id="", title=""), None)

    def load_problem(self, problem_id: str) -> bool:
        """Show the stored problem statement; False (with the error shown) if it cannot be."""
        try:
            problem, version = self._service.load(problem_id)
        except MapperError as error:
            self._show_error(self.tr("The problem statement could not be opened"), error)
            return False
        self._start(problem, version)
        return True

    def current_problem_id(self) -> str | None:
        """The stored problem's id; None while a new one has not been saved."""
        return self._problem_id

    def current_version(self) -> int | None:
        return self._version

    def is_dirty(self) -> bool:
        return self._saved_values is None or self._values != self._saved_values

    def is_valid(self) -> bool:
        return not self._inline_errors()

    def save(self) -> bool:
        """Store the form (creating the record the first time); False if nothing was stored,
        with the reason shown beside the fields and in a message, the input kept."""
        self._show_all_errors = True
        errors = self._inline_errors()
        if errors:
            self._after_change()
            self._fields[next(iter(errors))].widget.setFocus()
            return False
        record = self._record_from_form()
        creating = self._problem_id is None
        if creating:
            record = replace(
                record,
                id=self._service.new_problem_id(record.title, record.municipality_code),
            )
        try:
            version = self._service.save(
                record, expected_version=None if creating else self._version
            )
        except ConflictError as error:
            self._show_conflict(error)
            return False
        except ValidationError as error:
            self._show_validation(error)
            return False
        except MapperError as error:
            self._show_error(self.tr("The problem statement was not saved"), error)
            return False
        self._stored(record, version)
        if creating:
            text = self.tr("Create “%1”").replace("%1", record.title)
            self.undo_stack.push(CreateProblemCommand(self, text))
        self.problem_saved.emit(record.id)
        return True

    def maybe_leave(self) -> bool:
        """True when the form may be replaced or closed: nothing unsaved, or the user chose to
        save (and it worked) or to discard; False when they cancelled."""
        if not self.is_dirty():
            return True
        choice = self.confirm()
        if choice == "save":
            return self.save()
        if choice == "discard":
            self.discard_changes()
            return True
        return False

    def discard_changes(self) -> None:
        """Put the last saved state back into the form."""
        if self._problem_id is None:
            self.new_problem()
        else:
            self._start(self._base, self._version)

    def change_status(self, status: str) -> bool:
        """Move the stored problem to ``status`` (an undoable step); False if refused."""
        if self._problem_id is None:
            return False
        old = self._base.status
        if not self._move_status(status, revert=False):
            return False
        text = self.tr("Move to %1").replace("%1", status_label(status))
        self.undo_stack.push(ChangeStatusCommand(self, old, status, text))
        return True

    def field_widget(self, name: str) -> QWidget:
        """The input of a field by its record path ('title', 'location.lat', …)."""
        return self._fields[name].widget

    def field_error(self, name: str) -> str:
        """The error shown under a field, '' when none."""
        label = self._fields[name].error
        return label.text() if not label.isHidden() else ""

    # ----------------------------------------------------------------- commands' callbacks

    def apply_field(self, field: str, value: object) -> None:
        f = self._fields[field]
        self._values[field] = value
        if f.get() != value:  # setting an equal text would move the cursor under the typist
            self._applying = True
            try:
                f.set(value)
            finally:
                self._applying = False
        self._touched.add(field)
        self._after_change()

    def apply_status(self, status: str, *, revert: bool) -> bool:
        return self._move_status(status, revert=revert)

    def apply_deletion(self) -> bool:
        if self._problem_id is None or self._version is None:
            return False
        try:
            self._service.delete(self._problem_id, self._version)
        except MapperError as error:
            self._show_error(self.tr("The problem statement was not deleted"), error)
            return False
        deleted = self._problem_id
        self._deleted_id = deleted
        self._problem_id = None
        self._version = None
        self._saved_values = None
        self._update_status_row()
        self._after_change()
        self.problem_deleted.emit(deleted)
        return True

    def apply_creation(self) -> bool:
        if self._deleted_id is None or self._inline_errors():
            return False
        record = replace(self._record_from_form(), id=self._deleted_id)
        try:
            version = self._service.save(record, expected_version=None)
        except MapperError as error:
            self._show_error(self.tr("The problem statement was not saved"), error)
            return False
        self._stored(record, version)
        self.problem_saved.emit(record.id)
        return True

    # ----------------------------------------------------------------- layout

    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setObjectName("problemHeader")
        font = QFont(self.header_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header_label.setFont(font)
        self.header_label.setWordWrap(True)
        self.id_label = QLabel()
        self.id_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self._build_problem_section())
        column.addWidget(self._build_seeking_section())
        column.addWidget(self._build_location_section())
        column.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.id_label)
        layout.addLayout(self._build_status_row())
        layout.addWidget(self._scroll, 1)
        layout.addLayout(self._build_action_row())

        self._save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self._save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._save_shortcut.activated.connect(self.save)

        chain = [*self.status_buttons.values(), *self._focus_chain]
        chain += [self.undo_button, self.redo_button, self.match_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.title_edit)

    def _build_status_row(self) -> QHBoxLayout:
        self.status_label = QLabel()
        self.status_label.setObjectName("problemStatus")
        self.status_hint = QLabel(self.tr("Save the problem statement to move it along."))
        self.status_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row = QHBoxLayout()
        row.addWidget(self.status_label)
        self.status_buttons: dict[str, QPushButton] = {}
        for status in PROBLEM_STATUSES:
            button = QPushButton()
            button.setObjectName(f"statusButton_{status}")
            button.setToolTip(self._status_help(status))
            button.clicked.connect(lambda _checked=False, s=status: self.change_status(s))
            self.status_buttons[status] = button
            row.addWidget(button)
        row.addWidget(self.status_hint)
        row.addStretch(1)
        return row

    def _build_action_row(self) -> QHBoxLayout:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button = QToolButton()
        self.redo_button.setDefaultAction(self.redo_action)
        self.match_button = QPushButton(self.tr("Find partners"))
        self.match_button.setObjectName("findPartners")
        self.match_button.setToolTip(self.tr("Rank the actors of the landscape as partners"))
        self.match_button.clicked.connect(self._request_match)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveProblem")
        self.save_button.setToolTip(self.tr("Save the problem statement (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addStretch(1)
        row.addWidget(self.match_button)
        row.addWidget(self.save_button)
        return row

    def _build_problem_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("The problem"))
        form = self._form(box)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self._text_field(
            form,
            "title",
            self.tr("Title"),
            self.title_edit,
            self.tr("A short name a partner understands at a glance."),
            required=True,
        )
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("owner")
        self.owner_combo.setEditable(True)
        self.owner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_combo.lineEdit().setPlaceholderText(self.tr("(none)"))
        completer = QCompleter(self.owner_combo.model(), self.owner_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner_combo.setCompleter(completer)
        self._add_field(
            form,
            "owner_id",
            self.tr("Owner"),
            self.owner_combo,
            self.tr("The unit or organisation that seeks partners; type to search."),
            get=self._owner_value,
            set=self._set_owner,
            signal=self.owner_combo.editTextChanged,
            mergeable=True,
        )
        self._watch(self.owner_combo.lineEdit())
        self.municipality_edit = QLineEdit()
        self.municipality_edit.setObjectName("municipalityCode")
        self.municipality_edit.setMaxLength(4)
        self.municipality_edit.setPlaceholderText("0561")
        self._text_field(
            form,
            "municipality_code",
            self.tr("Municipality code"),
            self.municipality_edit,
            self.tr("The municipality's code of 3-4 digits, e.g. 0561 for Esbjerg."),
        )
        self.description_edit = self._text_box("description")
        self._text_field(
            form,
            "description",
            self.tr("We seek a partner for the project …"),
            self.description_edit,
            self.tr("Describe the problem so that volunteers can help define it."),
        )
        self.concreteness_combo = self._code_combo("concreteness", "problem_concreteness")
        self._combo_field(
            form,
            "concreteness",
            self.tr("Concreteness"),
            self.concreteness_combo,
            self.tr(
                "The fewer resources the volunteers have, the more concrete the problem must be."
            ),
        )
        self.target_groups = self._checklist("targetGroups", "target_groups")
        self._checklist_field(
            form,
            "target_groups",
            self.tr("Target groups"),
            self.target_groups,
            self.tr("Who the effort is for; tick one or more."),
        )
        self.prevention_combo = self._code_combo("preventionLevel", "prevention_levels")
        self._combo_field(
            form,
            "prevention_level",
            self.tr("Prevention level"),
            self.prevention_combo,
            self.tr(
                "Where the effort comes in: before the problem arises, early, treatment or "
                "rehabilitation."
            ),
        )
        self.our_role_edit = self._text_box("ourRole")
        self._text_field(
            form,
            "our_role",
            self.tr("My/our role in the project is …"),
            self.our_role_edit,
            self.tr("What you put in yourselves: staff, premises, access to the target group."),
        )
        self.evidence_edit = self._text_box("howWeKnowItWorks")
        self._text_field(
            form,
            "how_we_know_it_works",
            self.tr("This is how I know that my/our effort works …"),
            self.evidence_edit,
            self.tr("Measurements, evaluations or experience that show the effect."),
        )
        self.statutory_check = QCheckBox(self.tr("The problem involves a statutory task"))
        self.statutory_check.setObjectName("statutoryTask")
        self._add_field(
            form,
            "involves_statutory_task",
            self.tr("Statutory task"),
            self.statutory_check,
            self.tr(
                "Volunteers can contribute, but they cannot carry the responsibility for a "
                "statutory task."
            ),
            get=self.statutory_check.isChecked,
            set=lambda v: self.statutory_check.setChecked(bool(v)),
            signal=self.statutory_check.toggled,
        )
        self.statutory_check.setAccessibleName(self.statutory_check.text())
        return box

    def _build_seeking_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("The partner we seek"))
        form = self._form(box)
        self.seeking_edit = self._text_box("seekingDescription")
        self._text_field(
            form,
            "seeking.description",
            self.tr("For this project I seek someone who …"),
            self.seeking_edit,
            self.tr("What the partner should do or be able to do."),
        )
        self._build_resource_table(form)
        self.required_resources = self._checklist("requiredResources", "resource_kinds")
        self._checklist_field(
            form,
            "seeking.required_resources",
            self.tr("Required resources"),
            self.required_resources,
            self.tr("Partners who do not offer these are left out of the matching."),
        )
        self.roles = self._checklist("roles", "roles")
        self._checklist_field(
            form,
            "seeking.roles",
            self.tr("Can fill the role of …"),
            self.roles,
            self.tr("The roles the partner should take in the project."),
        )
        self.actor_kinds = self._checklist("actorKinds", "actor_kinds")
        self._checklist_field(
            form,
            "seeking.actor_kinds",
            self.tr("Kinds of actor sought"),
            self.actor_kinds,
            self.tr(
                "E.g. a local association for a concrete problem, a voluntary organisation for "
                "an overarching one."
            ),
        )
        self.must_not_edit = self._text_box("mustNot")
        self._text_field(
            form,
            "seeking.must_not",
            self.tr("The partner must not …"),
            self.must_not_edit,
            self.tr("Tasks the partner must not take over; shown with every match."),
        )
        self.excluded_kinds = self._checklist("excludedActorKinds", "actor_kinds")
        self._checklist_field(
            form,
            "seeking.excluded_actor_kinds",
            self.tr("Excluded kinds of actor"),
            self.excluded_kinds,
            self.tr("These kinds are never proposed."),
        )
        self.max_distance_edit = QLineEdit()
        self.max_distance_edit.setObjectName("maxDistanceKm")
        self._text_field(
            form,
            "seeking.max_distance_km",
            self.tr("Maximum distance (km)"),
            self.max_distance_edit,
            self.tr("Leave empty when distance does not matter."),
        )
        self.partner_gets_edit = self._text_box("partnerGets")
        self._text_field(
            form,
            "partner_gets",
            self.tr("As a partner in the project you get …"),
            self.partner_gets_edit,
            self.tr(
                "What the partner gains: premises, sparring, visibility, access to the target "
                "group."
            ),
        )
        return box

    def _build_resource_table(self, form: QFormLayout) -> None:
        self.resource_table = QTableWidget(0, 4)
        self.resource_table.setObjectName("soughtResources")
        self.resource_table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Description"), self.tr("Hours/month"), self.tr("DKK")]
        )
        header = self.resource_table.horizontalHeader()
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        self.resource_table.verticalHeader().setVisible(False)
        self.resource_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.resource_table.setMinimumHeight(120)
        self.resource_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.resource_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        kinds = [(t.code, t.label(self._lang)) for t in self._vocabulary.terms("resource_kinds")]
        self.resource_table.setItemDelegateForColumn(
            COL_KIND, _ResourceKindDelegate(kinds, self.tr("Kind of resource"), self)
        )
        self.add_resource_button = QPushButton(self.tr("Add resource"))
        self.add_resource_button.setObjectName("addResource")
        self.add_resource_button.clicked.connect(self._add_resource)
        self.remove_resource_button = QPushButton(self.tr("Remove resource"))
        self.remove_resource_button.setObjectName("removeResource")
        self.remove_resource_button.clicked.connect(self._remove_resource)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_resource_button)
        buttons.addWidget(self.remove_resource_button)
        buttons.addStretch(1)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.resource_table)
        column.addLayout(buttons)
        self._add_field(
            form,
            "seeking.resources",
            self.tr("Resources sought"),
            self.resource_table,
            self.tr(
                "Can make the following resources available: kind, what, hours per month and "
                "amount in DKK."
            ),
            get=self._resource_rows,
            set=self._set_resource_rows,
            signal=self.resource_table.itemChanged,
            holder=holder,
        )
        self._focus_chain += [self.add_resource_button, self.remove_resource_button]

    def _build_location_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where"))
        form = self._form(box)
        rows = (
            (
                "location.address",
                "address",
                self.tr("Address"),
                self.tr("Where the project takes place."),
            ),
            (
                "location.postcode",
                "postcode",
                self.tr("Postcode"),
                self.tr("Four digits, e.g. 6700."),
            ),
            (
                "location.city",
                "city",
                self.tr("City"),
                self.tr("The town or city of the postcode."),
            ),
            (
                "location.lat",
                "latitude",
                self.tr("Latitude"),
                self.tr("Decimal degrees, e.g. 55.4765; give both or neither."),
            ),
            (
                "location.lon",
                "longitude",
                self.tr("Longitude"),
                self.tr("Decimal degrees, e.g. 8.4594."),
            ),
        )
        for name, object_name, label, guidance in rows:
            edit = QLineEdit()
            edit.setObjectName(object_name)
            self._text_field(form, name, label, edit, guidance)
        self.lat_edit = self.field_widget("location.lat")
        self.lon_edit = self.field_widget("location.lon")
        return box

    # ----------------------------------------------------------------- building blocks

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _text_box(self, object_name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(object_name)
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)  # the editor's undo stack holds every edit
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 16)
        return edit

    def _code_combo(self, object_name: str, facet: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(object_name)
        combo.addItem(self.tr("(not chosen)"), None)
        for term in self._vocabulary.terms(facet):
            combo.addItem(term.label(self._lang), term.code)
        return combo

    def _checklist(self, object_name: str, facet: str) -> _CodeChecklist:
        terms = [(t.code, t.label(self._lang)) for t in self._vocabulary.terms(facet)]
        checklist = _CodeChecklist(terms, self.tr("Filter…"))
        checklist.setObjectName(object_name)
        checklist.list.setObjectName(f"{object_name}List")
        checklist.filter_edit.setObjectName(f"{object_name}Filter")
        return checklist

    def _text_field(
        self,
        form: QFormLayout,
        name: str,
        label: str,
        edit: QLineEdit | QPlainTextEdit,
        guidance: str,
        *,
        required: bool = False,
    ) -> None:
        if isinstance(edit, QLineEdit):
            self._add_field(
                form,
                name,
                label,
                edit,
                guidance,
                get=edit.text,
                set=lambda v: edit.setText(str(v)),
                signal=edit.textChanged,
                mergeable=True,
                required=required,
            )
        else:
            self._add_field(
                form,
                name,
                label,
                edit,
                guidance,
                get=edit.toPlainText,
                set=lambda v: edit.setPlainText(str(v)),
                signal=edit.textChanged,
                mergeable=True,
            )

    def _combo_field(
        self, form: QFormLayout, name: str, label: str, combo: QComboBox, guidance: str
    ) -> None:
        def set_code(code: object) -> None:
            combo.setCurrentIndex(max(combo.findData(code), 0) if code is not None else 0)

        self._add_field(
            form,
            name,
            label,
            combo,
            guidance,
            get=combo.currentData,
            set=set_code,
            signal=combo.currentIndexChanged,
        )

    def _checklist_field(
        self, form: QFormLayout, name: str, label: str, checklist: _CodeChecklist, guidance: str
    ) -> None:
        checklist.filter_edit.setAccessibleName(self.tr("Filter: %1").replace("%1", label))
        self._focus_chain.append(checklist.filter_edit)
        self._watch(checklist.filter_edit)
        self._add_field(
            form,
            name,
            label,
            checklist.list,
            guidance,
            get=checklist.value,
            set=checklist.set_value,
            signal=checklist.changed,
            holder=checklist,
        )

    def _add_field(
        self,
        form: QFormLayout,
        name: str,
        label: str,
        widget: QWidget,
        guidance: str,
        *,
        get: Callable[[], Any],
        set: Callable[[Any], None],
        signal: SignalInstance,
        mergeable: bool = False,
        required: bool = False,
        holder: QWidget | None = None,
    ) -> None:
        """One row: caption, input, a muted line of guidance and a (hidden) error line."""
        caption = QLabel(label + (" *" if required else ""))
        caption.setBuddy(widget)
        caption.setWordWrap(True)
        hint = QLabel(guidance)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {INVALID_COLOUR};")
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(holder or widget)
        column.addWidget(hint)
        column.addWidget(error)
        form.addRow(caption, cell)
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(guidance)
        self._fields[name] = _Field(name, label, widget, get, set, error, mergeable)
        signal.connect(lambda *_args: self._field_edited(name))
        self._focus_chain.append(widget)
        self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    # ----------------------------------------------------------------- events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # Text inputs keep their own undo history; the editor's stack must win.
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.undo_stack.redo()
                return True
        elif kind == QEvent.Type.FocusOut:
            self._typing_group += 1  # typing after leaving a field is a new undo step
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._scroll.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)

    def _field_edited(self, name: str) -> None:
        if self._applying:
            return
        field = self._fields[name]
        new = field.get()
        old = self._values.get(name)
        if new == old:
            return
        self._server_errors.pop(name, None)
        text = self.tr("Edit %1").replace("%1", field.label)
        self.undo_stack.push(
            SetProblemFieldCommand(
                self,
                name,
                old,
                new,
                text,
                group=self._typing_group,
                mergeable=field.mergeable,
            )
        )

    def _request_match(self) -> None:
        if self._problem_id is not None:
            self.match_requested.emit(self._problem_id)

    # ----------------------------------------------------------------- owner

    def _refresh_owners(self) -> None:
        pairs = self._owners() if self._owners else []
        self._owner_ids = {}
        names: dict[str, list[str]] = {}
        with QSignalBlocker(self.owner_combo):
            self.owner_combo.clear()
            self.owner_combo.addItem("", None)
            for actor_id, name in pairs:
                shown = f"{name} ({actor_id})"
                self.owner_combo.addItem(shown, actor_id)
                self._owner_ids[shown] = actor_id
                self._owner_ids[actor_id] = actor_id
                names.setdefault(name.casefold(), []).append(actor_id)
        for name, ids in names.items():
            if len(ids) == 1:
                self._owner_ids.setdefault(name, ids[0])

    def _owner_value(self) -> str:
        """The chosen actor's id; typed text that names no actor is passed on as an id, for the
        service to name the nearest one."""
        text = self.owner_combo.currentText().strip()
        return self._owner_ids.get(text) or self._owner_ids.get(text.casefold()) or text

    def _set_owner(self, actor_id: object) -> None:
        index = self.owner_combo.findData(actor_id) if actor_id else 0
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self.owner_combo.setEditText(self.owner_combo.itemText(index))
        else:
            self.owner_combo.setEditText(str(actor_id))

    # ----------------------------------------------------------------- resources

    def _resource_rows(self) -> tuple[ResourceRow, ...]:
        table = self.resource_table
        rows = []
        for r in range(table.rowCount()):
            cells = [table.item(r, c) for c in range(4)]
            kind = cells[COL_KIND].data(CODE_ROLE) if cells[COL_KIND] else None
            texts = [cell.text() if cell else "" for cell in cells]
            rows.append((kind or None, texts[COL_DESCRIPTION], texts[COL_HOURS], texts[COL_DKK]))
        return tuple(rows)

    def _set_resource_rows(self, rows: Sequence[ResourceRow]) -> None:
        table = self.resource_table
        with QSignalBlocker(table):
            table.setRowCount(0)
            for row in rows:
                self._append_resource_row(row)
        self._update_resource_buttons()

    def _append_resource_row(self, row: ResourceRow) -> int:
        table = self.resource_table
        r = table.rowCount()
        table.insertRow(r)
        kind, description, hours, dkk = row
        kind_item = QTableWidgetItem(
            self._vocabulary.label("resource_kinds", kind, self._lang) if kind else ""
        )
        kind_item.setData(CODE_ROLE, kind)
        table.setItem(r, COL_KIND, kind_item)
        for column, text in ((COL_DESCRIPTION, description), (COL_HOURS, hours), (COL_DKK, dkk)):
            item = QTableWidgetItem(text)
            if column != COL_DESCRIPTION:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, column, item)
        return r

    def _add_resource(self) -> None:
        table = self.resource_table
        with QSignalBlocker(table):
            row = self._append_resource_row((None, "", "", ""))
        self._field_edited("seeking.resources")
        self._update_resource_buttons()
        table.setFocus()
        table.setCurrentCell(row, COL_KIND)
        table.editItem(table.item(row, COL_KIND))

    def _remove_resource(self) -> None:
        table = self.resource_table
        if table.rowCount() == 0:
            return
        row = table.currentRow() if table.currentRow() >= 0 else table.rowCount() - 1
        with QSignalBlocker(table):
            table.removeRow(row)
        self._field_edited("seeking.resources")
        self._update_resource_buttons()

    def _update_resource_buttons(self) -> None:
        self.remove_resource_button.setEnabled(self.resource_table.rowCount() > 0)

    def _resource_problems(self) -> list[tuple[int, int, str]]:
        """(row, column, message) for each cell that is not valid."""
        found = []
        for r, (kind, _text, hours, dkk) in enumerate(self._values.get("seeking.resources", ())):
            number = str(r + 1)
            if not kind:
                message = self.tr("Resource %1: choose a kind.")
                found.append((r, COL_KIND, message.replace("%1", number)))
            if not _non_negative(hours):
                message = self.tr("Resource %1: hours per month must be 0 or more.")
                found.append((r, COL_HOURS, message.replace("%1", number)))
            if not _non_negative(dkk, thousands=True):
                message = self.tr("Resource %1: the amount in DKK must be 0 or more.")
                found.append((r, COL_DKK, message.replace("%1", number)))
        return found

    # ----------------------------------------------------------------- values

    def _values_of(self, p: ProblemStatement) -> dict[str, Any]:
        s, loc = p.seeking, p.location
        return {
            "title": p.title,
            "owner_id": p.owner_id or "",
            "municipality_code": p.municipality_code or "",
            "description": p.description or "",
            "concreteness": p.concreteness,
            "target_groups": p.target_groups,
            "prevention_level": p.prevention_level,
            "our_role": p.our_role or "",
            "how_we_know_it_works": p.how_we_know_it_works or "",
            "involves_statutory_task": p.involves_statutory_task,
            "seeking.description": s.description or "",
            "seeking.resources": tuple(
                (
                    r.kind,
                    r.description or "",
                    format_number(r.hours_per_month),
                    format_number(r.amount_dkk),
                )
                for r in s.resources
            ),
            "seeking.required_resources": s.required_resources,
            "seeking.roles": s.roles,
            "seeking.actor_kinds": s.actor_kinds,
            "seeking.must_not": s.must_not or "",
            "seeking.excluded_actor_kinds": s.excluded_actor_kinds,
            "seeking.max_distance_km": format_number(s.max_distance_km),
            "partner_gets": p.partner_gets or "",
            "location.address": loc.address or "",
            "location.postcode": loc.postcode or "",
            "location.city": loc.city or "",
            "location.lat": format_number(loc.lat),
            "location.lon": format_number(loc.lon),
        }

    def _record_from_form(self) -> ProblemStatement:
        """The edited record; call only when the form is valid."""
        v = self._values

        def text(name: str) -> str | None:
            return str(v[name]).strip() or None

        base = self._base
        lat = parse_number(v["location.lat"])
        lon = parse_number(v["location.lon"])
        # A point typed by hand is 'manual'; an untouched one keeps how it was found.
        moved = (lat, lon) != (base.location.lat, base.location.lon)
        precision = "manual" if moved and lat is not None else base.location.precision
        return replace(
            base,
            title=str(v["title"]).strip(),
            owner_id=text("owner_id"),
            municipality_code=text("municipality_code"),
            description=text("description"),
            concreteness=v["concreteness"],
            target_groups=tuple(v["target_groups"]),
            prevention_level=v["prevention_level"],
            our_role=text("our_role"),
            how_we_know_it_works=text("how_we_know_it_works"),
            involves_statutory_task=bool(v["involves_statutory_task"]),
            seeking=Seeking(
                description=text("seeking.description"),
                resources=tuple(
                    Resource(
                        kind=str(kind),
                        description=description.strip() or None,
                        hours_per_month=parse_number(hours),
                        amount_dkk=parse_number(dkk, thousands=True),
                    )
                    for kind, description, hours, dkk in v["seeking.resources"]
                ),
                required_resources=tuple(v["seeking.required_resources"]),
                roles=tuple(v["seeking.roles"]),
                actor_kinds=tuple(v["seeking.actor_kinds"]),
                must_not=text("seeking.must_not"),
                excluded_actor_kinds=tuple(v["seeking.excluded_actor_kinds"]),
                max_distance_km=parse_number(v["seeking.max_distance_km"]),
            ),
            partner_gets=text("partner_gets"),
            location=replace(
                base.location,
                address=text("location.address"),
                postcode=text("location.postcode"),
                city=text("location.city"),
                lat=lat,
                lon=lon,
                precision=precision,
            ),
        )

    def _start(self, problem: ProblemStatement, version: int | None) -> None:
        self._refresh_owners()
        self._base = problem
        self._version = version
        self._problem_id = problem.id if version is not None else None
        self._deleted_id = None
        values = self._values_of(problem)
        self._applying = True
        try:
            for name, field in self._fields.items():
                field.set(values[name])
        finally:
            self._applying = False
        self._values = {name: field.get() for name, field in self._fields.items()}
        self._saved_values = dict(self._values)
        self._touched.clear()
        self._server_errors.clear()
        self._show_all_errors = False
        self.undo_stack.clear()
        self._update_status_row()
        self._after_change()

    def _stored(self, record: ProblemStatement, version: int) -> None:
        self._base = record
        self._problem_id = record.id
        self._deleted_id = None
        self._version = version
        self._saved_values = dict(self._values)
        self._server_errors.clear()
        self._show_all_errors = False
        self._update_status_row()
        self._after_change()

    # ----------------------------------------------------------------- validation

    def _inline_errors(self) -> dict[str, str]:
        """Field → message for what can be judged without the database, in form order."""
        v = self._values
        errors: dict[str, str] = {}
        if not str(v.get("title", "")).strip():
            errors["title"] = self.tr("A title is required.")
        code = str(v.get("municipality_code", "")).strip()
        if code and not _MUNICIPALITY_CODE.match(code):
            errors["municipality_code"] = self.tr("A municipality code has 3-4 digits.")
        resource_problems = self._resource_problems()
        if resource_problems:
            errors["seeking.resources"] = "\n".join(m for _r, _c, m in resource_problems)
        if not _non_negative(v.get("seeking.max_distance_km", "")):
            errors["seeking.max_distance_km"] = self.tr("Must be a number of 0 or more.")
        coordinates = {}
        for name, limit, message in (
            ("location.lat", 90, self.tr("Latitude must be a number between -90 and 90.")),
            ("location.lon", 180, self.tr("Longitude must be a number between -180 and 180.")),
        ):
            try:
                coordinates[name] = parse_number(str(v.get(name, "")))
            except ValueError:
                errors[name] = message
                continue
            value = coordinates[name]
            if value is not None and not -limit <= value <= limit:
                errors[name] = message
        if len(coordinates) == 2 and (coordinates["location.lat"] is None) != (
            coordinates["location.lon"] is None
        ):
            missing = "location.lat" if coordinates["location.lat"] is None else "location.lon"
            errors[missing] = self.tr("Give both latitude and longitude, or neither.")
        return {name: errors[name] for name in self._fields if name in errors}

    def _after_change(self) -> None:
        """Bring errors, the dirty marker, the header and the buttons up to date."""
        if not self._fields or not self._values:
            return
        errors = self._inline_errors()
        for name, field in self._fields.items():
            together = COORDINATES if name in COORDINATES else {name}
            shown = self._show_all_errors or bool(together & self._touched)
            message = (errors.get(name) if shown else None) or self._server_errors.get(name)
            field.error.setText(message or "")
            field.error.setHidden(not message)
            _mark_invalid(field.widget, bool(message))
        self._paint_resource_cells()
        dirty = self.is_dirty()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_header()
        self.save_button.setEnabled(dirty and not errors)

    def _paint_resource_cells(self) -> None:
        bad = {(r, c) for r, c, _m in self._resource_problems()}
        table = self.resource_table
        with QSignalBlocker(table):
            for r in range(table.rowCount()):
                for c in range(4):
                    item = table.item(r, c)
                    if item is not None:
                        item.setBackground(QBrush(INVALID_CELL) if (r, c) in bad else QBrush())

    def _update_header(self) -> None:
        title = str(self._values.get("title", "")).strip()
        if not title:
            title = self.tr("New problem statement")
        self.header_label.setText(title + (" *" if self.is_dirty() else ""))
        shown_id = self._problem_id or self.tr("not saved yet")
        self.id_label.setText(self.tr("Id: %1").replace("%1", shown_id))
        self.setWindowTitle(self.header_label.text())

    # ----------------------------------------------------------------- status workflow

    def _status_help(self, status: str) -> str:
        return {
            "draft": self.tr("Draft: you are still writing the problem statement."),
            "open_for_input": self.tr(
                "Open for input: volunteers and associations can help define the problem."
            ),
            "seeking": self.tr("Seeking partners: the problem is defined; partners are sought."),
            "matched": self.tr("Matched: a partner has been found and the collaboration agreed."),
            "closed": self.tr(
                "Closed: the problem statement is finished or dropped; it can be reopened as a "
                "draft."
            ),
        }.get(status, status)

    def _move_text(self, current: str, target: str) -> str:
        if target == "closed":
            return self.tr("Close")
        if current == "closed" and target == "draft":
            return self.tr("Reopen as draft")
        if PROBLEM_STATUSES.index(target) < PROBLEM_STATUSES.index(current):
            return self.tr("Back to %1").replace("%1", status_label(target))
        return self.tr("Move on to %1").replace("%1", status_label(target))

    def _update_status_row(self) -> None:
        status = self._base.status
        self.status_label.setText(self.tr("Status: %1").replace("%1", status_label(status)))
        self.status_label.setToolTip(self._status_help(status))
        saved = self._problem_id is not None
        allowed = self._service.allowed_statuses(status) if saved else ()
        for code, button in self.status_buttons.items():
            button.setHidden(code not in allowed)
            if code in allowed:
                button.setText(self._move_text(status, code))
                button.setAccessibleName(button.text())
        self.status_hint.setHidden(saved)
        self.match_button.setEnabled(saved)

    def _move_status(self, status: str, *, revert: bool) -> bool:
        if self._problem_id is None or self._version is None:
            return False
        try:
            version = self._service.set_status(
                self._problem_id, status, expected_version=self._version, revert=revert
            )
        except MapperError as error:
            self._show_error(self.tr("The status was not changed"), error)
            return False
        self._version = version
        self._base = replace(self._base, status=status)
        self._update_status_row()
        self.status_changed.emit(self._problem_id, status)
        return True

    # ----------------------------------------------------------------- messages

    def _field_for(self, path: str) -> str | None:
        """The form field a service error's path ('seeking.resources[0].kind') belongs to."""
        plain = re.sub(r"\[\d+\]", "", path)
        matches = [n for n in self._fields if plain == n or plain.startswith(n + ".")]
        return max(matches, key=len) if matches else None

    def _sentence(self, problem: InputProblem) -> str:
        text = problem.message
        if problem.value is not None and not isinstance(problem.value, bool):
            text = f"{problem.value!r}: {text}"
        return f"{text} ({problem.hint})" if problem.hint else text

    def _show_validation(self, error: ValidationError) -> None:
        lines = []
        for problem in error.problems:
            name = self._field_for(problem.field)
            sentence = self._sentence(problem)
            if name is not None:
                previous = self._server_errors.get(name)
                self._server_errors[name] = f"{previous}\n{sentence}" if previous else sentence
            label = self._fields[name].label if name is not None else problem.field
            lines.append(f"• {label}: {sentence}")
        self._after_change()
        text = self.tr("Please correct the marked fields:") + "\n" + "\n".join(lines)
        self._message(self.tr("The problem statement was not saved"), text)

    def _show_conflict(self, error: ConflictError) -> None:
        box = self._message(
            self.tr("Changed by someone else"),
            self.tr(
                "Someone else changed this problem statement while you were editing it. "
                "Your text is kept in the form."
            ),
            open_now=False,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        overwrite = box.addButton(self.tr("Overwrite with mine"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            self.tr("Discard mine and reload"), QMessageBox.ButtonRole.DestructiveRole
        )
        overwrite.setObjectName("overwrite")
        discard.setObjectName("reload")

        def answered(button: Any) -> None:
            if button is overwrite:
                self._overwrite()
            elif button is discard and self._problem_id is not None:
                self.load_problem(self._problem_id)

        box.buttonClicked.connect(answered)
        box.open()

    def _overwrite(self) -> None:
        """Save the form over what someone else stored, keeping their status."""
        if self._problem_id is None:
            return
        try:
            stored, version = self._service.load(self._problem_id)
        except MapperError as error:
            self._show_error(self.tr("The problem statement was not saved"), error)
            return
        self._base = replace(self._base, status=stored.status)
        self._version = version
        self._update_status_row()
        self.save()

    def _show_error(self, title: str, error: MapperError) -> None:
        self._message(title, str(error))

    def _message(self, title: str, text: str, *, open_now: bool = True) -> QMessageBox:
        if self.last_message is not None:
            self.last_message.close()
            self.last_message.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("problemEditorMessage")
        self.last_message = box
        if open_now:
            box.open()
        return box

    def _ask_leave(self) -> LeaveChoice:
        title = str(self._values.get("title", "")).strip() or self.tr("New problem statement")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1”?").replace("%1", title),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        # Leaving must wait for the answer; tests replace ``confirm`` instead.
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


def _non_negative(text: str, *, thousands: bool = False) -> bool:
    """Empty, or a number of 0 or more."""
    try:
        value = parse_number(str(text), thousands=thousands)
    except ValueError:
        return False
    return value is None or value >= 0
