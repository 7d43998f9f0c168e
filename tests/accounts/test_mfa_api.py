"""The MFA contract of the API (issue 15, section 7): set-up routes, the token exchange's
``otp``, and the 403 ``mfa_required`` a token without a second factor gets elsewhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.api_client import ApiClient
from tests.conftest import PASSWORD
from tests.mfa_helpers import add_confirmed_device, add_recovery_codes, totp_code, totp_from_secret

from stepdown.accounts.mfa import require_mfa
from stepdown.accounts.models import PersonalAccessToken

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(seconds=30)  # the next time step: a new code


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


def _token(api: ApiClient, email: str, **extra: Any) -> Any:
    return api.post("/auth/token", {"email": email, "password": PASSWORD, **extra})


def test_a_clinician_with_an_early_token_sets_up_and_then_gets_a_verified_token(
    lee: Any, api_for: Any, anonymous_api: ApiClient
) -> None:
    early = api_for(lee)  # made before the second factor was needed
    refused = early.get("/doses")
    assert refused.status_code == 403
    assert refused.json()["code"] == "mfa_required"
    assert refused.json()["detail"]

    started = early.post("/auth/mfa/totp", {})
    assert started.status_code == 200
    secret = started.json()["secret"]
    assert started.json()["otpauth_uri"].startswith("otpauth://totp/")
    assert f"secret={secret}" in started.json()["otpauth_uri"]

    confirmed = early.post("/auth/mfa/totp/confirm", {"code": totp_from_secret(secret)})
    assert confirmed.status_code == 200
    codes = confirmed.json()["recovery_codes"]
    assert len(codes) == 10
    # The early token still has not passed a second factor.
    assert early.get("/doses").status_code == 403

    with time_machine.travel(LATER, tick=False):
        token = _token(anonymous_api, lee.email, otp=totp_from_secret(secret, LATER.timestamp()))
    assert token.status_code == 200
    assert PersonalAccessToken.objects.get(owner=lee, name="API sign-in").mfa_verified
    assert ApiClient(token.json()["token"]).get("/doses").status_code == 200


def test_email_and_password_in_the_body_set_up_an_account_with_no_token(
    lee: Any, anonymous_api: ApiClient
) -> None:
    credentials = {"email": "LEE@example.org", "password": PASSWORD}
    started = anonymous_api.post("/auth/mfa/totp", credentials)
    assert started.status_code == 200
    code = totp_from_secret(started.json()["secret"])
    confirmed = anonymous_api.post("/auth/mfa/totp/confirm", {**credentials, "code": code})
    assert confirmed.status_code == 200
    assert len(confirmed.json()["recovery_codes"]) == 10
    assert TOTPDevice.objects.get(user=lee).confirmed


def test_set_up_refuses_a_wrong_password_or_no_credentials(
    lee: Any, anonymous_api: ApiClient
) -> None:
    wrong = anonymous_api.post("/auth/mfa/totp", {"email": lee.email, "password": "not-it-1234"})
    assert wrong.status_code == 401
    assert anonymous_api.post("/auth/mfa/totp", {}).status_code == 401
    bad_token = ApiClient("sdp_00000000_nope").post("/auth/mfa/totp", {})
    assert bad_token.status_code == 401
    assert not TOTPDevice.objects.filter(user=lee).exists()


def test_a_signed_in_session_sets_up_with_its_csrf_token(lee: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(lee)
    without = browser.post("/api/v1/auth/mfa/totp", {}, content_type="application/json")
    assert without.status_code == 403
    browser.get("/account/mfa/setup/")  # any page sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    started = browser.post(
        "/api/v1/auth/mfa/totp", {}, content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert started.status_code == 200
    confirmed = browser.post(
        "/api/v1/auth/mfa/totp/confirm",
        {"code": totp_from_secret(started.json()["secret"])},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert confirmed.status_code == 200
    # The session itself has now passed the second factor: pages open.
    assert browser.get("/account/settings/").status_code == 200


def test_confirm_refuses_a_wrong_code_naming_the_field(lee: Any, api_for: Any) -> None:
    api = api_for(lee)
    secret = api.post("/auth/mfa/totp", {}).json()["secret"]
    right = totp_from_secret(secret)
    wrong = api.post("/auth/mfa/totp/confirm", {"code": "000000" if right != "000000" else "1"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "code"]
    # At once again: throttled, even with the right code.
    throttled = api.post("/auth/mfa/totp/confirm", {"code": right})
    assert throttled.status_code == 429
    assert not TOTPDevice.objects.get(user=lee).confirmed


def test_starting_again_once_confirmed_is_a_conflict(clinician: Any, api_for: Any) -> None:
    assert api_for(clinician).post("/auth/mfa/totp", {}).status_code == 409


def test_the_token_route_needs_the_otp_of_an_account_that_must_use_mfa(
    clinician: Any, anonymous_api: ApiClient
) -> None:
    missing = _token(anonymous_api, clinician.email)
    assert missing.status_code == 401
    assert missing.json()["code"] == "mfa_required"
    device = TOTPDevice.objects.get(user=clinician)
    right = totp_code(device)
    wrong = _token(anonymous_api, clinician.email, otp="000000" if right != "000000" else "111111")
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "otp_invalid"
    assert not PersonalAccessToken.objects.filter(owner=clinician).exists()


def test_a_replayed_otp_is_refused(clinician: Any, anonymous_api: ApiClient) -> None:
    code = totp_code(TOTPDevice.objects.get(user=clinician))
    first = _token(anonymous_api, clinician.email, otp=code)
    assert first.status_code == 200
    replayed = _token(anonymous_api, clinician.email, otp=code, client="another app")
    assert replayed.status_code == 401
    assert replayed.json()["code"] == "otp_invalid"


def test_a_recovery_code_works_as_otp_once(clinician: Any, anonymous_api: ApiClient) -> None:
    add_recovery_codes(clinician, ["k7mq2wx9pa", "r4tz8nvb3c"])
    first = _token(anonymous_api, clinician.email, otp="k7mq2wx9pa")
    assert first.status_code == 200
    assert ApiClient(first.json()["token"]).get("/doses").status_code == 200
    with time_machine.travel(NOW + dt.timedelta(seconds=5), tick=False):
        again = _token(anonymous_api, clinician.email, otp="k7mq2wx9pa")
    assert again.status_code == 401


def test_a_person_without_mfa_gets_a_token_as_before(person: Any, anonymous_api: ApiClient) -> None:
    plain = _token(anonymous_api, person.email)
    assert plain.status_code == 200
    assert set(plain.json()) == {"token", "expires_at"}
    # An otp from an account without an authenticator is not checked, and does not verify.
    with_otp = _token(anonymous_api, person.email, otp="123456", client="other")
    assert with_otp.status_code == 200
    assert not PersonalAccessToken.objects.filter(owner=person, mfa_verified=True).exists()
    assert ApiClient(with_otp.json()["token"]).get("/doses").status_code == 200
    wrong = anonymous_api.post("/auth/token", {"email": person.email, "password": "nope-nope-1"})
    assert wrong.status_code == 401
    assert set(wrong.json()) == {"detail"}


def test_a_person_who_set_up_an_authenticator_needs_its_code_too(
    person: Any, anonymous_api: ApiClient
) -> None:
    device = add_confirmed_device(person)
    missing = _token(anonymous_api, person.email)
    assert missing.status_code == 401
    assert missing.json()["code"] == "mfa_required"
    good = _token(anonymous_api, person.email, otp=totp_code(device))
    assert good.status_code == 200
    assert PersonalAccessToken.objects.get(owner=person, revoked_at=None).mfa_verified


def test_an_unverified_token_reaches_only_the_set_up_routes(lee: Any, api_for: Any) -> None:
    api = api_for(lee)
    for path in ("/doses", "/today", "/auth/tokens", "/alerts"):
        response = api.get(path)
        assert response.status_code == 403, path
        assert response.json()["code"] == "mfa_required", path
    assert api.post("/auth/mfa/totp", {}).status_code == 200
    # Once the account no longer must use MFA, the same token works again.
    require_mfa(lee, required=False)
    assert api.get("/doses").status_code == 200


def test_a_verified_token_reaches_everything(clinician_api: ApiClient) -> None:
    assert clinician_api.get("/doses").status_code == 200
    assert clinician_api.get("/auth/tokens").status_code == 200
