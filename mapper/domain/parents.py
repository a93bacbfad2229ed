"""Parent organisations (moderorganisation) of actors: a chain of parents that leads back to
where it started is refused, by the actor editor and by imports alike."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from mapper.domain.errors import InputProblem

ParentLookup = Callable[[Collection[str]], Mapping[str, str]]
"""Actor ids → the stored parent of each that has one (the database's side)."""


def parent_cycles(
    assigned: Mapping[str, str | None], stored_parents: ParentLookup | None = None
) -> list[tuple[str, ...]]:
    """The cycles of parents that ``assigned`` (actor id → its new parent, None: none) closes,
    with the stored parents of the actors it does not assign. Each cycle is the ids around it,
    starting at an assigned actor: ('a', 'b') is a → b → a; ('a',) an actor its own parent."""
    parent: dict[str, str] = {child: p for child, p in assigned.items() if p}
    if stored_parents is not None:
        # Up the chains, a generation at a time: only the ancestors are read, not the register.
        asked = set(assigned)
        frontier = set(parent.values()) - asked
        while frontier:
            asked |= frontier
            found = stored_parents(frontier)
            parent.update({c: p for c, p in found.items() if c not in assigned})
            frontier = set(found.values()) - asked
    cycles: list[tuple[str, ...]] = []
    done: set[str] = set()
    for start in assigned:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent.get(node)
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            first = next((i for i, c in enumerate(cycle) if c in assigned), None)
            if first is not None:
                cycles.append((*cycle[first:], *cycle[:first]))
        done.update(path)
    return cycles


def cycle_text(cycle: tuple[str, ...]) -> str:
    """'a → b → a'."""
    return " → ".join((*cycle, cycle[0]))


def parent_cycle_problems(
    assigned: Mapping[str, str | None], stored_parents: ParentLookup | None = None
) -> list[InputProblem]:
    """A problem for each cycle of two or more actors that ``assigned`` closes, named on its
    first assigned actor's parent_id (an actor that is its own parent is the interchange
    check's own_parent)."""
    return [
        InputProblem(
            f"actor {cycle[0]}",
            "parent_id",
            cycle[1],
            f"the parent organisations form a cycle: {cycle_text(cycle)}",
            "clear the parent of one of them",
            code="parent_cycle",
            params={"cycle": list(cycle)},
        )
        for cycle in parent_cycles(assigned, stored_parents)
        if len(cycle) > 1
    ]
