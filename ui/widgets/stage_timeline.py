"""A partnership's way through the workflow as a timeline: the stages as steps along a line,
the reached ones filled with the date reached, the current one emphasised by size, a ring and a
bold label; its text alternative reads the stage changes in order with their dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

from mapper.domain.model import StageChange
from ui.locale_format import substitute

StageState = Literal["reached", "current", "unreached"]

ARROW = " → "
TEXT_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class TimelineStep:
    """One stage of the workflow as the timeline shows it."""

    code: str
    label: str
    state: StageState
    reached_at: dt.datetime | None = None
    """When the stage was last reached (the date shown); None if never."""
    times: int = 0
    """How often the history reached it (more than once: moved back and forward)."""


class StageTimeline(QWidget):
    """The stages (code, label) in workflow order; ``set_history`` shows one partnership."""

    def __init__(
        self,
        stages: Sequence[tuple[str, str]],
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stageTimeline")
        self._stages = list(stages)
        self._locale = locale if locale is not None else QLocale()
        self._history: tuple[StageChange, ...] = ()
        self._current: str | None = None
        self._steps: list[TimelineStep] = []
        self.setAccessibleName(self.tr("Stage timeline"))
        # Keyboard users land on it and hear the timeline read as text.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_history((), None)

    # ----------------------------------------------------------------- state

    def set_history(self, history: Sequence[StageChange], current: str | None) -> None:
        """Show a partnership's stage changes (oldest first) and its current stage; no
        history and None clear it."""
        self._history = tuple(history)
        self._current = current
        labels = dict(self._stages)
        latest: dict[str, dt.datetime] = {}
        times: dict[str, int] = {}
        for change in self._history:
            latest[change.stage] = change.changed_at
            times[change.stage] = times.get(change.stage, 0) + 1
        # Codes the vocabulary does not know still show, after the known ones.
        extra = [c for c in (*times, current) if c is not None and c not in labels]
        codes = [code for code, _label in self._stages] + list(dict.fromkeys(extra))
        self._steps = [
            TimelineStep(
                code,
                labels.get(code, code),
                "current" if code == current else "reached" if code in times else "unreached",
                latest.get(code),
                times.get(code, 0),
            )
            for code in codes
        ]
        text = self.text()
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_history((), None)

    def steps(self) -> list[TimelineStep]:
        """Every stage as drawn, in workflow order."""
        return list(self._steps)

    def states(self) -> list[tuple[str, StageState]]:
        """(stage code, reached/current/unreached) in workflow order (tests, accessibility)."""
        return [(step.code, step.state) for step in self._steps]

    def text(self) -> str:
        """The timeline as text: the changes in order with their dates, then the current
        stage ('Foreslået match 3. mar. 2026 → Kontaktet 12. mar. 2026. Nuværende …')."""
        if not self._history:
            if self._current is None:
                return self.tr("No partnership shown.")
            return " ".join(
                [self.tr("No stage changes recorded."), self._current_sentence(self._current)]
            )
        labels = {step.code: step.label for step in self._steps}
        seen: set[str] = set()
        parts = []
        for change in self._history:
            label, when = labels.get(change.stage, change.stage), self.date_text(change.changed_at)
            if change.stage in seen:
                parts.append(substitute(self.tr("%1 again %2"), label, when))
            else:
                parts.append(f"{label} {when}")
            seen.add(change.stage)
        sentences = [ARROW.join(parts) + "."]
        if self._current is not None:
            sentences.append(self._current_sentence(self._current))
        if any(step.times > 1 for step in self._steps):
            sentences.append(self.tr("A stage reached more than once shows its latest date."))
        return " ".join(sentences)

    def _current_sentence(self, code: str) -> str:
        label = next((s.label for s in self._steps if s.code == code), code)
        return substitute(self.tr("Current stage: %1."), label)

    def date_text(self, moment: dt.datetime) -> str:
        """The local day of ``moment`` as the interface language writes it: '3. mar. 2026'."""
        local = moment.astimezone()  # the coordinator's own day
        # The format is translated: Danish writes "3. mar. 2026", English "3 Mar 2026".
        return self._locale.toString(
            QDate(local.year, local.month, local.day), self.tr("d MMM yyyy")
        )

    # ----------------------------------------------------------------- geometry

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _date_width(self, metrics: QFontMetrics) -> int:
        return metrics.horizontalAdvance(
            self.date_text(dt.datetime(2026, 9, 28, 12, tzinfo=dt.UTC))
        )

    def _marker(self) -> int:
        """Diameter of a reached stage's marker; the current one's is half again."""
        return max(8, self.fontMetrics().height() * 3 // 4)

    def _spacing(self, width: float) -> float:
        """Distance between two markers. Labels alternate above and below the line, so each
        may be two spacings wide less a character; the line is inset by half a label at
        either end, so the first and last labels are centred on their markers too."""
        return (width + self.fontMetrics().averageCharWidth()) / (len(self._steps) + 1)

    def _x(self, index: int, width: float) -> float:
        spacing = self._spacing(width)
        return spacing - self.fontMetrics().averageCharWidth() / 2 + index * spacing

    def _label_width(self, width: float) -> int:
        spacing = self._spacing(width)
        return max(1, int(2 * spacing - self.fontMetrics().averageCharWidth()))

    def _width_for_labels(self, widest: int) -> int:
        """The width at which labels ``widest`` pixels wide fit side by side."""
        room = self.fontMetrics().averageCharWidth()
        spacing = (widest + 2 * room) / 2
        return int(spacing * (len(self._steps) + 1) - room) + 1

    def _block_height(self, width: float) -> int:
        """The tallest label as wrapped at this width (in bold: the current one's), and a
        date under it."""
        metrics = QFontMetrics(self._bold())
        room = QRect(0, 0, self._label_width(width), 10_000)
        label = max(
            (metrics.boundingRect(room, TEXT_FLAGS, s.label).height() for s in self._steps),
            default=metrics.lineSpacing(),
        )
        return label + metrics.lineSpacing()

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        gap = self._gap()
        return 2 * (self._block_height(width) + gap) + self._marker() * 3 // 2 + 2 * gap

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._bold())
        widest = max(
            [self._date_width(metrics), *(metrics.horizontalAdvance(s.label) for s in self._steps)]
        )
        width = self._width_for_labels(widest + metrics.averageCharWidth())  # one line each
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self._bold())
        words = [w for s in self._steps for w in s.label.split()]
        widest = max([self._date_width(metrics), *(metrics.horizontalAdvance(w) for w in words)])
        width = self._width_for_labels(widest)  # a word to a line
        return QSize(width, self.heightForWidth(width))

    def _gap(self) -> int:
        return self.fontMetrics().height() // 3

    def _line_y(self) -> float:
        gap = self._gap()
        return gap + self._block_height(self.width()) + gap + self._marker() * 3 / 4

    def marker_centre(self, code: str) -> QPointF:
        """Where the marker of stage ``code`` is drawn (tests)."""
        index = [s.code for s in self._steps].index(code)
        return QPointF(self._x(index, self.width()), self._line_y())

    # ----------------------------------------------------------------- painting

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        text = palette.color(group, QPalette.ColorRole.WindowText)
        filled = palette.color(group, QPalette.ColorRole.Highlight)
        hollow = palette.color(group, QPalette.ColorRole.Base)
        y = self._line_y()
        diameter = self._marker()
        pen_width = max(1.5, diameter / 6)

        if len(self._steps) > 1:
            painter.setPen(QPen(palette.color(group, QPalette.ColorRole.Mid), pen_width))
            last = len(self._steps) - 1
            painter.drawLine(
                QPointF(self._x(0, self.width()), y), QPointF(self._x(last, self.width()), y)
            )

        gap = self._gap()
        plain, bold = QFont(self.font()), self._bold()
        for index, step in enumerate(self._steps):
            x = self._x(index, self.width())
            centre = QPointF(x, y)
            outline = QPen(text, pen_width)
            painter.setPen(outline)
            if step.state == "current":
                radius = diameter * 3 / 4
                painter.setBrush(hollow)
                painter.drawEllipse(centre, radius, radius)  # a ring around the filled disc
                painter.setBrush(filled)
                painter.drawEllipse(centre, radius * 0.6, radius * 0.6)
            else:
                painter.setBrush(filled if step.state == "reached" else hollow)
                painter.drawEllipse(centre, diameter / 2, diameter / 2)

            font = bold if step.state == "current" else plain
            metrics = QFontMetrics(font)
            width = self._label_width(self.width())
            left = int(x - width / 2)
            label_height = metrics.boundingRect(
                QRect(0, 0, width, 10_000), TEXT_FLAGS, step.label
            ).height()
            date = self.date_text(step.reached_at) if step.reached_at else ""
            line = metrics.lineSpacing()
            if index % 2 == 0:  # above the line: label, then the date nearest the line
                bottom = int(y - diameter * 3 / 4 - gap)
                date_top = bottom - line
                label_rect = QRect(left, date_top - label_height, width, label_height)
            else:  # below: label nearest the line, then the date
                top = int(y + diameter * 3 / 4 + gap)
                label_rect = QRect(left, top, width, label_height)
                date_top = top + label_height
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(label_rect, TEXT_FLAGS, step.label)
            if date:
                painter.setFont(plain)
                painter.drawText(
                    QRectF(left, date_top, width, line), Qt.AlignmentFlag.AlignHCenter, date
                )

        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.backgroundColor = palette.color(group, QPalette.ColorRole.Window)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
            )
        painter.end()
