"""The record-form base: one record's fields bound to widgets, an undo stack of field edits,
the dirty rule, leaving with "Gem ændringer?", errors beside the fields, and a save that met a
newer version merged field by field (asking only where both changed a field).

An editor declares its sections (``ui.forms.fields``) and says how a record becomes form
values and back; everything else lives here, once."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.authors import RecordMeta
from mapper.domain.errors import ConflictError, InputProblem, MapperError, ValidationError
from mapper.domain.vocabulary import Vocabulary
from ui.error_text import describe_error, describe_problem
from ui.forms.commands import Change, CreateRecordCommand, SetFieldCommand
from ui.forms.fields import (
    Binding,
    FieldSpec,
    Section,
    focus_order,
)
from ui.forms.value_text import value_text
from ui.locale_format import substitute
from ui.text_pieces import field_title_of
from ui.widgets.conflict_dialog import ConflictDialog, ConflictRow, Side

R = TypeVar("R")
WIDE_FORM = 760
"""Pixels from which captions stand beside their inputs rather than above them."""
ERROR_COLOUR = "#b3261e"
STYLE = f"""
QLabel#guidance {{ color: palette(mid); }}
QLabel#fieldError {{ color: {ERROR_COLOUR}; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QSpinBox[invalid="true"], QDateEdit[invalid="true"], QListWidget[invalid="true"],
QTableWidget[invalid="true"], QCheckBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR};
}}
"""
EMPTY_TEXT = "—"
"""An empty value where a value is shown as text (the conflict view)."""
DATE_FORMAT = "dd-MM-yyyy"
"""As the date fields write a date (ui.forms.fields.OptionalDateEdit)."""
Button = QMessageBox.StandardButton


def collides(base: object, mine: object, theirs: object) -> bool:
    """Both changed a value, each to something else: only a person can merge that."""
    return mine != base and theirs != base and mine != theirs


class RecordService(Protocol[R]):
    """What a form needs of its service (ActorEditService, ProblemEditService)."""

    def load(self, record_id: str) -> tuple[R, int]: ...

    def check(self, record: R) -> list[InputProblem]: ...

    def save(self, record: R, *, expected_version: int | None) -> int: ...

    def delete(self, record_id: str, expected_version: int) -> None: ...

    def load_meta(self, record_id: str) -> RecordMeta: ...


class RecordForm(QWidget, Generic[R]):
    """Edits one record. Subclasses implement ``sections``, ``values_of``, ``record_from``,
    ``new_id`` and ``record_id``; they may react to changes in ``field_applied``, add changes
    that follow an edit in ``follows`` and add form-side problems in ``form_problems``.

    Dirty means the values differ from the last saved (or, for a new record, the empty) ones,
    so undoing back to the saved state is clean again.
    """

    saved = Signal(str)
    """The record's id after each successful save (also when redo re-creates it)."""
    deleted = Signal(str)
    """The record's id after undoing its creation deleted it."""
    dirty_changed = Signal(bool)

    quiet_until_touched: frozenset[str] = frozenset()
    """Required fields not shown as errors on a new record before the user got to them."""
    save_tooltip = ""

    def __init__(
        self,
        service: RecordService[R],
        vocabulary: Vocabulary,
        lang: str = "da",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._vocabulary = vocabulary
        self._lang = lang
        self._record_id: str | None = None
        self._deleted_id: str | None = None
        self._version: int | None = None
        self._base: R | None = None
        self._values: dict[str, Any] = {}
        self._saved_values: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._messages: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self._server_messages: dict[str, str] = {}
        self._applying = False
        self._pushing = False
        self._typing_group = 0
        self._was_dirty = False
        self._specs: dict[str, FieldSpec] = {}
        self._form_layouts: list[QFormLayout] = []
        self.bindings: dict[str, Binding] = {}
        self.inputs: dict[str, QWidget] = {}
        """Field key → its input widget (focus, tests, accessibility)."""
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.guidance: dict[str, QLabel] = {}
        self.confirm: Callable[[], Button] = self._ask_save_changes
        """Asks Save/Discard/Cancel before unsaved changes are left; replaceable (tests)."""
        self.last_message: QDialog | None = None
        """The conflict view while it is open (tests, and to close it on the next one)."""

        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.setStyleSheet(STYLE)

    # ----------------------------------------------------------------- to implement

    def sections(self) -> Sequence[Section]:
        raise NotImplementedError

    def values_of(self, record: R | None) -> dict[str, Any]:
        """The form values of a record (None: a new, empty one)."""
        raise NotImplementedError

    def record_from(self, values: Mapping[str, Any]) -> R:
        """The record the values describe (fields the form does not show kept from the base)."""
        raise NotImplementedError

    def new_id(self, record: R) -> str:
        raise NotImplementedError

    @staticmethod
    def with_id(record: R, record_id: str) -> R:
        raise NotImplementedError

    def display_name(self) -> str:
        """How the record is named in headers, undo texts and questions."""
        raise NotImplementedError

    def field_applied(self, field: str) -> None:
        """A field's value changed (edit, undo, redo or load)."""

    def follows(self, field: str, new: Any) -> list[Change]:
        """Changes that an edit brings along in the same undo step."""
        return []

    def form_problems(self) -> dict[str, str]:
        """Problems only the form can see (text that is not a number …): field → message."""
        return {}

    def field_for(self, path: str) -> str:
        """The form field an InputProblem's path belongs to ('' when none)."""
        if path in self.bindings:
            return path
        for key in self.bindings:
            if path.startswith(key + "[") or path.startswith(key + "."):
                return key
        return ""

    # ----------------------------------------------------------------- building

    def build_form(
        self,
        top: Sequence[QWidget] = (),
        bottom: Sequence[QWidget] = (),
        header: Sequence[QWidget] = (),
    ) -> None:
        """Lay out the header line with ``header`` widgets under it (always in view), then
        ``top`` widgets and the declared sections in a scroll area, then the message line with
        ``bottom`` widgets and the save button."""
        self.header_label = QLabel()
        self.header_label.setObjectName("editorHeader")
        self.header_label.setWordWrap(True)
        font = self.header_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header_label.setFont(font)

        content = QWidget()
        column = QVBoxLayout(content)
        for widget in top:
            column.addWidget(widget)
        self.section_boxes: dict[str, QGroupBox] = {}
        for section in self.sections():
            column.addWidget(self._section(section))
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("Fields"))
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
        self.save_button.setToolTip(self.save_tooltip)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.message_label, 1)
        for widget in bottom:
            row.addWidget(widget)
        row.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        for widget in header:
            layout.addWidget(widget)
        self._layout = layout
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(row)
        self._save_shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Save),
            self,
            self.save,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        chain = [
            *header,
            *top,
            *focus_order(list(self.bindings.values())),
            *bottom,
            self.save_button,
        ]
        chain = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _section(self, section: Section) -> QGroupBox:
        box = QGroupBox(section.title)
        box.setObjectName(section.name or section.title)
        self.section_boxes[section.name or section.title] = box
        form = QFormLayout(box)
        form.setRowWrapPolicy(self._wrap_policy())
        self._form_layouts.append(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if section.note:
            note = self.guidance_label(section.note)
            form.addRow(note)
        for spec in section.fields:
            self._add_field(form, spec)
        return box

    def _wrap_policy(self) -> QFormLayout.RowWrapPolicy:
        # Beside a register the form is narrow: captions go above their inputs, so tables and
        # text fields keep their width; a wide form has captions beside the inputs.
        if self.width() < WIDE_FORM:
            return QFormLayout.RowWrapPolicy.WrapAllRows
        return QFormLayout.RowWrapPolicy.DontWrapRows

    def resizeEvent(self, event: QResizeEvent) -> None:
        policy = self._wrap_policy()
        for form in self._form_layouts:
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
        # Above its input a caption has the whole width: wrapping would only break it early.
        above = policy == QFormLayout.RowWrapPolicy.WrapAllRows
        for caption in self.captions.values():
            if caption.wordWrap() == above:
                caption.setWordWrap(not above)
        super().resizeEvent(event)

    @staticmethod
    def guidance_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("guidance")
        label.setWordWrap(True)
        return label

    def _add_field(self, form: QFormLayout, spec: FieldSpec) -> None:
        binding = spec.build(self._vocabulary, self._lang)
        caption = QLabel(spec.title + (" *" if spec.required else ""))
        caption.setBuddy(binding.input)
        # Captions wrap between words, never inside one ("Målgrupp e").
        caption.setWordWrap(True)
        binding.input.setAccessibleName(spec.title)
        binding.widget.setAccessibleName(spec.title)
        binding.input.setAccessibleDescription(spec.guidance)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setAccessibleName(self.tr("Problem with %1").replace("%1", spec.title))
        guidance = self.guidance_label(spec.guidance)
        guidance.setVisible(bool(spec.guidance))
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(binding.widget)
        box.addWidget(error)
        box.addWidget(guidance)
        form.addRow(caption, cell)
        key = spec.key
        self._specs[key] = spec
        self.bindings[key] = binding
        self.inputs[key] = binding.input
        self.errors[key] = error
        self.captions[key] = caption
        self.guidance[key] = guidance
        binding.connect(lambda *_a, key=key: self._edited(key))
        for widget in {binding.input, *binding.focus_chain}:
            widget.installEventFilter(self)

    # ----------------------------------------------------------------- public API

    def current_id(self) -> str | None:
        """The stored record's id; None while a new one has not been saved."""
        return self._record_id

    def current_version(self) -> int | None:
        return self._version

    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def is_dirty(self) -> bool:
        return self._values != self._saved_values

    def is_valid(self) -> bool:
        return not self._messages

    def current_record(self) -> R:
        return self.record_from(self._values)

    def field_error(self, key: str) -> str:
        """The error shown under a field, '' when none."""
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

    def focus_first_field(self) -> None:
        """Put the cursor in the first field (Ctrl+N lands in *Navn*)."""
        first = next(iter(self.bindings.values()))
        self.scroll_area.verticalScrollBar().setValue(0)
        first.input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_new(self) -> None:
        self._start(None, None)

    def load(self, record_id: str) -> bool:
        """Show the stored record; False (with the error shown) when it cannot be read."""
        try:
            record, version = self._service.load(record_id)
        except MapperError as error:
            self.show_message(describe_error(error), error=True)
            return False
        self._start(record, version)
        return True

    def save(self) -> bool:
        """Validate and store; True when saved. A refused save keeps the input and says why
        beside the fields."""
        self._show_all = True
        self._revalidate()
        self._render_messages()
        if not self.is_valid():
            self.show_message(self._summary_text(), error=True)
            self._focus_first_error()
            return False
        if not self.is_dirty() and self._record_id is not None:
            return True
        record = self.record_from(self._values)
        creating = self._record_id is None
        if creating:
            record = self.with_id(record, self.new_id(record))
        return self._store(record, None if creating else self._version, creating=creating)

    def maybe_leave(self) -> bool:
        """True when the form may be replaced: nothing unsaved, or the user saved (and it
        worked) or discarded; False when they cancelled."""
        if not self.is_dirty():
            return True
        choice = self.confirm()
        if choice == Button.Save:
            return self.save()
        if choice == Button.Discard:
            self.discard_changes()
            return True
        return False

    def discard_changes(self) -> None:
        """Put the last saved state back into the form."""
        self._start(self._base if self._record_id else None, self._version)

    # ----------------------------------------------------------------- commands' callbacks

    def apply_field(self, field: str, value: Any) -> None:
        """Put a value into a field and its widget (called by the undo commands)."""
        self._values[field] = value
        binding = self.bindings[field]
        if binding.get() != value:  # setting an equal text would move the typist's cursor
            self._applying = True
            try:
                binding.put(value)
            finally:
                self._applying = False
            if not self._pushing:
                # Undo/redo shows what it changed; a user's own click never scrolls the form.
                self.scroll_area.ensureWidgetVisible(binding.widget)
        self._touched.add(field)
        self._server_messages.pop(field, None)
        self.field_applied(field)

    def apply_deletion(self) -> bool:
        if self._record_id is None or self._version is None:
            return False
        try:
            self._service.delete(self._record_id, self._version)
        except MapperError as error:
            self.show_message(describe_error(error), error=True)
            return False
        deleted = self._record_id
        self._deleted_id = deleted
        self._record_id = None
        self._version = None
        self._saved_values = self.values_of(None)
        self.record_changed()
        self._after_change()
        self.deleted.emit(deleted)
        return True

    def apply_creation(self) -> bool:
        if self._deleted_id is None:
            return False
        self._revalidate()
        if self._messages:
            return False
        record = self.with_id(self.record_from(self._values), self._deleted_id)
        return self._store(record, None, creating=False, announce_create=False)

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def _push(self, command: SetFieldCommand) -> None:
        """Push a user's edit: its first redo only records what the widget already shows."""
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    def record_changed(self) -> None:
        """The stored identity changed (saved, created, deleted): update header and actions."""
        self._update_header()

    # ----------------------------------------------------------------- editing

    def _start(self, record: R | None, version: int | None) -> None:
        self._record_id = self.record_id(record) if record is not None else None
        self._deleted_id = None
        self._version = version
        self._base = record
        self._values = self.values_of(record)
        self._saved_values = dict(self._values)
        self._touched = set()
        self._server_messages = {}
        self._show_all = record is not None
        self._applying = True
        try:
            for key, binding in self.bindings.items():
                binding.put(self._values[key])
        finally:
            self._applying = False
        self.undo_stack.clear()
        self.show_message("")
        for key in self.bindings:
            self.field_applied(key)
        self.record_changed()
        self._after_change(render=True)
        self.scroll_area.verticalScrollBar().setValue(0)

    @staticmethod
    def record_id(record: Any) -> str:
        return str(record.id)

    def _edited(self, key: str) -> None:
        """A widget changed under the user's hands: record it as an undoable command."""
        if self._applying:
            return
        new = self.bindings[key].get()
        old = self._values.get(key)
        if new == old:
            return
        if self.message_label.property("error") is not True:
            self.message_label.clear()  # 'Saved.' is stale once the form changes again
        spec = self._specs[key]
        self._push(
            SetFieldCommand(
                self,
                key,
                old,
                new,
                self.tr("Change %1 of %2")
                .replace("%1", spec.title)
                .replace("%2", self.display_name()),
                group=self._typing_group,
                mergeable=spec.mergeable,
                follows=self.follows(key, new),
            )
        )

    def push_field(self, key: str, new: Any, follows: Sequence[Change] = ()) -> None:
        """An edit the form makes for the user (adding a table row, a fix it offers)."""
        spec = self._specs[key]
        self._typing_group += 1
        self.undo_stack.push(  # shown at once, so the widget follows the value
            SetFieldCommand(
                self,
                key,
                self._values.get(key),
                new,
                self.tr("Change %1 of %2")
                .replace("%1", spec.title)
                .replace("%2", self.display_name()),
                follows=follows,
            )
        )
        self._typing_group += 1

    def _index_changed(self, _index: int) -> None:
        # Undo, redo and the form's own edits show all they changed, messages included; only
        # a user's typing (pushed by _push) waits with them until the field is left.
        self._after_change(render=not self._pushing)

    def _after_change(self, *, render: bool = False) -> None:
        self._revalidate()
        focused = self.focusWidget()
        typing = any(focused is b.input for b in self.bindings.values())
        # While the user types in a field, message lines wait until the field is left: lines
        # appearing under fields would push the field being typed in away. Borders show at once.
        if render or not typing:
            self._render_messages()
        else:
            self._mark_borders()
        self._update_header()
        self._update_save_button()
        dirty = self.is_dirty()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _store(
        self, record: R, expected: int | None, *, creating: bool, announce_create: bool = True
    ) -> bool:
        try:
            version = self._service.save(record, expected_version=expected)
        except ConflictError as error:
            return self._show_conflict(error)
        except ValidationError as error:
            self._show_problems(error.problems)
            return False
        except MapperError as error:
            self.show_message(describe_error(error), error=True)
            return False
        self._record_id = self.record_id(record)
        self._deleted_id = None
        self._version = version
        self._base = record
        self._show_stored()
        self._saved_values = dict(self._values)
        self.undo_stack.setClean()
        if creating and announce_create:
            self.undo_stack.push(
                CreateRecordCommand(self, self.tr("Create %1").replace("%1", self.display_name()))
            )
        self.record_changed()
        self._after_change()
        self.show_message(self.tr("Saved."))
        self.saved.emit(self._record_id)
        return True

    def _show_stored(self) -> None:
        """Show what the service stored where it differs from the input (a point found from
        the postcode, a code in four digits): the form then holds the record as saved. The
        undo history stays; it is the user's own."""
        if self._record_id is None:
            return
        try:
            stored, version = self._service.load(self._record_id)
        except MapperError:
            return
        if version != self._version:
            return  # someone saved after us already: keep what we know we stored
        self._base = stored
        self._apply_values(self.values_of(stored))

    def _apply_values(self, values: Mapping[str, Any]) -> None:
        """Put values the form did not get from the user (as saved, merged) into the fields
        that differ, without an undo step: the undo history stays the user's own."""
        changed = [k for k in self.bindings if values.get(k) != self._values.get(k)]
        self._applying = True
        try:
            for key in changed:
                self._values[key] = values[key]
                self.bindings[key].put(values[key])
        finally:
            self._applying = False
        for key in changed:
            self.field_applied(key)

    # ----------------------------------------------------------------- validation

    def _revalidate(self) -> None:
        messages = dict(self.form_problems())
        record = self.record_from(self._values)
        for problem in self._service.check(record):
            key = self.field_for(problem.field)
            if key in messages:
                continue  # the form left the value out: its own message says why
            messages.setdefault(key, describe_problem(problem, self._title_for(key, problem)))
        for key, message in self._server_messages.items():
            messages.setdefault(key, message)
        self._messages = messages

    def _title_for(self, key: str, problem: InputProblem) -> str | None:
        """How a problem names its field: the form's title, or, for a part of the field (a
        resource's hours, a list's second code), that part's own title such as 'Hours per
        month (no. 1)'; None names it from its path."""
        if not key:
            return None
        if problem.field != key:
            part = field_title_of(problem.field)
            if part != problem.field:
                return part
        return self._specs[key].title

    def _visible_messages(self) -> dict[str, str]:
        shown = {}
        for key, message in self._messages.items():
            quiet = (
                key in self.quiet_until_touched
                and not self._show_all
                and key not in self._touched
                and not self._values.get(key)
            )
            if not quiet:
                shown[key] = message
        return shown

    def _mark_borders(self) -> None:
        visible = self._visible_messages()
        for key, binding in self.bindings.items():
            target = binding.border or binding.input
            invalid = key in visible
            if bool(target.property("invalid")) != invalid:
                target.setProperty("invalid", invalid)
                target.style().unpolish(target)
                target.style().polish(target)

    def _render_messages(self) -> None:
        visible = self._visible_messages()
        if visible == self._shown:
            self._mark_borders()
            return
        self._shown = visible
        for key, binding in self.bindings.items():
            message = visible.get(key, "")
            label = self.errors[key]
            if label.text() != message:
                label.setText(message)
            label.setVisible(bool(message))
            binding.input.setAccessibleDescription(message or self._specs[key].guidance)
        self._mark_borders()

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(
            self.is_valid() and (self.is_dirty() or self._record_id is None)
        )
        # Disabled only because required fields are still empty: say so where one looks.
        quiet = bool(self._messages) and not self._visible_messages()
        self.save_button.setToolTip(
            self.tr("Fill in the fields marked * to save.") if quiet else self.save_tooltip
        )

    def _summary_text(self) -> str:
        if not self._messages:
            return ""
        if set(self._messages) <= self.quiet_until_touched and not self._show_all:
            return self.tr("Fill in the fields marked * to save.")
        general = self._messages.get("")
        if general:
            return general
        return self.tr("Not saved: correct the fields marked in red.")

    def _focus_first_error(self) -> None:
        for key, binding in self.bindings.items():
            if key in self._messages:
                self.scroll_area.ensureWidgetVisible(binding.widget)
                binding.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_problems(self, problems: Sequence[InputProblem]) -> None:
        """Problems the service found on save: beside their fields, the rest at the bottom."""
        for problem in problems:
            key = self.field_for(problem.field)
            self._server_messages[key] = describe_problem(problem, self._title_for(key, problem))
        self._revalidate()
        self._render_messages()
        self.show_message(self._summary_text(), error=True)
        self._focus_first_error()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setProperty("error", error)
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")

    def _update_header(self) -> None:
        text = self.display_name()
        self.header_label.setText(text + (" *" if self.is_dirty() else ""))

    # ----------------------------------------------------------------- conflicts

    def _show_conflict(self, error: ConflictError) -> bool:
        """Someone saved the record meanwhile. Fields only one of us changed merge without
        asking, and then the merged record is saved at once (True); where both changed a field
        differently the conflict view shows mine, theirs and the result, and the user picks
        per field. Nothing is lost: going on editing keeps the input, unsaved."""
        self.show_message(
            self.tr("Not saved: someone else changed this record. Your input is still here."),
            error=True,
        )
        if self._record_id is None:
            return False
        try:
            stored, version = self._service.load(self._record_id)
        except MapperError as failure:  # deleted meanwhile, the server gone …
            self.show_message(describe_error(failure), error=True)
            return False
        who = self._updated_by(self._record_id, version)
        base = self.values_of(self._base)
        theirs = self.values_of(stored)
        colliding = {k for k in self.bindings if collides(base[k], self._values[k], theirs[k])}
        if not colliding:
            return self._save_merged(stored, version, {}, who)
        changed = [k for k in self.bindings if base[k] != self._values[k] or base[k] != theirs[k]]
        rows = [
            ConflictRow(
                key,
                self._specs[key].title,
                self.display_text(key, base[key]),
                self.display_text(key, self._values[key]),
                self.display_text(key, theirs[key]),
                key in colliding,
            )
            for key in changed
        ]
        # Not by name: the name may be one of the fields in question.
        saver = (
            self.tr("Someone else saved this record while you were editing it.")
            if who is None
            else substitute(self.tr("%1 saved this record while you were editing it."), who)
        )
        dialog = ConflictDialog(
            rows,
            title=self.tr("Saved by someone else"),
            intro=saver
            + " "
            + self.tr(
                "Fields only one of you changed are merged. Where you both changed a field, "
                "choose the version to keep."
            ),
            parent=self,
        )
        opened_on = self._base

        def accepted() -> None:
            if self._base is opened_on:  # still the same edit (the form may have moved on)
                self._save_merged(stored, version, dialog.choices(), who)

        dialog.accepted.connect(accepted)
        if self.last_message is not None:
            self.last_message.close()
            self.last_message.deleteLater()
        self.last_message = dialog
        dialog.open()
        return False

    def _save_merged(
        self, stored: R, version: int, choices: Mapping[str, Side], who: str | None
    ) -> bool:
        """Save my input merged into the stored record (read at ``version``): each field as the
        one who changed it left it, a field both changed as ``choices`` say. The result is
        built on their record, so what the form does not show (a problem's status, an actor's
        parent) stays as they saved it; their values enter the form as a save's do."""
        base = self.values_of(self._base)
        theirs = self.values_of(stored)
        merged = dict(self._values)
        for key, mine in self._values.items():
            if choices.get(key, "mine" if mine != base[key] else "theirs") == "theirs":
                merged[key] = theirs[key]
        taken = [k for k in self.bindings if merged[k] != self._values[k]]
        # From here on the form edits their version: a second conflict compares with it.
        self._base = stored
        self._version = version
        self._saved_values = theirs
        self._apply_values(merged)
        if not self._store(self.record_from(self._values), version, creating=False):
            self._after_change(render=True)
            return False
        if taken:
            titles = ", ".join(self._specs[k].title for k in taken)
            self.show_message(
                substitute(self.tr("Saved. Merged with changes by someone else (%1)."), titles)
                if who is None
                else substitute(self.tr("Saved. Merged with changes by %1 (%2)."), who, titles)
            )
        return True

    def _updated_by(self, record_id: str, version: int) -> str | None:
        """Who saved the record's ``version``; None when unknown."""
        try:
            meta = self._service.load_meta(record_id)
        except MapperError:
            return None
        return meta.updated_by if meta.version == version else None

    def display_text(self, key: str, value: Any) -> str:
        """A field's value as one line of text, as the form shows it (see value_text)."""
        return value_text(
            self._specs[key], self.bindings[key].input, value, self._vocabulary, self._lang
        )

    # ----------------------------------------------------------------- leaving

    def _ask_save_changes(self) -> Button:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save changes?"),
            self.tr("Save changes?"),
            Button.Save | Button.Discard | Button.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr("%1 has changes that are not saved.").replace("%1", self.display_name())
        )
        box.setDefaultButton(Button.Save)
        return Button(box.exec())

    # ----------------------------------------------------------------- events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # Text inputs keep their own undo history; the form's stack must win.
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.redo()
                return True
        elif kind == QEvent.Type.FocusOut:
            self._typing_group += 1  # typing after leaving a field is a new undo step
            self._render_messages()
        return super().eventFilter(watched, event)
