"""The signed-in person behind a request."""

from __future__ import annotations

from django.http import HttpRequest

from stepdown.accounts.models import User


def request_owner(request: HttpRequest) -> User:
    """The person a page or API call acts for.

    Only used behind ``login_required`` or the API's bearer-token auth, which guarantee a
    signed-in ``User``; anything else is a programming error, not bad input.
    """
    user = request.user
    assert isinstance(user, User)
    return user
