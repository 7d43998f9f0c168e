"""The reminder email: the same few neutral words for every reminder, and an unsubscribe link.

An email can be read by anyone who sees the person's inbox or lock screen, so it never says what
is due: no amounts, no questionnaire names, no plan details, not even which kind of reminder it
is. The person opens Stepdown to see what is waiting.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.urls import reverse

from stepdown.reminders.models import ReminderPreference
from stepdown.reminders.tokens import unsubscribe_token

SUBJECT = "A reminder from Stepdown"
BODY = """Hello,

You have something due in Stepdown. Open Stepdown to see it:
{home_url}

You get this email because you turned on email reminders in Stepdown. To stop them, open this
link (no sign-in needed):
{unsubscribe_url}
"""


def unsubscribe_url(*, site_url: str, prefs: ReminderPreference) -> str:
    return site_url + reverse(
        "reminders:unsubscribe", args=[unsubscribe_token(prefs.unsubscribe_key)]
    )


def reminder_email(*, prefs: ReminderPreference, site_url: str) -> EmailMessage:
    """The email for one person; ``site_url`` is the address without a trailing slash."""
    link = unsubscribe_url(site_url=site_url, prefs=prefs)
    body = BODY.format(home_url=f"{site_url}/", unsubscribe_url=link)
    return EmailMessage(
        subject=SUBJECT,
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
