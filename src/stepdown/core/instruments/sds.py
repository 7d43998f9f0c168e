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
)
