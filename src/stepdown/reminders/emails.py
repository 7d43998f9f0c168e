"""The reminder email: the same few neutral words for every reminder, and an unsubscribe link.

An email can be read by anyone who sees the person's inbox or lock screen, so it never says what
is due: no amounts, no questionnaire names, no plan details, not even which kind of reminder it
is. The person opens Stepdown to see what is waiting.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.reminders.models import ReminderPreference
from stepdown.reminders.tokens import unsubscribe_token

SUBJECT = gettext_noop("A reminder from Stepdown")
BODY = gettext_noop(
    """Hello,

You have something due in Stepdown. Open Stepdown to see it:
%(home_url)s

You get this email because you turned on email reminders in Stepdown. To stop them, open this
link (no sign-in needed):
%(unsubscribe_url)s
"""
)


def unsubscribe_url(*, site_url: str, prefs: ReminderPreference) -> str:
    return site_url + reverse(
        "reminders:unsubscribe", args=[unsubscribe_token(prefs.unsubscribe_key)]
    )


def reminder_email(*, prefs: ReminderPreference, site_url: str) -> EmailMessage:
    """The email for one person, in the language their account chose (English when it follows
    the browser: no browser asks for this one); ``site_url`` is the address without a trailing
    slash."""
    link = unsubscribe_url(site_url=site_url, prefs=prefs)
    with translation.override(prefs.owner.language or settings.LANGUAGE_CODE):
        subject = _(SUBJECT)
        body = _(BODY) % {"home_url": f"{site_url}/", "unsubscribe_url": link}
    return EmailMessage(
        subject=subject,
        body=body,
        to=[prefs.owner.email],
        headers={
            # RFC 2369 and RFC 8058: mail programs show their own one-click unsubscribe button.
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # RFC 3834: no auto-replies to a machine's message.
            "Auto-Submitted": "auto-generated",
        },
    )
