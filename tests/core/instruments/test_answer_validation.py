"""Missing, extra, out-of-range and malformed answers are rejected with the item named."""

from __future__ import annotations

import pytest

from stepdown.core.instruments import (
    InvalidAnswerError,
    UnknownInstrumentError,
    get_instrument,
    score_responses,
)

NINE_ZEROS = {f"q{n}": 0 for n in range(1, 10)}


def test_missing_answer_names_the_item() -> None:
    answers = dict(NINE_ZEROS)
    del answers["q4"]
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("phq9", answers)
    assert caught.value.item == "q4"
    assert caught.value.field == "q4"
    assert "q4" in str(caught.value)
    assert "missing" in str(caught.value)


def test_short_positional_list_names_the_first_missing_item() -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("phq9", [0, 0, 0])
    assert caught.value.item == "q4"


def test_blank_and_none_count_as_missing() -> None:
    for blank in ("", "  ", None):
        with pytest.raises(InvalidAnswerError) as caught:
            score_responses("phq9", NINE_ZEROS | {"q2": blank})
        assert caught.value.item == "q2"


def test_extra_answer_names_the_unknown_item() -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("phq9", NINE_ZEROS | {"q10": 1})
    assert caught.value.item == "q10"


def test_too_many_positional_answers_are_rejected() -> None:
    # PHQ-9 has 10 items (nine scored plus the difficulty question): 11 is one too many.
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("phq9", [0] * 11)
    assert caught.value.item is None
    assert "11 answers" in str(caught.value)


@pytest.mark.parametrize("bad", [4, -1, "4", "two", 1.5, True, [1]])
def test_out_of_range_or_malformed_choice_names_the_item(bad: object) -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("phq9", NINE_ZEROS | {"q3": bad})
    assert caught.value.item == "q3"


@pytest.mark.parametrize("good", ["2", " 2 ", 2.0])
def test_choice_accepts_the_number_as_text_or_a_whole_float(good: object) -> None:
    assert score_responses("phq9", NINE_ZEROS | {"q3": good}).answers["q3"] == 2


@pytest.mark.parametrize("bad", ["maybe", 2, -1, 0.5])
def test_yes_no_rejects_anything_else(bad: object) -> None:
    answers: list[object] = ["no"] * 11
    answers[4] = bad
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("dsm5_sud", answers)
    assert caught.value.item == "role_failure"


@pytest.mark.parametrize(
    ("word", "score"), [("YES", 1), ("y", 1), ("true", 1), ("No", 0), ("n", 0)]
)
def test_yes_no_words_in_any_case(word: str, score: int) -> None:
    answers = [word] + ["no"] * 10
    assert score_responses("dsm5_sud", answers).total == score


def test_answers_must_be_a_mapping_or_a_list() -> None:
    with pytest.raises(InvalidAnswerError):
        score_responses("phq9", "000000000")


@pytest.mark.parametrize("bad", ["nan", "inf", float("nan")])
def test_numbers_must_be_finite(bad: object) -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("craving", {"craving": bad})
    assert caught.value.item == "craving"


def test_unknown_instrument_lists_the_known_codes() -> None:
    with pytest.raises(UnknownInstrumentError) as caught:
        get_instrument("sows")
    assert caught.value.code == "sows"
    assert "phq9" in str(caught.value)
    with pytest.raises(UnknownInstrumentError):
        score_responses("sows", [0])


def test_mapping_and_positional_answers_score_the_same() -> None:
    positional = score_responses("gad7", [0, 1, 2, 3, 0, 1, 2])
    mapping = score_responses(
        "gad7", {"q1": 0, "q2": 1, "q3": 2, "q4": 3, "q5": 0, "q6": 1, "q7": 2}
    )
    assert positional == mapping
    assert positional.total == 9  # 0+1+2+3+0+1+2
