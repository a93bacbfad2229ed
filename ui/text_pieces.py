"""The small pieces every sentence about the core's errors is made of: field and record titles,
values quoted back, code labels, and the texts of what an import kept for review.

Split from ui/error_text.py (which composes the sentences) so that neither grows into a facade.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from mapper.domain.vocabulary import load_vocabulary
from ui.locale_format import format_number, substitute

translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which knows this name, typed here as str); it is translated
    where it is shown."""
    return text


SHOWN_PROBLEMS = 3
"""How many problems of a ValidationError its summary spells out."""
MAX_VALUE = 60
"""Longer values are cut short when quoted back."""

FIELD_TITLES = {
    "id": QT_TRANSLATE_NOOP("ErrorText", "Id"),
    "name": QT_TRANSLATE_NOOP("ErrorText", "Name"),
    "title": QT_TRANSLATE_NOOP("ErrorText", "Title"),
    "kind": QT_TRANSLATE_NOOP("ErrorText", "Kind of actor"),
    "active": QT_TRANSLATE_NOOP("ErrorText", "Active"),
    "public": QT_TRANSLATE_NOOP("ErrorText", "Public"),
    "status": QT_TRANSLATE_NOOP("ErrorText", "Status"),
    "description": QT_TRANSLATE_NOOP("ErrorText", "Description"),
    "parent_id": QT_TRANSLATE_NOOP("ErrorText", "Parent organisation"),
    "owner_id": QT_TRANSLATE_NOOP("ErrorText", "Owner"),
    "problem_id": QT_TRANSLATE_NOOP("ErrorText", "Problem statement"),
    "actor_id": QT_TRANSLATE_NOOP("ErrorText", "Partner"),
    "target_groups": QT_TRANSLATE_NOOP("ErrorText", "Target groups"),
    "roles": QT_TRANSLATE_NOOP("ErrorText", "Roles"),
    "prevention_levels": QT_TRANSLATE_NOOP("ErrorText", "Prevention levels"),
    "prevention_level": QT_TRANSLATE_NOOP("ErrorText", "Prevention level"),
    "resources_offered": QT_TRANSLATE_NOOP("ErrorText", "Resources offered"),
    "resources_offered.kind": QT_TRANSLATE_NOOP("ErrorText", "Kind of resource"),
    "resources_offered.hours_per_month": QT_TRANSLATE_NOOP("ErrorText", "Hours per month"),
    "resources_offered.amount_dkk": QT_TRANSLATE_NOOP("ErrorText", "Amount (DKK)"),
    "service_area_km": QT_TRANSLATE_NOOP("ErrorText", "Service area (km)"),
    "volunteers": QT_TRANSLATE_NOOP("ErrorText", "Volunteers"),
    "employees": QT_TRANSLATE_NOOP("ErrorText", "Employees"),
    "verified_on": QT_TRANSLATE_NOOP("ErrorText", "Verified on"),
    "contact.name": QT_TRANSLATE_NOOP("ErrorText", "Contact person"),
    "contact.email": QT_TRANSLATE_NOOP("ErrorText", "E-mail"),
    "contact.phone": QT_TRANSLATE_NOOP("ErrorText", "Phone"),
    "contact.website": QT_TRANSLATE_NOOP("ErrorText", "Website"),
    "consent.given_on": QT_TRANSLATE_NOOP("ErrorText", "Date of consent"),
    "consent.purpose": QT_TRANSLATE_NOOP("ErrorText", "Purpose of registration"),
    "location": QT_TRANSLATE_NOOP("ErrorText", "Location"),
    "location.lat": QT_TRANSLATE_NOOP("ErrorText", "Latitude"),
    "location.lon": QT_TRANSLATE_NOOP("ErrorText", "Longitude"),
    "location.address": QT_TRANSLATE_NOOP("ErrorText", "Address"),
    "location.postcode": QT_TRANSLATE_NOOP("ErrorText", "Postcode"),
    "location.city": QT_TRANSLATE_NOOP("ErrorText", "City"),
    "location.municipality_code": QT_TRANSLATE_NOOP("ErrorText", "Municipality"),
    "municipality_code": QT_TRANSLATE_NOOP("ErrorText", "Municipality"),
    "profile.success_examples": QT_TRANSLATE_NOOP("ErrorText", "Successful projects"),
    "profile.evidence_level": QT_TRANSLATE_NOOP("ErrorText", "Evidence level"),
    "evidence_level": QT_TRANSLATE_NOOP("ErrorText", "Evidence level"),
    "effect": QT_TRANSLATE_NOOP("ErrorText", "How we know it works"),
    "concreteness": QT_TRANSLATE_NOOP("ErrorText", "Concreteness"),
    "seeking": QT_TRANSLATE_NOOP("ErrorText", "What you seek"),
    "seeking.description": QT_TRANSLATE_NOOP("ErrorText", "Who we seek"),
    "seeking.roles": QT_TRANSLATE_NOOP("ErrorText", "Roles sought"),
    "seeking.target_groups": QT_TRANSLATE_NOOP("ErrorText", "Target groups sought"),
    "seeking.resources": QT_TRANSLATE_NOOP("ErrorText", "Resources sought"),
    "seeking.resources.kind": QT_TRANSLATE_NOOP("ErrorText", "Kind of resource"),
    "seeking.resources.hours_per_month": QT_TRANSLATE_NOOP("ErrorText", "Hours per month"),
    "seeking.resources.amount_dkk": QT_TRANSLATE_NOOP("ErrorText", "Amount (DKK)"),
    "seeking.required_resources": QT_TRANSLATE_NOOP("ErrorText", "Required resources"),
    "seeking.actor_kinds": QT_TRANSLATE_NOOP("ErrorText", "Kinds of partner sought"),
    "seeking.excluded_actor_kinds": QT_TRANSLATE_NOOP("ErrorText", "Kinds of partner excluded"),
    "seeking.max_distance_km": QT_TRANSLATE_NOOP("ErrorText", "Maximum distance (km)"),
    "stage": QT_TRANSLATE_NOOP("ErrorText", "Stage"),
    "type": QT_TRANSLATE_NOOP("ErrorText", "Type"),
    "success_factors": QT_TRANSLATE_NOOP("ErrorText", "Success factors"),
    "notes": QT_TRANSLATE_NOOP("ErrorText", "Notes"),
    "partnerships": QT_TRANSLATE_NOOP("ErrorText", "Partnerships"),
}
"""Titles of the interchange fields, for problems shown without the form's own title."""

RECORD_KINDS = {
    "actor": QT_TRANSLATE_NOOP("ErrorText", "Actor %1"),
    "problem": QT_TRANSLATE_NOOP("ErrorText", "Problem statement %1"),
    "partnership": QT_TRANSLATE_NOOP("ErrorText", "Partnership %1"),
}
JSON_TYPES = {
    "string": QT_TRANSLATE_NOOP("ErrorText", "text"),
    "number": QT_TRANSLATE_NOOP("ErrorText", "a number"),
    "integer": QT_TRANSLATE_NOOP("ErrorText", "a whole number"),
    "boolean": QT_TRANSLATE_NOOP("ErrorText", "yes or no"),
    "array": QT_TRANSLATE_NOOP("ErrorText", "a list"),
    "object": QT_TRANSLATE_NOOP("ErrorText", "a group of fields"),
    "null": QT_TRANSLATE_NOOP("ErrorText", "nothing"),
}


def ui_lang() -> str:
    """'da' or 'en': the language the installed translation speaks (labels from the
    vocabulary must match the sentences around them)."""
    # Qt's own idiom (cf. QT_LAYOUT_DIRECTION): the translation names its language.
    code = translate("ErrorText", "LANGUAGE_CODE")
    return code if code in ("da", "en") else "en"


# --------------------------------------------------------------------------- pieces


def field_title_of(path: str) -> str:
    """The title of a field named by its dotted path: 'target_groups[1]' → 'Target groups
    (no. 2)'; a path without a title is shown as it is."""
    plain, index = strip_indices(path)
    title = FIELD_TITLES.get(plain)
    if title is None:
        return path
    text = translate("ErrorText", title)
    if index is not None:
        text = substitute(translate("ErrorText", "%1 (no. %2)"), text, index + 1)
    return text


REVIEW_REASONS = {
    "unmapped_code": QT_TRANSLATE_NOOP("ErrorText", "no matching code"),
    "unknown_postcode": QT_TRANSLATE_NOOP("ErrorText", "unknown postcode"),
    "invalid_value": QT_TRANSLATE_NOOP("ErrorText", "not a valid value"),
    "source_note": QT_TRANSLATE_NOOP("ErrorText", "note in the source"),
}
"""Why an imported value was kept on an actor for review (ReviewNote.reason)."""


def review_reason(reason: str) -> str:
    text = REVIEW_REASONS.get(reason)
    return translate("ErrorText", text) if text else reason


def review_note_text(field: str, value: str, reason: str) -> str:
    """'Target groups: “Sårbare fiskere” (no matching code)'."""
    return substitute(
        translate("ErrorText", "%1: %2 (%3)"),
        field_title_of(field),
        quoted(value),
        review_reason(reason),
    )


def record_title(record: str) -> str:
    """'actor foreningen-x' → 'Actor foreningen-x', 'actors[3]' → 'Actor no. 4'."""
    kind, _, rest = record.partition(" ")
    if kind in RECORD_KINDS and rest:
        return substitute(translate("ErrorText", RECORD_KINDS[kind]), rest)
    for collection, singular in (("actors", "actor"), ("problems", "problem")):
        if record.startswith(f"{collection}[") and record.endswith("]"):
            number = record[len(collection) + 1 : -1]
            if number.isdigit():
                return substitute(
                    translate("ErrorText", RECORD_KINDS[singular]),
                    substitute(translate("ErrorText", "no. %1"), int(number) + 1),
                )
    if record == "document":
        return translate("ErrorText", "The document")
    return record


def quoted(value: object) -> str:
    text = value if isinstance(value, str) else plain(value)
    if len(text) > MAX_VALUE:
        text = text[: MAX_VALUE - 1] + "…"
    return substitute(translate("ErrorText", '"%1"'), text)


def plain(value: object) -> str:
    if isinstance(value, bool):
        return translate("ErrorText", "yes") if value else translate("ErrorText", "no")
    if isinstance(value, (int, float)):
        return plain_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(plain(v) for v in value)
    return str(value)


def plain_number(value: float) -> str:
    if isinstance(value, float) and value != value:  # NaN
        return str(value)
    try:
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
    except ArithmeticError:
        return str(value)
    decimals = min(6, max(0, -exponent)) if isinstance(exponent, int) else 0
    try:
        return format_number(float(value), decimals)
    except ValueError:
        return str(value)


def listed(items: Iterable[object]) -> str:
    return ", ".join(plain(i) for i in items)


def strip_indices(path: str) -> tuple[str, int | None]:
    """('target_groups', 1) for 'target_groups[1]'; the last index, if any."""
    plain, index = "", None
    i = 0
    while i < len(path):
        if path[i] == "[":
            end = path.find("]", i)
            if end < 0:
                return path, None
            number = path[i + 1 : end]
            index = int(number) if number.isdigit() else None
            i = end + 1
        else:
            plain += path[i]
            i += 1
    return plain, index


def code_label(facet: str, code: object) -> str:
    if not isinstance(code, str):
        return plain(code)
    try:
        return load_vocabulary().label(facet, code, ui_lang())
    except KeyError:  # not a facet of the vocabulary
        return code
