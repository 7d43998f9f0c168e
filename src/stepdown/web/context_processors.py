"""Values every page template needs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from stepdown.web.countries import country_for_zone


def site(request: HttpRequest) -> dict[str, Any]:
    return {"open_signup": settings.OPEN_SIGNUP, "offline": _offline(request)}


def _offline(request: HttpRequest) -> dict[str, str]:
    """What the offline queue (offline.js) needs: an opaque mark of the signed-in account, so
    entries kept on a device are only ever sent to the account that made them, and the
    account's country (from its time zone) for the offline crisis page. No email, no id."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    account = salted_hmac("stepdown.offline.account", str(user.pk)).hexdigest()[:20]
    return {"account": account, "country": country_for_zone(user.time_zone)}
