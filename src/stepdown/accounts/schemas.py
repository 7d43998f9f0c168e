"""API schemas for sign-up and tokens."""

from __future__ import annotations

import datetime as dt

from ninja import Field

from stepdown.accounts.mfa import TotpSetup
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
    otp: str | None = Field(
        None,
        min_length=1,
        max_length=32,
        description="A code from the account's authenticator app, or one of its recovery codes. "
        "Needed when the account must use a second factor or has an authenticator set up; the "
        "token is then marked as having passed it.",
    )


class CodedMessageOut(Out):
    """An error with a machine-readable ``code`` (``mfa_required``, ``otp_invalid``)."""

    detail: str
    code: str


class MfaCredentialsIn(StrictIn):
    """Who is setting up: a bearer token or a signed-in session, or else the email and password
    of an account that has no token yet."""

    email: str | None = None
    password: str | None = None


class TotpConfirmIn(MfaCredentialsIn):
    code: str = Field(..., min_length=1, max_length=32, description="The app's current code.")


class TotpSetupOut(Out):
    secret: str
    otpauth_uri: str

    @classmethod
    def of(cls, setup: TotpSetup) -> TotpSetupOut:
        return cls(secret=setup.secret, otpauth_uri=setup.otpauth_uri)


class RecoveryCodesOut(Out):
    recovery_codes: list[str]


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
