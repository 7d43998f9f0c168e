"""GAD-2: the first two GAD-7 questions, as an anxiety screen.

References
----------
Kroenke2007 : total 0-6; a total of 3 or more is a positive screen, to be followed by the GAD-7.
PHQScreeners : free to reproduce with attribution.
GAD7FR : the official French of the two questions.
"""

from __future__ import annotations

from stepdown.core.instruments import gad7
from stepdown.core.instruments._phq_gad import PHQ_GAD_ATTRIBUTION, PHQ_GAD_LICENCE
from stepdown.core.instruments.base import Audience, Band, FlagRule, Instrument, Wording
from stepdown.core.instruments.translation import Translation

POSITIVE_AT = 3  # Kroenke2007

ITEMS = gad7.ITEMS[:2]

INSTRUMENT = Instrument(
    code="gad2",
    name="Generalized Anxiety Disorder-2 (GAD-2)",
    version="1",
    description="The first two GAD-7 questions: a quick screen for anxiety.",
    instructions=gad7.INSTRUMENT.instructions,
    time_window="past 2 weeks",
    audience=Audience.SELF_REPORT,
    wording=Wording.PUBLISHED,
    validated=True,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="GAD-2 total (0–6)",
    bands=(
        Band(name="negative", label="Negative screen", low=0, high=POSITIVE_AT - 1),
        Band(name="positive", label="Positive screen", low=POSITIVE_AT, high=6),
    ),
    flags=(
        FlagRule(
            code="positive_screen",
            description="A total of 3 or more: follow up with the full GAD-7.",
            at_least=POSITIVE_AT,
            sources=("Kroenke2007",),
        ),
    ),
    licence=PHQ_GAD_LICENCE,
    attribution=PHQ_GAD_ATTRIBUTION,
    sources=("Kroenke2007", "Spitzer2006", "PHQScreeners"),
    notes=(
        "A screen, not a severity scale: a positive screen means 'ask the GAD-7', not a diagnosis.",
    ),
    translations=(
        Translation(
            language="fr",
            official=True,
            sources=("GAD7FR",),
            # The GAD-7's first two questions, in Pfizer's French, and the project's French around.
            texts={
                **gad7.QUESTIONS_FR,
                "Generalized Anxiety Disorder-2 (GAD-2)": (
                    "Questionnaire sur le trouble anxieux généralisé-2 (GAD-2)"
                ),
                "The first two GAD-7 questions: a quick screen for anxiety.": (
                    "Les deux premières questions du GAD-7 : un dépistage rapide de l’anxiété."
                ),
                "past 2 weeks": "2 dernières semaines",
                "GAD-2 total (0–6)": "Total du GAD-2 (0–6)",
                "Negative screen": "Dépistage négatif",
                "Positive screen": "Dépistage positif",
                "A total of 3 or more: follow up with the full GAD-7.": (
                    "Un total de 3 ou plus : à compléter par le GAD-7 entier."
                ),
                "A screen, not a severity scale: a positive screen means 'ask the GAD-7', not a "
                "diagnosis.": "Un dépistage, pas une échelle de sévérité : un dépistage positif "
                "veut dire « passer le GAD-7 », pas un diagnostic.",
            },
        ),
    ),
)
