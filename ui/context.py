"""The services of one running application, built once by ``ui.app`` (the composition root).

The window hands each tab only the services it needs; nothing in ``ui/`` builds a service.
"""

from __future__ import annotations

from dataclasses import dataclass

from mapper.domain.vocabulary import Vocabulary
from mapper.services.actors import ActorEditService
from mapper.services.coverage_map import CoverageMapService
from mapper.services.geo import GeoService
from mapper.services.history import HistoryService
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService
from mapper.services.merge import MergeService
from mapper.services.overview import OverviewService
from mapper.services.partnerships import PartnershipService
from mapper.services.problems import ProblemEditService
from mapper.services.register_import import RegisterImportService

PRODUCT_NAME = "Frivillighedskortet"
"""The application's one name: window title, About, the desktop's application name."""


@dataclass(frozen=True)
class AppContext:
    """Everything the window needs from the core, for one database and one language."""

    landscape: LandscapeService
    actor_edit: ActorEditService
    problem_edit: ProblemEditService
    matching: MatchingService
    maps: MapService
    partnerships: PartnershipService
    geo: GeoService
    register_import: RegisterImportService
    merges: MergeService
    history: HistoryService
    overview: OverviewService
    coverage_map: CoverageMapService
    vocabulary: Vocabulary
    lang: str
    location: str
    """Where the data lives, for the user (a file path or a server URL without password)."""
