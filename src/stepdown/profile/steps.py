"""The onboarding steps, in order: one short question group per screen.

The ``recovery`` step is asked only when the reason is ``opioid_recovery``. Every step can be
skipped; "skip for now" leaves onboarding altogether and it resumes at the saved step later.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from stepdown.core.risk import Reason


@dataclass(frozen=True)
class Step:
    slug: str
    title: StrOrPromise
    intro: StrOrPromise


STEPS: tuple[Step, ...] = (
    Step(
        "reason",
        _("Why you are here"),
        _("There is no wrong answer. It helps Stepdown suggest what to do next."),
    ),
    Step(
        "pattern",
        _("How you use kratom now"),
        _(
            "A rough picture of a usual week is enough. It is your starting point, so you can see "
            "change later."
        ),
    ),
    Step(
        "products",
        _("What you use, and for how long"),
        _("Some products are much stronger than plain leaf, which changes the picture."),
    ),
    Step(
        "uses",
        _("What kratom does for you"),
        _(
            "Many people use kratom to handle something: pain, mood, tiredness, sleep or "
            "withdrawal. Knowing this helps find other ways to support you."
        ),
    ),
    Step(
        "history",
        _("Alcohol, other drugs and withdrawal"),
        _(
            "Past problems with other substances make dependence on kratom more likely. Your "
            "answer stays private."
        ),
    ),
    Step(
        "mood",
        _("Mood and worry"),
        _(
            "Four short questions used by doctors everywhere. Low mood and anxiety are common and "
            "treatable, and they affect how kratom feels."
        ),
    ),
    Step(
        "diagnoses",
        _("Anything you would like to share"),
        _("Only share what you want to. You can change or remove it at any time."),
    ),
    Step(
        "medicines",
        _("Medicines you take"),
        _("Some medicines do not mix well with kratom. Listing them lets Stepdown check."),
    ),
    Step(
        "recovery",
        _("The opioid you are moving away from"),
        _("Stepdown can count your days free of it and keep its cravings in view."),
    ),
)
STEP_SLUGS = tuple(step.slug for step in STEPS)
RECOVERY_ONLY = frozenset({"recovery"})


def steps_for(reason: str) -> tuple[Step, ...]:
    """The steps a person sees, given their answer to the first question."""
    if reason == Reason.OPIOID_RECOVERY.value:
        return STEPS
    return tuple(step for step in STEPS if step.slug not in RECOVERY_ONLY)


def step_named(slug: str) -> Step | None:
    return next((step for step in STEPS if step.slug == slug), None)


def next_step(reason: str, slug: str) -> str | None:
    """The step after ``slug``, or ``None`` when it was the last."""
    order = [step.slug for step in steps_for(reason)]
    if slug not in order:
        return order[0]
    position = order.index(slug)
    return order[position + 1] if position + 1 < len(order) else None
