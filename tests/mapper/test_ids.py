"""The one set of id rules (mapper.domain.ids), without a database."""

from __future__ import annotations

from mapper.domain.ids import (
    MAX_SLUG,
    first_free_id,
    free_id_after,
    id_base,
    municipality_prefix,
    nearest_id,
    slugify,
)


def test_slugs_spell_out_danish_letters_join_apostrophes_and_drop_accents() -> None:
    assert slugify("Søren's Café & Værested") == "soerens-cafe-vaerested"
    assert slugify("Ét øje på Åen") == "et-oeje-paa-aaen"
    assert slugify("ÆLDRE Hjælper ældre") == "aeldre-hjaelper-aeldre"
    assert slugify("Vestbanken A/S") == "vestbanken-a-s"
    assert slugify("!!!") == ""


def test_slugs_are_cut_at_a_word_boundary_and_a_single_long_word_inside() -> None:
    slug = slugify("Frivillige " * 10)
    assert len(slug) <= MAX_SLUG
    assert slug.endswith("frivillige")
    assert slugify("Å" * 100) == "aa" * (MAX_SLUG // 2)


def test_the_municipality_prefix_is_the_convention_most_ids_share() -> None:
    ids = ["esb-sind", "esb-mentor", "esb-p-brobygning", "0561-kirken"]
    assert municipality_prefix("0561", ids) == "esb"
    # One record's first word is no convention.
    assert municipality_prefix("0561", ["kirken-i-byen", "0561-a", "0561-b"]) == "0561"


def test_without_a_convention_the_prefix_is_the_name_else_the_code() -> None:
    assert municipality_prefix("0400", [], "Bornholm") == "bor"
    assert municipality_prefix("0400", []) == "0400"
    assert municipality_prefix("0825", [], "Læsø") == "lae"


def test_a_base_joins_prefix_marker_and_slug_with_a_fallback() -> None:
    assert id_base("Brobygning", prefix="esb", marker="p", fallback="problem") == (
        "esb-p-brobygning"
    )
    assert id_base("!!!", fallback="actor") == "actor"
    assert id_base("Ældresagen", prefix="0101", fallback="actor") == "0101-aeldresagen"


def test_free_ids_are_numbered_from_two() -> None:
    assert first_free_id("esb-sind", []) == "esb-sind"
    assert first_free_id("esb-sind", ["esb-sind"]) == "esb-sind-2"
    assert first_free_id("esb-sind", ["esb-sind", "esb-sind-2"]) == "esb-sind-3"
    assert free_id_after("esb-sind", ["esb-sind", "esb-sind-2", "esb-sind-4"]) == "esb-sind-3"


def test_the_nearest_id_is_offered_only_when_close() -> None:
    ids = ["esb-patriciahuset", "esb-sind", "ods-frivilligcenter"]
    assert nearest_id("esb-patriciahus", ids) == "esb-patriciahuset"
    assert nearest_id("zzzzzzzz", ids) is None
    assert nearest_id("esb-sind", []) is None
