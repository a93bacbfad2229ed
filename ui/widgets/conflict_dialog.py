"""Two versions of one record side by side, field by field: fields only one side changed are
merged without asking, and for each field both changed the user picks a side.

The dialog knows nothing of records: it shows rows of display texts and answers with a side per
colliding field. The record form uses it for a save that met a newer version (mine/theirs); the
headings are parameters so other pairs of versions (local/server) read right as well."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

Side = Literal["mine", "theirs"]
W = TypeVar("W", bound=QWidget)
MINE: Side = "mine"
THEIRS: Side = "theirs"
SHORT_WIDTH = 220
"""Pixels a value may take beside its choice; longer ones are elided (whole in the tooltip)."""
COLLISION_COLOUR = "#fff1c2"
STYLE = f"""
QWidget[collides="true"] {{ background: {COLLISION_COLOUR}; color: black; }}
QLabel#mergedNote {{ color: palette(mid); font-style: italic; }}
QLabel#conflictHeading {{ font-weight: bold; }}
"""
COL_FIELD, COL_MINE, COL_THEIRS, COL_RESULT = range(4)


@dataclass(frozen=True)
class ConflictRow:
    """One field as both versions have it, as display text ('—' for empty is the caller's).

    ``base`` is the version both started from. A row that does not collide is merged: the side
    that changed it wins (both changed it alike: that value)."""

    key: str
    title: str
    base: str
    mine: str
    theirs: str
    collides: bool

    @property
    def merged(self) -> str:
        """The value a row that does not collide takes."""
        return self.mine if self.mine != self.base else self.theirs


class ConflictDialog(QDialog):
    """Field | mine | theirs | result. Colliding rows are highlighted and have a choice of two
    radio buttons (arrow keys switch, Tab goes to the next row), defaulting to mine; the
    result column follows the choices. "Save the result" accepts, "Go on editing" rejects."""

    choice_changed = Signal(str, str)
    """(key, 'mine' or 'theirs') after a colliding row's choice changed."""

    def __init__(
        self,
        rows: Sequence[ConflictRow],
        *,
        title: str = "",
        intro: str = "",
        mine_heading: str = "",
        theirs_heading: str = "",
        all_mine_text: str = "",
        all_theirs_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(title or self.tr("Conflicting changes"))
        self.setStyleSheet(STYLE)
        self.rows = tuple(rows)
        self.mine_heading = mine_heading or self.tr("My version")
        self.theirs_heading = theirs_heading or self.tr("Their version")
        self._groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self.results: dict[str, QLabel] = {}
        """Key → the label of the value the field gets."""
        self.notes: dict[str, QLabel] = {}
        """Key → 'merged automatically' under a row that does not collide."""

        self.intro = QLabel(intro)
        self.intro.setObjectName("conflictIntro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))

        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("conflictRows")
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(0)
        self.grid.setVerticalSpacing(2)
        for column in (COL_MINE, COL_THEIRS, COL_RESULT):
            self.grid.setColumnStretch(column, 1)
        headings = (self.tr("Field"), self.mine_heading, self.theirs_heading, self.tr("Result"))
        for column, text in enumerate(headings):
            heading = QLabel(text)
            heading.setObjectName("conflictHeading")
            heading.setContentsMargins(6, 2, 6, 2)
            self.grid.addWidget(heading, 0, column)
        for number, row in enumerate(self.rows, start=1):
            self._add_row(number, row)
        self.grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_widget)
        scroll.setAccessibleName(self.tr("Fields of both versions"))

        self.all_mine_button = QPushButton(all_mine_text or self.tr("Keep &all mine"))
        self.all_mine_button.setObjectName("allMineButton")
        self.all_mine_button.setAutoDefault(False)
        self.all_mine_button.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs_button = QPushButton(all_theirs_text or self.tr("Take all &theirs"))
        self.all_theirs_button.setObjectName("allTheirsButton")
        self.all_theirs_button.setAutoDefault(False)
        self.all_theirs_button.clicked.connect(lambda: self.choose_all(THEIRS))
        shortcuts = QHBoxLayout()
        shortcuts.addWidget(self.all_mine_button)
        shortcuts.addWidget(self.all_theirs_button)
        shortcuts.addStretch(1)
        colliding = any(row.collides for row in self.rows)
        self.all_mine_button.setVisible(colliding)
        self.all_theirs_button.setVisible(colliding)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Save the result"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveResultButton")
        self.edit_button: QPushButton = self.buttons.addButton(
            self.tr("&Go on editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.edit_button.setObjectName("goOnEditingButton")
        self.edit_button.setAutoDefault(False)
        self.save_button.setDefault(True)  # Enter saves; Escape goes on editing
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(shortcuts)
        layout.addWidget(self.buttons)
        first = next((self.mine_buttons[r.key] for r in self.rows if r.collides), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(940, min(640, 180 + 44 * len(self.rows)))

    # ----------------------------------------------------------------- building

    def _add_row(self, number: int, row: ConflictRow) -> None:
        title = self._cell(QLabel(row.title), row)
        title.setObjectName(f"title:{row.key}")
        self.grid.addWidget(title, number, COL_FIELD)
        result = QLabel()
        result.setObjectName(f"result:{row.key}")
        result.setWordWrap(False)
        result.setAccessibleName(self.tr("%1: result").replace("%1", row.title))
        self.results[row.key] = result
        result_cell = QWidget()
        column = QVBoxLayout(result_cell)
        column.setContentsMargins(6, 2, 6, 2)
        column.setSpacing(0)
        column.addWidget(result)
        self._cell(result_cell, row)
        if row.collides:
            group = QButtonGroup(self.grid_widget)
            self._groups[row.key] = group
            for side, text, heading, col, buttons in (
                (MINE, row.mine, self.mine_heading, COL_MINE, self.mine_buttons),
                (THEIRS, row.theirs, self.theirs_heading, COL_THEIRS, self.theirs_buttons),
            ):
                button = self._cell(QRadioButton(), row)
                button.setObjectName(f"{side}:{row.key}")
                button.setProperty("side", side)
                self._set_short(button, text)
                button.setAccessibleName(f"{row.title}: {heading}")
                button.setAccessibleDescription(text)
                group.addButton(button)
                buttons[row.key] = button
                self.grid.addWidget(button, number, col)
            self.mine_buttons[row.key].setChecked(True)
            group.buttonToggled.connect(
                lambda button, checked, key=row.key: self._toggled(key, button, checked)
            )
            title.setAccessibleDescription(self.tr("Changed in both versions: choose one"))
        else:
            for text, heading, col in (
                (row.mine, self.mine_heading, COL_MINE),
                (row.theirs, self.theirs_heading, COL_THEIRS),
            ):
                label = self._cell(QLabel(), row)
                label.setObjectName(f"{'mine' if col == COL_MINE else 'theirs'}:{row.key}")
                self._set_short(label, text)
                label.setAccessibleName(f"{row.title}: {heading}")
                self.grid.addWidget(label, number, col)
            note = QLabel(self.tr("merged automatically"))
            note.setObjectName("mergedNote")
            self.notes[row.key] = note
            column.addWidget(note)
        self.grid.addWidget(result_cell, number, COL_RESULT)
        self._show_result(row)

    @staticmethod
    def _cell(widget: W, row: ConflictRow) -> W:
        # A styled background needs the widget to paint one; the property picks the colour.
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        widget.setProperty("collides", row.collides)
        if isinstance(widget, QLabel):
            widget.setContentsMargins(6, 2, 6, 2)
            widget.setTextFormat(Qt.TextFormat.PlainText)  # a value is never markup
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return widget

    @staticmethod
    def _set_short(widget: QLabel | QRadioButton, text: str) -> None:
        """One line of the text, elided to fit beside the others; the whole text as tooltip."""
        line = " ".join(text.split())
        short = widget.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, SHORT_WIDTH)
        # A text shown as it is: no mnemonic from an '&' in a user's value.
        widget.setText(short.replace("&", "&&") if isinstance(widget, QRadioButton) else short)
        widget.setToolTip(text if short != text else "")

    # ----------------------------------------------------------------- choices

    def choices(self) -> dict[str, Side]:
        """The side chosen for every colliding row."""
        return {key: self.choice(key) for key in self._groups}

    def choice(self, key: str) -> Side:
        return THEIRS if self.theirs_buttons[key].isChecked() else MINE

    def choose(self, key: str, side: Side) -> None:
        """Pick a side for a colliding row (as clicking its radio button does)."""
        if key not in self._groups:
            raise KeyError(f"{key!r} is not a field both versions changed")
        buttons = self.mine_buttons if side == MINE else self.theirs_buttons
        buttons[key].setChecked(True)

    def choose_all(self, side: Side) -> None:
        for key in self._groups:
            self.choose(key, side)

    def result_text(self, key: str) -> str:
        """The value the field gets, in full."""
        row = next(r for r in self.rows if r.key == key)
        if not row.collides:
            return row.merged
        return row.mine if self.choice(key) == MINE else row.theirs

    def _toggled(self, key: str, button: object, checked: bool) -> None:
        if not checked:
            return
        row = next(r for r in self.rows if r.key == key)
        self._show_result(row)
        self.choice_changed.emit(key, self.choice(key))

    def _show_result(self, row: ConflictRow) -> None:
        label = self.results[row.key]
        self._set_short(label, self.result_text(row.key))
        label.setAccessibleDescription(self.result_text(row.key))
