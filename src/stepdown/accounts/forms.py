"""Account forms: sign-up, sign-in, profile and API tokens."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from stepdown.accounts.models import TIME_ZONES, User
from stepdown.web.validation import AppVoiceForm, AppVoiceMixin, AppVoiceModelForm

TIME_ZONE_CHOICES = [(name, name) for name in sorted(TIME_ZONES)]


class ZoneSelect(forms.Select):
    """The time zone list: about 600 options, each escaped by ``format_html`` here.

    Django's ``Select`` renders every option through a template of its own, which made the
    settings and sign-up pages cost ~30 ms for this one field.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((code, " selected" if code == chosen else "", label) for code, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )


class SignupForm(AppVoiceForm):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    display_name = forms.CharField(
        max_length=80, required=False, help_text="Optional: what Stepdown should call you."
    )
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; not a common password.",
    )
    time_zone = forms.ChoiceField(
        choices=TIME_ZONE_CHOICES,
        widget=ZoneSelect,
        initial="UTC",
        help_text="Your days are counted in this time zone.",
    )


class EmailAuthenticationForm(AppVoiceMixin, AuthenticationForm):
    error_messages = {  # noqa: RUF012  (Django reads it as a class attribute)
        "invalid_login": "That email and password do not match an account. The password is "
        "case-sensitive.",
        "inactive": "This account is switched off.",
    }
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


class ProfileForm(AppVoiceModelForm[User]):
    time_zone = forms.ChoiceField(choices=TIME_ZONE_CHOICES, widget=ZoneSelect)

    class Meta:
        model = User
        fields: ClassVar[list[str]] = ["display_name", "time_zone"]


class TokenForm(AppVoiceForm):
    name = forms.CharField(
        max_length=80, help_text="Where the token will be used, for example 'phone shortcut'."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["placeholder"] = "phone shortcut"
