"""GAD-7: the seven-item Generalized Anxiety Disorder scale, worded as published.

References
----------
Spitzer2006 : items, 0-3 scoring, total 0-21 and the cut-offs 5 / 10 / 15 for mild / moderate /
severe anxiety.
PHQScreeners : free to reproduce with attribution.
GAD7FR : the official French (French for France) questions and answers, word for word.
"""

from __future__ import annotations

from stepdown.core.instruments._phq_gad import (
    DIFFICULTY_ITEM,
    PHQ_GAD_ATTRIBUTION,
    PHQ_GAD_FR,
    PHQ_GAD_LICENCE,
)
from stepdown.core.instruments.base import Audience, Band, Instrument, Wording
from stepdown.core.instruments.options import FREQUENCY_2_WEEKS, choice_item
from stepdown.core.instruments.translation import Translation

ITEMS = (
    choice_item("q1", "Feeling nervous, anxious, or on edge", FREQUENCY_2_WEEKS),
    choice_item("q2", "Not being able to stop or control worrying", FREQUENCY_2_WEEKS),
    choice_item("q3", "Worrying too much about different things", FREQUENCY_2_WEEKS),
    choice_item("q4", "Trouble relaxing", FREQUENCY_2_WEEKS),
    choice_item("q5", "Being so restless that it is hard to sit still", FREQUENCY_2_WEEKS),
    choice_item("q6", "Becoming easily annoyed or irritable", FREQUENCY_2_WEEKS),
    choice_item("q7", "Feeling afraid, as if something awful might happen", FREQUENCY_2_WEEKS),
)

# Pfizer's French for France (GAD7FR), word for word: the instructions and the seven questions.
# The French GAD-7 form has no closing difficulty question; its French comes from the PHQ-9's.
QUESTIONS_FR = {
    "Over the last 2 weeks, how often have you been bothered by the following problems?": (
        "Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les "
        "problèmes suivants ?"
    ),
    ITEMS[0].text: "Un sentiment de nervosité, d’anxiété ou de tension",
    ITEMS[1].text: "Une incapacité à arrêter de s’inquiéter ou à contrôler ses inquiétudes",
    ITEMS[2].text: "Une inquiétude excessive à propos de différentes choses",
    ITEMS[3].text: "Des difficultés à se détendre",
    ITEMS[4].text: "Une agitation telle qu’il est difficile à tenir en place",
    ITEMS[5].text: "Une tendance à être facilement contrarié(e) ou irritable",
    ITEMS[6].text: "Un sentiment de peur comme si quelque chose de terrible risquait de se "
    "produire",
    **PHQ_GAD_FR,
}

INSTRUMENT = Instrument(
    code="gad7",
    name="Generalized Anxiety Disorder-7 (GAD-7)",
    version="1",
    description="Seven questions about anxiety over the last two weeks.",
    instructions=(
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    ),
    time_window="past 2 weeks",
    audience=Audience.SELF_REPORT,
    wording=Wording.PUBLISHED,
    validated=True,
    items=(*ITEMS, DIFFICULTY_ITEM),
    total_items=tuple(item.code for item in ITEMS),
    total_label="GAD-7 total (0–21)",
    bands=(
        Band(name="minimal", label="Minimal", low=0, high=4),
        Band(name="mild", label="Mild", low=5, high=9),
        Band(name="moderate", label="Moderate", low=10, high=14),
        Band(name="severe", label="Severe", low=15, high=21),
    ),
    licence=PHQ_GAD_LICENCE,
    attribution=PHQ_GAD_ATTRIBUTION,
    sources=("Spitzer2006", "PHQScreeners"),
    notes=("The closing difficulty question is optional and not scored.",),
    default_interval_days=14,  # its two-week recall window (Spitzer2006)
    translations=(
        Translation(
            language="fr",
            official=True,
            sources=("GAD7FR", "PHQ9FR"),
            texts={
                **QUESTIONS_FR,
                # The project's own French around Pfizer's questions.
                "Generalized Anxiety Disorder-7 (GAD-7)": (
                    "Questionnaire sur le trouble anxieux généralisé-7 (GAD-7)"
                ),
                "Seven questions about anxiety over the last two weeks.": (
                    "Sept questions sur l’anxiété au cours des deux dernières semaines."
                ),
                "past 2 weeks": "2 dernières semaines",
                "GAD-7 total (0–21)": "Total du GAD-7 (0–21)",
                "Minimal": "Minimale",
                "Mild": "Légère",
                "Moderate": "Modérée",
                "Severe": "Sévère",
                "The closing difficulty question is optional and not scored.": (
                    "La dernière question, sur la difficulté, est facultative et n’est pas comptée."
                ),
            },
        ),
    ),
)
