"""Accounting of disclosures (issue #16 §5, 42 CFR Part 2 §2.24/§2.25): every way a clinician
can take a person's data (the patient page, its API, the PDF report, the notes and proposals
lists, the dashboard, the FHIR record) ends up as a row of the person's CSV report, with the
recipient, what was disclosed and why; and the Part 2 notice goes out with the page, the API
answer and the FHIR record."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.conftest import PASSWORD
from tests.mfa_helpers import make_clinician, verified_api, verified_web

from stepdown.accounts.models import User
from stepdown.clinic.consents import consent_sign
from stepdown.clinic.services import clinic_create, patient_invitation_create
from stepdown.clinic.wording import REDISCLOSURE_NOTICE

pytestmark = pytest.mark.django_db

SHARED = ("journal", "plan", "checkins", "notes")


@pytest.fixture
def lee_and_sam(mailoutbox: Any) -> tuple[User, User]:
    lee = make_clinician("lee@riverside.example", display_name="Dr. Lee")
    clinic = clinic_create(name="Riverside Clinic", admin_email=lee.email).clinic
    sam = User.objects.create_user("sam@example.org", PASSWORD, display_name="Sam")
    _, code = patient_invitation_create(clinician=lee, clinic_id=clinic.pk)
    consent_sign(
        owner=sam, invitation_code=code, data_classes=SHARED, expires_on=None, signature="Sam Jones"
    )
    return lee, sam


def _report(person: User) -> list[dict[str, str]]:
    browser = Client()
    browser.force_login(person)
    response = browser.get(reverse("audit:access_log_csv"))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_every_clinic_disclosure_is_in_the_persons_accounting_report(
    lee_and_sam: tuple[User, User],
) -> None:
    lee, sam = lee_and_sam
    web, api = verified_web(lee), verified_api(lee)
    page = web.get(reverse("clinic:patient", args=[sam.pk]))
    assert page.status_code == 200
    assert REDISCLOSURE_NOTICE in page.content.decode()
    answer = api.get(f"/clinic/patients/{sam.pk}")
    assert answer.status_code == 200
    assert REDISCLOSURE_NOTICE in answer.content.decode()
    pdf = web.get(reverse("clinic:patient_report", args=[sam.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert api.get(f"/clinic/patients/{sam.pk}/notes").status_code == 200
    assert api.get(f"/clinic/patients/{sam.pk}/proposals").status_code == 200
    assert web.get(reverse("clinic:dashboard")).status_code == 200
    fhir = api.get(f"/fhir/Patient/{sam.pk}/$everything")
    assert fhir.status_code == 200
    assert REDISCLOSURE_NOTICE in fhir.content.decode()

    rows = _report(sam)

    # One row per disclosure, in order, each naming who received what, and why.
    seen = [(row["kind"], row["data_classes"]) for row in rows]
    assert seen == [
        ("page", "journal;plan;checkins;notes"),
        ("api", "journal;plan;checkins;notes"),
        ("pdf", "journal;plan;checkins;notes"),
        ("api", "notes"),
        ("api", "plan"),
        ("summary", "journal;plan;checkins"),
        ("fhir", "journal;plan;checkins;notes"),
    ]
    for row in rows:
        assert row["recipient_name"] == "Dr. Lee"
        assert row["recipient_email"] == "lee@riverside.example"
        assert row["recipient_role"] == "clinician"
        assert row["purpose"] == "treatment"
        assert row["action"] == "read"
        assert row["description"].startswith("Dr. Lee (lee@riverside.example), clinician, ")
    assert (
        "downloaded a PDF report of your journal, plan, check-ins and notes"
        in (rows[2]["description"])
    )


def test_nobody_elses_report_lists_them(lee_and_sam: tuple[User, User]) -> None:
    lee, sam = lee_and_sam
    other = User.objects.create_user("alex@example.org", PASSWORD)
    verified_web(lee).get(reverse("clinic:patient", args=[sam.pk]))
    assert _report(other) == []
    assert len(_report(sam)) == 1
