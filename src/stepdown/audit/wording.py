"""An access event in plain words, the same on the page, in the API and in the CSV report:
"Dr. Lee (lee@clinic.example), clinician, opened your journal and plan, 3 December 2026 at
10:14, for treatment"."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from stepdown.audit.models import AccessEvent, Action, ActorRole, DataClass, Kind, Purpose

_READS = {
    Kind.PAGE: "opened your {what}",
    Kind.API: "read your {what} through the API",
    Kind.PDF: "downloaded a PDF report of your {what}",
    Kind.EXPORT: "exported your {what}",
    Kind.FHIR: "received your {what} as a FHIR record",
    Kind.SUMMARY: "saw you on the clinic dashboard, with a summary of your {what}",
}
_WRITES = {
    Action.NOTE: "wrote a note about you",
    Action.PROPOSAL: "proposed a change to your plan",
    Action.COWS: "entered a withdrawal score (COWS) for you",
    Action.ACKNOWLEDGE: "acknowledged an alert about you",
    Action.MESSAGE: "wrote you a message",
}


def listing(words: list[str]) -> str:
    """ "journal", "journal and plan", "journal, plan and notes"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def data_classes_text(codes: list[str]) -> str:
    labels = dict(DataClass.choices)
    return listing([str(labels.get(code, code)) for code in codes]) or "record"


def actor_text(event: AccessEvent) -> str:
    if event.actor_name:
        return f"{event.actor_name} ({event.actor_email})"
    return event.actor_email


def role_text(event: AccessEvent) -> str:
    return str(dict(ActorRole.choices).get(event.actor_role, event.actor_role))


def what_text(event: AccessEvent) -> str:
    """What was done: "opened your journal and plan", "wrote a note about you"."""
    if event.action != Action.READ:
        return _WRITES.get(Action(event.action), event.action)
    pattern = _READS.get(Kind(event.kind), "read your {what}")
    return pattern.format(what=data_classes_text(event.data_classes))


def when_text(moment: dt.datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def purpose_text(event: AccessEvent) -> str:
    return str(dict(Purpose.choices).get(event.purpose, event.purpose))


def sentence(event: AccessEvent, zone: ZoneInfo) -> str:
    return (
        f"{actor_text(event)}, {role_text(event)}, {what_text(event)}, "
        f"{when_text(event.at, zone)}, for {purpose_text(event)}"
    )
