"""Pieces the tabs share: register tables, readable column widths, row updates, editor focus."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.row_table import SORT_ROLE

HEADER_PADDING = 28
"""Room beside a header's text for the margins and the sort arrow."""
DESIGN_LINE_HEIGHT = 15
"""The line height (pixels) of the font the widths in pixels were chosen for (9-10 pt)."""


def scaled_width(widget: QWidget, pixels: int) -> int:
    """A width chosen in pixels for text, grown with a larger system font (never shrunk)."""
    return round(pixels * max(1.0, widget.fontMetrics().height() / DESIGN_LINE_HEIGHT))


def sort_proxy(source: QAbstractItemModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def table_view(model: QAbstractItemModel, name: str, sort_column: int) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    # Fixed row heights: Qt never measures rows it does not show (100,000-row registers).
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def header_width(view: QTableView, column: int) -> int:
    """The narrowest a column may be with its header text fully readable."""
    header = view.horizontalHeader()
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return header.fontMetrics().horizontalAdvance(text) + HEADER_PADDING


def set_column_widths(view: QTableView, widths: Mapping[int, int]) -> None:
    """Preferred widths, never narrower than the header text; the last column keeps at least
    its header's width too (it stretches into what is left, and scrolls when nothing is)."""
    for column, width in widths.items():
        view.setColumnWidth(column, max(scaled_width(view, width), header_width(view, column)))
    header = view.horizontalHeader()
    last = view.model().columnCount() - 1
    header.setMinimumSectionSize(
        max(header.minimumSectionSize(), min(header_width(view, c) for c in range(last + 1)))
    )
    view.setColumnWidth(last, max(view.columnWidth(last), header_width(view, last)))


def editor_input(editor: QWidget, field: str) -> QWidget:
    """An editor's input for a field (``inputs`` on the form editors, ``field_widget`` before)."""
    inputs = getattr(editor, "inputs", None)
    if isinstance(inputs, Mapping) and field in inputs:
        widget: QWidget = inputs[field]
        return widget
    widget = editor.field_widget(field)  # type: ignore[attr-defined]
    return widget


def focus_first_field(editor: QWidget, field: str) -> None:
    """Put the cursor in the editor's first field (its name or title)."""
    if hasattr(editor, "focus_first_field"):
        editor.focus_first_field()
        return
    editor_input(editor, field).setFocus(Qt.FocusReason.OtherFocusReason)
