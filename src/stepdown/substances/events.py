"""Signals the substances app sends to the apps above it, which it must not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``owner=`` and ``alerts=`` (``core.rules.Alert``s) when a use and a kratom dose make
# a high-severity interaction, inside the write's transaction: the alerts app records them
# there (connected in ``AlertsConfig.ready``), so the alert commits or rolls back with the write.
co_use_found = Signal()
