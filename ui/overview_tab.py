"""Overblik: the landscape at a glance — key figures, charts of actors, partnerships (by stage,
and what they achieved: documented effect and evidence level), resources and completeness, and
the coverage of target groups by area with the white spots; a cell or a bar lists the
organisations behind it (never an individual volunteer).

Computed in the background, and only while the tab is shown: a change elsewhere marks it stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.vocabulary import Vocabulary
from mapper.services.overview import ActorRow, AreaLevel, Completeness, Overview
from ui.error_text import describe_error
from ui.locale_format import format_number, substitute
from ui.models.coverage_table import (
    CELL_ROLE,
    WHITE_SPOT_BACKGROUND,
    WHITE_SPOT_MARKER,
    BehindActorsTableModel,
    CoverageTableModel,
)
from ui.models.row_table import ID_ROLE, SORT_ROLE
from ui.operations import run_in_background
from ui.overview_charts import OKABE_ITO, BarChartView


class OverviewLoader(Protocol):
    """OverviewService.overview."""

    def __call__(
        self, municipality_code: str | None = None, *, level: AreaLevel = "municipality"
    ) -> Overview: ...


class ActorsLoader(Protocol):
    """OverviewService.actors_behind."""

    def __call__(
        self,
        *,
        target_group: str | None = None,
        area: str | None = None,
        level: AreaLevel = "municipality",
        kind: str | None = None,
        municipality_code: str | None = None,
    ) -> list[ActorRow]: ...


MunicipalityLister = Callable[[], list[tuple[str, str]]]
"""(code, name) of the landscape's municipalities (LandscapeService.municipalities)."""

BANDS = ("0-24", "25-49", "50-74", "75-99", "100")
MAX_LABEL_CHARS = 34
"""The target group column is at most about this many characters wide."""
FIGURE_SPAN = '<span style="font-size:xx-large; font-weight:600;">'
UNKNOWN_SECTOR = "unknown"
"""The service's sector for an actor kind the vocabulary does not know."""


class OverviewTab(QWidget):
    """The Overblik area of the window."""

    overview_loaded = Signal(object)
    """The ``Overview`` just shown."""
    actors_listed = Signal(int)
    """How many organisations the list below the matrix now shows."""
    actor_requested = Signal(str)
    """An organisation double-clicked (or Enter) in the list: open it in the register."""
    review_requested = Signal()
    """The user asked for Rediger → Gennemgang af data."""

    def __init__(
        self,
        load_overview: OverviewLoader,
        load_actors: ActorsLoader,
        municipalities: MunicipalityLister,
        vocabulary: Vocabulary,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self._load_overview = load_overview
        self._load_actors = load_actors
        self._municipalities = municipalities
        self._vocabulary, self._lang = vocabulary, lang
        self._stale = True
        self._request = 0
        self._actors_request = 0
        self.overview: Overview | None = None
        self.last_error: BaseException | None = None
        self._home: str | None = None
        """The home municipality while it is not yet among the choices (they come with the
        first overview); the user's own choice replaces it."""

        self.coverage_model = CoverageTableModel(vocabulary, lang, self)
        self.coverage_proxy = QSortFilterProxyModel(self)
        self.coverage_proxy.setSourceModel(self.coverage_model)
        self.coverage_proxy.setSortRole(SORT_ROLE)
        self.actors_model = BehindActorsTableModel(vocabulary, lang, self)
        self.actors_proxy = QSortFilterProxyModel(self)
        self.actors_proxy.setSourceModel(self.actors_model)
        self.actors_proxy.setSortRole(SORT_ROLE)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_figures())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("overviewSplitter")
        splitter.addWidget(self._build_charts())
        splitter.addWidget(self._build_coverage())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([540, 720])
        layout.addWidget(splitter, 1)

    # ----------------------------------------------------------------- building

    def _build_filters(self) -> QHBoxLayout:
        self.municipality_combo = QComboBox()
        self.municipality_combo.setObjectName("overviewMunicipality")
        self.municipality_combo.setAccessibleName(self.tr("Municipality"))
        self.municipality_combo.addItem(self.tr("The whole landscape"), None)
        self.municipality_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("overviewLevel")
        self.level_combo.setAccessibleName(self.tr("Areas"))
        self.level_combo.addItem(self.tr("Municipalities"), "municipality")
        self.level_combo.addItem(self.tr("Postcodes"), "postcode")
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setAccessibleName(self.tr("Overview status"))
        row = QHBoxLayout()
        for text, combo in (
            (self.tr("&Municipality:"), self.municipality_combo),
            (self.tr("&Areas:"), self.level_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._filter_changed)
        row.addStretch(1)
        row.addWidget(self.status)
        return row

    def _build_figures(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, caption in (
            ("actors", self.tr("Actors")),
            ("persons", self.tr("of which individual volunteers")),
            ("problems", self.tr("Problem statements")),
            ("partnerships", self.tr("Partnerships")),
            ("white_spots", self.tr("White spots")),
        ):
            label = QLabel()
            label.setObjectName(f"figure_{key}")
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumWidth(120)
            label.setProperty("caption", caption)
            label.setAccessibleName(caption)
            self.figures[key] = label
            row.addWidget(label)
        self._show_figures(None)
        return row

    def _build_charts(self) -> QScrollArea:
        palette = iter(OKABE_ITO)
        self.kind_chart = BarChartView(
            self.tr("Actors by kind"), next(palette), object_name="kindChart"
        )
        self.kind_chart.setToolTip(self.tr("Click a bar to list the organisations of that kind."))
        self.kind_chart.bar_clicked.connect(self.list_kind)
        self.sector_chart = BarChartView(
            self.tr("Actors by sector"), next(palette), object_name="sectorChart"
        )
        self.funnel_chart = BarChartView(
            self.tr("Partnerships by stage"), next(palette), object_name="funnelChart"
        )
        next(palette)  # yellow is too light for bars on white
        self.resource_chart = BarChartView(
            self.tr("Resources offered (hours per month)"),
            next(palette),
            object_name="resourceChart",
        )
        self.funding_label = QLabel()
        self.funding_label.setObjectName("fundingLabel")
        self.funding_label.setWordWrap(True)
        self.completeness_chart = BarChartView(
            self.tr("Profile completeness"),
            next(palette),
            horizontal=False,
            object_name="completenessChart",
        )
        self.evidence_chart = BarChartView(  # shown under the funnel; the palette's purple
            self.tr("Partnerships by evidence level"),
            next(palette),
            object_name="evidenceChart",
        )
        self.effect_label = QLabel()
        self.effect_label.setObjectName("effectLabel")
        self.effect_label.setWordWrap(True)
        self.not_verified_label = QLabel()
        self.not_verified_label.setObjectName("notVerifiedLabel")
        self.not_verified_label.setWordWrap(True)
        self.review_button = QPushButton(self.tr("Data review…"))
        self.review_button.setObjectName("reviewButton")
        self.review_button.setToolTip(self.tr("Edit → Data review…"))
        self.review_button.clicked.connect(self.review_requested)

        # What the partnerships achieved, beside how far they came.
        partnerships = _stack(self.funnel_chart, self.effect_label, self.evidence_chart)
        resources = _stack(self.resource_chart, self.funding_label)
        review_row = QHBoxLayout()
        review_row.addWidget(self.not_verified_label, 1)
        review_row.addWidget(self.review_button)
        completeness = _stack(self.completeness_chart, review_row)

        body = QWidget()
        column = QVBoxLayout(body)
        for part in (
            self.kind_chart,
            self.sector_chart,
            partnerships,
            resources,
            completeness,
        ):
            column.addWidget(part)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("overviewCharts")
        scroll.setAccessibleName(self.tr("Charts"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _build_coverage(self) -> QSplitter:
        heading = QLabel(self.tr("Coverage: actors per target group and area"))
        heading.setObjectName("coverageHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        legend = QLabel(
            substitute(
                self.tr(
                    "%1 = white spot: no actors, or clearly fewer than the area's share. "
                    "Click a cell (or press Enter) to list the organisations."
                ),
                f'<span style="background:{WHITE_SPOT_BACKGROUND.name()};">'
                f"&nbsp;{WHITE_SPOT_MARKER}&nbsp;</span>",
            )
        )
        legend.setObjectName("coverageLegend")
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)
        self.unplaced_label = QLabel()
        self.unplaced_label.setObjectName("unplacedLabel")
        self.unplaced_label.setWordWrap(True)
        self.unplaced_label.hide()
        self.coverage_view = QTableView()
        self.coverage_view.setObjectName("coverageView")
        self.coverage_view.setAccessibleName(self.tr("Coverage of target groups by area"))
        self.coverage_view.setModel(self.coverage_proxy)
        self.coverage_view.setSortingEnabled(True)
        self.coverage_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.coverage_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coverage_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.coverage_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverage_view.verticalHeader().hide()
        self.coverage_view.verticalHeader().setDefaultSectionSize(
            self.coverage_view.fontMetrics().height() + 8
        )
        # Long target group names are cut short (the tooltip has them whole): show_overview.
        self.coverage_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.coverage_view.clicked.connect(self._cell_chosen)
        self.coverage_view.activated.connect(self._cell_chosen)

        self.actors_heading = QLabel()
        self.actors_heading.setObjectName("actorsHeading")
        self.actors_heading.setWordWrap(True)
        self.actors_view = QTableView()
        self.actors_view.setObjectName("behindActorsView")
        self.actors_view.setAccessibleName(self.tr("Organisations behind the chosen figure"))
        self.actors_view.setModel(self.actors_proxy)
        self.actors_view.setSortingEnabled(True)
        self.actors_view.sortByColumn(BehindActorsTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.actors_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actors_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actors_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actors_view.verticalHeader().hide()
        header = self.actors_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BehindActorsTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.actors_view.setWordWrap(False)
        self.actors_view.setToolTip(self.tr("Double-click an organisation to open it"))
        self.actors_view.activated.connect(self._actor_activated)
        self._clear_actors()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("coverageSplitter")
        splitter.addWidget(_stack(heading, legend, self.coverage_view, self.unplaced_label))
        splitter.addWidget(_stack(self.actors_heading, self.actors_view))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 180])
        return splitter

    # ----------------------------------------------------------------- state

    def municipality_code(self) -> str | None:
        data = self.municipality_combo.currentData()
        return str(data) if data else self._home

    def set_home_municipality(self, code: str | None) -> None:
        """The overview starts at the user's own municipality (by its postcodes); the whole
        landscape stays one choice away."""
        index = self.municipality_combo.findData(code) if code else 0
        if index >= 0:
            self._home = None
            self.municipality_combo.setCurrentIndex(index)  # computed again if shown
        else:  # the choices come with the first overview, which is then the home's
            self._home = code
            self._show_level()
            self.invalidate()

    def level(self) -> AreaLevel:
        return "postcode" if self.level_combo.currentData() == "postcode" else "municipality"

    def invalidate(self, _changes: Any = None) -> None:
        """The register changed: compute again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _filter_changed(self) -> None:
        self._home = None  # the user's (or the settings') choice from now on
        self._show_level()
        self.invalidate()

    def _show_level(self) -> None:
        # One municipality is always shown by its postcodes (the service's area_level).
        whole = self.municipality_code() is None
        self.level_combo.setEnabled(whole)
        self.level_combo.setToolTip(
            "" if whole else self.tr("A single municipality is shown by its postcodes.")
        )

    def reload(self) -> None:
        """Compute the overview for the chosen municipality and level in the background."""
        self._stale = False
        self._request += 1
        request = self._request
        code, level = self.municipality_code(), self.level()
        load, municipalities = self._load_overview, self._municipalities
        self.status.setText(self.tr("Calculating…"))

        def work() -> tuple[list[tuple[str, str]], Overview]:
            return municipalities(), load(code, level=level)

        run_in_background(
            self,
            work,
            on_success=lambda result: self._loaded(request, result),
            on_failure=lambda error, _details: self._failed(request, error),
        )

    def _loaded(self, request: int, result: tuple[list[tuple[str, str]], Overview]) -> None:
        if request != self._request:  # the filter changed meanwhile: a newer one is coming
            return
        municipalities, overview = result
        self.last_error = None
        self._set_municipalities(municipalities)
        self.show_overview(overview)
        when = overview.generated_at.astimezone().strftime("%H:%M")
        self.status.setText(substitute(self.tr("Calculated at %1"), when))
        self.overview_loaded.emit(overview)

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.last_error = error
        self.status.setText(
            substitute(self.tr("The overview could not be calculated: %1"), describe_error(error))
        )

    def _set_municipalities(self, municipalities: list[tuple[str, str]]) -> None:
        combo = self.municipality_combo
        current = [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]
        if current == list(municipalities) and self._home is None:
            return
        chosen = self.municipality_code()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for code, name in municipalities:
                combo.addItem(name, code)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            self._home = None
        finally:
            combo.blockSignals(False)
        self._show_level()
        if chosen and combo.findData(chosen) < 0:
            self.invalidate()  # the chosen municipality is gone: show the whole landscape

    # ----------------------------------------------------------------- showing

    def show_overview(self, overview: Overview) -> None:
        """Fill figures, charts and the matrix from an overview (no service call)."""
        self.overview = overview
        self.coverage_model.set_coverage(overview.coverage)
        column = CoverageTableModel.COL_TARGET_GROUP
        # A reset gives every section the header's mode again: the label column's back.
        self.coverage_view.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.Interactive
        )
        self.coverage_view.resizeColumnToContents(column)
        widest = self.coverage_view.fontMetrics().averageCharWidth() * MAX_LABEL_CHARS
        if self.coverage_view.columnWidth(column) > widest:
            self.coverage_view.setColumnWidth(column, widest)
        unplaced = overview.coverage.unplaced
        self.unplaced_label.setVisible(unplaced > 0)
        self.unplaced_label.setText(
            substitute(self.tr("%1 actors have no known area and are not in the matrix."), unplaced)
        )
        self._show_figures(overview)
        label = self._vocabulary.label
        lang = self._lang
        self.kind_chart.set_bars(
            [(c.code, label("actor_kinds", c.code, lang), c.count) for c in overview.by_kind]
        )
        self.sector_chart.set_bars(
            [(c.code, self._sector_label(c.code), c.count) for c in overview.by_sector]
        )
        self.funnel_chart.set_bars(
            [
                (c.code, label("partnership_stages", c.code, lang), c.count)
                for c in overview.funnel.by_stage
            ]
        )
        self.effect_label.setText(
            substitute(
                self.tr("With documented effect: %1 of %2"),
                format_number(overview.funnel.with_effect),
                format_number(overview.partnerships),
            )
        )
        self.evidence_chart.set_bars(
            [
                (c.code, label("evidence_levels", c.code, lang), c.count)
                for c in overview.funnel.by_evidence
            ]
        )
        self.resource_chart.set_bars(
            [
                (r.kind, label("resource_kinds", r.kind, lang), round(r.hours_per_month))
                for r in sorted(overview.resources, key=lambda r: -r.hours_per_month)
                if r.hours_per_month > 0
            ]
        )
        self.funding_label.setText(self._funding_text(overview))
        self._show_completeness(overview.completeness)
        self._clear_actors()

    def _sector_label(self, code: str) -> str:
        if code == UNKNOWN_SECTOR:
            return self.tr("Unknown")
        return self._vocabulary.label("sectors", code, self._lang)

    def _show_figures(self, overview: Overview | None) -> None:
        values = {
            "actors": overview.actors if overview else None,
            "persons": overview.persons if overview else None,
            "problems": overview.problems if overview else None,
            "partnerships": overview.partnerships if overview else None,
            "white_spots": self.coverage_model.white_spots() if overview else None,
        }
        for key, label in self.figures.items():
            value = values[key]
            number = "–" if value is None else format_number(value)
            caption = str(label.property("caption"))
            label.setText(f"{FIGURE_SPAN}{number}</span><br>{caption}")
            label.setAccessibleDescription(f"{caption}: {number}")

    def _funding_text(self, overview: Overview) -> str:
        funding = [r for r in overview.resources if r.amount_dkk > 0]
        if not funding:
            return ""
        amount = sum(r.amount_dkk for r in funding)
        actors = sum(r.actors for r in funding)
        return substitute(
            self.tr("Funding offered: %1 kr. from %2 actors"), format_number(amount), actors
        )

    def _show_completeness(self, completeness: Completeness) -> None:
        counts = {c.code: c.count for c in completeness.bands}
        codes = [*BANDS, *(code for code in counts if code not in BANDS)]
        self.completeness_chart.set_title(
            substitute(
                self.tr("Profile completeness (average %1 %)"),
                format_number(completeness.average * 100),
            )
        )
        self.completeness_chart.set_bars(
            [(code, f"{code.replace('-', '–')} %", counts.get(code, 0)) for code in codes]
        )
        self.not_verified_label.setText(
            substitute(
                self.tr("%1 actors not verified within %2 months"),
                completeness.not_verified,
                completeness.stale_months,
            )
        )

    # ----------------------------------------------------------------- the actors behind

    def _clear_actors(self) -> None:
        self._actors_request += 1
        self.actors_model.set_rows([])
        self.actors_heading.setText(
            self.tr("Click a cell of the matrix or a bar of the kinds to see the organisations.")
        )

    def _cell_chosen(self, index: QModelIndex) -> None:
        key = index.data(CELL_ROLE)
        if not key:
            return
        group, area = key
        title = self.coverage_model.target_group_label(group)
        if area is not None:
            title = substitute(self.tr("%1 in %2"), title, self.coverage_model.area_name(area))
        level = self.coverage_model.level() or self.level()
        self.list_actors(title, target_group=group, area=area, level=level)

    def list_kind(self, kind: str) -> None:
        """The organisations of one actor kind (a bar of the kinds chart)."""
        self.list_actors(self._vocabulary.label("actor_kinds", kind, self._lang), kind=kind)

    def list_actors(self, title: str, **criteria: Any) -> None:
        """Ask the service for the organisations behind a figure and list them below."""
        self._actors_request += 1
        request = self._actors_request
        criteria["municipality_code"] = self.municipality_code()
        load = self._load_actors
        self.actors_heading.setText(substitute(self.tr("Finding the organisations: %1…"), title))
        run_in_background(
            self,
            lambda: load(**criteria),
            on_success=lambda rows: self._actors_loaded(request, title, rows),
            on_failure=lambda error, _details: self._actors_failed(request, error),
        )

    def _actors_loaded(self, request: int, title: str, rows: list[ActorRow]) -> None:
        if request != self._actors_request:
            return
        # The service never lists a person; should one slip through, it is not shown here.
        shown = [r for r in rows if not self._vocabulary.holds_personal_data(r.kind)]
        self.actors_model.set_rows(shown)
        if shown:
            self.actors_heading.setText(
                substitute(self.tr("Organisations: %1 (%2)"), title, len(shown))
            )
        else:
            self.actors_heading.setText(
                substitute(
                    self.tr(
                        "Organisations: %1 — none. Individual volunteers are counted, never listed."
                    ),
                    title,
                )
            )
        self.actors_listed.emit(len(shown))

    def _actors_failed(self, request: int, error: BaseException) -> None:
        if request != self._actors_request:
            return
        self.actors_heading.setText(describe_error(error))

    def _actor_activated(self, index: QModelIndex) -> None:
        actor_id = index.data(ID_ROLE)
        if actor_id:
            self.actor_requested.emit(str(actor_id))

    def listed_names(self) -> list[str]:
        """The organisations listed, in the order shown (tests, accessibility)."""
        column = BehindActorsTableModel.COL_NAME
        return [
            str(self.actors_proxy.index(row, column).data())
            for row in range(self.actors_proxy.rowCount())
        ]


def _stack(*parts: QWidget | QHBoxLayout) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, (QTableView, BarChartView)) else 0)
        else:
            layout.addLayout(part)
    return box
