"""`stepdown demo --clinic`: a clinic whose dashboard shows real triage, a clinician who signs in
with the printed password and TOTP secret, and a second run that replaces the first."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from tests.mfa_helpers import totp_from_secret, verified_api
from typer.testing import CliRunner

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.cli import app
from stepdown.clinic.models import Clinic, Consent

pytestmark = pytest.mark.django_db
runner = CliRunner()

# The demo's people by state, as its docs describe them (docs/clinic.md).
SELF_HARM = "Jordan Reyes"
HIGH = {"Priya Nair": "severe_withdrawal", "Marcus Bell": "seven_oh_switch"}
ABOVE_PLAN = {"Hannah Kowalski", "Tomás Ortega", "Grace Whitfield"}
SILENT = {"Devon Carter", "Leila Haddad", "Owen Fitzgerald"}


def _run(*extra: str) -> dict[str, str]:
    result = runner.invoke(app, ["demo", "--clinic", "--password", "demo-pass-1234", *extra])
    assert result.exit_code == 0, result.output
    printed = dict(re.findall(r"^\s+(email|password|TOTP secret):\s+(\S+)", result.stdout, re.M))
    assert set(printed) == {"email", "password", "TOTP secret"}, result.stdout
    return printed


def test_the_demo_dashboard_puts_self_harm_first_and_its_clinician_signs_in() -> None:
    printed = _run()
    clinician = User.objects.get(email=printed["email"])
    assert Consent.objects.filter(clinic__name="Riverside Clinic (demo)").count() == 30
    api = verified_api(clinician)
    body = api.get("/clinic/patients").json()
    assert body["total"] == 30
    # The first page and the second (25 a page).
    rows = body["items"] + api.get("/clinic/patients?page=2").json()["items"]
    assert len(rows) == 30
    codes = [[a["code"] for a in row["attention"]] for row in rows]
    names = [row["display_name"] for row in rows]
    assert names[0] == SELF_HARM
    assert codes[0][0] == "self_harm"
    # The two high-severity reasons come next, in either order.
    assert {names[1]: codes[1][0], names[2]: codes[2][0]} == HIGH
    # Then the moderate ones: three above their plan and three silent for days.
    moderate = {names[i]: codes[i][0] for i in range(3, 9)}
    assert moderate == dict.fromkeys(ABOVE_PLAN, "above_plan") | dict.fromkeys(SILENT, "disengaged")
    # Everyone else has at most a low reason (a plan step due today), so "most fine".
    for row in rows[9:]:
        assert all(a["severity"] == "low" for a in row["attention"]), row
    assert sum(1 for row in rows if not row["attention"]) >= 15, codes
    # The self-harm signal came through the notice pipeline, as a stored alert.
    jordan = User.objects.get(pk=rows[0]["id"])
    assert Alert.objects.filter(owner=jordan, code="self_harm").exists()

    # The printed password and TOTP secret sign the clinician in.
    client = Client()
    signed = client.post(
        reverse("accounts:login"), {"username": printed["email"], "password": printed["password"]}
    )
    assert signed.status_code == 302
    # The code of the next 30-second step: the set-up used the current one, which is spent.
    code = totp_from_secret(printed["TOTP secret"], time.time() + 30)
    verified = client.post(reverse("accounts:mfa_verify"), {"code": code})
    assert verified.status_code == 302, verified.content.decode()[:2000]
    assert client.get(reverse("clinic:dashboard")).status_code == 200


def test_running_it_again_replaces_the_demo() -> None:
    first = _run()
    second = _run()
    assert first["TOTP secret"] != second["TOTP secret"]
    assert Clinic.objects.filter(name="Riverside Clinic (demo)").count() == 1
    assert User.objects.filter(email__endswith="@people.clinic-demo.stepdown.example").count() == 30
    assert User.objects.filter(email=second["email"]).count() == 1
