"""`stepdown clinic create`: a clinic and its first admin."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from typer.testing import CliRunner

from stepdown.accounts.models import User
from stepdown.cli import app
from stepdown.clinic.models import Clinic, Membership

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_create_makes_a_new_account_its_admin_with_a_one_time_link() -> None:
    result = runner.invoke(
        app,
        [
            "clinic",
            "create",
            "--name",
            "Riverside  Clinic",
            "--admin",
            "Lee@Clinic.example",
            "--site-url",
            "https://stepdown.clinic.example",
        ],
    )
    assert result.exit_code == 0, result.output
    clinic = Clinic.objects.get()
    assert clinic.name == "Riverside Clinic"
    admin = User.objects.get(email="lee@clinic.example")
    membership = Membership.objects.get(clinic=clinic, user=admin)
    assert (membership.role, membership.active) == ("admin", True)
    assert admin.mfa_required is True
    link = result.stdout.strip().splitlines()[-1]
    assert link.startswith("https://stepdown.clinic.example/account/password/reset/")
    client = Client()
    form = client.get(link.removeprefix("https://stepdown.clinic.example"), follow=True)
    assert b"Choose a new password" in form.content
    new = "a-fresh-clinic-passphrase"
    set_url = form.redirect_chain[-1][0]
    assert client.post(set_url, {"new_password1": new, "new_password2": new}).status_code == 302
    admin.refresh_from_db()
    assert admin.check_password(new)


def test_create_with_an_existing_account_prints_no_link(person: Any) -> None:
    result = runner.invoke(app, ["clinic", "create", "--name", "Solo", "--admin", person.email])
    assert result.exit_code == 0, result.output
    assert "password/reset" not in result.stdout
    person.refresh_from_db()
    assert person.mfa_required is True
    assert Membership.objects.get(user=person).role == "admin"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--name", "  ", "--admin", "a@b.example"], "stepdown: --name: Give the clinic a name."),
        (
            ["--name", "X", "--admin", "not an address"],
            "stepdown: --admin: Enter a valid email address.",
        ),
        (
            ["--name", "X", "--admin", "a@b.example", "--site-url", "ftp://x"],
            "stepdown: --site-url: 'ftp://x' is not an http:// or https:// address",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["clinic", "create", *arguments])
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert not Clinic.objects.exists()


def test_a_closed_account_cannot_become_admin(person: Any) -> None:
    from stepdown.accounts.services import user_deactivate

    user_deactivate(user=person)
    result = runner.invoke(app, ["clinic", "create", "--name", "X", "--admin", person.email])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"stepdown: --admin: the account {person.email} is closed"
