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
from stepdown.core.instruments.options import yes_no_item

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
)
