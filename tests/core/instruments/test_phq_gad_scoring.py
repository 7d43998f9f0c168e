"""PHQ-9, PHQ-2, GAD-7 and GAD-7 scoring: published bands, every band edge, the item 9 flag."""

from __future__ import annotations

import pytest

from stepdown.core.instruments import get_instrument, score_responses


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),  # 1+1+1+1 = 4
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),  # 5 ones = 5
        ([2, 2, 2, 2, 1, 0, 0, 0, 0], 9, "mild"),  # 4*2 + 1 = 9
        ([2, 2, 2, 2, 2, 0, 0, 0, 0], 10, "moderate"),  # 5*2 = 10
        ([2, 2, 2, 2, 2, 2, 2, 0, 0], 14, "moderate"),  # 7*2 = 14
        ([3, 2, 2, 2, 2, 2, 2, 0, 0], 15, "moderately_severe"),  # 3 + 6*2 = 15
        ([3, 3, 3, 2, 2, 2, 2, 2, 0], 19, "moderately_severe"),  # 3*3 + 5*2 = 19
        ([3, 3, 3, 3, 2, 2, 2, 2, 0], 20, "severe"),  # 4*3 + 4*2 = 20
        ([3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"),  # 9*3 = 27
    ],
)
def test_phq9_total_falls_in_the_published_band(answers: list[int], total: int, band: str) -> None:
    result = score_responses("phq9", answers)
    assert result.total == total
    assert result.band == band


def test_phq9_band_names_are_the_published_five() -> None:
    names = [band.name for band in get_instrument("phq9").bands]
    assert names == ["minimal", "mild", "moderate", "moderately_severe", "severe"]


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item9_raises_self_harm_even_when_the_total_is_minimal(item9: int) -> None:
    # Only item 9 answered above zero: total = item9 (1..3), still the "minimal" band.
    result = score_responses("phq9", [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert result.total == item9
    assert result.band == "minimal"
    assert result.flags == ("self_harm",)


def test_phq9_total_of_one_from_item9_alone_is_flagged() -> None:
    answers = {f"q{n}": 0 for n in range(1, 9)} | {"q9": 1}
    result = score_responses("phq9", answers)
    assert (result.total, result.flags) == (1, ("self_harm",))


def test_phq9_high_total_without_item9_raises_no_flag() -> None:
    # 8 items at 3 = 24 (severe), item 9 = 0.
    result = score_responses("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.total == 24
    assert result.band == "severe"
    assert result.flags == ()


def test_phq9_difficulty_question_is_optional_and_not_scored() -> None:
    without = score_responses("phq9", [1, 0, 0, 0, 0, 0, 0, 0, 0])
    with_difficulty = score_responses("phq9", [1, 0, 0, 0, 0, 0, 0, 0, 0, 3])
    assert without.total == with_difficulty.total == 1
    assert with_difficulty.answers["difficulty"] == 3
    assert "difficulty" not in without.answers


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0, 0, 0, 0, 0, 0, 0], 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),  # 4 ones = 4
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),  # 5 ones = 5
        ([2, 2, 2, 2, 1, 0, 0], 9, "mild"),  # 4*2 + 1 = 9
        ([2, 2, 2, 2, 2, 0, 0], 10, "moderate"),  # 5*2 = 10
        ([2, 2, 2, 2, 2, 2, 2], 14, "moderate"),  # 7*2 = 14
        ([3, 2, 2, 2, 2, 2, 2], 15, "severe"),  # 3 + 6*2 = 15
        ([3, 3, 3, 3, 3, 3, 3], 21, "severe"),  # 7*3 = 21
    ],
)
def test_gad7_total_falls_in_the_published_band(answers: list[int], total: int, band: str) -> None:
    result = score_responses("gad7", answers)
    assert result.total == total
    assert result.band == band
    assert result.flags == ()


def test_gad7_band_names_are_the_published_four() -> None:
    names = [band.name for band in get_instrument("gad7").bands]
    assert names == ["minimal", "mild", "moderate", "severe"]


@pytest.mark.parametrize("code", ["phq2", "gad2"])
@pytest.mark.parametrize(
    ("answers", "total", "band", "flags"),
    [
        ([0, 0], 0, "negative", ()),
        ([1, 1], 2, "negative", ()),  # 1+1 = 2, one below the cut-off of 3
        ([2, 1], 3, "positive", ("positive_screen",)),  # 2+1 = 3, the cut-off
        ([3, 3], 6, "positive", ("positive_screen",)),  # maximum
    ],
)
def test_two_item_screens_are_positive_from_three(
    code: str, answers: list[int], total: int, band: str, flags: tuple[str, ...]
) -> None:
    result = score_responses(code, answers)
    assert (result.total, result.band, result.flags) == (total, band, flags)


def test_phq2_asks_the_first_two_phq9_questions_word_for_word() -> None:
    assert get_instrument("phq2").items == get_instrument("phq9").items[:2]
    assert get_instrument("gad2").items == get_instrument("gad7").items[:2]


@pytest.mark.parametrize("code", ["phq9", "phq2", "gad7", "gad2"])
def test_phq_and_gad_carry_the_pfizer_attribution(code: str) -> None:
    attribution = get_instrument(code).attribution
    assert attribution == (
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
        "with an educational grant from Pfizer Inc."
    )


def test_phq9_item9_is_worded_as_published() -> None:
    item = get_instrument("phq9").item("q9")
    assert item.text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert [option.label for option in item.options] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
