"""Account writes: sign-up, passwords, and personal access tokens."""

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
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from stepdown.accounts import revisions
from stepdown.accounts.models import (
    PersonalAccessToken,
    User,
    new_sessions_key,
    validate_time_zone,
)
from stepdown.accounts.signals import access_ended
from stepdown.errors import InvalidInput, InvalidInputs, NotFound
from stepdown.web.raw_rows import raw_models

TOKEN_PREFIX = "sdp_"  # noqa: S105  (a public marker, not a secret)


TAKEN = gettext_noop("An account with this email already exists.")


def signup_problems(
    *, email: str, password: str, display_name: str = "", time_zone: str = "UTC"
) -> dict[str, str]:
    """Every reason the sign-up cannot go ahead, per field, so a form shows them all at once.

    A taken address is only said where sign-up does not confirm by email: there the answer must
    be the same for a new and a known address (the email tells the owner instead)."""
    if not settings.OPEN_SIGNUP:
        return {"email": _("Sign-up is closed on this Stepdown; ask its administrator.")}
    problems: dict[str, str] = {}
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        problems["email"] = _("Enter a valid email address.")
    else:
        taken = User.objects.filter(email=email).exists()
        if taken and not settings.SIGNUP_CONFIRMATION:
            problems["email"] = _(TAKEN)
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        problems["time_zone"] = error.messages[0]
    candidate = User(email=email, display_name=display_name.strip())
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        problems["password"] = " ".join(error.messages)
    return problems


def user_signup(
    *,
    email: str,
    password: str,
    display_name: str = "",
    time_zone: str = "UTC",
    site_url: str = "",
) -> User | None:
    """Create an account when open sign-up is on, with Django's password validators.

    With ``SIGNUP_CONFIRMATION`` the account starts inactive and ``None`` comes back for a new
    and a known address alike; the worker emails a confirmation link, or tells a known address's
    owner that someone tried to sign up with it."""
    fields = {
        "email": email,
        "password": password,
        "display_name": display_name,
        "time_zone": time_zone,
    }
    problems = signup_problems(**fields)
    if problems:
        raise InvalidInputs(problems)
    email = email.strip().lower()
    confirm = settings.SIGNUP_CONFIRMATION
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email,
                password,
                display_name=display_name.strip(),
                time_zone=time_zone,
                is_active=not confirm,
            )
    except IntegrityError:
        if not confirm:
            raise InvalidInput("email", _(TAKEN)) from None
        user = None
    if not confirm:
        return user
    from stepdown.accounts.tasks import send_signup_email

    send_signup_email.enqueue(
        email=email, new=user is not None, site_url=site_url, language=get_language() or ""
    )
    return None


def signup_confirm(*, user: User) -> None:
    """The person opened the link in the sign-up email: the account starts."""
    User.objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True


def password_set(*, user: User, password: str, keep_signed_in: bool = False) -> None:
    """A new password (changed, or reset by link or on the command line).

    Unless the person keeps them, every session, API token and calendar link they had stops
    working: whoever knew the old password may have made any of them."""
    key = user.sessions_key
    user.set_password(password)  # also makes a new sessions key
    if keep_signed_in:
        user.sessions_key = key
    user.save(update_fields=["password", "sessions_key"])
    if not keep_signed_in:
        access_end(user=user)
    from axes.utils import reset

    # A lockout on this account ends with the new password.
    reset(username=user.email)


def access_end(*, user: User) -> None:
    """End every session (a new sessions key), API token and calendar link of the person."""
    now = timezone.now()
    user.sessions_key = new_sessions_key()  # on the instance too: the caller may keep its session
    user.save(update_fields=["sessions_key"])
    PersonalAccessToken.objects.filter(owner=user, revoked_at__isnull=True).update(revoked_at=now)
    access_ended.send(sender=User, user=user)  # the calendar links (plans) end too
    data_changed(owner=user)


def user_deactivate(*, user: User) -> None:
    """Close the account: nothing signs in as this person any more, even after reactivation."""
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    access_end(user=user)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(
    *, owner: User, name: str, replace: bool = False, mfa_verified: bool = False
) -> tuple[PersonalAccessToken, str]:
    """A new token, valid for ``TOKEN_DAYS``; the secret is returned once and only its hash is
    kept. With ``replace``, the person's other live tokens of the same name stop working, so a
    client that signs in again does not pile up tokens. ``mfa_verified``: issued after a valid
    second-factor code (stepdown.accounts.mfa)."""
    name = name.strip()
    if not name:
        raise InvalidInput("name", _("Give the token a name, such as the device it is for."))
    if len(name) > 80:
        raise InvalidInput("name", _("Use at most 80 characters."))
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    now = timezone.now()
    with transaction.atomic():
        if replace:
            PersonalAccessToken.objects.filter(
                owner=owner, name=name, revoked_at__isnull=True
            ).update(revoked_at=now)
        token = PersonalAccessToken.objects.create(
            owner=owner,
            name=name,
            prefix=prefix,
            token_hash=_hash(secret),
            created_at=now,
            expires_at=now + dt.timedelta(days=settings.TOKEN_DAYS),
            mfa_verified=mfa_verified,
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
    'SELECT "accounts_user".*, "t"."id" AS "token_id", "t"."mfa_verified" AS "token_mfa_verified", '
    '("t"."last_used_at" IS NULL OR "t"."last_used_at" < %s) AS "token_use_stale" '
    'FROM "accounts_personalaccesstoken" "t" '
    'JOIN "accounts_user" ON "accounts_user"."id" = "t"."owner_id" '
    'WHERE "t"."token_hash" = %s AND "t"."revoked_at" IS NULL AND "t"."expires_at" > %s '
    'AND "accounts_user"."is_active"'
)
# Record use at most hourly: a write on every API call would halve SQLite throughput.
TOKEN_USE_RESOLUTION = dt.timedelta(hours=1)


def token_authenticate(secret: str) -> User | None:
    """The active user behind a bearer token, or ``None``."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    params = [adapt(now - TOKEN_USE_RESOLUTION), _hash(secret), adapt(now)]
    found = raw_models(User, _OWNER_BY_KEY_HASH_SQL, params)
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


def language_set(*, user: User, language: str) -> None:
    """Remember the person's language ("" follows the browser)."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def data_changed(*, owner: User) -> None:
    """Record a change that model signals do not see (``QuerySet.update``, ``bulk_create``)."""
    revisions.bump(owner_id=owner.pk, owner=owner)


def password_reset_link(*, email: str, site_url: str) -> str:
    """A one-time link to choose a new password, for the command line of the computer that
    runs Stepdown (never logged, never emailed). It stops working once used."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = User.objects.filter(email=email.strip().lower(), is_active=True).first()
    if user is None or not user.has_usable_password():
        raise NotFound("account")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:password_reset_confirm", args=[uid, token])
    return f"{site_url.rstrip('/')}{path}"
