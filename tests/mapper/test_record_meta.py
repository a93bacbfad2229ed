"""A record's meta data: version, created/updated at and by."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mapper.domain.errors import NotFoundError
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService


def test_meta_of_an_actor_and_a_problem(
    database: Database, service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    actors = ActorEditService(database)
    actor, version = actors.load("esb-sind")
    meta = actors.load_meta("esb-sind")
    assert meta.version == version == 1
    assert meta.created_at.tzinfo is not None
    assert meta.updated_at >= meta.created_at
    assert actors.save(actor, expected_version=1) == 1  # nothing changed: same version
    changed = actors.save(
        actor.__class__(**{**actor.__dict__, "name": "Nyt navn"}), expected_version=1
    )
    assert actors.load_meta("esb-sind").version == changed == 2
    assert actors.load_meta("esb-sind").updated_at >= meta.updated_at

    problems = ProblemEditService(database)
    assert problems.load_meta("esb-p-bro").version == 1
    assert problems.load_meta("esb-p-bro").created_at <= dt.datetime.now(dt.UTC)


def test_meta_of_a_missing_record_names_the_nearest(
    database: Database, service: LandscapeService, landscape_doc: dict[str, Any]
) -> None:
    service.import_document(landscape_doc)
    with pytest.raises(NotFoundError) as caught:
        ActorEditService(database).load_meta("esb-sinb")
    assert caught.value.hint == "esb-sind"
    with pytest.raises(NotFoundError):
        ProblemEditService(database).load_meta("nothing-like-it")
