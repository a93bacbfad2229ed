"""The Danish translation is complete and its compiled .qm matches the .ts source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "ui" / "i18n"


def tool(name: str) -> str:
    """A PySide6 tool of the running environment (its bin folder need not be on PATH)."""
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else shutil.which(name) or pytest.fail(f"{name} missing")


def test_every_string_has_a_danish_translation() -> None:
    root = ET.parse(I18N / "mapper_da.ts").getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") in ("unfinished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    lrelease = tool("pyside6-lrelease")
    out = tmp_path / "mapper_da.qm"
    subprocess.run(
        [lrelease, str(I18N / "mapper_da.ts"), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == (I18N / "mapper_da.qm").read_bytes(), (
        "run: pyside6-lrelease ui/i18n/mapper_da.ts -qm ui/i18n/mapper_da.qm"
    )


def test_every_translatable_string_in_the_code_is_in_the_ts_file(tmp_path: Path) -> None:
    lupdate = tool("pyside6-lupdate")
    sources = sorted(str(p) for p in (I18N.parent).rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(I18N / "mapper_da.ts").getroot().iter("context")
        for m in c.iter("message")
    }
    assert wanted - have == set()
