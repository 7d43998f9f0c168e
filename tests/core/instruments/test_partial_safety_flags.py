"""Safety flags come from whatever was answered, before completeness is checked.

Known answers from the published instruments: PHQ-9 item 9 above "not at all" needs follow-up
whatever else was answered (Kroenke2001); any ASQ "yes" is a positive screen and a "yes" to the
acuity question is acute (Horowitz2012, NIMHASQ); the ASQ toolkit counts a refusal to answer as
positive (NIMHASQ).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.instruments import (
    INSTRUMENTS,
    InvalidAnswerError,
    get_instrument,
    partial_flags,
    score_answers,
    score_responses,
)

# Every (instrument, flag rule, item) whose flag an item answer raises: the whole class.
ITEM_FLAGS = [
    (instrument.code, rule.code, item, rule.at_least)
    for instrument in INSTRUMENTS.values()
    for rule in instrument.flags
    for item in rule.items
]


def test_every_safety_instrument_is_in_the_class() -> None:
    codes = {code for code, *_ in ITEM_FLAGS}
    assert {"phq9", "asq", "daily"} <= codes


@pytest.mark.parametrize(("code", "flag", "item", "at_least"), ITEM_FLAGS)
def test_a_flagging_answer_alone_raises_its_flag_though_the_rest_is_blank(
    code: str, flag: str, item: str, at_least: int
) -> None:
    instrument = get_instrument(code)
    answers = {item: at_least}
    assert flag in partial_flags(instrument, answers).flags
    if any(i.is_always_required and i.code != item for i in instrument.items):
        with pytest.raises(InvalidAnswerError):
            score_answers(instrument, answers)


@pytest.mark.parametrize("q9", [1, 2, 3])
def test_phq9_item_9_with_another_item_blank_is_a_self_harm_signal(q9: int) -> None:
    answers = {f"q{n}": 0 for n in range(2, 9)} | {"q9": q9}  # q1 left blank
    with pytest.raises(InvalidAnswerError):
        score_responses("phq9", answers)
    assert partial_flags(get_instrument("phq9"), answers).flags == ("self_harm",)


def test_phq9_item_9_counts_even_beside_an_invalid_answer() -> None:
    answers = {f"q{n}": 0 for n in range(1, 9)} | {"q1": "7", "q9": 3}  # 7 is not 0-3
    assert partial_flags(get_instrument("phq9"), answers).flags == ("self_harm",)
    assert dict(partial_flags(get_instrument("phq9"), answers).answers)["q9"] == 3


def test_an_asq_with_only_question_1_yes_is_a_positive_screen() -> None:
    result = partial_flags(get_instrument("asq"), {"q1": "yes"})
    assert result.flags == ("self_harm",)


def test_an_acute_yes_alone_is_an_acute_positive_screen() -> None:
    result = partial_flags(get_instrument("asq"), {"acuity": "yes"})
    assert result.flags == ("self_harm", "self_harm_acute")


@pytest.mark.parametrize("refusal", ["refused", "Prefer not to say", "rather not say", 2])
def test_an_asq_refusal_is_a_positive_answer(refusal: object) -> None:
    answers = {"q1": "no", "q2": refusal, "q3": "no", "q4": "no", "acuity": "no"}
    result = score_responses("asq", answers)
    assert result.flags == ("self_harm",)
    assert (result.total, result.band) == (1, "positive")
    assert result.answers["q2"] == 2  # the refusal itself is kept, not turned into a "yes"


def test_a_refusal_opens_the_acuity_question() -> None:
    with pytest.raises(InvalidAnswerError) as missing:
        score_responses("asq", {"q1": "refused", "q2": "no", "q3": "no", "q4": "no"})
    assert missing.value.item == "acuity"


def test_a_refused_acuity_question_is_acute() -> None:
    answers = {"q1": "yes", "q2": "no", "q3": "no", "q4": "no", "acuity": "refused"}
    assert score_responses("asq", answers).flags == ("self_harm", "self_harm_acute")


def test_refusal_is_offered_only_where_the_instrument_offers_it() -> None:
    with pytest.raises(InvalidAnswerError):
        score_responses("phq9", {f"q{n}": 0 for n in range(1, 9)} | {"q9": "refused"})
    daily = get_instrument("daily")
    assert daily.item("self_harm_thoughts").refusal is None
    assert all(get_instrument("asq").item(code).refusal is not None for code in ("q1", "acuity"))


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["q1", "q2", "q3", "q4", "acuity"]),
        st.sampled_from(["yes", "no", "refused", "", None, "maybe"]),
    )
)
def test_any_asq_yes_or_refusal_raises_self_harm_whatever_else(answers: dict[str, object]) -> None:
    positive = any(value in ("yes", "refused") for value in answers.values())
    assert ("self_harm" in partial_flags(get_instrument("asq"), answers).flags) is positive


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from([f"q{n}" for n in range(1, 9)]), st.sampled_from([0, 1, 2, 3, "", "x"])
    ),
    st.sampled_from([0, 1, 2, 3, None]),
)
def test_phq9_self_harm_follows_item_9_alone(answers: dict[str, object], q9: int | None) -> None:
    answers = answers | {"q9": q9}
    raised = "self_harm" in partial_flags(get_instrument("phq9"), answers).flags
    assert raised is (q9 is not None and q9 >= 1)
