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

Exports with personal data (the register's internal view, the landscape with persons and
contact persons, a person's own data) are chosen explicitly and logged by
``log_personal_export``: a warning on the ``mapper.privacy`` logger and a line in
``export_log.jsonl`` in the data folder (beside a SQLite file, else the user data folder).
Without that choice a landscape export leaves personal data out (``PersonalDataFilter``).

Data review (gennemgang af data): actors not verified for a number of months
(``unverified_records``), and persons inactive beyond the retention period, proposed for
erasure (``erasure_proposals``; nothing is erased without ``erase_person``). Both periods are
settings of the database (``settings``/``save_settings``).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import getpass
import gzip
import json
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeGuard

from sqlalchemy.engine import make_url

from mapper.domain.authors import author_or_default
from mapper.domain.errors import InputProblem, MapperError, NotFoundError, ValidationError
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
from mapper.persistence.repositories import settings as settings_rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.records import record_meta
from mapper.persistence.store import ACTORS, load_actors

log = logging.getLogger("mapper.privacy")

EXPORT_LOG = "export_log.jsonl"
BACKUP_FOLDER = "backups"
EXPORT_FORMAT = "mapper-person-export"

SETTINGS_SECTION = "privacy"
MONTHS_MIN, MONTHS_MAX = 1, 240
"""The range of both periods, in months (a month to twenty years)."""
LEFT_OUT = "[udeladt]"
"""What a landscape export without personal data shows in place of a name, e-mail or phone."""
RETENTION_REASONS = ("inactive", "no_activity")
"""Why a person is proposed for erasure: marked inactive since before the period, or nothing
of theirs (record, verification, partnerships) changed within it."""


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


@dataclass(frozen=True)
class PrivacySettings:
    """The periods of the data review, in months (stored in the database)."""

    verify_months: int = 12
    """An actor not verified for this long is listed for review."""
    retention_months: int = 24
    """A person inactive for this long is proposed for erasure."""


@dataclass(frozen=True)
class UnverifiedRecord:
    """An actor whose data nobody has verified within the period."""

    id: str
    name: str
    kind: str
    municipality_code: str | None
    verified_on: dt.date | None
    """None: never verified."""
    last_changed: dt.datetime
    active: bool


@dataclass(frozen=True)
class ErasureProposal:
    """A person (individual volunteer) inactive beyond the retention period: proposed for
    erasure, never erased without ``erase_person``."""

    id: str
    name: str
    kind: str
    municipality_code: str | None
    reason: str
    """One of RETENTION_REASONS."""
    since: dt.date
    """Marked inactive on (reason 'inactive'), or the last sign of activity ('no_activity')."""
    verified_on: dt.date | None
    last_changed: dt.datetime


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

    # ----------------------------------------------------------------- data review

    def settings(self) -> PrivacySettings:
        """The stored periods; a period never stored (or stored out of range) is the default."""
        with self.database.unit_of_work() as session:
            stored = settings_rows.database_settings(session, SETTINGS_SECTION)
        default = PrivacySettings()
        values: dict[str, int] = {
            name: value if _valid_months(value := stored.get(name)) else getattr(default, name)
            for name in ("verify_months", "retention_months")
        }
        return PrivacySettings(**values)

    def save_settings(
        self, *, verify_months: int | None = None, retention_months: int | None = None
    ) -> PrivacySettings:
        """Store the periods given (None: keep the stored one); refused, nothing stored, when
        one is not a whole number of months from 1 to 240."""
        given = {"verify_months": verify_months, "retention_months": retention_months}
        _check_months({k: v for k, v in given.items() if v is not None})
        updated = dataclasses.replace(
            self.settings(), **{k: v for k, v in given.items() if v is not None}
        )
        with self.database.unit_of_work() as session:
            settings_rows.save_database_settings(
                session, SETTINGS_SECTION, dataclasses.asdict(updated), self.author
            )
        return updated

    def unverified_records(
        self, months: int | None = None, *, today: dt.date | None = None
    ) -> list[UnverifiedRecord]:
        """Live actors never verified or last verified more than ``months`` (default: the
        setting) ago, the oldest first. Problem statements have no verification date and are
        not listed."""
        months = self._months(months, "verify_months")
        before = months_before(today or dt.date.today(), months)
        with self.database.unit_of_work() as session:
            found = rows.unverified_actors(session, before)
        return [
            UnverifiedRecord(
                r.uid, r.name, r.kind, r.municipality_code, r.verified_on, r.updated_at, r.active
            )
            for r in found
        ]

    def erasure_proposals(
        self, months: int | None = None, *, today: dt.date | None = None
    ) -> list[ErasureProposal]:
        """Persons inactive beyond ``months`` (default: the setting): marked inactive since
        before the period, or with no change of their record, verification or partnerships
        within it. The longest inactive first."""
        months = self._months(months, "retention_months")
        before = months_before(today or dt.date.today(), months)
        kinds = person_kinds(self.vocabulary)
        with self.database.unit_of_work() as session:
            persons = rows.person_activity(session, kinds)
            inactive = [p.person.uid for p in persons if not p.person.active]
            deactivated = rows.deactivated_at(session, inactive)
        proposals = []
        for row in persons:
            person = row.person
            changed = person.updated_at.date()
            if not person.active:
                since = deactivated.get(person.uid, person.updated_at).date()
                if since < before:
                    proposals.append(_proposal(person, "inactive", since))
                    continue
            dates = [changed, person.verified_on, row.partnership_updated_on]
            if row.partnership_changed_at is not None:
                dates.append(row.partnership_changed_at.date())
            last = max(d for d in dates if d is not None)
            if last < before:
                proposals.append(_proposal(person, "no_activity", last))
        return sorted(proposals, key=lambda p: (p.since, p.id))

    def _months(self, months: int | None, setting: str) -> int:
        if months is None:
            return int(getattr(self.settings(), setting))
        _check_months({setting: months})
        return months

    # ----------------------------------------------------------------- export log

    def log_personal_export(
        self, what: str, target: str | os.PathLike[str], detail: Mapping[str, Any] | None = None
    ) -> Path:
        return log_personal_export(self.database, what, target, detail, author=self.author)


def _proposal(person: rows.ReviewRow, reason: str, since: dt.date) -> ErasureProposal:
    return ErasureProposal(
        person.uid,
        person.name,
        person.kind,
        person.municipality_code,
        reason,
        since,
        person.verified_on,
        person.updated_at,
    )


def _check_months(periods: Mapping[str, object]) -> None:
    """Refuse (ValidationError naming each setting) periods that are no whole number of
    months from 1 to 240."""
    problems = [
        InputProblem(
            "settings",
            name,
            value,
            f"must be a whole number of months from {MONTHS_MIN} to {MONTHS_MAX}",
            code="out_of_range",
            params={"min": MONTHS_MIN, "max": MONTHS_MAX},
        )
        for name, value in periods.items()
        if not _valid_months(value)
    ]
    if problems:
        raise ValidationError(problems, source="privacy settings")


def _valid_months(value: object) -> TypeGuard[int]:
    return (
        isinstance(value, int) and not isinstance(value, bool) and MONTHS_MIN <= value <= MONTHS_MAX
    )


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is
    shorter: 31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# --------------------------------------------------------------------------- exports

_KEPT_TEXTS = frozenset(
    {
        # ids and references: a redacted id would break them
        "id",
        "owner_id",
        "actor_id",
        "problem_id",
        "parent_id",
        "registry_ids",
        # codes of the vocabulary and fixed values (also not worth the search)
        "format",
        "kind",
        "target_groups",
        "roles",
        "prevention_levels",
        "prevention_level",
        "required_resources",
        "actor_kinds",
        "excluded_actor_kinds",
        "evidence_level",
        "concreteness",
        "status",
        "stage",
        "type",
        "success_factors",
        "precision",
        "postcode",
        "municipality_code",
        "reason",
    }
)
"""Fields never redacted: ids, references and codes."""
_ACTOR_KEPT_TEXTS = _KEPT_TEXTS | {"name"}
"""An actor's own name stays too: an organisation may be named after a person."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ().-]{4,}\d")
_WORD = re.compile(r"\w+")

Record = dict[str, Any]
"""A record of an interchange document (``mapper.io.interchange``)."""


class PersonalDataFilter:
    """What a landscape export without personal data keeps, record by record of the
    interchange document: no persons (actors of kinds holding personal data) and no
    partnerships with them, no actor's contact person (its website is kept), no person as
    owner of a problem statement or parent of an actor, and every name, e-mail and phone of a
    person or contact person in a free text replaced by ``[udeladt]``."""

    def __init__(self, values: rows.PersonalValues) -> None:
        self.persons = values.persons
        self._names = values.names
        self._emails = values.emails
        self._phones = values.phones
        self._first_words = {first[0] for name in values.names if (first := _WORD.findall(name))}
        self._longest = max((len(_WORD.findall(name)) for name in values.names), default=0)

    def actor(self, record: Record) -> Record | None:
        if record["id"] in self.persons:
            return None
        kept = {k: v for k, v in record.items() if k != "contact"}
        website = (record.get("contact") or {}).get("website")
        if website:
            kept["contact"] = {"website": website}
        if kept.get("parent_id") in self.persons:
            del kept["parent_id"]
        notes = [n for n in kept.pop("review_notes", ()) if not n["field"].startswith("contact")]
        if notes:
            kept["review_notes"] = notes
        return self._redacted(kept, _ACTOR_KEPT_TEXTS)

    def problem(self, record: Record) -> Record:
        kept = dict(record)
        if kept.get("owner_id") in self.persons:
            del kept["owner_id"]
        return self._redacted(kept)

    def partnership(self, record: Record) -> Record | None:
        if record["actor_id"] in self.persons:
            return None
        return self._redacted(record)

    def text(self, value: str) -> str:
        """The text with every known name, e-mail and phone replaced by ``[udeladt]``."""
        if self._emails and "@" in value:
            value = _EMAIL.sub(
                lambda m: LEFT_OUT if m.group().lower() in self._emails else m.group(), value
            )
        if self._phones:
            value = _PHONE.sub(
                lambda m: LEFT_OUT if rows.phone_digits(m.group()) in self._phones else m.group(),
                value,
            )
        return self._names_left_out(value) if self._names else value

    def _redacted(self, record: Record, kept: frozenset[str] = _KEPT_TEXTS) -> Record:
        """The record with ``text`` applied to its free texts, or the record itself when
        none of them holds anything to leave out (most records: one search, not one per
        field)."""
        texts: list[str] = []
        _collect_texts(record, kept, texts)
        whole = "\x1f".join(texts)
        if whole == self.text(whole):
            return record
        redacted: Record = _apply_texts(record, kept, self.text)
        return redacted

    def _names_left_out(self, value: str) -> str:
        if self._first_words.isdisjoint(_WORD.findall(value.lower())):
            return value  # most texts: no word that begins a known name
        words = list(_WORD.finditer(value))
        parts: list[str] = []
        done = i = 0
        while i < len(words):
            end = self._name_at(value, words, i)
            if end is None:
                i += 1
                continue
            parts += [value[done : words[i].start()], LEFT_OUT]
            done = words[end].end()
            i = end + 1
        return "".join([*parts, value[done:]]) if parts else value

    def _name_at(self, value: str, words: list[re.Match[str]], i: int) -> int | None:
        """The index of the last word of the longest known name starting at word ``i``."""
        if words[i].group().lower() not in self._first_words:
            return None
        for last in range(min(len(words), i + self._longest) - 1, i - 1, -1):
            candidate = " ".join(value[words[i].start() : words[last].end()].split()).lower()
            if candidate in self._names:
                return last
        return None


def _collect_texts(value: Any, kept: frozenset[str], into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in kept:
                _collect_texts(item, kept, into)
    elif isinstance(value, list):
        for item in value:
            _collect_texts(item, kept, into)


def _apply_texts(value: Any, kept: frozenset[str], text: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {
            key: item if key in kept else _apply_texts(item, kept, text)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_apply_texts(item, kept, text) for item in value]
    return value


def person_kinds(vocabulary: Vocabulary) -> frozenset[str]:
    """The actor kinds whose records describe a person (individual volunteers)."""
    return frozenset(
        code for code in vocabulary.codes("actor_kinds") if vocabulary.holds_personal_data(code)
    )


def personal_data_filter(session: Any, vocabulary: Vocabulary) -> PersonalDataFilter:
    """The filter for the landscape as stored now (within the caller's unit of work)."""
    return PersonalDataFilter(rows.personal_values(session, person_kinds(vocabulary)))


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
