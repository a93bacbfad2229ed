"""A form field's value as one line of text, as the form shows it: for the conflict view,
where two versions of a field stand side by side."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QWidget

from mapper.domain.vocabulary import Vocabulary
from ui.forms.fields import Codes, FieldSpec, Resources, ReviewNotes
from ui.forms.resource_table import ResourceRow
from ui.locale_format import format_number
from ui.text_pieces import review_note_text

EMPTY_TEXT = "—"
DATE_FORMAT = "dd-MM-yyyy"


def value_text(
    spec: FieldSpec, widget: QWidget, value: Any, vocabulary: Vocabulary, lang: str
) -> str:
    """A code by its label, lists joined with ', ', a choice by the text its combo box shows,
    a date as the date field writes it; '—' when empty."""
    if value is None or value == "" or value == () or value == []:
        return EMPTY_TEXT
    if isinstance(spec, Codes):
        return ", ".join(vocabulary.label(spec.facet, c, lang) for c in value)
    if isinstance(spec, Resources):
        return "; ".join(resource_text(spec.facet, row, vocabulary, lang) for row in value)
    if isinstance(spec, ReviewNotes):
        return "; ".join(review_note_text(n.field, n.value, n.reason) for n in value)
    if isinstance(widget, QComboBox) and (index := widget.findData(value)) >= 0:
        return widget.itemText(index)
    if isinstance(value, bool):
        # Literal translate calls, in the form's context, so that lupdate finds them.
        if value:
            return QCoreApplication.translate("RecordForm", "Yes")
        return QCoreApplication.translate("RecordForm", "No")
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day).toString(DATE_FORMAT)
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def resource_text(facet: str, row: ResourceRow, vocabulary: Vocabulary, lang: str) -> str:
    kind, description, hours, dkk = row
    parts = [
        vocabulary.label(facet, kind, lang) if kind else "",
        description,
        QCoreApplication.translate("RecordForm", "%1 hours a month").replace("%1", hours)
        if hours
        else "",
        QCoreApplication.translate("RecordForm", "%1 DKK").replace("%1", dkk) if dkk else "",
    ]
    return ", ".join(p for p in parts if p)
