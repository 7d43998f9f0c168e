"""What a person can share with a clinic, in plain words for the consent form.

The vocabulary itself is the access log's (``stepdown.audit.models.DataClass``): a consent
names, and the log records, the same codes. The log has one more, ``messages``, which no
consent names: a conversation with a clinic needs only a consent in force.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from stepdown.audit.models import DataClass

# Listed one by one: a new log class must not appear on the consent form by itself.
ALL: tuple[str, ...] = (
    DataClass.JOURNAL,
    DataClass.PLAN,
    DataClass.CHECKINS,
    DataClass.MEDICINES,
    DataClass.SKIN,
    DataClass.NOTES,
)

# The consent form's name for each class, and what it holds: a person ticks each one knowing
# what it means. English here (the API and FHIR keep it); pages translate it (``labels``).
LABELS: dict[str, str] = {
    DataClass.JOURNAL: gettext_noop("Journal"),
    DataClass.PLAN: gettext_noop("Taper plan"),
    DataClass.CHECKINS: gettext_noop("Check-ins and questionnaires"),
    DataClass.MEDICINES: gettext_noop("Medicines"),
    DataClass.SKIN: gettext_noop("Skin photos and measurements"),
    DataClass.NOTES: gettext_noop("Notes"),
}
EXPLANATIONS: dict[str, str] = {
    DataClass.JOURNAL: gettext_noop(
        "Every dose you log (amount, time, product) and your products with their lab values."
    ),
    DataClass.PLAN: gettext_noop(
        "Your taper plan: its steps, holds and changes, and how closely you follow it."
    ),
    DataClass.CHECKINS: gettext_noop(
        "Your daily check-ins (withdrawal, craving, sleep, mood) and your questionnaire answers "
        "and scores, including any answer about self-harm."
    ),
    DataClass.MEDICINES: gettext_noop(
        "The medicines you listed, other substances you logged, and the interaction warnings "
        "about them."
    ),
    DataClass.SKIN: gettext_noop("Your skin photos and their colour measurements."),
    DataClass.NOTES: gettext_noop(
        "Notes the clinicians write about your care, which they keep on your record."
    ),
}


def labels(codes: list[str] | tuple[str, ...]) -> list[str]:
    """The names of these classes as a page shows them, in the reader's language."""
    return [gettext(LABELS[code]) for code in codes if code in LABELS]


def describe(codes: list[str] | tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(code, label, explanation) for each code, in the vocabulary's order."""
    return [(code, LABELS[code], EXPLANATIONS[code]) for code in ALL if code in codes]


def describe_translated(codes: list[str] | tuple[str, ...]) -> list[tuple[str, str, str]]:
    """``describe`` in the language of the request (the consent and sharing pages)."""
    return [(code, gettext(label), gettext(text)) for code, label, text in describe(codes)]
