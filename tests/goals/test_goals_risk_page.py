"""The Risk page reads real journal data (owner-scoped, local days), keeps snapshots and stays
within a constant number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.goals.goals_support import CHICAGO, at, days_ago

from stepdown.goals.models import RiskSnapshot
from stepdown.goals.risk import risk_inputs, risk_refresh

pytestmark = pytest.mark.django_db

# 05:00 in Chicago on 20 January: nothing logged yet today.
EARLY = dt.datetime(2026, 1, 20, 5, 0, tzinfo=CHICAGO)


def _nine_days_of_six_doses(owner: Any, log: Callable[..., Any], product: Any = None) -> None:
    """11–19 January: 6 doses of 1 g a day, 06:00 to 16:00 local."""
    for back in range(1, 10):
        for hour in (6, 8, 10, 12, 14, 16):
            log(owner, "1", at(days_ago(back), hour), product)


def test_factors_come_from_the_journal_with_the_arithmetic(
    web: Client, person: Any, log: Callable[..., Any], answer: Callable[..., Any]
) -> None:
    with time_machine.travel(EARLY, tick=False):
        answer(person, reason="cut_down", substance_history="none")
        _nine_days_of_six_doses(person, log)
        page = web.get("/risk/").content.decode()
        inputs = risk_inputs(owner=person)
    # The journal begins 11 January; today (the 20th) is not over and is left out, so the
    # window counts 11–19 January = 9 days covered, all 9 used, 9 × 6 = 54 doses, 54 g.
    assert inputs.journal is not None
    assert (inputs.journal.days_covered, inputs.journal.days_used) == (9, 9)
    assert (inputs.journal.dose_count, inputs.journal.total_g) == (54, Decimal(54))
    # Days of use a week: 9 × 7 / 9 = 7 (>= 6: daily use, weight 2).
    assert "about 7 days of use a week" in page
    # Doses on a day of use: 54 / 9 = 6 (> 5); a week: 54 × 7 / 9 = 42 (frequent, weight 3).
    assert "about 6 doses on a day of use, 42 a week" in page
    # 2 + 3 = 5: moderate (3 to 5); the heavier factor is listed first.
    assert "Moderate risk" in page
    assert page.index("Many doses a day") < page.index("Using every day or nearly")
    assert "Singh2019" in page
    assert "Rogers2024" in page
    assert 'href="/learn/tolerance-and-dependence/"' in page
    # 1 g a dose is below 5 g: no large-dose factor.
    assert "Large doses" not in page
    # cut_down suggests a plan, at /plan/new/.
    assert 'href="/plan/new/"' in page


def test_products_in_the_journal_count(web: Client, person: Any, log: Callable[..., Any]) -> None:
    from stepdown.journal.models import Product

    extract = Product.objects.create(owner=person, name="Extract", form="extract")
    with time_machine.travel(EARLY, tick=False):
        log(person, "0.5", at(days_ago(1), 9), extract)
        page = web.get("/risk/").content.decode()
    assert "Your journal shows extracts in the last 4 weeks." in page
    assert "Prozialeck2020" in page


def test_someone_elses_journal_is_never_read(
    web: Client, person: Any, other_person: Any, log: Callable[..., Any]
) -> None:
    with time_machine.travel(EARLY, tick=False):
        _nine_days_of_six_doses(other_person, log)
        page = web.get("/risk/").content.decode()
        inputs = risk_inputs(owner=person)
    assert inputs.journal is None
    assert "Lower risk" in page
    assert "We do not know your pattern of use yet" in page


def test_a_dose_at_2330_counts_for_its_local_day(person: Any, log: Callable[..., Any]) -> None:
    # 23:30 on 19 January in Chicago is 05:30 UTC on the 20th; with nothing else logged the
    # journal begins (and was used) on the 19th: the 19th is the one complete day covered (the
    # 20th is still under way), and it was used.
    with time_machine.travel(EARLY, tick=False):
        log(person, "2", at(days_ago(1), 23, 30))
        journal = risk_inputs(owner=person).journal
    assert journal is not None
    assert (journal.days_covered, journal.days_used, journal.dose_count) == (1, 1, 1)


def test_dsm5_answers_from_check_ins_set_the_tier(web: Client, person: Any) -> None:
    from stepdown.checkins.services import response_submit
    from stepdown.core.instruments import get_instrument

    answers = {item.code: 0 for item in get_instrument("dsm5_sud").items}
    answers |= {"craving": 1, "tolerance": 1}
    with time_machine.travel(EARLY, tick=False):
        response_submit(owner=person, instrument="dsm5_sud", answers=answers)
        page = web.get("/risk/").content.decode()
    # 2 of 11 criteria: the DSM-5 threshold of a (mild) use disorder, whatever else applies.
    assert "In the range of a use disorder" in page
    assert "met 2 of the 11 criteria: the range of a mild use disorder" in page


def test_snapshots_are_kept_when_the_profile_changes(
    web: Client, person: Any, answer: Callable[..., Any]
) -> None:
    with time_machine.travel(EARLY, tick=False):
        web.get("/risk/")
        assert RiskSnapshot.objects.filter(owner=person).count() == 0  # a GET never writes
        risk_refresh(owner=person)  # the daily job keeps the first snapshot
        risk_refresh(owner=person)
        assert RiskSnapshot.objects.filter(owner=person).count() == 1
        # Saving the answers stores the changed profile.
        answer(person, reason="quit", self_treatment=["sleep", "pain"], years_of_use=3)
        page = web.get("/risk/").content.decode()
    # self-treatment (2) + 3 years of use (1) = 3: moderate; the history shows both entries.
    snapshots = list(RiskSnapshot.objects.filter(owner=person))
    assert [s.tier for s in snapshots] == ["moderate", "low"]
    assert page.count("<li><time") == 2


def test_the_daily_job_keeps_a_snapshot_a_month(person: Any) -> None:
    from stepdown.jobs import run_daily_jobs

    with time_machine.travel(EARLY - dt.timedelta(days=31), tick=False):
        run_daily_jobs()
    with time_machine.travel(EARLY - dt.timedelta(days=10), tick=False):
        run_daily_jobs()
    with time_machine.travel(EARLY, tick=False):
        run_daily_jobs()
    # Day 0: first snapshot. Day 21: unchanged and 21 days old, nothing. Day 31: 31 days old.
    snapshots = list(RiskSnapshot.objects.filter(owner=person))
    assert len(snapshots) == 2
    assert {s.trigger for s in snapshots} == {"monthly"}


def test_the_risk_page_query_count_does_not_grow_with_history(
    web: Client, person: Any, answer: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    from stepdown.journal.models import Dose

    start = dt.datetime(2023, 1, 1, 8, 0, tzinfo=dt.UTC)
    Dose.objects.bulk_create(
        Dose(owner=person, amount=1, grams=1, taken_at=start + dt.timedelta(hours=6 * i))
        for i in range(3 * 365 * 4)
    )
    answer(person, reason="cut_down")
    # The session and the person, the snapshots' history, the journal window's doses and its
    # first dose, the onboarding answers, two check-in totals, the lab-based mitragynine total,
    # the medicines, and the session's save of its last activity (three statements with its
    # savepoint). Reading the page stores no snapshot.
    with django_assert_max_num_queries(13):
        response = web.get("/risk/")
    assert response.status_code == 200


@pytest.mark.parametrize("answered", [True, False])
def test_the_onboarding_answers_are_read_once(
    web: Client, person: Any, answer: Callable[..., Any], answered: bool
) -> None:
    """Also when there are none: "read and found nothing" is not "not read yet"."""
    if answered:
        answer(person, reason="cut_down")
    with CaptureQueriesContext(connection) as queries:
        assert web.get("/risk/").status_code == 200
    reads = [q["sql"] for q in queries if "goals_onboarding" in q["sql"]]
    assert len(reads) == 1, reads


def test_risk_page_needs_sign_in(client: Client) -> None:
    assert client.get("/risk/").status_code == 302


def test_risk_page_links_to_edit_answers(web: Client, person: Any) -> None:
    page = web.get("/risk/").content.decode()
    assert 'href="/onboarding/"' in page
    assert "Finish setting up" in page


def test_the_high_dose_factor_reads_mitragynine_when_every_dose_has_a_lab_value(
    person: Any,
) -> None:
    from stepdown.goals.risk import lab_mitragynine_mg
    from stepdown.journal.models import Dose

    day = dt.date(2026, 1, 10)
    taken = dt.datetime(2026, 1, 10, 15, 0, tzinfo=dt.UTC)
    lab = {"mitragynine_mg": Decimal("120.0"), "mitragynine_estimated": False}
    Dose.objects.create(owner=person, amount=2, grams=2, taken_at=taken, **lab)
    Dose.objects.create(
        owner=person, amount=2, grams=2, taken_at=taken + dt.timedelta(hours=4), **lab
    )
    assert lab_mitragynine_mg(owner=person, start=day, end=day) == Decimal(240)
    # One dose with only the default leaf potency: potency is not known, so grams are read.
    Dose.objects.create(
        owner=person,
        amount=1,
        grams=1,
        taken_at=taken + dt.timedelta(hours=6),
        mitragynine_mg=Decimal(16),
        mitragynine_estimated=True,
    )
    assert lab_mitragynine_mg(owner=person, start=day, end=day) is None


def test_a_total_outside_its_instruments_range_is_ignored(person: Any) -> None:
    """No scorer gives a DSM-5 count above 11 or an SDS total above 15: such a stored total is
    left out of the profile, a total at the top of the range is kept."""
    from stepdown.checkins.models import Response

    for instrument, total in (("dsm5_sud", 12), ("sds", 15)):
        Response.objects.create(
            owner=person, instrument=instrument, version="1", total=total, local_date=EARLY.date()
        )
    inputs = risk_inputs(owner=person)
    assert (inputs.dsm5_criteria, inputs.sds_total) == (None, 15)
