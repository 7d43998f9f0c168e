"""The second factor in the browser: the gate, set-up, the code step of sign-in, recovery
codes, re-authentication before changes, and the clinicians' shorter idle timeout."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.conftest import PASSWORD
from tests.mfa_helpers import add_confirmed_device, totp_code, totp_from_secret

from stepdown.accounts.mfa import require_mfa

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)
SETUP = reverse("accounts:mfa_setup")
VERIFY = reverse("accounts:mfa_verify")
TODAY = reverse("today:today")


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def lee(make_user: Any) -> Any:
    """An account that must use MFA and has not set it up yet."""
    user = make_user("lee@example.org", display_name="Dr. Lee")
    require_mfa(user)
    return user


def _sign_in(client: Client, email: str) -> Any:
    return client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})


def _at(seconds: float) -> Any:
    return time_machine.travel(NOW + dt.timedelta(seconds=seconds), tick=False)


def test_the_gate_sends_an_account_without_a_device_to_set_up(lee: Any) -> None:
    client = Client()
    client.force_login(lee)
    for page in (TODAY, reverse("accounts:settings"), reverse("journal:dose_list")):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"] == SETUP
    # Always open: getting help, the health check, the set-up page itself, signing out.
    assert client.get(reverse("web:help")).status_code == 200
    assert client.get(reverse("web:healthz")).status_code == 200
    assert client.get(SETUP).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(TODAY)["Location"].startswith(reverse("accounts:login"))


def test_the_gate_sends_a_session_that_has_not_passed_to_the_code_step(clinician: Any) -> None:
    client = Client()
    client.force_login(clinician)
    assert client.get(TODAY)["Location"] == VERIFY
    assert client.get(reverse("web:help")).status_code == 200
    verified = client.post(VERIFY, {"code": totp_code(TOTPDevice.objects.get(user=clinician))})
    assert verified.status_code == 302
    assert client.get(TODAY).status_code == 200


def test_a_verified_session_reaches_every_page(clinician_web: Client) -> None:
    assert clinician_web.get(TODAY).status_code == 200
    assert clinician_web.get(reverse("accounts:settings")).status_code == 200


def test_a_session_verified_with_a_removed_authenticator_must_set_up_again(
    clinician: Any, clinician_web: Client
) -> None:
    from stepdown.accounts.mfa import mfa_remove

    mfa_remove(user=clinician)  # e.g. `stepdown mfa-reset` after a lost phone
    assert clinician_web.get(TODAY)["Location"] == SETUP


def test_people_without_mfa_are_not_gated(web: Client) -> None:
    assert web.get(TODAY).status_code == 200


def test_sign_in_without_an_authenticator_is_as_before(client: Client, person: Any) -> None:
    response = _sign_in(client, person.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")
    assert client.get(TODAY).status_code == 200


def test_sign_in_with_an_authenticator_asks_for_the_code_before_signing_in(
    client: Client, clinician: Any
) -> None:
    device = TOTPDevice.objects.get(user=clinician)
    response = _sign_in(client, clinician.email)
    assert response["Location"] == VERIFY
    # Not signed in yet: the password alone opens nothing.
    assert client.get(TODAY)["Location"].startswith(reverse("accounts:login"))
    page = client.get(VERIFY)
    assert page.status_code == 200
    assert "Get help now" in page.content.decode()
    right = totp_code(device)
    wrong = client.post(VERIFY, {"code": "000000" if right != "000000" else "111111"})
    assert wrong.status_code == 422
    assert "not right" in wrong.content.decode()
    with _at(2):  # past the wait one wrong code costs
        done = client.post(VERIFY, {"code": right})
        assert done.status_code == 302
        assert client.get(TODAY).status_code == 200


def test_the_code_step_keeps_the_page_asked_for(client: Client, clinician: Any) -> None:
    settings_page = reverse("accounts:settings")
    client.post(
        reverse("accounts:login"),
        {"username": clinician.email, "password": PASSWORD, "next": settings_page},
    )
    code = totp_code(TOTPDevice.objects.get(user=clinician))
    assert client.post(VERIFY, {"code": code})["Location"] == settings_page


def test_a_recovery_code_signs_in_once(client: Client, person: Any) -> None:
    from tests.mfa_helpers import add_recovery_codes

    add_confirmed_device(person)
    add_recovery_codes(person, ["h3kq7zm2wa"])
    _sign_in(client, person.email)
    assert client.post(VERIFY, {"code": "h3kq7zm2wa"}).status_code == 302
    assert client.get(TODAY).status_code == 200
    again = Client()
    _sign_in(again, person.email)
    assert again.post(VERIFY, {"code": "h3kq7zm2wa"}).status_code == 422


def test_the_code_step_expires(client: Client, clinician: Any) -> None:
    _sign_in(client, clinician.email)
    with _at(6 * 60):
        code = totp_code(TOTPDevice.objects.get(user=clinician))
        response = client.post(VERIFY, {"code": code})
        assert response["Location"] == reverse("accounts:login")
        assert client.get(TODAY).status_code == 302


def test_set_up_in_the_browser_shows_recovery_codes_once(client: Client, lee: Any) -> None:
    assert _sign_in(client, lee.email)["Location"] == reverse("web:home")
    assert client.get(TODAY)["Location"] == SETUP
    assert client.post(SETUP, {"start": "1"})["Location"] == SETUP
    page = client.get(SETUP).content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page)
    assert secret is not None
    assert "otpauth://totp/" in page
    confirmed = client.post(SETUP, {"code": totp_from_secret(secret.group(1))})
    assert confirmed["Location"] == reverse("accounts:mfa_recovery_codes")
    shown = client.get(confirmed["Location"]).content.decode()
    assert shown.count("<li><code>") == 10
    assert client.get(confirmed["Location"]).content.decode().count("<li><code>") == 0
    assert client.get(TODAY).status_code == 200


def test_set_up_refuses_a_wrong_code_in_the_apps_voice(client: Client, lee: Any) -> None:
    _sign_in(client, lee.email)
    client.post(SETUP, {"start": "1"})
    response = client.post(SETUP, {"code": "12"})
    assert response.status_code == 422
    assert "not right" in response.content.decode()


def test_get_on_the_set_up_page_makes_no_device(lee: Any) -> None:
    client = Client()
    client.force_login(lee)
    client.get(SETUP)
    assert not TOTPDevice.objects.filter(user=lee).exists()


def test_starting_set_up_long_after_sign_in_asks_to_confirm_first(client: Client, lee: Any) -> None:
    _sign_in(client, lee.email)
    with _at(6 * 60):
        response = client.post(SETUP, {"start": "1"})
        assert response["Location"].startswith(reverse("accounts:reauth"))
        assert not TOTPDevice.objects.filter(user=lee).exists()
        confirmed = client.post(response["Location"], {"password": PASSWORD})
        assert confirmed["Location"] == SETUP
        assert client.post(SETUP, {"start": "1"})["Location"] == SETUP
    assert TOTPDevice.objects.filter(user=lee, confirmed=False).exists()


def test_password_change_with_an_authenticator_needs_a_recent_code(
    clinician_web: Client, clinician: Any
) -> None:
    page = reverse("accounts:password_change")
    response = clinician_web.get(page)
    assert response["Location"].startswith(reverse("accounts:reauth"))
    confirm = response["Location"]
    without_code = clinician_web.post(confirm, {"password": PASSWORD})
    assert without_code.status_code == 422
    wrong_password = clinician_web.post(confirm, {"password": "not-it-at-all", "code": "123456"})
    assert wrong_password.status_code == 422
    code = totp_code(TOTPDevice.objects.get(user=clinician))
    done = clinician_web.post(confirm, {"password": PASSWORD, "code": code})
    assert done["Location"] == page
    assert clinician_web.get(page).status_code == 200
    with _at(6 * 60):
        assert clinician_web.get(page).status_code == 302


def test_password_change_without_an_authenticator_is_as_before(web: Client) -> None:
    assert web.get(reverse("accounts:password_change")).status_code == 200


def test_removing_the_authenticator_needs_re_authentication(client: Client, person: Any) -> None:
    device = add_confirmed_device(person)
    _sign_in(client, person.email)
    client.post(VERIFY, {"code": totp_code(device)})
    with _at(6 * 60):
        response = client.post(reverse("accounts:mfa_remove"))
        assert response["Location"].startswith(reverse("accounts:reauth"))
        assert TOTPDevice.objects.filter(user=person).exists()
        code = totp_code(device, (NOW + dt.timedelta(seconds=6 * 60)).timestamp())
        client.post(response["Location"], {"password": PASSWORD, "code": code})
        assert client.post(reverse("accounts:mfa_remove")).status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()


def test_new_recovery_codes_need_re_authentication(clinician_web: Client) -> None:
    page = reverse("accounts:mfa_recovery_codes")
    response = clinician_web.post(page)
    assert response["Location"].startswith(reverse("accounts:reauth"))


def test_the_settings_page_says_whether_two_step_sign_in_is_on(
    web: Client, clinician_web: Client
) -> None:
    assert "Set up an authenticator app" in web.get(reverse("accounts:settings")).content.decode()
    page = clinician_web.get(reverse("accounts:settings")).content.decode()
    assert "sign-in asks for a code" in page


def test_clinicians_are_signed_out_after_15_idle_minutes_people_after_30(
    clinician_web: Client, web: Client
) -> None:
    assert clinician_web.get(TODAY).status_code == 200
    assert web.get(TODAY).status_code == 200
    with _at(16 * 60):
        assert clinician_web.get(TODAY).status_code == 302
        assert web.get(TODAY).status_code == 200
    with _at(16 * 60 + 31 * 60):
        assert web.get(TODAY).status_code == 302


def test_the_clinician_idle_limit_is_a_setting(clinician_web: Client, settings: Any) -> None:
    settings.CLINICIAN_SESSION_IDLE_MINUTES = 20
    assert clinician_web.get(TODAY).status_code == 200
    with _at(16 * 60):
        assert clinician_web.get(TODAY).status_code == 200


def test_a_gated_session_sees_no_navigation_and_fragments_redirect_the_page(lee: Any) -> None:
    client = Client()
    client.force_login(lee)
    page = client.get(SETUP).content.decode()
    assert 'id="nav-menu"' not in page
    assert "Get help now" in page
    fragment = client.get(TODAY, headers={"HX-Request": "true"})
    assert fragment.status_code == 204
    assert fragment["HX-Redirect"] == SETUP


def test_the_pages_open_without_mfa_are_real_routes() -> None:
    from django.urls import NoReverseMatch

    from stepdown.accounts.gate import OPEN_WITHOUT_MFA

    for name in OPEN_WITHOUT_MFA:
        try:
            reverse(name)
        except NoReverseMatch:  # pragma: no cover - the failure message names it
            pytest.fail(f"{name} is not a route")
