"""Take the README screenshots of the desktop application in a real X window.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py docs

Opens the application on a fresh database holding the demo landscape and grabs the screen
after each view has been set up.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ui.app import build_main_window, configure_application, install_translator
from ui.main_window import MainWindow
from ui.models.actor_table import ActorTableModel
from ui.models.row_table import ID_ROLE


def select_actor(window: MainWindow, name: str) -> None:
    model = window.actor_model
    for row in range(model.rowCount()):
        if model.index(row, ActorTableModel.COL_NAME).data() == name:
            window.actor_view.selectRow(row)
            return


REGISTER = [
    [
        "Foreningsnavn",
        "Type",
        "Adresse",
        "Postnr.",
        "By",
        "CVR-nr.",
        "E-mail",
        "Hjemmeside",
        "Formål",
        "Målgrupper",
    ],
    [
        "Gjesing IF",
        "Idrætsforening",
        "Gjesingvej 1",
        "6700",
        "Esbjerg",
        "",
        "info@gjesing-if.dk",
        "https://gjesing-if.dk",
        "Fodbold og gymnastik for alle aldre",
        "Børn, unge",
    ],
    [
        "Kvaglund Lektiecafé",
        "forening",
        "Kvaglundvej 5",
        "6705",
        "Esbjerg Ø",
        "",
        "",
        "",
        "Lektiehjælp til børn og unge",
        "Frafaldstruede unge",
    ],
    [
        "Sammen om sindet, Esbjerg",
        "frivillig organisation",
        "",
        "6700",
        "Esbjerg",
        "",
        "",
        "",
        "",
        "Psykisk sårbare",
    ],
    ["Strandens Venner", "forening", "", "6710", "Esbjerg V", "", "", "", "", "Sårbare fiskere"],
    ["Klik Her", "forening", "", "6700", "", "", "", "javascript:alert(1)", "", ""],
    ["Fjernklubben", "forening", "", "9999", "Intetsteds", "", "", "", "", ""],
]
"""A small association list as Danish Excel exports it (cp1252, ';', a title line)."""


def register_list(folder: str) -> str:
    path = Path(folder) / "conventus-foreninger.csv"
    with path.open("w", encoding="cp1252", newline="") as fh:
        fh.write("Foreningsliste fra Conventus, udtrukket 1.12.2026\r\n\r\n")
        csv.writer(fh, delimiter=";").writerows(REGISTER)
    return str(path)


def main(out_dir: str) -> int:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure_application(app)
    tmp = tempfile.TemporaryDirectory()
    # Fresh settings: the screenshots never depend on (or change) the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    install_translator(app, "da")
    db = f"{tmp.name}/demo.sqlite"
    window = build_main_window(db, demo_if_empty=True, lang="da")
    window.resize(1280, 800)
    window.move(0, 0)
    window.show()

    patricia = "esb-p-patriciahuset-brobygning"

    def select_problem(problem_id: str) -> None:
        proxy = window.problem_proxy
        for row in range(proxy.rowCount()):
            if proxy.index(row, 0).data(ID_ROLE) == problem_id:
                window.problem_view.selectRow(row)

    dialogs: list[Any] = []

    def export_dialog() -> None:
        window.tabs.setCurrentIndex(0)
        dialogs.append(window.open_export_map("municipality", "0561"))

    # (file, how to get there, how long to let it settle in ms)
    steps: list[tuple[str, Callable[[], object], int]] = [
        (
            "main-window-landscape.png",
            lambda: (
                window.tabs.setCurrentIndex(0),
                window.actor_pane.setCurrentIndex(0),
                select_actor(window, "Sammen om Sindet Esbjerg"),
            ),
            700,
        ),
        ("actor-editor.png", lambda: window.actor_pane.setCurrentWidget(window.actor_editor), 700),
        (
            "actor-editor-duplicate.png",
            lambda: (
                window.new_actor_action.trigger(),
                window.actor_editor.inputs["name"].setText("Foreningen Sammen om Sindet"),
            ),
            1200,
        ),
        (
            "main-window-problems.png",
            lambda: (
                window.actor_editor.discard_changes(),
                window.tabs.setCurrentIndex(1),
                select_problem(patricia),
            ),
            700,
        ),
        (
            "problem-editor.png",
            lambda: window.problem_pane.setCurrentWidget(window.problem_editor),
            700,
        ),
        ("match-view.png", lambda: window.open_match(patricia), 2500),
        (
            "main-window-map.png",
            lambda: (
                window.select_actor("esb-sammen-om-sindet"),
                window.tabs.setCurrentIndex(window.map_tab_index),
            ),
            6000,
        ),
        (
            "partnerships.png",
            lambda: (
                window.tabs.setCurrentIndex(window.partnerships_tab_index),
                QTimer.singleShot(
                    800,
                    lambda: (
                        window.partnerships_view.select(
                            "aar-p-urk-laering-for-livet",
                            window.partnerships_view.model.row_at(0).actor_id,
                        )
                        if window.partnerships_view.model.rowCount()
                        else None
                    ),
                ),
            ),
            2000,
        ),
        ("export-map-dialog.png", export_dialog, 2500),
        (
            "help-guide.png",
            lambda: (dialogs.pop().close(), dialogs.append(window.show_guide())),
            700,
        ),
        (
            "import-wizard-columns.png",
            lambda: (
                dialogs.pop().close(),
                dialogs.append(window.files.ask_import_register(register_list(tmp.name))),
                dialogs[-1].move(150, 60),
                dialogs[-1].next(),
            ),
            1000,
        ),
        ("import-wizard-check.png", lambda: dialogs[-1].next(), 2500),
    ]

    def run_step(index: int) -> None:
        if index == len(steps):
            app.quit()
            return
        name, prepare, settle = steps[index]
        prepare()

        def grab() -> None:
            window.screen().grabWindow(0).save(str(out / name))
            print(out / name)
            run_step(index + 1)

        # The map starts a web engine and draws its layers: give it time.
        QTimer.singleShot(settle, grab)

    started: list[bool] = []

    def start(*_args: object) -> None:
        if not started:  # data_loaded fires again after later reloads
            started.append(True)
            QTimer.singleShot(300, lambda: run_step(0))

    window.data_loaded.connect(start)
    code = app.exec()
    tmp.cleanup()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
