"""Table models tested without any widget."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from mapper.domain.vocabulary import load_vocabulary
from mapper.services.landscape import ActorSummary, ProblemSummary
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
