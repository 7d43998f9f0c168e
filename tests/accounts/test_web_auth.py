"""Sign-up, sign-in, password change and reset on the web; session and header security."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from tests.conftest import PASSWORD

from stepdown.accounts.forms import LIKELY_ZONES
from stepdown.accounts.models import User

pytestmark = pytest.mark.django_db


def test_signup_signs_in_and_lands_on_onboarding(client: Client) -> None:
    response = client.post(
        "/account/signup/",
        {"email": "sam@example.net", "password": PASSWORD, "time_zone": "Europe/London"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/onboarding/"
    user = User.objects.get(email="sam@example.net")
    assert user.time_zone == "Europe/London"
    assert user.password.startswith(("argon2", "md5"))  # hashed, never plain


def test_signup_errors_are_shown_next_to_the_field(client: Client) -> None:
    response = client.post(
        "/account/signup/", {"email": "sam@example.net", "password": "123", "time_zone": "UTC"}
    )
    assert response.status_code == 422
    assert "field-error" in response.content.decode()


def test_sign_in_and_out(client: Client, person: Any) -> None:
    response = client.post("/account/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/today/").status_code == 200
    client.post("/account/logout/")
    assert client.get("/today/").status_code == 302


def test_a_wrong_password_gives_a_clear_message(client: Client, person: Any) -> None:
    response = client.post("/account/login/", {"username": person.email, "password": "wrong-1"})
    assert "did not match" in response.content.decode()


def test_lockout_page_after_repeated_failures(client: Client, person: Any) -> None:
    for _ in range(5):
        client.post("/account/login/", {"username": person.email, "password": "wrong-guess"})
    response = client.post("/account/login/", {"username": person.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_idle_sessions_are_signed_out(client: Client, person: Any) -> None:
    client.post("/account/login/", {"username": person.email, "password": PASSWORD})
    with time_machine.travel(time.time() + 10 * 60):
        assert client.get("/today/").status_code == 200
    with time_machine.travel(time.time() + 10 * 60 + 31 * 60):
        response = client.get("/today/")
        assert response.status_code == 302
        login_page = client.get(response["Location"]).content.decode()
    assert "without activity" in login_page


def test_password_change(web: Client, person: Any) -> None:
    response = web.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-phrase-9",
            "new_password2": "another-long-phrase-9",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("another-long-phrase-9")


def test_password_reset_by_email_link(client: Client, person: Any, mail_server: None) -> None:
    client.post("/account/password/reset/", {"email": person.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+", mail.outbox[0].body)
    assert link is not None
    path = link.group(0).split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    client.post(
        set_url, {"new_password1": "brand-new-phrase-42", "new_password2": "brand-new-phrase-42"}
    )
    person.refresh_from_db()
    assert person.check_password("brand-new-phrase-42")


def test_password_reset_does_not_reveal_unknown_emails(client: Client, mail_server: None) -> None:
    response = client.post("/account/password/reset/", {"email": "ghost@example.org"}, follow=True)
    assert "If that address belongs to an account" in response.content.decode()
    assert mail.outbox == []


def test_forms_are_protected_by_csrf(person: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person)
    assert strict.post("/doses/new/", {"amount": "2", "unit": "g"}).status_code == 403


def test_security_headers_and_csp_without_unsafe_inline(client: Client) -> None:
    response = client.get("/account/login/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_styles(web: Client) -> None:
    for path in ("/today/", "/products/", "/doses/", "/account/settings/", "/help/"):
        body = web.get(path).content.decode()
        assert " style=" not in body, path
        assert "<style" not in body, path
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", body)
        assert inline == [], path


def test_the_time_zone_list_shows_the_persons_zone_selected(web: Client, person: Any) -> None:
    import re
    import zoneinfo

    body = web.get("/account/settings/").content.decode()
    select = re.search(r'<select name="profile-time_zone"[^>]*>.*?</select>', body, re.S)
    assert select is not None
    assert 'id="id_profile-time_zone"' in select.group(0)
    options = re.findall(r'<option value="([^"]+)"( selected)?>', select.group(0))
    codes = [code for code, _ in options]
    assert "Europe/London" in codes
    assert "Asia/Kathmandu" in codes
    assert "localtime" not in codes  # the server's own zone is not a place
    likely = len(LIKELY_ZONES)
    assert codes[:likely] == list(LIKELY_ZONES)  # the likely ones first, then all the others
    assert codes[likely:] == sorted(codes[likely:])
    assert set(codes) <= zoneinfo.available_timezones()
    assert [code for code, chosen in options if chosen] == ["America/Chicago"]
    assert '<label for="id_profile-time_zone"' in body


def test_the_time_zone_list_has_the_attributes_of_djangos_select(person: Any) -> None:
    """The zone lists take their choices from a function (a form copies its fields, and 600
    zones one by one) and decide ``required`` without walking them: as Django's ``Select``
    decides it for the same choices given as a list."""
    from django import forms

    from stepdown.accounts.forms import TIME_ZONE_CHOICES, ProfileForm, SignupForm

    for form in (SignupForm(), ProfileForm(instance=person, prefix="profile")):
        field = form["time_zone"]
        plain = forms.Select(choices=TIME_ZONE_CHOICES)
        assert field.field.widget.use_required_attribute(field.initial) is (
            plain.use_required_attribute(field.initial)
        )
        attrs = field.build_widget_attrs({})
        assert "required" not in attrs
        assert [value for value, _ in field.field.choices] == ["Likely", "All time zones"]


def test_the_time_zone_list_written_once_marks_each_persons_own_zone_in_their_language(
    web: Client, person: Any
) -> None:
    """The options are written once per language and process: a list rendered for one person
    must not carry their zone, or their language, to the next."""
    import re

    def chosen_and_groups(body: str) -> tuple[list[str], list[str]]:
        found = re.search(r'<select name="profile-time_zone"[^>]*>.*?</select>', body, re.S)
        assert found is not None
        select = found.group(0)
        chosen = re.findall(r'<option value="([^"]+)" selected>', select)
        return chosen, re.findall(r'<optgroup label="([^"]+)"', select)

    assert chosen_and_groups(web.get("/account/settings/").content.decode()) == (
        ["America/Chicago"],
        ["Likely", "All time zones"],
    )
    person.time_zone = "Asia/Kathmandu"
    person.language = "fr"
    person.save(update_fields=["time_zone", "language"])
    assert chosen_and_groups(web.get("/account/settings/").content.decode()) == (
        ["Asia/Kathmandu"],
        ["Les plus probables", "Tous les fuseaux horaires"],
    )


def test_a_bad_time_zone_is_refused_next_to_the_field(web: Client, person: Any) -> None:
    response = web.post(
        "/account/settings/",
        {"profile-display_name": "Sam", "profile-time_zone": "Mars/Olympus_Mons"},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert "Choose one of the options." in body
