"""Change sets: what a mutation touched, combined with ``|``."""

from __future__ import annotations

from mapper.domain.changes import Changes


def test_changes_combine_per_kind() -> None:
    saved = Changes.of_actors(["esb-sind"])
    proposed = Changes.of_partnerships([("esb-p-bro", "esb-sind")])
    both = saved | proposed | Changes(boundaries=True)
    assert both.actors == {"esb-sind"}
    assert both.partnerships == {("esb-p-bro", "esb-sind")}
    assert both.boundaries and not both.everything
    assert both.touches_actors() and both.touches_partnerships() and both.touches_map()
    assert not both.touches_problems()


def test_an_empty_change_set_is_false_and_everything_touches_all() -> None:
    assert not Changes()
    assert Changes.of_problems(["p"])
    everything = Changes(everything=True)
    assert everything.touches_actors() and everything.touches_problems()
    assert everything.touches_partnerships() and everything.touches_map()
    assert not Changes.of_problems(["p"]).touches_map()


def test_change_sets_are_immutable_values() -> None:
    a = Changes.of_actors(["x"])
    assert a == Changes(actors=frozenset({"x"}))
    assert hash(a) == hash(Changes(actors=frozenset({"x"})))
    assert (a | Changes()) == a
