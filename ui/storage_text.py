"""Storage faults as sentences in the interface language: a database that is not one, from a
newer release, locked, read-only or on a full disk, and output files that cannot be written
(DatabaseError causes and OutputFileError from mapper/domain/errors.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from ui.locale_format import substitute

translate = QCoreApplication.translate


def database_name(url: str) -> str:
    """A SQLite database by its file path, any other by its address (without password)."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def _db_not_a_database(name: str, _details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The file %1 is not a database of this application (it may be another kind of "
            "file). It was not changed.",
        ),
        name,
    )


def _db_newer_schema(name: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The database %1 was made by a newer version of the application (schema %2; this "
            "version knows schemas up to %3). Update the application to open it; the database "
            "was not changed.",
        ),
        name,
        details.get("found", "?"),
        details.get("supported", "?"),
    )


def _db_locked(name: str, details: Mapping[str, object]) -> str:
    holder = details.get("holder")
    if holder:
        return substitute(
            translate(
                "ErrorText", "The database %1 is in use by %2. Close it there and try again."
            ),
            name,
            holder,
        )
    return substitute(
        translate(
            "ErrorText",
            "The database %1 is in use by another program. Close it there and try again.",
        ),
        name,
    )


def _db_read_only(name: str, _details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The database %1 is read-only: you can look, but changes cannot be saved. "
            "Nothing was saved.",
        ),
        name,
    )


def _db_read_only_old(name: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The database %1 is read-only and was made by an older version (schema %2); it "
            "must be upgraded to schema %3 before it can be opened. Make it writable and try "
            "again.",
        ),
        name,
        details.get("found", "?"),
        details.get("supported", "?"),
    )


def _db_disk_full(name: str, _details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The disk with the database %1 is full. Nothing was saved; what was saved before "
            "is unchanged.",
        ),
        name,
    )


def _db_backup_failed(name: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The database %1 must be upgraded, but the safety copy %2 could not be made; "
            "nothing was changed.",
        ),
        name,
        details.get("backup", "?"),
    )


def _db_upgrade_needed(name: str, details: Mapping[str, object]) -> str:
    return substitute(
        translate(
            "ErrorText",
            "The shared database %1 has the schema %2, this release needs %3. It is upgraded "
            "only on purpose, after a backup and while nobody is editing: mapper --db … init "
            "--upgrade. Nothing was changed.",
        ),
        name,
        details.get("found", "?"),
        details.get("supported", "?"),
    )


STORAGE_TEXTS: dict[str, Callable[[str, Mapping[str, object]], str]] = {
    "not_a_database": _db_not_a_database,
    "newer_schema": _db_newer_schema,
    "locked": _db_locked,
    "read_only": _db_read_only,
    "read_only_old": _db_read_only_old,
    "disk_full": _db_disk_full,
    "backup_failed": _db_backup_failed,
    "upgrade_needed": _db_upgrade_needed,
}
"""Sentences for the storage faults of a DatabaseError, by cause."""


def read_only_notice(url: str) -> str:
    """Said when a database could be opened only for reading."""
    return substitute(
        translate(
            "ErrorText",
            "The database %1 is opened read-only (the file, its folder or the drive cannot "
            "be written): you can look, but changes cannot be saved.",
        ),
        database_name(url),
    )


def output_file_text(params: Mapping[str, object]) -> str:
    path = str(params.get("path", ""))
    cause = params.get("cause")
    cause_params = params.get("cause_params")
    details = cause_params if isinstance(cause_params, Mapping) else {}
    if cause == "disk_full":
        text = translate(
            "ErrorText", "The disk is full: %1 could not be written. An earlier file is unchanged."
        )
    elif cause == "permission":
        text = translate("ErrorText", "You may not write %1. Choose another folder.")
    elif cause == "read_only":
        text = translate("ErrorText", "%1 is on a read-only drive. Choose another folder.")
    elif cause == "no_folder":
        return substitute(
            translate("ErrorText", "The folder %1 does not exist."), details.get("folder", path)
        )
    elif cause == "is_folder":
        text = translate("ErrorText", "%1 is a folder; choose a file name.")
    else:
        text = translate("ErrorText", "%1 cannot be written. An earlier file is unchanged.")
    return substitute(text, path)
