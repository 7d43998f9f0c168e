"""The secrets in invitations: a short code a person can type, and the staff link's token."""

from __future__ import annotations

import hashlib
import secrets

from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from stepdown.clinic.models import StaffInvitation

# No I, L, O, 0 or 1: nothing a person could misread when typing a code off a screen or paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_code() -> str:
    """A fresh code, written in two groups of four (``7KQM-R2XA``)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str:
    """The code as typed, without spaces or dashes and in capitals."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def code_hash(text: str) -> str:
    return hashlib.sha256(normalise_code(text).encode()).hexdigest()


def staff_token(invitation: StaffInvitation) -> str:
    """The secret in the invitation link, derived from the row and the server's key; it stops
    matching once the invitation is accepted."""
    state = f"{invitation.pk}:{invitation.email}:{invitation.created_at.isoformat()}"
    state += f":{invitation.accepted_at}"
    return salted_hmac("stepdown.clinic.staff-invitation", state, algorithm="sha256").hexdigest()[
        :40
    ]


def staff_token_matches(invitation: StaffInvitation, token: str) -> bool:
    return constant_time_compare(staff_token(invitation), token)


def staff_invitation_link(invitation: StaffInvitation, site_url: str) -> str:
    """The link an invited clinician opens (the email task builds it; the secret is not stored)."""
    path = reverse("clinic:staff_join", args=[invitation.pk, staff_token(invitation)])
    return f"{site_url.rstrip('/')}{path}"
