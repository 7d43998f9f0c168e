"""The staff invitation email, sent by the worker. (The alert and message emails live beside
what decides them: ``alert_emails``, ``message_emails``.)"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from stepdown.accounts.models import User
from stepdown.accounts.tasks import email_language
from stepdown.clinic.codes import staff_invitation_link
from stepdown.clinic.models import StaffInvitation


@task()
def send_staff_invitation(invitation_id: int, site_url: str, language: str = "") -> None:
    """The invitation link to the invited address: the clinic's name and the link, nothing
    about anyone's health. In the language of the invited address's account if it has one,
    else in the language of the request that invited them."""
    invitation = StaffInvitation.objects.select_related("clinic").filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open:
        return
    account = User.objects.filter(email=invitation.email).first()
    with translation.override(email_language(account, language)):
        context = {
            "clinic": invitation.clinic.name,
            "role": invitation.get_role_display().lower(),
            "link": staff_invitation_link(invitation, site_url),
            "expires_at": invitation.expires_at,
        }
        send_mail(
            gettext("You are invited to a clinic on Stepdown"),
            render_to_string("clinic/staff_invitation_email.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
