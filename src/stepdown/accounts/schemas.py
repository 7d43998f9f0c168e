"""API schemas for sign-up and tokens."""

from __future__ import annotations

import datetime as dt

from ninja import Field

from stepdown.accounts.models import PersonalAccessToken
from stepdown.accounts.services import TOKEN_PREFIX
from stepdown.schemas import Out, StrictIn


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


class TokenOut(Out):
    token: str
    expires_at: dt.datetime


class TokenInfoOut(Out):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    active: bool

    @classmethod
    def of(cls, token: PersonalAccessToken) -> TokenInfoOut:
        return cls(
            id=token.pk,
            name=token.name,
            prefix=f"{TOKEN_PREFIX}{token.prefix}",
            created_at=token.created_at,
            expires_at=token.expires_at,
            last_used_at=token.last_used_at,
            revoked_at=token.revoked_at,
            active=token.is_active,
        )


class SignupOut(Out):
    id: int
    email: str


class SignupSentOut(Out):
    detail: str
