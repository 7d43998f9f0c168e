"""Clinic emails, sent by the worker."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from stepdown.clinic.alert_emails import alert_emails_send
from stepdown.clinic.codes import staff_invitation_link
from stepdown.clinic.models import StaffInvitation


@task()
def send_staff_invitation(invitation_id: int, site_url: str) -> None:
    """The invitation link to the invited address: the clinic's name and the link, nothing
    about anyone's health."""
    invitation = StaffInvitation.objects.select_related("clinic").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open:
        return
    context = {
        "clinic": invitation.clinic.name,
        "role": invitation.get_role_display().lower(),
        "link": staff_invitation_link(invitation, site_url),
        "expires_at": invitation.expires_at,
    }
    send_mail(
        "You are invited to a clinic on Stepdown",
        render_to_string("clinic/staff_invitation_email.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )


@task()
def send_alert_emails(alert_ids: list[int]) -> int:
    """Tell each clinician who sees the person that someone needs attention (nothing more)."""
    return alert_emails_send(alert_ids=alert_ids)


@task()
def send_message_waiting(conversation_id: int, to_person: bool, site_url: str) -> None:
    """Tells one side of a conversation that a message is waiting: never its text, the
    person's name or the clinic's, only a link to sign in and read it. Each clinician gets their
    own email, so no one sees who else was told."""
    from stepdown.clinic.messages import message_recipients

    recipients, path = message_recipients(conversation_id=conversation_id, to_person=to_person)
    body = render_to_string(
        "clinic/message_waiting_email.txt", {"link": f"{site_url.rstrip('/')}{path}"}
    )
    for email in recipients:
        send_mail(
            "A message is waiting for you on Stepdown",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
