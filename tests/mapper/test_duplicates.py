"""The duplicate finder: register actors whose names are close to a name being entered."""

from __future__ import annotations

import pytest

from mapper.domain.text import fold_danish
from mapper.services.duplicates import DuplicateFinder, SimilarActor, comparable_name
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase

ESBJERG, AARHUS, ODENSE = "0561", "0751", "0461"


@pytest.fixture
def finder() -> DuplicateFinder:
    """A small register: associations in Esbjerg, Aarhus and Odense, some with similar names."""
    return DuplicateFinder(
        [
            ("esb-sammen", "Sammen om sindet, Esbjerg", ESBJERG),
            ("esb-aeldre", "Ældre Hjælper Ældre", ESBJERG),
            ("aar-aeldre", "Ældre hjælper ældre", AARHUS),
            ("ode-boks", "Bokseklubben Odense", ODENSE),
            ("esb-lektie", "Lektiecafé Vest", ESBJERG),
            ("aar-frivillig", "Frivilligcenter Aarhus", AARHUS),
            ("ode-fond", "Camilla og Mikkel Østergaards Fond", ODENSE),
        ]
    )


def ids(found: list[SimilarActor]) -> list[str]:
    return [s.actor_id for s in found]


def test_fold_danish_spells_out_letters_and_drops_accents_and_punctuation() -> None:
    assert fold_danish("Åens Fælles-Café, Søby") == "aaens faelles cafe soeby"
    assert fold_danish("Aabenraa") == fold_danish("Åbenrå")
    assert fold_danish("  ,; ") == ""


def test_comparable_name_drops_legal_forms_and_fillers_but_never_everything() -> None:
    assert comparable_name("Foreningen Ældre hjælper Ældre") == "aeldre hjaelper aeldre"
    assert (
        comparable_name("Esbjerg Byg A/S") == comparable_name("Esbjerg Byg ApS") == ("esbjerg byg")
    )
    assert comparable_name("Foreningen") == "foreningen"


def test_same_name_with_other_punctuation_and_case_is_found(finder: DuplicateFinder) -> None:
    found = finder.similar("Sammen om Sindet Esbjerg", ESBJERG)
    assert ids(found) == ["esb-sammen"]
    assert found[0] == SimilarActor("esb-sammen", "Sammen om sindet, Esbjerg", ESBJERG, 100)


def test_foreningen_in_front_does_not_hide_a_duplicate(finder: DuplicateFinder) -> None:
    found = finder.similar("Foreningen Ældre hjælper Ældre", ESBJERG)
    assert set(ids(found)) == {"esb-aeldre", "aar-aeldre"}


def test_same_municipality_comes_first(finder: DuplicateFinder) -> None:
    assert ids(finder.similar("Ældre hjælper Ældre", ESBJERG)) == ["esb-aeldre", "aar-aeldre"]
    assert ids(finder.similar("Ældre hjælper Ældre", AARHUS)) == ["aar-aeldre", "esb-aeldre"]


def test_unrelated_names_are_not_similar(finder: DuplicateFinder) -> None:
    assert finder.similar("Skakklubben Springeren", ESBJERG) == []
    assert finder.similar("Ældre Sagen", ESBJERG) == []
    assert finder.similar("", ESBJERG) == []
    assert finder.similar("Foreningen af", ESBJERG) == []


def test_the_actor_being_edited_is_left_out(finder: DuplicateFinder) -> None:
    assert ids(finder.similar("Ældre Hjælper Ældre", ESBJERG, exclude_id="esb-aeldre")) == [
        "aar-aeldre"
    ]


def test_misspellings_word_order_and_split_compounds_are_similar(
    finder: DuplicateFinder,
) -> None:
    assert ids(finder.similar("Bokseklubben Odnse")) == ["ode-boks"]
    assert ids(finder.similar("Odense Bokseklubben")) == ["ode-boks"]
    assert ids(finder.similar("Frivillig Center Aarhus")) == ["aar-frivillig"]
    assert ids(finder.similar("Camilla & Mikkel Østergaard Fond")) == ["ode-fond"]


def test_limit_and_scores(finder: DuplicateFinder) -> None:
    found = finder.similar("Ældre hjælper Ældre", limit=1)
    assert len(found) == 1
    assert all(85 <= s.score <= 100 for s in finder.similar("Ældre hjælpe ældre"))
    assert finder.similar("Ældre hjælper Ældre", limit=0) == []


def test_upsert_and_remove_keep_the_finder_current(finder: DuplicateFinder) -> None:
    finder.upsert("esb-lektie", "Lektiehjælpen Esbjerg", ESBJERG)  # renamed
    assert finder.similar("Lektiecafé Vest") == []
    assert ids(finder.similar("Lektiehjælpen, Esbjerg")) == ["esb-lektie"]
    finder.upsert("new", "Sammen om Sindet i Esbjerg", ESBJERG)
    assert set(ids(finder.similar("Sammen om sindet Esbjerg"))) == {"esb-sammen", "new"}
    finder.remove("esb-sammen")
    finder.remove("unknown")
    assert ids(finder.similar("Sammen om sindet Esbjerg")) == ["new"]
    assert len(finder) == 7


def test_built_from_the_register_listing(make_database: MakeDatabase) -> None:
    from mapper.persistence.database import open_database

    service = LandscapeService(open_database(make_database("register")))
    service.load_demo()
    actors = service.list_actors()
    finder = DuplicateFinder.from_rows(actors)
    assert len(finder) == len(actors)
    first = actors[0]
    found = finder.similar(first.name.upper(), first.municipality_code)
    assert first.id in ids(found)
    assert first.id not in ids(finder.similar(first.name, exclude_id=first.id))


def test_a_name_typed_without_its_town_meets_the_names_that_add_one() -> None:
    finder = DuplicateFinder(
        [
            ("esb", "Sammen om Sindet Esbjerg", "0561"),
            ("aar", "Sammen om Sindet Aarhus", "0751"),
            ("lf", "Landsforeningen Sammen om Sindet", None),
            ("fc-odense", "Frivilligcenter Odense", "0461"),
            ("fc-esbjerg", "Frivilligcenter Esbjerg", "0561"),
        ]
    )
    found = finder.similar("Foreningen Sammen om Sindet", "0561")
    assert [s.actor_id for s in found][:1] == ["esb"]  # same municipality first
    assert {s.actor_id for s in found} == {"esb", "aar", "lf"}
    # A name that states its town is compared whole: Odense's centre is another one.
    assert [s.actor_id for s in finder.similar("Frivilligcenter Esbjerg")] == ["fc-esbjerg"]
    # A town alone is no name.
    assert finder.similar("Esbjerg") == []
