"""ASQ: any yes is a positive screen; the acuity question is asked only after a yes."""

from __future__ import annotations

import pytest

from stepdown.core.instruments import InvalidAnswerError, score_responses


def test_all_four_no_is_a_negative_screen_without_the_acuity_question() -> None:
    result = score_responses("asq", ["no", "no", "no", "no"])
    assert (result.total, result.band, result.flags) == (0, "negative", ())
    assert "acuity" not in result.answers


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_any_single_yes_is_positive_and_raises_self_harm(position: int) -> None:
    answers: list[object] = ["no"] * 4
    answers[position] = "yes"
    result = score_responses("asq", [*answers, "no"])
    # one yes among questions 1-4: total 1
    assert (result.total, result.band) == (1, "positive")
    assert result.flags == ("self_harm",)


def test_a_yes_without_the_acuity_answer_is_rejected_naming_acuity() -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("asq", {"q1": True, "q2": False, "q3": False, "q4": False})
    assert caught.value.item == "acuity"


def test_acuity_yes_is_an_acute_positive_screen() -> None:
    result = score_responses(
        "asq", {"q1": "yes", "q2": "yes", "q3": "no", "q4": "no", "acuity": "yes"}
    )
    # two yes answers among questions 1-4: total 2
    assert result.total == 2
    assert result.flags == ("self_harm", "self_harm_acute")


def test_an_unasked_acuity_yes_is_still_scored_never_discarded() -> None:
    result = score_responses("asq", ["no", "no", "no", "no", "yes"])
    assert result.total == 0
    assert result.flags == ("self_harm", "self_harm_acute")


def test_asq_accepts_booleans_and_zero_one() -> None:
    as_bools = score_responses("asq", [False, True, False, False, False])
    as_numbers = score_responses("asq", [0, 1, 0, 0, 0])
    assert as_bools == as_numbers
