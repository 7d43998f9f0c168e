"""Signals the accounts app sends to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``user=`` when every way in of a person ends (a new password, a closed account):
# apps that hand out their own access (the plans app's calendar links) revoke it.
access_ended = Signal()
