"""The change history (historik) of one record: who changed what, when, from which value to
which, newest first (behind `mapper history` and the Historik tabs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mapper.domain.errors import NotFoundError
from mapper.domain.vocabulary import load_vocabulary
from mapper.persistence.database import Database
from mapper.persistence.repositories import history as rows
from mapper.persistence.repositories.history import RECORD_TYPES, partnership_uid

__all__ = ["FIELD_LABELS", "FieldChange", "HistoryEntry", "HistoryService", "partnership_uid"]

FIELD_LABELS = {
    "name": "Navn",
    "title": "Titel",
    "kind": "Aktørtype",
    "parent_id": "Overordnet organisation",
    "owner_id": "Ejer",
    "registry_ids": "Registernumre (CVR …)",
    "municipality_code": "Kommune",
    "description": "Beskrivelse",
    "concreteness": "Konkrethed",
    "prevention_level": "Forebyggelsesniveau",
    "our_role": "Vores rolle",
    "how_we_know_it_works": "Sådan ved vi, at det virker",
    "partner_gets": "Det får partneren",
    "status": "Status",
    "involves_statutory_task": "Myndighedsopgave",
    "location.address": "Adresse",
    "location.postcode": "Postnummer",
    "location.city": "By",
    "location.municipality_code": "Kommune",
    "location.lat": "Breddegrad",
    "location.lon": "Længdegrad",
    "location.precision": "Placeringens præcision",
    "service_area_km": "Dækningsområde (km)",
    "employees": "Ansatte",
    "volunteers": "Frivillige",
    "target_groups": "Målgrupper",
    "resources_offered": "Ressourcer vi tilbyder",
    "roles": "Roller",
    "prevention_levels": "Forebyggelsesniveauer",
    "profile.we_are": "Hvem vi er",
    "profile.best_at": "Vi er bedst til",
    "profile.worst_at": "Vi er dårligst til",
    "profile.success_examples": "Succesfulde projekter",
    "profile.attractive_partner_because": "En attraktiv partner fordi",
    "profile.role_towards_target_group": "Min/vores rolle i forhold til målgruppen",
    "profile.how_we_know_it_works": "Sådan ved vi, at det virker",
    "profile.evidence_level": "Evidensniveau",
    "seeking.description": "Hvem vi søger",
    "seeking.resources": "Søgte ressourcer",
    "seeking.roles": "Søgte roller",
    "seeking.target_groups": "Søgte målgrupper",
    "seeking.required_resources": "Krævede ressourcer",
    "seeking.actor_kinds": "Søgte partnertyper",
    "seeking.must_not": "Må ikke",
    "seeking.excluded_actor_kinds": "Fravalgte partnertyper",
    "seeking.max_distance_km": "Største afstand (km)",
    "contact.name": "Kontaktperson",
    "contact.email": "E-mail",
    "contact.phone": "Telefon",
    "contact.website": "Hjemmeside",
    "public": "Offentlig",
    "active": "Aktiv",
    "consent.given_on": "Dato for samtykke",
    "consent.purpose": "Formål med registreringen",
    "verified_on": "Bekræftet den",
    "review_notes": "Til gennemsyn",
    "stage": "Fase",
    "type": "Type",
    "notes": "Noter",
    "effect": "Sådan ved vi, at det virker",
    "evidence_level": "Evidensniveau",
    "success_factors": "Succesfaktorer",
    "updated_on": "Opdateret",
    "merged_into": "Lagt sammen med",
    "merged_from": "Sammenlagt fra",
}
"""Danish titles of the interchange field paths the history names (the CLI's; the window
titles fields in its own language, falling back on these)."""

ACTION_LABELS = {
    "created": "oprettet",
    "changed": "ændret",
    "deleted": "slettet",
    "revived": "genoprettet",
    "merged": "sammenlagt",
    "imported": "importeret",
}
"""Danish words for what was done."""


@dataclass(frozen=True)
class FieldChange:
    """One field's change: its interchange path, Danish title, old and new value (JSON)."""

    field: str
    label: str
    old: Any
    new: Any
    shown_old: Any = None
    """``old`` for people: a code as its Danish label (the vocabulary's), else as stored."""
    shown_new: Any = None


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record: when (aware UTC), by whom, what was done, which fields."""

    record_type: str
    record_id: str
    version: int
    changed_at: dt.datetime
    changed_by: str | None
    """None for a change whose author was not known."""
    action: str
    """'created', 'changed', 'deleted', 'revived', 'merged' or 'imported'."""
    changes: tuple[FieldChange, ...]
    values_kept: bool
    """False when no values are kept: an imported new record, or values erased."""

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def field_label(path: str) -> str:
    """The Danish title of a field path; a path without one is shown as it is."""
    return FIELD_LABELS.get(path, path)


CODE_FACETS = {
    "kind": "actor_kinds",
    "target_groups": "target_groups",
    "roles": "roles",
    "prevention_levels": "prevention_levels",
    "prevention_level": "prevention_levels",
    "concreteness": "problem_concreteness",
    "profile.evidence_level": "evidence_levels",
    "seeking.roles": "roles",
    "seeking.target_groups": "target_groups",
    "seeking.resources": "resource_kinds",
    "seeking.actor_kinds": "actor_kinds",
    "seeking.excluded_actor_kinds": "actor_kinds",
    "seeking.required_resources": "resource_kinds",
    "stage": "partnership_stages",
    "type": "partnership_types",
    "success_factors": "partnership_success_factors",
    "evidence_level": "evidence_levels",
}
"""Fields whose values are codes of a vocabulary facet (shown by their Danish labels)."""


def shown(path: str, value: Any) -> Any:
    """A stored value as people read it: codes by their Danish label, the rest as stored."""
    facet = CODE_FACETS.get(path)
    if facet is None or value is None:
        return value
    vocabulary = load_vocabulary()
    if isinstance(value, str):
        return vocabulary.label(facet, value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [vocabulary.label(facet, v) for v in value]
    return value


class HistoryService:
    """Reads the change history of actors, problem statements and partnerships."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def history(self, record_type: str, uid: str) -> list[HistoryEntry]:
        """The record's changes, newest first. A partnership is named by
        ``partnership_uid(problem id, actor id)``. A deleted record keeps its history; an id
        with no history at all is NotFoundError (with the nearest id that has one)."""
        if record_type not in RECORD_TYPES:
            raise ValueError(f"record type {record_type!r}: one of {', '.join(RECORD_TYPES)}")
        with self.database.unit_of_work() as session:
            found = rows.entries(session, record_type, uid)
            if not found and not rows.exists(session, record_type, uid):
                raise NotFoundError(record_type, uid, rows.nearest_uid(session, record_type, uid))
        return [
            HistoryEntry(
                record_type=r.record_type,
                record_id=r.record_uid,
                version=r.version,
                changed_at=r.changed_at,
                changed_by=r.changed_by,
                action=r.action,
                changes=tuple(
                    FieldChange(
                        path,
                        field_label(path),
                        values[0],
                        values[1],
                        shown(path, values[0]),
                        shown(path, values[1]),
                    )
                    for path, values in (r.changes or {}).items()
                ),
                values_kept=r.changes is not None,
            )
            for r in found
        ]


def history(database: Database, record_type: str, uid: str) -> list[HistoryEntry]:
    """``HistoryService(database).history(record_type, uid)``."""
    return HistoryService(database).history(record_type, uid)
