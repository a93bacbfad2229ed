"""The match view: ranked partners with score bars and their explanation, the 360° review, the
consortium proposal, weights that re-rank at once, and "propose partnership"."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from exports.tabular import ranking_table, write_table
from mapper.domain.vocabulary import Vocabulary
from mapper.matching.model import CRITERIA, Contribution, Match, MatchSettings, Ranking
from mapper.matching.reasons import (
    criterion_label,
    gate_label,
    not_given_text,
    render,
    review_group_label,
)
from mapper.services.matching import Consortium, MatchingService, Review
from mapper.services.privacy import log_personal_export
from ui.error_text import describe_error
from ui.locale_format import format_number, substitute
from ui.models.row_table import SORT_ROLE, RowTableModel
from ui.operations import run_in_background
from ui.tabs.common import scaled_width

SCORE_ROLE = Qt.ItemDataRole.UserRole + 10
WEIGHT_STEPS = 10  # slider steps per weight unit: 0.0 … 5.0


class MatchTableModel(RowTableModel[Match]):
    COL_RANK, COL_NAME, COL_KIND, COL_SCORE, COL_DISTANCE = range(5)
    COLUMN_COUNT = 5

    def __init__(self, vocabulary: Vocabulary, lang: str = "da", parent: Any = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang

    def header(self, column: int) -> str:
        return (
            self.tr("No."),
            self.tr("Partner"),
            self.tr("Kind"),
            self.tr("Score"),
            self.tr("Distance"),
        )[column]

    def row_id(self, row: Match) -> str:
        return row.actor_id

    def display(self, m: Match, column: int) -> str:
        if column == self.COL_RANK:
            return str(m.rank)
        if column == self.COL_NAME:
            return m.actor_name
        if column == self.COL_KIND:
            return self._vocabulary.label("actor_kinds", m.actor_kind, self._lang)
        if column == self.COL_SCORE:
            return format_number(m.score, 1, lang=self._lang)
        if column == self.COL_DISTANCE:
            return "" if m.distance_km is None else km(m.distance_km, self._lang)
        return ""

    def tooltip(self, m: Match, column: int) -> str:
        """Why the partner ranks where it does, in the view's language."""
        if column == self.COL_KIND:
            return self._vocabulary.label("actor_kinds", m.actor_kind, self._lang)
        # The place is in its own column: the tooltip's positives say what else fits.
        positives = [r for r in m.reasons_for if r.code not in PLACE_REASONS]
        lines = [f"+ {render(r, self._lang)}" for r in positives[:3]]
        lines += [f"− {render(r, self._lang)}" for r in m.reasons_against[:3]]
        lines += [f"! {render(w, self._lang)}" for w in m.warnings]
        return "\n".join(lines)

    def sort_value(self, m: Match, column: int) -> Any:
        if column == self.COL_RANK:
            return m.rank
        if column == self.COL_SCORE:
            return m.score
        if column == self.COL_DISTANCE:
            return -1.0 if m.distance_km is None else m.distance_km
        return super().sort_value(m, column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SCORE_ROLE and index.isValid():
            return self.row_at(index.row()).score
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            tip = self.tooltip(self.row_at(index.row()), index.column())
            return tip or super().data(index, role)
        return super().data(index, role)


PLACE_REASONS = frozenset({"distance", "within_service_area", "same_municipality"})
"""Reasons of the geography criterion, which the distance column shows already."""


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws a score (0-100) as a bar with its number (the number as the model shows it)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        score = index.data(SCORE_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        painter.save()
        number_room = option.fontMetrics.horizontalAdvance("100,0") + 10  # grows with the font
        rect = option.rect.adjusted(4, 5, -number_room, -5)
        painter.fillRect(rect, QColor("#e8eef5"))
        filled = QRect(
            rect.left(),
            rect.top(),
            int(rect.width() * max(0.0, min(score, 100.0)) / 100),
            rect.height(),
        )
        painter.fillRect(filled, QColor("#2f6db5"))
        painter.setPen(option.palette.text().color())
        painter.drawText(
            option.rect.adjusted(0, 0, -4, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )
        painter.restore()


class MatchView(QWidget):
    """Rank partners for a problem statement and explain why."""

    ranked = Signal(int)
    """Emitted with the number of results after each ranking."""
    partnership_proposed = Signal(str, str)
    """(problem id, actor id) after "Propose partnership"."""
    status_message = Signal(str)
    """A short confirmation for the status bar, e.g. after a partnership was proposed."""
    ranking_exported = Signal(str)
    map_requested = Signal(str, int)
    """(problem id, number of partners): show this problem statement's map."""
    """The file the shown ranking was written to (CSV or XLSX)."""

    def __init__(
        self,
        matching: MatchingService,
        vocabulary: Vocabulary,
        lang: str = "da",
        propose: Callable[[str, str], Any] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("matchView")
        self._matching = matching
        self.personal_data_box: QMessageBox | None = None
        """The question whether an export names individual volunteers, while open."""
        self._vocabulary = vocabulary
        self._lang = lang
        self._propose = propose
        self._ranking: Ranking | None = None
        self._generation = 0
        self._unranked = False
        """The combo shows a problem that has not been ranked (filled while hidden)."""
        self._sliders: dict[str, QSlider] = {}

        self.problem_combo = QComboBox()
        self.problem_combo.setObjectName("matchProblem")
        self.problem_combo.setAccessibleName(self.tr("Problem statement to match"))
        self.problem_combo.setEditable(True)
        self.problem_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.problem_combo.currentIndexChanged.connect(lambda _i: self.rank())
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, 500)
        self.top_spin.setValue(15)
        self.top_spin.setAccessibleName(self.tr("Number of partners"))
        self.top_spin.valueChanged.connect(lambda _v: self._schedule())
        self.rotation_check = QCheckBox(self.tr("Spread proposals (fair rotation)"))
        self.rotation_check.setToolTip(
            self.tr("Actors proposed recently get a mild, explained penalty so others surface too.")
        )
        self.rotation_check.toggled.connect(lambda _v: self._schedule())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Problem:")))
        bar.addWidget(self.problem_combo, 1)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.top_spin)
        bar.addWidget(self.rotation_check)

        self.model = MatchTableModel(vocabulary, lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("matchTable")
        self.table.setAccessibleName(self.tr("Ranked partners"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MatchTableModel.COL_RANK, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(MatchTableModel.COL_SCORE, ScoreBarDelegate(self))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MatchTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (MatchTableModel.COL_RANK, 40),
            (MatchTableModel.COL_KIND, 170),
            (MatchTableModel.COL_SCORE, 170),
            (MatchTableModel.COL_DISTANCE, 70),
        ):
            self.table.setColumnWidth(column, scaled_width(self.table, width))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_match(current)
        )
        self.excluded_label = QLabel()
        self.excluded_label.setObjectName("matchExcluded")
        self.excluded_label.setWordWrap(True)
        self.propose_button = QPushButton(self.tr("Propose &partnership"))
        self.propose_button.setObjectName("proposePartnership")
        self.propose_button.setEnabled(False)
        self.propose_button.clicked.connect(self.propose_selected)
        self.export_button = QPushButton(self.tr("E&xport ranking…"))
        self.export_button.setObjectName("exportRanking")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export_ranking)
        self.map_button = QPushButton(self.tr("Show on &map"))
        self.map_button.setObjectName("showProblemMap")
        self.map_button.setToolTip(
            self.tr("The problem statement's place, its distance limit and these partners")
        )
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self.request_map)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button, 1)
        buttons.addWidget(self.map_button)
        buttons.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.excluded_label)
        left_layout.addLayout(buttons)

        self.explanation = QTextBrowser()
        self.explanation.setObjectName("matchExplanation")
        self.explanation.setAccessibleName(self.tr("Why this partner"))
        self.review = QTextBrowser()
        self.review.setObjectName("matchReview")
        self.review.setAccessibleName(self.tr("360° review"))
        self.consortium = QTextBrowser()
        self.consortium.setObjectName("matchConsortium")
        self.consortium.setAccessibleName(self.tr("Consortium proposal"))
        self.details = QTabWidget()
        self.details.setAccessibleName(self.tr("About the chosen partner"))
        self.details.addTab(self.explanation, self.tr("Why"))
        self.details.addTab(self.review, self.tr("360° review"))
        self.details.addTab(self.consortium, self.tr("Consortium"))
        self.details.addTab(self._build_weights(), self.tr("Weights"))
        self.details.currentChanged.connect(lambda _i: self._load_details())

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.rank)

    def _build_weights(self) -> QWidget:
        box = QGroupBox(self.tr("How much each criterion counts"))
        form = QFormLayout(box)
        defaults = MatchSettings.defaults().weights
        for criterion in CRITERIA:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 5 * WEIGHT_STEPS)
            slider.setValue(round(defaults[criterion] * WEIGHT_STEPS))
            slider.setAccessibleName(criterion_label(criterion, self._lang))
            value = QLabel(format_number(defaults[criterion], 1, lang=self._lang))
            slider.valueChanged.connect(
                lambda v, label=value: self._weight_changed(label, v / WEIGHT_STEPS)
            )
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            form.addRow(criterion_label(criterion, self._lang), row)
            self._sliders[criterion] = slider
        reset = QPushButton(self.tr("Default weights"))
        reset.clicked.connect(self.reset_weights)
        form.addRow(reset)
        return box

    # ----------------------------------------------------------------- API

    def set_problems(self, problems: list[tuple[str, str]], preferred: str | None = None) -> None:
        """(id, title) of the problems that can be matched; with none chosen yet, the
        ``preferred`` one is shown first (else the first)."""
        current = self.current_problem_id()
        self.problem_combo.blockSignals(True)
        self.problem_combo.clear()
        for problem_id, title in problems:
            self.problem_combo.addItem(title, problem_id)
        if not current and preferred:
            self.problem_combo.setCurrentIndex(max(0, self.problem_combo.findData(preferred)))
        self.problem_combo.blockSignals(False)
        if current:
            self.show_problem(current)
        elif self.problem_combo.count():
            # The first problem is shown: rank it now if the view is seen, else when it is.
            self._unranked = True
            if self.isVisible():
                self.rank()

    def invalidate(self) -> None:
        """The register changed (an actor or a problem saved, deleted, imported): rank the
        shown problem again now if the view is seen, else when it is shown next."""
        if not self.problem_combo.count():
            return
        self._unranked = True
        if self.isVisible():
            self.rank()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unranked:
            self.rank()

    def show_problem(self, problem_id: str) -> None:
        index = self.problem_combo.findData(problem_id)
        if index >= 0:
            if index == self.problem_combo.currentIndex():
                self.rank()
            else:
                self.problem_combo.setCurrentIndex(index)

    def current_problem_id(self) -> str | None:
        data = self.problem_combo.currentData()
        return str(data) if data else None

    def weights(self) -> dict[str, float]:
        return {c: s.value() / WEIGHT_STEPS for c, s in self._sliders.items()}

    def reset_weights(self) -> None:
        for criterion, weight in MatchSettings.defaults().weights.items():
            self._sliders[criterion].setValue(round(weight * WEIGHT_STEPS))

    def selected_match(self) -> Match | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def rank(self) -> None:
        """Rank in the background; a newer request supersedes an older one."""
        problem_id = self.current_problem_id()
        if not problem_id:
            return
        self._unranked = False
        self._generation += 1
        generation = self._generation
        matching, weights = self._matching, self.weights()
        top, rotation = self.top_spin.value(), self.rotation_check.isChecked()

        def work(progress: Callable[[int, int], None]) -> Ranking:
            return matching.rank_actors_for_problem(
                problem_id, top=top, weights=weights, rotation=rotation, progress=progress
            )

        self.excluded_label.setText(self.tr("Ranking the landscape…"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        run_in_background(
            self,
            work,
            on_success=lambda r: self._ranked(generation, r),
            on_failure=lambda e, _d: self._failed(generation, e),
            on_progress=lambda done, total: self._analysing(generation, done, total),
        )

    def _analysing(self, generation: int, done: int, total: int) -> None:
        """New or changed actors' texts are analysed before the first ranking that needs them
        (after a large import: minutes), said in the status line with how far it has come."""
        if generation != self._generation:
            return
        self.excluded_label.setText(
            self.tr("Reading the actors' texts (once, after changes): %1 of %2…")
            .replace("%1", format_number(done, 0, lang=self._lang))
            .replace("%2", format_number(total, 0, lang=self._lang))
        )

    def propose_selected(self) -> None:
        match, problem_id = self.selected_match(), self.current_problem_id()
        if match is None or problem_id is None or self._propose is None:
            return
        try:
            self._propose(problem_id, match.actor_id)
        except Exception as exc:  # shown to the user; nothing was changed
            self.excluded_label.setText(describe_error(exc))
            return
        self.partnership_proposed.emit(problem_id, match.actor_id)
        self.status_message.emit(
            substitute(
                self.tr('Proposed a partnership with %1 on "%2".'),
                match.actor_name,
                self.problem_combo.currentText(),
            )
        )

    def request_map(self) -> None:
        problem_id = self.current_problem_id()
        if problem_id:
            self.map_requested.emit(problem_id, self.top_spin.value())

    def ask_export_ranking(self) -> None:
        problem_id = self.current_problem_id()
        if problem_id is None or self._ranking is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export ranking"),
            f"rangering-{problem_id}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
        )
        if not path:
            return
        if self._persons():
            self.ask_personal_data(path)
        else:
            self.export_ranking(path)

    def _persons(self) -> int:
        """How many individual volunteers (personal data) the ranking shown names."""
        ranking = self._ranking
        if ranking is None:
            return 0
        holds = self._vocabulary.holds_personal_data
        return sum(1 for m in ranking.matches if holds(m.actor_kind))

    def ask_personal_data(self, path: str) -> QMessageBox:
        """The ranking names individual volunteers: leave them out (the default), or include
        them, an explicit choice that is logged."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export ranking"),
            self.tr(
                "The ranking names %1 individual volunteers (personal data). Without them the "
                "file holds the other partners only. An export with personal data is logged; "
                "never publish it."
            ).replace("%1", str(self._persons())),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        check = QCheckBox(self.tr("Include individual volunteers (personal data)"))
        check.setObjectName("includePersonalData")
        box.setCheckBox(check)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Ok:
                self.export_ranking(path, personal_data=check.isChecked())

        box.finished.connect(answered)
        self.personal_data_box = box
        box.open()
        return box

    def export_ranking(self, path: str, *, personal_data: bool = False) -> None:
        """Write the ranking shown (rank, partner, score, each criterion's points, reasons)
        as XLSX, or as CSV for Danish Excel when the name ends in .csv. Individual volunteers
        only with ``personal_data`` (then the export is logged)."""
        ranking = self._ranking
        if ranking is None:
            return
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx"
        persons = self._persons()
        if not personal_data and persons:
            holds = self._vocabulary.holds_personal_data
            ranking = replace(
                ranking, matches=tuple(m for m in ranking.matches if not holds(m.actor_kind))
            )
        title = self.problem_combo.currentText()
        lang, vocabulary = self._lang, self._vocabulary
        database = self._matching.database

        def work() -> int:
            table = ranking_table(ranking, lang=lang, title=title, vocabulary=vocabulary)
            count = write_table(table, path)
            if personal_data and persons:  # chosen explicitly: logged
                log_personal_export(
                    database,
                    "ranking",
                    path,
                    {"problem_id": ranking.subject_id, "persons": persons},
                )
            return count

        def written(count: int) -> None:
            self.status_message.emit(
                substitute(self.tr("Exported %1 ranked partners to %2"), str(count), path)
            )
            self.ranking_exported.emit(path)

        run_in_background(
            self,
            work,
            on_success=written,
            on_failure=lambda e, _d: self.excluded_label.setText(describe_error(e)),
        )

    # ----------------------------------------------------------------- internals

    def _schedule(self) -> None:
        self._timer.start()

    def _weight_changed(self, label: QLabel, weight: float) -> None:
        label.setText(format_number(weight, 1, lang=self._lang))
        self._schedule()

    def _ranked(self, generation: int, ranking: Ranking) -> None:
        if generation != self._generation:
            return  # an older request finished late
        self.unsetCursor()
        self._ranking = ranking
        self.model.set_rows(ranking.matches)
        notes = [render(n, self._lang) for n in ranking.notes]
        excluded = [f"{n} {gate_label(g, self._lang)}" for g, n in ranking.excluded.items() if n]
        text = ""
        if excluded:
            text = self.tr("Excluded: %1").replace("%1", ", ".join(excluded))
        if notes:
            text += ("\n" if text else "") + "\n".join(notes)
        if ranking.existing:
            # Partnerships already on the problem, beside the ranking (stage in brackets).
            stage = self._vocabulary.label
            items = "; ".join(
                f"{e.actor_name} ({stage('partnership_stages', e.stage, self._lang).lower()})"
                for e in ranking.existing
            )
            line = self.tr("Existing partnerships: %1").replace("%1", items)
            text += ("\n" if text else "") + line
        self.excluded_label.setText(text)
        if ranking.matches:
            self.table.selectRow(0)
        else:
            self.explanation.setPlainText(self.tr("No actor passes the hard gates."))
        self.propose_button.setEnabled(bool(ranking.matches) and self._propose is not None)
        self.export_button.setEnabled(bool(ranking.matches))
        self.map_button.setEnabled(True)
        self.review.clear()
        self.consortium.clear()
        self._load_details()
        self.ranked.emit(len(ranking.matches))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.unsetCursor()
        self._ranking = None
        self.model.set_rows([])
        self.propose_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.map_button.setEnabled(False)
        self.excluded_label.setText(describe_error(error))
        self.explanation.setPlainText(describe_error(error))
        self.ranked.emit(0)

    def _show_match(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        match = self.model.row_at(self.proxy.mapToSource(index).row())
        self.explanation.setHtml(match_html(match, self._lang))

    def _load_details(self) -> None:
        problem_id = self.current_problem_id()
        if not problem_id or self._ranking is None:
            return
        matching, lang = self._matching, self._lang
        if self.details.currentWidget() is self.review and not self.review.toPlainText():
            run_in_background(
                self,
                lambda: matching.review(problem_id),
                on_success=lambda r: self.review.setHtml(review_html(r, lang)),
                on_failure=lambda e, _d: self.review.setPlainText(describe_error(e)),
            )
        if self.details.currentWidget() is self.consortium and not self.consortium.toPlainText():
            run_in_background(
                self,
                lambda: matching.consortium(problem_id),
                on_success=lambda c: self.consortium.setHtml(
                    consortium_html(c, self._vocabulary, lang)
                ),
                on_failure=lambda e, _d: self.consortium.setPlainText(describe_error(e)),
            )


def _esc(text: str) -> str:
    return html.escape(text)


def km(distance: float, lang: str) -> str:
    """A distance as the language writes it: '2,5 km' below 10 km, whole kilometres above."""
    return f"{format_number(distance, 1 if distance < 10 else 0, lang=lang)} km"


def _score(score: float, lang: str) -> str:
    return format_number(score, 1, lang=lang)


def _points(points: float, lang: str) -> str:
    text = format_number(points, 1, lang=lang)
    return text if text.startswith("-") else f"+{text}"


def _bar(points: float, scale: float = 40.0) -> str:
    width = max(0, min(100, round(abs(points) / scale * 100)))
    colour = "#2f6db5" if points >= 0 else "#b00020"
    return (
        f"<table cellspacing=0 cellpadding=0 width='100%'><tr>"
        f"<td width='{width}%' bgcolor='{colour}' height=8></td>"
        f"<td width='{100 - width}%' bgcolor='#e8eef5'></td></tr></table>"
    )


def _criterion_rows(c: Contribution, lang: str) -> str:
    """A criterion's name, points and bar; its reasons on a line of their own below (beside
    the bar a narrow pane or a large system font left them a column a few letters wide)."""
    # Criterion names and points never wrap: a narrow pane broke "Forebyggelses niveau".
    head = (
        f"<tr><td style='white-space:nowrap'>{_esc(criterion_label(c.criterion, lang))}</td>"
        f"<td align='right' style='white-space:nowrap'>{_points(c.points, lang)}</td>"
        f"<td width='50%'>{_bar(c.points)}</td></tr>"
    )
    reasons = _esc("; ".join(render(r, lang) for r in c.reasons))
    if not reasons:
        return head
    return head + f"<tr><td colspan=3>{f'<i>{reasons}</i>' if c.neutral else reasons}</td></tr>"


def match_html(match: Match, lang: str) -> str:
    """The explanation of one match: score, reasons, warnings and every criterion's points."""
    rows = "".join(
        _criterion_rows(c, lang) for c in sorted(match.contributions, key=lambda c: -c.points)
    )
    signed = [
        (QCoreApplication.translate("MatchView", "Speaks for"), "+", match.reasons_for),
        (QCoreApplication.translate("MatchView", "Speaks against"), "−", match.reasons_against),
    ]
    groups = "".join(
        f"<p><b>{_esc(title)}</b></p><ul>"
        + "".join(f"<li>{mark} {_esc(render(r, lang))}</li>" for r in reasons)
        + "</ul>"
        for title, mark, reasons in signed
        if reasons
    )
    unknown = not_given_text(match, lang)
    if unknown:
        groups += f"<p><i>? {_esc(unknown)}</i></p>"
    warnings = "".join(f"<li><b>! {_esc(render(w, lang))}</b></li>" for w in match.warnings)
    known = ""
    if match.confidence < 1.0:
        inferred = any(r.code.startswith("inferred_") for r in match.reasons)
        sentence = (
            QCoreApplication.translate(
                "MatchView",
                "Judged on %1 % of the weight from its profile; the rest is inferred from its "
                "texts or not given.",
            )
            if inferred
            else QCoreApplication.translate(
                "MatchView", "Judged on %1 % of the weight; the rest is not given."
            )
        )
        known = (
            "<p><i>"
            + _esc(sentence.replace("%1", format_number(100 * match.confidence, 0, lang=lang)))
            + "</i></p>"
        )
    return (
        f"<h2>{match.rank}. {_esc(match.actor_name)} — {_score(match.score, lang)}</h2>"
        f"{known}{groups}"
        f"{'<ul>' + warnings + '</ul>' if warnings else ''}"
        f"<table cellspacing=4 width='100%'>{rows}</table>"
    )


def review_html(review: Review, lang: str) -> str:
    parts = []
    for group in review.groups:
        parts.append(f"<h3>{_esc(review_group_label(group.name, lang))}</h3>")
        if group.note:
            parts.append(f"<p><i>{_esc(render(group.note, lang))}</i></p>")
        if group.matches:
            parts.append(
                "<ol>"
                + "".join(
                    f"<li><b>{_esc(m.actor_name)}</b> ({_score(m.score, lang)}) — "
                    f"{_esc('; '.join(render(r, lang) for r in m.reasons_for[:2]))}</li>"
                    for m in group.matches
                )
                + "</ol>"
            )
        else:
            parts.append("<p>–</p>")
    return "".join(parts)


def consortium_html(proposal: Consortium, vocabulary: Vocabulary, lang: str) -> str:
    def label(item: str) -> str:
        facet, _, code = item.partition(":")
        return vocabulary.label("resource_kinds" if facet == "resource" else "roles", code, lang)

    parts = ["<ol>"]
    for member in proposal.members:
        covers = ", ".join(label(i) for i in member.covers) or "–"
        parts.append(
            f"<li><b>{_esc(member.match.actor_name)}</b> "
            f"({_score(member.match.score, lang)})<br>{_esc(covers)}</li>"
        )
    parts.append("</ol>")
    if proposal.uncovered:
        heading = QCoreApplication.translate("MatchView", "Not covered by anyone:")
        parts.append(
            f"<p><b>{_esc(heading)}</b> "
            + _esc(", ".join(label(i) for i in proposal.uncovered))
            + "</p>"
        )
    return "".join(parts)
