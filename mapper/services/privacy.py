"""Privacy by design (GDPR): a person's data for the person, erasure for real, and a log of
every export that carries personal data.

Only individual volunteers (kinds the vocabulary marks ``personal_data``) are persons here;
``export_person`` gathers everything stored about one of them and ``erase_person`` removes it
everywhere: the record (a tombstone named "Slettet person" without personal data, its id
replaced by ``slettet-`` and a SHA-256 digest of the old id, so a copy elsewhere can match
the deletion), partnerships with them, them as owner of problem statements, their name, e-mail
and phone in other records (contact fields, free texts, notes, change history), the derived
text analysis, the app's backup copies that hold them, and the freed space of a SQLite file
(``secure_delete``, ``VACUUM``, the write-ahead log folded in and truncated).

Exports with personal data (the register's internal view, a person's own data) are logged by
``log_personal_export``: a warning on the ``mapper.privacy`` logger and a line in
``export_log.jsonl`` in the data folder (beside a SQLite file, else the user data folder).
"""

from __future__ import annotations

import datetime as dt
import getpass
import gzip
import json
import logging
import os
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy.engine import make_url

from mapper.domain.authors import author_or_default
from mapper.domain.errors import MapperError, NotFoundError
from mapper.domain.ids import nearest_id
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io import interchange
from mapper.persistence.database import (
    Database,
    default_database_path,
    resolve_url,
    sqlite_file,
)
from mapper.persistence.repositories import analysis as analysis_rows
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import privacy as rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.records import record_meta
from mapper.persistence.store import ACTORS, load_actors

log = logging.getLogger("mapper.privacy")

EXPORT_LOG = "export_log.jsonl"
BACKUP_FOLDER = "backups"
EXPORT_FORMAT = "mapper-person-export"


@dataclass
class NotAPersonError(MapperError):
    """The privacy commands act on persons (individual volunteers) only."""

    code: ClassVar[str] = "not_a_person"

    actor_id: str
    kind: str

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"actor {self.actor_id!r} is a {self.kind}, not a person (individual volunteer): "
            "only a person's data can be exported or erased for the person"
        )


@dataclass(frozen=True)
class ErasureReport:
    """What ``erase_person`` did."""

    actor_id: str
    tombstone_id: str
    actors: int
    """Records erased: the person's and the tombstones of duplicates merged into it."""
    partnerships: int
    problems_unlinked: tuple[str, ...]
    """Problem statements the person owned: kept, without an owner (review their texts)."""
    contact_fields_cleared: int
    texts_redacted: int
    history_rows: int
    backups_removed: tuple[Path, ...]
    vacuumed: bool
    """The database file was rewritten (SQLite); False on other back ends."""
    log_truncated: bool
    """The write-ahead log was folded in and emptied (False: another program held it)."""


class PrivacyService:
    def __init__(
        self, database: Database, vocabulary: Vocabulary | None = None, *, author: str | None = None
    ) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()
        self.author = author

    # ----------------------------------------------------------------- export

    def export_person(self, actor_id: str) -> dict[str, Any]:
        """Everything stored about the person, as JSON-ready data: the record with its
        meta data, where other actors name them as contact, the problem statements they own,
        their partnerships, what matching inferred from their texts, and their change
        history (where the database keeps one). The caller logs where it went
        (``log_personal_export``)."""
        with self.database.unit_of_work() as session:
            person = self._person(session, actor_id)
            actor = load_actors(session, [person.pk])[0][1]
            meta = record_meta(session, ACTORS, actor_id)
            needles = _needles(actor.name, actor.contact.email, actor.contact.phone)
            mentions = rows.contact_mentions(session, needles, [person.pk])
            owned = problem_rows.load_problems(
                session, rows.owned_problem_keys(session, [person.pk])
            )
            partnerships = [
                p for _, p in partnership_rows.load_partnerships(session) if p.actor_id == actor_id
            ]
            inferred = analysis_rows.inferences_of(session, [person.pk]).get(person.pk)
            history = rows.history_of(session, actor_id)
        record = interchange.actor_to_dict(actor)
        data: dict[str, Any] = {
            "format": EXPORT_FORMAT,
            "exported_at": _now(),
            "person": record,
            "record": None
            if meta is None
            else {
                "version": meta.version,
                "created_at": meta.created_at.isoformat(),
                "created_by": meta.created_by,
                "updated_at": meta.updated_at.isoformat(),
                "updated_by": meta.updated_by,
                "deleted": person.deleted,
            },
            "review_notes": record.get("review_notes", []),
            "contact_on": [
                {"actor_id": m.actor_id, "actor_name": m.actor_name, "fields": list(m.fields)}
                for m in mentions
            ],
            "owned_problems": [interchange.problem_to_dict(p) for _, p in owned],
            "partnerships": [interchange.partnership_to_dict(p) for p in partnerships],
            "inferred_codes": []
            if inferred is None
            else [
                {
                    "facet": c.facet,
                    "code": c.code,
                    "sought": sought,
                    "confidence": round(c.confidence, 3),
                    "evidence": list(c.evidence),
                }
                for sought, codes in ((False, inferred.codes), (True, inferred.sought))
                for c in codes
            ],
            "history": [_jsonable(h) for h in history],
        }
        return data

    def person_name(self, actor_id: str) -> str:
        """The person's name (to ask before erasing); refused for an actor that is none."""
        with self.database.unit_of_work() as session:
            person = self._person(session, actor_id)
            return load_actors(session, [person.pk])[0][1].name

    # ----------------------------------------------------------------- erase

    def erase_person(self, actor_id: str) -> ErasureReport:
        """Erase the person everywhere (see the module docstring); one transaction, then the
        backups and the free space. Refused for an actor that is no person."""
        with self.database.unit_of_work() as session:
            rows.secure_delete(session)
            person = self._person(session, actor_id)
            actor = load_actors(session, [person.pk])[0][1]
            needles = [
                *_needles(actor.name, actor.contact.email, actor.contact.phone),
                person.uid,
            ]
            erased = rows.erase(session, person, needles, self.author)
        backups = self._remove_backups(needles)
        vacuumed = self.database.is_sqlite
        truncated = rows.vacuum(self.database.engine)
        report = ErasureReport(
            actor_id=actor_id,
            tombstone_id=rows.erased_uid(person.uid),
            actors=erased.actors,
            partnerships=erased.partnerships,
            problems_unlinked=erased.problems_unlinked,
            contact_fields_cleared=erased.contact_fields_cleared,
            texts_redacted=erased.texts_redacted,
            history_rows=erased.history_rows,
            backups_removed=tuple(backups),
            vacuumed=vacuumed,
            log_truncated=truncated,
        )
        # The log names the tombstone, never the person.
        log.warning(
            "person erased: tombstone %s, %d backups removed", report.tombstone_id, len(backups)
        )
        return report

    def _person(self, session: Any, actor_id: str) -> rows.PersonRow:
        person = rows.find_person(session, actor_id)
        if person is None or person.uid != actor_id:
            live = ActorRepository(session).live_ids()
            raise NotFoundError("actor", actor_id, nearest_id(actor_id, live))
        if not self.vocabulary.holds_personal_data(person.kind):
            raise NotAPersonError(actor_id, person.kind)
        return person

    def _remove_backups(self, needles: list[str]) -> list[Path]:
        """Remove the app's copies of a SQLite file that hold the person: the copies made
        before an upgrade (``NAME.bak-*``), replaced files kept by a restore
        (``NAME.replaced-*``) and the files of the ``backups`` folder beside it. A copy is
        overwritten with zeros before it is removed."""
        path = sqlite_file(self.database.url)
        if path is None:
            return []
        removed = []
        for candidate in app_backups(path):
            if _holds_any(candidate, needles):
                _shred(candidate)
                removed.append(candidate)
        return removed

    # ----------------------------------------------------------------- export log

    def log_personal_export(
        self, what: str, target: str | os.PathLike[str], detail: Mapping[str, Any] | None = None
    ) -> Path:
        return log_personal_export(self.database, what, target, detail, author=self.author)


def app_backups(database_file: Path) -> Iterator[Path]:
    """The copies of a database file the app makes beside it (see ``_remove_backups``)."""
    folder = database_file.parent
    for pattern in (f"{database_file.name}.bak-*", f"{database_file.name}.replaced-*"):
        yield from sorted(p for p in folder.glob(pattern) if p.is_file())
    backups = folder / BACKUP_FOLDER
    if backups.is_dir():
        yield from sorted(p for p in backups.rglob("*") if p.is_file())


def export_log_path(database: Database | str) -> Path:
    """Where exports of personal data are logged: beside a SQLite file, else in the user
    data folder (``database``: an open database, its URL or its file)."""
    path = sqlite_file(resolve_url(database) if isinstance(database, str) else database.url)
    return (path.parent if path is not None else default_database_path().parent) / EXPORT_LOG


def log_personal_export(
    database: Database | str,
    what: str,
    target: str | os.PathLike[str],
    detail: Mapping[str, Any] | None = None,
    *,
    author: str | None = None,
) -> Path:
    """Record that someone chose to export personal data: ``what`` (e.g. 'register_internal',
    'person'), the target file and counts, by whom and when — on the logger and as one JSON
    line appended to the export log. ``database``: the open database or its URL. Returns the
    log's path."""
    entry = {
        "at": _now(),
        "by": author_or_default(author),
        "login": _login(),
        "what": what,
        "target": str(target),
        "database": make_url(resolve_url(database)).render_as_string(hide_password=True)
        if isinstance(database, str)
        else database.display_url,
        **dict(detail or {}),
    }
    log.warning("export with personal data: %s -> %s", what, target)
    path = export_log_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
    return path


def read_export_log(database: Database | str) -> list[dict[str, Any]]:
    path = export_log_path(database)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _needles(*values: str | None) -> list[str]:
    return [v.strip() for v in values if v and v.strip()]


def _holds_any(path: Path, needles: list[str]) -> bool:
    """Whether the file holds any of the needles (any case), also inside gzip or zip; an
    archive that cannot be read through cannot be shown to be clean, so it counts as holding."""
    wanted = [n.lower().encode("utf-8") for n in needles if len(n) >= 4]
    try:
        contents = list(_contents(path))
    except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError):
        return True
    return any(w in content.lower() for content in contents for w in wanted)


def _contents(path: Path) -> Iterator[bytes]:
    data = path.read_bytes()
    yield data
    if data[:2] == b"\x1f\x8b":
        yield gzip.decompress(data)
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield archive.read(name)


def _shred(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.write(b"\0" * size)
        stream.flush()
        os.fsync(stream.fileno())
    path.unlink()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
