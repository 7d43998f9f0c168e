"""Account emails, sent by the worker so a request answers in the same time whether or not the
address has an account (and no request waits for a mail server)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from stepdown.accounts.models import User


@task()
def send_password_reset(email: str, site_url: str) -> None:
    """A reset link to each active account with this address; nothing when there is none."""
    form = PasswordResetForm({"email": email})
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
def send_signup_email(email: str, new: bool, site_url: str) -> None:
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
    send_mail(
        "Your Stepdown account",
        render_to_string(template, context),
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )
