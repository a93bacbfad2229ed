"""The rules every actor record keeps, whoever writes it: the dating-profile editor, an import
of a document or a register, ``mapper set``. One place, so that an import is exactly as strict
as the editor (mapper.io.interchange applies them to every actor it reads; the edit service
validates through it).
"""

from __future__ import annotations

import re

from mapper.domain.errors import InputProblem
from mapper.domain.model import Actor
from mapper.domain.vocabulary import Vocabulary

# Deliberately loose: one '@', something on both sides and a dot in the domain. Mail servers
# are the real judge; this catches the typing slips an editor should point at.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
WEBSITE = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
"""http(s) only: a javascript:, data: or file: address is never a website to link to."""


def plausible_email(text: str) -> bool:
    return EMAIL.match(text.strip()) is not None


def plausible_website(text: str) -> bool:
    return WEBSITE.match(text.strip()) is not None


def actor_rule_problems(actor: Actor, vocabulary: Vocabulary) -> list[InputProblem]:
    """What breaks a rule of the record itself (not its shape or codes): a blank name, an
    e-mail or website that cannot be one, and the personal-data rules of individual
    volunteers."""
    label = f"actor {actor.id}"
    problems = []
    if actor.name and not actor.name.strip():
        problems.append(InputProblem(label, "name", actor.name, "the name is blank", code="blank"))
    contact = actor.contact
    if contact.email and not plausible_email(contact.email):
        problems.append(
            InputProblem(
                label,
                "contact.email",
                contact.email,
                "not an e-mail address",
                "e.g. name@example.dk",
                code="not_email",
                params={"example": "name@example.dk"},
            )
        )
    if contact.website and not plausible_website(contact.website):
        problems.append(
            InputProblem(
                label,
                "contact.website",
                contact.website,
                "a website address starts with http:// or https://",
                "e.g. https://www.example.dk",
                code="not_website",
                params={"example": "https://www.example.dk"},
            )
        )
    if vocabulary.holds_personal_data(actor.kind):
        problems += personal_data_problems(actor, label)
    return problems


def personal_data_problems(actor: Actor, label: str) -> list[InputProblem]:
    """An individual volunteer is a person (GDPR): never public, and kept only with consent
    and a purpose."""
    problems = []
    if actor.public:
        # The database refuses it too (CHECK ck_actors_volunteer_not_public).
        problems.append(
            InputProblem(
                label,
                "public",
                True,
                "an individual volunteer is personal data and cannot be public",
                "public = false",
                code="volunteer_public",
            )
        )
    if actor.consent.given_on is None:
        problems.append(
            InputProblem(
                label,
                "consent.given_on",
                None,
                "an individual volunteer is kept only with consent: the date of consent is missing",
                "the date the person agreed to be registered",
                code="consent_required",
            )
        )
    if not (actor.consent.purpose or "").strip():
        problems.append(
            InputProblem(
                label,
                "consent.purpose",
                actor.consent.purpose,
                "an individual volunteer is kept only for a stated purpose: the purpose is missing",
                "e.g. 'Matchning til frivillige opgaver i kommunen'",
                code="purpose_required",
            )
        )
    return problems
