"""The worker: a due reminder sends one email and only one, private, with a working unsubscribe."""

from __future__ import annotations

import datetime as dt
import re
import smtplib
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult
from tests.reminders.conftest import DB_TASKS, EVENING, SITE, TODAY, set_preferences

from stepdown.reminders.models import ReminderPreference, SentReminder
from stepdown.reminders.tokens import unsubscribe_token
from stepdown.reminders.worker import enqueue_due_reminders, run_queued_tasks, run_round

# Transactional: db_worker calls close_old_connections(), which closes a connection that is
# inside a test's wrapping transaction (on PostgreSQL), as it would a broken one.
pytestmark = pytest.mark.django_db(transaction=True)

# Words that would tell a reader of the inbox something about the person's health or plan
# (whole words, so "Stepdown" itself is allowed).
HEALTH_WORDS = (
    r"check-?ins?",
    "daily",
    "phq",
    "gad",
    "sds",
    "dsm",
    r"questionnaires?",
    r"depress\w*",
    "anxiety",
    "withdrawal",
    "kratom",
    "taper",
    r"plans?",
    r"steps?",
    "target",
    r"doses?",
    "g",
    r"grams?",
    r"\d+(\.\d+)?",
    "sam",
)


def _start_plan_tomorrow(owner: Any) -> Any:
    """A 12 g plan whose first step starts on the 11th, so its step reminder is due tonight."""
    from stepdown.plans.services import plan_create

    return plan_create(
        owner=owner,
        start_g=Decimal(12),
        method="proportional",
        rate_pct=Decimal(10),
        doses_per_day=4,
        start_date=TODAY + dt.timedelta(days=1),
    ).plan


def _link(message: Any) -> str:
    match = re.search(r"<(https://[^>]+)>", message.extra_headers["List-Unsubscribe"])
    assert match is not None
    return match.group(1)


def _round(at: dt.datetime) -> Any:
    with override_settings(TASKS=DB_TASKS), time_machine.travel(at, tick=False):
        return run_round(site_url=SITE)


def test_a_due_reminder_sends_one_email_and_only_one(sam: Any) -> None:
    set_preferences(sam)
    with time_machine.travel(EVENING, tick=False):
        _start_plan_tomorrow(sam)
    first = _round(EVENING)
    second = _round(EVENING + dt.timedelta(minutes=1))
    assert (first.enqueued, first.ran_tasks) == (1, True)
    assert second.enqueued == 0
    assert len(mail.outbox) == 1
    # One email stands for everything due at 20:05: the check-in and tomorrow's first step.
    # On an account's first day no questionnaire is due yet (PHQ-9/GAD-7 from day 8).
    sent = set(SentReminder.objects.values_list("kind", "due_key"))
    assert sent == {("checkin", "2025-02-10"), ("step", "2025-02-11")}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_email_carries_no_health_details(sam: Any) -> None:
    set_preferences(sam)
    with time_machine.travel(EVENING, tick=False):
        _start_plan_tomorrow(sam)
    _round(EVENING)
    [message] = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject == "A reminder from Stepdown"
    assert "You have something due in Stepdown" in message.body
    # Links are checked separately; everything else must be free of health words.
    text = (message.subject + "\n" + re.sub(r"https://\S+", "", str(message.body))).lower()
    found = [word for word in HEALTH_WORDS if re.search(rf"\b{word}\b", text)]
    assert not found, found


def test_the_email_has_an_opaque_unsubscribe_link_and_the_headers(sam: Any) -> None:
    prefs = set_preferences(sam)
    _round(EVENING)
    [message] = mail.outbox
    link = _link(message)
    assert link in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = unsubscribe_token(prefs.unsubscribe_key)
    assert link == f"{SITE}/reminders/unsubscribe/{token}/"
    # The token is the random key and its signature: no email address, no account number.
    assert token.split(".")[0] == prefs.unsubscribe_key.hex
    assert "sam" not in link
    assert f"{SITE}/" in message.body


def test_the_unsubscribe_link_works_without_sign_in_and_stops_emails(sam: Any) -> None:
    set_preferences(sam)
    _round(EVENING)
    path = _link(mail.outbox[0]).removeprefix(SITE)
    page = Client().get(path)
    assert page.status_code == 200
    assert "no more reminder emails" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    prefs = ReminderPreference.objects.get(owner=sam)
    assert (prefs.email, prefs.unsubscribed_at is not None) == (False, True)
    # The next evening a new check-in is due, but no email goes out.
    assert _round(EVENING + dt.timedelta(days=1)).enqueued == 0
    assert len(mail.outbox) == 1
    # Opening the link again still confirms, and changes nothing.
    assert Client().get(path).status_code == 200


def test_a_mail_programs_one_click_post_unsubscribes(sam: Any) -> None:
    set_preferences(sam)
    _round(EVENING)
    path = _link(mail.outbox[0]).removeprefix(SITE)
    # RFC 8058: a POST with this body and no cookies or CSRF token.
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert response.content == b"Unsubscribed."
    assert ReminderPreference.objects.get(owner=sam).email is False


def test_a_damaged_or_forged_link_changes_nothing(sam: Any) -> None:
    import uuid

    prefs = set_preferences(sam)
    token = unsubscribe_token(prefs.unsubscribe_key)
    damaged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    unknown = unsubscribe_token(uuid.uuid4())
    forged = f"{prefs.unsubscribe_key.hex}.notasignature"
    for bad in (damaged, unknown, forged, "x"):
        response = Client().get(f"/reminders/unsubscribe/{bad}/")
        assert response.status_code == 404, bad
        assert "does not work" in response.content.decode()
    assert ReminderPreference.objects.get(owner=sam).email is True


def test_turning_email_on_again_in_settings_clears_the_unsubscribe(sam: Any) -> None:
    prefs = set_preferences(sam)
    Client().get(f"/reminders/unsubscribe/{unsubscribe_token(prefs.unsubscribe_key)}/")
    again = set_preferences(sam, email=True)
    assert (again.email, again.unsubscribed_at) == (True, None)
    assert _round(EVENING).enqueued == 1


def test_enqueuing_twice_before_the_worker_runs_still_sends_one_email(sam: Any) -> None:
    set_preferences(sam)
    with override_settings(TASKS=DB_TASKS), time_machine.travel(EVENING, tick=False):
        # Not sent yet, so both rounds of scheduling enqueue a task (as two workers might).
        assert enqueue_due_reminders(site_url=SITE) == 1
        assert enqueue_due_reminders(site_url=SITE) == 1
        assert run_queued_tasks() is True
    assert len(mail.outbox) == 1
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        "SUCCESSFUL",
        "SUCCESSFUL",
    ]


def test_nothing_is_sent_in_quiet_hours_and_the_reminder_comes_when_they_end(sam: Any) -> None:
    from stepdown.checkins.schedule_services import schedule_update

    # No check-in reminder; the PHQ-9 (first due a week after joining, on the 17th) at 19:00,
    # inside quiet hours 18:00–08:00.
    set_preferences(sam, checkin_time=None, quiet_start=dt.time(18), quiet_end=dt.time(8))
    schedule_update(owner=sam, instrument="phq9", preferred_time=dt.time(19, 0))
    evening = dt.datetime(2025, 2, 18, 1, 30, tzinfo=dt.UTC)  # 19:30 CST on the 17th
    assert _round(evening).enqueued == 0
    morning = dt.datetime(2025, 2, 18, 14, 5, tzinfo=dt.UTC)  # 08:05 CST on the 18th
    assert _round(morning).enqueued == 1
    assert len(mail.outbox) == 1
    kinds = set(SentReminder.objects.values_list("kind", flat=True))
    assert kinds == {"questionnaire"}


def test_an_answered_check_in_is_not_reminded(sam: Any) -> None:
    from stepdown.checkins.models import Response

    set_preferences(sam, questionnaires=False, step_eve=False)
    Response.objects.create(
        owner=sam, instrument="daily", version="1", total=0, local_date=TODAY, slot_start=TODAY
    )
    assert _round(EVENING).enqueued == 0
    assert mail.outbox == []


def test_email_off_means_no_email(sam: Any) -> None:
    set_preferences(sam, email=False)
    assert _round(EVENING).enqueued == 0
    assert mail.outbox == []


def test_a_failed_send_is_retried_by_the_next_round(
    sam: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.mail.backends.locmem import EmailBackend

    set_preferences(sam)

    def refuse(self: Any, messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("the mail server went away")

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        assert _round(EVENING).enqueued == 1
    assert DBTaskResult.objects.get().status == "FAILED"
    assert not SentReminder.objects.exists()  # released, so the next round tries again
    assert _round(EVENING + dt.timedelta(minutes=1)).enqueued == 1
    assert len(mail.outbox) == 1
