"""COWS: the Clinical Opiate Withdrawal Scale, paraphrased, for clinicians.

Eleven signs and symptoms rated by a clinician, each with its own set of allowed scores; rate a
sign only when it looks due to withdrawal. Total 0-48 (the sum of the item maxima).
Bands: under 5 none, 5-12 mild, 13-24 moderate, 25-36 moderately severe, over 36 severe.

Pulse and pupil size need an observer, so this instrument is clinician-only. No withdrawal scale
has been validated for kratom; studies of kratom withdrawal borrow the COWS (Singh2019).

References
----------
Wesson2003 : items, each item's allowed scores, total and bands; free to copy for clinical use.
"""

from __future__ import annotations

from stepdown.core.instruments.base import Audience, Band, Instrument, Wording
from stepdown.core.instruments.options import choice_item, options

ITEMS = (
    choice_item(
        "pulse",
        "Resting pulse, measured after one minute sitting or lying",
        options("80 or below", "81–100", "101–120", "Above 120", values=(0, 1, 2, 4)),
        help_text="Beats per minute.",
    ),
    choice_item(
        "sweating",
        "Sweating over the last half hour, not explained by room temperature or activity",
        options(
            "No chills or flushing reported",
            "Reports chills or flushing",
            "Face looks flushed or moist",
            "Beads of sweat on the brow or face",
            "Sweat streaming off the face",
        ),
    ),
    choice_item(
        "restlessness",
        "Restlessness seen during the assessment",
        options(
            "Can sit still",
            "Says it is hard to sit still, but manages",
            "Often shifts or moves arms and legs without purpose",
            "Cannot sit still for more than a few seconds",
            values=(0, 1, 3, 5),
        ),
    ),
    choice_item(
        "pupils",
        "Pupil size",
        options(
            "Pinpoint, or normal for the room light",
            "Possibly larger than normal for the room light",
            "Moderately dilated",
            "So dilated that only the rim of the iris shows",
            values=(0, 1, 2, 5),
        ),
    ),
    choice_item(
        "aches",
        "Bone or joint aches (count only pain beyond any usual pain)",
        options(
            "None",
            "Mild, spread-out discomfort",
            "Reports severe, spread-out aching of joints or muscles",
            "Rubbing joints or muscles and cannot sit still from the discomfort",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "runny_nose",
        "Runny nose or tearing, not from a cold or allergy",
        options(
            "None",
            "Stuffy nose or unusually moist eyes",
            "Nose running or eyes tearing",
            "Nose running constantly, or tears streaming down the cheeks",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "gi_upset",
        "Stomach or bowel upset over the last half hour",
        options(
            "None",
            "Stomach cramps",
            "Nausea or loose stools",
            "Vomiting or diarrhoea",
            "Several bouts of diarrhoea or vomiting",
            values=(0, 1, 2, 3, 5),
        ),
    ),
    choice_item(
        "tremor",
        "Tremor with the arms held out",
        options(
            "None",
            "Felt but not seen",
            "Slight tremor seen",
            "Marked tremor or muscle twitching",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "yawning",
        "Yawning during the assessment",
        options(
            "None",
            "Once or twice",
            "Three times or more",
            "Several times a minute",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "anxiety",
        "Anxiety or irritability",
        options(
            "None",
            "Reports growing irritability or anxiety",
            "Clearly irritable or anxious",
            "So irritable or anxious that taking part in the assessment is hard",
            values=(0, 1, 2, 4),
        ),
    ),
    choice_item(
        "gooseflesh",
        "Gooseflesh",
        options(
            "Skin is smooth",
            "Gooseflesh can be felt, or hairs stand up on the arms",
            "Marked gooseflesh",
            values=(0, 3, 5),
        ),
    ),
)

INSTRUMENT = Instrument(
    code="cows",
    name="Clinical Opiate Withdrawal Scale (COWS)",
    version="1",
    description="A clinician's rating of 11 withdrawal signs and symptoms.",
    instructions="Rate each sign as observed now. Score a sign only when it appears to be due "
    "to withdrawal; for example, a fast pulse after climbing stairs scores 0.",
    time_window="now, at the assessment (sweating and stomach upset: the last 30 minutes)",
    audience=Audience.CLINICIAN,
    wording=Wording.PARAPHRASED,
    validated=True,
    items=ITEMS,
    total_items=tuple(item.code for item in ITEMS),
    total_label="COWS total (0–48)",
    bands=(
        Band(name="none", label="No withdrawal", low=0, high=4),
        Band(name="mild", label="Mild", low=5, high=12),
        Band(name="moderate", label="Moderate", low=13, high=24),
        Band(name="moderately_severe", label="Moderately severe", low=25, high=36),
        Band(name="severe", label="Severe", low=37, high=48),
    ),
    licence="The authors publish the scale for free clinical copying and use (Wesson2003); "
    "Stepdown shows its own paraphrase of the item anchors.",
    attribution="Clinical Opiate Withdrawal Scale, Wesson DR and Ling W (2003).",
    sources=("Wesson2003", "Singh2019"),
    notes=(
        "Validated for opioid withdrawal, not for kratom withdrawal; kratom studies borrow it.",
        "Each item accepts only its own scores (for example pulse 0, 1, 2 or 4).",
    ),
)
