"""Read-only HTML of an actor's dating profile and of a problem statement (escaped user text)."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from mapper.domain.model import Actor, ProblemStatement
from mapper.domain.vocabulary import Vocabulary
from ui.models.problem_table import status_label
from ui.text_pieces import review_note_text


class ProfileHtml(QObject):
    """Turns records into the HTML the profile, overview and map panes show."""

    def __init__(self, vocabulary: Vocabulary, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._lang = lang

    def _labels(self, facet: str, codes: tuple[str, ...]) -> str:
        return ", ".join(self._vocabulary.label(facet, c, self._lang) for c in codes)

    @staticmethod
    def _rows(rows: list[tuple[str, str | None]]) -> str:
        cells = "".join(
            f"<tr><th align='left' valign='top'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table cellspacing='4'>{cells}</table>"

    def actor(self, a: Actor) -> str:
        p = a.profile
        resources = "; ".join(
            self._vocabulary.label("resource_kinds", r.kind, self._lang)
            + (f" ({r.description})" if r.description else "")
            for r in a.resources_offered
        )
        rows = [
            (self.tr("Kind"), self._vocabulary.label("actor_kinds", a.kind, self._lang)),
            (
                self.tr("Place"),
                ", ".join(
                    x for x in (a.location.address, a.location.postcode, a.location.city) if x
                ),
            ),
            (self.tr("We are"), p.we_are),
            (self.tr("Target groups"), self._labels("target_groups", a.target_groups)),
            (self.tr("Our role towards the target group"), p.role_towards_target_group),
            (self.tr("Resources and competences"), resources),
            (self.tr("Roles"), self._labels("roles", a.roles)),
            (self.tr("Best at"), p.best_at),
            (self.tr("Worst at"), p.worst_at),
            (self.tr("Successful projects"), " • ".join(p.success_examples)),
            (self.tr("Attractive partner because"), p.attractive_partner_because),
            (self.tr("How we know it works"), p.how_we_know_it_works),
        ]
        review = ""
        if a.review_notes:
            items = "".join(
                f"<li>{html.escape(review_note_text(n.field, n.value, n.reason))}</li>"
                for n in a.review_notes
            )
            title = html.escape(self.tr("To review (kept from an import)"))
            review = f"<h3>{title}</h3><ul>{items}</ul>"
        return f"<h2>{html.escape(a.name)}</h2>" + self._rows(rows) + review

    def problem(self, p: ProblemStatement) -> str:
        s = p.seeking
        sought = "; ".join(
            self._vocabulary.label("resource_kinds", r.kind, self._lang)
            + (f" ({r.description})" if r.description else "")
            for r in s.resources
        )
        rows = [
            (self.tr("Status"), status_label(p.status)),
            (self.tr("Description"), p.description),
            (self.tr("Target groups"), self._labels("target_groups", p.target_groups)),
            (self.tr("Our role in the project"), p.our_role),
            (self.tr("We seek someone who"), s.description),
            (self.tr("Resources sought"), sought),
            (self.tr("Roles sought"), self._labels("roles", s.roles)),
            (self.tr("The partner must not"), s.must_not),
            (self.tr("As a partner you get"), p.partner_gets),
            (
                self.tr("Involves a statutory task"),
                self.tr("Yes") if p.involves_statutory_task else None,
            ),
        ]
        return f"<h2>{html.escape(p.title)}</h2>" + self._rows(rows)
