"""Possible duplicates in the actor register: existing actors whose name is close to a new one.

Names are compared as de-duplication compares them (``mapper.domain.dedupe.comparable_name``:
folded, abbreviations written out, without words that say what kind of body it is rather than
which, "Foreningen", "ApS", "og"), so that
"Foreningen Ældre hjælper Ældre" meets "Ældre Hjælper Ældre". Two scores, the better counts:
the words in any order ("Esbjerg Frivilligcenter"), and the letters without spaces
("Frivillig Center" = "Frivilligcenter").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from mapper.domain.dedupe import comparable_name
from mapper.domain.text import danish_sort_key, fold_danish
from mapper.geo.reference import municipalities

SIMILAR_CUTOFF = 85
"""The score (0-100) a name must reach to count as similar."""


class _ActorRow(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def municipality_code(self) -> str | None: ...


@dataclass(frozen=True)
class SimilarActor:
    """An existing actor whose name is close to the one being entered."""

    actor_id: str
    name: str
    municipality_code: str | None
    score: int
    """0-100; 100 when the names are the same once folded and without filler words."""


def _keys(name: str) -> tuple[str, str]:
    """The comparable name's words sorted, and its letters without spaces."""
    words = comparable_name(name).split()
    return " ".join(sorted(words)), "".join(words)


@functools.cache
def _place_words() -> frozenset[str]:
    """Folded municipality names ('esbjerg', 'hoeje-taastrup'): a name often ends in its town."""
    return frozenset(fold_danish(m.name) for m in municipalities().values())


def _placeless(sorted_key: str) -> str:
    """A sorted key without place words, or the key itself when nothing else is left."""
    words = sorted_key.split()
    kept = [w for w in words if w not in _place_words()]
    return " ".join(kept or words)


def _ratios(key: str, keys: list[str]) -> NDArray[np.uint8]:
    scores = process.cdist(
        [key], keys, scorer=fuzz.ratio, dtype=np.uint8, workers=-1, score_cutoff=SIMILAR_CUTOFF
    )
    return np.asarray(scores[0], np.uint8)


class DuplicateFinder:
    """Finds register actors with names like a given one; build once, ask per keystroke.

    Built from (id, name, municipality code) triples, e.g. the rows of
    ``LandscapeService.list_actors()``; ``upsert``/``remove`` keep it current after saves.
    """

    def __init__(self, actors: Iterable[tuple[str, str, str | None]] = ()) -> None:
        self._ids: list[str] = []
        self._names: list[str] = []
        self._municipalities: list[str | None] = []
        self._sorted: list[str] = []
        self._compact: list[str] = []
        self._placeless: list[str] = []
        self._position: dict[str, int] = {}
        for actor_id, name, municipality_code in actors:
            self.upsert(actor_id, name, municipality_code)

    @classmethod
    def from_rows(cls, rows: Iterable[_ActorRow]) -> DuplicateFinder:
        """From any rows with id, name and municipality_code (e.g. ActorSummary)."""
        return cls((r.id, r.name, r.municipality_code) for r in rows)

    def __len__(self) -> int:
        return len(self._position)

    def upsert(self, actor_id: str, name: str, municipality_code: str | None) -> None:
        position = self._position.get(actor_id)
        if position is None:
            self._position[actor_id] = len(self._ids)
            self._ids.append(actor_id)
            self._names.append(name)
            self._municipalities.append(municipality_code)
            self._sorted.append("")
            self._compact.append("")
            self._placeless.append("")
            position = len(self._ids) - 1
        self._names[position] = name
        self._municipalities[position] = municipality_code
        self._sorted[position], self._compact[position] = _keys(name)
        self._placeless[position] = _placeless(self._sorted[position])

    def remove(self, actor_id: str) -> None:
        position = self._position.pop(actor_id, None)
        if position is None:
            return
        del self._ids[position], self._names[position]
        del self._municipalities[position], self._sorted[position], self._compact[position]
        del self._placeless[position]
        self._position = {a: i for i, a in enumerate(self._ids)}

    def similar(
        self,
        name: str,
        municipality_code: str | None = None,
        exclude_id: str | None = None,
        limit: int = 5,
    ) -> list[SimilarActor]:
        """Actors whose name scores at least SIMILAR_CUTOFF against ``name``: those in the same
        municipality first, then by score, then by name; ``exclude_id`` (the actor being
        edited) is never among them."""
        in_order, compact = _keys(name)
        if not compact or not self._ids or limit <= 0:
            return []
        # Plain ratio over precomputed keys: token_sort_ratio would sort every name again.
        scores = np.maximum(
            _ratios(in_order, self._sorted),
            _ratios(compact, self._compact),
        )
        if _placeless(in_order) == in_order:
            # A name typed without its town ("Sammen om Sindet") is like the register's names
            # that add one ("Sammen om Sindet Esbjerg"); one with a town is compared whole.
            scores = np.maximum(scores, _ratios(in_order, self._placeless))
        hits = [int(i) for i in np.flatnonzero(scores >= SIMILAR_CUTOFF)]
        found = [
            SimilarActor(self._ids[i], self._names[i], self._municipalities[i], int(scores[i]))
            for i in hits
            if self._ids[i] != exclude_id
        ]
        found.sort(
            key=lambda s: (
                not (municipality_code and s.municipality_code == municipality_code),
                -s.score,
                danish_sort_key(s.name),
                s.actor_id,
            )
        )
        return found[:limit]
