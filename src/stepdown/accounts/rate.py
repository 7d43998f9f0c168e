"""Limits per client address, counted in the database so every worker process sees the same.

Kinds (``settings.RATE_LIMITS``): failed sign-ins over all accounts, sign-ups, reset requests;
each limit is per address per hour.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from stepdown.accounts.client import client_address as _client_address
from stepdown.accounts.models import RateEvent

WINDOW = dt.timedelta(hours=1)


def client_address(request: HttpRequest) -> str:
    # Requests without an address (never from a real server) share one bucket.
    return _client_address(request) or "unknown"


def over_limit(request: HttpRequest, kind: str) -> bool:
    since = timezone.now() - WINDOW
    count = RateEvent.objects.filter(kind=kind, address=client_address(request), at__gte=since)
    return count.count() >= settings.RATE_LIMITS[kind]


def record(request: HttpRequest, kind: str) -> None:
    address = client_address(request)
    now = timezone.now()
    RateEvent.objects.filter(kind=kind, address=address, at__lt=now - WINDOW).delete()
    RateEvent.objects.create(kind=kind, address=address, at=now)


def take(request: HttpRequest, kind: str) -> bool:
    """Count one more event; ``False`` (and nothing counted) when the address is over its limit."""
    if over_limit(request, kind):
        return False
    record(request, kind)
    return True
