"""The "Export partner map…" dialog: scope, a privacy preview of what will be included, file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from mapper.domain.vocabulary import Vocabulary
from mapper.services.maps import MapService, PartnerMapData
from ui.operations import run_in_background

PREVIEW_NAMES = 200
FOLDER_KEY = "export_map/folder"
TITLE_KEY = "export_map/title"
DEFAULT_FILE = "partnerkort.html"


class ExportMapDialog(QDialog):
    """Choose what to publish, see exactly who will be on the map, and write the file."""

    preview_ready = Signal(int)
    """Emitted with the number of actors the map will show, after each preview."""
    exported = Signal(str)
    """Emitted with the file's path once it is written."""

    def __init__(
        self,
        maps: MapService,
        vocabulary: Vocabulary,
        lang: str = "da",
        problems: list[tuple[str, str]] | None = None,
        municipalities: list[tuple[str, str]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export partner map"))
        self.setObjectName("exportMapDialog")
        self._maps = maps
        self._lang = lang
        self._data: PartnerMapData | None = None
        self._generation = 0

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("What the map shows"))
        for key, label in (
            ("all", self.tr("The whole landscape")),
            ("municipality", self.tr("One municipality")),
            ("target_group", self.tr("One target group")),
            ("resource", self.tr("One resource")),
            ("problem", self.tr("The ranked partners of a problem statement")),
        ):
            self.scope.addItem(label, key)
        self.value = QComboBox()
        self.value.setAccessibleName(self.tr("Which one"))
        self._choices: dict[str, list[tuple[str, str]]] = {
            "municipality": municipalities or [],
            "target_group": [(t.code, t.label(lang)) for t in vocabulary.terms("target_groups")],
            "resource": [(t.code, t.label(lang)) for t in vocabulary.terms("resource_kinds")],
            "problem": problems or [],
        }
        self.top = QSpinBox()
        self.top.setRange(1, 200)
        self.top.setValue(25)
        self.top.setAccessibleName(self.tr("Number of ranked partners"))
        settings = QSettings()
        self.title_edit = QLineEdit(str(settings.value(TITLE_KEY, "") or ""))
        self.title_edit.setAccessibleName(self.tr("Title of the map"))
        self.title_edit.setPlaceholderText(self.tr("Partner map"))
        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "da" else 1)
        self.language.setAccessibleName(self.tr("Language of the map"))
        self.boundaries = QCheckBox(
            self.tr("Municipality boundaries (built in, or the layer you imported)")
        )
        self.boundaries.setChecked(True)
        self.online = QCheckBox(self.tr("Offer an online background map (needs network)"))
        # The folder (and title) of the last export: maps are usually published to one place.
        folder = Path(str(settings.value(FOLDER_KEY, "") or Path.home()))
        self.path_edit = QLineEdit(str(folder / DEFAULT_FILE))
        self.path_edit.setAccessibleName(self.tr("File to write"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Show"), self.scope)
        form.addRow(self.tr("Which"), self.value)
        form.addRow(self.tr("Partners"), self.top)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.boundaries)
        form.addRow("", self.online)
        form.addRow(self.tr("File"), path_row)

        self.summary = QLabel()
        self.summary.setObjectName("privacySummary")
        self.summary.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("privacyNames")
        self.names.setAccessibleName(self.tr("Actors that will be on the map"))
        privacy = QLabel(
            self.tr(
                "Never on a public map: individual volunteers, actors that are not public or not "
                "active. Contact persons only for actors that gave consent."
            )
        )
        privacy.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setEnabled(False)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(self.summary)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.buttons)

        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.value.currentIndexChanged.connect(lambda _i: self.preview())
        self.top.valueChanged.connect(lambda _v: self.preview())
        self.boundaries.toggled.connect(lambda _v: self.preview())
        self._scope_changed()
        self.resize(560, 620)

    # ----------------------------------------------------------------- preview

    def set_scope(self, scope: str, value: str | None = None) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        if value is not None:
            self.value.setCurrentIndex(max(0, self.value.findData(value)))

    def _scope_changed(self) -> None:
        scope = self.scope.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        for code, label in self._choices.get(scope, []):
            self.value.addItem(label, code)
        self.value.blockSignals(False)
        self.value.setEnabled(scope != "all")
        self.top.setEnabled(scope == "problem")
        self.preview()

    def preview(self) -> None:
        """Compute, in the background, exactly what the map will contain."""
        scope = self.scope.currentData()
        value = self.value.currentData() if scope != "all" else None
        self.export_button.setEnabled(False)
        if scope != "all" and not value:
            self.summary.setText(self.tr("Choose which one to show."))
            self.names.clear()
            return
        self._generation += 1
        generation = self._generation
        maps, top, with_shapes = self._maps, self.top.value(), self.boundaries.isChecked()
        title = self.title_edit.text().strip() or None

        def build() -> PartnerMapData:
            shapes = maps.boundaries_for(scope, value) if with_shapes else []
            return maps.partner_map(
                scope=scope, value=value, top=top, title=title, boundaries=shapes
            )

        self.summary.setText(self.tr("Working out what the map will show…"))
        run_in_background(
            self,
            build,
            on_success=lambda d: self._previewed(generation, d),
            on_failure=lambda e, _d: self._preview_failed(generation, e),
        )

    def _previewed(self, generation: int, data: PartnerMapData) -> None:
        if generation != self._generation:
            return
        self._data = data
        left = data.left_out
        contacts = sum(1 for a in data.actors if a.contact_name or a.contact_email)
        self.summary.setText(
            self.tr(
                "%1 actors on the map (%2 with a contact person). Left out: "
                "%3 individual volunteers, %4 not public, %5 inactive, %6 without a "
                "location. %7 boundary shapes."
            )
            .replace("%1", str(len(data.actors)))
            .replace("%2", str(contacts))
            .replace("%3", str(left.get("personal", 0)))
            .replace("%4", str(left.get("not_public", 0)))
            .replace("%5", str(left.get("inactive", 0)))
            .replace("%6", str(left.get("no_location", 0)))
            .replace("%7", str(len(data.boundaries)))
        )
        self.names.clear()
        for actor in data.actors[:PREVIEW_NAMES]:
            prefix = f"{actor.rank}. " if actor.rank else ""
            self.names.addItem(prefix + actor.name)
        if len(data.actors) > PREVIEW_NAMES:
            self.names.addItem(
                self.tr("… and %1 more").replace("%1", str(len(data.actors) - PREVIEW_NAMES))
            )
        self.export_button.setEnabled(True)
        self.preview_ready.emit(len(data.actors))

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._data = None
            self.summary.setText(str(error))
            self.names.clear()

    # ----------------------------------------------------------------- export

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export partner map"),
            self.path_edit.text(),
            self.tr("Web pages (*.html)"),
        )
        if path:
            self.path_edit.setText(path if path.endswith(".html") else f"{path}.html")

    def export(self) -> None:
        data, path = self._data, self.path_edit.text().strip()
        if data is None or not path:
            return
        title = self.title_edit.text().strip()
        if title and title != data.title:
            from dataclasses import replace

            data = replace(data, title=title)
        lang, online = self.language.currentData(), self.online.isChecked()
        settings = QSettings()
        settings.setValue(FOLDER_KEY, str(Path(path).parent))
        settings.setValue(TITLE_KEY, title)
        self.export_button.setEnabled(False)
        # folium loads when a map is exported, not when the window starts.
        from exports.partner_map import write_partner_map

        run_in_background(
            self,
            lambda: write_partner_map(data, path, lang=lang, online_tiles=online),
            on_success=lambda _report: self._exported(path),
            on_failure=self._export_failed,
        )

    def _export_failed(self, error: BaseException, _details: str) -> None:
        self.summary.setText(str(error))
        self.export_button.setEnabled(True)

    def _exported(self, path: str) -> None:
        self.exported.emit(path)
        self.summary.setText(self.tr("Written to %1").replace("%1", path))
        open_button = QPushButton(self.tr("Open in browser"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
        self.buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
