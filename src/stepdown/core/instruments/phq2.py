"""PHQ-2: the first two PHQ-9 questions, as a depression screen.

References
----------
Kroenke2003 : total 0-6; a total of 3 or more is the recommended positive-screen cut-off.
PHQScreeners : free to reproduce with attribution.
PHQ9FR : the official French of the two questions.
"""

from __future__ import annotations

from stepdown.core.instruments import phq9
from stepdown.core.instruments._phq_gad import PHQ_GAD_ATTRIBUTION, PHQ_GAD_LICENCE
from stepdown.core.instruments.base import Audience, Band, FlagRule, Instrument, Wording
from stepdown.core.instruments.translation import Translation

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
    translations=(
        Translation(
            language="fr",
            official=True,
            sources=("PHQ9FR",),
            # The PHQ-9's first two questions, in Pfizer's French, and the project's French around.
            texts={
                **phq9.QUESTIONS_FR,
                "Patient Health Questionnaire-2 (PHQ-2)": (
                    "Questionnaire sur la santé du patient-2 (PHQ-2)"
                ),
                "The first two PHQ-9 questions: a quick screen for depression.": (
                    "Les deux premières questions du PHQ-9 : un dépistage rapide de la dépression."
                ),
                "past 2 weeks": "2 dernières semaines",
                "PHQ-2 total (0–6)": "Total du PHQ-2 (0–6)",
                "Negative screen": "Dépistage négatif",
                "Positive screen": "Dépistage positif",
                "A total of 3 or more: follow up with the full PHQ-9.": (
                    "Un total de 3 ou plus : à compléter par le PHQ-9 entier."
                ),
                "A screen, not a severity scale: a positive screen means 'ask the PHQ-9', not a "
                "diagnosis.": "Un dépistage, pas une échelle de sévérité : un dépistage positif "
                "veut dire « passer le PHQ-9 », pas un diagnostic.",
            },
        ),
    ),
)
