"""Codes inferred from a sparse actor's texts count in matching, with a discount, and are shown
with the words that triggered them; lying far away costs; a local actor whose text fits beats a
far-away coded actor whose codes fit."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mapper.domain.model import Actor, Location, ProblemStatement, Profile, Resource, Seeking
from mapper.domain.vocabulary import load_vocabulary
from mapper.matching import criteria as c
from mapper.matching.lexicon import infer_actor_codes
from mapper.matching.model import Candidate, Match, MatchSettings, ProblemContext
from mapper.matching.ranking import far_points, score_candidate
from mapper.matching.reasons import render
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import MakeDatabase

SETTINGS = MatchSettings.defaults()
PARAMS = SETTINGS.params
VOCABULARY = load_vocabulary()
ESBJERG = Location(municipality_code="0561", lat=55.4765, lon=8.4594, postcode="6700")
AARHUS = Location(municipality_code="0751", lat=56.1567, lon=10.2108, postcode="8000")

GRIEF = Actor(
    id="grief",
    name="Foreningen Lysglimt",
    kind="local_association",
    location=ESBJERG,
    profile=Profile(
        we_are="Foreningens formål er at støtte børn, der har mistet en mor eller en far."
    ),
)
CHOIR = Actor(
    id="choir",
    name="Esbjerg Kammerkor",
    kind="local_association",
    location=ESBJERG,
    profile=Profile(we_are="Foreningens formål er at synge klassisk kormusik for ældre."),
)
SILENT = Actor(id="silent", name="Foreningen X", kind="local_association", location=ESBJERG)
TWIN = Actor(
    id="twin",
    name="Sorggrupper for børn, Aarhus",
    kind="voluntary_organisation",
    location=AARHUS,
    target_groups=("children_vulnerable", "relatives"),
    roles=("volunteer_provider",),
    prevention_levels=("early",),
    employees=2,
    volunteers=40,
    resources_offered=(Resource("volunteer_hours", hours_per_month=80),),
    profile=Profile(we_are="Vi driver sorggrupper for børn og unge i Aarhus."),
)
PROBLEM = ProblemStatement(
    id="p-sorg",
    title="Sorggrupper for børn",
    owner_id="owner",
    municipality_code="0561",
    location=ESBJERG,
    description="Flere børn i sorg har brug for et fællesskab med andre i samme situation.",
    concreteness="concrete",
    target_groups=("children_vulnerable",),
    prevention_level="early",
    seeking=Seeking(
        description="En forening, der kan lede sorggrupper for børn",
        resources=(Resource("volunteer_hours", hours_per_month=40),),
        roles=("volunteer_provider",),
    ),
    status="seeking",
)


def candidate(actor: Actor) -> Candidate:
    return Candidate(actor, inferred=infer_actor_codes(actor, VOCABULARY))


def scored(actor: Actor, params: Any = None) -> Match:
    settings = SETTINGS if params is None else replace(SETTINGS, params=params)
    match = score_candidate(ProblemContext.of(PROBLEM, None), candidate(actor), settings)
    assert isinstance(match, Match)
    return match


def test_inferred_target_group_counts_with_a_discount_and_quotes_its_words() -> None:
    result = c.target_group_fit(ProblemContext.of(PROBLEM, None), candidate(GRIEF), PARAMS)
    assert result.unknown, "inferred is not declared: the confidence stays lower"
    assert result.score is not None
    assert PARAMS["neutral_score"] < result.score < 1.0
    (reason,) = result.reasons
    assert reason.code == "inferred_works_with" and reason.sign == 1
    text = render(reason)
    assert text.startswith("Udledt af teksten: arbejder med")
    assert "»mistet en mor eller en far«" in text or "»mistet" in text


def test_inferred_other_groups_speak_against_but_less_than_declared_ones() -> None:
    result = c.target_group_fit(ProblemContext.of(PROBLEM, None), candidate(CHOIR), PARAMS)
    assert result.score is not None
    assert PARAMS["neutral_score"] * 0.5 < result.score < PARAMS["neutral_score"]
    assert result.reasons[0].code == "inferred_other_target_groups"
    assert result.reasons[0].sign == -1
    declared = replace(CHOIR, target_groups=("elderly_lonely",))
    assert (
        c.target_group_fit(ProblemContext.of(PROBLEM, None), candidate(declared), PARAMS).score
        == 0.0
    )


def test_an_actor_whose_text_says_nothing_stays_unknown() -> None:
    result = c.target_group_fit(ProblemContext.of(PROBLEM, None), candidate(SILENT), PARAMS)
    assert result.score is None and result.unknown
    assert result.reasons[0].code == "target_groups_unknown"


def test_inference_switched_off_leaves_sparse_actors_neutral() -> None:
    off = {**PARAMS, "inference": False}
    on, without = scored(GRIEF), scored(GRIEF, off)
    target = {x.criterion: x for x in without.contributions}["target_group"]
    assert target.neutral and target.unknown
    assert on.score > without.score


def test_the_text_criterion_names_shared_concepts_as_whole_words() -> None:
    match = scored(GRIEF)
    text = {x.criterion: x for x in match.contributions}["text"]
    (reason,) = text.reasons
    assert reason.code == "text_similarity"
    words = reason.params["words"]
    assert words and all(len(w) > 2 for w in words)
    assert "Teksterne svarer" in render(reason)


def test_a_text_sharing_nothing_says_so_and_one_without_text_is_unknown() -> None:
    stamps = replace(CHOIR, id="stamps", profile=Profile(we_are="Vi dyrker bonsaitræer."))
    choir = {x.criterion: x for x in scored(stamps).contributions}["text"]
    silent = {x.criterion: x for x in scored(SILENT).contributions}["text"]
    assert choir.score == 0.0 and choir.reasons[0].code == "text_nothing_shared"
    assert silent.neutral and silent.unknown


def test_far_away_costs_points_beyond_the_limit_and_not_within_the_service_area() -> None:
    geo = PARAMS["geography"]
    assert far_points(geo["far_beyond_km"] - 1, None, SETTINGS) == 0.0
    assert far_points(geo["far_beyond_km"] + 40, None, SETTINGS) == geo["far_points_per_10km"] * 4
    assert far_points(1000, None, SETTINGS) == geo["max_far_points"]
    assert far_points(120, 150, SETTINGS) == 0.0
    assert far_points(None, None, SETTINGS) == 0.0
    match = scored(TWIN)
    cost = {x.criterion: x for x in match.contributions}["distance"]
    assert cost.points < 0
    assert render(cost.reasons[0]) == "Langt fra problemstillingen (over 40 km)"
    national = scored(replace(TWIN, service_area_km=500))
    assert "distance" not in {x.criterion for x in national.contributions}
    assert national.score > match.score


def _document(*actors: Actor) -> dict[str, Any]:
    def location(loc: Location) -> dict[str, Any]:
        return {
            "municipality_code": loc.municipality_code,
            "postcode": loc.postcode,
            "lat": loc.lat,
            "lon": loc.lon,
        }

    owner = {
        "id": "owner",
        "name": "Esbjerg Kommune, Børn og Familie",
        "kind": "public_institution",
        "location": location(ESBJERG),
    }
    records = [owner]
    for a in actors:
        record: dict[str, Any] = {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "location": location(a.location),
        }
        if a.profile.we_are:
            record["profile"] = {"we_are": a.profile.we_are}
        if a.target_groups:
            record.update(
                target_groups=list(a.target_groups),
                roles=list(a.roles),
                prevention_levels=list(a.prevention_levels),
                employees=a.employees,
                volunteers=a.volunteers,
                resources_offered=[
                    {"kind": r.kind, "hours_per_month": r.hours_per_month}
                    for r in a.resources_offered
                ],
            )
        records.append(record)
    problem = {
        "id": PROBLEM.id,
        "title": PROBLEM.title,
        "owner_id": "owner",
        "municipality_code": "0561",
        "location": location(ESBJERG),
        "description": PROBLEM.description,
        "concreteness": "concrete",
        "target_groups": list(PROBLEM.target_groups),
        "prevention_level": "early",
        "status": "seeking",
        "seeking": {
            "description": PROBLEM.seeking.description,
            "resources": [{"kind": "volunteer_hours", "hours_per_month": 40}],
            "roles": ["volunteer_provider"],
        },
    }
    return {"format": "mapper-landscape", "version": 1, "actors": records, "problems": [problem]}


def test_a_local_actor_whose_text_fits_beats_a_far_coded_actor_whose_codes_fit(
    make_database: MakeDatabase,
) -> None:
    database = open_database(make_database("local"))
    try:
        LandscapeService(database).import_document(_document(GRIEF, CHOIR, SILENT, TWIN))
        service = MatchingService(database)
        ranking = service.rank_actors_for_problem(PROBLEM.id, top=10)
        order = [m.actor_id for m in ranking.matches]
        assert order.index("grief") < order.index("twin"), order
        assert order[0] == "grief"
        reference = service.reference_ranking(PROBLEM.id)
        assert [m.actor_id for m in reference.matches] == order
        for fast, slow in zip(ranking.matches, reference.matches, strict=True):
            assert abs(fast.score - slow.score) < 1e-9
        grief = ranking.matches[0]
        assert any(r.code == "inferred_works_with" for r in grief.reasons_for)
        twin = next(m for m in ranking.matches if m.actor_id == "twin")
        assert any(r.code == "far_away" for r in twin.reasons_against)
    finally:
        database.close()
