"""GAD-7: the seven-item Generalized Anxiety Disorder scale, worded as published.

References
----------
Spitzer2006 : items, 0-3 scoring, total 0-21 and the cut-offs 5 / 10 / 15 for mild / moderate /
severe anxiety.
PHQScreeners : free to reproduce with attribution.
"""

from __future__ import annotations

from stepdown.core.instruments._phq_gad import (
    DIFFICULTY_ITEM,
    PHQ_GAD_ATTRIBUTION,
    PHQ_GAD_LICENCE,
)
from stepdown.core.instruments.base import Audience, Band, Instrument, Wording
from stepdown.core.instruments.options import FREQUENCY_2_WEEKS, choice_item

ITEMS = (
    choice_item("q1", "Feeling nervous, anxious, or on edge", FREQUENCY_2_WEEKS),
    choice_item("q2", "Not being able to stop or control worrying", FREQUENCY_2_WEEKS),
    choice_item("q3", "Worrying too much about different things", FREQUENCY_2_WEEKS),
    choice_item("q4", "Trouble relaxing", FREQUENCY_2_WEEKS),
    choice_item("q5", "Being so restless that it is hard to sit still", FREQUENCY_2_WEEKS),
    choice_item("q6", "Becoming easily annoyed or irritable", FREQUENCY_2_WEEKS),
    choice_item("q7", "Feeling afraid, as if something awful might happen", FREQUENCY_2_WEEKS),
)


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
)
