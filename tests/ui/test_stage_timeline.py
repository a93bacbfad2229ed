"""The stage timeline of a partnership: its states per stage, its text alternative, and that it
paints at any size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from mapper.domain.model import StageChange
from mapper.domain.vocabulary import load_vocabulary
from tests.ui.danish import RecordingDanish, danish
from ui.locale_format import locale_for
from ui.widgets.stage_timeline import StageTimeline


def noon(month: int, day: int) -> dt.datetime:
    # Noon UTC is the same day in every time zone the tests run in.
    return dt.datetime(2026, month, day, 12, tzinfo=dt.UTC)


# Proposed, contacted, in dialogue, then back to contacted.
BACK_AND_FORTH = (
    StageChange("proposed", noon(3, 3)),
    StageChange("contacted", noon(3, 5), "Ringet til formanden"),
    StageChange("dialogue", noon(4, 12)),
    StageChange("contacted", noon(4, 20), "Venter på bestyrelsen"),
)


def stages(lang: str) -> list[tuple[str, str]]:
    return [(t.code, t.label(lang)) for t in load_vocabulary().terms("partnership_stages")]


@pytest.fixture
def translator() -> Iterator[RecordingDanish]:
    with danish("StageTimeline") as found:
        yield found
    assert found.missing == set()


@pytest.fixture
def timeline(qtbot: QtBot, translator: RecordingDanish) -> StageTimeline:
    widget = StageTimeline(stages("da"), locale_for("da"))
    qtbot.addWidget(widget)
    return widget


def test_the_text_lists_the_changes_in_order_with_their_dates(timeline: StageTimeline) -> None:
    timeline.set_history(BACK_AND_FORTH, "contacted")
    expected = (
        "Foreslået match 3. mar. 2026 → Kontaktet 5. mar. 2026 → I dialog 12. apr. 2026 → "
        "Kontaktet igen 20. apr. 2026. Nuværende stadie: Kontaktet. "
        "Et stadie, der er nået mere end én gang, vises med den seneste dato."
    )
    assert timeline.text() == expected
    assert timeline.accessibleDescription() == expected
    assert timeline.toolTip() == expected
    assert timeline.accessibleName() == "Stadieforløb"


def test_states_per_stage_and_the_latest_date_of_a_stage_reached_twice(
    timeline: StageTimeline,
) -> None:
    timeline.set_history(BACK_AND_FORTH, "contacted")
    assert timeline.states() == [
        ("proposed", "reached"),
        ("contacted", "current"),
        ("dialogue", "reached"),
        ("agreed", "unreached"),
        ("active", "unreached"),
        ("evaluated", "unreached"),
        ("ended", "unreached"),
        ("declined", "unreached"),
    ]
    contacted = timeline.steps()[1]
    assert (contacted.reached_at, contacted.times) == (noon(4, 20), 2)
    assert timeline.steps()[3].reached_at is None


def test_skipped_stages_stay_hollow_and_a_declined_partnership_ends_there(
    timeline: StageTimeline,
) -> None:
    timeline.set_history(
        (StageChange("proposed", noon(3, 3)), StageChange("declined", noon(3, 9))), "declined"
    )
    states = dict(timeline.states())
    assert states["proposed"] == "reached"
    assert states["contacted"] == states["ended"] == "unreached"
    assert states["declined"] == "current"
    assert timeline.text() == (
        "Foreslået match 3. mar. 2026 → Fravalgt 9. mar. 2026. Nuværende stadie: Fravalgt."
    )


def test_without_history_and_without_a_partnership(timeline: StageTimeline) -> None:
    timeline.set_history((), "agreed")  # a stage with no recorded change
    assert dict(timeline.states())["agreed"] == "current"
    assert timeline.text() == "Ingen stadieskift registreret. Nuværende stadie: Aftale indgået."
    timeline.clear()
    assert {state for _code, state in timeline.states()} == {"unreached"}
    assert timeline.text() == "Intet partnerskab vist."


def test_a_stage_the_vocabulary_does_not_know_is_still_shown(timeline: StageTimeline) -> None:
    timeline.set_history((StageChange("paused", noon(5, 1)),), "paused")
    assert timeline.states()[-1] == ("paused", "current")
    assert timeline.text().startswith("paused 1. maj 2026.")


def test_english_writes_english_dates(qtbot: QtBot) -> None:
    widget = StageTimeline(stages("en"), locale_for("en"))
    qtbot.addWidget(widget)
    widget.set_history(BACK_AND_FORTH[:2], "contacted")
    assert widget.text() == (
        "Proposed match 3 Mar 2026 → Contacted 5 Mar 2026. Current stage: Contacted."
    )


@pytest.mark.parametrize("size", ["minimum", "hint", "large"])
def test_it_paints_at_small_and_large_sizes(
    timeline: StageTimeline, qtbot: QtBot, size: str
) -> None:
    timeline.set_history(BACK_AND_FORTH, "contacted")
    wanted = {
        "minimum": timeline.minimumSizeHint(),
        "hint": timeline.sizeHint(),
        "large": timeline.sizeHint() * 2,
    }[size]
    timeline.resize(wanted)
    pixmap = timeline.grab()
    assert not pixmap.isNull()
    assert pixmap.width() >= wanted.width() and pixmap.height() >= wanted.height()
    image = pixmap.toImage()
    ratio = pixmap.devicePixelRatio()

    def colour(code: str) -> str:
        point = timeline.marker_centre(code) * ratio
        return image.pixelColor(point.toPoint()).name()

    # A reached marker is filled, an unreached one hollow: the pixels at their centres differ.
    assert colour("proposed") == colour("dialogue")
    assert colour("proposed") != colour("agreed")
    assert colour("agreed") == colour("ended")
    assert colour("contacted") == colour("proposed")  # the current one is filled too


def test_a_larger_font_asks_for_more_room(timeline: StageTimeline) -> None:
    timeline.set_history(BACK_AND_FORTH, "contacted")
    before = timeline.sizeHint()
    font = QFont(timeline.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    timeline.setFont(font)
    after = timeline.sizeHint()
    assert after.height() > before.height() and after.width() > before.width()
    assert timeline.minimumSizeHint().width() <= after.width()


def test_narrow_it_wraps_the_labels_and_grows_taller(timeline: StageTimeline) -> None:
    narrow = timeline.minimumSizeHint().width()
    wide = timeline.sizeHint().width()
    assert timeline.hasHeightForWidth()
    assert timeline.heightForWidth(narrow) > timeline.heightForWidth(wide)
