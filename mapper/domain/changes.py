"""What a mutation changed (like Anki's ``OpChanges``): ids per record kind, combined with ``|``.

Views look at a change set and refresh only the rows it names; ``everything`` (an import, the
demo landscape) asks them to reload.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Ids touched by one or more mutations."""

    actors: frozenset[str] = frozenset()
    problems: frozenset[str] = frozenset()
    partnerships: frozenset[tuple[str, str]] = frozenset()
    """(problem id, actor id) keys."""
    boundaries: bool = False
    """Imported boundary layers (the map's shapes)."""
    everything: bool = False
    """Too much to list (an import): reload."""

    @staticmethod
    def of_actors(ids: Iterable[str]) -> Changes:
        return Changes(actors=frozenset(ids))

    @staticmethod
    def of_problems(ids: Iterable[str]) -> Changes:
        return Changes(problems=frozenset(ids))

    @staticmethod
    def of_partnerships(keys: Iterable[tuple[str, str]]) -> Changes:
        return Changes(partnerships=frozenset(keys))

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            actors=self.actors | other.actors,
            problems=self.problems | other.problems,
            partnerships=self.partnerships | other.partnerships,
            boundaries=self.boundaries or other.boundaries,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(
            self.actors or self.problems or self.partnerships or self.boundaries or self.everything
        )

    def touches_actors(self) -> bool:
        return self.everything or bool(self.actors)

    def touches_problems(self) -> bool:
        return self.everything or bool(self.problems)

    def touches_partnerships(self) -> bool:
        return self.everything or bool(self.partnerships)

    def touches_map(self) -> bool:
        """Whether the partner map (actors and shapes) may look different now."""
        return self.everything or self.boundaries or bool(self.actors)
