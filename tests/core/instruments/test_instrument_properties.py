"""Invariants over every registered instrument, with generated valid answers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.instruments import (
    INSTRUMENTS,
    Instrument,
    Item,
    ItemKind,
    get_instrument,
    score_responses,
)


def _answer(item: Item) -> st.SearchStrategy[object]:
    if item.kind in (ItemKind.CHOICE, ItemKind.YES_NO):
        return st.sampled_from(item.allowed_values)
    if item.kind is ItemKind.NUMBER:
        low, high = item.score_range
        step = Decimal(1).scaleb(-item.decimal_places)  # 1, 0.1, 0.01...
        steps = int((high - low) / step)
        return st.integers(0, steps).map(lambda n: low + n * step)
    return st.text(max_size=item.max_length or 0)


@st.composite
def responses(draw: st.DrawFn) -> tuple[Instrument, dict[str, object]]:
    instrument = draw(st.sampled_from(list(INSTRUMENTS.values())))
    answers: dict[str, object] = {}
    for item in instrument.items:
        # optional and conditional items are sometimes left out; the acuity item is then added
        # whenever the condition requires it, below.
        if item.is_always_required or draw(st.booleans()):
            answers[item.code] = draw(_answer(item))
    for item in instrument.items:
        condition = item.asked_if
        if condition and item.code not in answers:
            triggered = any(
                int(answers.get(code, 0) or 0) >= condition.minimum  # type: ignore[call-overload]
                for code in condition.items
            )
            if triggered:
                answers[item.code] = draw(_answer(item))
    return instrument, answers


@settings(max_examples=300)
@given(responses())
def test_total_is_the_sum_of_the_total_items(
    response: tuple[Instrument, dict[str, object]],
) -> None:
    instrument, answers = response
    result = score_responses(instrument.code, answers)
    # A refusal (the ASQ's "rather not answer", stored as 2) adds its option's score, 1.
    assert result.total == sum(
        int(instrument.item(code).points(int(answers[code])))  # type: ignore[call-overload]
        for code in instrument.total_items
    )
    low, high = instrument.total_range
    assert low <= result.total <= high


@settings(max_examples=300)
@given(responses())
def test_band_contains_the_total_or_is_none(response: tuple[Instrument, dict[str, object]]) -> None:
    instrument, answers = response
    result = score_responses(instrument.code, answers)
    if not instrument.bands:
        assert result.band is None
        return
    (band,) = [b for b in instrument.bands if b.name == result.band]
    assert band.low <= result.total <= band.high


@settings(max_examples=300)
@given(responses())
def test_subscores_are_sums_of_their_answered_items(
    response: tuple[Instrument, dict[str, object]],
) -> None:
    instrument, answers = response
    result = score_responses(instrument.code, answers)
    for subscore in instrument.subscores:
        if all(code in answers for code in subscore.items):
            expected = sum(Decimal(str(answers[code])) for code in subscore.items)
            assert result.subscores[subscore.code] == expected
        else:
            assert subscore.code not in result.subscores


@settings(max_examples=200)
@given(st.lists(st.sampled_from([0, 1, 2, 3]), min_size=9, max_size=9))
def test_phq9_self_harm_flag_exactly_when_item9_above_zero(answers: list[int]) -> None:
    result = score_responses("phq9", answers)
    assert ("self_harm" in result.flags) == (answers[8] > 0)
    assert result.total == sum(answers)


@settings(max_examples=200)
@given(st.data())
def test_cows_total_is_the_sum_of_any_allowed_scores(data: st.DataObject) -> None:
    cows = get_instrument("cows")
    answers = [data.draw(st.sampled_from(item.allowed_values)) for item in cows.items]
    assert score_responses("cows", answers).total == sum(answers)


def test_every_instruments_bands_cover_its_whole_range() -> None:
    for instrument in INSTRUMENTS.values():
        if not instrument.bands:
            continue
        low, high = instrument.total_range
        for total in range(low, high + 1):
            assert instrument.band_for(total) is not None, (instrument.code, total)
