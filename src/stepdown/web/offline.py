"""Installable and offline: the web app manifest, the service worker and the offline page.

None of the three depends on who asks: they carry no personal data, so a browser (or its service
worker cache) may keep them after a person signs out. docs/offline.md explains the policy.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import etag, require_GET

from stepdown.web.resources import CRISIS_LINES, SUPPORT_LINES, lines_for_country

THEME_COLOUR = "#2a7b6f"  # the icon's green
# Vendored files every page may load; the app's own static files are all taken (they are small).
VENDOR_ASSETS = (
    "vendor/pico/pico.min.css",
    "vendor/htmx/htmx.min.js",
    "vendor/uplot/uPlot.min.css",
    "vendor/uplot/uPlot.iife.min.js",
)
OWN_ASSET_SUFFIXES = (".css", ".js", ".svg", ".png")
SW_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "web" / "sw.js"
COUNTRIES = frozenset(line.country for line in (*CRISIS_LINES, *SUPPORT_LINES))


@functools.cache
def _precache() -> tuple[list[str], str]:
    """The static URLs the service worker caches at install, and a version that changes with
    them and with the worker's own code (so a browser installs the new worker)."""
    own = Path(settings.STATICFILES_DIRS[0]) / "stepdown"
    names = sorted(
        f"stepdown/{path.name}" for path in own.iterdir() if path.suffix in OWN_ASSET_SUFFIXES
    )
    urls = [static(name) for name in (*VENDOR_ASSETS, *names)]
    digest = hashlib.sha256(json.dumps(urls).encode())
    digest.update(SW_TEMPLATE.read_bytes())
    for name in names:
        digest.update((own / Path(name).name).read_bytes())
    return urls, digest.hexdigest()[:16]


def _shared(response: HttpResponse, cache_control: str) -> HttpResponse:
    # "public": the same for everyone, so PrivateResponseMiddleware leaves it cacheable.
    response["Cache-Control"] = cache_control
    return response


@require_GET
@etag(lambda request: _precache()[1])
def service_worker(request: HttpRequest) -> HttpResponse:
    urls, version = _precache()
    context = {
        "version": version,
        "precache": json.dumps([*urls, reverse("web:offline")]),
        "offline_url": json.dumps(reverse("web:offline")),
        "static_prefix": json.dumps(settings.STATIC_URL),
    }
    response = render(request, "web/sw.js", context, content_type="text/javascript")
    # Served from the root so its scope is the whole site; the header says so explicitly.
    response["Service-Worker-Allowed"] = "/"
    # Revalidated each time (a 304 while the ETag holds), so a new version is picked up at once.
    return _shared(response, "public, no-cache")


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    data = {
        "name": "Stepdown",
        "short_name": "Stepdown",
        "description": translation.gettext(
            "Keep track of kratom use and cut down at your own pace."
        ),
        "lang": translation.get_language() or settings.LANGUAGE_CODE,
        "start_url": reverse("today:today"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("stepdown/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("stepdown/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("stepdown/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("stepdown/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    patch_vary_headers(response, ("Cookie",))  # the language may come from the cookie
    return _shared(response, "public, max-age=3600")


@require_GET
def offline_page(request: HttpRequest) -> HttpResponse:
    """The page the service worker shows when a page cannot load: crisis lines first, nothing
    about the person but, at most, the country code in its address."""
    country = request.GET.get("country", "").upper()
    if country not in COUNTRIES:
        country = ""
    context = {
        "crisis_lines": lines_for_country(CRISIS_LINES, country),
        "support_lines": lines_for_country(SUPPORT_LINES, country),
        "country": country,
    }
    # The service worker fetches this page without cookies, so it names the language the person
    # reads (the page's own); otherwise the request's language, as for any page.
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        response = render(request, "web/offline.html", context)
    response["Content-Language"] = language
    # The language may come from the cookie: a shared cache must not hand it to another reader.
    patch_vary_headers(response, ("Cookie",))
    return _shared(response, "public, max-age=3600")
