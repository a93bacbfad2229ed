"""The welcome at the first start (Velkommen): the home municipality, the user's name for the
change history and, for an empty database, the demo landscape. Asked once; everything can be
changed later in Filer → Indstillinger (ui.settings_dialog)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.text import danish_sort_key
from mapper.geo.reference import municipalities
from ui.context import PRODUCT_NAME

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MUNICIPALITY_KEY = "user/municipality"
USER_NAME_KEY = "user/name"
ANSWERED_KEY = "firstrun/answered"
NO_WELCOME = "MAPPER_NO_WELCOME"
"""Set to 1 (tests, CI, kiosk installs) and the welcome never shows."""


def home_municipality() -> str | None:
    """The user's own municipality (``user/municipality``), a four-digit code; None when none
    was chosen or the stored value is no municipality."""
    value = QSettings().value(MUNICIPALITY_KEY, "")
    code = str(value).strip() if value else ""
    return code if code in municipalities() else None


def set_home_municipality(code: str | None) -> None:
    QSettings().setValue(MUNICIPALITY_KEY, code or "")


def set_user_name(name: str) -> None:
    """Keep ``name`` for the change history; a blank name falls back to the login name."""
    if name.strip():
        QSettings().setValue(USER_NAME_KEY, name.strip())
    else:
        QSettings().remove(USER_NAME_KEY)


def welcome_answered() -> bool:
    value = QSettings().value(ANSWERED_KEY, False)
    return value is True or str(value).lower() == "true"  # an .ini file gives text


def municipality_combo(name: str, accessible: str) -> QComboBox:
    """All municipalities by name (Danish order), "No particular municipality" first; typing
    any part of a name narrows the list."""
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem(QCoreApplication.translate("FirstRun", "No particular municipality"), None)
    for m in sorted(municipalities().values(), key=lambda m: danish_sort_key(m.name)):
        box.addItem(m.name, m.code)
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    line = box.lineEdit()
    if line is not None:
        # "esbj" + Enter or leaving the field shows the municipality it names: "Esbjerg".
        line.editingFinished.connect(lambda: _complete_municipality(box))
    return box


def _matching_index(box: QComboBox) -> int | None:
    """The row the typed text names: the same name (any case), else the one name that starts
    with it, else the one that contains it; None when it names none or several."""
    typed = " ".join(box.currentText().split()).casefold()
    if not typed:
        return 0
    names = [(i, box.itemText(i).casefold()) for i in range(box.count())]
    for test in (str.__eq__, str.startswith, str.__contains__):
        found = [i for i, name in names if test(name, typed)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _complete_municipality(box: QComboBox) -> None:
    index = _matching_index(box)
    if index is not None and box.itemText(index) != box.currentText():
        box.setCurrentIndex(index)


def municipality_text_unknown(box: QComboBox) -> bool:
    """The typed text names no municipality (or several): asking again beats guessing."""
    return _matching_index(box) is None


def chosen_municipality(box: QComboBox) -> str | None:
    """The code of the municipality named in ``box`` (its typed text decides, completed as
    the field does); None for "No particular municipality" or a text that names none."""
    index = _matching_index(box)
    code = box.itemData(index) if index is not None else None
    return str(code) if code else None


def show_municipality(box: QComboBox, code: str | None) -> None:
    box.setCurrentIndex(max(0, box.findData(code)) if code else 0)


@dataclass(frozen=True)
class WelcomeAnswers:
    municipality: str | None
    name: str
    load_demo: bool


class WelcomeDialog(QDialog):
    """Three short questions. Enter starts (Kom i gang), Esc skips (Spring over); both count as
    answered."""

    def __init__(
        self,
        name: str,
        municipality: str | None = None,
        *,
        offer_demo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", PRODUCT_NAME))
        heading = QLabel(self.tr("Welcome to %1").replace("%1", PRODUCT_NAME))
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Map the volunteer landscape of your municipality: associations, volunteers and "
                "services, what they offer, and who could solve a problem together. A few quick "
                "questions before you start; you can change the answers later under "
                "File → Settings."
            )
        )
        intro.setWordWrap(True)

        self.municipality_combo = municipality_combo(
            "welcomeMunicipality", self.tr("Your municipality")
        )
        show_municipality(self.municipality_combo, municipality)
        self.municipality_combo.setToolTip(
            self.tr(
                "The register and the map start at this municipality, and new actors and problem "
                "statements get it."
            )
        )
        self.municipality_error = QLabel()
        self.municipality_error.setObjectName("welcomeMunicipalityError")
        self.municipality_error.setWordWrap(True)
        self.municipality_error.hide()
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("welcomeName")
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setToolTip(self.tr("Shown in the history of every record you change."))
        self.demo_check = QCheckBox(self.tr("Load the demo landscape so I can try the program"))
        self.demo_check.setObjectName("welcomeDemo")
        self.demo_check.setAccessibleName(self.tr("Load the demo landscape"))
        self.demo_check.setVisible(offer_demo)
        self.demo_check.setEnabled(offer_demo)

        form = QFormLayout()
        form.addRow(self.tr("&Municipality:"), self.municipality_combo)
        form.addRow("", self.municipality_error)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        name_hint = QLabel(self.tr("Shown in the history of every record you change."))
        name_hint.setWordWrap(True)
        form.addRow("", name_hint)

        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            self.tr("Get started"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("welcomeStart")
        self.start_button.setDefault(True)  # Enter in a field starts
        self.skip_button = buttons.addButton(
            self.tr("Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.skip_button.setObjectName("welcomeSkip")
        self.skip_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # Esc too

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.demo_check)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.municipality_combo.setFocus()

    def accept(self) -> None:
        """Kom i gang: only with a municipality the text names (or none chosen)."""
        box = self.municipality_combo
        if municipality_text_unknown(box):
            self.municipality_error.setText(
                self.tr("No single municipality is called “%1”: choose one from the list.").replace(
                    "%1", box.currentText().strip()
                )
            )
            self.municipality_error.show()
            box.setFocus()
            line = box.lineEdit()
            if line is not None:
                line.selectAll()
            return
        self.municipality_error.hide()
        super().accept()

    def answers(self) -> WelcomeAnswers:
        return WelcomeAnswers(
            chosen_municipality(self.municipality_combo),
            self.name_edit.text().strip(),
            self.demo_check.isEnabled() and self.demo_check.isChecked(),
        )


def maybe_welcome(window: MainWindow) -> bool:
    """Show the welcome over ``window`` unless it was answered before (or MAPPER_NO_WELCOME=1);
    True when shown. Not blocking: the answers are applied once the dialog closes."""
    if os.environ.get(NO_WELCOME) == "1" or welcome_answered():
        return False
    from ui.app import user_name  # ui.app builds the window, which imports this module

    landscape = window.context.landscape
    counts = landscape.counts()
    empty = counts.actors == 0 and counts.problems == 0 and not landscape.database.read_only
    dialog = WelcomeDialog(user_name(), home_municipality(), offer_demo=empty, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        QSettings().setValue(ANSWERED_KEY, True)  # Spring over (Esc) is an answer too
        if result == QDialog.DialogCode.Accepted:
            apply_welcome(window, dialog.answers())

    dialog.finished.connect(finished)
    dialog.open()
    return True


def apply_welcome(window: MainWindow, answers: WelcomeAnswers) -> None:
    """Keep the answers and use them in ``window``; the demo loads in the background as from
    Filer → Indlæs demolandskab. A new name needs new services: the window is opened anew."""
    from ui.app import user_name

    set_home_municipality(answers.municipality)
    if answers.name != user_name():
        set_user_name(answers.name)
    window.apply_home_municipality(answers.municipality)
    renamed = user_name() != window.context.landscape.author
    if answers.load_demo:
        if renamed:
            window.import_finished.connect(lambda _ok: window.reopen())
        window.statusBar().showMessage(
            QCoreApplication.translate("WelcomeDialog", "Loading the demo landscape…")
        )
        window.files.load_demo()
    elif renamed:
        window.reopen()
