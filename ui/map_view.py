"""The map inside the application: the exported partner map, or the coverage map (dækningskort),
in a QWebEngineView.

Each page is written to a temporary file and loaded from there (setHtml is limited to 2 MB).
A QWebChannel carries marker clicks to the application (``actor_clicked``) and ``select_actor``
pans the map to an actor. If QtWebEngine cannot start, the view says why and the rest of the
application works as before.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTemporaryDir, QUrl, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mapper.services.coverage_map import CoverageMap
from mapper.services.maps import PartnerMapData

# Chromium refuses to run its sandbox as root (containers, CI); elsewhere the sandbox stays on.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

try:  # QtWebEngine is a separate wheel and needs system libraries; the app works without it
    from PySide6.QtWebChannel import QWebChannel
    from PySide6.QtWebEngineCore import QWebEngineSettings
    from PySide6.QtWebEngineWidgets import QWebEngineView

    WEBENGINE_ERROR: str | None = None
except ImportError as exc:  # pragma: no cover - depends on the machine
    WEBENGINE_ERROR = str(exc)


class MapBridge(QObject):
    """The object the page talks to (``channel.objects.bridge``)."""

    actor_clicked = Signal(str)
    map_ready = Signal()

    @Slot(str)
    def actorClicked(self, actor_id: str) -> None:
        self.actor_clicked.emit(actor_id)

    @Slot()
    def mapReady(self) -> None:
        self.map_ready.emit()


class MapView(QWidget):
    """Shows a partner map (emits ``actor_clicked(id)`` when a marker is clicked) or a coverage
    map; ``map_ready`` once either is drawn."""

    actor_clicked = Signal(str)
    map_ready = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._dir = QTemporaryDir()
        self._ready = False
        self._pending: str | None = None
        self.showing = "partners"
        """Which page is shown: 'partners' or 'coverage'."""
        self.web: Any = None
        self.unavailable: QLabel | None = None
        if WEBENGINE_ERROR is not None:
            self._show_unavailable(WEBENGINE_ERROR)
            return
        self.web = QWebEngineView(self)
        self.web.setAccessibleName(self.tr("Map of the landscape"))
        settings = self.web.settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        self.bridge = MapBridge(self)
        self.bridge.actor_clicked.connect(self.actor_clicked)
        self.bridge.map_ready.connect(self._on_ready)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.web.page().setWebChannel(self.channel)
        self.web.renderProcessTerminated.connect(self._crashed)
        layout.addWidget(self.web)

    @property
    def available(self) -> bool:
        return self.web is not None

    @property
    def page_file(self) -> Path:
        return Path(self._dir.path()) / "partner_map.html"

    @property
    def coverage_file(self) -> Path:
        return Path(self._dir.path()) / "coverage_map.html"

    def show_map(self, data: PartnerMapData, lang: str = "da") -> None:
        if self.web is None:
            return
        # folium (and pandas behind it) load when a map is first drawn, not at start-up.
        from exports.partner_map import render_partner_map

        self._ready = False
        self.showing = "partners"
        self.page_file.write_text(
            render_partner_map(data, lang=lang, app_bridge=True), encoding="utf-8"
        )
        self.web.load(QUrl.fromLocalFile(str(self.page_file)))

    def show_coverage(self, data: CoverageMap, lang: str = "da") -> None:
        """The coverage map of ``data`` (from a file: the shapes can exceed setHtml's 2 MB)."""
        if self.web is None:
            return
        from exports.coverage_map import render_coverage_map

        self._ready = False
        self.showing = "coverage"
        self.coverage_file.write_text(
            render_coverage_map(data, lang=lang, app_bridge=True), encoding="utf-8"
        )
        self.web.load(QUrl.fromLocalFile(str(self.coverage_file)))

    def select_actor(self, actor_id: str) -> None:
        """Pan to the actor and open its popup (once the map is ready); nothing while the
        coverage map is shown (it has no actors)."""
        if self.web is None or self.showing != "partners":
            return
        if not self._ready:
            self._pending = actor_id
            return
        self.web.page().runJavaScript(f"window.partnerMap.select({json.dumps(actor_id)})")

    def _on_ready(self) -> None:
        self._ready = True
        self.map_ready.emit()
        if self._pending:
            pending, self._pending = self._pending, None
            self.select_actor(pending)

    def _crashed(self, status: Any, code: int) -> None:
        self._show_unavailable(
            self.tr("the map's web engine stopped (code %1)").replace("%1", str(code))
        )

    def _show_unavailable(self, reason: str) -> None:
        if self.web is not None:
            self.web.hide()
        self.unavailable = QLabel(
            self.tr("The map cannot be shown: %1. Everything else works as usual.").replace(
                "%1", reason
            )
        )
        self.unavailable.setObjectName("mapUnavailable")
        self.unavailable.setWordWrap(True)
        self._layout.addWidget(self.unavailable)
