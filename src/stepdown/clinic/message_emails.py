"""The "a message is waiting" email: whom it tells, and the worker's task that sends it.

It never holds the message's text, the person's name or the clinic's: only a link to sign in
and read it. Each clinician gets their own email, so no one sees who else was told.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from stepdown.accounts.models import User
from stepdown.accounts.tasks import email_language
from stepdown.clinic.access import in_force
from stepdown.clinic.models import Consent, Conversation


def message_recipients(*, conversation_id: int, to_person: bool) -> tuple[list[str], str]:
    """Whom the worker tells that a message is waiting, and the page their link opens: the
    person, or the clinicians their consent in force covers (none once it has ended)."""
    conversation = Conversation.objects.filter(pk=conversation_id).select_related("owner").first()
    if conversation is None:
        return [], ""
    if to_person:
        owner = conversation.owner
        return ([owner.email] if owner.is_active else []), reverse("clinic:my_messages")
    consent = (
        Consent.objects.filter(in_force(), owner_id=conversation.owner_id)
        .filter(clinic_id=conversation.clinic_id)
        .first()
    )
    if consent is None:
        return [], ""
    members = User.objects.filter(
        is_active=True,
        clinic_memberships__clinic_id=conversation.clinic_id,
        clinic_memberships__active=True,
    )
    named = consent.clinicians.all()
    if named.exists():
        members = members.filter(pk__in=named.values("pk"))
    emails = sorted(set(members.values_list("email", flat=True)))
    return emails, reverse("clinic:messages_waiting")


@task()
def send_message_waiting(conversation_id: int, to_person: bool, site_url: str) -> None:
    """Tell one side of a conversation that a message is waiting (nothing more)."""
    recipients, path = message_recipients(conversation_id=conversation_id, to_person=to_person)
    link = f"{site_url.rstrip('/')}{path}"
    accounts = {user.email: user for user in User.objects.filter(email__in=recipients)}
    for email in recipients:
        # Each in the language its account chose (the worker has no request of its own).
        with translation.override(email_language(accounts.get(email), "")):
            send_mail(
                gettext("A message is waiting for you on Stepdown"),
                render_to_string("clinic/message_waiting_email.txt", {"link": link}),
                settings.DEFAULT_FROM_EMAIL,
                [email],
            )
