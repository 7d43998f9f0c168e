"""Answers that come before the rest of the middleware, and the CSP header built once."""

from __future__ import annotations

from collections.abc import Callable

import csp.constants
import csp.middleware
import csp.utils
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

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


# What a response sets to change its own policy (django-csp's decorators).
_OWN_POLICY = (
    "_csp_config", "_csp_update", "_csp_replace",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
)  # fmt: skip


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the policy text built once instead of twice per answer.

    An answer that uses no nonce and sets no policy of its own (every API answer, and pages
    without an inline nonce) always gets the same text, from the settings; django-csp built it
    anew each time, ~4 % of an API call's CPU (docs/performance.md). It is built again when the
    settings change. Any other answer goes through django-csp as it is.
    """

    _plain: tuple[object, object, str, str] | None = None

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        policies = self._plain_policies()
        if (
            policies is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in _OWN_POLICY)
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        for header, text, exempt in (
            (csp.constants.HEADER, policies[0], "_csp_exempt"),
            (csp.constants.HEADER_REPORT_ONLY, policies[1], "_csp_exempt_ro"),
        ):
            if text and header not in response and not getattr(response, exempt, False):
                response[header] = text
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response

    def _plain_policies(self) -> tuple[str, str] | None:
        """The policy and report-only texts; ``None`` when a policy excludes some paths."""
        config = getattr(settings, "CONTENT_SECURITY_POLICY", None)
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        if any((c or {}).get("EXCLUDE_URL_PREFIXES") for c in (config, report_only)):
            return None
        plain = self._plain
        if plain is None or plain[0] is not config or plain[1] is not report_only:
            plain = self._plain = (
                config,
                report_only,
                csp.utils.build_policy(),
                csp.utils.build_policy(report_only=True),
            )
        return plain[2], plain[3]
