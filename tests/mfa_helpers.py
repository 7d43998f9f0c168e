"""Second-factor helpers for any test: an account that must use MFA, with a confirmed
authenticator, signed in on a test ``Client`` whose session has passed it, and an API client
with a token issued after a code. Codes are computed here from RFC 6238, independently of
django-otp, so a test checks django-otp's answer rather than repeating it.

    from tests.mfa_helpers import make_clinician, verified_web, verified_api, totp_code
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from typing import Any

from django.test import Client
from tests.api_client import ApiClient
from tests.conftest import PASSWORD


def totp_from_key(key: bytes, at: float | None = None, *, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 TOTP (HMAC-SHA1, dynamic truncation per RFC 4226 §5.3) at Unix time ``at``."""
    counter = int((time.time() if at is None else at) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def totp_from_secret(secret_b32: str, at: float | None = None) -> str:
    """The code an authenticator app shows for the base32 secret a set-up page or route gave."""
    padded = secret_b32 + "=" * (-len(secret_b32) % 8)
    return totp_from_key(base64.b32decode(padded), at)


def totp_code(device: Any, at: float | None = None) -> str:
    """The current code of a django-otp ``TOTPDevice`` (its ``key`` is hex)."""
    return totp_from_key(bytes.fromhex(device.key), at)


def add_confirmed_device(user: Any) -> Any:
    """A confirmed authenticator for ``user`` (a ``TOTPDevice``)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def add_recovery_codes(user: Any, codes: list[str]) -> None:
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)


def make_clinician(email: str = "lee@example.org", **extra: Any) -> Any:
    """An account that must use MFA (as an active clinic membership makes it), with a confirmed
    authenticator; its password is ``tests.conftest.PASSWORD``."""
    from stepdown.accounts.mfa import require_mfa
    from stepdown.accounts.models import User

    extra.setdefault("display_name", "Dr. Lee")
    user = User.objects.create_user(email, PASSWORD, **extra)
    require_mfa(user)
    add_confirmed_device(user)
    return user


def verified_web(user: Any, client: Client | None = None) -> Client:
    """A test client signed in as ``user`` whose session has passed the second factor (the
    session holds the device's ``persistent_id`` under django-otp's key)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = add_confirmed_device(user)
    client = client or Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def verified_api(user: Any) -> ApiClient:
    """An API client with a token issued after a second factor (``mfa_verified``)."""
    from stepdown.accounts.services import token_create

    _, secret = token_create(owner=user, name="tests (verified)", mfa_verified=True)
    return ApiClient(secret)
