"""The File menu's work: import and export the landscape, import boundaries, load the demo
landscape, export a partner map, an HSDS package or the register as CSV/Excel. Long work runs
in the background with a cancellable progress dialog; every change is announced as a
``Changes`` and confirmed in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from exports.hsds import PACKAGE_STEPS, HsdsPackageReport, write_hsds_package
from exports.tabular import register_table, write_table
from mapper.domain.changes import Changes
from mapper.domain.errors import MapperError
from mapper.services.geo import GeoImportReport
from mapper.services.landscape import EXPORT_STEPS, IMPORT_STEPS, ImportReport, LandscapeCounts
from mapper.services.privacy import log_personal_export
from mapper.services.register_import import ImportSummary
from ui.context import AppContext
from ui.error_text import describe_error
from ui.export_map_dialog import ExportMapDialog
from ui.import_wizard import ImportWizard
from ui.operations import run_cancellable, run_in_background

MESSAGE_MS = 10_000


@dataclass(frozen=True)
class BoundaryImport:
    """What a boundary import did: the shapes stored and the actors that got a municipality."""

    report: GeoImportReport
    assigned: int


class FileOperations(QObject):
    """Runs the File menu for a main window; results go to its status bar."""

    import_finished = Signal(bool)
    """After an import or the demo landscape: True when stored, False on failure or Cancel."""
    export_finished = Signal(bool)
    """After a landscape export: True when the file was written."""
    geo_imported = Signal(bool)
    """After a boundary import: True when the layer was stored."""
    exchange_exported = Signal(bool)
    """After an HSDS package or register (CSV/Excel) export: True when written."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        announce: Callable[[Changes], None],
        map_choices: Callable[[], tuple[list[tuple[str, str]], list[tuple[str, str]]]],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._announce = announce
        self._map_choices = map_choices
        """(problems, municipalities) as (code, label) pairs for the partner map dialog."""

    def _message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, MESSAGE_MS)

    def show_error(self, error: BaseException, details: str) -> None:
        self._window.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Something went wrong"),
            describe_error(error),
            parent=self._window,
        )
        if not isinstance(error, MapperError):
            box.setDetailedText(details)
        box.open()

    # ----------------------------------------------------------------- landscape import

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import landscape"),
            "",
            self.tr("Landscape documents (*.json)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> QProgressDialog:
        """Import in the background; Cancel rolls the whole import back."""
        service = self._context.landscape
        name = Path(path).name

        def cancelled() -> None:
            self._message(self.tr("Import cancelled; nothing was changed."))
            self.import_finished.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self.show_error(error, details)
            self.import_finished.emit(False)

        return run_cancellable(
            self._window,
            self.tr("Importing %1…").replace("%1", path),
            lambda step: service.import_file(path, progress=step),
            on_success=lambda report: self._imported(report, name),
            on_failure=failed,
            on_cancelled=cancelled,
            steps=IMPORT_STEPS,
        )

    def ask_import_register(self, path: str = "") -> ImportWizard:
        """The register import wizard (CSV or Excel); the register reloads after an import."""
        wizard = ImportWizard(self._context, self._window, path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._register_imported)
        wizard.open()
        return wizard

    def _register_imported(self, summary: ImportSummary) -> None:
        self._message(
            self.tr("Imported %1: %2 new and %3 updated actors, %4 rows merged, %5 rejected")
            .replace("%1", Path(summary.source).name)
            .replace("%2", str(summary.created))
            .replace("%3", str(summary.updated))
            .replace("%4", str(summary.merged))
            .replace("%5", str(summary.rejected))
        )
        if summary.created or summary.updated:
            self._announce(Changes(everything=True))
        self.import_finished.emit(True)

    def load_demo(self) -> None:
        """Import the demo landscape shipped with the application (idempotent)."""

        def failed(error: BaseException, details: str) -> None:
            self.show_error(error, details)
            self.import_finished.emit(False)

        run_in_background(
            self._window,
            self._context.landscape.load_demo,
            on_success=lambda report: self._imported(report, None),
            on_failure=failed,
        )

    def _imported(self, report: ImportReport, name: str | None) -> None:
        a, p, s = report.actors, report.problems, report.partnerships
        summary = (
            self.tr(
                "%1 new and %2 updated actors, %3 new and %4 updated problem statements, "
                "%5 new partnerships"
            )
            .replace("%1", str(a.created))
            .replace("%2", str(a.updated))
            .replace("%3", str(p.created))
            .replace("%4", str(p.updated))
            .replace("%5", str(s.created))
        )
        if name is None:
            text = self.tr("Demo landscape loaded: %1").replace("%1", summary)
        else:
            text = self.tr("Imported %1: %2").replace("%1", name).replace("%2", summary)
        if report.changed_anything:
            self._announce(Changes(everything=True))
        self._message(text)
        self.import_finished.emit(True)

    # ----------------------------------------------------------------- landscape export

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export landscape"),
            "landskab.json",
            self.tr("Landscape documents (*.json)"),
        )
        if path:
            self.ask_personal_data(path)

    def ask_personal_data(self, path: str) -> QMessageBox:
        """Ask whether the landscape export to ``path`` includes personal data (unchecked:
        left out); OK exports (window-modal)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export landscape"),
            self.tr(
                "Without personal data the file holds no individual volunteers, no partnerships "
                "with them and no contact persons. An export with personal data is logged; "
                "never publish it."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("exportPersonalData")
        check = QCheckBox(
            self.tr("Include personal data (individual volunteers and contact persons)")
        )
        check.setObjectName("includePersonalData")
        box.setCheckBox(check)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Ok:
                self.export_file(path, personal_data=check.isChecked())

        box.finished.connect(answered)
        box.open()
        return box

    def export_file(self, path: str, *, personal_data: bool = False) -> QProgressDialog:
        """Export in the background, with individual volunteers and contact persons only when
        ``personal_data`` (then logged); after Cancel no file is written or replaced."""
        service = self._context.landscape

        def done(counts: LandscapeCounts) -> None:
            if personal_data:  # chosen explicitly: logged (mapper.services.privacy)
                log_personal_export(service.database, "landscape", path, {"actors": counts.actors})
            self._message(
                self.tr("Exported %1 actors to %2")
                .replace("%1", str(counts.actors))
                .replace("%2", path)
            )
            self.export_finished.emit(True)

        def cancelled() -> None:
            self._message(self.tr("Export cancelled."))
            self.export_finished.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self.show_error(error, details)
            self.export_finished.emit(False)

        return run_cancellable(
            self._window,
            self.tr("Exporting to %1…").replace("%1", path),
            lambda step: service.export_file(path, progress=step, personal_data=personal_data),
            on_success=done,
            on_failure=failed,
            on_cancelled=cancelled,
            steps=EXPORT_STEPS,
        )

    # ----------------------------------------------------------------- HSDS, CSV, Excel

    def ask_export_hsds(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export HSDS package"),
            "hsds-pakke",
            self.tr("HSDS package (a new folder)"),
        )
        if path:
            self.export_hsds(path)

    def export_hsds(self, path: str) -> QProgressDialog:
        """Write the public organisations as an HSDS 3.0 package into the folder ``path`` in
        the background; Cancel leaves no package (and an earlier one as it was)."""
        landscape, vocabulary = self._context.landscape, self._context.vocabulary
        total = EXPORT_STEPS + PACKAGE_STEPS

        def work(step: Callable[[int, int], None]) -> HsdsPackageReport:
            actors = landscape.export_landscape(progress=lambda done, _t: step(done, total))
            return write_hsds_package(
                actors.actors,
                path,
                vocabulary=vocabulary,
                progress=lambda done, _t: step(EXPORT_STEPS + done, total),
            )

        def done(report: HsdsPackageReport) -> None:
            left_out = sum(report.left_out.values())
            self._message(
                self.tr("HSDS package: %1 organisations written to %2, %3 left out")
                .replace("%1", str(report.organizations))
                .replace("%2", path)
                .replace("%3", str(left_out))
            )
            self.exchange_exported.emit(True)

        return self._run_export(path, work, done, total)

    def ask_export_register(self) -> None:
        csv_filter = self.tr("CSV for Excel (*.csv)")
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export register"),
            "register.xlsx",
            f"{xlsx_filter};;{csv_filter}",
        )
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".csv" if chosen == csv_filter else ".xlsx"
        views = [
            self.tr("Public view (what may be published)"),
            self.tr("Internal view with contact persons (personal data: never publish it)"),
        ]
        view, ok = QInputDialog.getItem(
            self._window, self.tr("Export register"), self.tr("Which view?"), views, 0, False
        )
        if ok:
            self.export_register(path, internal=view == views[1])

    def export_register(self, path: str, *, internal: bool = False) -> QProgressDialog:
        """The register as CSV (Danish Excel: BOM and ';') or XLSX by the file's suffix: the
        public view, or the internal one with contact persons when asked."""
        landscape, context = self._context.landscape, self._context
        total = EXPORT_STEPS + 1

        def work(step: Callable[[int, int], None]) -> int:
            actors = landscape.export_landscape(progress=lambda done, _t: step(done, total))
            table = register_table(
                actors.actors, lang=context.lang, internal=internal, vocabulary=context.vocabulary
            )
            step(EXPORT_STEPS, total)
            count = write_table(table, path)
            if internal:  # personal data: the choice is logged (mapper.services.privacy)
                log_personal_export(landscape.database, "register_internal", path, {"rows": count})
            return count

        def done(count: int) -> None:
            self._message(
                self.tr("Exported %1 actors to %2").replace("%1", str(count)).replace("%2", path)
            )
            self.exchange_exported.emit(True)

        return self._run_export(path, work, done, total)

    def _run_export(
        self,
        path: str,
        work: Callable[[Callable[[int, int], None]], object],
        done: Callable[[Any], None],
        steps: int,
    ) -> QProgressDialog:
        def cancelled() -> None:
            self._message(self.tr("Export cancelled."))
            self.exchange_exported.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self.show_error(error, details)
            self.exchange_exported.emit(False)

        return run_cancellable(
            self._window,
            self.tr("Exporting to %1…").replace("%1", path),
            work,
            on_success=done,
            on_failure=failed,
            on_cancelled=cancelled,
            steps=steps,
        )

    # ----------------------------------------------------------------- boundaries

    def layer_names(self) -> dict[str, str]:
        """Layer code → what the user calls it."""
        return {
            "municipalities": self.tr("Municipalities"),
            "regions": self.tr("Regions"),
            "postcodes": self.tr("Postcodes"),
        }

    def ask_boundary_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import boundaries"),
            "",
            self.tr("Boundary files (*.geojson *.json *.gpkg *.shp *.zip)"),
        )
        if not path:
            return
        layers = {label: code for code, label in self.layer_names().items()}
        label, ok = QInputDialog.getItem(
            self._window,
            self.tr("Import boundaries"),
            self.tr("What does the file hold?"),
            list(layers),
            0,
            False,
        )
        if ok:
            self.import_boundaries(path, layers[label])

    def import_boundaries(self, path: str, layer: str) -> QProgressDialog:
        """Read a boundary file in the background (Cancel keeps the old layer); actors without a
        municipality get the one their point lies in."""
        geo = self._context.geo

        def work(step: Callable[[int, int], None]) -> BoundaryImport:
            report = geo.import_file(path, layer, progress=step)
            assigned = (
                geo.assign_municipalities(only_missing=True) if layer == "municipalities" else 0
            )
            return BoundaryImport(report, assigned)

        def done(result: BoundaryImport) -> None:
            self._announce(Changes(boundaries=True, everything=result.assigned > 0))
            self._message(self._boundary_message(result, Path(path).name))
            self.geo_imported.emit(True)

        def cancelled() -> None:
            self._message(self.tr("Import cancelled; nothing was changed."))
            self.geo_imported.emit(False)

        def failed(error: BaseException, details: str) -> None:
            self.show_error(error, details)
            self.geo_imported.emit(False)

        return run_cancellable(
            self._window,
            self.tr("Importing %1…").replace("%1", path),
            work,
            on_success=done,
            on_failure=failed,
            on_cancelled=cancelled,
        )

    def _boundary_message(self, result: BoundaryImport, name: str) -> str:
        count = str(result.report.shapes_stored)
        shapes = {
            "municipalities": self.tr("%1 municipalities"),
            "regions": self.tr("%1 regions"),
            "postcodes": self.tr("%1 postcode areas"),
        }.get(result.report.layer, self.tr("%1 shapes"))
        text = (
            self.tr("Boundaries imported from %1: %2")
            .replace("%1", name)
            .replace("%2", shapes.replace("%1", count))
        )
        if result.assigned:
            text += " " + self.tr("(%1 actors got their municipality)").replace(
                "%1", str(result.assigned)
            )
        return text

    # ----------------------------------------------------------------- partner map

    def open_export_map(self, scope: str = "all", value: str | None = None) -> ExportMapDialog:
        """The "Export partner map…" dialog (not modal: the window stays usable)."""
        problems, municipalities = self._map_choices()
        context = self._context
        dialog = ExportMapDialog(
            context.maps, context.vocabulary, context.lang, problems, municipalities, self._window
        )
        dialog.exported.connect(
            lambda path: self._message(self.tr("Partner map written to %1").replace("%1", path))
        )
        dialog.set_scope(scope, value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
