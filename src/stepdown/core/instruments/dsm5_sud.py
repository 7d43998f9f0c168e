"""The 11 DSM-5 substance use disorder criteria, paraphrased for kratom, asked about the last month.

A count of criteria met, not a diagnosis: only a clinician can diagnose kratom use disorder.
Two or more criteria is the range of a use disorder: 2-3 mild, 4-5 moderate, 6 or more severe.

**Adaptation (Stepdown's):** DSM-5 counts criteria over 12 months (APA2022DSM5TR). Stepdown asks
every 30 days to follow change during a taper, so it asks about the **last month**; a 12-month
window repeated monthly would count the same months again and again. A past-month count is a
monitoring signal, not the DSM-5 time frame, and neither it nor the kratom wording is validated
(``validated=False``).

Tolerance and withdrawal do not count towards a disorder when they come from a medicine taken
as prescribed under medical supervision. Kratom is not prescribed, so they count here; during a
supervised buprenorphine taper, answer about kratom only.

References
----------
APA2022DSM5TR : the criteria, the 12-month window (adapted here to the past month) and the
severity thresholds.
BCCSUDSM5 : the criteria summarised for opioids, including the medical-supervision exception.
Smith2022, Hill2024 : the same criteria applied to kratom in published studies.
"""

from __future__ import annotations

from stepdown.core.instruments.base import Audience, Band, Instrument, Wording
from stepdown.core.instruments.options import YES_NO_FR, yes_no_item
from stepdown.core.instruments.translation import Translation

ITEMS = (
    yes_no_item(
        "larger_longer",
        "Did you often take more kratom, or take it for longer, than you meant to?",
    ),
    yes_no_item(
        "cut_down",
        "Did you keep wanting to cut down or control your kratom use, or try and not manage it?",
    ),
    yes_no_item(
        "time_spent",
        "Did you spend a lot of time getting kratom, taking it, or getting over its effects?",
    ),
    yes_no_item("craving", "Did you have cravings: a strong wish or urge to take kratom?"),
    yes_no_item(
        "role_failure",
        "More than once, did kratom use get in the way of what you needed to do at work, at "
        "school or at home?",
    ),
    yes_no_item(
        "social_problems",
        "Did you keep taking kratom even though it caused or worsened problems with people close "
        "to you?",
    ),
    yes_no_item(
        "activities_reduced",
        "Did you give up or cut back on important social, work or leisure activities because of "
        "kratom?",
    ),
    yes_no_item(
        "hazardous_use",
        "More than once, did you take kratom when it was physically risky, for example before "
        "driving?",
    ),
    yes_no_item(
        "health_problems",
        "Did you keep taking kratom even though you knew it was causing or worsening a physical "
        "or mental health problem?",
    ),
    yes_no_item(
        "tolerance",
        "Did you need more kratom to feel the effect you wanted, or notice the same amount did "
        "less?",
    ),
    yes_no_item(
        "withdrawal",
        "When kratom wore off or you cut down, did you get withdrawal symptoms, or take kratom "
        "or something similar to ease or avoid them?",
    ),
)

# The project's own French: not validated.
FRENCH = {
    **YES_NO_FR,
    ITEMS[0].text: "Avez-vous souvent pris plus de kratom, ou pendant plus longtemps, que vous "
    "ne le vouliez ?",
    ITEMS[1].text: "Avez-vous eu sans cesse envie de réduire ou de contrôler votre consommation "
    "de kratom, ou essayé sans y arriver ?",
    ITEMS[2].text: "Avez-vous passé beaucoup de temps à vous procurer du kratom, à en prendre ou "
    "à vous remettre de ses effets ?",
    ITEMS[3].text: "Avez-vous eu des envies irrésistibles : un fort désir ou un besoin pressant "
    "de prendre du kratom ?",
    ITEMS[4].text: "Plus d’une fois, le kratom vous a-t-il empêché(e) de faire ce que vous deviez "
    "faire au travail, à l’école ou à la maison ?",
    ITEMS[5].text: "Avez-vous continué à prendre du kratom alors qu’il causait ou aggravait des "
    "problèmes avec vos proches ?",
    ITEMS[6].text: "Avez-vous abandonné ou réduit des activités sociales, professionnelles ou de "
    "loisirs importantes à cause du kratom ?",
    ITEMS[7].text: "Plus d’une fois, avez-vous pris du kratom dans une situation physiquement "
    "risquée, par exemple avant de conduire ?",
    ITEMS[8].text: "Avez-vous continué à prendre du kratom tout en sachant qu’il causait ou "
    "aggravait un problème de santé physique ou mentale ?",
    ITEMS[9].text: "Vous a-t-il fallu plus de kratom pour ressentir l’effet voulu, ou avez-vous "
    "remarqué que la même quantité faisait moins d’effet ?",
    ITEMS[10].text: "Quand l’effet du kratom passait ou que vous réduisiez, avez-vous eu des "
    "symptômes de sevrage, ou pris du kratom ou quelque chose de semblable pour les calmer ou "
    "les éviter ?",
    "DSM-5 substance use disorder criteria, kratom wording": (
        "Critères DSM-5 du trouble de l’usage d’une substance, version kratom"
    ),
    "The 11 standard criteria for a substance use disorder, asked about kratom.": (
        "Les 11 critères habituels d’un trouble de l’usage d’une substance, posés à propos du "
        "kratom."
    ),
    "Think about the last month. Answer about kratom only.": (
        "Pensez au dernier mois. Répondez à propos du kratom seulement."
    ),
    "past month (adapted from the DSM-5's 12 months)": "dernier mois (adapté des 12 mois du DSM-5)",
    "Criteria met (0–11)": "Critères remplis (0–11)",
    "Fewer than 2 criteria": "Moins de 2 critères",
    "Mild use disorder range (2–3 criteria)": "Zone d’un trouble léger (2–3 critères)",
    "Moderate use disorder range (4–5 criteria)": "Zone d’un trouble modéré (4–5 critères)",
    "Severe use disorder range (6 or more)": "Zone d’un trouble sévère (6 ou plus)",
    "The DSM-5-TR text is copyright the American Psychiatric Association; Stepdown shows its "
    "own paraphrase of the criteria.": "Le texte du DSM-5-TR est protégé par le droit d’auteur "
    "de l’American Psychiatric Association ; Stepdown affiche sa propre reformulation des "
    "critères.",
    "A count of criteria, not a diagnosis; only a clinician can diagnose a use disorder.": (
        "Un décompte de critères, pas un diagnostic ; seul un clinicien peut diagnostiquer un "
        "trouble de l’usage."
    ),
    "Two or more criteria is the range of a use disorder (mild 2–3, moderate 4–5, severe 6 or "
    "more), not merely 'dependence'.": "Deux critères ou plus correspondent à la zone d’un "
    "trouble de l’usage (léger 2–3, modéré 4–5, sévère 6 ou plus), pas simplement à une "
    "« dépendance ».",
    "Adapted: DSM-5 counts over 12 months; Stepdown asks about the last month so that a monthly "
    "repeat shows change. Not validated for kratom or for the shorter window.": "Adapté : le "
    "DSM-5 compte sur 12 mois ; Stepdown demande le dernier mois pour qu’une passation "
    "mensuelle montre l’évolution. Non validé pour le kratom ni pour cette période plus courte.",
    "Tolerance and withdrawal to a medicine taken as prescribed do not count, but kratom is not "
    "prescribed, so they count here.": "La tolérance et le sevrage liés à un médicament pris "
    "comme prescrit ne comptent pas ; le kratom n’est pas prescrit, donc ils comptent ici.",
}

INSTRUMENT = Instrument(
    code="dsm5_sud",
    name="DSM-5 substance use disorder criteria, kratom wording",
    version="2",
    description="The 11 standard criteria for a substance use disorder, asked about kratom.",
    instructions="Think about the last month. Answer about kratom only.",
    time_window="past month (adapted from the DSM-5's 12 months)",
    audience=Audience.SELF_REPORT,
    wording=Wording.PARAPHRASED,
    validated=False,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="Criteria met (0–11)",
    bands=(
        Band(name="none", label="Fewer than 2 criteria", low=0, high=1),
        Band(name="mild", label="Mild use disorder range (2–3 criteria)", low=2, high=3),
        Band(name="moderate", label="Moderate use disorder range (4–5 criteria)", low=4, high=5),
        Band(name="severe", label="Severe use disorder range (6 or more)", low=6, high=11),
    ),
    licence="The DSM-5-TR text is copyright the American Psychiatric Association; Stepdown shows "
    "its own paraphrase of the criteria.",
    sources=("APA2022DSM5TR", "BCCSUDSM5", "Smith2022", "Hill2024"),
    notes=(
        "A count of criteria, not a diagnosis; only a clinician can diagnose a use disorder.",
        "Two or more criteria is the range of a use disorder (mild 2–3, moderate 4–5, severe 6 "
        "or more), not merely 'dependence'.",
        "Adapted: DSM-5 counts over 12 months; Stepdown asks about the last month so that a "
        "monthly repeat shows change. Not validated for kratom or for the shorter window.",
        "Tolerance and withdrawal to a medicine taken as prescribed do not count, but kratom is "
        "not prescribed, so they count here.",
    ),
    default_interval_days=30,  # assumption: monthly, with the past-month wording above
    translations=(Translation(language="fr", texts=FRENCH),),
)
