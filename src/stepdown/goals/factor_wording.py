"""The risk factors and notes as the Risk page shows them, in the reader's language.

The core (``stepdown.core.risk``) words each factor in English and never imports Django; the API
and the stored snapshots keep that English. The core's fixed wording is listed here for the
catalogue (a test checks the list against the core, so a change there cannot slip through
untranslated) and passed through ``gettext`` where the page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext, gettext_noop, ngettext_lazy

from stepdown.core.risk import RiskFactor
from stepdown.worded import worded

# Each factor's label, what the person can do, and why it matters (core/risk/catalogue.py).
CORE_FACTOR_WORDING = (
    gettext_noop("Past problems with alcohol or other drugs"),
    gettext_noop(
        "Set clear limits now, and keep in touch with whatever helped you before: a "
        "counsellor, a group or a trusted person."
    ),
    gettext_noop(
        "Named as a risk group in Stepdown's source document; in a US survey another "
        "substance use disorder went with almost three times the odds of a kratom use"
        " disorder."
    ),
    gettext_noop("A current problem with another substance"),
    gettext_noop(
        "Look at both together with a professional; mixing kratom with alcohol, "
        "opioids or sedatives also carries its own dangers."
    ),
    gettext_noop(
        "People with another substance use disorder had 2.83 times the odds of a "
        "kratom use disorder in a US survey of 2,061 people who use kratom."
    ),
    gettext_noop("Using kratom to treat yourself"),
    gettext_noop(
        "Ask a doctor about other ways to treat what you use kratom for, and keep "
        "your use to a planned, short period."
    ),
    gettext_noop(
        "Named as a risk group in Stepdown's source document: relying on kratom for "
        "pain, mood, energy, sleep or withdrawal from another drug can turn into a "
        "cycle."
    ),
    gettext_noop("Anxiety or low mood"),
    gettext_noop("Mood and anxiety respond to treatment; consider raising them with a clinician."),
    gettext_noop(
        "Named as a risk group in Stepdown's source document, because kratom's effect"
        " on mood can feel like a fix. Screens: PHQ-2 or GAD-2 of 3 or more."
    ),
    gettext_noop("Using every day or nearly"),
    gettext_noop("Plan some days without kratom each week; a limit on days is a good start."),
    gettext_noop(
        "Withdrawal and use-disorder symptoms follow how often people use more than "
        "how much. Stepdown counts 6 or more days a week as daily (assumption)."
    ),
    gettext_noop("Many doses a day"),
    gettext_noop("Spacing doses further apart is often the easiest first step; set a minimum gap."),
    gettext_noop(
        "More than 5 uses a day went with severe dependence in Malaysian regular "
        "users, and unwanted effects were concentrated at 22 or more doses a week in "
        "a US survey."
    ),
    gettext_noop("Large doses"),
    gettext_noop("Weigh each dose and set a daily limit in grams."),
    gettext_noop(
        "In a US survey of 8,049 people, unwanted effects clustered at 5 g a dose and"
        " up. Where your products' lab values are known, Stepdown counts mitragynine "
        "instead: 240 mg or more on a day of use (assumption, from those thresholds "
        "at 16 mg/g; US users average 78–135 mg a day, Malaysian regular users about "
        "276 mg)."
    ),
    gettext_noop("Years of regular use"),
    gettext_noop(
        "If you want to cut down, a slow taper suits long use better than stopping at once."
    ),
    gettext_noop(
        "Longer regular use predicted harder stopping in a US study, and more than 7 "
        "years went with severe dependence in Malaysia (weight 2 then). The 1-year "
        "starting point is an assumption."
    ),
    gettext_noop("Using extracts"),
    gettext_noop("Prefer products with a lab certificate, and note the strength when you log."),
    gettext_noop(
        "Extracts are concentrated and their strength varies; products bought in the "
        "US held from 3.9 to 62.1 mg of mitragynine per gram even as plain leaf. That"
        " extracts add risk is Stepdown's inference, not a measured effect."
    ),
    gettext_noop("Using 7-OH products"),
    gettext_noop("Talk to a clinician about a safe way to move away from 7-OH products."),
    gettext_noop(
        "7-OH products hold 22–75 mg of 7-hydroxymitragynine per gram, far beyond "
        "leaf, and look semi-synthetic; the FDA recommended scheduling them in 2025."
    ),
    gettext_noop("Signs of a use disorder"),
    gettext_noop(
        "Talking it through with a doctor or counsellor before deciding anything can help."
    ),
    gettext_noop(
        "The DSM-5 counts a use disorder from 2 of 11 criteria in a year (2–3 mild, "
        "4–5 moderate, 6 or more severe); one criterion is an early sign worth "
        "watching. Studies of kratom use the same criteria, but Stepdown's kratom "
        "wording, asked about the last month, is not validated: a signal to discuss "
        "with a clinician, not a diagnosis."
    ),
    gettext_noop("Worry about control over use"),
    gettext_noop(
        "The Severity of Dependence Scale has no kratom cut-off; 3 or more is the "
        "lowest published cut-off for other substances (heroin), so this is a "
        "borrowed signal."
    ),
    gettext_noop("Withdrawal when you stop"),
    gettext_noop(
        "If you decide to cut down, do it gradually with a plan, and consider a "
        "clinician's support."
    ),
    gettext_noop(
        "Withdrawal on stopping shows the body has adapted to kratom; most regular "
        "users in a Malaysian study had it."
    ),
)

# The explanations and notes, whole or with holes for the person's numbers
# (core/risk/assess.py, explanations.py, profile.py).
CORE_EXPLANATIONS = (
    gettext_noop("You told us you currently have a problem with alcohol or another drug."),
    gettext_noop("You told us about past problems with alcohol or other drugs."),
    gettext_noop("You are using kratom to move away from opioids."),
    gettext_noop("Your journal shows extracts in the last 4 weeks."),
    gettext_noop("Your journal shows 7-OH products in the last 4 weeks."),
    gettext_noop("You told us you use extracts."),
    gettext_noop("You told us you use 7-OH products."),
    gettext_noop("You told us you get withdrawal symptoms when you stop or go without."),
    gettext_noop("You use kratom for %(uses)s."),
    gettext_noop("your PHQ-2 mood screen was %(total)s of 6"),
    gettext_noop("your GAD-2 anxiety screen was %(total)s of 6"),
    gettext_noop("you shared a diagnosis of %(names)s"),
    gettext_noop("Your last Severity of Dependence Scale total was %(total)s of 15."),
    gettext_noop("From your journal: about %(days)s days of use a week."),
    gettext_noop(
        "From your journal: about %(per_day)s doses on a day of use, %(per_week)s a week."
    ),
    gettext_noop(
        "From your journal: about %(mg)s mg of mitragynine on a day of use, estimated from "
        "your products' lab values."
    ),
    gettext_noop("From your journal: your doses average about %(grams)s g."),
    gettext_noop("From what you told us: about %(days)s days of use a week."),
    gettext_noop(
        "From what you told us: about %(per_day)s doses on a day of use, %(per_week)s a week."
    ),
    gettext_noop(
        "From what you told us: about %(mg)s mg of mitragynine on a day of use, estimated "
        "from your products' lab values."
    ),
    gettext_noop("From what you told us: your doses average about %(grams)s g."),
    gettext_noop("Your last DSM-5 check met %(criteria)s of the 11 criteria."),
    gettext_noop(
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a mild use "
        "disorder. Only a clinician can diagnose it."
    ),
    gettext_noop(
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a moderate use "
        "disorder. Only a clinician can diagnose it."
    ),
    gettext_noop(
        "Your last DSM-5 check met %(criteria)s of the 11 criteria: the range of a severe use "
        "disorder. Only a clinician can diagnose it."
    ),
    gettext_noop(
        "Your journal covers %(days)s of the last 28 days. Until it covers %(needed)s, the use "
        "pattern comes from what you told us at the start."
    ),
    gettext_noop(
        "We do not know your pattern of use yet, so daily use, dose frequency and dose size "
        "are not counted and the tier may be too low. Logging doses for a week fixes that."
    ),
    gettext_noop(
        "The DSM-5 questions have not been answered yet; they make the profile more accurate."
    ),
)
# The explanations with a count (``core.says.counted``), as plural entries.
CORE_EXPLANATION_PLURALS = (
    ngettext_lazy(
        "You have used regularly for about %(years)s year.",
        "You have used regularly for about %(years)s years.",
        "years",
    ),
)
# The words that fill an explanation's holes: what kratom is used for, the diagnoses shared.
CORE_WORDS = (
    gettext_noop("pain"),
    gettext_noop("mood"),
    gettext_noop("energy"),
    gettext_noop("sleep"),
    gettext_noop("opioid withdrawal"),
    gettext_noop("anxiety"),
    gettext_noop("depression"),
    gettext_noop("another mental-health condition"),
)
_CLAUSES = gettext_noop("%(first)s; %(second)s")


@dataclass(frozen=True)
class ShownFactor:
    """One factor as the page shows it: the core's wording translated, its codes untouched."""

    code: str
    label: str
    explanation: str
    action: str
    evidence: str
    sources: list[str]
    learn_url: str


def shown_explanation(factor: RiskFactor) -> str:
    if not factor.says:
        return gettext(factor.explanation)
    parts = [worded(part) for part in factor.says]
    if not factor.clauses:
        return " ".join(parts)
    text = parts[0]
    for part in parts[1:]:
        text = gettext(_CLAUSES) % {"first": text, "second": part}
    return f"{text[:1].upper()}{text[1:]}."


def shown_factor(factor: RiskFactor) -> ShownFactor:
    slug = factor.learn_slug.value
    return ShownFactor(
        code=factor.code.value,
        label=gettext(factor.label),
        explanation=shown_explanation(factor),
        action=gettext(factor.action),
        evidence=gettext(factor.evidence),
        sources=list(factor.sources),
        learn_url=reverse("learn:page", args=[slug]),
    )
