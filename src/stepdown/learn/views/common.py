"""Helpers shared by the Learn app's views."""

from __future__ import annotations

from django.http import HttpRequest

from stepdown.accounts.models import User


def owner_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # login_required ran first
    return user
