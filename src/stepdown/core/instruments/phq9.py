"""PHQ-9: the nine-item Patient Health Questionnaire for depression, worded as published.

References
----------
Kroenke2001 : items, 0-3 scoring, total 0-27 and the bands 0-4 / 5-9 / 10-14 / 15-19 / 20-27.
PHQScreeners : free to reproduce with attribution.
Item 9 (thoughts of death or self-harm) needs follow-up at any answer above "not at all",
whatever the total (Kroenke2001; see docs/instruments.md).
"""

from __future__ import annotations

from stepdown.core.instruments._phq_gad import (
    DIFFICULTY_ITEM,
    PHQ_GAD_ATTRIBUTION,
    PHQ_GAD_LICENCE,
)
from stepdown.core.instruments.base import Audience, Band, FlagRule, Instrument, Wording
from stepdown.core.instruments.options import FREQUENCY_2_WEEKS, choice_item

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
)
