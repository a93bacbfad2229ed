"""Which inferred codes staff are offered: likely ones for a facet the profile leaves empty,
only the surest where it is filled in, never 'all citizens' beside target groups of its own."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from mapper.domain.model import Actor, Profile
from mapper.domain.vocabulary import load_vocabulary
from mapper.io.interchange import actor_from_dict
from mapper.services.actors import suggested_codes

ROOT = Path(__file__).resolve().parents[2]

GRIEF = "Foreningens formål er at samle børn, der har mistet en forælder"


def test_a_sparse_profile_is_offered_what_its_words_say() -> None:
    actor = Actor(id="a", name="Sorgnetværket", kind="local_association", profile=Profile(GRIEF))
    offered = suggested_codes(actor, load_vocabulary())
    groups = [code for field, code, _ in offered if field == "target_groups"]
    assert groups, offered
    grief_words = [words for field, _, words in offered if field == "target_groups"]
    assert all("mistet en forælder" in words for words in grief_words)


def test_a_filled_facet_gets_only_the_surest_and_never_all_citizens() -> None:
    vocabulary = load_vocabulary()
    sparse = Actor(
        id="a",
        name="Naboskabet",
        kind="local_association",
        profile=Profile("For alle borgere i lokalsamfundet, der vil hjælpe ensomme ældre"),
    )
    before = suggested_codes(sparse, vocabulary)
    coded = replace(sparse, target_groups=("elderly_lonely",))
    after = suggested_codes(coded, vocabulary)
    assert ("target_groups", "general_population") not in {(f, c) for f, c, _ in after}
    assert len([1 for f, _, _ in after if f == "target_groups"]) <= len(
        [1 for f, _, _ in before if f == "target_groups"]
    )


def test_the_full_demo_profiles_are_not_crowded_with_suggestions() -> None:
    vocabulary = load_vocabulary()
    demo = json.loads((ROOT / "data" / "demo_landscape.json").read_text("utf-8"))
    counts = [len(suggested_codes(actor_from_dict(a), vocabulary)) for a in demo["actors"]]
    assert sum(counts) / len(counts) < 1.5, counts  # was 5.8 per actor before the policy
    assert max(counts) <= 4
