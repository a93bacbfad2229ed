"""The duplicate warning under an actor's name field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from mapper.services.duplicates import DuplicateFinder, SimilarActor
from ui.widgets.duplicate_warning import DuplicateWarning

ESBJERG = "0561"


def make_finder() -> DuplicateFinder:
    return DuplicateFinder(
        [
            ("esb-sammen", "Sammen om sindet, Esbjerg", ESBJERG),
            ("esb-aeldre", "Ældre Hjælper Ældre", ESBJERG),
            ("aar-aeldre", "Ældre hjælper ældre", "0751"),
            ("ode-boks", "Bokseklubben Odense", "0461"),
        ]
    )


def editor(qtbot, find) -> tuple[QWidget, QLineEdit, DuplicateWarning]:
    """A name field with the warning below it, as in the dating-profile editor."""
    form = QWidget()
    name = QLineEdit()
    warning = DuplicateWarning(find)
    layout = QVBoxLayout(form)
    layout.addWidget(name)
    layout.addWidget(warning)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form, name, warning


def test_similar_names_show_with_municipality_and_open_on_click(qtbot) -> None:
    _form, name, warning = editor(qtbot, make_finder().similar)
    name.setFocus()
    warning.check("Foreningen Ældre hjælper Ældre", ESBJERG, None)
    assert not warning.isVisible()  # debounced: nothing before typing pauses
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    assert [s.actor_id for s in warning.shown()] == ["esb-aeldre", "aar-aeldre"]
    assert warning.labels[0].text() == "Ældre Hjælper Ældre (Esbjerg)"
    assert warning.labels[1].text() == "Ældre hjælper ældre (Aarhus)"
    assert not warning.labels[2].isVisible()
    assert warning.buttons[1].accessibleName() == "Open Ældre hjælper ældre (Aarhus)"
    assert warning.accessibleName() == "Possible duplicates"
    assert name.hasFocus(), "showing the warning must not take the focus from the name field"
    with qtbot.waitSignal(warning.open_requested, timeout=1000) as blocker:
        qtbot.mouseClick(warning.buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == ["aar-aeldre"]


def test_open_buttons_are_reachable_by_keyboard(qtbot) -> None:
    _form, name, warning = editor(qtbot, make_finder().similar)
    warning.check("Sammen om Sindet Esbjerg", ESBJERG, None)
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert warning.buttons[0].hasFocus()
    with qtbot.waitSignal(warning.open_requested, timeout=1000) as blocker:
        qtbot.keyClick(warning.buttons[0], Qt.Key.Key_Space)
    assert blocker.args == ["esb-sammen"]


def test_no_hits_hide_the_line_and_only_the_last_check_is_looked_up(qtbot) -> None:
    finder = make_finder()
    calls: list[tuple[str, str | None, str | None]] = []

    def find(name: str, code: str | None, exclude: str | None) -> list[SimilarActor]:
        calls.append((name, code, exclude))
        return finder.similar(name, code, exclude)

    _form, _name, warning = editor(qtbot, find)
    warning.check("Bokseklubben Odense", None, None)
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    for typed in ("Bokseklubben Odense X", "Bokseklubben Odense XY", "Skakklubben"):
        warning.check(typed, ESBJERG, "new-id")
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=2000)
    assert calls == [("Bokseklubben Odense", None, None), ("Skakklubben", ESBJERG, "new-id")]
    assert warning.shown() == []


def test_the_actor_itself_and_empty_names_are_never_shown(qtbot) -> None:
    finder = make_finder()
    _form, _name, warning = editor(qtbot, lambda n, c, _x: finder.similar(n, c))
    warning.check("Bokseklubben Odense", None, "ode-boks")  # a finder ignoring exclude_id
    qtbot.wait(warning.DELAY_MS + 100)
    assert not warning.isVisible()
    warning.check("Bokseklubben Odense", None, None)
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    warning.check("   ", None, None)
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=2000)
    warning.check("Bokseklubben Odense", None, None)
    warning.clear()  # another actor loaded before the look-up ran
    qtbot.wait(warning.DELAY_MS + 100)
    assert not warning.isVisible()
