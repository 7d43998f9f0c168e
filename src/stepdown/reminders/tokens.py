"""The unsubscribe link's token: a person's random unsubscribe key, signed.

The key is random (it says nothing about the person) and the signature stops anyone from
trying keys. The token never expires, so a link in an old email keeps working.
"""

from __future__ import annotations

import uuid

from django.core import signing

_SALT = "stepdown.reminders.unsubscribe"
# "." keeps the token inside the characters a URL path takes without escaping.
_SEPARATOR = "."


def _signer() -> signing.Signer:
    return signing.Signer(salt=_SALT, sep=_SEPARATOR)


def unsubscribe_token(key: uuid.UUID) -> str:
    """The token for one person's unsubscribe key."""
    return _signer().sign(key.hex)


def key_from_token(token: str) -> uuid.UUID | None:
    """The key a token carries, or ``None`` when it is forged, damaged or not a key."""
    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        return None
    try:
        return uuid.UUID(hex=value)
    except ValueError:
        return None
