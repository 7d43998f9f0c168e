"""API routes to set up an authenticator app: ``POST /auth/mfa/totp`` and ``.../confirm``.

They accept a bearer token (also one issued before any second factor: these are the routes such
a token reaches), a signed-in browser session (with its CSRF token), or the account's email and
password in the body, for a clinician who has no token yet.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django_otp import login as otp_login
from ninja import Router
from ninja.errors import AuthenticationError
from ninja.responses import Status
from ninja.utils import check_csrf

from stepdown.accounts import mfa
from stepdown.accounts.models import User
from stepdown.accounts.schemas import (
    MfaCredentialsIn,
    RecoveryCodesOut,
    TotpConfirmIn,
    TotpSetupOut,
)
from stepdown.accounts.services import token_authenticate
from stepdown.errors import InvalidInput
from stepdown.schemas import MessageOut, ValidationErrorOut

router = Router(tags=["auth"])

ERRORS = {
    400: MessageOut,
    401: MessageOut,
    403: MessageOut,
    404: MessageOut,
    409: MessageOut,
    422: ValidationErrorOut,
    429: MessageOut,
}


# A bearer token, or none (a browser session, or the email and password in the body).
SECURITY: dict[str, Any] = {"security": [{"BearerToken": []}, {}]}


class _Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = detail


def _account(request: HttpRequest, payload: MfaCredentialsIn) -> tuple[User, bool]:
    """The account asking, and whether it came through a browser session."""
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, secret = header.partition(" ")
        user = token_authenticate(secret.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise AuthenticationError
        return user, False
    if payload.email is not None or payload.password is not None:
        found = authenticate(
            request,
            username=(payload.email or "").strip().lower(),
            password=payload.password or "",
        )
        if getattr(request, "axes_locked_out", False):
            raise _Refused(429, "Too many failed attempts. Try again later.")
        if not isinstance(found, User):
            raise _Refused(401, "Email or password is not right.")
        return found, False
    if isinstance(request.user, User) and request.user.is_authenticated:
        if check_csrf(request) is not None:
            raise _Refused(403, "The CSRF token is missing or wrong.")
        return request.user, True
    raise AuthenticationError


@router.post(
    "/totp",
    auth=None,
    openapi_extra=SECURITY,
    response={200: TotpSetupOut, **ERRORS},
    summary="Start setting up an authenticator app: its secret and otpauth:// URI",
)
def totp_start(
    request: HttpRequest, payload: MfaCredentialsIn
) -> Status[TotpSetupOut | MessageOut]:
    try:
        user, _ = _account(request, payload)
        return Status(200, TotpSetupOut.of(mfa.totp_start(user=user)))
    except _Refused as refused:
        return Status(refused.status, MessageOut(detail=refused.detail))
    except InvalidInput as error:
        return Status(409, MessageOut(detail=error.message))


@router.post(
    "/totp/confirm",
    auth=None,
    openapi_extra=SECURITY,
    response={200: RecoveryCodesOut, **ERRORS},
    summary="Confirm the authenticator with its current code; the recovery codes, shown once",
)
def totp_confirm(
    request: HttpRequest, payload: TotpConfirmIn
) -> Status[RecoveryCodesOut | MessageOut]:
    try:
        user, by_session = _account(request, payload)
        device, codes = mfa.totp_confirm(user=user, code=payload.code)
    except _Refused as refused:
        return Status(refused.status, MessageOut(detail=refused.detail))
    except mfa.Throttled as error:
        return Status(429, MessageOut(detail=error.message))
    if by_session:
        otp_login(request, device)  # this browser session has passed the second factor
    return Status(200, RecoveryCodesOut(recovery_codes=codes))
