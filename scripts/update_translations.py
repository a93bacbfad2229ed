"""Refresh the Danish translation: collect strings, merge pending translations, compile.

    .venv/bin/python scripts/update_translations.py

1. pyside6-lupdate scans every ui/**/*.py into ui/i18n/mapper_da.ts (new strings appear as
   unfinished, existing translations are kept);
2. translations written as "English<TAB>Danish" or "Context<TAB>English<TAB>Danish" lines in
   ui/i18n/pending_*.tsv are filled in (a line naming the context applies to that context
   only, and wins over a line without one) and those files removed;
3. pyside6-lrelease compiles mapper_da.qm. Lists strings still untranslated (translate them in
   Qt Linguist, or in a pending file, and run this again).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "ui" / "i18n"
TS = I18N / "mapper_da.ts"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS)], check=True)
    pending: dict[tuple[str | None, str], str] = {}
    files = sorted(I18N.glob("pending_*.tsv"))
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2:
                pending[(None, parts[0])] = parts[1]
            elif len(parts) == 3:
                pending[(parts[0], parts[1])] = parts[2]
            elif line.strip():
                print(
                    f"{path.name}: not English<TAB>Danish, with or without a context "
                    f"before it: {line!r}"
                )
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            danish = pending.get((name, source), pending.get((None, source)))
            if danish is not None and (
                translation.get("type") == "unfinished" or not translation.text
            ):
                translation.text = danish
                translation.attrib.pop("type", None)
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                missing.append(source)
    # Strings no longer in the code are dropped rather than kept as obsolete.
    for context in tree.getroot().iter("context"):
        for message in list(context.iter("message")):
            t = message.find("translation")
            if t is not None and t.get("type") in ("vanished", "obsolete"):
                context.remove(message)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for path in files:
        path.unlink()
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(I18N / "mapper_da.qm")], check=True
    )
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
