"""A multi-select picker for one facet of the controlled vocabulary (target groups, roles …)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.vocabulary import Vocabulary

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""Casefolded label, code, other-language label and synonyms: what the filter matches."""


class CodePicker(QWidget):
    """A filter line and a checkable list of a facet's terms, labelled in the UI language.

    Keyboard: type in the filter line to narrow the list, Down or Return moves into the list,
    Space toggles the current term, typing a letter in the list goes back to filtering.
    """

    codes_changed = Signal(tuple)
    """The checked codes, in the order they were checked."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        facet: str,
        lang: str = "da",
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._facet = facet
        self._lang = lang
        self._order: list[str] = []
        self._updating = False

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("codeFilter")
        self.filter_edit.setPlaceholderText(self.tr("Type to filter…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)

        self.list = QListWidget()
        self.list.setObjectName("codeList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        for term in vocabulary.terms(facet):
            other = term.en if lang != "en" else term.da
            # The tooltip speaks the interface language: the label, and in Danish the other
            # words people use for it; the other language only helps the search.
            words = [s for s in term.synonyms if s.casefold() != term.label(lang).casefold()]
            tip = term.label(lang)
            if lang == "da" and words:
                tip += " — " + self.tr("also: %1").replace("%1", ", ".join(words))
            self._add_item(term.code, term.label(lang), tip, (term.code, other, *term.synonyms))
        rows = min(self.list.count(), 7)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth())
        self.list.itemChanged.connect(self._item_changed)
        self.list.installEventFilter(self)

        self.summary = QLabel()
        self.summary.setObjectName("codeSummary")
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.filter_edit)
        self.set_title(title)
        self._show_summary()

    # ----------------------------------------------------------------- API

    def codes(self) -> tuple[str, ...]:
        return tuple(self._order)

    def set_codes(self, codes: Iterable[str]) -> None:
        """Check exactly ``codes`` (in this order); codes the vocabulary lacks are shown as they
        are, so nothing the record holds is silently dropped."""
        wanted = list(dict.fromkeys(codes))
        self._updating = True
        try:
            known = {self._code_at(row) for row in range(self.list.count())}
            for code in wanted:
                if code not in known:
                    self._add_item(code, code, "", (code,))
            for row in range(self.list.count()):
                item = self.list.item(row)
                state = (
                    Qt.CheckState.Checked
                    if self._code_at(row) in wanted
                    else Qt.CheckState.Unchecked
                )
                item.setCheckState(state)
        finally:
            self._updating = False
        changed = wanted != self._order
        self._order = wanted
        self._show_summary()
        if changed:
            self.codes_changed.emit(tuple(wanted))

    def set_title(self, title: str) -> None:
        """The facet's name, for accessible names (e.g. 'Target groups')."""
        self.setAccessibleName(title)
        self.list.setAccessibleName(title)
        self.filter_edit.setAccessibleName(self.tr("Filter %1").replace("%1", title))
        self.summary.setAccessibleName(self.tr("Chosen %1").replace("%1", title))

    # ----------------------------------------------------------------- internals

    def _add_item(self, code: str, label: str, tip: str, search: Iterable[str]) -> None:
        item = QListWidgetItem(label)
        item.setData(CODE_ROLE, code)
        item.setData(SEARCH_ROLE, " ".join([label, *search]).casefold())
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setToolTip(tip)
        self.list.addItem(item)

    def _code_at(self, row: int) -> str:
        return str(self.list.item(row).data(CODE_ROLE))

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        code = str(item.data(CODE_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and code not in self._order:
            self._order.append(code)
        elif not checked and code in self._order:
            self._order.remove(code)
        else:
            return
        self._show_summary()
        self.codes_changed.emit(tuple(self._order))

    def _filter(self, text: str) -> None:
        """Show the terms holding every typed word (anywhere: 'ramte' finds Gældsramte) and
        make the best of them current, so Down/Return and Space take what was meant: "udsatte
        u" is Udsatte unge, not Udsatte børn above it."""
        query = text.casefold().strip()
        words = query.split()
        best: tuple[int, int] | None = None  # (tier, row)
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.data(SEARCH_ROLE) for w in words)
            item.setHidden(hidden)
            if not hidden:
                tier = match_tier(query, words, item.text().casefold(), item.data(SEARCH_ROLE))
                best = min(best, (tier, row)) if best else (tier, row)
        current = self.list.currentItem()
        # Typing chooses anew; a cleared filter keeps the term the user was on.
        if best is not None and (words or current is None or current.isHidden()):
            self.list.setCurrentRow(best[1])

    def _first_visible_row(self) -> int:
        return next((r for r in range(self.list.count()) if not self.list.item(r).isHidden()), -1)

    def _show_summary(self) -> None:
        labels = [self._label(code) for code in self._order]
        self.summary.setText(
            self.tr("Chosen: %1").replace("%1", ", ".join(labels))
            if labels
            else self.tr("Nothing chosen")
        )

    def _label(self, code: str) -> str:
        return self._vocabulary.label(self._facet, code, self._lang)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.filter_edit and key in (
            Qt.Key.Key_Down,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            row = self._first_visible_row()
            current = self.list.currentItem()
            if current is None or current.isHidden():
                self.list.setCurrentRow(row)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is self.list:
            text = event.text()
            up_at_top = key == Qt.Key.Key_Up and self.list.currentRow() == self._first_visible_row()
            if up_at_top:
                self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            # Letters go back to the filter: the list's own type-ahead would jump, not narrow.
            if (
                text
                and text.isprintable()
                and not text.isspace()
                and not event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.filter_edit.insert(text)
                return True
        return super().eventFilter(watched, event)


def match_tier(query: str, words: list[str], label: str, search: str) -> int:
    """How well a shown term answers the typed ``query`` (lower is better): 0 its label starts
    with it, 1 each word begins a word of its own in the label, 2 the same in its other names,
    3 the words are only inside other words."""
    if label.startswith(query):
        return 0
    if _words_begin(words, label.split()):
        return 1
    if _words_begin(words, search.split()):
        return 2
    return 3


def _words_begin(words: list[str], targets: list[str]) -> bool:
    """Each of ``words`` begins a different one of ``targets``."""
    free = list(targets)
    for word in words:
        hit = next((t for t in free if t.startswith(word)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True
