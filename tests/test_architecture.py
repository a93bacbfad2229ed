"""Dependencies point inward: checked with the import-linter contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            " sys.exit(lint_imports_command())",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    names = [contract["name"] for contract in declared["contracts"]]
    assert len(names) >= 6
    assert "Matching is pure: no database" in names
    assert f"Contracts: {len(names)} kept, 0 broken" in result.stdout
    for name in names:
        assert f"{name} KEPT" in result.stdout


def test_the_core_imports_without_qt() -> None:
    code = (
        "import sys, mapper.services.landscape, mapper.io.interchange, ui.cli;"
        " bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        " print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


MAX_UI_MODULE_LINES = 900


def test_no_ui_module_grows_into_a_facade() -> None:
    """One idea per module: the window and the editors were split once they passed ~1,000
    lines; nothing in ui/ may grow past 900 again."""
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text("utf-8").splitlines())
        for path in (ROOT / "ui").rglob("*.py")
    }
    assert sizes
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_UI_MODULE_LINES}
    assert too_long == {}
