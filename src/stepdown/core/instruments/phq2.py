"""PHQ-2: the first two PHQ-9 questions, as a depression screen.

References
----------
Kroenke2003 : total 0-6; a total of 3 or more is the recommended positive-screen cut-off.
PHQScreeners : free to reproduce with attribution.
"""

from __future__ import annotations

from stepdown.core.instruments import phq9
from stepdown.core.instruments._phq_gad import PHQ_GAD_ATTRIBUTION, PHQ_GAD_LICENCE
from stepdown.core.instruments.base import Audience, Band, FlagRule, Instrument, Wording

POSITIVE_AT = 3  # Kroenke2003

ITEMS = phq9.ITEMS[:2]

INSTRUMENT = Instrument(
    code="phq2",
    name="Patient Health Questionnaire-2 (PHQ-2)",
    version="1",
    description="The first two PHQ-9 questions: a quick screen for depression.",
    instructions=phq9.INSTRUMENT.instructions,
    time_window="past 2 weeks",
    audience=Audience.SELF_REPORT,
    wording=Wording.PUBLISHED,
    validated=True,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="PHQ-2 total (0–6)",
    bands=(
        Band(name="negative", label="Negative screen", low=0, high=POSITIVE_AT - 1),
        Band(name="positive", label="Positive screen", low=POSITIVE_AT, high=6),
    ),
    flags=(
        FlagRule(
            code="positive_screen",
            description="A total of 3 or more: follow up with the full PHQ-9.",
            at_least=POSITIVE_AT,
            sources=("Kroenke2003",),
        ),
    ),
    licence=PHQ_GAD_LICENCE,
    attribution=PHQ_GAD_ATTRIBUTION,
    sources=("Kroenke2003", "Kroenke2001", "PHQScreeners"),
    notes=(
        "A screen, not a severity scale: a positive screen means 'ask the PHQ-9', not a diagnosis.",
    ),
)
