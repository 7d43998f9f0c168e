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
    SLEEP_QUALITY,
    choice_item,
    number_item,
    yes_no_item,
)

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
)
