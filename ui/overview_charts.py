"""Bar charts of the overview (QtCharts): one series per chart in a colour of the Okabe-Ito
palette, values written on the bars, and the figures as the chart's accessible description so a
screen reader has them too."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from ui.locale_format import format_number

OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
"""Okabe & Ito's palette, told apart with every common colour vision deficiency."""
MIN_POINT_SIZE = 10
"""Chart text is never smaller than this (Qt's chart default is small on many screens)."""
BAR_PIXELS = 26
"""Least height of one horizontal bar's row: room for its label, so Qt never elides it."""
FRAME_PIXELS = 110
"""Least room for a chart's title, value axis and margins."""


def _font(*, bold: bool = False, larger: int = 0) -> QFont:
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE) + larger)
    font.setBold(bold)
    return font


def _row_and_frame_pixels() -> tuple[int, int]:
    """A bar's row and the chart's frame, grown with the label font (the system font size):
    Qt elides a category label taller than its row to "…"."""
    line = QFontMetrics(_font()).height()
    return max(BAR_PIXELS, round(line * 1.7)), max(FRAME_PIXELS, line * 7)


class BarChartView(QChartView):
    """A titled bar chart of (code, label, value) bars; horizontal for long labels."""

    bar_clicked = Signal(str)
    """The code of the bar the user clicked."""

    def __init__(
        self,
        title: str,
        colour: str,
        *,
        horizontal: bool = True,
        decimals: int = 0,
        object_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._title = title
        self._colour = QColor(colour)
        self._horizontal = horizontal
        self._decimals = decimals
        self._codes: list[str] = []
        self._bars: list[tuple[str, float]] = []
        chart = QChart()
        chart.legend().hide()
        chart.setTitleFont(_font(bold=True, larger=1))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.setAccessibleName(title)
        self.set_bars([])

    def set_title(self, title: str) -> None:
        self._title = title
        self.chart().setTitle(title)
        self.setAccessibleName(title)

    def set_bars(self, bars: Sequence[tuple[str, str, float]], empty_text: str = "") -> None:
        """Bars as (code, label, value), drawn top to bottom (left to right) in this order."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self._title)
        self._codes = [code for code, _label, _value in bars]
        self._bars = [(label, value) for _code, label, value in bars]
        self.setAccessibleDescription(self.description() or empty_text)
        if self._horizontal:
            row, frame = _row_and_frame_pixels()
            self.setMinimumHeight(max(200, frame + row * len(bars)))
        if not bars:
            return
        # A horizontal chart draws its first category at the bottom: reverse to read downwards.
        ordered = list(reversed(bars)) if self._horizontal else list(bars)
        series: QAbstractBarSeries = QHorizontalBarSeries() if self._horizontal else QBarSeries()
        bar_set = QBarSet(self._title)
        bar_set.setColor(self._colour)
        bar_set.setBorderColor(self._colour.darker(130))
        bar_set.setLabelColor(QColor("#000000"))
        bar_set.setLabelFont(_font())
        for _code, _label, value in ordered:
            bar_set.append(float(value))
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(12)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.7)
        chart.addSeries(series)
        bar_set.clicked.connect(lambda index: self._clicked(len(ordered), index))

        categories = QBarCategoryAxis()
        categories.append([label for _code, label, _value in ordered])
        categories.setLabelsFont(_font())
        values = QValueAxis()
        top = max((value for _code, _label, value in bars), default=0.0)
        # Room beyond the longest bar for its value label.
        values.setRange(0, max(4.0, top * 1.15))
        values.applyNiceNumbers()
        values.setLabelFormat("%.0f")
        values.setLabelsFont(_font(larger=-1))
        values.setGridLineColor(QColor("#D9D9D9"))
        category_side = (
            Qt.AlignmentFlag.AlignLeft if self._horizontal else Qt.AlignmentFlag.AlignBottom
        )
        value_side = (
            Qt.AlignmentFlag.AlignBottom if self._horizontal else Qt.AlignmentFlag.AlignLeft
        )
        chart.addAxis(categories, category_side)
        chart.addAxis(values, value_side)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _clicked(self, count: int, index: int) -> None:
        position = count - 1 - index if self._horizontal else index
        if 0 <= position < len(self._codes):
            self.bar_clicked.emit(self._codes[position])

    def bars(self) -> list[tuple[str, float]]:
        """(label, value) of each bar in reading order (tests, accessibility)."""
        return list(self._bars)

    def description(self) -> str:
        """'Lokal forening: 12; Fond: 3' in the interface language's number format."""
        return "; ".join(
            f"{label}: {format_number(value, self._decimals)}" for label, value in self._bars
        )
