"""Answers that come before the rest of the middleware."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from stepdown.web.views import healthz


class HealthCheckMiddleware:
    """``/healthz`` answered first: before the Host header is checked (a load balancer probes
    by IP address) and before the HTTPS redirect (it probes over plain HTTP). It says only
    whether the database answers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == "/healthz" and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
