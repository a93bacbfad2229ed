"""Kort: the public partner map inside the application and the actor chosen on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

from mapper.services.maps import MapService, PartnerMapData
from ui.map_view import MapView
from ui.operations import run_in_background


class MapTab(QSplitter):
    """Builds the map in the background when first shown, and again after changes that move
    markers or shapes (``invalidate``)."""

    failed = Signal(object, str)
    """(error, details) when the map could not be built."""

    def __init__(
        self,
        maps: MapService,
        lang: str,
        selected_actor: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapTab")
        self._maps = maps
        self._lang = lang
        self._selected_actor = selected_actor
        self.loaded = False
        """A map has been built (or is being built) since the last change."""
        self._generation = 0

        self.map_view = MapView()
        self.map_view.setMinimumWidth(320)
        self.map_detail = QTextBrowser()
        self.map_detail.setObjectName("mapDetail")
        self.map_detail.setAccessibleName(self.tr("Details of the actor chosen on the map"))
        self.map_detail.setPlaceholderText(self.tr("Click a marker to see the actor."))
        self.addWidget(self.map_view)
        self.addWidget(self.map_detail)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 1)
        # A web view has no useful size hint: give the map the room from the start.
        self.setSizes([880, 320])

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.load_map()

    def invalidate(self) -> None:
        """Markers or shapes changed: rebuild now if the map is on screen, else when shown."""
        if not self.loaded:
            return
        self.loaded = False
        if self.isVisible():
            self.load_map()

    def load_map(self) -> None:
        """Build the public partner map in the background and show it."""
        if not self.map_view.available:
            return
        self.loaded = True
        self._generation += 1
        generation = self._generation
        maps, title = self._maps, self.tr("Partner map")

        def build() -> PartnerMapData:
            return maps.partner_map(title=title, boundaries=maps.boundaries_for())

        def show(data: Any) -> None:
            if generation != self._generation:  # a later build supersedes this one
                return
            self.map_view.show_map(data, self._lang)
            actor_id = self._selected_actor()
            if actor_id:
                self.map_view.select_actor(actor_id)

        def failed(error: BaseException, details: str) -> None:
            self.loaded = False
            self.failed.emit(error, details)

        run_in_background(self, build, on_success=show, on_failure=failed)

    def show_actor(self, actor_id: str, html_text: str) -> None:
        """The actor selected in the register: its profile beside the map, the map pans to it."""
        self.map_detail.setHtml(html_text)
        if self.loaded:
            self.map_view.select_actor(actor_id)
