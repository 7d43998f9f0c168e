"""PHQ-9: the nine-item Patient Health Questionnaire for depression, worded as published.

References
----------
Kroenke2001 : items, 0-3 scoring, total 0-27 and the bands 0-4 / 5-9 / 10-14 / 15-19 / 20-27.
PHQScreeners : free to reproduce with attribution.
PHQ9FR : the official French (French for France) questions and answers, word for word.
Item 9 (thoughts of death or self-harm) needs follow-up at any answer above "not at all",
whatever the total (Kroenke2001; see docs/instruments.md).
"""

from __future__ import annotations

from stepdown.core.instruments._phq_gad import (
    DIFFICULTY_ITEM,
    PHQ_GAD_ATTRIBUTION,
    PHQ_GAD_FR,
    PHQ_GAD_LICENCE,
)
from stepdown.core.instruments.base import Audience, Band, FlagRule, Instrument, Wording
from stepdown.core.instruments.options import FREQUENCY_2_WEEKS, choice_item
from stepdown.core.instruments.translation import Translation

ITEMS = (
    choice_item("q1", "Little interest or pleasure in doing things", FREQUENCY_2_WEEKS),
    choice_item("q2", "Feeling down, depressed, or hopeless", FREQUENCY_2_WEEKS),
    choice_item("q3", "Trouble falling or staying asleep, or sleeping too much", FREQUENCY_2_WEEKS),
    choice_item("q4", "Feeling tired or having little energy", FREQUENCY_2_WEEKS),
    choice_item("q5", "Poor appetite or overeating", FREQUENCY_2_WEEKS),
    choice_item(
        "q6",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        FREQUENCY_2_WEEKS,
    ),
    choice_item(
        "q7",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        FREQUENCY_2_WEEKS,
    ),
    choice_item(
        "q8",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        FREQUENCY_2_WEEKS,
    ),
    choice_item(
        "q9",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        FREQUENCY_2_WEEKS,
    ),
)


# Pfizer's French for France (PHQ9FR), word for word: the instructions and the nine questions.
QUESTIONS_FR = {
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?": (
        "Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les "
        "problèmes suivants ?"
    ),
    ITEMS[0].text: "Peu d’intérêt ou de plaisir à faire les choses",
    ITEMS[1].text: "Être triste, déprimé(e) ou désespéré(e)",
    ITEMS[2].text: "Difficultés à s’endormir ou à rester endormi(e), ou dormir trop",
    ITEMS[3].text: "Se sentir fatigué(e) ou manquer d’énergie",
    ITEMS[4].text: "Avoir peu d’appétit ou manger trop",
    ITEMS[5].text: "Avoir une mauvaise opinion de soi-même, ou avoir le sentiment d’être nul(le), "
    "ou d’avoir déçu sa famille ou s’être déçu(e) soi-même",
    ITEMS[6].text: "Avoir du mal à se concentrer, par exemple, pour lire le journal ou regarder la "
    "télévision",
    ITEMS[7].text: "Bouger ou parler si lentement que les autres auraient pu le remarquer. Ou au "
    "contraire, être si agité(e) que vous avez eu du mal à tenir en place par rapport à d’habitude",
    ITEMS[8].text: "Penser qu’il vaudrait mieux mourir ou envisager de vous faire du mal d’une "
    "manière ou d’une autre",
    **PHQ_GAD_FR,
}

SELF_HARM = FlagRule(
    code="self_harm",
    description="Thoughts of death or self-harm on at least several days: show crisis help now.",
    at_least=1,
    items=("q9",),
    sources=("Kroenke2001",),
)

INSTRUMENT = Instrument(
    code="phq9",
    name="Patient Health Questionnaire-9 (PHQ-9)",
    version="1",
    description="Nine questions about depression over the last two weeks.",
    instructions=(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    time_window="past 2 weeks",
    audience=Audience.SELF_REPORT,
    wording=Wording.PUBLISHED,
    validated=True,
    items=(*ITEMS, DIFFICULTY_ITEM),
    total_items=tuple(item.code for item in ITEMS),
    total_label="PHQ-9 total (0–27)",
    bands=(
        Band(name="minimal", label="Minimal", low=0, high=4),
        Band(name="mild", label="Mild", low=5, high=9),
        Band(name="moderate", label="Moderate", low=10, high=14),
        Band(name="moderately_severe", label="Moderately severe", low=15, high=19),
        Band(name="severe", label="Severe", low=20, high=27),
    ),
    flags=(SELF_HARM,),
    licence=PHQ_GAD_LICENCE,
    attribution=PHQ_GAD_ATTRIBUTION,
    sources=("Kroenke2001", "PHQScreeners"),
    notes=(
        "Any answer above 'Not at all' to question 9 raises the self_harm flag whatever the "
        "total; a low total never hides it.",
        "The closing difficulty question is optional and not scored.",
    ),
    default_interval_days=14,  # its two-week recall window (Kroenke2001)
    translations=(
        Translation(
            language="fr",
            official=True,
            sources=("PHQ9FR",),
            texts={
                **QUESTIONS_FR,
                # The project's own French around Pfizer's questions.
                "Patient Health Questionnaire-9 (PHQ-9)": (
                    "Questionnaire sur la santé du patient-9 (PHQ-9)"
                ),
                "Nine questions about depression over the last two weeks.": (
                    "Neuf questions sur la dépression au cours des deux dernières semaines."
                ),
                "past 2 weeks": "2 dernières semaines",
                "PHQ-9 total (0–27)": "Total du PHQ-9 (0–27)",
                "Minimal": "Minimale",
                "Mild": "Légère",
                "Moderate": "Modérée",
                "Moderately severe": "Modérément sévère",
                "Severe": "Sévère",
                SELF_HARM.description: "Des pensées de mort ou de vous faire du mal, au moins "
                "plusieurs jours : l’aide de crise s’affiche tout de suite.",
                "Any answer above 'Not at all' to question 9 raises the self_harm flag whatever "
                "the total; a low total never hides it.": "Toute réponse autre que « Jamais » à "
                "la question 9 lève le signal self_harm, quel que soit le total ; un total bas ne "
                "le cache jamais.",
                "The closing difficulty question is optional and not scored.": (
                    "La dernière question, sur la difficulté, est facultative et n’est pas comptée."
                ),
            },
        ),
    ),
)
