"""Changes made in the window are recorded under the user's name from the settings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mapper.domain.authors import current_author
from mapper.persistence.database import open_database
from tests.conftest import MakeDatabase
from ui.app import build_context, user_name


def test_the_settings_name_is_the_author_of_edits(
    qtbot: QtBot, make_database: MakeDatabase
) -> None:
    QSettings().setValue("user/name", "Anne Koordinator")
    assert user_name() == "Anne Koordinator"
    context = build_context(open_database(make_database("a")))
    context.landscape.load_demo()
    actor, version = context.actor_edit.load("esb-sammen-om-sindet")
    context.actor_edit.save(replace(actor, name=actor.name + " (ny)"), expected_version=version)
    meta = context.actor_edit.load_meta("esb-sammen-om-sindet")
    assert meta.updated_by == "Anne Koordinator"
    assert meta.version == version + 1


def test_without_a_name_in_the_settings_the_login_name_is_used(qtbot: QtBot) -> None:
    QSettings().remove("user/name")
    assert user_name() == current_author()
    QSettings().setValue("user/name", "   ")
    assert user_name() == current_author()
