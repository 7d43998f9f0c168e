"""SDS: the Severity of Dependence Scale, paraphrased for kratom.

Five questions about psychological dependence (impaired control, worry and preoccupation), each
scored 0-3; total 0-15, higher meaning more dependence.

**Adaptation (Stepdown's):** the published SDS asks about the last 12 months (Gossop1995).
Stepdown asks it every 30 days to watch change during a taper, so it asks about the **last month**
instead; a 12-month window repeated monthly would count the same months over and over. The
past-month wording is not validated, and the kratom wording is not validated either
(``validated=False``): compare a person's totals with their own earlier ones.

No cut-off has been validated for kratom, so this instrument has no bands. The published cut-offs
for other substances are listed in ``reference_cutoffs`` for context only, each with its source;
there is no universal cut-off (Piontek2008).

References
----------
Gossop1995 : items, 0-3 scoring, total 0-15, past-year time frame (adapted here to the past
month).
GonzalezSaiz2009, Kaye2002, Topp1997, Martin2006, Cheng2019 : reference cut-offs.
Piontek2008 : review; cut-offs differ by substance and population.
"""

from __future__ import annotations

from stepdown.core.instruments.base import (
    Audience,
    Instrument,
    ReferenceCutoff,
    Wording,
)
from stepdown.core.instruments.options import choice_item, options
from stepdown.core.instruments.translation import Translation

HOW_OFTEN = options("Never or almost never", "Sometimes", "Often", "Always or nearly always")
HOW_HARD = options("Not difficult", "Quite difficult", "Very difficult", "Impossible")

ITEMS = (
    choice_item("q1", "How often did you feel your kratom use was out of your control?", HOW_OFTEN),
    choice_item(
        "q2",
        "How often did the thought of missing a dose of kratom make you anxious or worried?",
        HOW_OFTEN,
    ),
    choice_item("q3", "How often were you worried about your kratom use?", HOW_OFTEN),
    choice_item("q4", "How often did you wish you could stop using kratom?", HOW_OFTEN),
    choice_item("q5", "How hard would it be for you to stop, or to go without kratom?", HOW_HARD),
)

REFERENCE_CUTOFFS = (
    ReferenceCutoff(
        population="young adults using heroin (Barcelona): heroin dependence",
        at_least=3,
        source="GonzalezSaiz2009",
    ),
    ReferenceCutoff(
        population="the same Barcelona sample: cocaine dependence",
        at_least=4,
        source="GonzalezSaiz2009",
    ),
    ReferenceCutoff(
        population="people using cocaine (Sydney): cocaine dependence",
        at_least=3,
        source="Kaye2002",
    ),
    ReferenceCutoff(
        population="regular amphetamine users (Australia): problematic amphetamine use",
        at_least=5,
        source="Topp1997",
        note="published as 'greater than four'",
    ),
    ReferenceCutoff(
        population="adolescents using cannabis (Australia): cannabis dependence",
        at_least=4,
        source="Martin2006",
    ),
    ReferenceCutoff(
        population="hospitalised adults aged 65 or over on prescribed opioid painkillers, "
        "benzodiazepines or z-hypnotics: misuse or dependence",
        at_least=6,
        source="Cheng2019",
        note="published as an optimal cut-off of 5.5",
    ),
)

# The project's own French: not validated.
FRENCH = {
    "Never or almost never": "Jamais ou presque jamais",
    "Sometimes": "Parfois",
    "Often": "Souvent",
    "Always or nearly always": "Toujours ou presque toujours",
    "Not difficult": "Pas difficile",
    "Quite difficult": "Assez difficile",
    "Very difficult": "Très difficile",
    "Impossible": "Impossible",
    ITEMS[0].text: "À quelle fréquence avez-vous eu l’impression que votre consommation de "
    "kratom échappait à votre contrôle ?",
    ITEMS[1].text: "À quelle fréquence l’idée de manquer une prise de kratom vous a-t-elle "
    "rendu(e) anxieux(se) ou inquiet(ète) ?",
    ITEMS[2].text: "À quelle fréquence votre consommation de kratom vous a-t-elle inquiété(e) ?",
    ITEMS[3].text: "À quelle fréquence avez-vous souhaité pouvoir arrêter le kratom ?",
    ITEMS[4].text: "À quel point serait-il difficile pour vous d’arrêter, ou de vous passer de "
    "kratom ?",
    "young adults using heroin (Barcelona): heroin dependence": (
        "jeunes adultes consommant de l’héroïne (Barcelone) : dépendance à l’héroïne"
    ),
    "the same Barcelona sample: cocaine dependence": (
        "le même échantillon de Barcelone : dépendance à la cocaïne"
    ),
    "people using cocaine (Sydney): cocaine dependence": (
        "personnes consommant de la cocaïne (Sydney) : dépendance à la cocaïne"
    ),
    "regular amphetamine users (Australia): problematic amphetamine use": (
        "consommateurs réguliers d’amphétamines (Australie) : usage problématique d’amphétamines"
    ),
    "published as 'greater than four'": "publié comme « supérieur à quatre »",
    "adolescents using cannabis (Australia): cannabis dependence": (
        "adolescents consommant du cannabis (Australie) : dépendance au cannabis"
    ),
    "hospitalised adults aged 65 or over on prescribed opioid painkillers, benzodiazepines or "
    "z-hypnotics: misuse or dependence": "adultes hospitalisés de 65 ans ou plus sous "
    "antalgiques opioïdes, benzodiazépines ou hypnotiques en Z prescrits : mésusage ou "
    "dépendance",
    "published as an optimal cut-off of 5.5": "publié comme un seuil optimal de 5,5",
    "Severity of Dependence Scale (SDS), kratom wording": (
        "Échelle de sévérité de la dépendance (SDS), version kratom"
    ),
    "Five questions about how much kratom use feels out of control or worrying.": (
        "Cinq questions pour savoir à quel point votre consommation de kratom vous semble hors "
        "de contrôle ou vous inquiète."
    ),
    "Think about the last month.": "Pensez au dernier mois.",
    "past month (adapted from the published 12 months)": (
        "dernier mois (adapté des 12 mois de la version publiée)"
    ),
    "SDS total (0–15)": "Total de la SDS (0–15)",
    "No licence statement found for the SDS; Stepdown shows its own paraphrase and cites the "
    "authors (Gossop1995).": "Aucune mention de licence trouvée pour la SDS ; Stepdown affiche "
    "sa propre reformulation et cite les auteurs (Gossop1995).",
    "No cut-off has been validated for kratom, so no band is shown: watch the total change over "
    "time instead.": "Aucun seuil n’a été validé pour le kratom, donc aucune catégorie n’est "
    "affichée : suivez plutôt l’évolution du total dans le temps.",
    "The reference cut-offs come from other substances and populations and are shown for "
    "context only.": "Les seuils de référence viennent d’autres substances et d’autres "
    "populations ; ils ne sont donnés qu’à titre indicatif.",
    "Validated for other substances (heroin, cocaine, amphetamine, cannabis), not for kratom.": (
        "Validée pour d’autres substances (héroïne, cocaïne, amphétamines, cannabis), pas pour le "
        "kratom."
    ),
    "Adapted: the published SDS asks about 12 months; Stepdown asks about the last month so "
    "that a monthly repeat shows change. The adapted window is not validated.": "Adaptée : la "
    "SDS publiée porte sur 12 mois ; Stepdown demande le dernier mois pour qu’une passation "
    "mensuelle montre l’évolution. Cette période adaptée n’est pas validée.",
}

INSTRUMENT = Instrument(
    code="sds",
    name="Severity of Dependence Scale (SDS), kratom wording",
    version="2",
    description="Five questions about how much kratom use feels out of control or worrying.",
    instructions="Think about the last month.",
    time_window="past month (adapted from the published 12 months)",
    audience=Audience.SELF_REPORT,
    wording=Wording.PARAPHRASED,
    validated=False,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="SDS total (0–15)",
    reference_cutoffs=REFERENCE_CUTOFFS,
    licence="No licence statement found for the SDS; Stepdown shows its own paraphrase and cites "
    "the authors (Gossop1995).",
    sources=(
        "Gossop1995",
        "Piontek2008",
        "GonzalezSaiz2009",
        "Kaye2002",
        "Topp1997",
        "Martin2006",
        "Cheng2019",
    ),
    notes=(
        "No cut-off has been validated for kratom, so no band is shown: watch the total change "
        "over time instead.",
        "The reference cut-offs come from other substances and populations and are shown for "
        "context only.",
        "Validated for other substances (heroin, cocaine, amphetamine, cannabis), not for kratom.",
        "Adapted: the published SDS asks about 12 months; Stepdown asks about the last month so "
        "that a monthly repeat shows change. The adapted window is not validated.",
    ),
    default_interval_days=30,  # assumption: monthly, with the past-month wording above
    translations=(Translation(language="fr", texts=FRENCH),),
)
