"""Helpers shared by the plan tests (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

# Monday 10 February 2025, noon in Chicago (CST, UTC−6): Sam's local today is 2025-02-10.
NOW = dt.datetime(2025, 2, 10, 18, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 2, 10)


def make_plan(person: Any, **fields: Any) -> Any:
    """A 12 g, 10 %, weekly plan in 4 doses starting today (see the docs' worked example)."""
    from stepdown.plans.services import plan_create

    params: dict[str, Any] = {
        "start_g": Decimal(12),
        "method": "proportional",
        "rate_pct": Decimal(10),
        "doses_per_day": 4,
        "start_date": TODAY,
    }
    return plan_create(owner=person, **(params | fields)).plan


# The plan wizard's form, filled in as a person would for a 10 % plan from 12 g.
WIZARD = {
    "start_g": "12",
    "doses_per_day": "4",
    "target_doses_per_day": "",
    "start_date": "2025-02-10",
    "pace": "steady",
    "method": "proportional",
    "rate_pct": "10",
    "interval_days": "7",
    "stabilize_days": "7",
    "resolution_g": "0.1",
    "stop_below_g": "0.5",
}


def page_text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode()).strip()
