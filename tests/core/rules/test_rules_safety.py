"""``self_harm``, ``medical_warning`` and ``interaction``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from stepdown.core.rules import (
    InteractionFinding,
    InteractionKind,
    InteractionSeverity,
    QuestionnaireFlag,
    Severity,
    SideEffectReport,
    WarningSymptom,
    interaction,
    medical_warning,
    reports_from_flags,
    self_harm,
)

DAY = date(2025, 7, 1)


# --- self_harm ----------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["self_harm", "self_harm_acute"])
def test_any_self_harm_flag_is_a_critical_alert(flag: str) -> None:
    (alert,) = self_harm(flags=[QuestionnaireFlag("phq9", flag, DAY, "r1")])
    assert alert.severity is Severity.CRITICAL
    assert alert.cause_key == "response:r1"
    assert "988" in alert.action


def test_other_flags_are_not_self_harm() -> None:
    assert self_harm(flags=[QuestionnaireFlag("daily", "seizure", DAY, "r1")]) == ()


def test_two_flags_from_one_response_give_one_alert() -> None:
    flags = [
        QuestionnaireFlag("asq", "self_harm", DAY, "r2"),
        QuestionnaireFlag("asq", "self_harm_acute", DAY, "r2"),
    ]
    assert len(self_harm(flags=flags)) == 1


# --- medical_warning ----------------------------------------------------------------------------

URGENT = [symptom for symptom in WarningSymptom if symptom is not WarningSymptom.PREGNANCY]


@pytest.mark.parametrize("symptom", URGENT)
def test_urgent_symptoms_say_seek_care_now(symptom: WarningSymptom) -> None:
    (alert,) = medical_warning(reports=[SideEffectReport(DAY, symptom)])
    assert alert.severity is Severity.CRITICAL
    assert alert.action.startswith("Seek medical care now")


def test_pregnancy_says_talk_to_a_clinician_before_changing_anything() -> None:
    (alert,) = medical_warning(reports=[SideEffectReport(DAY, WarningSymptom.PREGNANCY)])
    assert alert.severity is Severity.HIGH
    assert "clinician before changing" in alert.action
    assert alert.source == "Eldridge2018"


def test_pregnancy_reported_every_day_is_one_alert() -> None:
    reports = [
        SideEffectReport(DAY + timedelta(days=n), WarningSymptom.PREGNANCY) for n in range(3)
    ]
    assert len(medical_warning(reports=reports)) == 1


def test_a_seizure_on_two_days_is_two_alerts() -> None:
    reports = [SideEffectReport(DAY + timedelta(days=n), WarningSymptom.SEIZURE) for n in range(2)]
    keys = [alert.cause_key for alert in medical_warning(reports=reports)]
    assert keys == ["seizure:2025-07-01", "seizure:2025-07-02"]


def test_check_in_flags_become_reports() -> None:
    flags = [
        QuestionnaireFlag("daily", "jaundice_signs", DAY, "r3"),
        QuestionnaireFlag("phq9", "self_harm", DAY, "r4"),
    ]
    assert reports_from_flags(flags) == (SideEffectReport(DAY, WarningSymptom.JAUNDICE_SIGNS),)


# --- interaction --------------------------------------------------------------------------------


def finding(
    severity: InteractionSeverity, kind: InteractionKind, **extra: object
) -> InteractionFinding:
    return InteractionFinding(
        subject="Alprazolam",
        kind=kind,
        severity=severity,
        advice="Avoid taking them together; ask your prescriber.",
        sources=("Corkery2019",),
        **extra,  # type: ignore[arg-type]
    )


def test_a_high_severity_medicine_is_an_alert_with_the_knowledge_base_advice() -> None:
    (alert,) = interaction(findings=[finding(InteractionSeverity.HIGH, InteractionKind.MEDICINE)])
    assert alert.cause_key == "medicine:alprazolam"
    assert alert.action == "Avoid taking them together; ask your prescriber."
    assert alert.source == "Corkery2019"


@pytest.mark.parametrize("severity", [InteractionSeverity.MODERATE, InteractionSeverity.LOW])
def test_moderate_and_low_interactions_raise_no_alert(severity: InteractionSeverity) -> None:
    assert interaction(findings=[finding(severity, InteractionKind.MEDICINE)]) == ()


def test_a_co_used_substance_is_one_alert_per_day() -> None:
    found = [
        finding(InteractionSeverity.HIGH, InteractionKind.SUBSTANCE, day=DAY),
        finding(InteractionSeverity.HIGH, InteractionKind.SUBSTANCE, day=DAY),
        finding(InteractionSeverity.HIGH, InteractionKind.SUBSTANCE, day=DAY + timedelta(days=1)),
    ]
    keys = [alert.cause_key for alert in interaction(findings=found)]
    assert keys == ["substance:alprazolam:2025-07-01", "substance:alprazolam:2025-07-02"]


def test_a_finding_needs_a_source_and_a_substance_needs_a_day() -> None:
    with pytest.raises(ValueError, match="source"):
        InteractionFinding("x", InteractionKind.MEDICINE, InteractionSeverity.HIGH, "advice", ())
    with pytest.raises(ValueError, match="day"):
        InteractionFinding("x", InteractionKind.SUBSTANCE, InteractionSeverity.HIGH, "a", ("S",))
