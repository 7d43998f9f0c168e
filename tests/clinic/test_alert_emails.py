"""Urgent alerts reach the clinician: a self-harm answer or severe withdrawal sends each
clinician who sees that person one email that says only that someone needs attention, spaced
so a burst of alerts does not flood them (issue #15, "Alerts reach the clinician")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import override_settings
from tests.checkins.checkins_answers import daily, phq9
from tests.clinic.patient_data import COWS_24, COWS_25
from tests.mfa_helpers import verified_api

from stepdown.alerts.models import Alert
from stepdown.clinic.models import AlertNotice

pytestmark = pytest.mark.django_db

SITE = "https://clinic.example.org"
DASHBOARD = f"{SITE}/clinic/"
SUBJECT = "A person you supervise needs attention"
START = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _site() -> Iterator[None]:
    with override_settings(SITE_URL=SITE):
        yield


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def answer(
    api_for: Callable[[Any], Any], django_capture_on_commit_callbacks: Any
) -> Callable[..., Any]:
    """The person answers a questionnaire through the API; what follows the commit runs."""

    def post(person: Any, instrument: str, answers: dict[str, Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            response = api_for(person).post(
                "/responses", {"instrument": instrument, "answers": answers}
            )
        assert response.status_code == 201, response.json()
        return response

    return post


def _self_harm_answer(person: Any, answer: Callable[..., Any]) -> None:
    answer(person, "phq9", phq9(1, 1, 0, 0, 0, 0, 0, 0, 1))


def _to(outbox: list[Any]) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


def _assert_says_nothing_more(message: Any, person: Any, signature: str) -> None:
    assert message.subject == SUBJECT
    text = message.subject + "\n" + message.body
    assert DASHBOARD in message.body
    forbidden = [
        person.email,
        "Sam",
        signature,
        "Jones",
        "self_harm",
        "self-harm",
        "severe_withdrawal",
        "withdrawal",
        "PHQ",
        "COWS",
        "/patients/",
    ]
    forbidden += list(Alert.objects.filter(owner=person).values_list("title", flat=True))
    for word in forbidden:
        assert word.casefold() not in text.casefold(), word


def test_phq9_item_9_emails_the_consented_clinician_once_and_nothing_more(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    _self_harm_answer(person, answer)
    alert = Alert.objects.get(owner=person, code="self_harm")
    assert _to(mailoutbox) == ["kim@clinic.example"]
    _assert_says_nothing_more(mailoutbox[0], person, "Samuel Jones")
    notice = AlertNotice.objects.get()
    assert (notice.clinician_id, notice.alert_id, notice.emailed_at) == (
        clinics.kim.pk,
        alert.pk,
        START,
    )
    # The person still has the alert in their own list.
    own = api_for_items(person)
    assert [(a["code"], a["status"]) for a in own] == [("self_harm", "open")]


def api_for_items(person: Any) -> list[dict[str, Any]]:
    body = verified_api(person).get("/alerts").json()
    return body["items"] if isinstance(body, dict) else body


def test_every_treating_clinician_is_told_when_the_consent_names_none(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    share(person, clinics.riverside)
    _self_harm_answer(person, answer)
    # Lee (the admin) and Kim treat everyone at Riverside; Roe works at Hillside.
    assert _to(mailoutbox) == ["kim@clinic.example", "lee@clinic.example"]
    assert len(mailoutbox) == 2  # one email each


@pytest.mark.parametrize("case", ["no_consent", "revoked", "expired", "no_checkins", "deactivated"])
def test_no_email_to_a_clinician_who_does_not_see_it(
    case: str,
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    from stepdown.clinic.consents import consent_revoke
    from stepdown.clinic.services import membership_deactivate

    if case == "revoked":
        consent = share(person, clinics.riverside, clinicians=[clinics.kim])
        consent_revoke(owner=person, consent_id=consent.pk)
    elif case == "expired":
        share(person, clinics.riverside, clinicians=[clinics.kim], expires_on=START.date())
        clock.move_to(START + dt.timedelta(days=2))
    elif case == "no_checkins":
        share(person, clinics.riverside, clinicians=[clinics.kim], data_classes=("journal", "plan"))
    elif case == "deactivated":
        share(person, clinics.riverside, clinicians=[clinics.kim])
        membership = clinics.kim.clinic_memberships.get()
        membership_deactivate(admin=clinics.lee, membership_id=membership.pk)
    # Hillside (Roe) is another clinic and was never shared with, in every case.
    _self_harm_answer(person, answer)
    assert Alert.objects.filter(owner=person, code="self_harm").count() == 1
    assert mailoutbox == []
    assert AlertNotice.objects.count() == 0
    own = api_for_items(person)
    assert [a["code"] for a in own] == ["self_harm"]


def test_a_named_clinician_is_told_and_the_rest_of_the_clinic_is_not(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.lee])
    _self_harm_answer(person, answer)
    assert _to(mailoutbox) == ["lee@clinic.example"]


def test_a_cows_of_25_emails_and_24_does_not(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    mailoutbox: list[Any],
    clock: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim], signature="Samuel Jones")
    api = verified_api(clinics.kim)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            api.post(f"/clinic/patients/{person.pk}/cows", {"answers": COWS_24}).status_code == 201
        )
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            api.post(f"/clinic/patients/{person.pk}/cows", {"answers": COWS_25}).status_code == 201
        )
    assert Alert.objects.filter(owner=person, code="severe_withdrawal").count() == 1
    assert _to(mailoutbox) == ["kim@clinic.example"]
    _assert_says_nothing_more(mailoutbox[0], person, "Samuel Jones")


def test_a_severe_withdrawal_diary_emails_too(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    # Every one of the 12 diary items at its highest (4): 48, far past the severe band.
    answer(person, "daily", daily(diary=4))
    assert Alert.objects.filter(owner=person, code="severe_withdrawal").count() == 1
    assert _to(mailoutbox) == ["kim@clinic.example"]


def test_other_alerts_send_no_email(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    answer(person, "phq9", phq9(3, 3, 3, 3, 3, 3, 3, 3, 0))  # severe depression, no item 9
    answer(person, "daily", daily(diary=1))
    assert not Alert.objects.filter(owner=person, code__in=["self_harm", "severe_withdrawal"])
    assert mailoutbox == []


# -- spacing: one email per clinician and event, a burst sends one -----------------------------


def _people(
    make_user: Callable[..., Any], share: Callable[..., Any], clinic: Any, n: int
) -> list[Any]:
    people = []
    for k in range(n):
        someone = make_user(f"p{k}@example.org")
        share(someone, clinic, signature=f"Person {k}")
        people.append(someone)
    return people


def test_a_burst_for_many_people_sends_one_email_per_clinician(
    clinics: Any,
    share: Callable[..., Any],
    make_user: Callable[..., Any],
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    people = _people(make_user, share, clinics.riverside, 5)
    for k, someone in enumerate(people):
        clock.move_to(START + dt.timedelta(minutes=k))
        _self_harm_answer(someone, answer)
    # Lee and Kim each once, though five people raised an alert within five minutes.
    assert _to(mailoutbox) == ["kim@clinic.example", "lee@clinic.example"]
    # Each clinician still knows of all five (the dashboard lists them), none emailed twice.
    assert AlertNotice.objects.filter(clinician=clinics.kim).count() == 5
    assert AlertNotice.objects.filter(clinician=clinics.kim, emailed_at__isnull=False).count() == 1


def test_the_quiet_time_ends_after_30_minutes(
    clinics: Any,
    share: Callable[..., Any],
    make_user: Callable[..., Any],
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    first, second, third = _people(make_user, share, clinics.riverside, 3)
    _self_harm_answer(first, answer)
    clock.move_to(START + dt.timedelta(minutes=29, seconds=59))
    _self_harm_answer(second, answer)
    assert len(mailoutbox) == 2  # Lee and Kim, for the first only
    clock.move_to(START + dt.timedelta(minutes=30, seconds=1))
    _self_harm_answer(third, answer)
    assert len(mailoutbox) == 4


def test_acknowledging_ends_the_quiet_time(
    clinics: Any,
    share: Callable[..., Any],
    make_user: Callable[..., Any],
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    first, second, _ = _people(make_user, share, clinics.riverside, 3)
    _self_harm_answer(first, answer)
    assert len(mailoutbox) == 2
    alert = Alert.objects.get(owner=first)
    clock.move_to(START + dt.timedelta(minutes=5))
    acknowledged = verified_api(clinics.kim).post(
        f"/clinic/patients/{first.pk}/alerts/{alert.pk}/acknowledge", {}
    )
    assert acknowledged.status_code == 204
    clock.move_to(START + dt.timedelta(minutes=6))
    _self_harm_answer(second, answer)
    # The alert both were told of is seen: the next one is news to both again.
    assert _to(mailoutbox[2:]) == ["kim@clinic.example", "lee@clinic.example"]


def test_the_same_event_is_never_emailed_twice(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    answer: Callable[..., Any],
    mailoutbox: list[Any],
    clock: Any,
) -> None:
    from stepdown.clinic.alert_emails import send_alert_emails

    share(person, clinics.riverside, clinicians=[clinics.kim])
    _self_harm_answer(person, answer)
    alert = Alert.objects.get(owner=person)
    clock.move_to(START + dt.timedelta(hours=2))
    send_alert_emails.enqueue(alert_ids=[alert.pk])
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_email_waits_in_the_queue_for_the_worker(
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
    api_for: Callable[[Any], Any],
    mailoutbox: list[Any],
) -> None:
    from tests.reminders.conftest import DB_TASKS

    from stepdown.reminders.worker import run_queued_tasks

    share(person, clinics.riverside, clinicians=[clinics.kim])
    with override_settings(TASKS=DB_TASKS):
        # A real commit: the alert is announced after it, and the task waits in the database.
        response = api_for(person).post(
            "/responses", {"instrument": "phq9", "answers": phq9(0, 0, 0, 0, 0, 0, 0, 0, 2)}
        )
        assert response.status_code == 201
        assert Alert.objects.filter(owner=person, code="self_harm").count() == 1
        assert mailoutbox == []
        assert run_queued_tasks() is True
    assert _to(mailoutbox) == ["kim@clinic.example"]
    assert mailoutbox[0].subject == SUBJECT
