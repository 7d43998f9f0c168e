"""Urgent alerts reach the clinicians: a self-harm signal or severe withdrawal is emailed at once
to every clinician who sees that person now, saying only that someone needs attention.

The alerts app announces new rows after they commit (``alerts.events.alerts_recorded``); the
receiver here enqueues one task for the urgent ones (``core.triage.CLINIC_ALERT_CODES``), and
``stepdown worker`` runs it. Who is told is the one access decision (``access.consent_for``,
asked again when the task runs, so a revocation in between counts) and whether the consent
lets them see that alert at all (``core.triage.alert_shown``).

**Spacing.** One email per clinician and event (``AlertNotice`` is unique per pair), and at most
one email per clinician every ``QUIET_MINUTES`` while an alert an earlier email told them of is
still open: a burst of alerts for many people sends one email that leads to the dashboard,
which lists them all. Once those alerts are acknowledged (or the quiet time has passed) the
next urgent alert is emailed at once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop
from django_tasks import task

from stepdown.accounts.models import User
from stepdown.accounts.tasks import email_language
from stepdown.alerts.models import Alert
from stepdown.clinic.access import consent_for
from stepdown.clinic.models import AlertNotice
from stepdown.core.triage import CLINIC_ALERT_CODES, alert_shown

QUIET_MINUTES = 30
# The subject is the whole message: no name, code or detail of anyone's health.
SUBJECT = gettext_noop("A person you supervise needs attention")


def alerts_recorded_receiver(
    sender: object, *, owner: User, alerts: Sequence[Alert], **_: Any
) -> None:
    """Enqueue the email task for the urgent ones among a person's new alerts."""
    urgent = [alert.pk for alert in alerts if alert.code in CLINIC_ALERT_CODES]
    if urgent:
        send_alert_emails.enqueue(alert_ids=urgent)


def clinicians_told(*, alerts: Sequence[Alert]) -> dict[User, list[Alert]]:
    """Each clinician who sees an alert's person now, with the alerts their consent shows."""
    by_owner: dict[int, list[Alert]] = defaultdict(list)
    for alert in alerts:
        by_owner[alert.owner_id].append(alert)
    told: dict[User, list[Alert]] = defaultdict(list)
    for owner_id, own in by_owner.items():
        # Every active member of a clinic the person shares with; the access decision itself
        # (named clinicians, expiry, revocation, membership) is ``consent_for``'s.
        candidates = User.objects.filter(
            is_active=True,
            clinic_memberships__active=True,
            clinic_memberships__clinic__consents__owner_id=owner_id,
        ).distinct()
        for clinician in candidates:
            consent = consent_for(clinician, owner_id)
            if consent is None:
                continue
            shown = [a for a in own if alert_shown(a.code, consent.data_classes)]
            if shown:
                told[clinician].extend(shown)
    return told


def dashboard_link() -> str:
    """The dashboard at the public address the worker was given (``STEPDOWN_SITE_URL``)."""
    return f"{settings.SITE_URL}{reverse('clinic:dashboard')}"


def alert_emails_send(*, alert_ids: Sequence[int], now: dt.datetime | None = None) -> int:
    """Email the clinicians about these alerts (those still open); the number of emails sent."""
    now = now or timezone.now()
    alerts = list(
        Alert.objects.filter(
            pk__in=list(alert_ids),
            kind=Alert.Kind.ALERT,
            status=Alert.Status.OPEN,
            code__in=sorted(CLINIC_ALERT_CODES),
        )
    )
    sent = 0
    for clinician, shown in clinicians_told(alerts=alerts).items():
        sent += _notify(clinician, shown, now)
    return sent


def _notify(clinician: User, alerts: list[Alert], now: dt.datetime) -> int:
    with transaction.atomic():
        # One task at a time per clinician decides, so two bursts never both send.
        User.objects.select_for_update().filter(pk=clinician.pk).first()
        known = set(
            AlertNotice.objects.filter(clinician=clinician, alert__in=alerts).values_list(
                "alert_id", flat=True
            )
        )
        fresh = [alert for alert in alerts if alert.pk not in known]
        if not fresh:
            return 0  # already told of these events
        quiet = AlertNotice.objects.filter(
            clinician=clinician,
            emailed_at__gte=now - dt.timedelta(minutes=QUIET_MINUTES),
            alert__status=Alert.Status.OPEN,
        ).exists()
        emailed_at = None if quiet else now
        AlertNotice.objects.bulk_create(
            AlertNotice(clinician=clinician, alert=alert, created_at=now, emailed_at=emailed_at)
            for alert in fresh
        )
        if quiet:
            return 0
        # The worker has no request: the email is in the language the clinician's account chose.
        with translation.override(email_language(clinician, "")):
            subject = gettext(SUBJECT)
            body = render_to_string(
                "clinic/alert_email.txt",
                {"link": dashboard_link(), "quiet_minutes": QUIET_MINUTES},
            )
        # Inside the transaction: a failed send leaves no notice marked as emailed.
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [clinician.email])
    return 1


@task()
def send_alert_emails(alert_ids: list[int]) -> int:
    """Tell each clinician who sees the person that someone needs attention (nothing more)."""
    return alert_emails_send(alert_ids=alert_ids)
