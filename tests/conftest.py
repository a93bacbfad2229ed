"""Shared fixtures: real SQLite files (and the real PostgreSQL server where marked)."""

from __future__ import annotations

import copy
import os

# Before any Qt import: no screen on CI, and QtWebEngine runs as root only without its sandbox.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mapper.persistence.database import Database, open_database
from mapper.services.landscape import LandscapeService

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PG_ADMIN_URL = os.environ.get(
    "MAPPER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "landscape.sqlite"))
    yield db
    db.close()


@pytest.fixture
def service(database: Database) -> LandscapeService:
    return LandscapeService(database)


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as exc:  # any failure means: no server to test against
        return str(exc).splitlines()[0]


@pytest.fixture
def pg_database() -> Iterator[Database]:
    """A fresh, empty database on the real PostgreSQL server, dropped afterwards."""
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {reason}")
    name = f"mapper_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    try:
        yield db
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --------------------------------------------------------------------------- tiny landscapes

ESBJERG = {
    "municipality_code": "0561",
    "city": "Esbjerg",
    "postcode": "6700",
    "lat": 55.4765,
    "lon": 8.4594,
    "precision": "address",
}


def small_landscape() -> dict[str, Any]:
    """An association in Esbjerg that offers mentors, its national body, a company and a
    volunteer; a socio-psychiatric unit seeking volunteers; one proposed partnership."""
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                {
                    "id": "esb-sind",
                    "name": "Sammen om Sindet Esbjerg",
                    "kind": "voluntary_organisation",
                    "parent_id": "dk-sind",
                    "registry_ids": {"cvr": "11112222"},
                    "location": {**ESBJERG, "address": "Kirkegade 12"},
                    "service_area_km": 25,
                    "volunteers": 40,
                    "target_groups": ["mental_illness", "socially_vulnerable_adults"],
                    "resources_offered": [
                        {
                            "kind": "volunteer_hours",
                            "description": "Besøgsvenner",
                            "hours_per_month": 120,
                        },
                        {"kind": "network_bridging"},
                    ],
                    "roles": ["bridge_builder", "volunteer_provider"],
                    "prevention_levels": ["rehabilitation"],
                    "profile": {
                        "we_are": "En frivillig forening for psykisk sårbare.",
                        "best_at": "At bygge bro til foreningslivet.",
                        "success_examples": ["Gå-klubben", "Fællesspisning"],
                        "evidence_level": "expert_assessment",
                    },
                    "contact": {"name": "Anne Jensen", "email": "anne@example.dk"},
                    "public": True,
                    "verified_on": "2026-03-01",
                    "active": True,
                },
                {
                    "id": "dk-sind",
                    "name": "Sammen om Sindet Danmark",
                    "kind": "voluntary_organisation",
                },
                {
                    "id": "esb-patriciahuset",
                    "name": "Patriciahuset",
                    "kind": "public_institution",
                    "employees": 17,
                    "location": ESBJERG,
                    "target_groups": ["mental_illness"],
                },
                {
                    "id": "esb-bank",
                    "name": "Vestbanken A/S",
                    "kind": "company",
                    "resources_offered": [{"kind": "staff_hours", "hours_per_month": 20}],
                },
                {
                    "id": "esb-vol-1",
                    "name": "Mette Frivillig",
                    "kind": "volunteer_person",
                    "consent": {"given_on": "2026-02-01", "purpose": "Matchning"},
                    "location": {
                        "postcode": "6700",
                        "municipality_code": "0561",
                        "precision": "postcode",
                    },
                },
            ],
            "problems": [
                {
                    "id": "esb-p-bro",
                    "title": "Brobygning til fællesskaber",
                    "owner_id": "esb-patriciahuset",
                    "municipality_code": "0561",
                    "description": "Beboere skal ud i lokalsamfundet.",
                    "concreteness": "concrete",
                    "target_groups": ["mental_illness"],
                    "prevention_level": "rehabilitation",
                    "our_role": "Vi stiller lokaler til rådighed.",
                    "seeking": {
                        "description": "Frivillige der kan følge beboere til aktiviteter",
                        "resources": [{"kind": "volunteer_hours", "hours_per_month": 40}],
                        "required_resources": ["volunteer_hours"],
                        "roles": ["bridge_builder"],
                        "actor_kinds": ["voluntary_organisation"],
                        "must_not": "overtage myndighedsopgaver",
                        "excluded_actor_kinds": ["company"],
                        "max_distance_km": 30,
                    },
                    "partner_gets": "Lokaler og faglig sparring",
                    "location": ESBJERG,
                    "status": "seeking",
                    "involves_statutory_task": False,
                },
            ],
            "partnerships": [
                {
                    "problem_id": "esb-p-bro",
                    "actor_id": "esb-sind",
                    "stage": "proposed",
                    "type": "project_based",
                    "success_factors": ["clear_goals"],
                    "updated_on": "2026-04-01",
                },
            ],
        }
    )


@pytest.fixture
def landscape_doc() -> dict[str, Any]:
    return small_landscape()
