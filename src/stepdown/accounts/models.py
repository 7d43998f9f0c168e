"""People who use Stepdown, and their API tokens."""

from __future__ import annotations

import secrets
import zoneinfo
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

# Read once: zoneinfo walks the zone files on every call. Left out: names for the machine's own
# zone and zoneinfo's internals, which are not places a person lives.
TIME_ZONES = frozenset(zoneinfo.available_timezones()) - {"localtime", "posixrules", "Factory"}


def validate_time_zone(value: str) -> None:
    if value not in TIME_ZONES:
        raise ValidationError(
            _("%(zone)s is not a known time zone (for example Europe/London).")
            % {"zone": repr(value)}
        )


# The languages a person can choose; blank follows the browser. Names in their own language, as
# a language menu shows them (settings.LANGUAGES holds the same two).
LANGUAGE_CHOICES = [("en", "English"), ("fr", "Français")]


def new_sessions_key() -> str:
    return secrets.token_hex(16)


class UserManager(BaseUserManager["User"]):
    """Creates users with the email as the login."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a Stepdown account. The email is the login; days follow ``time_zone``."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=80, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    # Blank: pages follow the browser's language (or the footer's switch).
    language = models.CharField(max_length=8, blank=True, default="", choices=LANGUAGE_CHOICES)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Bumped on every change to anything the person owns; per-person caches are keyed on it, so
    # a cache never serves anything from before a write (see stepdown.accounts.revisions).
    data_revision = models.PositiveBigIntegerField(default=0, editable=False)
    # Every session signed in as this person carries an HMAC of this key; a new key ends them
    # all at once. A new password makes a new key, unless the person chooses to stay signed in.
    sessions_key = models.CharField(max_length=32, default=new_sessions_key, editable=False)
    # Set while the account has an active clinic membership: such an account must pass a second
    # factor (TOTP) before it sees anything of another person (stepdown.accounts.mfa).
    mfa_required = models.BooleanField(default=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering: ClassVar[list[str]] = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.sessions_key = new_sessions_key()

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Not the password hash (Django's default): a person may keep other sessions open.
        key_salt = "stepdown.accounts.User.sessions_key"
        return salted_hmac(
            key_salt, self.sessions_key, secret=secret, algorithm="sha256"
        ).hexdigest()

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class PersonalAccessToken(models.Model):
    """A bearer token for the API. Only a hash is stored; the person sees the secret once."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12, unique=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    # The token was issued after a second factor (POST /auth/token with a valid ``otp``).
    mfa_verified = models.BooleanField(default=False)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class RateEvent(models.Model):
    """One sign-in failure, sign-up or reset request from a client address, kept for an hour.

    In the database so every worker process counts the same events.
    """

    kind = models.CharField(max_length=16)
    address = models.CharField(max_length=45)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["kind", "address", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"
