"""API routes for sign-up and tokens."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from stepdown.accounts import rate, services
from stepdown.accounts.requests import request_owner
from stepdown.accounts.schemas import (
    CredentialsIn,
    SignupOut,
    SignupSentOut,
    TokenInfoOut,
    TokenOut,
    TokenRequestIn,
)
from stepdown.schemas import API_ERRORS, MessageOut, ValidationErrorOut

router = Router(tags=["auth"])

TOO_MANY = "Too many requests from this address in the last hour. Try again later."


@router.post(
    "/token",
    auth=None,
    response={
        200: TokenOut,
        400: MessageOut,
        401: MessageOut,
        422: ValidationErrorOut,
        429: MessageOut,
    },
    summary="Exchange email and password for a personal access token",
)
def create_token(request: HttpRequest, payload: TokenRequestIn) -> Status[TokenOut | MessageOut]:
    user = authenticate(request, username=payload.email.strip().lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, MessageOut(detail="Too many failed attempts. Try again later."))
    if user is None:
        return Status(401, MessageOut(detail="Email or password is not right."))
    token, secret = services.token_create(owner=user, name=payload.client, replace=True)
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
        return Status(429, MessageOut(detail=TOO_MANY))
    user = services.user_signup(
        email=payload.email,
        password=payload.password,
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    if user is None:
        return Status(202, SignupSentOut(detail="Check your email to finish signing up."))
    return Status(201, SignupOut(id=user.pk, email=user.email))
