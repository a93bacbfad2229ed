"""Duplicate actors: blocking, scoring on normalised names and fields, evidence, decisions."""

from __future__ import annotations

import dataclasses

import pytest

from mapper.domain.dedupe import (
    AUTO_MERGE,
    EVIDENCE_FIELDS,
    REVIEW,
    DuplicatePair,
    Evidence,
    comparable_name,
    find_all_duplicates,
    find_duplicates,
    phone_key,
    score_pair,
    website_key,
)
from mapper.domain.model import Actor, Contact, Location

ESBJERG, VARDE, AARHUS, KBH = "0561", "0573", "0751", "0101"
CVR_A, CVR_B = "61126228", "10000009"


def actor(
    actor_id: str,
    name: str,
    postcode: str | None = None,
    municipality: str | None = None,
    *,
    cvr: str | None = None,
    address: str | None = None,
    **contact: str,
) -> Actor:
    return Actor(
        id=actor_id,
        name=name,
        kind="local_association",
        registry_ids=(("cvr", cvr),) if cvr else (),
        location=Location(address=address, postcode=postcode, municipality_code=municipality),
        contact=Contact(**contact),
    )


def pair_ids(pairs: list[DuplicatePair]) -> set[tuple[str, str]]:
    return {(p.first_id, p.second_id) for p in pairs}


def evidence(pair: DuplicatePair, field: str) -> Evidence:
    return next(e for e in pair.evidence if e.field == field)


def test_names_fold_case_punctuation_danish_letters_abbreviations_and_fillers() -> None:
    same = [
        "Ældre Sagen Kbh.",
        "ÆLDRE-SAGEN, København",
        "Aeldre Sagen Koebenhavn",
        "Foreningen Ældre Sagen København",
        "Ældre Sagen afd. København",
    ]
    assert len({comparable_name(n) for n in same}) == 1
    assert comparable_name("Frb. Rideklub & Venner") == comparable_name(
        "Frederiksberg Rideklub og Venner"
    )
    assert comparable_name("Café Åben") == comparable_name("Cafe Aaben")
    assert comparable_name("Idrætsforeningen Vest") == comparable_name("Idrætsforening Vest")
    assert comparable_name("Esbjerg IF") == comparable_name("Esbjerg Idrætsforening")


def test_the_same_association_spelled_three_ways_is_a_merge() -> None:
    records = [
        actor("a", "Esbjerg Roklub", "6700", ESBJERG),
        actor("b", "Esbjerg Roklubben", "6700", ESBJERG),
        actor("c", "Foreningen Esbjerg Rokub", "6700", ESBJERG),
    ]
    pairs = find_all_duplicates(records)
    assert pair_ids(pairs) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert all(p.decision == "merge" and p.score >= AUTO_MERGE for p in pairs)
    first = pairs[0]
    assert first.evidence[0].field == "name"
    assert evidence(first, "postcode") == Evidence("postcode", True, "postcode 6700")


def test_near_names_of_different_associations_are_no_pair() -> None:
    records = [
        actor("esb", "Ældre Sagen Esbjerg", "6700", ESBJERG),
        actor("var", "Ældre Sagen Varde", "6800", VARDE),
        actor("fdf1", "FDF Aarhus 1", "8000", AARHUS),
        actor("fdf2", "FDF Aarhus 2", "8000", AARHUS),
    ]
    assert find_all_duplicates(records) == []
    explained = find_all_duplicates(records, min_score=0)
    fdf = next(p for p in explained if p.first_id == "fdf1")
    assert evidence(fdf, "name") == Evidence("name", False, "name score 40 (numbers 1 ≠ 2)")
    places = next(p for p in explained if {p.first_id, p.second_id} == {"esb", "var"})
    assert not evidence(places, "name").agrees
    assert "places" in evidence(places, "name").detail
    assert not evidence(places, "municipality").agrees


def test_a_name_without_its_town_meets_the_one_with_it_in_the_same_place() -> None:
    pairs = find_all_duplicates(
        [
            actor("a", "Sammen om Sindet", "6700", ESBJERG),
            actor("b", "Sammen om Sindet Esbjerg", "6700", ESBJERG),
            actor("c", "Sammen om Sindet Aarhus", "8000", AARHUS),
        ]
    )
    assert pair_ids(pairs) == {("a", "b")}
    assert pairs[0].decision == "merge"


def test_the_same_cvr_merges_unless_the_names_are_clearly_different() -> None:
    pairs = find_all_duplicates(
        [
            actor("a", "Esbjerg Roklub", "6700", ESBJERG, cvr=CVR_A),
            actor("b", "Roklubben i Esbjerg af 1890", "6705", ESBJERG, cvr=f"DK {CVR_A}"),
            actor("c", "Skakklubben Springeren", "6700", ESBJERG, cvr=CVR_A),
        ]
    )
    assert pair_ids(pairs) == {("a", "b")}
    assert pairs[0].decision == "merge"
    assert evidence(pairs[0], "cvr") == Evidence("cvr", True, f"cvr {CVR_A}")


def test_different_valid_cvr_numbers_are_never_a_pair() -> None:
    records = [
        actor("a", "Esbjerg Roklub", "6700", ESBJERG, cvr=CVR_A, email="info@roklub.dk"),
        actor("b", "Esbjerg Roklub", "6700", ESBJERG, cvr=CVR_B, email="info@roklub.dk"),
    ]
    assert find_all_duplicates(records, min_score=0) == []
    assert score_pair(*records) is None
    # An invalid CVR number says nothing.
    records[1] = dataclasses.replace(records[1], registry_ids=(("cvr", "12345678"),))
    assert pair_ids(find_all_duplicates(records)) == {("a", "b")}


def test_same_email_website_or_phone_raise_the_score_and_say_so() -> None:
    plain = actor("a", "Frivilligcenter Esbjerg", "6700", ESBJERG)
    other = actor("b", "Frivillig Center Esbjerg Vest", "6700", ESBJERG)
    base = score_pair(plain, other)
    assert base is not None
    rich_a = dataclasses.replace(
        plain,
        contact=Contact(
            email="Info@FCE.dk", website="https://www.fce.dk/om", phone="+45 75 12 34 56"
        ),
    )
    rich_b = dataclasses.replace(
        other, contact=Contact(email="info@fce.dk ", website="fce.dk", phone="75123456")
    )
    raised = score_pair(rich_a, rich_b)
    assert raised is not None
    assert raised[0] > base[0]
    agreed = {e.field: e.detail for e in raised[1] if e.agrees}
    assert agreed["email"] == "email info@fce.dk"
    assert agreed["website"] == "website fce.dk"
    assert agreed["phone"] == "phone 75123456"


def test_another_postcode_lowers_the_score() -> None:
    same = score_pair(
        actor("a", "Esbjerg Roklub", "6700", ESBJERG), actor("b", "Esbjerg Roklub", "6700")
    )
    moved = score_pair(
        actor("a", "Esbjerg Roklub", "6700", ESBJERG), actor("b", "Esbjerg Roklub", "6705")
    )
    assert same is not None and moved is not None
    assert moved[0] < same[0]
    assert Evidence("postcode", False, "postcode 6700 ≠ 6705") in moved[1]


def test_an_abbreviation_meets_the_name_it_abbreviates() -> None:
    pairs = find_all_duplicates(
        [
            actor("dn", "DN Esbjerg", "6700", ESBJERG),
            actor("long", "Danmarks Naturfredningsforening Esbjerg", "6700", ESBJERG),
        ]
    )
    assert pair_ids(pairs) == {("dn", "long")}
    assert "abbreviation dn" in evidence(pairs[0], "name").detail


def test_a_rare_name_word_compares_records_with_nothing_else_in_common() -> None:
    pairs = find_all_duplicates(
        [actor("a", "Patriciahuset"), actor("b", "Patricia Huset"), actor("c", "Bokseklubben")]
    )
    assert pair_ids(pairs) == {("a", "b")}


def test_records_are_compared_with_each_other_and_the_existing_never_with_themselves() -> None:
    existing = [
        actor("old-1", "Esbjerg Roklub", "6700", ESBJERG),
        actor("old-2", "Esbjerg Roklub", "6700", ESBJERG),  # an old duplicate: not ours
    ]
    records = [
        actor("new-1", "Esbjerg Roklubben", "6700", ESBJERG),
        actor("new-2", "Foreningen Esbjerg Roklub", "6700", ESBJERG),
    ]
    pairs = find_duplicates(records, existing)
    assert pair_ids(pairs) == {
        ("new-1", "new-2"),
        ("new-1", "old-1"),
        ("new-1", "old-2"),
        ("new-2", "old-1"),
        ("new-2", "old-2"),
    }
    assert [p.score for p in pairs] == sorted((p.score for p in pairs), reverse=True)
    assert find_duplicates([], existing) == []


def test_a_record_with_the_id_of_an_existing_one_is_no_pair_with_it() -> None:
    record = actor("esb-roklub", "Esbjerg Roklub", "6700", ESBJERG)
    assert find_duplicates([record], [record]) == []


def test_pairs_decided_distinct_are_never_proposed_in_either_order() -> None:
    records = [
        actor("a", "Esbjerg Roklub", "6700", ESBJERG),
        actor("b", "Esbjerg Roklub", "6700", ESBJERG),
        actor("c", "Esbjerg Roklub", "6700", ESBJERG),
    ]
    pairs = find_all_duplicates(records, distinct=[("b", "a")])
    assert pair_ids(pairs) == {("a", "c"), ("b", "c")}


def test_first_id_sorts_before_second_and_evidence_fields_are_known() -> None:
    pairs = find_all_duplicates(
        [
            actor("z", "Esbjerg Roklub", "6700", ESBJERG, email="a@b.dk"),
            actor("a", "Esbjerg Roklubben", "6700", ESBJERG, email="a@b.dk"),
        ]
    )
    assert [(p.first_id, p.second_id) for p in pairs] == [("a", "z")]
    assert {e.field for e in pairs[0].evidence} <= set(EVIDENCE_FIELDS)


def test_decision_follows_the_thresholds() -> None:
    pairs = find_all_duplicates(
        [
            actor("a", "Sammen om Sindet", "6700", ESBJERG),
            actor("b", "Sammen om Sindet", "6705", ESBJERG),  # another postcode: review
            actor("c", "Sammen om Sindet", "6700", ESBJERG),  # same postcode: merge
        ]
    )
    by_ids = {(p.first_id, p.second_id): p for p in pairs}
    assert by_ids["a", "c"].decision == "merge"
    assert by_ids["a", "b"].decision == "review"
    assert REVIEW <= by_ids["a", "b"].score < AUTO_MERGE


def test_empty_and_odd_names_do_not_fail() -> None:
    records = [
        actor("a", ""),
        actor("b", "   "),
        actor("c", "&&&"),
        actor("d", "Foreningen"),
        actor("e", "Foreningen"),
        actor("f", "1"),
    ]
    pairs = find_all_duplicates(records)
    assert ("d", "e") in pair_ids(pairs)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.esbjerg-roklub.dk/kontakt", "esbjerg-roklub.dk"),
        ("esbjerg-roklub.dk", "esbjerg-roklub.dk"),
        ("HTTP://WWW.Esbjerg-Roklub.DK", "esbjerg-roklub.dk"),
        ("https://www.facebook.com/EsbjergRoklub/", "facebook.com/esbjergroklub"),
        ("https://www.facebook.com/", None),
        ("localhost", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_web_domains(url: str | None, key: str | None) -> None:
    assert website_key(url) == key


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        ("75 12 34 56", "75123456"),
        ("+45 75123456", "75123456"),
        ("0045 7512 3456", "75123456"),
        ("7512345", None),
        ("", None),
        (None, None),
    ],
)
def test_phone_digits(phone: str | None, key: str | None) -> None:
    assert phone_key(phone) == key


def test_a_shared_e_mail_of_many_associations_says_nothing() -> None:
    """A volunteer centre's address on thirty associations' rows says nothing about them."""
    sports = ["Ro", "Skak", "Bokse", "Golf", "Tennis", "Ride", "Sejl", "Dykker", "Cykel"]
    towns = ["Bramming", "Ribe", "Gredstedbro"]
    names = [f"{sport}klubben {town}" for sport in [*sports, "Bridge"] for town in towns]
    records = [actor(f"a{i}", name, email="fc@esbjerg.dk") for i, name in enumerate(names)]
    assert len(records) == 30
    assert find_all_duplicates(records) == []
    # Two of them that are alike are still found, on their names alone.
    records.append(actor("again", "Roklubben i Bramming", email="fc@esbjerg.dk"))
    pairs = find_all_duplicates(records)
    assert pair_ids(pairs) == {("a0", "again")}
    assert [e.field for e in pairs[0].evidence] == ["name"]


def test_branches_told_apart_by_a_direction_or_district_are_no_pair() -> None:
    records = [
        actor("nord", "Grundejerforeningen Esbjerg Nord", "6715", ESBJERG),
        actor("syd", "Grundejerforeningen Esbjerg Syd", "6715", ESBJERG),
        actor("noe", "Ældre Sagen Nørrebro", "2200", KBH),
        actor("oe", "Ældre Sagen Østerbro", "2200", KBH),
    ]
    assert find_all_duplicates(records) == []
    explained = {(p.first_id, p.second_id): p for p in find_all_duplicates(records, min_score=0)}
    assert evidence(explained["nord", "syd"], "name").detail == "name score 40 (words nord ≠ syd)"
    assert "places noerrebro ≠ oesterbro" in evidence(explained["noe", "oe"], "name").detail


def test_names_with_a_word_unlike_any_of_the_others_are_no_pair() -> None:
    records = [
        actor("drk", "Dansk Røde Kors Bramming", "6740", ESBJERG),
        actor("urk", "Ungdommens Røde Kors Bramming", "6740", ESBJERG),
        actor("fc", "Frivillig Center Bramming", "6740", ESBJERG),
        actor("fc2", "Frivilligcentret Bramming", "6740", ESBJERG),
    ]
    assert pair_ids(find_all_duplicates(records)) == {("fc", "fc2")}
    explained = score_pair(records[0], records[1])
    assert explained is not None
    assert explained[1][0].detail == "name score 70 (words dansk ≠ ungdommens)"


def test_a_name_without_its_town_is_placed_by_its_address() -> None:
    ribe = actor("ribe", "Ældre Sagen Ribe", "6760", ESBJERG)
    tjaereborg = Actor(
        id="tj",
        name="Ældre Sagen",
        kind="local_association",
        location=Location(postcode="6731", city="Tjæreborg", municipality_code=ESBJERG),
    )
    esbjerg_v = dataclasses.replace(
        tjaereborg, id="esb", location=Location(postcode="6710", city="Esbjerg V")
    )
    esbjerg = actor("esbjerg", "Ældre Sagen Esbjerg", "6710", ESBJERG)
    pairs = {
        (p.first_id, p.second_id): p
        for p in find_all_duplicates([ribe, tjaereborg, esbjerg_v, esbjerg])
    }
    assert set(pairs) == {("esb", "esbjerg"), ("esb", "tj")}
    # The same name in another town of the municipality: a person decides.
    assert pairs["esb", "tj"].decision == "review"
    assert Evidence("town", False, "town esbjerg ≠ tjaereborg") in pairs["esb", "tj"].evidence
    explained = score_pair(ribe, tjaereborg)
    assert explained is not None
    assert "place ribe ≠ town tjaereborg" in explained[1][0].detail


def test_towns_tell_records_without_two_postcodes_apart() -> None:
    varde = Actor(
        id="v", name="Bydelsmødrene", kind="local_association", location=Location(city="Varde")
    )
    noerrebro = Actor(
        id="n",
        name="Bydelsmoedrene",
        kind="local_association",
        location=Location(postcode="2200", city="København N", municipality_code=KBH),
    )
    same_town = dataclasses.replace(
        varde, id="v2", location=Location(postcode="6800", municipality_code=VARDE)
    )
    pairs = find_all_duplicates([varde, noerrebro, same_town])
    assert pair_ids(pairs) == {("v", "v2")}
    explained = score_pair(varde, noerrebro)
    assert explained is not None
    # Varde's municipality is known from the town alone.
    assert Evidence("municipality", False, "municipality 0573 ≠ 0101") in explained[1]


def test_misspelt_filler_words_are_fillers_too() -> None:
    assert comparable_name("Forneingen Sind Aarhus") == comparable_name("Sind Aarhus")
    assert comparable_name("Foreninen Lions Club") == comparable_name("Lions Club")
    # A word merely like a filler is kept: 'Forsorgen' is no 'Foreningen'.
    assert comparable_name("Forsorgen") == "forsorgen"
