"""The CSP header built once (``stepdown.web.middleware.CSPMiddleware``) is the one django-csp
builds for each answer, follows the settings when they change, and a nonce still reaches the
header of the answer that asked for one."""

from __future__ import annotations

from typing import Any

from csp.constants import NONCE
from csp.middleware import CSPMiddleware as DjangoCspMiddleware
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from stepdown.web.middleware import CSPMiddleware

HEADER = "Content-Security-Policy"


def _answer(middleware: type[Any], *, nonce: bool = False) -> HttpResponse:
    def view(request: HttpRequest) -> HttpResponse:
        if nonce:
            str(request.csp_nonce)  # type: ignore[attr-defined]  # as a template would
        return HttpResponse("ok")

    response: HttpResponse = middleware(view)(RequestFactory().get("/api/v1/today"))
    return response


def test_the_header_is_django_csps() -> None:
    ours, theirs = _answer(CSPMiddleware), _answer(DjangoCspMiddleware)
    assert ours[HEADER] == theirs[HEADER]
    assert "frame-ancestors 'none'" in ours[HEADER]
    assert "unsafe-inline" not in ours[HEADER]
    assert _answer(CSPMiddleware)[HEADER] == theirs[HEADER]  # the kept text, the second time


@override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": ["'self'", NONCE]}})
def test_a_nonce_reaches_its_answers_header() -> None:
    response = _answer(CSPMiddleware, nonce=True)
    assert "'nonce-" in response[HEADER]
    assert "'nonce-" not in _answer(CSPMiddleware)[HEADER]


def test_the_header_follows_the_settings() -> None:
    middleware = CSPMiddleware(lambda request: HttpResponse("ok"))
    before = middleware(RequestFactory().get("/"))[HEADER]
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        changed = middleware(RequestFactory().get("/"))[HEADER]
    assert changed == "default-src 'none'"
    assert middleware(RequestFactory().get("/"))[HEADER] == before
