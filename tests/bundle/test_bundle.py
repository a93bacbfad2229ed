"""The built one-folder application (``bash scripts/bundle.sh``) runs on its own: the command
line, the migrations and reference data, the offline map libraries, the Danish interface and
QtWebEngine all come from inside ``dist/frivillighedskortet``.

Skipped when the bundle is not built; ``MAPPER_TEST_BUNDLE=1`` makes that a failure. Each run
uses a home, XDG folders and databases under tmp, never the user's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from exports.partner_map import network_links

ROOT = Path(__file__).resolve().parents[2]
NAME = "frivillighedskortet"
FOLDER = ROOT / "dist" / NAME
EXECUTABLE = FOLDER / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
REQUIRE_VAR = "MAPPER_TEST_BUNDLE"


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not EXECUTABLE.is_file():
        reason = f"the bundle is not built: no {EXECUTABLE} (bash scripts/bundle.sh)"
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"{reason}; {REQUIRE_VAR}=1 requires it")
        pytest.skip(f"{reason}; set {REQUIRE_VAR}=1 to fail instead")
    return EXECUTABLE


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a person who never ran the application, on a machine without a
    screen (QtWebEngine runs as root only without its sandbox)."""
    base = tmp_path_factory.mktemp("bundle-user")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("MAPPER_", "XDG_"))}
    folders = {
        "HOME": base / "home",
        "USERPROFILE": base / "home",
        "APPDATA": base / "appdata",
        "LOCALAPPDATA": base / "localappdata",
        "XDG_CONFIG_HOME": base / "config",
        "XDG_DATA_HOME": base / "data",
        "XDG_CACHE_HOME": base / "cache",
        "XDG_STATE_HOME": base / "state",
        "XDG_RUNTIME_DIR": base / "runtime",
    }
    for name, folder in folders.items():
        folder.mkdir(mode=0o700, exist_ok=True)
        environment[name] = str(folder)
    environment.update(QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    return environment


def run(
    bundle: Path, env: dict[str, str], *args: str, timeout: float = 120, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle), *args],
        env={**env, **extra},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        cwd=bundle.parent.parent,  # not the project: nothing may come from the source tree
    )


@pytest.fixture(scope="module")
def demo_db(bundle: Path, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database made by the bundle: its migrations create the schema, its reference
    data and demo landscape fill it."""
    path = tmp_path_factory.mktemp("bundle-db") / "demo.sqlite"
    result = run(bundle, env, "--db", str(path), "demo")
    assert result.returncode == 0, result.stderr
    assert "demo landscape loaded" in result.stdout + result.stderr
    return path


def test_help_lists_the_commands(bundle: Path, env: dict[str, str]) -> None:
    result = run(bundle, env, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: frivillighedskortet ")  # its own name, not mapper's
    for command in ("init", "demo", "import", "export", "actors", "stats", "gui"):
        assert command in result.stdout


def test_the_migrations_and_the_demo_landscape_are_inside(
    bundle: Path, env: dict[str, str], demo_db: Path
) -> None:
    result = run(bundle, env, "--db", str(demo_db), "actors", "--json")
    assert result.returncode == 0, result.stderr
    names = {actor["name"] for actor in json.loads(result.stdout)}
    assert "Patriciahuset" in names


def test_bad_input_is_a_message_not_a_traceback(
    bundle: Path, env: dict[str, str], demo_db: Path
) -> None:
    result = run(bundle, env, "--db", str(demo_db), "show", "actor", "no-such-actor")
    assert result.returncode == 2
    assert "no-such-actor" in result.stderr
    assert result.stderr.startswith("frivillighedskortet: ")
    assert "Traceback" not in result.stderr


def test_export_map_is_a_page_that_needs_no_network(
    bundle: Path, env: dict[str, str], demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "map.html"
    result = run(bundle, env, "--db", str(demo_db), "export", "map", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert network_links(page) == []
    # Leaflet, the marker clusters and our own script are inlined from the bundle.
    assert "L.markerClusterGroup" in page
    assert "Patriciahuset" in page


def test_stats_json_parses(bundle: Path, env: dict[str, str], demo_db: Path) -> None:
    result = run(bundle, env, "--db", str(demo_db), "stats", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["actors"] > 0
    assert stats["by_kind"]


def test_matching_ranks_partners_with_the_text_index(
    bundle: Path, env: dict[str, str], demo_db: Path
) -> None:
    # rapidfuzz, numpy, the Snowball stemmer and the lexicon in mapper_data.
    result = run(bundle, env, "--db", str(demo_db), "match", "htk-p-a-holdet", "--json")
    assert result.returncode == 0, result.stderr
    ranking = json.loads(result.stdout)
    assert ranking["results"]
    assert any("Teksterne svarer" in reason for reason in ranking["results"][0]["reasons"])


def test_geo_import_reads_a_boundary_file(
    bundle: Path, env: dict[str, str], tmp_path: Path
) -> None:
    # geopandas, pyogrio with its GDAL and PROJ data, pyproj, shapely.
    esbjerg = [[[8.3, 55.4], [8.6, 55.4], [8.6, 55.6], [8.3, 55.6], [8.3, 55.4]]]
    shapes = tmp_path / "esbjerg.geojson"
    feature = {
        "type": "Feature",
        "properties": {"code": "0561", "name": "Esbjerg"},
        "geometry": {"type": "Polygon", "coordinates": esbjerg},
    }
    shapes.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    db = str(tmp_path / "geo.sqlite")  # the other tests keep the built-in boundaries
    assert run(bundle, env, "--db", db, "demo").returncode == 0
    result = run(bundle, env, "--db", db, "geo", "import", "--layer", "municipalities", str(shapes))
    assert result.returncode == 0, result.stderr
    assert "1 shapes" in result.stdout + result.stderr


def test_the_qt_translations_for_danish_are_inside(bundle: Path) -> None:
    # Qt's own dialogs and standard buttons in Danish (ui.app.install_translator).
    assert list(bundle.parent.rglob("qtbase_da.qm")), "qtbase_da.qm is not in the bundle"


@pytest.mark.slow
@pytest.mark.parametrize("screen", ["offscreen", "xvfb"])
def test_the_window_opens_and_draws_the_map(
    bundle: Path, env: dict[str, str], demo_db: Path, tmp_path: Path, screen: str
) -> None:
    """Offscreen, and in a real X window on Xvfb (xcb: the system libraries the bundle relies
    on, as on a desktop)."""
    png = tmp_path / "map.png"
    selftest = {
        "MAPPER_DB": str(demo_db),
        "FRIVILLIGHEDSKORTET_SELFTEST": "map",
        "FRIVILLIGHEDSKORTET_SELFTEST_PNG": str(png),
        "FRIVILLIGHEDSKORTET_SELFTEST_TIMEOUT": "180",
    }
    if screen == "offscreen":
        result = run(bundle, env, timeout=240, **selftest)
    else:
        xvfb_run = shutil.which("xvfb-run")
        if xvfb_run is None:
            reason = "xvfb-run is missing (bash scripts/setup.sh --browser installs it)"
            if os.environ.get("CI"):
                pytest.fail(reason)
            pytest.skip(reason)
        screen_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
        result = subprocess.run(
            [xvfb_run, "-a", "-s", "-screen 0 1400x900x24", str(bundle)],
            env={**screen_env, **selftest, "QT_QPA_PLATFORM": "xcb"},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=240,
            check=False,
            cwd=bundle.parent.parent,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "map ready" in result.stdout
    assert "'Kort'" in result.stdout  # the Danish interface (ui/i18n/mapper_da.qm)
    colours = pixel_colours(png)
    common = colours.most_common(1)[0][1] / colours.total()
    # A drawn map: sea, land, boundaries, markers, the legend; not a blank or one-colour page.
    assert len(colours) >= 20, f"only {len(colours)} colours in {png}"
    assert common < 0.9, f"one colour covers {common:.0%} of {png}"


def pixel_colours(png: Path) -> Counter[int]:
    """Colours of a grid of pixels of the image (every 4th pixel each way)."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not an image"
    assert image.width() > 300 and image.height() > 300, (image.width(), image.height())
    return Counter(
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    )
