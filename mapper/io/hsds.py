"""HSDS 3.0 (Open Referral's Human Services Data Specification) and our landscape.

The rules both directions share — stable UUIDs derived from our ids, our vocabularies as HSDS
taxonomies, the identifier schemes — and the import direction: an ``hsds.json`` array of
organization objects (ours, or a reasonable third party's) → our interchange document, which
the ordinary import then validates and stores. The export lives in ``exports/hsds.py``.

What maps where (both directions):

- organization ↔ actor: ``name``; ``description`` ↔ ``profile.we_are`` (HTML-escaped, the
  field may hold markup); ``website``; ``email`` and ``contacts[0]`` (name, e-mail, phone) ↔
  ``contact`` — exported only with the actor's consent; ``parent_organization_id`` ↔
  ``parent_id``.
- ``organization_identifiers``: scheme ``DK-CVR`` ↔ ``registry_ids.cvr``; scheme
  ``frivillighedskortet`` carries our own id, restored when the organization's UUID is the one
  we derive from it (so the file came from us); other schemes ↔ other ``registry_ids``.
- ``attributes`` with one HSDS taxonomy per vocabulary (``frivillighedskortet/target_groups``
  …): the actor's kind, target groups, roles and prevention levels on the organization; a
  resource kind on each service.
- one ``service`` per resource offered; one physical ``location`` with an ``address``
  (postcode, town, municipality as ``state_province``, country DK) and the point.

Terms an import cannot place are kept as review notes (``review_notes``: field, value,
reason ``unmapped_code`` or ``invalid_value``), never dropped; bad input (not an array of
organizations, a missing name, a ``javascript:`` website …) is a ValidationError naming the
organization (index and id) and the field.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from mapper.domain.actor_rules import plausible_email, plausible_website
from mapper.domain.cvr import normalise_cvr
from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.ids import first_free_id, slugify
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo.reference import municipalities, postcode_place
from mapper.io.columns import CodeMapper

NAMESPACE = uuid.UUID("cf0a62f4-2b4a-41e0-a28e-c47bbbf08dfb")
"""Ours, fixed for ever: every HSDS id we write is uuid5(NAMESPACE, '<entity>:<our id>…'), so
the same actor gets the same UUIDs in every export."""

OUR_ID_SCHEME = "frivillighedskortet"
"""organization_identifiers.identifier_scheme of the identifier that holds our actor id."""
CVR_SCHEME = "DK-CVR"
"""org-id.guide's code for the Danish Central Business Register (CVR)."""
COUNTRY = "DK"
LANGUAGE = "da"

ORGANIZATION_FACETS = ("actor_kinds", "target_groups", "roles", "prevention_levels")
"""Vocabularies exported as attributes of an organization."""
SERVICE_FACETS = ("resource_kinds",)
"""Vocabularies exported as attributes of a service (one service per resource offered)."""
TAXONOMY_FACETS = ORGANIZATION_FACETS + SERVICE_FACETS

DEFAULT_KIND = "voluntary_organisation"
"""The kind an organization gets when its file says nothing we can map (with a review note)."""

_NAMESPACE_BYTES = NAMESPACE.bytes


def hsds_uuid(entity: str, *parts: str) -> str:
    """The stable UUID of one HSDS entity derived from our ids, e.g.
    ``hsds_uuid("organization", "esb-sind")``: ``uuid.uuid5(NAMESPACE, "organization:esb-sind")``
    written out directly (an export makes some 30 of them per organisation)."""
    name = ":".join((entity, *parts)).encode("utf-8")
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def taxonomy_name(facet: str) -> str:
    return f"{OUR_ID_SCHEME}/{facet}"


@cache
def taxonomy_id(facet: str) -> str:
    return hsds_uuid("taxonomy", facet)


@cache
def term_id(facet: str, code: str) -> str:
    return hsds_uuid("taxonomy_term", facet, code)


def fallback_description(kind: str, city: str | None, vocabulary: Vocabulary) -> str:
    """HSDS requires a description; an actor without "Vi er …" gets its kind and town
    ("Lokal forening i Esbjerg"), which an import recognises and does not keep."""
    label = vocabulary.label("actor_kinds", kind)
    return f"{label} i {city}" if city else label


def escape_markup(text: str) -> str:
    """HSDS descriptions may hold HTML or Markdown; ours are plain text, so ``<`` and ``&`` are
    written as entities and no consumer renders them as markup."""
    return html.escape(text, quote=False)


def valid_email(text: str | None) -> bool:
    """The editor's e-mail rule (``mapper.domain.actor_rules``)."""
    return bool(text) and plausible_email(text or "")


def web_address(text: str | None) -> str | None:
    """The website when it keeps the editor's rule (http or https), else None."""
    return text.strip() if text and plausible_website(text) else None


@cache
def _our_terms(vocabulary: Vocabulary) -> dict[str, tuple[str, str]]:
    """term UUID → (facet, code) for every term of our taxonomies."""
    return {
        term_id(facet, term.code): (facet, term.code)
        for facet in TAXONOMY_FACETS
        for term in vocabulary.terms(facet)
    }


# --------------------------------------------------------------------------- recognising


def _organization_list(data: Any) -> list[Any] | None:
    """The organizations of an hsds.json (an array), of an HSDS API page ({"contents": […]})
    or of a single organization object; None when ``data`` is none of these."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        if "format" in data:  # our interchange document
            return None
        contents = data.get("contents")
        if isinstance(contents, list):
            return contents
        if "id" in data and "name" in data and _HSDS_KEYS & set(data):
            return [data]
    return None


_HSDS_KEYS = frozenset(
    {"services", "locations", "organization_identifiers", "description", "attributes"}
)


def is_hsds(data: Any) -> bool:
    """True for parsed JSON that is HSDS organizations (an array of objects with ``id`` and
    ``name``, an API page of them, or one organization); False for our interchange document."""
    organizations = _organization_list(data)
    if organizations is None:
        return False
    return all(isinstance(o, Mapping) and "id" in o and "name" in o for o in organizations)


# --------------------------------------------------------------------------- converting


class _Organization:
    """One organization being converted: its problems and review notes are collected."""

    def __init__(self, index: int, data: Mapping[str, Any], problems: list[InputProblem]):
        self.data = data
        self.problems = problems
        raw_id = data.get("id")
        self.label = f"organization[{index}]" + (f" {raw_id}" if isinstance(raw_id, str) else "")
        self.notes: list[dict[str, str]] = []

    def problem(self, field: str, value: object, message: str, code: str, **params: Any) -> None:
        hint = params.pop("hint", None)
        self.problems.append(
            InputProblem(self.label, field, value, message, hint, code=code, params=params)
        )

    def note(self, field: str, value: str, reason: str) -> None:
        entry = {"field": field, "value": value, "reason": reason}
        if entry not in self.notes:
            self.notes.append(entry)

    def text(self, key: str, data: Mapping[str, Any] | None = None, path: str = "") -> str | None:
        """A string field (stripped; None when absent or empty); another type is a problem."""
        value = (self.data if data is None else data).get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(
                path + key,
                value,
                "expected a string",
                "wrong_type",
                expected="string",
            )
            return None
        return value.strip() or None

    def objects(
        self, key: str, data: Mapping[str, Any] | None = None, path: str = ""
    ) -> list[Mapping[str, Any]]:
        """An array of objects (empty when absent); anything else is a problem."""
        value = (self.data if data is None else data).get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            self.problem(
                path + key,
                str(value)[:80],
                "expected an array of objects",
                "wrong_type",
                expected="array",
            )
            return []
        return value


def hsds_to_document(
    data: Any, *, source: str | None = None, vocabulary: Vocabulary | None = None
) -> dict[str, Any]:
    """Our interchange document for HSDS organizations (see the module docstring).

    Raises ValidationError naming every organization and field that cannot be converted;
    nothing is imported then. Ids: ours when the organization came from us, else a readable
    id from the name and the HSDS id (stable, so importing the file again updates the same
    actors)."""
    codes_of = CodeMapper(vocabulary or load_vocabulary())
    organizations = _organization_list(data)
    problems: list[InputProblem] = []
    if organizations is None:
        problems.append(
            InputProblem(
                "document",
                "(top level)",
                type(data).__name__,
                "expected an array of HSDS organization objects",
                '[{"id": "…", "name": "…", …}]',
                code="wrong_type",
                params={"expected": "array"},
            )
        )
        raise ValidationError(problems, source=source)
    converted: list[tuple[_Organization, dict[str, Any], str | None]] = []
    seen: set[str] = set()
    for index, raw in enumerate(organizations):
        if not isinstance(raw, Mapping):
            problems.append(
                InputProblem(
                    f"organization[{index}]",
                    "(record)",
                    type(raw).__name__,
                    "expected an object",
                    code="wrong_type",
                    params={"expected": "object"},
                )
            )
            continue
        org = _Organization(index, raw, problems)
        hsds_id = raw.get("id")
        if not isinstance(hsds_id, str) or not hsds_id.strip():
            org.problem("id", hsds_id, "an organization needs an id", "required")
            continue
        if hsds_id in seen:
            org.problem(
                "id",
                hsds_id,
                "the id is used by more than one organization",
                "duplicate_id",
                kind="organization",
            )
            continue
        seen.add(hsds_id)
        actor, parent = _actor(org, codes_of)
        if actor is not None:
            converted.append((org, actor, parent))
    if problems:
        raise ValidationError(problems, source=source)
    _assign_ids(converted)
    by_hsds = {org.data["id"]: actor["id"] for org, actor, _ in converted}
    actors = []
    for _org, actor, parent in converted:
        if parent is not None and parent in by_hsds and by_hsds[parent] != actor["id"]:
            actor["parent_id"] = by_hsds[parent]
        actors.append(actor)
    return {"format": "mapper-landscape", "version": 1, "actors": actors}


def _assign_ids(converted: list[tuple[_Organization, dict[str, Any], str | None]]) -> None:
    """Our own ids where the file came from us; readable stable ids for the others."""
    taken = {actor["id"] for _, actor, _ in converted if actor.get("id")}
    for org, actor, _ in converted:
        if actor.get("id"):
            continue
        hsds_id = str(org.data["id"]).strip()
        try:
            short = uuid.UUID(hsds_id).hex[:8]
        except ValueError:
            short = hashlib.sha1(hsds_id.encode("utf-8")).hexdigest()[:8]
        base = f"{slugify(actor['name'], 39) or 'hsds'}-{short}"
        actor["id"] = first_free_id(base, taken)
        taken.add(actor["id"])


def _our_id(org: _Organization) -> str | None:
    """Our actor id when an identifier of our scheme matches the organization's UUID."""
    hsds_id = str(org.data["id"]).strip()
    for item in org.objects("organization_identifiers"):
        if str(item.get("identifier_scheme", "")).strip().casefold() != OUR_ID_SCHEME:
            continue
        ours = item.get("identifier")
        if isinstance(ours, str) and ours and hsds_uuid("organization", ours) == hsds_id:
            return ours
    return None


def _actor(org: _Organization, codes_of: CodeMapper) -> tuple[dict[str, Any] | None, str | None]:
    """The actor (interchange dict, without id unless ours) and its parent's HSDS id."""
    name = org.text("name")
    if name is None:
        org.problem("name", org.data.get("name"), "an organization needs a name", "required")
        return None, None
    actor: dict[str, Any] = {"name": name}
    ours = _our_id(org)
    if ours:
        actor["id"] = ours
    vocab = codes_of.vocabulary
    codes = _codes(org, codes_of)
    kinds = codes.pop("actor_kinds", [])
    legal = None if kinds else org.text("legal_status")
    kind = kinds[0] if kinds else codes_of.code("actor_kinds", legal) if legal else None
    if kind is None:
        kind = DEFAULT_KIND
        if legal:  # a kind the file gives but we cannot map (none given: no note)
            org.note("kind", legal, "unmapped_code")
    actor["kind"] = kind
    cvr, others = _registry_ids(org, ours is not None)
    registry = {**others, **({"cvr": cvr} if cvr else {})}
    if registry:
        actor["registry_ids"] = dict(sorted(registry.items()))
    location = _location(org)
    if location:
        actor["location"] = location
    for facet, field in (
        ("target_groups", "target_groups"),
        ("roles", "roles"),
        ("prevention_levels", "prevention_levels"),
    ):
        if codes.get(facet):
            actor[field] = codes[facet]
    resources = _resources(org, codes_of, actor)
    if resources:
        actor["resources_offered"] = resources
    description = org.text("description")
    if description and description != escape_markup(
        fallback_description(kind, (location or {}).get("city"), vocab)
    ):
        actor["profile"] = {"we_are": html.unescape(description)}
    contact = _contact(org)
    if contact:
        actor["contact"] = contact
    actor["public"] = True  # published as HSDS: a public directory
    actor["active"] = True
    if org.notes:
        actor["review_notes"] = org.notes
    parent = org.data.get("parent_organization_id")
    return actor, parent if isinstance(parent, str) and parent else None


def _codes(org: _Organization, codes_of: CodeMapper) -> dict[str, list[str]]:
    """Codes per facet from the organization's (and its locations') attributes, in order."""
    found: dict[str, list[str]] = {}
    attributes = list(org.objects("attributes"))
    for i, location in enumerate(org.objects("locations")):
        attributes += org.objects("attributes", location, f"locations[{i}].")
    for attribute in attributes:
        facet, code, shown = _term(attribute, codes_of, ORGANIZATION_FACETS)
        if facet is None or code is None:
            if shown:
                org.note("target_groups", shown, "unmapped_code")
            continue
        if facet == "resource_kinds":  # a resource named on the organization itself
            continue
        codes = found.setdefault(facet, [])
        if code not in codes:
            codes.append(code)
    return found


def _term(
    attribute: Mapping[str, Any], codes_of: CodeMapper, facets: Sequence[str]
) -> tuple[str | None, str | None, str | None]:
    """(facet, code, the term as the file shows it) of one attribute; facet and code are None
    when the term is none of ours and names no code of ``facets``."""
    term = attribute.get("taxonomy_term")
    term = term if isinstance(term, Mapping) else {}
    term_uuid = attribute.get("taxonomy_term_id") or term.get("id")
    known = _our_terms(codes_of.vocabulary).get(str(term_uuid)) if term_uuid else None
    if known:
        return known[0], known[1], known[1]
    detail = term.get("taxonomy_detail")
    taxonomy = term.get("taxonomy") or (detail.get("name") if isinstance(detail, Mapping) else "")
    texts = [t.strip() for t in (term.get("code"), term.get("name")) if isinstance(t, str)]
    texts = [t for t in texts if t]
    value = attribute.get("value")
    shown = texts[-1] if texts else (value.strip() if isinstance(value, str) else None)
    ours = [f for f in TAXONOMY_FACETS if taxonomy_name(f) == str(taxonomy).strip()]
    for facet in ours or facets:
        for text in texts:
            code = codes_of.code(facet, text)
            if code:
                return facet, code, shown
    return None, None, shown


def _registry_ids(org: _Organization, ours: bool) -> tuple[str | None, dict[str, str]]:
    cvr: str | None = None
    others: dict[str, str] = {}
    for item in org.objects("organization_identifiers"):
        scheme = str(item.get("identifier_scheme") or "").strip()
        kind = str(item.get("identifier_type") or "").strip()
        value = item.get("identifier")
        if scheme.casefold() == OUR_ID_SCHEME or not isinstance(value, str) or not value.strip():
            continue
        if scheme.upper() == CVR_SCHEME or "cvr" in f"{scheme} {kind}".casefold():
            # A number that fails the CVR check is kept as written; from another source it is
            # flagged for review (our own records were accepted as they are).
            number = normalise_cvr(value)
            if number is None and not ours:
                org.note("registry_ids.cvr", value, "invalid_value")
            cvr = cvr or number or value.strip()
            continue
        key = (scheme or kind).casefold()
        if key:
            others.setdefault(key, value.strip())
    tax_id = org.text("tax_id")
    if cvr is None and tax_id and normalise_cvr(tax_id):
        cvr = normalise_cvr(tax_id)
    return cvr, others


@cache
def _municipality_codes_by_name() -> dict[str, str]:
    return {m.name.casefold(): code for code, m in municipalities().items()}


def _municipality(state_province: str | None, postcode: str | None) -> str | None:
    if state_province:
        # 'Esbjerg', 'Esbjerg Kommune', 'Københavns Kommune', 'Bornholms Regionskommune'
        name = re.sub(r"\s+(regions)?kommune$", "", state_province.strip(), flags=re.IGNORECASE)
        by_name = _municipality_codes_by_name()
        code = by_name.get(name.casefold()) or by_name.get(name.casefold().removesuffix("s"))
        if code:
            return code
    place = postcode_place(postcode) if postcode else None
    return place.municipality_code if place else None


def _location(org: _Organization) -> dict[str, Any] | None:
    locations = org.objects("locations")
    if not locations:
        return None
    # The first physical location with an address, else the first location.
    chosen, index = locations[0], 0
    for i, candidate in enumerate(locations):
        if candidate.get("location_type", "physical") == "physical" and candidate.get("addresses"):
            chosen, index = candidate, i
            break
    path = f"locations[{index}]."
    location: dict[str, Any] = {}
    addresses = org.objects("addresses", chosen, path)
    address = next(
        (a for a in addresses if a.get("address_type", "physical") == "physical"),
        addresses[0] if addresses else None,
    )
    if address is not None:
        a_path = f"{path}addresses[{addresses.index(address)}]."
        postcode = org.text("postal_code", address, a_path)
        city = org.text("city", address, a_path)
        lines = [org.text("address_1", address, a_path), org.text("address_2", address, a_path)]
        street = ", ".join(line for line in lines if line)
        # A first line that is only the town (or "postcode town") is no street address.
        if street and street.casefold() in {
            (city or "").casefold(),
            f"{postcode or ''} {city or ''}".strip().casefold(),
        }:
            street = ""
        if street:
            location["address"] = street
        if postcode:
            location["postcode"] = postcode
        if city:
            location["city"] = city
        municipality = _municipality(org.text("state_province", address, a_path), postcode)
        if municipality:
            location["municipality_code"] = municipality
    lat, lon = chosen.get("latitude"), chosen.get("longitude")
    if lat is not None or lon is not None:
        point = _point(org, lat, lon, path)
        if point:
            location["lat"], location["lon"] = point
            location["precision"] = (
                "address"
                if location.get("address")
                else "postcode"
                if "postcode" in location
                else "manual"
            )
    return location or None


def _point(org: _Organization, lat: Any, lon: Any, path: str) -> tuple[float, float] | None:
    for name, value, limit in (("latitude", lat, 90), ("longitude", lon, 180)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            org.problem(path + name, value, "expected a number", "wrong_type", expected="number")
            return None
        if not math.isfinite(value) or abs(value) > limit:
            org.problem(
                path + name, value, "not a coordinate", "out_of_range", min=-limit, max=limit
            )
            return None
    return float(lat), float(lon)


def _resources(
    org: _Organization, codes_of: CodeMapper, actor: dict[str, Any]
) -> list[dict[str, Any]]:
    resources: list[dict[str, Any]] = []
    for i, service in enumerate(org.objects("services")):
        path = f"services[{i}]."
        name = org.text("name", service, path)
        description = org.text("description", service, path)
        kinds: list[str] = []
        for attribute in org.objects("attributes", service, path):
            facet, code, shown = _term(attribute, codes_of, ("resource_kinds", "target_groups"))
            if facet == "resource_kinds" and code:
                kinds.append(code)
            elif facet == "target_groups" and code:  # a service's audience is the actor's
                groups = actor.setdefault("target_groups", [])
                if code not in groups:
                    groups.append(code)
            elif shown:
                org.note("resources_offered", shown, "unmapped_code")
        if not kinds:
            if name:
                org.note("resources_offered", name, "unmapped_code")
            continue
        for kind in dict.fromkeys(kinds):
            resource: dict[str, Any] = {"kind": kind}
            if description:
                resource["description"] = html.unescape(description)
            elif name and name != codes_of.vocabulary.label("resource_kinds", kind):
                resource["description"] = name
            resources.append(resource)
    return resources


def _contact(org: _Organization) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    people = org.objects("contacts")
    person = people[0] if people else {}
    name = org.text("name", person, "contacts[0].") if person else None
    if name:
        contact["name"] = name
    email = org.text("email")
    field = "email"
    if not email and person:
        email, field = org.text("email", person, "contacts[0]."), "contacts[0].email"
    if email:
        if valid_email(email):
            contact["email"] = email
        else:
            org.problem(
                field, email, "not an e-mail address", "not_email", example="navn@forening.dk"
            )
    phone = _phone(org, person)
    if phone:
        contact["phone"] = phone
    website = org.text("website")
    if website:
        if "://" not in website and re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", website, re.I):
            website = f"https://{website}"  # "www.forening.dk" as registers often write it
        if web_address(website):
            contact["website"] = website
        else:
            org.problem(
                "website",
                website,
                "a website address must start with http:// or https://",
                "not_website",
                example="https://forening.dk",
            )
    return contact


def _phone(org: _Organization, person: Mapping[str, Any]) -> str | None:
    sources: list[tuple[str, Mapping[str, Any]]] = []
    if person:
        sources.append(("contacts[0].", person))
    sources.append(("", org.data))
    for path, holder in sources:
        for i, phone in enumerate(org.objects("phones", holder, path)):
            number = org.text("number", phone, f"{path}phones[{i}].")
            if number:
                return number
    return None


def attribute_codes(actor_kind: str, lists: Mapping[str, Iterable[str]]) -> list[tuple[str, str]]:
    """(facet, code) of an organization's attributes in export order: its kind, then the codes
    of ``lists`` (target_groups, roles, prevention_levels) in that order."""
    pairs = [("actor_kinds", actor_kind)]
    for facet in ORGANIZATION_FACETS[1:]:
        pairs += [(facet, code) for code in dict.fromkeys(lists.get(facet, ()))]
    return pairs
