"""The problem statement editor (problemstilling): the problem, the partner sought and where,
declared on the form framework (ui/forms), with the status workflow as undoable moves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mapper.domain.errors import MapperError
from mapper.domain.model import PROBLEM_STATUSES, ProblemStatement, Seeking
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipalities, postcode_place
from mapper.matching.statuses import is_matchable
from mapper.services.problems import ProblemEditService
from ui.error_text import describe_error
from ui.forms.commands import Change
from ui.forms.fields import (
    Binding,
    Check,
    Choice,
    Codes,
    FieldSpec,
    FormComboBox,
    Line,
    Resources,
    Section,
    Text,
)
from ui.forms.record_form import RecordForm
from ui.forms.resource_table import ResourceTable, resources_of, rows_of
from ui.locale_format import parse_number
from ui.models.problem_table import status_label
from ui.problem_commands import ChangeStatusCommand

COORDINATES = ("location.lat", "location.lon")
NEW_ID = "new-problem"
"""The id a problem is checked under before it is first saved."""


def _coordinate(text: str) -> float | None:
    """Decimal degrees with a decimal comma or point (never a thousands separator)."""
    cleaned = str(text).strip().replace(",", ".")
    return float(cleaned) if cleaned else None


def _number_text(value: float | None) -> str:
    return "" if value is None else repr(float(value)).removesuffix(".0").replace(".", ",")


@dataclass(frozen=True)
class Owner(FieldSpec):
    """The actor that owns the problem: a searchable list of the register's actors. Typed
    text naming no actor is passed on as an id, for the service to name the nearest one."""

    owners: Callable[[], list[tuple[str, str]]] | None = None
    mergeable: bool = True

    def build(self, vocabulary: Vocabulary, lang: str) -> Binding:
        combo = FormComboBox()
        combo.setObjectName("owner")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        ids: dict[str, str] = {}

        def refresh() -> None:
            ids.clear()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem("", None)
                pairs = self.owners() if self.owners else []
                shared = Counter(name.casefold() for _id, name in pairs)
                for actor_id, name in pairs:
                    # A name is enough; two actors of one name are told apart by their id.
                    shown = name if shared[name.casefold()] == 1 else f"{name} ({actor_id})"
                    combo.addItem(shown, actor_id)
                    ids[shown] = ids[actor_id] = actor_id
                    ids.setdefault(name.casefold(), actor_id)

        def get() -> str:
            text = combo.currentText().strip()
            return ids.get(text) or ids.get(text.casefold()) or text

        def put(actor_id: Any) -> None:
            if not ids:
                refresh()
            index = combo.findData(actor_id) if actor_id else 0
            if index >= 0:
                combo.setCurrentIndex(index)
                combo.setEditText(combo.itemText(index))
            else:
                combo.setEditText(str(actor_id))
            line_edit = combo.lineEdit()
            if line_edit is not None:  # editable, so always there
                line_edit.setCursorPosition(0)  # a long name shows its beginning

        combo.setProperty("refresh", None)
        combo.refresh_owners = refresh  # type: ignore[attr-defined]
        return Binding(combo, combo, get, put, lambda f: combo.editTextChanged.connect(f))


class ProblemEditor(RecordForm[ProblemStatement]):
    """Writes one problem statement. The main window calls ``maybe_leave()`` before
    ``load_problem``/``new_problem`` replace what is in the form."""

    problem_saved = Signal(str)
    """The problem's id, after each successful save (also when redo re-creates it)."""
    problem_deleted = Signal(str)
    """The problem's id, after undoing its creation deleted it."""
    status_changed = Signal(str, str)
    """(problem id, new status) after each move along the workflow, undo and redo included."""
    match_requested = Signal(str)
    """The problem's id: the user wants to see partners for it."""

    quiet_until_touched = frozenset({"title"})

    def __init__(
        self,
        service: ProblemEditService,
        vocabulary: Vocabulary,
        lang: str = "da",
        owners: Callable[[], list[tuple[str, str]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, vocabulary, lang, parent)
        self.setObjectName("ProblemEditor")
        self.save_tooltip = self.tr("Save the problem statement (Ctrl+S)")
        self._problems = service
        self._owners = owners
        self.default_municipality: str | None = None
        """The user's own municipality (Indstillinger → Kommune): a new statement starts
        with it."""
        self.match_button = QPushButton(self.tr("Find partners"))
        self.match_button.setObjectName("findPartners")
        self.match_button.setToolTip(self.tr("Rank the actors of the landscape as partners"))
        self.match_button.clicked.connect(self._request_match)
        self.build_form(header=[self._status_row()], bottom=[self.match_button])
        self.save_button.setObjectName("saveProblem")
        self.saved.connect(self.problem_saved)
        self.deleted.connect(self.problem_deleted)
        table = self._resources_widget()
        table.add_requested.connect(self._add_resource)
        table.remove_requested.connect(self._remove_resource)
        self.title_edit = self.inputs["title"]
        self.owner_combo = self.inputs["owner_id"]
        self.setFocusProxy(self.title_edit)
        self.start_new()

    # ----------------------------------------------------------------- API kept for callers

    def new_problem(self) -> None:
        """Start a new, unsaved problem statement (a draft) in the form."""
        self._refresh_owners()
        self.start_new()

    def set_default_municipality(self, code: str | None) -> None:
        """Give new problem statements ``code``; an empty new one on screen gets it now."""
        if code == self.default_municipality:
            return
        self.default_municipality = code
        if self.current_id() is None and not self.is_dirty():
            self.start_new()

    def load_problem(self, problem_id: str) -> bool:
        self._refresh_owners()
        return self.load(problem_id)

    def current_problem_id(self) -> str | None:
        return self.current_id()

    def field_widget(self, key: str) -> QWidget:
        """The input of a field by its record path ('title', 'location.lat', …)."""
        return self.inputs[key]

    def change_status(self, status: str) -> bool:
        """Move the stored problem to ``status`` (an undoable step); False if refused."""
        if self._record_id is None or self._base is None:
            return False
        old = self._base.status
        if not self._move_status(status, revert=False):
            return False
        text = (
            self.tr("Move %1 to %2")
            .replace("%1", self.display_name())
            .replace("%2", status_label(status))
        )
        self.undo_stack.push(ChangeStatusCommand(self, old, status, text))
        return True

    def apply_status(self, status: str, *, revert: bool) -> bool:
        return self._move_status(status, revert=revert)

    @property
    def resource_table(self) -> Any:
        return self._resources_widget().table

    @property
    def add_resource_button(self) -> QPushButton:
        return self._resources_widget().add_button

    @property
    def remove_resource_button(self) -> QPushButton:
        return self._resources_widget().remove_button

    def _resources_widget(self) -> ResourceTable:
        table = self.bindings["seeking.resources"].widget
        assert isinstance(table, ResourceTable)
        return table

    # ----------------------------------------------------------------- declarations

    def sections(self) -> Sequence[Section]:
        return [
            Section(
                self.tr("The problem"),
                (
                    Line(
                        "title",
                        self.tr("Title"),
                        self.tr("A short name a partner understands at a glance."),
                        True,
                    ),
                    Owner(
                        "owner_id",
                        self.tr("Owner"),
                        self.tr("The unit or organisation that seeks partners; type to search."),
                        owners=lambda: self._owners() if self._owners else [],
                    ),
                    Choice(
                        "municipality_code",
                        self.tr("Municipality"),
                        self.tr("The municipality the problem belongs to."),
                        items=[
                            (m.code, f"{m.name} ({m.code})")
                            for m in sorted(municipalities().values(), key=lambda m: m.name)
                        ],
                        empty=self.tr("Not stated"),
                    ),
                    Text(
                        "description",
                        self.tr("We seek a partner for the project …"),
                        self.tr("Describe the problem so that volunteers can help define it."),
                    ),
                    Choice(
                        "concreteness",
                        self.tr("Concreteness"),
                        self.tr(
                            "The fewer resources the volunteers have, the more concrete the "
                            "problem must be."
                        ),
                        facet="problem_concreteness",
                        empty=self.tr("(not chosen)"),
                    ),
                    Codes(
                        "target_groups",
                        self.tr("Target groups"),
                        self.tr("Who the effort is for; tick one or more."),
                        facet="target_groups",
                    ),
                    Choice(
                        "prevention_level",
                        self.tr("Prevention level"),
                        self.tr("Before the problem arises, early, treatment or rehabilitation."),
                        facet="prevention_levels",
                        empty=self.tr("(not chosen)"),
                    ),
                    Text(
                        "our_role",
                        self.tr("My/our role in the project is …"),
                        self.tr("What you put in: staff, premises, access to the target group."),
                    ),
                    Text(
                        "how_we_know_it_works",
                        self.tr("This is how I know that my/our effort works …"),
                        self.tr("Measurements, evaluations or experience that show the effect."),
                    ),
                    Check(
                        "involves_statutory_task",
                        self.tr("Statutory task"),
                        self.tr(
                            "Volunteers can contribute, but they cannot carry the "
                            "responsibility for a statutory task."
                        ),
                        text=self.tr("The problem involves a statutory task"),
                    ),
                ),
                name="problem",
            ),
            Section(
                self.tr("The partner we seek"),
                (
                    Text(
                        "seeking.description",
                        self.tr("For this project I seek someone who …"),
                        self.tr("What the partner should do or be able to do."),
                    ),
                    Resources(
                        "seeking.resources",
                        self.tr("Resources sought"),
                        self.tr(
                            "What you seek from a partner: kind, what, hours per month and "
                            "amount in DKK (e.g. 250.000)."
                        ),
                    ),
                    Codes(
                        "seeking.required_resources",
                        self.tr("Required resources"),
                        self.tr("Partners who do not offer these are left out of the matching."),
                        facet="resource_kinds",
                    ),
                    Codes(
                        "seeking.roles",
                        self.tr("Can fill the role of …"),
                        self.tr("The roles the partner should take in the project."),
                        facet="roles",
                    ),
                    Codes(
                        "seeking.actor_kinds",
                        self.tr("Kinds of actor sought"),
                        self.tr(
                            "A local association for a concrete problem, an organisation for "
                            "a broad one."
                        ),
                        facet="actor_kinds",
                    ),
                    Text(
                        "seeking.must_not",
                        self.tr("The partner must not …"),
                        self.tr("Tasks the partner must not take over; shown with every match."),
                    ),
                    Codes(
                        "seeking.excluded_actor_kinds",
                        self.tr("Excluded kinds of actor"),
                        self.tr("These kinds are never proposed."),
                        facet="actor_kinds",
                    ),
                    Line(
                        "seeking.max_distance_km",
                        self.tr("Maximum distance (km)"),
                        self.tr("Leave empty when distance does not matter."),
                    ),
                    Text(
                        "partner_gets",
                        self.tr("As a partner in the project you get …"),
                        self.tr("What the partner gains: premises, sparring, the target group."),
                    ),
                ),
                name="seeking",
            ),
            Section(
                self.tr("Where"),
                (
                    Line(
                        "location.address",
                        self.tr("Address"),
                        self.tr("Where the project takes place."),
                    ),
                    Line(
                        "location.postcode",
                        self.tr("Postcode"),
                        self.tr("Four digits, e.g. 6760: distances are measured from here."),
                        max_length=4,
                    ),
                    Line("location.city", self.tr("City"), self.tr("Filled in from the postcode.")),
                    Line(
                        "location.lat",
                        self.tr("Latitude"),
                        self.tr("Decimal degrees, e.g. 55,4765; give both or neither."),
                    ),
                    Line(
                        "location.lon",
                        self.tr("Longitude"),
                        self.tr("Decimal degrees, e.g. 8,4594."),
                    ),
                ),
                name="where",
            ),
        ]

    def _status_row(self) -> QWidget:
        """The status and the moves it allows, above the form and always in view: the status
        on one line, the buttons on the next (the pane beside the list is narrow)."""
        holder = QWidget()
        holder.setObjectName("statusRow")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("problemStatus")
        self.status_hint = QLabel(self.tr("Save the problem statement to move it along."))
        self.status_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_hint.setWordWrap(True)
        line.addWidget(self.status_label)
        line.addWidget(self.status_hint, 1)
        column.addLayout(line)
        buttons = QHBoxLayout()
        self.status_buttons: dict[str, QPushButton] = {}
        for status in PROBLEM_STATUSES:
            button = QPushButton()
            button.setObjectName(f"statusButton_{status}")
            button.setToolTip(self._status_help(status))
            button.clicked.connect(lambda _checked=False, s=status: self.change_status(s))
            self.status_buttons[status] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return holder

    # ----------------------------------------------------------------- values

    def values_of(self, record: ProblemStatement | None) -> dict[str, Any]:
        p = record or ProblemStatement(id="", title="")
        s, loc = p.seeking, p.location
        return {
            "title": p.title,
            "owner_id": p.owner_id or "",
            "municipality_code": p.municipality_code if record else self.default_municipality,
            "description": p.description or "",
            "concreteness": p.concreteness,
            "target_groups": p.target_groups,
            "prevention_level": p.prevention_level,
            "our_role": p.our_role or "",
            "how_we_know_it_works": p.how_we_know_it_works or "",
            "involves_statutory_task": p.involves_statutory_task,
            "seeking.description": s.description or "",
            "seeking.resources": rows_of(s.resources),
            "seeking.required_resources": s.required_resources,
            "seeking.roles": s.roles,
            "seeking.actor_kinds": s.actor_kinds,
            "seeking.must_not": s.must_not or "",
            "seeking.excluded_actor_kinds": s.excluded_actor_kinds,
            "seeking.max_distance_km": _number_text(s.max_distance_km),
            "partner_gets": p.partner_gets or "",
            "location.address": loc.address or "",
            "location.postcode": loc.postcode or "",
            "location.city": loc.city or "",
            "location.lat": _number_text(loc.lat),
            "location.lon": _number_text(loc.lon),
        }

    def record_from(self, values: Mapping[str, Any]) -> ProblemStatement:
        v = values

        def text(key: str) -> str | None:
            return str(v[key]).strip() or None

        def number(key: str, parse: Callable[[str], float | None]) -> float | None:
            try:
                return parse(str(v[key]))
            except ValueError:
                return None

        base = self._base or ProblemStatement(id=self._record_id or NEW_ID, title="")
        lat, lon = number("location.lat", _coordinate), number("location.lon", _coordinate)
        # A point typed by hand is 'manual'; an untouched one keeps how it was found.
        moved = (lat, lon) != (base.location.lat, base.location.lon)
        precision = "manual" if moved and lat is not None else base.location.precision
        resources, _bad = resources_of(v["seeking.resources"])
        return replace(
            base,
            id=base.id or self._record_id or NEW_ID,
            title=str(v["title"]).strip(),
            owner_id=text("owner_id"),
            municipality_code=v["municipality_code"],
            description=text("description"),
            concreteness=v["concreteness"],
            target_groups=tuple(v["target_groups"]),
            prevention_level=v["prevention_level"],
            our_role=text("our_role"),
            how_we_know_it_works=text("how_we_know_it_works"),
            involves_statutory_task=bool(v["involves_statutory_task"]),
            seeking=Seeking(
                description=text("seeking.description"),
                resources=resources,
                required_resources=tuple(v["seeking.required_resources"]),
                roles=tuple(v["seeking.roles"]),
                actor_kinds=tuple(v["seeking.actor_kinds"]),
                must_not=text("seeking.must_not"),
                excluded_actor_kinds=tuple(v["seeking.excluded_actor_kinds"]),
                max_distance_km=number("seeking.max_distance_km", parse_number),
            ),
            partner_gets=text("partner_gets"),
            location=replace(
                base.location,
                address=text("location.address"),
                postcode=text("location.postcode"),
                city=text("location.city"),
                lat=lat,
                lon=lon,
                precision=precision,
            ),
        )

    def new_id(self, record: ProblemStatement) -> str:
        return self._problems.new_problem_id(record.title, record.municipality_code)

    @staticmethod
    def with_id(record: ProblemStatement, record_id: str) -> ProblemStatement:
        return replace(record, id=record_id)

    def display_name(self) -> str:
        title = str(self._values.get("title") or "").strip()
        return title or self.tr("New problem statement")

    # ----------------------------------------------------------------- behaviour

    def form_problems(self) -> dict[str, str]:
        v = self._values
        problems: dict[str, str] = {}
        if not str(v["title"]).strip():
            problems["title"] = self.tr("A title is required.")
        _resources, bad = resources_of(v["seeking.resources"])
        self._resources_widget().mark_invalid(bad)
        if bad:
            problems["seeking.resources"] = self.tr(
                "Hours and DKK must be numbers, e.g. 40 or 250.000 (row %1)."
            ).replace("%1", str(bad[0][0] + 1))
        try:
            distance = parse_number(str(v["seeking.max_distance_km"]))
        except ValueError:
            distance = -1
        if distance is not None and distance < 0:
            problems["seeking.max_distance_km"] = self.tr("Must be a number of 0 or more.")
        for key, limit in (("location.lat", 90), ("location.lon", 180)):
            try:
                value = _coordinate(v[key])
            except ValueError:
                value = float("inf")
            if value is not None and not -limit <= value <= limit:
                problems[key] = self.tr("Decimal degrees between -%1 and %1.").replace(
                    "%1", str(limit)
                )
        return problems

    def follows(self, field: str, new: Any) -> list[Change]:
        changes: list[Change] = []
        if field == "location.postcode" and len(str(new).strip()) == 4:
            place = postcode_place(str(new).strip())
            if place is not None:
                if not self._values["location.city"]:
                    changes.append(("location.city", "", place.name))
                code = self._values["municipality_code"]
                untouched_default = (
                    self.current_id() is None
                    and code == self.default_municipality
                    and "municipality_code" not in self._touched
                )
                if not code or untouched_default:  # the postcode knows better
                    changes.append(("municipality_code", code, place.municipality_code))
        return changes

    def record_changed(self) -> None:
        super().record_changed()
        self._update_status_row()

    def _refresh_owners(self) -> None:
        combo = self.inputs["owner_id"]
        combo.refresh_owners()  # type: ignore[attr-defined]

    def _request_match(self) -> None:
        if self._record_id is not None:
            self.match_requested.emit(self._record_id)

    def _add_resource(self) -> None:
        table = self._resources_widget()
        rows = (*self._values["seeking.resources"], (table.first_kind, "", "", ""))
        self.push_field("seeking.resources", rows)
        table.edit_kind(len(rows) - 1)

    def _remove_resource(self, row: int) -> None:
        rows = self._values["seeking.resources"]
        if 0 <= row < len(rows):
            self.push_field("seeking.resources", (*rows[:row], *rows[row + 1 :]))

    # ----------------------------------------------------------------- status workflow

    def _status_help(self, status: str) -> str:
        return {
            "draft": self.tr("Draft: you are still writing the problem statement."),
            "open_for_input": self.tr(
                "Open for input: volunteers and associations can help define the problem."
            ),
            "seeking": self.tr("Seeking partners: the problem is defined; partners are sought."),
            "matched": self.tr("Matched: a partner has been found and the collaboration agreed."),
            "closed": self.tr(
                "Closed: the problem statement is finished or dropped; it can be reopened as a "
                "draft."
            ),
        }.get(status, status)

    def _move_text(self, current: str, target: str) -> str:
        if target == "closed":
            return self.tr("Close")
        if current == "closed" and target == "draft":
            return self.tr("Reopen as draft")
        if PROBLEM_STATUSES.index(target) < PROBLEM_STATUSES.index(current):
            return self.tr("Back to %1").replace("%1", status_label(target))
        return self.tr("Move on to %1").replace("%1", status_label(target))

    def _update_status_row(self) -> None:
        if not hasattr(self, "status_label"):
            return
        status = self._base.status if self._base is not None else "draft"
        self.status_label.setText(self.tr("Status: %1").replace("%1", status_label(status)))
        self.status_label.setToolTip(self._status_help(status))
        saved = self._record_id is not None
        allowed = self._problems.allowed_statuses(status) if saved else ()
        for code, button in self.status_buttons.items():
            button.setHidden(code not in allowed)
            if code in allowed:
                button.setText(self._move_text(status, code))
                button.setAccessibleName(button.text())
        self.status_hint.setHidden(saved)
        matchable = saved and is_matchable(status)
        self.match_button.setEnabled(matchable)
        self.match_button.setToolTip(
            self.tr("Rank the actors of the landscape as partners")
            if matchable
            else self.tr("Partners are sought once the problem is open for input or seeking.")
        )

    def _move_status(self, status: str, *, revert: bool) -> bool:
        if self._record_id is None or self._version is None or self._base is None:
            return False
        try:
            version = self._problems.set_status(
                self._record_id, status, expected_version=self._version, revert=revert
            )
        except MapperError as error:
            self.show_message(describe_error(error), error=True)
            return False
        self._version = version
        self._base = replace(self._base, status=status)
        self._update_status_row()
        self.status_changed.emit(self._record_id, status)
        return True
