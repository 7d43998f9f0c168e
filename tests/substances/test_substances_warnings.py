"""Kratom + other substance within 24 hours, in either order: warnings, alerts, time zones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from stepdown.core.interactions import Severity
from stepdown.substances import selectors
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import KRATOM_WINDOW

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
TOKYO = ZoneInfo("Asia/Tokyo")
# A winter evening in Chicago (UTC-6): no daylight-saving change nearby.
EVENING = dt.datetime(2026, 1, 10, 22, 0, tzinfo=CHICAGO)


def at(hour: int, minute: int = 0, day: int = 10) -> dt.datetime:
    return dt.datetime(2026, 1, day, hour, minute, tzinfo=CHICAGO)


def test_window_is_a_day() -> None:
    assert dt.timedelta(hours=24) == KRATOM_WINDOW


@time_machine.travel(EVENING, tick=False)
def test_alcohol_after_kratom_warns_at_once_with_high_severity(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], interaction_alerts: Any
) -> None:
    kratom(person, at(18, 30))
    result = use(person, "alcohol", at(21, 30), amount=2)
    warning = result.warning
    assert warning is not None
    assert warning.severity is Severity.HIGH
    assert [i.class_code for i in warning.interactions] == ["alcohol"]
    # 18:30 → 21:30 is 3 hours; the kratom came first
    assert warning.hours_apart == pytest.approx(3.0)
    assert warning.kratom_after is False
    assert result.use.unit == SubstanceUse.Unit.STANDARD_DRINK  # alcohol's default unit
    alerts = interaction_alerts(person)
    assert len(alerts) == 1
    assert alerts[0].severity == "high"
    assert alerts[0].cause_key == "substance:alcohol:2026-01-10"
    result.use.refresh_from_db()
    assert result.use.interaction_alerted_at is not None


@time_machine.travel(EVENING, tick=False)
def test_the_window_ends_after_exactly_24_hours(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    kratom(person, at(21, 0, day=9))  # exactly 24 h before 21:00 on the 10th
    assert use(person, "opioids", at(21, 0)).warning is not None
    # one minute later the same dose is 24 h 1 min away: outside
    assert use(person, "opioids", at(21, 1)).warning is None


@time_machine.travel(EVENING, tick=False)
def test_no_kratom_nearby_means_no_warning_and_no_alert(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], interaction_alerts: Any
) -> None:
    kratom(person, at(8, 0, day=8))  # two and a half days earlier
    assert use(person, "benzodiazepines", at(21, 0)).warning is None
    assert interaction_alerts(person) == []


@time_machine.travel(EVENING, tick=False)
def test_low_interactions_do_not_warn_and_moderate_ones_do_not_alert(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], interaction_alerts: Any
) -> None:
    kratom(person, at(20, 0))
    assert use(person, "cannabis", at(21, 0)).warning is None  # cannabis (THC) is "low"
    stimulant = use(person, "stimulants", at(21, 0)).warning
    assert stimulant is not None
    assert stimulant.severity is Severity.MODERATE
    assert use(person, "other", at(21, 0)).warning is None  # nothing to check without a name
    assert interaction_alerts(person) == []


@time_machine.travel(EVENING, tick=False)
def test_a_name_is_checked_too_brand_names_included(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    kratom(person, at(20, 0))
    result = use(person, "other", at(21, 0), name="Xanax", unit="tablet")
    assert result.use.resolved_name == "alprazolam"
    assert result.warning is not None
    assert result.warning.severity is Severity.HIGH
    assert [i.class_code for i in result.warning.interactions] == ["benzodiazepines"]


@time_machine.travel(EVENING, tick=False)
def test_logging_the_same_thing_twice_on_one_day_makes_one_alert(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], interaction_alerts: Any
) -> None:
    kratom(person, at(18, 0))
    use(person, "alcohol", at(19, 0))
    use(person, "alcohol", at(21, 0))
    assert len(interaction_alerts(person)) == 1
    use(person, "opioids", at(21, 0), name="oxycodone", unit="mg", amount=10)
    keys = [a.cause_key for a in interaction_alerts(person)]
    assert keys == ["substance:alcohol:2026-01-10", "substance:oxycodone:2026-01-10"]


@time_machine.travel(dt.datetime(2026, 1, 11, 9, 0, tzinfo=CHICAGO), tick=False)
def test_a_substance_logged_late_for_before_a_kratom_dose_warns_too(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    kratom(person, at(8, 0, day=11))
    # Logged in the morning for the evening before: kratom came 11 hours after the drinks.
    warning = use(person, "alcohol", at(21, 0)).warning
    assert warning is not None
    assert warning.kratom_after is True
    assert warning.hours_apart == pytest.approx(11.0)


@time_machine.travel(dt.datetime(2026, 1, 11, 1, 30, tzinfo=CHICAGO), tick=False)
def test_local_midnight_and_utc_do_not_split_a_pair(
    person: Any, kratom: Callable[..., Any], use: Callable[..., Any], interaction_alerts: Any
) -> None:
    # 23:30 in Chicago is 05:30 UTC the next day; kratom at 01:00 is 1.5 hours later.
    use(person, "alcohol", at(23, 30))
    assert interaction_alerts(person) == []
    kratom(person, at(1, 0, day=11))
    found = selectors.recent_co_use(owner=person)
    assert len(found) == 1
    assert found[0].warning.hours_apart == pytest.approx(1.5)
    # The dose recorded the pair's alert. Its cause is the local day of the drinks (10 January),
    # not the UTC one (11 January).
    assert [a.cause_key for a in interaction_alerts(person)] == ["substance:alcohol:2026-01-10"]


@time_machine.travel(dt.datetime(2026, 1, 10, 13, 0, tzinfo=dt.UTC), tick=False)
def test_the_window_is_in_real_hours_whatever_the_zones(
    make_user: Callable[..., Any], kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    traveller = make_user("kim@example.org", time_zone="Asia/Tokyo")
    # 08:00 on the 10th in Tokyo is 23:00 UTC on the 9th; 21:00 Tokyo on the 10th is 12:00 UTC.
    kratom(traveller, dt.datetime(2026, 1, 10, 8, 0, tzinfo=TOKYO))
    warning = use(traveller, "alcohol", dt.datetime(2026, 1, 10, 12, 0, tzinfo=dt.UTC)).warning
    assert warning is not None
    assert warning.hours_apart == pytest.approx(13.0)


@time_machine.travel(dt.datetime(2026, 1, 11, 8, 30, tzinfo=CHICAGO), tick=False)
def test_today_shows_kratom_after_alcohol_and_records_the_alert_once(
    web: Client,
    person: Any,
    kratom: Callable[..., Any],
    use: Callable[..., Any],
    interaction_alerts: Any,
) -> None:
    use(person, "alcohol", at(21, 0), amount=3)  # no kratom yet: nothing to warn about
    assert interaction_alerts(person) == []
    kratom(person, at(8, 0, day=11))  # 11 hours after the drinks
    for _ in range(3):
        body = web.get("/today/").content.decode()
        assert 'data-testid="co-use-warning"' in body
        assert "Kratom and alcohol within 24 hours" in body
    assert [a.cause_key for a in interaction_alerts(person)] == ["substance:alcohol:2026-01-10"]


@time_machine.travel(dt.datetime(2026, 1, 12, 22, 0, tzinfo=CHICAGO), tick=False)
def test_today_forgets_pairs_once_both_are_more_than_a_day_old(
    web: Client, person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    use(person, "alcohol", at(21, 0))
    kratom(person, at(8, 0, day=11))  # the later of the two was 38 hours ago
    body = web.get("/today/").content.decode()
    assert 'data-testid="recent-substance-warning"' in body
    assert 'data-testid="co-use-warning"' not in body


@time_machine.travel(EVENING, tick=False)
def test_someone_elses_kratom_never_triggers_a_warning(
    person: Any, other_person: Any, kratom: Callable[..., Any], use: Callable[..., Any]
) -> None:
    kratom(other_person, at(20, 0))
    assert use(person, "alcohol", at(21, 0)).warning is None
    assert selectors.recent_co_use(owner=person) == []
