"""API routes for sign-up and tokens."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.responses import Status

from stepdown.accounts.services import token_create, user_signup
from stepdown.schemas import MessageOut, StrictIn, ValidationErrorOut

router = Router(tags=["auth"])


class CredentialsIn(StrictIn):
    email: str
    password: str


class TokenOut(Schema):
    token: str


class SignupOut(Schema):
    id: int
    email: str


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
def create_token(request: HttpRequest, payload: CredentialsIn) -> Status[Any]:
    user = authenticate(request, username=payload.email.strip().lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return Status(429, {"detail": "Too many failed attempts. Try again later."})
    if user is None:
        return Status(401, {"detail": "Email or password is not right."})
    _, secret = token_create(owner=user, name=f"API sign-in {timezone.now():%Y-%m-%d %H:%M}")
    return Status(200, {"token": secret})


@router.post(
    "/signup",
    auth=None,
    response={201: SignupOut, 400: MessageOut, 422: ValidationErrorOut},
    summary="Create an account (when open sign-up is on)",
)
def signup(request: HttpRequest, payload: CredentialsIn) -> Status[Any]:
    user = user_signup(email=payload.email, password=payload.password)
    return Status(201, {"id": user.pk, "email": user.email})
