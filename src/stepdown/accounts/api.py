"""API routes for sign-up and tokens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status

from stepdown.accounts import rate, services
from stepdown.accounts.models import PersonalAccessToken
from stepdown.accounts.requests import request_owner
from stepdown.schemas import API_ERRORS, MessageOut, StrictIn, ValidationErrorOut

router = Router(tags=["auth"])

TOO_MANY = "Too many requests from this address in the last hour. Try again later."


class CredentialsIn(StrictIn):
    email: str
    password: str


class TokenRequestIn(CredentialsIn):
    client: str = Field(
        "API sign-in",
        min_length=1,
        max_length=80,
        description="The app or device asking. Signing in again with the same name replaces "
        "that client's earlier token instead of adding one.",
    )


class TokenOut(Schema):
    token: str
    expires_at: dt.datetime


class TokenInfoOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    active: bool


class SignupOut(Schema):
    id: int
    email: str


class SignupSentOut(Schema):
    detail: str


def token_json(token: PersonalAccessToken) -> dict[str, Any]:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": f"{services.TOKEN_PREFIX}{token.prefix}",
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "active": token.is_active,
    }


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
def create_token(request: HttpRequest, payload: TokenRequestIn) -> Status[Any]:
    user = authenticate(request, username=payload.email.strip().lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, {"detail": "Too many failed attempts. Try again later."})
    if user is None:
        return Status(401, {"detail": "Email or password is not right."})
    token, secret = services.token_create(owner=user, name=payload.client, replace=True)
    return Status(200, {"token": secret, "expires_at": token.expires_at})


@router.get(
    "/tokens",
    response={200: list[TokenInfoOut], **API_ERRORS},
    summary="List your API tokens (never their secrets), newest first",
)
def list_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    return [token_json(t) for t in services.tokens_for(owner=request_owner(request))]


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
def signup(request: HttpRequest, payload: CredentialsIn) -> Status[Any]:
    if not rate.take(request, "sign-up"):
        return Status(429, {"detail": TOO_MANY})
    user = services.user_signup(
        email=payload.email,
        password=payload.password,
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    if user is None:
        return Status(202, {"detail": "Check your email to finish signing up."})
    return Status(201, {"id": user.pk, "email": user.email})
