"""Schedules and the due list: windows in the person's time zone, missed windows, no back-fill."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from tests.checkins.checkins_answers import daily, phq9

from stepdown.checkins import schedule_services, selectors, services
from stepdown.checkins.models import Response
from stepdown.checkins.windows import last_closed_window, window_days, window_for
from stepdown.errors import InvalidInput

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def _joined(person: Any, when: dt.datetime) -> None:
    person.date_joined = when
    person.save(update_fields=["date_joined"])


def _due(person: Any, now: dt.datetime) -> dict[str, selectors.DueItem]:
    return {item.instrument: item for item in selectors.due_now(owner=person, now=now)}


def test_window_lengths_are_a_quarter_of_the_interval_within_one_to_seven_days() -> None:
    # 1 → 1; 14 // 4 = 3; 30 // 4 = 7; 90 // 4 = 22 → capped at 7; 7 // 4 = 1
    assert [window_days(n) for n in (1, 7, 14, 30, 90)] == [1, 1, 3, 7, 7]


def test_window_for_counts_whole_intervals_from_the_start() -> None:
    start = dt.date(2025, 3, 1)
    # 1 March + 14 = 15 March: day 20 lies in the second window, open 15–17 March
    window = window_for(starts_on=start, interval_days=14, day=dt.date(2025, 3, 20))
    assert (window.start, window.end, window.next_start) == (
        dt.date(2025, 3, 15),
        dt.date(2025, 3, 18),
        dt.date(2025, 3, 29),
    )
    assert not window.is_open(dt.date(2025, 3, 20))


def test_the_last_closed_window_is_the_one_before_while_a_window_is_open() -> None:
    start = dt.date(2025, 3, 1)  # 14-day interval: windows 1-3 March, 15-17 March, ...

    def closed(day: dt.date) -> tuple[dt.date, dt.date] | None:
        return last_closed_window(starts_on=start, interval_days=14, day=day)

    assert closed(dt.date(2025, 2, 20)) is None  # before the schedule starts
    assert closed(dt.date(2025, 3, 2)) is None  # the first window is still open
    assert closed(dt.date(2025, 3, 4)) == (dt.date(2025, 3, 1), dt.date(2025, 3, 4))
    # 16 March: 15-17 March is open, so the last closed one is 1-3 March
    assert closed(dt.date(2025, 3, 16)) == (dt.date(2025, 3, 1), dt.date(2025, 3, 4))
    assert closed(dt.date(2025, 3, 20)) == (dt.date(2025, 3, 15), dt.date(2025, 3, 18))


def test_a_new_account_is_asked_only_for_the_daily_check_in_on_its_first_day(
    person: Any,
) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    due = _due(person, dt.datetime(2025, 3, 1, 18, 0, tzinfo=UTC))
    assert set(due) == {"daily", "phq9", "gad7", "sds", "dsm5_sud"}  # never COWS
    assert [code for code, item in due.items() if item.status == "due"] == ["daily"]
    daily_item = due["daily"]
    # The window is the person's local day: midnight to midnight in Chicago (UTC-6 in March)
    assert daily_item.window_start == dt.datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
    assert daily_item.window_end == dt.datetime(2025, 3, 2, 6, 0, tzinfo=UTC)
    # PHQ-9 and GAD-7 after the first week (8 March), SDS and DSM-5 after the first month
    # (1 March + 30 days = 31 March)
    assert {code: (due[code].status, due[code].next_due) for code in due if code != "daily"} == {
        "phq9": ("upcoming", dt.date(2025, 3, 8)),
        "gad7": ("upcoming", dt.date(2025, 3, 8)),
        "sds": ("upcoming", dt.date(2025, 3, 31)),
        "dsm5_sud": ("upcoming", dt.date(2025, 3, 31)),
    }
    week = _due(person, dt.datetime(2025, 3, 8, 18, 0, tzinfo=UTC))
    assert {code for code, item in week.items() if item.status == "due"} == {
        "daily",
        "phq9",
        "gad7",
    }
    assert week["phq9"].last_day == dt.date(2025, 3, 10)  # open 3 days: 8–10 March
    month = _due(person, dt.datetime(2025, 3, 31, 18, 0, tzinfo=UTC))
    assert month["sds"].status == month["dsm5_sud"].status == "due"


def test_a_questionnaire_not_yet_scheduled_can_be_answered_on_demand(person: Any) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    with time_machine.travel(dt.datetime(2025, 3, 2, 16, 0, tzinfo=UTC), tick=False):
        early = services.response_submit(
            owner=person, instrument="sds", answers={f"q{n}": 1 for n in range(1, 6)}
        )
    assert early.created
    assert early.response.total == 5  # five items answered 1
    assert early.response.slot_start is None  # an extra answer; the schedule is unchanged
    assert _due(person, dt.datetime(2025, 3, 31, 18, 0, tzinfo=UTC))["sds"].status == "due"


def test_the_due_list_follows_the_persons_time_zone(person: Any) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    with time_machine.travel(dt.datetime(2025, 3, 3, 15, 0, tzinfo=UTC), tick=False):
        services.response_submit(owner=person, instrument="daily", answers=daily())
    # 05:30 UTC on 4 March is still 23:30 on 3 March in Chicago: today's check-in is done
    evening = _due(person, dt.datetime(2025, 3, 4, 5, 30, tzinfo=UTC))
    assert evening["daily"].status == "done"
    # 06:30 UTC is 00:30 on 4 March in Chicago: a new day, a new window
    midnight = _due(person, dt.datetime(2025, 3, 4, 6, 30, tzinfo=UTC))
    assert midnight["daily"].status == "due"
    assert midnight["daily"].window.start == dt.date(2025, 3, 4)


def test_a_missed_day_is_marked_and_never_back_filled(person: Any) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    # Nothing answered on 2 March; on the 3rd the list says so
    due = _due(person, dt.datetime(2025, 3, 3, 15, 0, tzinfo=UTC))
    assert due["daily"].status == "due"
    assert due["daily"].missed_previous == dt.date(2025, 3, 2)
    # Answering on the 3rd counts for the 3rd; the 2nd stays missed
    with time_machine.travel(dt.datetime(2025, 3, 3, 16, 0, tzinfo=UTC), tick=False):
        result = services.response_submit(owner=person, instrument="daily", answers=daily())
    assert (result.response.local_date, result.response.slot_start) == (
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 3),
    )
    due = _due(person, dt.datetime(2025, 3, 3, 17, 0, tzinfo=UTC))
    assert due["daily"].missed_previous == dt.date(2025, 3, 2)


def test_a_closed_phq9_window_is_missed_and_a_late_answer_is_an_extra(person: Any) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    # The first window is 8–10 March (a week after joining); on the 12th it has closed
    due = _due(person, dt.datetime(2025, 3, 12, 15, 0, tzinfo=UTC))
    assert due["phq9"].status == "missed"
    assert due["phq9"].next_due == dt.date(2025, 3, 22)
    with time_machine.travel(dt.datetime(2025, 3, 12, 16, 0, tzinfo=UTC), tick=False):
        late = services.response_submit(
            owner=person, instrument="phq9", answers=phq9(0, 0, 0, 0, 0, 0, 0, 0, 0)
        )
    assert late.response.slot_start is None  # recorded for today, not for the closed window
    assert late.response.local_date == dt.date(2025, 3, 12)
    assert _due(person, dt.datetime(2025, 3, 12, 17, 0, tzinfo=UTC))["phq9"].status == "missed"
    # The next window opens on the 22nd as planned
    assert _due(person, dt.datetime(2025, 3, 22, 15, 0, tzinfo=UTC))["phq9"].status == "due"


def test_a_window_is_answered_once_later_answers_are_extras(person: Any) -> None:
    _joined(person, dt.datetime(2025, 2, 22, 15, 0, tzinfo=UTC))  # GAD-7 first due 1 March
    with time_machine.travel(dt.datetime(2025, 3, 1, 16, 0, tzinfo=UTC), tick=False):
        first = services.response_submit(
            owner=person, instrument="gad7", answers={f"q{n}": 0 for n in range(1, 8)}
        )
    with time_machine.travel(dt.datetime(2025, 3, 2, 16, 0, tzinfo=UTC), tick=False):
        second = services.response_submit(
            owner=person, instrument="gad7", answers={f"q{n}": 1 for n in range(1, 8)}
        )
    assert first.response.slot_start == dt.date(2025, 3, 1)
    assert second.response.slot_start is None
    assert _due(person, dt.datetime(2025, 3, 2, 17, 0, tzinfo=UTC))["gad7"].status == "done"


def test_optional_schedules_can_be_turned_off_but_daily_and_phq9_stay(person: Any) -> None:
    schedule_services.schedule_update(owner=person, instrument="sds", enabled=False)
    assert "sds" not in {item.instrument for item in selectors.due_now(owner=person)}
    with pytest.raises(InvalidInput) as daily_off:
        schedule_services.schedule_update(owner=person, instrument="daily", enabled=False)
    assert daily_off.value.field == "enabled"
    with pytest.raises(InvalidInput) as too_rare:
        schedule_services.schedule_update(owner=person, instrument="phq9", interval_days=60)
    assert too_rare.value.field == "interval_days"
    with pytest.raises(InvalidInput):
        schedule_services.schedule_update(owner=person, instrument="cows")
    with pytest.raises(InvalidInput) as daily_time:  # set in the reminder settings instead
        schedule_services.schedule_update(
            owner=person, instrument="daily", preferred_time=dt.time(20)
        )
    assert daily_time.value.field == "preferred_time"


def test_turning_a_schedule_back_on_starts_it_afresh(person: Any) -> None:
    _joined(person, dt.datetime(2025, 3, 1, 15, 0, tzinfo=UTC))
    with time_machine.travel(dt.datetime(2025, 3, 2, 15, 0, tzinfo=UTC), tick=False):
        schedule_services.schedule_update(owner=person, instrument="sds", enabled=False)
    with time_machine.travel(dt.datetime(2025, 4, 20, 15, 0, tzinfo=UTC), tick=False):
        schedule_services.schedule_update(owner=person, instrument="sds", enabled=True)
    due = _due(person, dt.datetime(2025, 4, 20, 16, 0, tzinfo=UTC))
    assert due["sds"].status == "due"
    assert due["sds"].missed_previous is None  # the months it was off are not "missed"


def test_due_now_is_two_queries_whatever_the_history(
    person: Any, django_assert_max_num_queries: Any
) -> None:
    _joined(person, dt.datetime(2023, 1, 1, 15, 0, tzinfo=UTC))
    Response.objects.bulk_create(
        Response(
            owner=person,
            instrument="daily",
            version="1",
            total=3,
            local_date=dt.date(2023, 1, 1) + dt.timedelta(days=n),
            slot_start=dt.date(2023, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(700)
    )
    with django_assert_max_num_queries(2):
        items = selectors.due_now(owner=person, now=dt.datetime(2024, 12, 1, 15, 0, tzinfo=UTC))
    assert len(items) == 5
