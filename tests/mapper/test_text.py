"""Danish text helpers."""

from __future__ import annotations

from mapper.domain.text import danish_sort_key


def test_danish_letters_sort_after_z_in_danish_order() -> None:
    names = ["Åens Venner", "Ørnene", "Ældresagen", "Zonen", "anker", "Éclair", "Bo"]
    assert sorted(names, key=danish_sort_key) == [
        "anker",
        "Bo",
        "Éclair",
        "Zonen",
        "Ældresagen",
        "Ørnene",
        "Åens Venner",
    ]


def test_sort_key_ignores_case() -> None:
    assert danish_sort_key("ÆBLE") == danish_sort_key("æble")
