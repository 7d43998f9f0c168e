"""The dashboard's reasons and the clinician's alert titles: every wording of the core is listed
for the catalogue, and a French page says each in French (the API keeps the core's English)."""

from __future__ import annotations

import pytest
from django.utils import translation

from stepdown.alerts.models import Alert
from stepdown.clinic import triage_wording
from stepdown.core.triage import STAFF_TITLES, WORDS, Reason


def test_every_core_wording_is_listed_for_the_catalogue() -> None:
    listed = set(triage_wording.CORE_WORDS) | set(triage_wording.TITLED)
    assert set(WORDS.values()) <= listed
    assert set(STAFF_TITLES.values()) <= listed


def test_every_alert_severity_and_status_has_words() -> None:
    assert set(triage_wording.SEVERITY_WORDS) == set(Alert.Level.values)
    assert set(triage_wording.STATUS_WORDS) == set(Alert.Status.values)


@pytest.mark.parametrize("reason", list(Reason))
def test_each_reason_reads_in_french(reason: Reason) -> None:
    with translation.override("fr"):
        french = triage_wording.reason_words(reason)
    assert french != WORDS[reason]
    with translation.override("en"):
        assert triage_wording.reason_words(reason) == WORDS[reason]


@pytest.mark.parametrize("code", sorted(STAFF_TITLES))
def test_each_alert_title_reads_in_french_around_its_stored_title(code: str) -> None:
    alert = Alert(code=code, title="Seizure", severity="high", status="open")
    with translation.override("fr"):
        french = triage_wording.alert_title(alert)
    with translation.override("en"):
        english = triage_wording.alert_title(alert)
    assert english == alert.staff_title
    assert french != english
    if "{title}" in STAFF_TITLES[code]:
        assert french.endswith(" : Seizure")  # the stored title as the catalogue has it


def test_an_unknown_code_keeps_its_stored_title() -> None:
    alert = Alert(code="not_a_rule", title="Something noticed", severity="low", status="open")
    with translation.override("fr"):
        assert triage_wording.alert_title(alert) == "Something noticed"
        assert triage_wording.severity_words("low") == "Faible"
        assert triage_wording.status_words("acknowledged") == "Vue"
