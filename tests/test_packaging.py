"""`pip install .` (not editable) gives a working application with its data and migrations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_regular_install_holds_code_data_and_migrations(tmp_path: Path) -> None:
    # Build from a copy of the files git knows, so stale build/ output cannot leak in.
    source = tmp_path / "source"
    listed = (
        subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    for relative in (
        "mapper_data/vocabulary.json",
        "mapper_data/landscape.schema.json",
        "mapper_data/demo_landscape.json",
        "mapper_data/matching.json",
        "mapper_data/reasons.json",
        "mapper_data/stopwords_da.txt",
        "mapper/persistence/migrations/env.py",
        "mapper/persistence/migrations/script.py.mako",
        "mapper/persistence/migrations/versions/0001_initial.py",
        "ui/i18n/mapper_da.qm",
        "exports/assets/partner_map.js",
        "exports/assets/partner_map.css",
    ):
        assert (target / relative).is_file(), relative
    # Every module of the source tree is in the installed copy (no forgotten subpackage).
    for module in sorted((source).glob("[mue]*/**/*.py")):
        relative = module.relative_to(source)
        if relative.parts[0] in ("mapper", "ui", "exports"):
            assert (target / relative).is_file(), relative
    # Run from an empty folder so only the installed copy can be imported.
    env = {**os.environ, "PYTHONPATH": str(target), "MAPPER_DB": str(tmp_path / "i.sqlite")}
    code = (
        "import mapper, ui.cli, sys; assert mapper.__file__.startswith(sys.argv[1]);"
        " import ui.main_window, exports.partner_map;"
        " sys.exit(ui.cli.main(['demo']) or ui.cli.main(['actors', '--json']))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert '"kind": "voluntary_organisation"' in run.stdout
