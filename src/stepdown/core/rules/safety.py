"""Safety rules: ``self_harm``, ``medical_warning`` and ``interaction`` (docs/alerts.md).

These do not wait for patterns: one answer is enough. The crisis page itself is shown by the
check-in flow at once; the alert here is the record a clinician sees later.

References:
    Kroenke2001 (PHQ-9 item 9) and Lifeline988 (crisis lines); Ahmad2021 (kratom liver injury:
    every case was jaundiced); WikEMKratom (seizures and slowed breathing need urgent care);
    LeongBinAbdullah2021 (faster heart rate and borderline QTc in regular users); Eldridge2018
    (newborns with withdrawal after kratom use in pregnancy). Interaction findings carry their
    own sources from the interaction knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stepdown.core.rules.alert import Alert, Severity, deduplicate, notice
from stepdown.core.rules.inputs import (
    InteractionFinding,
    InteractionKind,
    InteractionSeverity,
    QuestionnaireFlag,
    SideEffectReport,
    WarningSymptom,
)
from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Day, Says, Term

SELF_HARM_FLAGS = frozenset({"self_harm", "self_harm_acute"})

SELF_HARM = (
    "You do not have to face this alone",
    "Your answers on %(day)s said you may be having thoughts of harming yourself or of being "
    "better off dead. Those thoughts deserve support straight away, whatever else is going on.",
    "Open Get help now: you can call or text 988 (US and Canada) or your local crisis line at "
    "any hour, and go through your safety plan.",
)
REPORTED = "You reported this on %(day)s."
SEEK_CARE = "Seek medical care now; call emergency services if it is severe or getting worse."
TALK_FIRST = "Talk to a clinician before changing how much kratom you take."
RISKY_MIX = (
    "Kratom and %(subject)s can be a risky mix",
    "%(subject)s, on your medicines list, is a high-risk combination with kratom.",
    "You logged %(subject)s on %(day)s; with kratom it is a high-risk combination.",
    # The advice is the interaction knowledge base's own sentence.
    "%(advice)s",
)


def self_harm(*, flags: Iterable[QuestionnaireFlag]) -> tuple[Alert, ...]:
    """A ``critical`` alert for every questionnaire response that raised a self-harm flag."""
    alerts = [
        notice(
            code="self_harm",
            severity=Severity.CRITICAL,
            title=Says(SELF_HARM[0]),
            explanation=Says(SELF_HARM[1], {"day": Day(flag.day)}),
            action=Says(SELF_HARM[2]),
            source="Lifeline988",
            cause_key=f"response:{flag.response_id}",
            learn_slug=LearnSlug.SEEK_HELP_NOW,
        )
        for flag in flags
        if flag.flag in SELF_HARM_FLAGS
    ]
    return deduplicate((), alerts)


@dataclass(frozen=True)
class _Concern:
    key: str
    title: str
    why: str
    source: str
    urgent: bool


_CONCERNS: dict[WarningSymptom, _Concern] = {
    WarningSymptom.JAUNDICE_SIGNS: _Concern(
        "liver",
        "Signs that need a liver check today",
        "Yellow skin or eyes, or dark urine, can mean the liver is struggling; kratom has been "
        "linked to liver injury in which every person had yellowing of the skin or eyes.",
        "Ahmad2021",
        urgent=True,
    ),
    WarningSymptom.SEIZURE: _Concern(
        "seizure",
        "A seizure needs medical care",
        "Seizures have been reported with kratom, sometimes together with other substances, "
        "and always need a doctor's assessment.",
        "WikEMKratom",
        urgent=True,
    ),
    WarningSymptom.FAINTING: _Concern(
        "fainting",
        "Fainting needs medical care",
        "Fainting can come from the heart's rhythm, which kratom can affect.",
        "LeongBinAbdullah2021",
        urgent=True,
    ),
    WarningSymptom.CHEST_PAIN: _Concern(
        "chest_pain",
        "Chest pain needs medical care",
        "Chest pain should always be checked straight away; kratom can speed up the heart.",
        "LeongBinAbdullah2021",
        urgent=True,
    ),
    WarningSymptom.BREATHING_TROUBLE: _Concern(
        "breathing",
        "Trouble breathing needs medical care",
        "Slowed or difficult breathing is dangerous, above all when kratom is combined with "
        "opioids, alcohol or sedating medicines.",
        "WikEMKratom",
        urgent=True,
    ),
    WarningSymptom.PREGNANCY: _Concern(
        "pregnancy",
        "Pregnancy: talk to a clinician first",
        "Babies born to mothers who used kratom daily have needed treatment for withdrawal; a "
        "clinician can help plan any change so it is safe for you and the baby.",
        "Eldridge2018",
        urgent=False,
    ),
}


def medical_warning(*, reports: Iterable[SideEffectReport]) -> tuple[Alert, ...]:
    """``medical_warning`` for warning symptoms reported in check-ins.

    Liver signs, seizure, fainting, chest pain and breathing trouble are ``critical`` (seek care
    now), one alert per concern and day; pregnancy is ``high`` (talk to a clinician before
    changing anything), one alert in all, since it is a state rather than an event.
    """
    alerts = []
    for report in sorted(reports, key=lambda item: item.day):
        concern = _CONCERNS[report.symptom]
        if concern.urgent:
            severity = Severity.CRITICAL
            action = SEEK_CARE
            cause = f"{concern.key}:{report.day.isoformat()}"
        else:
            severity = Severity.HIGH
            action = TALK_FIRST
            cause = concern.key
        alerts.append(
            notice(
                code="medical_warning",
                severity=severity,
                title=Says(concern.title),
                explanation=(Says(REPORTED, {"day": Day(report.day)}), Says(concern.why)),
                action=Says(action),
                source=concern.source,
                cause_key=cause,
                learn_slug=LearnSlug.SEEK_HELP_NOW,
            )
        )
    return deduplicate((), alerts)


def interaction(*, findings: Iterable[InteractionFinding]) -> tuple[Alert, ...]:
    """``interaction`` for each high-severity medicine or co-used substance.

    A medicine is one cause for as long as it is on the list; a co-used substance is one cause
    per day it was taken. Moderate and low findings stay on the medicines page without an alert.
    """
    alerts = []
    for finding in findings:
        if finding.severity is not InteractionSeverity.HIGH:
            continue
        subject = finding.subject.strip()
        # A medicine is named as the person wrote it; a substance comes from a fixed list.
        if finding.kind is InteractionKind.MEDICINE:
            explanation = Says(RISKY_MIX[1], {"subject": subject})
            named: str | Term = subject
            cause = f"medicine:{subject.casefold()}"
        else:
            day = finding.day
            assert day is not None  # guaranteed by InteractionFinding
            named = Term(subject)
            explanation = Says(RISKY_MIX[2], {"subject": named, "day": Day(day)})
            cause = f"substance:{subject.casefold()}:{day.isoformat()}"
        alerts.append(
            notice(
                code="interaction",
                severity=Severity.HIGH,
                title=Says(RISKY_MIX[0], {"subject": named}),
                explanation=explanation,
                action=Says(RISKY_MIX[3], {"advice": Term(finding.advice)}),
                source=finding.sources[0],
                cause_key=cause,
                learn_slug=LearnSlug.INTERACTIONS,
            )
        )
    return deduplicate((), alerts)


MESSAGES: dict[str, tuple[str, ...]] = {
    "self_harm": SELF_HARM,
    "medical_warning": (
        REPORTED,
        SEEK_CARE,
        TALK_FIRST,
        *(part for concern in _CONCERNS.values() for part in (concern.title, concern.why)),
    ),
    "interaction": RISKY_MIX,
}
