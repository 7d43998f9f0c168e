"""Addresses that leave the browser (calendar feeds, links to paste elsewhere)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


@dataclass(frozen=True, slots=True)
class PublicLink:
    """A link to paste into another app: ``url`` (http/https), ``webcal`` (the same address for
    calendar apps) and ``local_only`` when no other device can reach it."""

    url: str
    webcal: str
    local_only: bool


def is_local_only(url: str) -> bool:
    """True when ``url``'s host is this computer (loopback), so a phone cannot reach it."""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_link(request: HttpRequest, path: str) -> PublicLink:
    """``path`` at the configured public address (``STEPDOWN_SITE_URL``), or at the address of
    this request when none is configured."""
    base = settings.SITE_URL
    url = f"{base}{path}" if base else request.build_absolute_uri(path)
    webcal = "webcal://" + url.split("://", 1)[1]
    return PublicLink(url=url, webcal=webcal, local_only=is_local_only(url))


def site_url(request: HttpRequest) -> str:
    """The site's address for links in emails the worker sends: the configured public address
    (``STEPDOWN_SITE_URL``), or the address this request came to when none is configured."""
    return settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")
