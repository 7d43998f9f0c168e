"""The sign-in backends: a limit per client address, and the one that signs people in.

django-axes locks one account from one address; :class:`AddressLimitBackend`, listed first,
refuses every sign-in from an address that failed too often in the last hour, whichever accounts
it tried. :class:`PersonBackend` is Django's ``ModelBackend`` (passwords, active accounts,
permissions), finding the person behind each request's session in plain SQL.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from stepdown.accounts import rate
from stepdown.accounts.models import User
from stepdown.web.raw_rows import raw_models

# What a session names as the backend that signed its person in (settings.AUTHENTICATION_BACKENDS).
PERSON_BACKEND = "stepdown.accounts.backends.PersonBackend"


class AddressLimitBackend:
    # No get_user: sessions name the backend that signed the person in, never this one.

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if request is not None and rate.over_limit(request, "sign-in"):
            # axes' own flag: its middleware answers with the lockout page, the API with 429.
            request.axes_locked_out = True  # type: ignore[attr-defined]
            raise PermissionDenied


def _count_failure(
    sender: Any, credentials: Any, request: HttpRequest | None = None, **_: Any
) -> None:
    if request is not None and not getattr(request, "axes_locked_out", False):
        rate.record(request, "sign-in")


def connect() -> None:
    user_login_failed.connect(_count_failure, dispatch_uid="stepdown-address-limit")


_PERSON_SQL = f'SELECT * FROM "{User._meta.db_table}" WHERE "id" = %s'  # noqa: S608


class PersonBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        # Every signed-in request runs this: building the ORM query for one row by its key cost
        # several times more than running it (docs/performance.md).
        found = raw_models(User, _PERSON_SQL, [user_id])
        return found[0] if found and self.user_can_authenticate(found[0]) else None
