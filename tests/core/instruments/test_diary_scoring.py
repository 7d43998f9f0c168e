"""Stepdown's own diaries: withdrawal symptoms, craving and the daily check-in."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stepdown.core.instruments import InvalidAnswerError, get_instrument, score_responses

WITHDRAWAL_CODES = (
    "irritability",
    "low_mood",
    "anxiety",
    "trouble_sleeping",
    "nausea",
    "diarrhoea",
    "restlessness",
    "fatigue",
    "aches",
    "runny_nose",
    "yawning",
    "sweating",
)


def test_withdrawal_diary_lists_the_twelve_symptoms_in_order() -> None:
    assert get_instrument("withdrawal").item_codes == WITHDRAWAL_CODES


def test_withdrawal_total_is_the_sum_and_has_no_band() -> None:
    answers = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]
    # (0+1+2+3+4) * 2 + 0 + 1 = 21
    result = score_responses("withdrawal", answers)
    assert (result.total, result.band, result.flags) == (21, None, ())


def test_withdrawal_diary_says_plainly_it_is_not_validated() -> None:
    diary = get_instrument("withdrawal")
    assert diary.validated is False
    assert any("not a validated scale" in note for note in diary.notes)


def test_withdrawal_rejects_a_five() -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("withdrawal", [5] + [0] * 11)
    assert caught.value.item == "irritability"


def test_craving_total_is_the_kratom_slider_and_the_second_is_optional() -> None:
    only_kratom = score_responses("craving", [40])
    both = score_responses("craving", {"craving": 40, "craving_other": 75})
    assert (only_kratom.total, dict(only_kratom.subscores)) == (40, {"craving": 40})
    assert (both.total, dict(both.subscores)) == (40, {"craving": 40, "craving_other": 75})
    assert both.band is None


@pytest.mark.parametrize("value", [-1, 101, "50.5", "lots"])
def test_craving_rejects_values_off_the_0_to_100_whole_number_scale(value: object) -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("craving", [value])
    assert caught.value.item == "craving"


@pytest.mark.parametrize("value", [0, 100])
def test_craving_accepts_both_ends(value: int) -> None:
    assert score_responses("craving", [value]).total == value


WITHDRAWAL = dict.fromkeys(WITHDRAWAL_CODES, 1) | {"aches": 3}  # 11*1 + 3 = 14
REQUIRED_DAILY = WITHDRAWAL | {
    "craving": 35,
    "sleep_hours": "6.5",
    "sleep_quality": 2,
    "energy": 1,
    "sedation": 3,
    "mood": 2,
    "sociability": 0,
    "exercise_minutes": 20,
    "mindfulness_minutes": 0,
    "regular_meals": "yes",
    "support_contact": "no",
}


def test_daily_total_is_the_withdrawal_diary_total_with_subscores() -> None:
    result = score_responses("daily", REQUIRED_DAILY)
    assert result.total == 14  # 11 symptoms at 1 plus aches at 3
    assert result.band is None
    assert result.flags == ()
    assert dict(result.subscores) == {
        "withdrawal": 14,
        "craving": 35,
        "sleep_hours": Decimal("6.5"),
        "sleep_quality": 2,
        "energy": 1,
        "sedation": 3,
        "mood": 2,
        "sociability": 0,
        "exercise_minutes": 20,
        "mindfulness_minutes": 0,
    }
    assert result.answers["regular_meals"] == 1
    assert result.answers["support_contact"] == 0


def test_daily_and_withdrawal_totals_agree_for_the_same_symptoms() -> None:
    daily = score_responses("daily", REQUIRED_DAILY)
    diary = score_responses("withdrawal", WITHDRAWAL)
    assert daily.total == diary.total


@pytest.mark.parametrize(
    ("item", "flag"),
    [
        ("self_harm_thoughts", "self_harm"),
        ("vomiting", "vomiting"),
        ("jaundice_signs", "jaundice_signs"),
        ("seizure", "seizure"),
        ("fainting", "fainting"),
        ("chest_pain", "chest_pain"),
        ("breathing_trouble", "breathing_trouble"),
        ("pregnancy", "pregnancy"),
    ],
)
def test_daily_safety_yes_raises_its_flag(item: str, flag: str) -> None:
    result = score_responses("daily", REQUIRED_DAILY | {item: "yes"})
    assert result.flags == (flag,)
    assert score_responses("daily", REQUIRED_DAILY | {item: "no"}).flags == ()


def test_daily_optional_items_are_marked_optional() -> None:
    daily = get_instrument("daily")
    optional = {item.code for item in daily.items if item.optional}
    assert optional == {
        "craving_other",
        "self_harm_thoughts",
        "vomiting",
        "jaundice_signs",
        "seizure",
        "fainting",
        "chest_pain",
        "breathing_trouble",
        "pregnancy",
        "note",
    }


@pytest.mark.parametrize(("hours", "expected"), [("0", 0), ("7.25", Decimal("7.25")), (24, 24)])
def test_daily_sleep_hours_take_up_to_two_decimals(hours: object, expected: object) -> None:
    result = score_responses("daily", REQUIRED_DAILY | {"sleep_hours": hours})
    assert result.subscores["sleep_hours"] == expected


@pytest.mark.parametrize("hours", ["7.125", "24.5", "-1"])
def test_daily_sleep_hours_reject_off_scale_values(hours: str) -> None:
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("daily", REQUIRED_DAILY | {"sleep_hours": hours})
    assert caught.value.item == "sleep_hours"


def test_daily_note_is_kept_and_a_too_long_note_is_rejected() -> None:
    kept = score_responses("daily", REQUIRED_DAILY | {"note": "  slept badly, felt ok  "})
    assert kept.answers["note"] == "slept badly, felt ok"
    with pytest.raises(InvalidAnswerError) as caught:
        score_responses("daily", REQUIRED_DAILY | {"note": "x" * 2001})
    assert caught.value.item == "note"


def test_daily_minutes_cannot_exceed_a_day() -> None:
    # 24 h * 60 = 1,440 minutes
    assert (
        score_responses("daily", REQUIRED_DAILY | {"exercise_minutes": 1440}).answers[
            "exercise_minutes"
        ]
        == 1440
    )
    with pytest.raises(InvalidAnswerError):
        score_responses("daily", REQUIRED_DAILY | {"exercise_minutes": 1441})
