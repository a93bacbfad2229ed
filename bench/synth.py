"""Synthetic volunteer landscapes for benchmarks.

Builds deterministic interchange documents (data/landscape.schema.json) of any size, with codes
from data/vocabulary.json, Danish names and texts and points on land in Denmark.

    python bench/synth.py 100000 /tmp/landscape.json --seed 7
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import gc
import itertools
import json
import math
import random
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

VOCABULARY_PATH: Path = Path(__file__).resolve().parent.parent / "data" / "vocabulary.json"

Json = dict[str, Any]
T = TypeVar("T")
K = TypeVar("K")

# fmt: off
# ----------------------------------------------------------------------------------------------
# Distributions. Codes missing from the vocabulary are ignored; vocabulary codes missing here
# get DEFAULT_WEIGHT, so a grown vocabulary still shows up in the data.

DEFAULT_WEIGHT: float = 0.5

KIND_WEIGHTS: dict[str, float] = {
    "local_association": 35,
    "volunteer_person": 15,
    "voluntary_organisation": 12,
    "company": 8,
    "public_institution": 6,
    "municipal_unit": 4,
    "user_organisation": 4,
    "self_governing_institution": 3,
    "social_enterprise": 3,
    "housing_association": 3,
    "foundation": 2,
    "education_institution": 2,
    "volunteer_centre": 1,
    "knowledge_centre": 1,
    "trade_union": 1,
}

TARGET_GROUP_WEIGHTS: dict[str, float] = {
    "general_population": 30,
    "elderly_lonely": 22,
    "youth_vulnerable": 18,
    "children_vulnerable": 16,
    "families_vulnerable": 12,
    "mental_illness": 12,
    "refugees_migrants": 10,
    "unemployed": 10,
    "socially_vulnerable_adults": 8,
    "youth_education": 8,
    "elderly_frail": 8,
    "physical_disability": 6,
    "relatives": 5,
    "adhd_autism": 5,
    "chronic_illness": 5,
    "youth_crime": 4,
    "substance_abuse": 4,
    "intellectual_disability": 4,
    "homeless": 3,
    "young_parents": 3,
    "children_in_care": 2,
    "indebted": 2,
    "offenders": 1,
}

RESOURCE_WEIGHTS_BY_KIND: dict[str, dict[str, float]] = {
    "volunteer_person": {
        "volunteer_hours": 10, "mentoring": 5, "lived_experience": 3, "activities": 3,
        "training": 2, "professional_expertise": 2, "network_bridging": 2, "counselling": 1,
    },
    "local_association": {
        "volunteer_hours": 10, "activities": 10, "premises": 5, "network_bridging": 4,
        "mentoring": 2, "training": 2, "goods_equipment": 2, "communication": 1,
    },
    "voluntary_organisation": {
        "volunteer_hours": 10, "mentoring": 5, "counselling": 5, "activities": 4,
        "professional_expertise": 3, "network_bridging": 3, "training": 3,
        "knowledge_evaluation": 2, "lived_experience": 2, "communication": 2, "premises": 2,
        "funding": 1,
    },
    "self_governing_institution": {
        "premises": 5, "professional_expertise": 5, "target_group_access": 4, "activities": 3,
        "staff_hours": 2, "training": 2,
    },
    "user_organisation": {
        "lived_experience": 8, "counselling": 5, "volunteer_hours": 4, "target_group_access": 3,
        "network_bridging": 3, "knowledge_evaluation": 2, "communication": 2,
    },
    "volunteer_centre": {
        "network_bridging": 8, "volunteer_hours": 5, "premises": 4, "training": 4,
        "communication": 4, "professional_expertise": 2,
    },
    "public_institution": {
        "target_group_access": 8, "premises": 6, "professional_expertise": 6, "staff_hours": 3,
        "activities": 2, "jobs_internships": 1,
    },
    "municipal_unit": {
        "target_group_access": 6, "professional_expertise": 6, "funding": 5, "premises": 3,
        "knowledge_evaluation": 2, "communication": 2, "staff_hours": 2,
    },
    "company": {
        "staff_hours": 10, "jobs_internships": 8, "funding": 6, "goods_equipment": 4,
        "professional_expertise": 4, "premises": 1, "communication": 1,
    },
    "social_enterprise": {
        "jobs_internships": 8, "activities": 3, "premises": 3, "goods_equipment": 3,
        "training": 3, "staff_hours": 2,
    },
    "foundation": {
        "funding": 20, "knowledge_evaluation": 2, "network_bridging": 2, "communication": 1,
    },
    "housing_association": {
        "premises": 8, "target_group_access": 6, "network_bridging": 4, "staff_hours": 3,
        "activities": 3, "funding": 2,
    },
    "education_institution": {
        "training": 8, "premises": 4, "knowledge_evaluation": 4, "professional_expertise": 4,
        "volunteer_hours": 3, "jobs_internships": 2,
    },
    "knowledge_centre": {
        "knowledge_evaluation": 10, "professional_expertise": 6, "training": 4, "communication": 3,
    },
    "trade_union": {
        "professional_expertise": 5, "counselling": 5, "network_bridging": 3, "training": 3,
        "funding": 2, "jobs_internships": 2,
    },
}

# Kinds whose first resource is always this one (a foundation without money is no foundation).
LEAD_RESOURCE_BY_KIND: dict[str, str] = {"foundation": "funding", "company": "staff_hours"}

ROLE_WEIGHTS_BY_KIND: dict[str, dict[str, float]] = {
    "volunteer_person": {
        "volunteer_provider": 6, "community_builder": 4, "bridge_builder": 4, "idea_generator": 1,
    },
    "local_association": {
        "community_builder": 10, "volunteer_provider": 6, "service_provider": 3,
        "bridge_builder": 3, "initiator": 2, "idea_generator": 1,
    },
    "voluntary_organisation": {
        "service_provider": 8, "advocate": 5, "community_builder": 5, "volunteer_provider": 5,
        "knowledge_sharer": 3, "initiator": 2, "referrer": 1,
    },
    "self_governing_institution": {
        "operator": 6, "service_provider": 6, "knowledge_sharer": 2, "referrer": 2,
    },
    "user_organisation": {
        "advocate": 8, "knowledge_sharer": 5, "community_builder": 3, "referrer": 2,
    },
    "volunteer_centre": {
        "bridge_builder": 8, "incubator": 5, "knowledge_sharer": 5, "initiator": 3,
    },
    "public_institution": {
        "operator": 6, "referrer": 6, "customer": 2, "initiator": 2, "backstop": 2,
    },
    "municipal_unit": {
        "commissioner": 6, "initiator": 5, "incubator": 4, "backstop": 4, "customer": 3,
        "operator": 2, "referrer": 3, "funder": 2,
    },
    "company": {
        "bridge_builder": 6, "idea_generator": 5, "funder": 5, "host_workplace": 6,
        "volunteer_provider": 3,
    },
    "social_enterprise": {
        "host_workplace": 8, "service_provider": 4, "community_builder": 3, "idea_generator": 2,
    },
    "foundation": {"funder": 12, "incubator": 3, "knowledge_sharer": 2},
    "housing_association": {
        "community_builder": 6, "initiator": 4, "referrer": 4, "bridge_builder": 3, "funder": 1,
    },
    "education_institution": {
        "knowledge_sharer": 8, "idea_generator": 4, "volunteer_provider": 2, "host_workplace": 2,
    },
    "knowledge_centre": {"knowledge_sharer": 10, "idea_generator": 4, "advocate": 1},
    "trade_union": {"advocate": 6, "knowledge_sharer": 4, "bridge_builder": 3, "funder": 1},
}

SOUGHT_ROLE_WEIGHTS: dict[str, float] = {
    "volunteer_provider": 10, "bridge_builder": 8, "community_builder": 7, "service_provider": 5,
    "funder": 4, "knowledge_sharer": 4, "host_workplace": 4, "referrer": 3, "idea_generator": 3,
    "advocate": 1, "incubator": 1,
}

PREVENTION_WEIGHTS: dict[str, float] = {
    "universal": 35, "early": 35, "treatment": 15, "rehabilitation": 15,
}

EVIDENCE_WEIGHTS: dict[str, float] = {
    "none": 35, "case_study": 25, "expert_assessment": 15, "benchmarking": 8,
    "matched_control": 6, "cohort": 5, "rct": 4, "systematic_review": 2,
}

STAGE_WEIGHTS: dict[str, float] = {
    "proposed": 25, "contacted": 15, "dialogue": 15, "agreed": 10, "active": 15,
    "evaluated": 8, "ended": 7, "declined": 5,
}

PARTNERSHIP_TYPE_WEIGHTS: dict[str, float] = {
    "ad_hoc": 30, "project_based": 25, "philanthropic": 12, "mutual_exchange": 10,
    "strategic": 10, "independent_value": 7, "integrated_value": 6,
}

PROBLEM_STATUS_WEIGHTS: dict[str, float] = {
    "seeking": 70, "open_for_input": 10, "draft": 8, "matched": 8, "closed": 4,
}

PROBLEM_OWNER_KINDS: tuple[str, ...] = (
    "public_institution", "municipal_unit", "voluntary_organisation",
)
# Local branches (lokalafdelinger) hang under a national voluntary organisation.
BRANCH_KINDS: frozenset[str] = frozenset(
    {"local_association", "voluntary_organisation", "user_organisation"}
)
PARENT_KIND: str = "voluntary_organisation"
PERSON_KIND: str = "volunteer_person"
NO_CVR_SECTORS: frozenset[str] = frozenset({"public"})

INACTIVE_SHARE: float = 0.03
PARENT_SHARE: float = 0.02
STATUTORY_SHARE: float = 0.10

# (employees median, volunteers median); None = field left out.
SIZE_BY_KIND: dict[str, tuple[float | None, float | None]] = {
    "local_association": (None, 25),
    "voluntary_organisation": (3, 60),
    "self_governing_institution": (20, 10),
    "user_organisation": (None, 30),
    "volunteer_centre": (4, 150),
    "public_institution": (30, None),
    "municipal_unit": (80, None),
    "company": (25, None),
    "social_enterprise": (12, 5),
    "foundation": (3, None),
    "housing_association": (15, 20),
    "education_institution": (120, None),
    "knowledge_centre": (25, None),
    "trade_union": (10, 15),
}

HOURS_PER_MONTH_CHOICES: dict[str, tuple[int, ...]] = {
    "person": (2, 4, 4, 6, 8, 8, 10, 12, 16, 20),
    "organisation": (10, 20, 20, 30, 40, 40, 60, 80, 120, 160, 200),
}
AMOUNT_DKK_CHOICES: dict[str, tuple[int, ...]] = {
    "foundation": (25_000, 50_000, 75_000, 100_000, 150_000, 250_000, 500_000, 1_000_000,
                   2_000_000),
    "other": (5_000, 10_000, 15_000, 25_000, 40_000, 50_000, 75_000, 100_000, 200_000),
}
# Resource kinds that are measured in time rather than money or things.
HOURLY_RESOURCES: frozenset[str] = frozenset(
    {"volunteer_hours", "staff_hours", "mentoring", "counselling", "training",
     "professional_expertise", "lived_experience"}
)


# ----------------------------------------------------------------------------------------------
# Geography: hand-written public-knowledge town centres, municipality codes and a postcode.
# København is split into districts so its points spread over the city instead of the harbour.
# Each coast is a straight line (bearing of the sea from the centre, distance to the shore in km);
# points beyond any of them are drawn again, so they stay on land and mostly inside the
# municipality. The lines were fitted once against DAGI municipality boundaries.


class Town(NamedTuple):
    """A Danish town (or København district) used as a cluster centre for synthetic actors."""

    name: str
    municipality: str
    municipality_code: str
    postcode: str
    city: str
    lat: float
    lon: float
    population_k: float
    sigma_km: float = 3.0
    coasts: tuple[tuple[float, float], ...] = ()
    area: str = ""  # the name local actors carry, when it is not the town's (Nørrebro)


TOWNS: tuple[Town, ...] = (
    Town("København", "Københavns Kommune", "0101", "1550", "København V", 55.676, 12.568, 160,
         1.5, ((255, 0.5), (120, 0.5), (90, 1.5)), area="Vesterbro"),
    Town("København", "Københavns Kommune", "0101", "2200", "København N", 55.695, 12.548, 130,
         1.5, ((225, 0.5), (75, 2.5), (345, 3.0)), area="Nørrebro"),
    Town("København", "Københavns Kommune", "0101", "2100", "København Ø", 55.712, 12.570, 110,
         2.0, ((30, 0.5), (165, 1.0), (345, 1.5)), area="Østerbro"),
    Town("København", "Københavns Kommune", "0101", "2300", "København S", 55.655, 12.598, 130,
         1.0, ((165, 1.5), (315, 1.5)), area="Amager"),
    Town("København", "Københavns Kommune", "0101", "2500", "Valby", 55.662, 12.508, 60,
         1.0, ((0, 0.5), (240, 1.5)), area="Valby"),
    Town("København", "Københavns Kommune", "0101", "2400", "København NV", 55.708, 12.530, 70,
         1.0, ((345, 1.5), (195, 1.0)), area="Bispebjerg"),
    Town("Aarhus", "Aarhus Kommune", "0751", "8000", "Aarhus C", 56.157, 10.200, 367,
         3.0, ((105, 1.0),)),
    Town("Odense", "Odense Kommune", "0461", "5000", "Odense C", 55.396, 10.388, 208,
         3.0, ((45, 5.5),)),
    Town("Aalborg", "Aalborg Kommune", "0851", "9000", "Aalborg", 57.045, 9.919, 222,
         3.0, ((0, 0.5), (345, 1.0))),
    Town("Esbjerg", "Esbjerg Kommune", "0561", "6700", "Esbjerg", 55.476, 8.465, 116,
         3.0, ((210, 0.5), (165, 3.5), (240, 2.5))),
    Town("Randers", "Randers Kommune", "0730", "8900", "Randers C", 56.461, 10.036, 99),
    Town("Kolding", "Kolding Kommune", "0621", "6000", "Kolding", 55.490, 9.472, 95,
         3.0, ((75, 1.5),)),
    Town("Horsens", "Horsens Kommune", "0615", "8700", "Horsens", 55.861, 9.850, 98,
         3.0, ((105, 0.5), (225, 5.5))),
    Town("Vejle", "Vejle Kommune", "0630", "7100", "Vejle", 55.709, 9.536, 120,
         3.0, ((105, 1.5),)),
    Town("Roskilde", "Roskilde Kommune", "0265", "4000", "Roskilde", 55.642, 12.080, 91,
         2.5, ((300, 0.5), (90, 4.5), (240, 3.0))),
    Town("Herning", "Herning Kommune", "0657", "7400", "Herning", 56.139, 8.974, 90),
    Town("Silkeborg", "Silkeborg Kommune", "0740", "8600", "Silkeborg", 56.170, 9.545, 100),
    Town("Næstved", "Næstved Kommune", "0370", "4700", "Næstved", 55.230, 11.761, 84,
         3.0, ((210, 3.5),)),
    Town("Fredericia", "Fredericia Kommune", "0607", "7000", "Fredericia", 55.566, 9.745, 52,
         3.0, ((135, 0.5), (345, 5.0), (120, 1.0))),
    Town("Viborg", "Viborg Kommune", "0791", "8800", "Viborg", 56.453, 9.402, 98),
    Town("Køge", "Køge Kommune", "0259", "4600", "Køge", 55.458, 12.182, 62,
         3.0, ((90, 0.5), (15, 5.5))),
    Town("Holstebro", "Holstebro Kommune", "0661", "7500", "Holstebro", 56.360, 8.616, 59,
         3.0, ((15, 5.0),)),
    Town("Slagelse", "Slagelse Kommune", "0330", "4200", "Slagelse", 55.403, 11.354, 80),
    Town("Hillerød", "Hillerød Kommune", "0219", "3400", "Hillerød", 55.927, 12.311, 53,
         2.0, ((60, 3.0), (165, 4.0))),
    Town("Sønderborg", "Sønderborg Kommune", "0540", "6400", "Sønderborg", 54.914, 9.792, 74,
         2.5, ((180, 1.5), (45, 3.5), (255, 0.5))),
    Town("Svendborg", "Svendborg Kommune", "0479", "5700", "Svendborg", 55.060, 10.607, 59,
         3.0, ((150, 0.5),)),
    Town("Hjørring", "Hjørring Kommune", "0860", "9800", "Hjørring", 57.464, 9.982, 64),
    Town("Holbæk", "Holbæk Kommune", "0316", "4300", "Holbæk", 55.717, 11.713, 73,
         3.0, ((0, 0.5), (90, 4.5), (345, 0.5))),
    Town("Frederikshavn", "Frederikshavn Kommune", "0813", "9900", "Frederikshavn", 57.441, 10.530,
         59, 3.0, ((90, 0.5), (105, 0.5), (45, 2.0))),
    Town("Rønne", "Bornholms Regionskommune", "0400", "3700", "Rønne", 55.100, 14.706, 39,
         3.0, ((270, 0.5), (210, 1.5), (285, 0.5))),
)
TOWN_BY_CODE: dict[str, Town] = {t.municipality_code: t for t in TOWNS}

# A town's points: gaussian with sigma_km, clipped at sigma_km * JITTER_CLIP_SIGMAS (3 km -> 8 km).
JITTER_CLIP_SIGMAS: float = 8.0 / 3.0
KM_PER_DEGREE_LAT: float = 111.32
PRECISION_WEIGHTS: dict[str, float] = {"address": 85, "postcode": 10, "municipality": 5}
HOUSE_NUMBERS: range = range(1, 121)
FOUNDING_YEARS: range = range(1880, 2021)

STREETS: tuple[str, ...] = (
    "Vestergade", "Østergade", "Nørregade", "Søndergade", "Jernbanegade", "Skolevej", "Kirkevej",
    "Møllevej", "Stationsvej", "Parkvej", "Engvej", "Skovvej", "Havnegade", "Bredgade", "Algade",
    "Torvet", "Ringvejen", "Industrivej", "Birkevej", "Egevej", "Bøgevej", "Toftevej", "Granvej",
    "Lindevej", "Rosenvænget", "Åboulevarden", "Kongensgade", "Dronningensgade", "Søvej",
    "Mejerivej", "Fabriksvej", "Grønnegade", "Bakkevej", "Præstevej", "Smedevej",
)
DISTRICTS: tuple[str, ...] = (
    "Vestbyen", "Østbyen", "Nordbyen", "Søndermarken", "Nørremarken", "Bakkegården", "Solbakken",
    "Kirkebakken", "Møllebakken", "Engparken", "Kildeparken", "Skovparken", "Stengården",
    "Egeparken", "Lindegården", "Havnebyen", "Stationsbyen", "Toftegården", "Rosenhøj",
    "Højvangen", "Granly", "Strandparken", "Vestervang", "Østervang", "Fælledbyen",
    "Holmebakken", "Gadekæret", "Kærbyen", "Bøgelunden", "Åparken",
)

# ----------------------------------------------------------------------------------------------
# Names.

FIRST_NAMES: tuple[str, ...] = (
    "Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne",
    "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Ida", "Emma", "Sofie", "Freja", "Laura",
    "Inge", "Birgit", "Karen", "Tina", "Signe", "Peter", "Jens", "Lars", "Michael", "Henrik",
    "Søren", "Thomas", "Jørgen", "Niels", "Christian", "Martin", "Rasmus", "Anders", "Mads",
    "Jesper", "Frederik", "Mikkel", "Oliver", "William", "Bent", "Poul", "Ole", "Kasper", "Jonas",
    "Morten", "Ahmad", "Fatima", "Aisha", "Mohammed", "Zainab", "Omar", "Leyla", "Hamid", "Nadia",
)
LAST_NAMES: tuple[str, ...] = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm",
    "Clausen", "Simonsen", "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Mogensen", "Nissen",
    "Bech", "Dam", "Østergaard", "Lauridsen", "Kjær", "Vestergaard", "Bak", "Skov", "Ali",
    "Hassan", "Yilmaz", "Ahmed", "Nguyen", "Kowalski", "Abdi",
)
ASSOCIATION_WORDS: tuple[str, ...] = (
    "Idrætsforening", "Boldklub", "Gymnastikforening", "Svømmeklub", "Håndboldklub",
    "Badmintonklub", "Skakklub", "Spejdergruppe", "Borgerforening", "Seniorklub", "Lektiecafé",
    "Besøgsvenner", "Cykelklub", "Løbeklub", "Motionsklub", "Madklub", "Strikkeklub", "Kor",
    "Beboerforening", "Fritidsforening", "Pensionistforening", "Kulturforening", "Ungdomsklub",
    "Fiskeklub", "Rideklub", "Tennisklub", "Gåklub", "Naturforening", "Forsamlingshus",
)
VOLUNTARY_WORDS: tuple[str, ...] = (
    "Besøgstjeneste", "Natteravne", "Flygtningevenner", "Bydelsmødre", "Frivillignetværk",
    "Sorggruppe", "Madhjælp", "Julehjælp", "Gældsrådgivning", "Ældrenetværk", "Venskabsfamilier",
    "Mentornetværk", "Ungdomsnetværk", "Familienetværk", "Netværkscafé", "Tøjbank",
    "Fødevarebank", "Vågetjeneste", "Besøgsvenner", "Frivilligcenter",
)
NATIONAL_ORGANISATIONS: tuple[str, ...] = (
    "Danske Besøgsvenner", "Landsforeningen mod Ensomhed", "Ungdommens Netværk",
    "Foreningen Fællesskab for Alle", "Dansk Mentorforbund", "Frivilligt Forum",
    "Familier i Fællesskab", "Brobyggerne", "Hjælp til Selvhjælp", "Socialt Samvirke",
)
USER_ORG_WORDS: tuple[str, ...] = (
    "Patientforeningen", "Pårørendeforeningen", "Brugerforeningen", "Handicapforeningen",
    "Demensforeningen", "ADHD-foreningen", "Autismeforeningen", "Psykiatriforeningen",
    "Hjerneskadeforeningen", "Diabetesforeningen", "Gigtforeningen", "Kræftforeningen",
)
INSTITUTION_WORDS: tuple[str, ...] = (
    "Skole", "Børnehave", "Bosted", "Værested", "Plejecenter", "Botilbud", "Aktivitetscenter",
    "Ungdomsskole", "Specialskole", "Familiehus", "Fritidsklub", "Kraftcenter", "Bibliotek",
    "Sundhedshus", "Dagtilbud", "Bostøtte",
)
MUNICIPAL_UNITS: tuple[str, ...] = (
    "Jobcenter", "Socialforvaltningen", "Børne- og Familieafdelingen", "SSP", "PPR",
    "Sundhedsplejen", "Ældre og Sundhed", "Kultur og Fritid", "Integrationsteamet", "Ungeenheden",
    "Voksenhandicap", "Socialpsykiatrien", "Frivilligsekretariatet", "Borgerservice",
)
TRADES: tuple[str, ...] = (
    "VVS", "El-service", "Tømrer", "Revision", "Maskinfabrik", "Tandklinik", "Bageri", "Auto",
    "Byg", "Rengøring", "IT", "Transport", "Malerfirma", "Blomster", "Entreprenør", "Dagligvarer",
    "Trykkeri", "Advokater", "Ejendomsservice", "Logistik", "Anlægsgartner", "Catering",
    "Rådgivning", "Forsikring", "Optik", "Fysioterapi", "Købmand", "Software",
)
COMPANY_SUFFIXES: tuple[str, ...] = ("ApS", "ApS", "ApS", "A/S", "A/S", "I/S")
SOCIAL_ENTERPRISE_WORDS: tuple[str, ...] = (
    "Café", "Genbrugsværkstedet", "Grønne Hænder", "Kantinen", "Vaskeriet", "Cykelværkstedet",
    "Økohaven", "Madværkstedet", "Bageriet", "Upcycling-værkstedet", "Genbrugsbutikken",
)
FOUNDATION_CAUSES: tuple[str, ...] = (
    "Udsatte Børn", "Ældres Trivsel", "Lokalt Fællesskab", "Unges Uddannelse", "Socialt Arbejde",
    "Sundhed og Bevægelse",
)
EDUCATION_WORDS: tuple[str, ...] = (
    "Gymnasium", "Tekniske Skole", "Handelsskole", "Produktionsskole", "Efterskole", "Sprogcenter",
    "Højskole", "Erhvervsakademi",
)
KNOWLEDGE_TOPICS: tuple[str, ...] = (
    "Socialt Arbejde", "Frivillighed", "Forebyggelse", "Rehabilitering", "Inklusion",
    "Mental Sundhed", "Civilsamfund", "Ensomhed", "Ungdomsforskning", "Sundhedsfremme",
    "Boligsociale Indsatser",
)
UNION_WORDS: tuple[str, ...] = (
    "Fagforeningen", "Lærerkredsen", "Sygeplejekredsen", "Pædagogernes Lokalafdeling",
    "Socialrådgiverkredsen", "Håndværkernes Fagforening", "Fagligt Fællesskab",
    "Kontor- og Handelsfagforeningen",
)

# ----------------------------------------------------------------------------------------------
# Text fragments for the social dating profile (social datingprofil) and problem statements.

NEUTER_KINDS: frozenset[str] = frozenset(
    {"volunteer_centre", "public_institution", "housing_association", "knowledge_centre"}
)
RESOURCE_PHRASES: dict[str, str] = {
    "funding": "at finansiere lokale initiativer",
    "volunteer_hours": "at stille frivillige kræfter til rådighed",
    "staff_hours": "at stille medarbejdere til rådighed i arbejdstiden",
    "premises": "at åbne vores lokaler og faciliteter for andre",
    "mentoring": "at være mentorer og rollemodeller",
    "professional_expertise": "at give faglig sparring",
    "target_group_access": "at skabe kontakt til målgruppen",
    "network_bridging": "at bygge bro til lokalsamfundet",
    "activities": "at skabe fællesskaber og fritidsaktiviteter",
    "counselling": "at give rådgivning og vejledning",
    "jobs_internships": "at tilbyde praktik- og jobpladser",
    "training": "at undervise og holde kurser",
    "lived_experience": "at dele egne erfaringer",
    "knowledge_evaluation": "at dokumentere og evaluere indsatser",
    "communication": "at formidle og skabe synlighed",
    "goods_equipment": "at skaffe udstyr og materialer",
}
AGES: range = range(19, 83)
PROJECT_YEARS: range = range(2015, 2026)
OCCUPATIONS: tuple[str, ...] = (
    "pensioneret lærer", "sygeplejerske", "studerende", "tidligere socialrådgiver", "selvstændig",
    "pædagog", "ingeniør", "efterlønner", "kontorassistent", "håndværker", "pensionist",
    "bankrådgiver", "ergoterapeut", "butiksansat",
)
WORST_AT: tuple[str, ...] = (
    "administration og fondsansøgninger",
    "at holde fast i frivillige over længere tid",
    "at dokumentere vores resultater",
    "at markedsføre {os} selv",
    "at planlægge langt ud i fremtiden",
    "digitale løsninger og sociale medier",
    "at rekruttere unge frivillige",
    "at sige nej, når {vi} bliver spurgt",
    "at samarbejde på tværs af sektorer",
    "at nå ud til {other}",
    "at finde tid til {other}",
)
PROJECTS: tuple[str, ...] = (
    "Lektiecafé på biblioteket", "Gåture i naturen", "Sommerlejr", "Fodboldtræning",
    "Mentorforløb", "Fællesspisning i boligområdet", "Julehjælp",
    "Jobmesse med lokale virksomheder",
    "Besøgsvenner på plejecentret", "Åben café", "Cykelværksted", "Kursus i privatøkonomi",
    "Netværksgruppe", "Familieudflugter", "Motionshold",
)
RESULTS: tuple[str, ...] = (
    "over 40 deltagere kom fast hver uge",
    "halvdelen af deltagerne kom i job eller uddannelse",
    "deltagerne fik et nyt netværk",
    "ventelisten forsvandt",
    "flere frivillige meldte sig",
    "deltagerne fortsatte selv bagefter",
    "kommunen valgte at videreføre indsatsen",
)
REASONS: tuple[str, ...] = (
    "vi havde klare aftaler med kommunen",
    "de frivillige var godt klædt på",
    "deltagerne selv var med til at planlægge",
    "en lokal virksomhed bakkede op",
    "vi evaluerede løbende",
    "der var en fast tovholder",
    "vi mødte deltagerne i øjenhøjde",
    "lederne bakkede op fra starten",
)
ATTRACTIVE: tuple[str, ...] = (
    "Vi kender {tg} godt og har deres tillid.",
    "Vi er stabile, lokalt forankrede og holder det, vi lover.",
    "Vi har et stort netværk i {town}.",
    "Vi kan bidrage med {resources}.",
    "Vi er fleksible og kan komme hurtigt i gang.",
    "Vi har mange års erfaring med {tg}.",
)
ATTRACTIVE_PERSON: tuple[str, ...] = (
    "Jeg kender {tg} godt fra mit arbejdsliv.",
    "Jeg er stabil og holder det, jeg lover.",
    "Jeg kender mange i {town}.",
    "Jeg kan bidrage med {resources}.",
    "Jeg har god tid og kan komme hurtigt i gang.",
    "Jeg har selv erfaring med at være i en svær situation.",
)
# Labels that read as verb phrases or carry a parenthesis get a noun for use in sentences.
ROLE_NOUNS: dict[str, str] = {
    "volunteer_provider": "leverandør af frivillige",
    "referrer": "henviser",
    "advocate": "fortaler",
}
MEETING_PLACES: tuple[str, ...] = (
    "i hverdagen", "i fritiden", "gennem foreningslivet", "i deres eget hjem", "i boligområdet",
    "på skolen", "på arbejdspladsen", "i vores lokaler",
)
HOW_WE_KNOW: tuple[str, ...] = (
    "Deltagerne kommer igen uge efter uge.",
    "Vi laver en årlig brugerundersøgelse.",
    "Vi følger op med samtaler efter hvert forløb.",
    "Kommunen har evalueret indsatsen.",
    "Vi tæller fremmøde og følger, hvor mange der kommer videre.",
    "Vi ved det virker, når vi lykkes med at gøre os selv overflødige.",
    "Vi har fået en ekstern evaluering.",
    "Vi har ikke målt det systematisk, men vi hører det fra deltagerne.",
)
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Brobygning til fællesskaber", ("network_bridging", "volunteer_hours")),
    ("Lektiehjælp og fastholdelse i uddannelse", ("training", "mentoring", "volunteer_hours")),
    ("Vejen til job og praktik", ("jobs_internships", "mentoring", "staff_hours")),
    ("Mindre ensomhed gennem besøgsvenner", ("volunteer_hours", "activities")),
    ("Trygge fritidstilbud", ("activities", "premises", "volunteer_hours")),
    ("Mentorordning", ("mentoring", "lived_experience")),
    ("Gældsrådgivning og økonomisk overblik", ("counselling", "professional_expertise")),
    ("Åben café", ("premises", "volunteer_hours", "activities")),
    ("Bevægelse og sund hverdag", ("activities", "volunteer_hours", "goods_equipment")),
    ("Dokumentation af effekt", ("knowledge_evaluation", "professional_expertise")),
    ("Synlighed og rekruttering af frivillige", ("communication", "network_bridging")),
    ("Sommeraktiviteter", ("funding", "activities")),
    ("Peerstøtte og erfaringsudveksling", ("lived_experience", "counselling")),
    ("Kompetenceløft for frivillige", ("training", "professional_expertise")),
    ("Medarbejderfrivillighed", ("staff_hours", "mentoring", "funding")),
)
NEEDS: tuple[str, ...] = (
    "mangler et fast holdepunkt i hverdagen",
    "har svært ved at finde vej ind i foreningslivet",
    "står ofte uden netværk",
    "falder for ofte fra uddannelse",
    "har brug for voksne, der har tid til dem",
    "oplever ensomhed og isolation",
    "kender ikke de tilbud, der findes i lokalsamfundet",
    "har brug for hjælp til at komme videre",
)
GOALS: tuple[str, ...] = (
    "skabe et varigt fællesskab",
    "få flere i job eller uddannelse",
    "gøre deltagerne fri af institutionerne",
    "bygge bro til lokalsamfundet",
    "styrke deltagernes mestring af hverdagen",
    "forebygge, at problemerne vokser sig større",
)
MUST_NOT: tuple[str, ...] = (
    "Partneren skal ikke overtage kommunens myndighedsopgaver.",
    "Partneren skal ikke have kommercielle interesser i målgruppen.",
    "Partneren skal ikke kræve betaling af deltagerne.",
    "Partneren skal ikke bruge projektet til markedsføring.",
    "Partneren skal ikke drive religiøs eller politisk forkyndelse.",
)
EXCLUDABLE_KINDS: tuple[str, ...] = (
    "company", "volunteer_person", "trade_union", "social_enterprise", "foundation",
)
PARTNER_GETS: tuple[str, ...] = (
    "adgang til målgruppen", "gode rammer og lokaler", "faglig sparring fra vores personale",
    "synlighed i kommunens kommunikation", "mulighed for at præge projektet", "nye frivillige",
    "dokumentation af jeres indsats", "et stærkere lokalt netværk",
)
PARTNERSHIP_NOTES: tuple[str, ...] = (
    "Første møde holdt; parterne afklarer forventninger.",
    "Samarbejdsaftale under udarbejdelse.",
    "Fælles evaluering planlagt efter sommerferien.",
    "Afventer svar fra bestyrelsen.",
)
CONSENT_PURPOSE: str = (
    "Registrering i kommunens frivilligoversigt med henblik på match med projekter"
)

# fmt: on

FIRST_DATE: date = date(2024, 1, 1)
LAST_DATE: date = date(2026, 10, 31)

_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "o", " ": ""})


# ----------------------------------------------------------------------------------------------


class Weighted(Generic[K]):
    """Items (codes, towns) with relative weights; a draw is one bisect, cheaper than
    random.choices."""

    __slots__ = ("_cumulative", "_total", "codes")

    def __init__(self, weights: Mapping[K, float]) -> None:
        positive = {item: w for item, w in weights.items() if w > 0}
        if not positive:
            raise ValueError("no items with a positive weight")
        self.codes: list[K] = list(positive)
        self._cumulative: list[float] = list(itertools.accumulate(positive.values()))
        self._total: float = self._cumulative[-1]

    def one(self, rng: random.Random) -> K:
        return self.codes[bisect.bisect(self._cumulative, rng.random() * self._total)]

    def distinct(self, rng: random.Random, k: int) -> list[K]:
        """k different items, likelier ones first (weighted sampling without replacement)."""
        k = min(k, len(self.codes))
        picked: list[K] = []
        while len(picked) < k:
            code = self.one(rng)
            if code not in picked:
                picked.append(code)
        return picked


class Vocabulary(NamedTuple):
    """The codes and Danish labels synth needs, from data/vocabulary.json."""

    labels: dict[str, dict[str, str]]  # section -> code -> Danish label
    sectors: dict[str, str]  # actor kind -> sector
    ranks: dict[str, int]  # prevention level -> rank

    def weighted(self, section: str, weights: Mapping[str, float]) -> Weighted[str]:
        """Weights restricted to the section's codes; codes without a weight get DEFAULT_WEIGHT."""
        return Weighted({c: weights.get(c, DEFAULT_WEIGHT) for c in self.labels[section]})

    def weighted_subset(self, section: str, weights: Mapping[str, float]) -> Weighted[str] | None:
        """Only the weighted codes that the section knows; None when none of them is left."""
        known = {c: w for c, w in weights.items() if c in self.labels[section] and w > 0}
        return Weighted(known) if known else None


def load_vocabulary(path: Path = VOCABULARY_PATH) -> Vocabulary:
    raw = json.loads(path.read_text(encoding="utf-8"))
    sections = (
        "actor_kinds",
        "target_groups",
        "resource_kinds",
        "roles",
        "prevention_levels",
        "problem_concreteness",
        "evidence_levels",
        "partnership_stages",
        "partnership_types",
        "partnership_success_factors",
    )
    labels = {s: {e["code"]: e.get("da", e["code"]) for e in raw[s]} for s in sections}
    sectors = {e["code"]: e.get("sector", "") for e in raw["actor_kinds"]}
    ranks = {e["code"]: int(e.get("rank", i)) for i, e in enumerate(raw["prevention_levels"])}
    return Vocabulary(labels=labels, sectors=sectors, ranks=ranks)


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """rng.choice without its rejection loop: a few times faster, equally deterministic."""
    return items[int(rng.random() * len(items))]


def lower_label(label: str) -> str:
    """Label for use inside a sentence: 'Udsatte unge' -> 'udsatte unge', 'ADHD' stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def join_da(items: Sequence[str]) -> str:
    """'a', 'a og b', 'a, b og c'; 'samt' before the last item when items hold an 'og' already."""
    if len(items) <= 1:
        return "".join(items)
    last = " samt " if any(" og " in item for item in items) else " og "
    return ", ".join(items[:-1]) + last + items[-1]


def email_part(text: str) -> str:
    return text.lower().translate(_ASCII)


def cvr_numbers(rng: random.Random) -> Iterator[str]:
    """Unique CVR numbers with a valid modulus-11 check digit, in a seed-dependent order."""
    span = 9_000_000
    step = 48_271  # prime, coprime with span, so the walk visits every 7-digit base once
    start = rng.randrange(span)
    for j in range(span):
        base = str(1_000_000 + (start + j * step) % span)
        check = -sum(int(d) * w for d, w in zip(base, (2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10:
            yield base + str(check)


def town_point(rng: random.Random, town: Town) -> tuple[float, float]:
    """A point near the town centre: clipped gaussian jitter that stays on the land side."""
    sigma = town.sigma_km
    clip2 = (sigma * JITTER_CLIP_SIGMAS) ** 2
    coasts = _COAST_VECTORS[town]
    for _ in range(1000):
        dx = rng.gauss(0.0, sigma)
        dy = rng.gauss(0.0, sigma)
        if dx * dx + dy * dy <= clip2 and all(
            dx * east + dy * north <= shore for east, north, shore in coasts
        ):
            break
    else:  # unreachable with sane coasts; the centre itself is always on land
        dx = dy = 0.0
    lat = town.lat + dy / KM_PER_DEGREE_LAT
    lon = town.lon + dx / (KM_PER_DEGREE_LAT * math.cos(math.radians(town.lat)))
    return round(lat, 6), round(lon, 6)


_COAST_VECTORS: dict[Town, tuple[tuple[float, float, float], ...]] = {
    town: tuple(
        (math.sin(math.radians(bearing)), math.cos(math.radians(bearing)), shore_km)
        for bearing, shore_km in town.coasts
    )
    for town in TOWNS
}


def _size(rng: random.Random, median: float) -> int:
    return max(1, round(median * rng.lognormvariate(0.0, 0.9)))


class LandscapeBuilder:
    """Holds the vocabulary, the precomputed distributions and the RNG for one document."""

    def __init__(self, vocabulary: Vocabulary, rng: random.Random) -> None:
        self.vocab = vocabulary
        self.rng = rng
        v = vocabulary
        self.kinds = v.weighted("actor_kinds", KIND_WEIGHTS)
        self.target_groups = v.weighted("target_groups", TARGET_GROUP_WEIGHTS)
        self.prevention = v.weighted("prevention_levels", PREVENTION_WEIGHTS)
        self.evidence = v.weighted("evidence_levels", EVIDENCE_WEIGHTS)
        self.stages = v.weighted("partnership_stages", STAGE_WEIGHTS)
        self.partnership_types = v.weighted("partnership_types", PARTNERSHIP_TYPE_WEIGHTS)
        self.success_factors = v.weighted("partnership_success_factors", {})
        self.sought_roles = v.weighted("roles", SOUGHT_ROLE_WEIGHTS)
        self.statuses = Weighted(PROBLEM_STATUS_WEIGHTS)
        self.precisions = Weighted(PRECISION_WEIGHTS)
        self.towns = Weighted({town: town.population_k for town in TOWNS})
        all_resources = v.weighted("resource_kinds", {})
        all_roles = v.weighted("roles", {})
        self.resources_by_kind: dict[str, Weighted[str]] = {}
        self.roles_by_kind: dict[str, Weighted[str]] = {}
        for kind in v.labels["actor_kinds"]:
            self.resources_by_kind[kind] = (
                v.weighted_subset("resource_kinds", RESOURCE_WEIGHTS_BY_KIND.get(kind, {}))
                or all_resources
            )
            self.roles_by_kind[kind] = (
                v.weighted_subset("roles", ROLE_WEIGHTS_BY_KIND.get(kind, {})) or all_roles
            )
        self.levels_by_rank = sorted(v.labels["prevention_levels"], key=v.ranks.__getitem__)
        self.kind_da = {c: lower_label(lbl) for c, lbl in v.labels["actor_kinds"].items()}
        self.tg_da = {c: lower_label(lbl) for c, lbl in v.labels["target_groups"].items()}
        self.res_da = {c: lower_label(lbl) for c, lbl in v.labels["resource_kinds"].items()}
        self.role_da = {
            c: ROLE_NOUNS.get(c) or lower_label(lbl.split(" (")[0])
            for c, lbl in v.labels["roles"].items()
        }
        days = (LAST_DATE - FIRST_DATE).days + 1
        self.dates = [(FIRST_DATE + timedelta(days=d)).isoformat() for d in range(days)]
        self.cvr = cvr_numbers(rng)
        # National organisations exist once each; local branches prefer them as parents.
        self.national_names_left = list(reversed(NATIONAL_ORGANISATIONS))
        self.parents: list[Json] = []
        self.national_parents: list[Json] = []

    # -- small draws -----------------------------------------------------------------------

    def person_name(self) -> tuple[str, str]:
        return pick(self.rng, FIRST_NAMES), pick(self.rng, LAST_NAMES)

    def resource_phrase(self, kind: str) -> str:
        return RESOURCE_PHRASES.get(kind) or f"at bidrage med {self.res_da[kind]}"

    def prevention_levels(self) -> list[str]:
        """1-3 neighbouring levels on the prevention ladder, as real efforts span a range."""
        rng = self.rng
        levels = self.levels_by_rank
        width = min(len(levels), 1 + (rng.random() < 0.45) + (rng.random() < 0.2))
        start = levels.index(self.prevention.one(rng))
        start = min(start, len(levels) - width)
        return levels[start : start + width]

    def location(self, town: Town, precision: str) -> Json:
        rng = self.rng
        loc: Json = {}
        if precision == "address":
            loc["address"] = f"{pick(rng, STREETS)} {pick(rng, HOUSE_NUMBERS)}"
        loc["postcode"] = town.postcode
        loc["city"] = town.city
        loc["municipality_code"] = town.municipality_code
        if precision == "municipality":
            loc["lat"], loc["lon"] = town.lat, town.lon
        else:
            loc["lat"], loc["lon"] = town_point(rng, town)
        loc["precision"] = precision
        return loc

    def resources(self, kind: str, is_person: bool) -> list[Json]:
        rng = self.rng
        count = 1 + (rng.random() < 0.6) + (rng.random() < 0.35) + (rng.random() < 0.15)
        codes = self.resources_by_kind[kind].distinct(rng, count)
        lead = LEAD_RESOURCE_BY_KIND.get(kind)
        if lead is not None and lead in self.res_da:
            codes = [lead, *(c for c in codes if c != lead)][:count]
        hours = HOURS_PER_MONTH_CHOICES["person" if is_person else "organisation"]
        amounts = AMOUNT_DKK_CHOICES["foundation" if kind == "foundation" else "other"]
        out: list[Json] = []
        for code in codes:
            res: Json = {"kind": code}
            if code == "funding":
                if kind == "foundation" or rng.random() < 0.7:
                    res["amount_dkk"] = pick(rng, amounts)
            elif code in HOURLY_RESOURCES and rng.random() < 0.75:
                res["hours_per_month"] = pick(rng, hours)
            if rng.random() < 0.3:
                res["description"] = self.resource_phrase(code).removeprefix("at ").capitalize()
            out.append(res)
        return out

    # -- names -----------------------------------------------------------------------------

    def actor_name(self, kind: str, town: Town) -> str:
        rng = self.rng
        r = rng.random()
        district = pick(rng, DISTRICTS)
        place = town.area or town.name
        if kind == "local_association":
            word = pick(rng, ASSOCIATION_WORDS)
            if r < 0.35:
                return f"{place} {word}"
            if r < 0.5:
                return f"{place} {word} af {pick(rng, FOUNDING_YEARS)}"
            return f"{district}s {word}" if r < 0.8 else f"{word} {district}"
        if kind == "voluntary_organisation":
            if r < 0.15 and self.national_names_left:
                return self.national_names_left.pop()
            word = pick(rng, VOLUNTARY_WORDS)
            return f"{place} {word}" if r < 0.6 else f"{word} {district}"
        if kind == "user_organisation":
            word = pick(rng, USER_ORG_WORDS)
            return f"{word} {place}" if r < 0.6 else f"{word}, lokalafdeling {place}"
        if kind == "volunteer_centre":
            if r < 0.6:
                return f"Frivilligcenter {place}"
            return f"Frivillighuset {district}" if r < 0.85 else f"{place} Frivilligcenter"
        if kind in ("public_institution", "self_governing_institution"):
            word = pick(rng, INSTITUTION_WORDS)
            prefix = "Den selvejende institution " if kind != "public_institution" else ""
            return f"{prefix}{district}s {word}" if r < 0.5 else f"{prefix}{word} {district}"
        if kind == "municipal_unit":
            unit = pick(rng, MUNICIPAL_UNITS)
            return (
                f"{town.municipality}, {unit}"
                if r < 0.4
                else f"{town.municipality}, {unit} {place if r < 0.6 else district}"
            )
        if kind == "company":
            last = pick(rng, LAST_NAMES)
            suffix = pick(rng, COMPANY_SUFFIXES)
            if r < 0.35:
                return f"{last} {pick(rng, TRADES)} {suffix}"
            if r < 0.6:
                return f"{place} {pick(rng, TRADES)} {suffix}"
            if r < 0.8:
                return f"{last} & {pick(rng, LAST_NAMES)} {suffix}"
            return f"{last}s {pick(rng, TRADES)}"
        if kind == "social_enterprise":
            word = pick(rng, SOCIAL_ENTERPRISE_WORDS)
            return f"{word} {district}" if r < 0.5 else f"{word} {place}"
        if kind == "foundation":
            if r < 0.3:
                first, last = self.person_name()
                return f"{first} og {pick(rng, FIRST_NAMES)} {last}s Fond"
            if r < 0.55:
                return f"{pick(rng, LAST_NAMES)}-Fonden"
            if r < 0.8:
                return f"{place} Lokalfond"
            return f"Fonden for {pick(rng, FOUNDATION_CAUSES)}"
        if kind == "housing_association":
            if r < 0.4:
                return f"Boligforeningen {district}"
            if r < 0.7:
                return f"{place} Boligselskab, afdeling {district}"
            if r < 0.85:
                return f"Andelsboligforeningen {district}"
            return f"{place} Almene Boliger"
        if kind == "education_institution":
            return f"{place} {pick(rng, EDUCATION_WORDS)}" if r < 0.8 else f"VUC {place}"
        if kind == "knowledge_centre":
            topic = pick(rng, KNOWLEDGE_TOPICS)
            return f"Videncenter for {topic}" if r < 0.5 else f"Center for {topic}, {place}"
        if kind == "trade_union":
            return f"{pick(rng, UNION_WORDS)} {place}"
        return f"{place} {self.vocab.labels['actor_kinds'][kind]}"

    # -- actors ----------------------------------------------------------------------------

    def profile(
        self,
        name: str,
        kind: str,
        town: Town,
        target_groups: list[str],
        resources: list[Json],
        roles: list[str],
        volunteers: int | None,
    ) -> Json:
        rng = self.rng
        person = kind == PERSON_KIND
        we = "Jeg" if person else "Vi"
        tg = join_da([self.tg_da[c] for c in target_groups])
        res_codes = [r["kind"] for r in resources]
        profile: Json = {}
        if person:
            profile["we_are"] = (
                f"Jeg er {pick(rng, AGES)} år og {pick(rng, OCCUPATIONS)} i {town.name}. "
                f"Jeg vil gerne bruge min fritid på at gøre en forskel for {tg}."
            )
        else:
            article = "et" if kind in NEUTER_KINDS else "en"
            size = f" med {volunteers} frivillige" if volunteers else ""
            profile["we_are"] = (
                f"Vi er {name}, {article} {self.kind_da[kind]} i {town.name}{size}. "
                f"Vi arbejder især med {tg}."
            )
        phrases = [self.resource_phrase(c) for c in res_codes[:2]]
        profile["best_at"] = f"{we} er bedst til {join_da(phrases)} for {tg}."
        if rng.random() < 0.7:
            other = self.tg_da[self.target_groups.one(rng)]
            profile["worst_at"] = f"{we} er dårligst til {pick(rng, WORST_AT)}.".format(
                other=other, vi="jeg" if person else "vi", os="mig" if person else "os"
            )
        if rng.random() < 0.75:
            profile["success_examples"] = [
                f"{pick(rng, PROJECTS)} for {self.tg_da[pick(rng, target_groups)]} "
                f"i {pick(rng, PROJECT_YEARS)}: {pick(rng, RESULTS)}, fordi {pick(rng, REASONS)}."
                for _ in range(1 + (rng.random() < 0.5) + (rng.random() < 0.25))
            ]
        if rng.random() < 0.8:
            templates = rng.sample(
                ATTRACTIVE_PERSON if person else ATTRACTIVE, 1 + (rng.random() < 0.5)
            )
            resource_text = join_da([self.res_da[c] for c in res_codes])
            profile["attractive_partner_because"] = " ".join(
                t.format(tg=tg, town=town.name, resources=resource_text) for t in templates
            )
        if rng.random() < 0.8:
            role = self.role_da[roles[0]]
            place = pick(rng, MEETING_PLACES)
            profile["role_towards_target_group"] = (
                f"Min rolle er at være {role}, og jeg møder {tg} {place}."
                if person
                else f"Vores rolle er at være {role}, og vi møder {tg} {place}."
            )
        if rng.random() < 0.6:
            profile["how_we_know_it_works"] = pick(rng, HOW_WE_KNOW)
            profile["evidence_level"] = self.evidence.one(rng)
        elif rng.random() < 0.1:
            profile["evidence_level"] = self.evidence.one(rng)
        return profile

    def actor(self, i: int) -> Json:
        rng = self.rng
        kind = self.kinds.one(rng)
        town = self.towns.one(rng)
        person = kind == PERSON_KIND
        actor: Json = {"id": f"syn-a{i:06d}"}
        first, last = self.person_name()
        if person:
            name = f"{first} {last}"
        else:
            name = self.actor_name(kind, town)
            if kind in BRANCH_KINDS and self.parents and rng.random() < PARENT_SHARE:
                national = self.national_parents and rng.random() < 0.7
                parent = pick(rng, self.national_parents if national else self.parents)
                actor["parent_id"] = parent["id"]
                name = f"{parent['name']}, afdeling {town.name}"
        actor["name"] = name
        actor["kind"] = kind
        if not person and self.vocab.sectors.get(kind) not in NO_CVR_SECTORS:
            actor["registry_ids"] = {"cvr": next(self.cvr)}
        precision = "postcode" if person else self.precisions.one(rng)
        actor["location"] = self.location(town, precision)
        volunteers: int | None = None
        if not person:
            if rng.random() < 0.4:
                actor["service_area_km"] = pick(rng, (2, 5, 10, 15, 25, 50))
            employees_median, volunteers_median = SIZE_BY_KIND.get(kind, (None, None))
            if employees_median is not None:
                actor["employees"] = _size(rng, employees_median)
            if volunteers_median is not None:
                volunteers = _size(rng, volunteers_median)
                actor["volunteers"] = volunteers
        target_groups = self.target_groups.distinct(
            rng, 1 + (rng.random() < 0.55) + (rng.random() < 0.3) + (rng.random() < 0.15)
        )
        resources = self.resources(kind, person)
        roles = self.roles_by_kind[kind].distinct(
            rng, 1 + (rng.random() < 0.45) + (rng.random() < 0.15)
        )
        actor["target_groups"] = target_groups
        actor["resources_offered"] = resources
        actor["roles"] = roles
        actor["prevention_levels"] = self.prevention_levels()
        actor["profile"] = self.profile(
            name, kind, town, target_groups, resources, roles, volunteers
        )
        # Organisations get an invented contact person; a person is their own contact.
        contact: Json = {"name": f"{first} {last}"}
        suffix = str(i) if person else ""
        contact["email"] = f"{email_part(first)}.{email_part(last)}{suffix}@example.dk"
        if rng.random() < 0.5:
            digits = str(20_000_000 + int(rng.random() * 80_000_000))
            contact["phone"] = f"+45 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
        actor["contact"] = contact
        verified = int(rng.random() * len(self.dates))
        if person:
            actor["public"] = False
            actor["consent"] = {
                "given_on": self.dates[int(rng.random() * (verified + 1))],
                "purpose": CONSENT_PURPOSE,
            }
        else:
            actor["public"] = rng.random() < 0.95
        actor["verified_on"] = self.dates[verified]
        actor["active"] = rng.random() >= INACTIVE_SHARE
        if kind == PARENT_KIND:
            self.parents.append(actor)
            if name in NATIONAL_ORGANISATIONS:
                self.national_parents.append(actor)
        return actor

    # -- problems --------------------------------------------------------------------------

    def problem(self, i: int, owner: Json | None) -> Json:
        rng = self.rng
        target_groups = self.target_groups.distinct(rng, 1 + (rng.random() < 0.4))
        tg = join_da([self.tg_da[c] for c in target_groups])
        theme, hinted = pick(rng, THEMES)
        if owner is not None:
            location: Json = dict(owner["location"])
            town_name = TOWN_BY_CODE[location["municipality_code"]].name
        else:
            town = self.towns.one(rng)
            location = self.location(town, "municipality")
            town_name = town.name
        title = f"{theme} for {tg}"
        if rng.random() < 0.5:
            title += f" i {pick(rng, DISTRICTS) if rng.random() < 0.5 else town_name}"
        problem: Json = {"id": f"syn-p{i:05d}", "title": title}
        if owner is not None:
            problem["owner_id"] = owner["id"]
        if "municipality_code" in location:
            problem["municipality_code"] = location["municipality_code"]

        sought = [c for c in hinted if c in self.res_da]
        rng.shuffle(sought)
        sought = sought[: 1 + (rng.random() < 0.5) + (rng.random() < 0.25)]
        if not sought:
            sought = self.resources_by_kind[PERSON_KIND].distinct(rng, 1)
        sought_labels = join_da([self.res_da[c] for c in sought])
        problem["description"] = (
            f"{tg[0].upper()}{tg[1:]} i {town_name} {pick(rng, NEEDS)}. "
            f"Målet er at {pick(rng, GOALS)}. Vi har brug for {sought_labels}."
        )
        owner_kind = owner["kind"] if owner is not None else ""
        overarching_share = 0.6 if owner_kind == "voluntary_organisation" else 0.35
        problem["concreteness"] = "overarching" if rng.random() < overarching_share else "concrete"
        problem["target_groups"] = target_groups
        problem["prevention_level"] = self.prevention.one(rng)
        own_codes = [r["kind"] for r in owner["resources_offered"]] if owner else []
        own_phrases = [self.resource_phrase(c) for c in own_codes[:2]] or [
            "at koordinere indsatsen"
        ]
        problem["our_role"] = f"Vores rolle er {join_da(own_phrases)}."
        if rng.random() < 0.4:
            problem["how_we_know_it_works"] = pick(rng, HOW_WE_KNOW)

        roles = self.sought_roles.distinct(rng, 1 + (rng.random() < 0.4))
        seeking: Json = {
            "description": (
                f"Vi søger nogen, der kan stille {sought_labels} til rådighed og udfylde rollen "
                f"som {join_da([self.role_da[r] for r in roles])}."
            ),
            "resources": [self.sought_resource(code) for code in sought],
        }
        r = rng.random()
        if r < 0.45:
            seeking["required_resources"] = sought[: rng.randint(1, len(sought))]
        elif r < 0.6:
            seeking["required_resources"] = []
        seeking["roles"] = roles
        excluded: list[str] = []
        if rng.random() < 0.15:
            candidates = [k for k in EXCLUDABLE_KINDS if k in self.kind_da]
            excluded = rng.sample(candidates, min(len(candidates), 1 + (rng.random() < 0.3)))
        if rng.random() < 0.15:
            allowed = [k for k in self.kinds.codes if k not in excluded]
            seeking["actor_kinds"] = rng.sample(allowed, min(len(allowed), rng.randint(1, 3)))
        if rng.random() < 0.3:
            seeking["must_not"] = pick(rng, MUST_NOT)
        if excluded:
            seeking["excluded_actor_kinds"] = excluded
        if rng.random() < 0.4:
            seeking["max_distance_km"] = pick(rng, (5, 10, 15, 25, 50))
        problem["seeking"] = seeking
        gets = rng.sample(PARTNER_GETS, 2 + (rng.random() < 0.5))
        problem["partner_gets"] = f"Som partner får du {join_da(gets)}."
        problem["location"] = location
        problem["status"] = self.statuses.one(rng)
        problem["involves_statutory_task"] = rng.random() < STATUTORY_SHARE
        return problem

    def sought_resource(self, code: str) -> Json:
        rng = self.rng
        res: Json = {"kind": code}
        if code in HOURLY_RESOURCES and rng.random() < 0.5:
            res["hours_per_month"] = pick(rng, HOURS_PER_MONTH_CHOICES["organisation"])
        elif code == "funding" and rng.random() < 0.5:
            res["amount_dkk"] = pick(rng, AMOUNT_DKK_CHOICES["other"])
        return res

    # -- partnerships ----------------------------------------------------------------------

    def partnership(self, problem: Json, actor: Json) -> Json:
        rng = self.rng
        stage = self.stages.one(rng)
        late = stage in ("active", "evaluated", "ended")
        n_factors = rng.randint(1, 3) if late else int(rng.random() < 0.3)
        record: Json = {
            "problem_id": problem["id"],
            "actor_id": actor["id"],
            "stage": stage,
            "type": self.partnership_types.one(rng),
        }
        if n_factors:
            record["success_factors"] = self.success_factors.distinct(rng, n_factors)
        if rng.random() < 0.2:
            record["notes"] = pick(rng, PARTNERSHIP_NOTES)
        record["updated_on"] = pick(rng, self.dates)
        return record

    def partnerships(
        self, problems: list[Json], actors: list[Json], owner_index: list[int | None], count: int
    ) -> list[Json]:
        """count unique (problem, actor) pairs, never the problem's own owner, mostly local."""
        rng = self.rng
        n_actors = len(actors)
        capacity = sum(n_actors - (o is not None) for o in owner_index)
        if count > capacity:
            raise ValueError(f"{count} partnerships requested, only {capacity} pairs possible")
        if count == 0:
            return []
        if count * 2 > capacity:
            # Dense request: rejection sampling would stall, so sample from all pairs.
            pairs = [
                (p, a) for p in range(len(problems)) for a in range(n_actors) if a != owner_index[p]
            ]
            chosen = rng.sample(pairs, count)
            return [self.partnership(problems[p], actors[a]) for p, a in chosen]
        by_municipality: dict[str, list[int]] = {}
        for a, actor in enumerate(actors):
            code = actor["location"]["municipality_code"]
            by_municipality.setdefault(code, []).append(a)
        used: set[tuple[int, int]] = set()
        out: list[Json] = []
        while len(out) < count:
            attempt = 0
            while True:
                attempt += 1
                p = rng.randrange(len(problems))
                problem = problems[p]
                # Prefer plausible pairs (same municipality, active, not excluded), then relax.
                picky = attempt <= 10
                local = by_municipality.get(problem.get("municipality_code", ""), [])
                if picky and local and rng.random() < 0.7:
                    a = pick(rng, local)
                else:
                    a = rng.randrange(n_actors)
                if a == owner_index[p] or (p, a) in used:
                    continue
                actor = actors[a]
                excluded = problem["seeking"].get("excluded_actor_kinds", ())
                if picky and (not actor["active"] or actor["kind"] in excluded):
                    continue
                break
            used.add((p, a))
            out.append(self.partnership(problem, actor))
        return out


def generate_landscape(
    n_actors: int,
    *,
    seed: int = 1,
    n_problems: int | None = None,
    n_partnerships: int | None = None,
) -> dict[str, Any]:
    """A synthetic interchange document ("mapper-landscape", version 1), the same for the same
    arguments. Defaults: n_problems = max(8, n_actors // 100), n_partnerships = n_problems // 2
    (capped at the number of possible pairs)."""
    if n_actors < 0:
        raise ValueError("n_actors must be >= 0")
    if n_problems is None:
        n_problems = max(8, n_actors // 100)
    if n_problems < 0 or (n_partnerships is not None and n_partnerships < 0):
        raise ValueError("counts must be >= 0")
    with _gc_paused():
        return _generate(n_actors, seed, n_problems, n_partnerships)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The document is a tree of new dicts and lists without reference cycles; the cyclic
    collector would only rescan the growing heap again and again (a third of the run time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _generate(
    n_actors: int, seed: int, n_problems: int, n_partnerships: int | None
) -> dict[str, Any]:
    builder = LandscapeBuilder(load_vocabulary(), random.Random(seed))
    rng = builder.rng

    actors: list[Json] = []
    for i in range(n_actors):
        actors.append(builder.actor(i))

    owner_pool = _owner_pool(actors)
    problems: list[Json] = []
    owner_index: list[int | None] = []
    for i in range(n_problems):
        owner = pick(rng, owner_pool) if owner_pool else None
        owner_index.append(owner)
        problems.append(builder.problem(i, actors[owner] if owner is not None else None))

    if n_partnerships is None:
        capacity = sum(len(actors) - (o is not None) for o in owner_index)
        n_partnerships = min(n_problems // 2, capacity)
    partnerships = builder.partnerships(problems, actors, owner_index, n_partnerships)
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": actors,
        "problems": problems,
        "partnerships": partnerships,
    }


def _owner_pool(actors: list[Json]) -> list[int]:
    """Indices of actors that may own a problem, widening the net when a document is tiny."""
    owner_kinds = set(PROBLEM_OWNER_KINDS)
    filters = (
        lambda a: a["kind"] in owner_kinds and a["active"],
        lambda a: a["kind"] in owner_kinds,
        lambda a: a["kind"] != PERSON_KIND,
        lambda a: True,
    )
    for keep in filters:
        pool = [i for i, a in enumerate(actors) if keep(a)]
        if pool:
            return pool
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic volunteer landscape (JSON).")
    parser.add_argument("n_actors", type=int, metavar="N", help="number of actors")
    parser.add_argument("out", type=Path, metavar="OUT.json", help="file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--problems", type=int, default=None, help="default max(8, N // 100)")
    parser.add_argument("--partnerships", type=int, default=None, help="default problems // 2")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        document = generate_landscape(
            args.n_actors,
            seed=args.seed,
            n_problems=args.problems,
            n_partnerships=args.partnerships,
        )
    except ValueError as error:
        parser.error(str(error))
    generated = time.perf_counter() - started
    # One-shot dumps uses the C encoder; json.dump streams through the slow Python one.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text, encoding="utf-8")
    print(
        f"{len(document['actors'])} actors, {len(document['problems'])} problems, "
        f"{len(document['partnerships'])} partnerships -> {args.out} "
        f"(generated in {generated:.2f} s, total {time.perf_counter() - started:.2f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
