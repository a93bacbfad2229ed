"""The white-spot rule, one home for the overview, the coverage map and the report."""

from __future__ import annotations

import pytest

from mapper.services.overview import WHITE_SPOT_RATIO, OverviewService, is_white_spot


@pytest.mark.parametrize(
    ("actors", "expected", "white"),
    [
        (0, 1.0, True),  # none where one is expected
        (0, 0.9, False),  # a rare group in a small area: no gap
        (1, 3.0, True),  # 1 < 0.34 × 3 = 1.02
        (2, 5.0, False),  # 2 ≥ 0.34 × 5 = 1.7
        (5, 5.0, False),
    ],
)
def test_a_white_spot_is_a_clear_shortfall_where_one_is_expected(
    actors: int, expected: float, white: bool
) -> None:
    assert is_white_spot(actors, expected) is white


def test_the_services_share_the_ratio() -> None:
    from mapper.services.coverage_map import CoverageMapService  # noqa: F401 (imports the rule)

    assert OverviewService.white_spot_ratio == WHITE_SPOT_RATIO == 0.34
