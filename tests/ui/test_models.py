"""Table models tested without any widget."""

from __future__ import annotations

import random
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt

from mapper.domain.vocabulary import load_vocabulary
from mapper.services.landscape import ActorSummary, ProblemSummary
from tests.conftest import MakeDatabase
from ui.models.actor_table import ActorTableModel
from ui.models.problem_table import ProblemTableModel
from ui.models.row_table import ID_ROLE, SORT_ROLE


def actor(id_: str, name: str, *, active: bool = True, public: bool = True) -> ActorSummary:
    return ActorSummary(
        id_,
        name,
        "local_association",
        "0561",
        "Esbjerg",
        ("youth_vulnerable", "elderly_lonely"),
        active,
        public,
    )


def problem(id_: str, status: str) -> ProblemSummary:
    return ProblemSummary(id_, f"Problem {id_}", None, None, "0561", status, (), False)


def test_actor_model_shows_labels_and_ids(qtmodeltester) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows([actor("a", "Åens Venner"), actor("b", "Bådklubben", public=False)])
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, ActorTableModel.COL_KIND).data() == "Lokal forening"
    assert model.index(0, ActorTableModel.COL_TARGET_GROUPS).data() == "Udsatte unge, Ensomme ældre"
    # Sorted by name in Danish order: Bådklubben before Åens Venner.
    assert model.index(0, ActorTableModel.COL_NAME).data(ID_ROLE) == "b"
    assert model.index(0, ActorTableModel.COL_STATUS).data() == "Active, not public"
    assert model.row_of("a") == 1


def test_an_actor_without_a_place_says_it_is_not_on_the_map() -> None:
    model = ActorTableModel(load_vocabulary(), "en")
    placed = replace(actor("a", "Med sted"), has_place=True)
    town_only = replace(actor("b", "Kun by"), has_place=False)
    nothing = replace(actor("c", "Intet"), city=None, municipality_code=None, has_place=False)
    # A municipality without a town is named, not given by its code (seen as "0561 (…)").
    municipality_only = replace(actor("d", "Kun kommune"), city=None, has_place=False)
    unknown_code = replace(
        actor("e", "Ukendt kode"), city=None, municipality_code="0999", has_place=False
    )
    model.set_rows([placed, town_only, nothing, municipality_only, unknown_code])
    place = {
        model.index(r, 0).data(ID_ROLE): model.index(r, ActorTableModel.COL_MUNICIPALITY)
        for r in range(model.rowCount())
    }
    assert place["a"].data() == "Esbjerg"
    assert place["a"].data(Qt.ItemDataRole.ForegroundRole) is None
    assert place["b"].data() == "Esbjerg (not on the map)"
    assert place["c"].data() == "Not on the map — give a postcode"
    assert place["c"].data(Qt.ItemDataRole.ForegroundRole) is not None
    assert place["d"].data() == "Esbjerg (not on the map)"
    assert place["e"].data() == "0999 (not on the map)"


def test_actor_names_sort_in_danish_order() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(
        [
            actor("1", "Åens Venner"),
            actor("2", "Ørnene"),
            actor("3", "Ældresagen"),
            actor("4", "Zonen"),
            actor("5", "anker klubben"),
        ]
    )
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["anker klubben", "Zonen", "Ældresagen", "Ørnene", "Åens Venner"]
    model.sort(ActorTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == names[::-1]


def test_search_and_filters_in_the_model() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(
        [actor("1", "Sammen om Sindet"), actor("2", "Bokseklubben"), actor("3", "Lektiecafé Vest")]
    )
    model.set_search("sindet")
    assert [model.row_at(r).id for r in range(model.rowCount())] == ["1"]
    model.set_search("samen om sindet")  # a letter missing
    assert [model.row_at(r).id for r in range(model.rowCount())] == ["1"]
    model.update_view("", target_group="elderly_lonely")
    assert model.rowCount() == 3
    model.update_view("", target_group="mental_illness")
    assert model.rowCount() == 0 and model.total() == 3


def test_inactive_actors_sort_after_active_ones() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows([actor("x", "X", active=False), actor("y", "Y", public=False), actor("z", "Z")])
    values = [model.index(r, ActorTableModel.COL_STATUS).data(SORT_ROLE) for r in range(3)]
    assert values == [2, 1, 0]


def test_problem_status_sorts_in_workflow_order(qtmodeltester) -> None:
    model = ProblemTableModel(load_vocabulary(), "da")
    model.set_rows([problem("1", "closed"), problem("2", "draft"), problem("3", "seeking")])
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(ProblemTableModel.COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == ["2", "3", "1"]


# ------------------------------------------------------------------ search by relevance


def place_actor(id_: str, name: str, city: str = "Esbjerg", code: str = "0561") -> ActorSummary:
    return ActorSummary(id_, name, "local_association", code, city, ("elderly_lonely",), True, True)


TOWNS = ("Kalundborg", "Skanderborg", "Esbjerg", "Odense", "Aabenraa", "Vejle", "Holbæk")
KINDS = ("Fællesskab", "Fælles Spisning", "Idrætsforening", "Lektiecafé", "Seniorklub", "Gåklub")


def register() -> list[ActorSummary]:
    """A few hundred associations; several towns have a "Fællesskab" and a "Fælles …"."""
    rows = [
        place_actor(
            f"{town[:3].lower()}-{i}-{k}", f"{town} {kind}{' ' + str(k) if k else ''}", town
        )
        for town in TOWNS
        for i, kind in enumerate(KINDS)
        for k in range(6)
    ]
    rows += [
        place_actor("kal-vest", "Kalundborg Fællesskab Vest", "Kalundborg", "0326"),
        place_actor("ska-lektie", "Skanderborg Fælles Lektiehjælp", "Skanderborg", "0746"),
        place_actor("ska-skab", "Skanderborg Fællesskab", "Skanderborg", "0746"),
        place_actor("ska-ung", "Ungeskanderborg Fællesrum", "Skanderborg", "0746"),
        place_actor("ode-lektie", "Lektiecafé Vest", "Odense", "0461"),
        place_actor("ode-ungdom", "Ungdomslektiecafé", "Odense", "0461"),
        place_actor("aar-kafe", "Aarhus Lektiekafe", "Aarhus", "0751"),
    ]
    return rows


def visible_ids(model: ActorTableModel) -> list[str]:
    return [model.row_at(r).id for r in range(model.rowCount())]


def test_search_ranks_rows_where_every_word_starts_a_word_first(qtmodeltester) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    qtmodeltester.check(model, force_py=True)
    with_changes = []
    model.relevance_order_changed.connect(with_changes.append)
    model.set_search("skanderborg fælles")
    names = [model.row_at(r).name for r in range(model.rowCount())]
    assert model.sorted_by_relevance() and with_changes == [True]
    wanted = [n for n in names if n.startswith("Skanderborg Fælles")]
    assert len(wanted) == 2 * 6 + 2 and names[: len(wanted)] == wanted
    # Whole words beat prefixes: "Fælles" before "Fællesskab"; then by name.
    assert names[:4] == [
        "Skanderborg Fælles Lektiehjælp",
        "Skanderborg Fælles Spisning",
        "Skanderborg Fælles Spisning 1",
        "Skanderborg Fælles Spisning 2",
    ]
    assert names.index("Skanderborg Fælles Lektiehjælp") < names.index("Skanderborg Fællesskab")
    # Then every word somewhere, then only close: Kalundborg's fællesskab is far below.
    assert names.index("Ungeskanderborg Fællesrum") > names.index("Skanderborg Fællesskab 5")
    assert names.index("Kalundborg Fællesskab Vest") > names.index("Ungeskanderborg Fællesrum")
    assert len(names) < len(register()) / 2


def test_a_misspelling_is_found_but_after_exact_and_prefix_hits() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    model.set_search("skanderbrog fælles")
    names = [model.row_at(r).name for r in range(model.rowCount())]
    assert "Skanderborg Fællesskab" in names and "Skanderborg Fælles Lektiehjælp" in names
    model.set_search("lektiecafe")
    ids = visible_ids(model)
    # Prefix ("Lektiecafé Vest", accent folded), substring ("Ungdomslektiecafé"), fuzzy
    # ("Aarhus Lektiekafe", which the alphabet would put first).
    assert ids.index("ode-lektie") < ids.index("ode-ungdom") < ids.index("aar-kafe")
    literal = [i for i in ids if "lektiecaf" in model.row_at(model.row_of(i)).name.lower()]
    assert ids[: len(literal)] == literal and len(literal) == len(TOWNS) * 6 + 2


def test_danish_spellings_find_each_other() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(
        [place_actor("1", "Åbenrå Gåklub", "Åbenrå"), place_actor("2", "Holbæk Fællesskab")]
    )
    model.set_search("aabenraa gaaklub")
    assert visible_ids(model) == ["1"]
    model.set_search("HOLBAEK faelles")
    assert visible_ids(model) == ["2"]
    model.set_search("Esbjerg")  # the place is searched too
    assert visible_ids(model) == ["2"]


def test_header_click_sorts_a_search_by_column_until_the_search_is_cleared() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    changes: list[bool] = []
    model.relevance_order_changed.connect(changes.append)
    model.set_search("lektiecafe")
    relevance = visible_ids(model)
    model.sort(ActorTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert not model.sorted_by_relevance()
    by_name = visible_ids(model)
    assert by_name[0] == "aab-3-0" and sorted(by_name) == sorted(relevance)  # Aabenraa …
    assert relevance[0] == "ode-lektie"  # "Lektiecafé Vest": the name starts with the word
    model.set_search("lektiecaf")  # refining keeps the chosen column order
    assert visible_ids(model)[0] == "aab-3-0"
    model.sort(-1)  # the default order again: relevance
    assert visible_ids(model)[0] == "ode-lektie"
    model.set_search("")
    assert not model.sorted_by_relevance() and model.rowCount() == len(register())
    assert visible_ids(model)[0] == "aab-1-0"  # "Aabenraa Fælles Spisning", by name
    model.set_search("lektiecafe")
    assert visible_ids(model)[0] == "ode-lektie"
    assert changes == [True, False, True, False, True]


def test_header_sort_keeps_the_selection_on_its_row() -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(
        model.index(model.row_of("ska-skab"), 0), QItemSelectionModel.SelectionFlag.Select
    )
    model.sort(ActorTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert selection.currentIndex().data(ID_ROLE) == "ska-skab"


# ------------------------------------------------------------------ rows changed after a save


class Signals:
    """What the model told its views."""

    def __init__(self, model: ActorTableModel | ProblemTableModel) -> None:
        self.seen: list[str] = []
        model.rowsInserted.connect(lambda *_a: self.seen.append("inserted"))
        model.rowsRemoved.connect(lambda *_a: self.seen.append("removed"))
        model.rowsMoved.connect(lambda *_a: self.seen.append("moved"))
        model.dataChanged.connect(lambda *_a: self.seen.append("changed"))
        model.modelReset.connect(lambda *_a: self.seen.append("reset"))
        model.layoutChanged.connect(lambda *_a: self.seen.append("layout"))


def test_a_renamed_actor_moves_in_sort_order_and_keeps_its_selection(qtmodeltester) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    rows = register()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    first = model.row_at(0)
    signals = Signals(model)
    model.upsert_rows([replace(first, name="Østerbro Fællesskab")])
    assert signals.seen == ["moved", "changed"]
    assert model.row_at(model.rowCount() - 1).name == "Østerbro Fællesskab"
    assert model.row_of(first.id) == model.rowCount() - 1
    assert selection.currentIndex().data(ID_ROLE) == first.id
    assert model.rowCount() == model.total() == len(rows)


def test_changed_rows_leave_and_join_a_search_and_new_rows_appear_in_place(
    qtmodeltester,
) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    qtmodeltester.check(model, force_py=True)
    model.set_search("skanderborg fælles")
    shown = model.rowCount()
    signals = Signals(model)
    lektie = next(a for a in register() if a.id == "ska-lektie")
    model.upsert_rows([replace(lektie, name="Lektiehjælpen i Ry", city="Ry")])
    assert signals.seen == ["removed"]
    assert model.row_of("ska-lektie") is None and model.rowCount() == shown - 1
    model.upsert_rows(
        [
            place_actor("new", "Skanderborg Fælles", "Skanderborg", "0746"),
            place_actor("other", "Bokseklubben", "Ry", "0746"),
        ]
    )
    assert model.row_of("new") == 0  # the exact name: first
    assert model.row_of("other") is None and model.total() == len(register()) + 2
    assert model.rowCount() == shown
    assert "reset" not in signals.seen


def test_removed_rows_disappear_and_the_rest_keep_their_order(qtmodeltester) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(register())
    qtmodeltester.check(model, force_py=True)
    model.update_view("fællesskab", municipality="0746")
    before = visible_ids(model)
    signals = Signals(model)
    model.remove_rows(["ska-skab", "kal-vest", "not-there"])
    assert signals.seen == ["removed"]  # kal-vest was filtered out: nothing to tell
    assert visible_ids(model) == [i for i in before if i != "ska-skab"]
    assert model.row_of("ska-skab") is None and model.total() == len(register()) - 2
    model.update_view("")
    assert "kal-vest" not in visible_ids(model) and model.rowCount() == model.total()


def test_any_sequence_of_changes_ends_as_a_fresh_model_would_show_it(qtmodeltester) -> None:
    """Row signals or not, the model must agree with one built from scratch."""
    rng = random.Random(5)
    rows = {r.id: r for r in register()[::2]}
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(list(rows.values()))
    qtmodeltester.check(model, force_py=True)
    views = [
        dict(search="fælles"),
        dict(search="skanderbrog", municipality="0746"),
        dict(search="", sort=ActorTableModel.COL_STATUS),
        dict(search="lektie", sort=ActorTableModel.COL_MUNICIPALITY),
        dict(search="hus", sort=ActorTableModel.COL_NAME),
    ]

    def show(model: ActorTableModel, view: dict[str, object]) -> None:
        model.update_view("")
        model.sort(ActorTableModel.COL_NAME)
        model.update_view(str(view["search"]), municipality=view.get("municipality"))
        if "sort" in view:  # a header clicked: column order even while searching
            model.sort(int(view["sort"]), Qt.SortOrder.DescendingOrder)  # type: ignore[call-overload]

    seen_all: list[str] = []
    for step in range(20):
        view = views[step % len(views)]
        show(model, view)
        ids = sorted(rows)
        changed = []
        for _ in range(rng.randint(1, 4)):
            old = rows[rng.choice(ids)]
            name = rng.choice(["Skanderborg Fælles Hus", "Ældre Lektiecafé", "Zebra", old.name])
            changed.append(replace(old, name=name, active=rng.random() < 0.7, city="Ry"))
        changed.append(place_actor(f"new-{step}", f"Fælles Lektie {step}", "Skanderborg", "0746"))
        signals = Signals(model)
        model.upsert_rows(changed)
        rows.update({r.id: r for r in changed})
        gone = rng.sample(ids, 2)
        model.remove_rows(gone)
        for actor_id in gone:
            del rows[actor_id]
        assert "reset" not in signals.seen
        seen_all += signals.seen
        fresh = ActorTableModel(load_vocabulary(), "da")
        fresh.set_rows(list(rows.values()))
        show(fresh, view)
        assert visible_ids(model) == visible_ids(fresh), f"step {step}: {view}"
        assert model.total() == len(rows)
    assert {"moved", "inserted", "removed", "changed"} <= set(seen_all)


def test_problem_rows_are_replaced_added_and_removed_by_id(qtmodeltester) -> None:
    model = ProblemTableModel(load_vocabulary(), "da")
    model.set_rows([problem("1", "closed"), problem("2", "draft"), problem("3", "seeking")])
    qtmodeltester.check(model, force_py=True)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(ProblemTableModel.COL_STATUS, Qt.SortOrder.AscendingOrder)
    signals = Signals(model)
    model.upsert_rows([problem("2", "matched"), problem("4", "draft")])
    assert signals.seen == ["changed", "inserted"]
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(4)] == ["4", "3", "2", "1"]
    assert model.row_of("4") == 3
    model.remove_rows(["1", "3", "x"])
    assert [model.row_at(r).id for r in range(model.rowCount())] == ["2", "4"]
    assert model.row_of("4") == 1 and model.row_of("1") is None
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(2)] == ["4", "2"]


def test_the_register_shows_and_sorts_profile_completeness(qtmodeltester) -> None:
    model = ActorTableModel(load_vocabulary(), "da")
    model.set_rows(
        [
            replace(actor("a", "Aktiv Forening"), completeness=82),
            replace(actor("b", "Bare et navn"), completeness=9),
            replace(actor("c", "Cykelklubben"), completeness=41),
        ]
    )
    qtmodeltester.check(model)
    column = ActorTableModel.COL_COMPLETENESS
    assert model.headerData(column, Qt.Orientation.Horizontal) in ("Udfyldt", "Filled in")
    assert model.index(0, column).data() == "82 %"
    model.sort(column, Qt.SortOrder.AscendingOrder)  # least complete first: what to fill in
    assert [model.index(r, 0).data(ID_ROLE) for r in range(3)] == ["b", "c", "a"]
    assert model.index(0, column).data(SORT_ROLE) == 9


def test_the_register_computes_completeness_as_the_editor_does(make_database: MakeDatabase) -> None:
    import json
    from pathlib import Path

    from mapper.domain.completeness import completeness
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    sparse = Path(__file__).parents[1] / "evaluation" / "sparse" / "landscape.json"
    database = open_database(make_database("sparse"))
    try:
        service = LandscapeService(database)
        service.import_document(json.loads(sparse.read_text(encoding="utf-8")))
        rows = service.list_actors()
        assert len({r.completeness for r in rows}) > 3  # not one figure for all
        for row in rows:
            assert row.completeness == completeness(service.get_actor(row.id)).percent, row.id
    finally:
        database.close()
