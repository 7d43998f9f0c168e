"""The route name an access is recorded under, read from the request being answered."""

from __future__ import annotations

from django.http import HttpRequest


def route_of(request: HttpRequest) -> str:
    """``clinic:patient`` for a page, ``api:<operation>`` for the API: the pattern's name, never
    the path (a path carries ids)."""
    match = request.resolver_match
    if match is None or not match.view_name:
        raise ValueError("route_of needs a request that was routed to a named URL pattern")
    return match.view_name
