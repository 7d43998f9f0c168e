"""Account writes: sign-up and personal access tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from stepdown.accounts import revisions
from stepdown.accounts.models import PersonalAccessToken, User, validate_time_zone
from stepdown.errors import InvalidInput, NotFound

TOKEN_PREFIX = "sdp_"  # noqa: S105  (a public marker, not a secret)


def user_signup(
    *, email: str, password: str, display_name: str = "", time_zone: str = "UTC"
) -> User:
    """Create an account when open sign-up is on, with Django's password validators."""
    if not settings.OPEN_SIGNUP:
        raise InvalidInput("email", "Sign-up is closed on this Stepdown; ask its administrator.")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput("email", "Enter a valid email address.") from None
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        raise InvalidInput("time_zone", error.messages[0]) from None
    candidate = User(email=email, display_name=display_name.strip())
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        raise InvalidInput("password", " ".join(error.messages)) from None
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email, password, display_name=display_name.strip(), time_zone=time_zone
            )
    except IntegrityError:
        raise InvalidInput("email", "An account with this email already exists.") from None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(*, owner: User, name: str) -> tuple[PersonalAccessToken, str]:
    """A new token; the secret is returned once and only its hash is kept."""
    name = name.strip()
    if not name:
        raise InvalidInput("name", "Give the token a name, such as the device it is for.")
    if len(name) > 80:
        raise InvalidInput("name", "Use at most 80 characters.")
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = PersonalAccessToken.objects.create(
        owner=owner, name=name, prefix=prefix, token_hash=_hash(secret)
    )
    return token, secret


def token_revoke(*, owner: User, token_id: int) -> None:
    updated = PersonalAccessToken.objects.filter(
        owner=owner, pk=token_id, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not updated:
        raise NotFound("token")


# Every API call runs this. Plain SQL: building the ORM join took longer than running it.
# Standard SQL quoting, which SQLite and PostgreSQL share.
_OWNER_BY_KEY_HASH_SQL = (
    'SELECT "accounts_user".*, "t"."id" AS "token_id", '
    '("t"."last_used_at" IS NULL OR "t"."last_used_at" < %s) AS "token_use_stale" '
    'FROM "accounts_personalaccesstoken" "t" '
    'JOIN "accounts_user" ON "accounts_user"."id" = "t"."owner_id" '
    'WHERE "t"."token_hash" = %s AND "t"."revoked_at" IS NULL AND "accounts_user"."is_active"'
)
# Record use at most hourly: a write on every API call would halve SQLite throughput.
TOKEN_USE_RESOLUTION = dt.timedelta(hours=1)


def token_authenticate(secret: str) -> User | None:
    """The active user behind a bearer token, or ``None``."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    stale_before = connection.ops.adapt_datetimefield_value(now - TOKEN_USE_RESOLUTION)
    found = list(User.objects.raw(_OWNER_BY_KEY_HASH_SQL, [stale_before, _hash(secret)]))
    if not found:
        return None
    owner = found[0]
    if owner.token_use_stale:  # type: ignore[attr-defined]
        PersonalAccessToken.objects.filter(pk=owner.token_id).update(  # type: ignore[attr-defined]
            last_used_at=now
        )
    return owner


def tokens_for(*, owner: User) -> list[PersonalAccessToken]:
    return list(PersonalAccessToken.objects.filter(owner=owner))


def data_changed(*, owner: User) -> None:
    """Record a change that model signals do not see (``QuerySet.update``, ``bulk_create``)."""
    revisions.bump(owner_id=owner.pk, owner=owner)
