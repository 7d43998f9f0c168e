"""Stepdown's own daily withdrawal symptom diary. NOT a validated scale.

No withdrawal scale has been validated for kratom. This diary lists the symptoms that kratom
studies and the source documents report, each rated 0 (none) to 4 (extreme) over the last
24 hours; the total (0-48) is only useful for comparing a person with themselves over time, so
there are no bands.

References
----------
Singh2014 : aches, poor sleep, watery eyes and runny nose, hot flushes, diarrhoea,
restlessness, tension, anger, sadness and nervousness on stopping kratom.
Smith2022 : stomach upset, restlessness, anxiety, irritability, fatigue and low energy.
Rogers2024 : kratom withdrawal measured with an opioid withdrawal symptom scale whose symptoms
include yawning, sweating, flushes and aches.
The 0-4 scale is an assumption: a five-step rating like many symptom diaries, chosen so a change
of one step is visible; it has not been tested.
"""

from __future__ import annotations

from stepdown.core.instruments.base import Audience, Instrument, Wording
from stepdown.core.instruments.options import SYMPTOM_SEVERITY, SYMPTOM_SEVERITY_FR, choice_item
from stepdown.core.instruments.translation import Translation

SECTION = "withdrawal"

_SYMPTOMS = (
    ("irritability", "Irritability"),
    ("low_mood", "Low mood or sadness"),
    ("anxiety", "Anxiety or nervousness"),
    ("trouble_sleeping", "Trouble sleeping"),
    ("nausea", "Nausea or an upset stomach"),
    ("diarrhoea", "Diarrhoea"),
    ("restlessness", "Restlessness"),
    ("fatigue", "Tiredness or low energy"),
    ("aches", "Aching muscles or bones"),
    ("runny_nose", "Runny nose or watery eyes"),
    ("yawning", "Yawning"),
    ("sweating", "Sweating, or hot and cold flushes"),
)

ITEMS = tuple(
    choice_item(code, text, SYMPTOM_SEVERITY, section=SECTION) for code, text in _SYMPTOMS
)
ITEM_CODES = tuple(item.code for item in ITEMS)
SOURCES = ("Singh2014", "Smith2022", "Rogers2024")
NOT_VALIDATED = (
    "Stepdown's own symptom diary: it is not a validated scale and has no cut-offs. Use the "
    "total to compare your own days, not to compare people."
)
LICENCE = "Stepdown's own questions, under the same licence as Stepdown (AGPL-3.0-or-later)."

# The project's own French (not validated); the daily check-in reuses it.
SYMPTOMS_FR = {
    **SYMPTOM_SEVERITY_FR,
    "Irritability": "Irritabilité",
    "Low mood or sadness": "Moral bas ou tristesse",
    "Anxiety or nervousness": "Anxiété ou nervosité",
    "Trouble sleeping": "Difficultés à dormir",
    "Nausea or an upset stomach": "Nausées ou estomac dérangé",
    "Diarrhoea": "Diarrhée",
    "Restlessness": "Agitation",
    "Tiredness or low energy": "Fatigue ou manque d’énergie",
    "Aching muscles or bones": "Douleurs musculaires ou osseuses",
    "Runny nose or watery eyes": "Nez qui coule ou yeux qui larmoient",
    "Yawning": "Bâillements",
    "Sweating, or hot and cold flushes": "Sueurs, ou bouffées de chaleur et frissons",
    NOT_VALIDATED: "Le journal des symptômes propre à Stepdown : ce n’est pas une échelle validée "
    "et il n’a pas de seuils. Servez-vous du total pour comparer vos propres journées, pas pour "
    "vous comparer à d’autres.",
    LICENCE: "Questions propres à Stepdown, sous la même licence que Stepdown (AGPL-3.0-or-later).",
    "Withdrawal diary total (0–48)": "Total du journal du sevrage (0–48)",
    "past 24 hours": "dernières 24 heures",
}
FRENCH = {
    **SYMPTOMS_FR,
    "Withdrawal symptom diary (Stepdown)": "Journal des symptômes de sevrage (Stepdown)",
    "How much 12 common withdrawal symptoms bothered you in the last 24 hours.": (
        "À quel point 12 symptômes de sevrage fréquents vous ont gêné(e) au cours des dernières "
        "24 heures."
    ),
    "Over the last 24 hours, how much have you had each of these?": (
        "Au cours des dernières 24 heures, à quel point avez-vous ressenti chacun de ces "
        "symptômes ?"
    ),
}

INSTRUMENT = Instrument(
    code="withdrawal",
    name="Withdrawal symptom diary (Stepdown)",
    version="1",
    description="How much 12 common withdrawal symptoms bothered you in the last 24 hours.",
    instructions="Over the last 24 hours, how much have you had each of these?",
    time_window="past 24 hours",
    audience=Audience.SELF_REPORT,
    wording=Wording.STEPDOWN,
    validated=False,
    items=ITEMS,
    total_items=ITEM_CODES,
    total_label="Withdrawal diary total (0–48)",
    licence=LICENCE,
    sources=SOURCES,
    notes=(NOT_VALIDATED,),
    default_interval_days=1,  # assumption: once a day, matching its 24-hour window
    translations=(Translation(language="fr", texts=FRENCH),),
)
