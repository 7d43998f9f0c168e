"""API routes for sign-up and tokens (MFA set-up is in ``mfa_api``)."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Router
from ninja.responses import Status

from stepdown.accounts import mfa, rate, services
from stepdown.accounts.gate import MFA_REQUIRED
from stepdown.accounts.requests import request_owner
from stepdown.accounts.schemas import (
    CodedMessageOut,
    CredentialsIn,
    SignupOut,
    SignupSentOut,
    TokenInfoOut,
    TokenOut,
    TokenRequestIn,
)
from stepdown.errors import InvalidInput
from stepdown.schemas import API_ERRORS, MessageOut, ValidationErrorOut
from stepdown.web.site import site_url

router = Router(tags=["auth"])

TOO_MANY = gettext_noop("Too many requests from this address in the last hour. Try again later.")
OTP_NEEDED = gettext_noop(
    "This account uses a second factor: send the code from its authenticator app (or a "
    "recovery code) as otp. Without an authenticator yet, set one up first with "
    "POST /api/v1/auth/mfa/totp."
)


@router.post(
    "/token",
    auth=None,
    response={
        200: TokenOut,
        400: MessageOut,
        401: CodedMessageOut | MessageOut,
        422: ValidationErrorOut,
        429: MessageOut,
    },
    summary="Exchange email and password (and an authenticator code, when the account has one "
    "or must use one) for a personal access token",
)
def create_token(
    request: HttpRequest, payload: TokenRequestIn
) -> Status[TokenOut | CodedMessageOut | MessageOut]:
    user = authenticate(request, username=payload.email.strip().lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, MessageOut(detail=_("Too many failed attempts. Try again later.")))
    if user is None:
        return Status(401, MessageOut(detail=_("Email or password is not right.")))
    verified = False
    # An otp from an account without an authenticator is not checked: there is nothing to
    # check it against, and the token says it did not pass a second factor.
    if user.mfa_required or mfa.has_confirmed_device(user):
        if payload.otp is None:
            return Status(401, CodedMessageOut(detail=_(OTP_NEEDED), code=MFA_REQUIRED))
        try:
            mfa.verify_code(user=user, code=payload.otp)
        except mfa.Throttled as error:
            return Status(429, MessageOut(detail=error.message))
        except InvalidInput as error:
            return Status(401, CodedMessageOut(detail=error.message, code="otp_invalid"))
        verified = True
    token, secret = services.token_create(
        owner=user, name=payload.client, replace=True, mfa_verified=verified
    )
    return Status(200, TokenOut(token=secret, expires_at=token.expires_at))


@router.get(
    "/tokens",
    response={200: list[TokenInfoOut], **API_ERRORS},
    summary="List your API tokens (never their secrets), newest first",
)
def list_tokens(request: HttpRequest) -> list[TokenInfoOut]:
    return [TokenInfoOut.of(t) for t in services.tokens_for(owner=request_owner(request))]


@router.delete(
    "/tokens/{token_id}",
    response={204: None, **API_ERRORS},
    summary="Revoke one of your API tokens (it stops working at once)",
)
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    services.token_revoke(owner=request_owner(request), token_id=token_id)
    return Status(204, None)


@router.post(
    "/signup",
    auth=None,
    response={
        201: SignupOut,
        202: SignupSentOut,
        400: MessageOut,
        422: ValidationErrorOut,
        429: MessageOut,
    },
    summary="Create an account (when open sign-up is on); 202 when it is confirmed by email",
)
def signup(
    request: HttpRequest, payload: CredentialsIn
) -> Status[SignupOut | SignupSentOut | MessageOut]:
    if not rate.take(request, "sign-up"):
        return Status(429, MessageOut(detail=_(TOO_MANY)))
    user = services.user_signup(
        email=payload.email,
        password=payload.password,
        site_url=site_url(request),
    )
    if user is None:
        return Status(202, SignupSentOut(detail="Check your email to finish signing up."))
    return Status(201, SignupOut(id=user.pk, email=user.email))
