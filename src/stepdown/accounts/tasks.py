"""Account emails, sent by the worker so a request answers in the same time whether or not the
address has an account (and no request waits for a mail server)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django_tasks import task

from stepdown.accounts.models import User


def email_language(user: User | None, language: str) -> str:
    """An email is in the account's language, else in the language of the request that asked
    for it (the worker has no request of its own)."""
    chosen = (user.language if user is not None else "") or language
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class _ResetForm(PasswordResetForm):
    """Django's reset form, each email written in its account's language."""

    language = ""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        with translation.override(email_language(context.get("user"), self.language)):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


@task()
def send_password_reset(email: str, site_url: str, language: str = "") -> None:
    """A reset link to each active account with this address; nothing when there is none."""
    form = _ResetForm({"email": email})
    form.language = language
    if not form.is_valid():
        return
    parts = urlsplit(site_url)
    form.save(
        domain_override=parts.netloc,
        use_https=parts.scheme == "https",
        subject_template_name="accounts/password_reset_subject.txt",
        email_template_name="accounts/password_reset_email.txt",
    )


def confirmation_link(user: User, site_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:signup_confirm", args=[uid, token])
    return f"{site_url.rstrip('/')}{path}"


@task()
def send_signup_email(email: str, new: bool, site_url: str, language: str = "") -> None:
    """A new address gets its confirmation link; a known one is told someone tried to sign up."""
    user = User.objects.filter(email=email).first()
    if user is None:
        return
    site = site_url.rstrip("/")
    context = {
        "login_url": site + reverse("accounts:login"),
        "reset_url": site + reverse("accounts:password_reset"),
    }
    if new:
        context["link"] = confirmation_link(user, site_url)
        template = "accounts/signup_confirm_email.txt"
    else:
        template = "accounts/signup_taken_email.txt"
    with translation.override(email_language(user, language)):
        send_mail(
            gettext("Your Stepdown account"),
            render_to_string(template, context),
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
