"""An accessible window: every control a keyboard reaches has a Danish accessible name, focus
moves on with Tab without being trapped, the window follows the system font size, and colour
never carries meaning alone (score bars show the number, white spots a symbol and a tooltip,
validation a sentence)."""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QScrollBar,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from mapper.domain.vocabulary import load_vocabulary
from mapper.services.overview import Coverage, CoverageCell
from tests.conftest import MakeDatabase
from tests.ui.danish import RecordingDanish, danish
from ui.app import build_main_window
from ui.crash_dialog import CrashDialog
from ui.database_dialog import DatabaseDialog
from ui.duplicates_dialog import open_duplicates_dialog
from ui.first_run import WelcomeDialog
from ui.main_window import MainWindow
from ui.match_view import SCORE_ROLE, ScoreBarDelegate
from ui.merge_dialog import MergeDialog
from ui.models.coverage_table import WHITE_SPOT_MARKER, CoverageTableModel
from ui.models.row_table import ID_ROLE
from ui.overview_charts import FRAME_PIXELS, BarChartView
from ui.privacy_review_dialog import open_privacy_review_dialog
from ui.report_dialog import open_report_dialog
from ui.widgets.conflict_dialog import ConflictDialog, ConflictRow

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"
TABS = ("Landskab", "Problemstillinger", "Match", "Kort", "Partnerskaber", "Overblik")


# ----------------------------------------------------------------- walking the controls


def _is_internal(widget: QWidget) -> bool:
    """A part of a composite control that assistive technology reaches through the whole: a
    spin box's or combo box's line edit, a tab bar's scroll buttons, scroll bars, viewports,
    the web view's render widget, Qt's own ``qt_…`` children."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    if parent is None:
        return False
    if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar)):
        return True
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    ancestor: QWidget | None = parent
    while ancestor is not None:
        if type(ancestor).__name__ == "QWebEngineView":
            return True
        ancestor = ancestor.parentWidget()
    return False


def _buddy_text(widget: QWidget) -> str:
    """The text of a label whose buddy the widget is (wherever in the window the label is)."""
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name. On Linux Qt gives a combo box its
    current text as the name, which names the value, not the control: for combo boxes only an
    accessible name or a label naming it as its buddy counts."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName() or _buddy_text(widget)
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or _buddy_text(widget)).replace("&", "").strip()


def _chain(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget.parentWidget()
    while current is not None and len(parts) < 5:
        parts.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return " < ".join(parts)


def unnamed_controls(root: QWidget, english: Collection[str] = ()) -> list[str]:
    """Every visible control under ``root`` that takes focus and has no accessible name, or
    one of ``english`` (source texts without Danish), described for the assertion message."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            continue
        if widget.accessibleName() in english:
            found.append(f"English name {widget.accessibleName()!r}: {type(widget).__name__}")
        if _is_internal(widget) or accessible_name(widget):
            continue
        found.append(
            f"{type(widget).__name__} '{widget.objectName()}' in {_chain(widget)}"
            f" (tooltip: {widget.toolTip()!r})"
        )
    return found


# ----------------------------------------------------------------- fixtures


def _contexts() -> tuple[str, ...]:
    """Every translation context of the interface: the .ts file's and the pending ones'."""
    found = set(re.findall(r"<name>([^<]+)</name>", (I18N / "mapper_da.ts").read_text("utf-8")))
    for path in I18N.glob("pending_*.tsv"):
        found |= {line.split("\t")[0] for line in path.read_text("utf-8").splitlines()}
    return tuple(sorted(found))


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[RecordingDanish]:
    with danish(*_contexts()) as recording:
        yield recording


def _danish_texts() -> set[str]:
    """Every Danish translation (a word such as "E-mail" is the same in both languages)."""
    ts = (I18N / "mapper_da.ts").read_text("utf-8")
    found = set(re.findall(r"<translation>([^<]+)</translation>", ts))
    for path in I18N.glob("pending_*.tsv"):
        found |= {line.split("\t")[-1] for line in path.read_text("utf-8").splitlines()}
    return found


def english(translator: RecordingDanish) -> set[str]:
    """The texts asked for in Danish that have none (and are not Danish words too)."""
    return {source for _context, source in translator.missing} - _danish_texts()


@pytest.fixture
def window(qtbot: QtBot, make_database: MakeDatabase, translator: RecordingDanish) -> MainWindow:
    w = build_main_window(make_database("a11y"), demo_if_empty=True, lang="da")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.data_loaded, timeout=10_000):
        w.show()
    w.actor_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    w.problem_editor.confirm = lambda: QMessageBox.StandardButton.Discard
    return w


def _visit(window: MainWindow, qtbot: QtBot, index: int) -> None:
    window.tabs.setCurrentIndex(index)
    qtbot.wait(50)


def test_every_control_of_every_tab_has_a_danish_accessible_name(
    window: MainWindow, qtbot: QtBot, translator: RecordingDanish
) -> None:
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == list(
        TABS
    )
    offenders: dict[str, list[str]] = {}
    for index, tab in enumerate(TABS):
        _visit(window, qtbot, index)
        if index == 0:  # the register with an actor chosen, then its editor
            window.actor_view.setCurrentIndex(window.actor_model.index(0, 0))
            for pane in range(window.actor_pane.count()):
                window.actor_pane.setCurrentIndex(pane)
                qtbot.wait(20)
                offenders.setdefault(tab, []).extend(unnamed_controls(window, english(translator)))
        offenders.setdefault(tab, []).extend(unnamed_controls(window, english(translator)))
    problems = {tab: sorted(set(found)) for tab, found in offenders.items() if found}
    assert not problems, "controls without an accessible name:\n" + "\n".join(
        f"{tab}: {line}" for tab, lines in problems.items() for line in lines
    )


class DialogWalk:
    """Walks dialogs, gathering their unnamed controls (and names without Danish)."""

    def __init__(self, qtbot: QtBot, translator: RecordingDanish) -> None:
        self.qtbot, self.translator = qtbot, translator
        self.found: dict[str, list[str]] = {}

    def collect(self, dialog: QWidget, label: str = "") -> None:
        """Every page of the dialog's tab widgets included."""
        if not dialog.isVisible():
            dialog.show()
        self.qtbot.waitExposed(dialog)
        unnamed = unnamed_controls(dialog, english(self.translator))
        for tab_widget in dialog.findChildren(QTabWidget):
            for page in range(tab_widget.count()):
                tab_widget.setCurrentIndex(page)
                unnamed += unnamed_controls(dialog, english(self.translator))
        if unnamed:
            key = label or dialog.objectName() or type(dialog).__name__
            self.found.setdefault(key, []).extend(sorted(set(unnamed)))

    def walk(self, dialog: QWidget) -> None:
        self.collect(dialog)
        dialog.close()

    def import_wizard(self, window: MainWindow, path: Path) -> None:
        """The wizard's pages up to the check, on a small list of associations."""
        path.write_text("Navn;Postnummer;Målgruppe\nSammen om Sindet;6700;psykisk\n", "utf-8")
        wizard = window.files.ask_import_register(str(path))
        self.collect(wizard, "importWizard:source")
        wizard.button(QWizard.WizardButton.NextButton).click()  # the columns
        self.collect(wizard, "importWizard:columns")
        wizard.button(QWizard.WizardButton.NextButton).click()  # the check
        self.qtbot.waitUntil(lambda: wizard.check.plan is not None, timeout=20_000)
        self.collect(wizard, "importWizard:check")
        wizard.reject()


def test_every_control_of_the_dialogs_has_a_danish_accessible_name(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, translator: RecordingDanish
) -> None:
    dialogs = DialogWalk(qtbot, translator)
    settings = window.open_settings()
    qtbot.waitUntil(settings.retention_edit.isEnabled, timeout=5_000)  # type: ignore[attr-defined]
    dialogs.walk(settings)

    exporter = window.open_export_map()
    qtbot.waitUntil(exporter.export_button.isEnabled, timeout=20_000)
    dialogs.walk(exporter)

    dialogs.walk(open_report_dialog(window))

    review = open_privacy_review_dialog(window)
    qtbot.waitSignal(review.loaded, timeout=10_000, raising=False).wait()
    dialogs.walk(review)

    duplicates = open_duplicates_dialog(window)
    qtbot.waitSignal(duplicates.loaded, timeout=10_000, raising=False).wait()
    dialogs.walk(duplicates)

    first, second = (window.actor_model.index(r, 0).data(ID_ROLE) for r in (0, 1))
    merge = MergeDialog(window.context.merges, first, second, window.context.vocabulary)
    qtbot.addWidget(merge)
    with qtbot.waitSignal(merge.loaded, timeout=10_000):
        merge.show()
    dialogs.walk(merge)

    dialogs.import_wizard(window, tmp_path / "foreninger.csv")

    welcome = WelcomeDialog("Karen", "0561", offer_demo=True, parent=window)
    dialogs.walk(welcome)

    database = DatabaseDialog(window.context.landscape.database.url, window)
    dialogs.walk(database)

    rows = [ConflictRow("name", "Navn", "Sindet", "Sammen om Sindet", "SoS", True)]
    conflict = ConflictDialog(rows, title="Gemt af en anden", intro="Anne gemte profilen.")
    qtbot.addWidget(conflict)
    dialogs.walk(conflict)

    try:
        raise RuntimeError("the frobnicator broke")
    except RuntimeError:
        crash = CrashDialog(sys.exc_info(), window)  # type: ignore[arg-type]
    crash.details_button.click()
    dialogs.walk(crash)

    assert not dialogs.found, "controls without an accessible name:\n" + "\n".join(
        f"{name}: {line}" for name, lines in dialogs.found.items() for line in lines
    )


# ----------------------------------------------------------------- focus


def test_no_style_sheet_of_the_window_hides_the_focus() -> None:
    """The focus frame is the style's (Fusion draws one); no style sheet may take it away."""
    sources = sorted((Path(__file__).resolve().parents[2] / "ui").rglob("*.py"))
    hiding = [
        f"{path.name}: {line.strip()}"
        for path in sources
        for line in path.read_text("utf-8").splitlines()
        if "outline: none" in line or "outline:none" in line or ":focus" in line
    ]
    assert not hiding


def test_the_focused_control_looks_focused(window: MainWindow, qtbot: QtBot) -> None:
    """The style marks the keyboard focus (Fusion: a highlighted frame) on the register's
    controls as Tab reaches them."""
    window.activateWindow()
    qtbot.waitActive(window)
    controls = (window.kind_filter, window.group_filter, window.actor_view)
    unfocused = [c.grab().toImage() for c in controls]
    window.search_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.search_edit.hasFocus)
    for control, before in zip(controls, unfocused, strict=True):
        for _ in range(6):
            if control.hasFocus():
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert control.hasFocus(), f"Tab never reached {control.objectName()}"
        assert control.grab().toImage() != before, f"no focus shown on {control.objectName()}"


def _tab_through(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited = [start]
    for _ in range(presses):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None and now is not current, (
            f"Tab is trapped in {type(current).__name__} '{current.objectName()}'"
        )
        visited.append(now)
    return visited


def test_tab_moves_through_the_register_in_order_without_a_trap(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    visited = _tab_through(qtbot, window.search_edit, 6)
    order = [window.search_edit, window.kind_filter, window.group_filter, window.actor_view]
    positions = [visited.index(w) for w in order if w in visited]
    assert len(positions) == len(order), [type(w).__name__ for w in visited]
    assert positions == sorted(positions)
    # The editor's many fields, multi-line texts and code lists included, let Tab go on.
    window.new_actor()
    name = window.actor_editor.inputs["name"]
    qtbot.waitUntil(name.hasFocus)
    fields = _tab_through(qtbot, name, 40)
    assert len({id(w) for w in fields}) > 20


# ----------------------------------------------------------------- the system font size


def _measures(window: MainWindow) -> dict[str, int]:
    view: QTableView = window.actor_view
    bar = window.tabs.tabBar()
    return {
        "register row": view.verticalHeader().defaultSectionSize(),
        "register name column": view.columnWidth(0),
        "tab label": bar.tabRect(1).width(),
        "search field": window.search_edit.sizeHint().height(),
    }


def _open(qtbot: QtBot, make_database: MakeDatabase, name: str) -> MainWindow:
    w = build_main_window(make_database(name), demo_if_empty=True, lang="da")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.data_loaded, timeout=10_000):
        w.show()
    return w


def test_the_window_follows_a_larger_system_font(
    qtbot: QtBot, make_database: MakeDatabase, qapp: QApplication
) -> None:
    normal = _open(qtbot, make_database, "normal")
    before = _measures(normal)
    normal.close()
    base = QFont(qapp.font())
    larger = QFont(base)
    larger.setPointSizeF(base.pointSizeF() * 1.5)
    qapp.setFont(larger)
    try:
        big = _open(qtbot, make_database, "big")
        after = _measures(big)
        big.close()
    finally:
        qapp.setFont(base)
    small = {k: round(after[k] / before[k], 2) for k in before if after[k] < 1.3 * before[k]}
    assert not small, f"grew less than 1.3×: {small} ({before} → {after})"


def _chart_at(qapp: QApplication, scale: float) -> tuple[int, int]:
    """(minimum height, label line height) of a chart of 15 bars at ``scale`` × the font."""
    base = QFont(qapp.font())
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    qapp.setFont(font)
    try:
        chart = BarChartView("Aktører efter type", "#E69F00")
        chart.set_bars([(f"k{i}", f"Type nummer {i}", float(i)) for i in range(15)])
        labels = chart.chart().axes(Qt.Orientation.Vertical)[0].labelsFont()
        return chart.minimumHeight(), QFontMetrics(labels).height()
    finally:
        qapp.setFont(base)


def test_chart_rows_grow_with_the_font_so_labels_are_not_elided(qapp: QApplication) -> None:
    normal, _line = _chart_at(qapp, 1.0)
    larger, line = _chart_at(qapp, 1.5)
    assert larger > normal
    # Each bar's row has room for its label (Qt elides a label taller than its row to "…").
    assert larger >= FRAME_PIXELS + 15 * line * 1.6


# ----------------------------------------------------------------- colour never alone


def test_the_score_bar_draws_its_number(qtbot: QtBot) -> None:
    model = QStandardItemModel(1, 1)
    item = QStandardItem("87,5")
    item.setData(87.5, SCORE_ROLE)
    model.setItem(0, 0, item)
    index = model.index(0, 0)
    delegate = ScoreBarDelegate()
    image = QImage(220, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    option.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    option.font = QApplication.font()
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    number_width = option.fontMetrics.horizontalAdvance("87,5")
    # Left of the number: the bar; under the number: dark text pixels.
    text_area = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(image.width() - number_width - 4, image.width())
        for y in range(image.height())
    ]
    assert min(text_area) < 100, "the score's number is not drawn beside its bar"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "87,5"


def test_a_white_spot_says_so_in_text_not_only_in_colour(translator: RecordingDanish) -> None:
    model = CoverageTableModel(load_vocabulary(), "da")
    spot = CoverageCell("youth", "0561", actors=0, expected=3.2, white_spot=True)
    model.set_coverage(
        Coverage(
            level="municipality",
            target_groups=("youth",),
            areas=("0561",),
            area_names={"0561": "Esbjerg"},
            cells=(spot,),
            unplaced=0,
        )
    )
    index = model.index(0, CoverageTableModel.FIRST_AREA)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # the colour …
    assert WHITE_SPOT_MARKER in index.data(Qt.ItemDataRole.DisplayRole)  # … with a symbol
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Hvid plet")  # … and words
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Hvid plet")


def test_a_validation_error_is_a_sentence_beside_its_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.new_actor()
    editor = window.actor_editor
    email, phone = editor.inputs["contact.email"], editor.inputs["contact.phone"]
    editor.scroll_area.ensureWidgetVisible(email)
    email.setFocus()
    qtbot.keyClicks(email, "anne(at)example")
    phone.setFocus()
    qtbot.waitUntil(lambda: editor.errors["contact.email"].isVisible())
    message = editor.field_error("contact.email")
    assert "E-mail" in message and "anne(at)example" in message  # words, not only a red border
    assert accessible_name(editor.errors["contact.email"])
