"""``/clinic/alerts/``: the open alerts page, reached from the dashboard; marking one as seen
brings the clinician back to the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.clinic.conftest import stored_alert
from tests.mfa_helpers import verified_web

from stepdown.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

HARM = "Answered a check-in question about self-harm"
SEVERE = "Severe withdrawal (diary or COWS 25 or more)"


def test_the_page_lists_them_and_marking_one_seen_comes_back_to_it(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, signature="Samuel Jones")
    harm = stored_alert(person, "self_harm", "critical", "Please reach out for support now")
    stored_alert(person, "severe_withdrawal", "high", "Withdrawal looks severe")
    web = verified_web(clinics.kim)
    dashboard = web.get(reverse("clinic:dashboard")).content.decode()
    assert f'href="{reverse("clinic:alerts")}"' in dashboard
    page = web.get(reverse("clinic:alerts"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-testid="clinic-alert"') == 2
    # The most urgent first, with the name the person signed.
    # In the clinician's words, not the person's (core.triage.STAFF_TITLES).
    assert "Please reach out" not in html
    assert html.index(HARM) < html.index(SEVERE)
    assert "Samuel Jones" in html
    assert AccessEvent.objects.filter(actor=clinics.kim, owner=person, kind="summary").count() == 1
    done = web.post(
        reverse("clinic:patient_alert_acknowledge", args=[person.pk, harm.pk]), {"back": "alerts"}
    )
    assert (done.status_code, done["Location"]) == (302, reverse("clinic:alerts"))
    harm.refresh_from_db()
    assert harm.status == "acknowledged"
    after = web.get(reverse("clinic:alerts")).content.decode()
    assert after.count('data-testid="clinic-alert"') == 1
    assert HARM not in after


def test_an_alert_the_consent_does_not_cover_is_not_on_the_page(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",))
    stored_alert(person, "self_harm", "critical", "Please reach out for support now")
    html = verified_web(clinics.kim).get(reverse("clinic:alerts")).content.decode()
    assert 'data-testid="alerts-empty"' in html
    assert HARM not in html
    assert HARM not in verified_web(clinics.roe).get(reverse("clinic:alerts")).content.decode()


def test_who_may_open_it(clinics: Any, person: Any) -> None:
    url = reverse("clinic:alerts")
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    own = Client()
    own.force_login(person)
    assert own.get(url).status_code == 404
    unverified = Client()
    unverified.force_login(clinics.kim)
    response = unverified.get(url)
    assert response.status_code == 302
    assert "mfa" in response["Location"]
