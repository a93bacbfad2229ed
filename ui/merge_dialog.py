"""The merge view: two actors side by side, field by field, with a choice where they differ, the
score and evidence on top, and Merge / Not the same / Cancel."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.dedupe import Evidence
from mapper.domain.errors import ConflictError
from mapper.domain.merge import LIST_FIELDS, MERGE_FIELDS
from mapper.domain.model import Actor, Consent, Resource
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipality_name
from mapper.services.merge import MergePreview, MergeResult, MergeService
from ui.error_text import describe_error
from ui.locale_format import format_number, substitute
from ui.operations import run_in_background
from ui.text_pieces import QT_TRANSLATE_NOOP, field_title_of, review_note_text, ui_lang

translate = QCoreApplication.translate

SURVIVOR, OTHER, BOTH = "survivor", "other", "both"
SHORT_TEXT = 90
"""Longer values are cut short beside their choice (the whole text is in the tooltip)."""

FIELD_ORDER = (
    "name",
    "kind",
    "location.address",
    "location.postcode",
    "location.city",
    "location.municipality_code",
    "registry_ids",
    "contact.email",
    "contact.phone",
    "contact.website",
    "contact.name",
    "profile.we_are",
    "profile.best_at",
    "profile.worst_at",
    "profile.attractive_partner_because",
    "profile.role_towards_target_group",
    "profile.how_we_know_it_works",
    "profile.evidence_level",
    "profile.success_examples",
    "target_groups",
    "roles",
    "resources_offered",
    "prevention_levels",
    "seeking.description",
    "seeking.resources",
    "seeking.roles",
    "seeking.target_groups",
    "employees",
    "volunteers",
    "service_area_km",
    "parent_id",
    "public",
    "active",
    "consent",
    "verified_on",
    "review_notes",
)
"""The fields shown, in the order of the editor; any other field of MERGE_FIELDS follows."""

TITLES = {
    "registry_ids": QT_TRANSLATE_NOOP("MergeDialog", "Register ids (CVR …)"),
    "profile.we_are": QT_TRANSLATE_NOOP("MergeDialog", "Who we are"),
    "profile.best_at": QT_TRANSLATE_NOOP("MergeDialog", "We are best at"),
    "profile.worst_at": QT_TRANSLATE_NOOP("MergeDialog", "We are worst at"),
    "profile.attractive_partner_because": QT_TRANSLATE_NOOP(
        "MergeDialog", "An attractive partner because"
    ),
    "profile.role_towards_target_group": QT_TRANSLATE_NOOP(
        "MergeDialog", "Our role towards the target group"
    ),
    "profile.how_we_know_it_works": QT_TRANSLATE_NOOP("MergeDialog", "How we know it works"),
    "consent": QT_TRANSLATE_NOOP("MergeDialog", "Consent"),
    "review_notes": QT_TRANSLATE_NOOP("MergeDialog", "For review"),
}
"""Titles of the fields the error texts have none for."""

EVIDENCE_TITLES = {
    "name": QT_TRANSLATE_NOOP("MergeDialog", "Name"),
    "cvr": QT_TRANSLATE_NOOP("MergeDialog", "CVR number"),
    "email": QT_TRANSLATE_NOOP("MergeDialog", "E-mail"),
    "website": QT_TRANSLATE_NOOP("MergeDialog", "Website"),
    "phone": QT_TRANSLATE_NOOP("MergeDialog", "Phone"),
    "address": QT_TRANSLATE_NOOP("MergeDialog", "Address"),
    "postcode": QT_TRANSLATE_NOOP("MergeDialog", "Postcode"),
    "town": QT_TRANSLATE_NOOP("MergeDialog", "Town"),
    "municipality": QT_TRANSLATE_NOOP("MergeDialog", "Municipality"),
}
NAME_NOTES = (
    (re.compile(r"places (.+) ≠ (.+)"), QT_TRANSLATE_NOOP("MergeDialog", "other places: %1 ≠ %2")),
    (
        re.compile(r"place (.+) ≠ town (.+)"),
        QT_TRANSLATE_NOOP("MergeDialog", "the name's place %1 ≠ the town %2"),
    ),
    (
        re.compile(r"numbers (.+) ≠ (.+)"),
        QT_TRANSLATE_NOOP("MergeDialog", "other numbers: %1 ≠ %2"),
    ),
    (re.compile(r"words (.+) ≠ (.+)"), QT_TRANSLATE_NOOP("MergeDialog", "other words: %1 ≠ %2")),
    (
        re.compile(r"(?:numbers|words) (.+) in one name only"),
        QT_TRANSLATE_NOOP("MergeDialog", "%1 in one name only"),
    ),
    (re.compile(r"abbreviation (.+)"), QT_TRANSLATE_NOOP("MergeDialog", "abbreviation %1")),
)
_NAME_SCORE = re.compile(r"name score (\d+)(?: \((.*)\))?$")


def evidence_text(evidence: Evidence) -> str:
    """One piece of evidence in the interface language: '✓ Postcode: 6700',
    '✗ Name: score 40 (other numbers: 1 ≠ 2)'."""
    title = translate("MergeDialog", EVIDENCE_TITLES.get(evidence.field, evidence.field))
    mark = "✓" if evidence.agrees else "✗"
    found = _NAME_SCORE.match(evidence.detail) if evidence.field == "name" else None
    if found:
        value = substitute(translate("MergeDialog", "score %1"), found[1])
        if found[2]:
            value += f" ({_name_note(found[2])})"
    else:
        # 'postcode 6700 ≠ 6800' → '6700 ≠ 6800': the field is named by the title.
        value = evidence.detail.split(" ", 1)[1] if " " in evidence.detail else evidence.detail
    return f"{mark} {title}: {value}"


def _name_note(note: str) -> str:
    for pattern, template in NAME_NOTES:
        found = pattern.fullmatch(note)
        if found:
            return substitute(translate("MergeDialog", template), *found.groups())
    return note


def score_text(score: float | None, decision: str | None) -> str:
    if score is None:
        return translate(
            "MergeDialog", "Two different CVR numbers: two legal entities are never merged."
        )
    number = format_number(score, 0)
    if decision == "merge":
        return substitute(translate("MergeDialog", "Score %1: very likely the same actor"), number)
    if decision == "review":
        return substitute(translate("MergeDialog", "Score %1: possibly the same actor"), number)
    return substitute(translate("MergeDialog", "Score %1: probably two actors"), number)


def field_title(path: str) -> str:
    title = TITLES.get(path)
    return translate("MergeDialog", title) if title else field_title_of(path)


@dataclass(frozen=True)
class FieldChoice:
    """One row of the view: a field, both values as shown, and the default choice."""

    path: str
    mine: str
    theirs: str
    differs: bool
    default: str
    """'survivor', 'other' or (lists) 'both'."""


class MergeDialog(QDialog):
    """Merge two actors: choose per differing field which value the survivor keeps."""

    loaded = Signal()
    """The two actors are shown (after every load)."""
    merged = Signal(object)
    """A ``MergeResult`` once the database holds the merge."""
    marked_distinct = Signal(object)
    """The ``Changes`` of "Not the same" once recorded."""
    failed = Signal(str)
    """A refused merge, as shown to the user."""

    def __init__(
        self,
        merges: MergeService,
        first_id: str,
        second_id: str,
        vocabulary: Vocabulary,
        *,
        decision: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge actors"))
        self._merges = merges
        self._vocabulary = vocabulary
        self._ids = (first_id, second_id)
        self._decision = decision
        self._preview: MergePreview | None = None
        self._groups: dict[str, QButtonGroup] = {}
        self._pending_error = ""
        """A message to show with the next load (a conflict reloads the actors)."""

        self.score = QLabel()
        self.score.setObjectName("mergeScore")
        self.score.setWordWrap(True)
        self.evidence = QListWidget()
        self.evidence.setObjectName("mergeEvidence")
        self.evidence.setAccessibleName(self.tr("Why they may be the same"))
        self.evidence.setMaximumHeight(110)
        self.survivor_box = QComboBox()
        self.survivor_box.setObjectName("mergeSurvivor")
        self.survivor_box.setAccessibleName(self.tr("The actor that stays"))
        self.survivor_box.activated.connect(self._survivor_chosen)
        keep = QFormLayout()
        keep.addRow(self.tr("Keep the id of"), self.survivor_box)

        self.field_area = QScrollArea()
        self.field_area.setAccessibleName(self.tr("Values to keep"))
        self.field_area.setWidgetResizable(True)
        self.fields = QWidget()

        self.error = QLabel()
        self.error.setObjectName("mergeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000")
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button: QPushButton = self.buttons.addButton(
            self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.distinct_button: QPushButton = self.buttons.addButton(
            self.tr("&Not the same"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.distinct_button.setToolTip(
            self.tr("They are different actors: never propose them as duplicates again")
        )
        self.merge_button.clicked.connect(self.merge)
        self.distinct_button.clicked.connect(self.mark_distinct)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton) and button is not self.merge_button:
                button.setAutoDefault(False)
        self._enable(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.score)
        layout.addWidget(self.evidence)
        layout.addLayout(keep)
        layout.addWidget(self.field_area, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.load()

    # ----------------------------------------------------------------- loading

    @property
    def survivor_id(self) -> str:
        return self._ids[0]

    @property
    def other_id(self) -> str:
        return self._ids[1]

    def load(self) -> None:
        """Read both actors (in the background) and show them."""
        self._enable(False)
        survivor, other = self._ids
        run_in_background(
            self,
            lambda: self._merges.preview(survivor, other),
            on_success=self._show,
            on_failure=self._failed,
        )

    def swap(self) -> None:
        """Keep the other actor's id instead (its values win where both have one)."""
        self._ids = (self._ids[1], self._ids[0])
        self.load()

    def _survivor_chosen(self, index: int) -> None:
        if self.survivor_box.itemData(index) != self.survivor_id:
            self.swap()

    def _show(self, preview: MergePreview) -> None:
        self._preview = preview
        if self._pending_error:
            self.error.setText(self._pending_error)
            self.error.show()
            self._pending_error = ""
        else:
            self.error.hide()
        self.score.setText(score_text(preview.score, self._decision))
        self.evidence.clear()
        for evidence in preview.evidence:
            self.evidence.addItem(evidence_text(evidence))
        self.survivor_box.clear()
        for actor in (preview.survivor, preview.other):
            self.survivor_box.addItem(f"{actor.name} ({actor.id})", actor.id)
        self.survivor_box.setCurrentIndex(0)
        self._fill_fields(preview)
        self._enable(preview.score is not None)
        self.distinct_button.setEnabled(True)
        self.loaded.emit()

    def _fill_fields(self, preview: MergePreview) -> None:
        """A fresh grid of the fields (the scroll area drops the previous one at once)."""
        self.fields = QWidget()
        self.fields.setObjectName("mergeFields")
        self.grid = QGridLayout(self.fields)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self._groups = {}
        for column, actor in ((1, preview.survivor), (2, preview.other)):
            head = QLabel(f"<b>{_escaped(actor.name)}</b><br>{_escaped(actor.id)}")
            head.setTextFormat(Qt.TextFormat.RichText)
            self.grid.addWidget(head, 0, column)
        row = 1
        for choice in field_choices(preview, self._vocabulary):
            title = QLabel(field_title(choice.path))
            title.setObjectName(f"title:{choice.path}")
            self.grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            if not choice.differs:
                same = QLabel(_short(choice.mine))
                same.setToolTip(choice.mine)
                same.setWordWrap(True)
                self.grid.addWidget(same, row, 1, 1, 2)
                row += 1
                continue
            group = QButtonGroup(self.fields)
            self._groups[choice.path] = group
            options = [(SURVIVOR, choice.mine, 1), (OTHER, choice.theirs, 2)]
            for side, text, column in options:
                button = self._radio(choice.path, side, text, title.text())
                group.addButton(button)
                button.setChecked(side == choice.default)
                self.grid.addWidget(button, row, column)
            if choice.path in LIST_FIELDS:
                both = self._radio(choice.path, BOTH, self.tr("Both (all of them)"), title.text())
                group.addButton(both)
                both.setChecked(choice.default == BOTH)
                self.grid.addWidget(both, row + 1, 1, 1, 2)
                row += 1
            row += 1
        self.grid.setRowStretch(row, 1)
        self.field_area.setWidget(self.fields)
        self.fields.show()  # a widget set on a visible scroll area is not shown by it

    def _radio(self, path: str, side: str, text: str, title: str) -> QRadioButton:
        button = QRadioButton(_short(text) if text else self.tr("(empty)"))
        button.setObjectName(f"{side}:{path}")
        button.setToolTip(text)
        button.setAccessibleName(f"{title}: {text or self.tr('(empty)')}")
        button.setProperty("side", side)
        return button

    # ----------------------------------------------------------------- choices

    def choices(self) -> dict[str, str]:
        """The field choices as ``MergeService.merge`` takes them (lists left at 'both' are
        united, so they are not named)."""
        chosen: dict[str, str] = {}
        for path, group in self._groups.items():
            button = group.checkedButton()
            side = str(button.property("side")) if button is not None else BOTH
            if side != BOTH:
                chosen[path] = side
        return chosen

    def choose(self, path: str, side: str) -> None:
        """Pick a value (as clicking its radio button does)."""
        for button in self._groups[path].buttons():
            if button.property("side") == side:
                button.setChecked(True)
                return
        raise KeyError(f"{path}: no choice {side!r}")

    # ----------------------------------------------------------------- actions

    def merge(self) -> None:
        preview = self._preview
        if preview is None:
            return
        self._enable(False)
        survivor, other = self._ids
        choices = self.choices()
        versions = {survivor: preview.survivor_version, other: preview.other_version}
        run_in_background(
            self,
            lambda: self._merges.merge(survivor, other, choices, versions),
            on_success=self._merged,
            on_failure=self._failed,
        )

    def mark_distinct(self) -> None:
        self._enable(False)
        self.distinct_button.setEnabled(False)
        first, second = self._ids
        run_in_background(
            self,
            lambda: self._merges.mark_distinct(first, second),
            on_success=self._distinct,
            on_failure=self._failed,
        )

    def _merged(self, result: MergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _distinct(self, changes: Any) -> None:
        self.marked_distinct.emit(changes)
        self.accept()

    def _failed(self, error: BaseException, _details: str) -> None:
        text = describe_error(error)
        if isinstance(error, ConflictError):
            text += " " + self.tr("The actors are shown again as they are stored now.")
            self._pending_error = text
            self.load()
        else:
            self._enable(self._preview is not None and self._preview.score is not None)
            self.distinct_button.setEnabled(self._preview is not None)
        self.error.setText(text)
        self.error.show()
        self.failed.emit(text)

    def _enable(self, enabled: bool) -> None:
        self.merge_button.setEnabled(enabled)
        self.distinct_button.setEnabled(enabled)
        if enabled:
            self.merge_button.setDefault(True)  # Enter merges (never Cancel by default)


# --------------------------------------------------------------------------- values as text


def field_choices(preview: MergePreview, vocabulary: Vocabulary) -> list[FieldChoice]:
    """The rows of the view: every field either actor has, with the merge's default choice."""
    paths = [*FIELD_ORDER, *(p for p in MERGE_FIELDS if p not in FIELD_ORDER)]
    rows = []
    for path in paths:
        mine, theirs = _value(preview.survivor, path), _value(preview.other, path)
        if _empty(mine) and _empty(theirs):
            continue
        differs = mine != theirs
        if path in LIST_FIELDS:
            default = BOTH
            if differs and (_empty(mine) or _empty(theirs)):
                default = SURVIVOR if _empty(theirs) else OTHER
        else:
            default = OTHER if preview.fields.get(path) == "merged" else SURVIVOR
        rows.append(
            FieldChoice(
                path,
                value_text(path, mine, vocabulary),
                value_text(path, theirs, vocabulary),
                differs,
                default,
            )
        )
    return rows


def _value(actor: Actor, path: str) -> Any:
    value: Any = actor
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _empty(value: Any) -> bool:
    return value is None or value == () or value == "" or value == Consent()


def value_text(path: str, value: Any, vocabulary: Vocabulary) -> str:
    """A field's value as the view shows it (codes by their labels in the interface language)."""
    lang = ui_lang()
    facets = {
        "kind": "actor_kinds",
        "target_groups": "target_groups",
        "seeking.target_groups": "target_groups",
        "roles": "roles",
        "seeking.roles": "roles",
        "prevention_levels": "prevention_levels",
        "seeking.resources": "resource_kinds",
        "profile.evidence_level": "evidence_levels",
    }
    if value is None or value == ():
        return ""
    if path in facets:
        codes = value if isinstance(value, tuple) else (value,)
        return ", ".join(vocabulary.label(facets[path], str(c), lang) for c in codes)
    if path == "resources_offered":
        return ", ".join(_resource_text(r, vocabulary, lang) for r in value)
    if path == "registry_ids":
        return ", ".join(f"{scheme.upper()} {number}" for scheme, number in value)
    if path == "review_notes":
        return "; ".join(review_note_text(n.field, n.value, n.reason) for n in value)
    if path == "location.municipality_code":
        name = municipality_name(value)
        return f"{name} ({value})" if name else str(value)
    if isinstance(value, bool):
        return translate("MergeDialog", "Yes") if value else translate("MergeDialog", "No")
    if isinstance(value, int | float):
        return format_number(float(value), 0 if float(value).is_integer() else 1)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Consent):
        given = value.given_on.isoformat() if value.given_on else ""
        return ": ".join(p for p in (given, value.purpose or "") if p)
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _resource_text(resource: Resource, vocabulary: Vocabulary, lang: str) -> str:
    label = vocabulary.label("resource_kinds", resource.kind, lang)
    return f"{label} ({resource.description})" if resource.description else label


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1] + "…"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
