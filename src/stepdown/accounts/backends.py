"""Sign-in failures per client address over all accounts (password spraying).

django-axes locks one account from one address; this backend, listed first, refuses every
sign-in from an address that failed too often in the last hour, whichever accounts it tried.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from stepdown.accounts import rate


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
