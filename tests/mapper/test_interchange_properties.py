"""Property-based tests: any valid actor survives the database unchanged; any junk is refused
with a ValidationError (never a crash), and refusing stores nothing."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.domain.errors import ValidationError
from mapper.domain.vocabulary import load_vocabulary
from mapper.io.interchange import landscape_to_document, parse_document
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import DatabaseFactory, small_landscape

VOCAB = load_vocabulary()
# Any text a database stores: no NUL character (mapper.domain.limits refuses it).
text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40)
maybe_text = st.none() | text


def codes(facet: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(sorted(VOCAB.codes(facet))), unique=True, max_size=4)


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


resources = st.lists(
    st.builds(
        lambda kind, desc, hours, amount: _compact(
            {"kind": kind, "description": desc, "hours_per_month": hours, "amount_dkk": amount}
        ),
        st.sampled_from(sorted(VOCAB.codes("resource_kinds"))),
        maybe_text,
        st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False),
        st.none() | st.integers(min_value=0, max_value=10**9),
    ),
    max_size=4,
)

actors = st.builds(
    lambda i, name, kind, lat, lon, tgs, res, roles, levels, we_are, examples, public, active: {
        "id": f"a-{i}",
        "name": name,
        "kind": kind,
        "location": _compact({"lat": lat, "lon": lon}) if lat is not None else {},
        "target_groups": tgs,
        "resources_offered": res,
        "roles": roles,
        "prevention_levels": levels,
        "profile": _compact({"we_are": we_are, "success_examples": examples or None}),
        "public": public and not VOCAB.holds_personal_data(kind),  # a person is never public
        # ... and is kept only with consent and a purpose (mapper.domain.actor_rules).
        **(
            {"consent": {"given_on": "2026-01-05", "purpose": "Matchning"}}
            if VOCAB.holds_personal_data(kind)
            else {}
        ),
        "active": active,
    },
    st.integers(0, 10**6),
    text.filter(str.strip),  # a name of only spaces is blank (the editor's rule)
    st.sampled_from(sorted(VOCAB.codes("actor_kinds"))),
    st.none() | st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
    codes("target_groups"),
    resources,
    codes("roles"),
    codes("prevention_levels"),
    maybe_text,
    st.lists(text, max_size=3),
    st.booleans(),
    st.booleans(),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(actors, max_size=6, unique_by=lambda a: a["id"]))
def test_any_valid_actor_round_trips_through_the_database(
    database_factory: DatabaseFactory, generated: list[dict[str, Any]]
) -> None:
    doc = {"format": "mapper-landscape", "version": 1, "actors": generated}
    expected = landscape_to_document(parse_document(doc))
    url = database_factory.url("prop")
    db = open_database(url)
    try:
        service = LandscapeService(db)
        service.import_document(doc)
        assert service.export_document(personal_data=True) == expected
        assert not service.import_document(doc).changed_anything
    finally:
        db.close()
        database_factory.drop(url)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def corrupted_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The small landscape with one value somewhere replaced by arbitrary JSON."""
    doc = small_landscape()
    collection = draw(st.sampled_from(["actors", "problems", "partnerships"]))
    record = draw(st.sampled_from(doc[collection]))
    key = draw(st.sampled_from(sorted(record)))
    record[key] = draw(json_values)
    return doc


@settings(max_examples=150, deadline=None)
@given(corrupted_documents())
def test_corrupted_documents_are_refused_cleanly_or_imported_whole(doc: dict[str, Any]) -> None:
    try:
        landscape = parse_document(copy.deepcopy(doc))
    except ValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.record and problem.field and problem.message
    else:
        assert len(landscape.actors) == len(doc["actors"])
