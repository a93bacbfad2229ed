"""Kort: the public partner map inside the application and the actor chosen on it, a problem
statement's map (its place, its distance ring and its best-ranked partners), or the coverage
map (Dækning) of one target group with its white spots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mapper.geo.reference import municipality_name
from mapper.services.coverage_map import CoverageMap, CoverageMapService
from mapper.services.maps import MapService, PartnerMapData
from ui.map_view import MapView
from ui.operations import run_in_background

PARTNERS, PROBLEM, COVERAGE = "partners", "problem", "coverage"
PROBLEM_TOP = 15
"""Partners drawn on a problem's map unless the user asks for another number (as Match)."""
COVERAGE_FILE = "daekningskort.html"


class MapTab(QSplitter):
    """Builds the map in the background when first shown, and again after changes that move
    markers or shapes (``invalidate``) or when the mode or target group changes."""

    failed = Signal(object, str)
    """(error, details) when the map could not be built or exported."""
    coverage_exported = Signal(str)
    """The path of a coverage map file once it is written."""

    def __init__(
        self,
        maps: MapService,
        lang: str,
        selected_actor: Callable[[], str | None],
        parent: QWidget | None = None,
        *,
        coverage: CoverageMapService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapTab")
        self._maps = maps
        # Until the composition root hands the tab its own, the coverage service shares the
        # partner map's database and vocabulary.
        self._coverage = coverage or CoverageMapService(maps.database, maps.vocabulary)
        self._lang = lang
        self._selected_actor = selected_actor
        self.loaded = False
        """A map has been built (or is being built) since the last change."""
        self._generation = 0
        self.coverage_data: CoverageMap | None = None
        """The coverage map on screen (what the export writes)."""

        self.partners_button = QPushButton(self.tr("Partners"))
        self.problem_button = QPushButton(self.tr("Problem statement"))
        self.coverage_button = QPushButton(self.tr("Coverage"))
        self.mode = QButtonGroup(self)
        for button in (self.partners_button, self.problem_button, self.coverage_button):
            button.setCheckable(True)
            self.mode.addButton(button)
        self.partners_button.setChecked(True)
        self.partners_button.setObjectName("mapModePartners")
        self.coverage_button.setObjectName("mapModeCoverage")
        self.problem_button.setObjectName("mapModeProblem")
        self.problem_button.setToolTip(
            self.tr("A problem statement's place, its distance limit and its best partners")
        )
        self.problem_combo = QComboBox()
        self.problem_combo.setObjectName("mapProblem")
        self.problem_combo.setAccessibleName(self.tr("Problem statement shown on the map"))
        self.problem_label = QLabel(self.tr("Problem statement"))
        self.problem_label.setBuddy(self.problem_combo)
        self.problem_top = QSpinBox()
        self.problem_top.setObjectName("mapProblemTop")
        self.problem_top.setRange(1, 500)
        self.problem_top.setValue(PROBLEM_TOP)
        self.problem_top.setAccessibleName(self.tr("Number of partners on the map"))
        self.problem_top.setToolTip(self.tr("How many of the best-ranked partners are drawn"))
        self.problem_button.setEnabled(False)
        self.partners_button.setToolTip(self.tr("The public partner map: one marker per actor"))
        self.coverage_button.setToolTip(
            self.tr("Actors of a target group per municipality, with the white spots")
        )
        self.target_group = QComboBox()
        self.target_group.setObjectName("coverageTargetGroup")
        self.target_group.setAccessibleName(self.tr("Target group"))
        self.target_group.addItem(self.tr("All target groups"), None)
        for term in maps.vocabulary.terms("target_groups"):
            self.target_group.addItem(term.label(lang), term.code)
        self.target_group_label = QLabel(self.tr("Target group"))
        self.target_group_label.setBuddy(self.target_group)
        self.area_combo = QComboBox()
        self.area_combo.setObjectName("mapArea")
        self.area_combo.setAccessibleName(self.tr("Area of the partner map"))
        self.area_combo.setToolTip(
            self.tr("Your own municipality (Settings), or every actor of the landscape")
        )
        self.area_combo.addItem(self.tr("Whole landscape"), None)
        self.export_button = QPushButton(self.tr("Export coverage map…"))
        self.export_button.setObjectName("exportCoverage")
        self.export_button.setEnabled(False)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 4)
        bar.addWidget(self.partners_button)
        bar.addWidget(self.problem_button)
        bar.addWidget(self.coverage_button)
        bar.addSpacing(12)
        bar.addWidget(self.area_combo)
        bar.addWidget(self.problem_label)
        bar.addWidget(self.problem_combo, 1)
        bar.addWidget(self.problem_top)
        bar.addWidget(self.target_group_label)
        bar.addWidget(self.target_group, 1)
        bar.addWidget(self.export_button)
        bar.addStretch()

        self.map_view = MapView()
        self.map_view.setMinimumWidth(320)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.map_view, 1)
        self.map_detail = QTextBrowser()
        self.map_detail.setObjectName("mapDetail")
        self.map_detail.setAccessibleName(self.tr("Details of the actor chosen on the map"))
        self.map_detail.setPlaceholderText(self.tr("Click a marker to see the actor."))
        self.addWidget(side)
        self.addWidget(self.map_detail)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 1)
        # A web view has no useful size hint: give the map the room from the start.
        self.setSizes([880, 320])

        self._show_controls()
        self.mode.buttonToggled.connect(self._mode_toggled)
        self.target_group.currentIndexChanged.connect(lambda _i: self._coverage_changed())
        self.area_combo.currentIndexChanged.connect(lambda _i: self._area_changed())
        self.problem_combo.currentIndexChanged.connect(lambda _i: self._problem_changed())
        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.setInterval(300)
        self._problem_timer.timeout.connect(self._problem_changed)
        self.problem_top.valueChanged.connect(lambda _v: self._problem_timer.start())
        self.export_button.clicked.connect(lambda: self.export_coverage())

    @property
    def showing(self) -> str:
        """'partners', 'problem' or 'coverage': the mode chosen."""
        if self.coverage_button.isChecked():
            return COVERAGE
        return PROBLEM if self.problem_button.isChecked() else PARTNERS

    def set_mode(self, mode: str, target_group: str | None = None) -> None:
        """Show the partner map, the chosen problem statement's map, or the coverage map of
        ``target_group`` (None: any)."""
        if mode == COVERAGE:
            self.target_group.setCurrentIndex(max(0, self.target_group.findData(target_group)))
        if mode == PROBLEM and not self.problem_button.isEnabled():
            mode = PARTNERS
        button = {COVERAGE: self.coverage_button, PROBLEM: self.problem_button}
        button.get(mode, self.partners_button).setChecked(True)

    def set_home_municipality(self, code: str | None) -> None:
        """The partner map starts at the user's own municipality (its actors and outline: the
        page fits its view to them); "Whole landscape" keeps every actor one choice away."""
        self.area_combo.blockSignals(True)
        while self.area_combo.count() > 1:
            self.area_combo.removeItem(1)
        if code:
            name = municipality_name(code) or code
            self.area_combo.addItem(self.tr("%1 municipality").replace("%1", name), code)
            self.area_combo.setCurrentIndex(1)
        self.area_combo.blockSignals(False)
        self._show_controls()
        self._area_changed()

    def set_problems(self, problems: list[tuple[str, str]], preferred: str | None = None) -> None:
        """The problem statements a problem map can show: (id, title), the matchable ones.
        The one shown stays chosen while it is among them; with none chosen yet, the
        ``preferred`` one (else the first)."""
        current = self.problem_combo.currentData() or preferred
        self.problem_combo.blockSignals(True)
        self.problem_combo.clear()
        for problem_id, title in problems:
            self.problem_combo.addItem(title, problem_id)
        self.problem_combo.setCurrentIndex(max(0, self.problem_combo.findData(current)))
        self.problem_combo.blockSignals(False)
        self.problem_button.setEnabled(bool(problems))
        if self.showing == PROBLEM:
            if not problems:
                self.partners_button.setChecked(True)
            elif self.problem_combo.currentData() != current:
                self._problem_changed()

    def show_problem(self, problem_id: str, top: int | None = None) -> bool:
        """Switch to the map of ``problem_id`` with its ``top`` best partners (as chosen
        before when None); False when it is not among the choices."""
        index = self.problem_combo.findData(problem_id)
        if index < 0:
            return False
        for widget in (self.problem_combo, self.problem_top):
            widget.blockSignals(True)
        self.problem_combo.setCurrentIndex(index)
        if top is not None:
            self.problem_top.setValue(top)
        for widget in (self.problem_combo, self.problem_top):
            widget.blockSignals(False)
        if self.showing == PROBLEM:
            self._problem_changed()
        else:
            self.problem_button.setChecked(True)
        return True

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.load_map()

    def invalidate(self) -> None:
        """Markers or shapes changed: rebuild now if the map is on screen, else when shown."""
        if not self.loaded:
            return
        self.loaded = False
        if self.isVisible():
            self.load_map()

    def load_map(self) -> None:
        """Build the map of the chosen mode in the background and show it."""
        if not self.map_view.available:
            return
        self.loaded = True
        self._generation += 1
        if self.showing == COVERAGE:
            self._load_coverage(self._generation)
        elif self.showing == PROBLEM:
            self._load_problem(self._generation)
        else:
            self._load_partners(self._generation)

    def _load_partners(self, generation: int) -> None:
        maps, title = self._maps, self.tr("Partner map")

        area = self.area_combo.currentData()

        def build() -> PartnerMapData:
            if area:  # the municipality's actors and shapes: the page fits its view to them
                shapes = maps.boundaries_for("municipality", area)
                return maps.partner_map(
                    scope="municipality", value=area, title=title, boundaries=shapes
                )
            return maps.partner_map(title=title, boundaries=maps.boundaries_for())

        def show(data: Any) -> None:
            if generation != self._generation:  # a later build supersedes this one
                return
            self.map_view.show_map(data, self._lang)
            actor_id = self._selected_actor()
            if actor_id:
                self.map_view.select_actor(actor_id)

        run_in_background(self, build, on_success=show, on_failure=self._failed)

    def _load_problem(self, generation: int) -> None:
        maps, problem_id = self._maps, self.problem_combo.currentData()
        top = self.problem_top.value()
        if not problem_id:
            self.loaded = False
            return

        def build() -> PartnerMapData:
            return maps.partner_map(
                scope=PROBLEM, value=problem_id, top=top, boundaries=maps.boundaries_for()
            )

        def show(data: Any) -> None:
            if generation == self._generation:
                self.map_view.show_map(data, self._lang)

        run_in_background(self, build, on_success=show, on_failure=self._failed)

    def _load_coverage(self, generation: int) -> None:
        service, group = self._coverage, self.target_group.currentData()
        self.coverage_data = None
        self.export_button.setEnabled(False)

        def build() -> CoverageMap:
            return service.coverage_map(group)

        def show(data: Any) -> None:
            if generation != self._generation:
                return
            self.coverage_data = data
            self.export_button.setEnabled(True)
            self.map_view.show_coverage(data, self._lang)

        run_in_background(self, build, on_success=show, on_failure=self._failed)

    def _failed(self, error: BaseException, details: str) -> None:
        self.loaded = False
        self.failed.emit(error, details)

    def _mode_toggled(self, button: Any, checked: bool) -> None:
        if not checked:
            return
        self._show_controls()
        self.map_detail.setVisible(self.showing != COVERAGE)
        if self.showing == PROBLEM:
            self.map_detail.clear()  # the actor shown may not be on the problem's map
        self.loaded = False
        self.load_map()

    def _coverage_changed(self) -> None:
        if self.showing == COVERAGE:
            self.loaded = False
            self.load_map()

    def _area_changed(self) -> None:
        if self.showing == PARTNERS:
            self.invalidate()

    def _problem_changed(self) -> None:
        if self.showing == PROBLEM:
            self.map_detail.clear()  # the actor shown may not be on the new map
            self.loaded = False
            self.load_map()

    def _show_controls(self) -> None:
        coverage, problem = self.showing == COVERAGE, self.showing == PROBLEM
        shown: list[tuple[QWidget, bool]] = [
            (self.area_combo, self.showing == PARTNERS and self.area_combo.count() > 1),
            (self.target_group_label, coverage),
            (self.target_group, coverage),
            (self.export_button, coverage),
            (self.problem_label, problem),
            (self.problem_combo, problem),
            (self.problem_top, problem),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)

    def export_coverage(self, path: str | None = None) -> None:
        """Write the coverage map on screen to ``path`` (asked for when None): the file
        `mapper export coverage` writes."""
        data = self.coverage_data
        if data is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export coverage map"),
                str(Path.home() / COVERAGE_FILE),
                self.tr("Web pages (*.html)"),
            )
            if not path:
                return
            path = path if path.endswith(".html") else f"{path}.html"
        lang, target = self._lang, path

        def write() -> str:
            from exports.coverage_map import write_coverage_map

            write_coverage_map(data, target, lang=lang)
            return target

        run_in_background(
            self,
            write,
            on_success=self.coverage_exported.emit,
            on_failure=lambda error, details: self.failed.emit(error, details),
        )

    def show_actor(self, actor_id: str, html_text: str) -> None:
        """The actor selected in the register: its profile beside the map, the map pans to it."""
        self.map_detail.setHtml(html_text)
        if self.loaded:
            self.map_view.select_actor(actor_id)
