"""Whether a request has passed a second factor, and which accounts must.

An account that must (``User.mfa_required``, set while it has an active clinic membership)
sees no other person's data until it has: in a browser session, by confirming a TOTP code
(django-otp marks the session verified); on the API, with a token issued after a valid code
(``PersonalAccessToken.mfa_verified``).
"""

from __future__ import annotations

from django.http import HttpRequest

from stepdown.accounts.models import User


def passed_mfa(request: HttpRequest) -> bool:
    """True when this request's session or bearer token has passed a second factor."""
    user = request.user
    if not user.is_authenticated:
        return False
    if getattr(user, "token_mfa_verified", False):  # set by the API's token authentication
        return True
    is_verified = getattr(user, "is_verified", None)  # added by django_otp's OTPMiddleware
    return bool(is_verified and is_verified())


def require_mfa(user: User, *, required: bool = True) -> None:
    """Say whether ``user`` must pass a second factor (the clinic app calls this)."""
    if user.mfa_required != required:
        user.mfa_required = required
        user.save(update_fields=["mfa_required"])
