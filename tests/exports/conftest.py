"""Fixtures for exporter tests: map data built directly, and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mapper.services.maps import MapActor, MapBoundary, PartnerMapData

CHROMIUM = os.environ.get("MAPPER_TEST_CHROMIUM", "/usr/bin/chromium")
# As root, and with this machine's closed network, Chromium must not try to phone home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def square(lat: float, lon: float, size: float = 0.05) -> dict[str, Any]:
    return {
        "type": "Polygon",
        "coordinates": [
            [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
        ],
    }


def sample_map(**overrides: Any) -> PartnerMapData:
    actors = (
        MapActor(
            "a1",
            "Sammen om Sindet Esbjerg",
            "voluntary_organisation",
            55.4765,
            8.4594,
            city="Esbjerg",
            municipality_code="0561",
            target_groups=("mental_illness",),
            resources=("volunteer_hours",),
            best_at="Brobygning",
            website="https://example.dk",
        ),
        MapActor(
            "a2",
            "Esbjerg Idrætsforening",
            "local_association",
            55.47,
            8.45,
            city="Esbjerg",
            municipality_code="0561",
            target_groups=("youth_vulnerable",),
        ),
        MapActor(
            "a3",
            "Vestbanken A/S",
            "company",
            55.48,
            8.47,
            city="Esbjerg",
            resources=("staff_hours",),
        ),
    )
    base = PartnerMapData(
        title="Partnerkort Esbjerg",
        scope="all",
        actors=actors,
        boundaries=(MapBoundary("municipalities", "0561", "Esbjerg", square(55.43, 8.40)),),
    )
    from dataclasses import replace

    return replace(base, **overrides)


@dataclass
class Browser:
    """A headless Chromium page that may not reach the network: every attempt is recorded."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_function(
            'document.documentElement.getAttribute("data-partner-map") === "ready"', timeout=60_000
        )


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing")
        pytest.skip(f"no Chromium at {CHROMIUM} (scripts/setup.sh --browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Browser]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    state = Browser(page)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            state.requests.append(url)
            r.abort()

    context.route("**/*", route)
    page.on("dialog", lambda d: (state.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: state.errors.append(str(e)))
    # Failed loads (a missing image, a blocked file) show up as console errors.
    page.on("console", lambda m: state.errors.append(m.text) if m.type == "error" else None)
    yield state
    context.close()
