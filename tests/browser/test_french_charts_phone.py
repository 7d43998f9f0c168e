"""The charts `app.js` and `plans.js` draw speak the page's language: on a French page Today's
chart has French month names, French numbers and French words in its readout (and in its empty
state), and the plan chart's legend reads "prévu" and "noté", never uPlot's "--"."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from tests.browser.test_french_phone import EMAIL, _sign_in, french_phone  # noqa: F401

from stepdown.accounts.models import User
from stepdown.journal.services import dose_create
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db(transaction=True)

# The readout under the cursor for the day `ts` (seconds, noon UTC), as a person hovering it sees.
READ_DAY = """(el, ts) => {
  el._plot.setCursor({ left: el._plot.valToPos(ts, "x"), top: 10 });
  return el.querySelector("[data-testid=chart-readout]").textContent;
}"""


def _noon(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()


def test_todays_chart_in_french(french_phone: Page, page_errors: list[str]) -> None:  # noqa: F811
    page = french_phone
    _sign_in(page)
    expect(page.get_by_test_id("chart-empty")).to_have_text(
        "Rien pour l’instant : notez une prise et vos journées apparaîtront ici."
    )
    owner = User.objects.get(email=EMAIL)
    two_days_ago = timezone.now() - dt.timedelta(days=2)
    dose_create(owner=owner, amount=Decimal("2.5"), taken_at=two_days_ago)
    page.goto("/today/")
    chart = page.locator('[data-chart="daily-totals"]')
    expect(chart.locator("canvas")).to_be_visible()
    day = timezone.localtime(two_days_ago, owner.zone).date()
    first = dt.date(day.year, day.month, 1)
    ticks = chart.evaluate("(el, t) => el._plot.axes[0].values(el._plot, [t])", _noon(first))
    months = [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ]
    assert ticks == [f"1 {months[first.month - 1]}"]
    expect(chart.locator(".chart-key")).to_have_text("grammesMoyenne sur 7 jours")
    readout = chart.evaluate(READ_DAY, _noon(day))
    found = re.fullmatch(
        rf"{day.day} (\S+) : grammes 2,5 g( · Moyenne sur 7 jours \d+,\d g)?", readout
    )
    assert found is not None, readout
    assert found.group(1) == months[day.month - 1], readout
    early = chart.evaluate(READ_DAY, _noon(day - dt.timedelta(days=30)))
    assert early.endswith(" : rien de noté"), early
    assert page_errors == []


def test_the_plan_chart_legend_in_french(french_phone: Page, page_errors: list[str]) -> None:  # noqa: F811
    page = french_phone
    _sign_in(page)
    owner = User.objects.get(email=EMAIL)
    plan_create(
        owner=owner,
        start_g=Decimal("9.6"),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=4,
    )
    page.goto("/plan/")
    chart = page.locator("#plan-chart")
    legend = chart.locator(".u-legend")
    expect(legend).to_contain_text("Jour")
    expect(legend).to_contain_text("noté")
    expect(legend).to_contain_text("prévu")
    assert "--" not in legend.inner_text()
    today = timezone.localdate(timezone=owner.zone)
    chart.evaluate(
        "(el, t) => el._plot.setCursor({ left: el._plot.valToPos(t, 'x'), top: 10 })",
        _noon(today),
    )
    expect(legend).to_contain_text("9,6 g")
    assert "9.6" not in legend.inner_text()
    assert page_errors == []
