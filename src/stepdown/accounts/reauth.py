"""Re-authentication: changing the password or the second factor needs a recent proof of
identity (the password, and a code when the account has an authenticator) in this session.

Signing in counts as one; after ``REAUTH_SECONDS`` the person confirms again (ASVS 7.5.1).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

REAUTH_SECONDS = 5 * 60
_REAUTH_AT = "stepdown_reauth_at"


def mark(request: HttpRequest) -> None:
    """The person has just proved who they are in this session."""
    request.session[_REAUTH_AT] = int(time.time())


def is_recent(request: HttpRequest) -> bool:
    at = request.session.get(_REAUTH_AT)
    return at is not None and 0 <= time.time() - at <= REAUTH_SECONDS


def confirm_first(request: HttpRequest, next_url: str) -> HttpResponse:
    """Send the person to confirm who they are, then back to ``next_url``."""
    return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': next_url})}")


def reauth_required(
    next_name: str | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Only after a recent re-authentication; otherwise to the confirm page, then back to the
    page itself (or to ``next_name`` for a view that only takes POST)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not is_recent(request):
                target = reverse(next_name) if next_name else request.get_full_path()
                return confirm_first(request, target)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
