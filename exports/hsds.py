"""The landscape as an HSDS 3.0 package (Open Referral's Human Services Data Specification).

``write_hsds_package(actors, DIR)`` writes

- ``DIR/datapackage.json``: a tabular data package following the official HSDS 3.0 descriptor
  (the same resources, paths, fields, types, formats, constraints and keys; built here in code,
  checked against the official one by the tests) and one CSV file per resource — empty but
  for its header where we hold nothing (schedules, funding …);
- ``DIR/hsds.json``: an array of organization objects (the compiled ``organization.json``
  schema), with services, locations, identifiers and attributes nested.

Only what a public export may show (``exports.tabular.public_view_reason``): no individual
volunteers, nothing that is not public or not active, contact persons only with the actor's
consent. How our fields map to HSDS is described in ``mapper/io/hsds.py``, which reads the
same files back.

The package is written into ``DIR.partial-…`` beside DIR (every file through
``write_output``) and renamed to DIR only when complete; a previous package in DIR is replaced
then. A folder holding anything else is never touched.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from exports.tabular import contact_agreed, public_view_reason
from mapper.domain.errors import OutputFileError
from mapper.domain.model import Actor, Resource
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo.reference import municipality_name, postcode_place
from mapper.io.files import write_output
from mapper.io.hsds import (
    COUNTRY,
    CVR_SCHEME,
    LANGUAGE,
    OUR_ID_SCHEME,
    SERVICE_FACETS,
    TAXONOMY_FACETS,
    attribute_codes,
    escape_markup,
    fallback_description,
    hsds_uuid,
    taxonomy_id,
    taxonomy_name,
    term_id,
    valid_email,
    web_address,
)

Progress = Callable[[int, int], None]

JSON_FILE = "hsds.json"
DESCRIPTOR_FILE = "datapackage.json"

# --------------------------------------------------------------------------- the descriptor

# The resources of the official HSDS 3.0 datapackage.json, in its order, in a short notation:
# ``name`` a string field; ``:type`` another type (number, date, datetime, time); ``@format``
# a string format (uuid, email, uri); ``*`` required; ``!`` unique; ``>resource`` a foreign key
# to that resource's id. Enumerations are in _ENUMS.
_RESOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "organization",
        "organizations.csv",
        "id@uuid*! name* alternate_name description* email@email website@uri tax_status tax_id"
        " year_incorporated:number legal_status logo uri@uri parent_organization_id@uuid",
    ),
    (
        "program",
        "programs.csv",
        "id@uuid*! organization_id@uuid*!>organization name* alternate_name description*",
    ),
    (
        "service",
        "services.csv",
        "id@uuid*! organization_id@uuid*>organization program_id@uuid>program name*"
        " alternate_name description url@uri email@email status* interpretation_services"
        " application_process fees_description wait_time fees accreditations"
        " eligibility_description minimum_age:number maximum_age:number assured_date:date"
        " assurer_email@email licenses alert last_modified:datetime",
    ),
    (
        "attribute",
        "attributes.csv",
        "id@uuid*! link_id@uuid* taxonomy_term_id@uuid*>taxonomy_term link_type link_entity* value",
    ),
    (
        "service_at_location",
        "service_at_location.csv",
        "id@uuid*! service_id@uuid*>service location_id@uuid*>location description",
    ),
    (
        "location",
        "locations.csv",
        "id@uuid*! location_type* url@uri organization_id@uuid>organization name"
        " alternate_name description transportation latitude:number longitude:number"
        " external_identifier external_identifier_type",
    ),
    (
        "phone",
        "phones.csv",
        "id@uuid*! location_id@uuid>location service_id@uuid>service"
        " organization_id@uuid>organization contact_id@uuid>contact"
        " service_at_location_id@uuid>service_at_location number* extension:number type"
        " description",
    ),
    (
        "contact",
        "contacts.csv",
        "id@uuid*! organization_id@uuid>organization service_id@uuid>service"
        " service_at_location_id@uuid>service_at_location location_id@uuid>location name"
        " title department email@email",
    ),
    (
        "address",
        "addresses.csv",
        "id@uuid*! location_id@uuid>location attention address_1* address_2 city* region"
        " state_province* postal_code* country* address_type*",
    ),
    (
        "schedule",
        "schedules.csv",
        "id@uuid*! service_id@uuid>service location_id@uuid>location"
        " service_at_location_id@uuid>service_at_location valid_from:date valid_to:date"
        " dtstart:date timezone:number until:date count:number wkst freq interval:number byday"
        " byweekno bymonthday byyearday description opens_at:time closes_at:time"
        " schedule_link@uri attending_type notes",
    ),
    (
        "funding",
        "funding.csv",
        "id@uuid*! organization_id@uuid>organization service_id@uuid>service source",
    ),
    (
        "service_area",
        "service_areas.csv",
        "id@uuid*! service_id@uuid>service name description extent extent_type uri",
    ),
    (
        "required_document",
        "required_documents.csv",
        "id@uuid*! service_id@uuid>service document uri@uri",
    ),
    (
        "language",
        "languages.csv",
        "id@uuid*! service_id@uuid>service location_id@uuid>location phone_id@uuid>phone name"
        " code note",
    ),
    (
        "accessibility",
        "accessibility.csv",
        "id@uuid*! location_id@uuid>location description details url@uri",
    ),
    (
        "taxonomy_term",
        "taxonomy_terms.csv",
        "id@uuid*! code! name* description* parent_id@uuid taxonomy language"
        " taxonomy_id@uuid>taxonomy term_uri@uri",
    ),
    (
        "metadata",
        "metadata.csv",
        "id@uuid*! resource_id@uuid* resource_type* last_action_date:date* last_action_type*"
        " field_name* previous_value* replacement_value* updated_by*",
    ),
    (
        "meta_table_description",
        "meta_table_descriptions.csv",
        "id@uuid*! name language character_set",
    ),
    (
        "cost_option",
        "cost_options.csv",
        "id@uuid*! service_id@uuid*>service valid_from:date valid_to:date option currency"
        " amount:number amount_description",
    ),
    (
        "organization_identifier",
        "organization_identifiers.csv",
        "id@uuid*! organization_id@uuid*>organization identifier_scheme identifier_type*"
        " identifier*",
    ),
    ("taxonomy", "taxonomies.csv", "id@uuid*! name* description* uri@uri version"),
)

_ENUMS: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("service", "status"): ("active", "inactive", "defunct", "temporarily closed"),
    ("location", "location_type"): ("physical", "postal", "virtual"),
    ("address", "address_type"): ("physical", "postal", "virtual"),
    ("schedule", "wkst"): ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
    ("schedule", "freq"): ("WEEKLY", "MONTHLY"),
}


def _field(resource: str, token: str) -> tuple[dict[str, Any], str | None]:
    """One field of the notation above, and the resource its foreign key points at."""
    token, _, target = token.partition(">")
    required, unique = "*" in token, "!" in token
    token = token.replace("*", "").replace("!", "")
    token, _, fmt = token.partition("@")
    name, _, kind = token.partition(":")
    spec: dict[str, Any] = {"name": name, "type": kind or "string"}
    if fmt:
        spec["format"] = fmt
    constraints: dict[str, Any] = {"required": required, "unique": unique}
    enum = _ENUMS.get((resource, name))
    if enum:
        constraints["enum"] = list(enum)
    spec["constraints"] = constraints
    return spec, target or None


def descriptor() -> dict[str, Any]:
    """The package's datapackage.json (Frictionless tabular data package, HSDS 3.0)."""
    resources = []
    for name, path, notation in _RESOURCES:
        fields, keys = [], []
        for token in notation.split():
            spec, target = _field(name, token)
            fields.append(spec)
            if target:
                keys.append(
                    {"fields": spec["name"], "reference": {"resource": target, "fields": "id"}}
                )
        schema: dict[str, Any] = {"primaryKey": "id", "fields": fields}
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": name,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    return {
        "name": "human_services_data",
        "title": "Frivillighedskortet: organisations as HSDS 3.0",
        "description": (
            "Public, active organisations of a volunteer landscape (Frivillighedskortet) in the "
            "Human Services Data Specification 3.0 of Open Referral."
        ),
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "homepage": "http://docs.openreferral.org",
        "resources": resources,
    }


@cache
def columns(resource: str) -> tuple[str, ...]:
    """The CSV columns of one resource, in the descriptor's order."""
    for name, _path, notation in _RESOURCES:
        if name == resource:
            return tuple(_field(name, token)[0]["name"] for token in notation.split())
    raise KeyError(resource)


# --------------------------------------------------------------------------- organizations


@dataclass(frozen=True)
class HsdsSelection:
    """The organizations of a package and who was left out, and why (as for partner maps:
    personal, not_public, inactive)."""

    organizations: list[dict[str, Any]]
    left_out: Mapping[str, int] = field(default_factory=dict)


def hsds_organizations(
    actors: Iterable[Actor], vocabulary: Vocabulary | None = None
) -> HsdsSelection:
    """The public, active organisations as HSDS organization objects (hsds.json)."""
    vocab = vocabulary or load_vocabulary()
    left_out: dict[str, int] = {}
    chosen: list[Actor] = []
    for actor in actors:
        reason = public_view_reason(actor, vocab)
        if reason:
            left_out[reason] = left_out.get(reason, 0) + 1
        else:
            chosen.append(actor)
    published = {a.id for a in chosen}
    return HsdsSelection([_organization(a, vocab, published) for a in chosen], left_out)


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """HSDS fields are typed (a string may not be null): absent values are left out."""
    return {k: v for k, v in d.items() if v is not None and v != "" and v != []}


def _organization(actor: Actor, vocab: Vocabulary, published: set[str]) -> dict[str, Any]:
    org_id = hsds_uuid("organization", actor.id)
    contact = actor.contact
    agreed = contact_agreed(actor)
    email = (
        contact.email.strip() if agreed and contact.email and valid_email(contact.email) else None
    )
    location = _location(actor, org_id)
    we_are = (actor.profile.we_are or "").strip()
    description = we_are or fallback_description(actor.kind, actor.location.city, vocab)
    lists = {
        "target_groups": actor.target_groups,
        "roles": actor.roles,
        "prevention_levels": actor.prevention_levels,
    }
    attributes = [
        _attribute(org_id, "organization", facet, code, vocab)
        for facet, code in attribute_codes(actor.kind, lists)
        if vocab.term(facet, code) is not None
    ]
    services = _services(actor, org_id, location, vocab)
    parent = actor.parent_id if actor.parent_id in published else None
    return _compact(
        {
            "id": org_id,
            "name": actor.name,
            "description": escape_markup(description),
            "email": email,
            "website": web_address(contact.website),
            "parent_organization_id": hsds_uuid("organization", parent) if parent else None,
            "organization_identifiers": _identifiers(actor, org_id),
            "attributes": attributes,
            "contacts": _contacts(actor, org_id, email) if agreed else [],
            "locations": [location] if location else [],
            "services": services,
        }
    )


def _identifiers(actor: Actor, org_id: str) -> list[dict[str, Any]]:
    found = [
        {
            "id": hsds_uuid("organization_identifier", actor.id, OUR_ID_SCHEME),
            "organization_id": org_id,
            "identifier_scheme": OUR_ID_SCHEME,
            "identifier_type": "local_id",
            "identifier": actor.id,
        }
    ]
    for scheme, value in actor.registry_ids:
        if not value.strip():
            continue
        is_cvr = scheme.casefold() == "cvr"
        found.append(
            {
                "id": hsds_uuid("organization_identifier", actor.id, scheme),
                "organization_id": org_id,
                "identifier_scheme": CVR_SCHEME if is_cvr else scheme,
                "identifier_type": "CVR" if is_cvr else scheme,
                "identifier": value,
            }
        )
    return found


@cache
def _term(facet: str, code: str, vocab: Vocabulary) -> dict[str, Any]:
    """One term of our taxonomies (the same object in every attribute that names it)."""
    term = vocab.term(facet, code)
    assert term is not None
    return {
        "id": term_id(facet, code),
        "code": code,
        "name": term.da,
        "description": term.en,
        "taxonomy": taxonomy_name(facet),
        "language": LANGUAGE,
        "taxonomy_id": taxonomy_id(facet),
    }


def _taxonomy(facet: str) -> dict[str, Any]:
    return {
        "id": taxonomy_id(facet),
        "name": taxonomy_name(facet),
        "description": (
            f"Frivillighedskortet's controlled vocabulary '{facet}' (Danish names, English "
            "descriptions)."
        ),
    }


def _attribute(
    link_id: str, entity: str, facet: str, code: str, vocab: Vocabulary
) -> dict[str, Any]:
    return {
        "id": hsds_uuid("attribute", link_id, facet, code),
        "link_id": link_id,
        "link_type": facet,
        "link_entity": entity,
        "taxonomy_term_id": term_id(facet, code),
        "taxonomy_term": _term(facet, code, vocab),
    }


def _contacts(actor: Actor, org_id: str, email: str | None) -> list[dict[str, Any]]:
    contact = actor.contact
    if not (contact.name or email or contact.phone):
        return []
    contact_id = hsds_uuid("contact", actor.id)
    phones = []
    if contact.phone and contact.phone.strip():
        phones.append(
            {
                "id": hsds_uuid("phone", actor.id),
                "contact_id": contact_id,
                "organization_id": org_id,
                "number": contact.phone.strip(),
            }
        )
    return [
        _compact(
            {
                "id": contact_id,
                "organization_id": org_id,
                "name": contact.name,
                "email": email,
                "phones": phones,
            }
        )
    ]


def _location(actor: Actor, org_id: str) -> dict[str, Any] | None:
    """One physical location: the address (when town and postcode are known) and the point."""
    loc = actor.location
    place = postcode_place(loc.postcode) if loc.postcode else None
    city = loc.city or (place.name if place else None)
    municipality = loc.municipality_code or (place.municipality_code if place else None)
    area = municipality_name(municipality) if municipality else None
    location_id = hsds_uuid("location", actor.id)
    addresses = []
    if city and loc.postcode and area:
        addresses.append(
            _compact(
                {
                    "id": hsds_uuid("address", actor.id),
                    "location_id": location_id,
                    # HSDS requires a first line; without a street it is the town.
                    "address_1": loc.address or city,
                    "city": city,
                    "state_province": area,  # the municipality's official name
                    "postal_code": loc.postcode,
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            )
        )
    if not addresses and not loc.has_point:
        return None
    return _compact(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": actor.name,
            "latitude": loc.lat,
            "longitude": loc.lon,
            "addresses": addresses,
        }
    )


def _services(
    actor: Actor, org_id: str, location: dict[str, Any] | None, vocab: Vocabulary
) -> list[dict[str, Any]]:
    services = []
    seen: dict[str, int] = {}
    for resource in actor.resources_offered:
        if vocab.term(SERVICE_FACETS[0], resource.kind) is None:
            continue
        seen[resource.kind] = seen.get(resource.kind, 0) + 1
        service_id = hsds_uuid("service", actor.id, resource.kind, str(seen[resource.kind]))
        links = []
        if location:
            links.append(
                {
                    "id": hsds_uuid("service_at_location", service_id),
                    "service_id": service_id,
                    "location_id": location["id"],
                }
            )
        services.append(
            _compact(
                {
                    "id": service_id,
                    "organization_id": org_id,
                    "name": _service_name(resource, vocab),
                    "description": escape_markup(resource.description.strip())
                    if resource.description and resource.description.strip()
                    else None,
                    "status": "active",
                    "attributes": [
                        _attribute(service_id, "service", SERVICE_FACETS[0], resource.kind, vocab)
                    ],
                    "service_at_locations": links,
                }
            )
        )
    return services


def _service_name(resource: Resource, vocab: Vocabulary) -> str:
    text = (resource.description or "").strip()
    return text if text else vocab.label(SERVICE_FACETS[0], resource.kind)


# --------------------------------------------------------------------------- tables


def package_tables(
    organizations: Sequence[Mapping[str, Any]], vocabulary: Vocabulary | None = None
) -> dict[str, list[Mapping[str, Any]]]:
    """The rows of every resource of the package, from the organization objects (so the CSV
    files and hsds.json always say the same); every term of our taxonomies is listed."""
    vocab = vocabulary or load_vocabulary()
    tables: dict[str, list[Mapping[str, Any]]] = {name: [] for name, _, _ in _RESOURCES}

    def add(resource: str, item: Mapping[str, Any]) -> None:
        tables[resource].append(item)  # nested lists are ignored: rows take their columns

    for org in organizations:
        add("organization", org)
        for item in org.get("organization_identifiers", ()):
            add("organization_identifier", item)
        for attribute in org.get("attributes", ()):
            add("attribute", attribute)
        for contact in org.get("contacts", ()):
            add("contact", contact)
            for phone in contact.get("phones", ()):
                add("phone", phone)
        for location in org.get("locations", ()):
            add("location", location)
            for address in location.get("addresses", ()):
                add("address", address)
        for service in org.get("services", ()):
            add("service", service)
            for attribute in service.get("attributes", ()):
                add("attribute", attribute)
            for link in service.get("service_at_locations", ()):
                add("service_at_location", link)
    for facet in TAXONOMY_FACETS:
        add("taxonomy", _taxonomy(facet))
        for term in vocab.terms(facet):
            add("taxonomy_term", _term(facet, term.code, vocab))
    return tables


def _csv_bytes(resource: str, rows: Iterable[Mapping[str, Any]]) -> bytes:
    """RFC 4180 CSV in UTF-8 (the csv module quotes separators, quotes and line breaks)."""
    header = columns(resource)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in header])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class HsdsPackageReport:
    """What a package holds, and who was left out and why."""

    directory: str
    organizations: int
    services: int
    locations: int
    left_out: Mapping[str, int] = field(default_factory=dict)


PACKAGE_STEPS = len(_RESOURCES) + 3
"""Progress steps of write_hsds_package: building, one per CSV, hsds.json, the rename."""


def write_hsds_package(
    actors: Iterable[Actor],
    directory: str | Path,
    *,
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
) -> HsdsPackageReport:
    """Write the package (see the module docstring); ``progress(done, PACKAGE_STEPS)`` may
    raise (e.g. Cancelled) to stop, leaving no partial package and any earlier one intact.

    Raises OutputFileError when DIR is a file, holds files that are no part of an HSDS
    package, or cannot be written."""
    report = progress or (lambda _done, _total: None)
    target = Path(directory)
    _check_target(target)
    vocab = vocabulary or load_vocabulary()
    report(0, PACKAGE_STEPS)
    selection = hsds_organizations(actors, vocab)
    tables = package_tables(selection.organizations, vocab)
    partial = target.with_name(f"{target.name}.partial-{secrets.token_hex(6)}")
    try:
        partial.mkdir()
    except FileNotFoundError as exc:
        raise OutputFileError(
            str(target),
            f"the folder {target.parent} does not exist",
            cause="no_folder",
            cause_params={"folder": str(target.parent)},
        ) from exc
    except OSError as exc:
        raise OutputFileError(str(target), exc.strerror or str(exc)) from exc
    try:
        for step, (name, path, _) in enumerate(_RESOURCES, start=1):
            write_output(partial / path, _writer(_csv_bytes(name, tables[name])))
            report(step, PACKAGE_STEPS)
        # Compact: a register of 10,000 organisations is some tens of MB even so.
        organizations = orjson.dumps(selection.organizations, option=orjson.OPT_APPEND_NEWLINE)
        write_output(partial / JSON_FILE, _writer(organizations))
        meta = orjson.dumps(descriptor(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        write_output(partial / DESCRIPTOR_FILE, _writer(meta))
        report(len(_RESOURCES) + 1, PACKAGE_STEPS)
        try:
            _put_in_place(partial, target)
        except OSError as exc:
            raise OutputFileError(str(target), exc.strerror or str(exc)) from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    report(PACKAGE_STEPS, PACKAGE_STEPS)
    return HsdsPackageReport(
        directory=str(target),
        organizations=len(selection.organizations),
        services=len(tables["service"]),
        locations=len(tables["location"]),
        left_out=selection.left_out,
    )


def _writer(data: bytes) -> Callable[[BinaryIO], object]:
    return lambda stream: stream.write(data)


def _package_files() -> frozenset[str]:
    return frozenset({JSON_FILE, DESCRIPTOR_FILE, *(path for _, path, _ in _RESOURCES)})


def _check_target(target: Path) -> None:
    """DIR may be new, empty, or a package written before; nothing else is replaced."""
    if str(target) in ("", "-"):
        raise OutputFileError(str(target), "an HSDS package is a folder; give its name")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputFileError(str(target), "it exists and is not a folder")
    if target.is_dir():
        try:
            names = {p.name for p in target.iterdir()}
        except OSError as exc:
            raise OutputFileError(
                str(target), exc.strerror or str(exc), cause="permission"
            ) from exc
        foreign = sorted(names - _package_files())
        if foreign:
            shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
            raise OutputFileError(
                str(target),
                f"the folder holds files that are no part of an HSDS package ({shown}); "
                "choose a new or empty folder",
            )


def _put_in_place(partial: Path, target: Path) -> None:
    """Rename the finished package to DIR. An earlier package is moved aside first and
    removed after; should the machine stop between the two renames, it is still beside DIR
    as ``DIR.old-…``."""
    if not target.exists():
        os.rename(partial, target)
        return
    _check_target(target)
    old = target.with_name(f"{target.name}.old-{secrets.token_hex(6)}")
    os.rename(target, old)
    try:
        os.rename(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
