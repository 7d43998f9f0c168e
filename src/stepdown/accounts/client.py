"""The address a request comes from, read the one way every limit and lockout uses.

``X-Forwarded-For`` is a list anyone can start: each proxy appends the address it saw. Only the
last ``TRUSTED_PROXIES`` entries were written by proxies we run, so the client is the entry the
outermost trusted proxy appended; with no trusted proxy it is the connecting address itself.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXIES
    if count:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop]
        # hops[-1] was appended by the nearest proxy, hops[-count] by the outermost trusted one.
        if len(hops) >= count:
            found = _valid(hops[-count])
            if found is not None:
                return found
    return _valid(remote)
