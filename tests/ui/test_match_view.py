"""Matching in the desktop application: rank, read the breakdown, re-weight, propose."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.match_view import MatchTableModel, MatchView
from ui.models.row_table import ID_ROLE

PATRICIA = "esb-p-patriciahuset-brobygning"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    w = build_main_window(str(tmp_path / "match.sqlite"), demo_if_empty=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.problem_model.rowCount() > 0, timeout=10_000)
    return w


def test_find_partners_ranks_and_explains(window: MainWindow, qtbot: QtBot) -> None:
    row = next(
        r
        for r in range(window.problem_proxy.rowCount())
        if window.problem_proxy.index(r, 0).data(ID_ROLE) == PATRICIA
    )
    window.problem_view.selectRow(row)
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000) as blocker:
        qtbot.mouseClick(window.find_partners_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] >= 1
    assert window.tabs.currentIndex() == window.match_tab_index
    view = window.match_view
    first = view.model.row_at(0)
    assert first.actor_id == "esb-sammen-om-sindet"
    text = view.explanation.toPlainText()
    assert "Sammen om Sindet Esbjerg" in text
    assert "Arbejder med psykisk sårbare og psykisk syge" in text
    assert "Målgruppe" in text and "Geografi" in text  # the per-criterion breakdown
    assert "mangler krævet ressource" in view.excluded_label.text()


def test_weights_re_rank_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "w.sqlite"))
    LandscapeService(db).load_demo()
    view = MatchView(MatchingService(db), LandscapeService(db).vocabulary)
    qtbot.addWidget(view)
    view.set_problems([("aar-p-virksomhedspraktik", "Praktik")])
    with qtbot.waitSignal(view.ranked, timeout=20_000):
        view.rank()
    before = [view.model.row_at(r).score for r in range(view.model.rowCount())]
    with qtbot.waitSignal(view.ranked, timeout=20_000):
        view._sliders["geography"].setValue(0)
    after = [view.model.row_at(r).score for r in range(view.model.rowCount())]
    assert after != before
    assert view.weights()["geography"] == 0
    db.close()


def test_review_and_consortium_tabs(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match("aar-p-virksomhedspraktik")
    view = window.match_view
    view.details.setCurrentWidget(view.review)
    qtbot.waitUntil(lambda: "Henvisere" in view.review.toPlainText(), timeout=20_000)
    view.details.setCurrentWidget(view.consortium)
    qtbot.waitUntil(lambda: bool(view.consortium.toPlainText()), timeout=20_000)


def test_propose_partnership_creates_it_at_stage_proposed(window: MainWindow, qtbot: QtBot) -> None:
    from mapper.services.partnerships import PartnershipService

    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match(PATRICIA)
    with qtbot.waitSignal(window.match_view.partnership_proposed, timeout=10_000) as blocker:
        window.match_view.propose_button.click()
    assert blocker.args == [PATRICIA, "esb-sammen-om-sindet"]
    detail = PartnershipService(window._service.database).get(PATRICIA, "esb-sammen-om-sindet")
    assert detail.stage == "proposed"


def test_match_model_sorts_by_raw_values(qtmodeltester, window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match("aar-p-virksomhedspraktik")
    model: MatchTableModel = window.match_view.model
    qtmodeltester.check(model)
    scores = [model.row_at(r).score for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True)
