"""COWS: each item's own allowed scores, total 0-48, and every band edge."""

from __future__ import annotations

import pytest

from stepdown.core.instruments import InvalidAnswerError, get_instrument, score_responses

ITEM_ORDER = (
    "pulse",
    "sweating",
    "restlessness",
    "pupils",
    "aches",
    "runny_nose",
    "gi_upset",
    "tremor",
    "yawning",
    "anxiety",
    "gooseflesh",
)


def cows(**scores: int) -> dict[str, int]:
    """Every item 0 except the ones given."""
    return {code: scores.get(code, 0) for code in ITEM_ORDER}


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        (cows(), 0, "none"),
        (cows(pulse=4), 4, "none"),
        (cows(pulse=4, sweating=1), 5, "mild"),  # 4 + 1
        (cows(pulse=4, aches=4, runny_nose=4), 12, "mild"),  # 4 + 4 + 4
        (cows(pulse=4, aches=4, runny_nose=4, sweating=1), 13, "moderate"),  # 12 + 1
        # 4 + 4 + 5 + 5 + 4 + 2 = 24
        (
            cows(pulse=4, sweating=4, restlessness=5, pupils=5, aches=4, runny_nose=2),
            24,
            "moderate",
        ),
        # 24 + tremor 1 = 25
        (
            cows(pulse=4, sweating=4, restlessness=5, pupils=5, aches=4, runny_nose=2, tremor=1),
            25,
            "moderately_severe",
        ),
        # 4 + 4 + 5 + 5 + 4 + 4 + 5 + 4 + 1 = 36
        (
            cows(
                pulse=4,
                sweating=4,
                restlessness=5,
                pupils=5,
                aches=4,
                runny_nose=4,
                gi_upset=5,
                tremor=4,
                yawning=1,
            ),
            36,
            "moderately_severe",
        ),
        # the same with yawning 2: 37
        (
            cows(
                pulse=4,
                sweating=4,
                restlessness=5,
                pupils=5,
                aches=4,
                runny_nose=4,
                gi_upset=5,
                tremor=4,
                yawning=2,
            ),
            37,
            "severe",
        ),
    ],
)
def test_cows_band_edges(answers: dict[str, int], total: int, band: str) -> None:
    result = score_responses("cows", answers)
    assert (result.total, result.band) == (total, band)


def test_cows_maximum_is_48() -> None:
    # item maxima: 4+4+5+5+4+4+5+4+4+4+5 = 48
    maxima = [4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5]
    result = score_responses("cows", maxima)
    assert (result.total, result.band) == (48, "severe")
    assert get_instrument("cows").total_range == (0, 48)


@pytest.mark.parametrize(
    ("item", "score"),
    [("pulse", 3), ("restlessness", 2), ("pupils", 3), ("gi_upset", 4), ("gooseflesh", 1)],
)
def test_cows_rejects_a_score_outside_the_items_allowed_set(item: str, score: int) -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("cows", cows() | {item: score})
    assert caught.value.item == item
    assert item in str(caught.value)


def test_cows_allowed_sets_match_the_published_form() -> None:
    allowed = {item.code: item.allowed_values for item in get_instrument("cows").items}
    assert allowed == {
        "pulse": (0, 1, 2, 4),
        "sweating": (0, 1, 2, 3, 4),
        "restlessness": (0, 1, 3, 5),
        "pupils": (0, 1, 2, 5),
        "aches": (0, 1, 2, 4),
        "runny_nose": (0, 1, 2, 4),
        "gi_upset": (0, 1, 2, 3, 5),
        "tremor": (0, 1, 2, 4),
        "yawning": (0, 1, 2, 4),
        "anxiety": (0, 1, 2, 4),
        "gooseflesh": (0, 3, 5),
    }


def test_cows_is_for_clinicians() -> None:
    assert get_instrument("cows").audience == "clinician"
