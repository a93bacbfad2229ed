"""The social dating profile editor (social datingprofil): one actor in the order of
Arbejdsspørgsmål 5 — who we are and what we offer, what we seek, where, contact, publishing —
declared on the form framework (ui/forms)."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolButton, QWidget

from mapper.domain.completeness import completeness
from mapper.domain.model import (
    LOCATION_PRECISIONS,
    Actor,
    ActorSeeking,
    Consent,
    Contact,
    Location,
    Profile,
)
from mapper.domain.vocabulary import Vocabulary
from mapper.geo.reference import municipalities, municipality_name, postcode_place
from mapper.services.actors import ActorEditService
from ui.forms.commands import Change
from ui.forms.fields import (
    Check,
    Choice,
    Codes,
    Count,
    Date,
    Line,
    Resources,
    ReviewNotes,
    Section,
    Text,
)
from ui.forms.record_form import RecordForm
from ui.forms.resource_table import ResourceTable, resources_of, rows_of
from ui.locale_format import parse_number
from ui.text_pieces import field_title_of
from ui.widgets.code_suggestions import (
    SUGGESTION_FIELDS,
    TEXT_SOURCES,
    CodeSuggestions,
    SuggestCodes,
    pick_suggestions,
)
from ui.widgets.duplicate_warning import DuplicateWarning

SUGGEST_DELAY_MS = 400
"""Suggestions follow the typing after this pause."""

EXAMPLES = 3
"""The dating profile asks for 1-3 successful projects."""
COORDINATES = ("location.lat", "location.lon")


def parse_coordinate(text: str) -> float | None:
    """Decimal degrees as typed, with a decimal comma or point; '' is None, else ValueError.
    Degrees have no thousands, so the point is a decimal point in every interface language."""
    value = parse_number(text.replace(",", "."), lang="en") if text.strip() else None
    if value is not None and not math.isfinite(value):
        raise ValueError(text)
    return value


class ActorEditor(RecordForm[Actor]):
    """Edits one actor's social dating profile. Every field edit is undoable; saving goes
    through ``ActorEditService`` and keeps the input when it is refused."""

    actor_saved = Signal(str)
    """The id of the actor just saved."""
    open_actor_requested = Signal(str)
    """The user chose to open an existing actor the duplicate warning pointed at."""

    quiet_until_touched = frozenset({"name", "kind", "consent.given_on", "consent.purpose"})

    def __init__(
        self,
        service: ActorEditService,
        vocabulary: Vocabulary,
        lang: str = "da",
        parent: QWidget | None = None,
        find_similar: Any = None,
        suggest: SuggestCodes | None = None,
    ) -> None:
        super().__init__(service, vocabulary, lang, parent)
        self.setObjectName("ActorEditor")
        self.save_tooltip = self.tr("Save the dating profile (Ctrl+S)")
        self._edits = service
        self.example_button = QToolButton()
        self.example_button.setObjectName("exampleButton")
        self.example_button.setText(self.tr("Example: Patriciahuset"))
        self.example_button.setCheckable(True)
        self.example_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.example_button.setArrowType(Qt.ArrowType.RightArrow)
        self.example_button.setAccessibleName(self.tr("Show the worked example Patriciahuset"))
        self.example_button.toggled.connect(self._toggle_example)
        self.example_view = QTextBrowser()
        self.example_view.setObjectName("exampleView")
        self.example_view.setAccessibleName(self.tr("Worked example: Patriciahuset"))
        self.example_view.setHtml(self._example_html())
        self.example_view.setMinimumHeight(260)
        self.example_view.setVisible(False)
        self.completeness_label = QLabel()
        self.completeness_label.setObjectName("completenessLabel")
        self.completeness_label.setWordWrap(True)
        self.completeness_label.setTextFormat(Qt.TextFormat.RichText)
        self.completeness_label.linkActivated.connect(self.go_to_field)
        self._suggest = suggest
        self.default_municipality: str | None = None
        """The user's own municipality (Indstillinger → Kommune): a new profile starts with it."""
        self._rejected: set[tuple[str, str]] = set()
        self._suggested_for: str | None = None
        self.suggestions = CodeSuggestions()
        self.suggestions.setObjectName("codeSuggestions")
        self.suggestions.accepted.connect(self._accept_suggestion)
        self.suggestions.rejected.connect(lambda f, c: self._rejected.add((f, c)))
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self.refresh_suggestions)
        self.build_form(
            top=[self.example_button, self.example_view],
            header=[self.completeness_label, self.suggestions],
        )
        self.save_button.setAccessibleName(self.tr("Save the dating profile"))
        self.saved.connect(self.actor_saved)
        self._decorate()
        self.duplicates = DuplicateWarning(find_similar or (lambda *_a: []))
        self.duplicates.setObjectName("duplicateWarning")
        self.duplicates.open_requested.connect(self.open_actor_requested)
        # Once saved, the name is the record's own: a look-up still pending would find itself.
        self.saved.connect(self.duplicates.clear)
        name_cell = self.errors["name"].parentWidget()
        name_cell.layout().insertWidget(1, self.duplicates)  # type: ignore[union-attr]
        self.start_new()

    # ----------------------------------------------------------------- API kept for callers

    def new_actor(self) -> None:
        """Start an empty profile (no id until it is first saved)."""
        self.start_new()

    def set_default_municipality(self, code: str | None) -> None:
        """Give new profiles ``code``; an empty new profile on screen gets it now."""
        if code == self.default_municipality:
            return
        self.default_municipality = code
        if self.current_id() is None and not self.is_dirty():
            self.start_new()

    def load_actor(self, actor_id: str) -> bool:
        """Show the stored actor. Call ``maybe_leave`` first if the current edits matter."""
        if not self.load(actor_id):
            return False
        if self._personal_kind() and self._values["public"]:
            # Stored before the rule held: offer the fix as an undoable, unsaved change.
            self.push_field("public", False)
        return True

    def current_actor_id(self) -> str | None:
        return self.current_id()

    def current_actor(self) -> Actor:
        return self.current_record()

    @property
    def resource_table(self) -> Any:
        table = self.bindings["resources_offered"].widget
        assert isinstance(table, ResourceTable)
        return table.table

    @property
    def add_resource_button(self) -> Any:
        return self._resources_widget().add_button

    @property
    def remove_resource_button(self) -> Any:
        return self._resources_widget().remove_button

    def _resources_widget(self) -> ResourceTable:
        table = self.bindings["resources_offered"].widget
        assert isinstance(table, ResourceTable)
        return table

    # ----------------------------------------------------------------- declarations

    def sections(self) -> Sequence[Section]:
        examples = tuple(
            Line(
                f"profile.success_examples[{i}]",
                self.tr("Example %1").replace("%1", str(i + 1)),
                self.tr(
                    "1-3 examples of successful projects or efforts. What made them successful?"
                )
                if i == EXAMPLES - 1
                else "",
                placeholder=self.tr("What was it, and what made it successful?"),
            )
            for i in range(EXAMPLES)
        )
        precisions = {
            "address": self.tr("Address"),
            "postcode": self.tr("Postcode"),
            "municipality": self.tr("Municipality"),
            "manual": self.tr("Placed by hand"),
        }
        coordinates = self.tr("Decimal degrees, e.g. 55,4765 and 8,4594; give both or neither.")
        return [
            Section(
                self.tr("Social dating profile"),
                (
                    Line(
                        "name",
                        self.tr("Name"),
                        self.tr("The name the actor is known by locally."),
                        True,
                    ),
                    Choice(
                        "kind",
                        self.tr("Type"),
                        self.tr(
                            "Which kind of actor: an individual volunteer, an association, a "
                            "company, a public institution …"
                        ),
                        True,
                        facet="actor_kinds",
                        empty=self.tr("Choose a type…"),
                    ),
                    Text(
                        "profile.we_are",
                        self.tr("We are …"),
                        self.tr("Who are you, and what do you do?"),
                    ),
                    Count(
                        "employees",
                        self.tr("Employees"),
                        self.tr("Paid staff."),
                        not_stated=self.tr("Not stated"),
                    ),
                    Count(
                        "volunteers",
                        self.tr("Volunteers"),
                        self.tr("Active volunteers."),
                        not_stated=self.tr("Not stated"),
                    ),
                    Resources(
                        "resources_offered",
                        self.tr("Resources and competences"),
                        self.tr(
                            "What you can offer a partnership: funding, staff or volunteer "
                            "hours, premises, competences. Amounts as 250.000 or 2,5."
                        ),
                    ),
                    Codes(
                        "target_groups",
                        self.tr("Target groups"),
                        self.tr("The target groups you work with."),
                        facet="target_groups",
                    ),
                    Text(
                        "profile.role_towards_target_group",
                        self.tr("Our role towards the target group"),
                        self.tr(
                            "What you do for them: run a service, advise, bring people together."
                        ),
                    ),
                    Codes(
                        "roles",
                        self.tr("Roles"),
                        self.tr("Roles you can take in a partnership, e.g. bridge builder."),
                        facet="roles",
                    ),
                    Codes(
                        "prevention_levels",
                        self.tr("Prevention level"),
                        self.tr("Before the problem arises, early, treatment or rehabilitation."),
                        facet="prevention_levels",
                    ),
                    Text(
                        "profile.best_at",
                        self.tr("We are best at …"),
                        self.tr("What a partner can count on."),
                    ),
                    Text(
                        "profile.worst_at",
                        self.tr("We are worst at …"),
                        self.tr("Where you fall short: what you need from a partner."),
                    ),
                    *examples,
                    Text(
                        "profile.attractive_partner_because",
                        self.tr("What makes you an attractive partner?"),
                        self.tr("What you bring that makes you worth collaborating with."),
                    ),
                    Text(
                        "profile.how_we_know_it_works",
                        self.tr("This is how we know our effort works"),
                        self.tr("How you document the value you create."),
                    ),
                    Choice(
                        "profile.evidence_level",
                        self.tr("Evidence level"),
                        self.tr("From case studies (low) to systematic reviews (high)."),
                        facet="evidence_levels",
                        empty=self.tr("Not stated"),
                    ),
                ),
                name="profile",
            ),
            Section(
                self.tr("We seek …"),
                (
                    Text(
                        "seeking.description",
                        self.tr("We seek a partner who …"),
                        self.tr("What you look for in a partner, in your own words."),
                    ),
                    Codes(
                        "seeking.resources",
                        self.tr("Resources we seek"),
                        self.tr("Resources you lack and would like a partner to bring."),
                        facet="resource_kinds",
                    ),
                    Codes(
                        "seeking.roles",
                        self.tr("Roles we seek in a partner"),
                        self.tr("The roles a partner should take, e.g. bridge builder, funder."),
                        facet="roles",
                    ),
                    Codes(
                        "seeking.target_groups",
                        self.tr("Target groups we seek to reach"),
                        self.tr("Target groups you want to reach through a partner."),
                        facet="target_groups",
                    ),
                ),
                name="seeking",
                note=self.tr(
                    "The other half of the dating profile: matching uses it for reciprocity."
                ),
            ),
            Section(
                self.tr("Location"),
                (
                    Line("location.address", self.tr("Address"), self.tr("Street and number.")),
                    Line(
                        "location.postcode",
                        self.tr("Postcode"),
                        self.tr("Four digits, e.g. 6700: places the actor on the map."),
                        max_length=4,
                    ),
                    Line("location.city", self.tr("City"), self.tr("Filled in from the postcode.")),
                    Choice(
                        "location.municipality_code",
                        self.tr("Municipality"),
                        self.tr("Filled in from the postcode."),
                        items=[
                            (m.code, f"{m.name} ({m.code})")
                            for m in sorted(municipalities().values(), key=lambda m: m.name)
                        ],
                        empty=self.tr("Not stated"),
                    ),
                    Line("location.lat", self.tr("Latitude"), coordinates),
                    Line("location.lon", self.tr("Longitude"), coordinates),
                    Choice(
                        "location.precision",
                        self.tr("Precision"),
                        self.tr("How exact the point on the map is."),
                        items=[(c, precisions.get(c, c)) for c in LOCATION_PRECISIONS],
                        empty=self.tr("Not stated"),
                    ),
                ),
                name="location",
            ),
            Section(
                self.tr("Contact"),
                (
                    Line(
                        "contact.name",
                        self.tr("Contact person"),
                        self.tr("Personal data: on public maps only when the actor agreed."),
                    ),
                    Line(
                        "contact.email", self.tr("E-mail"), self.tr("For example name@example.dk.")
                    ),
                    Line("contact.phone", self.tr("Phone"), self.tr("For example 75 12 34 56.")),
                    Line(
                        "contact.website",
                        self.tr("Website"),
                        self.tr("For example https://www.example.dk."),
                    ),
                ),
                name="contact",
            ),
            Section(
                self.tr("Publishing and consent"),
                (
                    Check(
                        "public",
                        self.tr("Public"),
                        self.tr("Public actors may appear on exported partner maps."),
                    ),
                    Check(
                        "active",
                        self.tr("Active"),
                        self.tr("Inactive actors are kept but not proposed as partners."),
                    ),
                    Date(
                        "consent.given_on",
                        self.tr("Consent given on"),
                        self.tr("The date the person or organisation agreed to be registered."),
                        empty=self.tr("No consent"),
                    ),
                    Line(
                        "consent.purpose",
                        self.tr("Purpose of the consent"),
                        self.tr("What the data is kept for, e.g. matching with volunteer tasks."),
                    ),
                    Date(
                        "verified_on",
                        self.tr("Verified on"),
                        self.tr("When the record was last checked with the actor."),
                        empty=self.tr("Not verified"),
                    ),
                ),
                name="publishing",
            ),
            Section(
                self.tr("To review"),
                (
                    ReviewNotes(
                        "review_notes",
                        self.tr("Kept from an import"),
                        self.tr(
                            "Values a register import could not place (a target group, kind or "
                            "postcode it does not know). Correct the record above, then mark "
                            "them resolved."
                        ),
                        empty=self.tr("Nothing to review"),
                        resolve=self.tr("Mark as &resolved"),
                    ),
                ),
                name="review",
            ),
        ]

    def _decorate(self) -> None:
        """The few widgets that are not fields: sector, volunteer note, place status."""
        self.sector_label = QLabel()
        self.sector_label.setObjectName("sectorLabel")
        self.volunteer_note = QLabel(
            self.tr(
                "An individual volunteer is a person: under the GDPR the record is kept only "
                "with the person's consent and a stated purpose, and it never appears on "
                "public maps."
            )
        )
        self.volunteer_note.setObjectName("volunteerNote")
        self.volunteer_note.setWordWrap(True)
        self.volunteer_note.setStyleSheet("border-left: 3px solid #b3261e; padding-left: 6px;")
        self.volunteer_note.setVisible(False)
        kind_cell = self.errors["kind"].parentWidget()
        kind_cell.layout().addWidget(self.sector_label)  # type: ignore[union-attr]
        kind_cell.layout().addWidget(self.volunteer_note)  # type: ignore[union-attr]
        self.place_label = QLabel()
        self.place_label.setObjectName("placeStatus")
        self.place_label.setWordWrap(True)
        postcode_cell = self.errors["location.postcode"].parentWidget()
        postcode_cell.layout().addWidget(self.place_label)  # type: ignore[union-attr]
        self.public_check = self.inputs["public"]
        self.active_check = self.inputs["active"]
        self.public_guidance = self.guidance["public"]

    # ----------------------------------------------------------------- values

    def values_of(self, record: Actor | None) -> dict[str, Any]:
        a = record or Actor(id="", name="", kind="")
        p, loc, c, s = a.profile, a.location, a.contact, a.seeking
        examples = [*p.success_examples, *([""] * EXAMPLES)][:EXAMPLES]

        def coordinate(value: float | None) -> str:
            return "" if value is None else repr(value).replace(".", ",")

        return {
            "name": a.name,
            "kind": a.kind or None,
            "profile.we_are": p.we_are or "",
            "employees": a.employees,
            "volunteers": a.volunteers,
            "resources_offered": rows_of(a.resources_offered),
            "target_groups": a.target_groups,
            "profile.role_towards_target_group": p.role_towards_target_group or "",
            "roles": a.roles,
            "prevention_levels": a.prevention_levels,
            "profile.best_at": p.best_at or "",
            "profile.worst_at": p.worst_at or "",
            **{f"profile.success_examples[{i}]": t for i, t in enumerate(examples)},
            "profile.attractive_partner_because": p.attractive_partner_because or "",
            "profile.how_we_know_it_works": p.how_we_know_it_works or "",
            "profile.evidence_level": p.evidence_level,
            "seeking.description": s.description or "",
            "seeking.resources": s.resources,
            "seeking.roles": s.roles,
            "seeking.target_groups": s.target_groups,
            "location.address": loc.address or "",
            "location.postcode": loc.postcode or "",
            "location.city": loc.city or "",
            "location.municipality_code": (
                loc.municipality_code if record else self.default_municipality
            ),
            "location.lat": coordinate(loc.lat),
            "location.lon": coordinate(loc.lon),
            "location.precision": loc.precision,
            "contact.name": c.name or "",
            "contact.email": c.email or "",
            "contact.phone": c.phone or "",
            "contact.website": c.website or "",
            "public": a.public,
            "active": a.active,
            "consent.given_on": a.consent.given_on,
            "consent.purpose": a.consent.purpose or "",
            "verified_on": a.verified_on,
            "review_notes": a.review_notes,
        }

    def record_from(self, values: Mapping[str, Any]) -> Actor:
        def text(key: str) -> str | None:
            return str(values[key]).strip() or None

        coordinates: dict[str, float | None] = {}
        for key in COORDINATES:
            try:
                coordinates[key] = parse_coordinate(values[key])
            except ValueError:
                coordinates[key] = None
        resources, _bad = resources_of(values["resources_offered"])
        examples = (text(f"profile.success_examples[{i}]") for i in range(EXAMPLES))
        return replace(
            self._base or Actor(id=self._record_id or "new-actor", name="", kind=""),
            name=str(values["name"]).strip(),
            kind=values["kind"] or "",
            employees=values["employees"],
            volunteers=values["volunteers"],
            target_groups=tuple(values["target_groups"]),
            resources_offered=resources,
            roles=tuple(values["roles"]),
            prevention_levels=tuple(values["prevention_levels"]),
            profile=Profile(
                we_are=text("profile.we_are"),
                best_at=text("profile.best_at"),
                worst_at=text("profile.worst_at"),
                success_examples=tuple(e for e in examples if e),
                attractive_partner_because=text("profile.attractive_partner_because"),
                role_towards_target_group=text("profile.role_towards_target_group"),
                how_we_know_it_works=text("profile.how_we_know_it_works"),
                evidence_level=values["profile.evidence_level"],
            ),
            seeking=ActorSeeking(
                description=text("seeking.description"),
                resources=tuple(values["seeking.resources"]),
                roles=tuple(values["seeking.roles"]),
                target_groups=tuple(values["seeking.target_groups"]),
            ),
            location=Location(
                address=text("location.address"),
                postcode=text("location.postcode"),
                city=text("location.city"),
                municipality_code=values["location.municipality_code"],
                lat=coordinates["location.lat"],
                lon=coordinates["location.lon"],
                precision=values["location.precision"],
            ),
            contact=Contact(
                name=text("contact.name"),
                email=text("contact.email"),
                phone=text("contact.phone"),
                website=text("contact.website"),
            ),
            public=bool(values["public"]),
            active=bool(values["active"]),
            consent=Consent(given_on=values["consent.given_on"], purpose=text("consent.purpose")),
            verified_on=values["verified_on"],
            review_notes=tuple(values["review_notes"]),
        )

    def new_id(self, record: Actor) -> str:
        return self._edits.new_actor_id(record.name, record.location.municipality_code)

    @staticmethod
    def with_id(record: Actor, record_id: str) -> Actor:
        return replace(record, id=record_id)

    def display_name(self) -> str:
        name = str(self._values.get("name") or "").strip()
        return name or self.tr("New actor")

    def field_for(self, path: str) -> str:
        if path.startswith("profile.success_examples["):
            return path if path in self.bindings else ""
        if path.startswith("location.municipality_code"):
            return "location.municipality_code"
        return super().field_for(path)

    # ----------------------------------------------------------------- behaviour

    def form_problems(self) -> dict[str, str]:
        problems = {}
        for key in COORDINATES:
            try:
                parse_coordinate(self._values[key])
            except ValueError:
                problems[key] = self.tr("Not a number: use decimal degrees such as 55,4765.")
        _resources, bad = resources_of(self._values["resources_offered"])
        self._resources_widget().mark_invalid(bad)
        if bad:
            problems["resources_offered"] = self.tr(
                "Hours and DKK must be numbers, e.g. 40 or 250.000 (row %1)."
            ).replace("%1", str(bad[0][0] + 1))
        return problems

    def follows(self, field: str, new: Any) -> list[Change]:
        changes: list[Change] = []
        personal = field == "kind" and self._vocabulary.holds_personal_data(new or "")
        if personal and self._values["public"]:
            # Choosing 'individual volunteer' takes the record off public maps, in one step.
            changes.append(("public", True, False))
        if field == "location.postcode":
            place = postcode_place(str(new).strip()) if len(str(new).strip()) == 4 else None
            if place is not None:
                if not self._values["location.city"]:
                    changes.append(("location.city", "", place.name))
                code = self._values["location.municipality_code"]
                if not code or self._untouched_default(code):  # the postcode knows better
                    changes.append(("location.municipality_code", code, place.municipality_code))
        return changes

    def _untouched_default(self, code: str) -> bool:
        return (
            self.current_id() is None
            and code == self.default_municipality
            and "location.municipality_code" not in self._touched
        )

    def field_applied(self, field: str) -> None:
        if field == "kind":
            self._kind_changed()
        if field in ("name", "location.municipality_code") and hasattr(self, "duplicates"):
            renamed = self._record_id is None or self._values["name"] != self._saved_values.get(
                "name"
            )
            # Creating or renaming is when a duplicate is born; a stored name is left alone.
            if renamed:
                self.duplicates.check(
                    self._values["name"],
                    self._values["location.municipality_code"],
                    self._record_id,
                )
            else:
                self.duplicates.clear()
        if field.startswith("location."):
            self._update_place()
        self._update_completeness()
        if self._suggest is not None and (field in SUGGESTION_FIELDS or field in TEXT_SOURCES):
            self._suggest_timer.start()

    # ----------------------------------------------------------------- suggested codes

    def refresh_suggestions(self) -> None:
        """Codes the profile's words suggest and it does not declare (nor were rejected)."""
        if self._suggest is None:
            return
        if self._suggested_for != self._record_id:
            self._rejected.clear()  # another record: its own decisions
            self._suggested_for = self._record_id
        record = self.record_from(self._values)
        shown = pick_suggestions(
            record, self._suggest(record), self._rejected, self._vocabulary, self._lang
        )
        self.suggestions.set_suggestions(shown)

    def _accept_suggestion(self, field: str, code: str) -> None:
        if field == "resources_offered":
            rows = self._values["resources_offered"]
            self.push_field(field, (*rows, (code, "", "", "")))
        else:
            current = tuple(self._values[field])
            if code not in current:
                self.push_field(field, (*current, code))
        self.refresh_suggestions()

    def _update_completeness(self) -> None:
        """'Profile 45 % complete · fill in next: Target groups' (a link to that field)."""
        found = completeness(self.record_from(self._values))
        text = self.tr("Profile %1 % complete").replace("%1", str(found.percent))
        field = next((f for f in found.missing if f in self.bindings), None)
        if field is not None:
            title = html.escape(field_title_of(field))
            text = (
                html.escape(text)
                + " · "
                + self.tr("fill in next: %1").replace("%1", f"<a href='{field}'>{title}</a>")
            )
        self.completeness_label.setText(text)

    def go_to_field(self, field: str) -> None:
        """Bring a field into view and put the cursor in it (the completeness link)."""
        target = self.inputs.get(field)
        if target is None:
            return
        self.scroll_area.ensureWidgetVisible(self.bindings[field].widget)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_resource(self) -> None:
        table = self._resources_widget()
        rows = (*self._values["resources_offered"], (table.first_kind, "", "", ""))
        self.push_field("resources_offered", rows)
        table.edit_kind(len(rows) - 1)

    def _remove_resource(self, row: int) -> None:
        rows = self._values["resources_offered"]
        if 0 <= row < len(rows):
            self.push_field("resources_offered", (*rows[:row], *rows[row + 1 :]))

    def build_form(
        self,
        top: Sequence[QWidget] = (),
        bottom: Sequence[QWidget] = (),
        header: Sequence[QWidget] = (),
    ) -> None:
        super().build_form(top, bottom, header)
        table = self._resources_widget()
        table.add_requested.connect(self._add_resource)
        table.remove_requested.connect(self._remove_resource)

    def _personal_kind(self) -> bool:
        return self._vocabulary.holds_personal_data(self._values.get("kind") or "")

    def _kind_changed(self) -> None:
        kind = self._values["kind"]
        sector = self._vocabulary.sector_of(kind) if kind else None
        self.sector_label.setText(
            self.tr("Sector: %1").replace(
                "%1", self._vocabulary.label("sectors", sector, self._lang)
            )
            if sector
            else ""
        )
        personal = self._personal_kind()
        self.volunteer_note.setVisible(personal)
        self.public_check.setEnabled(not personal)
        self.public_guidance.setText(
            self.tr("Individual volunteers are never shown on public maps.")
            if personal
            else self.tr("Public actors may appear on exported partner maps.")
        )
        required = " *" if personal else ""
        self.captions["consent.given_on"].setText(self.tr("Consent given on") + required)
        self.captions["consent.purpose"].setText(self.tr("Purpose of the consent") + required)

    def _update_place(self) -> None:
        """Say whether the actor will be on the map, and from what."""
        v = self._values
        try:
            has_point = all(parse_coordinate(v[k]) is not None for k in COORDINATES)
        except ValueError:
            has_point = False
        place = postcode_place(v["location.postcode"].strip() or None)
        code = v["location.municipality_code"]
        from_postcode = v["location.precision"] == "postcode"
        if has_point and not (from_postcode and place is not None):
            text = self.tr("On the map at the coordinates given.")
        elif place is not None:
            text = (
                self.tr("On the map by postcode: %1 %2, %3 municipality.")
                .replace("%1", place.postcode)
                .replace("%2", place.name)
                .replace("%3", municipality_name(place.municipality_code) or "")
            )
        elif code:
            text = self.tr("Not on the map — give a postcode (municipality %1 is known).").replace(
                "%1", municipality_name(code) or code
            )
        else:
            text = self.tr("Not on the map — give a postcode.")
        self.place_label.setText(text)

    # ----------------------------------------------------------------- the example

    def _toggle_example(self, shown: bool) -> None:
        self.example_view.setVisible(shown)
        self.example_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _example_html(self) -> str:
        """A short summary of the worked example in Arbejdsspørgsmål 5 (Patriciahuset)."""
        rows = [
            (
                self.tr("We are"),
                self.tr(
                    "One of the municipality's socio-psychiatric services, with 17 staff, most "
                    "with a background in social education. We offer a place of development and "
                    "learning for citizens aged 18-60 with a mental illness."
                ),
            ),
            (
                self.tr("We seek a partner for"),
                self.tr(
                    "An open café that builds bridges to the municipality's other services and "
                    "to activities in the local community: volunteers who help users without a "
                    "network get going with something out in the world, so that in time they "
                    "can use the ordinary services instead of the institutions."
                ),
            ),
            (
                self.tr("We are good at"),
                self.tr(
                    "Making the target group stronger: skilled professional staff help the "
                    "users develop within the walls of the house."
                ),
            ),
            (
                self.tr("We are less good at"),
                self.tr(
                    "We lack bridge builders who can create contact with the world outside: "
                    "internships, self-help groups, evening classes and so on."
                ),
            ),
            (
                self.tr("Our role in the project"),
                self.tr(
                    "To provide the premises and sparring with our professional staff whenever "
                    "it is needed."
                ),
            ),
            (
                self.tr("How we know it works"),
                self.tr(
                    "When the users are attached to offers outside the house: we know it works "
                    "when we have made ourselves superfluous."
                ),
            ),
            (
                self.tr("We seek someone who"),
                self.tr(
                    "Can provide volunteers to link the users to the local community, for "
                    "example a voluntary organisation working with mentally vulnerable people."
                ),
            ),
            (
                self.tr("As a partner you get"),
                self.tr(
                    "Access to the target group, a say in the café project, good surroundings "
                    "and professional sparring."
                ),
            ),
        ]
        body = "".join(
            f"<p><b>{html.escape(title)}:</b> {html.escape(text)}</p>" for title, text in rows
        )
        intro = self.tr(
            "From the guide to future welfare alliances, working question 5. The first half "
            "describes the actor (this form); the half that seeks a partner becomes a problem "
            "statement."
        )
        heading = self.tr("Dating profile: Patriciahuset in Esbjerg seeks a bridge builder")
        return f"<h3>{html.escape(heading)}</h3><p><i>{html.escape(intro)}</i></p>{body}"
