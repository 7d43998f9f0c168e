"""Forms of the alerts page and the plan page's suggestions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.alerts.models import Alert
from stepdown.web.validation import AppVoiceForm

SEVERITY_CHOICES = [("", _("All")), *Alert.Level.choices]
STATUS_CHOICES = [("", _("All")), *Alert.Status.choices]


class AlertFilterForm(AppVoiceForm):
    """The alerts page's filters (GET)."""

    severity = forms.ChoiceField(choices=SEVERITY_CHOICES, required=False, label=_("Severity"))
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False, label=_("Show"))


class NoteForm(AppVoiceForm):
    note = forms.CharField(max_length=500, required=False, label=_("Note (optional)"))


class DecisionForm(AppVoiceForm):
    """Accept a suggestion, with a reason that goes into the plan's history."""

    reason = forms.CharField(
        max_length=500,
        required=False,
        label=_("Why you accept"),
        help_text=_("Kept in your plan's history. You can change it."),
    )


class DeclineForm(DecisionForm):
    """Decline a suggestion; the reason stays with the alert."""

    reason = forms.CharField(
        max_length=500,
        required=False,
        label=_("Why not (optional)"),
        help_text=_("Kept with the alert. Your plan does not change."),
    )
