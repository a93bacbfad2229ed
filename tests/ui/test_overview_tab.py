"""The Overblik tab: its models without widgets, the tab over overviews built by hand (no
database), and the tab in the window over the demo landscape with the real service."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mapper.domain.changes import Changes
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.overview import (
    ActorRow,
    AreaLevel,
    Completeness,
    Count,
    Coverage,
    CoverageCell,
    Funnel,
    Overview,
    OverviewService,
    ResourceSum,
)
from mapper.services.partnerships import PartnershipService
from tests.conftest import MakeDatabase
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_main_window
from ui.models.coverage_table import (
    CELL_ROLE,
    WHITE_SPOT_BACKGROUND,
    WHITE_SPOT_ROLE,
    BehindActorsTableModel,
    CoverageTableModel,
)
from ui.models.row_table import ID_ROLE, SORT_ROLE
from ui.overview_tab import OverviewTab
from ui.privacy_review_dialog import PrivacyReviewDialog

CONTEXTS = (
    "OverviewTab",
    "CoverageTableModel",
    "BehindActorsTableModel",
    "MainWindow",
    "WindowActions",
)
ESBJERG, VARDE = "0561", "0573"
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def coverage(level: AreaLevel = "municipality") -> Coverage:
    """Esbjerg has the lonely elderly covered; Varde has none of them: a white spot."""
    return Coverage(
        level=level,
        areas=(ESBJERG, VARDE),
        area_names={ESBJERG: "Esbjerg", VARDE: "Varde"},
        target_groups=("elderly_lonely", "youth_vulnerable"),
        cells=(
            CoverageCell("elderly_lonely", ESBJERG, 4, 2.8, False),
            CoverageCell("elderly_lonely", VARDE, 0, 1.2, True),
            CoverageCell("youth_vulnerable", ESBJERG, 2, 1.9, False),
            CoverageCell("youth_vulnerable", VARDE, 1, 3.2, True),
        ),
    )


def overview(municipality_code: str | None = None, level: AreaLevel = "municipality") -> Overview:
    return Overview(
        municipality_code=municipality_code,
        generated_at=NOW,
        actors=9,
        persons=2,
        problems=3,
        partnerships=4,
        by_kind=(Count("local_association", 5), Count("volunteer_person", 2), Count("company", 2)),
        by_sector=(Count("third", 7), Count("private", 2)),
        by_area=(Count(ESBJERG, 6), Count(VARDE, 3)),
        coverage=coverage(level),
        resources=(
            ResourceSum("volunteer_hours", 4, 120.0, 0.0),
            ResourceSum("funding", 1, 0.0, 250_000.0),
        ),
        completeness=Completeness(
            bands=(Count("0-24", 1), Count("50-74", 5), Count("100", 3)),
            average=0.64,
            not_verified=6,
            stale_months=24,
        ),
        funnel=Funnel(
            by_stage=(Count("proposed", 2), Count("active", 1), Count("ended", 1)),
            by_type=(Count("ad_hoc", 4),),
            success_factors=(),
            with_effect=1,
            by_evidence=(Count("rct", 0), Count("case_study", 1), Count("none", 1)),
        ),
    )


CLUB = ActorRow("a-club", "Seniorklubben Varde", "local_association", VARDE, "Varde")
PERSON = ActorRow("a-person", "Hanne Hansen", "volunteer_person", VARDE, "Varde")


@dataclass
class FakeService:
    """Stands in for OverviewService: records the calls, answers from hand-built figures."""

    calls: list[tuple[str | None, AreaLevel]] = field(default_factory=list)
    actor_calls: list[dict[str, Any]] = field(default_factory=list)
    rows: list[ActorRow] = field(default_factory=lambda: [CLUB])

    def overview(
        self, municipality_code: str | None = None, *, level: AreaLevel = "municipality"
    ) -> Overview:
        self.calls.append((municipality_code, level))
        return overview(municipality_code, level)

    def actors_behind(self, **criteria: Any) -> list[ActorRow]:
        self.actor_calls.append(criteria)
        return list(self.rows)

    @staticmethod
    def municipalities() -> list[tuple[str, str]]:
        return [(ESBJERG, "Esbjerg"), (VARDE, "Varde")]


@pytest.fixture
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture
def translator() -> Iterator[RecordingDanish]:
    with danish(*CONTEXTS) as found:
        yield found
    assert found.missing == set()  # every string of ours has its Danish


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


@pytest.fixture
def tab(
    qtbot: QtBot, fake: FakeService, vocabulary: Vocabulary, translator: RecordingDanish
) -> OverviewTab:
    widget = OverviewTab(fake.overview, fake.actors_behind, fake.municipalities, vocabulary, "da")
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    with qtbot.waitSignal(widget.overview_loaded, timeout=5000):
        widget.show()
    return widget


# --------------------------------------------------------------------------- models


def test_coverage_model_marks_white_spots(
    qtmodeltester: Any, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    model = CoverageTableModel(vocabulary, "da")
    model.set_coverage(coverage())
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Esbjerg"
    assert model.index(0, model.COL_TARGET_GROUP).data() == "Ensomme ældre"
    assert model.index(0, model.COL_TOTAL).data(SORT_ROLE) == 4

    spot = model.index(0, model.FIRST_AREA + 1)  # lonely elderly in Varde
    assert spot.data(WHITE_SPOT_ROLE) is True
    assert spot.data(Qt.ItemDataRole.BackgroundRole).color() == WHITE_SPOT_BACKGROUND
    assert spot.data(Qt.ItemDataRole.ToolTipRole) == "Hvid plet: 0 aktører (forventet 1,2)"
    assert "0" in spot.data() and spot.data() != "0"  # a marker, not colour alone
    assert spot.data(CELL_ROLE) == ("elderly_lonely", VARDE)
    assert spot.data(SORT_ROLE) == 0

    one = model.index(1, model.FIRST_AREA + 1)
    assert one.data(Qt.ItemDataRole.ToolTipRole) == "Hvid plet: 1 aktør (forventet 3,2)"
    covered = model.index(0, model.FIRST_AREA)
    assert covered.data(WHITE_SPOT_ROLE) is False
    assert covered.data(Qt.ItemDataRole.BackgroundRole) is None
    assert covered.data() == "4"
    assert covered.data(Qt.ItemDataRole.ToolTipRole) == "4 aktører (forventet 2,8)"
    assert model.white_spots() == 2


def test_postcode_areas_are_headed_with_their_towns(vocabulary: Vocabulary) -> None:
    model = CoverageTableModel(vocabulary, "da")
    model.set_coverage(
        Coverage(
            level="postcode",
            areas=("6700", "9999"),
            area_names={"6700": "Esbjerg", "9999": "9999"},
            target_groups=("homeless",),
            cells=(
                CoverageCell("homeless", "6700", 2, 1.0, False),
                CoverageCell("homeless", "9999", 0, 1.0, True),
            ),
        )
    )
    assert model.headerData(model.FIRST_AREA, Qt.Orientation.Horizontal) == "6700 Esbjerg"
    assert model.headerData(model.FIRST_AREA + 1, Qt.Orientation.Horizontal) == "9999"
    assert model.level() == "postcode"


def test_coverage_model_is_empty_without_coverage(
    qtmodeltester: Any, vocabulary: Vocabulary
) -> None:
    model = CoverageTableModel(vocabulary, "da")
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    model.set_coverage(coverage())
    model.set_coverage(None)
    assert model.rowCount() == 0


def test_behind_actors_model_shows_kind_and_place(
    qtmodeltester: Any, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    model = BehindActorsTableModel(vocabulary, "da")
    nameless_place = ActorRow("a-2", "Fonden", "foundation", ESBJERG, None)
    model.set_rows([CLUB, nameless_place])
    qtmodeltester.check(model)
    assert model.index(0, model.COL_KIND).data() == "Lokal forening"
    assert model.index(0, model.COL_PLACE).data() == "Varde"
    assert model.index(1, model.COL_PLACE).data() == "Esbjerg"  # the municipality's name
    assert model.index(1, 0).data(ID_ROLE) == "a-2"
    assert model.headerData(model.COL_PLACE, Qt.Orientation.Horizontal) == "Sted"


# --------------------------------------------------------------------------- the tab


def test_tab_shows_figures_and_charts_in_danish(tab: OverviewTab) -> None:
    assert "9" in tab.figures["actors"].text()
    assert "Aktører" in tab.figures["actors"].text()
    assert tab.figures["white_spots"].accessibleDescription() == "Hvide pletter: 2"
    assert tab.kind_chart.bars()[0] == ("Lokal forening", 5.0)
    assert tab.kind_chart.accessibleName() == "Aktører efter type"
    assert "Lokal forening: 5" in tab.kind_chart.accessibleDescription()
    # The funnel keeps the workflow order the service gives.
    assert [label for label, _ in tab.funnel_chart.bars()] == [
        "Foreslået match",
        "Aktivt samarbejde",
        "Afsluttet",
    ]
    assert tab.effect_label.text() == "Med dokumenteret effekt: 1 af 4"
    assert tab.evidence_chart.bars() == [
        ("Lodtrækningsforsøg", 0.0),
        ("Casestudie", 1.0),
        ("Ikke dokumenteret", 1.0),
    ]
    assert tab.evidence_chart.accessibleName() == "Partnerskaber efter evidensniveau"
    assert tab.resource_chart.bars() == [("Frivillige kræfter og frivilligtimer", 120.0)]
    assert tab.funding_label.text() == "Tilbudt finansiering: 250.000 kr. fra 1 aktører"
    # Every band is shown, the empty ones as zero.
    assert [v for _, v in tab.completeness_chart.bars()] == [1, 0, 5, 0, 3]
    assert "64 %" in tab.completeness_chart.accessibleName()
    assert tab.not_verified_label.text() == "6 aktører ikke verificeret inden for 24 måneder"
    assert [tab.municipality_combo.itemText(i) for i in range(tab.municipality_combo.count())] == [
        "Hele landskabet",
        "Esbjerg",
        "Varde",
    ]


def test_clicking_a_white_spot_lists_its_organisations_never_a_person(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    fake.rows = [CLUB, PERSON]
    view = tab.coverage_view
    index = tab.coverage_proxy.index(0, CoverageTableModel.FIRST_AREA + 1)
    with qtbot.waitSignal(tab.actors_listed, timeout=5000) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert blocker.args == [1]
    assert fake.actor_calls[-1] == {
        "target_group": "elderly_lonely",
        "area": VARDE,
        "level": "municipality",
        "municipality_code": None,
    }
    assert tab.listed_names() == ["Seniorklubben Varde"]
    assert "Ensomme ældre i Varde" in tab.actors_heading.text()


def test_enter_on_a_row_label_lists_the_target_group_everywhere(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    view = tab.coverage_view
    view.setFocus()
    view.setCurrentIndex(tab.coverage_proxy.index(1, CoverageTableModel.COL_TARGET_GROUP))
    with qtbot.waitSignal(tab.actors_listed, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert fake.actor_calls[-1]["target_group"] == "youth_vulnerable"
    assert fake.actor_calls[-1]["area"] is None


def test_a_bar_of_the_kinds_lists_that_kind(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    fake.rows = [PERSON]
    with qtbot.waitSignal(tab.actors_listed, timeout=5000) as blocker:
        tab.kind_chart.bar_clicked.emit("volunteer_person")
    assert blocker.args == [0]
    assert fake.actor_calls[-1]["kind"] == "volunteer_person"
    assert tab.listed_names() == []
    assert "aldrig" in tab.actors_heading.text()  # counted, never listed


def test_changing_the_filters_computes_again(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    assert fake.calls == [(None, "municipality")]
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000) as blocker:
        tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(VARDE))
    assert blocker.args[0].municipality_code == VARDE
    assert not tab.level_combo.isEnabled()  # one municipality is shown by its postcodes
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000):
        tab.level_combo.setCurrentIndex(tab.level_combo.findData("postcode"))
    assert fake.calls[-1] == (VARDE, "postcode")
    # The list asks within the chosen municipality.
    with qtbot.waitSignal(tab.actors_listed, timeout=5000):
        tab.list_kind("local_association")
    assert fake.actor_calls[-1]["municipality_code"] == VARDE


def test_changes_while_hidden_wait_until_shown(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    tab.hide()
    tab.invalidate(object())
    assert len(fake.calls) == 1
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000):
        tab.show()
    assert len(fake.calls) == 2
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000):
        tab.invalidate(object())  # shown: at once


def test_double_clicking_an_organisation_requests_it(tab: OverviewTab, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tab.actors_listed, timeout=5000):
        tab.list_kind("local_association")
    view = tab.actors_view
    center = view.visualRect(tab.actors_proxy.index(0, BehindActorsTableModel.COL_NAME)).center()
    # A double-click is a press, a release and a second press (the view checks the first).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    with qtbot.waitSignal(tab.actor_requested, timeout=5000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == ["a-club"]


def test_a_failing_service_is_said_in_the_status(
    qtbot: QtBot, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    def broken(
        municipality_code: str | None = None, *, level: AreaLevel = "municipality"
    ) -> Overview:
        raise RuntimeError("boom")

    widget = OverviewTab(
        broken, FakeService().actors_behind, FakeService.municipalities, vocabulary, "da"
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.last_error is not None, timeout=5000)
    assert widget.status.text().startswith("Overblikket kunne ikke beregnes")
    assert widget.overview is None


def test_review_button_asks_for_the_data_review(tab: OverviewTab, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tab.review_requested, timeout=1000):
        qtbot.mouseClick(tab.review_button, Qt.MouseButton.LeftButton)


def test_a_municipality_gone_from_the_landscape_falls_back_to_all(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000):
        tab.municipality_combo.setCurrentIndex(tab.municipality_combo.findData(VARDE))
    monkeypatch.setattr(fake, "municipalities", lambda: [(ESBJERG, "Esbjerg")])
    tab._municipalities = fake.municipalities
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000) as blocker:
        tab.invalidate()
    qtbot.waitUntil(lambda: fake.calls[-1][0] is None, timeout=5000)
    assert tab.municipality_code() is None
    assert blocker.args  # the first answer was for Varde; the next one is for everything


def test_what_the_partnerships_achieved_is_shown_from_the_real_service(
    qtbot: QtBot, make_database: MakeDatabase, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    """The demo's partnerships, three of them with their effect and evidence documented."""
    database = open_database(make_database("achieved"))
    try:
        landscape = LandscapeService(database)
        landscape.load_demo()
        partnerships = PartnershipService(database)
        documented = {
            ("aar-p-urk-laering-for-livet", "aar-kpmg"): ("Flere i uddannelse", "cohort"),
            ("brh-p-aeldre-hjaelper-aeldre", "brh-aeldre-hjaelper-aeldre"): (
                "Færre ensomme ifølge deltagerne",
                "case_study",
            ),
            ("odn-p-sommer-dagsture-2025", "odn-spejdergruppen-aadalen"): (
                "Børnene kom igen",
                "case_study",
            ),
            ("htk-p-a-holdet", "htk-akb-taastrupgaard"): (None, "none"),
        }
        for key, (effect, level) in documented.items():
            partnerships.update(
                *key,
                effect=effect,
                evidence_level=level,
                expected_version=partnerships.get(*key).version,
            )
        service = OverviewService(database, vocabulary)
        widget = OverviewTab(
            service.overview, service.actors_behind, landscape.municipalities, vocabulary, "da"
        )
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.overview_loaded, timeout=10_000) as blocker:
            widget.show()
    finally:
        database.close()
    total = blocker.args[0].partnerships
    assert total == len(partnerships_of_the_demo())
    assert widget.effect_label.text() == f"Med dokumenteret effekt: 3 af {total}"
    # Every step of the ladder, in its order, the empty ones as zero.
    assert widget.evidence_chart.bars() == [
        ("Systematisk forskningsoversigt", 0.0),
        ("Lodtrækningsforsøg", 0.0),
        ("Kohorte- eller panelstudie", 1.0),
        ("Matchet kontrolgruppe", 0.0),
        ("Benchmarking", 0.0),
        ("Ekspertvurdering", 0.0),
        ("Casestudie", 2.0),
        ("Ikke dokumenteret", 1.0),
    ]
    assert "Casestudie: 2" in widget.evidence_chart.accessibleDescription()


def partnerships_of_the_demo() -> list[object]:
    demo = Path(__file__).resolve().parents[2] / "data" / "demo_landscape.json"
    return list(json.loads(demo.read_text("utf-8"))["partnerships"])


# --------------------------------------------------------------------------- in the window


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    path = str(tmp_path / "demo.sqlite")
    database = open_database(path)
    try:
        LandscapeService(database).load_demo()
    finally:
        database.close()
    return path


def test_the_window_shows_the_demo_overview_from_the_real_service(
    qtbot: QtBot, demo_db: str, translator: RecordingDanish
) -> None:
    window = build_main_window(demo_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded, timeout=10_000):
        window.show()
    tab = window.overview_tab
    assert window.tabs.tabText(window.tabs.count() - 1) == "Overblik"
    action = window.area_actions[-1]
    assert action.shortcut().toString() == "Ctrl+6"
    with qtbot.waitSignal(tab.overview_loaded, timeout=20_000) as blocker:
        action.trigger()
    assert window.tabs.currentWidget() is tab
    shown = blocker.args[0]
    expected = window.context.overview.overview()
    assert (shown.actors, shown.persons, shown.problems) == (
        expected.actors,
        expected.persons,
        expected.problems,
    )
    assert f">{shown.actors}<" in tab.figures["actors"].text()

    # A white spot of the demo lists its organisations; never an individual volunteer.
    model = tab.coverage_model
    spots = [
        (row, column)
        for row in range(model.rowCount())
        for column in range(model.FIRST_AREA, model.columnCount())
        if model.index(row, column).data(WHITE_SPOT_ROLE)
    ]
    assert spots
    view = tab.coverage_view
    total = tab.coverage_proxy.mapFromSource(model.index(spots[0][0], model.COL_TOTAL))
    view.setCurrentIndex(total)
    with qtbot.waitSignal(tab.actors_listed, timeout=10_000) as listed:
        view.activated.emit(total)
    assert listed.args[0] > 0
    persons = {a.id for a in window.context.landscape.list_actors() if a.kind == "volunteer_person"}
    listed_ids = {r.actor_id for r in tab.actors_model.rows()}
    assert listed_ids and not listed_ids & persons

    # An organisation double-clicked opens in the register.
    first = tab.actors_proxy.index(0, BehindActorsTableModel.COL_NAME)
    with qtbot.waitSignal(tab.actor_requested, timeout=5000) as requested:
        tab.actors_view.activated.emit(first)
    assert window.tabs.currentWidget() is window.landscape_tab
    assert window.selected_actor_id() == requested.args[0]

    # A change while the tab is hidden is computed when it is shown again.
    window.changes.announce(Changes.of_actors([requested.args[0]]))
    with qtbot.waitSignal(tab.overview_loaded, timeout=20_000):
        window.tabs.setCurrentWidget(tab)

    # Gennemgang af data from the overview.
    tab.review_button.click()
    dialog = window.findChild(PrivacyReviewDialog)
    assert isinstance(dialog, PrivacyReviewDialog)
    # Not given to qtbot: it deletes itself on close, and a second close by qtbot raced that.
    dialog.close()


def unshown_tab(qtbot: QtBot, fake: FakeService, vocabulary: Vocabulary) -> OverviewTab:
    widget = OverviewTab(fake.overview, fake.actors_behind, fake.municipalities, vocabulary, "da")
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def test_the_overview_starts_at_the_home_municipality(
    qtbot: QtBot, fake: FakeService, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    widget = unshown_tab(qtbot, fake, vocabulary)
    widget.set_home_municipality(VARDE)  # at start: the choices are not known yet
    with qtbot.waitSignal(widget.overview_loaded, timeout=5000) as blocker:
        widget.show()
    # Computed once, for the home municipality (not first for the whole landscape).
    assert fake.calls == [(VARDE, "municipality")]
    assert blocker.args[0].municipality_code == VARDE
    assert widget.municipality_combo.currentData() == VARDE
    assert not widget.level_combo.isEnabled()  # one municipality: by its postcodes
    # The whole landscape is one choice away, and stays chosen.
    with qtbot.waitSignal(widget.overview_loaded, timeout=5000):
        widget.municipality_combo.setCurrentIndex(0)
    assert fake.calls[-1] == (None, "municipality")
    with qtbot.waitSignal(widget.overview_loaded, timeout=5000):
        widget.invalidate()
    assert fake.calls[-1] == (None, "municipality") and widget.municipality_code() is None


def test_a_home_municipality_chosen_later_is_shown_at_once(
    tab: OverviewTab, fake: FakeService, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(tab.overview_loaded, timeout=5000) as blocker:
        tab.set_home_municipality(ESBJERG)  # Indstillinger → Kommune
    assert blocker.args[0].municipality_code == ESBJERG
    assert tab.municipality_combo.currentData() == ESBJERG


def test_a_home_municipality_without_actors_shows_the_whole_landscape(
    qtbot: QtBot, fake: FakeService, vocabulary: Vocabulary, translator: RecordingDanish
) -> None:
    widget = unshown_tab(qtbot, fake, vocabulary)
    widget.set_home_municipality("0101")  # not among the municipalities with actors
    widget.show()
    qtbot.waitUntil(
        lambda: widget.overview is not None and widget.overview.municipality_code is None,
        timeout=5000,
    )
    assert fake.calls == [("0101", "municipality"), (None, "municipality")]
    assert widget.municipality_combo.currentIndex() == 0 and widget.level_combo.isEnabled()
