"""The one set of rules for readable record ids (læsbare id'er): slugs, the municipality prefix,
a free id for a name, the next free id after a taken one and the nearest id to a typo.

Pure functions: the ids to choose among are passed in (the repositories fetch them), so actors,
problem statements and partnerships follow the same rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import process

MAX_SLUG = 48
"""Longest slug, cut at a word boundary (a single longer word is cut inside)."""
NEAREST_CUTOFF = 60
"""How alike (0-100, rapidfuzz WRatio) a stored id must be to be offered for a typo."""
_PREFIX_LENGTH = 5
# Danish letters are spelled out (ø → oe) as the ids of the demo landscape do; the rest is
# left to Unicode decomposition (é → e). Apostrophes join ("Søren's" → "soerens").
_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "'": None, "’": None})
_WORD = re.compile(r"[a-z0-9]+")
_PREFIX = re.compile(rf"^([a-z]{{2,{_PREFIX_LENGTH}}})-")


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary:
    'Ældre hjælper ældre' → 'aeldre-hjaelper-aeldre', "Søren's Café" → 'soerens-cafe'."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATION))
    words = _WORD.findall(folded.encode("ascii", "ignore").decode("ascii"))
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > max_length:
            break
        slug = longer
    return slug or (words[0][:max_length] if words else "")


def municipality_prefix(
    code: str, ids_in_municipality: Iterable[str], name: str | None = None
) -> str:
    """The id prefix of a municipality's records: the one most of its ids already share
    (e.g. 'esb' for Esbjerg, 0561), else the first three letters of its name when known, else
    its code ('0101')."""
    ids = list(ids_in_municipality)
    prefixes = Counter(m.group(1) for uid in ids if (m := _PREFIX.match(uid)))
    if prefixes:
        prefix, count = prefixes.most_common(1)[0]
        if 2 * count >= len(ids):  # a convention, not one record's first word
            return prefix
    slug = slugify(name) if name else ""
    return slug.replace("-", "")[:3] or slugify(code) or code


def id_base(text: str, *, prefix: str = "", marker: str = "", fallback: str) -> str:
    """The id a record would get before collisions: prefix, marker and the text's slug joined
    by '-' ('esb', 'p', 'Brobygning' → 'esb-p-brobygning'); ``fallback`` when the text has no
    letters or digits."""
    return "-".join(part for part in (prefix, marker, slugify(text) or fallback) if part)


def first_free_id(base: str, taken: Iterable[str]) -> str:
    """``base`` itself when free, else ``base-2``, ``base-3`` … (the first free one)."""
    used = set(taken)
    if base not in used:
        return base
    return free_id_after(base, used)


def free_id_after(taken_id: str, taken: Iterable[str]) -> str:
    """A free id to offer instead of ``taken_id`` (which is in use): ``taken_id-2``, ``-3`` …"""
    used = set(taken)
    number = 2
    while f"{taken_id}-{number}" in used:
        number += 1
    return f"{taken_id}-{number}"


def nearest_id(wanted: str, candidates: Iterable[str]) -> str | None:
    """The stored id most like ``wanted`` (a typo, a stale link), or None when none is close."""
    match = process.extractOne(wanted, list(candidates), score_cutoff=NEAREST_CUTOFF)
    return str(match[0]) if match else None
