"""The code systems and codes the FHIR export uses, each checked against a published source
(docs/clinical-sources.md: LoincPHQ9, LoincGAD7, LoincConsent, UniiKratom,
HL7SecurityLabels).

Where no standard code exists (COWS total, the withdrawal diary, the craving slider, the
data classes of a consent) Stepdown's own code system is used, under ``LOCAL``.
"""

from __future__ import annotations

from typing import Any

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
UNII = "http://fdasis.nlm.nih.gov"
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"

# Stepdown's own namespace: it names Stepdown's codes and questionnaires; it need not resolve
# (the project has no public site). Every code under it is listed in docs/data.md.
LOCAL = "https://stepdown.example.org/fhir"
LOCAL_CODES = f"{LOCAL}/CodeSystem/stepdown"
LOCAL_DATA_CLASSES = f"{LOCAL}/CodeSystem/data-class"

# LOINC: PHQ-9 total score and item 9; GAD-7 total score.
PHQ9_TOTAL = "44261-6"
PHQ9_ITEM9 = "44260-8"
GAD7_TOTAL = "70274-6"
# LOINC answer codes of the PHQ frequency scale (item 9), by score.
PHQ_FREQUENCY = {
    0: ("LA6568-5", "Not at all"),
    1: ("LA6569-3", "Several days"),
    2: ("LA6570-1", "More than half the days"),
    3: ("LA6571-9", "Nearly every day"),
}

# The FDA's unique ingredient identifier of the kratom plant substance (Mitragyna speciosa);
# its record names mitragynine as an active constituent always present.
KRATOM_UNII = "754HG7WK00"

# Local codes: (code, display).
COWS_TOTAL = ("cows-total", "Clinical Opiate Withdrawal Scale (COWS) total score")
WITHDRAWAL_TOTAL = ("withdrawal-diary-total", "Withdrawal symptom diary total (0-48)")
CRAVING = ("craving", "Kratom craving, 0-100 slider")


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"system": system, "code": code}
    if display:
        found["display"] = display
    return found


def concept(
    system: str, code: str, display: str | None = None, *, text: str | None = None
) -> dict[str, Any]:
    found: dict[str, Any] = {"coding": [coding(system, code, display)]}
    if text:
        found["text"] = text
    return found


# 42 CFR Part 2 data: restricted, substance use information, no redisclosure without consent.
SECURITY_LABELS = (
    coding(V3_CONFIDENTIALITY, "R", "restricted"),
    coding(V3_ACT_CODE, "ETH", "substance abuse information sensitivity"),
    coding(V3_ACT_CODE, "NORDSCLCD", "no redisclosure without consent directive"),
)
