"""Second factor: TOTP authenticator apps (django-otp) and single-use recovery codes.

An account that must pass one (``User.mfa_required``, set while it has an active clinic
membership) sees nothing until it has: in a browser session, by confirming a code (django-otp
marks the session verified); on the API, with a token issued after a valid code
(``PersonalAccessToken.mfa_verified``). Anyone else may set one up too; an account with a
confirmed authenticator is then asked for a code at every sign-in.

Each account has at most one TOTP device: unconfirmed from set-up until its first valid code,
and a recovery-code device (otp_static) made when the TOTP device is confirmed. django-otp
refuses a code at or before the last accepted time step (``last_t``: no replay) and throttles
wrong codes per device (a wait that doubles with each failure, reset by a right code).
"""

from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from stepdown.accounts.models import PersonalAccessToken, User
from stepdown.errors import InvalidInput

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"

# Marked here, translated where raised (the page's or the API request's language).
WRONG_CODE = gettext_noop(
    "That code is not right. Use the 6-digit code your app shows now, or a recovery code."
)
NO_DEVICE = gettext_noop(
    "Start the set-up first: there is no authenticator waiting for its first code."
)
ALREADY_SET_UP = gettext_noop(
    "An authenticator app is already set up; remove it first to set up another."
)

_TOTP_CODE = re.compile(r"\d{6}")


class Throttled(InvalidInput):
    """Too many wrong codes in a row: django-otp refuses every code until the wait is over."""

    def __init__(self, seconds: int) -> None:
        seconds = max(seconds, 1)
        # Two messages, not ngettext: the one-second one has no number to place.
        message = (
            gettext("Too many wrong codes. Wait a second, then try again.")
            if seconds == 1
            else gettext("Too many wrong codes. Wait %(seconds)s seconds, then try again.")
            % {"seconds": seconds}
        )
        super().__init__("code", message)
        self.seconds = seconds


@dataclass(frozen=True)
class TotpSetup:
    """What an authenticator app needs: the secret (base32) and the otpauth:// URI."""

    secret: str
    otpauth_uri: str

    @classmethod
    def of(cls, device: TOTPDevice) -> TotpSetup:
        return cls(
            secret=base64.b32encode(device.bin_key).decode("ascii"),
            otpauth_uri=device.config_url,
        )


def passed_mfa(request: HttpRequest) -> bool:
    """True when this request's session or bearer token has passed a second factor."""
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(user, "token_mfa_verified", False):  # set by the API's token authentication
        return True
    is_verified = getattr(user, "is_verified", None)  # added by django_otp's OTPMiddleware
    return bool(is_verified and is_verified())


def require_mfa(user: User, *, required: bool = True) -> None:
    """Say whether ``user`` must pass a second factor (the clinic app calls this)."""
    if user.mfa_required != required:
        user.mfa_required = required
        user.save(update_fields=["mfa_required"])


def confirmed_totp(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user: User) -> TOTPDevice | None:
    """The authenticator being set up: made, not yet confirmed by a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def has_confirmed_device(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def totp_start(*, user: User) -> TotpSetup:
    """A new unconfirmed authenticator (replacing any earlier unconfirmed one)."""
    with transaction.atomic():
        if has_confirmed_device(user):
            raise InvalidInput("code", gettext(ALREADY_SET_UP))
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return TotpSetup.of(device)


def _check(device: Device, code: str) -> bool:
    """``device.verify_token``, refused outright while django-otp waits out wrong codes."""
    allowed, data = device.verify_is_allowed()
    if not allowed:
        locked_until = (data or {}).get("locked_until")
        seconds = (locked_until - timezone.now()).total_seconds() if locked_until else 1
        raise Throttled(math.ceil(seconds))
    return bool(device.verify_token(code))


def totp_confirm(*, user: User, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the authenticator being set up with its first code; new recovery codes, shown
    once. A wrong code raises ``InvalidInput("code")`` (``Throttled`` after several)."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("-pk")
            .first()
        )
        if device is None:
            raise InvalidInput("code", gettext(NO_DEVICE))
        # A wrong code returns from the block (not raises) so its throttle count is kept.
        right = bool(_TOTP_CODE.fullmatch(_clean(code))) and _check(device, _clean(code))
        if right:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _new_recovery_codes(user)
    if not right:
        raise InvalidInput("code", gettext(WRONG_CODE))
    return device, codes


def recovery_codes_renew(*, user: User) -> list[str]:
    """A fresh set of recovery codes; the old ones stop working."""
    with transaction.atomic():
        if not has_confirmed_device(user):
            raise InvalidInput("code", gettext("Set up an authenticator app first."))
        return _new_recovery_codes(user)


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def mfa_remove(*, user: User) -> None:
    """Remove the authenticator and the recovery codes. An account that must use a second
    factor is sent to set up a new one on its next request.

    The API tokens issued on the strength of the removed factor stop working too: removal
    usually means a lost or stolen phone. (Sessions need nothing: one verified with the device
    is no longer verified once the device is gone.)"""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        PersonalAccessToken.objects.filter(
            owner=user, mfa_verified=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())


def _clean(code: str) -> str:
    """Spaces and dashes are how people copy codes, not part of them."""
    return re.sub(r"[\s-]", "", code).lower()


def verify_code(*, user: User, code: str) -> Device:
    """The confirmed device that accepts ``code`` (a 6-digit TOTP code, or a recovery code,
    which is then used up). Raises ``InvalidInput("code")`` for a wrong, replayed or used code,
    ``Throttled`` while django-otp waits out earlier wrong codes."""
    cleaned = _clean(code)
    with transaction.atomic():
        if _TOTP_CODE.fullmatch(cleaned):
            device: Device | None = (
                TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            )
        else:
            device = (
                StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            )
        # A wrong code returns from the block (not raises) so its throttle count is kept.
        right = device is not None and bool(cleaned) and _check(device, cleaned)
    if not right or device is None:
        raise InvalidInput("code", gettext(WRONG_CODE))
    return device
