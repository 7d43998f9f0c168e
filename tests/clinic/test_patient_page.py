"""The patient page and its API route: who may open them, what they show, one access event per
open, and a query count that does not grow with the length of the person's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.clinic.patient_data import history
from tests.mfa_helpers import verified_api, verified_web

from stepdown.audit.models import AccessEvent
from stepdown.clinic.consents import NO_END_DATE_EVENT, consent_revoke
from stepdown.clinic.services import membership_deactivate
from stepdown.plans.services import plan_create

pytestmark = pytest.mark.django_db

ALL_CLASSES = ("journal", "plan", "checkins", "medicines", "skin", "notes")


def _page(viewer: Any, person_id: int) -> Any:
    return verified_web(viewer).get(reverse("clinic:patient", args=[person_id]))


def _api(viewer: Any, person_id: int) -> Any:
    return verified_api(viewer).get(f"/clinic/patients/{person_id}")


OPENERS = [_page, _api]


@pytest.mark.parametrize("open_", OPENERS)
def test_a_consent_naming_one_clinician_shows_the_person_to_them_only(
    open_: Callable[..., Any], clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    assert open_(clinics.kim, person.pk).status_code == 200
    assert open_(clinics.lee, person.pk).status_code == 404  # same clinic, not named
    assert open_(clinics.roe, person.pk).status_code == 404  # another clinic


@pytest.mark.parametrize("open_", OPENERS)
def test_revoked_consent_ends_access_on_the_next_request(
    open_: Callable[..., Any], clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    consent = share(person, clinics.riverside)
    assert open_(clinics.kim, person.pk).status_code == 200
    consent_revoke(owner=person, consent_id=consent.pk)
    assert open_(clinics.kim, person.pk).status_code == 404


@pytest.mark.parametrize("open_", OPENERS)
def test_expired_consent_ends_access(
    open_: Callable[..., Any], clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    with time_machine.travel(dt.datetime(2031, 1, 5, 12, tzinfo=dt.UTC), tick=False):
        share(person, clinics.riverside, expires_on=dt.date(2031, 1, 10))
        assert open_(clinics.kim, person.pk).status_code == 200
    with time_machine.travel(dt.datetime(2031, 2, 1, 12, tzinfo=dt.UTC), tick=False):
        assert open_(clinics.kim, person.pk).status_code == 404


@pytest.mark.parametrize("open_", OPENERS)
def test_a_deactivated_membership_ends_access(
    open_: Callable[..., Any], clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    assert open_(clinics.kim, person.pk).status_code == 200
    membership_deactivate(admin=clinics.lee, membership_id=clinics.kim.clinic_memberships.get().pk)
    assert open_(clinics.kim, person.pk).status_code == 404


@pytest.mark.parametrize("open_", OPENERS)
def test_someone_who_does_not_share_is_a_404(
    open_: Callable[..., Any],
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    other_person: Any,
) -> None:
    share(person, clinics.riverside)
    assert open_(clinics.kim, other_person.pk).status_code == 404
    assert open_(clinics.kim, 987654).status_code == 404
    assert AccessEvent.objects.count() == 0


def test_a_person_is_not_a_clinician(web: Any, person: Any, other_person: Any) -> None:
    assert web.get(reverse("clinic:patient", args=[other_person.pk])).status_code == 404


def test_the_json_holds_only_the_classes_the_consent_names(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",), signature="Samuel Jones")
    body = _api(clinics.kim, person.pk).json()
    assert body["id"] == person.pk
    assert body["display_name"] == "Samuel Jones"
    assert body["consent"]["data_classes"] == ["journal"]
    assert "journal" in body
    for absent in ("plan", "checkins", "medicines", "skin"):
        assert absent not in body
    assert all(day["target_g"] is None for day in body["journal"]["days"])


def test_every_class_named_gives_every_key(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=ALL_CLASSES)
    body = _api(clinics.kim, person.pk).json()
    for key in ("journal", "plan", "checkins", "medicines", "skin"):
        assert key in body
    assert body["consent"]["data_classes"] == list(ALL_CLASSES)


def test_the_page_leaves_out_sections_of_classes_not_named(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",))
    history(person, 10)
    body = _page(clinics.kim, person.pk).content.decode()
    assert 'data-section="chart"' in body
    for absent in ("plan", "checkins", "cows", "medicines", "skin"):
        assert f'data-section="{absent}"' not in body
    assert "Withdrawal diary" not in body  # the chart draws only the journal's panel
    assert "Grams a day" in body


def test_the_page_shows_the_chart_and_its_table(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=ALL_CLASSES)
    history(person, 20)
    body = _page(clinics.kim, person.pk).content.decode()
    assert "<svg" in body
    assert "patient-chart-title" in body
    assert "Withdrawal diary and COWS" in body
    assert "PHQ-9 (0–27)" in body
    assert "20 days with data" in body
    # The consent's end condition is the person's own words, quoted as such.
    assert f"as they signed it, “{NO_END_DATE_EVENT}”" in body
    for section in ("consent", "alerts", "plan", "checkins", "cows", "medicines", "skin", "notes"):
        assert f'data-section="{section}"' in body


@pytest.mark.parametrize(("open_", "kind"), [(_page, "page"), (_api, "api")])
def test_each_open_writes_one_access_event(
    open_: Callable[..., Any], kind: str, clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal", "checkins"))
    open_(clinics.kim, person.pk)
    events = list(AccessEvent.objects.all())
    assert len(events) == 1
    event = events[0]
    assert (event.actor_id, event.owner_id, event.kind) == (clinics.kim.pk, person.pk, kind)
    assert event.data_classes == ["journal", "checkins"]
    assert event.route == ("clinic:patient" if kind == "page" else "api:get_patient")
    open_(clinics.kim, person.pk)
    assert AccessEvent.objects.count() == 2


def _page_queries(viewer: Any, person_id: int) -> int:
    client = verified_web(viewer)
    url = reverse("clinic:patient", args=[person_id])
    client.get(url)  # warm up the session and any per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_history(
    clinics: Any, share: Callable[..., Any], make_user: Callable[..., Any]
) -> None:
    short = make_user("short@example.org")
    long = make_user("long@example.org")
    share(short, clinics.riverside, data_classes=ALL_CLASSES)
    share(long, clinics.riverside, data_classes=ALL_CLASSES)
    history(short, 30)
    history(long, 365)
    # Notes and proposals too: a few for the short history, many for the long one.
    for owner, count in ((short, 2), (long, 15)):
        plan_create(owner=owner, start_g="4", method="proportional", rate_pct="10", interval_days=7)
        api = verified_api(clinics.kim)
        for n in range(count):
            reason = f"Proposal {n}."
            body = {"kind": "hold", "days": n + 1, "reason": reason}
            assert api.post(f"/clinic/patients/{owner.pk}/proposals", body).status_code == 201
            note = {"text": f"Note {n}."}
            assert api.post(f"/clinic/patients/{owner.pk}/notes", note).status_code == 201
    assert _page_queries(clinics.kim, short.pk) == _page_queries(clinics.kim, long.pk)


def test_today_before_its_first_dose_is_no_point_on_the_clinicians_chart(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    from decimal import Decimal

    from stepdown.journal.models import Dose

    share(person, clinics.riverside, data_classes=("journal",))
    now = dt.datetime(2026, 3, 10, 18, 0, tzinfo=dt.UTC)  # noon on 10 March in Chicago
    for days_back in (1, 2):
        taken = now - dt.timedelta(days=days_back)
        Dose.objects.create(owner=person, amount=Decimal(4), grams=Decimal(4), taken_at=taken)
    with time_machine.travel(now, tick=False):
        days = _api(clinics.kim, person.pk).json()["journal"]["days"]
    assert days[-1]["day"] == "2026-03-10"
    assert days[-1]["dose_g"] is None  # the day is not over; it is not a drop to 0 g
    assert [day["dose_g"] for day in days[-3:-1]] == [4.0, 4.0]
