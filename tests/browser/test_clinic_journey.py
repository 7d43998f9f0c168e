"""Journey 7 of the product design (a clinician supervises), on the clinic demo: Dr. Lee signs
in with a code from the authenticator secret the demo printed, opens the dashboard and its top
person, reads the chart, proposes a slower plan, writes a note and downloads the report; then
the person signs in, accepts the proposal on Today (the plan's history names who proposed it)
and finds the visit on "Who saw my data"."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import Browser, Page, expect
from tests.mfa_helpers import totp_from_secret

from stepdown.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "journey-seven-demo"  # a throwaway demo account
TOP_PERSON = "Jordan Reyes"  # the demo's self-harm answer: always first
DESKTOP = {"width": 1280, "height": 900}


def _sign_in(page: Page, email: str) -> None:
    page.goto("/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _page(browser: Browser, base_url: str, errors: list[str]) -> Page:
    context = browser.new_context(viewport=DESKTOP, base_url=base_url, accept_downloads=True)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return page


def test_journey_seven_from_the_dashboard_to_an_accepted_proposal(
    browser: Browser, live_server: Any, tmp_path: Path
) -> None:
    from stepdown.demo_clinic import create_clinic_demo, person_email

    made = create_clinic_demo(password=PASSWORD)
    errors: list[str] = []
    page = _page(browser, live_server.url, errors)

    # Dr. Lee signs in: password, then the code an authenticator computes from the secret. The
    # demo's set-up spent the current 30-second code, so the app shows the next one.
    _sign_in(page, made.email)
    expect(page).to_have_url(re.compile(r"/account/mfa/verify/"))
    page.get_by_label("Code").fill(totp_from_secret(made.totp_secret, time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    expect(page).not_to_have_url(re.compile(r"/account/(mfa|login)/"))

    # The dashboard: the person with the self-harm answer comes first, and says why.
    page.goto("/clinic/")
    top = page.get_by_test_id("triage-row").first
    expect(top.get_by_role("link")).to_have_text(TOP_PERSON)
    expect(top.locator('[data-code="self_harm"]')).to_contain_text(
        "Answered a check-in question about self-harm"
    )
    top.get_by_role("link").click()

    # The patient page: the chart draws the doses and the plan's target.
    expect(page.get_by_role("heading", name=TOP_PERSON, level=1)).to_be_visible()
    chart = page.get_by_test_id("patient-chart")
    expect(chart.locator("svg")).to_have_count(1)
    expect(chart.get_by_text("grams taken")).to_have_count(1)
    expect(chart.get_by_text("plan target")).to_have_count(1)
    dose_points = chart.locator('polyline[stroke="#1f5fa8"]').first.get_attribute("points") or ""
    target_points = chart.locator('polyline[stroke="#555555"]').first.get_attribute("points") or ""
    assert len(dose_points.split()) >= 28  # six weeks of doses, a point a day
    assert len(target_points.split()) >= 2  # the plan's days so far
    person_path = page.url.removeprefix(live_server.url)

    # A slower plan: 5 % a step instead of 10 %.
    proposals = page.locator('[data-section="proposals"]')
    proposals.get_by_label("Proposal").select_option("slow")
    proposals.get_by_label("New cut per step (%)").fill("5")
    proposals.get_by_label("Why (the person sees this)").fill("Smaller steps while things settle.")
    proposals.get_by_role("button", name="Send proposal").click()
    expect(page).to_have_url(re.compile(re.escape(person_path) + "#proposals$"))
    card = page.locator('[data-section="proposals"] [data-testid="proposal"]')
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Slow down to 5 % a step")
    expect(card).to_contain_text("waiting for their answer")
    expect(card).to_contain_text("last planned day")

    # A note, shared with them.
    notes = page.locator('[data-section="notes"]')
    notes.get_by_label("Note", exact=True).fill(
        "We agreed on smaller steps; call me if the nights get hard."
    )
    notes.get_by_label("Share this note with the person").check()
    notes.get_by_role("button", name="Save note").click()
    shared = page.locator('[data-testid="note"][data-shared="yes"]')
    expect(shared).to_contain_text("We agreed on smaller steps")

    # The report for the record, as a download.
    with page.expect_download() as download:
        page.get_by_role("button", name="Report for the record (PDF)").click()
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)
    pdf = saved.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join((p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert TOP_PERSON in text
    assert person_email("Jordan", "Reyes") in text
    assert "We agreed on smaller steps" in text
    assert "Slow down to 5 % a step" in text
    page.context.close()

    # The person signs in, sees the proposal on Today and accepts it.
    person = _page(browser, live_server.url, errors)
    _sign_in(person, person_email("Jordan", "Reyes"))
    expect(person).to_have_url(re.compile(r"/today/"))
    offer = person.get_by_test_id("proposal")
    expect(offer).to_contain_text("Dr. Lee (demo)")
    expect(offer).to_contain_text("Slow down to 5 % a step")
    expect(offer.get_by_test_id("proposal-preview")).to_be_visible()
    offer.get_by_role("button", name="Accept").click()
    expect(person.get_by_text("Proposal accepted: your plan has changed.")).to_be_visible()
    plan = Plan.objects.get(owner__email=person_email("Jordan", "Reyes"), status="active")
    entry = plan.adjustments.order_by("-pk").first()
    assert entry is not None
    assert entry.source == "clinician"
    assert entry.reason == "Smaller steps while things settle."
    assert entry.detail["proposed_by"] == "Dr. Lee (demo)"
    assert entry.detail["clinic"] == "Riverside Clinic (demo)"
    assert plan.rate_pct == 5

    # "Who saw my data" lists Dr. Lee's visit to the page and the report.
    person.goto("/account/access-log/")
    log = person.get_by_test_id("access-log")
    expect(log.locator("li").filter(has_text="Dr. Lee (demo)").first).to_be_visible()
    expect(log).to_contain_text("opened your")
    expect(log).to_contain_text("wrote a note about you")
    person.context.close()
    assert errors == []
