"""A quiet line under an actor's name: existing actors with a similar name, each one click away.

The editor calls ``check()`` on every edit of the name or municipality; the lookup runs once
typing pauses, and the line stays hidden while nothing is similar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QStyle, QToolButton, QWidget

from mapper.services.duplicates import SimilarActor

try:  # the official names arrive with the municipality reference data
    from mapper.geo.reference import municipality_name
except ImportError:  # pragma: no cover - only while that module is missing

    def municipality_name(code: str | None) -> str | None:
        return None


FindSimilar = Callable[[str, str | None, str | None], Sequence[SimilarActor]]
"""(name, municipality code, id to leave out) → similar actors, most alike first."""


class DuplicateWarning(QWidget):
    """'Looks like existing actors: Sammen om Sindet (Esbjerg) [Open]', up to three of them."""

    open_requested = Signal(str)
    """The id of the existing actor the user chose to open."""

    DELAY_MS = 250
    MAX_SHOWN = 3

    def __init__(self, find: FindSimilar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._pending: tuple[str, str | None, str | None] | None = None
        self._shown: list[SimilarActor] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self._look_up)
        self.setAccessibleName(self.tr("Possible duplicates"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(0)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        icon.setAccessibleName(self.tr("Warning"))
        layout.addWidget(icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.caption = QLabel(self.tr("Looks like existing actors:"))
        self.caption.setObjectName("duplicateCaption")
        layout.addWidget(self.caption, 0, 1, 1, 3)
        self.labels: list[QLabel] = []
        self.buttons: list[QToolButton] = []
        for line in range(self.MAX_SHOWN):
            label = QLabel()
            label.setObjectName(f"duplicateName{line}")
            # Wrapping lets a long name take lines instead of widening the editor.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button = QToolButton()
            button.setObjectName(f"duplicateOpen{line}")
            button.setText(self.tr("Open"))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by Tab, not by a click
            button.clicked.connect(lambda _checked=False, line=line: self._open(line))
            # The caption has its own line: a name under it gets the whole width.
            layout.addWidget(label, line + 1, 1, 1, 2)
            layout.addWidget(button, line + 1, 3, Qt.AlignmentFlag.AlignTop)
            self.labels.append(label)
            self.buttons.append(button)
        layout.setColumnStretch(2, 1)
        self._fill([])

    # ----------------------------------------------------------------- API

    def check(
        self, name: str, municipality_code: str | None = None, exclude_id: str | None = None
    ) -> None:
        """Look for actors like this one once typing pauses (the latest call wins)."""
        self._pending = (name or "", municipality_code or None, exclude_id or None)
        self._timer.start()

    def clear(self) -> None:
        """Forget any pending look-up and hide (e.g. when another actor is loaded)."""
        self._timer.stop()
        self._pending = None
        self._fill([])

    def shown(self) -> list[SimilarActor]:
        """The similar actors on display."""
        return list(self._shown)

    # ----------------------------------------------------------------- internals

    def _look_up(self) -> None:
        if self._pending is None:
            return
        name, municipality_code, exclude_id = self._pending
        self._pending = None
        found = list(self._find(name, municipality_code, exclude_id)) if name.strip() else []
        self._fill([s for s in found if s.actor_id != exclude_id][: self.MAX_SHOWN])

    def _fill(self, similar: list[SimilarActor]) -> None:
        self._shown = similar
        for line, (label, button) in enumerate(zip(self.labels, self.buttons, strict=True)):
            actor = similar[line] if line < len(similar) else None
            label.setVisible(actor is not None)
            button.setVisible(actor is not None)
            if actor is None:
                continue
            place = municipality_name(actor.municipality_code) or actor.municipality_code
            text = f"{actor.name} ({place})" if place else actor.name
            label.setText(text)
            label.setToolTip(text)
            button.setAccessibleName(self.tr("Open %1").replace("%1", text))
            button.setToolTip(self.tr("Open the existing actor %1").replace("%1", text))
        self.setVisible(bool(similar))

    def _open(self, line: int) -> None:
        if line < len(self._shown):
            self.open_requested.emit(self._shown[line].actor_id)
