"""Danish for tests: the compiled translation plus any pending_*.tsv not yet merged into it,
recording the strings of the contexts under test that have no Danish."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


class RecordingDanish(QTranslator):
    """Danish from ui/i18n/mapper_da.qm and the pending translations; ``missing`` holds every
    (context, source) of ``contexts`` that was asked for and has no Danish."""

    def __init__(self, contexts: tuple[str, ...]) -> None:
        super().__init__()
        self.contexts = contexts
        self.compiled = QTranslator()
        self.compiled.load(str(I18N / "mapper_da.qm"))
        self.pending: dict[str, str] = {}
        for path in sorted(I18N.glob("pending_*.tsv")):
            for line in path.read_text("utf-8").splitlines():
                parts = line.split("\t")  # English, Danish; or context, English, Danish
                if len(parts) in (2, 3):
                    self.pending[parts[-2]] = parts[-1]
        self.missing: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = self.compiled.translate(context, source, disambiguation, n)
        if not found and context in self.contexts:
            found = self.pending.get(source, "")
            if not found:
                self.missing.add((context, source))
        return found or None  # None: not translated here (an empty text would be a translation)

    def isEmpty(self) -> bool:  # Qt override
        return False


@contextmanager
def danish(*contexts: str) -> Iterator[RecordingDanish]:
    """The application in Danish (translation and number locale) for the block."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = RecordingDanish(contexts)
    before = QLocale()
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    try:
        yield translator
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(before)
