"""What a person can share with a clinic: the data classes a consent names, in plain words.

The access log (``stepdown.audit``) records reads by the same codes.
"""

from __future__ import annotations

from django.db import models


class DataClass(models.TextChoices):
    JOURNAL = "journal", "Journal"
    PLAN = "plan", "Taper plan"
    CHECKINS = "checkins", "Check-ins and questionnaires"
    MEDICINES = "medicines", "Medicines"
    SKIN = "skin", "Skin photos and measurements"
    NOTES = "notes", "Notes"


# What each class holds, for the consent form: a person ticks each one knowing what it means.
EXPLANATIONS: dict[str, str] = {
    DataClass.JOURNAL: "Every dose you log (amount, time, product) and your products with "
    "their lab values.",
    DataClass.PLAN: "Your taper plan: its steps, holds and changes, and how closely you follow it.",
    DataClass.CHECKINS: "Your daily check-ins (withdrawal, craving, sleep, mood) and your "
    "questionnaire answers and scores, including any answer about self-harm.",
    DataClass.MEDICINES: "The medicines you listed, other substances you logged, and the "
    "interaction warnings about them.",
    DataClass.SKIN: "Your skin photos and their colour measurements.",
    DataClass.NOTES: "Notes the clinicians write about your care, which they keep on your record.",
}

ALL = tuple(DataClass.values)


def describe(codes: list[str] | tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(code, label, explanation) for each code, in the vocabulary's order."""
    return [(code, DataClass(code).label, EXPLANATIONS[code]) for code in ALL if code in codes]
