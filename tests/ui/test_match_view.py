"""Matching in the desktop application: rank, read the breakdown, re-weight, propose."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mapper.domain.errors import NotFoundError
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import MakeDatabase
from tests.ui.danish import danish
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.match_view import MatchTableModel, MatchView
from ui.models.row_table import ID_ROLE

PATRICIA = "esb-p-patriciahuset-brobygning"


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase) -> MainWindow:
    w = build_main_window(make_database("match"), demo_if_empty=True)
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
    assert "for langt væk" in view.excluded_label.text()
    # In the narrow default pane no criterion name breaks inside a word.
    view.explanation.resize(380, 600)
    document = view.explanation.document()
    document.setTextWidth(view.explanation.viewport().width())
    names = {"Målgruppe", "Forebyggelsesniveau", "Kapacitet og konkrethed", "Gensidighed"}
    block, seen = document.begin(), set()
    while block.isValid():
        if block.text() in names:
            seen.add(block.text())
            assert block.layout().lineCount() == 1, block.text()
        block = block.next()
    assert "Forebyggelsesniveau" in seen


def test_the_problem_shown_first_is_ranked_when_the_view_is_seen(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Opening the Match area straight away (no problem chosen yet) shows the first problem's
    partners, not an empty list under its title."""
    view = window.match_view
    assert view.current_problem_id() is not None
    with qtbot.waitSignal(view.ranked, timeout=20_000):
        window.tabs.setCurrentIndex(window.match_tab_index)
    assert view.model.rowCount() > 0


def test_weights_re_rank_at_once(qtbot: QtBot, make_database: MakeDatabase) -> None:
    db = open_database(make_database("w"))
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
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match(PATRICIA)
    with qtbot.waitSignal(window.match_view.partnership_proposed, timeout=10_000) as blocker:
        window.match_view.propose_button.click()
    assert blocker.args == [PATRICIA, "esb-sammen-om-sindet"]
    detail = window.context.partnerships.get(PATRICIA, "esb-sammen-om-sindet")
    assert detail.stage == "proposed"
    # Undo is right there in the Match area (toolbar, menu, Ctrl+Z) and names what it undoes.
    assert window.undo_action.isEnabled()
    assert "Sammen om Sindet Esbjerg" in window.undo_action.text()
    window.undo_action.trigger()
    with pytest.raises(NotFoundError):
        window.context.partnerships.get(PATRICIA, "esb-sammen-om-sindet")


def test_match_model_sorts_by_raw_values(qtmodeltester, window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.match_view.ranked, timeout=20_000):
        window.open_match("aar-p-virksomhedspraktik")
    model: MatchTableModel = window.match_view.model
    qtmodeltester.check(model)
    scores = [model.row_at(r).score for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True)


# --------------------------------------------------------------------------- language


@pytest.fixture
def demo_db(make_database: MakeDatabase):
    db = open_database(make_database("lang"))
    LandscapeService(db).load_demo()
    yield db
    db.close()


def ranked_view(qtbot: QtBot, db, lang: str, **kwargs) -> MatchView:
    view = MatchView(MatchingService(db), LandscapeService(db).vocabulary, lang, **kwargs)
    qtbot.addWidget(view)
    view.set_problems([(PATRICIA, "Brobygning")])
    with qtbot.waitSignal(view.ranked, timeout=20_000) as blocker:
        view.rank()
    assert blocker.args[0] >= 1
    return view


def test_numbers_are_written_with_the_languages_decimal_separator(qtbot: QtBot, demo_db) -> None:
    danish_view = ranked_view(qtbot, demo_db, "da")
    score = danish_view.model.index(0, MatchTableModel.COL_SCORE).data()
    assert re.fullmatch(r"\d{1,3},\d", score), score
    distances = [
        danish_view.model.index(r, MatchTableModel.COL_DISTANCE).data()
        for r in range(danish_view.model.rowCount())
    ]
    assert any(d.endswith(" km") for d in distances)
    assert not any("." in d for d in distances)
    assert re.search(r"[+-]\d+,\d", danish_view.explanation.toPlainText())
    english_view = ranked_view(qtbot, demo_db, "en")
    assert english_view.model.index(0, MatchTableModel.COL_SCORE).data() == score.replace(",", ".")


def test_tooltips_speak_the_views_language(qtbot: QtBot, demo_db) -> None:
    view = ranked_view(qtbot, demo_db, "da")
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert view.model.index(0, MatchTableModel.COL_KIND).data(tooltip) == "Frivillig organisation"
    assert "Arbejder med psykisk sårbare" in view.model.index(0, MatchTableModel.COL_NAME).data(
        tooltip
    )
    english = ranked_view(qtbot, demo_db, "en")
    assert english.model.index(0, MatchTableModel.COL_KIND).data(tooltip) == (
        "Voluntary organisation"
    )


def test_the_match_view_is_danish_with_the_danish_translation(qtbot: QtBot, demo_db) -> None:
    with danish("MatchView", "MatchTableModel") as translator:
        view = MatchView(MatchingService(demo_db), LandscapeService(demo_db).vocabulary, "da")
        qtbot.addWidget(view)
        assert view.rotation_check.text() == "Fordel forslagene (retfærdig rotation)"
        assert view.rotation_check.toolTip().startswith("Aktører")
        assert view.model.headerData(3, Qt.Orientation.Horizontal) == "Score"
        weights = [label.text() for label in view.findChildren(QLabel)]
        assert "1,0" in weights and not any(re.fullmatch(r"\d\.\d", w) for w in weights)
    assert translator.missing == set()


class FailingMatching:
    def rank_actors_for_problem(self, problem_id: str, **_kwargs) -> None:
        raise NotFoundError("problem", problem_id, "esb-p-patriciahuset-brobygning")


def test_a_failed_ranking_is_told_in_the_ui_language(qtbot: QtBot, demo_db) -> None:
    view = MatchView(FailingMatching(), LandscapeService(demo_db).vocabulary, "da")
    qtbot.addWidget(view)
    view.set_problems([("esb-p-patriciahuset", "Patriciahuset")])
    with qtbot.waitSignal(view.ranked, timeout=10_000) as blocker:
        view.rank()
    assert blocker.args == [0]
    assert view.excluded_label.text() == (
        'There is no problem statement with the id "esb-p-patriciahuset". '
        'Did you mean "esb-p-patriciahuset-brobygning"?'
    )


def test_proposing_confirms_with_the_partners_name(qtbot: QtBot, demo_db) -> None:
    from mapper.services.partnerships import PartnershipService

    service = PartnershipService(demo_db)
    view = ranked_view(qtbot, demo_db, "da", propose=service.propose)
    with qtbot.waitSignal(view.status_message, timeout=5_000) as blocker:
        view.propose_button.click()
    assert blocker.args == ['Proposed a partnership with Sammen om Sindet Esbjerg on "Brobygning".']
    with qtbot.assertNotEmitted(view.status_message):
        view.propose_button.click()  # the same again: refused, and told why
    assert view.excluded_label.text().startswith(
        f'The problem statement "{PATRICIA}" and the actor "esb-sammen-om-sindet" are already'
    )


def test_the_explanation_says_what_speaks_for_and_against_and_shows_partnerships(
    qtbot: QtBot, demo_db
) -> None:
    with danish("MatchView", "MatchTableModel") as translator:
        view = MatchView(MatchingService(demo_db), LandscapeService(demo_db).vocabulary, "da")
        qtbot.addWidget(view)
        view.set_problems([("esb-p-unge-frivillige", "Flere unge frivillige")])
        view.top_spin.setValue(40)  # far down: actors far away
        with qtbot.waitSignal(view.ranked, timeout=20_000):
            view.rank()
        # The partnership already in dialogue is beside the ranking, and ranked, not excluded.
        assert "Eksisterende samarbejder: Ungdommens Røde Kors Esbjerg (i dialog)" in (
            view.excluded_label.text()
        )
        ids = [view.model.row_at(r).actor_id for r in range(view.model.rowCount())]
        assert "esb-urk" in ids
        view.table.selectRow(ids.index("esb-urk"))
        text = view.explanation.toPlainText()
        assert "Taler for" in text and "Taler imod" in text
        assert "− Har ikke angivet det krævede: netværk og brobygning til lokalsamfundet" in text
        far = next(
            r
            for r in range(len(ids))
            if any(x.code == "far_away" for x in view.model.row_at(r).reasons_against)
        )
        view.table.selectRow(far)
        assert re.search(r"− \d+ km væk", view.explanation.toPlainText())
        tip = view.model.index(far, MatchTableModel.COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
        assert re.search(r"^− \d+ km væk$", tip, flags=re.MULTILINE)
    assert translator.missing == set()
