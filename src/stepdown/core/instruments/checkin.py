"""The daily check-in: withdrawal diary, craving, sleep, effects felt, lifestyle, safety, a note.

Stepdown's own questions; NOT a validated scale. The total is the withdrawal diary total (0-48),
so the daily check-in and the stand-alone diary chart on the same axis; everything else is a
subscore or an answer. There are no bands.

Item order (this is also the order for ``stepdown score daily --answers``): the 12 diary items,
craving, craving for another substance (optional), sleep hours, sleep quality, energy, sedation,
mood, sociability, exercise minutes, mindfulness minutes, regular meals, support contact, eight
optional safety questions (thoughts of self-harm, vomiting, liver signs, seizure, fainting, chest
pain, breathing, pregnancy), and an optional note.

References
----------
Singh2014, Smith2022, Rogers2024 : the withdrawal symptoms (see ``withdrawal``).
NIDADataShareVAS : the 0-100 craving slider (see ``craving``).
Prozialeck2012 : low doses stimulate and high doses sedate, hence energy, sociability, sedation
and mood as the effects to rate.
Ahmad2021 : kratom liver injury presents with jaundice.
WikEMKratom : seizures and slowed breathing are reasons for urgent care.
Eldridge2018 : pregnancy: neonatal abstinence syndrome after kratom use.
Kroenke2001 : the self-harm question follows PHQ-9 item 9 (any "yes" needs follow-up at once);
Martinengo2019 : tracking suicidal thoughts is one of the guideline strategies for apps. Asking it
every day, because the PHQ-9 comes only every 14 days and withdrawal can raise risk, is an
assumption.
WikEMKratom : severe or persistent vomiting needs a medical check. The dehydration signs listed
(little or dark urine, dizziness on standing, a dry mouth, confusion) and the "24 hours without
keeping fluids down" are assumption: general dehydration warning signs, not kratom-specific.
Chest pain and fainting: assumption: standard emergency warning signs, not kratom-specific
evidence.
The 0-4 effect and sleep-quality scales, the 24-hour sleep maximum, the 1,440-minute maximum
(minutes in a day) and the 2,000-character note are assumptions chosen for a quick phone form.
"""

from __future__ import annotations

from stepdown.core.instruments import craving, withdrawal
from stepdown.core.instruments.base import (
    Audience,
    FlagRule,
    Instrument,
    Item,
    ItemKind,
    Subscore,
    Wording,
)
from stepdown.core.instruments.options import (
    HOW_MUCH,
    HOW_MUCH_FR,
    SLEEP_QUALITY,
    SLEEP_QUALITY_FR,
    YES_NO_FR,
    choice_item,
    number_item,
    yes_no_item,
)
from stepdown.core.instruments.translation import Translation

MINUTES_PER_DAY = 24 * 60
NOTE_MAX_LENGTH = 2000  # assumption: room for a few paragraphs, small enough to store and show

SLEEP = (
    number_item(
        "sleep_hours",
        "How many hours did you sleep last night?",
        minimum=0,
        maximum=24,
        decimal_places=2,
        unit="h",
        section="sleep",
    ),
    choice_item(
        "sleep_quality", "How well did you sleep last night?", SLEEP_QUALITY, section="sleep"
    ),
)

EFFECTS = (
    choice_item("energy", "Today, how energetic did you feel?", HOW_MUCH, section="effects"),
    choice_item(
        "sedation", "Today, how drowsy or sedated did you feel?", HOW_MUCH, section="effects"
    ),
    choice_item("mood", "Today, how good was your mood?", HOW_MUCH, section="effects"),
    choice_item(
        "sociability", "Today, how sociable or talkative did you feel?", HOW_MUCH, section="effects"
    ),
)

LIFESTYLE = (
    number_item(
        "exercise_minutes",
        "How many minutes of exercise or physical activity did you do today?",
        minimum=0,
        maximum=MINUTES_PER_DAY,
        unit="min",
        section="lifestyle",
    ),
    number_item(
        "mindfulness_minutes",
        "How many minutes of meditation, breathing exercises or other mindfulness did you do "
        "today?",
        minimum=0,
        maximum=MINUTES_PER_DAY,
        unit="min",
        section="lifestyle",
    ),
    yes_no_item("regular_meals", "Did you eat regular meals today?", section="lifestyle"),
    yes_no_item(
        "support_contact",
        "Were you in touch with a support person or group today?",
        section="lifestyle",
    ),
)

# (item code, question, flag code, what the flag asks for, sources)
_SAFETY = (
    (
        "self_harm_thoughts",
        "Today, have you had thoughts of harming yourself, or that you would be better off dead?",
        "self_harm",
        "Thoughts of harming yourself: crisis help is shown at once.",
        ("Kroenke2001", "Martinengo2019"),
    ),
    (
        "vomiting",
        "Have you been vomiting, or unable to keep fluids down?",
        "vomiting",
        "Vomiting can dry you out fast. Sip fluids often. Get medical care today if you cannot "
        "keep fluids down for 24 hours, or sooner if you pass little or dark urine, feel dizzy "
        "when you stand, have a very dry mouth, feel confused, or see blood in the vomit "
        "(assumption: general dehydration warning signs).",
        ("WikEMKratom",),
    ),
    (
        "jaundice_signs",
        "Have you noticed yellow skin or eyes, or dark urine?",
        "jaundice_signs",
        "Possible liver injury: contact a doctor today.",
        ("Ahmad2021",),
    ),
    (
        "seizure",
        "Have you had a seizure (fit)?",
        "seizure",
        "A seizure needs urgent medical care.",
        ("WikEMKratom",),
    ),
    (
        "fainting",
        "Have you fainted or passed out?",
        "fainting",
        "Fainting needs a medical check (assumption: general warning sign).",
        (),
    ),
    (
        "chest_pain",
        "Have you had chest pain?",
        "chest_pain",
        "Chest pain needs urgent medical care (assumption: general warning sign).",
        (),
    ),
    (
        "breathing_trouble",
        "Have you had trouble breathing, or very slow or shallow breathing?",
        "breathing_trouble",
        "Trouble breathing needs emergency care.",
        ("WikEMKratom",),
    ),
    (
        "pregnancy",
        "Are you pregnant, or could you be?",
        "pregnancy",
        "Pregnant: talk to a clinician before changing your kratom use.",
        ("Eldridge2018",),
    ),
)

SAFETY = tuple(
    yes_no_item(code, text, section="safety", optional=True) for code, text, *_ in _SAFETY
)
SAFETY_FLAGS = tuple(
    FlagRule(code=flag, description=description, at_least=1, items=(code,), sources=sources)
    for code, _, flag, description, sources in _SAFETY
)

NOTE = Item(
    code="note",
    text="Anything else about today?",
    kind=ItemKind.TEXT,
    max_length=NOTE_MAX_LENGTH,
    optional=True,
    section="note",
)

_SINGLE_ITEM_SUBSCORES = (
    ("sleep_hours", "Sleep (hours)"),
    ("sleep_quality", "Sleep quality (0–4)"),
    ("energy", "Energy (0–4)"),
    ("sedation", "Sedation (0–4)"),
    ("mood", "Mood (0–4)"),
    ("sociability", "Sociability (0–4)"),
    ("exercise_minutes", "Exercise (minutes)"),
    ("mindfulness_minutes", "Mindfulness (minutes)"),
)

SUBSCORES = (
    Subscore(code="withdrawal", label="Withdrawal diary total (0–48)", items=withdrawal.ITEM_CODES),
    *craving.SUBSCORES,
    *(Subscore(code=code, label=label, items=(code,)) for code, label in _SINGLE_ITEM_SUBSCORES),
)

# The project's own French: not validated.
FRENCH = {
    **withdrawal.SYMPTOMS_FR,
    **craving.CRAVING_FR,
    **HOW_MUCH_FR,
    **SLEEP_QUALITY_FR,
    **YES_NO_FR,
    "How many hours did you sleep last night?": (
        "Combien d’heures avez-vous dormi la nuit dernière ?"
    ),
    "How well did you sleep last night?": "Comment avez-vous dormi la nuit dernière ?",
    "Today, how energetic did you feel?": (
        "Aujourd’hui, à quel point vous êtes-vous senti(e) plein(e) d’énergie ?"
    ),
    "Today, how drowsy or sedated did you feel?": (
        "Aujourd’hui, à quel point vous êtes-vous senti(e) somnolent(e) ou assommé(e) ?"
    ),
    "Today, how good was your mood?": "Aujourd’hui, à quel point votre humeur était-elle bonne ?",
    "Today, how sociable or talkative did you feel?": (
        "Aujourd’hui, à quel point vous êtes-vous senti(e) sociable ou bavard(e) ?"
    ),
    "How many minutes of exercise or physical activity did you do today?": (
        "Combien de minutes d’exercice ou d’activité physique avez-vous faites aujourd’hui ?"
    ),
    "How many minutes of meditation, breathing exercises or other mindfulness did you do "
    "today?": "Combien de minutes de méditation, d’exercices de respiration ou d’autre pratique "
    "de pleine conscience avez-vous faites aujourd’hui ?",
    "Did you eat regular meals today?": "Avez-vous pris des repas réguliers aujourd’hui ?",
    "Were you in touch with a support person or group today?": (
        "Avez-vous été en contact avec une personne ou un groupe de soutien aujourd’hui ?"
    ),
    _SAFETY[0][1]: "Aujourd’hui, avez-vous eu des pensées de vous faire du mal, ou l’idée que vous "
    "seriez mieux mort(e) ?",
    _SAFETY[0][3]: "Des pensées de vous faire du mal : l’aide de crise s’affiche tout de suite.",
    _SAFETY[1][1]: "Avez-vous vomi, ou été incapable de garder les liquides ?",
    _SAFETY[1][3]: "Les vomissements peuvent vous déshydrater vite. Buvez souvent, par petites "
    "gorgées. Consultez un médecin aujourd’hui si vous ne gardez pas les liquides pendant 24 "
    "heures, ou plus tôt si vous urinez peu ou foncé, avez la tête qui tourne en vous levant, la "
    "bouche très sèche, vous sentez confus(e) ou voyez du sang dans les vomissements (hypothèse : "
    "signes généraux de déshydratation).",
    _SAFETY[2][1]: "Avez-vous remarqué une peau ou des yeux jaunes, ou des urines foncées ?",
    _SAFETY[2][3]: "Atteinte possible du foie : contactez un médecin aujourd’hui.",
    _SAFETY[3][1]: "Avez-vous fait une crise d’épilepsie (convulsions) ?",
    _SAFETY[3][3]: "Une crise d’épilepsie demande des soins médicaux urgents.",
    _SAFETY[4][1]: "Vous êtes-vous évanoui(e), ou avez-vous perdu connaissance ?",
    _SAFETY[4][3]: "Un évanouissement demande un avis médical (hypothèse : signe d’alerte "
    "général).",
    _SAFETY[5][1]: "Avez-vous eu une douleur dans la poitrine ?",
    _SAFETY[5][3]: "Une douleur dans la poitrine demande des soins médicaux urgents (hypothèse : "
    "signe d’alerte général).",
    _SAFETY[6][1]: "Avez-vous eu du mal à respirer, ou une respiration très lente ou "
    "superficielle ?",
    _SAFETY[6][3]: "Des difficultés à respirer demandent des soins d’urgence.",
    _SAFETY[7][1]: "Êtes-vous enceinte, ou pourriez-vous l’être ?",
    _SAFETY[7][3]: "Enceinte : parlez à un clinicien avant de changer votre consommation de "
    "kratom.",
    NOTE.text: "Autre chose à dire sur aujourd’hui ?",
    "Sleep (hours)": "Sommeil (heures)",
    "Sleep quality (0–4)": "Qualité du sommeil (0–4)",
    "Energy (0–4)": "Énergie (0–4)",
    "Sedation (0–4)": "Somnolence (0–4)",
    "Mood (0–4)": "Humeur (0–4)",
    "Sociability (0–4)": "Sociabilité (0–4)",
    "Exercise (minutes)": "Activité physique (minutes)",
    "Mindfulness (minutes)": "Pleine conscience (minutes)",
    "Daily check-in": "Bilan du jour",
    "A quick daily check-in: withdrawal symptoms, craving, sleep, how you felt, what helped, and "
    "anything worrying.": "Un bilan rapide chaque jour : symptômes de sevrage, envie, sommeil, "
    "ressenti, ce qui a aidé, et tout ce qui inquiète.",
    "Answer for the last 24 hours; sleep is about last night.": (
        "Répondez pour les dernières 24 heures ; le sommeil concerne la nuit dernière."
    ),
    "past 24 hours (sleep: last night)": "dernières 24 heures (sommeil : la nuit dernière)",
    "The total is the withdrawal diary total; craving, sleep, effects and lifestyle are "
    "subscores.": "Le total est celui du journal du sevrage ; envie, sommeil, effets et mode de "
    "vie sont des sous-scores.",
    "The craving slider for another substance, the eight safety questions and the note are "
    "optional.": "Le curseur d’envie pour une autre substance, les huit questions de sécurité et "
    "la note sont facultatifs.",
    "A 'yes' to the self-harm question raises the same self_harm flag as PHQ-9 item 9: crisis "
    "help first, a safety event and an alert for a supervising clinician.": "Un « oui » à la "
    "question sur les pensées de vous faire du mal lève le même signal self_harm que la question "
    "9 du PHQ-9 : l’aide de crise d’abord, un événement de sécurité et une alerte pour le "
    "clinicien qui vous suit.",
}

INSTRUMENT = Instrument(
    code="daily",
    name="Daily check-in",
    version="2",
    description="A quick daily check-in: withdrawal symptoms, craving, sleep, how you felt, what "
    "helped, and anything worrying.",
    instructions="Answer for the last 24 hours; sleep is about last night.",
    time_window="past 24 hours (sleep: last night)",
    audience=Audience.SELF_REPORT,
    wording=Wording.STEPDOWN,
    validated=False,
    items=(
        *withdrawal.ITEMS,
        *craving.ITEMS,
        *SLEEP,
        *EFFECTS,
        *LIFESTYLE,
        *SAFETY,
        NOTE,
    ),
    total_items=withdrawal.ITEM_CODES,
    total_label="Withdrawal diary total (0–48)",
    subscores=SUBSCORES,
    flags=SAFETY_FLAGS,
    licence=withdrawal.LICENCE,
    sources=(
        *withdrawal.SOURCES,
        *craving.SOURCES,
        "Prozialeck2012",
        "Ahmad2021",
        "WikEMKratom",
        "Eldridge2018",
        "Kroenke2001",
        "Martinengo2019",
    ),
    notes=(
        withdrawal.NOT_VALIDATED,
        "The total is the withdrawal diary total; craving, sleep, effects and lifestyle are "
        "subscores.",
        "The craving slider for another substance, the eight safety questions and the note are "
        "optional.",
        "A 'yes' to the self-harm question raises the same self_harm flag as PHQ-9 item 9: crisis "
        "help first, a safety event and an alert for a supervising clinician.",
    ),
    default_interval_days=1,  # assumption: once a day, matching its 24-hour window
    translations=(Translation(language="fr", texts=FRENCH),),
)
