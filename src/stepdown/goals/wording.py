"""The Risk page's words: what each tier means, the next step it suggests, the tier's label.

They stay English here (the API reads them); the page translates them where it shows them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_noop

from stepdown.core.risk import NextStep, Tier
from stepdown.goals.models import RiskSnapshot

TIER_MEANING = {
    Tier.LOW.value: gettext_noop(
        "Few of the known risk factors apply to you right now. Keeping use occasional and "
        "deliberate is what keeps it that way."
    ),
    Tier.MODERATE.value: gettext_noop(
        "Some known risk factors apply. Clear limits and a short-term goal are good protection."
    ),
    Tier.HIGH.value: gettext_noop(
        "Several known risk factors apply together. Limits help, and so does talking with a "
        "professional about your use."
    ),
    Tier.LIKELY_DEPENDENCE.value: gettext_noop(
        "Your answers point to your body having adapted to kratom. That is common and nothing "
        "to be ashamed of; changing use gradually, with support, is the safe way."
    ),
    Tier.USE_DISORDER.value: gettext_noop(
        "Your DSM-5 answers are in the range of a kratom use disorder: 2–3 criteria is mild, "
        "4–5 moderate, 6 or more severe. It is a checklist, not a diagnosis, and it is common "
        "and treatable; a clinician can confirm it and help you choose a safe way forward."
    ),
}


@dataclass(frozen=True)
class Suggestion:
    text: str
    label: str
    url_name: str
    url_args: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.url_args)


NEXT_STEPS = {
    NextStep.SET_LIMITS.value: Suggestion(
        gettext_noop(
            "Set a few limits that feel realistic: grams a day, days a week, time between doses."
        ),
        gettext_noop("Set your limits"),
        "goals:goals",
    ),
    NextStep.MAKE_PLAN.value: Suggestion(
        gettext_noop(
            "Make a gradual plan: small, steady steps are easier on the body than stopping at once."
        ),
        gettext_noop("Make a plan"),
        "plans:new",
    ),
    NextStep.SEE_PROFESSIONAL.value: Suggestion(
        gettext_noop(
            "Talk to a doctor or counsellor about your use; they can help you choose a safe way "
            "forward. You can still set limits here."
        ),
        gettext_noop("Find professional help"),
        "learn:page",
        ("finding-a-clinician",),
    ),
}


def tier_label(tier: str) -> str:
    return str(RiskSnapshot.TierChoice(tier).label)
