"""Signals the substances app sends to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``owner=`` and ``alerts=`` (``core.rules.Alert``s) when a use near a kratom dose makes
# a high-severity interaction with kratom. It is sent inside the write's transaction and the
# alerts app records the alerts there (connected in ``AlertsConfig.ready``), so they commit or
# roll back with the write. (Newly listed medicines: ``profile.signals.medicines_listed``.)
interactions_found = Signal()
