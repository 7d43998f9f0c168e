"""The risk profile (docs/risk.md): ``risk_profile(inputs) -> RiskProfile``.

Rules and weights are Stepdown's own synthesis of the project's source document and published
studies, not a validated score; ``docs/risk.md`` explains every factor, threshold and weight.
"""

from __future__ import annotations

from stepdown.core.risk.assess import FactorBasis, RiskFactor, UseRates, assess_factors, use_rates
from stepdown.core.risk.catalogue import CATALOGUE, FactorCode, FactorInfo
from stepdown.core.risk.inputs import (
    Diagnosis,
    JournalSummary,
    OnboardingAnswers,
    Reason,
    RiskInputs,
    SelfTreatment,
    SubstanceHistory,
    UsePattern,
)
from stepdown.core.risk.profile import METHOD, NextStep, RiskProfile, Tier, risk_profile

__all__ = [
    "CATALOGUE",
    "METHOD",
    "Diagnosis",
    "FactorBasis",
    "FactorCode",
    "FactorInfo",
    "JournalSummary",
    "NextStep",
    "OnboardingAnswers",
    "Reason",
    "RiskFactor",
    "RiskInputs",
    "RiskProfile",
    "SelfTreatment",
    "SubstanceHistory",
    "Tier",
    "UsePattern",
    "UseRates",
    "assess_factors",
    "risk_profile",
    "use_rates",
]
