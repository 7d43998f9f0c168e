"""An access event in plain words: "Dr. Lee (lee@clinic.example), clinician, opened your journal
and plan, 3 December 2026 at 10:14, for treatment".

``sentence`` is the English the API and the CSV report keep; ``shown_sentence`` is the same
sentence in the reader's language, for the "Who saw my data" page. Both are built by one
function, given a way to translate each piece (the English one leaves them as they are)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext, gettext_noop

from stepdown.audit.models import AccessEvent, Action, ActorRole, DataClass, Kind, Purpose

Translate = Callable[[str], str]

_READS = {
    Kind.PAGE: gettext_noop("opened your %(what)s"),
    Kind.API: gettext_noop("read your %(what)s through the API"),
    Kind.PDF: gettext_noop("downloaded a PDF report of your %(what)s"),
    Kind.EXPORT: gettext_noop("exported your %(what)s"),
    Kind.FHIR: gettext_noop("received your %(what)s as a FHIR record"),
    Kind.SUMMARY: gettext_noop("saw you on the clinic dashboard, with a summary of your %(what)s"),
}
_OTHER_READ = gettext_noop("read your %(what)s")
_SENTENCE = gettext_noop("%(who)s, %(role)s, %(what)s, %(when)s, for %(purpose)s")
_AND = gettext_noop("%(some)s and %(last)s")
_RECORD = gettext_noop("record")
_WRITES = {
    Action.NOTE: gettext_noop("wrote a note about you"),
    Action.PROPOSAL: gettext_noop("proposed a change to your plan"),
    Action.COWS: gettext_noop("entered a withdrawal score (COWS) for you"),
    Action.ACKNOWLEDGE: gettext_noop("acknowledged an alert about you"),
    Action.MESSAGE: gettext_noop("wrote you a message"),
}
# The models' labels a sentence uses, for the catalogue (the models keep them English).
_LABELS = (
    gettext_noop("journal"),
    gettext_noop("plan"),
    gettext_noop("check-ins"),
    gettext_noop("medicines"),
    gettext_noop("skin photos"),
    gettext_noop("notes"),
    gettext_noop("messages"),
    gettext_noop("clinician"),
    gettext_noop("clinic admin"),
    gettext_noop("treatment"),
)


def _english(text: str) -> str:
    return text


def listing(words: list[str], tr: Translate = _english) -> str:
    """ "journal", "journal and plan", "journal, plan and notes"."""
    if len(words) < 2:
        return "".join(words)
    return tr(_AND) % {"some": ", ".join(words[:-1]), "last": words[-1]}


def data_classes_text(codes: list[str], tr: Translate = _english) -> str:
    labels = dict(DataClass.choices)
    return listing([tr(str(labels.get(code, code))) for code in codes], tr) or tr(_RECORD)


def actor_text(event: AccessEvent) -> str:
    if event.actor_name:
        return f"{event.actor_name} ({event.actor_email})"
    return event.actor_email


def role_text(event: AccessEvent, tr: Translate = _english) -> str:
    return tr(str(dict(ActorRole.choices).get(event.actor_role, event.actor_role)))


def what_text(event: AccessEvent, tr: Translate = _english) -> str:
    """What was done: "opened your journal and plan", "wrote a note about you"."""
    if event.action != Action.READ:
        return tr(_WRITES.get(Action(event.action), event.action))
    pattern = _READS.get(Kind(event.kind), _OTHER_READ)
    return tr(pattern) % {"what": data_classes_text(event.data_classes, tr)}


def when_text(moment: dt.datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def purpose_text(event: AccessEvent, tr: Translate = _english) -> str:
    return tr(str(dict(Purpose.choices).get(event.purpose, event.purpose)))


def _sentence(event: AccessEvent, when: str, tr: Translate) -> str:
    return tr(_SENTENCE) % {
        "who": actor_text(event),
        "role": role_text(event, tr),
        "what": what_text(event, tr),
        "when": when,
        "purpose": purpose_text(event, tr),
    }


def sentence(event: AccessEvent, zone: ZoneInfo) -> str:
    """The English sentence (the API and the CSV report)."""
    return _sentence(event, when_text(event.at, zone), _english)


def shown_sentence(event: AccessEvent, zone: ZoneInfo) -> str:
    """The sentence in the reader's language, dates included (the page)."""
    when = formats.date_format(event.at.astimezone(zone), gettext("j F Y \\a\\t H:i"))
    return _sentence(event, when, gettext)
