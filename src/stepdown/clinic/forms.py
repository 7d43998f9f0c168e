"""Forms of the clinic pages: inviting, joining, and the consent form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stepdown.clinic.data_classes import ALL, describe
from stepdown.clinic.messages import MESSAGE_MAX
from stepdown.clinic.models import Consent, Message, Note, PlanProposal, Role, StaffInvitation
from stepdown.clinic.notes import NOTE_MAX
from stepdown.web.validation import AppVoiceForm


class StaffInviteForm(AppVoiceForm):
    constraint_model = StaffInvitation

    email = forms.EmailField(label=_("Email of the clinician"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.CLINICIAN)


class StaffSignupForm(AppVoiceForm):
    """The invited clinician has no account yet: choose a name and a password."""

    display_name = forms.CharField(label=_("Your name"), max_length=80)
    password = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, strip=False, max_length=4096
    )


class PatientInvitationForm(AppVoiceForm):
    clinicians = forms.MultipleChoiceField(
        label=_("Who will see this person"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to let every treating clinician of the clinic see them."),
    )

    def __init__(
        self, *args: Any, choices: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["clinicians"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices or []


class CodeForm(AppVoiceForm):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=20,
        help_text=_("The code your clinic gave you, such as 7KQM-R2XA."),
    )


class ConsentForm(AppVoiceForm):
    """The choices on the consent form; the rest of §2.31's elements are shown as text."""

    constraint_model = Consent

    data_classes = forms.MultipleChoiceField(
        label=_("What you share"),
        choices=[(code, label) for code, label, _ in describe(ALL)],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of data to share.")},
    )
    expires_on = forms.DateField(
        label=_("Last day of sharing"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to share until you revoke it or close your account."),
    )
    signature = forms.CharField(
        label=_("Your full name, as your signature"),
        max_length=120,
        error_messages={"required": _("Type your full name to sign.")},
    )


# -- notes (clinic.notes_views) -----------------------------------------------------------------


class NoteForm(AppVoiceForm):
    constraint_model = Note

    text = forms.CharField(
        label=_("Note"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    shared_with_person = forms.BooleanField(
        label=_("Share this note with the person"), required=False
    )


# -- plan proposals (clinic.proposals_views) ---------------------------------------------------


class ProposalForm(AppVoiceForm):
    constraint_model = PlanProposal

    kind = forms.ChoiceField(label=_("Proposal"), choices=PlanProposal.Kind.choices)
    days = forms.IntegerField(
        label=_("Hold for (days)"), required=False, min_value=1, max_value=365
    )
    rate_pct = forms.DecimalField(
        label=_("New cut per step (%)"), required=False, max_digits=5, decimal_places=2
    )
    interval_days = forms.IntegerField(
        label=_("Days per step"), required=False, min_value=1, max_value=365
    )
    reason = forms.CharField(label=_("Why (the person sees this)"), max_length=500)


# -- messages (clinic.messages_views) ----------------------------------------------------------


class MessageForm(AppVoiceForm):
    """A message, with the sender's idempotency key (a new one each time the form is shown, so
    a double submit sends once) and, on the person's side, the clinic it goes to."""

    constraint_model = Message

    text = forms.CharField(
        label=_("Your message"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput())
    clinic_id = forms.IntegerField(required=False, widget=forms.HiddenInput())
