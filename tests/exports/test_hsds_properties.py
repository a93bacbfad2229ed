"""Properties of the HSDS exchange (hypothesis): any text survives export and import; any JSON
is either converted or refused with a ValidationError, never a crash."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from exports.hsds import hsds_organizations
from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor, Contact, Location, Profile, Resource
from mapper.io.hsds import hsds_to_document
from mapper.io.interchange import actor_from_dict

# Text as people type it: any printable character, markup, entities and separators included;
# no NUL (no database stores it) and no surrounding spaces (names are trimmed on the way in).
text = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&;\"',=\n\t"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(name=text, we_are=text, address=text, city=text, description=text)
def test_any_text_survives_the_round_trip(
    name: str, we_are: str, address: str, city: str, description: str
) -> None:
    actor = Actor(
        id="esb-x",
        name=name,
        kind="local_association",
        location=Location(address=address, postcode="6700", city=city, municipality_code="0561"),
        resources_offered=(Resource("premises", description),),
        profile=Profile(we_are=we_are),
        contact=Contact(website="https://example.dk/?q=a&b=<c>"),
    )
    organizations = hsds_organizations([actor]).organizations
    (back,) = hsds_to_document(orjson.loads(orjson.dumps(organizations)))["actors"]
    result = actor_from_dict(back)
    assert result.id == "esb-x" and result.name == name
    assert result.profile.we_are == we_are
    if address.casefold() not in (city.casefold(), f"6700 {city}".casefold()):
        assert result.location.address == address  # (else it reads as no street: by design)
    assert (result.location.city, result.location.postcode) == (city, "6700")
    assert result.resources_offered == (Resource("premises", description),)
    assert result.contact.website == "https://example.dk/?q=a&b=<c>"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
hsds_keys = st.sampled_from(
    [
        "id",
        "name",
        "description",
        "email",
        "website",
        "legal_status",
        "tax_id",
        "parent_organization_id",
        "organization_identifiers",
        "attributes",
        "locations",
        "services",
        "contacts",
        "phones",
        "addresses",
        "latitude",
        "longitude",
        "taxonomy_term",
        "taxonomy_term_id",
        "identifier",
        "identifier_scheme",
        "number",
        "postal_code",
        "state_province",
    ]
)
nested = st.recursive(
    json_values,
    lambda inner: (
        st.lists(st.dictionaries(hsds_keys, inner, max_size=5), max_size=3)
        | st.dictionaries(hsds_keys, inner, max_size=5)
    ),
    max_leaves=20,
)
organizations = st.lists(
    st.fixed_dictionaries(
        {"id": st.text(min_size=1, max_size=6), "name": st.text(max_size=6)},
        optional={
            key: nested
            for key in (
                "attributes",
                "locations",
                "services",
                "contacts",
                "organization_identifiers",
                "website",
                "email",
                "phones",
            )
        },
    ),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(data=organizations | nested)
def test_any_json_is_converted_or_refused_by_name(data: Any) -> None:
    try:
        document = hsds_to_document(data)
    except ValidationError as error:
        assert error.problems
        assert all(p.record and p.field for p in error.problems)
        return
    for actor in document["actors"]:
        assert actor["name"].strip() and actor["kind"]
