"""French words are longer: on a 390 px phone the French plan page, the planner wizard, the
pouch strip, the Support page and the skin upload page fit the screen without scrolling
sideways, with no script or CSP error (the wide tables scroll inside their own box)."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from stepdown.plans.services import plan_create
from stepdown.skin.models import PhotoSession

pytestmark = pytest.mark.django_db(transaction=True)

# Where to leave the pictures for a person to look at (not committed); unset: none are kept.
SHOTS = os.environ.get("STEPDOWN_SHOTS_DIR", "")
SCROLLING_BOXES = ".table-scroll, .chart-table-scroll, .strip-page"


def test_the_french_pages_fit_a_phone(
    phone_page: Page, page_errors: list[str], live_server: Any, person: Any
) -> None:
    person.language = "fr"
    person.save(update_fields=["language"])
    plan = plan_create(
        owner=person,
        start_g=Decimal("9.6"),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=4,
    ).plan
    PhotoSession.objects.create(
        owner=person,
        taken_at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
        comparison_ok=True,
        delta_ita_deg=-12.0,
    )
    signed_in = Client()
    signed_in.force_login(person)
    page = phone_page
    page.context.add_cookies(
        [
            {"name": name, "value": morsel.value, "url": live_server.url}
            for name, morsel in signed_in.cookies.items()
        ]
    )
    for name, path, heading in (
        ("plan", "/plan/", "Votre plan"),
        ("wizard", "/plan/new/", "Créer un plan"),
        ("strip", f"/plan/{plan.pk}/strip/", "Fiche des sachets"),
        ("support", "/learn/support/", "Soutien"),
        ("urge", "/learn/tools/urge/", "Minuteur d’envie"),
        ("skin-new", "/skin/new/", "Nouvelle séance photo"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, exact=False).first).to_be_visible()
        wide = page.evaluate(
            "sel => [...document.querySelectorAll('body *')]"
            ".filter(e => e.getBoundingClientRect().right > 391)"
            ".filter(e => !e.closest(sel))"
            ".map(e => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 40))",
            SCROLLING_BOXES,
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, (name, wide)
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/fr-{name}-phone.png", full_page=True)
    # The chart's legend is drawn by the script, with the words the page gave it.
    page.goto("/plan/")
    expect(page.locator("#plan-chart .u-legend")).to_contain_text("prévu")
    # The skin chart's axis: its title from the page, its days in French.
    page.goto("/skin/")
    chart = page.locator('[data-chart="skin-trend"]')
    expect(chart.locator("canvas")).to_be_visible()
    assert chart.evaluate("el => el._plot.axes[1].label") == "ΔITA° (exposée − bras)"
    first_march = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC).timestamp()
    ticks = chart.evaluate("(el, t) => el._plot.axes[0].values(el._plot, [t])", first_march)
    assert ticks == ["1 mars"]
    # The wizard's first preview, with no journal to start from, is refused (422) until an
    # amount is typed: the browser logs that response, which is expected.
    assert [error for error in page_errors if "422" not in error] == []
