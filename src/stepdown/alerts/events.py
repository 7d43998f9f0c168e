"""Signals the alerts app sends to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``owner=`` and ``alerts=`` (the newly stored ``models.Alert`` rows, most urgent
# first) once the transaction that stored them has committed: a receiver that tells someone
# else (the clinic's emails) never speaks of an alert that was rolled back.
alerts_recorded = Signal()
