"""Forms of the alerts page and the plan page's suggestions."""

from __future__ import annotations

from django import forms

from stepdown.alerts.models import Alert
from stepdown.web.validation import AppVoiceForm

SEVERITY_CHOICES = [("", "All"), *Alert.Level.choices]
STATUS_CHOICES = [
    ("", "All"),
    (Alert.Status.OPEN, "New"),
    (Alert.Status.ACKNOWLEDGED, "Seen"),
    (Alert.Status.RESOLVED, "Resolved"),
]


class AlertFilterForm(AppVoiceForm):
    """The alerts page's filters (GET)."""

    severity = forms.ChoiceField(choices=SEVERITY_CHOICES, required=False, label="Severity")
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False, label="Show")


class NoteForm(AppVoiceForm):
    note = forms.CharField(max_length=500, required=False, label="Note (optional)")


class DecisionForm(AppVoiceForm):
    """Accept a suggestion, with a reason that goes into the plan's history."""

    reason = forms.CharField(
        max_length=500,
        required=False,
        label="Why you accept",
        help_text="Kept in your plan's history. You can change it.",
    )


class DeclineForm(DecisionForm):
    """Decline a suggestion; the reason stays with the alert."""

    reason = forms.CharField(
        max_length=500,
        required=False,
        label="Why not (optional)",
        help_text="Kept with the alert. Your plan does not change.",
    )
