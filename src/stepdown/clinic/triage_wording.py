"""The dashboard's reasons and the clinician's words for an alert, in the reader's language.

The core (``stepdown.core.triage``) words each reason and each alert for a clinician in English
and never imports Django; the API keeps that English with its codes. The core's wording is
listed here for the catalogue (a test checks the list against the core) and passed through
``gettext`` where a page or the report shows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop, pgettext_lazy

from stepdown.alerts.models import Alert
from stepdown.alerts.wording import shown_notice
from stepdown.core.triage import STAFF_TITLES, WORDS, Reason

# The reasons (core.triage.WORDS) and the clinician's alert titles (core.triage.STAFF_TITLES).
CORE_WORDS = (
    gettext_noop("Answered a check-in question about self-harm"),
    gettext_noop("Severe withdrawal (diary or COWS 25 or more)"),
    gettext_noop("Doses above the plan's target on 3 of the last 5 days"),
    gettext_noop("Switched to a 7-OH product"),
    gettext_noop("No dose and no check-in logged for 3 days"),
    gettext_noop("A scheduled questionnaire is overdue"),
    gettext_noop("A plan step is due"),
    gettext_noop("Above their own daily limit"),
    gettext_noop("More days of use in a week than they planned"),
    gettext_noop("Used on a day they planned to keep free"),
    gettext_noop("Doses closer together than they planned"),
    gettext_noop("A dose later in the day than they planned"),
    gettext_noop("Still using after their goal's end date"),
    gettext_noop("Signs of rising tolerance (amount or doses a day)"),
    gettext_noop("Their use is going up"),
    gettext_noop("Switched to a stronger product"),
    gettext_noop("Using a concentrated 7-OH product"),
    gettext_noop("Using a product that failed a contaminant test"),
    gettext_noop("Doses above the plan's target"),
    gettext_noop("Symptoms rose after the last cut"),
    gettext_noop("No check-ins for several days during the plan"),
)
# The titles that name the stored alert's own title, as messages with a placeholder.
TITLED = {
    "Warning symptom: {title}": gettext_noop("Warning symptom: %(title)s"),
    "Interaction: {title}": gettext_noop("Interaction: %(title)s"),
}
# The alert model's severity and status names (alerts.models.Alert.Level and .Status), with a
# context: an alert's "High" is not a risk's or a score's.
SEVERITY_WORDS: dict[str, Promise] = {
    "critical": pgettext_lazy("alert severity", "Urgent"),
    "high": pgettext_lazy("alert severity", "High"),
    "moderate": pgettext_lazy("alert severity", "Moderate"),
    "low": pgettext_lazy("alert severity", "Low"),
    "info": pgettext_lazy("alert severity", "For information"),
}
STATUS_WORDS: dict[str, Promise] = {
    "open": pgettext_lazy("alert status", "New"),
    "acknowledged": pgettext_lazy("alert status", "Seen"),
    "resolved": pgettext_lazy("alert status", "Resolved"),
}


def reason_words(code: Reason) -> str:
    return gettext(WORDS[code])


def reasons() -> list[tuple[str, str]]:
    """(code, words) of every reason, for the dashboard's filter."""
    return [(code.value, reason_words(code)) for code in WORDS]


def severity_words(severity: str) -> str:
    words = SEVERITY_WORDS.get(severity)
    return severity if words is None else str(words)


def status_words(status: str) -> str:
    words = STATUS_WORDS.get(status)
    return status if words is None else str(words)


def alert_title(alert: Alert) -> str:
    """The clinician's words for a stored alert (``core.triage.staff_title``), translated; the
    stored title it names (a symptom, an interaction), or that of an unknown code, as the
    person's pages word it (``alerts.wording``)."""
    wording = STAFF_TITLES.get(alert.code)
    if wording is None:
        return shown_notice(alert).title
    if wording in TITLED:
        return gettext(TITLED[wording]) % {"title": shown_notice(alert).title}
    return gettext(wording)


def alert_rows(alerts: Iterable[Alert]) -> list[dict[str, Any]]:
    """What a page or the report draws of each alert: words only, every choice made here."""
    return [
        {
            "alert": alert,
            "title": alert_title(alert),
            "severity_words": severity_words(alert.severity),
            "status_words": status_words(alert.status),
        }
        for alert in alerts
    ]
