"""Account forms: sign-up, sign-in, profile and API tokens."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stepdown.accounts import services
from stepdown.accounts.models import LANGUAGE_CHOICES, TIME_ZONES, User
from stepdown.web.html import format_html, format_html_join
from stepdown.web.validation import AppVoiceForm, AppVoiceMixin, AppVoiceModelForm

# Where most people who use Stepdown live, shown first; the browser's own zone is picked by
# accounts/timezone.js. (An ordering choice, not data about anyone.)
LIKELY_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Australia/Sydney",
    "UTC",
)
TIME_ZONE_CHOICES = [
    (_("Likely"), [(name, name) for name in LIKELY_ZONES]),
    (_("All time zones"), [(name, name) for name in sorted(TIME_ZONES - set(LIKELY_ZONES))]),
]


def time_zone_choices() -> list[tuple[Any, list[tuple[str, str]]]]:
    """The fields' choices, given as a function: every form copies its fields, and a list of
    600 zones is copied zone by zone (the account settings page has two such forms)."""
    return TIME_ZONE_CHOICES


class ZoneSelect(forms.Select):
    """The time zone list: about 600 options, written once per language and process.

    Django's ``Select`` renders every option through a template of its own, which made the
    settings and sign-up pages cost ~30 ms for this one field; escaping the 600 options on each
    render still cost a few milliseconds.
    """

    def use_required_attribute(self, initial: Any) -> bool:
        if self._zones():
            # Select's rule without walking the 600 choices for it: the first choice, the
            # "Likely" group, is not an empty value, so the list is never marked required.
            return False
        return bool(super().use_required_attribute(initial))

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = "" if value is None else str(value)
        if self._zones():
            options = _zone_options(get_language() or "")
            # Each option's markup is unique: marking the chosen one is one replacement.
            mark = format_html('<option value="{}">', chosen)
            options = mark_safe(options.replace(mark, mark[:-1] + " selected>", 1))  # noqa: S308
        else:
            options = _options(self.choices, chosen)
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )

    def _zones(self) -> bool:
        """Whether the choices are the time zone list (and not others a form gave)."""
        return getattr(self.choices, "func", None) is time_zone_choices


@functools.cache
def _zone_options(language: str) -> SafeString:
    """Every time zone's option, none chosen, with the groups' names in ``language`` (the
    active one: the key keeps one copy per language)."""
    return _options(TIME_ZONE_CHOICES, None)


def _options(choices: Any, chosen: str | None) -> SafeString:
    return format_html_join(
        "",
        '<optgroup label="{}">{}</optgroup>',
        (
            (
                group,
                format_html_join(
                    "",
                    '<option value="{}"{}>{}</option>',
                    ((code, " selected" if code == chosen else "", label) for code, label in zones),
                ),
            )
            for group, zones in choices
        ),
    )


class SignupForm(AppVoiceForm):
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("Optional: what Stepdown should call you."),
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        widget=ZoneSelect(attrs={"data-browser-zone": ""}),
        initial="UTC",
        help_text=_(
            "Your days are counted in this time zone; this browser's zone is chosen for you."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:  # shown again with errors: keep the zone the person sent
            self.fields["time_zone"].widget.attrs["data-chosen"] = "true"

    def clean(self) -> dict[str, Any]:
        """Every field's problem at once, from the same checks the service makes."""
        cleaned = super().clean() or {}
        problems = services.signup_problems(
            email=str(self.data.get("email", "")),
            password=str(self.data.get("password", "")),
            display_name=str(self.data.get("display_name", "")),
            time_zone=str(self.data.get("time_zone", "")),
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


KEEP_HELP = _(
    "Off: every other browser, API token and calendar link you set up stops working, in case "
    "someone else knew the old password."
)


class KeepSignedInMixin(AppVoiceMixin, forms.Form):
    keep_signed_in = forms.BooleanField(
        required=False,
        label=_("Keep my other sign-ins, API tokens and calendar links working"),
        help_text=KEEP_HELP,
    )
    user: User

    def save(self, commit: bool = True) -> User:
        services.password_set(
            user=self.user,
            password=self.cleaned_data["new_password1"],
            keep_signed_in=self.cleaned_data["keep_signed_in"],
        )
        return self.user


class StepdownPasswordChangeForm(KeepSignedInMixin, PasswordChangeForm):
    pass


class StepdownSetPasswordForm(KeepSignedInMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass


class EmailAuthenticationForm(AppVoiceMixin, AuthenticationForm):
    error_messages = {  # noqa: RUF012  (Django reads it as a class attribute)
        "invalid_login": _(
            "That email and password do not match an account. The password is case-sensitive."
        ),
        "inactive": _("This account is switched off."),
    }
    # No autofocus here or on the code and password steps: it would start the keyboard past
    # the skip link and "Get help now" (docs/accessibility.md).
    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ProfileForm(AppVoiceModelForm[User]):
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=time_zone_choices, widget=ZoneSelect
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("The browser's language")), *LANGUAGE_CHOICES],
        required=False,
        help_text=_("Pages and dates in this language, on every device you sign in on."),
    )

    class Meta:
        model = User
        fields: ClassVar[list[str]] = ["display_name", "time_zone", "language"]
        labels: ClassVar[dict[str, Any]] = {"display_name": _("Display name")}


class TokenForm(AppVoiceForm):
    name = forms.CharField(
        max_length=80,
        help_text=_("Where the token will be used, for example 'phone shortcut'."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["placeholder"] = _("phone shortcut")


class CodeForm(AppVoiceForm):
    code = forms.CharField(
        max_length=32,
        label=_("Code"),
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


class ReauthForm(AppVoiceForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        max_length=32,
        required=False,
        label=_("Code"),
        help_text=_("The 6-digit code your authenticator app shows now, or a recovery code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )
