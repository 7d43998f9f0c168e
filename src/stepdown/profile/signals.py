"""Signals the profile app sends to the apps above it, which it must not import. Each is sent
inside the write's transaction, so what the receivers write commits or rolls back with it."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``owner=``, ``record=`` (the saved ``Onboarding``) and ``was_paused=`` (whether the
# answers paused a taper before this save) after onboarding answers are saved: the plans app
# pauses the active plan when the person newly says they are pregnant or breastfeeding, and the
# goals app keeps a risk snapshot when a completed profile changed.
answers_saved = Signal()

# Sent with ``owner=`` and ``names=`` (medicines newly on the list, each one that counts) when
# the medicines list changes: the alerts app records an alert for those that interact with
# kratom at high severity.
medicines_listed = Signal()
