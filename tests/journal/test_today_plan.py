"""Today shows the plan's target beside what was logged, and one-tap buttons say when they
would go past the plan's target or the person's own daily limit."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from stepdown.goals.services import goal_save
from stepdown.journal import services
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db

CHICAGO = dt.timezone(dt.timedelta(hours=-6))
NOW = dt.datetime(2026, 1, 20, 12, 0, tzinfo=CHICAGO)
TODAY = dt.date(2026, 1, 20)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _plan(owner: Any, start_g: str) -> None:
    plan_create(
        owner=owner,
        start_g=Decimal(start_g),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=2,
        start_date=TODAY,
        confirm_above_recent=True,
    )


def test_today_shows_the_plans_target_and_what_is_left(web: Any, person: Any) -> None:
    with time_machine.travel(NOW, tick=False):
        _plan(person, "6")  # the first step (stabilisation) holds the starting 6 g
        services.dose_create(owner=person, amount=Decimal("2.5"), taken_at=NOW)
        page = _text(web.get("/today/").content.decode())
    # 6 g target − 2.5 g logged = 3.5 g left
    assert "Plan today 2.5 of 6 g 3.5 g left today" in page


def test_a_new_plan_shows_on_today_at_once(web: Any, person: Any) -> None:
    """The Today page is cached per person and minute; a plan written in that minute shows."""
    with time_machine.travel(NOW, tick=False):
        assert "Plan today" not in web.get("/today/").content.decode()
        _plan(person, "4")
        services.dose_create(owner=person, amount=Decimal(5), taken_at=NOW)
        page = _text(web.get("/today/").content.decode())
    assert "Plan today 5 of 4 g 1 g over today's target" in page


def test_quick_buttons_say_when_they_go_past_the_target_or_the_limit(web: Any, person: Any) -> None:
    with time_machine.travel(NOW - dt.timedelta(days=1), tick=False):
        services.dose_create(owner=person, amount=Decimal(3), taken_at=NOW - dt.timedelta(days=1))
        services.dose_create(owner=person, amount=Decimal(1), taken_at=NOW - dt.timedelta(days=1))
    with time_machine.travel(NOW, tick=False):
        goal_save(owner=person, fields={"max_g_per_day": Decimal(4)})
        _plan(person, "5")
        services.dose_create(owner=person, amount=Decimal("1.5"), taken_at=NOW)
        page = web.get("/today/").content.decode()
    notes = re.findall(r'data-testid="quick-note">([^<]*)<', page)
    # Buttons: 1.5 g (today's last), 1 g, 3 g. Today 1.5 g: +1.5 = 3 (fine), +1 = 2.5 (fine),
    # +3 = 4.5: above the 4 g limit, within the 5 g target.
    assert notes == ["Takes today above your limit of 4 g a day"]
    assert page.count('data-testid="quick-dose"') == 3
