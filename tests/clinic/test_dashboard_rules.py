"""The dashboard's pure decisions (``stepdown.core.triage``, ``stepdown.core.sparkline``) at
their edges; the numbers are worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from stepdown.core.sparkline import sparkline
from stepdown.core.triage import (
    Attention,
    Reason,
    allowed,
    disengaged,
    merge,
    row_key,
    silent_since,
    step_due,
)

DAY = dt.date(2025, 2, 10)
T0 = dt.datetime(2025, 2, 1, tzinfo=dt.UTC)


def _silent(last_dose: int | None, last_checkin: int | None, first: int) -> dt.date | None:
    def day(n: int | None) -> dt.date | None:
        return None if n is None else DAY.replace(day=n)

    return disengaged(
        silent_since=silent_since(last_dose_day=day(last_dose), last_checkin_day=day(last_checkin)),
        first_day=DAY.replace(day=first),
        today=DAY,
    )


def test_disengaged_after_three_silent_days_today_included() -> None:
    # Last logged on the 7th: the 8th, 9th and 10th are silent.
    assert _silent(7, None, 1) == DAY.replace(day=8)
    # Last logged on the 8th: only two silent days.
    assert _silent(6, 8, 1) is None
    # Never logged, joined on the 9th: two days; on the 8th: three.
    assert _silent(None, None, 9) is None
    assert _silent(None, None, 8) == DAY.replace(day=8)


def test_a_step_is_due_on_the_first_day_of_a_later_step_only() -> None:
    starts = [DAY, DAY + dt.timedelta(days=7)]
    assert step_due(step_starts=starts, today=DAY) is None  # the plan's first day
    cut = DAY + dt.timedelta(days=7)
    assert step_due(step_starts=starts, today=cut) == cut
    assert step_due(step_starts=starts, today=DAY + dt.timedelta(days=8)) is None


def test_order_self_harm_first_then_severity_then_since_then_name() -> None:
    harm = [Attention(Reason.SELF_HARM, "critical", T0 + dt.timedelta(days=5))]
    old_high = [Attention(Reason.SEVEN_OH_SWITCH, "high", T0)]
    new_high = [Attention(Reason.SEVERE_WITHDRAWAL, "high", T0 + dt.timedelta(hours=1))]
    low = [Attention(Reason.STEP_DUE, "low", T0 - dt.timedelta(days=30))]
    rows = {"b": new_high, "c": low, "d": [], "a": [], "e": old_high, "z": harm}
    ordered = sorted(rows, key=lambda name: row_key(rows[name], name))
    assert ordered == ["z", "e", "b", "c", "a", "d"]


def test_merge_keeps_one_entry_per_reason_most_severe_and_earliest() -> None:
    found = [
        Attention(Reason.SEVERE_WITHDRAWAL, "high", T0 + dt.timedelta(days=1)),
        Attention(Reason.SEVERE_WITHDRAWAL, "critical", T0 + dt.timedelta(days=2)),
        Attention(Reason.DISENGAGED, "moderate", T0),
    ]
    assert merge(found) == [
        Attention(Reason.SEVERE_WITHDRAWAL, "critical", T0 + dt.timedelta(days=1)),
        Attention(Reason.DISENGAGED, "moderate", T0),
    ]


def test_each_reason_needs_its_data_classes() -> None:
    assert not allowed(Reason.ABOVE_PLAN, ["journal"])
    assert allowed(Reason.ABOVE_PLAN, ["journal", "plan"])
    assert not allowed(Reason.SELF_HARM, ["journal", "plan", "notes"])
    assert allowed(Reason.STEP_DUE, ["plan"])


def test_sparkline_coordinates() -> None:
    # 3 days across 108 px (2 px padding): x = 2, 56, 110; peak 4 g maps to y = 2, 0 g to 26.
    chart = sparkline([Decimal(0), Decimal(2), Decimal(4)], [None, Decimal(4), Decimal(4)])
    assert chart.dose == "2,26 56,14 110,2"
    assert chart.target == ("56,2 110,2",)
    assert chart.peak == Decimal(4)
    empty = sparkline([Decimal(0)] * 3, [None] * 3)
    assert empty.dose == "2,26 56,26 110,26"
    assert empty.target == ()


def test_a_day_without_a_value_is_no_point_not_a_drop_to_zero() -> None:
    # Today before its first dose: the line ends at yesterday (x = 56), the x scale is unchanged.
    chart = sparkline([Decimal(4), Decimal(2), None], [Decimal(4), Decimal(4), Decimal(4)])
    assert chart.dose == "2,2 56,14"
    assert chart.target == ("2,2 56,2 110,2",)
