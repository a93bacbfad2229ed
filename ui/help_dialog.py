"""Hjælp → Vejledning: the short guide shipped in ``ui/help/`` (readable offline), with the
keyboard shortcuts generated from the window's actions so the list never goes stale."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.context import PRODUCT_NAME

SHORTCUTS_MARKER = "<!-- shortcuts -->"
LANGUAGES = ("da", "en")


def guide_text(lang: str) -> str:
    """The guide's Markdown in the language (Danish unless English was chosen)."""
    name = f"guide_{lang if lang in LANGUAGES else 'da'}.md"
    return resources.files("ui").joinpath("help", name).read_text(encoding="utf-8")


def shortcut_table(actions: Sequence[QAction], headers: tuple[str, str]) -> str:
    """A Markdown table: what each action does and its key, as the menus show them."""
    lines = [f"| {headers[0]} | {headers[1]} |", "|---|---|"]
    for action in actions:
        label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        label = label.removesuffix("…").replace("|", "\\|")
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        lines.append(f"| {label} | {key} |")
    return "\n".join(lines)


class HelpDialog(QDialog):
    """Shows the guide in a QTextBrowser (Markdown)."""

    def __init__(
        self, lang: str, actions: Sequence[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("%1 – guide").replace("%1", PRODUCT_NAME))
        table = shortcut_table(actions, (self.tr("Action"), self.tr("Keys")))
        self.markdown = guide_text(lang).replace(SHORTCUTS_MARKER, table)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(self.markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)
