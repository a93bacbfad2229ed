"""Who changed a record and when: the author's name recorded with every write, and the meta
data a record carries (version, created/updated at and by)."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

UNKNOWN_AUTHOR = "unknown"
MAX_AUTHOR = 200
"""Longest author name stored; longer names are cut (an author is a label, not input)."""


def current_author() -> str:
    """The operating system login of the person running the application (the default author
    of every change until the settings name someone)."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (e.g. a container without passwd)
        return UNKNOWN_AUTHOR
    return name or UNKNOWN_AUTHOR


def author_or_default(author: str | None) -> str:
    """``author`` stripped and cut to MAX_AUTHOR, or the OS login when none is given."""
    name = (author or "").replace("\x00", "").strip()
    return (name or current_author())[:MAX_AUTHOR]


@dataclass(frozen=True)
class RecordMeta:
    """A stored record's version and who created and last changed it, when (aware UTC).

    ``created_by``/``updated_by`` are None for records written before authors were kept."""

    version: int
    created_at: dt.datetime
    created_by: str | None
    updated_at: dt.datetime
    updated_by: str | None
