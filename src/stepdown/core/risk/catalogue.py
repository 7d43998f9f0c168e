"""The risk factors Stepdown knows: what each means, its weight, evidence and sources.

The four groups come from the project's source document (SeedRisk): a history of substance
misuse, using kratom to treat oneself, anxiety or depression, and high or frequent doses. The
others turn published use thresholds into factors. **The weights are Stepdown's own synthesis,
not a validated score**: 3 where a study found clearly higher odds of dependence or the product
itself is a concern, 2 for factors the sources name without a size of effect, 1 for a weak or
indirect signal; 6 for the two answers that already point to dependence. ``docs/risk.md`` gives
the reasoning for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stepdown.core.rules.learn import LearnSlug


class FactorCode(StrEnum):
    SUBSTANCE_MISUSE_HISTORY = "substance_misuse_history"
    CO_OCCURRING_SUD = "co_occurring_sud"
    SELF_TREATMENT = "self_treatment"
    ANXIETY_DEPRESSION = "anxiety_depression"
    DAILY_USE = "daily_use"
    FREQUENT_DOSING = "frequent_dosing"
    HIGH_DOSE = "high_dose"
    YEARS_OF_USE = "years_of_use"
    EXTRACT_USE = "extract_use"
    SEVEN_OH_USE = "seven_oh_use"
    DSM5_CRITERIA = "dsm5_criteria"
    SDS_SCORE = "sds_score"
    WITHDRAWAL_WHEN_STOPPING = "withdrawal_when_stopping"


@dataclass(frozen=True)
class FactorInfo:
    """The fixed part of a factor: wording, weight, evidence, sources and what helps."""

    label: str
    weight: int
    evidence: str
    sources: tuple[str, ...]
    action: str
    learn_slug: LearnSlug


_TALK = "Talking it through with a doctor or counsellor before deciding anything can help."

CATALOGUE: dict[FactorCode, FactorInfo] = {
    FactorCode.SUBSTANCE_MISUSE_HISTORY: FactorInfo(
        label="Past problems with alcohol or other drugs",
        weight=2,
        evidence=(
            "Named as a risk group in Stepdown's source document; in a US survey another "
            "substance use disorder went with almost three times the odds of a kratom use "
            "disorder."
        ),
        sources=("SeedRisk", "Hill2024"),
        action=(
            "Set clear limits now, and keep in touch with whatever helped you before: a "
            "counsellor, a group or a trusted person."
        ),
        learn_slug=LearnSlug.WHO_IS_MOST_AT_RISK,
    ),
    FactorCode.CO_OCCURRING_SUD: FactorInfo(
        label="A current problem with another substance",
        weight=3,
        evidence=(
            "People with another substance use disorder had 2.83 times the odds of a kratom "
            "use disorder in a US survey of 2,061 people who use kratom."
        ),
        sources=("Hill2024",),
        action=(
            "Look at both together with a professional; mixing kratom with alcohol, opioids or "
            "sedatives also carries its own dangers."
        ),
        learn_slug=LearnSlug.SUPPORT,
    ),
    FactorCode.SELF_TREATMENT: FactorInfo(
        label="Using kratom to treat yourself",
        weight=2,
        evidence=(
            "Named as a risk group in Stepdown's source document: relying on kratom for pain, "
            "mood, energy, sleep or withdrawal from another drug can turn into a cycle."
        ),
        sources=("SeedRisk",),
        action=(
            "Ask a doctor about other ways to treat what you use kratom for, and keep your use "
            "to a planned, short period."
        ),
        learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
    ),
    FactorCode.ANXIETY_DEPRESSION: FactorInfo(
        label="Anxiety or low mood",
        weight=2,
        evidence=(
            "Named as a risk group in Stepdown's source document, because kratom's effect on "
            "mood can feel like a fix. Screens: PHQ-2 or GAD-2 of 3 or more."
        ),
        sources=("SeedRisk", "Kroenke2003", "Kroenke2007"),
        action="Mood and anxiety respond to treatment; consider raising them with a clinician.",
        learn_slug=LearnSlug.SUPPORT,
    ),
    FactorCode.DAILY_USE: FactorInfo(
        label="Using every day or nearly",
        weight=2,
        evidence=(
            "Withdrawal and use-disorder symptoms follow how often people use more than how "
            "much. Stepdown counts 6 or more days a week as daily (assumption)."
        ),
        sources=("Rogers2024", "SeedRisk"),
        action="Plan some days without kratom each week; a limit on days is a good start.",
        learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
    ),
    FactorCode.FREQUENT_DOSING: FactorInfo(
        label="Many doses a day",
        weight=3,
        evidence=(
            "More than 5 uses a day went with severe dependence in Malaysian regular users, and "
            "unwanted effects were concentrated at 22 or more doses a week in a US survey."
        ),
        sources=("Singh2019", "Grundmann2017"),
        action="Spacing doses further apart is often the easiest first step; set a minimum gap.",
        learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
    ),
    FactorCode.HIGH_DOSE: FactorInfo(
        label="Large doses",
        weight=2,
        evidence=(
            "In a US survey of 8,049 people, unwanted effects clustered at 5 g a dose and up. "
            "Where your products' lab values are known, Stepdown counts mitragynine instead: "
            "240 mg or more on a day of use (assumption, from those thresholds at 16 mg/g; US "
            "users average 78–135 mg a day, Malaysian regular users about 276 mg)."
        ),
        sources=("Grundmann2017", "Sharma2025", "Singh2014"),
        action="Weigh each dose and set a daily limit in grams.",
        learn_slug=LearnSlug.EFFECTS_AND_DOSE,
    ),
    FactorCode.YEARS_OF_USE: FactorInfo(
        label="Years of regular use",
        weight=1,
        evidence=(
            "Longer regular use predicted harder stopping in a US study, and more than 7 years "
            "went with severe dependence in Malaysia (weight 2 then). The 1-year starting point "
            "is an assumption."
        ),
        sources=("Smith2022", "Singh2019"),
        action="If you want to cut down, a slow taper suits long use better than stopping at once.",
        learn_slug=LearnSlug.TAPERING,
    ),
    FactorCode.EXTRACT_USE: FactorInfo(
        label="Using extracts",
        weight=2,
        evidence=(
            "Extracts are concentrated and their strength varies; products bought in the US "
            "held from 3.9 to 62.1 mg of mitragynine per gram even as plain leaf. That extracts "
            "add risk is Stepdown's inference, not a measured effect."
        ),
        sources=("Prozialeck2020", "SeedRisk"),
        action="Prefer products with a lab certificate, and note the strength when you log.",
        learn_slug=LearnSlug.PRODUCT_QUALITY,
    ),
    FactorCode.SEVEN_OH_USE: FactorInfo(
        label="Using 7-OH products",
        weight=3,
        evidence=(
            "7-OH products hold 22–75 mg of 7-hydroxymitragynine per gram, far beyond leaf, and "
            "look semi-synthetic; the FDA recommended scheduling them in 2025."
        ),
        sources=("Brown2025", "FDA2025SevenOH"),
        action="Talk to a clinician about a safe way to move away from 7-OH products.",
        learn_slug=LearnSlug.PRODUCT_QUALITY,
    ),
    FactorCode.DSM5_CRITERIA: FactorInfo(
        label="Signs of a use disorder",
        weight=2,
        evidence=(
            "The DSM-5 counts a use disorder from 2 of 11 criteria in a year (2–3 mild, 4–5 "
            "moderate, 6 or more severe); one criterion is an early sign worth watching. Studies "
            "of kratom use the same criteria, but Stepdown's kratom wording, asked about the last "
            "month, is not validated: a signal to discuss with a clinician, not a diagnosis."
        ),
        sources=("APA2022DSM5TR", "Hill2024", "Smith2022"),
        action=_TALK,
        learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
    ),
    FactorCode.SDS_SCORE: FactorInfo(
        label="Worry about control over use",
        weight=2,
        evidence=(
            "The Severity of Dependence Scale has no kratom cut-off; 3 or more is the lowest "
            "published cut-off for other substances (heroin), so this is a borrowed signal."
        ),
        sources=("Gossop1995", "GonzalezSaiz2009"),
        action=_TALK,
        learn_slug=LearnSlug.TOLERANCE_AND_DEPENDENCE,
    ),
    FactorCode.WITHDRAWAL_WHEN_STOPPING: FactorInfo(
        label="Withdrawal when you stop",
        weight=6,
        evidence=(
            "Withdrawal on stopping shows the body has adapted to kratom; most regular users in "
            "a Malaysian study had it."
        ),
        sources=("SeedRisk", "Singh2019"),
        action=(
            "If you decide to cut down, do it gradually with a plan, and consider a clinician's "
            "support."
        ),
        learn_slug=LearnSlug.WITHDRAWAL,
    ),
}

# The DSM-5 factor weighs as much as withdrawal once 2 or more criteria are met.
DSM5_USE_DISORDER_WEIGHT = 6
# More than 7 years of use doubles the weight of the years factor (Singh2019).
LONG_USE_WEIGHT = 2
